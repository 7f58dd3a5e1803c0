package store

import (
	"encoding/json"
	"runtime"
	"sync"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

var (
	bucketQuotes      = []byte("quotes")      // article id -> the article's quotes (JSON)
	bucketFigures     = []byte("figures")     // article id -> the article's figures (JSON)
	bucketCorrections = []byte("corrections") // article id + start -> a user's correction of a quote (JSON)
	bucketAliases     = []byte("aliases")     // alias -> canonical name
)

// QuoteID makes the stable identity of a quote: its article and the rune
// offset where it starts. It survives re-extraction, which is what lets a
// user's corrections stick.
func QuoteID(article dossier.ArticleID, start int) dossier.QuoteID {
	return dossier.QuoteID(uint64(article)<<24 | uint64(start)&0xFFFFFF)
}

// SplitQuoteID returns the article and start offset of a quote ID.
func SplitQuoteID(id dossier.QuoteID) (dossier.ArticleID, int) {
	return dossier.ArticleID(uint64(id) >> 24), int(uint64(id) & 0xFFFFFF)
}

// extractAll runs the extractor over the articles at the given indexes,
// spread over the cores. It runs outside any transaction.
func extractAll(fn func(*dossier.Article) dossier.Extraction, batch []*dossier.Article, which []int) map[int]dossier.Extraction {
	out := make(map[int]dossier.Extraction, len(which))
	if fn == nil || len(which) == 0 {
		return out
	}
	res := make([]dossier.Extraction, len(which))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				res[k] = fn(batch[which[k]])
			}
		}()
	}
	for k := range which {
		next <- k
	}
	close(next)
	wg.Wait()
	for k, i := range which {
		out[i] = res[k]
	}
	return out
}

// putExtraction stores what was found in one article, after applying the
// user's corrections to it.
func putExtraction(tx *bolt.Tx, id dossier.ArticleID, ex dossier.Extraction) error {
	qs, err := applyCorrections(tx, id, ex.Quotes)
	if err != nil {
		return err
	}
	if err := putQuotes(tx, id, qs); err != nil {
		return err
	}
	return putFigures(tx, id, ex.Figures)
}

// preparedExtraction is what extraction found in one article together with
// its stored form, made outside the write transaction; a nil form means it
// has yet to be encoded.
type preparedExtraction struct {
	ex              dossier.Extraction
	quotes, figures []byte
	encoded         bool
}

func prepareExtraction(ex dossier.Extraction) preparedExtraction {
	p := preparedExtraction{ex: ex}
	q, err1 := encodeRecords(quoteRecs(ex.Quotes))
	f, err2 := encodeRecords(figureRecs(ex.Figures))
	if err1 == nil && err2 == nil {
		p.quotes, p.figures, p.encoded = q, f, true
	}
	return p
}

// putPrepared stores a prepared extraction: as encoded when the article has
// no corrections to apply, else through putExtraction.
func putPrepared(tx *bolt.Tx, id dossier.ArticleID, p preparedExtraction) error {
	if !p.encoded || hasCorrections(tx, id) {
		return putExtraction(tx, id, p.ex)
	}
	k := itob(uint64(id))
	for _, put := range []struct {
		bucket []byte
		data   []byte
	}{{bucketQuotes, p.quotes}, {bucketFigures, p.figures}} {
		b := tx.Bucket(put.bucket)
		if put.data == nil {
			if err := b.Delete(k); err != nil {
				return err
			}
			continue
		}
		b.FillPercent = 0.95 // see putRecords
		if err := b.Put(k, put.data); err != nil {
			return err
		}
	}
	return nil
}

// hasCorrections reports whether the user corrected any quote of the
// article (corrections are keyed by quote ID, the article's in one range).
func hasCorrections(tx *bolt.Tx, id dossier.ArticleID) bool {
	k, _ := tx.Bucket(bucketCorrections).Cursor().Seek(itob(uint64(QuoteID(id, 0))))
	return k != nil && btoi(k) < uint64(QuoteID(id+1, 0))
}

// quoteRec is the stored form of a quote: short keys, spans flattened into
// start,end pairs; the article and the ID are the record's key.
type quoteRec struct {
	S []int  `json:"s"`
	T string `json:"t"`
	M string `json:"m,omitempty"` // mention
	P string `json:"p,omitempty"` // speaker (person)
	R string `json:"r,omitempty"` // role
	X bool   `json:"x,omitempty"` // partial
}

// figureRec is the stored form of a figure. Its date is the article's, filled
// in when read, so that a changed article date needs no rewrite here.
type figureRec struct {
	S int    `json:"s"`
	E int    `json:"e"`
	V int64  `json:"v"`
	Q string `json:"q,omitempty"` // qualifier
	U string `json:"u,omitempty"` // unit
	C string `json:"c,omitempty"` // claimant
	N string `json:"n,omitempty"` // sentence
}

func flatSpans(spans []dossier.Span) []int {
	out := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		out = append(out, s.Start, s.End)
	}
	return out
}

func unflatSpans(v []int) []dossier.Span {
	out := make([]dossier.Span, 0, len(v)/2)
	for i := 0; i+1 < len(v); i += 2 {
		out = append(out, dossier.Span{Start: v[i], End: v[i+1]})
	}
	return out
}

func putQuotes(tx *bolt.Tx, id dossier.ArticleID, qs []dossier.Quote) error {
	return putRecords(tx.Bucket(bucketQuotes), itob(uint64(id)), quoteRecs(qs))
}

// writeQuotes stores an article's quotes through w, for undo.
func writeQuotes(w *writer, id dossier.ArticleID, qs []dossier.Quote) error {
	data, err := encodeRecords(quoteRecs(qs))
	if err != nil {
		return err
	}
	if data == nil {
		return w.delete(bucketQuotes, itob(uint64(id)))
	}
	return w.put(bucketQuotes, itob(uint64(id)), data)
}

func quoteRecs(qs []dossier.Quote) []quoteRec {
	recs := make([]quoteRec, len(qs))
	for i, q := range qs {
		recs[i] = quoteRec{S: flatSpans(q.Spans), T: q.Text, M: q.Mention, P: q.Speaker, R: q.Role, X: q.Partial}
	}
	return recs
}

func putFigures(tx *bolt.Tx, id dossier.ArticleID, fs []dossier.Figure) error {
	return putRecords(tx.Bucket(bucketFigures), itob(uint64(id)), figureRecs(fs))
}

func figureRecs(fs []dossier.Figure) []figureRec {
	recs := make([]figureRec, len(fs))
	for i, f := range fs {
		recs[i] = figureRec{S: f.Span.Start, E: f.Span.End, V: f.Value, Q: f.Qualifier, U: f.Unit, C: f.Claimant, N: f.Sentence}
	}
	return recs
}

// putRecords stores one article's records as JSON, deflated when that is
// smaller (the format byte of encodeBody), or deletes the key for none.
func putRecords[T any](b *bolt.Bucket, k []byte, v []T) error {
	data, err := encodeRecords(v)
	if err != nil {
		return err
	}
	if data == nil {
		return b.Delete(k)
	}
	// Imports and re-extraction write in ascending key order: full pages
	// waste no space (half-full ones made the quotes cost twice their size).
	b.FillPercent = 0.95
	return b.Put(k, data)
}

// encodeRecords returns the stored form of records, nil for none.
func encodeRecords[T any](v []T) ([]byte, error) {
	if len(v) == 0 {
		return nil, nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return encodeBody(string(data)), nil
}

// getRecords reads what putRecords wrote. A record that starts with "[" is
// the first form of schema 2: plain JSON of the domain type, read through
// legacy.
func getRecords[T, L any](data []byte, legacy func([]L) []T) ([]T, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if data[0] == '[' {
		var old []L
		if err := json.Unmarshal(data, &old); err != nil {
			return nil, err
		}
		return legacy(old), nil
	}
	s, err := decodeBody(data)
	if err != nil {
		return nil, err
	}
	var v []T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, err
	}
	return v, nil
}

// decodeQuotes returns the quotes stored under an article's key, IDs set.
func decodeQuotes(id dossier.ArticleID, data []byte) ([]dossier.Quote, error) {
	recs, err := getRecords(data, func(old []dossier.Quote) []quoteRec {
		out := make([]quoteRec, len(old))
		for i, q := range old {
			out[i] = quoteRec{S: flatSpans(q.Spans), T: q.Text, M: q.Mention, P: q.Speaker, R: q.Role, X: q.Partial}
		}
		return out
	})
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINTERNAL, "the quotes of article %d are damaged", id)
	}
	qs := make([]dossier.Quote, len(recs))
	for i, r := range recs {
		qs[i] = dossier.Quote{Article: id, Spans: unflatSpans(r.S), Text: r.T, Mention: r.M, Speaker: r.P, Role: r.R, Partial: r.X}
		qs[i].ID = QuoteID(id, qs[i].Start())
	}
	return qs, nil
}

// decodeFigures returns the figures stored under an article's key, dated d.
func decodeFigures(id dossier.ArticleID, d dossier.Date, data []byte) ([]dossier.Figure, error) {
	recs, err := getRecords(data, func(old []dossier.Figure) []figureRec {
		out := make([]figureRec, len(old))
		for i, f := range old {
			out[i] = figureRec{S: f.Span.Start, E: f.Span.End, V: f.Value, Q: f.Qualifier, U: f.Unit, C: f.Claimant, N: f.Sentence}
		}
		return out
	})
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINTERNAL, "the figures of article %d are damaged", id)
	}
	fs := make([]dossier.Figure, len(recs))
	for i, r := range recs {
		fs[i] = dossier.Figure{Article: id, Span: dossier.Span{Start: r.S, End: r.E}, Value: r.V,
			Qualifier: r.Q, Unit: r.U, Claimant: r.C, Sentence: r.N, Date: d}
	}
	return fs, nil
}

func quotesOf(tx *bolt.Tx, id dossier.ArticleID) ([]dossier.Quote, error) {
	return decodeQuotes(id, tx.Bucket(bucketQuotes).Get(itob(uint64(id))))
}

// Quotes returns the quotes of one article in text order.
func (n *Notebook) Quotes(id dossier.ArticleID) ([]dossier.Quote, error) {
	var qs []dossier.Quote
	err := n.db.View(func(tx *bolt.Tx) (err error) {
		qs, err = quotesOf(tx, id)
		return err
	})
	return qs, err
}

// Quote returns one quote by its ID, or a not-found error.
func (n *Notebook) Quote(id dossier.QuoteID) (dossier.Quote, error) {
	var q dossier.Quote
	err := n.db.View(func(tx *bolt.Tx) error {
		art, start := SplitQuoteID(id)
		qs, err := quotesOf(tx, art)
		if err != nil {
			return err
		}
		i := quoteAt(qs, start)
		if i < 0 {
			return noQuote(id)
		}
		q = qs[i]
		return nil
	})
	return q, err
}

// EachQuote calls fn with every quote of the notebook, article by article in
// ID order, each article's in text order. It stops at fn's first error.
func (n *Notebook) EachQuote(fn func(*dossier.Quote) error) error {
	return n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketQuotes).ForEach(func(k, v []byte) error {
			qs, err := decodeQuotes(dossier.ArticleID(btoi(k)), v)
			if err != nil {
				return err
			}
			for i := range qs {
				if err := fn(&qs[i]); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// Figures returns every reported figure of the notebook, article by article
// in ID order, each dated with its article's date.
func (n *Notebook) Figures() ([]dossier.Figure, error) {
	var out []dossier.Figure
	err := n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFigures).ForEach(func(k, v []byte) error {
			id := dossier.ArticleID(btoi(k))
			var d dossier.Date
			if m, err := metaByID(tx, id); err == nil {
				d = m.Published
			}
			fs, err := decodeFigures(id, d, v)
			if err != nil {
				return err
			}
			out = append(out, fs...)
			return nil
		})
	})
	return out, err
}

// ReExtract runs the extractor again over every article, committing every
// batchSize articles; the user's corrections are applied again to the new
// results. progress, when not nil, gets the count done so far.
//
// It is one step of undo ("Re-run extraction"), each batch an operation of
// one group, and records only the articles whose quotes, figures or
// corrections it changed: undoing it brings back what the extractor found
// before, and undoing an older change after it never brings back quotes it
// replaced, since the log's images follow every write.
func (n *Notebook) ReExtract(batchSize int, progress func(done, total int)) error {
	if n.Extract == nil {
		return dossier.Errorf(dossier.EINTERNAL, "no extractor is set")
	}
	metas, err := n.ArticleMetas()
	if err != nil {
		return err
	}
	if batchSize <= 0 {
		batchSize = 500
	}
	end := n.Group("Re-run extraction")
	defer end()
	for lo := 0; lo < len(metas); lo += batchSize {
		hi := min(lo+batchSize, len(metas))
		batch := make([]*dossier.Article, 0, hi-lo)
		which := make([]int, 0, hi-lo)
		for _, m := range metas[lo:hi] {
			a, err := n.Article(m.ID)
			if dossier.ErrorCode(err) == dossier.ENOTFOUND {
				continue // deleted meanwhile
			}
			if err != nil {
				return err
			}
			which = append(which, len(batch))
			batch = append(batch, a)
		}
		found := extractAll(n.Extract, batch, which)
		err := n.write("extract", "Re-run extraction", "cannot save what extraction found", func(w *writer) error {
			for i, a := range batch {
				// An article deleted or changed since it was read has
				// what its own change extracted.
				if m, err := metaByID(w.tx, a.ID); err != nil || m.Hash != a.Hash {
					continue
				}
				mark := w.mark()
				recordExtraction(w, a.ID)
				if err := putExtraction(w.tx, a.ID, found[i]); err != nil {
					return err
				}
				w.dropUnchanged(mark)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if progress != nil {
			progress(hi, len(metas))
		}
	}
	return nil
}

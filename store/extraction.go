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
	ex.Quotes = applyCorrections(tx, id, ex.Quotes)
	k := itob(uint64(id))
	for i := range ex.Quotes {
		ex.Quotes[i].Article = id
		ex.Quotes[i].ID = QuoteID(id, ex.Quotes[i].Start())
	}
	for i := range ex.Figures {
		ex.Figures[i].Article = id
	}
	if err := putJSON(tx.Bucket(bucketQuotes), k, ex.Quotes); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bucketFigures), k, ex.Figures)
}

func putJSON[T any](b *bolt.Bucket, k []byte, v []T) error {
	if len(v) == 0 {
		return b.Delete(k)
	}
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(k, data)
}

func getJSON[T any](b *bolt.Bucket, k []byte) ([]T, error) {
	data := b.Get(k)
	if data == nil {
		return nil, nil
	}
	var v []T
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, dossier.Wrap(err, dossier.EINTERNAL, "record %x is damaged", k)
	}
	return v, nil
}

// applyCorrections is filled in by the corrections code; until a notebook
// has any, quotes pass through unchanged.
var applyCorrections = func(tx *bolt.Tx, id dossier.ArticleID, qs []dossier.Quote) []dossier.Quote { return qs }

// Quotes returns the quotes of one article in text order.
func (n *Notebook) Quotes(id dossier.ArticleID) ([]dossier.Quote, error) {
	var qs []dossier.Quote
	err := n.db.View(func(tx *bolt.Tx) (err error) {
		qs, err = getJSON[dossier.Quote](tx.Bucket(bucketQuotes), itob(uint64(id)))
		return err
	})
	return qs, err
}

// EachQuote calls fn with every quote of the notebook, article by article.
func (n *Notebook) EachQuote(fn func(*dossier.Quote) error) error {
	return n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketQuotes).ForEach(func(k, v []byte) error {
			var qs []dossier.Quote
			if err := json.Unmarshal(v, &qs); err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "the quotes of article %d are damaged", btoi(k))
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

// Figures returns every reported figure of the notebook, article by article.
func (n *Notebook) Figures() ([]dossier.Figure, error) {
	var out []dossier.Figure
	err := n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFigures).ForEach(func(k, v []byte) error {
			var fs []dossier.Figure
			if err := json.Unmarshal(v, &fs); err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "the figures of article %d are damaged", btoi(k))
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
	for lo := 0; lo < len(metas); lo += batchSize {
		hi := min(lo+batchSize, len(metas))
		batch := make([]*dossier.Article, 0, hi-lo)
		which := make([]int, 0, hi-lo)
		for _, m := range metas[lo:hi] {
			a, err := n.Article(m.ID)
			if err != nil {
				return err
			}
			which = append(which, len(batch))
			batch = append(batch, a)
		}
		found := extractAll(n.Extract, batch, which)
		err := n.db.Update(func(tx *bolt.Tx) error {
			for i, a := range batch {
				if err := putExtraction(tx, a.ID, found[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return dossier.Wrap(err, dossier.EINTERNAL, "cannot save what extraction found")
		}
		if progress != nil {
			progress(hi, len(metas))
		}
	}
	return nil
}

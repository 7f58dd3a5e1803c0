package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// A user's correction of a quote is kept under the quote's ID (big-endian, so
// one article's corrections are one run of keys) and applied again to every
// new extraction of the article: a deleted quote stays deleted, a changed
// speaker stays changed, an added quote stays. Each correction holds the
// quoted text it was made on; when the article's text changes, a correction
// whose text is no longer at its place moves with the text when the text is
// found exactly once, and is otherwise kept aside as an orphan, not applied.
//
// Every correction is one small method in one transaction, so that the undo
// log can wrap each.

// CorrectionKind says what a correction does to its quote.
type CorrectionKind string

const (
	CorrectSpeaker CorrectionKind = "speaker" // the speaker (and role) set by the user
	CorrectDelete  CorrectionKind = "delete"  // a false quote, removed
	CorrectAdd     CorrectionKind = "add"     // a quote the extractor missed, or one whose extent the user fixed
)

// Correction is a user's correction of one quote.
type Correction struct {
	Quote   dossier.QuoteID // the quote it applies to: its article and start
	Kind    CorrectionKind
	Spans   []dossier.Span // where the quote was when corrected
	Text    string         // the quote's text then; it must still be there to apply
	Mention string
	Speaker string // for CorrectSpeaker and CorrectAdd
	Role    string
	Partial bool
	Orphan  bool // the article's text changed and Text is no longer found: not applied
	Made    time.Time
}

// correctionRec is the stored form of a Correction.
type correctionRec struct {
	K  CorrectionKind `json:"k"`
	S  []int          `json:"s"`
	T  string         `json:"t"`
	M  string         `json:"m,omitempty"`
	P  string         `json:"p,omitempty"`
	R  string         `json:"r,omitempty"`
	X  bool           `json:"x,omitempty"`
	O  bool           `json:"o,omitempty"`
	At int64          `json:"at"`
}

func (c *correctionRec) quote(id dossier.ArticleID) dossier.Quote {
	q := dossier.Quote{Article: id, Spans: unflatSpans(c.S), Text: c.T, Mention: c.M, Speaker: c.P, Role: c.R, Partial: c.X}
	q.ID = QuoteID(id, q.Start())
	return q
}

func recordOf(kind CorrectionKind, q *dossier.Quote, now time.Time) correctionRec {
	return correctionRec{K: kind, S: flatSpans(q.Spans), T: q.Text, M: q.Mention, P: q.Speaker, R: q.Role, X: q.Partial, At: now.Unix()}
}

func putCorrection(tx *bolt.Tx, id dossier.QuoteID, c *correctionRec) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketCorrections).Put(itob(uint64(id)), data)
}

// writeCorrection stores a correction through w, for undo.
func writeCorrection(w *writer, id dossier.QuoteID, c *correctionRec) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return w.put(bucketCorrections, itob(uint64(id)), data)
}

func getCorrection(tx *bolt.Tx, id dossier.QuoteID) (*correctionRec, error) {
	v := tx.Bucket(bucketCorrections).Get(itob(uint64(id)))
	if v == nil {
		return nil, nil
	}
	var c correctionRec
	if err := json.Unmarshal(v, &c); err != nil {
		return nil, dossier.Wrap(err, dossier.EINTERNAL, "the correction of quote %d is damaged", id)
	}
	return &c, nil
}

func noQuote(id dossier.QuoteID) error {
	art, start := SplitQuoteID(id)
	return dossier.Errorf(dossier.ENOTFOUND, "no quote %d:%d (article %d has no quote starting at %d)", art, start, art, start)
}

// quoteAt returns the index of the quote that starts at start, or -1.
func quoteAt(qs []dossier.Quote, start int) int {
	for i := range qs {
		if qs[i].Start() == start {
			return i
		}
	}
	return -1
}

// SetQuoteSpeaker sets who said a quote, and their role ("" for none); an
// empty speaker says the speaker is unknown. The change is kept through
// re-extraction. It returns a not-found error for an unknown quote.
func (n *Notebook) SetQuoteSpeaker(id dossier.QuoteID, speaker, role string) error {
	speaker, role = strings.TrimSpace(speaker), strings.TrimSpace(role)
	summary := fmt.Sprintf("Quote %s: speaker %s", quoteRef(id), orUnknown(speaker))
	return n.write("quote", summary, "cannot save the speaker", func(w *writer) error {
		tx := w.tx
		art, start := SplitQuoteID(id)
		qs, err := quotesOf(tx, art)
		if err != nil {
			return err
		}
		i := quoteAt(qs, start)
		if i < 0 {
			return noQuote(id)
		}
		qs[i].Speaker, qs[i].Role = speaker, role
		c, err := getCorrection(tx, id)
		if err != nil {
			return err
		}
		kind := CorrectSpeaker
		if c != nil && c.K == CorrectAdd && !c.O {
			kind = CorrectAdd // still the user's own quote, now with this speaker
		}
		rec := recordOf(kind, &qs[i], n.Now())
		if err := writeCorrection(w, id, &rec); err != nil {
			return err
		}
		return writeQuotes(w, art, qs)
	})
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// quoteRef writes a quote ID as ARTICLE:START.
func quoteRef(id dossier.QuoteID) string {
	a, s := SplitQuoteID(id)
	return fmt.Sprintf("%d:%d", a, s)
}

// DeleteQuote removes a false quote; it stays removed through re-extraction.
// It returns a not-found error for an unknown quote.
func (n *Notebook) DeleteQuote(id dossier.QuoteID) error {
	return n.write("quote", "Delete quote "+quoteRef(id), "cannot delete the quote", func(w *writer) error {
		tx := w.tx
		art, start := SplitQuoteID(id)
		qs, err := quotesOf(tx, art)
		if err != nil {
			return err
		}
		i := quoteAt(qs, start)
		if i < 0 {
			return noQuote(id)
		}
		rec := recordOf(CorrectDelete, &qs[i], n.Now())
		if err := writeCorrection(w, id, &rec); err != nil {
			return err
		}
		return writeQuotes(w, art, slices.Delete(qs, i, i+1))
	})
}

// AddQuote adds a quote the extractor missed: spans are rune offsets into the
// article's body, in order and not overlapping; the text is taken from the
// body. A quote that starts where the first span starts is replaced: that is
// how a user fixes a quote's extent. The quote stays through re-extraction.
// It returns the new quote's ID; an invalid-input error for bad spans, a
// not-found error for an unknown article.
func (n *Notebook) AddQuote(article dossier.ArticleID, spans []dossier.Span, speaker string) (dossier.QuoteID, error) {
	speaker = strings.TrimSpace(speaker)
	var id dossier.QuoteID
	err := n.write("quote", "", "cannot add the quote", func(w *writer) error {
		tx := w.tx
		if _, err := metaByID(tx, article); err != nil {
			return err
		}
		body, err := bodyByID(tx, article)
		if err != nil {
			return err
		}
		rs := []rune(body)
		if err := checkSpans(spans, len(rs)); err != nil {
			return err
		}
		q := dossier.Quote{Article: article, Spans: slices.Clone(spans), Text: spansText(rs, spans), Mention: speaker, Speaker: speaker}
		id = QuoteID(article, q.Start())
		q.ID = id
		qs, err := quotesOf(tx, article)
		if err != nil {
			return err
		}
		qs = placeQuote(qs, q)
		w.op.summary = "Add quote " + quoteRef(id)
		rec := recordOf(CorrectAdd, &q, n.Now())
		if err := writeCorrection(w, id, &rec); err != nil {
			return err
		}
		return writeQuotes(w, article, qs)
	})
	return id, err
}

// checkSpans reports an invalid-input error unless spans are non-empty, in
// order, not overlapping and within a body of n runes.
func checkSpans(spans []dossier.Span, n int) error {
	if len(spans) == 0 {
		return dossier.Errorf(dossier.EINVALID, "a quote needs a start and an end")
	}
	prev := 0
	for i, s := range spans {
		switch {
		case s.Start < 0 || s.End > n:
			return dossier.Errorf(dossier.EINVALID, "span %d-%d is outside the text (0-%d)", s.Start, s.End, n)
		case s.Start >= s.End:
			return dossier.Errorf(dossier.EINVALID, "span %d-%d is empty: the end must come after the start", s.Start, s.End)
		case i > 0 && s.Start < prev:
			return dossier.Errorf(dossier.EINVALID, "span %d-%d starts before the span before it ends (%d)", s.Start, s.End, prev)
		case s.Start > 0xFFFFFF:
			return dossier.Errorf(dossier.EINVALID, "span %d-%d starts too far into the text", s.Start, s.End)
		}
		prev = s.End
	}
	return nil
}

// spansText joins the text of spans with a space, like the extractor does.
func spansText(rs []rune, spans []dossier.Span) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(rs[s.Start:s.End]))
	}
	return b.String()
}

// placeQuote puts q into qs in text order, replacing a quote with its start.
func placeQuote(qs []dossier.Quote, q dossier.Quote) []dossier.Quote {
	if i := quoteAt(qs, q.Start()); i >= 0 {
		qs[i] = q
		return qs
	}
	i, _ := slices.BinarySearchFunc(qs, q.Start(), func(e dossier.Quote, s int) int { return e.Start() - s })
	return slices.Insert(qs, i, q)
}

// RevertQuote drops the user's correction of a quote and extracts the
// article again, so the quote is what the extractor finds. It returns a
// not-found error when the quote has no correction.
func (n *Notebook) RevertQuote(id dossier.QuoteID) error {
	art, _ := SplitQuoteID(id)
	var ex dossier.Extraction
	if n.Extract != nil {
		a, err := n.Article(art)
		if err != nil && dossier.ErrorCode(err) != dossier.ENOTFOUND {
			return err
		}
		if a != nil {
			ex = n.Extract(a)
		}
	}
	return n.write("quote", "Revert quote "+quoteRef(id), "cannot revert the quote", func(w *writer) error {
		c, err := getCorrection(w.tx, id)
		if err != nil {
			return err
		}
		if c == nil {
			return dossier.Errorf(dossier.ENOTFOUND, "quote %s has no correction", quoteRef(id))
		}
		if err := w.delete(bucketCorrections, itob(uint64(id))); err != nil {
			return err
		}
		if w.tx.Bucket(bucketArticles).Get(itob(uint64(art))) == nil {
			return nil
		}
		if n.Extract == nil {
			// Without an extractor, undo what this correction did to the
			// stored quotes as well as can be: a deleted quote comes back.
			if c.K != CorrectDelete || c.O {
				return nil
			}
			qs, err := quotesOf(w.tx, art)
			if err != nil {
				return err
			}
			return writeQuotes(w, art, placeQuote(qs, c.quote(art)))
		}
		// The extraction writes directly: record what it may change.
		recordExtraction(w, art)
		return putExtraction(w.tx, art, ex)
	})
}

// Corrections returns every correction of the notebook in quote ID order
// (by article, then position), orphans included.
func (n *Notebook) Corrections() ([]Correction, error) {
	var out []Correction
	err := n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCorrections).ForEach(func(k, v []byte) error {
			var c correctionRec
			if err := json.Unmarshal(v, &c); err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "the correction of quote %d is damaged", btoi(k))
			}
			out = append(out, Correction{
				Quote: dossier.QuoteID(btoi(k)), Kind: c.K, Spans: unflatSpans(c.S), Text: c.T,
				Mention: c.M, Speaker: c.P, Role: c.R, Partial: c.X, Orphan: c.O,
				Made: time.Unix(c.At, 0).UTC(),
			})
			return nil
		})
	})
	return out, err
}

// applyCorrections applies the user's corrections of article id to the
// quotes a new extraction found, and returns them in text order. A
// correction whose text has moved is moved with it; one whose text is gone
// is marked an orphan and skipped (and revived if the text comes back).
func applyCorrections(tx *bolt.Tx, id dossier.ArticleID, qs []dossier.Quote) ([]dossier.Quote, error) {
	type entry struct {
		key uint64
		rec correctionRec
	}
	var cs []entry
	lo, hi := uint64(QuoteID(id, 0)), uint64(QuoteID(id+1, 0))
	c := tx.Bucket(bucketCorrections).Cursor()
	for k, v := c.Seek(itob(lo)); k != nil && btoi(k) < hi; k, v = c.Next() {
		var rec correctionRec
		if err := json.Unmarshal(v, &rec); err != nil {
			return nil, dossier.Wrap(err, dossier.EINTERNAL, "the correction of quote %d is damaged", btoi(k))
		}
		cs = append(cs, entry{btoi(k), rec})
	}
	if len(cs) == 0 {
		return qs, nil
	}
	body, err := bodyByID(tx, id)
	if err != nil {
		return nil, err
	}
	rs := []rune(body)
	b := tx.Bucket(bucketCorrections)
	for _, e := range cs {
		rec := e.rec
		spans := unflatSpans(rec.S)
		key := e.key
		dirty := rec.O // an orphan whose text is back is revived
		if !textAt(rs, spans, rec.T) {
			moved, ok := relocate(body, rs, spans, rec.T)
			var newKey uint64
			if ok {
				newKey = uint64(QuoteID(id, moved[0].Start))
				ok = b.Get(itob(newKey)) == nil // else another correction holds that place
			}
			if !ok {
				if !rec.O {
					rec.O = true
					if err := putCorrection(tx, dossier.QuoteID(key), &rec); err != nil {
						return nil, err
					}
				}
				continue
			}
			if err := b.Delete(itob(key)); err != nil {
				return nil, err
			}
			spans, key, dirty = moved, newKey, true
			rec.S = flatSpans(moved)
		}
		if dirty {
			rec.O = false
			if err := putCorrection(tx, dossier.QuoteID(key), &rec); err != nil {
				return nil, err
			}
		}
		start := spans[0].Start
		i := quoteAt(qs, start)
		switch rec.K {
		case CorrectDelete:
			if i >= 0 {
				qs = slices.Delete(qs, i, i+1)
			}
		case CorrectSpeaker:
			if i >= 0 {
				qs[i].Speaker, qs[i].Role = rec.P, rec.R
			} else {
				// The extractor no longer finds it, but the text is there and
				// the user said who said it: keep the user's quote.
				qs = append(qs, rec.quote(id))
			}
		case CorrectAdd:
			if i >= 0 {
				qs[i] = rec.quote(id)
			} else {
				qs = append(qs, rec.quote(id))
			}
		}
	}
	slices.SortStableFunc(qs, func(a, b dossier.Quote) int { return a.Start() - b.Start() })
	return qs, nil
}

// textAt reports whether the body holds text at spans.
func textAt(rs []rune, spans []dossier.Span, text string) bool {
	if len(spans) == 0 || checkSpans(spans, len(rs)) != nil {
		return false
	}
	return spansText(rs, spans) == text
}

// relocate finds where the text of spans has moved to in a changed body: the
// spans shifted by one distance that hold the same text. It succeeds only
// when there is exactly one such place.
func relocate(body string, rs []rune, spans []dossier.Span, text string) ([]dossier.Span, bool) {
	if len(spans) == 0 {
		return nil, false
	}
	// The pieces of text, one per span, by the spans' lengths.
	pieces := make([]string, len(spans))
	rest := text
	for i, s := range spans {
		n := s.End - s.Start
		j := 0
		for k := 0; k < n && j < len(rest); k++ {
			_, w := utf8.DecodeRuneInString(rest[j:])
			j += w
		}
		pieces[i] = rest[:j]
		rest = strings.TrimPrefix(rest[j:], " ")
	}
	if pieces[0] == "" {
		return nil, false
	}
	var found []dossier.Span
	count := 0
	runeAt, byteAt := 0, 0
	for {
		k := strings.Index(body[byteAt:], pieces[0])
		if k < 0 {
			break
		}
		runeAt += utf8.RuneCountInString(body[byteAt : byteAt+k])
		byteAt += k
		delta := runeAt - spans[0].Start
		moved := make([]dossier.Span, len(spans))
		for i, s := range spans {
			moved[i] = dossier.Span{Start: s.Start + delta, End: s.End + delta}
		}
		if textAt(rs, moved, text) {
			count++
			found = moved
			if count > 1 {
				return nil, false
			}
		}
		_, w := utf8.DecodeRuneInString(body[byteAt:])
		byteAt += w
		runeAt++
	}
	return found, count == 1
}

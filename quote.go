package dossier

// QuoteID identifies a quotation within a notebook.
type QuoteID uint64

// Span is a half-open range [Start, End) of rune offsets into an article body.
type Span struct {
	Start int
	End   int
}

// Quote is a quotation found in (or added by the user to) an article.
type Quote struct {
	ID      QuoteID
	Article ArticleID
	Spans   []Span // the quoted text without its marks; two or more when interrupted ("“A,” he said, “B.”")
	Text    string // the spans' text joined by a space
	Mention string // the speaker as written: "Ms. Psaki", "he", "a senior State Department official"
	Speaker string // the resolved full name ("Jen Psaki"), or "" when unknown
	Role    string // a title or role stripped from the name: "Press Secretary"
	Partial bool   // a partial or scare quote inside a sentence of the writer's own
}

// Start returns the first rune offset of the quote, End the last.
func (q *Quote) Start() int {
	if len(q.Spans) == 0 {
		return 0
	}
	return q.Spans[0].Start
}

func (q *Quote) End() int {
	if len(q.Spans) == 0 {
		return 0
	}
	return q.Spans[len(q.Spans)-1].End
}

// Figure is a reported numeric claim about troops, soldiers or personnel.
type Figure struct {
	Article   ArticleID
	Span      Span   // the figure phrase ("more than 94,000 troops")
	Value     int64  // 94000; for words such as "thousands", the least the word means (2000)
	Qualifier string // "more than", "almost", "over", "up to", "about", or ""
	Unit      string // "troops", "soldiers", "personnel", ...
	Claimant  string // who states it, when the text says so
	Sentence  string // the sentence that contains it
	Date      Date   // the article's date
}

// Extraction is what the extractor finds in one article.
type Extraction struct {
	Quotes  []Quote
	Figures []Figure
}

// QuoteKey is the stable identity of an extracted quotation: its article and
// the rune offset where its first span starts. Re-running the extractor on
// the same body gives the same keys, so the store can carry a user's
// corrections over to the quotes of a new run.
type QuoteKey struct {
	Article ArticleID
	Start   int
}

// Key returns the quote's stable identity.
func (q *Quote) Key() QuoteKey { return QuoteKey{Article: q.Article, Start: q.Start()} }

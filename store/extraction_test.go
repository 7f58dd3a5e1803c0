package store

import (
	"strings"
	"sync/atomic"
	"testing"

	"dossier"
)

// fakeExtract marks every "quoted" stretch between straight quotes as a quote
// and counts its calls: enough to test what the store does with results.
func fakeExtract(calls *atomic.Int32) func(*dossier.Article) dossier.Extraction {
	return func(a *dossier.Article) dossier.Extraction {
		calls.Add(1)
		var ex dossier.Extraction
		r := []rune(a.Body)
		open := -1
		for i, c := range r {
			if c == '"' {
				if open < 0 {
					open = i + 1
				} else {
					ex.Quotes = append(ex.Quotes, dossier.Quote{Spans: []dossier.Span{{Start: open, End: i}}, Text: string(r[open:i])})
					open = -1
				}
			}
		}
		return ex
	}
}

func TestSaveRunsExtractionOnNewTextOnly(t *testing.T) {
	n := openTemp(t)
	var calls atomic.Int32
	n.Extract = fakeExtract(&calls)
	a := article("A", "https://example.com/a", `Psaki said "there will be consequences" and "we are ready".`)
	dup := article("A copy", "", a.Body)
	if _, err := n.SaveArticles([]*dossier.Article{a, dup}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 1 {
		t.Errorf("extractor ran %d times, want once for one new text", calls.Load())
	}
	qs, err := n.Quotes(a.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("quotes = %+v, %v", qs, err)
	}
	if qs[0].Text != "there will be consequences" || qs[0].Article != a.ID || qs[0].ID != QuoteID(a.ID, 12) {
		t.Errorf("first quote = %+v", qs[0])
	}
	if art, start := SplitQuoteID(qs[1].ID); art != a.ID || start != qs[1].Start() {
		t.Errorf("quote ID does not split back: %d %d", art, start)
	}
	// An update replaces the old quotes.
	b := article("A", "https://example.com/a", `Now only "one quote" is left.`)
	if _, err := n.SaveArticles([]*dossier.Article{b}); err != nil {
		t.Fatal(err)
	}
	qs, _ = n.Quotes(a.ID)
	if len(qs) != 1 || qs[0].Text != "one quote" {
		t.Errorf("quotes after update = %+v", qs)
	}
	// Re-extraction over the notebook gives the same.
	calls.Store(0)
	if err := n.ReExtract(1, nil); err != nil {
		t.Fatal(err)
	}
	var all []string
	n.EachQuote(func(q *dossier.Quote) error { all = append(all, q.Text); return nil })
	if calls.Load() != 1 || strings.Join(all, "|") != "one quote" {
		t.Errorf("after re-extraction: %d calls, quotes %q", calls.Load(), all)
	}
}

package store

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// runeSpan returns the span of the first occurrence of sub in body, in runes.
func runeSpan(t *testing.T, body, sub string) dossier.Span {
	t.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	start := len([]rune(body[:i]))
	return dossier.Span{Start: start, End: start + len([]rune(sub))}
}

// ledger is the quotes of an article as "text=speaker" lines, for comparing.
func ledger(t *testing.T, n *Notebook, id dossier.ArticleID) string {
	t.Helper()
	qs, err := n.Quotes(id)
	if err != nil {
		t.Fatal(err)
	}
	var b []string
	for _, q := range qs {
		if q.ID != QuoteID(id, q.Start()) || q.Article != id {
			t.Errorf("quote %q has ID %d, article %d", q.Text, q.ID, q.Article)
		}
		b = append(b, q.Text+"="+q.Speaker)
	}
	return strings.Join(b, "|")
}

func TestCorrectionsStick(t *testing.T) {
	n := openTemp(t)
	var calls atomic.Int32
	n.Extract = fakeExtract(&calls)
	const url = "https://example.com/warning"
	body1 := `Psaki said "there will be consequences" today. Price said "we are ready" and "nothing is decided". Blinken warned of severe costs.`
	a := article("Warning", url, body1)
	if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
		t.Fatal(err)
	}
	id := a.ID
	q := func(body, text string) dossier.QuoteID { return QuoteID(id, runeSpan(t, body, text).Start) }

	if err := n.SetQuoteSpeaker(q(body1, "there will be"), "Jen Psaki", "Press Secretary"); err != nil {
		t.Fatal(err)
	}
	if err := n.DeleteQuote(q(body1, "we are ready")); err != nil {
		t.Fatal(err)
	}
	if err := n.SetQuoteSpeaker(q(body1, "nothing is"), " Ned Price ", ""); err != nil {
		t.Fatal(err)
	}
	added, err := n.AddQuote(id, []dossier.Span{runeSpan(t, body1, "severe costs")}, "Antony Blinken")
	if err != nil || added != q(body1, "severe costs") {
		t.Fatalf("AddQuote = %d, %v", added, err)
	}
	want := "there will be consequences=Jen Psaki|nothing is decided=Ned Price|severe costs=Antony Blinken"
	if got := ledger(t, n, id); got != want {
		t.Fatalf("after corrections:\n got %s\nwant %s", got, want)
	}
	got, err := n.Quote(q(body1, "there will be"))
	if err != nil || got.Role != "Press Secretary" || got.Mention != "" {
		t.Errorf("Quote = %+v, %v", got, err)
	}

	// Re-extraction keeps every correction.
	if err := n.ReExtract(10, nil); err != nil {
		t.Fatal(err)
	}
	if got := ledger(t, n, id); got != want {
		t.Fatalf("after re-extraction:\n got %s\nwant %s", got, want)
	}
	// Importing the same text again changes nothing.
	calls.Store(0)
	res, err := n.SaveArticles([]*dossier.Article{article("Warning", url, body1), article("Copy", "", body1)})
	if err != nil || res[0].Action != dossier.Unchanged || res[1].Action != dossier.Duplicate {
		t.Fatalf("re-import: %+v, %v", res, err)
	}
	if got := ledger(t, n, id); got != want || calls.Load() != 0 {
		t.Fatalf("after re-import (%d extractions):\n got %s\nwant %s", calls.Load(), got, want)
	}

	// An update by URL moves the text and rewords one quote: corrections move
	// with their text; the one whose text is gone is an orphan, not applied.
	body2 := "Updated on Friday with “more”.\n\n" + strings.Replace(body1, "nothing is decided", "nothing is settled", 1)
	res, err = n.SaveArticles([]*dossier.Article{article("Warning", url, body2)})
	if err != nil || res[0].Action != dossier.Updated || res[0].ID != id {
		t.Fatalf("update: %+v, %v", res, err)
	}
	want2 := "there will be consequences=Jen Psaki|nothing is settled=|severe costs=Antony Blinken"
	if got := ledger(t, n, id); got != want2 {
		t.Fatalf("after update:\n got %s\nwant %s", got, want2)
	}
	cs, err := n.Corrections()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]Correction{}
	for _, c := range cs {
		kinds[c.Text] = c
	}
	if c := kinds["nothing is decided"]; !c.Orphan || c.Quote != q(body1, "nothing is") || c.Speaker != "Ned Price" {
		t.Errorf("reworded quote's correction = %+v, want an orphan at its old place", c)
	}
	if c := kinds["there will be consequences"]; c.Orphan || c.Quote != q(body2, "there will be") || c.Kind != CorrectSpeaker {
		t.Errorf("moved correction = %+v, want it at %d", c, q(body2, "there will be"))
	}
	if c := kinds["we are ready"]; c.Orphan || c.Kind != CorrectDelete || c.Spans[0] != runeSpan(t, body2, "we are ready") {
		t.Errorf("moved deletion = %+v", c)
	}
	if len(cs) != 4 {
		t.Errorf("%d corrections, want 4: %+v", len(cs), cs)
	}

	// The old text back: the orphan applies again, everything moves back.
	if _, err := n.SaveArticles([]*dossier.Article{article("Warning", url, body1)}); err != nil {
		t.Fatal(err)
	}
	if got := ledger(t, n, id); got != want {
		t.Fatalf("after the old text is back:\n got %s\nwant %s", got, want)
	}
	cs, _ = n.Corrections()
	for _, c := range cs {
		if c.Orphan {
			t.Errorf("still an orphan: %+v", c)
		}
	}
}

func TestCorrectionEdits(t *testing.T) {
	n := openTemp(t)
	var calls atomic.Int32
	n.Extract = fakeExtract(&calls)
	body := `Officials said "talks will continue" on Monday. Kuleba said Kyiv would “not yield” to pressure.`
	a := article("Talks", "", body)
	if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
		t.Fatal(err)
	}
	talks := QuoteID(a.ID, runeSpan(t, body, "talks will").Start)

	for _, tc := range []struct {
		name  string
		err   error
		code  string
		quote dossier.QuoteID
	}{
		{"speaker of no quote", n.SetQuoteSpeaker(QuoteID(a.ID, 3), "X", ""), dossier.ENOTFOUND, 0},
		{"delete no quote", n.DeleteQuote(QuoteID(a.ID+1, 0)), dossier.ENOTFOUND, 0},
		{"revert without correction", n.RevertQuote(talks), dossier.ENOTFOUND, 0},
	} {
		if dossier.ErrorCode(tc.err) != tc.code {
			t.Errorf("%s: %v, want code %s", tc.name, tc.err, tc.code)
		}
	}
	for _, tc := range []struct {
		name  string
		spans []dossier.Span
	}{
		{"none", nil},
		{"empty", []dossier.Span{{Start: 5, End: 5}}},
		{"past the end", []dossier.Span{{Start: 90, End: 200}}},
		{"negative", []dossier.Span{{Start: -1, End: 4}}},
		{"out of order", []dossier.Span{{Start: 20, End: 30}, {Start: 10, End: 15}}},
		{"overlapping", []dossier.Span{{Start: 10, End: 20}, {Start: 15, End: 25}}},
	} {
		if _, err := n.AddQuote(a.ID, tc.spans, "X"); dossier.ErrorCode(err) != dossier.EINVALID {
			t.Errorf("AddQuote %s: %v, want invalid", tc.name, err)
		}
	}
	if _, err := n.AddQuote(99, []dossier.Span{{Start: 0, End: 4}}, "X"); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("AddQuote to no article: %v", err)
	}

	// Two spans, typographic quotes and a rune offset past multi-byte text.
	notYield := runeSpan(t, body, "not yield")
	kyiv := runeSpan(t, body, "Kyiv would")
	id, err := n.AddQuote(a.ID, []dossier.Span{kyiv, notYield}, "Dmytro Kuleba")
	if err != nil {
		t.Fatal(err)
	}
	got, err := n.Quote(id)
	if err != nil || got.Text != "Kyiv would not yield" || len(got.Spans) != 2 || got.Speaker != "Dmytro Kuleba" {
		t.Fatalf("added quote = %+v, %v", got, err)
	}
	// Changing the speaker of an added quote keeps it the user's own.
	if err := n.SetQuoteSpeaker(id, "Kuleba", "Foreign Minister"); err != nil {
		t.Fatal(err)
	}
	// Replacing the extracted quote at the same start fixes its extent.
	wider := runeSpan(t, body, "talks will continue\" on Monday")
	if _, err := n.AddQuote(a.ID, []dossier.Span{wider}, ""); err != nil {
		t.Fatal(err)
	}
	if err := n.ReExtract(0, nil); err != nil {
		t.Fatal(err)
	}
	want := `talks will continue" on Monday=|Kyiv would not yield=Kuleba`
	if got := ledger(t, n, a.ID); got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
	// Deleting then reverting brings the extractor's quote back.
	if err := n.DeleteQuote(talks); err != nil {
		t.Fatal(err)
	}
	if got := ledger(t, n, a.ID); got != "Kyiv would not yield=Kuleba" {
		t.Fatalf("after delete: %s", got)
	}
	if err := n.RevertQuote(talks); err != nil {
		t.Fatal(err)
	}
	if got := ledger(t, n, a.ID); got != "talks will continue=|Kyiv would not yield=Kuleba" {
		t.Fatalf("after revert: %s", got)
	}
	cs, _ := n.Corrections()
	if len(cs) != 1 || cs[0].Kind != CorrectAdd || cs[0].Role != "Foreign Minister" {
		t.Errorf("corrections = %+v", cs)
	}
}

func TestRelocate(t *testing.T) {
	body := "Ukraine’s «minister» said “more than 94,000 troops” were near. Then “more than 94,000 troops” again; Кулеба: “ні”."
	rs := []rune(body)
	for _, tc := range []struct {
		name  string
		spans []dossier.Span
		text  string
		want  []dossier.Span
		ok    bool
	}{
		{"unique, moved left", []dossier.Span{{Start: 110, End: 112}}, "ні", []dossier.Span{runeSpanOf(body, "ні")}, true},
		{"twice: ambiguous", []dossier.Span{{Start: 0, End: 25}}, "more than 94,000 troops", nil, false},
		{"gone", []dossier.Span{{Start: 3, End: 9}}, "absent", nil, false},
		{"two spans, one shift", []dossier.Span{{Start: 2, End: 12}, {Start: 13, End: 17}}, "«minister» said",
			[]dossier.Span{runeSpanOf(body, "«minister»"), runeSpanOf(body, "said")}, true},
		{"two spans, other gaps", []dossier.Span{{Start: 2, End: 12}, {Start: 40, End: 44}}, "«minister» said", nil, false},
	} {
		got, ok := relocate(body, rs, tc.spans, tc.text)
		if ok != tc.ok || ok && !equalSpans(got, tc.want) {
			t.Errorf("%s: relocate = %v %v, want %v %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func runeSpanOf(body, sub string) dossier.Span {
	i := strings.Index(body, sub)
	s := len([]rune(body[:i]))
	return dossier.Span{Start: s, End: s + len([]rune(sub))}
}

func equalSpans(a, b []dossier.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLegacyQuoteRecords(t *testing.T) {
	n := openTemp(t)
	a := article("Old", "", `He said "hello there".`)
	if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
		t.Fatal(err)
	}
	// The first form of schema 2: JSON of the domain types.
	old, _ := json.Marshal([]dossier.Quote{{ID: 1, Article: a.ID, Spans: []dossier.Span{{Start: 9, End: 20}}, Text: "hello there", Speaker: "Ned Price"}})
	oldFig, _ := json.Marshal([]dossier.Figure{{Article: a.ID, Span: dossier.Span{Start: 1, End: 5}, Value: 94000, Unit: "troops"}})
	err := n.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketQuotes).Put(itob(uint64(a.ID)), old); err != nil {
			return err
		}
		return tx.Bucket(bucketFigures).Put(itob(uint64(a.ID)), oldFig)
	})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := n.Quotes(a.ID)
	if err != nil || len(qs) != 1 || qs[0].Speaker != "Ned Price" || qs[0].ID != QuoteID(a.ID, 9) {
		t.Errorf("legacy quotes = %+v, %v", qs, err)
	}
	fs, err := n.Figures()
	if err != nil || len(fs) != 1 || fs[0].Value != 94000 || fs[0].Date != a.Published {
		t.Errorf("legacy figures = %+v, %v", fs, err)
	}
}

func TestAliasTable(t *testing.T) {
	n := openTemp(t)
	if err := n.SetAlias("Zelenskyi", "Volodymyr Zelenskyy"); err != nil {
		t.Fatal(err)
	}
	if err := n.SetAlias("  The   Kremlin ", "Dmitry Peskov"); err != nil {
		t.Fatal(err)
	}
	if err := n.RemoveAlias("Kiev"); err != nil {
		t.Fatal(err)
	}
	if err := n.SetAlias("zelenskyi", "V. Zelenskyy"); err != nil { // same alias, other case: replaced
		t.Fatal(err)
	}
	for _, bad := range [][2]string{{"", "X"}, {"X", " "}, {"Putin", "putin"}} {
		if err := n.SetAlias(bad[0], bad[1]); dossier.ErrorCode(err) != dossier.EINVALID {
			t.Errorf("SetAlias(%q, %q) = %v, want invalid", bad[0], bad[1], err)
		}
	}
	if err := n.RemoveAlias(" "); dossier.ErrorCode(err) != dossier.EINVALID {
		t.Errorf("RemoveAlias(blank) = %v", err)
	}
	got, err := n.AliasPairs()
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"kiev", ""}, {"the kremlin", "Dmitry Peskov"}, {"zelenskyi", "V. Zelenskyy"}}
	if len(got) != len(want) {
		t.Fatalf("pairs = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("pair %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestCorrectionsUndo(t *testing.T) {
	n := openTemp(t)
	var calls atomic.Int32
	n.Extract = fakeExtract(&calls)
	body := `Psaki said "there will be consequences" and "we are ready".`
	a := article("Undo", "", body)
	if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
		t.Fatal(err)
	}
	first := QuoteID(a.ID, runeSpan(t, body, "there will").Start)
	second := QuoteID(a.ID, runeSpan(t, body, "we are").Start)
	before := ledger(t, n, a.ID)
	if err := n.SetQuoteSpeaker(first, "Jen Psaki", ""); err != nil {
		t.Fatal(err)
	}
	if err := n.DeleteQuote(second); err != nil {
		t.Fatal(err)
	}
	if err := n.SetAlias("Psaki", "Jennifer Psaki"); err != nil {
		t.Fatal(err)
	}
	corrected := ledger(t, n, a.ID)
	for _, want := range []string{"Alias Psaki → Jennifer Psaki", "Delete quote 1:45", "Quote 1:12: speaker Jen Psaki"} {
		got, err := n.Undo()
		if err != nil || got != want {
			t.Errorf("Undo = %q, %v; want %q", got, err, want)
		}
	}
	if got := ledger(t, n, a.ID); got != before {
		t.Errorf("after undoing all: %s, want %s", got, before)
	}
	if cs, _ := n.Corrections(); len(cs) != 0 {
		t.Errorf("corrections after undo: %+v", cs)
	}
	if ps, _ := n.AliasPairs(); len(ps) != 0 {
		t.Errorf("aliases after undo: %q", ps)
	}
	for range 3 {
		if _, err := n.Redo(); err != nil {
			t.Fatal(err)
		}
	}
	if got := ledger(t, n, a.ID); got != corrected {
		t.Errorf("after redo: %s, want %s", got, corrected)
	}
	// Corrections redone stick through extraction, like any.
	if err := n.ReExtract(0, nil); err != nil {
		t.Fatal(err)
	}
	if got := ledger(t, n, a.ID); got != corrected {
		t.Errorf("after redo and re-extraction: %s, want %s", got, corrected)
	}
}

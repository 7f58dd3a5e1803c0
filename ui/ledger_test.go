package ui

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// ledgerFake is the fake notebook with what the ledger reads besides: the
// quotes' own tags, and quotes matched with their articles' dates and
// outlets as the store matches them.
type ledgerFake struct {
	*fakeNotebook
	tmu  sync.Mutex
	tags map[dossier.QuoteID][]string
}

func (f *ledgerFake) QuotesMatching(q *dossier.Query) ([]dossier.Quote, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tmu.Lock()
	defer f.tmu.Unlock()
	var out []dossier.Quote
	for _, qu := range f.qs {
		r := dossier.QuoteRecord(&qu)
		if m := f.meta(qu.Article); m != nil {
			r.Title, r.Outlet, r.Date = m.Title, m.Outlet, m.Published
		}
		r.Tags = f.tags[qu.ID]
		if q.Match(&r) {
			out = append(out, qu)
		}
	}
	return out, nil
}

func (f *ledgerFake) QuoteTags(id dossier.QuoteID) ([]string, error) {
	f.tmu.Lock()
	defer f.tmu.Unlock()
	return slices.Clone(f.tags[id]), nil
}

func (f *ledgerFake) SetQuoteTags(id dossier.QuoteID, tags []string) error {
	f.tmu.Lock()
	defer f.tmu.Unlock()
	f.tags[id] = slices.Clone(tags)
	return nil
}

// ledgerNotebook is fakeArticles with two quotes more: Ned Price in the
// article of 2022-01-29, and an unnamed diplomat in the undated one.
func ledgerNotebook() *ledgerFake {
	f := fakeArticles()
	f.qs = append(f.qs,
		dossier.Quote{ID: 102, Article: 1, Spans: []dossier.Span{{Start: 26, End: 49}}, Text: "More than 94,000 troops", Speaker: "Ned Price"},
		dossier.Quote{ID: 201, Article: 2, Spans: []dossier.Span{{Start: 0, End: 7}}, Text: "No date", Mention: "a diplomat"},
	)
	return &ledgerFake{fakeNotebook: f, tags: map[dossier.QuoteID][]string{}}
}

// openLedger opens a window on nb with the Quotes tab shown.
func openLedger(t *testing.T, nb Notebook) *Window {
	t.Helper()
	w, _ := openWindow(t, nb, Services{})
	w.views.Select(w.ledger.tab)
	w.settle()
	return w
}

func TestLedgerSortsByColumns(t *testing.T) {
	w := openLedger(t, ledgerNotebook())
	l := w.ledger
	want := func(what string, ids ...dossier.QuoteID) {
		t.Helper()
		w.settle()
		if got := l.Rows(); !slices.Equal(got, ids) {
			t.Errorf("%s: rows %v, want %v", what, got, ids)
		}
	}
	want("by date, undated last", 301, 101, 102, 201)
	if got := w.ledger.tab.Text; got != "Quotes (4)" {
		t.Errorf("tab = %q", got)
	}
	// A click on the Speaker title sorts by speaker, then by date; the
	// unnamed speaker goes last either way.
	test.TapAt(l.header, fyne.NewPos(l.colX[colSpeaker]+5, 5))
	want("by speaker", 101, 301, 102, 201)
	if got := l.header.title(colSpeaker); got != "Speaker ▲" {
		t.Errorf("header says %q", got)
	}
	test.TapAt(l.header, fyne.NewPos(l.colX[colSpeaker]+5, 5))
	want("by speaker, descending", 301, 102, 101, 201)
	if got := l.header.title(colSpeaker); got != "Speaker ▼" {
		t.Errorf("header says %q", got)
	}
	l.SortBy(colQuote)
	want("by quote", 102, 201, 101, 301)
	l.SortBy(colOutlet)
	want("by outlet", 301, 101, 102, 201)
	l.SortBy(colDate)
	l.SortBy(colDate)
	// Newest first; the quotes of an article stay in reading order.
	want("by date, descending", 101, 102, 301, 201)
}

func TestLedgerFilters(t *testing.T) {
	w := openLedger(t, ledgerNotebook())
	l := w.ledger
	test.Type(l.speaker, "pric")
	w.settle()
	if got := l.Rows(); !slices.Equal(got, []dossier.QuoteID{301, 102}) {
		t.Errorf("speaker pric: %v", got)
	}
	if got := l.count.Text; got != "2 of 4 quotes" {
		t.Errorf("count = %q", got)
	}
	if !l.speaker.completing() || !slices.Equal(l.speaker.matches, []string{"Ned Price"}) {
		t.Errorf("completions %v", l.speaker.matches)
	}
	l.speaker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.speaker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if l.speaker.Text != "Ned Price" || l.speaker.completing() {
		t.Errorf("Enter took %q", l.speaker.Text)
	}
	// The search box narrows within the speaker's quotes, by word starts.
	test.Type(l.search, "troo")
	w.settle()
	if got := l.Rows(); !slices.Equal(got, []dossier.QuoteID{102}) {
		t.Errorf("search troo: %v", got)
	}
	l.SetSpeakerFilter("")
	l.search.SetText("")
	w.settle()
	if len(l.Rows()) != 4 {
		t.Errorf("cleared: %v", l.Rows())
	}
	// The filter bar narrows the ledger too.
	w.filter.Entry.SetText(`speaker:psaki`)
	w.filter.Apply()
	w.settle()
	if got := l.Rows(); !slices.Equal(got, []dossier.QuoteID{101}) {
		t.Errorf("filter speaker:psaki: %v", got)
	}
}

func TestLedgerOpensQuoteInReader(t *testing.T) {
	w := openLedger(t, ledgerNotebook())
	l := w.ledger
	l.list.Select(2) // 102, in article 1
	w.settle()
	if a := w.Current(); a == nil || a.ID != 1 {
		t.Fatalf("reader shows %v", a)
	}
	if s, e := w.Reader().Selection(); s != 26 || e != 49 {
		t.Errorf("reader selects %d..%d, want the quote 26..49", s, e)
	}
	// A click on a drawn row opens its quote.
	w.OpenArticle(3, nil)
	w.settle()
	line := l.lineAt(2)
	if line == nil {
		t.Fatal("row 2 is not drawn")
	}
	l.lastTap = time.Time{}
	test.Tap(line)
	w.settle()
	if a := w.Current(); a == nil || a.ID != 1 {
		t.Errorf("a click on the selected row again shows %v", a)
	}
}

func TestLedgerEditsSpeakerInPlace(t *testing.T) {
	nb := ledgerNotebook()
	w := openLedger(t, nb)
	l := w.ledger
	// The unnamed diplomat's quote is the last row; a double click on its
	// speaker cell edits it.
	line := l.lineAt(3)
	if line == nil {
		t.Fatal("row 3 is not drawn")
	}
	if got := line.full[colSpeaker]; got != "(a diplomat)" {
		t.Errorf("an unknown speaker shows as %q", got)
	}
	at := fyne.NewPos(l.colX[colSpeaker]+10, 5)
	test.TapAt(line, at)
	test.TapAt(line, at)
	if l.editing == nil {
		t.Fatal("no editor after a double click on the speaker")
	}
	test.Type(l.editing, "Antony Blinken")
	l.editing.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.settle()
	q, _ := nb.Quote(201)
	if q.Speaker != "Antony Blinken" {
		t.Errorf("the notebook has speaker %q", q.Speaker)
	}
	if got := l.lineAt(3).full[colSpeaker]; got != "Antony Blinken" {
		t.Errorf("the row shows %q", got)
	}
	if !strings.Contains(w.status.Text, "Antony Blinken") {
		t.Errorf("status %q", w.status.Text)
	}

	// Tag it: the tag dialog's tags go to the quote and its row.
	w.tagDialog = stubTagDialog([]string{"claim/denial"}, "")
	l.Tag(3)
	w.settle()
	if got, _ := nb.QuoteTags(201); !slices.Equal(got, []string{"claim/denial"}) {
		t.Errorf("quote tags %v", got)
	}
	if got := l.lineAt(3).chips.tags; !slices.Equal(got, []string{"claim/denial"}) {
		t.Errorf("row chips %v", got)
	}
	l.SortBy(colTags)
	w.settle()
	if got := l.Rows(); got[0] != 201 {
		t.Errorf("by tags the tagged quote is not first: %v", got)
	}
}

func TestAsOfHidesLaterItems(t *testing.T) {
	nb := ledgerNotebook()
	w := openLedger(t, nb)
	var heard []string
	w.OnAsOfChanged(func(d time.Time, set bool) {
		heard = append(heard, d.Format(time.DateOnly)+" "+map[bool]string{true: "set", false: "clear"}[set])
	})
	w.SetAsOf(time.Date(2022, 1, 15, 0, 0, 0, 0, time.UTC), true)
	w.settle()
	if got := titles(w); !slices.Equal(got, []string{"Talks in Geneva"}) {
		t.Errorf("articles as of 2022-01-15: %q (later and undated hidden)", got)
	}
	if got := w.ledger.Rows(); !slices.Equal(got, []dossier.QuoteID{301}) {
		t.Errorf("quotes as of 2022-01-15: %v", got)
	}
	if w.filter.Entry.Text != "" || w.Query() != nil {
		t.Errorf("as-of went into the filter: %q", w.filter.Entry.Text)
	}
	if d, ok := w.AsOf(); !ok || d.Format(time.DateOnly) != "2022-01-15" {
		t.Errorf("AsOf = %v %v", d, ok)
	}
	if !w.asOf.control.chip.Visible() || w.asOf.control.chip.text != "As of 2022-01-15" {
		t.Errorf("chip %q shown %v", w.asOf.control.chip.text, w.asOf.control.chip.Visible())
	}
	if got := w.count.Text; got != "1 of 3 articles" {
		t.Errorf("count %q", got)
	}
	// A filter combines with it.
	w.SetQuery(mustQuery(t, "outlet:reuters"))
	w.settle()
	if len(w.Articles()) != 0 {
		t.Errorf("outlet:reuters as of 2022-01-15: %q", titles(w))
	}
	w.SetQuery(nil)
	w.settle()

	// It is remembered for the notebook.
	if s := w.prefs.p.String(prefAsOf + w.path); s != "2022-01-15" {
		t.Errorf("remembered %q", s)
	}

	test.Tap(w.asOf.control.clear)
	w.settle()
	if len(w.Articles()) != 3 || len(w.ledger.Rows()) != 4 {
		t.Errorf("cleared: articles %q, quotes %v", titles(w), w.ledger.Rows())
	}
	if w.asOf.control.chip.Visible() || !w.asOf.control.pick.Visible() {
		t.Error("the chip still shows")
	}
	if !slices.Equal(heard, []string{"2022-01-15 set", "0001-01-01 clear"}) {
		t.Errorf("listeners heard %q", heard)
	}
}

func TestAsOfPickerAppliesTypedDay(t *testing.T) {
	w, _ := openWindow(t, ledgerNotebook(), Services{})
	w.asOf.control.choose()
	focused, ok := w.Win.Canvas().Focused().(interface{ SetText(string) })
	if !ok {
		t.Fatal("the picker's entry is not focused")
	}
	focused.SetText("2021-12-31")
	w.Win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.settle()
	if got := titles(w); !slices.Equal(got, []string{"Talks in Geneva"}) {
		t.Errorf("as of 2021-12-31: %q", got)
	}
}

package ui

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fakeItem is a text the fake search looks through.
type fakeItem struct {
	kind string
	id   uint64
	text string
	ref  string
}

var fakeItems = []fakeItem{
	{"speaker", 1, "Jen Psaki", ""},
	{"speaker", 2, "Volodymyr Zelenskyy", ""},
	{"quote", 10, "We are not going to speculate", "3:120"},
	{"quote", 11, "Psaki said the threat is “very real” — Ελλάδα — and growing", "3:480"},
	{"quote", 12, "Press secretary Jen Psaki told reporters", "4:77"},
	{"article", 4, "White House: Jen Psaki on Ukraine", ""},
	{"passage", 7, "the spokeswoman, Psaki, said", "7@4"},
}

// fakeSearch matches the letters of each query word in order, ignoring
// case, like the real search; shorter texts score higher.
func fakeSearch(items []fakeItem) SearchFunc {
	return func(ctx context.Context, query string, kinds []string, limit int) ([]SearchResult, error) {
		var out []SearchResult
		for _, it := range items {
			if len(kinds) > 0 && !slices.Contains(kinds, it.kind) {
				continue
			}
			rs := []rune(it.text)
			var matches []int
			ok := true
			for _, term := range strings.Fields(query) {
				i := 0
				for _, q := range term {
					for i < len(rs) && unicode.ToLower(rs[i]) != unicode.ToLower(q) {
						i++
					}
					if i == len(rs) {
						ok = false
						break
					}
					matches = append(matches, i)
					i++
				}
			}
			if ok {
				slices.Sort(matches)
				out = append(out, SearchResult{Kind: it.kind, ID: it.id, Text: it.text, Ref: it.ref, Score: 1000 - len(rs), Matches: slices.Compact(matches)})
			}
		}
		slices.SortStableFunc(out, func(a, b SearchResult) int { return b.Score - a.Score })
		if limit > 0 && len(out) > limit {
			out = out[:limit]
		}
		return out, ctx.Err()
	}
}

// uiQueue stands in for the Fyne goroutine: the palette's background
// searches queue their updates, and the test runs them on its own
// goroutine, where it also touches the widgets.
type uiQueue chan func()

func (q uiQueue) do(f func()) { q <- f }

// until runs queued updates until cond holds.
func (q uiQueue) until(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-deadline:
			t.Fatal("timed out waiting for the palette")
		}
	}
}

func newTestPalette(t *testing.T, search SearchFunc) (*palette, uiQueue, *[]SearchResult) {
	t.Helper()
	app := test.NewTempApp(t)
	w := app.NewWindow("test")
	w.SetContent(widget.NewLabel("notebook"))
	w.Resize(fyne.NewSize(1000, 700))
	q := make(uiQueue, 64)
	var opened []SearchResult
	p := newPalette(w.Canvas(), search, func(r SearchResult) { opened = append(opened, r) }, q.do)
	p.show()
	t.Cleanup(p.close)
	return p, q, &opened
}

// rowsText describes the rows: headings as "# Heading", results as
// "kind text".
func rowsText(p *palette) []string {
	var out []string
	for _, r := range p.rows {
		if r.heading != "" {
			out = append(out, "# "+r.heading)
		} else {
			out = append(out, r.res.Kind+" "+r.res.Text)
		}
	}
	return out
}

func TestPaletteGroupsHighlightsAndOpens(t *testing.T) {
	p, q, opened := newTestPalette(t, fakeSearch(fakeItems))
	if !p.hint.Visible() || p.hint.Text != paletteHint || p.list.Visible() {
		t.Fatalf("before typing: hint %q shown %v, list shown %v", p.hint.Text, p.hint.Visible(), p.list.Visible())
	}
	if p.canvas.Focused() != p.entry {
		t.Fatal("the entry does not have the focus")
	}
	test.Type(p.entry, "psaki")
	q.until(t, func() bool { return p.shown == "psaki" })

	want := []string{
		"# Speakers", "speaker Jen Psaki",
		"# Passages", "passage the spokeswoman, Psaki, said",
		"# Articles", "article White House: Jen Psaki on Ukraine",
		"# Quotes", "quote Press secretary Jen Psaki told reporters", "quote Psaki said the threat is “very real” — Ελλάδα — and growing",
	}
	if got := rowsText(p); !slices.Equal(got, want) {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p.sel != 1 || !p.list.Visible() || p.hint.Visible() {
		t.Fatalf("selected row %d, list shown %v, hint shown %v; want the first result selected", p.sel, p.list.Visible(), p.hint.Visible())
	}

	// Each row's highlighted segments are exactly its matched runes.
	for i, it := range p.rows {
		if it.heading != "" {
			continue
		}
		row := newResultRow()
		row.set(it, false)
		row.Resize(fyne.NewSize(2000, row.MinSize().Height))
		var got []int
		at := 0
		for _, s := range row.text.Segments {
			ts := s.(*widget.TextSegment)
			n := len([]rune(ts.Text))
			if ts.Style.TextStyle.Bold {
				if ts.Style.ColorName != theme.ColorNamePrimary {
					t.Errorf("row %d: a highlighted segment is not in the accent colour", i)
				}
				for j := range n {
					got = append(got, at+j)
				}
			}
			at += n
		}
		if at != len([]rune(it.res.Text)) {
			t.Errorf("row %d: the segments hold %d runes, the text %d", i, at, len([]rune(it.res.Text)))
		}
		if !slices.Equal(got, it.res.Matches) {
			t.Errorf("row %d %q: highlighted runes %v, matches %v", i, it.res.Text, got, it.res.Matches)
		}
	}

	// Down, Down skips the Passages heading and the passage, Enter opens the
	// article and closes the palette.
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.sel != 5 {
		t.Fatalf("after Down, Down row %d is selected, want 5", p.sel)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*opened) != 1 || (*opened)[0].Kind != "article" || (*opened)[0].ID != 4 {
		t.Fatalf("opened %+v, want article 4", *opened)
	}
	if !p.closed || len(p.canvas.Overlays().List()) != 0 {
		t.Error("the palette is still shown after Enter")
	}
}

func TestPaletteMovesWithinBounds(t *testing.T) {
	p, q, _ := newTestPalette(t, fakeSearch(fakeItems))
	test.Type(p.entry, "psaki")
	q.until(t, func() bool { return p.shown == "psaki" })
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if p.sel != 1 {
		t.Errorf("Up from the first result selects row %d", p.sel)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.sel != len(p.rows)-1 {
		t.Errorf("past the end row %d is selected, want the last, %d", p.sel, len(p.rows)-1)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if p.sel != len(p.rows)-2 {
		t.Errorf("Up from the last result selects row %d", p.sel)
	}
}

func TestPaletteEscapeCloses(t *testing.T) {
	p, q, opened := newTestPalette(t, fakeSearch(fakeItems))
	test.Type(p.entry, "zel")
	q.until(t, func() bool { return p.shown == "zel" })
	if len(p.canvas.Overlays().List()) != 1 {
		t.Fatal("the palette is not shown")
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(p.canvas.Overlays().List()) != 0 || !p.closed {
		t.Error("Escape did not close the palette")
	}
	if len(*opened) != 0 {
		t.Errorf("Escape opened %+v", *opened)
	}
	if openPalettes[p.canvas] != nil {
		t.Error("a closed palette is still registered")
	}
}

func TestPaletteClickOpens(t *testing.T) {
	p, q, opened := newTestPalette(t, fakeSearch(fakeItems))
	test.Type(p.entry, "psaki")
	q.until(t, func() bool { return p.shown == "psaki" })
	p.list.Select(0) // a heading: nothing happens
	if len(*opened) != 0 || p.closed {
		t.Fatalf("a click on a heading opened %+v", *opened)
	}
	p.list.Select(3)
	if len(*opened) != 1 || (*opened)[0].Kind != "passage" || !p.closed {
		t.Fatalf("a click on the passage opened %+v", *opened)
	}
}

func TestPaletteEmptyAndNoMatch(t *testing.T) {
	p, q, _ := newTestPalette(t, fakeSearch(fakeItems))
	test.Type(p.entry, "qqqq")
	q.until(t, func() bool { return p.shown == "qqqq" })
	if !p.hint.Visible() || !strings.Contains(p.hint.Text, "Nothing matches") || p.sel != -1 {
		t.Errorf("no match: hint %q shown %v, selected %d", p.hint.Text, p.hint.Visible(), p.sel)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // nothing to open
	p.entry.SetText("")
	if p.hint.Text != paletteHint || !p.hint.Visible() || len(p.rows) != 0 {
		t.Errorf("emptied: hint %q, %d rows", p.hint.Text, len(p.rows))
	}
}

// A slow search for an older query must never replace the results of a
// newer one, even when it ignores the cancel.
func TestPaletteStaleSearchNeverWins(t *testing.T) {
	base := fakeSearch(fakeItems)
	var mu sync.Mutex
	var done []string
	release := make(chan struct{})
	slow := func(ctx context.Context, query string, kinds []string, limit int) ([]SearchResult, error) {
		if query == "p" {
			<-release // ignores ctx on purpose
		}
		res, _ := base(context.Background(), query, kinds, limit)
		mu.Lock()
		done = append(done, query)
		mu.Unlock()
		return res, nil
	}
	finished := func(q string) bool {
		mu.Lock()
		defer mu.Unlock()
		return slices.Contains(done, q)
	}
	p, q, _ := newTestPalette(t, slow)
	test.Type(p.entry, "p")
	test.Type(p.entry, "s")
	q.until(t, func() bool { return p.shown == "ps" })
	n := len(p.rows)
	close(release)
	// Run every update the slow search queues once it is done.
	q.until(t, func() bool { return finished("p") })
	for len(q) > 0 {
		(<-q)()
	}
	time.Sleep(20 * time.Millisecond)
	for len(q) > 0 {
		(<-q)()
	}
	if p.shown != "ps" || len(p.rows) != n {
		t.Errorf("after the slow search for %q ended the palette shows %q (%d rows)", "p", p.shown, len(p.rows))
	}
}

func TestPaletteSecondShowReturnsToTheFirst(t *testing.T) {
	app := test.NewTempApp(t)
	w := app.NewWindow("test")
	w.Resize(fyne.NewSize(800, 600))
	search := fakeSearch(fakeItems)
	ShowPalette(w, search, nil)
	ShowPalette(w, search, nil)
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d overlays after two ShowPalette, want 1", n)
	}
	p := openPalettes[w.Canvas()]
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) != 0 {
		t.Error("Escape left the palette shown")
	}
}

func TestHighlightSegmentsClipsAroundTheFirstMatch(t *testing.T) {
	// Every rune is one unit wide, the ellipsis too.
	measure := func(s string, bold bool) float32 { return float32(len([]rune(s))) }
	text := strings.Repeat("word ", 20) + "Зеленський said so" + strings.Repeat(" and more", 10)
	first := len([]rune(strings.Repeat("word ", 20)))
	matches := []int{first, first + 1, first + 2}
	segs := highlightSegments(text, matches, 40, measure)
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.(*widget.TextSegment).Text)
	}
	got := b.String()
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || len([]rune(got)) > 40 {
		t.Errorf("clipped = %q (%d runes), want ellipses at both ends within 40", got, len([]rune(got)))
	}
	if !strings.Contains(got, "word Зеленський said") {
		t.Errorf("clipped = %q, want the match with a word before it", got)
	}
	if s := segs[2].(*widget.TextSegment); s.Text != "Зел" || !s.Style.TextStyle.Bold {
		t.Errorf("third segment = %q bold %v, want the match", s.Text, s.Style.TextStyle.Bold)
	}
	// Short texts and those whose match shows from the start are not cut
	// at the start.
	if segs := highlightSegments("Jen Psaki", []int{4}, 40, measure); len(segs) != 3 {
		t.Errorf("short text: %d segments, want 3", len(segs))
	}
	segs = highlightSegments(text, []int{2}, 40, measure)
	if s := segs[0].(*widget.TextSegment); s.Text != "wo" {
		t.Errorf("match near the start: first segment %q", s.Text)
	}
}

// Enter pressed before the results of the text typed are in opens the best
// of them once they come, not the selection among the older ones.
func TestPaletteEnterBeforeResults(t *testing.T) {
	base := fakeSearch(fakeItems)
	release := make(chan struct{})
	gated := func(ctx context.Context, query string, kinds []string, limit int) ([]SearchResult, error) {
		if query == "ps" {
			<-release
		}
		return base(ctx, query, kinds, limit)
	}
	p, q, opened := newTestPalette(t, gated)
	test.Type(p.entry, "p")
	q.until(t, func() bool { return p.shown == "p" })
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.sel == 1 {
		t.Fatal("Down did not move off the best result")
	}
	test.Type(p.entry, "s")
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*opened) != 0 || p.closed {
		t.Fatalf("Enter opened %+v before the results of %q came", *opened, "ps")
	}
	close(release)
	q.until(t, func() bool { return p.closed })
	if len(*opened) != 1 || (*opened)[0].Text != "Jen Psaki" {
		t.Errorf("opened %+v, want the best result for ps, Jen Psaki", *opened)
	}
}

package ui

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

const readerBody = "The US President Joe Biden said on Friday that he was developing comprehensive initiatives to make it difficult for Russian President Vladimir Putin to invade Ukraine.\n\n" +
	"Ukraine’s defence minister Oleksii Reznikov warned that Russia has placed more than 94,000 troops near Ukraine’s borders and may be gearing up for a large-scale military offensive.\n\n" +
	"“What I am doing is putting together the most comprehensive set of initiatives,” Mr Biden said. Министр обороны заявил: «Мы готовы» 😀.\n\n" +
	"He told reporters that his administration had been in “constant contact” with Ukraine and European allies."

func newTestReader(t testing.TB) (*Reader, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	r := NewReader()
	w := test.NewWindow(r)
	w.Resize(fyne.NewSize(700, 500))
	r.ShowArticle(&dossier.Article{ID: 4, Title: "Biden: initiatives", Outlet: "Reuters",
		Published: dossier.DayDate(2021, 12, 3, dossier.OriginInferred), URL: "https://example.org/a", Body: readerBody})
	return r, w
}

// runeOffset returns the rune offset of the first occurrence of s in body.
func runeOffset(t testing.TB, body, s string) (start, end int) {
	t.Helper()
	i := strings.Index(body, s)
	if i < 0 {
		t.Fatalf("%q is not in the body", s)
	}
	start = len([]rune(body[:i]))
	return start, start + len([]rune(s))
}

// at returns the page position of the boundary before off, halfway down
// its line.
func at(r *Reader, off int) fyne.Position {
	pt := r.page.doc.point(off)
	return fyne.NewPos(pt.X+0.5, pt.Y+r.page.doc.lineH/2)
}

// inside returns the page position of the middle of the rune at off.
func inside(r *Reader, off int) fyne.Position {
	pt := r.page.doc.point(off)
	x1 := r.page.doc.point(off + 1).X
	return fyne.NewPos((pt.X+x1)/2, pt.Y+r.page.doc.lineH/2)
}

func drag(r *Reader, from, to fyne.Position) {
	p := r.page
	p.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	p.DragEnd()
	p.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
}

func TestReaderHeader(t *testing.T) {
	r, _ := newTestReader(t)
	if r.title.Text != "Biden: initiatives" || r.meta.Text != "Reuters · 2021-12-03 (inferred)" || r.link.Text != "https://example.org/a" {
		t.Errorf("header = %q / %q / %q", r.title.Text, r.meta.Text, r.link.Text)
	}
	if got := len(r.Paragraphs()); got != 4 || r.Article().ID != 4 {
		t.Errorf("%d paragraphs of article %d", got, r.Article().ID)
	}
	r.ShowArticle(&dossier.Article{ID: 5, Title: "Undated", Body: "x"})
	if r.meta.Text != "undated" || r.link.Visible() {
		t.Errorf("undated article: meta %q, link shown %v", r.meta.Text, r.link.Visible())
	}
}

func TestReaderDragSelectsAcrossParagraphs(t *testing.T) {
	r, _ := newTestReader(t)
	var changed [2]int
	r.OnSelectionChanged = func(s, e int) { changed = [2]int{s, e} }
	s, _ := runeOffset(t, readerBody, "Vladimir Putin")
	_, e := runeOffset(t, readerBody, "Oleksii Reznikov")
	drag(r, at(r, s), at(r, e))
	if gs, ge := r.Selection(); gs != s || ge != e {
		t.Fatalf("Selection() = %d, %d; want %d, %d", gs, ge, s, e)
	}
	if want := string([]rune(readerBody)[s:e]); r.SelectedText() != want || !strings.Contains(want, "\n\n") {
		t.Errorf("SelectedText() = %q", r.SelectedText())
	}
	if changed != [2]int{s, e} {
		t.Errorf("OnSelectionChanged got %v", changed)
	}
	if r.tag.Disabled() {
		t.Error("the Tag button is disabled with text selected")
	}
	// Dragging backwards selects the same runes.
	drag(r, at(r, e), at(r, s))
	if gs, ge := r.Selection(); gs != s || ge != e {
		t.Errorf("backwards: Selection() = %d, %d; want %d, %d", gs, ge, s, e)
	}
	// A click clears it.
	p := r.page
	p.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(r, s)}, Button: desktop.MouseButtonPrimary})
	if gs, ge := r.Selection(); gs != ge || gs != s {
		t.Errorf("after a click Selection() = %d, %d", gs, ge)
	}
}

func TestReaderDoubleClickSelectsWord(t *testing.T) {
	r, _ := newTestReader(t)
	s, e := runeOffset(t, readerBody, "Reznikov")
	pos := inside(r, s+2)
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary}
	r.page.MouseDown(ev)
	r.page.MouseUp(ev)
	r.page.MouseDown(ev)
	if gs, ge := r.Selection(); gs != s || ge != e {
		t.Errorf("double click: Selection() = %d, %d; want %d, %d (%q)", gs, ge, s, e, r.SelectedText())
	}
}

func TestReaderShiftArrowsExtend(t *testing.T) {
	r, w := newTestReader(t)
	s, e := runeOffset(t, readerBody, "Joe Biden")
	r.Select(s, e)
	w.Canvas().Focus(r.page)
	r.page.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	r.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if gs, ge := r.Selection(); gs != s || ge != e+1 {
		t.Errorf("Shift+Right: Selection() = %d, %d; want %d, %d", gs, ge, s, e+1)
	}
	r.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	r.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if gs, ge := r.Selection(); gs != s || ge != e-1 {
		t.Errorf("Shift+Left twice: Selection() = %d, %d; want %d, %d", gs, ge, s, e-1)
	}
	r.page.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	// Shift+Ctrl+Right extends by a word: to the end of "said".
	r.Select(s, e)
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	_, said := runeOffset(t, readerBody, "Joe Biden said")
	if gs, ge := r.Selection(); gs != s || ge != said {
		t.Errorf("Shift+Ctrl+Right: Selection() = %d, %d (%q); want %d, %d", gs, ge, r.SelectedText(), s, said)
	}
	// Right alone ends the selection.
	r.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if gs, ge := r.Selection(); gs != said || ge != said {
		t.Errorf("Right: Selection() = %d, %d", gs, ge)
	}
}

func TestReaderCtrlTRequestsTagAndCtrlCCopies(t *testing.T) {
	r, w := newTestReader(t)
	var got [2]int
	calls := 0
	r.OnTagRequest = func(s, e int) { got = [2]int{s, e}; calls++ }
	s, e := runeOffset(t, readerBody, "more than 94,000 troops")
	drag(r, at(r, s), at(r, e))
	focused, ok := w.Canvas().Focused().(fyne.Shortcutable)
	if !ok || w.Canvas().Focused() != r.page {
		t.Fatalf("a click does not focus the reader's text: %v", w.Canvas().Focused())
	}
	focused.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault})
	if calls != 1 || got != [2]int{s, e} {
		t.Errorf("Ctrl+T: OnTagRequest called %d times with %v; want %d, %d", calls, got, s, e)
	}
	test.Tap(r.tag)
	if calls != 2 {
		t.Errorf("the Tag button did not ask")
	}
	focused.TypedShortcut(&fyne.ShortcutCopy{Clipboard: fyne.CurrentApp().Clipboard()})
	if c := fyne.CurrentApp().Clipboard().Content(); c != "more than 94,000 troops" {
		t.Errorf("Ctrl+C copied %q", c)
	}
	// Nothing selected: nothing to tag.
	r.Select(s, s)
	focused.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault})
	if calls != 2 || !r.tag.Disabled() {
		t.Errorf("with no selection Ctrl+T asked (%d calls) or the button is enabled", calls)
	}
}

var red = color.NRGBA{R: 0xff, A: 0xff}

func redTags(tag string) color.Color {
	if tag == "figures/troops" {
		return red
	}
	return color.NRGBA{B: 0xff, A: 0xff}
}

// rectsOf returns the page's rectangles filled with c.
func rectsOf(r *Reader, c color.NRGBA) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(r.page).Objects() {
		if rc, ok := o.(*canvas.Rectangle); ok && rc.Visible() && rc.FillColor == c {
			out = append(out, rc)
		}
	}
	return out
}

func TestReaderHighlightsPassagesInTagColour(t *testing.T) {
	r, w := newTestReader(t)
	w.Resize(fyne.NewSize(1100, 500))
	s, e := runeOffset(t, readerBody, "more than 94,000 troops")
	os, oe := runeOffset(t, readerBody, "Russia has placed more than 94,000 troops near")
	r.SetAnnotations([]dossier.Passage{
		{ID: 1, Article: 4, Start: s, End: e, Tags: []string{"figures/troops"}},
		{ID: 2, Article: 4, Start: os, End: oe, Tags: []string{"actor/russia"}},
		{ID: 3, Article: 9, Start: 0, End: 5, Tags: []string{"figures/troops"}}, // another article's
		{ID: 4, Article: 4, Start: 0, End: 5, Tags: []string{"figures/troops"}, Orphan: true},
	}, nil, redTags)
	fill := red
	fill.A = highlightAlpha
	rects := rectsOf(r, fill)
	p0, p1 := r.page.doc.point(s), r.page.doc.point(e)
	if p0.Y != p1.Y {
		t.Fatalf("the passage is on two lines in this test's layout")
	}
	if len(rects) != 1 {
		t.Fatalf("%d rectangles in the tag's colour, want 1", len(rects))
	}
	rc := rects[0]
	if rc.Position().X != p0.X || rc.Position().X+rc.Size().Width != p1.X || rc.Position().Y > p0.Y+2 || rc.Position().Y+rc.Size().Height < p0.Y+r.page.doc.textH {
		t.Errorf("highlight at %v size %v; want x %v to %v on the line at %v", rc.Position(), rc.Size(), p0.X, p1.X, p0.Y)
	}
	// The passages overlap: each gets an underline in its own lane.
	if under := rectsOf(r, red); len(under) != 1 {
		t.Errorf("%d underlines of the nested passage, want 1", len(under))
	}
	if blue := rectsOf(r, color.NRGBA{B: 0xff, A: 0xff}); len(blue) == 0 {
		t.Errorf("the enclosing passage has no underline")
	} else if blue[0].Position().Y == rectsOf(r, red)[0].Position().Y {
		t.Errorf("the overlapping passages' underlines share a lane")
	}
}

func TestReaderTaggedSelectionShowsItsHighlight(t *testing.T) {
	r, _ := newTestReader(t)
	s, e := runeOffset(t, readerBody, "more than 94,000 troops")
	r.Select(s, e)
	r.SetAnnotations([]dossier.Passage{{ID: 1, Article: 4, Start: 0, End: 3, Tags: []string{"x"}}}, nil, redTags)
	if gs, ge := r.Selection(); gs != s || ge != e {
		t.Fatalf("another passage ended the selection")
	}
	r.SetAnnotations([]dossier.Passage{{ID: 1, Article: 4, Start: 0, End: 3, Tags: []string{"x"}},
		{ID: 2, Article: 4, Start: s, End: e, Tags: []string{"figures/troops"}}}, nil, redTags)
	if gs, ge := r.Selection(); gs != e || ge != e || !r.tag.Disabled() {
		t.Errorf("after tagging the selection it is %d-%d", gs, ge)
	}
}

func TestReaderTapHighlightAndQuote(t *testing.T) {
	r, _ := newTestReader(t)
	s, e := runeOffset(t, readerBody, "more than 94,000 troops")
	qs, qe := runeOffset(t, readerBody, "constant contact")
	r.SetAnnotations(
		[]dossier.Passage{{ID: 7, Article: 4, Start: s, End: e, Tags: []string{"figures/troops"}, Note: "Reznikov"}},
		[]dossier.Quote{{ID: 3, Article: 4, Spans: []dossier.Span{{Start: qs, End: qe}}, Speaker: "Joe Biden", Mention: "he", Partial: true}},
		redTags)
	var tappedP dossier.PassageID
	var tappedQ dossier.QuoteID
	r.OnPassageTapped = func(p dossier.Passage) { tappedP = p.ID }
	r.OnQuoteTapped = func(q dossier.Quote) { tappedQ = q.ID }
	test.TapAt(r.page, inside(r, s+3))
	if tappedP != 7 {
		t.Errorf("tapping the highlight gave passage %d", tappedP)
	}
	test.TapAt(r.page, inside(r, qs+2))
	if tappedQ != 3 {
		t.Errorf("tapping the quotation gave quote %d", tappedQ)
	}
	tappedP, tappedQ = 0, 0
	test.TapAt(r.page, inside(r, 2))
	if tappedP != 0 || tappedQ != 0 {
		t.Errorf("tapping plain text called back (%d, %d)", tappedP, tappedQ)
	}
	// Hovering the quotation shows who said it.
	r.page.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: inside(r, qs+2)}})
	found := ""
	for _, o := range test.WidgetRenderer(r.page).Objects() {
		if tx, ok := o.(*canvas.Text); ok && strings.HasPrefix(tx.Text, "Joe Biden") {
			found = tx.Text
		}
	}
	if found != "Joe Biden (“he”) · partial quote" {
		t.Errorf("hovering the quote shows %q", found)
	}
	if r.page.Cursor() != desktop.PointerCursor {
		t.Errorf("the cursor over a quotation is not a pointer")
	}
	r.page.MouseOut()
	for _, o := range test.WidgetRenderer(r.page).Objects() {
		if tx, ok := o.(*canvas.Text); ok && strings.HasPrefix(tx.Text, "Joe Biden") {
			t.Errorf("the speaker tip stays after the mouse left")
		}
	}
}

// longArticle returns an article of about n bytes: varied paragraphs of
// news prose with some Cyrillic and typographic quotes.
func longArticle(id dossier.ArticleID, n int) *dossier.Article {
	sentences := []string{
		"Ukraine’s defence minister Oleksii Reznikov warned that Russia has placed more than 94,000 troops near the borders.",
		"“We want open lines of communication with the Russians,” said one senior State Department official.",
		"Moscow has accused Ukraine and the United States of destabilising behaviour in the east.",
		"Министр иностранных дел Сергей Лавров заявил, что Москва ждёт ответа на свои предложения.",
		"The Kremlin said on Friday that Russia and the US had a tentative date for a video summit.",
		"Officials have been negotiating the call in recent weeks, and sanctions remain on the table.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j := 0; j < 3+i%5; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentences[(i*7+j)%len(sentences)])
			fmt.Fprintf(&b, " (%d)", i*10+j)
		}
	}
	return &dossier.Article{ID: id, Title: fmt.Sprintf("Article %d", id), Body: b.String()}
}

func TestReaderDrawsOnlyLinesNearView(t *testing.T) {
	r, w := newTestReader(t)
	a := longArticle(10, 50_000)
	r.ShowArticle(a)
	lines := 0
	for _, p := range r.page.doc.paras {
		lines += len(p.lines)
	}
	texts := 0
	for _, o := range test.WidgetRenderer(r.page).Objects() {
		if _, ok := o.(*canvas.Text); ok {
			texts++
		}
	}
	if texts == 0 || texts > lines/4 {
		t.Errorf("%d text objects for %d lines", texts, lines)
	}
	// Selecting far down scrolls there, and the lines there are drawn.
	body := []rune(a.Body)
	s := len(body) - 300
	r.Select(s, s+20)
	y := r.scroll.Offset.Y
	pt := r.page.doc.point(s)
	if pt.Y < y || pt.Y > y+r.scroll.Size().Height {
		t.Errorf("selected text at y %v is not in view %v + %v", pt.Y, y, r.scroll.Size().Height)
	}
	want := r.page.doc.paras[r.page.doc.paraAt(s)].text(r.page.doc.paras[r.page.doc.paraAt(s)].lineAt(s - r.page.doc.paras[r.page.doc.paraAt(s)].start))
	drawn := false
	for _, o := range test.WidgetRenderer(r.page).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == want {
			drawn = true
		}
	}
	if !drawn {
		t.Errorf("the line of the selection (%q) is not drawn", want)
	}
	// A narrower window wraps again.
	before := r.page.doc.height
	w.Resize(fyne.NewSize(400, 500))
	if r.page.doc.height <= before {
		t.Errorf("narrower: text height %v, was %v", r.page.doc.height, before)
	}
}

func TestReaderKeepsPlaceWhenSameArticleShownAgain(t *testing.T) {
	r, _ := newTestReader(t)
	a := longArticle(11, 20_000)
	r.ShowArticle(a)
	r.Select(15000, 15010)
	y := r.scroll.Offset.Y
	r.ShowArticle(a)
	if r.scroll.Offset.Y != y || func() bool { s, e := r.Selection(); return s != 15000 || e != 15010 }() {
		t.Errorf("showing the article again moved from %v to %v or lost the selection", y, r.scroll.Offset.Y)
	}
	r.ShowArticle(longArticle(12, 20_000))
	if s, e := r.Selection(); r.scroll.Offset.Y != 0 || s != e {
		t.Errorf("another article opens at %v with selection %d-%d", r.scroll.Offset.Y, s, e)
	}
}

// BenchmarkReaderOpen50KB opens a 50 KB article in a reader that fills a
// 1280x800 window: the layout of the whole text and the objects of the
// lines in view, as the window's first frame needs them.
func BenchmarkReaderOpen50KB(b *testing.B) {
	r, w := newBenchReader(b)
	arts := []*dossier.Article{longArticle(1, 50_000), longArticle(2, 50_000)}
	b.SetBytes(int64(len(arts[0].Body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.ShowArticle(arts[i%2])
		test.LaidOutObjects(w.Canvas().Content())
	}
}

// BenchmarkReaderOpen50KBFirstDraw adds painting the window (the test
// driver's software painter, slower than the GL one a desktop uses).
func BenchmarkReaderOpen50KBFirstDraw(b *testing.B) {
	r, w := newBenchReader(b)
	arts := []*dossier.Article{longArticle(1, 50_000), longArticle(2, 50_000)}
	b.SetBytes(int64(len(arts[0].Body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.ShowArticle(arts[i%2])
		w.Canvas().Capture()
	}
}

// BenchmarkReaderScroll scrolls a 50 KB article by three lines a step, as a
// mouse wheel does, down and back up.
func BenchmarkReaderScroll(b *testing.B) {
	r, _ := newBenchReader(b)
	r.ShowArticle(longArticle(1, 50_000))
	step := 3 * r.page.doc.lineH
	dir := float32(-1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		y := r.scroll.Offset.Y
		if y+r.scroll.Size().Height >= r.page.doc.height-1 {
			dir = 1
		} else if y <= 0 {
			dir = -1
		}
		r.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, dir*step)})
	}
}

func newBenchReader(b *testing.B) (*Reader, fyne.Window) {
	test.NewTempApp(b)
	r := NewReader()
	w := test.NewWindow(r)
	w.Resize(fyne.NewSize(1280, 800))
	// Warm the measurer's caches as the first article of a session does.
	r.ShowArticle(longArticle(3, 50_000))
	return r, w
}

func TestReaderOpens50KBQuickly(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing")
	}
	test.NewTempApp(t)
	r := NewReader()
	w := test.NewWindow(r)
	w.Resize(fyne.NewSize(1280, 800))
	start := time.Now()
	r.ShowArticle(longArticle(1, 50_000))
	test.LaidOutObjects(w.Canvas().Content())
	d := time.Since(start)
	t.Logf("a 50 KB article opened in %v, cold", d)
	if d > 100*time.Millisecond {
		t.Errorf("a 50 KB article took %v to open, cold", d)
	}
}

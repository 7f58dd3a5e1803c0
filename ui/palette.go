package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SearchFunc is the fuzzy search the palette runs as the user types: it is
// Services.Search. It is called on a background goroutine and should return
// promptly once ctx is cancelled.
type SearchFunc = func(ctx context.Context, query string, kinds []string, limit int) ([]SearchResult, error)

// paletteLimit is how many results the palette asks for: more than a screen,
// few enough that every keystroke stays cheap.
const paletteLimit = 60

// searchingAfter is how long a search runs before the palette says it is
// searching.
const searchingAfter = 200 * time.Millisecond

// paletteHint is what the palette shows before anything is typed.
const paletteHint = "Type to search titles, quotes, speakers, passages, notes, tags and outlets"

// kindHeadings names the groups of results.
var kindHeadings = map[string]string{
	"article": "Articles",
	"quote":   "Quotes",
	"speaker": "Speakers",
	"passage": "Passages",
	"note":    "Notes",
	"tag":     "Tags",
	"outlet":  "Outlets",
}

// openPalettes is the palette shown on each canvas, so that a second Ctrl+K
// returns to it instead of stacking another. Touched on the Fyne goroutine
// only.
var openPalettes = map[fyne.Canvas]*palette{}

// ShowPalette shows the search palette over win: an entry above the results
// of every kind, grouped by kind, with the matched characters highlighted.
// Typing searches on a background goroutine (the newest query wins); Up and
// Down move the selection, Enter or a click calls onOpen with the result and
// closes the palette, Escape closes it. When the palette is already open on
// win it gets the focus back, with its text selected.
func ShowPalette(win fyne.Window, search SearchFunc, onOpen func(r SearchResult)) {
	if p := openPalettes[win.Canvas()]; p != nil {
		win.Canvas().Focus(p.entry)
		p.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	newPalette(win.Canvas(), search, onOpen, fyne.Do).show()
}

// palette is the state of one shown palette. Its fields are touched on the
// Fyne goroutine only; searches run elsewhere and report through do.
type palette struct {
	canvas fyne.Canvas
	search SearchFunc
	onOpen func(SearchResult)
	do     func(func()) // runs f on the Fyne goroutine: fyne.Do, or a test's queue

	popup  *widget.PopUp
	entry  *paletteEntry
	list   *widget.List
	hint   *widget.Label
	footer *canvas.Text

	maxSize fyne.Size // the largest the popup grows to, as the window allows
	rowH    float32   // the height of a row of the list

	rows  []paletteItem
	sel   int    // the selected row, always a result; -1 when there is none
	shown string // the query whose results are shown

	seq    uint64             // bumped by every query; only the newest may show its results
	cancel context.CancelFunc // cancels the search in flight; nil when none is
	closed bool

	// openWhenShown: Enter was pressed while the search of the text typed
	// was still running; its best result opens as soon as it is shown.
	openWhenShown bool
}

// paletteItem is one row of the list: a kind's heading or a result.
type paletteItem struct {
	heading string
	res     SearchResult
}

func newPalette(c fyne.Canvas, search SearchFunc, onOpen func(SearchResult), do func(func())) *palette {
	p := &palette{canvas: c, search: search, onOpen: onOpen, do: do, sel: -1}
	p.entry = newPaletteEntry(p.typedKey)
	p.entry.SetPlaceHolder("Search")
	p.entry.OnChanged = p.query
	p.hint = widget.NewLabel(paletteHint)
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.Importance = widget.LowImportance
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject { return newResultRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.rows) {
				o.(*resultRow).set(p.rows[id], id == p.sel)
			}
		},
	)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.Unselect(id)
		if id < len(p.rows) && p.rows[id].heading == "" {
			p.sel = id
			p.open()
		}
	}
	p.list.Hide()
	p.rowH = newResultRow().MinSize().Height
	p.footer = canvas.NewText("Up, Down: move · Enter: open · Esc: close", theme.Color(theme.ColorNamePlaceHolder))
	p.footer.TextSize = theme.CaptionTextSize()
	p.footer.Alignment = fyne.TextAlignTrailing
	body := container.NewStack(container.NewVBox(p.hint), p.list)
	content := container.NewBorder(p.entry, container.NewPadded(p.footer), nil, nil, body)
	p.popup = widget.NewModalPopUp(content, c)
	return p
}

// show places the palette near the top of the canvas, 60% of its width,
// and focuses the entry.
func (p *palette) show() {
	cs := p.canvas.Size()
	w := max(cs.Width*0.6, min(480, cs.Width-16))
	top := max(cs.Height*0.08, 8)
	p.maxSize = fyne.NewSize(w, max(min(cs.Height-2*top, 560), 160))
	p.fit()
	p.popup.ShowAtPosition(fyne.NewPos((cs.Width-w)/2, top))
	openPalettes[p.canvas] = p
	p.canvas.Focus(p.entry)
}

// fit sizes the popup to what it shows, up to maxSize: a few results make
// a short palette.
func (p *palette) fit() {
	pad := theme.Padding()
	body := p.hint.MinSize().Height
	if n := float32(len(p.rows)); p.list.Visible() && n > 0 {
		body = n*p.rowH + (n-1)*pad // the list spaces its rows by a padding
	}
	h := p.entry.MinSize().Height + body + p.footer.MinSize().Height + 4*pad
	p.popup.Resize(fyne.NewSize(p.maxSize.Width, min(h, p.maxSize.Height)))
}

// close hides the palette and stops its search.
func (p *palette) close() {
	if p.closed {
		return
	}
	p.closed = true
	p.seq++
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	p.popup.Hide()
	if openPalettes[p.canvas] == p {
		delete(openPalettes, p.canvas)
	}
	p.canvas.Unfocus()
}

// query starts a search for q. The search of the previous keystroke is
// cancelled, and its results are dropped even when it ignores the cancel:
// only the search of the newest query (seq) may show its results. The
// search takes milliseconds even on a large notebook, so there is no
// debounce.
func (p *palette) query(q string) {
	p.seq++
	p.openWhenShown = false
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	if strings.TrimSpace(q) == "" {
		p.setRows("", nil)
		p.showHint(paletteHint)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	seq := p.seq
	// A slow search (the index is still being built, or the notebook is
	// huge) says so when there is nothing else to show.
	slow := time.AfterFunc(searchingAfter, func() {
		p.do(func() {
			if !p.closed && seq == p.seq && len(p.rows) == 0 {
				p.showHint("Searching…")
			}
		})
	})
	go func() {
		res, err := p.search(ctx, q, nil, paletteLimit)
		slow.Stop()
		cancel()
		p.do(func() {
			if p.closed || seq != p.seq {
				return
			}
			p.cancel = nil
			switch {
			case errors.Is(err, context.Canceled):
			case err != nil:
				p.setRows(q, nil)
				p.showHint(dossier.ErrorMessage(err))
			case len(res) == 0:
				p.setRows(q, nil)
				p.showHint(fmt.Sprintf("Nothing matches “%s”", strings.TrimSpace(q)))
			default:
				p.setRows(q, res)
				if p.openWhenShown {
					p.open()
				}
			}
			p.openWhenShown = false
		})
	}()
}

func (p *palette) showHint(s string) {
	p.hint.SetText(s)
	p.hint.Show()
	p.list.Hide()
	p.fit()
}

// setRows shows results grouped by kind, groups in the order of their best
// result, and selects the first result.
func (p *palette) setRows(q string, res []SearchResult) {
	p.shown = q
	p.rows = groupResults(res)
	p.sel = -1
	for i, r := range p.rows {
		if r.heading == "" {
			p.sel = i
			break
		}
	}
	if len(p.rows) > 0 {
		p.hint.Hide()
		p.list.Show()
	}
	p.list.Refresh()
	p.list.ScrollToTop()
	p.fit()
}

// groupResults puts each kind's heading before its results; kinds come in
// the order of their best result and keep their results' order.
func groupResults(res []SearchResult) []paletteItem {
	var kinds []string
	byKind := map[string][]SearchResult{}
	for _, r := range res {
		if _, ok := byKind[r.Kind]; !ok {
			kinds = append(kinds, r.Kind)
		}
		byKind[r.Kind] = append(byKind[r.Kind], r)
	}
	rows := make([]paletteItem, 0, len(res)+len(kinds))
	for _, k := range kinds {
		rows = append(rows, paletteItem{heading: kindHeading(k)})
		for _, r := range byKind[k] {
			rows = append(rows, paletteItem{res: r})
		}
	}
	return rows
}

func kindHeading(kind string) string {
	if h, ok := kindHeadings[kind]; ok {
		return h
	}
	if kind == "" {
		return "Other"
	}
	r, n := utf8.DecodeRuneInString(kind)
	return strings.ToUpper(string(r)) + kind[n:] + "s"
}

// typedKey handles the keys that drive the list from the entry; it reports
// whether it used the key.
func (p *palette) typedKey(k *fyne.KeyEvent) bool {
	switch k.Name {
	case fyne.KeyDown:
		p.move(1)
	case fyne.KeyUp:
		p.move(-1)
	case fyne.KeyPageDown:
		p.move(8)
	case fyne.KeyPageUp:
		p.move(-8)
	case fyne.KeyReturn, fyne.KeyEnter:
		if p.cancel != nil {
			// What is shown is for an older text: open the best result
			// of what was typed once it comes.
			p.openWhenShown = true
		} else {
			p.open()
		}
	case fyne.KeyEscape:
		p.close()
	default:
		return false
	}
	return true
}

// move moves the selection by n results, skipping headings, and stops at
// the first and last result.
func (p *palette) move(n int) {
	if p.sel < 0 {
		return
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	to := p.sel
	for i := to + step; i >= 0 && i < len(p.rows) && n > 0; i += step {
		if p.rows[i].heading == "" {
			to = i
			n--
		}
	}
	if to == p.sel {
		return
	}
	old := p.sel
	p.sel = to
	p.list.RefreshItem(old)
	p.list.RefreshItem(to)
	if step < 0 && to > 0 && p.rows[to-1].heading != "" {
		p.list.ScrollTo(to - 1) // the group's heading too
	}
	p.list.ScrollTo(to)
}

// open closes the palette and opens the selected result.
func (p *palette) open() {
	if p.sel < 0 || p.sel >= len(p.rows) || p.closed {
		return
	}
	r := p.rows[p.sel].res
	p.close()
	if p.onOpen != nil {
		p.onOpen(r)
	}
}

// paletteEntry is the palette's entry: it gives the navigation keys to the
// palette before the entry sees them.
type paletteEntry struct {
	widget.Entry
	onKey func(*fyne.KeyEvent) bool
}

func newPaletteEntry(onKey func(*fyne.KeyEvent) bool) *paletteEntry {
	e := &paletteEntry{onKey: onKey}
	e.ExtendBaseWidget(e)
	return e
}

func (e *paletteEntry) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k) {
		return
	}
	e.Entry.TypedKey(k)
}

// resultRow is one row of the palette's list: a kind's heading, or a result
// whose matched characters are bold in the accent colour, with its
// reference muted on the right. Every row has the same height.
type resultRow struct {
	widget.BaseWidget
	item     paletteItem
	selected bool
	fitWidth float32 // the text width the segments were cut for

	bg      *canvas.Rectangle
	heading *canvas.Text
	text    *widget.RichText
	ref     *canvas.Text
}

func newResultRow() *resultRow {
	r := &resultRow{
		bg:      canvas.NewRectangle(theme.Color(theme.ColorNameSelection)),
		heading: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		text:    widget.NewRichText(),
		ref:     canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
	}
	r.bg.CornerRadius = theme.SelectionRadiusSize()
	r.heading.TextStyle = fyne.TextStyle{Bold: true}
	r.heading.TextSize = theme.CaptionTextSize()
	r.ref.TextSize = theme.CaptionTextSize()
	r.ref.Alignment = fyne.TextAlignTrailing
	r.text.Truncation = fyne.TextTruncateClip // the segments are cut to fit; this only guards
	r.ExtendBaseWidget(r)
	return r
}

func (r *resultRow) set(it paletteItem, selected bool) {
	r.item, r.selected = it, selected
	r.fitWidth = -1
	r.Refresh()
}

// textWidth is the width left for the result's text in a row of width w.
func (r *resultRow) textWidth(w float32) float32 {
	inner := theme.InnerPadding()
	refW := float32(0)
	if r.ref.Text != "" {
		refW = r.ref.MinSize().Width + inner
	}
	return w - refW - 2*inner
}

// fit cuts the result's text into segments for a row of width w.
func (r *resultRow) fit(w float32) {
	tw := r.textWidth(w)
	if tw == r.fitWidth {
		return
	}
	r.fitWidth = tw
	r.text.Segments = highlightSegments(r.item.res.Text, r.item.res.Matches, tw, measureSegment)
	r.text.Refresh()
}

func (r *resultRow) CreateRenderer() fyne.WidgetRenderer {
	return &resultRowRenderer{r: r}
}

type resultRowRenderer struct{ r *resultRow }

func (rr *resultRowRenderer) Layout(size fyne.Size) {
	r := rr.r
	inner := theme.InnerPadding()
	r.bg.Resize(size)
	hs := r.heading.MinSize()
	r.heading.Move(fyne.NewPos(inner, size.Height-hs.Height-theme.Padding()/2))
	r.heading.Resize(fyne.NewSize(size.Width-2*inner, hs.Height))
	rs := r.ref.MinSize()
	r.ref.Move(fyne.NewPos(size.Width-inner-rs.Width, (size.Height-rs.Height)/2))
	r.ref.Resize(rs)
	if r.item.heading == "" {
		r.fit(size.Width)
	}
	th := r.text.MinSize().Height
	r.text.Move(fyne.NewPos(0, (size.Height-th)/2))
	r.text.Resize(fyne.NewSize(r.textWidth(size.Width)+2*inner, th))
}

func (rr *resultRowRenderer) MinSize() fyne.Size {
	// One line of text, whatever the row shows, so that rows are uniform.
	h := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
	return fyne.NewSize(160, h)
}

func (rr *resultRowRenderer) Refresh() {
	r := rr.r
	r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	r.bg.CornerRadius = theme.SelectionRadiusSize()
	r.bg.Hidden = !r.selected || r.item.heading != ""
	r.heading.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.ref.Color = theme.Color(theme.ColorNamePlaceHolder)
	if r.item.heading != "" {
		r.heading.Text = r.item.heading
		r.heading.Show()
		r.text.Hide()
		r.ref.Hide()
	} else {
		r.heading.Hide()
		r.ref.Text = r.item.res.Ref
		r.ref.Show()
		r.text.Show()
		r.fitWidth = -1
		rr.Layout(r.Size())
	}
	r.bg.Refresh()
	r.heading.Refresh()
	r.ref.Refresh()
}

func (rr *resultRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.bg, rr.r.heading, rr.r.text, rr.r.ref}
}

func (rr *resultRowRenderer) Destroy() {}

var (
	plainStyle   = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground}
	matchedStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
)

func measureSegment(s string, bold bool) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width
}

// highlightSegments returns text as one line of RichText segments in which
// the runes at matches (rune offsets, ascending) are highlighted. When the
// text is wider than width it is cut, with an ellipsis at each cut end,
// so that the first match shows with a little of what comes before it.
// Line breaks and tabs show as spaces. measure gives the width of a string.
func highlightSegments(text string, matches []int, width float32, measure func(s string, bold bool) float32) []widget.RichTextSegment {
	rs := []rune(text)
	for i, c := range rs {
		if c == '\n' || c == '\r' || c == '\t' {
			rs[i] = ' '
		}
	}
	matched := make([]bool, len(rs))
	first := -1
	for _, m := range matches {
		if m >= 0 && m < len(rs) {
			matched[m] = true
			if first < 0 || m < first {
				first = m
			}
		}
	}
	lo, hi := clipAround(rs, matched, first, width, measure)
	var segs []widget.RichTextSegment
	if lo > 0 {
		segs = append(segs, &widget.TextSegment{Text: "…", Style: plainStyle})
	}
	for i := lo; i < hi; {
		j := i + 1
		for j < hi && matched[j] == matched[i] {
			j++
		}
		st := plainStyle
		if matched[i] {
			st = matchedStyle
		}
		segs = append(segs, &widget.TextSegment{Text: string(rs[i:j]), Style: st})
		i = j
	}
	if hi < len(rs) {
		segs = append(segs, &widget.TextSegment{Text: "…", Style: plainStyle})
	}
	return segs
}

// clipAround returns the runes [lo, hi) of rs that fit in width, with the
// ellipses the cuts need: all of them when they fit; else from the start when
// the first match (first, -1 for none) shows that way, or else from the
// start of the word a few runes before the first match.
func clipAround(rs []rune, matched []bool, first int, width float32, measure func(string, bool) float32) (lo, hi int) {
	n := len(rs)
	ell := measure("…", false)
	wide := func(lo, hi int) float32 {
		w := float32(0)
		if lo > 0 {
			w += ell
		}
		if hi < n {
			w += ell
		}
		for i := lo; i < hi; {
			j := i + 1
			for j < hi && matched[j] == matched[i] {
				j++
			}
			w += measure(string(rs[i:j]), matched[i])
			i = j
		}
		return w
	}
	if width <= 0 || wide(0, n) <= width {
		return 0, n
	}
	// The first match with a few runes after it must show.
	const before, after = 12, 6
	need := 0
	if first >= 0 {
		need = min(n, first+1+after)
	}
	if need > 0 && wide(0, need) > width {
		lo = max(0, first-before)
		if sp := strings.IndexRune(string(rs[lo:first]), ' '); sp >= 0 {
			lo += utf8.RuneCountInString(string(rs[lo:first])[:sp]) + 1
		}
		for lo < first && wide(lo, min(n, first+1)) > width {
			lo++
		}
	}
	// The longest end that fits, by bisection: at least one rune past lo.
	a, b := lo+1, n
	for a < b {
		m := (a + b + 1) / 2
		if wide(lo, m) <= width {
			a = m
		} else {
			b = m - 1
		}
	}
	return lo, a
}

package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readerPage is the reader's text: the whole article as one tall widget in
// the reader's scroll, of which the renderer draws only the lines near the
// view. It owns the layout and takes the mouse and the keyboard; the
// selection and the annotations live in the Reader.
type readerPage struct {
	widget.BaseWidget
	r *Reader

	m     *textMeasurer
	doc   *docLayout
	width float32 // the page's width the layout was made for

	pendingReveal *[2]int // asked for before the first layout
	rr            *pageRenderer

	// Mouse and keys.
	pressed    bool // the primary button is down on the page
	dragged    bool
	shift      bool
	lastDown   time.Time
	lastDownAt fyne.Position
	clicks     int  // 1, 2 (word), 3 (paragraph) in a quick series
	skipTap    bool // the tap that ends a double click or a shift-click is no click on a highlight
	hoverQuote int  // index into r.quotes under the mouse, or -1
	hoverAt    fyne.Position
	hoverLink  bool // a highlight or quotation is under the mouse
}

func newReaderPage(r *Reader) *readerPage {
	p := &readerPage{r: r, hoverQuote: -1}
	p.ExtendBaseWidget(p)
	return p
}

// The page's margins around the text column, and the widest the column
// grows (in text sizes), for lines a person can read.
const (
	pageMarginLeft  = 20
	pageMarginRight = 24 // room for the scroll bar
	pageMarginTop   = 6
	maxColumnEms    = 62
)

// measurer returns the measurer of the current theme's text size, made
// anew when the size changed.
func (p *readerPage) measurer() *textMeasurer {
	size := theme.TextSize()
	if p.m == nil || p.m.size != size {
		p.m = newTextMeasurer(size, fyne.TextStyle{})
		p.doc = nil
	}
	return p.m
}

// setWidth lays the text out for a page width wide, when it changed.
func (p *readerPage) setWidth(width float32) {
	if width == p.width && p.doc != nil && p.m != nil && p.m.size == theme.TextSize() {
		return
	}
	p.width = width
	p.relayout()
}

// textChanged lays out a new text.
func (p *readerPage) textChanged() {
	p.doc = nil
	p.hoverQuote = -1
	p.relayout()
}

func (p *readerPage) relayout() {
	if p.width <= 0 {
		return
	}
	m := p.measurer()
	col := min(p.width-pageMarginLeft-pageMarginRight, maxColumnEms*m.size)
	p.doc = newDocLayout(p.r.body, max(col, 4*m.size), pageMarginLeft, pageMarginTop, m)
	if rv := p.pendingReveal; rv != nil {
		p.pendingReveal = nil
		defer p.r.Reveal(rv[0], rv[1])
	}
	p.Refresh()
}

// viewChanged redraws the page when the view moved beyond the lines drawn.
func (p *readerPage) viewChanged() {
	if rr, ok := p.renderer(); ok && rr.needsUpdate() {
		rr.update()
	}
}

// renderer returns the page's renderer once it has one.
func (p *readerPage) renderer() (*pageRenderer, bool) {
	return p.rr, p.rr != nil
}

// view returns the band of the page in view: from y, h tall.
func (p *readerPage) view() (y, h float32) {
	y, h = p.r.scroll.Offset.Y, p.r.scroll.Size().Height
	if h <= 0 {
		h = 1000
	}
	return y, h
}

func (p *readerPage) MinSize() fyne.Size {
	p.ExtendBaseWidget(p)
	if p.doc == nil {
		return fyne.NewSize(100, 0)
	}
	return fyne.NewSize(100, p.doc.height)
}

func (p *readerPage) CreateRenderer() fyne.WidgetRenderer {
	p.rr = &pageRenderer{p: p, texts: map[lineKey]*canvas.Text{}}
	return p.rr
}

// offsetAt returns the rune offset nearest to pos, the end of the text when
// there is no layout yet.
func (p *readerPage) offsetAt(pos fyne.Position) int {
	if p.doc == nil {
		return 0
	}
	return p.doc.offsetAt(pos)
}

func (p *readerPage) runeAt(pos fyne.Position) int {
	if p.doc == nil {
		return -1
	}
	return p.doc.runeAt(pos)
}

// MouseDown starts a selection: a click places its anchor, a double click
// selects a word, a triple click the paragraph, a shift-click extends.
func (p *readerPage) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	p.focus()
	now := time.Now()
	d := ev.Position.Subtract(p.lastDownAt)
	if now.Sub(p.lastDown) < 450*time.Millisecond && d.X*d.X+d.Y*d.Y < 36 {
		p.clicks++
	} else {
		p.clicks = 1
	}
	p.lastDown, p.lastDownAt = now, ev.Position
	p.pressed, p.dragged, p.skipTap = true, false, false
	off := p.offsetAt(ev.Position)
	r := p.r
	switch {
	case p.clicks == 2:
		s, e := wordAt(r.body, p.wordOffset(ev.Position, off))
		r.setSelection(s, e)
		p.skipTap = true
	case p.clicks >= 3:
		if p.doc != nil {
			pp := p.doc.paras[p.doc.paraAt(off)]
			r.setSelection(pp.start, pp.end())
		}
		p.skipTap = true
	case ev.Modifier&fyne.KeyModifierShift != 0:
		r.setSelection(r.anchor, off)
		p.skipTap = true
	default:
		r.setSelection(off, off)
	}
}

// wordOffset is the rune a double click means: the one under the pointer,
// or the one before the nearest boundary.
func (p *readerPage) wordOffset(pos fyne.Position, off int) int {
	if k := p.runeAt(pos); k >= 0 {
		return k
	}
	return max(off-1, 0)
}

func (p *readerPage) MouseUp(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonPrimary {
		p.pressed = false
	}
}

// Dragged extends the selection to the pointer, scrolling when the pointer
// is above or below the view.
func (p *readerPage) Dragged(ev *fyne.DragEvent) {
	r := p.r
	if !p.pressed && !p.dragged {
		// No MouseDown came first (a touch screen, or a test): the drag
		// started where the pointer was before this move.
		r.setSelection(p.offsetAt(ev.Position.Subtract(ev.Dragged)), r.caret)
	}
	p.dragged = true
	off := p.offsetAt(ev.Position)
	if p.clicks == 2 && p.pressed {
		// Dragging on from a double click selects whole words.
		ws, we := wordAt(r.body, r.anchor)
		if off < ws {
			r.setSelection(we, prevWordStart(r.body, off))
		} else {
			r.setSelection(ws, max(we, nextWordEnd(r.body, off)))
		}
	} else {
		r.setSelection(r.anchor, off)
	}
	y, h := p.view()
	switch {
	case ev.Position.Y < y:
		r.scrollTo(ev.Position.Y)
	case ev.Position.Y > y+h:
		r.scrollTo(ev.Position.Y - h)
	}
}

func prevWordStart(rs []rune, off int) int {
	if off < len(rs) && inWord(rs, off) {
		s, _ := wordAt(rs, off)
		return s
	}
	return off
}

func nextWordEnd(rs []rune, off int) int {
	if off > 0 && inWord(rs, off-1) {
		_, e := wordAt(rs, off-1)
		return e
	}
	return off
}

func (p *readerPage) DragEnd() {
	p.pressed = false
	p.dragged = false
	p.skipTap = true
}

// Tapped is a click that selected nothing: on a highlight it calls
// OnPassageTapped, on a quotation OnQuoteTapped.
func (p *readerPage) Tapped(ev *fyne.PointEvent) {
	if p.skipTap {
		p.skipTap = false
		return
	}
	p.focus()
	k := p.runeAt(ev.Position)
	if k < 0 {
		return
	}
	r := p.r
	if i := r.passageAt(k); i >= 0 {
		if r.OnPassageTapped != nil {
			r.OnPassageTapped(r.passages[i])
		}
		return
	}
	if i := r.quoteAt(k); i >= 0 && r.OnQuoteTapped != nil {
		r.OnQuoteTapped(r.quotes[i])
	}
}

// TappedSecondary opens the context menu: tag or copy the selection (the
// word under the pointer when nothing is selected), edit the highlight or
// the quotation under it.
func (p *readerPage) TappedSecondary(ev *fyne.PointEvent) {
	r := p.r
	p.focus()
	p.MouseOut() // the menu hides the speaker tip
	k := p.runeAt(ev.Position)
	if s, e := r.Selection(); s == e && k >= 0 {
		r.setSelection(wordAt(r.body, k))
	}
	s, e := r.Selection()
	tag := fyne.NewMenuItem("Tag selection…", r.RequestTag)
	tag.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}
	tag.Disabled = e <= s
	cp := fyne.NewMenuItem("Copy", p.copySelection)
	cp.Shortcut = &fyne.ShortcutCopy{}
	cp.Disabled = e <= s
	items := []*fyne.MenuItem{tag, cp}
	if k >= 0 {
		if i := r.passageAt(k); i >= 0 && r.OnPassageTapped != nil {
			ps := r.passages[i]
			items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Edit highlight…", func() { r.OnPassageTapped(ps) }))
		}
		if i := r.quoteAt(k); i >= 0 && r.OnQuoteTapped != nil {
			q := r.quotes[i]
			items = append(items, fyne.NewMenuItem("Quotation: "+clip(quoteLabel(&q), 40)+"…", func() { r.OnQuoteTapped(q) }))
		}
	}
	if more := r.extraMenuItems(k, s, e); len(more) > 0 {
		items = append(append(items, fyne.NewMenuItemSeparator()), more...)
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, ev.AbsolutePosition)
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

func (p *readerPage) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && c.Focused() != p {
		c.Focus(p)
	}
}

// MouseIn, MouseMoved and MouseOut show who said the quotation under the
// pointer.
func (p *readerPage) MouseIn(ev *desktop.MouseEvent) { p.MouseMoved(ev) }

func (p *readerPage) MouseMoved(ev *desktop.MouseEvent) {
	r := p.r
	k := p.runeAt(ev.Position)
	q := -1
	link := false
	if k >= 0 {
		q = r.quoteAt(k)
		link = q >= 0 || r.passageAt(k) >= 0
	}
	p.hoverLink = link
	if q != p.hoverQuote || q >= 0 && p.hoverAt != ev.Position {
		p.hoverQuote, p.hoverAt = q, ev.Position
		if rr, ok := p.renderer(); ok {
			rr.updateTip()
		}
	}
}

func (p *readerPage) MouseOut() {
	p.hoverLink = false
	if p.hoverQuote >= 0 {
		p.hoverQuote = -1
		if rr, ok := p.renderer(); ok {
			rr.updateTip()
		}
	}
}

// Cursor is a text cursor, a pointer over what a click opens.
func (p *readerPage) Cursor() desktop.Cursor {
	if p.hoverLink {
		return desktop.PointerCursor
	}
	return desktop.TextCursor
}

func (p *readerPage) FocusGained()   {}
func (p *readerPage) FocusLost()     { p.shift = false }
func (p *readerPage) TypedRune(rune) {}

func (p *readerPage) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.shift = true
	}
}

func (p *readerPage) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.shift = false
	}
}

// TypedKey: Shift+arrows extend the selection by a rune or a line,
// Shift+Home/End to the line's ends; arrows alone end it; Up, Down, Page Up
// and Page Down scroll; Escape clears the selection.
func (p *readerPage) TypedKey(ev *fyne.KeyEvent) {
	r := p.r
	shift := p.shift || shiftHeld()
	s, e := r.Selection()
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyRight:
		switch {
		case shift:
			d := 1
			if ev.Name == fyne.KeyLeft {
				d = -1
			}
			p.extendTo(r.caret + d)
		case ev.Name == fyne.KeyLeft:
			r.setSelection(s, s)
		default:
			r.setSelection(e, e)
		}
	case fyne.KeyUp, fyne.KeyDown:
		dir := float32(1)
		if ev.Name == fyne.KeyUp {
			dir = -1
		}
		if shift && p.doc != nil {
			pt := p.doc.point(r.caret)
			p.extendTo(p.doc.offsetAt(fyne.NewPos(pt.X, pt.Y+p.doc.lineH/2+dir*p.doc.lineH)))
			return
		}
		p.scrollBy(dir * 3 * p.lineHeight())
	case fyne.KeyPageUp, fyne.KeyPageDown:
		_, h := p.view()
		dir := float32(1)
		if ev.Name == fyne.KeyPageUp {
			dir = -1
		}
		p.scrollBy(dir * (h - p.lineHeight()))
	case fyne.KeyHome, fyne.KeyEnd:
		if shift && p.doc != nil {
			pi := p.doc.paraAt(r.caret)
			pp := p.doc.paras[pi]
			l := pp.lines[pp.lineAt(r.caret-pp.start)]
			if ev.Name == fyne.KeyHome {
				p.extendTo(pp.start + l.start)
			} else {
				p.extendTo(pp.start + l.drawEnd)
			}
			return
		}
		if ev.Name == fyne.KeyHome {
			r.scrollTo(0)
		} else {
			r.scrollTo(p.MinSize().Height)
		}
	case fyne.KeyEscape:
		r.setSelection(r.caret, r.caret)
	}
}

func (p *readerPage) lineHeight() float32 {
	if p.doc == nil {
		return theme.TextSize()
	}
	return p.doc.lineH
}

func (p *readerPage) scrollBy(dy float32) {
	p.r.scrollTo(p.r.scroll.Offset.Y + dy)
}

// extendTo moves the selection's moving end to off and keeps it in view.
func (p *readerPage) extendTo(off int) {
	r := p.r
	off = min(max(off, 0), len(r.body))
	r.setSelection(r.anchor, off)
	r.Reveal(off, off)
}

// TypedShortcut: Ctrl+T asks to tag the selection, Ctrl+C copies it, Ctrl+A
// selects all, Shift+Ctrl+arrows extend by a word. Others go on to the
// window's shortcuts.
func (p *readerPage) TypedShortcut(s fyne.Shortcut) {
	r := p.r
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		p.copySelection()
		return
	case *fyne.ShortcutSelectAll:
		r.setSelection(0, len(r.body))
		return
	case *desktop.CustomShortcut:
		ctrl := s.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
		shift := s.Modifier&fyne.KeyModifierShift != 0
		switch {
		case ctrl && !shift && s.KeyName == fyne.KeyT:
			r.RequestTag()
			return
		case ctrl && shift && s.KeyName == fyne.KeyRight:
			p.extendTo(nextWord(r.body, r.caret))
			return
		case ctrl && shift && s.KeyName == fyne.KeyLeft:
			p.extendTo(prevWord(r.body, r.caret))
			return
		case ctrl && shift && s.KeyName == fyne.KeyHome:
			p.extendTo(0)
			return
		case ctrl && shift && s.KeyName == fyne.KeyEnd:
			p.extendTo(len(r.body))
			return
		}
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		if h, ok := c.(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			h.TypedShortcut(s)
		}
	}
}

func (p *readerPage) copySelection() {
	if t := p.r.SelectedText(); t != "" {
		fyne.CurrentApp().Clipboard().SetContent(t)
	}
}

// lineKey names a line of the layout: paragraph and line within it.
type lineKey struct{ para, line int }

// pageRenderer draws the lines of the page near the view: the text of
// each, and under it rectangles for highlights, quotations and the
// selection. Text objects are kept while their line stays near the view,
// so scrolling makes new ones only for lines that come into it.
type pageRenderer struct {
	p *readerPage

	doc        *docLayout // the layout drawn
	bandY0     float32    // the band of the page drawn
	bandY1     float32
	texts      map[lineKey]*canvas.Text
	textColor  color.Color
	lines      []drawnLine
	rects      []*canvas.Rectangle // pooled
	usedRects  int
	tipBox     *canvas.Rectangle
	tipText    *canvas.Text
	tipShown   bool // the tip is the last two objects
	objects    []fyne.CanvasObject
	selColor   color.Color
	quoteColor color.NRGBA
}

// drawnLine is a line in the band: where it is and which runes it holds.
type drawnLine struct {
	para, line int
	top        float32
	start, end int // global offsets
}

func (rr *pageRenderer) Layout(fyne.Size) {
	if rr.needsUpdate() {
		rr.update()
	}
}

func (rr *pageRenderer) MinSize() fyne.Size { return rr.p.MinSize() }

// Refresh redraws the annotations, and the text too when the layout or the
// theme changed.
func (rr *pageRenderer) Refresh() {
	if fg := theme.Color(theme.ColorNameForeground); fg != rr.textColor {
		rr.textColor = fg
		clear(rr.texts)
		rr.doc = nil
	}
	rr.update()
}

func (rr *pageRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *pageRenderer) Destroy() {
	if rr.p.rr == rr {
		rr.p.rr = nil
	}
}

// needsUpdate reports whether the view left the band drawn, or the layout
// changed.
func (rr *pageRenderer) needsUpdate() bool {
	if rr.doc != rr.p.doc {
		return true
	}
	y, h := rr.p.view()
	return y < rr.bandY0 || y+h > rr.bandY1
}

// update draws the band around the view: a view's height above and below
// it, so that scrolling redraws only every view or so.
func (rr *pageRenderer) update() {
	p := rr.p
	d := p.doc
	if d != rr.doc {
		clear(rr.texts)
		rr.doc = d
	}
	rr.lines = rr.lines[:0]
	rr.usedRects = 0
	rr.tipShown = false
	rr.objects = rr.objects[:0]
	if d == nil {
		canvas.Refresh(p)
		return
	}
	y, h := p.view()
	rr.bandY0, rr.bandY1 = y-h, y+2*h
	rr.selColor = theme.Color(theme.ColorNameSelection)
	fg := color.NRGBAModel.Convert(theme.Color(theme.ColorNameForeground)).(color.NRGBA)
	rr.quoteColor = fg
	if rr.textColor == nil {
		rr.textColor = theme.Color(theme.ColorNameForeground)
	}

	first, last := d.visibleParas(rr.bandY0, rr.bandY1)
	keep := make(map[lineKey]bool, 64)
	for pi := first; pi <= last; pi++ {
		pp := d.paras[pi]
		for li := range pp.lines {
			top := d.tops[pi] + float32(li)*d.lineH
			if top+d.lineH < rr.bandY0 || top > rr.bandY1 {
				continue
			}
			l := pp.lines[li]
			rr.lines = append(rr.lines, drawnLine{para: pi, line: li, top: top, start: pp.start + l.start, end: pp.start + l.end})
			keep[lineKey{pi, li}] = true
		}
	}
	for k := range rr.texts {
		if !keep[k] {
			delete(rr.texts, k)
		}
	}

	rr.drawPassages()
	rr.drawSelection()
	rr.drawQuotes()
	for _, dl := range rr.lines {
		k := lineKey{dl.para, dl.line}
		t := rr.texts[k]
		if t == nil {
			pp := d.paras[dl.para]
			pp.fit(dl.line, p.m)
			t = canvas.NewText(pp.text(dl.line), rr.textColor)
			t.TextSize = p.m.size
			t.Move(fyne.NewPos(d.left, dl.top+(d.lineH-d.textH)/2))
			t.Resize(fyne.NewSize(d.width, d.textH))
			rr.texts[k] = t
		}
		rr.objects = append(rr.objects, t)
	}
	rr.drawTip()
	canvas.Refresh(p)
}

// rect returns a pooled rectangle placed and coloured, added to the objects.
func (rr *pageRenderer) rect(x0, y0, x1, y1 float32, c color.Color) {
	var r *canvas.Rectangle
	if rr.usedRects < len(rr.rects) {
		r = rr.rects[rr.usedRects]
		r.FillColor = c
	} else {
		r = canvas.NewRectangle(c)
		rr.rects = append(rr.rects, r)
	}
	rr.usedRects++
	r.Move(fyne.NewPos(x0, y0))
	r.Resize(fyne.NewSize(x1-x0, y1-y0))
	rr.objects = append(rr.objects, r)
}

// span calls fn with the x range of the runes [s, e) on each drawn line.
func (rr *pageRenderer) span(s, e int, fn func(dl *drawnLine, x0, x1 float32)) {
	d := rr.doc
	for i := range rr.lines {
		dl := &rr.lines[i]
		a, b := max(s, dl.start), min(e, dl.end)
		if a >= b {
			continue
		}
		pp := d.paras[dl.para]
		pp.fit(dl.line, rr.p.m)
		fn(dl, d.left+pp.x(dl.line, a-pp.start), d.left+pp.x(dl.line, b-pp.start))
	}
}

// drawPassages fills each highlight in its first tag's colour, translucent
// so that overlapping highlights show through each other, and underlines
// passages that overlap another in their own lane, so each one's extent
// stays visible.
func (rr *pageRenderer) drawPassages() {
	r := rr.p.r
	if len(r.passages) == 0 || len(rr.lines) == 0 {
		return
	}
	d := rr.doc
	lo, hi := rr.lines[0].start, rr.lines[len(rr.lines)-1].end
	overlapped := len(r.lanes) > 0 && maxLane(r.lanes) > 0
	var under []func()
	for i := range r.passages {
		ps := &r.passages[i]
		if ps.End <= lo || ps.Start >= hi {
			continue
		}
		c := r.passageColor(ps)
		fill := c
		fill.A = highlightAlpha
		lane := r.lanes[i]
		rr.span(ps.Start, ps.End, func(dl *drawnLine, x0, x1 float32) {
			rr.rect(x0, dl.top+1, x1, dl.top+d.lineH-1, fill)
			if overlapped {
				y := dl.top + d.lineH - 3 - float32(lane)*3
				under = append(under, func() { rr.rect(x0, y, x1, y+2, c) })
			}
		})
	}
	for _, f := range under {
		f()
	}
}

// highlightAlpha is the opacity of a highlight's fill.
const highlightAlpha = 0x60

func maxLane(lanes []int) int {
	m := 0
	for _, l := range lanes {
		m = max(m, l)
	}
	return m
}

func (rr *pageRenderer) drawSelection() {
	s, e := rr.p.r.Selection()
	if s == e {
		return
	}
	d := rr.doc
	rr.span(s, e, func(dl *drawnLine, x0, x1 float32) {
		rr.rect(x0, dl.top, x1, dl.top+d.lineH, rr.selColor)
	})
}

// drawQuotes marks quotations: a bar in the margin beside their lines and a
// thin line under their words; a partial quotation's marks are fainter.
func (rr *pageRenderer) drawQuotes() {
	r := rr.p.r
	if len(r.quotes) == 0 || len(rr.lines) == 0 {
		return
	}
	d := rr.doc
	lo, hi := rr.lines[0].start, rr.lines[len(rr.lines)-1].end
	for i := range r.quotes {
		q := &r.quotes[i]
		if q.End() <= lo || q.Start() >= hi {
			continue
		}
		c := rr.quoteColor
		c.A = 0x90
		if q.Partial {
			c.A = 0x48
		}
		bar := c
		bar.A = c.A / 2
		base := (d.lineH-d.textH)/2 + d.textH - 1
		for _, sp := range q.Spans {
			rr.span(sp.Start, sp.End, func(dl *drawnLine, x0, x1 float32) {
				rr.rect(x0, dl.top+base, x1, dl.top+base+1, c)
				if !q.Partial {
					rr.rect(d.left-10, dl.top+2, d.left-7, dl.top+d.lineH-2, bar)
				}
			})
		}
	}
}

// updateTip redraws the speaker tip alone, for the mouse moving.
func (rr *pageRenderer) updateTip() {
	if rr.tipShown {
		rr.objects = rr.objects[:len(rr.objects)-2]
		rr.tipShown = false
	}
	rr.drawTip()
	canvas.Refresh(rr.p)
}

// drawTip shows who said the quotation under the pointer, in a box under
// the line the pointer is on (above it at the bottom of the view).
func (rr *pageRenderer) drawTip() {
	p := rr.p
	i := p.hoverQuote
	if i < 0 || i >= len(p.r.quotes) || rr.doc == nil {
		return
	}
	d := rr.doc
	label := quoteLabel(&p.r.quotes[i])
	size := p.m.size * 0.9
	if rr.tipText == nil {
		rr.tipText = canvas.NewText("", nil)
		rr.tipBox = canvas.NewRectangle(nil)
		rr.tipBox.CornerRadius = 4
		rr.tipBox.StrokeWidth = 1
	}
	rr.tipText.Text = label
	rr.tipText.TextSize = size
	rr.tipText.Color = theme.Color(theme.ColorNameForeground)
	rr.tipBox.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	rr.tipBox.StrokeColor = theme.Color(theme.ColorNameSeparator)
	ts := fyne.MeasureText(label, size, fyne.TextStyle{})
	pad := theme.Padding()
	w, h := ts.Width+3*pad, ts.Height+2*pad

	top := d.lineTop(p.hoverAt.Y)
	y := top + d.lineH + 2
	vy, vh := p.view()
	if y+h > vy+vh {
		y = top - h - 2
	}
	x := min(p.hoverAt.X-w/4, p.Size().Width-w-pageMarginRight)
	x = max(x, 2)
	rr.tipBox.Move(fyne.NewPos(x, y))
	rr.tipBox.Resize(fyne.NewSize(w, h))
	rr.tipText.Move(fyne.NewPos(x+1.5*pad, y+pad))
	rr.tipText.Resize(ts)
	rr.tipText.Refresh()
	rr.objects = append(rr.objects, rr.tipBox, rr.tipText)
	rr.tipShown = true
}

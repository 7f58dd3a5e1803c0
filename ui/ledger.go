package ui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SpeakerNamer is what a Notebook may also offer the quote ledger: the
// name the alias table gives a speaker's spelling ("Zelenskiy" → "Volodymyr
// Zelenskyy"), as dossier quotes shows it; a name it does not know comes
// back as it is.
type SpeakerNamer interface {
	CanonicalSpeaker(name string) string
}

// Ledger is the quote ledger: every quote that matches the filter, one a
// row, with its date, speaker, text, outlet and tags. A click on a column's
// title sorts by it (again: the other way); the speaker box and the search
// box narrow it; selecting a quote opens it in the reader. The table is a
// virtualised list of rows of one height over a compact slice, so a million
// quotes scroll, sort and filter without the window stalling: sorting and
// the text search run on goroutines of their own.
type Ledger struct {
	// Content is what the window shows.
	Content fyne.CanvasObject

	// Run runs work on a goroutine of its own, and what it returns on the
	// Fyne goroutine.
	Run func(work func() func())
	// OnOpen is called when the user selects a quote.
	OnOpen func(article dossier.ArticleID, span dossier.Span)
	// OnSpeaker is called when the user corrects a quote's speaker; it
	// calls done on the Fyne goroutine with what happened.
	OnSpeaker func(id dossier.QuoteID, speaker string, done func(error))
	// OnTag is called when the user asks to tag a quote; it calls done on
	// the Fyne goroutine with the tags saved.
	OnTag func(id dossier.QuoteID, done func(tags []string))
	// OnMenu offers more for a quote (the window's context menu), or nil.
	OnMenu func(id dossier.QuoteID, at fyne.Position)
	// TagColor gives a tag's colour.
	TagColor func(tag string) string
	// Speakers returns the names to offer when the speaker is typed, most
	// quoted first; nil offers the ledger's own.
	Speakers func() []string

	list    *widget.List
	header  *ledgerHeader
	speaker *completionEntry
	search  *widget.Entry
	count   *widget.Label
	help    *widget.Label
	editBtn *widget.Button
	tagBtn  *widget.Button

	model     *ledgerModel
	sorted    []int32 // every row, in the sort order
	view      []int32 // the rows shown
	sortCol   int
	desc      bool
	speakerOK []bool // by name; nil: every speaker
	textOK    []bool // by row; nil: every text
	selected  int32  // the row selected, -1 none
	quiet     bool   // a selection made by the program
	sortSeq   int
	textSeq   atomic.Int64 // read by the search, to stop when stale
	textFor   string       // what textOK was found for
	sorting   bool
	searching bool
	lastTap   time.Time
	lastRow   int32
	lines     []*ledgerLine    // every line the list has made
	editing   *completionEntry // the speaker being corrected, for tests

	// colX are the columns' left edges, and the right edge of the last.
	colX  [numCols + 1]float32
	width float32
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger {
	l := &Ledger{selected: -1, lastRow: -1, model: buildLedger(nil, nil, nil, nil)}
	l.Run = func(work func() func()) {
		go func() {
			if f := work(); f != nil {
				fyne.Do(f)
			}
		}()
	}
	l.list = widget.NewList(
		func() int { return len(l.view) },
		func() fyne.CanvasObject {
			ln := newLedgerLine(l)
			l.lines = append(l.lines, ln)
			return ln
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(l.view) {
				o.(*ledgerLine).bind(i, l.view[i])
			}
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(l.view) {
			return
		}
		l.selected = l.view[i]
		l.editBtn.Enable()
		l.tagBtn.Enable()
		if !l.quiet && l.OnOpen != nil {
			r := &l.model.rows[l.selected]
			l.OnOpen(l.model.arts[r.art].id, dossier.Span{Start: int(r.start), End: int(r.end)})
		}
	}
	l.header = newLedgerHeader(l)

	l.speaker = newCompletionEntry()
	l.speaker.SetPlaceHolder("Speaker…")
	l.speaker.Options = l.speakerNames
	l.speaker.OnSubmitted = func(string) { l.applySpeakerFilter() }
	l.speaker.Entry.OnChanged = func(string) {
		l.speaker.complete()
		l.applySpeakerFilter()
	}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Search the quotes: troops -border")
	l.search.OnChanged = func(string) { l.applyTextFilter() }
	l.count = widget.NewLabel("")
	l.editBtn = widget.NewButtonWithIcon("Speaker", theme.DocumentCreateIcon(), func() {
		if i := l.viewIndex(l.selected); i >= 0 {
			l.EditSpeaker(i)
		}
	})
	l.tagBtn = widget.NewButtonWithIcon("Tag", theme.ContentAddIcon(), func() {
		if i := l.viewIndex(l.selected); i >= 0 {
			l.Tag(i)
		}
	})
	l.editBtn.Importance = widget.LowImportance
	l.tagBtn.Importance = widget.LowImportance
	l.editBtn.Disable()
	l.tagBtn.Disable()

	speakerBox := container.NewGridWrap(fyne.NewSize(190, l.speaker.MinSize().Height), l.speaker)
	tools := container.NewBorder(nil, nil, speakerBox, container.NewHBox(l.editBtn, l.tagBtn), l.search)
	l.help = widget.NewLabel("Double-click a speaker to correct it · right-click: more · ~ inferred date")
	l.help.SizeName = theme.SizeNameCaptionText
	l.help.Importance = widget.LowImportance
	l.help.Alignment = fyne.TextAlignTrailing
	l.help.Truncation = fyne.TextTruncateEllipsis
	status := container.NewBorder(nil, nil, l.count, nil, l.help)
	top := container.NewVBox(tools, status, l.header)
	l.Content = container.New(ledgerLayout{l}, top, l.list)
	return l
}

// SetQuotes shows a new ledger, sorted as the user last asked and
// narrowed by what the boxes hold; the selected quote stays selected when
// it is still there.
func (l *Ledger) SetQuotes(m *ledgerModel) {
	var keep dossier.QuoteID
	if l.selected >= 0 && int(l.selected) < len(l.model.rows) {
		keep = l.model.rows[l.selected].id
	}
	l.model = m
	l.selected = -1
	l.sorted = m.byDate
	l.speakerOK = m.speakerFilter(l.speaker.Text)
	l.textOK, l.textFor = nil, ""
	l.show(keep)
	if l.sortCol != colDate || l.desc {
		l.sortBy(l.sortCol, l.desc)
	}
	if strings.TrimSpace(l.search.Text) != "" {
		l.applyTextFilter()
	}
}

// show lays out the rows that pass the filters in the sort order and
// selects keep again when it is among them.
func (l *Ledger) show(keep dossier.QuoteID) {
	l.view = l.model.filter(l.sorted, l.speakerOK, l.textOK)
	l.quiet = true
	l.list.UnselectAll()
	l.selected = -1
	l.list.Refresh()
	at := -1
	if keep != 0 {
		for i, r := range l.view {
			if l.model.rows[r].id == keep {
				at = i
				break
			}
		}
	}
	if at >= 0 {
		l.list.Select(at)
		l.list.ScrollTo(at)
	} else {
		l.list.ScrollToTop()
		l.editBtn.Disable()
		l.tagBtn.Disable()
	}
	l.quiet = false
	l.updateCount()
	l.header.Refresh()
}

func (l *Ledger) updateCount() {
	n, all := len(l.view), len(l.model.rows)
	s := fmt.Sprintf("%s quotes", groupDigits(all))
	if n != all {
		s = fmt.Sprintf("%s of %s quotes", groupDigits(n), groupDigits(all))
	}
	switch {
	case all == 0:
		s = "No quotes match the filter"
	case n == 0:
		s = fmt.Sprintf("None of %s quotes: see the boxes above", groupDigits(all))
	}
	if l.sorting {
		s += " · sorting…"
	}
	if l.searching {
		s += " · searching…"
	}
	l.count.SetText(s)
}

// Rows returns the quotes shown, in their order, by ID.
func (l *Ledger) Rows() []dossier.QuoteID {
	out := make([]dossier.QuoteID, len(l.view))
	for i, r := range l.view {
		out[i] = l.model.rows[r].id
	}
	return out
}

// Total returns how many quotes the ledger holds, shown or not.
func (l *Ledger) Total() int { return len(l.model.rows) }

func (l *Ledger) selectedID() dossier.QuoteID {
	if l.selected < 0 {
		return 0
	}
	return l.model.rows[l.selected].id
}

// viewIndex returns where row r is shown, or -1.
func (l *Ledger) viewIndex(r int32) int {
	if r < 0 {
		return -1
	}
	for i, v := range l.view {
		if v == r {
			return i
		}
	}
	return -1
}

// SortBy sorts the ledger by a column; the same column again sorts the
// other way.
func (l *Ledger) SortBy(col int) {
	desc := false
	if col == l.sortCol {
		desc = !l.desc
	}
	l.sortBy(col, desc)
}

func (l *Ledger) sortBy(col int, desc bool) {
	l.sortCol, l.desc = col, desc
	l.header.Refresh()
	m := l.model
	if col == colDate && !desc {
		l.sorting = false
		l.sorted = m.byDate
		l.show(l.selectedID())
		return
	}
	l.sortSeq++
	seq := l.sortSeq
	sort := m.sorter(col, desc)
	l.sorting = true
	l.updateCount()
	l.Run(func() func() {
		order := sort()
		return func() {
			if seq != l.sortSeq || m != l.model {
				return
			}
			l.sorting = false
			l.sorted = order
			l.show(l.selectedID())
		}
	})
}

// applySpeakerFilter narrows the ledger to the speakers that match what
// the speaker box holds.
func (l *Ledger) applySpeakerFilter() {
	l.speakerOK = l.model.speakerFilter(l.speaker.Text)
	l.show(l.selectedID())
}

// applyTextFilter narrows the ledger to the quotes whose text matches the
// search box, searching in the background; a keystroke that only narrows
// the search reads what the last one kept, and one that comes before the
// search ends stops it.
func (l *Ledger) applyTextFilter() {
	l.textSeq.Add(1)
	seq := l.textSeq.Load()
	typed := strings.TrimSpace(l.search.Text)
	q := textQuery(typed)
	m := l.model
	if q == nil {
		l.textOK, l.textFor = nil, ""
		l.show(l.selectedID())
		return
	}
	var within []bool
	if l.textOK != nil && narrows(l.textFor, typed) {
		within = l.textOK
	}
	l.searching = true
	l.updateCount()
	l.Run(func() func() {
		ok := m.textFilter(q, within, func() bool { return l.textSeq.Load() != seq })
		return func() {
			if seq != l.textSeq.Load() || m != l.model || ok == nil {
				return
			}
			l.searching = false
			l.textOK, l.textFor = ok, typed
			l.show(l.selectedID())
		}
	})
}

// SetSpeakerFilter puts name in the speaker box and narrows the ledger.
func (l *Ledger) SetSpeakerFilter(name string) {
	l.speaker.Entry.OnChanged = nil
	l.speaker.SetText(name)
	l.speaker.Entry.OnChanged = func(string) {
		l.speaker.complete()
		l.applySpeakerFilter()
	}
	l.applySpeakerFilter()
}

func (l *Ledger) speakerNames() []string {
	if l.Speakers != nil {
		if s := l.Speakers(); len(s) > 0 {
			return s
		}
	}
	return l.model.speakers()
}

// EditSpeaker lets the user correct the speaker of the quote shown at i,
// in place: an entry over its cell that offers the names known.
func (l *Ledger) EditSpeaker(i int) {
	if i < 0 || i >= len(l.view) || l.OnSpeaker == nil {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(l.list)
	if c == nil {
		return
	}
	l.list.ScrollTo(i)
	line := l.lineAt(i)
	if line == nil {
		return
	}
	row := l.view[i]
	r := &l.model.rows[row]
	id := r.id
	e := newCompletionEntry()
	e.Options = l.speakerNames
	if n := l.model.names[r.speaker]; n.known {
		e.SetText(n.text)
	}
	e.SetPlaceHolder("Who said it, in full")
	hint := widget.NewLabel("Enter saves · Esc cancels · empty: not known")
	hint.SizeName = theme.SizeNameCaptionText
	hint.TextStyle.Italic = true
	pop := widget.NewPopUp(container.NewVBox(e, hint), c)
	e.OnEscape = pop.Hide
	e.OnSubmitted = func(name string) {
		if !pop.Visible() {
			return
		}
		pop.Hide()
		name = strings.TrimSpace(name)
		l.OnSpeaker(id, name, func(err error) {
			if err != nil || int(row) >= len(l.model.rows) || l.model.rows[row].id != id {
				return
			}
			l.model.setSpeaker(row, name)
			l.list.RefreshItem(l.viewIndex(row))
		})
	}
	l.editing = e
	width := max(l.colX[colSpeaker+1]-l.colX[colSpeaker]+160, 320)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(line)
	pop.Resize(fyne.NewSize(width, pop.MinSize().Height))
	pop.ShowAtPosition(pos.Add(fyne.NewPos(l.colX[colSpeaker]-theme.Padding(), 0)))
	c.Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the name
}

// lineAt returns the line that shows view index i, when it is drawn.
func (l *Ledger) lineAt(i int) *ledgerLine {
	for _, ln := range l.lines {
		if ln.index == i && ln.Visible() && fyne.CurrentApp().Driver().CanvasForObject(ln) != nil {
			return ln
		}
	}
	return nil
}

// Tag asks for the tags of the quote shown at i.
func (l *Ledger) Tag(i int) {
	if i < 0 || i >= len(l.view) || l.OnTag == nil {
		return
	}
	row := l.view[i]
	id := l.model.rows[row].id
	l.OnTag(id, func(tags []string) {
		if int(row) < len(l.model.rows) && l.model.rows[row].id == id {
			l.model.setTags(row, tags)
			l.list.RefreshItem(l.viewIndex(row))
		}
	})
}

// tapped selects the row at view index i; a second click within the
// double-click time on the speaker's cell edits the speaker.
func (l *Ledger) tapped(i int, x float32) {
	if i >= len(l.view) {
		return
	}
	row := l.view[i]
	now := time.Now()
	double := row == l.lastRow && now.Sub(l.lastTap) < 400*time.Millisecond
	l.lastTap, l.lastRow = now, row
	if double {
		l.lastRow = -1
		if x >= l.colX[colSpeaker] && x < l.colX[colSpeaker+1] {
			l.EditSpeaker(i)
		} else if x >= l.colX[colTags] {
			l.Tag(i)
		}
		return
	}
	if l.selected == row {
		// Open it again: the reader may show another article by now.
		l.list.OnSelected(i)
		return
	}
	l.list.Select(i)
}

// layoutColumns places the columns in a width: the quote takes what the
// others leave.
func (l *Ledger) layoutColumns(width float32) {
	if width == l.width {
		return
	}
	l.width = width
	defer func() {
		l.header.Refresh()
		for _, ln := range l.lines {
			ln.Refresh()
		}
	}()
	pad := theme.Padding()
	fixed := [numCols]float32{
		colDate:    fyne.MeasureText("~2022-02-24", theme.TextSize(), fyne.TextStyle{}).Width + 2*pad,
		colSpeaker: 170,
		colOutlet:  120,
		colTags:    120,
	}
	if width < 800 {
		fixed[colSpeaker], fixed[colOutlet], fixed[colTags] = 150, 96, 90
	}
	rest := width - fixed[colDate] - fixed[colSpeaker] - fixed[colOutlet] - fixed[colTags]
	fixed[colQuote] = max(rest, 120)
	x := float32(0)
	for c := range numCols {
		l.colX[c] = x
		x += fixed[c]
	}
	l.colX[numCols] = x
}

// ledgerLayout stacks the ledger's bars over its list, and tells the
// ledger its width for the columns.
type ledgerLayout struct{ l *Ledger }

func (ll ledgerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ll.l.layoutColumns(size.Width)
	top, list := objs[0], objs[1]
	h := top.MinSize().Height
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, h))
	list.Move(fyne.NewPos(0, h))
	list.Resize(fyne.NewSize(size.Width, size.Height-h))
}

// MinSize asks for little width: the tabs take the widest of their
// contents as theirs, and the ledger's would hold the list split open for
// the other views. Squeezed, the ledger cuts its columns.
func (ll ledgerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(200, t.Height+b.Height)
}

// ledgerLine is one row of the ledger: its cells as plain texts, cut to
// their column with an ellipsis, and the quote's tag chips.
type ledgerLine struct {
	widget.BaseWidget
	l     *Ledger
	index int   // in the view
	row   int32 // in the model
	cells [colTags]*canvas.Text
	full  [colTags]string
	fit   [colTags]float32 // the width each cell was cut to
	chips *tagChips
}

func newLedgerLine(l *Ledger) *ledgerLine {
	ln := &ledgerLine{l: l, index: -1, row: -1, chips: newTagChips()}
	for c := range ln.cells {
		ln.cells[c] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	}
	ln.ExtendBaseWidget(ln)
	return ln
}

func (ln *ledgerLine) bind(i int, row int32) {
	m := ln.l.model
	r := &m.rows[row]
	a := &m.arts[r.art]
	ln.index, ln.row = i, row
	date := a.date
	if a.undate {
		date = "undated"
	}
	n := m.names[r.speaker]
	ln.set(colDate, date)
	ln.set(colSpeaker, n.text)
	ln.set(colQuote, r.text)
	ln.set(colOutlet, m.outlets[a.outlet])
	ln.cells[colSpeaker].TextStyle.Italic = !n.known
	ln.chips.set(m.tagSets[r.tags], ln.l.TagColor)
	ln.Refresh()
}

func (ln *ledgerLine) set(c int, s string) {
	if ln.full[c] != s {
		ln.full[c] = s
		ln.fit[c] = -1
	}
}

// Tapped selects the quote; see Ledger.tapped for a double click.
func (ln *ledgerLine) Tapped(e *fyne.PointEvent) { ln.l.tapped(ln.index, e.Position.X) }

// TappedSecondary selects the quote and offers what can be done with it.
func (ln *ledgerLine) TappedSecondary(e *fyne.PointEvent) {
	if ln.index < 0 || ln.index >= len(ln.l.view) {
		return
	}
	if ln.l.selected != ln.row {
		ln.l.list.Select(ln.index)
	}
	if ln.l.OnMenu != nil {
		ln.l.OnMenu(ln.l.model.rows[ln.row].id, e.AbsolutePosition)
	}
}

func (ln *ledgerLine) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, 0, len(ln.cells)+1)
	for _, t := range ln.cells {
		objs = append(objs, t)
	}
	return &ledgerLineRenderer{ln: ln, objs: append(objs, ln.chips)}
}

type ledgerLineRenderer struct {
	ln   *ledgerLine
	objs []fyne.CanvasObject
}

func (r *ledgerLineRenderer) Layout(size fyne.Size) {
	ln, pad := r.ln, theme.Padding()
	x := &ln.l.colX
	for c, t := range ln.cells {
		w := x[c+1] - x[c] - 2*pad
		if ln.fit[c] != w {
			ln.fit[c] = w
			fitLine(t, ln.full[c], w)
		}
		h := t.MinSize().Height
		t.Move(fyne.NewPos(x[c]+pad, (size.Height-h)/2))
		t.Resize(fyne.NewSize(w, h))
	}
	ch := ln.chips.MinSize().Height
	ln.chips.Move(fyne.NewPos(x[colTags]+pad, (size.Height-ch)/2))
	ln.chips.Resize(fyne.NewSize(x[colTags+1]-x[colTags]-2*pad, ch))
}

func (r *ledgerLineRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(0, h+2*theme.Padding())
}

func (r *ledgerLineRenderer) Refresh() {
	ln := r.ln
	fg, muted := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePlaceHolder)
	for c, t := range ln.cells {
		t.Color = fg
		if c == colDate || c == colOutlet || c == colSpeaker && t.TextStyle.Italic {
			t.Color = muted
		}
		if c == colSpeaker {
			ln.fit[c] = -1 // the style may have changed
		}
	}
	r.Layout(ln.Size())
	for _, t := range ln.cells {
		t.Refresh()
	}
	ln.chips.Refresh()
}

func (r *ledgerLineRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *ledgerLineRenderer) Destroy() {}

// ledgerHeader is the row of column titles; a click sorts by the column,
// and the column sorted by carries ▲ (ascending) or ▼.
type ledgerHeader struct {
	widget.BaseWidget
	l *Ledger
}

func newLedgerHeader(l *Ledger) *ledgerHeader {
	h := &ledgerHeader{l: l}
	h.ExtendBaseWidget(h)
	return h
}

// Tapped sorts by the column clicked.
func (h *ledgerHeader) Tapped(e *fyne.PointEvent) {
	for c := range numCols {
		if e.Position.X >= h.l.colX[c] && e.Position.X < h.l.colX[c+1] {
			h.l.SortBy(c)
			return
		}
	}
}

// Cursor shows that the titles can be clicked.
func (h *ledgerHeader) Cursor() desktop.Cursor { return desktop.PointerCursor }

// title returns what column c's title says.
func (h *ledgerHeader) title(c int) string {
	s := colTitles[c]
	if c == h.l.sortCol {
		if h.l.desc {
			s += " ▼"
		} else {
			s += " ▲"
		}
	}
	return s
}

func (h *ledgerHeader) CreateRenderer() fyne.WidgetRenderer {
	r := &ledgerHeaderRenderer{h: h, bg: canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)), line: canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))}
	r.objs = append(r.objs, r.bg, r.line)
	for c := range r.texts {
		r.texts[c] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		r.texts[c].TextStyle.Bold = true
		r.objs = append(r.objs, r.texts[c])
	}
	r.Refresh()
	return r
}

type ledgerHeaderRenderer struct {
	h        *ledgerHeader
	bg, line *canvas.Rectangle
	texts    [numCols]*canvas.Text
	objs     []fyne.CanvasObject
}

func (r *ledgerHeaderRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	x := &r.h.l.colX
	r.bg.Resize(size)
	r.line.Move(fyne.NewPos(0, size.Height-1))
	r.line.Resize(fyne.NewSize(size.Width, 1))
	for c, t := range r.texts {
		w := x[c+1] - x[c] - 2*pad
		fitText(t, r.h.title(c), w)
		h := t.MinSize().Height
		t.Move(fyne.NewPos(x[c]+pad, (size.Height-h)/2))
		t.Resize(fyne.NewSize(w, h))
	}
}

func (r *ledgerHeaderRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	return fyne.NewSize(0, h+2*theme.Padding())
}

func (r *ledgerHeaderRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameHeaderBackground)
	r.line.FillColor = theme.Color(theme.ColorNameSeparator)
	for c, t := range r.texts {
		t.Color = theme.Color(theme.ColorNameForeground)
		if c != r.h.l.sortCol {
			t.Color = theme.Color(theme.ColorNamePlaceHolder)
		}
	}
	r.Layout(r.h.Size())
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *ledgerHeaderRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *ledgerHeaderRenderer) Destroy() {}

// fitLine is fitText for long texts: no more runes are measured than the
// width could hold at a fifth of the text size each, so a quote of 400
// runes costs what one of 60 does.
func fitLine(t *canvas.Text, full string, width float32) {
	most := int(width/(t.TextSize/5)) + 1
	if width <= 0 || len(full) <= most {
		fitText(t, full, width)
		return
	}
	cut := full
	n := 0
	for i := range full {
		if n == most {
			cut = full[:i]
			break
		}
		n++
	}
	if cut == full {
		fitText(t, full, width)
		return
	}
	// cut cannot fit in width: fitText ends it in an ellipsis.
	fitText(t, cut+"…", width)
}

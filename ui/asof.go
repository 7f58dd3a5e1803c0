package ui

import (
	"image/color"
	"strings"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// As of: a day that hides everything published after it, in every view, to
// see what was known then. It is a condition laid over the filter when the
// window loads (DataQuery), not part of the filter's text; the bar shows it
// as a chip of its own. Undated articles are hidden while it is set: nothing
// says they were known.

// prefAsOf is the as-of day of a notebook, YYYY-MM-DD, keyed by its path.
const prefAsOf = "asof:"

// asOfHint says what as-of does, beside its day.
const asOfHint = "Hides what was published after this day, in every view, and undated articles too"

// asOfState is the window's as-of day.
type asOfState struct {
	day       time.Time // midnight UTC
	set       bool
	listeners []func(day time.Time, set bool)
	control   *asOfControl
}

// AsOf returns the as-of day (midnight UTC) and whether one is set.
func (w *Window) AsOf() (time.Time, bool) { return w.asOf.day, w.asOf.set }

// OnAsOfChanged adds f to what is called, on the Fyne goroutine, when the
// as-of day is set, changed or cleared (set false). A view that draws time
// (the timeline) marks the day with it.
func (w *Window) OnAsOfChanged(f func(day time.Time, set bool)) {
	w.asOf.listeners = append(w.asOf.listeners, f)
}

// DataQuery returns what the views load: the filter and, when an as-of day
// is set, date:..DAY with it. nil: everything.
func (w *Window) DataQuery() *dossier.Query { return w.dataQuery() }

func (w *Window) dataQuery() *dossier.Query {
	if !w.asOf.set {
		return w.query
	}
	q, err := w.query.And("date", ".."+w.asOf.day.Format(time.DateOnly))
	if err != nil {
		return w.query
	}
	return q
}

// SetAsOf sets the as-of day (set false clears it), remembers it for the
// notebook, and loads every view again.
func (w *Window) SetAsOf(day time.Time, set bool) {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	if set == w.asOf.set && (!set || day.Equal(w.asOf.day)) {
		return
	}
	if !set {
		day = time.Time{}
	}
	w.asOf.day, w.asOf.set = day, set
	s := ""
	if set {
		s = day.Format(time.DateOnly)
	}
	w.prefs.p.SetString(prefAsOf+w.path, s)
	w.asOf.control.show(day, set)
	w.loadList()
	w.reloadPassagesAndLedger()
	if set {
		w.status.SetText("As of " + s + ": " + strings.ToLower(asOfHint[:1]) + asOfHint[1:] + ".")
	} else {
		w.status.SetText("As of cleared: every article shows again.")
	}
	for _, f := range w.asOf.listeners {
		f(day, set)
	}
}

// loadAsOf reads the notebook's as-of day from the preferences, without
// loading anything.
func (w *Window) loadAsOf() {
	w.asOf.day, w.asOf.set = time.Time{}, false
	if s := w.prefs.p.StringWithFallback(prefAsOf+w.path, ""); s != "" {
		if d, err := time.Parse(time.DateOnly, s); err == nil {
			w.asOf.day, w.asOf.set = d, true
		}
	}
	if w.asOf.control != nil {
		w.asOf.control.show(w.asOf.day, w.asOf.set)
	}
	for _, f := range w.asOf.listeners {
		f(w.asOf.day, w.asOf.set)
	}
}

// asOfBar returns the as-of control, for the filter bar's row.
func (w *Window) asOfBar() fyne.CanvasObject {
	c := newAsOfControl(w)
	w.asOf.control = c
	c.show(w.asOf.day, w.asOf.set)
	return c.box
}

// asOfControl is "As of…" while no day is set, and a coloured chip "As of
// 2022-01-15 ✕" while one is: a click on either picks the day, the cross
// clears it.
type asOfControl struct {
	w     *Window
	box   *fyne.Container
	pick  *widget.Button
	chip  *asOfChip
	clear *widget.Button
}

func newAsOfControl(w *Window) *asOfControl {
	c := &asOfControl{w: w}
	c.pick = widget.NewButtonWithIcon("As of…", theme.CalendarIcon(), c.choose)
	c.pick.Importance = widget.LowImportance
	c.chip = newAsOfChip(c.choose)
	c.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { w.SetAsOf(time.Time{}, false) })
	c.clear.Importance = widget.LowImportance
	c.box = container.NewHBox(c.pick, c.chip, c.clear)
	return c
}

func (c *asOfControl) show(day time.Time, set bool) {
	if set {
		c.pick.Hide()
		c.chip.setDay(day)
		c.chip.Show()
		c.clear.Show()
	} else {
		c.chip.Hide()
		c.clear.Hide()
		c.pick.Show()
	}
	c.box.Refresh()
}

// choose opens the day picker: a date to type and a calendar to click.
func (c *asOfControl) choose() {
	w := c.w
	start, set := w.AsOf()
	if !set {
		start = w.latestDay()
	}
	entry := widget.NewEntry()
	entry.SetPlaceHolder("YYYY-MM-DD")
	entry.SetText(start.Format(time.DateOnly))
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Hide()
	hint := widget.NewLabel(asOfHint + ".")
	hint.Wrapping = fyne.TextWrapWord
	hint.TextStyle.Italic = true
	var pop *widget.PopUp
	apply := func(d time.Time) {
		pop.Hide()
		w.SetAsOf(d, true)
	}
	cal := widget.NewCalendar(start, apply)
	entry.OnSubmitted = func(s string) {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
		if err != nil {
			problem.SetText("Type the day as YYYY-MM-DD: 2022-01-15")
			problem.Show()
			return
		}
		apply(d)
	}
	ok := widget.NewButton("Apply", func() { entry.OnSubmitted(entry.Text) })
	ok.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle("Show what was known as of", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	content := container.NewVBox(title, container.NewBorder(nil, nil, nil, ok, entry), problem, cal, hint)
	pop = widget.NewPopUp(content, w.Win.Canvas())
	size := fyne.NewSize(340, 0)
	content.Resize(fyne.NewSize(size.Width, content.MinSize().Height))
	size.Height = content.MinSize().Height
	pop.Resize(size)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.box)
	x := min(at.X, w.Win.Canvas().Size().Width-size.Width-theme.Padding())
	pop.ShowAtPosition(fyne.NewPos(x, at.Y+c.box.Size().Height))
	w.Win.Canvas().Focus(entry)
}

// latestDay is the day the picker starts at when none is set: the newest
// article's, else today.
func (w *Window) latestDay() time.Time {
	var latest time.Time
	for _, m := range w.all {
		if !m.Published.IsZero() && m.Published.Time.After(latest) {
			latest = m.Published.Time
		}
	}
	if latest.IsZero() {
		latest = time.Now().UTC()
	}
	return latest
}

// asOfChip is the as-of day shown as a coloured chip that can be clicked.
type asOfChip struct {
	widget.BaseWidget
	text  string
	onTap func()
}

func newAsOfChip(onTap func()) *asOfChip {
	c := &asOfChip{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *asOfChip) setDay(d time.Time) {
	c.text = "As of " + d.Format(time.DateOnly)
	c.Refresh()
}

// Tapped picks another day.
func (c *asOfChip) Tapped(*fyne.PointEvent) { c.onTap() }

func (c *asOfChip) CreateRenderer() fyne.WidgetRenderer {
	r := &asOfChipRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), icon: canvas.NewImageFromResource(theme.CalendarIcon()), text: canvas.NewText("", color.Black)}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.StrokeWidth = 1
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

type asOfChipRenderer struct {
	c    *asOfChip
	bg   *canvas.Rectangle
	icon *canvas.Image
	text *canvas.Text
}

func (r *asOfChipRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.bg.Move(fyne.NewPos(0, pad))
	r.bg.Resize(fyne.NewSize(size.Width, size.Height-2*pad))
	is := theme.IconInlineSize()
	r.icon.Move(fyne.NewPos(2*pad, (size.Height-is)/2))
	r.icon.Resize(fyne.NewSquareSize(is))
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos(3*pad+is, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
}

func (r *asOfChipRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	ts := r.text.MinSize()
	return fyne.NewSize(5*pad+theme.IconInlineSize()+ts.Width, ts.Height+4*pad)
}

func (r *asOfChipRenderer) Refresh() {
	warn := theme.Color(theme.ColorNameWarning)
	fill := color.NRGBAModel.Convert(warn).(color.NRGBA)
	fill.A = 0x40
	r.bg.FillColor = fill
	r.bg.StrokeColor = warn
	r.text.Text = r.c.text
	r.text.Color = theme.Color(theme.ColorNameForeground)
	r.icon.Resource = theme.CalendarIcon()
	r.Layout(r.c.Size())
	r.bg.Refresh()
	r.text.Refresh()
	r.icon.Refresh()
}

func (r *asOfChipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.text}
}

func (r *asOfChipRenderer) Destroy() {}

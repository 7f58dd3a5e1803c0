package ui

import (
	"math"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
)

// timeAxis maps days to pixels for the timeline and the figures chart. The
// two share one, so that their dates line up and a zoom in one is a zoom
// in the other. Days count from the Unix epoch in UTC; a fraction is a part
// of a day. It is touched on the Fyne goroutine only.
type timeAxis struct {
	start float64 // the day at the plot's left edge
	perPx float64 // days per pixel: the zoom
	set   bool    // fitted to data or moved by the user

	views []func() // what redraws the views that show it
}

// The zoom's bounds: a day at most maxPxPerDay pixels wide, the widest view
// maxSpanDays.
const (
	maxPxPerDay = 240.0
	maxSpanDays = 366 * 40
)

func newTimeAxis() *timeAxis { return &timeAxis{perPx: 1} }

// watch adds a view to redraw when the axis moves.
func (a *timeAxis) watch(redraw func()) { a.views = append(a.views, redraw) }

func (a *timeAxis) changed() {
	for _, f := range a.views {
		f()
	}
}

// x is where day falls, in pixels from the plot's left edge.
func (a *timeAxis) x(day float64) float32 { return float32((day - a.start) / a.perPx) }

// day is the day at x pixels from the plot's left edge.
func (a *timeAxis) day(x float32) float64 { return a.start + float64(x)*a.perPx }

// fit shows the days [lo, hi) across width pixels, with a little room on
// either side.
func (a *timeAxis) fit(lo, hi float64, width float32) {
	if width <= 0 {
		width = 600
	}
	if hi <= lo {
		lo, hi = lo-15, lo+16
	}
	span := (hi - lo) * 1.04
	a.perPx = span / float64(width)
	a.start = lo - (hi-lo)*0.02
	a.set = true
	a.clamp(width)
}

// zoom multiplies the pixels a day takes by factor, keeping the day under x
// where it is.
func (a *timeAxis) zoom(factor float64, x, width float32) bool {
	d := a.day(x)
	old := a.perPx
	a.perPx /= factor
	a.clamp(width)
	if a.perPx == old {
		return false
	}
	a.start = d - float64(x)*a.perPx
	a.set = true
	return true
}

// pan moves the view by dx pixels (positive: to earlier days, as a drag to
// the right does).
func (a *timeAxis) pan(dx float32) {
	a.start -= float64(dx) * a.perPx
	a.set = true
}

func (a *timeAxis) clamp(width float32) {
	if width <= 0 {
		return
	}
	a.perPx = math.Max(a.perPx, 1/maxPxPerDay)
	a.perPx = math.Min(a.perPx, maxSpanDays/float64(width))
}

// chartGeom is where the parts of a chart go, the same in the timeline and
// the figures chart so that their days line up: the plot of dated items,
// the column of undated ones at its right, and the axis strip below.
type chartGeom struct {
	plotL, plotR float32
	undL, undR   float32
	top, axisTop float32
	bottom       float32
}

// axisStrip is the height of the axis's two rows of labels.
const axisStrip = 40

func chartFrame(size fyne.Size) chartGeom {
	var g chartGeom
	g.top = 6
	g.bottom = size.Height - 2
	g.axisTop = g.bottom - axisStrip
	g.undR = size.Width - 6
	g.undL = g.undR - 58
	g.plotR = g.undL - 12
	g.plotL = 8
	return g
}

func (g chartGeom) plotW() float32 { return max(1, g.plotR-g.plotL) }

// pxPerDay is how wide a day is.
func (a *timeAxis) pxPerDay() float64 { return 1 / a.perPx }

// axisTick is a mark on the axis: a day, where it is, and its label.
type axisTick struct {
	day   float64
	x     float32 // of the day's start
	lx    float32 // of the label: its centre on the fine row, its left edge on the context row
	label string
}

// tickStep is one spacing the axis may use, finest first.
type tickStep struct {
	days    float64 // about how many days apart
	months  int     // calendar months apart (0: days apart)
	sample  string  // its widest label, to measure
	context bool    // a second row names the month (or the year) of the ticks
}

var tickSteps = []tickStep{
	{days: 1, sample: "30", context: true},
	{days: 2, sample: "30", context: true},
	{days: 7, sample: "30", context: true},
	{days: 30.4, months: 1, sample: "Sep", context: true},
	{days: 91, months: 3, sample: "Sep", context: true},
	{days: 182, months: 6, sample: "Sep", context: true},
	{days: 365, months: 12, sample: "2022"},
	{days: 730, months: 24, sample: "2022"},
	{days: 1826, months: 60, sample: "2022"},
	{days: 3652, months: 120, sample: "2022"},
}

// ticks returns the axis's marks across width pixels, a row of fine ones
// and a row of their context (months under days, years under months),
// spaced so that no two labels in a row overlap: measure gives a label's
// width.
func (a *timeAxis) ticks(width float32, measure func(string) float32) (fine, context []axisTick) {
	const gap = 10
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if float32(s.days/a.perPx) >= measure(s.sample)+gap {
			step = s
			break
		}
	}
	first, last := a.day(0), a.day(width)
	for _, t := range stepDays(step, first, last) {
		lx := a.x(t)
		if step.days == 1 {
			lx = a.x(t + 0.5) // a day's number under its middle
		}
		fine = append(fine, axisTick{day: t, x: a.x(t), lx: lx, label: fineLabel(step, t)})
	}
	fine = spaced(fine, measure, gap, width, false)
	if !step.context {
		return fine, nil
	}
	// The context row: the month or year that each boundary starts, and the
	// one the left edge is in, which gives way to the next boundary.
	ctxStep := tickStep{months: 1}
	format := "Jan 2006"
	if step.months > 0 {
		ctxStep, format = tickStep{months: 12}, "2006"
	}
	edge := dayTime(first)
	context = append(context, axisTick{day: first, x: 0, lx: 2, label: edge.Format(format)})
	for _, t := range stepDays(ctxStep, first, last) {
		if t <= first {
			continue
		}
		context = append(context, axisTick{day: t, x: a.x(t), lx: a.x(t) + 4, label: dayTime(t).Format(format)})
	}
	if len(context) > 1 && context[0].lx+measure(context[0].label)+gap > context[1].lx {
		context = context[1:]
	}
	return fine, spaced(context, measure, gap, width, true)
}

// spaced drops labels that would overlap the one before them or run out
// of [0, width]. A leading label starts at lx, others are centred on it.
func spaced(ts []axisTick, measure func(string) float32, gap, width float32, leading bool) []axisTick {
	out := ts[:0]
	right := float32(math.Inf(-1))
	for _, t := range ts {
		w := measure(t.label)
		left := t.lx - w/2
		if leading {
			left = t.lx
		}
		if left < right+gap || left < 0 || left+w > width {
			continue
		}
		out = append(out, t)
		right = left + w
	}
	return out
}

// stepDays returns the days in [first, last] where step puts a tick.
func stepDays(step tickStep, first, last float64) []float64 {
	var out []float64
	if step.months > 0 {
		t := dayTime(math.Floor(first))
		y, m := t.Year(), int(t.Month())-1
		k := y*12 + m
		k -= ((k % step.months) + step.months) % step.months
		for ; ; k += step.months {
			d := dayOf(time.Date(k/12, time.Month(k%12+1), 1, 0, 0, 0, 0, time.UTC))
			if d > last {
				break
			}
			if d >= first {
				out = append(out, d)
			}
		}
		return out
	}
	n := step.days
	d := math.Floor(first)
	if n == 7 {
		// Weeks start on Monday; day 0 was a Thursday.
		d -= math.Mod(d+3, 7)
	} else {
		d -= math.Mod(d, n)
	}
	for ; d <= last; d += n {
		if d >= first {
			out = append(out, d)
		}
	}
	return out
}

func fineLabel(step tickStep, d float64) string {
	t := dayTime(d)
	switch {
	case step.months >= 12:
		return t.Format("2006")
	case step.months > 0:
		return t.Format("Jan")
	}
	return t.Format("2")
}

// dayOf is the day number of t.
func dayOf(t time.Time) float64 {
	return math.Floor(float64(t.Unix()) / 86400)
}

// dayTime is the midnight (UTC) that starts day d.
func dayTime(d float64) time.Time {
	return time.Unix(int64(math.Floor(d))*86400, 0).UTC()
}

// dateDay is the day a date starts on, and whether it has one.
func dateDay(d dossier.Date) (int32, bool) {
	if d.IsZero() {
		return 0, false
	}
	return int32(dayOf(d.Time)), true
}

// approximate reports whether a date is not a day stated by the source: one
// inferred from the text, or known only to the month or year.
func approximate(d dossier.Date) bool {
	return d.Origin == dossier.OriginInferred || d.Precision != dossier.PrecisionDay
}

// formatDay writes a day as "3 Dec 2021".
func formatDay(d float64) string { return dayTime(d).Format("2 Jan 2006") }

// formatDays writes the days [lo, hi] (both whole days) briefly: "3 Dec
// 2021", "3–17 Dec 2021", "28 Nov – 3 Dec 2021", "28 Dec 2021 – 3 Jan 2022".
func formatDays(lo, hi float64) string {
	a, b := dayTime(lo), dayTime(hi)
	switch {
	case hi <= lo:
		return a.Format("2 Jan 2006")
	case a.Year() != b.Year():
		return a.Format("2 Jan 2006") + " – " + b.Format("2 Jan 2006")
	case a.Month() != b.Month():
		return a.Format("2 Jan") + " – " + b.Format("2 Jan 2006")
	}
	return a.Format("2") + "–" + b.Format("2 Jan 2006")
}

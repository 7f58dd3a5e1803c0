package ui

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// maxClaimants is how many claimants the figures chart gives a colour and
// a line of their own; the others share grey.
const maxClaimants = 8

// FiguresChart plots the reported troop figures over the timeline's axis:
// a point for each figure at its article's date and value, coloured by who
// claims it, and a line through each named claimant's figures in date
// order. It zooms and pans with the timeline; a tap on a point opens its
// sentence (OnOpen).
type FiguresChart struct {
	widget.BaseWidget
	axisView

	// OnOpen opens the article of a figure with its sentence selected.
	OnOpen func(f dossier.Figure)

	figs      []dossier.Figure // dated ones first, by date
	days      []int32          // the day of each dated figure
	claimants []claimant       // by figures, most first
	colour    map[string]int   // claimant → index in claimants; absent: grey
	yTop      float64          // the value at the top of the plot
	clipped   int              // figures above yTop
}

type claimant struct {
	name  string
	count int
	color color.NRGBA
}

// NewFiguresChart returns an empty chart on axis (nil: its own).
func NewFiguresChart(axis *timeAxis) *FiguresChart {
	c := &FiguresChart{}
	c.ExtendBaseWidget(c)
	c.axisView.init(c, axis, c.Fit)
	return c
}

// SetFigures shows figures.
func (c *FiguresChart) SetFigures(figs []dossier.Figure) {
	figs = slices.Clone(figs)
	slices.SortStableFunc(figs, func(a, b dossier.Figure) int {
		if a.Date.IsZero() != b.Date.IsZero() {
			if a.Date.IsZero() {
				return 1
			}
			return -1
		}
		return a.Date.Time.Compare(b.Date.Time)
	})
	c.figs, c.days = figs, c.days[:0]
	count := map[string]int{}
	var values []float64
	for i := range figs {
		if d, ok := dateDay(figs[i].Date); ok {
			c.days = append(c.days, d)
		}
		if figs[i].Claimant != "" {
			count[figs[i].Claimant]++
		}
		values = append(values, float64(figs[i].Value))
	}
	c.claimants = c.claimants[:0]
	for n, k := range count {
		c.claimants = append(c.claimants, claimant{name: n, count: k})
	}
	slices.SortFunc(c.claimants, func(a, b claimant) int {
		if x := cmp.Compare(b.count, a.count); x != 0 {
			return x
		}
		return cmp.Compare(a.name, b.name)
	})
	if len(c.claimants) > maxClaimants {
		c.claimants = c.claimants[:maxClaimants]
	}
	c.colour = map[string]int{}
	for i := range c.claimants {
		c.claimants[i].color = hexColor(dossier.Palette[i%len(dossier.Palette)])
		c.colour[c.claimants[i].name] = i
	}
	c.yTop, c.clipped = valueTop(values)
	c.Refresh()
}

// valueTop is the value the y axis goes up to: a round number above the
// largest figure, or above most of them when a few are far larger (an
// army's whole size beside the troops at a border); clipped counts those
// left above.
func valueTop(values []float64) (top float64, clipped int) {
	if len(values) == 0 {
		return 100_000, 0
	}
	s := slices.Clone(values)
	slices.Sort(s)
	most := s[len(s)-1]
	p95 := s[int(float64(len(s)-1)*0.95)]
	if most > 3*p95 && p95 > 0 {
		most = p95 * 1.25
	}
	top = niceCeil(most * 1.05)
	for _, v := range s {
		if v > top {
			clipped++
		}
	}
	return top, clipped
}

// niceCeil rounds v up to 1, 2, 2.5 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// valueTicks are round values from 0 to top, about n of them.
func valueTicks(top float64, n int) []float64 {
	step := niceCeil(top / float64(n))
	var out []float64
	for v := 0.0; v <= top*1.0001; v += step {
		out = append(out, v)
	}
	return out
}

// shortValue writes a value briefly: 500, 50k, 1.2M.
func shortValue(v float64) string {
	switch {
	case v >= 1e6:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", v/1e6), ".0") + "M"
	case v >= 1e3:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", v/1e3), ".0") + "k"
	}
	return fmt.Sprintf("%.0f", v)
}

// Fit zooms to show every dated figure.
func (c *FiguresChart) Fit() {
	if len(c.days) == 0 {
		return
	}
	c.fitDays(float64(c.days[0]), float64(c.days[len(c.days)-1])+1)
}

func (c *FiguresChart) CreateRenderer() fyne.WidgetRenderer {
	return newSceneRenderer(c, c.paint)
}

// Tapped opens the figure under the pointer.
func (c *FiguresChart) Tapped(ev *fyne.PointEvent) {
	if i := c.pointAt(ev.Position); i >= 0 && c.OnOpen != nil {
		c.OnOpen(c.figs[i])
	}
}

// HoverText is what the box under the pointer says; "" when none is shown.
func (c *FiguresChart) HoverText() string {
	if !c.showHover() {
		return ""
	}
	i := c.pointAt(c.hover)
	if i < 0 {
		return ""
	}
	return strings.Join(c.describe(i), "\n")
}

// describe says what a figure claims: "more than 94,000 troops — Oleksii
// Reznikov, 2021-12-03", then its sentence.
func (c *FiguresChart) describe(i int) []string {
	f := &c.figs[i]
	what := groupDigits(int(f.Value))
	if f.Qualifier != "" {
		what = f.Qualifier + " " + what
	}
	if f.Unit != "" {
		what += " " + f.Unit
	}
	who := f.Claimant
	if who == "" {
		who = "no claimant named"
	}
	when := f.Date.String()
	if when == "" {
		when = "undated"
	} else if f.Date.Origin == dossier.OriginInferred {
		when += " (inferred)"
	}
	return []string{fmt.Sprintf("%s — %s, %s", what, who, when), clip(oneLine(f.Sentence), 90)}
}

// plotGeom is the figures chart's frame: the shared chart frame below the
// legend.
func (c *FiguresChart) plotGeom(size fyne.Size) (g chartGeom, top float32) {
	g = chartFrame(size)
	return g, g.top + c.legendHeight(size.Width-16)
}

// yOf is where a value goes between top and the axis.
func (c *FiguresChart) yOf(v float64, g chartGeom, top float32) float32 {
	h := g.axisTop - 4 - top
	y := g.axisTop - 4 - h*float32(math.Min(v, c.yTop)/c.yTop)
	return y
}

// pointXY is where figure i is drawn; ok is false for one out of view.
func (c *FiguresChart) pointXY(i int, g chartGeom, top float32) (x, y float32) {
	f := &c.figs[i]
	y = c.yOf(float64(f.Value), g, top)
	if i >= len(c.days) {
		// Undated: spread across their column.
		n := len(c.figs) - len(c.days)
		k := i - len(c.days)
		w := g.undR - g.undL - 16
		return g.undL + 8 + w*(float32(k)+0.5)/float32(max(n, 1)), y
	}
	return g.plotL + c.axis.x(float64(c.days[i])+0.5), y
}

// pointAt is the figure nearest pos within 8 pixels, or -1.
func (c *FiguresChart) pointAt(pos fyne.Position) int {
	g, top := c.plotGeom(c.Size())
	best, bestD := -1, float32(64)
	try := func(i int) {
		x, y := c.pointXY(i, g, top)
		dx, dy := x-pos.X, y-pos.Y
		if d := dx*dx + dy*dy; d <= bestD {
			best, bestD = i, d
		}
	}
	if pos.X >= g.undL-8 {
		for i := len(c.days); i < len(c.figs); i++ {
			try(i)
		}
		return best
	}
	lo := c.axis.day(pos.X - g.plotL - 10)
	hi := c.axis.day(pos.X - g.plotL + 10)
	for i := dayBound(c.days, math.Floor(lo)-1); i < len(c.days) && float64(c.days[i]) <= hi; i++ {
		try(i)
	}
	return best
}

func (c *FiguresChart) colorOf(f *dossier.Figure, cc chartColors) color.NRGBA {
	if i, ok := c.colour[f.Claimant]; ok {
		return c.claimants[i].color
	}
	return cc.muted
}

// legendItems are the legend's entries: each claimant with a colour, then
// the rest.
func (c *FiguresChart) legendItems() []string {
	var out []string
	for _, cl := range c.claimants {
		out = append(out, fmt.Sprintf("%s (%d)", cl.name, cl.count))
	}
	rest := 0
	for i := range c.figs {
		if _, ok := c.colour[c.figs[i].Claimant]; !ok {
			rest++
		}
	}
	if rest > 0 {
		out = append(out, fmt.Sprintf("others or no claimant named (%d)", rest))
	}
	return out
}

// legendHeight is how tall the legend is across width, in rows that wrap.
func (c *FiguresChart) legendHeight(width float32) float32 {
	rows := 1
	x := float32(0)
	for _, s := range c.legendItems() {
		w := measureLabel(s, chartSmall(), false).Width + 24
		if x > 0 && x+w > width {
			rows++
			x = 0
		}
		x += w
	}
	return float32(rows)*18 + 6
}

// paint draws the chart for s.size.
func (c *FiguresChart) paint(s *scene) {
	cc := currentChartColors()
	s.bg, s.fg = cc.bg, cc.fg
	if len(c.figs) == 0 {
		s.text("No reported figures match the filter.", s.size.Width/2, s.size.Height/2-10, chartText(), cc.muted, false, 1)
		return
	}
	g, top := c.plotGeom(s.size)
	if !c.axis.set && len(c.days) > 0 {
		c.axis.fit(float64(c.days[0]), float64(c.days[len(c.days)-1])+1, g.plotW())
	}
	paintAxis(s, c.axis, g, cc, top)

	// The value axis: lines across, labels sitting on them at the left.
	for _, v := range valueTicks(c.yTop, 4) {
		y := c.yOf(v, g, top)
		s.line(g.plotL, y, g.plotR, y, withAlpha(cc.grid, 0xb0), 1)
		ly := y - chartSmall() - 4
		if ly < top {
			ly = y + 2 // the top line's label goes under it, clear of the legend
		}
		s.text(shortValue(v), g.plotL+3, ly, chartSmall(), cc.muted, false, 0)
	}
	if c.clipped > 0 {
		s.text(fmt.Sprintf("▲ %d above %s", c.clipped, shortValue(c.yTop)), g.plotR-4, top, chartSmall(), cc.muted, false, 2)
	}

	// The legend.
	x, y := g.plotL, g.top
	for i, item := range c.legendItems() {
		w := measureLabel(item, chartSmall(), false).Width + 24
		if x > g.plotL && x+w > s.size.Width-8 {
			x, y = g.plotL, y+18
		}
		col := cc.muted
		if i < len(c.claimants) {
			col = c.claimants[i].color
		}
		s.circle(x+6, y+8, 4.5, col, color.NRGBA{}, 0)
		s.text(item, x+14, y, chartSmall(), cc.fg, false, 0)
		x += w
	}

	// Lines through each claimant's figures, then the points over them.
	first, last := c.axis.day(-20), c.axis.day(g.plotW()+20)
	j0, j1 := dayBound(c.days, math.Floor(first)), dayBound(c.days, last)
	prev := make([]int, len(c.claimants))
	for k := range prev {
		prev[k] = -1
	}
	// Each line starts from its claimant's figure before the view.
	for i := j0 - 1; i >= 0; i-- {
		if k, ok := c.colour[c.figs[i].Claimant]; ok && prev[k] < 0 {
			prev[k] = i
		}
	}
	for i := j0; i < len(c.days); i++ {
		k, ok := c.colour[c.figs[i].Claimant]
		if !ok {
			continue
		}
		if p := prev[k]; p >= 0 {
			x1, y1 := c.pointXY(p, g, top)
			x2, y2 := c.pointXY(i, g, top)
			if x1, y1, x2, y2, in := clipSegment(x1, y1, x2, y2, g.plotL, g.plotR); in {
				s.line(x1, y1, x2, y2, withAlpha(c.claimants[k].color, 0xb0), 1.5)
			}
		}
		prev[k] = i
		if i >= j1 {
			break
		}
	}
	for i := j0; i < j1; i++ {
		px, py := c.pointXY(i, g, top)
		if px < g.plotL || px > g.plotR {
			continue
		}
		c.paintPoint(s, i, px, py, cc)
	}
	for i := len(c.days); i < len(c.figs); i++ {
		px, py := c.pointXY(i, g, top)
		c.paintPoint(s, i, px, py, cc)
	}
	if c.drag.picking {
		paintPick(s, c.axis, g, cc, c.drag.from, c.drag.to)
	}
	if c.showHover() {
		if i := c.pointAt(c.hover); i >= 0 {
			px, py := c.pointXY(i, g, top)
			s.circle(px, py, 7, color.NRGBA{}, cc.fg, 1.5)
			paintHover(s, c.hover, c.describe(i), cc)
		}
	}
}

// paintPoint draws a figure: filled, or hollow when its date is inferred.
func (c *FiguresChart) paintPoint(s *scene, i int, x, y float32, cc chartColors) {
	f := &c.figs[i]
	col := c.colorOf(f, cc)
	if float64(f.Value) > c.yTop {
		// Above the scale: a triangle pointing up at the top.
		s.line(x-4, y+3, x, y-4, col, 1.5)
		s.line(x, y-4, x+4, y+3, col, 1.5)
		s.line(x-4, y+3, x+4, y+3, col, 1.5)
		return
	}
	if !f.Date.IsZero() && approximate(f.Date) {
		s.circle(x, y, 3.5, cc.bg, col, 1.5)
		return
	}
	s.circle(x, y, 4, col, withAlpha(cc.bg, 0xc0), 1)
}

// clipSegment cuts a segment to the x range [lo, hi]; in is false when
// none of it is there.
func clipSegment(x1, y1, x2, y2, lo, hi float32) (float32, float32, float32, float32, bool) {
	if x1 > x2 {
		x1, y1, x2, y2 = x2, y2, x1, y1
	}
	if x2 < lo || x1 > hi {
		return 0, 0, 0, 0, false
	}
	if x2 == x1 {
		return x1, y1, x2, y2, true
	}
	at := func(x float32) float32 { return y1 + (y2-y1)*(x-x1)/(x2-x1) }
	if x1 < lo {
		x1, y1 = lo, at(lo)
	}
	if x2 > hi {
		y2 = at(hi)
		x2 = hi
	}
	return x1, y1, x2, y2, true
}

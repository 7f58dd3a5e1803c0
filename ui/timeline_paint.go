package ui

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// laneGeom is where the lanes go: a row for each lane's name, then its
// strip of marks.
type laneGeom struct {
	top, label, strip, pitch float32
}

func (l laneGeom) stripTop(i int) float32 { return l.top + float32(i)*l.pitch + l.label }

func (t *Timeline) laneGeom(g chartGeom) laneGeom {
	n := 1
	if t.data != nil {
		n = max(1, len(t.data.lanes))
	}
	lg := laneGeom{top: g.top, label: 17}
	avail := g.axisTop - g.top - 4
	lg.pitch = clampF(avail/float32(n), 28, 72)
	lg.strip = lg.pitch - lg.label - 5
	return lg
}

// Text sizes of the charts.
func chartText() float32  { return theme.TextSize() - 2 }
func chartSmall() float32 { return theme.TextSize() - 3 }

// paint draws the timeline for s.size.
func (t *Timeline) paint(s *scene) {
	cc := currentChartColors()
	s.bg, s.fg = cc.bg, cc.fg
	g := chartFrame(s.size)
	if t.data.Empty() {
		s.text("Nothing to show: no article or passage matches the filter.", s.size.Width/2, s.size.Height/2-10, chartText(), cc.muted, false, 1)
		return
	}
	if !t.axis.set && t.data.lo <= t.data.hi && s.size.Width > 0 {
		t.axis.fit(float64(t.data.lo), float64(t.data.hi)+1, g.plotW())
	}
	lg := t.laneGeom(g)
	paintAxis(s, t.axis, g, cc, g.top)
	for i := range t.data.lanes {
		t.paintLane(s, i, g, lg, cc)
	}
	if t.drag.picking {
		paintPick(s, t.axis, g, cc, t.drag.from, t.drag.to)
	}
	if t.showHover() {
		h := t.hit(t.hover)
		if h.lane >= 0 && h.n > 0 {
			t.paintHit(s, h, g, lg, cc)
			paintHover(s, t.hover, t.hoverLines(h), cc)
		}
	}
}

// paintAxis draws the grid from gridTop down, the axis strip with its two
// rows of labels, and the undated column's heading.
func paintAxis(s *scene, a *timeAxis, g chartGeom, cc chartColors, gridTop float32) {
	size := chartSmall()
	measure := func(str string) float32 { return measureLabel(str, size, false).Width }
	fine, context := a.ticks(g.plotW(), measure)
	grid := withAlpha(cc.grid, 0x90)
	for _, tk := range fine {
		x := g.plotL + tk.x
		if x < g.plotL || x > g.plotR {
			continue
		}
		s.line(x, gridTop, x, g.axisTop, grid, 1)
		s.line(x, g.axisTop, x, g.axisTop+4, cc.muted, 1)
	}
	for _, tk := range context {
		x := g.plotL + tk.x
		if tk.x > 0 && x <= g.plotR {
			s.line(x, gridTop, x, g.axisTop+22, withAlpha(cc.muted, 0x70), 1)
		}
	}
	s.line(g.plotL, g.axisTop, g.plotR, g.axisTop, cc.muted, 1)
	for _, tk := range fine {
		s.text(tk.label, g.plotL+tk.lx, g.axisTop+5, size, cc.fg, false, 1)
	}
	for _, tk := range context {
		s.text(tk.label, g.plotL+tk.lx, g.axisTop+21, size, cc.fg, true, 0)
	}
	// The undated column.
	s.rect(g.undL, gridTop, g.undR, g.axisTop, withAlpha(cc.grid, 0x50))
	s.line(g.undL, g.axisTop, g.undR, g.axisTop, cc.muted, 1)
	s.text("undated", (g.undL+g.undR)/2, g.axisTop+5, size, cc.muted, false, 1)
}

// paintLane draws lane i: its name and count, then its items as density or
// as marks, and its undated items.
func (t *Timeline) paintLane(s *scene, i int, g chartGeom, lg laneGeom, cc chartColors) {
	l := &t.data.lanes[i]
	top := lg.stripTop(i)
	bottom := top + lg.strip
	s.rect(g.plotL, top, g.plotR, bottom, withAlpha(cc.grid, 0x38))

	label := fmt.Sprintf("%s · %s", l.name, groupDigits(l.total()))
	if !l.passages && len(l.approx) > 0 {
		label += fmt.Sprintf(" (%s dated by inference)", groupDigits(len(l.approx)))
	}
	s.rect(g.plotL, top-lg.label+4, g.plotL+3, top-4, l.color)
	s.text(clip(label, 80), g.plotL+7, top-lg.label+1, chartSmall(), cc.fg, !l.passages, 0)

	if t.marksMode(l, g) {
		t.paintMarks(s, l, g, top, bottom, cc)
	} else {
		t.paintDensity(s, l, g, top, bottom)
	}
	if n := len(l.undated); n > 0 {
		w := (g.undR - g.undL - 8) * float32(math.Min(1, 0.25+0.75*math.Sqrt(float64(n)/float64(max(1, l.total())))))
		s.rect(g.undL+4, top+2, g.undL+4+w, bottom-2, withAlpha(l.color, 0x70))
		s.text(groupDigits(n), (g.undL+g.undR)/2, top+(lg.strip-chartSmall()*1.3)/2, chartSmall(), cc.fg, false, 1)
	}
}

// paintDensity draws a lane as bars, one per binDays days: the taller and
// the stronger, the more items; the part of items with an approximate date
// paler, on top.
func (t *Timeline) paintDensity(s *scene, l *timelineLane, g chartGeom, top, bottom float32) {
	k := t.binDays()
	first := math.Floor(t.axis.day(0)/k) * k
	last := t.axis.day(g.plotW())
	if len(l.days) == 0 || first > float64(l.days[len(l.days)-1]) || last < float64(l.days[0]) {
		return
	}
	// Skip the empty bins before the first item and after the last.
	if d0 := float64(l.days[0]); first < d0 {
		first = math.Floor(d0/k) * k
	}
	if dn := float64(l.days[len(l.days)-1]); last > dn {
		last = dn
	}
	n := int((last-first)/k) + 1
	t.counts = t.counts[:0]
	most := int32(1)
	j := dayBound(l.days, first)
	ja := dayBound(l.approx, first)
	for b := 0; b < n; b++ {
		end := first + float64(b+1)*k
		jn, jan := dayBound(l.days, end), dayBound(l.approx, end)
		c, ca := int32(jn-j), int32(jan-ja)
		t.counts = append(t.counts, c, ca)
		most = max(most, c)
		j, ja = jn, jan
	}
	h := bottom - top - 2
	gap := float32(0)
	if float32(k*t.axis.pxPerDay()) >= 5 {
		gap = 1
	}
	for b := 0; b < n; b++ {
		c, ca := t.counts[2*b], t.counts[2*b+1]
		if c == 0 {
			continue
		}
		d := first + float64(b)*k
		x1 := g.plotL + t.axis.x(d)
		x2 := g.plotL + t.axis.x(d+k) - gap
		if x2 < g.plotL || x1 > g.plotR {
			continue
		}
		x1, x2 = max(x1, g.plotL), min(x2, g.plotR)
		share := math.Sqrt(float64(c) / float64(most))
		bh := h * float32(0.12+0.88*share)
		alpha := uint8(110 + 145*float64(c)/float64(most))
		exact := bh * float32(c-ca) / float32(c)
		s.rect(x1, bottom-exact, x2, bottom, withAlpha(l.color, alpha))
		if ca > 0 {
			s.rect(x1, bottom-bh, x2, bottom-exact, withAlpha(l.color, alpha/3))
		}
	}
}

// paintMarks draws each item of a lane in view as a mark, side by side in
// its day: hollow when its date is approximate.
func (t *Timeline) paintMarks(s *scene, l *timelineLane, g chartGeom, top, bottom float32, cc chartColors) {
	ppd := float32(t.axis.pxPerDay())
	first := math.Floor(t.axis.day(0))
	last := t.axis.day(g.plotW())
	j := dayBound(l.days, first)
	for j < len(l.days) && float64(l.days[j]) <= last {
		day := l.days[j]
		k := j
		for k < len(l.days) && l.days[k] == day {
			k++
		}
		n := k - j
		slot := ppd / float32(n)
		w := min(7, slot-3)
		x0 := g.plotL + t.axis.x(float64(day))
		for i := j; i < k; i++ {
			cx := x0 + (float32(i-j)+0.5)*slot
			if cx < g.plotL || cx > g.plotR {
				continue
			}
			if approximate(t.data.itemDate(l, l.items[i])) {
				s.frame(cx-w/2, top+3, cx+w/2, bottom-2, cc.bg, l.color, 1.5)
			} else {
				s.rect(cx-w/2, top+3, cx+w/2, bottom-2, l.color)
			}
		}
		j = k
	}
}

// paintHit outlines what the pointer is over.
func (t *Timeline) paintHit(s *scene, h timelineHit, g chartGeom, lg laneGeom, cc chartColors) {
	top := lg.stripTop(h.lane)
	bottom := top + lg.strip
	var x1, x2 float32
	switch {
	case h.undatedCol:
		x1, x2 = g.undL+2, g.undR-2
	case h.n == 1 && t.marksMode(&t.data.lanes[h.lane], g):
		ppd := float32(t.axis.pxPerDay())
		day := h.loDay
		n := dayBound(t.data.lanes[h.lane].days, day+1) - dayBound(t.data.lanes[h.lane].days, day)
		slot := ppd / float32(max(n, 1))
		k := h.j0 - dayBound(t.data.lanes[h.lane].days, day)
		cx := g.plotL + t.axis.x(day) + (float32(k)+0.5)*slot
		w := min(7, slot-3)
		x1, x2 = cx-w/2-2, cx+w/2+2
	default:
		x1 = max(g.plotL, g.plotL+t.axis.x(h.loDay))
		x2 = min(g.plotR, g.plotL+t.axis.x(h.hiDay+1))
	}
	s.frame(x1, top, x2, bottom, color.NRGBA{}, cc.fg, 1.5)
}

// paintPick shades the days being picked, with their dates.
func paintPick(s *scene, a *timeAxis, g chartGeom, cc chartColors, x1, x2 float32) {
	lo, hi := min(x1, x2), max(x1, x2)
	s.rect(lo, g.top, hi, g.axisTop, withAlpha(cc.accent, 0x40))
	s.line(lo, g.top, lo, g.axisTop, cc.accent, 1.5)
	s.line(hi, g.top, hi, g.axisTop, cc.accent, 1.5)
	d1 := math.Floor(a.day(lo - g.plotL))
	d2 := math.Floor(a.day(hi - g.plotL))
	label := formatDays(d1, d2)
	w := measureLabel(label, chartText(), true).Width + 12
	x := clampF((lo+hi)/2-w/2, g.plotL, g.plotR-w)
	s.frame(x, g.top+2, x+w, g.top+24, cc.hoverBg, cc.accent, 1)
	s.text(label, x+6, g.top+5, chartText(), cc.fg, true, 0)
}

// paintHover draws a box of lines near the pointer, inside the chart.
func paintHover(s *scene, at fyne.Position, lines []string, cc chartColors) {
	if len(lines) == 0 {
		return
	}
	size := chartText()
	lh := measureLabel("Mg", size, false).Height + 1
	w := float32(0)
	for i, l := range lines {
		w = max(w, measureLabel(l, size, i == 0).Width)
	}
	w += 16
	h := lh*float32(len(lines)) + 10
	x, y := at.X+14, at.Y+16
	if x+w > s.size.Width-4 {
		x = at.X - 10 - w
	}
	if y+h > s.size.Height-4 {
		y = at.Y - 10 - h
	}
	x, y = max(4, x), max(4, y)
	s.rect(x+2, y+3, x+w+2, y+h+3, withAlpha(cc.shadow, 0x50))
	s.frame(x, y, x+w, y+h, cc.hoverBg, cc.grid, 1)
	for i, l := range lines {
		c := cc.fg
		if i > 0 && len(lines) > 2 && i == len(lines)-1 && l == "Click to zoom in" {
			c = cc.muted
		}
		s.text(l, x+8, y+5+float32(i)*lh, size, c, i == 0, 0)
	}
}

package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// axisView is what the timeline and the figures chart share of how they
// answer the user on their time axis: the wheel, + and − zoom; a drag pans;
// a drag on the axis strip, or with Shift, picks days; the pointer's place
// is kept for the hover box. Embedded in a widget, its methods make the
// widget scrollable, draggable, hoverable and focusable.
type axisView struct {
	// OnRange is given the days picked, both included.
	OnRange func(from, to time.Time)

	axis     *timeAxis
	self     fyne.Widget
	fit      func()
	hover    fyne.Position
	hovering bool
	shift    bool // Shift was held when the mouse went down
	focused  bool
	drag     struct {
		active, picking bool
		from, to        float32 // x of a pick, in the widget
	}
}

func (v *axisView) init(self fyne.Widget, axis *timeAxis, fit func()) {
	if axis == nil {
		axis = newTimeAxis()
	}
	v.self, v.axis, v.fit = self, axis, fit
	axis.watch(self.Refresh)
}

func (v *axisView) frame() chartGeom { return chartFrame(v.self.Size()) }

// fitDays zooms to show the days [lo, hi).
func (v *axisView) fitDays(lo, hi float64) {
	v.axis.fit(lo, hi, v.frame().plotW())
	v.axis.changed()
}

// ZoomIn and ZoomOut zoom around the middle of the view.
func (v *axisView) ZoomIn()  { v.zoomAt(2, -1) }
func (v *axisView) ZoomOut() { v.zoomAt(0.5, -1) }

// zoomAt zooms by factor around x in the widget (-1: the middle).
func (v *axisView) zoomAt(factor float64, x float32) {
	g := v.frame()
	px := x - g.plotL
	if x < 0 {
		px = g.plotW() / 2
	}
	if v.axis.zoom(factor, px, g.plotW()) {
		v.axis.changed()
	}
}

// Pan moves the view by dx pixels: positive shows earlier days.
func (v *axisView) Pan(dx float32) {
	v.axis.pan(dx)
	v.axis.changed()
}

// Scrolled zooms around the pointer; a sideways scroll pans.
func (v *axisView) Scrolled(ev *fyne.ScrollEvent) {
	if ev.Scrolled.DY != 0 {
		v.zoomAt(math.Pow(2, float64(ev.Scrolled.DY)/50), ev.Position.X)
	}
	if ev.Scrolled.DX != 0 {
		v.Pan(ev.Scrolled.DX)
	}
}

// MouseDown takes the focus (for + and −) and notes Shift, which makes a
// drag pick days.
func (v *axisView) MouseDown(ev *desktop.MouseEvent) {
	v.shift = ev.Modifier&fyne.KeyModifierShift != 0
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.self); c != nil {
		if f, ok := v.self.(fyne.Focusable); ok {
			c.Focus(f)
		}
	}
}

func (v *axisView) MouseUp(*desktop.MouseEvent) {}

func (v *axisView) Dragged(ev *fyne.DragEvent) {
	g := v.frame()
	if !v.drag.active {
		v.drag.active = true
		startX, startY := ev.Position.X-ev.Dragged.DX, ev.Position.Y-ev.Dragged.DY
		v.drag.picking = v.shift || startY >= g.axisTop
		v.drag.from = clampF(startX, g.plotL, g.plotR)
	}
	v.hover = ev.Position
	if v.drag.picking {
		v.drag.to = clampF(ev.Position.X, g.plotL, g.plotR)
		v.self.Refresh()
		return
	}
	v.Pan(ev.Dragged.DX)
}

// DragEnd ends a pan, or hands the days picked to OnRange and zooms to
// them.
func (v *axisView) DragEnd() {
	picking, from, to := v.drag.picking, v.drag.from, v.drag.to
	v.drag.active, v.drag.picking = false, false
	v.shift = false
	v.self.Refresh()
	if !picking || abs32(to-from) < 3 {
		return
	}
	g := v.frame()
	lo := math.Floor(v.axis.day(min(from, to) - g.plotL))
	hi := math.Floor(v.axis.day(max(from, to) - g.plotL))
	v.fitDays(lo, hi+1)
	if v.OnRange != nil {
		v.OnRange(dayTime(lo), dayTime(hi))
	}
}

func (v *axisView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

func (v *axisView) MouseMoved(ev *desktop.MouseEvent) {
	v.hover, v.hovering = ev.Position, true
	v.self.Refresh()
}

func (v *axisView) MouseOut() {
	v.hovering = false
	v.self.Refresh()
}

// showHover reports whether the hover box is to be drawn.
func (v *axisView) showHover() bool { return v.hovering && !v.drag.active }

func (v *axisView) FocusGained() { v.focused = true; v.self.Refresh() }
func (v *axisView) FocusLost()   { v.focused = false; v.self.Refresh() }

// TypedRune zooms with + and −; 0 fits the data.
func (v *axisView) TypedRune(r rune) {
	switch r {
	case '+', '=':
		v.ZoomIn()
	case '-', '−':
		v.ZoomOut()
	case '0':
		v.fit()
	}
}

// TypedKey pans with the arrows; Home fits the data.
func (v *axisView) TypedKey(ev *fyne.KeyEvent) {
	step := v.frame().plotW() / 6
	switch ev.Name {
	case fyne.KeyLeft:
		v.Pan(step)
	case fyne.KeyRight:
		v.Pan(-step)
	case fyne.KeyHome:
		v.fit()
	}
}

func clampF(v, lo, hi float32) float32 { return max(lo, min(hi, v)) }

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// A scene is a chart as drawn: rectangles, lines, circles and text in the
// widget's coordinates, in the order they are painted. The timeline and the
// figures chart build one each frame; the Fyne renderer shows it with
// canvas objects and the export writes it as PNG or SVG, so a picture is
// what the screen shows.
type scene struct {
	size   fyne.Size
	bg     color.NRGBA
	fg     color.NRGBA // text
	shapes []shape
}

type shapeKind uint8

const (
	shapeRect   shapeKind = iota // (x1, y1)-(x2, y2)
	shapeLine                    // from (x1, y1) to (x2, y2)
	shapeCircle                  // centre (x1, y1), radius r
	shapeText                    // top left (x1, y1), measured to (x2, y2)
)

type shape struct {
	kind           shapeKind
	x1, y1, x2, y2 float32
	r              float32
	fill, stroke   color.NRGBA
	width          float32 // of the stroke or line
	text           string
	size           float32 // of the text
	bold           bool
}

func (s *scene) reset(size fyne.Size) {
	s.size = size
	s.shapes = s.shapes[:0]
}

func (s *scene) rect(x1, y1, x2, y2 float32, fill color.NRGBA) {
	if x2 <= x1 || y2 <= y1 {
		return
	}
	s.shapes = append(s.shapes, shape{kind: shapeRect, x1: x1, y1: y1, x2: x2, y2: y2, fill: fill})
}

// frame is a rectangle's outline, fill optional (zero: none).
func (s *scene) frame(x1, y1, x2, y2 float32, fill, stroke color.NRGBA, width float32) {
	s.shapes = append(s.shapes, shape{kind: shapeRect, x1: x1, y1: y1, x2: x2, y2: y2, fill: fill, stroke: stroke, width: width})
}

func (s *scene) line(x1, y1, x2, y2 float32, c color.NRGBA, width float32) {
	s.shapes = append(s.shapes, shape{kind: shapeLine, x1: x1, y1: y1, x2: x2, y2: y2, stroke: c, width: width})
}

func (s *scene) circle(x, y, r float32, fill, stroke color.NRGBA, width float32) {
	s.shapes = append(s.shapes, shape{kind: shapeCircle, x1: x, y1: y, r: r, fill: fill, stroke: stroke, width: width})
}

// text puts a label with its left edge at x (align 0), its centre (align
// 1) or its right edge (align 2), its top at y, and returns its width.
func (s *scene) text(str string, x, y, size float32, c color.NRGBA, bold bool, align int) float32 {
	m := measureLabel(str, size, bold)
	switch align {
	case 1:
		x -= m.Width / 2
	case 2:
		x -= m.Width
	}
	s.shapes = append(s.shapes, shape{kind: shapeText, x1: x, y1: y, x2: x + m.Width, y2: y + m.Height, text: str, size: size, fill: c, bold: bold})
	return m.Width
}

func measureLabel(s string, size float32, bold bool) fyne.Size {
	return fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold})
}

// chartColors are the theme's colours a chart draws with.
type chartColors struct {
	bg, fg, muted, grid, accent, hoverBg, shadow color.NRGBA
}

func currentChartColors() chartColors {
	c := func(n fyne.ThemeColorName) color.NRGBA { return nrgba(theme.Color(n)) }
	cc := chartColors{
		bg: c(theme.ColorNameBackground), fg: c(theme.ColorNameForeground),
		muted: c(theme.ColorNamePlaceHolder), grid: c(theme.ColorNameSeparator),
		accent: c(theme.ColorNamePrimary), hoverBg: c(theme.ColorNameOverlayBackground),
		shadow: c(theme.ColorNameShadow),
	}
	if cc.grid.A == 0 {
		cc.grid = withAlpha(cc.muted, 0x40)
	}
	return cc
}

func nrgba(c color.Color) color.NRGBA {
	if n, ok := c.(color.NRGBA); ok {
		return n
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = uint8(uint16(c.A) * uint16(a) / 255)
	return c
}

// sceneRenderer shows a scene with canvas objects, reusing them from frame
// to frame: a frame costs what it draws, never what the data holds.
type sceneRenderer struct {
	owner fyne.Widget
	paint func(s *scene) // fills the scene for s.size
	sc    scene

	rects   []*canvas.Rectangle
	lines   []*canvas.Line
	circles []*canvas.Circle
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func newSceneRenderer(owner fyne.Widget, paint func(s *scene)) *sceneRenderer {
	return &sceneRenderer{owner: owner, paint: paint}
}

func (r *sceneRenderer) Layout(size fyne.Size) {
	r.build(size)
}

func (r *sceneRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 160) }

func (r *sceneRenderer) Refresh() {
	r.build(r.owner.Size())
	canvas.Refresh(r.owner)
}

func (r *sceneRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *sceneRenderer) Destroy() {}

func (r *sceneRenderer) build(size fyne.Size) {
	r.sc.reset(size)
	r.paint(&r.sc)
	var nr, nl, nc, nt int
	r.objects = r.objects[:0]
	for i := range r.sc.shapes {
		s := &r.sc.shapes[i]
		switch s.kind {
		case shapeRect:
			if nr == len(r.rects) {
				r.rects = append(r.rects, &canvas.Rectangle{})
			}
			o := r.rects[nr]
			nr++
			o.FillColor, o.StrokeWidth = s.fill, s.width
			o.StrokeColor = nil
			if s.width > 0 {
				o.StrokeColor = s.stroke
			}
			o.Move(fyne.NewPos(s.x1, s.y1))
			o.Resize(fyne.NewSize(s.x2-s.x1, s.y2-s.y1))
			r.objects = append(r.objects, o)
		case shapeLine:
			if (s.x1 == s.x2 || s.y1 == s.y2) && s.width <= 1 {
				// A hairline along an axis is a rectangle: drawn without
				// a rasteriser.
				if nr == len(r.rects) {
					r.rects = append(r.rects, &canvas.Rectangle{})
				}
				o := r.rects[nr]
				nr++
				o.FillColor, o.StrokeColor, o.StrokeWidth = s.stroke, nil, 0
				o.Move(fyne.NewPos(min(s.x1, s.x2), min(s.y1, s.y2)))
				o.Resize(fyne.NewSize(max(abs32(s.x2-s.x1), s.width), max(abs32(s.y2-s.y1), s.width)))
				r.objects = append(r.objects, o)
				continue
			}
			if nl == len(r.lines) {
				r.lines = append(r.lines, &canvas.Line{})
			}
			o := r.lines[nl]
			nl++
			o.StrokeColor, o.StrokeWidth = s.stroke, s.width
			o.Position1, o.Position2 = fyne.NewPos(s.x1, s.y1), fyne.NewPos(s.x2, s.y2)
			r.objects = append(r.objects, o)
		case shapeCircle:
			if nc == len(r.circles) {
				r.circles = append(r.circles, &canvas.Circle{})
			}
			o := r.circles[nc]
			nc++
			o.FillColor, o.StrokeColor, o.StrokeWidth = s.fill, s.stroke, s.width
			o.Position1 = fyne.NewPos(s.x1-s.r, s.y1-s.r)
			o.Position2 = fyne.NewPos(s.x1+s.r, s.y1+s.r)
			r.objects = append(r.objects, o)
		case shapeText:
			if nt == len(r.texts) {
				r.texts = append(r.texts, &canvas.Text{})
			}
			o := r.texts[nt]
			nt++
			o.Text, o.Color, o.TextSize = s.text, s.fill, s.size
			o.TextStyle = fyne.TextStyle{Bold: s.bold}
			o.Move(fyne.NewPos(s.x1, s.y1))
			o.Resize(fyne.NewSize(s.x2-s.x1, s.y2-s.y1))
			r.objects = append(r.objects, o)
		}
	}
}

package ui

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strings"
	"sync"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// picture is the view's scene as exported: what the screen shows, without
// the hover box or a pick under way.
func (v *axisView) picture(paint func(*scene)) *scene {
	hovering, picking := v.hovering, v.drag.picking
	v.hovering, v.drag.picking = false, false
	defer func() { v.hovering, v.drag.picking = hovering, picking }()
	sc := &scene{}
	sc.reset(v.self.Size())
	paint(sc)
	return sc
}

// WritePNG writes the timeline as drawn, at twice its size.
func (t *Timeline) WritePNG(w io.Writer) error { return writeScenePNG(w, t.picture(t.paint), 2) }

// WriteSVG writes the timeline as drawn, as an SVG drawing.
func (t *Timeline) WriteSVG(w io.Writer) error { return writeSceneSVG(w, t.picture(t.paint)) }

// WritePNG writes the figures chart as drawn, at twice its size.
func (c *FiguresChart) WritePNG(w io.Writer) error { return writeScenePNG(w, c.picture(c.paint), 2) }

// WriteSVG writes the figures chart as drawn, as an SVG drawing.
func (c *FiguresChart) WriteSVG(w io.Writer) error { return writeSceneSVG(w, c.picture(c.paint)) }

// pictureWriter is a view that exports itself.
type pictureWriter interface {
	WritePNG(io.Writer) error
	WriteSVG(io.Writer) error
}

// newExportButton is a view's "Export picture…" button: a menu of PNG and
// SVG, then where to save it. name is the file's name without extension.
func newExportButton(win func() fyne.Window, name string, view pictureWriter, status func(string)) *widget.Button {
	var b *widget.Button
	save := func(ext string, write func(io.Writer) error) {
		d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
			if err != nil || uc == nil {
				return
			}
			bw := bufio.NewWriter(uc)
			err = write(bw)
			if err == nil {
				err = bw.Flush()
			}
			if cerr := uc.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				status("Cannot export the picture: " + dossier.ErrorMessage(err))
				return
			}
			status("Picture saved to " + uc.URI().Path())
		}, win())
		d.SetFileName(name + ext)
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
		d.Show()
	}
	b = widget.NewButtonWithIcon("Export picture…", theme.DownloadIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("PNG image…", func() { save(".png", view.WritePNG) }),
			fyne.NewMenuItem("SVG drawing…", func() { save(".svg", view.WriteSVG) }),
		)
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, c, pos)
	})
	b.Importance = widget.LowImportance
	return b
}

// writeScenePNG rasterises a scene at scale into a PNG: rectangles filled
// directly, lines and circles through a vector rasteriser, text in the
// theme's font.
func writeScenePNG(w io.Writer, sc *scene, scale float32) error {
	W := int(math.Ceil(float64(sc.size.Width * scale)))
	H := int(math.Ceil(float64(sc.size.Height * scale)))
	if W <= 0 || H <= 0 {
		return dossier.Errorf(dossier.EINVALID, "the view has no size to draw")
	}
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.NewUniform(sc.bg), image.Point{}, draw.Src)
	r := vector.NewRasterizer(W, H)
	fill := func(c color.NRGBA) {
		if c.A > 0 {
			r.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
		}
		r.Reset(W, H)
	}
	sp := func(v float32) float32 { return v * scale }
	for i := range sc.shapes {
		s := &sc.shapes[i]
		switch s.kind {
		case shapeRect:
			if s.fill.A > 0 {
				r.Reset(W, H)
				rectPath(r, sp(s.x1), sp(s.y1), sp(s.x2), sp(s.y2))
				fill(s.fill)
			}
			if s.width > 0 && s.stroke.A > 0 {
				sw := sp(s.width)
				x1, y1, x2, y2 := sp(s.x1), sp(s.y1), sp(s.x2), sp(s.y2)
				rectPath(r, x1, y1, x2, y1+sw)
				rectPath(r, x1, y2-sw, x2, y2)
				rectPath(r, x1, y1+sw, x1+sw, y2-sw)
				rectPath(r, x2-sw, y1+sw, x2, y2-sw)
				fill(s.stroke)
			}
		case shapeLine:
			linePath(r, sp(s.x1), sp(s.y1), sp(s.x2), sp(s.y2), sp(max(s.width, 1)))
			fill(s.stroke)
		case shapeCircle:
			cx, cy, rad := sp(s.x1), sp(s.y1), sp(s.r)
			if s.fill.A > 0 {
				circlePath(r, cx, cy, rad, false)
				fill(s.fill)
			}
			if s.width > 0 && s.stroke.A > 0 {
				sw := sp(s.width)
				circlePath(r, cx, cy, rad+sw/2, false)
				circlePath(r, cx, cy, max(0, rad-sw/2), true)
				fill(s.stroke)
			}
		case shapeText:
			face, err := chartFace(s.size*scale, s.bold)
			if err != nil {
				return err
			}
			d := font.Drawer{Dst: img, Src: image.NewUniform(s.fill), Face: face}
			d.Dot = fixed.Point26_6{X: fixed.I(int(sp(s.x1))), Y: face.Metrics().Ascent + fixed.I(int(sp(s.y1)))}
			d.DrawString(s.text)
		}
	}
	return png.Encode(w, img)
}

func rectPath(r *vector.Rasterizer, x1, y1, x2, y2 float32) {
	r.MoveTo(x1, y1)
	r.LineTo(x2, y1)
	r.LineTo(x2, y2)
	r.LineTo(x1, y2)
	r.ClosePath()
}

func linePath(r *vector.Rasterizer, x1, y1, x2, y2, width float32) {
	dx, dy := x2-x1, y2-y1
	n := float32(math.Hypot(float64(dx), float64(dy)))
	if n == 0 {
		return
	}
	nx, ny := -dy/n*width/2, dx/n*width/2
	r.MoveTo(x1+nx, y1+ny)
	r.LineTo(x2+nx, y2+ny)
	r.LineTo(x2-nx, y2-ny)
	r.LineTo(x1-nx, y1-ny)
	r.ClosePath()
}

// circlePath adds a circle as a polygon; reverse winds it the other way, to
// cut a hole.
func circlePath(r *vector.Rasterizer, cx, cy, rad float32, reverse bool) {
	const n = 32
	for i := 0; i <= n; i++ {
		a := 2 * math.Pi * float64(i) / n
		if reverse {
			a = -a
		}
		x, y := cx+rad*float32(math.Cos(a)), cy+rad*float32(math.Sin(a))
		if i == 0 {
			r.MoveTo(x, y)
		} else {
			r.LineTo(x, y)
		}
	}
	r.ClosePath()
}

var chartFonts struct {
	sync.Mutex
	fonts map[bool]*opentype.Font
	faces map[faceKey]font.Face
}

type faceKey struct {
	size float32
	bold bool
}

// chartFace is the theme's text font at size pixels.
func chartFace(size float32, bold bool) (font.Face, error) {
	chartFonts.Lock()
	defer chartFonts.Unlock()
	if chartFonts.faces == nil {
		chartFonts.fonts, chartFonts.faces = map[bool]*opentype.Font{}, map[faceKey]font.Face{}
	}
	if f, ok := chartFonts.faces[faceKey{size, bold}]; ok {
		return f, nil
	}
	ft := chartFonts.fonts[bold]
	if ft == nil {
		res := theme.DefaultTextFont()
		if bold {
			res = theme.DefaultTextBoldFont()
		}
		var err error
		if ft, err = opentype.Parse(res.Content()); err != nil {
			return nil, dossier.Errorf(dossier.EINTERNAL, "cannot read the font to draw text: %v", err)
		}
		chartFonts.fonts[bold] = ft
	}
	face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, dossier.Errorf(dossier.EINTERNAL, "cannot size the font: %v", err)
	}
	chartFonts.faces[faceKey{size, bold}] = face
	return face, nil
}

// writeSceneSVG writes a scene as SVG: a <rect>, <line>, <circle> or <text>
// for each shape, in the order drawn.
func writeSceneSVG(w io.Writer, sc *scene) error {
	bw := bufio.NewWriter(w)
	f := func(v float32) string { return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".") }
	paint := func(attr string, c color.NRGBA) string {
		if c.A == 0 {
			return fmt.Sprintf(` %s="none"`, attr)
		}
		s := fmt.Sprintf(` %s="#%02x%02x%02x"`, attr, c.R, c.G, c.B)
		if c.A < 255 {
			s += fmt.Sprintf(` %s-opacity="%.3g"`, attr, float64(c.A)/255)
		}
		return s
	}
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`+"\n",
		f(sc.size.Width), f(sc.size.Height), f(sc.size.Width), f(sc.size.Height))
	fmt.Fprintf(bw, `<rect x="0" y="0" width="%s" height="%s"%s/>`+"\n", f(sc.size.Width), f(sc.size.Height), paint("fill", sc.bg))
	for i := range sc.shapes {
		s := &sc.shapes[i]
		switch s.kind {
		case shapeRect:
			fmt.Fprintf(bw, `<rect x="%s" y="%s" width="%s" height="%s"%s`, f(s.x1), f(s.y1), f(s.x2-s.x1), f(s.y2-s.y1), paint("fill", s.fill))
			if s.width > 0 {
				fmt.Fprintf(bw, `%s stroke-width="%s"`, paint("stroke", s.stroke), f(s.width))
			}
			bw.WriteString("/>\n")
		case shapeLine:
			fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s"%s stroke-width="%s"/>`+"\n", f(s.x1), f(s.y1), f(s.x2), f(s.y2), paint("stroke", s.stroke), f(max(s.width, 1)))
		case shapeCircle:
			fmt.Fprintf(bw, `<circle cx="%s" cy="%s" r="%s"%s`, f(s.x1), f(s.y1), f(s.r), paint("fill", s.fill))
			if s.width > 0 {
				fmt.Fprintf(bw, `%s stroke-width="%s"`, paint("stroke", s.stroke), f(s.width))
			}
			bw.WriteString("/>\n")
		case shapeText:
			weight := ""
			if s.bold {
				weight = ` font-weight="bold"`
			}
			base := s.y1 + s.size*1.07 // the theme font's ascent
			fmt.Fprintf(bw, `<text x="%s" y="%s" font-size="%s"%s%s>`, f(s.x1), f(base), f(s.size), weight, paint("fill", s.fill))
			if err := xml.EscapeText(bw, []byte(s.text)); err != nil {
				return err
			}
			bw.WriteString("</text>\n")
		}
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

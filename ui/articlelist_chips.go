package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tagChips draws tags as small coloured chips in a row, as many as fit,
// then "+N" for the rest. Each chip shows the tag's last part; its colour is
// the tag's.
type tagChips struct {
	widget.BaseWidget
	tags  []string
	color func(tag string) string
}

func newTagChips() *tagChips {
	c := &tagChips{}
	c.ExtendBaseWidget(c)
	return c
}

// set shows tags, coloured by color.
func (c *tagChips) set(tags []string, color func(string) string) {
	c.tags, c.color = tags, color
	c.Refresh()
}

func chipLabel(tag string) string {
	if i := strings.LastIndexByte(tag, '/'); i >= 0 {
		return tag[i+1:]
	}
	return tag
}

func (c *tagChips) CreateRenderer() fyne.WidgetRenderer {
	r := &chipsRenderer{c: c, more: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	r.more.TextSize = theme.CaptionTextSize()
	return r
}

type chipsRenderer struct {
	c     *tagChips
	boxes []*canvas.Rectangle
	texts []*canvas.Text
	more  *canvas.Text
	objs  []fyne.CanvasObject
}

const chipPad = 5

func (r *chipsRenderer) ensure(n int) {
	for len(r.boxes) < n {
		b := canvas.NewRectangle(color.Transparent)
		b.CornerRadius = 4
		b.StrokeWidth = 1
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		r.boxes = append(r.boxes, b)
		r.texts = append(r.texts, t)
	}
}

func (r *chipsRenderer) Layout(size fyne.Size) {
	tags := r.c.tags
	r.ensure(len(tags))
	x := float32(0)
	h := r.MinSize().Height
	y := (size.Height - h) / 2
	shown := 0
	for i, tag := range tags {
		t := r.texts[i]
		w := t.MinSize().Width + 2*chipPad
		rest := len(tags) - i - 1
		reserve := float32(0)
		if rest > 0 {
			reserve = fyne.MeasureText(fmt.Sprintf("+%d", rest), theme.CaptionTextSize(), fyne.TextStyle{}).Width + chipPad
		}
		if x+w+reserve > size.Width && i > 0 || x+w > size.Width {
			break
		}
		_ = tag
		r.boxes[i].Move(fyne.NewPos(x, y))
		r.boxes[i].Resize(fyne.NewSize(w, h))
		t.Move(fyne.NewPos(x+chipPad, y+(h-t.MinSize().Height)/2))
		t.Resize(t.MinSize())
		x += w + chipPad
		shown++
	}
	for i := range r.boxes {
		r.boxes[i].Hidden = i >= shown
		r.texts[i].Hidden = i >= shown
	}
	r.more.Hidden = shown == len(tags)
	if !r.more.Hidden {
		r.more.Text = fmt.Sprintf("+%d", len(tags)-shown)
		r.more.Move(fyne.NewPos(x, y+(h-r.more.MinSize().Height)/2))
		r.more.Resize(r.more.MinSize())
	}
}

func (r *chipsRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height+4)
}

func (r *chipsRenderer) Refresh() {
	tags := r.c.tags
	r.ensure(len(tags))
	fg := theme.Color(theme.ColorNameForeground)
	for i, tag := range tags {
		col := hexColor("")
		if r.c.color != nil {
			col = hexColor(r.c.color(tag))
		}
		fill := col
		fill.A = 0x50
		r.boxes[i].FillColor = fill
		r.boxes[i].StrokeColor = col
		r.texts[i].Text = chipLabel(tag)
		r.texts[i].Color = fg
	}
	r.more.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.objs = r.objs[:0]
	for i := range r.boxes {
		r.objs = append(r.objs, r.boxes[i], r.texts[i])
	}
	r.objs = append(r.objs, r.more)
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chipsRenderer) Objects() []fyne.CanvasObject {
	if r.objs == nil {
		r.Refresh()
	}
	return r.objs
}

func (r *chipsRenderer) Destroy() {}

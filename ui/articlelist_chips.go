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

// maxChips is the most chips a row draws; the rest count in "+N".
const maxChips = 6

func (c *tagChips) CreateRenderer() fyne.WidgetRenderer {
	r := &chipsRenderer{c: c, more: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	r.more.TextSize = theme.CaptionTextSize()
	r.ensure(maxChips)
	for i := range r.boxes {
		r.objs = append(r.objs, r.boxes[i], r.texts[i])
	}
	r.objs = append(r.objs, r.more)
	r.Refresh()
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
	if len(tags) > maxChips {
		tags = tags[:maxChips]
	}
	x := float32(0)
	h := r.MinSize().Height
	y := (size.Height - h) / 2
	shown := 0
	for i := range tags {
		t := r.texts[i]
		w := t.MinSize().Width + 2*chipPad
		rest := len(r.c.tags) - i - 1
		reserve := float32(0)
		if rest > 0 {
			reserve = fyne.MeasureText(fmt.Sprintf("+%d", rest), theme.CaptionTextSize(), fyne.TextStyle{}).Width + chipPad
		}
		if x+w+reserve > size.Width && i > 0 || x+w > size.Width {
			break
		}
		r.boxes[i].Move(fyne.NewPos(x, y))
		r.boxes[i].Resize(fyne.NewSize(w, h))
		t.Move(fyne.NewPos(x+chipPad, y+(h-t.MinSize().Height)/2))
		t.Resize(t.MinSize())
		x += w + chipPad
		shown++
	}
	// Chips not shown are moved out of sight rather than hidden: the GL
	// painter did not draw objects shown again after the first frame.
	for i := shown; i < len(r.boxes); i++ {
		r.boxes[i].Move(fyne.NewPos(-1000, 0))
		r.boxes[i].Resize(fyne.NewSize(0, 0))
		r.texts[i].Move(fyne.NewPos(-1000, 0))
	}
	r.more.Text = ""
	if shown < len(r.c.tags) {
		r.more.Text = fmt.Sprintf("+%d", len(r.c.tags)-shown)
	}
	r.more.Move(fyne.NewPos(x, y+(h-r.more.MinSize().Height)/2))
	r.more.Resize(r.more.MinSize())
}

func (r *chipsRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height+4)
}

func (r *chipsRenderer) Refresh() {
	tags := r.c.tags
	if len(tags) > maxChips {
		tags = tags[:maxChips]
	}
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
	r.Layout(r.c.Size())
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *chipsRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *chipsRenderer) Destroy() {}

package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sideRow is one choice of the sidebar: a colour chip (for tags), the name,
// its count, and a mark when the filter keeps (✓) or leaves it out (−).
type sideRow struct {
	widget.BaseWidget
	chip  *canvas.Rectangle
	name  *widget.Label
	count *canvas.Text
	mark  *widget.Icon

	hasChip     bool
	state       int
	onTap       func()
	onSecondary func()
	onMenu      func(at fyne.Position) // a right click opens a menu at at, when set
}

func newSideRow(hasChip bool) *sideRow {
	r := &sideRow{
		chip:    canvas.NewRectangle(color.Transparent),
		name:    widget.NewLabel(""),
		count:   canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		mark:    widget.NewIcon(nil),
		hasChip: hasChip,
	}
	r.chip.CornerRadius = 3
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.count.TextSize = theme.CaptionTextSize()
	r.count.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

func (r *sideRow) set(name, hex string, count, state int) {
	r.state = state
	r.name.SetText(name)
	r.name.TextStyle = fyne.TextStyle{Bold: state == 1}
	switch state {
	case 1:
		r.mark.SetResource(theme.ConfirmIcon())
		r.name.Importance = widget.HighImportance
	case -1:
		r.mark.SetResource(theme.ContentRemoveIcon())
		r.name.Importance = widget.DangerImportance
	default:
		r.mark.SetResource(nil)
		r.name.Importance = widget.MediumImportance
	}
	r.name.Refresh()
	r.count.Text = ""
	if count > 0 {
		r.count.Text = groupDigits(count)
	}
	r.count.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.count.Refresh()
	if r.hasChip {
		r.chip.FillColor = hexColor(hex)
	}
	r.chip.Hidden = !r.hasChip
	r.chip.Refresh()
	r.Refresh()
}

// Tapped cycles the choice in the filter. The row takes the tap itself:
// being secondary-tappable, it is what the driver finds under the mouse,
// so the list or tree under it never sees the click.
func (r *sideRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// TappedSecondary opens the row's menu, or, for a row without one, leaves
// the choice out of the filter (a right click).
func (r *sideRow) TappedSecondary(ev *fyne.PointEvent) {
	if r.onMenu != nil {
		r.onMenu(ev.AbsolutePosition)
		return
	}
	if r.onSecondary != nil {
		r.onSecondary()
	}
}

func (r *sideRow) CreateRenderer() fyne.WidgetRenderer { return &sideRowRenderer{r} }

type sideRowRenderer struct{ r *sideRow }

func (rr *sideRowRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	x := float32(0)
	if rr.r.hasChip {
		const cs = 10
		rr.r.chip.Move(fyne.NewPos(pad, (size.Height-cs)/2))
		rr.r.chip.Resize(fyne.NewSize(cs, cs))
		x = pad + cs
	}
	is := theme.IconInlineSize()
	rr.r.mark.Move(fyne.NewPos(size.Width-is-pad, (size.Height-is)/2))
	rr.r.mark.Resize(fyne.NewSize(is, is))
	cw := rr.r.count.MinSize().Width
	cx := size.Width - is - 2*pad - cw
	rr.r.count.Move(fyne.NewPos(cx, (size.Height-rr.r.count.MinSize().Height)/2))
	rr.r.count.Resize(fyne.NewSize(cw, rr.r.count.MinSize().Height))
	rr.r.name.Move(fyne.NewPos(x, 0))
	rr.r.name.Resize(fyne.NewSize(max(0, cx-x), size.Height))
}

func (rr *sideRowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(80, rr.r.name.MinSize().Height)
}

func (rr *sideRowRenderer) Refresh() {
	rr.r.count.Color = theme.Color(theme.ColorNamePlaceHolder) // the theme may have changed
	rr.r.count.Refresh()
	rr.Layout(rr.r.Size())
}

func (rr *sideRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.chip, rr.r.name, rr.r.count, rr.r.mark}
}

func (rr *sideRowRenderer) Destroy() {}

package ui

import "fyne.io/fyne/v2"

// tightVBox stacks objects vertically with no padding between them, for
// list rows that should read as one item.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - 8
	}
	return s.Add(fyne.NewSize(0, 8))
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height - 8
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h+8))
		y += h
	}
}

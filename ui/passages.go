package ui

import (
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PassagesPane lists every passage that matches the filter: its article
// and date with its tag chips, its text, and its note. Selecting one opens
// it in the reader. Put its List in the window (see ArticleList).
type PassagesPane struct {
	*widget.List
	ps    []dossier.Passage
	empty *widget.Label // what to do when there is nothing to list
	view  fyne.CanvasObject

	// Meta returns the article of a passage, for its title and date.
	Meta func(id dossier.ArticleID) (dossier.ArticleMeta, bool)
	// TagColor gives a tag's colour.
	TagColor func(tag string) string
	// OnOpen is called when the user selects a passage.
	OnOpen func(p dossier.Passage)
}

// NewPassagesPane returns an empty pane.
func NewPassagesPane() *PassagesPane {
	p := &PassagesPane{}
	p.List = widget.NewList(
		func() int { return len(p.ps) },
		func() fyne.CanvasObject { return newPassageRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.ps) {
				var m dossier.ArticleMeta
				if p.Meta != nil {
					m, _ = p.Meta(p.ps[i].Article)
				}
				o.(*passageRow).set(&p.ps[i], &m, p.TagColor)
			}
		},
	)
	p.empty = widget.NewLabel("No passages here.\nSelect text in an article and press Ctrl+T to tag a passage;\nthe filter above may hide some.")
	p.empty.Alignment = fyne.TextAlignCenter
	p.empty.Importance = widget.LowImportance
	p.view = container.NewStack(p.List, container.NewCenter(p.empty))
	p.List.OnSelected = func(i widget.ListItemID) {
		if i < len(p.ps) && p.OnOpen != nil {
			p.OnOpen(p.ps[i])
		}
		// A passage opens each time it is chosen, also the same one again.
		p.List.Unselect(i)
	}
	return p
}

// SetPassages shows ps.
func (p *PassagesPane) SetPassages(ps []dossier.Passage) {
	p.ps = ps
	p.empty.Hidden = len(ps) > 0
	p.empty.Refresh()
	p.List.UnselectAll()
	p.List.Refresh()
}

// View is the pane to put in the window: the list, or a hint when it is empty.
func (p *PassagesPane) View() fyne.CanvasObject { return p.view }

// Passages returns the passages shown.
func (p *PassagesPane) Passages() []dossier.Passage { return p.ps }

// passageRow shows one passage in three lines of one height: where it is
// with its tags, its text, and its note.
type passageRow struct {
	widget.BaseWidget
	whereText string
	where     *canvas.Text
	chips     *tagChips
	text      *widget.Label
	note      *widget.Label
}

func newPassageRow() *passageRow {
	r := &passageRow{
		where: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		chips: newTagChips(),
		text:  widget.NewLabel(""),
		note:  widget.NewLabel(""),
	}
	r.where.TextSize = theme.CaptionTextSize()
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.note.Truncation = fyne.TextTruncateEllipsis
	r.note.TextStyle = fyne.TextStyle{Italic: true}
	r.note.Importance = widget.LowImportance
	r.ExtendBaseWidget(r)
	return r
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (r *passageRow) set(p *dossier.Passage, m *dossier.ArticleMeta, color func(string) string) {
	where := m.Published.Label()
	if m.Title != "" {
		where += " · " + m.Title
	}
	if p.Orphan {
		where = "no longer found in its article · " + where
	}
	r.whereText = where
	r.where.Text = where
	r.where.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.where.Refresh()
	r.text.SetText("“" + oneLine(p.Text) + "”")
	note := oneLine(p.Note)
	if note == "" {
		note = "no note"
	}
	r.note.SetText(note)
	r.chips.set(p.Tags, color)
}

func (r *passageRow) CreateRenderer() fyne.WidgetRenderer { return &passageRowRenderer{r} }

type passageRowRenderer struct{ r *passageRow }

func (rr *passageRowRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	wh := rr.r.where.MinSize().Height
	ch := rr.r.chips.MinSize().Height
	rr.r.chips.Move(fyne.NewPos(pad*2, pad))
	rr.r.chips.Resize(fyne.NewSize(size.Width-pad*4, ch))
	rr.r.where.Move(fyne.NewPos(pad*2, pad+ch+2))
	rr.r.where.Resize(fyne.NewSize(size.Width-pad*4, wh))
	fitText(rr.r.where, rr.r.whereText, size.Width-pad*4)
	y := pad + ch + 2 + wh - pad
	th := rr.r.text.MinSize().Height
	rr.r.text.Move(fyne.NewPos(0, y))
	rr.r.text.Resize(fyne.NewSize(size.Width, th))
	nh := rr.r.note.MinSize().Height
	rr.r.note.Move(fyne.NewPos(0, y+th-2*pad))
	rr.r.note.Resize(fyne.NewSize(size.Width, nh))
}

func (rr *passageRowRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	return fyne.NewSize(120, pad+rr.r.chips.MinSize().Height+2+rr.r.where.MinSize().Height-pad+
		rr.r.text.MinSize().Height-2*pad+rr.r.note.MinSize().Height)
}

func (rr *passageRowRenderer) Refresh() {
	rr.r.where.Color = theme.Color(theme.ColorNamePlaceHolder) // the theme may have changed
	rr.r.where.Refresh()
	rr.Layout(rr.r.Size())
	rr.r.text.Refresh()
	rr.r.note.Refresh()
	rr.r.chips.Refresh()
}

func (rr *passageRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.chips, rr.r.where, rr.r.text, rr.r.note}
}

func (rr *passageRowRenderer) Destroy() {}

// fitText shows as much of full in t as fits in width, ending in "…" when
// cut.
func fitText(t *canvas.Text, full string, width float32) {
	measure := func(s string) float32 { return fyne.MeasureText(s, t.TextSize, t.TextStyle).Width }
	if measure(full) <= width {
		if t.Text != full {
			t.Text = full
			t.Refresh()
		}
		return
	}
	rs := []rune(full)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(string(rs[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	s := strings.TrimRight(string(rs[:lo]), " ·") + "…"
	if t.Text != s {
		t.Text = s
		t.Refresh()
	}
}

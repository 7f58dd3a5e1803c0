package ui

import (
	"image/color"
	"slices"
	"sort"
	"strconv"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowTagDialog asks for the tags and the note of a passage. tags are the
// notebook's tags to pick from; current and note what the passage has
// (nothing for a new one). Typing filters the tags (letters in order, case
// and accents ignored); Up and Down move through them, Enter picks one, or
// creates the tag typed when none is picked; Enter with nothing typed, or
// in the note, saves (Shift+Enter starts a new line of the note); Escape
// cancels. onDelete, when not nil, adds a Delete button (an existing
// passage).
func ShowTagDialog(win fyne.Window, tags []TagCount, current []string, note string, onSave func(tags []string, note string), onDelete func()) {
	showTagDialog(win, tags, current, note, onSave, onDelete)
}

// tagDialog is the state of one tag dialog.
type tagDialog struct {
	all     []TagCount
	chosen  []string
	matches []tagMatch
	sel     int // the highlighted match

	onSave   func(tags []string, note string)
	onDelete func()

	win     fyne.Window
	dlg     *dialog.CustomDialog
	entry   *tagEntry
	note    *noteEntry
	list    *widget.List
	empty   *widget.Label // stands in the list's place when nothing matches
	noun    string        // what the tags go on: "passage", "article", "quotation"
	chips   *fyne.Container
	problem *widget.Label
	save    *widget.Button
}

// tagMatch is a tag the entry's text matches, or (create) the text itself
// as a new tag.
type tagMatch struct {
	path   string
	color  string
	count  int
	create bool
	score  int
}

// buildPicker makes the parts every tag dialog has: the line for a problem,
// the chosen tags as chips and the list of matching tags, filled.
func (d *tagDialog) buildPicker() {
	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
	d.chips = container.New(layout.NewRowWrapLayout())
	d.empty = widget.NewLabel("")
	d.empty.Alignment = fyne.TextAlignCenter
	d.empty.Wrapping = fyne.TextWrapWord
	d.empty.Importance = widget.LowImportance
	d.list = widget.NewList(
		func() int { return len(d.matches) },
		func() fyne.CanvasObject { return newTagMatchRow(d) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*tagMatchRow).set(i, &d.matches[i], i == d.sel) },
	)
	d.filter()
	d.showChips()
}

func showTagDialog(win fyne.Window, tags []TagCount, current []string, note string, onSave func([]string, string), onDelete func()) *tagDialog {
	d := &tagDialog{all: tags, chosen: append([]string(nil), current...), onSave: onSave, onDelete: onDelete, win: win, noun: "passage"}
	d.entry = newTagEntry(d)
	d.entry.SetPlaceHolder("Type to find a tag, or a new one (actor/russia)")
	d.entry.OnChanged = func(string) { d.filter() }
	d.note = newNoteEntry(d)
	d.note.SetPlaceHolder("Note (Shift+Enter for a new line)")
	d.note.SetText(note)
	d.note.Wrapping = fyne.TextWrapWord
	d.note.SetMinRowsVisible(3)
	d.buildPicker()

	title := "Tag passage"
	if onDelete != nil {
		title = "Edit highlight"
	}
	hint := widget.NewLabel("Enter picks a tag; Enter on an empty line or in the note saves")
	hint.TextStyle = fyne.TextStyle{Italic: true}
	hint.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(d.chips, d.entry, d.problem)
	bottom := container.NewVBox(widget.NewLabel("Note"), d.note, hint)
	content := container.NewBorder(top, bottom, nil, nil, d.listBox())

	d.dlg = dialog.NewCustomWithoutButtons(title, content, win)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.dlg.Hide)
	d.save = widget.NewButtonWithIcon("Save", theme.ConfirmIcon(), d.saveNow)
	d.save.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{cancel}
	if onDelete != nil {
		del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
			d.dlg.Hide()
			onDelete()
		})
		del.Importance = widget.DangerImportance
		buttons = append(buttons, del)
	}
	d.dlg.SetButtons(append(buttons, d.save))
	d.dlg.Resize(fyne.NewSize(480, 460))
	d.dlg.Show()
	win.Canvas().Focus(d.entry)
	return d
}

// filter lists the tags that match the entry's text, best first; a text
// that names no tag is offered as a new tag, last.
func (d *tagDialog) filter() {
	q := strings.TrimSpace(d.entry.Text)
	d.matches = d.matches[:0]
	exact := false
	fq := foldTag(q)
	for _, t := range d.all {
		if d.isChosen(t.Path) {
			if dossier.TagEqual(t.Path, q) {
				exact = true
			}
			continue
		}
		score, ok := tagScore(fq, foldTag(t.Path))
		if !ok {
			continue
		}
		if dossier.TagEqual(t.Path, q) {
			exact = true
			score += 1 << 20
		}
		d.matches = append(d.matches, tagMatch{path: t.Path, color: t.Color, count: t.Total, score: score})
	}
	sort.SliceStable(d.matches, func(i, j int) bool {
		a, b := d.matches[i], d.matches[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.count != b.count {
			return a.count > b.count
		}
		return a.path < b.path
	})
	if q != "" && !exact {
		if n, err := dossier.NormalizeTag(q); err == nil {
			d.matches = append(d.matches, tagMatch{path: n, create: true})
		}
	}
	d.sel = 0
	d.problem.Hide()
	d.showEmpty(q)
	d.list.Refresh()
	if len(d.matches) > 0 {
		d.list.ScrollToTop()
	}
}

// listBox holds the list of matching tags at a steady size, with the words
// that stand in its place when it is empty.
func (d *tagDialog) listBox() fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(420, 170))
	return container.NewStack(space, d.list, container.NewCenter(container.NewGridWrap(fyne.NewSize(400, 60), d.empty)))
}

// showEmpty says what to do when no tag is listed, instead of a blank band.
func (d *tagDialog) showEmpty(q string) {
	switch {
	case len(d.matches) > 0 || q != "":
		d.empty.Hide()
		return
	case len(d.chosen) == 0:
		// (nothing listed and nothing chosen: the notebook has no tags)
		d.empty.SetText("No tags yet: type one, e.g. actor/russia or claim/troops, and press Enter")
	default:
		d.empty.SetText("Every tag is on this " + d.noun + ": type a new one")
	}
	d.empty.Show()
}

func (d *tagDialog) isChosen(path string) bool {
	for _, c := range d.chosen {
		if dossier.TagEqual(c, path) {
			return true
		}
	}
	return false
}

// move highlights the match n places down (up when negative).
func (d *tagDialog) move(n int) {
	if len(d.matches) == 0 {
		return
	}
	d.sel = min(max(d.sel+n, 0), len(d.matches)-1)
	d.list.Refresh()
	d.list.ScrollTo(d.sel)
}

// pick adds the highlighted match (or the one tapped) to the chosen tags.
func (d *tagDialog) pick(i int) {
	q := strings.TrimSpace(d.entry.Text)
	var path string
	switch {
	case i >= 0 && i < len(d.matches):
		path = d.matches[i].path
	case q != "":
		path = q
	default:
		return
	}
	n, err := dossier.NormalizeTag(path)
	if err != nil {
		d.problem.SetText(dossier.ErrorMessage(err))
		d.problem.Show()
		return
	}
	if !d.isChosen(n) {
		d.chosen = append(d.chosen, n)
	}
	d.entry.SetText("")
	d.showChips()
	d.win.Canvas().Focus(d.entry)
}

// unpick removes a chosen tag.
func (d *tagDialog) unpick(path string) {
	for i, c := range d.chosen {
		if c == path {
			d.chosen = append(d.chosen[:i], d.chosen[i+1:]...)
			break
		}
	}
	d.showChips()
	d.filter()
}

// saveNow picks what is typed, if anything, and saves. A new passage needs
// a tag or a note; an existing one saved with neither is for onSave to
// delete.
func (d *tagDialog) saveNow() {
	if strings.TrimSpace(d.entry.Text) != "" {
		d.pick(d.sel)
		if strings.TrimSpace(d.entry.Text) != "" {
			return // the text is no tag: the problem says why
		}
	}
	if len(d.chosen) == 0 && strings.TrimSpace(d.note.Text) == "" && d.onDelete == nil {
		d.problem.SetText("Pick or type a tag, or write a note")
		d.problem.Show()
		return
	}
	d.dlg.Hide()
	if d.onSave != nil {
		d.onSave(append([]string(nil), d.chosen...), strings.TrimSpace(d.note.Text))
	}
}

func (d *tagDialog) colorOf(path string) (color.NRGBA, bool) {
	for _, t := range d.all {
		if dossier.TagEqual(t.Path, path) {
			if c, ok := rgbFromHex(t.Color); ok {
				return c, true
			}
			return defaultTagColor(t.Path), true
		}
	}
	return color.NRGBA{}, false
}

// showChips shows the chosen tags, each in its colour with a button that
// removes it; a new tag is grey until the notebook gives it a colour.
func (d *tagDialog) showChips() {
	objs := make([]fyne.CanvasObject, 0, len(d.chosen))
	for _, path := range d.chosen {
		path := path
		c, ok := d.colorOf(path)
		label := path
		if !ok {
			c = color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
			label = path + " (new)"
		}
		bg := canvas.NewRectangle(color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0x70})
		bg.CornerRadius = 6
		bg.StrokeColor = c
		bg.StrokeWidth = 1
		text := widget.NewLabel(label)
		remove := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { d.unpick(path) })
		remove.Importance = widget.LowImportance
		objs = append(objs, container.NewStack(bg, container.NewHBox(text, remove)))
	}
	d.chips.Objects = objs
	if len(objs) == 0 {
		d.chips.Hide()
	} else {
		d.chips.Show()
	}
	d.chips.Refresh()
}

// tagScore matches q as a subsequence of path (both folded): ok is false
// when it is not one. q found whole scores above letters scattered, found
// at the start of a path part higher still; among equals shorter paths
// come first.
func tagScore(q, path []rune) (score int, ok bool) {
	if len(q) == 0 {
		return 0, true
	}
	best := -1
	for i := 0; i+len(q) <= len(path); i++ {
		if slices.Equal(path[i:i+len(q)], q) {
			s := 1000
			if partStart(path, i) {
				s = 2000
			}
			best = max(best, s)
		}
	}
	if best < 0 {
		j, prev := 0, -2
		for i, r := range path {
			if j == len(q) {
				break
			}
			if r != q[j] {
				continue
			}
			best++
			if i == prev+1 {
				best += 4
			}
			if partStart(path, i) {
				best += 6
			}
			prev = i
			j++
		}
		if j < len(q) {
			return 0, false
		}
	}
	return best*8 - len(path), true
}

// partStart reports whether a part or word of a tag path starts at i.
func partStart(path []rune, i int) bool {
	return i == 0 || path[i-1] == '/' || path[i-1] == ' ' || path[i-1] == '-'
}

// foldTag folds s as the query language does (dossier.FoldRune), for
// matching tags the way a tag: term does.
func foldTag(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if f := dossier.FoldRune(r); f >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// tagMatchRow is one tag in the dialog's list: its colour, path and count.
type tagMatchRow struct {
	widget.BaseWidget
	d      *tagDialog
	i      int
	bg     *canvas.Rectangle
	swatch *canvas.Rectangle
	path   *widget.Label
	count  *widget.Label
}

func newTagMatchRow(d *tagDialog) *tagMatchRow {
	r := &tagMatchRow{d: d, bg: canvas.NewRectangle(color.Transparent), swatch: canvas.NewRectangle(color.Transparent),
		path: widget.NewLabel(""), count: widget.NewLabel("")}
	r.swatch.CornerRadius = 3
	r.path.Truncation = fyne.TextTruncateEllipsis
	r.count.Importance = widget.LowImportance
	r.ExtendBaseWidget(r)
	return r
}

func (r *tagMatchRow) set(i int, m *tagMatch, highlighted bool) {
	r.i = i
	if highlighted {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	} else {
		r.bg.FillColor = color.Transparent
	}
	r.bg.Refresh()
	if m.create {
		r.swatch.FillColor = color.Transparent
		r.swatch.StrokeColor = theme.Color(theme.ColorNamePlaceHolder)
		r.swatch.StrokeWidth = 1
		r.path.SetText("Create tag “" + m.path + "”")
		r.count.SetText("")
	} else {
		c, ok := rgbFromHex(m.color)
		if !ok {
			c = defaultTagColor(m.path)
		}
		r.swatch.FillColor = c
		r.swatch.StrokeWidth = 0
		r.path.SetText(m.path)
		r.count.SetText(strconv.Itoa(m.count))
	}
	r.swatch.Refresh()
}

// Tapped picks the tag.
func (r *tagMatchRow) Tapped(*fyne.PointEvent) { r.d.pick(r.i) }

func (r *tagMatchRow) CreateRenderer() fyne.WidgetRenderer { return &tagMatchRowRenderer{r} }

type tagMatchRowRenderer struct{ r *tagMatchRow }

func (rr *tagMatchRowRenderer) Layout(size fyne.Size) {
	r := rr.r
	pad := theme.Padding()
	r.bg.Resize(size)
	sw := theme.TextSize()
	r.swatch.Move(fyne.NewPos(pad*2, (size.Height-sw)/2))
	r.swatch.Resize(fyne.NewSize(sw, sw))
	cw := r.count.MinSize().Width
	r.count.Move(fyne.NewPos(size.Width-cw-pad*2, 0))
	r.count.Resize(fyne.NewSize(cw, size.Height))
	x := pad*3 + sw
	r.path.Move(fyne.NewPos(x, 0))
	r.path.Resize(fyne.NewSize(max(size.Width-x-cw-pad*2, 0), size.Height))
}

func (rr *tagMatchRowRenderer) MinSize() fyne.Size {
	m := rr.r.path.MinSize()
	return fyne.NewSize(120, m.Height)
}

func (rr *tagMatchRowRenderer) Refresh() { rr.Layout(rr.r.Size()) }

func (rr *tagMatchRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.bg, rr.r.swatch, rr.r.path, rr.r.count}
}

func (rr *tagMatchRowRenderer) Destroy() {}

// tagEntry is the dialog's tag field: Up and Down move through the
// matches, Enter picks (or saves, when nothing is typed), Escape cancels,
// Backspace on an empty field removes the last tag chosen.
type tagEntry struct {
	widget.Entry
	d *tagDialog
}

func newTagEntry(d *tagDialog) *tagEntry {
	e := &tagEntry{d: d}
	e.ExtendBaseWidget(e)
	return e
}

func (e *tagEntry) TypedKey(k *fyne.KeyEvent) {
	d := e.d
	switch k.Name {
	case fyne.KeyDown:
		d.move(1)
	case fyne.KeyUp:
		d.move(-1)
	case fyne.KeyPageDown:
		d.move(8)
	case fyne.KeyPageUp:
		d.move(-8)
	case fyne.KeyReturn, fyne.KeyEnter:
		if strings.TrimSpace(e.Text) == "" {
			d.saveNow()
		} else {
			d.pick(d.sel)
		}
	case fyne.KeyEscape:
		d.dlg.Hide()
	case fyne.KeyBackspace:
		if e.Text == "" && len(d.chosen) > 0 {
			d.unpick(d.chosen[len(d.chosen)-1])
			return
		}
		e.Entry.TypedKey(k)
	default:
		e.Entry.TypedKey(k)
	}
}

func (e *tagEntry) TypedShortcut(s fyne.Shortcut) {
	if isSaveShortcut(s) {
		e.d.saveNow()
		return
	}
	e.Entry.TypedShortcut(s)
}

// isSaveShortcut reports Ctrl+Enter (Cmd+Enter), which saves from any field.
func isSaveShortcut(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		c.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
}

// noteEntry is the dialog's note: Enter saves, Shift+Enter starts a new
// line, Escape cancels.
type noteEntry struct {
	widget.Entry
	d     *tagDialog
	shift bool
}

func newNoteEntry(d *tagDialog) *noteEntry {
	e := &noteEntry{d: d}
	e.MultiLine = true
	e.ExtendBaseWidget(e)
	return e
}

func (e *noteEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

func (e *noteEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

func (e *noteEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.shift || shiftHeld() {
			e.Entry.TypedKey(k)
			return
		}
		e.d.saveNow()
	case fyne.KeyEscape:
		e.d.dlg.Hide()
	default:
		e.Entry.TypedKey(k)
	}
}

func (e *noteEntry) TypedShortcut(s fyne.Shortcut) {
	if isSaveShortcut(s) {
		e.d.saveNow()
		return
	}
	e.Entry.TypedShortcut(s)
}

// shiftHeld reports whether the desktop driver says Shift is down.
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

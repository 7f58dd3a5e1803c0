package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The sidebar's tag menu: rename (or move), merge, colour, describe and
// delete a tag, as dossier tag does.

func (w *Window) tagMenu(path string) []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Rename or Move…", func() { w.RenameTag(path) }),
		fyne.NewMenuItem("Merge Into…", func() { w.MergeTag(path, "") }),
		fyne.NewMenuItem("Colour…", func() { w.ColorTag(path) }),
		fyne.NewMenuItem("Describe…", func() { w.DescribeTag(path) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete…", func() { w.DeleteTag(path) }),
	}
}

// tagCount is what the sidebar knows of a tag (zero when nothing).
func (w *Window) tagCount(path string) TagCount {
	for _, t := range w.tags {
		if dossier.TagEqual(t.Path, path) {
			return t
		}
	}
	return TagCount{Tag: dossier.Tag{Path: path}}
}

// tagDone reads the views again after a tag changed everywhere; a filter
// that named the old tag names the new one.
func (w *Window) tagDone(status, from, to string) {
	w.status.SetText(status)
	if state := w.sidebar.state("tag", from); state != 0 {
		q, _ := w.query.Without("tag", from)
		var err error
		switch {
		case to != "" && state == 1:
			q, err = q.And("tag", to)
		case to != "":
			q, err = q.AndNot("tag", to)
		}
		if err == nil {
			w.SetQuery(q) // reads the list again
		}
	}
	w.refreshAfterChange(true)
}

// RenameTag asks for a tag's new path: a new name, or a new place in the
// tree (actor/russia to actor/state/russia). A path that is already a tag
// is refused, with Merge offered instead.
func (w *Window) RenameTag(path string) {
	var d *opDialog
	entry := newKeyEntry(path, "actor/russia")
	tc := w.tagCount(path)
	what := "No passage has it yet."
	if tc.Total > 0 {
		what = fmt.Sprintf("It and the tags under it are on %s.", countNoun(tc.Total, "item"))
	}
	content := container.NewVBox(
		wrapped("A new name, or a new place: a / puts it under another tag. "+what),
		widget.NewForm(widget.NewFormItem("New path", entry)),
	)
	d = w.newOpDialog("Rename or move "+path, "Rename", false, content, func() {
		to := strings.TrimSpace(entry.Text)
		if to == "" || to == path {
			d.cancel()
			return
		}
		d.run(func(nb Notebook) error { return nb.RenameTag(path, to) }, func(err error) bool {
			if dossier.ErrorCode(err) != dossier.ECONFLICT {
				return false
			}
			d.fail(fmt.Sprintf("Tag %s exists. Merge %s into it instead? Everything tagged %s then carries %s.", to, path, path, to),
				"Merge Into "+to, func() {
					d.cancel()
					w.mergeTag(path, to)
				})
			return true
		}, func() {
			w.tagDone(fmt.Sprintf("Renamed %s to %s (Ctrl+Z undoes)", path, to), path, to)
		})
	})
	d.entryFor(entry)
	d.show(fyne.NewSize(500, 160), entry)
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// MergeTag asks which tag to merge path into (into, when given, is
// proposed), listing the tags by how well they match what is typed.
func (w *Window) MergeTag(path, into string) {
	var d *opDialog
	entry := newKeyEntry(into, "Type to find the tag to merge into")
	var matches []string
	sel := 0
	var list *widget.List
	list = widget.NewList(
		func() int { return len(matches) },
		func() fyne.CanvasObject { return newSideRow(true) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := o.(*sideRow)
			tc := w.tagCount(matches[i])
			state := 0
			if i == sel && sel >= 0 {
				state = 1
			}
			r.set(matches[i], w.colors.of(matches[i]), tc.Total, state)
			r.onTap = func() { sel = i; list.Refresh() }
		},
	)
	filter := func() {
		q := foldTag(strings.TrimSpace(entry.Text))
		matches = matches[:0]
		type scored struct {
			path  string
			score int
		}
		var all []scored
		for _, t := range w.tags {
			if dossier.TagEqual(t.Path, path) || strings.HasPrefix(strings.ToLower(t.Path), strings.ToLower(path)+"/") {
				continue // not into itself, nor under itself
			}
			if s, ok := tagScore(q, foldTag(t.Path)); ok {
				all = append(all, scored{t.Path, s})
			}
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
		for _, s := range all {
			matches = append(matches, s.path)
		}
		// Nothing is chosen until something is typed or picked: Enter
		// on the dialog as it opens merges nowhere.
		sel = -1
		if len(q) > 0 && len(matches) > 0 {
			sel = 0
		}
		list.Refresh()
	}
	entry.OnChanged = func(string) { filter() }
	filter()
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(400, 180))
	tc := w.tagCount(path)
	head := wrapped(fmt.Sprintf("Everything tagged %s (%s) will carry the tag you choose, and %s goes. Its sub-tags move under the new tag.", path, countNoun(tc.Total, "item"), path))
	content := container.NewBorder(container.NewVBox(head, entry), dim("Up and Down choose; Enter merges; Escape cancels"), nil, nil, container.NewStack(space, list))
	d = w.newOpDialog("Merge "+path+" into…", "Merge", false, content, func() {
		into := strings.TrimSpace(entry.Text) // a tag that is not there yet
		if sel >= 0 && sel < len(matches) {
			into = matches[sel]
		}
		if into == "" {
			d.fail("Type or choose the tag to merge into.", "", nil)
			return
		}
		d.run(func(nb Notebook) error { return nb.MergeTag(path, into) }, nil, func() {
			w.tagDone(fmt.Sprintf("Merged %s into %s (Ctrl+Z undoes)", path, into), path, into)
		})
	})
	d.entryFor(entry)
	move := func(n int) {
		if len(matches) == 0 {
			return
		}
		sel = min(max(sel+n, 0), len(matches)-1)
		d.problem.Hide()
		list.Refresh()
		list.ScrollTo(sel)
	}
	entry.onMove = move
	d.show(fyne.NewSize(480, 420), entry)
}

// mergeTag merges at once, from the rename dialog's offer.
func (w *Window) mergeTag(from, into string) {
	w.background(func(nb Notebook) func() {
		err := nb.MergeTag(from, into)
		return func() {
			if err != nil {
				w.showError("Cannot merge the tags", err)
				return
			}
			w.tagDone(fmt.Sprintf("Merged %s into %s (Ctrl+Z undoes)", from, into), from, into)
		}
	})
}

// ColorTag offers the palette's colours, and any other as #rrggbb.
func (w *Window) ColorTag(path string) {
	var d *opDialog
	current := w.colors.of(path)
	entry := newKeyEntry(current, "#4E79A7")
	preview := canvas.NewRectangle(hexColor(current))
	preview.CornerRadius = 4
	preview.SetMinSize(fyne.NewSize(64, 28))
	var swatches []*swatch
	pick := func(hex string) {
		for _, s := range swatches {
			s.setChosen(strings.EqualFold(s.hex, hex))
		}
		if c, err := dossier.NormalizeColor(hex); err == nil {
			preview.FillColor = hexColor(c)
			preview.Refresh()
		}
	}
	grid := container.NewGridWithColumns(6)
	for _, hex := range dossier.Palette {
		s := newSwatch(hex, func(h string) {
			entry.SetText(h)
			w.Win.Canvas().Focus(entry) // Enter saves the colour clicked
		})
		swatches = append(swatches, s)
		grid.Add(s)
	}
	entry.OnChanged = pick
	pick(current)
	content := container.NewVBox(
		wrapped("Its highlights, chips and sidebar mark take this colour."),
		grid,
		widget.NewForm(widget.NewFormItem("Colour", container.NewBorder(nil, nil, nil, preview, entry))),
	)
	d = w.newOpDialog("Colour of "+path, "Save", false, content, func() {
		c := strings.TrimSpace(entry.Text)
		d.run(func(nb Notebook) error { return nb.SetTagColor(path, c) }, nil, func() {
			w.status.SetText(fmt.Sprintf("%s is %s now (Ctrl+Z undoes)", path, strings.ToUpper(c)))
			w.refreshAfterChange(false)
		})
	})
	d.entryFor(entry)
	d.show(fyne.NewSize(440, 200), entry)
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// swatch is one colour of the palette to click.
type swatch struct {
	widget.BaseWidget
	hex    string
	rect   *canvas.Rectangle
	onTap  func(hex string)
	chosen bool
}

func newSwatch(hex string, onTap func(string)) *swatch {
	s := &swatch{hex: hex, onTap: onTap, rect: canvas.NewRectangle(hexColor(hex))}
	s.rect.CornerRadius = 4
	s.rect.StrokeWidth = 0
	s.ExtendBaseWidget(s)
	return s
}

func (s *swatch) setChosen(b bool) {
	s.chosen = b
	s.rect.StrokeWidth = 0
	if b {
		s.rect.StrokeWidth = 3
		s.rect.StrokeColor = theme.Color(theme.ColorNameForeground)
	}
	s.rect.Refresh()
}

func (s *swatch) Tapped(*fyne.PointEvent) { s.onTap(s.hex) }

func (s *swatch) MinSize() fyne.Size { return fyne.NewSize(48, 32) }

func (s *swatch) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.rect) }

// DescribeTag asks for a tag's description: what it means, for whoever
// codes with it.
func (w *Window) DescribeTag(path string) {
	var d *opDialog
	entry := newKeyEntry(w.tagCount(path).Description, "What the tag marks, for whoever codes with it")
	content := container.NewVBox(
		wrapped("The description goes into the REFI-QDA and Markdown exports as the code's memo."),
		entry,
	)
	d = w.newOpDialog("Describe "+path, "Save", false, content, func() {
		text := strings.TrimSpace(entry.Text)
		d.run(func(nb Notebook) error { return nb.DescribeTag(path, text) }, nil, func() {
			w.status.SetText("Described " + path + " (Ctrl+Z undoes)")
			w.loadTags()
		})
	})
	d.entryFor(entry)
	d.show(fyne.NewSize(560, 160), entry)
}

// DeleteTag deletes a tag and those under it. One in use asks first, and
// says what uses it: what used it stays, without it.
func (w *Window) DeleteTag(path string) {
	w.background(func(nb Notebook) func() {
		ps, others, err := nb.TagUsage(path)
		return func() {
			if err != nil {
				w.showError("Cannot delete the tag", err)
				return
			}
			if ps+others == 0 {
				w.change("Cannot delete the tag", func(nb Notebook) error { return nb.DeleteTag(path, false) },
					"Deleted the tag "+path+" (Ctrl+Z brings it back)", true, nil)
				return
			}
			w.confirmDeleteTag(path, ps, others)
		}
	})
}

func (w *Window) confirmDeleteTag(path string, ps, others int) {
	used := countNoun(ps, "passage")
	if others > 0 {
		used += " and " + countNoun(others, "article or quote")
	}
	if ps == 0 {
		used = countNoun(others, "article or quote")
	}
	what := wrapped(fmt.Sprintf("%s and the tags under it are on %s. They stay, without the tag; a passage with no other tag and no note stays too.", path, used))
	what.TextStyle = fyne.TextStyle{Bold: true}
	var d *opDialog
	d = w.newOpDialog("Delete tag "+path+"?", "Delete", true,
		container.NewVBox(what, dim("Ctrl+Z brings it back. Enter deletes, Escape keeps it.")), func() {
			d.run(func(nb Notebook) error { return nb.DeleteTag(path, true) }, nil, func() {
				w.tagDone("Deleted the tag "+path+" from "+used+" (Ctrl+Z brings it back)", path, "")
			})
		})
	d.show(fyne.NewSize(480, 160), nil)
}

// countNoun writes n with its noun: 1 passage, 3 passages.
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "article or quote") {
		return groupDigits(n) + " articles or quotes"
	}
	return groupDigits(n) + " " + noun + "s"
}

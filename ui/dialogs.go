package ui

import (
	"fmt"
	"image/color"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// What the CLI can do to a notebook, the window does too: the menus of the
// sidebar's tags, of the list's articles and of the reader's quotations and
// selection, and the menu bar's items, open the dialogs of dialogs*.go.
// Every change is one step of the notebook's undo; once done, the views it
// touched are read again.

// opsState is what the window keeps for these operations.
type opsState struct {
	extracting bool           // Find quotes again is running
	last       *opDialog      // the dialog opened last, for tests
	aliases    *aliasDialog   // the alias table, while open
	history    *historyDialog // the history, while open
	// labelDialog asks for the tags of an article or a quote:
	// showLabelDialog's own, or a test's stand-in.
	labelDialog func(title string, current []string, onSave func(tags []string))
}

// hookOperations gives the sidebar, the list and the reader their menus.
func (w *Window) hookOperations() {
	w.sidebar.TagMenu = w.tagMenu
	w.list.MenuItems = w.articleMenu
	w.reader.ExtraMenuItems = w.readerMenu
}

// opDialog is a dialog of one operation: its fields, a line that says why
// the notebook refused it (with a button that offers the way out, like
// "Merge instead"), and Cancel and a confirming button. Enter in a field
// confirms; Escape cancels.
type opDialog struct {
	w       *Window
	dlg     *dialog.CustomDialog
	problem *widget.Label
	fix     *widget.Button
	extra   *fyne.Container // problem and fix, shown on a refusal
	content fyne.CanvasObject
	size    fyne.Size // asked for; the dialog is at least as big as its content
	ok      *widget.Button
	keys    *dialogKeys
	submit  func()
	busy    bool
}

// newOpDialog builds (and does not show) a dialog titled title around
// content; confirm names its button (danger makes it red), submit runs on
// it and on Enter.
func (w *Window) newOpDialog(title, confirm string, danger bool, content fyne.CanvasObject, submit func()) *opDialog {
	d := &opDialog{w: w, submit: submit}
	d.problem = widget.NewLabel("")
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
	d.fix = widget.NewButton("", nil)
	d.fix.Hide()
	d.keys = newDialogKeys(d.confirm, d.cancel)
	d.extra = container.NewVBox(d.problem, container.NewHBox(d.fix))
	d.extra.Hide()
	body := container.NewBorder(nil, d.extra, nil, nil, content)
	d.content = container.NewStack(d.keys, body)
	d.dlg = dialog.NewCustomWithoutButtons(title, d.content, w.Win)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.cancel)
	d.ok = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), d.confirm)
	d.ok.Importance = widget.HighImportance
	if danger {
		d.ok.Icon = theme.DeleteIcon()
		d.ok.Importance = widget.DangerImportance
	}
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.ok})
	w.ops.last = d
	return d
}

// show shows the dialog and puts the keyboard in focus (nil: the dialog's
// own keys, Enter and Escape).
func (d *opDialog) show(size fyne.Size, focus fyne.Focusable) {
	d.size = size
	prewrap(d.content, dialogTextWidth(size))
	d.dlg.Resize(size)
	d.dlg.Show()
	if focus == nil {
		focus = d.keys
	}
	d.w.Win.Canvas().Focus(focus)
}

func (d *opDialog) confirm() {
	if !d.busy && !d.ok.Disabled() {
		d.submit()
	}
}

func (d *opDialog) cancel() { d.dlg.Hide() }

// fail shows why the operation was refused, and a button that offers
// another way (none when fixLabel is "").
func (d *opDialog) fail(msg, fixLabel string, fix func()) {
	d.problem.SetText(msg)
	d.problem.Show()
	d.fix.Hide()
	if fixLabel != "" {
		d.fix.SetText(fixLabel)
		d.fix.OnTapped = fix
		d.fix.Show()
	}
	d.extra.Show()
	d.extra.Refresh()
	prewrap(d.extra, dialogTextWidth(d.size))
	d.dlg.Resize(d.size) // grown to hold the new lines, when they need it
}

// run does op in the background; when the notebook refuses it, the dialog
// stays open and says why (refused may offer a way out), otherwise it
// closes and done runs.
func (d *opDialog) run(op func(nb Notebook) error, refused func(err error) bool, done func()) {
	d.busy = true
	d.ok.Disable()
	d.w.background(func(nb Notebook) func() {
		err := op(nb)
		return func() {
			d.busy = false
			d.ok.Enable()
			if err != nil {
				if refused == nil || !refused(err) {
					d.fail(dossier.ErrorMessage(err), "", nil)
				}
				return
			}
			d.dlg.Hide()
			done()
		}
	})
}

// keyEntry is a one-line field of a dialog: Enter confirms (OnSubmitted),
// Escape cancels.
type keyEntry struct {
	widget.Entry
	onEscape func()
	// onMove, when set, takes Up, Down, Page Up and Page Down (-1, 1, -8,
	// 8): the entry picks from a list below it.
	onMove func(n int)
}

func newKeyEntry(text, placeholder string) *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}

func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	if n, ok := moveKeys[k.Name]; ok && e.onMove != nil {
		e.onMove(n)
		return
	}
	e.Entry.TypedKey(k)
}

// entryFor wires a field to a dialog: Enter confirms, Escape cancels.
func (d *opDialog) entryFor(e *keyEntry) *keyEntry {
	e.OnSubmitted = func(string) { d.confirm() }
	e.onEscape = d.cancel
	return e
}

// dialogKeys takes the keyboard in a dialog without fields: Enter
// confirms, Escape cancels. It draws nothing.
type dialogKeys struct {
	widget.BaseWidget
	enter, escape func()
	// move, when set, takes Up, Down, Page Up and Page Down (-1, 1, -8, 8).
	move func(n int)
}

func newDialogKeys(enter, escape func()) *dialogKeys {
	k := &dialogKeys{enter: enter, escape: escape}
	k.ExtendBaseWidget(k)
	return k
}

func (k *dialogKeys) FocusGained()       {}
func (k *dialogKeys) FocusLost()         {}
func (k *dialogKeys) TypedRune(rune)     {}
func (k *dialogKeys) MinSize() fyne.Size { return fyne.Size{} }

func (k *dialogKeys) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		k.enter()
	case fyne.KeyEscape:
		k.escape()
	default:
		if n, ok := moveKeys[ev.Name]; ok && k.move != nil {
			k.move(n)
		}
	}
}

// moveKeys are the keys that move through a list, by how far.
var moveKeys = map[fyne.KeyName]int{fyne.KeyUp: -1, fyne.KeyDown: 1, fyne.KeyPageUp: -8, fyne.KeyPageDown: 8}

func (k *dialogKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// prewrap gives the wrapping labels of a dialog the width they will have,
// before it is shown: measured unlaid, they wrap at every word, and the
// dialog would keep the height that asks for.
func prewrap(content fyne.CanvasObject, width float32) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Wrapping != fyne.TextWrapOff {
				x.Resize(fyne.NewSize(width, x.MinSize().Height))
			}
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		}
	}
	walk(content)
}

// dialogTextWidth is about how wide a dialog of that size lays its text.
func dialogTextWidth(size fyne.Size) float32 {
	return size.Width - 4*theme.Padding() - 2*theme.InnerPadding()
}

// wrapped is a label that wraps, for a dialog's explanation.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// dim is a smaller line in italics: a hint, as the sidebar's.
func dim(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle = fyne.TextStyle{Italic: true}
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// change runs op (one step of undo) in the background and, when it is
// done, says so in the status bar and reads the views again (all: every
// article's chips and the facets too), then runs after (when not nil); a
// refusal goes in the status bar.
func (w *Window) change(what string, op func(nb Notebook) error, done string, all bool, after func()) {
	w.background(func(nb Notebook) func() {
		err := op(nb)
		return func() {
			if err != nil {
				w.showError(what, err)
				return
			}
			w.status.SetText(done)
			w.refreshAfterChange(all)
			if after != nil {
				after()
			}
		}
	})
}

// Articles: the list's menu, and the same for the article in the reader.

func (w *Window) articleMenu(m dossier.ArticleMeta) []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Open", func() { w.OpenArticle(m.ID, nil) }),
		fyne.NewMenuItemSeparator(),
		// No shortcuts shown here: theirs act on the article in the reader.
		fyne.NewMenuItem("Tag Article…", func() { w.TagArticle(m.ID) }),
		fyne.NewMenuItem("Delete Article…", func() { w.DeleteArticle(m) }),
	}
}

// currentMeta is the record of the article in the reader.
func (w *Window) currentMeta() (dossier.ArticleMeta, bool) {
	if w.current == nil {
		w.status.SetText("Open an article first.")
		return dossier.ArticleMeta{}, false
	}
	return w.current.Meta(), true
}

// TagArticle asks for the tags of a whole article (Ctrl+Shift+T on the one
// in the reader).
func (w *Window) TagArticle(id dossier.ArticleID) {
	w.background(func(nb Notebook) func() {
		have, err := nb.ArticleTags(id)
		return func() {
			if err != nil {
				w.showError("Cannot read the article's tags", err)
				return
			}
			title := "Tag article"
			if m := w.all[id]; m != nil && m.Title != "" {
				title = "Tag article: " + clip(m.Title, 48)
			}
			w.showLabelDialog(title, "article", "Tags of the whole article, apart from its passages'.", have, func(tags []string) {
				w.change("Cannot tag the article", func(nb Notebook) error { return nb.SetArticleTags(id, tags) },
					articleTagsDone(tags), true, nil)
			})
		}
	})
}

func articleTagsDone(tags []string) string {
	if len(tags) == 0 {
		return "The article has no tags of its own now (Ctrl+Z brings them back)"
	}
	return "Article tagged " + strings.Join(tags, ", ")
}

// DeleteArticle asks, then deletes an article with its passages and
// quotes; Ctrl+Z brings it back.
func (w *Window) DeleteArticle(m dossier.ArticleMeta) {
	title := m.Title
	if title == "" {
		title = "(untitled)"
	}
	what := wrapped(fmt.Sprintf("“%s” goes from the notebook with its passages, notes, quotes and figures.", clip(title, 120)))
	what.TextStyle = fyne.TextStyle{Bold: true}
	content := container.NewVBox(what, dim("Edit ▸ Undo (Ctrl+Z) brings it back. Enter deletes, Escape keeps it."))
	var d *opDialog
	d = w.newOpDialog("Delete article?", "Delete", true, content, func() {
		d.run(func(nb Notebook) error { return nb.DeleteArticle(m.ID) }, nil, func() {
			w.status.SetText("Deleted “" + clip(title, 60) + "” (Ctrl+Z brings it back)")
			next := dossier.ArticleID(0)
			if w.current != nil && w.current.ID == m.ID {
				next = w.neighbour(m.ID)
			}
			w.refreshAfterChange(true)
			if next != 0 {
				w.OpenArticle(next, nil) // after the reload, which it overtakes
			}
		})
	})
	d.show(fyne.NewSize(480, 160), nil)
}

// neighbour is the article listed after id (or before it, at the end):
// the one to read when id goes. 0 when there is none.
func (w *Window) neighbour(id dossier.ArticleID) dossier.ArticleID {
	ms := w.list.Articles()
	i := w.list.IndexOf(id)
	switch {
	case i >= 0 && i+1 < len(ms):
		return ms[i+1].ID
	case i > 0:
		return ms[i-1].ID
	}
	return 0
}

// showLabelDialog asks for the tags of a whole article or a quote with the
// tag dialog's picker (no note): noun names what is tagged, current are the
// tags it has; saving none removes them.
func (w *Window) showLabelDialog(title, noun, hint string, current []string, onSave func(tags []string)) {
	if w.ops.labelDialog != nil {
		w.ops.labelDialog(title, current, onSave)
		return
	}
	d := &tagDialog{all: w.tags, chosen: append([]string(nil), current...), win: w.Win, onDelete: func() {}, noun: noun}
	d.onSave = func(tags []string, _ string) { onSave(tags) }
	d.entry = newTagEntry(d)
	d.entry.SetPlaceHolder("Type to find a tag, or a new one (actor/russia)")
	d.entry.OnChanged = func(string) { d.filter() }
	d.note = newNoteEntry(d) // never shown: an article's tags have no note
	d.buildPicker()
	top := container.NewVBox(wrapped(hint), d.chips, d.entry, d.problem)
	bottom := dim("Enter picks a tag; Enter on an empty line saves; Backspace drops the last tag; Escape cancels")
	content := container.NewBorder(top, bottom, nil, nil, d.listBox())
	prewrap(content, dialogTextWidth(fyne.NewSize(480, 0)))
	d.dlg = dialog.NewCustomWithoutButtons(title, content, w.Win)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.dlg.Hide)
	d.save = widget.NewButtonWithIcon("Save", theme.ConfirmIcon(), d.saveNow)
	d.save.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.save})
	d.dlg.Resize(fyne.NewSize(480, 440))
	d.dlg.Show()
	w.Win.Canvas().Focus(d.entry)
}

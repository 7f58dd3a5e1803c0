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

// aliasDialog is Edit ▸ Speaker Spellings: the alias table, each spelling
// with the name it stands for, built-in ones marked; a spelling added on
// top, one removed with its row's button; a field that finds rows.
type aliasDialog struct {
	w       *Window
	dlg     *dialog.CustomDialog
	all     []Alias
	shown   []Alias
	find    *keyEntry
	alias   *keyEntry
	name    *keyEntry
	list    *widget.List
	problem *widget.Label
	count   *widget.Label
}

// ShowAliases opens the alias table.
func (w *Window) ShowAliases() {
	a := &aliasDialog{w: w}
	w.ops.aliases = a
	a.alias = newKeyEntry("", "Spelling: Zelensky")
	a.name = newKeyEntry("", "Stands for: Volodymyr Zelenskyy")
	a.find = newKeyEntry("", "Find a spelling or a name")
	a.find.OnChanged = func(string) { a.filter() }
	for _, e := range []*keyEntry{a.alias, a.name, a.find} {
		e.onEscape = func() { a.dlg.Hide() }
	}
	a.alias.OnSubmitted = func(string) { a.w.Win.Canvas().Focus(a.name) }
	a.name.OnSubmitted = func(string) { a.add() }
	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), a.add)
	add.Importance = widget.HighImportance
	a.problem = widget.NewLabel("")
	a.problem.Importance = widget.DangerImportance
	a.problem.Wrapping = fyne.TextWrapWord
	a.problem.Hide()
	a.count = dim("")
	a.list = widget.NewList(
		func() int { return len(a.shown) },
		func() fyne.CanvasObject { return newAliasRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(a.shown) {
				al := a.shown[i]
				o.(*aliasRow).set(al, func() { a.remove(al) })
			}
		},
	)
	head := container.NewVBox(
		wrapped("Spellings of a name that are one speaker: quotes by “Zelensky” count as Volodymyr Zelenskyy's. The sidebar and the listings merge through them at once; Tools ▸ Find Quotes Again resolves the quotes' names anew."),
		container.NewBorder(nil, nil, nil, add, container.NewGridWithColumns(2, a.alias, a.name)),
		a.problem,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), a.count, a.find),
		aliasHeader(),
	)
	content := container.NewBorder(head, dim("Enter in Stands for adds · Escape closes"), nil, nil, a.list)
	prewrap(content, dialogTextWidth(fyne.NewSize(760, 0)))
	a.dlg = dialog.NewCustomWithoutButtons("Speaker spellings", content, w.Win)
	closeBtn := widget.NewButtonWithIcon("Close", theme.CancelIcon(), a.dlg.Hide)
	a.dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	a.dlg.SetOnClosed(func() {
		if w.ops.aliases == a {
			w.ops.aliases = nil
		}
	})
	a.dlg.Resize(fyne.NewSize(760, 600))
	a.dlg.Show()
	w.Win.Canvas().Focus(a.alias)
	a.load("")
}

// load reads the table; focus, when given, is an alias to scroll to.
func (a *aliasDialog) load(focus string) {
	a.w.background(func(nb Notebook) func() {
		all, err := nb.Aliases()
		return func() {
			if err != nil {
				a.fail(err)
				return
			}
			a.all = all
			a.filter()
			for i, al := range a.shown {
				if al.Alias == focus {
					a.list.ScrollTo(i)
					a.list.Select(i)
				}
			}
		}
	})
}

func (a *aliasDialog) fail(err error) {
	a.problem.SetText(dossier.ErrorMessage(err))
	a.problem.Show()
}

// filter shows the rows whose spelling or name holds what Find says.
func (a *aliasDialog) filter() {
	q := strings.ToLower(strings.TrimSpace(a.find.Text))
	a.shown = a.shown[:0]
	for _, al := range a.all {
		if q == "" || strings.Contains(al.Alias, q) || strings.Contains(strings.ToLower(al.Name), q) {
			a.shown = append(a.shown, al)
		}
	}
	a.count.SetText(fmt.Sprintf("%s of %s", groupDigits(len(a.shown)), groupDigits(len(a.all))))
	a.list.UnselectAll()
	a.list.Refresh()
}

// add makes the typed spelling one of the typed name.
func (a *aliasDialog) add() {
	alias, name := strings.TrimSpace(a.alias.Text), strings.TrimSpace(a.name.Text)
	if alias == "" || name == "" {
		a.fail(dossier.Errorf(dossier.EINVALID, "Type a spelling and the name it stands for."))
		return
	}
	a.problem.Hide()
	a.w.background(func(nb Notebook) func() {
		err := nb.SetAlias(alias, name)
		return func() {
			if err != nil {
				a.fail(err)
				return
			}
			a.alias.SetText("")
			a.name.SetText("")
			a.find.SetText("")
			a.w.Win.Canvas().Focus(a.alias)
			a.w.status.SetText(fmt.Sprintf("%s is a spelling of %s now (Ctrl+Z undoes)", alias, name))
			a.load(strings.ToLower(strings.Join(strings.Fields(alias), " ")))
			a.w.loadFacets()
		}
	})
}

// remove forgets a spelling, a built-in one too.
func (a *aliasDialog) remove(al Alias) {
	a.problem.Hide()
	a.w.background(func(nb Notebook) func() {
		err := nb.RemoveAlias(al.Alias)
		return func() {
			if err != nil {
				a.fail(err)
				return
			}
			a.w.status.SetText(fmt.Sprintf("%s is no longer a spelling of %s (Ctrl+Z undoes)", al.Alias, al.Name))
			a.load("")
			a.w.loadFacets()
		}
	})
}

// aliasHeader names the table's columns, aligned with aliasRow's.
func aliasHeader() fyne.CanvasObject {
	h := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.TextStyle = fyne.TextStyle{Bold: true}
		return l
	}
	button := canvas.NewRectangle(color.Transparent)
	button.SetMinSize(widget.NewButtonWithIcon("", theme.DeleteIcon(), nil).MinSize())
	return container.NewBorder(nil, nil, nil, container.NewHBox(fixedWidth(widget.NewLabel(""), sourceWidth), button),
		container.NewGridWithColumns(2, h("Spelling"), h("Stands for")))
}

// sourceWidth is the width of the column that marks built-in spellings.
const sourceWidth = 72

// fixedWidth gives o at least width w.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(space, o)
}

// aliasRow is one spelling in the table.
type aliasRow struct {
	widget.BaseWidget
	alias, name, source *widget.Label
	remove              *widget.Button
	box                 fyne.CanvasObject
}

func newAliasRow() *aliasRow {
	r := &aliasRow{alias: widget.NewLabel(""), name: widget.NewLabel(""), source: widget.NewLabel("")}
	r.alias.Truncation = fyne.TextTruncateEllipsis
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.source.SizeName = theme.SizeNameCaptionText
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	r.remove.Importance = widget.LowImportance
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(fixedWidth(r.source, sourceWidth), r.remove), container.NewGridWithColumns(2, r.alias, r.name))
	r.ExtendBaseWidget(r)
	return r
}

func (r *aliasRow) set(al Alias, remove func()) {
	r.alias.SetText(al.Alias)
	r.name.SetText(al.Name)
	r.source.TextStyle = fyne.TextStyle{Italic: al.BuiltIn, Bold: !al.BuiltIn}
	if al.BuiltIn {
		r.source.SetText("built-in")
	} else {
		r.source.SetText("yours")
	}
	r.remove.OnTapped = remove
}

func (r *aliasRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

package ui

import (
	"fmt"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// historyDialog is Edit ▸ History: the steps of undo, newest first, the
// undone ones dimmed. Choosing a step done undoes it and every step after
// it; choosing one undone redoes it and every undone step before it.
type historyDialog struct {
	w    *Window
	dlg  *dialog.CustomDialog
	rows []historyRow
	sel  int
	list *widget.List
	go_  *widget.Button
	note *widget.Label
	keys *dialogKeys
	busy bool
}

// historyRow is one step, or a run of steps one action made (an import's
// batches, which undo together).
type historyRow struct {
	newest, oldest Step
	n              int
}

// historyMax is how many steps the dialog lists.
const historyMax = 500

// ShowHistory opens the history.
func (w *Window) ShowHistory() {
	h := &historyDialog{w: w, sel: -1}
	w.ops.history = h
	h.note = dim("")
	h.list = widget.NewList(
		func() int { return len(h.rows) },
		func() fyne.CanvasObject { return newHistoryRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(h.rows) {
				o.(*historyRowView).set(&h.rows[i], i == h.firstDone())
			}
		},
	)
	h.list.OnSelected = func(i widget.ListItemID) { h.sel = i; h.update() }
	h.go_ = widget.NewButtonWithIcon("Undo to Here", theme.ContentUndoIcon(), h.goTo)
	h.go_.Importance = widget.HighImportance
	h.go_.Disable()
	h.keys = newDialogKeys(h.goTo, func() { h.dlg.Hide() })
	h.keys.move = func(n int) {
		if len(h.rows) == 0 {
			return
		}
		i := min(max(h.sel+n, 0), len(h.rows)-1)
		h.list.Select(i)
		h.list.ScrollTo(i)
	}
	head := wrapped("Newest first; dimmed steps are undone (Redo does them again). Choose a step: one done is undone with every step after it; one undone is redone with every undone step before it.")
	body := container.NewBorder(head, container.NewVBox(h.note, dim("Up and Down choose · Enter goes there · Escape closes")), nil, nil, h.list)
	prewrap(body, dialogTextWidth(fyne.NewSize(680, 0)))
	h.dlg = dialog.NewCustomWithoutButtons("History", container.NewStack(h.keys, body), w.Win)
	closeBtn := widget.NewButtonWithIcon("Close", theme.CancelIcon(), h.dlg.Hide)
	h.dlg.SetButtons([]fyne.CanvasObject{closeBtn, h.go_})
	h.dlg.SetOnClosed(func() {
		if w.ops.history == h {
			w.ops.history = nil
		}
	})
	h.dlg.Resize(fyne.NewSize(680, 560))
	h.dlg.Show()
	w.Win.Canvas().Focus(h.keys)
	h.load()
}

// load reads the steps.
func (h *historyDialog) load() {
	h.w.background(func(nb Notebook) func() {
		steps, err := nb.Steps(historyMax)
		return func() {
			if err != nil {
				h.note.SetText(dossier.ErrorMessage(err))
				return
			}
			h.rows = groupSteps(steps)
			h.sel = -1
			h.list.UnselectAll()
			h.list.Refresh()
			if len(h.rows) == 0 {
				h.note.SetText("No changes yet: tagging, notes, imports and every other change are listed here.")
			}
			h.update()
		}
	})
}

// groupSteps puts together the steps in a row that one action made: same
// kind, summary and state.
func groupSteps(steps []Step) []historyRow {
	var rows []historyRow
	for _, s := range steps {
		if n := len(rows); n > 0 {
			r := &rows[n-1]
			if r.oldest.Kind == s.Kind && r.oldest.Summary == s.Summary && r.oldest.Undone == s.Undone && (s.Kind == "import" || s.Kind == "extract") {
				r.oldest = s
				r.n++
				continue
			}
		}
		rows = append(rows, historyRow{newest: s, oldest: s, n: 1})
	}
	return rows
}

// firstDone is the row of the newest step done: where the notebook is.
func (h *historyDialog) firstDone() int {
	for i := range h.rows {
		if !h.rows[i].newest.Undone {
			return i
		}
	}
	return -1
}

// update says what the button will do.
func (h *historyDialog) update() {
	if h.sel < 0 || h.sel >= len(h.rows) || h.busy {
		h.go_.Disable()
		return
	}
	r := h.rows[h.sel]
	if r.newest.Undone {
		n := 0
		for i := h.sel; i < len(h.rows) && h.rows[i].newest.Undone; i++ {
			n++
		}
		h.go_.SetText(fmt.Sprintf("Redo %s", stepsWord(n)))
		h.go_.SetIcon(theme.ContentRedoIcon())
	} else {
		n := h.sel + 1 - max(h.firstDone(), 0)
		h.go_.SetText(fmt.Sprintf("Undo %s", stepsWord(n)))
		h.go_.SetIcon(theme.ContentUndoIcon())
	}
	h.go_.Enable()
}

func stepsWord(n int) string {
	if n == 1 {
		return "This Step"
	}
	return fmt.Sprintf("%d Steps", n)
}

// goTo undoes or redoes to the chosen step.
func (h *historyDialog) goTo() {
	if h.busy || h.sel < 0 || h.sel >= len(h.rows) {
		return
	}
	r := h.rows[h.sel]
	seq, undo := r.oldest.Seq, true
	if r.newest.Undone {
		seq, undo = r.newest.Seq, false
	}
	h.busy = true
	h.update()
	h.note.SetText("Working…")
	w := h.w
	w.background(func(nb Notebook) func() {
		n, err := nb.StepTo(seq, undo)
		return func() {
			h.busy = false
			if err != nil {
				h.note.SetText(dossier.ErrorMessage(err))
				w.showError("Cannot go there", err)
			} else {
				verb := "Undone"
				if !undo {
					verb = "Redone"
				}
				msg := fmt.Sprintf("%s %d step(s), back to after “%s”", verb, n, r.newest.Summary)
				if undo {
					msg = fmt.Sprintf("%s %d step(s), up to and with “%s”", verb, n, r.oldest.Summary)
				}
				h.note.SetText(msg)
				w.status.SetText(msg)
			}
			w.refreshAfterChange(true)
			h.load()
		}
	})
}

// historyRowView draws one row: when, what, and how it stands.
type historyRowView struct {
	widget.BaseWidget
	at, what, state *widget.Label
	box             fyne.CanvasObject
}

func newHistoryRow() *historyRowView {
	r := &historyRowView{at: widget.NewLabel(""), what: widget.NewLabel(""), state: widget.NewLabel("")}
	r.what.Truncation = fyne.TextTruncateEllipsis
	r.state.SizeName = theme.SizeNameCaptionText
	r.box = container.NewBorder(nil, nil, r.at, fixedWidth(r.state, 96), r.what)
	r.ExtendBaseWidget(r)
	return r
}

func (r *historyRowView) set(row *historyRow, current bool) {
	s := row.newest
	r.at.SetText(s.At.Local().Format("2006-01-02 15:04"))
	// The arrows of some summaries ("Alias x → y") are not in every font.
	what := strings.ReplaceAll(s.Summary, "→", "▸")
	if row.n > 1 {
		what = fmt.Sprintf("%s (%d parts)", what, row.n)
	}
	r.what.SetText(what)
	imp := widget.MediumImportance
	style := fyne.TextStyle{}
	state := ""
	switch {
	case s.Undone:
		imp, style, state = widget.LowImportance, fyne.TextStyle{Italic: true}, "undone"
	case current:
		style, state = fyne.TextStyle{Bold: true}, "now"
	}
	for _, l := range []*widget.Label{r.at, r.what, r.state} {
		l.Importance, l.TextStyle = imp, style
		l.Refresh()
	}
	r.state.SetText(state)
}

func (r *historyRowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

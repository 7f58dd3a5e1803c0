package ui

import (
	"errors"
	"fmt"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FilterBar shows the filter in the query language and lets the user edit
// it: Enter applies what is typed, a mistake is shown under the bar with its
// column, and the clear button drops the filter.
type FilterBar struct {
	widget.BaseWidget
	Entry *widget.Entry
	// OnChanged is called with a query the user typed and that parsed.
	OnChanged func(q *dossier.Query)

	problem *widget.Label
	clear   *widget.Button
	shown   string // the query's text as last set or applied
}

// NewFilterBar returns an empty filter bar.
func NewFilterBar() *FilterBar {
	f := &FilterBar{Entry: widget.NewEntry(), problem: widget.NewLabel("")}
	f.Entry.SetPlaceHolder(`No filter — type one and press Enter, e.g.  tag:actor/russia  speaker:"Ned Price"  date:2021-12..2022-02  troops`)
	f.Entry.OnSubmitted = func(string) { f.Apply() }
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	f.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
		f.Entry.SetText("")
		f.Apply()
	})
	f.ExtendBaseWidget(f)
	return f
}

// SetQuery shows q (nil: no filter) without calling OnChanged.
func (f *FilterBar) SetQuery(q *dossier.Query) {
	s := ""
	if q != nil {
		s = q.String()
	}
	f.shown = s
	f.Entry.SetText(s)
	f.showProblem("")
}

// Apply parses what is typed; a query that parses goes to OnChanged, a
// mistake is shown under the bar.
func (f *FilterBar) Apply() {
	q, err := dossier.ParseQuery(f.Entry.Text)
	if err != nil {
		f.showProblem(queryProblem(err))
		return
	}
	f.showProblem("")
	f.shown = q.String()
	if f.Entry.Text != f.shown {
		f.Entry.SetText(f.shown)
	}
	if f.OnChanged != nil {
		f.OnChanged(q)
	}
}

// Problem returns the mistake shown under the bar, or "".
func (f *FilterBar) Problem() string {
	if !f.problem.Visible() {
		return ""
	}
	return f.problem.Text
}

func (f *FilterBar) showProblem(msg string) {
	if msg == "" {
		f.problem.Hide()
	} else {
		f.problem.SetText(msg)
		f.problem.Show()
	}
	f.Refresh()
}

// queryProblem words a query mistake for the user: what is wrong, where
// (column), and what would be right.
func queryProblem(err error) string {
	var qe *dossier.QueryError
	if errors.As(err, &qe) {
		s := fmt.Sprintf("Column %d: %s", qe.Pos+1, qe.Msg)
		if qe.Hint != "" {
			s += " — " + qe.Hint
		}
		return s
	}
	return dossier.ErrorMessage(err)
}

func (f *FilterBar) CreateRenderer() fyne.WidgetRenderer {
	icon := widget.NewIcon(theme.SearchIcon())
	row := container.NewBorder(nil, nil, icon, f.clear, f.Entry)
	return widget.NewSimpleRenderer(container.NewVBox(row, f.problem))
}

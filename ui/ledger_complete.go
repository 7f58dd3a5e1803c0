package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// completionEntry is an entry that offers, under it as the user types, the
// names that hold what is typed (a name that starts with it first): Down
// and Up move through them, Enter or a click takes the one marked (with
// none marked, Enter takes what is typed), Escape closes them.
type completionEntry struct {
	widget.Entry
	// Options returns the names to offer, most likely first.
	Options func() []string
	// OnPicked is called with a name taken from the list, after the
	// entry shows it; OnSubmitted is called too.
	OnPicked func(string)
	// OnEscape is called when Escape is pressed with no names offered.
	OnEscape func()

	popup   *widget.PopUp
	list    *widget.List
	nav     *completionNav
	matches []string
	hi      int
}

// maxCompletions is the most names the list offers.
const maxCompletions = 8

func newCompletionEntry() *completionEntry {
	e := &completionEntry{}
	e.ExtendBaseWidget(e)
	e.Entry.OnChanged = func(string) { e.complete() }
	return e
}

// complete offers the names that match what is typed.
func (e *completionEntry) complete() {
	typed := strings.TrimSpace(e.Text)
	e.matches = nil
	if typed != "" && e.Options != nil {
		e.matches = completions(e.Options(), typed, maxCompletions)
	}
	if len(e.matches) == 0 || len(e.matches) == 1 && strings.EqualFold(e.matches[0], typed) {
		e.hideCompletions()
		return
	}
	e.hi = -1 // Enter takes what is typed until Down picks a name
	e.showCompletions()
}

// completions returns up to n of options that hold typed, folded: those
// where a word starts with it first, in the order of options.
func completions(options []string, typed string, n int) []string {
	want := foldString(typed)
	var first, rest []string
	for _, o := range options {
		f := foldString(o)
		i := strings.Index(f, want)
		switch {
		case i < 0:
			continue
		case i == 0 || f[i-1] == ' ':
			first = append(first, o)
		default:
			rest = append(rest, o)
		}
		if len(first) >= n {
			break
		}
	}
	out := append(first, rest...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func (e *completionEntry) showCompletions() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	if e.popup == nil {
		e.list = widget.NewList(
			func() int { return len(e.matches) },
			func() fyne.CanvasObject { return widget.NewLabel("") },
			func(i widget.ListItemID, o fyne.CanvasObject) {
				if i < len(e.matches) {
					lb := o.(*widget.Label)
					lb.TextStyle.Bold = i == e.hi
					lb.Importance = widget.MediumImportance
					if i == e.hi {
						lb.Importance = widget.HighImportance
					}
					lb.SetText(e.matches[i])
				}
			})
		e.list.OnSelected = func(i widget.ListItemID) {
			if i < len(e.matches) {
				e.pick(e.matches[i])
			}
			e.list.UnselectAll()
		}
		e.nav = &completionNav{e: e}
		e.nav.ExtendBaseWidget(e.nav)
		e.popup = widget.NewPopUp(container.NewStack(e.nav, e.list), c)
	}
	e.list.Refresh()
	rowH := widget.NewLabel("Ag").MinSize().Height + theme.Padding() // and the list's separator
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popup.Resize(fyne.NewSize(max(e.Size().Width, 300), rowH*float32(len(e.matches))))
	e.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	// The popup is an overlay, which takes the keys: its navigator hands
	// them back to the entry.
	c.Focus(e.nav)
}

func (e *completionEntry) hideCompletions() {
	if e.popup != nil && e.popup.Visible() {
		e.popup.Hide()
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Focus(e)
		}
	}
}

// completing reports whether names are offered.
func (e *completionEntry) completing() bool { return e.popup != nil && e.popup.Visible() }

func (e *completionEntry) pick(s string) {
	e.Entry.OnChanged = nil
	e.SetText(s)
	e.CursorColumn = len([]rune(s))
	e.Entry.OnChanged = func(string) { e.complete() }
	e.hideCompletions()
	if e.OnPicked != nil {
		e.OnPicked(s)
	}
	if e.OnSubmitted != nil {
		e.OnSubmitted(s)
	}
}

func (e *completionEntry) move(d int) {
	if len(e.matches) == 0 {
		return
	}
	n := len(e.matches)
	e.hi = ((e.hi+d)%n + n) % n
	if e.hi < 0 {
		e.hi = 0
	}
	e.list.Refresh()
	e.list.ScrollTo(e.hi)
}

// TypedKey moves through the names offered; Escape closes them.
func (e *completionEntry) TypedKey(k *fyne.KeyEvent) {
	if e.completing() {
		switch k.Name {
		case fyne.KeyDown:
			e.move(1)
			return
		case fyne.KeyUp:
			e.move(-1)
			return
		case fyne.KeyReturn, fyne.KeyEnter:
			if e.hi >= 0 {
				e.pick(e.matches[e.hi])
				return
			}
			e.hideCompletions()
		case fyne.KeyEscape:
			e.hideCompletions()
			return
		}
	}
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// completionNav takes the keys while the list is shown and hands them to
// the entry.
type completionNav struct {
	widget.BaseWidget
	e *completionEntry
}

func (n *completionNav) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack())
}

func (n *completionNav) FocusGained() {}
func (n *completionNav) FocusLost()   {}

func (n *completionNav) TypedRune(r rune) { n.e.TypedRune(r) }

func (n *completionNav) TypedKey(k *fyne.KeyEvent) { n.e.TypedKey(k) }

func (n *completionNav) TypedShortcut(s fyne.Shortcut) { n.e.TypedShortcut(s) }

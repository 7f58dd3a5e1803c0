package ui

import (
	"fmt"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The reader's context menu, beyond tagging and copying: quotations the
// extractor got wrong (deleted, or put back as it found them), one it
// missed (marked from the selection), and tags of a quotation.

func (w *Window) readerMenu(start, end int, q *dossier.Quote) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	if end > start {
		items = append(items, item("Mark as Quotation…", "mark-quote", func() { w.markQuotation(start, end) }))
	}
	if q == nil {
		return items
	}
	qt := *q
	items = append(items,
		fyne.NewMenuItem("Tag Quotation…", func() { w.TagQuote(qt) }),
		fyne.NewMenuItem("Not a Quotation: Delete", func() { w.DeleteQuote(qt) }))
	// The corrections are few and read in microseconds: asked here, the
	// menu offers Revert only where there is something to revert.
	if ok, err := w.nb.Corrected(qt.ID); err == nil && ok {
		items = append(items, fyne.NewMenuItem("Revert to What Was Found", func() { w.RevertQuote(qt) }))
	}
	return items
}

// MarkQuotation marks the reader's selection as a quotation the extractor
// missed (Ctrl+Shift+M).
func (w *Window) MarkQuotation() {
	start, end, ok := w.readerSelection()
	if !ok || w.current == nil {
		w.status.SetText("Select the quoted words in the article first, then mark them (Ctrl+Shift+M).")
		return
	}
	w.markQuotation(start, end)
}

// markQuotation asks who said the text [start, end) of the current article
// and adds it as a quotation.
func (w *Window) markQuotation(start, end int) {
	if w.current == nil {
		return
	}
	id := w.current.ID
	rs := []rune(w.current.Body)
	if start < 0 || end > len(rs) || start >= end {
		return
	}
	// Quotation marks around the selection are the writer's, not the
	// speaker's words.
	for start < end && strings.ContainsRune("“”\"‘’'« »\n", rs[start]) {
		start++
	}
	for end > start && strings.ContainsRune("“”\"‘’'« »\n", rs[end-1]) {
		end--
	}
	if start >= end {
		return
	}
	text := wrapped("“" + clip(oneLine(string(rs[start:end])), 300) + "”")
	text.TextStyle = fyne.TextStyle{Italic: true}
	speaker := newKeyEntry("", "Who said it, in full: Jen Psaki (empty: unknown)")
	title := "Mark as quotation"
	for _, q := range w.quotes {
		if q.Start() == start {
			// The quotation there gives way to this one: its extent fixed.
			speaker.SetText(q.Speaker)
			title = "Change the quotation's extent"
		}
	}
	var d *opDialog
	content := container.NewVBox(text,
		widget.NewForm(widget.NewFormItem("Speaker", speaker)),
		dim("It stays a quotation when quotes are found again. Enter adds it, Escape cancels."))
	d = w.newOpDialog(title, "Save Quotation", false, content, func() {
		who := strings.TrimSpace(speaker.Text)
		d.run(func(nb Notebook) error {
			_, err := nb.AddQuote(id, []dossier.Span{{Start: start, End: end}}, who)
			return err
		}, nil, func() {
			w.status.SetText("Quotation added" + byWhom(who) + " (Ctrl+Z undoes)")
			w.refreshAfterChange(false)
			w.loadFacets()
		})
	})
	d.entryFor(speaker)
	d.show(fyne.NewSize(560, 160), speaker)
}

func byWhom(who string) string {
	if who == "" {
		return ""
	}
	return ", said by " + who
}

// DeleteQuote deletes a false quotation; it stays deleted when quotes are
// found again, and Ctrl+Z brings it back.
func (w *Window) DeleteQuote(q dossier.Quote) {
	w.change("Cannot delete the quotation", func(nb Notebook) error { return nb.DeleteQuote(q.ID) },
		fmt.Sprintf("Not a quotation: “%s” deleted (Ctrl+Z brings it back)", clip(oneLine(q.Text), 40)), false, w.loadFacets)
}

// RevertQuote drops the user's correction of a quotation: it is what the
// extractor finds again.
func (w *Window) RevertQuote(q dossier.Quote) {
	w.change("Cannot revert the quotation", func(nb Notebook) error { return nb.RevertQuote(q.ID) },
		"The quotation is as it was found (Ctrl+Z brings your correction back)", false, w.loadFacets)
}

// TagQuote asks for the tags of a quotation.
func (w *Window) TagQuote(q dossier.Quote) {
	w.background(func(nb Notebook) func() {
		have, err := nb.QuoteTags(q.ID)
		return func() {
			if err != nil {
				w.showError("Cannot read the quotation's tags", err)
				return
			}
			who := q.Speaker
			if who == "" {
				who = "speaker unknown"
			}
			hint := fmt.Sprintf("“%s” (%s)", clip(oneLine(q.Text), 90), who)
			w.showLabelDialog("Tag quotation", "quotation", hint, have, func(tags []string) {
				done := "Quotation tagged " + strings.Join(tags, ", ")
				if len(tags) == 0 {
					done = "The quotation has no tags now"
				}
				w.change("Cannot tag the quotation", func(nb Notebook) error { return nb.SetQuoteTags(q.ID, tags) },
					done+" (Ctrl+Z undoes)", true, nil)
			})
		}
	})
}

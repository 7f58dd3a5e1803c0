package ui

import (
	"fmt"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The quote ledger's side of the window: the Quotes tab, what it loads and
// what its corrections do.

// viewQuotes names the ledger's tab.
const viewQuotes = "Quotes"

// prefSplitQuotes is where the list split stands while the ledger shows: a
// table wants more width than the article list.
const prefSplitQuotes = "split.quotes"

// ledgerTab is the window's state of the ledger.
type ledgerTab struct {
	*Ledger
	tab        *container.TabItem
	stale      bool    // the ledger needs loading when shown
	seq        int     // only the newest load shows
	wide       bool    // the split stands where the ledger wants it
	listOffset float64 // where the split stood for the other views
}

// mountLedger adds the Quotes tab to the views.
func (w *Window) mountLedger() {
	l := &ledgerTab{Ledger: NewLedger(), stale: true}
	w.ledger = l
	l.Run = func(work func() func()) {
		w.busy.Add(1)
		go func() {
			defer w.busy.Done()
			if f := work(); f != nil {
				w.later(f)
			}
		}()
	}
	l.TagColor = func(t string) string { return w.colors.of(t) }
	l.OnOpen = func(a dossier.ArticleID, s dossier.Span) { w.OpenArticle(a, &s) }
	l.OnSpeaker = w.setQuoteSpeaker
	l.OnTag = w.tagQuote
	l.OnMenu = w.quoteMenu
	l.Speakers = func() []string {
		out := make([]string, len(w.sidebar.speakers))
		for i, s := range w.sidebar.speakers {
			out[i] = s.Name
		}
		return out
	}
	l.tab = container.NewTabItem(viewQuotes, l.Content)
	w.views.Append(l.tab)
	prev := w.views.OnSelected
	w.views.OnSelected = func(t *container.TabItem) {
		if prev != nil {
			prev(t)
		}
		w.ledgerShown(t == l.tab)
	}
}

// ledgerShown widens the list split for the ledger while it shows, and
// loads it when it is out of date.
func (w *Window) ledgerShown(shown bool) {
	l := w.ledger
	switch {
	case shown && !l.wide:
		l.listOffset = w.listSplit.Offset
		l.wide = true
		w.listSplit.SetOffset(w.prefs.offset(prefSplitQuotes, 0.66))
	case !shown && l.wide:
		w.prefs.p.SetFloat(prefSplitQuotes, w.listSplit.Offset)
		l.wide = false
		w.listSplit.SetOffset(l.listOffset)
	}
	if shown && l.stale {
		w.loadLedger()
	}
}

// saveSplits remembers where the splits stand: the list split as the
// other views have it, and the ledger's own.
func (w *Window) saveSplits() {
	w.prefs.p.SetFloat(prefSplitSide, w.sideSplit.Offset)
	list := w.listSplit.Offset
	if w.ledger != nil && w.ledger.wide {
		w.prefs.p.SetFloat(prefSplitQuotes, list)
		list = w.ledger.listOffset
	}
	w.prefs.p.SetFloat(prefSplitList, list)
}

// reloadLedger loads the ledger again now when it shows, or when it is
// next shown: the filter, the as-of day or the notebook changed.
func (w *Window) reloadLedger() {
	if w.ledger == nil {
		return
	}
	if w.views.Selected() == w.ledger.tab {
		w.loadLedger()
	} else {
		w.ledger.stale = true
	}
}

// loadLedger reads the quotes that match the filter (and the as-of day)
// with their articles' dates and outlets, their own tags, and their
// speakers' names through the alias table.
func (w *Window) loadLedger() {
	l := w.ledger
	l.stale = false
	l.seq++
	seq, q := l.seq, w.dataQuery()
	w.background(func(nb Notebook) func() {
		m, err := readLedger(nb, q)
		return func() {
			if seq != l.seq {
				return
			}
			if err != nil {
				w.showError("Cannot list the quotes", err)
			}
			l.SetQuotes(m)
			l.tab.Text = fmt.Sprintf("%s (%s)", viewQuotes, groupDigits(l.Total()))
			w.views.Refresh()
		}
	})
}

// readLedger reads the ledger's rows of the quotes that match q.
func readLedger(nb Notebook, q *dossier.Query) (*ledgerModel, error) {
	metas, err := nb.ArticleMetas()
	var qs []dossier.Quote
	if err == nil {
		qs, err = nb.QuotesMatching(q)
	}
	tags := map[dossier.QuoteID][]string{}
	if err == nil && len(qs) > 0 {
		// Few quotes are tagged: ask the store which, then their tags.
		tq, _ := q.And("has", "tag")
		tagged, terr := nb.QuotesMatching(tq)
		for i := range tagged {
			if terr != nil {
				break
			}
			tags[tagged[i].ID], terr = nb.QuoteTags(tagged[i].ID)
		}
		err = terr
	}
	var canon func(string) string
	if sn, ok := nb.(SpeakerNamer); ok {
		canon = sn.CanonicalSpeaker
	}
	return buildLedger(metas, qs, tags, canon), err
}

// setQuoteSpeaker corrects who said a quote, as one step of undo. The role
// stays when the name is the same person's, spelt otherwise.
func (w *Window) setQuoteSpeaker(id dossier.QuoteID, speaker string, done func(error)) {
	w.background(func(nb Notebook) func() {
		role := ""
		if ir, ok := nb.(ItemReader); ok {
			if q, err := ir.Quote(id); err == nil && samePerson(nb, q.Speaker, speaker) {
				role = q.Role
			}
		}
		err := nb.SetQuoteSpeaker(id, speaker, role)
		return func() {
			done(err)
			if err != nil {
				w.showError("Cannot change the speaker", err)
				return
			}
			who := speaker
			if who == "" {
				who = "not known"
			}
			w.status.SetText("Speaker set to " + who + " · Ctrl+Z undoes it")
			w.loadFacets()
			if w.dataQuery() != nil {
				w.loadList()
			}
			if w.current != nil {
				w.reloadCurrent()
			}
		}
	})
}

func samePerson(nb Notebook, a, b string) bool {
	if sn, ok := nb.(SpeakerNamer); ok {
		a, b = sn.CanonicalSpeaker(a), sn.CanonicalSpeaker(b)
	}
	return a != "" && strings.EqualFold(a, b)
}

// tagQuote asks for a quote's tags with the tag dialog and saves them, as
// one step of undo.
func (w *Window) tagQuote(id dossier.QuoteID, done func(tags []string)) {
	w.background(func(nb Notebook) func() {
		current, err := nb.QuoteTags(id)
		return func() {
			if err != nil {
				w.showError("Cannot read the quote's tags", err)
				return
			}
			w.showTagDialog(current, "", func(tags []string, note string) {
				w.background(func(nb Notebook) func() {
					err := nb.SetQuoteTags(id, tags)
					return func() {
						if err != nil {
							w.showError("Cannot tag the quote", err)
							return
						}
						done(tags)
						s := "Quote tagged " + strings.Join(tags, ", ")
						if len(tags) == 0 {
							s = "Quote untagged"
						}
						if strings.TrimSpace(note) != "" {
							s += " (a quote keeps no note: tag its text in the reader to keep one)"
						}
						w.status.SetText(s + " · Ctrl+Z undoes it")
						w.loadTags()
					}
				})
			}, nil)
		}
	})
}

// quoteMenu offers what can be done with a quote of the ledger.
func (w *Window) quoteMenu(id dossier.QuoteID, at fyne.Position) {
	l := w.ledger
	i := l.viewIndex(l.selected)
	if i < 0 {
		return
	}
	r := &l.model.rows[l.selected]
	name := l.model.names[r.speaker]
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Open in the reader", func() { l.list.OnSelected(i) }),
		fyne.NewMenuItem("Correct the speaker…", func() { l.EditSpeaker(i) }),
		fyne.NewMenuItem("Speaker and role…", func() { w.editQuoteByID(id) }),
		fyne.NewMenuItem("Tag the quote…", func() { l.Tag(i) }),
	}
	if name.known {
		items = append(items, fyne.NewMenuItem("Only quotes of "+name.text, func() { l.SetSpeakerFilter(name.text) }))
	}
	text := r.text
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Copy the quote", func() {
		w.app.Clipboard().SetContent("“" + text + "”")
	}))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), w.Win.Canvas(), at)
}

// editQuoteByID opens the speaker and role dialog of a quote.
func (w *Window) editQuoteByID(id dossier.QuoteID) {
	if _, ok := w.nb.(ItemReader); !ok {
		return
	}
	w.background(func(nb Notebook) func() {
		q, err := nb.(ItemReader).Quote(id)
		return func() {
			if err != nil {
				w.showError("Cannot open the quote", err)
				return
			}
			w.editQuote(q)
		}
	})
}

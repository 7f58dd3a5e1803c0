// Package ui is Dossier's desktop interface, drawn with Fyne. It reads and
// changes a notebook only through the root package's interfaces; the app
// itself (fyne/v2/app) is made in cmd/dossier.
package ui

import (
	"fmt"
	"image"
	"image/color"
	"sort"
	"strings"
	"sync"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Window is the main notebook window: the sidebar of tags, speakers and
// outlets; the filter bar above the article list (or the passages that
// match); and the reader. Every field is touched on the Fyne goroutine
// only; loads run on their own goroutines and hand their results back
// through fyne.Do.
type Window struct {
	Win fyne.Window
	// OnReady is called once, on a goroutine of its own, when the window
	// has first been drawn with its data: the articles listed, the tags in
	// the sidebar, and the article in the reader.
	OnReady func()

	app   fyne.App
	nb    Notebook
	svc   Services
	path  string
	prefs prefs

	query    *dossier.Query
	all      map[dossier.ArticleID]*dossier.ArticleMeta // every article, once read (nil before)
	tags     []TagCount
	colors   tagColors
	tagCache map[dossier.ArticleID][]string // tags of each article's passages, as listed
	wanted   map[dossier.ArticleID]bool     // articles whose tags are asked for or being read
	pending  []dossier.ArticleID            // asked for, not yet being read
	current  *dossier.Article
	annots   []dossier.Passage // the current article's passages
	quotes   []dossier.Quote   // and quotes

	sidebar              *Sidebar
	filter               *FilterBar
	list                 *ArticleList
	passages             *PassagesPane
	reader               *Reader
	views                *container.AppTabs
	status               *widget.Label
	count                *widget.Label
	progress             *widget.ProgressBar
	cancel               *widget.Button
	sideSplit, listSplit *container.Split

	listSeq, passSeq, artSeq int  // only the newest load of each shows
	passStale                bool // the passages pane needs loading when shown
	importing                bool

	// tagDialog asks for a passage's tags and note: ShowTagDialog, or a
	// test's stand-in.
	tagDialog func(win fyne.Window, tags []TagCount, current []string, note string, onSave func(tags []string, note string), onDelete func())

	ledger *ledgerTab // the Quotes tab
	asOf   asOfState  // the day nothing after is shown

	busy    sync.WaitGroup // background work, for tests
	queue   *funcQueue     // tests: what background work hands back, run by settle
	ready   readiness
	marker  *canvas.Raster
	onClose []func()
	ops     opsState    // tag, article, quote and notebook operations (dialogs*.go)
	charts  *chartViews // the Timeline and Figures tabs (timeline_view.go)
}

// readiness tracks the first load for OnReady.
type readiness struct {
	list, tags, article, fired bool
}

func (r *readiness) done() bool { return r.list && r.tags && r.article }

// NewWindow builds the main window of a notebook stored at path (which names
// it in the title and in the preferences) and starts loading it. The window
// is not shown.
func NewWindow(app fyne.App, nb Notebook, svc Services, path string) *Window {
	return newWindow(app, nb, svc, path, nil)
}

func newWindow(app fyne.App, nb Notebook, svc Services, path string, queue *funcQueue) *Window {
	w := &Window{
		queue:     queue,
		tagDialog: ShowTagDialog,
		Win:       app.NewWindow("Dossier"),
		app:       app,
		nb:        nb,
		svc:       svc,
		path:      path,
		prefs:     prefs{app.Preferences()},
		colors:    tagColors{},
	}
	app.Settings().SetTheme(themeFor(app.Preferences().StringWithFallback(prefTheme, ThemeSystem)))
	w.build()
	w.Win.SetMaster()
	w.Win.Resize(w.prefs.size())
	w.Win.SetCloseIntercept(func() {
		w.saveState()
		w.Win.Close()
	})
	w.Win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { w.importURIs(uris) })
	w.prefs.pushRecent(path)
	w.setMenu()
	w.load()
	return w
}

func (w *Window) build() {
	w.sidebar = NewSidebar()
	w.sidebar.TagColor = w.colors.of
	w.sidebar.OnQuery = func(q *dossier.Query) { w.SetQuery(q) }

	w.filter = NewFilterBar()
	w.filter.OnChanged = func(q *dossier.Query) { w.SetQuery(q) }

	w.list = NewArticleList()
	w.list.TagColor = func(t string) string { return w.colors.of(t) }
	w.list.TagsOf = w.articleTags
	w.list.OnOpen = func(m dossier.ArticleMeta) { w.OpenArticle(m.ID, nil) }

	w.passages = NewPassagesPane()
	w.passages.TagColor = func(t string) string { return w.colors.of(t) }
	w.passages.Meta = func(id dossier.ArticleID) (dossier.ArticleMeta, bool) {
		if m := w.all[id]; m != nil {
			return *m, true
		}
		if i := w.list.IndexOf(id); i >= 0 {
			return w.list.Articles()[i], true
		}
		return dossier.ArticleMeta{}, false
	}
	w.passages.OnOpen = func(p dossier.Passage) { w.OpenArticle(p.Article, &dossier.Span{Start: p.Start, End: p.End}) }

	w.reader = NewReader()
	w.hookReader()
	w.hookOperations()

	w.views = container.NewAppTabs(
		container.NewTabItem(viewArticles, w.list.List),
		container.NewTabItem(viewPassages, w.passages.View()),
	)
	w.views.OnSelected = func(t *container.TabItem) {
		if w.showingPassages() && w.passStale {
			w.loadPassages()
		}
	}
	w.mountLedger()
	w.mountCharts()

	w.status = widget.NewLabel("Opening the notebook…")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.count = widget.NewLabel("")
	w.progress = widget.NewProgressBar()
	w.progress.Hide()
	w.cancel = widget.NewButton("Stop", nil)
	w.cancel.Importance = widget.LowImportance
	w.cancel.Hide()
	w.marker = canvas.NewRaster(w.drawMarker)
	w.marker.SetMinSize(fyne.NewSize(1, 1))

	right := container.NewHBox(w.progress, w.cancel, w.count)
	statusBar := container.NewBorder(nil, nil, nil, container.NewStack(w.marker, right), w.status)

	w.listSplit = container.NewHSplit(w.views, w.reader)
	w.listSplit.Offset = w.prefs.offset(prefSplitList, 0.36)
	w.sideSplit = container.NewHSplit(w.sidebar, w.listSplit)
	w.sideSplit.Offset = w.prefs.offset(prefSplitSide, 0.2)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, w.asOfBar(), w.filter))
	w.Win.SetContent(container.NewBorder(top, container.NewVBox(widget.NewSeparator(), statusBar), nil, nil, w.sideSplit))
	if w.prefs.p.StringWithFallback(prefView, viewArticles) == viewPassages {
		w.passStale = true
		w.views.SelectIndex(1)
	}
}

// statusHint is what the status bar says when nothing else needs saying.
const statusHint = "Select text and press Ctrl+T to tag it · Ctrl+K finds anything · Ctrl+L edits the filter"

// View names: the tabs above the list.
const (
	viewArticles = "Articles"
	viewPassages = "Passages"
)

func (w *Window) showingPassages() bool { return w.views.SelectedIndex() == 1 }

// drawMarker draws the status bar's invisible pixel. The first time it is
// drawn after the first load has been shown, that frame held the data: the
// window is ready.
func (w *Window) drawMarker(_, _ int) image.Image {
	if w.ready.done() && !w.ready.fired {
		w.ready.fired = true
		if w.OnReady != nil {
			go w.OnReady()
		}
	}
	img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.Transparent)
	return img
}

func (w *Window) markReady(part *bool) {
	*part = true
	if w.ready.done() {
		w.marker.Refresh()
	}
}

// background runs work on its own goroutine and what it returns, if
// anything, on the Fyne goroutine. Results for a notebook that is no longer
// open are dropped.
func (w *Window) background(work func(nb Notebook) func()) {
	nb := w.nb
	w.busy.Add(1)
	go func() {
		defer w.busy.Done()
		apply := work(nb)
		if apply == nil {
			return
		}
		w.later(func() {
			if w.nb == nb {
				apply()
			}
		})
	}()
}

// latest reads in the background and hands the result to show on the Fyne
// goroutine, or shows the error under failMsg, unless a later call with the
// same counter started meanwhile: a list shows what its last filter read.
// The counter is only touched on the Fyne goroutine.
func latest[T any](w *Window, seq *int, failMsg string, read func(nb Notebook) (T, error), show func(T)) {
	*seq++
	n := *seq
	w.background(func(nb Notebook) func() {
		v, err := read(nb)
		return func() {
			if n != *seq {
				return
			}
			if err != nil {
				w.showError(failMsg, err)
				return
			}
			show(v)
		}
	})
}

// later runs f on the Fyne goroutine after what it is doing now.
func (w *Window) later(f func()) {
	if w.queue != nil {
		w.queue.push(f)
		return
	}
	fyne.Do(f)
}

// funcQueue holds, in tests, what background work hands to the Fyne
// goroutine, so that the test's goroutine runs it in settle.
type funcQueue struct {
	mu sync.Mutex
	fs []func()
}

func (q *funcQueue) push(f func()) {
	q.mu.Lock()
	q.fs = append(q.fs, f)
	q.mu.Unlock()
}

func (q *funcQueue) pop() []func() {
	q.mu.Lock()
	defer q.mu.Unlock()
	fs := q.fs
	q.fs = nil
	return fs
}

// settle runs background work to its end, and what it hands back, until
// nothing is left. For tests, which made the window with a queue.
func (w *Window) settle() {
	for {
		w.busy.Wait()
		fs := w.queue.pop()
		if len(fs) == 0 {
			return
		}
		for _, f := range fs {
			f()
		}
	}
}

// load reads the notebook into an empty window: the list (oldest first)
// with the remembered filter, the tags, the remembered article; then, once
// the window is drawn, the speakers and outlets.
func (w *Window) load() {
	w.Win.SetTitle("Dossier — " + w.path)
	w.query = nil
	if s := w.prefs.lastFilter(w.path); s != "" {
		if q, err := dossier.ParseQuery(s); err == nil && q.String() != "" {
			w.query = q
		}
	}
	w.loadAsOf()
	w.filter.SetQuery(w.query)
	w.sidebar.SetQuery(w.query)
	w.sidebar.SetSpeakers(nil)
	w.all, w.tagCache, w.wanted, w.pending = nil, map[dossier.ArticleID][]string{}, map[dossier.ArticleID]bool{}, nil
	w.current, w.annots, w.quotes = nil, nil, nil
	last := dossier.ArticleID(w.prefs.lastArticle(w.path))
	q := w.dataQuery()
	w.listSeq++
	seq := w.listSeq
	w.background(func(nb Notebook) func() {
		var metas []dossier.ArticleMeta
		var err error
		if q == nil {
			// Without a filter the list is every article: read the compact
			// records alone, without the query snapshot.
			if metas, err = nb.ArticleMetas(); err == nil {
				dossier.SortByDate(metas)
			}
		} else {
			metas, err = nb.ArticlesMatching(q)
		}
		return func() {
			if seq != w.listSeq {
				return
			}
			if err != nil {
				w.showError("Cannot list the articles", err)
			}
			w.setArticles(metas)
			if q == nil {
				w.setAll(metas)
			}
			open := last
			if w.list.IndexOf(open) < 0 && len(metas) > 0 {
				open = metas[0].ID
			}
			if open != 0 {
				w.OpenArticle(open, nil)
			} else {
				w.reader.ShowArticle(&dossier.Article{Title: "No articles yet", Body: "Import files with File ▸ Import, or drop them on this window."})
				w.markReady(&w.ready.article)
			}
			w.markReady(&w.ready.list)
			w.status.SetText(statusHint)
			w.loadFacets()
		}
	})
	w.loadTags()
	w.reloadPassagesAndLedger()
	w.charts.invalidate()
}

// reloadPassagesAndLedger reloads what the filter, the as-of day or a
// change of data decides: the passages now if they are shown (else when
// they are), and the quote ledger.
func (w *Window) reloadPassagesAndLedger() {
	if w.showingPassages() {
		w.loadPassages()
	} else {
		w.passStale = true
	}
	w.reloadLedger()
}

// Query returns the filter.
func (w *Window) Query() *dossier.Query { return w.query }

// SetQuery filters the list and the passages by q (nil: everything).
func (w *Window) SetQuery(q *dossier.Query) {
	if q != nil && q.String() == "" {
		q = nil
	}
	w.query = q
	w.filter.SetQuery(q)
	w.sidebar.SetQuery(q)
	w.prefs.setLastFilter(w.path, queryText(q))
	w.loadList()
	w.reloadPassagesAndLedger()
	w.charts.invalidate()
}

func queryText(q *dossier.Query) string {
	if q == nil {
		return ""
	}
	return q.String()
}

// loadList reads the articles that match the filter.
func (w *Window) loadList() {
	q := w.dataQuery()
	latest(w, &w.listSeq, "Cannot list the articles",
		func(nb Notebook) ([]dossier.ArticleMeta, error) { return nb.ArticlesMatching(q) }, w.setArticles)
}

func (w *Window) setArticles(metas []dossier.ArticleMeta) {
	w.list.SetArticles(metas)
	w.views.Items[0].Text = fmt.Sprintf("%s (%s)", viewArticles, groupDigits(len(metas)))
	w.views.Refresh()
	w.updateCount()
}

func (w *Window) updateCount() {
	n := len(w.list.Articles())
	s := fmt.Sprintf("%s articles", groupDigits(n))
	if w.all != nil && w.dataQuery() != nil {
		s = fmt.Sprintf("%s of %s articles", groupDigits(n), groupDigits(len(w.all)))
	}
	w.count.SetText(s)
}

// loadPassages reads the passages that match the filter.
func (w *Window) loadPassages() {
	w.passStale = false
	q := w.dataQuery()
	latest(w, &w.passSeq, "Cannot list the passages",
		func(nb Notebook) ([]dossier.Passage, error) { return nb.Passages(q) },
		func(ps []dossier.Passage) {
			w.passages.SetPassages(ps)
			w.views.Items[1].Text = fmt.Sprintf("%s (%s)", viewPassages, groupDigits(len(ps)))
			w.views.Refresh()
		})
}

// loadTags reads the tags and their counts for the sidebar and the colours.
func (w *Window) loadTags() {
	w.background(func(nb Notebook) func() {
		tags, err := nb.Tags()
		return func() {
			if err != nil {
				w.showError("Cannot read the tags", err)
			}
			w.tags = tags
			w.colors = newTagColors(tags)
			w.sidebar.TagColor = w.colors.of
			w.sidebar.SetTags(tags)
			w.list.Refresh()
			w.passages.Refresh()
			w.annotate()
			w.markReady(&w.ready.tags)
		}
	})
}

// loadFacets reads what the sidebar lists besides tags: outlets from every
// article, and speakers when the notebook can tell them.
func (w *Window) loadFacets() {
	haveAll := w.all != nil
	w.background(func(nb Notebook) func() {
		var metas []dossier.ArticleMeta
		var err error
		if !haveAll {
			metas, err = nb.ArticleMetas()
		}
		var speakers []NameCount
		var serr error
		if sl, ok := nb.(SpeakerLister); ok {
			speakers, serr = sl.Speakers()
		}
		return func() {
			if err == nil && !haveAll {
				w.setAll(metas)
			}
			if serr != nil {
				w.status.SetText("Cannot read the speakers: " + dossier.ErrorMessage(serr))
			}
			if speakers == nil {
				speakers = []NameCount{}
			}
			w.sidebar.SetSpeakers(speakers)
		}
	})
}

// setAll keeps every article's record, for the outlets and the passages'
// titles.
func (w *Window) setAll(metas []dossier.ArticleMeta) {
	w.all = make(map[dossier.ArticleID]*dossier.ArticleMeta, len(metas))
	outlets := map[string]int{}
	for i := range metas {
		w.all[metas[i].ID] = &metas[i]
		if o := metas[i].Outlet; o != "" {
			outlets[o]++
		}
	}
	w.sidebar.SetOutlets(byCount(outlets))
	w.passages.Refresh()
	w.updateCount()
}

func byCount(m map[string]int) []NameCount {
	out := make([]NameCount, 0, len(m))
	for k, v := range m {
		out = append(out, NameCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// articleTags returns the tags of an article's passages for its row, and
// asks for them in the background when they are not known yet: the rows
// bound in one frame are read together.
func (w *Window) articleTags(id dossier.ArticleID) ([]string, bool) {
	if tags, ok := w.tagCache[id]; ok {
		return tags, true
	}
	if w.wanted[id] {
		return nil, false
	}
	w.wanted[id] = true
	w.pending = append(w.pending, id)
	if len(w.pending) == 1 {
		w.later(w.readWantedTags)
	}
	return nil, false
}

func (w *Window) readWantedTags() {
	ids := w.pending
	w.pending = nil
	if len(ids) == 0 {
		return
	}
	w.background(func(nb Notebook) func() {
		got := make(map[dossier.ArticleID][]string, len(ids))
		for _, id := range ids {
			ps, err := nb.PassagesOf(id)
			if err != nil {
				continue
			}
			got[id] = passageTags(ps)
		}
		return func() {
			for id, tags := range got {
				w.tagCache[id] = tags
			}
			for _, id := range ids {
				delete(w.wanted, id)
			}
			w.list.Refresh()
		}
	})
}

// passageTags returns the distinct tags of passages, in the order first met.
func passageTags(ps []dossier.Passage) []string {
	var out []string
	for _, p := range ps {
		for _, t := range p.Tags {
			dup := false
			for _, o := range out {
				if dossier.TagEqual(o, t) {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, t)
			}
		}
	}
	return out
}

// OpenArticle shows an article in the reader, its passages and quotes
// highlighted, and selects it in the list; reveal, when given, is a span to
// bring into view and select.
func (w *Window) OpenArticle(id dossier.ArticleID, reveal *dossier.Span) {
	w.artSeq++
	seq := w.artSeq
	w.list.SelectArticle(id)
	w.background(func(nb Notebook) func() {
		a, ps, qs, err := readArticle(nb, id)
		return func() {
			if seq != w.artSeq {
				return
			}
			if err != nil {
				w.showError("Cannot open the article", err)
				w.markReady(&w.ready.article)
				return
			}
			w.current, w.annots, w.quotes = a, ps, qs
			w.tagCache[id] = passageTags(ps)
			w.reader.ShowArticle(a)
			w.annotate()
			if reveal != nil {
				w.revealSpan(reveal.Start, reveal.End)
			}
			w.prefs.setLastArticle(w.path, uint64(id))
			w.markReady(&w.ready.article)
		}
	})
}

// readArticle reads what the reader shows of an article: its text, its
// passages and its quotes. Off the Fyne goroutine.
func readArticle(nb Notebook, id dossier.ArticleID) (*dossier.Article, []dossier.Passage, []dossier.Quote, error) {
	a, err := nb.Article(id)
	if err != nil {
		return nil, nil, nil, err
	}
	ps, _ := nb.PassagesOf(id)
	qs, _ := nb.Quotes(id)
	return a, ps, qs, nil
}

// Articles returns the articles listed, in their order.
func (w *Window) Articles() []dossier.ArticleMeta { return w.list.Articles() }

// Reader returns the reading pane.
func (w *Window) Reader() *Reader { return w.reader }

// Current returns the article in the reader, or nil.
func (w *Window) Current() *dossier.Article { return w.current }

// refreshAfterChange brings every view up to date after the notebook
// changed: the tags, the current article's highlights, the list and the
// passages (their filter may read tags and notes).
func (w *Window) refreshAfterChange(all bool) {
	w.loadTags()
	if all {
		w.tagCache = map[dossier.ArticleID][]string{}
		w.loadFacets()
	} else if w.current != nil {
		delete(w.tagCache, w.current.ID)
	}
	if all || w.dataQuery() != nil {
		w.loadList()
	}
	w.reloadPassagesAndLedger()
	w.charts.invalidate()
	if w.current != nil {
		w.reloadCurrent()
	}
}

// reloadCurrent reads the current article's passages and quotes again; an
// article that is gone (undo of its import) leaves the reader empty.
func (w *Window) reloadCurrent() {
	id := w.current.ID
	w.artSeq++
	seq := w.artSeq
	w.background(func(nb Notebook) func() {
		a, ps, qs, err := readArticle(nb, id)
		return func() {
			if seq != w.artSeq {
				return
			}
			if err != nil {
				w.current, w.annots, w.quotes = nil, nil, nil
				w.reader.ShowArticle(&dossier.Article{Title: "No article selected"})
				return
			}
			if a.Hash != w.current.Hash {
				w.reader.ShowArticle(a)
			}
			w.current, w.annots, w.quotes = a, ps, qs
			w.tagCache[id] = passageTags(ps)
			w.list.Refresh()
			w.annotate()
		}
	})
}

// TagSelection tags the text selected in the reader (Ctrl+T).
func (w *Window) TagSelection() {
	start, end, ok := w.readerSelection()
	if !ok || w.current == nil {
		w.status.SetText("Select some text in the article first, then tag it (Ctrl+T).")
		return
	}
	w.tagSpan(start, end)
}

// tagSpan asks for the tags and note of a new passage over [start, end) of
// the current article and adds it.
func (w *Window) tagSpan(start, end int) {
	if w.current == nil {
		return
	}
	id := w.current.ID
	w.showTagDialog(nil, "", func(tags []string, note string) {
		w.background(func(nb Notebook) func() {
			_, err := nb.AddPassage(id, start, end, tags, note)
			return func() {
				if err != nil {
					w.showError("Cannot tag the passage", err)
					return
				}
				w.status.SetText("Tagged " + strings.Join(tags, ", "))
				w.refreshAfterChange(false)
			}
		})
	}, nil)
}

// editPassage lets the user change a passage's tags and note, or delete it.
func (w *Window) editPassage(p dossier.Passage) {
	w.showTagDialog(p.Tags, p.Note, func(tags []string, note string) {
		w.background(func(nb Notebook) func() {
			var err error
			if len(tags) == 0 && strings.TrimSpace(note) == "" {
				err = nb.DeletePassage(p.ID)
			} else {
				err = nb.SetPassage(p.ID, tags, note)
			}
			return func() {
				if err != nil {
					w.showError("Cannot change the passage", err)
					return
				}
				w.status.SetText("Passage changed")
				w.refreshAfterChange(false)
			}
		})
	}, func() {
		w.background(func(nb Notebook) func() {
			err := nb.DeletePassage(p.ID)
			return func() {
				if err != nil {
					w.showError("Cannot delete the passage", err)
					return
				}
				w.status.SetText("Passage deleted (Ctrl+Z brings it back)")
				w.refreshAfterChange(false)
			}
		})
	})
}

// Undo undoes the last change to the notebook (Ctrl+Z).
func (w *Window) Undo() { w.step(true) }

// Redo redoes the last change undone (Ctrl+Shift+Z).
func (w *Window) Redo() { w.step(false) }

func (w *Window) step(undo bool) {
	if e, ok := w.Win.Canvas().Focused().(*widget.Entry); ok {
		// Typing in a field: its own undo comes first.
		if undo {
			e.TypedShortcut(&fyne.ShortcutUndo{})
		} else {
			e.TypedShortcut(&fyne.ShortcutRedo{})
		}
		return
	}
	w.background(func(nb Notebook) func() {
		var summary string
		var err error
		if undo {
			summary, err = nb.Undo()
		} else {
			summary, err = nb.Redo()
		}
		return func() {
			if err != nil {
				w.status.SetText(dossier.ErrorMessage(err))
				return
			}
			if undo {
				w.status.SetText("Undone: " + summary)
			} else {
				w.status.SetText("Redone: " + summary)
			}
			w.refreshAfterChange(true)
		}
	})
}

// OpenResult opens what the palette found: an article, a passage or quote
// in its article, or a speaker, tag or outlet as the filter.
func (w *Window) OpenResult(r SearchResult) {
	switch r.Kind {
	case "article":
		w.OpenArticle(dossier.ArticleID(r.ID), nil)
	case "passage", "note":
		ir, ok := w.nb.(ItemReader)
		if !ok {
			return
		}
		w.background(func(nb Notebook) func() {
			p, err := ir.Passage(dossier.PassageID(r.ID))
			return func() {
				if err != nil {
					w.showError("Cannot open the passage", err)
					return
				}
				w.OpenArticle(p.Article, &dossier.Span{Start: p.Start, End: p.End})
			}
		})
	case "quote":
		ir, ok := w.nb.(ItemReader)
		if !ok {
			return
		}
		w.background(func(nb Notebook) func() {
			q, err := ir.Quote(dossier.QuoteID(r.ID))
			return func() {
				if err != nil {
					w.showError("Cannot open the quote", err)
					return
				}
				w.OpenArticle(q.Article, &dossier.Span{Start: q.Start(), End: q.End()})
			}
		})
	case "speaker", "tag", "outlet":
		q, err := w.query.And(r.Kind, r.Text)
		if err == nil {
			w.SetQuery(q)
		}
	}
}

// Find opens the search palette (Ctrl+K).
func (w *Window) Find() {
	if w.svc.Search == nil {
		return
	}
	ShowPalette(w.Win, w.svc.Search, w.OpenResult)
}

// showError tells the user what went wrong, in their words.
func (w *Window) showError(what string, err error) {
	w.status.SetText(what + ": " + dossier.ErrorMessage(err))
}

// saveState remembers the window's size, splits, view and place.
func (w *Window) saveState() {
	w.prefs.setSize(w.Win.Canvas().Size())
	w.saveSplits()
	view := viewArticles
	if w.showingPassages() {
		view = viewPassages
	}
	w.prefs.p.SetString(prefView, view)
	w.prefs.setLastFilter(w.path, queryText(w.query))
	if w.current != nil {
		w.prefs.setLastArticle(w.path, uint64(w.current.ID))
	}
}

// Quit saves the window's state and ends the app.
func (w *Window) Quit() {
	w.saveState()
	for _, f := range w.onClose {
		f()
	}
	w.app.Quit()
}

// groupDigits writes n with thousands separated: 100,000.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// The reader's side of the window: what it asks for, and what it is told.

func (w *Window) hookReader() {
	w.reader.OnTagRequest = w.tagSpan
	w.reader.OnPassageTapped = w.editPassage
	w.reader.OnQuoteTapped = w.editQuote
}

// annotate shows the current article's passages and quotes in the reader.
func (w *Window) annotate() {
	if w.current == nil {
		return
	}
	w.reader.SetAnnotations(w.annots, w.quotes, func(tag string) color.Color { return hexColor(w.colors.of(tag)) })
}

func (w *Window) revealSpan(start, end int) { w.reader.Select(start, end) }

func (w *Window) readerSelection() (start, end int, ok bool) {
	start, end = w.reader.Selection()
	return start, end, end > start
}

// editQuote lets the user correct who said a quotation.
func (w *Window) editQuote(q dossier.Quote) {
	speaker := widget.NewEntry()
	speaker.SetText(q.Speaker)
	speaker.SetPlaceHolder("Who said it, in full: Jen Psaki")
	role := widget.NewEntry()
	role.SetText(q.Role)
	role.SetPlaceHolder("Press Secretary")
	text := widget.NewLabel("“" + oneLine(q.Text) + "”")
	text.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("Quote", text),
		widget.NewFormItem("Written as", widget.NewLabel(q.Mention)),
		widget.NewFormItem("Speaker", speaker),
		widget.NewFormItem("Role", role),
	}
	d := dialog.NewForm("Who said it", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		w.background(func(nb Notebook) func() {
			err := nb.SetQuoteSpeaker(q.ID, strings.TrimSpace(speaker.Text), strings.TrimSpace(role.Text))
			return func() {
				if err != nil {
					w.showError("Cannot change the speaker", err)
					return
				}
				w.status.SetText("Speaker set to " + speaker.Text)
				w.refreshAfterChange(false)
				w.loadFacets()
			}
		})
	}, w.Win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

func (w *Window) showTagDialog(current []string, note string, onSave func(tags []string, note string), onDelete func()) {
	w.tagDialog(w.Win, w.tags, current, note, onSave, onDelete)
}

package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"dossier"
	"dossier/assets"
	"dossier/extract"
	"dossier/ingest"
	"dossier/search"
	"dossier/store"
	"dossier/ui"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// processStart is when the process began, as near as Go can tell: the
// start-up figure counts from here.
var processStart = time.Now()

func init() {
	register(command{"gui", "[--quit-after-ready]", "open the notebook window (the default)", func(m *Main, args []string) error {
		fs := newFlags(m, "gui", "[--quit-after-ready]", "Opens the notebook window.")
		quit := fs.Bool("quit-after-ready", false, "exit once the first window is drawn with its data, printing how long that took")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		return m.runGUI(&guiOptions{quitAfterReady: *quit})
	}})
}

type guiOptions struct {
	quitAfterReady bool
}

// exporter writes what q selects of a notebook in a format to path: the
// window's File ▸ Export. The export wiring sets it; while it is nil the
// menu item is hidden.
var exporter func(ctx context.Context, n *store.Notebook, format, path string, q *dossier.Query, progress func(done, total int)) error

func (m *Main) runGUI(opts *guiOptions) error {
	if opts == nil {
		opts = &guiOptions{}
	}
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if abs, err := filepath.Abs(m.DBPath); err == nil {
		m.DBPath = abs
	}
	g := &guiSession{m: m}
	nb, err := g.open(m.DBPath)
	if err != nil {
		return m.cannotOpen(a, err, opts)
	}
	defer g.close()
	win := ui.NewWindow(a, nb, g.services(), m.DBPath)
	win.OnReady = func() {
		if opts.quitAfterReady {
			took := time.Since(processStart)
			var listed int
			fyne.DoAndWait(func() { listed = len(win.Articles()) })
			fmt.Fprintf(m.Stdout, "ready in %d ms (%d articles)\n", took.Milliseconds(), listed)
			fyne.Do(win.Quit)
			return
		}
		// Once the window is up, index for the palette in the background.
		g.warmSearch()
	}
	win.Win.ShowAndRun()
	return nil
}

// cannotOpen tells a desktop user, in a window, why the notebook did not
// open: a dialog, then exit.
func (m *Main) cannotOpen(a fyne.App, err error, opts *guiOptions) error {
	w := a.NewWindow("Dossier")
	w.Resize(fyne.NewSize(560, 240))
	msg := dossier.ErrorMessage(err)
	if dossier.ErrorCode(err) == dossier.ECONFLICT {
		msg = fmt.Sprintf("This notebook is open in another Dossier window or program:\n\n%s\n\nClose it there and start Dossier again, or open another notebook with --db FILE.", m.DBPath)
	}
	w.SetContent(widget.NewLabel(""))
	d := dialog.NewInformation("Cannot open the notebook", msg, w)
	d.SetOnClosed(a.Quit)
	d.Show()
	if opts.quitAfterReady {
		return err
	}
	w.ShowAndRun()
	return err
}

// guiSession is the notebook the window has open, and the services over
// it. Switching notebooks replaces the notebook under the same services.
type guiSession struct {
	m  *Main
	mu sync.Mutex
	nb *guiNotebook
}

func (g *guiSession) current() *guiNotebook {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.nb
}

// open opens the notebook at path, seeding it when it is new, and makes it
// the session's.
func (g *guiSession) open(path string) (*guiNotebook, error) {
	m := *g.m
	m.DBPath = path
	n, err := m.open()
	if err != nil {
		return nil, err
	}
	al, err := m.wireExtraction(n)
	if err != nil {
		n.Close()
		return nil, err
	}
	nb := &guiNotebook{Notebook: n, m: &m, al: al}
	nb.search.n = n
	g.mu.Lock()
	g.nb = nb
	g.mu.Unlock()
	return nb, nil
}

// close closes the notebook when the window is gone. A read still running
// in the background (the speakers of 100,000 articles take seconds) would
// hold Close up; what is committed is safe on disk, so the process does not
// wait for it longer than closeWait.
func (g *guiSession) close() {
	nb := g.current()
	if nb == nil {
		return
	}
	done := make(chan struct{})
	go func() {
		nb.search.wait()
		nb.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(closeWait):
	}
}

const closeWait = 2 * time.Second

func (g *guiSession) warmSearch() { g.current().search.warm() }

// services wires the window's services to whatever notebook is open.
func (g *guiSession) services() ui.Services {
	s := ui.Services{
		Search: func(ctx context.Context, query string, kinds []string, limit int) ([]ui.SearchResult, error) {
			svc, err := g.current().search.get()
			if err != nil {
				return nil, err
			}
			return svc.Search(ctx, query, kinds, limit)
		},
		Import: func(ctx context.Context, paths []string, progress func(ui.ImportProgress)) (ui.ImportSummary, error) {
			return g.current().importPaths(ctx, paths, progress)
		},
		Switch: g.switchTo,
	}
	if exporter != nil {
		s.Export = func(ctx context.Context, format, path string, q *dossier.Query, progress func(done, total int)) error {
			return exporter(ctx, g.current().Notebook, format, path, q, progress)
		}
	}
	return s
}

// switchTo opens the notebook at path and closes the open one; when path
// cannot be opened the open one stays.
func (g *guiSession) switchTo(path string) (ui.Notebook, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	old := g.current()
	if old != nil && old.Path() == path {
		return old, nil
	}
	nb, err := g.open(path)
	if err != nil {
		return nil, err
	}
	if old != nil {
		old.search.wait()
		old.Close()
	}
	nb.search.warm()
	return nb, nil
}

// guiNotebook adapts *store.Notebook to ui.Notebook, and keeps the fuzzy
// search's index current as the window changes the notebook.
type guiNotebook struct {
	*store.Notebook
	m      *Main
	al     *extract.Aliases
	search lazySearch
}

var (
	_ ui.Notebook      = (*guiNotebook)(nil)
	_ ui.SpeakerLister = (*guiNotebook)(nil)
	_ ui.ItemReader    = (*guiNotebook)(nil)
	_ ui.SpeakerNamer  = (*guiNotebook)(nil)
)

// The window's queries match speakers through the alias table, as the
// command line's do.
func (n *guiNotebook) canon(q *dossier.Query) *dossier.Query {
	if q == nil || n.al == nil {
		return q
	}
	return q.WithSpeakerCanon(speakerCanon(n.al))
}

func (n *guiNotebook) ArticlesMatching(q *dossier.Query) ([]dossier.ArticleMeta, error) {
	return n.Notebook.ArticlesMatching(n.canon(q))
}

func (n *guiNotebook) Passages(q *dossier.Query) ([]dossier.Passage, error) {
	return n.Notebook.Passages(n.canon(q))
}

func (n *guiNotebook) QuotesMatching(q *dossier.Query) ([]dossier.Quote, error) {
	return n.Notebook.QuotesMatching(n.canon(q))
}

func (n *guiNotebook) FiguresMatching(q *dossier.Query) ([]dossier.Figure, error) {
	return n.Notebook.FiguresMatching(n.canon(q))
}

func (n *guiNotebook) AddPassage(a dossier.ArticleID, start, end int, tags []string, note string) (dossier.Passage, error) {
	p, err := n.Notebook.AddPassage(a, start, end, tags, note)
	if err == nil {
		n.search.passage(p)
	}
	return p, err
}

// SetPassage replaces a passage's tags and note, as one step of undo.
func (n *guiNotebook) SetPassage(id dossier.PassageID, tags []string, note string) error {
	if err := n.EditPassages([]dossier.PassageID{id}, store.PassageEdit{Tags: &tags, Note: &note}); err != nil {
		return err
	}
	if p, err := n.Passage(id); err == nil {
		n.search.passage(p)
	}
	n.search.refresh() // tags may be new
	return nil
}

func (n *guiNotebook) DeletePassage(id dossier.PassageID) error {
	err := n.Notebook.DeletePassage(id)
	if err == nil {
		n.search.removePassage(id)
	}
	return err
}

func (n *guiNotebook) SetQuoteSpeaker(id dossier.QuoteID, speaker, role string) error {
	err := n.Notebook.SetQuoteSpeaker(id, speaker, role)
	if err == nil {
		n.search.refresh(search.Speaker)
	}
	return err
}

func (n *guiNotebook) Tags() ([]ui.TagCount, error) {
	ts, err := n.Notebook.Tags()
	out := make([]ui.TagCount, len(ts))
	for i, t := range ts {
		out[i] = ui.TagCount{Tag: t.Tag, Count: t.Count, Total: t.Total}
	}
	return out, err
}

func (n *guiNotebook) Undo() (string, error) {
	s, err := n.Notebook.Undo()
	if err == nil {
		n.syncAliases()
		n.search.refresh()
	}
	return s, err
}

func (n *guiNotebook) Redo() (string, error) {
	s, err := n.Notebook.Redo()
	if err == nil {
		n.syncAliases()
		n.search.refresh()
	}
	return s, err
}

// CanonicalSpeaker is a speaker's name through the alias table, as dossier
// quotes shows it: the quote ledger's Speaker column.
func (n *guiNotebook) CanonicalSpeaker(name string) string { return n.al.Canonical(name) }

// Speakers lists the people quoted, merged through the alias table, most
// quoted first.
func (n *guiNotebook) Speakers() ([]ui.NameCount, error) {
	count := map[string]int{}
	err := n.EachQuote(func(q *dossier.Quote) error {
		if q.Speaker != "" {
			count[n.al.Canonical(q.Speaker)]++
		}
		return nil
	})
	out := make([]ui.NameCount, 0, len(count))
	for _, name := range byCount(count) {
		out = append(out, ui.NameCount{Name: name, Count: count[name]})
	}
	return out, err
}

// The CLI's changes to a notebook, for the window: each goes through the
// store (one step of undo) and then brings the search index up to date
// with the narrowest refresh that covers it (see searchService).

func (n *guiNotebook) RenameTag(from, to string) error {
	return n.then(n.Notebook.RenameTag(from, to), search.Tag)
}

func (n *guiNotebook) MergeTag(from, into string) error {
	return n.then(n.Notebook.MergeTag(from, into), search.Tag)
}

func (n *guiNotebook) DescribeTag(path, description string) error {
	return n.then(n.Notebook.DescribeTag(path, description), search.Tag) // it may make the tag
}

func (n *guiNotebook) DeleteTag(path string, force bool) error {
	return n.then(n.Notebook.DeleteTag(path, force), search.Tag)
}

func (n *guiNotebook) SetArticleTags(id dossier.ArticleID, tags []string) error {
	return n.then(n.Notebook.SetArticleTags(id, tags), search.Tag)
}

func (n *guiNotebook) SetQuoteTags(id dossier.QuoteID, tags []string) error {
	return n.then(n.Notebook.SetQuoteTags(id, tags), search.Tag)
}

// DeleteArticle takes its title, quotes, passages and notes, maybe its
// outlet and speakers: every kind.
func (n *guiNotebook) DeleteArticle(id dossier.ArticleID) error {
	return n.then(n.Notebook.DeleteArticle(id), search.Kinds...)
}

func (n *guiNotebook) DeleteQuote(id dossier.QuoteID) error {
	return n.then(n.Notebook.DeleteQuote(id), search.Quote, search.Speaker)
}

func (n *guiNotebook) AddQuote(a dossier.ArticleID, spans []dossier.Span, speaker string) (dossier.QuoteID, error) {
	id, err := n.Notebook.AddQuote(a, spans, speaker)
	return id, n.then(err, search.Quote, search.Speaker)
}

func (n *guiNotebook) RevertQuote(id dossier.QuoteID) error {
	return n.then(n.Notebook.RevertQuote(id), search.Quote, search.Speaker)
}

func (n *guiNotebook) ReExtract(batchSize int, progress func(done, total int)) error {
	return n.then(n.Notebook.ReExtract(batchSize, progress), search.Quote, search.Speaker)
}

// then refreshes the search index's kinds after a change that succeeded,
// and returns err.
func (n *guiNotebook) then(err error, kinds ...search.Kind) error {
	if err == nil {
		n.search.refresh(kinds...)
	}
	return err
}

// Corrected reports whether the user corrected the quote.
func (n *guiNotebook) Corrected(id dossier.QuoteID) (bool, error) {
	cs, err := n.Corrections()
	for _, c := range cs {
		if c.Quote == id {
			return true, err
		}
	}
	return false, err
}

// Aliases is the alias table the notebook uses, built-in spellings marked
// as the CLI's dossier alias marks them.
func (n *guiNotebook) Aliases() ([]ui.Alias, error) {
	stored, err := n.AliasPairs()
	if err != nil {
		return nil, err
	}
	mine := map[string]bool{}
	for _, p := range stored {
		mine[p[0]] = p[1] != ""
	}
	pairs := n.al.Pairs()
	out := make([]ui.Alias, len(pairs))
	for i, p := range pairs {
		out[i] = ui.Alias{Alias: p.Alias, Name: p.Canonical, BuiltIn: !mine[p.Alias]}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Alias < out[j].Alias })
	return out, nil
}

// SetAlias makes alias a spelling of name; a name that is itself a
// spelling stands for what it spells, as in dossier alias add. Speakers
// merge through it at once; quotes found from now on resolve through it.
func (n *guiNotebook) SetAlias(alias, name string) error {
	canon := n.al.Canonical(strings.Join(strings.Fields(name), " "))
	if err := n.Notebook.SetAlias(alias, canon); err != nil {
		return err
	}
	n.syncAliases()
	n.search.refresh(search.Speaker)
	return nil
}

// RemoveAlias forgets a spelling; one not in the table is a not-found
// error.
func (n *guiNotebook) RemoveAlias(alias string) error {
	alias = strings.ToLower(strings.Join(strings.Fields(alias), " "))
	known := false
	for _, p := range n.al.Pairs() {
		known = known || p.Alias == alias
	}
	if !known {
		return dossier.Errorf(dossier.ENOTFOUND, "%q is not in the alias table", alias)
	}
	if err := n.Notebook.RemoveAlias(alias); err != nil {
		return err
	}
	n.syncAliases()
	n.search.refresh(search.Speaker)
	return nil
}

// syncAliases makes the table the extractor and Speakers use (n.al, which
// wireExtraction's extractor holds too) what the notebook stores: after an
// alias change, and after undo or redo, which may undo one.
func (n *guiNotebook) syncAliases() {
	fresh, err := aliasesOf(n.Notebook)
	if err != nil {
		return
	}
	want := map[string]string{}
	for _, p := range fresh.Pairs() {
		want[p.Alias] = p.Canonical
	}
	for _, p := range n.al.Pairs() {
		if c, ok := want[p.Alias]; !ok || c != p.Canonical {
			n.al.Remove(p.Alias)
		}
	}
	for a, c := range want {
		n.al.Add(a, c)
	}
}

// Steps lists the undo log, newest first.
func (n *guiNotebook) Steps(max int) ([]ui.Step, error) {
	ops, err := n.History(max)
	out := make([]ui.Step, len(ops))
	for i, o := range ops {
		out[i] = ui.Step{Seq: o.Seq, Kind: o.Kind, Summary: o.Summary, At: o.At, Undone: o.Undone}
	}
	return out, err
}

// StepTo undoes or redoes, a step (or group) at a time, until the step seq
// is undone (or done). A step inside a group goes with its group.
func (n *guiNotebook) StepTo(seq uint64, undone bool) (int, error) {
	steps := 0
	defer func() {
		if steps > 0 {
			n.syncAliases()
			n.search.refresh()
		}
	}()
	for {
		newest, err := n.History(1)
		if err != nil {
			return steps, err
		}
		if len(newest) == 0 || newest[0].Seq < seq {
			return steps, dossier.Errorf(dossier.ENOTFOUND, "step %d is no longer in the history", seq)
		}
		// The log's keys grow by one a step: the newest newest-seq+1 hold seq.
		ops, err := n.History(int(newest[0].Seq-seq) + 1)
		if err != nil {
			return steps, err
		}
		i := slices.IndexFunc(ops, func(o store.Op) bool { return o.Seq == seq })
		if i < 0 {
			return steps, dossier.Errorf(dossier.ENOTFOUND, "step %d is no longer in the history", seq)
		}
		if ops[i].Undone == undone {
			return steps, nil
		}
		if undone {
			_, err = n.Notebook.Undo()
		} else {
			_, err = n.Notebook.Redo()
		}
		if err != nil {
			return steps, err
		}
		steps++
	}
}

// importPaths imports files and folders as one step of undo.
func (n *guiNotebook) importPaths(ctx context.Context, paths []string, progress func(ui.ImportProgress)) (ui.ImportSummary, error) {
	imp := n.m.importer(n.Notebook)
	imp.Progress = func(p ingest.Progress) {
		progress(ui.ImportProgress{FilesDone: p.FilesDone, FilesTotal: p.FilesTotal, Articles: p.Articles})
	}
	end := n.Group(importSummary(paths))
	rep, err := imp.Import(ctx, paths...)
	end()
	n.search.refresh()
	if err != nil && rep == nil {
		return ui.ImportSummary{}, err
	}
	sum := ui.ImportSummary{Summary: rep.String(), Failed: rep.Failed()}
	for _, p := range rep.Problems {
		s := p.Error()
		if p.Warning {
			s = "warning: " + s
		}
		sum.Problems = append(sum.Problems, s)
	}
	if len(rep.Duplicates) > 0 {
		sum.Problems = append(sum.Problems, fmt.Sprintf("%d duplicates were not added again (their text is already in the notebook)", len(rep.Duplicates)))
	}
	return sum, err
}

// lazySearch builds the fuzzy search's index on first use, so start-up
// never waits for it, and then keeps it current.
type lazySearch struct {
	n    *store.Notebook
	once sync.Once
	svc  *searchService
	err  error
	busy sync.WaitGroup
}

func (l *lazySearch) get() (*searchService, error) {
	l.once.Do(func() { l.svc, l.err = newSearchService(l.n) })
	return l.svc, l.err
}

func (l *lazySearch) passage(p dossier.Passage) {
	if s, err := l.get(); err == nil {
		s.AddPassage(p)
	}
}

func (l *lazySearch) removePassage(id dossier.PassageID) {
	if s, err := l.get(); err == nil {
		s.RemovePassage(id)
	}
}

// refresh reads the items of the given kinds (all when none is given) into
// the index again, in the background.
func (l *lazySearch) refresh(kinds ...search.Kind) {
	l.busy.Add(1)
	go func() {
		defer l.busy.Done()
		if s, err := l.get(); err == nil {
			s.Refresh(kinds...)
		}
	}()
}

// warm builds the index in the background.
func (l *lazySearch) warm() {
	l.busy.Add(1)
	go func() {
		defer l.busy.Done()
		l.get()
	}()
}

// wait waits for work on the index under way, before the notebook closes.
func (l *lazySearch) wait() { l.busy.Wait() }

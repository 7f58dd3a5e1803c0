package ui

import (
	"context"
	"strings"
	"testing"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// openWindow opens a test window on nb and waits for its first load.
func openWindow(t *testing.T, nb Notebook, svc Services) (*Window, fyne.App) {
	t.Helper()
	app := test.NewTempApp(t)
	w := newWindow(app, nb, svc, "/notebooks/test.dossier", &funcQueue{})
	w.Win.Resize(fyne.NewSize(1280, 800))
	w.settle()
	t.Cleanup(func() { w.settle(); w.Win.Close() })
	return w, app
}

func titles(w *Window) []string {
	var out []string
	for _, m := range w.Articles() {
		out = append(out, m.Title)
	}
	return out
}

func TestWindowListsByDateAndOpensArticle(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	if got := strings.Join(titles(w), " | "); got != "Talks in Geneva | Russia masses troops | Undated note" {
		t.Fatalf("order = %q, want oldest first and undated last", got)
	}
	// The first article opens on start; the list reads no bodies.
	if a := w.Current(); a == nil || a.ID != 3 {
		t.Fatalf("reader shows %v, want article 3", a)
	}
	for _, c := range nb.Calls() {
		if strings.HasPrefix(c, "Article ") && c != "Article 3" {
			t.Errorf("start-up read %s: only the article shown should be read", c)
		}
		if strings.HasPrefix(c, "Passages") {
			t.Errorf("start-up listed passages (%s) that no view shows", c)
		}
	}
	w.list.Select(1)
	w.settle()
	if a := w.Current(); a == nil || a.ID != 1 {
		t.Errorf("after selecting the second row the reader shows %+v", a)
	}
	if got := w.count.Text; got != "3 articles" {
		t.Errorf("status count = %q", got)
	}
	if len(w.sidebar.speakers) != 2 || len(w.sidebar.outlets) != 2 {
		t.Errorf("sidebar speakers %v, outlets %v", w.sidebar.speakers, w.sidebar.outlets)
	}
}

// stubTagDialog answers the tag dialog with tags and note at once.
func stubTagDialog(tags []string, note string) func(fyne.Window, []TagCount, []string, string, func([]string, string), func()) {
	return func(_ fyne.Window, _ []TagCount, _ []string, _ string, onSave func([]string, string), _ func()) {
		onSave(tags, note)
	}
}

func TestTagPassageThenFilterBySidebar(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	w.OpenArticle(1, nil)
	w.settle()

	// Tag "More than 94,000 troops" of article 1.
	w.tagDialog = stubTagDialog([]string{"claim/troops"}, "the first figure")
	start := strings.Index(w.Current().Body, "More")
	w.Reader().Select(start, start+len("More than 94,000 troops"))
	w.TagSelection() // Ctrl+T
	w.settle()
	if len(w.annots) != 1 || w.annots[0].Text != "More than 94,000 troops" || w.annots[0].Tags[0] != "claim/troops" {
		t.Fatalf("the window's passages after tagging: %+v", w.annots)
	}
	// The highlight appears in the reader, in the tag's colour.
	if hl := w.Reader().passages; len(hl) != 1 || hl[0].Start != start {
		t.Errorf("the reader highlights %+v", hl)
	}
	if tags := w.tagCache[1]; len(tags) != 1 || tags[0] != "claim/troops" {
		t.Errorf("the article's row chips = %v", tags)
	}
	// The sidebar shows the tag under its parent, with its count.
	if kids := w.sidebar.children[""]; len(kids) != 1 || kids[0] != "claim" || w.sidebar.children["claim"][0] != "claim/troops" {
		t.Fatalf("tag tree = %v", w.sidebar.children)
	}
	if tc := w.sidebar.tags["claim/troops"]; tc == nil || tc.Total != 1 {
		t.Errorf("count of claim/troops = %+v", tc)
	}

	// A tag chosen in the sidebar narrows the list; again leaves it out;
	// a third time clears.
	row := sideRowOf(w, "troops")
	if row == nil {
		t.Fatal("no row for claim/troops in the sidebar")
	}
	test.Tap(row)
	w.settle()
	if got := w.filter.Entry.Text; got != "tag:claim/troops" {
		t.Errorf("filter bar = %q", got)
	}
	if got := titles(w); len(got) != 1 || got[0] != "Russia masses troops" {
		t.Errorf("list with tag:claim/troops = %q", got)
	}
	if w.sidebar.state("tag", "claim/troops") != 1 {
		t.Error("the sidebar does not mark the tag as kept")
	}
	test.Tap(row)
	w.settle()
	if got := w.filter.Entry.Text; got != "-tag:claim/troops" {
		t.Errorf("filter bar after a second click = %q", got)
	}
	if got := titles(w); len(got) != 2 {
		t.Errorf("list with -tag:claim/troops = %q", got)
	}
	test.Tap(row)
	w.settle()
	if w.Query() != nil || w.filter.Entry.Text != "" || len(w.Articles()) != 3 {
		t.Errorf("after a third click: query %v, bar %q, %d articles", w.Query(), w.filter.Entry.Text, len(w.Articles()))
	}

	// A right click opens the tag's menu, which leaves it out.
	test.TapSecondary(row)
	if ov := w.Win.Canvas().Overlays().Top(); ov == nil || !containsMenu(ov) {
		t.Errorf("a right click on a tag showed %T, want its menu", ov)
	} else {
		w.Win.Canvas().Overlays().Remove(ov)
	}
	menuItem(t, w.sidebar.tagMenuItems("claim/troops"), "Leave Out What Has troops").Action()
	w.settle()
	if got := w.filter.Entry.Text; got != "-tag:claim/troops" {
		t.Errorf("filter bar after Leave Out = %q", got)
	}
	w.SetQuery(nil)
	w.settle()

	// Speakers and outlets build the filter too, beside the tag.
	w.sidebar.Cycle("tag", "claim")
	w.sidebar.Cycle("speaker", "Jen Psaki")
	w.sidebar.Cycle("outlet", "Reuters")
	w.settle()
	if got := w.filter.Entry.Text; got != `tag:claim speaker:"Jen Psaki" outlet:Reuters` {
		t.Errorf("filter bar = %q", got)
	}
	if got := titles(w); len(got) != 1 || got[0] != "Russia masses troops" {
		t.Errorf("list = %q", got)
	}
}

func TestTagSelectionWithoutSelectionSaysHow(t *testing.T) {
	w, _ := openWindow(t, fakeArticles(), Services{})
	asked := false
	w.tagDialog = func(fyne.Window, []TagCount, []string, string, func([]string, string), func()) { asked = true }
	w.TagSelection()
	if asked || !strings.Contains(w.status.Text, "Select some text") {
		t.Errorf("Ctrl+T with nothing selected: dialog %v, status %q", asked, w.status.Text)
	}
}

func TestFilterBarParsesAndShowsMistakes(t *testing.T) {
	w, _ := openWindow(t, fakeArticles(), Services{})
	test.Type(w.filter.Entry, "tga:x")
	w.filter.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.settle()
	if p := w.filter.Problem(); !strings.HasPrefix(p, "Column 1: unknown field") {
		t.Errorf("problem shown = %q", p)
	}
	if len(w.Articles()) != 3 || w.Query() != nil {
		t.Errorf("a query with a mistake changed the list")
	}
	w.filter.Entry.SetText("outlet:ap   OR   outlet:reuters")
	w.filter.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.settle()
	if p := w.filter.Problem(); p != "" {
		t.Errorf("problem still shown: %q", p)
	}
	if got := w.filter.Entry.Text; got != "outlet:ap OR outlet:reuters" {
		t.Errorf("the bar shows %q, want the query's canonical form", got)
	}
	if len(w.Articles()) != 2 {
		t.Errorf("list = %q", titles(w))
	}
	if got := w.count.Text; got != "2 of 3 articles" {
		t.Errorf("count = %q", got)
	}
}

func TestPassagesPaneOpensPassage(t *testing.T) {
	nb := fakeArticles()
	if _, err := nb.AddPassage(3, 0, 8, []string{"place/geneva"}, "where"); err != nil {
		t.Fatal(err)
	}
	if _, err := nb.AddPassage(1, 0, 6, []string{"actor/russia"}, ""); err != nil {
		t.Fatal(err)
	}
	w, _ := openWindow(t, nb, Services{})
	w.OpenArticle(2, nil)
	w.settle()
	w.ShowView(viewPassages)
	w.settle()
	if got := len(w.passages.Passages()); got != 2 {
		t.Fatalf("passages pane lists %d, want 2", got)
	}
	if w.passages.empty.Visible() {
		t.Error("the empty pane's hint shows over two passages")
	}
	if got := w.views.Items[1].Text; got != "Passages (2)" {
		t.Errorf("tab = %q", got)
	}
	w.SetQuery(mustQuery(t, "tag:place"))
	w.settle()
	ps := w.passages.Passages()
	if len(ps) != 1 || ps[0].Note != "where" {
		t.Fatalf("passages with tag:place = %+v", ps)
	}
	w.passages.Select(0)
	w.settle()
	if a := w.Current(); a == nil || a.ID != 3 {
		t.Errorf("clicking the passage opened %v, want article 3", a)
	}
	w.SetQuery(mustQuery(t, "tag:nowhere"))
	w.settle()
	if len(w.passages.Passages()) != 0 || !w.passages.empty.Visible() {
		t.Error("no passage matches, and the pane shows no hint")
	}
}

func mustQuery(t *testing.T, s string) *dossier.Query {
	t.Helper()
	q, err := dossier.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestUndoRedoPassage(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	w.tagDialog = stubTagDialog([]string{"actor/us"}, "")
	w.tagSpan(0, 8)
	w.settle()
	if len(w.annots) != 1 {
		t.Fatalf("passages after tagging: %d", len(w.annots))
	}
	w.Undo()
	w.settle()
	if len(w.annots) != 0 || !strings.HasPrefix(w.status.Text, "Undone: Tag actor/us") {
		t.Errorf("after undo: %d passages, status %q", len(w.annots), w.status.Text)
	}
	if len(w.sidebar.tags) != 0 {
		t.Errorf("the sidebar still lists %v", w.sidebar.tags)
	}
	w.Redo()
	w.settle()
	if len(w.annots) != 1 || !strings.HasPrefix(w.status.Text, "Redone:") {
		t.Errorf("after redo: %d passages, status %q", len(w.annots), w.status.Text)
	}
	// Editing the passage to no tags and no note deletes it.
	w.tagDialog = stubTagDialog(nil, "")
	w.editPassage(w.annots[0])
	w.settle()
	if len(w.annots) != 0 {
		t.Errorf("after clearing the passage: %+v", w.annots)
	}
}

func TestPaletteResultsOpen(t *testing.T) {
	nb := fakeArticles()
	p, _ := nb.AddPassage(1, 0, 6, []string{"actor/russia"}, "")
	w, _ := openWindow(t, nb, Services{
		Search: func(ctx context.Context, query string, kinds []string, limit int) ([]SearchResult, error) {
			return nil, nil
		},
	})
	w.OpenResult(SearchResult{Kind: "passage", ID: uint64(p.ID)})
	w.settle()
	if a := w.Current(); a == nil || a.ID != 1 {
		t.Errorf("a passage result opened %v", a)
	}
	w.OpenResult(SearchResult{Kind: "quote", ID: 301})
	w.settle()
	if a := w.Current(); a == nil || a.ID != 3 {
		t.Errorf("a quote result opened %v", a)
	}
	w.OpenResult(SearchResult{Kind: "article", ID: 2})
	w.settle()
	if a := w.Current(); a == nil || a.ID != 2 {
		t.Errorf("an article result opened %v", a)
	}
	w.OpenResult(SearchResult{Kind: "speaker", Text: "Ned Price"})
	w.settle()
	if got := w.filter.Entry.Text; got != `speaker:"Ned Price"` || len(w.Articles()) != 1 {
		t.Errorf("a speaker result: filter %q, %d articles", got, len(w.Articles()))
	}
	// The palette opens over the window.
	w.Find()
	if len(w.Win.Canvas().Overlays().List()) == 0 {
		t.Error("Find showed no palette")
	}
}

func TestImportShowsProgressAndSummary(t *testing.T) {
	nb := fakeArticles()
	var gotPaths []string
	w, _ := openWindow(t, nb, Services{
		Import: func(ctx context.Context, paths []string, progress func(ImportProgress)) (ImportSummary, error) {
			gotPaths = paths
			progress(ImportProgress{FilesDone: 1, FilesTotal: 2, Articles: 1})
			nb.addArticle(&dossier.Article{ID: 9, Title: "Imported", Body: "New text."})
			return ImportSummary{Summary: "2 files read: 1 added", Problems: []string{"bad.csv: row 3: no body"}, Failed: true}, nil
		},
	})
	w.importURIs([]fyne.URI{fileURI("/tmp/a.txt"), fileURI("/tmp/bad.csv")})
	w.settle()
	if len(gotPaths) != 2 || gotPaths[1] != "/tmp/bad.csv" {
		t.Errorf("import got %v", gotPaths)
	}
	if len(w.Articles()) != 4 {
		t.Errorf("the list after the import has %d articles", len(w.Articles()))
	}
	if w.progress.Visible() || w.importing {
		t.Error("the progress bar stays after the import")
	}
	ov := w.Win.Canvas().Overlays().Top()
	if ov == nil || !containsText(ov, "bad.csv: row 3: no body") || !containsText(ov, "Import finished with problems") {
		t.Error("no summary listing the problem")
	}
}

func TestSwitchNotebookRemembersRecent(t *testing.T) {
	other := newFakeNotebook(&dossier.Article{ID: 7, Title: "Other notebook", Body: "Text."})
	var opened string
	w, app := openWindow(t, fakeArticles(), Services{
		Switch: func(path string) (Notebook, error) {
			if strings.Contains(path, "locked") {
				return nil, dossier.Errorf(dossier.ECONFLICT, "in use")
			}
			opened = path
			return other, nil
		},
	})
	w.SetQuery(mustQuery(t, "outlet:ap"))
	w.settle()
	w.SwitchTo("/notebooks/other.dossier")
	w.settle()
	if opened != "/notebooks/other.dossier" || w.Path() != opened {
		t.Fatalf("switched to %q, window path %q", opened, w.Path())
	}
	if got := titles(w); len(got) != 1 || got[0] != "Other notebook" || w.Query() != nil {
		t.Errorf("after switching: list %q, query %v", got, w.Query())
	}
	if r := (prefs{app.Preferences()}).recent(); len(r) == 0 || r[0] != opened {
		t.Errorf("recent = %v", r)
	}
	// The first notebook's filter is remembered for when it opens again.
	if got := (prefs{app.Preferences()}).lastFilter("/notebooks/test.dossier"); got != "outlet:ap" {
		t.Errorf("remembered filter = %q", got)
	}
	w.SwitchTo("/notebooks/locked.dossier")
	w.settle()
	if w.Path() != opened {
		t.Error("a notebook in use replaced the open one")
	}
	if ov := w.Win.Canvas().Overlays().Top(); ov == nil || !containsText(ov, "open in another window") {
		t.Error("no clear message for a notebook in use")
	}
}

func TestRemembersViewBetweenRuns(t *testing.T) {
	app := test.NewTempApp(t)
	nb := fakeArticles()
	w := newWindow(app, nb, Services{}, "/n.dossier", &funcQueue{})
	w.settle()
	w.SetQuery(mustQuery(t, "-outlet:ap"))
	w.OpenArticle(2, nil)
	w.settle()
	w.ShowView(viewPassages)
	w.settle()
	w.saveState()
	w.Win.Close()

	w2 := newWindow(app, nb, Services{}, "/n.dossier", &funcQueue{})
	w2.settle()
	if got := w2.filter.Entry.Text; got != "-outlet:ap" {
		t.Errorf("filter = %q", got)
	}
	if a := w2.Current(); a == nil || a.ID != 2 {
		t.Errorf("reader = %v, want the article last read", a)
	}
	if !w2.showingPassages() {
		t.Error("the passages view was not remembered")
	}
	w2.SetTheme(ThemeDark)
	if got := app.Preferences().String(prefTheme); got != ThemeDark {
		t.Errorf("theme pref = %q", got)
	}
	w2.Win.Close()
}

func TestShortcutsInMenus(t *testing.T) {
	w, _ := openWindow(t, fakeArticles(), Services{
		Import: func(context.Context, []string, func(ImportProgress)) (ImportSummary, error) {
			return ImportSummary{}, nil
		},
		Search: func(context.Context, string, []string, int) ([]SearchResult, error) { return nil, nil },
	})
	menu := w.Win.MainMenu()
	if menu == nil {
		t.Fatal("no main menu")
	}
	want := map[string]string{"Undo": "undo", "Redo": "redo", "Tag Selection…": "tag", "Find…": "find", "Import Files…": "import", "Quit": "quit"}
	found := map[string]bool{}
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if a, ok := want[it.Label]; ok {
				found[it.Label] = true
				if it.Shortcut != Shortcuts[a] {
					t.Errorf("%s has shortcut %v", it.Label, it.Shortcut)
				}
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range menu.Items {
		walk(m.Items)
	}
	for l := range want {
		if !found[l] {
			t.Errorf("no menu item %q", l)
		}
	}
	// Export is hidden without an exporter; so is switching notebooks.
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Label == "Export…" || it.Label == "Open Notebook…" {
				t.Errorf("%q shown without its service", it.Label)
			}
		}
	}
}

// sideRowOf returns the sidebar's row that shows name, as drawn.
func sideRowOf(w *Window, name string) *sideRow {
	var found *sideRow
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if r, ok := o.(*sideRow); ok && r.name.Text == name {
			found = r
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	walk(w.Win.Content())
	return found
}

func fileURI(path string) fyne.URI {
	return &testURI{path}
}

type testURI struct{ path string }

func (u *testURI) Extension() string { return "" }
func (u *testURI) Name() string      { return u.path }
func (u *testURI) MimeType() string  { return "" }
func (u *testURI) Scheme() string    { return "file" }
func (u *testURI) String() string    { return "file://" + u.path }
func (u *testURI) Authority() string { return "" }
func (u *testURI) Path() string      { return u.path }
func (u *testURI) Query() string     { return "" }
func (u *testURI) Fragment() string  { return "" }

// containsText reports whether a label or entry under o shows s.
func containsText(o fyne.CanvasObject, s string) bool {
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found || o == nil {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			found = strings.Contains(x.Text, s)
		case *widget.Entry:
			found = strings.Contains(x.Text, s)
		}
		if found {
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return found
}

// menuItem returns the item labelled label.
func menuItem(t *testing.T, items []*fyne.MenuItem, label string) *fyne.MenuItem {
	t.Helper()
	var labels []string
	for _, it := range items {
		if it.Label == label {
			return it
		}
		labels = append(labels, it.Label)
	}
	t.Fatalf("no menu item %q in %q", label, labels)
	return nil
}

// containsMenu reports whether a pop-up menu is under o.
func containsMenu(o fyne.CanvasObject) bool {
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found || o == nil {
			return
		}
		switch o.(type) {
		case *widget.PopUpMenu, *widget.Menu:
			found = true
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return found
}

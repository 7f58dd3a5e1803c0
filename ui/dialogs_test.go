package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// enter presses Enter on what has the keyboard.
func enter(w *Window) {
	w.Win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// escape presses Escape on what has the keyboard.
func escape(w *Window) {
	w.Win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// typeInFocused replaces the text of the focused field with s.
func typeInFocused(t *testing.T, w *Window, s string) {
	t.Helper()
	e, ok := w.Win.Canvas().Focused().(*keyEntry)
	if !ok {
		t.Fatalf("the keyboard is in %T, not a field", w.Win.Canvas().Focused())
	}
	e.SetText(s)
}

// taggedNotebook has passages tagged actor/russia, actor/russia/mod and
// claim/troops.
func taggedNotebook(t *testing.T) *fakeNotebook {
	t.Helper()
	nb := fakeArticles()
	for _, p := range []struct {
		art        dossier.ArticleID
		start, end int
		tag        string
	}{{1, 0, 6, "actor/russia"}, {1, 11, 16, "actor/russia/mod"}, {3, 0, 9, "claim/troops"}} {
		if _, err := nb.AddPassage(p.art, p.start, p.end, []string{p.tag}, ""); err != nil {
			t.Fatal(err)
		}
	}
	return nb
}

func TestRenameTagFromSidebarMenu(t *testing.T) {
	nb := taggedNotebook(t)
	w, _ := openWindow(t, nb, Services{})
	menuItem(t, w.sidebar.tagMenuItems("actor/russia"), "Rename or Move…").Action()
	if ov := w.Win.Canvas().Overlays().Top(); ov == nil || !containsText(ov, "actor/russia") {
		t.Fatal("no rename dialog with the tag's path")
	}
	typeInFocused(t, w, "actor/kremlin")
	enter(w)
	w.settle()
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after the rename")
	}
	if kids := w.sidebar.children["actor"]; !slices.Equal(kids, []string{"actor/kremlin"}) {
		t.Fatalf("the sidebar's actor holds %v (%v; %v)", kids, w.sidebar.children, nb.Calls())
	}
	if w.sidebar.children["actor/kremlin"][0] != "actor/kremlin/mod" {
		t.Errorf("the tag under it did not move: %v", w.sidebar.children)
	}
	if sideRowOf(w, "kremlin") == nil || sideRowOf(w, "russia") != nil {
		t.Error("the sidebar does not show the new name as drawn")
	}
	if !strings.Contains(w.status.Text, "Renamed actor/russia to actor/kremlin") {
		t.Errorf("status = %q", w.status.Text)
	}

	// Onto a tag that exists: refused, with why and Merge offered.
	menuItem(t, w.sidebar.tagMenuItems("actor/kremlin"), "Rename or Move…").Action()
	typeInFocused(t, w, "claim/troops")
	enter(w)
	w.settle()
	d := w.ops.last
	if !d.problem.Visible() || !strings.Contains(d.problem.Text, "Tag claim/troops exists") || !d.fix.Visible() {
		t.Fatalf("refusal shown: %v %q, fix %v", d.problem.Visible(), d.problem.Text, d.fix.Visible())
	}
	test.Tap(d.fix)
	w.settle()
	if _, ok := w.sidebar.tags["actor/kremlin"]; ok {
		t.Error("actor/kremlin is still a tag after Merge")
	}
	if tc := w.sidebar.tags["claim/troops"]; tc == nil || tc.Count != 2 {
		t.Errorf("claim/troops after the merge: %+v", tc)
	}

	// Escape cancels.
	menuItem(t, w.sidebar.tagMenuItems("claim/troops"), "Rename or Move…").Action()
	typeInFocused(t, w, "claim/other")
	escape(w)
	w.settle()
	if w.Win.Canvas().Overlays().Top() != nil || w.sidebar.tags["claim/troops"] == nil {
		t.Error("Escape did not cancel the rename")
	}
}

func TestDeleteTagInUseAsksFirst(t *testing.T) {
	nb := taggedNotebook(t)
	w, _ := openWindow(t, nb, Services{})
	w.SetQuery(mustQuery(t, "tag:claim/troops"))
	w.settle()
	menuItem(t, w.sidebar.tagMenuItems("claim/troops"), "Delete…").Action()
	w.settle()
	ov := w.Win.Canvas().Overlays().Top()
	if ov == nil || !containsText(ov, "are on 1 passage") || !containsText(ov, "They stay") {
		t.Fatal("no confirmation saying what uses the tag")
	}
	for _, c := range nb.Calls() {
		if strings.HasPrefix(c, "DeleteTag") {
			t.Fatalf("deleted before the confirmation: %s", c)
		}
	}
	enter(w) // Enter confirms
	w.settle()
	if _, ok := w.sidebar.tags["claim/troops"]; ok {
		t.Error("the sidebar still lists claim/troops")
	}
	if !slices.Contains(nb.Calls(), "DeleteTag claim/troops true") {
		t.Errorf("calls = %v", nb.Calls())
	}
	ps, _ := nb.PassagesOf(3)
	if len(ps) != 1 || len(ps[0].Tags) != 0 {
		t.Errorf("the passage should stay, untagged: %+v", ps)
	}
	if w.Query() != nil {
		t.Errorf("the filter still names the deleted tag: %v", w.Query())
	}

	// A tag no passage uses goes at once.
	if err := nb.DescribeTag("unused", "nothing"); err != nil {
		t.Fatal(err)
	}
	w.loadTags()
	w.settle()
	menuItem(t, w.sidebar.tagMenuItems("unused"), "Delete…").Action()
	w.settle()
	if w.Win.Canvas().Overlays().Top() != nil || w.sidebar.tags["unused"] != nil {
		t.Error("an unused tag asked for confirmation, or stayed")
	}
}

func TestDeleteArticleAndUndo(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	w.OpenArticle(1, nil)
	w.settle()
	m := w.Articles()[w.list.IndexOf(1)]
	menuItem(t, w.articleMenu(m), "Delete Article…").Action()
	if ov := w.Win.Canvas().Overlays().Top(); ov == nil || !containsText(ov, "Russia masses troops") {
		t.Fatal("no confirmation naming the article")
	}
	enter(w)
	w.settle()
	if slices.Contains(titles(w), "Russia masses troops") || len(w.Articles()) != 2 {
		t.Fatalf("the list after deleting: %q", titles(w))
	}
	if a := w.Current(); a == nil || a.ID == 1 {
		t.Errorf("the reader shows %v, want the next article", a)
	}
	// Ctrl+Z, from the menu that holds it, brings it back.
	undo := findMenuItem(w, "Undo")
	if undo == nil || undo.Shortcut != Shortcuts["undo"] {
		t.Fatal("no Undo with Ctrl+Z in the menu")
	}
	undo.Action()
	w.settle()
	if !slices.Contains(titles(w), "Russia masses troops") {
		t.Errorf("after undo the list is %q", titles(w))
	}
}

// findMenuItem finds an item of the main menu by its label.
func findMenuItem(w *Window, label string) *fyne.MenuItem {
	var found *fyne.MenuItem
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Label == label && found == nil {
				found = it
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range w.Win.MainMenu().Items {
		walk(m.Items)
	}
	return found
}

func TestAliasAddShowsInTable(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	findMenuItem(w, "Speaker Spellings…").Action()
	w.settle()
	a := w.ops.aliases
	if a == nil || len(a.shown) != 2 || !a.shown[0].BuiltIn {
		t.Fatalf("the table holds %+v, want the two built-in spellings", a.shown)
	}
	test.Type(a.alias, "Psaky")
	enter(w) // to the name
	test.Type(a.name, "Jen Psaki")
	enter(w)
	w.settle()
	i := slices.IndexFunc(a.shown, func(al Alias) bool { return al.Alias == "psaky" })
	if i < 0 || a.shown[i].Name != "Jen Psaki" || a.shown[i].BuiltIn {
		t.Fatalf("the table after adding: %+v", a.shown)
	}
	if a.alias.Text != "" || w.Win.Canvas().Focused() != a.alias {
		t.Error("the fields are not ready for the next spelling")
	}
	// The row drawn says so, and a built-in one is marked.
	var rows []string
	for i := range a.shown {
		r := newAliasRow()
		r.set(a.shown[i], nil)
		rows = append(rows, r.alias.Text+"="+r.name.Text+" "+r.source.Text)
	}
	if !slices.Contains(rows, "psaky=Jen Psaki yours") || !slices.Contains(rows, "zelensky=Volodymyr Zelenskyy built-in") {
		t.Errorf("rows = %q", rows)
	}
	// A refusal is shown in the dialog.
	test.Type(a.alias, "x")
	enter(w)
	test.Type(a.name, "X")
	enter(w)
	w.settle()
	if !a.problem.Visible() || !strings.Contains(a.problem.Text, "alias of itself") {
		t.Errorf("problem = %q", a.problem.Text)
	}
	// Find narrows; remove drops a built-in one.
	test.Type(a.find, "zel")
	if len(a.shown) != 1 {
		t.Fatalf("find zel shows %+v", a.shown)
	}
	a.remove(a.shown[0])
	w.settle()
	if slices.ContainsFunc(a.all, func(al Alias) bool { return al.Alias == "zelensky" }) {
		t.Error("the removed spelling is still listed")
	}
}

func TestHistoryListsSteps(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	w.tagDialog = stubTagDialog([]string{"actor/us"}, "")
	w.tagSpan(0, 8)
	w.settle()
	w.tagSpan(10, 20)
	w.settle()
	w.Undo()
	w.settle()
	findMenuItem(w, "History…").Action()
	w.settle()
	h := w.ops.history
	if h == nil || len(h.rows) != 2 {
		t.Fatalf("history rows: %+v", h)
	}
	if !h.rows[0].newest.Undone || h.rows[1].newest.Undone {
		t.Errorf("the newest step should show undone, the older done: %+v", h.rows)
	}
	r := newHistoryRow()
	r.set(&h.rows[0], false)
	if r.what.Importance != widget.LowImportance || r.state.Text != "undone" {
		t.Errorf("an undone step is drawn %v %q, want dimmed", r.what.Importance, r.state.Text)
	}
	// Down chooses the older step; Enter undoes it.
	down := &fyne.KeyEvent{Name: fyne.KeyDown}
	h.keys.TypedKey(down)
	h.keys.TypedKey(down)
	if h.sel != 1 || h.go_.Text != "Undo This Step" {
		t.Fatalf("selection %d, button %q", h.sel, h.go_.Text)
	}
	enter(w)
	w.settle()
	if len(w.annots) != 0 || !h.rows[1].newest.Undone {
		t.Errorf("after going back: %d passages, rows %+v", len(w.annots), h.rows)
	}
	// Choosing the newest redoes both.
	h.list.Select(0)
	if h.go_.Text != "Redo 2 Steps" {
		t.Errorf("button = %q", h.go_.Text)
	}
	test.Tap(h.go_)
	w.settle()
	if len(w.annots) != 2 {
		t.Errorf("after redoing: %d passages", len(w.annots))
	}
}

func TestQuotationsFromTheReader(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	w.OpenArticle(1, nil)
	w.settle()
	body := w.Current().Body
	start := len([]rune(body[:strings.Index(body, "More")]))
	end := start + len("More than 94,000 troops")
	items := w.readerMenu(start, end, nil)
	menuItem(t, items, "Mark as Quotation…").Action()
	typeInFocused(t, w, "John Kirby")
	enter(w)
	w.settle()
	i := slices.IndexFunc(w.quotes, func(q dossier.Quote) bool { return q.Speaker == "John Kirby" })
	if i < 0 || w.quotes[i].Text != "More than 94,000 troops" {
		t.Fatalf("quotes after marking: %+v", w.quotes)
	}
	added := w.quotes[i]
	if r := w.Reader().quotes; !slices.ContainsFunc(r, func(q dossier.Quote) bool { return q.ID == added.ID }) {
		t.Error("the reader does not mark the new quotation")
	}
	// The user's own quotation can be reverted; a false one deleted.
	items = w.readerMenu(0, 0, &added)
	menuItem(t, items, "Revert to What Was Found")
	menuItem(t, items, "Not a Quotation: Delete").Action()
	w.settle()
	if slices.ContainsFunc(w.quotes, func(q dossier.Quote) bool { return q.ID == added.ID }) {
		t.Error("the deleted quotation is still there")
	}
	// An extractor's quotation nobody corrected has nothing to revert.
	for _, it := range w.readerMenu(0, 0, &w.quotes[0]) {
		if strings.HasPrefix(it.Label, "Revert") {
			t.Error("Revert offered for a quotation never corrected")
		}
	}
	// Tags of a quotation.
	w.ops.labelDialog = func(_ string, _ []string, onSave func([]string)) { onSave([]string{"claim/official"}) }
	menuItem(t, w.readerMenu(0, 0, &w.quotes[0]), "Tag Quotation…").Action()
	w.settle()
	if tags, _ := nb.QuoteTags(w.quotes[0].ID); !slices.Equal(tags, []string{"claim/official"}) {
		t.Errorf("quote tags = %v", tags)
	}
	if w.sidebar.tags["claim/official"] == nil {
		t.Error("the sidebar does not list the quotation's tag")
	}
}

func TestTagArticleColourDescribeMerge(t *testing.T) {
	nb := taggedNotebook(t)
	w, _ := openWindow(t, nb, Services{})
	w.ops.labelDialog = func(_ string, current []string, onSave func([]string)) {
		onSave(append(current, "topic/buildup"))
	}
	m := w.Articles()[0]
	menuItem(t, w.articleMenu(m), "Tag Article…").Action()
	w.settle()
	if tags, _ := nb.ArticleTags(m.ID); !slices.Equal(tags, []string{"topic/buildup"}) {
		t.Errorf("article tags = %v", tags)
	}
	if tc := w.sidebar.tags["topic/buildup"]; tc == nil || tc.Total != 1 {
		t.Errorf("sidebar count of topic/buildup = %+v", tc)
	}

	// Colour: a swatch of the palette, then Enter.
	menuItem(t, w.sidebar.tagMenuItems("claim/troops"), "Colour…").Action()
	var sw *swatch
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if s, ok := o.(*swatch); ok && s.hex == dossier.Palette[3] {
			sw = s
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		}
		if wd, ok := o.(fyne.Widget); ok && sw == nil {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	walk(w.Win.Canvas().Overlays().Top())
	if sw == nil {
		t.Fatal("no swatch of the palette")
	}
	test.Tap(sw)
	if !sw.chosen {
		t.Error("the tapped swatch is not marked")
	}
	enter(w)
	w.settle()
	if got := w.colors.of("claim/troops"); !strings.EqualFold(got, dossier.Palette[3]) {
		t.Errorf("colour = %q, want %q", got, dossier.Palette[3])
	}
	// A bad colour is refused in the dialog.
	menuItem(t, w.sidebar.tagMenuItems("claim/troops"), "Colour…").Action()
	typeInFocused(t, w, "#12345")
	enter(w)
	w.settle()
	if d := w.ops.last; !d.problem.Visible() || w.Win.Canvas().Overlays().Top() == nil {
		t.Error("a bad colour closed the dialog without saying why")
	}
	escape(w)

	// Describe.
	menuItem(t, w.sidebar.tagMenuItems("claim"), "Describe…").Action()
	typeInFocused(t, w, "What someone says is so")
	enter(w)
	w.settle()
	if tc := w.sidebar.tags["claim"]; tc == nil || tc.Description != "What someone says is so" {
		t.Errorf("claim after describing: %+v", tc)
	}

	// Merge: the list offers the other tags, not itself nor those under it.
	menuItem(t, w.sidebar.tagMenuItems("actor/russia"), "Merge Into…").Action()
	typeInFocused(t, w, "troops")
	enter(w)
	w.settle()
	if w.sidebar.tags["actor/russia"] != nil || w.sidebar.tags["claim/troops"].Total != 3 {
		t.Errorf("after merging: %v", w.sidebar.children)
	}
}

func TestBackUpAndFindQuotesAgain(t *testing.T) {
	nb := fakeArticles()
	w, _ := openWindow(t, nb, Services{})
	w.BackUp("/tmp/copy.dossier")
	w.settle()
	if !slices.Contains(nb.Calls(), "Backup /tmp/copy.dossier") || !strings.HasPrefix(w.status.Text, "Backed up to /tmp/copy.dossier") {
		t.Errorf("backup: calls %v, status %q", nb.Calls(), w.status.Text)
	}
	if got := backupName("/home/r/ukraine.dossier", mustDay(t, "2022-02-24")); got != "ukraine-2022-02-24.dossier" {
		t.Errorf("backup name = %q", got)
	}
	findMenuItem(w, "Find Quotes Again").Action()
	if !w.progress.Visible() {
		t.Error("no progress while quotes are found again")
	}
	w.settle()
	if w.progress.Visible() || w.ops.extracting || !strings.HasPrefix(w.status.Text, "Quotes found again") {
		t.Errorf("after finding quotes: progress %v, status %q", w.progress.Visible(), w.status.Text)
	}
	steps, _ := nb.Steps(1)
	if len(steps) != 1 || steps[0].Summary != "Re-run extraction" {
		t.Errorf("history = %+v", steps)
	}
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

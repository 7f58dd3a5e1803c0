package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Shortcuts is every keyboard shortcut of the window, by the action it
// runs. The menus show them; on desktops the main menu also triggers them.
var Shortcuts = map[string]fyne.Shortcut{
	"new":      ctrl(fyne.KeyN),
	"open":     ctrl(fyne.KeyO),
	"import":   ctrl(fyne.KeyI),
	"export":   ctrl(fyne.KeyE),
	"quit":     ctrl(fyne.KeyQ),
	"undo":     &fyne.ShortcutUndo{},
	"redo":     &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
	"redo-y":   &fyne.ShortcutRedo{},
	"tag":      ctrl(fyne.KeyT),
	"find":     ctrl(fyne.KeyK),
	"filter":   ctrl(fyne.KeyL),
	"articles": ctrl(fyne.Key1),
	"passages": ctrl(fyne.Key2),

	"backup":         ctrlShift(fyne.KeyS),
	"history":        ctrl(fyne.KeyH),
	"tag-article":    ctrlShift(fyne.KeyT),
	"delete-article": ctrl(fyne.KeyDelete),
	"mark-quote":     ctrlShift(fyne.KeyM),
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// item is a menu item with the shortcut of its action.
func item(label, action string, run func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, run)
	it.Shortcut = Shortcuts[action]
	return it
}

// setMenu builds the main menu. It is built again when the recent
// notebooks or the theme change.
func (w *Window) setMenu() {
	file := []*fyne.MenuItem{}
	if w.svc.Switch != nil {
		recent := fyne.NewMenuItem("Open Recent", nil)
		var items []*fyne.MenuItem
		for _, p := range w.prefs.recent() {
			if p == w.path {
				continue
			}
			p := p
			items = append(items, fyne.NewMenuItem(filepath.Base(p)+"  —  "+filepath.Dir(p), func() { w.SwitchTo(p) }))
		}
		if len(items) == 0 {
			none := fyne.NewMenuItem("No other notebook yet", nil)
			none.Disabled = true
			items = append(items, none)
		}
		recent.ChildMenu = fyne.NewMenu("", items...)
		file = append(file,
			item("New Notebook…", "new", w.newNotebook),
			item("Open Notebook…", "open", w.openNotebook),
			recent,
			fyne.NewMenuItemSeparator())
	}
	if w.svc.Import != nil {
		file = append(file,
			item("Import Files…", "import", w.importFiles),
			fyne.NewMenuItem("Import Folder…", w.importFolder))
	}
	if w.svc.Export != nil {
		file = append(file, item("Export…", "export", w.showExport))
	}
	file = append(file, item("Back Up…", "backup", w.backUp))
	file = append(file, fyne.NewMenuItemSeparator())
	quit := item("Quit", "quit", w.Quit)
	quit.IsQuit = true
	file = append(file, quit)

	edit := []*fyne.MenuItem{
		item("Undo", "undo", w.Undo),
		item("Redo", "redo", w.Redo),
		item("History…", "history", w.ShowHistory),
		fyne.NewMenuItemSeparator(),
		item("Tag Selection…", "tag", w.TagSelection),
		item("Mark Selection as Quotation…", "mark-quote", w.MarkQuotation),
		item("Tag Article…", "tag-article", func() {
			if m, ok := w.currentMeta(); ok {
				w.TagArticle(m.ID)
			}
		}),
		item("Delete Article…", "delete-article", func() {
			if m, ok := w.currentMeta(); ok {
				w.DeleteArticle(m)
			}
		}),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Speaker Spellings…", w.ShowAliases),
		fyne.NewMenuItemSeparator(),
	}
	if w.svc.Search != nil {
		edit = append(edit, item("Find…", "find", w.Find))
	}
	edit = append(edit,
		item("Edit Filter", "filter", w.FocusFilter),
		fyne.NewMenuItem("Clear Filter", func() { w.SetQuery(nil) }))

	themeItem := fyne.NewMenuItem("Theme", nil)
	current := w.prefs.p.StringWithFallback(prefTheme, ThemeSystem)
	var themes []*fyne.MenuItem
	for _, t := range []struct{ choice, label string }{{ThemeSystem, "As the System"}, {ThemeLight, "Light"}, {ThemeDark, "Dark"}} {
		t := t
		it := fyne.NewMenuItem(t.label, func() { w.SetTheme(t.choice) })
		it.Checked = current == t.choice
		themes = append(themes, it)
	}
	themeItem.ChildMenu = fyne.NewMenu("", themes...)
	view := []*fyne.MenuItem{
		item("Articles", "articles", func() { w.ShowView(viewArticles) }),
		item("Passages", "passages", func() { w.ShowView(viewPassages) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Tags", func() { w.sidebar.ShowTab(tabTags) }),
		fyne.NewMenuItem("Speakers", func() { w.sidebar.ShowTab(tabSpeakers) }),
		fyne.NewMenuItem("Outlets", func() { w.sidebar.ShowTab(tabOutlets) }),
		fyne.NewMenuItemSeparator(),
		themeItem,
	}
	tools := []*fyne.MenuItem{
		fyne.NewMenuItem("Find Quotes Again", w.FindQuotesAgain),
	}
	w.Win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File", file...),
		fyne.NewMenu("Edit", edit...),
		fyne.NewMenu("View", view...),
		fyne.NewMenu("Tools", tools...),
	))
	// Ctrl+Y redoes too, where no menu item claims it.
	w.Win.Canvas().AddShortcut(Shortcuts["redo-y"], func(fyne.Shortcut) { w.Redo() })
}

// ShowView shows the articles or the passages beside the reader.
func (w *Window) ShowView(name string) {
	for i, t := range w.views.Items {
		if t.Text == name || len(t.Text) > len(name) && t.Text[:len(name)] == name {
			w.views.SelectIndex(i)
		}
	}
}

// FocusFilter puts the cursor in the filter bar (Ctrl+L).
func (w *Window) FocusFilter() {
	w.Win.Canvas().Focus(w.filter.Entry)
	w.filter.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// SetTheme applies a theme choice (ThemeSystem, ThemeLight, ThemeDark) and
// remembers it.
func (w *Window) SetTheme(choice string) {
	w.prefs.p.SetString(prefTheme, choice)
	w.app.Settings().SetTheme(themeFor(choice))
	w.setMenu()
}

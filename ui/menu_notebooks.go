package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Path returns the file of the open notebook.
func (w *Window) Path() string { return w.path }

// newNotebook asks for a folder, then a name, and opens a new notebook
// there. A save dialog would truncate a file it is pointed at; this never
// touches one that exists.
func (w *Window) newNotebook() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		name := widget.NewEntry()
		name.SetText("notebook.dossier")
		form := dialog.NewForm("New notebook in "+dir.Path(), "Create", "Cancel",
			[]*widget.FormItem{widget.NewFormItem("Name", name)}, func(ok bool) {
				if !ok || strings.TrimSpace(name.Text) == "" {
					return
				}
				file := strings.TrimSpace(name.Text)
				if !strings.HasSuffix(file, ".dossier") {
					file += ".dossier"
				}
				path := filepath.Join(dir.Path(), file)
				if _, err := os.Stat(path); err == nil {
					dialog.ShowInformation("The notebook exists", path+" is already there: open it with File ▸ Open Notebook, or choose another name.", w.Win)
					return
				}
				w.SwitchTo(path)
			}, w.Win)
		form.Resize(fyne.NewSize(520, 160))
		form.Show()
	}, w.Win)
	d.Show() // a file dialog must be shown before it is sized (Fyne 2.8.1 panics otherwise)
	d.Resize(fyne.NewSize(900, 600))
}

func (w *Window) openNotebook() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		w.SwitchTo(r.URI().Path())
	}, w.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".dossier"}))
	d.Show() // a file dialog must be shown before it is sized (Fyne 2.8.1 panics otherwise)
	d.Resize(fyne.NewSize(900, 600))
}

// SwitchTo closes the notebook and opens the one at path in this window,
// remembering it among the recent ones. When it cannot be opened, the open
// one stays.
func (w *Window) SwitchTo(path string) {
	if w.svc.Switch == nil || path == w.path {
		return
	}
	if w.importing {
		dialog.ShowInformation("An import is running", "Wait until it is done, or stop it, before opening another notebook.", w.Win)
		return
	}
	w.saveState()
	sw := w.svc.Switch
	w.status.SetText("Opening " + path + "…")
	w.background(func(Notebook) func() {
		nb, err := sw(path)
		return func() {
			if err != nil {
				msg := dossier.ErrorMessage(err)
				if dossier.ErrorCode(err) == dossier.ECONFLICT {
					msg = fmt.Sprintf("This notebook is open in another window or program:\n%s\n\nClose it there, then open it again here.", path)
				}
				if dossier.ErrorCode(err) == dossier.ENOTFOUND || dossier.ErrorCode(err) == dossier.EINVALID {
					w.prefs.removeRecent(path)
					w.setMenu()
				}
				w.status.SetText("Could not open " + path)
				dialog.ShowInformation("Cannot open the notebook", msg, w.Win)
				return
			}
			w.nb, w.path = nb, path
			w.prefs.pushRecent(path)
			w.setMenu()
			w.list.SetArticles(nil)
			w.passages.SetPassages(nil)
			w.sidebar.SetTags(nil)
			w.sidebar.SetOutlets(nil)
			w.status.SetText("Opened " + path)
			w.load()
		}
	})
}

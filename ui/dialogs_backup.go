package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// File ▸ Back Up and Tools ▸ Find Quotes Again: the notebook's own work,
// in the background, in this process (bbolt lets one process at a time
// open the file, so a copy is made by the window that holds it).

// backUp asks where, then backs up.
func (w *Window) backUp() {
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		w.BackUp(path)
	}, w.Win)
	save.SetTitleText("Back up the notebook to")
	save.SetConfirmText("Back Up")
	save.SetFileName(backupName(w.path, time.Now()))
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(w.path))); err == nil {
		save.SetLocation(dir) // beside the notebook, unless the user goes elsewhere
	}
	save.Show()
	// After Show: Fyne 2.8.1's file dialog has no window to size before it.
	save.Resize(fyne.NewSize(900, 600))
}

// backupName is the file a backup of the notebook at path proposes:
// notebook-2022-02-24.dossier.
func backupName(path string, now time.Time) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if name == "" || name == "." || name == "/" {
		name = "dossier"
	}
	return name + "-" + now.Format("2006-01-02") + ".dossier"
}

// BackUp writes a consistent copy of the notebook to path while it stays
// open and in use.
func (w *Window) BackUp(path string) {
	w.status.SetText("Backing up to " + path + "…")
	w.background(func(nb Notebook) func() {
		err := nb.Backup(path)
		return func() {
			if err != nil {
				w.status.SetText("Backup failed: " + dossier.ErrorMessage(err))
				dialog.ShowError(fmt.Errorf("%s", dossier.ErrorMessage(err)), w.Win)
				return
			}
			w.status.SetText("Backed up to " + path + " — open it with File ▸ Open Notebook")
		}
	})
}

// FindQuotesAgain runs extraction again over every article, with the alias
// table as it is now, in the background with its progress in the status
// bar; corrections are applied again, and Ctrl+Z undoes it all.
func (w *Window) FindQuotesAgain() {
	if w.ops.extracting {
		w.status.SetText("Quotes are being found again already.")
		return
	}
	w.ops.extracting = true
	w.progress.SetValue(0)
	w.progress.Show()
	w.status.SetText("Finding quotes again…")
	start := time.Now()
	w.background(func(nb Notebook) func() {
		err := nb.ReExtract(100, func(done, total int) {
			w.later(func() {
				if total > 0 {
					w.progress.SetValue(float64(done) / float64(total))
					w.status.SetText(fmt.Sprintf("Finding quotes again: %s of %s articles…", groupDigits(done), groupDigits(total)))
				}
			})
		})
		return func() {
			w.ops.extracting = false
			w.progress.Hide()
			if err != nil {
				w.status.SetText("Finding quotes failed: " + dossier.ErrorMessage(err))
				dialog.ShowError(fmt.Errorf("%s", dossier.ErrorMessage(err)), w.Win)
				return
			}
			w.status.SetText(fmt.Sprintf("Quotes found again in %.1f s; your corrections are kept (Ctrl+Z undoes it all)", time.Since(start).Seconds()))
			w.refreshAfterChange(true)
		}
	})
}

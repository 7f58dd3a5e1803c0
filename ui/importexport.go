package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// importExtensions are the files File ▸ Import Files offers.
var importExtensions = []string{".txt", ".md", ".html", ".htm", ".csv", ".json", ".jsonl"}

func (w *Window) importFiles() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		w.Import([]string{r.URI().Path()})
	}, w.Win)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	d.Show() // a file dialog must be shown before it is sized (Fyne 2.8.1 panics otherwise)
	d.Resize(fyne.NewSize(900, 600))
}

func (w *Window) importFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		w.Import([]string{l.Path()})
	}, w.Win)
	d.Show() // a file dialog must be shown before it is sized (Fyne 2.8.1 panics otherwise)
	d.Resize(fyne.NewSize(900, 600))
}

// importURIs imports what was dropped on the window.
func (w *Window) importURIs(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		w.Import(paths)
	}
}

// Import imports files and folders in the background, with its progress in
// the status bar and a Stop button; a summary says what was added and what
// failed and why.
func (w *Window) Import(paths []string) {
	if w.svc.Import == nil {
		return
	}
	if w.importing {
		dialog.ShowInformation("An import is running", "Wait until it is done, or stop it, before importing more.", w.Win)
		return
	}
	w.importing = true
	ctx, stop := context.WithCancel(context.Background())
	w.onClose = append(w.onClose, stop)
	w.progress.SetValue(0)
	w.progress.Show()
	w.cancel.OnTapped = func() { stop(); w.cancel.Disable() }
	w.cancel.Enable()
	w.cancel.Show()
	what := filepath.Base(paths[0])
	if len(paths) > 1 {
		what = fmt.Sprintf("%d files and folders", len(paths))
	}
	w.status.SetText("Importing " + what + "…")
	imp := w.svc.Import
	w.background(func(nb Notebook) func() {
		sum, err := imp(ctx, paths, func(p ImportProgress) {
			w.later(func() {
				if p.FilesTotal > 0 {
					w.progress.SetValue(float64(p.FilesDone) / float64(p.FilesTotal))
				}
				w.status.SetText(fmt.Sprintf("Importing %s: %d of %d files, %s articles", what, p.FilesDone, p.FilesTotal, groupDigits(p.Articles)))
			})
		})
		stopped := ctx.Err() != nil
		stop()
		return func() {
			w.importing = false
			w.progress.Hide()
			w.cancel.Hide()
			if err != nil {
				w.status.SetText("Import failed: " + dossier.ErrorMessage(err))
				dialog.ShowError(fmt.Errorf("%s", dossier.ErrorMessage(err)), w.Win)
			} else {
				w.status.SetText(sum.Summary)
				if stopped {
					sum.Summary = "Stopped. " + sum.Summary
				}
				w.showImportSummary(sum)
			}
			w.refreshAfterChange(true)
		}
	})
}

// showImportSummary shows what an import did, and every problem.
func (w *Window) showImportSummary(sum ImportSummary) {
	title := "Import finished"
	if sum.Failed {
		title = "Import finished with problems"
	}
	head := widget.NewLabel(sum.Summary)
	head.Wrapping = fyne.TextWrapWord
	content := fyne.CanvasObject(head)
	if len(sum.Problems) > 0 {
		list := widget.NewLabel(strings.Join(sum.Problems, "\n"))
		list.Wrapping = fyne.TextWrapWord
		scroll := container.NewVScroll(list)
		scroll.SetMinSize(fyne.NewSize(560, 220))
		content = container.NewBorder(container.NewVBox(head, widget.NewLabel("What was not imported, and why:")), nil, nil, nil, scroll)
	}
	d := dialog.NewCustom(title, "Close", content, w.Win)
	d.Resize(fyne.NewSize(640, 200))
	if len(sum.Problems) > 0 {
		d.Resize(fyne.NewSize(680, 420))
	}
	d.Show()
}

// exportFormats are the formats of File ▸ Export, in the order offered.
var exportFormats = []struct{ id, label, ext string }{
	{"md", "Markdown notes (.md)", ".md"},
	{"csv", "Spreadsheet of passages (.csv)", ".csv"},
	{"jsonld", "W3C Web Annotations (.jsonld)", ".jsonld"},
	{"qdpx", "REFI-QDA project for ATLAS.ti, MAXQDA, NVivo (.qdpx)", ".qdpx"},
	{"html", "Web page (.html)", ".html"},
}

// showExport asks for a format and whether to honour the filter, then for
// the file, and exports in the background.
func (w *Window) showExport() {
	if w.svc.Export == nil {
		return
	}
	labels := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		labels[i] = f.label
	}
	format := widget.NewRadioGroup(labels, nil)
	format.SetSelected(labels[0])
	format.Required = true
	scope := widget.NewCheck("Only what the filter selects", nil)
	scopeText := widget.NewLabel("No filter: the whole notebook is exported.")
	scopeText.Wrapping = fyne.TextWrapWord
	scopeText.Importance = widget.LowImportance
	if w.query != nil {
		scope.SetChecked(true)
		scopeText.SetText("Filter: " + w.query.String())
	} else {
		scope.Disable()
	}
	form := container.NewVBox(widget.NewLabel("Format"), format, widget.NewSeparator(), scope, scopeText)
	d := dialog.NewCustomConfirm("Export", "Choose File…", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		f := exportFormats[0]
		for _, e := range exportFormats {
			if e.label == format.Selected {
				f = e
			}
		}
		var q *dossier.Query
		if scope.Checked {
			q = w.query
		}
		w.chooseExportFile(f.id, f.ext, q)
	}, w.Win)
	d.Resize(fyne.NewSize(520, 380))
	d.Show()
}

func (w *Window) chooseExportFile(format, ext string, q *dossier.Query) {
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		w.Export(format, path, q)
	}, w.Win)
	name := strings.TrimSuffix(filepath.Base(w.path), filepath.Ext(w.path))
	if name == "" || name == "." {
		name = "dossier"
	}
	save.SetFileName(name + ext)
	save.Show() // a file dialog must be shown before it is sized (Fyne 2.8.1 panics otherwise)
	save.Resize(fyne.NewSize(900, 600))
}

// Export writes what q selects in format to path in the background, with
// its progress in the status bar.
func (w *Window) Export(format, path string, q *dossier.Query) {
	exp := w.svc.Export
	if exp == nil {
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	w.onClose = append(w.onClose, stop)
	w.progress.SetValue(0)
	w.progress.Show()
	w.status.SetText("Exporting to " + path + "…")
	w.background(func(nb Notebook) func() {
		err := exp(ctx, format, path, q, func(done, total int) {
			w.later(func() {
				if total > 0 {
					w.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		stop()
		return func() {
			w.progress.Hide()
			if err != nil {
				w.status.SetText("Export failed: " + dossier.ErrorMessage(err))
				dialog.ShowError(fmt.Errorf("%s", dossier.ErrorMessage(err)), w.Win)
				return
			}
			w.status.SetText("Exported to " + path)
		}
	})
}

package ui

import (
	"testing"
)

// Every file dialog of the window opens without a panic: Fyne 2.8.1's file
// dialogs panic when sized before they are shown, which once crashed
// File ▸ Import Files….
func TestFileDialogsOpen(t *testing.T) {
	for name, open := range map[string]func(w *Window){
		"import files":  func(w *Window) { w.importFiles() },
		"import folder": func(w *Window) { w.importFolder() },
		"export file":   func(w *Window) { w.chooseExportFile("csv", ".csv", nil) },
		"new notebook":  func(w *Window) { w.newNotebook() },
		"open notebook": func(w *Window) { w.openNotebook() },
	} {
		t.Run(name, func(t *testing.T) {
			w, _ := openWindow(t, fakeArticles(), Services{})
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s panicked: %v", name, r)
				}
			}()
			open(w)
			if len(w.Win.Canvas().Overlays().List()) == 0 {
				t.Errorf("%s showed no dialog", name)
			}
		})
	}
}

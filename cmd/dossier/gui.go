package main

import (
	"fmt"
	"time"

	"dossier"
	"dossier/assets"
	"dossier/ui"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

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

func (m *Main) runGUI(opts *guiOptions) error {
	if opts == nil {
		opts = &guiOptions{}
	}
	start := time.Now()
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	n, err := m.open()
	if err != nil {
		// The window is how a desktop user hears of it: a dialog, then exit.
		w := a.NewWindow("Dossier")
		w.Resize(fyne.NewSize(520, 200))
		msg := dossier.ErrorMessage(err)
		if dossier.ErrorCode(err) == dossier.ECONFLICT {
			msg = fmt.Sprintf("This notebook is open in another window.\n\n%s", m.DBPath)
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
	defer n.Close()
	win, err := ui.NewWindow(a, n, "Dossier — "+m.DBPath)
	if err != nil {
		return err
	}
	if opts.quitAfterReady {
		a.Lifecycle().SetOnStarted(func() {
			go func() {
				// Wait for the first frame to be drawn with the data in it.
				time.Sleep(50 * time.Millisecond)
				fyne.DoAndWait(func() {})
				fmt.Fprintf(m.Stdout, "ready in %d ms (%d articles)\n", time.Since(start).Milliseconds(), len(win.Articles()))
				fyne.Do(a.Quit)
			}()
		})
	}
	win.Win.ShowAndRun()
	return nil
}

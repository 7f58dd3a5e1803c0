package ui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys. What belongs to one notebook is keyed by its path.
const (
	prefWidth       = "window.width"
	prefHeight      = "window.height"
	prefSplitSide   = "split.sidebar"
	prefSplitList   = "split.list"
	prefView        = "view"
	prefTheme       = "theme"
	prefRecent      = "recent"
	prefNotebookArt = "article:"
	prefNotebookQ   = "filter:"
)

// maxRecent is how many notebooks File ▸ Open Recent remembers.
const maxRecent = 8

// prefs reads and writes what the window remembers between runs.
type prefs struct{ p fyne.Preferences }

func (p prefs) size() fyne.Size {
	w := p.p.FloatWithFallback(prefWidth, 1280)
	h := p.p.FloatWithFallback(prefHeight, 800)
	return fyne.NewSize(float32(max(w, 640)), float32(max(h, 480)))
}

func (p prefs) setSize(s fyne.Size) {
	p.p.SetFloat(prefWidth, float64(s.Width))
	p.p.SetFloat(prefHeight, float64(s.Height))
}

func (p prefs) offset(key string, def float64) float64 {
	v := p.p.FloatWithFallback(key, def)
	if v < 0.05 || v > 0.95 {
		return def
	}
	return v
}

// recent returns the notebooks opened last, the latest first.
func (p prefs) recent() []string { return p.p.StringListWithFallback(prefRecent, nil) }

// pushRecent puts path first in the recent list.
func (p prefs) pushRecent(path string) {
	if path == "" {
		return
	}
	list := slices.DeleteFunc(p.recent(), func(s string) bool { return s == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	p.p.SetStringList(prefRecent, list)
}

func (p prefs) removeRecent(path string) {
	p.p.SetStringList(prefRecent, slices.DeleteFunc(p.recent(), func(s string) bool { return s == path }))
}

// lastArticle and lastFilter are the view a notebook was left in.
func (p prefs) lastArticle(nb string) uint64 {
	return uint64(p.p.IntWithFallback(prefNotebookArt+nb, 0))
}

func (p prefs) setLastArticle(nb string, id uint64) { p.p.SetInt(prefNotebookArt+nb, int(id)) }

func (p prefs) lastFilter(nb string) string { return p.p.StringWithFallback(prefNotebookQ+nb, "") }

func (p prefs) setLastFilter(nb string, q string) { p.p.SetString(prefNotebookQ+nb, q) }

// Package ui is Dossier's desktop interface, drawn with Fyne. It reads and
// changes a notebook only through the root package's interfaces; the app
// itself (fyne/v2/app) is made in cmd/dossier.
package ui

import (
	"fmt"
	"sort"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Window is the main notebook window: the article list beside a reader.
type Window struct {
	Win    fyne.Window
	nb     dossier.ArticleReader
	metas  []dossier.ArticleMeta
	list   *widget.List
	reader *Reader
	status *widget.Label
}

// NewWindow builds the main window for a notebook and loads its articles.
func NewWindow(app fyne.App, nb dossier.ArticleReader, title string) (*Window, error) {
	w := &Window{Win: app.NewWindow(title), nb: nb, reader: NewReader(), status: widget.NewLabel("")}
	metas, err := nb.ArticleMetas()
	if err != nil {
		return nil, err
	}
	sortByDate(metas)
	w.metas = metas
	w.list = widget.NewList(
		func() int { return len(w.metas) },
		func() fyne.CanvasObject { return newArticleRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*articleRow).set(w.metas[i]) },
	)
	w.list.OnSelected = func(i widget.ListItemID) { w.open(w.metas[i].ID) }
	w.status.SetText(fmt.Sprintf("%d articles", len(metas)))
	left := container.NewBorder(nil, w.status, nil, nil, w.list)
	split := container.NewHSplit(left, w.reader)
	split.Offset = 0.38
	w.Win.SetContent(split)
	w.Win.Resize(fyne.NewSize(1280, 800))
	if len(metas) > 0 {
		w.list.Select(0)
	}
	return w, nil
}

// Articles returns the articles shown in the list, in their order.
func (w *Window) Articles() []dossier.ArticleMeta { return w.metas }

// Reader returns the reading pane.
func (w *Window) Reader() *Reader { return w.reader }

func (w *Window) open(id dossier.ArticleID) {
	a, err := w.nb.Article(id)
	if err != nil {
		w.status.SetText(dossier.ErrorMessage(err))
		return
	}
	w.reader.ShowArticle(a)
}

func sortByDate(ms []dossier.ArticleMeta) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].Published, ms[j].Published
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		return ms[i].ID < ms[j].ID
	})
}

// DateLabel shows a date the way a reader should see it: an inferred date is
// marked as such, a missing one says so.
func DateLabel(d dossier.Date) string {
	switch {
	case d.IsZero():
		return "undated"
	case d.Origin == dossier.OriginInferred:
		return d.String() + " (inferred)"
	}
	return d.String()
}

// articleRow is one line of the article list: date and outlet above the
// title, in uniform height so that long lists stay fast.
type articleRow struct {
	widget.BaseWidget
	meta  *canvas.Text
	title *widget.Label
}

func newArticleRow() *articleRow {
	r := &articleRow{
		meta:  canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		title: widget.NewLabel(""),
	}
	r.meta.TextSize = theme.CaptionTextSize()
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.ExtendBaseWidget(r)
	return r
}

func (r *articleRow) set(m dossier.ArticleMeta) {
	parts := []string{DateLabel(m.Published)}
	if m.Outlet != "" {
		parts = append(parts, m.Outlet)
	}
	r.meta.Text = strings.Join(parts, " · ")
	r.meta.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.meta.Refresh()
	r.title.SetText(m.Title)
}

func (r *articleRow) CreateRenderer() fyne.WidgetRenderer {
	return &articleRowRenderer{r}
}

type articleRowRenderer struct{ r *articleRow }

func (rr *articleRowRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	rr.r.meta.Move(fyne.NewPos(pad*2, pad))
	rr.r.meta.Resize(fyne.NewSize(size.Width-pad*4, rr.r.meta.MinSize().Height))
	th := rr.r.title.MinSize().Height
	rr.r.title.Move(fyne.NewPos(0, size.Height-th))
	rr.r.title.Resize(fyne.NewSize(size.Width, th))
}

func (rr *articleRowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(120, rr.r.title.MinSize().Height+rr.r.meta.MinSize().Height-theme.Padding())
}

func (rr *articleRowRenderer) Refresh() { rr.r.meta.Refresh(); rr.r.title.Refresh() }
func (rr *articleRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.meta, rr.r.title}
}
func (rr *articleRowRenderer) Destroy() {}

package ui

import (
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Reader shows one article: its title, where and when it appeared, and its
// paragraphs in a virtualised list so that long articles open fast.
type Reader struct {
	widget.BaseWidget
	article *dossier.Article
	paras   []string
	title   *widget.Label
	meta    *widget.Label
	list    *widget.List
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{title: widget.NewLabel("No article selected"), meta: widget.NewLabel("")}
	r.title.Wrapping = fyne.TextWrapWord
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.SizeName = "headingText"
	r.meta.Importance = widget.LowImportance
	r.meta.Wrapping = fyne.TextWrapWord
	r.list = widget.NewList(
		func() int { return len(r.paras) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(r.paras[i]) },
	)
	r.list.HideSeparators = true
	r.ExtendBaseWidget(r)
	return r
}

// Article returns the article shown, or nil.
func (r *Reader) Article() *dossier.Article { return r.article }

// Paragraphs returns the paragraphs shown.
func (r *Reader) Paragraphs() []string { return r.paras }

// ShowArticle displays an article.
func (r *Reader) ShowArticle(a *dossier.Article) {
	r.article = a
	r.paras = strings.Split(a.Body, "\n\n")
	r.title.SetText(a.Title)
	parts := []string{}
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	}
	parts = append(parts, DateLabel(a.Published))
	if a.Author != "" {
		parts = append(parts, a.Author)
	}
	if a.URL != "" {
		parts = append(parts, a.URL)
	}
	r.meta.SetText(strings.Join(parts, " · "))
	r.list.ScrollToTop()
	r.list.Refresh()
	// Wrapped rows differ in height: measure each once the width is known.
	r.resizeRows()
}

func (r *Reader) resizeRows() {
	w := r.list.Size().Width - 24
	if w <= 0 {
		return
	}
	for i, p := range r.paras {
		l := widget.NewLabel(p)
		l.Wrapping = fyne.TextWrapWord
		l.Resize(fyne.NewSize(w, 1))
		r.list.SetItemHeight(i, l.MinSize().Height)
	}
}

// Resize lays the reader out again at a new width, where rows rewrap.
func (r *Reader) Resize(s fyne.Size) {
	old := r.Size()
	r.BaseWidget.Resize(s)
	if old.Width != s.Width && r.article != nil {
		r.resizeRows()
	}
}

func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	head := container.NewVBox(r.title, r.meta, widget.NewSeparator())
	return widget.NewSimpleRenderer(container.NewBorder(head, nil, nil, nil, r.list))
}

package ui

import (
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Reader shows one article: its title, where and when it appeared, and its
// paragraphs, each a wrapped label in a scroll.
type Reader struct {
	widget.BaseWidget
	article *dossier.Article
	paras   []string
	title   *widget.Label
	meta    *widget.Label
	body    *fyne.Container
	scroll  *container.Scroll
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{title: widget.NewLabel("No article selected"), meta: widget.NewLabel(""), body: container.NewVBox()}
	r.title.Wrapping = fyne.TextWrapWord
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.SizeName = "headingText"
	r.meta.Wrapping = fyne.TextWrapWord
	r.meta.TextStyle = fyne.TextStyle{Italic: true}
	r.scroll = container.NewVScroll(r.body)
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
	objs := make([]fyne.CanvasObject, len(r.paras))
	for i, p := range r.paras {
		l := widget.NewLabel(p)
		l.Wrapping = fyne.TextWrapWord
		objs[i] = l
	}
	r.body.Objects = objs
	r.body.Refresh()
	r.scroll.ScrollToTop()
}

func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	head := container.NewVBox(r.title, r.meta, widget.NewSeparator())
	return widget.NewSimpleRenderer(container.NewBorder(head, nil, nil, nil, r.scroll))
}

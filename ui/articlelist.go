package ui

import (
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ArticleList is the list of the articles that match the filter: date and
// outlet with the article's tag chips above its title. It is a virtualised
// list of rows of one height, so 100,000 articles scroll as smoothly as ten.
// Put its List in the window: the ArticleList itself is no widget of its
// own, and Fyne would give it a second renderer.
type ArticleList struct {
	*widget.List
	metas []dossier.ArticleMeta

	// OnOpen is called when the user selects an article.
	OnOpen func(m dossier.ArticleMeta)
	// TagsOf returns the tags of an article's passages, and false when they
	// are not known yet (the list asks again when Refresh is called).
	TagsOf func(id dossier.ArticleID) ([]string, bool)
	// TagColor gives a tag's colour.
	TagColor func(tag string) string
	// MenuItems, when set, gives what an article's right-click menu
	// offers.
	MenuItems func(m dossier.ArticleMeta) []*fyne.MenuItem

	selected dossier.ArticleID
	quiet    bool // a selection made by the program, not the user
}

// NewArticleList returns an empty list.
func NewArticleList() *ArticleList {
	l := &ArticleList{}
	l.List = widget.NewList(
		func() int { return len(l.metas) },
		func() fyne.CanvasObject { return newArticleRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(l.metas) {
				r := o.(*articleRow)
				r.list, r.row = l, i
				l.bind(r, &l.metas[i])
			}
		},
	)
	l.List.OnSelected = func(i widget.ListItemID) {
		if i >= len(l.metas) {
			return
		}
		l.selected = l.metas[i].ID
		if !l.quiet && l.OnOpen != nil {
			l.OnOpen(l.metas[i])
		}
	}
	return l
}

func (l *ArticleList) bind(r *articleRow, m *dossier.ArticleMeta) {
	var tags []string
	if l.TagsOf != nil {
		tags, _ = l.TagsOf(m.ID)
	}
	r.set(m, tags, l.TagColor)
}

// SetArticles shows metas, keeping the selected article selected when it is
// still there.
func (l *ArticleList) SetArticles(metas []dossier.ArticleMeta) {
	l.metas = metas
	l.quiet = true
	l.List.UnselectAll()
	l.List.Refresh()
	if i := l.IndexOf(l.selected); i >= 0 {
		l.List.Select(i)
		l.List.ScrollTo(i)
	} else {
		l.List.ScrollToTop()
	}
	l.quiet = false
}

// Articles returns the articles shown, in their order.
func (l *ArticleList) Articles() []dossier.ArticleMeta { return l.metas }

// IndexOf returns the row of an article, or -1.
func (l *ArticleList) IndexOf(id dossier.ArticleID) int {
	if id == 0 {
		return -1
	}
	for i := range l.metas {
		if l.metas[i].ID == id {
			return i
		}
	}
	return -1
}

// SelectArticle selects the row of an article (without calling OnOpen) and scrolls
// to it; an article not in the list leaves nothing selected.
func (l *ArticleList) SelectArticle(id dossier.ArticleID) {
	l.selected = id
	l.quiet = true
	defer func() { l.quiet = false }()
	if i := l.IndexOf(id); i >= 0 {
		l.List.Select(i)
		l.List.ScrollTo(i)
		return
	}
	l.List.UnselectAll()
}

// articleRow is one line of the article list: date, outlet and tag chips
// above the title, in uniform height so that long lists stay fast.
type articleRow struct {
	widget.BaseWidget
	meta  *canvas.Text
	title *widget.Label
	chips *tagChips

	list *ArticleList
	row  widget.ListItemID
}

// Tapped selects the row. The row takes the tap itself: being
// right-clickable, it is what the driver finds under the mouse, so the list
// under it never sees the click.
func (r *articleRow) Tapped(*fyne.PointEvent) {
	l := r.list
	if l == nil || r.row >= len(l.metas) {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.List); c != nil {
		c.Focus(l.List) // as the list's own rows do: arrows go on from here
	}
	l.List.Highlight(r.row)
	l.List.Select(r.row)
}

// TappedSecondary opens the article's menu.
func (r *articleRow) TappedSecondary(ev *fyne.PointEvent) {
	l := r.list
	if l == nil || l.MenuItems == nil || r.row >= len(l.metas) {
		return
	}
	items := l.MenuItems(l.metas[r.row])
	c := fyne.CurrentApp().Driver().CanvasForObject(r)
	if len(items) == 0 || c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, ev.AbsolutePosition)
}

func newArticleRow() *articleRow {
	r := &articleRow{
		meta:  canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		title: widget.NewLabel(""),
		chips: newTagChips(),
	}
	r.meta.TextSize = theme.CaptionTextSize()
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.ExtendBaseWidget(r)
	return r
}

func (r *articleRow) set(m *dossier.ArticleMeta, tags []string, color func(string) string) {
	parts := []string{m.Published.Label()}
	if m.Outlet != "" {
		parts = append(parts, m.Outlet)
	}
	r.meta.Text = strings.Join(parts, " · ")
	r.meta.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.meta.Refresh()
	title := m.Title
	if title == "" {
		title = "(untitled)"
	}
	r.title.SetText(title)
	r.chips.set(tags, color)
	r.Refresh()
}

func (r *articleRow) CreateRenderer() fyne.WidgetRenderer {
	return &articleRowRenderer{r}
}

type articleRowRenderer struct{ r *articleRow }

func (rr *articleRowRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	mw := rr.r.meta.MinSize().Width
	mh := rr.r.meta.MinSize().Height
	rr.r.meta.Move(fyne.NewPos(pad*2, pad))
	rr.r.meta.Resize(fyne.NewSize(mw, mh))
	cx := pad*2 + mw + pad*3
	rr.r.chips.Move(fyne.NewPos(cx, pad))
	rr.r.chips.Resize(fyne.NewSize(max(0, size.Width-cx-pad*2), mh))
	th := rr.r.title.MinSize().Height
	rr.r.title.Move(fyne.NewPos(0, size.Height-th))
	rr.r.title.Resize(fyne.NewSize(size.Width, th))
}

func (rr *articleRowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(120, rr.r.title.MinSize().Height+rr.r.meta.MinSize().Height-theme.Padding())
}

func (rr *articleRowRenderer) Refresh() {
	rr.r.meta.Color = theme.Color(theme.ColorNamePlaceHolder) // the theme may have changed
	rr.r.meta.Refresh()
	rr.Layout(rr.r.Size())
	rr.r.title.Refresh()
	rr.r.chips.Refresh()
}

func (rr *articleRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.meta, rr.r.chips, rr.r.title}
}

func (rr *articleRowRenderer) Destroy() {}

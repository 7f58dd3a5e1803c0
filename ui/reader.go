package ui

import (
	"hash/fnv"
	"image/color"
	"net/url"
	"sort"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Reader shows one article: its title, where and when it appeared, and its
// text, with the passages a researcher tagged highlighted in their tags'
// colours and the quotations marked. Text is selected with the mouse or
// Shift+arrows; Ctrl+T, the Tag button or the right-click menu asks to tag
// the selection (OnTagRequest). The text is laid out by the reader itself
// (textlayout.go) and only the lines in view are drawn, so a long article
// opens and scrolls quickly.
type Reader struct {
	widget.BaseWidget

	// OnTagRequest is called with the selection (rune offsets into the
	// body, half-open) when the user asks to tag it.
	OnTagRequest func(start, end int)
	// OnPassageTapped is called when the user clicks a highlight.
	OnPassageTapped func(p dossier.Passage)
	// OnQuoteTapped is called when the user clicks a quotation that no
	// highlight covers.
	OnQuoteTapped func(q dossier.Quote)
	// OnSelectionChanged, when set, is called as the selection changes.
	OnSelectionChanged func(start, end int)
	// ExtraMenuItems, when set, adds to the context menu what the window
	// offers for the selection [start, end) and the quotation under the
	// pointer (q, nil when there is none).
	ExtraMenuItems func(start, end int, q *dossier.Quote) []*fyne.MenuItem

	article *dossier.Article
	body    []rune
	paras   []string

	passages []dossier.Passage // sorted by start, longest first
	lanes    []int             // of each passage: 0, or 1 + the lane of one it overlaps
	quotes   []dossier.Quote
	color    func(tag string) color.Color

	anchor, caret int // the selection is between them

	title  *widget.Label
	meta   *widget.Label
	link   *widget.Hyperlink
	tag    *widget.Button
	page   *readerPage
	scroll *container.Scroll
	head   *fyne.Container
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{title: widget.NewLabel("No article selected"), meta: widget.NewLabel("")}
	r.title.Wrapping = fyne.TextWrapWord
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.meta.Wrapping = fyne.TextWrapWord
	r.meta.TextStyle = fyne.TextStyle{Italic: true}
	r.link = widget.NewHyperlink("", nil)
	r.link.Truncation = fyne.TextTruncateEllipsis
	r.link.Hide()
	r.tag = widget.NewButtonWithIcon("Tag selection", theme.ContentAddIcon(), r.RequestTag)
	r.tag.Disable()
	r.page = newReaderPage(r)
	r.scroll = container.NewVScroll(r.page)
	r.scroll.OnScrolled = func(fyne.Position) { r.page.viewChanged() }
	lines := container.NewVBox(r.title, r.meta, r.link)
	r.head = container.NewBorder(nil, nil, nil, container.NewVBox(r.tag), lines)
	r.ExtendBaseWidget(r)
	return r
}

// Article returns the article shown, or nil.
func (r *Reader) Article() *dossier.Article { return r.article }

// Paragraphs returns the paragraphs shown: the body split at blank lines.
func (r *Reader) Paragraphs() []string { return r.paras }

// ShowArticle displays an article from its top. Showing another article
// clears the highlights and the selection; showing the same one again (after
// an edit) keeps them and the place read.
func (r *Reader) ShowArticle(a *dossier.Article) {
	same := r.article != nil && a != nil && r.article.ID == a.ID && a.ID != 0
	r.article = a
	if a == nil {
		r.body, r.paras = nil, nil
		r.title.SetText("No article selected")
		r.meta.SetText("")
		r.link.Hide()
	} else {
		r.body = []rune(a.Body)
		r.paras = strings.Split(a.Body, "\n\n")
		r.title.SetText(a.Title)
		r.meta.SetText(articleByline(a))
		if u, err := url.Parse(a.URL); err == nil && a.URL != "" && u.Scheme != "" {
			r.link.SetText(a.URL)
			r.link.SetURL(u)
			r.link.Show()
		} else if a.URL != "" {
			r.link.SetText(a.URL)
			r.link.SetURL(nil)
			r.link.Show()
		} else {
			r.link.Hide()
		}
	}
	if !same {
		r.passages, r.lanes, r.quotes = nil, nil, nil
		r.anchor, r.caret = 0, 0
	}
	r.anchor, r.caret = min(r.anchor, len(r.body)), min(r.caret, len(r.body))
	r.page.textChanged()
	if !same {
		r.scroll.Offset = fyne.Position{}
	}
	r.scroll.Refresh()
	r.Refresh()
	r.selectionChanged()
}

// articleByline is the line under the title: outlet, date (an inferred one
// marked, a missing one said so) and author.
func articleByline(a *dossier.Article) string {
	parts := []string{}
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	}
	parts = append(parts, a.Published.Label())
	if a.Author != "" {
		parts = append(parts, a.Author)
	}
	return strings.Join(parts, " · ")
}

// SetAnnotations sets the passages highlighted and the quotations marked in
// the article shown; color gives a tag's colour (nil: colours from the
// default palette). Orphaned passages and those of another article are
// not drawn. A new passage over exactly the selection (the one just
// tagged) ends the selection, so that its highlight shows in its colour.
func (r *Reader) SetAnnotations(passages []dossier.Passage, quotes []dossier.Quote, color func(tag string) color.Color) {
	n := len(r.body)
	var id dossier.ArticleID
	if r.article != nil {
		id = r.article.ID
	}
	old := make(map[dossier.PassageID]bool, len(r.passages))
	for _, p := range r.passages {
		old[p.ID] = true
	}
	selStart, selEnd := r.Selection()
	tagged := false // the selection is now a new highlight
	r.passages = r.passages[:0]
	for _, p := range passages {
		if p.Orphan || p.Article != 0 && id != 0 && p.Article != id || p.Start < 0 || p.End > n || p.Start >= p.End {
			continue
		}
		r.passages = append(r.passages, p)
		if !old[p.ID] && p.Start == selStart && p.End == selEnd && selEnd > selStart {
			tagged = true
		}
	}
	sort.SliceStable(r.passages, func(i, j int) bool {
		a, b := r.passages[i], r.passages[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	r.lanes = passageLanes(r.passages)
	r.quotes = r.quotes[:0]
	for _, q := range quotes {
		if q.Article != 0 && id != 0 && q.Article != id || len(q.Spans) == 0 || q.End() > n {
			continue
		}
		r.quotes = append(r.quotes, q)
	}
	r.color = color
	if tagged {
		// Show the new highlight in its colour, not under the selection.
		r.anchor, r.caret = selEnd, selEnd
		r.selectionChanged()
	}
	r.page.Refresh()
}

// passageLanes gives each passage (sorted by start) the least lane that no
// passage before it still holds where it starts, so that overlapping
// passages get different lanes and their underlines stack.
func passageLanes(ps []dossier.Passage) []int {
	lanes := make([]int, len(ps))
	var ends []int // of each lane, the end of its last passage
	for i, p := range ps {
		l := 0
		for l < len(ends) && ends[l] > p.Start {
			l++
		}
		if l == len(ends) {
			ends = append(ends, 0)
		}
		ends[l], lanes[i] = p.End, l
	}
	return lanes
}

// tagColor returns the colour of a passage's first tag.
func (r *Reader) passageColor(p *dossier.Passage) color.NRGBA {
	tag := ""
	if len(p.Tags) > 0 {
		tag = p.Tags[0]
	}
	if r.color != nil {
		if c := r.color(tag); c != nil {
			return color.NRGBAModel.Convert(c).(color.NRGBA)
		}
	}
	return defaultTagColor(tag)
}

// defaultTagColor picks a colour of dossier.Palette for a tag by its name,
// for tags that have none.
func defaultTagColor(tag string) color.NRGBA {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(tag)))
	c, _ := rgbFromHex(dossier.Palette[h.Sum32()%uint32(len(dossier.Palette))])
	return c
}

// Selection returns the selected runes as rune offsets into the body,
// half-open; start == end when nothing is selected.
func (r *Reader) Selection() (start, end int) {
	return min(r.anchor, r.caret), max(r.anchor, r.caret)
}

// SelectedText returns the selected text.
func (r *Reader) SelectedText() string {
	s, e := r.Selection()
	return string(r.body[s:e])
}

// Select selects the runes [start, end) and scrolls them into view.
func (r *Reader) Select(start, end int) {
	n := len(r.body)
	start, end = min(max(start, 0), n), min(max(end, 0), n)
	if end < start {
		start, end = end, start
	}
	r.setSelection(start, end)
	r.Reveal(start, end)
}

// Reveal scrolls the reader so that the runes [start, end) are in view,
// their start a third of the way down when they were not.
func (r *Reader) Reveal(start, end int) {
	d := r.page.doc
	if d == nil {
		r.page.pendingReveal = &[2]int{start, end}
		return
	}
	top := d.point(start).Y
	bottom := d.point(max(start, end-1)).Y + d.lineH
	view := r.scroll.Size().Height
	off := r.scroll.Offset.Y
	if top >= off && bottom <= off+view {
		return
	}
	y := top - view/3
	if bottom-top < view {
		y = min(y, bottom-view+d.lineH)
	}
	r.scrollTo(y)
}

// scrollTo moves the view to show the page from y down, within bounds.
func (r *Reader) scrollTo(y float32) {
	limit := r.page.MinSize().Height - r.scroll.Size().Height
	y = max(0, min(y, limit))
	if y == r.scroll.Offset.Y {
		return
	}
	r.scroll.ScrollToOffset(fyne.NewPos(0, y))
	r.page.viewChanged()
}

// RequestTag asks to tag the selection: it calls OnTagRequest when
// something is selected.
func (r *Reader) RequestTag() {
	s, e := r.Selection()
	if e > s && r.OnTagRequest != nil {
		r.OnTagRequest(s, e)
	}
}

func (r *Reader) setSelection(anchor, caret int) {
	if anchor == r.anchor && caret == r.caret {
		return
	}
	r.anchor, r.caret = anchor, caret
	r.page.Refresh()
	r.selectionChanged()
}

func (r *Reader) selectionChanged() {
	s, e := r.Selection()
	if e > s {
		r.tag.Enable()
	} else {
		r.tag.Disable()
	}
	if r.OnSelectionChanged != nil {
		r.OnSelectionChanged(s, e)
	}
}

// passageAt returns the index of the shortest passage that holds the rune
// at off, or -1.
func (r *Reader) passageAt(off int) int {
	best := -1
	for i := range r.passages {
		p := &r.passages[i]
		if p.Start > off {
			break
		}
		if off < p.End && (best < 0 || p.End-p.Start < r.passages[best].End-r.passages[best].Start) {
			best = i
		}
	}
	return best
}

// quoteAt returns the index of the quotation one of whose spans holds the
// rune at off, or -1.
func (r *Reader) quoteAt(off int) int {
	for i := range r.quotes {
		for _, s := range r.quotes[i].Spans {
			if s.Start <= off && off < s.End {
				return i
			}
		}
	}
	return -1
}

// extraMenuItems asks ExtraMenuItems what else the context menu offers,
// with the quotation at the rune k (-1: none).
func (r *Reader) extraMenuItems(k, start, end int) []*fyne.MenuItem {
	if r.ExtraMenuItems == nil {
		return nil
	}
	var q *dossier.Quote
	if i := r.quoteAt(k); k >= 0 && i >= 0 {
		q = &r.quotes[i]
	}
	return r.ExtraMenuItems(start, end, q)
}

// quoteLabel is what hovering a quotation shows: who said it.
func quoteLabel(q *dossier.Quote) string {
	var b strings.Builder
	switch {
	case q.Speaker != "":
		b.WriteString(q.Speaker)
		if q.Role != "" {
			b.WriteString(", " + q.Role)
		}
		if q.Mention != "" && !strings.EqualFold(q.Mention, q.Speaker) {
			b.WriteString(" (“" + q.Mention + "”)")
		}
	case q.Mention != "":
		b.WriteString("“" + q.Mention + "” (not resolved)")
	default:
		b.WriteString("Speaker unknown")
	}
	if q.Partial {
		b.WriteString(" · partial quote")
	}
	return b.String()
}

func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	return &readerRenderer{r: r}
}

// readerRenderer places the header above the scrolled page. It tells the
// page its width before the scroll lays it out, so the text is wrapped once
// per width.
type readerRenderer struct {
	r *Reader
}

func (rr *readerRenderer) Layout(size fyne.Size) {
	r := rr.r
	pad := theme.Padding()
	hh := r.head.MinSize().Height
	r.head.Move(fyne.NewPos(pad*2, pad))
	r.head.Resize(fyne.NewSize(size.Width-pad*4, hh))
	// A wrapped title is taller when narrow: measure again at its width.
	if h := r.head.MinSize().Height; h != hh {
		hh = h
		r.head.Resize(fyne.NewSize(size.Width-pad*4, hh))
	}
	top := pad + hh + pad
	r.page.setWidth(size.Width)
	r.scroll.Move(fyne.NewPos(0, top))
	r.scroll.Resize(fyne.NewSize(size.Width, max(size.Height-top, 0)))
	r.page.viewChanged()
}

func (rr *readerRenderer) MinSize() fyne.Size {
	h := rr.r.head.MinSize()
	return fyne.NewSize(h.Width, h.Height+120)
}

// Refresh lays the header out again (a new title may wrap to another
// height) and redraws the page.
func (rr *readerRenderer) Refresh() {
	rr.r.head.Refresh()
	rr.Layout(rr.r.Size())
	rr.r.page.Refresh()
}

func (rr *readerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.head, rr.r.scroll}
}

func (rr *readerRenderer) Destroy() {}

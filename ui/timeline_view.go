package ui

import (
	"strings"
	"time"
	"unicode/utf8"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// View names of the charts' tabs.
const (
	viewTimeline = "Timeline"
	viewFigures  = "Figures"
)

// chartHint is what the status bar says while a chart is shown.
const chartHint = "Scroll or +/− to zoom · drag to pan · drag along the dates (or Shift+drag) to filter by them · click a mark to open it"

// chartViews are the Timeline and Figures tabs beside the lists: two charts
// on one time axis, loaded when shown and again when the filter or the
// notebook changes.
type chartViews struct {
	w        *Window
	axis     *timeAxis
	timeline *Timeline
	figures  *FiguresChart
	lanes    *widget.Select
	tlTab    *container.TabItem
	figTab   *container.TabItem

	tlStale, figStale bool
	tlSeq, figSeq     int
	narrow            float64 // the list split's offset before a chart widened it; 0: not widened
}

// mountCharts adds the Timeline and Figures tabs to the window's views.
func (w *Window) mountCharts() {
	c := &chartViews{w: w, axis: newTimeAxis(), tlStale: true, figStale: true}
	w.charts = c
	c.timeline = NewTimeline(c.axis)
	c.figures = NewFiguresChart(c.axis)
	c.timeline.OnOpen = func(a dossier.ArticleID, start, end int) {
		var reveal *dossier.Span
		if end > start {
			reveal = &dossier.Span{Start: start, End: end}
		}
		w.OpenArticle(a, reveal)
	}
	c.timeline.OnRange = c.pickDays
	c.figures.OnRange = c.pickDays
	// The charts show what the as-of day lets through, like every view.
	w.OnAsOfChanged(func(time.Time, bool) { c.invalidate() })
	c.figures.OnOpen = c.openFigure

	c.lanes = widget.NewSelect([]string{LanesByTag, LanesByOutlet, LanesBySpeaker}, func(string) {
		c.tlStale = true
		if c.showing(c.tlTab) {
			c.loadTimeline()
		}
	})
	c.lanes.Selected = LanesByTag
	win := func() fyne.Window { return w.Win }
	status := func(s string) { w.status.SetText(s) }
	zoom := func(v *axisView) fyne.CanvasObject {
		out := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), v.ZoomOut)
		in := widget.NewButtonWithIcon("", theme.ZoomInIcon(), v.ZoomIn)
		fit := widget.NewButtonWithIcon("Fit", theme.ZoomFitIcon(), func() { v.fit() })
		for _, b := range []*widget.Button{out, in, fit} {
			b.Importance = widget.LowImportance
		}
		return container.NewHBox(out, in, fit)
	}
	tlBar := container.NewHBox(widget.NewLabel("Lanes by"), c.lanes, layout.NewSpacer(), zoom(&c.timeline.axisView),
		newExportButton(win, "timeline", c.timeline, status))
	figBar := container.NewHBox(layout.NewSpacer(), zoom(&c.figures.axisView),
		newExportButton(win, "figures", c.figures, status))
	c.tlTab = container.NewTabItem(viewTimeline, container.NewBorder(tlBar, nil, nil, nil, c.timeline))
	c.figTab = container.NewTabItem(viewFigures, container.NewBorder(figBar, nil, nil, nil, c.figures))
	w.views.Append(c.tlTab)
	w.views.Append(c.figTab)

	selected := w.views.OnSelected
	w.views.OnSelected = func(t *container.TabItem) {
		if selected != nil {
			selected(t)
		}
		c.shown(t)
	}
}

func (c *chartViews) showing(t *container.TabItem) bool { return c.w.views.Selected() == t }

// shown loads a chart's data when its tab comes up, and widens the list's
// side of the window for it (and narrows it again for a list).
func (c *chartViews) shown(t *container.TabItem) {
	split := c.w.listSplit
	if t != c.tlTab && t != c.figTab {
		if c.narrow > 0 {
			split.SetOffset(c.narrow)
			c.narrow = 0
		}
		return
	}
	if c.narrow == 0 && split.Offset < 0.6 {
		c.narrow = split.Offset
		split.SetOffset(0.64)
	}
	c.w.status.SetText(chartHint)
	if t == c.tlTab && c.tlStale {
		c.loadTimeline()
	}
	if t == c.figTab && c.figStale {
		c.loadFigures()
	}
}

// invalidate marks both charts out of date and loads the one shown: the
// filter or the notebook changed. It may be called before mountCharts.
func (c *chartViews) invalidate() {
	if c == nil {
		return
	}
	c.tlStale, c.figStale = true, true
	if c.showing(c.tlTab) {
		c.loadTimeline()
	}
	if c.showing(c.figTab) {
		c.loadFigures()
	}
}

// loadTimeline reads what matches the filter and bins it, in the
// background.
func (c *chartViews) loadTimeline() {
	c.tlStale = false
	q, mode, all, colors := c.w.dataQuery(), c.lanes.Selected, c.w.all, c.w.colors
	latest(c.w, &c.tlSeq, "Cannot draw the timeline",
		func(nb Notebook) (*TimelineData, error) { return timelineData(nb, q, mode, all, colors) }, c.timeline.SetData)
}

// timelineData reads the articles and passages that match q and bins them
// in lanes by mode. all is every article's record when the window has read
// them (nil: read here).
func timelineData(nb Notebook, q *dossier.Query, mode string, all map[dossier.ArticleID]*dossier.ArticleMeta, colors tagColors) (*TimelineData, error) {
	arts, err := nb.ArticlesMatching(q)
	if err != nil {
		return nil, err
	}
	ps, err := nb.Passages(q)
	if err != nil {
		return nil, err
	}
	if all == nil && len(ps) > 0 {
		metas, err := nb.ArticleMetas()
		if err != nil {
			return nil, err
		}
		all = make(map[dossier.ArticleID]*dossier.ArticleMeta, len(metas))
		for i := range metas {
			all[metas[i].ID] = &metas[i]
		}
	}
	in := TimelineInput{
		Articles: arts,
		Passages: ps,
		Meta: func(id dossier.ArticleID) (dossier.ArticleMeta, bool) {
			if m := all[id]; m != nil {
				return *m, true
			}
			return dossier.ArticleMeta{}, false
		},
	}
	switch mode {
	case LanesByOutlet:
		in.NoLane = "no outlet"
		in.LaneOf = func(_ *dossier.Passage, m *dossier.ArticleMeta) []string {
			if m == nil || m.Outlet == "" {
				return nil
			}
			return []string{m.Outlet}
		}
	case LanesBySpeaker:
		qs, err := nb.QuotesMatching(nil)
		if err != nil {
			return nil, err
		}
		byArticle := map[dossier.ArticleID][]dossier.Quote{}
		for _, qu := range qs {
			if qu.Speaker != "" {
				byArticle[qu.Article] = append(byArticle[qu.Article], qu)
			}
		}
		in.NoLane = "no one quoted"
		in.LaneOf = func(p *dossier.Passage, _ *dossier.ArticleMeta) []string {
			var out []string
			for _, qu := range byArticle[p.Article] {
				if qu.Start() < p.End && p.Start < qu.End() && !containsFold(out, qu.Speaker) {
					out = append(out, qu.Speaker)
				}
			}
			return out
		}
	default:
		in.NoLane = "no tag"
		in.LaneOf = func(p *dossier.Passage, _ *dossier.ArticleMeta) []string { return p.Tags }
		in.Color = colors.of
	}
	return NewTimelineData(in), nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// loadFigures reads the figures that match the filter, in the background.
func (c *chartViews) loadFigures() {
	c.figStale = false
	q := c.w.dataQuery()
	latest(c.w, &c.figSeq, "Cannot read the reported figures",
		func(nb Notebook) ([]dossier.Figure, error) { return nb.FiguresMatching(q) },
		func(fs []dossier.Figure) {
			c.figures.SetFigures(fs)
			c.figTab.Text = viewFigures + " (" + groupDigits(len(fs)) + ")"
			c.w.views.Refresh()
		})
}

// openFigure opens a figure's article with its sentence selected.
func (c *chartViews) openFigure(f dossier.Figure) {
	c.w.background(func(nb Notebook) func() {
		span := f.Span
		if a, err := nb.Article(f.Article); err == nil {
			span = sentenceSpan(a.Body, f)
		}
		return func() { c.w.OpenArticle(f.Article, &span) }
	})
}

// sentenceSpan finds a figure's sentence in body, in runes: the occurrence
// that holds the figure, else the nearest; the figure's own span when the
// sentence is not there.
func sentenceSpan(body string, f dossier.Figure) dossier.Span {
	if f.Sentence == "" {
		return f.Span
	}
	best, bestDist := dossier.Span{}, -1
	n := utf8.RuneCountInString(f.Sentence)
	from, runes := 0, 0
	for {
		i := strings.Index(body[from:], f.Sentence)
		if i < 0 {
			break
		}
		runes += utf8.RuneCountInString(body[from : from+i])
		s := dossier.Span{Start: runes, End: runes + n}
		dist := 0
		if f.Span.Start < s.Start {
			dist = s.Start - f.Span.Start
		} else if f.Span.End > s.End {
			dist = f.Span.End - s.End
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = s, dist
		}
		from += i + len(f.Sentence)
		runes += n
	}
	if bestDist < 0 {
		return f.Span
	}
	return best
}

// pickDays makes the days picked on a chart the filter's date term,
// replacing the one it had.
func (c *chartViews) pickDays(from, to time.Time) {
	q, err := withDates(c.w.query, from, to)
	if err != nil {
		c.w.showError("Cannot filter by those days", err)
		return
	}
	c.w.SetQuery(q)
}

// withDates returns q with its top-level date: terms replaced by
// date:FROM..TO.
func withDates(q *dossier.Query, from, to time.Time) (*dossier.Query, error) {
	for _, v := range topLevelValues(q, "date") {
		q, _ = q.Without("date", v)
	}
	return q.And("date", from.Format("2006-01-02")+".."+to.Format("2006-01-02"))
}

// topLevelValues returns the values of the field:value terms that q
// requires at its top level (not under OR or NOT), read from its canonical
// form.
func topLevelValues(q *dossier.Query, field string) []string {
	if q == nil {
		return nil
	}
	s := q.String()
	var toks []string
	depth, inQuote, start := 0, false, 0
	for i, r := range s {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '(':
			depth++
		case r == ')':
			depth--
		case r == ' ' && depth == 0:
			toks = append(toks, s[start:i])
			start = i + 1
		}
	}
	toks = append(toks, s[start:])
	var out []string
	for _, t := range toks {
		if t == "OR" {
			return nil // nothing at the top is required alone
		}
		if v, ok := strings.CutPrefix(t, field+":"); ok {
			out = append(out, strings.Trim(v, `"`))
		}
	}
	return out
}

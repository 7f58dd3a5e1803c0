package ui

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// How the timeline puts passages in lanes: the choices of its Lanes menu.
const (
	LanesByTag     = "Tag"
	LanesByOutlet  = "Outlet"
	LanesBySpeaker = "Speaker"
)

// maxLanes is how many lanes of passages the timeline shows; the passages
// of the rest share one more.
const maxLanes = 12

// TimelineData is what the timeline shows, binned once per filter, off the
// Fyne goroutine: each lane holds its items sorted by day, so a frame
// counts what falls in a pixel column by binary search and never walks the
// items.
type TimelineData struct {
	metas    []dossier.ArticleMeta // the articles listed, then those of passages not listed
	byID     map[dossier.ArticleID]int32
	passages []dossier.Passage
	lanes    []timelineLane // the articles, then the passages' lanes
	lo, hi   int32          // the first and last day of a dated item; lo > hi when none
	articles int            // the first len(articles) metas are the articles listed
}

// timelineLane is one row of the timeline.
type timelineLane struct {
	name     string
	color    color.NRGBA
	passages bool    // items are passages; else articles
	days     []int32 // the day of each dated item, ascending
	items    []int32 // the item on that day: an index in metas or in passages
	approx   []int32 // the days of items whose date is approximate, ascending
	undated  []int32 // the items without a date
}

func (l *timelineLane) total() int { return len(l.days) + len(l.undated) }

// TimelineInput is what NewTimelineData bins.
type TimelineInput struct {
	Articles []dossier.ArticleMeta // the articles that match the filter
	Passages []dossier.Passage     // the passages that match it
	// Meta returns the article of a passage that is not among Articles.
	Meta func(dossier.ArticleID) (dossier.ArticleMeta, bool)
	// LaneOf returns the lanes of a passage (its tags, its outlet, its
	// speakers); a passage in none goes to the lane named NoLane.
	LaneOf func(p *dossier.Passage, article *dossier.ArticleMeta) []string
	NoLane string
	// Color returns a lane's colour as "#rrggbb"; nil: the palette in turn.
	Color func(lane string) string
}

// NewTimelineData bins articles and passages for the timeline: a lane of
// articles, then a lane for each of the maxLanes names that LaneOf gives
// most often, and one for the rest. It may take a while: call it off the
// Fyne goroutine.
func NewTimelineData(in TimelineInput) *TimelineData {
	d := &TimelineData{
		metas:    slices.Clone(in.Articles),
		byID:     make(map[dossier.ArticleID]int32, len(in.Articles)),
		passages: in.Passages,
		lo:       math.MaxInt32,
		hi:       math.MinInt32,
		articles: len(in.Articles),
	}
	for i := range d.metas {
		d.byID[d.metas[i].ID] = int32(i)
	}
	arts := laneBuilder{}
	for i := range d.metas {
		arts.add(int32(i), d.metas[i].Published)
	}
	d.lanes = append(d.lanes, arts.lane("Articles", false))

	// Count the passages of each lane name, then keep the commonest.
	type laneOf struct {
		meta  int32 // -1: article unknown
		names []string
	}
	per := make([]laneOf, len(in.Passages))
	count := map[string]int{}
	for i := range in.Passages {
		p := &in.Passages[i]
		mi, ok := d.byID[p.Article]
		if !ok && in.Meta != nil {
			if m, found := in.Meta(p.Article); found {
				mi = int32(len(d.metas))
				d.metas = append(d.metas, m)
				d.byID[m.ID] = mi
				ok = true
			}
		}
		if !ok {
			mi = -1
		}
		var m *dossier.ArticleMeta
		if mi >= 0 {
			m = &d.metas[mi]
		}
		var names []string
		if in.LaneOf != nil {
			names = in.LaneOf(p, m)
		}
		if len(names) == 0 {
			names = []string{in.NoLane}
		}
		per[i] = laneOf{mi, names}
		for _, n := range names {
			count[n]++
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	rest := ""
	if len(names) > maxLanes {
		rest = fmt.Sprintf("%d more", len(names)-maxLanes+1)
		names = names[:maxLanes-1]
	}
	lane := make(map[string]int, len(names)+1)
	builders := make([]laneBuilder, len(names), len(names)+1)
	for i, n := range names {
		lane[n] = i
	}
	if rest != "" {
		builders = append(builders, laneBuilder{})
	}
	for i := range in.Passages {
		var date dossier.Date
		if mi := per[i].meta; mi >= 0 {
			date = d.metas[mi].Published
		}
		last := -1
		for _, n := range per[i].names {
			li, ok := lane[n]
			if !ok {
				li = len(builders) - 1
			}
			if li == last {
				continue // two names in the rest
			}
			last = li
			builders[li].add(int32(i), date)
		}
	}
	for i, b := range builders {
		name := rest
		if i < len(names) {
			name = names[i]
		}
		l := b.lane(name, true)
		l.color = laneColor(in.Color, name, i)
		d.lanes = append(d.lanes, l)
	}
	d.lanes[0].color = hexColor(dossier.Palette[0])
	for _, l := range d.lanes {
		if len(l.days) > 0 {
			d.lo = min(d.lo, l.days[0])
			d.hi = max(d.hi, l.days[len(l.days)-1])
		}
	}
	return d
}

func laneColor(of func(string) string, name string, i int) color.NRGBA {
	if of != nil {
		return hexColor(of(name))
	}
	return hexColor(dossier.Palette[1+i%(len(dossier.Palette)-1)]) // the first is the articles'
}

// laneBuilder gathers a lane's items before they are sorted by day.
type laneBuilder struct {
	dated   []dayItem
	approx  []int32
	undated []int32
}

type dayItem struct{ day, item int32 }

func (b *laneBuilder) add(item int32, date dossier.Date) {
	day, ok := dateDay(date)
	if !ok {
		b.undated = append(b.undated, item)
		return
	}
	b.dated = append(b.dated, dayItem{day, item})
	if approximate(date) {
		b.approx = append(b.approx, day)
	}
}

func (b *laneBuilder) lane(name string, passages bool) timelineLane {
	slices.SortFunc(b.dated, func(x, y dayItem) int {
		if x.day != y.day {
			return cmp.Compare(x.day, y.day)
		}
		return cmp.Compare(x.item, y.item)
	})
	slices.Sort(b.approx)
	l := timelineLane{name: name, passages: passages, approx: b.approx, undated: b.undated}
	l.days = make([]int32, len(b.dated))
	l.items = make([]int32, len(b.dated))
	for i, di := range b.dated {
		l.days[i], l.items[i] = di.day, di.item
	}
	return l
}

// Empty reports whether there is nothing to show.
func (d *TimelineData) Empty() bool {
	if d == nil {
		return true
	}
	for i := range d.lanes {
		if d.lanes[i].total() > 0 {
			return false
		}
	}
	return true
}

// lowerBound is the index of the first of days (ascending) not before day.
func lowerBound(days []int32, day int32) int {
	lo, hi := 0, len(days)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if days[m] < day {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// dayBound is lowerBound for a fractional day, clamped to int32.
func dayBound(days []int32, day float64) int {
	switch {
	case day <= math.MinInt32:
		return 0
	case day >= math.MaxInt32:
		return len(days)
	}
	return lowerBound(days, int32(math.Ceil(day)))
}

// itemDate is the date of a lane's item.
func (d *TimelineData) itemDate(l *timelineLane, item int32) dossier.Date {
	if !l.passages {
		return d.metas[item].Published
	}
	if mi, ok := d.byID[d.passages[item].Article]; ok {
		return d.metas[mi].Published
	}
	return dossier.Date{}
}

// itemArticle is the article of a lane's item.
func (d *TimelineData) itemArticle(l *timelineLane, item int32) *dossier.ArticleMeta {
	if !l.passages {
		return &d.metas[item]
	}
	if mi, ok := d.byID[d.passages[item].Article]; ok {
		return &d.metas[mi]
	}
	return nil
}

// describe is the hover's text of one item: what it is, then its article
// and date.
func (d *TimelineData) describe(l *timelineLane, item int32) []string {
	m := d.itemArticle(l, item)
	title, when, outlet := "(article not listed)", "undated", ""
	if m != nil {
		title, outlet = oneLine(m.Title), m.Outlet
		if m.Published.IsZero() {
			when = "undated"
		} else {
			when = m.Published.String()
			switch {
			case m.Published.Origin == dossier.OriginInferred:
				when += " (inferred from the text)"
			case m.Published.Precision != dossier.PrecisionDay:
				when += " (" + m.Published.Precision.String() + " only)"
			}
		}
	}
	sub := when
	if outlet != "" {
		sub = outlet + " · " + when
	}
	if !l.passages {
		return []string{clip(title, 70), sub}
	}
	p := &d.passages[item]
	return []string{"“" + clip(oneLine(p.Text), 68) + "”", clip(title, 50) + " · " + sub}
}

// Timeline is a date axis that zooms from decades to days and pans, with
// the articles that match the filter in one lane and their passages in
// lanes by tag, outlet or speaker. Where marks would overlap it draws their
// density; zoomed in far enough, each mark. A drag pans; a drag on the axis
// strip, or with Shift, picks days (OnRange); the wheel, + and − zoom; a
// tap opens what is under it (OnOpen), or zooms into a crowd.
type Timeline struct {
	widget.BaseWidget
	axisView

	// OnOpen opens an article (start = end = 0) or a passage of it.
	OnOpen func(a dossier.ArticleID, start, end int)

	data   *TimelineData
	counts []int32
}

// NewTimeline returns an empty timeline on axis (nil: its own).
func NewTimeline(axis *timeAxis) *Timeline {
	t := &Timeline{}
	t.ExtendBaseWidget(t)
	t.axisView.init(t, axis, t.Fit)
	return t
}

// SetData shows data; the first data fits the axis to its days.
func (t *Timeline) SetData(d *TimelineData) {
	t.data = d
	t.Refresh()
}

// Fit zooms to show every dated item.
func (t *Timeline) Fit() {
	if t.data == nil || t.data.lo > t.data.hi {
		return
	}
	t.fitDays(float64(t.data.lo), float64(t.data.hi)+1)
}

func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	return newSceneRenderer(t, t.paint)
}

// Tapped opens the item under the pointer, or zooms into a crowd of them.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	h := t.hit(ev.Position)
	switch {
	case h.lane < 0 || h.n == 0:
	case h.n == 1:
		t.open(h)
	case !h.undatedCol:
		g := chartFrame(t.Size())
		w := t.axis.x(h.hiDay+1) - t.axis.x(h.loDay)
		t.zoomAt(math.Min(8, float64(g.plotW()/3/max(w, 1))), ev.Position.X)
	}
}

func (t *Timeline) open(h timelineHit) {
	if t.OnOpen == nil {
		return
	}
	l := &t.data.lanes[h.lane]
	if !l.passages {
		t.OnOpen(t.data.metas[h.item].ID, 0, 0)
		return
	}
	p := &t.data.passages[h.item]
	t.OnOpen(p.Article, p.Start, p.End)
}

// HoverText is what the box under the pointer says, one line a row; "" when
// no box is shown.
func (t *Timeline) HoverText() string {
	if !t.showHover() {
		return ""
	}
	return strings.Join(t.hoverLines(t.hit(t.hover)), "\n")
}

// timelineHit is what lies under a point: a lane, and the items of it in
// [loDay, hiDay] (j0..j1 of its dated items), or its undated ones.
type timelineHit struct {
	lane         int
	j0, j1       int
	n            int
	item         int32 // when n == 1
	loDay, hiDay float64
	undatedCol   bool
}

func (t *Timeline) hit(pos fyne.Position) timelineHit {
	h := timelineHit{lane: -1}
	if t.data == nil {
		return h
	}
	g := chartFrame(t.Size())
	lg := t.laneGeom(g)
	li := -1
	for i := range t.data.lanes {
		top, bottom := lg.stripTop(i), lg.stripTop(i)+lg.strip
		if pos.Y >= top-lg.label && pos.Y < bottom {
			li = i
			break
		}
	}
	if li < 0 {
		return h
	}
	l := &t.data.lanes[li]
	h.lane = li
	if pos.X >= g.undL && pos.X <= g.undR {
		h.undatedCol = true
		h.n = len(l.undated)
		if h.n > 0 {
			h.item = l.undated[0]
		}
		return h
	}
	if pos.X < g.plotL || pos.X > g.plotR {
		h.lane = -1
		return h
	}
	x := pos.X - g.plotL
	if t.marksMode(l, g) {
		day := math.Floor(t.axis.day(x))
		j0, j1 := dayBound(l.days, day), dayBound(l.days, day+1)
		n := j1 - j0
		if n == 0 {
			return h
		}
		slot := float32(t.axis.pxPerDay()) / float32(n)
		k := int((x - t.axis.x(day)) / slot)
		k = max(0, min(n-1, k))
		h.j0, h.j1, h.n, h.item = j0+k, j0+k+1, 1, l.items[j0+k]
		h.loDay, h.hiDay = day, day
		return h
	}
	k := t.binDays()
	b := math.Floor(t.axis.day(x) / k)
	h.loDay, h.hiDay = b*k, b*k+k-1
	h.j0, h.j1 = dayBound(l.days, h.loDay), dayBound(l.days, h.hiDay+1)
	h.n = h.j1 - h.j0
	if h.n == 1 {
		h.item = l.items[h.j0]
	}
	return h
}

func (t *Timeline) hoverLines(h timelineHit) []string {
	if h.lane < 0 || h.n == 0 {
		return nil
	}
	l := &t.data.lanes[h.lane]
	kind := "articles"
	if l.passages {
		kind = "passages"
	}
	if h.n == 1 {
		return t.data.describe(l, h.item)
	}
	where := formatDays(h.loDay, h.hiDay)
	if h.undatedCol {
		where = "undated"
	}
	head := fmt.Sprintf("%s %s · %s", groupDigits(h.n), kind, where)
	if l.passages {
		head = fmt.Sprintf("%s %s in %s · %s", groupDigits(h.n), kind, l.name, where)
	}
	lines := []string{head}
	items := l.items[h.j0:h.j1]
	if h.undatedCol {
		items = l.undated
	}
	for i := 0; i < len(items) && i < 3; i++ {
		lines = append(lines, "· "+t.data.describe(l, items[i])[0])
	}
	if len(items) > 3 {
		lines = append(lines, fmt.Sprintf("and %s more", groupDigits(len(items)-3)))
	}
	if !h.undatedCol {
		lines = append(lines, "Click to zoom in")
	}
	return lines
}

// binDays is how many days one bar of density covers: one, or as many as
// make a bar minBinPx wide. Bars start at multiples of it, so that they stay
// put as the view pans.
func (t *Timeline) binDays() float64 {
	ppd := t.axis.pxPerDay()
	if ppd >= minBinPx {
		return 1
	}
	return math.Ceil(minBinPx / ppd)
}

const (
	minBinPx  = 3 // the narrowest bar of density
	markMinPx = 9 // the least room a mark needs to itself
)

// marksMode reports whether a lane's items in view are far enough apart to
// draw each as a mark.
func (t *Timeline) marksMode(l *timelineLane, g chartGeom) bool {
	ppd := t.axis.pxPerDay()
	if ppd < markMinPx {
		return false
	}
	first := math.Floor(t.axis.day(0))
	last := t.axis.day(g.plotW())
	most := 0
	j := dayBound(l.days, first)
	for d := first; d <= last && j < len(l.days); d++ {
		k := dayBound(l.days, d+1)
		most = max(most, k-j)
		j = k
	}
	return ppd/float64(max(most, 1)) >= markMinPx
}

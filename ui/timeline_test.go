package ui

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// chartWindow shows a timeline of data in a test window.
func chartWindow(t *testing.T, data *TimelineData) (*Timeline, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tl := NewTimeline(nil)
	w := test.NewWindow(tl)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1000, 600))
	tl.SetData(data)
	w.Canvas().Capture() // lays out and draws: the axis fits the data
	return tl, w
}

func TestTimelineZoomAndPanThroughTheDriver(t *testing.T) {
	tl, w := chartWindow(t, syntheticTimeline(2000, 5000, 12))
	g := chartFrame(tl.Size())
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(tl)
	local := fyne.NewPos(g.plotL+300, 200)
	at := origin.Add(local)
	before := tl.axis.day(local.X - g.plotL)
	per := tl.axis.perPx

	// A notch of the wheel up zooms in (the driver's scroll has no
	// position: the widget's own event has, and the day under the pointer
	// stays put).
	test.Scroll(w.Canvas(), at, 0, 25)
	if tl.axis.perPx >= per {
		t.Fatalf("scrolling up did not zoom in: %v days a pixel, was %v", tl.axis.perPx, per)
	}
	test.Scroll(w.Canvas(), at, 0, -25)
	tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: local}, Scrolled: fyne.NewDelta(0, 25)})
	if after := tl.axis.day(local.X - g.plotL); math.Abs(after-before) > 1e-6 {
		t.Errorf("the day under the pointer moved from %v to %v", before, after)
	}
	tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: local}, Scrolled: fyne.NewDelta(0, -25)})
	if math.Abs(tl.axis.perPx-per) > 1e-9 {
		t.Errorf("in and out again: %v days a pixel, want %v", tl.axis.perPx, per)
	}
	// + and − zoom by two around the middle.
	tl.TypedRune('+')
	if math.Abs(tl.axis.perPx*2-per) > 1e-9 {
		t.Errorf("+ gave %v days a pixel, want %v", tl.axis.perPx, per/2)
	}
	tl.TypedRune('-')

	// A drag across the lanes pans: the view shows earlier days.
	start := tl.axis.start
	test.Drag(w.Canvas(), origin.Add(fyne.NewPos(g.plotL+400, 150)), 120, 0)
	if got, want := tl.axis.start, start-120*tl.axis.perPx; math.Abs(got-want) > 1e-6 {
		t.Errorf("after a drag of 120 px the view starts at day %v, want %v", got, want)
	}
	if tl.drag.active {
		t.Error("the drag did not end")
	}
}

func TestTimelineDensityThenMarks(t *testing.T) {
	tl, _ := chartWindow(t, syntheticTimeline(400, 1000, 12))
	g := chartFrame(tl.Size())
	arts := &tl.data.lanes[0]
	if tl.marksMode(arts, g) {
		t.Fatal("400 articles over nine months are drawn as marks, not density")
	}
	// Bars never get narrower than minBinPx, whatever the data.
	if w := float64(tl.binDays()) * tl.axis.pxPerDay(); w < minBinPx {
		t.Errorf("a bar is %.1f px wide", w)
	}
	shapes := len(WidgetScene(tl).shapes)
	// Zoomed in to about a day across, each article is a mark of its own.
	day := float64(arts.days[len(arts.days)/2])
	tl.axis.fit(day, day+1, g.plotW())
	if !tl.marksMode(arts, g) {
		t.Fatal("one day across the view is still drawn as density")
	}
	n := dayBound(arts.days, day+1) - dayBound(arts.days, day)
	marks, hollow := 0, 0
	for _, s := range WidgetScene(tl).shapes {
		if s.kind == shapeRect && (s.fill == arts.color || s.stroke == arts.color) && s.x2-s.x1 <= 7.01 && s.x2-s.x1 > 0 {
			marks++
			if s.width > 0 {
				hollow++
			}
		}
	}
	if marks < n {
		t.Errorf("%d marks for the %d articles of the day", marks, n)
	}
	t.Logf("%d shapes at the whole span; %d articles that day, %d marks, %d hollow (inferred)", shapes, n, marks, hollow)
}

// WidgetScene paints a chart's scene at its size, as the renderer does.
func WidgetScene(tl *Timeline) *scene {
	sc := &scene{}
	sc.reset(tl.Size())
	tl.paint(sc)
	return sc
}

func TestAxisLabelsNeverOverlap(t *testing.T) {
	test.NewTempApp(t)
	a := newTimeAxis()
	measure := func(s string) float32 { return measureLabel(s, chartSmall(), false).Width }
	for _, width := range []float32{300, 700, 1400} {
		for per := 1 / maxPxPerDay; per < maxSpanDays/float64(width); per *= 1.37 {
			a.perPx, a.start = per, 18900.3
			fine, context := a.ticks(width, measure)
			if len(fine) == 0 && per*float64(width) > 3*366 {
				t.Errorf("width %v, %.3g days a px: no labels", width, per)
			}
			for r, row := range [][]axisTick{fine, context} {
				for i := 1; i < len(row); i++ {
					prevRight := row[i-1].lx + measure(row[i-1].label)/2
					left := row[i].lx - measure(row[i].label)/2
					if r == 1 {
						prevRight, left = row[i-1].lx+measure(row[i-1].label), row[i].lx
					}
					if left < prevRight {
						t.Fatalf("width %v, %.3g days a px: %q overlaps %q", width, per, row[i].label, row[i-1].label)
					}
				}
			}
		}
	}
}

// chartNotebook is fakeArticles with passages and reported figures.
func chartNotebook() *fakeNotebook {
	nb := fakeArticles()
	body := nb.arts[0].Body
	start := strings.Index(body, "More")
	p, _ := dossier.Anchor(1, body, start, start+len("More than 94,000 troops"))
	p.ID, p.Tags = 1, []string{"claim/troops"}
	nb.ps = []dossier.Passage{p}
	nb.nextP = 2
	nb.figs = []dossier.Figure{
		{Article: 1, Span: dossier.Span{Start: start, End: start + 23}, Value: 94000, Qualifier: "more than", Unit: "troops",
			Claimant: "Oleksii Reznikov", Sentence: "More than 94,000 troops, officials said.", Date: dossier.DayDate(2022, 1, 29, dossier.OriginHeader)},
		{Article: 3, Span: dossier.Span{Start: 0, End: 8}, Value: 70000, Unit: "troops", Sentence: "Diplomats met in Geneva.",
			Date: dossier.DayDate(2021, 12, 3, dossier.OriginInferred)},
	}
	return nb
}

// showChart selects a chart's tab and loads it.
func showChart(t *testing.T, w *Window, tab *container.TabItem) {
	t.Helper()
	w.views.Select(tab)
	w.settle()
	w.Win.Canvas().Capture()
}

func TestTimelineRangeBecomesTheFilter(t *testing.T) {
	nb := chartNotebook()
	w, _ := openWindow(t, nb, Services{})
	tl := w.charts.timeline
	showChart(t, w, w.charts.tlTab)
	if tl.data == nil || len(tl.data.lanes) != 2 {
		t.Fatalf("timeline data %+v, want the articles and one lane of passages", tl.data)
	}
	if got := tl.data.lanes[0].total(); got != 3 {
		t.Fatalf("the articles lane holds %d articles, want 3 (one undated)", got)
	}
	w.SetQuery(mustQuery(t, "date:2022 Russia"))
	w.settle()
	if got := tl.data.lanes[0].total(); got != 1 {
		t.Fatalf("with date:2022 Russia the articles lane holds %d articles, want 1", got)
	}

	// Drag along the axis strip from 1 Dec 2021 to 29 Jan 2022.
	g := chartFrame(tl.Size())
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(tl)
	x1 := g.plotL + tl.axis.x(dayOf(time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC))+0.5)
	x2 := g.plotL + tl.axis.x(dayOf(time.Date(2022, 1, 29, 0, 0, 0, 0, time.UTC))+0.5)
	// The driver hands the drag's end and how far it went, as a pointer's
	// last move does.
	test.Drag(w.Win.Canvas(), origin.Add(fyne.NewPos(x2, g.axisTop+10)), x2-x1, 0)
	w.settle()
	if got, want := w.filter.Entry.Text, "Russia date:2021-12-01..2022-01-29"; got != want {
		t.Errorf("filter after picking days = %q, want %q (the old date term replaced)", got, want)
	}
	if got := strings.Join(titles(w), " | "); got != "Russia masses troops" {
		t.Errorf("list = %q", got)
	}
	// The view zoomed to the days picked.
	if d := tl.axis.day(0); d > dayOf(time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the view starts on day %v, after the first day picked", d)
	}
}

func TestTimelineHoverAndOpenPassage(t *testing.T) {
	nb := chartNotebook()
	w, _ := openWindow(t, nb, Services{})
	tl := w.charts.timeline
	showChart(t, w, w.charts.tlTab)
	// Zoom to the passage's day: a mark of its own.
	day := dayOf(time.Date(2022, 1, 29, 0, 0, 0, 0, time.UTC))
	tl.fitDays(day-2, day+3)
	g := chartFrame(tl.Size())
	lg := tl.laneGeom(g)
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(tl)
	at := origin.Add(fyne.NewPos(g.plotL+tl.axis.x(day+0.5), lg.stripTop(1)+lg.strip/2))
	test.MoveMouse(w.Win.Canvas(), at)
	if got := tl.HoverText(); !strings.Contains(got, "“More than 94,000 troops”") || !strings.Contains(got, "Russia masses troops · Reuters · 2022-01-29") {
		t.Errorf("hover over the passage says %q", got)
	}
	// The article lane: the inferred date is told as such.
	at3 := origin.Add(fyne.NewPos(g.plotL+tl.axis.x(day+0.5), lg.stripTop(0)+lg.strip/2))
	test.MoveMouse(w.Win.Canvas(), at3)
	if got := tl.HoverText(); !strings.HasPrefix(got, "Russia masses troops\n") {
		t.Errorf("hover over the article says %q", got)
	}
	test.TapCanvas(w.Win.Canvas(), at)
	w.settle()
	if a := w.Current(); a == nil || a.ID != 1 {
		t.Fatalf("tapping the passage opened %+v", a)
	}
	if s, e := w.Reader().Selection(); s != nb.ps[0].Start || e != nb.ps[0].End {
		t.Errorf("reader selection %d-%d, want the passage %d-%d", s, e, nb.ps[0].Start, nb.ps[0].End)
	}
	// Lanes by outlet.
	w.charts.lanes.SetSelected(LanesByOutlet)
	w.settle()
	if got := tl.data.lanes[1].name; got != "Reuters" {
		t.Errorf("lane by outlet named %q", got)
	}
}

func TestFiguresHoverAndOpenSentence(t *testing.T) {
	nb := chartNotebook()
	w, _ := openWindow(t, nb, Services{})
	fc := w.charts.figures
	showChart(t, w, w.charts.figTab)
	if len(fc.figs) != 2 || w.charts.figTab.Text != "Figures (2)" {
		t.Fatalf("figures %d, tab %q", len(fc.figs), w.charts.figTab.Text)
	}
	g, top := fc.plotGeom(fc.Size())
	x, y := fc.pointXY(1, g, top) // the later one, dated 2022-01-29
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(fc).Add(fyne.NewPos(x+2, y-1))
	test.MoveMouse(w.Win.Canvas(), at)
	if got, want := fc.HoverText(), "more than 94,000 troops — Oleksii Reznikov, 2022-01-29\nMore than 94,000 troops, officials said."; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	test.TapCanvas(w.Win.Canvas(), at)
	w.settle()
	body := w.Current().Body
	s, e := w.Reader().Selection()
	if w.Current().ID != 1 || string([]rune(body)[s:e]) != "More than 94,000 troops, officials said." {
		t.Errorf("tapping the figure selected %d-%d of article %d", s, e, w.Current().ID)
	}
	// The filter narrows the figures too.
	w.SetQuery(mustQuery(t, `speaker:Reznikov`))
	w.settle()
	if len(fc.figs) != 1 {
		t.Errorf("speaker:Reznikov leaves %d figures", len(fc.figs))
	}
}

func TestChartsExportPNGAndSVG(t *testing.T) {
	nb := chartNotebook()
	nb.ps[0].Tags = []string{`claim/<troops> & "more"`}
	w, _ := openWindow(t, nb, Services{})
	showChart(t, w, w.charts.tlTab)
	showChart(t, w, w.charts.figTab)
	for name, v := range map[string]interface {
		pictureWriter
		Size() fyne.Size
	}{"timeline": w.charts.timeline, "figures": w.charts.figures} {
		var pb bytes.Buffer
		if err := v.WritePNG(&pb); err != nil {
			t.Fatalf("%s: PNG: %v", name, err)
		}
		img, err := png.Decode(&pb)
		if err != nil {
			t.Fatalf("%s: the PNG does not decode: %v", name, err)
		}
		if got, want := img.Bounds().Dx(), int(math.Ceil(float64(v.Size().Width*2))); got != want {
			t.Errorf("%s: PNG %d px wide, want %d", name, got, want)
		}
		var sb bytes.Buffer
		if err := v.WriteSVG(&sb); err != nil {
			t.Fatalf("%s: SVG: %v", name, err)
		}
		svg := sb.String()
		dec := xml.NewDecoder(strings.NewReader(svg))
		var texts []string
		inText := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: the SVG does not parse: %v", name, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inText = tok.Name.Local == "text"
			case xml.CharData:
				if inText {
					texts = append(texts, string(tok))
				}
			case xml.EndElement:
				inText = false
			}
		}
		all := strings.Join(texts, "|")
		want := map[string]string{"timeline": `claim/<troops> & "more" · 1`, "figures": "Oleksii Reznikov (1)"}[name]
		if !strings.Contains(all, want) {
			t.Errorf("%s: the SVG's text lacks %q: %s", name, want, all)
		}
	}
}

func TestWithDatesReplacesTheDateTerm(t *testing.T) {
	from, to := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 1, 31, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ in, want string }{
		{"", "date:2021-12-01..2022-01-31"},
		{"tag:x", "tag:x date:2021-12-01..2022-01-31"},
		{"date:2021-11..2022-02 troops", "troops date:2021-12-01..2022-01-31"},
		{"date:>=2021-12-01 -date:2022-01 troops", "-date:2022-01 troops date:2021-12-01..2022-01-31"},
		{"(a OR date:2021) b", "(a OR date:2021) b date:2021-12-01..2022-01-31"},
		{`speaker:"Ned Price" OR date:2021`, `(speaker:"Ned Price" OR date:2021) date:2021-12-01..2022-01-31`},
	} {
		var q *dossier.Query
		if c.in != "" {
			q = mustQuery(t, c.in)
		}
		got, err := withDates(q, from, to)
		if err != nil || got.String() != c.want {
			t.Errorf("withDates(%q) = %q, %v; want %q", c.in, got.String(), err, c.want)
		}
	}
}

func TestSentenceSpan(t *testing.T) {
	body := "Ок. More than 94,000 troops. Then: More than 94,000 troops."
	f := dossier.Figure{Sentence: "More than 94,000 troops.", Span: dossier.Span{Start: 35, End: 58}}
	if got := sentenceSpan(body, f); got != (dossier.Span{Start: 35, End: 59}) {
		t.Errorf("sentence span %+v, want the second occurrence 35-59", got)
	}
	f.Sentence = "gone"
	if got := sentenceSpan(body, f); got != f.Span {
		t.Errorf("a missing sentence gives %+v, want the figure's span", got)
	}
}

// As of a day, the charts show only what was published by then, like the
// other views.
func TestChartsFollowAsOf(t *testing.T) {
	nb := chartNotebook()
	w, _ := openWindow(t, nb, Services{})
	fc := w.charts.figures
	showChart(t, w, w.charts.figTab)
	if len(fc.figs) != 2 {
		t.Fatalf("figures %d, want 2", len(fc.figs))
	}
	w.SetAsOf(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), true)
	w.settle()
	if len(fc.figs) != 1 || fc.figs[0].Date.String() != "2021-12-03" {
		t.Errorf("as of 2022-01-01 the chart shows %d figures (%+v), want the one of 2021-12-03", len(fc.figs), fc.figs)
	}
	showChart(t, w, w.charts.tlTab)
	if got := w.charts.timeline.data.lanes[0].total(); got != 1 {
		t.Errorf("as of 2022-01-01 the articles lane holds %d articles, want 1 (undated ones hidden too)", got)
	}
	w.SetAsOf(time.Time{}, false)
	w.settle()
	showChart(t, w, w.charts.figTab)
	if len(fc.figs) != 2 {
		t.Errorf("cleared: %d figures, want 2", len(fc.figs))
	}
}

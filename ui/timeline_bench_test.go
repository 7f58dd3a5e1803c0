package ui

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"testing"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// syntheticTimeline is nArts articles dated Oct 2021 to Jun 2022, busier
// towards February (some inferred, some undated), and nPass passages on
// them in lanes lanes.
func syntheticTimeline(nArts, nPass, lanes int) *TimelineData {
	r := rand.New(rand.NewPCG(1, 2))
	first := time.Date(2021, 10, 1, 0, 0, 0, 0, time.UTC)
	span := 272
	arts := make([]dossier.ArticleMeta, nArts)
	outlets := []string{"Reuters", "AP", "BBC", "Kyiv Independent", "TASS", "Guardian", "NYT", "Meduza"}
	for i := range arts {
		// Two triangles: a build-up to late February and a tail after it.
		d := int(float64(span) * (r.Float64() + r.Float64()) / 2)
		date := dossier.Date{Time: first.AddDate(0, 0, d), Precision: dossier.PrecisionDay, Origin: dossier.OriginHeader}
		switch r.IntN(50) {
		case 0:
			date = dossier.Date{}
		case 1, 2:
			date.Origin = dossier.OriginInferred
		}
		arts[i] = dossier.ArticleMeta{ID: dossier.ArticleID(i + 1), Title: fmt.Sprintf("Article %d on the buildup", i+1), Outlet: outlets[i%len(outlets)], Published: date}
	}
	ps := make([]dossier.Passage, nPass)
	for i := range ps {
		ps[i] = dossier.Passage{ID: dossier.PassageID(i + 1), Article: dossier.ArticleID(r.IntN(nArts) + 1), Start: 10, End: 40,
			Text: "More than 94,000 troops near the border", Tags: []string{fmt.Sprintf("lane/%02d", r.IntN(lanes))}}
	}
	return NewTimelineData(TimelineInput{
		Articles: arts, Passages: ps, NoLane: "no tag",
		LaneOf: func(p *dossier.Passage, _ *dossier.ArticleMeta) []string { return p.Tags },
	})
}

// BenchmarkTimelinePanZoom100k500k measures one frame of the timeline with
// 100,000 articles and 500,000 passages in 12 lanes, through the test
// driver: the pan or zoom step, the widget's refresh (the scene counted
// from the binned data and the canvas objects set from it) and its layout.
// The target is 33 ms a frame. The /paint cases add the test driver's
// software painter drawing the 1280×800 window into an image, a cost the
// app does not pay (its GL painter draws the same objects); /capture-empty
// is that painter's cost for a window with nothing in it, for comparison.
func BenchmarkTimelinePanZoom100k500k(b *testing.B) {
	test.NewTempApp(b)
	data := syntheticTimeline(100_000, 500_000, 12)
	tl := NewTimeline(nil)
	w := test.NewWindow(tl)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	tl.SetData(data)
	w.Canvas().Capture()
	r := test.WidgetRenderer(tl)

	frame := func(b *testing.B, paint bool, step func(i int)) {
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			step(i) // refreshes the widget
			r.Layout(tl.Size())
			if paint {
				w.Canvas().Capture()
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
		b.ReportMetric(float64(len(r.Objects())), "objects")
	}
	pan := func(i int) {
		if i%40 < 20 {
			tl.Pan(-15)
		} else {
			tl.Pan(15)
		}
	}
	zoom := func(i int) {
		// In towards days and back out to the whole span, around a point.
		dy := float32(25)
		if i%24 >= 12 {
			dy = -25
		}
		tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(640, 300)}, Scrolled: fyne.NewDelta(0, dy)})
	}
	b.Run("pan", func(b *testing.B) { tl.Fit(); frame(b, false, pan) })
	b.Run("zoom", func(b *testing.B) { tl.Fit(); frame(b, false, zoom) })
	b.Run("pan/paint", func(b *testing.B) { tl.Fit(); frame(b, true, pan) })
	b.Run("zoom/paint", func(b *testing.B) { tl.Fit(); frame(b, true, zoom) })
	b.Run("capture-empty", func(b *testing.B) {
		e := test.NewWindow(canvas.NewRectangle(color.Transparent))
		defer e.Close()
		e.Resize(fyne.NewSize(1280, 800))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			e.Canvas().Capture()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
	})
	b.Run("bin", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			syntheticTimeline(100_000, 500_000, 12)
		}
	})
}

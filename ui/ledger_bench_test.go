package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// syntheticLedger makes n quotes of realistic length (40 to 400 bytes,
// some 150 on average) in n/8 articles dated October 2021 to June 2022
// (one in fifty undated), said by a pool of 2,000 speakers (one in ten
// unnamed), one in twenty tagged.
func syntheticLedger(n int) ([]dossier.ArticleMeta, []dossier.Quote, map[dossier.QuoteID][]string) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("Russia troops border Ukraine NATO sanctions invasion we are watching very closely the president has made clear that any further aggression would be met with swift and severe costs diplomacy remains path forward our allies stand united Kremlin denies plans to attack forces exercises Belarus Donbas Kyiv Moscow Washington talks Geneva security guarantees")
	first := strings.Fields("Jen Ned Antony Lloyd Sergei Dmitry Volodymyr Olaf Emmanuel Boris Jens Maria Kamala Joe Vladimir Liz Annalena Dmytro Oleksii Mark")
	last := strings.Fields("Psaki Price Blinken Austin Lavrov Peskov Zelenskyy Scholz Macron Johnson Stoltenberg Zakharova Harris Biden Putin Truss Baerbock Kuleba Reznikov Milley")
	speakers := make([]string, 2000)
	for i := range speakers {
		speakers[i] = fmt.Sprintf("%s %s-%d", first[i%len(first)], last[(i/len(first))%len(last)], i)
	}
	outlets := []string{"Reuters", "AP", "BBC", "The Guardian", "Kyiv Independent", "TASS", "White House", "State Department", "NATO"}
	from := time.Date(2021, 10, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2022, 6, 30, 0, 0, 0, 0, time.UTC).Sub(from).Hours() / 24)
	metas := make([]dossier.ArticleMeta, n/8+1)
	for i := range metas {
		metas[i] = dossier.ArticleMeta{ID: dossier.ArticleID(i + 1), Title: fmt.Sprintf("Article %d", i+1), Outlet: outlets[rng.IntN(len(outlets))]}
		if rng.IntN(50) > 0 {
			d := from.AddDate(0, 0, rng.IntN(days))
			metas[i].Published = dossier.DayDate(d.Year(), d.Month(), d.Day(), dossier.OriginHeader)
		}
	}
	qs := make([]dossier.Quote, n)
	tags := map[dossier.QuoteID][]string{}
	var b strings.Builder
	for i := range qs {
		b.Reset()
		for target := 40 + rng.IntN(360); b.Len() < target; {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		art := dossier.ArticleID(i/8 + 1)
		start := (i % 8) * 500
		q := dossier.Quote{ID: dossier.QuoteID(i + 1), Article: art, Spans: []dossier.Span{{Start: start, End: start + b.Len()}}, Text: b.String()}
		if rng.IntN(10) > 0 {
			q.Speaker = speakers[rng.IntN(len(speakers))]
		} else {
			q.Mention = "a senior official"
		}
		if rng.IntN(20) == 0 {
			tags[q.ID] = []string{"claim/" + words[rng.IntN(len(words))]}
		}
		qs[i] = q
	}
	return metas, qs, tags
}

var benchModel struct {
	m   *ledgerModel
	dur time.Duration
}

// benchLedger1M builds the million-quote model once for every benchmark.
func benchLedger1M(b *testing.B) *ledgerModel {
	if benchModel.m == nil {
		metas, qs, tags := syntheticLedger(1_000_000)
		start := time.Now()
		benchModel.m = buildLedger(metas, qs, tags, nil)
		benchModel.dur = time.Since(start)
	}
	b.Logf("building 1,000,000 rows took %v", benchModel.dur.Round(time.Millisecond))
	return benchModel.m
}

// newBenchLedger shows m in a ledger in a test window of the size the
// Quotes tab has in a 1280×800 window.
func newBenchLedger(b *testing.B, m *ledgerModel) (*Ledger, fyne.Window) {
	test.NewTempApp(b)
	l := NewLedger()
	l.Run = func(work func() func()) {
		if f := work(); f != nil {
			f()
		}
	}
	w := test.NewWindow(l.Content)
	w.Resize(fyne.NewSize(700, 720))
	l.SetQuotes(m)
	w.Canvas().Capture()
	return l, w
}

// BenchmarkLedgerScroll1M scrolls a million-quote ledger by three rows a
// step, as a mouse wheel does, through its whole length in jumps: each step
// binds the rows that come into view and paints the window with the test
// driver's software painter (slower than the GL one a desktop uses). The
// figure to watch is ms/frame, against 16 ms a frame at 60 Hz.
func BenchmarkLedgerScroll1M(b *testing.B) {
	m := benchLedger1M(b)
	l, w := newBenchLedger(b, m)
	rowH := l.lines[0].MinSize().Height + theme.Padding()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// Every 200th step jumps far (a drag of the scroll bar); the rest
		// move three rows.
		off := float32(i%200)*3*rowH + float32((i/200)*4999%len(l.view))*rowH
		l.list.ScrollToOffset(off)
		w.Canvas().Capture()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkLedgerScrollBind1M is the scroll without painting: what the
// ledger's own code costs a frame.
func BenchmarkLedgerScrollBind1M(b *testing.B) {
	m := benchLedger1M(b)
	l, w := newBenchLedger(b, m)
	rowH := l.lines[0].MinSize().Height + theme.Padding()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		off := float32(i%200)*3*rowH + float32((i/200)*4999%len(l.view))*rowH
		l.list.ScrollToOffset(off)
		test.LaidOutObjects(w.Canvas().Content())
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkLedgerSort1M sorts a million quotes by each column: ms/sort in
// all, ms-on-fyne of it on the Fyne goroutine (what may change is copied
// there; the rest runs on a goroutine of its own).
func BenchmarkLedgerSort1M(b *testing.B) {
	m := benchLedger1M(b)
	for c := range numCols {
		for _, desc := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/desc=%v", colTitles[c], desc), func(b *testing.B) {
				var fyneTook time.Duration
				for b.Loop() {
					start := time.Now()
					sort := m.sorter(c, desc)
					fyneTook += time.Since(start)
					sort()
				}
				b.ReportMetric(float64(fyneTook.Microseconds())/1000/float64(b.N), "ms-on-fyne")
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/sort")
			})
		}
	}
}

// BenchmarkLedgerTextFilter1M searches a million quotes' texts for what is
// typed, from scratch (a keystroke that narrows reads only what the one
// before kept: see BenchmarkLedgerTyping1M), and narrows the view.
func BenchmarkLedgerTextFilter1M(b *testing.B) {
	m := benchLedger1M(b)
	for _, typed := range []string{"t", "troo", "troops bord", "kremlin -nato", "zzz"} {
		b.Run(typed, func(b *testing.B) {
			q := textQuery(typed)
			var kept int
			for b.Loop() {
				ok := m.textFilter(q, nil, nil)
				kept = len(m.filter(m.byDate, nil, ok))
			}
			b.ReportMetric(float64(kept), "rows")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/filter")
		})
	}
}

// BenchmarkLedgerSpeakerFilter1M narrows a million quotes to a speaker's,
// as the speaker box does on each keystroke (on the Fyne goroutine).
func BenchmarkLedgerSpeakerFilter1M(b *testing.B) {
	m := benchLedger1M(b)
	var kept int
	for b.Loop() {
		ok := m.speakerFilter("psaki-2")
		kept = len(m.filter(m.byDate, ok, nil))
	}
	b.ReportMetric(float64(kept), "rows")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/filter")
}

// BenchmarkLedgerTableScroll1M is the alternative the ledger did not take:
// a widget.Table of five label columns over the same rows, scrolled and
// painted as BenchmarkLedgerScroll1M does.
func BenchmarkLedgerTableScroll1M(b *testing.B) {
	m := benchLedger1M(b)
	test.NewTempApp(b)
	view := m.byDate
	t := widget.NewTable(
		func() (int, int) { return len(view), numCols },
		func() fyne.CanvasObject {
			l := widget.NewLabel("template text")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			r := &m.rows[view[id.Row]]
			a := &m.arts[r.art]
			var s string
			switch id.Col {
			case colDate:
				s = a.date
			case colSpeaker:
				s = m.names[r.speaker].text
			case colQuote:
				s = r.text
			case colOutlet:
				s = m.outlets[a.outlet]
			case colTags:
				s = strings.Join(m.tagSets[r.tags], ", ")
			}
			o.(*widget.Label).SetText(s)
		})
	for c, wd := range []float32{100, 170, 300, 110, 120} {
		t.SetColumnWidth(c, wd)
	}
	w := test.NewWindow(t)
	w.Resize(fyne.NewSize(700, 720))
	w.Canvas().Capture()
	rowH := widget.NewLabel("Ag").MinSize().Height + theme.Padding()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		off := float32(i%200)*3*rowH + float32((i/200)*4999%len(view))*rowH
		t.ScrollToOffset(fyne.NewPos(0, off))
		w.Canvas().Capture()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkLedgerPaint paints the ledger without scrolling: what the test
// driver's software painter costs a frame of this size whatever moves, the
// floor under BenchmarkLedgerScroll1M.
func BenchmarkLedgerPaint(b *testing.B) {
	m := benchLedger1M(b)
	_, w := newBenchLedger(b, m)
	for b.Loop() {
		w.Canvas().Capture()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkLedgerTyping1M types "troops" into the search box of a million
// quotes a letter at a time, each keystroke searching what the one before
// kept: ms for the whole word.
func BenchmarkLedgerTyping1M(b *testing.B) {
	m := benchLedger1M(b)
	for b.Loop() {
		var ok []bool
		before := ""
		for i := 1; i <= len("troops"); i++ {
			typed := "troops"[:i]
			var within []bool
			if narrows(before, typed) {
				within = ok
			}
			ok = m.textFilter(textQuery(typed), within, nil)
			before = typed
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/word")
}

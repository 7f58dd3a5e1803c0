package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// layoutTexts are bodies with runes of one, two, three and four bytes:
// Latin, Cyrillic, curly quotes and dashes, emoji; a hard line break, a
// word too long for a line, and paragraphs separated by blank lines.
var layoutTexts = []string{
	"Russia has placed more than 94,000 troops near Ukraine’s borders, “Reznikov” said — and may be gearing up for a large-scale offensive.",
	"Министр обороны Украины Алексей Резников заявил, что Россия сосредоточила более 94 000 военнослужащих у границ.\n\n«Мы готовы» — сказал он. 😀🇺🇦 ok",
	"A line\nbroken by hand, then a LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochLlanfairpwllgwyngyllgogerychwyrndrobwll word.\n\n\nThree newlines above; tab\there.",
	"",
	"x",
}

func TestSplitParagraphsMatchesStringsSplit(t *testing.T) {
	for _, body := range append(layoutTexts, "\n\n", "a\n\n\n\nb", "\n\na\n\n") {
		want := strings.Split(body, "\n\n")
		rs := []rune(body)
		paras, starts := splitParagraphs(rs)
		if len(paras) != len(want) {
			t.Fatalf("%q: %d paragraphs, want %d", body, len(paras), len(want))
		}
		for i := range want {
			if string(paras[i]) != want[i] {
				t.Errorf("%q: paragraph %d = %q, want %q", body, i, string(paras[i]), want[i])
			}
			if string(rs[starts[i]:starts[i]+len(paras[i])]) != want[i] {
				t.Errorf("%q: paragraph %d starts at %d, which is not its text", body, i, starts[i])
			}
		}
	}
}

func TestLayoutWrapsWithinWidth(t *testing.T) {
	test.NewTempApp(t)
	m := newTextMeasurer(theme.TextSize(), fyne.TextStyle{})
	for _, body := range layoutTexts {
		for _, width := range []float32{90, 200, 420, 2000} {
			d := newDocLayout([]rune(body), width, 10, 5, m)
			for pi, p := range d.paras {
				next := 0
				for li, l := range p.lines {
					if l.start != next || l.end < l.start || l.drawEnd < l.start || l.drawEnd > l.end {
						t.Fatalf("%q at %v: paragraph %d line %d is %+v after %d", body, width, pi, li, l, next)
					}
					next = l.end
					w := p.x(li, l.drawEnd)
					// Only a word longer than the line, or a single rune, may overflow.
					if w > width && strings.ContainsRune(p.text(li), ' ') {
						t.Errorf("%q at %v: line %q is %v wide", body, width, p.text(li), w)
					}
				}
				if next != len(p.runes) {
					t.Errorf("%q at %v: lines end at %d of %d runes", body, width, next, len(p.runes))
				}
			}
		}
	}
}

// Every offset that starts a rune or ends a line's text maps to a point
// and back to itself; the blanks where a line breaks and the blank line
// between paragraphs map to the end of the text before them.
func TestLayoutOffsetPointRoundTrip(t *testing.T) {
	test.NewTempApp(t)
	m := newTextMeasurer(theme.TextSize(), fyne.TextStyle{})
	for _, body := range layoutTexts {
		rs := []rune(body)
		for _, width := range []float32{120, 333, 900} {
			d := newDocLayout(rs, width, 10, 5, m)
			for pi, p := range d.paras {
				for li := range p.lines {
					p.fit(li, m) // as drawing does: the measure of the whole line
				}
				for local := 0; local <= len(p.runes); local++ {
					off := p.start + local
					li := p.lineAt(local)
					l := p.lines[li]
					pt := d.point(off)
					got := d.offsetAt(fyne.NewPos(pt.X, pt.Y+d.lineH/2))
					want := off
					if local > l.drawEnd {
						want = p.start + l.drawEnd
					}
					// Runes drawn as one glyph (a flag) share a place: either will do.
					if got != want && d.point(got) != d.point(want) {
						t.Errorf("%q at %v: paragraph %d offset %d at %v maps back to %d", body, width, pi, off, pt, got)
					}
					if local < l.drawEnd {
						// The middle of the rune's box is that rune.
						x1 := d.point(off + 1).X
						if d.paraAt(off+1) != pi || p.lineAt(local+1) != li {
							x1 = d.left + p.x(li, local+1)
						}
						mid := fyne.NewPos((pt.X+x1)/2, pt.Y+1)
						if k := d.runeAt(mid); k != off && x1 > pt.X {
							t.Errorf("%q at %v: the rune under %v is %d, want %d (%q)", body, width, mid, k, off, rs[off])
						}
					}
				}
			}
			// Between two paragraphs is the end of the one above.
			for pi := 0; pi+1 < len(d.paras); pi++ {
				y := d.tops[pi+1] - d.gap/2
				if got := d.offsetAt(fyne.NewPos(d.left+5, y)); got != d.paras[pi].end() {
					t.Errorf("%q: the gap after paragraph %d maps to %d, want %d", body, pi, got, d.paras[pi].end())
				}
			}
			if got := d.offsetAt(fyne.NewPos(0, -10)); got != 0 {
				t.Errorf("above the text maps to %d", got)
			}
			if got := d.offsetAt(fyne.NewPos(0, d.height+50)); got != len(rs) {
				t.Errorf("below the text maps to %d, want %d", got, len(rs))
			}
		}
	}
}

func TestLayoutXAgreesWithMeasuredText(t *testing.T) {
	test.NewTempApp(t)
	m := newTextMeasurer(theme.TextSize(), fyne.TextStyle{})
	body := []rune(layoutTexts[0] + " " + layoutTexts[1])
	d := newDocLayout(body, 380, 0, 0, m)
	for _, p := range d.paras {
		for li, l := range p.lines {
			p.fit(li, m)
			for k := l.start; k <= l.drawEnd; k++ {
				want := fyne.MeasureText(string(p.runes[l.start:k]), m.size, m.style).Width
				if got := p.x(li, k); got-want > 1.5 || want-got > 1.5 {
					t.Errorf("x of %q = %v, measured %v", string(p.runes[l.start:k]), got, want)
				}
			}
		}
	}
}

func TestWordAt(t *testing.T) {
	rs := []rune("Ukraine’s defence — Резников said: “ok” 😀.")
	for _, tt := range []struct {
		at   int
		want string
	}{
		{0, "Ukraine’s"}, {8, "Ukraine’s"}, {11, "defence"}, {18, "—"}, {22, "Резников"}, {36, "ok"}, {40, "😀"},
	} {
		s, e := wordAt(rs, tt.at)
		if got := string(rs[s:e]); got != tt.want {
			t.Errorf("wordAt(%d) = %q, want %q", tt.at, got, tt.want)
		}
	}
	if got := nextWord(rs, 0); got != 9 {
		t.Errorf("nextWord(0) = %d, want 9", got)
	}
	if got := prevWord(rs, 18); got != 10 {
		t.Errorf("prevWord(18) = %d, want 10", got)
	}
}

package ui

import (
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
)

// The reader's text layout: an article body split into paragraphs, each
// word-wrapped into lines for a width, with the x of every rune boundary,
// so that a rune offset maps to a point and a point back to an offset.
// Offsets are global rune offsets into the body, as passages and quotes
// count them; paragraphs are the body's "\n\n"-separated parts.

// textMeasurer measures runes in one text size and style. It caches the
// advance of each rune, so wrapping a 50 KB article measures each distinct
// rune once; lines are measured whole (fit) only when they are drawn.
type textMeasurer struct {
	size   float32
	style  fyne.TextStyle
	height float32 // of a line of text
	ascii  [128]float32
	known  [128]bool
	other  map[rune]float32
	words  map[string]float32
}

func newTextMeasurer(size float32, style fyne.TextStyle) *textMeasurer {
	m := &textMeasurer{size: size, style: style, other: map[rune]float32{}, words: map[string]float32{}}
	m.height = fyne.MeasureText("Mg", size, style).Height
	return m
}

// advance returns how far r moves the pen. A newline, which ends a line,
// takes no room; other control characters are drawn as spaces.
func (m *textMeasurer) advance(r rune) float32 {
	if r == '\n' {
		return 0
	}
	r = drawRune(r)
	if r < 128 {
		if !m.known[r] {
			m.ascii[r] = fyne.MeasureText(string(r), m.size, m.style).Width
			m.known[r] = true
		}
		return m.ascii[r]
	}
	w, ok := m.other[r]
	if !ok {
		w = fyne.MeasureText(string(r), m.size, m.style).Width
		m.other[r] = w
	}
	return w
}

// wordWidth measures a word whole, as canvas.Text draws it (with kerning),
// remembering each word measured.
func (m *textMeasurer) wordWidth(rs []rune) float32 {
	s := string(rs)
	w, ok := m.words[s]
	if !ok {
		w = fyne.MeasureText(s, m.size, m.style).Width
		m.words[s] = w
	}
	return w
}

// drawRune is the rune drawn for r: control characters show as spaces.
func drawRune(r rune) rune {
	if r < ' ' || r == 0x7f {
		return ' '
	}
	return r
}

// isBlank reports whether a line may break after r.
func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }

// textLine is one wrapped line of a paragraph: the runes [start, end) in
// paragraph offsets, of which [start, drawEnd) are drawn (the spaces or the
// newline where the line breaks are not).
type textLine struct {
	start, end, drawEnd int
	// xs holds the x of each boundary [start, end] once the line is
	// fitted (see fit); until then x sums rune advances.
	xs []float32
}

// paraLayout is a paragraph wrapped for a width.
type paraLayout struct {
	start int    // global offset of the paragraph's first rune
	runes []rune // the paragraph, a slice of the body
	px    []float32
	lines []textLine
}

// layoutParagraph wraps runes (which start at global offset start) into
// lines no wider than width, breaking after spaces, at newlines, and inside
// a word only when the word alone is wider than a line.
func layoutParagraph(runes []rune, start int, width float32, m *textMeasurer) *paraLayout {
	n := len(runes)
	p := &paraLayout{start: start, runes: runes, px: make([]float32, n+1)}
	adv := make([]float32, n)
	for i, r := range runes {
		adv[i] = m.advance(r)
		p.px[i+1] = p.px[i] + adv[i]
	}
	lineStart, brk := 0, -1 // brk: where a line could start after spaces
	var x float32
	for i := 0; i < n; i++ {
		r := runes[i]
		if r == '\n' {
			p.addLine(lineStart, i+1)
			lineStart, brk, x = i+1, -1, 0
			continue
		}
		if !isBlank(r) && x+adv[i] > width && i > lineStart {
			at := i
			if brk > lineStart {
				at = brk
			}
			p.addLine(lineStart, at)
			lineStart, brk = at, -1
			x = p.px[i] - p.px[at]
		}
		x += adv[i]
		if isBlank(r) && i+1 < n && !isBlank(runes[i+1]) {
			brk = i + 1
		}
	}
	if lineStart < n || len(p.lines) == 0 || runes[n-1] == '\n' {
		p.addLine(lineStart, n)
	}
	return p
}

func (p *paraLayout) addLine(start, end int) {
	d := end
	for d > start && isBlank(p.runes[d-1]) {
		d--
	}
	p.lines = append(p.lines, textLine{start: start, end: end, drawEnd: d})
}

// end returns the global offset just past the paragraph.
func (p *paraLayout) end() int { return p.start + len(p.runes) }

// text returns what line i draws.
func (p *paraLayout) text(i int) string {
	l := p.lines[i]
	rs := make([]rune, 0, l.drawEnd-l.start)
	for _, r := range p.runes[l.start:l.drawEnd] {
		rs = append(rs, drawRune(r))
	}
	return string(rs)
}

// fit measures the words of line i once, so that x offsets agree with the
// drawn text to a fraction of a pixel: a word's runes take the word's
// measured width (kerning, ligatures, emoji sequences) in proportion to
// their own advances; blanks keep theirs.
func (p *paraLayout) fit(i int, m *textMeasurer) {
	l := &p.lines[i]
	if l.xs != nil {
		return
	}
	xs := make([]float32, l.end-l.start+1)
	var x float32
	for a := l.start; a < l.end; {
		if isBlank(p.runes[a]) {
			x += p.px[a+1] - p.px[a]
			a++
			xs[a-l.start] = x
			continue
		}
		b := a + 1
		for b < l.end && !isBlank(p.runes[b]) {
			b++
		}
		sum := p.px[b] - p.px[a]
		scale := float32(1)
		if b > a+1 && sum > 0 {
			scale = m.wordWidth(p.runes[a:b]) / sum
		}
		if scale < 0.97 || scale > 1.03 {
			// Runes that join (emoji sequences, flags, ligatures): measure
			// each prefix of the word.
			for k := a + 1; k <= b; k++ {
				xs[k-l.start] = x + m.wordWidth(p.runes[a:k])
			}
		} else {
			for k := a + 1; k <= b; k++ {
				xs[k-l.start] = x + (p.px[k]-p.px[a])*scale
			}
		}
		x = xs[b-l.start]
		a = b
	}
	l.xs = xs
}

// x returns the x of the boundary before local offset off on line i.
func (p *paraLayout) x(i, off int) float32 {
	l := p.lines[i]
	off = min(max(off, l.start), l.end)
	if l.xs != nil {
		return l.xs[off-l.start]
	}
	return p.px[off] - p.px[l.start]
}

// lineAt returns the line that holds local offset off: the one it starts
// or lies inside; the paragraph's end is on its last line.
func (p *paraLayout) lineAt(off int) int {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i].end > off })
	return min(i, len(p.lines)-1)
}

// offsetAt returns the local offset nearest to x on line i: the boundary
// between the runes x falls between, never past the drawn text.
func (p *paraLayout) offsetAt(i int, x float32) int {
	l := p.lines[i]
	lo, hi := l.start, l.drawEnd
	if x <= 0 || lo == hi {
		return lo
	}
	if x >= p.x(i, hi) {
		return hi
	}
	// The first boundary at or right of x, then the nearer of it and the one before.
	k := lo + sort.Search(hi-lo, func(j int) bool { return p.x(i, lo+j+1) >= x })
	k++
	if x-p.x(i, k-1) < p.x(i, k)-x {
		k--
	}
	return k
}

// runeAt returns the local offset of the rune drawn under x on line i, or
// -1 when x is beside the drawn text.
func (p *paraLayout) runeAt(i int, x float32) int {
	l := p.lines[i]
	if x < 0 || x >= p.x(i, l.drawEnd) {
		return -1
	}
	return l.start + sort.Search(l.drawEnd-l.start, func(j int) bool { return p.x(i, l.start+j+1) > x })
}

// docLayout places an article's paragraphs one under another for a width.
type docLayout struct {
	paras  []*paraLayout
	tops   []float32 // y of each paragraph's first line
	width  float32   // of the text column
	left   float32   // x of the text column
	lineH  float32   // height of a line
	textH  float32   // height of the text within a line
	gap    float32   // between paragraphs
	height float32   // of the whole text, with the margins
}

// splitParagraphs splits body runes where strings.Split(body, "\n\n")
// would, returning each paragraph as a slice of body and its offset.
func splitParagraphs(body []rune) (paras [][]rune, starts []int) {
	s := 0
	for i := 0; i+1 < len(body); i++ {
		if body[i] == '\n' && body[i+1] == '\n' {
			paras, starts = append(paras, body[s:i]), append(starts, s)
			s = i + 2
			i++
		}
	}
	return append(paras, body[s:]), append(starts, s)
}

// newDocLayout lays out body for a text column width wide, starting at
// (left, top).
func newDocLayout(body []rune, width, left, top float32, m *textMeasurer) *docLayout {
	d := &docLayout{width: width, left: left, textH: m.height}
	d.lineH = float32(int(m.height*1.4 + 0.5))
	d.gap = float32(int(m.height*0.7 + 0.5))
	paras, starts := splitParagraphs(body)
	d.paras = make([]*paraLayout, len(paras))
	d.tops = make([]float32, len(paras))
	y := top
	for i, rs := range paras {
		p := layoutParagraph(rs, starts[i], width, m)
		d.paras[i], d.tops[i] = p, y
		y += float32(len(p.lines))*d.lineH + d.gap
	}
	d.height = y - d.gap + top
	return d
}

// paraAt returns the paragraph that holds global offset off; an offset in
// the blank line between two is in the first.
func (d *docLayout) paraAt(off int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].start > off })
	return max(i-1, 0)
}

// point returns where the boundary before global offset off is drawn: the
// top left of its place on its line, in page coordinates.
func (d *docLayout) point(off int) fyne.Position {
	pi := d.paraAt(off)
	p := d.paras[pi]
	local := min(max(off-p.start, 0), len(p.runes))
	li := p.lineAt(local)
	return fyne.NewPos(d.left+p.x(li, local), d.tops[pi]+float32(li)*d.lineH)
}

// offsetAt returns the global offset nearest to pos (page coordinates).
// Above the text is its start, below it its end; between paragraphs is the
// end of the one above.
func (d *docLayout) offsetAt(pos fyne.Position) int {
	pi := sort.Search(len(d.tops), func(i int) bool { return d.tops[i] > pos.Y }) - 1
	if pi < 0 {
		return 0
	}
	p := d.paras[pi]
	li := int((pos.Y - d.tops[pi]) / d.lineH)
	if li >= len(p.lines) {
		return p.end()
	}
	return p.start + p.offsetAt(li, pos.X-d.left)
}

// runeAt returns the global offset of the rune drawn under pos (page
// coordinates), or -1 when pos is beside the text.
func (d *docLayout) runeAt(pos fyne.Position) int {
	pi := sort.Search(len(d.tops), func(i int) bool { return d.tops[i] > pos.Y }) - 1
	if pi < 0 {
		return -1
	}
	p := d.paras[pi]
	li := int((pos.Y - d.tops[pi]) / d.lineH)
	if li >= len(p.lines) {
		return -1
	}
	if k := p.runeAt(li, pos.X-d.left); k >= 0 {
		return p.start + k
	}
	return -1
}

// lineTop returns the top of the line at y (page coordinates).
func (d *docLayout) lineTop(y float32) float32 {
	pi := max(sort.Search(len(d.tops), func(i int) bool { return d.tops[i] > y })-1, 0)
	li := min(max(int((y-d.tops[pi])/d.lineH), 0), len(d.paras[pi].lines)-1)
	return d.tops[pi] + float32(li)*d.lineH
}

// visibleParas returns the first and last paragraph whose lines meet the
// band [y0, y1) of the page; last < first when none does.
func (d *docLayout) visibleParas(y0, y1 float32) (first, last int) {
	first = sort.Search(len(d.tops), func(i int) bool {
		return d.tops[i]+float32(len(d.paras[i].lines))*d.lineH > y0
	})
	last = sort.Search(len(d.tops), func(i int) bool { return d.tops[i] >= y1 }) - 1
	return first, last
}

// wordAt returns the word around rune offset off: a run of letters and
// digits (with apostrophes and hyphens inside), or the single other rune.
func wordAt(rs []rune, off int) (start, end int) {
	if off >= len(rs) {
		off = len(rs) - 1
	}
	if off < 0 {
		return 0, 0
	}
	if !isWordRune(rs[off]) {
		return off, off + 1
	}
	start, end = off, off+1
	for start > 0 && inWord(rs, start-1) {
		start--
	}
	for end < len(rs) && inWord(rs, end) {
		end++
	}
	return start, end
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// inWord reports whether rs[i] belongs to the word around it: a letter or
// digit, or an apostrophe or hyphen between two.
func inWord(rs []rune, i int) bool {
	if isWordRune(rs[i]) {
		return true
	}
	switch rs[i] {
	case '\'', '’', '-', '‐':
		return i > 0 && i+1 < len(rs) && isWordRune(rs[i-1]) && isWordRune(rs[i+1])
	}
	return false
}

// nextWord returns the offset at the end of the word at or after off;
// prevWord the start of the word before off (as Ctrl+arrows move).
func nextWord(rs []rune, off int) int {
	for off < len(rs) && !inWord(rs, off) {
		off++
	}
	for off < len(rs) && inWord(rs, off) {
		off++
	}
	return off
}

func prevWord(rs []rune, off int) int {
	for off > 0 && !inWord(rs, off-1) {
		off--
	}
	for off > 0 && inWord(rs, off-1) {
		off--
	}
	return off
}

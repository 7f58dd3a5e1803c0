package dossier

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PassageID identifies a passage within a notebook. IDs start at 1 and are
// never reused.
type PassageID uint64

// ContextRunes is how many runes of text before and after a passage its
// anchor keeps, to find the passage again when the text changes.
const ContextRunes = 32

// Passage is a span of an article that a researcher tagged or annotated.
// Its anchor is the position (Start, End in runes), the exact Text with up to
// ContextRunes of Prefix and Suffix, and the BodyHash of the text it was made
// on. When the article's text changes, Reanchor places it again; a passage
// that cannot be placed is an Orphan, kept with its text and note.
type Passage struct {
	ID       PassageID
	Article  ArticleID
	Start    int // rune offsets into the body, half-open
	End      int
	Text     string // the body's text at [Start, End) when last placed
	Prefix   string // up to ContextRunes before Start
	Suffix   string // up to ContextRunes after End
	BodyHash Hash   // the body the anchor was made on
	Tags     []string
	Note     string // free text, may span lines
	Orphan   bool   // the text is no longer found in the article
	Created  time.Time
	Modified time.Time
}

// Anchor returns a passage of article a over the runes [start, end) of body,
// with its text and context filled in, or an invalid-input error for a span
// outside the body or an empty one.
func Anchor(a ArticleID, body string, start, end int) (Passage, error) {
	rs := []rune(body)
	if start < 0 || end > len(rs) || start >= end {
		return Passage{}, Errorf(EINVALID, "span %d-%d is not within the text (0-%d), or is empty", start, end, len(rs))
	}
	p := Passage{Article: a, Start: start, End: end, BodyHash: HashBody(body)}
	p.setText(rs)
	return p, nil
}

func (p *Passage) setText(rs []rune) {
	p.Text = string(rs[p.Start:p.End])
	p.Prefix = string(rs[max(0, p.Start-ContextRunes):p.Start])
	p.Suffix = string(rs[p.End:min(len(rs), p.End+ContextRunes)])
}

// Move places the passage at [start, end) of body (as Reanchor found) and
// takes its text, context and hash from there; the passage is no orphan.
func (p *Passage) Move(body string, start, end int) {
	rs := []rune(body)
	p.Start, p.End, p.Orphan = start, end, false
	p.BodyHash = HashBody(body)
	p.setText(rs)
}

// HasTag reports whether the passage has tag or a tag under it, ignoring case.
func (p *Passage) HasTag(tag string) bool {
	for _, t := range p.Tags {
		if TagUnder(t, tag) {
			return true
		}
	}
	return false
}

// PassageRecord returns the fields of a passage for a Query: its text,
// note, tags and orphan flag, and the title, outlet and date of its article
// (meta may be nil). Speakers of the quotes inside it are for the caller.
func PassageRecord(p *Passage, meta *ArticleMeta) Record {
	r := Record{Article: p.Article, Text: p.Text, Note: p.Note, Tags: p.Tags}
	if meta != nil {
		r.Title, r.Outlet, r.Author, r.URL, r.File, r.Date = meta.Title, meta.Outlet, meta.Author, meta.URL, meta.File, meta.Published
	}
	if p.Orphan {
		r.Flags |= FlagOrphan
	}
	return r
}

// Tag is a label in the notebook's hierarchy: Path is slash-separated
// (actor/russia/mod), Color a "#rrggbb" hex colour.
type Tag struct {
	Path        string
	Color       string
	Description string
}

// MaxTagLen is the longest tag path, in bytes.
const MaxTagLen = 200

// NormalizeTag returns a tag path in its stored form: white space around
// each part trimmed and runs of it inside collapsed to one space, no empty
// parts (so no leading, trailing or double slash). Case is kept as typed;
// tags compare ignoring case (TagEqual), as the query language's tag: does.
// It returns an invalid-input error for an empty path, a control character
// or a double quote, or a path longer than MaxTagLen.
func NormalizeTag(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", Errorf(EINVALID, "tag %q is not valid text", s)
	}
	parts := strings.Split(s, "/")
	for i, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			if strings.TrimSpace(s) == "" {
				return "", Errorf(EINVALID, "a tag needs a name")
			}
			return "", Errorf(EINVALID, "tag %q has an empty part: write parts with single slashes, like actor/russia", s)
		}
		for _, r := range p {
			if unicode.IsControl(r) || r == '"' {
				return "", Errorf(EINVALID, "tag %q holds %q, which a tag cannot hold", s, r)
			}
		}
		parts[i] = p
	}
	out := strings.Join(parts, "/")
	if len(out) > MaxTagLen {
		return "", Errorf(EINVALID, "tag %q is longer than %d bytes", clipTag(out), MaxTagLen)
	}
	return out, nil
}

func clipTag(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// NormalizeTags normalises every tag and drops repeats (ignoring case),
// keeping the first spelling and the order.
func NormalizeTags(tags []string) ([]string, error) {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		n, err := NormalizeTag(t)
		if err != nil {
			return nil, err
		}
		dup := false
		for _, o := range out {
			if TagEqual(o, n) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, n)
		}
	}
	return out, nil
}

// TagEqual reports whether two normalised tag paths name the same tag.
func TagEqual(a, b string) bool { return strings.EqualFold(a, b) }

// TagUnder reports whether tag is prefix or a tag under it, ignoring case:
// actor/russia/mod is under actor/russia, actor/russian is not.
func TagUnder(tag, prefix string) bool {
	return len(tag) >= len(prefix) && strings.EqualFold(tag[:len(prefix)], prefix) &&
		(len(tag) == len(prefix) || tag[len(prefix)] == '/')
}

// TagParent returns the path above tag ("" for a top-level tag).
func TagParent(tag string) string {
	if i := strings.LastIndexByte(tag, '/'); i >= 0 {
		return tag[:i]
	}
	return ""
}

// Palette is the default colours of tags, in the order new tags take them:
// mid-tone hues that stay distinguishable from each other and readable as
// highlights and chips on light and dark backgrounds alike.
var Palette = []string{
	"#4E79A7", // blue
	"#F28E2B", // orange
	"#59A14F", // green
	"#E15759", // red
	"#B07AA1", // purple
	"#76B7B2", // teal
	"#EDC948", // yellow
	"#FF9DA7", // pink
	"#9C755F", // brown
	"#8CD17D", // light green
	"#499894", // dark teal
	"#D37295", // rose
}

// NormalizeColor returns c as "#RRGGBB" (upper case), accepting "#rgb",
// "#rrggbb" and the same without "#", or an invalid-input error.
func NormalizeColor(c string) (string, error) {
	s := strings.TrimPrefix(strings.TrimSpace(c), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return "", Errorf(EINVALID, "colour %q is not a hex colour like #4E79A7", c)
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return "", Errorf(EINVALID, "colour %q is not a hex colour like #4E79A7", c)
		}
	}
	return "#" + strings.ToUpper(s), nil
}

// Similarity is the least share of a passage's text that a fuzzy match must
// keep (1 - edits/length) for Reanchor to accept it.
const Similarity = 0.8

// fuzzyWindow is how far around its old place Reanchor looks for a fuzzy
// match, in runes, besides the passage's own length.
const fuzzyWindow = 4000

// Reanchor finds where passage p is in newBody, a changed text of its
// article: at its old position when the text there is still p.Text; else at
// an exact occurrence of p.Text, the one whose prefix and suffix agree best
// with p's and, among those, the nearest to the old position; else at the
// best approximate match of p.Text near the old position, when it keeps at
// least Similarity of the text (edit distance on runes). ok is false when
// none is found: the passage is an orphan.
func Reanchor(p Passage, newBody string) (start, end int, ok bool) {
	rs := []rune(newBody)
	text := []rune(p.Text)
	m := len(text)
	if m == 0 {
		return 0, 0, false
	}
	if p.Start >= 0 && p.Start+m <= len(rs) && slices.Equal(rs[p.Start:p.Start+m], text) {
		return p.Start, p.Start + m, true
	}
	pre, suf := []rune(p.Prefix), []rune(p.Suffix)
	best, bestScore, bestDist := -1, -1, 0
	for i := 0; i+m <= len(rs); i++ {
		if rs[i] != text[0] || !slices.Equal(rs[i:i+m], text) {
			continue
		}
		score := commonSuffix(rs[:i], pre) + commonPrefix(rs[i+m:], suf)
		dist := abs(i - p.Start)
		if score > bestScore || score == bestScore && dist < bestDist {
			best, bestScore, bestDist = i, score, dist
		}
	}
	if best >= 0 {
		return best, best + m, true
	}
	lo := max(0, p.Start-fuzzyWindow-m)
	hi := min(len(rs), p.End+fuzzyWindow+m)
	if lo >= hi {
		lo, hi = 0, len(rs)
	}
	win := rs[lo:hi]
	// Look for the text with its context, which pins down both ends when
	// the text's own ends changed; then measure the text alone.
	needle := text
	if m <= maxContextFuzzy {
		needle = make([]rune, 0, len(pre)+m+len(suf))
		needle = append(append(append(needle, pre...), text...), suf...)
	} else {
		pre = nil
	}
	s, e, _ := approxFind(win, needle, p.Start-lo-len(pre))
	if s < 0 {
		return 0, 0, false
	}
	if len(needle) != m {
		s, e = alignBounds(needle, win[s:e], len(pre), len(pre)+m, s)
	}
	if s >= e || float64(editDistance(text, win[s:e])) > (1-Similarity)*float64(m) {
		return 0, 0, false
	}
	return lo + s, lo + e, true
}

// maxContextFuzzy is the longest passage whose fuzzy search takes its
// context along (the alignment that follows costs the length squared).
const maxContextFuzzy = 1500

// alignBounds aligns needle with hay (both ends fixed) and returns where in
// hay (offset by base) needle's runes [from, to) went: hay runes inserted at
// either end go outside.
func alignBounds(needle, hay []rune, from, to, base int) (int, int) {
	n, h := len(needle), len(hay)
	w := h + 1
	d := make([]int32, (n+1)*w)
	for j := 0; j <= h; j++ {
		d[j] = int32(j)
	}
	for i := 1; i <= n; i++ {
		d[i*w] = int32(i)
		for j := 1; j <= h; j++ {
			c := d[(i-1)*w+j-1]
			if needle[i-1] != hay[j-1] {
				c++
			}
			c = min(c, d[(i-1)*w+j]+1, d[i*w+j-1]+1)
			d[i*w+j] = c
		}
	}
	start, end := -1, -1
	i, j := n, h
	for i > 0 || j > 0 {
		if i == to {
			end = j // going back, the least j of the row comes last
		}
		if i == from && start < 0 {
			start = j // going back, the largest j of the row comes first
		}
		switch {
		case i > 0 && j > 0 && d[i*w+j] == d[(i-1)*w+j-1]+boolInt(needle[i-1] != hay[j-1]):
			i, j = i-1, j-1
		case j > 0 && d[i*w+j] == d[i*w+j-1]+1:
			j--
		default:
			i--
		}
	}
	if start < 0 {
		start = 0
	}
	if end < 0 {
		end = 0
	}
	return base + start, base + end
}

func boolInt(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// approxFind returns the span of hay that is nearest to needle by edit
// distance (Sellers' algorithm: a match may start anywhere), the distance,
// and among equals the one that starts nearest near. start is -1 when hay is
// empty.
func approxFind(hay, needle []rune, near int) (start, end, dist int) {
	m := len(needle)
	if len(hay) == 0 {
		return -1, -1, m
	}
	// Column j of the table: cost[i] is the least edits to match
	// needle[:i] ending at hay[j-1]; from[i] is where that match starts.
	cost := make([]int, m+1)
	from := make([]int, m+1)
	prevCost := make([]int, m+1)
	prevFrom := make([]int, m+1)
	for i := range prevCost {
		prevCost[i], prevFrom[i] = i, 0
	}
	start, end, dist = -1, -1, m+1
	consider := func(j int) {
		c, s := prevCost[m], prevFrom[m]
		if c < dist || c == dist && abs(s-near) < abs(start-near) {
			start, end, dist = s, j, c
		}
	}
	consider(0)
	for j := 1; j <= len(hay); j++ {
		cost[0], from[0] = 0, j
		h := hay[j-1]
		for i := 1; i <= m; i++ {
			sub := prevCost[i-1]
			if needle[i-1] != h {
				sub++
			}
			c, f := sub, prevFrom[i-1]
			if d := prevCost[i] + 1; d < c { // hay rune skipped
				c, f = d, prevFrom[i]
			}
			if d := cost[i-1] + 1; d < c { // needle rune skipped
				c, f = d, from[i-1]
			}
			cost[i], from[i] = c, f
		}
		cost, prevCost = prevCost, cost
		from, prevFrom = prevFrom, from
		consider(j)
	}
	return start, end, dist
}

// commonSuffix counts the runes that a and b share at their ends.
func commonSuffix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

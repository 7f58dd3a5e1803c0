package search

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of a fuzzy query. sahilm's adjacency bonus triples with every
// adjacent rune, so a longer term would overflow its int score.
const (
	maxQueryRunes = 64
	maxTermRunes  = 32
	maxVariants   = 16
)

// filler is the surrogate byte of every folded letter or digit that is not
// in the query, and nonword that of every other rune that is neither in the
// query nor a separator. Both match nothing and are no separator and no
// letter to sahilm, which scores them alike; nonword tells the scoring that
// a word starts after it.
const (
	filler  = 0x01
	nonword = 0x02
)

// The scoring rule. sahilm scores a term by its greedy match, which may
// scatter the term's letters over the text when the text also holds the
// term in one piece ("psaki" matched as «p»re«s»s secret«a»ry jen psa«k»i).
// So a term's score is:
//
//   - when the folded text holds the term contiguously, the score sahilm
//     gives a match of exactly that occurrence (its first-rune, separator
//     and adjacency bonuses, its leading-character penalty and its penalty
//     of one per unmatched rune of the whole text), plus contigBonus, plus
//     wordStartBonus when the occurrence starts a word (at the start of the
//     text or after a rune that is no letter or digit). Of several
//     occurrences the best scoring counts, the first of equals;
//   - otherwise, sahilm's score of its own match less spanWeight for each
//     unmatched rune inside the span of the match, so that letters strewn
//     over a long text count for little. Scattered matches are kept, not
//     dropped: abbreviations such as "jpsk" for Jen Psaki span a few runes
//     more than they have.
//
// An item's score is the sum over the terms. A term's sahilm part, scattered
// or contiguous, lies within 20 per rune + 55 of the contiguous score plus
// the difference of the texts' lengths, so the bonuses order items first by
// the number of contiguous terms, then by the number of those at a word
// start, then by sahilm, as long as texts differ in length by less than
// about 9,000 runes (wordStartBonus) and 20,000 runes (contigBonus) per
// term.
const (
	contigBonus    = 1_000_000
	wordStartBonus = 10_000
	spanWeight     = 2
)

// latinEnd bounds the runes whose surrogate a query precomputes: Latin,
// Greek and Cyrillic.
const latinEnd = 0x500

// fterm is one whitespace-separated term of a fuzzy query.
type fterm struct {
	runes  []rune   // folded
	codes  string   // the term in surrogate bytes, as sahilm sees it
	bcodes []byte   // codes, for bytes.Index
	adj    int      // a contiguous match's adjacency and inner separator bonuses, plus its length
	scatUB int      // upper bound of a scattered match's score on a text of length 0
	ub     int      // upper bound of the term's score, any match, on a text of length 0
	hasSep bool     // a separator inside the term: scattered bounds fall back to scatUB
	bits   []uint64 // maskBit of each rune
}

// fquery is a compiled fuzzy query: its terms and the translation of item
// text to surrogate bytes. The translation maps each folded rune to one byte:
// separators to themselves, each distinct query rune to a byte of its own,
// every other rune to filler. sahilm's score depends only on which positions
// equal which query rune, where separators are and on positions, so it scores
// the surrogate exactly as it would score the folded text if it counted runes
// and not bytes, and it needs no UTF-8 decoding at all.
type fquery struct {
	terms  []fterm
	mask   uint64    // prefilter bits every candidate must have
	ub     int       // Σ terms' ub
	brk    [256]bool // surrogate bytes of runes that are no letter or digit: a word starts after them
	strewn uint64    // terms (bit i for term i) that no text to be searched holds in one piece
	ascii  [utf8.RuneSelf]byte
	fascii [utf8.RuneSelf]byte // folded ASCII rune → surrogate
	latin  []uint32            // rune 0x80..latinEnd → up to 3 surrogate bytes, count in the top byte
	ext    []rune              // non-ASCII folded query runes
	extB   []byte              // their surrogates
	ascii1 bool                // every query rune is ASCII: rawGate may work
	punct  bool                // some query rune is ASCII but no letter or digit
}

// sepByte tells the separators among surrogate bytes.
var sepByte = func() (t [256]bool) {
	for c := range t {
		t[c] = isSep(rune(c))
	}
	return t
}()

// codePool lists the bytes that can stand for a query rune: none is NUL (it
// ends a string for sahilm), a separator, an upper-case letter (camel-case
// bonus), filler or nonword. ASCII query runes stand for themselves.
var codePool = func() []byte {
	var p []byte
	for c := 0x03; c < 0x80; c++ {
		if c == ' ' || isSep(rune(c)) || (c >= 'A' && c <= 'Z') {
			continue
		}
		p = append(p, byte(c))
	}
	return p
}()

// parseTerms folds a fuzzy query and splits it into terms.
func parseTerms(query string) [][]rune {
	f := []rune(FoldString(query))
	if len(f) > maxQueryRunes {
		f = f[:maxQueryRunes]
	}
	var terms [][]rune
	for _, w := range strings.Fields(string(f)) {
		r := []rune(w)
		if len(r) > maxTermRunes {
			r = r[:maxTermRunes]
		}
		terms = append(terms, r)
	}
	return terms
}

// expand returns the variants of a query: each term replaced in turn by the
// alternatives alias gives for it (a multi-word alternative becomes several
// terms). The query itself is the first variant.
func expand(terms [][]rune, alias func(string) []string) [][][]rune {
	variants := [][][]rune{nil}
	for _, t := range terms {
		alts := [][][]rune{{t}}
		if alias != nil {
			for _, a := range alias(string(t)) {
				if at := parseTerms(a); len(at) > 0 {
					alts = append(alts, at)
				}
			}
		}
		var next [][][]rune
		for _, v := range variants {
			for i, a := range alts {
				if i > 0 && len(next) >= maxVariants {
					break
				}
				nv := append(append([][]rune(nil), v...), a...)
				next = append(next, nv)
			}
		}
		variants = next
	}
	seen := map[string]bool{}
	out := variants[:0]
	for _, v := range variants {
		k := termsKey(v)
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

func termsKey(terms [][]rune) string {
	var b strings.Builder
	for _, t := range terms {
		b.WriteString(string(t))
		b.WriteByte(0)
	}
	return b.String()
}

// compile builds the surrogate translation for terms.
func compile(terms [][]rune) *fquery {
	q := &fquery{}
	used := [256]bool{filler: true, nonword: true}
	for i := range q.fascii {
		switch {
		case isSep(rune(i)):
			q.fascii[i] = byte(i)
		case isWordASCII[i]:
			q.fascii[i] = filler
		default:
			q.fascii[i] = nonword
		}
	}
	// ASCII query runes stand for themselves; others take free pool bytes.
	for _, t := range terms {
		for _, r := range t {
			if r < utf8.RuneSelf {
				q.fascii[r] = byte(r)
				used[r] = true
			}
		}
	}
	next := 0
	for _, t := range terms {
		for _, r := range t {
			if r < utf8.RuneSelf || q.extCode(r) != filler {
				continue
			}
			for used[codePool[next]] {
				next++
			}
			q.ext = append(q.ext, r)
			q.extB = append(q.extB, codePool[next])
			used[codePool[next]] = true
		}
	}
	for c := range q.ascii {
		q.ascii[c] = q.fascii[asciiFold[c]]
	}
	q.brk[nonword] = true
	for c := range q.brk {
		q.brk[c] = q.brk[c] || isSep(rune(c))
	}
	for _, t := range terms {
		for _, r := range t {
			if !isWordRune(r) {
				q.brk[q.code(r)] = true
			}
		}
	}
	q.ascii1 = len(q.ext) == 0
	for _, t := range terms {
		for _, r := range t {
			q.punct = q.punct || r < utf8.RuneSelf && !isWordASCII[r]
		}
	}
	q.latin = make([]uint32, latinEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		f, n := foldRune(r) // never more than 3 in this range
		p := uint32(n) << 24
		for i := 0; i < n; i++ {
			p |= uint32(q.code(f[i])) << (8 * i)
		}
		q.latin[r-utf8.RuneSelf] = p
	}
	// The term with the highest bound goes first: once sahilm has scored
	// it, the bound of the rest often rules a text out.
	terms = slices.Clone(terms)
	slices.SortStableFunc(terms, func(a, b []rune) int { return termBound(b) - termBound(a) })
	for _, t := range terms {
		ft := fterm{runes: t, adj: contigAdj(t), scatUB: termUB(t)}
		ft.ub = max(ft.scatUB, satAdd(ft.adj, contigBonus+wordStartBonus+15))
		for _, r := range t[:len(t)-1] {
			ft.hasSep = ft.hasSep || isSep(r)
		}
		b := make([]byte, len(t))
		for i, r := range t {
			b[i] = q.code(r)
			ft.bits = append(ft.bits, maskBit(r))
			q.mask |= maskBit(r)
		}
		ft.codes, ft.bcodes = string(b), b
		q.ub = satAdd(q.ub, ft.ub)
		q.terms = append(q.terms, ft)
	}
	return q
}

// setStrewn records the terms (bit i for term i) that no text the search
// will read holds in one piece, as a session knows from an earlier query:
// their bounds need not count a contiguous occurrence.
func (q *fquery) setStrewn(m uint64) {
	q.strewn, q.ub = m, 0
	for i := range q.terms {
		t := &q.terms[i]
		if m&(1<<i) != 0 {
			t.ub = t.scatUB
		}
		q.ub = satAdd(q.ub, t.ub)
	}
}

func (q *fquery) extCode(r rune) byte {
	for i, e := range q.ext {
		if e == r {
			return q.extB[i]
		}
	}
	return filler
}

func (q *fquery) code(r rune) byte {
	if r < utf8.RuneSelf {
		return q.fascii[r]
	}
	if c := q.extCode(r); c != filler {
		return c
	}
	if isWordRune(r) {
		return filler
	}
	return nonword
}

// translate writes the surrogate of s, whose folded length is n runes, to
// dst[:n] and returns it.
func (q *fquery) translate(dst []byte, s string, n int) []byte {
	if cap(dst) < n {
		dst = make([]byte, n)
	}
	dst = dst[:n]
	j := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst[j] = q.ascii[c]
			j++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < latinEnd {
			p := q.latin[r-utf8.RuneSelf]
			k := int(p >> 24)
			for m := 0; m < k; m++ {
				dst[j] = byte(p >> (8 * m))
				j++
			}
			continue
		}
		f, k := foldRune(r)
		if k > len(f) {
			for _, fr := range foldRuneSlow(r) {
				dst[j] = q.code(fr)
				j++
			}
			continue
		}
		for _, fr := range f[:k] {
			dst[j] = q.code(fr)
			j++
		}
	}
	return dst[:j]
}

// gate reports whether every term is a subsequence of the surrogate sur: a
// text that fails cannot be matched by sahilm, which is a greedy
// subsequence matcher.
func (q *fquery) gate(sur []byte) bool {
	for i := range q.terms {
		s := sur
		codes := q.terms[i].codes
		for k := 0; k < len(codes); k++ {
			p := bytes.IndexByte(s, codes[k])
			if p < 0 {
				return false
			}
			s = s[p+1:]
		}
	}
	return true
}

// rawOK reports whether rawGate can stand for gate, and rawNoContig for
// contig, on a text with these masks: the query is ASCII, no non-ASCII rune
// of the text folds to an ASCII rune that the query may contain, and none
// folds to nothing.
func (q *fquery) rawOK(mask, starts uint64) bool {
	return q.ascii1 && mask&foldedASCII == 0 && (!q.punct || starts&foldedASCII == 0)
}

// rawGate is gate read from the text itself, where rawOK: a query letter
// is found as either case, and bytes of multi-byte runes never equal an
// ASCII query byte. It spares translating the many texts that fail.
func (q *fquery) rawGate(s string) bool {
	for i := range q.terms {
		rest := s
		codes := q.terms[i].codes
		for k := 0; k < len(codes); k++ {
			c := codes[k]
			p := strings.IndexByte(rest, c)
			if c >= 'a' && c <= 'z' {
				in := rest
				if p >= 0 {
					in = rest[:p]
				}
				if u := strings.IndexByte(in, c-'a'+'A'); u >= 0 {
					p = u
				}
			}
			if p < 0 {
				return false
			}
			rest = rest[p+1:]
		}
	}
	return true
}

// termBound bounds a term's score, contiguous or scattered, on a text of
// length 0 (subtract the length per term).
func termBound(t []rune) int {
	return max(termUB(t), satAdd(contigAdj(t), contigBonus+wordStartBonus+15))
}

// contigAdj returns what sahilm gives a contiguous match of t beyond its
// first rune, plus the match's length: each later rune earns the adjacency
// bonus, 5, 15, 45, ... (twice the running bonus plus 5), and 20 more when
// the rune before it in t is a separator.
func contigAdj(t []rune) int {
	s, run := len(t), 0
	for k := 1; k < len(t); k++ {
		b := satAdd(run, satAdd(run, 5))
		run = satAdd(run, b)
		if isSep(t[k-1]) {
			b += 20
		}
		s = satAdd(s, b)
	}
	return s
}

// firstScore returns what a contiguous occurrence at p of the surrogate
// sur earns for its first rune, as sahilm scores it (10 at the start of the
// text; else 20 after a separator and the leading-character penalty of 5 a
// rune, at most 15), plus wordStartBonus when a word starts there.
func (q *fquery) firstScore(sur []byte, p int) int {
	if p == 0 {
		return wordStartBonus + 10
	}
	f := max(-5*p, -15)
	prev := sur[p-1]
	if q.brk[prev] {
		f += wordStartBonus
	}
	if sepByte[prev] {
		f += 20
	}
	return f
}

// contig returns the score of the best contiguous occurrence of term t in
// the surrogate sur, and its position; pos is -1 when there is none. Every
// query rune has a byte of its own in the surrogate, so an occurrence is a
// plain substring.
func (q *fquery) contig(sur []byte, t *fterm) (score, pos int) {
	pos = -1
	best := 0
	for off := 0; off+len(t.bcodes) <= len(sur); {
		i := bytes.Index(sur[off:], t.bcodes)
		if i < 0 {
			break
		}
		p := off + i
		if f := q.firstScore(sur, p); pos < 0 || f > best {
			best, pos = f, p
		}
		// After position 2 no occurrence earns more than a word start
		// after a separator at the full leading penalty.
		if best >= wordStartBonus+15 || p >= 2 && best >= wordStartBonus+5 {
			break
		}
		off = p + 1
	}
	if pos < 0 {
		return 0, -1
	}
	return satAdd(t.adj, contigBonus+best) - len(sur), pos
}

// rawNoContig returns the terms (bit i for term i) that the text s does
// not hold in one piece, read from the raw text where rawOK: then every
// query rune in the folded text is an ASCII byte of s, and no rune folds to
// nothing, so query runes next to each other in the folding are next to
// each other in s.
func (q *fquery) rawNoContig(s string) (none uint64) {
	none = q.strewn
	for i := range q.terms {
		if none&(1<<i) == 0 && !rawHas(s, q.terms[i].codes) {
			none |= 1 << i
		}
	}
	return none
}

// rawHas reports whether s holds the lower-case ASCII term t in one piece,
// in either case.
func rawHas(s, t string) bool {
	c := t[0]
	for len(s) >= len(t) {
		p := strings.IndexByte(s, c)
		if c >= 'a' && c <= 'z' {
			in := s
			if p >= 0 {
				in = s[:p]
			}
			if u := strings.IndexByte(in, c-'a'+'A'); u >= 0 {
				p = u
			}
		}
		if p < 0 || len(s)-p < len(t) {
			return false
		}
		k := 1
		for ; k < len(t); k++ {
			b := s[p+k]
			if b >= utf8.RuneSelf || asciiFold[b] != t[k] {
				break
			}
		}
		if k == len(t) {
			return true
		}
		s = s[p+1:]
	}
	return false
}

// termUB bounds sahilm's score of a term of m runes on a text of length 0
// (subtract the length per term): the first rune earns at most 20 (10 at the
// start, 20 after a separator); each later rune at most max(20, its adjacency
// bonus), where the adjacency bonuses grow as 5, 15, 45, ... (each is twice
// the running bonus plus 5). A rune after a separator in the term may earn
// both. Unmatched runes cost 1 each: score = bonuses + m - len(text).
func termUB(t []rune) int {
	hasSep := false
	for _, r := range t[:len(t)-1] {
		if isSep(r) {
			hasSep = true
		}
	}
	ub, bonus := 20, 5
	for i := 1; i < len(t); i++ {
		if hasSep {
			ub = satAdd(ub, 20+bonus)
		} else {
			ub = satAdd(ub, max(20, bonus))
		}
		bonus = satAdd(bonus, satAdd(bonus, bonus))
	}
	return satAdd(ub, len(t))
}

// satMax is far above any score: sahilm's adjacency bonus of a 32-rune term
// is about 2^51.
const satMax = 1 << 60

func satAdd(a, b int) int {
	if a+b > satMax {
		return satMax
	}
	return a + b
}

// assess scores the terms of q that occur contiguously in the surrogate
// sur exactly and bounds the others (scattered: sahilm's score, less the
// span penalty, which is at least 0). It writes each term's exact score or
// bound to out, sets bit i of scat when term i is scattered, and returns the
// sum. A scattered rune earns the separator bonus only if it follows a
// separator somewhere in the text, and the first rune earns 10 at the start
// of the text or 0 otherwise.
func (q *fquery) assess(sur []byte, out []int) (total int, scat uint64) {
	var afterSep [4]uint64
	seps := false
	has := func(c byte) bool { return afterSep[c>>6]&(1<<(c&63)) != 0 }
	for i := range q.terms {
		t := &q.terms[i]
		if q.strewn&(1<<i) == 0 {
			if sc, pos := q.contig(sur, t); pos >= 0 {
				out[i] = sc
				total = satAdd(total, sc)
				continue
			}
		}
		scat |= 1 << i
		if t.hasSep {
			out[i] = t.scatUB - len(sur)
			total = satAdd(total, out[i])
			continue
		}
		if !seps {
			seps = true
			for j := 1; j < len(sur); j++ {
				if sepByte[sur[j-1]] {
					c := sur[j]
					afterSep[c>>6] |= 1 << (c & 63)
				}
			}
		}
		c := t.codes
		ub := 0
		switch {
		case has(c[0]):
			ub = 20
		case len(sur) > 0 && sur[0] == c[0]:
			ub = 10
		}
		bonus := 5
		for k := 1; k < len(c); k++ {
			if has(c[k]) {
				ub = satAdd(ub, max(20, bonus))
			} else {
				ub = satAdd(ub, bonus)
			}
			bonus = satAdd(bonus, satAdd(bonus, bonus))
		}
		out[i] = ub + len(c) - len(sur)
		total = satAdd(total, out[i])
	}
	return total, scat
}

// startsUB bounds the total score on a text of length 0 (subtract the
// length per term) from the mask of the rune classes that start a word in
// the text (foldStats: after a rune that is no letter or digit, which takes
// in the separators). A contiguous occurrence whose first rune's class
// starts no word earns no word-start bonus and at most -5 for its first
// rune; a scattered rune whose class starts no word earns no separator
// bonus, and the first rune of a term no first-rune bonus either. The terms
// in none (bit i for term i) and in q.strewn are known to occur only
// scattered.
func (q *fquery) startsUB(starts, none uint64) int {
	none |= q.strewn
	total := 0
	for i := range q.terms {
		t := &q.terms[i]
		cb := satAdd(t.adj, contigBonus-5)
		if t.bits[0]&starts != 0 || t.bits[0] == 0 {
			cb = satAdd(t.adj, contigBonus+wordStartBonus+15)
		}
		if none&(1<<i) != 0 {
			cb = math.MinInt
		}
		if t.hasSep {
			total = satAdd(total, max(cb, t.scatUB))
			continue
		}
		ub := 0
		if t.bits[0]&starts != 0 || t.bits[0] == 0 {
			ub = 20
		}
		bonus := 5
		for k := 1; k < len(t.bits); k++ {
			if t.bits[k]&starts != 0 || t.bits[k] == 0 {
				ub = satAdd(ub, max(20, bonus))
			} else {
				ub = satAdd(ub, bonus)
			}
			bonus = satAdd(bonus, satAdd(bonus, bonus))
		}
		total = satAdd(total, max(cb, ub+len(t.bits)))
	}
	return total
}

// covers reports whether every text that matches terms b also matches terms
// a: each term of a is a subsequence of some term of b.
func covers(a, b [][]rune) bool {
	for _, ta := range a {
		ok := false
		for _, tb := range b {
			if isSubseq(ta, tb) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func isSubseq(a, b []rune) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && a[i] == r {
			i++
		}
	}
	return i == len(a)
}

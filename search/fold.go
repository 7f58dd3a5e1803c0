package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s folded for matching, and for each rune of the folded text
// the offset of the rune of s it comes from (runeMap[i] is a rune offset into
// s). Folding lowercases; removes diacritics (é→e, ё→е, but й and ў stay
// letters of their own); expands ligatures and letters such as ß→ss, æ→ae;
// maps typographic quotes to ' and ", dashes to -, … to ...; and turns every
// space or control character into a plain space. A rune may fold to none,
// one or several runes, which is why the map is needed to report offsets in
// the original text.
func Fold(s string) (folded string, runeMap []int) {
	var b strings.Builder
	b.Grow(len(s))
	runeMap = make([]int, 0, len(s))
	ri := 0
	for _, r := range s {
		f, n := foldRune(r)
		fs := f[:min(n, len(f))]
		if n > len(f) { // longer than the table holds: rare
			fs = foldRuneSlow(r)
		}
		for _, fr := range fs {
			b.WriteRune(fr)
			runeMap = append(runeMap, ri)
		}
		ri++
	}
	return b.String(), runeMap
}

// FoldString is Fold without the rune map.
func FoldString(s string) string {
	f, _ := Fold(s)
	return f
}

// foldTabSize covers Latin, Greek, Cyrillic and the general punctuation
// block, where nearly every rune of a news corpus lies.
const foldTabSize = 0x3000

type foldEntry struct {
	n uint8 // number of runes in r; n == 4 means "ask foldRuneSlow"
	r [3]rune
}

var (
	foldOnce sync.Once
	foldTab  []foldEntry
)

func initFoldTab() {
	foldTab = make([]foldEntry, foldTabSize)
	for r := rune(0); r < foldTabSize; r++ {
		f := foldRuneSlow(r)
		e := foldEntry{n: uint8(len(f))}
		if len(f) > len(e.r) {
			e.n = 4
		} else {
			copy(e.r[:], f)
		}
		foldTab[r] = e
	}
}

// foldRune returns the folding of r in f[:n]. When n > len(f) the caller
// must use foldRuneSlow(r) instead.
func foldRune(r rune) (f [3]rune, n int) {
	if r < utf8.RuneSelf {
		return [3]rune{rune(asciiFold[r])}, 1
	}
	foldOnce.Do(initFoldTab)
	if r < foldTabSize {
		e := &foldTab[r]
		return e.r, int(e.n)
	}
	s := foldRuneSlow(r)
	if len(s) > len(f) {
		return f, 4
	}
	copy(f[:], s)
	return f, len(s)
}

// asciiFold folds ASCII: upper to lower case, control characters to space.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for i := range t {
		c := byte(i)
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c < ' ' || c == 0x7f:
			c = ' '
		}
		t[i] = c
	}
	return t
}()

// special holds foldings that Unicode decomposition does not give.
var special = map[rune]string{
	'й': "й", 'Й': "й", 'ў': "ў", 'Ў': "ў", // letters of their own in Russian, Ukrainian, Belarusian
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
	'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ł': "l", 'Ł': "l",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ς': "σ",
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", 'ʼ': "'", '‹': "'", '›': "'",
	'“': `"`, '”': `"`, '„': `"`, '‟': `"`, '″': `"`, '«': `"`, '»': `"`,
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-", '⁃': "-",
	'…': "...",
}

// foldRuneSlow folds one rune from first principles; foldRune caches it.
func foldRuneSlow(r rune) []rune {
	if r < utf8.RuneSelf {
		return []rune{rune(asciiFold[r])}
	}
	if s, ok := special[r]; ok {
		return []rune(s)
	}
	if unicode.IsSpace(r) || unicode.IsControl(r) {
		return []rune{' '}
	}
	var out []rune
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		if s, ok := special[d]; ok {
			out = append(out, []rune(s)...)
			continue
		}
		if d < utf8.RuneSelf {
			out = append(out, rune(asciiFold[d]))
			continue
		}
		if unicode.IsSpace(d) {
			out = append(out, ' ')
			continue
		}
		out = append(out, unicode.ToLower(d))
	}
	return out
}

// isSep reports whether sahilm/fuzzy treats the folded rune r as a word
// separator; such runes keep their identity in the scoring surrogate.
func isSep(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// maskBit returns the prefilter bit of a folded rune: one bit per Latin
// letter and per Russian letter, four for the digits, one for all the rest.
// Separators have none: almost every text has them. Bit 30 is no rune's
// (see foldedASCII).
func maskBit(r rune) uint64 {
	switch {
	case r >= 'a' && r <= 'z':
		return 1 << (r - 'a')
	case r >= '0' && r <= '9':
		return 1 << (26 + (r-'0')/3)
	case r >= 'а' && r <= 'я':
		return 1 << (31 + (r - 'а'))
	case isSep(r):
		return 0
	}
	return 1 << 63
}

// foldedASCII is a bit no rune has. In a text's mask it says that some
// non-ASCII rune of the text folds to an ASCII letter or digit (é, ß, ﬁ) or
// to nothing (a combining mark); in its starts mask, that some non-ASCII
// rune folds to other ASCII (’ “ — …). Without them, an ASCII query can be
// looked for in the raw bytes, as a subsequence or in one piece.
const foldedASCII = 1 << 30

// foldStats returns the prefilter mask of s, the mask of the runes that
// start a word (the first rune, and any rune after one that is no letter or
// digit, separators included) and the folded length in runes, without
// building the folded text.
func foldStats(s string) (mask, starts uint64, n int) {
	prevNonWord := true
	add := func(r rune) {
		b := maskBit(r)
		mask |= b
		if prevNonWord {
			starts |= b
		}
		prevNonWord = !isWordRune(r)
		n++
	}
	var alnum, other bool // a non-ASCII rune folds to ASCII
	addFolded := func(fs []rune) {
		if len(fs) == 0 {
			alnum = true
		}
		for _, fr := range fs {
			if fr < utf8.RuneSelf {
				if isWordASCII[fr] {
					alnum = true
				} else {
					other = true
				}
			}
			add(fr)
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			add(rune(asciiFold[c]))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		f, k := foldRune(r)
		if k > len(f) {
			addFolded(foldRuneSlow(r))
		} else {
			addFolded(f[:k])
		}
	}
	if alnum {
		mask |= foldedASCII
	}
	if other {
		starts |= foldedASCII
	}
	return mask, starts, n
}

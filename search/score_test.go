package search

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/sahilm/fuzzy"
)

// The oracle scores an item from the rule's definition (see contigBonus),
// with sahilm itself and none of the engine's code but Fold: its own
// one-byte-per-rune encoding of the folded text, every contiguous occurrence
// of a term scored by running sahilm on the text with the term's runes
// outside that occurrence masked (so that the occurrence is the only match
// sahilm can make), and no prefilter, gate, bound or shortcut.

const oracleSeps = "/-_ .\\"

// oracleTerm returns the score of term on the folded text and the matched
// positions (indexes of folded runes); ok is false when it does not match.
func oracleTerm(t testing.TB, folded, term []rune) (score int, pos []int, ok bool) {
	t.Helper()
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	code := map[rune]byte{}
	for _, r := range term {
		if _, ok := code[r]; !ok {
			if strings.ContainsRune(oracleSeps, r) {
				code[r] = byte(r)
			} else {
				code[r] = letters[len(code)]
			}
		}
	}
	enc := func(r rune) byte {
		if c, ok := code[r]; ok {
			return c
		}
		if strings.ContainsRune(oracleSeps, r) {
			return byte(r)
		}
		return '#'
	}
	base := make([]byte, len(folded))
	for i, r := range folded {
		base[i] = enc(r)
	}
	pat := make([]byte, len(term))
	for i, r := range term {
		pat[i] = enc(r)
	}
	m := len(term)
	bestP, best := -1, 0
	for p := 0; p+m <= len(folded); p++ {
		if !slices.Equal(folded[p:p+m], term) {
			continue
		}
		masked := slices.Clone(base)
		for i, r := range folded {
			if _, in := code[r]; in && (i < p || i >= p+m) {
				masked[i] = '#'
				if strings.ContainsRune(oracleSeps, r) {
					masked[i] = ' ' // a separator all the same, and in no term
				}
			}
		}
		ms := fuzzy.Find(string(pat), []string{string(masked)})
		window := make([]int, m)
		for i := range window {
			window[i] = p + i
		}
		if len(ms) != 1 || !slices.Equal(ms[0].MatchedIndexes, window) {
			t.Fatalf("oracle: sahilm on the masked %q found %v, not the occurrence at %d", masked, ms, p)
		}
		s := ms[0].Score + contigBonus
		if p == 0 || !unicode.IsLetter(folded[p-1]) && !unicode.IsDigit(folded[p-1]) {
			s += wordStartBonus
		}
		if bestP < 0 || s > best {
			bestP, best = p, s
		}
	}
	if bestP >= 0 {
		for i := range m {
			pos = append(pos, bestP+i)
		}
		return best, pos, true
	}
	ms := fuzzy.Find(string(pat), []string{string(base)})
	if len(ms) == 0 {
		return 0, nil, false
	}
	mi := ms[0].MatchedIndexes
	return ms[0].Score - spanWeight*(mi[len(mi)-1]-mi[0]+1-len(mi)), mi, true
}

// oracleItem is an item with its folding, made once for many queries.
type oracleItem struct {
	Item
	folded  []rune
	runeMap []int
}

func oracleItems(items []Item) []oracleItem {
	out := make([]oracleItem, len(items))
	for i, it := range items {
		f, m := Fold(it.Text)
		out[i] = oracleItem{it, []rune(f), m}
	}
	return out
}

// oracleSearch ranks items for query: every term must match; the score is
// the sum of the terms'; ties go to the shorter folded text, then kind and
// ID. At most k results (all when k < 0).
func oracleSearch(t testing.TB, items []oracleItem, query string, k int) []Result {
	t.Helper()
	terms := parseTerms(query)
	if len(terms) == 0 {
		return nil
	}
	type scored struct {
		r    Result
		flen int
	}
	var all []scored
items:
	for _, it := range items {
		r := Result{Kind: it.Kind, ID: it.ID, Text: it.Text}
		for _, term := range terms {
			s, pos, ok := oracleTerm(t, it.folded, term)
			if !ok {
				continue items
			}
			r.Score += s
			for _, p := range pos {
				r.Matches = append(r.Matches, it.runeMap[p])
			}
		}
		slices.Sort(r.Matches)
		r.Matches = slices.Compact(r.Matches)
		all = append(all, scored{r, len(it.folded)})
	}
	slices.SortFunc(all, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.r.Score, a.r.Score), cmp.Compare(a.flen, b.flen),
			cmp.Compare(a.r.Kind, b.r.Kind), cmp.Compare(a.r.ID, b.r.ID))
	})
	if k >= 0 && len(all) > k {
		all = all[:k]
	}
	out := make([]Result, len(all))
	for i := range all {
		out[i] = all[i].r
	}
	return out
}

// TestScoreRule checks single texts of news words against the oracle, and
// that a term with no contiguous occurrence scores sahilm's own match less
// the span penalty.
func TestScoreRule(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"putin", "troops", "border", "zelensky", "nato", "kyiv", "belarus", "drills", "a", "the", "of",
		"-", "/", ".", "(psaki)", "“war”", "it's", "jen", "press", "secretary"}
	for n := 0; n < 2000; n++ {
		var ws []string
		for range 1 + rng.IntN(8) {
			ws = append(ws, words[rng.IntN(len(words))])
		}
		text := strings.Join(ws, " ")
		r := []rune(FoldString(text))
		i := rng.IntN(len(r))
		q := string(r[i:min(len(r), i+1+rng.IntN(6))])
		if rng.IntN(3) == 0 { // scattered: drop a rune
			rq := []rune(q)
			if len(rq) > 2 {
				j := 1 + rng.IntN(len(rq)-2)
				q = string(rq[:j]) + string(rq[j+1:])
			}
		}
		if strings.TrimSpace(q) == "" {
			continue
		}
		x := NewIndex()
		item := Item{Note, 1, text}
		mustAdd(t, x, item)
		got := search(t, x, q, Options{})
		want := oracleSearch(t, oracleItems([]Item{item}), q, -1)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q in %q: got %v, oracle %v", q, text, got, want)
		}
		// Plain lower-case ASCII, one term, no contiguous occurrence:
		// sahilm's own score and positions, less the span penalty.
		terms := parseTerms(q)
		if len(terms) == 1 && len(got) == 1 && !strings.Contains(FoldString(text), string(terms[0])) && text == strings.ToLower(text) && isASCII(text) {
			m := fuzzy.Find(string(terms[0]), []string{text})
			mi := m[0].MatchedIndexes
			if s := m[0].Score - spanWeight*(mi[len(mi)-1]-mi[0]+1-len(mi)); got[0].Score != s || !slices.Equal(got[0].Matches, mi) {
				t.Fatalf("%q in %q: got %d %v, sahilm %d %v", q, text, got[0].Score, got[0].Matches, m[0].Score, mi)
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestAgainstBruteForce checks every search, in full and limited to k,
// against the oracle run on every item: the same results in the same order
// with the same scores and matches.
func TestAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	alpha := []rune("abcdeéEfzZ  -.’“Ззел\x02ßs'(")
	items := make([]Item, 3000)
	frags := []string{"zea", "Zeal", "sea", "’s", "зел", "Зелен", "dez", "-ab", "a.b", "éa", "ss", "Straße", "«Зе»", "(ab)", "  "}
	for i := range items {
		var r []rune
		switch a := alpha; i % 4 {
		case 3: // words and fragments, so that terms occur in one piece
			for range 1 + rng.IntN(6) {
				r = append(r, []rune(frags[rng.IntN(len(frags))])...)
				if rng.IntN(2) == 0 {
					r = append(r, alpha[rng.IntN(len(alpha))])
				}
			}
		default:
			switch i % 4 { // texts where the raw-byte gate applies
			case 1:
				a = []rune("abcdeEfzZ  -.’“Ззел\x02s'")
			case 2:
				a = []rune("abcdeEfzZ  -.Ззел\x02s'")
			}
			r = make([]rune, 1+rng.IntN(30))
			for j := range r {
				r[j] = a[rng.IntN(len(a))]
			}
		}
		items[i] = Item{Kinds[rng.IntN(len(Kinds))], uint64(i + 1), string(r)}
	}
	x := NewIndex()
	mustAdd(t, x, items...)
	oitems := oracleItems(items)
	qalpha := []rune("abcdezZЗе-'s.(")
	for n := 0; n < 300; n++ {
		var query string
		if n%2 == 0 {
			r := make([]rune, 1+rng.IntN(5))
			for j := range r {
				r[j] = qalpha[rng.IntN(len(qalpha))]
			}
			query = string(r)
		} else {
			f := []rune(frags[rng.IntN(len(frags))])
			lo := rng.IntN(len(f))
			query = string(f[lo : lo+1+rng.IntN(len(f)-lo)])
		}
		if rng.IntN(3) == 0 {
			query += " " + string(qalpha[rng.IntN(len(qalpha))])
		}
		all := oracleSearch(t, oitems, query, -1)
		for _, k := range []int{-1, 1, 10} {
			got := search(t, x, query, Options{Limit: k})
			want := all
			if k >= 0 && len(want) > k {
				want = want[:k]
			}
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("%q k=%d: result %d is %+v, oracle %+v", query, k, i, got[i], want[i])
					}
				}
				t.Fatalf("%q k=%d: %d results, oracle %d", query, k, len(got), len(want))
			}
		}
	}
}

// matchedText returns the runes of r.Text at r.Matches.
func matchedText(r Result) string {
	rs := []rune(r.Text)
	var b strings.Builder
	for _, m := range r.Matches {
		b.WriteRune(rs[m])
	}
	return b.String()
}

// rankOf returns the position of the item with this kind and ID in rs, or -1.
func rankOf(rs []Result, k Kind, id uint64) int {
	return slices.IndexFunc(rs, func(r Result) bool { return r.Kind == k && r.ID == id })
}

// TestRankContiguous: texts that hold the typed fragment in one piece rank
// above texts where its letters are strewn, and the matches are that piece.
func TestRankContiguous(t *testing.T) {
	x := NewIndex()
	mustAdd(t, x,
		// The seed notebook's case: sahilm alone ranks these first.
		Item{Quote, 1, "reports of the worrying Russian military activity in and near Ukraine"},
		Item{Quote, 2, "Press spokesman asked Kyiv to wait"},
		Item{Note, 3, "ps: ask if"},
		Item{Speaker, 4, "Jen Psaki"},
		Item{Article, 5, "White House Press Secretary Jen Psaki during a briefing on Ukraine"},
		Item{Quote, 6, "“We are not going to lay out our cards,” Psaki said on Friday, as the administration weighed sanctions"},
		Item{Note, 7, "check «Psaki» remarks"},
		Item{Article, 8, "Russian troops massed near the Ukrainian border, Reuters reports"},
		Item{Note, 9, "Trio of popstars"},
		Item{Quote, 10, "the troop’s supplies"},
		Item{Tag, 11, "troop carriers"},
		Item{Speaker, 12, "Volodymyr Zelenskyy"},
		Item{Article, 13, "Zelenskyy’s warning to the West"},
		Item{Note, 14, "Ms Bazelenko met"},
		Item{Note, 15, "zero levels near"},
		Item{Quote, 16, "«Зеленський заявив про війська», — сказав він"},
		Item{Note, 17, "Базеленко"},
		Item{Note, 18, "зеркало лета нет"},
		Item{Quote, 19, "Jen Psaki said the buildup was on an unprecedented scale and the US was ready"},
		Item{Note, 20, "Jupiter's pale sky"},
	)
	tests := []struct {
		q     string
		first []uint64 // in this order, before any other result
		match string   // the matched runes of every one of first
		then  []uint64 // ranked after all of first, in this order
	}{
		{"psaki", []uint64{4, 7, 5, 19, 6}, "Psaki", []uint64{3, 2, 1}},
		{"troops", []uint64{8}, "troops", []uint64{10, 11, 9}},
		{"troop", []uint64{11, 10, 8}, "troop", []uint64{9}},
		{"zelen", []uint64{12, 13, 14}, "Zelen", []uint64{15}},
		{"зелен", []uint64{16, 17}, "Зелен", []uint64{18}},
		{"jpsk", []uint64{4}, "JPsk", []uint64{5, 19}},
		{"jen psaki", []uint64{4, 5, 19}, "JenPsaki", nil},
	}
	for _, tt := range tests {
		rs := search(t, x, tt.q, Options{})
		for i, id := range tt.first {
			if i >= len(rs) || rs[i].ID != id {
				t.Errorf("%q: result %d is %v, want item %d; all: %v", tt.q, i, rs[min(i, len(rs)-1)], id, rs)
				break
			}
			if got := matchedText(rs[i]); !strings.EqualFold(got, tt.match) && !(id == 14 || id == 17) {
				t.Errorf("%q on %q: matched %q, want %q", tt.q, rs[i].Text, got, tt.match)
			}
		}
		prev := len(tt.first) - 1
		for _, id := range tt.then {
			r := slices.IndexFunc(rs, func(r Result) bool { return r.ID == id })
			if r <= prev {
				t.Errorf("%q: item %d at %d, want it after %d; all: %v", tt.q, id, r, prev, rs)
			}
			prev = r
		}
	}
	// The title matches "Psaki", not the greedy «P»ress «S»ecret«a»ry Jen Psa«k»i.
	rs := search(t, x, "psaki", Options{})
	if r := rs[rankOf(rs, Article, 5)]; !slices.Equal(r.Matches, []int{32, 33, 34, 35, 36}) {
		t.Errorf("title matches %v", r.Matches)
	}
	// A word start beats a shorter text with the fragment inside a word.
	x2 := NewIndex()
	mustAdd(t, x2, Item{Note, 1, "computer"}, Item{Quote, 2, "Vladimir Putin said on Tuesday that Russia has no plans"})
	if rs := search(t, x2, "put", Options{}); len(rs) != 2 || rs[0].ID != 2 || matchedText(rs[0]) != "Put" {
		t.Errorf("put: %v", rs)
	}
}

// TestCyrillicFairRule checks that Latin texts and their letter-for-letter
// Cyrillic twins score the same and match the same positions, whether a
// term occurs in one piece at a word start, inside a word, or strewn.
func TestCyrillicFairRule(t *testing.T) {
	lat := []rune("abcdefghijklmnopqrstuvwxyz")
	cyr := []rune("абцдефгхижклмнопщрстуэвшыз")
	twin := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if i := slices.Index(lat, unicode.ToLower(r)); i >= 0 {
				c := cyr[i]
				if unicode.IsUpper(r) {
					c = unicode.ToUpper(c)
				}
				r = c
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	texts := []string{
		"Troops near the border", "the troop’s supplies", "Trio of popstars", "«Putin» said more",
		"computer input", "Zelensky speaks to the Rada", "zero levels near", "Jen Psaki", "reports of activity in Ukraine",
	}
	queries := []string{"troops", "troop", "put", "zel rada", "zelen", "psaki", "jpsk", "rop"}
	for _, q := range queries {
		x, y := NewIndex(), NewIndex()
		for i, s := range texts {
			mustAdd(t, x, Item{Note, uint64(i + 1), s})
			mustAdd(t, y, Item{Note, uint64(i + 1), twin(s)})
		}
		rl := search(t, x, q, Options{Limit: -1})
		rc := search(t, y, twin(q), Options{Limit: -1})
		if len(rl) != len(rc) {
			t.Fatalf("%q: %d Latin results, %d Cyrillic", q, len(rl), len(rc))
		}
		for i := range rl {
			if rl[i].ID != rc[i].ID || rl[i].Score != rc[i].Score || !slices.Equal(rl[i].Matches, rc[i].Matches) {
				t.Errorf("%q: %+v, Cyrillic %+v", q, rl[i], rc[i])
			}
		}
	}
}

// TestRawHas checks the raw-text test of contiguity against the folded
// text wherever the scan relies on it.
func TestRawHas(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	alpha := []rune("abzABZ -.'\tзЗ\u0301é’")
	checked := 0
	for n := 0; n < 20000; n++ {
		r := make([]rune, rng.IntN(12))
		for j := range r {
			r[j] = alpha[rng.IntN(len(alpha))]
		}
		text := string(r)
		term := []rune("abz-.'")
		lo := rng.IntN(len(term))
		q := compile([][]rune{slices.Clone(term[lo : lo+1+rng.IntN(min(3, len(term)-lo))])})
		mask, starts, _ := foldStats(text)
		if !q.rawOK(mask, starts) {
			continue
		}
		checked++
		want := strings.Contains(FoldString(text), string(q.terms[0].runes))
		if got := rawHas(text, q.terms[0].codes); got != want {
			t.Fatalf("rawHas(%q, %q) = %v, folded %q", text, q.terms[0].codes, got, FoldString(text))
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d texts checked", checked)
	}
	if mask, _, _ := foldStats("ab\u0301z"); mask&foldedASCII == 0 {
		t.Error("a combining mark must rule out the raw test")
	}
}

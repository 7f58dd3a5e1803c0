package store

import (
	"math/bits"
	"slices"
	"strings"

	"dossier"
)

// wordIndex maps the folded words of a text (dossier.EachWord) to the
// sorted numbers of the records that hold them: passages by their doc
// number, articles by ID. A query's text terms look up the records that can
// match there (dossier.Query.RequiredText) instead of reading every text;
// Match then decides on those.
type wordIndex struct {
	post   map[string]*posting
	terms  []string // the keys of post, sorted, for the words a prefix starts
	sorted bool     // terms is sorted; false while a load appends
	maxID  uint32   // the largest number ever added
}

type posting struct{ ids []uint32 }

func newWordIndex() wordIndex {
	return wordIndex{post: map[string]*posting{}, sorted: true}
}

// add puts id in the list of w.
func (x *wordIndex) add(w []byte, id uint32) {
	x.maxID = max(x.maxID, id)
	p := x.post[string(w)]
	if p == nil {
		p = &posting{}
		k := string(w)
		x.post[k] = p
		if x.sorted {
			i, _ := slices.BinarySearch(x.terms, k)
			x.terms = slices.Insert(x.terms, i, k)
		} else {
			x.terms = append(x.terms, k)
		}
	}
	if n := len(p.ids); n == 0 || p.ids[n-1] < id {
		p.ids = append(p.ids, id)
		return
	}
	if i, found := slices.BinarySearch(p.ids, id); !found {
		p.ids = slices.Insert(p.ids, i, id)
	}
}

// remove takes id out of the list of w. A word without records stays a
// term: it costs a lookup, and comes back often.
func (x *wordIndex) remove(w []byte, id uint32) {
	p := x.post[string(w)]
	if p == nil {
		return
	}
	if i, found := slices.BinarySearch(p.ids, id); found {
		p.ids = slices.Delete(p.ids, i, i+1)
	}
}

// finishLoad sorts the terms that a load appended, and gives back the room
// that appending left at the end of the lists.
func (x *wordIndex) finishLoad() {
	if !x.sorted {
		slices.Sort(x.terms)
		x.sorted = true
	}
	for _, p := range x.post {
		if cap(p.ids)-len(p.ids) > 8 {
			p.ids = slices.Clone(p.ids)
		}
	}
}

// each calls fn with the list of every word that need names: the word, or
// every word it starts.
func (x *wordIndex) each(need dossier.WordNeed, fn func(ids []uint32)) {
	if !need.Prefix {
		if p := x.post[need.Word]; p != nil {
			fn(p.ids)
		}
		return
	}
	i, _ := slices.BinarySearch(x.terms, need.Word)
	for ; i < len(x.terms) && strings.HasPrefix(x.terms[i], need.Word); i++ {
		fn(x.post[x.terms[i]].ids)
	}
}

// docsWith returns the records that hold every word of words, as a bit
// set; within, when not nil, is what the caller asks about: records outside
// it may be left out. It starts from the rarest word and, when a word's
// lists are long next to what is left, looks each record left up in them
// rather than reading them.
func (x *wordIndex) docsWith(words []dossier.WordNeed, within bitset) bitset {
	type word struct {
		lists [][]uint32
		size  int
	}
	ws := make([]word, len(words))
	for i, w := range words {
		x.each(w, func(ids []uint32) {
			ws[i].lists = append(ws[i].lists, ids)
			ws[i].size += len(ids)
		})
	}
	slices.SortFunc(ws, func(a, b word) int { return a.size - b.size })
	out := newBitset(int(x.maxID) + 1)
	if len(ws) == 0 {
		return out
	}
	for _, l := range ws[0].lists {
		for _, id := range l {
			out.set(id)
		}
	}
	if within != nil {
		out.and(within)
	}
	left := out.count()
	for _, w := range ws[1:] {
		if left == 0 {
			break
		}
		if len(w.lists) <= 4 && left*16 < w.size {
			out.each(func(id uint32) {
				for _, l := range w.lists {
					if _, found := slices.BinarySearch(l, id); found {
						return
					}
				}
				out.clear(id)
			})
		} else {
			b := newBitset(len(out) * 64)
			for _, l := range w.lists {
				for _, id := range l {
					b.set(id)
				}
			}
			out.and(b)
		}
		left = out.count()
	}
	return out
}

// bitset is a set of small numbers.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) set(i uint32) {
	if int(i/64) < len(b) {
		b[i/64] |= 1 << (i % 64)
	}
}

func (b bitset) has(i uint32) bool { return int(i/64) < len(b) && b[i/64]&(1<<(i%64)) != 0 }

func (b bitset) and(o bitset) {
	for i := range b {
		if i < len(o) {
			b[i] &= o[i]
		} else {
			b[i] = 0
		}
	}
}

func (b bitset) or(o bitset) {
	for i := range b {
		if i < len(o) {
			b[i] |= o[i]
		}
	}
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// each calls fn with every member, in ascending order.
func (b bitset) each(fn func(i uint32)) {
	for wi, w := range b {
		for w != 0 {
			t := bits.TrailingZeros64(w)
			fn(uint32(wi*64 + t))
			w &= w - 1
		}
	}
}

func (b bitset) clear(i uint32) {
	if int(i/64) < len(b) {
		b[i/64] &^= 1 << (i % 64)
	}
}

// grow returns b with room for n bits.
func (b bitset) grow(n int) bitset {
	if w := (n + 63) / 64; w > len(b) {
		b = append(b, make(bitset, w-len(b))...)
	}
	return b
}

func (b bitset) clone() bitset { return slices.Clone(b) }

// andNot takes the members of o out of b.
func (b bitset) andNot(o bitset) {
	for i := range min(len(b), len(o)) {
		b[i] &^= o[i]
	}
}

func (b bitset) empty() bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}

// list returns the members in ascending order.
func (b bitset) list() []uint32 {
	out := make([]uint32, 0, b.count())
	b.each(func(i uint32) { out = append(out, i) })
	return out
}

package search

import (
	"context"
	"math/bits"
	"runtime"
	"slices"
	"sync"

	"dossier"
)

// Item is one short text the fuzzy index searches: an article's title, a
// quotation, a speaker's name, a passage, a note, a tag or an outlet.
type Item struct {
	Kind Kind
	ID   uint64 // unique within its kind, below 1<<56
	Text string
}

// Result is one fuzzy match. Matches are the rune offsets into Text of the
// matched characters, ascending, for highlighting. The JSON form is what
// `dossier search --json` prints.
type Result struct {
	Kind    Kind   `json:"kind"`
	ID      uint64 `json:"id"`
	Text    string `json:"text"`
	Score   int    `json:"score"`
	Matches []int  `json:"matches"`
}

// Options restrict and size a fuzzy search.
type Options struct {
	Kinds []Kind // only these kinds; all when empty
	Limit int    // at most this many results; DefaultLimit when 0, all when negative

	// Filter, when set, keeps only the items for which it returns true,
	// such as those a query of the query language selects. It is called
	// from several goroutines at once.
	Filter func(Kind, uint64) bool

	// Alias returns other names for a folded query word ("zelensky" →
	// "zelenskyy", "зеленский"); a name of several words becomes several
	// terms. The query and each variant are searched, and an item scores
	// its best variant.
	Alias func(word string) []string
}

// DefaultLimit is the number of results when Options.Limit is 0.
const DefaultLimit = 50

const maxID = 1<<56 - 1

// Index is the fuzzy index. It is safe for concurrent use: searches run in
// parallel with each other and wait for Add and Remove.
//
// Items live in slots. Each slot sits in the bucket of its folded length, so
// that a search can visit short texts first: sahilm subtracts the text's
// length from the score, so once k results are found, a bucket whose shortest
// text cannot beat the k-th is never read.
type Index struct {
	mu      sync.RWMutex
	gen     uint64    // bumped by every change; sessions drop older state
	slot    slotTable // key(kind, id) → slot
	kinds   []Kind    // per slot; 0 when free
	ids     []uint64
	texts   []string
	flens   []uint32 // folded length in runes
	pos     []uint32 // position in its bucket
	free    []uint32
	buckets []bucket
	workers int
}

// bucket holds the slots of one folded-length class and their prefilter
// masks, side by side so that a scan reads masks sequentially.
type bucket struct {
	slots  []uint32
	masks  []uint64 // the rune classes of the text
	starts []uint64 // the rune classes that start a word
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{workers: runtime.GOMAXPROCS(0)}
}

func key(k Kind, id uint64) uint64 { return uint64(k)<<56 | id }

// keyOf returns the key of the item in slot s.
func (x *Index) keyOf(s uint32) uint64 { return key(x.kinds[s], x.ids[s]) }

// bucketOf returns the bucket of a folded length: one per length below 512,
// then one per power of two.
func bucketOf(n int) int {
	if n < 512 {
		return n
	}
	return 512 + bits.Len(uint(n)) - 10
}

// minLen returns the shortest folded length in bucket b.
func minLen(b int) int {
	if b < 512 {
		return b
	}
	return 1 << (b - 512 + 9)
}

// Len returns the number of items in the index.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.slot.n
}

// Add adds items to the index, replacing any item of the same kind and ID.
// It returns an invalid error, and adds nothing, when an item has an unknown
// kind or an ID of 1<<56 or more.
func (x *Index) Add(items ...Item) error {
	for _, it := range items {
		if !it.Kind.valid() {
			return dossier.Errorf(dossier.EINVALID, "search: item %d has an unknown kind %d", it.ID, it.Kind)
		}
		if it.ID > maxID {
			return dossier.Errorf(dossier.EINVALID, "search: item ID %d is too large", it.ID)
		}
	}
	masks := make([]uint64, len(items))
	starts := make([]uint64, len(items))
	lens := make([]int, len(items))
	parallel(len(items), 4096, x.workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			masks[i], starts[i], lens[i] = foldStats(items[i].Text)
		}
	})
	x.mu.Lock()
	defer x.mu.Unlock()
	x.reserve(lens)
	for i, it := range items {
		k := key(it.Kind, it.ID)
		s, ok := x.slot.get(k, x.keyOf)
		if ok {
			x.unbucket(s)
		} else if n := len(x.free); n > 0 {
			s = x.free[n-1]
			x.free = x.free[:n-1]
		} else {
			s = uint32(len(x.kinds))
			x.kinds = append(x.kinds, 0)
			x.ids = append(x.ids, 0)
			x.texts = append(x.texts, "")
			x.flens = append(x.flens, 0)
			x.pos = append(x.pos, 0)
		}
		x.kinds[s], x.ids[s], x.texts[s], x.flens[s] = it.Kind, it.ID, it.Text, uint32(lens[i])
		if !ok {
			x.slot.put(k, s, x.keyOf)
		}
		b := bucketOf(lens[i])
		for len(x.buckets) <= b {
			x.buckets = append(x.buckets, bucket{})
		}
		bk := &x.buckets[b]
		x.pos[s] = uint32(len(bk.slots))
		bk.slots = append(bk.slots, s)
		bk.masks = append(bk.masks, masks[i])
		bk.starts = append(bk.starts, starts[i])
	}
	x.gen++
	return nil
}

// reserve grows the slot arrays and buckets for a batch with these folded
// lengths at once, so that a large batch leaves no append slack behind.
func (x *Index) reserve(lens []int) {
	if len(lens) < 1024 {
		return
	}
	x.slot.reserve(x.slot.n+len(lens), x.keyOf)
	n := max(0, len(lens)-len(x.free))
	x.kinds = slices.Grow(x.kinds, n)
	x.ids = slices.Grow(x.ids, n)
	x.texts = slices.Grow(x.texts, n)
	x.flens = slices.Grow(x.flens, n)
	x.pos = slices.Grow(x.pos, n)
	per := map[int]int{}
	for _, l := range lens {
		per[bucketOf(l)]++
	}
	for b, k := range per {
		for len(x.buckets) <= b {
			x.buckets = append(x.buckets, bucket{})
		}
		bk := &x.buckets[b]
		bk.slots = slices.Grow(bk.slots, k)
		bk.masks = slices.Grow(bk.masks, k)
		bk.starts = slices.Grow(bk.starts, k)
	}
}

// Remove removes the item of the given kind and ID and reports whether it
// was there.
func (x *Index) Remove(kind Kind, id uint64) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	k := key(kind, id)
	s, ok := x.slot.get(k, x.keyOf)
	if !ok {
		return false
	}
	x.unbucket(s)
	x.slot.del(k, x.keyOf)
	x.kinds[s], x.texts[s] = 0, ""
	x.free = append(x.free, s)
	x.gen++
	return true
}

// unbucket takes slot s out of its bucket by moving the bucket's last slot
// into its place.
func (x *Index) unbucket(s uint32) {
	bk := &x.buckets[bucketOf(int(x.flens[s]))]
	p, last := x.pos[s], len(bk.slots)-1
	moved := bk.slots[last]
	bk.slots[p], bk.masks[p], bk.starts[p] = moved, bk.masks[last], bk.starts[last]
	x.pos[moved] = p
	bk.slots, bk.masks, bk.starts = bk.slots[:last], bk.masks[:last], bk.starts[:last]
}

// Search returns the items that match query, best first. A query is folded
// like the texts and split at spaces into terms; an item matches when every
// term is a subsequence of its folded text, and its score is the sum of the
// terms' scores: sahilm's score of the term's best contiguous occurrence
// plus a bonus, larger at a word start, when the text holds the term in one
// piece, or else sahilm's score of its own match less a penalty for the
// span it covers (see contigBonus). Result.Matches are those positions. Ties
// go to the shorter text, then by kind and ID. It returns ctx.Err() when ctx
// ends first.
//
// For a query typed one keystroke at a time, a Session is faster.
func (x *Index) Search(ctx context.Context, query string, opts Options) ([]Result, error) {
	return x.NewSession(opts).Search(ctx, query)
}

// parallel calls f on consecutive ranges of [0, n) on up to workers
// goroutines; ranges are at least min long.
func parallel(n, min, workers int, f func(lo, hi int)) {
	if n <= min || workers <= 1 {
		f(0, n)
		return
	}
	per := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += per {
		hi := lo + per
		if hi > n {
			hi = n
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// GroupByKind groups results by kind, keeping their order within a group;
// groups come in the order of their best result.
func GroupByKind(results []Result) []Group {
	var groups []Group
	at := map[Kind]int{}
	for _, r := range results {
		i, ok := at[r.Kind]
		if !ok {
			i = len(groups)
			at[r.Kind] = i
			groups = append(groups, Group{Kind: r.Kind})
		}
		groups[i].Results = append(groups[i].Results, r)
	}
	return groups
}

// Group is the results of one kind.
type Group struct {
	Kind    Kind
	Results []Result
}

package search

import (
	"context"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/sahilm/fuzzy"
)

// Session searches an index for a query that is typed one keystroke at a
// time. It keeps the candidates of its last queries: a query that extends
// one of them (each term of the old query is a subsequence of a term of the
// new one, as when a character is typed) searches only the old query's
// candidates, which are all the texts that can still match. Results are
// exactly those of Index.Search. Any change to the index makes the next
// search start afresh. A Session is not safe for concurrent use; its Options
// are fixed when it is made.
type Session struct {
	x    *Index
	opts Options
	gen  uint64
	hist []*state // most recent last
}

// historyLen is how many past queries a session remembers, so that deleting
// a character still finds the state of a shorter query.
const historyLen = 8

// state is what a session remembers of one query variant: for each bucket,
// either all of it or the positions of the texts that may still match, and
// terms that none of those texts holds in one piece. A later query's term
// that contains one of them in one piece is held in one piece by none of
// its texts either, which are fewer: its bounds need not count contiguity,
// so that a mistyped term does not make every keystroke after it read every
// text.
type state struct {
	terms    [][]rune
	cands    []cands
	noContig [][]rune
}

type cands struct {
	some bool     // when false: the whole bucket
	pos  []uint32 // when some: positions in the bucket, ascending
}

// NewSession returns a session that searches x with opts.
func (x *Index) NewSession(opts Options) *Session {
	return &Session{x: x, opts: opts}
}

// Search returns the items that match query, like Index.Search.
func (s *Session) Search(ctx context.Context, query string) ([]Result, error) {
	terms := parseTerms(query)
	if len(terms) == 0 {
		return nil, ctx.Err()
	}
	k := s.opts.Limit
	if k == 0 {
		k = DefaultLimit
	} else if k < 0 {
		k = math.MaxInt
	}
	kindMask := ^uint32(0)
	if len(s.opts.Kinds) > 0 {
		kindMask = 0
		for _, kd := range s.opts.Kinds {
			if kd.valid() {
				kindMask |= 1 << kd
			}
		}
	}

	x := s.x
	x.mu.RLock()
	defer x.mu.RUnlock()
	if s.gen != x.gen {
		s.hist, s.gen = nil, x.gen
	}
	var all []hit
	var states []*state
	for _, v := range expand(terms, s.opts.Alias) {
		var base *state
		for i := len(s.hist) - 1; i >= 0 && base == nil; i-- {
			if covers(s.hist[i].terms, v) {
				base = s.hist[i]
			}
		}
		q := compile(v)
		if base != nil {
			var strewn uint64
			for i := range q.terms {
				for _, nc := range base.noContig {
					if containsRunes(q.terms[i].runes, nc) {
						strewn |= 1 << i
						break
					}
				}
			}
			q.setStrewn(strewn)
		}
		r := run{x: x, q: q, k: k, kindMask: kindMask, filter: s.opts.Filter}
		hits, st, err := r.search(ctx, base)
		if err != nil {
			return nil, err
		}
		st.terms = v
		states = append(states, st)
		for i := range hits {
			hits[i].q = q
		}
		all = append(all, hits...)
	}
	s.hist = append(s.hist, states...)
	if n := len(s.hist) - historyLen*len(states); n > 0 {
		s.hist = slices.Delete(s.hist, 0, n)
	}

	// One item may match several variants: keep its best.
	slices.SortFunc(all, func(a, b hit) int {
		if a.slot != b.slot {
			return int(a.slot) - int(b.slot)
		}
		return cmpHit(&a, &b)
	})
	all = slices.CompactFunc(all, func(a, b hit) bool { return a.slot == b.slot })
	slices.SortFunc(all, func(a, b hit) int { return cmpHit(&a, &b) })
	if len(all) > k {
		all = all[:k]
	}
	out := make([]Result, len(all))
	for i := range all {
		out[i] = x.result(&all[i])
	}
	return out, nil
}

// result builds the Result of a hit: the positions of each term's best
// contiguous occurrence, or else of sahilm's match, which runs once more on
// the winning texts only.
func (x *Index) result(h *hit) Result {
	text := x.texts[h.slot]
	_, runeMap := Fold(text)
	sur := h.q.translate(nil, text, int(x.flens[h.slot]))
	var idx []int
	for i := range h.q.terms {
		t := &h.q.terms[i]
		if _, p := h.q.contig(sur, t); p >= 0 {
			for j := p; j < p+len(t.codes); j++ {
				idx = append(idx, runeMap[j])
			}
			continue
		}
		for _, m := range fuzzy.Find(t.codes, []string{string(sur)}) {
			for _, j := range m.MatchedIndexes {
				idx = append(idx, runeMap[j])
			}
		}
	}
	slices.Sort(idx)
	return Result{Kind: h.kind, ID: h.id, Text: text, Score: h.score, Matches: slices.Compact(idx)}
}

// containsRunes reports whether s holds sub in one piece.
func containsRunes(s, sub []rune) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// hit is a match found by a scan.
type hit struct {
	score int
	flen  uint32
	kind  Kind
	id    uint64
	slot  uint32
	q     *fquery
}

// cmpHit orders hits best first: higher score, shorter text, kind, ID.
func cmpHit(a, b *hit) int {
	switch {
	case a.score != b.score:
		if a.score > b.score {
			return -1
		}
		return 1
	case a.flen != b.flen:
		if a.flen < b.flen {
			return -1
		}
		return 1
	case a.kind != b.kind:
		return int(a.kind) - int(b.kind)
	case a.id != b.id:
		if a.id < b.id {
			return -1
		}
		return 1
	}
	return 0
}

// topK keeps the k best hits in a heap whose root is the worst of them.
type topK struct {
	k int
	h []hit
}

func (t *topK) full() bool { return len(t.h) >= t.k }

// admits reports whether a hit with this score and length could enter.
func (t *topK) admits(h *hit) bool { return !t.full() || cmpHit(h, &t.h[0]) < 0 }

func (t *topK) offer(h hit) {
	if len(t.h) < t.k {
		t.h = append(t.h, h)
		t.up(len(t.h) - 1)
		return
	}
	if cmpHit(&h, &t.h[0]) < 0 {
		t.h[0] = h
		t.down(0)
	}
}

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if cmpHit(&t.h[i], &t.h[p]) <= 0 { // i is better: stays below
			return
		}
		t.h[i], t.h[p] = t.h[p], t.h[i]
		i = p
	}
}

func (t *topK) down(i int) {
	n := len(t.h)
	for {
		w := i
		if l := 2*i + 1; l < n && cmpHit(&t.h[l], &t.h[w]) > 0 {
			w = l
		}
		if r := 2*i + 2; r < n && cmpHit(&t.h[r], &t.h[w]) > 0 {
			w = r
		}
		if w == i {
			return
		}
		t.h[i], t.h[w] = t.h[w], t.h[i]
		i = w
	}
}

// run is one scan of the index for one query variant.
type run struct {
	x        *Index
	q        *fquery
	k        int
	kindMask uint32
	filter   func(Kind, uint64) bool

	// What the scan learnt of contiguity: the terms some candidate holds
	// in one piece, and whether some candidate was passed over unasked.
	contig    uint64
	unchecked bool
}

// Work is cut into chunks of chunkLen candidates, gathered in rounds that
// grow from firstRound to maxRound candidates; between rounds the scan
// checks whether the remaining buckets can still beat the k-th hit.
const (
	chunkLen   = 256
	firstRound = 4096
	maxRound   = 1 << 14
)

type chunk struct {
	b      int
	lo, hi int      // range of positions in the bucket, when pos is nil
	pos    []uint32 // candidate positions in the bucket
	out    []uint32 // positions that may still match
}

// search scans the candidates of base (every item when base is nil) bucket
// by bucket, shortest texts first, and returns the best k hits and the
// candidates of this query.
func (r *run) search(ctx context.Context, base *state) ([]hit, *state, error) {
	x := r.x
	nb := len(x.buckets)
	st := &state{cands: make([]cands, nb)}
	if base != nil {
		copy(st.cands, base.cands)
	}
	top := &topK{k: r.k}
	nterms := len(r.q.terms)
	round := firstRound
	for b := 0; b < nb; {
		if top.full() {
			// The best score a text of the shortest length still to be read
			// can get; ties go to shorter texts already read.
			ub := r.q.ub - nterms*minLen(b)
			if top.h[0].score >= ub {
				r.unchecked = true
				break
			}
		}
		var chunks []*chunk
		total := 0
		for ; b < nb && total < round; b++ {
			c := st.cands[b]
			n := len(c.pos)
			if !c.some {
				n = len(x.buckets[b].slots)
			}
			for lo := 0; lo < n; lo += chunkLen {
				ch := &chunk{b: b, lo: lo, hi: min(lo+chunkLen, n)}
				if c.some {
					ch.pos = c.pos[ch.lo:ch.hi]
				}
				chunks = append(chunks, ch)
			}
			total += n
		}
		round = min(round*2, maxRound)
		if err := r.scan(ctx, chunks, top); err != nil {
			return nil, nil, err
		}
		// The chunks of a bucket are in order: rebuild its candidates.
		for i, ch := range chunks {
			if i == 0 || chunks[i-1].b != ch.b {
				st.cands[ch.b] = cands{some: true}
			}
			st.cands[ch.b].pos = append(st.cands[ch.b].pos, ch.out...)
		}
	}
	if base != nil {
		st.noContig = base.noContig
	}
	if !r.unchecked {
		for i := range r.q.terms {
			t := r.q.terms[i].runes
			if r.contig&(1<<i) != 0 || slices.ContainsFunc(st.noContig, func(nc []rune) bool { return containsRunes(t, nc) }) {
				continue
			}
			st.noContig = append(slices.Clip(st.noContig), t)
		}
	}
	return top.h, st, nil
}

// scan runs the chunks on the index's workers and offers their hits to top.
func (r *run) scan(ctx context.Context, chunks []*chunk, top *topK) error {
	workers := min(r.x.workers, len(chunks))
	var floor *hit
	if top.full() {
		f := top.h[0]
		floor = &f
	}
	if workers <= 1 {
		w := scanner{run: r, top: topK{k: r.k, h: top.h}}
		for _, ch := range chunks {
			if err := ctx.Err(); err != nil {
				return err
			}
			w.do(ch)
		}
		top.h = w.top.h
		r.contig |= w.contig
		r.unchecked = r.unchecked || w.unchecked
		return nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	scanners := make([]scanner, workers)
	for i := range scanners {
		scanners[i] = scanner{run: r, top: topK{k: r.k}, floor: floor}
		wg.Add(1)
		go func(w *scanner) {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(chunks) || ctx.Err() != nil {
					return
				}
				w.do(chunks[i])
			}
		}(&scanners[i])
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for i := range scanners {
		for _, h := range scanners[i].top.h {
			top.offer(h)
		}
		r.contig |= scanners[i].contig
		r.unchecked = r.unchecked || scanners[i].unchecked
	}
	return nil
}

// mayEnter reports whether a text whose score is at most ub and whose
// folded length is flen could still enter the top k, as far as this worker
// knows: the k-th hit of earlier rounds (floor) and its own hits.
func (w *scanner) mayEnter(ub int, flen uint32) bool {
	beats := func(h *hit) bool { return ub > h.score || ub == h.score && flen <= h.flen }
	if w.floor != nil && !beats(w.floor) {
		return false
	}
	return !w.top.full() || beats(&w.top.h[0])
}

// scanner is one worker's scratch space.
type scanner struct {
	*run
	top   topK
	floor *hit // the k-th best hit of earlier rounds

	// contig and unchecked are the run's, for this worker's chunks.
	contig    uint64
	unchecked bool

	arena []byte
	offs  []int
	cand  []uint32
	total []int    // per candidate: Σ of its terms' exact scores and bounds
	terms []int    // per candidate and term: exact score, or bound while scattered
	scat  []uint64 // per candidate: its scattered terms, not yet scored
	alive []bool
	sub   []int
}

// do matches the candidates of one chunk: prefilter mask, kind and filter,
// then translation to surrogate bytes, the subsequence gate and the search
// for contiguous occurrences, which score their terms, and last sahilm, once
// per term over the chunk's survivors that hold that term only scattered.
func (w *scanner) do(ch *chunk) {
	x, q := w.x, w.q
	bk := &x.buckets[ch.b]
	w.arena, w.offs, w.cand = w.arena[:0], w.offs[:0], w.cand[:0]
	w.total, w.terms, w.scat = w.total[:0], w.terms[:0], w.scat[:0]
	n := ch.hi - ch.lo
	allKinds := w.kindMask == ^uint32(0)
	for i := 0; i < n; i++ {
		// Positions ascend, so the bucket's arrays are read in order; only
		// texts that pass the mask cost a random access.
		p := uint32(ch.lo + i)
		if ch.pos != nil {
			p = ch.pos[i]
		}
		if bk.masks[p]&q.mask != q.mask {
			continue
		}
		s := bk.slots[p]
		if !allKinds && w.kindMask&(1<<x.kinds[s]) == 0 {
			continue
		}
		if w.filter != nil && !w.filter(x.kinds[s], x.ids[s]) {
			continue
		}
		starts := bk.starts[p]
		// Texts that cannot beat the k-th hit stay candidates for longer
		// queries unread: first by length alone, then by the runes that
		// start their words, then by their surrogate.
		flen := uint32(ch.b) // the length of every text in a short bucket
		if ch.b >= 512 {
			flen = x.flens[s]
		}
		nt := len(q.terms) * int(flen)
		if !w.mayEnter(q.ub-nt, flen) || !w.mayEnter(q.startsUB(starts, 0)-nt, flen) {
			ch.out = append(ch.out, p)
			w.unchecked = true
			continue
		}
		if q.rawOK(bk.masks[p], starts) {
			if !q.rawGate(x.texts[s]) {
				continue
			}
			// It matches. When the raw text tells which terms it does not
			// hold in one piece, their scattered bound may rule it out.
			if w.floor != nil || w.top.full() {
				none := q.rawNoContig(x.texts[s])
				w.contig |= ^none
				if none != 0 && !w.mayEnter(q.startsUB(starts, none)-nt, flen) {
					ch.out = append(ch.out, p)
					continue
				}
			}
		}
		start := len(w.arena)
		w.arena = slices.Grow(w.arena, int(flen))
		sur := q.translate(w.arena[start:start+int(flen)], x.texts[s], int(flen))
		if !q.gate(sur) {
			continue
		}
		// The gate is exactly sahilm's matching: the text stays a
		// candidate for longer queries.
		ch.out = append(ch.out, p)
		// Contiguous terms are scored here; scattered ones are bounded.
		nt0 := len(w.terms)
		w.terms = slices.Grow(w.terms, len(q.terms))[:nt0+len(q.terms)]
		ub, scat := q.assess(sur, w.terms[nt0:])
		w.contig |= ^scat
		if (w.floor != nil || w.top.full()) && !w.mayEnter(ub, flen) {
			w.terms = w.terms[:nt0]
			continue
		}
		w.arena = w.arena[:start+len(sur)]
		w.offs = append(w.offs, start)
		w.cand = append(w.cand, s)
		w.total = append(w.total, ub)
		w.scat = append(w.scat, scat)
	}
	if len(w.cand) == 0 {
		return
	}
	w.offs = append(w.offs, len(w.arena))
	str := string(w.arena)
	nterms := len(q.terms)
	w.alive = w.alive[:0]
	for range w.cand {
		w.alive = append(w.alive, true)
	}
	// sahilm scores each scattered term over all the candidates that have
	// it scattered and may still enter.
	for t := range q.terms {
		bit := uint64(1) << t
		w.sub = w.sub[:0]
		for ci := range w.cand {
			if w.alive[ci] && w.scat[ci]&bit != 0 {
				w.sub = append(w.sub, ci)
			}
		}
		if len(w.sub) == 0 {
			continue
		}
		sub := w.sub
		ms := fuzzy.FindFromIterNoSort(q.terms[t].codes, func(yield func(string) bool) {
			for _, ci := range sub {
				if !yield(str[w.offs[ci]:w.offs[ci+1]]) {
					return
				}
			}
		})
		j := 0
		for _, m := range ms { // in input order
			for ; j < m.Index; j++ { // no match: never, as the gate passed
				w.alive[sub[j]] = false
			}
			j++
			ci := sub[m.Index]
			mi := m.MatchedIndexes
			sc := m.Score - spanWeight*(mi[len(mi)-1]-mi[0]+1-len(mi))
			w.total[ci] += sc - w.terms[ci*nterms+t]
			w.terms[ci*nterms+t] = sc
			if !w.mayEnter(w.total[ci], x.flens[w.cand[ci]]) {
				w.alive[ci] = false
			}
		}
		for ; j < len(sub); j++ {
			w.alive[sub[j]] = false
		}
	}
	for ci, s := range w.cand {
		if !w.alive[ci] {
			continue
		}
		h := hit{score: w.total[ci], flen: x.flens[s], kind: x.kinds[s], id: x.ids[s], slot: s}
		if w.top.admits(&h) {
			w.top.offer(h)
		}
	}
}

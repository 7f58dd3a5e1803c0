package search

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"

	"dossier"
)

func maxWorkers() int { return runtime.GOMAXPROCS(0) }

// Hit is an article whose body matches a body query. Count is the number of
// matched words and phrases in the body; each Snippet shows some of them.
type Hit struct {
	Article  dossier.ArticleID `json:"article"`
	Score    float64           `json:"score"`
	Count    int               `json:"count"`
	Snippets []Snippet         `json:"snippets"`
}

// Snippet is a stretch of about SnippetRunes runes of a body around one or
// more hits. Start is the rune offset of Text in the body; Matches are
// [start, end) rune offsets of the hits within Text (add Start for offsets
// in the body).
type Snippet struct {
	Text    string   `json:"text"`
	Start   int      `json:"start"`
	Matches [][2]int `json:"matches"`
}

// SnippetRunes is the length of a snippet.
const SnippetRunes = 160

// BodyOptions restrict and size a body search.
type BodyOptions struct {
	Limit    int                          // at most this many hits; DefaultLimit when 0, all when negative
	Snippets int                          // at most this many snippets per hit; 3 when 0
	Filter   func(dossier.ArticleID) bool // when set, only articles for which it returns true
}

// BodyIndex is the full-text index of article bodies: the segments loaded
// or built, plus the articles added one at a time since. Body gives the
// current body of an article; hits are verified against it and snippets cut
// from it, so an article deleted or changed behind the index's back is never
// reported wrongly. BodyIndex is safe for concurrent use.
type BodyIndex struct {
	body func(dossier.ArticleID) (string, bool)

	mu      sync.RWMutex
	segs    []*liveSeg
	owner   map[dossier.ArticleID]ref // where each article's current version is indexed
	pending map[dossier.ArticleID]string
	tail    *liveSeg // pending, indexed; nil when it must be rebuilt
}

type liveSeg struct {
	*Segment
	dead []uint64 // bit per document: superseded or removed
}

type ref struct {
	seg int32 // index in segs; tailSeg for pending
	doc int32
}

const (
	tailSeg    = -1
	maxPending = 1024 // pending articles before they become a segment
)

// NewBodyIndex returns an empty body index that reads bodies with body.
func NewBodyIndex(body func(dossier.ArticleID) (string, bool)) *BodyIndex {
	return &BodyIndex{body: body, owner: map[dossier.ArticleID]ref{}, pending: map[dossier.ArticleID]string{}}
}

// AddSegment adds a segment. Its articles supersede earlier versions of the
// same articles, so segments must be added in the order they were built.
func (x *BodyIndex) AddSegment(seg *Segment) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.addSegment(seg)
}

func (x *BodyIndex) addSegment(seg *Segment) {
	ls := &liveSeg{Segment: seg, dead: make([]uint64, (seg.Len()+63)/64)}
	si := int32(len(x.segs))
	x.segs = append(x.segs, ls)
	for i, id := range seg.ids {
		x.supersede(id)
		x.owner[id] = ref{seg: si, doc: int32(i)}
	}
}

// supersede marks the indexed version of id, if any, as dead.
func (x *BodyIndex) supersede(id dossier.ArticleID) {
	r, ok := x.owner[id]
	if !ok {
		return
	}
	if r.seg == tailSeg {
		delete(x.pending, id)
		x.tail = nil
	} else {
		x.segs[r.seg].dead[r.doc/64] |= 1 << (r.doc % 64)
	}
	delete(x.owner, id)
}

// Add indexes one article, new or changed. Single articles are kept apart
// and indexed together when searched; they are not in any segment the store
// persists, so the store should also persist BuildSegment of what it saves.
func (x *BodyIndex) Add(doc Doc) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.supersede(doc.ID)
	x.pending[doc.ID] = doc.Body
	x.owner[doc.ID] = ref{seg: tailSeg}
	x.tail = nil
	if len(x.pending) >= maxPending {
		docs := make([]Doc, 0, len(x.pending))
		for id, b := range x.pending {
			docs = append(docs, Doc{id, b})
			delete(x.owner, id)
		}
		clear(x.pending)
		x.addSegment(BuildSegment(docs))
	}
}

// Remove drops an article from the index.
func (x *BodyIndex) Remove(id dossier.ArticleID) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.supersede(id)
}

// Len returns the number of articles indexed.
func (x *BodyIndex) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.owner)
}

// Bytes returns about how much memory the index's segments hold.
func (x *BodyIndex) Bytes() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	n := len(x.owner) * 32
	for _, s := range x.segs {
		n += s.Bytes() + len(s.dead)*8
	}
	return n
}

// readyTail indexes the pending articles if that is not done yet.
func (x *BodyIndex) readyTail() {
	x.mu.RLock()
	ok := x.tail != nil || len(x.pending) == 0
	x.mu.RUnlock()
	if ok {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.tail != nil || len(x.pending) == 0 {
		return
	}
	docs := make([]Doc, 0, len(x.pending))
	for id, b := range x.pending {
		docs = append(docs, Doc{id, b})
	}
	seg := BuildSegment(docs)
	x.tail = &liveSeg{Segment: seg, dead: make([]uint64, (seg.Len()+63)/64)}
}

// candidate is an article that has every query word in its indexed version.
type candidate struct {
	id    dossier.ArticleID
	score float64
}

// Search returns the articles whose bodies contain every word and every
// phrase of query, best first (BM25), each with snippets. Words are folded
// like fuzzy search ("Zelenskyy’s" is the words zelenskyy and s);
// "quoted words" must occur in a row. It returns ctx.Err() when ctx ends
// first.
func (x *BodyIndex) Search(ctx context.Context, query string, opts BodyOptions) ([]Hit, error) {
	bq := parseBodyQuery(query)
	terms := bq.terms()
	if len(terms) == 0 {
		return nil, ctx.Err()
	}
	limit := opts.Limit
	if limit == 0 {
		limit = DefaultLimit
	} else if limit < 0 {
		limit = math.MaxInt
	}
	x.readyTail()
	x.mu.RLock()
	segs := slices.Clone(x.segs)
	if x.tail != nil {
		segs = append(segs, x.tail)
	}
	var cands []candidate
	var err error
	func() {
		defer x.mu.RUnlock()
		// Collection statistics for BM25, over every indexed version.
		var ndocs, nwords float64
		df := make([]float64, len(terms))
		for _, s := range segs {
			ndocs += float64(s.Len())
			nwords += float64(s.words)
			for i, t := range terms {
				if ti := s.lookup(t); ti >= 0 {
					df[i] += float64(s.df[ti])
				}
			}
		}
		idf := make([]float64, len(terms))
		for i := range terms {
			idf[i] = math.Log(1 + (ndocs-df[i]+0.5)/(df[i]+0.5))
		}
		avg := max(nwords/max(ndocs, 1), 1)
		for _, s := range segs {
			if err = ctx.Err(); err != nil {
				return
			}
			cands = s.match(&bq, terms, idf, avg, opts.Filter, cands)
		}
	}()
	if err != nil {
		return nil, err
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return 0
	})
	nsnip := opts.Snippets
	if nsnip <= 0 {
		nsnip = 3
	}
	var hits []Hit
	for i, c := range cands {
		if len(hits) >= limit {
			break
		}
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		body, ok := x.body(c.id)
		if !ok {
			continue
		}
		h, ok := verify(&bq, body, nsnip)
		if !ok {
			continue // the body changed since it was indexed
		}
		h.Article, h.Score = c.id, c.score
		hits = append(hits, h)
	}
	return hits, nil
}

// match returns cands with the live documents of s that have every term and
// every phrase, scored.
func (s *liveSeg) match(bq *bodyQuery, terms []string, idf []float64, avg float64, filter func(dossier.ArticleID) bool, cands []candidate) []candidate {
	const k1, b = 1.2, 0.75
	inPhrase := map[string]bool{}
	for _, p := range bq.phrases {
		for _, w := range p {
			inPhrase[w] = true
		}
	}
	idx := make([]int, len(terms))
	for i, t := range terms {
		if idx[i] = s.lookup(t); idx[i] < 0 {
			return cands
		}
	}
	// Intersect, rarest term first.
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(s.df[idx[a]]) - int(s.df[idx[b]]) })
	lists := make([]postings, len(terms))
	for _, i := range order {
		lists[i] = s.decode(idx[i], inPhrase[terms[i]])
	}
	// at[i] walks list i; docs advance in lockstep with the rarest list.
	at := make([]int, len(terms))
	first := lists[order[0]]
	var pa, pb []uint32
next:
	for k, doc := range first.docs {
		at[order[0]] = k
		for _, i := range order[1:] {
			l := &lists[i]
			j := at[i]
			// Galloping would help very unequal lists; a linear walk is
			// fine for these sizes.
			for j < len(l.docs) && l.docs[j] < doc {
				j++
			}
			at[i] = j
			if j == len(l.docs) {
				break next
			}
			if l.docs[j] != doc {
				continue next
			}
		}
		if s.dead[doc/64]&(1<<(doc%64)) != 0 {
			continue
		}
		id := s.ids[doc]
		if filter != nil && !filter(id) {
			continue
		}
		for _, p := range bq.phrases {
			if !s.hasPhrase(p, terms, lists, at, &pa, &pb) {
				continue next
			}
		}
		score := 0.0
		dl := float64(s.lens[doc])
		for i := range terms {
			tf := float64(lists[i].tfs[at[i]])
			score += idf[i] * tf * (k1 + 1) / (tf + k1*(1-b+b*dl/avg))
		}
		cands = append(cands, candidate{id: id, score: score})
	}
	return cands
}

// hasPhrase reports whether the current document has the words of p in a
// row, from the positions in the postings.
func (s *liveSeg) hasPhrase(p []string, terms []string, lists []postings, at []int, pa, pb *[]uint32) bool {
	ti := func(w string) int { return slices.Index(terms, w) }
	i0 := ti(p[0])
	*pa = lists[i0].positionsOf(at[i0], *pa)
	for off, w := range p[1:] {
		i := ti(w)
		*pb = lists[i].positionsOf(at[i], *pb)
		// Keep starts s with s+off+1 among w's positions.
		keep := (*pa)[:0]
		for _, st := range *pa {
			if _, ok := slices.BinarySearch(*pb, st+uint32(off)+1); ok {
				keep = append(keep, st)
			}
		}
		*pa = keep
		if len(keep) == 0 {
			return false
		}
	}
	return true
}

// verify finds the query's words and phrases in body, reports whether all
// are there, and cuts up to nsnip snippets around the hits.
func verify(bq *bodyQuery, body string, nsnip int) (Hit, bool) {
	type tok struct {
		w          string
		start, end int
	}
	var toks []tok
	words := map[string]bool{}
	for _, w := range bq.words {
		words[w] = false
	}
	need := map[string]bool{}
	for _, p := range bq.phrases {
		for _, w := range p {
			need[w] = true
		}
	}
	var spans [][2]int
	tokenize(body, func(t []byte, start, end int) {
		if found, ok := words[string(t)]; ok {
			if !found {
				words[string(t)] = true
			}
			spans = append(spans, [2]int{start, end})
		}
		if need[string(t)] {
			toks = append(toks, tok{string(t), start, end})
		} else if len(bq.phrases) > 0 {
			toks = append(toks, tok{start: start, end: end})
		}
	})
	for _, found := range words {
		if !found {
			return Hit{}, false
		}
	}
	for _, p := range bq.phrases {
		found := false
		for i := 0; i+len(p) <= len(toks); i++ {
			j := 0
			for j < len(p) && toks[i+j].w == p[j] {
				j++
			}
			if j == len(p) {
				found = true
				spans = append(spans, [2]int{toks[i].start, toks[i+len(p)-1].end})
			}
		}
		if !found {
			return Hit{}, false
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	h := Hit{Count: len(spans)}
	rs := []rune(body)
	for _, sp := range spans {
		if n := len(h.Snippets); n > 0 {
			last := &h.Snippets[n-1]
			if sp[1] <= last.Start+len([]rune(last.Text)) {
				last.Matches = append(last.Matches, [2]int{sp[0] - last.Start, sp[1] - last.Start})
				continue
			}
		}
		if len(h.Snippets) == nsnip {
			continue
		}
		start, end := window(rs, sp[0], sp[1])
		h.Snippets = append(h.Snippets, Snippet{
			Text:    string(rs[start:end]),
			Start:   start,
			Matches: [][2]int{{sp[0] - start, sp[1] - start}},
		})
	}
	return h, true
}

// window returns a stretch of about SnippetRunes runes of rs that contains
// [s, e), a third before it, cut at spaces where possible.
func window(rs []rune, s, e int) (int, int) {
	start := max(0, s-SnippetRunes/3)
	end := min(len(rs), max(start+SnippetRunes, e))
	if start > 0 {
		for i := start; i < s; i++ {
			if rs[i] == ' ' || rs[i] == '\n' {
				start = i + 1
				break
			}
		}
	}
	if end < len(rs) {
		for i := end; i > e; i-- {
			if rs[i-1] == ' ' || rs[i-1] == '\n' {
				end = i - 1
				break
			}
		}
	}
	return start, end
}

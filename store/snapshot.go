package store

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// snapshot holds in memory the compact records that queries read: every
// article's metadata, every passage, and the tags of whole articles and
// quotes. It is loaded on the first query and follows every write after
// that (the notebook is the only writer of its file), so a query over
// 100,000 articles and 500,000 passages reads no disk.
type snapshot struct {
	mu        sync.RWMutex
	loaded    bool
	metas     map[dossier.ArticleID]*dossier.ArticleMeta
	ps        []*spassage
	psIdx     map[dossier.PassageID]int
	labels    map[string][]string            // label key -> tags
	artLabels map[dossier.ArticleID][]string // the 'a' labels again, by article

	// Indexes: by lower-case tag, and by article.
	byTag     map[string][]*spassage
	byArticle map[dossier.ArticleID][]*spassage

	// The word indexes: the words of passages (text and note) by doc
	// number, and of article titles by article ID.
	docs        []*spassage // by doc number; nil for one deleted
	pwords      wordIndex
	twords      wordIndex
	bigArticles bool // an article ID beyond 32 bits: twords is not used
}

type spassage struct {
	p    dossier.Passage
	meta *dossier.ArticleMeta // its article's; ID 0 when that was deleted
	slot int                  // its index in ps
	doc  uint32               // its index in docs, which never changes
}

// ensureSnapshot loads the snapshot unless it is loaded. Writers wait
// meanwhile, so that none commits a change the load misses.
func (n *Notebook) ensureSnapshot() error {
	s := &n.ws.snap
	s.mu.RLock()
	ok := s.loaded
	s.mu.RUnlock()
	if ok {
		return nil
	}
	n.ws.wmu.Lock()
	defer n.ws.wmu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loaded {
		return nil
	}
	s.metas = map[dossier.ArticleID]*dossier.ArticleMeta{}
	s.ps = nil
	s.psIdx = map[dossier.PassageID]int{}
	s.labels = map[string][]string{}
	s.artLabels = map[dossier.ArticleID][]string{}
	s.byTag = map[string][]*spassage{}
	s.byArticle = map[dossier.ArticleID][]*spassage{}
	s.docs, s.bigArticles = nil, false
	s.pwords, s.twords = newWordIndex(), newWordIndex()
	s.pwords.sorted, s.twords.sorted = false, false
	err := n.db.View(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
			s.putMeta(k, v)
			return nil
		})
		if err != nil {
			return err
		}
		count := tx.Bucket(bucketPassagesByArticle).Stats().KeyN
		s.ps = make([]*spassage, 0, count)
		// In the order queries return them, so that the doc numbers (and
		// so the word index's lists) are in that order: a query then
		// seldom sorts.
		all := make([]*spassage, 0, count)
		err = tx.Bucket(bucketPassages).ForEach(func(k, v []byte) error {
			if p, err := decodePassage(dossier.PassageID(btoi(k)), v); err == nil {
				all = append(all, &spassage{p: p})
			}
			return nil
		})
		if err != nil {
			return err
		}
		slices.SortFunc(all, func(a, b *spassage) int { return comparePassages(&a.p, &b.p) })
		s.docs = make([]*spassage, 0, len(all))
		for _, sp := range all {
			s.addPassage(sp)
		}
		return tx.Bucket(bucketLabels).ForEach(func(k, v []byte) error {
			s.putLabel(k, v)
			return nil
		})
	})
	if err != nil {
		return dossier.Wrap(err, dossier.EINTERNAL, "cannot read the notebook")
	}
	s.pwords.finishLoad()
	s.twords.finishLoad()
	s.loaded = true
	return nil
}

// apply brings the snapshot up to date with committed writes.
func (s *snapshot) apply(changes []change) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loaded {
		return
	}
	for _, c := range changes {
		switch c.bucket {
		case string(bucketArticles):
			if c.val == nil {
				id := dossier.ArticleID(btoi(c.key))
				if m := s.metas[id]; m != nil {
					s.indexTitle(m, false)
					m.ID = 0
					delete(s.metas, id)
				}
			} else {
				s.putMeta(c.key, c.val)
			}
		case string(bucketPassages):
			if c.val == nil {
				s.deletePassage(dossier.PassageID(btoi(c.key)))
			} else {
				s.putPassage(c.key, c.val)
			}
		case string(bucketLabels):
			if c.val == nil {
				delete(s.labels, string(c.key))
				if len(c.key) == 9 && c.key[0] == 'a' {
					delete(s.artLabels, dossier.ArticleID(btoi(c.key[1:])))
				}
			} else {
				s.putLabel(c.key, c.val)
			}
		}
	}
}

// A damaged record is left out of the snapshot; reading it directly
// reports the damage.

func (s *snapshot) putMeta(k, v []byte) {
	id := dossier.ArticleID(btoi(k))
	m, err := decodeMeta(id, v)
	if err != nil {
		return
	}
	if old := s.metas[id]; old != nil {
		if old.Title != m.Title {
			s.indexTitle(old, false)
			defer s.indexTitle(old, true)
		}
		*old = m
		return
	}
	s.metas[id] = &m
	s.indexTitle(&m, true)
}

// indexTitle adds the words of an article's title to the title index, or
// takes them out.
func (s *snapshot) indexTitle(m *dossier.ArticleMeta, add bool) {
	if m.ID > math.MaxUint32 {
		s.bigArticles = true
		return
	}
	dossier.EachWord(m.Title, func(w []byte) {
		if add {
			s.twords.add(w, uint32(m.ID))
		} else {
			s.twords.remove(w, uint32(m.ID))
		}
	})
}

// indexWords adds the words of a passage's text and note to the word
// index, or takes them out.
func (s *snapshot) indexWords(sp *spassage, add bool) {
	for _, t := range [2]string{sp.p.Text, sp.p.Note} {
		dossier.EachWord(t, func(w []byte) {
			if add {
				s.pwords.add(w, sp.doc)
			} else {
				s.pwords.remove(w, sp.doc)
			}
		})
	}
}

func (s *snapshot) putPassage(k, v []byte) {
	id := dossier.PassageID(btoi(k))
	p, err := decodePassage(id, v)
	if err != nil {
		return
	}
	s.addPassage(&spassage{p: p})
}

// addPassage puts sp in the snapshot, in place of the passage with its ID.
func (s *snapshot) addPassage(sp *spassage) {
	p := &sp.p
	id := p.ID
	sp.meta = s.metas[p.Article]
	if i, ok := s.psIdx[id]; ok {
		old := s.ps[i]
		s.unindex(old)
		sp.slot, sp.doc = i, old.doc
		s.ps[i] = sp
		s.docs[sp.doc] = sp
		if old.p.Text != p.Text || old.p.Note != p.Note {
			s.indexWords(old, false)
			s.indexWords(sp, true)
		}
	} else {
		sp.slot = len(s.ps)
		s.psIdx[id] = sp.slot
		s.ps = append(s.ps, sp)
		sp.doc = uint32(len(s.docs))
		s.docs = append(s.docs, sp)
		s.indexWords(sp, true)
	}
	for _, t := range sp.p.Tags {
		k := strings.ToLower(t)
		s.byTag[k] = append(s.byTag[k], sp)
	}
	s.byArticle[p.Article] = append(s.byArticle[p.Article], sp)
}

func (s *snapshot) deletePassage(id dossier.PassageID) {
	i, ok := s.psIdx[id]
	if !ok {
		return
	}
	s.unindex(s.ps[i])
	s.indexWords(s.ps[i], false)
	s.docs[s.ps[i].doc] = nil
	last := len(s.ps) - 1
	s.ps[i] = s.ps[last]
	s.ps[i].slot = i
	s.psIdx[s.ps[i].p.ID] = i
	s.ps[last] = nil
	s.ps = s.ps[:last]
	delete(s.psIdx, id)
}

// unindex takes sp out of the tag and article indexes.
func (s *snapshot) unindex(sp *spassage) {
	drop := func(list []*spassage) []*spassage {
		for i, x := range list {
			if x == sp {
				list[i] = list[len(list)-1]
				list[len(list)-1] = nil
				return list[:len(list)-1]
			}
		}
		return list
	}
	for _, t := range sp.p.Tags {
		k := strings.ToLower(t)
		if l := drop(s.byTag[k]); len(l) > 0 {
			s.byTag[k] = l
		} else {
			delete(s.byTag, k)
		}
	}
	if l := drop(s.byArticle[sp.p.Article]); len(l) > 0 {
		s.byArticle[sp.p.Article] = l
	} else {
		delete(s.byArticle, sp.p.Article)
	}
}

// tagged returns the passages that have a tag equal to or under one of
// tags, each once; the caller holds the read lock.
func (s *snapshot) tagged(tags []string) []*spassage {
	var lists [][]*spassage
	total := 0
	for k, l := range s.byTag {
		for _, t := range tags {
			if dossier.TagUnder(k, t) {
				lists = append(lists, l)
				total += len(l)
				break
			}
		}
	}
	if len(lists) == 1 {
		return lists[0]
	}
	out := make([]*spassage, 0, total)
	seen := make([]uint64, (len(s.ps)+63)/64)
	for _, l := range lists {
		for _, sp := range l {
			if seen[sp.slot/64]&(1<<(sp.slot%64)) == 0 {
				seen[sp.slot/64] |= 1 << (sp.slot % 64)
				out = append(out, sp)
			}
		}
	}
	return out
}

// candidates returns the passages a query can match: those with a tag of
// its most selective required group, or all, less those that lack a word
// the query needs. When the word index tells exactly which passages have
// the text terms at the query's top (see dossier.Query.TextPart), match is
// what is left to match, and all is true when nothing is: every candidate
// matches. cands may be the snapshot's own list: do not change it.
func (s *snapshot) candidates(q *dossier.Query) (cands []*spassage, match *dossier.Query, all bool) {
	best := s.ps
	for _, g := range q.RequiredTags() {
		if c := s.tagged(g); len(c) < len(best) {
			best = c
		}
	}
	text, ok := s.textCandidates(q.RequiredText())
	if !ok {
		return best, q, false
	}
	match = q
	if part, rest := q.TextPart(); len(part) > 0 && wordsDecide(part) {
		match, all = rest, rest == nil
	}
	if len(best) < len(s.ps) {
		return slices.DeleteFunc(slices.Clone(best), func(sp *spassage) bool { return !text.has(sp.doc) }), match, all
	}
	out := make([]*spassage, 0, text.count())
	text.each(func(d uint32) {
		if sp := s.docs[d]; sp != nil {
			out = append(out, sp)
		}
	})
	return out, match, all
}

// wordsDecide reports whether the passages' word indexes tell exactly which
// passages meet every need of groups: each is a whole word (or word start)
// in the fields a passage's words or its title's words are.
func wordsDecide(groups [][]dossier.TextNeed) bool {
	for _, g := range groups {
		for _, need := range g {
			if !need.Whole || need.Fields != dossier.InTitle && need.Fields != dossier.InTitle|dossier.InText|dossier.InNote {
				return false
			}
		}
	}
	return true
}

// textCandidates returns, as a bit set of doc numbers, the passages that
// have the words of groups (see dossier.Query.RequiredText); ok is false
// when groups rule nothing out.
func (s *snapshot) textCandidates(groups [][]dossier.TextNeed) (bitset, bool) {
	if len(groups) == 0 || s.bigArticles {
		return nil, false
	}
	var out bitset
	for gi, g := range groups {
		gb := newBitset(len(s.docs))
		for _, need := range g {
			if need.Fields&(dossier.InText|dossier.InNote) != 0 {
				gb.or(s.pwords.bitsOf(need.Words, len(s.docs)))
			}
			if need.Fields&dossier.InTitle != 0 {
				ids := s.twords.bitsOf(need.Words, int(s.twords.maxID)+1)
				ids.each(func(id uint32) {
					for _, sp := range s.byArticle[dossier.ArticleID(id)] {
						gb.set(sp.doc)
					}
				})
			}
		}
		if gi == 0 {
			out = gb
		} else {
			out.and(gb)
		}
	}
	return out, true
}

// titleCandidates returns, as a bit set of article IDs, the articles whose
// titles have the words of the groups of needs that only titles can meet
// (an article's text is its body, which has no word index); ok is false
// when no group is of that kind.
func (s *snapshot) titleCandidates(groups [][]dossier.TextNeed) (bitset, bool) {
	if s.bigArticles {
		return nil, false
	}
	var out bitset
	ok := false
	for _, g := range groups {
		if slices.ContainsFunc(g, func(need dossier.TextNeed) bool { return need.Fields&dossier.InText != 0 }) {
			continue // a body may hold the words
		}
		gb := newBitset(int(s.twords.maxID) + 1)
		for _, need := range g {
			if need.Fields&dossier.InTitle != 0 {
				gb.or(s.twords.bitsOf(need.Words, len(gb)*64))
			}
			// An article has no note: a note: need is never met.
		}
		if !ok {
			out, ok = gb, true
		} else {
			out.and(gb)
		}
	}
	return out, ok
}

func (s *snapshot) putLabel(k, v []byte) {
	if tags, err := decodeLabels(v); err == nil {
		s.labels[string(k)] = tags
		if len(k) == 9 && k[0] == 'a' {
			s.artLabels[dossier.ArticleID(btoi(k[1:]))] = tags
		}
	}
}

// metaOf returns the article of a passage, or nil.
func (s *snapshot) metaOf(sp *spassage) *dossier.ArticleMeta {
	if m := sp.meta; m != nil && m.ID == sp.p.Article {
		return m
	}
	return s.metas[sp.p.Article]
}

// passagesTagged returns the passages that have tag or a tag under it.
func (s *snapshot) passagesTagged(tag string) []dossier.PassageID {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []dossier.PassageID
	for _, sp := range s.tagged([]string{tag}) {
		out = append(out, sp.p.ID)
	}
	return out
}

func (s *snapshot) usage(tag string) (passages, others int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	passages = len(s.tagged([]string{tag}))
	for _, tags := range s.labels {
		for _, t := range tags {
			if dossier.TagUnder(t, tag) {
				others++
				break
			}
		}
	}
	return passages, others
}

// tagCounts returns, by lower-case tag path, how many items carry the tag
// and how many carry it or a tag under it.
func (s *snapshot) tagCounts() (own, total map[string]int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	own, total = map[string]int{}, map[string]int{}
	var seen []string
	count := func(tags []string) {
		seen = seen[:0]
		for _, t := range tags {
			k := strings.ToLower(t)
			own[k]++
			for {
				dup := false
				for _, x := range seen {
					if x == k {
						dup = true
						break
					}
				}
				if !dup {
					seen = append(seen, k)
					total[k]++
				}
				i := strings.LastIndexByte(k, '/')
				if i < 0 {
					break
				}
				k = k[:i]
			}
		}
	}
	for _, sp := range s.ps {
		count(sp.p.Tags)
	}
	for _, tags := range s.labels {
		count(tags)
	}
	return own, total
}

// articleTags appends to buf the tags of an article, its own and its
// passages', repeats and all (a Query does not mind). The caller holds the
// read lock.
func (s *snapshot) articleTags(buf []string, id dossier.ArticleID) []string {
	for _, sp := range s.byArticle[id] {
		buf = append(buf, sp.p.Tags...)
	}
	return append(buf, s.artLabels[id]...)
}

// articleCandidates returns the articles a query can match: with a tag of
// its most selective required group (on a passage or the article), or all.
func (s *snapshot) articleCandidates(q *dossier.Query) []*dossier.ArticleMeta {
	var best []*dossier.ArticleMeta
	bestN := len(s.metas) + 1
	for _, g := range q.RequiredTags() {
		var seen []uint64 // a bit per article ID
		var c []*dossier.ArticleMeta
		add := func(id dossier.ArticleID) {
			w := int(id / 64)
			if w >= len(seen) {
				seen = append(seen, make([]uint64, max(w+1, 2*len(seen))-len(seen))...)
			}
			if seen[w]&(1<<(id%64)) != 0 {
				return
			}
			seen[w] |= 1 << (id % 64)
			if m := s.metas[id]; m != nil {
				c = append(c, m)
			}
		}
		for _, sp := range s.tagged(g) {
			add(sp.p.Article)
		}
		for k, tags := range s.labels {
			if len(k) == 9 && k[0] == 'a' && slices.ContainsFunc(tags, func(t string) bool {
				return slices.ContainsFunc(g, func(x string) bool { return dossier.TagUnder(t, x) })
			}) {
				add(dossier.ArticleID(btoi([]byte(k[1:]))))
			}
		}
		if len(c) < bestN {
			best, bestN = c, len(c)
		}
	}
	if bestN <= len(s.metas) {
		return best
	}
	all := make([]*dossier.ArticleMeta, 0, len(s.metas))
	for _, m := range s.metas {
		all = append(all, m)
	}
	return all
}

// parallel calls fn for the items [lo, hi) of n in chunks spread over the
// cores, and returns what each chunk returned, in order.
func parallel[T any](n int, fn func(lo, hi int) []T) []T {
	workers := runtime.GOMAXPROCS(0)
	if n < 4096 || workers == 1 {
		return fn(0, n)
	}
	chunks := workers * 4
	size := (n + chunks - 1) / chunks
	parts := make([][]T, chunks)
	var wg sync.WaitGroup
	next := make(chan int, chunks)
	for c := 0; c < chunks; c++ {
		next <- c
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				lo := c * size
				parts[c] = fn(lo, min(n, lo+size))
			}
		}()
	}
	wg.Wait()
	var out []T
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

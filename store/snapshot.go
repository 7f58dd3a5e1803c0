package store

import (
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
}

type spassage struct {
	p    dossier.Passage
	meta *dossier.ArticleMeta // its article's; ID 0 when that was deleted
	slot int                  // its index in ps
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
	err := n.db.View(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
			s.putMeta(k, v)
			return nil
		})
		if err != nil {
			return err
		}
		s.ps = make([]*spassage, 0, tx.Bucket(bucketPassagesByArticle).Stats().KeyN)
		err = tx.Bucket(bucketPassages).ForEach(func(k, v []byte) error {
			s.putPassage(k, v)
			return nil
		})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketLabels).ForEach(func(k, v []byte) error {
			s.putLabel(k, v)
			return nil
		})
	})
	if err != nil {
		return dossier.Wrap(err, dossier.EINTERNAL, "cannot read the notebook")
	}
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
		*old = m
		return
	}
	s.metas[id] = &m
}

func (s *snapshot) putPassage(k, v []byte) {
	id := dossier.PassageID(btoi(k))
	p, err := decodePassage(id, v)
	if err != nil {
		return
	}
	sp := &spassage{p: p, meta: s.metas[p.Article]}
	if i, ok := s.psIdx[id]; ok {
		s.unindex(s.ps[i])
		sp.slot = i
		s.ps[i] = sp
	} else {
		sp.slot = len(s.ps)
		s.psIdx[id] = sp.slot
		s.ps = append(s.ps, sp)
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
// its most selective required group, or all.
func (s *snapshot) candidates(q *dossier.Query) []*spassage {
	best := s.ps
	for _, g := range q.RequiredTags() {
		if c := s.tagged(g); len(c) < len(best) {
			best = c
		}
	}
	return best
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

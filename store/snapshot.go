package store

import (
	"runtime"
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
	mu     sync.RWMutex
	loaded bool
	metas  map[dossier.ArticleID]*dossier.ArticleMeta
	ps     []*spassage
	psIdx  map[dossier.PassageID]int
	labels map[string][]string // label key -> tags

	artTagsMu sync.Mutex
	artTags   map[dossier.ArticleID][]string // tags of articles' passages and of themselves; nil: to build
}

type spassage struct {
	p    dossier.Passage
	meta *dossier.ArticleMeta // its article's; ID 0 when that was deleted
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
	s.artTags = nil
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
			s.artTags = nil
			if c.val == nil {
				s.deletePassage(dossier.PassageID(btoi(c.key)))
			} else {
				s.putPassage(c.key, c.val)
			}
		case string(bucketLabels):
			s.artTags = nil
			if c.val == nil {
				delete(s.labels, string(c.key))
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
		s.ps[i] = sp
		return
	}
	s.psIdx[id] = len(s.ps)
	s.ps = append(s.ps, sp)
}

func (s *snapshot) deletePassage(id dossier.PassageID) {
	i, ok := s.psIdx[id]
	if !ok {
		return
	}
	last := len(s.ps) - 1
	s.ps[i] = s.ps[last]
	s.psIdx[s.ps[i].p.ID] = i
	s.ps[last] = nil
	s.ps = s.ps[:last]
	delete(s.psIdx, id)
}

func (s *snapshot) putLabel(k, v []byte) {
	if tags, err := decodeLabels(v); err == nil {
		s.labels[string(k)] = tags
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
	for _, sp := range s.ps {
		if sp.p.HasTag(tag) {
			out = append(out, sp.p.ID)
		}
	}
	return out
}

func (s *snapshot) usage(tag string) (passages, others int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, sp := range s.ps {
		if sp.p.HasTag(tag) {
			passages++
		}
	}
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

// articleTags returns the tags of each article: its own and its passages'.
// The caller holds the read lock; the map is built once per change.
func (s *snapshot) articleTags() map[dossier.ArticleID][]string {
	s.artTagsMu.Lock()
	at := s.artTags
	s.artTagsMu.Unlock()
	if at != nil {
		return at
	}
	at = map[dossier.ArticleID][]string{}
	for _, sp := range s.ps {
		at[sp.p.Article] = addTags(at[sp.p.Article], sp.p.Tags)
	}
	for k, tags := range s.labels {
		if len(k) == 9 && k[0] == 'a' {
			id := dossier.ArticleID(btoi([]byte(k[1:])))
			at[id] = addTags(at[id], tags)
		}
	}
	// Built under the read lock by whichever query comes first; a race
	// between two builds stores equal maps.
	s.artTagsMu.Lock()
	s.artTags = at
	s.artTagsMu.Unlock()
	return at
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

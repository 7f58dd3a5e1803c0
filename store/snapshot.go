package store

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// snapshot holds in memory the compact records that queries read: every
// article's metadata, every passage, and the tags of whole articles and
// quotes. It is loaded on the first query and follows every write after
// that (the notebook is the only writer of its file), so a query over
// 100,000 articles and 500,000 passages reads no disk.
//
// Passages are kept flat, for the garbage collector's sake: a record
// without pointers a passage (prec), their strings in an arena of large
// byte chunks, their tags as the number of a set of tags shared by every
// passage that has the same tags. The collector then has almost nothing to
// scan in half a million passages, and a query hands out strings that
// point into the arena instead of copies.
type snapshot struct {
	mu        sync.RWMutex
	loaded    bool
	metas     map[dossier.ArticleID]*dossier.ArticleMeta
	labels    map[string][]string            // label key -> tags
	artLabels map[dossier.ArticleID][]string // the 'a' labels again, by article

	// Articles by a dense number (art), which never changes while the
	// snapshot lives: passages name their article by it, the title index
	// lists it. arts holds the current metadata, nil while the article is
	// deleted.
	artNum map[dossier.ArticleID]uint32
	artIDs []dossier.ArticleID
	arts   []*dossier.ArticleMeta

	// Passages by doc number. A passage keeps its doc while it keeps its
	// place in query order (article, start, ID); one that moves, or is
	// new, takes the next doc. Docs below sorted were loaded in query
	// order; the later ones are in the order they came.
	recs   []prec
	docArt []uint32 // recs[d].art again, packed: a query reads it for every doc
	alive  bitset   // the docs of passages that exist
	byID   map[dossier.PassageID]uint32
	sorted uint32
	text   arena

	tags tagTable

	// The body hashes of passages, each once: the passages of an article
	// mostly share its hash.
	hashes  []dossier.Hash
	hashNum map[dossier.Hash]uint32

	// Indexes: docs by lower-case tag, docs by article, and the words of
	// passages' text and notes by doc, and of titles by art.
	byTag     map[string][]uint32
	byArticle map[dossier.ArticleID][]uint32
	pwords    wordIndex
	nwords    wordIndex
	twords    wordIndex

	facts factCache // the quotes and figures of articles (query.go)
}

// prec is a passage as the snapshot keeps it: no pointers.
type prec struct {
	id         dossier.PassageID // 0: deleted
	article    dossier.ArticleID
	start, end uint32
	art        uint32 // its article's number
	tags       uint32 // its set of tags (tagTable)
	ctx        aref   // Prefix, Text and Suffix, in a row
	plen, tlen uint32 // the byte lengths of Prefix and Text in ctx
	note       aref
	created    int64 // Unix nanoseconds, as stored
	modified   int64
	hash       uint32 // the number of its BodyHash in hashes
	orphan     bool
}

// passage returns the passage of rec; its strings point into the arena and
// its Tags are the snapshot's.
func (s *snapshot) passage(rec *prec) dossier.Passage {
	ctx := s.text.str(rec.ctx)
	return dossier.Passage{
		ID: rec.id, Article: rec.article, Start: int(rec.start), End: int(rec.end),
		Prefix: ctx[:rec.plen], Text: ctx[rec.plen : rec.plen+rec.tlen], Suffix: ctx[rec.plen+rec.tlen:],
		BodyHash: s.hashes[rec.hash], Tags: s.tags.sets[rec.tags].names, Note: s.text.str(rec.note), Orphan: rec.orphan,
		Created: time.Unix(0, rec.created).UTC(), Modified: time.Unix(0, rec.modified).UTC(),
	}
}

// textOf returns the text and note of rec.
func (s *snapshot) textOf(rec *prec) (text, note string) {
	return s.text.str(rec.ctx)[rec.plen : rec.plen+rec.tlen], s.text.str(rec.note)
}

// arena keeps strings in chunks of bytes that are only ever appended to, so
// a string handed out over its bytes never changes. What a deleted passage
// held stays until the snapshot is loaded again.
type arena struct{ chunks [][]byte }

// aref is a string in the arena.
type aref struct{ chunk, off, n uint32 }

const arenaChunk = 1 << 20

func (a *arena) put(parts ...string) aref {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n == 0 {
		return aref{}
	}
	last := len(a.chunks) - 1
	if last < 0 || len(a.chunks[last])+n > cap(a.chunks[last]) {
		a.chunks = append(a.chunks, make([]byte, 0, max(arenaChunk, n)))
		last++
	}
	c := a.chunks[last]
	ref := aref{chunk: uint32(last), off: uint32(len(c)), n: uint32(n)}
	for _, p := range parts {
		c = append(c, p...)
	}
	a.chunks[last] = c
	return ref
}

func (a *arena) str(r aref) string {
	if r.n == 0 {
		return ""
	}
	return unsafe.String(&a.chunks[r.chunk][r.off], int(r.n))
}

// tagTable numbers the sets of tags that passages have, each spelled as a
// passage has it, so that passages with the same tags share one slice.
type tagTable struct {
	sets  []tagSet
	byKey map[string]uint32
}

type tagSet struct {
	names []string // as stored; nil for none
	lower []string // lower case, for the tag index
	uses  int
}

// number returns the number of the set tags, adding it if it is new.
func (t *tagTable) number(tags []string) uint32 {
	key := strings.Join(tags, "\x00")
	if i, ok := t.byKey[key]; ok {
		return i
	}
	i := uint32(len(t.sets))
	set := tagSet{}
	if len(tags) > 0 {
		set.names = slices.Clip(slices.Clone(tags))
		for _, tag := range tags {
			set.lower = append(set.lower, strings.ToLower(tag))
		}
	}
	t.sets = append(t.sets, set)
	t.byKey[key] = i
	return i
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
	s.metas, s.labels = map[dossier.ArticleID]*dossier.ArticleMeta{}, map[string][]string{}
	s.artLabels, s.artNum = map[dossier.ArticleID][]string{}, map[dossier.ArticleID]uint32{}
	s.artIDs, s.arts = nil, nil
	s.recs, s.docArt, s.alive, s.sorted, s.text = nil, nil, nil, 0, arena{}
	s.byID, s.tags = map[dossier.PassageID]uint32{}, tagTable{byKey: map[string]uint32{}}
	s.hashes, s.hashNum = nil, map[dossier.Hash]uint32{}
	s.byTag, s.byArticle = map[string][]uint32{}, map[dossier.ArticleID][]uint32{}
	s.pwords, s.nwords, s.twords = newWordIndex(), newWordIndex(), newWordIndex()
	s.tags.number(nil) // set 0: no tags
	s.pwords.sorted, s.nwords.sorted, s.twords.sorted = false, false, false
	err := n.db.View(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
			s.putMeta(k, v)
			return nil
		})
		if err != nil {
			return err
		}
		// In the order queries return them, so that the doc numbers (and
		// so the lists of the indexes) are in that order: a query then
		// seldom sorts.
		count := tx.Bucket(bucketPassagesByArticle).Stats().KeyN
		all := make([]dossier.Passage, 0, count)
		err = tx.Bucket(bucketPassages).ForEach(func(k, v []byte) error {
			if p, err := decodePassage(dossier.PassageID(btoi(k)), v); err == nil {
				all = append(all, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		slices.SortFunc(all, func(a, b dossier.Passage) int { return comparePassages(&a, &b) })
		s.recs = make([]prec, 0, len(all))
		s.docArt = make([]uint32, 0, len(all))
		for i := range all {
			s.addPassage(&all[i])
			all[i] = dossier.Passage{} // let the collector have it
		}
		s.sorted = uint32(len(s.recs))
		return tx.Bucket(bucketLabels).ForEach(func(k, v []byte) error {
			s.putLabel(k, v)
			return nil
		})
	})
	if err != nil {
		return dossier.Wrap(err, dossier.EINTERNAL, "cannot read the notebook")
	}
	s.pwords.finishLoad()
	s.nwords.finishLoad()
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
					s.arts[s.artNum[id]] = nil
					delete(s.metas, id)
				}
			} else {
				s.putMeta(c.key, c.val)
			}
		case string(bucketPassages):
			id := dossier.PassageID(btoi(c.key))
			if c.val == nil {
				s.deletePassage(id)
			} else if p, err := decodePassage(id, c.val); err == nil {
				s.addPassage(&p)
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

// hashNumber returns the number of h in hashes, adding it if it is new.
func (s *snapshot) hashNumber(h dossier.Hash) uint32 {
	if i, ok := s.hashNum[h]; ok {
		return i
	}
	i := uint32(len(s.hashes))
	s.hashes = append(s.hashes, h)
	s.hashNum[h] = i
	return i
}

// number returns the art of an article, numbering it if it is new.
func (s *snapshot) number(id dossier.ArticleID) uint32 {
	if a, ok := s.artNum[id]; ok {
		return a
	}
	a := uint32(len(s.arts))
	s.artNum[id] = a
	s.artIDs = append(s.artIDs, id)
	s.arts = append(s.arts, nil)
	return a
}

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
	s.arts[s.number(id)] = &m
	s.indexTitle(&m, true)
}

// indexTitle adds the words of an article's title to the title index, or
// takes them out.
func (s *snapshot) indexTitle(m *dossier.ArticleMeta, add bool) {
	a := s.number(m.ID)
	dossier.EachWord(m.Title, func(w []byte) {
		if add {
			s.twords.add(w, a)
		} else {
			s.twords.remove(w, a)
		}
	})
}

// indexWords adds the words of a passage's text and note to the word
// indexes, or takes them out.
func (s *snapshot) indexWords(doc uint32, text, note string, add bool) {
	for i, t := range [2]string{text, note} {
		x := &s.pwords
		if i == 1 {
			x = &s.nwords
		}
		dossier.EachWord(t, func(w []byte) {
			if add {
				x.add(w, doc)
			} else {
				x.remove(w, doc)
			}
		})
	}
}

// addPassage puts p in the snapshot, in place of the passage with its ID.
func (s *snapshot) addPassage(p *dossier.Passage) {
	rec := prec{
		id: p.ID, article: p.Article, start: uint32(p.Start), end: uint32(p.End), art: s.number(p.Article),
		tags: s.tags.number(p.Tags), plen: uint32(len(p.Prefix)), tlen: uint32(len(p.Text)),
		created: p.Created.UnixNano(), modified: p.Modified.UnixNano(), hash: s.hashNumber(p.BodyHash), orphan: p.Orphan,
	}
	doc, ok := s.byID[p.ID]
	if ok {
		old := &s.recs[doc]
		if old.article == rec.article && old.start == rec.start {
			// Its place in query order stays: so does its doc.
			oldText, oldNote := s.textOf(old)
			rec.ctx, rec.note = old.ctx, old.note
			if s.text.str(old.ctx) != p.Prefix+p.Text+p.Suffix || old.plen != rec.plen {
				rec.ctx = s.text.put(p.Prefix, p.Text, p.Suffix)
			}
			if oldNote != p.Note {
				rec.note = s.text.put(p.Note)
			}
			if oldText != p.Text || oldNote != p.Note {
				s.indexWords(doc, oldText, oldNote, false)
				s.indexWords(doc, p.Text, p.Note, true)
			}
			if old.tags != rec.tags {
				s.untag(doc, old.tags)
				s.tag(doc, rec.tags)
			}
			*old = rec
			return
		}
		s.deletePassage(p.ID)
	}
	rec.ctx = s.text.put(p.Prefix, p.Text, p.Suffix)
	rec.note = s.text.put(p.Note)
	doc = uint32(len(s.recs))
	s.recs = append(s.recs, rec)
	s.docArt = append(s.docArt, rec.art)
	s.alive = s.alive.grow(len(s.recs))
	s.alive.set(doc)
	s.byID[p.ID] = doc
	s.indexWords(doc, p.Text, p.Note, true)
	s.tag(doc, rec.tags)
	s.byArticle[p.Article] = append(s.byArticle[p.Article], doc)
}

func (s *snapshot) deletePassage(id dossier.PassageID) {
	doc, ok := s.byID[id]
	if !ok {
		return
	}
	rec := &s.recs[doc]
	text, note := s.textOf(rec)
	s.indexWords(doc, text, note, false)
	s.untag(doc, rec.tags)
	if l := dropDoc(s.byArticle[rec.article], doc); len(l) > 0 {
		s.byArticle[rec.article] = l
	} else {
		delete(s.byArticle, rec.article)
	}
	s.alive.clear(doc)
	delete(s.byID, id)
	*rec = prec{art: rec.art}
}

func dropDoc(list []uint32, doc uint32) []uint32 {
	if i := slices.Index(list, doc); i >= 0 {
		return slices.Delete(list, i, i+1)
	}
	return list
}

// tag puts doc in the lists of the tags of set; untag takes it out.
func (s *snapshot) tag(doc, set uint32) {
	s.tags.sets[set].uses++
	for _, k := range s.tags.sets[set].lower {
		s.byTag[k] = insertSorted(s.byTag[k], doc)
	}
}

func (s *snapshot) untag(doc, set uint32) {
	s.tags.sets[set].uses--
	for _, k := range s.tags.sets[set].lower {
		l := s.byTag[k]
		if i, ok := slices.BinarySearch(l, doc); ok {
			l = slices.Delete(l, i, i+1)
		}
		if len(l) > 0 {
			s.byTag[k] = l
		} else {
			delete(s.byTag, k)
		}
	}
}

func insertSorted(l []uint32, x uint32) []uint32 {
	if n := len(l); n == 0 || l[n-1] < x {
		return append(l, x)
	}
	if i, found := slices.BinarySearch(l, x); !found {
		return slices.Insert(l, i, x)
	}
	return l
}

// tagged returns the docs of the passages that have a tag equal to or
// under one of tags; the caller holds the read lock.
func (s *snapshot) tagged(tags []string) bitset {
	out := newBitset(len(s.recs))
	for k, l := range s.byTag {
		for _, t := range tags {
			if dossier.TagUnder(k, t) {
				for _, d := range l {
					out.set(d)
				}
				break
			}
		}
	}
	return out
}

func (s *snapshot) putLabel(k, v []byte) {
	if tags, err := decodeLabels(v); err == nil {
		s.labels[string(k)] = tags
		if len(k) == 9 && k[0] == 'a' {
			s.artLabels[dossier.ArticleID(btoi(k[1:]))] = tags
		}
	}
}

// metaOf returns the article of a doc, or nil.
func (s *snapshot) metaOf(doc uint32) *dossier.ArticleMeta {
	return s.arts[s.docArt[doc]]
}

// passagesTagged returns the passages that have tag or a tag under it.
func (s *snapshot) passagesTagged(tag string) []dossier.PassageID {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []dossier.PassageID
	s.tagged([]string{tag}).each(func(d uint32) { out = append(out, s.recs[d].id) })
	return out
}

func (s *snapshot) usage(tag string) (passages, others int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	passages = s.tagged([]string{tag}).count()
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
	count := func(tags []string, times int) {
		seen = seen[:0]
		for _, t := range tags {
			k := strings.ToLower(t)
			own[k] += times
			for {
				if !slices.Contains(seen, k) {
					seen = append(seen, k)
					total[k] += times
				}
				i := strings.LastIndexByte(k, '/')
				if i < 0 {
					break
				}
				k = k[:i]
			}
		}
	}
	for _, set := range s.tags.sets {
		if set.uses > 0 {
			count(set.names, set.uses)
		}
	}
	for _, tags := range s.labels {
		count(tags, 1)
	}
	return own, total
}

// articleTags appends to buf the tags of an article, its own and its
// passages', repeats and all (a Query does not mind). The caller holds the
// read lock.
func (s *snapshot) articleTags(buf []string, id dossier.ArticleID) []string {
	for _, d := range s.byArticle[id] {
		buf = append(buf, s.tags.sets[s.recs[d].tags].names...)
	}
	return append(buf, s.artLabels[id]...)
}

// articleCandidates returns the articles a query can match: with a tag of
// its most selective required group (on a passage or the article), or all.
func (s *snapshot) articleCandidates(q *dossier.Query) []*dossier.ArticleMeta {
	var best []*dossier.ArticleMeta
	bestN := len(s.metas) + 1
	for _, g := range q.RequiredTags() {
		seen := newBitset(len(s.arts))
		var c []*dossier.ArticleMeta
		add := func(a uint32) {
			if !seen.has(a) {
				seen.set(a)
				if m := s.arts[a]; m != nil {
					c = append(c, m)
				}
			}
		}
		s.tagged(g).each(func(d uint32) { add(s.docArt[d]) })
		for id, tags := range s.artLabels {
			if slices.ContainsFunc(tags, func(t string) bool {
				return slices.ContainsFunc(g, func(x string) bool { return dossier.TagUnder(t, x) })
			}) {
				if a, ok := s.artNum[id]; ok {
					add(a)
				}
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
	for _, m := range s.arts {
		if m != nil {
			all = append(all, m)
		}
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

package store

import (
	"hash/maphash"
	"slices"
	"sync"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// Queries: the one query language (dossier.Query) over articles, passages,
// quotes and figures. Articles and passages are matched in memory, over the
// snapshot, spread over the cores; only the fields a query reads are filled
// in beyond what the snapshot holds (bodies for text:, quotes for speaker:).

// needsFlags reports whether q tests has:quote or has:figure, which read
// what the snapshot does not hold.
func needsFlags(q *dossier.Query) bool {
	return q.ReadsFlags(dossier.FlagQuotes | dossier.FlagFigures)
}

// articleFacts is what the snapshot does not hold of articles, read when a
// query needs it.
type articleFacts struct {
	quotes   map[dossier.ArticleID][]dossier.Quote
	figures  map[dossier.ArticleID]bool
	speakers map[dossier.ArticleID][]string
}

// factCache keeps the facts that the last query to need them read, with
// the transaction it read them in and a hash of each article's stored
// quotes: the next query reads the buckets again only when a write has
// committed since, and decodes only the quotes that changed. (Extraction
// writes quotes straight into the bucket, so the snapshot cannot follow
// them change by change.) Facts handed out are never changed.
type factCache struct {
	mu    sync.Mutex
	txid  int
	seed  maphash.Seed
	sums  map[dossier.ArticleID]uint64
	facts *articleFacts
}

func (n *Notebook) factsFor(q *dossier.Query) (*articleFacts, error) {
	if !q.Uses("speakers") && !needsFlags(q) {
		return &articleFacts{}, nil
	}
	c := &n.ws.snap.facts
	c.mu.Lock()
	defer c.mu.Unlock()
	var out *articleFacts
	err := n.db.View(func(tx *bolt.Tx) error {
		if c.facts != nil && c.txid == tx.ID() {
			out = c.facts
			return nil
		}
		if c.facts == nil {
			c.seed = maphash.MakeSeed()
		}
		old := c.facts
		f := &articleFacts{
			quotes:   make(map[dossier.ArticleID][]dossier.Quote, len(c.sums)),
			figures:  map[dossier.ArticleID]bool{},
			speakers: make(map[dossier.ArticleID][]string, len(c.sums)),
		}
		sums := make(map[dossier.ArticleID]uint64, len(c.sums))
		cur := tx.Bucket(bucketFigures).Cursor()
		for k, _ := cur.First(); k != nil; k, _ = cur.Next() {
			f.figures[dossier.ArticleID(btoi(k))] = true
		}
		err := tx.Bucket(bucketQuotes).ForEach(func(k, v []byte) error {
			id := dossier.ArticleID(btoi(k))
			h := maphash.Bytes(c.seed, v)
			sums[id] = h
			if was, ok := c.sums[id]; ok && was == h && old != nil {
				f.quotes[id], f.speakers[id] = old.quotes[id], old.speakers[id]
				return nil
			}
			qs, err := decodeQuotes(id, v)
			if err != nil {
				return err
			}
			f.quotes[id] = qs
			for _, q := range qs {
				if q.Speaker != "" && !slices.Contains(f.speakers[id], q.Speaker) {
					f.speakers[id] = append(f.speakers[id], q.Speaker)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		c.facts, c.sums, c.txid, out = f, sums, tx.ID(), f
		return nil
	})
	return out, internal(err, "cannot read the quotes")
}

// Passages returns the passages that match q (nil matches all), orphans
// included, by article and position. Their strings and Tags are shared
// with the notebook's snapshot, which never changes them: copy Tags before
// changing them. Its cost is set operations over the indexes in memory
// (tags, words), Match over what they cannot decide, and the copies of
// the passages found: a list that shows a few rows at a time needs only
// PassageIDs.
func (n *Notebook) Passages(q *dossier.Query) ([]dossier.Passage, error) {
	var out []dossier.Passage
	err := n.passagesMatching(q, func(s *snapshot, found []uint32) {
		out = make([]dossier.Passage, len(found))
		for i, d := range found {
			out[i] = s.passage(&s.recs[d])
		}
	})
	return out, err
}

// PassageIDs returns the IDs of the passages that match q, in the order of
// Passages, for a list that shows a few rows at a time (see Passage): it
// copies no passage.
func (n *Notebook) PassageIDs(q *dossier.Query) ([]dossier.PassageID, error) {
	var out []dossier.PassageID
	err := n.passagesMatching(q, func(s *snapshot, found []uint32) {
		out = make([]dossier.PassageID, len(found))
		for i, d := range found {
			out[i] = s.recs[d].id
		}
	})
	return out, err
}

// passagesMatching calls fn, under the snapshot's read lock, with the docs
// of the passages that match q, in query order.
func (n *Notebook) passagesMatching(q *dossier.Query, fn func(*snapshot, []uint32)) error {
	if err := n.ensureSnapshot(); err != nil {
		return err
	}
	facts, err := n.factsFor(q)
	if err != nil {
		return err
	}
	s := &n.ws.snap
	s.mu.RLock()
	defer s.mu.RUnlock()
	found := s.alive
	if root, ok := q.Root(); ok {
		e := &evaluator{s: s, facts: facts}
		found = e.eval(root, s.alive.clone())
	}
	fn(s, s.inOrder(found))
	return nil
}

// inOrder returns the docs of set in query order (see comparePassages):
// the loaded ones are in that order already; those added since are sorted
// and merged in.
func (s *snapshot) inOrder(set bitset) []uint32 {
	docs := set.list()
	i, _ := slices.BinarySearch(docs, s.sorted)
	if i == len(docs) {
		return docs
	}
	cmp := func(a, b uint32) int {
		ra, rb := &s.recs[a], &s.recs[b]
		switch {
		case ra.article != rb.article:
			return cmpInt(uint64(ra.article), uint64(rb.article))
		case ra.start != rb.start:
			return cmpInt(uint64(ra.start), uint64(rb.start))
		}
		return cmpInt(uint64(ra.id), uint64(rb.id))
	}
	tail := slices.Clone(docs[i:])
	slices.SortFunc(tail, cmp)
	head := docs[:i]
	out := make([]uint32, 0, len(docs))
	for len(head) > 0 && len(tail) > 0 {
		if cmp(head[0], tail[0]) <= 0 {
			out, head = append(out, head[0]), head[1:]
		} else {
			out, tail = append(out, tail[0]), tail[1:]
		}
	}
	out = append(out, head...)
	return append(out, tail...)
}

// evaluator works out which passages match a query with set operations
// over the snapshot's indexes, bottom up: a tag: term or a whole word is
// its list in an index; a phrase, the passages that have all its words,
// matched one by one; a term on an article's fields, matched once an
// article; anything else, Match on each passage still in question. An AND
// hands on to each kid only what the kids before kept, so that the
// cheapest and most selective kids narrow what the others read.
type evaluator struct {
	s     *snapshot
	facts *articleFacts

	// article, when set, makes the evaluator one of articles, by art
	// rather than doc: it returns an article's record, tags and facts in,
	// with buf for the tags.
	article func(m *dossier.ArticleMeta, buf []string) dossier.Record
}

// articleFields are the Record fields that a passage takes from its
// article.
var articleFields = []string{"title", "outlet", "author", "url", "file", "date", "article"}

// eval returns the docs of within that match n. It may change within and
// return it.
func (e *evaluator) eval(n dossier.QueryNode, within bitset) bitset {
	switch n.Op() {
	case dossier.OpAnd:
		kids := n.Kids()
		slices.SortStableFunc(kids, func(a, b dossier.QueryNode) int { return e.cost(a) - e.cost(b) })
		for _, k := range kids {
			if within.empty() {
				break
			}
			within = e.eval(k, within)
		}
		return within
	case dossier.OpOr:
		out := newBitset(len(within) * 64)
		for _, k := range n.Kids() {
			if within.empty() {
				break
			}
			got := e.eval(k, within.clone())
			out.or(got)
			within.andNot(got)
		}
		return out
	case dossier.OpNot:
		within.andNot(e.eval(n.Kids()[0], within.clone()))
		return within
	}
	return e.term(n, within)
}

// cost ranks what n costs to evaluate: what an index decides, what is
// matched once an article, what is matched passage by passage.
func (e *evaluator) cost(n dossier.QueryNode) int {
	switch n.Op() {
	case dossier.OpTerm:
		if _, ok := n.Tag(); ok {
			return 0
		}
		if need, ok := n.Text(); ok {
			if need.Whole {
				return 0
			}
			return 2
		}
		if n.Reads(articleFields...) {
			return 1
		}
		return 3
	case dossier.OpNot:
		return e.cost(n.Kids()[0])
	}
	c := 0
	for _, k := range n.Kids() {
		c = max(c, e.cost(k))
	}
	return c
}

func (e *evaluator) term(n dossier.QueryNode, within bitset) bitset {
	if e.article != nil {
		return e.articleTerm(n, within)
	}
	if tag, ok := n.Tag(); ok {
		within.and(e.s.tagged([]string{tag}))
		return within
	}
	if need, ok := n.Text(); ok {
		within.and(e.s.wordDocs(need, within))
		if need.Whole {
			return within
		}
	}
	if n.Reads(articleFields...) {
		return e.byArticle(n, within)
	}
	if n.Reads("speakers") && e.facts.speakers != nil {
		// A passage's speakers are some of its article's: an article none
		// of whose speakers matches has no passage that matches.
		within = e.bySpeakers(n, within)
	}
	return e.filter(n, within)
}

// bySpeakers keeps the docs of within whose article has speakers that
// match n, as if all were in the passage.
func (e *evaluator) bySpeakers(n dossier.QueryNode, within bitset) bitset {
	return e.keepByArticle(n, within, func(a uint32) dossier.Record {
		return dossier.Record{Speakers: e.facts.speakers[e.s.artIDs[a]]}
	})
}

// articleTerm returns the arts of within whose articles match n: a tag:
// term is the articles of the passages that have the tag and those with
// the tag of their own; a title word is its list in the title index;
// anything else is matched article by article.
func (e *evaluator) articleTerm(n dossier.QueryNode, within bitset) bitset {
	s := e.s
	if tag, ok := n.Tag(); ok {
		set := newBitset(len(s.arts))
		s.tagged([]string{tag}).each(func(d uint32) { set.set(s.docArt[d]) })
		for id, tags := range s.artLabels {
			if a, ok := s.artNum[id]; ok && slices.ContainsFunc(tags, func(t string) bool { return dossier.TagUnder(t, tag) }) {
				set.set(a)
			}
		}
		within.and(set)
		return within
	}
	if need, ok := n.Text(); ok && need.Fields == dossier.InTitle {
		within.and(s.twords.docsWith(need.Words, within))
		if need.Whole {
			return within
		}
	}
	return keepParallel(within, func() func(a uint32) bool {
		var buf []string
		return func(a uint32) bool {
			r := e.article(s.arts[a], buf)
			buf = r.Tags
			return n.Match(&r)
		}
	})
}

// byArticle keeps the docs of within whose article matches n, matching
// each article once.
func (e *evaluator) byArticle(n dossier.QueryNode, within bitset) bitset {
	return e.keepByArticle(n, within, func(a uint32) dossier.Record {
		r := dossier.Record{Article: e.s.artIDs[a]}
		if m := e.s.arts[a]; m != nil {
			r = dossier.ArticleRecord(m)
		}
		return r
	})
}

// keepByArticle keeps the docs of within whose article's record matches n,
// building and matching each article's record once.
func (e *evaluator) keepByArticle(n dossier.QueryNode, within bitset, record func(a uint32) dossier.Record) bitset {
	s := e.s
	done, yes := newBitset(len(s.arts)), newBitset(len(s.arts))
	within.each(func(d uint32) {
		a := s.docArt[d]
		if !done.has(a) {
			done.set(a)
			r := record(a)
			if n.Match(&r) {
				yes.set(a)
			}
		}
		if !yes.has(a) {
			within.clear(d)
		}
	})
	return within
}

// filter keeps the docs of within that match n, matching each passage,
// spread over the cores.
func (e *evaluator) filter(n dossier.QueryNode, within bitset) bitset {
	return keepParallel(within, func() func(d uint32) bool {
		var r dossier.Record
		var spk []string
		return func(d uint32) bool {
			spk = e.record(d, &r, spk[:0])
			return n.Match(&r)
		}
	})
}

// keepParallel keeps the members of within that match, spread over the
// cores; matcher makes each worker its own match, with its own buffers.
func keepParallel(within bitset, matcher func() func(x uint32) bool) bitset {
	xs := within.list()
	drop := parallel(len(xs), func(lo, hi int) []uint32 {
		match := matcher()
		var out []uint32
		for _, x := range xs[lo:hi] {
			if !match(x) {
				out = append(out, x)
			}
		}
		return out
	})
	for _, x := range drop {
		within.clear(x)
	}
	return within
}

// record fills r with the fields of the passage of doc d, as
// dossier.PassageRecord does, and the speakers and quotes of its article
// that the query's facts hold; spk is a buffer for the speakers.
func (e *evaluator) record(d uint32, r *dossier.Record, spk []string) []string {
	s := e.s
	rec := &s.recs[d]
	*r = dossier.Record{Article: rec.article}
	if m := s.arts[rec.art]; m != nil {
		r.Title, r.Outlet, r.Author, r.URL, r.File, r.Date = m.Title, m.Outlet, m.Author, m.URL, m.File, m.Published
	}
	r.Text, r.Note = s.textOf(rec)
	r.Tags = s.tags.sets[rec.tags].names
	if rec.orphan {
		r.Flags |= dossier.FlagOrphan
	}
	if e.facts.quotes != nil && !rec.orphan {
		for _, qt := range e.facts.quotes[rec.article] {
			if qt.Start() < int(rec.end) && qt.End() > int(rec.start) {
				r.Flags |= dossier.FlagQuotes
				if qt.Speaker != "" {
					spk = append(spk, qt.Speaker)
				}
			}
		}
		r.Speakers = spk
	}
	return spk
}

// wordDocs returns the docs that have, in one of need's fields, every word
// of need: a superset of the docs that match the term, exactly them when
// need.Whole. Only the docs of within are sure to be told right.
func (s *snapshot) wordDocs(need dossier.TextNeed, within bitset) bitset {
	out := newBitset(len(s.recs))
	if need.Fields&dossier.InText != 0 {
		out.or(s.pwords.docsWith(need.Words, within))
	}
	if need.Fields&dossier.InNote != 0 {
		out.or(s.nwords.docsWith(need.Words, within))
	}
	if need.Fields&dossier.InTitle != 0 {
		arts := s.twords.docsWith(need.Words, nil)
		arts.each(func(a uint32) {
			for _, d := range s.byArticle[s.artIDs[a]] {
				out.set(d)
			}
		})
	}
	return out
}

// ArticlesMatching returns the metadata of the articles that match q (nil
// matches all), oldest first (see SortByDate). An article's tags are its
// own and its passages'. Only a query that reads text: (or bare words,
// which look in the text) decodes bodies.
func (n *Notebook) ArticlesMatching(q *dossier.Query) ([]dossier.ArticleMeta, error) {
	if err := n.ensureSnapshot(); err != nil {
		return nil, err
	}
	facts, err := n.factsFor(q)
	if err != nil {
		return nil, err
	}
	s := &n.ws.snap
	s.mu.RLock()
	metas := s.articleCandidates(q)
	if titled, ok := s.titleCandidates(q.RequiredText()); ok {
		metas = slices.DeleteFunc(metas, func(m *dossier.ArticleMeta) bool { return !titled.has(s.artNum[m.ID]) })
	}
	if dates, ok := q.Dates(); ok {
		metas = slices.DeleteFunc(slices.Clone(metas), func(m *dossier.ArticleMeta) bool { return !dates.Overlaps(m.Published) })
	}
	tags := q.Uses("tags")
	record := func(m *dossier.ArticleMeta, buf []string) dossier.Record {
		r := dossier.ArticleRecord(m)
		if tags {
			r.Tags = s.articleTags(buf[:0], m.ID)
		}
		if facts.quotes != nil {
			r.Speakers = facts.speakers[m.ID]
			if len(facts.quotes[m.ID]) > 0 {
				r.Flags |= dossier.FlagQuotes
			}
			if facts.figures[m.ID] {
				r.Flags |= dossier.FlagFigures
			}
		}
		return r
	}
	var found []*dossier.ArticleMeta
	if !q.Uses("text") {
		within := newBitset(len(s.arts))
		for _, m := range metas {
			within.set(s.artNum[m.ID])
		}
		if root, ok := q.Root(); ok {
			e := &evaluator{s: s, facts: facts, article: record}
			within = e.eval(root, within)
		}
		within.each(func(a uint32) { found = append(found, s.arts[a]) })
		defer s.mu.RUnlock()
	} else {
		recs := make([]dossier.Record, len(metas))
		for i, m := range metas {
			recs[i] = record(m, nil)
		}
		s.mu.RUnlock()
		err := n.db.View(func(tx *bolt.Tx) error {
			bodies := tx.Bucket(bucketBodies)
			raw := make([][]byte, len(recs))
			for i := range recs {
				raw[i] = bodies.Get(itob(uint64(recs[i].Article)))
			}
			found = parallel(len(recs), func(lo, hi int) []*dossier.ArticleMeta {
				var out []*dossier.ArticleMeta
				for i := lo; i < hi; i++ {
					body, err := decodeBody(raw[i])
					if err != nil {
						continue
					}
					recs[i].Text = body
					if q.Match(&recs[i]) {
						out = append(out, metas[i])
					}
					recs[i].Text = ""
				}
				return out
			})
			return nil
		})
		if err != nil {
			return nil, internal(err, "cannot read the articles")
		}
		// The snapshot may change now; the metas found are copied under
		// the lock below.
		s.mu.RLock()
		defer s.mu.RUnlock()
	}
	slices.SortFunc(found, dossier.CompareByDate)
	out := make([]dossier.ArticleMeta, len(found))
	for i, m := range found {
		out[i] = *m
	}
	return out, nil
}

// QuotesMatching returns the quotes that match q, article by article in ID
// order, each article's in text order. A quote's record has its article's
// title, outlet and date, and its own tags.
func (n *Notebook) QuotesMatching(q *dossier.Query) ([]dossier.Quote, error) {
	var out []dossier.Quote
	err := n.db.View(func(tx *bolt.Tx) error {
		labels := tx.Bucket(bucketLabels)
		return tx.Bucket(bucketQuotes).ForEach(func(k, v []byte) error {
			id := dossier.ArticleID(btoi(k))
			qs, err := decodeQuotes(id, v)
			if err != nil {
				return err
			}
			m, _ := metaByID(tx, id)
			for i := range qs {
				r := dossier.QuoteRecord(&qs[i])
				r.Title, r.Outlet, r.Author, r.URL, r.File, r.Date = m.Title, m.Outlet, m.Author, m.URL, m.File, m.Published
				if lv := labels.Get(labelKey('q', uint64(qs[i].ID))); lv != nil {
					r.Tags, _ = decodeLabels(lv)
				}
				if q.Match(&r) {
					out = append(out, qs[i])
				}
			}
			return nil
		})
	})
	return out, internal(err, "cannot read the quotes")
}

// FiguresMatching returns the reported figures that match q, article by
// article in ID order. A figure's record has its sentence as text, its
// claimant as speaker, and its article's title, outlet and date.
func (n *Notebook) FiguresMatching(q *dossier.Query) ([]dossier.Figure, error) {
	fs, err := n.Figures()
	if err != nil {
		return nil, err
	}
	var metas map[dossier.ArticleID]dossier.ArticleMeta
	if q.Uses("title") || q.Uses("outlet") || q.Uses("author") || q.Uses("url") || q.Uses("file") {
		ms, err := n.ArticleMetas()
		if err != nil {
			return nil, err
		}
		metas = make(map[dossier.ArticleID]dossier.ArticleMeta, len(ms))
		for _, m := range ms {
			metas[m.ID] = m
		}
	}
	out := fs[:0]
	for i := range fs {
		r := dossier.FigureRecord(&fs[i])
		if m, ok := metas[fs[i].Article]; ok {
			r.Title, r.Outlet, r.Author, r.URL, r.File = m.Title, m.Outlet, m.Author, m.URL, m.File
		}
		if q.Match(&r) {
			out = append(out, fs[i])
		}
	}
	return out, nil
}

// titleCandidates returns, as a bit set of arts, the articles whose titles
// have the words of the groups of needs that only titles can meet (an
// article's text is its body, which has no word index); ok is false when
// no group is of that kind.
func (s *snapshot) titleCandidates(groups [][]dossier.TextNeed) (bitset, bool) {
	var out bitset
	ok := false
	for _, g := range groups {
		if slices.ContainsFunc(g, func(need dossier.TextNeed) bool { return need.Fields&dossier.InText != 0 }) {
			continue // a body may hold the words
		}
		gb := newBitset(len(s.arts))
		for _, need := range g {
			if need.Fields&dossier.InTitle != 0 {
				gb.or(s.twords.docsWith(need.Words, nil))
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

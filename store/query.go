package store

import (
	"slices"

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

func (n *Notebook) factsFor(q *dossier.Query) (*articleFacts, error) {
	f := &articleFacts{}
	wantSpeakers, wantFlags := q.Uses("speakers"), needsFlags(q)
	if !wantSpeakers && !wantFlags {
		return f, nil
	}
	f.quotes = map[dossier.ArticleID][]dossier.Quote{}
	f.figures = map[dossier.ArticleID]bool{}
	f.speakers = map[dossier.ArticleID][]string{}
	err := n.db.View(func(tx *bolt.Tx) error {
		if wantFlags {
			c := tx.Bucket(bucketFigures).Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				f.figures[dossier.ArticleID(btoi(k))] = true
			}
		}
		return tx.Bucket(bucketQuotes).ForEach(func(k, v []byte) error {
			id := dossier.ArticleID(btoi(k))
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
	})
	return f, internal(err, "cannot read the quotes")
}

// Passages returns the passages that match q (nil matches all), orphans
// included, by article and position. Their Tags are shared with the
// notebook's snapshot: copy before changing them. Its cost is a look-up in
// the indexes in memory (tags, words) and a scan of what they leave; text,
// note and tags need no disk.
func (n *Notebook) Passages(q *dossier.Query) ([]dossier.Passage, error) {
	var out []dossier.Passage
	err := n.passagesMatching(q, func(found []*spassage) {
		out = make([]dossier.Passage, len(found))
		for i, sp := range found {
			out[i] = sp.p // Tags shared: the snapshot never changes a slice it handed out
		}
	})
	return out, err
}

// PassageIDs returns the IDs of the passages that match q, in the order of
// Passages, for a list that shows a few rows at a time (see Passage): it
// copies no passage.
func (n *Notebook) PassageIDs(q *dossier.Query) ([]dossier.PassageID, error) {
	var out []dossier.PassageID
	err := n.passagesMatching(q, func(found []*spassage) {
		out = make([]dossier.PassageID, len(found))
		for i, sp := range found {
			out[i] = sp.p.ID
		}
	})
	return out, err
}

// passagesMatching calls fn, under the snapshot's read lock, with the
// passages that match q, sorted.
func (n *Notebook) passagesMatching(q *dossier.Query, fn func([]*spassage)) error {
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
	cands, match, all := s.candidates(q)
	dates, dated := q.Dates()
	var found []*spassage
	if all {
		found = cands // a list of its own
	} else {
		found = parallel(len(cands), func(lo, hi int) []*spassage {
			var out []*spassage
			var r dossier.Record
			for _, sp := range cands[lo:hi] {
				m := s.metaOf(sp)
				if dated && (m == nil || !dates.Overlaps(m.Published)) {
					continue // what the query's dates rule out, cheaply
				}
				r = dossier.PassageRecord(&sp.p, m)
				if facts.quotes != nil {
					for _, qt := range facts.quotes[sp.p.Article] {
						if qt.Start() < sp.p.End && qt.End() > sp.p.Start && !sp.p.Orphan {
							r.Flags |= dossier.FlagQuotes
							if qt.Speaker != "" {
								r.Speakers = append(r.Speakers, qt.Speaker)
							}
						}
					}
				}
				if match.Match(&r) {
					out = append(out, sp)
				}
			}
			return out
		})
	}
	sortFound(found)
	fn(found)
	return nil
}

// sortFound sorts passages as comparePassages does. They are often sorted
// already: doc numbers follow that order (see ensureSnapshot).
func sortFound(found []*spassage) {
	less := func(a, b *spassage) bool { return comparePassages(&a.p, &b.p) < 0 }
	sorted := true
	for i := 1; i < len(found) && sorted; i++ {
		sorted = !less(found[i], found[i-1])
	}
	if sorted {
		return
	}
	keys := make([]pkey, len(found))
	for i, sp := range found {
		keys[i] = pkey{uint64(sp.p.Article), sp.p.Start, uint64(sp.p.ID), sp}
	}
	slices.SortFunc(keys, comparePKeys)
	for i := range keys {
		found[i] = keys[i].sp
	}
}

// pkey is what passages sort by (see comparePassages), next to the passage:
// sorting keys side by side is quicker than following pointers.
type pkey struct {
	article uint64
	start   int
	id      uint64
	sp      *spassage
}

func comparePKeys(a, b pkey) int {
	switch {
	case a.article != b.article:
		return cmpInt(a.article, b.article)
	case a.start != b.start:
		return a.start - b.start
	}
	return cmpInt(a.id, b.id)
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
		metas = slices.DeleteFunc(metas, func(m *dossier.ArticleMeta) bool { return !titled.has(uint32(m.ID)) })
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
		found = parallel(len(metas), func(lo, hi int) []*dossier.ArticleMeta {
			var out []*dossier.ArticleMeta
			var buf []string
			for _, m := range metas[lo:hi] {
				r := record(m, buf)
				buf = r.Tags
				if q.Match(&r) {
					out = append(out, m)
				}
			}
			return out
		})
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
	slices.SortFunc(found, byDate)
	out := make([]dossier.ArticleMeta, len(found))
	for i, m := range found {
		out[i] = *m
	}
	return out, nil
}

// byDate orders articles as SortByDate does: by date, undated last, then ID.
func byDate(a, b *dossier.ArticleMeta) int {
	da, db := a.Published, b.Published
	if da.IsZero() != db.IsZero() {
		if db.IsZero() {
			return -1
		}
		return 1
	}
	if c := da.Time.Compare(db.Time); c != 0 {
		return c
	}
	return cmpInt(uint64(a.ID), uint64(b.ID))
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

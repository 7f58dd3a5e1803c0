package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"dossier"
	"dossier/extract"
	"dossier/search"
	"dossier/store"
)

func init() {
	register(command{"search", "[--json] [--kind KIND] [--limit N] QUERY", "fuzzy search of titles, quotes, speakers, passages, notes, tags and outlets", runSearch})
	register(command{"find", "[--json] [--query Q] [--limit N] [--reindex] QUERY", "full-text search of the articles' text: words and \"phrases\"", runFind})
}

// indexBodies is the notebook's BodyIndexer: a search segment, encoded.
func indexBodies(ids []dossier.ArticleID, bodies []string) ([]byte, error) {
	docs := make([]search.Doc, len(ids))
	for i, id := range ids {
		docs[i] = search.Doc{ID: id, Body: bodies[i]}
	}
	return search.BuildSegment(docs).MarshalBinary()
}

// bodyIndexLoad is what loading the full-text index cost.
type bodyIndexLoad struct {
	segments  int
	bytes     int
	repaired  int  // articles indexed because no segment held their text
	compacted bool // the segments were merged into one first
	took      time.Duration
}

// loadBodyIndex loads the notebook's full-text index: it first compacts the
// segments when there are more than store.MaxSegments (or compact is set),
// and indexes the articles whose current text no segment holds, storing
// both for the next time; then it reads every segment. Hits are verified
// against the text the notebook holds, so articles deleted or changed since
// they were indexed are never reported wrongly.
func loadBodyIndex(n *store.Notebook, compact bool) (*search.BodyIndex, bodyIndexLoad, error) {
	start := time.Now()
	var st bodyIndexLoad
	count, err := n.SegmentCount()
	if err != nil {
		return nil, st, err
	}
	if compact || count > store.MaxSegments {
		if err := n.CompactIndex(indexBodies); err != nil {
			return nil, st, err
		}
		st.compacted = true
	}
	stale, err := n.Unindexed()
	if err != nil {
		return nil, st, err
	}
	if len(stale) > 0 {
		if err := n.IndexArticles(indexBodies, stale); err != nil {
			return nil, st, err
		}
		st.repaired = len(stale)
	}
	x := search.NewBodyIndex(func(id dossier.ArticleID) (string, bool) {
		body, err := n.Body(id)
		return body, err == nil
	})
	err = n.EachSegment(func(b []byte) error {
		var seg search.Segment // it copies what it keeps of b
		if err := seg.UnmarshalBinary(b); err != nil {
			return dossier.Wrap(err, dossier.EINTERNAL, "the search index is damaged: run dossier find --reindex")
		}
		x.AddSegment(&seg)
		st.segments++
		st.bytes += len(b)
		return nil
	})
	if err != nil {
		return nil, st, err
	}
	st.took = time.Since(start)
	return x, st, nil
}

// hitJSON is the shape of a hit in find --json.
type hitJSON struct {
	Article  dossier.ArticleID `json:"article"`
	Title    string            `json:"title"`
	Date     *string           `json:"date"`
	Outlet   string            `json:"outlet"`
	Score    float64           `json:"score"`
	Count    int               `json:"count"`
	Snippets []search.Snippet  `json:"snippets"`
}

func runFind(m *Main, args []string) error {
	fs := newFlags(m, "find", "[--json] [--query Q] [--limit N] [--snippets N] [--reindex] QUERY",
		"Finds the articles whose text has every word of QUERY and every \"quoted phrase\", best first,\n"+
			"with snippets around the hits. Case, accents and typographic quotes are ignored.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	query := fs.String("query", "", "only articles that match `Q` in the query language, e.g. 'date:2022 outlet:reuters'")
	limit := fs.Int("limit", search.DefaultLimit, "at most `N` articles")
	snippets := fs.Int("snippets", 3, "at most `N` snippets an article")
	reindex := fs.Bool("reindex", false, "rebuild the search index from the articles' text first (QUERY may then be left out)")
	timing := fs.Bool("timing", false, "report on standard error how long loading the index and searching took")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	text := strings.TrimSpace(strings.Join(pos, " "))
	if text == "" && !*reindex {
		fs.Usage()
		return errUsage
	}
	if *limit <= 0 || *snippets <= 0 {
		return dossier.Errorf(dossier.EINVALID, "--limit and --snippets take a number above 0")
	}
	q, err := parseQueryFlag(m, *query)
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	x, load, err := loadBodyIndex(n, *reindex)
	if err != nil {
		return err
	}
	if *reindex {
		fmt.Fprintf(m.Stderr, "reindexed %d articles in %s\n", x.Len(), load.took.Round(time.Millisecond))
		if text == "" {
			return nil
		}
	}
	metas, err := n.ArticleMetas()
	if err != nil {
		return err
	}
	byID := make(map[dossier.ArticleID]*dossier.ArticleMeta, len(metas))
	for i := range metas {
		byID[metas[i].ID] = &metas[i]
	}
	opts := search.BodyOptions{Limit: *limit, Snippets: *snippets}
	if *query != "" {
		ms, err := n.ArticlesMatching(q)
		if err != nil {
			return err
		}
		only := make(map[dossier.ArticleID]bool, len(ms))
		for _, a := range ms {
			only[a.ID] = true
		}
		opts.Filter = func(id dossier.ArticleID) bool { return only[id] }
	}
	started := time.Now()
	hits, err := x.Search(m.ctx(), text, opts)
	if err != nil {
		return err
	}
	if *timing {
		fmt.Fprintf(m.Stderr, "index: %d segments, %.1f MB, %d articles indexed now, loaded in %s; search: %d hits in %s\n",
			load.segments, float64(load.bytes)/(1<<20), load.repaired, load.took.Round(time.Millisecond),
			len(hits), time.Since(started).Round(time.Microsecond))
	}
	if *asJSON {
		out := make([]hitJSON, 0, len(hits))
		for _, h := range hits {
			j := hitJSON{Article: h.Article, Score: h.Score, Count: h.Count, Snippets: h.Snippets}
			if mt := byID[h.Article]; mt != nil {
				j.Title, j.Outlet, j.Date = mt.Title, mt.Outlet, dateJSON(mt.Published)
			}
			if j.Snippets == nil {
				j.Snippets = []search.Snippet{}
			}
			out = append(out, j)
		}
		return writeJSON(m.Stdout, out)
	}
	if len(hits) == 0 {
		fmt.Fprintln(m.Stderr, "no article has it")
		return nil
	}
	for i, h := range hits {
		if i > 0 {
			fmt.Fprintln(m.Stdout)
		}
		mt := byID[h.Article]
		if mt == nil {
			mt = &dossier.ArticleMeta{ID: h.Article}
		}
		fmt.Fprintf(m.Stdout, "%d  %s · %s · %s  (%s)\n", h.Article, clip(mt.Title, 90), orDash(mt.Outlet),
			mt.Published.Label(), plural(h.Count, "hit"))
		for _, s := range h.Snippets {
			fmt.Fprintf(m.Stdout, "    %s\n", snippetText(s, mt.Runes))
		}
	}
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// snippetText shows a snippet on one line with its matches in «», and "…"
// where the text goes on.
func snippetText(s search.Snippet, bodyRunes int) string {
	rs := []rune(s.Text)
	var b strings.Builder
	if s.Start > 0 {
		b.WriteString("…")
	}
	at := 0
	for _, mt := range s.Matches {
		lo, hi := max(mt[0], at), min(mt[1], len(rs))
		if lo >= hi {
			continue
		}
		writeOneLine(&b, rs[at:lo])
		b.WriteString("«")
		writeOneLine(&b, rs[lo:hi])
		b.WriteString("»")
		at = hi
	}
	writeOneLine(&b, rs[at:])
	if s.Start+len(rs) < bodyRunes {
		b.WriteString("…")
	}
	return b.String()
}

// writeOneLine writes rs with each run of white space as one space.
func writeOneLine(b *strings.Builder, rs []rune) {
	space := false
	for _, r := range rs {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}

// fuzzyItems are the notebook's short texts for fuzzy search, with the
// reference a person uses for those that have one.
type fuzzyItems struct {
	Items []search.Item
	Refs  map[search.Kind]map[uint64]string
}

// notebookItems returns what fuzzy search looks through in a notebook:
// article titles (ID the article's), outlets and speakers (IDs numbered by
// first appearance, so stable while the notebook grows), quotes (the quote
// ID; ref ARTICLE:START), passages and their notes (the passage ID; ref the
// article), and tags (numbered in path order). Speakers are the canonical
// names through the alias table. The GUI builds its index with this and
// keeps it current with Index.Add and Index.Remove as the notebook changes.
func notebookItems(n *store.Notebook, al *extract.Aliases) (*fuzzyItems, error) {
	metas, err := n.ArticleMetas()
	if err != nil {
		return nil, err
	}
	quotes, err := n.QuotesMatching(nil)
	if err != nil {
		return nil, err
	}
	passages, err := n.Passages(nil)
	if err != nil {
		return nil, err
	}
	tags, err := n.Tags()
	if err != nil {
		return nil, err
	}
	fi := &fuzzyItems{Refs: map[search.Kind]map[uint64]string{}}
	ref := func(k search.Kind, id uint64, r string) {
		if fi.Refs[k] == nil {
			fi.Refs[k] = map[uint64]string{}
		}
		fi.Refs[k][id] = r
	}
	add := func(k search.Kind, id uint64, text string) {
		if strings.TrimSpace(text) != "" {
			fi.Items = append(fi.Items, search.Item{Kind: k, ID: id, Text: text})
		}
	}
	outlets := map[string]uint64{}
	for _, a := range metas {
		add(search.Article, uint64(a.ID), a.Title)
		if o := strings.TrimSpace(a.Outlet); o != "" && outlets[o] == 0 {
			outlets[o] = uint64(len(outlets) + 1)
			add(search.Outlet, outlets[o], o)
		}
	}
	speakers := map[string]uint64{}
	for _, q := range quotes {
		if uint64(q.ID) < 1<<56 {
			add(search.Quote, uint64(q.ID), q.Text)
			ref(search.Quote, uint64(q.ID), quoteRef(q.ID))
		}
		if s := al.Canonical(q.Speaker); s != "" && speakers[s] == 0 {
			speakers[s] = uint64(len(speakers) + 1)
			add(search.Speaker, speakers[s], s)
		}
	}
	for _, p := range passages {
		items, r := passageItems(p)
		fi.Items = append(fi.Items, items...)
		ref(search.Passage, uint64(p.ID), r)
		ref(search.Note, uint64(p.ID), r)
	}
	for i, t := range tags {
		add(search.Tag, uint64(i+1), t.Path)
	}
	return fi, nil
}

// aliasWords returns Options.Alias for an alias table: a folded word that is
// one spelling of a name's last word gives the other spellings ("zelensky"
// gives "zelenskyy", "zelenskiy", ...).
func aliasWords(al *extract.Aliases) func(string) []string {
	groups := map[string][]string{} // canonical → spellings of its last word
	lastWord := func(name string) string {
		f := strings.Fields(search.FoldString(name))
		if len(f) == 0 {
			return ""
		}
		w := strings.Trim(f[len(f)-1], ".,")
		if len([]rune(w)) < 3 {
			return "" // "jr."
		}
		return w
	}
	for _, p := range al.Pairs() {
		for _, name := range []string{p.Alias, p.Canonical} {
			if w := lastWord(name); w != "" && !slices.Contains(groups[p.Canonical], w) {
				groups[p.Canonical] = append(groups[p.Canonical], w)
			}
		}
	}
	words := map[string][]string{}
	for _, g := range groups {
		for _, w := range g {
			for _, o := range g {
				if o != w && !slices.Contains(words[w], o) {
					words[w] = append(words[w], o)
				}
			}
		}
	}
	return func(w string) []string { return words[w] }
}

// resultJSON is the shape of a result in search --json.
type resultJSON struct {
	search.Result
	Ref string `json:"ref,omitempty"` // quotes: ARTICLE:START; passages and notes: the article ID
}

func runSearch(m *Main, args []string) error {
	fs := newFlags(m, "search", "[--json] [--kind KIND]... [--limit N] QUERY",
		"Fuzzy search: the letters of each word of QUERY in order, in article titles, quotes, speakers,\n"+
			"passages, notes, tags and outlets; best first, grouped by kind. Spellings of a name that the\n"+
			"alias table knows find each other (Zelensky finds Zelenskyy).")
	asJSON := fs.Bool("json", false, "print a JSON array, best first")
	var kinds stringList
	fs.Var(&kinds, "kind", "only results of `KIND`: article, quote, speaker, passage, note, tag, outlet (repeat or separate with commas)")
	limit := fs.Int("limit", search.DefaultLimit, "at most `N` results")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	text := strings.TrimSpace(strings.Join(pos, " "))
	if text == "" {
		fs.Usage()
		return errUsage
	}
	if *limit <= 0 {
		return dossier.Errorf(dossier.EINVALID, "--limit takes a number above 0")
	}
	opts := search.Options{Limit: *limit}
	for _, list := range kinds {
		for _, s := range strings.Split(list, ",") {
			k, ok := search.ParseKind(strings.ToLower(strings.TrimSpace(s)))
			if !ok {
				return dossier.Errorf(dossier.EINVALID, "%q is not a kind: use article, quote, speaker, passage, note, tag or outlet", s)
			}
			if !slices.Contains(opts.Kinds, k) {
				opts.Kinds = append(opts.Kinds, k)
			}
		}
	}
	n, al, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	fi, err := notebookItems(n, al)
	if err != nil {
		return err
	}
	x := search.NewIndex()
	if err := x.Add(fi.Items...); err != nil {
		return err
	}
	opts.Alias = aliasWords(al)
	results, err := x.Search(m.ctx(), text, opts)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]resultJSON, len(results))
		for i, r := range results {
			if r.Matches == nil {
				r.Matches = []int{}
			}
			out[i] = resultJSON{Result: r, Ref: fi.Refs[r.Kind][r.ID]}
		}
		return writeJSON(m.Stdout, out)
	}
	if len(results) == 0 {
		fmt.Fprintln(m.Stderr, "nothing matches")
		return nil
	}
	for i, g := range search.GroupByKind(results) {
		if i > 0 {
			fmt.Fprintln(m.Stdout)
		}
		fmt.Fprintf(m.Stdout, "%ss\n", g.Kind)
		for _, r := range g.Results {
			writeResult(m.Stdout, resultRef(fi.Refs, r), r)
		}
	}
	return nil
}

// writeResult prints a result on one line, its matched characters in «»,
// clipped around the first match.
func writeResult(w io.Writer, id string, r search.Result) {
	const width = 110
	rs := []rune(r.Text)
	matched := make([]bool, len(rs))
	for _, i := range r.Matches {
		if i >= 0 && i < len(rs) {
			matched[i] = true
		}
	}
	lo := 0
	if len(r.Matches) > 0 && len(rs) > width {
		lo = max(0, min(r.Matches[0]-20, len(rs)-width))
	}
	hi := min(len(rs), lo+width)
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	for i := lo; i < hi; i++ {
		if matched[i] && (i == lo || !matched[i-1]) {
			b.WriteString("«")
		}
		c := rs[i]
		if c == '\n' || c == '\t' {
			c = ' '
		}
		b.WriteRune(c)
		if matched[i] && (i+1 == hi || !matched[i+1]) {
			b.WriteString("»")
		}
	}
	if hi < len(rs) {
		b.WriteString("…")
	}
	if id != "" {
		fmt.Fprintf(w, "  %-10s %s\n", id, b.String())
	} else {
		fmt.Fprintf(w, "  %s\n", b.String())
	}
}

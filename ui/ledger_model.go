package ui

import (
	"cmp"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// The ledger's columns, in the order they are drawn.
const (
	colDate = iota
	colSpeaker
	colQuote
	colOutlet
	colTags
	numCols
)

var colTitles = [numCols]string{"Date", "Speaker", "Quote", "Outlet", "Tags"}

// ledgerModel is the quote ledger's data in memory: one compact row a quote,
// with the articles, names, outlets and tag sets the rows refer to by index,
// so that a million quotes take some 50 bytes each besides their text. It
// is built on a background goroutine; after that the Fyne goroutine owns
// it, except the rows' texts, which never change and which the text filter
// reads in the background.
type ledgerModel struct {
	rows    []ledgerRow
	arts    []ledgerArt
	names   []ledgerName
	nameIdx map[string]int32 // a name as shown → its index in names
	outlets []string         // outlets[0] is "" (none)
	tagSets [][]string       // tagSets[0] is nil (no tags)
	datePos []int32          // each row's position in date order
	byDate  []int32          // the rows in date order (the default sort)
	canon   func(string) string
}

// ledgerRow is one quote.
type ledgerRow struct {
	id         dossier.QuoteID
	text       string // on one line
	art        int32  // index into arts
	start, end int32  // the quote's extent in its article, in runes
	speaker    int32  // index into names
	tags       int32  // index into tagSets
}

// ledgerArt is what the rows need of an article.
type ledgerArt struct {
	id     dossier.ArticleID
	date   string // as the Date column shows it; "" undated
	rank   int32  // the article's position by date, undated last
	undate bool
	outlet int32
}

// ledgerName is a speaker as the Speaker column shows it: a canonical name,
// or for a quote whose speaker is not known, the mention as written in
// parentheses (known false).
type ledgerName struct {
	text  string
	known bool
}

// buildLedger makes the ledger's rows of quotes, dated and placed by their
// articles in metas. tags are the quotes' own tags (only the tagged ones);
// canon gives a speaker's canonical name (nil: names as stored). It sorts
// by date: articles by date, undated last, then the quotes in text order,
// as dossier quotes lists them.
func buildLedger(metas []dossier.ArticleMeta, qs []dossier.Quote, tags map[dossier.QuoteID][]string, canon func(string) string) *ledgerModel {
	if canon == nil {
		canon = func(s string) string { return s }
	}
	m := &ledgerModel{
		nameIdx: map[string]int32{},
		outlets: []string{""},
		tagSets: [][]string{nil},
		canon:   canon,
	}
	sorted := slices.Clone(metas)
	dossier.SortByDate(sorted)
	artIdx := make(map[dossier.ArticleID]int32, len(sorted))
	outletIdx := map[string]int32{"": 0}
	m.arts = make([]ledgerArt, len(sorted))
	for i := range sorted {
		a := &sorted[i]
		o, ok := outletIdx[a.Outlet]
		if !ok {
			o = int32(len(m.outlets))
			m.outlets = append(m.outlets, a.Outlet)
			outletIdx[a.Outlet] = o
		}
		la := ledgerArt{id: a.ID, rank: int32(i), undate: a.Published.IsZero(), outlet: o}
		if !la.undate {
			la.date = a.Published.String()
			if a.Published.Origin == dossier.OriginInferred {
				la.date = "~" + la.date
			}
		}
		m.arts[i] = la
		artIdx[a.ID] = int32(i)
	}
	canonOf := map[string]string{} // stored name → shown, each computed once
	tagIdx := map[string]int32{}
	m.rows = make([]ledgerRow, 0, len(qs))
	for i := range qs {
		q := &qs[i]
		ai, ok := artIdx[q.Article]
		if !ok {
			continue // its article is not among metas (an as-of or a filter left it out)
		}
		r := ledgerRow{id: q.ID, text: oneLineCheap(q.Text), art: ai, start: int32(q.Start()), end: int32(q.End())}
		if q.Speaker != "" {
			c, ok := canonOf[q.Speaker]
			if !ok {
				c = canon(q.Speaker)
				canonOf[q.Speaker] = c
			}
			r.speaker = m.name(c, true)
		} else {
			r.speaker = m.name(q.Mention, false)
		}
		if ts := tags[q.ID]; len(ts) > 0 {
			k := strings.Join(ts, "\x00")
			t, ok := tagIdx[k]
			if !ok {
				t = int32(len(m.tagSets))
				m.tagSets = append(m.tagSets, ts)
				tagIdx[k] = t
			}
			r.tags = t
		}
		m.rows = append(m.rows, r)
	}
	// By date: the article's rank, then where the quote starts.
	ks := make([]sortKey, len(m.rows))
	for i := range m.rows {
		r := &m.rows[i]
		ks[i] = sortKey{a: uint64(m.arts[r.art].rank)<<32 | uint64(uint32(r.start)), i: int32(i)}
	}
	m.byDate = sortRows(ks)
	m.datePos = make([]int32, len(m.rows))
	for pos, i := range m.byDate {
		m.datePos[i] = int32(pos)
	}
	return m
}

// oneLineCheap is oneLine without the allocation for the text that is one
// line already, as nearly every quote is.
func oneLineCheap(s string) string {
	if strings.ContainsAny(s, "\n\t\r") || strings.Contains(s, "  ") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return oneLine(s)
	}
	return s
}

// name returns the index of a name, adding it when new. An unknown speaker
// is shown by the mention as written, in parentheses, or a dash.
func (m *ledgerModel) name(s string, known bool) int32 {
	if !known {
		if s == "" {
			s = "—"
		} else {
			s = "(" + s + ")"
		}
	}
	if i, ok := m.nameIdx[s]; ok {
		return i
	}
	i := int32(len(m.names))
	m.names = append(m.names, ledgerName{s, known})
	m.nameIdx[s] = i
	return i
}

// speakers returns the known speakers of the rows, most quoted first, for
// completion.
func (m *ledgerModel) speakers() []string {
	count := make([]int, len(m.names))
	for i := range m.rows {
		count[m.rows[i].speaker]++
	}
	byName := map[string]int{}
	for i, n := range m.names {
		if n.known && count[i] > 0 {
			byName[n.text] += count[i]
		}
	}
	out := make([]string, 0, len(byName))
	for _, nc := range byCount(byName) {
		out = append(out, nc.Name)
	}
	return out
}

// sortKey orders one row: by a, then b, then c; i is the row.
type sortKey struct {
	a, b uint64
	c    uint32
	i    int32
}

// blankRank is added to the rank of a blank value (no date, speaker,
// outlet or tags), which sorts last in both directions.
const blankRank = 1 << 31

// rankOf is a value's rank for a sort: its place among the values, reversed
// for a descending sort; blanks last either way.
func rankOf(r int32, n int, blank, desc bool) uint64 {
	switch {
	case blank:
		return blankRank + uint64(r)
	case desc:
		return uint64(n - 1 - int(r))
	}
	return uint64(r)
}

// sorter returns the sort of the rows by a column, to run on any
// goroutine. A column other than the date breaks ties by date; by date
// the quotes of an article stay in reading order either way. It takes
// what may change (the rows' speakers and tags) here, on the Fyne
// goroutine: some milliseconds for a million rows.
func (m *ledgerModel) sorter(col int, desc bool) func() []int32 {
	var vals []int32 // each row's value: a name, an outlet or a tag set
	var rank []int32 // of the values
	var blank func(v int32) bool
	switch col {
	case colDate:
		vals = make([]int32, len(m.rows))
		for i := range m.rows {
			vals[i] = m.rows[i].art
		}
		rank = make([]int32, len(m.arts))
		for i := range m.arts {
			rank[i] = m.arts[i].rank
		}
		blank = func(v int32) bool { return m.arts[v].undate }
	case colSpeaker:
		vals = make([]int32, len(m.rows))
		for i := range m.rows {
			vals[i] = m.rows[i].speaker
		}
		names := append([]ledgerName(nil), m.names...)
		rank = ranks(len(names), func(a, b int) int { return compareFold(names[a].text, names[b].text) }, func(i int) bool { return !names[i].known })
		blank = func(v int32) bool { return !names[v].known }
	case colOutlet:
		vals = make([]int32, len(m.rows))
		for i := range m.rows {
			vals[i] = m.arts[m.rows[i].art].outlet
		}
		rank = ranks(len(m.outlets), func(a, b int) int { return compareFold(m.outlets[a], m.outlets[b]) }, func(i int) bool { return i == 0 })
		blank = func(v int32) bool { return v == 0 }
	case colTags:
		vals = make([]int32, len(m.rows))
		for i := range m.rows {
			vals[i] = m.rows[i].tags
		}
		sets := append([][]string(nil), m.tagSets...)
		rank = ranks(len(sets), func(a, b int) int {
			return compareFold(strings.Join(sets[a], " "), strings.Join(sets[b], " "))
		}, func(i int) bool { return i == 0 })
		blank = func(v int32) bool { return v == 0 }
	}
	byDate, datePos := m.byDate, m.datePos
	if col == colQuote {
		rows := m.rows
		return func() []int32 {
			// The texts never change: read here, off the Fyne goroutine.
			ks := make([]sortKey, len(rows))
			for i := range rows {
				k := sortKey{i: int32(i), c: uint32(datePos[i])}
				k.a, k.b = textKey(rows[i].text)
				if desc {
					k.a, k.b = ^k.a, ^k.b
				}
				ks[i] = k
			}
			return sortRows(ks)
		}
	}
	return func() []int32 {
		// One word a row: the value's rank above the row's place by date,
		// which gives the row back through byDate.
		shift := bits.Len(uint(len(vals)))
		ks := make([]uint64, len(vals))
		for i, v := range vals {
			ks[i] = rankOf(rank[v], len(rank), blank(v), desc)<<shift | uint64(datePos[i])
		}
		sortWords(ks)
		out := make([]int32, len(ks))
		mask := uint64(1)<<shift - 1
		for j, k := range ks {
			out[j] = byDate[k&mask]
		}
		return out
	}
}

// ranks returns each of n values' place among the non-blank ones in the
// order of compare.
func ranks(n int, compare func(a, b int) int, isBlank func(int) bool) []int32 {
	order := make([]int, 0, n)
	for i := range n {
		if !isBlank(i) {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, compare)
	rank := make([]int32, n)
	for pos, i := range order {
		rank[i] = int32(pos)
	}
	return rank
}

// compareFold compares strings as a person sorts names: case and the
// diacritics the query language folds aside.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		fa, fb := foldSortRune(ra), foldSortRune(rb)
		if fa != fb {
			return cmp.Compare(fa, fb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// foldSortRune folds a rune for sorting as queries match (dossier.FoldRune);
// a combining mark sorts as nothing.
func foldSortRune(r rune) rune {
	if f := dossier.FoldRune(r); f >= 0 {
		return f
	}
	return 0
}

// foldString folds s as the tag dialog matches tags: lower case, Latin
// diacritics stripped.
func foldString(s string) string { return string(foldTag(s)) }

// textKey packs a text's first 16 letters, folded to lower case, into two
// words that compare as the text does. Leading punctuation (an ellipsis, a
// dash) is skipped.
func textKey(s string) (a, b uint64) {
	s = strings.TrimLeft(s, ".…–—-'\"‘’“” ")
	var buf [16]byte
	n := 0
	for i := 0; i < len(s) && n < 16; i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	for i := range 8 {
		a = a<<8 | uint64(buf[i])
		b = b<<8 | uint64(buf[8+i])
	}
	return a, b
}

// sortRows sorts keys and returns the rows in their order. A million keys
// sort in two halves on two goroutines, merged.
func sortRows(ks []sortKey) []int32 {
	compare := func(x, y sortKey) int {
		if x.a != y.a {
			return cmp.Compare(x.a, y.a)
		}
		if x.b != y.b {
			return cmp.Compare(x.b, y.b)
		}
		if x.c != y.c {
			return cmp.Compare(x.c, y.c)
		}
		return cmp.Compare(x.i, y.i)
	}
	out := make([]int32, len(ks))
	if len(ks) < 50_000 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(ks, compare)
		for j := range ks {
			out[j] = ks[j].i
		}
		return out
	}
	half := len(ks) / 2
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		slices.SortFunc(ks[:half], compare)
	}()
	slices.SortFunc(ks[half:], compare)
	wg.Wait()
	l, r := ks[:half], ks[half:]
	for j := range out {
		if len(r) == 0 || len(l) > 0 && compare(l[0], r[0]) <= 0 {
			out[j], l = l[0].i, l[1:]
		} else {
			out[j], r = r[0].i, r[1:]
		}
	}
	return out
}

// sortWords sorts a million words in two halves on two goroutines,
// merged.
func sortWords(ks []uint64) {
	if len(ks) < 50_000 || runtime.GOMAXPROCS(0) < 2 {
		slices.Sort(ks)
		return
	}
	half := len(ks) / 2
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		slices.Sort(ks[:half])
	}()
	slices.Sort(ks[half:])
	wg.Wait()
	merged := make([]uint64, len(ks))
	l, r := ks[:half], ks[half:]
	for j := range merged {
		if len(r) == 0 || len(l) > 0 && l[0] <= r[0] {
			merged[j], l = l[0], l[1:]
		} else {
			merged[j], r = r[0], r[1:]
		}
	}
	copy(ks, merged)
}

// textFilter returns which rows' texts match q (nil: all), reading them on
// as many goroutines as there are processors. Only the rows within keeps
// (nil: all) are read: a query that narrows the one before reads what that
// one kept. It gives up, returning nil, once stale reports true.
func (m *ledgerModel) textFilter(q *dossier.Query, within []bool, stale func() bool) []bool {
	if q == nil {
		return nil
	}
	ok := make([]bool, len(m.rows))
	parts := runtime.GOMAXPROCS(0)
	if len(m.rows) < 20_000 {
		parts = 1
	}
	var wg sync.WaitGroup
	var gaveUp atomic.Bool
	for p := range parts {
		lo, hi := len(m.rows)*p/parts, len(m.rows)*(p+1)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			var r dossier.Record
			for i := lo; i < hi; i++ {
				if i&0x3fff == 0 && stale != nil && stale() {
					gaveUp.Store(true)
					return
				}
				if within != nil && !within[i] {
					continue
				}
				r.Text = m.rows[i].text
				ok[i] = q.Match(&r)
			}
		}()
	}
	wg.Wait()
	if gaveUp.Load() {
		return nil
	}
	return ok
}

// narrows reports whether what is typed now can only keep what was typed
// before kept: plain words, the last one longer or more words after.
func narrows(before, now string) bool {
	if before == "" || !strings.HasPrefix(now, before) {
		return false
	}
	for _, r := range now {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' {
			return false
		}
	}
	for _, w := range strings.Fields(now) {
		if w == "OR" || w == "NOT" || w == "AND" {
			return false
		}
	}
	return true
}

// textQuery makes what is typed in the search box a query over the quotes'
// texts: words match where a word starts ("troo" finds "troops"), and the
// query language works too ("troops -border", "tanks OR troops"). What
// does not parse is searched for word by word.
func textQuery(s string) *dossier.Query {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if q, err := dossier.ParseQuery(s); err == nil && q.String() != "" {
		return q
	}
	s = strings.NewReplacer(`"`, " ", "(", " ", ")", " ", ":", " ", " -", " ").Replace(" " + s)
	if q, err := dossier.ParseQuery(s); err == nil && q.String() != "" {
		return q
	}
	return nil
}

// speakerFilter returns which names match what is typed in the speaker
// box (nil: all): a name that holds it, folded ("psaki"), or the name the
// alias table gives it ("POTUS" finds Joe Biden).
func (m *ledgerModel) speakerFilter(typed string) []bool {
	typed = strings.Join(strings.Fields(typed), " ")
	if typed == "" {
		return nil
	}
	want := foldString(typed)
	canon := m.canon(typed)
	ok := make([]bool, len(m.names))
	for i, n := range m.names {
		ok[i] = n.known && (strings.Contains(foldString(n.text), want) || strings.EqualFold(n.text, canon))
	}
	return ok
}

// filter returns the rows of order that both filters keep (nil keeps all).
func (m *ledgerModel) filter(order []int32, speakerOK, textOK []bool) []int32 {
	if speakerOK == nil && textOK == nil {
		return order
	}
	out := make([]int32, 0, len(order)/4)
	for _, i := range order {
		if speakerOK != nil && !speakerOK[m.rows[i].speaker] || textOK != nil && !textOK[i] {
			continue
		}
		out = append(out, i)
	}
	return out
}

// setSpeaker shows a new speaker for row i.
func (m *ledgerModel) setSpeaker(i int32, speaker string) {
	if speaker == "" {
		m.rows[i].speaker = m.name("", false)
		return
	}
	m.rows[i].speaker = m.name(m.canon(speaker), true)
}

// setTags shows new tags for row i.
func (m *ledgerModel) setTags(i int32, tags []string) {
	if len(tags) == 0 {
		m.rows[i].tags = 0
		return
	}
	m.rows[i].tags = int32(len(m.tagSets))
	m.tagSets = append(m.tagSets, tags)
}

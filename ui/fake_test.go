package ui

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"dossier"
)

// fakeNotebook is a Notebook in memory for the window's tests: articles,
// passages and quotes, with the query language matching as the store's does
// and undo of passage changes. Safe for concurrent use.
type fakeNotebook struct {
	mu        sync.Mutex
	arts      []*dossier.Article
	ps        []dossier.Passage
	qs        []dossier.Quote
	figs      []dossier.Figure
	colors    map[string]string // by lower-case path; a tag with no passage is here too
	descs     map[string]string // descriptions, by lower-case path
	artTags   map[dossier.ArticleID][]string
	quoteTags map[dossier.QuoteID][]string
	corrected map[dossier.QuoteID]bool
	builtIn   map[string]string // alias -> name, as shipped
	aliases   map[string]string // the notebook's changes: alias -> name, "" removed
	nextP     dossier.PassageID
	seq       uint64
	undo      []fakeState
	redo      []fakeState
	calls     []string
}

// fakeState is the notebook before (in undo) or after (in redo) a step.
type fakeState struct {
	summary, kind string
	seq           uint64
	at            time.Time
	ps            []dossier.Passage
	arts          []*dossier.Article
	qs            []dossier.Quote
	colors, descs map[string]string
	artTags       map[dossier.ArticleID][]string
	quoteTags     map[dossier.QuoteID][]string
	corrected     map[dossier.QuoteID]bool
	aliases       map[string]string
}

func newFakeNotebook(arts ...*dossier.Article) *fakeNotebook {
	f := &fakeNotebook{arts: arts, colors: map[string]string{}, descs: map[string]string{}, nextP: 1,
		artTags: map[dossier.ArticleID][]string{}, quoteTags: map[dossier.QuoteID][]string{}, corrected: map[dossier.QuoteID]bool{},
		builtIn: map[string]string{"zelensky": "Volodymyr Zelenskyy", "putin": "Vladimir Putin"}, aliases: map[string]string{}}
	for _, a := range arts {
		a.Hash = dossier.HashBody(a.Body)
	}
	return f
}

func (f *fakeNotebook) called(s string) {
	f.calls = append(f.calls, s)
}

// Calls returns the methods called so far, in order.
func (f *fakeNotebook) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

func (f *fakeNotebook) ArticleMetas() ([]dossier.ArticleMeta, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("ArticleMetas")
	out := make([]dossier.ArticleMeta, len(f.arts))
	for i, a := range f.arts {
		out[i] = a.Meta()
	}
	return out, nil
}

func (f *fakeNotebook) Article(id dossier.ArticleID) (*dossier.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called(fmt.Sprint("Article ", id))
	for _, a := range f.arts {
		if a.ID == id {
			c := *a
			return &c, nil
		}
	}
	return nil, dossier.Errorf(dossier.ENOTFOUND, "no article %d", id)
}

func (f *fakeNotebook) record(m *dossier.ArticleMeta) dossier.Record {
	r := dossier.ArticleRecord(m)
	for _, p := range f.ps {
		if p.Article == m.ID {
			r.Tags = append(r.Tags, p.Tags...)
		}
	}
	for _, q := range f.qs {
		if q.Article == m.ID && q.Speaker != "" {
			r.Speakers = append(r.Speakers, q.Speaker)
		}
	}
	return r
}

func (f *fakeNotebook) ArticlesMatching(q *dossier.Query) ([]dossier.ArticleMeta, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("ArticlesMatching " + queryText(q))
	var out []dossier.ArticleMeta
	for _, a := range f.arts {
		m := a.Meta()
		r := f.record(&m)
		r.Text = a.Body
		if q.Match(&r) {
			out = append(out, m)
		}
	}
	dossier.SortByDate(out)
	return out, nil
}

func (f *fakeNotebook) meta(id dossier.ArticleID) *dossier.ArticleMeta {
	for _, a := range f.arts {
		if a.ID == id {
			m := a.Meta()
			return &m
		}
	}
	return nil
}

func (f *fakeNotebook) Passages(q *dossier.Query) ([]dossier.Passage, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("Passages " + queryText(q))
	var out []dossier.Passage
	for _, p := range f.ps {
		r := dossier.PassageRecord(&p, f.meta(p.Article))
		if q.Match(&r) {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakeNotebook) PassagesOf(a dossier.ArticleID) ([]dossier.Passage, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []dossier.Passage
	for _, p := range f.ps {
		if p.Article == a {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

func (f *fakeNotebook) Passage(id dossier.PassageID) (dossier.Passage, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.ps {
		if p.ID == id {
			return p, nil
		}
	}
	return dossier.Passage{}, dossier.Errorf(dossier.ENOTFOUND, "no passage %d", id)
}

func (f *fakeNotebook) Quote(id dossier.QuoteID) (dossier.Quote, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, q := range f.qs {
		if q.ID == id {
			return q, nil
		}
	}
	return dossier.Quote{}, dossier.Errorf(dossier.ENOTFOUND, "no quote %d", id)
}

func (f *fakeNotebook) Quotes(a dossier.ArticleID) ([]dossier.Quote, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []dossier.Quote
	for _, q := range f.qs {
		if q.Article == a {
			out = append(out, q)
		}
	}
	return out, nil
}

func (f *fakeNotebook) QuotesMatching(q *dossier.Query) ([]dossier.Quote, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []dossier.Quote
	for _, qu := range f.qs {
		r := dossier.QuoteRecord(&qu)
		if q.Match(&r) {
			out = append(out, qu)
		}
	}
	return out, nil
}

// save records the notebook before a change, as one step of undo.
func (f *fakeNotebook) save(summary string) { f.saveKind("passage", summary) }

func (f *fakeNotebook) saveKind(kind, summary string) {
	f.seq++
	st := f.state()
	st.summary, st.kind, st.seq, st.at = summary, kind, f.seq, time.Now()
	f.undo = append(f.undo, st)
	f.redo = nil
}

// state is a copy of what the notebook holds.
func (f *fakeNotebook) state() fakeState {
	return fakeState{ps: slices.Clone(f.ps), arts: slices.Clone(f.arts), qs: slices.Clone(f.qs),
		colors: maps.Clone(f.colors), descs: maps.Clone(f.descs), artTags: maps.Clone(f.artTags),
		quoteTags: maps.Clone(f.quoteTags), corrected: maps.Clone(f.corrected), aliases: maps.Clone(f.aliases)}
}

func (f *fakeNotebook) restore(st fakeState) {
	f.ps, f.arts, f.qs, f.colors, f.descs = st.ps, st.arts, st.qs, st.colors, st.descs
	f.artTags, f.quoteTags, f.corrected, f.aliases = st.artTags, st.quoteTags, st.corrected, st.aliases
}

func (f *fakeNotebook) AddPassage(a dossier.ArticleID, start, end int, tags []string, note string) (dossier.Passage, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var body string
	for _, art := range f.arts {
		if art.ID == a {
			body = art.Body
		}
	}
	p, err := dossier.Anchor(a, body, start, end)
	if err != nil {
		return p, err
	}
	if p.Tags, err = dossier.NormalizeTags(tags); err != nil {
		return p, err
	}
	f.save("Tag " + strings.Join(p.Tags, ", "))
	p.ID, p.Note, p.Created = f.nextP, note, time.Now()
	f.nextP++
	f.ps = append(f.ps, p)
	return p, nil
}

func (f *fakeNotebook) SetPassage(id dossier.PassageID, tags []string, note string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.ps {
		if f.ps[i].ID == id {
			f.save("Edit passage")
			f.ps[i].Tags, f.ps[i].Note = tags, note
			return nil
		}
	}
	return dossier.Errorf(dossier.ENOTFOUND, "no passage %d", id)
}

func (f *fakeNotebook) DeletePassage(id dossier.PassageID) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.ps {
		if f.ps[i].ID == id {
			f.save("Delete passage")
			f.ps = slices.Delete(slices.Clone(f.ps), i, i+1)
			return nil
		}
	}
	return dossier.Errorf(dossier.ENOTFOUND, "no passage %d", id)
}

func (f *fakeNotebook) SetQuoteSpeaker(id dossier.QuoteID, speaker, role string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.qs {
		if f.qs[i].ID == id {
			f.qs[i].Speaker, f.qs[i].Role = speaker, role
			return nil
		}
	}
	return dossier.Errorf(dossier.ENOTFOUND, "no quote %d", id)
}

func (f *fakeNotebook) Tags() ([]TagCount, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("Tags")
	return f.tags()
}

func (f *fakeNotebook) tags() ([]TagCount, error) {
	by := map[string]*TagCount{}
	get := func(path string) *TagCount {
		k := strings.ToLower(path)
		if by[k] == nil {
			by[k] = &TagCount{Tag: dossier.Tag{Path: path, Color: f.colors[k], Description: f.descs[k]}}
		}
		return by[k]
	}
	count := func(tags []string) {
		for _, t := range tags {
			get(t).Count++
			for up := t; up != ""; up = dossier.TagParent(up) {
				get(up).Total++
			}
		}
	}
	for _, p := range f.ps {
		count(p.Tags)
	}
	for _, tags := range f.artTags {
		count(tags)
	}
	for _, tags := range f.quoteTags {
		count(tags)
	}
	for k := range f.colors {
		get(k)
	}
	out := make([]TagCount, 0, len(by))
	for _, t := range by {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Path) < strings.ToLower(out[j].Path) })
	return out, nil
}

func (f *fakeNotebook) SetTagColor(path, color string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, err := dossier.NormalizeColor(color)
	if err != nil {
		return err
	}
	f.colors[strings.ToLower(path)] = c
	return nil
}

func (f *fakeNotebook) Undo() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.step(true)
}

func (f *fakeNotebook) Redo() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.step(false)
}

func (f *fakeNotebook) step(undo bool) (string, error) {
	from, to := &f.undo, &f.redo
	if !undo {
		from, to = &f.redo, &f.undo
	}
	if len(*from) == 0 {
		if undo {
			return "", dossier.Errorf(dossier.ECONFLICT, "nothing to undo")
		}
		return "", dossier.Errorf(dossier.ECONFLICT, "nothing to redo")
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	now := f.state()
	now.summary, now.kind, now.seq, now.at = s.summary, s.kind, s.seq, s.at
	*to = append(*to, now)
	f.restore(s)
	return s.summary, nil
}

func (f *fakeNotebook) Steps(max int) ([]Step, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.steps(max), nil
}

func (f *fakeNotebook) steps(max int) []Step {
	var out []Step
	for _, s := range f.redo { // the bottom of redo is the newest step
		out = append(out, Step{Seq: s.seq, Kind: s.kind, Summary: s.summary, At: s.at, Undone: true})
	}
	for i := len(f.undo) - 1; i >= 0; i-- {
		s := f.undo[i]
		out = append(out, Step{Seq: s.seq, Kind: s.kind, Summary: s.summary, At: s.at})
	}
	if len(out) > max {
		out = out[:max]
	}
	return out
}

func (f *fakeNotebook) StepTo(seq uint64, undone bool) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for {
		i := slices.IndexFunc(f.steps(1<<30), func(s Step) bool { return s.Seq == seq })
		if i < 0 {
			return n, dossier.Errorf(dossier.ENOTFOUND, "step %d is no longer in the history", seq)
		}
		if f.steps(1 << 30)[i].Undone == undone {
			return n, nil
		}
		if _, err := f.step(undone); err != nil {
			return n, err
		}
		n++
	}
}

// underTag reports whether tag is path or under it.
func underTag(tag, path string) bool {
	return dossier.TagEqual(tag, path) || strings.HasPrefix(strings.ToLower(tag), strings.ToLower(path)+"/")
}

// retag moves tags at or under from to into, everywhere.
func (f *fakeNotebook) retag(from, into string, drop bool) int {
	n := 0
	move := func(tags []string) []string {
		var out []string
		changed := false
		for _, t := range tags {
			switch {
			case !underTag(t, from):
				out = append(out, t)
				continue
			case drop:
			default:
				nt := into + t[len(from):]
				if !slices.ContainsFunc(out, func(o string) bool { return dossier.TagEqual(o, nt) }) {
					out = append(out, nt)
				}
			}
			changed = true
		}
		if changed {
			n++
		}
		return out
	}
	ps := slices.Clone(f.ps)
	for i := range ps {
		ps[i].Tags = move(ps[i].Tags)
	}
	f.ps = ps
	at, qt := map[dossier.ArticleID][]string{}, map[dossier.QuoteID][]string{}
	for k, v := range f.artTags {
		at[k] = move(v)
	}
	for k, v := range f.quoteTags {
		qt[k] = move(v)
	}
	f.artTags, f.quoteTags = at, qt
	for _, m := range []*map[string]string{&f.colors, &f.descs} {
		nm := map[string]string{}
		for k, v := range *m {
			switch {
			case !underTag(k, from):
				nm[k] = v
			case !drop:
				if _, ok := nm[strings.ToLower(into+k[len(from):])]; !ok {
					nm[strings.ToLower(into+k[len(from):])] = v
				}
			}
		}
		*m = nm
	}
	return n
}

func (f *fakeNotebook) hasTag(path string) bool {
	tags, _ := f.tags()
	return slices.ContainsFunc(tags, func(t TagCount) bool { return dossier.TagEqual(t.Path, path) })
}

func (f *fakeNotebook) RenameTag(from, to string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("RenameTag " + from + " " + to)
	to, err := dossier.NormalizeTag(to)
	if err != nil {
		return err
	}
	if !f.hasTag(from) {
		return dossier.Errorf(dossier.ENOTFOUND, "no tag %s", from)
	}
	if f.hasTag(to) {
		return dossier.Errorf(dossier.ECONFLICT, "tag %s exists: merge instead", to)
	}
	f.saveKind("tag", "Rename tag "+from+" to "+to)
	f.retag(from, to, false)
	return nil
}

func (f *fakeNotebook) MergeTag(from, into string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("MergeTag " + from + " " + into)
	if !f.hasTag(from) {
		return dossier.Errorf(dossier.ENOTFOUND, "no tag %s", from)
	}
	f.saveKind("tag", "Merge tag "+from+" into "+into)
	f.retag(from, into, false)
	return nil
}

func (f *fakeNotebook) DescribeTag(path, description string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saveKind("tag", "Describe "+path)
	f.descs[strings.ToLower(path)] = description
	if _, ok := f.colors[strings.ToLower(path)]; !ok {
		f.colors[strings.ToLower(path)] = ""
	}
	return nil
}

func (f *fakeNotebook) usage(path string) (ps, others int) {
	for _, p := range f.ps {
		if slices.ContainsFunc(p.Tags, func(t string) bool { return underTag(t, path) }) {
			ps++
		}
	}
	for _, tags := range f.artTags {
		if slices.ContainsFunc(tags, func(t string) bool { return underTag(t, path) }) {
			others++
		}
	}
	for _, tags := range f.quoteTags {
		if slices.ContainsFunc(tags, func(t string) bool { return underTag(t, path) }) {
			others++
		}
	}
	return ps, others
}

func (f *fakeNotebook) TagUsage(path string) (int, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ps, others := f.usage(path)
	return ps, others, nil
}

func (f *fakeNotebook) DeleteTag(path string, force bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called(fmt.Sprint("DeleteTag ", path, " ", force))
	if !f.hasTag(path) {
		return dossier.Errorf(dossier.ENOTFOUND, "no tag %s", path)
	}
	if ps, others := f.usage(path); ps+others > 0 && !force {
		return dossier.Errorf(dossier.ECONFLICT, "tag %s is used by %d passages", path, ps)
	}
	f.saveKind("tag", "Delete tag "+path)
	f.retag(path, "", true)
	return nil
}

func (f *fakeNotebook) DeleteArticle(id dossier.ArticleID) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := slices.IndexFunc(f.arts, func(a *dossier.Article) bool { return a.ID == id })
	if i < 0 {
		return dossier.Errorf(dossier.ENOTFOUND, "no article %d", id)
	}
	f.saveKind("delete", "Delete article "+f.arts[i].Title)
	f.arts = slices.Delete(slices.Clone(f.arts), i, i+1)
	f.ps = slices.DeleteFunc(slices.Clone(f.ps), func(p dossier.Passage) bool { return p.Article == id })
	f.qs = slices.DeleteFunc(slices.Clone(f.qs), func(q dossier.Quote) bool { return q.Article == id })
	return nil
}

func (f *fakeNotebook) ArticleTags(id dossier.ArticleID) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.artTags[id]), nil
}

func (f *fakeNotebook) SetArticleTags(id dossier.ArticleID, tags []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saveKind("tag", fmt.Sprintf("Tag article %d %s", id, strings.Join(tags, ", ")))
	f.artTags = maps.Clone(f.artTags)
	f.artTags[id] = tags
	return nil
}

func (f *fakeNotebook) QuoteTags(id dossier.QuoteID) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.quoteTags[id]), nil
}

func (f *fakeNotebook) SetQuoteTags(id dossier.QuoteID, tags []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saveKind("tag", fmt.Sprintf("Tag quote %d %s", id, strings.Join(tags, ", ")))
	f.quoteTags = maps.Clone(f.quoteTags)
	f.quoteTags[id] = tags
	return nil
}

func (f *fakeNotebook) DeleteQuote(id dossier.QuoteID) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := slices.IndexFunc(f.qs, func(q dossier.Quote) bool { return q.ID == id })
	if i < 0 {
		return dossier.Errorf(dossier.ENOTFOUND, "no quote %d", id)
	}
	f.saveKind("quote", fmt.Sprint("Delete quote ", id))
	f.qs = slices.Delete(slices.Clone(f.qs), i, i+1)
	f.corrected = maps.Clone(f.corrected)
	f.corrected[id] = true
	return nil
}

func (f *fakeNotebook) AddQuote(a dossier.ArticleID, spans []dossier.Span, speaker string) (dossier.QuoteID, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var body []rune
	for _, art := range f.arts {
		if art.ID == a {
			body = []rune(art.Body)
		}
	}
	if body == nil {
		return 0, dossier.Errorf(dossier.ENOTFOUND, "no article %d", a)
	}
	s := spans[0]
	if s.Start < 0 || s.End > len(body) || s.Start >= s.End {
		return 0, dossier.Errorf(dossier.EINVALID, "span %d-%d is outside the text", s.Start, s.End)
	}
	id := dossier.QuoteID(uint64(a)<<24 | uint64(s.Start))
	f.saveKind("quote", fmt.Sprint("Add quote ", id))
	f.qs = append(slices.Clone(f.qs), dossier.Quote{ID: id, Article: a, Spans: spans, Text: string(body[s.Start:s.End]), Speaker: speaker, Mention: speaker})
	f.corrected = maps.Clone(f.corrected)
	f.corrected[id] = true
	return id, nil
}

func (f *fakeNotebook) RevertQuote(id dossier.QuoteID) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.corrected[id] {
		return dossier.Errorf(dossier.ENOTFOUND, "quote %d has no correction", id)
	}
	f.saveKind("quote", fmt.Sprint("Revert quote ", id))
	f.corrected = maps.Clone(f.corrected)
	delete(f.corrected, id)
	return nil
}

func (f *fakeNotebook) Corrected(id dossier.QuoteID) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.corrected[id], nil
}

func (f *fakeNotebook) Aliases() ([]Alias, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Alias
	for a, n := range f.builtIn {
		if _, changed := f.aliases[a]; !changed {
			out = append(out, Alias{Alias: a, Name: n, BuiltIn: true})
		}
	}
	for a, n := range f.aliases {
		if n != "" {
			out = append(out, Alias{Alias: a, Name: n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Alias < out[j].Alias })
	return out, nil
}

func (f *fakeNotebook) SetAlias(alias, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	alias = strings.ToLower(strings.TrimSpace(alias))
	if alias == "" || strings.TrimSpace(name) == "" {
		return dossier.Errorf(dossier.EINVALID, "an alias needs a spelling and the name it stands for")
	}
	if strings.EqualFold(alias, name) {
		return dossier.Errorf(dossier.EINVALID, "%q cannot be an alias of itself", alias)
	}
	f.saveKind("alias", "Alias "+alias+" → "+name)
	f.aliases = maps.Clone(f.aliases)
	f.aliases[alias] = strings.TrimSpace(name)
	return nil
}

func (f *fakeNotebook) RemoveAlias(alias string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saveKind("alias", "Remove alias "+alias)
	f.aliases = maps.Clone(f.aliases)
	f.aliases[alias] = ""
	return nil
}

func (f *fakeNotebook) ReExtract(batchSize int, progress func(done, total int)) error {
	f.mu.Lock()
	n := len(f.arts)
	f.saveKind("extract", "Re-run extraction")
	f.mu.Unlock()
	for i := 1; i <= n; i++ {
		progress(i, n)
	}
	return nil
}

func (f *fakeNotebook) Backup(path string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("Backup " + path)
	return nil
}

func (f *fakeNotebook) Speakers() ([]NameCount, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := map[string]int{}
	for _, q := range f.qs {
		if q.Speaker != "" {
			c[q.Speaker]++
		}
	}
	return byCount(c), nil
}

// addArticle adds an article, as an import would.
func (f *fakeNotebook) addArticle(a *dossier.Article) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a.Hash = dossier.HashBody(a.Body)
	f.arts = append(f.arts, a)
}

// fakeArticles is a small notebook: three articles, one undated, one with
// an inferred date, quotes by two speakers.
func fakeArticles() *fakeNotebook {
	f := newFakeNotebook(
		&dossier.Article{ID: 1, Title: "Russia masses troops", Outlet: "Reuters", Body: "Russia has moved troops.\n\nMore than 94,000 troops, officials said.", Published: dossier.DayDate(2022, 1, 29, dossier.OriginHeader)},
		&dossier.Article{ID: 2, Title: "Undated note", Body: "No date here."},
		&dossier.Article{ID: 3, Title: "Talks in Geneva", Outlet: "AP", Body: "Diplomats met in Geneva. “We are watching closely,” Ned Price said.", Published: dossier.DayDate(2021, 12, 3, dossier.OriginInferred)},
	)
	f.qs = []dossier.Quote{
		{ID: 301, Article: 3, Spans: []dossier.Span{{Start: 26, End: 48}}, Text: "We are watching closely", Speaker: "Ned Price"},
		{ID: 101, Article: 1, Spans: []dossier.Span{{Start: 0, End: 10}}, Text: "Russia has", Speaker: "Jen Psaki"},
	}
	return f
}

func (f *fakeNotebook) FiguresMatching(q *dossier.Query) ([]dossier.Figure, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.called("FiguresMatching " + queryText(q))
	var out []dossier.Figure
	for _, fig := range f.figs {
		r := dossier.FigureRecord(&fig)
		if m := f.meta(fig.Article); m != nil {
			r.Title, r.Outlet = m.Title, m.Outlet
		}
		if q.Match(&r) {
			out = append(out, fig)
		}
	}
	return out, nil
}

package ui

import (
	"fmt"
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
	mu     sync.Mutex
	arts   []*dossier.Article
	ps     []dossier.Passage
	qs     []dossier.Quote
	colors map[string]string
	nextP  dossier.PassageID
	undo   []fakeState
	redo   []fakeState
	calls  []string
}

type fakeState struct {
	summary string
	ps      []dossier.Passage
}

func newFakeNotebook(arts ...*dossier.Article) *fakeNotebook {
	f := &fakeNotebook{arts: arts, colors: map[string]string{}, nextP: 1}
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
	sortByDate(out)
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

func (f *fakeNotebook) save(summary string) {
	f.undo = append(f.undo, fakeState{summary, slices.Clone(f.ps)})
	f.redo = nil
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
	by := map[string]*TagCount{}
	get := func(path string) *TagCount {
		k := strings.ToLower(path)
		if by[k] == nil {
			by[k] = &TagCount{Tag: dossier.Tag{Path: path, Color: f.colors[k]}}
		}
		return by[k]
	}
	for _, p := range f.ps {
		for _, t := range p.Tags {
			get(t).Count++
			for up := t; up != ""; up = dossier.TagParent(up) {
				get(up).Total++
			}
		}
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
	f.colors[strings.ToLower(path)] = color
	return nil
}

func (f *fakeNotebook) Undo() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.undo) == 0 {
		return "", dossier.Errorf(dossier.ECONFLICT, "nothing to undo")
	}
	s := f.undo[len(f.undo)-1]
	f.undo = f.undo[:len(f.undo)-1]
	f.redo = append(f.redo, fakeState{s.summary, f.ps})
	f.ps = s.ps
	return s.summary, nil
}

func (f *fakeNotebook) Redo() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.redo) == 0 {
		return "", dossier.Errorf(dossier.ECONFLICT, "nothing to redo")
	}
	s := f.redo[len(f.redo)-1]
	f.redo = f.redo[:len(f.redo)-1]
	f.undo = append(f.undo, fakeState{s.summary, f.ps})
	f.ps = s.ps
	return s.summary, nil
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

package main

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"dossier"
	"dossier/search"
	"dossier/store"
	"dossier/ui"
)

// searchService is the window's fuzzy search (ui.Services.Search) over an
// open notebook. It keeps a search.Index of the notebook's short texts, the
// ones dossier search looks through (notebookItems), and searches it with a
// search.Session, so that each keystroke searches only what the previous
// query matched.
//
// The window keeps the index current as the notebook changes:
//
//   - a passage added or changed (tags, note): AddPassage;
//   - a passage deleted: RemovePassage;
//   - tags renamed, added or removed: Refresh(search.Tag);
//   - a speaker corrected or an alias changed: Refresh(search.Speaker);
//   - an import, a deletion of articles, undo or redo: Refresh().
//
// Every method is safe for concurrent use; Refresh reads the notebook and
// belongs on a background goroutine, the others take microseconds.
type searchService struct {
	n *store.Notebook
	x *search.Index

	// refreshing serialises Refresh, so that a refresh that read the
	// notebook earlier never applies its items after a later one.
	refreshing sync.Mutex

	// mu serialises searches (a Session is not safe for concurrent use) and
	// guards the fields below.
	mu      sync.Mutex
	alias   func(string) []string
	refs    map[search.Kind]map[uint64]string
	texts   map[search.Kind]map[uint64]string // what the index holds, to tell what a Refresh changes
	sess    *search.Session
	sessFor string // the kinds and limit sess searches with
}

// newSearchService indexes the notebook's short texts for the window's
// fuzzy search. It reads every title, quote and passage: on a large
// notebook (550,000 items) that takes seconds, so the window calls it on a
// goroutine of its own.
func newSearchService(n *store.Notebook) (*searchService, error) {
	s := &searchService{
		n:     n,
		x:     search.NewIndex(),
		refs:  map[search.Kind]map[uint64]string{},
		texts: map[search.Kind]map[uint64]string{},
	}
	if err := s.Refresh(); err != nil {
		return nil, err
	}
	return s, nil
}

// Search is ui.Services.Search: the best limit results for query among the
// named kinds ("speaker", "quotes"; all when kinds is empty), with kinds
// named as strings and refs as dossier search prints them. A search whose
// ctx is cancelled, also while it waits for the one before, returns
// ctx.Err().
func (s *searchService) Search(ctx context.Context, query string, kinds []string, limit int) ([]ui.SearchResult, error) {
	opts := search.Options{Limit: limit}
	for _, k := range kinds {
		kd, ok := search.ParseKind(strings.ToLower(strings.TrimSpace(k)))
		if !ok {
			return nil, dossier.Errorf(dossier.EINVALID, "%q is not a kind of search result", k)
		}
		if !slices.Contains(opts.Kinds, kd) {
			opts.Kinds = append(opts.Kinds, kd)
		}
	}
	slices.Sort(opts.Kinds)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err // a newer keystroke has made this one stale
	}
	key := sessionKey(opts)
	if s.sess == nil || s.sessFor != key {
		opts.Alias = s.alias
		s.sess, s.sessFor = s.x.NewSession(opts), key
	}
	res, err := s.sess.Search(ctx, query)
	if err != nil {
		return nil, err
	}
	out := make([]ui.SearchResult, len(res))
	for i, r := range res {
		out[i] = ui.SearchResult{
			Kind:    r.Kind.String(),
			ID:      r.ID,
			Text:    r.Text,
			Ref:     resultRef(s.refs, r),
			Score:   r.Score,
			Matches: r.Matches,
		}
	}
	return out, nil
}

// sessionKey names the kinds and limit of a session's options.
func sessionKey(opts search.Options) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(opts.Limit))
	for _, k := range opts.Kinds {
		b.WriteByte(' ')
		b.WriteString(k.String())
	}
	return b.String()
}

// resultRef is how dossier search names a result: the article's ID for an
// article, ARTICLE:START for a quote, PASSAGE@ARTICLE for a passage or its
// note, nothing for speakers, tags and outlets.
func resultRef(refs map[search.Kind]map[uint64]string, r search.Result) string {
	ref := refs[r.Kind][r.ID]
	switch {
	case r.Kind == search.Article:
		return strconv.FormatUint(r.ID, 10)
	case ref != "" && (r.Kind == search.Passage || r.Kind == search.Note):
		return strconv.FormatUint(r.ID, 10) + "@" + ref
	}
	return ref
}

// Refresh reads the items of the given kinds (all when none is given) from
// the notebook again and brings the index up to date with them: it adds
// what is new, replaces what changed and removes what is gone. Refreshing
// speakers also reads the alias table again.
func (s *searchService) Refresh(kinds ...search.Kind) error {
	if len(kinds) == 0 {
		kinds = search.Kinds
	}
	s.refreshing.Lock()
	defer s.refreshing.Unlock()
	al, err := aliasesOf(s.n)
	if err != nil {
		return err
	}
	fi, err := notebookItems(s.n, al)
	if err != nil {
		return err
	}
	byKind := map[search.Kind][]search.Item{}
	for _, it := range fi.Items {
		if slices.Contains(kinds, it.Kind) {
			byKind[it.Kind] = append(byKind[it.Kind], it)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var changed []search.Item
	for _, k := range kinds {
		old, now := s.texts[k], make(map[uint64]string, len(byKind[k]))
		for _, it := range byKind[k] {
			now[it.ID] = it.Text
			if t, ok := old[it.ID]; !ok || t != it.Text {
				changed = append(changed, it)
			}
		}
		for id := range old {
			if _, ok := now[id]; !ok {
				s.x.Remove(k, id)
			}
		}
		s.texts[k], s.refs[k] = now, fi.Refs[k]
	}
	if err := s.x.Add(changed...); err != nil {
		return err
	}
	if slices.Contains(kinds, search.Speaker) || s.alias == nil {
		s.alias, s.sess = aliasWords(al), nil
	}
	return nil
}

// AddPassage indexes a new or changed passage: its text, and its note when
// it has one.
func (s *searchService) AddPassage(p dossier.Passage) error {
	items, ref := passageItems(p)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removePassage(p.ID)
	if err := s.x.Add(items...); err != nil {
		return err
	}
	for _, it := range items {
		s.set(it.Kind, it.ID, it.Text, ref)
	}
	return nil
}

// RemovePassage takes a deleted passage and its note out of the index.
func (s *searchService) RemovePassage(id dossier.PassageID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removePassage(id)
}

func (s *searchService) removePassage(id dossier.PassageID) {
	for _, k := range []search.Kind{search.Passage, search.Note} {
		s.x.Remove(k, uint64(id))
		delete(s.texts[k], uint64(id))
		delete(s.refs[k], uint64(id))
	}
}

// set records an item the index holds, with its ref.
func (s *searchService) set(k search.Kind, id uint64, text, ref string) {
	if s.texts[k] == nil {
		s.texts[k] = map[uint64]string{}
	}
	if s.refs[k] == nil {
		s.refs[k] = map[uint64]string{}
	}
	s.texts[k][id], s.refs[k][id] = text, ref
}

// passageItems returns what fuzzy search looks through of a passage: its
// text and its note (the passage's ID for both), and their ref, the article.
func passageItems(p dossier.Passage) ([]search.Item, string) {
	var items []search.Item
	if strings.TrimSpace(p.Text) != "" {
		items = append(items, search.Item{Kind: search.Passage, ID: uint64(p.ID), Text: p.Text})
	}
	if strings.TrimSpace(p.Note) != "" {
		items = append(items, search.Item{Kind: search.Note, ID: uint64(p.ID), Text: p.Note})
	}
	return items, strconv.FormatUint(uint64(p.Article), 10)
}

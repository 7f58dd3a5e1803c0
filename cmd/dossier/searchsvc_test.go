package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier"
	"dossier/search"
	"dossier/store"
	"dossier/ui"
)

// seedService opens the seed notebook in a temporary folder, as the window
// does, with its search service.
func seedService(t *testing.T) (*store.Notebook, *searchService) {
	t.Helper()
	m := &Main{DBPath: filepath.Join(t.TempDir(), "nb.dossier"), Stdout: io.Discard, Stderr: io.Discard}
	n, err := m.open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	s, err := newSearchService(n)
	if err != nil {
		t.Fatal(err)
	}
	return n, s
}

func has(rs []ui.SearchResult, kind, text string) bool {
	return slices.ContainsFunc(rs, func(r ui.SearchResult) bool { return r.Kind == kind && r.Text == text })
}

func TestSearchServiceSeed(t *testing.T) {
	_, s := seedService(t)
	ctx := context.Background()
	rs, err := s.Search(ctx, "zelensky", []string{"speaker"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 || rs[0].Kind != "speaker" || rs[0].Text != "Volodymyr Zelenskyy" {
		t.Fatalf("zelensky among speakers = %+v, want Volodymyr Zelenskyy first", rs)
	}
	for _, r := range rs {
		if r.Kind != "speaker" {
			t.Errorf("a %s among speakers: %+v", r.Kind, r)
		}
	}

	// Every kind at once, refs as dossier search writes them, and matches
	// that are rune offsets of the text.
	rs, err = s.Search(ctx, "psaki", nil, 50)
	if err != nil {
		t.Fatal(err)
	}
	if !has(rs, "speaker", "Jen Psaki") {
		t.Errorf("psaki: no speaker Jen Psaki in %+v", rs)
	}
	quotes := 0
	for _, r := range rs {
		rr := []rune(r.Text)
		for _, m := range r.Matches {
			if m < 0 || m >= len(rr) {
				t.Fatalf("%+v: match %d outside the text", r, m)
			}
		}
		switch r.Kind {
		case "quote":
			quotes++
			if a, st, ok := strings.Cut(r.Ref, ":"); !ok || a == "" || st == "" {
				t.Errorf("quote ref %q, want ARTICLE:START", r.Ref)
			}
		case "article":
			if r.Ref == "" {
				t.Errorf("article %d without a ref", r.ID)
			}
		}
	}
	if quotes == 0 {
		t.Errorf("psaki: no quotes in %+v", rs)
	}

	// The same query typed one keystroke at a time gives the same results.
	var last []ui.SearchResult
	for i := 1; i <= len("psaki"); i++ {
		if last, err = s.Search(ctx, "psaki"[:i], nil, 50); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.EqualFunc(last, rs, func(a, b ui.SearchResult) bool {
		return a.Kind == b.Kind && a.ID == b.ID && a.Score == b.Score && a.Ref == b.Ref
	}) {
		t.Errorf("typed one key at a time: %d results, at once %d", len(last), len(rs))
	}

	if _, err := s.Search(ctx, "x", []string{"nonsense"}, 10); dossier.ErrorCode(err) != dossier.EINVALID {
		t.Errorf("unknown kind: err %v, want invalid", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Search(cancelled, "psak", nil, 50); err == nil {
		t.Error("a cancelled search returned no error")
	}
}

func TestSearchServiceKeepsUp(t *testing.T) {
	n, s := seedService(t)
	ctx := context.Background()
	metas, err := n.ArticleMetas()
	if err != nil {
		t.Fatal(err)
	}
	a := metas[0].ID
	body, err := n.Body(a)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(body)
	end := min(len(rs), 40)
	p, err := n.AddPassage(a, 0, end, []string{"watch"}, "quokka marmalade theory")
	if err != nil {
		t.Fatal(err)
	}
	find := func(q string) []ui.SearchResult {
		t.Helper()
		res, err := s.Search(ctx, q, []string{"note", "passage", "tag"}, 10)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if len(find("quokka marmalade")) != 0 {
		t.Fatal("found the note before it was indexed")
	}
	if err := s.AddPassage(p); err != nil {
		t.Fatal(err)
	}
	res := find("quokka marmalade")
	if len(res) != 1 || res[0].Kind != "note" || res[0].ID != uint64(p.ID) || res[0].Ref != fmt.Sprintf("%d@%d", p.ID, a) {
		t.Fatalf("after AddPassage: %+v", res)
	}
	if !has(find(string(rs[:end])), "passage", p.Text) {
		t.Error("the passage's text is not found")
	}

	// A changed note replaces the old one.
	p.Note = "wombat"
	if err := s.AddPassage(p); err != nil {
		t.Fatal(err)
	}
	if len(find("quokka")) != 0 || len(find("wombat")) != 1 {
		t.Error("AddPassage did not replace the note")
	}
	s.RemovePassage(p.ID)
	if len(find("wombat")) != 0 {
		t.Error("the note is found after RemovePassage")
	}

	// Refresh reads what changed in the notebook: the passage and its tag
	// come back; after the passage is deleted, they go.
	if err := s.Refresh(search.Passage, search.Note, search.Tag); err != nil {
		t.Fatal(err)
	}
	if len(find("quokka")) != 1 || !has(find("watch"), "tag", "watch") {
		t.Error("Refresh did not index the notebook's passage and tag")
	}
	if err := n.DeletePassage(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(); err != nil {
		t.Fatal(err)
	}
	if len(find("quokka")) != 0 {
		t.Error("the deleted passage's note is found after Refresh")
	}
	if rs, _ := s.Search(ctx, "zelensky", []string{"speaker"}, 10); len(rs) == 0 || rs[0].Text != "Volodymyr Zelenskyy" {
		t.Errorf("after Refresh, zelensky = %+v", rs)
	}
}

package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier"
	"dossier/search"
)

// findHit is a hit of find --json as a client reads it.
type findHit struct {
	Article  dossier.ArticleID `json:"article"`
	Title    string            `json:"title"`
	Date     *string           `json:"date"`
	Outlet   string            `json:"outlet"`
	Score    float64           `json:"score"`
	Count    int               `json:"count"`
	Snippets []struct {
		Text    string   `json:"text"`
		Start   int      `json:"start"`
		Matches [][2]int `json:"matches"`
	} `json:"snippets"`
}

// matchedTexts returns the body's text at every match of every snippet,
// checking that the snippet's text is the body's at its start.
func matchedTexts(t *testing.T, body []rune, h findHit) []string {
	t.Helper()
	var out []string
	for _, s := range h.Snippets {
		st := []rune(s.Text)
		if s.Start < 0 || s.Start+len(st) > len(body) || string(body[s.Start:s.Start+len(st)]) != s.Text {
			t.Fatalf("article %d: snippet at %d is not the body's text there: %q", h.Article, s.Start, s.Text)
		}
		for _, m := range s.Matches {
			out = append(out, string(body[s.Start+m[0]:s.Start+m[1]]))
		}
	}
	return out
}

func TestFindCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nb.dossier")
	var arts []articleJSON
	cliJSON(t, db, &arts, "list")
	bs := bodies(t, db)
	var troops dossier.ArticleID // the seed article 003, Reznikov's 94,000 troops
	for _, a := range arts {
		if strings.HasPrefix(a.File, "003_") {
			troops = a.ID
		}
	}
	if troops == 0 {
		t.Fatal("no seed article 003")
	}

	var hits []findHit
	cliJSON(t, db, &hits, "find", "troops")
	found := false
	for _, h := range hits {
		if len(h.Snippets) == 0 || h.Count < 1 || h.Title == "" {
			t.Errorf("hit %+v lacks snippets, count or title", h)
		}
		for _, s := range matchedTexts(t, bs[h.Article], h) {
			if !strings.EqualFold(s, "troops") {
				t.Errorf("article %d: a match of troops reads %q", h.Article, s)
			}
		}
		found = found || h.Article == troops
	}
	if !found {
		t.Errorf("find troops: article %d not among %d hits", troops, len(hits))
	}

	cliJSON(t, db, &hits, "find", `"more than 94,000 troops"`)
	if len(hits) != 1 || hits[0].Article != troops {
		t.Fatalf("phrase: got %+v, want article %d alone", hits, troops)
	}
	if got := matchedTexts(t, bs[troops], hits[0]); len(got) != 1 || got[0] != "more than 94,000 troops" {
		t.Errorf("phrase matches %q", got)
	}
	// The words without the quotes are found in a wider set.
	var words []findHit
	cliJSON(t, db, &words, "find", "troops", "94,000")
	if len(words) != 1 || words[0].Article != troops {
		t.Errorf("words troops 94,000: %+v", words)
	}

	cliJSON(t, db, &hits, "find", "--query", "date:2022", "troops")
	if len(hits) == 0 {
		t.Fatal("find --query date:2022 troops: no hit")
	}
	for _, h := range hits {
		if h.Date == nil || !strings.HasPrefix(*h.Date, "2022") {
			t.Errorf("--query date:2022 let through article %d of %v", h.Article, h.Date)
		}
	}

	out := mustCLI(t, db, "find", `"94,000 troops"`)
	if !strings.Contains(out, "«94,000 troops»") || !strings.Contains(out, "2021-12-03") {
		t.Errorf("text output:\n%s", out)
	}
	if out := mustCLI(t, db, "find", "--json", "zzyzxnotaword"); strings.TrimSpace(out) != "[]" {
		t.Errorf("no hit: %q", out)
	}
}

func TestFindFollowsImportsAndUndo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nb.dossier")
	mustCLI(t, db, "list")
	file := filepath.Join(dir, "extra.txt")
	if err := os.WriteFile(file, []byte("Quokkas near the border\n\nObservers counted quokkas at the crossing.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, db, "import", file)
	var hits []findHit
	cliJSON(t, db, &hits, "find", "quokkas")
	if len(hits) != 1 || hits[0].Count != 1 || hits[0].Title != "Quokkas near the border" {
		t.Fatalf("after import: %+v", hits)
	}
	mustCLI(t, db, "undo")
	cliJSON(t, db, &hits, "find", "quokkas")
	if len(hits) != 0 {
		t.Fatalf("after undo: %+v", hits)
	}
	mustCLI(t, db, "redo")
	if _, err := cli(t, db, "find", "--reindex"); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, db, "undo") // after the compaction: the article goes, its postings stay
	cliJSON(t, db, &hits, "find", "quokkas")
	if len(hits) != 0 {
		t.Fatalf("undo after reindex: %+v", hits)
	}
	mustCLI(t, db, "redo")
	cliJSON(t, db, &hits, "find", "quokkas")
	if len(hits) != 1 {
		t.Fatalf("redo after reindex: %+v", hits)
	}
}

// searchResult is a result of search --json as a client reads it.
type searchResult struct {
	Kind    string `json:"kind"`
	ID      uint64 `json:"id"`
	Text    string `json:"text"`
	Score   int    `json:"score"`
	Matches []int  `json:"matches"`
	Ref     string `json:"ref"`
}

// spells reports whether the runes of text at matches, folded, are word in
// order.
func spells(text string, matches []int, word string) bool {
	rs := []rune(text)
	var b strings.Builder
	for _, i := range matches {
		if i < 0 || i >= len(rs) {
			return false
		}
		b.WriteString(search.FoldString(string(rs[i])))
	}
	return b.String() == word
}

func TestSearchCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nb.dossier")
	var rs []searchResult
	cliJSON(t, db, &rs, "search", "psaki")
	kinds := map[string]int{}
	for _, r := range rs {
		kinds[r.Kind]++
		if !spells(r.Text, r.Matches, "psaki") {
			t.Errorf("%s %d: matches %v do not spell psaki in %q", r.Kind, r.ID, r.Matches, r.Text)
		}
		if r.Kind == "quote" && !strings.Contains(r.Ref, ":") {
			t.Errorf("quote %d has ref %q, want ARTICLE:START", r.ID, r.Ref)
		}
	}
	if len(rs) == 0 || rs[0].Kind != "speaker" || rs[0].Text != "Jen Psaki" || !slices.Equal(rs[0].Matches, []int{4, 5, 6, 7, 8}) {
		t.Errorf("search psaki: first result %+v, want the speaker Jen Psaki with matches 4-8", rs)
	}
	if kinds["quote"] == 0 || kinds["article"] == 0 {
		t.Errorf("search psaki: kinds %v, want quotes and articles too", kinds)
	}

	for _, q := range []string{"Zelensky", "zelenskiy"} { // by subsequence, by the alias table
		cliJSON(t, db, &rs, "search", "--kind", "speaker", q)
		if len(rs) == 0 || rs[0].Text != "Volodymyr Zelenskyy" {
			t.Errorf("search --kind speaker %s: %+v", q, rs)
		}
		for _, r := range rs {
			if r.Kind != "speaker" {
				t.Errorf("--kind speaker gave a %s", r.Kind)
			}
		}
	}
	cliJSON(t, db, &rs, "search", "--kind", "quote,article", "--limit", "3", "russia")
	if len(rs) != 3 {
		t.Errorf("--limit 3: %d results", len(rs))
	}
	for _, r := range rs {
		if r.Kind != "quote" && r.Kind != "article" {
			t.Errorf("--kind quote,article gave a %s", r.Kind)
		}
	}

	// Passages, notes and tags are searched too.
	mustCLI(t, db, "annotate", "4", "--quote", "more than 94,000 troops", "--tag", "figures/troops", "--note", "Reznikov cites intelligence")
	cliJSON(t, db, &rs, "search", "--kind", "note,tag,passage", "troops")
	got := map[string]string{}
	for _, r := range rs {
		got[r.Kind] = r.Text
		if (r.Kind == "passage" || r.Kind == "note") && r.Ref != "4" {
			t.Errorf("%s ref %q, want the article 4", r.Kind, r.Ref)
		}
	}
	if got["passage"] != "more than 94,000 troops" || got["tag"] != "figures/troops" {
		t.Errorf("passage and tag: %v", got)
	}
	cliJSON(t, db, &rs, "search", "--kind", "note", "intelligence")
	if len(rs) != 1 || rs[0].Text != "Reznikov cites intelligence" {
		t.Errorf("note: %+v", rs)
	}

	out := mustCLI(t, db, "search", "psaki")
	if !strings.HasPrefix(out, "speakers\n") || !strings.Contains(out, "Jen «Psaki»") {
		t.Errorf("text output:\n%s", out)
	}
}

func TestSearchAndFindBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nb.dossier")
	tests := []struct {
		args []string
		code string // an error code, or "usage" / "failed"
	}{
		{[]string{"search"}, "usage"},
		{[]string{"search", "--kind", "bogus", "x"}, dossier.EINVALID},
		{[]string{"search", "--limit", "0", "x"}, dossier.EINVALID},
		{[]string{"search", "--nope", "x"}, "usage"},
		{[]string{"find"}, "usage"},
		{[]string{"find", "--limit", "-1", "x"}, dossier.EINVALID},
		{[]string{"find", "--query", "date:(", "x"}, "failed"},
	}
	for _, tt := range tests {
		_, err := cli(t, db, tt.args...)
		var ok bool
		switch tt.code {
		case "usage":
			ok = errors.Is(err, errUsage)
		case "failed":
			ok = errors.Is(err, errFailed)
		default:
			ok = err != nil && dossier.ErrorCode(err) == tt.code
		}
		if !ok {
			t.Errorf("dossier %s: %v, want %s", strings.Join(tt.args, " "), err, tt.code)
		}
	}
}

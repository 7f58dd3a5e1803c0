package store

import (
	"strings"
	"testing"

	"dossier"
)

const buildup = "Russia has massed troops near the border. Officials in Kyiv say the buildup is the largest since 2014. Washington warned of sanctions."

func spanOf(body, text string) (int, int) {
	i := strings.Index(body, text)
	s := len([]rune(body[:i]))
	return s, s + len([]rune(text))
}

func TestPassagesReanchorOnUpdate(t *testing.T) {
	n := openTemp(t)
	a := article("Buildup", "https://example.com/buildup", buildup)
	if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
		t.Fatal(err)
	}
	texts := []string{"Russia has massed troops", "Officials in Kyiv say", "warned of sanctions"}
	var ids []dossier.PassageID
	for _, text := range texts {
		s, e := spanOf(buildup, text)
		p, err := n.AddPassage(a.ID, s, e, []string{"theme/troops"}, "line one\nline two  ")
		if err != nil {
			t.Fatal(err)
		}
		if p.Text != text || p.Note != "line one\nline two" {
			t.Fatalf("passage = %+v", p)
		}
		ids = append(ids, p.ID)
	}
	// Re-import: a sentence inserted before the second, the second passage's
	// words edited, the last deleted.
	nb := "Russia has massed troops near the border. A new sentence here. Officials in Kyiv now say the buildup is the largest since 2014."
	b := article("Buildup", "https://example.com/buildup", nb)
	res, err := n.SaveArticles([]*dossier.Article{b})
	if err != nil || res[0].Action != dossier.Updated {
		t.Fatalf("save = %v, %v", res, err)
	}
	want := []struct {
		text   string
		orphan bool
	}{{"Russia has massed troops", false}, {"Officials in Kyiv now say", false}, {"warned of sanctions", true}}
	for i, id := range ids {
		p, err := n.Passage(id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Text != want[i].text || p.Orphan != want[i].orphan {
			t.Errorf("passage %d = %q orphan=%v, want %q orphan=%v", id, p.Text, p.Orphan, want[i].text, want[i].orphan)
		}
		if !p.Orphan && string([]rune(nb)[p.Start:p.End]) != p.Text {
			t.Errorf("passage %d: %d-%d is not its text", id, p.Start, p.End)
		}
		if p.Note != "line one\nline two" {
			t.Errorf("passage %d lost its note", id)
		}
	}
	q, _ := dossier.ParseQuery("is:orphan")
	if ps, _ := n.Passages(q); len(ps) != 1 || ps[0].ID != ids[2] {
		t.Errorf("is:orphan = %v", ps)
	}
	// The text comes back: the orphan is placed again.
	if _, err := n.SaveArticles([]*dossier.Article{article("Buildup", "https://example.com/buildup", buildup)}); err != nil {
		t.Fatal(err)
	}
	if p, _ := n.Passage(ids[2]); p.Orphan || p.Text != "warned of sanctions" {
		t.Errorf("revived passage = %+v", p)
	}
}

func TestTagOperations(t *testing.T) {
	n := openTemp(t)
	a := article("Buildup", "https://example.com/buildup", buildup)
	n.SaveArticles([]*dossier.Article{a})
	add := func(text string, tags ...string) dossier.PassageID {
		s, e := spanOf(buildup, text)
		p, err := n.AddPassage(a.ID, s, e, tags, "")
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	p1 := add("Russia", "actor/russia/mod", "theme/troops")
	p2 := add("Kyiv", "Actor/Ukraine")
	p3 := add("Washington", "actor/usa", "ACTOR/RUSSIA")
	counts := func() map[string][2]int {
		ts, err := n.Tags()
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][2]int{}
		for _, ti := range ts {
			m[ti.Path] = [2]int{ti.Count, ti.Total}
			if ti.Color == "" {
				t.Errorf("tag %s has no colour", ti.Path)
			}
		}
		return m
	}
	c := counts()
	// "Actor/Ukraine" took the spelling of the existing "actor".
	for tag, want := range map[string][2]int{"actor": {0, 3}, "actor/russia": {1, 2}, "actor/russia/mod": {1, 1}, "actor/Ukraine": {1, 1}, "theme": {0, 1}} {
		if c[tag] != want {
			t.Errorf("%s count,total = %v, want %v (all: %v)", tag, c[tag], want, c)
		}
	}
	if err := n.RenameTag("actor/russia", "actor/usa"); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Errorf("rename onto an existing tag: %v", err)
	}
	if err := n.RenameTag("actor/russia", "state/russia"); err != nil {
		t.Fatal(err)
	}
	if p, _ := n.Passage(p1); strings.Join(p.Tags, ",") != "state/russia/mod,theme/troops" {
		t.Errorf("renamed tags = %v", p.Tags)
	}
	if err := n.MergeTag("state/russia", "actor/usa"); err != nil {
		t.Fatal(err)
	}
	if p, _ := n.Passage(p3); strings.Join(p.Tags, ",") != "actor/usa" {
		t.Errorf("merged tags = %v", p.Tags)
	}
	err := n.DeleteTag("actor", false)
	if dossier.ErrorCode(err) != dossier.ECONFLICT || !strings.Contains(err.Error(), "used by 3 passages; add --force") {
		t.Errorf("delete in use: %v", err)
	}
	if err := n.DeleteTag("actor", true); err != nil {
		t.Fatal(err)
	}
	if p, _ := n.Passage(p2); len(p.Tags) != 0 {
		t.Errorf("deleted tag stays: %v", p.Tags)
	}
	if err := n.SetTagColor("theme/troops", "#abc"); err != nil {
		t.Fatal(err)
	}
	ts, _ := n.Tags()
	for _, ti := range ts {
		if strings.HasPrefix(ti.Path, "actor") {
			t.Errorf("tag %s survived its deletion", ti.Path)
		}
		if ti.Path == "theme/troops" && ti.Color != "#AABBCC" {
			t.Errorf("colour = %s", ti.Color)
		}
	}
	for range 4 { // colour, delete, merge, rename
		if _, err := n.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if p, _ := n.Passage(p3); strings.Join(p.Tags, ",") != "actor/usa,actor/russia" {
		t.Errorf("after undoing the tag operations: %v", p.Tags)
	}
}

func TestQueriesOverPassagesAndArticles(t *testing.T) {
	n := openTemp(t)
	a := article("Buildup", "https://example.com/buildup", buildup)
	b := article("Talks", "https://example.com/talks", "Talks in Geneva ended without agreement.")
	n.SaveArticles([]*dossier.Article{a, b})
	s, e := spanOf(buildup, "Officials in Kyiv")
	if _, err := n.AddPassage(a.ID, s, e, []string{"actor/ukraine"}, "check the date"); err != nil {
		t.Fatal(err)
	}
	if err := n.SetArticleTags(b.ID, []string{"theme/diplomacy"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q                  string
		passages, articles int
	}{
		{"tag:actor", 1, 1},
		{"tag:theme", 0, 1},
		{"note:check kyiv", 1, 0},
		{"geneva", 0, 1},
		{"date:2021-12 outlet:reuters", 1, 2},
		{"-tag:actor", 0, 1},
	} {
		q, err := dossier.ParseQuery(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := n.Passages(q)
		if err != nil {
			t.Fatal(err)
		}
		as, err := n.ArticlesMatching(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != tt.passages || len(as) != tt.articles {
			t.Errorf("%s: %d passages, %d articles; want %d, %d", tt.q, len(ps), len(as), tt.passages, tt.articles)
		}
	}
	if err := n.DeleteArticle(a.ID); err != nil {
		t.Fatal(err)
	}
	if ps, _ := n.Passages(nil); len(ps) != 0 {
		t.Errorf("passages of a deleted article: %v", ps)
	}
	if _, err := n.Article(a.ID); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("deleted article: %v", err)
	}
	if _, err := n.Undo(); err != nil {
		t.Fatal(err)
	}
	if ps, _ := n.Passages(nil); len(ps) != 1 {
		t.Errorf("undo of the delete: %d passages", len(ps))
	}
}

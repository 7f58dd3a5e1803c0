package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dossier"
)

// textIndexer is a BodyIndexer whose segment is "id<TAB>body" lines.
func textIndexer(calls *int) BodyIndexer {
	return func(ids []dossier.ArticleID, bodies []string) ([]byte, error) {
		*calls++
		if !slices.IsSorted(ids) {
			return nil, fmt.Errorf("ids %v not ascending", ids)
		}
		var b strings.Builder
		for i, id := range ids {
			fmt.Fprintf(&b, "%d\t%s\n", id, strings.ReplaceAll(bodies[i], "\n", " "))
		}
		return []byte(b.String()), nil
	}
}

// indexView loads the segments in order, later versions over earlier ones,
// and returns what the index holds for each article.
func indexView(t *testing.T, n *Notebook) map[dossier.ArticleID]string {
	t.Helper()
	segs, err := n.Segments()
	if err != nil {
		t.Fatal(err)
	}
	out := map[dossier.ArticleID]string{}
	for _, s := range segs {
		for _, line := range strings.Split(strings.TrimSuffix(string(s), "\n"), "\n") {
			id, body, _ := strings.Cut(line, "\t")
			v, err := strconv.ParseUint(id, 10, 64)
			if err != nil {
				t.Fatalf("segment line %q", line)
			}
			out[dossier.ArticleID(v)] = body
		}
	}
	return out
}

func segCount(t *testing.T, n *Notebook) int {
	t.Helper()
	c, err := n.SegmentCount()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func unindexedIDs(t *testing.T, n *Notebook) []dossier.ArticleID {
	t.Helper()
	ids, err := n.Unindexed()
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestFullTextSegmentsFollowImportsAndUndo(t *testing.T) {
	n := openTemp(t)
	calls := 0
	n.IndexBodies = textIndexer(&calls)
	a := article("A", "https://example.com/a", "Troops near the border.")
	b := article("B", "https://example.com/b", "Talks in Geneva.")
	if _, err := n.SaveArticles([]*dossier.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if got := indexView(t, n); len(got) != 2 || got[1] != "Troops near the border." || got[2] != "Talks in Geneva." {
		t.Fatalf("after the first import: %v", got)
	}
	// A batch of duplicates writes no segment.
	dup := article("A again", "https://example.com/a", "Troops near the border.")
	if _, err := n.SaveArticles([]*dossier.Article{dup}); err != nil {
		t.Fatal(err)
	}
	if c := segCount(t, n); c != 1 || calls != 1 {
		t.Fatalf("a batch that adds nothing: %d segments, %d builds", c, calls)
	}

	// An update and a new article: a second segment supersedes the first.
	a2 := article("A", "https://example.com/a", "More troops near the border.")
	c := article("C", "", "Sanctions.")
	if _, err := n.SaveArticles([]*dossier.Article{a2, c}); err != nil {
		t.Fatal(err)
	}
	if got := indexView(t, n); segCount(t, n) != 2 || got[1] != "More troops near the border." || got[3] != "Sanctions." {
		t.Fatalf("after the update: %v", got)
	}
	if u := unindexedIDs(t, n); len(u) != 0 {
		t.Fatalf("unindexed after imports: %v", u)
	}

	// Undo takes the segment away with the import; redo puts it back.
	if _, err := n.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := indexView(t, n); segCount(t, n) != 1 || got[1] != "Troops near the border." {
		t.Fatalf("after undo: %v", got)
	}
	if u := unindexedIDs(t, n); len(u) != 0 {
		t.Fatalf("unindexed after undo: %v", u)
	}
	if _, err := n.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := indexView(t, n); segCount(t, n) != 2 || got[1] != "More troops near the border." {
		t.Fatalf("after redo: %v", got)
	}
}

func TestCompactIndexAndUndoAfterIt(t *testing.T) {
	n := openTemp(t)
	calls := 0
	build := textIndexer(&calls)
	n.IndexBodies = build
	for i := range 5 {
		a := article(fmt.Sprint("T", i), fmt.Sprint("https://example.com/", i), fmt.Sprint("Body ", i, "."))
		if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
			t.Fatal(err)
		}
	}
	upd := article("T0", "https://example.com/0", "Body 0, changed.")
	if _, err := n.SaveArticles([]*dossier.Article{upd}); err != nil {
		t.Fatal(err)
	}
	if c := segCount(t, n); c != 6 {
		t.Fatalf("%d segments, want 6", c)
	}
	if err := n.DeleteArticle(2); err != nil {
		t.Fatal(err)
	}
	if err := n.CompactIndex(build); err != nil {
		t.Fatal(err)
	}
	got := indexView(t, n)
	want := map[dossier.ArticleID]string{1: "Body 0, changed.", 3: "Body 2.", 4: "Body 3.", 5: "Body 4."}
	if segCount(t, n) != 1 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("compacted: %d segments %v, want 1 %v", segCount(t, n), got, want)
	}
	// The compaction is no step of undo: the first undo takes back the delete.
	if s, err := n.Undo(); err != nil || !strings.HasPrefix(s, "Delete") {
		t.Fatalf("undo = %q, %v", s, err)
	}
	if u := unindexedIDs(t, n); !slices.Equal(u, []dossier.ArticleID{2}) {
		t.Fatalf("after undoing the delete, unindexed %v, want [2]", u)
	}
	// Undoing the update, whose segment the compaction replaced, leaves the
	// older text of article 1 unindexed until IndexArticles.
	if _, err := n.Undo(); err != nil {
		t.Fatal(err)
	}
	u := unindexedIDs(t, n)
	if !slices.Equal(u, []dossier.ArticleID{1, 2}) {
		t.Fatalf("after undoing the update, unindexed %v, want [1 2]", u)
	}
	if err := n.IndexArticles(build, u); err != nil {
		t.Fatal(err)
	}
	if got := indexView(t, n); got[1] != "Body 0." || got[2] != "Body 1." || len(unindexedIDs(t, n)) != 0 {
		t.Fatalf("after IndexArticles: %v, unindexed %v", got, unindexedIDs(t, n))
	}
	// Redo brings the changed text back; the index sees it is not what it holds.
	if _, err := n.Redo(); err != nil {
		t.Fatal(err)
	}
	if u := unindexedIDs(t, n); !slices.Equal(u, []dossier.ArticleID{1}) {
		t.Fatalf("after redo, unindexed %v, want [1]", u)
	}
	// Compacting an emptied notebook leaves no segment.
	for _, id := range []dossier.ArticleID{1, 2, 3, 4, 5} {
		if err := n.DeleteArticle(id); err != nil {
			t.Fatal(err)
		}
	}
	if err := n.CompactIndex(build); err != nil || segCount(t, n) != 0 {
		t.Fatalf("compacting no articles: %d segments, %v", segCount(t, n), err)
	}
}

func TestUnindexedWithoutIndexer(t *testing.T) {
	n := openTemp(t)
	if _, err := n.SaveArticles([]*dossier.Article{article("A", "", "One."), article("B", "", "Two.")}); err != nil {
		t.Fatal(err)
	}
	if c := segCount(t, n); c != 0 {
		t.Fatalf("%d segments without an indexer", c)
	}
	if u := unindexedIDs(t, n); !slices.Equal(u, []dossier.ArticleID{1, 2}) {
		t.Fatalf("unindexed %v, want [1 2]", u)
	}
	calls := 0
	if err := n.IndexArticles(textIndexer(&calls), []dossier.ArticleID{2, 1, 2, 99}); err != nil {
		t.Fatal(err)
	}
	if got := indexView(t, n); len(got) != 2 || len(unindexedIDs(t, n)) != 0 {
		t.Fatalf("after IndexArticles: %v", got)
	}
}

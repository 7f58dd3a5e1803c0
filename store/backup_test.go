package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dossier"
)

func TestNotebookIDIsStable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nb.dossier")
	n, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	id, err := n.ID()
	if err != nil || len(id) != 36 || id[14] != '4' {
		t.Fatalf("ID() = %q, %v; want a version 4 UUID", id, err)
	}
	again, _ := n.ID()
	n.Close()
	if again != id {
		t.Errorf("second ID() = %q, first %q", again, id)
	}
	n, err = Open(path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if got, _ := n.ID(); got != id {
		t.Errorf("after reopening, ID() = %q, want %q", got, id)
	}
	other := openTemp(t)
	if oid, _ := other.ID(); oid == id {
		t.Error("two notebooks share an ID")
	}
}

// TestBackupWhileWriting backs a notebook up while another goroutine saves
// articles: the copy opens, checks out and holds a prefix of the writes.
func TestBackupWhileWriting(t *testing.T) {
	n := openTemp(t)
	if _, err := n.SaveArticles([]*dossier.Article{article("first", "", "The first text.")}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 40 {
			a := article(fmt.Sprint("a", i), "", fmt.Sprintf("Body number %d of the test.", i))
			if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var copies []string
	for i := range 5 {
		p := filepath.Join(dir, fmt.Sprintf("b%d.dossier", i))
		if err := n.Backup(p); err != nil {
			t.Fatal(err)
		}
		copies = append(copies, p)
	}
	wg.Wait()
	last := filepath.Join(dir, "last.dossier")
	if err := n.Backup(last); err != nil {
		t.Fatal(err)
	}
	copies = append(copies, last)
	for _, p := range copies {
		b, err := Open(p, &Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if err := b.Check(); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		ms, err := b.ArticleMetas()
		if err != nil || len(ms) == 0 || ms[0].Title != "first" {
			t.Errorf("%s: %d articles, %v", p, len(ms), err)
		}
		b.Close()
	}
	b, _ := Open(last, &Options{ReadOnly: true})
	defer b.Close()
	if ms, _ := b.ArticleMetas(); len(ms) != 41 {
		t.Errorf("the last backup has %d articles, want 41", len(ms))
	}
	if err := n.Backup(n.Path()); dossier.ErrorCode(err) != dossier.EINVALID {
		t.Errorf("a backup over the notebook itself: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCompactShrinksAfterDeleting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nb.dossier")
	n, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	var batch []*dossier.Article
	for i := range 300 {
		batch = append(batch, article(fmt.Sprint("t", i), "", fmt.Sprintf("Article %d. %s", i, strings.Repeat(fmt.Sprintf("word%d and more words %d. ", i, i*7), 200))))
	}
	res, err := n.SaveArticles(batch)
	if err != nil {
		t.Fatal(err)
	}
	keep := res[0].ID
	if _, err := n.AddPassage(keep, 0, 7, []string{"kept"}, "a note"); err != nil {
		t.Fatal(err)
	}
	for _, r := range res[1:] {
		if err := n.DeleteArticle(r.ID); err != nil {
			t.Fatal(err)
		}
	}
	// The undo log keeps the deleted articles' images, compressed; the
	// pages the bodies and indexes held are free, and compaction drops them.
	id, _ := n.ID()
	n.Close()

	before, after, err := Compact(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("compact: %d -> %d bytes", before, after)
	if after >= before {
		t.Errorf("compact did not shrink the file: %d -> %d", before, after)
	}
	if _, err := os.Stat(path + ".bak"); !os.IsNotExist(err) {
		t.Errorf("the .bak is left: %v", err)
	}
	n, err = Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if err := n.Check(); err != nil {
		t.Error(err)
	}
	if got, _ := n.ID(); got != id {
		t.Errorf("the notebook's ID changed: %q, was %q", got, id)
	}
	ps, err := n.PassagesOf(keep)
	if err != nil || len(ps) != 1 || ps[0].Note != "a note" {
		t.Errorf("passages after compact: %+v, %v", ps, err)
	}
	// Undo still works: the log and its sequence came along.
	if _, err := n.Undo(); err != nil {
		t.Errorf("undo after compact: %v", err)
	}
	// Compacting an open notebook fails fast and leaves it alone.
	if _, _, err := Compact(path); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Errorf("compact of an open notebook: %v", err)
	}
}

func TestAbandonLeavesNoRedo(t *testing.T) {
	n := openTemp(t)
	res, err := n.SaveArticles([]*dossier.Article{article("a", "", "Some text here.")})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := n.History(10)
	end := n.Group("Import notes")
	n.AddPassage(res[0].ID, 0, 4, []string{"x"}, "")
	n.AddPassage(res[0].ID, 5, 9, []string{"y"}, "")
	end()
	if err := n.Abandon(); err != nil {
		t.Fatal(err)
	}
	after, _ := n.History(10)
	if len(after) != len(before) || after[0].Seq != before[0].Seq || after[0].Undone {
		t.Errorf("history after Abandon: %+v, before %+v", after, before)
	}
	if ps, _ := n.Passages(nil); len(ps) != 0 {
		t.Errorf("%d passages left", len(ps))
	}
	if tags, _ := n.Tags(); len(tags) != 0 {
		t.Errorf("tags left: %v", tags)
	}
	if _, err := n.Redo(); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Errorf("redo after Abandon: %v", err)
	}
}

package store

import (
	"bytes"
	"fmt"
	"math/rand"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// dump returns every key of every bucket but the undo log, as text.
func dump(t *testing.T, n *Notebook) string {
	t.Helper()
	var b strings.Builder
	err := n.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			if bytes.Equal(name, bucketOps) {
				return nil
			}
			return bk.ForEach(func(k, v []byte) error {
				if bytes.Equal(name, bucketMeta) && bytes.Equal(k, keyUndoHead) {
					return nil
				}
				fmt.Fprintf(&b, "%s %x %x\n", name, k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkSnapshot compares the in-memory passages with the stored ones.
func checkSnapshot(t *testing.T, n *Notebook) {
	t.Helper()
	got, err := n.Passages(nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []dossier.Passage
	n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPassages).ForEach(func(k, v []byte) error {
			p, err := decodePassage(dossier.PassageID(btoi(k)), v)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, p)
			return nil
		})
	})
	sortPassages(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("snapshot has %d passages, store %d:\n%v\n%v", len(got), len(want), got, want)
	}
	metas, _ := n.ArticlesMatching(nil)
	stored, _ := n.ArticleMetas()
	if len(metas) != len(stored) {
		t.Fatalf("snapshot has %d articles, store %d", len(metas), len(stored))
	}
	checkWordIndex(t, n, want, stored)
}

// indexQueries have text terms that the word indexes narrow or decide.
var indexQueries = []string{
	"troops", "troop", `"troops"`, "kyiv moscow", "title:putin", `title:"putin warned"`, "note:sanctions",
	"text:tanks", "(drills OR satellite) -tag:actor/usa", `"said officials"`, "russia tag:theme", "b",
	"title:biden OR title:nato", "-troops", "border date:2021", "warned.",
}

// checkWordIndex compares what queries with text terms find through the
// word indexes with what Match finds over every passage and article.
func checkWordIndex(t *testing.T, n *Notebook, all []dossier.Passage, metas []dossier.ArticleMeta) {
	t.Helper()
	byID := map[dossier.ArticleID]*dossier.ArticleMeta{}
	for i := range metas {
		byID[metas[i].ID] = &metas[i]
	}
	for _, qs := range indexQueries {
		q, err := dossier.ParseQuery(qs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := n.Passages(q)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := n.PassageIDs(q)
		if err != nil {
			t.Fatal(err)
		}
		var want []dossier.PassageID
		for i := range all {
			r := dossier.PassageRecord(&all[i], byID[all[i].Article])
			if q.Match(&r) {
				want = append(want, all[i].ID)
			}
		}
		var gotIDs []dossier.PassageID
		for _, p := range got {
			gotIDs = append(gotIDs, p.ID)
		}
		if fmt.Sprint(gotIDs) != fmt.Sprint(want) || fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Fatalf("%s: Passages finds %v, PassageIDs %v, Match over all %v", qs, gotIDs, ids, want)
		}
		if q.Uses("text") {
			continue // articles: bodies
		}
		as, err := n.ArticlesMatching(q)
		if err != nil {
			t.Fatal(err)
		}
		wantA := 0
		for i := range metas {
			r := dossier.ArticleRecord(&metas[i])
			if !q.Uses("tags") && q.Match(&r) {
				wantA++
			}
		}
		if !q.Uses("tags") && len(as) != wantA {
			t.Fatalf("%s: ArticlesMatching finds %d, Match over all %d", qs, len(as), wantA)
		}
	}
}

var words = strings.Fields("Russia troops border Kyiv Moscow NATO sanctions talks Biden Putin buildup drills satellite images tanks Belarus Donbas warned said officials")

func randText(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.Intn(len(words))]
	}
	return strings.Join(w, " ") + "."
}

var randTags = []string{"actor/russia", "actor/russia/mod", "actor/usa", "theme/troops", "theme/diplomacy", "Source/Official"}

// randomOp makes one random change a user could make; it returns false
// when the change was refused (which is fine: nothing is recorded).
func randomOp(t *testing.T, r *rand.Rand, n *Notebook, step int) {
	t.Helper()
	metas, err := n.ArticleMetas()
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := n.Passages(nil)
	pickArticle := func() dossier.ArticleID { return metas[r.Intn(len(metas))].ID }
	k := r.Intn(15)
	if len(metas) == 0 {
		k = 0
	}
	switch k {
	case 0, 1: // import
		var batch []*dossier.Article
		for i := 0; i < 1+r.Intn(3); i++ {
			batch = append(batch, article(randText(r, 3), fmt.Sprintf("https://example.com/%d/%d", step, i), randText(r, 30+r.Intn(40))))
		}
		if _, err := n.SaveArticles(batch); err != nil {
			t.Fatal(err)
		}
	case 2: // re-import with changed text
		a, err := n.Article(pickArticle())
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(a.Body)
		at := r.Intn(len(rs))
		a.Body = string(rs[:at]) + " " + randText(r, 3) + " " + string(rs[at:])
		if r.Intn(3) == 0 {
			a.Body = randText(r, 20)
		}
		if r.Intn(2) == 0 {
			a.Title = randText(r, 3)
		}
		a.Hash = dossier.Hash{}
		if a.URL == "" {
			return
		}
		if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
			t.Fatal(err)
		}
	case 3, 4, 5: // a passage
		id := pickArticle()
		body, _ := n.Body(id)
		l := len([]rune(body))
		s := r.Intn(l - 1)
		e := s + 1 + r.Intn(min(60, l-s-1))
		tags := []string{randTags[r.Intn(len(randTags))]}
		if _, err := n.AddPassage(id, s, e, tags, randText(r, r.Intn(3))); err != nil {
			t.Fatal(err)
		}
	case 6: // edit passages
		if len(ps) == 0 {
			return
		}
		note := randText(r, 2)
		err := n.EditPassages([]dossier.PassageID{ps[r.Intn(len(ps))].ID}, PassageEdit{AddTags: []string{randTags[r.Intn(len(randTags))]}, Note: &note})
		if err != nil {
			t.Fatal(err)
		}
	case 7:
		if len(ps) == 0 {
			return
		}
		if err := n.DeletePassage(ps[r.Intn(len(ps))].ID); err != nil {
			t.Fatal(err)
		}
	case 8: // tags
		tag := randTags[r.Intn(len(randTags))]
		switch r.Intn(5) {
		case 0:
			n.SetTagColor(tag, dossier.Palette[r.Intn(12)])
		case 1:
			n.RenameTag(tag, tag+"-x")
		case 2:
			n.MergeTag(tag, randTags[r.Intn(len(randTags))])
		case 3:
			n.DeleteTag(tag, true)
		case 4:
			n.DescribeTag(tag, randText(r, 4))
		}
	case 9:
		if err := n.SetArticleTags(pickArticle(), []string{randTags[r.Intn(len(randTags))]}); err != nil {
			t.Fatal(err)
		}
	case 10:
		if err := n.DeleteArticle(pickArticle()); err != nil {
			t.Fatal(err)
		}
	case 11: // undo a step in the middle, which drops the redo branch on the next change
		n.Undo()
	case 12: // the extractor changes, and runs again over every article
		extractVariant.Add(1)
		if err := n.ReExtract(1+r.Intn(3), nil); err != nil {
			t.Fatal(err)
		}
	case 13, 14: // a correction of a quote
		var qs []dossier.Quote
		n.EachQuote(func(q *dossier.Quote) error { qs = append(qs, *q); return nil })
		if len(qs) == 0 {
			return
		}
		q := qs[r.Intn(len(qs))]
		var err error
		switch r.Intn(4) {
		case 0:
			err = n.SetQuoteSpeaker(q.ID, randText(r, 2), "")
		case 1:
			err = n.DeleteQuote(q.ID)
		case 2:
			s := q.Spans[0]
			_, err = n.AddQuote(q.Article, []dossier.Span{{Start: s.Start, End: max(s.Start+1, s.End-1)}}, "Someone")
		case 3:
			if err = n.RevertQuote(q.ID); dossier.ErrorCode(err) == dossier.ENOTFOUND {
				err = nil // it had no correction
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// extractVariant makes wordExtract find other quotes: a new version of the
// extractor.
var extractVariant atomic.Int32

// wordExtract takes every word of the variant's pair as a quote, said by
// the word before it, and every "tanks" as a figure: enough quotes that
// corrections and re-extraction have something to change.
func wordExtract(a *dossier.Article) dossier.Extraction {
	pair := [][2]string{{"Putin", "Biden"}, {"troops", "warned"}, {"Kyiv", "NATO"}}[int(extractVariant.Load())%3]
	var ex dossier.Extraction
	rs := []rune(a.Body)
	prev := ""
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] != ' ' && rs[j] != '.' && rs[j] != '\n' {
			j++
		}
		w := string(rs[i:j])
		if w == pair[0] || w == pair[1] {
			ex.Quotes = append(ex.Quotes, dossier.Quote{Spans: []dossier.Span{{Start: i, End: j}}, Text: w, Speaker: prev})
		}
		if w == "tanks" {
			ex.Figures = append(ex.Figures, dossier.Figure{Span: dossier.Span{Start: i, End: j}, Value: int64(i), Unit: "tanks", Sentence: w})
		}
		if j > i {
			prev = w
		}
		i = j + 1
	}
	return ex
}

func TestUndoRedoProperty(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "nb.dossier")
			n, err := Open(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { n.Close() }()
			n.Extract = wordExtract
			r := rand.New(rand.NewSource(seed))
			start := dump(t, n)
			// The notebook as it was at each head of the undo log: a change
			// that writes without recording moves no head, and undoing to
			// the head before shows it.
			states := map[uint64]string{0: start}
			head := func() (h uint64) {
				n.db.View(func(tx *bolt.Tx) error { h = undoHead(tx); return nil })
				return h
			}
			for i := 0; i < 40; i++ {
				before := head()
				randomOp(t, r, n, i)
				checkSnapshot(t, n)
				if h := head(); h != before {
					states[h] = dump(t, n)
				}
			}
			// Redo what a mid-run undo left, so "end" has nothing to redo.
			for {
				if _, err := n.Redo(); err != nil {
					break
				}
			}
			end := dump(t, n)
			steps := 0
			for {
				if _, err := n.Undo(); err != nil {
					if dossier.ErrorCode(err) != dossier.ECONFLICT {
						t.Fatal(err)
					}
					break
				}
				steps++
				if steps == 5 { // a restart in the middle
					n.Close()
					if n, err = Open(path, nil); err != nil {
						t.Fatal(err)
					}
				}
				checkSnapshot(t, n)
				if want, ok := states[head()]; ok {
					if got := dump(t, n); got != want {
						t.Fatalf("undo %d to operation %d: the notebook differs from what it was then:\n%s", steps, head(), diffLines(want, got))
					}
				}
			}
			t.Logf("%d undo steps over %d bytes of dump", steps, len(end))
			if got := dump(t, n); got != start {
				t.Fatalf("after %d undos the notebook differs from the start:\n%s", steps, diffLines(start, got))
			}
			for i := 0; i < steps; i++ {
				if _, err := n.Redo(); err != nil {
					t.Fatalf("redo %d of %d: %v", i+1, steps, err)
				}
				checkSnapshot(t, n)
			}
			if _, err := n.Redo(); dossier.ErrorCode(err) != dossier.ECONFLICT {
				t.Errorf("redo past the end: %v, want nothing to redo", err)
			}
			if got := dump(t, n); got != end {
				t.Fatalf("after redoing all the notebook differs from the end:\n%s", diffLines(end, got))
			}
		})
	}
}

func diffLines(a, b string) string {
	as, bs := strings.Split(a, "\n"), strings.Split(b, "\n")
	in := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range l {
			m[x] = true
		}
		return m
	}
	ma, mb := in(as), in(bs)
	var out []string
	for _, x := range as {
		if !mb[x] {
			out = append(out, "- "+clipText(x, 150))
		}
	}
	for _, x := range bs {
		if !ma[x] {
			out = append(out, "+ "+clipText(x, 150))
		}
	}
	sort.Strings(out)
	if len(out) > 20 {
		out = append(out[:20], "…")
	}
	return strings.Join(out, "\n")
}

func TestUndoGroupAndRedoBranch(t *testing.T) {
	n := openTemp(t)
	end := n.Group("Import 2 files")
	for i := 0; i < 3; i++ {
		if _, err := n.SaveArticles([]*dossier.Article{article("T", fmt.Sprintf("https://x/%d", i), fmt.Sprintf("Text %d.", i))}); err != nil {
			t.Fatal(err)
		}
	}
	end()
	if _, err := n.AddPassage(1, 0, 4, []string{"a"}, ""); err != nil {
		t.Fatal(err)
	}
	h, _ := n.History(10)
	if len(h) != 4 || h[0].Kind != "passage" || h[3].Summary != "Import 2 files" {
		t.Fatalf("history = %+v", h)
	}
	if s, err := n.Undo(); err != nil || !strings.HasPrefix(s, "Mark passage 1") {
		t.Fatalf("undo = %q, %v", s, err)
	}
	if s, err := n.Undo(); err != nil || s != "Import 2 files" {
		t.Fatalf("undo = %q, %v", s, err)
	}
	if ms, _ := n.ArticleMetas(); len(ms) != 0 {
		t.Fatalf("undoing the import left %d articles", len(ms))
	}
	if _, err := n.Undo(); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Fatalf("undo past the start: %v", err)
	}
	if s, err := n.Redo(); err != nil || s != "Import 2 files" {
		t.Fatalf("redo = %q, %v", s, err)
	}
	if ms, _ := n.ArticleMetas(); len(ms) != 3 {
		t.Fatalf("redoing the import gave %d articles", len(ms))
	}
	// A new change drops the passage that could be redone.
	if err := n.SetTagColor("b", "#123456"); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Redo(); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Fatalf("redo after a new change: %v", err)
	}
	if _, err := n.Passage(1); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Fatalf("passage 1 is back: %v", err)
	}
}

// TestReExtractUndo: re-extraction is one step of undo, recorded only where
// it changed something, and undoing it brings back the quotes it replaced.
func TestReExtractUndo(t *testing.T) {
	n := openTemp(t)
	extractVariant.Store(0)
	defer extractVariant.Store(0)
	n.Extract = wordExtract
	for i := range 5 {
		a := article("T", fmt.Sprintf("https://x/%d", i), "Officials said Putin warned Biden. Kyiv said NATO troops tanks.")
		if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
			t.Fatal(err)
		}
	}
	quotes := func() string {
		var b []string
		n.EachQuote(func(q *dossier.Quote) error { b = append(b, q.Text); return nil })
		return strings.Join(b, " ")
	}
	before, steps := quotes(), func() int { h, _ := n.History(100); return len(h) }
	ops := steps()
	// The same extractor finds the same: nothing to undo.
	if err := n.ReExtract(2, nil); err != nil {
		t.Fatal(err)
	}
	if steps() != ops {
		t.Fatalf("re-extraction that changed nothing added %d operations", steps()-ops)
	}
	extractVariant.Store(1)
	if err := n.ReExtract(2, nil); err != nil {
		t.Fatal(err)
	}
	after := quotes()
	if after == before {
		t.Fatalf("the new extractor found the same: %s", after)
	}
	if s, err := n.Undo(); err != nil || s != "Re-run extraction" {
		t.Fatalf("Undo = %q, %v", s, err)
	}
	if got := quotes(); got != before {
		t.Fatalf("after undo: %s, want %s", got, before)
	}
	if s, err := n.Redo(); err != nil || s != "Re-run extraction" {
		t.Fatalf("Redo = %q, %v", s, err)
	}
	if got := quotes(); got != after {
		t.Fatalf("after redo: %s, want %s", got, after)
	}
}

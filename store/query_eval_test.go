package store

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier"
)

// randQuery makes a query of depth up to depth from terms of every kind the
// evaluator tells apart: what the tag and word indexes decide, phrases they
// only narrow, terms on an article's fields, and terms matched passage by
// passage; under AND, OR and NOT.
func randQuery(r *rand.Rand, depth int, arts []dossier.ArticleID) string {
	if depth > 0 && r.Intn(3) > 0 {
		a, b := randQuery(r, depth-1, arts), randQuery(r, depth-1, arts)
		switch r.Intn(4) {
		case 0:
			return "(" + a + " OR " + b + ")"
		case 1:
			return "-(" + a + ")"
		}
		return a + " " + b
	}
	w := func() string { return strings.ToLower(words[r.Intn(len(words))]) }
	switch r.Intn(16) {
	case 0:
		return "tag:" + randTags[r.Intn(len(randTags))]
	case 1:
		return "tag:" + strings.Split(randTags[r.Intn(len(randTags))], "/")[0]
	case 2:
		return w()
	case 3:
		return w()[:1+r.Intn(3)] // a prefix
	case 4:
		return `"` + w() + " " + w() + `"`
	case 5:
		return "title:" + w()
	case 6:
		return `title:"` + w() + " " + w() + `"`
	case 7:
		return "text:" + w()
	case 8:
		return "note:" + w()
	case 9:
		return []string{"has:note", "has:tag", "has:quote", "has:speaker", "has:date", "is:orphan", "is:undated", "has:figure"}[r.Intn(8)]
	case 10:
		return "speaker:" + w()
	case 11:
		if len(arts) > 0 {
			return fmt.Sprintf("article:%d", arts[r.Intn(len(arts))])
		}
		return "article:1"
	case 12:
		return "outlet:" + []string{"reuters", "bbc", "x"}[r.Intn(3)]
	case 13:
		return "date:>=2021-06"
	case 14:
		return w() + "."
	}
	return `"` + w() + `"`
}

// TestQueryEvaluator compares what Passages and PassageIDs find through
// the evaluator (indexes, set operations, and Match on what is left) with
// Match over every passage, speakers and quotes included, as random
// changes go on: passages added, moved by re-imports, re-tagged, deleted,
// and articles deleted.
func TestQueryEvaluator(t *testing.T) {
	for seed := int64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			n, err := Open(filepath.Join(t.TempDir(), "nb.dossier"), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer n.Close()
			n.Extract = wordExtract
			r := rand.New(rand.NewSource(seed))
			for step := 0; step < 50; step++ {
				randomOp(t, r, n, step)
				if step%5 != 4 {
					continue
				}
				all, metas, quotes := everything(t, n)
				var arts []dossier.ArticleID
				for id := range metas {
					arts = append(arts, id)
				}
				slices.Sort(arts)
				for i := 0; i < 40; i++ {
					qs := randQuery(r, 3, arts)
					checkQuery(t, n, qs, all, metas, quotes)
				}
			}
		})
	}
}

// everything reads every passage, article and quote from the buckets.
func everything(t *testing.T, n *Notebook) ([]dossier.Passage, map[dossier.ArticleID]*dossier.ArticleMeta, map[dossier.ArticleID][]dossier.Quote) {
	t.Helper()
	all := storedPassages(t, n)
	stored, err := n.ArticleMetas()
	if err != nil {
		t.Fatal(err)
	}
	metas := map[dossier.ArticleID]*dossier.ArticleMeta{}
	for i := range stored {
		metas[stored[i].ID] = &stored[i]
	}
	quotes := map[dossier.ArticleID][]dossier.Quote{}
	n.EachQuote(func(q *dossier.Quote) error {
		quotes[q.Article] = append(quotes[q.Article], *q)
		return nil
	})
	return all, metas, quotes
}

func storedPassages(t *testing.T, n *Notebook) []dossier.Passage {
	t.Helper()
	var all []dossier.Passage
	for id := range n.ws.snap.byID {
		p, err := n.Passage(id)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, p)
	}
	sortPassages(all)
	return all
}

// checkQuery compares the passages that the store finds for qs with those
// Match accepts of all.
func checkQuery(t *testing.T, n *Notebook, qs string, all []dossier.Passage, metas map[dossier.ArticleID]*dossier.ArticleMeta, quotes map[dossier.ArticleID][]dossier.Quote) {
	t.Helper()
	q, err := dossier.ParseQuery(qs)
	if err != nil {
		t.Fatalf("%s: %v", qs, err)
	}
	var want []dossier.PassageID
	for i := range all {
		p := &all[i]
		r := dossier.PassageRecord(p, metas[p.Article])
		if !p.Orphan {
			for _, qt := range quotes[p.Article] {
				if qt.Start() < p.End && qt.End() > p.Start {
					r.Flags |= dossier.FlagQuotes
					if qt.Speaker != "" {
						r.Speakers = append(r.Speakers, qt.Speaker)
					}
				}
			}
		}
		if q.Match(&r) {
			want = append(want, p.ID)
		}
	}
	got, err := n.Passages(q)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := n.PassageIDs(q)
	if err != nil {
		t.Fatal(err)
	}
	var gotIDs []dossier.PassageID
	for i := range got {
		gotIDs = append(gotIDs, got[i].ID)
		if j, ok := slices.BinarySearchFunc(all, got[i], func(a, b dossier.Passage) int { return comparePassages(&a, &b) }); !ok || fmt.Sprint(all[j]) != fmt.Sprint(got[i]) {
			t.Fatalf("%s: Passages gives %v, not as stored", qs, got[i])
		}
	}
	if !slices.Equal(gotIDs, want) || !slices.Equal(ids, want) {
		t.Fatalf("%s: Passages finds %v, PassageIDs %v, Match over all %v", qs, gotIDs, ids, want)
	}
	if q.Uses("text") {
		return // articles: bodies
	}
	// Articles: their own tags and their passages', the speakers of their
	// quotes, whether they have quotes and figures.
	figures, err := n.Figures()
	if err != nil {
		t.Fatal(err)
	}
	hasFigures := map[dossier.ArticleID]bool{}
	for _, f := range figures {
		hasFigures[f.Article] = true
	}
	var wantA []dossier.ArticleMeta
	for _, m := range metas {
		r := dossier.ArticleRecord(m)
		r.Tags, _ = n.ArticleTags(m.ID)
		for i := range all {
			if all[i].Article == m.ID {
				r.Tags = append(r.Tags, all[i].Tags...)
			}
		}
		for _, qt := range quotes[m.ID] {
			r.Flags |= dossier.FlagQuotes
			if qt.Speaker != "" && !slices.Contains(r.Speakers, qt.Speaker) {
				r.Speakers = append(r.Speakers, qt.Speaker)
			}
		}
		if hasFigures[m.ID] {
			r.Flags |= dossier.FlagFigures
		}
		if q.Match(&r) {
			wantA = append(wantA, *m)
		}
	}
	dossier.SortByDate(wantA)
	gotA, err := n.ArticlesMatching(q)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(gotA) != fmt.Sprint(wantA) {
		t.Fatalf("%s: ArticlesMatching finds %d articles, Match over all %d:\n%v\n%v", qs, len(gotA), len(wantA), gotA, wantA)
	}
}

// TestDocsWith checks the word index's intersection, rarest word first and
// looked up or read, against a brute-force one, for whole words and
// prefixes.
func TestDocsWith(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	vocab := []string{"a", "ab", "abc", "b", "bc", "c", "cd", "d", "the", "troops"}
	x := newWordIndex()
	const docs = 3000
	has := make([]map[string]bool, docs)
	for d := range has {
		has[d] = map[string]bool{}
		for k := 0; k < 1+r.Intn(6); k++ {
			// Skewed: "the" nearly everywhere, the rest rarer and rarer.
			w := vocab[min(len(vocab)-1, int(r.ExpFloat64()*2))]
			if r.Intn(3) == 0 {
				w = "the"
			}
			has[d][w] = true
			x.add([]byte(w), uint32(d))
		}
	}
	x.finishLoad()
	for trial := 0; trial < 300; trial++ {
		var need []dossier.WordNeed
		for k := 0; k < 1+r.Intn(3); k++ {
			need = append(need, dossier.WordNeed{Word: vocab[r.Intn(len(vocab))], Prefix: r.Intn(3) == 0})
		}
		var within bitset
		if r.Intn(2) == 0 {
			within = newBitset(docs)
			for d := 0; d < docs; d++ {
				if r.Intn(4) > 0 {
					within.set(uint32(d))
				}
			}
		}
		got := x.docsWith(need, within)
		for d := 0; d < docs; d++ {
			if within != nil && !within.has(uint32(d)) {
				continue
			}
			want := true
			for _, w := range need {
				found := false
				for word := range has[d] {
					if word == w.Word || w.Prefix && strings.HasPrefix(word, w.Word) {
						found = true
					}
				}
				want = want && found
			}
			if got.has(uint32(d)) != want {
				t.Fatalf("%v within %v: doc %d (%v): got %v, want %v", need, within != nil, d, has[d], got.has(uint32(d)), want)
			}
		}
	}
}

// TestSnapshotShares checks the flat snapshot's promises: passages with the
// same tags share one slice of them, and what a passage held before an
// edit stays as it was handed out.
func TestSnapshotShares(t *testing.T) {
	n := openTemp(t)
	if _, err := n.SaveArticles([]*dossier.Article{article("Title", "https://x/1", "Troops near the border. Talks in Minsk went on.")}); err != nil {
		t.Fatal(err)
	}
	metas, _ := n.ArticleMetas()
	id := metas[0].ID
	p1, err := n.AddPassage(id, 0, 6, []string{"actor/russia"}, "first note")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.AddPassage(id, 7, 11, []string{"actor/russia"}, ""); err != nil {
		t.Fatal(err)
	}
	ps, err := n.Passages(nil)
	if err != nil || len(ps) != 2 {
		t.Fatalf("%v %v", ps, err)
	}
	if &ps[0].Tags[0] != &ps[1].Tags[0] {
		t.Errorf("passages with the same tags hold copies of them")
	}
	before := ps[0]
	note := "second note"
	if err := n.EditPassages([]dossier.PassageID{p1.ID}, PassageEdit{Note: &note, AddTags: []string{"theme/x"}}); err != nil {
		t.Fatal(err)
	}
	after, _ := n.Passages(nil)
	if before.Note != "first note" || fmt.Sprint(before.Tags) != "[actor/russia]" || before.Text != "Troops" {
		t.Errorf("a passage handed out changed with an edit: %+v", before)
	}
	if after[0].Note != "second note" || len(after[0].Tags) != 2 {
		t.Errorf("the edit is not seen: %+v", after[0])
	}
	q, _ := dossier.ParseQuery(`note:second "troops"`)
	if ids, _ := n.PassageIDs(q); len(ids) != 1 || ids[0] != p1.ID {
		t.Errorf("note:second \"troops\" finds %v", ids)
	}
}

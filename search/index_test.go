package search

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"
)

func mustAdd(t testing.TB, x *Index, items ...Item) {
	t.Helper()
	if err := x.Add(items...); err != nil {
		t.Fatal(err)
	}
}

func search(t testing.TB, x *Index, q string, opts Options) []Result {
	t.Helper()
	rs, err := x.Search(context.Background(), q, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func ids(rs []Result) []uint64 {
	var out []uint64
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestSearchFolding(t *testing.T) {
	x := NewIndex()
	mustAdd(t, x,
		Item{Article, 1, "Zelenskyy’s “warning” to the West"},
		Item{Quote, 2, "Le président a été clair"},
		Item{Speaker, 3, "Volodymyr Zelenskyy"},
		Item{Note, 4, "Macron–Putin call — follow up"},
		Item{Outlet, 5, "Новая газета"},
		Item{Tag, 6, "troop-movements"},
	)
	tests := []struct {
		q    string
		want []uint64
	}{
		{"zelenskyy's", []uint64{1}},
		{`"warning"`, []uint64{1}},
		{"ZELENSKYY", []uint64{3, 1}},
		{"president ete", []uint64{2}},
		{"PRÉSIDENT", []uint64{2}},
		{"macron-putin", []uint64{4}},
		{"новая", []uint64{5}},
		{"НОВАЯ ГАЗЕТА", []uint64{5}},
		{"troop movements", []uint64{6}},
		{"xyzzy", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		if got := ids(search(t, x, tt.q, Options{})); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestSearchRuneOffsets(t *testing.T) {
	x := NewIndex()
	mustAdd(t, x,
		Item{Article, 1, "Café Zelensky"},
		Item{Article, 2, "«Зеленский» заявил"},
		Item{Article, 3, "Straße of Kerch"},
	)
	tests := []struct {
		q    string
		id   uint64
		want []int
	}{
		{"zel", 1, []int{5, 6, 7}},
		{"cafe", 1, []int{0, 1, 2, 3}},
		{"зел", 2, []int{1, 2, 3}},
		{"зел заяв", 2, []int{1, 2, 3, 12, 13, 14, 15}},
		{"strass", 3, []int{0, 1, 2, 3, 4}}, // both s of "ss" are the ß at 4
	}
	for _, tt := range tests {
		rs := search(t, x, tt.q, Options{})
		if len(rs) == 0 || rs[0].ID != tt.id {
			t.Errorf("%q: got %v, want item %d first", tt.q, rs, tt.id)
			continue
		}
		if !slices.Equal(rs[0].Matches, tt.want) {
			t.Errorf("%q: matches %v, want %v", tt.q, rs[0].Matches, tt.want)
		}
		text := []rune(rs[0].Text)
		for _, m := range rs[0].Matches {
			if m >= len(text) {
				t.Errorf("%q: match %d beyond text", tt.q, m)
			}
		}
	}
}

// TestCyrillicFair checks that a Cyrillic text scores what a Latin text of
// the same shape scores, where sahilm on the raw text ranks it lower.
func TestCyrillicFair(t *testing.T) {
	pairs := []struct{ lat, cyr, qlat, qcyr string }{
		{"Putin said more", "Путин сказал ещё", "put", "пут"},
		{"Troops near the border", "Войска у самой границы", "troops", "войска"},
		{"Zelensky speaks to the Rada", "Зеленский выступил в Раде", "zel rada", "зел раде"},
	}
	for _, p := range pairs {
		// Pad the Latin text to the Cyrillic one's length in runes.
		lat := p.lat
		for len([]rune(lat)) < len([]rune(p.cyr)) {
			lat += "x"
		}
		for len([]rune(lat)) > len([]rune(p.cyr)) {
			p.cyr += "ъ"
		}
		x := NewIndex()
		mustAdd(t, x, Item{Article, 1, lat}, Item{Article, 2, p.cyr})
		rl := search(t, x, p.qlat, Options{})
		rc := search(t, x, p.qcyr, Options{})
		if len(rl) != 1 || len(rc) != 1 {
			t.Fatalf("%q/%q: got %v and %v", p.qlat, p.qcyr, rl, rc)
		}
		if rl[0].Score != rc[0].Score {
			t.Errorf("%q on %q scores %d, %q on %q scores %d", p.qlat, lat, rl[0].Score, p.qcyr, p.cyr, rc[0].Score)
		}
		raw := fuzzy.Find(FoldString(p.qcyr), []string{FoldString(p.cyr)})
		rawLat := fuzzy.Find(FoldString(p.qlat), []string{FoldString(lat)})
		if len(raw) != 1 || len(rawLat) != 1 || raw[0].Score >= rawLat[0].Score {
			t.Errorf("sahilm on the folded text was expected to rank %q below %q: %v vs %v", p.cyr, lat, raw, rawLat)
		}
	}
}

func TestAlias(t *testing.T) {
	x := NewIndex()
	mustAdd(t, x,
		Item{Speaker, 1, "Volodymyr Zelenskyy"},
		Item{Quote, 2, "Зеленский: мы готовы"},
		Item{Speaker, 3, "Vladimir Putin"},
	)
	alias := func(w string) []string {
		switch w {
		case "zelensky", "zelenskiy", "зеленский":
			return []string{"zelenskyy", "зеленский"}
		case "putin":
			return []string{"путин"}
		}
		return nil
	}
	tests := []struct {
		q    string
		want []uint64
	}{
		{"zelenskiy", []uint64{1, 2}},
		{"Зеленский", []uint64{1, 2}},
		{"zelensky", []uint64{1, 2}}, // 1 by subsequence, 2 by alias
		{"putin", []uint64{3}},
	}
	for _, tt := range tests {
		got := ids(search(t, x, tt.q, Options{Alias: alias}))
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.q, got, tt.want)
		}
	}
	if got := ids(search(t, x, "zelenskiy", Options{})); len(got) != 0 {
		t.Errorf("without alias: got %v", got)
	}
}

func TestKindsFilterGroup(t *testing.T) {
	x := NewIndex()
	mustAdd(t, x,
		Item{Article, 1, "NATO summit"},
		Item{Quote, 1, "NATO will respond"},
		Item{Tag, 7, "nato"},
		Item{Note, 2, "ask about NATO"},
	)
	got := search(t, x, "nato", Options{Kinds: []Kind{Quote, Note}})
	if len(got) != 2 || got[0].Kind == Article || got[1].Kind == Article {
		t.Errorf("kinds: %v", got)
	}
	got = search(t, x, "nato", Options{Filter: func(k Kind, id uint64) bool { return id == 1 }})
	if len(got) != 2 {
		t.Errorf("filter: %v", got)
	}
	all := search(t, x, "nato", Options{})
	groups := GroupByKind(all)
	if len(groups) != 4 || groups[0].Kind != Tag {
		t.Errorf("groups: %+v", groups)
	}
}

func TestAddRemoveVisible(t *testing.T) {
	x := NewIndex()
	mustAdd(t, x, Item{Note, 1, "buildup near Yelnya"})
	s := x.NewSession(Options{})
	ctx := context.Background()
	if rs, _ := s.Search(ctx, "yel"); len(rs) != 1 {
		t.Fatalf("got %v", rs)
	}
	mustAdd(t, x, Item{Note, 2, "Yelnya satellite images"})
	if rs, _ := s.Search(ctx, "yeln"); len(rs) != 2 {
		t.Fatalf("after add: got %v", rs)
	}
	mustAdd(t, x, Item{Note, 1, "buildup near Voronezh"})
	if rs, _ := s.Search(ctx, "yelny"); !slices.Equal(ids(rs), []uint64{2}) {
		t.Fatalf("after update: got %v", rs)
	}
	if !x.Remove(Note, 2) || x.Remove(Note, 2) {
		t.Fatal("Remove")
	}
	if rs, _ := s.Search(ctx, "yelnya"); len(rs) != 0 {
		t.Fatalf("after remove: got %v", rs)
	}
	if rs, _ := s.Search(ctx, "voronezh"); len(rs) != 1 || x.Len() != 1 {
		t.Fatalf("got %v, len %d", rs, x.Len())
	}
	if err := x.Add(Item{Kind(99), 1, "x"}); err == nil {
		t.Error("bad kind accepted")
	}
}

// randomItems makes n texts from a small alphabet with diacritics, Cyrillic
// and separators, so that random queries match often.
func randomItems(rng *rand.Rand, n int) []Item {
	alpha := []rune("abcdeéfzZ  -.Ззелн’")
	items := make([]Item, n)
	for i := range items {
		r := make([]rune, 1+rng.IntN(40))
		for j := range r {
			r[j] = alpha[rng.IntN(len(alpha))]
		}
		items[i] = Item{Kinds[rng.IntN(len(Kinds))], uint64(i + 1), string(r)}
	}
	return items
}

func randomQuery(rng *rand.Rand) string {
	alpha := []rune("abcdezЗелн -")
	r := make([]rune, 1+rng.IntN(8))
	for j := range r {
		r[j] = alpha[rng.IntN(len(alpha))]
	}
	return string(r)
}

// TestSessionEqualsFresh types random queries a rune at a time, with some
// deletions, and checks each keystroke against a fresh search.
func TestSessionEqualsFresh(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	x := NewIndex()
	mustAdd(t, x, randomItems(rng, 3000)...)
	ctx := context.Background()
	alias := func(w string) []string {
		if w == "зел" {
			return []string{"zel", "ze l"}
		}
		return nil
	}
	for _, opts := range []Options{
		{Limit: 5}, {Limit: 50}, {Limit: -1},
		{Limit: 10, Kinds: []Kind{Quote, Note}, Filter: func(_ Kind, id uint64) bool { return id%3 != 0 }},
		{Limit: 20, Alias: alias},
	} {
		limit := opts.Limit
		s := x.NewSession(opts)
		for n := 0; n < 40; n++ {
			q := []rune(randomQuery(rng))
			for i := 1; i <= len(q); i++ {
				typed := string(q[:i])
				if rng.IntN(6) == 0 && i > 1 {
					typed = string(q[:i-2]) // a backspace
				}
				got, err := s.Search(ctx, typed)
				if err != nil {
					t.Fatal(err)
				}
				want := search(t, x, typed, opts)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("limit %d, %q: session %v, fresh %v", limit, typed, got, want)
				}
			}
		}
	}
}

// TestTopKEqualsFullSort checks that a limited search returns the first k
// of the full ranking, and that the full ranking is sorted.
func TestTopKEqualsFullSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := NewIndex()
	mustAdd(t, x, randomItems(rng, 5000)...)
	for n := 0; n < 60; n++ {
		q := randomQuery(rng)
		all := search(t, x, q, Options{Limit: -1})
		for i := 1; i < len(all); i++ {
			if all[i].Score > all[i-1].Score {
				t.Fatalf("%q: not sorted at %d", q, i)
			}
		}
		for _, k := range []int{1, 10, 100} {
			got := search(t, x, q, Options{Limit: k})
			want := all[:min(k, len(all))]
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("%q k=%d: got %v, want %v", q, k, ids(got), ids(want))
			}
		}
	}
}

func TestCancel(t *testing.T) {
	x := NewIndex()
	items := make([]Item, 200000)
	for i := range items {
		items[i] = Item{Note, uint64(i + 1), fmt.Sprintf("note %d about troops near the border of %d", i, i*7)}
	}
	mustAdd(t, x, items...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Search(ctx, "troops", Options{Limit: -1}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: err %v", err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := x.Search(ctx, "n b o 1", Options{Limit: -1})
	if d := time.Since(start); err == nil || d > 200*time.Millisecond {
		t.Fatalf("deadline: err %v after %v", err, d)
	}
}

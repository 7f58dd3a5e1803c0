package search

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier"
)

var testBodies = map[dossier.ArticleID]string{
	1: "Russian troops massed near the border with Ukraine.\n\nSatellite images show tanks near Yelnya. Zelenskyy’s office said the troops posed no immediate threat.",
	2: "Президент Зеленский заявил, что войска России у границы.\n\nСпутниковые снимки показывают танки.",
	3: "Talks in Geneva ended without a deal. Blinken and Lavrov met for 90 minutes; “security guarantees” were discussed.",
	4: "The Élysée said Macron spoke to Putin about troops, and troops again.",
}

type bodies map[dossier.ArticleID]string

func (b bodies) get(id dossier.ArticleID) (string, bool) { s, ok := b[id]; return s, ok }

func docsOf(b bodies) []Doc {
	var docs []Doc
	for id, s := range b {
		docs = append(docs, Doc{id, s})
	}
	return docs
}

func newBodyIndex(t *testing.T) (*BodyIndex, bodies) {
	b := bodies{}
	for id, s := range testBodies {
		b[id] = s
	}
	x := NewBodyIndex(b.get)
	x.AddSegment(BuildSegment(docsOf(b)))
	return x, b
}

func hitIDs(hs []Hit) []dossier.ArticleID {
	var out []dossier.ArticleID
	for _, h := range hs {
		out = append(out, h.Article)
	}
	return out
}

func bodySearch(t *testing.T, x *BodyIndex, q string) []Hit {
	t.Helper()
	hs, err := x.Search(context.Background(), q, BodyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return hs
}

func TestBodySearch(t *testing.T) {
	x, _ := newBodyIndex(t)
	tests := []struct {
		q    string
		want []dossier.ArticleID
	}{
		{"troops", []dossier.ArticleID{4, 1}}, // 4 is shorter with tf 2
		{"troops tanks", []dossier.ArticleID{1}},
		{"TROOPS yelnya", []dossier.ArticleID{1}},
		{"zelenskyy's", []dossier.ArticleID{1}},
		{"elysee", []dossier.ArticleID{4}},
		{`"troops massed"`, []dossier.ArticleID{1}},
		{`"massed troops"`, nil},
		{`“security guarantees” blinken`, []dossier.ArticleID{3}},
		{`"troops again`, []dossier.ArticleID{4}}, // unclosed quote
		{"зеленский войска", []dossier.ArticleID{2}},
		{"ЗЕЛЕНСКИЙ", []dossier.ArticleID{2}},
		{"troops geneva", nil},
		{`""`, nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := hitIDs(bodySearch(t, x, tt.q)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestSnippetOffsets checks that every match offset points at the hit in the
// body and in the snippet.
func TestSnippetOffsets(t *testing.T) {
	long := strings.Repeat("Filler words about nothing in particular. ", 20) + "Зеленский’s troops near Yelnya. " + strings.Repeat("More filler here. ", 20) + "Troops again."
	b := bodies{7: long}
	x := NewBodyIndex(b.get)
	x.AddSegment(BuildSegment(docsOf(b)))
	for _, q := range []string{"troops", `"troops near yelnya"`, "зеленский troops", "filler"} {
		hs := bodySearch(t, x, q)
		if len(hs) != 1 {
			t.Fatalf("%q: got %v", q, hs)
		}
		body := []rune(long)
		for _, sn := range hs[0].Snippets {
			st := []rune(sn.Text)
			if len(st) > SnippetRunes+40 {
				t.Errorf("%q: snippet of %d runes", q, len(st))
			}
			if string(body[sn.Start:sn.Start+len(st)]) != sn.Text {
				t.Errorf("%q: snippet start %d does not point at its text", q, sn.Start)
			}
			for _, m := range sn.Matches {
				hit := string(st[m[0]:m[1]])
				if hit != string(body[sn.Start+m[0]:sn.Start+m[1]]) {
					t.Errorf("%q: match %v differs in body", q, m)
				}
				ok := false
				for _, w := range strings.FieldsFunc(strings.Trim(q, `"`), func(r rune) bool { return r == ' ' }) {
					if strings.Contains(FoldString(hit), w) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%q: match %v is %q", q, m, hit)
				}
			}
		}
	}
	hs := bodySearch(t, x, "troops")
	if hs[0].Count != 2 || len(hs[0].Snippets) != 2 {
		t.Errorf("troops: count %d, %d snippets", hs[0].Count, len(hs[0].Snippets))
	}
}

func TestSegmentRoundTrip(t *testing.T) {
	seg := BuildSegment(docsOf(testBodies))
	data, err := seg.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Segment
	if err := back.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*seg, back) {
		t.Fatal("round trip differs")
	}
	for i := 0; i < len(data); i += 7 {
		bad := slices.Clone(data)
		bad[i] ^= 0x20
		var s Segment
		if err := s.UnmarshalBinary(bad); err == nil || dossier.ErrorCode(err) != dossier.EINTERNAL {
			t.Fatalf("flipped byte %d: err %v", i, err)
		}
	}
	if err := back.UnmarshalBinary(data[:10]); err == nil {
		t.Fatal("truncated data accepted")
	}
}

func TestBodyUpdates(t *testing.T) {
	x, b := newBodyIndex(t)
	// An update in a later segment supersedes the first version.
	b[1] = "Troops withdrew from Yelnya, the ministry said."
	x.AddSegment(BuildSegment([]Doc{{1, b[1]}}))
	if got := hitIDs(bodySearch(t, x, "tanks")); !slices.Equal(got, []dossier.ArticleID{2}[:0]) {
		t.Errorf("tanks after update: %v", got)
	}
	if got := hitIDs(bodySearch(t, x, "withdrew")); !slices.Equal(got, []dossier.ArticleID{1}) {
		t.Errorf("withdrew: %v", got)
	}
	// A tombstone hides an article.
	x.Remove(4)
	if got := hitIDs(bodySearch(t, x, "troops")); !slices.Equal(got, []dossier.ArticleID{1}) {
		t.Errorf("troops after remove: %v", got)
	}
	// Single adds are searchable at once, and supersede segments.
	b[5] = "Drills in Belarus near Brest."
	x.Add(Doc{5, b[5]})
	b[3] = "Geneva talks: no deal on drills."
	x.Add(Doc{3, b[3]})
	if got := hitIDs(bodySearch(t, x, "drills")); len(got) != 2 {
		t.Errorf("drills: %v", got)
	}
	if got := hitIDs(bodySearch(t, x, "blinken")); len(got) != 0 {
		t.Errorf("blinken after change: %v", got)
	}
	// A body changed behind the index's back is not reported.
	b[5] = "Something else entirely."
	if got := hitIDs(bodySearch(t, x, "brest")); len(got) != 0 {
		t.Errorf("stale: %v", got)
	}
	delete(b, 2)
	if got := hitIDs(bodySearch(t, x, "танки")); len(got) != 0 {
		t.Errorf("deleted body: %v", got)
	}
	if x.Len() != 4 {
		t.Errorf("Len %d", x.Len())
	}
	// The filter restricts to candidate articles.
	hs, _ := x.Search(context.Background(), "drills", BodyOptions{Filter: func(id dossier.ArticleID) bool { return id == 3 }})
	if got := hitIDs(hs); !slices.Equal(got, []dossier.ArticleID{3}) {
		t.Errorf("filter: %v", got)
	}
}

func TestBodyManyAdds(t *testing.T) {
	b := bodies{}
	x := NewBodyIndex(b.get)
	want := 0
	for i := 1; i <= maxPending+10; i++ {
		id := dossier.ArticleID(i)
		b[id] = "note number " + strings.Repeat("x", i%5+1)
		x.Add(Doc{id, b[id]})
		if i%5 == 2 {
			want++
		}
	}
	hs, err := x.Search(context.Background(), "note xxx", BodyOptions{Limit: -1})
	if err != nil || len(hs) != want {
		t.Fatalf("got %d hits, err %v", len(hs), err)
	}
}

func TestBodyCancel(t *testing.T) {
	docs := genBodies(3000, 2000, 1)
	b := bodies{}
	for _, d := range docs {
		b[d.ID] = d.Body
	}
	x := NewBodyIndex(b.get)
	x.AddSegment(BuildSegment(docs))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if _, err := x.Search(ctx, "troops", BodyOptions{Limit: -1}); !errors.Is(err, context.Canceled) || time.Since(start) > 100*time.Millisecond {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
}

func TestParseBodyQuery(t *testing.T) {
	tests := []struct {
		q       string
		words   []string
		phrases [][]string
	}{
		{"Troops  Border", []string{"troops", "border"}, nil},
		{`"troops near" kyiv`, []string{"kyiv"}, [][]string{{"troops", "near"}}},
		{`«Минские соглашения» “one”`, []string{"one"}, [][]string{{"минские", "соглашения"}}},
		{`Zelenskyy’s troops troops`, []string{"zelenskyy", "s", "troops"}, nil},
		{`"unclosed phrase here`, nil, [][]string{{"unclosed", "phrase", "here"}}},
		{`"" - ,`, nil, nil},
	}
	for _, tt := range tests {
		bq := parseBodyQuery(tt.q)
		if !slices.Equal(bq.words, tt.words) || !reflect.DeepEqual(bq.phrases, tt.phrases) {
			t.Errorf("%q: got %q %q, want %q %q", tt.q, bq.words, bq.phrases, tt.words, tt.phrases)
		}
	}
}

func FuzzParseBodyQuery(f *testing.F) {
	for _, s := range []string{`"troops near" kyiv`, `«Минские»`, `"a`, `Zelenskyy’s`, "\xff\"x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		bq := parseBodyQuery(q)
		check := func(w string) {
			if w == "" || !utf8.ValidString(w) && utf8.ValidString(q) {
				t.Fatalf("%q: bad word %q", q, w)
			}
			n := 0
			tokenize(w, func(tok []byte, _, _ int) {
				n++
				if string(tok) != w {
					t.Fatalf("%q: word %q tokenizes to %q", q, w, tok)
				}
			})
			if n != 1 {
				t.Fatalf("%q: word %q is %d tokens", q, w, n)
			}
		}
		for _, w := range bq.words {
			check(w)
		}
		for _, p := range bq.phrases {
			if len(p) < 2 {
				t.Fatalf("%q: short phrase %q", q, p)
			}
			for _, w := range p {
				check(w)
			}
		}
	})
}

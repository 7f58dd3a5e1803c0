package dossier

import (
	"strings"
	"testing"
)

const reBody = "Russia has massed troops near the border. Officials in Kyiv say the buildup is the largest since 2014. Washington warned of sanctions."

func anchorOf(t *testing.T, body, text string) Passage {
	t.Helper()
	i := strings.Index(body, text)
	if i < 0 {
		t.Fatalf("%q not in body", text)
	}
	s := len([]rune(body[:i]))
	p, err := Anchor(1, body, s, s+len([]rune(text)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func runeSlice(s string, a, b int) string { return string([]rune(s)[a:b]) }

func TestReanchor(t *testing.T) {
	passage := "Officials in Kyiv say the buildup is the largest since 2014."
	tests := []struct {
		name    string
		newBody string
		want    string // the text found, "" for an orphan
	}{
		{"unchanged", reBody, passage},
		{"insertion before", "BREAKING: " + strings.Replace(reBody, "massed", "massed tens of thousands of", 1), passage},
		{"insertion after", reBody + " More to follow.", passage},
		{"insertion inside", strings.Replace(reBody, "the buildup", "the current buildup", 1),
			"Officials in Kyiv say the current buildup is the largest since 2014."},
		{"small edit inside", strings.Replace(reBody, "largest since 2014", "largest since 2015", 1),
			"Officials in Kyiv say the buildup is the largest since 2015."},
		{"first word changed", strings.Replace(reBody, "Officials in Kyiv", "Diplomats in Kyiv", 1),
			"Diplomats in Kyiv say the buildup is the largest since 2014."},
		{"last word changed", strings.Replace(reBody, "since 2014.", "since 2015!", 1),
			"Officials in Kyiv say the buildup is the largest since 2015!"},
		{"deleted", "Russia has massed troops near the border. Washington warned of sanctions.", ""},
		{"rewritten", "Russia has massed troops near the border. Nobody in the capital commented on anything at all. Washington warned of sanctions.", ""},
		{"non-ASCII before", "Россия: " + reBody, passage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := anchorOf(t, reBody, passage)
			s, e, ok := Reanchor(p, tt.newBody)
			if tt.want == "" {
				if ok {
					t.Fatalf("placed at %d-%d (%q), want an orphan", s, e, runeSlice(tt.newBody, s, e))
				}
				return
			}
			if !ok {
				t.Fatalf("orphaned, want %q", tt.want)
			}
			if got := runeSlice(tt.newBody, s, e); got != tt.want {
				t.Errorf("found %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReanchorPrefersContextThenNearest(t *testing.T) {
	body := "A said no. B said yes. C said no. D said maybe."
	p := anchorOf(t, body, "C said no.")
	// The text moves: "no." now appears twice before it, and context
	// ("yes. " before, " D" after) picks the right one.
	nb := "Intro. A said no. X said no. B said yes. C said no. D said maybe."
	s, e, ok := Reanchor(p, nb)
	if !ok || runeSlice(nb, s-5, e+2) != "yes. C said no. D" {
		t.Fatalf("got %d-%d ok=%v: %q", s, e, ok, runeSlice(nb, max(0, s-5), min(len(nb), e+2)))
	}
}

func TestNormalizeTag(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"actor/russia/mod", "actor/russia/mod", ""},
		{"  Actor / Russia  ", "Actor/Russia", ""},
		{"theme/ troop  numbers", "theme/troop numbers", ""},
		{"", "", "needs a name"},
		{"a//b", "", "empty part"},
		{"/a", "", "empty part"},
		{"a/", "", "empty part"},
		{`a"b`, "", "cannot hold"},
	}
	for _, tt := range tests {
		got, err := NormalizeTag(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("NormalizeTag(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizeTag(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	tags, err := NormalizeTags([]string{"a/b", "A/B", "c"})
	if err != nil || strings.Join(tags, ",") != "a/b,c" {
		t.Errorf("NormalizeTags = %v, %v", tags, err)
	}
	if !TagUnder("Actor/Russia/mod", "actor/russia") || TagUnder("actor/russian", "actor/russia") {
		t.Error("TagUnder")
	}
}

func TestPaletteAndColor(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Palette {
		n, err := NormalizeColor(c)
		if err != nil || n != c || seen[c] {
			t.Errorf("palette colour %q: %q, %v (repeat %v)", c, n, err, seen[c])
		}
		seen[c] = true
	}
	if len(Palette) != 12 {
		t.Errorf("%d colours, want 12", len(Palette))
	}
	if c, err := NormalizeColor("f0a"); err != nil || c != "#FF00AA" {
		t.Errorf("NormalizeColor(f0a) = %q, %v", c, err)
	}
	if _, err := NormalizeColor("#12345g"); ErrorCode(err) != EINVALID {
		t.Errorf("bad colour accepted: %v", err)
	}
}

func TestPassageRecord(t *testing.T) {
	p := anchorOf(t, reBody, "troops near the border")
	p.Tags, p.Note, p.Orphan = []string{"actor/russia/mod"}, "check the number", true
	meta := &ArticleMeta{ID: 1, Title: "Buildup", Outlet: "Reuters", Published: DayDate(2021, 12, 3, OriginHeader)}
	r := PassageRecord(&p, meta)
	for _, q := range []string{"tag:actor/russia", "is:orphan", "note:check", "troops", "outlet:reuters", "date:2021-12", "title:buildup", "article:1"} {
		pq, err := ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		if !pq.Match(&r) {
			t.Errorf("%s does not match the passage", q)
		}
	}
}

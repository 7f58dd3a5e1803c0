package extract

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"dossier"
)

// figureLabel is one hand-labelled troop figure of testdata/figures.
type figureLabel struct {
	kind      byte  // 'f' a force's strength, 'n' a count of military people that is not one
	value     int64 // -1: a vague amount ("thousands"), not compared
	qualifier string
	claimant  string
	span      dossier.Span
	line      int
}

type figureArticle struct {
	name, split string
	date        dossier.Date
	body        string
	labels      []figureLabel
}

func loadFigureLabels(t testing.TB) []figureArticle {
	files, err := filepath.Glob("testdata/figures/*.figures")
	if err != nil || len(files) == 0 {
		t.Skipf("no labelled figures: %v", err)
	}
	sort.Strings(files)
	var out []figureArticle
	for _, f := range files {
		body, err := os.ReadFile(strings.TrimSuffix(f, ".figures") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := figureArticle{name: strings.TrimSuffix(filepath.Base(f), ".figures"), body: string(body)}
		rs := []rune(a.body)
		from := 0
		for n, line := range strings.Split(string(raw), "\n") {
			switch {
			case headerLine(line, &a.split, &a.date):
			case strings.HasPrefix(line, "f "), strings.HasPrefix(line, "n "):
				l := figureLabel{kind: line[0], value: -1, line: n + 1}
				fields := strings.Split(line[1:], "|")
				if l.kind == 'f' && len(fields) != 4 || l.kind == 'n' && (len(fields) != 2 || strings.TrimSpace(fields[0]) != "") {
					t.Fatalf("%s:%d: want f VALUE | QUALIFIER | CLAIMANT | SPAN or n | SPAN", f, n+1)
				}
				if l.kind == 'f' {
					if v := strings.TrimSpace(fields[0]); v != "-" {
						if l.value, err = strconv.ParseInt(v, 10, 64); err != nil || l.value <= 0 {
							t.Fatalf("%s:%d: value %q is not a positive whole number or -", f, n+1, v)
						}
					}
					if l.qualifier = strings.TrimSpace(fields[1]); l.qualifier == "-" {
						l.qualifier = ""
					}
					l.claimant = strings.TrimSpace(fields[2])
				}
				span := strings.TrimSpace(fields[len(fields)-1])
				s, e := locate(rs, span, from)
				if s < 0 {
					t.Fatalf("%s:%d: span %q not found", f, n+1, span)
				}
				l.span = dossier.Span{Start: s, End: e}
				from = s + 1
				a.labels = append(a.labels, l)
			}
		}
		out = append(out, a)
	}
	return out
}

// TestFigureLabelsLoad only reads the figure labels, so a labeller can run it
// without seeing how the extractor does.
func TestFigureLabelsLoad(t *testing.T) {
	for _, a := range loadFigureLabels(t) {
		if a.split != "dev" && a.split != "heldout" {
			t.Errorf("%s: split %q", a.name, a.split)
		}
	}
}

type figureScore struct {
	articles, labels, detected, matched, valueOK, qualifierOK, claimantOK int
}

// TestFigureLabelled measures troop-figure detection (a found figure matches a
// label when their spans overlap), and how often the value, the qualifier and
// the claimant of a match are right. EXTRACT_DEBUG=1 lists the dev misses.
func TestFigureLabelled(t *testing.T) {
	aliases := DefaultAliases()
	scores := map[string]*figureScore{"dev": {}, "heldout": {}}
	debug := os.Getenv("EXTRACT_DEBUG")
	for _, a := range loadFigureLabels(t) {
		s := scores[a.split]
		if s == nil {
			t.Fatalf("%s: split %q", a.name, a.split)
		}
		verbose := debug != "" && a.split == "dev" || debug == "all"
		ex := ArticleWith(&dossier.Article{ID: 1, Body: a.body, Published: a.date}, aliases, Options{})
		rs := []rune(a.body)
		used := make([]bool, len(ex.Figures))
		s.articles++
		for _, l := range a.labels {
			hit := -1
			for i, f := range ex.Figures {
				if !used[i] && f.Span.Start < l.span.End && l.span.Start < f.Span.End {
					hit = i
					break
				}
			}
			text := string(rs[l.span.Start:l.span.End])
			if l.kind == 'n' {
				if hit >= 0 {
					used[hit] = true // counted as a false figure below
					if verbose {
						t.Logf("%s:%d: NOT A FIGURE %q found as %d %s", a.name, l.line, text, ex.Figures[hit].Value, ex.Figures[hit].Unit)
					}
					s.detected++
				}
				continue
			}
			s.labels++
			if hit < 0 {
				if verbose {
					t.Logf("%s:%d: MISSED %q", a.name, l.line, text)
				}
				continue
			}
			used[hit] = true
			s.matched++
			s.detected++
			f := ex.Figures[hit]
			if l.value < 0 || f.Value == l.value {
				s.valueOK++
			} else if verbose {
				t.Logf("%s:%d: VALUE %q: got %d, want %d", a.name, l.line, text, f.Value, l.value)
			}
			if strings.EqualFold(f.Qualifier, l.qualifier) {
				s.qualifierOK++
			} else if verbose {
				t.Logf("%s:%d: QUALIFIER %q: got %q, want %q", a.name, l.line, text, f.Qualifier, l.qualifier)
			}
			if sameSpeaker(aliases, f.Claimant, l.claimant) {
				s.claimantOK++
			} else if verbose {
				t.Logf("%s:%d: CLAIMANT %q: got %q, want %q", a.name, l.line, text, f.Claimant, l.claimant)
			}
		}
		for i, f := range ex.Figures {
			if !used[i] {
				s.detected++
				if verbose {
					t.Logf("%s: EXTRA %q (%d %s)", a.name, string(rs[f.Span.Start:f.Span.End]), f.Value, f.Unit)
				}
			}
		}
	}
	// floors: detection F1, value, claimant accuracy
	floors := map[string][3]float64{"dev": {0.93, 0.98, 0.82}, "heldout": {0.83, 0.98, 0.76}}
	for _, split := range []string{"dev", "heldout"} {
		s := scores[split]
		if s.articles == 0 {
			continue
		}
		p, r, f1, _ := score{labels: s.labels, detected: s.detected, matched: s.matched}.figures()
		frac := func(n int) float64 {
			if s.matched == 0 {
				return 0
			}
			return float64(n) / float64(s.matched)
		}
		t.Logf("figures %-7s articles %2d  figures %3d  found %3d  matched %3d  P %.3f  R %.3f  F1 %.3f  value %.3f  qualifier %.3f  claimant %.3f (%d/%d)",
			split, s.articles, s.labels, s.detected, s.matched, p, r, f1, frac(s.valueOK), frac(s.qualifierOK), frac(s.claimantOK), s.claimantOK, s.matched)
		if fl := floors[split]; f1 < fl[0] || frac(s.valueOK) < fl[1] || frac(s.claimantOK) < fl[2] {
			t.Errorf("figures %s: F1 %.3f, value %.3f or claimant %.3f under the floor %.2f/%.2f/%.2f", split, f1, frac(s.valueOK), frac(s.claimantOK), fl[0], fl[1], fl[2])
		}
	}
}

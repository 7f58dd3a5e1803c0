package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/store"
)

// run runs the dossier command in-process on the notebook db.
func run(t *testing.T, db string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errw bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errw}
	err = m.Run(append([]string{"--db", db}, args...))
	return out.String(), errw.String(), err
}

// runJSON runs a command that prints JSON and decodes it into v.
func runJSON(t *testing.T, db string, v any, args ...string) {
	t.Helper()
	out, errs, err := run(t, db, append(args, "--json")...)
	if err != nil {
		t.Fatalf("dossier %s: %v\n%s", strings.Join(args, " "), err, errs)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("dossier %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// seeded returns a notebook with the seed articles, their quotes and figures.
func seeded(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "nb.dossier")
	out, errs, err := run(t, db, "extract")
	if err != nil || !strings.Contains(out, "5 articles:") || !strings.Contains(errs, "5/5 articles") {
		t.Fatalf("extract: %v\nstdout: %s\nstderr: %s", err, out, errs)
	}
	return db
}

// bodies reads every article's body from the notebook.
func bodies(t *testing.T, db string) map[dossier.ArticleID][]rune {
	t.Helper()
	n, err := store.Open(db, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	out := map[dossier.ArticleID][]rune{}
	err = n.EachArticle(func(a *dossier.Article) error { out[a.ID] = []rune(a.Body); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestQuotesJSON(t *testing.T) {
	db := seeded(t)
	var qs []quoteJSON
	runJSON(t, db, &qs, "quotes")
	if len(qs) < 20 {
		t.Fatalf("%d quotes in the seeds, want at least 20", len(qs))
	}
	// Every key is there, also when empty or null.
	var raw []map[string]any
	runJSON(t, db, &raw, "quotes")
	for _, k := range []string{"id", "ref", "article", "title", "outlet", "file", "date", "date_origin", "start", "end", "spans", "text", "speaker", "mention", "role", "partial"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("quotes --json lacks %q: %v", k, raw[0])
		}
	}
	texts := bodies(t, db)
	by := map[string][]quoteJSON{}
	lastDate, lastArt, lastStart := "", dossier.ArticleID(0), -1
	for _, q := range qs {
		// The text is the body at the spans, without quote marks.
		var parts []string
		for _, s := range q.Spans {
			parts = append(parts, string(texts[q.Article][s.Start:s.End]))
		}
		if got := strings.Join(parts, " "); got != q.Text || q.Start != q.Spans[0].Start || q.End != q.Spans[len(q.Spans)-1].End {
			t.Errorf("quote %s: text %q, body at its spans %q", q.Ref, q.Text, got)
		}
		if strings.ContainsAny(q.Text[:1], "\"“”«") {
			t.Errorf("quote %s keeps its opening mark: %q", q.Ref, q.Text)
		}
		if q.ID != store.QuoteID(q.Article, q.Start) || q.Ref != strconv.Itoa(int(q.Article))+":"+strconv.Itoa(q.Start) {
			t.Errorf("quote %s has ID %d", q.Ref, q.ID)
		}
		// By date (undated last), then by position.
		d := deref(q.Date)
		if d == "" {
			d = "9999"
		}
		if d < lastDate || q.Article == lastArt && q.Start <= lastStart {
			t.Errorf("quote %s (%s) is out of order", q.Ref, d)
		}
		lastDate, lastArt, lastStart = d, q.Article, q.Start
		if q.Speaker != nil {
			by[*q.Speaker] = append(by[*q.Speaker], q)
		}
	}

	psaki := by["Jen Psaki"]
	found := false
	for _, q := range psaki {
		if strings.HasPrefix(q.Text, "As it relates to the escalating Russian aggression in eastern Ukraine") {
			found = true
			if deref(q.Date) != "2021-04-10" || q.Partial || !strings.HasPrefix(q.File, "000_") || !strings.Contains(q.Title, "Psaki") {
				t.Errorf("Psaki's quote = %+v", q)
			}
		}
	}
	if !found {
		t.Errorf("Jen Psaki's statement on Russian aggression is missing: %+v", psaki)
	}
	price := map[string]bool{}
	for _, q := range by["Ned Price"] {
		price[deref(q.Date)] = true
	}
	if !price["2021-12-30"] || !price["2022-01-29"] {
		t.Errorf("Ned Price is quoted on %v, want 2021-12-30 and 2022-01-29", price)
	}
	found = false
	for _, q := range by["Antony Blinken"] {
		if q.Text == "severe costs" && q.Partial && deref(q.Date) == "2021-12-03" {
			found = true
		}
	}
	if !found {
		t.Errorf("Blinken's “severe costs” is missing: %+v", by["Antony Blinken"])
	}
	if len(by["Volodymyr Zelenskyy"]) == 0 {
		t.Errorf("no quote of Zelenskyy")
	}
}

func TestQuotesFilters(t *testing.T) {
	db := seeded(t)
	for _, tc := range []struct {
		args []string
		want string // the one speaker every quote has
		min  int
	}{
		{[]string{"--speaker", "Zelensky"}, "Volodymyr Zelenskyy", 1},
		{[]string{"--speaker", "ZELENSKIY"}, "Volodymyr Zelenskyy", 1},
		{[]string{"--speaker", "ned price"}, "Ned Price", 2},
		{[]string{"--speaker", "Price"}, "Ned Price", 2},
		{[]string{"--speaker", "Tony Blinken"}, "Antony Blinken", 2},
		{[]string{"--query", "speaker:psaki"}, "Jen Psaki", 2},
	} {
		var qs []quoteJSON
		runJSON(t, db, &qs, append([]string{"quotes"}, tc.args...)...)
		if len(qs) < tc.min {
			t.Errorf("quotes %v: %d quotes, want at least %d", tc.args, len(qs), tc.min)
		}
		for _, q := range qs {
			if deref(q.Speaker) != tc.want {
				t.Errorf("quotes %v: quote %s by %q", tc.args, q.Ref, deref(q.Speaker))
			}
		}
	}
	var all, one []quoteJSON
	runJSON(t, db, &all, "quotes")
	art := all[0].Article
	runJSON(t, db, &one, "quotes", "--article", strconv.Itoa(int(art)))
	n := 0
	for _, q := range all {
		if q.Article == art {
			n++
		}
	}
	if len(one) != n {
		t.Errorf("quotes --article %d: %d quotes, want %d", art, len(one), n)
	}
	if _, _, err := run(t, db, "quotes", "--article", "99"); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("quotes --article 99: %v", err)
	}
	if _, errs, err := run(t, db, "quotes", "--query", "tga:x"); err != errFailed || !strings.Contains(errs, "^") {
		t.Errorf("a bad query: %v\n%s", err, errs)
	}
	// The table shows speaker, date and a clipped quote.
	out, _, err := run(t, db, "quotes", "--speaker", "psaki")
	if err != nil || !strings.Contains(out, "SPEAKER") || !strings.Contains(out, "Jen Psaki") || !strings.Contains(out, "2021-04-10") || !strings.Contains(out, "…”") {
		t.Errorf("quotes table: %v\n%s", err, out)
	}
}

func TestFiguresJSON(t *testing.T) {
	db := seeded(t)
	var fs []figureJSON
	runJSON(t, db, &fs, "figures")
	texts := bodies(t, db)
	found := false
	for _, f := range fs {
		phrase := string(texts[f.Article][f.Start:f.End])
		if !strings.Contains(phrase, groupDigits(f.Value)) && !strings.Contains(f.Sentence, phrase) {
			t.Errorf("figure %+v: its span holds %q", f, phrase)
		}
		if f.Value == 94000 {
			found = true
			if f.Qualifier != "more than" || f.Unit != "troops" || deref(f.Claimant) != "Oleksii Reznikov" ||
				deref(f.Date) != "2021-12-03" || !strings.Contains(f.Sentence, "more than 94,000 troops") ||
				!strings.HasPrefix(f.File, "003_") || phrase != "more than 94,000 troops" {
				t.Errorf("Reznikov's figure = %+v (phrase %q)", f, phrase)
			}
		}
	}
	if !found {
		t.Fatalf("no 94,000 figure: %+v", fs)
	}
	var raw []map[string]any
	runJSON(t, db, &raw, "figures")
	for _, k := range []string{"article", "date", "value", "qualifier", "unit", "claimant", "sentence", "start", "end", "file"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("figures --json lacks %q", k)
		}
	}
	out, _, err := run(t, db, "figures")
	if err != nil || !strings.Contains(out, "more than 94,000 troops") || !strings.Contains(out, "Oleksii Reznikov") {
		t.Errorf("figures table: %v\n%s", err, out)
	}
}

func TestFiguresQuery(t *testing.T) {
	db := seeded(t)
	var all []figureJSON
	runJSON(t, db, &all, "figures")
	for _, tc := range []struct {
		query string
		keep  func(f figureJSON) bool
	}{
		{"speaker:reznikov", func(f figureJSON) bool { return deref(f.Claimant) == "Oleksii Reznikov" }},
		{"date:2021-12-03", func(f figureJSON) bool { return deref(f.Date) == "2021-12-03" }},
		{"troop -speaker:reznikov", func(f figureJSON) bool {
			return deref(f.Claimant) != "Oleksii Reznikov" && strings.Contains(strings.ToLower(f.Sentence), "troop")
		}},
		{"speaker:nobody-at-all", func(figureJSON) bool { return false }},
	} {
		var got []figureJSON
		runJSON(t, db, &got, "figures", "--query", tc.query)
		var want []figureJSON
		for _, f := range all {
			if tc.keep(f) {
				want = append(want, f)
			}
		}
		if len(got) != len(want) {
			t.Errorf("figures --query %q: %d figures, want %d", tc.query, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i].Article != want[i].Article || got[i].Start != want[i].Start {
				t.Errorf("figures --query %q: figure %d is %d:%d, want %d:%d", tc.query, i, got[i].Article, got[i].Start, want[i].Article, want[i].Start)
			}
		}
		if tc.query == "speaker:reznikov" && !slicesContainsValue(got, 94000) {
			t.Errorf("figures --query %q lacks the 94,000 figure", tc.query)
		}
	}
	if _, errs, err := run(t, db, "figures", "--query", "tga:x"); err != errFailed || !strings.Contains(errs, "^") {
		t.Errorf("a bad query: %v\n%s", err, errs)
	}
	// The query combines with --article.
	var one []figureJSON
	runJSON(t, db, &one, "figures", "--query", "troops", "--article", strconv.Itoa(int(all[0].Article)))
	for _, f := range one {
		if f.Article != all[0].Article {
			t.Errorf("figures --query troops --article %d: figure of article %d", all[0].Article, f.Article)
		}
	}
}

func slicesContainsValue(fs []figureJSON, v int64) bool {
	for _, f := range fs {
		if f.Value == v {
			return true
		}
	}
	return false
}

func TestQuotesQuery(t *testing.T) {
	db := seeded(t)
	var all, got []quoteJSON
	runJSON(t, db, &all, "quotes")
	runJSON(t, db, &got, "quotes", "--query", "speaker:zelensky OR speaker:price")
	want := 0
	for _, q := range all {
		if s := deref(q.Speaker); s == "Volodymyr Zelenskyy" || s == "Ned Price" {
			want++
		}
	}
	if want == 0 || len(got) != want {
		t.Errorf("quotes --query 'speaker:zelensky OR speaker:price': %d quotes, want %d", len(got), want)
	}
	runJSON(t, db, &got, "quotes", "--query", "-speaker:zelensky -speaker:price")
	if len(got) != len(all)-want {
		t.Errorf("quotes --query '-speaker:zelensky -speaker:price': %d quotes, want %d", len(got), len(all)-want)
	}
}

func TestSpeakersJSON(t *testing.T) {
	db := seeded(t)
	var ss []speakerJSON
	runJSON(t, db, &ss, "speakers")
	var price *speakerJSON
	for i := range ss {
		if i > 0 && ss[i].Quotes > ss[i-1].Quotes {
			t.Errorf("speakers not by count: %s %d after %d", ss[i].Name, ss[i].Quotes, ss[i-1].Quotes)
		}
		if ss[i].Name == "Ned Price" {
			price = &ss[i]
		}
	}
	var qs []quoteJSON
	runJSON(t, db, &qs, "quotes", "--speaker", "Ned Price")
	if price == nil || price.Quotes != len(qs) || price.Articles < 2 ||
		deref(price.First) > "2021-12-30" || deref(price.Last) < "2022-01-29" || len(price.Mentions) == 0 {
		t.Errorf("Ned Price = %+v (%d quotes)", price, len(qs))
	}
}

func TestCorrectionsCLI(t *testing.T) {
	db := seeded(t)
	var qs []quoteJSON
	runJSON(t, db, &qs, "quotes")
	var victim, relabel quoteJSON
	for _, q := range qs {
		switch {
		case q.Text == "severe costs":
			victim = q
		case q.Speaker == nil && relabel.Ref == "":
			relabel = q
		}
	}
	if victim.Ref == "" || relabel.Ref == "" {
		t.Fatalf("no quotes to correct in %+v", qs)
	}
	body := bodies(t, db)[victim.Article]
	reznikov := strings.Index(string(body), "Russia has placed")

	var q quoteJSON
	runJSON(t, db, &q, "quote", "speaker", relabel.Ref, "J.", "Psaki", "--role", "Press Secretary")
	if deref(q.Speaker) != "J. Psaki" || q.Role != "Press Secretary" || q.Corrected != "speaker" {
		t.Errorf("after quote speaker: %+v", q)
	}
	if out, _, err := run(t, db, "quote", "delete", strconv.FormatUint(uint64(victim.ID), 10)); err != nil || !strings.Contains(out, victim.Ref) {
		t.Errorf("quote delete: %v %s", err, out)
	}
	start := len([]rune(string(body)[:reznikov]))
	runJSON(t, db, &q, "quote", "add", strconv.Itoa(int(victim.Article)), "--start", strconv.Itoa(start), "--end", strconv.Itoa(start+17), "--speaker", "Reznikov")
	if q.Text != "Russia has placed" || deref(q.Speaker) != "Oleksii Reznikov" || q.Mention != "Reznikov" || q.Corrected != "add" {
		t.Errorf("after quote add: %+v", q)
	}
	// --find replaces the quote at the same start: a fixed extent.
	runJSON(t, db, &q, "quote", "add", strconv.Itoa(int(victim.Article)), "--find", "Russia has placed more than 94,000 troops near Ukraine’s borders", "--speaker", "Reznikov")
	added := q

	// Extraction again, and an alias that merges the new spelling.
	if _, _, err := run(t, db, "extract"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, db, "alias", "add", "J. Psaki", "Psaki"); err != nil {
		t.Fatal(err)
	}
	var after []quoteJSON
	runJSON(t, db, &after, "quotes")
	refs := map[string]quoteJSON{}
	for _, q := range after {
		refs[q.Ref] = q
	}
	if _, ok := refs[victim.Ref]; ok {
		t.Errorf("deleted quote %s is back", victim.Ref)
	}
	if q := refs[relabel.Ref]; deref(q.Speaker) != "Jen Psaki" || q.Role != "Press Secretary" {
		t.Errorf("relabelled quote after extract and alias = %+v", q)
	}
	if q := refs[added.Ref]; q.Text != "Russia has placed more than 94,000 troops near Ukraine’s borders" || deref(q.Speaker) != "Oleksii Reznikov" {
		t.Errorf("added quote after extract = %+v", q)
	}
	if len(after) != len(qs) {
		t.Errorf("%d quotes after, %d before: one deleted, one added", len(after), len(qs))
	}
	var ss []speakerJSON
	runJSON(t, db, &ss, "speakers")
	for _, s := range ss {
		if s.Name == "J. Psaki" {
			t.Errorf("the alias did not merge J. Psaki: %+v", s)
		}
		if s.Name == "Jen Psaki" && !strings.Contains(strings.Join(s.Spellings, "|"), "J. Psaki") {
			t.Errorf("Jen Psaki's spellings = %q", s.Spellings)
		}
	}

	var cs []correctionJSON
	runJSON(t, db, &cs, "quote", "corrections")
	kinds := map[string]string{}
	for _, c := range cs {
		kinds[c.Ref] = c.Kind
		if c.Orphan {
			t.Errorf("orphan: %+v", c)
		}
	}
	if len(cs) != 3 || kinds[victim.Ref] != "delete" || kinds[relabel.Ref] != "speaker" || kinds[added.Ref] != "add" {
		t.Errorf("corrections = %+v", cs)
	}
	// Revert brings the deleted quote back.
	if _, _, err := run(t, db, "quote", "revert", victim.Ref); err != nil {
		t.Fatal(err)
	}
	var back []quoteJSON
	runJSON(t, db, &back, "quotes", "--article", strconv.Itoa(int(victim.Article)))
	found := false
	for _, q := range back {
		found = found || q.Ref == victim.Ref && q.Text == "severe costs"
	}
	if !found {
		t.Errorf("reverted quote %s is not back", victim.Ref)
	}

	for _, tc := range []struct {
		args []string
		code string
		err  error
	}{
		{[]string{"quote", "speaker", "x:y", "A"}, dossier.EINVALID, nil},
		{[]string{"quote", "speaker", "1:0", "A"}, dossier.ENOTFOUND, nil},
		{[]string{"quote", "delete"}, "", errUsage},
		{[]string{"quote", "add", "1"}, "", errUsage},
		{[]string{"quote", "add", "1", "--start", "5", "--end", "2"}, dossier.EINVALID, nil},
		{[]string{"quote", "add", "1", "--find", "no such words in it"}, dossier.EINVALID, nil},
		{[]string{"quote", "frobnicate"}, "", errUsage},
		{[]string{"alias", "remove", "no such alias"}, dossier.ENOTFOUND, nil},
		{[]string{"alias", "add", "Putin"}, "", errUsage},
	} {
		_, _, err := run(t, db, tc.args...)
		if tc.err != nil && err != tc.err || tc.err == nil && dossier.ErrorCode(err) != tc.code {
			t.Errorf("dossier %s: %v, want %v%s", strings.Join(tc.args, " "), err, tc.err, tc.code)
		}
	}
}

func TestAliasCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nb.dossier")
	if _, _, err := run(t, db, "--no-seed", "alias", "remove", "Kiev"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, db, "alias", "add", "Volodymyr Zelenskyy's office", "Zelensky"); err != nil {
		t.Fatal(err)
	}
	var as []aliasJSON
	runJSON(t, db, &as, "alias")
	got := map[string]aliasJSON{}
	for _, a := range as {
		got[a.Alias] = a
	}
	if _, ok := got["kiev"]; ok {
		t.Error("kiev is still an alias")
	}
	if a := got["volodymyr zelenskyy's office"]; a.Canonical != "Volodymyr Zelenskyy" || a.Source != "notebook" {
		t.Errorf("added alias = %+v (a spelling as NAME stands for its canonical name)", a)
	}
	if a := got["blinken"]; a.Canonical != "Antony Blinken" || a.Source != "built-in" {
		t.Errorf("built-in alias = %+v", a)
	}
}

func TestWiring(t *testing.T) {
	m := &Main{DBPath: filepath.Join(t.TempDir(), "nb.dossier"), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	n, err := m.openNotebook()
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if err := m.seed(n); err != nil {
		t.Fatal(err)
	}
	quotes := 0
	n.EachQuote(func(*dossier.Quote) error { quotes++; return nil })
	if quotes == 0 {
		t.Error("an import into a wired notebook found no quotes")
	}
	d := importOptions().InferDate("KYIV, Jan 12, 2022 — Officials said talks would go on.", time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if d.String() != "2022-01-12" || d.Origin != dossier.OriginInferred {
		t.Errorf("inferred date = %v (%v)", d, d.Origin)
	}
}

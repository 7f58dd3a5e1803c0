package export_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/export"
	"dossier/ingest"
	"dossier/seeds"
)

// fixture is the seed notebook with passages, tags, notes and quotes added,
// and an article whose title and text hold what formats trip over: slashes
// and colons, markup, quote marks, Cyrillic and characters outside the
// Basic Multilingual Plane.
func fixture(t testing.TB) *export.Notebook {
	t.Helper()
	nb := &export.Notebook{ID: "0b0e6a34-9a4f-4c43-9d6c-3f3e0d7f6a11", Name: "Buildup notes", User: "Test Researcher",
		Exported: time.Date(2022, 3, 1, 12, 0, 0, 0, time.UTC)}
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, name := range names {
		data, _ := fs.ReadFile(seeds.FS, name)
		// A fixed import time: the same notebook must export to the same bytes.
		arts, probs := ingest.ParseFile(name, data, ingest.Options{Now: func() time.Time { return time.Date(2022, 2, 20, 9, 0, 0, 0, time.UTC) }})
		if len(probs) > 0 || len(arts) != 1 {
			t.Fatalf("%s: %v", name, probs)
		}
		arts[0].ID = dossier.ArticleID(len(nb.Articles) + 1)
		nb.Articles = append(nb.Articles, export.Article{Article: *arts[0]})
	}
	odd := dossier.Article{ID: 6, Title: `Kyiv / Київ: "quotes", <b>bold</b> & 🇺🇦?`, Outlet: "Ukrainska Pravda", URL: "https://example.org/a?b=1&c=2",
		Published: dossier.Date{Time: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), Precision: dossier.PrecisionMonth, Origin: dossier.OriginUser},
		Body:      "Президент 🇺🇦 сказав: «Ми готові».\n\n=SUM(A1) is no formula; <script>alert(1)</script> is no script.\n\n\"Quoted\", with commas, said one 😀 official.",
		File:      "odd.txt", Imported: time.Date(2022, 2, 2, 10, 0, 0, 0, time.UTC)}
	odd.Hash = dossier.HashBody(odd.Body)
	nb.Articles = append(nb.Articles, export.Article{Article: odd})
	nb.Tags = []dossier.Tag{
		{Path: "actor", Color: "#4E79A7"}, {Path: "actor/russia", Color: "#F28E2B", Description: "Russian officials"},
		{Path: "actor/russia/mod", Color: "#59A14F"}, {Path: "actor/usa", Color: "#E15759"},
		{Path: "theme", Color: "#B07AA1"}, {Path: "theme/troop build-up", Color: "#76B7B2", Description: `say "troops"`},
		{Path: "=cmd", Color: "#EDC948"}, {Path: "мова", Color: "#FF9DA7"},
	}
	add := func(ai int, find string, tags []string, note string) {
		a := &nb.Articles[ai]
		i := strings.Index(a.Body, find)
		if i < 0 {
			t.Fatalf("article %d lacks %q", a.ID, find)
		}
		s := len([]rune(a.Body[:i]))
		p, err := dossier.Anchor(a.ID, a.Body, s, s+len([]rune(find)))
		if err != nil {
			t.Fatal(err)
		}
		p.ID = dossier.PassageID(100*ai + len(a.Passages) + 1)
		p.Tags, p.Note = tags, note
		p.Created = time.Date(2022, 1, 5, 9, 0, 0, 0, time.UTC)
		p.Modified = p.Created.Add(time.Hour)
		a.Passages = append(a.Passages, p)
	}
	addQuote := func(ai int, speaker, role string, finds ...string) {
		a := &nb.Articles[ai]
		q := export.Quote{Quote: dossier.Quote{Article: a.ID, Speaker: speaker, Role: role, Mention: speaker}}
		for _, f := range finds {
			i := strings.Index(a.Body, f)
			if i < 0 {
				t.Fatalf("article %d lacks %q", a.ID, f)
			}
			s := len([]rune(a.Body[:i]))
			q.Spans = append(q.Spans, dossier.Span{Start: s, End: s + len([]rune(f))})
		}
		q.ID = dossier.QuoteID(uint64(a.ID)<<32 | uint64(q.Spans[0].Start))
		a.Quotes = append(a.Quotes, q)
	}
	add(0, "Jen Psaki during her daily briefing", []string{"actor/usa"}, "line one\nline two, with a comma\n\"and quotes\"")
	add(0, "consequences", []string{"actor/usa", "theme/troop build-up"}, "=HYPERLINK(\"http://x\") must stay text")
	add(0, "Russia’s troop movements", []string{"theme/troop build-up", "=cmd"}, "")
	add(1, strings.Fields(nb.Articles[1].Body)[3], []string{"actor/russia/mod"}, "-5 is a number; @user a mention; +1 a vote")
	add(5, "🇺🇦 сказав", []string{"мова"}, "Cyrillic and a flag")
	add(5, "=SUM(A1)", []string{"=cmd"}, "")
	add(5, "<script>alert(1)</script>", nil, "markup <b>escaped</b> & done")
	add(5, "😀 official", []string{"actor"}, "")
	addQuote(0, "Jen Psaki", "Press Secretary", "consequences")
	addQuote(5, "Президент", "", "Ми готові")
	addQuote(5, "", "", "Quoted", "with commas")
	nb.Articles[0].Tags = []string{"actor/usa"}
	nb.Articles[5].Tags = []string{"мова", "theme"}
	nb.Articles[5].Quotes[0].Tags = []string{"actor"}
	if err := nb.Validate(); err != nil {
		t.Fatal(err)
	}
	return nb
}

// summary is what a round trip must keep, free of IDs.
func summary(nb *export.Notebook) string {
	var b strings.Builder
	for _, tg := range nb.Tags {
		fmt.Fprintf(&b, "tag %s %s %q\n", tg.Path, tg.Color, tg.Description)
	}
	for _, a := range nb.Articles {
		fmt.Fprintf(&b, "article %q %q %q %q %s/%s/%s %s tags %q\n", a.Title, a.Outlet, a.URL, a.Author, a.Published, a.Published.Precision, a.Published.Origin, a.Hash, a.Tags)
		for _, p := range a.Passages {
			fmt.Fprintf(&b, "  passage %d-%d %q tags %q note %q\n", p.Start, p.End, p.Text, p.Tags, p.Note)
		}
		for _, q := range a.Quotes {
			fmt.Fprintf(&b, "  quote %v %q speaker %q role %q tags %q\n", q.Spans, q.Text, q.Speaker, q.Role, q.Tags)
		}
	}
	return b.String()
}

// tagSummary lists the tags of a notebook (those used and listed) with
// colours, in path order: what an import gives the notebook.
func tagSummary(nb *export.Notebook) string {
	var out []string
	for _, t := range nb.Tags {
		out = append(out, strings.ToLower(t.Path)+" "+t.Color+" "+t.Description)
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

func diff(t *testing.T, what, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Fatalf("%s differs at line %d:\nwant %s\ngot  %s", what, i+1, w, g)
		}
	}
}

// validator returns the path of a tool in ../shared/tools, or skips.
func validator(t *testing.T, name string, needs ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "shared", "tools", name))
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is not here: %v", name, err)
	}
	for _, n := range needs {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("%s needs %s, which is not installed", name, n)
		}
	}
	return p
}

func runValidator(t *testing.T, tool, file string) {
	t.Helper()
	out, err := exec.Command(tool, file).CombinedOutput()
	t.Logf("%s: %s", filepath.Base(tool), strings.TrimSpace(string(out)))
	if err != nil {
		if strings.Contains(string(out), "No module named") {
			t.Skipf("%s cannot run here: %s", filepath.Base(tool), out)
		}
		t.Fatalf("%s %s: %v\n%s", filepath.Base(tool), file, err, out)
	}
}

func TestQDPXRoundTrip(t *testing.T) {
	nb := fixture(t)
	var buf bytes.Buffer
	var progress []int
	if err := export.WriteQDPX(&buf, nb, &export.Options{Progress: func(done, total int) { progress = append(progress, done) }}); err != nil {
		t.Fatal(err)
	}
	if len(progress) != len(nb.Articles) || progress[len(progress)-1] != len(nb.Articles) {
		t.Errorf("progress %v", progress)
	}
	path := filepath.Join(t.TempDir(), "notes.qdpx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	back, err := export.ReadQDPX(bytes.NewReader(buf.Bytes()), int64(buf.Len()), export.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Warnings) > 0 {
		t.Errorf("warnings: %v", back.Warnings)
	}
	back.Tags = nil // the code book has every tag: compare them apart
	want := fixture(t)
	want.Tags = nil
	diff(t, "qdpx round trip", summary(want), summary(back))
	again, _ := export.ReadQDPX(bytes.NewReader(buf.Bytes()), int64(buf.Len()), export.Limits{})
	diff(t, "qdpx tags", tagSummary(fixture(t)), tagSummary(again))

	// The same notebook gives the same file, byte for byte.
	var buf2 bytes.Buffer
	export.WriteQDPX(&buf2, fixture(t), nil)
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("exporting the same notebook twice gave two files")
	}
	runValidator(t, validator(t, "validate-qdpx", "xmllint", "unzip"), path)
}

func TestJSONLDRoundTrip(t *testing.T) {
	nb := fixture(t)
	var buf bytes.Buffer
	if err := export.WriteJSONLD(&buf, nb, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "notes.jsonld")
	os.WriteFile(path, buf.Bytes(), 0o644)
	back, err := export.ReadJSONLD(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "json-ld tags", tagSummary(fixture(t)), tagSummary(back))
	back.Tags = nil
	want := fixture(t)
	want.Tags = nil
	diff(t, "json-ld round trip", summary(want), summary(back))
	for _, id := range []string{"urn:uuid:", `"TextQuoteSelector"`, `"TextPositionSelector"`, `"purpose": "tagging"`, `"purpose": "commenting"`} {
		if !strings.Contains(buf.String(), id) {
			t.Errorf("the JSON-LD lacks %s", id)
		}
	}
	var buf2 bytes.Buffer
	export.WriteJSONLD(&buf2, fixture(t), nil)
	if buf.String() != buf2.String() {
		t.Error("exporting the same notebook twice gave two files")
	}
	runValidator(t, validator(t, "validate-webanno", "python3"), path)
}

func TestCSV(t *testing.T) {
	nb := fixture(t)
	var pb, qb bytes.Buffer
	if err := export.WriteCSV(&pb, &qb, nb, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pb.String(), "\ufeffarticle,date,outlet,speaker,tags,text,note,start,end\r\n") {
		t.Errorf("passages start %q", pb.String()[:80])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(pb.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, a := range nb.Articles {
		want += len(a.Passages)
	}
	if len(rows) != want+1 {
		t.Fatalf("%d rows, want %d and a header", len(rows), want)
	}
	byNote := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) != len(export.PassageColumns) {
			t.Fatalf("row %q has %d fields", r, len(r))
		}
		byNote[r[6]] = r
		for i, f := range r {
			if f != "" && strings.ContainsRune("=+-@", rune(f[0])) {
				t.Errorf("field %s %q would run as a formula", export.PassageColumns[i], f)
			}
		}
	}
	if r := byNote["line one\nline two, with a comma\n\"and quotes\""]; r == nil || r[3] != "" || r[4] != "actor/usa" {
		t.Errorf("the multi-line note's row is %q; notes: %q", r, keys(byNote))
	}
	if r := byNote["'=HYPERLINK(\"http://x\") must stay text"]; r == nil || r[3] != "Jen Psaki" || r[4] != "actor/usa; theme/troop build-up" {
		t.Errorf("the formula note's row is %q", r)
	}
	if byNote["'-5 is a number; @user a mention; +1 a vote"] == nil {
		t.Error("a note starting with - is not escaped")
	}
	for _, r := range rows[1:] {
		if r[5] == "'=SUM(A1)" && r[4] == "'=cmd" && r[0] == `Kyiv / Київ: "quotes", <b>bold</b> & 🇺🇦?` && r[1] == "2022-02" {
			goto found
		}
	}
	t.Error("no row for the =SUM passage with its tag escaped")
found:
	qrows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(qb.String(), "\ufeff"))).ReadAll()
	if err != nil || len(qrows) != 4 || qrows[1][3] != "Jen Psaki" || qrows[1][4] != "Press Secretary" || qrows[3][6] != "Quoted with commas" {
		t.Errorf("quotes: %q, %v", qrows, err)
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestMarkdown(t *testing.T) {
	nb := fixture(t)
	dir := t.TempDir()
	if err := export.WriteMarkdown(dir, nb, nil); err != nil {
		t.Fatal(err)
	}
	names := export.FileNames(nb)
	if got := names[5]; got != "Kyiv - Київ- -quotes-, -b-bold--b- & 🇺🇦-" {
		t.Errorf("file name %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(nb.Articles)+1 {
		t.Errorf("%d files, want %d", len(entries), len(nb.Articles)+1)
	}
	data, err := os.ReadFile(filepath.Join(dir, names[0]+".md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{"---\ntitle: ", "\ndate: 2021-04-10\n", "tags:\n  - \"actor/usa\"\n  - \"theme/troop-build-up\"\n  - \"_cmd\"\n",
		"> Jen Psaki during her daily briefing\n^p1\n\n#actor/usa", "\nline one\nline two, with a comma\n\"and quotes\"\n",
		"## Quotes\n\n> “consequences”\n— **Jen Psaki**, Press Secretary", "## Related\n\n- [["} {
		if !strings.Contains(s, want) {
			t.Errorf("the note lacks %q:\n%s", want, s)
		}
	}
	odd, _ := os.ReadFile(filepath.Join(dir, names[5]+".md"))
	if strings.Contains(string(odd), "<script>") || !strings.Contains(string(odd), `\<script\>`) {
		t.Errorf("markup is not escaped:\n%s", odd)
	}
	index, _ := os.ReadFile(filepath.Join(dir, export.IndexNote))
	if !strings.Contains(string(index), "[["+names[5]+"|") {
		t.Errorf("the index lacks a link to %q:\n%s", names[5], index)
	}
	var rep bytes.Buffer
	if err := export.WriteMarkdownReport(&rep, nb, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Count(rep.String(), "\n## ") != len(nb.Articles) || strings.Contains(rep.String(), "---\ntitle") {
		t.Errorf("the report has %d sections", strings.Count(rep.String(), "\n## "))
	}
}

func TestFileNames(t *testing.T) {
	nb := &export.Notebook{Articles: []export.Article{
		{Article: dossier.Article{ID: 1, Title: "Same"}}, {Article: dossier.Article{ID: 2, Title: "same"}},
		{Article: dossier.Article{ID: 3, Title: "../../etc/passwd"}}, {Article: dossier.Article{ID: 4, Title: "CON"}},
		{Article: dossier.Article{ID: 5, Title: ""}}, {Article: dossier.Article{ID: 6, Title: strings.Repeat("Ж", 200)}},
		{Article: dossier.Article{ID: 7, Title: "Dossier index"}}, {Article: dossier.Article{ID: 8, Title: "a\x00b\nc"}},
	}}
	got := export.FileNames(nb)
	want := []string{"Same", "same (2)", "-..-etc-passwd", "_CON", "Article 5", strings.Repeat("Ж", 60), "Dossier index (2)", "a b c"}
	if !slices.Equal(got, want) {
		t.Errorf("FileNames = %q, want %q", got, want)
	}
}

func TestHTML(t *testing.T) {
	nb := fixture(t)
	var buf bytes.Buffer
	if err := export.WriteHTML(&buf, nb, nil); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, bad := range []string{"<script", "<b>bold", "src=", "@import", "http-equiv"} {
		if strings.Contains(s, bad) {
			t.Errorf("the report holds %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;", "@media print",
		"<mark style=\"background:rgba(118,183,178,0.40)\"", "Jen Psaki", "Cyrillic and a flag"} {
		if !strings.Contains(s, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if n, want := strings.Count(s, "<sup class=\"n\">"), 8; n != want {
		t.Errorf("%d passage numbers, want %d", n, want)
	}
}

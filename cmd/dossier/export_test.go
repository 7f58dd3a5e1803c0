package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier"
	"dossier/export"
	"dossier/store"
)

// annotated makes a seeded notebook and annotates it through the store:
// passages with tags and multi-line notes, tag colours and a description,
// article tags, a corrected speaker, a quote the user added, quote tags.
func annotated(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "nb.dossier")
	mustCLI(t, db, "list") // seeds it
	n, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	metas, _ := n.ArticleMetas()
	if len(metas) != 5 {
		t.Fatalf("%d seed articles", len(metas))
	}
	for i, m := range metas {
		body, _ := n.Body(m.ID)
		runes := len([]rune(body))
		tags := [][]string{{"actor/usa", "theme/troops"}, {"actor/russia/mod"}, {"=formula"}, {"theme/troops", "мова"}, {}}[i]
		if _, err := n.AddPassage(m.ID, 10, 60, tags, fmt.Sprintf("note %d\nsecond line, \"quoted\"", i)); err != nil {
			t.Fatal(err)
		}
		if _, err := n.AddPassage(m.ID, runes-40, runes-5, []string{"theme/overlap"}, ""); err != nil {
			t.Fatal(err)
		}
	}
	for path, color := range map[string]string{"actor/usa": "#123456", "theme": "#ABCDEF", "мова": "#0F0F0F"} {
		if err := n.SetTagColor(path, color); err != nil {
			t.Fatal(err)
		}
	}
	if err := n.DescribeTag("actor/russia", "Russian officials, \"any rank\""); err != nil {
		t.Fatal(err)
	}
	if err := n.SetArticleTags(metas[0].ID, []string{"source/wire", "theme"}); err != nil {
		t.Fatal(err)
	}
	if err := n.SetTagColor("unused/tag", "#FF0000"); err != nil {
		t.Fatal(err)
	}
	qs, _ := n.Quotes(metas[0].ID)
	if len(qs) == 0 {
		t.Fatal("the first seed article has no quotes")
	}
	if err := n.SetQuoteSpeaker(qs[0].ID, "Jen Psaki", "White House Press Secretary"); err != nil {
		t.Fatal(err)
	}
	if err := n.SetQuoteTags(qs[0].ID, []string{"quote/key"}); err != nil {
		t.Fatal(err)
	}
	if _, err := n.AddQuote(metas[1].ID, []dossier.Span{{Start: 0, End: 12}, {Start: 20, End: 30}}, "Someone Added"); err != nil {
		t.Fatal(err)
	}
	return db
}

// summary is what a round trip must keep, free of IDs: articles, passages
// and offsets, tags and colours, notes, quote speakers.
func summary(nb *export.Notebook) string {
	var b strings.Builder
	var tags []string
	for _, tg := range nb.Tags {
		tags = append(tags, fmt.Sprintf("tag %s %s %q", strings.ToLower(tg.Path), tg.Color, tg.Description))
	}
	slices.Sort(tags)
	b.WriteString(strings.Join(tags, "\n") + "\n")
	for _, a := range nb.Articles {
		fmt.Fprintf(&b, "article %q %q %q %q %s/%s/%s %s tags %q\n", a.Title, a.Outlet, a.URL, a.Author, a.Published,
			a.Published.Precision, a.Published.Origin, a.Hash, a.Tags)
		for _, p := range a.Passages {
			fmt.Fprintf(&b, "  passage %d-%d %q tags %q note %q\n", p.Start, p.End, p.Text, p.Tags, p.Note)
		}
		for _, q := range a.Quotes {
			fmt.Fprintf(&b, "  quote %v %q speaker %q role %q tags %q\n", q.Spans, q.Text, q.Speaker, q.Role, q.Tags)
		}
	}
	return b.String()
}

// validate runs ../shared/tools' validator of format on path, when the
// tool and what it needs are here.
func validate(t *testing.T, format, path string) {
	t.Helper()
	tool, needs := "validate-qdpx", []string{"xmllint", "unzip"}
	if format == "jsonld" {
		tool, needs = "validate-webanno", []string{"python3"}
	}
	p, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "tools", tool))
	if _, err := os.Stat(p); err != nil {
		t.Logf("%s is not here: not run", tool)
		return
	}
	for _, n := range needs {
		if _, err := exec.LookPath(n); err != nil {
			t.Logf("%s needs %s: not run", tool, n)
			return
		}
	}
	out, err := exec.Command(p, path).CombinedOutput()
	t.Logf("%s: %s", tool, strings.TrimSpace(string(out)))
	if err != nil && !strings.Contains(string(out), "No module named") {
		t.Errorf("%s %s: %v\n%s", tool, path, err, out)
	}
}

func readBack(t *testing.T, path string) *export.Notebook {
	t.Helper()
	nb, err := readNotes(path)
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func sameSummary(t *testing.T, what string, want, got *export.Notebook) {
	t.Helper()
	w, g := strings.Split(summary(want), "\n"), strings.Split(summary(got), "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			t.Fatalf("%s: line %d differs:\nwant %s\ngot  %s", what, i+1, a, b)
		}
	}
}

// TestExportImportRoundTrip exports an annotated notebook as .qdpx and as
// JSON-LD, imports each into a new notebook, exports that again and
// compares: nothing is lost.
func TestExportImportRoundTrip(t *testing.T) {
	db := annotated(t)
	dir := t.TempDir()
	for _, format := range []string{"qdpx", "jsonld"} {
		t.Run(format, func(t *testing.T) {
			first := filepath.Join(dir, "first."+format)
			out := mustCLI(t, db, "export", "--format", format, "-o", first)
			if !strings.Contains(out, "exported 5 articles, 10 passages") {
				t.Errorf("export printed %q", out)
			}
			db2 := filepath.Join(t.TempDir(), "new.dossier")
			out = mustCLI(t, db2, "--no-seed", "import-notes", first)
			if !strings.HasPrefix(out, "imported 5 articles (5 new, 0 already here), 10 passages (0 already here)") {
				t.Errorf("import printed %q", out)
			}
			second := filepath.Join(dir, "second."+format)
			mustCLI(t, db2, "export", "--format", format, "-o", second)
			want, got := readBack(t, first), readBack(t, second)
			if len(want.Tags) < 10 || !strings.Contains(summary(want), "speaker \"Jen Psaki\" role \"White House Press Secretary\" tags [\"quote/key\"]") ||
				!strings.Contains(summary(want), "speaker \"Someone Added\"") || !strings.Contains(summary(want), "tag unused/tag #FF0000") {
				t.Fatalf("the first export lacks what the notebook has:\n%s", summary(want))
			}
			sameSummary(t, format+" round trip", want, got)
			validate(t, format, first)

			// The new notebook is what the old one was, in the store too.
			var ps1, ps2 []passageJSON
			cliJSON(t, db, &ps1, "passages")
			cliJSON(t, db2, &ps2, "passages")
			for i := range ps1 {
				ps1[i].ID, ps2[i].ID = 0, 0
			}
			if fmt.Sprint(ps1) != fmt.Sprint(ps2) {
				t.Errorf("passages differ:\n%v\n%v", ps1, ps2)
			}
			// One undo step takes the whole import away.
			mustCLI(t, db2, "undo")
			var arts []articleJSON
			cliJSON(t, db2, &arts, "list")
			if len(arts) != 0 {
				t.Errorf("after undo, %d articles", len(arts))
			}
			// Importing into the notebook the notes came from adds nothing.
			out = mustCLI(t, db, "import-notes", first)
			if !strings.HasPrefix(out, "imported 5 articles (0 new, 5 already here), 0 passages (10 already here), 0 quotation speakers, 0 new tags") {
				t.Errorf("re-import printed %q", out)
			}
		})
	}
}

func TestExportQueryAndFormats(t *testing.T) {
	db := annotated(t)
	dir := t.TempDir()
	out := mustCLI(t, db, "export", "--format", "csv", "--query", "tag:actor", "-o", filepath.Join(dir, "actors.csv"))
	if !strings.Contains(out, "2 passages") {
		t.Errorf("export --query printed %q", out)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "actors.csv"))
	if n := strings.Count(string(data), "\r\n"); n < 3 || !strings.Contains(string(data), "actor/russia/mod") || strings.Contains(string(data), "theme/overlap") {
		t.Errorf("actors.csv:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "actors-quotes.csv")); err != nil {
		t.Error(err)
	}
	for _, f := range []string{"html", "md"} {
		mustCLI(t, db, "export", "--format", f, "-o", filepath.Join(dir, "notes."+f))
	}
	vault := filepath.Join(dir, "vault")
	mustCLI(t, db, "export", "--format", "md", "-o", vault)
	mustCLI(t, db, "export", "--format", "md", "-o", vault) // an earlier export is replaced
	entries, _ := os.ReadDir(vault)
	if len(entries) != 6 {
		t.Errorf("the vault has %d files", len(entries))
	}
	mine := filepath.Join(dir, "mine")
	os.Mkdir(mine, 0o755)
	os.WriteFile(filepath.Join(mine, "diary.md"), []byte("mine"), 0o644)
	if _, err := cli(t, db, "export", "--format", "md", "-o", mine); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Errorf("exporting over a folder of other files: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := cli(t, db, "export", "--format", "pdf", "-o", "x"); err != errUsage {
		t.Errorf("an unknown format: %v", err)
	}
	var buf bytes.Buffer
	m := &Main{Stdout: &buf, Stderr: &buf}
	if err := m.Run([]string{"--db", db, "export", "--format", "jsonld", "--progress", "-o", filepath.Join(dir, "p.jsonld")}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "progress: export 5/5 articles") {
		t.Errorf("no progress shown: %q", buf.String())
	}
}

func TestImportNotesSamples(t *testing.T) {
	samples := filepath.Join("..", "..", "..", "shared", "schemas", "refi-qda", "samples")
	if _, err := os.Stat(samples); err != nil {
		t.Skip("no samples")
	}
	db := filepath.Join(t.TempDir(), "nb.dossier")
	out := mustCLI(t, db, "--no-seed", "import-notes", filepath.Join(samples, "ICLS_Conf_Themes_ALL_just10.qdpx"))
	if !strings.HasPrefix(out, "imported 10 articles (10 new, 0 already here), 0 passages") || !strings.Contains(out, "309 new tags") {
		t.Errorf("MAXQDA sample: %q", out)
	}
	out = mustCLI(t, db, "import-notes", filepath.Join(samples, "target-atlas-project.qdpx"))
	if !strings.Contains(out, "3 new tags") {
		t.Errorf("ATLAS.ti sample: %q", out)
	}
	var tags []struct {
		Path  string `json:"path"`
		Color string `json:"color"`
	}
	cliJSON(t, db, &tags, "tags")
	found := false
	for _, tg := range tags {
		if tg.Path == "Additional Themes and Ideas/THEME - Affordances" && tg.Color == "#EF8256" {
			found = true
		}
	}
	if !found {
		t.Errorf("the MAXQDA code with its colour is not a tag (%d tags)", len(tags))
	}
}

// dump is the notebook as the commands list it, to compare before and
// after an import that must change nothing.
func dump(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	for _, args := range [][]string{{"list", "--json"}, {"passages", "--json"}, {"tags", "--json"}, {"history", "--json"}, {"quotes", "--json"}} {
		b.WriteString(mustCLI(t, db, args...))
	}
	return b.String()
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	zw.Close()
	return buf.Bytes()
}

func TestImportNotesRefusesHostileFilesAndLeavesNothing(t *testing.T) {
	db := annotated(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.qdpx")
	mustCLI(t, db, "export", "--format", "qdpx", "-o", good)
	zr, err := zip.OpenReader(good)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		files[f.Name] = b.String()
	}
	zr.Close()
	qde := files["project.qde"]
	with := func(edit func(m map[string]string)) []byte {
		m := map[string]string{}
		for k, v := range files {
			m[k] = v
		}
		edit(m)
		return zipOf(t, m)
	}
	firstCodeRef := qde[strings.Index(qde, `<CodeRef targetGUID="`)+21:]
	firstCodeRef = firstCodeRef[:36]
	cases := map[string][]byte{
		"zip slip":      with(func(m map[string]string) { m["../../outside.txt"] = "x" }),
		"zip bomb":      with(func(m map[string]string) { m["sources/big.txt"] = strings.Repeat("0", 16<<20) }),
		"malformed XML": with(func(m map[string]string) { m["project.qde"] = strings.Replace(qde, "</CodeBook>", "", 1) }),
		"unknown GUID": with(func(m map[string]string) {
			m["project.qde"] = strings.Replace(qde, firstCodeRef, "00000000-0000-0000-0000-000000000000", 1)
		}),
		"out of range": with(func(m map[string]string) {
			m["project.qde"] = strings.Replace(qde, `endPosition="`, `endPosition="99999`, 1)
		}),
		"not a zip":      []byte("plain text"),
		"truncated file": zipOf(t, files)[:2000],
	}
	before := dump(t, db)
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".qdpx")
			os.WriteFile(path, data, 0o644)
			_, err := cli(t, db, "import-notes", path)
			if err == nil || dossier.ErrorCode(err) != dossier.EINVALID {
				t.Fatalf("accepted or failed otherwise: %v", err)
			}
			t.Logf("%s: %s", name, dossier.ErrorMessage(err))
			if after := dump(t, db); after != before {
				t.Error("the notebook changed")
			}
		})
	}
	// A store write that fails midway: what the import wrote is undone.
	fresh := filepath.Join(t.TempDir(), "fresh.dossier")
	mustCLI(t, fresh, "--no-seed", "list")
	empty := dump(t, fresh)
	steps := 0
	importFault = func(s int) error { steps = s; return nil }
	counting := filepath.Join(t.TempDir(), "counting.dossier")
	mustCLI(t, counting, "--no-seed", "import-notes", good)
	importFault = nil
	if steps < 20 {
		t.Fatalf("the import took %d steps", steps)
	}
	for _, step := range []int{1, 5, steps / 2, steps} {
		importFault = func(s int) error {
			if s == step {
				return errors.New("disk on fire")
			}
			return nil
		}
		_, err := cli(t, fresh, "import-notes", good)
		importFault = nil
		if err == nil || !strings.Contains(err.Error(), "left the notebook as it was") {
			t.Errorf("a failure at step %d: %v", step, err)
		}
		if after := dump(t, fresh); after != empty {
			t.Errorf("a failure at step %d left changes:\n%s", step, after)
		}
	}
}

func TestBackupAndCompactCLI(t *testing.T) {
	db := annotated(t)
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "copy.dossier")
	if out := mustCLI(t, db, "backup", copyPath); !strings.Contains(out, "backed up") {
		t.Errorf("backup printed %q", out)
	}
	if dump(t, copyPath) != dump(t, db) {
		t.Error("the backup differs from the notebook")
	}
	mustCLI(t, db, "delete", "1", "2", "3")
	if out := mustCLI(t, db, "compact"); !strings.HasPrefix(out, "compacted ") {
		t.Errorf("compact printed %q", out)
	}
	var arts []articleJSON
	cliJSON(t, db, &arts, "list")
	if len(arts) != 2 {
		t.Errorf("%d articles after compact", len(arts))
	}
	n, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if _, err := cli(t, db, "compact"); dossier.ErrorMessage(err) != store.ErrInUse {
		t.Errorf("compact of an open notebook: %v", err)
	}
}

package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"dossier"
)

// memSaver is an in-memory notebook with the ArticleSaver contract: a known
// URL with other text is updated in place, the same URL and text is
// unchanged, known text is a duplicate, anything else is added. Each batch is
// all or nothing.
type memSaver struct {
	mu      sync.Mutex
	arts    []*dossier.Article // by ID-1
	byHash  map[dossier.Hash]dossier.ArticleID
	byURL   map[string]dossier.ArticleID
	batches []int // the size of each batch saved
	failAt  int   // the batch (1-based) that fails; 0 for none
}

func newMemSaver() *memSaver {
	return &memSaver{byHash: map[dossier.Hash]dossier.ArticleID{}, byURL: map[string]dossier.ArticleID{}}
}

func (s *memSaver) SaveArticles(batch []*dossier.Article) ([]dossier.SaveResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failAt == len(s.batches)+1 {
		return nil, errors.New("disk full")
	}
	results := make([]dossier.SaveResult, len(batch))
	for i, a := range batch {
		if a.Hash != dossier.HashBody(a.Body) {
			return nil, fmt.Errorf("%s: hash does not match the body", a.File)
		}
		if id, ok := s.byURL[a.URL]; ok && a.URL != "" {
			old := s.arts[id-1]
			if old.Hash == a.Hash {
				results[i] = dossier.SaveResult{Action: dossier.Unchanged, ID: id}
				continue
			}
			delete(s.byHash, old.Hash)
			c := *a
			c.ID = id
			s.arts[id-1] = &c
			s.byHash[a.Hash] = id
			results[i] = dossier.SaveResult{Action: dossier.Updated, ID: id}
			continue
		}
		if id, ok := s.byHash[a.Hash]; ok {
			results[i] = dossier.SaveResult{Action: dossier.Duplicate, ID: id}
			continue
		}
		c := *a
		c.ID = dossier.ArticleID(len(s.arts) + 1)
		s.arts = append(s.arts, &c)
		s.byHash[a.Hash] = c.ID
		if a.URL != "" {
			s.byURL[a.URL] = c.ID
		}
		a.ID = c.ID
		results[i] = dossier.SaveResult{Action: dossier.Added, ID: c.ID}
	}
	s.batches = append(s.batches, len(batch))
	return results, nil
}

// writeFiles creates files (name to content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func problemStrings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/1.txt":            "First title\n\nFirst body.",
		"a/2.TXT":            "Second title\n\nSecond body.",
		"a/copy.txt":         "Copy of first\n\nFirst body.", // same body as a/1.txt
		"b/rows.csv":         "title,body,url\nR1,Row one.,https://x.example/1\nR2,Row two.,https://x.example/2\n",
		"b/.DS_Store":        "\x00\x00\x00\x01Bud1",
		"b/photo.jpg":        "\xff\xd8\xff\xe0",
		".hidden/secret.txt": "Never read\n\nHidden.",
		"c/page.html":        "<title>Page</title><p>Page body.</p>",
	})
	s := newMemSaver()
	var progress []Progress
	im := Importer{Saver: s, Options: testOptions(), Progress: func(p Progress) { progress = append(progress, p) }}
	rep, err := im.Import(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 0 {
		t.Errorf("problems: %v", rep.Problems)
	}
	if rep.Files != 5 || rep.Skipped != 3 || rep.Articles != 6 || rep.Added != 5 || len(rep.Duplicates) != 1 {
		t.Errorf("report: %s (%+v)", rep, rep)
	}
	// Lexical walk order: a/1.txt, a/2.TXT, a/copy.txt, b/rows.csv, c/page.html.
	var files []string
	for _, a := range s.arts {
		files = append(files, strings.TrimPrefix(filepath.ToSlash(a.File), filepath.ToSlash(dir)+"/"))
	}
	if want := []string{"a/1.txt", "a/2.TXT", "b/rows.csv#row 1", "b/rows.csv#row 2", "c/page.html"}; !slices.Equal(files, want) {
		t.Errorf("saved %q, want %q", files, want)
	}
	if d := rep.Duplicates[0]; d.Of != 1 || !strings.HasSuffix(d.String(), filepath.Join("a", "copy.txt")+": same text as article 1") {
		t.Errorf("duplicate %v", d)
	}
	if !slices.Equal(rep.IDs, []dossier.ArticleID{1, 2, 3, 4, 5}) {
		t.Errorf("IDs %v", rep.IDs)
	}
	if len(s.batches) != 1 {
		t.Errorf("%d batches for 6 articles, want 1", len(s.batches))
	}
	if len(progress) == 0 {
		t.Fatal("no progress reported")
	}
	if last := progress[len(progress)-1]; last.FilesDone != 5 || last.FilesTotal != 5 || last.Articles != 6 || last.Saved != 6 {
		t.Errorf("last progress %+v", last)
	}
	if rep.Failed() {
		t.Error("Failed() with no errors")
	}

	// Importing again changes nothing; a changed row is updated in place.
	writeFiles(t, dir, map[string]string{"b/rows.csv": "title,body,url\nR1,Row one.,https://x.example/1\nR2,Row two, revised.,https://x.example/2\n"})
	rep, err = im.Import(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	// rows.csv now has a field too many in row 2 (the comma in the body).
	if rep.Added != 0 || rep.Unchanged != 1 || len(rep.Duplicates) != 4 || !rep.Failed() {
		t.Errorf("second import: %s %v", rep, rep.Problems)
	}
	writeFiles(t, dir, map[string]string{"b/rows.csv": "title,body,url\nR1,Row one.,https://x.example/1\nR2,\"Row two, revised.\",https://x.example/2\n"})
	rep, err = im.Import(context.Background(), filepath.Join(dir, "b", "rows.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 1 || rep.Unchanged != 1 || !slices.Equal(rep.IDs, []dossier.ArticleID{4}) || s.arts[3].Body != "Row two, revised." {
		t.Errorf("update: %s IDs %v", rep, rep.IDs)
	}
}

func TestImportBadInputs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.txt":     "Good title\n\nGood body.",
		"binary.txt":   "GIF89a\x01\x00\x01\x00\x00\x00\x00;",
		"empty.txt":    "",
		"spaces.md":    "\n   \n\t\n",
		"big.html":     "<p>" + strings.Repeat("word ", 400) + "</p>",
		"bad.csv":      "title,body\nOK row,Fine text.\nBroken,\"unclosed \"quote\nNo body,\nLast,Last text.\n",
		"bad.jsonl":    "{\"title\":\"J1\",\"body\":\"JSON one.\"}\n{\"title\":\"J2\",\"body\":\n{\"title\":\"J3\",\"body\":\"JSON three.\"}\n",
		"notes.xyz":    "not a known type",
		"locked.txt":   "Locked title\n\nLocked body.",
		"sub/deep.txt": "Deep title\n\nDeep body.",
	})
	locked := filepath.Join(dir, "locked.txt")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	canReadLocked := os.Geteuid() == 0 // root reads everything
	// A link to its own folder must not make the walk loop.
	if err := os.Symlink("..", filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}

	opts := testOptions()
	opts.MaxFileSize = 1000
	s := newMemSaver()
	im := Importer{Saver: s, Options: opts}
	explicit := filepath.Join(dir, "notes.xyz")
	missing := filepath.Join(dir, "missing.txt")
	rep, err := im.Import(context.Background(), dir, explicit, missing)
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string { return strings.TrimPrefix(p, dir+string(filepath.Separator)) }
	var got []string
	for _, p := range rep.Problems {
		p.File = rel(p.File)
		got = append(got, p.Error())
	}
	want := []string{
		"notes.xyz: unknown file type \".xyz\"; Dossier reads " + supportedList,
		"missing.txt: no such file or folder",
		"bad.csv: row 2 (line 3): malformed row: a quote is missing or out of place",
		"bad.csv: row 3 (line 4): no body",
		"bad.jsonl: row 2 (line 2): invalid JSON: the file ends in the middle of a value",
		"big.html: file too large (2.0 KiB; the limit is 1000 bytes)",
		"binary.txt: binary file, not text",
		"empty.txt: empty file",
	}
	if !canReadLocked {
		want = append(want, "locked.txt: permission denied: cannot read it")
	}
	want = append(want, "spaces.md: no text")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !rep.Failed() {
		t.Error("Failed() = false")
	}
	var titles []string
	for _, a := range s.arts {
		titles = append(titles, a.Title)
	}
	wantTitles := []string{"OK row", "Last", "J1", "J3", "Good title"}
	if canReadLocked {
		wantTitles = append(wantTitles, "Locked title")
	}
	wantTitles = append(wantTitles, "Deep title")
	if !slices.Equal(titles, wantTitles) {
		t.Errorf("imported %q, want %q", titles, wantTitles)
	}
	if rep.Skipped != 2 { // notes.xyz inside the folder, and the link to a folder
		t.Errorf("skipped %d, want 2", rep.Skipped)
	}
}

func TestImportBatches(t *testing.T) {
	files := fstest.MapFS{}
	const n = 23
	for i := range n {
		files[fmt.Sprintf("news/%02d.txt", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "Title %d\n\nBody number %d.", i, i)}
	}
	files["news/dup.txt"] = &fstest.MapFile{Data: []byte("Dup\n\nBody number 22.")} // same text as 22.txt, in the same batch
	opts := testOptions()
	opts.BatchSize = 5
	s := newMemSaver()
	var commits [][]dossier.ArticleID
	im := Importer{Saver: s, Options: opts, OnCommit: func(ids []dossier.ArticleID) { commits = append(commits, slices.Clone(ids)) }}
	rep, err := im.ImportFS(context.Background(), files, "news")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.batches, []int{5, 5, 5, 5, 4}) { // the copy is sent too: duplicates are the saver's call
		t.Errorf("batch sizes %v", s.batches)
	}
	var all []dossier.ArticleID
	for _, c := range commits {
		all = append(all, c...)
	}
	if len(commits) != 5 || !slices.Equal(all, rep.IDs) || len(all) != n {
		t.Errorf("commits %v, IDs %v", commits, rep.IDs)
	}
	for i, a := range s.arts {
		if want := fmt.Sprintf("news/%02d.txt", i); a.File != want {
			t.Errorf("article %d from %s, want %s", i+1, a.File, want)
		}
	}
	if len(rep.Duplicates) != 1 || rep.Duplicates[0].String() != "news/dup.txt: same text as article 23" {
		t.Errorf("duplicates %v", rep.Duplicates)
	}

	// A byte limit ends batches early.
	opts.BatchSize, opts.BatchBytes = 100, 40
	s = newMemSaver()
	im = Importer{Saver: s, Options: opts}
	if _, err := im.ImportFS(context.Background(), files, "."); err != nil {
		t.Fatal(err)
	}
	for _, size := range s.batches {
		if size > 3 { // bodies are 15 or 16 bytes: the third one passes 40
			t.Errorf("batch sizes %v exceed the byte limit", s.batches)
			break
		}
	}
}

func TestImportDeterministic(t *testing.T) {
	files := fstest.MapFS{}
	for i := range 300 {
		body := strings.Repeat(fmt.Sprintf("Sentence %d of a longer article. ", i), 1+i%17)
		files[fmt.Sprintf("d%d/%03d.txt", i%7, i)] = &fstest.MapFile{Data: []byte("Headline\n\n" + body)}
	}
	var runs [][]string
	for range 3 {
		s := newMemSaver()
		im := Importer{Saver: s, Options: testOptions()}
		im.BatchSize = 16
		if _, err := im.ImportFS(context.Background(), files, "."); err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, a := range s.arts {
			order = append(order, fmt.Sprintf("%d %s", a.ID, a.File))
		}
		runs = append(runs, order)
	}
	if len(runs[0]) != 300 || !slices.Equal(runs[0], runs[1]) || !slices.Equal(runs[0], runs[2]) {
		t.Errorf("imports differ or are incomplete: %d %d %d articles", len(runs[0]), len(runs[1]), len(runs[2]))
	}
	// IDs follow the lexical walk order, whatever order the workers finish in.
	walked := make([]string, len(runs[0]))
	for i, r := range runs[0] {
		var id int
		fmt.Sscanf(r, "%d %s", &id, &walked[i])
		if id != i+1 {
			t.Fatalf("article %d has ID %d", i+1, id)
		}
	}
	if !slices.IsSorted(walked) || walked[0] != "d0/000.txt" {
		t.Errorf("files not saved in walk order: %q...", walked[:5])
	}
}

func TestImportStops(t *testing.T) {
	files := fstest.MapFS{}
	for i := range 50 {
		files[fmt.Sprintf("%02d.txt", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "T\n\nText %d.", i)}
	}

	t.Run("saver fails", func(t *testing.T) {
		s := newMemSaver()
		s.failAt = 2
		im := Importer{Saver: s, Options: testOptions()}
		im.BatchSize = 10
		rep, err := im.ImportFS(context.Background(), files, ".")
		if err == nil || !strings.Contains(dossier.ErrorMessage(err), "could not save the articles from 10.txt to 19.txt") {
			t.Fatalf("err = %v", err)
		}
		if rep.Added != 10 || len(s.arts) != 10 {
			t.Errorf("added %d, saved %d: want the first batch only", rep.Added, len(s.arts))
		}
	})

	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s := newMemSaver()
		im := Importer{Saver: s, Options: testOptions(), OnCommit: func([]dossier.ArticleID) { cancel() }}
		im.BatchSize = 10
		rep, err := im.ImportFS(ctx, files, ".")
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if rep.Added != 10 || len(s.batches) != 1 {
			t.Errorf("added %d in %d batches after cancelling", rep.Added, len(s.batches))
		}
	})
}

func TestImportProgressThrottled(t *testing.T) {
	files := fstest.MapFS{}
	for i := range 2000 {
		files[fmt.Sprintf("%04d.txt", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "T\n\nText %d.", i)}
	}
	var calls int
	im := Importer{Saver: newMemSaver(), Options: testOptions(), Progress: func(Progress) { calls++ }}
	start := time.Now()
	if _, err := im.ImportFS(context.Background(), files, "."); err != nil {
		t.Fatal(err)
	}
	// Once per batch (4), once at the end, and at most one per interval.
	if max := 5 + int(time.Since(start)/ProgressInterval) + 1; calls > max {
		t.Errorf("%d progress calls for 2000 files, want at most %d", calls, max)
	}
}

// shared returns the path of ../shared, or skips the test when it is absent.
func shared(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not present", p)
	}
	return p
}

var bbcTopics = []string{"business", "entertainment", "politics", "sport", "tech"}

func TestCorpusBBC(t *testing.T) {
	root := shared(t, "corpus", "bbc")
	var paths []string
	for _, topic := range bbcTopics {
		paths = append(paths, filepath.Join(root, topic))
	}
	s := newMemSaver()
	im := Importer{Saver: s, Options: testOptions()}
	rep, err := im.Import(context.Background(), paths...)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 2225 || rep.Articles != 2225 {
		t.Errorf("%d files, %d articles; want 2225", rep.Files, rep.Articles)
	}
	// The one Latin-1 file is a warning; nothing else is wrong.
	if len(rep.Problems) != 1 || !rep.Problems[0].Warning || !strings.HasSuffix(rep.Problems[0].File, filepath.Join("sport", "199.txt")) {
		t.Errorf("problems: %v", rep.Problems)
	}
	// Count the distinct texts independently: the normalised text after the
	// title line of each file.
	distinct := map[string]bool{}
	for _, p := range paths {
		entries, _ := os.ReadDir(p)
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(p, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			text, _ := Decode(data)
			_, body, _ := strings.Cut(text, "\n")
			distinct[Normalize(body)] = true
		}
	}
	if rep.Added != len(distinct) || rep.Added+len(rep.Duplicates) != 2225 {
		t.Errorf("added %d + %d duplicates; %d distinct texts", rep.Added, len(rep.Duplicates), len(distinct))
	}
	// The real figure: 2,225 files, 2,127 distinct files, and 2,092 distinct
	// bodies (35 more stories repeat under another headline): 133 duplicates.
	if rep.Added != 2092 {
		t.Errorf("added %d, want the 2092 distinct texts of the BBC corpus", rep.Added)
	}
	for _, a := range s.arts {
		if a.Title == "" || strings.Contains(a.Body, "\r") || !a.Published.IsZero() {
			t.Errorf("%s: title %q, date %v", a.File, a.Title, a.Published)
		}
	}
	if t.Failed() {
		return
	}
	sport := s.arts[slices.IndexFunc(s.arts, func(a *dossier.Article) bool { return strings.HasSuffix(a.File, filepath.Join("sport", "199.txt")) })]
	if sport.Title != "Chelsea sack Mutu" || !strings.Contains(sport.Body, "£15.8m") {
		t.Errorf("sport/199.txt: %q %q", sport.Title, clip(sport.Body, 300))
	}
}

func TestCorpusPressReleases(t *testing.T) {
	root := shared(t, "corpus", "press-releases")
	s := newMemSaver()
	im := Importer{Saver: s, Options: testOptions()}
	rep, err := im.Import(context.Background(), filepath.Join(root, "putin.csv"), filepath.Join(root, "zelenskyy.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 0 {
		t.Errorf("problems: %v", problemStrings(rep.Problems))
	}
	if rep.Articles != 1796 {
		t.Errorf("%d articles, want 1796", rep.Articles)
	}
	t.Logf("press releases: %s", rep)
	outlets := map[string]int{}
	for _, a := range s.arts {
		if a.Published.Origin != dossier.OriginMetadata || a.Published.Precision != dossier.PrecisionDay {
			t.Errorf("%s: date %v (%v)", a.File, a.Published, a.Published.Origin)
		}
		if y := a.Published.Time.Year(); y != 2021 && y != 2022 {
			t.Errorf("%s: date %v outside Oct 2021 - Jun 2022", a.File, a.Published)
		}
		if a.Title == "" || a.URL == "" {
			t.Errorf("%s: title %q URL %q", a.File, a.Title, a.URL)
		}
		outlets[a.Outlet]++
	}
	if len(outlets) != 2 || outlets["en.kremlin.ru"] == 0 || outlets["president.gov.ua"] == 0 {
		t.Errorf("outlets %v", outlets)
	}
	if rep.Added+rep.Unchanged+rep.Updated+len(rep.Duplicates) != 1796 {
		t.Errorf("report does not add up: %s", rep)
	}
	// Two releases repeat the text of another under a new URL and headline:
	// the notebook keeps the text once.
	var dups []string
	for _, d := range rep.Duplicates {
		dups = append(dups, filepath.Base(d.File))
	}
	if want := []string{"putin.csv#row 281", "zelenskyy.csv#row 877"}; !slices.Equal(dups, want) {
		t.Errorf("duplicates %q, want %q", dups, want)
	}
}

func TestSeeds(t *testing.T) {
	root := shared(t, "seeds")
	s := newMemSaver()
	im := Importer{Saver: s, Options: testOptions()}
	rep, err := im.ImportFS(context.Background(), os.DirFS(root), ".")
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := fs.Glob(os.DirFS(root), "*.txt")
	if rep.Added != len(entries) || len(rep.Problems) != 0 {
		t.Fatalf("%s, problems %v", rep, rep.Problems)
	}
	for _, a := range s.arts {
		data, _ := os.ReadFile(filepath.Join(root, a.File))
		hasHeader := strings.HasPrefix(string(data), " date ")
		if hasHeader != (a.Published.Origin == dossier.OriginHeader) || hasHeader && a.Published.String() != string(data[6:16]) {
			t.Errorf("%s: date %v (%v)", a.File, a.Published, a.Published.Origin)
		}
		if strings.HasPrefix(a.Body, " ") || strings.Contains(a.Body, " date 20") {
			t.Errorf("%s: header left in the body", a.File)
		}
	}
}

func TestImportLinkedFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"real/a.txt": "A title\n\nA body.", "real/b.md": "# B\n\nB body."})
	link := filepath.Join(dir, "link")
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	s := newMemSaver()
	im := Importer{Saver: s, Options: testOptions()}
	rep, err := im.Import(context.Background(), link)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 || len(rep.Problems) != 0 || s.arts[0].File != filepath.Join(link, "a.txt") {
		t.Errorf("%s %v; first file %q", rep, rep.Problems, s.arts[0].File)
	}
}

func TestImportBytes(t *testing.T) {
	s := newMemSaver()
	im := Importer{Saver: s, Options: testOptions()}
	rep, err := im.ImportBytes(context.Background(), "dropped.html", readTestdata(t, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || s.arts[0].File != "dropped.html" || s.arts[0].Outlet != "The Daily Ledger" {
		t.Errorf("%s", rep)
	}
	rep, err = im.ImportBytes(context.Background(), "dropped.bin", []byte{0, 1, 2})
	if err != nil || !rep.Failed() || rep.Problems[0].Error() != `dropped.bin: unknown file type ".bin"; Dossier reads `+supportedList {
		t.Errorf("%v %v", rep.Problems, err)
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"dossier"
	"dossier/export"
	"dossier/ingest"
	"dossier/store"
)

func init() {
	register(command{"export", "--format md|csv|jsonld|qdpx|html [--query Q] [--progress] -o PATH", "export the annotated notes (Obsidian Markdown, CSV, W3C Web Annotation, REFI-QDA, HTML)", runExport})
	register(command{"import-notes", "FILE.qdpx|FILE.jsonld", "bring notes back from a REFI-QDA project or a Web Annotation export, as one undo step", runImportNotes})
	register(command{"backup", "FILE", "write a consistent copy of the notebook to FILE", runBackup})
	register(command{"compact", "", "shrink the notebook's file (close the window first)", runCompact})
}

// progressEvery is how many articles make a notebook big enough to show
// an export's progress without being asked.
const progressEvery = 200

func runExport(m *Main, args []string) error {
	const use = "--format md|csv|jsonld|qdpx|html [--query Q] [--progress] -o PATH"
	fs := newFlags(m, "export", use, `Exports the notes (articles with their passages, tags, notes and quotations), all of them or
what a query selects:
  md      Obsidian notes: a folder with a note an article and an index; PATH ending in .md: one report
  csv     PATH: a row a passage; beside it PATH-quotes.csv: a row a quotation
  jsonld  W3C Web Annotation JSON-LD, one AnnotationCollection
  qdpx    a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder
  html    one self-contained, printable report
Files are written whole or not at all (through a temporary file); progress goes to standard
error for big notebooks.`)
	format := fs.String("format", "", "md, csv, jsonld, qdpx or html")
	out := fs.String("o", "", "where to write: a file, or for md a folder (or a .md file)")
	query := fs.String("query", "", "only what matches `Q`, e.g. 'tag:actor/russia date:2021-12'")
	progress := fs.Bool("progress", false, "show progress on standard error whatever the notebook's size")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *out == "" || !slices.Contains([]string{"md", "csv", "jsonld", "qdpx", "html"}, *format) {
		fs.Usage()
		return errUsage
	}
	q, err := parseQueryFlag(m, *query)
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	endProgress := func() {}
	nb, path, err := exportNotebook(n, *format, *out, q, *query, func(articles int) func(done, total int) {
		if !*progress && articles < progressEvery {
			return nil
		}
		show, end := m.progressLine("export")
		endProgress = end
		return show
	})
	endProgress()
	if err != nil {
		return err
	}
	passages, quotes := 0, 0
	for _, a := range nb.Articles {
		passages += len(a.Passages)
		quotes += len(a.Quotes)
	}
	fmt.Fprintf(m.Stdout, "exported %d articles, %d passages, %d quotations, %d tags to %s\n", len(nb.Articles), passages, quotes, len(nb.Tags), path)
	return nil
}

func init() {
	// The window's File ▸ Export uses the same code as the command.
	exporter = func(ctx context.Context, n *store.Notebook, format, path string, q *dossier.Query, progress func(done, total int)) error {
		query := ""
		if q != nil {
			query = q.String()
		}
		_, _, err := exportNotebook(n, format, path, q, query, func(int) func(done, total int) { return progress })
		return err
	}
}

// exportNotebook writes what q selects in format to path (for csv also
// PATH-quotes.csv, for md a folder unless path ends in .md), each file whole
// or not at all. progressFor is told how many articles will be written and
// returns the progress callback to use, or nil. It returns what it exported
// and the names written.
func exportNotebook(n *store.Notebook, format, path string, q *dossier.Query, query string, progressFor func(articles int) func(done, total int)) (*export.Notebook, string, error) {
	nb, err := gather(n, q, query)
	if err != nil {
		return nil, "", err
	}
	opt := &export.Options{Progress: progressFor(len(nb.Articles))}
	switch format {
	case "md":
		if strings.EqualFold(filepath.Ext(path), ".md") {
			err = writeAtomic(path, func(w io.Writer) error { return export.WriteMarkdownReport(w, nb, opt) })
		} else {
			err = writeFolder(path, func(dir string) error { return export.WriteMarkdown(dir, nb, opt) })
		}
	case "csv":
		quotes := strings.TrimSuffix(path, filepath.Ext(path)) + "-quotes.csv"
		err = writeAtomic(path, func(pw io.Writer) error {
			return writeAtomic(quotes, func(qw io.Writer) error { return export.WriteCSV(pw, qw, nb, opt) })
		})
		path += " and " + quotes
	case "jsonld":
		err = writeAtomic(path, func(w io.Writer) error { return export.WriteJSONLD(w, nb, opt) })
	case "qdpx":
		err = writeAtomic(path, func(w io.Writer) error { return export.WriteQDPX(w, nb, opt) })
	case "html":
		err = writeAtomic(path, func(w io.Writer) error { return export.WriteHTML(w, nb, opt) })
	default:
		err = dossier.Errorf(dossier.EINVALID, "unknown export format %q: md, csv, jsonld, qdpx or html", format)
	}
	return nb, path, err
}

// gather reads from the notebook what an export holds: with no query every
// article with its passages and quotations; with one, the passages and the
// quotations that match it, with their articles, and the articles that
// match it.
func gather(n *store.Notebook, q *dossier.Query, query string) (*export.Notebook, error) {
	id, err := n.ID()
	if err != nil {
		return nil, err
	}
	nb := &export.Notebook{ID: id, Name: "Dossier: " + strings.TrimSuffix(filepath.Base(n.Path()), filepath.Ext(n.Path())), User: userName(), Query: query}
	if q != nil && query == "" {
		q = nil
	}
	tags, err := n.Tags()
	if err != nil {
		return nil, err
	}
	for _, t := range tags {
		if q == nil || t.Total > 0 {
			nb.Tags = append(nb.Tags, t.Tag)
		}
	}
	passages, err := n.Passages(q)
	if err != nil {
		return nil, err
	}
	quotes, err := n.QuotesMatching(q)
	if err != nil {
		return nil, err
	}
	var metas []dossier.ArticleMeta
	if q == nil {
		metas, err = n.ArticleMetas()
	} else {
		metas, err = n.ArticlesMatching(q)
	}
	if err != nil {
		return nil, err
	}
	want := map[dossier.ArticleID]bool{}
	for _, m := range metas {
		want[m.ID] = true
	}
	for _, p := range passages {
		want[p.Article] = true
	}
	for _, qt := range quotes {
		want[qt.Article] = true
	}
	ids := make([]dossier.ArticleID, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	index := map[dossier.ArticleID]int{}
	for _, id := range ids {
		a, err := n.Article(id)
		if err != nil {
			return nil, err
		}
		at, err := n.ArticleTags(id)
		if err != nil {
			return nil, err
		}
		index[id] = len(nb.Articles)
		nb.Articles = append(nb.Articles, export.Article{Article: *a, Tags: at})
	}
	for _, p := range passages {
		a := &nb.Articles[index[p.Article]]
		p.Tags = slices.Clone(p.Tags)
		a.Passages = append(a.Passages, p)
	}
	for _, qt := range quotes {
		a := &nb.Articles[index[qt.Article]]
		tags, err := n.QuoteTags(qt.ID)
		if err != nil {
			return nil, err
		}
		a.Quotes = append(a.Quotes, export.Quote{Quote: qt, Tags: tags})
	}
	for i := range nb.Articles {
		a := &nb.Articles[i]
		slices.SortStableFunc(a.Passages, func(x, y dossier.Passage) int { return x.Start - y.Start })
		slices.SortStableFunc(a.Quotes, func(x, y export.Quote) int { return x.Start() - y.Start() })
	}
	return nb, nil
}

func userName() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}

// progressLine returns a progress callback that redraws one line on a
// terminal and writes a line every tenth otherwise, and a func that ends
// the redrawn line.
func (m *Main) progressLine(what string) (progress func(done, total int), end func()) {
	tty := isTerminal(m.Stderr)
	last, shown := -1, false
	progress = func(done, total int) {
		if tty {
			fmt.Fprintf(m.Stderr, "\r\033[K%s: %d/%d articles", what, done, total)
			shown = true
			return
		}
		if tenth := done * 10 / max(total, 1); tenth != last {
			last = tenth
			fmt.Fprintf(m.Stderr, "progress: %s %d/%d articles\n", what, done, total)
		}
	}
	end = func() {
		if shown {
			fmt.Fprintln(m.Stderr)
			shown = false
		}
	}
	return progress, end
}

// writeAtomic writes an export to path through dossier.WriteFileAtomic, so
// that path is never half written.
func writeAtomic(path string, write func(w io.Writer) error) error {
	err := dossier.WriteFileAtomic(path, 0o644, write)
	if err != nil && dossier.ErrorCode(err) == dossier.EINTERNAL && !strings.Contains(dossier.ErrorMessage(err), "export") {
		return dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot write the export", path)
	}
	return err
}

// writeFolder fills a new folder through a temporary one beside path, and
// puts it in place of path only when every file is written. A folder
// already at path is replaced only when it is an earlier export (it holds
// export.IndexNote) or empty, so that no vault of the user's is lost.
func writeFolder(path string, fill func(dir string) error) error {
	if st, err := os.Stat(path); err == nil {
		if !st.IsDir() {
			return dossier.Errorf(dossier.EINVALID, "%s is a file; give a folder for the notes, or a .md name for one report", path)
		}
		entries, _ := os.ReadDir(path)
		if _, err := os.Stat(filepath.Join(path, export.IndexNote)); len(entries) > 0 && err != nil {
			return dossier.Errorf(dossier.ECONFLICT, "%s holds files that are not an earlier export; give a new folder", path)
		}
	}
	parent := filepath.Dir(filepath.Clean(path))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return dossier.Wrap(err, dossier.EINVALID, "%s: cannot create the folder", parent)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return dossier.Wrap(err, dossier.EINVALID, "%s: cannot write there", parent)
	}
	if err := fill(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	os.Chmod(tmp, 0o755)
	old := ""
	if _, err := os.Stat(path); err == nil {
		old = tmp + ".old"
		if err := os.Rename(path, old); err != nil {
			os.RemoveAll(tmp)
			return dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot replace the earlier export", path)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		if old != "" {
			os.Rename(old, path)
		}
		os.RemoveAll(tmp)
		return dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot put the export in place", path)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// readNotes reads a .qdpx or a Web Annotation file and checks it through,
// its bodies in the form the notebook stores.
func readNotes(path string) (*export.Notebook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, dossier.Wrap(err, dossier.ENOTFOUND, "%s: cannot open it", path)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "%s: cannot read it", path)
	}
	var nb *export.Notebook
	switch strings.ToLower(filepath.Ext(path)) {
	case ".qdpx":
		nb, err = export.ReadQDPX(f, st.Size(), export.Limits{})
	case ".jsonld", ".json":
		if st.Size() > 1<<30 {
			return nil, dossier.Errorf(dossier.EINVALID, "%s is larger than 1 GiB: refused", path)
		}
		nb, err = export.ReadJSONLD(io.LimitReader(f, 1<<30))
	default:
		return nil, dossier.Errorf(dossier.EINVALID, "%s: import-notes reads .qdpx (REFI-QDA) and .jsonld (Web Annotation) files", path)
	}
	if err != nil {
		return nil, dossier.Wrap(err, dossier.ErrorCode(err), "%s: %s", filepath.Base(path), dossier.ErrorMessage(err))
	}
	if err := nb.Renormalize(ingest.Normalize); err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "%s: %s", filepath.Base(path), dossier.ErrorMessage(err))
	}
	if err := nb.Validate(); err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "%s: %s", filepath.Base(path), dossier.ErrorMessage(err))
	}
	return nb, nil
}

// importFault, when set (by tests), is asked before each write of an
// import and makes it fail: to prove a failure midway leaves nothing.
var importFault func(step int) error

// importCounts is what an import did.
type importCounts struct {
	added, existing, passages, samePassages, quotes, tags int
}

func runImportNotes(m *Main, args []string) error {
	const use = "FILE.qdpx|FILE.jsonld"
	fs := newFlags(m, "import-notes", use, `Brings notes back into the notebook from a REFI-QDA project (.qdpx: Dossier's own, or one that
NVivo, ATLAS.ti, MAXQDA or QualCoder wrote) or from Dossier's W3C Web Annotation export
(.jsonld): articles (an article whose text is already here gets the notes), passages with
their tags and notes, tags with their colours, speakers of quotations. The file is checked
whole before anything is written; the import is one step of undo, and a failure midway
undoes what it wrote.`)
	pos, err := positional(fs, args, 1)
	if err != nil {
		return err
	}
	nb, err := readNotes(pos[0])
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	before, err := n.History(1)
	if err != nil {
		return err
	}
	end := n.Group("Import notes from " + filepath.Base(pos[0]))
	c, err := importNotes(n, nb)
	end()
	if err != nil {
		after, herr := n.History(1)
		if herr == nil && len(after) > 0 && (len(before) == 0 || after[0].Seq != before[0].Seq) {
			if uerr := n.Abandon(); uerr != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "the import failed (%s), and undoing what it wrote failed too (%s): run dossier undo", dossier.ErrorMessage(err), dossier.ErrorMessage(uerr))
			}
		}
		return dossier.Wrap(err, dossier.ErrorCode(err), "the import failed and left the notebook as it was: %s", dossier.ErrorMessage(err))
	}
	for _, w := range nb.Warnings {
		fmt.Fprintf(m.Stderr, "warning: %s\n", w)
	}
	fmt.Fprintf(m.Stdout, "imported %d articles (%d new, %d already here), %d passages (%d already here), %d quotation speakers, %d new tags\n",
		c.added+c.existing, c.added, c.existing, c.passages, c.samePassages, c.quotes, c.tags)
	return nil
}

// importNotes writes a checked export into the notebook.
func importNotes(n *store.Notebook, nb *export.Notebook) (importCounts, error) {
	var c importCounts
	step := 0
	fault := func() error {
		step++
		if importFault != nil {
			return importFault(step)
		}
		return nil
	}
	// Tags first, parents before children, so that passages take their
	// spelling; a tag the notebook has keeps its colour.
	have, err := n.Tags()
	if err != nil {
		return c, err
	}
	known := map[string]bool{}
	for _, t := range have {
		known[strings.ToLower(t.Path)] = true
	}
	tags := nb.AllTags()
	slices.SortStableFunc(tags, func(a, b dossier.Tag) int { return strings.Count(a.Path, "/") - strings.Count(b.Path, "/") })
	for _, t := range tags {
		if known[strings.ToLower(t.Path)] {
			continue
		}
		known[strings.ToLower(t.Path)] = true
		c.tags++
		if err := fault(); err != nil {
			return c, err
		}
		if err := n.SetTagColor(t.Path, t.Color); err != nil {
			return c, err
		}
		if t.Description != "" {
			if err := n.DescribeTag(t.Path, t.Description); err != nil {
				return c, err
			}
		}
	}
	// Articles in batches; each keeps the ID the notebook gives it (or the
	// one of the article with its text).
	ids := make([]dossier.ArticleID, len(nb.Articles))
	const batch = 200
	for i := 0; i < len(nb.Articles); i += batch {
		if err := fault(); err != nil {
			return c, err
		}
		var arts []*dossier.Article
		for j := i; j < min(i+batch, len(nb.Articles)); j++ {
			a := nb.Articles[j].Article
			a.ID, a.Imported = 0, time.Time{}
			arts = append(arts, &a)
		}
		res, err := n.SaveArticles(arts)
		if err != nil {
			return c, err
		}
		for k, r := range res {
			ids[i+k] = r.ID
			if r.Action == dossier.Added {
				c.added++
			} else {
				c.existing++
			}
		}
	}
	for i := range nb.Articles {
		a := &nb.Articles[i]
		id := ids[i]
		if len(a.Tags) > 0 {
			at, err := n.ArticleTags(id)
			if err != nil {
				return c, err
			}
			if merged := union(at, a.Tags); len(merged) > len(at) {
				if err := fault(); err != nil {
					return c, err
				}
				if err := n.SetArticleTags(id, merged); err != nil {
					return c, err
				}
			}
		}
		existing, err := n.PassagesOf(id)
		if err != nil {
			return c, err
		}
		for _, p := range a.Passages {
			if slices.ContainsFunc(existing, func(e dossier.Passage) bool { return samePassage(&e, &p) }) {
				c.samePassages++
				continue
			}
			if err := fault(); err != nil {
				return c, err
			}
			if _, err := n.AddPassage(id, p.Start, p.End, p.Tags, p.Note); err != nil {
				return c, err
			}
			c.passages++
		}
		if err := importQuotes(n, id, a.Quotes, fault, &c); err != nil {
			return c, err
		}
	}
	return c, nil
}

// importQuotes gives the article's quotations the speakers, roles and tags
// of the imported ones, adding those the extractor did not find.
func importQuotes(n *store.Notebook, id dossier.ArticleID, quotes []export.Quote, fault func() error, c *importCounts) error {
	if len(quotes) == 0 {
		return nil
	}
	have, err := n.Quotes(id)
	if err != nil {
		return err
	}
	for _, q := range quotes {
		i := slices.IndexFunc(have, func(h dossier.Quote) bool { return h.Start() == q.Start() })
		qid := store.QuoteID(id, q.Start())
		if i < 0 || !slices.Equal(have[i].Spans, q.Spans) {
			if err := fault(); err != nil {
				return err
			}
			if qid, err = n.AddQuote(id, q.Spans, q.Speaker); err != nil {
				return err
			}
			c.quotes++
			if q.Role != "" {
				if err := n.SetQuoteSpeaker(qid, q.Speaker, q.Role); err != nil {
					return err
				}
			}
		} else if have[i].Speaker != q.Speaker || have[i].Role != q.Role {
			if err := fault(); err != nil {
				return err
			}
			if err := n.SetQuoteSpeaker(have[i].ID, q.Speaker, q.Role); err != nil {
				return err
			}
			qid = have[i].ID
			c.quotes++
		}
		if len(q.Tags) > 0 {
			qt, err := n.QuoteTags(qid)
			if err != nil {
				return err
			}
			if merged := union(qt, q.Tags); len(merged) > len(qt) {
				if err := n.SetQuoteTags(qid, merged); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// samePassage reports whether two passages mark the same span with the
// same tags (ignoring case and order) and the same note.
func samePassage(a, b *dossier.Passage) bool {
	if a.Start != b.Start || a.End != b.End || a.Note != b.Note || len(a.Tags) != len(b.Tags) {
		return false
	}
	for _, t := range a.Tags {
		if !slices.ContainsFunc(b.Tags, func(u string) bool { return dossier.TagEqual(t, u) }) {
			return false
		}
	}
	return true
}

// union returns have with the tags of more it lacks (ignoring case).
func union(have, more []string) []string {
	out := slices.Clone(have)
	for _, t := range more {
		if !slices.ContainsFunc(out, func(o string) bool { return dossier.TagEqual(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}

func runBackup(m *Main, args []string) error {
	fs := newFlags(m, "backup", "FILE", "Writes a consistent copy of the notebook to FILE (whole or not at all). It opens the notebook\nitself: close the window first, or use the window's own backup.")
	pos, err := positional(fs, args, 1)
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	if err := n.Backup(pos[0]); err != nil {
		return err
	}
	st, _ := os.Stat(pos[0])
	fmt.Fprintf(m.Stdout, "backed up %s to %s (%s)\n", n.Path(), pos[0], bytesHuman(st.Size()))
	return nil
}

func runCompact(m *Main, args []string) error {
	fs := newFlags(m, "compact", "", "Rewrites the notebook's file without the space deleted articles left, keeping the original\nas FILE.bak until the copy is in place. The notebook must not be open in a window.")
	if _, err := positional(fs, args, 0); err != nil {
		return err
	}
	if _, err := os.Stat(m.DBPath); err != nil {
		return dossier.Errorf(dossier.ENOTFOUND, "%s: no notebook there", m.DBPath)
	}
	before, after, err := store.Compact(m.DBPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "compacted %s: %s to %s\n", m.DBPath, bytesHuman(before), bytesHuman(after))
	return nil
}

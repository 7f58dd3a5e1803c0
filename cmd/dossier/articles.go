package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"dossier"
	"dossier/ingest"
)

func init() {
	register(command{"import", "[--progress] [--map SPEC] PATH...", "import files and folders of articles", runImport})
	register(command{"list", "[--json] [--query Q]", "list the articles, oldest first", runList})
	register(command{"delete", "ID...", "delete articles with their passages, quotes and figures (undo brings them back)", runDelete})
	register(command{"show", "ID [--json]", "show one article with its text", runShow})
	register(command{"stats", "[--json]", "count articles, dates, outlets and bytes", runStats})
}

func runImport(m *Main, args []string) error {
	fs := newFlags(m, "import", "[--progress] [--map SPEC] PATH...", "Imports .txt, .md, .html, .csv, .json and .jsonl files, and folders of them.")
	progress := fs.Bool("progress", false, "print progress to standard error")
	mapping := fs.String("map", "", "column names for tables, e.g. `title=Heading,body=Story,date=When`")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	imp := m.importer(n)
	if *mapping != "" {
		mp, err := ingest.ParseMapping(*mapping)
		if err != nil {
			return err
		}
		imp.Mapping = mp
	}
	tty := isTerminal(m.Stderr)
	if *progress {
		imp.Progress = func(p ingest.Progress) {
			line := fmt.Sprintf("%d/%d files, %d articles read, %d saved", p.FilesDone, p.FilesTotal, p.Articles, p.Saved)
			if tty {
				fmt.Fprintf(m.Stderr, "\r\033[K%s", line) // redraw one line
			} else {
				fmt.Fprintf(m.Stderr, "progress: %s\n", line)
			}
		}
	}
	start := time.Now()
	end := n.Group(importSummary(paths))
	rep, err := imp.Import(m.ctx(), paths...)
	end()
	if *progress && tty {
		fmt.Fprintln(m.Stderr)
	}
	if err != nil {
		return err
	}
	printReport(m.Stdout, m.Stderr, rep, time.Since(start))
	if rep.Failed() {
		return errFailed
	}
	return nil
}

// isTerminal reports whether w is a terminal, where progress redraws one
// line instead of adding lines.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// printReport lists problems (errors and warnings) and duplicates on errw,
// then sums up on out.
func printReport(out, errw io.Writer, rep *ingest.Report, took time.Duration) {
	for _, p := range rep.Problems {
		kind := "error"
		if p.Warning {
			kind = "warning"
		}
		fmt.Fprintf(errw, "%s: %s\n", kind, p.Error())
	}
	const shown = 10
	for i, d := range rep.Duplicates {
		if i == shown {
			fmt.Fprintf(errw, "… and %d more duplicates\n", len(rep.Duplicates)-shown)
			break
		}
		fmt.Fprintf(errw, "duplicate: %s\n", d)
	}
	fmt.Fprintf(out, "%s (%.1fs)\n", rep, took.Seconds())
}

// articleJSON is the shape of an article in list --json and show --json.
type articleJSON struct {
	ID            dossier.ArticleID `json:"id"`
	Title         string            `json:"title"`
	Outlet        string            `json:"outlet"`
	URL           string            `json:"url"`
	Author        string            `json:"author"`
	Date          *string           `json:"date"`
	DatePrecision string            `json:"date_precision"`
	DateOrigin    string            `json:"date_origin"`
	File          string            `json:"file"`
	Imported      time.Time         `json:"imported"`
	Runes         int               `json:"runes"`
	Hash          string            `json:"hash,omitempty"`
	Body          *string           `json:"body,omitempty"`
}

func toJSON(m dossier.ArticleMeta) articleJSON {
	j := articleJSON{
		ID: m.ID, Title: m.Title, Outlet: m.Outlet, URL: m.URL, Author: m.Author,
		DatePrecision: m.Published.Precision.String(), DateOrigin: m.Published.Origin.String(),
		File: m.File, Imported: m.Imported, Runes: m.Runes,
	}
	if m.Published.Precision == dossier.PrecisionDay {
		s := m.Published.String()
		j.Date = &s
	} else if !m.Published.IsZero() {
		// A month or a year: the first day it covers, as YYYY-MM-DD; the
		// precision field says how much of it is known.
		s := m.Published.Time.Format("2006-01-02")
		j.Date = &s
	}
	return j
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// importSummary names an import for undo: "Import news/" or "Import 3 files".
func importSummary(paths []string) string {
	if len(paths) == 1 {
		return "Import " + paths[0]
	}
	return fmt.Sprintf("Import %d files and folders", len(paths))
}

func runList(m *Main, args []string) error {
	fs := newFlags(m, "list", "[--json] [--query Q]", "Lists the articles, oldest first; undated ones last.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	query := fs.String("query", "", "only the articles that match `Q`, e.g. 'tag:actor/russia outlet:reuters'")
	if _, err := parseFlags(fs, args); err != nil {
		return err
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
	var metas []dossier.ArticleMeta
	if *query == "" {
		metas, err = n.ArticleMetas()
		dossier.SortByDate(metas)
	} else {
		metas, err = n.ArticlesMatching(q)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]articleJSON, len(metas))
		for i, a := range metas {
			out[i] = toJSON(a)
		}
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tOUTLET\tTITLE")
	for _, a := range metas {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, a.Published.Label(), clip(a.Outlet, 24), clip(a.Title, 90))
	}
	return tw.Flush()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// parseArticleFlag reads an --article flag: 0 when it was not given.
func parseArticleFlag(s string) (dossier.ArticleID, error) {
	if s == "" {
		return 0, nil
	}
	return parseID(s)
}

func parseID(s string) (dossier.ArticleID, error) {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, dossier.Errorf(dossier.EINVALID, "%q is not an article ID (a number from dossier list)", s)
	}
	return dossier.ArticleID(id), nil
}

func runDelete(m *Main, args []string) error {
	fs := newFlags(m, "delete", "ID...", "Deletes articles with their text, passages, quotes and figures; dossier undo brings each back.")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return errUsage
	}
	var ids []dossier.ArticleID
	for _, p := range pos {
		id, err := parseID(p)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	if len(ids) > 1 {
		defer n.Group(fmt.Sprintf("Delete %d articles", len(ids)))()
	}
	for _, id := range ids {
		if err := n.DeleteArticle(id); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "deleted article %d\n", id)
	}
	return nil
}

func runShow(m *Main, args []string) error {
	fs := newFlags(m, "show", "ID [--json]", "Shows one article with its text.")
	asJSON := fs.Bool("json", false, "print a JSON object")
	pos, err := positional(fs, args, 1)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	a, err := n.Article(id)
	if err != nil {
		return err
	}
	if *asJSON {
		j := toJSON(a.Meta())
		j.Hash = a.Hash.String()
		j.Body = &a.Body
		return writeJSON(m.Stdout, j)
	}
	fmt.Fprintf(m.Stdout, "%s\n%s · %s", a.Title, orDash(a.Outlet), a.Published.Label())
	if a.Author != "" {
		fmt.Fprintf(m.Stdout, " · %s", a.Author)
	}
	fmt.Fprintf(m.Stdout, "\n")
	if a.URL != "" {
		fmt.Fprintln(m.Stdout, a.URL)
	}
	fmt.Fprintf(m.Stdout, "from %s\n\n%s\n", a.File, a.Body)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func runStats(m *Main, args []string) error {
	fs := newFlags(m, "stats", "[--json]", "Counts articles by date origin and outlet, and measures text and file.")
	asJSON := fs.Bool("json", false, "print a JSON object")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	st, err := n.Stats()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(m.Stdout, st)
	}
	fmt.Fprintf(m.Stdout, "notebook   %s (schema %d)\narticles   %d\n", n.Path(), st.Schema, st.Articles)
	if st.First != "" {
		fmt.Fprintf(m.Stdout, "dates      %s to %s\n", st.First, st.Last)
	}
	for _, o := range []string{"header", "metadata", "inferred", "user", "none"} {
		if c := st.ByOrigin[o]; c > 0 {
			fmt.Fprintf(m.Stdout, "  %-9s %d\n", o, c)
		}
	}
	fmt.Fprintf(m.Stdout, "outlets    %d\ntext       %s\nfile       %s", len(st.Outlets), bytesHuman(st.TextBytes), bytesHuman(st.FileBytes))
	if st.TextBytes > 0 {
		fmt.Fprintf(m.Stdout, " (%.2f× the text)", float64(st.FileBytes)/float64(st.TextBytes))
	}
	fmt.Fprintln(m.Stdout)
	return nil
}

func bytesHuman(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// IndexNote is the name of the note that lists every article of a
// Markdown folder export.
const IndexNote = "Dossier index.md"

// WriteMarkdown writes the notebook into dir (which must exist) as notes an
// Obsidian vault takes as they are: one file an article, named after its
// title (made safe for every file system, and unique ignoring case), with
// YAML front matter (title, outlet, date, url, author, tags); its passages
// as block quotes, each with a block ID (^p12) that links can point to, its
// tags as #tags and its note beneath; its quotations with their speakers;
// links to the articles that share a tag; and an index note that links to
// every article.
func WriteMarkdown(dir string, nb *Notebook, opt *Options) error {
	names := FileNames(nb)
	for i := range nb.Articles {
		a := &nb.Articles[i]
		err := writeFile(filepath.Join(dir, names[i]+".md"), func(w *bufio.Writer) {
			nb.markdownArticle(w, a, names, 1, true)
		})
		if err != nil {
			return err
		}
		opt.progress(i+1, len(nb.Articles))
	}
	return writeFile(filepath.Join(dir, IndexNote), func(w *bufio.Writer) {
		fmt.Fprintf(w, "# %s\n\n", mdText(nb.name()))
		if nb.Query != "" {
			fmt.Fprintf(w, "The notes that match `%s`.\n\n", strings.ReplaceAll(nb.Query, "`", "'"))
		}
		for i, a := range nb.Articles {
			fmt.Fprintf(w, "- [[%s|%s]]%s\n", names[i], wikiAlias(a.Title), metaLine(&a, " — "))
		}
	})
}

// WriteMarkdownReport writes the notebook as one Markdown file: a section
// an article, in the same form as WriteMarkdown's notes, linked by
// headings.
func WriteMarkdownReport(w io.Writer, nb *Notebook, opt *Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdText(nb.name()))
	if nb.Query != "" {
		fmt.Fprintf(bw, "The notes that match `%s`.\n\n", strings.ReplaceAll(nb.Query, "`", "'"))
	}
	for i := range nb.Articles {
		nb.markdownArticle(bw, &nb.Articles[i], nil, 2, false)
		opt.progress(i+1, len(nb.Articles))
	}
	return writeError(bw.Flush())
}

func writeFile(path string, fill func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return dossier.Wrap(err, dossier.EINVALID, "%s: cannot write there", path)
	}
	w := bufio.NewWriter(f)
	fill(w)
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return writeError(err)
}

// markdownArticle writes one article: a note (with front matter, links by
// file name) or a report's section (links by heading).
func (nb *Notebook) markdownArticle(w *bufio.Writer, a *Article, names []string, level int, note bool) {
	h := strings.Repeat("#", level)
	title := a.Title
	if title == "" {
		title = fmt.Sprintf("Article %d", a.ID)
	}
	if note {
		w.WriteString("---\n")
		yamlField(w, "title", title)
		yamlField(w, "outlet", a.Outlet)
		if !a.Published.IsZero() {
			fmt.Fprintf(w, "date: %s\n", a.Published)
		}
		yamlField(w, "url", a.URL)
		yamlField(w, "author", a.Author)
		tags := nb.articleTags(a)
		if len(tags) > 0 {
			w.WriteString("tags:\n")
			for _, t := range tags {
				fmt.Fprintf(w, "  - %s\n", yamlString(obsidianTag(t)))
			}
		}
		fmt.Fprintf(w, "dossier-article: %d\n", a.ID)
		w.WriteString("---\n\n")
	}
	fmt.Fprintf(w, "%s %s\n\n", h, mdText(title))
	if line := metaLine(a, ""); line != "" {
		fmt.Fprintf(w, "*%s*\n\n", strings.TrimPrefix(line, " · "))
	}
	if len(a.Tags) > 0 {
		fmt.Fprintf(w, "Article tags: %s\n\n", hashTags(a.Tags))
	}
	if len(a.Passages) > 0 {
		fmt.Fprintf(w, "%s# Passages\n\n", h)
		for _, p := range a.Passages {
			blockQuote(w, p.Text)
			fmt.Fprintf(w, "^p%d\n\n", p.ID)
			var line []string
			if len(p.Tags) > 0 {
				line = append(line, hashTags(p.Tags))
			}
			if s := a.speakersIn(&p); len(s) > 0 {
				line = append(line, "Speaker: "+mdText(strings.Join(s, ", ")))
			}
			line = append(line, fmt.Sprintf("runes %d–%d", p.Start, p.End))
			fmt.Fprintf(w, "%s\n\n", strings.Join(line, " · "))
			if p.Note != "" {
				for _, l := range strings.Split(p.Note, "\n") {
					fmt.Fprintf(w, "%s\n", mdLine(l))
				}
				w.WriteString("\n")
			}
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintf(w, "%s# Quotes\n\n", h)
		for _, q := range a.Quotes {
			blockQuote(w, "“"+q.Text+"”")
			who := "unknown speaker"
			if q.Speaker != "" {
				who = "**" + mdText(q.Speaker) + "**"
			}
			if q.Role != "" {
				who += ", " + mdText(q.Role)
			}
			if len(q.Tags) > 0 {
				who += " · " + hashTags(q.Tags)
			}
			fmt.Fprintf(w, "— %s\n\n", who)
		}
	}
	if rel := nb.related(a); len(rel) > 0 {
		fmt.Fprintf(w, "%s# Related\n\n", h)
		for _, j := range rel {
			b := &nb.Articles[j]
			if names != nil {
				fmt.Fprintf(w, "- [[%s|%s]]\n", names[j], wikiAlias(b.Title))
			} else {
				fmt.Fprintf(w, "- [[#%s]]\n", wikiAlias(b.Title))
			}
		}
		w.WriteString("\n")
	}
}

// articleTags returns the tags of an article and of its passages and
// quotes, without repeats.
func (nb *Notebook) articleTags(a *Article) []string {
	var out []string
	add := func(ts []string) {
		for _, t := range ts {
			if !slices.ContainsFunc(out, func(o string) bool { return dossier.TagEqual(o, t) }) {
				out = append(out, t)
			}
		}
	}
	add(a.Tags)
	for _, p := range a.Passages {
		add(p.Tags)
	}
	for _, q := range a.Quotes {
		add(q.Tags)
	}
	return out
}

// related returns up to ten other articles that share a tag with a, the
// most shared first.
func (nb *Notebook) related(a *Article) []int {
	mine := nb.articleTags(a)
	if len(mine) == 0 {
		return nil
	}
	type hit struct{ i, n int }
	var hits []hit
	for i := range nb.Articles {
		b := &nb.Articles[i]
		if b.ID == a.ID {
			continue
		}
		n := 0
		for _, t := range nb.articleTags(b) {
			if slices.ContainsFunc(mine, func(m string) bool { return dossier.TagEqual(m, t) }) {
				n++
			}
		}
		if n > 0 {
			hits = append(hits, hit{i, n})
		}
	}
	slices.SortStableFunc(hits, func(x, y hit) int { return y.n - x.n })
	out := make([]int, 0, 10)
	for _, h := range hits[:min(len(hits), 10)] {
		out = append(out, h.i)
	}
	return out
}

func metaLine(a *Article, lead string) string {
	var parts []string
	if a.Outlet != "" {
		parts = append(parts, mdText(a.Outlet))
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.String())
	}
	if a.URL != "" {
		parts = append(parts, "<"+strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(a.URL)+">")
	}
	if len(parts) == 0 {
		return ""
	}
	return lead + strings.Join(parts, " · ")
}

// yamlField writes key: "value" (a JSON string is a YAML double-quoted
// scalar); nothing for an empty value.
func yamlField(w *bufio.Writer, key, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(w, "%s: %s\n", key, yamlString(value))
}

func yamlString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// obsidianTag makes a tag path an Obsidian tag: letters, digits, _, - and
// / only, and not all digits.
func obsidianTag(t string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '_', r == '-', r == '/':
			return r
		case unicode.IsSpace(r):
			return '-'
		}
		return '_'
	}, t)
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '/' }) < 0 {
		s = "_" + s
	}
	return s
}

func hashTags(tags []string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = "#" + obsidianTag(t)
	}
	return strings.Join(out, " ")
}

// blockQuote writes text as a block quote, each line escaped.
func blockQuote(w *bufio.Writer, text string) {
	for _, l := range strings.Split(text, "\n") {
		if l == "" {
			w.WriteString(">\n")
			continue
		}
		fmt.Fprintf(w, "> %s\n", mdLine(l))
	}
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"#", `\#`, "|", `\|`, "~", `\~`, "$", `\$`, "=", `\=`, "^", `\^`, "%", `\%`)

// mdText escapes what Markdown (and Obsidian: links, tags, highlights,
// maths, comments) would read as syntax.
func mdText(s string) string { return mdEscaper.Replace(strings.Join(strings.Fields(s), " ")) }

// mdLine escapes a line, and its start when it would begin a list or a
// heading.
func mdLine(l string) string {
	l = mdEscaper.Replace(l)
	trim := strings.TrimLeft(l, " ")
	if trim != "" && strings.ContainsRune("-+", rune(trim[0])) {
		return strings.Repeat(" ", len(l)-len(trim)) + `\` + trim
	}
	if i := strings.IndexFunc(trim, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (trim[i] == '.' || trim[i] == ')') {
		return strings.Repeat(" ", len(l)-len(trim)) + trim[:i] + `\` + trim[i:]
	}
	return l
}

// wikiAlias is a title fit for the alias of a [[link|alias]].
func wikiAlias(s string) string {
	return strings.NewReplacer("|", "-", "[", "(", "]", ")", "#", "", "^", "").Replace(strings.Join(strings.Fields(s), " "))
}

// FileNames returns the name (without .md) of each article's note: its
// title with what file systems or Obsidian links forbid replaced, short
// enough for any file system, and unique ignoring case (" (2)" added).
func FileNames(nb *Notebook) []string {
	out := make([]string, len(nb.Articles))
	used := map[string]bool{strings.ToLower(strings.TrimSuffix(IndexNote, ".md")): true}
	for i, a := range nb.Articles {
		base := safeName(a.Title)
		if base == "" {
			base = fmt.Sprintf("Article %d", a.ID)
		}
		name := base
		for k := 2; used[strings.ToLower(name)]; k++ {
			name = fmt.Sprintf("%s (%d)", base, k)
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// maxNameBytes leaves room for " (99).md" under the 255 bytes most file
// systems allow.
const maxNameBytes = 120

var reservedNames = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

func safeName(title string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || unicode.IsControl(r):
			return ' '
		case strings.ContainsRune(`/\:*?"<>|#^[]`, r):
			return '-'
		}
		return r
	}, title)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxNameBytes {
		i := maxNameBytes
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = strings.TrimSpace(s[:i])
	}
	s = strings.TrimRight(strings.TrimLeft(s, ". "), ". ")
	if reservedNames[strings.ToLower(strings.SplitN(s, ".", 2)[0])] {
		s = "_" + s
	}
	return s
}

package export

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"

	"dossier"
)

// WriteHTML writes the notebook as one self-contained HTML report (no
// script, no file or font from elsewhere): a contents list, then each
// article with its text, its passages highlighted in the colour of their
// first tag and numbered, and beneath it the passages with their tags (as
// coloured chips), speakers and notes, and its quotations. Every text from
// the notebook is escaped. It prints on paper as it shows: an article
// starts a page, and highlights keep their colours.
func WriteHTML(w io.Writer, nb *Notebook, opt *Options) error {
	bw := bufio.NewWriter(w)
	title := html.EscapeString(nb.name())
	fmt.Fprintf(bw, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dossier">
<title>%s</title>
<style>
body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1d1d1d; background: #fff; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
.meta { color: #555; font-size: 0.9em; }
.text p { margin: 0 0 0.8em; white-space: pre-wrap; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
sup.n { font: bold 0.7em sans-serif; color: #333; }
.chip { display: inline-block; font: 0.75em sans-serif; border-radius: 0.8em; padding: 0 0.6em; margin: 0 0.2em 0.2em 0; color: #111; border: 1px solid rgba(0,0,0,.25); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
ol.passages li, ul.quotes li { margin-bottom: 0.8em; }
blockquote { margin: 0.2em 0; padding-left: 0.8em; border-left: 3px solid #bbb; }
.note { white-space: pre-wrap; font-style: italic; }
nav ol { columns: 2; font-size: 0.9em; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav { display: none; }
  article { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<header><h1>%s</h1>
`, title, title)
	if nb.Query != "" {
		fmt.Fprintf(bw, "<p class=\"meta\">The notes that match <code>%s</code>.</p>\n", html.EscapeString(nb.Query))
	}
	fmt.Fprintf(bw, "<p class=\"meta\">%s, %s, %s. Exported %s.</p>\n</header>\n",
		count(len(nb.Articles), "article"), count(nb.passageCount(), "passage"), count(nb.quoteCount(), "quotation"), nb.now().Format("2 January 2006"))
	bw.WriteString("<nav><h2>Contents</h2><ol>\n")
	for _, a := range nb.Articles {
		fmt.Fprintf(bw, "<li><a href=\"#a%d\">%s</a></li>\n", a.ID, html.EscapeString(articleTitle(&a)))
	}
	bw.WriteString("</ol></nav>\n")
	for i := range nb.Articles {
		nb.htmlArticle(bw, &nb.Articles[i])
		opt.progress(i+1, len(nb.Articles))
	}
	bw.WriteString("</body>\n</html>\n")
	return writeError(bw.Flush())
}

func articleTitle(a *Article) string {
	if a.Title != "" {
		return a.Title
	}
	return fmt.Sprintf("Article %d", a.ID)
}

func (nb *Notebook) passageCount() (n int) {
	for _, a := range nb.Articles {
		n += len(a.Passages)
	}
	return n
}

func (nb *Notebook) quoteCount() (n int) {
	for _, a := range nb.Articles {
		n += len(a.Quotes)
	}
	return n
}

func (nb *Notebook) htmlArticle(w *bufio.Writer, a *Article) {
	fmt.Fprintf(w, "<article id=\"a%d\">\n<h2>%s</h2>\n", a.ID, html.EscapeString(articleTitle(a)))
	var meta []string
	if a.Outlet != "" {
		meta = append(meta, html.EscapeString(a.Outlet))
	}
	if a.Author != "" {
		meta = append(meta, html.EscapeString(a.Author))
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.String())
	}
	if a.URL != "" {
		meta = append(meta, fmt.Sprintf("<a href=\"%s\">%s</a>", html.EscapeString(safeURL(a.URL)), html.EscapeString(a.URL)))
	}
	if len(meta) > 0 {
		fmt.Fprintf(w, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))
	}
	if len(a.Tags) > 0 {
		fmt.Fprintf(w, "<p>%s</p>\n", nb.chips(a.Tags))
	}
	w.WriteString("<div class=\"text\">\n")
	nb.htmlBody(w, a)
	w.WriteString("</div>\n")
	if len(a.Passages) > 0 {
		w.WriteString("<h3>Passages</h3>\n<ol class=\"passages\">\n")
		for i, p := range a.Passages {
			fmt.Fprintf(w, "<li id=\"p%d-%d\"><blockquote>%s</blockquote>\n", a.ID, i+1, html.EscapeString(p.Text))
			if len(p.Tags) > 0 {
				w.WriteString(nb.chips(p.Tags))
			}
			if s := a.speakersIn(&p); len(s) > 0 {
				fmt.Fprintf(w, " <span class=\"meta\">Speaker: %s</span>", html.EscapeString(strings.Join(s, ", ")))
			}
			if p.Note != "" {
				fmt.Fprintf(w, "<div class=\"note\">%s</div>", html.EscapeString(p.Note))
			}
			w.WriteString("</li>\n")
		}
		w.WriteString("</ol>\n")
	}
	if len(a.Quotes) > 0 {
		w.WriteString("<h3>Quotations</h3>\n<ul class=\"quotes\">\n")
		for _, q := range a.Quotes {
			who := "unknown speaker"
			if q.Speaker != "" {
				who = "<b>" + html.EscapeString(q.Speaker) + "</b>"
			}
			if q.Role != "" {
				who += ", " + html.EscapeString(q.Role)
			}
			fmt.Fprintf(w, "<li>“%s” — %s %s</li>\n", html.EscapeString(q.Text), who, nb.chips(q.Tags))
		}
		w.WriteString("</ul>\n")
	}
	w.WriteString("</article>\n")
}

// safeURL keeps http(s) and mailto links and drops others (javascript:).
func safeURL(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:") {
		return u
	}
	return "#"
}

func (nb *Notebook) chips(tags []string) string {
	var b strings.Builder
	for _, t := range tags {
		fmt.Fprintf(&b, "<span class=\"chip\" style=\"background:%s\">%s</span>", tint(nb.tag(t).Color, 0.45), html.EscapeString(t))
	}
	return b.String()
}

// tint returns a "#RRGGBB" colour as rgba() with alpha a, or a grey for a
// colour it cannot read.
func tint(c string, a float64) string {
	c, err := dossier.NormalizeColor(c)
	if err != nil {
		return fmt.Sprintf("rgba(128,128,128,%.2f)", a)
	}
	var r, g, b int
	fmt.Sscanf(c, "#%02x%02x%02x", &r, &g, &b)
	return fmt.Sprintf("rgba(%d,%d,%d,%.2f)", r, g, b, a)
}

// htmlBody writes the body as paragraphs, each run of text under one or
// more passages a <mark> in the colour of the passage that starts last
// (the innermost), and a number after each passage's end.
func (nb *Notebook) htmlBody(w *bufio.Writer, a *Article) {
	rs := []rune(a.Body)
	cuts := []int{0, len(rs)}
	ends := map[int][]int{} // rune offset -> numbers of passages ending there
	for i, p := range a.Passages {
		cuts = append(cuts, p.Start, p.End)
		ends[p.End] = append(ends[p.End], i+1)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	w.WriteString("<p>")
	for k := 0; k+1 < len(cuts); k++ {
		s, e := cuts[k], cuts[k+1]
		inner := -1
		for i, p := range a.Passages {
			if p.Start <= s && e <= p.End && (inner < 0 || p.Start >= a.Passages[inner].Start) {
				inner = i
			}
		}
		text := string(rs[s:e])
		// A paragraph break closes the mark and the paragraph, and opens them again.
		parts := strings.Split(text, "\n\n")
		for j, part := range parts {
			if j > 0 {
				w.WriteString("</p>\n<p>")
			}
			if part == "" {
				continue
			}
			if inner >= 0 {
				p := &a.Passages[inner]
				color := dossier.Palette[0]
				if len(p.Tags) > 0 {
					color = nb.tag(p.Tags[0]).Color
				}
				fmt.Fprintf(w, "<mark style=\"background:%s\" title=\"%s\">%s</mark>", tint(color, 0.4), html.EscapeString(strings.Join(p.Tags, ", ")), html.EscapeString(part))
			} else {
				w.WriteString(html.EscapeString(part))
			}
		}
		for _, n := range ends[e] {
			fmt.Fprintf(w, "<sup class=\"n\"><a href=\"#p%d-%d\">%d</a></sup>", a.ID, n, n)
		}
	}
	w.WriteString("</p>\n")
}

package ingest

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"dossier"
)

// html reads a web page: its readable text as the body, and title, outlet,
// author, URL and date from its metadata.
//
// The body is made of the paragraphs of <p>, <h1>-<h6>, <li>, <blockquote>,
// <pre>, <dd>, <dt>, <td> and <figcaption>, taken from the page's <article>
// (the one with the most text when there are several) or <main>, else its
// <body>. Scripts, styles, navigation, headers, footers, asides, forms and
// the like are left out. When no such paragraph has text, the bare text of
// the chosen element, broken at block elements, is the body.
func (p *parser) html(data []byte) []*dossier.Article {
	doc, err := html.Parse(strings.NewReader(p.decodeHTML(data)))
	if err != nil {
		p.fail(0, 0, "cannot read the page: %s", strings.TrimPrefix(err.Error(), "html: "))
		return nil
	}
	var m pageMeta
	m.meta = map[string]string{}
	m.scan(doc)

	a := &dossier.Article{File: p.name}
	a.Title = m.title()
	// A relative canonical link ("/world/x") is worth less than an absolute
	// og:url.
	for _, u := range []string{m.meta["canonical"], m.meta["og:url"], m.meta["twitter:url"], m.ld.url} {
		if u = strings.TrimSpace(u); u != "" && (hostOf(u) != "" || a.URL == "") {
			a.URL = u
			if hostOf(u) != "" {
				break
			}
		}
	}
	a.Outlet = m.first("og:site_name", "application-name")
	if a.Outlet == "" {
		a.Outlet = m.ld.publisher
	}
	a.Author = m.author()
	root := m.root()
	for _, n := range m.times {
		if m.time == "" || inside(n, root) {
			m.time = attr(n, "datetime")
			if inside(n, root) {
				break
			}
		}
	}
	a.Published = p.pageDate(&m)

	var t htmlText
	t.walk(root, false)
	t.flush()
	paras := dropHeadline(t.paras, a.Title)
	if len(paras) == 0 {
		paras = dropHeadline(t.loose, a.Title)
	}
	a.Body = strings.Join(paras, "\n\n")
	if Normalize(a.Body) == "" {
		p.fail(0, 0, "no readable text in the page")
		return nil
	}
	return one(p.finish(a, 0, 0))
}

// dropHeadline leaves out a first paragraph that repeats the title.
func dropHeadline(paras []string, title string) []string {
	if len(paras) > 0 && title != "" && oneLine(paras[0]) == oneLine(title) {
		return paras[1:]
	}
	return paras
}

// decodeHTML returns the page as UTF-8: as it is when it is valid UTF-8, in
// the charset the page declares (a BOM or <meta charset>) otherwise, and as
// Windows-1252, with a warning, when it declares none.
func (p *parser) decodeHTML(data []byte) string {
	if utf8.Valid(data) {
		return string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	}
	if enc, name, _ := charset.DetermineEncoding(data, "text/html"); name != "windows-1252" && name != "utf-8" && enc != nil {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	text, _ := Decode(data)
	p.warn(0, 0, "decoded as Windows-1252: not valid UTF-8")
	return text
}

// pageDate returns the first readable publication date of the page's
// metadata; when dates are given but none can be read, it warns and returns
// no date.
func (p *parser) pageDate(m *pageMeta) dossier.Date {
	cands := []string{
		m.meta["article:published_time"], m.meta["og:published_time"], m.ld.date,
		m.meta["datepublished"], m.time,
		m.meta["date"], m.meta["pubdate"], m.meta["publishdate"], m.meta["publish-date"],
		m.meta["dc.date"], m.meta["dc.date.issued"], m.meta["dcterms.date"], m.meta["dcterms.issued"],
		m.meta["dcterms.created"], m.meta["parsely-pub-date"], m.meta["sailthru.date"],
	}
	bad := ""
	for _, c := range cands {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if d, ok := ParseDate(c); ok {
			return d
		}
		if bad == "" {
			bad = c
		}
	}
	if bad != "" {
		p.warn(0, 0, "cannot read the date %q", clip(bad, 40))
	}
	return dossier.Date{}
}

// pageMeta is what a page says about itself.
type pageMeta struct {
	meta     map[string]string // <meta> name, property or itemprop (lower case) to content; "canonical" from <link>
	titleTag string
	h1       string
	time     string // the first <time datetime> in the article's root, else in the page
	times    []*html.Node
	ld       linkedData
	articles []*html.Node
	main     *html.Node
	body     *html.Node
}

// linkedData is what a JSON-LD block says of the article.
type linkedData struct {
	headline, date, author, publisher, url string
}

func (m *pageMeta) first(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(m.meta[k]); v != "" {
			return v
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func (m *pageMeta) scan(doc *html.Node) {
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Meta:
			content := attr(n, "content")
			for _, k := range []string{"name", "property", "itemprop"} {
				if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
					if _, ok := m.meta[key]; !ok {
						m.meta[key] = content
					}
				}
			}
		case atom.Link:
			if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") && m.meta["canonical"] == "" {
				m.meta["canonical"] = attr(n, "href")
			}
		case atom.Title:
			if m.titleTag == "" && n.Parent != nil && n.Parent.DataAtom != atom.Svg {
				m.titleTag = nodeText(n)
			}
		case atom.H1:
			if m.h1 == "" {
				m.h1 = nodeText(n)
			}
		case atom.Time:
			if attr(n, "datetime") != "" {
				m.times = append(m.times, n)
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				m.ld.read(nodeText(n))
			}
		case atom.Article:
			m.articles = append(m.articles, n)
		case atom.Main:
			if m.main == nil {
				m.main = n
			}
		case atom.Body:
			m.body = n
		}
	}
}

func inside(n, ancestor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == ancestor {
			return true
		}
	}
	return false
}

func (m *pageMeta) title() string {
	if t := m.first("og:title", "twitter:title"); t != "" {
		return t
	}
	if m.ld.headline != "" {
		return m.ld.headline
	}
	if t := oneLine(m.titleTag); t != "" {
		// "Headline | Outlet" or "Headline - Outlet": drop the outlet.
		if site := oneLine(m.first("og:site_name")); site != "" {
			for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
				if h, ok := strings.CutSuffix(t, sep+site); ok && h != "" {
					return h
				}
			}
		}
		return t
	}
	return m.h1
}

func (m *pageMeta) author() string {
	for _, k := range []string{"author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"} {
		v := strings.TrimSpace(m.meta[k])
		if v == "" || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			continue // article:author is often a profile URL
		}
		return trimBy(v)
	}
	return trimBy(m.ld.author)
}

func trimBy(s string) string {
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		return strings.TrimSpace(s[3:])
	}
	return s
}

// root is where the article's text is: the <article> with the most text,
// else <main>, else <body>.
func (m *pageMeta) root() *html.Node {
	var best *html.Node
	bestLen := -1
	for _, a := range m.articles {
		if nestedArticle(a) {
			continue // measured with the article around it
		}
		if l := textLen(a); l > bestLen {
			best, bestLen = a, l
		}
	}
	switch {
	case best != nil && bestLen > 0:
		return best
	case m.main != nil:
		return m.main
	case m.body != nil:
		return m.body
	}
	return best
}

// nestedArticle reports whether n is inside an <article>.
func nestedArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Article {
			return true
		}
	}
	return false
}

// textLen is the number of bytes of text inside n.
func textLen(n *html.Node) int {
	l := 0
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			l += len(strings.TrimSpace(d.Data))
		}
	}
	return l
}

// read takes the article's fields from one JSON-LD block: the first object
// (in a list or an @graph) that has a headline or a datePublished.
func (ld *linkedData) read(src string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	obj := findLD(v, 0)
	if obj == nil {
		return
	}
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = strings.TrimSpace(v)
		}
	}
	set(&ld.headline, ldString(obj["headline"]))
	set(&ld.date, ldString(obj["datePublished"]))
	set(&ld.author, ldString(obj["author"]))
	set(&ld.publisher, ldString(obj["publisher"]))
	set(&ld.url, ldString(obj["url"]))
}

func findLD(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["datePublished"]; ok {
			return v
		}
		if _, ok := v["headline"]; ok {
			return v
		}
		if g, ok := v["@graph"]; ok {
			return findLD(g, depth+1)
		}
	case []any:
		for _, e := range v {
			if o := findLD(e, depth+1); o != nil {
				return o
			}
		}
	}
	return nil
}

// ldString reads a JSON-LD value as text: a string, the name of an object,
// or the names of a list joined by ", ".
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		return ldString(v["name"])
	case []any:
		var parts []string
		for _, e := range v {
			if s := ldString(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// nodeText returns the text inside n, white space collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// skipped are the elements whose text is never part of an article.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Head: true, atom.Dialog: true, atom.Menu: true,
}

// paragraphs are the elements whose text makes the article's paragraphs.
var paragraphs = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Dd: true, atom.Dt: true, atom.Td: true, atom.Th: true,
	atom.Figcaption: true,
}

// blocks break text outside paragraphs into separate paragraphs.
var blocks = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Table: true, atom.Tr: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Figure: true, atom.Hr: true, atom.Body: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// htmlText collects the paragraphs of a page: paras from paragraph elements,
// loose from text outside them.
type htmlText struct {
	paras, loose  []string
	cur, looseCur strings.Builder
	pre           int  // depth of <pre> elements
	curPre        bool // cur holds preformatted text
}

func (t *htmlText) walk(n *html.Node, inPara bool) {
	if n == nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		b := &t.looseCur
		if inPara {
			b = &t.cur
		}
		if t.pre > 0 {
			b.WriteString(n.Data)
			t.curPre = t.curPre || inPara
		} else {
			appendCollapsed(b, n.Data)
		}
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			if inPara {
				t.cur.WriteByte('\n')
			} else {
				t.looseCur.WriteByte('\n')
			}
			return
		}
		if hidden(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	para, block := paragraphs[n.DataAtom], blocks[n.DataAtom]
	if para || block {
		t.flush()
	}
	if n.DataAtom == atom.Pre {
		t.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c, inPara || para)
	}
	if n.DataAtom == atom.Pre {
		t.pre--
	}
	if para || block {
		t.flush()
	}
}

// hidden reports elements a reader never sees.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			return a.Val == "true"
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
		}
	}
	return false
}

func (t *htmlText) flush() {
	if s := paragraph(t.cur.String(), t.curPre); s != "" {
		t.paras = append(t.paras, s)
	}
	if s := paragraph(t.looseCur.String(), false); s != "" {
		t.loose = append(t.loose, s)
	}
	t.cur.Reset()
	t.looseCur.Reset()
	t.curPre = false
}

// paragraph trims each line of a collected paragraph; preformatted text
// keeps the spaces that start its lines.
func paragraph(s string, pre bool) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if pre {
			lines[i] = strings.TrimRight(l, " \t\r")
		} else {
			lines[i] = strings.TrimSpace(l)
		}
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// appendCollapsed writes s with each run of HTML white space as one space.
func appendCollapsed(b *strings.Builder, s string) {
	space := b.Len() > 0 && isHTMLSpace(lastByte(b))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isHTMLSpace(c) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteByte(c)
		space = false
	}
}

func lastByte(b *strings.Builder) byte {
	s := b.String()
	return s[len(s)-1]
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

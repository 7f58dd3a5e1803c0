package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// MaxTitle is the most runes of a title made from an article's first
// sentence; a longer sentence is cut on a word boundary and ends in "…".
const MaxTitle = 120

// maxTitleLine is the longest first line of a text file read as its title.
const maxTitleLine = 200

// text reads a .txt file: the seed format when its first line starts with
// " date YYYY-MM-DD ", plain text otherwise.
func (p *parser) text(s string) []*dossier.Article {
	if date, body, ok := seedHeader(s); ok {
		a := &dossier.Article{File: p.name, Body: body}
		if t, err := time.Parse("2006-01-02", date); err == nil {
			a.Published = dossier.DayDate(t.Year(), t.Month(), t.Day(), dossier.OriginHeader)
		} else {
			p.warn(1, 0, "the header date %q is not a valid date", date)
		}
		return one(p.finish(a, 0, 0))
	}
	a := &dossier.Article{File: p.name}
	a.Title, a.Body = splitTitle(Normalize(s), false)
	return one(p.finish(a, 0, 0))
}

func one(a *dossier.Article) []*dossier.Article {
	if a == nil {
		return nil
	}
	return []*dossier.Article{a}
}

// seedHeader recognises the seed format's first line, " date YYYY-MM-DD "
// followed by the start of the body, and returns the date and the body.
func seedHeader(s string) (date, body string, ok bool) {
	const prefix = " date "
	if len(s) < len(prefix)+10 || !strings.HasPrefix(s, prefix) {
		return "", "", false
	}
	d := s[len(prefix) : len(prefix)+10]
	for i := range len(d) {
		if i == 4 || i == 7 {
			if d[i] != '-' {
				return "", "", false
			}
		} else if d[i] < '0' || d[i] > '9' {
			return "", "", false
		}
	}
	rest := s[len(prefix)+10:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '\n' && rest[0] != '\r' {
		return "", "", false
	}
	return d, strings.TrimLeft(rest, " \t"), true
}

// splitTitle takes the title from the first line of normalised text when
// that line looks like a title (short, one sentence not ending in a full
// stop, with text after it) and returns it and the rest as the body.
// Otherwise the title is "" (finish then makes one from the first sentence)
// and the body is all of the text. With markdown, a first line that is a
// heading ("# Title") is the title whatever it looks like, without its #'s.
func splitTitle(s string, markdown bool) (title, body string) {
	line, rest, _ := strings.Cut(s, "\n")
	heading := false
	if markdown && isHeading(line) {
		heading = true
		line = strings.TrimSpace(strings.Trim(strings.TrimLeft(line, "#"), "# \t"))
		if line == "" {
			return "", rest
		}
	}
	if strings.TrimSpace(rest) == "" {
		if heading {
			return line, s // a heading alone is both title and text
		}
		return "", s
	}
	if !heading && !looksLikeTitle(line) {
		return "", s
	}
	return line, rest
}

// isHeading reports an ATX Markdown heading: one to six #'s, then a space
// or the end of the line.
func isHeading(line string) bool {
	n := len(line) - len(strings.TrimLeft(line, "#"))
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t')
}

func looksLikeTitle(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > maxTitleLine {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', ',', ';', ':', '…':
		return false
	}
	// A line of two sentences is a lead or a caption, not a headline.
	return sentenceEnd(line) == 0
}

// firstSentence returns the first sentence of body's first line, cut to at
// most MaxTitle runes on a word boundary.
func firstSentence(body string) string {
	line, _, _ := strings.Cut(body, "\n")
	if len(line) > maxSentenceScan {
		// A title is cut to MaxTitle runes anyway; looking further is waste.
		end := maxSentenceScan
		for end > 0 && !utf8.RuneStart(line[end]) {
			end--
		}
		line = line[:end]
	}
	line = strings.TrimSpace(line)
	if end := sentenceEnd(line); end > 0 {
		line = line[:end]
	}
	return cutWords(strings.Join(strings.Fields(line), " "), MaxTitle)
}

// maxSentenceScan is how many bytes of a first line firstSentence reads.
const maxSentenceScan = 2048

// closers may follow the full stop of a sentence before the space.
const closers = "\"')]»”’"

// sentenceEnd returns the byte offset just after the first sentence of line,
// or 0 when the line is one sentence (or none can be told). A full stop after
// an initial, an abbreviation or inside a word ("U.S.") does not end a
// sentence, and neither does one followed by a lower-case word.
func sentenceEnd(line string) int {
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(line) && (line[j] == '.' || line[j] == '!' || line[j] == '?') {
			j++
		}
		for j < len(line) {
			r, size := utf8.DecodeRuneInString(line[j:])
			if !strings.ContainsRune(closers, r) {
				break
			}
			j += size
		}
		if j >= len(line) {
			return 0
		}
		if line[j] != ' ' && line[j] != '\t' {
			i = j - 1
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[j:], " \t"))
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'“‘«(", next) {
			i = j - 1
			continue
		}
		if c == '.' && j == i+1 && abbreviation(line[:i]) {
			continue
		}
		return j
	}
	return 0
}

// abbrevs are words that end in a full stop without ending a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true,
	"cpl": true, "adm": true, "sen": true, "rep": true, "gov": true, "pres": true,
	"rev": true, "hon": true, "jr": true, "sr": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "vs": true, "etc": true, "no": true, "nos": true,
	"fig": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "mt": true, "ft": true, "approx": true, "dept": true, "est": true,
	"gov't": true, "govt": true, "amb": true, "sec": true, "messrs": true,
}

// abbreviation reports whether the word that ends before's text is an
// abbreviation or an initial.
func abbreviation(before string) bool {
	word := before[strings.LastIndexAny(before, " \t(“‘\"'")+1:]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true // "U.S", "a.m"
	}
	if utf8.RuneCountInString(word) == 1 {
		return true // an initial: "J. Smith"
	}
	return abbrevs[strings.ToLower(word)]
}

// cutWords shortens s to at most n runes, on a word boundary when there is
// one in the second half, ending in "…" when cut.
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	end, count := 0, 0
	for i := range s {
		if count == n-1 {
			end = i
			break
		}
		count++
	}
	cut := s[:end]
	if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)/2 {
		cut = cut[:sp]
	}
	cut = strings.TrimRight(cut, " ,;:-–—(\"“‘'")
	return cut + "…"
}

// markdown reads a .md file: YAML front matter (title, date, url, source,
// author) when present, the title from a first "#" heading or a title-like
// first line, and the rest as the body, Markdown kept as written.
func (p *parser) markdown(s string) []*dossier.Article {
	a := &dossier.Article{File: p.name}
	fm, rest, lines := frontMatter(s)
	s = rest
	if fm != nil {
		a.Title = fm["title"]
		a.URL = first(fm, "url", "link", "canonical_url")
		a.Outlet = first(fm, "source", "outlet", "publisher", "site")
		a.Author = first(fm, "author", "authors", "byline")
		for _, k := range []string{"date", "published", "pubdate", "published_at"} {
			if d := fm[k]; d != "" {
				a.Published = p.metaDate(d, lines[k], 0)
				break
			}
		}
	}
	s = Normalize(s)
	title, body := splitTitle(s, true)
	switch {
	case a.Title == "":
		a.Title, a.Body = title, body
	case title != "" && oneLine(title) == oneLine(a.Title):
		a.Body = body // the heading repeats the front matter's title
	default:
		a.Body = s
	}
	return one(p.finish(a, 0, 0))
}

func first(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}

// frontMatter splits YAML front matter ("---" lines around "key: value"
// lines) from the start of s. It reads flat keys, quoted or not, and lists
// (inline "[a, b]" or "- a" lines), which it joins with ", "; nested maps are
// ignored. fm is nil when s has none; lines holds the line of each key, for
// messages.
func frontMatter(s string) (fm map[string]string, rest string, lines map[string]int) {
	body, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		if body, ok = strings.CutPrefix(s, "---\r\n"); !ok {
			return nil, s, nil
		}
	}
	end, after := -1, 0
	for _, close := range []string{"\n---", "\n..."} {
		if i := strings.Index(body, close); i >= 0 && (end < 0 || i < end) {
			rest := body[i+len(close):]
			if rest == "" || rest[0] == '\n' || rest[0] == '\r' {
				end, after = i, i+len(close)
			}
		}
	}
	if strings.HasPrefix(body, "---") || strings.HasPrefix(body, "...") {
		end, after = 0, 3
	}
	if end < 0 {
		return nil, s, nil
	}
	fm, lines = map[string]string{}, map[string]int{}
	key, n := "", 1
	for l := range strings.SplitSeq(body[:end], "\n") {
		n++
		l = strings.TrimRight(l, " \t\r")
		if l == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "- ") && key != "" {
			item := unquote(strings.TrimSpace(t[2:]))
			if fm[key] != "" {
				fm[key] += ", "
			}
			fm[key] += item
			continue
		}
		if l[0] == ' ' || l[0] == '\t' {
			continue // a nested map
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
			var items []string
			for it := range strings.SplitSeq(v[1:len(v)-1], ",") {
				if it = unquote(strings.TrimSpace(it)); it != "" {
					items = append(items, it)
				}
			}
			v = strings.Join(items, ", ")
		} else {
			v = unquote(v)
		}
		fm[key], lines[key] = v, n
	}
	return fm, strings.TrimLeft(body[after:], "\r\n"), lines
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
		if v != "" && v[0] != '\'' {
			v = strings.ReplaceAll(v, `\"`, `"`)
		}
	}
	return v
}

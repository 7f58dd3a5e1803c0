package ingest

import (
	"fmt"
	"path"
	"strings"
	"time"

	"dossier"
)

// Default limits, used when the Options field is zero.
const (
	DefaultMaxFileSize = 64 << 20 // bytes
	DefaultBatchSize   = 500      // articles
	DefaultBatchBytes  = 8 << 20  // bytes of body text
)

// Options tune parsing and importing. The zero value is ready to use.
type Options struct {
	// MaxFileSize is the largest file read, in bytes; a larger file is a
	// problem, not an article. Zero means DefaultMaxFileSize.
	MaxFileSize int64

	// BatchSize and BatchBytes bound one batch (one transaction) of an
	// import: whichever is reached first ends it. Zero means the default.
	BatchSize  int
	BatchBytes int

	// Mapping names the column or field of a table (CSV, TSV, JSON, JSON
	// Lines) that holds an article field, for tables whose names are not the
	// usual ones: field name ("title", "date", "body", "url", "outlet",
	// "author") to column name. See ParseMapping.
	Mapping map[string]string

	// InferDate, when set, finds a date in the text of an article that has no
	// date in a header or metadata. notAfter is the import time: a date after
	// it is dropped. The date kept gets Origin OriginInferred. It is called
	// from several goroutines at once and must be safe for that.
	InferDate func(body string, notAfter time.Time) dossier.Date

	// Now returns the import time (Article.Imported, the bound for inferred
	// dates). Nil means time.Now; tests set a fixed clock.
	Now func() time.Time
}

func (o *Options) maxFileSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Problem is something wrong with one file or one row of a table. An error
// (Warning false) means the file or row was not imported; a warning means it
// was, with a caveat (a guessed encoding, an unreadable date).
type Problem struct {
	File    string // the path as walked, or the name given to ParseFile
	Line    int    // the line in the file where the trouble starts; 0 if unknown
	Row     int    // the 1-based record of a table, header not counted; 0 if none
	Reason  string // what is wrong, as a sentence fragment for the user
	Warning bool
}

// Error reads "file: row 17 (line 40): no body", "file: line 3: reason" or
// "file: reason".
func (p Problem) Error() string {
	switch {
	case p.Row > 0 && p.Line > 0:
		return fmt.Sprintf("%s: row %d (line %d): %s", p.File, p.Row, p.Line, p.Reason)
	case p.Row > 0:
		return fmt.Sprintf("%s: row %d: %s", p.File, p.Row, p.Reason)
	case p.Line > 0:
		return fmt.Sprintf("%s: line %d: %s", p.File, p.Line, p.Reason)
	}
	return p.File + ": " + p.Reason
}

// format is a kind of file ParseFile reads.
type format uint8

const (
	formatUnknown format = iota
	formatText           // .txt and the seed format
	formatMarkdown
	formatHTML
	formatCSV
	formatTSV
	formatJSON
	formatJSONL
)

var formats = map[string]format{
	".txt": formatText, ".text": formatText,
	".md": formatMarkdown, ".markdown": formatMarkdown,
	".html": formatHTML, ".htm": formatHTML, ".xhtml": formatHTML,
	".csv": formatCSV, ".tsv": formatTSV,
	".json": formatJSON, ".jsonl": formatJSONL, ".ndjson": formatJSONL,
}

func formatOf(name string) format {
	return formats[strings.ToLower(path.Ext(name))]
}

// Supported reports whether ParseFile reads files with name's extension
// (case does not matter): .txt, .text, .md, .markdown, .html, .htm, .xhtml,
// .csv, .tsv, .json, .jsonl and .ndjson.
func Supported(name string) bool { return formatOf(name) != formatUnknown }

// ParseFile turns the bytes of one file into articles. name is used for the
// format (by its extension), for Article.File and in problems; nothing is
// read from disk. Each article has a normalised Body, its Hash and, when
// known, Title, Outlet, URL, Author and Published; Imported is the import
// time. A table yields one article per row, with File "name#row N" (N the
// 1-based data row, header not counted). Whatever cannot be read is a
// Problem: a file yields either whole articles or a problem, never half an
// article.
func ParseFile(name string, data []byte, opts Options) ([]*dossier.Article, []Problem) {
	p := parser{name: name, opts: &opts, now: opts.now()}
	arts := p.parse(data)
	return arts, p.problems
}

// parser holds what one file's parse needs and collects its problems.
type parser struct {
	name     string
	opts     *Options
	now      time.Time
	problems []Problem
}

func (p *parser) fail(line, row int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.name, Line: line, Row: row, Reason: fmt.Sprintf(format, args...)})
}

func (p *parser) warn(line, row int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.name, Line: line, Row: row, Reason: fmt.Sprintf(format, args...), Warning: true})
}

func (p *parser) parse(data []byte) []*dossier.Article {
	f := formatOf(p.name)
	if f == formatUnknown {
		p.fail(0, 0, "unknown file type %q; Dossier reads %s", path.Ext(p.name), supportedList)
		return nil
	}
	if max := p.opts.maxFileSize(); int64(len(data)) > max {
		p.fail(0, 0, "file too large (%s; the limit is %s)", sizeString(int64(len(data))), sizeString(max))
		return nil
	}
	if len(data) == 0 {
		p.fail(0, 0, "empty file")
		return nil
	}
	if why := binaryReason(data); why != "" {
		p.fail(0, 0, "%s", why)
		return nil
	}
	if f == formatHTML {
		return p.html(data)
	}
	text, legacy := Decode(data)
	if legacy {
		p.warn(0, 0, "decoded as Windows-1252: not valid UTF-8")
	}
	switch f {
	case formatText:
		return p.text(text)
	case formatMarkdown:
		return p.markdown(text)
	case formatCSV:
		return p.csv(text, ',')
	case formatTSV:
		return p.csv(text, '\t')
	case formatJSON:
		return p.json(text)
	case formatJSONL:
		return p.jsonl(text)
	}
	return nil
}

const supportedList = ".txt, .md, .html, .htm, .csv, .tsv, .json and .jsonl files"

func sizeString(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// finish completes an article whose fields the format has filled: it
// normalises the body and the short fields, hashes the body, infers a date
// when none is known, and derives the outlet from the URL. It returns nil,
// after a problem, when the body is empty.
func (p *parser) finish(a *dossier.Article, line, row int) *dossier.Article {
	a.Body = Normalize(a.Body)
	if a.Body == "" {
		if row > 0 {
			p.fail(line, row, "no body")
		} else {
			p.fail(line, 0, "no text")
		}
		return nil
	}
	a.Title = oneLine(a.Title)
	if a.Title == "" {
		a.Title = firstSentence(a.Body)
	}
	a.Outlet = oneLine(a.Outlet)
	a.Author = trimBy(oneLine(a.Author))
	a.URL = strings.TrimSpace(a.URL)
	if a.Outlet == "" {
		a.Outlet = hostOf(a.URL)
	}
	a.Hash = dossier.HashBody(a.Body)
	a.Imported = p.now
	if a.Published.IsZero() && p.opts.InferDate != nil {
		a.Published = p.inferDate(a.Body)
	}
	return a
}

func (p *parser) inferDate(body string) dossier.Date {
	d := p.opts.InferDate(body, p.now)
	if d.IsZero() || d.Time.After(p.now) {
		return dossier.Date{}
	}
	d.Origin = dossier.OriginInferred
	return d
}

// metaDate reads a date from metadata; a date it cannot read is a warning,
// and the article is then dated as if it had none.
func (p *parser) metaDate(s string, line, row int) dossier.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return dossier.Date{}
	}
	d, ok := ParseDate(s)
	if !ok {
		p.warn(line, row, "cannot read the date %q", clip(s, 40))
	}
	return d
}

// oneLine normalises a short field (title, outlet, author) to one line with
// single spaces.
func oneLine(s string) string {
	if s == "" {
		return ""
	}
	return strings.Join(strings.Fields(Normalize(s)), " ")
}

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// hostOf returns the host of an http(s) URL without "www." and port, or "".
func hostOf(u string) string {
	rest, ok := strings.CutPrefix(u, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(u, "http://")
	}
	if !ok {
		if rest, ok = strings.CutPrefix(u, "//"); !ok {
			return ""
		}
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.Contains(rest[i:], "]") {
		rest = rest[:i]
	}
	rest = strings.ToLower(strings.TrimSuffix(rest, "."))
	return strings.TrimPrefix(rest, "www.")
}

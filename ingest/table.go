package ingest

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"dossier"
)

// The article fields a table column can hold.
const (
	fieldTitle = iota
	fieldDate
	fieldBody
	fieldURL
	fieldOutlet
	fieldAuthor
	numFields
)

// fieldNames are the names Mapping and ParseMapping use for the fields.
var fieldNames = [numFields]string{"title", "date", "body", "url", "outlet", "author"}

// columnNames are the column names (lower case) that hold each field, most
// likely first; Options.Mapping adds others.
var columnNames = [numFields][]string{
	fieldTitle:  {"title", "headline"},
	fieldDate:   {"date", "published", "published_at", "pubdate", "date_published", "datepublished", "publish_date", "published_date", "publication_date"},
	fieldBody:   {"body", "text", "article", "content", "article_body", "articlebody", "full_text", "fulltext"},
	fieldURL:    {"url", "link", "canonical_url"},
	fieldOutlet: {"source", "outlet", "site", "publisher", "site_name", "source_name"},
	fieldAuthor: {"author", "byline", "authors"},
}

// ParseMapping reads a column mapping as a command-line flag gives it,
// "title=Heading,body=Story": field=column pairs separated by commas. The
// fields are title, date, body, url, outlet (or source) and author; column
// names are matched without regard to case. An empty string is no mapping.
func ParseMapping(s string) (map[string]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	m := map[string]string{}
	for part := range strings.SplitSeq(s, ",") {
		field, column, ok := strings.Cut(part, "=")
		field = strings.ToLower(strings.TrimSpace(field))
		column = strings.TrimSpace(column)
		if !ok || field == "" || column == "" {
			return nil, dossier.Errorf(dossier.EINVALID, "cannot read the column mapping %q: write field=column pairs separated by commas, such as title=Heading,body=Story", s)
		}
		if field == "source" {
			field = "outlet"
		}
		if fieldIndex(field) < 0 {
			return nil, dossier.Errorf(dossier.EINVALID, "unknown field %q in the column mapping: the fields are %s", field, strings.Join(fieldNames[:], ", "))
		}
		m[field] = column
	}
	return m, nil
}

func fieldIndex(name string) int {
	for i, n := range fieldNames {
		if n == name {
			return i
		}
	}
	return -1
}

// candidates returns the column names (lower case) to look for, for each
// field: the mapped one first.
func (p *parser) candidates() [numFields][]string {
	c := columnNames
	for field, column := range p.opts.Mapping {
		if i := fieldIndex(field); i >= 0 {
			c[i] = append([]string{strings.ToLower(strings.TrimSpace(column))}, columnNames[i]...)
		} else if field == "source" {
			c[fieldOutlet] = append([]string{strings.ToLower(strings.TrimSpace(column))}, columnNames[fieldOutlet]...)
		}
	}
	return c
}

func (p *parser) noBodyColumn(what string, cands [numFields][]string) {
	p.fail(0, 0, "no body %s (looked for %s)", what, strings.Join(cands[fieldBody], ", "))
}

// row makes the article of one table row from its field values.
func (p *parser) row(vals *[numFields]string, line, row int) *dossier.Article {
	a := &dossier.Article{
		File:   fmt.Sprintf("%s#row %d", p.name, row),
		Title:  vals[fieldTitle],
		Body:   vals[fieldBody],
		URL:    vals[fieldURL],
		Outlet: vals[fieldOutlet],
		Author: vals[fieldAuthor],
	}
	if h := hostOf(strings.TrimSpace(a.Outlet)); h != "" {
		a.Outlet = h // a source given as a URL
	}
	a.Published = p.metaDate(vals[fieldDate], line, row)
	return p.finish(a, line, row)
}

// csv reads a table with a header row, separated by comma (CSV) or tab
// (TSV). Rows are numbered from 1 after the header; Problem.Line is the line
// where the row starts, which differs when bodies span lines.
func (p *parser) csv(text string, comma rune) []*dossier.Article {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		if err == io.EOF {
			p.fail(0, 0, "empty table")
		} else {
			p.fail(1, 0, "cannot read the header: %v", csvReason(err))
		}
		return nil
	}
	cands := p.candidates()
	var col [numFields]int
	for f := range col {
		col[f] = -1
		for _, name := range cands[f] {
			if i := indexFold(header, name); i >= 0 {
				col[f] = i
				break
			}
		}
	}
	if col[fieldBody] < 0 {
		p.noBodyColumn("column", cands)
		return nil
	}
	var arts []*dossier.Article
	for row := 1; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			p.fail(line, row, "malformed row: %s", csvReason(err))
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			p.fail(line, row, "%d fields where the header has %d", len(rec), len(header))
			continue
		}
		var vals [numFields]string
		for f, i := range col {
			if i >= 0 {
				vals[f] = rec[i]
			}
		}
		if a := p.row(&vals, line, row); a != nil {
			arts = append(arts, a)
		}
	}
	return arts
}

// csvReason says what encoding/csv found wrong, without its position (the
// Problem has it).
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch pe.Err {
		case csv.ErrQuote:
			return "a quote is missing or out of place"
		case csv.ErrBareQuote:
			return "a quote inside a field that is not quoted"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

func indexFold(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}

// records turns decoded JSON objects into articles. A row without a body is a
// problem; when no row has a body field at all, that is one problem for the
// file rather than one per row.
type records struct {
	p      *parser
	cands  [numFields][]string
	arts   []*dossier.Article
	noBody []Problem
	bodies int // rows with a body field
}

func (rs *records) add(obj map[string]any, line, row int) {
	keys := make(map[string]any, len(obj))
	for k, v := range obj {
		keys[strings.ToLower(strings.TrimSpace(k))] = v
	}
	var vals [numFields]string
	hasBody := false
	for f := range vals {
		for _, name := range rs.cands[f] {
			if v, ok := keys[name]; ok && v != nil {
				vals[f] = jsonText(v)
				hasBody = hasBody || f == fieldBody
				break
			}
		}
	}
	if !hasBody {
		rs.noBody = append(rs.noBody, Problem{File: rs.p.name, Line: line, Row: row, Reason: "no body"})
		return
	}
	rs.bodies++
	if a := rs.p.row(&vals, line, row); a != nil {
		rs.arts = append(rs.arts, a)
	}
}

func (rs *records) done() []*dossier.Article {
	if rs.bodies == 0 && len(rs.noBody) > 1 {
		rs.p.noBodyColumn("field", rs.cands)
	} else {
		rs.p.problems = append(rs.p.problems, rs.noBody...)
		sort.SliceStable(rs.p.problems, func(i, j int) bool { return rs.p.problems[i].Row < rs.p.problems[j].Row })
	}
	return rs.arts
}

// jsonText reads a JSON value as text: a string, a number, the name of an
// object ({"name": "BBC"}), or the texts of a list joined by ", ".
func jsonText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	case map[string]any:
		for _, k := range []string{"name", "title", "text", "value"} {
			if s, ok := v[k]; ok {
				return jsonText(s)
			}
		}
	case []any:
		var parts []string
		for _, e := range v {
			if s := jsonText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// lineCounter turns byte offsets, asked in increasing order, into line
// numbers without rescanning the text.
type lineCounter struct {
	text      string
	off, line int
}

func (lc *lineCounter) at(off int) int {
	if lc.line == 0 {
		lc.line = 1
	}
	off = min(off, len(lc.text))
	if off < lc.off {
		lc.off, lc.line = 0, 1
	}
	lc.line += strings.Count(lc.text[lc.off:off], "\n")
	lc.off = off
	return lc.line
}

// json reads a JSON file: an array of objects, one article each; or an
// object holding such an array (the longest, when there are several); or a
// single object with a body, one article. Rows are numbered from 1 in the
// array.
func (p *parser) json(text string) []*dossier.Article {
	rs := &records{p: p, cands: p.candidates()}
	start := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	if start < len(text) && text[start] == '[' {
		p.jsonArray(rs, text, 0)
		return rs.done()
	}
	if start == len(text) || text[start] != '{' {
		p.fail(0, 0, "not a JSON array or object")
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(text))
	var top map[string]json.RawMessage
	if err := dec.Decode(&top); err != nil {
		lc := lineCounter{text: text}
		p.fail(lc.at(int(dec.InputOffset())), 0, "invalid JSON: %s", jsonReason(err))
		return nil
	}
	if dec.More() {
		return p.jsonl(text) // JSON Lines in a .json file
	}
	var best json.RawMessage
	hasBody := false
	for k, raw := range top {
		k = strings.ToLower(strings.TrimSpace(k))
		for _, name := range rs.cands[fieldBody] {
			hasBody = hasBody || k == name
		}
		if isObjectArray(raw) && len(raw) > len(best) {
			best = raw
		}
	}
	switch {
	case hasBody || best == nil:
		var obj map[string]any
		d := json.NewDecoder(strings.NewReader(text))
		d.UseNumber()
		if err := d.Decode(&obj); err == nil {
			rs.add(obj, 1+strings.Count(text[:start], "\n"), 1)
		}
		if !hasBody && rs.bodies == 0 {
			rs.noBody = nil
			p.fail(0, 0, "no array of articles and no body field (looked for %s)", strings.Join(rs.cands[fieldBody], ", "))
			return nil
		}
	default:
		off := strings.Index(text, string(best))
		p.jsonArray(rs, text, max(off, 0))
	}
	return rs.done()
}

// isObjectArray reports whether raw is a JSON array whose first element is
// an object.
func isObjectArray(raw json.RawMessage) bool {
	s := strings.TrimLeft(string(raw), " \t\r\n")
	if !strings.HasPrefix(s, "[") {
		return false
	}
	s = strings.TrimLeft(s[1:], " \t\r\n")
	return strings.HasPrefix(s, "{")
}

// jsonArray reads the array of objects that starts at text[off:]. An element
// that is not an object is a problem for its row; a syntax error ends the
// array, keeping the rows before it.
func (p *parser) jsonArray(rs *records, text string, off int) {
	lc := lineCounter{text: text}
	dec := json.NewDecoder(strings.NewReader(text[off:]))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		p.fail(lc.at(off), 0, "invalid JSON: %s", jsonReason(err))
		return
	}
	for row := 1; dec.More(); row++ {
		// The element starts after the comma and white space that follow the
		// previous one.
		pos := off + int(dec.InputOffset())
		for pos < len(text) && strings.IndexByte(" \t\r\n,", text[pos]) >= 0 {
			pos++
		}
		line := lc.at(pos)
		var v any
		if err := dec.Decode(&v); err != nil {
			p.fail(line, row, "invalid JSON: %s; the rest of the file was not read", jsonReason(err))
			return
		}
		obj, ok := v.(map[string]any)
		if !ok {
			p.fail(line, row, "not a JSON object")
			continue
		}
		rs.add(obj, line, row)
	}
	if _, err := dec.Token(); err != nil {
		p.fail(lc.at(off+int(dec.InputOffset())), 0, "invalid JSON: %s", jsonReason(err))
	}
}

// jsonl reads JSON Lines: one object a line, blank lines ignored. Rows are
// numbered from 1, blank lines not counted; Problem.Line is the line.
func (p *parser) jsonl(text string) []*dossier.Article {
	rs := &records{p: p, cands: p.candidates()}
	line, row := 0, 0
	for l := range strings.SplitSeq(text, "\n") {
		line++
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		row++
		dec := json.NewDecoder(strings.NewReader(l))
		dec.UseNumber()
		var v any
		err := dec.Decode(&v)
		if err == nil && dec.More() {
			err = errors.New("more than one value on the line")
		}
		if err != nil {
			p.fail(line, row, "invalid JSON: %s", jsonReason(err))
			continue
		}
		obj, ok := v.(map[string]any)
		if !ok {
			p.fail(line, row, "not a JSON object")
			continue
		}
		rs.add(obj, line, row)
	}
	if row == 0 {
		p.fail(0, 0, "no JSON objects")
		return nil
	}
	return rs.done()
}

// jsonReason says what encoding/json found wrong in words for the user.
func jsonReason(err error) string {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return se.Error()
	case err == io.EOF, err == io.ErrUnexpectedEOF:
		return "the file ends in the middle of a value"
	}
	return err.Error()
}

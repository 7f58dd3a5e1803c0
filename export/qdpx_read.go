package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// maxEntries is the most files a .qdpx may hold.
const maxEntries = 100000

// maxCodeDepth is the deepest nesting of codes ReadQDPX accepts.
const maxCodeDepth = 32

// ReadQDPX reads a REFI-QDA project package of size bytes: its text
// sources become articles (the source's name the title), its codes tags
// (nested codes a path: "Parent/Child", with their colours), its
// PlainTextSelections passages with the codes they are coded with as tags
// and the notes they refer to as the note, its sets of sources tags of
// those articles. Dossier's own quotations come back as quotes with their
// speakers. Positions count code points of the source text as stored; a
// source with "\r\n" or "\r" line endings gets "\n" and the positions are
// moved to match. PDF, picture, audio and video sources, and text sources
// with only a rich-text (.docx) file, are skipped and listed in Warnings.
//
// It refuses the whole file, with an invalid-input error that says why,
// when an entry's name points outside the package (an absolute path, ".."),
// an entry is larger than the limits or has shrunk more than MaxRatio when
// compressed (a zip bomb), project.qde is not well-formed XML, a reference
// names a GUID the project does not define, or a selection lies outside its
// text. Nothing it returns has been written anywhere.
func ReadQDPX(r io.ReaderAt, size int64, lim Limits) (*Notebook, error) {
	lim = lim.withDefaults()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "not a REFI-QDA project (.qdpx): not a zip file")
	}
	if len(zr.File) > maxEntries {
		return nil, dossier.Errorf(dossier.EINVALID, "the package holds %d files, more than %d", len(zr.File), maxEntries)
	}
	pk := &pkg{lim: lim, files: map[string]*zip.File{}}
	var total uint64
	for _, f := range zr.File {
		if err := checkEntry(f, lim); err != nil {
			return nil, err
		}
		total += f.UncompressedSize64
		if total > uint64(lim.MaxTotal) {
			return nil, dossier.Errorf(dossier.EINVALID, "the package unpacks to more than %d MiB: refused", lim.MaxTotal>>20)
		}
		key := strings.ToLower(f.Name)
		if _, dup := pk.files[key]; dup {
			return nil, dossier.Errorf(dossier.EINVALID, "the package holds %q twice", f.Name)
		}
		pk.files[key] = f
	}
	data, err := pk.read("project.qde")
	if err != nil {
		return nil, err
	}
	var p qdeProject
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return in, nil
		}
		return nil, fmt.Errorf("encoding %q is not UTF-8", label)
	}
	if err := dec.Decode(&p); err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "project.qde is not a well-formed REFI-QDA project: %s", xmlProblem(err))
	}
	if p.XMLName.Space != qdaNamespace {
		return nil, dossier.Errorf(dossier.EINVALID, "project.qde is not a REFI-QDA project (its root is %q in namespace %q)", p.XMLName.Local, p.XMLName.Space)
	}
	return pk.notebook(&p)
}

// checkEntry refuses an entry whose name could point outside a folder it
// were unpacked into, or whose size or compression ratio is hostile.
func checkEntry(f *zip.File, lim Limits) error {
	name := f.Name
	bad := name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") ||
		(len(name) > 1 && name[1] == ':') || !utf8.ValidString(name)
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			bad = true
		}
	}
	if bad {
		return dossier.Errorf(dossier.EINVALID, "the package holds an entry named %q, which points outside it: refused", name)
	}
	if f.UncompressedSize64 > uint64(lim.MaxEntry) {
		return dossier.Errorf(dossier.EINVALID, "%s is %d MiB unpacked, more than the %d MiB an entry may be: refused", name, f.UncompressedSize64>>20, lim.MaxEntry>>20)
	}
	if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64/max(f.CompressedSize64, 1) > uint64(lim.MaxRatio) {
		return dossier.Errorf(dossier.EINVALID, "%s unpacks to %d times its packed size, like a zip bomb: refused", name, f.UncompressedSize64/max(f.CompressedSize64, 1))
	}
	return nil
}

// xmlProblem describes an XML error without Go's prefixes.
func xmlProblem(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("line %d: %s", se.Line, se.Msg)
	}
	return err.Error()
}

type pkg struct {
	lim      Limits
	files    map[string]*zip.File
	unpacked int64
}

// read returns the entry name, reading no more than its stated size and the
// limits allow (a header may understate what a stream unpacks to).
func (pk *pkg) read(name string) ([]byte, error) {
	f := pk.files[strings.ToLower(name)]
	if f == nil {
		return nil, dossier.Errorf(dossier.EINVALID, "the package has no %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "%s cannot be unpacked", name)
	}
	defer rc.Close()
	limit := min(int64(f.UncompressedSize64), pk.lim.MaxEntry, pk.lim.MaxTotal-pk.unpacked)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "%s cannot be unpacked", name)
	}
	if int64(len(data)) > limit {
		return nil, dossier.Errorf(dossier.EINVALID, "%s unpacks to more than its stated size or the limits: refused", name)
	}
	pk.unpacked += int64(len(data))
	return data, nil
}

// text returns the text a source or note holds: its PlainTextContent, or
// the file its plainTextPath names inside the package. ok is false when it
// names a file outside the package or has only rich text.
func (pk *pkg) text(s *qdeTextSource, what string) (text string, ok bool, err error) {
	if s.PlainTextPath != "" {
		p, found := strings.CutPrefix(s.PlainTextPath, "internal://")
		if !found {
			return "", false, nil
		}
		if strings.Contains(p, "..") || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
			return "", false, dossier.Errorf(dossier.EINVALID, "%s names the file %q, which points outside the package: refused", what, s.PlainTextPath)
		}
		data, err := pk.read("sources/" + p)
		if err != nil {
			return "", false, err
		}
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(data) {
			return "", false, dossier.Errorf(dossier.EINVALID, "%s: its text (%s) is not UTF-8", what, s.PlainTextPath)
		}
		return string(data), true, nil
	}
	if s.Content != nil {
		return *s.Content, true, nil
	}
	return "", false, nil
}

// reader is the state of turning a project into a Notebook.
type reader struct {
	nb       *Notebook
	codes    map[string]string // code GUID -> tag path
	speakers map[string]string // code GUID -> speaker name (Dossier's own)
	notes    map[string]string // note GUID -> text
	sources  map[string]int    // source GUID -> index into nb.Articles
	skipped  map[string]bool   // GUIDs of sources not taken
	guids    map[string]string // every GUID defined -> what it is
}

func (pk *pkg) notebook(p *qdeProject) (*Notebook, error) {
	rd := &reader{nb: &Notebook{Name: p.Name}, codes: map[string]string{}, speakers: map[string]string{},
		notes: map[string]string{}, sources: map[string]int{}, skipped: map[string]bool{}, guids: map[string]string{}}
	nb := rd.nb
	if t, err := time.Parse(time.RFC3339, p.Created); err == nil {
		nb.Exported = t
	}
	if p.Users != nil {
		for _, u := range p.Users.User {
			if err := rd.define(u.GUID, "user"); err != nil {
				return nil, err
			}
			if u.GUID == p.CreatingUser {
				nb.User = u.Name
			}
		}
	}
	if p.CodeBook != nil {
		for _, c := range p.CodeBook.Codes.Code {
			if err := rd.code(c, "", 1); err != nil {
				return nil, err
			}
		}
	}
	vars := map[string]string{}
	if p.Variables != nil {
		for _, v := range p.Variables.Variable {
			if err := rd.define(v.GUID, "variable"); err != nil {
				return nil, err
			}
			vars[v.GUID] = v.Name
		}
	}
	if p.Notes != nil {
		for _, n := range p.Notes.Note {
			if err := rd.define(n.GUID, "note"); err != nil {
				return nil, err
			}
			text, ok, err := pk.text(n, fmt.Sprintf("note %q", n.Name))
			if err != nil {
				return nil, err
			}
			if ok {
				rd.notes[n.GUID] = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
			}
		}
	}
	if p.Sources != nil {
		for kind, list := range map[string][]qdeOtherSource{"PDF": p.Sources.PDF, "picture": p.Sources.Pic, "audio": p.Sources.Audio, "video": p.Sources.Video} {
			for _, s := range list {
				if err := rd.define(s.GUID, "source"); err != nil {
					return nil, err
				}
				rd.skipped[s.GUID] = true
				nb.Warnings = append(nb.Warnings, fmt.Sprintf("skipped the %s source %q: Dossier holds text only", kind, s.Name))
			}
		}
		for _, s := range p.Sources.Text {
			if err := rd.source(pk, s, vars); err != nil {
				return nil, err
			}
		}
	}
	if p.Sets != nil {
		for _, s := range p.Sets.Set {
			if err := rd.set(&s); err != nil {
				return nil, err
			}
		}
	}
	if err := nb.Validate(); err != nil {
		return nil, err
	}
	return nb, nil
}

// define records a GUID, refusing a malformed or repeated one.
func (rd *reader) define(guid, what string) error {
	g := normGUID(guid)
	if !isGUID(g) {
		return dossier.Errorf(dossier.EINVALID, "a %s has the GUID %q, which is not a GUID", what, clip(guid, 50))
	}
	if prev, dup := rd.guids[g]; dup {
		return dossier.Errorf(dossier.EINVALID, "the GUID %s names both a %s and a %s", guid, prev, what)
	}
	rd.guids[g] = what
	return nil
}

func normGUID(g string) string {
	return strings.ToUpper(strings.TrimSuffix(strings.TrimPrefix(g, "{"), "}"))
}

func isGUID(g string) bool {
	if len(g) != 36 {
		return false
	}
	for i, c := range g {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789ABCDEF", c) {
				return false
			}
		}
	}
	return true
}

// code turns a code and the codes under it into tags; Dossier's speakers
// code and the codes under it are speakers.
func (rd *reader) code(c *qdeCode, parent string, depth int) error {
	if depth > maxCodeDepth {
		return dossier.Errorf(dossier.EINVALID, "codes are nested more than %d deep: refused", maxCodeDepth)
	}
	if err := rd.define(c.GUID, "code"); err != nil {
		return err
	}
	if parent == "" && c.Description == speakersDescription {
		for _, s := range c.Code {
			if err := rd.define(s.GUID, "code"); err != nil {
				return err
			}
			rd.speakers[normGUID(s.GUID)] = s.Name
		}
		return nil
	}
	name := codeName(c.Name)
	if name != strings.TrimSpace(c.Name) {
		rd.nb.Warnings = append(rd.nb.Warnings, fmt.Sprintf("code %q is the tag %q: a tag's part holds no slash, double quote or control character", c.Name, name))
	}
	if name == "" {
		name = "code " + normGUID(c.GUID)[:8]
	}
	p := name
	if parent != "" {
		p = parent + "/" + name
	}
	tag, err := dossier.NormalizeTag(p)
	if err != nil {
		return dossier.Wrap(err, dossier.EINVALID, "code %q cannot be a tag: %s", clip(c.Name, 60), dossier.ErrorMessage(err))
	}
	for _, other := range rd.codes {
		if dossier.TagEqual(other, tag) {
			rd.nb.Warnings = append(rd.nb.Warnings, fmt.Sprintf("two codes are the tag %q: what they code is merged", tag))
			break
		}
	}
	rd.codes[normGUID(c.GUID)] = tag
	t := dossier.Tag{Path: tag, Description: strings.TrimSpace(c.Description)}
	if c.Color != "" {
		if t.Color, err = dossier.NormalizeColor(c.Color); err != nil {
			return dossier.Errorf(dossier.EINVALID, "code %q has the colour %q, which is not a colour", clip(c.Name, 60), c.Color)
		}
	}
	rd.nb.Tags = append(rd.nb.Tags, t)
	for _, child := range c.Code {
		if err := rd.code(child, tag, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// codeName makes a code's name one part of a tag path.
func codeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '/':
			return '-'
		case r == '"':
			return '\''
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func (rd *reader) codeTag(ref qdeRef, what string) (tag, speaker string, err error) {
	g := normGUID(ref.Target)
	if t, ok := rd.codes[g]; ok {
		return t, "", nil
	}
	if s, ok := rd.speakers[g]; ok {
		return "", s, nil
	}
	return "", "", dossier.Errorf(dossier.EINVALID, "%s is coded with %q, a code the project does not define: refused", what, ref.Target)
}

func (rd *reader) noteText(refs []qdeRef, what string) (string, error) {
	var parts []string
	for _, r := range refs {
		g := normGUID(r.Target)
		if rd.guids[g] != "note" {
			return "", dossier.Errorf(dossier.EINVALID, "%s refers to the note %q, which the project does not define: refused", what, r.Target)
		}
		if t := rd.notes[g]; t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n"), nil
}

func (rd *reader) source(pk *pkg, s *qdeTextSource, vars map[string]string) error {
	nb := rd.nb
	if err := rd.define(s.GUID, "source"); err != nil {
		return err
	}
	what := fmt.Sprintf("source %q", clip(s.Name, 60))
	raw, ok, err := pk.text(s, what)
	if err != nil {
		return err
	}
	if !ok {
		rd.skipped[normGUID(s.GUID)] = true
		nb.Warnings = append(nb.Warnings, fmt.Sprintf("skipped the source %q: it has no plain text in the package", s.Name))
		return nil
	}
	body, at := lfText(raw)
	n := len(at) - 1
	a := Article{Article: dossier.Article{ID: dossier.ArticleID(len(nb.Articles) + 1), Title: strings.TrimSpace(s.Name), Body: body}}
	if t, err := time.Parse(time.RFC3339, s.Created); err == nil {
		a.Imported = t.UTC()
	}
	var origin dossier.DateOrigin
	hasOrigin := false
	for _, v := range s.Values {
		name, ok := vars[normGUID(v.Ref.Target)]
		if !ok {
			return dossier.Errorf(dossier.EINVALID, "%s has a value of the variable %q, which the project does not define: refused", what, v.Ref.Target)
		}
		if v.Text == nil {
			continue
		}
		val := strings.TrimSpace(*v.Text)
		switch name {
		case "Outlet":
			a.Outlet = val
		case "URL":
			a.URL = val
		case "Author":
			a.Author = val
		case "Published":
			a.Published = parseDate(val)
		case "Date origin":
			origin, hasOrigin = dossier.ParseDateOrigin(val)
		case "Imported from":
			a.File = val
		}
	}
	if hasOrigin && !a.Published.IsZero() {
		a.Published.Origin = origin
	}
	if a.File == "" {
		a.File = "REFI-QDA source " + s.Name
	}
	for _, c := range s.Codings {
		tag, _, err := rd.codeTag(c.CodeRef, what)
		if err != nil {
			return err
		}
		if tag != "" {
			a.Tags = append(a.Tags, tag)
		}
	}
	if note, err := rd.noteText(s.NoteRefs, what); err != nil {
		return err
	} else if note != "" {
		nb.Warnings = append(nb.Warnings, fmt.Sprintf("skipped the memo of %s: Dossier keeps notes on passages", what))
	}
	for _, sel := range s.Selections {
		if err := rd.define(sel.GUID, "selection"); err != nil {
			return err
		}
		swhat := fmt.Sprintf("the selection %d-%d of %s", sel.Start, sel.End, what)
		if sel.Start < 0 || sel.End > int64(n) || sel.Start > sel.End {
			return dossier.Errorf(dossier.EINVALID, "%s lies outside its text (0-%d): refused", swhat, n)
		}
		start, end := at[sel.Start], at[sel.End]
		if start == end {
			nb.Warnings = append(nb.Warnings, fmt.Sprintf("skipped %s: it is empty", swhat))
			continue
		}
		q, isQuote, err := parseQuoteDescription(sel.Description)
		if err != nil {
			return dossier.Wrap(err, dossier.EINVALID, "%s: %s", swhat, dossier.ErrorMessage(err))
		}
		var tags []string
		for _, c := range sel.Codings {
			tag, speaker, err := rd.codeTag(c.CodeRef, swhat)
			if err != nil {
				return err
			}
			if tag != "" {
				tags = append(tags, tag)
			} else if !isQuote {
				tags = append(tags, "Speakers/"+codeName(speaker))
			}
		}
		note, err := rd.noteText(sel.NoteRefs, swhat)
		if err != nil {
			return err
		}
		if isQuote {
			for i, sp := range q.Spans {
				if sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
					return dossier.Errorf(dossier.EINVALID, "%s: a span %d-%d lies outside its text (0-%d): refused", swhat, sp.Start, sp.End, n)
				}
				q.Spans[i] = dossier.Span{Start: at[sp.Start], End: at[sp.End]}
			}
			if len(q.Spans) == 0 {
				q.Spans = []dossier.Span{{Start: start, End: end}}
			}
			q.Article = a.ID
			a.Quotes = append(a.Quotes, Quote{Quote: q, Tags: tags})
			continue
		}
		p := dossier.Passage{ID: dossier.PassageID(len(a.Passages) + 1), Article: a.ID, Start: start, End: end, Tags: tags, Note: note}
		if t, err := time.Parse(time.RFC3339, sel.Created); err == nil {
			p.Created = t.UTC()
		}
		if t, err := time.Parse(time.RFC3339, sel.Modified); err == nil {
			p.Modified = t.UTC()
		}
		a.Passages = append(a.Passages, p)
	}
	rd.sources[normGUID(s.GUID)] = len(nb.Articles)
	nb.Articles = append(nb.Articles, a)
	return nil
}

// lfText returns raw with "\n" line endings, and where each code point
// position of raw (0 to its length) is in the result.
func lfText(raw string) (string, []int) {
	at := make([]int, 0, len(raw)+1)
	if !strings.Contains(raw, "\r") {
		for i := range utf8.RuneCountInString(raw) + 1 {
			at = append(at, i)
		}
		return raw, at
	}
	var b strings.Builder
	b.Grow(len(raw))
	pos := 0
	prevCR := false
	for _, r := range raw {
		if r == '\n' && prevCR { // the "\n" of "\r\n": the "\r" stood for it
			at = append(at, pos)
			prevCR = false
			continue
		}
		at = append(at, pos)
		prevCR = r == '\r'
		if r == '\r' {
			r = '\n'
		}
		b.WriteRune(r)
		pos++
	}
	at = append(at, pos)
	return b.String(), at
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY.
func parseDate(s string) dossier.Date {
	for _, f := range []struct {
		layout string
		prec   dossier.Precision
	}{{"2006-01-02", dossier.PrecisionDay}, {"2006-01", dossier.PrecisionMonth}, {"2006", dossier.PrecisionYear}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			return dossier.Date{Time: t, Precision: f.prec, Origin: dossier.OriginMetadata}
		}
	}
	return dossier.Date{}
}

func (rd *reader) set(s *qdeSet) error {
	if err := rd.define(s.GUID, "set"); err != nil {
		return err
	}
	for _, r := range append(append([]qdeRef{}, s.MemberCode...), s.MemberNote...) {
		if _, ok := rd.guids[normGUID(r.Target)]; !ok {
			return dossier.Errorf(dossier.EINVALID, "the set %q has a member %q the project does not define: refused", s.Name, r.Target)
		}
	}
	if len(s.Source) == 0 {
		return nil
	}
	tag, err := dossier.NormalizeTag(strings.Join(strings.FieldsFunc(s.Name, func(r rune) bool { return r == '/' }), "/"))
	if err != nil {
		tag, err = dossier.NormalizeTag(codeName(s.Name))
		if err != nil {
			return dossier.Wrap(err, dossier.EINVALID, "the set %q cannot be a tag: %s", clip(s.Name, 60), dossier.ErrorMessage(err))
		}
	}
	for _, r := range s.Source {
		g := normGUID(r.Target)
		i, ok := rd.sources[g]
		if !ok {
			if rd.skipped[g] {
				continue
			}
			return dossier.Errorf(dossier.EINVALID, "the set %q has a member source %q the project does not define: refused", s.Name, r.Target)
		}
		rd.nb.Articles[i].Tags = append(rd.nb.Articles[i].Tags, tag)
	}
	return nil
}

// Package export writes a notebook's annotated notes in the formats the
// tools researchers already use, and reads two of them back:
//
//   - Markdown for Obsidian: a folder of notes, one an article, with YAML
//     front matter, or one report file (WriteMarkdown, WriteMarkdownReport);
//   - CSV: one row a passage, and a second file of quotes (WriteCSV);
//   - W3C Web Annotation JSON-LD, an AnnotationCollection (WriteJSONLD,
//     ReadJSONLD);
//   - a REFI-QDA project, .qdpx (WriteQDPX, ReadQDPX), which NVivo,
//     ATLAS.ti, MAXQDA and QualCoder exchange;
//   - one self-contained, printable HTML report (WriteHTML).
//
// Every writer takes a Notebook: the plain data an export holds, gathered by
// the caller (cmd/dossier reads it from the store, whole or what a query
// selects). The readers return the same Notebook, checked through (see
// Validate) before the caller writes any of it into a notebook, so an
// import is all or nothing.
//
// Offsets are runes (code points) into the article's normalised body, as
// everywhere in Dossier; the W3C and REFI-QDA positions are code points too,
// and the sources a .qdpx carries are UTF-8 with "\n" line endings, so the
// positions count the same in any tool that counts characters.
//
// IDs in the files (annotation IRIs, REFI-QDA GUIDs) are derived from the
// notebook's identity and the ID of what they name, so exporting the same
// notebook again gives the same IDs.
package export

import (
	"crypto/sha1"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"dossier"
)

// Notebook is what an export writes and an import returns.
type Notebook struct {
	ID       string    // the notebook's identity (a UUID): IDs in the files derive from it
	Name     string    // a title for reports and the REFI-QDA project
	User     string    // who exports: the REFI-QDA project's user
	Exported time.Time // when; zero means now
	Query    string    // the query that selected what is here, "" for everything
	Tags     []dossier.Tag
	Articles []Article

	// Warnings lists, after an import, what the file held that the import
	// does not take (a PDF source, an image) or took changed (a code name
	// with a slash), one line each.
	Warnings []string
}

// Article is an article with its annotations.
type Article struct {
	dossier.Article
	Tags     []string          // tags of the whole article
	Passages []dossier.Passage // in text order
	Quotes   []Quote           // in text order
}

// Quote is a quotation with the tags of the whole quotation.
type Quote struct {
	dossier.Quote
	Tags []string
}

// Options tune a writer.
type Options struct {
	// Progress, when set, is called after each article is written.
	Progress func(done, total int)
}

func (o *Options) progress(done, total int) {
	if o != nil && o.Progress != nil {
		o.Progress(done, total)
	}
}

// Limits bound what a reader accepts; the zero value takes the defaults.
type Limits struct {
	MaxEntry int64 // the largest file inside a .qdpx, uncompressed (default 256 MiB)
	MaxTotal int64 // all files inside a .qdpx together, uncompressed (default 1 GiB)
	MaxRatio int64 // the most an entry over 1 MiB may have shrunk when compressed (default 200)
}

func (l Limits) withDefaults() Limits {
	if l.MaxEntry <= 0 {
		l.MaxEntry = 256 << 20
	}
	if l.MaxTotal <= 0 {
		l.MaxTotal = 1 << 30
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = 200
	}
	return l
}

func (nb *Notebook) now() time.Time {
	if nb.Exported.IsZero() {
		return time.Now().UTC()
	}
	return nb.Exported.UTC()
}

func (nb *Notebook) name() string {
	if nb.Name != "" {
		return nb.Name
	}
	return "Dossier notebook"
}

// uuid returns a name-based UUID (version 5 layout, SHA-1) of kind and key
// within the notebook: the same notebook and key give the same UUID.
func (nb *Notebook) uuid(kind string, key any) string {
	h := sha1.Sum(fmt.Appendf(nil, "dossier\x00%s\x00%s\x00%v", nb.ID, kind, key))
	u := h[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// guid is uuid in the upper case REFI-QDA files use.
func (nb *Notebook) guid(kind string, key any) string {
	return strings.ToUpper(nb.uuid(kind, key))
}

// tag returns the notebook's record of path; a tag without a record or
// without a colour gets a colour of dossier.Palette picked by its path, the
// same every time.
func (nb *Notebook) tag(path string) dossier.Tag {
	t := dossier.Tag{Path: path}
	for _, r := range nb.Tags {
		if dossier.TagEqual(r.Path, path) {
			t = r
			break
		}
	}
	if t.Color == "" {
		h := fnv.New32a()
		h.Write([]byte(strings.ToLower(path)))
		t.Color = dossier.Palette[h.Sum32()%uint32(len(dossier.Palette))]
	}
	return t
}

// AllTags returns every tag the notebook uses or lists, with every tag
// above one, in path order ignoring case; each with its record.
func (nb *Notebook) AllTags() []dossier.Tag {
	seen := map[string]bool{}
	var out []dossier.Tag
	var add func(path string)
	add = func(path string) {
		k := strings.ToLower(path)
		if path == "" || seen[k] {
			return
		}
		seen[k] = true
		add(dossier.TagParent(path))
		t := nb.tag(path)
		t.Path = path
		out = append(out, t)
	}
	for _, t := range nb.Tags {
		add(t.Path)
	}
	for i := range nb.Articles {
		a := &nb.Articles[i]
		for _, t := range a.Tags {
			add(t)
		}
		for _, p := range a.Passages {
			for _, t := range p.Tags {
				add(t)
			}
		}
		for _, q := range a.Quotes {
			for _, t := range q.Tags {
				add(t)
			}
		}
	}
	slices.SortFunc(out, func(a, b dossier.Tag) int {
		return strings.Compare(strings.ToLower(a.Path), strings.ToLower(b.Path))
	})
	return out
}

// Validate checks everything a notebook would be given: every article has
// valid text, every passage and quote lies within its article's text (and
// its Text, when given, is what is there), every tag is a valid tag and
// every colour a colour. It fills in each passage's Text, Prefix, Suffix
// and BodyHash and each quote's Text from the body, and each article's
// Hash. The error is an invalid-input error that says which item is wrong.
func (nb *Notebook) Validate() error {
	for i := range nb.Tags {
		t := &nb.Tags[i]
		p, err := dossier.NormalizeTag(t.Path)
		if err != nil {
			return err
		}
		t.Path = p
		if t.Color != "" {
			if t.Color, err = dossier.NormalizeColor(t.Color); err != nil {
				return dossier.Wrap(err, dossier.EINVALID, "tag %q: colour %q is not a colour", p, t.Color)
			}
		}
	}
	for i := range nb.Articles {
		if err := nb.Articles[i].validate(); err != nil {
			return err
		}
	}
	return nil
}

func (a *Article) name() string {
	if a.Title != "" {
		return fmt.Sprintf("article %q", clip(a.Title, 60))
	}
	return fmt.Sprintf("article %d", a.ID)
}

func (a *Article) validate() error {
	if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
		return dossier.Errorf(dossier.EINVALID, "%s: the text is not valid UTF-8", a.name())
	}
	if strings.TrimSpace(a.Body) == "" {
		return dossier.Errorf(dossier.EINVALID, "%s has no text", a.name())
	}
	a.Hash = dossier.HashBody(a.Body)
	var err error
	if a.Tags, err = dossier.NormalizeTags(a.Tags); err != nil {
		return dossier.Wrap(err, dossier.EINVALID, "%s: %s", a.name(), dossier.ErrorMessage(err))
	}
	n := utf8.RuneCountInString(a.Body)
	for i := range a.Passages {
		p := &a.Passages[i]
		if p.Start < 0 || p.End > n || p.Start >= p.End {
			return dossier.Errorf(dossier.EINVALID, "%s: passage at %d-%d is outside its text (0-%d) or empty", a.name(), p.Start, p.End, n)
		}
		anchored, _ := dossier.Anchor(a.ID, a.Body, p.Start, p.End)
		if p.Text != "" && p.Text != anchored.Text {
			return dossier.Errorf(dossier.EINVALID, "%s: passage at %d-%d says its text is %q, but the article has %q there",
				a.name(), p.Start, p.End, clip(p.Text, 40), clip(anchored.Text, 40))
		}
		p.Article, p.Text, p.Prefix, p.Suffix, p.BodyHash = a.ID, anchored.Text, anchored.Prefix, anchored.Suffix, anchored.BodyHash
		if p.Tags, err = dossier.NormalizeTags(p.Tags); err != nil {
			return dossier.Wrap(err, dossier.EINVALID, "%s: passage at %d-%d: %s", a.name(), p.Start, p.End, dossier.ErrorMessage(err))
		}
		if !utf8.ValidString(p.Note) {
			return dossier.Errorf(dossier.EINVALID, "%s: the note of the passage at %d-%d is not valid UTF-8", a.name(), p.Start, p.End)
		}
	}
	rs := []rune(a.Body)
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if len(q.Spans) == 0 {
			return dossier.Errorf(dossier.EINVALID, "%s: a quote has no span", a.name())
		}
		last := 0
		for _, s := range q.Spans {
			if s.Start < last || s.End > n || s.Start >= s.End {
				return dossier.Errorf(dossier.EINVALID, "%s: quote span %d-%d is outside its text (0-%d), empty or out of order", a.name(), s.Start, s.End, n)
			}
			last = s.End
		}
		q.Article, q.Text = a.ID, spansText(rs, q.Spans)
		if q.Tags, err = dossier.NormalizeTags(q.Tags); err != nil {
			return dossier.Wrap(err, dossier.EINVALID, "%s: quote at %d: %s", a.name(), q.Start(), dossier.ErrorMessage(err))
		}
		if !utf8.ValidString(q.Speaker + q.Role + q.Mention) {
			return dossier.Errorf(dossier.EINVALID, "%s: the speaker of the quote at %d is not valid UTF-8", a.name(), q.Start())
		}
	}
	return nil
}

func spansText(rs []rune, spans []dossier.Span) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = string(rs[s.Start:s.End])
	}
	return strings.Join(parts, " ")
}

// Renormalize gives every article the body norm makes of it (the form the
// notebook stores) and places each passage and quote span again in the new
// text, by its text and context (dossier.Reanchor). It returns an
// invalid-input error naming the first that cannot be placed. Bodies that
// norm leaves as they are keep every offset.
func (nb *Notebook) Renormalize(norm func(string) string) error {
	for i := range nb.Articles {
		a := &nb.Articles[i]
		body := norm(a.Body)
		if body == a.Body {
			continue
		}
		for j := range a.Passages {
			p := &a.Passages[j]
			s, e, ok := dossier.Reanchor(*p, body)
			if !ok {
				return dossier.Errorf(dossier.EINVALID, "%s: passage %q cannot be placed in the article's normalised text", a.name(), clip(p.Text, 40))
			}
			p.Move(body, s, e)
		}
		for j := range a.Quotes {
			q := &a.Quotes[j]
			for k, sp := range q.Spans {
				p, err := dossier.Anchor(a.ID, a.Body, sp.Start, sp.End)
				if err != nil {
					return err
				}
				s, e, ok := dossier.Reanchor(p, body)
				if !ok {
					return dossier.Errorf(dossier.EINVALID, "%s: quote %q cannot be placed in the article's normalised text", a.name(), clip(p.Text, 40))
				}
				q.Spans[k] = dossier.Span{Start: s, End: e}
			}
			q.Text = spansText([]rune(body), q.Spans)
		}
		a.Body = body
		a.Hash = dossier.HashBody(body)
	}
	return nil
}

// speakersIn returns the speakers of the quotes that lie within p, in text
// order without repeats.
func (a *Article) speakersIn(p *dossier.Passage) []string {
	var out []string
	for _, q := range a.Quotes {
		if q.Speaker != "" && q.Start() >= p.Start && q.End() <= p.End && !slices.Contains(out, q.Speaker) {
			out = append(out, q.Speaker)
		}
	}
	return out
}

// clip shortens s to n runes on one line, with an ellipsis when cut.
func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"dossier"
)

// The W3C Web Annotation export: one AnnotationCollection whose first page
// embeds every annotation. A passage is an annotation whose target is a
// SpecificResource of its article with a TextQuoteSelector (exact, prefix,
// suffix) and a TextPositionSelector (code points); its tags are bodies
// with purpose "tagging", its note one with purpose "commenting". A
// quotation is an annotation with motivation "identifying": its speaker a
// body with purpose "identifying", the role one with purpose "describing",
// one target an interrupted quotation's part. The articles themselves
// (text and metadata) and the tags' colours ride along in the collection
// under "dossier:" terms, which ReadJSONLD needs to bring the notes back.

const (
	annoContext = "http://www.w3.org/ns/anno.jsonld"
	dossierNS   = "https://dossiernotes.org/ns/export#"
)

type ldCollection struct {
	Context  any         `json:"@context"`
	ID       string      `json:"id"`
	Type     string      `json:"type"`
	Label    string      `json:"label"`
	Total    int         `json:"total"`
	Created  string      `json:"created,omitempty"`
	Query    string      `json:"dossier:query,omitempty"`
	User     string      `json:"dossier:user,omitempty"`
	Tags     []ldTag     `json:"dossier:tags"`
	Articles []ldArticle `json:"dossier:articles"`
	First    ldPage      `json:"first"`
}

type ldTag struct {
	Path        string `json:"path"`
	Color       string `json:"color,omitempty"`
	Description string `json:"description,omitempty"`
}

type ldArticle struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Format    string   `json:"format"`
	Title     string   `json:"title,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	URL       string   `json:"url,omitempty"`
	Author    string   `json:"author,omitempty"`
	Published string   `json:"published,omitempty"`
	Origin    string   `json:"dateOrigin,omitempty"`
	File      string   `json:"file,omitempty"`
	Imported  string   `json:"imported,omitempty"`
	Tags      []string `json:"tags,omitempty"`
	Text      string   `json:"text"`
}

type ldPage struct {
	Type  string          `json:"type"`
	Items []*ldAnnotation `json:"items"`
}

type ldAnnotation struct {
	Context    any        `json:"@context,omitempty"`
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation,omitempty"`
	Created    string     `json:"created,omitempty"`
	Modified   string     `json:"modified,omitempty"`
	Body       []ldBody   `json:"body,omitempty"`
	Target     []ldTarget `json:"target"`
	Mention    string     `json:"dossier:mention,omitempty"`
	Partial    bool       `json:"dossier:partial,omitempty"`
}

type ldBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
	Color   string `json:"dossier:color,omitempty"`
}

type ldTarget struct {
	Type     string       `json:"type"`
	Source   string       `json:"source"`
	Selector []ldSelector `json:"selector"`
}

type ldSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

func ldTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// WriteJSONLD writes the notebook as one W3C Web Annotation
// AnnotationCollection (see the comment at the top of jsonld.go).
func WriteJSONLD(w io.Writer, nb *Notebook, opt *Options) error {
	c := &ldCollection{
		Context: []any{annoContext, map[string]string{"dossier": dossierNS}},
		ID:      "urn:uuid:" + nb.uuid("collection", nb.Query),
		Type:    "AnnotationCollection", Label: nb.name(), Created: ldTime(nb.now()),
		Query: nb.Query, User: nb.User, Tags: []ldTag{}, Articles: []ldArticle{},
		First: ldPage{Type: "AnnotationPage", Items: []*ldAnnotation{}},
	}
	for _, t := range nb.AllTags() {
		c.Tags = append(c.Tags, ldTag{Path: t.Path, Color: t.Color, Description: t.Description})
	}
	for i := range nb.Articles {
		a := &nb.Articles[i]
		src := "urn:uuid:" + nb.uuid("article", a.ID)
		la := ldArticle{ID: src, Type: "Text", Format: "text/plain", Title: a.Title, Outlet: a.Outlet, URL: a.URL, Author: a.Author,
			Published: a.Published.String(), File: a.File, Imported: ldTime(a.Imported), Tags: a.Tags, Text: a.Body}
		if !a.Published.IsZero() {
			la.Origin = a.Published.Origin.String()
		}
		c.Articles = append(c.Articles, la)
		rs := []rune(a.Body)
		for _, p := range a.Passages {
			an := &ldAnnotation{Context: annoContext, ID: "urn:uuid:" + nb.uuid("passage", p.ID), Type: "Annotation",
				Created: ldTime(p.Created), Modified: ldTime(p.Modified),
				Target: []ldTarget{textTarget(src, rs, p.Start, p.End)}}
			for _, t := range p.Tags {
				an.Body = append(an.Body, ldBody{Type: "TextualBody", Purpose: "tagging", Value: t, Color: nb.tag(t).Color})
			}
			if p.Note != "" {
				an.Body = append(an.Body, ldBody{Type: "TextualBody", Purpose: "commenting", Value: p.Note, Format: "text/plain"})
			}
			switch {
			case p.Note != "":
				an.Motivation = "commenting"
			case len(p.Tags) > 0:
				an.Motivation = "tagging"
			default:
				an.Motivation = "highlighting"
			}
			c.First.Items = append(c.First.Items, an)
		}
		for _, q := range a.Quotes {
			an := &ldAnnotation{Context: annoContext, ID: "urn:uuid:" + nb.uuid("quote", q.ID), Type: "Annotation",
				Motivation: "identifying", Mention: q.Mention, Partial: q.Partial}
			if q.Speaker != "" {
				an.Body = append(an.Body, ldBody{Type: "TextualBody", Purpose: "identifying", Value: q.Speaker})
			}
			if q.Role != "" {
				an.Body = append(an.Body, ldBody{Type: "TextualBody", Purpose: "describing", Value: q.Role})
			}
			for _, t := range q.Tags {
				an.Body = append(an.Body, ldBody{Type: "TextualBody", Purpose: "tagging", Value: t, Color: nb.tag(t).Color})
			}
			for _, s := range q.Spans {
				an.Target = append(an.Target, textTarget(src, rs, s.Start, s.End))
			}
			c.First.Items = append(c.First.Items, an)
		}
		opt.progress(i+1, len(nb.Articles))
	}
	c.Total = len(c.First.Items)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return writeError(enc.Encode(c))
}

func textTarget(src string, rs []rune, start, end int) ldTarget {
	s, e := start, end
	return ldTarget{Type: "SpecificResource", Source: src, Selector: []ldSelector{
		{Type: "TextQuoteSelector", Exact: string(rs[start:end]),
			Prefix: string(rs[max(0, start-dossier.ContextRunes):start]), Suffix: string(rs[end:min(len(rs), end+dossier.ContextRunes)])},
		{Type: "TextPositionSelector", Start: &s, End: &e},
	}}
}

// ReadJSONLD reads what WriteJSONLD wrote: the articles, tags with their
// colours, passages with their tags and notes, quotations with their
// speakers. A target's TextPositionSelector places it when the text there
// is its TextQuoteSelector's exact text; otherwise the quote is looked for
// (near the position, by its prefix and suffix). It refuses, with an
// invalid-input error, a file that is not such a collection, an annotation
// whose source the collection does not carry, and a target that cannot be
// placed in its text. Nothing it returns has been written anywhere.
func ReadJSONLD(r io.Reader) (*Notebook, error) {
	var c ldCollection
	dec := json.NewDecoder(r)
	if err := dec.Decode(&c); err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "not a Web Annotation collection: %s", jsonProblem(err))
	}
	if c.Type != "AnnotationCollection" {
		return nil, dossier.Errorf(dossier.EINVALID, "not a Web Annotation collection (its type is %q)", c.Type)
	}
	nb := &Notebook{Name: c.Label, Query: c.Query, User: c.User}
	if t, err := time.Parse(time.RFC3339, c.Created); err == nil {
		nb.Exported = t
	}
	for _, t := range c.Tags {
		nb.Tags = append(nb.Tags, dossier.Tag{Path: t.Path, Color: t.Color, Description: t.Description})
	}
	bySource := map[string]int{}
	for i, la := range c.Articles {
		if _, dup := bySource[la.ID]; dup || la.ID == "" {
			return nil, dossier.Errorf(dossier.EINVALID, "the collection carries the article %q twice, or one without an id", la.ID)
		}
		bySource[la.ID] = i
		a := Article{Article: dossier.Article{ID: dossier.ArticleID(i + 1), Title: la.Title, Outlet: la.Outlet, URL: la.URL,
			Author: la.Author, File: la.File, Body: la.Text}, Tags: la.Tags}
		if la.Published != "" {
			a.Published = parseDate(la.Published)
			if a.Published.IsZero() {
				return nil, dossier.Errorf(dossier.EINVALID, "article %q: %q is not a date like 2021-12-03", clip(la.Title, 60), la.Published)
			}
			if o, ok := dossier.ParseDateOrigin(la.Origin); ok {
				a.Published.Origin = o
			}
		}
		if t, err := time.Parse(time.RFC3339, la.Imported); err == nil {
			a.Imported = t.UTC()
		}
		if a.File == "" {
			a.File = "Web Annotation " + la.ID
		}
		nb.Articles = append(nb.Articles, a)
	}
	for _, an := range c.First.Items {
		if len(an.Target) == 0 {
			return nil, dossier.Errorf(dossier.EINVALID, "annotation %s has no target", an.ID)
		}
		i, ok := bySource[an.Target[0].Source]
		if !ok {
			return nil, dossier.Errorf(dossier.EINVALID, "annotation %s targets %q, whose text the collection does not carry", an.ID, an.Target[0].Source)
		}
		a := &nb.Articles[i]
		rs := []rune(a.Body)
		var spans []dossier.Span
		for _, t := range an.Target {
			if t.Source != an.Target[0].Source {
				return nil, dossier.Errorf(dossier.EINVALID, "annotation %s targets two articles", an.ID)
			}
			s, e, err := placeTarget(rs, a.Body, &t)
			if err != nil {
				return nil, dossier.Wrap(err, dossier.EINVALID, "annotation %s on %s: %s", an.ID, a.name(), dossier.ErrorMessage(err))
			}
			spans = append(spans, dossier.Span{Start: s, End: e})
		}
		var tags []string
		var note, speaker, role []string
		for _, b := range an.Body {
			switch b.Purpose {
			case "tagging":
				tags = append(tags, b.Value)
			case "commenting":
				note = append(note, b.Value)
			case "identifying":
				speaker = append(speaker, b.Value)
			case "describing":
				role = append(role, b.Value)
			}
		}
		if an.Motivation == "identifying" {
			q := dossier.Quote{Article: a.ID, Spans: spans, Speaker: strings.Join(speaker, "; "), Role: strings.Join(role, "; "),
				Mention: an.Mention, Partial: an.Partial}
			a.Quotes = append(a.Quotes, Quote{Quote: q, Tags: tags})
			continue
		}
		if len(spans) != 1 {
			return nil, dossier.Errorf(dossier.EINVALID, "annotation %s has %d targets; a passage has one", an.ID, len(spans))
		}
		p := dossier.Passage{ID: dossier.PassageID(len(a.Passages) + 1), Article: a.ID, Start: spans[0].Start, End: spans[0].End,
			Tags: tags, Note: strings.Join(note, "\n\n")}
		if t, err := time.Parse(time.RFC3339, an.Created); err == nil {
			p.Created = t.UTC()
		}
		if t, err := time.Parse(time.RFC3339, an.Modified); err == nil {
			p.Modified = t.UTC()
		}
		a.Passages = append(a.Passages, p)
	}
	if err := nb.Validate(); err != nil {
		return nil, err
	}
	return nb, nil
}

// placeTarget finds the span a target selects in a text.
func placeTarget(rs []rune, body string, t *ldTarget) (int, int, error) {
	var quote *ldSelector
	start, end := -1, -1
	for i := range t.Selector {
		s := &t.Selector[i]
		switch s.Type {
		case "TextQuoteSelector":
			quote = s
		case "TextPositionSelector":
			if s.Start == nil || s.End == nil {
				return 0, 0, dossier.Errorf(dossier.EINVALID, "a TextPositionSelector lacks its start or end")
			}
			start, end = *s.Start, *s.End
		}
	}
	if start >= 0 && (start >= end || end > len(rs)) {
		return 0, 0, dossier.Errorf(dossier.EINVALID, "the position %d-%d is outside the text (0-%d) or empty", start, end, len(rs))
	}
	if quote == nil {
		if start < 0 {
			return 0, 0, dossier.Errorf(dossier.EINVALID, "no TextQuoteSelector or TextPositionSelector")
		}
		return start, end, nil
	}
	if start >= 0 && string(rs[start:end]) == quote.Exact {
		return start, end, nil
	}
	p := dossier.Passage{Start: max(start, 0), End: max(end, 0), Text: quote.Exact, Prefix: quote.Prefix, Suffix: quote.Suffix}
	s, e, ok := dossier.Reanchor(p, body)
	if !ok || string(rs[s:e]) != quote.Exact {
		return 0, 0, dossier.Errorf(dossier.EINVALID, "the text %q is not in the article", clip(quote.Exact, 40))
	}
	return s, e, nil
}

func jsonProblem(err error) string {
	switch e := err.(type) {
	case *json.SyntaxError:
		return fmt.Sprintf("bad JSON at byte %d: %s", e.Offset, e.Error())
	case *json.UnmarshalTypeError:
		return fmt.Sprintf("%q should be %s, not %s", e.Field, e.Type, e.Value)
	}
	return err.Error()
}

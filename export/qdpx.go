package export

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"dossier"
)

// The REFI-QDA project (urn:QDA-XML:project:1.0): the elements Dossier
// writes and reads, in the order Project.xsd wants them. One set of types
// serves both ways; elements it does not know are skipped when reading.

const qdaNamespace = "urn:QDA-XML:project:1.0"

type qdeProject struct {
	XMLName       xml.Name      `xml:"urn:QDA-XML:project:1.0 Project"`
	Name          string        `xml:"name,attr"`
	Origin        string        `xml:"origin,attr,omitempty"`
	CreatingUser  string        `xml:"creatingUserGUID,attr,omitempty"`
	Created       string        `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser string        `xml:"modifyingUserGUID,attr,omitempty"`
	Modified      string        `xml:"modifiedDateTime,attr,omitempty"`
	Users         *qdeUsers     `xml:"Users"`
	CodeBook      *qdeCodeBook  `xml:"CodeBook"`
	Variables     *qdeVariables `xml:"Variables"`
	Sources       *qdeSources   `xml:"Sources"`
	Notes         *qdeNotes     `xml:"Notes"`
	Sets          *qdeSets      `xml:"Sets"`
	Description   string        `xml:"Description,omitempty"`
}

type qdeUsers struct {
	User []qdeUser `xml:"User"`
}

type qdeUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
}

type qdeCodeBook struct {
	Codes qdeCodes `xml:"Codes"`
}

type qdeCodes struct {
	Code []*qdeCode `xml:"Code"`
}

type qdeCode struct {
	GUID        string     `xml:"guid,attr"`
	Name        string     `xml:"name,attr"`
	IsCodable   bool       `xml:"isCodable,attr"`
	Color       string     `xml:"color,attr,omitempty"`
	Description string     `xml:"Description,omitempty"`
	Code        []*qdeCode `xml:"Code"`
}

type qdeVariables struct {
	Variable []qdeVariable `xml:"Variable"`
}

type qdeVariable struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
	Type string `xml:"typeOfVariable,attr"`
}

type qdeSources struct {
	Text  []*qdeTextSource `xml:"TextSource"`
	PDF   []qdeOtherSource `xml:"PDFSource"`
	Pic   []qdeOtherSource `xml:"PictureSource"`
	Audio []qdeOtherSource `xml:"AudioSource"`
	Video []qdeOtherSource `xml:"VideoSource"`
}

type qdeOtherSource struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
}

// qdeTextSource is a TextSource, and a Note (the same type in the schema).
type qdeTextSource struct {
	GUID          string             `xml:"guid,attr"`
	Name          string             `xml:"name,attr,omitempty"`
	RichTextPath  string             `xml:"richTextPath,attr,omitempty"`
	PlainTextPath string             `xml:"plainTextPath,attr,omitempty"`
	CreatingUser  string             `xml:"creatingUser,attr,omitempty"`
	Created       string             `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser string             `xml:"modifyingUser,attr,omitempty"`
	Modified      string             `xml:"modifiedDateTime,attr,omitempty"`
	Description   string             `xml:"Description,omitempty"`
	Content       *string            `xml:"PlainTextContent"`
	Selections    []*qdeSelection    `xml:"PlainTextSelection"`
	Codings       []qdeCoding        `xml:"Coding"`
	NoteRefs      []qdeRef           `xml:"NoteRef"`
	Values        []qdeVariableValue `xml:"VariableValue"`
}

type qdeSelection struct {
	GUID          string      `xml:"guid,attr"`
	Name          string      `xml:"name,attr,omitempty"`
	Start         int64       `xml:"startPosition,attr"`
	End           int64       `xml:"endPosition,attr"`
	CreatingUser  string      `xml:"creatingUser,attr,omitempty"`
	Created       string      `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser string      `xml:"modifyingUser,attr,omitempty"`
	Modified      string      `xml:"modifiedDateTime,attr,omitempty"`
	Description   string      `xml:"Description,omitempty"`
	Codings       []qdeCoding `xml:"Coding"`
	NoteRefs      []qdeRef    `xml:"NoteRef"`
}

type qdeCoding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr,omitempty"`
	Created      string `xml:"creationDateTime,attr,omitempty"`
	CodeRef      qdeRef `xml:"CodeRef"`
}

type qdeRef struct {
	Target string `xml:"targetGUID,attr"`
}

type qdeVariableValue struct {
	Ref  qdeRef  `xml:"VariableRef"`
	Text *string `xml:"TextValue"`
}

type qdeNotes struct {
	Note []*qdeTextSource `xml:"Note"`
}

type qdeSets struct {
	Set []qdeSet `xml:"Set"`
}

type qdeSet struct {
	GUID        string   `xml:"guid,attr"`
	Name        string   `xml:"name,attr"`
	Description string   `xml:"Description,omitempty"`
	MemberCode  []qdeRef `xml:"MemberCode"`
	Source      []qdeRef `xml:"MemberSource"`
	MemberNote  []qdeRef `xml:"MemberNote"`
}

// Origin is what Dossier writes as a REFI-QDA project's origin; ReadQDPX
// knows its own files by it.
const Origin = "Dossier"

// speakersDescription marks the code above the speakers of quotations.
const speakersDescription = "Who is quoted (Dossier): each quotation is coded with its speaker's name."

// quoteMarker starts the description of a selection that is a quotation.
const quoteMarker = "Dossier quotation"

// The variables that carry an article's metadata, by name.
var qdaVariables = []string{"Outlet", "URL", "Author", "Published", "Date origin", "Imported from"}

func qdaTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// WriteQDPX writes the notebook as a REFI-QDA project package: a zip with
// project.qde and each article's text as sources/GUID.txt (UTF-8, "\n"
// line endings, no byte-order mark). Tags are codes, nested by their path,
// with their colours and descriptions; passages are PlainTextSelections
// whose positions count code points, coded with their tags and with their
// notes as Notes; an article's own tags are Sets of sources; quotations are
// selections coded under "Speakers (quotations)" with the speaker's name,
// whose description says "Dossier quotation" and the speaker, role and
// spans; outlet, URL, author and date are variables of each source.
func WriteQDPX(w io.Writer, nb *Notebook, opt *Options) error {
	now := qdaTime(nb.now())
	user := nb.guid("user", nb.User)
	userName := nb.User
	if userName == "" {
		userName = "Dossier"
	}
	p := &qdeProject{Name: nb.name(), Origin: Origin, CreatingUser: user, Created: now, ModifyingUser: user, Modified: now,
		Users: &qdeUsers{User: []qdeUser{{GUID: user, Name: userName}}}}
	if nb.Query != "" {
		p.Description = "The notes that match the query: " + nb.Query
	}

	// The code book: the tags as a tree, then the speakers.
	tags := nb.AllTags()
	codes := map[string]*qdeCode{}
	var roots []*qdeCode
	for _, t := range tags {
		c := &qdeCode{GUID: nb.guid("tag", strings.ToLower(t.Path)), Name: t.Path[strings.LastIndexByte(t.Path, '/')+1:],
			IsCodable: true, Color: t.Color, Description: t.Description}
		codes[strings.ToLower(t.Path)] = c
		if parent := codes[strings.ToLower(dossier.TagParent(t.Path))]; parent != nil {
			parent.Code = append(parent.Code, c)
		} else {
			roots = append(roots, c)
		}
	}
	speakers := &qdeCode{GUID: nb.guid("speakers", ""), Name: "Speakers (quotations)", IsCodable: false, Description: speakersDescription}
	seenSpeaker := map[string]bool{}
	for _, a := range nb.Articles {
		for _, q := range a.Quotes {
			if q.Speaker != "" && !seenSpeaker[q.Speaker] {
				seenSpeaker[q.Speaker] = true
				speakers.Code = append(speakers.Code, &qdeCode{GUID: nb.guid("speaker", q.Speaker), Name: q.Speaker, IsCodable: true})
			}
		}
	}
	if len(speakers.Code) > 0 {
		roots = append(roots, speakers)
	}
	if len(roots) > 0 {
		p.CodeBook = &qdeCodeBook{Codes: qdeCodes{Code: roots}}
	}
	p.Variables = &qdeVariables{}
	for _, v := range qdaVariables {
		p.Variables.Variable = append(p.Variables.Variable, qdeVariable{GUID: nb.guid("variable", v), Name: v, Type: "Text"})
	}

	zw := zip.NewWriter(w)
	p.Sources = &qdeSources{}
	notes := &qdeNotes{}
	sets := map[string]*qdeSet{}
	var setOrder []string
	for i := range nb.Articles {
		a := &nb.Articles[i]
		src := nb.qdaSource(a, user, notes)
		p.Sources.Text = append(p.Sources.Text, src)
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "sources/" + strings.TrimPrefix(src.PlainTextPath, "internal://"), Method: zip.Deflate, Modified: a.Imported})
		if err != nil {
			return writeError(err)
		}
		if _, err := io.WriteString(f, a.Body); err != nil {
			return writeError(err)
		}
		for _, t := range a.Tags {
			k := strings.ToLower(t)
			s := sets[k]
			if s == nil {
				s = &qdeSet{GUID: nb.guid("set", k), Name: t, Description: "Articles tagged " + t}
				sets[k] = s
				setOrder = append(setOrder, k)
			}
			s.Source = append(s.Source, qdeRef{src.GUID})
		}
		opt.progress(i+1, len(nb.Articles))
	}
	if len(p.Sources.Text) == 0 {
		p.Sources = nil
	}
	if len(notes.Note) > 0 {
		p.Notes = notes
	}
	if len(setOrder) > 0 {
		p.Sets = &qdeSets{}
		for _, k := range setOrder {
			p.Sets.Set = append(p.Sets.Set, *sets[k])
		}
	}
	f, err := zw.Create("project.qde")
	if err != nil {
		return writeError(err)
	}
	if _, err := io.WriteString(f, xml.Header); err != nil {
		return writeError(err)
	}
	enc := xml.NewEncoder(f)
	enc.Indent("", " ")
	if err := enc.Encode(p); err != nil {
		return writeError(err)
	}
	return writeError(zw.Close())
}

func writeError(err error) error {
	return dossier.Wrap(err, dossier.EINTERNAL, "cannot write the export")
}

func (nb *Notebook) qdaSource(a *Article, user string, notes *qdeNotes) *qdeTextSource {
	guid := nb.guid("article", a.ID)
	created := qdaTime(a.Imported)
	src := &qdeTextSource{GUID: guid, Name: a.Title, PlainTextPath: "internal://" + guid + ".txt",
		CreatingUser: user, Created: created, ModifyingUser: user, Modified: created}
	if src.Name == "" {
		src.Name = fmt.Sprintf("Article %d", a.ID)
	}
	for _, p := range a.Passages {
		sel := &qdeSelection{GUID: nb.guid("passage", p.ID), Name: clip(p.Text, 60), Start: int64(p.Start), End: int64(p.End),
			CreatingUser: user, Created: qdaTime(p.Created), ModifyingUser: user, Modified: qdaTime(p.Modified)}
		for _, t := range p.Tags {
			sel.Codings = append(sel.Codings, qdeCoding{GUID: nb.guid("coding", fmt.Sprintf("%d/%s", p.ID, strings.ToLower(t))),
				CreatingUser: user, Created: sel.Created, CodeRef: qdeRef{nb.guid("tag", strings.ToLower(t))}})
		}
		if p.Note != "" {
			note := p.Note
			n := &qdeTextSource{GUID: nb.guid("note", p.ID), Name: "Note on " + clip(p.Text, 40), CreatingUser: user,
				Created: sel.Modified, Content: &note}
			notes.Note = append(notes.Note, n)
			sel.NoteRefs = append(sel.NoteRefs, qdeRef{n.GUID})
		}
		src.Selections = append(src.Selections, sel)
	}
	for _, q := range a.Quotes {
		sel := &qdeSelection{GUID: nb.guid("quote", q.ID), Name: clip(q.Text, 60), Start: int64(q.Start()), End: int64(q.End()),
			CreatingUser: user, Created: created, Description: quoteDescription(&q.Quote)}
		if q.Speaker != "" {
			sel.Codings = append(sel.Codings, qdeCoding{GUID: nb.guid("quote-coding", q.ID), CreatingUser: user, Created: created,
				CodeRef: qdeRef{nb.guid("speaker", q.Speaker)}})
		}
		for _, t := range q.Tags {
			sel.Codings = append(sel.Codings, qdeCoding{GUID: nb.guid("coding", fmt.Sprintf("q%d/%s", q.ID, strings.ToLower(t))),
				CreatingUser: user, Created: created, CodeRef: qdeRef{nb.guid("tag", strings.ToLower(t))}})
		}
		src.Selections = append(src.Selections, sel)
	}
	vals := []string{a.Outlet, a.URL, a.Author, a.Published.String(), "", a.File}
	if !a.Published.IsZero() {
		vals[4] = a.Published.Origin.String()
	}
	for i, v := range vals {
		if v != "" {
			v := v
			src.Values = append(src.Values, qdeVariableValue{Ref: qdeRef{nb.guid("variable", qdaVariables[i])}, Text: &v})
		}
	}
	return src
}

// quoteDescription says, one "key: value" a line, what a quotation's
// selection stands for.
func quoteDescription(q *dossier.Quote) string {
	var b strings.Builder
	b.WriteString(quoteMarker)
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "\n%s: %s", k, strings.Join(strings.Fields(v), " "))
		}
	}
	line("speaker", q.Speaker)
	line("role", q.Role)
	line("mention", q.Mention)
	spans := make([]string, len(q.Spans))
	for i, s := range q.Spans {
		spans[i] = fmt.Sprintf("%d-%d", s.Start, s.End)
	}
	line("spans", strings.Join(spans, " "))
	if q.Partial {
		line("partial", "yes")
	}
	return b.String()
}

// parseQuoteDescription reads what quoteDescription wrote; ok is false for
// any other description.
func parseQuoteDescription(s string) (q dossier.Quote, ok bool, err error) {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if strings.TrimSpace(lines[0]) != quoteMarker {
		return q, false, nil
	}
	for _, l := range lines[1:] {
		k, v, _ := strings.Cut(l, ":")
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "speaker":
			q.Speaker = v
		case "role":
			q.Role = v
		case "mention":
			q.Mention = v
		case "partial":
			q.Partial = v == "yes"
		case "spans":
			for _, f := range strings.Fields(v) {
				var sp dossier.Span
				if _, err := fmt.Sscanf(f, "%d-%d", &sp.Start, &sp.End); err != nil {
					return q, true, dossier.Errorf(dossier.EINVALID, "a quotation's spans %q are not start-end pairs", v)
				}
				q.Spans = append(q.Spans, sp)
			}
		}
	}
	return q, true, nil
}

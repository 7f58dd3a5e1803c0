package dossier

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed and compiled filter, the one query language of the
// CLI's --query and the GUI's filter bar. It matches articles, passages,
// quotes and figures alike, each described by a Record. A Query is
// immutable and safe for concurrent use; the zero Query and a nil *Query
// match everything.
//
// The language, loosely (see ParseQuery for the grammar):
//
//	tag:actor/russia            a tag, or any tag under it (actor/russia/mod)
//	speaker:"Ned Price"         someone quoted; speaker, outlet, author, url
//	outlet:reuters              and file match a part of the value
//	title:kyiv text:troops note:check
//	date:2021-11..2022-02       a range, inclusive; each side YYYY, YYYY-MM or
//	date:2021-12.. date:..2022-01  YYYY-MM-DD; a side may be left open
//	date:>=2021-12-01           also >, <, <=, =; date:2021-12 is the month
//	has:note has:tag has:quote has:figure has:speaker has:date
//	is:orphan is:partial is:inferred is:undated
//	article:42                  the article with ID 42, or what belongs to it
//	troops "Ned Price"          words and phrases in the record's text
//	a b, a AND b, a OR b, NOT a, -a, (a OR b) -c
//
// Terms side by side must all match (AND). NOT and "-" bind tightest, then
// AND, then OR. The keywords AND, OR and NOT are upper case only: "and",
// "or" and "not" are words to search for, like any other.
type Query struct {
	root *qnode // nil: everything
}

// Record is what a Query is matched against: the fields of an article, a
// passage, a quote or a figure, filled in by the caller. A field a record
// does not have stays empty, and a term on an empty field does not match
// (so speaker:x never matches an article without quotes, and -speaker:x
// does). A caller matching many records fills one Record again and again:
// Match does not allocate.
//
// What each kind usually has:
//
//	article: Article, Title, Outlet, Author, URL, File, Date, Tags (of its
//	         passages), Speakers (of its quotes), Text (the body, when the
//	         query needs it: see Uses), FlagQuotes, FlagFigures
//	passage: Article, Title (its article's), Text, Note, Tags, Speakers (of
//	         the quotes inside it), Outlet, Date (its article's), FlagOrphan
//	quote:   see QuoteRecord
//	figure:  see FigureRecord
type Record struct {
	Article  ArticleID // the article the record is, or belongs to; 0 for none
	Title    string
	Text     string // the record's own text: a body, a passage, a quotation, a figure's sentence
	Note     string // a passage's note
	Outlet   string
	Author   string
	URL      string
	File     string
	Tags     []string // full tag paths, "actor/russia/mod"
	Speakers []string // resolved names of who is quoted, or a figure's claimant
	Date     Date
	Flags    RecordFlags
}

// RecordFlags are what a Record is or has that its other fields cannot tell.
type RecordFlags uint8

const (
	FlagOrphan  RecordFlags = 1 << iota // a passage whose text is no longer found in its article
	FlagPartial                         // a partial or scare quote
	FlagQuotes                          // an article or passage that contains quotations
	FlagFigures                         // an article or passage that contains reported figures
)

// ArticleRecord returns the fields of an article's metadata. Tags, Speakers,
// Text and Flags are for the caller, who knows them.
func ArticleRecord(m *ArticleMeta) Record {
	return Record{
		Article: m.ID, Title: m.Title, Outlet: m.Outlet, Author: m.Author,
		URL: m.URL, File: m.File, Date: m.Published,
	}
}

// QuoteRecord returns the fields of a quote: its text, its resolved speaker
// (the mention as written is not a speaker: "he" is no one) and whether it is
// partial. Title, Outlet and Date of its article are for the caller.
func QuoteRecord(q *Quote) Record {
	r := Record{Article: q.Article, Text: q.Text}
	if q.Speaker != "" {
		r.Speakers = []string{q.Speaker}
	}
	if q.Partial {
		r.Flags |= FlagPartial
	}
	return r
}

// FigureRecord returns the fields of a reported figure: its sentence as
// text, its claimant as speaker, and its article's date.
func FigureRecord(f *Figure) Record {
	r := Record{Article: f.Article, Text: f.Sentence, Date: f.Date}
	if f.Claimant != "" {
		r.Speakers = []string{f.Claimant}
	}
	return r
}

// QueryError is a mistake in a query. Pos is where it is, in runes from the
// start of the query: the token at fault, or the end of the query for a
// missing ")". Error gives Msg, the column (Pos+1) and Hint in one line.
//
// ParseQuery returns a *QueryError; it also answers errors.As for an
// *Error with code EINVALID and the message "query: " + Error(), so
// ErrorCode and ErrorMessage treat it like every other user mistake.
type QueryError struct {
	Pos  int
	Msg  string // what is wrong: `unknown field "tga"`
	Hint string // what is right, or ""
}

func (e *QueryError) Error() string {
	s := e.Msg + " at column " + strconv.Itoa(e.Pos+1)
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// As lets errors.As find an *Error (code EINVALID) in a *QueryError.
func (e *QueryError) As(target any) bool {
	if p, ok := target.(**Error); ok {
		*p = &Error{Code: EINVALID, Message: "query: " + e.Error()}
		return true
	}
	return false
}

// Caret returns the line of query that holds the mistake and, under it, a
// caret that points at it, for a terminal:
//
//	tga:russia date:2021
//	^
func (e *QueryError) Caret(query string) string {
	var line, pad strings.Builder
	pos := 0
	for _, r := range query {
		if r == '\n' || r == '\r' {
			if pos >= e.Pos {
				break
			}
			line.Reset()
			pad.Reset()
			pos++
			continue
		}
		line.WriteRune(r)
		if pos < e.Pos {
			if r == '\t' {
				pad.WriteByte('\t')
			} else {
				pad.WriteByte(' ')
			}
		}
		pos++
	}
	return line.String() + "\n" + pad.String() + "^"
}

// ParseQuery parses and compiles a query. An empty query (or one of only
// spaces) matches everything. A mistake is a *QueryError that says where it
// is; an unknown field is a mistake, never text.
//
// The grammar, in EBNF; tokens are separated by white space, and a word runs
// to the next space, parenthesis or double quote:
//
//	query   = [ or ] .
//	or      = and { "OR" and } .
//	and     = unary { [ "AND" ] unary } .
//	unary   = ( "NOT" | "-" ) unary | primary .
//	primary = "(" or ")" | field ":" value | word | phrase .
//	value   = word | phrase .
//	phrase  = `"` { char | `\"` | `\\` } `"` .
//	field   = "tag" | "speaker" | "outlet" | "author" | "title" | "text" | "note"
//	        | "date" | "has" | "is" | "article" | "url" | "file" .
//
// A word whose part before its first colon is letters is a field term; so a
// word such as http://x must be quoted to be text, while 10:30 is text. A
// "-" excludes only when it starts a term (so-called is one word). Field
// names may be in any case; values of has:, is: and dates are checked.
//
// How terms match (every comparison ignores case; text comparisons also
// ignore common Latin diacritics (U+00C0 to U+017F, and combining marks),
// so kyiv finds "Kyïv" and resume finds "résumé"; typographic apostrophes
// and dashes equal the ASCII ones, and ё equals е):
//
//   - a word matches where a word of the text starts with it: troop finds
//     "troops", ukrain finds "Ukrainian", war does not find "software". Words
//     look in Title, Text and Note; title:, text: and note: in one of them.
//   - a phrase matches whole words in a row, across any white space: "war"
//     finds "war" and "war's" but not "warning".
//   - tag: matches a tag equal to the value or under it: tag:actor/russia
//     finds actor/russia and actor/russia/mod, not actor/russian.
//   - speaker:, outlet:, author:, url: and file: match any part of the value
//     (speaker:price finds "Ned Price"); see WithSpeakerCanon for aliases.
//   - date: matches when the record's date, taken as the span its precision
//     covers (a day, a month, a year), overlaps the query's span: an article
//     dated 2021-12 matches date:2021-12-15 and date:>2021-12-20 alike. An
//     undated record matches no date term.
//   - has:note, has:tag, has:speaker and has:date test the fields; has:quote,
//     has:figure, is:orphan and is:partial the Flags; is:inferred a date
//     inferred from the text, is:undated a record without a date.
//   - article:N matches the record of article N and what belongs to it.
func ParseQuery(s string) (*Query, error) {
	p := &qparser{lx: qlexer{s: s}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tkEOF {
		return &Query{}, nil
	}
	root, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.tok.kind == tkRParen {
		return nil, &QueryError{Pos: p.tok.pos, Msg: `unexpected ")"`, Hint: `no "(" opens it`}
	}
	return &Query{root: root}, nil
}

// Match reports whether the record matches the query.
func (q *Query) Match(r *Record) bool {
	if q == nil || q.root == nil {
		return true
	}
	return q.root.match(r)
}

// String returns the query in canonical form: single spaces, "-" for NOT,
// AND left implicit, parentheses only where needed, lower-case field names,
// dates and has:/is: values normalised. ParseQuery(q.String()) is q again.
func (q *Query) String() string {
	if q == nil || q.root == nil {
		return ""
	}
	var b strings.Builder
	q.root.write(&b, opOr)
	return b.String()
}

// Uses reports whether the query reads the Record field of that name
// ("title", "text", "note", "tags", "speakers", "outlet", "author", "url",
// "file", "date", "article"), so that a caller fills only what is needed:
// a store loads bodies only when Uses("text"). Flags are always read.
func (q *Query) Uses(field string) bool {
	if q == nil || q.root == nil {
		return false
	}
	found := false
	q.root.walk(func(t *qterm) {
		for _, f := range t.reads() {
			if f == field {
				found = true
			}
		}
	})
	return found
}

// RequiredTags returns tags every matching record must have, for a store
// that narrows candidates with its tag index before calling Match: a
// matching record has a tag equal to or under one tag of each group. nil
// when the query requires no tag.
func (q *Query) RequiredTags() [][]string {
	if q == nil || q.root == nil {
		return nil
	}
	return requiredTags(q.root)
}

// Dates returns the span of days every matching record's date overlaps, and
// false when the query does not bound dates (undated records may match).
// When it is true, undated records never match.
func (q *Query) Dates() (DateRange, bool) {
	if q == nil || q.root == nil {
		return DateRange{}, false
	}
	lo, hi, ok := dateBounds(q.root)
	if !ok {
		return DateRange{}, false
	}
	var r DateRange
	if lo != minDay {
		r.From = dayTime(lo)
	}
	if hi != maxDay {
		r.To = dayTime(hi)
	}
	return r, true
}

// WithSpeakerCanon returns a copy of q whose speaker: terms also match the
// name canon returns for their value, for a notebook that knows aliases
// ("Blinken" → "Antony Blinken", "POTUS" → "Joe Biden"). canon returns "" for
// a value it does not know. String is unchanged. Terms that And and AndNot
// add later do not know the aliases: call it last.
func (q *Query) WithSpeakerCanon(canon func(name string) string) *Query {
	if q == nil || q.root == nil {
		return &Query{}
	}
	return &Query{root: q.root.clone(func(t *qterm) {
		if t.field != fSpeaker {
			return
		}
		if c := canon(t.value); c != "" {
			if p, ok := newPattern(c, modeSub); ok && !slices.Equal(p.r, t.pat.r) {
				t.alts = append(t.alts, p)
			}
		}
	})}
}

// And returns q with field:value added as one more condition, unless q
// already has it. field is a field name, or "" for text; value is taken as
// written, as if quoted: And("tag", "actor/russia"), And("", "Ned Price").
func (q *Query) And(field, value string) (*Query, error) {
	return q.add(field, value, false)
}

// AndNot returns q with -field:value added, unless q already has it.
func (q *Query) AndNot(field, value string) (*Query, error) {
	return q.add(field, value, true)
}

// Without returns q without its top-level conditions field:value and
// -field:value, and whether there were any: with And, what a sidebar
// needs to toggle a tag or an outlet.
func (q *Query) Without(field, value string) (*Query, bool) {
	t, err := builtTerm(field, value)
	if err != nil || q == nil || q.root == nil {
		return q, false
	}
	kids := []*qnode{q.root}
	if q.root.op == opAnd {
		kids = q.root.kids
	}
	var keep []*qnode
	for _, k := range kids {
		if !k.isTerm(t) {
			keep = append(keep, k)
		}
	}
	if len(keep) == len(kids) {
		return q, false
	}
	return &Query{root: joinNodes(opAnd, keep)}, true
}

func (q *Query) add(field, value string, negate bool) (*Query, error) {
	t, err := builtTerm(field, value)
	if err != nil {
		return q, err
	}
	n := &qnode{op: opTerm, term: t}
	if negate {
		n = &qnode{op: opNot, kids: []*qnode{n}}
	}
	if q == nil || q.root == nil {
		return &Query{root: n}, nil
	}
	kids := []*qnode{q.root}
	if q.root.op == opAnd {
		kids = q.root.kids
	}
	for _, k := range kids {
		if k.sameAs(n) {
			return q, nil
		}
	}
	return &Query{root: joinNodes(opAnd, append(kids[:len(kids):len(kids)], n))}, nil
}

// builtTerm parses the term field:"value" for the builders.
func builtTerm(field, value string) (*qterm, error) {
	s := quoteValue(value)
	if field != "" {
		s = field + ":" + s
	}
	q, err := ParseQuery(s)
	if err != nil {
		return nil, Errorf(EINVALID, "query: %s", err.(*QueryError).Msg)
	}
	if q.root == nil || q.root.op != opTerm {
		return nil, Errorf(EINVALID, "query: %q is not one term", s)
	}
	return q.root.term, nil
}

// DateRange is a span of days, both ends included. A zero From or To leaves
// that side open. From after To means no date is in it.
type DateRange struct {
	From, To time.Time // midnight UTC
}

// Overlaps reports whether the span that d covers (by its precision) and r
// have a day in common, the way date: terms match. An undated d overlaps
// nothing.
func (r DateRange) Overlaps(d Date) bool {
	lo, hi, ok := dateSpan(d)
	if !ok {
		return false
	}
	if !r.From.IsZero() && hi < dayKey(r.From) {
		return false
	}
	if !r.To.IsZero() && lo > dayKey(r.To) {
		return false
	}
	return true
}

// The syntax tree.

type opKind uint8

const (
	opTerm opKind = iota
	opAnd
	opOr
	opNot
)

type qnode struct {
	op   opKind
	kids []*qnode // opAnd, opOr: two or more, none of the same op; opNot: one
	eval []*qnode // opAnd, opOr: kids, cheapest first, the order Match tries them
	term *qterm   // opTerm
}

// branch returns an opAnd or opOr node of kids.
func branch(op opKind, kids []*qnode) *qnode {
	n := &qnode{op: op, kids: kids, eval: slices.Clone(kids)}
	slices.SortStableFunc(n.eval, func(a, b *qnode) int { return a.cost() - b.cost() })
	return n
}

// cost guesses how long matching n takes: searching text takes longest.
func (n *qnode) cost() int {
	if n.op == opTerm {
		switch n.term.field {
		case fWords, fText:
			return 20
		case fTitle, fNote:
			return 8
		case fSpeaker, fOutlet, fAuthor, fURL, fFile:
			return 4
		}
		return 1
	}
	c := 0
	for _, k := range n.kids {
		c += k.cost()
	}
	return c
}

type fieldKind uint8

const (
	fWords fieldKind = iota // bare words and phrases
	fTag
	fSpeaker
	fOutlet
	fAuthor
	fTitle
	fText
	fNote
	fDate
	fHas
	fIs
	fArticle
	fURL
	fFile
	numFields
)

var fieldNames = [numFields]string{
	"", "tag", "speaker", "outlet", "author", "title", "text", "note",
	"date", "has", "is", "article", "url", "file",
}

const fieldList = "fields are tag, speaker, outlet, author, title, text, note, date, has, is, article, url, file"

// isProse reports whether the field holds running text, where a bare value
// is a word prefix and a quoted one whole words.
func (f fieldKind) isProse() bool { return f == fWords || f == fTitle || f == fText || f == fNote }

// What has: and is: test.
const (
	hasNote uint8 = iota
	hasTag
	hasQuote
	hasFigure
	hasSpeaker
	hasDate
	isOrphan
	isPartial
	isInferred
	isUndated
)

var hasValues = map[string]uint8{
	"note": hasNote, "notes": hasNote, "tag": hasTag, "tags": hasTag,
	"quote": hasQuote, "quotes": hasQuote, "figure": hasFigure, "figures": hasFigure,
	"speaker": hasSpeaker, "speakers": hasSpeaker, "date": hasDate,
}

var isValues = map[string]uint8{
	"orphan": isOrphan, "partial": isPartial, "inferred": isInferred, "undated": isUndated,
}

var flagNames = [...]string{
	hasNote: "note", hasTag: "tag", hasQuote: "quote", hasFigure: "figure",
	hasSpeaker: "speaker", hasDate: "date", isOrphan: "orphan", isPartial: "partial",
	isInferred: "inferred", isUndated: "undated",
}

type qterm struct {
	field fieldKind
	value string // spaces collapsed; canonical for date, has, is and article
	exact bool   // a quoted value of a prose field: whole words

	pat    qpattern   // text fields
	alts   []qpattern // speaker: the canonical names of the value
	lo, hi int64      // date: the span, as day numbers
	what   uint8      // has:, is:
	id     ArticleID  // article:
}

func (t *qterm) match(r *Record) bool {
	switch t.field {
	case fWords:
		return t.pat.in(r.Title) || t.pat.in(r.Text) || t.pat.in(r.Note)
	case fTitle:
		return t.pat.in(r.Title)
	case fText:
		return t.pat.in(r.Text)
	case fNote:
		return t.pat.in(r.Note)
	case fOutlet:
		return t.pat.in(r.Outlet)
	case fAuthor:
		return t.pat.in(r.Author)
	case fURL:
		return t.pat.in(r.URL)
	case fFile:
		return t.pat.in(r.File)
	case fTag:
		for _, tag := range r.Tags {
			if tagUnder(tag, t.value) {
				return true
			}
		}
		return false
	case fSpeaker:
		for _, s := range r.Speakers {
			if t.pat.in(s) {
				return true
			}
			for i := range t.alts {
				if t.alts[i].in(s) {
					return true
				}
			}
		}
		return false
	case fDate:
		lo, hi, ok := dateSpan(r.Date)
		return ok && lo <= t.hi && hi >= t.lo
	case fArticle:
		return r.Article == t.id
	case fHas, fIs:
		switch t.what {
		case hasNote:
			return r.Note != ""
		case hasTag:
			return len(r.Tags) > 0
		case hasQuote:
			return r.Flags&FlagQuotes != 0
		case hasFigure:
			return r.Flags&FlagFigures != 0
		case hasSpeaker:
			return len(r.Speakers) > 0
		case hasDate:
			return !r.Date.IsZero()
		case isOrphan:
			return r.Flags&FlagOrphan != 0
		case isPartial:
			return r.Flags&FlagPartial != 0
		case isInferred:
			return !r.Date.IsZero() && r.Date.Origin == OriginInferred
		case isUndated:
			return r.Date.IsZero()
		}
	}
	return false
}

// reads returns the Record fields the term reads, by the names of Uses.
func (t *qterm) reads() []string {
	switch t.field {
	case fWords:
		return []string{"title", "text", "note"}
	case fTag:
		return []string{"tags"}
	case fSpeaker:
		return []string{"speakers"}
	case fHas, fIs:
		switch t.what {
		case hasNote:
			return []string{"note"}
		case hasTag:
			return []string{"tags"}
		case hasSpeaker:
			return []string{"speakers"}
		case hasDate, isInferred, isUndated:
			return []string{"date"}
		}
		return nil
	}
	return []string{fieldNames[t.field]}
}

func (n *qnode) match(r *Record) bool {
	switch n.op {
	case opAnd:
		for _, k := range n.eval {
			if !k.match(r) {
				return false
			}
		}
		return true
	case opOr:
		for _, k := range n.eval {
			if k.match(r) {
				return true
			}
		}
		return false
	case opNot:
		return !n.kids[0].match(r)
	}
	return n.term.match(r)
}

func (n *qnode) walk(f func(*qterm)) {
	if n.op == opTerm {
		f(n.term)
		return
	}
	for _, k := range n.kids {
		k.walk(f)
	}
}

// clone copies the tree, letting edit change the copies of its terms.
func (n *qnode) clone(edit func(*qterm)) *qnode {
	c := &qnode{op: n.op}
	if n.op == opTerm {
		t := *n.term
		t.alts = append([]qpattern(nil), t.alts...)
		edit(&t)
		c.term = &t
		return c
	}
	for _, k := range n.kids {
		c.kids = append(c.kids, k.clone(edit))
	}
	if n.op != opNot {
		c = branch(n.op, c.kids)
	}
	return c
}

// isTerm reports whether n is t or NOT t, compared as the builders see it.
func (n *qnode) isTerm(t *qterm) bool {
	if n.op == opNot {
		n = n.kids[0]
	}
	return n.op == opTerm && n.term.field == t.field &&
		strings.EqualFold(n.term.value, t.value)
}

func (n *qnode) sameAs(m *qnode) bool {
	if n.op != m.op {
		return false
	}
	if n.op == opTerm {
		return n.term.field == m.term.field && n.term.exact == m.term.exact &&
			strings.EqualFold(n.term.value, m.term.value)
	}
	if len(n.kids) != len(m.kids) {
		return false
	}
	for i := range n.kids {
		if !n.kids[i].sameAs(m.kids[i]) {
			return false
		}
	}
	return true
}

// joinNodes joins kids under op, flattening kids of the same op; one kid is
// itself, none is nil.
func joinNodes(op opKind, kids []*qnode) *qnode {
	var flat []*qnode
	for _, k := range kids {
		if k.op == op {
			flat = append(flat, k.kids...)
		} else {
			flat = append(flat, k)
		}
	}
	switch len(flat) {
	case 0:
		return nil
	case 1:
		return flat[0]
	}
	return branch(op, flat)
}

func (n *qnode) write(b *strings.Builder, parent opKind) {
	switch n.op {
	case opTerm:
		n.term.write(b)
	case opNot:
		b.WriteByte('-')
		n.kids[0].write(b, opNot)
	case opAnd, opOr:
		paren := parent == opNot || (n.op == opOr && parent == opAnd)
		if paren {
			b.WriteByte('(')
		}
		sep := " "
		if n.op == opOr {
			sep = " OR "
		}
		for i, k := range n.kids {
			if i > 0 {
				b.WriteString(sep)
			}
			k.write(b, n.op)
		}
		if paren {
			b.WriteByte(')')
		}
	}
}

func (t *qterm) write(b *strings.Builder) {
	if t.field != fWords {
		b.WriteString(fieldNames[t.field])
		b.WriteByte(':')
	}
	if t.exact || (!t.field.isProse() && needsQuotes(t.value)) {
		b.WriteString(quoteValue(t.value))
	} else {
		b.WriteString(t.value)
	}
}

func needsQuotes(v string) bool {
	return v == "" || strings.ContainsFunc(v, func(r rune) bool {
		return r == '"' || r == '(' || r == ')' || unicode.IsSpace(r)
	})
}

func quoteValue(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range v {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func requiredTags(n *qnode) [][]string {
	tag := func(t *qterm) (string, bool) { return t.value, t.field == fTag }
	return required(n, tag, strings.EqualFold)
}

// required returns what a query tree needs of every match, as groups of
// which each must meet at least one member: leaf tells what a term needs.
// An "and" needs every group of each part; an "or" needs one of the union of
// the smallest group of each alternative, and nothing when an alternative
// needs nothing. same, when given, keeps that union free of repeats.
func required[T any](n *qnode, leaf func(t *qterm) (T, bool), same func(a, b T) bool) [][]T {
	switch n.op {
	case opTerm:
		if need, ok := leaf(n.term); ok {
			return [][]T{{need}}
		}
	case opAnd:
		var groups [][]T
		for _, k := range n.kids {
			groups = append(groups, required(k, leaf, same)...)
		}
		return groups
	case opOr:
		var union []T
		for _, k := range n.kids {
			gs := required(k, leaf, same)
			if len(gs) == 0 {
				return nil
			}
			best := gs[0]
			for _, g := range gs[1:] {
				if len(g) < len(best) {
					best = g
				}
			}
			for _, need := range best {
				if same == nil || !slices.ContainsFunc(union, func(u T) bool { return same(u, need) }) {
					union = append(union, need)
				}
			}
		}
		return [][]T{union}
	}
	return nil
}

func dateBounds(n *qnode) (lo, hi int64, ok bool) {
	switch n.op {
	case opTerm:
		if n.term.field == fDate {
			return n.term.lo, n.term.hi, true
		}
	case opAnd:
		lo, hi = minDay, maxDay
		for _, k := range n.kids {
			if l, h, kok := dateBounds(k); kok {
				lo, hi, ok = max(lo, l), min(hi, h), true
			}
		}
		return lo, hi, ok
	case opOr:
		lo, hi = maxDay, minDay
		for _, k := range n.kids {
			l, h, kok := dateBounds(k)
			if !kok {
				return 0, 0, false
			}
			lo, hi = min(lo, l), max(hi, h)
		}
		return lo, hi, true
	}
	return 0, 0, false
}

func tagUnder(tag, prefix string) bool {
	return len(tag) >= len(prefix) && strings.EqualFold(tag[:len(prefix)], prefix) &&
		(len(tag) == len(prefix) || tag[len(prefix)] == '/')
}

// Dates as day numbers: days since 1970-01-01 in UTC.

const (
	minDay int64 = math.MinInt64
	maxDay int64 = math.MaxInt64
)

func makeDay(y int, m time.Month, d int) int64 {
	return dayKey(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// dayKey returns the day of t, in t's location.
func dayKey(t time.Time) int64 {
	s := t.Unix()
	if t.Location() != time.UTC {
		_, off := t.Zone()
		s += int64(off)
	}
	if s < 0 {
		s -= 86400 - 1
	}
	return s / 86400
}

func dayTime(k int64) time.Time { return time.Unix(k*86400, 0).UTC() }

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateSpan returns the first and last day that d covers.
func dateSpan(d Date) (lo, hi int64, ok bool) {
	switch d.Precision {
	case PrecisionNone:
		return 0, 0, false
	case PrecisionYear:
		y := d.Time.Year()
		return makeDay(y, 1, 1), makeDay(y, 12, 31), true
	case PrecisionMonth:
		y, m, _ := d.Time.Date()
		lo = makeDay(y, m, 1)
		return lo, lo + int64(daysIn(y, m)) - 1, true
	}
	k := dayKey(d.Time)
	return k, k, true
}

// parseQueryDate parses YYYY, YYYY-MM or YYYY-MM-DD into the days it covers.
func parseQueryDate(s string) (lo, hi int64, ok bool) {
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	var y, m, d int
	var okY, okM, okD bool
	switch len(s) {
	case 4:
		if y, okY = num(s); !okY {
			return
		}
		return makeDay(y, 1, 1), makeDay(y, 12, 31), true
	case 7:
		y, okY = num(s[:4])
		m, okM = num(s[5:])
		if !okY || !okM || s[4] != '-' || m < 1 || m > 12 {
			return
		}
		return makeDay(y, time.Month(m), 1), makeDay(y, time.Month(m), daysIn(y, time.Month(m))), true
	case 10:
		y, okY = num(s[:4])
		m, okM = num(s[5:7])
		d, okD = num(s[8:])
		if !okY || !okM || !okD || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
			return
		}
		k := makeDay(y, time.Month(m), d)
		return k, k, true
	}
	return
}

// compileDate sets the span of a date: term from its value, and makes the
// value canonical. It returns a message and a hint when the value is wrong.
func (t *qterm) compileDate() (msg, hint string) {
	const dateHint = "dates are YYYY, YYYY-MM or YYYY-MM-DD, as in date:2021-12, date:2021-11..2022-02, date:>=2021-12-01"
	v := t.value
	bad := func(s string) (string, string) { return fmt.Sprintf("bad date %q", s), dateHint }
	for _, op := range []string{">=", "<=", ">", "<", "="} {
		if !strings.HasPrefix(v, op) {
			continue
		}
		lo, hi, ok := parseQueryDate(v[len(op):])
		if !ok {
			return bad(v)
		}
		t.lo, t.hi = minDay, maxDay
		switch op {
		case ">=":
			t.lo = lo
		case ">":
			t.lo = hi + 1
		case "<=":
			t.hi = hi
		case "<":
			t.hi = lo - 1
		case "=":
			t.lo, t.hi = lo, hi
			t.value = v[1:]
		}
		return "", ""
	}
	if a, b, isRange := strings.Cut(v, ".."); isRange {
		if a == "" && b == "" {
			return bad(v)
		}
		t.lo, t.hi = minDay, maxDay
		var ok bool
		if a != "" {
			if t.lo, _, ok = parseQueryDate(a); !ok {
				return bad(v)
			}
		}
		if b != "" {
			if _, t.hi, ok = parseQueryDate(b); !ok {
				return bad(v)
			}
		}
		if t.lo > t.hi {
			return fmt.Sprintf("empty date range %q", v), "its start is after its end"
		}
		return "", ""
	}
	var ok bool
	if t.lo, t.hi, ok = parseQueryDate(v); !ok {
		return bad(v)
	}
	return "", ""
}

// Text matching.

type matchMode uint8

const (
	modeSub   matchMode = iota // anywhere
	modeWord                   // where a word starts
	modeExact                  // whole words
)

// qpattern is a folded needle: runes folded by foldRune, white space
// collapsed to single spaces and trimmed.
type qpattern struct {
	r         []rune
	mode      matchMode
	firstWord bool // r[0] is a word rune
	lastWord  bool

	// The anchor: the rarest ASCII letter or digit of the first word, at
	// rune k, which in finds with strings.IndexByte. k < 0: none.
	k      int
	anchor byte
	guard  uint8 // the latinLeads of anchor: see in
}

func newPattern(s string, mode matchMode) (qpattern, bool) {
	p := qpattern{mode: mode}
	space := false
	for _, r := range s {
		if r = foldRune(r); r < 0 {
			continue
		}
		if isSpaceRune(r) {
			space = len(p.r) > 0
			continue
		}
		if space {
			p.r = append(p.r, ' ')
			space = false
		}
		p.r = append(p.r, r)
	}
	if len(p.r) == 0 {
		return p, false
	}
	p.firstWord = isWordRune(p.r[0])
	p.lastWord = isWordRune(p.r[len(p.r)-1])
	p.k = -1
	best := 0
	for i, r := range p.r {
		if r == ' ' {
			break
		}
		score := 0 // digits are rarest
		switch {
		case 'a' <= r && r <= 'z':
			// Each lead byte to guard against costs a scan.
			score = 1 + strings.IndexRune(letterRarity, r) + 100*bits.OnesCount8(latinLeads[r])
		case r < '0' || r > '9':
			continue
		}
		if p.k < 0 || score < best {
			p.k, best = i, score
		}
	}
	if p.k >= 0 {
		p.anchor = byte(p.r[p.k])
		p.guard = latinLeads[p.anchor]
	}
	return p, true
}

// letterRarity orders the letters from the rarest in English text.
const letterRarity = "zqxjkvbpygfwmucldrhsnioate"

// latinLeads tells, for an ASCII letter, the lead bytes of the non-ASCII
// letters that fold to it: bit 0 for 0xC3, 1 for 0xC4, 2 for 0xC5. They are
// U+00C0 to U+017F; foldRune folds no other non-ASCII rune to an ASCII
// letter or digit.
var latinLeads = func() (t [utf8.RuneSelf]uint8) {
	for i := range len(latinFold) {
		if c := latinFold[i]; c != '.' {
			t[c] |= 1 << ((0xC0+i)>>6 - 3)
		}
	}
	return t
}()

// hasLeads reports whether h holds one of the lead bytes of mask.
func hasLeads(h string, mask uint8) bool {
	for i := range 3 {
		if mask&(1<<i) != 0 && strings.IndexByte(h, byte(0xC3+i)) >= 0 {
			return true
		}
	}
	return false
}

// in reports whether the pattern occurs in h. Rather than fold every rune of
// h, it looks for the anchor byte (either case) with strings.IndexByte and
// checks the runes around each hit. Anchored search misses an anchor written
// with a diacritic (an e as é), so when it finds nothing in text that may
// hold one, the rune-by-rune scan decides.
func (p *qpattern) in(h string) bool {
	if len(p.r) == 0 || len(h) == 0 {
		return false
	}
	if p.k < 0 {
		return p.scan(h)
	}
	if p.find(h, p.anchor) {
		return true
	}
	if 'a' <= p.anchor && p.anchor <= 'z' && p.find(h, p.anchor-'a'+'A') {
		return true
	}
	return p.guard != 0 && hasLeads(h, p.guard) && p.scan(h)
}

// find reports whether the pattern occurs in h with byte b at its rune k.
func (p *qpattern) find(h string, b byte) bool {
	for i := 0; i < len(h); {
		j := strings.IndexByte(h[i:], b)
		if j < 0 {
			return false
		}
		j += i
		if start := runesBack(h, j, p.k); start >= 0 && p.at(h, start) {
			return true
		}
		i = j + 1
	}
	return false
}

// runesBack returns the byte offset k runes before byte j of h, not counting
// combining marks, or -1.
func runesBack(h string, j, k int) int {
	for k > 0 {
		if j == 0 {
			return -1
		}
		if c := h[j-1]; c < utf8.RuneSelf {
			j--
			k--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(h[:j])
		j -= size
		if foldRune(r) >= 0 {
			k--
		}
	}
	return j
}

// at reports whether the pattern occurs in h from byte i.
func (p *qpattern) at(h string, i int) bool {
	r, size := foldAt(h, i)
	if r != p.r[0] {
		return false
	}
	if p.mode != modeSub && p.firstWord && wordBefore(h, i) {
		return false
	}
	return p.rest(h, i+size)
}

// wordBefore reports whether the rune before byte i of h, not counting
// combining marks, is part of a word.
func wordBefore(h string, i int) bool {
	for i > 0 {
		if c := h[i-1]; c < utf8.RuneSelf {
			return asciiWord[c]
		}
		r, size := utf8.DecodeLastRuneInString(h[:i])
		i -= size
		if r = foldRune(r); r >= 0 {
			return isWordRune(r)
		}
	}
	return false
}

// scan reports whether the pattern occurs in h, folding every rune.
func (p *qpattern) scan(h string) bool {
	first := p.r[0]
	atStart := p.mode != modeSub && p.firstWord
	prevWord := false
	for i := 0; i < len(h); {
		var r rune
		size := 1
		if c := h[i]; c < utf8.RuneSelf {
			r = rune(asciiFold[c])
		} else {
			r, size = utf8.DecodeRuneInString(h[i:])
			if r = foldRune(r); r < 0 {
				i += size
				continue
			}
		}
		i += size
		if r == first && !(atStart && prevWord) && p.rest(h, i) {
			return true
		}
		prevWord = isWordRune(r)
	}
	return false
}

// rest reports whether h from byte i goes on with p.r[1:], and, for whole
// words, ends a word there.
func (p *qpattern) rest(h string, i int) bool {
	for _, want := range p.r[1:] {
		if want == ' ' {
			n := 0
			for i < len(h) {
				r, size := foldAt(h, i)
				if r >= 0 && !isSpaceRune(r) {
					break
				}
				if r >= 0 {
					n++
				}
				i += size
			}
			if n == 0 {
				return false
			}
			continue
		}
		for {
			if i >= len(h) {
				return false
			}
			r, size := foldAt(h, i)
			i += size
			if r < 0 {
				continue
			}
			if r != want {
				return false
			}
			break
		}
	}
	if p.mode == modeExact && p.lastWord {
		for i < len(h) {
			r, size := foldAt(h, i)
			if r >= 0 {
				return !isWordRune(r)
			}
			i += size
		}
	}
	return true
}

func foldAt(h string, i int) (rune, int) {
	if c := h[i]; c < utf8.RuneSelf {
		return rune(asciiFold[c]), 1
	}
	r, size := utf8.DecodeRuneInString(h[i:])
	return foldRune(r), size
}

var asciiFold, asciiWord = func() (f [utf8.RuneSelf]byte, w [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		f[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			f[c] = byte(c + 'a' - 'A')
		}
		w[c] = 'a' <= f[c] && f[c] <= 'z' || '0' <= c && c <= '9'
	}
	return
}()

// latinFold maps U+00C0 to U+017F to the base letter; '.' keeps the letter
// (lower-cased): Æ, ×, ß, Œ and their like.
const latinFold = "" +
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy.." + // U+00C0
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy.y" + // U+00E0
	"aaaaaaccccccccddddeeeeeeeeeegggg" + // U+0100
	"gggghhhhiiiiiiiiii..jjkk.lllllll" + // U+0120
	"lllnnnnnnn..oooooo..rrrrrrssssss" + // U+0140
	"sstttttt" + "uuuuuuuuuuuuwwyyyzzzzzzs" // U+0160 to U+017F

// foldRune lower-cases r and strips common Latin diacritics; typographic
// apostrophes and dashes become ASCII ones, ё becomes е. It returns -1 for a
// combining mark, which matching skips.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return rune(asciiFold[r])
	case 0xC0 <= r && r <= 0x17F:
		if c := latinFold[r-0xC0]; c != '.' {
			return rune(c)
		}
	case 0x300 <= r && r <= 0x36F:
		return -1
	case r == '‘' || r == '’' || r == 'ʼ' || r == '′':
		return '\''
	case 0x2010 <= r && r <= 0x2015 || r == '−':
		return '-'
	case r == 'ё' || r == 'Ё':
		return 'е'
	}
	if l := unicode.ToLower(r); l >= utf8.RuneSelf {
		return l
	}
	return r // the Kelvin sign: see latinLeads
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// The lexer.

type tokKind uint8

const (
	tkEOF tokKind = iota
	tkLParen
	tkRParen
	tkMinus
	tkAnd
	tkOr
	tkNot
	tkWord   // text: a bare word
	tkPhrase // text: a quoted phrase
	tkField  // field:value
)

type qtoken struct {
	kind   tokKind
	pos    int // rune offset
	field  fieldKind
	vpos   int    // rune offset of a field's value
	text   string // the word, phrase or value, unescaped
	quoted bool
}

type qlexer struct {
	s   string
	i   int // byte offset
	pos int // rune offset of i
}

func (l *qlexer) peek() (rune, int) {
	if l.i >= len(l.s) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(l.s[l.i:])
}

func (l *qlexer) skip(size int) {
	l.i += size
	l.pos++
}

func (l *qlexer) next() (qtoken, error) {
	for {
		r, size := l.peek()
		if r < 0 || !unicode.IsSpace(r) {
			break
		}
		l.skip(size)
	}
	start := l.pos
	r, size := l.peek()
	switch {
	case r < 0:
		return qtoken{kind: tkEOF, pos: start}, nil
	case r == '(':
		l.skip(size)
		return qtoken{kind: tkLParen, pos: start}, nil
	case r == ')':
		l.skip(size)
		return qtoken{kind: tkRParen, pos: start}, nil
	case r == '"':
		text, err := l.phrase()
		return qtoken{kind: tkPhrase, pos: start, text: text, quoted: true}, err
	case r == '-':
		l.skip(size)
		if n, _ := l.peek(); n < 0 || unicode.IsSpace(n) || n == ')' {
			return qtoken{}, &QueryError{Pos: start, Msg: `missing term after "-"`,
				Hint: `write -word to exclude a word`}
		}
		return qtoken{kind: tkMinus, pos: start}, nil
	}
	from := l.i
	fieldEnd, fieldPos := -1, 0
	letters := true
	for {
		r, size := l.peek()
		if r < 0 || unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
			break
		}
		if r == ':' && fieldEnd < 0 && letters && l.i > from {
			fieldEnd, fieldPos = l.i, l.pos
		}
		if !unicode.IsLetter(r) {
			letters = false
		}
		l.skip(size)
	}
	word := l.s[from:l.i]
	if fieldEnd < 0 {
		switch word {
		case "AND":
			return qtoken{kind: tkAnd, pos: start}, nil
		case "OR":
			return qtoken{kind: tkOr, pos: start}, nil
		case "NOT":
			return qtoken{kind: tkNot, pos: start}, nil
		}
		return qtoken{kind: tkWord, pos: start, text: word}, nil
	}
	name := strings.ToLower(l.s[from:fieldEnd])
	tok := qtoken{kind: tkField, pos: start, vpos: fieldPos + 1, text: l.s[fieldEnd+1 : l.i]}
	f := fWords
	for i, n := range fieldNames {
		if n == name && i > 0 {
			f = fieldKind(i)
		}
	}
	if f == fWords {
		return qtoken{}, &QueryError{Pos: start, Msg: fmt.Sprintf("unknown field %q", name),
			Hint: fieldList + `; put text with a colon in quotes`}
	}
	tok.field = f
	if tok.text == "" {
		if r, _ := l.peek(); r == '"' {
			var err error
			tok.text, err = l.phrase()
			tok.quoted = true
			return tok, err
		}
	}
	return tok, nil
}

// phrase reads a quoted string at l.i.
func (l *qlexer) phrase() (string, error) {
	start := l.pos
	l.skip(1)
	var b strings.Builder
	for {
		r, size := l.peek()
		switch r {
		case -1:
			return "", &QueryError{Pos: start, Msg: "unclosed quote", Hint: `a phrase ends with "`}
		case '"':
			l.skip(size)
			return b.String(), nil
		case '\\':
			l.skip(size)
			if n, nsize := l.peek(); n == '"' || n == '\\' {
				l.skip(nsize)
				b.WriteRune(n)
				continue
			}
		default:
			l.skip(size)
		}
		b.WriteRune(r)
	}
}

// The parser: recursive descent over the tokens, one token ahead.

type qparser struct {
	lx  qlexer
	tok qtoken
}

func (p *qparser) advance() error {
	t, err := p.lx.next()
	p.tok = t
	return err
}

func (p *qparser) startsTerm() bool {
	switch p.tok.kind {
	case tkLParen, tkMinus, tkNot, tkWord, tkPhrase, tkField:
		return true
	}
	return false
}

// needTerm fails unless the current token can start a term; after names
// what came before it ("OR", "-").
func (p *qparser) needTerm(after string, afterPos int) error {
	if p.startsTerm() {
		return nil
	}
	return &QueryError{Pos: afterPos, Msg: fmt.Sprintf("missing term after %q", after)}
}

func (p *qparser) parseOr() (*qnode, error) {
	first, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	kids := []*qnode{first}
	for p.tok.kind == tkOr {
		at := p.tok.pos
		if err := p.advance(); err != nil {
			return nil, err
		}
		if err := p.needTerm("OR", at); err != nil {
			return nil, err
		}
		n, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	return joinNodes(opOr, kids), nil
}

func (p *qparser) parseAnd() (*qnode, error) {
	first, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	kids := []*qnode{first}
	for {
		if p.tok.kind == tkAnd {
			at := p.tok.pos
			if err := p.advance(); err != nil {
				return nil, err
			}
			if err := p.needTerm("AND", at); err != nil {
				return nil, err
			}
		} else if !p.startsTerm() {
			break
		}
		n, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	return joinNodes(opAnd, kids), nil
}

func (p *qparser) parseUnary() (*qnode, error) {
	if p.tok.kind != tkNot && p.tok.kind != tkMinus {
		return p.parsePrimary()
	}
	name, at := "NOT", p.tok.pos
	if p.tok.kind == tkMinus {
		name = "-"
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if err := p.needTerm(name, at); err != nil {
		return nil, err
	}
	n, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	return &qnode{op: opNot, kids: []*qnode{n}}, nil
}

func (p *qparser) parsePrimary() (*qnode, error) {
	tok := p.tok
	switch tok.kind {
	case tkLParen:
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind == tkRParen {
			return nil, &QueryError{Pos: tok.pos, Msg: "empty parentheses"}
		}
		if p.tok.kind == tkEOF {
			return nil, &QueryError{Pos: p.tok.pos, Msg: `missing ")"`,
				Hint: fmt.Sprintf(`the "(" at column %d is not closed`, tok.pos+1)}
		}
		n, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.tok.kind != tkRParen {
			return nil, &QueryError{Pos: p.tok.pos, Msg: `missing ")"`,
				Hint: fmt.Sprintf(`the "(" at column %d is not closed`, tok.pos+1)}
		}
		return n, p.advance()
	case tkWord, tkPhrase, tkField:
		t, err := compileTerm(tok)
		if err != nil {
			return nil, err
		}
		return &qnode{op: opTerm, term: t}, p.advance()
	case tkAnd, tkOr:
		name := "AND"
		if tok.kind == tkOr {
			name = "OR"
		}
		return nil, &QueryError{Pos: tok.pos, Msg: fmt.Sprintf("missing term before %q", name)}
	case tkRParen:
		return nil, &QueryError{Pos: tok.pos, Msg: `unexpected ")"`, Hint: `no "(" opens it`}
	}
	return nil, &QueryError{Pos: tok.pos, Msg: "missing term"}
}

// compileTerm checks a term's value and prepares it for matching.
func compileTerm(tok qtoken) (*qterm, error) {
	t := &qterm{field: tok.field, value: strings.Join(strings.Fields(tok.text), " ")}
	vpos := tok.vpos
	if tok.kind != tkField {
		vpos = tok.pos
	}
	fail := func(msg, hint string) (*qterm, error) {
		return nil, &QueryError{Pos: vpos, Msg: msg, Hint: hint}
	}
	if t.value == "" {
		if tok.kind != tkField {
			return fail("empty phrase", "")
		}
		return fail(fmt.Sprintf("missing value after %q", fieldNames[t.field]+":"), "")
	}
	switch t.field {
	case fWords, fTitle, fText, fNote:
		mode := modeWord
		if tok.quoted {
			mode, t.exact = modeExact, true
		}
		var ok bool
		if t.pat, ok = newPattern(t.value, mode); !ok {
			return fail(fmt.Sprintf("nothing to search for in %q", t.value), "")
		}
	case fSpeaker, fOutlet, fAuthor, fURL, fFile:
		var ok bool
		if t.pat, ok = newPattern(t.value, modeSub); !ok {
			return fail(fmt.Sprintf("nothing to search for in %q", t.value), "")
		}
	case fTag:
		t.value = strings.Trim(t.value, "/ ")
		if t.value == "" {
			return fail("missing tag after \"tag:\"", "")
		}
	case fDate:
		if msg, hint := t.compileDate(); msg != "" {
			return fail(msg, hint)
		}
	case fHas, fIs:
		values, hint := hasValues, "has: takes note, tag, quote, figure, speaker or date"
		if t.field == fIs {
			values, hint = isValues, "is: takes orphan, partial, inferred or undated"
		}
		w, ok := values[strings.ToLower(t.value)]
		if !ok {
			return fail(fmt.Sprintf("unknown value %q for %s:", t.value, fieldNames[t.field]), hint)
		}
		t.what, t.value = w, flagNames[w]
	case fArticle:
		id, err := strconv.ParseUint(t.value, 10, 64)
		if err != nil || id == 0 {
			return fail(fmt.Sprintf("bad article ID %q", t.value), "article: takes a number, as in article:42")
		}
		t.id, t.value = ArticleID(id), strconv.FormatUint(id, 10)
	}
	return t, nil
}

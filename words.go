package dossier

import (
	"slices"
	"unicode/utf8"
)

// Words as the query language sees them, for indexes that narrow what a
// Query must be matched against: runs of letters and digits, folded the way
// text terms compare (see ParseQuery). A bare word of a query matches where
// a word of the text starts with it, so a text that has no word starting with
// each word of a term cannot match the term.

// EachWord calls fn with every word of s, folded: lower case, common Latin
// diacritics stripped, ё as е; combining marks are skipped, as matching
// skips them. The slice fn gets is reused: copy it to keep it.
func EachWord(s string, fn func(word []byte)) {
	var buf [64]byte
	w := buf[:0]
	for i := 0; i < len(s); {
		var r rune
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if asciiWord[c] {
				w = append(w, asciiFold[c])
				continue
			}
			r = rune(c)
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if r = foldRune(r); r < 0 {
				continue
			}
			if isWordRune(r) {
				w = utf8.AppendRune(w, r)
				continue
			}
		}
		if len(w) > 0 {
			fn(w)
			w = w[:0]
		}
	}
	if len(w) > 0 {
		fn(w)
	}
}

// TextFields says which of a Record's Title, Text and Note a term reads.
type TextFields uint8

const (
	InTitle TextFields = 1 << iota
	InText
	InNote
)

// WordNeed is a word that a field must hold: exactly, or (Prefix) as the
// start of one of its words.
type WordNeed struct {
	Word   string // folded, as EachWord gives words
	Prefix bool
}

// TextNeed is what a text term (a bare word or phrase, title:, text:,
// note:) needs of a record: one of Fields holds every word of Words.
// Whole says that the term is that and nothing more: a single word with
// nothing around it, so a record matches the term if and only if one of
// Fields holds the word (see TextPart).
type TextNeed struct {
	Fields TextFields
	Words  []WordNeed
	Whole  bool
}

// TextPart splits the query in two: the text terms at its top (a term, or
// an OR of terms, that the whole query ANDs with the rest), as what they
// need of words, and the rest. When every TextNeed of part is Whole, a
// record matches the query if and only if it meets part and matches rest,
// so an index that tells part exactly leaves only rest to Match. rest is
// nil when nothing is left; part is nil when the query has no such terms.
func (q *Query) TextPart() (part [][]TextNeed, rest *Query) {
	if q == nil || q.root == nil {
		return nil, nil
	}
	kids := []*qnode{q.root}
	if q.root.op == opAnd {
		kids = q.root.kids
	}
	var others []*qnode
	for _, k := range kids {
		if textOr(k) {
			part = append(part, requiredText(k)...)
		} else {
			others = append(others, k)
		}
	}
	if len(part) == 0 {
		return nil, q
	}
	if len(others) == 0 {
		return part, nil
	}
	return part, &Query{root: joinNodes(opAnd, others)}
}

// textOr reports whether n is a text term or an OR of text terms.
func textOr(n *qnode) bool {
	isText := func(n *qnode) bool {
		if n.op != opTerm {
			return false
		}
		_, ok := n.term.textNeed()
		return ok
	}
	if n.op == opTerm {
		return isText(n)
	}
	if n.op != opOr {
		return false
	}
	for _, k := range n.kids {
		if !isText(k) {
			return false
		}
	}
	return true
}

// RequiredText returns what the query needs of the words of a record, for
// an index that narrows the records to match: a record that Match accepts
// satisfies, for every group, at least one TextNeed of it. It is a
// necessary condition only, not a sufficient one (it ignores word order,
// and NOT): match the records that pass with Match. Nil when the query
// needs no word, for example when a text term sits under NOT or is an
// alternative of an OR whose other side is not text.
func (q *Query) RequiredText() [][]TextNeed {
	if q == nil || q.root == nil {
		return nil
	}
	return requiredText(q.root)
}

func requiredText(n *qnode) [][]TextNeed {
	return required(n, (*qterm).textNeed, nil)
}

// textNeed returns the words a text term needs. Every run of word runes of
// the pattern starts a word of the text (the rune before it, in the pattern
// and so in the text, is not a word rune, or it starts the pattern, which
// matches only where a word starts); a run that a non-word rune follows in
// the pattern, or the last of a phrase, is a whole word.
func (t *qterm) textNeed() (TextNeed, bool) {
	var need TextNeed
	switch t.field {
	case fWords:
		need.Fields = InTitle | InText | InNote
	case fTitle:
		need.Fields = InTitle
	case fText:
		need.Fields = InText
	case fNote:
		need.Fields = InNote
	default:
		return need, false
	}
	if t.pat.mode == modeSub {
		return need, false
	}
	r := t.pat.r
	for i := 0; i < len(r); {
		if !isWordRune(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && isWordRune(r[j]) {
			j++
		}
		prefix := j == len(r) && t.pat.mode != modeExact
		need.Words = append(need.Words, WordNeed{Word: string(r[i:j]), Prefix: prefix})
		need.Whole = i == 0 && j == len(r)
		i = j
	}
	return need, len(need.Words) > 0
}

// ReadsFlags reports whether the query tests one of flags (has:quote,
// has:figure, is:orphan, is:partial), so that a caller works out the flags
// a record has only when the query needs them.
func (q *Query) ReadsFlags(flags RecordFlags) bool {
	if q == nil || q.root == nil {
		return false
	}
	found := false
	q.root.walk(func(t *qterm) {
		if t.field != fHas && t.field != fIs {
			return
		}
		var f RecordFlags
		switch t.what {
		case hasQuote:
			f = FlagQuotes
		case hasFigure:
			f = FlagFigures
		case isOrphan:
			f = FlagOrphan
		case isPartial:
			f = FlagPartial
		}
		found = found || f&flags != 0
	})
	return found
}

// QueryOp is what a node of a query's tree is (see Query.Root).
type QueryOp uint8

const (
	OpTerm QueryOp = iota // a term: tag:x, a word, a phrase, date:…
	OpAnd                 // every kid matches
	OpOr                  // a kid matches
	OpNot                 // its one kid does not match
)

// QueryNode is a node of a query's tree, for a store that evaluates a query
// with set operations over its indexes rather than by matching every
// record: a node matches a record exactly when Match says so, so a store
// may decide some terms by an index and match the others.
type QueryNode struct{ n *qnode }

// Root returns the root of the query's tree; false for a query that
// matches everything.
func (q *Query) Root() (QueryNode, bool) {
	if q == nil || q.root == nil {
		return QueryNode{}, false
	}
	return QueryNode{q.root}, true
}

// Op returns what the node is.
func (n QueryNode) Op() QueryOp {
	switch n.n.op {
	case opAnd:
		return OpAnd
	case opOr:
		return OpOr
	case opNot:
		return OpNot
	}
	return OpTerm
}

// Kids returns the kids of an AND or OR, cheapest to match first, and the
// one kid of a NOT.
func (n QueryNode) Kids() []QueryNode {
	kids := n.n.eval
	if n.n.op == opNot {
		kids = n.n.kids
	}
	out := make([]QueryNode, len(kids))
	for i, k := range kids {
		out[i] = QueryNode{k}
	}
	return out
}

// Match reports whether the record matches the node (and its kids).
func (n QueryNode) Match(r *Record) bool { return n.n.match(r) }

// Tag returns the value of a tag: term: it matches the records with a tag
// equal to it or under it (TagUnder).
func (n QueryNode) Tag() (string, bool) {
	if n.n.op != opTerm || n.n.term.field != fTag {
		return "", false
	}
	return n.n.term.value, true
}

// Text returns what a text term (a word, a phrase, title:, text:, note:)
// needs of words; when need.Whole, a record matches the term if and only if
// one of need.Fields holds the word (see TextPart).
func (n QueryNode) Text() (TextNeed, bool) {
	if n.n.op != opTerm {
		return TextNeed{}, false
	}
	return n.n.term.textNeed()
}

// Reads reports whether the term reads no Record field but those of names
// (see Query.Uses) and no flag, so that a store may match it once for all
// the records that share those fields: the passages of an article share
// its title, outlet, date and ID.
func (n QueryNode) Reads(names ...string) bool {
	if n.n.op != opTerm {
		return false
	}
	t := n.n.term
	if t.field == fHas || t.field == fIs {
		switch t.what {
		case hasQuote, hasFigure, isOrphan, isPartial:
			return false
		}
	}
	for _, f := range t.reads() {
		if !slices.Contains(names, f) {
			return false
		}
	}
	return true
}

// FoldRune folds a rune as the query language matches text: lower case,
// common Latin diacritics stripped, typographic apostrophes and dashes as
// ASCII ones, ё as е; -1 for a combining mark, which matching skips. Other
// packages that match names or tags the way queries do use it.
func FoldRune(r rune) rune { return foldRune(r) }

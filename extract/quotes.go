package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// Quotation mark families: a mark closes only a quote its family opened.
const (
	famDouble = iota + 1 // " “ ” „ ‟
	famSingle            // ' ‘ ’ ‚
	famGuil              // « »
	famSGuil             // ‹ ›
)

// rawQuote is a top-level quotation as the mark scanner finds it.
type rawQuote struct {
	spans    []dossier.Span
	open     int  // rune offset of the first opening mark
	close    int  // rune offset just past the last closing mark (or the span end when unclosed)
	closed   bool // the last span ended at a closing mark
	fam      int
	runOn    bool // more than one span because the quote ran on or was interrupted
	partial  bool
	firstCap bool
	between  *dossier.Span // the attribution between the parts of an interrupted quote
}

type openMark struct {
	fam    int
	opener rune
}

// findQuotes scans the body's quotation marks in one pass and returns the
// top-level quotations in order. Nested quotes belong to the quote around
// them; apostrophes are told from single quotes by context.
func findQuotes(rs []rune) []rawQuote {
	var (
		out      []rawQuote
		stack    []openMark
		cur      *rawQuote
		spanFrom int
		carry    = -1 // index in out of a quote that may run on into the next paragraph
		nestAt   = -1 // the first double mark opened inside the current double quote
	)
	n := len(rs)
	endSpan := func(at int) {
		s, e := trimSpan(rs, spanFrom, at)
		if e > s {
			cur.spans = append(cur.spans, dossier.Span{Start: s, End: e})
		}
	}
	finish := func(closeAt int, closed bool) {
		cur.close = closeAt
		cur.closed = closed
		if cur.fam == famSingle && len(cur.spans) == 1 && cur.spans[0].End-cur.spans[0].Start < 2 {
			cur.spans = nil // rock 'n' roll
		}
		if len(cur.spans) > 0 {
			out = append(out, *cur)
		}
		cur = nil
		stack = stack[:0]
	}
	paraStart := 0
	for i := 0; i <= n; i++ {
		// most runes are neither a mark nor a line break, and the loop does
		// nothing with them: pass them in a tight loop (every mark is '"',
		// '\'' or beyond ASCII)
		for i < n && rs[i] != '\n' && rs[i] != '"' && rs[i] != '\'' && rs[i] < utf8.RuneSelf {
			i++
		}
		if i == n || rs[i] == '\n' && i+1 < n && rs[i+1] == '\n' {
			// paragraph end: an open quote ends here; it runs on when the
			// next paragraph opens with a mark of its family.
			if cur != nil && nestAt > cur.open && cur.open >= paraStart {
				// an opening mark left unclosed swallowed the quotes after
				// it ("the bill "very much had the feel of …', and urged …
				// "an obligation …""): it ends at the last punctuation
				// before the first of them, and they are read again
				if e := lastPunct(rs, cur.open+1, nestAt); e > cur.open+1 {
					at := nestAt
					cur.spans, spanFrom = nil, cur.open+1
					endSpan(e)
					finish(e, false)
					nestAt = -1
					i = at - 1
					continue
				}
			}
			nestAt = -1
			if cur != nil {
				endSpan(i)
				fam := cur.fam
				finish(i, false)
				j := i
				for j < n && unicode.IsSpace(rs[j]) {
					j++
				}
				if j < n && len(out) > 0 && markFamily(rs[j]) == fam && opensQuote(rs, j) {
					carry = len(out) - 1
				}
			}
			if i == n {
				break
			}
			paraStart = i + 2
			continue
		}
		r := rs[i]
		fam := markFamily(r)
		if fam == 0 {
			continue
		}
		op, cl := classify(rs, i, paraStart, stack)
		switch {
		case cl:
			k := len(stack) - 1
			for k >= 0 && stack[k].fam != fam {
				k--
			}
			if k < 0 {
				continue
			}
			stack = stack[:k]
			if k == 0 {
				endSpan(i)
				finish(i+1, true)
			}
		case op:
			if len(stack) == 0 {
				if fam == famSingle && !singleCloses(rs, i, paraStart) {
					continue // a leading apostrophe ('90s, 'em)
				}
				if carry >= 0 && i >= paraStart && onlySpaceBetween(rs, paraStart, i) {
					// the quote of the last paragraph runs on
					q := out[carry]
					out = out[:carry]
					cur = &q
					cur.runOn = true
				} else {
					cur = &rawQuote{open: i, fam: fam}
				}
				carry = -1
				stack = append(stack, openMark{fam, r})
				spanFrom = i + 1
				continue
			}
			if len(stack) == 1 && stack[0].fam == fam && fam == famDouble && afterSentenceEnd(rs, i, paraStart) {
				if e := attributionBefore(rs, spanFrom, i); e > 0 {
					// "… for the country. In reference to …, Mr Milburn
					// said: "Michael …": the first quote was left unclosed
					endSpan(e)
					finish(e, false)
					cur = &rawQuote{open: i, fam: fam}
					stack = append(stack[:0], openMark{fam, r})
					spanFrom = i + 1
					continue
				}
				// journalistic run-on: ... weeks. "We are going ...
				endSpan(i)
				cur.runOn = true
				spanFrom = i + 1
				continue
			}
			if fam == famSingle && !singleCloses(rs, i, paraStart) {
				continue
			}
			if fam == famDouble && nestAt < 0 && len(stack) > 0 && stack[0].fam == famDouble {
				nestAt = i
			}
			stack = append(stack, openMark{fam, r})
		}
		if cur == nil {
			carry = -1
		}
	}
	for k := range out {
		classifyPartial(rs, &out[k])
	}
	return out
}

// lastPunct returns the offset just past the last , ; . ! ? (and a single
// closing mark after it) in [from, to) that words of the writer follow, or -1.
func lastPunct(rs []rune, from, to int) int {
	for k := to - 1; k > from; k-- {
		switch rs[k] {
		case ',', ';', '.', '!', '?':
			e := k + 1
			if e < to && (rs[e] == '’' || rs[e] == '\'') {
				e++
			}
			for m := e; m < to; m++ {
				if unicode.IsLetter(rs[m]) {
					return e
				}
			}
		}
		if k < to-1 && (rs[k] == '’' || rs[k] == '\'') && rs[k+1] == ',' {
			continue
		}
	}
	return -1
}

// attributionBefore finds, in a quote's text up to a mark that opens a run-on
// span after a colon, the attribution that ends it ("… country. In reference
// to …, Mr Milburn said: "): the offset just past the sentence end before
// it, or -1.
func attributionBefore(rs []rune, from, at int) int {
	j := at - 1
	for j > from && rs[j] == ' ' {
		j--
	}
	if j <= from || rs[j] != ':' {
		return -1
	}
	w := wordBefore(rs, j)
	if !reportVerbs[lower(w)] {
		return -1
	}
	for k := j - len([]rune(w)) - 1; k > from; k-- {
		switch rs[k] {
		case '.', '!', '?':
			if k+1 < at && rs[k+1] == ' ' {
				if speakerWords(rs[k+1 : j]) {
					return -1 // "… I do not have a state, and you are asked: "Where are you from?"": nested in the quote
				}
				return k + 1
			}
		case '"', '“', '”', '\n':
			return -1
		}
	}
	return -1
}

// speakerWords reports whether a clause speaks in the first or second
// person, as the one quoted does and the writer does not.
func speakerWords(rs []rune) bool {
	for _, w := range strings.FieldsFunc(string(rs), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "I", "you", "You", "we", "We":
			return true
		}
	}
	return false
}

func onlySpaceBetween(rs []rune, a, b int) bool {
	for ; a < b; a++ {
		if !unicode.IsSpace(rs[a]) {
			return false
		}
	}
	return true
}

func markFamily(r rune) int {
	switch r {
	case '"', '“', '”', '„', '‟':
		return famDouble
	case '\'', '‘', '’', '‚':
		return famSingle
	case '«', '»':
		return famGuil
	case '‹', '›':
		return famSGuil
	}
	return 0
}

func leftOpen(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '{' || r == '/' || isDash(r) || isQuoteMark(r)
}

func rightOpen(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '(' && r != '[' || isQuoteMark(r)
}

// opensQuote reports whether the mark at i, as the first thing in a
// paragraph, opens a quotation.
func opensQuote(rs []rune, i int) bool {
	switch rs[i] {
	case '“', '„', '«', '‹', '‟', '‘', '‚':
		return true
	case '"', '\'':
		return i+1 < len(rs) && !unicode.IsSpace(rs[i+1])
	}
	return false
}

// classify decides whether the mark at i opens or closes a quote, from its
// own shape, the characters around it, and the marks still open.
func classify(rs []rune, i, paraStart int, stack []openMark) (open, close bool) {
	r := rs[i]
	prev, next := ' ', ' '
	if i > paraStart {
		prev = rs[i-1]
	}
	if i+1 < len(rs) {
		next = rs[i+1]
	}
	lo, ro := leftOpen(prev), rightOpen(next)
	fam := markFamily(r)
	hasOpen := false
	var opener rune
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].fam == fam {
			hasOpen, opener = true, stack[k].opener
			break
		}
	}
	switch r {
	case '“':
		if hasOpen && opener == '„' {
			return false, true
		}
		if hasOpen && !lo && ro {
			return false, true // “…“ typed with one kind of mark
		}
		return true, false
	case '”':
		if hasOpen {
			return false, true
		}
		return lo && !ro, false
	case '„', '‟', '‚':
		return true, false
	case '«', '‹':
		if hasOpen && (opener == '»' || opener == '›') {
			return false, true
		}
		return true, false
	case '»', '›':
		if hasOpen {
			return false, true
		}
		return lo && !ro, false
	case '‘':
		if hasOpen && opener == '‚' {
			return false, true
		}
		if hasOpen && !lo && ro {
			return false, true
		}
		return lo && !ro && !unicode.IsDigit(next), false
	case '’', '\'':
		if unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(next) && lo {
			return false, false // apostrophe: don't, '90s
		}
		if hasOpen && !lo {
			return false, true
		}
		if r == '\'' && lo && !ro {
			return true, false
		}
		return false, false
	case '"':
		switch {
		case lo && !ro:
			return true, false
		case !lo && ro:
			return false, hasOpen
		case lo && ro:
			return !hasOpen, hasOpen
		default: // word"word
			return !hasOpen, hasOpen
		}
	}
	return false, false
}

// singleCloses reports whether a single quote opening at i has a closing mark
// later in the same paragraph; without one it is an apostrophe.
func singleCloses(rs []rune, i, paraStart int) bool {
	for j := i + 1; j < len(rs); j++ {
		r := rs[j]
		if r == '\n' && j+1 < len(rs) && rs[j+1] == '\n' {
			return false
		}
		if r == '’' || r == '\'' {
			next := ' '
			if j+1 < len(rs) {
				next = rs[j+1]
			}
			if unicode.IsLetter(rs[j-1]) && unicode.IsLetter(next) {
				continue
			}
			if !leftOpen(rs[j-1]) && rightOpen(next) {
				return true
			}
		}
	}
	return false
}

// afterSentenceEnd reports whether the nearest non-space before i ends a
// sentence (". "We ...").
func afterSentenceEnd(rs []rune, i, paraStart int) bool {
	j := i - 1
	if j < paraStart || !unicode.IsSpace(rs[j]) {
		return false
	}
	for j >= paraStart && unicode.IsSpace(rs[j]) {
		j--
	}
	if j < paraStart {
		return false
	}
	if (rs[j] == '’' || rs[j] == '\'') && j > paraStart && strings.ContainsRune(".!?", rs[j-1]) {
		j-- // a quotation inside ends the sentence: "… say 'wow - that's interesting.' "My …"
	}
	switch rs[j] {
	case '.', '!', '?', '…', ':', ';':
		return true
	}
	return false
}

// trimSpan narrows [s, e) to exclude surrounding white space.
func trimSpan(rs []rune, s, e int) (int, int) {
	for s < e && unicode.IsSpace(rs[s]) {
		s++
	}
	for e > s && unicode.IsSpace(rs[e-1]) {
		e--
	}
	return s, e
}

// classifyPartial marks a quotation that is a phrase inside a sentence of
// the writer's own ("blamed "aggressive westernised politics"") rather than
// a quoted sentence.
func classifyPartial(rs []rune, q *rawQuote) {
	first := q.spans[0]
	q.firstCap = false
	for k := first.Start; k < first.End; k++ {
		if unicode.IsLetter(rs[k]) || unicode.IsDigit(rs[k]) {
			q.firstCap = unicode.IsUpper(rs[k]) || unicode.IsDigit(rs[k])
			break
		}
	}
	if q.runOn {
		q.partial = false
		return
	}
	// what comes before the opening mark
	j := q.open - 1
	for j >= 0 && rs[j] == ' ' {
		j--
	}
	var prev rune = '\n'
	if j >= 0 {
		prev = rs[j]
	}
	last := q.spans[len(q.spans)-1]
	endPunct := false
	if last.End > last.Start {
		switch rs[last.End-1] {
		case '.', '!', '?', ',', '…', ':', ';':
			endPunct = true
		}
	}
	words := 1
	for k := first.Start; k < last.End; k++ {
		if rs[k] == ' ' {
			words++
		}
	}
	switch {
	case prev == '\n', prev == '.', prev == '!', prev == '?', prev == ':', prev == '…', prev == ';', isQuoteMark(prev):
		q.partial = !q.firstCap && !(endPunct && words >= 6) || !endPunct && words <= 3 && lowerAfter(rs, q.close)
	case unicode.IsLetter(prev):
		w := wordBefore(rs, j+1)
		q.partial = !(q.firstCap && (reportVerbs[lower(w)] || endPunct && words >= 8))
	default: // comma, dash, bracket
		q.partial = !(q.firstCap && endPunct && words >= 4)
	}
}

// lowerAfter reports whether a lower-case word follows the closing mark at
// close, the sentence going on: ""Dubious" assumptions about …".
func lowerAfter(rs []rune, close int) bool {
	k := close
	for k < len(rs) && isQuoteMark(rs[k]) {
		k++
	}
	if k+1 >= len(rs) || rs[k] != ' ' {
		return false
	}
	return unicode.IsLower(rs[k+1])
}

// wordBefore returns the word ending at rune offset e.
func wordBefore(rs []rune, e int) string {
	s := e
	for s > 0 && (unicode.IsLetter(rs[s-1]) || rs[s-1] == '\'' || rs[s-1] == '’') {
		s--
	}
	return string(rs[s:e])
}

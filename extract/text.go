package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// doc is an article body prepared once for every pass: its runes, its words
// and sentences, and which runes lie inside quotation marks.
type doc struct {
	body  string
	low   string // body in lower case when that keeps its byte offsets, else ""
	runes []rune
	boff  []int32 // byte offset of each rune, and of the end
	valid bool    // the body is valid UTF-8 (and has no U+FFFD): d.text slices it
	toks  []tok
	sents []sent // sentences outside and inside quotes, in order
	inQ   []bool // per rune: inside a quotation's span
}

// tok is a word or a punctuation mark. Offsets are runes into the body.
type tok struct {
	start, end int
	text       string
	low        string // text in lower case
	sent       int    // index into doc.sents
	quoted     bool   // inside a quotation
	para       bool   // first token of a paragraph
	form       uint8  // tWord, tCap, tDot: see isWord, isCap, hasDot
	cls, bare  wclass // the word sets of low, and of low without its possessive: see classes
}

// A token's form: bits, not three bools, so that a tok takes 64 bytes, not
// 72 (an article has a token for every five runes or so).
const (
	tWord = 1 << iota // starts with a letter or digit
	tCap              // starts with an upper-case letter
	tDot              // a full stop follows with no space: "Jr."
)

func (t *tok) isWord() bool { return t.form&tWord != 0 }

func (t *tok) isCap() bool { return t.form&tCap != 0 }

func (t *tok) hasDot() bool { return t.form&tDot != 0 }

func (t *tok) is(s string) bool { return t.text == s }

// in reports whether the token's lower-case text is in one of the sets c.
func (t *tok) in(c wclass) bool { return t.classes()&c != 0 }

// bareIn is in for the text without its possessive ("Kremlin's" → "kremlin").
func (t *tok) bareIn(c wclass) bool {
	t.classes()
	return t.bare&c != 0
}

// classes looks the token's word sets up on first use: most tokens are
// never tested. (The test of wLooked is apart from the look-up so that it
// inlines: the rules ask of the same token many times.)
func (t *tok) classes() wclass {
	if t.cls&wLooked == 0 {
		t.lookUp()
	}
	return t.cls
}

func (t *tok) lookUp() {
	t.cls = wordClasses[t.low] | wLooked
	t.bare = t.cls
	if bare := trimPossessive(t.low); len(bare) < len(t.low) {
		t.bare = wordClasses[bare]
	}
	if t.text == "MS" {
		// a Member of the Senedd ("Montgomeryshire MS Russell George"), no "Ms"
		t.cls, t.bare = t.cls&^wHonorific|wRole, t.bare&^wHonorific|wRole
	}
	if !t.isCap() && lyAdverb(t.low) {
		// an adverb between a speaker and the verb: "Beattie initially said"
		t.cls |= wSkip
		t.bare |= wSkip
	}
}

// lyAdverb reports whether a word looks like an adverb in -ly.
func lyAdverb(low string) bool {
	return len(low) >= 6 && strings.HasSuffix(low, "ly") && !lyNouns[low]
}

// lyNouns end in -ly but are no adverbs.
var lyNouns = set("family", "assembly", "supply", "reply", "monopoly", "elderly", "anomaly", "melancholy")

type sent struct {
	start, end int // rune offsets
	tok0, tok1 int // token range [tok0, tok1)
}

// abbreviations after which a full stop does not end a sentence.
var abbrev = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true, "Gen": true, "Lt": true,
	"Col": true, "Sen": true, "Rep": true, "Gov": true, "Sgt": true, "Capt": true, "Maj": true, "Adm": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "No": true, "Jr": true, "Sr": true, "vs": true,
	"U.S": true, "U.K": true, "U.N": true, "e.g": true, "i.e": true, "Inc": true, "Co": true, "Ltd": true,
	"Hon": true, "Rt": true, "Cllr": true, "Coun": true,
}

// titleAbbrev are the abbreviated titles that keep their full stop when a
// name follows: one token "Mr.", which never ends a sentence.
var titleAbbrev = set("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Sgt", "Capt", "Maj",
	"Adm", "Rev", "Sens", "Reps", "Messrs", "Hon", "Rt", "Cllr", "Coun")

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '‚', '‟':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‒' || r == '―' }

// dashTok reports whether a token is a lone dash (read without copying
// the text: parseNP asks it of every token).
func dashTok(t *tok) bool {
	r, n := utf8.DecodeRuneInString(t.text)
	return n > 0 && n == len(t.text) && isDash(r)
}

// isSpace is unicode.IsSpace, with ASCII (' ', and '\t' to '\r') tested
// inline: tokenize asks it of every rune that starts no word.
func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// wordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark (tokenize keeps the joiners of "don't", "U.S.", "1,400" and
// "anti-war" inside a word). ASCII, most of a news text, skips the tables.
func wordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWordRune[r] // (a table, and the rest apart, so that this inlines)
	}
	return wordRuneBeyondASCII(r)
}

// asciiWordRune tells the ASCII letters and digits.
var asciiWordRune = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

func wordRuneBeyondASCII(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// arabicArticle reports a name that opens with the Arabic article in lower
// case, "al-Marri", "el-Sisi": it is capitalised for the reader of a name.
func arabicArticle(w string) bool {
	return len(w) > 3 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && w[2] == '-' && 'A' <= w[3] && w[3] <= 'Z'
}

// mayGlue is gluedParticle's first test, which most words fail, apart so
// that it inlines.
func mayGlue(w string) bool { return len(w) >= 4 && (w[0] == 'd' || w[0] == 'l' || w[0] == 'v') }

// gluedParticle reports a name whose particle in lower case is glued to
// it: "diCaprio", "deGrasse", "vanDyke", and an elided article: "Conseil
// Superieur de l'Audiovisuel", "Côte d'Ivoire".
func gluedParticle(w string) bool {
	if len(w) < 4 || w[0] != 'd' && w[0] != 'l' && w[0] != 'v' {
		return false // most words, at once
	}
	if w[0] != 'v' {
		rest := strings.TrimPrefix(strings.TrimPrefix(w[1:], "'"), "’")
		if len(rest) < len(w)-1 && len(rest) > 1 && 'A' <= rest[0] && rest[0] <= 'Z' {
			return true
		}
	}
	for _, p := range [...]string{"di", "de", "da", "du", "le", "la", "van", "von"} {
		if len(w) > len(p)+2 && w[:len(p)] == p && 'A' <= w[len(p)] && w[len(p)] <= 'Z' && 'a' <= w[len(p)+1] && w[len(p)+1] <= 'z' {
			return true
		}
	}
	return false
}

// excellency reports the word rs[i:j] as the Gulf press's "HE" (His
// Excellency) or "HH" (His Highness) before a title or a name.
func excellency(rs []rune, i, j int) bool {
	if j-i != 2 || !(rs[i] == 'H' && (rs[i+1] == 'E' || rs[i+1] == 'H')) || j+3 >= len(rs) || rs[j] != ' ' {
		return false
	}
	next := rs[j+1:]
	return unicode.IsUpper(next[0]) && unicode.IsLower(next[1]) || len(next) > 4 && string(next[:4]) == "the " && unicode.IsUpper(next[4])
}

// retiredMark returns the end of a "(Rtd)", "(retd)" or "(ret.)" at rs[i]
// between a title and a name, else i.
func retiredMark(rs []rune, i int) int {
	if rs[i] != '(' {
		return i
	}
	j := i + 1
	for j < len(rs) && j-i < 10 && rs[j] != ')' {
		j++
	}
	if j+2 >= len(rs) || rs[j] != ')' || rs[j+1] != ' ' || !unicode.IsUpper(rs[j+2]) {
		return i
	}
	switch strings.ToLower(string(rs[i+1 : j])) {
	case "rtd", "retd", "ret", "ret.", "retd.", "retired":
		return j + 1
	}
	return i
}

// webAddress reports whether the word at rs[i] and the run of words and
// inner stops at rs[j:] after its stop make a web address: "Amazon.com",
// "Halo.Bungie.Org", "co.uk". Its stops end no sentence. A capitalised
// ending needs a capitalised name of two stops ("Halo.Bungie.Org"), not a
// stop that lost its space ("fell sharply.Net income rose").
func webAddress(rs []rune, i, j int) bool {
	k, last, stops := j, j, 0
	for k < len(rs) && (wordRune(rs[k]) || rs[k] == '.' && k+1 < len(rs) && wordRune(rs[k+1])) {
		if rs[k] == '.' {
			last = k + 1
		}
		k++
	}
	for _, r := range rs[i:k] {
		if r == '.' {
			stops++
		}
	}
	if k-last < 2 || k-last > 4 || unicode.IsUpper(rs[last+1]) {
		return false // (not "EU" after a stop with no space)
	}
	if unicode.IsUpper(rs[last]) && (stops < 2 || !unicode.IsUpper(rs[i])) {
		return false
	}
	switch strings.ToLower(string(rs[last:k])) {
	case "com", "org", "net", "uk", "gov", "tv", "info", "io", "eu", "ru", "ua":
		return true
	}
	return false
}

// tokenize splits the body into words and punctuation, and sentences.
func (d *doc) tokenize() {
	rs := d.runes
	n := len(rs)
	d.toks = make([]tok, 0, n/5)
	d.low = lowerSameWidth(d.body)
	para := true
	for i := 0; i < n; {
		r := rs[i]
		switch {
		case r == '\n':
			if i+1 < n && rs[i+1] == '\n' {
				para = true
			}
			i++
			continue
		case isSpace(r):
			i++
			continue
		case isQuoteMark(r) && !(r == '\'' || r == '’') || (r == '\'' || r == '’') && !(i > 0 && wordRune(rs[i-1]) && i+1 < n && wordRune(rs[i+1])):
			// quote marks are not tokens; apostrophes inside words are handled below
			i++
			continue
		case wordRune(r):
			j := i + 1
			for j < n {
				c := rs[j]
				if wordRune(c) {
					j++
					continue
				}
				// joiners inside a word: don't, U.S., 1,400, 3.5, 4:15, anti-war
				if j+1 < n && wordRune(rs[j+1]) && (c == '\'' || c == '’' || c == '.' || c == '-' || c == '‑' || c == '&' ||
					((c == ',' || c == ':') && unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1]))) {
					// a state after a party keeps its stops too: "D-N.H."
					if c == '.' && !(unicode.IsDigit(rs[j-1]) || j-i == 1 || (j >= 2 && (rs[j-2] == '.' || rs[j-2] == '-' && unicode.IsUpper(rs[j-1]))) || webAddress(rs, i, j+1)) {
						break
					}
					j += 2
					continue
				}
				break
			}
			if j+2 < n && (rs[j] == '\'' || rs[j] == '’') && rs[j+1] == ' ' && (rs[j-1] == 's' || rs[j-1] == 'S') && unicode.IsUpper(rs[i]) && unicode.IsUpper(rs[j+2]) {
				j++ // a plural or sibilant possessive before a name: "PBS' Jacoba Atlas"
			}
			// "U.S." keeps its last stop when one came before; so does a
			// title before a name ("Mr. Scholz", "Sen. Ted Cruz")
			// and so does a state abbreviated after a party: "Richard
			// Blumenthal, D-Conn., said"
			if j < n && rs[j] == '.' && (j-i >= 3 && rs[j-2] == '.' || titleAbbrev[d.body[d.boff[i]:d.boff[j]]] && j+2 < n && rs[j+1] == ' ' && unicode.IsUpper(rs[j+2]) ||
				j-i >= 4 && j+1 < n && rs[j+1] == ',' && strings.ContainsRune("RDI", rs[i]) && rs[i+1] == '-' && unicode.IsUpper(rs[i+2])) {
				j++
			} else if j-i == 1 && j+3 < n && rs[j] == '.' && unicode.IsUpper(rs[i]) && rs[j+1] == ' ' && unicode.IsUpper(rs[j+2]) && unicode.IsLower(rs[j+3]) &&
				len(d.toks) > 0 && d.toks[len(d.toks)-1].end == i-1 && startsUpper(d.toks[len(d.toks)-1].text) {
				j++ // a middle initial keeps its stop: "Edward J. Markey"
			}
			if j-i == 2 && excellency(rs, i, j) { // (its first test, without the call)
				i = j // a title of honour, no part of the phrase: "HE the Deputy Prime Minister"
				continue
			}
			d.addTok(i, j, para)
			para = false
			i = j
		default:
			if e := retiredMark(rs, i); e > i {
				i = e // no part of the title or the name: "Colonel (Rtd) Isireli Naivalu"
				continue
			}
			j := i + 1
			if r == '.' {
				for j < n && rs[j] == '.' {
					j++
				}
			}
			d.addTok(i, j, para)
			para = false
			i = j
		}
	}
	d.unshoutLede()
	d.splitSentences()
}

// unshoutLede reads the words in capitals that open a report in the house
// style of many regional papers ("A NURSE from Kendal", "THE mother of a
// Carlisle soldier", "STAFF at RAF Fylingdales") as the common words they
// are; a name among them ("A WREXHAM woman") stays a name.
func (d *doc) unshoutLede() {
	common := func(w string) bool {
		return functionWords[w] || determiners[w] || personNouns[w] || groupNouns[w] || roleWords[w] || humanHead(w) || kinNouns[w] != 0
	}
	e, shout := 0, false // the run of words in capitals, and whether a common word of three letters or more is among them
	for e < len(d.toks) && (e == 0 || !d.toks[e].para) && shouted(d.toks[e:e+1]) {
		shout = shout || len(d.toks[e].low) >= 3 && common(d.toks[e].low)
		e++
	}
	if !shout {
		return // "A NATO official", "A failed government scheme": no house style
	}
	for k := 0; k < e; k++ {
		if w := d.toks[k].low; (len(w) >= 3 || w == "a" || w == "an") && common(w) {
			d.toks[k].form &^= tCap
		}
	}
}

// addTok appends the token of runes [i, j), whole: what it is is known
// as it is cut, and a second pass over the tokens would read them all again.
func (d *doc) addTok(i, j int, para bool) {
	t := tok{start: i, end: j, text: d.body[d.boff[i]:d.boff[j]], para: para}
	if d.low != "" {
		t.low = d.low[d.boff[i]:d.boff[j]] // one lowering per article, not per token
	} else {
		t.low = lower(t.text)
	}
	r := d.runes[i] // the text's first rune
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		t.form |= tWord
	}
	if unicode.IsUpper(r) || arabicArticle(t.text) || mayGlue(t.text) && gluedParticle(t.text) ||
		unicode.IsDigit(r) && j-i >= 3 && unicode.IsUpper(d.runes[i+1]) && unicode.IsLower(d.runes[j-1]) { // a brand: "4Cast", "3Com"
		t.form |= tCap
	}
	if j < len(d.runes) && d.runes[j] == '.' {
		t.form |= tDot
	}
	d.toks = append(d.toks, t)
}

// paraStart returns the first token of the paragraph of token k.
func (d *doc) paraStart(k int) int {
	for k > 0 && !d.toks[k].para {
		k--
	}
	return k
}

// splitSentences groups tokens into sentences: a sentence ends at . ! ? …
// (not after a known abbreviation or a lone initial) or at a paragraph break.
func (d *doc) splitSentences() {
	start := 0
	closeAt := func(end int) {
		if end <= start {
			return
		}
		s := sent{start: d.toks[start].start, end: d.toks[end-1].end, tok0: start, tok1: end}
		idx := len(d.sents)
		for k := start; k < end; k++ {
			d.toks[k].sent = idx
		}
		d.sents = append(d.sents, s)
		start = end
	}
	for i := range d.toks {
		t := &d.toks[i]
		if t.para && i > start {
			closeAt(i)
		}
		switch t.text {
		case ".", "!", "?", "…", "...":
			if t.text == "." && i > 0 {
				p := d.toks[i-1].text
				if d.toks[i-1].end == t.start && (abbrev[p] || (utf8.RuneCountInString(p) == 1 && unicode.IsUpper([]rune(p)[0]))) {
					continue
				}
			}
			// the sentence goes on when a lower-case word follows ("... sorry?" he asked)
			if i+1 < len(d.toks) && !d.toks[i+1].para {
				nx := &d.toks[i+1]
				if startsLower(nx.text) || t.text == "." && (nx.text == "," || nx.text == ";") {
					continue // "Sen. Maria Cantwell, D-Wash., said": an abbreviation's stop
				}
			}
			closeAt(i + 1)
		}
	}
	closeAt(len(d.toks))
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// lowerIs reports whether lower(s) == low, without making lower(s) when s
// is ASCII. (Up to its first non-ASCII byte, lower(s) is s with A-Z
// lowered, byte for byte.)
func lowerIs(s, low string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return lower(s) == low
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if i >= len(low) || c != low[i] {
			return false
		}
	}
	return len(s) == len(low)
}

// lowerSameWidth lowers s when every rune keeps its width in UTF-8, so
// that byte offsets into s hold for the result; else it returns "".
func lowerSameWidth(s string) string {
	// the text is copied in runs between the letters that change, into a
	// Builder: one allocation, no copy of a byte at a time
	var b strings.Builder
	b.Grow(len(s))
	from := 0 // s[from:i] is still to be written as it stands
	for i := 0; i < len(s); {
		for i < len(s) && !upperOrBeyondASCII[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b.WriteString(s[from:i])
			b.WriteByte(c + 'a' - 'A')
			i++
			from = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		lr := unicode.ToLower(r)
		if utf8.RuneLen(lr) != n || r == utf8.RuneError {
			return ""
		}
		if lr != r {
			b.WriteString(s[from:i])
			b.WriteRune(lr)
			from = i + n
		}
		i += n
	}
	b.WriteString(s[from:])
	return b.String()
}

// upperOrBeyondASCII tells the bytes lowerSameWidth stops at.
var upperOrBeyondASCII = func() (t [256]bool) {
	for c := range t {
		t[c] = 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf
	}
	return t
}()

func toLowerSlow(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		b = append(b, unicode.ToLower(r))
	}
	return string(b)
}

// byteToRune maps a byte offset of s to its rune offset; used at the edges where
// byte offsets appear.
func byteToRune(s string, b int) int { return utf8.RuneCountInString(s[:b]) }

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokAt returns the index of the first token that starts at or after pos.
// (sort.Search written out: the rules ask it often, and its predicate was
// a call per step.)
func (d *doc) tokAt(pos int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.toks[m].start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func isStop(t *tok) bool {
	switch t.text {
	case ".", "!", "?", "…", "...", ";":
		return true
	}
	return false
}

// npStop ends a speaker phrase that follows its verb: "said Mr X on Friday".
var npStop = set("on", "in", "at", "during", "after", "before", "yesterday", "today", "when", "while", "that",
	"to", "last", "this", "earlier", "later", "as", "in", "who", "which", "adding", "told", "speaking",
	"referring", "without", "but", "and", "with", "about", "via", "through", "recently", "afterwards",
	"tonight", "yesterday", "following", "amid", "over", "ahead")

// clauseAfter reads "…," he said / said X / X told Y: the words from pos up
// to the end of the sentence (or limit), and finds a speaker in them.
func (x *extractor) clauseAfter(pos, limit int, strictStart bool) (np, bool) {
	d := x.d
	i := d.tokAt(pos)
	if i < len(d.toks) && d.toks[i].text == "," {
		i++
	}
	j := i
	for j < len(d.toks) && j-i < 24 && d.toks[j].start < limit && !d.toks[j].quoted && !isStop(&d.toks[j]) &&
		(j == i || !d.toks[j].para) {
		j++
	}
	if j == i || i < len(d.toks) && d.toks[i].para {
		return np{}, false
	}
	c := d.toks[i:j]
	if c[0].low == "while" || c[0].low == "whereas" {
		// "Blinken told MSNBC that "…", while Nato's secretary general, Jens
		// Stoltenberg, said": a clause of someone else's
		return np{}, false
	}
	lim, appos := 9, false
	if commas := countText(c, ","); commas >= 2 || countText(c, "-")+countText(c, "–")+countText(c, "—") >= 2 {
		// an apposition: "the company's president and CEO, Chris Kempczinski, wrote",
		// "Markus Feldhaus, a security analyst at the Berlin-based Institute for
		// European Policy Studies, told DW"
		lim, appos = 22, true
	} else if commas == 1 && len(c) > 2 && capWord(&c[0]) && (c[1].text == "," || capWord(&c[1]) && (c[2].text == "," || len(c) > 3 && c[3].text == ",")) {
		lim = 16 // "Will Davies, senior research fellow at the IPPR told"
	}
	if r := titledRun(c); r >= lim && r < 16 {
		lim = r + 1 // "RMI Ambassador to the United Nations Amatlain Elizabeth Kabua said"
	}
	if r := jointRun(c); r >= lim {
		lim = r + 1 // "JP Morgan chief executive William Harrison and chief operating officer James Dimon said"
	}
	// "the advice from the Department of Foreign Affairs and Trade reads": a
	// document and the body it comes from
	document := len(c) > 4 && articles[c[0].low] && docHeads[c[1].low] && (c[2].low == "from" || c[2].low == "by" || c[2].low == "of")
	if document {
		a := 3
		if articles[c[a].low] {
			a++
		}
		if r := titledRun(c[a:]); a+r >= lim && a+r < 20 {
			lim = a + r + 1
		}
	}
	for v := 0; v < len(c) && v < lim; v++ {
		w := c[v].low
		if w == "according" && v+1 < len(c) && c[v+1].low == "to" {
			if strictStart && countText(c[v:], ",") > 0 && c[len(c)-1].text != "," {
				// "“….” According to the FT's correspondent, the new rules
				// highlight …", "But later, according to The Independent,
				// Wenger spoke to …": a sentence of its own
				return np{}, false
			}
			return x.accordingTo(c[v+2:], i+v+2), true
		}
		if p, ok := quotedAsSaying(c, v, i); ok && !strictStart {
			return p, true // after a full stop, "Reuters quoted X as saying" opens a quote of its own
		}
		pointed := v == 0 && len(c) > 2 && pointsOut(c, v)
		if beliefAdjectives[w] && v >= 2 && v <= 5 && (c[v-1].low == "is" || c[v-1].low == "was") && !strictStart {
			// ""…," Mykhailo Podolyak is convinced": a belief the subject states
			if p := npBackward(c, v-1, i); p.kind == npPerson && p.pos == i {
				return p, true
			}
		}
		if !reportVerbs[w] && !pointed && !(document && w == "read") { // ("reads" is a verb of speech)
			continue
		}
		if v+2 < len(c) && c[v+1].low == "to" && c[v+2].isWord() && !c[v+2].isCap() && !determiners[c[v+2].low] {
			continue // "Connors has also agreed to commentate": no speech
		}
		if pointed {
			return x.after(c[2:], i+2), true // ""…," points out BBC pundit Steve Cram"
		}
		if v == 0 {
			if len(c) > 2 && (c[1].low == "on" || c[1].low == "via") && capWord(&c[2]) {
				return np{}, false // ", wrote on Twitter that": where, not who
			}
			if strictStart && strings.HasSuffix(w, "ing") {
				return np{}, false // "…" Commenting Mr Macklin said: a sentence of his own after the quote
			}
			if w == "told" || w == "tells" || w == "informed" {
				return np{}, false // ", who called the drills "not welcome", told the Dáil": the one told
			}
			return x.after(c[1:], i+1), true
		}
		k := v
		for k > 0 && c[k-1].in(wSkip) {
			k--
		}
		if appos && v >= 13 && c[k-1].text != "," {
			continue // far from the quote, a verb counts only right after the apposition
		}
		if replyVerbs[w] && v+1 < len(c) && c[v+1].low == "that" && (i == 0 || d.toks[i-1].text == "?" || d.toks[i-1].sent != d.toks[i].sent) {
			// ""…?" Mr Milburn replied that they were not": the answer to
			// the question, not its asker
			return np{}, false
		}
		if k >= 3 && k <= 5 && c[k-1].text == "," && countText(c[:k], ",") == 1 && phrasePreps[c[0].low] && !c[0].isCap() {
			// ""… the case" in 2005, said Kurt Karl": the quote's sentence
			// runs on outside its marks, then the verb and who said it
			if p := x.after(c[v+1:], i+v+1); p.kind != npNone {
				return p, true
			}
		}
		if strictStart {
			// after a full stop only "he said." may follow
			if k > 4 || j-i > 8 {
				return np{}, false
			}
			if v+1 < len(c) && c[v+1].text == ":" {
				return np{}, false // "But Mr Howard said: “…”" hands over to the next quote
			}
			if clauseOpeners[lowAt(c, v+1)] {
				return np{}, false // "“….” Stephens said he grew up": a sentence of its own
			}
		}
		p := npBackward(c, k, i)
		if p.kind == npNone && k == 0 {
			continue
		}
		if p.kind == npNone && k >= 3 && c[k-1].text == "," && countText(c[:k], ",") == 1 {
			// ""…," Kirsten Pfeifer from the Consumer Electronics
			// Association, told the BBC": a stray comma after the speaker
			if q := x.after(c[:k-1], i); q.kind == npPerson && (q.pos == i || rolePrefix(c[:q.pos-i])) {
				return q, true // (and ""…," shop owner Hayriye Evren, told")
			}
		}
		if m := indexText(c[:k], ","); p.kind == npNone && m >= 2 && m+2 < k && countText(c[:k], ",") == 1 && c[m+1].in(wDet) {
			// ""…," Adam Hume, the BBC Broadcast's futurologist told": an
			// apposition that lost its closing comma
			if q := x.after(c[:m], i); q.kind == npPerson && q.pos == i && fullPerson(q) {
				return q, true
			}
		}
		return p, true
	}
	return np{}, false
}

// rolePrefix reports whether ts, before a name, are a few plain words of
// its role and nothing else: "shop owner".
func rolePrefix(ts []tok) bool {
	if len(ts) == 0 || len(ts) > 3 {
		return false
	}
	for k := range ts {
		if !ts[k].isWord() || ts[k].isCap() || ts[k].in(wReport|wStance|wSkip) || functionWords[ts[k].low] || ts[k].quoted {
			return false
		}
	}
	return true
}

// pastVerb reports whether ts hold a plain word in the past tense, a verb
// and no noun of a description: "introduced" (not "Oscar-nominated").
func pastVerb(ts []tok) bool {
	for k := range ts {
		if w := ts[k].low; len(w) > 5 && strings.HasSuffix(w, "ed") && !strings.Contains(w, "-") && !ts[k].in(wRole) {
			return true
		}
	}
	return false
}

// asParticiples name a thing "as" the words quoted after it.
var asParticiples = set("describing", "calling", "citing", "hailing", "branding", "dubbing", "labelling", "labeling", "terming", "dismissing", "portraying", "characterising", "characterizing")

// beginWords before "to" make the verb after it the subject's: "are
// beginning to say".
var beginWords = setAnd(beganWords, "begin", "start", "begins", "starts")

// beliefAdjectives after "is" state what the subject holds true.
var beliefAdjectives = set("convinced", "sure", "certain", "confident", "adamant")

// titledRun gives the length of the run of capitalised words and the
// connectors between them that opens c: an office and a name.
func titledRun(c []tok) int {
	r := 0
	for r < len(c) && !c[r].quoted && (capWord(&c[r]) || r > 0 && connectorText(&c[r]) && r+1 < len(c) && (capWord(&c[r+1]) || c[r+1].low == "the")) {
		r++
	}
	return r
}

// jointRun is the length of two titled names joined by "and" that open c
// before a verb of speech, else 0.
func jointRun(c []tok) int {
	r, and := 0, false
	for r < len(c) && r < 20 && !c[r].quoted && (capWord(&c[r]) || c[r].in(wRole) && !c[r].in(wReport) || r > 0 && connectorText(&c[r]) && r+1 < len(c) && capWord(&c[r+1]) ||
		r > 0 && c[r].low == "and" && capWord(&c[r-1]) ||
		r > 0 && r+1 < len(c) && c[r-1].in(wRole) && c[r+1].in(wRole) && c[r].isWord() && !functionWords[c[r].low] && !c[r].in(wReport)) { // "chief operating officer"
		and = and || c[r].low == "and"
		r++
	}
	if !and || r == len(c) || !capWord(&c[r-1]) || !c[r].in(wReport) {
		return 0
	}
	return r
}

// reportedSubject reads the named subject of a reported clause that a
// participle at c[k] goes on: "Scott Sullivan has said that Mr Ebbers
// ordered accounting adjustments, telling him to "hit our books"" is Mr
// Ebbers telling.
func reportedSubject(c []tok, k, base int) np {
	for m := k - 3; m >= 1 && m > k-16; m-- {
		if c[m].quoted || c[m].text == "," && m != k-1 {
			return np{}
		}
		if c[m].low != "that" || !c[m-1].in(wReport) {
			continue
		}
		e := m + 1
		for e < k && capWord(&c[e]) {
			e++
		}
		if e == m+1 || e >= k-1 || !c[e].isWord() || c[e].isCap() || c[e].in(wReport|wStance) || functionWords[c[e].low] {
			return np{}
		}
		return parseNP(c[m+1:e], base+m+1)
	}
	return np{}
}

// clauseOpeners begin the reported clause after a verb of speech.
var clauseOpeners = set("he", "she", "it", "they", "we", "that", "there")

// pointsOut reports c[v] as the verb of "points out", which a noun
// "points" cannot begin.
func pointsOut(c []tok, v int) bool {
	return (c[v].low == "points" || c[v].low == "pointed") && v+1 < len(c) && c[v+1].low == "out"
}

// quotedAsSaying reads "the agency quoted Peoplesoft worker David Ogden as
// saying": the one quoted is the speaker, not the one quoting.
func quotedAsSaying(c []tok, v, base int) (np, bool) {
	if c[v].low != "quoted" && c[v].low != "quotes" && c[v].low != "cited" {
		return np{}, false
	}
	for e := v + 1; e+1 < len(c) && e < v+12; e++ {
		if c[e].low == "as" && (c[e+1].low == "saying" || c[e+1].low == "telling") {
			if v >= 2 && beForms[c[v-1].low] {
				// "Kuleba was quoted by Reuters as saying", "Ryabkov was
				// quoted as saying by RIA Novosti": the one quoted
				p := npBackward(c, v-1, base)
				return p, p.kind != npNone
			}
			if e == v+1 && v >= 1 {
				// "with Mr Dixon quoted as saying": the one quoted, before
				p := npBackward(c, v, base)
				return p, p.kind != npNone
			}
			p := parseNP(c[v+1:e], base+v+1)
			return p, p.kind != npNone
		}
	}
	return np{}, false
}

// asPutIt reads the speaker of "as X put it" at c[v]: "as one activist put
// it", "as the minister puts it".
func asPutIt(c []tok, v, base int) np {
	if c[v].low != "as" {
		return np{}
	}
	for e := v + 2; e+1 < len(c) && e < v+8; e++ {
		if (c[e].low == "put" || c[e].low == "puts") && c[e+1].low == "it" {
			return parseNP(c[v+1:e], base+v+1)
		}
		if !c[e].isWord() || c[e].quoted {
			break
		}
	}
	return np{}
}

// quotedAs reads who is quoted when c[v] is the "saying" of "X was quoted
// (by Interfax) as saying" or "Interfax quoted X as saying".
func quotedAs(c []tok, v, base int) (np, bool) {
	if v >= 4 && c[v-1].low != "as" && c[v].low == "saying" {
		// "Mr Houston was quoted in the Herald newspaper saying:"
		for m := v - 2; m >= 2 && m >= v-8; m-- {
			if c[m].low == "quoted" && c[m+1].low == "in" && beForms[c[m-1].low] {
				p := npBackward(c, m-1, base)
				return p, p.kind != npNone
			}
			if c[m].quoted || c[m].text == "," {
				break
			}
		}
	}
	if v < 2 || c[v-1].low != "as" || c[v].low != "saying" && c[v].low != "telling" {
		return np{}, false
	}
	for m := v - 2; m >= 0 && m >= v-12; m-- {
		if c[m].low != "quoted" && c[m].low != "cited" {
			continue
		}
		if m >= 2 && beForms[c[m-1].low] {
			p := npBackward(c, m-1, base)
			return p, p.kind != npNone
		}
		return quotedAsSaying(c, m, base)
	}
	return np{}, false
}

// after parses the speaker that follows a verb: "said Ukrainian Foreign
// Minister Dmytro Kuleba", "said Hannah Ward of the Refugee Council".
func (x *extractor) after(c []tok, pos int) np {
	e := 0
	for e < len(c) {
		w := c[e].low
		if w == "and" && e > 0 && c[e-1].isCap() && e+1 < len(c) && c[e+1].isCap() {
			e++ // "said Economic and Fiscal Policy Minister Heizo Takenaka"
			continue
		}
		if w == "and" && e > 0 && c[e-1].in(wRole) && e+2 < len(c) && c[e+1].in(wRole) && !c[e+1].isCap() && capWord(&c[e+2]) {
			e++ // "said BIFA founder and director Elliot Grove": two roles, one person
			continue
		}
		if c[e].text == "," && listComma(c, e) {
			e++ // "said a Foreign, Commonwealth and Development Office spokesperson"
			continue
		}
		if w == "to" && e > 0 && c[e-1].isCap() && c[e-1].in(wRole) && e+2 < len(c) && (c[e+1].isCap() || c[e+1].low == "the" && c[e+2].isCap()) {
			e++ // "said Ambassador to the United Nations Amatlain Elizabeth Kabua"
			continue
		}
		if w == "to" && e > 0 && relationHeads[c[e-1].low] && !c[e-1].isCap() && e+2 < len(c) && c[e+1].low == "the" && !npStop[c[e+2].low] {
			// "confided an adviser to the president, who asked not to be
			// named": whose adviser says who it is
			e += 2
			for e < len(c) && c[e].isWord() && !c[e].quoted && !npStop[c[e].low] && !functionWords[c[e].low] {
				e++
			}
			break
		}
		if c[e].text == "," || c[e].text == "." || npStop[w] && e > 0 {
			if e > 1 && npStop[w] && strings.HasSuffix(c[e-1].low, "ing") && !c[e-1].isCap() {
				if m := placedPhraseEnd(c, e-1); m > 0 {
					if p := parseNP(c[:e-1], pos); p.kind == npDesc {
						return p.followedBy(c[e-1 : m])
					}
				}
				e-- // "one official speaking on condition of anonymity"
			}
			if (w == "at" || w == "in") && e > 0 && !c[e-1].isCap() { // (not "analyst Erling Refsum at Nomura")
				// "one reviewer in Rolling Stone magazine": in a paper, where he writes
				if m := atWorkplace(c, e); m > 0 && (w == "at" || mediaNouns[c[m-1].low] && capWord(&c[m-2])) {
					if p := parseNP(c[:e], pos); p.kind == npDesc && (humanHead(p.head) || personHead(p.head) || w == "in" && agentNoun(p.head)) {
						return p.followedBy(c[e:m])
					}
				}
			}
			break
		}
		if w == "of" && !(e+1 < len(c) && (c[e+1].isCap() || articles[c[e+1].low] && c[e+1].in(wDet))) {
			break
		}
		if (w == "quoted" || w == "cited") && e > 0 && lowAt(c, e+1) == "by" {
			break // "said one analyst quoted by the AFP news agency"
		}
		if e > 1 && strings.HasSuffix(w, "ing") && len(w) > 5 && !c[e].isCap() && capWord(&c[e-1]) && e+1 < len(c) && (capWord(&c[e+1]) || articles[c[e+1].low]) {
			break // "said the President of the European Commission addressing Volodymyr Zelenskyy"
		}
		if e > 0 && c[e].in(wReport) && !c[e].isCap() && !strings.HasSuffix(w, "ing") {
			break // "said … chairman Peter Sanders said": a slip, the verb twice
		}
		e++
	}
	p := parseNP(c[:e], pos)
	// an office, then who holds it, set off by a comma: "said EEF chief
	// economist, Steve Radley"; "the Minister for Integration, Roderic
	// O'Gorman," (an office's last word is no name when a full name follows)
	office := p.kind == npDesc || p.kind == npPerson && p.role != "" && !strings.Contains(p.name, " ")
	if office && e+1 < len(c) && c[e].text == "," && capWord(&c[e+1]) {
		f := e + 1
		for f < len(c) && capWord(&c[f]) {
			f++
		}
		if f < len(c) && c[f].text != "," && c[f].text != "." {
			return p
		}
		if p.kind == npDesc {
			if q := parseNP(c[:f], pos); q.kind == npPerson {
				return q
			}
		} else if q := parseNP(c[e+1:f], pos+e+1); q.kind == npPerson && strings.Contains(q.name, " ") {
			r := c[:e]
			for len(r) > 0 && r[0].in(wDet) {
				r = r[1:]
			}
			q.role = joinToks(r)
			return q
		}
	}
	return p
}

// followedBy is the description p with the phrase after it that says who
// they are: "one official travelling with her", "one crew member at the
// fish market".
func (p np) followedBy(phrase []tok) np {
	words := joinToks(phrase)
	p.name += " " + words
	p.mention += " " + words
	return p
}

// atWorkplace gives the end of "at the fish market" at c[k], the place a
// described speaker works, closed by a comma, a full stop or the end of c,
// or 0: "said one crew member at the fish market, who". Not a time or an
// occasion: "said an official at the briefing" is where he spoke.
func atWorkplace(c []tok, k int) int {
	f := k + 1
	if f < len(c) && (c[f].low == "the" || c[f].low == "a" || c[f].low == "an") {
		f++
	}
	g := f
	for g < len(c) && g-f < 5 && !c[g].quoted && (c[g].isWord() && !functionWords[c[g].low] && !c[g].in(wReport|wStance|wSkip) ||
		g > f && connectorText(&c[g]) && g+1 < len(c) && capWord(&c[g+1])) {
		g++
	}
	if g == f || g < len(c) && c[g].text != "," && c[g].text != "." || occasions[c[g-1].low] || datePhrase(c, f) {
		return 0
	}
	return g
}

// occasions are where one speaks, not where one works.
var occasions = set("time", "moment", "meeting", "briefing", "conference", "summit", "event", "rally", "hearing",
	"session", "weekend", "end", "start", "ceremony", "launch", "talks", "forum", "debate", "festival", "match", "game")

// placedParticiples say where someone is or goes, which tells who they
// are: "a retired Royal Navy officer living in Gibraltar".
var placedParticiples = set("living", "travelling", "traveling", "working", "staying", "serving")

// placedPreps say where after such a participle.
var placedPreps = set("in", "at", "with", "near", "outside", "inside", "across", "around", "abroad")

// placedPhraseEnd gives the end of such a participle's phrase at c[k] after
// a person noun ("officer living in Gibraltar,"), closed by a comma or the
// end of c, or a date, within a few words, or 0.
func placedPhraseEnd(c []tok, k int) int {
	if k < 1 || k+1 >= len(c) || !placedParticiples[c[k].low] || !placedPreps[c[k+1].low] ||
		!(personHead(c[k-1].low) || humanHead(c[k-1].low)) || plural(c[k-1].low) {
		return 0
	}
	for m := k + 2; m <= len(c) && m <= k+6; m++ {
		if m == len(c) || c[m].text == "," || c[m].text == "." {
			if m > k+2 {
				return m
			}
			return 0
		}
		if isDateWord(c[m].low) || datePhrase(c, m) {
			if m > k+2 {
				return m // "travelling with her| on Tuesday"
			}
			return 0
		}
		if !c[m].isWord() || c[m].quoted || c[m].in(wReport|wStance) {
			return 0
		}
	}
	return 0
}

// clauseBefore finds the speaker of a quote in its sentence before the
// opening mark: "Ms Hewitt said: "…", "Putin blamed "…"".
func (x *extractor) clauseBefore(open int, sentStart int, partial bool) (np, bool) {
	d := x.d
	j := d.tokAt(open) // first token after the mark
	i := j
	for i > 0 && d.toks[i-1].end <= open && d.toks[i-1].start >= sentStart && !d.toks[i-1].quoted &&
		!(i < j && d.toks[i].para) {
		i--
		if d.toks[i].para {
			break
		}
	}
	c := d.toks[i:j]
	p, ok := x.verbBefore(c, i, partial)
	if len(c) > 3 && c[0].low == "according" && c[1].low == "to" && (!ok || p.blocked || p.kind == npNone ||
		p.kind == npDesc && plural(p.head) && !saysThat(c, p.pos-i) && !contrasted(c, p.pos-i) || partial && p.kind != npPerson && stanceThatClause(c)) {
		// a sentence that opens "According to X," is X's when no one else in
		// it speaks: "According to a statement by the Directorate, the
		// leaders discussed "…""
		for m := 2; m < len(c); m++ {
			if c[m].text == "," {
				return x.accordingTo(c[2:m], i+2), true
			}
		}
	}
	return p, ok
}

// contrasted reports whether c[k] opens a clause that sets others against
// the sentence's source: "According to the Home Office, …, though
// campaigners say the scheme falls "far short"".
func contrasted(c []tok, k int) bool {
	return k >= 2 && k < len(c) && contrastWords[c[k-1].low] && c[k-2].text == ","
}

var contrastWords = set("though", "although", "but", "while", "whereas")

// saysThat reports whether the first verb of speech after c[k] is "say"
// with a clause after it: "some politicians in Europe are beginning to say
// that", their own words (not "the leaders discussed").
func saysThat(c []tok, k int) bool {
	for m := k; m >= 0 && m+1 < len(c); m++ {
		if c[m].in(wReport) {
			return (c[m].low == "say" || c[m].low == "said" || c[m].low == "says") && c[m+1].low == "that"
		}
	}
	return false
}

// stanceThatClause reports whether c, after the comma that closes an
// opening phrase, has no verb of speech, and a "that" after a stance verb
// opens the clause the quote ends: "According to the President, the
// leadership … may have received false predictions that the Ukrainian
// people will meet the occupiers "with flowers and smiles"" is the
// President's (but "According to a readout, Putin expressed hope that …"
// keeps the person).
func stanceThatClause(c []tok) bool {
	m := 0
	for m < len(c) && c[m].text != "," {
		m++
	}
	stance := false
	for k := m + 1; k < len(c); k++ {
		switch {
		case c[k].in(wReport) && !strings.HasSuffix(c[k].low, "ing"):
			return false
		case stanceVerbs[c[k].low]:
			stance = true
		case c[k].low == "that" && stance:
			return true
		}
	}
	return false
}

// personAfterAccording reads the person whose words a readout reports:
// "According to a readout published by the Kremlin, Putin drew attention to
// "…"" is Putin's (the person whose verb governs the words, not the readout).
func personAfterAccording(c []tok, v, base int) np {
	for m := v + 2; m+2 < len(c) && m < v+14; m++ {
		if c[m].text != "," {
			continue
		}
		e := m + 1
		for e < len(c) && capWord(&c[e]) {
			e++
		}
		if e == m+1 || e >= len(c) || !c[e].isWord() || c[e].isCap() || functionWords[c[e].low] || subjectEnders[c[e].low] {
			return np{}
		}
		return parseNP(c[m+1:e], base+m+1)
	}
	return np{}
}

// verbBefore is clauseBefore's reading of the clause c (from token i): the
// subject of its last verb of speech, or of the colon that ends it.
func (x *extractor) verbBefore(c []tok, i int, partial bool) (np, bool) {
	d := x.d
	for v := len(c) - 1; v >= 0; v-- {
		w := c[v].low
		if w == "according" && v+1 < len(c) && c[v+1].low == "to" {
			if p := personAfterAccording(c, v, i); p.kind == npPerson {
				return p, true
			}
			return x.accordingTo(c[v+2:], i+v+2), true
		}
		if w == "words" && v >= 2 && c[v-1].low == "the" && c[v-2].low == "in" && lowAt(c, v+1) == "of" {
			// "It ended, in the words of one British official, as "…""
			e := v + 2
			for e < len(c) && c[e].text != "," {
				e++
			}
			return x.accordingTo(c[v+2:e], i+v+2), true
		}
		if w == "per" && v > 0 && c[v-1].low == "as" {
			return x.after(c[v+1:], i+v+1), true
		}
		if partial && wordsNouns[w] && v > 0 && isPossessive(c[v-1].text) && capWord(&c[v-1]) &&
			(v+1 == len(c) || c[v+1].low == "that" || c[v+1].text == "," || c[v+1].text == ":") {
			// "repeated President Joe Biden's warning that any incursion
			// would meet a "swift, severe" response": his words
			m := v - 1
			for m > 0 && capWord(&c[m-1]) && !isPossessive(c[m-1].text) {
				m--
			}
			if p := possessorNP(c[m:v], i+m); p.kind == npPerson {
				return p, true
			}
		}
		if p, ok := x.claimsOf(c, v, i, partial); ok {
			return p, true
		}
		readBy := (w == "read" || w == "reads") && v > 0 && docHeads[c[v-1].low]              // "The statement read in part,"
		madeClear := (w == "made" || w == "makes" || w == "make") && lowAt(c, v+1) == "clear" // "Biden had made clear the United States would respond "decisively""
		repeatedThat := (w == "repeated" || w == "repeats") && lowAt(c, v+1) == "that"        // "Jen Psaki this week repeated that" (not "history is repeated")
		// "Describing Mr Jackson as "a good person", the mother-of-nine
		// said", "citing his best-known hit as "one of the best performances"":
		// the participle's subject names the words
		namingAs := partial && asParticiples[w] && len(c) > v+2 && c[len(c)-1].low == "as"
		if (w == "continued" || w == "continues") && lowAt(c, v+1) == "to" {
			continue // "Russia had continued to add capability "…"": a deed, not words
		}
		if (w == "agreed" || w == "agree" || w == "agrees") && lowAt(c, v+1) == "to" && v+2 < len(c) && !c[v+2].isCap() && reportedBefore(c, v) {
			continue // "the US had agreed to release the four after "…"": a deed, not words
		}
		// "citing the "deteriorating security situation"": the reason given
		// is the quote itself, not a thing it names ("citing a California
		// "shield" law")
		citing := partial && w == "citing" && (len(c)-v == 1 || len(c)-v == 2 && (c[v+1].in(wDet) || nounMarkers[c[v+1].low]))
		if !(reportVerbs[w] || partial && stanceVerbs[w] || readBy || madeClear || repeatedThat || namingAs || citing) || v > 0 && articles[c[v-1].low] {
			continue // "the claims" is a noun
		}
		if v > 0 && strings.HasSuffix(w, "s") && isPossessive(c[v-1].text) && capWord(&c[v-1]) && pronouns[trimPossessive(c[v-1].low)] == 0 {
			continue // "judge Moscow's claims of a pullback": a noun too
		}
		if bareStance[w] && v > 0 {
			m := v - 1
			for m > 0 && c[m].in(wSkip) && c[m].low != "to" {
				m--
			}
			if c[m].low == "to" && !(m >= 1 && beginWords[c[m-1].low]) || bareNoun(&c[v-1], w) {
				// (but "are beginning to say" is their saying)
				continue // "a new term to describe", "urged MPs to publicly condemn": an infinitive; "no blame": a noun
			}
		}
		if v >= 3 && articles[c[v-2].low] && c[v-1].isCap() && (c[v-3].in(wReport|wStance) || namingVerbs[c[v-3].low]) {
			continue // "called the US claims": a noun, the object of a verb
		}
		if passive(c, v) {
			if p := x.reportBy(c, i); p.kind != npNone {
				return p, true // "In a report compiled by Transparency International, graft was said to be "pervasive""
			}
			if partial && (lowAt(c, v+2) == "be" || lowAt(c, v+2) == "have") && !reportedBefore(c, v-1) {
				// "Ms Kelly, who is Catholic, is reported to be "pro-life"":
				// what others say of her, and no one named says it
				return np{blocked: true}, true
			}
			continue // "Local police were said to be "surprised""
		}
		if beForms[lowAt(c, v-1)] && lowAt(c, v+1) == "by" {
			// a passive with its agent: "The talks were described by one official as "frosty""
			agent := c[v+2:]
			for m := range agent {
				if agent[m].low == "for" || agent[m].low == "over" {
					agent = agent[:m] // "criticised by Ofcom for sending"
					break
				}
			}
			if p := x.after(agent, i+v+2); p.kind != npNone {
				return p, true
			}
		}
		if beForms[lowAt(c, v-1)] && addresseeVerbs[w] {
			continue // "the soldiers were told they would stay "…"": the told say nothing
		}
		if partial && stanceVerbs[w] && beForms[lowAt(c, v-1)] && !strings.HasSuffix(w, "ing") { // (not "He is saying that …")
			// "Five has been criticised for sending "offensive" material": the
			// subject is criticised, no one named says the words; unless a verb
			// of speech reports the clause: "Officials said the visit had been
			// discussed through "normal channels""
			if !reportedBefore(c, v-1) {
				return np{blocked: true}, true
			}
			continue
		}
		if q, ok := quotedAs(c, v, i); ok {
			return q, true // "Interfax quoted Lavrov as saying NATO had shown "no will""
		}
		if partial && despiteClause(c[v+1:]) {
			// "says he will not cancel his trip, despite warnings that Russia
			// could attack "within days"": what he goes against, not his words
			return np{blocked: true}, true
		}
		if v > 0 && c[v-1].text == "," && reportVerbs[w] && !strings.HasSuffix(w, "ing") {
			// the speaker after the verb in an aside: "The idea, says BT, is
			// to shape a "21st Century model""
			e := v + 1
			for e < len(c) && e <= v+6 && (capWord(&c[e]) || e == v+1 && c[e].low == "the") {
				e++
			}
			if e > v+1 && e < len(c) && c[e].text == "," {
				if p := parseNP(c[v+1:e], i+v+1); p.kind == npPerson || p.kind == npOrg || p.kind == npDesc && (humanHead(p.head) || orgHeads[p.head]) {
					return p, true
				}
			}
		}
		k := v
		for k > 0 && c[k-1].in(wSkip) {
			k--
		}
		if k >= 2 && strings.HasSuffix(w, "ing") && c[k-1].low == "been" {
			for k--; k > 0 && c[k-1].in(wSkip); k-- { // "He has been saying that …": the one who has been saying it (the loop above steps over "is")
			}
		}
		if k >= 3 && c[k-2].low == "in" && isYear(c[k-1].text) && c[k-3].in(wSkip) {
			// "Tony Blair had in 1997 complained about "…""
			for k -= 2; k > 0 && c[k-1].in(wSkip); k-- {
			}
		}
		var p np
		if k > 1 && (c[k-1].low == "and" || c[k-1].low == "but") {
			// coordinated verbs share the subject: "he said … he hardly ever
			// watched the Oscars and labelled them "idiotic""
			for m := k - 2; m >= 0; m-- {
				if g, ok := pronouns[c[m].low]; ok && g != 'x' {
					if c[m].low == "it" && m > 0 && m+1 < k && c[m-1].isWord() && !c[m-1].isCap() && !functionWords[c[m-1].low] && !conjunctions[c[m-1].low] &&
						(c[m+1].in(wDet) || c[m+1].low == "and") {
						// "He finished it a few months ago and says it "…"": the
						// object of a verb, not its subject ("fear it will")
						continue
					}
					p = parseNP(c[m:m+1], i+m)
					if q := x.subjectNP(d.toks[i].sent, false); g == 'n' && q.kind == npPerson && q.pos < i+m {
						// "Kuleba thanked Britain for the weapons it has
						// supplied and said": the "it" of a relative clause
						p = q
					}
					break
				}
			}
		} else {
			p = npBackward(c, k, i)
			q := x.subjectNP(d.toks[i].sent, false)
			if p.kind == npNone && k == 1 && q.kind == npDesc && q.pos == i && q.mention == c[0].text {
				p = q // "One told BBC News Online": one of those the sentence before is about
			}
			if k > 0 && q.kind == npPerson && q.pos < p.pos && q.pos >= i &&
				firstNamed(d.toks, q.pos) && !endsInInitial(q.name) && !(p.kind == npPerson && firstNamed(d.toks, p.pos)) {
				switch commas := appositions(c[q.pos-i : k]); {
				case c[k-1].text == "," && commas >= 2:
					// "Rep. Michael McCaul, R-Texas, the top Republican on the
					// committee, told": appositions one after another describe
					// the subject, the last of them is no one else
					p = q
				case commas == 1 && p.pos > i && roleComplement[d.toks[p.pos-1].low]:
					// "Howard Archer, economist at Global Insight said": an
					// apposition the writer did not close
					p = q
				}
			}
		}
		if pi := p.pos - i; pi >= 2 && pi+1 < len(c) && inDocument(c, pi-1) && c[pi-2].in(wReport) {
			// "The embassy said in a notice posted on its website": the
			// notice's participle is no verb of the sentence
			if p2 := npBackward(c, pi-2, i); p2.kind != npNone {
				p = p2
			}
		}
		if partial && p.kind != npNone {
			// the quoted words of a reported clause belong to whoever reports
			// it: "The State Department said Mr Blinken had urged "…""
			if pi := p.pos - i; pi >= 1 && pi < len(c) {
				v2 := pi - 1
				if c[v2].low == "that" && v2 > 0 {
					v2--
				}
				for m := v2; m >= 2 && m > v2-8; m-- {
					if m+2 <= v2 && inDocument(c, m) {
						// "The ministry said in a statement that Lavrov had
						// accused", "said in a notice posted on its website that"
						v2 = m - 1
						break
					}
				}
				if q, ok := quotedAs(c, v2, i); ok {
					p = q // "He was quoted by Interfax as saying Moscow expected a "rapid reaction""
				} else if w2 := c[v2].low; (reportVerbs[w2] && !strings.HasSuffix(w2, "ing") || w2 == "found" || w2 == "finds") &&
					!(w2 == "reported" || w2 == "reports") {
					// (but "Bernama reported that the Russian Embassy had
					// dismissed … as "propaganda"": the agency carries the
					// embassy's words)
					k2 := v2
					for k2 > 0 && c[k2-1].in(wSkip) {
						k2--
					}
					if p2 := npBackward(c, k2, i); p2.kind != npNone {
						p = p2
					}
				}
			}
		}
		if partial && p.kind == npNone && !strings.HasSuffix(w, "ing") && k > 1 && c[k-1].low != "and" && c[k-1].low != "but" {
			// a verb whose subject is no one inside a clause someone reports:
			// "It said data from tribunals suggested 1,500 "…" had lost"
			for v2 := k - 1; v2 > 0; v2-- {
				if c[v2].in(wReport) && !strings.HasSuffix(c[v2].low, "ing") && !passive(c, v2) {
					k2 := v2
					for k2 > 0 && c[k2-1].in(wSkip) {
						k2--
					}
					if p2 := npBackward(c, k2, i); p2.kind == npPerson || p2.kind == npOrg || p2.kind == npPronoun ||
						p2.kind == npDesc && (humanHead(p2.head) || personHead(p2.head)) {
						p = p2 // "A government official said the bans were likely to be announced "within days""
					}
					break
				}
			}
		}
		if partial && p.kind == npDesc {
			if s := d.toks[i].sent; x.subjectNP(s, false).pos == p.pos {
				if f := x.readoutGoesOn(p, s); f.kind != npNone {
					p = f
				}
			}
		}
		progressive := k > 0 && (c[k-1].low == "was" || c[k-1].low == "were" || c[k-1].low == "is" || c[k-1].low == "are")
		switch {
		case strings.HasSuffix(w, "ing") && !progressive && k > 0 && c[k-1].text == ",":
			// a participle after a comma has its sentence's subject: "In
			// Kyiv, Foreign Minister Dmytro Kuleba thanked Canada on Twitter,
			// calling it "…"", not the noun before the comma
			v2 := k - 2
			for v2 > 2 && c[v2].in(wSkip) && !c[v2].in(wReport) {
				v2-- // "Koichi Hagiuda said last week, calling"
			}
			if v2 >= 1 && !c[v2].in(wReport) {
				for m := v2 - 1; m >= 1 && m > k-8 && c[m].isWord(); m-- {
					if c[m].in(wReport) {
						v2 = m // "…," he told the federal court, saying
						break
					}
				}
			}
			if k >= 4 && c[v2].in(wReport) {
				// … unless a speech clause stands before it: "Mr Blair has
				// failed, he claimed, saying he has the "wrong solution"", ""…,"
				// he told the court, saying"
				if q := npBackward(c, v2, i); q.kind != npNone && (q.pos > i && commaBefore(c, q.pos-i) || q.pos == i && i > 0 && d.toks[i-1].quoted) {
					p = q
					break
				}
			}
			if q := reportedSubject(c, k, i); q.kind == npPerson {
				p = q
				break
			}
			if q := x.subjectNP(d.toks[i].sent, false); q.kind != npNone && q.pos < i+k {
				p = q
			} else if q := bodyOpens(d, d.toks[i].sent); q.kind != npNone && q.pos < i+k {
				p = q // "The federal government on Sunday suspended …, citing the "…""
			}
		case strings.HasSuffix(w, "ing") && !progressive:
			// a participle's subject: "with Putin saying", "He contacted the
			// show saying", "posting a message on Twitter claiming"
			gerund := false
			if p.kind != npPerson && p.kind != npOrg && k > 1 && c[k-1].in(wReport|wStance) && !c[k-1].isCap() && !strings.HasSuffix(c[k-1].low, "ing") {
				// "he denied accusing Germany of using the EU as cover for a
				// "4th German Reich"": the subject of the verb the participle follows
				if q := npBackward(c, k-1, i); q.kind == npPerson || q.kind == npPronoun || q.kind == npOrg {
					p, gerund = q, true
				}
			}
			if p.kind != npPerson && p.kind != npOrg && k > 2 && heardVerbs[c[k-1].low] && beForms[c[k-2].low] {
				// "Mr Kilroy-Silk was heard saying he was irritated by "…""
				if q := npBackward(c, k-2, i); q.kind == npPerson || q.kind == npPronoun {
					p, gerund = q, true
				}
			}
			if p.kind == npDesc && p.pos > i && lowAt(c, p.pos-i-1) == "with" && (humanHead(p.head) || personHead(p.head) || kinNouns[p.head] != 0) {
				gerund = true // "with the RMI's top diplomat at the United Nations warning", "with one Selkirk grandmother saying"
			}
			if p.kind == npDesc && p.definite && p.pos > i && lowAt(c, p.pos-i-1) == "despite" && (humanHead(p.head) || orgHeads[p.head] || orgWords[p.head]) {
				gerund = true // "despite the federal government urging all Australians to get out"
			}
			if pi := p.pos - i; (p.kind == npOrg || p.kind == npPerson) && p.parts == nil && pi > 0 && objectPreps[c[pi-1].low] {
				// "membership for Ukraine and Washington calling": the first is
				// the object of a preposition, the second the participle's subject
				for m := k - 1; m > pi; m-- {
					if c[m].low == "and" {
						if q := parseNP(c[m+1:k], i+m+1); q.kind == npOrg || q.kind == npPerson {
							p = q
						}
						break
					}
				}
			}
			if p.kind == npDesc && p.pos == i+k-1 && pluralBody(p.head) {
				gerund = true // "with just 54% of companies calling it": those counted
			}
			if !gerund && (p.kind != npPerson && p.kind != npOrg || platforms[lower(p.name)]) {
				if k > 0 && withBefore(c, k) {
					p = np{blocked: true} // "with many saying": no one the article names
				} else {
					p = x.subjectNP(d.toks[i].sent, false)
				}
			}
		case p.kind == npNone && k > 0 && (c[k-1].low == "and" || c[k-1].low == "but"):
			// coordinated verbs share the subject: "Russia has denied … and touted"
			if p = x.subjectNP(d.toks[i].sent, false); p.kind == npNone && d.toks[i].sent == d.toks[i+k].sent {
				// a described one too, the subject of the first verb:
				// "A Thales spokesperson said … but added"
				p = firstSpeaker(c[:k-1], i)
				if p.kind == npNone {
					p = x.firstVerbSubject(c[:k-1], i)
				}
			}
		case p.kind == npNone && !partial:
			p = x.sentenceSubject(d.toks[i].sent)
		}
		return p, true
	}
	if n := len(c); n >= 3 && c[n-1].text == ":" && !partial {
		// a colon after a clause with no verb of speech introduces its
		// subject's words: "A senior Ukrainian official pushed back: "…""
		if p := x.subjectNP(d.toks[i].sent, true); p.kind != npNone && p.pos < i+n-1 {
			return p, true
		}
	}
	return np{}, false
}

// reportBy reads the author of a document a sentence opens with: "In a
// report compiled by anti-corruption body Transparency International in
// 2003, …".
func (x *extractor) reportBy(c []tok, i int) np {
	if len(c) < 6 || !inDocument(c, 0) {
		return np{}
	}
	for m := 3; m < 6 && m+1 < len(c); m++ {
		if c[m].low == "by" {
			e := m + 1
			for e < len(c) && c[e].text != "," && !(c[e].low == "in" && e+1 < len(c) && isYear(c[e+1].text)) {
				e++
			}
			if p := x.after(c[m+1:e], i+m+1); p.kind == npPerson || p.kind == npOrg {
				return p
			}
			return np{}
		}
		if !c[m].isWord() || c[m].isCap() {
			break
		}
	}
	return np{}
}

// inDocument reports whether c[m:] opens with "in a statement", "in the
// report": where a body's words were given.
func inDocument(c []tok, m int) bool {
	return m+2 < len(c) && c[m].low == "in" && articles[c[m+1].low] && docHeads[c[m+2].low]
}

// claimNouns are what someone claims: "claims from Michael Howard that he
// led a "grubby government"".
var claimNouns = set("claim", "claims", "accusation", "accusations", "allegation", "allegations", "suggestion", "suggestions", "charge", "charges", "assertion", "assertions")

// claimsOf gives a partial quote in the clause of a claim to its claimant:
// "questioned claims by some politicians that PNG could "cash in"" →
// politicians.
func (x *extractor) claimsOf(c []tok, v, i int, partial bool) (np, bool) {
	if !partial || !claimNouns[c[v].low] || v+2 >= len(c) || c[v+1].low != "from" && c[v+1].low != "by" {
		return np{}, false
	}
	e := v + 2
	for e < len(c) && e < v+10 && c[e].low != "that" && c[e].text != "," {
		e++
	}
	if e >= len(c) || c[e].low != "that" {
		return np{}, false
	}
	for _, t := range c[e:] {
		if t.quoted {
			// the claim's words came before: "a claim by Peter Hain that
			// the Tory leader is an "attack mongrel" shows Labour is
			// "rattled""
			return np{}, false
		}
	}
	if p := x.after(c[v+2:e], i+v+2); p.kind == npPerson || p.kind == npOrg || p.kind == npDesc {
		x.named = true // the claimant's words, not those the sentence reports
		return p, true
	}
	return np{}, false
}

// reportedBefore reports whether a verb of speech (said, told, not a
// participle) stands in c before k.
func reportedBefore(c []tok, k int) bool {
	for m := k - 1; m >= 1; m-- {
		if c[m].in(wReport) && !c[m].quoted && !strings.HasSuffix(c[m].low, "ing") && !beForms[c[m-1].low] {
			return true
		}
	}
	return false
}

// accordingTo reads the speaker after "according to": "According to him, …
// the "exchange fund"" ("her" before a noun is a possessive, not the speaker).
func (x *extractor) accordingTo(c []tok, pos int) np {
	if g, ok := objectPronouns[lowAt(c, 0)]; ok && (len(c) == 1 || c[1].text == ",") {
		return np{kind: npPronoun, mention: c[0].text, gender: g, pos: pos}
	}
	if len(c) > 2 && c[0].in(wDet) && reportHeads[c[1].low] {
		// "according to a report published by research consultancy
		// Analysys" whose author the article names
		mention := joinToks(c)
		if who := x.res.reportAuthor(np{kind: npDesc, head: c[1].low, mention: mention, pos: pos}); who != "" {
			return np{kind: npPerson, name: who, mention: mention, pos: pos}
		}
	}
	for k := 1; k+1 < len(c) && k < 5; k++ {
		if docHeads[c[k].low] && (c[k+1].low == "by" || c[k+1].low == "from") {
			// "according to a written statement by the Turkish Communications
			// Directorate": the document's author
			if p := x.after(c[k+2:], pos+k+2); p.kind != npNone {
				return p
			}
		}
		if !c[k].isWord() {
			break
		}
	}
	for k := 2; k < len(c); k++ {
		if k+1 < len(c) && isPossessive(c[k-2].text) && plural(c[k-1].low) && !c[k].isCap() && strings.HasSuffix(c[k].low, "ing") {
			// "according to Defra's lawyers chasing away unwanted animals
			// was": the clause after the comma left out
			c = c[:k]
			break
		}
		if beForms[c[k].low] && capWord(&c[k-1]) {
			// a comma left out: "a period that, according to Gartner analyst
			// Carolina Milanesi is "seldom strong""
			c = c[:k]
			break
		}
	}
	return x.after(c, pos)
}

// commaBefore reports whether a comma sets off c[k:], perhaps with a few
// lower-case words between: ", industry minister Koichi Hagiuda said".
func commaBefore(c []tok, k int) bool {
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		if c[m].text == "," {
			return true
		}
		if !c[m].isWord() || c[m].isCap() {
			return false
		}
	}
	return false
}

// platforms carry what others write; they never say anything themselves.
var platforms = set("twitter", "telegram", "facebook", "instagram", "youtube", "tiktok", "vkontakte", "weibo")

// objectPronouns name the speaker after "according to".
var objectPronouns = map[string]byte{"him": 'm', "her": 'f', "them": 'p'}

// beForms make the participle after them passive or a state: "were described by".
var beForms = set("been", "being", "was", "were", "is", "are")

// placedAfter reports whether a word after a person noun goes on to say
// where they are or what they do: "a woman at", "a woman selling".
func placedAfter(w string) bool {
	return w == "at" || w == "from" || w == "in" || w == "familiar" || strings.HasSuffix(w, "ing") && len(w) > 5
}

// subjectEnders end a subject: an auxiliary opens its verb phrase, a
// relative word a clause about it.
var subjectEnders = setAnd(auxiliaryWords, "did", "does", "do", "who", "that", "which")

// relativeWords open a relative clause.
var relativeWords = set("where", "which", "who", "whose", "when")

// addresseeVerbs take the one spoken to as their passive subject: "were told".
var addresseeVerbs = set("told", "asked", "warned", "informed", "urged", "assured", "reminded")

// lowAt returns the lower-case word at c[k], or "" outside c.
func lowAt(c []tok, k int) string {
	if k >= 0 && k < len(c) {
		return c[k].low
	}
	return ""
}

// frontedApposition returns the index just past an apposition that opens a
// sentence before the name it describes ("Formerly one of Mr Brown's
// closest Treasury aides, Ed Balls hinted"), or 0.
func frontedApposition(ts []tok, i int) int {
	k := i
	if k < len(ts) && (ts[k].low == "formerly" || ts[k].low == "once" || ts[k].low == "previously") {
		k++
	}
	if k+2 >= len(ts) || ts[k].low != "one" || ts[k+1].low != "of" {
		return 0
	}
	for m := k + 2; m+1 < len(ts) && m < k+16 && !ts[m].quoted; m++ {
		if ts[m].text == "," {
			if capWord(&ts[m+1]) && !ts[m+1].in(wDet) {
				return m + 1
			}
			return 0
		}
		if ts[m].in(wReport) {
			return 0
		}
	}
	return 0
}

// indexText returns the index of the first token of c that is s, or -1.
func indexText(c []tok, s string) int {
	for k := range c {
		if c[k].text == s {
			return k
		}
	}
	return -1
}

func countText(c []tok, s string) int {
	n := 0
	for k := range c {
		if c[k].text == s {
			n++
		}
	}
	return n
}

// articles and possessives make the word after them a noun: "the claims".
var articles = set("the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those")

// passive reports whether the verb at c[v] is a passive "said to be".
func passive(c []tok, v int) bool {
	if v == 0 || v+1 >= len(c) || c[v+1].low != "to" {
		return false
	}
	switch c[v-1].low {
	case "was", "were", "is", "are", "been", "be", "being":
		return true
	}
	return false
}

// withBefore reports whether the noun phrase before c[k] is introduced by
// "with": "with many saying".
func withBefore(c []tok, k int) bool {
	for m := k - 1; m >= 0 && m >= k-6; m-- {
		if c[m].low == "with" {
			return true
		}
		if c[m].text == "," || c[m].in(wReport|wStance) || m == k-1 && adjunctPreps[c[m].low] {
			return false // (nor "his dispute with Craig Bellamy after claiming": the sentence's subject claims)
		}
	}
	return false
}

// adjunctPreps set off a participle whose subject is the sentence's: "after
// claiming", "while insisting".
var adjunctPreps = set("after", "before", "while", "when", "since", "by", "despite")

// innerSpeaker gives a partial quote that an organisation (or a "he" who
// speaks for someone) reports to the person whose words they are: "Biden
// told Putin an invasion would cause "widespread human suffering", the
// White House said" → Biden; "He said Mr Putin had told Mr Biden that …
// "a red line"" → Putin. It returns p when p is no organisation or no
// person's verb of speech governs the quote.
func (x *extractor) innerSpeaker(p np, open, sentStart int) np {
	// (and one named after the quote reports the words before it: "Mr Putin
	// had told Mr Biden it was NATO making "dangerous attempts" …, Mr
	// Ushakov said")
	namedAfter := p.kind == npPerson && p.pos < len(x.d.toks) && x.d.toks[p.pos].start > open
	if !x.orgLike(p) && !(p.kind == npDesc && spokesHeads[p.head]) && !(p.kind == npPerson && x.spokesperson(p)) && !namedAfter && !(p.kind == npPronoun && p.gender != 'n') {
		// (a spokesman speaks for a body too, named or not: "A Downing
		// Street spokesman said Mr Johnson had told Cabinet that the UK
		// would "stand firm"", "Spokesman Dmitry Peskov said Putin had told
		// Biden that Russia "has no intention of attacking anyone"")
		return p
	}
	d := x.d
	j := d.tokAt(open)
	if j >= len(d.toks) {
		return p
	}
	st := d.tokAt(sentStart)
	c := d.toks[st:j]
	if p.pos > st && p.pos+1 < j && d.toks[p.pos-1].low == "in" && d.toks[p.pos+1].low == "words" {
		return p // "in Ushakov's words": whose words they are, said outright
	}
	if p.pos > st && p.pos+1 < j && d.toks[p.pos-1].low == "what" && namingVerbs[d.toks[p.pos+1].low] {
		// "Sturgeon said … on what Moscow called a "…"": its own name for it
		x.named = true
		return p
	}
	// "Peskov dismissed the warnings as "hysteria," according to TASS": the
	// agency only carries what the subject's verb, of speech or of stance, says
	according := false
	for m := j; m+1 < d.sents[d.toks[j].sent].tok1; m++ {
		if d.toks[m].low == "according" && d.toks[m+1].low == "to" && !d.toks[m].quoted {
			according = true
			break
		}
	}
	for v := len(c) - 1; v > 0; v-- {
		if c[v].quoted || !c[v].in(wReport) && !(according && c[v].in(wStance)) && !concernVerbs[c[v].low] || strings.HasSuffix(c[v].low, "ing") || passive(c, v) {
			continue
		}
		k := v
		for k > 1 && c[k-1].in(wSkip) { // "Biden has told"
			k--
		}
		if c[k-1].low == "and" {
			continue // "… and had asked for": the subject of the verb before
		}
		// a name that reports a body's words must be known as a person's:
		// "Bernama reported that the Russian Embassy had dismissed …" is
		// the agency carrying the embassy's words
		outer := p.pos >= st && p.pos < j && st+v < p.pos
		if f := npBackward(c, k, st); f.kind == npPerson && !x.res.isOrg(f.name) && (!outer || x.res.knownPerson(f)) || f.kind == npPronoun && (f.gender == 'm' || f.gender == 'f') {
			return f
		} else if f.kind == npDesc && (f.definite && humanHead(f.head) || kinNouns[f.head] != 0 && possessiveGender(d.toks[f.pos].low) != 0) && !plural(f.head) {
			// "Downing Street said the Prime Minister had told …": an office
			// the article gives a holder ("He said his father-in-law had
			// told the family": a kin of the one named)
			if name, _ := x.res.resolve(f); name != "" && name != f.name {
				return f
			}
		}
		break // the nearest verb of speech is the organisation's own
	}
	return p
}

// concernVerbs voice what the one who spoke felt: "The White House said Mr
// Biden voiced the "deep concerns" of the United States".
var concernVerbs = set("voiced", "expressed")

// spokesperson reports whether a person named is one by role.
func (x *extractor) spokesperson(p np) bool {
	name, _ := x.res.resolve(p)
	for h := range spokesHeads {
		if x.res.roleHasWord(name, h) {
			return true
		}
	}
	// (an aide tells what his principal said: "Presidential aide Yuri
	// Ushakov said Mr Putin had told Mr Biden that Russia "…"")
	return x.res.roleHasWord(name, "aide")
}

// spokesHeads speak for a body or a person.
var spokesHeads = set("spokesman", "spokeswoman", "spokesperson")

// namingVerbs give a thing a name: "what Moscow called a "peacekeeping"
// mission".
var namingVerbs = set("called", "calls", "dubbed", "dubs", "termed", "terms", "labelled", "labeled", "described", "describes", "branded")

// orgLike reports whether an attribution names an organisation or its
// document: "the White House", "a Kremlin readout".
func (x *extractor) orgLike(p np) bool {
	switch p.kind {
	case npOrg:
		return true
	case npPerson:
		return x.res.isOrg(p.name) || isAcronym(p.name)
	case npDesc:
		return docHeads[p.head] || orgHeads[p.head] || orgWords[p.head] && !humanHead(p.head)
	case npPronoun:
		return p.gender == 'n' // "It said Putin had warned Biden against "…"": a body
	}
	return false
}

// partialSubject gives a partial quote to the subject of its sentence when
// the writer reports it: a speech or stance verb between the subject and the
// quote ("He says there are "significant" numbers"), or the quote carries
// the predicate itself ("the US State Secretary "reiterated full support"").
func (x *extractor) partialSubject(open int) np {
	d := x.d
	j := d.tokAt(open)
	if j >= len(d.toks) || j == 0 {
		return np{}
	}
	sent := d.toks[j-1].sent
	if d.toks[j].sent != sent && d.toks[j-1].end > open {
		return np{}
	}
	if p := ideaOwner(d.toks[:j], d.sents[sent].tok0); p.kind != npNone {
		return p
	}
	if p := lawSays(d.toks[:j], d.sents[sent].tok0); p.kind != npNone {
		return p
	}
	if p := x.topicPerson(sent); p.kind != npNone && p.pos < j {
		return p // "For Haydon Bridge sheep farmer Tom Charlton, the crisis is "one more thing we cannot control""
	}
	p := x.subjectNP(sent, false)
	indef := false
	if a := x.subjectNP(sent, true); p.kind == npNone && a.kind == npDesc && (humanHead(a.head) || personHead(a.head)) && !plural(a.head) {
		// "A European diplomat who was briefed on the talks described the
		// mood as "correct, but cold"": when a verb of speech follows
		p, indef = a, true
	}
	if p.kind == npNone || p.kind == npDesc && !p.definite && !indef || p.pos >= j {
		return np{}
	}
	if f := x.readoutGoesOn(p, sent); f.kind != npNone {
		return f
	}
	if p.kind == npPronoun && p.gender != 'm' && p.gender != 'f' {
		return np{}
	}
	st := d.sents[sent].tok0
	for m := st; m < j; m++ {
		t := &d.toks[m]
		if t.quoted {
			continue
		}
		if t.in(wReport|wStance) && !passive(d.toks[st:j], m-st) && !(bareStance[t.low] && m > st && bareNoun(&d.toks[m-1], t.low)) {
			return p // (not a noun: "spreading this fear")
		}
	}
	if indef {
		return np{}
	}
	if p.kind == npPronoun && p.gender != 'n' || p.kind == npPerson && x.res.knownPerson(p) {
		// a person's sentence: the words quoted in what they do are theirs
		// ("He names Russia as the "failing state""), but not a name the
		// writer calls him by: "he was "the ultimate hack""
		if beForms[d.toks[j-1].low] && d.toks[j].quoted && articles[d.toks[j].low] {
			return np{}
		}
		return p
	}
	if (p.kind == npOrg || p.kind == npPerson && x.res.isOrg(p.name) || p.kind == npDesc && p.definite && orgHeads[p.head] && !humanHead(p.head)) && !coordinated(p) && !placeWords[lower(p.name)] &&
		!lawHeads[lower(p.name[strings.LastIndexByte(p.name, ' ')+1:])] {
		// a body's sentence, as a person's: "The Liberal Democrats have
		// unveiled plans to build 100,000 new "affordable" homes" (a bill
		// does not speak)
		return p
	}
	// the subject ends just before the mark
	e := p.pos
	for e < j && !d.toks[e].quoted && !d.toks[e].in(wReport|wStance) &&
		(d.toks[e].isCap() || d.toks[e].in(wRole|wDet|wConnector) || d.toks[e].text == ",") {
		e++
	}
	if e == j && !(p.kind == npDesc && nationalNouns[p.head]) { // (The Russian "exercises": an adjective)
		if startsLower(d.toks[j].text) {
			return p
		}
	}
	return np{}
}

// listGoesOn reports whether the comma ts[k] goes on with a list of things
// that "and" closes before another comma: "a trophy, a car and a cheque,".
func listGoesOn(ts []tok, k int) bool {
	if k+1 >= len(ts) || !articles[ts[k+1].low] {
		return false
	}
	and := false
	for m := k + 2; m < len(ts) && m < k+16; m++ {
		switch {
		case ts[m].quoted || ts[m].in(wReport) || auxiliaries[ts[m].low] || beForms[ts[m].low]:
			return false // a clause, no list: "the Tories and Lib Dems have tabled a motion,"
		case ts[m].low == "and":
			and = true
		case ts[m].text == ",":
			return and
		}
	}
	return false
}

// fieldThenName gives where a name starts after the field of an office at
// ts[k], "in international relations Dr Emma Sinclair", or 0: a few words,
// then a title or a first name and a capitalised word.
func fieldThenName(ts []tok, k int) int {
	if w := ts[k].low; w != "in" && w != "of" {
		return 0
	}
	for m := k + 1; m < len(ts)-1 && m <= k+4; m++ {
		t := &ts[m]
		if (t.in(wHonorific) && !peerHonorific[t.low] || t.in(wFirstName)) && t.isCap() && m > k+1 && capWord(&ts[m+1]) {
			return m
		}
		if !t.isWord() || t.quoted || functionWords[t.low] && t.low != "and" {
			return 0
		}
	}
	return 0
}

// despiteClause reports whether the words before a partial quote end in a
// clause of "despite" that no comma closes: the quote is in what the
// speaker goes against, not in what he says.
func despiteClause(c []tok) bool {
	in := false
	for k := range c {
		if c[k].low == "despite" && !c[k].quoted {
			in = true
		} else if c[k].text == "," || c[k].text == ";" {
			in = false
		}
	}
	return in
}

// timeOfDay are the parts of a day after a weekday: "On Thursday night".
var timeOfDay = set("morning", "afternoon", "evening", "night")

// lawHeads end the names of laws and treaties.
var lawHeads = set("bill", "act", "law", "treaty", "directive", "convention")

// readoutGoesOn gives the words of a group that is the subject of sentence
// sent to whoever the sentence before ends by naming: "…, Ned Price said in a
// readout. The diplomats also agreed on "swift and severe consequences"".
func (x *extractor) readoutGoesOn(p np, sent int) np {
	d := x.d
	if p.kind == npDesc && p.definite && plural(p.head) && !orgHeads[p.head] && sent > 0 {
		if f := x.finalSpeaker(d.sents[sent-1].tok0+1, d.sents[sent-1].tok1); f.kind == npPerson {
			return f
		}
	}
	return np{}
}

// sentenceSubject reads the noun phrase a sentence starts with, past a
// leading adverbial ("In a statement on Sunday, the Cabinet Office …").
func (x *extractor) sentenceSubject(s int) np { return x.subjectNP(s, false) }

// warnedLast reads the "he" or "she" whose verb of speech closes sentence
// s after a comma: "It would not be easy, he warned." A quote standing alone
// after it is theirs, not the subject's ("it").
func (x *extractor) warnedLast(s int) np {
	if s < 0 || s >= len(x.d.sents) {
		return np{}
	}
	d, st := x.d, x.d.sents[s]
	e := st.tok1 - 1
	if e-3 <= st.tok0 || d.toks[e].isWord() || !d.toks[e-1].in(wReport) || d.toks[e-3].text != "," || d.toks[e-2].quoted {
		return np{}
	}
	if p := parseNP(d.toks[e-2:e-1], e-2); p.kind == npPronoun && (p.gender == 'm' || p.gender == 'f') {
		return p
	}
	return np{}
}

// accordingPhrase reads who the phrase after "according to", from token a
// up to its comma (at most n tokens, before end), names, and whether a comma
// closes it.
func (x *extractor) accordingPhrase(a, n, end int) (p np, closed bool) {
	d := x.d
	e := a
	for e < end && e < a+n && d.toks[e].text != "," && !d.toks[e].quoted {
		e++
	}
	return x.accordingTo(d.toks[a:e], a), e < end && d.toks[e].text == ","
}

// subjectNP reads a sentence's subject; indefinite descriptions ("a
// spokesman") only when indefinite is set.
func (x *extractor) subjectNP(s int, indefinite bool) np {
	if s < 0 || s >= len(x.d.sents) {
		return np{}
	}
	// the resolvers ask for the same sentences' subjects again and again
	if x.subj == nil {
		x.subj = make([]*subjRead, len(x.d.sents))
	}
	r := x.subj[s]
	if r == nil {
		r = &subjRead{}
		r.definite, r.any = x.readSubject(s)
		if ts, k := x.d.toks, r.any.pos; r.any.kind == npPerson && k+3 < len(ts) && r.any.mention == ts[k].text && ts[k+1].text == "," && ts[k+2].low == "which" &&
			(ts[k+3].low == "were" || ts[k+3].low == "are" || ts[k+3].low == "have") {
			// "Prices, which were supposed to "settle down"": things, not a
			// person called Prices (but "Flydubai, which operates" is a name)
			r.definite, r.any = np{}, np{}
		}
		x.subj[s] = r
	}
	if indefinite {
		return r.any
	}
	return r.definite
}

// subjRead is a sentence's subject read once: without an indefinite
// description ("a spokesman"), and with one.
type subjRead struct{ definite, any np }

// afterDateline skips a dateline that opens a paragraph: "ISLAMABAD:",
// "KYIV, Feb 3 (UNIAN) -", "MOSCOW (AP) —", "TOKYO --". It returns the token after it, or i.
func afterDateline(ts []tok, i int) int {
	if i < len(ts) && capWord(&ts[i]) && !shouted(ts[i:i+1]) {
		// "Palikir, Pohnpei—The FSM Department": places and an em dash
		for m := i + 1; m < len(ts) && m <= i+5; m++ {
			if ts[m].text == "—" && m+1 < len(ts) && ts[m+1].isCap() && ts[m].end == ts[m+1].start {
				return m + 1
			}
			if !capWord(&ts[m]) && ts[m].text != "," {
				break
			}
		}
		return i
	}
	if i >= len(ts) || len([]rune(ts[i].text)) < 3 || !shouted(ts[i:i+1]) || !ts[i].isWord() {
		return i
	}
	paren := false
	for m := i + 1; m < len(ts) && m <= i+10; m++ {
		t := ts[m].text
		switch {
		case t == "(":
			paren = true
		case t == ")":
			paren = false
		case paren || t == "," || t == "." || shouted(ts[m:m+1]) || monthNames[ts[m].low] != 0 ||
			unicode.IsDigit([]rune(t)[0]) || t == "-" && m+1 < len(ts) && ts[m+1].text == "-":
		case (t == ":" || len([]rune(t)) == 1 && isDash([]rune(t)[0])) && m+1 < len(ts) && ts[m+1].isCap():
			return m + 1
		default:
			return i
		}
	}
	return i
}

// heardVerbs report that someone was caught saying something: "was heard saying".
var heardVerbs = set("heard", "overheard", "recorded", "filmed", "caught", "seen")

// askedWords open a phrase of what a speaker was asked, before the
// subject: "But challenged on the remark, he denied …".
var askedWords = set("challenged", "pressed", "questioned", "reminded", "quizzed", "interviewed", "confronted")

// ideaOwner reads whose idea the words before ts[j] (the end of ts) put in
// quotes: "by Mr MacKenzie's suggestion that … young drunks should be
// "given a good beating"", "a rebuff to Peter Hain's description of him as
// an "attack mongrel"". st is the sentence's first token.
func ideaOwner(ts []tok, st int) np {
	j := len(ts)
	as := j - 1 // the "as" a description puts the quote after
	if as > st && ts[as].in(wDet) {
		as--
	}
	for m := j - 1; m >= st+2; m-- {
		if ts[m].quoted || ts[m].text == "." {
			break
		}
		of := ts[m].low == "of" && descriptionNouns[ts[m-1].low] && as > m && as-m <= 4 && ts[as].low == "as"
		if (of || ts[m].low == "that" && ideaNouns[ts[m-1].low]) && isPossessive(ts[m-2].text) && capWord(&ts[m-2]) {
			a := m - 2
			for a > st && capWord(&ts[a-1]) {
				a--
			}
			if p := possessorNP(ts[a:m-1], a); p.kind == npPerson {
				return p
			}
			break
		}
	}
	return np{}
}

// lawSays reads a treaty or an act that opens the sentence before ts[j]
// (the end of ts) as the one whose words the quote gives, when its verb
// says what it lays down: "Article 4 of the 1994 Budapest Memorandum on
// Security Assurances guaranteed that … would seek "immediate" action".
func lawSays(ts []tok, st int) np {
	i := st
	if i+3 < len(ts) && lawParts[ts[i].low] && ts[i].isCap() && ts[i+1].isWord() && unicode.IsDigit([]rune(ts[i+1].text)[0]) && ts[i+2].low == "of" {
		i += 3 // "Article 4 of"
	}
	if i < len(ts) && ts[i].low == "the" {
		i++
	}
	if i < len(ts) && allDigits(ts[i].text) {
		i++ // "the 1994 Budapest Memorandum"
	}
	a, e, law := i, i, false
	for e < len(ts) && (capWord(&ts[e]) || (ts[e].low == "on" || ts[e].low == "of" || ts[e].low == "and") && e+1 < len(ts) && capWord(&ts[e+1])) && !ts[e].quoted {
		law = law || lawNouns[ts[e].low]
		e++
	}
	if !law || e == a || e >= len(ts) || !lawVerbs[ts[e].low] {
		return np{}
	}
	return np{kind: npOrg, name: joinToks(ts[a:e]), mention: joinToks(ts[st:e]), pos: a}
}

// lawParts name a part of a treaty or an act: "Article 4 of".
var lawParts = set("article", "section", "paragraph", "clause", "chapter")

// lawNouns end the name of a treaty or an act.
var lawNouns = set("memorandum", "treaty", "charter", "agreement", "agreements", "accord", "accords", "act", "convention", "declaration", "protocol", "constitution")

// lawVerbs say what a treaty lays down.
var lawVerbs = set("guaranteed", "guarantees", "states", "stated", "stipulates", "stipulated", "provides", "provided", "requires", "required", "commits", "committed", "obliges", "obliged", "says", "said")

// namedRemark reads the person a remark is named after, around the quote
// that opens at ts[j]: "The Peter Hain "mongrel" attack".
func namedRemark(ts []tok, j int) np {
	a := j
	for a > 0 && capWord(&ts[a-1]) && ts[a-1].low != "the" && !ts[a-1].quoted && ts[a-1].sent == ts[j].sent {
		a--
	}
	e := j
	for e < len(ts) && ts[e].quoted {
		e++
	}
	if j-a < 2 || a == 0 || ts[a-1].low != "the" || e >= len(ts) || !remarkNouns[ts[e].low] || ts[e].isCap() {
		return np{}
	}
	if p := parseNP(ts[a:j], a); p.kind == npPerson && len(strings.Fields(p.name)) >= 2 {
		return p
	}
	return np{}
}

// remarkNouns name a remark after its words: "the "mongrel" attack".
var remarkNouns = set("attack", "jibe", "gibe", "slur", "remark", "remarks", "comment", "comments", "taunt", "quip", "gaffe", "outburst", "insult", "barb")

// descriptionNouns name what someone called another: "X's description of him as".
var descriptionNouns = set("description", "characterisation", "characterization", "portrayal", "depiction")

// ideaNouns are what someone proposes or holds, in words a quote may give.
var ideaNouns = setAnd(replyWords+" "+viewWords, "suggestion", "claim", "proposal", "idea", "insistence", "assertion", "argument", "promise", "demand")

// possessorNP reads a name that ends in a possessive as the person:
// "President Joe Biden's" is Joe Biden.
func possessorNP(run []tok, pos int) np {
	run = append([]tok(nil), run...)
	last := &run[len(run)-1]
	last.text, last.low = trimPossessive(last.text), trimPossessive(last.low)
	last.cls = last.bare
	return parseNP(run, pos)
}

// handsOver reports whether a colon or a quote comes within a few words:
// "was one word: "Good."" (but not "was attacked by Howard").
func handsOver(ts []tok) bool {
	for k := 0; k < len(ts) && k < 5; k++ {
		if ts[k].text == ":" || ts[k].quoted {
			return true
		}
	}
	return false
}

// sentenceAdverb reports whether the word at i is an adverb set off by a
// comma: "Suddenly, with the help of the website, Los Caballeros …" (but
// not a name: "Beverly, who …", "Connolly, 45," after "Sean Connolly").
func (x *extractor) sentenceAdverb(i int) bool {
	ts := x.d.toks
	w := ts[i].low
	// (and one before a time: "Shortly after collecting the trophy, Federer addressed")
	return lyAdverb(w) && i+1 < len(ts) && (ts[i+1].text == "," || ts[i+1].low == "after" || ts[i+1].low == "before") && !ts[i].in(wFirstName) && len(x.res.later[w]) == 0
}

// isBullet reports whether a token marks a list item.
func isBullet(s string) bool {
	return s == "•" || s == "·" || s == "*" || s == "▪" || s == "-" || s == "–" || s == "—"
}

func (x *extractor) readSubject(s int) (definite, any np) {
	d := x.d
	st := d.sents[s]
	i := st.tok0
	for i < st.tok1 && d.toks[i].quoted {
		i++
	}
	if i > st.tok0 && i < st.tok1 {
		// a sentence that opens with a quotation: its subject is the
		// quotation's speaker ("“…,” said Ross Blanchard, vice president …")
		if p, ok := x.clauseAfter(d.toks[i].start, st.end, false); ok && p.kind != npNone {
			return both(p)
		}
	}
	for i < st.tok1 && (conjunctions[d.toks[i].low] || isBullet(d.toks[i].text)) {
		i++ // "But David Frost, director general of …, warned", "• A senior official"
	}
	if i == st.tok0 && (i == 0 || d.toks[i].para) {
		i = afterDateline(d.toks[:st.tok1], i)
	}
	if i+6 < st.tok1 && d.toks[i].low == "one" && d.toks[i+1].low == "of" && d.toks[i+2].in(wDet) && plural(d.toks[i+3].low) && !d.toks[i+3].isCap() && d.toks[i+4].text == "," {
		// "One of her regulars, retired RAF engineer Bill Grant, put it":
		// one of many, named in apposition
		e := i + 5
		for e < st.tok1 && e < i+15 && d.toks[e].isWord() && !d.toks[e].quoted {
			e++
		}
		if e < st.tok1 && d.toks[e].text == "," {
			if p := parseNP(d.toks[i+5:e], i+5); p.kind == npPerson && strings.Contains(p.name, " ") {
				return both(p)
			}
		}
	}
	if i+4 < st.tok1 && (d.toks[i].low == "this" || d.toks[i].low == "that" || d.toks[i].low == "it") && beForms[d.toks[i+1].low] &&
		d.toks[i+2].in(wReport) && d.toks[i+3].low == "by" {
		// "This was stated by Defense Minister Oleksii Reznikov": the agent
		// of a passive verb of speech said what the sentence before says
		if p := x.after(d.toks[i+4:st.tok1], i+4); p.kind != npNone {
			return both(p)
		}
	}
	if i+1 < st.tok1 && s > 0 && d.toks[i].low == "one" && d.toks[i].isCap() && d.toks[i+1].in(wReport) {
		// "Some former employees are angry …. One told BBC News Online":
		// one of those the sentence before is about
		if q := x.subjectNP(s-1, true); q.kind == npDesc && plural(q.head) && !orgHeads[singular(q.head)] {
			one := singular(q.head)
			name := strings.TrimSuffix(q.name, q.head) + one
			return both(np{kind: npDesc, name: name, mention: d.toks[i].text, head: one, pos: i})
		}
	}
	if i+2 < st.tok1 && d.toks[i].low == "according" && d.toks[i+1].low == "to" {
		// "According to Tomasz Wierzbicki of the Centre for Eastern Studies,
		// Moscow has never …": the sentence is his words, a "he told PAP" after is his
		if f, _ := x.accordingPhrase(i+2, 14, st.tok1); f.kind == npPerson || f.kind == npDesc && humanHead(f.head) && !plural(f.head) {
			return both(f)
		}
	}
	for k := i + 1; k+3 < st.tok1 && k < i+5 && !d.toks[k].quoted; k++ {
		if d.toks[k].text != "," || d.toks[k+1].low != "according" || d.toks[k+2].low != "to" {
			continue
		}
		// "The problem, according to Mr Lane, is not …": the sentence is
		// his account, a quote after it his
		if f, closed := x.accordingPhrase(k+3, 9, st.tok1); closed && f.kind == npPerson {
			return both(f)
		}
		break
	}
	if i+2 < st.tok1 && (auxiliaries[d.toks[i].low] || d.toks[i].low == "did" || d.toks[i].low == "does") && d.toks[st.tok1-1].text == "?" {
		if _, ok := pronouns[d.toks[i+1].low]; ok || capWord(&d.toks[i+1]) {
			i++ // a question the writer put: "Did he expect the States to act?"
		}
	}
	intro := false
	if k := frontedApposition(d.toks[:st.tok1], i); k > 0 {
		i, intro = k, true // "Formerly one of Mr Brown's closest Treasury aides, Ed Balls hinted"
	}
	if k := timeIntro(d.toks[:st.tok1], i); k > 0 {
		i, intro = k, true // "The previous day, the Olympic champion went down"
	}
	if i+3 < st.tok1 && (d.toks[i].low == "on" || d.toks[i].low == "late" || d.toks[i].low == "early") && isDateWord(d.toks[i+1].low) {
		// "On Thursday the Ministry of Foreign Affairs issued": a time
		// with no comma after it is no part of the subject (nor is
		// a later comma its end: "…, describing it as")
		k := i + 2
		for k < st.tok1 && k < i+5 && (timeOfDay[d.toks[k].low] || d.toks[k].isWord() && unicode.IsDigit([]rune(d.toks[k].text)[0])) {
			k++
		}
		if k < st.tok1 && d.toks[k].in(wDet) {
			i = k
		}
	}
	for n := 0; n < 2 && i < st.tok1 && !d.toks[i].quoted; n++ {
		// "Indicatively, in their response, some NATO countries urged"
		w := d.toks[i].low
		if leadWords[w] && !conjunctions[w] || strings.HasSuffix(w, "ing") && !x.res.isSurname(w) || x.sentenceAdverb(i) || askedWords[w] || placeAdverbs[w] && i+1 < st.tok1 && (d.toks[i+1].low == "in" || d.toks[i+1].low == "at" || d.toks[i+1].low == "on") ||
			frontedPreps[w] {
			// skip an introductory phrase up to its comma
			for k := i; k < st.tok1 && k < i+20; k++ {
				if frontedPreps[w] && auxiliaries[d.toks[k].low] && !relativeWords[d.toks[k-1].low] && (k < 2 || !relativeWords[d.toks[k-2].low]) {
					if !beForms[d.toks[k].low] {
						return both(np{}) // the subject is inside: "Under a Labour government the tax burden would"
					}
					break // "Among those weighing their options is Luke Camilleri"
				}
				if d.toks[k].text == "," && listGoesOn(d.toks[:st.tok1], k) {
					continue // "Shortly after collecting a trophy, a car and a cheque, Federer addressed"
				}
				if d.toks[k].text == "," {
					i = k + 1
					intro = true
					if k+1 < st.tok1 && relativeWords[d.toks[k+1].low] {
						continue // "In the metro station, where hundreds spent the night, Oksana"
					}
					break
				}
			}
		}
	}
	if a := oneOfThem(d.toks[:st.tok1], i); a > 0 && (d.toks[a].low == "a" || d.toks[a].low == "an") {
		// "One of the students, a 22-year-old medical student in Kharkiv,
		// told", "One of them, a 34-year-old heavy equipment operator who
		// asked that his name not be used …, said": the apposition says who
		e := a + 1
		for e < st.tok1 && e < a+15 && d.toks[e].text != "," && !relativeWords[d.toks[e].low] && !d.toks[e].quoted {
			e++
		}
		if e < st.tok1 && (d.toks[e].text == "," || relativeWords[d.toks[e].low]) {
			if p := parseNP(d.toks[a:e], a); p.kind == npDesc && (humanHead(p.head) || personHead(p.head) || agentNoun(p.head)) {
				return both(p)
			}
		}
	}
	if i+3 < st.tok1 && (d.toks[i].low == "a" || d.toks[i].low == "an" || d.toks[i].low == "one" && !d.toks[i+1].in(wFirstName) || d.toks[i].low == "the" && d.toks[i+2].low == "of" && (d.toks[i+3].low == "a" || d.toks[i+3].low == "an")) {
		// "A Portree woman whose parents live in Kharkiv, barely 25 miles
		// from the Russian border, has said", "THE boss of a Banbridge
		// engineering firm which has sold … says"
		for k := i + 2; k < st.tok1 && k < i+30 && !d.toks[k].quoted; k++ {
			if (d.toks[k].low == "who" || d.toks[k].low == "whose") && d.toks[i].low != "the" && k-i <= 7 {
				// "A Builth Wells vet whose parents live in western Ukraine
				// has thanked", "One Beragh dairy farmer, who asked not to be
				// named, said": the trade after the place, whatever the verb
				e := k
				if d.toks[e-1].text == "," {
					e--
				}
				if e-i <= 6 && plainWords(d.toks[i+1:e]) {
					if p := parseNP(d.toks[i:e], i); p.kind == npDesc && !plural(p.head) && (personHead(p.head) || humanHead(p.head)) {
						if name, _ := x.res.resolve(p); e < k || name != "" && name != p.name {
							return both(p) // (one the lede names later, or a clause set off; else the clause says who)
						}
					}
				}
			}
			if d.toks[k].in(wReport) && !strings.HasSuffix(d.toks[k].low, "ing") && !relativeWords[d.toks[k-1].low] {
				if p := relativeSubject(d.toks[i:st.tok1], k-i, i); p.kind != npNone {
					return both(p)
				}
				e := k
				for e > i+2 && d.toks[e-1].in(wSkip) {
					e-- // "An Omagh agricultural merchant has warned"
				}
				if e-i <= 6 && plainWords(d.toks[i+1:e]) {
					if p := parseNP(d.toks[i:e], i); p.kind == npDesc && !plural(p.head) && (personHead(p.head) || agentNoun(p.head)) {
						return both(p) // "A Scone equine vet says": a place before the trade, not a name
					}
				}
				break
			}
		}
	}
	j, cut := i, -1
	for j < st.tok1 && !d.toks[j].quoted && (j == i || d.toks[j].text != "I") {
		w := d.toks[j].low
		t := &d.toks[j]
		if j > i && j+1 < st.tok1 && datePhrase(d.toks, j) {
			break // "Turkish President Recep Tayyip Erdogan on Thursday renewed"
		}
		if w == "to" && j > i && j+1 < st.tok1 {
			if _, obj := objectPronouns[d.toks[j+1].low]; obj {
				break // "Her mother's advice to her was simple:"
			}
		}
		if w == "in" && j > i && j+3 < st.tok1 && d.toks[j-1].in(wRole) && capWord(&d.toks[j+1]) && !d.toks[j+1].in(wFirstName) &&
			d.toks[j+2].in(wFirstName) && capWord(&d.toks[j+2]) && capWord(&d.toks[j+3]) {
			j += 2 // "McDonald's CEO in Ukraine Yuliya Badritdinova stressed": where the office is, then who holds it
			continue
		}
		if j > i && d.toks[j-1].in(wRole) && !d.toks[j-1].isCap() {
			if m := fieldThenName(d.toks[:st.tok1], j); m > 0 {
				j = m // "lecturer in international relations Dr Emma Sinclair": the field, then who
				continue
			}
		}
		if w == "in" && j > i && j+1 < st.tok1 && capWord(&d.toks[j+1]) {
			// a body's seat: "The Russian Embassy in Ottawa", "the Russian
			// embassy in Wellington", "the Embassy of India in Kyiv"; where
			// a group is: "Parents of Namibian students in Ukraine"
			embassy, group := embassyOf(d.toks[i:j]), groupNouns[d.toks[j-1].low]
			if d.toks[j-1].in(wOrg) && (d.toks[j-1].isCap() || j-2 > i && d.toks[j-2].isCap()) || embassy || group {
				if !seatNouns[d.toks[j-1].low] && !embassy && !group && cut < 0 {
					cut = j // "the Ministry of Foreign Affairs in Kathmandu": only an embassy keeps its seat
				}
				j++
				continue
			}
		}
		if t.isCap() && !(j > i && isPossessive(d.toks[j-1].text) && hyphenAdjective(w)) || roleWords[w] && !adjectiveRole(d.toks[j:st.tok1]) || groupNouns[w] || familyOf(w) || orgHeads[w] && j > i+1 && d.toks[j-1].isCap() && d.toks[i].in(wDet) || personNouns[w] && j == i+2 && d.toks[j-1].isCap() && d.toks[i].low == "the" || standingHeads[w] && d.toks[i].low == "the" && j == i+2 && standingWords[d.toks[j-1].low] || standingWords[w] && j == i+1 && d.toks[i].low == "the" && standingHeads[lowAt(d.toks[:st.tok1], j+1)] || determiners[w] || roleConnectors[w] || t.text == "," || t.text == "-" ||
			leadWords[w] && j == i || isPossessive(t.text) && j > i && d.toks[j-1].in(wDet) ||
			j > i && peopleOf(d.toks, j) || j > i && rolePossessive(d.toks, j) {
			j++
			continue
		}
		if j >= i+3 && articles[d.toks[j-1].low] && (d.toks[j-2].low == "of" || d.toks[j-2].low == "for") && !t.isCap() {
			// a body no name names: "A spokesman for the firm said", "the
			// chief executive of a supply-vessel operator, who asked"
			m := j
			for m < st.tok1 && m < j+2 && d.toks[m].isWord() && !d.toks[m].isCap() && !d.toks[m].quoted && !functionWords[d.toks[m].low] &&
				!d.toks[m].in(wReport|wStance|wSkip) && !strings.HasSuffix(d.toks[m].low, "ed") {
				m++
			}
			if m > j && m < st.tok1 && (d.toks[m].text == "," || d.toks[m].in(wReport|wStance|wSkip)) {
				j = m
				continue
			}
		}
		if j == i+1 && (d.toks[i].low == "another" || d.toks[i].low == "a" || d.toks[i].low == "an" || d.toks[i].low == "the" || d.toks[i].low == "one") && !t.isCap() &&
			(personHead(w) || agentNoun(w)) && !t.in(wReport|wStance|wSkip) && j+2 < st.tok1 &&
			(d.toks[j+1].text == "," && !capWord(&d.toks[j+2]) || relativeWords[d.toks[j+1].low]) {
			j++ // "Another parent, who asked not to be named, said" (but "A neighbour, Mykola, said")
			break
		}
		if j > i+1 && (d.toks[i].low == "a" || d.toks[i].low == "an") && w == "familiar" && !d.toks[j-1].isCap() && (personHead(d.toks[j-1].low) || agentNoun(d.toks[j-1].low) || roleWords[d.toks[j-1].low]) {
			// "A Danish official familiar with the discussions in NATO, who
			// spoke on condition of anonymity, said": what they know says who
			if m := placedEnd(d.toks, j+1, min(st.tok1, j+10)); m > j+1 {
				j = m
				break
			}
		}
		if j == i+1 && d.toks[i].in(wDet) && !t.isCap() && (personHead(w) || agentNoun(w)) && !t.in(wReport|wStance|wSkip) && j+1 < st.tok1 && placedAfter(d.toks[j+1].low) {
			// "A woman selling vegetables at the town's market disagreed":
			// a person, and what they do or where they are, up to the verb
			if m := placedEnd(d.toks, j+2, min(st.tok1, j+10)); m > j+2 {
				j = m
			}
			if j > i+1 {
				break
			}
		}
		if (j == i+1 && d.toks[i].in(wDet) && spokesHeads[lowAt(d.toks[:st.tok1], j+1)] ||
			j >= i+2 && (d.toks[i].in(wDet) || d.toks[i].low == "one") && roleWords[d.toks[j-1].low] && !d.toks[j-1].isCap() && roleWords[lowAt(d.toks[:st.tok1], j+1)]) &&
			!t.isCap() && t.isWord() && !functionWords[w] && !t.in(wReport|wStance|wSkip) {
			j++ // a noun before the role: "A club spokesperson denied", "One senior industry executive"
			continue
		}
		if j > i && !t.isCap() && t.isWord() && !functionWords[w] && j+3 < st.tok1 && d.toks[j+1].low == "and" && d.toks[j+2].isWord() && !d.toks[j+2].isCap() &&
			roleWords[d.toks[j+3].low] && !d.toks[j+3].isCap() && capWord(&d.toks[j-1]) {
			j += 2 // "Fordell sheep and beef farmer Mark Te Rangi": two trades of one role
			continue
		}
		if j > i && isPossessive(d.toks[j-1].text) && !d.toks[j-1].isCap() && t.isWord() ||
			j > i+1 && isPossessive(d.toks[j-2].text) && !d.toks[j-2].isCap() && (orgWords[w] || orgHeads[w] || roleWords[w] || groupNouns[w]) {
			j++ // the head after a possessive: "The show's producers", "the cabinet's media centre"
			continue
		}
		if j > i && isPossessive(d.toks[j-1].text) && t.isWord() && (kinNouns[w] != 0 || roleWords[w]) && j+1 < st.tok1 &&
			(capWord(&d.toks[j+1]) || kinNouns[w] != 0 && d.toks[j+1].text == "," && j+2 < st.tok1 && capWord(&d.toks[j+2])) {
			j++ // "Anjali's father Rajesh Verma has been following the news", "Mr Begg's father, Azmat, said"
			continue
		}
		if j > i && isPossessive(d.toks[j-1].text) && t.isWord() && !roleBeforeName(d.toks[j:st.tok1]) {
			// "The EU's move": a thing of theirs is no speaker, their report is
			// (but "Sonaptic's managing director David Monteith" is he)
			if (wordsNouns[w] || replyNouns[w]) && capWord(&d.toks[j-1]) && j+1 < st.tok1 && beForms[d.toks[j+1].low] && handsOver(d.toks[j+2:st.tok1]) {
				// "Putin's answer was one word: "Good."": the possessor's words
				if p := possessorNP(d.toks[i:j], i); p.kind == npPerson {
					return both(p)
				}
			}
			if !docHeads[w] {
				return both(x.finalSpeaker(j, st.tok1))
			}
			j++
		}
		if j == i+1 && (d.toks[i].low == "his" || d.toks[i].low == "her") && kinNouns[w] != 0 {
			j++ // "Her brother still lives in Mariupol"
			break
		}
		if _, ok := pronouns[w]; ok && j == i {
			j++
			break
		}
		if j == i+2 && d.toks[i].in(wDet) && nationalNouns[d.toks[j-1].low] && d.toks[j-1].isCap() && thingAfter(d.toks[:st.tok1], j) {
			j++ // "A Ukrainian flag now hangs": the nationality is the thing's, no one's
			break
		}
		if (j > i || intro) && t.isWord() && !t.isCap() {
			// "Double try scorer Martyn Williams was keen", "At the White
			// House, national security adviser Jake Sullivan defended": a few
			// lower-case words of a role before the name
			m := j
			for m < st.tok1 && m < j+3 && d.toks[m].isWord() && !d.toks[m].isCap() && !d.toks[m].quoted &&
				!d.toks[m].in(wReport|wStance|wSkip) && !functionWords[d.toks[m].low] {
				m++
			}
			desc := false // "Telecom analysts Ovum", "IT firm Dimension Data"
			for _, u := range d.toks[j:m] {
				desc = desc || u.in(wRole) || personNouns[u.low] || orgHeads[u.low] || j > i && d.toks[j-1].low == "for" && agentNoun(u.low) || roleWords[strings.TrimSuffix(u.low, "s")] || orgHeads[strings.TrimSuffix(u.low, "s")]
			}
			// (but a full name before is the subject: "Morgan Freeman beat
			// actors including Clive Owen")
			if m > j && m+1 < st.tok1 && capWord(&d.toks[m]) && (capWord(&d.toks[m+1]) && j > i || desc) && !(j > i && (x.res.fullNameAt(i, j) || !desc && x.res.nameEndsAt(j) || pastVerb(d.toks[j:m]))) && !d.toks[m].quoted {
				// (nor a name before a verb in the past: "Britain's Rod Stewart
				// introduced Percy Sledge")
				j = m
				continue
			}
			if m > j && j > i && m+1 < st.tok1 && d.toks[m].text == "," && (d.toks[m-1].in(wRole) || relationHeads[d.toks[m-1].low] || kinNouns[d.toks[m-1].low] != 0) && capWord(&d.toks[m+1]) {
				// "The EU's foreign policy chief, Josep Borrell, said": a role
				// in apposition; "His friend, Saxon Spence, … lays": a relation
				j = m
				continue
			}
			if m > j && m+1 < st.tok1 && (d.toks[i].low == "a" || d.toks[i].low == "an") && (personHead(d.toks[m-1].low) || agentNoun(d.toks[m-1].low)) &&
				d.toks[m].text == "," && relativeWords[d.toks[m+1].low] {
				j = m // "A Cairo-based grain trader, who requested anonymity, said": the clause set off is no part of who they are
			}
			if m > j+1 && placedAfter(d.toks[j+1].low) {
				m = j + 1 // "a Sconset retiree waiting for the 4:15 boat"
			}
			if m == j+1 && (d.toks[i].low == "a" || d.toks[i].low == "an") && j > i+1 && (personHead(w) || agentNoun(w)) {
				// "A Sandy Bay woman with family in Lviv, who asked not to be
				// named, said": a place that tells who she is, and what
				// else does, up to the clause set off
				j = m
				if j < st.tok1 && d.toks[j].low == "who" {
					// "A Ukrainian woman who has lived on the island for 12
					// years said": the clause is part of who she is
					for m = j + 1; m < st.tok1 && m < j+16 && !d.toks[m].quoted; m++ {
						if d.toks[m].in(wReport) || d.toks[m].text == "," {
							j = m // (or to its comma: "A Palauan veteran who served two tours in Iraq, and who asked")
							break
						}
					}
				} else if j < st.tok1 && (placedAfter(d.toks[j].low) || d.toks[j].low == "with") {
					if m := placedEnd(d.toks, j+1, min(st.tok1, j+10)); m > j+1 {
						j = m
					}
				}
				return np{}, np{kind: npDesc, name: joinToks(d.toks[i+1 : j]), mention: joinToks(d.toks[i:j]), head: w, pos: i}
			}
			if m > j && m < st.tok1 && d.toks[i].in(wDet) && (humanHead(d.toks[m-1].low) || personHead(d.toks[m-1].low)) && d.toks[m].text == "I" {
				j = m // "A young soldier I met at a checkpoint … was less philosophical"
			}
		}
		break
	}
	if j == i+2 && j+2 < st.tok1 && d.toks[j].low == "who" && (d.toks[i].low == "a" || d.toks[i].low == "an" || d.toks[i].low == "one" || d.toks[i].low == "another") &&
		(personHead(d.toks[i+1].low) || agentNoun(d.toks[i+1].low) || roleWords[d.toks[i+1].low]) && !d.toks[i+1].isCap() {
		// "One advocate who advises international clients on compliance,
		// and who asked not to be named, said": the clause is part of who
		// they are, up to its comma or the verb
		for m := j + 2; m < st.tok1 && m < j+16 && !d.toks[m].quoted; m++ {
			if d.toks[m].text == "," || d.toks[m].in(wReport) {
				return np{}, np{kind: npDesc, name: joinToks(d.toks[i+1 : m]), mention: joinToks(d.toks[i:m]), head: d.toks[i+1].low, pos: i}
			}
		}
	}
	if j == i {
		return both(np{})
	}
	if intro && j < st.tok1 && d.toks[j-1].text != "," {
		// "Speaking alongside the secretary general, Jens Stoltenberg, the
		// prime minister said": the name closes the introductory phrase and
		// the phrase before the verb is the subject
		k := j - 1
		for k > i && d.toks[k].text != "," {
			k--
		}
		if k > i {
			if q := parseNP(d.toks[k+1:j], k+1); q.kind == npDesc && q.definite {
				return both(q)
			}
		}
	}
	if cut < 0 {
		cut = j
	}
	p := parseNP(d.toks[i:cut], i)
	if cut == j && p.kind == npPerson && d.toks[j-1].in(wFirstName) {
		// "Murweh Shire Mayor Shaun "Zoro" Radnedge said": the name goes on
		// after the nickname
		if m := nicknameEnd(d.toks[:st.tok1], j); m > 0 {
			if q := parseNP(append(d.toks[i:j:j], d.toks[m]), i); q.kind == npPerson {
				p, j = q, m+1
			}
		}
	}
	if p.kind == npPerson && j < st.tok1 && (d.toks[j].low == "who" || d.toks[j].low == "whose") {
		return both(p) // "Yelena, whose husband serves …, says": a "who" is a person
	}
	if p.kind == npNone || p.kind == npDesc && !humanHead(p.head) && !docHeads[p.head] && !orgHeads[p.head] {
		// "Another Israeli, a medical student in Vinnytsia who asked that his
		// name not be used, said": the phrase before the sentence's verb of
		// speech, read back from the verb
		c := d.toks[i:st.tok1]
		for v := 1; v < len(c) && v < 40 && !c[v].quoted; v++ {
			if c[v].in(wReport) && !strings.HasSuffix(c[v].low, "ing") && !relativeWords[c[v-1].low] {
				if f := npBackward(c, v, i); f.kind == npPerson || f.kind == npDesc && ((humanHead(f.head) || personHead(f.head)) && !plural(f.head) || orgHeads[f.head] && f.definite && x.res.orgNamedBefore(f.pos, f.head)) {
					return both(f) // "The company added": the firm named before
				}
				break
			}
		}
	}
	if p.kind == npPerson && !x.res.knownPerson(p) || p.kind == npNone {
		// "Voters will have a clear choice …, said Charles Kennedy": the
		// sentence is someone's reported speech and its speaker is its subject
		if f, ok := x.sentenceFinal(d.toks[min(i+1, st.tok1-1)].start); ok && f.kind != npNone {
			return both(f)
		}
	}
	// "a spokesman" is no definite subject; "Church ministers", with no
	// article, are as definite as the ministers
	indef := p.kind == npDesc && !p.definite && !(plural(p.head) && !functionWords[d.toks[i].low])
	if p.kind != npNone {
		if f := x.finalSpeaker(j, st.tok1); f.kind != npNone {
			p = f
		}
	}
	if indef {
		return np{}, p
	}
	return p, p
}

func both(p np) (np, np) { return p, p }

// thingAfter reports whether ts[k] is a lower-case noun that a
// nationality before it qualifies ("A Ukrainian flag"), not a verb or an
// adverb ("A Ukrainian said", "A Ukrainian now living") or a person.
func thingAfter(ts []tok, k int) bool {
	if k >= len(ts) || !ts[k].isWord() || ts[k].isCap() || ts[k].quoted {
		return false
	}
	w := ts[k].low
	return !functionWords[w] && !ts[k].in(wReport|wStance|wSkip|wRole) && !personHead(w) && !agentNoun(w) && kinNouns[w] == 0 &&
		!strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly")
}

// timeIntro gives the token after the comma of a time phrase that opens a
// sentence at ts[i] ("The previous day,", "That same evening,"), else 0.
func timeIntro(ts []tok, i int) int {
	if i >= len(ts) || !timeDeterminers[ts[i].low] {
		return 0
	}
	for k := i + 1; k < len(ts) && k <= i+3; k++ {
		if ts[k].quoted || !ts[k].isWord() || ts[k].isCap() {
			return 0
		}
		if timeNouns[ts[k].low] {
			if k+2 < len(ts) && ts[k+1].text == "," {
				return k + 2
			}
			return 0
		}
	}
	return 0
}

var timeDeterminers = set("the", "that", "this", "next", "last", "earlier", "later")

var timeNouns = set("day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "season")

// adjectiveRoles are titles that are as often adjectives: "the general
// said", but "his general election pitch"; "the chief said", but "their
// chief concern".
var adjectiveRoles = set("general", "major", "chief", "head", "press", "foreign", "defence", "executive", "prime")

// adjectiveRole reports whether ts opens with such a title used as an
// adjective: lower-case, before plain lower-case nouns none of which is a
// title, person or body ("his general election pitch is").
func adjectiveRole(ts []tok) bool {
	if len(ts) < 2 || !adjectiveRoles[ts[0].low] || ts[0].isCap() {
		return false
	}
	for m := 1; m < len(ts) && m <= 3; m++ {
		n := &ts[m]
		if !n.isWord() || n.isCap() || n.quoted || functionWords[n.low] || subjectEnders[n.low] || n.in(wReport|wStance|wSkip) {
			return m > 1 // the noun the title qualifies has ended
		}
		if roleWords[n.low] || personHead(n.low) || agentNoun(n.low) || orgHeads[n.low] || groupNouns[n.low] || n.in(wRole) ||
			m == 1 && strings.HasSuffix(n.low, "ed") {
			return false // "the chief medical officer", "the chief prosecutor"
		}
	}
	return true
}

// placedEnd returns where the words that say what a person does or where
// they are end, reading ts[from:end] (a verb, an auxiliary or a comma ends
// them: "A woman selling vegetables at the town's market| disagreed"), or
// -1 when nothing in it ends them.
func placedEnd(ts []tok, from, end int) int {
	for m := from; m < end && !ts[m].quoted; m++ {
		if u := &ts[m]; !u.isWord() && !isPossessive(u.text) || u.in(wReport|wStance) || subjectEnders[u.low] || strings.HasSuffix(u.low, "ed") {
			return m
		}
	}
	return -1
}

// roleBeforeName reports whether c opens with up to three lower-case words
// of a role and then a name: "managing director David Monteith".
func roleBeforeName(c []tok) bool {
	role := false
	for m := 0; m < len(c)-1 && m < 3; m++ {
		if !c[m].isWord() || c[m].isCap() || c[m].quoted || functionWords[c[m].low] {
			return role && capWord(&c[m]) && capWord(&c[m+1])
		}
		role = role || c[m].in(wRole) && !c[m].in(wOrg)
	}
	return false
}

// placeAdverbs open a fronted phrase of place: "Back in Jaipur, Anjali's
// father …".
var placeAdverbs = set("back", "here", "there", "elsewhere", "inside", "outside", "out", "down", "up", "over")

// finalSpeaker reads the attribution that closes sentence s after token j,
// set off by a comma: "Mr Brown liked to rattle off …, the Tory leader
// said". The writer reports the Tory leader's words, so the one speaking,
// not the subject of what he said, is who a "he said" after means.
func (x *extractor) finalSpeaker(j, end int) np {
	d := x.d
	if j >= end {
		return np{}
	}
	f, ok := x.sentenceFinal(d.toks[j].start)
	// (a "he" or "she" only in an aside: "The European Union is South
	// Africa's biggest trading partner, she says, and Washington is watching")
	aside := f.kind == npPronoun && (f.gender == 'm' || f.gender == 'f') && f.pos+2 < end && d.toks[f.pos-1].text == "," &&
		d.toks[f.pos+1].in(wReport) && d.toks[f.pos+2].text == ","
	if !ok || f.pos <= j || !(f.kind == npPerson || f.kind == npDesc && humanHead(f.head) || aside) {
		return np{}
	}
	// set off by a comma, its role before it: ", State Department spokesperson Ned Price said"
	k := f.pos
	for k > j+1 && k > f.pos-5 && d.toks[k-1].text != "," && (d.toks[k-1].in(wRole|wOrg) || d.toks[k-1].isCap()) {
		k--
	}
	if d.toks[k-1].text == "," || k-2 > j && d.toks[k-1].in(wReport) && d.toks[k-2].text == "," {
		return f // (or after its verb: "…, says Tim Dams, the news editor of Screen International")
	}
	return np{}
}

// lowerBodyName finds the "the" that opens a body named in lower case
// words joined by "and" before its head c[k-1] ("the Commons science and
// technology committee"), or -1. s is where the words read so far begin.
func lowerBodyName(c []tok, s, k int) int {
	if s != k-1 || !orgHeads[c[s].low] {
		return -1
	}
	and := false
	for m := s - 1; m >= 0 && m >= s-7; m-- {
		t := &c[m]
		switch {
		case t.low == "the":
			if and && m+1 < s-2 {
				return m
			}
			return -1
		case t.low == "and":
			if and || m+1 >= s || m == 0 || c[m-1].isCap() || c[m+1].isCap() {
				return -1
			}
			and = true
		case !t.isWord() || functionWords[t.low] || t.in(wReport|wStance|wSkip) || !t.isCap() && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing")):
			return -1
		}
	}
	return -1
}

// articleBefore reports whether c[m] is "a", "an" or "one", or ends a
// place's name of one to three words just after one: "one Llanfair
// Caereinion".
func articleBefore(c []tok, m int) bool {
	article := func(t *tok) bool { return t.low == "a" || t.low == "an" || t.low == "one" }
	a := m
	for a >= 0 && a > m-3 && capWord(&c[a]) && !article(&c[a]) {
		a--
	}
	return a >= 0 && article(&c[a])
}

// npBackward reads the noun phrase that ends just before c[k] (a verb): its
// names, titles and determiners, with an apposition set off by commas
// ("Dave Prentis, general secretary of Unison, said").
func npBackward(c []tok, k, base int) np {
	if k == 0 {
		return np{}
	}
	if _, ok := pronouns[c[k-1].low]; ok {
		return parseNP(c[k-1:k], base+k-1)
	}
	for m := k - 2; m >= 1 && m >= k-4; m-- {
		if c[m].text == "," {
			if partyTag(c[m+1:k]) && c[m-1].isCap() {
				k = m // "Sen. Amy Klobuchar, D-Minn., who traveled to Kyiv, said": the name before the party
			}
			break
		}
	}
	if p := relativeSubject(c, k, base); p.kind != npNone {
		return p
	}
	if k >= 2 && k < len(c) && strings.HasSuffix(c[k].low, "ing") && c[k-2].low == "of" && !c[k-1].isCap() && pluralBody(c[k-1].low) {
		// "with just 54% of companies calling it a "significant threat"":
		// the share stands for those it counts
		return np{kind: npDesc, name: c[k-1].text, mention: c[k-1].text, head: c[k-1].low, pos: base + k - 1}
	}
	if k < len(c) && c[k].in(wReport) && c[k-1].isCap() && isPossessive(c[k-1].text) && (k == 1 || !c[k-2].isWord() || conjunctions[c[k-2].low]) &&
		(!strings.HasSuffix(c[k].low, "s") || c[k].low == "says") {
		// "Foster's said": a name with its "'s", no one's possessive
		return np{kind: npOrg, name: c[k-1].text, mention: c[k-1].text, pos: base + k - 1}
	}
	if k >= 2 && c[k-1].text == "," && k < len(c) && c[k].low == "who" {
		return whoDescribed(c, k-1, base) // "denied by UKIP spokesman, who said"
	}
	if k >= 3 && c[k-1].low == "who" && c[k-2].text == "," {
		return whoDescribed(c, k-2, base)
	}
	if k >= 3 && c[k-1].low == "which" && c[k-2].text == "," {
		return npBackward(c, k-2, base) // "welcomed by Beijing, which described"
	}
	if k >= 3 && c[k-1].low == "which" && c[k-2].isWord() && !c[k-2].isCap() && plural(c[k-2].low) {
		// "pressure from exporter organisations which have publicly stated"
		if p := npBackward(c, k-1, base); p.kind == npDesc || p.kind == npOrg {
			return p
		}
		if pluralBody(c[k-2].low) {
			a := k - 2
			for a > 0 && k-2-a < 3 && c[a-1].isWord() && !c[a-1].isCap() && !functionWords[c[a-1].low] && !c[a-1].in(wDet|wReport|wStance|wSkip) {
				a--
			}
			return np{kind: npDesc, name: joinToks(c[a : k-1]), mention: joinToks(c[a : k-1]), head: c[k-2].low, pos: base + a}
		}
	}
	s := k
	if c[s-1].text == "," {
		// a relative clause: "A senior official there, who spoke on condition
		// of anonymity because he was not authorised to speak, called"
		commas := 0
		for m := s - 2; m >= 1 && s-m < 30; m-- {
			if c[m].text == "," {
				if w := c[m+1].low; w == "who" || w == "whose" || strings.HasSuffix(w, "ing") && len(w) > 5 && !c[m+1].isCap() && c[m+2].isWord() && !c[m+2].isCap() {
					// "An official at the embassy, speaking by phone on
					// condition of anonymity, said"
					e := m
					if w := c[e-1].low; e >= 2 && (w == "there" || w == "here" || w == "too") {
						e-- // "a senior official there"
					}
					if p := npBackward(c, e, base); p.kind != npNone || w != "who" {
						return p
					}
					return whoNoun(c, e, base)
				}
				// "Johnson, who later flew for talks with its prime minister,
				// Mateusz Morawiecki, said": one apposition inside the clause
				if commas++; commas == 2 {
					break
				}
			}
		}
	}
	if dashTok(&c[s-1]) {
		// an apposition between dashes: "Andrei Illarionov - then economic
		// adviser to President Vladimir Putin - told a press conference";
		// an aside before a relative clause may be longer: "critics in the
		// US - where it only reached number eight at the box office in its
		// opening week - who described"
		span := 16
		if k < len(c) && (c[k].low == "who" || c[k].low == "which") {
			span = 30
		}
		for m := s - 2; m >= 1 && s-m < span; m-- {
			if dashTok(&c[m]) {
				return npBackward(c, m, base)
			}
		}
	}
	if p, ok := placedPerson(c, k, base); ok {
		return p
	}
	if p := unclosedApposition(c, k, base); p.kind == npPerson {
		return p
	}
	appos := [2]int{-1, -1}
	if c[s-1].text == "," {
		// an apposition: "Dave Prentis, general secretary of Unison, said"
		m := s - 2
		for m >= 0 && (c[m].text != "," || listComma(c[:k], m)) && s-m < 22 {
			m-- // (a list inside the apposition: "lecturer at the Centre for Vision, Speech and Signal Processing")
		}
		if m < 1 || c[m].text != "," {
			return np{}
		}
		if w := c[m+1].low; (w == "from" || w == "in") && m >= 2 && c[m-2].in(wDet) && !c[m-1].isCap() && (personHead(c[m-1].low) || agentNoun(c[m-1].low)) {
			// "Another student, from Sylhet, said": where they are from says who they are
			return parseNP(append(append([]tok(nil), c[m-2:m]...), c[m+1:s-1]...), base+m-2)
		}
		if w := c[m+1].low; strings.HasSuffix(w, "ed") && !c[m+1].isCap() && docHeads[c[m-1].low] {
			return npBackward(c, m, base) // "Her lawsuit, filed in the US District Court in San Francisco, said"
		}
		if c[m+1].low == "real" && m+2 < s && c[m+2].low == "name" {
			return npBackward(c, m, base) // "Jay-Z, real name Shawn Carter, said": the name he goes by
		}
		if w := c[m+1].low; w == "which" || w == "who" {
			// a relative clause after the name: "A spokesman for the World
			// Summit (WSIS), which is meeting this week in Geneva, told"
			return npBackward(c, m, base)
		}
		if m >= 3 && s-m == 3 && c[m+1].isCap() && c[m-1].isCap() {
			// a place after a place: "Mr Johnson, MP for Henley-on-Thames,
			// Oxfordshire, said"
			for m2 := m - 1; m2 >= 1 && m-m2 < 22; m2-- {
				if c[m2].text == "," {
					m = m2
					break
				}
			}
		}
		appos = [2]int{m + 1, s - 1}
		s = m
		if m2 := m - 1; m2 >= 2 {
			for m2 > 0 && c[m2].text != "," && m-m2 < 4 {
				m2--
			}
			if c[m2].text == "," && partyTag(c[m2+1:m]) {
				s = m2 // "Rep. Mike Gallagher, R-Green Bay, a Marine veteran, wrote"
			}
		}
	}
	for s > 0 {
		t := &c[s-1]
		w := t.low
		if s >= 3 && s < k && c[s].text == "," && c[s-2].text == "," && capWord(&c[s-3]) && t.isWord() && unicode.IsDigit([]rune(t.text)[0]) {
			s -= 2 // an age between the name and its apposition: "Mark Hrycenko, 38, a member of …, said"
			continue
		}
		if t.text == ")" {
			// a parenthesis after a name is a gloss: "Sen. Jim Risch (Idaho),
			// the top Republican on the panel, said", "Chinese Nationalist
			// Party (KMT) Chairman Eric Chu (朱立倫) urged"
			m := s - 2
			for m >= 1 && c[m].text != "(" && s-m < 8 {
				m--
			}
			if m >= 1 && c[m].text == "(" && c[m-1].isCap() {
				s = m
				continue
			}
			if m >= 3 && c[m].text == "(" && s-m == 3 && capWord(&c[m+1]) && c[m-1].isWord() && !functionWords[c[m-1].low] {
				// "The department of international relations and
				// co-operation (Dirco) said": a body named in lower case
				for a := m - 2; a >= 0 && a >= m-10; a-- {
					if c[a].low == "the" && a+1 < m && c[a+1].in(wOrg) && !c[a+1].isCap() {
						return np{kind: npDesc, name: joinToks(c[a+1 : m]), mention: joinToks(c[a:s]), head: c[a+1].low, definite: true, pos: base + a}
					}
					if !c[a].isWord() || c[a].isCap() {
						break
					}
				}
			}
		}
		if s < k && (c[s].low == "the" || c[s].low == "a" || c[s].low == "an") && !roleConnectors[w] && !(t.isCap() && isPossessive(t.text)) {
			// a phrase has one article: "In his message the party leader
			// said", "According to Mr Peston the prime minister said"
			break
		}
		if s < k && listComma(c[:k], s-1) {
			// a list inside a name: "A Department for Media, Culture and Sport
			// spokeswoman", "the Ministry of Economy, Trade and Industry"
			s--
			continue
		}
		if s == k || s == k-1 && !c[s].isCap() {
			// a body no name names: "A spokesman for the firm said", "the
			// chief executive of a supply-vessel operator said"
			if m := s - 1; m >= 2 && t.isWord() && !t.isCap() && !functionWords[w] && !t.in(wReport|wStance|wSkip) && !strings.HasSuffix(w, "ed") {
				f := -1
				if articles[c[m-1].low] && c[m-1].in(wDet) {
					f = m - 2
				} else if m >= 3 && !c[m-1].isCap() && c[m-1].isWord() && !functionWords[c[m-1].low] && articles[c[m-2].low] && c[m-2].in(wDet) {
					f = m - 3
				}
				if f >= 1 && (c[f].low == "of" || c[f].low == "for") && (humanHead(c[f-1].low) || personHead(c[f-1].low)) {
					s--
					continue
				}
			}
		}
		if s == k && !t.isCap() && t.isWord() && !functionWords[w] && !t.in(wReport|wStance|wSkip) {
			// "The president of a Kenora Ukrainian cultural group says": the
			// one of the body, however many words describe it
			m := s - 2
			for m >= 0 && s-m <= 6 && c[m].isWord() && !c[m].in(wDet) && !functionWords[c[m].low] && !c[m].in(wReport|wStance|wSkip) {
				m--
			}
			if m >= 2 && s-m > 3 && (c[m].low == "a" || c[m].low == "an") && (c[m-1].low == "of" || c[m-1].low == "for") && ofWhom(c[m-2].low) {
				s = m + 1
				continue
			}
		}
		if s < k && (strings.HasPrefix(w, "pro-") || strings.HasPrefix(w, "anti-")) && (c[s].isCap() || groupNouns[c[s].low] || pluralPerson(c[s].low)) {
			s-- // what they are for or against: "pro-hunt MPs say"
			continue
		}
		if s >= 3 && s < k && !t.isCap() && agentNoun(w) && c[s].isCap() && (c[s-2].low == "for" || c[s-2].low == "of") && (humanHead(c[s-3].low) || personHead(c[s-3].low)) {
			s-- // what the body is, before its name: "A spokesman for distributor Toho said"
			continue
		}
		if (w == "in" || w == "on") && s >= 3 && s < k && (c[s-2].low == "living" || c[s-2].low == "based") && (groupNouns[c[s-3].low] || demonyms(&c[s-3])) && c[s].isCap() {
			s -= 2 // "Ukrainians living on Merseyside say"
			continue
		}
		if w == "from" && s >= 2 && relationHeads[c[s-2].low] || w == "in" && s >= 2 && s < k && (c[s-2].in(wOrg|wRole) || groupNouns[c[s-2].low] || demonyms(&c[s-2]) ||
			s >= 4 && c[s-3].low == "of" && c[s-4].in(wOrg) && c[s-2].isCap()) && c[s].isCap() {
			// "a spokesperson from Icstis", "the Russian Embassy in London", "a
			// Western diplomat in Kyiv", "the Embassy of Nigeria in Ukraine":
			// the place is not the speaker
			s--
			continue
		}
		if w == "from" && s >= 3 && s < k && capWord(&c[s]) && capWord(&c[s-2]) && capWord(&c[s-3]) && !c[s-2].in(wPlace|wOrg|wRole) && !c[s-3].in(wPlace|wOrg|wRole) {
			s-- // "Seán Egan from Elphin said": the person, not where he is from
			continue
		}
		if s == k && s >= 2 && c[s-2].low == "the" && !t.isCap() && agentNoun(w) && !plural(w) && !t.in(wReport|wStance|wSkip) {
			s-- // one who does what the word says: "the distributor said"
			continue
		}
		if s == k && s >= 2 && presenceWords[w] && (plural(c[s-2].low) && (personNouns[singular(c[s-2].low)] || roleWords[singular(c[s-2].low)]) || groupNouns[c[s-2].low]) {
			k, s = s-1, s-2 // "some delegates attending complained": who they are, then where
			continue
		}
		if w == "and" && s >= 3 && s < k && c[s].isCap() && datePhrase(c, s-3) {
			break // a new clause after the day: "met the Spanish FA on Monday and Astiazaran added"
		}
		if w == "that" && s < k && s >= 2 && c[s].isCap() && !c[s].in(wRole|wOrg) && (strings.HasSuffix(c[s-2].low, "ed") || c[s-2].in(wReport|wStance)) {
			break // a clause's "that", no determiner: "Reminded that Ferguson called him" (but "That Russian official said")
		}
		if s == k && w == "that" && s >= 2 && docHeads[c[s-2].low] {
			k, s = s-1, s-1 // a relative "that": "a British Medical Journal article that claimed"
			continue
		}
		if t.isCap() || roleWords[w] || groupNouns[w] || pluralPerson(w) || familyOf(w) || s == k && s >= 2 && mediaNouns[w] && capWord(&c[s-2]) || t.text == "&" && s >= 2 && s < k && c[s-2].isCap() && c[s].isCap() || personNouns[w] || s == k && (w == "man" || w == "woman" || orgHeads[w]) || peopleOf(c, s-1) || kinNouns[w] != 0 || determiners[w] || roleConnectors[w] || orgWords[w] || docHeads[w] || isPossessive(t.text) ||
			t.isWord() && unicode.IsDigit([]rune(t.text)[0]) {
			s--
			continue
		}
		if s >= 2 && s < k && t.isWord() && !functionWords[w] && !t.in(wReport|wStance|wSkip) && (roleWords[c[s].low] || personNouns[c[s].low] || c[s].isCap() && !c[k-1].isCap() && (roleWords[c[k-1].low] || personNouns[c[k-1].low]) || groupNouns[c[s].low] && quantifiers[c[s-2].low]) &&
			(articleBefore(c, s-2) || quantifiers[c[s-2].low] || roleWords[c[s-2].low] || hyphenAdjective(c[s-2].low) || isPossessive(c[s-2].text) && c[s-2].isCap()) {
			s-- // a noun before the role: "a senior energy executive", "one Perth-based energy executive", "a military spouse", "One leading Karachi broker", "Some older members", "Russia's top diplomat", "one Melbourne grain trader", "one Llanfair Caereinion sheep farmer"
			continue
		}
		break
	}
	if s >= 2 && s < k && c[s-2].low == "the" && !c[s-1].isCap() && c[s-1].isWord() && (c[k-1].in(wRole) ||
		s == k-1 && orgHeads[c[s].low] && !functionWords[c[s-1].low] && !c[s-1].in(wReport|wStance|wSkip) && !strings.HasSuffix(c[s-1].low, "ed") &&
			(s < 3 || !objectPreps[c[s-3].low])) { // (not "statement to the stock exchange")
		s -= 2 // "The culture secretary said", "the aid agency was quoted as saying"
	} else if s >= 3 && s < k && c[s-3].low == "the" && c[k-1].in(wRole) && !c[s-1].isCap() && !c[s-2].isCap() && c[s-1].isWord() && c[s-2].isWord() &&
		!functionWords[c[s-1].low] && !functionWords[c[s-2].low] && !c[s-1].in(wReport|wStance|wSkip) && !c[s-2].in(wReport|wStance|wSkip) {
		s -= 3 // "The national security adviser said"
	} else if m := lowerBodyName(c, s, k); m >= 0 {
		s = m // "the Commons science and technology committee added"
	} else if s < k && (personNouns[c[k-1].low] || c[k-1].in(wRole)) {
		// "this remarkably active senior citizen reveals": the one just
		// spoken of, whatever words describe him
		for m := s - 1; m >= 0 && m >= s-6; m-- {
			if c[m].low == "this" && s-m <= 3 || c[m].low == "the" && (s-m >= 4 || s-m >= 2 && anyCap(c[m+1:s])) {
				s = m // (and "The marathon world record holder believes", "the world 200m and 400m record holder told", "the Whangārei dental nurse said")
				break
			}
			if capWord(&c[m]) && m > 0 && !isPossessive(c[m].text) && m+1 < s && !c[m+1].isCap() {
				continue // a place before the role: "the Whangārei dental nurse"
			}
			if c[m].low == "and" && m > 0 && m < s-1 && c[m-1].isWord() && !c[m-1].isCap() {
				continue
			}
			if !c[m].isWord() || c[m].isCap() || functionWords[c[m].low] || c[m].in(wReport|wStance) || c[m].in(wSkip) && !strings.HasSuffix(c[m].low, "ly") {
				break
			}
		}
	}
	for s < k && c[s].text == "," {
		s++
	}
	for m := s + 1; m+1 < k; m++ {
		if datePhrase(c, m) {
			if !anyCap(c[s:m]) {
				// "and on Tuesday Boris Johnson said": the day opens the
				// clause, the name after it
				for s = m + 1; s < k && (isDateWord(c[s].low) || c[s].isWord() && unicode.IsDigit([]rune(c[s].text)[0])); s++ {
				}
				break
			}
			k = m // "EU foreign ministers on Monday (24 January) called"
			break
		}
	}
	if s >= 3 && s < k && c[s].low == "the" && (c[s-1].low == "from" || c[s-1].low == "of" || c[s-1].low == "at") && capWord(&c[s-2]) {
		// "David Graham from the FDA's Office of Drug Safety told": the
		// person the body is where they work
		m := s - 2
		for m > 0 && capWord(&c[m-1]) {
			m--
		}
		if _, honor, name, _ := parseRun(c[m : s-1]); len(name) >= 2 && (name[0].in(wFirstName) || honor != "") {
			if q := parseNP(c[m:s-1], base+m); q.kind == npPerson {
				return q
			}
		}
	}
	// drop a clause left of an apposition that is not a name
	p := parseNP(c[s:k], base+s)
	if appos[0] >= 0 && (p.kind == npNone || p.kind == npDesc && !humanHead(p.head) && !docHeads[p.head] && !orgHeads[p.head] && kinNouns[p.head] == 0 && !strings.HasSuffix(p.head, "-year-old")) {
		// ("Her father, a retired engineer, had told her": her father;
		// "The 58-year-old, a retired engineer, said": the one of that age)
		// no one before the apposition: "Another Israeli, a medical student
		// in Vinnytsia who asked that his name not be used, said"
		e := appos[0]
		for e < appos[1] && !relativeWords[c[e].low] {
			e++
		}
		if q := parseNP(c[appos[0]:e], base+appos[0]); q.kind == npDesc && humanHead(q.head) {
			return q
		}
	}
	if p.kind == npDesc && c[k-1].text == "," {
		if q := apposedPerson(c[:k], base); q.kind == npPerson {
			return q // "Her husband, Taras Hrytsenko, 44, an engineer, said"
		}
	}
	if a := p.pos - base; p.kind == npDesc && a >= 2 && a < k && wherePreps[c[a-1].low] && c[a-2].isWord() && !c[a-2].isCap() && !functionWords[c[a-2].low] &&
		!humanHead(p.head) && !personHead(p.head) && !orgHeads[p.head] {
		return np{} // "a hand-written sign on the counter warned": where the thing is, not who
	}
	return p
}

// wherePreps put the place of a thing after it: "a sign on the counter".
var wherePreps = set("on", "under", "beneath", "behind", "beside", "above", "near", "inside", "outside")

// whoDescribed reads the one before ", who" at c[k], the comma: when that
// is a body, the person an apposition before it describes: "Dr Marcia
// Delancy, an economist at the Turks and Caicos Islands Community College,
// who said".
func whoDescribed(c []tok, k, base int) np {
	p := npBackward(c, k, base)
	if p.kind != npOrg {
		return p
	}
	for m := k - 1; m >= 1 && k-m < 24; m-- {
		if c[m].text == "," {
			if q := npBackward(c, m, base); q.kind == npPerson {
				return q
			}
			break
		}
	}
	return p
}

// whoNoun reads a common noun that "who" after it makes a person, though
// no list of people's nouns holds it: "one processor, who asked not to be
// named, said". c[k] is the comma.
func whoNoun(c []tok, k, base int) np {
	a := k - 1
	for a > 0 && k-a < 3 && c[a].isWord() && !c[a].isCap() && !c[a].in(wDet) {
		a--
	}
	if a == k-1 || a < 0 || plural(c[k-1].low) || !c[k-1].isWord() || c[k-1].isCap() {
		return np{}
	}
	switch c[a].low {
	case "a", "an", "one", "another":
	default:
		return np{}
	}
	return np{kind: npDesc, name: joinToks(c[a+1 : k]), mention: joinToks(c[a:k]), head: c[k-1].low, pos: base + a}
}

// presenceWords after a plural noun say who was there: "delegates
// attending", "the crowd present".
var presenceWords = set("attending", "present", "watching", "gathered", "assembled")

// partyTag reports whether c is an American legislator's party and state or
// district: "R-Texas", "D-N.H.", "R-Green Bay".
func partyTag(c []tok) bool {
	if len(c) == 0 || len(c) > 3 {
		return false
	}
	w := c[0].text
	if len(w) < 3 || !strings.ContainsRune("RDI", rune(w[0])) || w[1] != '-' || !unicode.IsUpper(rune(w[2])) {
		return false
	}
	for _, t := range c[1:] {
		if !t.isCap() {
			return false
		}
	}
	return true
}

// unclosedApposition reads a name whose apposition runs into the verb
// without its closing comma: "Rhodri Glyn Thomas, Plaid Cymru health
// spokesman said", "Will Davies, senior research fellow at the IPPR told".
func unclosedApposition(c []tok, k, base int) np {
	m := k - 1
	for m > 0 && k-m <= 12 && c[m].text != "," && !c[m].quoted && !c[m].in(wReport|wStance) {
		m--
	}
	described := m >= 1 && c[m].text == "," && m < k-1 && describedAfterName(c, m)
	if m < 1 || c[m].text != "," || m == k-1 || c[m+1].in(wDet) && !described {
		// "alongside Jens Stoltenberg, the prime minister said": a subject
		return np{}
	}
	role := false
	for _, t := range c[m+1 : k] {
		role = role || t.in(wRole) && !t.in(wOrg)
	}
	n := m - 1
	for n >= 0 && capWord(&c[n]) {
		n--
	}
	if !role || n == m-1 || n >= 0 && c[n].text != "," && !conjunctions[c[n].low] {
		return np{}
	}
	p := parseNP(c[n+1:m], base+n+1)
	if p.kind == npPerson && len(strings.Fields(p.name)) >= 2 {
		if described {
			m++ // the role without its article
		}
		p.role = joinToks(c[m+1 : k])
		return p
	}
	return np{}
}

// describedAfterName reports whether the comma c[m] follows a name that
// opens the clause and comes before "a", "an" or a possessive: "Katrina
// Bull, a prospective parliamentary candidate said", "Alois Rhiel, its
// minister for economic affairs added" describe the name.
func describedAfterName(c []tok, m int) bool {
	if w := c[m+1].low; w != "a" && w != "an" && w != "its" && w != "his" && w != "her" && w != "their" {
		return false
	}
	n := m - 1
	for n >= 0 && capWord(&c[n]) {
		n--
	}
	return n < 0 && m >= 2
}

// placedPerson reads a person described by where they are from or work,
// just before c[k]: "A diplomat from a western member state said", "a
// senior source at the club told", "a source in the French presidency", "A
// senior official in the Department of Food and Public Distribution said".
func placedPerson(c []tok, k, base int) (np, bool) {
	for m := k - 2; m >= 1 && m >= k-12; m-- {
		w := c[m].low
		if c[m].text == "," && !listComma(c[:k], m) || c[m].quoted || c[m].in(wReport|wStance) || relativeWords[w] {
			break
		}
		if (w == "for" || w == "of" || w == "from" || placePrep(c, m)) && groupHead(c[m-1].low) && (m == 1 || c[m-2].in(wLead) || m == 2 && nationalNouns[c[0].low]) {
			// a group at the head of the clause: "Lawyers for news
			// organisations said", "Critics of the plan say", "Traders in
			// Mumbai's commodity markets said", "Ukrainian workers at fish
			// farms across Lorn and Mull say"
			if p := parseNP(c[m-1:k], base+m-1); p.kind == npDesc {
				if m == 2 {
					p.name, p.mention, p.pos = c[0].text+" "+p.name, c[0].text+" "+p.mention, base
				}
				return p, true
			}
		}
		if !(w == "from" || placePrep(c, m)) || c[m-1].isCap() || !personDescHead(c[m-1].low) && !agentNoun(c[m-1].low) {
			continue
		}
		for a := m - 1; a > 0 && a >= m-4; a-- {
			d := c[a-1].low
			if d == "a" || d == "an" || d == "the" || d == "one" {
				if a >= 2 && (c[a-2].text == "," || objectPreps[c[a-2].low]) {
					// an apposition: "Rebecca Lindqvist, a senior fellow at …,
					// told"; the object of a phrase: "who helped organise a
					// collection for a children's home in Ukraine in 2015, said"
					break
				}
				if p := parseNP(c[a-1:k], base+a-1); p.kind == npDesc {
					return p, true
				}
				break
			}
			if a >= 2 && c[a-2].low == "the" && isPossessive(c[a-1].text) && capWord(&c[a-1]) {
				// "the RMI's top diplomat at the United Nations"
				if p := parseNP(c[a-2:k], base+a-2); p.kind == npDesc {
					return p, true
				}
				break
			}
			if !c[a-1].isWord() || c[a-1].isCap() || c[a-1].quoted {
				break
			}
		}
		break
	}
	return np{}, false
}

// rolePossessive reports whether ts[k] is an office's possessive or the
// word before it: "The prime minister's official spokesman".
func rolePossessive(ts []tok, k int) bool {
	t := &ts[k]
	if t.isCap() || !t.isWord() && !isPossessive(t.text) {
		return false
	}
	if isPossessive(t.text) {
		return roleWords[trimPossessive(t.low)]
	}
	return k+1 < len(ts) && isPossessive(ts[k+1].text) && roleWords[trimPossessive(ts[k+1].low)] && !functionWords[t.low] && !t.in(wReport|wStance|wSkip)
}

// peopleOf reports whether ts[k] is people of the body or place named just
// before: "Rover bosses", "Fox producers" (but "MP3 players" are things).
func peopleOf(ts []tok, k int) bool {
	w := ts[k].low
	return k > 0 && ts[k-1].isCap() && plural(w) && personNouns[singular(w)] && !strings.ContainsAny(ts[k-1].text, "0123456789")
}

// groupHead reports whether w names a group of speakers: "traders",
// "people" (kept out of groupNouns, whose other readers would take "People
// said" for a body).
func groupHead(w string) bool { return groupNouns[w] || w == "people" }

// pluralPerson reports whether w is people by what they are, not by an
// office they hold: "fishermen", not "leaders".
func pluralPerson(w string) bool {
	s := singular(w)
	return w != s && personNouns[s] && !roleWords[s]
}

// placePrep reports whether c[m] opens a place or body someone is at: "at
// Northgate Research", "in the Foreign Ministry", "in Mariupol", "familiar
// with the matter", "close to the Kremlin".
func placePrep(c []tok, m int) bool {
	if m+1 >= len(c) {
		return false
	}
	switch c[m].low {
	case "at":
		return true
	case "in":
		return determiners[c[m+1].low] || capWord(&c[m+1])
	case "familiar":
		return c[m+1].low == "with"
	case "close":
		return c[m+1].low == "to"
	}
	return false
}

// thingNouns end like a person noun but are things: "a letter from".
var thingNouns = set("letter", "number", "paper", "power", "order", "border", "matter", "water", "quarter", "winter",
	"summer", "computer", "chapter", "sector", "factor", "error", "floor", "door", "mirror", "tower", "layer", "center",
	"centre", "theater", "theatre", "poster", "banner", "register", "monitor", "server", "browser", "container",
	"carrier", "reactor", "event", "percent", "incident", "accident", "content", "talent", "patent", "continent",
	"restaurant", "plant", "grant", "parliament", "government", "amount", "account", "discount", "payment", "element")

// agentNoun guesses a person noun no list holds by its ending: "a
// strategist", "a trader", "a medical student".
func agentNoun(w string) bool {
	if docHeads[w] || thingNouns[w] {
		return false
	}
	for _, suf := range []string{"ist", "ian", "er", "or", "ent", "ant"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 && !strings.HasSuffix(w, "ment") && !functionWords[w] {
			return true
		}
	}
	return false
}

// listComma reports whether the comma c[i] is inside a name, in a list of
// capitalised words that "and" closes: "Department for Media, Culture and
// Sport spokeswoman", "Ministry of Economy, Trade and Industry", "the
// Foreign, Commonwealth and Development Office".
func listComma(c []tok, i int) bool {
	if c[i].text != "," || i < 1 || i+1 >= len(c) || !c[i-1].isCap() {
		return false
	}
	// the list's first member: back over "Culture, Media, "
	f := i - 1
	for f >= 2 && c[f-1].text == "," && c[f-2].isCap() {
		f -= 2
	}
	// "A Foreign, Commonwealth and Development Office spokesperson": a list
	// that opens the name must close on the body's own word
	opens := f == 0 || c[f-1].in(wDet)
	if !opens && (f < 1 || c[f-1].low != "for" && c[f-1].low != "of") {
		return false
	}
	c = c[i+1:]
	if !c[0].isCap() {
		return false
	}
	for k := 1; k+1 < len(c) && k < 6; k++ {
		if c[k].low == "and" {
			if opens {
				return c[k-1].isCap() && c[k+1].isCap() && (k+2 < len(c) && c[k+2].isCap() && c[k+2].in(wOrg) || c[k+1].in(wOrg))
			}
			return c[k-1].isCap() && c[k+1].isCap()
		}
		if !c[k].isCap() && !(c[k].text == "," && c[k-1].isCap()) {
			return false
		}
	}
	return false
}

func hasReportVerb(c []tok) bool {
	for k := range c {
		if c[k].in(wReport) {
			return true
		}
	}
	return false
}

// quantifiers open a part of a group: "Some older members speak of".
var quantifiers = set("some", "many", "several", "most", "other")

// nounPreps open a complement of the noun before them: "its "bullying" of a
// smaller neighbour".
var nounPreps = set("of", "against", "toward", "towards", "over", "with", "on", "in", "at", "for")

// subordinators open a clause of time or cause after a verb of speech.
var subordinators = set("as", "when", "while", "because", "since")

// complement reports whether the words after a verb hold a clause of their
// own ("said it was misdirected") rather than the end of an attribution.
func complement(c []tok) bool {
	for k, t := range c {
		if k == 0 && subordinators[t.low] {
			return false // "Michael Howard pledged as he unveiled the manifesto": what he did, not what he said
		}
		switch t.low {
		case "that", "it", "he", "she", "they", "we", "was", "were", "is", "are", "would", "will", "had", "could", "should":
			return true
		}
	}
	return false
}

// sentenceFinal finds an attribution that closes the sentence after pos and
// so governs the partial quotes in it: "there will be "consequences", the
// White House has warned."
func (x *extractor) sentenceFinal(pos int) (np, bool) {
	d := x.d
	i := d.tokAt(pos)
	if i >= len(d.toks) || d.toks[i].para {
		return np{}, false
	}
	s := d.toks[i].sent
	end := d.sents[s].tok1
	// the last comma-free stretch of the sentence that is not quoted
	j := end
	for j > i && (isStop(&d.toks[j-1]) || d.toks[j-1].quoted) {
		j--
	}
	st := j
	for st > i && d.toks[st-1].text != "," && !d.toks[st-1].quoted {
		st--
	}
	for st > i+1 && st < j && subordinators[d.toks[st].low] && d.toks[st-1].text == "," && hasReportVerb(d.toks[i:st-1]) {
		// "…, Premier Wayne Panton said on Monday, as Western governments
		// warned Moscow": the clause of its own after the attribution
		j = st - 1
		for st = j; st > i && d.toks[st-1].text != "," && !d.toks[st-1].quoted; st-- {
		}
	}
	if st == i && i < len(d.toks) && nounPreps[d.toks[i].low] {
		// "its "bullying" of a smaller neighbour continued": the quote is
		// inside the subject, which no one speaks
		return np{}, false
	}
	if st == i && (i >= len(d.toks) || d.toks[i].text != ",") {
		// no comma between the quote and the attribution: "X said" must
		// follow the quote at once, though more may follow it ("…," the
		// Tory leader said after mockingly welcoming the chancellor back)
		v := i
		for v < j && v-i <= 6 && !d.toks[v].in(wReport) {
			v++
		}
		if j-i > 8 && (v-i > 6 || v == j || i == 0 || d.toks[i-1].text != "," || conjunctions[d.toks[i].low]) {
			return np{}, false
		}
	}
	if !hasReportVerb(d.toks[st:j]) {
		// "…,” the White House said, as the U.S. ordered …": the stretch
		// right after the sentence's last quote
		q := j
		for q > i && !d.toks[q-1].quoted {
			q--
		}
		// … or a later stretch before the last: "…," he said, according
		// to the Interfax news agency": the agency only carried the words
		for q >= i && q < st {
			e := q
			for e < j && d.toks[e].text != "," {
				e++
			}
			if e < j && hasReportVerb(d.toks[q:e]) {
				st, j = q, e
				break
			}
			if e < j && q+2 < e && q > i && d.toks[i-1].quoted && d.toks[q-1].text == "," && d.toks[q].low == "according" && d.toks[q+1].low == "to" {
				// ""well over £300", according to price comparison website
				// BoilerJuice, a rise of a third", "could go "through the
				// roof" if supplies are disrupted, according to Donal Hogan,
				// who milks 90 cows": the source, before the writer's own words
				st, j = q, e
				break
			}
			q = e + 1
		}
	}
	c := d.toks[st:j]
	for v := 0; v < len(c) && v < 10; v++ {
		if c[v].low == "according" && v+1 < len(c) && c[v+1].low == "to" {
			return x.after(c[v+2:], st+v+2), true
		}
		if c[v].low == "per" && v > 0 && c[v-1].low == "as" {
			return x.after(c[v+1:], st+v+1), true
		}
		if p, ok := quotedAsSaying(c, v, st); ok {
			return p, true // "…", the paper quoted Mr Chernin as saying
		}
		if p := asPutIt(c, v, st); p.kind != npNone {
			return p, true // "one "secret weapon", as one activist put it"
		}
		if !c[v].in(wReport) {
			continue
		}
		if strings.HasSuffix(c[v].low, "ing") && (v == 0 || strings.HasSuffix(c[0].low, "ing") && !c[0].isCap()) {
			// ", adding that the ball was …", ", joining a list of governments
			// telling their nationals to leave": a participle's clause, no attribution
			return np{}, false
		}
		if v == 0 && addresseeVerbs[c[v].low] {
			return np{}, false // "…, told Ukrainska Pravda that": the one told
		}
		if v == 0 || v == 1 && c[0].low == "too" {
			// (", too says BT": the speaker after an adverb of addition)
			if complement(c[v+1:]) {
				return np{}, false // ", said the feud would boost publicity": what was said, not who
			}
			return x.after(c[v+1:], st+v+1), true
		}
		if c[0].low == "as" && v+1 < len(c) {
			// ""…", as the UK announced further sanctions": a clause of its
			// own, its verb with an object (but "as the minister said")
			return np{}, false
		}
		if complement(c[v+1:]) || v+1 < len(c) && j < end && d.toks[j].quoted {
			// "while the Liberal Democrats said it was misdirected": a clause
			// of its own, not the attribution of the sentence; ", and Boris
			// Johnson said the picture remained "deeply worrying"": the
			// verb's own quote
			return np{}, false
		}
		k := v
		for k > 0 && c[k-1].in(wSkip) {
			k--
		}
		p := npBackward(c, k, st)
		if p.kind == npNone && k == 0 && st > i && d.toks[st-1].text == "," {
			// "…, the Minister of Foreign Affairs, Marc Ati, has said": the
			// name set off before the verb
			p = npBackward(d.toks[i:j], st-i, i)
		}
		if p.kind == npNone {
			return np{}, false
		}
		return p, true
	}
	return np{}, false
}

// relativeSubject reads a described person who opens the clause of the
// verb at c[k], with a relative clause (or a "with" phrase) that may name
// places and end in an aside: "A Portree woman whose parents live in
// Kharkiv, barely 25 miles from the Russian border, has said", "An Arran
// woman who teaches English online to teenagers in Kyiv says", "A Swindon
// shopkeeper with family near Kyiv says". The description keeps the clause
// up to its first comma or the verb.
func relativeSubject(c []tok, k, base int) np {
	for m := k - 1; m >= 1 && m > k-30; m-- {
		if c[m].quoted || c[m].in(wReport) && m < k-1 && !c[m+1].quoted {
			return np{}
		}
		if c[m].low != "who" && c[m].low != "whose" && c[m].low != "with" && c[m].low != "from" && c[m].low != "on" && c[m].low != "at" && c[m].low != "which" {
			// (or what they have: "A Swindon shopkeeper with family near
			// Kyiv says", where they are from, or where they work: "A
			// Ukrainian worker on a Ryedale vegetable farm says", "The
			// boss of a Banbridge firm which has sold … says")
			continue
		}
		hm := m - 1
		if hm >= 3 && c[hm].isCap() {
			// where the one described is from: "A NURSE from Kendal who"
			b := hm
			for b > 0 && capWord(&c[b-1]) {
				b--
			}
			for b > 0 && placeQualifiers[c[b-1].low] && !c[b-1].isCap() {
				b-- // "A TEXTILES student from western Ukraine who"
			}
			if b >= 2 && (c[b-1].low == "from" || c[b-1].low == "in") {
				hm = b - 2
			}
		}
		h := &c[hm]
		a := hm - 1
		for a >= 0 && a > hm-5 && c[a].isWord() && !c[a].in(wDet) && !functionWords[c[a].low] && !c[a].in(wReport|wStance) {
			a--
		}
		if a >= 3 && (c[a].low == "a" || c[a].low == "an") && c[a-1].low == "of" && ofWhom(c[a-2].low) && c[a-3].in(wDet) && (a == 3 || conjunctions[c[a-4].low]) {
			// "The mother of a Hawick soldier who is among … says": the one
			// the phrase is headed by
			h, a = &c[a-2], a-3
			if c[a].low == "a" || c[a].low == "an" {
				hm = a + 1
			} else {
				e := m + 1
				for e < k && c[e].text != "," {
					e++
				}
				return np{kind: npDesc, name: joinToks(c[a+1 : e]), mention: joinToks(c[a:e]), head: h.low, definite: true, pos: base + a}
			}
		}
		if h.isCap() || !(personHead(h.low) || agentNoun(h.low) || humanHead(h.low)) || plural(h.low) ||
			a < 0 || c[a].low != "a" && c[a].low != "an" || a > 0 && !conjunctions[c[a-1].low] {
			if c[m].low == "from" || c[m].low == "on" || c[m].low == "at" {
				continue // a place inside the clause: "… whose parents live 30 miles from the border"
			}
			return np{}
		}
		e := m + 1
		for e < k && (c[e].text != "," || (c[m].low == "at" || c[m].low == "on") && e+1 < k && capWord(&c[e+1])) {
			e++ // (a body's name with a comma: "at the Ministry of Economy, Trade and Industry")
		}
		for e > m+1 && (auxiliaries[c[e-1].low] || c[e-1].in(wSkip)) {
			e-- // "who trained for years on the Castlemartin Range has said"
		}
		return np{kind: npDesc, name: joinToks(c[a+1 : e]), mention: joinToks(c[a:e]), head: h.low, pos: base + a}
	}
	return np{}
}

// plainWords reports whether ts are all words outside quotes, none a
// function word or a verb of speech.
func plainWords(ts []tok) bool {
	for k := range ts {
		if !ts[k].isWord() || ts[k].quoted || functionWords[ts[k].low] || ts[k].in(wReport|wStance|wSkip) {
			return false
		}
	}
	return true
}

// bodyOpens reads a body that a sentence opens with as the subject of a
// deed, not of speech: "The federal government on Sunday suspended".
func bodyOpens(d *doc, s int) np {
	ts, st := d.toks, d.sents[s]
	i := st.tok0
	if i+2 >= st.tok1 || ts[i].low != "the" {
		return np{}
	}
	for h := i + 1; h < st.tok1 && h <= i+3 && ts[h].isWord() && !ts[h].isCap(); h++ {
		if !orgHeads[ts[h].low] || humanHead(ts[h].low) {
			continue
		}
		if v := h + 1; v < st.tok1 && (strings.HasSuffix(ts[v].low, "ed") || ts[v].in(wSkip)) {
			return np{kind: npDesc, name: joinToks(ts[i+1 : h+1]), mention: joinToks(ts[i : h+1]), head: ts[h].low, definite: true, pos: i}
		}
		break
	}
	return np{}
}

// bareNoun reports whether the bare stance word w after the token prev is
// a noun: "no blame", "spreading this fear", "February poll claim".
func bareNoun(prev *tok, w string) bool {
	return prev.in(wDet) || quantifiers[prev.low] || nounMarkers[prev.low] || nounFirst[w] && !groupWord(prev) && prev.low != "to"
}

// nounMarkers make the word after them a noun: "spreading this fear".
var nounMarkers = set("this", "that", "these", "those", "such", "his", "her", "its", "their", "our", "my", "your")

// nounFirst are bare stance words that are more often nouns: a verb only
// after a group, a pronoun or "to" ("critics claim", "they fear", "went on
// to claim"), not in "February poll claim".
var nounFirst = set("claim", "fear")

// groupWord reports whether t can be the plural subject of a bare verb.
func groupWord(t *tok) bool {
	switch t.low {
	case "they", "we", "i", "you", "who", "which", "many", "some", "others":
		return true
	}
	return strings.HasSuffix(t.low, "s") && !isPossessive(t.text) || groupNouns[t.low] || pluralPerson(t.low)
}

// pluralBody reports whether w names bodies or people in the plural:
// "companies", "organisations", "critics".
func pluralBody(w string) bool {
	return plural(w) && (orgWords[singular(w)] || groupNouns[w] || pluralPerson(w))
}

// ofWhom reports whether w heads a phrase that says whose it is: "the
// president of a …", "the mother of a …".
func ofWhom(w string) bool {
	return humanHead(w) || personHead(w) || kinNouns[w] != 0
}

// placeQualifiers stand before a place's name: "western Ukraine", "the north of England".
var placeQualifiers = set("western", "eastern", "northern", "southern", "central", "rural", "the", "north", "south", "east", "west")

// oneOfThem returns the token after the comma of "One of the students," or
// "One of them," at ts[i], or 0.
func oneOfThem(ts []tok, i int) int {
	if i+4 >= len(ts) || ts[i].low != "one" || ts[i+1].low != "of" {
		return 0
	}
	if ts[i+2].low == "the" && ts[i+4].text == "," && i+5 < len(ts) {
		return i + 5
	}
	if (ts[i+2].low == "them" || ts[i+2].low == "those") && ts[i+3].text == "," {
		return i + 4
	}
	return 0
}

// verdictOf reads the one whose judgement a quote is, from the tokens
// from i on, right after it: ""…," is the dry assessment of Graham Lane".
func (x *extractor) verdictOf(i int) np {
	ts := x.d.toks
	if i >= len(ts) {
		return np{}
	}
	end := x.d.sents[ts[i].sent].tok1
	for i < end && (ts[i].quoted || ts[i].text == ",") {
		i++
	}
	if i+3 >= end || !beForms[ts[i].low] || ts[i+1].low != "the" {
		return np{}
	}
	for o := i + 3; o < end && o < i+6; o++ {
		if ts[o].low != "of" || !viewNouns[ts[o-1].low] {
			continue
		}
		e := o + 1
		for e < end && ts[e].text != "," && ts[e].text != "." && !ts[e].quoted {
			e++
		}
		if p := x.after(ts[o+1:e], o+1); p.kind == npPerson || p.kind == npDesc && (humanHead(p.head) || personHead(p.head)) {
			return p
		}
		break
	}
	return np{}
}

// firstNamed reports whether the name at ts[i] opens with a first name or an
// honorific: "Michael McCaul", "Rep. Michael McCaul", not "R-Texas".
func firstNamed(ts []tok, i int) bool {
	for i < len(ts) && ts[i].in(wRole) && ts[i].isCap() {
		i++
	}
	return i < len(ts) && ts[i].in(wFirstName|wHonorific)
}

// appositions counts the commas of c when it is a name followed by phrases
// set off by commas and nothing else: no verb, no quote, no clause of its
// own; else it returns 0.
func appositions(c []tok) int {
	commas := 0
	for k := range c {
		t := &c[k]
		if t.quoted || t.in(wReport|wStance) || relativeWords[t.low] || t.text == ";" || t.text == ":" {
			return 0
		}
		if t.text == "," {
			commas++
		}
	}
	return commas
}

// apposedPerson finds the full name among phrases set off by commas before
// a verb, when the phrase next to the verb describes them: "Her husband,
// Taras Hrytsenko, 44, an engineer,".
func apposedPerson(c []tok, base int) np {
	if appositions(c) < 2 {
		return np{}
	}
	s := 0
	for k := range c {
		if c[k].text != "," {
			continue
		}
		if q := parseNP(c[s:k], base+s); q.kind == npPerson && strings.Contains(q.name, " ") {
			return q
		}
		s = k + 1
	}
	return np{}
}

// roleComplement introduces where a role is held: "economist at Global Insight".
var roleComplement = set("at", "of", "for", "from", "with")

// endsInInitial reports whether a name read stops at a middle initial ("John
// E" of "John E. Kelly"): the reader lost the surname.
func endsInInitial(name string) bool {
	w := name[strings.LastIndexByte(name, ' ')+1:]
	return utf8.RuneCountInString(w) == 1
}

// passiveAgent reads the agent of a passive verb of speech that comes after
// the partial it governs: "a scheme has been branded a "disgraceful waste"
// by MPs", "Fletcher was described as a "consummate professional" by his
// friend Michael Pointon".
func (x *extractor) passiveAgent(open, close int) np {
	d := x.d
	k, o := d.tokAt(close), d.tokAt(open)
	for k+2 < len(d.toks) && (d.toks[k].low == "and" || d.toks[k].low == "or") && d.toks[k+1].quoted {
		// "described as "pretty damn average" and "strange and eerie" by scouts"
		k++
		for k < len(d.toks) && d.toks[k].quoted {
			k++
		}
	}
	if k+1 >= len(d.toks) || o == 0 || d.toks[k].low != "by" || d.toks[k].sent != d.toks[o-1].sent {
		return np{}
	}
	st := d.sents[d.toks[k].sent].tok0
	verb := false
	for v := o - 1; v > st && v >= o-4; v-- {
		w := d.toks[v].low
		if d.toks[v].quoted {
			break
		}
		if (reportVerbs[w] || stanceVerbs[w] || namingVerbs[w] || w == "deemed") && beForms[d.toks[v-1].low] {
			verb = true
			break
		}
		if namingVerbs[w] && strings.HasSuffix(w, "ed") && v-2 > st && d.toks[v-2].in(wDet) && d.toks[v-1].isWord() && !d.toks[v-1].isCap() {
			verb = true // "in a move branded a "humiliating retreat" by the Tories"
			break
		}
	}
	if !verb {
		return np{}
	}
	e := k + 1
	for e < d.sents[d.toks[k].sent].tok1 && e < k+12 && (d.toks[e].isWord() || isPossessive(d.toks[e].text) || d.toks[e].text == "-") &&
		!d.toks[e].quoted && !agentEnds[d.toks[e].low] {
		e++
	}
	for a := k + 2; a+1 < e; a++ {
		if d.toks[a].low == "and" {
			// "by his friend and fellow broadcaster Michael Pointon": one person
			if p := parseNP(d.toks[a+1:e], a+1); p.kind == npPerson && x.res.knownPerson(p) {
				return p
			}
		}
	}
	if p := x.after(d.toks[k+1:e], k+1); p.kind == npPerson || p.kind == npOrg || p.kind == npDesc && (humanHead(p.head) || personHead(p.head) || groupHead(p.head) || orgHeads[p.head] || plural(p.head)) {
		return p
	}
	if e == k+2 && e < len(d.toks) && d.toks[e].low == "who" && !d.toks[k+1].isCap() && plural(d.toks[k+1].low) && !functionWords[d.toks[k+1].low] {
		// "by scouts who saw them live": people the clause after describes
		end := e
		for end < d.sents[d.toks[k].sent].tok1 && end < e+12 && d.toks[end].isWord() && !d.toks[end].quoted {
			end++
		}
		if end == d.sents[d.toks[k].sent].tok1 || d.toks[end].text == "." || d.toks[end].text == "," {
			desc := joinToks(d.toks[k+1 : end])
			return np{kind: npDesc, name: desc, mention: desc, head: d.toks[k+1].low, pos: k + 1}
		}
	}
	return np{}
}

// agentEnds end the agent of a passive: "by Ofcom for sending", "by MPs on Monday".
var agentEnds = set("for", "over", "on", "in", "at", "after", "when", "who", "which", "because", "as", "but", "to", "with")

// accordingBefore reports whether "according to" opens the phrase whose
// name is at ts[k]: "according to a readout from Global Affairs Canada".
func accordingBefore(ts []tok, k int) bool {
	for m := k - 1; m >= 1 && m >= k-6 && ts[m].sent == ts[k].sent && ts[m].text != ","; m-- {
		if ts[m].low == "to" && ts[m-1].low == "according" {
			return true
		}
	}
	return false
}

// firstVerbSubject finds a person who does something in c, the first verb
// of two: "as Secretary of State Antony Blinken made an unscheduled
// appearance … and warned that Russia was preparing to attack "…"".
func (x *extractor) firstVerbSubject(c []tok, base int) np {
	for m := len(c) - 1; m >= 1; m-- {
		if c[m].quoted || c[m].text == "," || c[m].text == ";" {
			break
		}
		if c[m].isWord() && !c[m].isCap() && !functionWords[c[m].low] && capWord(&c[m-1]) {
			if f := npBackward(c, m, base); f.kind == npPerson && x.res.knownPerson(f) {
				return f
			}
		}
	}
	return np{}
}

// firstSpeaker reads an indefinite description that is the subject of the
// first verb of speech in c, the start of a sentence: "A Thales
// spokesperson said".
func firstSpeaker(c []tok, base int) np {
	for v := 1; v < len(c) && v < 30 && !c[v].quoted; v++ {
		if c[v].in(wReport) && !strings.HasSuffix(c[v].low, "ing") {
			if f := npBackward(c, v, base); f.kind == npDesc && !f.definite && (humanHead(f.head) || personHead(f.head)) && !plural(f.head) && f.pos == base {
				return f
			}
			break
		}
	}
	return np{}
}

// reportedBy reports the phrase at ts[k] as the subject of "reported" or
// "reports", an agency that carries someone's words.
func reportedBy(ts []tok, k int) bool {
	for m := k + 1; m < len(ts) && m <= k+6 && ts[m].sent == ts[k].sent && ts[m].text != ","; m++ {
		if ts[m].low == "reported" || ts[m].low == "reports" {
			return true
		}
	}
	return false
}

// viewNouns are what a quote can be of someone: "That is the worry of …".
var viewNouns = setAnd(replyWords + " " + viewWords)

// viewWords are what a quote can be of someone besides a reply.
const viewWords = "worry fear view hope feeling verdict message opinion belief concern mood sentiment warning plea assessment reaction advice words thoughts promise experience fears worries hopes views concerns feelings warnings"

// paintedBy are the participles of "the picture painted by", "the
// account given by": a view and the one whose it is.
var paintedBy = set("painted", "given", "offered", "drawn", "shared", "told")

// thatIsHow reads the speaker a sentence opening right after a quote gives
// it: "That was how Natalia Ostrovska, who runs a volunteer group, described
// the mood", "This is how one soldier put it", "That is the worry of Larysa
// Bondar".
func (x *extractor) thatIsHow(close int) np {
	d := x.d
	i := d.tokAt(close)
	if i+4 >= len(d.toks) || d.toks[i].quoted || d.sents[d.toks[i].sent].tok0 != i {
		return np{}
	}
	c := d.toks[i:d.sents[d.toks[i].sent].tok1]
	if len(c) < 3 {
		return np{} // a sentence cut short by a paragraph's end: "That is"
	}
	if p := x.storyFrom(d.toks[i].sent); p.kind != npNone {
		return p // "The story comes from Declan Gilligan, a retired postman"
	}
	if c[0].low == "so" && (c[1].low == "says" || c[1].low == "said") {
		// ""The phone hasn't stopped since." ¶ So says Noel Kiernan, chairman of"
		if p := x.after(c[2:], i+2); p.kind == npPerson {
			return p
		}
		return np{}
	}
	k := 1 // "That's how"
	if w := c[0].low; (w == "that" || w == "this") && (c[1].low == "is" || c[1].low == "was") ||
		(w == "those" || w == "these") && (c[1].low == "are" || c[1].low == "were") && len(c) > 5 && viewNouns[c[3].low] {
		k = 2 // "Those were the words of Chamber of Commerce president Ngatokorua Teariki"
	} else if w != "that's" && w != "that’s" {
		return np{}
	}
	if k+4 < len(c) && c[k].low == "the" && paintedBy[c[k+2].low] && c[k+3].low == "by" {
		// "That was the picture painted by Gary Lennon of Lennon Fuels"
		if p := x.after(c[k+4:], i+k+4); p.kind == npPerson {
			return p
		}
		return np{}
	}
	v := k + 1 // the view's noun
	if k+4 < len(c) && c[k].low == "the" && c[k+1].isWord() && c[k+1].text == c[k+1].low && !isPossessive(c[k+1].text) && !viewNouns[c[k+1].low] && viewNouns[c[k+2].low] && (c[k+3].low == "of" || c[k+3].low == "from") {
		v++ // "That was the blunt assessment of Temora Shire Mayor Rick Firman"
	}
	if v+2 < len(c) && c[k].low == "the" && (viewNouns[c[v].low] && (c[v+1].low == "of" || c[v+1].low == "from") || c[k+2].low == "facing") {
		// (and "That is the arithmetic facing Sue McKenzie")
		// "That is the worry of Larysa Bondar, a 34-year-old nurse", "That
		// was the warning from Aberdeen energy analyst Fiona Mackie"
		a := v + 2
		p := x.after(c[a:], i+a)
		if p.kind == npDesc || p.kind == npNone {
			// "the reply of Russia's ambassador to the UN, Vasily Nebenzia,":
			// the name set off after the office
			for m := a; m+1 < len(c) && m < a+9; m++ {
				if c[m].text == "," && capWord(&c[m+1]) {
					f := m + 1
					for f < len(c) && f < m+9 && c[f].isWord() && !c[f].quoted && !functionWords[c[f].low] {
						f++ // (what they do before the name: "his employer, Drumlish contractor Seamus Brady,")
					}
					if f == len(c) || c[f].text == "," || c[f].text == "." {
						if q := parseNP(c[m+1:f], i+m+1); q.kind == npPerson {
							return q
						}
					}
					break
				}
			}
		}
		if p.kind == npPerson || p.kind == npDesc && (humanHead(p.head) || personHead(p.head)) {
			return p
		}
		return np{}
	}
	if c[k].low != "how" {
		return np{}
	}
	for v := k + 2; v < len(c) && v < k+30; v++ {
		if c[v].quoted {
			return np{}
		}
		if c[v].in(wReport|wStance) || c[v].low == "put" || c[v].low == "puts" || c[v].low == "sums" { // ("summed" is a verb of speech)
			if p := npBackward(c[k+1:], v-k-1, i+k+1); p.kind == npPerson || p.kind == npDesc && (humanHead(p.head) || personHead(p.head)) {
				return p
			}
			return np{}
		}
	}
	return np{}
}

// storyFrom gives the person a sentence that opens "The story comes from"
// names: "The story comes from Declan Gilligan, a retired postman".
func (x *extractor) storyFrom(s int) np {
	if s < 0 || s >= len(x.d.sents) {
		return np{}
	}
	st := x.d.sents[s]
	c := x.d.toks[st.tok0:st.tok1]
	if len(c) > 5 && c[0].low == "the" && storyNouns[c[1].low] && (c[2].low == "comes" || c[2].low == "came") && c[3].low == "from" {
		if p := x.after(c[4:], st.tok0+4); p.kind == npPerson {
			return p
		}
	}
	return np{}
}

// storyNouns are what a quote standing alone can be told as: "The story
// comes from Declan Gilligan", "The appeal came from Vasyl Melnyk".
var storyNouns = set("story", "account", "words", "tale", "appeal", "plea", "warning", "call", "message")

// isYear reports whether w is a year of the last centuries: "1997".
func isYear(w string) bool {
	return len(w) == 4 && allDigits(w) && (w[:2] == "19" || w[:2] == "20")
}

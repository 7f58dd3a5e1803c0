// Package extract finds who said what in an article: quotations with their
// resolved speakers, dates written in the text, and reported troop figures.
// It works on normalised bodies (see package dossier) and reports every
// offset in runes.
package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// extractor holds one article's prepared text while it is read.
type extractor struct {
	d       *doc
	res     *resolver
	raw     []rawQuote
	turns   []turn
	path    int          // which attribution the last call of attribute took (ruleAttr…)
	named   bool         // the last call of attribute read "what X called" or "a claim by X that": X's words, not the sentence's speech
	cands   [][]rankCand // per quote: the candidate speakers, when training (see rank.go)
	candBuf []rankCand   // one quote's candidates when ranking, reused from quote to quote
	rank    bool         // rank candidates while attributing
	rankAll bool         // … for every quote, gated or not, keeping them in cands (training)
	rk      *rankArticle
	subj    []*subjRead // subjectNP's answers per sentence, read when asked
}

func newDoc(body string) *doc {
	n := utf8.RuneCountInString(body)
	// (filled through locals: stores through d would make the loop reload d's fields)
	runes, boff, valid := make([]rune, n), make([]int32, n+1), true
	k := 0
	for b, r := range body {
		runes[k], boff[k] = r, int32(b)
		if r == utf8.RuneError {
			valid = false // (or a U+FFFD in the text: the slow way is right for it too)
		}
		k++
	}
	boff[n] = int32(len(body))
	return &doc{body: body, runes: runes, boff: boff, valid: valid}
}

// speaks reports whether sentence s reports speech: a verb of speech or
// stance outside its quotations. A quote that follows a sentence with no
// attribution goes to that sentence's subject when it is a person ("Martyn
// Williams was keen not to talk about …"), but a body must speak ("Premiership
// clubs have seen their income soar" does not).
func (x *extractor) speaks(s int) bool {
	st := x.d.sents[s]
	for k := st.tok0; k < st.tok1; k++ {
		if t := &x.d.toks[k]; !t.quoted && t.in(wReport|wStance) {
			return true
		}
	}
	return st.tok1 > st.tok0 && x.d.toks[st.tok1-1].text == ":"
}

// describedSpeaker is the person a description introduces as the subject
// of sentence s when a verb of speech follows it at once: "A Labour party
// spokesman played down differences with Mr Wyatt and said Mr Brown had a
// role. "…"" is the spokesman's, not the last speaker's.
func (x *extractor) describedSpeaker(s int) np {
	p := x.subjectNP(s, true)
	if p.kind != npDesc || p.definite || !humanHead(p.head) && !personHead(p.head) || plural(p.head) {
		return np{}
	}
	st := x.d.sents[s]
	for k := p.pos + 1; k < st.tok1; k++ {
		if t := &x.d.toks[k]; !t.quoted && t.in(wReport) && !strings.HasSuffix(t.low, "ing") && !passive(x.d.toks[st.tok0:st.tok1], k-st.tok0) {
			if _, ok := pronouns[x.d.toks[k-1].low]; ok || x.d.toks[k-1].isCap() {
				return np{} // "The prime minister, he said, had watched": another's verb
			}
			return p
		}
	}
	return np{}
}

// reporterLast is the named person who reports speech in the last clause
// of sentence s: "Third generation mobiles could drive people into
// upgrading, but Ms Milanesi said it was difficult to say. "…"" is hers,
// not the sentence subject's.
func (x *extractor) reporterLast(s int) np {
	if s < 0 || s >= len(x.d.sents) {
		return np{}
	}
	ts, st := x.d.toks, x.d.sents[s]
	for k := st.tok1 - 1; k > st.tok0+2; k-- {
		if ts[k].quoted {
			return np{}
		}
		if !ts[k].in(wReport) || strings.HasSuffix(ts[k].low, "ing") || passive(ts[st.tok0:st.tok1], k-st.tok0) {
			continue
		}
		j := k
		for j > st.tok0 && ts[j-1].isCap() && !ts[j-1].quoted {
			j--
		}
		if j == k {
			continue // "it was difficult to say"
		}
		if j < st.tok0+2 || ts[j-1].low != "but" && ts[j-1].low != "while" || ts[j-2].text != "," {
			return np{}
		}
		if p := parseNP(ts[j:k], j); p.kind == npPerson {
			return p
		}
		return np{}
	}
	return np{}
}

// reportGoesOn finds the speaker of a report that runs over two sentences
// before a quote: "Steve Ash told the BBC there are two parts to it. The
// most difficult is to know who is online. "…"" is Ash's, when the second
// sentence has no subject of its own and no quote stands since.
func (x *extractor) reportGoesOn(prev, lastEnd int) np {
	if prev < 1 || x.subjectNP(prev, false).kind != npNone || lastEnd >= x.d.sents[prev-1].start ||
		x.paraOf(x.d.sents[prev-1].start) != x.paraOf(x.d.sents[prev].start) {
		return np{}
	}
	s := x.subjectNP(prev-1, false)
	if s.kind != npPerson || x.res.isOrg(s.name) {
		return np{}
	}
	st := x.d.sents[prev-1]
	ts := x.d.toks[st.tok0:st.tok1]
	for k := range ts {
		if !ts[k].quoted && ts[k].in(wReport) && !passive(ts, k) {
			return s // (not "Laporte has been criticised for …")
		}
	}
	return np{}
}

// tradesJoined reports whether every "and" of a role joins two words in
// lower case, one person's trades ("Fordell sheep and beef farmer"), not
// two persons or bodies ("Million Dollar Baby and Sideways").
func tradesJoined(role string) bool {
	ws := strings.Fields(role)
	found := false
	for k, w := range ws {
		if w != "and" {
			continue
		}
		if k == 0 || k+1 == len(ws) || !startsLower(ws[k-1]) || !startsLower(ws[k+1]) {
			return false
		}
		found = true
	}
	return found
}

// paraReporter reads who reports speech last in the paragraph of a quote
// that stands alone, when the last quote was in an earlier paragraph: "A
// BBC spokeswoman said Andi Peters would continue …. She said that issues
// … were still to be decided. The programme will have … "Hopefully …"" is
// hers, not the last quote's speaker's.
func (x *extractor) paraReporter(open, lastEnd int) np {
	d := x.d
	i := d.tokAt(open)
	if i == 0 || i >= len(d.toks) || d.toks[i].para {
		return np{}
	}
	para := d.paraStart(i)
	if j := d.tokAt(lastEnd); lastEnd >= 0 && j > 0 && d.paraStart(j-1) == para {
		return np{} // (the last quote's paragraph: its last word's)
	}
	for s := d.toks[i-1].sent; s >= 0 && d.paraStart(d.sents[s].tok0) == para && d.sents[s].start > lastEnd; s-- {
		p := x.subjectNP(s, true)
		if !(p.kind == npPronoun && (p.gender == 'm' || p.gender == 'f') || p.kind == npDesc && !p.definite && humanHead(p.head) && !plural(p.head)) {
			continue
		}
		st := d.sents[s]
		if k := p.pos + 1; k < st.tok1 && d.toks[k].in(wReport) && !d.toks[k].quoted && !strings.HasSuffix(d.toks[k].low, "ing") {
			return p // "She said that …", "A BBC spokeswoman said"
		}
	}
	return np{}
}

// reportedOn reads who goes on speaking in the sentence of a partial quote
// that has no speaker of its own, when its verb is reported speech (a
// modal: "Any exit strategy must "augment and support" the democratic
// process") and the sentence before reports a person's words: that
// person, or last = true when the sentence before ends the last quote.
func (x *extractor) reportedOn(open, lastEnd int) (p np, last bool) {
	d := x.d
	i := d.tokAt(open)
	if i == 0 || i >= len(d.toks) {
		return np{}, false
	}
	s := d.toks[i-1].sent
	st := d.sents[s]
	if s < 1 || d.toks[i-1].para && i-1 == st.tok0 || x.paraOf(d.sents[s-1].start) != x.paraOf(st.start) {
		return np{}, false
	}
	modal := false
	for k := st.tok0; k < i; k++ {
		if d.toks[k].quoted || d.toks[k].in(wReport|wStance) {
			return np{}, false // a verb of its own, which the other rules read
		}
		// the modal is the sentence's own verb, near its start (not "The
		// papers suggest ministers believe the government could")
		modal = modal || reportedModals[d.toks[k].low] && k-st.tok0 <= 5
	}
	if k := st.tok0; k+3 < i && d.toks[k].low == "it" && d.toks[k+1].low == "is" && deonticWords[d.toks[k+2].low] && d.toks[k+3].low == "to" {
		modal = true // "It is necessary to isolate it … and stop doing "business as usual""
	}
	// "… if countries meet several "mandatory criteria". These include
	// nations which are shouldering "special economic burdens"": what the
	// words before listed goes on in them
	lists := i > st.tok0+2 && (d.toks[st.tok0].low == "these" || d.toks[st.tok0].low == "this") && strings.HasPrefix(d.toks[st.tok0+1].low, "include")
	// "…, he said. Instead, what was needed was … rather than the "complete
	// mess"": what the speaker would have instead goes on in his words
	instead := d.toks[st.tok0].low == "instead" && st.tok0+1 < i && d.toks[st.tok0+1].text == ","
	if !modal && !lists && !instead {
		return np{}, false
	}
	if subj := x.subjectNP(s, false); (subj.kind == npPerson || subj.kind == npPronoun && subj.gender != 'n') && subj.pos < i {
		return np{}, false // a person of its own
	}
	prev := d.sents[s-1]
	said := false // the sentence before has a verb of speech
	for k := prev.tok0; k < prev.tok1; k++ {
		said = said || !d.toks[k].quoted && d.toks[k].in(wReport) && !passive(d.toks[prev.tok0:prev.tok1], k-prev.tok0) ||
			d.toks[k].low == "according" && k+1 < prev.tok1 && d.toks[k+1].low == "to"
	}
	if !said {
		return np{}, false // (not "The Liberal Democrats have unveiled plans to build "affordable" homes")
	}
	if lastEnd >= prev.start && lastEnd <= d.toks[prev.tok1-1].end {
		return np{}, true // "…," he said. The Lib Dems would cut "low priority" spending
	}
	subj := x.subjectNP(s-1, false)
	if subj.kind != npPerson && !(subj.kind == npPronoun && (subj.gender == 'm' || subj.gender == 'f')) || x.res.isOrg(subj.name) {
		if f, ok := x.sentenceFinal(d.toks[prev.tok0].start); ok && (f.kind == npPerson || f.kind == npPronoun && (f.gender == 'm' || f.gender == 'f')) {
			return f, false // "The £12bn left over would then be spent on …, he added."
		}
		return np{}, false
	}
	return subj, false // "Mr Grieve said …. Convention should be "nurtured and celebrated""
}

// reportedModals mark a sentence as reported speech that goes on.
var reportedModals = set("would", "should", "must", "could", "might")

// deonticWords say what must be done after "It is": "It is necessary to".
var deonticWords = set("necessary", "essential", "vital", "crucial", "important", "imperative")

// Article extracts the quotations and troop figures of a. aliases merges
// spellings of a name ("Zelenskiy" → "Volodymyr Zelenskyy"); nil means
// DefaultAliases. The result's quotes and figures are in text order and
// carry a.ID.
func Article(a *dossier.Article, aliases *Aliases) dossier.Extraction {
	return ArticleWith(a, aliases, Options{})
}

// Options choose how the extractor attributes quotations.
type Options struct {
	// Ranker re-ranks each quotation's candidate speakers with the learned
	// model of rank_weights.go instead of keeping the rules' choice (see
	// rank.go and testdata/README.md for its measured figures).
	Ranker bool
}

// ArticleWith is Article with options.
func ArticleWith(a *dossier.Article, aliases *Aliases, o Options) dossier.Extraction {
	x := prepare(a, aliases)
	x.rank = o.Ranker
	var ex dossier.Extraction
	ex.Quotes = x.quotes(a.ID)
	ex.Figures = x.figures(a, ex.Quotes)
	return ex
}

// prepare reads an article's text, its quotations, transcript turns and the
// persons and organisations it names.
func prepare(a *dossier.Article, aliases *Aliases) *extractor {
	if aliases == nil {
		aliases = defaultAliases
	}
	x := &extractor{d: newDoc(a.Body)}
	x.raw = findQuotes(x.d.runes)
	x.d.tokenize()
	x.markQuoted()
	x.findTurns()
	x.res = &resolver{d: x.d, aliases: aliases, day: a.Published.Time, subject: x.sentenceSubject,
		subjectAll: func(s int) np { return x.subjectNP(s, true) }}
	x.res.indexOrgs()
	x.res.orgAnswers = map[string]bool{} // the organisations are known: isOrg's answers hold
	x.res.indexPersons()
	x.res.variants = map[string]string{} // the persons are known: variant's answers hold
	x.mergeInterrupted()
	return x
}

// markQuoted flags the tokens inside quotation spans.
func (x *extractor) markQuoted() {
	d := x.d
	for _, q := range x.raw {
		for _, s := range q.spans {
			for i := d.tokAt(s.Start); i < len(d.toks) && d.toks[i].start < s.End; i++ {
				d.toks[i].quoted = true
			}
		}
	}
}

// mergeInterrupted joins "“A,” he said, “B.”" into one quote with two spans
// when B has no speaker of its own.
func (x *extractor) mergeInterrupted() {
	d := x.d
	out := x.raw[:0]
	for k := 0; k < len(x.raw); k++ {
		q := x.raw[k]
		for k+1 < len(x.raw) {
			nq := x.raw[k+1]
			if !q.closed || samePara(d.runes, q.close, nq.open) == false {
				break
			}
			// a nested quote may close with the part: "“Mum said, ‘Stay,’” she said."
			part := q.spans[len(q.spans)-1]
			e := part.End - 1
			for e > part.Start && (d.runes[e] == '\'' || d.runes[e] == '’') {
				e--
			}
			last := d.runes[e]
			// a part that opens its paragraph may have lost its comma:
			// ""The obvious choice is Dawson" said Guscott. "Especially …""
			lost := unicode.IsLetter(last) && (q.open == 0 || d.runes[q.open-1] == '\n')
			if !strings.ContainsRune(",.?!…:;-—", last) && !lost {
				break
			}
			if q.partial && !lost && !(last == ',' && len(q.spans) == 1 && d.toks[d.tokAt(part.Start)].sent != d.toks[d.tokAt(part.End)-1].sent) {
				// a partial joins only when it grew into sentences: described
				// her victory as "truly overwhelming. I'm not used to this," she said
				break
			}
			i, j := d.tokAt(q.close), d.tokAt(nq.open)
			if j == i || j-i > 12 && (last != ',' && last != '?' && last != '!' || j-i > 26) {
				// a longer attribution may stand between the parts when the
				// first ends with a comma: "“A,” Austin told reporters at the
				// Pentagon, in his first news conference on the crisis. “B.”"
				// (or a question: "“… what is new?'” said the mother-of-two,
				// who has lived in Gaywood for 11 years. “But …”")
				break
			}
			verb, sentences := false, false
			for m := i; m < j; m++ {
				if d.toks[m].in(wReport) || pointsOut(d.toks[:j], m) || (d.toks[m].low == "read" || d.toks[m].low == "reads") && m > i && docHeads[d.toks[m-1].low] {
					// (""A," the statement read. "B."")
					verb = true
				}
				if m < j-1 && (d.toks[m].text == "." || d.toks[m].text == "!" || d.toks[m].text == "?") && d.toks[m+1].sent != d.toks[m].sent {
					// (not the stop of "EQT Corp., the nation's largest producer")
					sentences = true // "“A,” Cruz said. Republicans oppose it. “B.”": two quotes
				}
			}
			if sentences {
				break
			}
			// the words between must be an attribution that ends the first
			// part ("he said," / "said X."), not one that opens the second
			if end := d.toks[j-1].text; !verb || end != "," && end != "." && !slipped(d, nq, i, j, last) {
				break
			}
			if last == '.' && j-i > 6 || lost && (j-i > 4 || d.toks[j-1].text != ".") {
				break
			}
			if nq.closed && !x.opensNext(nq.close) && !(len(nq.spans) > 1 && !samePara(d.runes, nq.spans[0].Start, nq.close)) {
				// (a part that runs on into a later paragraph may end with
				// its own "he said" there: the run-on is the same voice)
				if _, own := x.clauseAfter(nq.close, 1<<62, false); own {
					if end := d.runes[nq.spans[len(nq.spans)-1].End-1]; end == ',' || end == '?' || end == '!' {
						break
					}
				}
			}
			q.spans = append(q.spans, nq.spans...)
			if q.between == nil {
				q.between = &dossier.Span{Start: q.close, End: nq.open}
			}
			q.close, q.closed, q.runOn, q.partial = nq.close, nq.closed, true, false
			k++
		}
		out = append(out, q)
	}
	x.raw = out
}

// slipped reports whether an attribution between two parts lost its comma:
// "“…what the situation was,” he added “We gave them …”".
func slipped(d *doc, nq rawQuote, i, j int, last rune) bool {
	return last == ',' && j-i <= 3 && d.toks[j-1].in(wReport) && nq.open+1 < len(d.runes) && unicode.IsUpper(d.runes[nq.open+1])
}

// opensNext reports whether the attribution after a quote's close ends in a
// colon, so that it introduces the next quote: "…or can you?" He concludes:
// "Keep it blogged."
func (x *extractor) opensNext(close int) bool {
	ts := x.d.toks
	for k, end := x.d.tokAt(close), x.d.tokAt(close)+8; k < len(ts) && k < end; k++ {
		switch ts[k].text {
		case ":":
			return true
		case ".", "!", "?", ",", "\"", "“":
			return false
		}
	}
	return false
}

// soCalled reports whether "so-called" stands just before the quote that
// opens at open.
func soCalled(d *doc, open int) bool {
	j := d.tokAt(open)
	return j > 0 && j <= len(d.toks) && (d.toks[j-1].low == "so-called" || d.toks[j-1].low == "so‑called")
}

func samePara(rs []rune, a, b int) bool {
	for i := a; i+1 < b; i++ {
		if rs[i] == '\n' && rs[i+1] == '\n' {
			return false
		}
	}
	return a <= b
}

// quotes attributes every raw quote and builds the domain values.
func (x *extractor) quotes(id dossier.ArticleID) []dossier.Quote {
	d := x.d
	out := make([]dossier.Quote, 0, len(x.raw))
	defer func() { x.res.quoteSpan = [2]int{} }() // (figures' claimants are no quote's)
	lastSpeaker, lastRole := "", ""
	lastEnd, lastSent, blockedSent := -1, -1, -1
	lastNamed := false // the last quote named a remark after its speaker, who is not the sentence's
	paraSpeaker, prevParaSpeaker, lastPara := "", "", -1
	for _, q := range x.raw {
		var speaker, role, mention string
		tn, opens := x.turnAt(q.open)
		p, ok := np{}, false
		branch := ruleNone
		x.path, x.named = ruleNone, false
		x.res.quoteSpan = [2]int{q.open, q.close}
		if tn != nil && opens {
			// a transcript label opens the quote: "Vladimir Putin: "…""
			p, ok = tn.who, true
			p.blocked = p.kind == npNone
			x.path = ruleTurn
		} else if q.partial && lastSpeaker != "" && lastSent >= 0 && coordinatedAfter(d.runes, lastEnd, q.open) {
			// "was "expected" and "understandable."": the words of the one
			// who said the first
			ok = false
		} else {
			p, ok = x.attribute(&q)
		}
		firstPerson := ok && p.kind == npPronoun && (lower(p.mention) == "we" || lower(p.mention) == "i")
		if firstPerson && tn != nil && !opens && tn.who.kind != npNone {
			// "we should not say "…"" in a turn: the one whose turn it is
			speaker, role = x.res.resolve(tn.who)
			mention = p.mention
			branch = x.path
		} else if ok && p.kind != npNone {
			speaker, role = x.res.resolve(p)
			mention = p.mention
			branch = x.path
			if speaker == "" && p.kind == npDesc && p.definite && docHeads[p.head] && lastSpeaker != "" && lastEnd >= 0 && x.paraOf(lastEnd) == x.paraOf(q.open) && x.goesOn(p.pos) {
				// "…," a club spokesperson insisted. The statement added: "…":
				// a statement no one else made is the last speaker's
				speaker, role = lastSpeaker, lastRole
			}
			ageOnly := strings.HasSuffix(p.head, "-year-old") // "the 54-year-old"
			if p.kind == npDesc && p.definite && (personHead(p.head) || humanHead(p.head)) && !orgHeads[p.head] && speaker != lastSpeaker && lastSpeaker != "" && !x.res.isOrg(lastSpeaker) &&
				(speaker == p.name && agentNoun(p.head) && !askers[p.head] && !officeHeads[p.head] || (x.goesOn(p.pos) || ageOnly) && x.res.namedOnlyAfter(speaker, p.pos)) {
				// "So says Noel Kiernan, chairman of …. ¶ "…," the retired
				// garda sergeant added": one who goes on is the last speaker,
				// not one the article names only later; so is "the
				// 54-year-old" whose age no one was given, and "the
				// third-generation farmer" whom no name explains (a trade,
				// not an office one person holds, nor one who asks)
				speaker, role = lastSpeaker, p.name
			}
		} else if ok && p.blocked && tn == nil {
			// the verb that governs the quote has a subject the article does not name
			// (a self-styled name is no one's words, and blocks no other quote)
			if !q.partial || !x.nameQuoted(q.open) {
				blockedSent = x.sentOf(q.close)
			}
			branch = ruleBlocked
		} else if tn == nil && !q.partial && x.writerSpeaks(q.open) {
			// "I would simply ask them: "…"": the writer's own words, of no
			// one the article names (not the last speaker's)
			branch = ruleBlocked
		} else if tn != nil && q.partial && x.turnSubject(q.open).kind != npNone {
			// a partial inside a turn whose sentence names another subject:
			// "some NATO countries urged us to stop "the occupation of Crimea""
			p := x.turnSubject(q.open)
			speaker, role = x.res.resolve(p)
			mention = p.mention
			branch = rulePartialSubject
		} else if tn != nil {
			// words quoted inside a transcript turn are the speaker's
			branch = ruleTurnInside
			if tn.who.kind != npNone {
				speaker, role = x.res.resolve(tn.who)
				mention = tn.who.mention
			}
		} else if q.partial {
			// a partial quote with no attribution of its own shares the one
			// of the quote before it in the same sentence
			if lastSent >= 0 && (x.sentOf(q.open) == lastSent || coordinatedAfter(d.runes, lastEnd, q.open)) {
				speaker, role = lastSpeaker, lastRole
				branch = rulePartialShare
			} else if blockedSent >= 0 && x.sentOf(q.open) == blockedSent {
				// the partial before it in the sentence has no speaker the article names
				branch = ruleBlocked
			} else if p := x.partialSubject(q.open); p.kind != npNone {
				speaker, role = x.res.resolve(p)
				mention = p.mention
				branch = rulePartialSubject
			} else if p, last := x.reportedOn(q.open, lastEnd); last && lastSpeaker != "" {
				speaker, role = lastSpeaker, lastRole
				branch = ruleContinue
			} else if p.kind != npNone {
				speaker, role = x.res.resolve(p)
				branch = ruleContinue
			} else if p := x.storyFrom(x.sentOf(q.close) + 1); p.kind != npNone {
				// "Farmers have been told to brace themselves for "…". ¶ The
				// warning came from dairy farmer Robert Hamilton"
				speaker, role = x.res.resolve(p)
				mention = p.mention
				branch = ruleThatIsHow
			}
		} else {
			// a quote without attribution continues the last speaker, or the
			// one the sentence before it names
			prevSent := -1
			if i := d.tokAt(q.open); i < len(d.toks) {
				prevSent = d.toks[i].sent - 1
				if i > 0 && d.toks[i-1].end <= q.open {
					prevSent = d.toks[i-1].sent
					if d.toks[i].sent == d.toks[i-1].sent {
						prevSent--
					}
				}
			}
			// the one a rule below finds in the sentences before the quote
			byPrev := func(p np) {
				speaker, role = x.res.resolve(p)
				mention = p.mention
				branch = rulePrevSubject
			}
			if h := x.thatIsHow(q.close); h.kind != npNone {
				speaker, role = x.res.resolve(h)
				mention = h.mention
				branch = ruleThatIsHow
			} else if a := x.interviewee(q.open); a.kind != npNone {
				byPrev(a)
			} else if a := x.introducedNext(q.open, q.close); a.kind != npNone {
				byPrev(a)
			} else if a := x.introducedAfter(q.open, q.close); a.kind != npNone {
				byPrev(a)
			} else if lastEnd >= 0 && prevSent >= 0 && lastEnd >= d.sents[prevSent].start && !lastNamed {
				// (not a remark the last sentence named: "The Peter Hain
				// "mongrel" attack, he says, is")
				speaker, role = lastSpeaker, lastRole
				branch = ruleContinue
			} else if s := x.warnedLast(prevSent); s.kind != npNone {
				byPrev(s)
			} else if s := x.reporterLast(prevSent); s.kind != npNone {
				byPrev(s)
			} else if o := x.kinOwner(prevSent, &q); o.kind != npNone {
				byPrev(o)
			} else if s := x.sentenceSubject(prevSent); s.kind != npNone && s.kind != npDesc && !strings.Contains(s.name, " and ") && (!strings.Contains(s.mention, " and ") || tradesJoined(s.role)) && (s.kind == npPerson && !x.res.isOrg(s.name) || x.aboutThem(s, &q) || x.speaks(prevSent)) &&
				!(s.kind == npPerson && !x.res.isOrg(s.name) && lastSpeaker != "" && x.quoteNames(&q, s.name)) {
				// (not one the quote speaks of: "And Scotland forward Simon
				// Taylor looks certain to get the call. "… Simon Taylor is an
				// outstanding player …"")
				byPrev(s)
				if speaker == "" {
					// "Doctors in Athens had wanted …": no one to give it to
					speaker, role, mention = lastSpeaker, lastRole, ""
					branch = ruleLast
					if r := x.paraReporter(q.open, lastEnd); r.kind != npNone {
						byPrev(r)
					}
				}
			} else if s := x.topicPerson(prevSent); s.kind != npNone {
				byPrev(s)
			} else if s := x.describedSpeaker(prevSent); s.kind != npNone {
				byPrev(s)
			} else if s := x.reportGoesOn(prevSent, lastEnd); s.kind != npNone {
				byPrev(s)
			} else if s := x.paraReporter(q.open, lastEnd); s.kind != npNone {
				byPrev(s)
			} else {
				speaker, role = lastSpeaker, lastRole
				branch = ruleLast
			}
		}
		speaker = withoutLegalForm(speaker)
		dq := dossier.Quote{Article: id, Spans: q.spans, Mention: mention, Speaker: speaker, Role: role, Partial: q.partial}
		dq.Text = d.spanText(q.spans)
		out = append(out, dq)
		if x.rank {
			para := x.paraOf(q.open)
			if para != lastPara {
				prevParaSpeaker, paraSpeaker, lastPara = paraSpeaker, "", para
			}
			cs := x.candidates(&q, &dq, branch, rankState{last: lastSpeaker, lastEnd: lastEnd, prevPara: prevParaSpeaker})
			if x.rankAll {
				x.cands = append(x.cands, cs)
			} else {
				// the rules' speaker stays the state the next quotes read
				x.rerank(&out[len(out)-1], cs)
			}
			if speaker != "" {
				paraSpeaker = speaker
			}
		}
		if speaker != "" {
			lastSpeaker, lastRole = speaker, role
			x.res.lastSpeaker = speaker
		}
		lastEnd, lastNamed = q.close, x.named
		lastSent = -1
		if speaker != "" && !x.named {
			lastSent = x.sentOf(q.close)
		}
	}
	return out
}

// writerSpeaks reports whether the writer, as "I" outside any quotation,
// introduces the quote opening at open with a verb of speech: a reader's
// comment under a story ("I would simply ask them: "…"").
func (x *extractor) writerSpeaks(open int) bool {
	ts := x.d.toks
	i := x.d.tokAt(open)
	if i < 2 || ts[i-1].text != ":" || ts[i-1].sent != ts[i-2].sent {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-8 && ts[k].sent == ts[i-1].sent && !ts[k].quoted; k-- {
		if ts[k].text == "I" {
			for m := k + 1; m < i-1 && m <= k+4; m++ {
				if ts[m].in(wReport) || ts[m].low == "ask" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// kinOwner gives the "her" or "his" whose kin is the subject of sentence
// s, when the quote after speaks as "I" of that kin as "he" or "she": "Her
// younger brother, Andrii, is a reservist. "He sends me photographs …"" is
// hers.
func (x *extractor) kinOwner(s int, q *rawQuote) np {
	ts := x.d.toks
	if s < 0 {
		return np{}
	}
	p := x.sentenceSubject(s)
	b := x.d.sents[s].tok0
	if p.kind == npNone || b+1 >= len(ts) {
		return np{}
	}
	g := possessiveGender(ts[b].low)
	k := b + 1
	for k < len(ts) && k < b+3 && ts[k].isWord() && !ts[k].isCap() && kinNouns[ts[k].low] == 0 && !functionWords[ts[k].low] {
		k++ // "Her younger brother"
	}
	if g == 0 || k >= len(ts) || kinNouns[ts[k].low] == 0 || kinNouns[ts[k].low] == g || p.pos != b && (p.pos <= k || p.pos > k+2) {
		return np{} // (the subject is the kin, or the kin's name after it: "Her younger brother, Andrii,")
	}
	kg := kinNouns[ts[k].low]
	i, j := x.d.tokAt(q.open), x.d.tokAt(q.close)
	if !firstSingular(ts[i:j]) {
		return np{}
	}
	if speaksOf(ts[i:j], kg) {
		return np{kind: npPronoun, mention: ts[b].text, gender: g, pos: b}
	}
	return np{}
}

// speaksOf reports whether words speak of someone of gender g as "he",
// "him" or "his" (or "she", "her").
func speaksOf(ts []tok, g byte) bool {
	for k := range ts {
		if w := ts[k].low; pronouns[w] == g || possessiveGender(w) == g || objectPronouns[w] == g {
			return true
		}
	}
	return false
}

// aboutThem reports whether the subject s of the sentence before a quote
// that speaks as "I" is a "he" or "she" who is a person the article names,
// and whom the quote does not speak of: "She has not heard from her brother
// since Wednesday. ¶ "He sent me a photo …"".
func (x *extractor) aboutThem(s np, q *rawQuote) bool {
	if s.kind != npPronoun || s.gender != 'm' && s.gender != 'f' {
		return false
	}
	i, j := x.d.tokAt(q.open), x.d.tokAt(q.close)
	if !firstSingular(x.d.toks[i:j]) { // (tokAt is at most len(toks))
		return false
	}
	if speaksOf(x.d.toks[i:j], s.gender) {
		return false // the quote speaks of a "he" too: "… he was at the height of his powers"
	}
	name, _ := x.res.resolve(s)
	return strings.Contains(name, " ") && !x.res.isOrg(name) && !x.quoteNames(q, name)
}

// interviewee gives the one the writer asked for answers that stand alone
// after questions in paragraphs of their own: "The Tulsa World asked Mark
// Lindgren, who teaches Russian history, what to watch for. ¶ What does
// Putin want? ¶ "He wants a guarantee …"".
func (x *extractor) interviewee(open int) np {
	ts := x.d.toks
	i := x.d.tokAt(open)
	if i >= len(ts) || !ts[i].para || !ts[i].quoted {
		return np{}
	}
	for n := 0; n < 6 && i > 0; n++ {
		// the paragraph before is a question in the writer's words
		q := x.d.paraStart(i - 1)
		if i-q > 30 {
			return np{}
		}
		for k := q; k < i; k++ {
			if ts[k].quoted {
				return np{}
			}
		}
		if ts[i-1].text != "?" {
			// or tells what the writer asked: "The Oamaru Mail asked Mr
			// Mazur what he wanted people in Waitaki to understand."
			for k := q; k+2 < i; k++ {
				if ts[k].low != "asked" {
					continue
				}
				b := askedName(ts[:i], k+1)
				if b < 0 {
					continue
				}
				e := b
				for e < i && (capWord(&ts[e]) || ts[e].in(wHonorific)) {
					e++
				}
				a := e
				if a < i && ts[a].text == "," {
					// an apposition: "Ben Kearney, of Bendigo-based
					// consultancy Harvest Lane Advisory, what"
					a++
					for a < i && a < e+12 && ts[a].text != "," {
						a++
					}
					a++
				}
				if a < i && askWords[ts[a].low] && ts[a].low != "about" {
					if p := x.after(ts[k+1:e], k+1); p.kind == npPerson && !x.res.isOrg(p.name) {
						return p
					}
				}
			}
			return np{}
		}
		if q == 0 {
			return np{}
		}
		b := x.d.paraStart(q - 1)
		if ts[b].quoted {
			i = b // an answer before: another question before it
			continue
		}
		// the paragraph that opens the questions names whom the writer asked
		for k := b; k+1 < q; k++ {
			// (or put its questions to: "put three questions to Argyll and
			// Bute MP Brendan O'Hara")
			if (ts[k].low == "asked" || ts[k].low == "to" && k > b && strings.HasPrefix(ts[k-1].low, "question")) && !ts[k].quoted && askedName(ts[:q], k+1) > 0 {
				if p := x.after(ts[k+1:q], k+1); p.kind == npPerson && !x.res.isOrg(p.name) {
					return p
				}
			}
		}
		return x.spokeWith(b, q)
	}
	return np{}
}

// askedName gives where the name of the one asked starts after "asked" at
// ts[k-1], past a role in lower case ("asked agricultural economist Ben
// Kearney"), or -1.
func askedName(ts []tok, k int) int {
	b := k
	for b < len(ts) && b < k+3 && ts[b].isWord() && !ts[b].isCap() && !functionWords[ts[b].low] {
		b++
	}
	if b == len(ts) || !capWord(&ts[b]) {
		return -1
	}
	return b
}

// spokeWith reads whom the paragraph ts[b:q] says the writer's paper spoke
// to before its questions: "the Sun spoke with Gordon Pelletier, a retired
// lieutenant-colonel", "One of the drivers, Serhiy Bondar, 46, spoke to the
// KM", "The Hereford Times reached her by phone".
func (x *extractor) spokeWith(b, q int) np {
	ts := x.d.toks
	for k := b; k+2 < q; k++ {
		w := ts[k].low
		if ts[k].quoted {
			continue
		}
		if (w == "spoke" || w == "talked") && (ts[k+1].low == "to" || ts[k+1].low == "with") {
			if p := x.after(ts[k+2:q], k+2); fullPerson(p) && !x.res.isOrg(p.name) {
				return p // the paper spoke with them
			}
			if p := x.subjectNP(ts[k].sent, false); p.kind == npPerson && !x.res.isOrg(p.name) && p.pos < k {
				return p // they spoke to the paper
			}
		}
		if (w == "answered" || w == "answers") && questionsAfter(ts[k+1:q]) {
			if p := x.subjectNP(ts[k].sent, false); p.kind == npPerson && !x.res.isOrg(p.name) && p.pos < k {
				return p // "Dr Simon Hartley … answered some of the Echo's questions"
			}
		}
		if w == "reached" || w == "interviewed" || w == "contacted" {
			if g := possessiveGender(ts[k+1].low); g != 0 || ts[k+1].low == "him" {
				if g == 0 {
					g = 'm'
				}
				return np{kind: npPronoun, mention: ts[k+1].text, gender: g, pos: k + 1}
			}
			if p := x.after(ts[k+1:q], k+1); p.kind == npPerson && !x.res.isOrg(p.name) {
				return p
			}
		}
	}
	return np{}
}

// questionsAfter reports whether "questions" follows within a few words of
// the same sentence: "answered some of the Echo's questions".
func questionsAfter(ts []tok) bool {
	for k := 0; k < len(ts) && k < 6; k++ {
		if ts[k].low == "questions" {
			return true
		}
		if ts[k].text == "." || ts[k].quoted {
			return false
		}
	}
	return false
}

// introducedNext gives the speaker of a paragraph that is all quote, after
// the writer's own words, when the next paragraph opens by naming someone
// for the first time: ""My wife and my daughter are in Zaporizhzhia. …" ¶
// Vitalii Hrytsenko, 34, has worked at a seafood processor …".
func (x *extractor) introducedNext(open, close int) np {
	ts := x.d.toks
	i, j := x.d.tokAt(open), x.d.tokAt(close)
	if i >= len(ts) || j >= len(ts) || !ts[i].para || !ts[i].quoted || !ts[j].para || ts[j].quoted {
		return np{}
	}
	p := x.sentenceSubject(ts[j].sent)
	// "A spokesperson for the Consumer Council urged households to "shop
	// around". ¶ "It's gone mad. …" ¶ Paddy Quigley, who runs a fuel
	// delivery business, said": after a paragraph about no one named that
	// only quotes words inside the writer's sentences, a quote of its own is
	// the one's the next paragraph brings in, though they speak there too
	partials := false
	var b np // (an article may open with the quote: no paragraph before it)
	if i > 0 {
		b = x.sentenceSubject(ts[i-1].sent)
		if b.kind != npPerson && b.kind != npPronoun {
			partials = partialsOnly(ts, i) // (a person's partial may go on in the quote: "Ardern said the government was "actively looking". ¶ "We do not …"")
		}
	}
	// ""I phoned my mum on Sunday …" ¶ Olena Scott … said her mother had
	// refused to leave": the newcomer's account retells the quote's kin,
	// so the words are hers, though she speaks there and another spoke
	// in the paragraph before
	echoed := p.kind == npPerson && kinEchoed(ts[i:j], ts[j:x.d.sents[ts[j].sent].tok1])
	if p.kind != npPerson || p.pos != j && !(echoed && p.pos-j <= 3 && plainWords(ts[j:p.pos])) || !strings.Contains(p.name, " ") || x.res.isOrg(p.name) || x.speaks(ts[j].sent) && !partials && !echoed {
		return np{} // (one who speaks in the next paragraph speaks there, not before)
	}
	full, _ := x.res.resolve(p)
	// "Oksana Wheeler grew up in Lviv …. Her family are calm, she says": the
	// newcomer speaks in the paragraph that introduces her, with no quote
	// of her own there, so the quote before is hers whoever spoke before it
	introduced := echoed || x.saysInPara(j, x.res.genderOfName(full))
	// "In a statement, Harrogate Borough Council said …. ¶ "Nobody in
	// Ripon has ever asked me where I am from …" ¶ Tetiana Hudson, 44, …":
	// words of one person do not go on a body's
	bodyBefore := x.res.lastSpeaker != "" && x.res.isOrg(x.res.lastSpeaker) && firstSingular(ts[i:j])
	for k := i - 1; k >= 0 && !introduced && !bodyBefore && !partials; k-- {
		if ts[k].quoted {
			return np{} // the paragraph before quotes someone
		}
		if ts[k].para {
			break
		}
	}
	if !introduced && !partials && (b.kind == npPerson && !(bodyBefore && x.res.isOrg(b.name)) || b.kind == npPronoun) {
		return np{} // the paragraph before is about someone, who may go on
	}
	if x.namedBefore(full, i) {
		return np{} // named before: the quote may be anyone's
	}
	return p
}

// introducedAfter is the person the sentence after a quote that opens its
// paragraph brings in, by full name, as one who speaks: ""We've had people
// in tears at the pumps." Sandra Bevan, who runs a filling station, said
// the price had risen".
func (x *extractor) introducedAfter(open, close int) np {
	ts := x.d.toks
	i, j := x.d.tokAt(open), x.d.tokAt(close)
	if i >= len(ts) || j >= len(ts) || !ts[i].quoted || ts[j].para || ts[j].quoted || j == 0 || ts[j-1].sent == ts[j].sent {
		return np{}
	}
	s := ts[j].sent
	p := x.sentenceSubject(s)
	if p.kind != npPerson || p.pos != j || x.res.isOrg(p.name) {
		return np{}
	}
	// (or, after the writer's words, one whose sentence retells the
	// quote's kin: ""My grandmother's village is …" Oksana Whitfield, a
	// nurse …, has not been able to reach her grandmother")
	echoed := kinEchoed(ts[i:j], ts[j:x.d.sents[s].tok1])
	var first bool
	if ts[i].para {
		// one who speaks as "I", or whose sentence closes the paragraph
		// the quote opens: ""If those ports close, …" Rob Sutcliffe
		// finished stripping his last paddock of wheat at Maryvale on
		// Sunday afternoon."
		e := x.d.sents[s].tok1
		first = e == len(ts) || ts[e].para || firstSingular(ts[i:j])
	} else {
		// (or one who speaks as "I" after the writer's words of no one:
		// "In Clara, the parish has added a prayer …. "People stop me on
		// the street …" Fr Tomás Egan, the local curate, said")
		first = firstSingular(ts[i:j]) && x.nobodyBefore(i)
	}
	if !echoed && !first && (!ts[i].para || !x.speaks(s)) {
		return np{}
	}
	for k := j; k < x.d.sents[s].tok1; k++ {
		if ts[k].quoted {
			return np{} // words of their own follow
		}
	}
	// a full name ("Col Bartlett": the index knows Col is his first name,
	// no colonel's rank) named here first (named before, the quote may be
	// anyone's)
	full, _ := x.res.resolve(p)
	if !strings.Contains(full, " ") || !strings.Contains(p.name, " ") && !strings.HasSuffix(" "+p.role+" "+p.name, " "+full) || x.namedBefore(full, i) {
		return np{}
	}
	return p
}

// nobodyBefore reports whether the paragraph's words before token i name
// no person, as a name or as "he" or "she", and quote no one.
func (x *extractor) nobodyBefore(i int) bool {
	ts := x.d.toks
	a := x.d.paraStart(i)
	for k := a; k < i; k++ {
		if ts[k].quoted || ts[k].low == "he" || ts[k].low == "she" {
			return false
		}
	}
	for _, q := range x.res.persons { // (in text order)
		if q.tok >= i {
			break
		}
		if q.tok >= a {
			return false
		}
	}
	return true
}

// namedBefore reports whether a person the article names before token i
// has the full name full.
func (x *extractor) namedBefore(full string, i int) bool {
	for _, q := range x.res.persons { // (in text order)
		if q.tok >= i {
			break
		}
		if x.res.canonical(q.full) == full {
			return true
		}
	}
	return false
}

// kinEchoed reports whether quoted words speak of "my" kin that a
// sentence after retells as "her" or "his" same kin: "my mum" and "her
// mother".
func kinEchoed(quote, after []tok) bool {
	for k := 0; k+1 < len(quote); k++ {
		if quote[k].low != "my" || !quote[k+1].quoted {
			continue
		}
		kin := kinBase(trimPossessive(quote[k+1].low))
		if kin == "" {
			continue
		}
		for m := 0; m+1 < len(after); m++ {
			if (after[m].low == "her" || after[m].low == "his") && !after[m].quoted && kinBase(after[m+1].low) == kin {
				return true
			}
		}
	}
	return false
}

// kinBase is the kin noun w names ("mum" is "mother"), or "".
func kinBase(w string) string {
	switch w {
	case "mum", "mom", "mam", "mummy":
		return "mother"
	case "dad", "daddy":
		return "father"
	case "gran", "granny", "nan", "nana", "grandma":
		return "grandmother"
	case "grandad", "granddad", "grandpa":
		return "grandfather"
	}
	if kinNouns[w] != 0 {
		return w
	}
	return ""
}

// partialsOnly reports whether the paragraph before token i quotes, and
// only words inside the writer's sentences: each quote opens after a word
// and the paragraph ends outside quotes.
func partialsOnly(ts []tok, i int) bool {
	k := i - 1
	if k < 0 || ts[k].quoted {
		return false
	}
	quoted := false
	for ; k >= 0; k-- {
		if ts[k].quoted && (k == 0 || !ts[k-1].quoted) {
			if k == 0 || ts[k].para || !ts[k-1].isWord() {
				return false // a quote that opens a sentence or follows a colon or comma
			}
			quoted = true
		}
		if ts[k].para {
			break
		}
	}
	return quoted
}

// firstSingular reports whether quoted words speak as one person: "I", "me", "my".
func firstSingular(ts []tok) bool {
	for k := range ts {
		if w := ts[k].low; ts[k].quoted && (w == "i" || w == "me" || w == "my" || w == "i'm" || w == "i’m" || w == "myself") {
			return true
		}
	}
	return false
}

// saysInPara reports whether the paragraph from token j has no quote and
// sets off a "she says" of gender g: "Her family are calm, she says, but".
func (x *extractor) saysInPara(j int, g byte) bool {
	ts := x.d.toks
	if g != 'm' && g != 'f' {
		return false
	}
	says := false
	for k := j; k < len(ts) && (k == j || !ts[k].para); k++ {
		if ts[k].quoted {
			return false
		}
		if k >= 1 && k+1 < len(ts) && ts[k-1].text == "," && pronouns[ts[k].low] == g && ts[k+1].in(wReport) && !strings.HasSuffix(ts[k+1].low, "ing") {
			says = true
		}
	}
	return says
}

// coordinatedAfter reports whether the words between a quote that closes
// at end and one that opens at open join them as one list: "and", "or".
func coordinatedAfter(rs []rune, end, open int) bool {
	if end < 0 || open-end > 8 {
		return false
	}
	w := strings.TrimSpace(string(rs[end:open]))
	return w == "and" || w == "or"
}

// turnSubject reads the subject of the sentence of a partial quote inside
// a transcript turn when it is named (not "I", "we", "they") and speaks
// before the quote: "some NATO countries immediately urged us to stop "…"".
func (x *extractor) turnSubject(open int) np {
	d := x.d
	j := d.tokAt(open)
	if j == 0 || j >= len(d.toks) {
		return np{}
	}
	p := x.subjectNP(d.toks[j-1].sent, true)
	if p.kind != npPerson && p.kind != npOrg && p.kind != npDesc || p.pos >= j {
		return np{}
	}
	for m := p.pos; m < j; m++ {
		if !d.toks[m].quoted && d.toks[m].in(wReport|wStance) {
			return p
		}
	}
	return np{}
}

// sentOf returns the sentence of the writer's text at a quotation mark: the
// sentence of the word before it.
func (x *extractor) sentOf(pos int) int {
	d := x.d
	i := d.tokAt(pos)
	if i == 0 || i > len(d.toks) {
		return -1
	}
	return d.toks[i-1].sent
}

// spanText is the text of the spans joined by a space. A valid body holds
// the runes' text already: one span is a slice of it, no new string.
func (d *doc) spanText(spans []dossier.Span) string {
	if !d.valid {
		return spanText(d.runes, spans)
	}
	if len(spans) == 1 {
		return d.text(spans[0].Start, spans[0].End)
	}
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d.text(s.Start, s.End))
	}
	return b.String()
}

// text is string(d.runes[s:e]), a slice of the body when it is valid UTF-8.
func (d *doc) text(s, e int) string {
	if d.valid {
		return d.body[d.boff[s]:d.boff[e]]
	}
	return string(d.runes[s:e])
}

func spanText(rs []rune, spans []dossier.Span) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(rs[s.Start:s.End]))
	}
	return b.String()
}

// attribute finds the phrase that names a quote's speaker.
func (x *extractor) attribute(q *rawQuote) (np, bool) {
	d := x.d
	last := q.spans[len(q.spans)-1]
	lastCh := d.runes[last.End-1]
	for e := last.End - 1; e > last.Start && (lastCh == '\'' || lastCh == '’' || lastCh == ' '); e-- {
		lastCh = d.runes[e-1] // the mark inside a closing inner quote: "… 'Mama, why is it so quiet?'"
	}
	if q.between != nil {
		if p, ok := x.clauseAfter(q.between.Start, q.between.End, false); ok && p.kind != npNone {
			x.path = ruleBetween
			return p, true
		}
	}
	sentStart := 0
	if i := d.tokAt(q.open); i < len(d.toks) {
		sentStart = d.sents[d.toks[i].sent].start
		if i > 0 && d.toks[i-1].end <= q.open && d.toks[i-1].sent != d.toks[i].sent {
			sentStart = q.open
		}
	}
	if q.partial {
		if x.nameQuoted(q.open) {
			return np{blocked: true}, true
		}
		if p, ok := x.namedBy(q.open, sentStart); ok {
			x.path = ruleBefore
			return p, true
		}
		if p := x.accordingOpens(q.open, sentStart); p.kind != npNone {
			x.path = ruleBefore
			return p, true
		}
		if p := x.saysAside(q.open, sentStart); p.kind != npNone {
			x.path = ruleBefore
			return p, true
		}
		if q.closed && (lastCh == ',' || x.commaAfter(q.close)) && !x.andAfter(q.close) {
			// "Mr Sullivan "made accounting decisions," he told the court":
			// the verb after the comma governs the words, not the subject
			// before them
			if p, ok := x.clauseAfter(q.close, 1<<62, false); ok && (p.kind == npPronoun || p.kind == npDesc && humanHead(p.head) && !plural(p.head) || p.kind == npPerson && !x.res.isOrg(p.name) &&
				!reportedBy(d.toks, p.pos) && !accordingBefore(d.toks, p.pos)) { // (an agency carries the words: "…", Agence France Presse reported)
				x.path = ruleAfter
				return p, true
			}
		}
		if p := x.passiveAgent(q.open, q.close); p.kind != npNone {
			x.path = ruleFinal
			return p, true
		}
		if p, ok := x.sentenceFinal(q.close); ok && p.kind != npNone {
			carried, according := reportedBy(d.toks, p.pos), accordingBefore(d.toks, p.pos)
			if according || carried || p.kind == npDesc && docHeads[p.head] {
				// "Biden "reaffirmed …", according to a White House readout",
				// "Mr Biden also "reiterated his support …", the readout said":
				// the readout carries the words of the one who opens the sentence
				if b := x.subjectOfQuotedVerb(q.open, sentStart); b.kind == npPerson {
					x.path = ruleBefore
					return b, true
				}
			}
			if according || carried {
				// "Joly reaffirmed Canada's "unwavering support", according
				// to a readout", "Peskov dismissed the warnings as
				// "hysteria", Reuters reported": the readout or the agency
				// carries their words
				document := p.kind == npDesc && isDocument(p.name)       // "according to a press release issued by …"
				agency := strings.Contains(lower(p.name), "news agency") // "…", according to the RIA Novosti news agency
				carried = carried || agency
				if b, ok := x.clauseBefore(q.open, sentStart, true); ok && (b.kind == npPerson || (carried || document) && b.kind == npOrg ||
					carried && b.kind == npDesc && (humanHead(b.head) && plural(b.head) || groupHead(b.head) || b.definite && orgHeads[b.head])) && !b.blocked {
					// ("Prosecutors said Jaynes was "…", Associated Press
					// reported", "The Russian Defence Ministry said the troops
					// had "…", RIA Novosti reported")
					x.path = ruleBefore
					return x.innerSpeaker(b, q.open, sentStart), true
				}
				if agency && x.sentOf(q.open) == x.sentOf(q.close) && x.partialBefore(q.open) {
					// "… said the deliveries were "…" and would "…", according
					// to the RIA Novosti news agency": the agency only carries
					// the second partial too; it shares the first one's speaker
					return np{}, false
				}
			}
			x.path = ruleFinal
			return x.innerSpeaker(p, q.open, sentStart), true
		}
		if p, ok := x.clauseBefore(q.open, sentStart, true); ok && (p.kind != npNone || p.blocked) {
			x.path = ruleBefore
			return x.innerSpeaker(p, q.open, sentStart), true
		}
		return np{}, false
	}
	if j := d.tokAt(q.open); q.closed && (lastCh == '?' || lastCh == '!') && j > 0 && j <= len(d.toks) && d.toks[j-1].text == ":" {
		// "Mr Opik said: "… simply chasing away?" Tory MP Peter Luff, …,
		// said that": a question its colon hands to the one who asks it
		if p, ok := x.clauseBefore(q.open, sentStart, false); ok && p.kind != npNone {
			x.path = ruleBefore
			return p, true
		}
	}
	if q.closed {
		strict := !(lastCh == ',' || lastCh == '?' || lastCh == '!' || lastCh == '—' || lastCh == '-' || lastCh == '…')
		if p, ok := x.clauseAfter(q.close, 1<<62, strict); ok && p.kind != npNone {
			x.path = ruleAfter
			return p, true
		}
		if p := x.verdictOf(d.tokAt(q.close)); p.kind != npNone {
			x.path = ruleAfter
			return p, true
		}
	}
	if p := x.wordsOf(q.open, sentStart); p.kind != npNone {
		x.path = ruleBefore
		return p, true
	}
	if p := x.whileBlunter(q.open, sentStart); p.kind != npNone {
		x.path = ruleBefore
		return p, true
	}
	if p, ok := x.clauseBefore(q.open, sentStart, false); ok && p.kind != npNone {
		x.path = ruleBefore
		return p, true
	}
	if p := x.cameFrom(q.close); p.kind != npNone {
		x.path = ruleAfter
		return p, true
	}
	if j := d.tokAt(q.open); j > 0 && j <= len(d.toks) && d.toks[j-1].text == ":" && d.toks[j-1].end <= q.open {
		// "Antony Blinken put it bluntly: “…”": a sentence that hands over
		// to the quote with a colon is its subject's
		if p := x.subjectNP(d.toks[j-1].sent, false); p.kind == npPerson || p.kind == npPronoun && p.gender != 'n' || p.kind == npOrg {
			x.path = ruleBefore
			return p, true
		}
		if p := x.subjectNP(d.toks[j-1].sent, true); p.kind == npDesc && humanHead(p.head) && !plural(p.head) {
			// "An All England club spokesperson denied Phillips made the
			// remark, insisting: "…"": one described
			x.path = ruleBefore
			return p, true
		}
	}
	return np{}, false
}

// whileBlunter reads the subject of a clause of its own that hands over to
// a quote with a colon, its verb "to be" and a word or two of how they
// spoke: "…," she said, while Geurie farmer Sam Doyle, loading drums onto
// his ute, was blunter: "…"" (not the speaker of the clause before).
func (x *extractor) whileBlunter(open, sentStart int) np {
	ts := x.d.toks
	j := x.d.tokAt(open)
	if j < 4 || ts[j-1].text != ":" {
		return np{}
	}
	// the verb "to be" or "put it", one to four words before the colon:
	// ", while his friend Bill Mair put it more bluntly:"
	putIt := func(b int) bool { return (ts[b].low == "put" || ts[b].low == "puts") && ts[b+1].low == "it" }
	b := j - 2
	for b > j-6 && b > 0 && !beForms[ts[b].low] && !putIt(b) {
		if !ts[b].isWord() || ts[b].isCap() || ts[b].quoted || ts[b].in(wReport|wStance) {
			return np{}
		}
		b--
	}
	if !beForms[ts[b].low] && !putIt(b) || b == j-2 {
		return np{}
	}
	for w := b - 1; w >= 1 && w >= b-14 && ts[w].start >= sentStart && !ts[w].quoted; w-- {
		// (of contrastWords, not "though" and "although", which no case has tested)
		if (ts[w].low == "while" || ts[w].low == "whereas" || ts[w].low == "but") && ts[w-1].text == "," {
			if p := parseNP(ts[w+1:b], w+1); p.kind == npPerson || p.kind == npDesc && (humanHead(p.head) || personHead(p.head)) && !plural(p.head) {
				return p
			}
			return np{}
		}
	}
	return np{}
}

// wordsOf reads whose words a sentence that hands over to a quote with a
// colon says its subject quotes: "The President quoted the words of the
// national hero of India Mahatma Gandhi that aptly describe Ukraine: "…"".
func (x *extractor) wordsOf(open, sentStart int) np {
	ts := x.d.toks
	j := x.d.tokAt(open)
	if j == 0 || j > len(ts) || ts[j-1].text != ":" {
		return np{}
	}
	for k := j - 2; k >= 1 && ts[k].start >= sentStart && !ts[k].quoted; k-- {
		if ts[k].low != "of" || ts[k-1].low != "words" || k < 3 || !quotingVerbs[ts[k-2].low] && !quotingVerbs[ts[k-3].low] {
			continue
		}
		e := k + 1
		for e < j-1 && (capWord(&ts[e]) || ts[e].isWord() && !ts[e].isCap() && !functionWords[ts[e].low] || roleConnectors[ts[e].low] && ts[e].low != "and") {
			e++ // "the national hero of India Mahatma Gandhi", up to "that"
		}
		if p := parseNP(ts[k+1:e], k+1); p.kind == npPerson {
			return p
		}
		return np{}
	}
	return np{}
}

// quotingVerbs hand over to words someone else said: "quoted the words of".
var quotingVerbs = set("quoted", "quoting", "cited", "citing", "recalled", "recalling", "read")

// topicPerson reads the person a sentence opens with as its topic: "For Mr
// Bondarenko, the question is not yet whether to go but when." The quote
// standing alone after it is theirs.
func (x *extractor) topicPerson(s int) np {
	var topic *person // the last of the phrase: "For Haydon Bridge sheep farmer Tom Charlton,"
	for k := range x.res.persons {
		q := &x.res.persons[k]
		if q.sent > s {
			break
		}
		if q.sent == s && !q.poss && forTopic(x.d.toks, q.tok) {
			topic = q
		}
	}
	if topic == nil && s > 0 && x.paraOf(x.d.sents[s-1].start) == x.paraOf(x.d.sents[s].start) {
		// "For Yuriy Koval, …, the price charts are the least of his
		// worries. His parents live in Kharkiv. "…"": the sentence after
		// the topic's speaks of him still
		if w := x.d.toks[x.d.sents[s].tok0].low; w == "his" || w == "her" {
			if t := x.topicPerson(s - 1); t.kind != npNone {
				return t
			}
			// "Nadiya Sampson moved to Geraldton in 2009. Her mother and
			// sister still live in the city. "…"": the one the sentence
			// before is about
			if q := x.subjectNP(s-1, false); q.kind == npPerson && strings.Contains(q.name, " ") && !x.res.isOrg(q.name) && q.parts == nil {
				if g := x.res.genderOfName(q.name); g == 0 || g == possessiveGender(w) {
					return q
				}
			}
		}
	}
	if topic == nil {
		return np{}
	}
	ts := x.d.toks
	a, e := topic.tok, topic.tok
	if a > 0 && ts[a-1].in(wHonorific) {
		a--
	}
	for e < len(ts) && capWord(&ts[e]) {
		e++
	}
	return np{kind: npPerson, name: topic.full, mention: joinToks(ts[a:e]), gender: topic.gender, pos: a}
}

// partialBefore reports whether another quote opens earlier in the
// sentence of the quote that opens at open.
func (x *extractor) partialBefore(open int) bool {
	ts := x.d.toks
	i := x.d.tokAt(open)
	if i >= len(ts) {
		return false
	}
	return quotedIn(ts[x.d.sents[ts[i].sent].tok0:i])
}

// subjectOfQuotedVerb reads the name that opens a sentence when the quote
// right after it opens with the name's verb: "Biden "reaffirmed the
// readiness of the United States …", according to a White House readout".
func (x *extractor) subjectOfQuotedVerb(open, sentStart int) np {
	ts := x.d.toks
	j := x.d.tokAt(open)
	if j >= len(ts) || !ts[j].quoted || !(ts[j].in(wReport|wStance) || strings.HasSuffix(ts[j].low, "ed")) {
		return np{}
	}
	e := j
	for e > 0 && e > j-2 && ts[e-1].start >= sentStart && !ts[e-1].quoted && (ts[e-1].low == "also" || ts[e-1].low == "again") {
		e-- // "Mr Biden also "reiterated …""
	}
	i := e
	for i > 0 && ts[i-1].start >= sentStart && !ts[i-1].quoted && capWord(&ts[i-1]) {
		i--
	}
	if i == e || i > 0 && ts[i-1].start >= sentStart && !ts[i-1].quoted {
		return np{} // the name is the whole clause before the quote
	}
	return parseNP(ts[i:e], i)
}

// isDocument reports whether a description names a document, whoever
// issued it: "press release issued by the FSM Information Services".
func isDocument(desc string) bool {
	for _, w := range strings.Fields(lower(desc)) {
		if docHeads[w] {
			return true
		}
		if w == "by" || w == "from" || w == "of" || issuedBy[w] {
			return false
		}
	}
	return false
}

// quoteNames reports whether the words of a quote name the person name, by
// their surname: "… Simon Taylor is an outstanding player …".
func (x *extractor) quoteNames(q *rawQuote, name string) bool {
	sur := name[strings.LastIndexByte(name, ' ')+1:]
	if len(sur) < 3 {
		return false
	}
	ts := x.d.toks
	for k := x.d.tokAt(q.open); k < len(ts) && ts[k].start < q.close; k++ {
		if ts[k].quoted && trimPossessive(ts[k].text) == sur {
			return true
		}
	}
	return false
}

// goesOn reports whether the first verb of speech after the phrase at token
// i says the words go on: "The statement added".
func (x *extractor) goesOn(i int) bool {
	ts := x.d.toks
	for k := i + 1; k < len(ts) && k <= i+8 && !ts[k].quoted; k++ {
		if ts[k].in(wReport) {
			return addVerbs[ts[k].low]
		}
	}
	return false
}

// namedBy reads a person who names the thing the quoted words name, just
// before them: "Reminded that Ferguson called him "a disgrace", Wenger
// added" (the words are Ferguson's, whoever reports them after).
func (x *extractor) namedBy(open, sentStart int) (np, bool) {
	ts := x.d.toks
	i := x.d.tokAt(open)
	if p := namedRemark(ts, i); p.kind != npNone {
		x.named = true
		return p, true // "The Peter Hain "mongrel" attack"
	}
	for k := i - 1; k >= 1 && k >= i-5 && ts[k].start >= sentStart && !ts[k].quoted && ts[k].text != ","; k-- {
		if namingGerunds[ts[k].low] {
			// "with the Los Angeles Times labelling it a "…"": who does
			// the naming is the phrase between "with" and the verb (what
			// is named may come after it: "with shadow chancellor Oliver
			// Letwin branding stamp duty a "…""), not over a comma ("raised
			// it with the Queensland Government, describing it as "…"")
			for w := k - 1; w >= 0 && w >= k-7 && ts[w].start >= sentStart && !ts[w].quoted && ts[w].text != ","; w-- {
				if ts[w].low == "with" {
					if p := namerWith(ts[w+1:k], w+1); p.kind != npNone {
						return p, true
					}
					break
				}
			}
		}
		if k >= i-3 && (namingVerbs[ts[k].low] || ts[k].low == "call" || ts[k].low == "describe" || ts[k].low == "calling" && ts[k-1].low == "are") {
			if p := whatTheyCall(ts, k, sentStart); p.kind != npNone { // (and "what local brokers are calling a "…"")
				// "what some analysts call a "war premium"": their name for
				// it; when the sentence reports someone's speech, its other
				// quotes are that speaker's, not the namers'
				sent := &x.d.sents[ts[k].sent]
				for m := sent.tok0; m < sent.tok1; m++ {
					x.named = x.named || m != k && !ts[m].quoted && ts[m].in(wReport)
				}
				return p, true
			}
			if !capWord(&ts[k-1]) || ts[k-1].start < sentStart {
				return np{}, false
			}
			// the one just before the verb, not a speaker further back
			if p, ok := x.clauseBefore(open, sentStart, true); ok && p.kind == npPerson && !p.blocked && p.pos < k && p.pos >= k-4 {
				return p, true
			}

			return np{}, false
		}
	}
	return np{}, false
}

// accordingOpens reads who a sentence that opens with "According to X,"
// gives its words to, for a partial quote later in it: "According to the
// AANT, Top End motorists are now paying "…"".
func (x *extractor) accordingOpens(open, sentStart int) np {
	ts := x.d.toks
	i, k := x.d.tokAt(sentStart), x.d.tokAt(open)
	for i < k && conjunctions[ts[i].low] {
		i++
	}
	if i+3 >= k || ts[i].low != "according" || ts[i+1].low != "to" {
		return np{}
	}
	f, closed := x.accordingPhrase(i+2, 14, k)
	if !closed || f.kind != npPerson && f.kind != npOrg {
		return np{}
	}
	for m := i + 2; m < k; m++ {
		if ts[m].in(wReport|wStance) || m > f.pos+3 && x.res.knownPerson(parseNP(ts[m:m+1], m)) {
			return np{} // someone else speaks in it: "According to the White House, Biden vowed to "…""
		}
	}
	return f
}

// saysAside reads a verb of speech set off by commas, with its speaker
// after it, in the sentence before a partial quote: "As a result, says the
// committee, the government may need to "remove ambiguity"".
func (x *extractor) saysAside(open, sentStart int) np {
	ts := x.d.toks
	i, k := x.d.tokAt(sentStart), x.d.tokAt(open)
	for v := i + 1; v+2 < k; v++ {
		if ts[v-1].text != "," || ts[v-1].quoted || v >= 2 && ts[v-2].quoted || ts[v].quoted || (ts[v].low != "says" && ts[v].low != "said") {
			continue // (not the comma that closes a quote: ""…," said organiser Jenny Lock, while … Dave Huxter said Bridport had "…"")
		}
		if v-2 > i && capWord(&ts[v-2]) {
			return np{} // the end of a name, whose verb it is: "The First Minister, Nicola Sturgeon, said the move, …, marked"
		}
		e := v + 1
		for e < k && e <= v+8 && ts[e].text != "," && !ts[e].quoted {
			e++
		}
		if e < k && ts[e].text == "," {
			if p := x.after(ts[v+1:e], v+1); p.kind == npPerson || p.kind == npOrg || p.kind == npDesc && p.definite {
				return p
			}
		}
		return np{}
	}
	return np{}
}

// namerWith reads the namer between "with" and a naming gerund: a person,
// a body, or people a plural noun describes ("with volunteers describing").
func namerWith(ts []tok, pos int) np {
	people := func(h string) bool {
		return humanHead(h) || groupHead(h) || pluralPerson(h) || agentNoun(singular(h))
	}
	p := parseNP(ts, pos)
	if h := lowAt(ts, len(ts)-1); p.kind == npNone && len(ts) <= 2 && !anyCap(ts) && plural(h) && people(h) {
		p = np{kind: npDesc, name: joinToks(ts), mention: joinToks(ts), head: h, pos: pos}
	}
	if p.kind == npOrg || p.kind == npPerson || p.kind == npDesc && people(p.head) {
		return p
	}
	return np{}
}

// namingGerunds name a thing in a clause of its own: "with the Los Angeles
// Times labelling it a "…"".
var namingGerunds = set("labelling", "labeling", "calling", "describing", "dubbing", "branding", "terming")

// whatTheyCall reads the namers in "what some analysts call a "…"", the
// naming verb at ts[k]: a phrase of a few words between "what" and the verb.
func whatTheyCall(ts []tok, k, sentStart int) np {
	for w := k - 2; w >= 1 && w >= k-7 && ts[w].start >= sentStart; w-- {
		if ts[w].low != "what" {
			continue
		}
		e := k
		for e > w+1 && ts[e-1].in(wSkip) {
			e-- // "what traders have called"
		}
		if p := parseNP(ts[w+1:e], w+1); p.kind == npPerson || p.kind == npOrg || p.kind == npDesc && (humanHead(p.head) || groupNouns[p.head] || pluralPerson(p.head)) {
			return p
		}
		break
	}
	return np{}
}

// commaAfter reports whether a comma follows a quote's closing mark, outside
// it as British style puts it ("one-off", he said), at most one character on.
func (x *extractor) commaAfter(close int) bool {
	i := x.d.tokAt(close)
	return i < len(x.d.toks) && x.d.toks[i].text == "," && x.d.toks[i].start <= close+1
}

// andAfter reports whether a new clause follows the quote's comma: "seen
// "words, not withdrawals", and Prime Minister Boris Johnson said" (his verb
// has words of its own).
func (x *extractor) andAfter(close int) bool {
	ts := x.d.toks
	i := x.d.tokAt(close)
	if i > 0 && i < len(ts) && ts[i].text != "," && close >= 2 && x.d.runes[close-2] == ',' {
		i-- // the comma inside the marks: "“premature,” and Ukrainian officials urged"
	}
	if i+2 < len(ts) && ts[i].text == "," && ts[i+1].low == "as" && (ts[i+2].in(wDet) || capWord(&ts[i+2])) {
		return true // "had "turned his back on diplomacy", as the UK announced": a clause of its own
	}
	return i+1 < len(ts) && ts[i].text == "," && (ts[i+1].low == "and" || ts[i+1].low == "but") && !ts[i+1].quoted
}

// nameQuoted reports whether the quote opening at open is part of a name:
// a self-styled one's ("the self-proclaimed "Donetsk People's Republic""),
// one the writer holds at arm's length ("the so-called "people's
// republics"") or a nickname between a first name and a surname (Antonio
// "LA" Reid); or what a crowd cries or a thing is held to be, by no one
// named ("the cries of "…"", "has been held up as a "model""). Such a quote
// is no one's words.
func (x *extractor) nameQuoted(open int) bool {
	if x.selfStyled(open) || soCalled(x.d, open) {
		return true
	}
	ts := x.d.toks
	i := x.d.tokAt(open)
	if i < len(ts) {
		c := i
		for c >= 3 && (ts[c-1].low == "and" || ts[c-1].low == "or") && ts[c-2].quoted {
			for c--; c > 0 && ts[c-1].quoted; c-- { // over a quote before: "the cries of "…" and "…""
			}
		}
		if c >= 3 && ts[c-1].low == "of" && cryNouns[ts[c-2].low] && ts[c-3].low == "the" {
			return true // "between the cries of "impossible to regulate"": no one's in particular
		}
		if appraisedAs(ts, i) {
			return true
		}
	}
	// (a nickname is capitalised or follows a first name: not Moscow
	// "appreciates" Ankara's offer)
	return i > 0 && i < len(ts) && capWord(&ts[i-1]) && !ts[i-1].quoted && ts[i-1].sent == ts[i].sent && nicknameEnd(ts, i) > 0 &&
		(ts[i].isCap() || ts[i-1].in(wFirstName))
}

// appraisedAs reports whether the quote at ts[i] is what a subject is held
// to be, by no one the sentence names: "has often been held up as a
// "model"", "for what have been described as joint "exercises"" (but not
// "was described as a "consummate professional" by his friend").
func appraisedAs(ts []tok, i int) bool {
	k := i - 1
	if k >= 1 && ts[k].isWord() && !ts[k].isCap() && !functionWords[ts[k].low] && !isPossessive(ts[k].text) {
		k-- // "as joint "exercises""
	}
	if k >= 3 && isPossessive(ts[k].text) && ts[k].sent == ts[i].sent {
		// "seen as the prime minister's "turf"": whose it is
		for m := k - 1; m >= 1 && m >= k-3 && ts[m].isWord() && !ts[m].quoted; m-- {
			if articles[ts[m].low] {
				k = m
				break
			}
		}
	}
	if k >= 0 && articles[ts[k].low] {
		k--
	}
	if k < 2 || ts[k].low != "as" {
		return false
	}
	k--
	if ts[k].low == "up" {
		k--
	}
	w := ts[k].low
	naming := namingVerbs[w] && strings.HasSuffix(w, "ed") // "described", "called"
	if k < 1 || !appraisalParticiples[w] && !naming {
		return false
	}
	for k--; k > 0 && ts[k].in(wSkip) && !beForms[ts[k].low]; k-- {
	}
	// (or a phrase set off: "Africa - often seen as the prime minister's
	// "turf" -")
	setOff := !naming && (dashTok(&ts[k]) || ts[k].text == ",")
	if !beForms[ts[k].low] && !setOff || ts[k].sent != ts[i].sent {
		return false
	}
	if naming {
		m := k - 1
		if m > 0 && (ts[m].low == "has" || ts[m].low == "have" || ts[m].low == "had") {
			m--
		}
		if m < 0 || ts[m].low != "what" {
			return false // (who named it may come after: "by scouts who saw them live")
		}
	}
	e := i
	for e < len(ts) && (ts[e].quoted || (ts[e].low == "and" || ts[e].low == "or") && e+1 < len(ts) && ts[e+1].quoted) {
		e++
	}
	return e >= len(ts) || ts[e].low != "by"
}

var appraisalParticiples = set("held", "hailed", "billed", "seen", "regarded", "touted", "viewed")

// cryNouns are what a crowd or a camp is heard to say: "the cries of "…"".
var cryNouns = set("cries", "cry", "chants", "chant", "shouts", "jeers", "choruses", "refrain", "slogans")

// selfStyled reports whether a partial quote names what its holders call
// themselves, which the writer keeps at a distance: the self-proclaimed
// Donetsk and Luhansk "people's republics".
func (x *extractor) selfStyled(open int) bool {
	ts := x.d.toks
	i := x.d.tokAt(open)
	if i >= len(ts) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-5 && ts[k].sent == ts[i].sent; k-- {
		switch ts[k].low {
		case "self-proclaimed", "self-declared", "self-styled":
			return true
		}
		if !ts[k].isCap() && !ts[k].in(wConnector) || ts[k].quoted {
			return false
		}
	}
	return false
}

// replyWords name words said back: "Putin's answer was one word", "That
// was the reply of Russia's ambassador".
const replyWords = "answer reply response retort rejoinder riposte"

var replyNouns = setAnd(replyWords)

// wordsNouns name what was said: "The remark came from …".
var wordsNouns = set("remark", "remarks", "words", "comment", "comments", "warning", "quote", "message")

// cameFrom reads a sentence after a quote that says whose words they were:
// "“…” The remark came from the Kremlin spokesman, Dmitry Peskov, who …".
func (x *extractor) cameFrom(close int) np {
	d := x.d
	j := d.tokAt(close)
	if j == 0 || j+4 >= len(d.toks) || d.toks[j].sent == d.toks[j-1].sent {
		return np{}
	}
	c := d.toks[j:d.sents[d.toks[j].sent].tok1]
	if len(c) < 5 || !c[0].in(wDet) || !wordsNouns[c[1].low] || c[2].low != "came" || c[3].low != "from" {
		return np{}
	}
	return x.after(c[4:], j+4)
}

package extract

import (
	"math"
	"strings"

	"dossier"
)

// A learned ranker of candidate speakers. The rules of extract.go choose one
// speaker per quotation; the ranker sees that choice as one feature among
// many of every candidate in a window around the quotation (the persons and
// organisations named there, the subjects of its sentences, every attribution
// pattern that matches, the speakers of the quotes before, no one) and scores
// them with a linear model trained on the dev split of testdata/labelled
// (TestTrainRanker; the weights are in rank_weights.go).

// The rule that chose a quotation's speaker.
const (
	ruleNone           = iota // no rule named anyone
	ruleBetween               // the attribution between the parts of an interrupted quote
	ruleFinal                 // an attribution that closes the partial's sentence
	ruleBefore                // the clause before the opening mark: "X said: "…""
	ruleAfter                 // the clause after the closing mark: ""…," X said"
	ruleTurn                  // a transcript label: "Vladimir Putin: …"
	ruleTurnInside            // words quoted inside a transcript turn
	ruleBlocked               // the governing verb's subject is no one the article names
	rulePartialShare          // a partial shares the quote before it in the sentence
	rulePartialSubject        // a partial's sentence subject
	ruleContinue              // a quote continues the last speaker
	rulePrevSubject           // the subject of the sentence before
	ruleLast                  // the last speaker, for want of any other
	ruleThatIsHow             // "That was how X described it" after the quote
	nRules
)

// Features of a (quotation, candidate) pair. Each is in [0, 1]; the model
// has a weight for each and another for each on partial quotes.
const (
	fRule          = iota // the rules chose the candidate
	fRuleBranch           // … by rule k: nRules features
	fEmpty         = fRuleBranch + nRules + iota - 2
	fPerson        // a person the article names
	fOrg           // an organisation
	fDesc          // a description ("spokesman")
	fOtherName     // a capitalised name of neither type
	fFullName      // a name of two words or more
	fEvid          // a person some mention shows to be one (a role, an honorific, speech)
	fAttrAfter     // the clause after the quote names them
	fAttrBefore    // the clause before the quote names them
	fAttrFinal     // the attribution closing the sentence names them
	fPartialSubj   // a partial's sentence subject
	fTurn          // the label of the transcript turn
	fPrevQuote     // the speaker of the quote before
	fPrevQuoteNear // … which ended in this sentence or the one before
	fPrevPara      // the last speaker of the paragraph before
	fInSentBefore  // named in the quote's sentence, before the quote
	fInSentAfter   // … after it
	fPrev1         // named in the sentence before
	fPrev23        // in the two before that
	fNext          // in the sentence after
	fSamePara      // in the quote's paragraph
	fNearBefore    // the nearest name before the quote
	fNearAfter     // the nearest name after it
	fDist          // log distance in tokens of the nearest mention, scaled
	fSubjIn        // the subject of the quote's sentence
	fSubjPrev1     // of the sentence before
	fSubjPrev23    // of the two before that
	fSubjNext      // of the sentence after
	fSubjPronoun   // a subject above is a pronoun resolved to them
	fVerbAdj       // a mention in the window stands next to a verb of speech
	fPossOnly      // every mention in the window is a possessive
	fSurnameOnly   // every mention in the window is a bare surname
	fSalience      // log count of the article's mentions of them, scaled
	fMostMentioned // the person the article names most
	fFirstPerson   // the first person the article names
	fGenderAgree   // the attribution is "he"/"she" and their gender agrees
	fGenderClash   // … and it does not
	fRoleMatch     // the attribution is a description of an office they hold
	fEmptyNoAttr   // no one: and no attribution pattern names anyone
	fEmptyAsker    // no one: and the quote is an interviewer's turn ("Question:")
	fEmptyNoVerb   // no one: and the quote's sentence has no verb of speech or stance
	fAttrNamed     // an attribution pattern names them: "said John Smith", "Gazprom said"
	fAttrPron      // … says "he", "she", "it" or "they", which the resolver takes to be them
	fAttrDescNP    // … gives a description ("the minister", "a spokesman") resolved to them
	nFeat
)

var featNames = func() [nFeat]string {
	var n [nFeat]string
	n[fRule] = "rule"
	for k, s := range [nRules]string{"none", "between", "final", "before", "after", "turn", "turninside", "blocked",
		"partialshare", "partialsubject", "continue", "prevsubject", "last"} {
		n[fRuleBranch+k] = "rule:" + s
	}
	for k, s := range []string{"empty", "person", "org", "desc", "othername", "fullname", "evid", "attrafter",
		"attrbefore", "attrfinal", "partialsubj", "turn", "prevquote", "prevquotenear", "prevpara", "insentbefore",
		"insentafter", "prev1", "prev23", "next", "samepara", "nearbefore", "nearafter", "dist", "subjin",
		"subjprev1", "subjprev23", "subjnext", "subjpronoun", "verbadj", "possonly", "surnameonly", "salience",
		"mostmentioned", "firstperson", "genderagree", "genderclash", "rolematch", "empty&noattr", "empty&asker",
		"empty&noverb", "attrnamed", "attrpron", "attrdesc"} {
		n[fEmpty+k] = s
	}
	return n
}()

// rankCand is a candidate speaker of one quotation.
type rankCand struct {
	key     string // lower-case canonical name: candidates with one key are one
	name    string
	mention string
	role    string
	f       [nFeat]float32
	poss    int8 // mentions in the window: -1 some not possessive
	sur     int8 // -1 some not a bare surname
}

type rankState struct {
	last     string // the speaker of the quote before
	lastEnd  int    // where it ended; -1 none
	prevPara string // the last speaker of the paragraph before
}

// rankArticle holds what the candidates of every quote of an article share.
type rankArticle struct {
	sentPara []int          // paragraph of each sentence
	canon    []string       // canonical name of each of res.persons
	count    map[string]int // lower-case canonical name → mentions
	evid     map[string]bool
	most     string
	first    string
	keys     map[string]string // name → key
	subj     []subjCache       // per sentence: its subject, resolved
	orgNames []string          // per res.orgs: the name spelt out
	facts    map[string]nameFacts
}

type subjCache struct {
	done     bool
	resolved bool
	p        np
	name     string
	last     string // the resolver's last speaker when name was resolved: resolve reads it
}

// nameFacts are what the article says of a candidate's name.
type nameFacts struct {
	org    bool
	gender byte
}

func (ra *rankArticle) key(r *resolver, name string) string {
	k, ok := ra.keys[name]
	if !ok {
		k = lower(r.canonical(name))
		ra.keys[name] = k
	}
	return k
}

func (x *extractor) subjectCached(s int) (np, string) {
	c := &x.rk.subj[s]
	if !c.done {
		c.done = true
		c.p = x.subjectNP(s, true)
	}
	if c.p.kind == npNone {
		return c.p, ""
	}
	// only "he", "they" and descriptions read the last speaker (resolve)
	if !c.resolved || c.last != x.res.lastSpeaker && c.p.kind != npPerson && c.p.kind != npOrg {
		c.resolved, c.last = true, x.res.lastSpeaker
		c.name, _ = x.res.resolve(c.p)
	}
	return c.p, c.name
}

func (x *extractor) facts(name string) nameFacts {
	ra, r := x.rk, x.res
	f, ok := ra.facts[name]
	if !ok {
		f.org = r.isOrg(name)
		f.gender = r.genderOfName(r.canonical(name))
		ra.facts[name] = f
	}
	return f
}

func (x *extractor) rankPrep() *rankArticle {
	d, r := x.d, x.res
	ra := &rankArticle{sentPara: make([]int, len(d.sents)), canon: make([]string, len(r.persons)),
		count: map[string]int{}, evid: map[string]bool{}, keys: map[string]string{},
		subj: make([]subjCache, len(d.sents)), orgNames: make([]string, len(r.orgs)), facts: map[string]nameFacts{}}
	p := -1
	for s := range d.sents {
		if t := d.sents[s].tok0; t < len(d.toks) && (d.toks[t].para || s == 0) {
			p++
		}
		ra.sentPara[s] = max(p, 0)
	}
	best := 0
	for k, m := range r.persons {
		c := r.canonical(r.variant(m.full))
		ra.canon[k] = c
		key := lower(c)
		ra.count[key]++
		if m.evid || m.gender != 0 {
			ra.evid[key] = true
		}
		if ra.first == "" && strings.Contains(c, " ") {
			ra.first = key
		}
		if n := ra.count[key]; n > best {
			best, ra.most = n, key
		}
	}
	return ra
}

// paraOf returns the paragraph of the rune offset pos.
func (x *extractor) paraOf(pos int) int {
	d := x.d
	i := d.tokAt(pos)
	if i >= len(d.toks) {
		return len(d.sents)
	}
	return d.paraStart(i) // the paragraph's first token stands for it
}

// candidates collects the candidate speakers of quote q, which the rules gave
// to dq.Speaker by rule branch.
func (x *extractor) candidates(q *rawQuote, dq *dossier.Quote, branch int, st rankState) []rankCand {
	if rankGated && rankTrusted(branch) && !x.rankAll {
		return nil
	}
	d, r := x.d, x.res
	if x.rk == nil {
		x.rk = x.rankPrep()
	}
	ra := x.rk
	var cs []rankCand
	if x.rankAll {
		cs = make([]rankCand, 0, 16)
	} else {
		cs = x.candBuf[:0]
		defer func() { x.candBuf = cs[:0] }()
	}
	add := func(name string) *rankCand {
		key := ra.key(r, name)
		for k := range cs {
			if cs[k].key == key {
				return &cs[k]
			}
		}
		cs = append(cs, rankCand{key: key, name: name})
		return &cs[len(cs)-1]
	}
	// no one, and the rules' choice
	add("").f[fEmpty] = 1
	c := add(dq.Speaker)
	c.f[fRule] = 1
	c.f[fRuleBranch+branch] = 1
	c.mention, c.role = dq.Mention, dq.Role

	qa, qb := d.tokAt(q.open), d.tokAt(q.close)
	if qa >= len(d.toks) {
		return cs
	}
	s0 := d.toks[qa].sent
	sEnd := s0
	if qb > qa && qb-1 < len(d.toks) {
		sEnd = d.toks[qb-1].sent
	}
	if qb < len(d.toks) && !d.toks[qb].para && qb > 0 && d.toks[qb].sent != sEnd && d.toks[qb-1].quoted &&
		d.toks[qb].sent == d.toks[qb-1].sent {
		sEnd = d.toks[qb].sent
	}
	para := ra.sentPara[s0]

	// the attributions every rule pattern finds
	var attr [3]np // after, before, final
	named := false
	resolveAdd := func(p np, feat int) {
		if p.kind == npNone {
			return
		}
		name, role := r.resolve(p)
		if name == "" {
			return
		}
		named = true
		c := add(name)
		c.f[feat] = 1
		switch p.kind {
		case npPronoun:
			c.f[fAttrPron] = 1
		case npDesc:
			c.f[fAttrDescNP] = 1
		default:
			c.f[fAttrNamed] = 1
		}
		if c.mention == "" {
			c.mention, c.role = p.mention, role
		}
	}
	if q.closed {
		if p, ok := x.clauseAfter(q.close, 1<<62, false); ok {
			attr[0] = p
			resolveAdd(p, fAttrAfter)
		}
	}
	sentStart := d.sents[s0].start
	if qa > 0 && d.toks[qa-1].end <= q.open && d.toks[qa-1].sent != s0 {
		sentStart = q.open
	}
	if p, ok := x.clauseBefore(q.open, sentStart, q.partial); ok {
		attr[1] = p
		resolveAdd(p, fAttrBefore)
	}
	if q.partial {
		if p, ok := x.sentenceFinal(q.close); ok {
			attr[2] = p
			resolveAdd(p, fAttrFinal)
		}
		resolveAdd(x.partialSubject(q.open), fPartialSubj)
	}
	if tn, _ := x.turnAt(q.open); tn != nil {
		resolveAdd(tn.who, fTurn)
		if tn.who.kind == npNone {
			cs[0].f[fEmptyAsker] = 1
		}
	}
	if !named {
		cs[0].f[fEmptyNoAttr] = 1
	}
	verb := false
	for i := d.sents[s0].tok0; i < d.sents[sEnd].tok1; i++ {
		if t := &d.toks[i]; !t.quoted && t.in(wReport|wStance) {
			verb = true
			break
		}
	}
	if !verb {
		cs[0].f[fEmptyNoVerb] = 1
	}
	// the speakers of the quotes before
	if st.last != "" {
		c := add(st.last)
		c.f[fPrevQuote] = 1
		if st.lastEnd >= 0 && st.lastEnd >= d.sents[max(s0-1, 0)].start {
			c.f[fPrevQuoteNear] = 1
		}
	}
	if st.prevPara != "" {
		add(st.prevPara).f[fPrevPara] = 1
	}
	// the subjects of the sentences around
	lo, hi := max(s0-3, 0), min(sEnd+1, len(d.sents)-1)
	for s := lo; s <= hi; s++ {
		p, name := x.subjectCached(s)
		if p.kind == npNone || p.pos >= len(d.toks) || d.toks[p.pos].quoted && p.pos >= qa && p.pos < qb {
			continue
		}
		if name == "" {
			continue
		}
		c := add(name)
		switch {
		case s >= s0 && s <= sEnd:
			c.f[fSubjIn] = 1
		case s == s0-1:
			c.f[fSubjPrev1] = 1
		case s < s0:
			c.f[fSubjPrev23] = 1
		default:
			c.f[fSubjNext] = 1
		}
		if p.kind == npPronoun {
			c.f[fSubjPronoun] = 1
		}
		if c.mention == "" {
			c.mention = p.mention
		}
	}
	// the persons and organisations named in the window
	bestB, bestA := 1<<30, 1<<30
	nearB, nearA := -1, -1
	mention := func(name string, tok int, poss, sur bool, text string) {
		c := add(name)
		s := d.toks[tok].sent
		dist := 0
		switch {
		case tok < qa:
			dist = qa - tok
			if s >= s0 {
				c.f[fInSentBefore] = 1
			}
			if dist < bestB {
				bestB, nearB = dist, c.index(cs)
			}
		default:
			dist = tok - qb
			if s <= sEnd {
				c.f[fInSentAfter] = 1
			}
			if dist < bestA {
				bestA, nearA = dist, c.index(cs)
			}
		}
		switch {
		case s == s0-1:
			c.f[fPrev1] = 1
		case s < s0-1:
			c.f[fPrev23] = 1
		case s > sEnd:
			c.f[fNext] = 1
		}
		if ra.sentPara[s] == para {
			c.f[fSamePara] = 1
		}
		v := float32(1 - math.Log1p(float64(max(dist, 0)))/6)
		if v > c.f[fDist] {
			c.f[fDist] = v
		}
		if verbAdjacent(d.toks, tok) {
			c.f[fVerbAdj] = 1
		}
		if poss {
			if c.poss == 0 {
				c.poss = 1
			}
		} else {
			c.poss = -1
		}
		if sur {
			if c.sur == 0 {
				c.sur = 1
			}
		} else {
			c.sur = -1
		}
		if c.mention == "" {
			c.mention = text
		}
	}
	wlo, whi := d.sents[lo].tok0, d.sents[hi].tok1
	for k, m := range r.persons {
		if m.tok < wlo {
			continue
		}
		if m.tok >= whi {
			break
		}
		if m.tok >= qa && m.tok < qb {
			continue
		}
		t := trimPossessive(d.toks[m.tok].low)
		sur := m.sur != "" && t == m.sur
		mention(ra.canon[k], m.tok, m.poss, sur, m.full)
		if m.role != "" {
			if c := add(ra.canon[k]); c.role == "" {
				c.role = strings.TrimSpace(m.role)
			}
		}
	}
	for k, o := range r.orgs {
		if o.tok < wlo {
			continue
		}
		if o.tok >= whi {
			break
		}
		if o.tok >= qa && o.tok < qb {
			continue
		}
		if ra.orgNames[k] == "" {
			ra.orgNames[k] = r.fullOrg(r.orgName(o.name), o.tok)
		}
		mention(ra.orgNames[k], o.tok, false, false, o.name)
	}
	if nearB >= 0 {
		cs[nearB].f[fNearBefore] = 1
	}
	if nearA >= 0 {
		cs[nearA].f[fNearAfter] = 1
	}
	// what the attribution says of its speaker: "he", "the minister"
	var g byte
	var desc np
	for _, p := range attr {
		if p.kind == npPronoun && (p.gender == 'm' || p.gender == 'f') && g == 0 {
			g = p.gender
		}
		if p.kind == npDesc && desc.kind == npNone {
			desc = p
		}
	}
	for k := range cs {
		c := &cs[k]
		if c.key == "" {
			continue
		}
		switch {
		case ra.count[c.key] > 0:
			c.f[fPerson] = 1
			if ra.evid[c.key] {
				c.f[fEvid] = 1
			}
		case x.facts(c.name).org:
			c.f[fOrg] = 1
		default:
			if startsLower(c.name) {
				c.f[fDesc] = 1
			} else {
				c.f[fOtherName] = 1
			}
		}
		if strings.Contains(c.name, " ") {
			c.f[fFullName] = 1
		}
		if c.poss > 0 {
			c.f[fPossOnly] = 1
		}
		if c.sur > 0 {
			c.f[fSurnameOnly] = 1
		}
		c.f[fSalience] = float32(math.Min(1, math.Log1p(float64(ra.count[c.key]))/3))
		if c.key == ra.most {
			c.f[fMostMentioned] = 1
		}
		if c.key == ra.first {
			c.f[fFirstPerson] = 1
		}
		if g != 0 && c.f[fPerson] == 1 {
			switch x.facts(c.name).gender {
			case g:
				c.f[fGenderAgree] = 1
			case 0:
			default:
				c.f[fGenderClash] = 1
			}
		}
		if desc.kind == npDesc && c.f[fPerson] == 1 {
			cn := r.canonical(c.name)
			for _, m := range r.persons {
				if m.role != "" && (m.full == c.name || r.canonical(m.full) == cn) && roleMatches(m.role, desc.head, desc.name) {
					c.f[fRoleMatch] = 1
					break
				}
			}
		}
	}
	return cs
}

// rankTrusted reports whether the rules chose by an attribution pattern next
// to the quote ("X said: "…"", ""…," said X", ""A," X said, "B""), which
// the ranker leaves alone when rankGated is set.
func rankTrusted(branch int) bool {
	return branch == ruleBefore || branch == ruleAfter || branch == ruleBetween
}

func (c *rankCand) index(cs []rankCand) int {
	for k := range cs {
		if &cs[k] == c {
			return k
		}
	}
	return -1
}

// verbAdjacent reports whether the name that starts at token i stands next
// to a verb of speech: "said X", "X said", "X also told".
func verbAdjacent(ts []tok, i int) bool {
	if i > 0 && ts[i-1].in(wReport) {
		return true
	}
	j := i + 1
	for j < len(ts) && j-i < 5 && capWord(&ts[j]) && !isPossessive(ts[j-1].text) {
		j++
	}
	if j < len(ts) && ts[j].in(wSkip) {
		j++
	}
	return j < len(ts) && ts[j].in(wReport)
}

// rankScores returns the model's score of each candidate.
func rankScores(cs []rankCand, partial bool, w []float64, out []float64) []float64 {
	out = out[:0]
	for k := range cs {
		s := 0.0
		for i, v := range cs[k].f {
			if v != 0 {
				s += w[i] * float64(v)
				if partial {
					s += w[nFeat+i] * float64(v)
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// rankChoose returns the candidate the model prefers, or -1 to keep the
// rules' choice: the model must give its candidate a probability at least
// margin above the rules' one.
func rankChoose(cs []rankCand, partial bool, w []float64, margin float64) int {
	if len(cs) == 0 {
		return -1
	}
	var buf [32]float64
	sc := rankScores(cs, partial, w, buf[:0])
	rule := -1
	mx := sc[0]
	for k, s := range sc {
		if s > mx {
			mx = s
		}
		if cs[k].f[fRule] == 1 {
			rule = k
		}
	}
	if rule < 0 {
		return -1
	}
	best := rule // the rules win a tie
	for k, s := range sc {
		if s > sc[best] {
			best = k
		}
	}
	if best == rule {
		return -1
	}
	z := 0.0
	for _, s := range sc {
		z += math.Exp(s - mx)
	}
	if (math.Exp(sc[best]-mx)-math.Exp(sc[rule]-mx))/z < margin {
		return -1
	}
	return best
}

// rankW is the model of rank_weights.go, indexed by feature.
var rankW = func() []float64 {
	w := make([]float64, 2*nFeat)
	for i, n := range featNames {
		w[i] = rankWeights[n]
		w[nFeat+i] = rankWeights["partial&"+n]
	}
	return w
}()

// rerank replaces the rules' speaker of quote q by the model's choice among
// its candidates cs where the model is surer.
func (x *extractor) rerank(q *dossier.Quote, cs []rankCand) {
	if b := rankChoose(cs, q.Partial, rankW, rankMargin); b >= 0 {
		q.Speaker, q.Mention, q.Role = cs[b].name, cs[b].mention, cs[b].role
		if cs[b].key != "" {
			q.Speaker = withoutLegalForm(x.res.canonical(cs[b].name))
		}
	}
}

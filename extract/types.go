package extract

import "strings"

// Entity typing: whether a capitalised name or a description's head names a
// person, an organisation, a document or a group. The form of a name says it
// for some ("Lehman Brothers", "Ministry of Defence", "NATO"); for the rest
// the article does: "Gazprom said it would", "McDonald's, which has",
// "Schalke have", "shares in UK Coal", "gas giant Gazprom", "Barclays, the
// UK's third-biggest bank,".

// orgCues make a capitalised run an organisation wherever they stand in it.
var orgCues = set("inc", "inc.", "ltd", "ltd.", "plc", "corp", "corp.", "llc", "gmbh", "fc", "afc", "rovers",
	"athletic", "wanderers", "albion", "hotspur", "airlines", "airways", "motors", "holdings", "securities",
	"brothers", "technologies", "labs", "telecom", "communications", "industries", "insurance", "investments",
	"partners", "pictures", "studios", "records", "railways", "petroleum", "pharmaceuticals")

// orgLast make a run an organisation when they end it: "Manchester United".
var orgLast = set("united", "city", "county", "group", "bank", "capital", "energy", "systems", "media",
	"entertainment", "games", "software", "networks", "mining", "steel", "foods", "stores", "financial",
	"international", "stadium", "arena", "airport", "show", "festival", "expo", "awards", "exhibition",
	"championships", "olympics", "open", "aid", "relief", "watch", "traders", "merchants")

// orgHeads are the heads of descriptions that name an organisation: "the
// firm", "the German club", "the UK's biggest coal producer".
var orgHeads = set("company", "companies", "firm", "group", "club", "side", "team", "bank", "ministry",
	"department", "agency", "council", "commission", "committee", "party", "union", "government", "channel",
	"broadcaster", "network", "carrier", "airline", "operator", "retailer", "chain", "giant", "maker",
	"manufacturer", "producer", "supplier", "lender", "insurer", "watchdog", "regulator", "body",
	"organisation", "organization", "association", "institute", "university", "foundation", "charity",
	"office", "administration", "authority", "board", "league", "federation", "band", "label", "studio",
	"publisher", "newspaper", "paper", "business", "corporation", "conglomerate", "champions", "holders", "site",
	"website", "service", "provider", "exchange", "fund", "regime", "kremlin", "embassy", "consortium", "station",
	"church", "tribunal", "court", "hospital", "school", "festival", "academy", "museum")

// orgTyped heads must be in the organisation's name to refer back to it:
// "the ministry" is the Ministry of Finance, not Gazprom.
var orgTyped = set("ministry", "department", "agency", "council", "commission", "committee", "party",
	"union", "bank", "university", "institute", "association", "foundation", "office", "embassy", "league",
	"federation", "government", "kremlin", "church", "tribunal", "court", "hospital", "school")

// partyNames are parties named without the word: "Conservatives said … the
// party called".
var partyNames = set("conservatives", "tories", "labour", "democrats", "republicans", "greens", "snp", "ukip",
	"dems", "liberals", "socialists", "ndp")

type orgMention struct {
	tok, sent int
	name      string
}

// orgForm reports whether the words of a capitalised run make it an
// organisation by their form alone.
func orgForm(words []string) bool {
	if len(words) == 0 {
		return false
	}
	if len(words) == 1 && isAcronym(trimPossessive(words[0])) && len(words[0]) >= 3 && !placeWords[lower(trimPossessive(words[0]))] {
		return true
	}
	for _, w := range words {
		l := lower(trimPossessive(w))
		if orgCues[l] || orgWords[l] && !placeWords[l] {
			return true
		}
	}
	last := lower(trimPossessive(words[len(words)-1]))
	return orgLast[last] && (len(words) > 1 || !pluralOrgLast[last]) // (not "Traders said" alone)
}

// pluralOrgLast end a firm's name, but alone they are people: "Traders said".
var pluralOrgLast = set("traders", "merchants")

// functionWords open a sentence before a name: "But Gazprom", "When Shell".
var functionWords = set("the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "in", "on", "at",
	"it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "if", "when", "while",
	"as", "after", "before", "since", "for", "of", "to", "with", "by", "from", "however", "meanwhile", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "there", "here", "what", "who", "why",
	"how", "where", "which", "all", "no", "not", "yes", "so", "then", "also", "both", "each", "every", "some",
	"many", "most", "more", "other", "such", "only", "just", "asked", "speaking", "according", "although",
	"despite", "under", "over", "about", "because", "last", "one", "two", "three", "several", "earlier",
	"later", "now", "today", "yesterday")

// placeWords are orgWords that name places: "Kyiv" is not a speaker's firm.
var placeWords = set("kiev", "kyiv", "moscow", "washington", "beijing", "london", "paris", "berlin", "brussels",
	"minsk", "russia", "ukraine", "america", "britain", "china", "france", "germany", "europe", "belarus", "iran",
	"israel", "poland", "turkey", "japan", "india", "pakistan", "korea", "syria", "iraq", "afghanistan", "africa", "arabia", "zealand", "district",
	"region", "oblast", "province", "square", "street", "boulevard", "avenue", "fort", "cross", "downing", "hunt", "number")

// placeName reports whether a name is a place or a country, no body that
// speaks: "Spain" is not "the paper".
func placeName(name string) bool {
	l := lower(name)
	_, country := countries[l]
	return placeWords[l] || country
}

// officeTail reports whether the word w after "and" goes on the name of the
// body run: "Ministry of Foreign Affairs and Regional Integration", not
// "Ministry of Defence and NATO" nor "… and Boris Johnson".
func officeTail(run []tok, w *tok) bool {
	of := false
	for k := range run {
		if run[k].low == "of" || run[k].low == "for" {
			of = true // "Ministry of Economy, Trade and Industry", "Ministry for Foreign and European Affairs"
		}
		if run[k].low == "and" {
			return false
		}
	}
	return of && capWord(w) && !w.in(wFirstName|wOrg) && w.text != strings.ToUpper(w.text)
}

// andBody reports whether the "and" at ts[j] joins two words of one
// body's name, the capitalised run ts[i:j] and a run that ends in a word of
// a body: "Customs and Excise Division" (but not "Biden and Putin").
func andBody(ts []tok, i, j int, surnames map[string]bool) bool {
	if j-i > 2 || i > 0 && ts[i-1].low == "and" {
		return false
	}
	for k := i; k < j; k++ {
		if ts[k].in(wFirstName|wPlace|wOrg|wHonorific) || ts[k].in(wRole) && !officeModifiers[ts[k].low] || isPossessive(ts[k].text) || surnames[ts[k].low] {
			// (an office's field may name a body: "Finance and Economy Ministry")
			return false
		}
	}
	// a word of the name, then the body's: "Excise Division" (not "NATO")
	for e := j + 2; e < len(ts) && e <= j+3 && capWord(&ts[e-1]) && !ts[e-1].in(wOrg) && capWord(&ts[e]) && !ts[e].quoted; e++ {
		if ts[e].in(wOrg) && !ts[e].in(wPlace) && (!ts[e].in(wRole) || orgHeads[ts[e].low]) {
			return true
		}
	}
	return false
}

// indexOrgs finds the capitalised runs outside quotes that the article
// shows to be organisations, in text order. Evidence at one mention types
// them all.
func (r *resolver) indexOrgs() {
	ts := r.d.toks
	r.orgKnown = map[string]bool{}
	type run struct {
		a, j      int
		name, key string
	}
	runs := make([]run, 0, 64) // (on the stack while an article has no more)
	// the surnames of full names ("Vladimir Putin"): "Putin said it was" is no firm's
	surnames := map[string]bool{}
	for i := 0; i+1 < len(ts); i++ {
		if capWord(&ts[i+1]) && (capWord(&ts[i]) && ts[i].in(wFirstName) || personalHonorific(&ts[i])) {
			surnames[trimPossessive(ts[i+1].low)] = true
		}
	}
	for i := 0; i < len(ts); {
		if ts[i].quoted || !capWord(&ts[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(ts) && !ts[j].quoted && !isPossessive(ts[j-1].text) && (capWord(&ts[j]) ||
			(ts[j].low == "of" || ts[j].low == "for" || ts[j].low == "&") && j+1 < len(ts) && capWord(&ts[j+1]) ||
			ts[j].low == "on" && j+1 < len(ts) && capWord(&ts[j+1]) && panelWords[ts[j-1].low] && capWord(&ts[j-1]) || // "the Joint Committee on Human Rights"
			ts[j].low == "of" && j+2 < len(ts) && ts[j+1].low == "the" && capWord(&ts[j+2]) && ts[i].in(wOrg) ||
			ts[j].isWord() && ts[j].text[0] >= '0' && ts[j].text[0] <= '9' && len(ts[j].text) <= 2 ||
			ts[j].low == "the" && ts[j-1].low == "of" && j+1 < len(ts) && capWord(&ts[j+1]) && ts[i].in(wOrg) ||
			ts[j].low == "and" && ts[i].in(wOrg) && j+1 < len(ts) && officeTail(ts[i:j], &ts[j+1]) ||
			ts[j].low == "and" && andBody(ts, i, j, surnames) ||
			(ts[j].text == "," || ts[j].low == "and") && ts[i].in(wOrg) && fieldList(ts, i, j)) {
			j++ // "the Office of the President of the Republic"
		}
		for j+1 < len(ts) && !ts[j].quoted && !ts[j].isCap() && nameParticles[ts[j].low] && ts[j].low != "de" && ts[j].low != "la" && capWord(&ts[j+1]) && !ts[j+1].quoted && ts[j-1].isCap() && !ts[j-1].in(wOrg|wRole) {
			// a name's particle after its first name: "Energy Affairs Saad
			// bin Sherida Al Kaabi" is a minister, no body called "… Saad"
			for j += 2; j < len(ts) && capWord(&ts[j]) && !ts[j].quoted; j++ {
			}
		}
		a := i
		for a < j && (ts[a].in(wDet|wLead) || ts[a].in(wNotName) && functionWords[ts[a].low]) {
			a++
		}
		if k := nameBeforeOf(ts[a:j]); k > 0 {
			j = a + k // "Economist Thandiwe Mabaso of the University of Cape Town": a person of a body
		}
		i = j
		if a == j {
			continue
		}
		from := r.d.boff[ts[a].start]
		name := trimPossessive(r.d.body[from:r.d.boff[ts[j-1].end]])
		key := "" // the name in lower case, cut from the lowered body when it can be
		if strings.IndexByte(name, '\n') >= 0 {
			name = trimPossessive(joinToks(ts[a:j]))
		} else if r.d.low != "" {
			key = r.d.low[from : int(from)+len(name)]
		}
		if key == "" {
			key = lower(name)
		}
		if orgFormToks(ts[a:j]) && !honorificRun(ts[a:j]) || r.orgEvidence(a, j, surnames) {
			if _, honor, nm, _ := parseRun(ts[a:j]); honor != "" || len(nm) >= 2 && (nm[0].in(wFirstName) || len(nm) < j-a) {
				// a person's name, with their role: "Labour MP Stephen Pound"
				if !orgFormToks(nm) {
					continue
				}
			}
			r.orgKnown[key] = true
		}
		runs = append(runs, run{a, j, name, key})
	}
	if len(r.orgKnown) == 0 {
		return
	}
	r.orgTok = make([]bool, len(ts))
	for _, rn := range runs {
		if r.orgKnown[rn.key] {
			r.orgs = append(r.orgs, orgMention{tok: rn.a, sent: ts[rn.a].sent, name: rn.name})
			for k := rn.a; k < rn.j; k++ {
				r.orgTok[k] = true
			}
		}
	}
}

// fieldList reports whether ts[j], a comma or "and" after a body's name
// with "of" or "for" in ts[i:j], goes on with the list of its fields:
// "the Department of Agriculture, Environment and Rural Affairs", "the
// Ministry of Economy, Trade and Industry" (not "the Ministry of Defence,
// Boris Johnson and …").
func fieldList(ts []tok, i, j int) bool {
	of := false
	for k := i; k < j; k++ {
		of = of || ts[k].low == "of" || ts[k].low == "for"
	}
	if !of {
		return false
	}
	for k := j; k < len(ts) && k < j+12; {
		sep := ts[k].text == "," || ts[k].low == "and"
		n := 0
		for k+1+n < len(ts) && capWord(&ts[k+1+n]) && !ts[k+1+n].quoted && !ts[k+1+n].in(wFirstName|wRole|wHonorific) {
			n++
		}
		if !sep || n == 0 || n > 3 {
			return false
		}
		if ts[k].low == "and" {
			return true
		}
		k += 1 + n
	}
	return false
}

// panelWords end a body's name that may go on with "on" and its field:
// "the Joint Committee on Human Rights", "the Council on Foreign Relations".
var panelWords = set("committee", "commission", "council", "conference", "panel", "forum", "board", "taskforce")

// orgFormToks is orgForm on tokens.
func orgFormToks(ts []tok) bool {
	if len(ts) == 0 {
		return false
	}
	if len(ts) == 1 && len(ts[0].text) >= 3 && isAcronym(trimPossessive(ts[0].text)) && !ts[0].bareIn(wPlace) {
		return true
	}
	for k := range ts {
		l := trimPossessive(ts[k].low)
		if k == 0 && len(ts) > 1 && ts[0].in(wFirstName) && ts[1].isCap() {
			continue // "Bill Simmelink" is no bill
		}
		if ts[k].bareIn(wOrgCue) || ts[k].bareIn(wOrg) && !ts[k].bareIn(wPlace) { // the word sets of l
			return true
		}
		if l == "&" && k > 0 && k+1 < len(ts) {
			return true // a firm of partners: "Marsh & McLennan", "Procter & Gamble"
		}
	}
	last := &ts[len(ts)-1]
	return last.bareIn(wOrgLast) && (len(ts) > 1 || !pluralOrgLast[trimPossessive(last.low)])
}

// inOrg reports whether every token of ts lies in a mention of an organisation.
func (r *resolver) inOrg(ts []tok, at int) bool {
	if len(ts) == 0 {
		return false
	}
	if r.orgTok != nil {
		all := true
		for k := range ts {
			if !r.orgTok[at+k] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return orgFormToks(ts)
}

func honorificRun(ts []tok) bool {
	_, ok := honorifics[ts[0].low]
	return ok
}

// legalForms end a company's name and are no part of how it is known.
var legalForms = set("pjsc", "ojsc", "jsc", "ag", "gmbh", "llc", "inc", "inc.", "ltd", "ltd.", "plc", "corp", "corp.", "s.a.", "n.v.")

// withoutLegalForm drops the legal form a company's name ends with: "Gazprom
// PJSC" is Gazprom.
func withoutLegalForm(name string) string {
	if i := strings.LastIndexByte(name, ' '); i > 0 && legalForms[lower(name[i+1:])] {
		return strings.TrimRight(name[:i], ",")
	}
	return name
}

// humanApposition reports whether an apposition names a person's office
// before its organisation: "director of the Committee".
func humanApposition(ap []tok) bool {
	for k, t := range ap {
		if t.low == "of" || t.low == "at" || t.low == "for" {
			return k > 0 && humanHead(ap[k-1].low)
		}
	}
	return false
}

// orgEvidence reports whether the words around the run ts[a:j] show it to be
// an organisation.
func (r *resolver) orgEvidence(a, j int, surnames map[string]bool) bool {
	ts := r.d.toks
	// "gas giant Gazprom", "TV channel Five", "monitoring firm Netcraft"
	// (but a nickname tells a person: taxi operator Anderson "Scoop" Harewood)
	if a > 0 && !ts[a-1].quoted && orgHeads[ts[a-1].low] && !ts[a-1].isCap() && !ts[a-1].in(wRole) &&
		!(personNouns[ts[a-1].low] && j-a >= 2 && !ts[j-1].in(wOrg)) && !(j-a == 1 && j < len(ts) && nicknameEnd(ts, j) > 0) &&
		!(j-a >= 2 && j+1 < len(ts) && ts[j].text == "," && ts[j+1].low == "who") {
		// (but "transport operator Leanne Drury, who runs three road
		// trains," is a person: a body is "which")
		// (a "producer" of films is a person: "Final Wars producer Shogo Tomiyama")
		return true
	}
	// "shares in UK Coal", "the chief executive of Barclays", "analyst Alex Potter at Lehman Brothers"
	if a >= 2 && (ts[a-1].low == "in" || ts[a-1].low == "of") && (ts[a-2].low == "shares" || ts[a-2].low == "stake") {
		return true
	}
	if j >= len(ts) {
		return false
	}
	nx := ts[j].low
	if mediaNouns[nx] && nx != "website" && !ts[j].isCap() && !ts[j].quoted && !isPossessive(ts[j-1].text) {
		// "a survey carried out by PC Pro magazine": a title, no person
		// (but "the Xbox website" is a product's)
		return true
	}
	// "Schalke have", "Korn are": a singular name with a plural verb
	if j-a == 1 && (nx == "have" || nx == "are" || nx == "were") && (a == 0 || ts[a-1].low != "and" && ts[a-1].text != "," && ts[a-1].text != "&") &&
		!strings.HasSuffix(ts[a].low, "s") && !ts[a].in(wFirstName) {
		return true
	}
	// "McDonald's, which has"; not a quotation's word: 'said Sella, "which Laporte is doing"'
	if nx == "," && j+1 < len(ts) && ts[j+1].low == "which" && !ts[j+1].quoted {
		return true
	}
	// "Real Madrid midfielder David Beckham", "Tottenham manager Martin Jol"
	if (personNouns[nx] || ts[j].in(wRole) && !ts[j].in(wOrg)) && !ts[j].isCap() && !isPossessive(ts[j-1].text) &&
		j+1 < len(ts) && capWord(&ts[j+1]) && !ts[j-1].in(wPlace) && !ts[j-1].in(wNotName) {
		return true
	}
	// "Barclays, the UK's third-biggest bank,", "Uefa, European football's governing body,"
	if nx == "," && j+1 < len(ts) && !ts[j+1].quoted {
		for m := j + 2; m < len(ts) && m <= j+7 && ts[m].sent == ts[j].sent; m++ {
			if ts[m].text == "," || ts[m].text == "." {
				if orgHeads[ts[m-1].low] && !ts[m-1].in(wRole) && !humanApposition(ts[j+1:m]) && !surnames[trimPossessive(ts[j-1].low)] {
					return true
				}
				break
			}
		}
	}
	// "Gazprom said Tuesday it would", "UK Coal said it was"; not a
	// person's surname ("Putin said it was")
	if ts[a].in(wFirstName) || surnames[trimPossessive(ts[j-1].low)] {
		return false
	}
	for m := j; m < len(ts) && m <= j+3 && ts[m].sent == ts[j].sent; m++ {
		if ts[m].in(wReport | wStance) {
			// the words of a quotation after the verb are no evidence: "Campbell said: “It …”"
			for n := m + 1; n < len(ts) && n <= m+3 && ts[n].sent == ts[j].sent && !ts[n].quoted; n++ {
				if ts[n].low == "it" || ts[n].low == "its" {
					return true
				}
				if ts[n].low == "he" || ts[n].low == "she" || ts[n].low == "they" {
					return false
				}
			}
			break
		}
		if !ts[m].in(wSkip) {
			break
		}
	}
	return false
}

// isOrg reports whether a name is an organisation's, by its form or by what
// the article says of it.
func (r *resolver) isOrg(name string) bool {
	if is, ok := r.orgAnswers[name]; ok {
		return is
	}
	is := r.orgOf(trimPossessive(name))
	if r.orgAnswers != nil {
		r.orgAnswers[name] = is
	}
	return is
}

// orgOf reads whether name, without its possessive, is an organisation's.
func (r *resolver) orgOf(name string) bool {
	if r.orgKnown[lower(name)] {
		return true
	}
	words := strings.Fields(name)
	if len(words) == 1 && isAcronym(name) {
		return true
	}
	return orgForm(words)
}

// fullOrg spells out a short name by an earlier, longer mention: "United"
// after "Manchester United".
func (r *resolver) fullOrg(name string, pos int) string {
	if strings.Contains(name, " ") {
		longer := ""
		for _, o := range r.orgs {
			if (o.tok == pos || o.tok == pos+1) && strings.HasPrefix(o.name, name+",") {
				return o.name // the whole name the phrase cut at its comma: "the Department of Agriculture, Environment and Rural Affairs"
			}
			if o.tok >= pos {
				break
			}
			if clippedFrom(name, o.name) {
				return o.name // "The Auto Club" after "the Automobile Club of Southern California"
			}
			if strings.HasSuffix(o.name, " "+name) {
				longer = o.name // "The Department of Foreign Affairs" after "The FSM Department of Foreign Affairs"
			}
		}
		if longer != "" {
			return longer
		}
		return name
	}
	if isPossessive(name) {
		// "Foster's said" after "brewing giant Foster's Group"
		ts := r.d.toks
		for k := 0; k+1 < len(ts) && k < pos; k++ {
			if ts[k].text == name && !ts[k].quoted && capWord(&ts[k+1]) && ts[k+1].in(wOrg) && !ts[k+1].in(wRole) {
				return name + " " + ts[k+1].text
			}
		}
	}
	for _, q := range r.persons {
		// a firm that bears the name of a person named in full before:
		// "housebuilder George Wimpey … Wimpey said"
		if q.tok < pos && strings.HasSuffix(q.full, " "+name) {
			return q.full
		}
	}
	for _, o := range r.orgs {
		if o.tok >= pos {
			break
		}
		if o.name == name {
			return name
		}
		for _, w := range strings.Fields(o.name) {
			if w == name {
				return o.name
			}
		}
	}
	return name
}

// clippedFrom reports whether short is long's first words, one or more of
// them clipped: "Auto Club" of "Automobile Club of Southern California".
func clippedFrom(short, long string) bool {
	sw, lw := strings.Fields(short), strings.Fields(long)
	if len(sw) >= len(lw) {
		return false
	}
	clipped := false
	for i, w := range sw {
		if !strings.HasPrefix(lw[i], w) || len(w) < 3 {
			return false
		}
		clipped = clipped || len(w) < len(lw[i])
	}
	return clipped
}

// lastOrg resolves a description of an organisation ("the firm", "the
// ministry", "it") to the organisation it refers back to: the subject of one
// of the last sentences when that is an organisation, else the last one
// named; a typed head ("the ministry") must be in the name.
func (r *resolver) lastOrg(pos int, head string) string {
	ts := r.d.toks
	if pos >= len(ts) {
		return ""
	}
	fits := func(name string) bool { return orgFits(name, head) }
	sent := ts[pos].sent
	if r.subjectAll != nil {
		for s := sent; s >= 0 && s >= sent-3; s-- {
			subj := r.subjectAll(s)
			if subj.kind == npDesc && subj.head == head && subj.pos < pos && s < sent && (strings.Contains(subj.name, "'s ") || strings.Contains(subj.name, "’s ") || !startsLower(subj.name) && subj.pos <= r.d.sents[s].tok0+1) {
				// "Russia's defence ministry announced … the ministry said": a
				// body its country names is itself (and "The Russian defence
				// ministry says", but not "Schalke have removed …, the German
				// club announced")
				return subj.name
			}
			if subj.pos >= pos || subj.kind != npOrg && subj.kind != npPerson {
				if s < sent {
					if o := r.statementBy(s, pos); o != "" && fits(o) {
						return r.fullOrg(r.orgName(o), pos) // "In a statement from Lycos Europe …, the company denied …. "…," it said"
					}
				}
				continue
			}
			if subj.kind == npPerson && !r.isOrg(subj.name) && !tradeRole(subj.role) {
				continue // (but "Bookmaker William Hill has stopped …. The firm closed": a business by its trade)
			}
			name := r.orgName(bodyAfter(trimPossessive(subj.name)))
			for _, o := range r.orgs {
				if o.tok >= subj.pos-3 && o.tok <= subj.pos+3 && strings.Contains(o.name, trimPossessive(subj.name)) {
					name = r.orgName(o.name)
					break
				}
			}
			if name != "" && fits(name) && !placeName(name) {
				if placed := r.seatIn(np{name: name, pos: subj.pos}); placed != "" {
					return placed // "the Russian Embassy in Ottawa said … the embassy said"
				}
				return r.fullOrg(name, subj.pos)
			}
		}
	}
	for k := len(r.orgs) - 1; k >= 0; k-- {
		o := r.orgs[k]
		if o.tok >= pos || o.sent < sent-8 {
			continue
		}
		if fits(o.name) && !placeName(o.name) {
			if placed := r.seatIn(np{name: o.name, pos: o.tok}); placed != "" {
				return placed
			}
			return r.orgName(o.name)
		}
	}
	return ""
}

// statementBy gives the body that sentence s, before token pos, says
// issued a statement: "In a statement from Lycos Europe", "The statement
// issued by Lycos" (spelt as fully as the article does before); else "".
func (r *resolver) statementBy(s, pos int) string {
	ts := r.d.toks
	for m := r.d.sents[s].tok0; m+1 < pos && m+1 < r.d.sents[s].tok1; m++ {
		if ts[m].quoted || ts[m].low != "from" && ts[m].low != "by" || !capWord(&ts[m+1]) || ts[m+1].in(wRole|wFirstName) ||
			!(m >= 1 && docHeads[ts[m-1].low] || m >= 2 && ts[m-1].low == "issued" && docHeads[ts[m-2].low]) {
			continue
		}
		e := m + 1
		for e < len(ts) && e < m+5 && capWord(&ts[e]) && !ts[e].quoted && !isPossessive(ts[e-1].text) {
			e++
		}
		name := trimPossessive(joinToks(ts[m+1 : e]))
		if e == m+2 {
			// a short name spelt out before: "Lycos" after "Lycos Europe's campaign"
			for k := 0; k+1 < m; k++ {
				if ts[k].text == ts[m+1].text && !ts[k].quoted && capWord(&ts[k+1]) && !ts[k+1].quoted && !ts[k+1].in(wRole|wOrg) {
					name += " " + trimPossessive(ts[k+1].text)
					break
				}
			}
		}
		ln := lower(name)
		for _, q := range r.persons {
			if q.full == name || q.sur == ln {
				return "" // "a statement from Mr Ryan": his words are no body's
			}
		}
		return name
	}
	return ""
}

// bodyAfter is the body a phrase in lower case names after "by" or "from":
// "figures published by the Bermuda Civil Aviation Authority" is the
// authority; a name is itself.
func bodyAfter(name string) string {
	if name == "" || !startsLower(name) {
		return name
	}
	for _, sep := range []string{" by the ", " from the ", " by ", " from "} {
		if i := strings.LastIndex(name, sep); i >= 0 {
			return name[i+len(sep):]
		}
	}
	return name
}

// orgFits reports whether a description's head fits an organisation's
// name: any name fits "the company", only a ministry "the ministry".
func orgFits(name, head string) bool {
	l := lower(name)
	return !orgTyped[head] || strings.Contains(l, head) || head == "party" && partyNames[l[strings.LastIndexByte(l, ' ')+1:]] ||
		head == "union" && unionAcronym(name)
}

// unionAcronym reports whether a name holds a union's initials, a U
// after the first letter: "NFU Scotland", "the NUT", "CWU" (not "UEFA",
// "UKIP", "the UNHCR", and not a party's: "the DUP").
func unionAcronym(name string) bool {
	for _, w := range strings.Fields(name) {
		if len(w) >= 3 && len(w) <= 5 && strings.ToUpper(w) == w && strings.ToLower(w) != w && strings.ContainsRune(w[1:], 'U') && !partyNames[strings.ToLower(w)] && !partyAcronyms[w] {
			return true
		}
	}
	return false
}

// partyAcronyms are parties by initials with a U after the first letter.
var partyAcronyms = set("DUP", "UUP", "SDLP", "TUV")

// tradeRole reports whether a role before a name says the name is a
// business's: "Bookmaker William Hill", "retailer Marks & Spencer".
func tradeRole(role string) bool {
	f := strings.Fields(lower(role))
	return len(f) > 0 && tradeWords[f[len(f)-1]]
}

var tradeWords = set("bookmaker", "bookmakers", "retailer", "carmaker", "airline", "supermarket", "insurer", "lender", "broadcaster", "publisher", "brewer", "chipmaker", "automaker", "carrier", "operator")

// orgNamedBefore reports whether an organisation that fits head is named in
// the eight sentences before token pos, as lastOrg's last resort looks.
func (r *resolver) orgNamedBefore(pos int, head string) bool {
	sent := r.d.toks[pos].sent
	for _, o := range r.orgs {
		if o.tok < pos && o.sent >= sent-8 && orgFits(o.name, head) && !placeName(o.name) {
			return true
		}
	}
	return false
}

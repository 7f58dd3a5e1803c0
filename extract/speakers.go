package extract

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Kinds of noun phrase that can name a speaker.
const (
	npNone = iota
	npPerson
	npPronoun
	npOrg
	npDesc
)

// np is a noun phrase parsed from the words around a quotation.
type np struct {
	kind     int
	mention  string // as written, without leading conjunctions
	name     string // person: the name without honorific or role; org/desc: the phrase without determiner
	role     string
	honor    string // lower-case honorific ("ms", "lord")
	gender   byte   // 'm', 'f' or 0
	head     string // desc: the role noun ("president", "spokesman")
	definite bool   // desc starts with "the"
	pos      int    // token index where the phrase starts
	blocked  bool   // none: the governing verb's subject is no one the article names
	parts    *[2]np // person: the two of a joint subject ("William Harrison and James Dimon")
}

// person is a named person mentioned outside quotes, for resolving surnames,
// pronouns and descriptions ("the President").
type person struct {
	tok    int
	sent   int
	full   string
	gender byte
	role   string // lower case
	sur    string // lower-case surname, and its canonical spelling
	surC   string
	poss   bool   // named as a possessive ("Tony Blair's spokesman")
	evid   bool   // some mention shows it is a person's name: a gender, a role, an honorific, speech
	office string // the office whosWho knows they held on the article's day
}

type resolver struct {
	day         time.Time         // the article's date, zero when unknown: whosWho's offices hold on it
	lastSpeaker string            // the speaker of the last quote attributed
	quoteSpan   [2]int            // the runes of the quote being attributed: one its words name is not the one a description stands for
	subject     func(sent int) np // a sentence's subject: a name, an organisation, a definite description
	subjectAll  func(sent int) np // the same, indefinite descriptions too ("A Labour Party spokesman")
	acronyms    map[string]string
	glosses     map[string]string      // a word in brackets after a name: "the Greek Athletics Federation (Segas)"
	canon       map[string]string      // canonical's answers
	later       map[string][]laterName // lower-case surname → "First Last" mentions
	laterFirst  map[string]string      // first name → its one "First Last" in later, "" when two (byFirstName)
	honored     map[string]bool        // lower-case words after "Mr", "Ms", "Dr": the surnames people go by (honoredSurname)
	d           *doc
	persons     []person
	aliases     *Aliases
	orgKnown    map[string]bool   // lower-case names the article shows to be organisations
	orgAnswers  map[string]bool   // isOrg's answers once the organisations are indexed (nil before)
	orgs        []orgMention      // their mentions outside quotes, in text order
	orgTok      []bool            // per token: in a mention of an organisation
	known       map[string]bool   // full names with evidence of a person (knownPerson), once persons are indexed
	bareSpeaks  map[string]int    // one-word names and how often a verb of speech follows them (speaksBare)
	kinIntro    map[string]int    // first names after "his son", "her daughter": where each is first given (kinFirstName)
	variants    map[string]string // variant's answers once persons are indexed (nil before)
	lowerWords  map[string]bool   // commonWordAt's answers: does the article write the word in lower case
}

// canonical is aliases.Canonical, remembered for the article: the
// resolvers ask for the same few names again and again.
func (r *resolver) canonical(name string) string {
	if c, ok := r.canon[name]; ok {
		return c
	}
	if r.canon == nil {
		r.canon = make(map[string]string, 16)
	}
	c := r.aliases.Canonical(name)
	r.canon[name] = c
	return c
}

// lowerCanonical is lower(r.canonical(name)) given low, lower(name): most
// names have no other spelling, and their lower case is made already.
func (r *resolver) lowerCanonical(name, low string) string {
	if c := r.canonical(name); c != name {
		return lower(c)
	}
	return low
}

// genderOfName finds the gender the article gives a full name.
func (r *resolver) genderOfName(full string) byte {
	if full == "" {
		return 0
	}
	for _, p := range r.persons {
		if p.gender != 0 && (p.full == full || r.canonical(p.full) == full) {
			return p.gender
		}
	}
	ws := strings.Fields(full)
	for _, w := range ws[:max(len(ws)-1, 0)] {
		if g := genderOf(w, ""); g != 0 {
			return g
		}
	}
	return 0
}

// titleWords are the ranks abbreviated titles stand for. (Not "Sen.": a
// story names several senators, and "the senator" is the one it is about,
// which the role alone would not find.)
var titleWords = map[string]string{"adm": "admiral", "gen": "general", "lt": "lieutenant", "col": "colonel", "capt": "captain",
	"sgt": "sergeant", "maj": "major", "gov": "governor", "lt-col": "lieutenant colonel", "lt-gen": "lieutenant general", "maj-gen": "major general",
	"brig-gen": "brigadier general", "lt-cdr": "lieutenant commander", "brig": "brigadier", "cpl": "corporal", "l/cpl": "lance corporal", "pte": "private"}

func trimPossessive(s string) string {
	// every possessive ends in s, ' or the last byte of ’ (0x99); the test
	// inlines, the rest is apart
	if len(s) >= 2 {
		switch s[len(s)-1] {
		case 's', '\'', 0x99:
			return trimPossessiveEnd(s)
		}
	}
	return s
}

func trimPossessiveEnd(s string) string {
	for _, suf := range [...]string{"'s", "’s"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	if strings.HasSuffix(s, "s'") {
		return s[:len(s)-1]
	}
	if strings.HasSuffix(s, "s’") {
		return s[:len(s)-len("’")]
	}
	return s
}

func isPossessive(s string) bool {
	return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s")
}

func joinToks(ts []tok) string {
	if len(ts) == 1 {
		return ts[0].text // (no new string)
	}
	n := len(ts) // the texts and the spaces between them: one allocation
	for k := range ts {
		n += len(ts[k].text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range ts {
		if i > 0 && ts[i-1].text != "(" && (t.isWord() || t.text == "(" || t.text == "&") {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// nameText writes a person's name: "Teodoro Locsin Jr.", with the full
// stop the article gives the abbreviated suffix ("Larry Mullen Jr" has none).
func nameText(name []tok) string {
	s := joinToks(name)
	if t := &name[len(name)-1]; (t.low == "jr" || t.low == "sr") && t.hasDot() {
		s += "."
	}
	return s
}

func capWord(t *tok) bool {
	// "I" is capitalised and never a name: "A young soldier I met … was"
	return t.isCap() && t.isWord() && t.text != "I"
}

// seatHeads are members named by the seat they hold: "the MP for Henley".
var seatHeads = set("mp", "msp", "mla", "mep", "td", "member", "senator", "congressman", "congresswoman", "representative", "councillor")

// bodyNamedHead is the person a body's name ends in, from the connector
// inside the name: "for Constitutional Affairs spokeswoman" gives
// spokeswoman; else "".
func bodyNamedHead(ts []tok) string {
	n := len(ts)
	if n < 3 {
		return ""
	}
	last := &ts[n-1]
	if last.isCap() || !(roleWords[last.low] || personNouns[last.low] || spokesHeads[last.low]) {
		return ""
	}
	for k := 1; k < n-1; k++ {
		if !capWord(&ts[k]) && !roleConnectors[ts[k].low] {
			return ""
		}
	}
	return last.low
}

// seatFor returns the index of "for" in "(the|a) [party] MP for SEAT" or
// "Member for SEAT", or -1.
func seatFor(seg []tok) int {
	f := 1
	if len(seg) < 3 || !seg[0].isCap() || !seatHeads[seg[0].low] || seg[1].low != "for" || !capWord(&seg[2]) {
		if len(seg) < 4 || !seg[0].in(wDet) {
			return -1
		}
		for f = 2; f < len(seg)-1 && f <= 3 && !(seg[f].low == "for" && seatHeads[seg[f-1].low]); f++ {
		}
		if f > 3 || f >= len(seg)-1 {
			return -1
		}
	}
	for k := f + 1; k < len(seg); k++ {
		if !capWord(&seg[k]) && !roleConnectors[seg[k].low] || f == 1 && seg[k].in(wFirstName) {
			return -1 // (with no article the member's name may follow: "Member for Hinkler Keith Pitt")
		}
	}
	return f
}

// parseRun splits a run of capitalised words (and the connectors inside
// it) into role and name: "White House Press Secretary Jen Psaki" gives role
// "White House Press Secretary" and name "Jen Psaki".
func parseRun(ts []tok) (role []tok, honor string, name []tok, org bool) {
	for i := 0; i+3 < len(ts); i++ {
		// the Kremlin's pages repeat a speaker's name, surname first, glued
		// to the role: "Sergei Naryshkin Naryshkin SergeiDirector of …"
		if a, glued := ts[i].text, ts[i+3].text; ts[i+2].text == ts[i+1].text && len(glued) > len(a) &&
			strings.HasPrefix(glued, a) && startsUpper(glued[len(a):]) {
			ts = ts[:i+2]
			break
		}
	}
	if m, n := malayHonorific(ts); n > 0 {
		// "Foreign Minister Datuk Seri Saifuddin Abdullah": a title of
		// honour between the office and the name, no part of either
		if role, _, name, org = parseRun(append(ts[:m:m], ts[m+n:]...)); len(name) > 0 {
			honor = ts[m].low
		}
		return
	}
	var suffix []tok // "Silvestre Bello 3rd": part of the name, in lower case
	if n := len(ts); n > 2 && generational[ts[n-1].low] && !capWord(&ts[n-1]) && capWord(&ts[n-2]) {
		ts, suffix = ts[:n-1], ts[n-1:]
	}
	for len(ts) > 2 && postNominals[strings.TrimSuffix(ts[len(ts)-1].low, ".")] && capWord(&ts[len(ts)-2]) {
		ts = ts[:len(ts)-1] // "Guy Mansfield QC"
	}
	if suffix != nil {
		defer func() {
			if len(name) >= 2 {
				name = append(name[:len(name):len(name)], suffix...)
			}
		}()
	}
	if purposeOrg(ts) {
		return nil, "", nil, true
	}
	if n := len(ts); n >= 2 && ts[n-1].bareIn(wOrgLast) && !ts[n-1].bareIn(wRole) && capWord(&ts[n-1]) && capWord(&ts[n-2]) && !personalHonorific(&ts[0]) {
		return nil, "", nil, true // "Christian Aid", "Manchester United": a body by its last word
	}
	end := len(ts)
	k := end
	for k > 0 {
		w := &ts[k-1] // its word sets are those of the word without its possessive
		if w.bareIn(wOrg|wNotName|wHonorific) && !w.bareIn(wRole) && k == end && k >= 2 && capWord(&ts[k-1]) && personalHonorific(&ts[k-2]) {
			// a surname that is also a word, after "Mr" or "Ms": "Ms King",
			// "Mr Bush" (but "Mr President" is an office)
			k--
			break
		}
		if w.bareIn(wOrg|wNotName|wRole) && k == end && k >= 2 && capWord(&ts[k-1]) && ts[k-2].in(wFirstName) && !ts[k-2].in(wRole) {
			// a surname that is also a word: "Theresa May", "Andrew Green",
			// "Jeremy Hunt", "John Major", "Grant Dean"
			k--
			continue
		}
		if w.bareIn(wOrg|wNotName) && !w.bareIn(wRole) && k == end-1 && k >= 2 && capWord(&ts[k-1]) && ts[k-2].in(wFirstName) && !ts[k-2].in(wRole) && !ts[end-1].bareIn(wOrg|wNotName|wRole) {
			// a middle name that is also a word: "Charles Washington Misick"
			k--
			continue
		}
		if w.bareIn(wOrg) && w.bareIn(wFirstName) && k == end-1 && capWord(&ts[k-1]) && (k == 1 || isPossessive(ts[k-2].text) || ts[k-2].in(wRole)) {
			k-- // "Fox TV's Bill O'Reilly": a first name that is also a word
			break
		}
		if nameParticles[ts[k-1].text] && k < end {
			j := k - 1 // "Renaud Donnedieu de Vabres", "Ursula von der Leyen"
			for j > 0 && nameParticles[ts[j-1].text] {
				j--
			}
			if j >= 1 && capWord(&ts[j-1]) && !ts[j-1].in(wRole|wOrg|wNotName) {
				k = j
				continue
			}
		}
		if k == end-1 && w.bareIn(wRole) && w.in(wFirstName) && !w.bareIn(wHonorific) && capWord(w) && (k == 1 || !capWord(&ts[k-2]) && !ts[k-2].in(wRole)) && !ts[end-1].in(wRole|wOrg|wFirstName) {
			k-- // a first name that is also an office: "…, Dean Boyd, said"
			break
		}
		if k == end-1 && nationalFirst(ts, k) {
			k-- // "Minister of Energy German Galushchenko": a first name, with no office after it
			continue
		}
		if k == 1 && end == 2 && w.bareIn(wNotName) && w.in(wFirstName) && capWord(w) && !ts[1].in(wRole|wOrg|wNotName|wPlace) {
			k-- // a first name that never begins a name alone: "Christian Jasperneite"
			break
		}
		if w.bareIn(wRole|wOrg|wNotName) || w.bareIn(wConnector) && !(nameParticles[trimPossessive(w.low)] && capWord(w)) || !capWord(w) {
			if placePrefix[w.low] && capWord(w) && end-k >= 3 {
				k++ // "Member for New England Barnaby Joyce": the place's second word
			}
			break // a capitalised particle is a first name: "Al Breach"
		}
		if w.bareIn(wHonorific) && !(k == end && k >= 2 && (ts[k-2].in(wFirstName) ||
			capWord(&ts[k-2]) && !ts[k-2].in(wRole|wOrg|wNotName|wHonorific|wConnector) && !isPossessive(ts[k-2].text))) {
			break // "Mervyn King", "Kristin King": a title comes before a name, not after
		}
		if k < end && k >= 2 && ts[k-2].low == "of" && countryWord(w.low) {
			break // "President of the Republic of Lithuania Gitanas Nausėda"
		}
		if k < end && (hyphenAdjective(w.low) || hyphenHolder(w.low)) {
			break // "the Oscar-nominated Owen", "Kremlin-backed", "Oscar-winner Andrea Arnold"
		}
		if k < end && trimPossessive(w.low) != w.low {
			break // "Yahoo's Yonca Brunini": the owner is no part of the name
		}
		k--
	}
	name = ts[k:end]
	if len(name) >= 3 && k == 0 && (personNouns[name[0].low] || nationalNouns[name[0].low]) && !name[0].in(wFirstName|wOrg) && !isPossessive(name[0].text) {
		name, k = name[1:], 1 // "Drummer Larry Mullen Jr", "Australian Lynton Crosby": what he is, then who
	}
	if len(name) >= 3 && !name[0].in(wFirstName) && !initialsWord(name[0].text) && !(k > 0 && (ts[k-1].in(wHonorific) || ts[k-1].in(wRole) && strings.HasSuffix(ts[k-1].text, ".") ||
		ts[k-1].in(wOrg) && !ts[k-1].in(wRole) && k >= 3 && ts[k-3].in(wConnector))) {
		// "Man-of-the-match Stephen Jones", "(Minister for the Reintegration
		// of the Temporarily) Occupied Territories Iryna Vereshchuk": words
		// before a first name that starts the last two are no part of it,
		// unless a title opens the name ("Dr Lolwah Rashid al-Khater", "Gov.
		// Lou Leon Guerrero")
		for f := 1; f+2 <= len(name); f++ {
			if name[f].in(wFirstName) {
				if f+2 == len(name) || f == 1 {
					name, k = name[f:], k+f
				}
				break
			}
		}
	}
	k0 := k
	if len(name) == 1 && k > 1 && (ts[k-1].low == "the" || ts[k-1].low == "of") {
		// "Secretary of State for the Family": a word of the office, not a name
		name = nil
		k = end
	}
	if k >= 2 && len(name) > 0 && ts[k-1].in(wConnector) && ts[k-2].in(wOrg) && (!ts[k-2].in(wRole) || orgTyped[ts[k-2].low]) {
		// "Ministry of Economic Development", "Bank of England": no name
		name = nil
		k = end
		if bodyThenName(ts[k0:end]) {
			// "Minister of Foreign Affairs and External Trade Jeremiah
			// Manele": the office's last words, then the one who holds it
			name, k = ts[end-2:end], end-2
		}
	}
	if len(name) == 1 && k >= 2 && bodyAdjectives[ts[k-1].low] && capWord(&ts[k-1]) && orgFormToks(ts[:k]) {
		// "Ministry of Foreign Affairs and International Cooperation": the
		// last word of a body's name
		name = nil
		k = end
	}
	if k > 0 && len(name) >= 3 && ts[k-1].in(wConnector) {
		name = name[1:]
		k++
	}
	if k > 0 {
		if ts[k-1].in(wHonorific) && len(name) > 0 {
			honor = ts[k-1].low
			k--
		}
	}
	role = ts[:k]
	for len(role) > 0 && (role[len(role)-1].in(wConnector) || role[len(role)-1].text == ",") {
		role = role[:len(role)-1]
	}
	if n := len(role); n > 0 && honor == "" && len(name) > 0 && namedBodies[role[n-1].low] && capWord(&role[n-1]) && !name[0].in(wFirstName) {
		// "the International Charitable Foundation Return Alive": the
		// foundation's own name, no person
		return nil, "", nil, true
	}
	if len(name) == 0 {
		for i := range ts {
			if ts[i].bareIn(wOrg) || i == len(ts)-1 && ts[i].bareIn(wOrgLast) { // "Amnesty International"
				org = true
			}
		}
		if len(ts) > 0 && ts[0].in(wRole) && !(len(ts) == 2 && ts[1].bareIn(wOrg) && !ts[1].bareIn(wRole)) {
			org = false // "Foreign Minister", not "General Electric" or "General Staff"
		}
	}
	return
}

// anyIn reports whether any of ts is in the word classes c.
func anyIn(ts []tok, c wclass) bool {
	for k := range ts {
		if ts[k].in(c) {
			return true
		}
	}
	return false
}

// monthFirstName reports whether a name in apposition opens with a month
// that is a first name: "Its president, June Alderson, said".
func monthFirstName(run []tok) bool {
	return len(run) == 2 && monthFirstNames[run[0].low] && capWord(&run[0]) && capWord(&run[1]) && !run[1].in(wRole|wOrg|wNotName)
}

var monthFirstNames = set("april", "may", "june")

// placePrefix words open a place name of two words: "New England", "North Yorkshire".
var placePrefix = set("new", "north", "south", "east", "west")

// bodyThenName reports whether the capitalised words after a body's "and"
// end in a name of two words after the body's own: "External Trade
// Jeremiah Manele" (but not "International Cooperation").
func bodyThenName(ws []tok) bool {
	n := len(ws)
	if n < 3 {
		return false
	}
	body := false
	for k := 0; k < n-2; k++ {
		body = body || ws[k].bareIn(wOrg|wRole)
	}
	for k := n - 2; k < n; k++ {
		if t := &ws[k]; t.bareIn(wOrg|wRole|wNotName|wConnector|wPlace) || bodyAdjectives[t.low] || !capWord(t) {
			return false
		}
	}
	return body || n >= 4 || ws[n-2].in(wFirstName)
}

// namedBodies are kinds of body whose own name may follow the word: "Fund
// Come Back Alive", "Foundation Return Alive".
var namedBodies = set("foundation", "fund", "trust", "charity", "movement", "initiative", "campaign", "project", "programme")

// malayHonorific finds a Malaysian title of honour before a name ("Datuk
// Seri", "Tan Sri", "Dato'"): its start and length, or length 0. "Seri"
// and "Sri" alone are names ("Sri Mulyani Indrawati").
func malayHonorific(ts []tok) (int, int) {
	for m := 0; m+2 < len(ts); m++ {
		n := 0
		switch ts[m].low {
		case "datuk", "dato", "dato'", "datin", "tun", "puan", "encik":
			n = 1 // "Puan" and "Encik" are Mrs and Mr
		case "tan":
		default:
			continue
		}
		if w := ts[m+1].low; w == "seri" || w == "sri" {
			n = 2
		}
		if n > 0 && m+n < len(ts) && capWord(&ts[m+n]) {
			return m, n
		}
	}
	return 0, 0
}

// personalHonorific reports whether t is "Mr", "Ms", "Dr" or the like: a
// title a surname follows, unlike "Lord" or "King".
func personalHonorific(t *tok) bool {
	return t.in(wHonorific) && !peerHonorific[t.low] && !t.in(wRole)
}

// initialsWord reports whether w is initials written as one word that
// open a name: "AK Abdul Momen", "JK Rowling".
func initialsWord(w string) bool {
	if w == "" || len(w) > 3 || w == "A" || w == "I" || w == "O" {
		return false // (one letter is an initial too: "US ambassador W Patrick Murphy")
	}
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// fullNameEnds reports whether a run is a role and a name of two words or
// more: "President of the Republic of Lithuania Gitanas Nausėda".
func fullNameEnds(run []tok) bool {
	_, _, name, org := parseRun(run)
	return !org && len(name) >= 2 && !opensNoName(name)
}

// hyphenAdjective reports whether a word is an adjective made with a
// hyphen: "oscar-nominated", "paris-based", "award-winning" (not the
// second part of a name, "chui-cheng").
func hyphenAdjective(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i < 0 {
		return false
	}
	a := w[i+1:]
	return len(a) >= 4 && strings.HasSuffix(a, "ed") || len(a) >= 5 && strings.HasSuffix(a, "ing") || a == "born" || a == "run" || a == "led" || hyphenKinds[a]
}

// hyphenKinds end adjectives that say what kind a thing is: "Indian-style",
// "Soviet-era", "EU-wide", or how old one is: "Ten-year-old".
var hyphenKinds = set("style", "era", "wide", "like", "type", "old")

// hyphenHolder reports whether a hyphenated word says what a person won,
// holds or is: "oscar-winner", "nobel-laureate", "co-founder".
func hyphenHolder(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && (holderNouns[w[i+1:]] || personNouns[w[i+1:]])
}

var holderNouns = set("winner", "nominee", "laureate", "holder", "medallist", "medalist")

// bodyAdjectives qualify the last word of a body's name: "International
// Cooperation", "National Security".
var bodyAdjectives = set("international", "national", "federal", "royal", "public", "economic", "social", "regional", "internal")

// purposeOrg reports whether a run names an organisation by what it is for,
// with no one in it: "(The) Center for Strategic Communications and
// Information Security", not "Ministry of Defence spokesman Igor Konashenkov".
func purposeOrg(ts []tok) bool {
	if len(ts) > 0 && ts[0].low == "the" {
		ts = ts[1:]
	}
	if len(ts) <= 2 || !ts[0].in(wOrg) || ts[0].in(wRole) || ts[1].low != "for" && ts[1].low != "of" {
		return false
	}
	for m, t := range ts {
		if w := trimPossessive(t.low); roleWords[w] && !orgWords[w] {
			return false
		}
		if m >= 2 && m+1 < len(ts) && ts[m-1].low == "of" && countryWord(t.low) {
			return false // "(President of the) Republic of Lithuania Gitanas Nausėda": a name after the country
		}
	}
	return true
}

// nationalFirstName finds a one-word name that ends a run with a nationality
// word before it that is its first name: "Economy minister German
// Gref", where a nationality after the office cannot describe the person
// ("German Chancellor Olaf Scholz" puts it before).
// It returns the role and name parseRun gave, or the run split again.
func nationalFirstName(run, role, name []tok, roleBefore bool) ([]tok, []tok) {
	n := len(run)
	if len(name) == 1 && n >= 2 && nationalNouns[run[n-2].low] && capWord(&run[n-2]) &&
		(n >= 3 && run[n-3].in(wRole) || n == 2 && roleBefore) {
		return run[:n-2], run[n-2:]
	}
	return role, name
}

// opensNoName reports whether a parsed name starts with a word that never
// begins one; a nationality does in "German Gref".
func opensNoName(name []tok) bool {
	return name[0].in(wNotName) && !(len(name) == 2 && (nationalNouns[name[0].low] || monthFirstNames[name[0].low] || name[0].in(wFirstName))) ||
		len(name) >= 2 && len(name[0].low) > 5 && strings.HasSuffix(name[0].low, "ing") && !name[0].in(wFirstName) // "Finding Neverland"
}

// saintsPlace reports whether a name is a saint's church, college or
// school: "the minister at St John's".
func saintsPlace(name []tok) bool {
	first := strings.TrimSuffix(name[0].low, ".")
	return len(name) == 2 && (first == "st" || first == "saint") && isPossessive(name[1].text)
}

// workNouns name a work whose title follows: "the film Vera Drake".
var workNouns = set("film", "movie", "album", "novel", "play", "song", "single", "show", "series", "musical", "opera",
	"documentary", "sitcom", "drama", "comedy", "thriller", "book")

// relationHeads name someone by their relation to another: "an associate of",
// "a spokesman for", "the wife of".
var relationHeads = set("associate", "ally", "spokesman", "spokeswoman", "spokesperson", "lawyer", "lawyers",
	"aide", "aides", "adviser", "advisor", "wife", "husband", "son", "daughter", "brother", "sister", "friend",
	"colleague", "supporter", "supporters", "critic", "critics", "representative", "biographer", "father", "mother", "agent",
	"father-in-law", "mother-in-law", "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law")

// fieldBefore gives where an office's field in lower case starts, when it
// ends just before the name at ts[a]: "on economic issues" of "Adviser to the
// President of Ukraine on economic issues Oleg Ustenko"; else 0.
func fieldBefore(ts []tok, a int) int {
	if a < 3 || !fieldEnds[ts[a-1].low] {
		return 0
	}
	for b := a - 2; b >= 1 && b >= a-5; b-- {
		if ts[b].low == "on" || ts[b].low == "for" {
			if capWord(&ts[b-1]) {
				return b
			}
			return 0
		}
		if !ts[b].isWord() || ts[b].isCap() || ts[b].quoted {
			return 0
		}
	}
	return 0
}

// fieldEnds end the field of an office: "on economic issues".
var fieldEnds = set("issues", "affairs", "matters", "questions", "policy")

// kinNouns say the gender of the person they stand in apposition to:
// "Azmat Begg, father of Moazzam,", "His father, Ramesh Kumar,".
var kinNouns = map[string]byte{"father": 'm', "son": 'm', "brother": 'm', "husband": 'm', "uncle": 'm',
	"grandfather": 'm', "grandson": 'm', "nephew": 'm', "boyfriend": 'm', "stepfather": 'm', "stepson": 'm',
	"stepbrother": 'm', "widower": 'm', "mother": 'f', "daughter": 'f', "sister": 'f', "wife": 'f', "aunt": 'f',
	"grandmother": 'f', "granddaughter": 'f', "niece": 'f', "girlfriend": 'f', "stepmother": 'f',
	"stepdaughter": 'f', "stepsister": 'f', "widow": 'f', "father-in-law": 'm', "son-in-law": 'm', "brother-in-law": 'm',
	"mother-in-law": 'f', "daughter-in-law": 'f', "sister-in-law": 'f', "mum": 'f', "dad": 'm', "great-grandmother": 'f', "great-grandfather": 'm'}

// appositionGender reads the gender of the name ts[a:j] from a kinship noun
// set beside it by a comma: after it, a few words on ("Janie Hendrix, the
// guitarist's stepsister,"), or just before it ("His father, Ramesh Kumar,").
func appositionGender(ts []tok, a, j int) byte {
	if j+1 < len(ts) && ts[j].text == "," {
		for m := j + 1; m < len(ts) && m <= j+6; m++ {
			if g := kinNouns[ts[m].low]; g != 0 {
				return g
			}
			if g := genderedNouns[ts[m].low]; g != 0 {
				return g // "Kannika Srisuk, 38, a masseuse from Udon Thani"
			}
			if ts[m].text == "," && m == j+2 && ts[m-1].isWord() && unicode.IsDigit([]rune(ts[m-1].text)[0]) {
				continue // the age: "Kannika Srisuk, 38, a masseuse"
			}
			if !ts[m].isWord() || ts[m].quoted || relativeWords[ts[m].low] || ts[m].low == "to" || phrasePreps[ts[m].low] {
				// "Keanu Reeves, who presented the best actress award,";
				// "Leslie Grantham, hand divorce papers to wife Angie"
				break
			}
		}
	}
	if a >= 2 && ts[a-1].text == "," {
		if g := kinNouns[ts[a-2].low]; g != 0 && (a < 3 || ts[a-3].in(wDet) || ts[a-3].para || ts[a-3].text == ".") {
			return g
		}
	}
	if a >= 2 && isPossessive(ts[a-2].text) {
		return kinNouns[ts[a-1].low] // "Anjali's father Rajesh Verma"
	}
	return 0
}

// clauseGender is the gender of the first pronoun in the sentence after a
// name that opens it (ending before ts[j]) with no other person's name before it: "Anjali Shrestha, 21,
// from Pokhara, is in her second year".
func clauseGender(ts []tok, name []tok, j int) byte {
	for k := range name {
		if name[k].in(wOrg|wPlace) || functionWords[name[k].low] {
			return 0 // "Belmarsh Prison", "Near Avdiivka"
		}
	}
	for m := j; m < len(ts) && m < j+16 && (m == j || ts[m].sent == ts[m-1].sent); m++ {
		t := &ts[m]
		if t.quoted || t.in(wFirstName|wHonorific) && t.isCap() || t.low == "and" || t.low == "or" ||
			t.in(wRole) || personNouns[t.low] || t.low == "we" || t.low == "they" || t.low == "i" || t.low == "who" {
			return 0 // someone else the pronoun may be: "we met a soldier who gave his name"
		}
		switch t.low {
		case "he", "his", "him", "himself":
			return 'm'
		case "she", "her", "hers", "herself":
			return 'f'
		}
	}
	return 0
}

// saidPronoun reads the sex of one named just before ts[j] from the pronoun
// that opens what they said: "Bernie Maguire (74) said she had".
func saidPronoun(ts []tok, j int) byte {
	if j+3 < len(ts) && (ts[j].text == "," || ts[j].text == "(") && allDigits(ts[j+1].text) && (ts[j+2].text == "," || ts[j+2].text == ")") {
		j += 3 // an age between: "Bernie Maguire (74) said", "Ann Ross, 63, said"
	}
	if j+1 >= len(ts) || !ts[j].in(wReport) || ts[j].quoted || ts[j+1].sent != ts[j].sent {
		return 0
	}
	switch ts[j+1].low {
	case "he":
		return 'm'
	case "she":
		return 'f'
	}
	return 0
}

// genderedNouns say a person's sex in a role or an apposition.
var genderedNouns = map[string]byte{"spokesman": 'm', "spokeswoman": 'f', "chairwoman": 'f',
	"businessman": 'm', "businesswoman": 'f', "congressman": 'm', "congresswoman": 'f', "actress": 'f',
	"masseuse": 'f', "waitress": 'f', "policeman": 'm', "policewoman": 'f', "sportsman": 'm', "sportswoman": 'f',
	"fisherman": 'm', "king": 'm', "queen": 'f', "prince": 'm', "princess": 'f', "duchess": 'f', "monk": 'm',
	"nun": 'f', "mother-of-two": 'f', "mother-of-three": 'f', "father-of-two": 'm', "father-of-three": 'm',
	"grandmother": 'f', "grandfather": 'm', "housewife": 'f', "headmistress": 'f', "headmaster": 'm'}

// postedHeads are people whose place is where they serve, not who they are:
// "a Western diplomat in Kyiv" is a Western diplomat.
var postedHeads = set("diplomat", "diplomats", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
	"source", "sources", "envoy", "ambassador", "correspondent", "official's", "diplomat's")

// postNominals follow a name and are no part of it.
var postNominals = set("qc", "kc", "mp", "msp", "mep", "td", "obe", "mbe", "cbe", "kbe", "phd")

// generational suffixes follow a name and are part of it ("Teodoro Locsin
// Jr."); the surname is the word before them.
var generational = set("jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th")

// surnameOf is the last word of a full name that is not a generational
// suffix, or "" for a one-word name. It runs for every name the article
// gives, so it cuts the name rather than splitting it into words.
func surnameOf(full string) string {
	sp := strings.LastIndexByte(full, ' ')
	if sp < 0 {
		return ""
	}
	last := full[sp+1:]
	if prev := strings.LastIndexByte(full[:sp], ' '); prev >= 0 && len(last) <= 4 && generational[lower(strings.TrimSuffix(last, "."))] {
		return full[prev+1 : sp]
	}
	return last
}

// nameParticles stand inside a surname: "Renaud Donnedieu de Vabres".
var nameParticles = set("ap", "de", "van", "von", "der", "den", "du", "da", "dos", "del", "di", "bin", "al", "le", "la", "ter")

// particled reports whether a name has a lower-case particle inside it,
// which makes a long name one person's: "Saad bin Sherida Al Kaabi".
func particled(name []tok) bool {
	for k := 1; k+1 < len(name); k++ {
		if nameParticles[name[k].text] {
			return true
		}
	}
	return false
}

// roleGender is the sex a role's words say, or 0.
func roleGender(role string) byte {
	for _, w := range strings.Fields(role) {
		if g := genderedNouns[w]; g != 0 {
			return g
		}
	}
	return 0
}

func genderOf(first string, honor string) byte { return genderOfLow(lower(first), honor) }

// genderOfLow is genderOf of a first name in lower case.
func genderOfLow(f string, honor string) byte {
	if g, ok := honorifics[honor]; ok && g != 0 {
		return g
	}
	switch {
	case maleNames[f]:
		return 'm'
	case femaleNames[f]:
		return 'f'
	}
	return 0
}

// genderOfTok is genderOf(t.text, honor), from the token's classes:
// wFirstName is maleNames and femaleNames, and t.low the lower case
// genderOf would make.
func genderOfTok(t *tok, honor string) byte {
	if !t.in(wFirstName) {
		return genderOfLow("", honor) // only the honorific can tell
	}
	return genderOfLow(t.low, honor)
}

// nameEndsBefore reports whether a first name and a surname end the run
// ts[i:j] before "for" at j: "… Professor at the MIT Sloan School of
// Management Simon Johnson for Project Syndicate" (not "Minister for Europe").
func nameEndsBefore(ts []tok, i, j int) bool {
	if ts[j].low == "to" && j-2 >= i {
		// "the deportation of actress Negar Khan to Norway": no office
		// ("Ambassador to the United Nations") runs on past "to"
		for m := i; m < j; m++ {
			if ts[m].in(wRole | wOrg) {
				return false
			}
		}
		return true
	}
	return ts[j].low == "for" && j-2 >= i && ts[j-2].in(wFirstName) && !ts[j-2].in(wRole|wOrg) && !ts[j-1].in(wRole|wOrg|wFirstName)
}

// civilSurname reports whether the article calls someone by a civil
// honorific and the surname sur ("Mr Hartwig").
func civilSurname(ts []tok, sur string) bool {
	for k := 0; k+1 < len(ts); k++ {
		if ts[k+1].text == sur && (ts[k].low == "mr" || ts[k].low == "mrs" || ts[k].low == "ms" || ts[k].low == "miss") {
			return true
		}
	}
	return false
}

type laterName struct {
	tok  int
	full string
}

// indexPersons finds every named person outside quotes, in text order.
func (r *resolver) indexPersons() {
	ts := r.d.toks
	r.later = map[string][]laterName{}
	for i := 0; i+1 < len(ts); i++ {
		if !capWord(&ts[i]) || !capWord(&ts[i+1]) || ts[i+1].para {
			continue
		}
		w := ts[i].low
		if ts[i].in(wHonorific|wNotName|wRole|wOrg) || isPossessive(ts[i].text) ||
			hyphenAdjective(w) || hyphenHolder(w) || // "Chennai-based Tata" is no first name and surname
			(i == 0 || ts[i-1].sent != ts[i].sent) && epithet(&ts[i]) { // nor "Man-of-the-match Duff"
			continue
		}
		if r.inOrg(ts[i:i+2], i) {
			continue
		}
		sur := trimPossessive(ts[i+1].low)
		var full string
		if d := r.d; ts[i+1].start == ts[i].end+1 && d.runes[ts[i].end] == ' ' {
			// the body holds the two words with one space between them: no
			// new string (trimPossessive reads only the end, which has no space)
			full = trimPossessive(d.body[d.boff[ts[i].start]:d.boff[ts[i+1].end]])
		} else {
			full = ts[i].text + " " + trimPossessive(ts[i+1].text)
		}
		r.later[sur] = append(r.later[sur], laterName{i, full})
	}
	for i := 0; i < len(ts); {
		if ts[i].quoted || !capWord(&ts[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(ts) && !ts[j].quoted && !ts[j].para && (capWord(&ts[j]) && (!isPossessive(ts[j-1].text) || ts[j-1].bareIn(wRole)) ||
			connectorText(&ts[j]) && j+1 < len(ts) && capWord(&ts[j+1]) && !isPossessive(ts[j-1].text) && !datePhrase(ts, j) && !nameEndsBefore(ts, i, j) ||
			connectorText(&ts[j]) && j+2 < len(ts) && (ts[j+1].text == "the" || nameParticles[ts[j].text] && nameParticles[ts[j+1].text]) && capWord(&ts[j+2])) {
			j++ // ("Ursula von der Leyen")
		}
		if j-i == 4 && ts[i+1].low == "and" && ts[i].in(wFirstName) && (ts[i+2].in(wFirstName) || !ts[i+2].in(wRole|wOrg|wPlace|wNotName|wHonorific)) && !ts[j-1].in(wFirstName|wRole|wOrg|wPlace) {
			// (one first name the list lacks: "Brendan and Áine Doyle")
			// two first names share a surname: "Mykola and Iryna Tkachuk"
			sur := trimPossessive(ts[j-1].text)
			p := person{tok: i, sent: ts[i].sent, full: ts[i].text + " " + sur, gender: genderOfTok(&ts[i], ""), evid: true}
			p.sur = lower(sur)
			p.surC = r.lowerCanonical(sur, p.sur)
			r.persons = append(r.persons, p)
			if !ts[i+2].in(wFirstName) {
				// the other is a person as surely as the first
				p2 := p
				p2.tok, p2.full, p2.gender = i+2, ts[i+2].text+" "+sur, genderOfTok(&ts[i+2], "")
				r.persons = append(r.persons, p2)
				i = j
				continue
			}
			i += 2
			continue
		}
		for m := i + 2; m < j-1; m++ {
			f := m - 2
			for f > i && nameParticles[ts[f].text] {
				f-- // "Ursula von der Leyen and High Representative … Josep Borrell"
			}
			if ts[m].low == "and" && (ts[f].in(wFirstName) || ts[m-2].in(wRole) && !ts[m-2].in(wOrg) ||
				m-i == 2 && j-m == 3 && ts[m+1].in(wFirstName) && !anyIn(ts[i:m], wRole|wOrg|wNotName|wPlace) || // "Jamie Foxx and Hilary Swank"
				m-i == 2 && ts[i].in(wHonorific) && !ts[i].in(wOrg) && ts[m+1].in(wFirstName) || // "Prince Charles and Camilla Parker Bowles"
				ts[i].in(wRole) && !ts[i].in(wOrg) && ts[m+1].in(wRole) && !ts[m+1].in(wOrg) && fullNameEnds(ts[i:m])) && !ts[m-1].in(wRole|wOrg) &&
				!ts[m-1].in(wConnector) {
				// two people: "President of Ukraine Volodymyr Zelenskyy and
				// Prime Minister … Mark Rutte", "President Biden and German
				// Chancellor Olaf Scholz"
				j = m
				break
			}
		}
		if j < len(ts) && j-i >= 2 && ts[j].sent == ts[i].sent && !ts[j].quoted && generational[ts[j].low] {
			j++ // "Silvestre Bello 3rd": a lower-case suffix ends the run
		}
		run := ts[i:j]
		role, honor, name, org := parseRun(run)
		role, name = nationalFirstName(run, role, name, i > 0 && ts[i-1].in(wRole))
		if n := len(role); n > 0 && len(name) == 1 && role[n-1].text == "Col" && len(run) >= 2 && &run[len(run)-2] == &role[n-1] && civilSurname(ts, name[0].text) {
			// "peanut grower Col Hartwig … Mr Hartwig said": Col is his first
			// name, not a colonel's rank
			role, name = role[:n-1], run[len(run)-2:]
		}
		if len(run) == 3 && len(role) == 1 && len(name) == 2 && honor == "" && i >= 2 && ts[i-1].text == "," && ts[i-2].in(wRole) &&
			!role[0].in(wRole|wOrg|wHonorific|wNotName) && !strings.Contains(role[0].text, "-") {
			// "The Prime Minister, Fiame Naomi Mata'afa,": after the office
			// and its comma, every capitalised word is the name
			role, name = nil, run
		}
		if i >= 1 && ts[i-1].text == "," && j < len(ts) && ts[j].text == "," && monthFirstName(run) {
			role, name = nil, run
		}
		if k := nameBeforeOf(run); k > 0 {
			// "Cara Diemont of IT firm Dimension Data": the name before "of"
			run = run[:k]
			role, honor, name, org = parseRun(run)
			j = i + k
		}
		i = j
		if org || len(name) == 0 || len(name) > 4 && !(len(name) <= 6 && particled(name)) || r.inOrg(name, i-len(name)) {
			continue
		}
		if opensNoName(name) || hyphenAdjective(name[len(name)-1].low) || saintsPlace(name) {
			continue // (nor "Port Lincoln-based": where someone works)
		}
		if a := j - len(name); len(name) == 1 && len(role) == 0 && honor == "" && a >= 2 && ts[a-1].low == "of" && capWord(&ts[a-2]) && !ts[a-2].in(wRole|wOrg) {
			continue // "Amanda Reyes of Norman": where she is from
		}
		if len(role) == 0 && honor == "" && j+1 < len(ts) && (ts[j].in(wRole) || personNouns[ts[j].low]) && !ts[j].isCap() && capWord(&ts[j+1]) && !ts[j+1].in(wRole|wOrg|wNotName) &&
			!isPossessive(name[len(name)-1].text) && ts[j+1].sent == ts[j].sent {
			continue // "Franz Ferdinand frontman Alex Kapranos": the band the office is of
		}
		if a := j - len(name); len(role) == 0 && honor == "" && a > 0 && workNouns[ts[a-1].low] && !(a >= 2 && (auxiliaries[ts[a-2].low] || ts[a-2].low == "to")) {
			continue // "British film Vera Drake": a title (not "will play Cyril Saulnier")
		}
		if a := j - len(name); (len(role) == 0 || len(role) == 1 && role[0].low == "in") && honor == "" && a > 0 && ts[a-1].low == "in" &&
			!isPossessive(name[len(name)-1].text) && (!name[0].in(wFirstName) || len(name) == 1) {
			continue // "in Hong Kong", "in Hamilton": a place
		}
		if a := j - len(name); honor == "" && a > 0 && len(name) >= 2 && streetPreps[ts[a-1].low] && name[len(name)-1].bareIn(wPlace) {
			continue // "Back on Alfred Street": a street, though Street is a surname too
		}
		if start := j - len(name); start > 0 && (ts[start-1].low == "a" || ts[start-1].low == "an") && j < len(ts) && !ts[j].isCap() && (personHead(ts[j].low) || agentNoun(ts[j].low)) {
			continue // "A Sandy Bay woman with family in Lviv": a place that tells who she is
		}
		if start := j - len(name); start > 0 && (ts[start-1].low == "a" || ts[start-1].low == "an") && namesBody(ts, j) {
			continue // "a partner at a George Town law firm": a place that tells which firm
		}
		if start := j - len(name); len(role) == 0 && honor == "" && start > 0 && ts[start-1].in(wDet) && !name[0].in(wFirstName) &&
			j < len(ts) && ts[j].isWord() && !ts[j].isCap() && !ts[j].quoted && !ts[j].in(wReport|wStance|wSkip) {
			continue // "the Skype Voip service": names that qualify a noun
		}
		if start := j - len(name); len(role) == 0 && honor == "" && start > 0 && ts[start-1].low == "the" && len(name) >= 2 && name[0].in(wFirstName) &&
			j+1 < len(ts) && ts[j].isWord() && !ts[j].isCap() && !ts[j].quoted && !functionWords[ts[j].low] && !ts[j].in(wReport|wStance|wSkip) &&
			!auxiliaries[ts[j].low] && !strings.HasSuffix(ts[j].low, "ed") && !strings.HasSuffix(ts[j].low, "s") {
			continue // "in the Simon Cowell seat": a person's name that qualifies a noun
		}
		if start := j - len(name); len(role) == 0 && honor == "" && start > 0 && ts[start-1].low == "the" && !name[0].in(wFirstName) &&
			len(name) >= 2 && !(j < len(ts) && (ts[j].in(wReport) || ts[j].text == ",")) {
			continue // "in the Powergen Cup on Friday": a thing's name
		}
		roleText := lower(joinToks(role))
		if roleWords[honor] {
			// a title is an office too: "Cardinal Cormac Murphy-O'Connor" is "the cardinal"
			roleText += " " + honor
		}
		// lower-case roles just before: "defence minister Oleksii Reznikov"
		a := i - len(run)
		for m := a - 1; m >= 0 && m >= a-4 && ts[m].sent == run[0].sent; m-- {
			if m == a-1 && (ts[m].low == "of" || ts[m].low == "for" || ts[m].low == "at") || ts[m].low == "and" || ts[m].low == "met" || ts[m].low == "with" || ts[m].low == "that" ||
				addresseeVerbs[ts[m].low] || ts[m].in(wReport|wStance) || m >= 1 && ts[m].text == "," && capWord(&ts[m-1]) && !ts[m-1].in(wRole) {
				// the complement of a role: "president of Lions Gate"; another
				// person's: "Foreign Secretary Liz Truss met Sergei Lavrov",
				// "with German Chancellor Olaf Scholz, Mr. Biden was blunt",
				// "the Prime Minister had told Mr Stoltenberg", "The shadow
				// chancellor said Mr Brown's", "The President of Ukraine
				// thanked Olaf Scholz"
				break
			}
			if ts[m].in(wRole) || numericOrdinal(ts[m].low) {
				// (and which holder: "the 43rd President of the United States")
				roleText += " " + ts[m].low
			}
		}
		if b := fieldBefore(ts, a); b > 0 {
			// an office with its field before the name: "Adviser to the
			// President of Ukraine on economic issues Oleg Ustenko"
			for m := b - 1; m >= 0 && m >= b-8 && ts[m].sent == run[0].sent && (capWord(&ts[m]) || connectorText(&ts[m])) && !ts[m].quoted; m-- {
				if ts[m].in(wRole) {
					roleText += " " + ts[m].low
				}
			}
		}
		// an apposition before: "The Secretary of State for Culture, Media and Sport, Tessa Jowell,"
		// (and "the Dean of Ripon, the Very Rev John Dobson,")
		ap := a
		if honor != "" && ap >= 3 && ts[ap-1].low == "the" && ts[ap-2].text == "," {
			ap--
		}
		if ap >= 2 && ts[ap-1].text == "," && j < len(ts) && ts[j].text == "," {
			for m := ap - 2; m >= 0 && m >= ap-12 && ts[m].sent == run[0].sent && !ts[m].quoted && (ts[m].text != "," || listComma(ts[:ap-1], m)); m-- {
				if ts[m].in(wRole) {
					roleText += " " + ts[m].low
				}
			}
		}
		// an apposition after: "Dave Prentis, general secretary of Unison,"
		spokeAfter := false
		if j+1 < len(ts) && ts[j].text == "," {
			// closed by a comma or the sentence's end: "…, the prime minister
			// said" is the subject of a clause, not an apposition
			var roles string
			closed := false
			for m := j + 1; m < len(ts) && m <= j+24 && ts[m].sent == ts[j].sent; m++ {
				if ts[m].text == "," || ts[m].text == "." || ts[m].text == ";" || ts[m].text == ")" {
					closed = true
					// "Fidelis Nanga, a journalist based in Yaounde, said": one
					// who speaks
					spokeAfter = ts[m].text == "," && ts[j+1].in(wDet) && m+1 < len(ts) && ts[m+1].in(wReport) && !ts[m+1].quoted
					break
				}
				if ts[m].in(wReport|wStance) || m == j+1 && strings.HasSuffix(ts[m].low, "ing") || m == j+1 && relativeWords[ts[m].low] {
					// "Boris Johnson, standing next to Nato Secretary General Jens
					// Stoltenberg,", "Keanu Reeves, who presented the best actress award,"
					break
				}
				if (ts[m].in(wRole) || compoundRole(ts[m].low)) && m <= j+5 {
					roles += " " + ts[m].low
				}
			}
			if closed || sentenceEndsBy(j+8, j, ts) {
				roleText += roles
			}
		}
		for _, w := range strings.Fields(roleText) {
			if full := titleWords[strings.TrimSuffix(w, ".")]; full != "" {
				roleText += " " + full // "Adm. John Aquilino" is "the admiral"
			}
		}
		p := person{tok: i - len(name), sent: name[0].sent, role: roleText, poss: isPossessive(name[len(name)-1].text)}
		// evidence that the name is a person's: a role, an honorific, or a
		// verb of speech ("said Alan Schwartz", "Platon Lebedev said")
		p.evid = strings.TrimSpace(roleText) != "" || honor != "" || a > 0 && ts[a-1].in(wReport) || spokeAfter ||
			j < len(ts) && (ts[j].in(wReport) || j+1 < len(ts) && ts[j].in(wSkip) && ts[j+1].in(wReport)) ||
			j+1 < len(ts) && ts[j].text == "," && (ts[j+1].low == "who" || ts[j+1].low == "whose") || // "Séamus O’Driscoll, who skippers a trawler"
			j+3 < len(ts) && ts[j].text == "," && allDigits(ts[j+1].text) && ts[j+2].text == "," && (ts[j+3].low == "who" || ts[j+3].in(wReport)) || // "Staunton, 49, who told", "Lebo Mokoena, 23, said"
			j+2 < len(ts) && ts[j].text == "," && ts[j+1].in(wDet) && strings.HasSuffix(ts[j+2].low, "-year-old") // "Supaporn Srisuk, a 34-year-old massage therapist"
		if len(name) == 1 && honor == "" && name[0].in(wFirstName) && stageNumber(ts, j) {
			// a stage name: "Andre 3000 and Big Boi"
			p.full, p.gender, p.evid = name[0].text+" "+ts[j].text, genderOfTok(&name[0], ""), true
			p.sur, p.surC = ts[j].text, ts[j].text
			r.persons = append(r.persons, p)
			continue
		}
		if m := nicknameEnd(ts, j); len(name) == 1 && honor == "" && m > 0 && (name[0].in(wFirstName) || m+1 < len(ts) && ts[m+1].in(wReport)) {
			// a nickname between the names: Jimmy "the Whirlwind" White,
			// Anderson "Scoop" Harewood said
			p.full, p.gender, p.evid = name[0].text+" "+trimPossessive(ts[m].text), genderOfTok(&name[0], ""), true
			p.sur = lower(trimPossessive(ts[m].text))
			p.surC = r.lowerCanonical(trimPossessive(ts[m].text), p.sur)
			r.persons = append(r.persons, p)
			continue
		}
		if len(name) == 1 {
			full, g := r.surnameCued(trimPossessive(name[0].text), i-len(name), cueGender(ts, j, honor))
			if full == "" {
				if c := r.canonical(trimPossessive(name[0].text)); c != trimPossessive(name[0].text) && strings.Contains(c, " ") {
					p.full = c
					p.gender = genderOf(c[:strings.IndexByte(c, ' ')], honor)
					r.persons = append(r.persons, p)
					continue
				}
				first := r.byFirstName(trimPossessive(name[0].text)) // the full name of one this is the first name of
				if full := first; full != "" && honor != "" && !peerHonorific[honor] && !r.goesBySurname(full) {
					// "Mr Tanee" after "Tanee Sangrat": Thai usage, an honorific
					// before the first name
					p.full = full
					p.gender = genderOf("", honor)
					r.persons = append(r.persons, p)
				} else if honor != "" {
					p.full = trimPossessive(name[0].text)
					if peerHonorific[honor] {
						p.full = titleCase(honor) + " " + p.full
					}
					p.gender = genderOf("", honor)
					r.persons = append(r.persons, p)
				} else if titleOnly(role) && len(role)+1 == len(run) && !name[0].in(wFirstName) && !notNames[name[0].low] && first == "" {
					// a surname the article gives only after a title:
					// "President Musharraf", "Gen Musharraf" (not "PM Imran",
					// Imran Khan)
					p.full = trimPossessive(name[0].text)
					p.evid = true
					r.persons = append(r.persons, p)
				} else if g := r.genderOfName(first); first != "" && g != 0 {
					// (not "Yahoo" after "Yahoo Messenger": a first name is a person's)
					p.full = first // "Sharon", once named Sharon Osbourne
					p.gender = g
					r.persons = append(r.persons, p)
				} else if g, ok := appositionName(ts, i-1, j); ok {
					// "Her neighbour, Mykola, a retired train driver who gave
					// only his first name,": a name the article gives alone
					p.full = kinFull(ts, i-len(name), trimPossessive(name[0].text))
					p.gender = g
					p.evid = true
					r.persons = append(r.persons, p)
				} else if name[0].in(wFirstName) && (p.evid || givenNameOnly(ts, i-1, j)) || namedAs(ts, i-1) {
					// someone the article names by a first name alone: "a
					// soldier who gave his name only as Andriy", "Oksana, a
					// 41-year-old accountant, told Ukrainska Pravda"
					p.full = trimPossessive(name[0].text)
					p.gender = genderOf(p.full, "")
					p.evid = true
					r.persons = append(r.persons, p)
				} else if a := i - len(name); a > 0 && len(role) == 0 && !ts[a-1].isCap() && personNouns[ts[a-1].low] && !notNames[name[0].low] && !name[0].in(wPlace|wOrg) {
					// one known by one name, after what they do: "Arsenal's
					// Brazilian midfielder Edu"
					p.full = trimPossessive(name[0].text)
					p.evid = true
					r.persons = append(r.persons, p)
				} else if full := r.byFamilyName(trimPossessive(name[0].text), i-len(name)); full != "" {
					p.full = full // "Wang" after "Wang Wenbin"
					p.gender = r.genderOfName(full)
					r.persons = append(r.persons, p)
				}
				continue
			}
			p.full, p.gender = full, g
			if gh := genderOf("", honor); gh != 0 {
				p.gender = gh
			}
		} else if full, g := r.epithetSurname(name, i-len(name)); full != "" && honor == "" && len(role) == 0 {
			p.full, p.gender = full, g
		} else {
			p.full = trimPossessive(nameText(name))
			p.gender = genderOfTok(&name[0], honor)
		}
		if p.gender == 0 {
			p.gender = appositionGender(ts, i-len(name), j)
		}
		if p.gender == 0 {
			p.gender = roleGender(roleText) // "Foreign ministry spokesman Tanee Sangrat"
		}
		if a := i - len(name); p.gender == 0 && (a == 0 || ts[a-1].sent != ts[a].sent) {
			p.gender = clauseGender(ts, name, j)
		}
		if p.gender == 0 {
			p.gender = saidPronoun(ts, j) // "pensioner Bernie Maguire (74) said she had"
		}
		if sur := surnameOf(p.full); sur != "" {
			p.sur = lower(sur)
			p.surC = r.lowerCanonical(sur, p.sur)
		}
		r.persons = append(r.persons, p)
	}
	// a gender learnt from an honorific spreads to every mention of the name
	g := map[string]byte{}
	for _, p := range r.persons {
		if p.gender != 0 {
			g[p.full] = p.gender
		}
	}
	ev := map[string]bool{}
	for _, p := range r.persons {
		if p.evid || p.gender != 0 {
			ev[p.full] = true
		}
	}
	for k := range r.persons {
		if r.persons[k].gender == 0 {
			r.persons[k].gender = g[r.persons[k].full]
		}
		// ("Nurul Ain" is Nurul Ain Zakaria, "said Nurul Ain Zakaria")
		full := r.persons[k].full
		r.persons[k].evid = ev[full] || r.persons[k].gender == 0 && strings.Contains(full, " ") && ev[r.variant(full)]
	}
	r.addKnownOffices()
}

// epithetSurname finds the one named before whom a sentence-opening
// epithet and surname stand for: "Matchwinner Keane" after Robbie Keane,
// "Man-of-the-match Duff" after Damien Duff. The epithet is a word for a
// person ("-er", "-ist", a person noun) or a hyphenated phrase with
// lower-case words, never a first name.
func (r *resolver) epithetSurname(name []tok, at int) (string, byte) {
	ts := r.d.toks
	if len(name) != 2 || at > 0 && ts[at-1].sent == ts[at].sent || name[0].in(wFirstName) || isPossessive(name[0].text) {
		return "", 0
	}
	if !epithet(&name[0]) {
		return "", 0
	}
	full, g := r.surname(trimPossessive(name[1].text), at+1)
	if full == "" || !strings.Contains(full, " ") {
		return "", 0
	}
	return full, g
}

// epithet reports whether t can be a word for a person that opens a
// sentence before a surname: a person noun ("Skipper"), a compound of one
// ("Matchwinner", "Goalscorer") or a phrase of three or more hyphenated
// words with lower-case ones ("Man-of-the-match"), but no first name
// ("Sylvester", "Hyun-jin").
func epithet(t *tok) bool {
	if t.in(wFirstName) {
		return false
	}
	if parts := strings.Split(t.text, "-"); len(parts) >= 3 {
		// (two hyphens: "Hyun-jin Ryu" is a name)
		for _, part := range parts[1:] {
			if part != "" && unicode.IsLower([]rune(part)[0]) {
				return true
			}
		}
	}
	if personNouns[t.low] {
		return true
	}
	for _, n := range []string{"winner", "scorer", "maker", "keeper", "taker", "holder"} {
		if strings.HasSuffix(t.low, n) && len(t.low) >= len(n)+3 {
			return true
		}
	}
	return false
}

// titleOnly reports whether a run's role is titles alone, capitalised as
// before a name: "President", "Gen", not "Agence France".
func titleOnly(role []tok) bool {
	for _, t := range role {
		if !t.isCap() || !t.in(wRole) || t.in(wOrg) {
			return false
		}
	}
	return len(role) > 0
}

// nicknameEnd gives the surname's index after a quoted nickname at j
// (Jimmy "the Whirlwind" White), or 0.
func nicknameEnd(ts []tok, j int) int {
	m := j
	for m < len(ts) && m < j+5 && ts[m].quoted {
		m++
	}
	if m == j || m >= len(ts) || ts[m].quoted || !capWord(&ts[m]) || ts[m].sent != ts[j].sent || m+1 < len(ts) && capWord(&ts[m+1]) {
		return 0
	}
	return m
}

// byFirstName finds the one person of the article whose full name starts
// with first: "Sharon" is Sharon Osbourne. Two such persons ("Ozzy" when
// the article names Ozzy and Sharon Osbourne is fine; two Davids are not)
// give no one.
func (r *resolver) byFirstName(first string) string {
	starts := func(full string) bool {
		return len(full) > len(first) && full[len(first)] == ' ' && strings.HasPrefix(full, first)
	}
	found := ""
	for _, q := range r.persons {
		if sp := strings.IndexByte(q.full, ' '); sp > 0 && q.full[sp+1:] == first && royalTitles[lower(q.full[:sp])] {
			return q.full // a royal goes by a first name: "Charles said" is Prince Charles's, beside Charles Kennedy
		}
		if starts(q.full) {
			if found != "" && found != q.full {
				return ""
			}
			found = q.full
		}
	}
	if r.laterFirst == nil {
		// the "First Last" mentions by first name, once per article; "" when two differ
		r.laterFirst = map[string]string{}
		for _, ls := range r.later {
			for _, l := range ls {
				f := l.full[:strings.IndexByte(l.full, ' ')]
				if prev, ok := r.laterFirst[f]; ok && prev != l.full {
					r.laterFirst[f] = ""
				} else {
					r.laterFirst[f] = l.full
				}
			}
		}
	}
	if full, ok := r.laterFirst[first]; ok {
		if full == "" || found != "" && found != full {
			return ""
		}
		found = full
	}
	return found
}

var royalTitles = set("king", "queen", "prince", "princess")

// firstAfterHonorific is the one person an honorific and a first name
// name, in Thai usage ("Mr Tanee" after "Tanee Sangrat").
func (r *resolver) firstAfterHonorific(first string) string {
	if full := r.byFirstName(first); full != "" && !r.goesBySurname(full) {
		return full
	}
	return ""
}

// goesBySurname reports whether the article calls a person by an honorific
// and his surname: then an honorific before another of his names is someone
// else's ("Mr Howard" is not Howard Flight, "Mr Flight").
func (r *resolver) goesBySurname(full string) bool {
	if r.honored == nil {
		r.honored = map[string]bool{}
		ts := r.d.toks
		for i := 0; i+1 < len(ts); i++ {
			if personalHonorific(&ts[i]) {
				r.honored[lower(trimPossessive(ts[i+1].text))] = true
			}
		}
	}
	return r.honored[lower(surnameOf(full))]
}

// fullNameAt reports whether the tokens [i, j) are, as written, the full
// name of someone the article shows to be a person or names again.
func (r *resolver) fullNameAt(i, j int) bool {
	k := r.personFrom(i)
	if k == len(r.persons) || r.persons[k].tok != i {
		return false
	}
	q := r.persons[k]
	return strings.Contains(q.full, " ") && joinToks(r.d.toks[i:j]) == q.full &&
		(q.evid || q.gender != 0 || r.mentions(q.full) >= 2)
}

// personFrom gives the index in r.persons of the first person named at
// token i or after (the index is in text order).
func (r *resolver) personFrom(i int) int {
	return sort.Search(len(r.persons), func(k int) bool { return r.persons[k].tok >= i })
}

// stageNumber reports whether ts[j] is a number that ends a first name as
// a stage name does: "Andre 3000 thanked fans", "Andre 3000 and Big Boi".
func stageNumber(ts []tok, j int) bool {
	if j+2 >= len(ts) || len(ts[j].text) < 2 || len(ts[j].text) > 4 || ts[j].sent != ts[j+1].sent || !allDigits(ts[j].text) {
		return false
	}
	return ts[j+1].in(wReport|wStance) || ts[j+1].low == "and" && capWord(&ts[j+2]) && !ts[j+2].in(wRole|wOrg)
}

// givenNameOnly reports whether the first name alone at ts[at] (the run
// ending before ts[j]) is given as a person's: after "name only as" or
// "identified as", or with an apposition and a verb of speech after it.
func givenNameOnly(ts []tok, at, j int) bool {
	if at >= 1 && ts[at-1].low == "as" {
		return true
	}
	if j >= len(ts) || ts[j].text != "," {
		return false
	}
	for m := j + 1; m < len(ts) && m <= j+12 && ts[m].sent == ts[j].sent; m++ {
		if ts[m].text == "," {
			return m+1 < len(ts) && (ts[m+1].in(wReport) || m+2 < len(ts) && ts[m+1].in(wSkip) && ts[m+2].in(wReport))
		}
	}
	return false
}

// appositionName reports whether the one capitalised word at ts[at] is a
// person's name set off by commas after a noun for a person ("Her neighbour,
// Mykola,", "who gave only his first name, Vytautas,"), and the gender a
// kinship noun or a "his"/"her" around it gives.
func appositionName(ts []tok, at, j int) (byte, bool) {
	if at < 2 || ts[at-1].text != "," || j >= len(ts) || ts[j].text != "," && !ts[j].in(wReport) {
		return 0, false
	}
	n := ts[at-2].low
	g := kinNouns[n]
	if g != 0 {
		return g, true
	}
	if !(n == "name" || personNouns[n] || n == "neighbour" || n == "neighbor" || n == "friend") {
		return 0, false
	}
	for m := at - 4; m < len(ts) && m <= j+12 && m < at+14; m++ {
		if m < 0 || m == at-2 {
			continue
		}
		if w := ts[m].low; w == "his" || w == "he" {
			g = 'm'
		} else if w == "her" || w == "she" {
			if m < at-2 && g == 0 || m > at {
				g = 'f'
			}
		}
		if m > j && ts[m].text == "," {
			break
		}
	}
	return g, true
}

// coordinated reports whether a subject joins two phrases ("Emmanuel Macron
// and the leadership of the European Union"): a plural, never a "he".
func coordinated(p np) bool {
	m := p.mention
	return strings.Contains(m, " and the ") || strings.Contains(m, " and a ") ||
		strings.HasSuffix(m, " and the") || strings.HasSuffix(m, " and a")
}

// conjoined reports whether the name at token k is joined to another by
// "and" ("President of France Emmanuel Macron and the leadership of the
// European Union are …"): one of a plural subject, not a "he".
func (r *resolver) conjoined(k int) bool {
	ts := r.d.toks
	of := false
	for k < len(ts) && (capWord(&ts[k]) || ts[k].low != "and" && ts[k].in(wConnector) && k+1 < len(ts) && capWord(&ts[k+1])) {
		of = of || ts[k].low == "of"
		k++
	}
	// "Dr Tan Wei Ming of Universiti Malaya's Faculty of Business and
	// Economics": an "and" inside a body's name after "of" joins no one
	return k < len(ts) && ts[k].low == "and" && !(of && k+1 < len(ts) && capWord(&ts[k+1]))
}

func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// isSurname reports whether the lower-case word ls is the surname of a
// person the article names: "Groening praised the show" opens with him, not
// with a participle.
func (r *resolver) isSurname(ls string) bool {
	for _, p := range r.persons {
		if p.sur == ls {
			return true
		}
	}
	return false
}

// surname finds the full name a bare surname stands for: the nearest full
// name before it with that last word, else the first one after it.
func (r *resolver) surname(s string, at int) (string, byte) {
	best, bestG := "", byte(0)
	ls := lower(s)
	lsC := ""
	for _, p := range r.persons {
		if p.sur == "" {
			continue
		}
		if p.sur != ls {
			if lsC == "" {
				lsC = r.lowerCanonical(s, ls)
			}
			if p.surC != lsC {
				continue
			}
		}
		if p.tok > at && best != "" {
			break
		}
		best, bestG = p.full, p.gender
		if p.tok > at {
			break
		}
	}
	if best == "" {
		// names mentioned later in the article, not yet indexed
		for _, l := range r.later[ls] {
			if l.tok > at {
				return l.full, genderOf(l.full[:strings.IndexByte(l.full, ' ')], "")
			}
		}
		// or named in full only inside a quote before: "“… Mark Cueto's
		// effort …” Cueto was also puzzled"
		for _, l := range r.later[ls] {
			if l.tok < at && r.d.toks[l.tok].quoted && r.d.toks[l.tok].in(wFirstName) {
				best = l.full
			}
		}
		if best != "" {
			return best, genderOf(best[:strings.IndexByte(best, ' ')], "")
		}
	}
	return best, bestG
}

// cueGender is the gender the words around a surname give it: an
// honorific, or the pronoun after its verb ("Mokoena said she").
func cueGender(ts []tok, j int, honor string) byte {
	if g := genderOf("", honor); g != 0 {
		return g
	}
	if j < len(ts) {
		switch ts[j].low {
		case "himself":
			return 'm' // "Osbourne himself was at a loss", after Sharon and Ozzy Osbourne
		case "herself":
			return 'f'
		}
	}
	if j+1 < len(ts) && ts[j].in(wReport) {
		switch ts[j+1].low {
		case "she":
			return 'f'
		case "he":
			return 'm'
		}
	}
	return 0
}

// surnameCued is surname, but when the words around the surname give it a
// gender (cue, or 0) that the nearest bearer has not, it is the last one
// named before at who has it: "Mokoena said she", after Thandi Mokoena and
// her son Lebo Mokoena.
func (r *resolver) surnameCued(s string, at int, cue byte) (string, byte) {
	full, g := r.surname(s, at)
	if full == "" || cue == 0 || g == cue {
		return full, g
	}
	ls, found, unknown := lower(s), "", ""
	for _, p := range r.persons {
		if p.tok >= at {
			break
		}
		if p.sur == ls && p.gender == cue {
			found = p.full
		} else if p.sur == ls && p.gender == 0 && g != 0 && p.full != full {
			unknown = p.full // "married local man Seán Doherty": a first name of no known gender
		}
	}
	if found == "" {
		if sp := r.spouseNamed(full, cue, at); sp != "" {
			return sp, cue
		}
		if unknown != "" {
			return unknown, cue
		}
		return full, g
	}
	return found, cue
}

// spouseNamed gives the husband or wife of the person full, whom the
// article gives only a first name, when the honorific says it is them:
// "Kateryna Marsden, who moved here with her husband Peter …. Mr Marsden
// said" is Peter Marsden.
func (r *resolver) spouseNamed(full string, cue byte, at int) string {
	kin := "wife"
	if cue == 'm' {
		kin = "husband"
	}
	ts := r.d.toks
	for _, p := range r.persons {
		if p.tok >= at {
			break
		}
		if p.full != full {
			continue
		}
		for i := p.tok; i+1 < len(ts) && i < at && ts[i].sent == ts[p.tok].sent; i++ {
			if ts[i].low != kin {
				continue
			}
			// "her Kiwi husband, Grant,"
			if f := kinFirst(ts, i); f > 0 && genderOfTok(&ts[f], "") == cue {
				return ts[f].text + full[strings.LastIndexByte(full, ' '):]
			}
		}
	}
	return ""
}

// misspeltSurname finds the one person whose surname is s but for one
// letter: "Hassel" and "Hassall" after "Brian Hassell", a slip the copy
// desk missed. Short names are too alike to guess.
func (r *resolver) misspeltSurname(s string) string {
	ls := lower(s)
	if len(ls) < 5 || strings.Contains(ls, " ") {
		return ""
	}
	found := ""
	for _, p := range r.persons {
		if p.sur == "" || p.sur[0] != ls[0] || !oneEditApart(p.sur, ls) {
			continue
		}
		if found != "" && found != p.full {
			return ""
		}
		found = p.full
	}
	return found
}

// oneEditApart reports whether a and b differ by exactly one letter
// replaced, added or dropped, or by two neighbours swapped.
func oneEditApart(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		// one letter replaced, or two neighbours swapped ("Barrioneuvo")
		return a[i+1:] == b[i+1:] || i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	}
	return a[i+1:] == b[i:]
}

// byFamilyName finds the person named just before token at whose name
// starts with s, a family name written first: "Wang" after "foreign
// ministry spokesperson Wang Wenbin" (and "Wang Yi" later).
func (r *resolver) byFamilyName(s string, at int) string {
	for k := len(r.persons) - 1; k >= 0; k-- {
		if p := r.persons[k]; p.tok < at && p.evid && len(p.full) > len(s) && p.full[len(s)] == ' ' && strings.HasPrefix(p.full, s) {
			return p.full
		}
	}
	return ""
}

// commonWordAt reports whether name is the one word at token k, capitalised
// only because it opens its sentence: the article writes it in lower case
// elsewhere ("Doctors in Athens had wanted …", "the Greek doctors").
func (r *resolver) commonWordAt(name string, k int) bool {
	ts := r.d.toks
	if k >= len(ts) || trimPossessive(name) != trimPossessive(ts[k].text) ||
		k > 0 && ts[k-1].sent == ts[k].sent && ts[k-1].isWord() || k+1 < len(ts) && capWord(&ts[k+1]) {
		return false
	}
	w := trimPossessive(ts[k].low)
	if found, ok := r.lowerWords[w]; ok {
		return found
	}
	found := false
	for m := range ts {
		if !ts[m].isCap() && ts[m].isWord() && len(ts[m].text) >= len(w) && trimPossessive(ts[m].text) == w {
			found = true
			break
		}
	}
	if r.lowerWords == nil {
		r.lowerWords = map[string]bool{}
	}
	r.lowerWords[w] = found
	return found
}

// parseNP reads a noun phrase from tokens: a person, a pronoun, an
// organisation or a description.
func parseNP(ts []tok, pos int) np {
	// drop leading conjunctions and adverbials, trailing commas
	for len(ts) > 0 && (ts[0].in(wLead) || ts[0].text == "," || ts[0].text == "(") {
		ts, pos = ts[1:], pos+1
	}
	for len(ts) > 0 && !ts[len(ts)-1].isWord() && ts[len(ts)-1].text != ")" {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 || len(ts) > 24 {
		return np{}
	}
	// segments separated by commas: "Dave Prentis, general secretary of Unison"
	var segs [][]tok
	var segPos []int
	s := 0
	paren := false // a parenthesis is a gloss: "(Idaho)", "(WSIS)"
	for i := 0; i <= len(ts); i++ {
		if i == len(ts) || ts[i].text == "," && !listComma(ts, i) || ts[i].text == "(" || ts[i].text == ")" || dashTok(&ts[i]) {
			inParen := paren
			if i < len(ts) && ts[i].text == "(" && i > 0 {
				paren = true
			} else if i < len(ts) && ts[i].text == ")" {
				paren = false
			}
			if i > s && !(inParen && i < len(ts) && ts[i].text == ")") {
				segs = append(segs, ts[s:i])
				segPos = append(segPos, pos+s)
			}
			s = i + 1
		}
	}
	best := np{}
	var others []string
	for k, seg := range segs {
		if k > 0 && phrasePreps[seg[0].low] {
			continue // "Lord Nicholls, in his ruling, said": where or how he said it
		}
		p := parseSeg(seg, segPos[k])
		if k > 0 && monthFirstName(seg) {
			p = np{kind: npPerson, name: joinToks(seg), gender: 'f', pos: segPos[k]}
		}
		if p.kind == npNone {
			continue
		}
		if p.kind == npOrg && best.kind == npDesc && humanHead(best.head) && startsLower(seg[0].text) && !seg[0].in(wDet) {
			// "A spokesperson for Fort Stewart, home of the 3rd Infantry
			// Division": a place described, not the speaker
			continue
		}
		if rank(p) > rank(best) || rank(p) == rank(best) && (p.kind == npPronoun || p.kind == npPerson && givenName(p) && !givenName(best)) {
			// "the play's organiser in Uganda, Sarah Mukasa": a place before
			// the apposition is no one
			if best.kind != npNone && best.mention != "" {
				others = append(others, best.mention)
			}
			best = p
		} else if p.mention != "" {
			others = append(others, p.mention)
		}
	}
	if best.kind == npPerson && best.role == "" && len(others) > 0 {
		best.role = strings.Join(others, ", ")
	}
	if best.kind == npPerson {
		if j := jointPersons(ts, pos, best); j.kind != npNone {
			return j
		}
	}
	if best.kind != npNone {
		best.mention = strings.TrimSpace(joinToks(ts))
	}
	return best
}

// jointPersons reads two persons joined by "and" who speak together: "JP
// Morgan chief executive William Harrison and chief operating officer James
// Dimon", "Oleh Ustenko and Simon Johnson". Each must be a name in full or
// with an honorific, the first ending just before the "and".
func jointPersons(ts []tok, pos int, last np) np {
	for a := 1; a+1 < len(ts); a++ {
		if ts[a].low != "and" || !capWord(&ts[a-1]) {
			continue
		}
		l, r := parseNP(ts[:a], pos), parseNP(ts[a+1:], pos+a+1)
		if r.kind == npPerson && strings.HasSuffix(last.name, " "+r.name) && last.pos <= pos+a+1 {
			r.name = last.name // "and German Galushchenko": the name the whole phrase reads
		}
		if !fullPerson(l) || !fullPerson(r) || l.parts != nil || !strings.HasSuffix(l.name, ts[a-1].text) ||
			!strings.HasSuffix(r.name, ts[len(ts)-1].text) {
			return np{}
		}
		return np{kind: npPerson, name: l.name + " and " + r.name, mention: strings.TrimSpace(joinToks(ts)), pos: pos, parts: &[2]np{l, r}}
	}
	return np{}
}

// fullPerson reports whether p names a person in full or by an honorific.
func fullPerson(p np) bool {
	return p.kind == npPerson && (strings.Contains(p.name, " ") || p.honor != "") && !isAcronym(p.name)
}

// spokesFor reports whether ts speaks for a body: "A spokesperson for the
// U.S. Embassy".
func spokesFor(ts []tok) bool {
	for m := 0; m+1 < len(ts); m++ {
		if spokesHeads[ts[m].low] && (ts[m+1].low == "for" || ts[m+1].low == "at" || ts[m+1].low == "of") {
			return true
		}
	}
	return false
}

// embassyOf reports whether a capitalised run names a body of a country by
// "of": "the Embassy of India", whose seat a place after "in" names.
func embassyOf(ts []tok) bool {
	for m := 1; m+1 < len(ts); m++ {
		if ts[m].low == "of" && ts[m-1].isCap() && ts[m-1].in(wOrg) && capWord(&ts[m+1]) && countryWord(ts[len(ts)-1].low) {
			return true
		}
	}
	return false
}

// officeModifiers qualify an office and are none on their own: "home
// secretary", "foreign minister".
var officeModifiers = set("prime", "vice", "foreign", "defence", "defense", "home", "interior", "finance", "health",
	"education", "state", "shadow", "junior", "senior", "acting", "former", "ex", "first", "press", "deputy",
	"assistant", "associate", "principal")

// officeNouns are officeModifiers that are an office on their own at the
// end of a phrase: "the Labour deputy", "his assistant".
var officeNouns = set("deputy", "assistant", "associate", "principal")

// descText writes a description; a common noun that opens it is capitalised
// only because it opens the sentence: "Traders in Mumbai said" → traders.
func descText(body []tok) string {
	if len(body) > 1 && judgingWords[body[0].low] && body[1].isCap() {
		body = body[1:] // "the influential Edge magazine": the writer's view, no part of the name
	}
	t := joinToks(body)
	if w := body[0].low; body[0].isCap() && (groupHead(w) || personNouns[w]) && !strings.HasPrefix(t, body[0].low) {
		return w + t[len(body[0].text):]
	}
	return t
}

func rank(p np) int {
	switch p.kind {
	case npPerson:
		return 4
	case npPronoun:
		return 3
	case npOrg:
		return 2
	case npDesc:
		return 1
	}
	return 0
}

func parseSeg(seg []tok, pos int) np {
	for len(seg) > 0 && seg[0].in(wLead) {
		seg, pos = seg[1:], pos+1
	}
	for m := 3; m+1 < len(seg); m++ {
		if seg[m].text != "&" || !capWord(&seg[m-1]) || !capWord(&seg[m+1]) {
			continue
		}
		// "economist Gary Thayer of AG Edwards & Sons": a firm's name with
		// its ampersand after the one of the firm
		a := m - 1
		for a > 0 && capWord(&seg[a-1]) {
			a--
		}
		if a >= 2 && (seg[a-1].low == "of" || seg[a-1].low == "at" || seg[a-1].low == "from") {
			if p := parseSeg(seg[:a-1], pos); p.kind == npPerson {
				return p
			}
		}
		break
	}
	if len(seg) > 1 && seg[0].text == "What" {
		seg, pos = seg[1:], pos+1 // "What traders have dubbed the "Ukraine premium""
	}
	if len(seg) == 0 {
		return np{}
	}
	if len(seg) == 1 {
		if g, ok := pronouns[seg[0].low]; ok {
			if g == 'x' {
				return np{}
			}
			return np{kind: npPronoun, mention: seg[0].text, gender: g, pos: pos}
		}
	}
	if n := len(seg); n >= 4 && n <= 6 && peerHonorific[seg[0].low] && seg[0].isCap() && capWord(&seg[1]) && seg[2].low == "of" && !anyLower(seg[3:]) && !seg[1].in(wRole|wOrg) {
		// a peer by his title and territory: "Lord Nicholls of Birkenhead"
		return np{kind: npPerson, name: joinToks(seg), honor: "", gender: honorifics[seg[0].low], pos: pos}
	}
	if n := len(seg); n >= 2 && mediaNouns[seg[n-1].low] && !seg[n-1].isCap() {
		// "America's TV Guide magazine", "the Financial Times newspaper": the title
		b := 0
		if seg[0].low == "the" {
			b = 1
		}
		if b+1 < n-1 && seg[b].isCap() && isPossessive(seg[b].text) {
			b++
		}
		run := seg[b : n-1]
		all := len(run) > 0
		for k := range run {
			all = all && capWord(&run[k]) && !isPossessive(run[k].text)
		}
		if all {
			return np{kind: npOrg, name: joinToks(run), pos: pos + b}
		}
	}
	// "who is UKIP Scotland chairman" and other clauses are not the speaker
	if w := seg[0].low; w == "who" || w == "which" || w == "citing" {
		return np{}
	}
	// the last capitalised run in the segment
	e := len(seg)
	for e > 0 && !capWord(&seg[e-1]) {
		e--
	}
	st := e
	for st > 0 && (capWord(&seg[st-1]) || connectorText(&seg[st-1]) && st-2 >= 0 && (capWord(&seg[st-2]) || connectorText(&seg[st-2]))) {
		if seg[st-1].low == "the" && st >= 2 && isDateWord(seg[st-2].low) {
			break // "On Thursday the Ministry of Foreign Affairs"
		}
		st--
	}
	for st < e && connectorText(&seg[st]) {
		st++
	}
	if e == len(seg)-1 && e-st >= 2 && generational[seg[e].low] {
		e++ // "Labor Secretary Silvestre Bello 3rd"
	}
	// "Cara Diemont of IT firm Dimension Data": a name that opens the
	// segment and is followed by of/from/at is the person, not the firm after
	if k := nameBeforeOf(seg); k > 0 && k < st {
		if _, honor, name, _ := parseRun(seg[:k]); len(name) == k || honor != "" && len(name) == k-1 && len(name) >= 2 {
			st, e = 0, k // (and "Dr David Gillingwater from the Transport Studies Group")
		}
	}
	if m := st - 1; m >= 2 && e == len(seg) && seg[m].low == "from" {
		// "retired taxi driver Gerard Hughes from Suffolk": the one from a
		// place, after the trade
		b := m
		for b > 0 && capWord(&seg[b-1]) {
			b--
		}
		if b > 0 && m-b >= 2 && (seg[b].in(wFirstName) || m-b == 2 && !seg[b].in(wPlace|wOrg|wRole) && !seg[b+1].in(wPlace|wOrg|wRole)) && !seg[b-1].isCap() { // (a first name the list lacks: "Seán Egan")
			st, e = b, m
		}
	}
	det := len(seg) > 0 && seg[0].in(wDet)
	// "this remarkably active senior citizen" is the one just spoken of
	definite := seg[0].low == "the" || seg[0].low == "our" || seg[0].low == "this" || seg[0].isCap() && (seg[0].in(wRole) || len(seg) > 1 && isPossessive(seg[0].text))
	for m := 1; definite && m+1 < len(seg); m++ {
		if seg[m].low == "of" && (seg[m+1].low == "a" || seg[m+1].low == "an") {
			definite = false // "the chief executive of a supply-vessel operator": someone new
		}
	}
	if f := seatFor(seg); f > 0 {
		// "The MP for Sittingbourne and Sheppey": a member named by the
		// seat, not a person called Sheppey
		d := 0
		if seg[0].in(wDet) {
			d = 1
		}
		return np{kind: npDesc, name: joinToks(seg[d:]), head: seg[f-1].low, definite: seg[0].low == "the" || d == 0, pos: pos}
	}
	if e == len(seg) && st == 3 && (seg[1].low == "living" || seg[1].low == "based") && (seg[2].low == "in" || seg[2].low == "on") &&
		(groupNouns[seg[0].low] || demonyms(&seg[0])) {
		// "Ukrainians living on Merseyside": people a place describes
		return np{kind: npDesc, name: descText(seg), head: seg[0].low, pos: pos}
	}
	if o := st - 1; e == len(seg) && o >= 1 {
		if seg[o].low == "the" {
			o--
		}
		if o >= 1 && seg[o].low == "of" && !seg[o-1].isCap() && plural(seg[o-1].low) && seg[o-1].low != "members" && (groupNouns[seg[o-1].low] || pluralPerson(seg[o-1].low)) {
			// "Ukrainian-born residents of the Ballina Shire", "residents of
			// Ballina": people a place describes ("members of Korn" speak
			// as the band)
			return np{kind: npDesc, name: descText(seg), head: seg[o-1].low, pos: pos}
		}
	}
	if e == len(seg) && st >= 2 && seg[st-1].low == "in" && (seg[st-2].in(wOrg) || seg[st-2].in(wRole) && !seg[st-2].isCap() || st == 2 && (groupNouns[seg[0].low] || demonyms(&seg[0])) || embassyOf(seg[:st-1])) &&
		!spokesFor(seg[:st-1]) { // ("A spokesperson for the U.S. Embassy in Kolonia" is a person)
		// "the Russian embassy in London", "The Russian Embassy in Ottawa": a
		// body that a place names; "a medical student in Vinnytsia" is
		// described by the place too, but "a diplomat in Brussels" is where
		// he is posted
		body := seg
		if postedHeads[seg[st-2].low] {
			body = seg[:st-1]
		}
		if det {
			body = body[1:]
		}
		head := seg[st-2].low
		for _, t := range seg[:st-1] {
			if t.isCap() && t.in(wOrg) && !seg[st-2].in(wOrg) {
				head = t.low // "the Embassy of India in Kyiv" is an embassy
				break
			}
		}
		if len(body) > 0 && (head != seg[st-2].low || seg[st-2].isCap() && seg[st-2].in(wOrg)) {
			return np{kind: npOrg, name: joinToks(body), pos: pos}
		}
		if len(body) > 0 {
			return np{kind: npDesc, name: descText(body), head: head, definite: definite, pos: pos}
		}
	}
	if n := len(seg); det && n >= 2 && n <= 4 && nationalNouns[trimPossessive(seg[n-1].low)] && !anyCap(seg[1:n-1]) {
		// "the Dutchman", "the Irishman", "The 55-year-old Frenchman": a description, not a name
		return np{kind: npDesc, name: lower(joinToks(seg[1:])), head: trimPossessive(seg[n-1].low), definite: definite, pos: pos}
	}
	for m := st; m < e; m++ {
		if w := seg[m].low; (w == "of" || w == "from" || w == "at") && m > st {
			if _, _, name, _ := parseRun(seg[st:m]); len(name) >= 2 {
				e = m
				break
			}
		}
	}
	relational := false
	for m := 0; m+1 < st; m++ {
		// "a close associate of former Yukos boss Mikhail Khodorkovsky",
		// "a spokesman for Mr Blair": someone of the person named, not them
		if relationHeads[seg[m].low] && !seg[m].isCap() && (seg[m+1].low == "of" || seg[m+1].low == "for" || seg[m+1].low == "to" || seg[m+1].low == "from") {
			relational = true
		}
	}
	for m := 1; m < st && !relational; m++ {
		// "a strategist at Northgate Research", "academics from the
		// Institute of Education": a person the body describes, not the body
		// "Parents of Namibian students in Ukraine": a group of a group
		groupOf := !det && m >= 3 && groupNouns[seg[0].low] && seg[1].low == "of"
		if w := seg[m].low; (w == "at" || w == "from" || w == "in") && (det && m >= 2 || m == 1 && groupNouns[seg[0].low] || groupOf) &&
			(m == 1 || !seg[m-1].isCap()) && (personDescHead(seg[m-1].low) || agentNoun(seg[m-1].low) || groupNouns[seg[m-1].low]) {
			body, head := seg, seg[m-1].low
			if det {
				body = seg[1:]
			}
			if groupOf {
				head = seg[0].low
			}
			return np{kind: npDesc, name: descText(body), head: head, definite: definite, pos: pos}
		}
	}
	if det && st > 0 {
		for m := 1; m < st; m++ {
			if w := seg[m].low; w == "that" && m+1 < len(seg) && !seg[m+1].isCap() || w == "which" || w == "who" || w == "whose" {
				// "the company that owns the pipeline and is controlled by
				// Gazprom": a name inside a relative clause is not the head
				seg, e, st = seg[:m], 0, 0
				break
			}
		}
	}
	// "The Glasgow Kelvin MP": a seat before the office, not a name before
	// its letters
	seatMP := st <= 1 && seg[0].low == "the" && e == len(seg) && e >= 3 && postNominals[seg[e-1].low] && roleWords[seg[e-1].low]
	if seg[0].low == "the" {
		for m := 2; m+2 < len(seg) && m < 4; m++ {
			if postNominals[seg[m].low] && roleWords[seg[m].low] && seg[m+1].low == "for" && capWord(&seg[m+2]) {
				// "the Labour MP for Birkenhead": an office and its seat
				return np{kind: npDesc, name: descText(seg[1:]), head: seg[m].low, definite: true, pos: pos}
			}
		}
	}
	if e > 0 && !relational && !seatMP && (e == len(seg) || seg[e].text == "of" || seg[e].text == "from" || seg[e].text == "at") && !isPossessive(seg[e-1].text) {
		run := seg[st:e]
		role, honor, name, org := parseRun(run)
		role, name = nationalFirstName(run, role, name, st > 0 && seg[st-1].in(wRole))
		// "chief executive of AerCap": the body an office is of, no one's
		// name; "The star of Rain Man and Tootsie": what one is the star of
		officeOf := st >= 2 && !seg[st-2].isCap() && honor == "" && len(name) > 0 && !name[0].in(wFirstName) &&
			((seg[st-1].low == "of" || seg[st-1].low == "at" || seg[st-1].low == "behind") && seg[st-2].in(wRole) && len(role) == 0 ||
				(seg[st-1].low == "of" || seg[st-1].low == "behind") && personNouns[seg[st-2].low] && kinNouns[seg[st-2].low] == 0)
		surnameAfterMr := len(name) == 1 && len(run) == 2 && personalHonorific(&run[0]) // "Mr French", "Ms Welsh"
		if len(name) > 0 && !officeOf && (!opensNoName(name) || surnameAfterMr) && len(name) <= 4 && !(len(name) == 1 && groupNouns[name[0].low]) {
			p := np{kind: npPerson, pos: pos + st, honor: honor}
			p.name = nameText(name)
			rl := seg[:st]
			for len(rl) > 0 && rl[0].in(wDet) {
				rl = rl[1:]
			}
			p.role = strings.TrimSpace(joinToks(rl) + " " + joinToks(role))
			p.gender = genderOfTok(&name[0], honor)
			if len(name) == 1 && peerHonorific[honor] {
				p.name = titleCase(honor) + " " + p.name
			}
			return p
		}
		// "The President of Ukraine" is an office and its country, no body
		office := det && len(seg) >= 4 && humanHead(seg[1].low) && seg[2].low == "of"
		if (org && !det || org && definite && roleWords[lower(seg[len(seg)-1].text)] == false && !office) && !(st >= 2 && seg[st-1].in(wConnector) && humanHead(seg[st-2].low)) &&
			!(st >= 3 && seg[st-1].low == "the" && seg[st-2].in(wConnector) && humanHead(seg[st-3].low)) {
			body := seg
			if det {
				body = seg[1:]
			}
			if st > 0 && startsLower(seg[st-1].text) && !seg[st-1].in(wDet|wConnector) {
				body = seg[st:e] // "US behemoth General Electric": the words before describe it
			}
			return np{kind: npOrg, name: joinToks(body), pos: pos}
		}
	}
	if e-st == 1 && e == len(seg) && seg[st].in(wOrgLast) && st == 0 {
		// "United said": a club's short name
		return np{kind: npOrg, name: seg[st].text, pos: pos + st}
	}
	// a description: "a senior State Department official", "the President"
	body := seg
	if det {
		body = seg[1:]
	}
	if len(seg) >= 4 && seg[0].low == "one" && seg[1].low == "of" && (seg[2].low == "the" || seg[2].low == "those") {
		// "one of the officials": an official of those named before
		last := seg[len(seg)-1].low
		if sing := strings.TrimSuffix(last, "s"); sing != last && (roleWords[sing] || roleWords[last]) {
			return np{kind: npDesc, name: strings.TrimSuffix(joinToks(seg[3:]), "s"), head: sing, definite: true, pos: pos + 3}
		}
	}
	if det && len(body) >= 2 && body[0].low == "of" {
		// "many of our partners", "some of the officials": the partners
		body = body[1:]
		if len(body) >= 2 && body[0].in(wDet) {
			body = body[1:]
		}
	}
	if len(body) == 0 {
		return np{}
	}
	head := ""
	if relational {
		for _, t := range body {
			if relationHeads[t.low] {
				head = t.low
				break
			}
		}
		return np{kind: npDesc, name: descText(body), head: head, definite: definite, pos: pos}
	}
	for k, t := range body {
		w := t.low
		if w == "head" && k+2 < len(body) && body[k+1].low == "of" && headOffices["head of "+body[k+2].low] {
			head = "head of " + body[k+2].low
			break
		}
		if kinNouns[w] != 0 && k+2 < len(body) && body[k+1].low == "of" && (numberWords[body[k+2].low] > 0 || allDigits(body[k+2].text)) {
			head = w // "the grandmother of seven"
			break
		}
		if (roleConnectors[w] || w == "from" || w == "in" || w == "at") && head != "" {
			if h := bodyNamedHead(body[k:]); h != "" && (orgWords[head] || orgHeads[head]) {
				head = h // "A Department for Constitutional Affairs spokeswoman"
			}
			break
		}
		if k == 0 && personHead(w) && !roleWords[w] && len(body) > 2 && placedAfter(body[1].low) {
			head = w // "woman selling vegetables at the town's market"
			continue
		}
		if roleWords[w] && !(officeModifiers[w] && (k == len(body)-1 && !officeNouns[w] || k < len(body)-1 && !body[k+1].in(wRole))) || orgWords[w] || groupNouns[w] || docHeads[w] && k > 0 && (k == len(body)-1 || body[k+1].low == "of" || body[k+1].low == "on") {
			head = w // "A White House statement": the document, its author before it
		} else if k == len(body)-1 && personNouns[w] && head != "" {
			head = w // "A military spouse", "an army veteran": the person, not the body
		} else if k == len(body)-1 && k > 0 && head == "" && personNouns[singular(w)] {
			head = w // "Rover bosses", "Fox producers": people of the body named before
		}
	}
	if !det && len(body) == 1 && officeModifiers[head] {
		return np{} // "At home he said": a word that only qualifies an office
	}
	if head == "" {
		w := lower(body[len(body)-1].text)
		if !det || len(body) > 6 || functionWords[w] || !body[len(body)-1].isWord() {
			return np{} // "The 52-year-old's enthusiasm for the"
		}
		head = w
	}
	return np{kind: npDesc, name: descText(body), head: head, definite: definite, pos: pos}
}

// resolve turns a phrase into a speaker name and role.
func (r *resolver) resolve(p np) (speaker, role string) {
	switch p.kind {
	case npPerson:
		if p.parts != nil {
			// two who speak together: each named as the article names them
			a, _ := r.resolve(p.parts[0])
			b, _ := r.resolve(p.parts[1])
			if a != "" && b != "" && !r.isOrg(a) && !r.isOrg(b) {
				return a + " and " + b, ""
			}
			return "", ""
		}
		role = p.role
		if f := strings.Fields(lower(p.role)); len(f) > 0 && (workNouns[f[len(f)-1]] || len(f) > 1 && articles[f[len(f)-1]] && workNouns[f[len(f)-2]]) {
			return "", "" // "French film A Very Long Engagement": a title, no one's name
		}
		if ini := dottedInitials(p.name); ini != "" {
			// "L.F.: …" in an interview: the person named in full before
			if full := r.byInitials(ini, p.pos); full != "" {
				return r.canonical(full), role
			}
		}
		if i := strings.Index(p.mention, " ("); i > 0 {
			// "The Conseil Superieur de l'Audiovisuel (CSA), the French
			// broadcasting regulator": the body its short name glosses
			if j := strings.IndexByte(p.mention[i:], ')'); j > 0 {
				short := p.mention[i+2 : i+j]
				if full, ok := r.shortName(short); ok && strings.HasSuffix(full, p.name) && strings.HasSuffix(capitalsOf(full), short) {
					return full, ""
				}
			}
		}
		if isAcronym(p.name) {
			if full := r.byRoleInitials(p.name, p.pos); full != "" {
				return r.canonical(full), role // "the CS" after "Cabinet Secretary Raychelle Omamo"
			}
		}
		if full, ok := r.shortName(p.name); ok {
			return full, "" // "The NAO found", "Segas said" after "the Greek Athletics Federation (Segas)"
		}
		if isAcronym(p.name) {
			return r.canonical(p.name), role
		}
		if r.isOrg(p.name) {
			return r.fullOrg(r.orgName(trimPossessive(p.name)), p.pos), ""
		}
		for _, o := range r.orgs {
			// a name inside an organisation's: "UK Coal"
			if o.tok <= p.pos && p.pos < o.tok+strings.Count(o.name, " ")+1 && strings.HasSuffix(o.name, trimPossessive(p.name)) {
				return r.orgName(o.name), ""
			}
		}
		if strings.Contains(p.name, " ") {
			if p.honor != "" && peerHonorific[p.honor] && strings.Count(p.name, " ") == 1 && strings.HasPrefix(lower(p.name), p.honor+" ") {
				sur := p.name[len(p.honor)+1:]
				if full, _ := r.surname(sur, p.pos); full != "" && !strings.HasPrefix(full, p.name[:len(p.honor)]) {
					return r.canonical(full), role
				}
			}
			if ts := r.d.toks; p.honor == "" && p.pos+1 < len(ts) && ts[p.pos].text+" "+ts[p.pos+1].text == p.name {
				if full, _ := r.epithetSurname(ts[p.pos:p.pos+2], p.pos); full != "" {
					return r.canonical(full), role // "Matchwinner Keane was another full of praise"
				}
			}
			if sp := strings.IndexByte(p.name, ' '); strings.Count(p.name, " ") == 1 && nameParticles[lower(p.name[:sp])] {
				// "Al Harthy" after "Dr Khalid al Harthy": a surname with its particle
				tail := " " + lower(trimPossessive(p.name))
				for _, q := range r.persons {
					if strings.HasSuffix(lower(q.full), tail) && len(q.full) > len(tail) {
						return r.canonical(q.full), role
					}
				}
			}
			return r.canonical(r.variant(trimPossessive(p.name))), role
		}
		if full := r.kinFirstName(p); full != "" {
			return full, role
		}
		for _, q := range r.persons {
			if q.tok == p.pos && strings.HasPrefix(q.full, p.name+" ") {
				return r.canonical(q.full), role // Antonio "LA" Reid: the index read the name whole
			}
		}
		cue := genderOf("", p.honor)
		if p.pos < len(r.d.toks) && r.d.toks[p.pos].text == p.name {
			cue = cueGender(r.d.toks, p.pos+1, p.honor)
		}
		if full, _ := r.surnameCued(p.name, p.pos, cue); full != "" {
			return r.canonical(full), role
		}
		if p.honor == "sir" || p.honor == "dame" || !peerHonorific[p.honor] {
			// a knight goes by his first name ("Sir Digby" is Sir Digby
			// Jones), and so may anyone once named in full ("Sharon"), and
			// in Thai usage, after an honorific ("Mr Tanee"), though not one
			// the article calls "Mr" and his surname (a knight's first name
			// stays his even so: "Sir Ian" is Sir Ian Blair beside "Mr Blair")
			byFirst := r.byFirstName
			if p.honor != "" && p.honor != "sir" && p.honor != "dame" {
				byFirst = r.firstAfterHonorific
			}
			if full := byFirst(trimPossessive(p.name)); full != "" {
				return r.canonical(full), role
			}
		}
		if full := r.byFamilyName(trimPossessive(p.name), p.pos); full != "" && (p.honor == "" || !r.goesBySurname(full)) {
			return r.canonical(full), role
		}
		if r.commonWordAt(p.name, p.pos) {
			return "", "" // "Doctors in Athens had wanted", "Physio sessions with …"
		}
		if full := r.misspeltSurname(trimPossessive(p.name)); full != "" {
			return r.canonical(full), role
		}
		return r.canonical(p.name), role
	case npPronoun:
		switch p.gender {
		case 'n':
			return r.thing(p), ""
		case 'p':
			if s := r.group(p); s != "" {
				return s, ""
			}
			return r.lastSpeaker, ""
		}
		if s := r.pronoun(p); s != "" {
			return s, ""
		}
		last := r.lastSpeaker
		if g := r.genderOfName(last); r.isOrg(last) || g != 0 && g != p.gender {
			last = "" // "he" is no organisation, "she" no Dmitry Peskov
		}
		// no person agrees: a described speaker named just before ("A Labour
		// Party spokesman told …. "…," he said")
		if p.pos < len(r.d.toks) && r.subject != nil {
			for s := r.d.toks[p.pos].sent; s >= 0 && s >= r.d.toks[p.pos].sent-3; s-- {
				// (a "he" is no "the federation", nor "the show's ratings")
				if q := r.subject(s); (q.kind == npDesc && !(orgHeads[q.head] && !humanHead(q.head)) && !(plural(q.head) && !groupHead(q.head)) || q.kind == npOrg) && q.pos < p.pos && !coordinated(q) {
					sp, _ := r.resolve(q)
					return sp, ""
				}
				if s == r.d.toks[p.pos].sent {
					// "A Builth Wells vet … has thanked people for what she
					// called "…"": the one the sentence is about, whom a
					// lede may name later
					if q := r.subjectAll(s); q.kind == npDesc && !q.definite && (personHead(q.head) || humanHead(q.head) || kinNouns[q.head] != 0) && !plural(q.head) && q.pos < p.pos {
						if sp, _ := r.resolve(q); sp != "" {
							return sp, ""
						}
					}
				}
				if q := r.accordingDesc(s); q.kind == npDesc && q.pos < p.pos {
					// "…, according to an ntl spokesman, are in a better
					// position. "…," he asked"
					sp, _ := r.resolve(q)
					return sp, ""
				}
			}
		}
		return last, ""
	case npOrg:
		if placed := r.seatIn(p); placed != "" {
			return placed, ""
		}
		return r.fullOrg(r.orgName(p.name), p.pos), ""
	case npDesc:
		if n := agencyName(p.name); n != "" {
			return n, ""
		}
		if f := strings.Fields(p.mention); len(f) == 2 && honorifics[lower(f[0])] != 0 && !peerHonorific[lower(f[0])] && startsUpper(f[1]) {
			// "Mr Dean" after "Rick Dean": a surname that is also an office
			if full, _ := r.surname(trimPossessive(f[1]), p.pos); full != "" && strings.Contains(full, " ") {
				return r.canonical(full), ""
			}
		}
		if p.definite && (p.head == "authors" || p.head == "author" || p.head == "article") {
			// "the authors note", "the article reads" after "a joint article
			// by … Oleg Ustenko and … German Galushchenko"
			if by := r.writtenBy(p.pos); by != "" {
				return by, ""
			}
		}
		if docHeads[p.head] || docFrom(p.name) || ownedChannel(p.name, p.head) {
			return r.author(p), ""
		}
		if orgHeads[p.head] && !humanHead(p.head) && p.definite {
			// "the firm", "the German club": the organisation named before;
			// but "the Biden administration" is no NATO named before
			head := p.head
			if aidWorkers(p.name) {
				head = "organisation" // "the aid agency" is the body that gives aid, whatever its name
			}
			if len(strings.Fields(p.name)) == 1 {
				if o := r.bodySubject(p); o != "" {
					return o, "" // "the association" after "NSW Farmers said"
				}
			}
			if o := r.lastOrg(p.pos, head); o != "" && hasAll(lower(o), ownerModifiers(p.name, p.head)) && bodyNameFits(p, o) {
				if lower(o) == head {
					if long := r.longerDesc(p); long != "" {
						return long, "" // "Committee chairman John Denham" names no body "Committee": "the Commons home affairs committee"
					}
				}
				if strings.HasSuffix(p.name, " "+o) && allCapitalised(p.name) {
					return p.name, "" // "The Russian Foreign Ministry" after "Foreign Ministry spokeswoman Maria Zakharova": the fuller name
				}
				return o, ""
			}
		}
		if !p.definite && humanHead(p.head) {
			if who := r.apposedTo(p.pos); who != "" {
				return who, p.name // "Dr Michael Rennie, a Russia specialist at the Australian National University"
			}
		}
		// "A diplomat from an ASEAN member state … said …. "…," the diplomat
		// said": the one described, not an ambassador named
		intro := p.definite && r.introducedAs(p)
		if p.definite && !intro && !(orgHeads[p.head] && !humanHead(p.head)) { // "the ministry" is no one's role
			if pr := r.byRole(p.head, p.name, p.pos); pr != "" {
				return r.canonical(pr), p.name
			}
			if office := ministryHead(p.name); office != "" {
				if pr := r.byRole("minister", office, p.pos); pr != "" {
					return r.canonical(pr), p.name
				}
			}
		}
		if p.head == "wife" && (lower(p.name) == "president's wife" || lower(p.name) == "president’s wife") {
			if pr := r.firstLady(p.pos); pr != "" {
				return pr, p.name // "First Lady Olena Zelenska … The President's wife stated"
			}
		}
		if !intro {
			if pr := r.namedLater(p); pr != "" {
				return pr, p.name
			}
		}
		if pr := r.ledeKin(p); pr != "" {
			return pr, p.name
		}
		if pr := r.ledeNamed(p); pr != "" {
			return pr, p.name
		}
		if pr := r.ledeIntroduced(p); pr != "" {
			return pr, p.name
		}
		if p.definite {
			if pr := r.ledeAgain(p); pr != "" {
				return pr, p.name
			}
			if strings.Contains(p.name, "-year-old ") {
				// "the 47-year-old director": the one the sentences before are
				// about, whom an age marks, not an earlier "She Hate Me director"
				if pr := r.anaphor(p); pr != "" {
					return pr, p.name
				}
			}
			if pr := r.partyMember(p); pr != "" {
				return pr, p.name
			}
			if long := r.longerDesc(p); long != "" && bodyNameFits(p, long) && (len(long) > len(p.name) || !strings.Contains(p.name, " and ")) { // (no "committee of MPs" for "the Commons science and technology committee")
				if kinNouns[p.head] != 0 {
					if pr := r.anaphor(p); pr != "" {
						// "one Gerringong grandmother saying …. Valentyna Bishop,
						// 71, came to Australia …. "…," the grandmother said":
						// the one she was named as since (kin only: "the
						// diplomat" after "a Western diplomat" is still no one
						// the article names)
						return pr, p.name
					}
				}
				return long, ""
			}
			if pr := r.officeNamedLater(p); pr != "" {
				return pr, p.name
			}
			if pr := r.officeHolder(p); pr != "" {
				return pr, p.name
			}
			if pr := r.anaphor(p); pr != "" {
				return pr, p.name
			}
			if pr := r.describedBefore(p); pr != "" {
				return pr, ""
			}
			if pr := r.salientHolder(p); pr != "" {
				return pr, p.name
			}
		}
		if g := possessiveGender(r.d.toks[p.pos].low); g != 0 && relationHeads[p.head] && !strings.ContainsAny(p.name, "'’") {
			// "Her spokesperson said": the spokesperson of the woman before
			if who := r.pronoun(np{kind: npPronoun, mention: r.d.toks[p.pos].text, gender: g, pos: p.pos}); who != "" {
				if kin := r.kinNamed(who, p.head, p.pos); kin != "" {
					return kin, p.name // "his son" after "Nogar's son Stephen"
				}
				return who + "'s " + p.name, ""
			}
		}
		if f := strings.Fields(p.name); len(f) > 2 {
			for k := 2; k+1 < len(f); k++ {
				// "A spokesman for her lawyers": the lawyers of the woman before
				if g := possessiveGender(f[k]); g != 0 && (f[k-1] == "for" || f[k-1] == "of") {
					if who := r.pronoun(np{kind: npPronoun, mention: f[k], gender: g, pos: p.pos}); who != "" {
						f[k] = who + "'s"
						return strings.Join(f, " "), ""
					}
				}
			}
		}
		return r.fullPossessor(withoutOfficeAfterFor(p.name), p.pos), ""
	}
	return "", ""
}

// agencyName is the name of a news agency a description gives before its
// kind: "Russia's Interfax news agency" is Interfax.
func agencyName(desc string) string {
	f := strings.Fields(desc)
	n := len(f)
	if n < 3 || f[n-1] != "agency" || f[n-2] != "news" {
		return ""
	}
	a := n - 2
	for a > 0 && startsUpper(f[a-1]) && !isPossessive(f[a-1]) {
		a--
	}
	if a == n-2 {
		return ""
	}
	return strings.Join(f[a:n-2], " ")
}

// firstLady finds the last woman before pos whose role is first lady.
func (r *resolver) firstLady(pos int) string {
	for k := len(r.persons) - 1; k >= 0; k-- {
		if q := r.persons[k]; q.tok < pos && strings.Contains(q.role, "first lady") {
			return r.canonical(q.full)
		}
	}
	return ""
}

// writtenBy names who wrote the article an earlier sentence says was "by"
// them: one person, or two joined by "and" ("This is stated in a joint
// article by President's Adviser on Economic Affairs Oleg Ustenko and
// Minister of Energy German Galushchenko for … Project Syndicate").
func (r *resolver) writtenBy(pos int) string {
	ts := r.d.toks
	for i := min(pos, len(ts)) - 2; i >= 0; i-- {
		if ts[i].quoted || ts[i].low != "article" && ts[i].low != "op-ed" && ts[i].low != "column" || ts[i+1].low != "by" {
			continue
		}
		var names []string
		and := false
		for _, q := range r.persons {
			if q.tok <= i+1 || q.sent != ts[i].sent || len(names) == 2 {
				continue
			}
			if len(names) == 1 {
				for m := i + 2; m < q.tok; m++ {
					and = and || ts[m].low == "and"
				}
				if !and {
					break
				}
			}
			if name := r.canonical(r.variant(q.full)); len(names) == 0 || name != names[0] {
				names = append(names, name)
			}
		}
		if len(names) == 0 || len(names) == 1 && and {
			return ""
		}
		return strings.Join(names, " and ")
	}
	return ""
}

// nationalFirst reports whether ts[k-1], a nationality's word, is the first
// name of the surname at ts[k] that ends a run after an office or "and":
// "Minister of Energy German Galushchenko" (a nationality qualifies an
// office, "German Chancellor Olaf Scholz", not a bare surname).
func nationalFirst(ts []tok, k int) bool {
	w := &ts[k-1]
	if !countryWord(w.low) || !capWord(w) || !capWord(&ts[k]) || ts[k].in(wRole|wOrg|wNotName|wFirstName) || isPossessive(ts[k].text) {
		return false
	}
	return k >= 2 && (ts[k-2].low == "and" || capWord(&ts[k-2]) && !isPossessive(ts[k-2].text) && !countryWord(ts[k-2].low))
}

// kinFirstName names in full one the article gives only a first name, as
// someone's kin: "Nogar's son Stephen" is Stephen Nogar.
func (r *resolver) kinFirstName(p np) string {
	ts, k := r.d.toks, p.pos
	for k < len(ts) && ts[k].text != p.name && k < p.pos+4 {
		k++
	}
	if p.honor != "" || strings.Contains(p.name, " ") || k >= len(ts) || k < 2 || ts[k].text != p.name {
		return ""
	}
	if full := kinName(ts, k-1); full != "" {
		return full
	}
	// "Her son Taras, 22, is in Kyiv. … Taras told": the son of the last
	// woman named in full before, by her surname
	if r.kinIntro == nil {
		r.kinIntro = map[string]int{}
		for m := 2; m < len(ts); m++ {
			if !capWord(&ts[m]) || !ts[m].in(wFirstName) || m+1 < len(ts) && capWord(&ts[m+1]) || kinNouns[ts[m-1].low] == 0 {
				continue // (the cheap tests first: this runs over every token)
			}
			if _, seen := r.kinIntro[ts[m].text]; !seen && (possessiveGender(ts[m-2].low) != 0 || ts[m-2].low == "their" || ts[m-2].low == "whose") {
				r.kinIntro[ts[m].text] = m
			}
		}
	}
	m, ok := r.kinIntro[p.name]
	if !ok || m > k { // (the introduction itself too: "their daughter Amy, 19, added")
		return ""
	}
	g, owner := possessiveGender(ts[m-2].low), ""
	if g != 0 {
		// whose "her" the pronoun says: "It was Siobhán O'Keeffe who took the
		// call. … Her husband Donal"
		if who := r.pronoun(np{kind: npPronoun, mention: ts[m-2].text, gender: g, pos: m - 2}); strings.Contains(who, " ") && !strings.Contains(who, "'s ") {
			owner = who
		}
	}
	if owner == "" {
		for _, q := range r.persons {
			if q.tok >= m-2 {
				break
			}
			if (q.gender == g || g == 0) && strings.Contains(q.full, " ") {
				owner = q.full // ("their daughter Amy": either parent's surname; "Mr Sinclair, whose wife Morag": his)
			}
		}
	}
	if owner == "" {
		return ""
	}
	return p.name + " " + surnameOf(owner)
}

// kinApposed reports whether the person at ts[k] is named by a first name
// in apposition to kin of one a possessive of gender g owns: "Her parents,
// Viktor and Lyudmyla,", "her mother, Halyna,".
func kinApposed(ts []tok, k int, g byte) bool {
	if k+1 < len(ts) && capWord(&ts[k+1]) {
		return false // a full name is someone of their own
	}
	m := k - 1
	for m > 0 && k-m < 6 && (ts[m].text == "," || ts[m].low == "and" || capWord(&ts[m]) && ts[m].in(wFirstName)) {
		m--
	}
	if m < 1 || m == k-1 || kinNouns[ts[m].low] == 0 && ts[m].low != "parents" && ts[m].low != "grandparents" {
		return false
	}
	return possessiveGender(ts[m-1].low) == g
}

// kinNamed finds the kin of the person named owner whom the article names
// by a first name before pos: "his son" is Stephen Nogar after "Nogar's son
// Stephen".
func (r *resolver) kinNamed(owner, kin string, pos int) string {
	ts := r.d.toks
	sur := lower(surnameOf(owner))
	for k := 1; k < len(ts) && k < pos; k++ {
		if ts[k].low == kin && lower(trimPossessive(ts[k-1].text)) == sur {
			if name := kinName(ts, k); name != "" {
				return name
			}
		}
		if ts[k].low == kin && (ts[k-1].low == "her" || ts[k-1].low == "his") && sur != "" {
			// "Helen Sowerby, 63, and her husband Andrew, 66,": the first
			// name after the kin of the one the sentence has just named
			j := kinFirst(ts, k)
			if j < 0 {
				continue
			}
			for m := r.d.sents[ts[k].sent].tok0; m < k-1; m++ {
				if lower(trimPossessive(ts[m].text)) == sur && !ts[m].quoted {
					return ts[j].text + " " + surnameOf(owner)
				}
			}
		}
		if parent := childOf[kin]; parent != "" && ts[k-1].low == parent && childNouns[ts[k].low] && k+1 < len(ts) && ts[k+1].text == firstNameOf(owner) {
			// "Graham Tidswell, who crops … with his son Jack. … His father
			// did not disagree": Jack's father is the one whose son he is
			var who string
			for _, q := range r.persons { // (in text order)
				if q.tok >= k-1 {
					break
				}
				if q.sent == ts[k].sent && !q.poss && r.canonical(q.full) != owner && strings.Contains(q.full, " ") && (q.gender == 0 || q.gender == possessiveGender(parent)) {
					who = r.canonical(q.full)
				}
			}
			if who != "" {
				return who
			}
		}
	}
	return ""
}

// childOf gives the possessive a parent's child is written with: a
// father's son is "his son".
var childOf = map[string]string{"father": "his", "dad": "his", "mother": "her", "mum": "her"}

// childNouns name a child of someone.
var childNouns = set("son", "daughter", "child")

// firstNameOf is a full name's first word.
func firstNameOf(full string) string {
	first, _, _ := strings.Cut(full, " ")
	return first
}

// kinName reads "Nogar's son Stephen" (or "Mrs Melnyk's husband, Andriy,")
// at the kin noun ts[k] as "Stephen Nogar": a first name alone after a
// surname's kin, else "".
func kinName(ts []tok, k int) string {
	if k < 1 || kinNouns[ts[k].low] == 0 || !isPossessive(ts[k-1].text) || !capWord(&ts[k-1]) {
		return ""
	}
	if j := kinFirst(ts, k); j > 0 {
		return ts[j].text + " " + trimPossessive(ts[k-1].text)
	}
	return ""
}

// kinFirst gives where a first name alone follows the kin noun ts[k]
// ("son Stephen", "husband, Andriy,"), or -1 (not "son Stephen Nogar", a
// name of its own).
func kinFirst(ts []tok, k int) int {
	j := k + 1
	if j+1 < len(ts) && ts[j].text == "," {
		j++
	}
	if j >= len(ts) || !capWord(&ts[j]) || ts[j].quoted || j+1 < len(ts) && capWord(&ts[j+1]) {
		return -1
	}
	if !ts[j].in(wFirstName) && (ts[j].in(wPlace|wOrg|wRole|wNotName|wHonorific) || isDateWord(ts[j].low) || isPossessive(ts[j].text) ||
		j+1 >= len(ts) || !(ts[j+1].text == "," || ts[j+1].text == "." || ts[j+1].isWord() && !ts[j+1].isCap())) {
		return -1 // a first name the list lacks: "her husband, Euan." (not "his son Monday")
	}
	return j
}

// kinFull is the full name of one the article names by a first name as
// someone's kin at ts[a]: "Mrs Melnyk's husband, Andriy," is Andriy Melnyk.
func kinFull(ts []tok, a int, first string) string {
	for _, k := range []int{a - 1, a - 2} {
		if n := kinName(ts, k); n != "" && strings.HasPrefix(n, first+" ") {
			return n
		}
	}
	return first
}

// anyLower reports whether any of ts is a word in lower case.
func anyLower(ts []tok) bool {
	for k := range ts {
		if !capWord(&ts[k]) {
			return true
		}
	}
	return false
}

// allCapitalised reports whether every word of s begins with a capital.
func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// anyCap reports whether any of ts is capitalised.
func anyCap(ts []tok) bool {
	for k := range ts {
		if ts[k].isCap() {
			return true
		}
	}
	return false
}

// mediaNouns follow a title to say what it is: "TV Guide magazine".
var mediaNouns = set("newspaper", "magazine", "tabloid", "website", "weekly", "broadsheet")

// withoutOfficeAfterFor drops the office of the person a description is
// for, as a name's role is dropped: "spokesman for Foreign Minister Marise
// Payne" is "spokesman for Marise Payne".
func withoutOfficeAfterFor(desc string) string {
	i := strings.Index(desc, " for ")
	if i < 0 {
		return desc
	}
	ws := strings.Fields(desc[i+5:])
	k := 0
	for k < len(ws) && startsUpper(ws[k]) && roleWords[lower(ws[k])] {
		k++
	}
	if k == 0 || len(ws)-k < 2 {
		return desc
	}
	for _, w := range ws[k:] {
		if !startsUpper(w) || roleWords[lower(w)] || orgWords[lower(w)] {
			return desc
		}
	}
	return desc[:i+5] + strings.Join(ws[k:], " ")
}

// bodyNameFits reports whether the earlier mention o may stand for the
// description p: any may, unless p is a body's own name, its head
// capitalised before "of", which only a mention holding that name fits
// ("The Ministry of Defence" is not an earlier "Russia's defence ministry").
func bodyNameFits(p np, o string) bool {
	own := len(p.head) > 1 && strings.HasPrefix(p.name, strings.ToUpper(p.head[:1])+p.head[1:]+" of ")
	return !own || strings.Contains(lower(o), lower(p.name))
}

// bodySubject reads "the association" as the body that spoke as the subject
// of its sentence or the one before, when no list knows its name and no
// first name opens it: "In a statement, NSW Farmers said …. "…," the
// association said".
func (r *resolver) bodySubject(p np) string {
	if r.subject == nil || p.pos >= len(r.d.toks) {
		return ""
	}
	ts := r.d.toks
	sent := ts[p.pos].sent
	for s := sent; s >= 0 && s >= sent-1; s-- {
		q := r.subject(s)
		if q.kind == npNone || q.pos >= p.pos {
			continue
		}
		if q.kind != npPerson || q.honor != "" || ts[q.pos].in(wFirstName|wRole) || r.genderOfName(q.name) != 0 || !strings.Contains(q.name, " ") ||
			q.pos+strings.Count(q.mention, " ")+1 >= len(ts) || !ts[q.pos+strings.Count(q.mention, " ")+1].in(wReport) {
			return ""
		}
		return q.name
	}
	return ""
}

// aidWorkers reports whether a description is of a body that gives aid:
// "aid agency", "humanitarian agency", "relief agency".
func aidWorkers(desc string) bool {
	f := strings.Fields(lower(desc))
	return len(f) == 2 && (f[0] == "aid" || f[0] == "relief" || f[0] == "humanitarian")
}

// ownedChannel reports whether a description is the website or account an
// owner it names publishes on: "the department's Smartraveller website".
func ownedChannel(desc, head string) bool {
	f := strings.Fields(desc)
	return len(f) >= 2 && isPossessive(f[0]) && channelHeads[head]
}

var channelHeads = set("website", "site", "account", "page", "feed", "blog")

// docFrom reports whether a description is a document and whose it is: "a
// statement from the discount phone firm".
func docFrom(desc string) bool {
	i := strings.IndexByte(desc, ' ')
	return i > 0 && docHeads[lower(desc[:i])] && (strings.HasPrefix(desc[i:], " from the ") || strings.HasPrefix(desc[i:], " by the "))
}

// possessiveGender is the gender a possessive pronoun says: "his" 'm', "her" 'f'.
func possessiveGender(w string) byte {
	switch w {
	case "his":
		return 'm'
	case "her":
		return 'f'
	}
	return 0
}

// fullPossessor names the person a description belongs to in full: "Mr
// Blair's official spokesman" is Tony Blair's, as the article named him.
func (r *resolver) fullPossessor(desc string, at int) string {
	k := strings.Index(desc, "'s ")
	if k2 := strings.Index(desc, "’s "); k < 0 || k2 >= 0 && k2 < k {
		k = k2
	}
	if k <= 0 {
		return desc
	}
	ws := strings.Fields(desc[:k])
	if _, ok := honorifics[lower(ws[0])]; ok && len(ws) == 2 {
		ws = ws[1:]
	}
	if len(ws) != 1 || !startsUpper(ws[0]) {
		return desc
	}
	if full, _ := r.surname(ws[0], at); full != "" && strings.Contains(full, " ") {
		return r.canonical(full) + desc[k:]
	}
	return desc
}

// setOff reports whether a few words from ts[k] close an aside with a comma:
// "Sanctions aimed at Putin, he told reporters, would amount to".
func setOff(ts []tok, k int) bool {
	for m := k; m < len(ts) && m < k+4; m++ {
		if ts[m].text == "," {
			return m > k
		}
		if !ts[m].isWord() || ts[m].quoted || ts[m].in(wReport) {
			return false
		}
	}
	return false
}

// endsClause reports whether the sentence of ts[k] ends within a few words
// of it, with no quotation: ""…" in marginal seats they could see Michael
// Howard "…", he added." is the speaker's own sentence, it names the
// persons he speaks of.
func endsClause(ts []tok, k int) bool {
	for m := k; m < len(ts) && m < k+4; m++ {
		if ts[m].quoted || ts[m].sent != ts[k-1].sent {
			return m > k && ts[m].sent != ts[k-1].sent
		}
		if ts[m].text == "." {
			return true
		}
	}
	return false
}

// pronoun picks the person "he" or "she" stands for. It goes back sentence by
// sentence from the pronoun: a sentence's subject first, a named person or a
// described one ("Tony Blair's official spokesman … He said"), then the other
// persons named in it, the gender agreeing. A subject that is itself "he" or
// "she" of the same gender hands over to the sentences before it; a person
// named only as a possessive ("Blair's") is taken only when no one else is.
func (r *resolver) pronoun(p np) string {
	if p.gender != 'm' && p.gender != 'f' {
		return ""
	}
	ts := r.d.toks
	if p.pos >= len(ts) {
		return ""
	}
	sentIdx := ts[p.pos].sent
	subjPron := ts[p.pos].low == "he" || ts[p.pos].low == "she" // the speaker, not a possessor ("his agent")
	// persons are in text order: find the last one before the pronoun
	hi := len(r.persons)
	for hi > 0 && r.persons[hi-1].tok >= p.pos {
		hi--
	}
	// a speech clause set off by commas inside a sentence ("Mr Blair has
	// failed, he claimed, saying") speaks of the persons before it, not as them
	aside := p.pos > 0 && p.pos+2 < len(ts) && ts[p.pos-1].text == "," && ts[p.pos+1].in(wReport) && (ts[p.pos+2].text == "," || endsClause(ts, p.pos+2) || setOff(ts, p.pos+2))
	// "Mr Sullivan "made accounting decisions," he told the court": the
	// words before the quote are what the speaker said, of someone else
	if p.pos > 0 && p.pos+1 < len(ts) && ts[p.pos+1].in(wReport) && ts[p.pos-1].quoted {
		aside = true
	}
	// "Asked whether Chancellor Olaf Scholz had discussed it, he said": the
	// persons of the question are not the one who answers; "In a video
	// call with President Joe Biden, he demanded": nor are the persons of a
	// phrase that opens the sentence; "But standing next to Mr Blair he
	// added": nor, comma or none, are those of a participle's phrase
	if k := r.d.sents[sentIdx].tok0; k < p.pos {
		if (ts[k].low == "but" || ts[k].low == "and") && k+1 < p.pos {
			k++
		}
		if (ts[k].low == "asked" || phrasePreps[ts[k].low]) && ts[p.pos-1].text == "," ||
			strings.HasSuffix(ts[k].low, "ing") && len(ts[k].low) > 5 && (ts[p.pos-1].text == "," || ts[p.pos-1].isCap() && p.pos-k <= 8) {
			aside = true
		}
	}
	// "a reporter asked Ryabkov whether …. "Why should we?" he replied": the
	// one asked replies
	replied := p.pos+1 < len(ts) && replyVerbs[ts[p.pos+1].low]
	chained := false  // a sentence after s has a "he" of this gender for subject
	reported := false // … and reports its subject's words: "…, he said"
	laterPoss := ""   // a possessor the nearest sentence names outside its subject
	// six sentences back, not counting those wholly inside a quotation
	for s, left := sentIdx, 6; s >= 0 && left > 0; s-- {
		if s == sentIdx || !r.quotedSent(s) {
			left--
		}
		for hi > 0 && r.persons[hi-1].sent > s {
			hi--
		}
		lo := hi
		for lo > 0 && r.persons[lo-1].sent == s {
			lo--
		}
		if !replied && left == 4 && s != sentIdx && ts[r.d.sents[sentIdx].tok0].quoted {
			// "Island Echo asked Mr Seely whether …. "Yes, …," he said":
			// the words that answer the question are the one asked's
			if name := r.askedIn(s, lo, hi, true); name != "" {
				if g := r.genderOfName(name); g == p.gender || g == 0 {
					return name
				}
			}
		}
		if k0 := r.d.sents[s].tok0; s != sentIdx && lo < hi && k0+2 < len(ts) && ts[k0].low == "according" && ts[k0+1].low == "to" && r.persons[lo].tok <= k0+3 {
			// "According to Mandaric, Redknapp vowed he would not …. "I
			// said to Harry …," he said": the sentence is the account of
			// the one it is according to
			if q := r.persons[lo]; (q.gender == p.gender || q.gender == 0 && q.evid) && !q.poss {
				return r.canonical(r.variant(q.full))
			}
		}
		// the person who speaks in the sentence ("O'Leary's future was in
		// question, but Villa chairman Doug Ellis said he was happy"), also
		// before an aside ("Salome Zourabichvili wrote … which, she said,")
		for k := hi - 1; k > lo && s != sentIdx; k-- {
			// "Hewitt said he had had a "gutful" …, but Tennis Australia's
			// Geoff Pollard rejected his comments. "…," he said": the one
			// who answers last
			q := r.persons[k]
			if (q.gender == p.gender || q.gender == 0 && q.evid) && !q.poss && !r.conjoined(q.tok) && r.answersBut(q.tok) {
				return r.canonical(r.variant(q.full))
			}
		}
		if s != sentIdx && hi > lo {
			// "Mr Putin had told Mr Biden …, Mr Ushakov said.": the one who
			// reports what the others said speaks in the sentence
			if q := r.persons[hi-1]; (q.gender == p.gender || q.gender == 0 && q.evid) && !q.poss && r.saidLast(s, q.tok) {
				return r.canonical(r.variant(q.full))
			}
		}
		for k := lo; k < hi; k++ {
			q := r.persons[k]
			if (q.gender == p.gender || q.gender == 0 && q.evid) && !q.poss && !r.conjoined(q.tok) && r.speaksNext(q.tok) {
				return r.canonical(r.variant(q.full))
			}
		}
		if aside && s == sentIdx {
			hi = lo
			continue
		}
		if replied && s != sentIdx {
			if name := r.askedIn(s, lo, hi, false); name != "" {
				return name
			}
		}
		chain := false
		subjAt, subjKind := -1, npNone
		if r.subjectAll != nil {
			subj := r.subjectAll(s)
			if coordinated(subj) {
				// "Emmanuel Macron and the leadership of the European Union, in
				// particular … Charles Michel, are": no one of them is a "he"
				subj, chain = np{}, true
			}
			if subj.pos < p.pos {
				subjAt, subjKind = subj.pos, subj.kind
				switch subj.kind {
				case npPerson:
					if s != sentIdx && r.saidAfter(s, p.gender) {
						// "And Tony Blair would be in the front line, he
						// said.": the subject is what the "he" reports, and
						// the "he" goes back further, past the persons the
						// report speaks of
						chain, chained, reported = true, true, true
						break
					}
					if name, _ := r.resolve(subj); name != "" && !r.conjoined(subj.pos) && !(subjPron && r.quoteSaysSurname(name)) {
						g := subj.gender
						if g == 0 {
							g = r.genderOfName(name)
						}
						if g == 0 && !strings.Contains(subj.mention, " ") {
							// "Federer admitted he was under pressure": a
							// surname the article gives no first name
							g = saidPronoun(ts, subj.pos+1)
						}
						if g == p.gender || g == 0 && (r.knownPerson(subj) || r.namedAgain(subj, name) || r.whoFollows(subj.pos) ||
							(s == sentIdx-1 || chained) && strings.Contains(subj.name, " ") && !r.isOrg(name) && (r.mentions(name) >= 2 || s == sentIdx-1 && subjPron && p.pos == r.d.sents[sentIdx].tok0)) {
							// (or the one a chain of "he"s goes back to: "Morgan
							// Freeman beat …. He thanked Eastwood. … he said")
							// a subject whose gender the article never gives
							// is still the likeliest "he": "Keane accused
							// Vieira of starting the row. "…," he said"
							return name
						}
					}
				case npDesc:
					if possessiveGender(ts[subj.pos].low) == p.gender && kinNouns[subj.head] != 0 {
						// "Her mother still lives in Kyiv. "…," she said": a
						// "she" as likely hers as her mother's is hers
						break
					}
					human := humanHead(subj.head) || personHead(subj.head) || aged(subj) || agentNoun(subj.head) && !subj.definite && !appositive(ts, subj.pos) && s != sentIdx
					kin := !human && kinNouns[subj.head] != 0 && descGender(subj.head) == p.gender // "Her husband said …. "…," he said"
					if (human || kin) && !plural(subj.head) {
						if g := descGender(subj.head); g == 0 || g == p.gender {
							// a definite description that names no one ("the
							// minister") yields to the persons named
							if name, _ := r.resolve(subj); name != "" && !(subj.definite && name == subj.name) && !(kin && (strings.Contains(name, "'s ") || !allCapitalised(name))) {
								return name // (a kin the article never names is left to the rules below)
							}
						}
					}
				case npPronoun:
					chain = subj.gender == p.gender
					chained = chained || chain
				}
			}
		}
		if !chain && !reported {
			poss, possAt := "", 0
			for k := lo; k < hi; k++ {
				q := r.persons[k]
				if q.gender != p.gender && q.gender != 0 || q.gender == 0 && (!q.evid || q.tok > 0 && ts[q.tok-1].low == "at") || r.conjoined(q.tok) {
					continue // (a name with no gender after "at" is a place or a shop: "at Snappy Snaps £9.99")
				}
				if kinApposed(ts, q.tok, p.gender) {
					continue // "Her parents, Viktor and Lyudmyla, are still in Kharkiv. "…," she said": hers, not her mother's
				}
				if subjPron && r.quoteSaysSurname(q.full) {
					continue // ""He (Bridge) has no chance of playing," he said": not Bridge
				}
				// the possessor of the subject is salient: "Mr Campbell's e-mail … he said"
				if q.poss && !(subjAt >= 0 && q.tok >= subjAt && q.tok <= subjAt+2 || q.tok <= r.d.sents[s].tok0+3) {
					if poss == "" {
						poss, possAt = q.full, q.tok
					}
					continue
				}
				if q.poss {
					// "Fowler's double strike helped City … and Keegan
					// sympathised with …": the subject of a clause of its own
					// before the possessor of a thing
					for k2 := k + 1; k2 < hi; k2++ {
						q2 := r.persons[k2]
						if q2.poss || !(q2.gender == p.gender || q2.gender == 0 && q2.evid) || q2.tok == 0 ||
							ts[q2.tok-1].low != "and" && ts[q2.tok-1].low != "but" && ts[q2.tok-1].low != "while" {
							continue
						}
						e := q2.tok
						for e < len(ts) && capWord(&ts[e]) {
							e++
						}
						if e < len(ts) && ts[e].isWord() && !ts[e].isCap() && !functionWords[ts[e].low] {
							return r.canonical(r.variant(q2.full))
						}
					}
				}
				if s < sentIdx && s > 0 && subjKind == npNone && prepObject(ts, q.tok) && !forTopic(ts, q.tok) && !r.introducedWho(q.tok) {
					// "Tony Blair said …. But changes must not overturn the law
					// set when a court ruled … from coma victim Tony Bland. "…,"
					// he said": the one spoken of yields to the one speaking
					if sp := r.speakerOf(s-1, p.gender); sp != "" {
						return sp
					}
				}
				return r.canonical(r.variant(q.full))
			}
			// "The Reds scored … in a comeback capped by Gerrard's drive. He
			// added": the possessor of a thing in a phrase of what the
			// subject did yields to a person before (but not "It was
			// Gerrard's 100th goal")
			deferred := poss != "" && s != sentIdx && subjKind != npNone && subjKind != npPronoun && possInPhrase(ts, possAt)
			if poss != "" && !deferred {
				return r.canonical(r.variant(poss))
			}
			if deferred && laterPoss == "" {
				laterPoss = poss
			}
			if s != sentIdx {
				if name := r.kinFirstIn(s, lo, hi, p.gender); name != "" {
					return name // "said Mrs Whitlam, whose husband Mark runs the packhouse. "…," he added"
				}
			}
		}
		hi = lo
	}
	if laterPoss != "" {
		return r.canonical(r.variant(laterPoss))
	}
	return ""
}

// kinFirstIn gives the kin of gender g that sentence s names by a first
// name alone after the one it names (the persons lo to hi), with their
// surname: "Mrs Whitlam, whose husband Mark runs the farm's packhouse" →
// Mark Whitlam.
func (r *resolver) kinFirstIn(s, lo, hi int, g byte) string {
	ts := r.d.toks
	st := r.d.sents[s]
	for k := st.tok0 + 1; k+1 < st.tok1; k++ {
		if kinNouns[ts[k].low] != g || ts[k].quoted || !(ts[k-1].low == "whose" || ts[k-1].low == "her" || ts[k-1].low == "his") {
			continue
		}
		f := kinFirst(ts, k)
		if f < 0 {
			continue
		}
		og := possessiveGender(ts[k-1].low) // the owner's: "her husband" is a woman's
		for m := hi - 1; m >= lo; m-- {
			if q := r.persons[m]; q.tok < k && strings.Contains(q.full, " ") && (og == 0 || q.gender == 0 || q.gender == og) {
				return ts[f].text + " " + surnameOf(r.canonical(q.full))
			}
		}
	}
	return ""
}

// appositive reports whether the phrase at ts[k] follows a name and its
// comma: "For Halyna Petrenko, a Ukrainian-born oceanographer" (not a place:
// "Back in Grimsby, one processor").
func appositive(ts []tok, k int) bool {
	if k < 2 || ts[k-1].text != "," || !capWord(&ts[k-2]) {
		return false
	}
	m := k - 2
	for m > 0 && capWord(&ts[m-1]) {
		m--
	}
	return m == 0 || !placedPreps[ts[m-1].low] || ts[m-1].low == "with"
}

// possInPhrase reports whether the possessor at token k is inside a
// phrase a preposition opens: "capped by Gerrard's 20-yard drive".
func possInPhrase(ts []tok, k int) bool {
	m := k - 1
	for m >= 0 && m > k-4 && ts[m].sent == ts[k].sent && capWord(&ts[m]) {
		m-- // the rest of the name: "by Steven Gerrard's"
	}
	return m >= 0 && ts[m].sent == ts[k].sent && (ts[m].low == "by" || objectPreps[ts[m].low])
}

// speakerOf finds the person of gender g who is the subject of a verb of
// speech in sentence s.
func (r *resolver) speakerOf(s int, g byte) string {
	for _, q := range r.persons {
		if q.sent == s && q.gender == g && !q.poss && r.speaksNext(q.tok) {
			return r.canonical(r.variant(q.full))
		}
	}
	return ""
}

// forTopic reports whether the person at k is the topic a sentence opens
// with: "For Woolloongabba nurse Oksana Kovalenko, 42, it was the news she
// had been dreading".
func forTopic(ts []tok, k int) bool {
	if k == 0 {
		return false
	}
	m := k - 1
	for m > 0 && m > k-5 && ts[m-1].sent == ts[k].sent && ts[m].isWord() {
		m--
	}
	return ts[m].low == "for" && (m == 0 || ts[m-1].sent != ts[k].sent)
}

// prepObject reports whether the name at ts[k] is the object of a
// preposition, past the words that describe it: "from Hillsborough coma
// victim Tony Bland".
func prepObject(ts []tok, k int) bool {
	m := k - 1
	for m >= 0 && m > k-5 && ts[m].sent == ts[k].sent && ts[m].isWord() && (!functionWords[ts[m].low] || ts[m].in(wDet)) && !ts[m].in(wReport|wStance) {
		m--
	}
	return m >= 0 && ts[m].sent == ts[k].sent && objectPreps[ts[m].low]
}

// objectPreps govern a name that a sentence speaks of.
var objectPreps = set("from", "of", "to", "with", "against", "for", "on", "about", "under")

// phrasePreps open a phrase of where, when or how that names no speaker:
// before a sentence's subject ("In a video call with Biden, he demanded")
// or set off between a speaker and the verb ("Lord Nicholls, in his
// ruling, said").
var phrasePreps = set("in", "during", "at", "after", "before", "on", "with", "through", "via", "under", "speaking", "following")

// speaksNext reports whether the name at token k is the subject of a verb
// of speech: "Doug Ellis said", "Kuleba has told".
func (r *resolver) speaksNext(k int) bool {
	ts := r.d.toks
	// at the head of its clause, past a role: not "of Tods Murray said" nor
	// "when Mr Johnson had announced"
	m := k - 1
	for m >= 0 && ts[m].sent == ts[k].sent && (capWord(&ts[m]) || ts[m].in(wRole|wDet)) {
		m--
	}
	if m >= 0 && ts[m].sent == ts[k].sent && (subordinate[ts[m].low] ||
		!ts[m].isCap() && strings.HasSuffix(ts[m].low, "ed") && !ts[m].in(wReport|wStance)) {
		return false // nor "who had represented Mr Martin had said"
	}
	for k < len(ts) && capWord(&ts[k]) {
		k++
	}
	if m >= 1 && ts[m].sent == ts[k-1].sent && ts[m].in(wReport) && !strings.HasSuffix(ts[m].low, "ing") && ts[m-1].text == "," &&
		k < len(ts) && (ts[k].text == "." || ts[k].sent != ts[m].sent || ts[k].text == ",") {
		return true // "…, said Mr Clarke." and "On average, said Mr Macklin, users conduct"
	}
	if k+2 < len(ts) && ts[k].text == "," && ts[k+1].low == "who" && !ts[k+2].quoted && !strings.HasSuffix(ts[k+2].low, "ing") &&
		(ts[k+2].in(wReport) || namingVerbs[ts[k+2].low]) {
		return true // "the producer Quincy Jones, who described him as"
	}
	if k < len(ts) && ts[k].in(wSkip) {
		k++
	}
	return k < len(ts) && ts[k].in(wReport) && !strings.HasSuffix(ts[k].low, "ing")
}

// answersBut reports whether the name at token k opens a clause after "but"
// mid-sentence and speaks or takes a stance: "…, but Tennis Australia's
// Geoff Pollard rejected his comments".
func (r *resolver) answersBut(k int) bool {
	ts := r.d.toks
	m := k - 1
	for m >= 0 && k-m <= 6 && ts[m].sent == ts[k].sent && (capWord(&ts[m]) || ts[m].in(wRole|wDet) ||
		ts[m].isWord() && !functionWords[ts[m].low] && !ts[m].in(wReport|wStance) && ts[m].low != "but") {
		m-- // (a role in lower case: "but tournament director Ian Blake")
	}
	if m < 1 || ts[m].sent != ts[k].sent || ts[m].low != "but" || ts[m-1].sent != ts[k].sent {
		return false
	}
	for k < len(ts) && capWord(&ts[k]) {
		k++
	}
	if k+1 < len(ts) && (ts[k].low == "is" || ts[k].low == "was" || ts[k].low == "remains" || ts[k].low == "remained") &&
		(beliefAdjectives[ts[k+1].low] || unmovedWords[ts[k+1].low]) {
		return true // "…, but McIlroy is unfazed. He admitted: "…"": the one who answers
	}
	if k < len(ts) && ts[k].in(wSkip) {
		k++
	}
	return k < len(ts) && ts[k].in(wReport|wStance) && !strings.HasSuffix(ts[k].low, "ing") && !ts[k].quoted
}

// unmovedWords say how one stands up to what another said: "but McIlroy is unfazed".
var unmovedWords = set("unfazed", "unmoved", "undaunted", "unconcerned", "unperturbed", "unimpressed", "defiant", "unrepentant", "optimistic", "bullish")

// bodySpeaks reports whether the name at token k is followed by a verb of
// speech or of stance: "The National Audit Office praised", "The NAO said".
func (r *resolver) bodySpeaks(k int) bool {
	ts := r.d.toks
	for k < len(ts) && (capWord(&ts[k]) || connectorText(&ts[k]) && k+1 < len(ts) && capWord(&ts[k+1])) {
		k++
	}
	for k < len(ts) && ts[k].in(wSkip) {
		k++
	}
	return k < len(ts) && ts[k].in(wReport|wStance) && !ts[k].quoted && !strings.HasSuffix(ts[k].low, "ing")
}

// subordinate words open a clause or a phrase inside another: the name
// after them is not the sentence's speaker.
var subordinate = set("when", "that", "if", "after", "before", "because", "as", "while", "whether", "since", "until",
	"where", "than", "of", "at", "for", "from", "with", "by", "to", "in", "on", "about", "against", "between", "told", "asked")

// replyVerbs answer the words before them.
var replyVerbs = set("replied", "replies", "answered", "answers", "responded", "responds", "retorted", "retorts")

// askedIn finds the person asked in sentence s, whose persons are
// r.persons[lo:hi]: "a reporter asked Ryabkov whether".
func (r *resolver) askedIn(s, lo, hi int, question bool) string {
	ts := r.d.toks
	for k := lo; k < hi; k++ {
		q := r.persons[k]
		a := q.tok
		if a > 0 && ts[a-1].in(wHonorific) {
			a--
		}
		if a == 0 || ts[a-1].low != "asked" {
			continue
		}
		if question {
			// a question put to the person: "asked Mr Seely whether"
			e := q.tok
			for e < len(ts) && capWord(&ts[e]) {
				e++
			}
			if e >= len(ts) || !askWords[ts[e].low] {
				continue
			}
		}
		return r.canonical(r.variant(q.full))
	}
	return ""
}

// askWords open the question put to someone: "asked Mr Seely whether".
var askWords = set("whether", "if", "about", "what", "how", "why", "when", "where", "who")

// saidAfter reports whether sentence s ends in ", he said" with a pronoun
// of gender g: the sentence is that person's reported speech.
func (r *resolver) saidAfter(s int, g byte) bool {
	ts := r.d.toks
	e := r.closingVerb(s)
	if e < 0 || e-3 < r.d.sents[s].tok0 || ts[e-3].text != "," {
		return false
	}
	pg, ok := pronouns[ts[e-2].low]
	return ok && pg == g
}

// closingVerb gives where sentence s ends before its stops when a verb of
// speech outside quotes is its last word ("…, he said."), else -1.
func (r *resolver) closingVerb(s int) int {
	ts := r.d.toks
	st := r.d.sents[s]
	e := st.tok1
	for e > st.tok0 && isStop(&ts[e-1]) {
		e--
	}
	if e == st.tok0 || !ts[e-1].in(wReport) || ts[e-1].quoted {
		return -1
	}
	return e
}

// accordingDesc reads a described person whose account sentence s gives
// inside it: "…, according to an ntl spokesman, are …".
func (r *resolver) accordingDesc(s int) np {
	ts := r.d.toks
	st := r.d.sents[s]
	for k := st.tok0 + 1; k+3 < st.tok1; k++ {
		if ts[k].low != "according" || ts[k+1].low != "to" || ts[k].quoted || !ts[k+2].in(wDet) {
			continue
		}
		e := k + 3
		for e < st.tok1 && e < k+10 && ts[e].isWord() && !ts[e].quoted {
			e++
		}
		if q := parseNP(ts[k+2:e], k+2); q.kind == npDesc && humanHead(q.head) && !plural(q.head) {
			return q
		}
		return np{}
	}
	return np{}
}

// saidLast reports whether the name at token k is the subject of a speech
// clause that ends sentence s after a comma: "…, Mr Ushakov said."
func (r *resolver) saidLast(s, k int) bool {
	ts := r.d.toks
	e := r.closingVerb(s)
	if e < 0 || k < r.d.sents[s].tok0+1 || k >= e || ts[k-1].text != "," && !(k >= 2 && ts[k-1].in(wHonorific) && ts[k-2].text == ",") {
		return false
	}
	for m := k; m < e-1; m++ {
		if !capWord(&ts[m]) || ts[m].quoted {
			return false
		}
	}
	return true
}

// introducedWho reports whether the name at token k, anywhere in its
// sentence, is followed by a clause that introduces the person: "but not to
// Ukrainian-born jeweller Anna Kovalenko, who has lived in Philipsburg".
func (r *resolver) introducedWho(k int) bool {
	ts := r.d.toks
	e := k
	for e < len(ts) && capWord(&ts[e]) {
		e++
	}
	return e+1 < len(ts) && ts[e].text == "," && ts[e+1].low == "who"
}

// whoFollows reports whether the name at token k is followed by a relative
// clause of a person: "DiCaprio, who lost out on the best actor Bafta to
// Foxx, will face him again".
func (r *resolver) whoFollows(k int) bool {
	ts := r.d.toks
	if k >= len(ts) || r.d.sents[ts[k].sent].tok0 != k {
		return false // the name opens its sentence
	}
	for m := k + 1; m+2 < len(ts) && m <= k+4 && ts[m].sent == ts[k].sent; m++ {
		if ts[m].text == "," {
			w := ts[m+2].low // "Korn, who are known for": a band
			return (ts[m+1].low == "who" || ts[m+1].low == "whose") && w != "are" && w != "were" && w != "have"
		}
		if !capWord(&ts[m]) {
			return false
		}
	}
	return false
}

// quotedSent reports whether every word of sentence s is quoted.
func (r *resolver) quotedSent(s int) bool {
	st := r.d.sents[s]
	for k := st.tok0; k < st.tok1; k++ {
		if !r.d.toks[k].quoted && r.d.toks[k].isWord() {
			return false
		}
	}
	return true
}

// thing resolves "it" when the writer gives it words ("It says there is …"):
// the nearest subject before it that is an organisation or a document.
func (r *resolver) thing(p np) string {
	if r.subjectAll == nil || p.pos >= len(r.d.toks) {
		return ""
	}
	sent := r.d.toks[p.pos].sent
	ts, st := r.d.toks, r.d.sents[sent].tok0
	if p.pos+1 < len(ts) && r.lastSpeaker != "" && (r.isOrg(r.lastSpeaker) || r.genderOfName(r.lastSpeaker) == 0) &&
		(ts[p.pos+1].low == "also" && p.pos+2 < len(ts) && ts[p.pos+2].in(wReport) || addVerbs[ts[p.pos+1].low]) {
		// "Q Magazine said: "…" …. It also said", "the IAAF said … "…". It
		// added": the body that spoke before goes on
		return r.lastSpeaker
	}
	if st+2 < p.pos && ts[st].low == "the" && orgHeads[ts[st+1].low] && !humanHead(ts[st+1].low) && ts[st+2].isWord() && !ts[st+2].isCap() &&
		r.subjectAll(sent).kind == npNone {
		// "The tribunal upheld her claim, but said it found": the body that
		// opens the sentence, though its verb is no verb of speech
		body := np{kind: npDesc, name: ts[st+1].text, mention: ts[st].text + " " + ts[st+1].text, head: ts[st+1].low, definite: true, pos: st}
		if name, _ := r.resolve(body); name != "" {
			return name
		}
	}
	for s := sent; s >= 0 && s >= sent-3; s-- {
		subj := r.subjectAll(s)
		if subj.kind == npNone && s < sent {
			if o := r.statementBy(s, p.pos); o != "" {
				return r.fullOrg(r.orgName(o), p.pos) // "In a statement from Lycos Europe …, the company denied …. "…," it said"
			}
		}
		if subj.pos >= p.pos {
			continue
		}
		switch subj.kind {
		case npOrg:
			name, _ := r.resolve(subj)
			return name
		case npPerson:
			if r.isOrg(subj.name) {
				name, _ := r.resolve(subj)
				return name
			}
			if !strings.Contains(subj.name, " ") && subj.honor == "" {
				// a one-word name that is no person's surname: "Coca-Cola gave no details. Its statement …",
				// or a body's short name: "DrKW said … it added"
				if name, _ := r.resolve(subj); !strings.Contains(name, " ") || r.isOrg(name) || r.isShortName(subj.name) {
					return name
				}
			}
		case npDesc:
			if !humanHead(subj.head) && !personHead(subj.head) {
				if name, _ := r.resolve(subj); name != "" {
					return name
				}
			}
		}
	}
	return r.lastOrg(p.pos, "")
}

// addVerbs go on with what was said before: "It added".
var addVerbs = set("added", "adds", "continued", "continues")

// group resolves "they" and "we" given words: the nearest subject before
// them that is an organisation or a group of people ("officials", "MPs").
func (r *resolver) group(p np) string {
	if r.subjectAll == nil || p.pos >= len(r.d.toks) {
		return ""
	}
	sent := r.d.toks[p.pos].sent
	for s := sent; s >= 0 && s >= sent-3; s-- {
		subj := r.subjectAll(s)
		if subj.pos >= p.pos {
			continue
		}
		switch subj.kind {
		case npOrg:
			name, _ := r.resolve(subj)
			return name
		case npDesc:
			if plural(subj.head) || !humanHead(subj.head) && !personHead(subj.head) {
				if name, _ := r.resolve(subj); name != "" {
					return name
				}
			}
		case npPerson:
			if r.isOrg(subj.name) {
				name, _ := r.resolve(subj)
				return name
			}
			return ""
		}
	}
	return ""
}

// humanHead reports whether h is a role that makes its phrase a person. A
// word that only qualifies an office is none ("the state", "the
// interior"), but "the former" stands for the first of two named.
func humanHead(h string) bool {
	return roleWords[h] && !orgWords[h] && !(officeModifiers[h] && !officeNouns[h] && h != "former")
}

func plural(h string) bool {
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") || h == "people" || h == "staff"
}

// singular undoes an English plural: "bosses" → "boss", "producers" → "producer".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "ies") && len(w) > 5:
		return w[:len(w)-3] + "y" // "companies"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// demonyms reports whether t names people by nationality: "Ukrainians in
// Greater Manchester".
func demonyms(t *tok) bool {
	return t.isCap() && strings.HasSuffix(t.low, "s") && nationalNouns[singular(t.low)]
}

func descGender(h string) byte {
	if i := strings.Index(h, "-of-"); i > 0 {
		h = h[:i] // "the mother-of-nine"
	}
	if g := genderedNouns[h]; g != 0 {
		return g // "the actress", "the chairwoman"
	}
	if g := kinNouns[h]; g == 'm' || g == 'f' {
		return g
	}
	switch {
	case strings.HasSuffix(h, "woman"):
		return 'f'
	case strings.HasSuffix(h, "man"):
		return 'm'
	}
	return 0
}

// docHeads are documents that speak for their authors: "the report says".
var docHeads = set("message", "address", "greetings", "report", "statement", "readout", "study", "survey", "letter", "book", "document",
	"communique", "communiqué", "declaration", "findings", "memo", "notice", "tweet", "transcript", "release", "decree", "manifesto",
	"editorial", "minutes", "article", "advice", "complaint", "lawsuit", "newsletter", "leaflet", "bulletin", "pamphlet", "handbook")

// plaintiff finds who went to court before pos: the subject of "is
// suing", "filed the suit", "has issued a lawsuit".
func (r *resolver) plaintiff(pos int) string {
	ts := r.d.toks
	if pos >= len(ts) || r.subjectAll == nil {
		return ""
	}
	for s := ts[pos].sent; s >= 0; s-- {
		st := r.d.sents[s]
		for k := st.tok0; k < st.tok1 && k < pos; k++ {
			w := ts[k].low
			sues := !ts[k].quoted && (suingWords[w] || fileWords[w] && k+2 < st.tok1 && (courtFilings[ts[k+1].low] || courtFilings[ts[k+2].low]))
			if !sues {
				continue
			}
			if q := r.subjectAll(s); q.pos < k && (q.kind == npPerson || q.kind == npOrg) {
				if name, _ := r.resolve(q); name != "" {
					return name
				}
			}
			break
		}
	}
	return ""
}

var suingWords = set("suing", "sued", "sues")

var fileWords = set("filed", "issued", "lodged", "brought")

// courtFilings name one document: "Apple has issued a lawsuit …. The
// complaint said".
var courtFilings = set("complaint", "lawsuit", "suit", "writ")

// reportHeads are documents whose author the article may name apart.
var reportHeads = set("report", "study", "survey")

// reportAuthor names the one the article calls the author of the report a
// description names: "according to a report published by research
// consultancy Analysys" … "said Dr Alastair Brydon, author of the Analysys
// report".
func (r *resolver) reportAuthor(p np) string {
	ts := r.d.toks
	if !reportHeads[p.head] {
		return ""
	}
	var names []string // the names that say which report: "Analysys"
	for _, w := range strings.Fields(p.mention)[1:] {
		if startsUpper(w) && !strings.Contains(w, "-") { // (not "UK-based")
			names = append(names, lower(trimPossessive(w)))
		}
	}
	for _, q := range r.persons {
		e := q.tok + strings.Count(q.full, " ") + 1
		if e+3 >= len(ts) || ts[e].text != "," || ts[e+1].low != "author" || ts[e+2].low != "of" || q.poss {
			continue
		}
		k := e + 3
		for k < len(ts) && k < e+9 && ts[k].low != p.head && !isStop(&ts[k]) {
			k++
		}
		if k < len(ts) && ts[k].low == p.head && hasAll(lower(joinToks(ts[e+3:k])), names) {
			return r.canonical(q.full)
		}
	}
	return ""
}

// author finds who issued the document a description names: "the NAO's
// annual report" → the NAO; "the report" → the nearest earlier mention with
// an author ("A National Audit Office report", "a report by X"); "the
// statement" after "the White House said in a statement" → the White House.
func (r *resolver) author(p np) string {
	if f := strings.Fields(lower(p.mention)); len(f) > 0 && (f[0] == "its" || f[0] == "their") {
		// "Its statement said": the organisation just named
		return r.thing(p)
	} else if len(f) > 0 && (f[0] == "his" || f[0] == "her") {
		// "his report": the person the pronoun stands for
		g := byte('m')
		if f[0] == "her" {
			g = 'f'
		}
		who := r.pronoun(np{kind: npPronoun, mention: f[0], gender: g, pos: p.pos})
		if kin := trimPossessive(f[1]); who != "" && len(f) > 2 && kin != f[1] && kinNouns[kin] != 0 {
			// "Her mother's advice": the kin's
			if named := r.kinNamed(who, kin, p.pos); named != "" {
				return named
			}
			return who + "'s " + kin
		}
		return who
	}
	words := strings.Fields(p.name)
	if len(words) > 0 {
		// "the President's message": the office's holder, else the office
		if w := lower(trimPossessive(words[0])); isPossessive(words[0]) && (humanHead(w) || orgHeads[w] && !startsUpper(words[0])) {
			// (and "the department's website": the department's)
			d := np{kind: npDesc, name: trimPossessive(words[0]), head: w, definite: true, pos: p.pos}
			if name, _ := r.resolve(d); name != "" {
				return titleCase(name)
			}
		}
	}
	if len(words) > 1 && isPossessive(words[0]) {
		// "United's statement": the organisation named before in full
		o := trimPossessive(words[0])
		if full := r.fullOrg(o, p.pos); full != o {
			return full
		}
	}
	for k := 1; k+2 < len(words); k++ {
		// "the message from the head of state", "a statement from the discount phone firm"
		if (words[k] == "from" || words[k] == "of" || words[k] == "by") && lower(words[k+1]) == "the" {
			rest := lower(strings.Join(words[k+2:], " "))
			head := rest
			if i := strings.LastIndexByte(rest, ' '); i > 0 && !headOffices[rest] {
				head = rest[i+1:]
			}
			if humanHead(head) || headOffices[head] || orgHeads[head] {
				d := np{kind: npDesc, name: strings.Join(words[k+2:], " "), head: head, definite: true, pos: p.pos}
				if name, _ := r.resolve(d); name != "" && name != d.name {
					return name
				}
			}
		}
	}
	if who := r.reportAuthor(p); who != "" {
		return who
	}
	if a := capPrefix(strings.Fields(p.name)); a != "" {
		return r.authorName(a, p.pos)
	}
	ts := r.d.toks
	if courtFilings[p.head] {
		if who := r.plaintiff(p.pos); who != "" {
			return who // "Bruce Willis is suing …. The lawsuit said"
		}
	}
	for i := p.pos - 1; i >= 0 && i > p.pos-600; i-- {
		if ts[i].quoted || ts[i].low != p.head {
			continue
		}
		if i >= 4 && r.subjectAll != nil && accordingBefore(ts, i) {
			// "The FSM Department of Foreign Affairs has expressed its "deep
			// concern" …, according to a press release issued by the FSM
			// Information Services": whoever issued it, the words it
			// carries are the subject's
			if q := r.subjectAll(ts[i].sent); q.kind == npOrg && q.pos < i && quotedIn(ts[q.pos:i]) {
				if name, _ := r.resolve(q); name != "" {
					return name
				}
			}
		}
		e := i + 1
		if e+1 < len(ts) && issuedBy[ts[e].low] && ts[e+1].low == "by" {
			e++ // "A statement issued by the Ministry"
		}
		if e+1 < len(ts) && (ts[e].low == "from" || ts[e].low == "by") {
			// "an open letter from chief executive Sidney Taurel", "the report
			// by telecoms giant BT"
			for e++; e < len(ts) && e < i+6 && (ts[e].in(wRole) || ts[e].low == "the" || ts[e].isWord() && !functionWords[ts[e].low] && !ts[e].in(wReport|wStance|wSkip|wConnector)) &&
				!ts[e].isCap() && !ts[e].quoted; e++ {
			}
			end := e // (a name opens it: not "of Latvia" after "by the defense ministries")
			for end < len(ts) && end < e+8 && capWord(&ts[e]) && (capWord(&ts[end]) || ts[end].in(wConnector) && end+1 < len(ts) && capWord(&ts[end+1]) && !datePhrase(ts, end)) {
				end++
			}
			if q := parseNP(ts[e:end], e); q.kind == npPerson || q.kind == npOrg {
				name, _ := r.resolve(q)
				return name
			} else if q.kind == npDesc && orgHeads[q.head] && !humanHead(q.head) {
				return r.lastOrg(e, q.head) // "issued by the Ministry": the one named before
			}
		}
		j := i
		for j > 0 && i-j < 6 && ts[j-1].isWord() && !ts[j-1].in(wDet|wReport|wLead) {
			j--
		}
		var words []string
		for _, t := range ts[j:i] {
			words = append(words, t.text)
		}
		if a := capPrefix(words); a != "" {
			return r.fullOrg(r.orgName(a), i) // "the minutes" after "The Bank's minutes": the Bank of England's
		}
		if k := i - 1; k > 0 && ts[k].in(wDet) && ts[k-1].low == "in" && r.subjectAll != nil &&
			(k-1 == r.d.sents[ts[i].sent].tok0 || ts[k-2].text == "," || ts[k-2].in(wConnector)) {
			// "In his message of greetings to …, Vladimir Putin noted": the
			// subject after the phrase wrote it
			// (a subject that is itself a document would ask for its author again)
			// ("In a statement posted on its website, it described": the body
			// the "it" stands for)
			if q := r.subjectAll(ts[i].sent); q.kind == npPerson || q.kind == npOrg || q.kind == npPronoun && q.pos > i ||
				q.kind == npDesc && q.definite && !docHeads[q.head] {
				if name, _ := r.resolve(q); name != "" {
					return name
				}
			}
		}
		if st := r.d.sents[ts[i].sent].tok0; i-3 >= st && ts[i-2].low == "in" && ts[i-3].in(wReport) {
			// "X said in a statement" (the verb in the same sentence)
			if q := npBackward(ts[st:i-2], i-3-st, st); q.kind != npNone && q.kind != npPronoun {
				name, _ := r.resolve(q)
				return name
			}
		}
		d := i - 1
		if d >= 2 && !ts[d].in(wDet) && !ts[d].isCap() && ts[d].isWord() && ts[d-1].in(wDet) {
			d-- // "a press statement", "a joint statement"
		}
		if d >= 1 && ts[d].in(wDet) && issuedIn[ts[d-1].low] && r.subjectAll != nil {
			// "The Ministry of Foreign Affairs gave the advice in a
			// statement", "The ministry issued a statement", "Issuing a
			// press statement today, the ministry said": its subject wrote it
			if q := r.subjectAll(ts[i].sent); (q.pos < i || strings.HasSuffix(ts[d-1].low, "ing")) && (q.kind == npPerson || q.kind == npOrg || q.kind == npDesc && q.definite && !docHeads[q.head]) {
				if name, _ := r.resolve(q); name != "" {
					return name
				}
			}
		}
	}
	if writtenHeads[p.head] && p.definite && r.subjectAll != nil && p.pos < len(ts) {
		// "The SFA said it had written to the UK government …. "…," the
		// letter said": the one who wrote shortly before
		for s := ts[p.pos].sent - 1; s >= 0 && s >= ts[p.pos].sent-3; s-- {
			st := r.d.sents[s]
			wrote := false
			for k := st.tok0; k < st.tok1; k++ {
				wrote = wrote || !ts[k].quoted && (ts[k].low == "written" || ts[k].low == "wrote")
			}
			if !wrote {
				continue
			}
			if q := r.subjectAll(s); q.kind == npPerson || q.kind == npOrg {
				if name, _ := r.resolve(q); name != "" {
					return name
				}
			}
			break
		}
	}
	if (p.head == "report" || p.head == "study" || p.head == "survey") && p.definite && r.subjectAll != nil && p.pos < len(ts) {
		// "…, a report says. ¶ The National Audit Office praised ministers
		// …": a report no one is named as writing is the body the opening
		// paragraphs have as a subject
		for s := 0; s < 6 && s < ts[p.pos].sent; s++ {
			if q := r.subjectAll(s); q.kind == npOrg && !platforms[lower(q.name)] && r.bodySpeaks(q.pos) {
				if name, _ := r.resolve(q); name != "" {
					return name
				}
			}
		}
	}
	return ""
}

// writtenHeads are documents someone writes to someone: "the letter said".
var writtenHeads = set("letter", "email", "e-mail", "note", "message")

// issuedIn are the words before "a statement" whose sentence's subject wrote it.
var issuedIn = set("in", "issued", "released", "published", "posted", "issuing", "releasing", "publishing", "posting", "filed", "lodged", "filing")

// issuedBy are the participles between a document and "by" its author.
var issuedBy = set("issued", "released", "published", "signed", "posted", "sent")

// authorName is the author a document is named by, its capitalised prefix:
// a person the article names ("Mr Kok's report", "the Kok report" → Wim
// Kok), else an organisation ("a Kremlin decree").
func (r *resolver) authorName(a string, pos int) string {
	ws := strings.Fields(a)
	honor := ""
	if _, ok := honorifics[lower(ws[0])]; ok && len(ws) > 1 {
		honor, ws = lower(ws[0]), ws[1:]
	}
	if len(ws) == 1 {
		if full, _ := r.surname(ws[0], pos); full != "" {
			return r.canonical(full)
		}
	}
	if honor != "" {
		return r.canonical(strings.Join(ws, " "))
	}
	return r.orgName(a)
}

// capPrefix returns the capitalised words a description starts with, its
// author: "NAO's annual report" → "NAO".
func capPrefix(words []string) string {
	n := 0
	for n < len(words) {
		r, _ := utf8.DecodeRuneInString(words[n])
		if !unicode.IsUpper(r) {
			break
		}
		n++
		if isPossessive(words[n-1]) {
			break
		}
	}
	if n == 0 {
		return ""
	}
	if n == 1 && notNames[lower(trimPossessive(words[0]))] {
		return "" // "the British report"
	}
	words = append([]string(nil), words[:n]...)
	words[n-1] = trimPossessive(words[n-1])
	if w := lower(words[n-1]); roleWords[w] && !orgWords[w] {
		return ""
	}
	return strings.Join(words, " ")
}

// orgName spells an organisation out when the article does: "NAO" →
// "National Audit Office".
func (r *resolver) orgName(name string) string {
	if full, ok := r.shortName(name); ok {
		return full
	}
	return r.canonical(name)
}

// shortName expands a short name the article defines: a word in brackets
// after a capitalised run ("the Greek Athletics Federation (Segas)", "the
// Solvent Extractors' Association of India (SEA)"), else an acronym of one
// ("the National Audit Office … The NAO").
func (r *resolver) shortName(name string) (string, bool) {
	if strings.Contains(name, " ") {
		return "", false
	}
	if r.glosses == nil {
		r.glosses = map[string]string{}
		ts := r.d.toks
		for j := 2; j+2 < len(ts); j++ {
			if ts[j].text != "(" || ts[j+2].text != ")" || !capWord(&ts[j+1]) || !capWord(&ts[j-1]) || ts[j].quoted ||
				!capWord(&ts[j-2]) && !(ts[j-2].in(wConnector) && j >= 3 && capWord(&ts[j-3])) {
				continue
			}
			i := j - 1
			for i > 0 && !ts[i-1].quoted && (capWord(&ts[i-1]) || ts[i-1].in(wConnector) && i > 1 && capWord(&ts[i-2]) ||
				isApostrophe(ts[i-1].text) && i > 1 && capWord(&ts[i-2]) || listComma(ts, i-1)) {
				i-- // "the Solvent Extractors' Association of India (SEA)", "of Radio, Film and Television (SARFT)"
			}
			r.glosses[ts[j+1].text] = strings.TrimPrefix(trimPossessive(joinToks(ts[i:j])), "The ")
		}
		for j := 0; j+4 < len(ts); j++ {
			// the full name in apposition after the short one: "CENTR, the
			// Council of European National Top Level Domain Registries,"
			if !isAcronym(ts[j].text) || ts[j].quoted || ts[j+1].text != "," || ts[j+2].low != "the" || !capWord(&ts[j+3]) {
				continue
			}
			e := j + 3
			for e < len(ts) && !ts[e].quoted && (capWord(&ts[e]) || ts[e].in(wConnector) && e+1 < len(ts) && capWord(&ts[e+1])) {
				e++
			}
			if _, ok := r.glosses[ts[j].text]; !ok && e < len(ts) && e-j >= 5 && ts[e].text == "," {
				r.glosses[ts[j].text] = joinToks(ts[j+3 : e])
			}
		}
		// a firm of partners goes by its first: "Marsh" is Marsh & McLennan,
		// unless a person of the article has that surname
	firms:
		for j := 1; j+1 < len(ts); j++ {
			if ts[j].text != "&" || ts[j].quoted || !capWord(&ts[j-1]) || !capWord(&ts[j+1]) || isPossessive(ts[j-1].text) {
				continue
			}
			first := ts[j-1].text
			for _, p := range r.persons {
				if p.sur == lower(first) {
					continue firms
				}
			}
			e := j + 2
			for e < len(ts) && capWord(&ts[e]) && !isPossessive(ts[e-1].text) {
				e++
			}
			if _, ok := r.glosses[first]; !ok {
				r.glosses[first] = trimPossessive(joinToks(ts[j-1 : e]))
			}
		}
	}
	if full, ok := r.glosses[name]; ok {
		return full, ok
	}
	key := name
	if strings.Contains(name, "&") && !strings.HasPrefix(name, "&") {
		key = strings.ReplaceAll(name, "&", "") // "B&B" after "Bradford & Bingley"
	}
	if !isAcronym(key) {
		if key = mixedAcronym(key); key == "" {
			return "", false
		}
	}
	if r.acronyms == nil {
		r.acronyms = map[string]string{}
		ts := r.d.toks
		for i := 0; i < len(ts); {
			if !capWord(&ts[i]) || ts[i].quoted {
				i++
				continue
			}
			j, ini := i, []byte{}
			for j < len(ts) && !ts[j].quoted && (capWord(&ts[j]) || (ts[j].in(wConnector) || ts[j].text == "&") && j+1 < len(ts) && capWord(&ts[j+1]) && j > i) {
				if capWord(&ts[j]) {
					// one byte per capitalised word, so that the tails below
					// line up: a non-ASCII initial ("Élysée") makes no acronym
					c, _ := utf8.DecodeRuneInString(ts[j].text)
					if c >= utf8.RuneSelf {
						c = '?'
					}
					ini = append(ini, byte(c))
				}
				j++
			}
			if len(ini) >= 2 && j-i >= 2 {
				// every part of the run from a capital to a capital: "the
				// Tory-led National Audit Office", "The Department of Foreign
				// Affairs and Trade on Sunday"
				first := 0 // ini's index of ts[k]'s initial
				for k := i; k < j-1; k++ {
					if !capWord(&ts[k]) {
						continue
					}
					n := 0
					for e := k + 1; e <= j; e++ {
						if !capWord(&ts[e-1]) {
							continue
						}
						n++
						if n < 2 {
							continue
						}
						a := string(ini[first : first+n])
						if _, ok := r.acronyms[a]; !ok {
							r.acronyms[a] = trimPossessive(joinToks(ts[k:e]))
						}
					}
					first++
				}
			}
			i = j
		}
	}
	full, ok := r.acronyms[key]
	return full, ok
}

// isShortName reports whether the article spells name out: "DrKW".
func (r *resolver) isShortName(name string) bool {
	_, ok := r.shortName(trimPossessive(name))
	return ok
}

// byRoleInitials finds the nearest person named before pos whose role ends
// in words with these initials: "the CS" is the "Cabinet Secretary".
func (r *resolver) byRoleInitials(ini string, pos int) string {
	ini = lower(ini)
	for k := len(r.persons) - 1; k >= 0; k-- {
		q := r.persons[k]
		if q.tok >= pos {
			continue
		}
		ws := strings.Fields(q.role)
		if len(ws) < len(ini) || len(ini) < 2 {
			continue
		}
		ok := true
		for j, w := range ws[len(ws)-len(ini):] {
			if w[0] != ini[j] {
				ok = false
				break
			}
		}
		if ok {
			return q.full
		}
	}
	return ""
}

// dottedInitials returns the letters of a name written as initials ("L.F.",
// "L. F."), else "".
func dottedInitials(s string) string {
	if len(s) < 4 || len(s) > 9 || s[1] != '.' {
		return ""
	}
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ' ' }) {
		if len(w) != 1 || w[0] < 'A' || w[0] > 'Z' {
			return ""
		}
		b.WriteString(w)
	}
	if b.Len() < 2 || b.Len() > 3 || strings.Count(s, ".") < b.Len() {
		return ""
	}
	return b.String()
}

// byInitials finds the one person named before pos whose full name has the
// initials ini.
func (r *resolver) byInitials(ini string, pos int) string {
	found := ""
	for _, p := range r.persons {
		if p.tok >= pos || !strings.Contains(p.full, " ") {
			continue
		}
		var b strings.Builder
		for _, w := range strings.Fields(p.full) {
			b.WriteString(w[:1])
		}
		if b.String() != ini {
			continue
		}
		if found != "" && r.canonical(found) != r.canonical(p.full) {
			return ""
		}
		found = p.full
	}
	return found
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// mixedAcronym gives the capitals of an acronym with small letters in it,
// "DrKW" (Dresdner Kleinwort Wasserstein), "PwC": more capitals than small
// letters, so that no "McCain" is one.
func mixedAcronym(s string) string {
	if len(s) < 3 || len(s) > 6 || s[0] < 'A' || s[0] > 'Z' {
		return ""
	}
	var caps []byte
	small := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			caps = append(caps, c)
		case 'a' <= c && c <= 'z':
			small++
		default:
			return ""
		}
	}
	if len(caps) < 2 || small >= len(caps) {
		return ""
	}
	return string(caps)
}

// capitalsOf gives the first capital of each word: "CSA" for "Conseil
// Superieur de l'Audiovisuel".
func capitalsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		for _, c := range w {
			if unicode.IsUpper(c) {
				b.WriteRune(c)
				break
			}
		}
	}
	return b.String()
}

// namedLater finds the person a description is followed by in the next
// sentences, with the description's role: "a spokesman stressed … "…," MAB
// spokesman Dr Azzam Tamimi said".
func (r *resolver) namedLater(p np) string {
	ts := r.d.toks
	if p.pos >= len(ts) || !humanHead(p.head) && !personHead(p.head) && !agentNoun(p.head) || plural(p.head) {
		return "" // ("One caller, who gave his name only as Vernon": a person, though no list's)
	}
	if r.byAge(p) != "" {
		return "" // the age of one named before: "Iryna Kovalchuk (34) …. The 34-year-old said"
	}
	sent := ts[p.pos].sent
	// "the ambassador" after "A European ambassador in Pretoria … said" is
	// that one, not the one the next sentences name
	back := p.definite && r.indefiniteBefore(p)
	// a lede's "one Wollongong economist" may be named paragraphs later
	// ("the University of Wollongong economist Dr Ben Carrodus"), by the
	// role and the names that qualify it
	mods, g := capModifiers(p.name, p.head), descGender(p.head)
	far := sent == 0 && !p.definite && len(mods) > 0
	for _, q := range r.persons {
		if q.tok <= p.pos {
			continue
		}
		if q.sent > sent+2 {
			if !far {
				break
			}
			// (the role the index left out: "For Merbein grower Petro Savchuk")
			before := lower(joinToks(ts[max(r.d.sents[q.sent].tok0, q.tok-6):q.tok]))
			if (roleMatches(q.role, p.head, p.name) || q.role == "" && strings.Contains(before, p.head)) && hasAll(before, mods) {
				return r.canonical(r.variant(q.full))
			}
			if p.head == "woman" || p.head == "man" {
				// "A Castletroy woman … says" is the woman whose sentence
				// puts her in the place after her name: "Kateryna Walsh, has
				// lived in Castletroy for 11 years" (not "North Ayrshire and
				// Arran MP Patricia Gibson"), one with no office (not
				// "Ukraine's ambassador to Ireland, Larysa Gerasko, to the
				// crowd …, among them a busload from Portlaoise")
				st := r.d.sents[q.sent]
				if q.gender == g && !q.poss && q.tok < st.tok1 && !hasOffice(q.role) && hasAll(lower(joinToks(ts[q.tok:st.tok1])), mods) {
					return r.canonical(r.variant(q.full))
				}
			} else if q.role == "" && !officeHeads[p.head] && (g == 0 || q.gender == g) && !q.poss && r.wordsAfter(q.tok, mods) {
				// "A Narromine grain grower says" is "Gerard Hoban, who crops
				// … east of Narromine": the place as a word after the name
				return r.canonical(r.variant(q.full))
			}
			continue
		}
		if !back && !p.definite && q.role == "" && !q.poss && r.doesTrade(q.tok, p.head) {
			// "one Barkly station manager says" is "Lachlan Doherty, who
			// manages a … cattle station"
			return r.canonical(r.variant(q.full))
		}
		if !back && roleMatches(q.role, p.head, p.name) && (p.definite && !postNominals[p.head] || hasAll(q.role, mods) ||
			hasAll(lower(joinToks(ts[max(r.d.sents[q.sent].tok0, q.tok-6):q.tok])), mods)) {
			// (not "the Labour MP" for any MP, nor "a Thales spokesperson"
			// for the DUP's spokesman; but "Brigalow grower Ian Haslam" for
			// "a Brigalow farmer", the place before the office)
			return r.canonical(r.variant(q.full))
		}
		if !back && p.definite && !hasOffice(q.role) && officeMatches(q.office, p.head, p.name) {
			// the office held that day, named just after: "…," the Kremlin
			// spokesman told reporters. Dmitry Peskov also accused"
			return r.canonical(q.full)
		}
		if nameGiven(ts, p.pos, q.tok) || q.sent == sent && apposedSpeaker(ts, p.pos, q) {
			return r.canonical(q.full)
		}
	}
	// "… the spokesman said. State Department Ned Price in a statement.": a
	// definite description nothing before explains, named by the next sentence
	// (not a kin word or an age the sentences before explain: "The
	// 66-year-old retired harbour engineer said …. "…," the grandfather of
	// five added. ¶ Angus MP Dave Doogan told")
	if p.definite && r.subject != nil && !r.introduced(p) && !r.topicBefore(sent) && !((kinNouns[p.head] != 0 || aged(p) || strings.HasSuffix(p.head, "-year-old")) && r.anaphor(p) != "") {
		if q := r.subject(sent + 1); q.kind == npPerson && r.knownPerson(q) && !r.otherOfficeOf(q, p) {
			if name, _ := r.resolve(q); !r.otherCountry(name, p.name) {
				if g, gn := descGender(p.head), r.genderOfName(name); g == 0 || gn == 0 || g == gn {
					return name // not "The actress said …. Mr Boyd said"
				}
			}
		}
	}
	return ""
}

// doesTrade reports whether the clause after the name at token i says the
// person does what the agent noun head names: "Lachlan Doherty, who
// manages a … station" for a "manager", "who farms 600 ewes" for a
// "farmer".
func (r *resolver) doesTrade(i int, head string) bool {
	stem, ok := strings.CutSuffix(head, "er")
	if !ok || len(stem) < 4 {
		return false
	}
	ts := r.d.toks
	k := i
	for k < len(ts) && capWord(&ts[k]) {
		k++
	}
	if k+2 >= len(ts) || ts[k].text != "," || ts[k+1].low != "who" {
		return false
	}
	w := ts[k+2].low
	return w == stem+"s" || w == stem+"es" // ("manages", "teaches")
}

// wordsAfter reports whether every word of mods stands, as a word, in the
// sentence of token i from i on: "A Narromine grain grower" is one whose
// sentence says "east of Narromine" (not "a PR expert" one whose says
// "in prison").
func (r *resolver) wordsAfter(i int, mods []string) bool {
	ts := r.d.toks
	end := r.d.sents[ts[i].sent].tok1
	for _, m := range mods {
		k := i
		for k < end && ts[k].low != m {
			k++
		}
		if k == end {
			return false
		}
	}
	return true
}

// unquotedBefore is the last sentence before sent that is not wholly
// inside a quotation (sentence 0 at the least), or -1 for sentence 0.
func (r *resolver) unquotedBefore(sent int) int {
	s := sent - 1
	for s > 0 && r.quotedSent(s) {
		s--
	}
	return s
}

// topicBefore reports whether the sentence before sent has a person for its
// subject, whom a description in sent may name again: "he slightly increased
// borrowing …. The chancellor also hailed".
func (r *resolver) topicBefore(sent int) bool {
	s := r.unquotedBefore(sent) // (past the quote the description closes: "Mayor Shaun Radnedge said …. "We've got graders …. …," the shire boss said")
	if s < 0 {
		return false
	}
	q := r.subject(s)
	return q.kind == npPronoun && (q.gender == 'm' || q.gender == 'f') || q.kind == npPerson && r.knownPerson(q)
}

// apposedSpeaker reports whether q, set off by commas, is the last
// apposition of the description at pos before its verb of speech: "A senior
// lecturer at the Legon Centre (LECIAD), University of Ghana, Dr Kwesi
// Amoako-Attah, told".
func apposedSpeaker(ts []tok, pos int, q person) bool {
	e := q.tok + strings.Count(q.full, " ") + 1
	if e+1 >= len(ts) || ts[e].text != "," || !ts[e+1].in(wReport) {
		return false
	}
	m := q.tok - 1
	for m > pos && (ts[m].in(wHonorific) || ts[m].in(wRole)) {
		m--
	}
	if m <= pos || ts[m].text != "," {
		return false
	}
	for k := pos; k < m; k++ {
		if ts[k].in(wReport) || ts[k].quoted {
			return false
		}
	}
	return true
}

// apposedTo gives the person whose name and a comma stand just before pos,
// whom a description there is about.
func (r *resolver) apposedTo(pos int) string {
	if pos < 2 || r.d.toks[pos-1].text != "," {
		return ""
	}
	for _, q := range r.persons {
		if q.tok+strings.Count(q.full, " ")+1 == pos-1 && !q.poss && !r.d.toks[q.tok].in(wDet) && r.d.toks[q.tok].low != "another" {
			return r.canonical(q.full)
		}
	}
	return ""
}

// nameGiven reports whether the name at ts[at] is the one the person
// described at ts[pos] gave in a clause of theirs: "Another student, who
// simply gave her name as Blessing,", "a soldier who identified himself only
// as Oleh".
func nameGiven(ts []tok, pos, at int) bool {
	if at-pos > 16 || ts[at].sent != ts[pos].sent || !namedAs(ts, at) {
		return false
	}
	for k := pos + 1; k < at-2; k++ {
		if ts[k].low == "who" && ts[k-1].text == "," {
			return true
		}
	}
	return false
}

// namedAs reports whether the name at ts[at] is given after "name as",
// "identified as", "identified himself only as": a name, whatever the word.
func namedAs(ts []tok, at int) bool {
	if at < 3 || ts[at-1].low != "as" {
		return false
	}
	w := ts[at-2].low
	if w == "only" {
		w = ts[at-3].low
	}
	return w == "name" || w == "identified" || w == "himself" || w == "herself"
}

// indefiniteBefore reports whether an indefinite description with the same
// head stands before p in its sentence or the three before: "A European ambassador in
// Pretoria" before "the ambassador".
func (r *resolver) indefiniteBefore(p np) bool {
	ts := r.d.toks
	if p.pos >= len(ts) {
		return false
	}
	for i := p.pos - 1; i >= 0 && ts[i].sent >= ts[p.pos].sent-3; i-- {
		if ts[i].quoted || ts[i].low != p.head {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if ts[k].low == "a" || ts[k].low == "an" {
				return true
			}
			if !ts[k].isWord() || ts[k].in(wDet) {
				break
			}
		}
	}
	return false
}

// introducedAs reports whether an indefinite description with p's head is
// the subject of one of the two sentences before p's.
func (r *resolver) introducedAs(p np) bool {
	ts := r.d.toks
	if r.subjectAll == nil || p.pos >= len(ts) || !humanHead(p.head) || plural(p.head) {
		return false
	}
	for s := ts[p.pos].sent - 1; s >= 0 && s >= ts[p.pos].sent-2; s-- {
		if q := r.subjectAll(s); q.kind == npDesc && !q.definite && q.head == p.head && q.pos < p.pos {
			return true
		}
	}
	return false
}

// introduced reports whether a description's head was used before it.
func (r *resolver) introduced(p np) bool {
	ts := r.d.toks
	for i := p.pos - 1; i >= 0; i-- {
		if !ts[i].quoted && roleHas(ts[i].low, p.head) {
			return true
		}
	}
	for _, q := range r.persons {
		if q.tok >= p.pos {
			break
		}
		if roleHas(q.role, p.head) {
			return true
		}
	}
	return false
}

// roleModifiers returns the words of a description before its head that
// narrow the office: "foreign" and "prime" of "the foreign minister", "the
// prime minister"; a role must have them all to be the same office.
func roleModifiers(desc, head string) []string {
	var mods []string
	for _, w := range strings.Fields(lower(desc)) {
		if w == head || strings.HasPrefix(head, w+" ") {
			break
		}
		switch w {
		case "senior", "former", "the", "a", "an", "new", "current", "top", "chief":
			continue
		}
		if roleWords[w] {
			mods = append(mods, w)
		}
	}
	return mods
}

// keepIf returns the candidates ok accepts, or all of them when it accepts none.
func keepIf(cands []string, ok func(string) bool) []string {
	var keep []string
	for _, c := range cands {
		if ok(c) {
			keep = append(keep, c)
		}
	}
	if len(keep) == 0 {
		return cands
	}
	return keep
}

// bodyOfOffice are the capitalised words, in lower case, of the body after
// the head's "of": "european council" of "the President of the European
// Council"; none for a country ("the President of Ukraine").
func bodyOfOffice(desc, head string) []string {
	ws := strings.Fields(desc)
	for i, w := range ws {
		if lower(w) != head || i+1 >= len(ws) || ws[i+1] != "of" {
			continue
		}
		var body []string
		for _, b := range ws[i+2:] {
			if b == "the" {
				continue
			}
			if !startsUpper(b) {
				break
			}
			body = append(body, lower(b))
		}
		if len(body) == 1 && countryWord(body[0]) {
			return nil
		}
		return body
	}
	return nil
}

// capModifiers are the capitalised words before the head of a description:
// the seat of "the Glasgow Kelvin MP", which another MP's role lacks.
func capModifiers(desc, head string) []string {
	var mods []string
	for _, w := range strings.Fields(desc) {
		if lw := lower(w); lw == head {
			break
		} else if startsUpper(w) && lw != "the" {
			mods = append(mods, lw)
		}
	}
	return mods
}

// ownerModifiers are the capitalised modifiers of a description that name
// its owner, not its country: "Biden" of "the Biden administration", none of
// "the UK operator".
func ownerModifiers(desc, head string) []string {
	var mods []string
	for _, m := range capModifiers(desc, head) {
		if !countryWord(m) && !strings.HasSuffix(m, "-based") { // "The Canada-based company" is where it is
			mods = append(mods, m)
		}
	}
	return mods
}

func hasAll(role string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(role, w) {
			return false
		}
	}
	return true
}

// otherOffice are modifiers that make another office of a role: a "shadow
// foreign secretary" is not "the foreign minister".
var otherOffice = []string{"shadow", "deputy", "vice", "former", "junior", "assistant", "under-secretary", "ex-"}

// roleMatches reports whether a person's role is the office a description
// names: its head (or a synonym), every modifier of the description, and no
// modifier that makes it another office.
func roleMatches(role, head, desc string) bool {
	if a, b, two := strings.Cut(role, " and "); two {
		// two offices: "assistant foreign minister and spokesperson" is a
		// spokesperson, not an assistant one
		return roleMatches(a, head, desc) || roleMatches(b, head, desc)
	}
	if !roleHas(role, head) || !hasAll(role, roleModifiers(desc, head)) {
		return false
	}
	d := lower(desc)
	if head == "minister" && strings.Contains(role, "prime minister") && !strings.Contains(d, "prime") {
		return false // "the minister" is not the prime minister
	}
	return !anotherOffice(role, d)
}

// anotherOffice reports whether role has a modifier that makes it another
// office than the description desc (in lower case) names.
func anotherOffice(role, desc string) bool {
	for _, m := range otherOffice {
		if strings.Contains(role, m) && !strings.Contains(desc, m) {
			return true
		}
	}
	// "the 43rd President of the United States" held the office once: he
	// is not "the President" of a release that names the one who holds it
	for _, w := range strings.Fields(role) {
		if numericOrdinal(w) && !strings.Contains(desc, w) {
			return true
		}
	}
	return false
}

// numericOrdinal reports whether w is an ordinal in figures: "43rd".
func numericOrdinal(w string) bool {
	n := stripOrd(w)
	return n != w && allDigits(n)
}

// headOffices are the offices named "head of": a president's and a prime
// minister's.
var headOffices = set("head of state", "head of government")

// addsTo reports whether the description at pos is the subject of "added":
// "The minister added that".
func addsTo(ts []tok, pos int) bool {
	for k := pos + 1; k < len(ts) && k <= pos+5 && ts[k].sent == ts[pos].sent && !ts[k].quoted; k++ {
		if ts[k].low == "added" || ts[k].low == "adds" {
			return true
		}
		if !ts[k].isWord() {
			return false
		}
	}
	return false
}

// roleSynonyms are heads that name the same office: "the minister" after
// "Education Secretary Ruth Kelly".
var roleSynonyms = map[string][]string{
	"minister": {"secretary"}, "secretary": {"minister"},
	"spokesman": {"spokesperson"}, "spokeswoman": {"spokesperson"},
	"spokesperson": {"spokesman", "spokeswoman"}, "leader": {"chairman", "premier", "president", "prime minister", "chancellor"},
	"head of state": {"president"}, "head of government": {"prime minister", "premier"}, "envoy": {"ambassador"}, "ambassador": {"envoy"},
	// "the expert said" after "Igor Kravtsov, a senior researcher at IMEMO"
	"expert":  {"analyst", "researcher", "professor", "economist", "specialist", "scholar", "academic", "fellow"},
	"analyst": {"expert", "researcher", "economist", "specialist"},
	"writer":  {"novelist", "author"}, "author": {"novelist", "writer"}, // "the writer" after "novelist Arthur Hailey"
	"researcher": {"analyst", "expert", "fellow", "scholar", "specialist", "scientist", "professor", "academic"},
	"academic":   {"professor", "researcher", "scholar", "lecturer"},
	// "The congressman" after "U.S. Rep. Bill Keating"
	"congressman":   {"rep.", "representative"},
	"congresswoman": {"rep.", "representative"},
	// "a Brigalow farmer" named later as "Brigalow grower Ian Haslam"
	"farmer": {"grower", "grazier", "producer"}, "grower": {"farmer"}, "grazier": {"farmer"},
}

func roleHas(role, head string) bool {
	if headIn(role, head) {
		return true
	}
	for _, h := range roleSynonyms[head] {
		if strings.Contains(role, h) && !(h == "secretary" && (strings.Contains(role, "secretary general") ||
			strings.Contains(role, "secretary-general") || strings.Contains(role, "general secretary") || strings.Contains(role, "press secretary"))) {
			return true
		}
	}
	return false
}

// headIn reports whether role holds head as its office, not only after "of"
// as whom the office serves: "head of the office of the president" is no
// president.
func headIn(role, head string) bool {
	for at := 0; ; {
		k := strings.Index(role[at:], head)
		if k < 0 {
			return false
		}
		k += at
		if !strings.HasSuffix(role[:k], "of the ") && !strings.HasSuffix(role[:k], "of ") {
			return true
		}
		at = k + len(head)
	}
}

// otherPortfolio reports whether desc names an office by a capitalised
// portfolio just before its head that role lacks: "the Resources Minister"
// is not "Foreign Minister Marise Payne".
func otherPortfolio(role, desc, head string) bool {
	f := strings.Fields(desc)
	for k := 1; k < len(f); k++ {
		if lower(f[k]) != head {
			continue
		}
		w := f[k-1]
		lw := lower(w)
		return startsUpper(w) && portfolios[lw] && !strings.Contains(role, lw)
	}
	return false
}

// portfolios are the fields of a minister's office that a capitalised
// word before "Minister" or "Secretary" names: "the Resources Minister".
var portfolios = set("resources", "trade", "education", "health", "treasury", "energy", "environment", "agriculture",
	"transport", "justice", "immigration", "industry", "finance", "communications", "tourism", "infrastructure",
	"housing", "culture", "sport", "employment", "labour", "veterans", "science", "water", "welfare", "economy")

// byRole finds the nearest person named before pos whose role has head:
// "the President" after "President Volodymyr Zelenskyy".
func (r *resolver) byRole(head, desc string, pos int) string {
	if !roleWords[head] || head == "official" || head == "officials" {
		return ""
	}
	if head == "diplomat" {
		// "Russia's top diplomat" is its foreign minister
		for _, top := range []string{"top diplomat", "chief diplomat"} {
			if !strings.Contains(desc, top) {
				continue
			}
			for _, o := range []string{"foreign minister", "secretary of state", "foreign secretary"} {
				if c := r.byRole(strings.Fields(o)[0], strings.Replace(desc, top, o, 1), pos); c != "" {
					return c
				}
			}
		}
	}
	// every person named before pos who holds the office, nearest first
	var cands []string
	seen := map[string]bool{}
	byOffice := map[string]bool{} // held only by whosWho's office, not by a role the article gives
	for k := len(r.persons) - 1; k >= 0; k-- {
		q := r.persons[k]
		if q.tok >= pos {
			continue
		}
		c := r.canonical(q.full)
		if roleMatches(q.role, head, desc) && (!postNominals[head] || hasAll(q.role, capModifiers(desc, head))) && !otherPortfolio(q.role, desc, head) {
			if byOffice[c] {
				delete(byOffice, c) // the article gives the role too
			} else if !seen[c] && !r.otherCountry(q.full, desc) {
				seen[c] = true
				cands = append(cands, q.full)
			}
		} else if !hasOffice(q.role) && officeMatches(q.office, head, desc) && !seen[c] {
			// the office held that day when the article gives none ("the
			// Kremlin spokesman" after "Dmitry Peskov said")
			seen[c], byOffice[c] = true, true
			cands = append(cands, q.full)
		}
	}
	if r.lastSpeaker != "" && addsTo(r.d.toks, pos) {
		// "…," he said. The minister added that": the one who spoke goes on,
		// whatever word names his office ("Defence Secretary Ben Wallace")
		for _, c := range cands {
			if r.canonical(c) == r.lastSpeaker {
				return c
			}
		}
	}
	if len(cands) > 1 && r.subject != nil && pos < len(r.d.toks) && r.d.toks[pos].sent > 0 && r.d.sents[r.d.toks[pos].sent].tok0 == pos {
		// "Defence Secretary Ben Wallace, who has visited Moscow for talks
		// with his Russian counterpart Sergei Shoigu, said …. The minister
		// said": a sentence that opens with the office goes on about the
		// one the sentence before is about
		if q := r.subject(r.d.toks[pos].sent - 1); q.kind == npPerson {
			if name, _ := r.resolve(q); name != "" {
				for _, c := range cands {
					if r.canonical(c) == name {
						return c
					}
				}
			}
		}
	}
	// an office named by its own word before one named by a synonym: "the
	// NSDC Secretary" is the Secretary of the Council, not the minister
	cands = keepIf(cands, func(c string) bool { return r.roleHasWord(c, head) })
	if body := bodyOfOffice(desc, head); len(body) > 0 {
		// "the President of the European Council" is the one whose role
		// names the council ("European Council President Charles Michel"),
		// not the president of a country
		cands = keepIf(cands, func(c string) bool { return r.roleHasAll(c, body) })
	}
	if len(cands) <= 1 {
		if len(cands) == 1 {
			return cands[0]
		}
		return ""
	}
	cs := countryWords(desc)
	if len(cs) == 0 {
		// "the President said … following negotiations with the President
		// of Estonia": not the one of the country the sentence names as
		// the other's
		if other := r.officeOfOther(head, pos); len(other) > 0 {
			var keep []string
			for _, c := range cands {
				if !r.roleHasAny(c, other) {
					keep = append(keep, c)
				}
			}
			if len(keep) == 1 {
				return keep[0]
			}
		}
	}
	if s := r.subjectBefore(pos); s != "" {
		// the one the sentence before is about: "Foreign Minister of Ukraine
		// Dmytro Kuleba … said …. "…," the minister said"
		for _, c := range cands {
			if r.canonical(c) == s {
				return c
			}
		}
	}
	// "the President of the United States": the one whose role names the
	// country; a bare "the President" (or one of the country of no one's
	// role) is the one whose role names no other country, the president of
	// the writer's own ("President Volodymyr Zelenskyy" and "President of
	// the Republic of Estonia Alar Karis")
	var in, home []string
	for _, c := range cands {
		if len(cs) > 0 && (r.roleHasAny(c, cs) || byOffice[r.canonical(c)]) {
			// an office held that day matches the country too (officeMatches)
			in = append(in, c)
		}
		if !r.roleHasCountry(c) && !byOffice[r.canonical(c)] {
			home = append(home, c)
		}
	}
	switch {
	case len(in) == 1:
		return in[0]
	case len(in) > 1:
		cands = in
	case len(home) == 1:
		return home[0]
	}
	// the last speaker; then the nearest
	for _, c := range cands {
		if r.lastSpeaker != "" && r.canonical(c) == r.lastSpeaker {
			return c
		}
	}
	return cands[0]
}

// genericPersons are the nouns that stand for anyone: "the woman" is the
// one described before by what she does.
var genericPersons = map[string]byte{"woman": 'f', "man": 'm', "person": 0, "girl": 'f', "boy": 'm'}

// describedBefore resolves "the woman" to the unnamed speaker a sentence
// shortly before describes: "A Ukrainian finance worker who has lived in
// the city for eight years told HKFP …. "…," said the woman".
func (r *resolver) describedBefore(p np) string {
	g, ok := genericPersons[p.head]
	ts := r.d.toks
	if !ok || r.subjectAll == nil || p.pos >= len(ts) {
		return ""
	}
	for s := ts[p.pos].sent; s >= 0 && s >= ts[p.pos].sent-3; s-- {
		q := r.subjectAll(s)
		if q.kind != npDesc || q.definite || q.pos >= p.pos || !humanHead(q.head) && !personHead(q.head) || plural(q.head) {
			continue
		}
		if qg := descGender(q.head); g != 0 && qg != 0 && qg != g {
			continue
		}
		name, _ := r.resolve(q)
		return name
	}
	return ""
}

// subjectBefore resolves the named subject of the sentence before the one
// at token pos when that sentence reports their words.
func (r *resolver) subjectBefore(pos int) string {
	ts := r.d.toks
	if r.subjectAll == nil || pos >= len(ts) || ts[pos].sent == 0 {
		return ""
	}
	s := r.unquotedBefore(ts[pos].sent) // (past the quote's own sentences: "The President of Ukraine stressed …. "…. …," the President said")
	subj := r.subjectAll(s)
	if subj.kind != npPerson && !(subj.kind == npDesc && subj.definite && humanHead(subj.head)) {
		return ""
	}
	for k := subj.pos; k < r.d.sents[s].tok1; k++ {
		if t := &ts[k]; !t.quoted && (t.in(wReport) || courtesyVerbs[t.low]) && !strings.HasSuffix(t.low, "ing") {
			// a sentence of what they said or how ("Volodymyr Zelenskyy
			// thanked Charles Michel"), not "Alar Karis arrived on Monday";
			// named in full before ("Retno, for her part, insisted")
			if name, _ := r.resolve(subj); strings.Contains(name, " ") {
				return name
			}
			return ""
		}
	}
	return ""
}

// courtesyVerbs report what one said to another at a meeting: "Volodymyr
// Zelenskyy thanked Charles Michel for …. "…," the President said".
var courtesyVerbs = set("thanked", "welcomed", "praised", "stressed", "expressed", "promised")

// ministryHead gives the office a "head of the defence ministry" holds,
// "defence minister" ("head of the Ministry of Foreign Affairs": "foreign
// affairs minister"), or "".
func ministryHead(desc string) string {
	w := strings.Fields(lower(desc))
	if len(w) < 4 || w[0] != "head" && w[0] != "chief" || w[1] != "of" || w[2] != "the" {
		return ""
	}
	w = w[3:]
	switch {
	case len(w) >= 2 && w[len(w)-1] == "ministry":
		return strings.Join(w[:len(w)-1], " ") + " minister"
	case len(w) >= 3 && w[0] == "ministry" && w[1] == "of":
		return strings.Join(w[2:], " ") + " minister"
	}
	return ""
}

// roleHasWord reports whether a role the article gives the person, or the
// office whosWho knows when it gives none, has the word w itself.
func (r *resolver) roleHasWord(full, w string) bool {
	c := r.canonical(full)
	for _, q := range r.persons {
		if (q.full == full || r.canonical(q.full) == c) && (strings.Contains(q.role, w) || !hasOffice(q.role) && strings.Contains(q.office, w)) {
			return true
		}
	}
	return false
}

// roleHasAll reports whether a role the article gives the person full has
// every word of words.
func (r *resolver) roleHasAll(full string, words []string) bool {
	c := r.canonical(full)
	for _, q := range r.persons {
		if (q.full == full || r.canonical(q.full) == c) && hasAll(q.role, words) {
			return true
		}
	}
	return false
}

// ofInName reports whether ts[k] is the "of" inside a body's name: "a
// Department of Defence spokesperson".
func ofInName(ts []tok, k int) bool {
	return ts[k].low == "of" && k > 0 && k+1 < len(ts) && ts[k-1].isCap() && ts[k+1].isCap() && !ts[k-1].quoted
}

// mentions counts the mentions of a person outside quotes, full name or surname.
func (r *resolver) mentions(full string) int {
	c := r.canonical(full)
	n := 0
	for _, q := range r.persons {
		if q.full == full || r.canonical(q.full) == c {
			n++
		}
	}
	return n
}

// countries maps the words that say a country in a role to its other forms.
var countries = map[string][]string{
	"ukraine": {"ukrainian"}, "ukrainian": {"ukraine"}, "russia": {"russian", "russian federation"},
	"russian": {"russia"}, "states": {"us", "u.s.", "american", "united states"}, "us": {"united states", "u.s.", "american"},
	"u.s.": {"us", "united states", "american"}, "america": {"us", "u.s.", "american", "united states"}, "american": {"us", "u.s.", "united states"},
	"france": {"french"}, "french": {"france"}, "germany": {"german"}, "german": {"germany"},
	"poland": {"polish"}, "polish": {"poland"}, "britain": {"british", "uk"}, "british": {"britain", "uk"},
	"uk": {"british", "britain"}, "belarus": {"belarusian"}, "belarusian": {"belarus"}, "turkey": {"turkish"},
	"turkish": {"turkey"}, "china": {"chinese"}, "chinese": {"china"}, "lithuania": {"lithuanian"},
	"lithuanian": {"lithuania"}, "hungary": {"hungarian"}, "hungarian": {"hungary"}, "croatia": {"croatian"},
	"croatian": {"croatia"}, "georgia": {"georgian"}, "georgian": {"georgia"}, "moldova": {"moldovan"},
	"italy": {"italian"}, "italian": {"italy"}, "spain": {"spanish"}, "spanish": {"spain"},
}

// foreignWords name a country or a body in a role: "President of the
// Republic of Estonia", "European Commission President".
var foreignWords = set("estonia", "estonian", "latvia", "latvian", "finland", "finnish", "sweden", "swedish",
	"norway", "norwegian", "denmark", "danish", "netherlands", "dutch", "belgium", "belgian", "austria",
	"austrian", "switzerland", "swiss", "czech", "slovakia", "slovak", "romania", "romanian", "bulgaria",
	"bulgarian", "greece", "greek", "portugal", "portuguese", "canada", "canadian", "japan", "japanese", "india",
	"indian", "israel", "israeli", "iran", "iranian", "kazakhstan", "azerbaijan", "armenia", "armenian", "serbia",
	"ireland", "irish", "australia", "australian", "brazil", "mexico", "korea", "korean", "egypt", "syria",
	"european", "commission", "council", "slovenia", "switzerland", "albania", "montenegro", "macedonia",
	"kyrgyzstan", "uzbekistan", "tajikistan", "turkmenistan", "mongolia", "vietnam", "cuba", "venezuela",
	"argentina", "chile", "colombia", "peru", "nigeria", "kenya", "ethiopia", "africa", "african", "uae",
	"emirates", "qatar", "saudi", "arabia", "iceland", "luxembourg", "malta", "cyprus", "republic")

// countryWord reports whether w names a country or a body in a role.
func countryWord(w string) bool { return countries[w] != nil || foreignWords[w] }

// roleHasCountry reports whether a role the article gives a person names a
// country or a body.
func (r *resolver) roleHasCountry(full string) bool {
	c := r.canonical(full)
	for _, q := range r.persons {
		if q.full != full && r.canonical(q.full) != c {
			continue
		}
		for _, f := range strings.Fields(q.role) {
			if countryWord(f) {
				return true
			}
		}
	}
	return false
}

// otherCountry reports whether the roles the article gives a person name a
// country and none of the description's: "the Ukrainian president" is not
// "Belarusian President Alexander Lukashenko".
func (r *resolver) otherCountry(full, desc string) bool {
	cs := countryWords(desc)
	if len(cs) == 0 {
		return false
	}
	if r.roleHasCountry(full) {
		return !r.roleHasAny(full, cs)
	}
	// a role with no country: the office whosWho knows that day may name
	// one ("Russia's defence minister" is not Defence Secretary Ben Wallace)
	c := r.canonical(full)
	for _, q := range r.persons {
		if q.office == "" || q.full != full && r.canonical(q.full) != c {
			continue
		}
		named, same := false, false
		for _, f := range strings.Fields(q.office) {
			named = named || countryWord(f)
			same = same || slices.Contains(cs, f)
		}
		return named && !same
	}
	return false
}

// countryWords returns the countries a description names: "President of
// Ukraine", "the US president".
func countryWords(desc string) []string {
	var out []string
	for _, w := range strings.Fields(lower(desc)) {
		if forms, ok := countries[trimPossessive(w)]; ok {
			w = trimPossessive(w)
			out = append(out, w)
			out = append(out, forms...)
		}
	}
	return out
}

// officeOfOther returns the country words of "the HEAD of COUNTRY" later in
// the sentence at pos: the office of someone other than the bare "the HEAD".
func (r *resolver) officeOfOther(head string, pos int) []string {
	ts := r.d.toks
	if pos >= len(ts) {
		return nil
	}
	var out []string
	for k := pos + 1; k+2 < len(ts) && ts[k].sent == ts[pos].sent; k++ {
		if ts[k].low == head && ts[k-1].low == "the" && ts[k+1].low == "of" && !ts[k].quoted {
			e := k + 2
			for e+1 < len(ts) && e < k+6 && (ts[e].low == "the" || ts[e].low == "republic" || ts[e].low == "of") {
				e++ // "the President of the Republic of Estonia"
			}
			if w := lower(trimPossessive(ts[e].text)); countryWord(w) {
				out = append(append(out, w), countries[w]...)
			}
		}
	}
	return out
}

// roleHasAny reports whether a role the article gives the person names one of words.
func (r *resolver) roleHasAny(full string, words []string) bool {
	c := r.canonical(full)
	for _, q := range r.persons {
		if q.full != full && r.canonical(q.full) != c {
			continue
		}
		for _, w := range words {
			for _, f := range strings.Fields(q.role) {
				if f == w {
					return true
				}
			}
			if strings.Contains(w, " ") && strings.Contains(q.role, w) {
				return true
			}
		}
	}
	return false
}

// predicateVerbs put a description after them that says what the subject is.
var predicateVerbs = set("be", "become", "became", "becoming", "remain", "remained")

// namedOnlyAfter reports whether the article names the person full, and
// only after token i.
func (r *resolver) namedOnlyAfter(full string, i int) bool {
	for _, q := range r.persons { // (in text order: the first mention decides)
		if r.canonical(q.full) == full {
			return q.tok >= i
		}
	}
	return false
}

// nameEndsAt reports whether a person's full name the index holds ends just
// before token j. (No name runs to sixteen tokens: the bound spares joining
// the text back to every earlier mention, on a path every sentence takes.)
func (r *resolver) nameEndsAt(j int) bool {
	for _, q := range r.persons[r.personFrom(j-16):] {
		if q.tok >= j {
			break
		}
		if strings.Contains(q.full, " ") && q.evid && joinToks(r.d.toks[q.tok:j]) == q.full {
			return true
		}
	}
	return false
}

// personAt reports whether a person's name the index holds begins at token i.
func (r *resolver) personAt(i int) bool {
	k := r.personFrom(i)
	return k < len(r.persons) && r.persons[k].tok == i
}

// streetPreps put a street after them: "on Alfred Street", "off Grafton Street".
var streetPreps = set("on", "in", "at", "along", "off", "down", "up", "near", "into")

// judgingWords are the writer's view of a body, no part of its name: "The
// influential Commons home affairs committee".
var judgingWords = set("influential", "powerful", "respected", "prestigious", "controversial", "little-known", "well-known", "shadowy")

// longerDesc finds an earlier, fuller mention of a definite description:
// "the spokesman" after "the prime minister's spokesman".
func (r *resolver) longerDesc(p np) string {
	ts := r.d.toks
	for i := p.pos - 1; i >= 0; i-- {
		plural := ts[i].low == p.head+"s"
		if ts[i].quoted || ts[i].low != p.head && !plural {
			continue
		}
		if ts[i].isCap() && i+1 < len(ts) && capWord(&ts[i+1]) && !ts[i+1].in(wRole) {
			continue // the head opens a name: "gathered outside City Hall" is no city
		}
		if mediaNouns[p.head] && !plural && i+1 < len(ts) && capWord(&ts[i+1]) && !ts[i+1].quoted {
			// "by US magazine Mobile PC": the title after the noun is its name
			e := i + 1
			for e < len(ts) && e < i+5 && capWord(&ts[e]) && !ts[e].quoted {
				e++
			}
			return trimPossessive(joinToks(ts[i+1 : e]))
		}
		if r.personAt(i + 1) {
			continue // a person's office: "10,000m Olympic champion Kenenisa Bekele" is his, no body's
		}
		if i >= 2 && (ts[i-1].low == "a" || ts[i-1].low == "an") && predicateVerbs[ts[i-2].low] {
			continue // what someone is or wants to be: "He wanted to be a writer from an early age"
		}
		j := i
		for j > 0 && !ts[j].para && ts[j-1].isWord() && (!ts[j-1].in(wDet|wLead) && !functionWords[ts[j-1].low] || ofInName(ts, j-1)) &&
			!ts[j-1].in(wReport) && !ts[j-1].in(wSkip|wStance) && !judgingWords[ts[j-1].low] &&
			!(strings.HasSuffix(ts[j-1].low, "ed") && !ts[j-1].isCap() && (j < 2 || ts[j-2].in(wSkip) || capWord(&ts[j-2]))) && i-j < 4 {
			j-- // not over a verb: "Ronnie Corbett has joined fellow comedy stars"
		}
		if j >= 4 && ts[j-1].low == "and" && ts[j].isCap() {
			// over a body's name that is a list: "A Foreign, Commonwealth and
			// Development Office spokesperson"
			m := j - 2
			for m > 0 && m > j-8 && (ts[m].isCap() || ts[m].text == ",") && !ts[m].quoted && !ts[m].in(wDet) {
				m--
			}
			if ts[m].in(wDet) && m+2 < j && listComma(ts[m:i+1], 2) {
				j = m + 1
			}
		}
		if m := lowerBodyName(ts, i, i+1); m >= 0 && !ts[i].isCap() {
			j = m + 1 // over an "and" of a body named in lower case: "the Commons science and technology committee"
		}
		if j >= 2 && ts[j-1].low == "and" && r.orgTok != nil && r.orgTok[j-2] && r.orgTok[i] {
			// over an "and" inside a body's name: "the Customs and Excise Division"
			for j > 0 && r.orgTok[j-1] && !ts[j-1].in(wDet) {
				j--
			}
		}
		// a complement naming the body: "a spokesman for the Information Commissioner's Office"
		e := i + 1
		// "the embassy in Washington", "a senior official in the Department of
		// Food"; "a diplomat in Brussels" is where he is, and "an employment
		// tribunal in the UK" where it sits: only an embassy or a mission keeps its place
		prep := e+1 < len(ts) && (ts[e].low == "for" || ts[e].low == "of" || ts[e].low == "at" || ts[e].low == "from" ||
			ts[e].low == "in" && (seatNouns[p.head] || e+2 < len(ts) && ts[e+1].low == "the" && ts[e+2].in(wOrg) ||
				personNouns[p.head] && !postedHeads[p.head] && capWord(&ts[e+1]))) // "a Maltese student in Kyiv": where he is says who
		if e+2 < len(ts) && (ts[e].low == "close" && ts[e+1].low == "to" || ts[e].low == "familiar" && ts[e+1].low == "with") {
			prep, e = true, e+1 // "a source close to the Presidential Administration"
		}
		if prep {
			f := e + 1
			indef := ts[f].low == "a" || ts[f].low == "an"
			if ts[f].low == "the" || indef {
				f++
			}
			g := f
			for g < len(ts) && !ts[g].quoted && (capWord(&ts[g]) || (ts[g].in(wConnector) || ts[g].text == "&") && g+1 < len(ts) && capWord(&ts[g+1]) && !datePhrase(ts, g)) {
				g++
			}
			if indef && g > f {
				// "a diplomat from an ASEAN member state,": the nouns the name qualifies
				h := g
				for h < len(ts) && h-g < 2 && ts[h].isWord() && !ts[h].isCap() && !ts[h].quoted && !functionWords[ts[h].low] && !ts[h].in(wReport|wStance|wSkip) {
					h++
				}
				if h > g && h < len(ts) && ts[h].text == "," {
					g = h
				}
			}
			if g > f && isPossessive(ts[g-1].text) {
				// the name owns what follows, up to the comma: "a person familiar
				// with EQT's discussions with the administration,"
				h := g
				for h < len(ts) && h-g < 7 && ts[h].isWord() && !ts[h].quoted && !ts[h].in(wReport|wStance) {
					h++
				}
				if h < len(ts) && ts[h].text == "," {
					g = h
				}
			}
			if g == f && f > e+1 && (ts[e].low == "at" || ts[e].low == "from" || ts[e].low == "in" && orgWords[ts[f].low]) {
				// "a diplomat at the embassy": a body no name names
				for g < len(ts) && g-f < 3 && ts[g].isWord() && !ts[g].quoted && !ts[g].isCap() && !functionWords[ts[g].low] && !ts[g].in(wReport|wStance|wSkip) {
					g++
				}
				if g < len(ts) && ts[g].isWord() && !ts[g].in(wReport|wStance) && !functionWords[ts[g].low] {
					g = f // the noun goes on: "at the embassy building said"
				}
			}
			if ts[i+1].low == "familiar" {
				// what they know, up to its comma: "A Danish official familiar
				// with the discussions in NATO,", "familiar with Arctic planning,"
				if g == f {
					for g < len(ts) && g-f < 3 && ts[g].isWord() && !ts[g].isCap() && !ts[g].quoted && !functionWords[ts[g].low] && !ts[g].in(wReport|wStance|wSkip) {
						g++
					}
					if g > f && g+1 < len(ts) && (ts[g].low == "in" || ts[g].low == "at" || ts[g].low == "of") && capWord(&ts[g+1]) && !ts[g+1].quoted {
						for g++; g < len(ts) && capWord(&ts[g]) && !ts[g].quoted; g++ {
						}
					}
				}
				if g > f {
					for h := g; h < len(ts) && h-g < 2 && ts[h].isWord() && !ts[h].isCap() && !ts[h].quoted && !functionWords[ts[h].low] && !ts[h].in(wReport|wStance|wSkip); h++ {
						if h+1 < len(ts) && ts[h+1].text == "," {
							g = h + 1 // the noun after the name
						}
					}
					if g >= len(ts) || ts[g].text != "," && !ts[g].in(wReport) {
						g = f
					}
				}
			}
			if g > f && g+1 < len(ts) && seatNouns[ts[g-1].low] && ts[g].low == "in" && capWord(&ts[g+1]) && !ts[g+1].quoted {
				// "for the U.S. Embassy in Kolonia": an embassy keeps its seat
				for g += 2; g < len(ts) && capWord(&ts[g]) && !ts[g].quoted; g++ {
				}
			}
			if g > f && g+1 < len(ts) && !ts[g].quoted && orgWords[ts[g].low] && !ts[g].isCap() {
				// "of the Nigerian embassy in Kyiv": the body is an adjective and a noun
				g++
				if g+1 < len(ts) && ts[g].low == "in" && capWord(&ts[g+1]) && !ts[g+1].quoted {
					for g += 2; g < len(ts) && capWord(&ts[g]) && !ts[g].quoted; g++ {
					}
				}
			}
			if g > f {
				e = g
			} else {
				e = i + 1
			}
		}
		if j < i && e == i+1 && j > 0 && ts[j-1].low == "the" && personNouns[p.head] {
			// "The Ballymena-born actor said … The Oscar-nominated actor
			// said": two epithets of the person the article is about
			continue
		}
		if j < i || e > i+1 {
			long := joinToks(ts[j:e])
			if !hasAll(lower(long), roleModifiers(p.name, p.head)) || postNominals[p.head] && !hasAll(lower(long), capModifiers(p.name, p.head)) {
				continue // "the foreign minister" is not "the prime minister"
			}
			if cs := countryWords(p.name); len(cs) > 0 && !hasAll(lower(long), cs[:1]) {
				continue // "the Ukrainian president" is not "Belarusian President"
			}
			if officeHeads[p.head] && anotherOffice(lower(long), lower(p.name)) {
				// "The Foreign Secretary" is not "Shadow foreign secretary
				// Michael Ancram" (but "The manager" is "A former senior manager")
				continue
			}
			if plural {
				if e > i+1 || i+1 < len(ts) && capWord(&ts[i+1]) {
					continue // "officials of the ministry", "stars Victoria Wood and David Jason" are not one of them
				}
				long = strings.TrimSuffix(long, "s") // one of "three U.S. officials"
			}
			return long
		}
		if j > 0 && ts[j-1].low != "the" && ts[j-1].in(wDet) {
			// "a spokesman": someone new, not the fuller mention before
			return ""
		}
	}
	return ""
}

// variant maps a full name to an earlier one with the same surname whose
// first name it begins like ("Mykhail Podolyak" → "Mykhailo Podolyak"): a
// typo or another transliteration.
func (r *resolver) variant(name string) string {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return name
	}
	if v, ok := r.variants[name]; ok {
		return v
	}
	v := r.variantOf(name, i)
	if r.variants != nil {
		r.variants[name] = v
	}
	return v
}

func (r *resolver) variantOf(name string, i int) string {
	firstAt := 1 << 62
	for _, p := range r.persons {
		if p.full == name {
			firstAt = p.tok
			break
		}
	}
	if i >= 4 {
		first, last := lower(name[:i]), lower(name[i+1:])
		for _, p := range r.persons {
			if p.tok >= firstAt {
				break
			}
			j := strings.LastIndexByte(p.full, ' ')
			if j < 0 || p.full == name || len(p.full)-j-1 != len(name)-i-1 || !lowerIs(p.full[j+1:], last) {
				continue
			}
			f2 := lower(p.full[:j])
			n := 0
			for n < len(first) && n < len(f2) && first[n] == f2[n] {
				n++
			}
			if n >= 4 {
				return p.full
			}
		}
	}
	prefix := name + " "
	for _, p := range r.persons {
		if p.tok >= firstAt {
			break
		}
		// a name cut short: "Sri Mulyani" after "Sri Mulyani Indrawati", or
		// a long one by half: "Þórdís Kolbrún" after "Þórdís Kolbrún
		// Reykfjörð Gylfadóttir"
		if rest, ok := strings.CutPrefix(p.full, prefix); ok && (!strings.Contains(rest, " ") || strings.Count(rest, " ") == 1 && strings.Count(name, " ") == 1) &&
			!postNominals[strings.TrimSuffix(lower(rest[strings.LastIndexByte(rest, ' ')+1:]), ".")] {
			return p.full
		}
		// a double surname: "Johnson Smith" after "Kamina Johnson Smith"
		if given, ok := strings.CutSuffix(p.full, " "+name); ok && !strings.Contains(given, " ") {
			return p.full
		}
	}
	return name
}

// sentenceEndsBy reports whether the sentence of ts[j] has ended by token e.
func sentenceEndsBy(e, j int, ts []tok) bool {
	return e >= len(ts) || ts[e].sent != ts[j].sent
}

// otherOfficeOf reports whether the person q names holds, as the article
// gives their role, an office other than the one description d names.
func (r *resolver) otherOfficeOf(q, d np) bool {
	role := lower(q.role)
	for _, m := range r.persons {
		if m.tok == q.pos || m.full == q.name {
			role += " " + m.role
		}
	}
	for _, w := range strings.Fields(role) {
		if officeHeads[w] || spokesHeads[w] {
			if !roleMatches(role, d.head, d.name) {
				return true
			}
			break
		}
	}
	return false
}

// officeHeads are offices one person holds, so that "the prime minister"
// the article never gave a name names someone it has been writing about.
var officeHeads = set("minister", "secretary", "president", "chancellor", "mayor", "leader", "governor",
	"ambassador", "chairman", "chairwoman", "co-chairman", "co-chair", "premier", "taoiseach", "senator", "commander", "envoy", "head")

// namesBody reports whether the lower-case words at ts[j] end in a body's
// noun within two words, which the name before them qualifies: "George Town
// law firm", "Sandy Bay school".
func namesBody(ts []tok, j int) bool {
	for k := j; k < len(ts) && k < j+2 && ts[k].isWord() && !ts[k].isCap() && !ts[k].quoted && !functionWords[ts[k].low]; k++ {
		if orgHeads[ts[k].low] || orgWords[ts[k].low] {
			return true
		}
	}
	return false
}

// soleOffices are offices one person holds, whom the one word names.
var soleOffices = set("taoiseach", "premier")

// officeNamedLater finds the one person the article names later with the
// whole office of a definite description: "The home secretary said …" before
// "Home Secretary Charles Clarke told BBC One".
func (r *resolver) officeNamedLater(p np) string {
	office := strings.Join(strings.Fields(lower(p.name)), " ")
	if n := strings.Count(office, " ") + 1; !officeHeads[p.head] || n < 2 && !soleOffices[office] || n > 3 {
		return "" // (one word names an office only when one holds it: "the Taoiseach")
	}
	who := ""
	for _, q := range r.persons {
		role := lower(q.role)
		if q.tok <= p.pos || !strings.Contains(role, office) || anotherOffice(role, lower(p.name)) || !roleMatches(q.role, p.head, p.name) {
			continue
		}
		c := r.canonical(q.full)
		if who != "" && c != who {
			return "" // two of them: the office says no one
		}
		who = c
	}
	return who
}

// officeHolder resolves a definite description of an office no one named
// before was given ("the prime minister said" after "Boris Johnson has
// warned"): the person who is the subject of one of the three sentences
// before, when no role of that person's is another office.
func (r *resolver) officeHolder(p np) string {
	if !officeHeads[p.head] || r.subject == nil || p.pos >= len(r.d.toks) {
		return ""
	}
	sent := r.d.toks[p.pos].sent
	for s := sent - 1; s >= 0 && s >= sent-3; s-- {
		q := r.subject(s)
		if q.kind != npPerson || q.pos >= p.pos {
			continue
		}
		name, _ := r.resolve(q)
		if name == "" {
			continue
		}
		ok, known := true, false
		for _, m := range r.persons {
			if r.canonical(m.full) != name {
				continue
			}
			known = true
			if !m.evid && m.gender == 0 {
				ok = false
			}
			for _, w := range strings.Fields(m.role) {
				if officeHeads[w] && !roleHas(w, p.head) {
					ok = false // "the prime minister" is not the secretary general
				}
			}
			if anotherOffice(m.role, lower(p.name)) {
				ok = false // "the Foreign Secretary" is not the shadow foreign secretary
			}
		}
		if ok && known { // "Voters will have a choice": no one the article names
			return name
		}
	}
	return ""
}

// personNouns are heads that describe a person by what they are rather than
// an office: "the Dutchman", "the midfielder", "the 43-year-old".
var personNouns = set("parent", "holder", "nurse", "teacher", "doctor", "vet", "dentist", "pharmacist", "vicar", "plumber", "electrician", "carer", "mechanic", "student", "midfielder", "striker", "defender", "goalkeeper", "keeper", "winger", "forward", "skipper",
	"coach", "manager", "boss", "captain", "player", "star", "singer", "actor", "actress", "rapper", "musician",
	"guitarist", "frontman", "drummer", "comedian", "presenter", "champion", "seed", "youngster", "teenager", "veteran",
	"politician", "billionaire", "tycoon", "businessman", "businesswoman", "entrepreneur", "batsman", "bowler",
	"runner", "athlete", "cyclist", "boxer", "golfer", "jockey", "trainer", "representative", "international",
	"film-maker", "filmmaker", "director", "producer", "writer", "author", "novelist", "designer", "chef",
	"economist", "analyst", "executive", "chief", "founder", "leader", "envoy", "diplomat", "chairman",
	"chairwoman", "head", "commander", "general", "officer", "ambassador", "lawmaker", "senator", "mp", "mep", "msp", "mla", "td",
	// people met in a report
	"soldier", "resident", "farmer", "driver", "volunteer", "pensioner", "engineer", "waiter", "waitress",
	"shopkeeper", "vendor", "refugee", "journalist", "protester", "voter", "citizen", "neighbour", "neighbor",
	"friend", "fan", "supporter", "priest", "commentator", "observer", "witness", "survivor", "victim", "relative",
	"organiser", "organizer", "medic", "paramedic", "pilot", "miner", "fisherman", "builder", "retiree", "colleague",
	"spouse", "shopper", "commuter", "villager", "evacuee", "conscript", "reservist", "serviceman", "servicewoman",
	"student", "figure", "clergyman", "cleric", "dealer", "person", "hotelier", "restaurateur", "innkeeper", "landlord", "landlady",
	"merchant", "haulier", "publican", "grocer", "contractor", "shepherd", "hairdresser", "postmaster", "postmistress", "childminder",
	// sportspeople by position or event: "the Sale full-back"
	"full-back", "fullback", "fly-half", "scrum-half", "flanker", "centre-back", "centre-half", "playmaker", "wicketkeeper",
	"all-rounder", "sprinter", "hurdler", "swimmer", "skater", "rower",
	// a party member: "the Democrat said" after the senator was named
	"democrat", "republican", "tory")

// nationalNouns describe a person by nationality: "the Irishman".
var nationalNouns = set("dutchman", "irishman", "frenchman", "englishman", "welshman", "scotsman", "dutchwoman",
	"irishwoman", "frenchwoman", "englishwoman", "welshwoman", "scotswoman", "spaniard", "dane", "swede", "finn",
	"pole", "scot", "briton", "argentine", "argentinian", "brazilian", "portuguese", "italian", "german", "russian",
	"ukrainian", "american", "australian", "canadian", "belgian", "croat", "serb", "czech", "norwegian", "swiss",
	"austrian", "kenyan", "ethiopian", "nigerian", "ghanaian", "cameroonian", "ivorian", "senegalese", "chinese",
	"japanese", "korean", "indian", "pakistani", "jamaican", "mexican", "colombian", "uruguayan", "chilean",
	"frenchman's", "georgian", "belarusian", "latvian", "lithuanian", "estonian", "hungarian", "romanian",
	"bulgarian", "greek", "turk", "israeli", "egyptian", "moroccan", "algerian", "tunisian", "iranian", "kiwi",
	"aussie", "yorkshireman", "texan", "californian", "londoner", "muscovite", "dubliner", "glaswegian", "liverpudlian",
	"mancunian", "geordie", "aberdonian", "cornishman", "ulsterman", "parisian", "berliner", "kievan", "kyivan")

// compoundRole reports whether a hyphenated word is an office: "editor-in-chief".
func compoundRole(w string) bool {
	i := strings.IndexByte(w, '-')
	return i > 0 && roleWords[w[:i]] && !orgWords[w[:i]]
}

// personDescHead reports whether a description with head h is of a person:
// "a diplomat", "a source", "an official".
func personDescHead(h string) bool {
	return personHead(h) || relationHeads[h] || humanHead(h) || h == "source" || h == "sources"
}

func personHead(h string) bool {
	// "the Waterford man" is the man the article is about
	return personNouns[h] || h == "man" || h == "woman" || nationalNouns[h] || strings.HasSuffix(h, "-year-old") || humanHead(h) && officeHeads[h] || familyOf(h)
}

// aged reports whether a description gives an age, which only a person
// has: "the 25-year-old Dubliner".
func aged(p np) bool {
	return p.kind == npDesc && strings.Contains(p.name, "-year-old ")
}

// familyOf reports whether w names a parent by their children: "the
// mother-of-nine", "a father-of-two".
func familyOf(w string) bool {
	i := strings.Index(w, "-of-")
	return i > 0 && (kinNouns[w[:i]] != 0 || personNouns[w[:i]])
}

// anaphor resolves a definite description of a person that no one named
// holds ("the Dutchman", "the England captain", "the 43-year-old", "the
// IMF representative") to the person the sentences before are about: a
// sentence's subject, named or "he", else the first person named in it.
func (r *resolver) anaphor(p np) string {
	ts := r.d.toks
	if h := strings.Replace(p.name, " of ", "-of-", 1); h != p.name && familyOf(h) && numberWords[h[strings.LastIndex(h, "-")+1:]] != 0 {
		p.head = h // "the mother of three" is "the mother-of-three"
	}
	if !p.definite || !personHead(p.head) && !aged(p) && !describesKin(p) || plural(p.head) || relationHeads[p.head] && !personNouns[p.head] ||
		p.pos >= len(ts) || r.subjectAll == nil {
		return ""
	}
	if name := r.byAge(p); name != "" {
		return name
	}
	g := descGender(p.head)
	sent := ts[p.pos].sent
	// the three sentences before; for an age or a kin word, not counting
	// those wholly quoted ("Oksana Kilfeather … "…," she said. "…. …. …." ¶
	// "…," the 43-year-old said"): a quote's own sentences describe no one
	ageOrKin := aged(p) || strings.HasSuffix(p.head, "-year-old") || kinNouns[p.head] != 0 || familyOf(p.head)
	for s, n := sent, 0; s >= 0 && n <= 3; s-- {
		if ageOrKin && s < sent && r.quotedSent(s) {
			continue
		}
		n++
		subj := r.subjectAll(s)
		if subj.pos < p.pos {
			switch subj.kind {
			case npPerson:
				if !r.isOrg(subj.name) {
					if name, _ := r.resolve(subj); name != "" && strings.Contains(name, " ") && !r.quoteSpeaksOf(name) {
						if gn := r.genderOfName(name); g == 0 || gn == 0 || gn == g {
							if !r.otherOfficeOf(subj, p) {
								return name
							}
						}
					}
				}
			case npPronoun:
				if subj.gender == 'm' || subj.gender == 'f' {
					if g == 0 || g == subj.gender {
						if name := r.pronoun(subj); name != "" {
							return name
						}
					}
				}
			case npDesc:
				// "One marine's wife, who asked not to be named, said …. ¶
				// "…," the mother-of-three said": the one no name names
				if sg := descGender(subj.head); ageOrKin && !subj.definite && !plural(subj.head) && (humanHead(subj.head) || personHead(subj.head) || kinNouns[subj.head] != 0) &&
					possessiveGender(ts[subj.pos].low) == 0 && (g == 0 || sg == 0 || sg == g) {
					if name, _ := r.resolve(subj); name != "" {
						return name
					}
				}
			}
		}
		first, cued := "", ""
		for _, q := range r.persons {
			if q.sent != s || q.tok >= p.pos || s == sent && r.afterPrep(q.tok) {
				// (not one its own sentence names after a preposition:
				// "Reacting to a comment by Tim Phillips, the American said")
				continue
			}
			if g != 0 && q.gender != 0 && q.gender != g || q.poss && !ageOrKin { // (an age: "Ms Halloran's parents are …. "…," the 34-year-old said")
				continue
			}
			if officeHeads[p.head] && r.otherOfficeOf(np{kind: npPerson, name: q.full, pos: q.tok}, p) {
				continue // "Welsh Conservative leader Andrew RT Davies asked Mark Drakeford …. The First Minister replied"
			}
			if r.quoteSpeaksOf(q.full) {
				continue // ""… so for Sophie it's not a foreign country," the 67-year-old told the Chronicle": not Sophie
			}
			if q.evid {
				return r.canonical(r.variant(q.full))
			}
			if first == "" {
				first = r.canonical(r.variant(q.full))
			}
			if cued == "" && ageOrKin && (ts[q.tok].in(wFirstName) || q.tok > 0 && !ts[q.tok-1].isCap() && personHead(ts[q.tok-1].low)) {
				// (a name shown a person's by its first name or the noun
				// before it: "Ballymahon woman Breda Mulligan", not "at
				// Longford Mart" before it)
				cued = r.canonical(r.variant(q.full))
			}
		}
		if cued != "" {
			return cued
		}
		if first != "" {
			return first
		}
	}
	return ""
}

// quoteSpeaksOf reports whether the words of the quote being attributed name
// someone by their first name or surname: one does not speak of oneself so.
func (r *resolver) quoteSpeaksOf(full string) bool {
	ts := r.d.toks
	if r.quoteSpan[1] <= r.quoteSpan[0] {
		return false
	}
	names := strings.Fields(full)
	// (a quote within the quote may call the speaker by name: "One of
	// them said to me, 'Richard, we have …'")
	inner := newInnerScan(r.d.runes, r.quoteSpan[0])
	for k := r.d.tokAt(r.quoteSpan[0]); k < len(ts) && ts[k].start < r.quoteSpan[1]; k++ {
		if !ts[k].quoted || !capWord(&ts[k]) || inner.at(ts[k].start) {
			continue
		}
		w := trimPossessive(ts[k].text)
		for i, n := range names {
			if w != n || len(n) < 3 {
				continue
			}
			if i == 0 && len(names) > 1 && k+1 < len(ts) && ts[k+1].quoted && capWord(&ts[k+1]) && trimPossessive(ts[k+1].text) != names[len(names)-1] {
				continue // another of that first name: "to Tony Blair" names no Tony Lloyd
			}
			return true
		}
	}
	return false
}

// innerScan follows the single marks of quotes within a quotation, rune
// by rune from its start, for tokens taken in text order.
type innerScan struct {
	rs   []rune
	i    int
	open bool
	off  bool // the quotation's own marks are single: no mark inside can be told from them
}

// newInnerScan starts a scan of the quotation whose opening mark is at
// open.
func newInnerScan(rs []rune, open int) innerScan {
	single := open < len(rs) && (rs[open] == '\'' || rs[open] == '‘' || rs[open] == '’')
	return innerScan{rs: rs, i: open + 1, off: single}
}

// at reports whether the rune at pos stands inside a quote within the
// quotation: after a mark that opens a word ("'Richard", not "'90s") and
// before one no word follows ("lives.'"); an apostrophe inside a word
// ("don't") is neither.
func (s *innerScan) at(pos int) bool {
	if s.off {
		return false
	}
	for ; s.i < pos && s.i < len(s.rs); s.i++ {
		switch s.rs[s.i] {
		case '\'', '‘', '’':
			before := !wordRune(s.rs[s.i-1])
			after := s.i+1 < len(s.rs) && wordRune(s.rs[s.i+1])
			if before && after && !unicode.IsDigit(s.rs[s.i+1]) {
				s.open = true
			} else if !after {
				s.open = false
			}
		}
	}
	return s.open
}

// quoteSaysSurname reports whether the quote being attributed names full's
// surname (or one-word name) outside any quote inside it: "players like
// Ancic" is not Ancic speaking.
func (r *resolver) quoteSaysSurname(full string) bool {
	if r.quoteSpan[1] <= r.quoteSpan[0] {
		return false
	}
	sur := full[strings.LastIndexByte(full, ' ')+1:]
	if len(sur) < 3 {
		return false
	}
	ts := r.d.toks
	inner := newInnerScan(r.d.runes, r.quoteSpan[0]) // inside a quote within the quote: "'Oksana, you must be exhausted'"
	for k := r.d.tokAt(r.quoteSpan[0]); k < len(ts) && ts[k].start < r.quoteSpan[1]; k++ {
		if !inner.at(ts[k].start) && ts[k].quoted && trimPossessive(ts[k].text) == sur && k > 0 && ts[k-1].quoted && ts[k-1].sent == ts[k].sent {
			// (not a sentence it opens, which may be a headline of oneself:
			// ""Campbell swears shock."")
			return true
		}
	}
	return false
}

// byAge resolves "the 63-year-old" to the last person named before with
// that age after the name: "Helen Sowerby, 63, and her husband Andrew, 66",
// "Olena Hrytsenko (34)".
func (r *resolver) byAge(p np) string {
	ts := r.d.toks
	age := ""
	for _, w := range strings.Fields(p.name) {
		if a, ok := strings.CutSuffix(w, "-year-old"); ok && allDigits(a) {
			age = a
		}
	}
	if age == "" {
		return ""
	}
	for k := len(r.persons) - 1; k >= 0; k-- {
		q := r.persons[k]
		if q.tok >= p.pos {
			continue
		}
		j := q.tok
		for j < len(ts) && capWord(&ts[j]) {
			j++
		}
		// (or "Ruth Ackroyd, a 67-year-old retired GP", but not "Speaking to
		// Le Matin, the 24-year-old Swiss")
		if j+2 < len(ts) && (ts[j].text == "," || ts[j].text == "(") && (ts[j+1].text == age && (ts[j+2].text == "," || ts[j+2].text == ")") ||
			(ts[j+1].low == "a" || ts[j+1].low == "an") && ts[j+2].low == age+"-year-old") {
			return r.canonical(r.variant(q.full))
		}
	}
	return ""
}

// partyMember resolves an office its party or seat qualifies ("the Gweedore
// TD", "the Fianna Fáil deputy") that no one named before holds to the one
// the sentence before is about, when the article gives them no other
// office: "Sinn Féin's Pearse Doherty was less charitable. "…," the
// Gweedore TD said".
func (r *resolver) partyMember(p np) string {
	ts := r.d.toks
	if !onlyLegislator(p.head) || len(capModifiers(p.name, p.head)) == 0 || r.subjectAll == nil || p.pos >= len(ts) || p.pos > 0 && ts[p.pos-1].text == "," && !ts[p.pos-1].quoted ||
		r.byRole(p.head, p.name, p.pos) != "" {
		return ""
	}
	for s, n := ts[p.pos].sent-1, 0; s >= 0 && n < 2; s-- {
		if r.quotedSent(s) {
			continue
		}
		n++
		subj := r.subjectAll(s)
		if subj.kind != npPerson || r.isOrg(subj.name) || subj.pos >= p.pos {
			continue
		}
		if role := lower(subj.role); hasOffice(role) && !roleMatches(role, p.head, p.name) {
			return ""
		}
		if name, _ := r.resolve(subj); strings.Contains(name, " ") {
			return name
		}
		return ""
	}
	return ""
}

// describesKin reports whether a kin word describes the one it names, not
// someone's relative: "the grandmother of seven", "the grandfather".
func describesKin(p np) bool {
	return kinNouns[p.head] != 0 && (strings.HasPrefix(p.name, p.head+" of ") || selfKin[p.head])
}

// selfKin are kin words that say what one is, not whose: "the widow".
var selfKin = set("grandmother", "grandfather", "great-grandmother", "great-grandfather", "widow", "widower")

// afterPrep reports whether the name at token i, with the few words of a
// title before it, follows a preposition: "a comment by All England Club
// chairman Tim Phillips".
func (r *resolver) afterPrep(i int) bool {
	ts := r.d.toks
	for m := i - 1; m >= 0 && m >= i-6; m-- {
		if namePreps[ts[m].low] {
			return true
		}
		if !ts[m].isWord() || !capWord(&ts[m]) && (ts[m].in(wReport|wStance|wSkip) || functionWords[ts[m].low] && !articles[ts[m].low]) {
			return false
		}
	}
	return false
}

// namePreps put a name in a phrase of its own.
var namePreps = set("by", "of", "to", "from", "with", "against", "for", "about", "on")

// salientHolder resolves "the Head of State", "the President" or "the Prime
// Minister" that no one named before was given to the person the article is
// about: of the persons named anywhere in it whose roles name no other
// office and no other country, the one mentioned most ("The message from
// the head of state reads: … On Christmas Eve, Vladimir Putin attended").
func (r *resolver) salientHolder(p np) string {
	if p.head != "president" && !headOffices[p.head] && !(p.head == "minister" && strings.Contains(lower(p.name), "prime")) &&
		p.head != "premier" {
		return ""
	}
	counts := map[string]int{}
	bad := map[string]bool{}
	var order []string
	for _, q := range r.persons {
		c := r.canonical(q.full)
		if !strings.Contains(c, " ") || !q.evid && q.gender == 0 {
			continue
		}
		if counts[c] == 0 {
			order = append(order, c)
		}
		counts[c]++
		for _, w := range strings.Fields(q.role) {
			if officeHeads[w] && !roleMatches(q.role, p.head, p.name) || foreignWords[w] {
				bad[c] = true
			}
		}
	}
	best, bestN := "", 0
	for _, c := range order {
		if !bad[c] && counts[c] > bestN {
			best, bestN = c, counts[c]
		}
	}
	return best
}

// ledeNamed resolves the description that opens an article ("A close
// associate of … has told a court …") to the person the next sentence opens
// with ("Platon Lebedev has been on trial …"), when that is the first
// mention of them; a definite one ("the Island's External Relations
// Minister") only when that person speaks at the next paragraph's start and
// holds that office or only a seat.
func (r *resolver) ledeNamed(p np) string {
	ts := r.d.toks
	if p.pos >= len(ts) || ts[p.pos].sent != 0 || ofUnnamed(p) || !humanHead(p.head) && !personHead(p.head) && !relationHeads[p.head] && kinNouns[p.head] == 0 ||
		plural(p.head) || r.subject == nil {
		return ""
	}
	q := r.subject(1)
	if q.kind != npPerson || !strings.Contains(q.name, " ") || q.role == "" && q.honor == "" && !strings.HasPrefix(q.mention, q.name) {
		return "" // (not "The Da Vinci Code")
	}
	for _, m := range r.persons {
		if m.tok < q.pos && m.full == q.name {
			return ""
		}
	}
	if role := lower(q.role); (ts[p.pos].low == "a" || ts[p.pos].low == "an") && hasOffice(role) && !roleMatches(role, p.head, p.name) {
		return "" // "A former tank commander … ¶ Defence Secretary Ben Wallace told MPs": someone else
	}
	if p.definite {
		// "… "without delay", the Island's External Relations Minister has
		// said. ¶ Senator Ian Gorst said that …": the office the lede names
		// is the person the next paragraph opens with, if their role is that
		// office or only a seat (a senator may be a minister)
		if st := r.d.sents[1]; !ts[st.tok0].para || q.pos > st.tok0+2 || !r.speaksNext(q.pos) {
			return ""
		}
		if role := lower(q.role); role == "" && r.otherOfficeOf(q, p) || role != "" && !roleMatches(role, p.head, p.name) && !onlyLegislator(role) {
			return "" // (a name without a role is the office's holder: "…, its co-chairman has said. ¶ Dr Liam Fox told")
		}
	}
	name, _ := r.resolve(q)
	return name
}

// ledeIntroduced resolves a lede's description of someone unnamed ("A
// MULLEWA farmer says") to the first person the article later introduces
// by full name with an apposition and no office, opening a sentence: "Dan
// Pearse, who cropped about 4000 hectares …, said", "Sgt. Mark Hrycenko,
// 38, a member of the Rocky Mountain Rangers", "Dr Nathan Ferris, a
// lecturer in modern European history at UNE".
func (r *resolver) ledeIntroduced(p np) string {
	ts := r.d.toks
	ofA := ofUnnamed(p)
	if p.pos >= len(ts) || ts[p.pos].sent != 0 || p.definite && !ofA || plural(p.head) || postedHeads[p.head] || spokesHeads[p.head] ||
		!humanHead(p.head) && !personHead(p.head) && !agentNoun(p.head) || ts[p.pos].low != "a" && ts[p.pos].low != "an" && !ofA {
		return ""
	}
	seen := map[string]bool{}
	for _, q := range r.persons {
		c := r.canonical(q.full)
		if q.tok <= p.pos || seen[c] {
			continue
		}
		seen[c] = true
		if q.poss || !strings.Contains(q.full, " ") || hasOffice(q.role) && !rankOnly(q.role) && !ofA {
			continue
		}
		k0 := r.d.sents[q.sent].tok0
		if k0 < q.tok && !ts[k0].in(wHonorific) && !rankOnly(ts[k0].low) || q.tok-k0 > 1 {
			continue // not the sentence's subject
		}
		e := q.tok
		for e < len(ts) && capWord(&ts[e]) {
			e++
		}
		if e+1 >= len(ts) || ts[e].text != "," {
			continue
		}
		if w := ts[e+1].low; w == "a" || w == "an" || w == "who" || w == "whose" || unicode.IsDigit([]rune(w)[0]) || ofA && roleWords[w] {
			return c // ("Halyna Boyko, president of the Ukrainian Cultural Society of the South Okanagan,")
		}
	}
	return ""
}

// ofUnnamed reports whether a description says whose office or relative
// its head is by a body or person it does not name, so that an article
// that opens with it names them later: "The president of a Kenora
// Ukrainian cultural group", "The mother of a Hawick soldier".
func ofUnnamed(p np) bool {
	return strings.HasPrefix(p.name, p.head+" of a ") || strings.HasPrefix(p.name, p.head+" of an ")
}

// ledeKin resolves a lede's unnamed relative ("A Thurso mother has spoken
// of her "pride"", "The mother of a Hawick soldier … says") to the one the
// article then names as that relative: "His mother, Moira Sinclair, said".
func (r *resolver) ledeKin(p np) string {
	ts := r.d.toks
	if p.pos >= len(ts) || ts[p.pos].sent != 0 {
		return ""
	}
	if _, after, ok := strings.Cut(p.mention, " whose "); ok && !p.definite && (humanHead(p.head) || personHead(p.head) || kinNouns[p.head] != 0) {
		// "A Portstewart grandmother whose granddaughter is studying in
		// Kyiv … ¶ Lorna McAfee's granddaughter, Sophie,": the one whose
		// relative the article names
		kin, _, _ := strings.Cut(after, " ")
		for _, q := range r.persons {
			if e := q.tok + strings.Count(q.full, " "); q.poss && q.tok > p.pos && e+1 < len(ts) && isPossessive(ts[e].text) && ts[e+1].low == kin && strings.Contains(q.full, " ") {
				return r.canonical(q.full)
			}
		}
	}
	if kinNouns[p.head] == 0 {
		return ""
	}
	for k := p.pos + 4; k+2 < len(ts); k++ {
		if ts[k].low != p.head || ts[k+1].text != "," || ts[k-1].low != "his" && ts[k-1].low != "her" && ts[k-1].low != "their" {
			continue
		}
		for _, q := range r.persons {
			if q.tok == k+2 && strings.Contains(q.full, " ") {
				return r.canonical(q.full)
			}
		}
	}
	return ""
}

// rankOnly reports whether a role is a military rank and nothing else:
// "sgt. sergeant".
func rankOnly(role string) bool {
	f := strings.Fields(role)
	for _, w := range f {
		if _, ok := titleWords[strings.TrimSuffix(w, ".")]; !ok && !rankWords[w] {
			return false
		}
	}
	return len(f) > 0
}

// rankWords are the ranks titleWords abbreviate, spelt out.
var rankWords = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range titleWords {
		for _, w := range strings.Fields(v) {
			m[w] = true
		}
	}
	return m
}()

// ledeAgain resolves a description that takes up the lede's ("A Derby
// soldier who has just returned … says …. ¶ Corporal Liam Hartley, 29, …"
// and later "The soldier, who joined the Army at 18, said") to the person
// the lede's description is.
func (r *resolver) ledeAgain(p np) string {
	ts := r.d.toks
	if r.subjectAll == nil || p.pos >= len(ts) || ts[p.pos].sent == 0 || !humanHead(p.head) && !personHead(p.head) && kinNouns[p.head] == 0 {
		return ""
	}
	l := r.subjectAll(0) // (or "Kostas Kenteris' lawyer has called … ¶ Gregory Ioannidis has submitted")
	if l.kind != npDesc || l.definite || l.head != p.head || !hasAll(lower(l.name), ownerModifiers(p.name, p.head)) {
		return ""
	}
	return r.ledeNamed(l)
}

// onlyLegislator reports whether a role is only a seat in a legislature,
// which may go with an office: "senator", "deputy" (Jersey's and
// Guernsey's members).
func onlyLegislator(role string) bool {
	ws := strings.Fields(role)
	for _, w := range ws {
		if !seatHeads[w] && w != "deputy" {
			return false
		}
	}
	return len(ws) > 0
}

// nameBeforeOf is the length of a person's name of two words or more that
// opens ts and is followed by of, from or at ("Cara Diemont of IT firm
// Dimension Data"), else 0.
func nameBeforeOf(ts []tok) int {
	k := 0
	for k < len(ts) && capWord(&ts[k]) {
		k++
	}
	if k < 2 || k == len(ts) || ts[k].low != "of" && ts[k].low != "from" && ts[k].low != "at" {
		return 0
	}
	if _, _, name, org := parseRun(ts[:k]); len(name) < 2 || org {
		return 0
	}
	return k
}

// namedAgain reports whether a subject of unknown gender is a person the
// article names more than once, and not at a sentence's start, where any
// word has a capital ("Keane accused Vieira" after "Roy Keane …").
func (r *resolver) namedAgain(subj np, name string) bool {
	ts := r.d.toks
	if subj.pos >= len(ts) || subj.pos == r.d.sents[ts[subj.pos].sent].tok0 || r.isOrg(name) {
		return false
	}
	if _, ok := countries[lower(name)]; ok {
		return false
	}
	return r.mentions(name) >= 2 || !strings.Contains(name, " ") && r.speaksBare(name) >= 2
}

// speaksBare counts the places a one-word name speaks outside quotes ("Parry
// said", "Parry revealed"): a surname the article never gives a first name
// is not among the persons, yet it is someone's who speaks.
func (r *resolver) speaksBare(name string) int {
	if r.bareSpeaks == nil {
		r.bareSpeaks = map[string]int{}
		ts := r.d.toks
		for k := 0; k+1 < len(ts); k++ {
			if !ts[k].quoted && ts[k].isCap() && ts[k+1].in(wReport) {
				r.bareSpeaks[ts[k].text]++
			}
		}
	}
	return r.bareSpeaks[name]
}

// knownPerson reports whether p names someone the article shows to be a
// person: a full name with a first name, role, honorific or speech of its own.
func (r *resolver) knownPerson(p np) bool {
	if p.kind != npPerson || r.isOrg(p.name) {
		return false
	}
	if r.known == nil {
		r.known = map[string]bool{}
		for _, q := range r.persons {
			if q.evid {
				r.known[q.full] = true
				r.known[r.canonical(q.full)] = true
			}
		}
	}
	full, _ := r.resolve(p)
	return r.known[full]
}

// seatIn spells out a body that has seats in many places by the place the
// mention gives: "The Russian Embassy in Athens rejected …, it said".
func (r *resolver) seatIn(p np) string {
	ts := r.d.toks
	last := p.name[strings.LastIndexByte(p.name, ' ')+1:]
	if !seatNouns[lower(last)] {
		return ""
	}
	for k := p.pos; k < len(ts) && k < p.pos+8; k++ {
		if ts[k].text != last {
			continue
		}
		e := k + 2
		for e < len(ts) && ts[e].isCap() && !ts[e].quoted && ts[e].sent == ts[k].sent {
			e++
		}
		if e == k+2 || ts[k+1].low != "in" {
			return ""
		}
		return p.name + " in " + joinToks(ts[k+2:e])
	}
	return ""
}

var seatNouns = set("embassy", "consulate", "mission", "delegation")

// givenName reports whether a person's name opens with a first name or has
// an honorific: "Sarah Mukasa", "Mr Brown", not "Uganda".
func givenName(p np) bool {
	first, _, _ := strings.Cut(p.name, " ")
	l := lower(first)
	return p.honor != "" || maleNames[l] || femaleNames[l]
}

// isApostrophe reports whether a token is an apostrophe on its own: the
// possessive of a plural ("Extractors' Association").
func isApostrophe(s string) bool { return s == "'" || s == "’" }

// quotedIn reports whether any of ts is inside a quotation.
func quotedIn(ts []tok) bool {
	for k := range ts {
		if ts[k].quoted {
			return true
		}
	}
	return false
}

package extract

import (
	"strconv"
	"strings"

	"dossier"
)

// figureUnits are the nouns a troop figure counts.
var figureUnits = set("troops", "soldiers", "servicemen", "servicemembers", "personnel", "forces", "fighters",
	"battalions", "btgs", "paratroopers", "marines", "reservists", "conscripts", "sailors", "service",
	"force", "army", "contingent", "strong", "militants", "officers", "trainers", "instructors", "advisers", "advisors",
	"guards", "squadron", "brigade", "division", "regiment", "units", "members")

// figureFillers may stand between a number and its unit: "94,000 Russian troops".
var figureFillers = set("russian", "ukrainian", "belarusian", "american", "us", "u.s.", "nato", "british",
	"additional", "extra", "more", "new", "combat", "combat-ready", "military", "armed", "active", "of",
	"regular", "elite", "foreign", "allied", "western", "battalion", "tactical", "ground", "their", "its",
	"enemy", "our", "troops", "army", "peacekeeping", "active-duty", "rotation", "rotational", "border", "stryker",
	"special", "forces", "airborne", "naval", "reserve", "contract", "private", "trained", "fresh", "u.s", "uk", "u.k.",
	"canadian", "german", "polish", "french", "chechen", "separatist", "russian-backed", "pro-russian")

var numberWords = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1,
}

// numberInitial holds the first letters, in either case, of the number
// words: a cheap test before parseNumber looks a word up.
var numberInitial = func() (t [256]bool) {
	for w, c := range wordClasses {
		if c&wNumber != 0 {
			t[w[0]], t[w[0]&^0x20] = true, true // ASCII words: &^0x20 is upper case
		}
	}
	return t
}()

// numberShape holds, by first and last letter, the lengths of the number
// words: a finer test than numberInitial before parseNumber looks a word up
// ("the", "that", "said" pass numberInitial). By the time figures runs, no
// other rule has looked most of those words up.
var numberShape = func() (t [32][32]uint16) {
	for w, c := range wordClasses {
		if c&wNumber != 0 {
			t[w[0]&31][w[len(w)-1]&31] |= 1 << (len(w) & 15)
		}
	}
	return t
}()

func numberShaped(low string) bool {
	n := len(low)
	return n > 0 && numberShape[low[0]&31][low[n-1]&31]&(1<<(n&15)) != 0
}

// vague are the words that give a number as a magnitude: the least each means.
var vague = map[string]int64{"thousands": 2000, "hundreds": 200, "dozens": 24, "tens": 20, "millions": 2000000}

var qualifiers2 = []string{"more than", "as many as", "up to", "at least", "close to", "fewer than",
	"less than", "an estimated", "in excess of", "upwards of", "as few as", "no fewer than", "well over"}

var qualifiers1 = set("almost", "over", "about", "nearly", "some", "around", "roughly", "approximately",
	"estimated", "approx", "under", "roughly", "circa", "exactly", "just")

// parseNumber reads the number that ends at token e-1 (or starts at token
// s): digits with any grouping, "175k", "1.5 million", number words and
// magnitudes ("tens of thousands"). It returns the first token and value.
func parseNumber(ts []tok, s int) (start, end int, v int64, ok bool) {
	if c := ts[s].text[0]; !(c >= '0' && c <= '9') && (!numberInitial[c] || !numberShaped(ts[s].low) || !ts[s].in(wNumber)) {
		return 0, 0, 0, false
	}
	t := ts[s].low
	end = s + 1
	switch {
	case vague[t] > 0:
		v = vague[t]
		// "tens of thousands", "hundreds of thousands"
		if end+1 < len(ts) && ts[end].text == "of" && vague[ts[end+1].low] > 0 && t != "thousands" {
			v = v / 2 * vague[ts[end+1].low] / 100
			if t == "tens" {
				v = 10 * vague[ts[end+1].low]
			}
			if t == "hundreds" {
				v = 100 * vague[ts[end+1].low]
			}
			end += 2
		}
		return s, end, v, true
	case t == "several" && end < len(ts) && (ts[end].low == "lakh" || ts[end].low == "thousand" || ts[end].low == "hundred"):
		// "several lakh reservists": the least it means
		v = 3
	case numberWords[t] > 0 && t != "a":
		v = numberWords[t]
	case t == "a" && end < len(ts) && (ts[end].low == "hundred" || ts[end].low == "thousand"):
		v = 1
	default:
		num := strings.ReplaceAll(t, ",", "")
		mult := int64(1)
		if strings.HasSuffix(num, "k") {
			num, mult = num[:len(num)-1], 1000
		}
		if strings.HasSuffix(num, "-strong") {
			num = strings.TrimSuffix(num, "-strong")
		}
		if num == "" || num[0] < '0' || num[0] > '9' {
			return 0, 0, 0, false
		}
		f, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return 0, 0, 0, false
		}
		// "100 000": groups of three digits set apart by spaces
		for end < len(ts) && len(ts[end].text) == 3 && ts[end].start == ts[end-1].end+1 && allDigits(ts[end].text) && !strings.ContainsAny(num, ".") {
			f = f*1000 + mustFloat(ts[end].text)
			end++
		}
		v = int64(f * float64(mult))
		if mult == 1 {
			v = int64(f)
		}
		if end < len(ts) {
			switch ts[end].low {
			case "million", "mln", "m":
				return s, end + 1, int64(f * 1e6), true
			case "thousand":
				return s, end + 1, int64(f * 1e3), true
			case "lakh", "lakhs":
				return s, end + 1, int64(f * 1e5), true
			case "crore":
				return s, end + 1, int64(f * 1e7), true
			}
		}
		return s, end, v, true
	}
	for end < len(ts) {
		switch ts[end].low {
		case "hundred":
			v *= 100
		case "thousand":
			v *= 1000
		case "million":
			v *= 1000000
		case "lakh", "lakhs":
			v *= 100000
		default:
			return s, end, v, true
		}
		end++
	}
	return s, end, v, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func mustFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// figures finds the numeric claims about troops in the article.
func (x *extractor) figures(a *dossier.Article, qs []dossier.Quote) []dossier.Figure {
	d := x.d
	var out []dossier.Figure
	for i := 0; i < len(d.toks); i++ {
		s, e, v, ok := parseNumber(d.toks, i)
		if !ok || v <= 0 {
			continue
		}
		// the unit: after the number, past a few fillers ("94,000 Russian troops")
		u := e
		strong := strings.HasSuffix(d.toks[e-1].low, "-strong")
		for u < len(d.toks) && u-e < 4 && !figureUnits[d.toks[u].low] && figureFillers[d.toks[u].low] {
			u++
		}
		if u >= len(d.toks) {
			continue
		}
		unit, elided := d.toks[u].low, false
		if !figureUnits[unit] || d.toks[u].sent != d.toks[s].sent {
			// a number whose unit a figure just before gave: "Washington
			// had earlier estimated the number at about 100,000."
			if unit = x.elidedUnit(out, s, e); unit == "" {
				continue
			}
			u, elided = e-1, true
		}
		switch unit {
		case "force", "army", "contingent", "strong", "squadron", "brigade", "division", "regiment", "units":
			if !strong && unit != "strong" {
				continue // "a force of" is not "1,000 force"
			}
		case "guards":
			if !(d.toks[u-1].low == "border" || d.toks[u-1].low == "national") {
				continue // "security guards"
			}
		case "members":
			if !militaryAfter(d.toks, u) {
				continue // "members of parliament"
			}
		case "service":
			if u+1 >= len(d.toks) || !strings.HasPrefix(d.toks[u+1].low, "member") {
				continue
			}
			u++
			unit = "service members"
		}
		if strong && unit == "strong" {
			unit = "troops"
		}
		// "thousands of personnel": the unit word after "of"
		if (unit == "troops" || figureUnits[unit]) && !elided {
			unit = d.toks[u].low
			if unit == "members" {
				unit = "service members"
			}
		}
		f := dossier.Figure{Article: a.ID, Value: v, Unit: unit, Date: a.Published}
		qs0 := s
		if q, n := qualifierBefore(d.toks, s); n > 0 {
			f.Qualifier, qs0 = q, s-n
		}
		if lossContext(d.toks, qs0, u) {
			i = u
			continue // the killed, wounded, captured or awarded are no force's strength
		}
		f.Span = dossier.Span{Start: d.toks[qs0].start, End: d.toks[u].end}
		st := d.sents[d.toks[s].sent]
		f.Sentence = d.text(st.start, st.end)
		f.Claimant = x.claimant(s, qs)
		out = append(out, f)
		i = u
	}
	return out
}

// lossWords say that the people a number counts are lost to a force, or
// counted for another reason than its strength: killed, wounded, captured,
// exchanged, awarded, housed, trained, treated, rescued.
var lossWords = set("killed", "kill", "dead", "died", "die", "dying", "death", "deaths", "toll", "lost", "losses", "loss",
	"wounded", "injured", "casualties", "captured", "captive", "prisoners", "prisoner", "pows", "exchange", "exchanged",
	"released", "freed", "returned", "awarded", "awards", "award", "awarding", "decorated", "posthumously", "medals",
	"housing", "apartments", "trained", "treated", "saved", "rescued", "evacuated", "surrendered", "neutralised",
	"neutralized", "eliminated", "buried", "missing", "memorial", "names", "perished", "fallen", "slain", "medical")

// lossContext reports whether the clause of the figure ts[s:u+1] counts
// people lost or otherwise counted: it reads back to the clause's start and
// on to its end (a semicolon, ", and" or ", but").
func lossContext(ts []tok, s, u int) bool {
	sent := ts[s].sent
	for k := s - 1; k >= 0 && k >= s-8 && ts[k].sent == sent && ts[k].text != ";"; k-- {
		if lossWords[ts[k].low] {
			return true
		}
		if ts[k].text == "," && (conjunctions[ts[k+1].low] || ts[k+1].low == "while") {
			break
		}
	}
	for k := u + 1; k < len(ts) && k <= u+30 && ts[k].sent == sent && ts[k].text != ";"; k++ {
		if ts[k].text == "," && k+1 < len(ts) && (conjunctions[ts[k+1].low] || ts[k+1].low == "while" || ts[k+1].low == "whereas") {
			break
		}
		if lossWords[ts[k].low] {
			return true
		}
	}
	return false
}

// militaryAfter reports whether "members" at ts[u] are of a military body:
// "members of US private military companies".
func militaryAfter(ts []tok, u int) bool {
	if u+1 >= len(ts) || ts[u+1].low != "of" {
		return false
	}
	for k := u + 2; k < len(ts) && k <= u+7; k++ {
		switch ts[k].low {
		case "military", "armed", "army", "forces", "navy", "battalion", "brigade", "regiment", "wagner":
			return true
		}
	}
	return false
}

// elidedUnit gives the unit of a grouped number that names none ("about
// 100,000.", "up to 50,000 more") when a figure of the same or the two
// sentences before gave one; "" when there is none.
func (x *extractor) elidedUnit(found []dossier.Figure, s, e int) string {
	ts := x.d.toks
	if len(found) == 0 || s > 0 && (ts[s-1].text == "$" || ts[s-1].text == "€" || ts[s-1].text == "£") {
		return ""
	}
	if !strings.Contains(ts[s].text, ",") && e-s == 1 {
		return "" // "2014", "15": no grouped thousands
	}
	if e < len(ts) && ts[e].isWord() {
		switch ts[e].low {
		case "more", "plus", "from", "were", "are", "was", "in", "within", "on", "at", "by", "to", "and", "or", "of", "had", "have":
		default:
			return "" // "100,000 people", "1,500 km"
		}
	}
	last := found[len(found)-1]
	at := x.d.tokAt(last.Span.Start)
	if at >= len(ts) || ts[s].sent-ts[at].sent > 2 {
		return ""
	}
	return last.Unit
}

func qualifierBefore(ts []tok, s int) (string, int) {
	if s >= 3 {
		three := lower(ts[s-3].text + " " + ts[s-2].text + " " + ts[s-1].text)
		for _, q := range qualifiers2 {
			if q == three {
				return q, 3
			}
		}
	}
	if s >= 2 {
		two := lower(ts[s-2].text + " " + ts[s-1].text)
		for _, q := range qualifiers2 {
			if q == two {
				return q, 2
			}
		}
	}
	if s >= 1 && qualifiers1[ts[s-1].low] {
		return ts[s-1].low, 1
	}
	return "", 0
}

// claimant is who states the figure at token i: the speaker of the quote it
// stands in, or the subject of the sentence's reporting verb.
func (x *extractor) claimant(i int, qs []dossier.Quote) string {
	d := x.d
	pos := d.toks[i].start
	for _, q := range qs {
		for _, sp := range q.Spans {
			if pos >= sp.Start && pos < sp.End {
				return q.Speaker
			}
		}
	}
	st := d.sents[d.toks[i].sent]
	c := d.toks[st.tok0:st.tok1]
	for v := range c {
		w := c[v].low
		if c[v].quoted || !(reportVerbs[w] || w == "accused" || w == "estimated" || w == "estimates") {
			continue
		}
		if v > 0 && (c[v-1].low == "an" || c[v-1].low == "the") {
			continue // "an estimated 130,000 troops" is no one's estimate
		}
		var p np
		if v == 0 {
			continue
		}
		k := v
		for k > 0 && c[k-1].in(wSkip) {
			k--
		}
		p = npBackward(c, k, st.tok0)
		if p.kind == npNone {
			p = x.sentenceSubject(d.toks[i].sent)
		}
		if p.kind != npNone && p.kind != npPronoun || p.kind == npPronoun {
			sp, _ := x.res.resolve(p)
			return sp
		}
	}
	// "…, the Pentagon said." at the end
	if p, ok := x.sentenceFinal(d.toks[i].end); ok && p.kind != npNone {
		sp, _ := x.res.resolve(p)
		return sp
	}
	// a transcript: the speaker whose turn it is
	if tn, _ := x.turnAt(d.toks[i].start); tn != nil && tn.who.kind != npNone {
		sp, _ := x.res.resolve(tn.who)
		return sp
	}
	return ""
}

package extract

import (
	"sort"
	"strings"
)

// tokAt returns the index of the first token that starts at or after pos.
func (d *doc) tokAt(pos int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= pos })
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
	"tonight", "yesterday", "following", "amid", "over")

// clauseAfter reads "…," he said / said X / X told Y: the words from pos up
// to the end of the sentence (or limit), and finds a speaker in them.
func (x *extractor) clauseAfter(pos, limit int, strictStart bool) (np, bool) {
	d := x.d
	i := d.tokAt(pos)
	if i < len(d.toks) && d.toks[i].text == "," {
		i++
	}
	j := i
	for j < len(d.toks) && j-i < 16 && d.toks[j].start < limit && !d.toks[j].quoted && !isStop(&d.toks[j]) &&
		(j == i || !d.toks[j].para) {
		j++
	}
	if j == i || i < len(d.toks) && d.toks[i].para {
		return np{}, false
	}
	c := d.toks[i:j]
	for v := 0; v < len(c) && v < 9; v++ {
		w := lower(c[v].text)
		if w == "according" && v+1 < len(c) && lower(c[v+1].text) == "to" {
			return x.after(c[v+2:], i+v+2), true
		}
		if !reportVerbs[w] {
			continue
		}
		if v == 0 {
			return x.after(c[1:], i+1), true
		}
		k := v
		for k > 0 && skipBeforeVerb[lower(c[k-1].text)] {
			k--
		}
		if strictStart {
			// after a full stop only "he said." may follow
			if k > 4 || j-i > 8 {
				return np{}, false
			}
		}
		p := parseNP(c[:k], i)
		if p.kind == npNone && k == 0 {
			continue
		}
		return p, true
	}
	return np{}, false
}

// after parses the speaker that follows a verb: "said Ukrainian Foreign
// Minister Dmytro Kuleba", "said Hannah Ward of the Refugee Council".
func (x *extractor) after(c []tok, pos int) np {
	e := 0
	for e < len(c) {
		w := lower(c[e].text)
		if c[e].text == "," || c[e].text == "." || npStop[w] && e > 0 {
			break
		}
		if w == "of" && !(e+1 < len(c) && (c[e+1].isCap() || lower(c[e+1].text) == "the")) {
			break
		}
		e++
	}
	return parseNP(c[:e], pos)
}

// clauseBefore finds the speaker of a quote in its sentence before the
// opening mark: "Ms Hewitt said: "…", "Putin blamed "…"".
func (x *extractor) clauseBefore(open int, sentStart int, partial bool) (np, bool) {
	d := x.d
	j := d.tokAt(open) // first token after the mark
	i := j
	for i > 0 && d.toks[i-1].end <= open && d.toks[i-1].start >= sentStart && !d.toks[i-1].quoted &&
		!(d.toks[i].para && i < j) {
		i--
		if d.toks[i].para {
			break
		}
	}
	c := d.toks[i:j]
	for v := len(c) - 1; v >= 0; v-- {
		w := lower(c[v].text)
		if w == "according" && v+1 < len(c) && lower(c[v+1].text) == "to" {
			return x.after(c[v+2:], i+v+2), true
		}
		if w == "per" && v > 0 && lower(c[v-1].text) == "as" {
			return x.after(c[v+1:], i+v+1), true
		}
		if !(reportVerbs[w] || partial && stanceVerbs[w]) {
			continue
		}
		k := v
		for k > 0 && skipBeforeVerb[lower(c[k-1].text)] {
			k--
		}
		// the subject starts after the last clause break before the verb
		s := 0
		for m := k - 1; m >= 0; m-- {
			if lower(c[m].text) == "and" || lower(c[m].text) == "but" || c[m].text == ";" || lower(c[m].text) == "that" {
				s = m + 1
				break
			}
		}
		p := parseNP(c[s:k], i+s)
		if p.kind == npNone {
			p = x.sentenceSubject(d.toks[i].sent)
		}
		return p, true
	}
	return np{}, false
}

// sentenceSubject reads the noun phrase a sentence starts with, past a
// leading adverbial ("In a statement on Sunday, the Cabinet Office …").
func (x *extractor) sentenceSubject(s int) np {
	d := x.d
	if s < 0 || s >= len(d.sents) {
		return np{}
	}
	st := d.sents[s]
	i := st.tok0
	for i < st.tok1 && d.toks[i].quoted {
		i++
	}
	if i < st.tok1 && !d.toks[i].quoted {
		w := lower(d.toks[i].text)
		if leadWords[w] || strings.HasSuffix(w, "ing") {
			// skip an introductory phrase up to its comma
			for k := i; k < st.tok1 && k < i+12; k++ {
				if d.toks[k].text == "," {
					i = k + 1
					break
				}
			}
		}
	}
	j := i
	for j < st.tok1 && !d.toks[j].quoted {
		w := lower(d.toks[j].text)
		t := &d.toks[j]
		if t.isCap() || roleWords[w] || determiners[w] || roleConnectors[w] || t.text == "," || t.text == "-" ||
			leadWords[w] && j == i {
			j++
			continue
		}
		if _, ok := pronouns[w]; ok && j == i {
			j++
		}
		break
	}
	if j == i {
		return np{}
	}
	p := parseNP(d.toks[i:j], i)
	if p.kind == npDesc && !p.definite {
		return np{}
	}
	return p
}


package extract

import (
	"strings"
	"unicode"
)

// turn is a speaker's turn in a transcript: a label at the start of a
// sentence, a name and a colon with no verb ("Vladimir Putin: …",
// "President of Russia Vladimir Putin:"…", "Question: …"). The turn runs to
// the next label or the end of its paragraph.
type turn struct {
	colon int // token index of the colon
	start int // rune offset just past the colon
	end   int // rune offset where the turn ends
	who   np  // the speaker; kind npNone for an interviewer ("Question")
}

// askers label the questions of a transcript: their words have no speaker
// the article names.
var askers = set("question", "q", "questions", "journalist", "reporter", "interviewer", "moderator", "host",
	"audience", "remark", "reply", "answer", "correspondent")

// gluedLabel finds the name of a label scraped with its tooltip, "First
// Last Last FirstOffice": the index of the glued word, or -1.
func gluedLabel(run []tok) int {
	for g := 3; g < len(run); g++ {
		w := run[g].text
		if run[g-1].text == run[g-2].text && len(w) > len(run[g-3].text) && strings.HasPrefix(w, run[g-3].text) &&
			unicode.IsUpper([]rune(w[len(run[g-3].text):])[0]) {
			return g
		}
	}
	return -1
}

// findTurns finds the transcript labels of the document.
func (x *extractor) findTurns() {
	d := x.d
	x.turns = x.turns[:0]
	for s := range d.sents {
		st := d.sents[s]
		i := st.tok0
		for i < st.tok1 && !d.toks[i].isWord() && d.toks[i].text != ":" {
			i++ // "<…> Vladimir Putin:" after an elision
		}
		if i >= st.tok1 || d.toks[i].quoted || !d.toks[i].isCap() {
			continue
		}
		j := i
		for j < st.tok1 && j-i <= 16 && !d.toks[j].quoted && (d.toks[j].isCap() && d.toks[j].isWord() ||
			d.toks[j].in(wConnector) || d.toks[j].text == "(" || d.toks[j].text == ")" || d.toks[j].text == "," ||
			j > i && d.toks[j-1].text == "(") {
			j++
		}
		if (j >= st.tok1 || d.toks[j].text != ":" || j == i) && (s == 0 || d.toks[i].para) {
			i, j = titledLabel(d.toks, i, st.tok1)
		}
		if j >= st.tok1 || d.toks[j].text != ":" || j == i {
			continue
		}
		run := d.toks[i:j]
		if g := gluedLabel(run); g >= 0 {
			// the Kremlin's scraped labels: "President of the Republic of
			// Belarus, Alexander Lukashenko Lukashenko AlexanderPresident of
			// Belarus:" is Alexander Lukashenko
			run, i = run[g-3:g-1], i+g-3
		} else if countText(run, ",") > 0 {
			continue
		}
		// drop a parenthesised note: "Viktor Orban (retranslated)"
		for k := range run {
			if run[k].text == "(" {
				run = run[:k]
				break
			}
		}
		if len(run) == 0 {
			continue
		}
		t := turn{colon: j, start: d.toks[j].end}
		if len(run) <= 2 && askers[run[0].low] {
			// the interviewer's words
		} else {
			p := parseNP(run, i)
			if p.kind != npPerson || run[len(run)-1].in(wReport) {
				continue
			}
			t.who = p
		}
		// the turn ends at the paragraph's end
		e := j + 1
		for e < len(d.toks) && !d.toks[e].para {
			e++
		}
		t.end = len(d.runes)
		if e < len(d.toks) {
			t.end = d.toks[e].start
		}
		if n := len(x.turns); n > 0 && x.turns[n-1].end > t.start {
			x.turns[n-1].end = d.toks[i].start
		}
		x.turns = append(x.turns, t)
	}
	if len(x.turns) > 0 && d.toks[x.turns[0].colon].sent == 0 && shouted(d.toks[d.sents[0].tok0:x.turns[0].colon]) {
		for _, t := range x.turns[1:] {
			if shouted(d.toks[d.sents[d.toks[t.colon].sent].tok0:t.colon]) {
				return // a transcript in capitals: "PUTIN: …"
			}
		}
		// a dateline: "NEW DELHI: The Indian embassy in Kyiv on Tuesday advised"
		x.turns = x.turns[1:]
	}
}

// shouted reports whether the words of ts are all in capitals.
func shouted(ts []tok) bool {
	words := 0
	for i := range ts {
		if ts[i].isWord() {
			if ts[i].text != strings.ToUpper(ts[i].text) {
				return false
			}
			words++
		}
	}
	return words > 0
}

// turnAt returns the transcript turn the rune offset lies in, and whether
// its label stands just before pos (only space and quotation marks between).
func (x *extractor) turnAt(pos int) (*turn, bool) {
	for k := len(x.turns) - 1; k >= 0; k-- {
		t := &x.turns[k]
		if t.start > pos {
			continue
		}
		if pos >= t.end {
			return nil, false
		}
		adjacent := true
		for m := t.start; m < pos; m++ {
			if r := x.d.runes[m]; r != ' ' && !isQuoteMark(r) {
				adjacent = false
				break
			}
		}
		return t, adjacent
	}
	return nil, false
}

// titledLabel finds a label the page's title runs into, in the first
// sentence of a paragraph: "Speech at the Council of Lawmakers meeting
// President of Russia Vladimir Putin: Good afternoon". The label opens with
// an office and follows a word in lower case; it returns i, i when none.
func titledLabel(ts []tok, i, end int) (int, int) {
	c := i
	for c < end && c-i < 30 && ts[c].text != ":" && !ts[c].quoted {
		c++
	}
	if c >= end || ts[c].text != ":" {
		return i, i
	}
	k := c
	for k > i && c-k <= 10 && (ts[k-1].isCap() && ts[k-1].isWord() || ts[k-1].in(wConnector)) {
		k--
	}
	for k < c && !(ts[k].isCap() && ts[k].in(wRole)) {
		k++
	}
	if k == i || k >= c-1 || ts[k-1].isCap() || !ts[k-1].isWord() {
		return i, i
	}
	return k, c
}

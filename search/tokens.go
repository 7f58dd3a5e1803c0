package search

import (
	"unicode"
	"unicode/utf8"
)

// tokenize calls fn for each word of s: a maximal run of letters and digits
// of the folded text. tok is the folded word (valid only during the call);
// start and end are the rune offsets in s of the word's first rune and one
// past its last. Body indexing and body queries share it, so that a word is
// found exactly when the query spells its folding.
func tokenize(s string, fn func(tok []byte, start, end int)) {
	var buf []byte
	start := -1
	ri := 0
	flush := func(end int) {
		if start >= 0 {
			fn(buf, start, end)
			buf, start = buf[:0], -1
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			f := asciiFold[c]
			if isWordASCII[f] {
				if start < 0 {
					start = ri
				}
				buf = append(buf, f)
			} else {
				flush(ri)
			}
			i++
			ri++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		f, n := foldRune(r)
		fs := f[:min(n, len(f))]
		if n > len(f) {
			fs = foldRuneSlow(r)
		}
		for _, fr := range fs {
			if isWordRune(fr) {
				if start < 0 {
					start = ri
				}
				buf = utf8.AppendRune(buf, fr)
			} else {
				flush(ri)
			}
		}
		ri++
	}
	flush(ri)
}

var isWordASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordASCII[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// bodyQuery is a parsed body query: words that must all occur and phrases
// whose words must occur in a row.
type bodyQuery struct {
	words   []string
	phrases [][]string
}

// parseBodyQuery reads a body query: words, and "phrases" in straight or
// typographic double quotes; an unclosed quote runs to the end. Words are
// folded like bodies. A quoted single word is a word.
func parseBodyQuery(q string) bodyQuery {
	var bq bodyQuery
	seen := map[string]bool{}
	addWord := func(w string) {
		if !seen[w] {
			seen[w] = true
			bq.words = append(bq.words, w)
		}
	}
	var phrase []string
	inPhrase := false
	endPhrase := func() {
		switch {
		case len(phrase) == 1:
			addWord(phrase[0])
		case len(phrase) > 1:
			bq.phrases = append(bq.phrases, phrase)
		}
		phrase = nil
	}
	// Fold first so that “ ” and « » become '"'; tokenize each stretch
	// between quotes.
	f := FoldString(q)
	for len(f) > 0 {
		i := 0
		for i < len(f) && f[i] != '"' {
			i++
		}
		tokenize(f[:i], func(tok []byte, _, _ int) {
			if inPhrase {
				phrase = append(phrase, string(tok))
			} else {
				addWord(string(tok))
			}
		})
		if i < len(f) { // a quote
			if inPhrase {
				endPhrase()
			}
			inPhrase = !inPhrase
			i++
		}
		f = f[i:]
	}
	endPhrase()
	return bq
}

// terms returns every distinct word the query needs, phrase words included.
func (bq *bodyQuery) terms() []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range bq.words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, p := range bq.phrases {
		for _, w := range p {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

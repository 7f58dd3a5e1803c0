package search

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zelenskyy", "zelenskyy"},
		{"Café ÉLYSÉE", "cafe elysee"},
		{"Zelenskyy’s “warning” – now—", `zelenskyy's "warning" - now-`},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Зеленский ЗАЯВИЛ", "зеленский заявил"},
		{"Ёлка, їжак, йод", "елка, іжак, йод"},
		{"a\tb\nc\u00a0d", "a b c d"},
		{"wait…", "wait..."},
		{"ﬁnal", "final"},
		{"e\u0301", "e"}, // decomposed input: the mark goes
		{"0㌛", "0クローネ"},  // folds to more runes than the table holds
	}
	for _, tt := range tests {
		got, m := Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(m) != utf8.RuneCountInString(got) {
			t.Errorf("Fold(%q): %d map entries for %d runes", tt.in, len(m), utf8.RuneCountInString(got))
		}
	}
}

func TestFoldRuneMap(t *testing.T) {
	in := "Straße – Зеленский"
	got, m := Fold(in)
	orig := []rune(in)
	for i, r := range []rune(got) {
		o := orig[m[i]]
		if r != ' ' && r != '-' && FoldString(string(o)) != string(r) && !(o == 'ß' && r == 's') {
			t.Errorf("folded rune %d %q maps to %q", i, r, o)
		}
	}
	if m[4] != 4 || m[5] != 4 || m[6] != 5 { // "ss" both from ß
		t.Errorf("ß maps to %v", m[4:7])
	}
}

func TestFoldStatsAgreesWithFold(t *testing.T) {
	for _, s := range []string{"", "Hello, World", "Straße…", "Зеленский ﬁ 😀", "\xff\xfe bad", "“quoted”", "café", "cafe\u0301"} {
		f, _ := Fold(s)
		mask, starts, n := foldStats(s)
		alnum, other := false, false
		for _, r := range s {
			if r >= utf8.RuneSelf {
				alnum = alnum || FoldString(string(r)) == ""
				for _, fr := range FoldString(string(r)) {
					if fr < utf8.RuneSelf {
						alnum = alnum || isWordASCII[fr]
						other = other || !isWordASCII[fr]
					}
				}
			}
		}
		if alnum != (mask&foldedASCII != 0) || other != (starts&foldedASCII != 0) {
			t.Errorf("foldStats(%q): foldedASCII bits %v %v, want %v %v", s, mask&foldedASCII != 0, starts&foldedASCII != 0, alnum, other)
		}
		if n != utf8.RuneCountInString(f) {
			t.Errorf("foldStats(%q) length %d, Fold gives %d", s, n, utf8.RuneCountInString(f))
		}
		var want uint64
		for _, r := range f {
			want |= maskBit(r)
		}
		if mask&^foldedASCII != want {
			t.Errorf("foldStats(%q) mask %x, want %x", s, mask, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Zelenskyy’s", "Straße", "Зеленский", "\xff", "ﬁ…", "e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, m := Fold(s)
		if !utf8.ValidString(got) && utf8.ValidString(s) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, got)
		}
		n := utf8.RuneCountInString(s)
		if len(m) != utf8.RuneCountInString(got) {
			t.Fatalf("map has %d entries for %d runes", len(m), utf8.RuneCountInString(got))
		}
		for i := range m {
			if m[i] < 0 || m[i] >= n || (i > 0 && m[i] < m[i-1]) {
				t.Fatalf("bad map %v for %q", m, s)
			}
		}
		if again := FoldString(got); again != got {
			t.Fatalf("Fold is not idempotent: %q → %q → %q", s, got, again)
		}
		_, _, flen := foldStats(s)
		if flen != len(m) {
			t.Fatalf("foldStats length %d, Fold %d", flen, len(m))
		}
		q := compile(parseTerms("zé"))
		if sur := q.translate(nil, s, flen); len(sur) != flen {
			t.Fatalf("surrogate length %d, want %d", len(sur), flen)
		}
	})
}

func TestLatinFoldsFitTable(t *testing.T) {
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		if _, n := foldRune(r); n > 3 {
			t.Errorf("%U folds to %d runes", r, n)
		}
	}
}

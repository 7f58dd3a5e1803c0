package ingest

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only blank lines", "\n \n\t\n", ""},
		{"windows line endings", "Kyiv\r\nMoscow\r\n\r\nWashington\r\n", "Kyiv\nMoscow\n\nWashington"},
		{"old mac line endings", "Kyiv\rMoscow\r\rMinsk", "Kyiv\nMoscow\n\nMinsk"},
		{"trailing spaces and tabs", "troops massed \t\nnear the border  ", "troops massed\nnear the border"},
		{"trailing no-break space", "Donbas\u00a0\n\nLuhansk\u3000", "Donbas\n\nLuhansk"},
		{"runs of blank lines collapse", "one\n\n\n\n\ntwo\n \n\t\n\nthree", "one\n\ntwo\n\nthree"},
		{"single newline inside a paragraph kept", "line one\nline two\n\nnext", "line one\nline two\n\nnext"},
		{"leading and trailing blank lines trimmed", "\n\n\nBody\n\n\n", "Body"},
		{"leading spaces on a line kept", "  indented quote\nnext", "  indented quote\nnext"},
		{"NUL and other controls removed", "troo\x00ps\x07 and\x1b tanks\x7f", "troops and tanks"},
		{"tab kept", "a\tb", "a\tb"},
		{"vertical tab and form feed end lines", "page one\fpage two\vline", "page one\npage two\nline"},
		{"C1 controls removed", "Zelenskyy\u0085said\u0093", "Zelenskyy\nsaid"},
		{"decomposed to NFC", "Zelenskyy’s cafe\u0301", "Zelenskyy’s café"},
		{"typographic quotes kept", "“consequences”, ‘some unseen’ — he said…", "“consequences”, ‘some unseen’ — he said…"},
		{"invalid UTF-8 replaced", "caf\xe9 au lait", "caf\ufffd au lait"},
		{"byte-order marks removed", "\ufeffTitle\n\ufeffBody", "Title\nBody"},
		{"paragraph and line separators", "one\u2029two\u2028three", "one\n\ntwo\nthree"},
		{"already normal", "Russia’s buildup.\n\nNATO responds.", "Russia’s buildup.\n\nNATO responds."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkNormal fails unless s has every property of a normalised body.
func checkNormal(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("not valid UTF-8: %q", s)
	}
	if !norm.NFC.IsNormalString(s) {
		t.Fatalf("not NFC: %q", s)
	}
	if strings.Contains(s, "\n\n\n") || strings.HasPrefix(s, "\n") || strings.HasSuffix(s, "\n") {
		t.Fatalf("blank lines not collapsed or trimmed: %q", s)
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\ufeff') {
			t.Fatalf("control character %U in %q", r, s)
		}
	}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimRightFunc(line, unicode.IsSpace) != line {
			t.Fatalf("trailing space on line %q", line)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\n\r\n\r\nb  \n", "e\u0301\u0301\u0301", "\ufeff\n\ufeffx", "\u00a0\n\u0301", "x\u2029\u2029y", "caf\xe9"} {
		f.Add(s)
	}
	if data, err := os.ReadFile("testdata/seed.txt"); err == nil {
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		checkNormal(t, n)
		if again := Normalize(n); again != n {
			t.Fatalf("not idempotent:\n%q\n%q\n%q", s, n, again)
		}
	})
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name       string
		in         []byte
		want       string
		wantLegacy bool
	}{
		{"UTF-8", []byte("Zelenskyy’s"), "Zelenskyy’s", false},
		{"UTF-8 with BOM", []byte("\xef\xbb\xbfKyiv"), "Kyiv", false},
		{"Latin-1 pound sign", []byte("a \xa315.8m signing"), "a £15.8m signing", true},
		{"Windows-1252 quotes and euro", []byte("\x93consequences\x94 \x80 \x96 \x85"), "“consequences” € – …", true},
		{"undefined bytes keep Latin-1", []byte("x\x81\x8d\x8f\x90\x9dy"), "x\u0081\u008d\u008f\u0090\u009dy", true},
		{"UTF-16LE with BOM", []byte("\xff\xfeK\x00y\x00i\x00v\x00"), "Kyiv", false},
		{"UTF-16BE with BOM", []byte("\xfe\xff\x00K\x00y\x00i\x00v"), "Kyiv", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, legacy := Decode(tt.in)
			if got != tt.want || legacy != tt.wantLegacy {
				t.Errorf("Decode(%q) = %q, %v; want %q, %v", tt.in, got, legacy, tt.want, tt.wantLegacy)
			}
		})
	}
}

func TestBinaryReason(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	tests := []struct {
		name   string
		in     []byte
		binary bool
	}{
		{"text", []byte("Russia massed troops.\n\nNATO responded.\n"), false},
		{"Latin-1 text", []byte("a \xa315.8m signing"), false},
		{"UTF-16 text", []byte("\xff\xfeK\x00y\x00"), false},
		{"PNG", png, true},
		{"NUL in text", []byte("Kyiv\x00Moscow"), true},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), true},
		{"control bytes", []byte(strings.Repeat("ab\x01\x02\x03", 100)), true},
	}
	for _, tt := range tests {
		if got := binaryReason(tt.in) != ""; got != tt.binary {
			t.Errorf("%s: binaryReason = %q, want binary %v", tt.name, binaryReason(tt.in), tt.binary)
		}
	}
}

package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the form every stored article body has, so that
// rune offsets and content hashes are stable whatever file the text came
// from:
//
//   - valid UTF-8 (invalid bytes become U+FFFD) in Unicode NFC;
//   - "\n" line endings ("\r\n", "\r", U+0085 and U+2028 become "\n", and
//     U+2029, the paragraph separator, a blank line; "\v" and "\f" end a line);
//   - no control characters but "\n" and "\t" (NUL, the other C0 and the C1
//     controls, DEL and U+FEFF are removed);
//   - no trailing white space on a line, and a line of only white space is
//     blank;
//   - paragraphs separated by exactly one blank line, and no blank lines at
//     the start or the end.
//
// A single newline inside a paragraph is kept as it is: it may be a line of
// verse, an address or a list, and joining lines would lose it. Leading
// spaces on a line are kept for the same reason. Typographic quotes, dashes
// and non-breaking spaces inside a line are left alone. Normalize is
// idempotent: Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string {
	s = clean(s)
	s = norm.NFC.String(s)
	return layout(s)
}

// plain reports the ASCII bytes clean copies unchanged.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\n'], t['\t'] = true, true
	return t
}()

// clean makes s valid UTF-8 with "\n" line endings and no control
// characters but "\n" and "\t".
func clean(s string) string {
	i := cleanPrefix(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		start := i
		for i < len(s) && s[i] < utf8.RuneSelf && plain[s[i]] {
			i++
		}
		b.WriteString(s[start:i])
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\r':
				b.WriteByte('\n')
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
			case '\v', '\f':
				b.WriteByte('\n')
			}
			// Any other C0 control, and DEL, is dropped.
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x85 || r == 0x2028:
			b.WriteByte('\n')
		case r == 0x2029:
			b.WriteString("\n\n")
		case r < 0xa0, r == 0xfeff:
			// C1 controls and byte-order marks carry no text.
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// cleanPrefix returns the length of the longest prefix of s that clean
// leaves as it is.
func cleanPrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !plain[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return i
		}
		i += size
	}
	return i
}

// laidOut reports, cheaply and conservatively, that layout would leave s as
// it is: no blank line at either end, no run of blank lines, and an ASCII
// character other than white space before every line end. A false answer
// only means layout has to look.
func laidOut(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == '\n' || strings.Contains(s, "\n\n\n") {
		return false
	}
	ok := func(c byte) bool { return c > ' ' && c < utf8.RuneSelf }
	if !ok(s[len(s)-1]) {
		return false
	}
	for i := strings.IndexByte(s, '\n'); i >= 0; {
		if i == 0 || !ok(s[i-1]) && s[i-1] != '\n' {
			return false
		}
		j := strings.IndexByte(s[i+1:], '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return true
}

// layout trims trailing white space from every line and leaves exactly one
// blank line between paragraphs and none at either end.
func layout(s string) string {
	if laidOut(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(line)
		blank = false
	}
	return b.String()
}

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to Unicode; the five bytes
// Windows-1252 leaves undefined keep their Latin-1 code points.
var cp1252 = [32]rune{
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
}

// Decode returns the text in data. Valid UTF-8 is used as it is, without a
// leading byte-order mark; data with a UTF-16 byte-order mark is decoded as
// UTF-16; anything else is decoded as Windows-1252, the superset of Latin-1
// that old Western text files and web pages use, and legacy is true so that
// the caller can warn that the encoding was a guess.
func Decode(data []byte) (text string, legacy bool) {
	switch {
	case utf8.Valid(data):
		return string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), false
	case len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff):
		return decodeUTF16(data[2:], data[0] == 0xfe), false
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), true
}

func decodeUTF16(data []byte, bigEndian bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// sniffLen is how much of a file binaryReason looks at.
const sniffLen = 8192

// binaryReason returns why data is not text ("" when it looks like text): a
// NUL byte or many control bytes near the start, or a known binary format.
func binaryReason(data []byte) string {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return "" // UTF-16 text is full of NULs
	}
	head := data[:min(len(data), sniffLen)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "a PDF file, not text (convert it to text first)"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a ZIP archive or office document, not text (save it as text first)"
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "an RTF document, not text (save it as text first)"
	}
	controls := 0
	for _, c := range head {
		switch {
		case c == 0:
			return "binary file, not text"
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b:
			controls++
		}
	}
	if controls > len(head)/50 {
		return "binary file, not text"
	}
	return ""
}

package dossier

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

func TestEachWord(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Troops at the BORDER.", "troops at the border"},
		{"Kyïv's résumé — U.S.-led", "kyiv s resume u s led"},
		{"Ёлка e\u0301te 10:30", "елка ete 10 30"},
		{"  ", ""},
		{"Straße Œuvre", "straße œuvre"},
	} {
		var got []string
		EachWord(c.in, func(w []byte) { got = append(got, string(w)) })
		if strings.Join(got, " ") != c.want {
			t.Errorf("EachWord(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRequiredTextShape(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"troops", "[[TTN troops*]]"},
		{`"Putin warned" -tag:theme`, "[[TTN putin warned]]"},
		{"title:kyiv note:u.s.", "[[T kyiv*] [N u s]]"},
		{"text:\"war's\"", "[[X war s]]"},
		{"a OR tag:x", ""},
		{"-troops", ""},
		{"(a OR title:b) c", "[[TTN a*|T b*] [TTN c*]]"},
		{"speaker:putin outlet:bbc", ""},
	} {
		q, err := ParseQuery(c.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := showNeeds(q.RequiredText()); got != c.want {
			t.Errorf("RequiredText(%s) = %s, want %s", c.q, got, c.want)
		}
	}
}

func showNeeds(gs [][]TextNeed) string {
	if gs == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("[")
	for i, g := range gs {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("[")
		for j, n := range g {
			if j > 0 {
				b.WriteString("|")
			}
			switch n.Fields {
			case InTitle | InText | InNote:
				b.WriteString("TTN")
			case InTitle:
				b.WriteString("T")
			case InText:
				b.WriteString("X")
			case InNote:
				b.WriteString("N")
			}
			for _, w := range n.Words {
				b.WriteString(" " + w.Word)
				if w.Prefix {
					b.WriteString("*")
				}
			}
		}
		b.WriteString("]")
	}
	b.WriteString("]")
	return b.String()
}

// TestRequiredTextSound checks that every record a query matches has the
// words RequiredText says it needs: an index built on EachWord never
// leaves out a record that matches.
func TestRequiredTextSound(t *testing.T) {
	vocab := []string{"troops", "troop", "Troopers", "war", "war's", "software", "Kyïv", "kyiv", "résumé",
		"U.S.", "U.S.-led", "e\u0301te", "Ёлка", "елка", "Putin", "warned", "—", "10:30", "’s", "don’t", "don't", "ß", "K", "ǅ", "\u212aiev", "İstanbul", "istanbul"}
	terms := []string{"troop", "troops", "war", `"war"`, `"war's"`, "kyiv", "resume", "u.s", `"u.s."`, "ete",
		"елка", `"putin warned"`, "warn", "don't", `"don't"`, "10:30", "s", "ß", "k", "kiev", "istanbul", "title:war", "text:troop",
		"note:kyiv", `title:"putin warned"`, "-war", "tag:x"}
	r := rand.New(rand.NewSource(1))
	text := func(n int) string {
		var w []string
		for range r.Intn(n) {
			w = append(w, vocab[r.Intn(len(vocab))])
		}
		seps := []string{" ", "  ", "\n", "-", ", "}
		var b strings.Builder
		for i, x := range w {
			if i > 0 {
				b.WriteString(seps[r.Intn(len(seps))])
			}
			b.WriteString(x)
		}
		return b.String()
	}
	words := func(s string) []string {
		var out []string
		EachWord(s, func(w []byte) { out = append(out, string(w)) })
		return out
	}
	has := func(ws []string, need TextNeed) bool {
		for _, w := range need.Words {
			if !slices.ContainsFunc(ws, func(x string) bool {
				return x == w.Word || w.Prefix && strings.HasPrefix(x, w.Word)
			}) {
				return false
			}
		}
		return true
	}
	checked, decided := 0, 0
	for range 3000 {
		var parts []string
		for range 1 + r.Intn(3) {
			parts = append(parts, terms[r.Intn(len(terms))])
		}
		qs := strings.Join(parts, " ")
		switch r.Intn(4) {
		case 0:
			qs = strings.Join(parts, " OR ")
		case 1:
			qs = "(" + strings.Join(parts, " OR ") + ") " + terms[r.Intn(len(terms))]
		}
		q, err := ParseQuery(qs)
		if err != nil {
			t.Fatal(qs, err)
		}
		groups := q.RequiredText()
		part, rest := q.TextPart()
		decides := len(part) > 0
		for _, g := range part {
			for _, need := range g {
				decides = decides && need.Whole
			}
		}
		for range 20 {
			rec := Record{Title: text(4), Text: text(12), Note: text(3), Tags: []string{"x"}}
			tw, xw, nw := words(rec.Title), words(rec.Text), words(rec.Note)
			meetsAll := func(groups [][]TextNeed) bool {
				for _, g := range groups {
					if !slices.ContainsFunc(g, func(need TextNeed) bool {
						return need.Fields&InTitle != 0 && has(tw, need) || need.Fields&InText != 0 && has(xw, need) ||
							need.Fields&InNote != 0 && has(nw, need)
					}) {
						return false
					}
				}
				return true
			}
			meets := meetsAll(groups)
			match := q.Match(&rec)
			if match {
				checked++
			}
			if match && !meets {
				t.Fatalf("%s matches %+v, but RequiredText %s rules it out", qs, rec, showNeeds(groups))
			}
			if decides && (meetsAll(part) && rest.Match(&rec)) != match {
				t.Fatalf("%s: its text part %s and rest %q do not tell Match = %v for %+v", qs, showNeeds(part), rest.String(), match, rec)
			}
			if decides {
				decided++
			}
		}
	}
	if checked < 1000 || decided < 1000 {
		t.Errorf("only %d matches checked, %d records decided by words", checked, decided)
	}
}

func TestQueryReadsFlags(t *testing.T) {
	for _, c := range []struct {
		q     string
		flags RecordFlags
		want  bool
	}{
		{"has:quote", FlagQuotes, true},
		{"troops -has:figures", FlagQuotes | FlagFigures, true},
		{"has:quote", FlagFigures, false},
		{`"has:quote" note:has`, FlagQuotes, false},
		{"is:orphan OR tag:x", FlagOrphan, true},
		{"has:note is:inferred", FlagQuotes | FlagFigures | FlagOrphan | FlagPartial, false},
		{"", FlagQuotes, false},
	} {
		q, err := ParseQuery(c.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.ReadsFlags(c.flags); got != c.want {
			t.Errorf("ParseQuery(%q).ReadsFlags(%b) = %v, want %v", c.q, c.flags, got, c.want)
		}
	}
}

package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier"
)

type wantQuote struct {
	text    string // the quote's Text
	speaker string
	role    string
	partial bool
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []wantQuote
	}{
		{"curly, quote–speaker–verb, honorific to full name",
			"White House Press Secretary Jen Psaki spoke on Friday.\n\n“We will hope to have more about those soon,” Ms. Psaki said.",
			[]wantQuote{{text: "We will hope to have more about those soon,", speaker: "Jen Psaki"}}},
		{"straight quotes, said X, role stripped",
			`"It is a political channel," said Ukrainian Foreign Minister Dmytro Kuleba.`,
			[]wantQuote{{text: "It is a political channel,", speaker: "Dmytro Kuleba", role: "Ukrainian Foreign Minister"}}},
		{"speaker–verb–quote with a colon",
			`Liberal Democrat spokeswoman Sandra Gidley said: "This money is being misdirected."`,
			[]wantQuote{{text: "This money is being misdirected.", speaker: "Sandra Gidley"}}},
		{"guillemets", `Peskov said: «We do not threaten anyone.»`,
			[]wantQuote{{text: "We do not threaten anyone.", speaker: "Dmitry Peskov"}}},
		{"German low-high quotes", `Scholz sagte: „Wir stehen an der Seite der Ukraine.“ Then he left.`,
			[]wantQuote{{text: "Wir stehen an der Seite der Ukraine.", speaker: ""}}},
		{"single curly quotes and apostrophes", `Mr Smith said: ‘We don’t know what the ’90s brought.’ Then he left.`,
			[]wantQuote{{text: "We don’t know what the ’90s brought.", speaker: "Smith"}}},
		{"nested quotes belong to the outer one",
			`"For us, there is an "open door" position. But the way is long," the President said.`,
			[]wantQuote{{text: `For us, there is an "open door" position. But the way is long,`}}},
		{"interrupted quote: one quote, two spans",
			"“We want open lines of communication with the Russians,” said one senior State Department official. “Especially in times of tension, it matters.”",
			[]wantQuote{{text: "We want open lines of communication with the Russians, Especially in times of tension, it matters.", speaker: "senior State Department official"}}},
		{"run-on over a paragraph break",
			"He told the BBC: \"No politician should make that mistake.\n\n\"That is not what politicians should do.\" Mr Brown insisted.\n\nGordon Brown was speaking in London.",
			[]wantQuote{{text: "No politician should make that mistake. That is not what politicians should do."}}},
		{"run-on inside a paragraph",
			`Patricia Hewitt said: "We have already doubled it. "We are going to extend the pay."`,
			[]wantQuote{{text: "We have already doubled it. We are going to extend the pay.", speaker: "Patricia Hewitt"}}},
		{"partial quote given to the subject of its clause",
			`Meanwhile, Putin, earlier this week, blamed "aggressive westernised politics" behind the tensions.`,
			[]wantQuote{{text: "aggressive westernised politics", speaker: "Vladimir Putin", partial: true}}},
		{"sentence-final attribution governs a partial quote",
			`There will be “consequences”, some seen and some unseen, the White House has warned.`,
			[]wantQuote{{text: "consequences", speaker: "White House", partial: true}}},
		{"an unclosed quote ends before the attribution of the next",
			`Mr Milburn said: "His only strategy is opportunism. In reference to the family, Mr Milburn said: "He is perfectly entitled to pose."`,
			[]wantQuote{{text: "His only strategy is opportunism.", speaker: "Milburn"}, {text: "He is perfectly entitled to pose.", speaker: "Milburn"}}},
		{"an unclosed quote does not swallow the quotes after it",
			"Mr Jack said the bill \"had the feel of a 'work in progress', and urged the government to promise that \"an obligation to consult will be law\" soon.\n\nThen he left.",
			[]wantQuote{{text: "had the feel of a 'work in progress',", speaker: "Jack", partial: true}, {text: "an obligation to consult will be law", speaker: "Jack", partial: true}}},
		{"a described speaker before a pronoun",
			"Tony Blair's official spokesman declined to comment. He said: \"Let's wait for the process to complete.\"",
			[]wantQuote{{text: "Let's wait for the process to complete.", speaker: "Tony Blair's official spokesman"}}},
		{"the report speaks for its author; the acronym is spelt out",
			"A National Audit Office report says costs rose. \"Many problems can be traced to the MoD,\" the report says. The NAO said the problem was one of \"legacy projects\".",
			[]wantQuote{{text: "Many problems can be traced to the MoD,", speaker: "National Audit Office"}, {text: "legacy projects", speaker: "National Audit Office", partial: true}}},
		{"a surname that is a word; a role with 'the' in it",
			`The Shadow Secretary of State for the Family, Theresa May, said: "These plans were announced in December."`,
			[]wantQuote{{text: "These plans were announced in December.", speaker: "Theresa May"}}},
		{"a scare quote whose subject is no speaker",
			`Anger over the war has been the main reason, with many saying it was "unjustified". The Bill proposes "control orders".`,
			[]wantQuote{{text: "unjustified", partial: true}, {text: "control orders", partial: true}}},
		{"according to",
			`According to Ned Price, the talks were "productive and frank".`,
			[]wantQuote{{text: "productive and frank", speaker: "Ned Price", partial: true}}},
		{"follow-up paragraph continues the speaker",
			"\"We are quite consistent,\" Volodymyr Zelenskyy said.\n\n\"We do not respond to provocations.\"",
			[]wantQuote{{text: "We are quite consistent,", speaker: "Volodymyr Zelenskyy"}, {text: "We do not respond to provocations.", speaker: "Volodymyr Zelenskyy"}}},
		{"pronouns by gender",
			"Tory shadow education secretary Tim Collins criticised Ruth Kelly. \"Ruth Kelly has no idea,\" he said. Ruth Kelly answered. \"I do,\" she said.",
			[]wantQuote{{text: "Ruth Kelly has no idea,", speaker: "Tim Collins"}, {text: "I do,", speaker: "Ruth Kelly"}}},
		{"surname alone to the nearest full name",
			"State Department spokesperson Ned Price briefed reporters. \"Secretary Blinken reiterated our support,\" Price said.",
			[]wantQuote{{text: "Secretary Blinken reiterated our support,", speaker: "Ned Price"}}},
		{"a verb inside a quotation never names the speaker",
			"Ned Price spoke. \"Secretary Blinken reiterated the support, said Jake,\" Price added.",
			[]wantQuote{{text: "Secretary Blinken reiterated the support, said Jake,", speaker: "Ned Price"}}},
		{"reporting verbs beyond said",
			"\"We will respond,\" Lloyd Austin warned. \"It is over,\" Jens Stoltenberg wrote on Twitter.",
			[]wantQuote{{text: "We will respond,", speaker: "Lloyd Austin"}, {text: "It is over,", speaker: "Jens Stoltenberg"}}},
		{"organisation and statement",
			"\"The two presidents will talk on Thursday,\" the Kremlin said in a statement.",
			[]wantQuote{{text: "The two presidents will talk on Thursday,", speaker: "Kremlin"}}},
		{"a title without a name resolves by role",
			"President Volodymyr Zelenskyy met the press. \"We are ready,\" the President said.",
			[]wantQuote{{text: "We are ready,", speaker: "Volodymyr Zelenskyy"}}},
		{"aliases merge spellings",
			"Ukraine's President Volodymyr Zelenskiy spoke. \"I hope for peace,\" he said.",
			[]wantQuote{{text: "I hope for peace,", speaker: "Volodymyr Zelenskyy"}}},
		{"apostrophes are not quotes", "The states' leaders didn't meet in the '90s or at Rock 'n' roll events.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := Article(&dossier.Article{ID: 7, Body: tt.body}, nil)
			if len(ex.Quotes) != len(tt.want) {
				for _, q := range ex.Quotes {
					t.Logf("got %q (%s)", q.Text, q.Speaker)
				}
				t.Fatalf("got %d quotes, want %d", len(ex.Quotes), len(tt.want))
			}
			for i, w := range tt.want {
				q := ex.Quotes[i]
				if q.Text != w.text {
					t.Errorf("quote %d: text %q, want %q", i, q.Text, w.text)
				}
				if w.speaker != "" && q.Speaker != w.speaker {
					t.Errorf("quote %d: speaker %q (mention %q), want %q", i, q.Speaker, q.Mention, w.speaker)
				}
				if w.role != "" && q.Role != w.role {
					t.Errorf("quote %d: role %q, want %q", i, q.Role, w.role)
				}
				if q.Partial != w.partial {
					t.Errorf("quote %d: partial %v, want %v", i, q.Partial, w.partial)
				}
				if q.Article != 7 {
					t.Errorf("quote %d: article %d", i, q.Article)
				}
			}
			checkSpans(t, tt.body, ex)
		})
	}
}

func TestFigures(t *testing.T) {
	pub := dossier.DayDate(2021, 12, 3, dossier.OriginHeader)
	tests := []struct {
		body      string
		value     int64
		qualifier string
		unit      string
		claimant  string
	}{
		{"Ukraine's defence minister Oleksii Reznikov warned that Russia has placed more than 94,000 troops near the border.", 94000, "more than", "troops", "Oleksii Reznikov"},
		{"Moscow deployed over 1,00,000 troops along the Donbas region.", 100000, "over", "troops", ""},
		{"Russia has massed 100 000 soldiers, officials say.", 100000, "", "soldiers", "officials"},
		{"US intelligence expects 175k troops to take part.", 175000, "", "troops", ""},
		{"Ukraine accused Russia of massing thousands of military personnel on its borders.", 2000, "", "personnel", "Ukraine"},
		{"Tens of thousands of servicemen have arrived, according to the report.", 20000, "", "servicemen", ""},
		{"A 100,000-strong force is gathering.", 100000, "", "force", ""},
		{"Russia moved two battalions to Crimea.", 2, "", "battalions", ""},
		{"There are almost 100,000 Russian soldiers near the border, Zelenskiy said.", 100000, "almost", "soldiers", "Volodymyr Zelenskyy"},
		{"As many as 1.5 million reservists could be called up.", 1500000, "as many as", "reservists", ""},
		{"Up to 30,000 troops are in Belarus.", 30000, "up to", "troops", ""},
		{"Nearly 130,000 forces surround Ukraine, the Pentagon said.", 130000, "nearly", "forces", "Pentagon"},
		{"Reznikov said Russia had deployed about 1.27 lakh personnel near Ukraine.", 127000, "about", "personnel", "Oleksii Reznikov"},
		{"Russia has massed an estimated 130,000 troops near the border.", 130000, "an estimated", "troops", ""},
		{"Shoigu said some 8,000 US rotation troops are in Poland.", 8000, "some", "troops", "Sergei Shoigu"},
		{"There were 340 border guards at the post.", 340, "", "guards", ""},
	}
	for _, tt := range tests {
		ex := Article(&dossier.Article{ID: 3, Body: tt.body, Published: pub}, nil)
		if len(ex.Figures) != 1 {
			t.Errorf("%q: %d figures, want 1", tt.body, len(ex.Figures))
			continue
		}
		f := ex.Figures[0]
		if f.Value != tt.value || f.Qualifier != tt.qualifier || f.Unit != tt.unit || tt.claimant != "" && f.Claimant != tt.claimant {
			t.Errorf("%q: got %d %q %q claimant %q", tt.body, f.Value, f.Qualifier, f.Unit, f.Claimant)
		}
		if f.Date != pub || f.Sentence != tt.body || f.Article != 3 {
			t.Errorf("%q: date %v sentence %q", tt.body, f.Date, f.Sentence)
		}
	}
	for _, body := range []string{
		"Russian troop movements worry 3 diplomats; 40 tanks moved.",
		// the lost and the awarded are no force's strength
		"At least 28 Ukrainian soldiers have been killed in eastern Ukraine this year.",
		"They have already lost more than 23,000 soldiers in the battles.",
		"I signed a decree on state awards to 142 servicemen of the Armed Forces.",
		"Thanks to this programme, 15,000 military personnel have fulfilled their right to housing.",
		"The bill passed with 120 members of parliament in favour; 200 security guards watched.",
	} {
		if ex := Article(&dossier.Article{Body: body}, nil); len(ex.Figures) != 0 {
			t.Errorf("%q: figures where there are none: %+v", body, ex.Figures)
		}
	}
	// a unit the sentence before gave; a strength beside a loss in another clause
	ex := Article(&dossier.Article{Body: "Biden said 150,000 Russian troops were massed. Washington had estimated the number at about 100,000. " +
		"Russia keeps 90,000 troops there, and two soldiers were killed on Monday."}, nil)
	var got []int64
	for _, f := range ex.Figures {
		got = append(got, f.Value)
	}
	if len(got) != 3 || got[0] != 150000 || got[1] != 100000 || got[2] != 90000 || ex.Figures[1].Unit != "troops" {
		t.Errorf("figures %v (%+v), want 150000 100000 90000 troops", got, ex.Figures)
	}
	// a transcript label scraped with its tooltip names the claimant
	ex = Article(&dossier.Article{Body: "Vladimir Putin: Go ahead, please.\n\nPresident of the Republic of Belarus, Alexander Lukashenko Lukashenko AlexanderPresident of Belarus: Until now, there is a force of about 15,000 military personnel there."}, nil)
	if len(ex.Figures) != 1 || ex.Figures[0].Claimant != "Alexander Lukashenko" {
		t.Errorf("transcript figure: %+v, want Alexander Lukashenko's", ex.Figures)
	}
}

func TestFindDates(t *testing.T) {
	ref := dossier.DayDate(2021, 12, 3, dossier.OriginHeader) // a Friday
	tests := []struct {
		text string
		want []string // the mentions' text=date
	}{
		{"It happened on December 29, 2021 and on 29 December 2021.", []string{"December 29, 2021=2021-12-29", "29 December 2021=2021-12-29"}},
		{"Talks on Dec. 3, 2021 and on 2021-12-03.", []string{"Dec. 3, 2021=2021-12-03", "2021-12-03=2021-12-03"}},
		{"The buildup began in December 2021.", []string{"December 2021=2021-12"}},
		{"Psaki said on Friday that a US official reported late Sunday what happened last Tuesday.", []string{"Friday=2021-12-03", "late Sunday=2021-11-28", "last Tuesday=2021-11-30"}},
		{"The talks are set for next Monday.", []string{"next Monday=2021-12-06"}},
		{"The meeting held in Paris on January 26.", []string{"January 26=2021-01-26"}},
		{"Friday is a word; May we go? Sunday.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range FindDates(tt.text, ref) {
			got = append(got, m.Text+"="+m.Date.String())
			if m.Date.Origin != dossier.OriginInferred {
				t.Errorf("%q: origin %v", tt.text, m.Date.Origin)
			}
			if string([]rune(tt.text)[m.Span.Start:m.Span.End]) != m.Text {
				t.Errorf("%q: span %v is not %q", tt.text, m.Span, m.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := FindDates("on Friday", dossier.Date{}); len(got) != 0 {
		t.Errorf("a weekday without a reference date: %v", got)
	}
}

func TestInferDate(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		body     string
		notAfter time.Time
		want     string
		prec     dossier.Precision
	}{
		{"US President Joe Biden meets Emmanuel Macron in Rome, October 29, 2021.\n\nMore text.", now, "2021-10-29", dossier.PrecisionDay},
		{"Talks were held on 10 January 2022 and on 12 January 2022.", now, "2022-01-12", dossier.PrecisionDay},
		{"A summit is planned for 10 January 2030; the call was on 3 December 2021.", now, "2021-12-03", dossier.PrecisionDay},
		{"The buildup started in November 2021.", now, "", dossier.PrecisionNone},
		{"Mr Brown, born on 20 February 1951, set out his plans for 2005 on Monday.", now, "", dossier.PrecisionNone},
		{"The vote on 3 March 2005 followed the 1997 election.", now, "2005-03-03", dossier.PrecisionDay},
		{"No date here at all.", now, "", dossier.PrecisionNone},
	}
	for _, tt := range tests {
		d := InferDate(tt.body, tt.notAfter)
		if d.String() != tt.want || d.Precision != tt.prec {
			t.Errorf("%q: got %v (%v), want %s", tt.body, d, d.Precision, tt.want)
		}
		if !d.IsZero() && d.Origin != dossier.OriginInferred {
			t.Errorf("%q: origin %v", tt.body, d.Origin)
		}
	}
}

func TestAliases(t *testing.T) {
	a := DefaultAliases()
	for in, want := range map[string]string{
		"Zelensky": "Volodymyr Zelenskyy", "Zelenskiy": "Volodymyr Zelenskyy", "Volodymyr Zelenskiy": "Volodymyr Zelenskyy",
		"Volodymyr Zelensky": "Volodymyr Zelenskyy", "Kiev": "Kyiv", "kyiv": "kyiv", "Jen Psaki": "Jen Psaki", "Ned Price": "Ned Price",
	} {
		if got := a.Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
	a.Add("Sasha", "Alexander Lukashenko")
	text, err := a.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var b Aliases
	if err := b.UnmarshalText(text); err != nil {
		t.Fatal(err)
	}
	if b.Canonical("sasha") != "Alexander Lukashenko" || len(b.Pairs()) != len(a.Pairs()) {
		t.Errorf("round trip lost entries: %d vs %d", len(b.Pairs()), len(a.Pairs()))
	}
	if err := b.UnmarshalText([]byte("no tab here\n")); dossier.ErrorCode(err) != dossier.EINVALID {
		t.Errorf("bad line: %v", err)
	}
	var zero Aliases
	if zero.Canonical("Kiev") != "Kiev" {
		t.Error("the zero table is not empty")
	}
	zero.Add("Kiev", "Kyiv")
	if zero.Canonical("KIEV") != "Kyiv" {
		t.Error("Add on the zero table")
	}
}

func TestQuoteKeyStable(t *testing.T) {
	b, err := os.ReadFile("testdata/labelled/seed_003.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := &dossier.Article{ID: 5, Body: string(b)}
	x, y := Article(a, nil), Article(a, nil)
	if len(x.Quotes) == 0 || len(x.Quotes) != len(y.Quotes) {
		t.Fatalf("%d and %d quotes", len(x.Quotes), len(y.Quotes))
	}
	for i := range x.Quotes {
		if x.Quotes[i].Key() != y.Quotes[i].Key() {
			t.Errorf("quote %d: keys differ", i)
		}
	}
}

// checkSpans verifies the invariants every extraction keeps.
func checkSpans(t testing.TB, body string, ex dossier.Extraction) {
	rs := []rune(body)
	prev := -1
	for _, q := range ex.Quotes {
		if len(q.Spans) == 0 {
			t.Fatalf("quote without spans: %+v", q)
		}
		var parts []string
		for _, s := range q.Spans {
			if s.Start < 0 || s.End > len(rs) || s.Start >= s.End || s.Start < prev {
				t.Fatalf("bad span %v (prev end %d, body %d runes)", s, prev, len(rs))
			}
			prev = s.End
			parts = append(parts, string(rs[s.Start:s.End]))
		}
		if q.Text != strings.Join(parts, " ") {
			t.Fatalf("text %q is not the spans' text %q", q.Text, strings.Join(parts, " "))
		}
	}
	for _, f := range ex.Figures {
		if f.Span.Start < 0 || f.Span.End > len(rs) || f.Span.Start >= f.Span.End {
			t.Fatalf("bad figure span %v", f.Span)
		}
	}
}

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/labelled/*.txt")
	for i, fn := range files {
		if i%4 != 0 {
			continue
		}
		b, _ := os.ReadFile(fn)
		f.Add(string(b))
	}
	for _, s := range []string{"", "\"", "“", "'a' \"b\" «c» „d“ ‹e› ‘f’", "\"a\n\n\"b", "He said: \"", "on Friday, 3 May 2021, 94,000 troops",
		"Among is a word, he said. \"Yes.\""} { // a fronted preposition and an auxiliary at the text's start
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		ex := Article(&dossier.Article{Body: body, Published: dossier.DayDate(2022, 1, 1, dossier.OriginHeader)}, nil)
		checkSpans(t, body, ex)
		for _, m := range FindDates(body, dossier.DayDate(2022, 1, 1, 0)) {
			if m.Span.Start < 0 || m.Span.End > utf8.RuneCountInString(body) {
				t.Fatalf("date span %v", m.Span)
			}
		}
		InferDate(body, time.Time{})
	})
}

// speedCorpus is the BBC corpus when ../shared is present, else the labelled
// articles (when fallback is set), with its size in bytes.
func speedCorpus(fallback bool) ([]*dossier.Article, int) {
	files, _ := filepath.Glob("../../shared/corpus/bbc/*/*.txt")
	if len(files) == 0 && fallback {
		files, _ = filepath.Glob("testdata/labelled/*.txt")
	}
	var arts []*dossier.Article
	size := 0
	for _, fn := range files {
		raw, err := os.ReadFile(fn)
		if err != nil || !utf8.Valid(raw) {
			continue
		}
		arts = append(arts, &dossier.Article{Body: string(raw), Published: dossier.DayDate(2005, 3, 1, dossier.OriginHeader)})
		size += len(raw)
	}
	return arts, size
}

// BenchmarkExtract runs the extractor over the BBC corpus when ../shared is
// present, else over the labelled articles.
func BenchmarkExtract(b *testing.B) {
	arts, size := speedCorpus(true)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Article(a, nil)
		}
	}
}

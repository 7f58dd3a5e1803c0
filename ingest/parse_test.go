package ingest

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier"
)

var testNow = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Now: func() time.Time { return testNow }}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// parseOne parses a testdata file that must give one article and no errors.
func parseOne(t *testing.T, name string) (*dossier.Article, []Problem) {
	t.Helper()
	arts, probs := ParseFile(name, readTestdata(t, name), testOptions())
	for _, p := range probs {
		if !p.Warning {
			t.Errorf("unexpected problem: %v", p)
		}
	}
	if len(arts) != 1 {
		t.Fatalf("%s: %d articles, want 1", name, len(arts))
	}
	checkArticle(t, arts[0])
	return arts[0], probs
}

// checkArticle fails unless a is complete the way every parser must leave it.
func checkArticle(t *testing.T, a *dossier.Article) {
	t.Helper()
	if a.Body == "" || Normalize(a.Body) != a.Body {
		t.Errorf("%s: body not normalised or empty: %q", a.File, clip(a.Body, 80))
	}
	if a.Hash != dossier.HashBody(a.Body) {
		t.Errorf("%s: hash does not match the body", a.File)
	}
	if a.Title == "" || strings.ContainsAny(a.Title, "\n\t") || utf8.RuneCountInString(a.Title) > maxTitleLine {
		t.Errorf("%s: bad title %q", a.File, a.Title)
	}
	if !a.Imported.Equal(testNow) && !a.Imported.IsZero() {
		t.Errorf("%s: Imported = %v", a.File, a.Imported)
	}
	if a.File == "" {
		t.Errorf("article without File")
	}
}

func TestParseSeed(t *testing.T) {
	raw := readTestdata(t, "seed.txt")
	a, probs := parseOne(t, "seed.txt")
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if want := dossier.DayDate(2021, 12, 3, dossier.OriginHeader); a.Published != want {
		t.Errorf("Published = %+v, want %+v", a.Published, want)
	}
	header := " date 2021-12-03 "
	if !bytes.HasPrefix(raw, []byte(header)) {
		t.Fatalf("testdata/seed.txt does not start with %q", header)
	}
	if want := Normalize(string(raw[len(header):])); a.Body != want {
		t.Errorf("body is not the text after the header:\n%q\nwant\n%q", clip(a.Body, 100), clip(want, 100))
	}
	// The seed format has no title line: the title is the first sentence,
	// cut on a word boundary.
	if !strings.HasSuffix(a.Title, "…") || utf8.RuneCountInString(a.Title) > MaxTitle {
		t.Errorf("title %q: want at most %d runes ending in …", a.Title, MaxTitle)
	}
	prefix := strings.TrimSuffix(a.Title, "…")
	if !strings.HasPrefix(a.Body, prefix) || a.Body[len(prefix)] != ' ' {
		t.Errorf("title %q is not a word-boundary prefix of the body", a.Title)
	}
	if a.Outlet != "" || a.URL != "" {
		t.Errorf("outlet %q, URL %q: want none", a.Outlet, a.URL)
	}
}

func TestParseSeedWithoutHeader(t *testing.T) {
	raw := readTestdata(t, "seed-noheader.txt")
	a, _ := parseOne(t, "seed-noheader.txt")
	if !a.Published.IsZero() {
		t.Errorf("Published = %v, want none", a.Published)
	}
	// The first line is a photo caption of two sentences: not a title. The
	// title is its first sentence and the body keeps all the text.
	if want := Normalize(string(raw)); a.Body != want {
		t.Errorf("body lost text: %q", clip(a.Body, 100))
	}
	if want := "US President Joe Biden meets with his French counterpart Emmanuel Macron before the G20 summit in Rome-Italy, October…"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
}

func TestParseBBC(t *testing.T) {
	raw := string(readTestdata(t, "bbc.txt"))
	a, probs := parseOne(t, "bbc.txt")
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	title, rest, _ := strings.Cut(raw, "\n")
	if a.Title != title {
		t.Errorf("title %q, want the first line %q", a.Title, title)
	}
	if a.Body != Normalize(rest) {
		t.Errorf("body is not the rest of the file: %q", clip(a.Body, 80))
	}
	if !strings.Contains(a.Body, "$1.13bn (£600m)") {
		t.Errorf("body lost the pound sign: %q", clip(a.Body, 120))
	}
}

func TestParseLatin1(t *testing.T) {
	a, probs := parseOne(t, "latin1.txt")
	if len(probs) != 1 || !probs[0].Warning || probs[0].Error() != "latin1.txt: decoded as Windows-1252: not valid UTF-8" {
		t.Errorf("problems %v: want one warning about the encoding", probs)
	}
	if a.Title != "Chelsea sack Mutu" || !strings.Contains(a.Body, "a £15.8m signing") {
		t.Errorf("title %q, body %q", a.Title, a.Body)
	}
}

func TestParseCSV(t *testing.T) {
	arts, probs := ParseFile("press.csv", readTestdata(t, "press.csv"), testOptions())
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	for i, a := range arts {
		checkArticle(t, a)
		if want := "press.csv#row " + string(rune('1'+i)); a.File != want {
			t.Errorf("File %q, want %q", a.File, want)
		}
		if a.Outlet != "en.kremlin.ru" || !strings.HasPrefix(a.URL, "http://en.kremlin.ru/events/") {
			t.Errorf("%s: outlet %q URL %q", a.File, a.Outlet, a.URL)
		}
		if want := dossier.DayDate(2022, 6, 24, dossier.OriginMetadata); a.Published != want {
			t.Errorf("%s: Published %+v, want %+v", a.File, a.Published, want)
		}
	}
	if arts[0].Title != "BRICS+ meeting" {
		t.Errorf("title %q", arts[0].Title)
	}
	// A quoted body over several lines keeps its paragraphs.
	if !strings.Contains(arts[0].Body, "broad format.\n\nWe believe") {
		t.Errorf("multi-line body lost its paragraphs: %q", clip(arts[0].Body, 200))
	}
	if !strings.Contains(arts[2].Body, `reads, in part:"It is a pleasure`) {
		t.Errorf("doubled quotes not read: %q", clip(arts[2].Body, 80))
	}
}

func TestParseHTML(t *testing.T) {
	a, probs := parseOne(t, "page.html")
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	want := dossier.Article{
		Title:     "Satellite images show new deployments near Ukraine’s border",
		Outlet:    "The Daily Ledger",
		Author:    "Anna Kowalska",
		URL:       "https://www.dailyledger.example/world/2021/11/02/satellite-images-ukraine-border",
		Published: dossier.DayDate(2021, 11, 2, dossier.OriginMetadata),
	}
	if a.Title != want.Title || a.Outlet != want.Outlet || a.Author != want.Author || a.URL != want.URL || a.Published != want.Published {
		t.Errorf("got  %q %q %q %q %+v\nwant %q %q %q %q %+v", a.Title, a.Outlet, a.Author, a.URL, a.Published,
			want.Title, want.Outlet, want.Author, want.URL, want.Published)
	}
	paras := strings.Split(a.Body, "\n\n")
	wantParas := []string{
		"By Anna Kowalska · 2 November 2021",
		"Armoured vehicles at a training ground, 1 November 2021.",
		"Commercial satellite images taken on Monday show tanks, self-propelled artillery and support vehicles at a training ground in western Russia, about 300 km from the border with Ukraine.",
		"The images add to a picture of a “significant” build-up that officials in Kyiv and Washington have described in recent days. Ukraine’s defence ministry said on Tuesday that about 90,000 Russian troops were stationed near the border and in occupied areas.",
		"What officials said",
		"“We are watching this very closely,” a Pentagon spokesman said.",
		"The Kremlin said troop movements inside Russia were its own affair & posed no threat to anyone.",
		"Units seen: tanks, artillery, air defence",
		"Distance from the border: about 300 km",
	}
	// The byline sits in the article's <header>, which is skipped.
	wantParas = wantParas[1:]
	if strings.Join(paras, "|") != strings.Join(wantParas, "|") {
		t.Errorf("paragraphs:\n%q\nwant\n%q", paras, wantParas)
	}
}

func TestParseHTMLFallbacks(t *testing.T) {
	tests := []struct {
		name, page               string
		title, outlet, date, url string
		body                     string
		warnings                 int
	}{
		{
			name:  "title tag, JSON-LD date, outlet from URL",
			page:  `<html><head><title>Talks end without breakthrough - Example News</title><meta property="og:site_name" content="Example News"><link rel="canonical" href="https://www.example.com/talks"><script type="application/ld+json">[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-01-10","author":{"name":"R. Roe"}}]</script></head><body><p>Talks in Geneva ended.</p></body></html>`,
			title: "Talks end without breakthrough", outlet: "Example News", date: "2022-01-10", url: "https://www.example.com/talks",
			body: "Talks in Geneva ended.",
		},
		{
			name:  "h1 title, time element, host as outlet",
			page:  `<body><meta property="og:url" content="https://www.kyivpost.example/a/1"><main><h1>Kyiv prepares</h1><time datetime="2022-02-01T09:00:00+02:00">Feb 1</time><div>Bare text in a div.<br>Second line.</div></main></body>`,
			title: "Kyiv prepares", outlet: "kyivpost.example", date: "2022-02-01", url: "https://www.kyivpost.example/a/1",
			body: "Feb 1\n\nBare text in a div.\nSecond line.",
		},
		{
			name:  "relative canonical link, absolute og:url",
			page:  `<head><link rel="canonical" href="/news/1"><meta property="og:url" content="https://www.rferl.example/news/1"></head><body><p>Text.</p></body>`,
			title: "Text.", outlet: "rferl.example", url: "https://www.rferl.example/news/1", body: "Text.",
		},
		{
			name:  "no paragraphs: bare text by blocks",
			page:  `<body><div>First block of text.</div><div>Second<br>line.</div><script>var x = 1;</script></body>`,
			title: "First block of text.", body: "First block of text.\n\nSecond\nline.",
		},
		{
			name:  "meta name=date, month only; unreadable published_time warns and falls through",
			page:  `<head><meta property="article:published_time" content="yesterday"><meta name="date" content="2021-12"></head><body><article><p>Text.</p></article><article><p>A longer article with more text.</p></article></body>`,
			title: "A longer article with more text.", date: "2021-12", body: "A longer article with more text.",
		},
		{
			name:  "only an unreadable date",
			page:  `<head><meta name="pubdate" content="the day before"></head><body><p>Words.</p></body>`,
			title: "Words.", body: "Words.", warnings: 1,
		},
		{
			name:  "declared windows-1251",
			page:  "<head><meta charset=\"windows-1251\"></head><body><p>\xcc\xee\xf1\xea\xe2\xe0</p></body>",
			title: "Москва", body: "Москва",
		},
		{
			name:  "pre keeps its lines, hidden text left out",
			page:  "<body><pre>line one\n  line two</pre><p style=\"display: none\">secret</p><p hidden>also secret</p></body>",
			title: "line one", body: "line one\n  line two",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := ParseFile("page.html", []byte(tt.page), testOptions())
			warnings := 0
			for _, p := range probs {
				if !p.Warning {
					t.Fatalf("problem: %v", p)
				}
				warnings++
			}
			if warnings != tt.warnings {
				t.Errorf("warnings %v, want %d", probs, tt.warnings)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles", len(arts))
			}
			a := arts[0]
			if a.Title != tt.title || a.Outlet != tt.outlet || a.Published.String() != tt.date || a.URL != tt.url || a.Body != tt.body {
				t.Errorf("got  %q %q %q %q %q\nwant %q %q %q %q %q", a.Title, a.Outlet, a.Published, a.URL, a.Body,
					tt.title, tt.outlet, tt.date, tt.url, tt.body)
			}
		})
	}
}

func TestParseJSON(t *testing.T) {
	arts, probs := ParseFile("articles.json", readTestdata(t, "articles.json"), testOptions())
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2", len(arts))
	}
	for _, a := range arts {
		checkArticle(t, a)
	}
	a := arts[0]
	if a.File != "articles.json#row 1" || a.Title != "NATO chief warns Russia over troop build-up" || a.Outlet != "Example Wire" ||
		a.Author != "Staff" || a.Published != dossier.DayDate(2021, 11, 15, dossier.OriginMetadata) {
		t.Errorf("first article: %q %q %q %q %+v", a.File, a.Title, a.Outlet, a.Author, a.Published)
	}
	if !strings.Contains(a.Body, "near Ukraine.\n\nHe urged") {
		t.Errorf("body %q", a.Body)
	}
	if b := arts[1]; b.Outlet != "news.example.org" || b.Published.Precision != dossier.PrecisionMonth || b.Published.String() != "2021-11" {
		t.Errorf("second article: outlet %q date %+v", b.Outlet, b.Published)
	}
	if len(probs) != 1 || probs[0].Error() != "articles.json: row 3 (line 20): no body" {
		t.Errorf("problems %v, want row 3 without a body", probs)
	}
}

func TestParseJSONShapes(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		problems []string
	}{
		{"array", `[{"text":"a"},{"text":"b"}]`, 2, nil},
		{"single object", `{"title":"t","body":"just one"}`, 1, nil},
		{"object with several arrays", `{"tags":[{"x":1}],"items":[{"body":"a"},{"body":"b"}]}`, 2, nil},
		{"JSON lines in a .json file", "{\"body\":\"a\"}\n{\"body\":\"b\"}\n", 2, nil},
		{"no body field anywhere", `[{"x":"a"},{"x":"b"}]`, 0, []string{"f.json: no body field (looked for body, text, article, content, article_body, articlebody, full_text, fulltext)"}},
		{"element not an object", "[{\"body\":\"a\"},\n 3]", 1, []string{"f.json: row 2 (line 2): not a JSON object"}},
		{"syntax error keeps earlier rows", "[{\"body\":\"a\"},\n{\"body\": nope}]", 1, []string{"f.json: row 2 (line 2): invalid JSON: invalid character 'o' in literal null (expecting 'u'); the rest of the file was not read"}},
		{"a string", `"hello"`, 0, []string{"f.json: not a JSON array or object"}},
		{"object without articles", `{"status":"ok"}`, 0, []string{"f.json: no array of articles and no body field (looked for body, text, article, content, article_body, articlebody, full_text, fulltext)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := ParseFile("f.json", []byte(tt.in), testOptions())
			if len(arts) != tt.n {
				t.Errorf("%d articles, want %d", len(arts), tt.n)
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.Error())
			}
			if strings.Join(got, "|") != strings.Join(tt.problems, "|") {
				t.Errorf("problems\n%q\nwant\n%q", got, tt.problems)
			}
		})
	}
}

func TestParseJSONL(t *testing.T) {
	arts, probs := ParseFile("news.jsonl", readTestdata(t, "articles.jsonl"), testOptions())
	var got []string
	for _, p := range probs {
		got = append(got, p.Error())
	}
	want := []string{
		`news.jsonl: row 2 (line 3): invalid JSON: the file ends in the middle of a value`,
		`news.jsonl: row 4 (line 5): not a JSON object`,
		`news.jsonl: row 5 (line 6): cannot read the date "sometime in winter"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	for _, a := range arts {
		checkArticle(t, a)
	}
	if a := arts[0]; a.File != "news.jsonl#row 1" || a.Author != "J. Smith" || a.Outlet != "en.example.net" || a.Published != dossier.DayDate(2021, 12, 2, dossier.OriginMetadata) {
		t.Errorf("first: %q %q %q %+v", a.File, a.Author, a.Outlet, a.Published)
	}
	if a := arts[1]; a.File != "news.jsonl#row 3" || a.Published != dossier.DayDate(2021, 12, 6, dossier.OriginMetadata) || !strings.Contains(a.Body, "Tuesday, the White House said.\nThe call") {
		t.Errorf("second: %q %+v %q", a.File, a.Published, a.Body)
	}
	if a := arts[2]; !a.Published.IsZero() || !probs[2].Warning {
		t.Errorf("an unreadable date must leave the article undated with a warning: %+v", a.Published)
	}
}

func TestParseMarkdown(t *testing.T) {
	a, probs := parseOne(t, "note.md")
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if a.Title != "Kremlin publishes draft security treaties" || a.Outlet != "Example Times" || a.Author != "Maria Petrova, John Doe" ||
		a.URL != "https://www.example.com/kremlin-drafts" || a.Published != dossier.DayDate(2021, 12, 17, dossier.OriginMetadata) {
		t.Errorf("got %q %q %q %q %+v", a.Title, a.Outlet, a.Author, a.URL, a.Published)
	}
	if !strings.HasPrefix(a.Body, "Russia’s foreign ministry") || strings.Contains(a.Body, "---") {
		t.Errorf("body %q", a.Body)
	}

	// Without front matter the heading is the title.
	arts, _ := ParseFile("x.md", []byte("## Heading ##\n\nText *here*.\n"), testOptions())
	if len(arts) != 1 || arts[0].Title != "Heading" || arts[0].Body != "Text *here*." || !arts[0].Published.IsZero() {
		t.Errorf("got %+v", arts)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		prec dossier.Precision
	}{
		{"2022-06-24T17:30:00Z", "2022-06-24", dossier.PrecisionDay},
		{"2022-06-24T23:23:00+03:00", "2022-06-24", dossier.PrecisionDay},
		{"2021-11-02T08:15:00.123-05:00", "2021-11-02", dossier.PrecisionDay},
		{"2021-11-02 08:15:00", "2021-11-02", dossier.PrecisionDay},
		{"2021-11-02", "2021-11-02", dossier.PrecisionDay},
		{"Tue, 02 Nov 2021 08:15:00 GMT", "2021-11-02", dossier.PrecisionDay},
		{"Tue, 2 Nov 2021 08:15:00 +0000", "2021-11-02", dossier.PrecisionDay},
		{"January 2, 2022", "2022-01-02", dossier.PrecisionDay},
		{"2 January 2022", "2022-01-02", dossier.PrecisionDay},
		{"Jan 2, 2022", "2022-01-02", dossier.PrecisionDay},
		{"  Jan  2,   2022 ", "2022-01-02", dossier.PrecisionDay},
		{"2022-01", "2022-01", dossier.PrecisionMonth},
		{"February 2022", "2022-02", dossier.PrecisionMonth},
		{"2022", "2022", dossier.PrecisionYear},
		{"24.02.2022", "2022-02-24", dossier.PrecisionDay},
		{"2022-13-01", "", dossier.PrecisionNone},
		{"yesterday", "", dossier.PrecisionNone},
		{"", "", dossier.PrecisionNone},
		{"0099-01-01", "", dossier.PrecisionNone},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.in)
		if d.String() != tt.want || d.Precision != tt.prec || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %v %v %v, want %q %v", tt.in, d, d.Precision, ok, tt.want, tt.prec)
		}
		if ok && (d.Origin != dossier.OriginMetadata || d.Time.Location() != time.UTC || d.Time.Hour() != 0) {
			t.Errorf("ParseDate(%q) = %+v: want midnight UTC from metadata", tt.in, d)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	long := "Ukraine's defence minister Oleksii Reznikov, citing intelligence reports, warned earlier on Friday that Russia has placed more than 94,000 troops near Ukraine's borders."
	tests := []struct{ in, want string }{
		{"Mr. Blinken spoke to Mr. Le Drian. They agreed.", "Mr. Blinken spoke to Mr. Le Drian."},
		{"The U.S. is in close consultation. Talks go on.", "The U.S. is in close consultation."},
		{"J. Smith reports from Kyiv! More follows.", "J. Smith reports from Kyiv!"},
		{"“It is over.” He left.", "“It is over.”"},
		{"Prices rose 2.5 per cent. Then fell.", "Prices rose 2.5 per cent."},
		{"No end here", "No end here"},
		{"First line only\nsecond line.", "First line only"},
		{long, "Ukraine's defence minister Oleksii Reznikov, citing intelligence reports, warned earlier on Friday that Russia has…"},
		{strings.Repeat("x", 200), strings.Repeat("x", MaxTitle-1) + "…"},
	}
	for _, tt := range tests {
		got := firstSentence(tt.in)
		if got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > MaxTitle {
			t.Errorf("title of %d runes", n)
		}
	}
}

func TestParseMapping(t *testing.T) {
	m, err := ParseMapping("title=Heading, body = Story,source=Paper")
	if err != nil {
		t.Fatal(err)
	}
	if m["title"] != "Heading" || m["body"] != "Story" || m["outlet"] != "Paper" || len(m) != 3 {
		t.Errorf("got %v", m)
	}
	for _, bad := range []string{"title", "title=", "colour=Red", "=x"} {
		if _, err := ParseMapping(bad); dossier.ErrorCode(err) != dossier.EINVALID {
			t.Errorf("ParseMapping(%q) = %v, want an invalid-input error", bad, err)
		}
	}
	if m, err := ParseMapping(""); m != nil || err != nil {
		t.Errorf("empty mapping: %v %v", m, err)
	}

	csv := "Heading,Story,Paper,When\nTalks,Negotiators met in Geneva.,https://www.reuters.example/x,2022-01-10\n"
	opts := testOptions()
	opts.Mapping = m
	opts.Mapping["date"] = "when"
	arts, probs := ParseFile("mapped.csv", []byte(csv), opts)
	if len(arts) != 1 || len(probs) != 0 {
		t.Fatalf("%d articles, problems %v", len(arts), probs)
	}
	if a := arts[0]; a.Title != "Talks" || a.Body != "Negotiators met in Geneva." || a.Outlet != "reuters.example" || a.Published.String() != "2022-01-10" {
		t.Errorf("got %+v", a)
	}
	// Without the mapping the file has no body column.
	_, probs = ParseFile("mapped.csv", []byte(csv), testOptions())
	if len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), "mapped.csv: no body column (looked for body,") {
		t.Errorf("problems %v", probs)
	}
}

func TestParseProblems(t *testing.T) {
	opts := testOptions()
	opts.MaxFileSize = 100
	tests := []struct {
		name string
		data []byte
		want []string // problems; the articles are the rows not named
		n    int
	}{
		{"empty.txt", nil, []string{"empty.txt: empty file"}, 0},
		{"blank.txt", []byte(" \r\n\t\n"), []string{"blank.txt: no text"}, 0},
		{"photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), []string{"photo.txt: binary file, not text"}, 0},
		{"big.txt", bytes.Repeat([]byte("a"), 101), []string{"big.txt: file too large (101 bytes; the limit is 100 bytes)"}, 0},
		{"image.png", []byte("x"), []string{`image.png: unknown file type ".png"; Dossier reads ` + supportedList}, 0},
		{"rows.csv", []byte("title,body\na,text a\nb,\"bad \"quote\nc\nd,text d\n"), []string{
			"rows.csv: row 2 (line 3): malformed row: a quote is missing or out of place",
			"rows.csv: row 3 (line 4): 1 fields where the header has 2",
		}, 2},
		{"nobody.csv", []byte("title,body\na,\n"), []string{"nobody.csv: row 1 (line 2): no body"}, 0},
		{"nobodycol.csv", []byte("title,summary\na,b\n"), []string{"nobodycol.csv: no body column (looked for body, text, article, content, article_body, articlebody, full_text, fulltext)"}, 0},
		{"seed.txt", []byte(" date 2021-02-30 text"), []string{`seed.txt: line 1: the header date "2021-02-30" is not a valid date`}, 1},
		{"tabs.tsv", []byte("headline\ttext\tdate\nA\tBody A\t2021\nB\tBody B\tsoon\n"), []string{`tabs.tsv: row 2 (line 3): cannot read the date "soon"`}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := ParseFile(tt.name, tt.data, opts)
			var got []string
			for _, p := range probs {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(arts) != tt.n {
				t.Errorf("%d articles, want %d", len(arts), tt.n)
			}
			for _, a := range arts {
				checkArticle(t, a)
			}
		})
	}
}

func TestInferDate(t *testing.T) {
	var calls int
	opts := testOptions()
	opts.InferDate = func(body string, notAfter time.Time) dossier.Date {
		calls++
		if !notAfter.Equal(testNow) {
			t.Errorf("notAfter = %v, want the import time", notAfter)
		}
		switch {
		case strings.Contains(body, "future"):
			return dossier.DayDate(2030, 1, 1, dossier.OriginInferred)
		case strings.Contains(body, "Tuesday"):
			return dossier.DayDate(2022, 2, 22, dossier.OriginNone) // origin is set by ingest
		}
		return dossier.Date{}
	}
	tests := []struct {
		name, text, want string
		origin           dossier.DateOrigin
	}{
		{"a.txt", "Putin spoke on Tuesday.", "2022-02-22", dossier.OriginInferred},
		{"b.txt", "A date in the future.", "", dossier.OriginNone},
		{"c.txt", "No date at all.", "", dossier.OriginNone},
		{"d.txt", " date 2021-04-10 Psaki spoke on Tuesday.", "2021-04-10", dossier.OriginHeader},
	}
	for _, tt := range tests {
		arts, _ := ParseFile(tt.name, []byte(tt.text), opts)
		if len(arts) != 1 {
			t.Fatalf("%s: %d articles", tt.name, len(arts))
		}
		if d := arts[0].Published; d.String() != tt.want || d.Origin != tt.origin {
			t.Errorf("%s: date %v (%v), want %q (%v)", tt.name, d, d.Origin, tt.want, tt.origin)
		}
	}
	if calls != 3 {
		t.Errorf("InferDate called %d times, want 3 (never for a dated article)", calls)
	}
}

func TestHostOf(t *testing.T) {
	tests := map[string]string{
		"http://en.kremlin.ru/events/president/news/68700": "en.kremlin.ru",
		"https://www.president.gov.ua/en/news/x":           "president.gov.ua",
		"https://WWW.BBC.co.uk:443/news?x=1":               "bbc.co.uk",
		"//cdn.example.com/a":                              "cdn.example.com",
		"ftp://example.com":                                "",
		"not a url":                                        "",
	}
	for in, want := range tests {
		if got := hostOf(in); got != want {
			t.Errorf("hostOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "putin.csv", Row: 17, Reason: "no body"}, "putin.csv: row 17: no body"},
		{Problem{File: "putin.csv", Row: 17, Line: 40, Reason: "no body"}, "putin.csv: row 17 (line 40): no body"},
		{Problem{File: "a.jsonl", Line: 3, Reason: "invalid JSON"}, "a.jsonl: line 3: invalid JSON"},
		{Problem{File: "x.bin", Reason: "binary file, not text"}, "x.bin: binary file, not text"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// fuzzParse checks what every parse must hold, whatever the input.
func fuzzParse(t *testing.T, name string, data []byte) {
	arts, probs := ParseFile(name, data, testOptions())
	for _, a := range arts {
		if a.Body == "" || Normalize(a.Body) != a.Body || a.Hash != dossier.HashBody(a.Body) {
			t.Fatalf("bad body %q", a.Body)
		}
		if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Outlet) || !utf8.ValidString(a.Author) || strings.Contains(a.Title, "\n") {
			t.Fatalf("bad fields %q %q %q", a.Title, a.Outlet, a.Author)
		}
	}
	for _, p := range probs {
		if p.File != name || p.Reason == "" {
			t.Fatalf("bad problem %+v", p)
		}
	}
}

func addTestdata(f *testing.F, names ...string) {
	for _, n := range names {
		if data, err := os.ReadFile("testdata/" + n); err == nil {
			f.Add(data)
		}
	}
}

func FuzzParseText(f *testing.F) {
	addTestdata(f, "seed.txt", "seed-noheader.txt", "bbc.txt", "latin1.txt")
	f.Add([]byte(" date 2021-13-45 x"))
	f.Add([]byte("Title\n\nBody. Mr. X. U.S. “Quote.” End"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.txt", data)
		fuzzParse(t, "f.md", data)
	})
}

func FuzzParseHTML(f *testing.F) {
	addTestdata(f, "page.html")
	f.Add([]byte("<p>a<br>b</p><pre>x\n y</pre>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.html", data)
	})
}

func FuzzParseCSV(f *testing.F) {
	addTestdata(f, "press.csv")
	f.Add([]byte("title,body\na,\"b\nc\"\n\"x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.csv", data)
	})
}

func FuzzParseJSONL(f *testing.F) {
	addTestdata(f, "articles.jsonl", "articles.json")
	f.Add([]byte(`{"body":"x","date":12,"author":["a",{"name":"b"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.jsonl", data)
		fuzzParse(t, "f.json", data)
	})
}

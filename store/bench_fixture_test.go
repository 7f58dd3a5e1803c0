package store

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"dossier"
)

// The realistic benchmark fixture: articles cut from real news text (the
// BBC corpus and the Kremlin's and Ukraine's press releases in
// shared/corpus), passages of one or two whole sentences, notes of none to
// three sentences, tags from a hierarchy a researcher of the 2021–22
// coverage keeps, drawn Zipf-wise, quotes by the usual speakers, dates from
// October 2021 to June 2022. Without the corpus, a generator with a Zipfian
// vocabulary of over 20,000 words stands in.

// newsTags is the tag hierarchy, the most used first.
var newsTags = []string{
	"actor/russia", "theme/military/buildup", "actor/us", "actor/ukraine", "source/official",
	"actor/russia/kremlin", "theme/sanctions", "actor/russia/mod", "actor/nato", "theme/diplomacy",
	"actor/us/state-dept", "frame/threat", "actor/ukraine/president", "theme/energy", "actor/eu",
	"theme/diplomacy/talks", "frame/escalation", "actor/russia/mfa", "actor/us/white-house", "source/anonymous",
	"theme/energy/gas", "actor/us/pentagon", "theme/military/exercises", "actor/uk", "actor/germany",
	"theme/humanitarian", "source/intelligence", "actor/france", "theme/donbas", "method/claim",
	"method/figure", "theme/economy", "frame/blame", "actor/belarus", "theme/energy/nord-stream",
	"method/quote", "theme/crimea", "actor/ukraine/mod", "theme/disinformation", "status/check",
	"actor/china", "theme/cyber", "frame/de-escalation", "actor/osce", "theme/humanitarian/refugees",
	"actor/ukraine/mfa", "theme/diplomacy/minsk", "source/expert", "actor/un", "frame/victim",
	"theme/nuclear", "status/verified", "actor/eu/commission", "method/denial", "theme/nato-expansion",
	"theme/military/casualties", "actor/us/congress", "frame/legal", "source/eyewitness", "status/disputed",
}

var newsSpeakers = []string{
	"Vladimir Putin", "Volodymyr Zelenskyy", "Dmitry Peskov", "Sergei Lavrov", "Antony Blinken",
	"Joe Biden", "Jen Psaki", "Jens Stoltenberg", "Ned Price", "Dmytro Kuleba", "Maria Zakharova",
	"Olaf Scholz", "Emmanuel Macron", "Boris Johnson", "Sergei Shoigu", "Lloyd Austin", "John Kirby",
	"Ursula von der Leyen", "Josep Borrell", "Oleksii Reznikov", "Liz Truss", "Alexander Lukashenko",
	"Wendy Sherman", "Sergei Ryabkov", "Mykhailo Podolyak",
}

var newsOutlets = []string{"Reuters", "AP", "BBC", "The Guardian", "The New York Times", "The Washington Post",
	"Kyiv Independent", "TASS", "RIA Novosti", "Meduza", "Le Monde", "Der Spiegel", "Financial Times",
	"Politico", "CNN", "Al Jazeera", "Ukrainska Pravda", "Interfax", "DW", "France 24"}

// researcher's own words in notes, next to sentences of the corpus
var noteLines = []string{
	"Compare with the TASS version of the same statement.",
	"Check the figure against the Pentagon briefing.",
	"Framing: the buildup as a response to NATO.",
	"Anonymous source; no second confirmation.",
	"Same wording as the Kremlin readout the day before.",
	"Verify the date: the article says Tuesday.",
	"Contradicts the earlier denial.",
	"Useful for the timeline of the talks.",
	"Quote is partial; find the full transcript.",
	"Escalation language, see chapter 3.",
}

// newsDoc is a text to cut articles from: a title and its sentences.
type newsDoc struct {
	title string
	sents []string
}

// loadNewsDocs reads the corpus beside the repository, or makes one up when
// it is absent.
func loadNewsDocs() (docs []newsDoc, source string) {
	root := os.Getenv("DOSSIER_CORPUS")
	if root == "" {
		root = filepath.Join("..", "..", "shared", "corpus")
	}
	files, _ := filepath.Glob(filepath.Join(root, "bbc", "*", "*.txt"))
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		title, body, _ := strings.Cut(string(b), "\n")
		if d := (newsDoc{title: strings.TrimSpace(title), sents: splitSentences(body)}); len(d.sents) >= 8 {
			docs = append(docs, d)
		}
	}
	bbc := len(docs)
	csvs, _ := filepath.Glob(filepath.Join(root, "press-releases", "*.csv"))
	sort.Strings(csvs)
	for _, f := range csvs {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		cr := csv.NewReader(fh)
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		head, _ := cr.Read()
		title, body := slices.Index(head, "headline"), slices.Index(head, "body")
		for title >= 0 && body >= 0 {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil || len(rec) != len(head) {
				continue
			}
			if d := (newsDoc{title: rec[title], sents: splitSentences(rec[body])}); len(d.sents) >= 8 {
				docs = append(docs, d)
			}
		}
		fh.Close()
	}
	if len(docs) > 0 {
		return docs, fmt.Sprintf("corpus: %d BBC texts, %d press releases", bbc, len(docs)-bbc)
	}
	return zipfDocs(), "generated: Zipfian vocabulary of 24,000 words"
}

// splitSentences cuts text at a full stop, question or exclamation mark
// followed by white space and a capital letter or a quote.
func splitSentences(text string) []string {
	var out []string
	text = strings.Join(strings.Fields(text), " ")
	start := 0
	for i := 0; i+2 < len(text); i++ {
		c := text[i]
		if (c == '.' || c == '?' || c == '!') && text[i+1] == ' ' {
			n := text[i+2]
			if 'A' <= n && n <= 'Z' || n == '"' || n == 0xE2 {
				if s := text[start : i+1]; len(s) >= 20 && len(s) <= 400 {
					out = append(out, s)
				}
				start = i + 2
			}
		}
	}
	if s := strings.TrimSpace(text[start:]); len(s) >= 20 && len(s) <= 400 {
		out = append(out, s)
	}
	return out
}

// zipfDocs makes up texts whose words follow Zipf's law over a vocabulary
// of syllable words, names and the words of the coverage, from a fixed seed.
func zipfDocs() []newsDoc {
	r := rand.New(rand.NewSource(7))
	common := strings.Fields(`the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three`)
	names := append(strings.Fields(`Putin Zelenskyy Lavrov Peskov Blinken Biden Psaki Stoltenberg Kuleba Zakharova Scholz Macron Johnson Shoigu Austin Kirby Borrell Reznikov Truss Lukashenko Sherman Ryabkov Podolyak`),
		strings.Fields(`Russia Ukraine Kyiv Moscow Washington Brussels Donbas Crimea Belarus Minsk Kharkiv Mariupol Donetsk Luhansk NATO Kremlin Pentagon Europe Germany France Britain Poland`)...)
	topical := strings.Fields(`troops border military sanctions invasion buildup drills exercises talks diplomacy security gas pipeline energy weapons forces tanks army missile attack war peace ceasefire negotiations warned officials minister president spokesman government intelligence satellite images soldiers escalation threat defense alliance`)
	const syll = "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu"
	ss := strings.Fields(syll)
	seen := map[string]bool{}
	var vocab []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	for _, w := range common {
		add(w)
	}
	for i, w := range topical {
		if i%2 == 0 {
			add(w)
		}
	}
	for len(vocab) < 24_000 {
		var b strings.Builder
		for k := 2 + r.Intn(3); k > 0; k-- {
			b.WriteString(ss[r.Intn(len(ss))])
		}
		if len(vocab)%97 == 0 {
			add(names[r.Intn(len(names))])
			add(topical[r.Intn(len(topical))])
		}
		add(b.String())
	}
	z := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	sentence := func() string {
		n := 8 + r.Intn(18)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[z.Uint64()]
			if r.Intn(25) == 0 {
				ws[i] = names[r.Intn(len(names))]
			}
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	docs := make([]newsDoc, 4000)
	for i := range docs {
		t := strings.TrimSuffix(sentence(), ".")
		if len(t) > 70 {
			t = t[:strings.LastIndexByte(t[:70], ' ')]
		}
		docs[i].title = t
		for k := 15 + r.Intn(30); k > 0; k-- {
			docs[i].sents = append(docs[i].sents, sentence())
		}
	}
	return docs
}

// newsArticle is one article of the fixture with its passages and quotes.
type newsArticle struct {
	meta     dossier.ArticleMeta
	body     string
	passages []dossier.Passage
	quotes   []dossier.Quote
}

// newsGen cuts articles from docs.
type newsGen struct {
	r       *rand.Rand
	docs    []newsDoc
	tagZ    *rand.Zipf
	spkZ    *rand.Zipf
	outZ    *rand.Zipf
	allSent []string
}

func newNewsGen(docs []newsDoc) *newsGen {
	r := rand.New(rand.NewSource(1))
	g := &newsGen{r: r, docs: docs,
		tagZ: rand.NewZipf(r, 1.1, 3, uint64(len(newsTags)-1)),
		spkZ: rand.NewZipf(r, 1.2, 2, uint64(len(newsSpeakers)-1)),
		outZ: rand.NewZipf(r, 1.3, 2, uint64(len(newsOutlets)-1)),
	}
	for _, d := range docs {
		g.allSent = append(g.allSent, d.sents...)
	}
	return g
}

var newsDay0 = time.Date(2021, 10, 1, 0, 0, 0, 0, time.UTC)

// article makes article id with perArticle passages, numbered from pid+1.
func (g *newsGen) article(id dossier.ArticleID, perArticle int, pid *uint64) newsArticle {
	r := g.r
	d := g.docs[r.Intn(len(g.docs))]
	n := min(len(d.sents), 8+r.Intn(13))
	from := r.Intn(len(d.sents) - n + 1)
	sents := d.sents[from : from+n]
	var b strings.Builder
	spans := make([][2]int, len(sents)) // rune offsets
	pos := 0
	for i, s := range sents {
		if i > 0 {
			sep := " "
			if i%(3+int(id)%2) == 0 {
				sep = "\n\n"
			}
			b.WriteString(sep)
			pos += len(sep)
		}
		l := len([]rune(s))
		spans[i] = [2]int{pos, pos + l}
		b.WriteString(s)
		pos += l
	}
	body := b.String()
	// More coverage after the invasion of 24 February.
	day := r.Intn(273)
	if r.Intn(3) == 0 {
		day = 146 + r.Intn(127)
	}
	a := newsArticle{body: body}
	a.meta = dossier.ArticleMeta{ID: id, Title: d.title, Outlet: newsOutlets[g.outZ.Uint64()],
		URL: fmt.Sprintf("https://news.example/%d", id), File: "coverage.jsonl",
		Published: dossier.Date{Time: newsDay0.AddDate(0, 0, day), Precision: dossier.PrecisionDay, Origin: dossier.OriginHeader},
		Hash:      dossier.HashBody(body), Imported: newsDay0, Runes: pos}
	for j := 0; j < perArticle; j++ {
		i := r.Intn(len(sents))
		k := i
		if r.Intn(3) == 0 && i+1 < len(sents) {
			k = i + 1
		}
		p, err := dossier.Anchor(id, body, spans[i][0], spans[k][1])
		if err != nil {
			panic(err)
		}
		*pid++
		p.ID = dossier.PassageID(*pid)
		for t := 1 + min(r.Intn(4), 2); t > 0; t-- {
			tag := newsTags[g.tagZ.Uint64()]
			if !p.HasTag(tag) {
				p.Tags = append(p.Tags, tag)
			}
		}
		notes := []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 3}[r.Intn(11)]
		var ns []string
		for ; notes > 0; notes-- {
			if r.Intn(3) == 0 {
				ns = append(ns, noteLines[r.Intn(len(noteLines))])
			} else {
				ns = append(ns, g.allSent[r.Intn(len(g.allSent))])
			}
		}
		p.Note = strings.Join(ns, " ")
		p.Orphan = r.Intn(200) == 0
		p.Created, p.Modified = newsDay0, newsDay0
		a.passages = append(a.passages, p)
	}
	for q := []int{0, 0, 1, 1, 2, 3}[r.Intn(6)]; q > 0; q-- {
		i := r.Intn(len(sents))
		spk := newsSpeakers[g.spkZ.Uint64()]
		a.quotes = append(a.quotes, dossier.Quote{Article: id, Spans: []dossier.Span{{Start: spans[i][0], End: spans[i][1]}},
			Text: sents[i], Mention: spk, Speaker: spk})
	}
	sort.Slice(a.quotes, func(i, j int) bool { return a.quotes[i].Start() < a.quotes[j].Start() })
	return a
}

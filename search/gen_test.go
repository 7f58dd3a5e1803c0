package search

import (
	"dossier"
	"math/rand/v2"
	"strconv"
	"strings"
)

// A generator of realistic short texts and article bodies about Russia's
// 2021–22 buildup around Ukraine, from word lists and templates with a fixed
// seed; 15% of the items are in Russian.

var (
	enActors = []string{"Putin", "Zelensky", "Zelenskyy", "Biden", "Blinken", "Lavrov", "Shoigu", "Stoltenberg",
		"Macron", "Scholz", "Johnson", "Peskov", "Kuleba", "Reznikov", "Austin", "Sullivan", "Psaki",
		"Lukashenko", "Zakharova", "Nuland", "Milley", "Gerasimov", "Ryabkov", "Truss", "Draghi", "Duda",
		"Borrell", "von der Leyen", "Erdoğan", "Bennett", "Danilov", "Budanov", "Arestovych", "Podolyak"}
	enPlaces = []string{"Ukraine", "Russia", "Kyiv", "Moscow", "Donbas", "Donetsk", "Luhansk", "Crimea", "Belarus",
		"Yelnya", "Voronezh", "Kharkiv", "Mariupol", "the Black Sea", "Minsk", "Geneva", "Brussels",
		"Washington", "Rostov", "Kursk", "Bryansk", "Smolensk", "Sevastopol", "Odesa", "Chernihiv",
		"Gomel", "Brest", "the Sea of Azov", "Kerch", "Novorossiysk", "the Élysée", "Kraków", "Vienna"}
	enNouns = []string{"troops", "tanks", "forces", "battalion tactical groups", "artillery", "drills",
		"military exercises", "the buildup", "sanctions", "talks", "an invasion", "satellite images",
		"the border", "a convoy", "missiles", "warships", "field hospitals", "paratroopers", "blood supplies",
		"security guarantees", "NATO expansion", "the Minsk agreements", "gas supplies", "Nord Stream 2",
		"cyberattacks", "a false-flag operation", "diplomatic efforts", "embassy staff", "air defences"}
	enVerbs = []string{"warns of", "says", "denies", "accuses the West of", "threatens", "calls for",
		"rejects", "proposes", "signals", "dismisses", "confirms", "plays down", "condemns", "discusses",
		"raises alarm over", "pledges", "questions", "reports", "monitors", "tracks"}
	enOutlets = []string{"Reuters", "AP", "BBC", "The New York Times", "The Washington Post", "Bloomberg",
		"The Guardian", "Le Monde", "Der Spiegel", "Süddeutsche Zeitung", "Kyiv Independent", "Politico",
		"Financial Times", "The Economist", "CNN", "Al Jazeera", "Ukrainska Pravda", "Meduza"}
	numbers = []string{"70,000", "90,000", "94,000", "100,000", "120,000", "127,000", "130,000", "150,000",
		"175,000", "190,000", "dozens of", "thousands of", "tens of thousands of"}
	months = []string{"November", "December", "January", "February", "April", "October"}

	ruActors = []string{"Путин", "Зеленский", "Байден", "Лавров", "Шойгу", "Песков", "Захарова", "Лукашенко",
		"Столтенберг", "Макрон", "Шольц", "Кулеба", "Блинкен", "Рябков", "Герасимов", "Данилов", "Резников"}
	ruPlaces = []string{"Украины", "России", "Киева", "Москвы", "Донбасса", "Донецка", "Луганска", "Крыма",
		"Белоруссии", "Ельни", "Воронежа", "Харькова", "Ростова", "Курска", "Брянска", "Севастополя",
		"Женевы", "Брюсселя", "Минска", "Азовского моря", "Чёрного моря"}
	ruNouns = []string{"войска", "танки", "учения", "санкции", "переговоры", "границу", "колонну", "ракеты",
		"военную технику", "гарантии безопасности", "расширение НАТО", "Минские соглашения",
		"поставки газа", "Северный поток — 2", "вторжение", "спутниковые снимки", "наращивание сил"}
	ruVerbs = []string{"заявил о", "предупредил о", "отрицает", "обвинил Запад в", "призвал к",
		"отверг", "предложил", "обсудил", "прокомментировал", "опроверг сообщения о"}
	ruOutlets = []string{"ТАСС", "РИА Новости", "Интерфакс", "Коммерсантъ", "Ведомости", "Новая газета",
		"Медуза", "РБК", "Известия", "Украинская правда"}
)

type gen struct {
	r *rand.Rand
	b strings.Builder
}

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))} }

func (g *gen) pick(l []string) string { return l[g.r.IntN(len(l))] }

func (g *gen) w(parts ...string) {
	for _, p := range parts {
		g.b.WriteString(p)
	}
}

func (g *gen) take() string {
	s := g.b.String()
	g.b.Reset()
	return s
}

func (g *gen) enTitle() {
	switch g.r.IntN(6) {
	case 0:
		g.w(g.pick(enActors), " ", g.pick(enVerbs), " ", g.pick(enNouns), " near ", g.pick(enPlaces))
	case 1:
		g.w(g.pick(numbers), " Russian troops massed near ", g.pick(enPlaces), ", ", g.pick(enOutlets), " reports")
	case 2:
		g.w("Satellite images show ", g.pick(enNouns), " in ", g.pick(enPlaces))
	case 3:
		g.w(g.pick(enActors), " and ", g.pick(enActors), " discuss ", g.pick(enNouns), " in ", g.pick(enPlaces))
	case 4:
		g.w("What ", g.pick(enActors), "’s warning on ", g.pick(enNouns), " means for ", g.pick(enPlaces))
	default:
		g.w(g.pick(enPlaces), " live: ", g.pick(enActors), " ", g.pick(enVerbs), " ", g.pick(enNouns))
	}
}

func (g *gen) enQuote() {
	g.w("“We will not accept ", g.pick(enNouns), " near ", g.pick(enPlaces), ", and we ", g.pick(enVerbs),
		" ", g.pick(enNouns), " every day,” ", g.pick(enActors), " said on ", strconv.Itoa(1+g.r.IntN(28)), " ", g.pick(months), ".")
}

func (g *gen) enNote() {
	g.w("Check ", g.pick(enActors), "’s claim of ", g.pick(numbers), " troops near ", g.pick(enPlaces),
		" against ", g.pick(enOutlets), " (", g.pick(months), "); ", g.pick(enActors), " ", g.pick(enVerbs),
		" ", g.pick(enNouns), " — follow up.")
}

func (g *gen) ruTitle() {
	switch g.r.IntN(3) {
	case 0:
		g.w(g.pick(ruActors), " ", g.pick(ruVerbs), " ", g.pick(ruNouns), " у ", g.pick(ruPlaces))
	case 1:
		g.w(g.pick(ruOutlets), ": ", g.pick(ruActors), " ", g.pick(ruVerbs), " ", g.pick(ruNouns))
	default:
		g.w("Спутниковые снимки: ", g.pick(ruNouns), " у границ ", g.pick(ruPlaces))
	}
}

func (g *gen) ruQuote() {
	g.w("«Мы не допустим, чтобы ", g.pick(ruNouns), " появились у ", g.pick(ruPlaces), "», — ",
		g.pick(ruVerbs), " ", g.pick(ruNouns), " ", g.pick(ruActors), ".")
}

// items returns n generated items: titles, quotes, notes and a few
// speakers, tags and outlets.
func genItems(n int, seed uint64) []Item {
	g := newGen(seed)
	items := make([]Item, n)
	for i := range items {
		ru := g.r.IntN(100) < 15
		var k Kind
		switch p := g.r.IntN(100); {
		case p < 45:
			k = Article
			if ru {
				g.ruTitle()
			} else {
				g.enTitle()
			}
		case p < 75:
			k = Quote
			if ru {
				g.ruQuote()
			} else {
				g.enQuote()
			}
		case p < 95:
			k = Note
			if ru {
				g.ruTitle()
				g.w(" — проверить")
			} else {
				g.enNote()
			}
		case p < 97:
			k = Speaker
			g.w(g.pick(enActors))
		case p < 99:
			k = Tag
			g.w(g.pick(enNouns))
		default:
			k = Outlet
			g.w(g.pick(enOutlets))
		}
		items[i] = Item{Kind: k, ID: uint64(i + 1), Text: g.take()}
	}
	return items
}

// genBody returns an article body of about size bytes: paragraphs of
// sentences from the same word lists.
func (g *gen) body(size int, ru bool) string {
	for g.b.Len() < size {
		for s := 0; s < 3+g.r.IntN(3) && g.b.Len() < size; s++ {
			switch {
			case ru:
				g.ruTitle()
				g.w(". ")
				g.ruQuote()
			case g.r.IntN(3) == 0:
				g.enQuote()
			default:
				g.w(g.pick(enOutlets), " reported that ", g.pick(enActors), " ", g.pick(enVerbs), " ",
					g.pick(enNouns), " near ", g.pick(enPlaces), " as ", g.pick(numbers), " troops remained in ",
					g.pick(enPlaces), ".")
			}
			g.w(" ")
		}
		g.w("\n\n")
	}
	return strings.TrimSpace(g.take())
}

func genBodies(n, size int, seed uint64) []Doc {
	g := newGen(seed)
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{ID: dossier.ArticleID(i + 1), Body: g.body(size, g.r.IntN(100) < 15)}
	}
	return docs
}

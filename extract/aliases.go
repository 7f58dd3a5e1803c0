package extract

import (
	"bufio"
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"dossier"
)

// Aliases maps the spellings of a name to one canonical form, so that
// "Zelenskiy" in one article and "Zelensky" in another are one speaker. It is
// notebook-wide: the store persists it (MarshalText) and the user edits it.
// Names are matched without regard to case. The zero value is empty and
// ready to use; an Aliases is safe for concurrent use.
type Aliases struct {
	mu sync.RWMutex
	m  map[string]string // lower-case alias → canonical
}

// AliasPair is one entry of an alias table.
type AliasPair struct {
	Alias     string
	Canonical string
}

// defaultPairs are the names and places of the 2021–22 coverage of Russia
// and Ukraine that are spelt more than one way.
var defaultPairs = []AliasPair{
	{"Zelensky", "Volodymyr Zelenskyy"}, {"Zelenskiy", "Volodymyr Zelenskyy"}, {"Zelenskii", "Volodymyr Zelenskyy"},
	{"Zelenskyy", "Volodymyr Zelenskyy"}, {"Zelenskyi", "Volodymyr Zelenskyy"}, {"Vladimir Zelensky", "Volodymyr Zelenskyy"},
	{"Volodimir Zelensky", "Volodymyr Zelenskyy"},
	{"Putin", "Vladimir Putin"}, {"Vladimir Vladimirovich Putin", "Vladimir Putin"}, {"Wladimir Putin", "Vladimir Putin"},
	{"Lavrov", "Sergei Lavrov"}, {"Sergey Lavrov", "Sergei Lavrov"},
	{"Shoigu", "Sergei Shoigu"}, {"Sergey Shoigu", "Sergei Shoigu"},
	{"Peskov", "Dmitry Peskov"}, {"Dmitri Peskov", "Dmitry Peskov"}, {"Dmitriy Peskov", "Dmitry Peskov"},
	{"Kuleba", "Dmytro Kuleba"}, {"Dmitry Kuleba", "Dmytro Kuleba"}, {"Dmitro Kuleba", "Dmytro Kuleba"},
	{"Reznikov", "Oleksii Reznikov"}, {"Oleksiy Reznikov", "Oleksii Reznikov"}, {"Alexei Reznikov", "Oleksii Reznikov"},
	{"Podolyak", "Mykhailo Podolyak"}, {"Mykhaylo Podolyak", "Mykhailo Podolyak"}, {"Mikhail Podolyak", "Mykhailo Podolyak"},
	{"Podoliak", "Mykhailo Podolyak"}, {"Mykhailo Podoliak", "Mykhailo Podolyak"},
	{"Yermak", "Andriy Yermak"}, {"Andrii Yermak", "Andriy Yermak"}, {"Andrei Yermak", "Andriy Yermak"},
	{"Arestovych", "Oleksiy Arestovych"}, {"Oleksii Arestovych", "Oleksiy Arestovych"},
	{"Danilov", "Oleksiy Danilov"}, {"Oleksii Danilov", "Oleksiy Danilov"},
	{"Zakharova", "Maria Zakharova"}, {"Ryabkov", "Sergei Ryabkov"}, {"Sergey Ryabkov", "Sergei Ryabkov"},
	{"Medvedev", "Dmitry Medvedev"}, {"Dmitri Medvedev", "Dmitry Medvedev"},
	{"Lukashenko", "Alexander Lukashenko"}, {"Alyaksandr Lukashenka", "Alexander Lukashenko"},
	{"Aliaksandr Lukashenka", "Alexander Lukashenko"}, {"Lukashenka", "Alexander Lukashenko"},
	{"Stoltenberg", "Jens Stoltenberg"}, {"Blinken", "Antony Blinken"}, {"Tony Blinken", "Antony Blinken"},
	{"Psaki", "Jen Psaki"}, {"Jennifer Psaki", "Jen Psaki"}, {"Biden", "Joe Biden"}, {"Joseph Biden", "Joe Biden"},
	{"Joseph R. Biden", "Joe Biden"}, {"Joseph R. Biden Jr.", "Joe Biden"}, {"Llyod Austin", "Lloyd Austin"},
	{"Macron", "Emmanuel Macron"}, {"Scholz", "Olaf Scholz"}, {"Nuland", "Victoria Nuland"},
	{"Klitschko", "Vitali Klitschko"}, {"Vitaliy Klitschko", "Vitali Klitschko"},
	{"Ushakov", "Yuri Ushakov"}, {"Yury Ushakov", "Yuri Ushakov"}, {"Yuriy Ushakov", "Yuri Ushakov"},
	{"Kozak", "Dmitry Kozak"}, {"Dmitri Kozak", "Dmitry Kozak"}, {"Naryshkin", "Sergei Naryshkin"},
	{"Sergey Naryshkin", "Sergei Naryshkin"}, {"Patrushev", "Nikolai Patrushev"}, {"Nikolay Patrushev", "Nikolai Patrushev"},
	{"Gerasimov", "Valery Gerasimov"}, {"Valeriy Gerasimov", "Valery Gerasimov"}, {"Grushko", "Alexander Grushko"},
	{"Aleksandr Grushko", "Alexander Grushko"}, {"Nebenzia", "Vassily Nebenzia"}, {"Vasily Nebenzya", "Vassily Nebenzia"},
	{"Vassily Nebenzya", "Vassily Nebenzia"}, {"Nebenzya", "Vassily Nebenzia"}, {"Polyanskiy", "Dmitry Polyanskiy"},
	{"Dmitry Polyansky", "Dmitry Polyanskiy"}, {"Mishustin", "Mikhail Mishustin"}, {"Kadyrov", "Ramzan Kadyrov"},
	{"Navalny", "Alexei Navalny"}, {"Alexey Navalny", "Alexei Navalny"}, {"Aleksei Navalny", "Alexei Navalny"},
	{"Shmyhal", "Denys Shmyhal"}, {"Denis Shmygal", "Denys Shmyhal"}, {"Budanov", "Kyrylo Budanov"},
	{"Kirill Budanov", "Kyrylo Budanov"}, {"Zaluzhnyi", "Valerii Zaluzhnyi"}, {"Valery Zaluzhny", "Valerii Zaluzhnyi"},
	{"Valeriy Zaluzhnyi", "Valerii Zaluzhnyi"}, {"Zaluzhny", "Valerii Zaluzhnyi"}, {"Vereshchuk", "Iryna Vereshchuk"},
	{"Irina Vereshchuk", "Iryna Vereshchuk"}, {"Pushilin", "Denis Pushilin"}, {"Denys Pushylin", "Denis Pushilin"},
	{"Matviyenko", "Valentina Matviyenko"}, {"Valentina Matvienko", "Valentina Matviyenko"}, {"Volodin", "Vyacheslav Volodin"},
	{"Stefanishyna", "Olha Stefanishyna"}, {"Olga Stefanishyna", "Olha Stefanishyna"}, {"Andrii Sybiha", "Andriy Sybiha"},
	{"Igor Zhovkva", "Ihor Zhovkva"}, {"Denys Monastyrskyi", "Denys Monastyrsky"}, {"Olena Zelenskaya", "Olena Zelenska"},
	{"Fed", "Federal Reserve"}, {"US Federal Reserve", "Federal Reserve"},
	{"Kiev", "Kyiv"}, {"Kharkov", "Kharkiv"}, {"Odessa", "Odesa"}, {"Lvov", "Lviv"}, {"Lugansk", "Luhansk"},
	{"Donbass", "Donbas"}, {"Nikolaev", "Mykolaiv"}, {"Zaporozhye", "Zaporizhzhia"}, {"Chernigov", "Chernihiv"},
	{"Dnepr", "Dnipro"}, {"Dnipropetrovsk", "Dnipro"},
}

var defaultAliases = DefaultAliases()

// DefaultAliases returns a new table holding the built-in spellings of the
// names and places of the Russia–Ukraine coverage.
func DefaultAliases() *Aliases {
	a := &Aliases{}
	for _, p := range defaultPairs {
		a.Add(p.Alias, p.Canonical)
	}
	return a
}

// Add makes alias a spelling of canonical. Adding a name as its own
// canonical form removes it as an alias.
func (a *Aliases) Add(alias, canonical string) {
	alias, canonical = strings.TrimSpace(alias), strings.TrimSpace(canonical)
	if alias == "" || canonical == "" {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.m == nil {
		a.m = map[string]string{}
	}
	if strings.EqualFold(alias, canonical) {
		delete(a.m, strings.ToLower(alias))
		return
	}
	a.m[strings.ToLower(alias)] = canonical
}

// Remove forgets alias.
func (a *Aliases) Remove(alias string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.m, strings.ToLower(strings.TrimSpace(alias)))
}

// Canonical returns the canonical form of name: its entry in the table; or,
// for a full name whose surname is a spelling of another ("Volodymyr
// Zelenskiy"), the name with the canonical surname; or name itself.
func (a *Aliases) Canonical(name string) string {
	if a == nil || name == "" {
		return name
	}
	a.mu.RLock()
	defer a.mu.RUnlock()
	if c, ok := a.get(name); ok {
		return c
	}
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return name
	}
	c, ok := a.get(name[i+1:])
	if !ok {
		return name
	}
	sur := c[strings.LastIndexByte(c, ' ')+1:]
	full := name[:i+1] + sur
	if c2, ok := a.get(full); ok {
		return c2
	}
	// "Volodymyr Zelenskiy" and the canonical "Volodymyr Zelenskyy" share a first name
	if strings.EqualFold(full, c) || strings.Contains(c, " ") && strings.EqualFold(name[:i], c[:strings.LastIndexByte(c, ' ')]) {
		return c
	}
	return full
}

// get is a.m[strings.ToLower(name)]. An ASCII name, most of them, is
// lowered into a buffer on the stack, which the look-up reads without
// making a string of it. The caller holds a.mu.
func (a *Aliases) get(name string) (string, bool) {
	var buf [64]byte
	if len(name) > len(buf) {
		c, ok := a.m[strings.ToLower(name)]
		return c, ok
	}
	for i := 0; i < len(name); i++ {
		b := name[i]
		if b >= utf8.RuneSelf {
			c, ok := a.m[strings.ToLower(name)]
			return c, ok
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	c, ok := a.m[string(buf[:len(name)])]
	return c, ok
}

// Pairs returns the table's entries sorted by canonical name, then alias.
func (a *Aliases) Pairs() []AliasPair {
	a.mu.RLock()
	defer a.mu.RUnlock()
	out := make([]AliasPair, 0, len(a.m))
	for k, v := range a.m {
		out = append(out, AliasPair{Alias: k, Canonical: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Canonical != out[j].Canonical {
			return out[i].Canonical < out[j].Canonical
		}
		return out[i].Alias < out[j].Alias
	})
	return out
}

// MarshalText writes one "alias<TAB>canonical" line per entry.
func (a *Aliases) MarshalText() ([]byte, error) {
	var b bytes.Buffer
	for _, p := range a.Pairs() {
		b.WriteString(p.Alias)
		b.WriteByte('\t')
		b.WriteString(p.Canonical)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// UnmarshalText replaces the table with the lines MarshalText wrote. Blank
// lines and lines starting with # are skipped; a line without a tab is an
// invalid-input error.
func (a *Aliases) UnmarshalText(text []byte) error {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		al, c, ok := strings.Cut(line, "\t")
		al, c = strings.TrimSpace(al), strings.TrimSpace(c)
		if !ok || al == "" || c == "" {
			return dossier.Errorf(dossier.EINVALID, "alias table line %d: want \"alias<TAB>canonical\"", n)
		}
		if !strings.EqualFold(al, c) {
			m[strings.ToLower(al)] = c
		}
	}
	if err := sc.Err(); err != nil {
		return dossier.Wrap(err, dossier.EINVALID, "reading the alias table")
	}
	a.mu.Lock()
	a.m = m
	a.mu.Unlock()
	return nil
}

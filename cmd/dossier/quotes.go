package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"dossier"
	"dossier/extract"
	"dossier/store"
)

func init() {
	register(command{"quotes", "[--json] [--speaker NAME] [FLAGS]", "list who said what, by date", runQuotes})
	register(command{"speakers", "[--json]", "list the people quoted, most quoted first", runSpeakers})
	register(command{"figures", "[--json] [--article ID]", "list reported troop figures, by date", runFigures})
	register(command{"extract", "", "find quotes and figures again in every article", runExtract})
	register(command{"quote", "speaker|delete|add|revert ...", "correct a quote (or list corrections); they survive extraction", runQuote})
	register(command{"alias", "[--json] | add|remove ALIAS [NAME]", "show or change the spellings of names", runAlias})
}

// notebookView is what the listings need besides the quotes: the articles
// in date order and the alias table.
type notebookView struct {
	metas map[dossier.ArticleID]dossier.ArticleMeta
	rank  map[dossier.ArticleID]int // position of the article by date
	al    *extract.Aliases
}

// openView opens the notebook with extraction wired and the listings' view
// of it; only, when not 0, must name an article of it.
func (m *Main) openView(only dossier.ArticleID) (*store.Notebook, *extract.Aliases, *notebookView, error) {
	n, al, err := m.openExtracting()
	if err != nil {
		return nil, nil, nil, err
	}
	v, err := newView(n, al)
	if err == nil && only != 0 {
		_, err = v.article(only)
	}
	if err != nil {
		n.Close()
		return nil, nil, nil, err
	}
	return n, al, v, nil
}

func newView(n *store.Notebook, al *extract.Aliases) (*notebookView, error) {
	ms, err := n.ArticleMetas()
	if err != nil {
		return nil, err
	}
	dossier.SortByDate(ms)
	v := &notebookView{metas: make(map[dossier.ArticleID]dossier.ArticleMeta, len(ms)), rank: make(map[dossier.ArticleID]int, len(ms)), al: al}
	for i, m := range ms {
		v.metas[m.ID], v.rank[m.ID] = m, i
	}
	return v, nil
}

// speaker returns the canonical form of a resolved name, "" for none.
func (v *notebookView) speaker(name string) string {
	if name == "" {
		return ""
	}
	return v.al.Canonical(name)
}

func (v *notebookView) article(id dossier.ArticleID) (dossier.ArticleMeta, error) {
	m, ok := v.metas[id]
	if !ok {
		return m, dossier.Errorf(dossier.ENOTFOUND, "no article %d", id)
	}
	return m, nil
}

// speakerMatcher returns a test of canonical names against what the user
// typed: the name itself, any spelling the alias table knows, or a surname,
// all without regard to case ("zelensky" finds Volodymyr Zelenskyy).
func speakerMatcher(al *extract.Aliases, typed string) func(string) bool {
	typed = strings.Join(strings.Fields(typed), " ")
	canon := al.Canonical(typed)
	return func(name string) bool {
		if name == "" {
			return false
		}
		return strings.EqualFold(name, canon) || strings.EqualFold(name, typed) ||
			strings.EqualFold(name[strings.LastIndexByte(name, ' ')+1:], typed)
	}
}

// quoteRef is how a quote is written for a person: article:start.
func quoteRef(id dossier.QuoteID) string {
	a, s := store.SplitQuoteID(id)
	return fmt.Sprintf("%d:%d", a, s)
}

// parseQuoteID reads a quote ID as dossier quotes shows it, ARTICLE:START,
// or as the number in its JSON.
func parseQuoteID(s string) (dossier.QuoteID, error) {
	bad := dossier.Errorf(dossier.EINVALID, "%q is not a quote ID (ARTICLE:START, as dossier quotes shows it)", s)
	if a, st, ok := strings.Cut(s, ":"); ok {
		art, err1 := strconv.ParseUint(a, 10, 40)
		start, err2 := strconv.ParseUint(st, 10, 24)
		if err1 != nil || err2 != nil || art == 0 {
			return 0, bad
		}
		return store.QuoteID(dossier.ArticleID(art), int(start)), nil
	}
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id>>24 == 0 {
		return 0, bad
	}
	return dossier.QuoteID(id), nil
}

// dateJSON is an article's date for JSON: YYYY-MM-DD (the first day of a
// month or year known only so far), or null.
func dateJSON(d dossier.Date) *string {
	return toJSON(dossier.ArticleMeta{Published: d}).Date
}

type spanJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// quoteJSON is the shape of a quote in quotes --json and quote --json.
type quoteJSON struct {
	ID         dossier.QuoteID   `json:"id"`
	Ref        string            `json:"ref"` // ARTICLE:START, what the quote commands take
	Article    dossier.ArticleID `json:"article"`
	Title      string            `json:"title"`
	Outlet     string            `json:"outlet"`
	File       string            `json:"file"`
	Date       *string           `json:"date"`
	DateOrigin string            `json:"date_origin"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Spans      []spanJSON        `json:"spans"`
	Text       string            `json:"text"`
	Speaker    *string           `json:"speaker"` // canonical, through the alias table
	Mention    string            `json:"mention"` // as written
	Role       string            `json:"role"`
	Partial    bool              `json:"partial"`
	Corrected  string            `json:"corrected,omitempty"` // "speaker" or "add" when the user corrected it
}

func (v *notebookView) quoteJSON(q *dossier.Quote, corrected string) quoteJSON {
	m := v.metas[q.Article]
	j := quoteJSON{
		ID: q.ID, Ref: quoteRef(q.ID), Article: q.Article, Title: m.Title, Outlet: m.Outlet, File: m.File,
		Date: dateJSON(m.Published), DateOrigin: m.Published.Origin.String(),
		Start: q.Start(), End: q.End(), Text: q.Text, Mention: q.Mention, Role: q.Role, Partial: q.Partial,
		Corrected: corrected, Spans: make([]spanJSON, len(q.Spans)),
	}
	for i, s := range q.Spans {
		j.Spans[i] = spanJSON{s.Start, s.End}
	}
	if s := v.speaker(q.Speaker); s != "" {
		j.Speaker = &s
	}
	return j
}

// corrected maps each quote a live correction applies to onto its kind.
func corrected(n *store.Notebook) (map[dossier.QuoteID]string, error) {
	cs, err := n.Corrections()
	if err != nil {
		return nil, err
	}
	out := make(map[dossier.QuoteID]string, len(cs))
	for _, c := range cs {
		if !c.Orphan && c.Kind != store.CorrectDelete {
			out[c.Quote] = string(c.Kind)
		}
	}
	return out, nil
}

// sortQuotes orders quotes by their article's date, then by position.
func (v *notebookView) sortQuotes(qs []dossier.Quote) {
	sort.SliceStable(qs, func(i, j int) bool {
		if ri, rj := v.rank[qs[i].Article], v.rank[qs[j].Article]; ri != rj {
			return ri < rj
		}
		return qs[i].Start() < qs[j].Start()
	})
}

func runQuotes(m *Main, args []string) error {
	fs := newFlags(m, "quotes", "[--json] [--speaker NAME] [--article ID] [--query Q]",
		"Lists the quotations of the notebook by article date, then position. Speakers are merged\nthrough the alias table (see dossier alias).")
	asJSON := fs.Bool("json", false, "print a JSON array")
	speaker := fs.String("speaker", "", "only quotes of `NAME`: a full name, a spelling the alias table knows, or a surname")
	article := fs.String("article", "", "only the quotes of article `ID`")
	query := fs.String("query", "", "only quotes that match `Q` in the query language (speaker:, date:, outlet:, words)")
	if _, err := positional(fs, args, 0); err != nil {
		return err
	}
	q, err := parseQueryFlag(m, *query)
	if err != nil {
		return err
	}
	only, err := parseArticleFlag(*article)
	if err != nil {
		return err
	}
	n, al, v, err := m.openView(only)
	if err != nil {
		return err
	}
	defer n.Close()
	var qs []dossier.Quote
	switch {
	case *query != "":
		// Speakers match through the alias table ("Zelensky" finds every
		// spelling of Volodymyr Zelenskyy); tags of quotes match too.
		q = q.WithSpeakerCanon(speakerCanon(al))
		qs, err = n.QuotesMatching(q)
	case *article != "":
		qs, err = n.Quotes(only)
	default:
		err = n.EachQuote(func(q *dossier.Quote) error { qs = append(qs, *q); return nil })
	}
	if err != nil {
		return err
	}
	var match func(string) bool
	if *speaker != "" {
		match = speakerMatcher(al, *speaker)
	}
	kept := qs[:0]
	for _, x := range qs {
		if match != nil && !match(v.speaker(x.Speaker)) || only != 0 && x.Article != only {
			continue
		}
		kept = append(kept, x)
	}
	qs = kept
	v.sortQuotes(qs)
	if *asJSON {
		fixed, err := corrected(n)
		if err != nil {
			return err
		}
		out := make([]quoteJSON, len(qs))
		for i := range qs {
			out[i] = v.quoteJSON(&qs[i], fixed[qs[i].ID])
		}
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tSPEAKER\tQUOTE")
	for i := range qs {
		x := &qs[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", quoteRef(x.ID), v.metas[x.Article].Published.Label(), clip(v.who(x), 32), quoted(x, 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(qs) == 0 {
		fmt.Fprintln(m.Stderr, "no quotes; dossier extract finds them in articles imported before extraction was on")
	}
	return nil
}

// who is the speaker as a reader should see it: the canonical name, else the
// mention as written in parentheses, else a dash.
func (v *notebookView) who(q *dossier.Quote) string {
	if s := v.speaker(q.Speaker); s != "" {
		return s
	}
	if q.Mention != "" {
		return "(" + q.Mention + ")"
	}
	return "—"
}

// quoted shows a quote's text clipped, in quote marks; a partial quote is
// marked with a tilde.
func quoted(q *dossier.Quote, n int) string {
	s := "“" + clip(strings.Join(strings.Fields(q.Text), " "), n) + "”"
	if q.Partial {
		s = "~" + s
	}
	return s
}

// speakerJSON is the shape of a speaker in speakers --json.
type speakerJSON struct {
	Name      string   `json:"name"`
	Quotes    int      `json:"quotes"`
	Articles  int      `json:"articles"`
	First     *string  `json:"first_date"`
	Last      *string  `json:"last_date"`
	Roles     []string `json:"roles"`
	Spellings []string `json:"spellings"` // the names extraction resolved, before the alias table merged them
	Mentions  []string `json:"mentions"`  // as written in the articles, most frequent first
}

func runSpeakers(m *Main, args []string) error {
	fs := newFlags(m, "speakers", "[--json]", "Lists the people quoted, merged through the alias table, most quoted first.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if _, err := positional(fs, args, 0); err != nil {
		return err
	}
	n, al, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	v, err := newView(n, al)
	if err != nil {
		return err
	}
	type tally struct {
		j                          speakerJSON
		articles                   map[dossier.ArticleID]bool
		first, last                dossier.Date
		roles, spellings, mentions map[string]int
	}
	by := map[string]*tally{}
	unknown := 0
	err = n.EachQuote(func(q *dossier.Quote) error {
		name := v.speaker(q.Speaker)
		if name == "" {
			unknown++
			return nil
		}
		t := by[name]
		if t == nil {
			t = &tally{j: speakerJSON{Name: name}, articles: map[dossier.ArticleID]bool{},
				roles: map[string]int{}, spellings: map[string]int{}, mentions: map[string]int{}}
			by[name] = t
		}
		t.j.Quotes++
		t.articles[q.Article] = true
		if d := v.metas[q.Article].Published; !d.IsZero() {
			if t.first.IsZero() || d.Time.Before(t.first.Time) {
				t.first = d
			}
			if t.last.IsZero() || d.Time.After(t.last.Time) {
				t.last = d
			}
		}
		if q.Role != "" {
			t.roles[q.Role]++
		}
		t.spellings[q.Speaker]++
		if q.Mention != "" {
			t.mentions[q.Mention]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	out := make([]speakerJSON, 0, len(by))
	for _, t := range by {
		t.j.Articles = len(t.articles)
		t.j.First, t.j.Last = dateJSON(t.first), dateJSON(t.last)
		t.j.Roles, t.j.Spellings, t.j.Mentions = byCount(t.roles), byCount(t.spellings), byCount(t.mentions)
		out = append(out, t.j)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Quotes != out[j].Quotes {
			return out[i].Quotes > out[j].Quotes
		}
		return out[i].Name < out[j].Name
	})
	if *asJSON {
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SPEAKER\tQUOTES\tARTICLES\tFIRST\tLAST\tMENTIONS")
	for _, s := range out {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", clip(s.Name, 32), s.Quotes, s.Articles,
			orDash(deref(s.First)), orDash(deref(s.Last)), clip(strings.Join(s.Mentions, ", "), 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if unknown > 0 {
		fmt.Fprintf(m.Stdout, "\n%d quotes without a known speaker\n", unknown)
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// byCount returns the keys of a tally, most frequent first, then in order.
func byCount(c map[string]int) []string {
	out := make([]string, 0, len(c))
	for k := range c {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if c[out[i]] != c[out[j]] {
			return c[out[i]] > c[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// figureJSON is the shape of a figure in figures --json.
type figureJSON struct {
	Article   dossier.ArticleID `json:"article"`
	Title     string            `json:"title"`
	Outlet    string            `json:"outlet"`
	File      string            `json:"file"`
	Date      *string           `json:"date"`
	Start     int               `json:"start"`
	End       int               `json:"end"`
	Value     int64             `json:"value"`
	Qualifier string            `json:"qualifier"`
	Unit      string            `json:"unit"`
	Claimant  *string           `json:"claimant"` // canonical, through the alias table; null when the text names no one
	Sentence  string            `json:"sentence"`
}

func runFigures(m *Main, args []string) error {
	fs := newFlags(m, "figures", "[--json] [--article ID] [--query Q]", "Lists the troop figures the articles report, by article date, then position.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	article := fs.String("article", "", "only the figures of article `ID`")
	query := fs.String("query", "", "only figures that match `Q` in the query language (speaker: for the claimant, date:, outlet:, words of the sentence)")
	if _, err := positional(fs, args, 0); err != nil {
		return err
	}
	q, err := parseQueryFlag(m, *query)
	if err != nil {
		return err
	}
	only, err := parseArticleFlag(*article)
	if err != nil {
		return err
	}
	n, al, v, err := m.openView(only)
	if err != nil {
		return err
	}
	defer n.Close()
	var all []dossier.Figure
	if *query != "" {
		// Claimants match through the alias table, as quotes' speakers do.
		q = q.WithSpeakerCanon(speakerCanon(al))
		all, err = n.FiguresMatching(q)
	} else {
		all, err = n.Figures()
	}
	if err != nil {
		return err
	}
	fs2 := all[:0]
	for _, f := range all {
		if only == 0 || f.Article == only {
			fs2 = append(fs2, f)
		}
	}
	sort.SliceStable(fs2, func(i, j int) bool {
		if ri, rj := v.rank[fs2[i].Article], v.rank[fs2[j].Article]; ri != rj {
			return ri < rj
		}
		return fs2[i].Span.Start < fs2[j].Span.Start
	})
	if *asJSON {
		out := make([]figureJSON, len(fs2))
		for i, f := range fs2 {
			am := v.metas[f.Article]
			out[i] = figureJSON{
				Article: f.Article, Title: am.Title, Outlet: am.Outlet, File: am.File, Date: dateJSON(am.Published),
				Start: f.Span.Start, End: f.Span.End, Value: f.Value, Qualifier: f.Qualifier, Unit: f.Unit, Sentence: f.Sentence,
			}
			if c := v.speaker(f.Claimant); c != "" {
				out[i].Claimant = &c
			}
		}
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ARTICLE\tDATE\tFIGURE\tCLAIMANT\tOUTLET")
	for _, f := range fs2 {
		am := v.metas[f.Article]
		fig := strings.TrimSpace(f.Qualifier + " " + groupDigits(f.Value) + " " + f.Unit)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", f.Article, am.Published.Label(), fig, orDash(clip(v.speaker(f.Claimant), 32)), clip(am.Outlet, 24))
	}
	return tw.Flush()
}

// groupDigits writes 94000 as 94,000.
func groupDigits(v int64) string {
	s := strconv.FormatInt(v, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func runExtract(m *Main, args []string) error {
	fs := newFlags(m, "extract", "", "Finds quotes, speakers and figures again in every article, with the current extractor\nand alias table. Corrections made with dossier quote are applied again.")
	if _, err := positional(fs, args, 0); err != nil {
		return err
	}
	n, _, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	start := time.Now()
	articles := 0
	err = n.ReExtract(100, func(done, total int) {
		articles = total
		fmt.Fprintf(m.Stderr, "\r%d/%d articles", done, total)
	})
	if articles > 0 {
		fmt.Fprintln(m.Stderr)
	}
	if err != nil {
		return err
	}
	quotes := 0
	if err := n.EachQuote(func(*dossier.Quote) error { quotes++; return nil }); err != nil {
		return err
	}
	figs, err := n.Figures()
	if err != nil {
		return err
	}
	cs, err := n.Corrections()
	if err != nil {
		return err
	}
	orphans := 0
	for _, c := range cs {
		if c.Orphan {
			orphans++
		}
	}
	fmt.Fprintf(m.Stdout, "%d articles: %d quotes, %d figures; %d corrections applied", articles, quotes, len(figs), len(cs)-orphans)
	if orphans > 0 {
		fmt.Fprintf(m.Stdout, ", %d no longer match their article's text (see dossier quote corrections)", orphans)
	}
	fmt.Fprintf(m.Stdout, " (%.1fs)\n", time.Since(start).Seconds())
	return nil
}

// quoteCommands are the subcommands of dossier quote.
var quoteCommands = []struct {
	name, args, summary string
	run                 func(m *Main, args []string) error
}{
	{"speaker", "QUOTE NAME [--role ROLE] [--json]", "set who said a quote (NAME \"\" for unknown)", runQuoteSpeaker},
	{"delete", "QUOTE", "delete a false quote", runQuoteDelete},
	{"add", "ARTICLE (--start N --end N | --find TEXT) [--speaker NAME] [--json]", "add a quote the extractor missed", runQuoteAdd},
	{"revert", "QUOTE", "drop your correction of a quote: the extractor's quote again", runQuoteRevert},
	{"corrections", "[--json]", "list your corrections, and those whose text is gone", runCorrections},
}

func runQuote(m *Main, args []string) error {
	if len(args) > 0 {
		for _, c := range quoteCommands {
			if c.name == args[0] {
				return c.run(m, args[1:])
			}
		}
	}
	w := m.Stderr
	fmt.Fprintf(w, "Usage: dossier quote COMMAND ARGS\n\nCorrects quotes; every correction is kept when extraction runs again.\nQUOTE is a quote's ID as dossier quotes shows it: ARTICLE:START.\n\nCommands:\n")
	for _, c := range quoteCommands {
		fmt.Fprintf(w, "  %-12s %s\n  %-12s   %s\n", c.name, c.args, "", c.summary)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		return errHelp
	}
	return errUsage
}

// printQuote shows one quote after a change, as a line or as JSON.
func printQuote(m *Main, n *store.Notebook, al *extract.Aliases, id dossier.QuoteID, asJSON bool) error {
	q, err := n.Quote(id)
	if err != nil {
		return err
	}
	v, err := newView(n, al)
	if err != nil {
		return err
	}
	if asJSON {
		fixed, err := corrected(n)
		if err != nil {
			return err
		}
		return writeJSON(m.Stdout, v.quoteJSON(&q, fixed[id]))
	}
	fmt.Fprintf(m.Stdout, "%s  %s  %s\n", quoteRef(id), v.who(&q), quoted(&q, 100))
	return nil
}

func runQuoteSpeaker(m *Main, args []string) error {
	fs := newFlags(m, "quote speaker", "QUOTE NAME [--role ROLE] [--json]", "Sets who said a quote; NAME \"\" marks the speaker unknown.")
	role := fs.String("role", "", "the speaker's `ROLE` or title, e.g. \"Press Secretary\"")
	asJSON := fs.Bool("json", false, "print the quote as a JSON object")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		fs.Usage()
		return errUsage
	}
	id, err := parseQuoteID(pos[0])
	if err != nil {
		return err
	}
	n, al, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	if err := n.SetQuoteSpeaker(id, strings.Join(pos[1:], " "), *role); err != nil {
		return err
	}
	return printQuote(m, n, al, id, *asJSON)
}

func runQuoteDelete(m *Main, args []string) error {
	fs := newFlags(m, "quote delete", "QUOTE", "Deletes a false quote; it stays deleted when extraction runs again.")
	pos, err := positional(fs, args, 1)
	if err != nil {
		return err
	}
	id, err := parseQuoteID(pos[0])
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	if err := n.DeleteQuote(id); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "deleted quote %s\n", quoteRef(id))
	return nil
}

func runQuoteRevert(m *Main, args []string) error {
	fs := newFlags(m, "quote revert", "QUOTE", "Drops your correction of a quote and finds the article's quotes again.")
	pos, err := positional(fs, args, 1)
	if err != nil {
		return err
	}
	id, err := parseQuoteID(pos[0])
	if err != nil {
		return err
	}
	n, _, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	if err := n.RevertQuote(id); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "reverted quote %s\n", quoteRef(id))
	return nil
}

func runQuoteAdd(m *Main, args []string) error {
	fs := newFlags(m, "quote add", "ARTICLE (--start N --end N | --find TEXT) [--speaker NAME] [--json]",
		"Adds a quote the extractor missed. Offsets count characters (runes) of the article's text,\nas dossier show --json gives it; --find takes the place of a text found there once.")
	start := fs.Int("start", -1, "where the quote starts: `N` characters into the text")
	end := fs.Int("end", -1, "where the quote ends (exclusive)")
	find := fs.String("find", "", "the quote's `TEXT`, found once in the article, instead of --start and --end")
	speaker := fs.String("speaker", "", "who said it")
	asJSON := fs.Bool("json", false, "print the quote as a JSON object")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (*find == "") == (*start < 0 && *end < 0) {
		fs.Usage()
		return errUsage
	}
	art, err := parseID(pos[0])
	if err != nil {
		return err
	}
	n, al, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	span := dossier.Span{Start: *start, End: *end}
	if *find != "" {
		body, err := n.Body(art)
		if err != nil {
			return err
		}
		if span, err = findOnce(body, *find); err != nil {
			return err
		}
	}
	id, err := n.AddQuote(art, []dossier.Span{span}, *speaker)
	if err != nil {
		return err
	}
	return printQuote(m, n, al, id, *asJSON)
}

// findOnce returns the rune span of text in body, which must hold it once.
func findOnce(body, text string) (dossier.Span, error) {
	text = strings.TrimSpace(text)
	i := strings.Index(body, text)
	if text == "" || i < 0 {
		return dossier.Span{}, dossier.Errorf(dossier.EINVALID, "%q is not in the article's text", text)
	}
	if strings.Contains(body[i+1:], text) {
		return dossier.Span{}, dossier.Errorf(dossier.EINVALID, "%q is in the article more than once: give --start and --end", text)
	}
	s := len([]rune(body[:i]))
	return dossier.Span{Start: s, End: s + len([]rune(text))}, nil
}

// correctionJSON is the shape of a correction in quote corrections --json.
type correctionJSON struct {
	ID      dossier.QuoteID   `json:"id"`
	Ref     string            `json:"ref"`
	Article dossier.ArticleID `json:"article"`
	Kind    string            `json:"kind"` // "speaker", "delete" or "add"
	Spans   []spanJSON        `json:"spans"`
	Text    string            `json:"text"`
	Speaker *string           `json:"speaker"`
	Role    string            `json:"role"`
	Orphan  bool              `json:"orphan"` // the article's text changed and the quote's text is gone: not applied
	Made    time.Time         `json:"made"`
}

func runCorrections(m *Main, args []string) error {
	fs := newFlags(m, "quote corrections", "[--json]", "Lists your corrections of quotes. An orphan is one whose text is no longer in its article\n(the article was updated): it is kept, but not applied.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if _, err := positional(fs, args, 0); err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	cs, err := n.Corrections()
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]correctionJSON, len(cs))
		for i, c := range cs {
			art, _ := store.SplitQuoteID(c.Quote)
			out[i] = correctionJSON{ID: c.Quote, Ref: quoteRef(c.Quote), Article: art, Kind: string(c.Kind),
				Spans: make([]spanJSON, len(c.Spans)), Text: c.Text, Role: c.Role, Orphan: c.Orphan, Made: c.Made}
			for k, s := range c.Spans {
				out[i].Spans[k] = spanJSON{s.Start, s.End}
			}
			if c.Kind != store.CorrectDelete && c.Speaker != "" {
				out[i].Speaker = &c.Speaker
			}
		}
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCHANGE\tSPEAKER\tQUOTE")
	for _, c := range cs {
		kind := string(c.Kind)
		if c.Orphan {
			kind += " (orphan)"
		}
		who := "—"
		if c.Kind != store.CorrectDelete && c.Speaker != "" {
			who = c.Speaker
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t“%s”\n", quoteRef(c.Quote), kind, clip(who, 32), clip(c.Text, 70))
	}
	return tw.Flush()
}

// aliasJSON is the shape of an entry in alias --json.
type aliasJSON struct {
	Alias     string `json:"alias"`     // lower case: names match without regard to case
	Canonical string `json:"canonical"` // the name it stands for
	Source    string `json:"source"`    // "built-in" or "notebook"
}

func runAlias(m *Main, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "add":
			return runAliasAdd(m, args[1:])
		case "remove":
			return runAliasRemove(m, args[1:])
		}
	}
	fs := newFlags(m, "alias", "[--json] | add ALIAS NAME | remove ALIAS",
		"Shows the alias table: the spellings of names that are one speaker (\"Zelensky\" is\nVolodymyr Zelenskyy). Listings merge speakers through it at once; dossier extract\nuses it to resolve names in the text.\n\n  dossier alias add ALIAS NAME   make ALIAS a spelling of NAME\n  dossier alias remove ALIAS     forget ALIAS, built-in ones too")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if _, err := positional(fs, args, 0); err != nil {
		return err
	}
	n, al, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	stored, err := n.AliasPairs()
	if err != nil {
		return err
	}
	mine := map[string]bool{}
	for _, p := range stored {
		mine[p[0]] = p[1] != ""
	}
	pairs := al.Pairs()
	out := make([]aliasJSON, len(pairs))
	for i, p := range pairs {
		out[i] = aliasJSON{Alias: p.Alias, Canonical: p.Canonical, Source: "built-in"}
		if mine[p.Alias] {
			out[i].Source = "notebook"
		}
	}
	if *asJSON {
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tALIAS\tSOURCE")
	for _, a := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", a.Canonical, a.Alias, a.Source)
	}
	return tw.Flush()
}

func runAliasAdd(m *Main, args []string) error {
	fs := newFlags(m, "alias add", "ALIAS NAME", "Makes ALIAS a spelling of NAME for the whole notebook; quote both when they have spaces.")
	pos, err := positional(fs, args, 2)
	if err != nil {
		return err
	}
	n, al, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	// A NAME that is itself a spelling stands for what it spells.
	canon := al.Canonical(strings.Join(strings.Fields(pos[1]), " "))
	if err := n.SetAlias(pos[0], canon); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s is now %s\n", strings.TrimSpace(pos[0]), canon)
	return nil
}

func runAliasRemove(m *Main, args []string) error {
	fs := newFlags(m, "alias remove", "ALIAS", "Forgets ALIAS as a spelling, also a built-in one.")
	pos, err := positional(fs, args, 1)
	if err != nil {
		return err
	}
	n, al, err := m.openExtracting()
	if err != nil {
		return err
	}
	defer n.Close()
	alias := strings.ToLower(strings.Join(strings.Fields(pos[0]), " "))
	known := false
	for _, p := range al.Pairs() {
		known = known || p.Alias == alias
	}
	if !known {
		return dossier.Errorf(dossier.ENOTFOUND, "%q is not in the alias table (see dossier alias)", pos[0])
	}
	if err := n.RemoveAlias(alias); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "removed the alias %s\n", pos[0])
	return nil
}

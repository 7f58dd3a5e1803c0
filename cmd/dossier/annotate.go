package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"dossier"
)

func init() {
	register(command{"annotate", "ARTICLE (--start N --end N | --quote TEXT | --whole) --tag T... [--note TEXT]", "tag a passage of an article (or the whole article)", runAnnotate})
	register(command{"passages", "[--json] [--query Q]", "list the tagged passages", runPassages})
	register(command{"tags", "[--json]", "list the tags with their colours and counts", runTags})
	register(command{"tag", "rename|merge|color|describe|delete ...", "rename, merge, colour, describe or delete a tag", runTag})
	register(command{"undo", "", "undo the last change", runUndo})
	register(command{"redo", "", "redo the last change undone", runRedo})
	register(command{"history", "[--json] [-n N]", "list the changes that undo and redo step through", runHistory})
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runAnnotate(m *Main, args []string) error {
	const use = "ARTICLE (--start N --end N | --quote TEXT | --whole) --tag T... [--note TEXT]"
	fs := newFlags(m, "annotate", use, "Tags a passage of an article, given by rune offsets or by its exact text, with a note;\nor, with --whole, tags the whole article.")
	start := fs.Int("start", -1, "the passage's first rune (from 0)")
	end := fs.Int("end", -1, "the rune after the passage's last")
	quote := fs.String("quote", "", "the passage's exact text; it must occur once in the article")
	whole := fs.Bool("whole", false, "tag the whole article")
	note := fs.String("note", "", "a note on the passage (may span lines)")
	var tags stringList
	fs.Var(&tags, "tag", "a tag, like actor/russia (repeat for more)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	byOffsets := *start >= 0 || *end >= 0
	modes := 0
	for _, b := range []bool{byOffsets, *quote != "", *whole} {
		if b {
			modes++
		}
	}
	if len(pos) != 1 || modes != 1 || (byOffsets && (*start < 0 || *end < 0)) || (*whole && len(tags) == 0) {
		fs.Usage()
		return errUsage
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	if *whole {
		have, err := n.ArticleTags(id)
		if err != nil {
			return err
		}
		if err := n.SetArticleTags(id, append(have, tags...)); err != nil {
			return err
		}
		have, _ = n.ArticleTags(id)
		fmt.Fprintf(m.Stdout, "article %d: %s\n", id, strings.Join(have, ", "))
		return nil
	}
	s, e := *start, *end
	if *quote != "" {
		if s, e, err = n.FindText(id, *quote); err != nil {
			return err
		}
	}
	p, err := n.AddPassage(id, s, e, tags, *note)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "passage %d: article %d, %d-%d %s\n", p.ID, p.Article, p.Start, p.End, strings.Join(p.Tags, ", "))
	return nil
}

// passageJSON is the shape of a passage in passages --json.
type passageJSON struct {
	ID      dossier.PassageID `json:"id"`
	Article dossier.ArticleID `json:"article"`
	Start   int               `json:"start"`
	End     int               `json:"end"`
	Text    string            `json:"text"`
	Tags    []string          `json:"tags"`
	Note    string            `json:"note"`
	Orphan  bool              `json:"orphan"`
}

// parseQueryFlag parses a --query value; a mistake is shown with a caret.
func parseQueryFlag(m *Main, s string) (*dossier.Query, error) {
	q, err := dossier.ParseQuery(s)
	if qe, ok := err.(*dossier.QueryError); ok {
		fmt.Fprintf(m.Stderr, "dossier: query: %s\n%s\n", qe.Error(), qe.Caret(s))
		return nil, errFailed
	}
	return q, err
}

func runPassages(m *Main, args []string) error {
	fs := newFlags(m, "passages", "[--json] [--query Q]", "Lists the tagged passages by article and position; orphans (whose text is no longer found) included.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	query := fs.String("query", "", "only the passages that match `Q`, e.g. 'tag:actor/russia date:2021-12'")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	q, err := parseQueryFlag(m, *query)
	if err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	ps, err := n.Passages(q)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]passageJSON, len(ps))
		for i, p := range ps {
			tags := p.Tags
			if tags == nil {
				tags = []string{}
			}
			out[i] = passageJSON{ID: p.ID, Article: p.Article, Start: p.Start, End: p.End, Text: p.Text, Tags: tags, Note: p.Note, Orphan: p.Orphan}
		}
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tARTICLE\tSPAN\tTAGS\tTEXT")
	for _, p := range ps {
		span := fmt.Sprintf("%d-%d", p.Start, p.End)
		if p.Orphan {
			span += " orphan"
		}
		text := clip(strings.Join(strings.Fields(p.Text), " "), 70)
		if p.Note != "" {
			text += " — " + clip(strings.Join(strings.Fields(p.Note), " "), 40)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\n", p.ID, p.Article, span, strings.Join(p.Tags, ", "), text)
	}
	return tw.Flush()
}

// tagJSON is the shape of a tag in tags --json.
type tagJSON struct {
	Path        string `json:"path"`
	Color       string `json:"color"`
	Description string `json:"description"`
	Count       int    `json:"count"` // passages, articles and quotes with the tag itself
	Total       int    `json:"total"` // with the tag or one under it
}

func runTags(m *Main, args []string) error {
	fs := newFlags(m, "tags", "[--json]", "Lists the tags in path order with colour, description, own count and total with sub-tags.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	ts, err := n.Tags()
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]tagJSON, len(ts))
		for i, t := range ts {
			out[i] = tagJSON{Path: t.Path, Color: t.Color, Description: t.Description, Count: t.Count, Total: t.Total}
		}
		return writeJSON(m.Stdout, out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TAG\tCOLOUR\tCOUNT\tTOTAL\tDESCRIPTION")
	for _, t := range ts {
		depth := strings.Count(t.Path, "/")
		name := strings.Repeat("  ", depth) + t.Path[strings.LastIndexByte(t.Path, '/')+1:]
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", name, t.Color, t.Count, t.Total, clip(t.Description, 60))
	}
	return tw.Flush()
}

const tagUse = `rename OLD NEW | merge FROM INTO | color TAG COLOR | describe TAG TEXT | delete TAG [--force]`

func runTag(m *Main, args []string) error {
	fs := newFlags(m, "tag", tagUse, `Changes a tag:
  rename OLD NEW     renames or moves a tag with the tags under it
  merge FROM INTO    moves everything tagged FROM to INTO and removes FROM
  color TAG COLOR    sets a tag's colour, like #4E79A7
  describe TAG TEXT  sets a tag's description
  delete TAG         deletes a tag and those under it; one in use needs --force`)
	force := fs.Bool("force", false, "delete a tag that passages use (they stay, without it)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	want := map[string]int{"rename": 3, "merge": 3, "color": 3, "colour": 3, "describe": 3, "delete": 2}
	if len(pos) == 0 || want[pos[0]] == 0 || len(pos) != want[pos[0]] {
		fs.Usage()
		return errUsage
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	switch pos[0] {
	case "rename":
		err = n.RenameTag(pos[1], pos[2])
	case "merge":
		err = n.MergeTag(pos[1], pos[2])
	case "color", "colour":
		err = n.SetTagColor(pos[1], pos[2])
	case "describe":
		err = n.DescribeTag(pos[1], pos[2])
	case "delete":
		err = n.DeleteTag(pos[1], *force)
	}
	if err != nil {
		return err
	}
	h, err := n.History(1)
	if err == nil && len(h) == 1 {
		fmt.Fprintln(m.Stdout, h[0].Summary)
	}
	return nil
}

func runUndo(m *Main, args []string) error { return undoRedo(m, args, "undo") }
func runRedo(m *Main, args []string) error { return undoRedo(m, args, "redo") }

func undoRedo(m *Main, args []string, which string) error {
	summary := "Undoes the last change: a passage, a note, a tag operation, a quote correction, an import, a delete."
	if which == "redo" {
		summary = "Does again the last change that undo undid."
	}
	fs := newFlags(m, which, "", summary)
	if pos, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(pos) != 0 {
		fs.Usage()
		return errUsage
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	step := n.Undo
	verb := "undone"
	if which == "redo" {
		step, verb = n.Redo, "redone"
	}
	s, err := step()
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s: %s\n", verb, s)
	return nil
}

// opJSON is the shape of a change in history --json.
type opJSON struct {
	Seq     uint64 `json:"seq"`
	Kind    string `json:"kind"`
	Summary string `json:"summary"`
	At      string `json:"at"`
	Undone  bool   `json:"undone"`
}

func runHistory(m *Main, args []string) error {
	fs := newFlags(m, "history", "[--json] [-n N]", "Lists the latest changes, newest first; undone ones (which redo does again) are marked.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	count := fs.Int("n", 20, "how many changes")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	n, err := m.open()
	if err != nil {
		return err
	}
	defer n.Close()
	ops, err := n.History(*count)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]opJSON, len(ops))
		for i, o := range ops {
			out[i] = opJSON{Seq: o.Seq, Kind: o.Kind, Summary: o.Summary, At: o.At.Format("2006-01-02T15:04:05Z07:00"), Undone: o.Undone}
		}
		return writeJSON(m.Stdout, out)
	}
	for _, o := range ops {
		mark := " "
		if o.Undone {
			mark = "↶"
		}
		fmt.Fprintf(m.Stdout, "%s %s  %s\n", mark, o.At.Local().Format("2006-01-02 15:04"), o.Summary)
	}
	return nil
}

var _ flag.Value = (*stringList)(nil)

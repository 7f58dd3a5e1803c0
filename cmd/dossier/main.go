// Command dossier is the Dossier research notebook. With no arguments it
// opens the desktop window; its subcommands work on a notebook without a
// display: articles (import, list, show, stats, delete), who said what
// (quotes, speakers, figures, extract, quote, alias), annotations
// (annotate, passages, tags, tag, undo, redo, history) and search. Run
// "dossier --help" for the list and "dossier COMMAND --help" for each.
//
// The notebook is FILE, else $DOSSIER_DB, else notebook.dossier in the app's
// storage folder. A new notebook starts with the five seed articles unless
// --no-seed is given.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"

	"dossier"
	"dossier/ingest"
	"dossier/seeds"
	"dossier/store"
)

// AppID is the application's identifier: it names the storage folder.
const AppID = "org.dossiernotes.dossier"

// errUsage marks a command line that could not be understood: exit status 2.
var errUsage = errors.New("usage")

// errFailed marks a command that did part of its work and reported what
// failed (an import with bad files): exit status 1 without a further message.
var errFailed = errors.New("failed")

// Main holds what every subcommand shares: where the notebook is and where
// output goes. Wiring of the packages lives here and nowhere else.
type Main struct {
	DBPath string
	NoSeed bool
	Stdout io.Writer
	Stderr io.Writer
	Ctx    context.Context
}

type command struct {
	name    string
	args    string
	summary string
	run     func(m *Main, args []string) error
}

// commands is the table of subcommands; each file adds its own in init.
var commands []command

func register(c command) { commands = append(commands, c) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Ctx: ctx}
	err := m.Run(os.Args[1:])
	stop()
	os.Exit(exitStatus(m.Stderr, err))
}

func exitStatus(stderr io.Writer, err error) int {
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errFailed):
		return 1
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintln(stderr, "dossier:", dossier.ErrorMessage(err))
	if dossier.ErrorCode(err) == dossier.EINTERNAL && os.Getenv("DOSSIER_DEBUG") != "" {
		fmt.Fprintln(stderr, "cause:", err)
	}
	return 1
}

// Run parses the global flags and runs the subcommand, or the GUI when there
// is none.
func (m *Main) Run(args []string) error {
	fs := flag.NewFlagSet("dossier", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.StringVar(&m.DBPath, "db", os.Getenv("DOSSIER_DB"), "the notebook `file` (default $DOSSIER_DB, else the app's storage folder)")
	fs.BoolVar(&m.NoSeed, "no-seed", false, "start a new notebook empty, without the seed articles")
	fs.Usage = func() { m.usage(fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if m.DBPath == "" {
		p, err := DefaultPath()
		if err != nil {
			return err
		}
		m.DBPath = p
	}
	if fs.NArg() == 0 {
		return m.runGUI(nil)
	}
	name, rest := fs.Arg(0), fs.Args()[1:]
	for _, c := range commands {
		if c.name == name {
			return c.run(m, rest)
		}
	}
	if name == "help" {
		m.usage(fs)
		return nil
	}
	fmt.Fprintf(m.Stderr, "dossier: unknown command %q; see dossier --help\n", name)
	return errUsage
}

func (m *Main) usage(fs *flag.FlagSet) {
	w := m.Stderr
	fmt.Fprintf(w, "Usage: dossier [--db FILE] [--no-seed] [COMMAND [ARGS]]\n\nWith no command, opens the notebook window.\n\nCommands:\n")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %s %s\n        %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, "\nGlobal flags:\n")
	fs.PrintDefaults()
}

// DefaultPath is the notebook used when neither --db nor DOSSIER_DB is
// given: notebook.dossier in the folder where Fyne keeps this app's data.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if runtime.GOOS == "darwin" {
		if home, herr := os.UserHomeDir(); herr == nil {
			dir, err = filepath.Join(home, "Library", "Preferences"), nil
		}
	}
	if err != nil {
		return "", dossier.Wrap(err, dossier.EINVALID, "no folder for the notebook: give --db FILE or set DOSSIER_DB")
	}
	return filepath.Join(dir, "fyne", AppID, "notebook.dossier"), nil
}

// open opens the notebook with extraction wired, seeding it when it is new.
func (m *Main) open() (*store.Notebook, error) {
	n, err := m.openNotebook()
	if err != nil {
		return nil, err
	}
	if n.Created() && !m.NoSeed {
		if err := m.seed(n); err != nil {
			n.Close()
			return nil, err
		}
	}
	return n, nil
}

func (m *Main) seed(n *store.Notebook) error {
	defer n.Group("Import the seed articles")()
	imp := m.importer(n)
	rep, err := imp.ImportFS(m.ctx(), seeds.FS, ".")
	if err != nil {
		return err
	}
	if rep.Failed() {
		return dossier.Errorf(dossier.EINTERNAL, "the seed articles did not import: %v", rep.Problems)
	}
	return nil
}

func (m *Main) ctx() context.Context {
	if m.Ctx == nil {
		return context.Background()
	}
	return m.Ctx
}

// importer wires the ingest pipeline to a notebook.
func (m *Main) importer(n *store.Notebook) *ingest.Importer {
	return &ingest.Importer{Saver: n, Options: importOptions()}
}

// parseFlags parses a subcommand's flags, also when they follow its
// positional arguments ("show 3 --json"), and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

var errHelp = errors.New("help")

// positional parses a subcommand's flags and returns its positional
// arguments, which must be exactly n; otherwise it prints the usage.
func positional(fs *flag.FlagSet, args []string, n int) ([]string, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != n {
		fs.Usage()
		return nil, errUsage
	}
	return pos, nil
}

func newFlags(m *Main, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: dossier %s %s\n\n%s\n", name, args, summary)
		var flags strings.Builder
		fs.SetOutput(&flags)
		fs.PrintDefaults()
		fs.SetOutput(m.Stderr)
		if flags.Len() > 0 {
			fmt.Fprintf(m.Stderr, "\nFlags:\n%s", flags.String())
		}
	}
	return fs
}

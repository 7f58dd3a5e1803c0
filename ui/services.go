package ui

import (
	"context"
	"time"

	"dossier"
)

// Notebook is what the window needs of an open notebook. cmd/dossier
// adapts *store.Notebook to it; tests use a fake. Every method may be
// called from a background goroutine; none touches widgets.
type Notebook interface {
	dossier.ArticleReader // ArticleMetas, Article

	ArticlesMatching(q *dossier.Query) ([]dossier.ArticleMeta, error)
	Passages(q *dossier.Query) ([]dossier.Passage, error)
	PassagesOf(a dossier.ArticleID) ([]dossier.Passage, error)
	Quotes(a dossier.ArticleID) ([]dossier.Quote, error)
	QuotesMatching(q *dossier.Query) ([]dossier.Quote, error)
	// FiguresMatching returns the reported figures that match q.
	FiguresMatching(q *dossier.Query) ([]dossier.Figure, error)

	AddPassage(a dossier.ArticleID, start, end int, tags []string, note string) (dossier.Passage, error)
	// SetPassage replaces a passage's tags and note.
	SetPassage(id dossier.PassageID, tags []string, note string) error
	DeletePassage(id dossier.PassageID) error
	SetQuoteSpeaker(id dossier.QuoteID, speaker, role string) error

	Tags() ([]TagCount, error)
	SetTagColor(path, color string) error

	Undo() (summary string, err error)
	Redo() (summary string, err error)

	// What the CLI can do to a notebook, the window can do too. Each is one
	// step of undo.

	// RenameTag renames or moves a tag with the tags under it; a conflict
	// error when to is already a tag (MergeTag joins two).
	RenameTag(from, to string) error
	// MergeTag moves everything tagged from to into and removes from.
	MergeTag(from, into string) error
	DescribeTag(path, description string) error
	// DeleteTag deletes a tag and those under it; one in use only with
	// force (a conflict error otherwise), and what used it stays.
	DeleteTag(path string, force bool) error
	// TagUsage counts the passages, and the articles and quotes, that carry
	// tag or a tag under it.
	TagUsage(tag string) (passages, others int, err error)

	// DeleteArticle removes an article with its passages and quotes.
	DeleteArticle(id dossier.ArticleID) error
	// ArticleTags are the tags of a whole article; SetArticleTags replaces
	// them (nil for none).
	ArticleTags(id dossier.ArticleID) ([]string, error)
	SetArticleTags(id dossier.ArticleID, tags []string) error
	QuoteTags(id dossier.QuoteID) ([]string, error)
	SetQuoteTags(id dossier.QuoteID, tags []string) error

	// DeleteQuote removes a false quote; AddQuote adds one the extractor
	// missed over spans of the article's body; RevertQuote drops the
	// user's correction of a quote. All survive extraction.
	DeleteQuote(id dossier.QuoteID) error
	AddQuote(a dossier.ArticleID, spans []dossier.Span, speaker string) (dossier.QuoteID, error)
	RevertQuote(id dossier.QuoteID) error
	// Corrected reports whether the user corrected a quote (RevertQuote
	// has something to drop). It reads little: the context menu asks it.
	Corrected(id dossier.QuoteID) (bool, error)

	// Aliases is the table of speaker spellings: the built-in ones with the
	// notebook's changes laid over them, by alias.
	Aliases() ([]Alias, error)
	// SetAlias makes alias a spelling of name; RemoveAlias forgets a
	// spelling, built-in ones too.
	SetAlias(alias, name string) error
	RemoveAlias(alias string) error

	// ReExtract finds quotes and figures again in every article, keeping
	// the user's corrections, reporting progress; long, called in the
	// background.
	ReExtract(batchSize int, progress func(done, total int)) error
	// Backup writes a consistent copy of the notebook to path while it
	// stays open.
	Backup(path string) error

	// Steps lists up to max steps of the undo log, newest first.
	Steps(max int) ([]Step, error)
	// StepTo undoes (undone true) or redoes steps until the step seq is
	// undone, or done, and returns how many steps it took.
	StepTo(seq uint64, undone bool) (int, error)
}

// Alias is one spelling of a speaker's name: Alias (lower case) stands for
// Name. BuiltIn says it comes with Dossier, not from the notebook.
type Alias struct {
	Alias   string
	Name    string
	BuiltIn bool
}

// Step is a change in the undo log. Undone steps are what redo does again.
type Step struct {
	Seq     uint64
	Kind    string // "passage", "tag", "import", "delete", "quote", ...
	Summary string
	At      time.Time
	Undone  bool
}

// TagCount is a tag with how many items carry it (Count) and how many carry
// it or a tag under it (Total).
type TagCount struct {
	dossier.Tag
	Count int
	Total int
}

// SearchResult is one hit of the fuzzy search: Kind is "article", "quote",
// "speaker", "passage", "note", "tag" or "outlet"; Matches are rune offsets
// into Text of the matched characters, for highlighting.
type SearchResult struct {
	Kind    string
	ID      uint64
	Text    string
	Ref     string // how the item is named to the user ("4:2570" for a quote), may be ""
	Score   int
	Matches []int
}

// ImportProgress is how far a background import has got.
type ImportProgress struct {
	FilesDone, FilesTotal, Articles int
}

// ImportSummary is what an import did, for the summary dialog.
type ImportSummary struct {
	Summary  string   // one line: "12 files read: 10 added, 2 duplicate"
	Problems []string // "file: row 3: reason", one each
	Failed   bool     // some file or row could not be imported
}

// Services are the operations the window needs beyond the notebook itself,
// wired by cmd/dossier. A nil func hides the feature that uses it.
type Services struct {
	// Search runs a fuzzy search; it is called as the user types and must
	// return promptly when ctx is cancelled. kinds nil means every kind.
	Search func(ctx context.Context, query string, kinds []string, limit int) ([]SearchResult, error)
	// Import imports files and folders, reporting progress; called on a
	// background goroutine.
	Import func(ctx context.Context, paths []string, progress func(ImportProgress)) (ImportSummary, error)
	// Export writes what q selects (nil: everything) in format ("md",
	// "csv", "jsonld", "qdpx", "html") to path.
	Export func(ctx context.Context, format, path string, q *dossier.Query, progress func(done, total int)) error
	// Switch closes the open notebook and opens the one at path, creating
	// (and seeding) it when it is new. On failure the open notebook stays
	// open and usable. Called on a background goroutine.
	Switch func(path string) (Notebook, error)
}

// SpeakerLister is what a Notebook may also offer the sidebar: the people
// quoted, merged through the alias table, most quoted first. It may read
// every quote, so the window calls it after start-up, in the background.
type SpeakerLister interface {
	Speakers() ([]NameCount, error)
}

// NameCount is a name (a speaker, an outlet) with how many items have it.
type NameCount struct {
	Name  string
	Count int
}

// ItemReader is what a Notebook may also offer the palette: one passage or
// quote by its ID, to open a search result in its article.
type ItemReader interface {
	Passage(id dossier.PassageID) (dossier.Passage, error)
	Quote(id dossier.QuoteID) (dossier.Quote, error)
}

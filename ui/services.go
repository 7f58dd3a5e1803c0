package ui

import (
	"context"

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

	AddPassage(a dossier.ArticleID, start, end int, tags []string, note string) (dossier.Passage, error)
	// SetPassage replaces a passage's tags and note.
	SetPassage(id dossier.PassageID, tags []string, note string) error
	DeletePassage(id dossier.PassageID) error
	SetQuoteSpeaker(id dossier.QuoteID, speaker, role string) error

	Tags() ([]TagCount, error)
	SetTagColor(path, color string) error

	Undo() (summary string, err error)
	Redo() (summary string, err error)
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

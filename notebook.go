package dossier

// SaveAction says what saving one article did to the notebook.
type SaveAction uint8

const (
	Added     SaveAction = iota + 1 // a new article
	Duplicate                       // the same normalised text is already there: nothing added
	Updated                         // an article with the same URL had other text: replaced in place, ID kept
	Unchanged                       // an article with the same URL and the same text: nothing to do
)

func (a SaveAction) String() string {
	switch a {
	case Added:
		return "added"
	case Duplicate:
		return "duplicate"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return "unknown"
}

// SaveResult is the outcome of saving one article of a batch.
type SaveResult struct {
	Action SaveAction
	ID     ArticleID // the new, updated or already present article
}

// ArticleSaver stores batches of articles. SaveArticles commits the whole
// batch in one transaction or none of it, fills in ID and Imported of new
// articles, and returns one result per article in order. An article whose
// normalised text is already in the notebook is a Duplicate; one whose URL is
// already there with other text is Updated in place and keeps its ID.
type ArticleSaver interface {
	SaveArticles(batch []*Article) ([]SaveResult, error)
}

// ArticleReader reads articles back. ArticleMetas returns every article's
// compact record in ID order without decoding bodies; Article returns one
// with its body, or a not-found error.
type ArticleReader interface {
	ArticleMetas() ([]ArticleMeta, error)
	Article(id ArticleID) (*Article, error)
}

package store

import (
	"os"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// Stats summarises a notebook.
type Stats struct {
	Articles   int            `json:"articles"`
	ByOrigin   map[string]int `json:"dates"` // date origin -> articles
	Outlets    map[string]int `json:"outlets"`
	TextBytes  int64          `json:"text_bytes"` // UTF-8 bytes of all bodies
	FileBytes  int64          `json:"file_bytes"` // size of the notebook file
	First      string         `json:"first_date,omitempty"`
	Last       string         `json:"last_date,omitempty"`
	Schema     int            `json:"schema"`
	StoredBody int64          `json:"stored_body_bytes"` // bodies as stored (compressed)
}

// Stats counts articles by date origin and outlet and measures text and file.
func (n *Notebook) Stats() (*Stats, error) {
	st := &Stats{ByOrigin: map[string]int{}, Outlets: map[string]int{}}
	var first, last dossier.Date
	err := n.db.View(func(tx *bolt.Tx) error {
		st.Schema = schemaOf(tx)
		bodies := tx.Bucket(bucketBodies)
		return tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
			m, err := decodeMeta(dossier.ArticleID(btoi(k)), v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "article %d is damaged", btoi(k))
			}
			st.Articles++
			st.ByOrigin[m.Published.Origin.String()]++
			if m.Outlet != "" {
				st.Outlets[m.Outlet]++
			}
			if d := m.Published; !d.IsZero() {
				if first.IsZero() || d.Time.Before(first.Time) {
					first = d
				}
				if last.IsZero() || d.Time.After(last.Time) {
					last = d
				}
			}
			st.StoredBody += int64(len(bodies.Get(k)))
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	if err := n.eachBodyLen(func(l int) { st.TextBytes += int64(l) }); err != nil {
		return nil, err
	}
	st.First, st.Last = first.String(), last.String()
	if fi, err := os.Stat(n.Path()); err == nil {
		st.FileBytes = fi.Size()
	}
	return st, nil
}

func (n *Notebook) eachBodyLen(fn func(int)) error {
	return n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketBodies).ForEach(func(k, v []byte) error {
			body, err := decodeBody(v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "the text of article %d is damaged", btoi(k))
			}
			fn(len(body))
			return nil
		})
	})
}

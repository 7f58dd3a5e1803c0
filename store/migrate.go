package store

import (
	"encoding/binary"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// migrations bring a notebook from schema version i to i+1; each runs in its
// own transaction, in order, at open. Append only: never edit a released one.
var migrations = []func(tx *bolt.Tx) error{
	// 0 -> 1: the article buckets and their indexes.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketArticles, bucketBodies, bucketByHash, bucketByURL} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	},
	// 1 -> 2: what extraction finds, the user's corrections, the alias table.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketQuotes, bucketFigures, bucketCorrections, bucketAliases} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	},
	// 2 -> 3: passages and their article index, tags, tags of articles and
	// quotes, the undo log.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketPassages, bucketPassagesByArticle, bucketTags, bucketLabels, bucketOps} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	},
	// 3 -> 4: the full-text index of bodies (fts.go). Articles already there
	// are indexed when Unindexed reports them.
	func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketFTS)
		return err
	},
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = len(migrations)

func schemaOf(tx *bolt.Tx) int {
	b := tx.Bucket(bucketMeta)
	if b == nil {
		return 0
	}
	v := b.Get(keySchema)
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// migrate runs the migrations the file lacks and reports whether the file was
// new (had no schema at all).
func (n *Notebook) migrate() (created bool, err error) {
	var have int
	err = n.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		have = schemaOf(tx)
		if have == 0 && b.Get(keyCreated) == nil {
			created = true
			return b.Put(keyCreated, itob(uint64(n.Now().Unix())))
		}
		return nil
	})
	if err != nil {
		return false, dossier.Wrap(err, dossier.EINTERNAL, "cannot initialise the notebook")
	}
	if have > SchemaVersion {
		return false, dossier.Errorf(dossier.EINVALID,
			"%s was written by a newer Dossier (schema %d; this one knows %d)", n.Path(), have, SchemaVersion)
	}
	for v := have; v < SchemaVersion; v++ {
		err := n.db.Update(func(tx *bolt.Tx) error {
			if err := migrations[v](tx); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keySchema, itob(uint64(v+1)))
		})
		if err != nil {
			return false, dossier.Wrap(err, dossier.EINTERNAL, "cannot upgrade the notebook to schema %d", v+1)
		}
	}
	return created, nil
}

func (n *Notebook) checkSchema() error {
	return n.db.View(func(tx *bolt.Tx) error {
		if v := schemaOf(tx); v != SchemaVersion {
			return dossier.Errorf(dossier.EINVALID,
				"%s has schema %d; open it for writing once to upgrade it to %d", n.Path(), v, SchemaVersion)
		}
		return nil
	})
}

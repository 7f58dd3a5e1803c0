// Package store keeps a notebook in one bbolt file: article metadata apart
// from bodies (so listing never decodes a body), secondary indexes written in
// the same transaction as what they index, a schema version with ordered
// migrations, and a lock that tells a second process the notebook is in use.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dossier"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Bucket names. Each secondary index lives in a bucket of its own.
var (
	bucketMeta     = []byte("meta")     // schema version and notebook settings
	bucketArticles = []byte("articles") // id -> encoded ArticleMeta
	bucketBodies   = []byte("bodies")   // id -> encoded body
	bucketByHash   = []byte("by_hash")  // content hash -> id
	bucketByURL    = []byte("by_url")   // normalised URL -> id

	keySchema  = []byte("schema")
	keyCreated = []byte("created")
)

// LockTimeout is how long Open waits for a notebook that another process
// holds before it gives up with ErrInUse.
const LockTimeout = 1500 * time.Millisecond

// ErrInUse is the message of the error Open returns when another process has
// the notebook open.
const ErrInUse = "notebook is open in another window"

// Notebook is an open notebook file. Its methods are safe for concurrent use.
type Notebook struct {
	db      *bolt.DB
	created bool

	// Now is the clock; tests replace it.
	Now func() time.Time
	// Extract finds quotes and figures in an article; SaveArticles runs it
	// on every added or updated article. Nil saves no extraction.
	Extract func(*dossier.Article) dossier.Extraction
	// IndexBodies builds the full-text segment of what SaveArticles adds or
	// updates, stored in the same transaction (fts.go). Nil indexes nothing:
	// Unindexed then reports the articles.
	IndexBodies BodyIndexer

	ws writeState // undo log writers and the query snapshot (undo.go)
}

// Options tune Open; the zero value is a writable notebook.
type Options struct {
	ReadOnly bool
	Timeout  time.Duration // lock wait; LockTimeout when zero
}

// Open opens the notebook at path, creating the file (and its folder) when it
// is missing, and brings its schema up to date. It fails with a conflict
// error whose message is ErrInUse when another process holds the notebook.
func Open(path string, opts *Options) (*Notebook, error) {
	if opts == nil {
		opts = &Options{}
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = LockTimeout
	}
	_, statErr := os.Stat(path)
	isNew := errors.Is(statErr, os.ErrNotExist)
	if isNew {
		if opts.ReadOnly {
			return nil, dossier.Errorf(dossier.ENOTFOUND, "%s: no notebook there", path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot create the notebook's folder", path)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:      timeout,
		ReadOnly:     opts.ReadOnly,
		FreelistType: bolt.FreelistMapType,
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, &dossier.Error{Code: dossier.ECONFLICT, Message: ErrInUse, Err: fmt.Errorf("%s: %w", path, err)}
	}
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINVALID, "%s: not a notebook or unreadable", path)
	}
	n := &Notebook{db: db, Now: time.Now}
	if !opts.ReadOnly {
		created, err := n.migrate()
		if err != nil {
			db.Close()
			return nil, err
		}
		n.created = created
	} else if err := n.checkSchema(); err != nil {
		db.Close()
		return nil, err
	}
	return n, nil
}

// Created reports whether Open made a new, empty notebook.
func (n *Notebook) Created() bool { return n.created }

// Path returns the notebook's file name.
func (n *Notebook) Path() string { return n.db.Path() }

// Close releases the notebook; the file lock goes with it.
func (n *Notebook) Close() error { return n.db.Close() }

// Check runs bbolt's consistency check over the whole file and returns the
// first problem found, or nil.
func (n *Notebook) Check() error {
	return n.db.View(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	})
}

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

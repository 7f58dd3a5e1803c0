package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dossier"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Backup writes a consistent copy of the notebook to path while it stays
// open: the copy is what one read transaction sees, so writes that go on
// meanwhile are either wholly in it or not at all. It writes a temporary
// file beside path, syncs it and renames it over path, so that path is
// never a half-written notebook. It returns an invalid-input error when
// path is the notebook itself.
func (n *Notebook) Backup(path string) error {
	if same, _ := sameFile(path, n.Path()); same {
		return dossier.Errorf(dossier.EINVALID, "%s is the notebook itself: back it up to another file", path)
	}
	return writeAtomic(path, func(f io.Writer) error {
		return n.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
}

// writeAtomic writes path through dossier.WriteFileAtomic, readable by the
// owner only, creating its folder first.
func writeAtomic(path string, write func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return dossier.Wrap(err, dossier.EINVALID, "%s: cannot create the folder", dir)
	}
	err := dossier.WriteFileAtomic(path, 0o600, write)
	if err != nil && dossier.ErrorCode(err) != dossier.EINVALID {
		return dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot write the copy", path)
	}
	return err
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// Compact rewrites the notebook at path without its free pages, which a
// notebook keeps after articles are deleted, and returns its size before
// and after. The notebook must not be open, in this process or another: it
// holds the file's lock from start to end, so another process that opens
// the notebook meanwhile waits or fails with ErrInUse. It copies into a
// temporary file beside path, syncs it, keeps the original as path.bak
// until the copy has taken its place, and removes the .bak then; on any
// failure the original stays (or is put back) where it was.
func Compact(path string) (before, after int64, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return 0, 0, dossier.Wrap(err, dossier.ENOTFOUND, "%s: no notebook there", path)
	}
	before = st.Size()
	src, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return 0, 0, &dossier.Error{Code: dossier.ECONFLICT, Message: ErrInUse, Err: fmt.Errorf("%s: %w", path, err)}
	}
	if err != nil {
		return 0, 0, dossier.Wrap(err, dossier.EINVALID, "%s: not a notebook or unreadable", path)
	}
	// The lock goes with src: keep it until the compact copy is in place.
	defer func() {
		if cerr := src.Close(); err == nil && cerr != nil {
			err = dossier.Wrap(cerr, dossier.EINTERNAL, "%s: cannot close the notebook", path)
		}
	}()
	if err := src.View(func(tx *bolt.Tx) error {
		if schemaOf(tx) == 0 {
			return dossier.Errorf(dossier.EINVALID, "%s: not a notebook", path)
		}
		return nil
	}); err != nil {
		return 0, 0, err
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.compact")
	if err != nil {
		return 0, 0, dossier.Wrap(err, dossier.EINVALID, "%s: cannot write there", dir)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp) // gone by rename on success
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: LockTimeout, NoSync: true})
	if err != nil {
		return 0, 0, dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot create the compact copy", tmp)
	}
	err = bolt.Compact(dst, src, 64<<20)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, 0, dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot compact the notebook", path)
	}
	if err := checkFile(tmp); err != nil {
		return 0, 0, dossier.Wrap(err, dossier.EINTERNAL, "%s: the compact copy does not check out; the notebook is left as it was", path)
	}
	bak := path + ".bak"
	if err := os.Rename(path, bak); err != nil {
		return 0, 0, dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot move the notebook aside", path)
	}
	if err := os.Rename(tmp, path); err != nil {
		if rerr := os.Rename(bak, path); rerr != nil {
			return 0, 0, dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot put the compact copy in place; the original is at %s", path, bak)
		}
		return 0, 0, dossier.Wrap(err, dossier.EINTERNAL, "%s: cannot put the compact copy in place; the notebook is left as it was", path)
	}
	syncDir(dir)
	os.Remove(bak)
	if st, err := os.Stat(path); err == nil {
		after = st.Size()
	}
	return before, after, nil
}

// checkFile runs bbolt's consistency check over a closed notebook file.
func checkFile(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	})
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

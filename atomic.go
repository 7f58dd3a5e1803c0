package dossier

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes path through a temporary file in its folder: write,
// sync, close, chmod perm, rename over path. A crash, a kill or a full disk
// leaves path as it was or wholly written, never half; the temporary file is
// removed when any step fails. A folder it cannot write in is an invalid-input
// error naming path; any other error is returned as the step gave it, for the
// caller to word.
func WriteFileAtomic(path string, perm fs.FileMode, write func(w io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Wrap(err, EINVALID, "%s: cannot write there", path)
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

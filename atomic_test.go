package dossier

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// a write that fails half way leaves the old file and no temporary one
	boom := errors.New("disk full")
	err := WriteFileAtomic(path, 0o600, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want the write's", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("after a failed write the file holds %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Fatalf("%d files in the folder, want 1 (no temporary file left)", len(es))
	}
	if err := WriteFileAtomic(path, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if b, _ := os.ReadFile(path); string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("file %q mode %v, want \"new\" 0600", b, st.Mode().Perm())
	}
	// a folder that does not exist is the caller's mistake, named by path
	missing := filepath.Join(dir, "no", "such.md")
	if err := WriteFileAtomic(missing, 0o644, func(io.Writer) error { return nil }); ErrorCode(err) != EINVALID {
		t.Fatalf("missing folder: %v, want an invalid-input error", err)
	}
}

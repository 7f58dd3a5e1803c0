package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"dossier"
)

// Importer reads files into a notebook. Set Saver, and the Options, Progress
// and OnCommit you need; an Importer may be reused for several imports, one
// at a time.
type Importer struct {
	Saver dossier.ArticleSaver
	Options

	// Progress, when set, is told how the import goes: after each batch is
	// saved, at the end, and in between at most every ProgressInterval. It
	// is called on the goroutine that called Import, never concurrently;
	// the GUI hands it on with fyne.Do.
	Progress func(Progress)

	// OnCommit, when set, is called after each batch is committed with the
	// IDs of the articles the batch added or updated, in import order. Once
	// it is called those articles are durable: a crash after it loses none
	// of them. Called like Progress.
	OnCommit func(ids []dossier.ArticleID)
}

// ProgressInterval is the least time between two Progress calls made while
// files are read.
const ProgressInterval = 100 * time.Millisecond

// Progress is how far an import has got.
type Progress struct {
	FilesDone  int    // files read and parsed, in order
	FilesTotal int    // files the import will read
	Articles   int    // articles read from those files
	Saved      int    // articles committed so far (added, updated, duplicate or unchanged)
	File       string // the file read last
}

// Duplicate is an article that was not added because the notebook (or an
// earlier file of the same import) already has its text.
type Duplicate struct {
	File  string            // where the duplicate came from, with "#row N" for a table row
	Title string            // its title
	Of    dossier.ArticleID // the article that has the same text
}

// String reads "file: same text as article 12".
func (d Duplicate) String() string {
	return fmt.Sprintf("%s: same text as article %d", d.File, d.Of)
}

// Report is what an import did.
type Report struct {
	Files     int // files read (or tried)
	Skipped   int // files in folders passed over: hidden, or of a type Dossier does not read
	Articles  int // articles read from the files
	Added     int
	Updated   int // same URL as an article in the notebook, other text: replaced in place
	Unchanged int // same URL and same text as an article in the notebook

	// Duplicates lists the articles not added because their text is already
	// in the notebook.
	Duplicates []Duplicate

	// IDs are the articles added or updated, in import order: what a caller
	// might show, select or run extraction on next.
	IDs []dossier.ArticleID

	// Problems are the files and rows not imported (errors) and the ones
	// imported with a caveat (warnings): first the paths that could not be
	// walked, then the files' problems in the order the files were read.
	Problems []Problem
}

// Failed reports whether some file or row could not be imported; warnings do
// not count. The command line exits non-zero on it.
func (r *Report) Failed() bool {
	for _, p := range r.Problems {
		if !p.Warning {
			return true
		}
	}
	return false
}

// Errors returns the problems that kept a file or row out.
func (r *Report) Errors() []Problem { return r.filter(false) }

// Warnings returns the problems of files and rows imported with a caveat.
func (r *Report) Warnings() []Problem { return r.filter(true) }

func (r *Report) filter(warning bool) []Problem {
	var out []Problem
	for _, p := range r.Problems {
		if p.Warning == warning {
			out = append(out, p)
		}
	}
	return out
}

// String sums the report up in one line for the user.
func (r *Report) String() string {
	errs := len(r.Errors())
	s := fmt.Sprintf("%s read: %d added, %d duplicate, %d updated, %d unchanged",
		plural(r.Files, "file"), r.Added, len(r.Duplicates), r.Updated, r.Unchanged)
	if r.Skipped > 0 {
		s += fmt.Sprintf("; %d skipped", r.Skipped)
	}
	if errs > 0 {
		s += "; " + plural(errs, "problem")
	}
	if w := len(r.Problems) - errs; w > 0 {
		s += "; " + plural(w, "warning")
	}
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// source is one file to read: its name as the user knows it and how to get
// its bytes.
type source struct {
	name string
	size int64 // -1 when unknown
	read func() ([]byte, error)
}

// Import reads the files and folders named by paths into the notebook.
// Folders are walked recursively in lexical order, skipping hidden files and
// folders, symbolic links to folders, and files of types it does not read
// (counted in Report.Skipped); a file named directly must be of a type it
// reads. Files are parsed concurrently and saved in the order walked, in
// batches of Options.BatchSize articles or Options.BatchBytes of text, one
// SaveArticles call (one transaction) per batch.
//
// Problems with files and rows go in the Report; the error is only for what
// stops the import: the saver failing or ctx being cancelled. Batches
// committed before then stay committed (the Report counts them); the batch
// being gathered is dropped.
func (im *Importer) Import(ctx context.Context, paths ...string) (*Report, error) {
	rep := &Report{}
	srcs := im.walk(rep, paths)
	return rep, im.run(ctx, rep, srcs)
}

// ImportFS is Import for the files under root in fsys (use "." for all of
// it): the seed articles embedded in the program, or any other fs.FS. File
// names in articles and problems are paths in fsys.
func (im *Importer) ImportFS(ctx context.Context, fsys fs.FS, root string) (*Report, error) {
	rep := &Report{}
	var srcs []source
	err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			rep.Problems = append(rep.Problems, Problem{File: name, Reason: readReason(err)})
			return nil
		}
		if name != root && strings.HasPrefix(d.Name(), ".") {
			rep.Skipped++
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() || !Supported(name) {
			if name == root {
				rep.Problems = append(rep.Problems, Problem{File: name, Reason: unknownReason(name)})
			} else {
				rep.Skipped++
			}
			return nil
		}
		size := int64(-1)
		if info, err := d.Info(); err == nil {
			size = info.Size()
		}
		srcs = append(srcs, source{name: name, size: size, read: func() ([]byte, error) {
			return fs.ReadFile(fsys, name)
		}})
		return nil
	})
	if err != nil {
		rep.Problems = append(rep.Problems, Problem{File: root, Reason: readReason(err)})
	}
	return rep, im.run(ctx, rep, srcs)
}

// ImportBytes is Import for one file's content that is not on disk, such as
// text dropped or pasted into the GUI: name gives its type (by extension)
// and is the Article.File and the name in problems.
func (im *Importer) ImportBytes(ctx context.Context, name string, data []byte) (*Report, error) {
	rep := &Report{}
	src := source{name: name, size: int64(len(data)), read: func() ([]byte, error) { return data, nil }}
	return rep, im.run(ctx, rep, []source{src})
}

// walk lists the files to read under paths, in order, each once.
func (im *Importer) walk(rep *Report, paths []string) []source {
	var srcs []source
	seen := map[string]bool{}
	add := func(name string, size int64) {
		key := filepath.Clean(name)
		if seen[key] {
			return
		}
		seen[key] = true
		srcs = append(srcs, source{name: name, size: size, read: func() ([]byte, error) {
			return readFile(name, im.maxFileSize())
		}})
	}
	for _, root := range paths {
		info, err := os.Stat(root) // a link named directly is followed
		if err != nil {
			rep.Problems = append(rep.Problems, Problem{File: root, Reason: readReason(err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				rep.Problems = append(rep.Problems, Problem{File: root, Reason: "not a regular file"})
			} else if !Supported(root) {
				rep.Problems = append(rep.Problems, Problem{File: root, Reason: unknownReason(root)})
			} else {
				add(root, info.Size())
			}
			continue
		}
		// WalkDir does not follow symbolic links, so a link cannot loop. A
		// link named directly is followed: with a trailing separator, WalkDir
		// reads the folder it points to.
		walkRoot := root
		if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			walkRoot = root + string(filepath.Separator)
		}
		filepath.WalkDir(walkRoot, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				rep.Problems = append(rep.Problems, Problem{File: name, Reason: readReason(err)})
				return nil
			}
			if name == walkRoot {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				rep.Skipped++
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !Supported(name) {
				rep.Skipped++
				return nil
			}
			size := int64(-1)
			if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file is read; a link to a folder is not walked.
				info, err := os.Stat(name)
				if err != nil || !info.Mode().IsRegular() {
					rep.Skipped++
					return nil
				}
				size = info.Size()
			} else if !d.Type().IsRegular() {
				rep.Skipped++
				return nil
			} else if info, err := d.Info(); err == nil {
				size = info.Size()
			}
			add(name, size)
			return nil
		})
	}
	return srcs
}

func unknownReason(name string) string {
	ext := path.Ext(name)
	if ext == "" {
		return "no file extension to tell its type; Dossier reads " + supportedList
	}
	return fmt.Sprintf("unknown file type %q; Dossier reads %s", ext, supportedList)
}

// errTooLarge is readFile's error for a file over the size limit.
type errTooLarge struct{ size, max int64 }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("file too large (%s; the limit is %s)", sizeString(e.size), sizeString(e.max))
}

// readFile reads a file of at most max bytes; a larger one is not read.
func readFile(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > max {
		return nil, errTooLarge{info.Size(), max}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, errTooLarge{int64(len(data)), max}
	}
	return data, nil
}

// readReason says in words why a file could not be read.
func readReason(err error) string {
	var tl errTooLarge
	switch {
	case errors.As(err, &tl):
		return tl.Error()
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: cannot read it"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot read it: " + pe.Err.Error()
	}
	return "cannot read it: " + err.Error()
}

// parsed is what a worker made of one source.
type parsed struct {
	arts     []*dossier.Article
	problems []Problem
}

// run parses srcs on GOMAXPROCS workers and saves their articles in order.
func (im *Importer) run(ctx context.Context, rep *Report, srcs []source) error {
	if im.Saver == nil {
		return dossier.Errorf(dossier.EINTERNAL, "import: no notebook to save into")
	}
	opts := im.Options
	now := opts.now()
	opts.Now = func() time.Time { return now } // one import time for every file

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Each file's result has its own slot; the saver takes them in order.
	// The tokens bound how far the workers may run ahead of the saver, and
	// so how much parsed text is held in memory.
	workers := max(runtime.GOMAXPROCS(0), 1)
	results := make([]chan parsed, len(srcs))
	for i := range results {
		results[i] = make(chan parsed, 1)
	}
	jobs := make(chan int)
	tokens := make(chan struct{}, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] <- parseSource(srcs[i], opts)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range srcs {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() {
		cancel() // stop the dispatcher before waiting for the workers
		wg.Wait()
	}()

	b := batcher{im: im, rep: rep, max: opts.BatchSize, maxBytes: opts.BatchBytes, ctx: ctx}
	if b.max <= 0 {
		b.max = DefaultBatchSize
	}
	if b.maxBytes <= 0 {
		b.maxBytes = DefaultBatchBytes
	}
	b.progress = Progress{FilesTotal: len(srcs)}
	last := time.Now()
	for i := range srcs {
		var res parsed
		select {
		case res = <-results[i]:
		case <-ctx.Done():
			b.wait() // what was committed stays committed and is counted
			return cancelled(ctx, rep)
		}
		<-tokens
		rep.Files++
		rep.Problems = append(rep.Problems, res.problems...)
		for _, a := range res.arts {
			if err := b.add(a); err != nil {
				return err
			}
		}
		b.progress.FilesDone++
		b.progress.File = srcs[i].name
		if im.Progress != nil && time.Since(last) >= ProgressInterval {
			im.Progress(b.progress)
			last = time.Now()
		}
	}
	if err := ctx.Err(); err != nil {
		b.wait()
		return cancelled(ctx, rep)
	}
	if err := b.flush(); err != nil {
		return err
	}
	if err := b.wait(); err != nil {
		return err
	}
	if im.Progress != nil {
		im.Progress(b.progress)
	}
	return nil
}

func cancelled(ctx context.Context, rep *Report) error {
	return dossier.Wrap(context.Cause(ctx), dossier.EINTERNAL, "import cancelled after %s (%d articles saved)", plural(rep.Files, "file"), rep.Added+rep.Updated)
}

// parseSource reads and parses one file.
func parseSource(src source, opts Options) parsed {
	if max := opts.maxFileSize(); src.size > max {
		return parsed{problems: []Problem{{File: src.name, Reason: errTooLarge{src.size, max}.Error()}}}
	}
	data, err := src.read()
	if err != nil {
		return parsed{problems: []Problem{{File: src.name, Reason: readReason(err)}}}
	}
	arts, problems := ParseFile(src.name, data, opts)
	return parsed{arts: arts, problems: problems}
}

// batcher gathers articles into batches and saves each in one call.
type batcher struct {
	im            *Importer
	rep           *Report
	max, maxBytes int
	batch         []*dossier.Article
	bytes         int
	progress      Progress
	pending       chan savedBatch // the batch being saved, if any
	ctx           context.Context
}

func (b *batcher) add(a *dossier.Article) error {
	b.batch = append(b.batch, a)
	b.bytes += len(a.Body)
	b.rep.Articles++
	b.progress.Articles++
	if len(b.batch) >= b.max || b.bytes >= b.maxBytes {
		return b.flush()
	}
	return nil
}

// flush starts saving the gathered batch, after finishing the save before
// it: one batch is saved while the next is parsed and gathered, so that
// parsing and committing overlap. Which articles are duplicates is the
// saver's call (dossier.ArticleSaver): the same text under two URLs is two
// publications, so a text seen twice in one batch is still sent twice.
func (b *batcher) flush() error {
	if err := b.wait(); err != nil {
		return err
	}
	if len(b.batch) == 0 {
		return nil
	}
	if b.ctx.Err() != nil { // cancelled, perhaps by OnCommit just now
		return cancelled(b.ctx, b.rep)
	}
	batch := b.batch
	b.batch, b.bytes = nil, 0
	done := make(chan savedBatch, 1)
	b.pending = done
	go func() {
		results, err := b.im.Saver.SaveArticles(batch)
		done <- savedBatch{batch, results, err}
	}()
	return nil
}

// savedBatch is the outcome of one SaveArticles call.
type savedBatch struct {
	batch   []*dossier.Article
	results []dossier.SaveResult
	err     error
}

// wait finishes the save in flight, if any, and reports it — on the
// goroutine that called Import, as OnCommit and Progress promise.
func (b *batcher) wait() error {
	if b.pending == nil {
		return nil
	}
	s := <-b.pending
	b.pending = nil
	batch, results := s.batch, s.results
	if s.err != nil {
		return dossier.Wrap(s.err, codeOr(s.err, dossier.EINTERNAL), "import stopped: could not save the articles from %s to %s", batch[0].File, batch[len(batch)-1].File)
	}
	if len(results) != len(batch) {
		return dossier.Errorf(dossier.EINTERNAL, "import stopped: the notebook returned %d results for %d articles", len(results), len(batch))
	}
	var committed []dossier.ArticleID
	for i, a := range batch {
		r := results[i]
		switch r.Action {
		case dossier.Added:
			b.rep.Added++
			committed = append(committed, r.ID)
		case dossier.Updated:
			b.rep.Updated++
			committed = append(committed, r.ID)
		case dossier.Duplicate:
			b.rep.Duplicates = append(b.rep.Duplicates, Duplicate{File: a.File, Title: a.Title, Of: r.ID})
		case dossier.Unchanged:
			b.rep.Unchanged++
		}
	}
	b.rep.IDs = append(b.rep.IDs, committed...)
	b.progress.Saved += len(batch)
	if b.im.OnCommit != nil {
		b.im.OnCommit(committed)
	}
	if b.im.Progress != nil {
		b.im.Progress(b.progress)
	}
	return nil
}

func codeOr(err error, code string) string {
	var e *dossier.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return code
}

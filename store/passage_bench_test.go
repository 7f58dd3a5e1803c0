package store

import (
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

var benchTags = func() []string {
	var out []string
	for _, top := range []string{"actor/russia", "actor/ukraine", "actor/usa", "actor/nato", "theme", "source"} {
		for _, sub := range []string{"", "/mod", "/foreign", "/president", "/troops", "/diplomacy", "/sanctions"} {
			out = append(out, top+sub)
		}
	}
	return out
}()

var benchOutlets = []string{"Reuters", "BBC", "AP", "Guardian", "NYT", "Kyiv Independent", "TASS", "Meduza", "Le Monde", "Spiegel"}

// buildNotebook writes a notebook of articles articles and passages
// passages straight into its buckets, in big transactions and unrecorded:
// a fixture, not a user's import. kind is "news", text cut from real news
// (see newsGen), or "stress", the first fixture kept as a stress case: its
// texts draw on 19 words, so that every word is in a third to two thirds of
// the passages. With DOSSIER_BENCH_CACHE set to a directory, a fixture
// built once is kept there and copied for the next run.
func buildNotebook(b *testing.B, kind string, articles, passages int) *Notebook {
	b.Helper()
	start := time.Now()
	path := filepath.Join(b.TempDir(), "big.dossier")
	cached := ""
	if dir := os.Getenv("DOSSIER_BENCH_CACHE"); dir != "" {
		cached = filepath.Join(dir, fmt.Sprintf("%s-%d-%d-v1.dossier", kind, articles, passages))
		if copyFile(cached, path) == nil {
			return openFixture(b, path, "copied "+cached, start)
		}
	}
	n, err := Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	n.db.NoSync = true
	perArticle := passages / articles
	const chunk = 10000
	var pid uint64
	tags := benchTags
	what := "stress: 19 words"
	var gen *newsGen
	r := rand.New(rand.NewSource(1))
	if kind == "news" {
		docs, source := loadNewsDocs()
		gen, tags, what = newNewsGen(docs), newsTags, source
	}
	for lo := 0; lo < articles; lo += chunk {
		err := n.db.Update(func(tx *bolt.Tx) error {
			w := &writer{tx: tx} // not recorded
			for _, name := range [][]byte{bucketArticles, bucketBodies, bucketPassages, bucketPassagesByArticle, bucketQuotes} {
				tx.Bucket(name).FillPercent = 1.0
			}
			for i := lo; i < min(articles, lo+chunk); i++ {
				id := dossier.ArticleID(i + 1)
				var a newsArticle
				if gen != nil {
					a = gen.article(id, perArticle, &pid)
				} else {
					a = stressArticle(r, id, perArticle, &pid)
				}
				k := itob(uint64(id))
				if err := w.put(bucketArticles, k, encodeMeta(&a.meta)); err != nil {
					return err
				}
				if err := w.put(bucketBodies, k, encodeBody(a.body)); err != nil {
					return err
				}
				for j := range a.passages {
					if err := putPassage(w, &a.passages[j]); err != nil {
						return err
					}
				}
				if len(a.quotes) > 0 {
					if err := writeQuotes(w, id, a.quotes); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	n.db.Update(func(tx *bolt.Tx) error {
		tx.Bucket(bucketArticles).SetSequence(uint64(articles))
		tx.Bucket(bucketPassages).SetSequence(pid)
		w := &writer{tx: tx}
		_, err := ensureTags(w, tags)
		return err
	})
	n.db.NoSync = false
	n.Close()
	if cached != "" {
		os.MkdirAll(filepath.Dir(cached), 0o755)
		copyFile(path, cached)
	}
	return openFixture(b, path, fmt.Sprintf("built %d articles and %d passages (%s)", articles, pid, what), start)
}

// openFixture opens a built fixture and loads its snapshot, logging the
// snapshot's size.
func openFixture(b *testing.B, path, what string, start time.Time) *Notebook {
	n, err := Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	built := time.Since(start)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	if err := n.ensureSnapshot(); err != nil {
		b.Fatal(err)
	}
	loaded := time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&after)
	count := len(n.ws.snap.byID)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	b.Logf("%s in %v; snapshot loaded in %v, %d MB, %d bytes a passage", what, built.Round(time.Millisecond),
		loaded.Round(time.Millisecond), heap>>20, heap/int64(max(count, 1)))
	b.Cleanup(func() { n.Close() })
	return n
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(to)
		return err
	}
	return out.Close()
}

// stressArticle makes an article of the stress fixture, as the first
// benchmarks did: bodies, titles and notes of 19 words.
func stressArticle(r *rand.Rand, id dossier.ArticleID, perArticle int, pid *uint64) newsArticle {
	day0 := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	body := randText(r, 60+r.Intn(60)) + "\n\n" + randText(r, 60+r.Intn(60))
	a := newsArticle{body: body}
	a.meta = dossier.ArticleMeta{ID: id, Title: randText(r, 6), Outlet: benchOutlets[r.Intn(len(benchOutlets))],
		URL: fmt.Sprintf("https://example.com/%d", id), File: "gen.jsonl",
		Published: dossier.Date{Time: day0.AddDate(0, 0, r.Intn(540)), Precision: dossier.PrecisionDay, Origin: dossier.OriginHeader},
		Hash:      dossier.HashBody(body), Imported: day0, Runes: len([]rune(body))}
	for j := 0; j < perArticle; j++ {
		l := len([]rune(body))
		s := r.Intn(l - 160)
		p, err := dossier.Anchor(id, body, s, s+40+r.Intn(120))
		if err != nil {
			panic(err)
		}
		*pid++
		p.ID = dossier.PassageID(*pid)
		p.Tags = []string{benchTags[r.Intn(len(benchTags))]}
		if r.Intn(3) == 0 {
			p.Tags = append(p.Tags, benchTags[r.Intn(len(benchTags))])
		}
		if r.Intn(4) == 0 {
			p.Note = randText(r, 8)
		}
		p.Created, p.Modified = day0, day0
		a.passages = append(a.passages, p)
	}
	return a
}

// newsQueries are what a researcher asks of the news fixture.
var newsQueries = []struct{ name, q string }{
	{"name", "Lavrov"},
	{"phrase", `"troops near the border"`},
	{"phrase-common", `"sanctions against Russia"`},
	{"common-word", "president"},
	{"tag+date", "tag:actor/russia date:2022-01..2022-02"},
	{"tag-or-not", "(tag:theme/sanctions OR tag:theme/energy) -tag:source/anonymous"},
	{"speaker", "speaker:Peskov"},
	{"note", "note:compare"},
	{"word+tag", "sanctions tag:actor/us"},
	{"title+date", "title:ukraine date:2022-02"},
	{"words-or-not", "(gas OR oil) -tag:theme/energy"},
	{"all", ""},
}

// stressQueries are the first benchmark's queries, over the stress fixture.
var stressQueries = []struct{ name, q string }{
	{"tag+date", "tag:actor/russia date:2021-12..2022-02"},
	{"tag-or", "tag:actor/usa/sanctions OR tag:actor/nato/diplomacy"},
	{"word", "troops"},
	{"phrase-not-tag", `"Putin warned" -tag:theme`},
	{"note", "note:sanctions outlet:reuters"},
	{"orphan", "is:orphan"},
	{"title", "title:kyiv date:2021-12"},
	{"words-or", "(sanctions OR drills) buildup -tag:source"},
}

// BenchmarkQuery100k500k runs queries over notebooks of 100,000 articles
// and 500,000 passages, the news fixture and the stress one: passages (in
// memory; all of them, and their IDs only) and articles (metadata and
// tags, no bodies).
func BenchmarkQuery100k500k(b *testing.B) {
	for _, kind := range []string{"news", "stress"} {
		queries := newsQueries
		if kind == "stress" {
			queries = stressQueries
		}
		b.Run(kind, func(b *testing.B) {
			n := buildNotebook(b, kind, 100_000, 500_000)
			for _, bq := range queries {
				benchQuery(b, n, bq.name, bq.q)
			}
		})
	}
}

func benchQuery(b *testing.B, n *Notebook, name, qs string) {
	q, err := dossier.ParseQuery(qs)
	if err != nil {
		b.Fatal(err)
	}
	run := func(what string, fn func() (int, error)) {
		b.Run(what+"/"+name, func(b *testing.B) {
			var found int
			cpu := procCPU()
			for b.Loop() {
				if found, err = fn(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(procCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			b.ReportMetric(float64(found), "found")
		})
	}
	run("passages", func() (int, error) {
		ps, err := n.Passages(q)
		return len(ps), err
	})
	// What a list that shows a few rows at a time needs: the IDs.
	run("passage-ids", func() (int, error) {
		ids, err := n.PassageIDs(q)
		return len(ids), err
	})
	if q.Uses("text") || q.Uses("note") || q.Uses("speakers") {
		return // an article's text is its body: that reads every body
	}
	run("articles", func() (int, error) {
		as, err := n.ArticlesMatching(q)
		return len(as), err
	})
}

// BenchmarkAddPassage adds passages to that notebook, each in its own
// committed transaction with its undo record, and the snapshot loaded.
func BenchmarkAddPassage(b *testing.B) {
	n := buildNotebook(b, "news", 100_000, 500_000)
	r := rand.New(rand.NewSource(2))
	cpu := procCPU()
	defer func() { b.ReportMetric(float64(procCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op") }()
	for b.Loop() {
		id := dossier.ArticleID(1 + r.Intn(100_000))
		s := r.Intn(200)
		if _, err := n.AddPassage(id, s, s+50, []string{newsTags[r.Intn(len(newsTags))], "new/tag"}, "a note"); err != nil {
			b.Fatal(err)
		}
	}
}

// procCPU returns the CPU time the process has used, on all its threads:
// on a machine shared with other work, wall time alone says little.
func procCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

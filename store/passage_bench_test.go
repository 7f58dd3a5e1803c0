package store

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"runtime"
	"strings"
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
// a fixture, not a user's import.
func buildNotebook(b *testing.B, articles, passages int) *Notebook {
	b.Helper()
	start := time.Now()
	path := filepath.Join(b.TempDir(), "big.dossier")
	n, err := Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	n.db.NoSync = true
	r := rand.New(rand.NewSource(1))
	perArticle := passages / articles
	const chunk = 10000
	var pid uint64
	day0 := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for lo := 0; lo < articles; lo += chunk {
		err := n.db.Update(func(tx *bolt.Tx) error {
			w := &writer{tx: tx} // not recorded
			for _, name := range [][]byte{bucketArticles, bucketBodies, bucketPassages, bucketPassagesByArticle} {
				tx.Bucket(name).FillPercent = 1.0
			}
			for i := lo; i < min(articles, lo+chunk); i++ {
				id := dossier.ArticleID(i + 1)
				body := randText(r, 60+r.Intn(60)) + "\n\n" + randText(r, 60+r.Intn(60))
				m := dossier.ArticleMeta{ID: id, Title: randText(r, 6), Outlet: benchOutlets[r.Intn(len(benchOutlets))],
					URL: fmt.Sprintf("https://example.com/%d", id), File: "gen.jsonl",
					Published: dossier.Date{Time: day0.AddDate(0, 0, r.Intn(540)), Precision: dossier.PrecisionDay, Origin: dossier.OriginHeader},
					Hash:      dossier.HashBody(body), Imported: day0, Runes: len([]rune(body))}
				k := itob(uint64(id))
				if err := w.put(bucketArticles, k, encodeMeta(&m)); err != nil {
					return err
				}
				if err := w.put(bucketBodies, k, encodeBody(body)); err != nil {
					return err
				}
				for j := 0; j < perArticle; j++ {
					l := len([]rune(body))
					s := r.Intn(l - 160)
					p, err := dossier.Anchor(id, body, s, s+40+r.Intn(120))
					if err != nil {
						return err
					}
					pid++
					p.ID = dossier.PassageID(pid)
					p.Tags = []string{benchTags[r.Intn(len(benchTags))]}
					if r.Intn(3) == 0 {
						p.Tags = append(p.Tags, benchTags[r.Intn(len(benchTags))])
					}
					if r.Intn(4) == 0 {
						p.Note = randText(r, 8)
					}
					p.Created, p.Modified = day0, day0
					if err := putPassage(w, &p); err != nil {
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
		_, err := ensureTags(w, benchTags)
		return err
	})
	n.db.NoSync = false
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
	b.Logf("built %d articles and %d passages in %v; snapshot loaded in %v, %d MB", articles, pid, built.Round(time.Millisecond),
		loaded.Round(time.Millisecond), (after.HeapAlloc-before.HeapAlloc)>>20)
	b.Cleanup(func() { n.Close() })
	return n
}

var benchQueries = []struct{ name, q string }{
	{"tag+date", "tag:actor/russia date:2021-12..2022-02"},
	{"tag-or", "tag:actor/usa/sanctions OR tag:actor/nato/diplomacy"},
	{"word", "troops"},
	{"phrase-not-tag", `"Putin warned" -tag:theme`},
	{"note", "note:sanctions outlet:reuters"},
	{"orphan", "is:orphan"},
	{"title", "title:kyiv date:2021-12"},
	{"words-or", "(sanctions OR drills) buildup -tag:source"},
}

// BenchmarkQuery100k500k runs queries over a notebook of 100,000 articles
// and 500,000 passages: passages (in memory) and articles (metadata and
// tags, no bodies).
func BenchmarkQuery100k500k(b *testing.B) {
	n := buildNotebook(b, 100_000, 500_000)
	for _, bq := range benchQueries {
		q, err := dossier.ParseQuery(bq.q)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("passages/"+bq.name, func(b *testing.B) {
			var found int
			cpu := procCPU()
			for b.Loop() {
				ps, err := n.Passages(q)
				if err != nil {
					b.Fatal(err)
				}
				found = len(ps)
			}
			b.ReportMetric(float64(procCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			b.ReportMetric(float64(found), "found")
		})
		if bq.name == "word" || bq.name == "phrase-not-tag" {
			// What a list that shows a few rows at a time needs: the IDs.
			b.Run("passage-ids/"+bq.name, func(b *testing.B) {
				var found int
				cpu := procCPU()
				for b.Loop() {
					ids, err := n.PassageIDs(q)
					if err != nil {
						b.Fatal(err)
					}
					found = len(ids)
				}
				b.ReportMetric(float64(procCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
				b.ReportMetric(float64(found), "found")
			})
		}
		if strings.HasPrefix(bq.name, "note") || bq.name == "orphan" {
			continue
		}
		b.Run("articles/"+bq.name, func(b *testing.B) {
			if q.Uses("text") {
				b.Skip("reads every body")
			}
			var found int
			cpu := procCPU()
			for b.Loop() {
				as, err := n.ArticlesMatching(q)
				if err != nil {
					b.Fatal(err)
				}
				found = len(as)
			}
			b.ReportMetric(float64(procCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			b.ReportMetric(float64(found), "found")
		})
	}
}

// BenchmarkAddPassage adds passages to that notebook, each in its own
// committed transaction with its undo record, and the snapshot loaded.
func BenchmarkAddPassage(b *testing.B) {
	n := buildNotebook(b, 100_000, 500_000)
	r := rand.New(rand.NewSource(2))
	cpu := procCPU()
	defer func() { b.ReportMetric(float64(procCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op") }()
	for b.Loop() {
		id := dossier.ArticleID(1 + r.Intn(100_000))
		s := r.Intn(200)
		if _, err := n.AddPassage(id, s, s+50, []string{benchTags[r.Intn(len(benchTags))], "new/tag"}, "a note"); err != nil {
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

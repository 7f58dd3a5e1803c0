package search

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier"
)

// The benchmarks time what a user feels: each keystroke of a typed query,
// and each body query, reported as p50 and p99 in milliseconds, next to
// `fzf --filter` on the same items in the same run. Run them with
//
//	go test -run '^$' -bench . -benchtime 1x ./search/
//
// (-short skips the 1M case) or `go run ./search/benchcmd` for a table.

var typingQueries = []string{
	"zelensky troops", "putin border", "satellite yelnya", "войска границ", "blinken lavrov geneva", "nord stream",
}

var bodyQueries = []string{
	"troops border", "zelenskyy", `"satellite images"`, "lavrov geneva", "войска границу",
	`"security guarantees" nato`, "yelnya tanks", `"battalion tactical groups" belarus`,
}

type fuzzyFixture struct {
	fzfMs      float64 // -1 when fzf could not be run
	x          *Index
	items      []Item
	textBytes  int
	indexBytes int
	build      time.Duration
}

var (
	fixtureMu sync.Mutex
	fixtures  = map[int]*fuzzyFixture{}
)

// heapInUse returns the live heap after a full collection.
func heapInUse() int {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int(m.HeapAlloc)
}

func fuzzyFixtureOf(n int) *fuzzyFixture {
	fixtureMu.Lock()
	defer fixtureMu.Unlock()
	if f, ok := fixtures[n]; ok {
		return f
	}
	clear(fixtures) // keep one size in memory at a time
	f := &fuzzyFixture{items: genItems(n, 42)}
	for _, it := range f.items {
		f.textBytes += len(it.Text)
	}
	foldRune('é') // the global fold table is no part of an index
	before := heapInUse()
	start := time.Now()
	f.x = NewIndex()
	if err := f.x.Add(f.items...); err != nil {
		panic(err)
	}
	f.build = time.Since(start)
	f.indexBytes = heapInUse() - before
	f.fzfMs = -1
	fixtures[n] = f
	return f
}

func percentile(d []time.Duration, p float64) float64 {
	s := slices.Clone(d)
	slices.Sort(s)
	i := min(len(s)-1, int(p*float64(len(s))))
	return float64(s[i]) / 1e6
}

func BenchmarkFuzzyTyping(b *testing.B) {
	for _, sz := range []struct {
		name string
		n    int
	}{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}} {
		b.Run(sz.name, func(b *testing.B) {
			if sz.n >= 1_000_000 && testing.Short() {
				b.Skip("1M items: not with -short")
			}
			f := fuzzyFixtureOf(sz.n)
			ctx := context.Background()
			b.ResetTimer()
			var lat, cpu []time.Duration
			var typed []string
			for range b.N {
				for _, q := range typingQueries {
					s := f.x.NewSession(Options{})
					r := []rune(q)
					for j := 1; j <= len(r); j++ {
						t0, c0 := time.Now(), cpuTime()
						if _, err := s.Search(ctx, string(r[:j])); err != nil {
							b.Fatal(err)
						}
						lat = append(lat, time.Since(t0))
						cpu = append(cpu, cpuTime()-c0)
						typed = append(typed, string(r[:j]))
					}
				}
			}
			b.StopTimer()
			slowest := make([]int, len(lat))
			for i := range slowest {
				slowest[i] = i
			}
			slices.SortFunc(slowest, func(a, b int) int { return int(lat[b] - lat[a]) })
			for _, i := range slowest[:3] {
				b.Logf("slow keystroke %q: %v", typed[i], lat[i])
			}
			// A whole query at once, without a session: what fzf does.
			var cold []time.Duration
			for _, q := range typingQueries {
				t0 := time.Now()
				if _, err := f.x.Search(ctx, q, Options{}); err != nil {
					b.Fatal(err)
				}
				cold = append(cold, time.Since(t0))
			}
			b.ReportMetric(percentile(lat, 0.5), "p50-ms")
			b.ReportMetric(percentile(lat, 0.99), "p99-ms")
			b.ReportMetric(percentile(cpu, 0.5), "p50-cpu-ms")
			b.ReportMetric(percentile(cpu, 0.99), "p99-cpu-ms")
			b.ReportMetric(percentile(cold, 0.5), "cold-ms")
			b.ReportMetric(float64(f.indexBytes)/float64(f.textBytes), "index-bytes/text-byte")
			b.ReportMetric(f.build.Seconds(), "build-s")
			if f.fzfMs == -1 {
				lines := make([]string, len(f.items))
				for i, it := range f.items {
					lines[i] = it.Text
				}
				if ms, ok := fzfMillis(b, lines, typingQueries); ok {
					f.fzfMs = ms
				} else {
					f.fzfMs = -2
				}
			}
			if f.fzfMs >= 0 {
				b.ReportMetric(f.fzfMs, "fzf-ms")
			}
		})
	}
}

type bodyFixture struct {
	x          *BodyIndex
	indexBytes float64 // per text byte
	build      time.Duration
	fzfMs      float64 // -1 when fzf could not be run
}

var (
	bodyOnce sync.Once
	bodyFix  *bodyFixture
)

// bodyFixtureOf builds the 100k-article body index once, and times fzf on
// the same bodies, one article a line.
func bodyFixtureOf(b *testing.B) *bodyFixture {
	bodyOnce.Do(func() {
		docs := genBodies(100_000, 2000, 7)
		text := 0
		for _, d := range docs {
			text += len(d.Body)
		}
		byID := func(id dossier.ArticleID) (string, bool) {
			if id < 1 || int(id) > len(docs) {
				return "", false
			}
			return docs[id-1].Body, true
		}
		foldRune('é')
		before := heapInUse()
		start := time.Now()
		f := &bodyFixture{x: NewBodyIndex(byID), fzfMs: -1}
		f.x.AddSegment(BuildSegment(docs))
		f.build = time.Since(start)
		f.indexBytes = float64(heapInUse()-before) / float64(text)
		lines := make([]string, len(docs))
		for i, d := range docs {
			lines[i] = strings.ReplaceAll(d.Body, "\n", " ")
		}
		var fq []string
		for _, q := range bodyQueries {
			fq = append(fq, fzfExact(q))
		}
		if ms, ok := fzfMillis(b, lines, fq); ok {
			f.fzfMs = ms
		}
		bodyFix = f
	})
	return bodyFix
}

func BenchmarkBodySearch(b *testing.B) {
	b.Run("100k", func(b *testing.B) {
		f := bodyFixtureOf(b)
		ctx := context.Background()
		b.ResetTimer()
		var lat, cpu []time.Duration
		for range b.N {
			for _, q := range bodyQueries {
				t0, c0 := time.Now(), cpuTime()
				if _, err := f.x.Search(ctx, q, BodyOptions{Limit: 20}); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
				cpu = append(cpu, cpuTime()-c0)
			}
		}
		b.StopTimer()
		b.ReportMetric(percentile(lat, 0.5), "p50-ms")
		b.ReportMetric(percentile(lat, 0.99), "p99-ms")
		b.ReportMetric(percentile(cpu, 0.5), "p50-cpu-ms")
		b.ReportMetric(percentile(cpu, 0.99), "p99-cpu-ms")
		b.ReportMetric(f.indexBytes, "index-bytes/text-byte")
		b.ReportMetric(f.build.Seconds(), "build-s")
		if f.fzfMs >= 0 {
			b.ReportMetric(f.fzfMs, "fzf-ms")
		}
	})
}

// fzfExact turns a body query into fzf's exact-match syntax: 'word, and
// 'w1\ w2 for a phrase.
func fzfExact(q string) string {
	bq := parseBodyQuery(q)
	var parts []string
	for _, w := range bq.words {
		parts = append(parts, "'"+w)
	}
	for _, p := range bq.phrases {
		parts = append(parts, "'"+strings.Join(p, `\ `))
	}
	return strings.Join(parts, " ")
}

var (
	fzfOnce sync.Once
	fzfPath string
	fzfErr  error
)

// findFzf returns the fzf binary, installing it with `go install` when it is
// not there.
func findFzf() (string, error) {
	fzfOnce.Do(func() {
		if p, err := exec.LookPath("fzf"); err == nil {
			fzfPath = p
			return
		}
		gobin := os.Getenv("GOBIN")
		if gobin == "" {
			out, err := exec.Command("go", "env", "GOPATH").Output()
			if err != nil {
				fzfErr = err
				return
			}
			gobin = filepath.Join(strings.TrimSpace(string(out)), "bin")
		}
		p := filepath.Join(gobin, "fzf")
		if _, err := os.Stat(p); err == nil {
			fzfPath = p
			return
		}
		cmd := exec.Command("go", "install", "github.com/junegunn/fzf@latest")
		cmd.Dir = os.TempDir() // outside this module
		if out, err := cmd.CombinedOutput(); err != nil {
			fzfErr = fmt.Errorf("go install github.com/junegunn/fzf@latest: %v: %s", err, out)
			return
		}
		fzfPath = p
	})
	return fzfPath, fzfErr
}

// fzfMillis writes lines to a file and returns the median wall time of
// `fzf --filter q < file` over the queries.
func fzfMillis(b *testing.B, lines, queries []string) (float64, bool) {
	fzf, err := findFzf()
	if err != nil {
		b.Logf("fzf comparison skipped: %v", err)
		return 0, false
	}
	file := filepath.Join(b.TempDir(), "items.txt")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	var ds []time.Duration
	for _, q := range queries {
		in, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		cmd := exec.Command(fzf, "--filter", q)
		cmd.Stdin = in
		var out bytes.Buffer
		cmd.Stdout = &out
		t0 := time.Now()
		err = cmd.Run()
		ds = append(ds, time.Since(t0))
		in.Close()
		if err != nil && cmd.ProcessState.ExitCode() != 1 { // 1: no match
			b.Logf("fzf --filter %q: %v", q, err)
			return 0, false
		}
	}
	return percentile(ds, 0.5), true
}

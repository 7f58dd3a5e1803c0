package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"dossier/search"
	"dossier/store"
)

// BenchmarkFind100k imports 100,000 generated articles (about 2.5 KB each)
// and times dossier find as the CLI runs it: the first run, which compacts
// the import's segments (one per batch of 500) into one; then each run,
// which opens the notebook, loads the index and searches. It reports the
// load and the search apart, median over the queries and b.N rounds.
//
//	go test -tags migrated_fynedo -run '^$' -bench Find100k -benchtime 3x ./cmd/dossier
func BenchmarkFind100k(b *testing.B) {
	// DOSSIER_FIND_DB keeps the notebook for another run (and for timing
	// the binary by hand); the import is skipped when the file is there.
	db := os.Getenv("DOSSIER_FIND_DB")
	if db == "" {
		db = filepath.Join(b.TempDir(), "nb.dossier")
	}
	m := &Main{Stdout: io.Discard, Stderr: io.Discard}
	importS, segs, firstS := &findSetup.importS, &findSetup.segs, &findSetup.firstS
	if _, err := os.Stat(db); err != nil {
		dir := generateCorpus(b, 100_000)
		start := time.Now()
		if err := m.Run([]string{"--db", db, "--no-seed", "import", dir}); err != nil {
			b.Fatal(err)
		}
		*importS = time.Since(start).Seconds()
		n, err := store.Open(db, nil)
		if err != nil {
			b.Fatal(err)
		}
		*segs, _ = n.SegmentCount()
		n.Close()
		start = time.Now()
		if err := m.Run([]string{"--db", db, "find", "--json", "troops"}); err != nil {
			b.Fatal(err)
		}
		*firstS = time.Since(start).Seconds()
	}

	queries := []string{"troops", `"satellite images"`, "psaki kharkiv", `"more than 94"`, "quokka", "sanctions geneva talks"}
	var loads, searches, runs []time.Duration
	var bytes int
	b.ResetTimer()
	for range b.N {
		for _, q := range queries {
			start := time.Now()
			if err := m.Run([]string{"--db", db, "find", "--json", q}); err != nil {
				b.Fatal(err)
			}
			runs = append(runs, time.Since(start))
		}
		n, err := store.Open(db, nil)
		if err != nil {
			b.Fatal(err)
		}
		x, load, err := loadBodyIndex(n, false)
		if err != nil {
			b.Fatal(err)
		}
		loads, bytes = append(loads, load.took), load.bytes
		for _, q := range queries {
			start := time.Now()
			if _, err := x.Search(b.Context(), q, search.BodyOptions{}); err != nil {
				b.Fatal(err)
			}
			searches = append(searches, time.Since(start))
		}
		n.Close()
	}
	b.StopTimer()
	b.ReportMetric(median(runs), "find-ms")
	b.ReportMetric(median(loads), "load-ms")
	b.ReportMetric(median(searches), "search-ms")
	b.ReportMetric(float64(bytes)/(1<<20), "index-MB")
	if *importS > 0 {
		b.ReportMetric(*importS, "import-s")
		b.ReportMetric(float64(*segs), "segments-after-import")
		b.ReportMetric(*firstS, "first-find-s")
	}
}

// findSetup keeps what the first call of BenchmarkFind100k measured for
// the calls with a larger b.N, which find the notebook made.
var findSetup struct {
	importS, firstS float64
	segs            int
}

func median(d []time.Duration) float64 {
	d = slices.Clone(d)
	slices.Sort(d)
	return float64(d[len(d)/2]) / 1e6
}

package main

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchImport imports paths into a new notebook b.N times and reports
// articles/s end to end (parse, extract, store, commit) and the notebook's
// size per article and against the text it holds.
func benchImport(b *testing.B, paths ...string) {
	var articles int
	var took, cpu time.Duration
	var fileBytes, textBytes int64
	for i := 0; i < b.N; i++ {
		db := filepath.Join(b.TempDir(), "nb.dossier")
		m := &Main{DBPath: db, NoSeed: true, Stdout: os.Stdout, Stderr: os.Stderr, Ctx: context.Background()}
		start, cpu0 := time.Now(), cpuTime()
		n, err := m.open()
		if err != nil {
			b.Fatal(err)
		}
		rep, err := m.importer(n).Import(m.ctx(), paths...)
		if err != nil {
			b.Fatal(err)
		}
		took += time.Since(start)
		cpu += cpuTime() - cpu0
		articles += rep.Added
		st, err := n.Stats()
		if err != nil {
			b.Fatal(err)
		}
		fileBytes, textBytes = st.FileBytes, st.TextBytes
		n.Close()
	}
	b.ReportMetric(float64(articles)/took.Seconds(), "articles/s")
	// CPU per article tells the cost when other work shares the cores.
	b.ReportMetric(cpu.Seconds()*1000/float64(articles), "cpu-ms/article")
	b.ReportMetric(float64(fileBytes)/float64(articles/b.N), "notebook-B/article")
	b.ReportMetric(float64(fileBytes)/float64(textBytes), "notebook/text")
}

func BenchmarkImportBBC(b *testing.B) {
	benchImport(b, bbcFolders(b)...)
}

func BenchmarkImportPressReleases(b *testing.B) {
	pr := filepath.Join(sharedDir(b), "corpus", "press-releases")
	benchImport(b, filepath.Join(pr, "putin.csv"), filepath.Join(pr, "zelenskyy.csv"))
}

func BenchmarkImportGenerated100k(b *testing.B) {
	dir := generateCorpus(b, 100_000)
	b.ResetTimer()
	benchImport(b, dir)
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func bbcFolders(b testing.TB) []string {
	root := filepath.Join(sharedDir(b), "corpus", "bbc")
	var out []string
	for _, t := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		out = append(out, filepath.Join(root, t))
	}
	return out
}

// generateCorpus writes n news-like articles as .txt files, 1,000 a folder,
// about 2.5 KB each like the BBC corpus: a title line, then paragraphs with
// dates, names, quotations and troop figures.
func generateCorpus(b testing.TB, n int) string {
	dir := b.TempDir()
	rng := rand.New(rand.NewSource(1))
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i%1000 == 0 {
			if err := os.MkdirAll(filepath.Join(dir, fmt.Sprintf("%03d", i/1000)), 0o755); err != nil {
				b.Fatal(err)
			}
		}
		sb.Reset()
		writeArticle(&sb, rng, i)
		name := filepath.Join(dir, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%06d.txt", i))
		if err := os.WriteFile(name, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

var (
	genPeople = []string{"Jen Psaki", "Ned Price", "Antony Blinken", "Volodymyr Zelenskyy", "Vladimir Putin",
		"Dmitry Peskov", "Sergei Lavrov", "Oleksii Reznikov", "Jens Stoltenberg", "Lloyd Austin", "Olaf Scholz",
		"Emmanuel Macron", "Boris Johnson", "Wendy Sherman", "Dmytro Kuleba", "Sergei Shoigu"}
	genPlaces = []string{"Kyiv", "Moscow", "Washington", "Brussels", "Donbas", "Crimea", "Belarus", "Kharkiv",
		"the Black Sea", "Rostov", "Voronezh", "Geneva", "Munich", "Minsk"}
	genVerbs = []string{"said", "told reporters", "warned", "added", "said in a statement", "wrote on Twitter"}
	genNouns = []string{"troops", "soldiers", "battalion tactical groups", "personnel", "tanks", "satellite images",
		"sanctions", "talks", "security guarantees", "military exercises", "diplomatic efforts", "the border"}
	genClause = []string{"amid growing concern over the buildup", "as diplomats prepared for another round of talks",
		"according to officials familiar with the matter", "despite repeated calls for de-escalation",
		"in the latest sign of rising tension", "after a phone call that lasted nearly two hours",
		"while allies weighed a package of economic measures", "as new satellite images emerged"}
	genMonths = []string{"November", "December", "January", "February"}
)

func writeArticle(sb *strings.Builder, rng *rand.Rand, i int) {
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	fmt.Fprintf(sb, "%s says %s near %s %s (report %d)\n\n", pick(genPeople), pick(genNouns), pick(genPlaces), pick(genClause), i)
	for p := 0; p < 6+rng.Intn(4); p++ {
		for s := 0; s < 2+rng.Intn(2); s++ {
			switch rng.Intn(4) {
			case 0:
				fmt.Fprintf(sb, "“We are watching the %s near %s very closely,” %s %s. ", pick(genNouns), pick(genPlaces), pick(genPeople), pick(genVerbs))
			case 1:
				fmt.Fprintf(sb, "Officials estimated that more than %d,%03d %s had been moved towards %s by %s %d, %d. ",
					40+rng.Intn(150), rng.Intn(1000), pick(genNouns), pick(genPlaces), pick(genMonths), 1+rng.Intn(28), 2021+rng.Intn(2))
			case 2:
				fmt.Fprintf(sb, "The meeting in %s came %s, and %s said the %s would continue. ", pick(genPlaces), pick(genClause), pick(genPeople), pick(genNouns))
			default:
				fmt.Fprintf(sb, "Analysts in %s noted that %s and %s remained central to the dispute, %s. ", pick(genPlaces), pick(genNouns), pick(genNouns), pick(genClause))
			}
		}
		sb.WriteString("\n\n")
	}
}

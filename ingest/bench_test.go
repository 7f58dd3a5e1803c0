package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// bbcFiles reads the BBC corpus into memory, or skips when it is absent.
func bbcFiles(b *testing.B) (names []string, data [][]byte, size int64) {
	root := shared(b, "corpus", "bbc")
	for _, topic := range bbcTopics {
		entries, err := os.ReadDir(filepath.Join(root, topic))
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			p := filepath.Join(root, topic, e.Name())
			d, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			names, data = append(names, p), append(data, d)
			size += int64(len(d))
		}
	}
	return names, data, size
}

// BenchmarkParseBBC parses the 2,225 BBC articles on one goroutine.
func BenchmarkParseBBC(b *testing.B) {
	names, data, size := bbcFiles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i := range names {
			arts, _ := ParseFile(names[i], data[i], Options{})
			n += len(arts)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkParseCSV parses the 1,796 press releases on one goroutine.
func BenchmarkParseCSV(b *testing.B) {
	root := shared(b, "corpus", "press-releases")
	var names []string
	var data [][]byte
	var size int64
	for _, f := range []string{"putin.csv", "zelenskyy.csv"} {
		d, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			b.Fatal(err)
		}
		names, data = append(names, f), append(data, d)
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i := range names {
			arts, _ := ParseFile(names[i], data[i], Options{})
			n += len(arts)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkNormalize normalises the text of the BBC corpus.
func BenchmarkNormalize(b *testing.B) {
	_, data, size := bbcFiles(b)
	texts := make([]string, len(data))
	for i, d := range data {
		texts[i], _ = Decode(d)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			Normalize(s)
		}
	}
}

// BenchmarkImportBBC runs the whole pipeline on the BBC corpus held in
// memory, with all workers, into the in-memory saver: the import's own cost
// without the disk or the store.
func BenchmarkImportBBC(b *testing.B) {
	names, data, size := bbcFiles(b)
	fsys := fstest.MapFS{}
	for i, name := range names {
		fsys[filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(name)), filepath.Base(name)))] = &fstest.MapFile{Data: data[i]}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		im := Importer{Saver: newMemSaver()}
		rep, err := im.ImportFS(context.Background(), fsys, ".")
		if err != nil {
			b.Fatal(err)
		}
		n += rep.Articles
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

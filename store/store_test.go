package store

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
)

func openTemp(t *testing.T) *Notebook {
	t.Helper()
	n, err := Open(filepath.Join(t.TempDir(), "nb.dossier"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	return n
}

func article(title, url, body string) *dossier.Article {
	return &dossier.Article{Title: title, URL: url, Outlet: "Reuters", Body: body,
		Published: dossier.DayDate(2021, 12, 3, dossier.OriginHeader), File: "x.txt"}
}

func TestOpenCreatesAndMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "nb.dossier")
	n, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !n.Created() {
		t.Error("a new file should report Created")
	}
	n.Close()
	n, err = Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if n.Created() {
		t.Error("a reopened notebook is not new")
	}
	st, err := n.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Schema != SchemaVersion || st.Articles != 0 {
		t.Errorf("stats = %+v, want schema %d and no articles", st, SchemaVersion)
	}
}

func TestSaveDedupAndUpdateByURL(t *testing.T) {
	n := openTemp(t)
	body := "Russia has placed more than 94,000 troops near Ukraine’s borders.\n\nSecond paragraph."
	a := article("Troops", "https://Example.com/a/", body)
	b := article("Other", "", "Another text entirely.")
	res, err := n.SaveArticles([]*dossier.Article{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Action != dossier.Added || res[1].Action != dossier.Added || res[0].ID == res[1].ID {
		t.Fatalf("results = %+v", res)
	}
	if a.ID != res[0].ID || a.Imported.IsZero() {
		t.Errorf("the saved article should carry its ID and import time: %+v", a)
	}

	// Same text again, no URL: a duplicate of the first.
	res, err = n.SaveArticles([]*dossier.Article{article("Copy", "", body)})
	if err != nil || res[0].Action != dossier.Duplicate || res[0].ID != a.ID {
		t.Fatalf("duplicate: %+v %v", res, err)
	}
	// Same text under another URL: another publication, kept.
	res, err = n.SaveArticles([]*dossier.Article{article("Copy", "https://other.example/b", body)})
	if err != nil || res[0].Action != dossier.Added || res[0].ID == a.ID {
		t.Fatalf("same text, other URL: %+v %v", res, err)
	}
	other := res[0].ID
	// Same URL (other spelling), same text: unchanged.
	res, _ = n.SaveArticles([]*dossier.Article{article("Troops", "https://example.com/a#frag", body)})
	if res[0].Action != dossier.Unchanged || res[0].ID != a.ID {
		t.Fatalf("unchanged: %+v", res)
	}
	// Same URL, new text: updated in place, ID kept.
	newBody := body + "\n\nA correction was appended."
	res, _ = n.SaveArticles([]*dossier.Article{article("Troops (updated)", "https://example.com/a", newBody)})
	if res[0].Action != dossier.Updated || res[0].ID != a.ID {
		t.Fatalf("updated: %+v", res)
	}
	got, err := n.Article(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != newBody || got.Title != "Troops (updated)" || got.Hash != dossier.HashBody(newBody) {
		t.Errorf("article after update = %+v", got)
	}
	// The old text is still held by the other publication.
	res, _ = n.SaveArticles([]*dossier.Article{article("Old", "", body)})
	if res[0].Action != dossier.Duplicate || res[0].ID != other {
		t.Errorf("old text after update is the other publication's: %+v", res)
	}
	metas, err := n.ArticleMetas()
	if err != nil || len(metas) != 3 {
		t.Fatalf("metas: %d %v", len(metas), err)
	}
	if err := n.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestArticleRoundTrip(t *testing.T) {
	n := openTemp(t)
	n.Now = func() time.Time { return time.Date(2022, 2, 1, 10, 0, 0, 0, time.UTC) }
	a := &dossier.Article{
		Title: "Зеленський: «Ми не боїмося»", Outlet: "president.gov.ua", URL: "https://www.president.gov.ua/news/1",
		Author: "Press office", Body: strings.Repeat("Україна — це Європа. ", 200),
		Published: dossier.Date{Time: time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC), Precision: dossier.PrecisionMonth, Origin: dossier.OriginInferred},
		File:      "zelenskyy.csv#row 3",
	}
	if _, err := n.SaveArticles([]*dossier.Article{a}); err != nil {
		t.Fatal(err)
	}
	got, err := n.Article(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := *a
	want.Hash = dossier.HashBody(a.Body)
	if *got != want {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	metas, _ := n.ArticleMetas()
	if metas[0].Runes != len([]rune(a.Body)) || metas[0].Published.String() != "2021-12" {
		t.Errorf("meta = %+v", metas[0])
	}
	if _, err := n.Article(99); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("missing article: %v", err)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nb.dossier")
	n, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	start := time.Now()
	_, err = Open(path, nil)
	if err == nil || dossier.ErrorMessage(err) != ErrInUse || dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Fatalf("second open: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second open took %v, want under 2s", d)
	}
}

func TestNotANotebook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.dossier")
	if err := writeFile(path, "this is plain text, not a bbolt file, and it is long enough to have a header"); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, nil)
	if dossier.ErrorCode(err) != dossier.EINVALID || !strings.Contains(err.Error(), path) {
		t.Errorf("open of a text file: %v", err)
	}
}

func TestBodyCodec(t *testing.T) {
	for _, s := range []string{"x", "", strings.Repeat("troops near the border ", 300), "«Ми»"} {
		got, err := decodeBody(encodeBody(s))
		if err != nil || got != s {
			t.Errorf("body %q: got %q, %v", s[:min(len(s), 20)], got[:min(len(got), 20)], err)
		}
	}
	if _, err := decodeBody([]byte{9, 1, 2}); err == nil {
		t.Error("an unknown body format must be an error")
	}
	// Bodies written by earlier builds (plain deflate, raw) still read.
	news := "The Kremlin said on Friday that Russia and the US had a tentative date for a video summit between Putin and Biden, as officials fear a simmering conflict in eastern Ukraine could erupt into open war."
	for _, old := range [][]byte{packBlob([]byte(news)), append([]byte{bodyRaw}, news...)} {
		if got, err := decodeBody(old); err != nil || got != news {
			t.Errorf("old format %d: %q, %v", old[0], got, err)
		}
	}
	if withDict, plain := len(encodeBody(news)), len(packBlob([]byte(news))); withDict >= plain {
		t.Errorf("the dictionary should shrink news text: %d bytes with it, %d without", withDict, plain)
	}
}

// The dictionary is part of the file format: bodies stored with it read
// only with the same bytes.
func TestBodyDictNeverChanges(t *testing.T) {
	const want = "e5d54a2ae8fe67a12f6751bc6f1e4e858a76158a03fd28981aecae64103ec730"
	if got := fmt.Sprintf("%x", sha256.Sum256(bodyDict)); got != want {
		t.Fatalf("store/bodydict.txt changed (sha256 %s): notebooks written with the old one would not read; restore it and add a new format byte for a new dictionary", got)
	}
}

package ui

import (
	"testing"

	"dossier"

	"fyne.io/fyne/v2/test"
)

type memNotebook struct{ arts []*dossier.Article }

func (m *memNotebook) ArticleMetas() ([]dossier.ArticleMeta, error) {
	out := make([]dossier.ArticleMeta, len(m.arts))
	for i, a := range m.arts {
		out[i] = a.Meta()
	}
	return out, nil
}

func (m *memNotebook) Article(id dossier.ArticleID) (*dossier.Article, error) {
	for _, a := range m.arts {
		if a.ID == id {
			return a, nil
		}
	}
	return nil, dossier.Errorf(dossier.ENOTFOUND, "no article %d", id)
}

func TestWindowListsByDateAndOpensArticle(t *testing.T) {
	app := test.NewTempApp(t)
	nb := &memNotebook{arts: []*dossier.Article{
		{ID: 1, Title: "Later", Body: "Second.\n\nParagraph two.", Published: dossier.DayDate(2022, 1, 29, dossier.OriginHeader)},
		{ID: 2, Title: "Undated", Body: "No date."},
		{ID: 3, Title: "Earlier", Outlet: "Reuters", Body: "First.", Published: dossier.DayDate(2021, 12, 3, dossier.OriginInferred)},
	}}
	w, err := NewWindow(app, nb, "test")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, m := range w.Articles() {
		titles = append(titles, m.Title)
	}
	if got := titles; len(got) != 3 || got[0] != "Earlier" || got[1] != "Later" || got[2] != "Undated" {
		t.Fatalf("order = %q, want oldest first and undated last", got)
	}
	// The first article opens on start; an inferred date says so.
	if a := w.Reader().Article(); a == nil || a.ID != 3 {
		t.Fatalf("reader shows %v, want article 3", a)
	}
	if got := w.Reader().meta.Text; got != "Reuters · 2021-12-03 (inferred)" {
		t.Errorf("meta line = %q", got)
	}
	w.list.Select(1)
	if a := w.Reader().Article(); a == nil || a.ID != 1 || len(w.Reader().Paragraphs()) != 2 {
		t.Errorf("after selecting the second row the reader shows %+v", a)
	}
}

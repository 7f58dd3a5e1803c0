package main

import (
	"dossier"
	"dossier/extract"
	"dossier/ingest"
	"dossier/store"
)

// aliasesOf returns a notebook's alias table: the built-in spellings with
// the notebook's own changes laid over them.
func aliasesOf(n *store.Notebook) (*extract.Aliases, error) {
	al := extract.DefaultAliases()
	pairs, err := n.AliasPairs()
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		if p[1] == "" {
			al.Remove(p[0])
		} else {
			al.Add(p[0], p[1])
		}
	}
	return al, nil
}

// wireExtraction sets the notebook's extractor: quotes, speakers and figures
// found with the notebook's alias table. It returns the table, which the
// listings also use to merge speakers.
func (m *Main) wireExtraction(n *store.Notebook) (*extract.Aliases, error) {
	al, err := aliasesOf(n)
	if err != nil {
		return nil, err
	}
	n.Extract = func(a *dossier.Article) dossier.Extraction { return extract.Article(a, al) }
	return al, nil
}

// openNotebook opens the notebook at m.DBPath with extraction wired, so that
// every import finds quotes and figures. It does not seed.
func (m *Main) openNotebook() (*store.Notebook, error) {
	n, err := store.Open(m.DBPath, nil)
	if err != nil {
		return nil, err
	}
	if _, err := m.wireExtraction(n); err != nil {
		n.Close()
		return nil, err
	}
	n.IndexBodies = indexBodies // every import indexes its batch for dossier find
	return n, nil
}

// importOptions are the ingest options every import uses: dates inferred
// from the text of articles that have none in a header or metadata.
func importOptions() ingest.Options {
	return ingest.Options{InferDate: extract.InferDate}
}

// openExtracting opens the notebook as every command does (seeding a new
// one) and makes sure its extractor is set; it returns the alias table.
func (m *Main) openExtracting() (*store.Notebook, *extract.Aliases, error) {
	n, err := m.open()
	if err != nil {
		return nil, nil, err
	}
	al, err := m.wireExtraction(n)
	if err != nil {
		n.Close()
		return nil, nil, err
	}
	return n, al, nil
}

// speakerCanon is the query language's speaker hook for an alias table:
// "speaker:Zelensky" matches every spelling of Volodymyr Zelenskyy.
func speakerCanon(al *extract.Aliases) func(name string) string {
	return func(name string) string {
		if c := al.Canonical(name); c != name {
			return c
		}
		return ""
	}
}

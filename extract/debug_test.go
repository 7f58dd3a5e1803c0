package extract

import (
	"os"
	"testing"

	"dossier"
)

// TestDebugOne prints the quotes of testdata/labelled/$EXTRACT_ONE.txt.
func TestDebugOne(t *testing.T) {
	name := os.Getenv("EXTRACT_ONE")
	if name == "" {
		t.Skip()
	}
	body, err := os.ReadFile("testdata/labelled/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	ex := Article(&dossier.Article{ID: 1, Body: string(body)}, nil)
	for _, q := range ex.Quotes {
		t.Logf("%q | %s | mention %q role %q", clip(q.Text), q.Speaker, q.Mention, q.Role)
	}
}

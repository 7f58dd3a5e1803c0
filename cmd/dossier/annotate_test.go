package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
)

// cli runs the dossier command in-process on the notebook db.
func cli(t *testing.T, db string, args ...string) (string, error) {
	t.Helper()
	var out, errw bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errw}
	err := m.Run(append([]string{"--db", db}, args...))
	if err != nil && errw.Len() > 0 {
		t.Logf("dossier %s: %s", strings.Join(args, " "), errw.String())
	}
	return out.String(), err
}

func cliJSON(t *testing.T, db string, v any, args ...string) {
	t.Helper()
	out, err := cli(t, db, append(args, "--json")...)
	if err != nil {
		t.Fatalf("dossier %s: %v", strings.Join(args, " "), err)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("dossier %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, err := cli(t, db, args...)
	if err != nil {
		t.Fatalf("dossier %s: %v", strings.Join(args, " "), err)
	}
	return out
}

func TestAnnotateTagsUndoCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nb.dossier")
	var arts []articleJSON
	cliJSON(t, db, &arts, "list") // seeds the notebook
	if len(arts) != 5 {
		t.Fatalf("%d seed articles", len(arts))
	}
	var a2 articleJSON
	cliJSON(t, db, &a2, "show", "2")
	body2 := []rune(*a2.Body)
	// A sentence of article 2 that occurs once.
	quote := ""
	for _, s := range strings.Split(*a2.Body, ". ") {
		if len([]rune(s)) > 30 && strings.Count(*a2.Body, s) == 1 {
			quote = s
			break
		}
	}
	if quote == "" {
		t.Fatal("no unique sentence in article 2")
	}

	mustCLI(t, db, "annotate", "1", "--start", "0", "--end", "20", "--tag", "actor/usa", "--note", "line one\nline two")
	out := mustCLI(t, db, "annotate", "2", "--quote", quote, "--tag", "actor/russia/mod", "--tag", "theme/troops")
	if !strings.HasPrefix(out, "passage 2: article 2,") {
		t.Errorf("annotate printed %q", out)
	}
	if _, err := cli(t, db, "annotate", "2", "--quote", "no such text anywhere", "--tag", "x"); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("annotate with a missing quote: %v", err)
	}
	if _, err := cli(t, db, "annotate", "2", "--start", "5", "--tag", "x"); err != errUsage {
		t.Errorf("annotate with --start alone: %v", err)
	}

	var ps []passageJSON
	cliJSON(t, db, &ps, "passages")
	if len(ps) != 2 {
		t.Fatalf("passages = %+v", ps)
	}
	if p := ps[0]; p.ID != 1 || p.Article != 1 || p.Start != 0 || p.End != 20 || len([]rune(p.Text)) != 20 ||
		p.Note != "line one\nline two" || strings.Join(p.Tags, ",") != "actor/usa" || p.Orphan {
		t.Errorf("passage 1 = %+v", p)
	}
	if p := ps[1]; p.Text != quote || string(body2[p.Start:p.End]) != quote || strings.Join(p.Tags, ",") != "actor/russia/mod,theme/troops" {
		t.Errorf("passage 2 = %+v", p)
	}
	cliJSON(t, db, &ps, "passages", "--query", "tag:actor/russia")
	if len(ps) != 1 || ps[0].ID != 2 {
		t.Errorf("passages --query tag:actor/russia = %+v", ps)
	}
	if _, err := cli(t, db, "passages", "--query", "tga:x"); err != errFailed {
		t.Errorf("a bad query: %v", err)
	}

	var tags []tagJSON
	cliJSON(t, db, &tags, "tags")
	byPath := map[string]tagJSON{}
	for _, tg := range tags {
		byPath[tg.Path] = tg
	}
	if tg := byPath["actor"]; tg.Count != 0 || tg.Total != 2 || tg.Color == "" {
		t.Errorf("tag actor = %+v", tg)
	}
	if tg := byPath["actor/russia/mod"]; tg.Count != 1 || tg.Total != 1 {
		t.Errorf("tag actor/russia/mod = %+v", tg)
	}

	_, err := cli(t, db, "tag", "delete", "actor")
	if dossier.ErrorMessage(err) != "tag actor is used by 2 passages; add --force to delete it" || exitStatus(&bytes.Buffer{}, err) != 1 {
		t.Errorf("deleting a tag in use: %v", err)
	}
	mustCLI(t, db, "tag", "rename", "actor/russia", "state/russia")
	mustCLI(t, db, "tag", "color", "theme/troops", "#112233")
	mustCLI(t, db, "tag", "describe", "theme/troops", "numbers of troops")
	cliJSON(t, db, &tags, "tags")
	for _, tg := range tags {
		if tg.Path == "theme/troops" && (tg.Color != "#112233" || tg.Description != "numbers of troops") {
			t.Errorf("theme/troops = %+v", tg)
		}
	}
	cliJSON(t, db, &arts, "list", "--query", "tag:state")
	if len(arts) != 1 || arts[0].ID != 2 {
		t.Errorf("list --query tag:state = %+v", arts)
	}

	// Delete article 2; undo brings it back with its passage, redo removes
	// it again, and undo once more.
	mustCLI(t, db, "delete", "2")
	cliJSON(t, db, &ps, "passages")
	if len(ps) != 1 {
		t.Errorf("after delete: %d passages", len(ps))
	}
	if out := mustCLI(t, db, "undo"); !strings.HasPrefix(out, "undone: Delete article 2") {
		t.Errorf("undo printed %q", out)
	}
	mustCLI(t, db, "redo")
	mustCLI(t, db, "undo")
	cliJSON(t, db, &ps, "passages", "--query", "tag:state/russia/mod")
	if len(ps) != 1 || ps[0].Text != quote {
		t.Errorf("after undoing the delete: %+v", ps)
	}
	// Undo the describe, colour, rename and both passages.
	for range 5 {
		mustCLI(t, db, "undo")
	}
	cliJSON(t, db, &ps, "passages")
	if len(ps) != 0 {
		t.Errorf("after undoing everything: %+v", ps)
	}
	mustCLI(t, db, "redo")
	cliJSON(t, db, &ps, "passages")
	if len(ps) != 1 || ps[0].Note != "line one\nline two" {
		t.Errorf("after redo: %+v", ps)
	}
	var hist []opJSON
	cliJSON(t, db, &hist, "history")
	done := 0
	for done < len(hist) && hist[done].Undone {
		done++
	}
	if done != 5 || hist[done].Kind != "passage" || !hist[0].Undone {
		t.Errorf("history = %+v", hist)
	}
}

package ui

import (
	"testing"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

var dialogTags = []TagCount{
	{Tag: dossier.Tag{Path: "actor/russia", Color: "#E15759"}, Count: 4, Total: 6},
	{Tag: dossier.Tag{Path: "actor/russia/mod", Color: "#4E79A7"}, Count: 2, Total: 2},
	{Tag: dossier.Tag{Path: "figures/troops", Color: "#F28E2B"}, Count: 9, Total: 9},
	{Tag: dossier.Tag{Path: "claims/invasion", Color: "#59A14F"}, Count: 1, Total: 1},
	{Tag: dossier.Tag{Path: "actor/Żelenski spelling", Color: "#B07AA1"}, Count: 1, Total: 1},
}

func newDialogWindow(t *testing.T) fyne.Window {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("behind"))
	w.Resize(fyne.NewSize(900, 700))
	return w
}

func matchPaths(d *tagDialog) []string {
	var out []string
	for _, m := range d.matches {
		p := m.path
		if m.create {
			p = "+" + p
		}
		out = append(out, p)
	}
	return out
}

func TestTagDialogTypeFiltersEnterPicksAndSaves(t *testing.T) {
	w := newDialogWindow(t)
	var saved []string
	var savedNote string
	saves := 0
	d := showTagDialog(w, dialogTags, nil, "", func(tags []string, note string) { saved, savedNote = tags, note; saves++ }, nil)
	if got := matchPaths(d); len(got) != len(dialogTags) || got[0] != "figures/troops" {
		t.Errorf("with nothing typed the list is %q, want every tag, most used first", got)
	}
	if w.Canvas().Focused() != d.entry {
		t.Errorf("the tag field has no focus")
	}
	test.Type(d.entry, "troop")
	if got := matchPaths(d); len(got) != 2 || got[0] != "figures/troops" || got[1] != "+troop" {
		t.Fatalf("typing troop lists %q", got)
	}
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(d.chosen) != 1 || d.chosen[0] != "figures/troops" || d.entry.Text != "" {
		t.Fatalf("Enter picked %q, left %q typed", d.chosen, d.entry.Text)
	}
	if saves != 0 {
		t.Fatalf("Enter on a match saved")
	}
	// Letters in order, accents and case ignored; Down moves to the second.
	test.Type(d.entry, "ARM")
	if got := matchPaths(d); len(got) < 2 || got[0] != "actor/russia/mod" {
		t.Errorf("typing ARM lists %q", got)
	}
	d.entry.SetText("")
	test.Type(d.entry, "zel")
	if got := matchPaths(d); len(got) == 0 || got[0] != "actor/Żelenski spelling" {
		t.Errorf("typing zel lists %q", got)
	}
	d.entry.SetText("")
	test.Type(d.entry, "ac")
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	second := d.matches[1].path
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(d.chosen) != 2 || d.chosen[1] != second {
		t.Errorf("Down, Enter picked %q, want %q second", d.chosen, second)
	}
	// Backspace in the empty field takes the last one back.
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if len(d.chosen) != 1 {
		t.Errorf("Backspace left %q", d.chosen)
	}
	// The note takes Shift+Enter as a new line; Enter saves.
	w.Canvas().Focus(d.note)
	test.Type(d.note, "Reznikov")
	d.note.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	d.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.note.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.Type(d.note, "citing intelligence")
	d.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if saves != 1 || len(saved) != 1 || saved[0] != "figures/troops" || savedNote != "Reznikov\nciting intelligence" {
		t.Errorf("saved %d times: %q, %q", saves, saved, savedNote)
	}
	if len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("the dialog is still shown after saving")
	}
}

func TestTagDialogCreatesNewTag(t *testing.T) {
	w := newDialogWindow(t)
	var saved []string
	d := showTagDialog(w, dialogTags, nil, "", func(tags []string, note string) { saved = tags }, nil)
	test.Type(d.entry, "  sources / anonymous ")
	if got := matchPaths(d); len(got) != 1 || got[0] != "+sources/anonymous" {
		t.Fatalf("typing a new tag lists %q", got)
	}
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	// Enter with nothing typed saves.
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(saved) != 1 || saved[0] != "sources/anonymous" {
		t.Errorf("saved %q", saved)
	}
}

func TestTagDialogEditDeleteAndCancel(t *testing.T) {
	w := newDialogWindow(t)
	deleted, saved := 0, 0
	d := showTagDialog(w, dialogTags, []string{"actor/russia"}, "old note", func([]string, string) { saved++ }, func() { deleted++ })
	if d.note.Text != "old note" || len(d.chosen) != 1 || len(d.chips.Objects) != 1 {
		t.Fatalf("editing shows %q with %d chips", d.note.Text, len(d.chips.Objects))
	}
	for _, m := range d.matches {
		if m.path == "actor/russia" {
			t.Errorf("a chosen tag is still offered")
		}
	}
	// Save picks what is typed first.
	test.Type(d.entry, "invas")
	test.Tap(d.save)
	if saved != 1 || len(d.chosen) != 2 {
		t.Errorf("Save: %d saves, chosen %q", saved, d.chosen)
	}

	d = showTagDialog(w, dialogTags, []string{"actor/russia"}, "", func([]string, string) { saved++ }, func() { deleted++ })
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if saved != 1 || deleted != 0 || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Escape: %d saves, %d deletes, %d overlays", saved, deleted, len(w.Canvas().Overlays().List()))
	}

	d = showTagDialog(w, dialogTags, []string{"actor/russia"}, "", func([]string, string) { saved++ }, func() { deleted++ })
	var del *widget.Button
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Delete" {
			del = b
		}
	}
	if del == nil {
		t.Fatal("no Delete button when editing")
	}
	test.Tap(del)
	if deleted != 1 || saved != 1 {
		t.Errorf("Delete: %d deletes, %d saves", deleted, saved)
	}

	// Editing, every tag taken off and no note: saved, for the window to delete.
	var got []string
	d = showTagDialog(w, dialogTags, []string{"actor/russia"}, "", func(tags []string, _ string) { got = tags; saved++ }, func() { deleted++ })
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if saved != 2 || len(got) != 0 {
		t.Errorf("saving with no tags: %d saves with %q", saved, got)
	}
	// A new passage needs a tag or a note.
	d = showTagDialog(w, dialogTags, nil, "", func([]string, string) { saved++ }, nil)
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if saved != 2 || !d.problem.Visible() {
		t.Errorf("a new passage saved with nothing (%d saves)", saved)
	}
}

func TestTagScore(t *testing.T) {
	for _, tt := range []struct {
		q, path string
		ok      bool
	}{
		{"", "x", true}, {"ftr", "figures/troops", true}, {"rus", "actor/russia", true},
		{"sur", "actor/russia", false}, {"élan", "Elan", true}, {"ёж", "ежи", true},
	} {
		if _, ok := tagScore(foldTag(tt.q), foldTag(tt.path)); ok != tt.ok {
			t.Errorf("tagScore(%q, %q) ok = %v", tt.q, tt.path, ok)
		}
	}
	a, _ := tagScore(foldTag("rus"), foldTag("actor/russia"))
	b, _ := tagScore(foldTag("rus"), foldTag("actor/ukraine/regions/Kherson oblast"))
	if a <= b {
		t.Errorf("a run at a part's start scores %d, scattered letters %d", a, b)
	}
}

// With no tag to list, the dialog says what to type instead of showing an
// empty band; the words go as soon as something is listed.
func TestTagDialogSaysWhatToDoWhenNothingIsListed(t *testing.T) {
	w := newDialogWindow(t)
	d := showTagDialog(w, nil, nil, "", func([]string, string) {}, nil)
	if !d.empty.Visible() || d.empty.Text != "No tags yet: type one, e.g. actor/russia or claim/troops, and press Enter" {
		t.Fatalf("a notebook with no tags: visible %v, %q", d.empty.Visible(), d.empty.Text)
	}
	test.Type(d.entry, "actor/us")
	if d.empty.Visible() {
		t.Errorf("the words stay while %q is offered", matchPaths(d))
	}
	d.dlg.Hide()

	one := dialogTags[:1]
	d = showTagDialog(w, one, []string{"actor/russia"}, "", func([]string, string) {}, nil)
	if !d.empty.Visible() || d.empty.Text != "Every tag is on this passage: type a new one" {
		t.Errorf("every tag chosen: visible %v, %q", d.empty.Visible(), d.empty.Text)
	}
	d.dlg.Hide()

	d = showTagDialog(w, dialogTags, nil, "", func([]string, string) {}, nil)
	if d.empty.Visible() {
		t.Errorf("the words show beside %d listed tags", len(d.matches))
	}
}

// A tag picked in a notebook that had none is on the passage: the dialog no
// longer says there are no tags (seen on screen: the chip above, "No tags
// yet" below).
func TestTagDialogNoLongerSaysNoTagsOnceOneIsPicked(t *testing.T) {
	w := newDialogWindow(t)
	d := showTagDialog(w, nil, nil, "", func([]string, string) {}, nil)
	test.Type(d.entry, "actor/us")
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(d.chosen) != 1 || d.entry.Text != "" {
		t.Fatalf("Enter on a new tag: chosen %v, entry %q", d.chosen, d.entry.Text)
	}
	if !d.empty.Visible() || d.empty.Text != "Every tag is on this passage: type a new one" {
		t.Errorf("after picking %v: visible %v, %q", d.chosen, d.empty.Visible(), d.empty.Text)
	}
	d.dlg.Hide()
}

package ui

import (
	"testing"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The note "No tags yet" stands over the tag tree only while there are no
// tags: once one is made, the tree moves up into its place.
func TestSidebarTagNoteGivesWayToTheTree(t *testing.T) {
	test.NewTempApp(t)
	s := NewSidebar()
	w := test.NewWindow(s.tabs)
	defer w.Close()
	w.Resize(fyne.NewSize(260, 500))
	s.SetTags(nil)
	if !s.tagNote.Visible() || s.tree.Position().Y <= 0 {
		t.Fatalf("no tags: note visible %v, tree at %v", s.tagNote.Visible(), s.tree.Position())
	}
	s.SetTags([]TagCount{{Tag: dossier.Tag{Path: "actor/us"}, Count: 1, Total: 1}})
	if s.tagNote.Visible() || s.tree.Position().Y != 0 {
		t.Errorf("one tag: note visible %v, tree at %v, want at the top", s.tagNote.Visible(), s.tree.Position())
	}
}

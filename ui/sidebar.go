package ui

import (
	"sort"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Sidebar holds the notebook's tags as a tree, the speakers and the
// outlets, each with its count. Choosing one builds the filter: a first
// click keeps only what has it (tag:x), a second leaves out what has it
// (-tag:x), a third drops the condition; a right click excludes at once.
type Sidebar struct {
	widget.BaseWidget

	// OnQuery is called with the filter a choice made.
	OnQuery func(q *dossier.Query)
	// TagColor gives a tag's colour.
	TagColor func(tag string) string
	// TagMenu, when set, gives what a tag's right-click menu offers
	// besides the filter: rename, merge, colour, describe, delete.
	TagMenu func(path string) []*fyne.MenuItem

	query    *dossier.Query
	tags     map[string]*TagCount // by path as stored
	children map[string][]string  // tree: parent path ("" for the root) to child paths
	speakers []NameCount
	outlets  []NameCount

	tree        *widget.Tree
	speakerList *widget.List
	outletList  *widget.List
	tabs        *container.AppTabs
	speakerNote *widget.Label
	tagNote     *widget.Label
	tagPane     *fyne.Container // the note over the tree: laid out again when the note shows or hides
}

// Sidebar tab names.
const (
	tabTags     = "Tags"
	tabSpeakers = "Speakers"
	tabOutlets  = "Outlets"
)

// NewSidebar returns an empty sidebar.
func NewSidebar() *Sidebar {
	s := &Sidebar{tags: map[string]*TagCount{}, children: map[string][]string{}}
	s.tree = widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return s.children[id] },
		func(id widget.TreeNodeID) bool { return len(s.children[id]) > 0 },
		func(bool) fyne.CanvasObject { return newSideRow(true) },
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) { s.bindTag(id, o.(*sideRow)) },
	)
	s.tree.OnSelected = func(id widget.TreeNodeID) {
		s.tree.UnselectAll()
		s.Cycle("tag", id)
	}
	s.speakerList = s.nameList(func() []NameCount { return s.speakers }, "speaker")
	s.outletList = s.nameList(func() []NameCount { return s.outlets }, "outlet")
	s.speakerNote = widget.NewLabel("Reading who is quoted…")
	s.speakerNote.Importance = widget.LowImportance
	s.speakerNote.Wrapping = fyne.TextWrapWord
	s.tagNote = widget.NewLabel("No tags yet. Select text in an article and press Ctrl+T to tag it.")
	s.tagNote.Importance = widget.LowImportance
	s.tagNote.Wrapping = fyne.TextWrapWord
	s.tagNote.Hide()
	s.tagPane = container.NewBorder(s.tagNote, nil, nil, nil, s.tree)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(tabTags, s.tagPane),
		container.NewTabItem(tabSpeakers, container.NewBorder(s.speakerNote, nil, nil, nil, s.speakerList)),
		container.NewTabItem(tabOutlets, s.outletList),
	)
	s.ExtendBaseWidget(s)
	return s
}

func (s *Sidebar) nameList(items func() []NameCount, field string) *widget.List {
	var l *widget.List
	l = widget.NewList(
		func() int { return len(items()) },
		func() fyne.CanvasObject { return newSideRow(false) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if list := items(); i < len(list) {
				r := o.(*sideRow)
				n := list[i]
				r.set(n.Name, "", n.Count, s.state(field, n.Name))
				r.onTap = func() { s.Cycle(field, n.Name) }
				r.onSecondary = func() { s.Exclude(field, n.Name) }
			}
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		l.UnselectAll()
		if list := items(); i < len(list) {
			s.Cycle(field, list[i].Name)
		}
	}
	return l
}

func (s *Sidebar) bindTag(id string, r *sideRow) {
	name := id[strings.LastIndexByte(id, '/')+1:]
	count := 0
	if t := s.tags[id]; t != nil {
		count = t.Total
	}
	color := ""
	if s.TagColor != nil {
		color = s.TagColor(id)
	}
	r.set(name, color, count, s.state("tag", id))
	r.onTap = func() { s.Cycle("tag", id) }
	r.onSecondary = func() { s.Exclude("tag", id) }
	r.onMenu = nil
	if s.TagMenu != nil {
		r.onMenu = func(at fyne.Position) { s.showTagMenu(id, r, at) }
	}
}

// showTagMenu opens a tag's menu at at.
func (s *Sidebar) showTagMenu(path string, r *sideRow, at fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(r)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", s.tagMenuItems(path)...), c, at)
}

// tagMenuItems is a tag's menu: the filter's choices first, then what
// TagMenu offers.
func (s *Sidebar) tagMenuItems(path string) []*fyne.MenuItem {
	name := path[strings.LastIndexByte(path, '/')+1:]
	only := fyne.NewMenuItem("Only What Has "+name, func() { s.Keep("tag", path, 1) })
	out := fyne.NewMenuItem("Leave Out What Has "+name, func() { s.Keep("tag", path, -1) })
	switch s.state("tag", path) {
	case 1:
		only = fyne.NewMenuItem("Drop "+name+" From the Filter", func() { s.Keep("tag", path, 0) })
	case -1:
		out = fyne.NewMenuItem("Drop "+name+" From the Filter", func() { s.Keep("tag", path, 0) })
	}
	items := []*fyne.MenuItem{only, out}
	if more := s.TagMenu(path); len(more) > 0 {
		items = append(append(items, fyne.NewMenuItemSeparator()), more...)
	}
	return items
}

// Keep sets field:value's place in the filter: 1 keeps only what has it,
// -1 leaves it out, 0 drops the condition.
func (s *Sidebar) Keep(field, value string, state int) {
	q, _ := s.query.Without(field, value)
	var err error
	switch state {
	case 1:
		q, err = q.And(field, value)
	case -1:
		q, err = q.AndNot(field, value)
	}
	if err == nil {
		s.change(q)
	}
}

// SetTags shows the notebook's tags as a tree; a tag's parents appear even
// when no tag of their own exists.
func (s *Sidebar) SetTags(tags []TagCount) {
	s.tags = make(map[string]*TagCount, len(tags))
	s.children = map[string][]string{}
	canon := map[string]string{} // lower case to the first spelling seen
	add := func(path string) string {
		low := strings.ToLower(path)
		if c, ok := canon[low]; ok {
			return c
		}
		canon[low] = path
		return path
	}
	var place func(path string) string
	place = func(path string) string {
		low := strings.ToLower(path)
		if c, ok := canon[low]; ok {
			return c
		}
		p := add(path)
		parent := ""
		if up := dossier.TagParent(path); up != "" {
			parent = place(up)
		}
		s.children[parent] = append(s.children[parent], p)
		return p
	}
	for i := range tags {
		p := place(tags[i].Path)
		s.tags[p] = &tags[i]
	}
	for _, kids := range s.children {
		sort.Slice(kids, func(i, j int) bool { return strings.ToLower(kids[i]) < strings.ToLower(kids[j]) })
	}
	if hide := len(tags) > 0; hide != s.tagNote.Hidden {
		s.tagNote.Hidden = hide
		s.tagPane.Refresh()
	}
	s.tree.Refresh()
	s.tree.OpenAllBranches()
}

// SetSpeakers shows the people quoted; nil says they are still being read.
func (s *Sidebar) SetSpeakers(names []NameCount) {
	s.speakers = names
	switch {
	case names == nil:
		s.speakerNote.SetText("Reading who is quoted…")
		s.speakerNote.Show()
	case len(names) == 0:
		s.speakerNote.SetText("No one is quoted by name yet.")
		s.speakerNote.Show()
	default:
		s.speakerNote.Hide()
	}
	s.speakerList.Refresh()
}

// SetOutlets shows the outlets.
func (s *Sidebar) SetOutlets(names []NameCount) {
	s.outlets = names
	s.outletList.Refresh()
}

// SetQuery marks the choices that q holds.
func (s *Sidebar) SetQuery(q *dossier.Query) {
	s.query = q
	s.tree.Refresh()
	s.speakerList.Refresh()
	s.outletList.Refresh()
}

// ShowTab brings the tab of that name forward.
func (s *Sidebar) ShowTab(name string) {
	for _, t := range s.tabs.Items {
		if t.Text == name {
			s.tabs.Select(t)
		}
	}
}

// state is 1 when the filter keeps only what has field:value, -1 when it
// leaves that out, 0 otherwise.
func (s *Sidebar) state(field, value string) int {
	if s.query == nil {
		return 0
	}
	if q, err := s.query.And(field, value); err == nil && q == s.query {
		return 1
	}
	if q, err := s.query.AndNot(field, value); err == nil && q == s.query {
		return -1
	}
	return 0
}

// Cycle moves field:value on: not in the filter, then kept, then left out,
// then not in the filter again.
func (s *Sidebar) Cycle(field, value string) {
	q := s.query
	var err error
	switch s.state(field, value) {
	case 0:
		q, err = q.And(field, value)
	case 1:
		q, _ = q.Without(field, value)
		q, err = q.AndNot(field, value)
	default:
		q, _ = q.Without(field, value)
	}
	if err == nil {
		s.change(q)
	}
}

// Exclude leaves out what has field:value, or drops that condition when it
// is already left out.
func (s *Sidebar) Exclude(field, value string) {
	if s.state(field, value) == -1 {
		q, _ := s.query.Without(field, value)
		s.change(q)
		return
	}
	q, _ := s.query.Without(field, value)
	if q, err := q.AndNot(field, value); err == nil {
		s.change(q)
	}
}

func (s *Sidebar) change(q *dossier.Query) {
	if q != nil && q.String() == "" {
		q = nil
	}
	s.SetQuery(q)
	if s.OnQuery != nil {
		s.OnQuery(q)
	}
}

func (s *Sidebar) CreateRenderer() fyne.WidgetRenderer {
	hint := widget.NewLabel("Click: only these · again: leave out · again: clear. Right click: a tag's menu; a speaker or outlet left out.")
	hint.Wrapping = fyne.TextWrapWord
	hint.TextStyle = fyne.TextStyle{Italic: true}
	hint.SizeName = theme.SizeNameCaptionText
	return widget.NewSimpleRenderer(container.NewBorder(nil, hint, nil, nil, s.tabs))
}

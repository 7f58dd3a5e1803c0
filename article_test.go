package dossier

import (
	"slices"
	"testing"
	"time"
)

func TestDateLabel(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want string
	}{
		{Date{}, "undated"},
		{DayDate(2021, 12, 3, OriginHeader), "2021-12-03"},
		{DayDate(2021, 10, 29, OriginInferred), "2021-10-29 (inferred)"},
		{Date{Time: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth, Origin: OriginMetadata}, "2022-02"},
	} {
		if got := tt.d.Label(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestSortByDateMatchesCompare(t *testing.T) {
	day := func(y int, m time.Month, d int) Date { return DayDate(y, m, d, OriginHeader) }
	ms := []ArticleMeta{
		{ID: 5}, {ID: 4, Published: day(2022, 1, 29)}, {ID: 1, Published: day(2021, 12, 3)},
		{ID: 2}, {ID: 3, Published: day(2021, 12, 3)}, {ID: 6, Published: day(2021, 4, 10)},
	}
	got := slices.Clone(ms)
	SortByDate(got)
	var ids []ArticleID
	for _, m := range got {
		ids = append(ids, m.ID)
	}
	if want := []ArticleID{6, 1, 3, 4, 2, 5}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v: oldest first, ties by ID, undated last", ids, want)
	}
	want := slices.Clone(ms)
	slices.SortStableFunc(want, func(a, b ArticleMeta) int { return CompareByDate(&a, &b) })
	if !slices.EqualFunc(got, want, func(a, b ArticleMeta) bool { return a.ID == b.ID }) {
		t.Error("SortByDate and CompareByDate disagree")
	}
}

package ingest

import (
	"strings"
	"time"

	"dossier"
)

// dateLayouts are the forms a date in metadata may take, each with the
// precision it gives. Layouts with a time of day come first so that a full
// timestamp is never read as a bare date.
var dateLayouts = []struct {
	layout    string
	precision dossier.Precision
}{
	{time.RFC3339Nano, dossier.PrecisionDay},
	{"2006-01-02T15:04Z07:00", dossier.PrecisionDay},
	{"2006-01-02T15:04:05.999999999", dossier.PrecisionDay},
	{"2006-01-02T15:04", dossier.PrecisionDay},
	{"2006-01-02 15:04:05.999999999Z07:00", dossier.PrecisionDay},
	{"2006-01-02 15:04:05.999999999 -0700", dossier.PrecisionDay},
	{"2006-01-02 15:04:05.999999999 -0700 MST", dossier.PrecisionDay},
	{"2006-01-02 15:04:05.999999999", dossier.PrecisionDay},
	{"2006-01-02 15:04", dossier.PrecisionDay},
	{"2006-01-02T15:04:05-0700", dossier.PrecisionDay},
	{time.RFC1123Z, dossier.PrecisionDay},
	{time.RFC1123, dossier.PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 -0700", dossier.PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 MST", dossier.PrecisionDay},
	{"Mon, 2 Jan 2006 15:04 -0700", dossier.PrecisionDay},
	{"Mon, 2 Jan 2006", dossier.PrecisionDay},
	{time.RFC850, dossier.PrecisionDay},
	{time.ANSIC, dossier.PrecisionDay},
	{time.UnixDate, dossier.PrecisionDay},
	{"2006-01-02", dossier.PrecisionDay},
	{"2006/01/02", dossier.PrecisionDay},
	{"20060102", dossier.PrecisionDay},
	{"2.1.2006", dossier.PrecisionDay},
	{"January 2, 2006", dossier.PrecisionDay},
	{"January 2 2006", dossier.PrecisionDay},
	{"Monday, January 2, 2006", dossier.PrecisionDay},
	{"2 January 2006", dossier.PrecisionDay},
	{"Monday 2 January 2006", dossier.PrecisionDay},
	{"Monday, 2 January 2006", dossier.PrecisionDay},
	{"Jan 2, 2006", dossier.PrecisionDay},
	{"Jan 2 2006", dossier.PrecisionDay},
	{"Jan. 2, 2006", dossier.PrecisionDay},
	{"2 Jan 2006", dossier.PrecisionDay},
	{"2 Jan. 2006", dossier.PrecisionDay},
	{"January 2, 2006 3:04 PM", dossier.PrecisionDay},
	{"January 2, 2006 15:04", dossier.PrecisionDay},
	{"2 January 2006 15:04", dossier.PrecisionDay},
	{"2006-01", dossier.PrecisionMonth},
	{"January 2006", dossier.PrecisionMonth},
	{"Jan 2006", dossier.PrecisionMonth},
	{"2006", dossier.PrecisionYear},
}

// ParseDate reads a date as metadata gives it: ISO 8601 dates and times,
// RFC 3339, RFC 1123 and RFC 822 forms, "January 2, 2006", "2 January 2006",
// "Jan 2, 2006", "2006-01" and "2006" among others. The precision is what
// the text gives (day, month or year) and the origin is OriginMetadata. A
// timestamp is taken on the calendar day it names in its own time zone, not
// converted to UTC: "2022-06-24T23:23:00+03:00" is 24 June. ok is false when
// s is not a date it knows.
func ParseDate(s string) (d dossier.Date, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return dossier.Date{}, false
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1000 || t.Year() > 9999 {
			return dossier.Date{}, false
		}
		y, m, day := t.Date()
		switch l.precision {
		case dossier.PrecisionMonth:
			day = 1
		case dossier.PrecisionYear:
			m, day = time.January, 1
		}
		return dossier.Date{
			Time:      time.Date(y, m, day, 0, 0, 0, 0, time.UTC),
			Precision: l.precision,
			Origin:    dossier.OriginMetadata,
		}, true
	}
	return dossier.Date{}, false
}

package dossier

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
)

// ArticleID identifies an article within a notebook. IDs start at 1.
type ArticleID uint64

// Precision says how much of a Date is known.
type Precision uint8

const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

var precisionNames = [...]string{"none", "year", "month", "day"}

func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "none"
}

// DateOrigin says where a Date came from.
type DateOrigin uint8

const (
	OriginNone     DateOrigin = iota // no date known
	OriginHeader                     // the seed format's " date YYYY-MM-DD " line
	OriginMetadata                   // a column, a field or an HTML meta tag
	OriginInferred                   // a date stated in the article's text
	OriginUser                       // set by the user
)

var originNames = [...]string{"none", "header", "metadata", "inferred", "user"}

func (o DateOrigin) String() string {
	if int(o) < len(originNames) {
		return originNames[o]
	}
	return "none"
}

// ParseDateOrigin returns the origin named s ("header", "inferred", ...).
func ParseDateOrigin(s string) (DateOrigin, bool) {
	for i, n := range originNames {
		if n == s {
			return DateOrigin(i), true
		}
	}
	return OriginNone, false
}

// Date is a calendar date known to some precision. Time is midnight UTC of
// the first day the date covers (the 1st of the month for PrecisionMonth).
type Date struct {
	Time      time.Time
	Precision Precision
	Origin    DateOrigin
}

// DayDate returns a day-precision date with the given origin.
func DayDate(y int, m time.Month, d int, origin DateOrigin) Date {
	return Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: PrecisionDay, Origin: origin}
}

// IsZero reports whether no date is known.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// String formats the date as YYYY-MM-DD, YYYY-MM or YYYY by precision, and ""
// when no date is known.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionDay:
		return d.Time.Format("2006-01-02")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	case PrecisionYear:
		return d.Time.Format("2006")
	}
	return ""
}

// Hash is the SHA-256 of an article's normalised body: two articles with the
// same Hash have the same text.
type Hash [32]byte

// HashBody returns the content hash of a normalised body.
func HashBody(body string) Hash { return sha256.Sum256([]byte(body)) }

func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// Article is one news article in a notebook.
type Article struct {
	ID        ArticleID
	Title     string
	Outlet    string
	URL       string
	Author    string
	Published Date
	Body      string // normalised; see the package comment
	Hash      Hash   // HashBody(Body)
	File      string // where it was imported from: a path, with "#row N" for table rows
	Imported  time.Time
}

// Meta returns the compact part of the article: everything but the body.
func (a *Article) Meta() ArticleMeta {
	return ArticleMeta{
		ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Author: a.Author,
		Published: a.Published, Hash: a.Hash, File: a.File, Imported: a.Imported,
		Runes: runeCount(a.Body),
	}
}

// ArticleMeta is what lists, filters and the timeline need of an article,
// kept apart from the body so that start-up never decodes bodies.
type ArticleMeta struct {
	ID        ArticleID
	Title     string
	Outlet    string
	URL       string
	Author    string
	Published Date
	Hash      Hash
	File      string
	Imported  time.Time
	Runes     int // length of the body in runes
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Label shows a date the way a reader should see it: an inferred date is
// marked as such, a missing one says so.
func (d Date) Label() string {
	switch {
	case d.IsZero():
		return "undated"
	case d.Origin == OriginInferred:
		return d.String() + " (inferred)"
	}
	return d.String()
}

// CompareByDate orders articles by published date, undated last, then by
// ID: the order of every list of articles.
func CompareByDate(a, b *ArticleMeta) int {
	da, db := a.Published, b.Published
	if da.IsZero() != db.IsZero() {
		if db.IsZero() {
			return -1
		}
		return 1
	}
	if c := da.Time.Compare(db.Time); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// SortByDate sorts articles as CompareByDate orders them. It sorts small
// keys, not the records, so that 100,000 articles take milliseconds.
func SortByDate(ms []ArticleMeta) {
	type key struct {
		undated bool
		t       int64
		id      ArticleID
		i       int
	}
	keys := make([]key, len(ms))
	for i := range ms {
		d := ms[i].Published
		keys[i] = key{d.IsZero(), d.Time.Unix(), ms[i].ID, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		switch {
		case a.undated != b.undated:
			if a.undated {
				return 1
			}
			return -1
		case a.t != b.t:
			return cmp.Compare(a.t, b.t)
		}
		return cmp.Compare(a.id, b.id)
	})
	sorted := make([]ArticleMeta, len(ms))
	for j, k := range keys {
		sorted[j] = ms[k.i]
	}
	copy(ms, sorted)
}

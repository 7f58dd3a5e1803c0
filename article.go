package dossier

import (
	"crypto/sha256"
	"encoding/hex"
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

package extract

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"dossier"
)

// DateMention is a date written in a text: where it stands (runes) and the
// date it means.
type DateMention struct {
	Span dossier.Span
	Text string
	Date dossier.Date // Origin is dossier.OriginInferred
}

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// isDateWord reports whether a lower-case word names a month or a weekday.
func isDateWord(w string) bool {
	_, m := monthNames[w]
	_, d := weekdays[w]
	return m || d
}

// datePhrase reports whether ts[k] opens a phrase of time inside a run of
// names: "on Tuesday" in "The Indian embassy in Kyiv on Tuesday advised".
func datePhrase(ts []tok, k int) bool {
	return k+1 < len(ts) && ts[k].in(wConnector) && isDateWord(ts[k+1].low)
}

// weekdayCue words make a weekday name a date: "on Friday", "late Sunday".
var weekdayCue = set("on", "late", "early", "last", "this", "since", "by", "until", "from", "next", "before",
	"after", "past", "previous")

type word struct {
	s, e int // rune offsets
	text string
}

// splitWords splits text into words of letters or digits; "Dec." keeps no stop,
// "2021-12-03" stays one word.
func splitWords(rs []rune) []word {
	var out []word
	for i := 0; i < len(rs); {
		if !(unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) ||
			rs[j] == '-' && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) && unicode.IsDigit(rs[j-1])) {
			j++
		}
		out = append(out, word{i, j, string(rs[i:j])})
		i = j
	}
	return out
}

func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && d <= 31 && time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Day() == d
}

// FindDates returns the dates written in text, in order: "December 29,
// 2021", "29 December 2021", "Dec. 3, 2021", "2021-12-03", "December 2021",
// a day and month without a year (the year of ref, or the year before when
// that would put it well after ref), and weekdays with a cue ("on Friday",
// "late Sunday", "last Tuesday": the latest such day on or before ref; "next
// Monday": the first after). Dates that need ref are skipped when ref is
// zero. Spans are rune offsets into text.
func FindDates(text string, ref dossier.Date) []DateMention {
	rs := []rune(text)
	ws := splitWords(rs)
	var out []DateMention
	add := func(a, b int, d dossier.Date) {
		d.Origin = dossier.OriginInferred
		out = append(out, DateMention{Span: dossier.Span{Start: ws[a].s, End: ws[b].e}, Text: string(rs[ws[a].s:ws[b].e]), Date: d})
	}
	hasRef := ref.Precision == dossier.PrecisionDay
	year := func(w int) (int, bool) {
		if w >= len(ws) {
			return 0, false
		}
		y, ok := atoi(ws[w].text)
		return y, ok && len(ws[w].text) == 4 && y >= 1000 && y <= 2999 && gap(rs, ws[w-1].e, ws[w].s, ",")
	}
	guessYear := func(m time.Month, d int) (int, bool) {
		if !hasRef {
			return 0, false
		}
		y := ref.Time.Year()
		if t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); t.Sub(ref.Time) > 60*24*time.Hour {
			y--
		}
		return y, true
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i].text
		lw := strings.ToLower(w)
		// ISO 2021-12-03
		if len(w) == 10 && w[4] == '-' && w[7] == '-' {
			if t, err := time.Parse("2006-01-02", w); err == nil {
				add(i, i, dossier.DayDate(t.Year(), t.Month(), t.Day(), 0))
				continue
			}
		}
		if m, ok := monthNames[lw]; ok && (len(lw) > 3 || w[0] >= 'A' && w[0] <= 'Z') && unicode.IsUpper(rs[ws[i].s]) {
			if lw == "may" && i+1 < len(ws) && !isNum(ws[i+1].text) && !(i > 0 && isNum(ws[i-1].text)) {
				continue // the verb
			}
			// Month D[, YYYY]
			if i+1 < len(ws) && gap(rs, ws[i].e, ws[i+1].s, ".") {
				if d, ok := atoi(stripOrd(ws[i+1].text)); ok && d >= 1 && d <= 31 && len(stripOrd(ws[i+1].text)) <= 2 {
					if y, ok := year(i + 2); ok && validDay(y, m, d) {
						add(i, i+2, dossier.DayDate(y, m, d, 0))
						i += 2
						continue
					}
					if y, ok := guessYear(m, d); ok && validDay(y, m, d) {
						add(i, i+1, dossier.DayDate(y, m, d, 0))
						i++
						continue
					}
				}
				// Month YYYY
				if y, ok := year(i + 1); ok {
					add(i, i+1, dossier.Date{Time: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: dossier.PrecisionMonth})
					i++
					continue
				}
			}
			continue
		}
		// D Month[ YYYY]
		if d, ok := atoi(stripOrd(w)); ok && d >= 1 && d <= 31 && len(stripOrd(w)) <= 2 && i+1 < len(ws) && gap(rs, ws[i].e, ws[i+1].s, "") {
			if m, ok := monthNames[strings.ToLower(ws[i+1].text)]; ok && unicode.IsUpper(rs[ws[i+1].s]) {
				if y, ok := year(i + 2); ok && validDay(y, m, d) {
					add(i, i+2, dossier.DayDate(y, m, d, 0))
					i += 2
					continue
				}
				if y, ok := guessYear(m, d); ok && validDay(y, m, d) {
					add(i, i+1, dossier.DayDate(y, m, d, 0))
					i++
					continue
				}
			}
		}
		// weekdays
		if wd, ok := weekdays[lw]; ok && hasRef && unicode.IsUpper(rs[ws[i].s]) && i > 0 {
			cue := strings.ToLower(ws[i-1].text)
			if !weekdayCue[cue] || !gap(rs, ws[i-1].e, ws[i].s, "") {
				continue
			}
			t := ref.Time
			if cue == "next" {
				t = t.AddDate(0, 0, 1)
				for t.Weekday() != wd {
					t = t.AddDate(0, 0, 1)
				}
			} else {
				for t.Weekday() != wd {
					t = t.AddDate(0, 0, -1)
				}
			}
			a := i
			if cue == "late" || cue == "early" || cue == "last" || cue == "next" || cue == "this" {
				a = i - 1
			}
			add(a, i, dossier.DayDate(t.Year(), t.Month(), t.Day(), 0))
		}
	}
	return out
}

func isNum(s string) bool {
	_, ok := atoi(stripOrd(s))
	return ok
}

// stripOrd removes an ordinal suffix: "3rd" → "3".
func stripOrd(s string) string {
	if len(s) > 2 {
		switch strings.ToLower(s[len(s)-2:]) {
		case "st", "nd", "rd", "th":
			return s[:len(s)-2]
		}
	}
	return s
}

// gap reports whether only spaces and the given punctuation stand between
// two words.
func gap(rs []rune, a, b int, punct string) bool {
	if b-a > 3 {
		return false
	}
	for _, r := range rs[a:b] {
		if r != ' ' && r != '\u00a0' && !strings.ContainsRune(punct, r) {
			return false
		}
	}
	return true
}

// InferDate returns the date an article without a header or metadata date
// states: the latest full date (day, month and year) written in its first
// three paragraphs or its last one (where a dateline or a quoted post's date
// stands), not after notAfter and not older than the year before the latest
// year the text mentions. The result has Origin dossier.OriginInferred, and
// is zero when the text states no such date.
func InferDate(body string, notAfter time.Time) dossier.Date {
	paras := strings.Split(body, "\n\n")
	var parts []string
	if len(paras) > 4 {
		parts = append(parts, paras[:3]...)
		parts = append(parts, paras[len(paras)-1])
	} else {
		parts = paras
	}
	// Only a full date counts: a month or a year alone is far more often
	// history ("the 1991 referendum", "since June 2014") than the day of
	// writing. And a date older than a year the article mentions is history
	// too ("born on 20 February 1951"): better undated than wrongly dated.
	latestYear := latestYearMentioned(body, notAfter)
	var best dossier.Date
	for _, p := range parts {
		if latestYearMentioned(p, time.Time{}) == 0 {
			continue // a full date has a year: no need to look
		}
		for _, m := range FindDates(p, dossier.Date{}) {
			d := m.Date
			if d.Precision != dossier.PrecisionDay || !notAfter.IsZero() && d.Time.After(notAfter) {
				continue
			}
			if d.Time.Year() < latestYear-1 {
				continue
			}
			if best.IsZero() || d.Time.After(best.Time) {
				best = d
			}
		}
	}
	if best.IsZero() {
		return dossier.Date{}
	}
	best.Origin = dossier.OriginInferred
	return best
}

// latestYearMentioned returns the latest plausible year (1900 to notAfter's
// year) written as four digits standing alone in the text, or 0.
func latestYearMentioned(body string, notAfter time.Time) int {
	maxYear := 9999
	if !notAfter.IsZero() {
		maxYear = notAfter.Year()
	}
	latest := 0
	for i := 0; i+4 <= len(body); i++ {
		c := body[i]
		if c != '1' && c != '2' || i > 0 && isDigitOrLetter(body[i-1]) {
			continue
		}
		if i+4 < len(body) && isDigitOrLetter(body[i+4]) {
			continue
		}
		y := 0
		ok := true
		for _, d := range body[i : i+4] {
			if d < '0' || d > '9' {
				ok = false
				break
			}
			y = y*10 + int(d-'0')
		}
		if ok && y >= 1900 && y <= maxYear && y > latest {
			latest = y
		}
	}
	return latest
}

func isDigitOrLetter(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

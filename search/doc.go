// Package search finds things in a notebook: fuzzy search over short texts
// (titles, quotes, speakers, passages, notes, tags, outlets) with
// github.com/sahilm/fuzzy as matcher and scorer, and full-text search of
// article bodies with a persistable index of immutable segments.
//
// Both sides share one folding (Fold): case, diacritics and typographic
// punctuation are folded, so "Zelenskyy’s" is found by "zelenskyy's" and
// "é" by "e". Every offset this package returns counts runes (code points)
// of the original text, never bytes.
//
// Fuzzy search ranks a text that holds a query term in one piece (best at a
// word start) above texts where sahilm finds its letters strewn, and scores
// the occurrence as sahilm scores a match of exactly those runes (see
// contigBonus).
//
// Fuzzy search (Index) is made interactive by what is around sahilm: a
// 64-bit rune-class mask per item that skips items which cannot match, items
// kept in buckets by folded length so that a top-k search stops as soon as no
// longer item can beat the k-th result, work spread over the cores, a Session
// that searches only the previous query's candidates when the query grows,
// and a per-query translation of the folded text to one byte per rune so that
// sahilm scores Cyrillic exactly like Latin text.
//
// Full-text search (BodyIndex) keeps an inverted index of folded words in
// segments that BuildSegment makes once per import batch; the store persists
// them with MarshalBinary. Hits are verified against the current body, which
// also yields the snippets.
package search

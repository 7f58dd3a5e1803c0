package store

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

var (
	bucketPassages          = []byte("passages")            // id -> encoded Passage
	bucketPassagesByArticle = []byte("passages_by_article") // article id + passage id -> nil
	bucketTags              = []byte("tags")                // lower-case path -> encoded Tag
	bucketLabels            = []byte("labels")              // 'a'+article id or 'q'+quote id -> tags of a whole article or quote
)

// The passage record: a format byte, then varints and length-prefixed
// strings, like the article record; times in nanoseconds.
const passageFormat1 = 1

func encodePassage(p *dossier.Passage) []byte {
	size := 64 + len(p.Text) + len(p.Prefix) + len(p.Suffix) + len(p.Note)
	for _, t := range p.Tags {
		size += 2 + len(t)
	}
	b := make([]byte, 0, size)
	b = append(b, passageFormat1)
	b = binary.AppendUvarint(b, uint64(p.Article))
	b = binary.AppendUvarint(b, uint64(p.Start))
	b = binary.AppendUvarint(b, uint64(p.End))
	b = appendString(b, p.Text)
	b = appendString(b, p.Prefix)
	b = appendString(b, p.Suffix)
	b = append(b, p.BodyHash[:]...)
	b = appendTags(b, p.Tags)
	b = appendString(b, p.Note)
	if p.Orphan {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendVarint(b, p.Created.UnixNano())
	b = binary.AppendVarint(b, p.Modified.UnixNano())
	return b
}

func appendTags(b []byte, tags []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(tags)))
	for _, t := range tags {
		b = appendString(b, t)
	}
	return b
}

func (r *reader) tags() []string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err = errCorrupt
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.string()
	}
	return out
}

func decodePassage(id dossier.PassageID, b []byte) (dossier.Passage, error) {
	p := dossier.Passage{ID: id}
	if len(b) == 0 || b[0] != passageFormat1 {
		return p, errCorrupt
	}
	r := reader{b: b[1:]}
	p.Article = dossier.ArticleID(r.uvarint())
	p.Start = int(r.uvarint())
	p.End = int(r.uvarint())
	p.Text = r.string()
	p.Prefix = r.string()
	p.Suffix = r.string()
	copy(p.BodyHash[:], r.bytes(32))
	p.Tags = r.tags()
	p.Note = r.string()
	p.Orphan = r.byte() == 1
	p.Created = time.Unix(0, r.varint()).UTC()
	p.Modified = time.Unix(0, r.varint()).UTC()
	return p, r.err
}

func byArticleKey(a dossier.ArticleID, p dossier.PassageID) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(a))
	binary.BigEndian.PutUint64(k[8:], uint64(p))
	return k
}

func passageByID(tx *bolt.Tx, id dossier.PassageID) (dossier.Passage, error) {
	v := tx.Bucket(bucketPassages).Get(itob(uint64(id)))
	if v == nil {
		return dossier.Passage{}, dossier.Errorf(dossier.ENOTFOUND, "no passage %d", id)
	}
	p, err := decodePassage(id, v)
	if err != nil {
		return p, dossier.Wrap(err, dossier.EINTERNAL, "passage %d is damaged", id)
	}
	return p, nil
}

// passagesOf returns the passages of one article in ID order.
func passagesOf(tx *bolt.Tx, a dossier.ArticleID) ([]dossier.Passage, error) {
	var out []dossier.Passage
	prefix := itob(uint64(a))
	c := tx.Bucket(bucketPassagesByArticle).Cursor()
	for k, _ := c.Seek(prefix); k != nil && len(k) == 16 && btoi(k[:8]) == uint64(a); k, _ = c.Next() {
		p, err := passageByID(tx, dossier.PassageID(btoi(k[8:])))
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func putPassage(w *writer, p *dossier.Passage) error {
	if err := w.put(bucketPassages, itob(uint64(p.ID)), encodePassage(p)); err != nil {
		return err
	}
	return w.put(bucketPassagesByArticle, byArticleKey(p.Article, p.ID), nil)
}

func deletePassage(w *writer, p *dossier.Passage) error {
	if err := w.delete(bucketPassages, itob(uint64(p.ID))); err != nil {
		return err
	}
	return w.delete(bucketPassagesByArticle, byArticleKey(p.Article, p.ID))
}

// Passage returns one passage, or a not-found error.
func (n *Notebook) Passage(id dossier.PassageID) (dossier.Passage, error) {
	var p dossier.Passage
	err := n.db.View(func(tx *bolt.Tx) (err error) {
		p, err = passageByID(tx, id)
		return err
	})
	return p, err
}

// PassagesOf returns the passages of one article, orphans included, in
// text order.
func (n *Notebook) PassagesOf(a dossier.ArticleID) ([]dossier.Passage, error) {
	var ps []dossier.Passage
	err := n.db.View(func(tx *bolt.Tx) (err error) {
		ps, err = passagesOf(tx, a)
		return err
	})
	sortPassages(ps)
	return ps, err
}

func sortPassages(ps []dossier.Passage) {
	slices.SortFunc(ps, func(a, b dossier.Passage) int { return comparePassages(&a, &b) })
}

// comparePassages orders passages by article, then start, then ID.
func comparePassages(a, b *dossier.Passage) int {
	switch {
	case a.Article != b.Article:
		return cmpInt(uint64(a.Article), uint64(b.Article))
	case a.Start != b.Start:
		return a.Start - b.Start
	}
	return cmpInt(uint64(a.ID), uint64(b.ID))
}

func cmpInt(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// AddPassage marks the runes [start, end) of an article as a passage with
// tags and a note, and returns it. Each tag is normalised and takes the
// spelling of the notebook's tag that it equals ignoring case; a new tag
// (and each new tag above it) gets the next colour of dossier.Palette. It
// returns an invalid-input error for a bad span or tag, a not-found error
// for an unknown article.
func (n *Notebook) AddPassage(article dossier.ArticleID, start, end int, tags []string, note string) (dossier.Passage, error) {
	var p dossier.Passage
	tags, err := dossier.NormalizeTags(tags)
	if err != nil {
		return p, err
	}
	err = n.write("passage", "", "cannot save the passage", func(w *writer) error {
		if _, err := metaByID(w.tx, article); err != nil {
			return err
		}
		body, err := bodyByID(w.tx, article)
		if err != nil {
			return err
		}
		if p, err = dossier.Anchor(article, body, start, end); err != nil {
			return err
		}
		if p.Tags, err = ensureTags(w, tags); err != nil {
			return err
		}
		p.Note = cleanNote(note)
		seq, err := w.bucket(bucketPassages).NextSequence()
		if err != nil {
			return err
		}
		p.ID = dossier.PassageID(seq)
		p.Created = n.Now().UTC()
		p.Modified = p.Created
		w.op.summary = fmt.Sprintf("Mark passage %d %s", p.ID, summaryTags(p.Tags, p.Text))
		return putPassage(w, &p)
	})
	return p, err
}

// FindText returns the rune span of the one place text occurs in the body
// of an article. It returns a not-found error when the text is not there
// and a conflict error that lists the places when it occurs more than once.
func (n *Notebook) FindText(article dossier.ArticleID, text string) (start, end int, err error) {
	if strings.TrimSpace(text) == "" {
		return 0, 0, dossier.Errorf(dossier.EINVALID, "which text? give a part of the article")
	}
	body, err := n.Body(article)
	if err != nil {
		return 0, 0, err
	}
	var at []int
	for i := 0; ; {
		k := strings.Index(body[i:], text)
		if k < 0 {
			break
		}
		at = append(at, len([]rune(body[:i+k])))
		i += k + 1
	}
	switch len(at) {
	case 0:
		return 0, 0, dossier.Errorf(dossier.ENOTFOUND, "article %d does not contain %q", article, clipText(text, 60))
	case 1:
		return at[0], at[0] + len([]rune(text)), nil
	}
	places := make([]string, len(at))
	for i, s := range at {
		places[i] = fmt.Sprint(s)
	}
	return 0, 0, dossier.Errorf(dossier.ECONFLICT, "%q occurs %d times in article %d (at runes %s); give a longer text or --start and --end",
		clipText(text, 60), len(at), article, strings.Join(places, ", "))
}

func clipText(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func summaryTags(tags []string, text string) string {
	s := fmt.Sprintf("%q", clipText(text, 40))
	if len(tags) > 0 {
		s = strings.Join(tags, ", ") + " " + s
	}
	return s
}

// cleanNote keeps a note's lines but drops white space at the ends of the
// note and of each line.
func cleanNote(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n \t")
}

// PassageEdit says what to change of a passage; nil fields stay as they are.
type PassageEdit struct {
	Tags       *[]string // all its tags
	AddTags    []string
	RemoveTags []string // a tag and the tags under it
	Note       *string
}

// EditPassages changes the tags or note of passages, as one step of undo.
// It returns a not-found error for an unknown passage and an invalid-input
// error for a bad tag.
func (n *Notebook) EditPassages(ids []dossier.PassageID, e PassageEdit) error {
	var set []string
	var err error
	if e.Tags != nil {
		if set, err = dossier.NormalizeTags(*e.Tags); err != nil {
			return err
		}
	}
	add, err := dossier.NormalizeTags(e.AddTags)
	if err != nil {
		return err
	}
	return n.write("passage", "", "cannot change the passages", func(w *writer) error {
		if set, err = ensureTags(w, set); err != nil {
			return err
		}
		if add, err = ensureTags(w, add); err != nil {
			return err
		}
		for _, id := range ids {
			p, err := passageByID(w.tx, id)
			if err != nil {
				return err
			}
			if e.Tags != nil {
				p.Tags = slices.Clone(set)
			}
			p.Tags = removeTags(p.Tags, e.RemoveTags)
			p.Tags = addTags(p.Tags, add)
			if e.Note != nil {
				p.Note = cleanNote(*e.Note)
			}
			p.Modified = n.Now().UTC()
			if err := putPassage(w, &p); err != nil {
				return err
			}
		}
		what := "Edit"
		switch {
		case len(add) > 0 && e.Tags == nil && e.Note == nil && len(e.RemoveTags) == 0:
			what = "Tag " + strings.Join(add, ", ") + " on"
		case e.Note != nil && e.Tags == nil && len(add) == 0 && len(e.RemoveTags) == 0:
			what = "Note on"
		}
		w.op.summary = fmt.Sprintf("%s %s", what, plural(len(ids), "passage"))
		return nil
	})
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func addTags(have, add []string) []string {
	for _, t := range add {
		if !slices.ContainsFunc(have, func(h string) bool { return dossier.TagEqual(h, t) }) {
			have = append(have, t)
		}
	}
	return have
}

// removeTags drops from have every tag equal to or under one of drop.
func removeTags(have, drop []string) []string {
	if len(drop) == 0 {
		return have
	}
	return slices.DeleteFunc(slices.Clone(have), func(h string) bool {
		return slices.ContainsFunc(drop, func(d string) bool { return dossier.TagUnder(h, d) })
	})
}

// DeletePassage removes a passage. It returns a not-found error for an
// unknown one.
func (n *Notebook) DeletePassage(id dossier.PassageID) error {
	return n.write("passage", "", "cannot delete the passage", func(w *writer) error {
		p, err := passageByID(w.tx, id)
		if err != nil {
			return err
		}
		w.op.summary = fmt.Sprintf("Delete passage %d %s", id, summaryTags(p.Tags, p.Text))
		return deletePassage(w, &p)
	})
}

// reanchorPassages places the passages of an article again in its new
// body; those that cannot be placed become orphans, kept as they were.
func reanchorPassages(w *writer, article dossier.ArticleID, body string, now time.Time) error {
	ps, err := passagesOf(w.tx, article)
	if err != nil {
		return err
	}
	h := dossier.HashBody(body)
	for i := range ps {
		p := &ps[i]
		if p.BodyHash == h && !p.Orphan {
			continue
		}
		if s, e, ok := dossier.Reanchor(*p, body); ok {
			p.Move(body, s, e)
		} else if p.Orphan {
			continue
		} else {
			p.Orphan = true
		}
		p.Modified = now
		if err := putPassage(w, p); err != nil {
			return err
		}
	}
	return nil
}

// Labels: tags of a whole article or quote.

func labelKey(kind byte, id uint64) []byte { return append([]byte{kind}, itob(id)...) }

func encodeLabels(tags []string) []byte { return appendTags([]byte{1}, tags) }

func decodeLabels(b []byte) ([]string, error) {
	if len(b) == 0 || b[0] != 1 {
		return nil, errCorrupt
	}
	r := reader{b: b[1:]}
	t := r.tags()
	return t, r.err
}

func (n *Notebook) setLabels(key []byte, what string, tags []string, check func(tx *bolt.Tx) error) error {
	tags, err := dossier.NormalizeTags(tags)
	if err != nil {
		return err
	}
	return n.write("tag", "", "cannot save the tags", func(w *writer) error {
		if err := check(w.tx); err != nil {
			return err
		}
		if tags, err = ensureTags(w, tags); err != nil {
			return err
		}
		w.op.summary = fmt.Sprintf("Tag %s %s", what, strings.Join(tags, ", "))
		if len(tags) == 0 {
			w.op.summary = "Untag " + what
			return w.delete(bucketLabels, key)
		}
		return w.put(bucketLabels, key, encodeLabels(tags))
	})
}

// SetArticleTags sets the tags of a whole article (nil for none). It
// returns a not-found error for an unknown article.
func (n *Notebook) SetArticleTags(id dossier.ArticleID, tags []string) error {
	return n.setLabels(labelKey('a', uint64(id)), fmt.Sprintf("article %d", id), tags, func(tx *bolt.Tx) error {
		_, err := metaByID(tx, id)
		return err
	})
}

// SetQuoteTags sets the tags of a quote (nil for none). It returns a
// not-found error for an unknown quote.
func (n *Notebook) SetQuoteTags(id dossier.QuoteID, tags []string) error {
	a, s := SplitQuoteID(id)
	return n.setLabels(labelKey('q', uint64(id)), fmt.Sprintf("quote %d:%d", a, s), tags, func(tx *bolt.Tx) error {
		qs, err := quotesOf(tx, a)
		if err != nil {
			return err
		}
		if quoteAt(qs, s) < 0 {
			return noQuote(id)
		}
		return nil
	})
}

// ArticleTags returns the tags of a whole article, QuoteTags of a quote.
func (n *Notebook) ArticleTags(id dossier.ArticleID) ([]string, error) {
	return n.labels(labelKey('a', uint64(id)))
}

func (n *Notebook) QuoteTags(id dossier.QuoteID) ([]string, error) {
	return n.labels(labelKey('q', uint64(id)))
}

func (n *Notebook) labels(key []byte) ([]string, error) {
	var out []string
	err := n.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketLabels).Get(key)
		if v == nil {
			return nil
		}
		var err error
		out, err = decodeLabels(v)
		return err
	})
	return out, internal(err, "cannot read the tags")
}

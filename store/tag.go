package store

import (
	"fmt"
	"slices"
	"strings"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// A tag's record is kept under its path in lower case, so that tags compare
// ignoring case; the record holds the path as first typed, its colour and
// its description. Every tag in use has a record, and so has every tag
// above it (actor and actor/russia for actor/russia/mod). The bucket's
// sequence counts the colours handed out.

const tagFormat1 = 1

func tagKey(path string) []byte { return []byte(strings.ToLower(path)) }

func encodeTag(t *dossier.Tag) []byte {
	b := []byte{tagFormat1}
	b = appendString(b, t.Path)
	b = appendString(b, t.Color)
	return appendString(b, t.Description)
}

func decodeTag(b []byte) (dossier.Tag, error) {
	if len(b) == 0 || b[0] != tagFormat1 {
		return dossier.Tag{}, errCorrupt
	}
	r := reader{b: b[1:]}
	t := dossier.Tag{Path: r.string(), Color: r.string(), Description: r.string()}
	return t, r.err
}

func tagByPath(tx *bolt.Tx, path string) (dossier.Tag, bool, error) {
	v := tx.Bucket(bucketTags).Get(tagKey(path))
	if v == nil {
		return dossier.Tag{}, false, nil
	}
	t, err := decodeTag(v)
	if err != nil {
		return t, false, dossier.Wrap(err, dossier.EINTERNAL, "tag %q is damaged", path)
	}
	return t, true, nil
}

// ensureTags returns normalised tags in the notebook's spelling, creating a
// record (with the next palette colour) for each that is new and for each
// new tag above one.
func ensureTags(w *writer, tags []string) ([]string, error) {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		canon, err := ensureTag(w, t)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(out, func(o string) bool { return dossier.TagEqual(o, canon) }) {
			out = append(out, canon)
		}
	}
	return out, nil
}

func ensureTag(w *writer, path string) (string, error) {
	if t, ok, err := tagByPath(w.tx, path); err != nil || ok {
		return t.Path, err
	}
	// Above it first, so that a new child takes its parent's spelling.
	if parent := dossier.TagParent(path); parent != "" {
		canon, err := ensureTag(w, parent)
		if err != nil {
			return "", err
		}
		path = canon + path[len(parent):]
	}
	b := w.bucket(bucketTags)
	seq, err := b.NextSequence()
	if err != nil {
		return "", err
	}
	t := dossier.Tag{Path: path, Color: dossier.Palette[(seq-1)%uint64(len(dossier.Palette))]}
	return path, w.put(bucketTags, tagKey(path), encodeTag(&t))
}

// tagsUnder returns the records of path and of every tag under it.
func tagsUnder(tx *bolt.Tx, path string) ([]dossier.Tag, error) {
	var out []dossier.Tag
	prefix := tagKey(path)
	c := tx.Bucket(bucketTags).Cursor()
	for k, v := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, v = c.Next() {
		if len(k) > len(prefix) && k[len(prefix)] != '/' {
			continue
		}
		t, err := decodeTag(v)
		if err != nil {
			return nil, dossier.Wrap(err, dossier.EINTERNAL, "tag %q is damaged", k)
		}
		out = append(out, t)
	}
	return out, nil
}

// TagInfo is a tag with how much it is used: Count passages, articles and
// quotes carry it, Total carry it or a tag under it.
type TagInfo struct {
	dossier.Tag
	Count int
	Total int
}

// Tags returns every tag of the notebook in path order (ignoring case),
// with its counts.
func (n *Notebook) Tags() ([]TagInfo, error) {
	if err := n.ensureSnapshot(); err != nil {
		return nil, err
	}
	own, total := n.ws.snap.tagCounts()
	var out []TagInfo
	err := n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTags).ForEach(func(k, v []byte) error {
			t, err := decodeTag(v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "tag %q is damaged", k)
			}
			out = append(out, TagInfo{Tag: t, Count: own[string(k)], Total: total[string(k)]})
			return nil
		})
	})
	return out, internal(err, "cannot read the tags")
}

// normTag normalises a tag named on a command.
func normTag(path string) (string, error) { return dossier.NormalizeTag(path) }

// SetTagColor sets the colour of a tag ("#rrggbb"), creating the tag when it
// is new. It returns an invalid-input error for a bad tag or colour.
func (n *Notebook) SetTagColor(path, color string) error {
	path, err := normTag(path)
	if err != nil {
		return err
	}
	if color, err = dossier.NormalizeColor(color); err != nil {
		return err
	}
	return n.editTag(path, fmt.Sprintf("Colour %s %s", path, color), func(t *dossier.Tag) { t.Color = color })
}

// DescribeTag sets the description of a tag, creating the tag when it is
// new.
func (n *Notebook) DescribeTag(path, description string) error {
	path, err := normTag(path)
	if err != nil {
		return err
	}
	description = strings.TrimSpace(description)
	return n.editTag(path, "Describe "+path, func(t *dossier.Tag) { t.Description = description })
}

func (n *Notebook) editTag(path, summary string, edit func(*dossier.Tag)) error {
	return n.write("tag", summary, "cannot save the tag", func(w *writer) error {
		canon, err := ensureTag(w, path)
		if err != nil {
			return err
		}
		t, _, err := tagByPath(w.tx, canon)
		if err != nil {
			return err
		}
		edit(&t)
		return w.put(bucketTags, tagKey(canon), encodeTag(&t))
	})
}

// RenameTag renames (or moves) a tag and every tag under it: actor/russia
// to actor/ru moves actor/russia/mod to actor/ru/mod, on every passage,
// article and quote. It returns a not-found error for an unknown tag and a
// conflict error when the new name is already a tag (MergeTag joins two).
func (n *Notebook) RenameTag(from, to string) error { return n.retag(from, to, false) }

// MergeTag moves everything tagged from (or under it) to into (or under
// it) and removes from; into keeps its colour and description. It returns a
// not-found error for an unknown tag.
func (n *Notebook) MergeTag(from, into string) error { return n.retag(from, into, true) }

func (n *Notebook) retag(from, into string, merge bool) error {
	from, err := normTag(from)
	if err != nil {
		return err
	}
	if into, err = normTag(into); err != nil {
		return err
	}
	if dossier.TagEqual(from, into) {
		return dossier.Errorf(dossier.EINVALID, "%s and %s are the same tag", from, into)
	}
	if err := n.ensureSnapshot(); err != nil {
		return err
	}
	verb := "Rename"
	if merge {
		verb = "Merge"
	}
	return n.write("tag", fmt.Sprintf("%s %s into %s", verb, from, into), "cannot rename the tag", func(w *writer) error {
		recs, err := tagsUnder(w.tx, from)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return dossier.Errorf(dossier.ENOTFOUND, "no tag %s", from)
		}
		if !merge {
			if have, err := tagsUnder(w.tx, into); err != nil {
				return err
			} else if len(have) > 0 && !dossier.TagUnder(into, from) {
				return dossier.Errorf(dossier.ECONFLICT, "tag %s exists; to join the two, use: tag merge %s %s", have[0].Path, from, into)
			}
		}
		// Where the new name goes: under its parent's spelling.
		if parent := dossier.TagParent(into); parent != "" && !dossier.TagUnder(parent, from) {
			canon, err := ensureTag(w, parent)
			if err != nil {
				return err
			}
			into = canon + into[len(parent):]
		}
		moved := func(t string) string { return into + t[len(from):] }
		for _, r := range recs {
			if err := w.delete(bucketTags, tagKey(r.Path)); err != nil {
				return err
			}
		}
		for _, r := range recs {
			r.Path = moved(r.Path)
			if _, ok, err := tagByPath(w.tx, r.Path); err != nil {
				return err
			} else if ok {
				continue // merge: into keeps its own record
			}
			if err := w.put(bucketTags, tagKey(r.Path), encodeTag(&r)); err != nil {
				return err
			}
		}
		if parent := dossier.TagParent(into); parent != "" {
			if _, err := ensureTag(w, parent); err != nil {
				return err
			}
		}
		var canon []string // tags of the notebook's spelling, for the items
		for _, r := range recs {
			t, _, err := tagByPath(w.tx, moved(r.Path))
			if err != nil {
				return err
			}
			canon = append(canon, t.Path)
		}
		rename := func(tags []string) []string {
			out := make([]string, 0, len(tags))
			for _, t := range tags {
				if dossier.TagUnder(t, from) {
					nt := moved(t)
					for _, c := range canon {
						if dossier.TagEqual(c, nt) {
							nt = c
						}
					}
					t = nt
				}
				out = addTags(out, []string{t})
			}
			return out
		}
		count, err := n.rewriteTagged(w, from, rename)
		if err != nil {
			return err
		}
		w.op.summary = fmt.Sprintf("%s %s into %s (%s)", verb, from, into, plural(count, "item"))
		return nil
	})
}

// rewriteTagged applies edit to the tags of every passage, article and
// quote that has tag or a tag under it, and returns how many it changed.
func (n *Notebook) rewriteTagged(w *writer, tag string, edit func([]string) []string) (int, error) {
	count := 0
	for _, id := range n.ws.snap.passagesTagged(tag) {
		p, err := passageByID(w.tx, id)
		if err != nil {
			return 0, err
		}
		p.Tags = edit(p.Tags)
		p.Modified = n.Now().UTC()
		if err := putPassage(w, &p); err != nil {
			return 0, err
		}
		count++
	}
	type label struct {
		k    []byte
		tags []string
	}
	var ls []label
	err := w.bucket(bucketLabels).ForEach(func(k, v []byte) error {
		tags, err := decodeLabels(v)
		if err != nil {
			return dossier.Wrap(err, dossier.EINTERNAL, "the tags of %x are damaged", k)
		}
		if slices.ContainsFunc(tags, func(t string) bool { return dossier.TagUnder(t, tag) }) {
			ls = append(ls, label{clone(k), edit(tags)})
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, l := range ls {
		var err error
		if len(l.tags) == 0 {
			err = w.delete(bucketLabels, l.k)
		} else {
			err = w.put(bucketLabels, l.k, encodeLabels(l.tags))
		}
		if err != nil {
			return 0, err
		}
		count++
	}
	return count, nil
}

// TagUsage counts the passages and the articles and quotes that carry tag
// or a tag under it.
func (n *Notebook) TagUsage(tag string) (passages, others int, err error) {
	if err := n.ensureSnapshot(); err != nil {
		return 0, 0, err
	}
	passages, others = n.ws.snap.usage(tag)
	return passages, others, nil
}

// DeleteTag deletes a tag and the tags under it; passages, articles and
// quotes that carried them stay, without them. A tag in use is deleted only
// with force; otherwise DeleteTag returns a conflict error that says how
// much uses it. It returns a not-found error for an unknown tag.
func (n *Notebook) DeleteTag(path string, force bool) error {
	path, err := normTag(path)
	if err != nil {
		return err
	}
	if err := n.ensureSnapshot(); err != nil {
		return err
	}
	return n.write("tag", "Delete tag "+path, "cannot delete the tag", func(w *writer) error {
		recs, err := tagsUnder(w.tx, path)
		if err != nil {
			return err
		}
		ps, others := n.ws.snap.usage(path)
		if len(recs) == 0 && ps+others == 0 {
			return dossier.Errorf(dossier.ENOTFOUND, "no tag %s", path)
		}
		if ps+others > 0 && !force {
			used := plural(ps, "passage")
			if others > 0 {
				used = fmt.Sprintf("%s and %s", used, plural(others, "article or quote"))
			}
			return dossier.Errorf(dossier.ECONFLICT, "tag %s is used by %s; add --force to delete it", path, used)
		}
		for _, r := range recs {
			if err := w.delete(bucketTags, tagKey(r.Path)); err != nil {
				return err
			}
		}
		count, err := n.rewriteTagged(w, path, func(tags []string) []string { return removeTags(tags, []string{path}) })
		if err != nil {
			return err
		}
		w.op.summary = fmt.Sprintf("Delete tag %s (from %s)", path, plural(count, "item"))
		return nil
	})
}

package store

import (
	"bytes"
	"encoding/binary"
	"slices"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// The full-text index of bodies lives in the fts bucket as segments: opaque
// blobs that a BodyIndexer builds (cmd/dossier wires search.BuildSegment),
// one per import batch, each with a manifest of the article versions it
// indexes. Keys are 's' or 'm' and a big-endian sequence number; segments
// load in key order and a later segment's version of an article supersedes an
// earlier one's.
//
// SaveArticles writes its batch's segment through the undo writer, so undoing
// an import removes its segment and redoing it puts it back. CompactIndex and
// IndexArticles write derived data that undo does not record: a compacted
// segment (key 0, before every other) may hold versions that an undo later
// takes back. That costs nothing in correctness: the search verifies every
// hit against the current body, so postings of a deleted or changed article
// only cost time; and Unindexed compares each article's current hash with
// the version its last segment indexed, so an article whose current text no
// segment holds (an undone update, an article saved with no indexer, a
// notebook older than the index) is found and indexed again.
var bucketFTS = []byte("fts")

// BodyIndexer builds the encoded full-text segment of some articles: ids
// ascending, bodies alongside.
type BodyIndexer func(ids []dossier.ArticleID, bodies []string) ([]byte, error)

// MaxSegments is the number of segments above which a reader should call
// CompactIndex: each one costs a little on every search.
const MaxSegments = 64

const (
	ftsSegment  = 's'
	ftsManifest = 'm'
)

func ftsKey(kind byte, seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{kind}, seq)
}

// manifest encodes which article versions a segment indexes: per article,
// the ID delta and the first 8 bytes of its body hash.
func manifest(ids []dossier.ArticleID, hashes []dossier.Hash) []byte {
	b := binary.AppendUvarint(make([]byte, 0, 2+len(ids)*10), uint64(len(ids)))
	prev := dossier.ArticleID(0)
	for i, id := range ids {
		b = binary.AppendUvarint(b, uint64(id-prev))
		b = append(b, hashes[i][:8]...)
		prev = id
	}
	return b
}

// readManifest calls fn with each article and hash prefix of a manifest.
func readManifest(b []byte, fn func(id dossier.ArticleID, h [8]byte)) error {
	r := reader{b: b}
	n := r.uvarint()
	if n > uint64(len(b)) {
		return errCorrupt
	}
	var id dossier.ArticleID
	for range n {
		id += dossier.ArticleID(r.uvarint())
		h := r.bytes(8)
		if r.err != nil {
			return r.err
		}
		fn(id, [8]byte(h))
	}
	return r.err
}

// indexBatch stores the segment of the batch's added and updated articles
// through w, when an indexer is set.
func (n *Notebook) indexBatch(w *writer, batch []*dossier.Article, results []dossier.SaveResult) error {
	if n.IndexBodies == nil {
		return nil
	}
	at := map[dossier.ArticleID]int{} // the last of the batch wins
	for i, r := range results {
		if r.Action == dossier.Added || r.Action == dossier.Updated {
			at[r.ID] = i
		}
	}
	if len(at) == 0 {
		return nil
	}
	ids := make([]dossier.ArticleID, 0, len(at))
	for id := range at {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	bodies := make([]string, len(ids))
	hashes := make([]dossier.Hash, len(ids))
	for i, id := range ids {
		bodies[i], hashes[i] = batch[at[id]].Body, batch[at[id]].Hash
	}
	seg, err := n.IndexBodies(ids, bodies)
	if err != nil {
		return dossier.Wrap(err, dossier.EINTERNAL, "cannot index the articles for search")
	}
	seq, err := w.bucket(bucketFTS).NextSequence()
	if err != nil {
		return err
	}
	if err := w.put(bucketFTS, ftsKey(ftsManifest, seq), manifest(ids, hashes)); err != nil {
		return err
	}
	w.bucket(bucketFTS).FillPercent = 1.0 // keys ascend: full pages
	return putSegment(func(k, v []byte) error { return w.put(bucketFTS, k, v) }, seq, seg)
}

// Segments returns the stored full-text segments in the order to load them.
// The slices are copies; EachSegment spares the copy.
func (n *Notebook) Segments() ([][]byte, error) {
	var out [][]byte
	err := n.EachSegment(func(b []byte) error {
		out = append(out, bytes.Clone(b))
		return nil
	})
	return out, err
}

// EachSegment calls fn with each stored full-text segment in the order to
// load them, inside one read transaction: b is valid only during the call.
// It stops at fn's first error and returns it.
func (n *Notebook) EachSegment(fn func(b []byte) error) error {
	err := n.db.View(func(tx *bolt.Tx) error {
		return eachStoredSegment(tx.Bucket(bucketFTS), func(stored []byte) error {
			seg, err := unpackSegment(stored)
			if err != nil {
				return err
			}
			return fn(seg)
		})
	})
	return internal(err, "cannot read the search index")
}

// segmentChunk is the most a stored segment holds under one key: a segment
// of hundreds of KB in one value needs a run of free pages at the end of the
// file, while chunks that fit a page reuse the pages each commit frees —
// which keeps the file near the size of its data.
const segmentChunk = 4000

// rawSegment is the size from which a segment is stored as it is: the many
// small segments of imports shrink by a third deflated, which matters in a
// small notebook; a large merged one is read whole by every search, and
// inflating it would cost a second each time.
const rawSegment = 8 << 20

// putSegment stores a segment, deflated when small, cut into chunks under
// 's'+seq+chunk number.
func putSegment(put func(k, v []byte) error, seq uint64, seg []byte) error {
	packed := seg
	if len(seg) < rawSegment {
		packed = packBlob(seg)
	}
	for i := 0; len(packed) > 0; i++ {
		n := min(len(packed), segmentChunk)
		k := binary.BigEndian.AppendUint32(ftsKey(ftsSegment, seq), uint32(i))
		if err := put(k, packed[:n]); err != nil {
			return err
		}
		packed = packed[n:]
	}
	return nil
}

// eachStoredSegment calls fn with each stored segment in order, its chunks
// joined (a segment stored whole, under a key without a chunk number, is
// passed as it is).
func eachStoredSegment(b *bolt.Bucket, fn func(stored []byte) error) error {
	c := b.Cursor()
	k, v := c.Seek([]byte{ftsSegment})
	for k != nil && k[0] == ftsSegment {
		if len(k) < 9 {
			k, v = c.Next()
			continue
		}
		// Gather one segment's chunks, then join them into one buffer of
		// the right size: appending 60 MB a chunk at a time copied it over
		// and over.
		seq := bytes.Clone(k[:9])
		var chunks [][]byte
		size := 0
		for ; k != nil && len(k) >= 9 && bytes.Equal(k[:9], seq); k, v = c.Next() {
			chunks = append(chunks, v)
			size += len(v)
		}
		stored := chunks[0]
		if len(chunks) > 1 {
			stored = make([]byte, 0, size)
			for _, ch := range chunks {
				stored = append(stored, ch...)
			}
		}
		if err := fn(stored); err != nil {
			return err
		}
	}
	return nil
}

// unpackSegment reads a stored segment: deflated (see packBlob), or raw as
// the first notebooks stored them, recognisable by the segment's magic.
func unpackSegment(v []byte) ([]byte, error) {
	if len(v) > 0 && v[0] == 'D' {
		return v, nil
	}
	return unpackBlob(v)
}

// SegmentCount returns the number of stored full-text segments.
func (n *Notebook) SegmentCount() (int, error) {
	count := 0
	err := n.db.View(func(tx *bolt.Tx) error {
		return eachStoredSegment(tx.Bucket(bucketFTS), func([]byte) error {
			count++
			return nil
		})
	})
	return count, internal(err, "cannot read the search index")
}

// Unindexed returns, in ID order, the articles whose current text is not
// the version that the last segment holding them indexed, or that no
// segment holds.
func (n *Notebook) Unindexed() ([]dossier.ArticleID, error) {
	var out []dossier.ArticleID
	err := n.db.View(func(tx *bolt.Tx) error {
		out = unindexed(tx)
		return nil
	})
	return out, internal(err, "cannot read the search index")
}

func unindexed(tx *bolt.Tx) []dossier.ArticleID {
	indexed := map[dossier.ArticleID][8]byte{}
	c := tx.Bucket(bucketFTS).Cursor()
	for k, v := c.Seek([]byte{ftsManifest}); k != nil && k[0] == ftsManifest; k, v = c.Next() {
		// A damaged manifest only means its articles are indexed again.
		readManifest(v, func(id dossier.ArticleID, h [8]byte) { indexed[id] = h })
	}
	var out []dossier.ArticleID
	tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
		id := dossier.ArticleID(btoi(k))
		m, err := decodeMeta(id, v)
		if h, ok := indexed[id]; err != nil || !ok || !bytes.Equal(h[:], m.Hash[:8]) {
			out = append(out, id)
		}
		return nil
	})
	return out
}

// IndexArticles stores one segment of the current text of the given
// articles (those that are gone are left out), as derived data that undo
// does not record. It is how Unindexed articles get indexed.
func (n *Notebook) IndexArticles(build BodyIndexer, ids []dossier.ArticleID) error {
	n.ws.wmu.Lock()
	defer n.ws.wmu.Unlock()
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return n.storeSegment(build, false, func(tx *bolt.Tx, add func(dossier.ArticleMeta, string) error) error {
		for _, id := range ids {
			m, err := metaByID(tx, id)
			if dossier.ErrorCode(err) == dossier.ENOTFOUND {
				continue
			}
			if err != nil {
				return err
			}
			body, err := bodyByID(tx, id)
			if err != nil {
				return err
			}
			if err := add(m, body); err != nil {
				return err
			}
		}
		return nil
	})
}

// CompactIndex replaces every full-text segment with one segment of every
// article's current text, as derived data that undo does not record: see
// the comment on bucketFTS for why undo stays right. Run it when
// SegmentCount exceeds MaxSegments, or to rebuild a damaged index.
func (n *Notebook) CompactIndex(build BodyIndexer) error {
	n.ws.wmu.Lock()
	defer n.ws.wmu.Unlock()
	return n.storeSegment(build, true, func(tx *bolt.Tx, add func(dossier.ArticleMeta, string) error) error {
		bodies := tx.Bucket(bucketBodies)
		return tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
			id := dossier.ArticleID(btoi(k))
			m, err := decodeMeta(id, v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "article %d is damaged", id)
			}
			body, err := decodeBody(bodies.Get(k))
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "the text of article %d is damaged", id)
			}
			return add(m, body)
		})
	})
}

// storeSegment reads articles with each in a read transaction, builds their
// segment outside any transaction, and stores it in a write transaction:
// under key 0 in place of every other segment when replace is set, else
// after the others. The caller holds the writer lock, so nothing changes in
// between.
func (n *Notebook) storeSegment(build BodyIndexer, replace bool, each func(tx *bolt.Tx, add func(dossier.ArticleMeta, string) error) error) error {
	var ids []dossier.ArticleID
	var bodies []string
	var hashes []dossier.Hash
	err := n.db.View(func(tx *bolt.Tx) error {
		return each(tx, func(m dossier.ArticleMeta, body string) error {
			ids, bodies, hashes = append(ids, m.ID), append(bodies, body), append(hashes, m.Hash)
			return nil
		})
	})
	if err != nil {
		return internal(err, "cannot read the articles to index")
	}
	if len(ids) == 0 && !replace {
		return nil
	}
	var seg []byte
	if len(ids) > 0 {
		if seg, err = build(ids, bodies); err != nil {
			return dossier.Wrap(err, dossier.EINTERNAL, "cannot index the articles for search")
		}
	}
	bodies = nil
	err = n.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFTS)
		seq := uint64(0)
		if replace {
			var keys [][]byte
			c := b.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				keys = append(keys, bytes.Clone(k))
			}
			for _, k := range keys {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			if len(ids) == 0 {
				return nil
			}
		} else {
			var err error
			if seq, err = b.NextSequence(); err != nil {
				return err
			}
		}
		if err := b.Put(ftsKey(ftsManifest, seq), manifest(ids, hashes)); err != nil {
			return err
		}
		b.FillPercent = 1.0
		return putSegment(b.Put, seq, seg)
	})
	return internal(err, "cannot store the search index")
}

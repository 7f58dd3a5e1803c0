package store

import (
	"bytes"
	"encoding/binary"
	"sync"
	"time"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// Undo is a log of before-images. Every change a user makes runs in one
// write transaction through a writer, which keeps, the first time the
// change writes a key, what the key held before (its value, or that it was
// absent); a change that hands a key range to code that writes directly
// (the extraction) records the whole range first. At the end of the
// transaction the images are stored as one operation in the ops bucket,
// under the next sequence number, and the meta key undo_head points at it.
//
// Undo restores the images of the operation at the head, in reverse order,
// and keeps in their place what the keys held just before (the redo
// images); the head moves to the operation before. Redo does the same,
// forward, with the operation after the head. Both swap the images, so an
// operation can go back and forth any number of times, after a restart too.
// A new operation drops the undone ones after the head: the redo branch.
// Operations that share a group (an import of many batches) undo and redo
// together. Sequence counters are not rewound: IDs are never reused.

var (
	bucketOps   = []byte("ops")       // seq -> an operation and its images
	keyUndoHead = []byte("undo_head") // in meta: seq of the last operation done, 0 for none
)

// Kinds of entry of an operation.
const (
	entAbsent = 0 // the key was absent
	entValue  = 1 // the key held val
	entRange  = 2 // the keys under prefix held pairs (and no others)
)

type undoEntry struct {
	kind   byte
	bucket string
	key    []byte // a key, or the prefix of a range
	val    []byte
	pairs  [][2][]byte
}

// op is one operation of the undo log.
type op struct {
	kind    string
	summary string
	at      time.Time
	group   uint64 // ops with the same non-zero group undo together
	undone  bool
	entries []undoEntry
}

// Op describes an operation of the undo log for a user interface.
type Op struct {
	Seq     uint64
	Kind    string // "passage", "tag", "import", "delete", "quote", ...
	Summary string // "Tag 3 passages actor/russia"
	At      time.Time
	Undone  bool // undone: the next redo (or a later one) does it again
}

// change is a key written in a transaction, for the in-memory snapshot.
type change struct {
	bucket string
	key    []byte
	val    []byte // nil: deleted
}

// writer writes through a transaction and records before-images.
type writer struct {
	tx      *bolt.Tx
	op      *op // nil: not recorded (test helpers)
	seen    map[string]bool
	changes []change
}

func newWriter(tx *bolt.Tx, kind, summary string) *writer {
	return &writer{tx: tx, op: &op{kind: kind, summary: summary}, seen: map[string]bool{}}
}

func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append(make([]byte, 0, len(b)), b...)
}

// getExact returns the value of key and whether it is there. (A cursor
// tells an empty value from an absent key; Get does not always.)
func getExact(b *bolt.Bucket, key []byte) ([]byte, bool) {
	k, v := b.Cursor().Seek(key)
	if k == nil || !bytes.Equal(k, key) {
		return nil, false
	}
	if v == nil {
		v = []byte{}
	}
	return v, true
}

func (w *writer) bucket(name []byte) *bolt.Bucket { return w.tx.Bucket(name) }

// record keeps the before-image of key, once per operation.
func (w *writer) record(name, key []byte) {
	if w.op == nil {
		return
	}
	id := string(name) + "\x00" + string(key)
	if w.seen[id] {
		return
	}
	for _, e := range w.op.entries {
		if e.kind == entRange && e.bucket == string(name) && bytes.HasPrefix(key, e.key) {
			return
		}
	}
	w.seen[id] = true
	e := undoEntry{kind: entAbsent, bucket: string(name), key: clone(key)}
	if v, ok := getExact(w.bucket(name), key); ok {
		e.kind, e.val = entValue, clone(v)
	}
	w.op.entries = append(w.op.entries, e)
}

// recordRange keeps the before-image of every key under prefix, for code
// that writes there directly; it must be called before that code runs.
func (w *writer) recordRange(name, prefix []byte) {
	if w.op == nil {
		return
	}
	id := string(name) + "\x01" + string(prefix)
	if w.seen[id] {
		return
	}
	w.seen[id] = true
	w.op.entries = append(w.op.entries, undoEntry{kind: entRange, bucket: string(name), key: clone(prefix), pairs: rangeOf(w.bucket(name), prefix)})
}

func rangeOf(b *bolt.Bucket, prefix []byte) [][2][]byte {
	var out [][2][]byte
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		out = append(out, [2][]byte{clone(k), clone(v)})
	}
	return out
}

// mark returns where the operation's entries are now, for dropUnchanged.
func (w *writer) mark() int {
	if w.op == nil {
		return 0
	}
	return len(w.op.entries)
}

// dropUnchanged forgets the images recorded since mark when the keys still
// hold what they did: code that writes directly (and may write the same
// again, as re-extraction mostly does) then leaves no trace in the log.
func (w *writer) dropUnchanged(mark int) {
	if w.op == nil {
		return
	}
	since := w.op.entries[mark:]
	for _, e := range since {
		b := w.bucket([]byte(e.bucket))
		switch e.kind {
		case entAbsent, entValue:
			v, ok := getExact(b, e.key)
			if ok != (e.kind == entValue) || !bytes.Equal(v, e.val) {
				return
			}
		case entRange:
			cur := rangeOf(b, e.key)
			if len(cur) != len(e.pairs) {
				return
			}
			for i := range cur {
				if !bytes.Equal(cur[i][0], e.pairs[i][0]) || !bytes.Equal(cur[i][1], e.pairs[i][1]) {
					return
				}
			}
		}
	}
	for _, e := range since {
		sep := "\x00"
		if e.kind == entRange {
			sep = "\x01"
		}
		delete(w.seen, e.bucket+sep+string(e.key))
	}
	w.op.entries = w.op.entries[:mark]
}

func (w *writer) put(name, key, val []byte) error {
	w.record(name, key)
	if err := w.bucket(name).Put(key, val); err != nil {
		return err
	}
	w.changes = append(w.changes, change{string(name), clone(key), clone(val)})
	return nil
}

func (w *writer) delete(name, key []byte) error {
	w.record(name, key)
	if err := w.bucket(name).Delete(key); err != nil {
		return err
	}
	w.changes = append(w.changes, change{string(name), clone(key), nil})
	return nil
}

// deleteRange deletes every key under prefix.
func (w *writer) deleteRange(name, prefix []byte) error {
	var keys [][]byte
	c := w.bucket(name).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, clone(k))
	}
	for _, k := range keys {
		if err := w.delete(name, k); err != nil {
			return err
		}
	}
	return nil
}

// finish stores the operation, unless it recorded nothing: it drops the
// redo branch, appends the op and moves the head to it.
func (w *writer) finish(n *Notebook) error {
	if w.op == nil || len(w.op.entries) == 0 {
		return nil
	}
	ops := w.tx.Bucket(bucketOps)
	head := undoHead(w.tx)
	if err := dropAfter(ops, head); err != nil {
		return err
	}
	seq, err := ops.NextSequence()
	if err != nil {
		return err
	}
	w.op.at = n.Now().UTC()
	if g := n.currentGroup(); g != nil {
		if g.id == 0 || g.last != head {
			g.id = seq // a new group, or one that another change interrupted
		}
		g.last = seq
		w.op.group = g.id
		if g.summary != "" {
			w.op.summary = g.summary
		}
	}
	if err := ops.Put(itob(seq), encodeOp(w.op)); err != nil {
		return err
	}
	if err := trimOps(ops, seq); err != nil {
		return err
	}
	return setUndoHead(w.tx, seq)
}

// MaxUndo is how many operations the undo log keeps; older ones are
// dropped as new ones come, so that the log does not grow without end.
const MaxUndo = 5000

// trimOps drops the operations more than MaxUndo before seq.
func trimOps(ops *bolt.Bucket, seq uint64) error {
	if seq <= MaxUndo {
		return nil
	}
	var keys [][]byte
	c := ops.Cursor()
	for k, _ := c.First(); k != nil && btoi(k) <= seq-MaxUndo; k, _ = c.Next() {
		keys = append(keys, clone(k))
	}
	for _, k := range keys {
		if err := ops.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func dropAfter(ops *bolt.Bucket, head uint64) error {
	var keys [][]byte
	c := ops.Cursor()
	for k, _ := c.Seek(itob(head + 1)); k != nil; k, _ = c.Next() {
		keys = append(keys, clone(k))
	}
	for _, k := range keys {
		if err := ops.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func undoHead(tx *bolt.Tx) uint64 {
	if v := tx.Bucket(bucketMeta).Get(keyUndoHead); len(v) == 8 {
		return btoi(v)
	}
	return 0
}

func setUndoHead(tx *bolt.Tx, seq uint64) error {
	return tx.Bucket(bucketMeta).Put(keyUndoHead, itob(seq))
}

// writeState is what a Notebook keeps for its writers: one writer at a
// time (so the snapshot follows the commits in order), the open group, and
// the in-memory snapshot that queries read.
type writeState struct {
	wmu   sync.Mutex
	gmu   sync.Mutex
	group *group
	snap  snapshot
}

// group is a run of operations that undo together.
type group struct {
	summary string
	id      uint64 // seq of its first op; 0 before it has one
	last    uint64 // seq of its latest op
}

// Group makes the changes until end is called one step of undo, with the
// given summary ("Import 3 files"); an import calls SaveArticles once a batch,
// and the user expects to undo the whole import at once. Another change in
// between (from another window) starts a new step. Groups do not nest: a
// Group inside another is part of the outer one.
func (n *Notebook) Group(summary string) (end func()) {
	n.ws.gmu.Lock()
	defer n.ws.gmu.Unlock()
	if n.ws.group != nil {
		return func() {}
	}
	g := &group{summary: summary}
	n.ws.group = g
	return func() {
		n.ws.gmu.Lock()
		if n.ws.group == g {
			n.ws.group = nil
		}
		n.ws.gmu.Unlock()
	}
}

func (n *Notebook) currentGroup() *group {
	n.ws.gmu.Lock()
	defer n.ws.gmu.Unlock()
	return n.ws.group
}

// write runs fn as one user operation in one write transaction: what fn
// writes through w is recorded for undo, and the in-memory snapshot follows.
// fn may set w.op.summary once it knows what it did. An error that is not a
// *dossier.Error becomes an internal error with the message what.
func (n *Notebook) write(kind, summary, what string, fn func(w *writer) error) error {
	n.ws.wmu.Lock()
	defer n.ws.wmu.Unlock()
	var w *writer
	err := n.db.Update(func(tx *bolt.Tx) error {
		w = newWriter(tx, kind, summary)
		if err := fn(w); err != nil {
			return err
		}
		return w.finish(n)
	})
	if err != nil {
		return internal(err, what)
	}
	n.ws.snap.apply(w.changes)
	return nil
}

// internal returns err, or an internal error with the message what when
// err is not a *dossier.Error.
func internal(err error, what string) error {
	if err == nil || dossier.ErrorCode(err) != dossier.EINTERNAL {
		return err
	}
	if e, ok := err.(*dossier.Error); ok && e.Message != "" {
		return err
	}
	return dossier.Wrap(err, dossier.EINTERNAL, "%s", what)
}

// Undo undoes the last operation (or group of them) that is not undone and
// returns its summary. It returns a conflict error when there is nothing to
// undo.
func (n *Notebook) Undo() (string, error) { return n.step(true) }

// Redo does again the first undone operation (or group) and returns its
// summary. It returns a conflict error when there is nothing to redo.
func (n *Notebook) Redo() (string, error) { return n.step(false) }

func (n *Notebook) step(undo bool) (string, error) {
	n.ws.wmu.Lock()
	defer n.ws.wmu.Unlock()
	var summary string
	var changes []change
	err := n.db.Update(func(tx *bolt.Tx) error {
		ops := tx.Bucket(bucketOps)
		head := undoHead(tx)
		c := ops.Cursor()
		var k, v []byte
		if undo {
			if head == 0 {
				return dossier.Errorf(dossier.ECONFLICT, "nothing to undo")
			}
			k, v = c.Seek(itob(head))
			if k == nil || btoi(k) != head {
				return dossier.Errorf(dossier.EINTERNAL, "the undo log has lost operation %d", head)
			}
		} else if k, v = c.Seek(itob(head + 1)); k == nil {
			return dossier.Errorf(dossier.ECONFLICT, "nothing to redo")
		}
		var g uint64
		first := true
		for k != nil {
			o, err := decodeOp(v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "operation %d of the undo log is damaged", btoi(k))
			}
			if !first && (g == 0 || o.group != g) {
				break
			}
			first = false
			g, summary = o.group, o.summary
			if o.undone == undo {
				return dossier.Errorf(dossier.EINTERNAL, "the undo log is inconsistent at operation %d", btoi(k))
			}
			if err := swapImages(tx, o, undo, &changes); err != nil {
				return err
			}
			o.undone = undo
			seq := btoi(k)
			if err := ops.Put(itob(seq), encodeOp(o)); err != nil {
				return err
			}
			// Re-seek: the put may have moved the cursor's page.
			if undo {
				c.Seek(itob(seq))
				k, v = c.Prev()
				head = 0
				if k != nil {
					head = btoi(k)
				}
			} else {
				head = seq
				k, v = c.Seek(itob(seq + 1))
			}
		}
		return setUndoHead(tx, head)
	})
	if err != nil {
		return "", internal(err, "cannot undo or redo")
	}
	n.ws.snap.apply(changes)
	return summary, nil
}

// swapImages restores the images of o (in reverse order for undo) and puts
// in their place what the keys held.
func swapImages(tx *bolt.Tx, o *op, reverse bool, changes *[]change) error {
	for j := range o.entries {
		i := j
		if reverse {
			i = len(o.entries) - 1 - j
		}
		e := &o.entries[i]
		b := tx.Bucket([]byte(e.bucket))
		if b == nil {
			return dossier.Errorf(dossier.EINTERNAL, "the undo log names a bucket %q the notebook lacks", e.bucket)
		}
		switch e.kind {
		case entAbsent, entValue:
			cur, ok := getExact(b, e.key)
			cur = clone(cur)
			var err error
			if e.kind == entAbsent {
				err = b.Delete(e.key)
				*changes = append(*changes, change{e.bucket, e.key, nil})
			} else {
				err = b.Put(e.key, e.val)
				*changes = append(*changes, change{e.bucket, e.key, e.val})
			}
			if err != nil {
				return err
			}
			e.kind, e.val = entAbsent, nil
			if ok {
				e.kind, e.val = entValue, cur
			}
		case entRange:
			cur := rangeOf(b, e.key)
			for _, p := range cur {
				if err := b.Delete(p[0]); err != nil {
					return err
				}
				*changes = append(*changes, change{e.bucket, p[0], nil})
			}
			for _, p := range e.pairs {
				if err := b.Put(p[0], p[1]); err != nil {
					return err
				}
				*changes = append(*changes, change{e.bucket, p[0], p[1]})
			}
			e.pairs = cur
		}
	}
	return nil
}

// History returns up to max operations of the undo log, newest first; the
// undone ones (which Redo does again) come first, flagged.
func (n *Notebook) History(max int) ([]Op, error) {
	var out []Op
	err := n.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOps).Cursor()
		for k, v := c.Last(); k != nil && len(out) < max; k, v = c.Prev() {
			o, err := decodeOp(v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "operation %d of the undo log is damaged", btoi(k))
			}
			out = append(out, Op{Seq: btoi(k), Kind: o.kind, Summary: o.summary, At: o.at, Undone: o.undone})
		}
		return nil
	})
	return out, err
}

// Undo records: format 1 is the plain encoding below; format 2 is format 1
// deflated (packBlob), since an import's records list thousands of keys.
const (
	opFormat1 = 1
	opFormat2 = 2
)

func appendBytes(b, v []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

func encodeOp(o *op) []byte {
	size := 64 + len(o.summary)
	for _, e := range o.entries {
		size += 16 + len(e.bucket) + len(e.key) + len(e.val)
		for _, p := range e.pairs {
			size += 8 + len(p[0]) + len(p[1])
		}
	}
	b := make([]byte, 0, size)
	b = append(b, opFormat1)
	b = appendString(b, o.kind)
	b = appendString(b, o.summary)
	b = binary.AppendVarint(b, o.at.UnixNano())
	b = binary.AppendUvarint(b, o.group)
	if o.undone {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(o.entries)))
	for _, e := range o.entries {
		b = append(b, e.kind)
		b = appendString(b, e.bucket)
		b = appendBytes(b, e.key)
		switch e.kind {
		case entValue:
			b = appendBytes(b, e.val)
		case entRange:
			b = binary.AppendUvarint(b, uint64(len(e.pairs)))
			for _, p := range e.pairs {
				b = appendBytes(b, p[0])
				b = appendBytes(b, p[1])
			}
		}
	}
	return append([]byte{opFormat2}, packBlob(b[1:])...)
}

func decodeOp(b []byte) (*op, error) {
	if len(b) > 0 && b[0] == opFormat2 {
		plain, err := unpackBlob(b[1:])
		if err != nil {
			return nil, err
		}
		b = append([]byte{opFormat1}, plain...)
	}
	if len(b) == 0 || b[0] != opFormat1 {
		return nil, errCorrupt
	}
	r := reader{b: b[1:]}
	o := &op{kind: r.string(), summary: r.string()}
	o.at = time.Unix(0, r.varint()).UTC()
	o.group = r.uvarint()
	o.undone = r.byte() == 1
	count := r.uvarint()
	if count > uint64(len(b)) {
		return nil, errCorrupt
	}
	o.entries = make([]undoEntry, 0, count)
	for i := uint64(0); i < count && r.err == nil; i++ {
		e := undoEntry{kind: r.byte(), bucket: r.string()}
		e.key = clone(r.bytes(int(r.uvarint())))
		switch e.kind {
		case entAbsent:
		case entValue:
			e.val = clone(r.bytes(int(r.uvarint())))
			if e.val == nil {
				e.val = []byte{}
			}
		case entRange:
			np := r.uvarint()
			if np > uint64(len(b)) {
				return nil, errCorrupt
			}
			for j := uint64(0); j < np && r.err == nil; j++ {
				k := clone(r.bytes(int(r.uvarint())))
				v := clone(r.bytes(int(r.uvarint())))
				if v == nil {
					v = []byte{}
				}
				e.pairs = append(e.pairs, [2][]byte{k, v})
			}
		default:
			return nil, errCorrupt
		}
		o.entries = append(o.entries, e)
	}
	return o, r.err
}

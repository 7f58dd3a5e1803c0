package store

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// keyNotebookID is the meta key of the notebook's identity: a random UUID
// made once, the first time it is asked for.
var keyNotebookID = []byte("notebook_id")

// ID returns the notebook's identity, a UUID ("8c1e…-…") made at random the
// first time it is asked for and kept in the meta bucket from then on.
// Exports derive the IDs of what they write from it, so that exporting the
// same notebook again gives the same IDs. It is no user change: undo does
// not record it. A read-only notebook that has none yet gets one derived
// from the time the notebook was created, the same on every call.
func (n *Notebook) ID() (string, error) {
	var id string
	err := n.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if v := b.Get(keyNotebookID); v != nil {
			id = string(v)
		} else if n.db.IsReadOnly() {
			sum := sha256.Sum256(append([]byte("dossier notebook "), b.Get(keyCreated)...))
			id = formatUUID(sum[:16])
		}
		return nil
	})
	if err != nil || id != "" {
		return id, internal(err, "cannot read the notebook's identity")
	}
	err = n.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if v := b.Get(keyNotebookID); v != nil { // another writer was first
			id = string(v)
			return nil
		}
		var u [16]byte
		if _, err := rand.Read(u[:]); err != nil {
			return err
		}
		id = formatUUID(u[:])
		return b.Put(keyNotebookID, []byte(id))
	})
	return id, internal(err, "cannot save the notebook's identity")
}

// formatUUID formats 16 bytes as a version 4 (random) UUID.
func formatUUID(u []byte) string {
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

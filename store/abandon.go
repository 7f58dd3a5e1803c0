package store

import bolt "go.etcd.io/bbolt"

// Abandon undoes the last operation (or group of them) and drops it from
// the undo log, so that no redo brings it back. It is for a change of many
// steps, an import of notes, that failed midway and must leave nothing
// behind: not its half, and not a redo of its half. It returns a conflict
// error when there is nothing to undo.
func (n *Notebook) Abandon() error {
	if _, err := n.Undo(); err != nil {
		return err
	}
	n.ws.wmu.Lock()
	defer n.ws.wmu.Unlock()
	err := n.db.Update(func(tx *bolt.Tx) error {
		return dropAfter(tx.Bucket(bucketOps), undoHead(tx))
	})
	return internal(err, "cannot drop the abandoned change")
}

package store

import (
	"strings"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// The notebook's alias table holds the user's changes to the built-in
// spellings of names: lower-case alias -> canonical name, and alias -> ""
// for a built-in alias the user removed. The store knows no built-in names;
// the caller lays these pairs over its defaults, in order.

// AliasPairs returns the notebook's alias entries sorted by alias, each as
// {alias, canonical}; the alias is lower case, and an empty canonical says
// that the alias was removed.
func (n *Notebook) AliasPairs() ([][2]string, error) {
	var out [][2]string
	err := n.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAliases).ForEach(func(k, v []byte) error {
			out = append(out, [2]string{string(k), string(v)})
			return nil
		})
	})
	if err != nil {
		return nil, dossier.Wrap(err, dossier.EINTERNAL, "cannot read the alias table")
	}
	return out, nil
}

// SetAlias makes alias a spelling of canonical for the whole notebook. It
// returns an invalid-input error when either is empty or they are the same
// name.
func (n *Notebook) SetAlias(alias, canonical string) error {
	alias, canonical = strings.Join(strings.Fields(alias), " "), strings.Join(strings.Fields(canonical), " ")
	switch {
	case alias == "" || canonical == "":
		return dossier.Errorf(dossier.EINVALID, "an alias needs a spelling and the name it stands for")
	case strings.EqualFold(alias, canonical):
		return dossier.Errorf(dossier.EINVALID, "%q cannot be an alias of itself", alias)
	}
	return n.write("alias", "Alias "+alias+" → "+canonical, "cannot save the alias", func(w *writer) error {
		return w.put(bucketAliases, []byte(strings.ToLower(alias)), []byte(canonical))
	})
}

// RemoveAlias removes alias from the notebook's table, built-in spellings
// included: it is kept as a removal, so that the caller's defaults do not
// bring it back.
func (n *Notebook) RemoveAlias(alias string) error {
	alias = strings.Join(strings.Fields(alias), " ")
	if alias == "" {
		return dossier.Errorf(dossier.EINVALID, "which alias? give its spelling")
	}
	return n.write("alias", "Remove alias "+alias, "cannot remove the alias", func(w *writer) error {
		return w.put(bucketAliases, []byte(strings.ToLower(alias)), []byte{})
	})
}

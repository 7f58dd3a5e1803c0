package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"dossier"

	bolt "go.etcd.io/bbolt"
)

// SaveArticles stores a batch in one transaction (see dossier.ArticleSaver):
// all of it or, on error, none of it. The batch is one step of undo (an
// import groups its batches: see Group). The passages of an Updated article
// are placed again in its new text; those that cannot be are orphans.
func (n *Notebook) SaveArticles(batch []*dossier.Article) ([]dossier.SaveResult, error) {
	results := make([]dossier.SaveResult, len(batch))
	now := n.Now().UTC().Truncate(1e9)
	for _, a := range batch {
		if a.Hash == (dossier.Hash{}) {
			a.Hash = dossier.HashBody(a.Body)
		}
	}
	// Compress and extract outside the write transaction, on every core:
	// they are the costly part.
	bodies, found := n.prepare(batch)
	err := n.write("import", "", "cannot save the articles", func(w *writer) error {
		growInSteps(w.tx)
		added, updated := 0, 0
		for i, a := range batch {
			r, err := saveArticle(w, a, bodies[i], now)
			if err != nil {
				return err
			}
			results[i] = r
			switch r.Action {
			case dossier.Added:
				added++
			case dossier.Updated:
				updated++
				if err := reanchorPassages(w, r.ID, a.Body, now); err != nil {
					return err
				}
			}
			if r.Action != dossier.Added && r.Action != dossier.Updated {
				continue
			}
			p, ok := found[i]
			if !ok && n.Extract != nil {
				// A text already held under another URL: rare, so extract here.
				p, ok = preparedExtraction{ex: n.Extract(a)}, true
			}
			if ok {
				// The extraction writes directly: record what it may change.
				recordExtraction(w, r.ID)
				if err := putPrepared(w.tx, r.ID, p); err != nil {
					return err
				}
			}
		}
		if err := n.indexBatch(w, batch, results); err != nil {
			return err
		}
		w.op.summary = "Import " + plural(added, "article")
		if updated > 0 {
			w.op.summary += fmt.Sprintf(", update %d", updated)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, r := range results {
		if r.Action == dossier.Added || r.Action == dossier.Updated {
			batch[i].ID, batch[i].Imported = r.ID, now
		}
	}
	return results, nil
}

// recordExtraction records for undo the keys that storing an article's
// quotes and figures (and carrying over the corrections) may write.
func recordExtraction(w *writer, id dossier.ArticleID) {
	w.record(bucketQuotes, itob(uint64(id)))
	w.record(bucketFigures, itob(uint64(id)))
	w.recordRange(bucketCorrections, correctionsPrefix(id))
}

// correctionsPrefix is the key prefix of an article's corrections: the
// article part of its quote IDs (see QuoteID).
func correctionsPrefix(id dossier.ArticleID) []byte {
	return itob(uint64(QuoteID(id, 0)))[:5]
}

// prepare encodes every body of the batch and runs the extractor on the
// texts the notebook does not hold yet, encoding what it finds, spread over
// the cores: the write transaction, which runs alone, then only stores.
func (n *Notebook) prepare(batch []*dossier.Article) ([][]byte, map[int]preparedExtraction) {
	bodies := make([][]byte, len(batch))
	extracting := make([]bool, len(batch))
	for _, i := range n.newTexts(batch) {
		extracting[i] = true
	}
	found := make([]preparedExtraction, len(batch))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				bodies[i] = encodeBody(batch[i].Body)
				if extracting[i] {
					found[i] = prepareExtraction(n.Extract(batch[i]))
				}
			}
		}()
	}
	for i := range batch {
		next <- i
	}
	close(next)
	wg.Wait()
	out := make(map[int]preparedExtraction)
	for i, ok := range extracting {
		if ok {
			out[i] = found[i]
		}
	}
	return bodies, out
}

// growInSteps sets how much the file grows when it must: a sixteenth of
// its size, so that it stays close to its data (bbolt's default adds 16 MB
// at a time, more than a small notebook holds) without growing often. It
// runs inside the write transaction, the only place bbolt reads the value.
func growInSteps(tx *bolt.Tx) {
	tx.DB().AllocSize = min(max(int(tx.Size()/16), 256<<10), 32<<20)
}

// newTexts returns the indexes of the batch's articles whose text the
// notebook does not hold yet: the only ones worth extracting.
func (n *Notebook) newTexts(batch []*dossier.Article) []int {
	if n.Extract == nil {
		return nil
	}
	var which []int
	seen := map[dossier.Hash]bool{}
	n.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketByHash).Cursor()
		for i, a := range batch {
			if k, _ := c.Seek(a.Hash[:]); !seen[a.Hash] && (k == nil || !bytes.HasPrefix(k, a.Hash[:])) {
				which = append(which, i)
			}
			seen[a.Hash] = true
		}
		return nil
	})
	return which
}

func saveArticle(w *writer, a *dossier.Article, body []byte, now time.Time) (dossier.SaveResult, error) {
	tx := w.tx
	byURL := tx.Bucket(bucketByURL)
	key := urlKey(a.URL)
	var urlID dossier.ArticleID // the article already at this URL, if any
	if key != nil {
		if u := byURL.Get(key); u != nil {
			urlID = dossier.ArticleID(btoi(u))
		}
	}
	if same := idsWithHash(tx, a.Hash); len(same) > 0 {
		for _, id := range same {
			if id == urlID {
				return dossier.SaveResult{Action: dossier.Unchanged, ID: id}, nil
			}
		}
		// The same text under another URL is another publication (a wire
		// story in two outlets, one statement on two pages): keep both. The
		// same text with no URL to tell them apart adds nothing.
		if key == nil || urlID != 0 || !allHaveURLs(tx, same) {
			return dossier.SaveResult{Action: dossier.Duplicate, ID: same[0]}, nil
		}
	}
	action := dossier.Added
	id := urlID
	if id != 0 {
		old, err := metaByID(tx, id)
		if err != nil {
			return dossier.SaveResult{}, err
		}
		if err := w.delete(bucketByHash, hashKey(old.Hash, id)); err != nil {
			return dossier.SaveResult{}, err
		}
		action = dossier.Updated
	}
	arts := tx.Bucket(bucketArticles)
	if id == 0 {
		seq, err := arts.NextSequence()
		if err != nil {
			return dossier.SaveResult{}, err
		}
		id = dossier.ArticleID(seq)
	}
	// Keys are appended in ascending order: full pages waste no space.
	arts.FillPercent = 1.0
	tx.Bucket(bucketBodies).FillPercent = 1.0
	m := a.Meta()
	m.ID, m.Imported = id, now
	k := itob(uint64(id))
	if err := w.put(bucketArticles, k, encodeMeta(&m)); err != nil {
		return dossier.SaveResult{}, err
	}
	if err := w.put(bucketBodies, k, body); err != nil {
		return dossier.SaveResult{}, err
	}
	if err := w.put(bucketByHash, hashKey(a.Hash, id), nil); err != nil {
		return dossier.SaveResult{}, err
	}
	if key != nil {
		if err := w.put(bucketByURL, key, k); err != nil {
			return dossier.SaveResult{}, err
		}
	}
	return dossier.SaveResult{Action: action, ID: id}, nil
}

// The hash index keys are hash+id: one text may be held by several articles
// that differ in URL.
func hashKey(h dossier.Hash, id dossier.ArticleID) []byte {
	k := make([]byte, 0, 40)
	k = append(k, h[:]...)
	return binary.BigEndian.AppendUint64(k, uint64(id))
}

func idsWithHash(tx *bolt.Tx, h dossier.Hash) []dossier.ArticleID {
	var ids []dossier.ArticleID
	c := tx.Bucket(bucketByHash).Cursor()
	for k, _ := c.Seek(h[:]); k != nil && bytes.HasPrefix(k, h[:]); k, _ = c.Next() {
		ids = append(ids, dossier.ArticleID(btoi(k[32:])))
	}
	return ids
}

func allHaveURLs(tx *bolt.Tx, ids []dossier.ArticleID) bool {
	for _, id := range ids {
		if m, err := metaByID(tx, id); err != nil || m.URL == "" {
			return false
		}
	}
	return true
}

// urlKey is the form of a URL under which the notebook finds an article
// again: scheme and host lower-cased, fragment and trailing slash dropped.
func urlKey(raw string) []byte {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return []byte(raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Fragment = ""
	u.Path = strings.TrimSuffix(u.Path, "/")
	return []byte(u.String())
}

func metaByID(tx *bolt.Tx, id dossier.ArticleID) (dossier.ArticleMeta, error) {
	v := tx.Bucket(bucketArticles).Get(itob(uint64(id)))
	if v == nil {
		return dossier.ArticleMeta{}, dossier.Errorf(dossier.ENOTFOUND, "no article %d", id)
	}
	m, err := decodeMeta(id, v)
	if err != nil {
		return m, dossier.Wrap(err, dossier.EINTERNAL, "article %d is damaged", id)
	}
	return m, nil
}

// Article returns the article with the given ID, body included, or a
// not-found error.
func (n *Notebook) Article(id dossier.ArticleID) (*dossier.Article, error) {
	var a *dossier.Article
	err := n.db.View(func(tx *bolt.Tx) error {
		m, err := metaByID(tx, id)
		if err != nil {
			return err
		}
		body, err := bodyByID(tx, id)
		if err != nil {
			return err
		}
		a = articleFrom(m, body)
		return nil
	})
	return a, err
}

func articleFrom(m dossier.ArticleMeta, body string) *dossier.Article {
	return &dossier.Article{
		ID: m.ID, Title: m.Title, Outlet: m.Outlet, URL: m.URL, Author: m.Author,
		Published: m.Published, Body: body, Hash: m.Hash, File: m.File, Imported: m.Imported,
	}
}

func bodyByID(tx *bolt.Tx, id dossier.ArticleID) (string, error) {
	v := tx.Bucket(bucketBodies).Get(itob(uint64(id)))
	if v == nil {
		return "", dossier.Errorf(dossier.ENOTFOUND, "no text for article %d", id)
	}
	body, err := decodeBody(v)
	if err != nil {
		return "", dossier.Wrap(err, dossier.EINTERNAL, "the text of article %d is damaged", id)
	}
	return body, nil
}

// Body returns the normalised body of an article.
func (n *Notebook) Body(id dossier.ArticleID) (string, error) {
	var body string
	err := n.db.View(func(tx *bolt.Tx) (err error) {
		body, err = bodyByID(tx, id)
		return err
	})
	return body, err
}

// ArticleMetas returns the compact record of every article in ID order,
// without decoding any body.
func (n *Notebook) ArticleMetas() ([]dossier.ArticleMeta, error) {
	var out []dossier.ArticleMeta
	err := n.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		out = make([]dossier.ArticleMeta, 0, b.Stats().KeyN)
		return b.ForEach(func(k, v []byte) error {
			m, err := decodeMeta(dossier.ArticleID(btoi(k)), v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "article %d is damaged", btoi(k))
			}
			out = append(out, m)
			return nil
		})
	})
	return out, err
}

// EachArticle calls fn with every article, body included, in ID order, inside
// one read transaction; fn must not keep the article past the call when it
// modifies it. It stops at fn's first error and returns it.
func (n *Notebook) EachArticle(fn func(*dossier.Article) error) error {
	return n.db.View(func(tx *bolt.Tx) error {
		bodies := tx.Bucket(bucketBodies)
		return tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
			id := dossier.ArticleID(btoi(k))
			m, err := decodeMeta(id, v)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "article %d is damaged", id)
			}
			raw := bodies.Get(k)
			body, err := decodeBody(raw)
			if err != nil {
				return dossier.Wrap(err, dossier.EINTERNAL, "the text of article %d is damaged", id)
			}
			return fn(articleFrom(m, body))
		})
	})
}

// DeleteArticle removes an article with its text, its index entries, its
// quotes, figures and corrections, its passages and its tags, as one step
// of undo. It returns a not-found error for an unknown article.
func (n *Notebook) DeleteArticle(id dossier.ArticleID) error {
	return n.write("delete", "", "cannot delete the article", func(w *writer) error {
		m, err := metaByID(w.tx, id)
		if err != nil {
			return err
		}
		k := itob(uint64(id))
		for _, b := range [][]byte{bucketArticles, bucketBodies, bucketQuotes, bucketFigures} {
			if err := w.delete(b, k); err != nil {
				return err
			}
		}
		if err := w.delete(bucketByHash, hashKey(m.Hash, id)); err != nil {
			return err
		}
		if key := urlKey(m.URL); key != nil {
			if v := w.bucket(bucketByURL).Get(key); v != nil && btoi(v) == uint64(id) {
				if err := w.delete(bucketByURL, key); err != nil {
					return err
				}
			}
		}
		if err := w.deleteRange(bucketCorrections, correctionsPrefix(id)); err != nil {
			return err
		}
		ps, err := passagesOf(w.tx, id)
		if err != nil {
			return err
		}
		for i := range ps {
			if err := deletePassage(w, &ps[i]); err != nil {
				return err
			}
		}
		if err := w.delete(bucketLabels, labelKey('a', uint64(id))); err != nil {
			return err
		}
		if err := w.deleteRange(bucketLabels, labelKey('q', uint64(QuoteID(id, 0)))[:6]); err != nil {
			return err
		}
		w.op.summary = fmt.Sprintf("Delete article %d %q", id, clipText(m.Title, 50))
		return nil
	})
}

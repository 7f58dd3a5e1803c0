package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"sort"
	"strings"
	"sync"

	"dossier"
)

// Doc is an article body to index.
type Doc struct {
	ID   dossier.ArticleID
	Body string
}

// Segment is an immutable inverted index of a batch of articles: for each
// folded word, the articles it occurs in, how often and at which word
// positions. The store builds one per import batch, persists MarshalBinary
// under one key and loads it at open with UnmarshalBinary. A segment does not
// keep the bodies.
type Segment struct {
	ids    []dossier.ArticleID // ascending; a document's index is its position here
	lens   []uint32            // words per document
	words  uint64              // Σ lens
	terms  string              // the sorted terms, concatenated
	toff   []uint32            // terms[toff[i]:toff[i+1]] is term i
	df     []uint32            // documents per term
	post   []byte              // per term: (uvarint doc delta, uvarint tf) per document
	poff   []uint32            // post[poff[i]:poff[i+1]] is term i's postings
	pos    []byte              // per term, per document: tf uvarint position deltas
	posoff []uint32
}

// Len returns the number of articles in the segment.
func (s *Segment) Len() int { return len(s.ids) }

// IDs returns the articles in the segment, ascending.
func (s *Segment) IDs() []dossier.ArticleID { return slices.Clone(s.ids) }

// Bytes returns the memory the segment holds, about its encoded size.
func (s *Segment) Bytes() int {
	return len(s.ids)*12 + len(s.terms) + len(s.toff)*12 + len(s.post) + len(s.pos)
}

// BuildSegment indexes docs. When an ID occurs twice, the later doc wins.
// It spreads the work over the cores.
func BuildSegment(docs []Doc) *Segment {
	byID := make(map[dossier.ArticleID]int, len(docs))
	for i, d := range docs {
		byID[d.ID] = i
	}
	s := &Segment{ids: make([]dossier.ArticleID, 0, len(byID))}
	for id := range byID {
		s.ids = append(s.ids, id)
	}
	slices.Sort(s.ids)
	s.lens = make([]uint32, len(s.ids))

	// Each worker indexes a consecutive range of documents into its own
	// dictionary; the dictionaries are then merged term by term, so that
	// each term's postings stay in document order.
	type posting struct{ doc, first, tf uint32 } // first: index into positions
	type part struct {
		dict  map[string]int32
		terms []string
		lists [][]posting
		pos   [][]uint32
	}
	workers := min(max(1, len(s.ids)/256), maxWorkers())
	parts := make([]part, workers)
	per := (len(s.ids) + workers - 1) / max(workers, 1)
	var wg sync.WaitGroup
	for w := range parts {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			p := &parts[w]
			p.dict = map[string]int32{}
			var docTerms []int32 // term of each word of the document, in order
			for di := w * per; di < min((w+1)*per, len(s.ids)); di++ {
				docTerms = docTerms[:0]
				tokenize(docs[byID[s.ids[di]]].Body, func(tok []byte, _, _ int) {
					t, ok := p.dict[string(tok)]
					if !ok {
						t = int32(len(p.terms))
						p.terms = append(p.terms, string(tok))
						p.dict[p.terms[t]] = t
						p.lists = append(p.lists, nil)
						p.pos = append(p.pos, nil)
					}
					docTerms = append(docTerms, t)
				})
				s.lens[di] = uint32(len(docTerms))
				for at, t := range docTerms {
					l := p.lists[t]
					if n := len(l); n > 0 && l[n-1].doc == uint32(di) {
						l[n-1].tf++
					} else {
						p.lists[t] = append(l, posting{doc: uint32(di), first: uint32(len(p.pos[t])), tf: 1})
					}
					p.pos[t] = append(p.pos[t], uint32(at))
				}
			}
		}(w)
	}
	wg.Wait()

	all := map[string]bool{}
	for _, p := range parts {
		for _, t := range p.terms {
			all[t] = true
		}
	}
	terms := make([]string, 0, len(all))
	for t := range all {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	var tb strings.Builder
	s.toff = make([]uint32, 0, len(terms)+1)
	s.poff = make([]uint32, 0, len(terms)+1)
	s.posoff = make([]uint32, 0, len(terms)+1)
	s.df = make([]uint32, 0, len(terms))
	var post, pos []byte
	for _, t := range terms {
		s.toff = append(s.toff, uint32(tb.Len()))
		s.poff = append(s.poff, uint32(len(post)))
		s.posoff = append(s.posoff, uint32(len(pos)))
		tb.WriteString(t)
		var df uint32
		prev := uint32(0)
		for w := range parts {
			ti, ok := parts[w].dict[t]
			if !ok {
				continue
			}
			for _, pt := range parts[w].lists[ti] {
				post = binary.AppendUvarint(post, uint64(pt.doc-prev))
				post = binary.AppendUvarint(post, uint64(pt.tf))
				prev = pt.doc
				df++
				last := uint32(0)
				for _, at := range parts[w].pos[ti][pt.first : pt.first+pt.tf] {
					pos = binary.AppendUvarint(pos, uint64(at-last))
					last = at
				}
			}
		}
		s.df = append(s.df, df)
	}
	s.toff = append(s.toff, uint32(tb.Len()))
	s.poff = append(s.poff, uint32(len(post)))
	s.posoff = append(s.posoff, uint32(len(pos)))
	s.terms = tb.String()
	s.post, s.pos = post, pos
	for _, n := range s.lens {
		s.words += uint64(n)
	}
	return s
}

func (s *Segment) term(i int) string { return s.terms[s.toff[i]:s.toff[i+1]] }

// lookup returns the index of term t, or -1.
func (s *Segment) lookup(t string) int {
	n := len(s.df)
	i := sort.Search(n, func(i int) bool { return s.term(i) >= t })
	if i < n && s.term(i) == t {
		return i
	}
	return -1
}

// postings is the decoded posting list of one term in one segment.
type postings struct {
	docs []uint32
	tfs  []uint32
	pat  []uint32 // offset of each document's positions in the term's stream; nil unless asked
	pos  []byte   // the term's position stream
}

// decode returns the postings of term i; with positions, also where each
// document's positions start.
func (s *Segment) decode(i int, positions bool) postings {
	p := postings{docs: make([]uint32, 0, s.df[i]), tfs: make([]uint32, 0, s.df[i])}
	b := s.post[s.poff[i]:s.poff[i+1]]
	doc := uint32(0)
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			break
		}
		tf, m := binary.Uvarint(b[n:])
		if m <= 0 {
			break
		}
		b = b[n+m:]
		doc += uint32(d)
		p.docs = append(p.docs, doc)
		p.tfs = append(p.tfs, uint32(tf))
	}
	if positions {
		p.pos = s.pos[s.posoff[i]:s.posoff[i+1]]
		p.pat = make([]uint32, len(p.docs))
		at := 0
		for k, tf := range p.tfs {
			p.pat[k] = uint32(at)
			for range tf {
				for at < len(p.pos) && p.pos[at] >= 0x80 {
					at++
				}
				at++
			}
		}
	}
	return p
}

// positionsOf decodes the word positions of the k-th document of p.
func (p *postings) positionsOf(k int, dst []uint32) []uint32 {
	dst = dst[:0]
	b := p.pos[min(int(p.pat[k]), len(p.pos)):]
	at := uint32(0)
	for range p.tfs[k] {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			break
		}
		b = b[n:]
		at += uint32(d)
		dst = append(dst, at)
	}
	return dst
}

// The encoded segment, all integers uvarint unless said otherwise:
//
//	"DSG1"
//	ndocs, then per document: ID delta, word count
//	nterms, then per term (sorted): shared prefix length with the previous
//	  term, suffix length, suffix bytes, df, postings length, positions length
//	postings blob, positions blob
//	CRC-32 (IEEE) of all the above, 4 bytes little-endian
var segMagic = []byte("DSG1")

// MarshalBinary encodes the segment for the store.
func (s *Segment) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, len(s.post)+len(s.pos)+len(s.terms)+len(s.ids)*4+64)
	b = append(b, segMagic...)
	b = binary.AppendUvarint(b, uint64(len(s.ids)))
	prev := dossier.ArticleID(0)
	for i, id := range s.ids {
		b = binary.AppendUvarint(b, uint64(id-prev))
		b = binary.AppendUvarint(b, uint64(s.lens[i]))
		prev = id
	}
	b = binary.AppendUvarint(b, uint64(len(s.df)))
	last := ""
	for i := range s.df {
		t := s.term(i)
		shared := 0
		for shared < len(t) && shared < len(last) && t[shared] == last[shared] {
			shared++
		}
		b = binary.AppendUvarint(b, uint64(shared))
		b = binary.AppendUvarint(b, uint64(len(t)-shared))
		b = append(b, t[shared:]...)
		b = binary.AppendUvarint(b, uint64(s.df[i]))
		b = binary.AppendUvarint(b, uint64(s.poff[i+1]-s.poff[i]))
		b = binary.AppendUvarint(b, uint64(s.posoff[i+1]-s.posoff[i]))
		last = t
	}
	b = append(b, s.post...)
	b = append(b, s.pos...)
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

var errCorrupt = errors.New("corrupt search segment")

// UnmarshalBinary decodes a segment written by MarshalBinary. It returns an
// internal error when the data is damaged.
func (s *Segment) UnmarshalBinary(data []byte) error {
	if err := s.unmarshal(data); err != nil {
		return dossier.Wrap(err, dossier.EINTERNAL, "the search index of this notebook is damaged")
	}
	return nil
}

func (s *Segment) unmarshal(data []byte) error {
	if len(data) < len(segMagic)+4 || !bytes.Equal(data[:4], segMagic) {
		return errCorrupt
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return errCorrupt
	}
	r := body[4:]
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(r)
		if n <= 0 {
			bad = true
			return 0
		}
		r = r[n:]
		return v
	}
	nd := uv()
	if bad || nd > uint64(len(r)) {
		return errCorrupt
	}
	t := Segment{ids: make([]dossier.ArticleID, nd), lens: make([]uint32, nd)}
	prev := uint64(0)
	for i := range t.ids {
		d := uv()
		if i > 0 && d == 0 {
			return errCorrupt
		}
		prev += d
		t.ids[i] = dossier.ArticleID(prev)
		t.lens[i] = uint32(uv())
		t.words += uint64(t.lens[i])
	}
	nt := uv()
	if bad || nt > uint64(len(r)) {
		return errCorrupt
	}
	var tb []byte
	last := []byte(nil)
	t.toff = make([]uint32, 0, nt+1)
	t.poff = make([]uint32, 0, nt+1)
	t.posoff = make([]uint32, 0, nt+1)
	t.df = make([]uint32, 0, nt)
	var np, nps uint64
	for range nt {
		shared, n := uv(), uv()
		if bad || shared > uint64(len(last)) || n > uint64(len(r)) {
			return errCorrupt
		}
		term := append(append([]byte(nil), last[:shared]...), r[:n]...)
		r = r[n:]
		if len(t.df) > 0 && string(term) <= string(last) {
			return errCorrupt
		}
		t.toff = append(t.toff, uint32(len(tb)))
		t.poff = append(t.poff, uint32(np))
		t.posoff = append(t.posoff, uint32(nps))
		tb = append(tb, term...)
		t.df = append(t.df, uint32(uv()))
		np += uv()
		nps += uv()
		last = term
	}
	if bad || np+nps != uint64(len(r)) || np > 1<<32-1 || nps > 1<<32-1 {
		return errCorrupt
	}
	t.toff = append(t.toff, uint32(len(tb)))
	t.poff = append(t.poff, uint32(np))
	t.posoff = append(t.posoff, uint32(nps))
	t.terms = string(tb)
	t.post = slices.Clone(r[:np])
	t.pos = slices.Clone(r[np:])
	// Document indexes in postings must stay in range.
	for i := range t.df {
		p := t.decode(i, false)
		if len(p.docs) > 0 && int(p.docs[len(p.docs)-1]) >= len(t.ids) {
			return errCorrupt
		}
	}
	*s = t
	return nil
}

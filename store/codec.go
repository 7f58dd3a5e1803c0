package store

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"errors"
	"io"
	"sync"
	"time"

	"dossier"
)

// The article record is a compact binary form: a format byte, then varints
// and length-prefixed strings. It is read for every article at start-up, so
// it stays small and cheap to decode.
const metaFormat1 = 1

var errCorrupt = errors.New("corrupt record")

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func encodeMeta(m *dossier.ArticleMeta) []byte {
	b := make([]byte, 0, 64+len(m.Title)+len(m.Outlet)+len(m.URL)+len(m.Author)+len(m.File))
	b = append(b, metaFormat1)
	b = appendString(b, m.Title)
	b = appendString(b, m.Outlet)
	b = appendString(b, m.URL)
	b = appendString(b, m.Author)
	b = appendString(b, m.File)
	b = append(b, byte(m.Published.Precision), byte(m.Published.Origin))
	if m.Published.Precision != dossier.PrecisionNone {
		b = binary.AppendVarint(b, m.Published.Time.Unix()/86400)
	}
	b = append(b, m.Hash[:]...)
	b = binary.AppendVarint(b, m.Imported.Unix())
	b = binary.AppendUvarint(b, uint64(m.Runes))
	return b
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errCorrupt
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errCorrupt
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.err = errCorrupt
		r.b = nil
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) string() string { return string(r.bytes(int(r.uvarint()))) }

func (r *reader) byte() byte {
	v := r.bytes(1)
	if v == nil {
		return 0
	}
	return v[0]
}

func decodeMeta(id dossier.ArticleID, b []byte) (dossier.ArticleMeta, error) {
	m := dossier.ArticleMeta{ID: id}
	if len(b) == 0 || b[0] != metaFormat1 {
		return m, errCorrupt
	}
	r := reader{b: b[1:]}
	m.Title = r.string()
	m.Outlet = r.string()
	m.URL = r.string()
	m.Author = r.string()
	m.File = r.string()
	m.Published.Precision = dossier.Precision(r.byte())
	m.Published.Origin = dossier.DateOrigin(r.byte())
	if m.Published.Precision != dossier.PrecisionNone {
		m.Published.Time = time.Unix(r.varint()*86400, 0).UTC()
	}
	copy(m.Hash[:], r.bytes(32))
	m.Imported = time.Unix(r.varint(), 0).UTC()
	m.Runes = int(r.uvarint())
	return m, r.err
}

// Bodies are stored deflated when that saves space: news text shrinks to
// about 40%, which keeps the notebook smaller than the text it holds.
const (
	bodyRaw         = 0
	bodyDeflate     = 1
	bodyDeflateDict = 2 // bodies only: deflated with bodyDict
)

var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// bodyDict primes the compression of every body: a short news article
// shares little with itself, much with other news English. Its content is
// part of the file format — bodies stored with it (bodyDeflateDict) can only
// be read with the same bytes — so it must never change; a better one gets
// a new format byte.
//
//go:embed bodydict.txt
var bodyDict []byte

var dictFlaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriterDict(nil, 4, bodyDict)
	return w
}}

func encodeBody(body string) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body)/2 + 16)
	buf.WriteByte(bodyDeflateDict)
	w := dictFlaters.Get().(*flate.Writer)
	w.Reset(&buf)
	io.WriteString(w, body)
	w.Close()
	dictFlaters.Put(w)
	if buf.Len() >= len(body)+1 {
		return append([]byte{bodyRaw}, body...)
	}
	return buf.Bytes()
}

func decodeBody(b []byte) (string, error) {
	if len(b) > 0 && b[0] == bodyDeflateDict {
		r := flate.NewReaderDict(bytes.NewReader(b[1:]), bodyDict)
		defer r.Close()
		out, err := io.ReadAll(r)
		if err != nil {
			return "", errCorrupt
		}
		return string(out), nil
	}
	out, err := unpackBlob(b)
	return string(out), err
}

// packBlob deflates data behind a format byte when that saves space, and
// stores it raw behind another otherwise: bodies and search segments.
func packBlob(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 16)
	buf.WriteByte(bodyDeflate)
	w := flaters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	flaters.Put(w)
	if buf.Len() >= len(data)+1 {
		out := make([]byte, 0, len(data)+1)
		out = append(out, bodyRaw)
		return append(out, data...)
	}
	return buf.Bytes()
}

func unpackBlob(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, errCorrupt
	}
	switch b[0] {
	case bodyRaw:
		return b[1:], nil
	case bodyDeflate:
		r := flate.NewReader(bytes.NewReader(b[1:]))
		defer r.Close()
		// Deflated data is rarely under a third of its size: one
		// allocation, seldom grown.
		out := bytes.NewBuffer(make([]byte, 0, 3*len(b)))
		if _, err := out.ReadFrom(r); err != nil {
			return nil, errCorrupt
		}
		return out.Bytes(), nil
	}
	return nil, errCorrupt
}

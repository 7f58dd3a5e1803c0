package store

import (
	"bytes"
	"math/rand"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// Segments come back byte for byte whatever their size: one chunk or
// many, deflated (small) or stored as they are (large), several in a row.
func TestSegmentChunksRoundTrip(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "x.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewSource(1))
	segment := func(n int) []byte {
		b := append([]byte("DSG1"), make([]byte, n)...)
		for i := 4; i < len(b); i++ {
			b[i] = byte(rng.Intn(16)) // compressible, like varints
		}
		return b
	}
	want := [][]byte{segment(10), segment(segmentChunk), segment(3 * segmentChunk), segment(rawSegment + 12345), segment(100)}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketFTS)
		if err != nil {
			return err
		}
		for i, seg := range want {
			if err := putSegment(b.Put, uint64(i+1), seg); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]byte
	err = db.View(func(tx *bolt.Tx) error {
		return eachStoredSegment(tx.Bucket(bucketFTS), func(stored []byte) error {
			seg, err := unpackSegment(stored)
			got = append(got, bytes.Clone(seg))
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d segments back, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("segment %d (%d bytes) came back different (%d bytes)", i, len(want[i]), len(got[i]))
		}
	}
}

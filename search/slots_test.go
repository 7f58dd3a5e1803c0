package search

import (
	"math/rand/v2"
	"testing"
)

func TestSlotTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	keys := make([]uint64, 5000) // slot → key
	var st slotTable
	keyOf := func(s uint32) uint64 { return keys[s] }
	model := map[uint64]uint32{}
	var free []uint32
	for n := 0; n < 200000; n++ {
		k := uint64(rng.IntN(3000)) << (rng.IntN(2) * 20)
		if s, ok := model[k]; ok && rng.IntN(2) == 0 {
			if !st.del(k, keyOf) {
				t.Fatalf("del %d: missing", k)
			}
			delete(model, k)
			free = append(free, s)
		} else if !ok {
			var s uint32
			if len(free) > 0 {
				s, free = free[len(free)-1], free[:len(free)-1]
			} else {
				s = uint32(len(model))
			}
			keys[s] = k
			st.put(k, s, keyOf)
			model[k] = s
		}
		if n%1000 == 0 {
			if st.n != len(model) {
				t.Fatalf("n %d, model %d", st.n, len(model))
			}
			for k, s := range model {
				if got, ok := st.get(k, keyOf); !ok || got != s {
					t.Fatalf("get %d: %d %v, want %d", k, got, ok, s)
				}
			}
		}
	}
}

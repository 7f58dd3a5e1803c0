package search

// slotTable finds an item's slot by (kind, ID). It is an open-addressing
// hash table with linear probing that stores only slot+1 (0 is empty) and
// reads each slot's key from the index: 4 bytes an entry, where a Go map
// from key to slot costs about 35 bytes an item at a million items.
type slotTable struct {
	t []uint32
	n int
}

func hashKey(k uint64, mask int) int {
	return int((k * 0x9e3779b97f4a7c15) >> 32 & uint64(mask))
}

// find returns the position of key in the table and whether it is there;
// when it is not, the position is where it would go.
func (st *slotTable) find(k uint64, keyOf func(uint32) uint64) (int, bool) {
	if len(st.t) == 0 {
		return 0, false
	}
	mask := len(st.t) - 1
	for i := hashKey(k, mask); ; i = (i + 1) & mask {
		e := st.t[i]
		if e == 0 {
			return i, false
		}
		if keyOf(e-1) == k {
			return i, true
		}
	}
}

func (st *slotTable) get(k uint64, keyOf func(uint32) uint64) (uint32, bool) {
	i, ok := st.find(k, keyOf)
	if !ok {
		return 0, false
	}
	return st.t[i] - 1, true
}

// put adds slot s under key k, which must not be in the table.
func (st *slotTable) put(k uint64, s uint32, keyOf func(uint32) uint64) {
	if (st.n+1)*4 > len(st.t)*3 {
		st.grow(max(16, len(st.t)*2), keyOf)
	}
	i, _ := st.find(k, keyOf)
	st.t[i] = s + 1
	st.n++
}

// reserve makes room for n keys in all.
func (st *slotTable) reserve(n int, keyOf func(uint32) uint64) {
	size := 16
	for size*3 < n*4 {
		size *= 2
	}
	if size > len(st.t) {
		st.grow(size, keyOf)
	}
}

func (st *slotTable) grow(size int, keyOf func(uint32) uint64) {
	old := st.t
	st.t = make([]uint32, size)
	mask := size - 1
	for _, e := range old {
		if e == 0 {
			continue
		}
		i := hashKey(keyOf(e-1), mask)
		for st.t[i] != 0 {
			i = (i + 1) & mask
		}
		st.t[i] = e
	}
}

// del removes key k and reports whether it was there. Later entries of the
// probe run shift back, so no tombstones are needed.
func (st *slotTable) del(k uint64, keyOf func(uint32) uint64) bool {
	i, ok := st.find(k, keyOf)
	if !ok {
		return false
	}
	mask := len(st.t) - 1
	st.t[i] = 0
	st.n--
	for j := (i + 1) & mask; st.t[j] != 0; j = (j + 1) & mask {
		h := hashKey(keyOf(st.t[j]-1), mask)
		// Move entry j to the hole at i if its home is not in (i, j].
		if (j > i && (h <= i || h > j)) || (j < i && h <= i && h > j) {
			st.t[i], st.t[j] = st.t[j], 0
			i = j
		}
	}
	return true
}

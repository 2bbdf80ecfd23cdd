package capsule

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"
)

// referenceHeld is what held counts, the plain way: each array once, by
// where it ends, in a map.
func referenceHeld(st *Store) int64 {
	arrays := make(map[uintptr]int)
	st.eachArray(func(end uintptr, n int) { arrays[end] = max(arrays[end], n) })
	var n int64
	for _, c := range arrays {
		n += int64(c)
	}
	return n
}

// sortSpans sorts as slices.SortStableFunc does by end (the order of
// equal ends does not matter to held, but the ends' order does), for
// ends close together, far apart and repeated.
func TestSortSpans(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, spread := range []uint64{1, 255, 256, 1 << 16, 1 << 32, 1 << 47} {
		for range 200 {
			spans := make([]heldSpan, rng.Intn(300))
			base := uintptr(0x10000000) // a heap address on 32-bit systems too
			for i := range spans {
				spans[i] = heldSpan{end: base + uintptr(rng.Uint64()%spread), n: rng.Intn(100)}
				if i > 0 && rng.Intn(5) == 0 {
					spans[i].end = spans[rng.Intn(i)].end
				}
			}
			want := slices.Clone(spans)
			slices.SortStableFunc(want, func(a, b heldSpan) int { return cmp.Compare(a.end, b.end) })
			got := sortSpans(spans)
			if !slices.EqualFunc(got, want, func(a, b heldSpan) bool { return a.end == b.end }) {
				t.Fatalf("spread %d: sorted ends\n%v\nwant\n%v", spread, got, want)
			}
			// Every span is still there (the stable order keeps each end's
			// spans in their first order: a radix sort is stable).
			if !slices.Equal(got, want) {
				t.Fatalf("spread %d: sorted spans\n%v\nwant\n%v", spread, got, want)
			}
		}
	}
}

package work

import (
	"sync/atomic"
	"testing"
)

// Every index is worked on once, whatever n is beside the cores.
func TestForEachEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 1000, 100000} {
		seen := make([]atomic.Int32, n)
		ForEach(n, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d worked on %d times", n, i, c)
			}
		}
	}
}

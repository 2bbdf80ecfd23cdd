package buildcache

import (
	"math/rand/v2"
	"testing"
)

// TestChecksumInBlocks: the sum of a payload written in pieces of any
// size is the sum of its blocks summed apart, and a byte changed in any
// block changes it.
func TestChecksumInBlocks(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	payload := make([]byte, 3*checkBlock+checkBlock/3)
	for i := range payload {
		payload[i] = byte(rnd.Uint32())
	}
	want := sumParallel(payload)
	for range 5 {
		var s summer
		for b := payload; len(b) > 0; {
			k := min(len(b), 1+rnd.IntN(checkBlock/2))
			s.write(b[:k])
			b = b[k:]
		}
		if got := s.sum(); got != want {
			t.Fatalf("written in pieces: %08x, summed in blocks: %08x", got, want)
		}
	}
	for _, at := range []int{0, checkBlock - 1, checkBlock, 2*checkBlock + 5, len(payload) - 1} {
		payload[at] ^= 1
		if sumParallel(payload) == want {
			t.Errorf("a byte changed at %d: same sum", at)
		}
		payload[at] ^= 1
	}
}

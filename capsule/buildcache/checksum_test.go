package buildcache

import (
	"bytes"
	"hash/crc32"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestChecksumInBlocks: the sums of a payload written in pieces of any
// size are its blocks' sums; checked on every core, a byte changed in
// any block is found, and a check of the blocks before it passes.
func TestChecksumInBlocks(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	payload := make([]byte, 3*checkBlock+checkBlock/3)
	for i := range payload {
		payload[i] = byte(rnd.Uint32())
	}
	var want []uint32
	for b := payload; len(b) > 0; b = b[min(len(b), checkBlock):] {
		want = append(want, crc32.Checksum(b[:min(len(b), checkBlock)], castagnoli))
	}
	for range 5 {
		var s summer
		for b := payload; len(b) > 0; {
			k := min(len(b), 1+rnd.IntN(checkBlock/2))
			s.write(b[:k])
			b = b[k:]
		}
		if got := parseTable(s.table()); !slices.Equal(got, want) {
			t.Fatalf("written in pieces: %x, block by block: %x", got, want)
		}
	}
	if !checkBlocks(bytes.NewReader(payload), 0, int64(len(payload)), want, 0, len(want)) {
		t.Fatal("a payload as written does not check")
	}
	for _, at := range []int{0, checkBlock - 1, checkBlock, 2*checkBlock + 5, len(payload) - 1} {
		payload[at] ^= 1
		if checkBlocks(bytes.NewReader(payload), 0, int64(len(payload)), want, 0, len(want)) {
			t.Errorf("a byte changed at %d: checks", at)
		}
		if !checkBlocks(bytes.NewReader(payload), 0, int64(len(payload)), want, 0, at/checkBlock) {
			t.Errorf("a byte changed at %d: the blocks before it do not check", at)
		}
		payload[at] ^= 1
	}
}

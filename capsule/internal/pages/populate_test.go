package pages

import (
	"bytes"
	"runtime/debug"
	"testing"
)

// TestPopulateKeepsZeroes checks that a populated buffer reads as the
// zeroes it was made with and takes what is written: Populate maps
// pages, it never writes into them.
func TestPopulateKeepsZeroes(t *testing.T) {
	b := make([]byte, 1<<20+123) // not a whole number of pages
	Populate(b)
	Populate(b[:0])
	Populate(nil)
	if !bytes.Equal(b, make([]byte, len(b))) {
		t.Fatal("a populated buffer is not all zeroes")
	}
	for i := range b {
		b[i] = byte(i)
	}
	Populate(b) // pages already mapped and written: kept as they are
	for i := range b {
		if b[i] != byte(i) {
			t.Fatalf("byte %d is %d after Populate, was written %d", i, b[i], byte(i))
		}
	}
}

// BenchmarkFill writes fresh buffers of 2 MiB (an arena's size) whole,
// as a build fills arenas, with their pages faulted in one by one as
// they are first written ("touch") and populated first ("populate").
// The figure to read is the ratio of the two in one run; it depends on
// the machine's page faults (on a virtual machine a fault costs several
// times what it costs on bare metal) and on its transparent huge pages
// (with "always", the heap's pages are 2 MiB and there is little to
// save):
//
//	go test -run '^$' -bench Fill ./capsule/internal/pages
func BenchmarkFill(b *testing.B) {
	src := bytes.Repeat([]byte("capsule "), 4096)
	for _, populate := range []bool{false, true} {
		name := "touch"
		if populate {
			name = "populate"
		}
		b.Run(name, func(b *testing.B) {
			debug.FreeOSMemory() // what the run before left: fresh pages for this one too
			b.SetBytes(2 << 20)
			var keep [][]byte // live, so that every buffer is fresh memory
			for b.Loop() {
				buf := make([]byte, 2<<20)
				if populate {
					Populate(buf)
				}
				for off := 0; off < len(buf); off += copy(buf[off:], src) {
				}
				keep = append(keep, buf)
				if len(keep) == 32 {
					// Their memory given back to the system, so that
					// the next buffers are fresh pages again, not the
					// heap's.
					b.StopTimer()
					keep = nil
					debug.FreeOSMemory()
					b.StartTimer()
				}
			}
		})
	}
}

// TestPopulateSliceKeepsZeroes: a slice of records (with pointers, of a
// size that is no power of two) populated reads as the zero records it
// was made with, to its capacity, and takes what is written.
func TestPopulateSliceKeepsZeroes(t *testing.T) {
	type record struct {
		name string
		n    [5]int64
		next *record
	}
	s := make([]record, 3000, 4000)
	PopulateSlice(s)
	PopulateSlice(s[:0])
	PopulateSlice([]record(nil))
	full := s[:cap(s)]
	for i := range full {
		if full[i] != (record{}) {
			t.Fatalf("record %d is %+v after PopulateSlice", i, full[i])
		}
		full[i] = record{name: "r", n: [5]int64{int64(i)}, next: &full[0]}
	}
	for i := range full {
		if full[i].n[0] != int64(i) || full[i].next != &full[0] {
			t.Fatalf("record %d is %+v", i, full[i])
		}
	}
}

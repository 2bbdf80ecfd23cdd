package daemon

import (
	"math"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"

	"capsule/capsule/buildcache"
)

// gcPercent is the collector's pace now.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestPaceStart checks the pace of a start's build: startGCPercent while
// it builds, the pace before restored after; and an operator's GOGC kept.
func TestPaceStart(t *testing.T) {
	t.Setenv("GOGC", "")
	before := gcPercent()
	restore := PaceStart()
	if got := gcPercent(); got != startGCPercent {
		t.Errorf("while a start builds, GOGC is %d, want %d", got, startGCPercent)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("after a start, GOGC is %d, want %d as before", got, before)
	}

	t.Setenv("GOGC", "300")
	restore = PaceStart()
	if got := gcPercent(); got != before {
		t.Errorf("with GOGC set by the operator, a start set the pace to %d, want it left at %d", got, before)
	}
	restore()
}

// TestPaceReloadCountsTheMappedCache: the memory limit during a reload is
// reloadHeadroom times what is held, the responses served from a mapped
// build cache with the heap: not a limit the reload of every post would
// keep the collector running to stay under.
func TestPaceReloadCountsTheMappedCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c")
	w, err := buildcache.Create(path, [32]byte{})
	if err != nil {
		t.Fatal(err)
	}
	piece := make([]byte, 1<<20)
	for range 64 {
		w.Fixed(piece)
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	payload, _, err := buildcache.Read(path, [32]byte{})
	if err != nil {
		t.Fatal(err)
	}
	if !buildcache.Mapped(payload[0]) {
		t.Skip("cache files are not mapped here")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	runtime.GC() // the heap live: what this test holds, a few MiB
	restore := paceReload()
	limit := debug.SetMemoryLimit(-1)
	restore()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	mapped := buildcache.MappedLive()
	if lo, hi := int64(reloadHeadroom*float64(mapped)), int64(reloadHeadroom*float64(mapped+int64(s[0].Value.Uint64()))); limit < lo || limit > hi {
		t.Errorf("limit during a reload %d MiB, want %v times the %d MiB of the mapped cache and the live heap (%d to %d MiB)", limit>>20, reloadHeadroom, mapped>>20, lo>>20, hi>>20)
	}
	for _, c := range payload {
		buildcache.Release(c)
	}
}

// TestPaceRewrap: while a reload rewraps every Gopher text, the memory
// limit is the live heap, the texts made, and rewrapHeadroom of the heap,
// below the reload's; after it, the reload's limit is back; and a lower
// limit, the operator's, is kept.
func TestPaceRewrap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	runtime.GC()
	restoreReload := paceReload()
	reload := debug.SetMemoryLimit(-1)
	before := heapLive()
	texts := before / 2 // a third of what is held, as a blog's texts are
	restore := paceRewrap(texts)
	limit := debug.SetMemoryLimit(-1)
	after := heapLive() // (a collection may end between the two reads)
	lo, hi := rewrapLimit(min(before, after), 0, texts), rewrapLimit(max(before, after), 0, texts)
	if limit < lo || limit > hi || limit >= reload {
		t.Errorf("limit while rewrapping %d KiB, want the %d KiB of texts and %v times the %d KiB live (%d to %d KiB), below the reload's %d KiB",
			limit>>10, texts>>10, 1+rewrapHeadroom, before>>10, lo>>10, hi>>10, reload>>10)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != reload {
		t.Errorf("after rewrapping, the limit is %d MiB, want the reload's %d MiB", got>>20, reload>>20)
	}
	restoreReload()

	debug.SetMemoryLimit(before) // the operator's, lower
	restore = paceRewrap(texts)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with the operator's limit of %d KiB, rewrapping set %d KiB", before>>10, got>>10)
	}
	restore()
}

// After a restart, what is held is mostly in the mapped build cache, not
// the heap: the garbage's room is a share of both, not of the heap alone
// (which would keep the collector running through the whole build).
func TestRewrapLimitCountsTheMappedCache(t *testing.T) {
	const mib = 1 << 20
	if got, want := rewrapLimit(100*mib, 900*mib, 300*mib), int64(400*mib+rewrapHeadroom*1000*mib); got != want {
		t.Errorf("rewrapLimit(100 MiB live, 900 MiB mapped, 300 MiB of texts) = %d MiB, want %d MiB", got/mib, want/mib)
	}
}

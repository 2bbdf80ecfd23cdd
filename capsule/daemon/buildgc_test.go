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

package daemon

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Returning a build's garbage. A build allocates several times what it
// keeps (the Markdown read, every post's syntax tree, the old Store's
// pages); left to the collector's pace (GOGC), the heap may grow to twice
// what is live before the next collection, and the runtime gives freed
// memory back to the system only slowly: on a small VPS, after a reload,
// that is the difference between fitting and not. So the daemon collects
// it and returns it (debug.FreeOSMemory) at once after the start. After a
// reload it starts collecting it at once, in the background, when it is
// more than an eighth of what is live (runtime.GC: the heap never grows
// towards twice what is live), and so after a write of the build cache
// (cache.go), and returns it once reloads pause for releasePause: an author saving several
// times in a row gets each reload at full speed (memory given back is
// faulted in again by the next reload, which costs it more than the
// collection), and the capsule settles at what it holds. A reload after
// an edit leaves little garbage (the pages of the post, the lists that
// show it): collecting a heap of 10,000 posts for it cost more than the
// reload itself (a tenth of a second on two cores), so it waits for the
// next reload's, or for the pause. A reload that found nothing changed
// (every Store kept: a SIGHUP for nothing, a watcher's event for a file
// that is not the blog's) leaves only its Load's garbage, a few bytes a
// post: it schedules nothing, unless the garbage of such reloads has
// grown worth collecting (garbageWorthCollecting), so that they cost no
// collection of the whole heap each, and the heap stays within an eighth
// of what is live all the same.

// releasePause is how long after the last reload its garbage is returned.
const releasePause = time.Second

// memoryRelease returns the garbage of reloads once they pause.
type memoryRelease struct {
	// drop lets go of what is kept for the next reload (each site's
	// content.Scratch), before the garbage is returned: nil for nothing.
	drop  func()
	mu    sync.Mutex
	timer *time.Timer
	armed int // releases scheduled (the timer started or pushed back), for tests
}

// worthCollecting is garbageWorthCollecting; tests replace it.
var worthCollecting = garbageWorthCollecting

// soon starts collecting the garbage now, if there is enough of it to be
// worth a collection (see garbageWorthCollecting), and returns it to the
// system releasePause from now, unless soon is called again before; kept
// says that the reload kept every Store (nothing changed), which
// schedules nothing unless its garbage is worth collecting. The
// collection goes on in the background: the new Store is served already,
// and a reload need not wait for it to end (at 3,000 posts, a fifth of
// an edit's reload; the next reload comes watch.DefaultQuiet later at the
// soonest, when it has ended).
func (m *memoryRelease) soon(kept bool) {
	worth := worthCollecting()
	if worth {
		go runtime.GC()
	}
	if kept && !worth {
		return // a release already scheduled keeps its time
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.armed++
	if m.timer == nil {
		m.timer = time.AfterFunc(releasePause, m.release)
		return
	}
	m.timer.Reset(releasePause)
}

// release returns the garbage of the reloads before it to the system,
// with what they kept for the next.
func (m *memoryRelease) release() {
	if m.drop != nil {
		m.drop()
	}
	debug.FreeOSMemory()
}

func (m *memoryRelease) stop() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.timer != nil {
		m.timer.Stop()
	}
}

// applyMemoryLimit sets the runtime's soft memory limit to limit bytes,
// when it is set; 0 leaves the limit as GOMEMLIMIT set it, or none.
func applyMemoryLimit(limit int64) {
	if limit > 0 {
		debug.SetMemoryLimit(limit)
	}
}

// heapSamples are what garbageWorthCollecting reads: the heap's objects,
// live and dead not yet freed, and those found live by the last collection.
var heapSamples = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}

// garbageWorthCollecting reports whether the heap has grown by more than
// an eighth of what the last collection found live: what was allocated
// since, most of it garbage after a reload. It reads the runtime's
// counters, without stopping the world.
func garbageWorthCollecting() bool {
	s := make([]metrics.Sample, len(heapSamples))
	copy(s, heapSamples)
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return true // not told: collect, as before
	}
	objects, live := s[0].Value.Uint64(), s[1].Value.Uint64()
	return objects > live+live/8
}

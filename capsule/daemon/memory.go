package daemon

import (
	"runtime"
	"runtime/debug"
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
// reload it collects it at once (runtime.GC: the heap never grows
// towards twice what is live) and returns it once reloads pause for
// releasePause: an author saving several times in a row gets each reload
// at full speed (memory given back is faulted in again by the next
// reload, which costs it more than the collection), and the capsule
// settles at what it holds.

// releasePause is how long after the last reload its garbage is returned.
const releasePause = time.Second

// memoryRelease returns the garbage of reloads once they pause.
type memoryRelease struct {
	mu    sync.Mutex
	timer *time.Timer
}

// soon collects the garbage now and returns it to the system
// releasePause from now, unless soon is called again before.
func (m *memoryRelease) soon() {
	runtime.GC()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.timer == nil {
		m.timer = time.AfterFunc(releasePause, debug.FreeOSMemory)
		return
	}
	m.timer.Reset(releasePause)
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

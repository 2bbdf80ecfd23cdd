package daemon

import "runtime/debug"

// reloadGCPercent is the collector's pace while a reload builds: the heap
// may grow past what is live by this percent, not the 100 of GOGC's
// default. A reload holds the Store being served and the one being built
// at once; at GOGC's pace, the build's garbage (syntax trees, buffers
// the responses are rendered in before they are packed into arenas) could
// take as much again before a collection, doubling the peak of a reload
// that renders every page. What is live is mostly arenas, bytes without
// pointers, which the collector does not scan: a collection costs little.
// Measured (capsule-bench reload): at 3,000 posts a reload of every page
// peaks at 2.9 times the steady resident memory with 100 (GOGC's
// default), 2.0 with 20, 1.9 with 5 (but an edit's reload takes 3 times
// as long); at 10,000, 2.1 with 20 (16 s), 2.0 with 10 (26 s). An edit's
// reload is as fast with 20 as with 100.
const reloadGCPercent = 20

// paceReload sets the collector's pace for a reload, unless GOGC is
// already lower or off, and returns what restores it.
func paceReload() (restore func()) {
	prev := debug.SetGCPercent(reloadGCPercent)
	if prev < 0 || prev <= reloadGCPercent {
		debug.SetGCPercent(prev)
		return func() {}
	}
	return func() { debug.SetGCPercent(prev) }
}

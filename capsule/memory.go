package capsule

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// releaseMemory collects the garbage of a build that rendered rendered
// of total posts and pages. A build allocates several times what it keeps
// (the Markdown read, every post's syntax tree, the old Store's pages);
// left to the collector's pace (GOGC), the heap may grow to twice what is
// live before the next collection, and the runtime keeps freed memory
// for later: on a small VPS, after a reload, that is the difference
// between fitting and not.
//
// After a build that rendered much (a start, a new configuration), the
// garbage is collected and returned to the operating system at once.
// After one that rendered little (an author's edit), it is collected, and
// the free memory kept for the next reload up to keepFree of what is
// live: asking the system for memory again costs a reload more than the
// reload itself (every page is faulted in anew).
//
// Start and Reload call it once their Store is serving, so that readers
// never wait for it.
func releaseMemory(rendered, total int) {
	if rendered*10 > total {
		debug.FreeOSMemory()
		return
	}
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	free, live := sample[0].Value.Uint64(), sample[1].Value.Uint64()
	if free > live/keepFree {
		debug.FreeOSMemory()
	}
}

// keepFree is the share of live memory (1/keepFree) that may stay free in
// the heap between reloads: 1/8, 12%, some 120 MB of a 1 GB capsule, more
// than an edit's reload allocates (8 KB a post: the home page, the
// archive and the feeds that list every post, the maps of the Store).
const keepFree = 8

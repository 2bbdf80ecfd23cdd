package daemon

import (
	"os"
	"runtime/debug"
	"runtime/metrics"

	"capsule/capsule/buildcache"
)

// The collector's pace during a reload. A reload holds the Store being
// served and the one being built at once; at GOGC's pace (the heap may
// grow to twice what was live at the last collection), the build's
// garbage (syntax trees, the buffers responses are rendered in before
// they are packed into arenas) comes on top of both, and a reload that
// renders every page (a new site title) peaked at 2.8 times the steady
// resident memory at 10,000 posts. So while a reload builds, the runtime's
// soft memory limit is set to reloadHeadroom times the heap live before
// it: room for a second Store as large as the first, and a little
// garbage. An edit's reload allocates far less and never reaches it (no
// extra collection, as fast as without); a reload of every page is
// collected more often as it nears the end, which costs little: what is
// live is mostly arenas, bytes without pointers, which the collector
// does not scan. A site that grew much since the last reload goes past
// the limit (it is soft: the collector takes at most half the CPU to
// keep to it), and the build is slower, not wrong. A lower limit set by
// the operator (-memory-limit, GOMEMLIMIT) is kept.
//
// (GOGC lowered to 20 during reloads instead peaked at 2.0–2.1 times
// the steady resident memory, but slowed an edit's reload by a collection
// during it.)
//
// What is held is the live heap and, after a restart, the responses
// served from the mapped build cache (buildcache.MappedLive), which are
// outside the heap: a reload that renders every post anew builds them
// into arenas of the heap. Counting the heap alone, the limit after a
// restart at 10,000 posts would be a fifth of what such a reload needs,
// and the collector would run through all of it.
const reloadHeadroom = 2.25

// paceReload sets the memory limit for a reload and returns what
// restores the one before.
func paceReload() (restore func()) {
	live := heapLive()
	if live == 0 {
		return func() {}
	}
	return limitMemory(int64(reloadHeadroom * float64(live+buildcache.MappedLive())))
}

// A reload that rewraps every post's Gopher text (a new Gopher width:
// capsule's rewrap.go) holds, beside the Store served, the new texts
// alone, a third of what is held; but it parses every post again, and at
// reloadHeadroom's pace that garbage came on top: 2.1 times the steady
// resident memory at 10,000 posts, for 1.3 of Store and texts. So while
// it builds, the limit is the heap live before it, the texts it makes,
// and rewrapHeadroom of what is held (the heap and the responses served
// from a mapped build cache) for its garbage: the collector runs more
// often as the texts fill the heap, marking little but records (arenas
// hold no pointers). (0.25 peaked at 1.52–1.53 times the steady
// resident memory at 10,000 posts; 0.15 at 1.46, no slower than
// rendering every post was.)
const rewrapHeadroom = 0.15

// rewrapLimit is the memory limit while a reload rewraps texts bytes of
// Gopher texts, with live bytes of heap live before it and mapped bytes
// of responses served from a mapped build cache.
func rewrapLimit(live, mapped, texts int64) int64 {
	return live + texts + int64(rewrapHeadroom*float64(live+mapped))
}

// paceRewrap sets the memory limit for the build of a reload that makes
// texts bytes of Gopher texts anew (capsule.Store.Rewraps), below the
// one paceReload set, and returns what restores that one.
func paceRewrap(texts int64) (restore func()) {
	live := heapLive()
	if live == 0 {
		return func() {}
	}
	return limitMemory(rewrapLimit(live, buildcache.MappedLive(), texts))
}

// heapLive is the heap live at the last collection (0 if unknown).
func heapLive() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// limitMemory sets the runtime's soft memory limit to limit, unless the
// one set is lower, and returns what restores it.
func limitMemory(limit int64) (restore func()) {
	prev := debug.SetMemoryLimit(-1) // reads it
	if prev <= limit {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	return func() {
		// Unless the operator's limit changed meanwhile (applyConfig
		// runs after the reload): only ours is undone.
		if debug.SetMemoryLimit(-1) == limit {
			debug.SetMemoryLimit(prev)
		}
	}
}

// The collector's pace during a start (and -check). A start builds every
// post: for each, a syntax tree, the buffers its pages are rendered in,
// and the responses, packed into arenas (arena.go), which are most of
// what stays live and hold no pointers, so that the collector marks them
// for almost nothing. At GOGC's default pace the heap grows to twice what
// is live before each collection: at 3,000 posts the start peaked at 2.9
// times the bytes it then held, twice the goldmark floor's peak
// (capsule-bench startup). With startGCPercent the heap grows by half
// of what is live between collections. Measured with each post's
// Markdown forgotten once rendered (build.go), at 10,000 posts: peak
// 849–867 MiB at 100, 724 at 50, 621–664 at 25 (the floor's 522), for
// 12.6–13.0, 12.5–13.3 and 14.4–14.7 s of CPU: 50 keeps the peak well
// under 1.5 times the floor's for nothing measurable, 25 takes a tenth
// more CPU for a seventh less. On a small VPS a start that fits matters
// more than a tenth of a second of it; a restart with a build cache
// renders little and is paced the same. An operator's GOGC is kept.
const startGCPercent = 50

// PaceStart sets the collector's pace for the build of a start (or a
// check) and returns what restores the pace before. capsuled calls it;
// it is exported for capsule-bench, which measures a start as capsuled
// makes it.
func PaceStart() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(startGCPercent)
	return func() { debug.SetGCPercent(prev) }
}

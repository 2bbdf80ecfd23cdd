package buildcache

import (
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A cache file is read by mapping it into memory where the system allows
// (mapped_linux.go), not by copying it: its pages are those the system
// already holds for the file (its page cache), shared, where a copy
// writes every byte once more into memory the process has never used.
// On a virtual machine that memory costs about 10 µs a 4 KiB page to
// touch first: reading and checking a cache of 427 MiB (10,000 posts, in
// the page cache) took 1.4 s of CPU; mapping it and checking it on two
// cores takes 0.11 s.
//
// The payload Open returns is then slices of the mapping, read-only (a
// write to it is a crash, not a changed response). The responses decoded
// from it are served from it, as from an arena.
//
// What a mapping asks of whoever else touches the file:
//   - The file is never changed in place. Writer replaces it whole, by
//     renaming a new file over it: the mapping keeps the old file, which
//     the system frees (on disk too) when the process ends. So a cache
//     folder holds, while a daemon runs and writes its cache again, up
//     to three times a cache's size: the file mapped, the current one,
//     the one being written.
//   - Were the file cut short by something else while mapped, reading its
//     lost pages would stop the process (SIGBUS): the cache folder is
//     capsule's own (0700), as the state directory systemd gives is.
//
// A mapping is never unmapped (but by Read, of a file found corrupt
// before anything read from it left): a response being written to a
// slow client may still point into it after every Store holding it is
// gone, and Go's collector does not see such pointers. Its pages are given
// back instead (Release) once what was decoded from them is unused: a
// page given back and read again is read again from the file, the same
// bytes. So what a mapping costs once released is address space, at most
// one cache file's (MaxSize) a site a start.

// mappings are the address ranges of the mapped payloads, for Release.
var mappings struct {
	sync.Mutex
	ranges   [][2]uintptr     // [start, end), unordered
	released map[uintptr]bool // where the chunks given back begin
}

// mappedLive is how many bytes of mapped payloads are not given back.
var mappedLive atomic.Int64

// mapped records m as a mapping, of a payload of n bytes.
func mapped(m []byte, n int64) {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(m)))
	mappings.Lock()
	mappings.ranges = append(mappings.ranges, [2]uintptr{start, start + uintptr(len(m))})
	mappings.Unlock()
	mappedLive.Add(n)
}

// unmapped forgets m, a mapping about to be unmapped: its addresses may
// be Go's heap's next, which Mapped must not take for a file's, nor
// Release give back.
func unmapped(m []byte) {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(m)))
	end := start + uintptr(len(m))
	mappings.Lock()
	defer mappings.Unlock()
	mappings.ranges = slices.DeleteFunc(mappings.ranges, func(r [2]uintptr) bool { return r[0] == start })
	for at := range mappings.released {
		if at >= start && at < end {
			delete(mappings.released, at)
		}
	}
}

// MappedLive is how many bytes of the payloads Read mapped are not given
// back (Release): memory the process holds outside Go's heap, which the
// runtime's counters and its memory limit do not see.
func MappedLive() int64 { return mappedLive.Load() }

// Mapped reports whether b, a chunk of a payload Read returned, is part
// of a mapped file (and not of Go's heap).
func Mapped(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	mappings.Lock()
	defer mappings.Unlock()
	return slices.ContainsFunc(mappings.ranges, func(r [2]uintptr) bool {
		return start >= r[0] && start+uintptr(len(b)) <= r[1]
	})
}

// Release gives back the memory of b, a chunk of a payload Read
// returned, when nothing decoded from it is used any more: the whole
// pages within b, if b is mapped (a chunk of Go's heap is freed by the
// collector). A slice still pointing there reads the same bytes, read
// again from the file (and resident again, counted nowhere: whatever
// reads a chunk holds what releases it, as capsule's arenas do).
// A chunk given back again is left as it is: MappedLive counts it once.
func Release(b []byte) {
	if !Mapped(b) {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	mappings.Lock()
	again := mappings.released[start]
	if mappings.released == nil {
		mappings.released = make(map[uintptr]bool)
	}
	mappings.released[start] = true
	mappings.Unlock()
	if !again {
		dropPages(start, len(b))
		mappedLive.Add(-int64(len(b)))
	}
}

// chunked cuts the payload of a mapped file into chunks of readChunk
// bytes, each with no room to grow into the next, but the first, which
// is headerSize shorter: the chunks after it begin at offsets of the
// file that are multiples of readChunk, on a page of their own, so that
// a chunk's pages are given back whole (Release) but for the file's
// first and last.
func chunked(payload []byte) [][]byte {
	chunks := make([][]byte, 0, len(payload)/readChunk+2)
	for first := true; len(payload) > 0; first = false {
		k := readChunk
		if first && readChunk > headerSize {
			k -= headerSize
		}
		k = min(k, len(payload))
		chunks, payload = append(chunks, payload[:k:k]), payload[k:]
	}
	return chunks
}

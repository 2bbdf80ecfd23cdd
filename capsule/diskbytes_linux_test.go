package capsule

import (
	"runtime/debug"
	"slices"
	"testing"

	"golang.org/x/sys/unix"

	"capsule/capsule/buildcache"
	"capsule/capsule/content"
)

// TestRestartDecodesNoResponseBytes: decoding a cache file reads what its
// records say, the search index and the index pages, never the bytes of
// the records' responses (their pages, texts, menus, feed entries and
// lines): the pages of a mapped file's responses cost a fault each when
// first read, and are read when first served, not all at the start. The
// payload is copied into memory of its own, and the responses' bytes
// made unreadable (PROT_NONE): a read of them is a fault, which
// debug.SetPanicOnFault makes a panic of this goroutine, on which the
// whole payload is decoded.
func TestRestartDecodesNoResponseBytes(t *testing.T) {
	path, dir := generatedCache(t)
	payload := slices.Concat(readPayload(t, path, dir)...)

	// Where the records' bytes are: after what they say, before the
	// search index.
	d := buildcache.NewDecoder(payload)
	d.Fixed(32)
	content.DecodeSaved(d)
	_, posts := decodeRecords(d)
	_, drafts := decodeRecords(d)
	from := d.Offset()
	held := newChunkArenas([][]byte{payload}, 0)
	decodeRecordBytes(d, posts, held)
	decodeRecordBytes(d, drafts, held)
	to := d.Offset()
	if d.Err() != nil || to-from < int64(len(payload))/2 {
		t.Fatalf("records' bytes from %d to %d of %d: %v", from, to, len(payload), d.Err())
	}

	page := int64(unix.Getpagesize())
	mem, err := unix.Mmap(-1, 0, len(payload), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		t.Skip(err)
	}
	defer unix.Munmap(mem)
	copy(mem, payload)
	lo, hi := (from+page-1)/page*page, to/page*page
	if err := unix.Mprotect(mem[lo:hi], unix.PROT_NONE); err != nil {
		t.Skip(err)
	}
	defer unix.Mprotect(mem[lo:hi], unix.PROT_READ)

	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if e := recover(); e != nil {
			t.Fatalf("decoding read the responses' bytes: %v\n%s", e, debug.Stack())
		}
	}()
	d = buildcache.NewDecoder(mem)
	d.Fixed(32)
	content.DecodeSaved(d)
	renders, _, idx, blogs, _, err := decodeCache(d, newChunkArenas([][]byte{mem}, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(renders) == 0 || idx == nil || len(blogs) == 0 {
		t.Fatalf("%d records, index %v, %d blogs' pages", len(renders), idx != nil, len(blogs))
	}
}

package capsule

import (
	"os"
	"runtime/debug"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"

	"capsule/capsule/internal/pages"
)

// residentPages counts the pages of b that are resident (mincore).
func residentPages(t *testing.T, b []byte) int {
	t.Helper()
	page := os.Getpagesize()
	off := int(uintptr(unsafe.Pointer(unsafe.SliceData(b))) % uintptr(page))
	whole := unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), -off)), (off+len(b)+page-1)/page*page)
	vec := make([]byte, len(whole)/page)
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&whole[0])), uintptr(len(whole)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Skipf("mincore: %v", errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}

// An arena's pages are mapped as reservations reach them, populateStep
// at a time: the free room of an arena being filled is not resident.
func TestArenaMapsItsPagesAsItFills(t *testing.T) {
	page := os.Getpagesize()
	// Populate maps the pages asked for and no more: not on a kernel
	// before 5.14 (none), nor with transparent huge pages always on (2
	// MiB at once).
	debug.FreeOSMemory() // the heap's free pages given back: new buffers' are not resident
	probe := make([]byte, 2<<20)
	pages.Populate(probe[:populateStep])
	if n := residentPages(t, probe); n != populateStep/page {
		t.Skipf("pages.Populate maps %d pages here for %d asked: nothing to tell", n, populateStep/page)
	}
	probe = nil
	debug.FreeOSMemory()
	if probe := make([]byte, 2<<20); residentPages(t, probe) > 2 {
		t.Skipf("new memory is resident here (%d pages): nothing to tell", residentPages(t, probe))
	}
	a := newArena(2 << 20)
	if n := residentPages(t, a.buf); n > 2 {
		// The heap gave memory back resident (a huge page kept from an
		// earlier use, on a machine busy with other tests): the same
		// case as the probe's above, for the arena's own buffer.
		t.Skipf("the new arena's memory is resident already (%d pages): nothing to tell", n)
	}
	a.reserve(1000)
	step := populateStep / page
	if n := residentPages(t, a.buf); n < step-1 || n > step+1 {
		t.Fatalf("after 1,000 bytes reserved, %d pages resident, want the first step's %d", n, step)
	}
	a.reserve(populateStep)
	if n := residentPages(t, a.buf); n < 2*step-1 || n > 2*step+1 {
		t.Fatalf("after a step more reserved, %d pages resident, want two steps' %d", n, 2*step)
	}
	for {
		if _, ok := a.reserve(100 << 10); !ok {
			break
		}
	}
	if n, want := residentPages(t, a.buf), len(a.buf)/page; n < want-1 {
		t.Fatalf("a full arena has %d of its %d pages resident", n, want)
	}
}

// Package pages asks the kernel for the memory of a buffer before it is
// written.
package pages

import (
	"os"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

var pageSize = uintptr(os.Getpagesize())

// Populate maps the pages of b in one system call (MADV_POPULATE_WRITE,
// Linux 5.14), where writing b would fault each page in on first touch:
// for a buffer about to be written whole (an arena of responses, a
// post's file, a chunk of the build cache). On a virtual machine a page
// fault costs about 10 µs, and the 120 MiB of responses of 3,000 posts
// are 30,000 pages: half the kernel's time for them is saved
// (BenchmarkFill). The pages of b's first and last bytes are populated
// whole: they are mapped, since b is in them, and populating writes
// nothing. (For a buffer of Go's heap, with pages of 4 or 8 KiB, they
// are pages of b's own span, which is made of whole 8 KiB pages; with
// larger pages, pages b shares with its neighbours.)
// Pages already mapped cost a walk of their table entries. A buffer of
// less than two pages is left to fault: one fault is what the call
// would cost. On an older kernel, or for memory the kernel will not
// populate, it does nothing: the pages fault in as they are written,
// as without it.
func Populate(b []byte) {
	if uintptr(len(b)) < 2*pageSize {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	end := start + uintptr(len(b))
	start &^= pageSize - 1
	end = (end + pageSize - 1) &^ (pageSize - 1)
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, start, end-start, unix.MADV_POPULATE_WRITE)
	runtime.KeepAlive(b) // its memory is b's until the call returns
}

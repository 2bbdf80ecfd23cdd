package buildcache

import (
	"math"
	"os"

	"golang.org/x/sys/unix"
)

// mapSupported is whether mapFile maps files.
const mapSupported = math.MaxInt > math.MaxInt32

// mapFile maps f, of size bytes, read-only and private, its pages mapped
// as they are read (the check reads the file, not the mapping:
// checkBlocks), not all at once: a page mapped costs a fault whoever
// touches it first, and a restart reads few of a cache's pages but its
// records'. It fails
// where f cannot be mapped (a file system without mappings) and on a
// 32-bit system, whose address space a mapping never unmapped would
// take for good: Read then reads it.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size <= 0 || math.MaxInt == math.MaxInt32 {
		return nil, unix.EINVAL
	}
	return unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_PRIVATE)
}

// unmap unmaps m, a mapping nothing points into.
func unmap(m []byte) { unix.Munmap(m) }

// dropPages gives back the whole pages within [start, start+n) of a
// mapping (MADV_DONTNEED): read again, a page of a private mapping
// nothing wrote to is the file's again.
func dropPages(start uintptr, n int) {
	page := uintptr(os.Getpagesize())
	end := (start + uintptr(n)) &^ (page - 1)
	start = (start + page - 1) &^ (page - 1)
	if end > start {
		unix.Syscall(unix.SYS_MADVISE, start, end-start, unix.MADV_DONTNEED)
	}
}

package pages

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"unsafe"
)

// ResidentKiB is the resident memory of the mapping b is in, in KiB, as
// /proc/self/smaps says (Linux): for tests of what a mapping holds.
func ResidentKiB(b []byte) (int, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	at := uint64(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		// A mapping's first line: "start-end perms offset dev inode [path]";
		// its details: "Name: value kB".
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok && !strings.HasSuffix(fields[0], ":") {
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && at >= l && at < h
			continue
		}
		if in && fields[0] == "Rss:" && len(fields) >= 2 {
			return strconv.Atoi(fields[1])
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("no mapping holds it")
}

package capsule

import (
	"fmt"
	"unsafe"
)

// held counts the bytes of every response st holds, each shared array
// counted once (a post's menu answers two selectors, a file's bytes both
// protocols): what memory must hold at the least, to compare resident
// memory with. Responses built for each request (search results) are not
// held and not counted.
func (st *Store) held() int64 {
	// By where each array ends: a Gemini response's body (served to
	// Gopher for a file) ends where the response does. The end is an
	// address, never a pointer: one past an array is no pointer the
	// collector may see.
	arrays := make(map[uintptr]int, len(st.gemini)+len(st.gopher))
	add := func(b []byte) {
		if cap(b) == 0 {
			return
		}
		end := uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(cap(b))
		arrays[end] = max(arrays[end], cap(b))
	}
	for _, r := range st.gemini {
		add(r.Raw)
	}
	for _, b := range st.gopher {
		add(b)
	}
	for _, r := range st.drafts {
		add(r.Raw)
	}
	var n int64
	for _, c := range arrays {
		n += int64(c)
	}
	return n
}

// FormatBytes says n bytes the way the log does: 312 KiB, 41.2 MiB.
func FormatBytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KiB", n>>10)
	case n < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
}

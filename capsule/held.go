package capsule

import (
	"bytes"
	"fmt"
	"unsafe"
)

// held counts the bytes of every response st holds, each shared array
// counted once (a post's menu answers two selectors, a file's bytes both
// protocols): what memory must hold at the least, to compare resident
// memory with. A retitled post's page counts its two pieces, the first
// shared with the previous Store, which a Store holds as much as its own. Responses built for each request (search results) are not
// held and not counted.
func (st *Store) held() int64 {
	// By where each array ends: a Gemini response's body (served to
	// Gopher for a file) ends where the response does. The end is an
	// address, never a pointer: one past an array is no pointer the
	// collector may see. What is counted is the bytes served, not the
	// room the arrays have.
	arrays := make(map[uintptr]int, len(st.gemini)+len(st.gopher))
	add := func(b []byte) {
		if len(b) == 0 {
			return
		}
		end := uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(len(b))
		arrays[end] = max(arrays[end], len(b))
	}
	for _, r := range st.gemini {
		add(r.Raw)
		add(r.Tail)
	}
	for _, b := range st.gopher {
		add(b)
	}
	for _, r := range st.drafts {
		add(r.Raw)
		add(r.Tail)
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

// kept returns b to be held for good: b itself when it has no spare
// room, else an exact copy. Buffers grow by doubling; their room is
// memory held and never served (13% of the responses at 10,000 posts).
func kept(b []byte) []byte {
	if cap(b) == len(b) {
		return b
	}
	return bytes.Clone(b)
}

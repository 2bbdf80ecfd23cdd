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
// shared with the previous Store, which a Store holds as much as its own.
// Responses built for each request (search results) are not held and not
// counted.
func (st *Store) held() int64 {
	// By where each array ends: a Gemini response's body (served to
	// Gopher for a file) ends where the response does. The end is an
	// address, never a pointer: one past an array is no pointer the
	// collector may see. What is counted is the bytes served, not the
	// room the arrays have. The ends are sorted (radix), not put in a
	// map: at 10,000 posts there are 50,000 of them, counted on every
	// reload, and a map of them took 5 to 7 ms of an edit's 100.
	spans := make([]heldSpan, 0, 2*len(st.gemini)+len(st.gopher)+2*len(st.drafts))
	st.eachArray(func(end uintptr, n int) { spans = append(spans, heldSpan{end: end, n: n}) })
	spans = sortSpans(spans)
	var n int64
	for i := 0; i < len(spans); {
		longest, end := 0, spans[i].end
		for ; i < len(spans) && spans[i].end == end; i++ {
			longest = max(longest, spans[i].n)
		}
		n += int64(longest)
	}
	return n
}

// eachArray calls f with the end and the length of every non-empty
// array st serves, as many times as it serves it.
func (st *Store) eachArray(f func(end uintptr, n int)) {
	add := func(b []byte) {
		if len(b) > 0 {
			f(uintptr(unsafe.Pointer(unsafe.SliceData(b)))+uintptr(len(b)), len(b))
		}
	}
	for _, r := range st.gemini {
		add(r.Raw)
		for _, t := range r.Tail {
			add(t)
		}
	}
	for _, b := range st.gopher {
		add(b)
	}
	for _, r := range st.drafts {
		add(r.Raw)
		for _, t := range r.Tail {
			add(t)
		}
	}
}

// heldSpan is an array held, by its end and its length.
type heldSpan struct {
	end uintptr
	n   int
}

// sortSpans sorts spans by end, and may return another slice: a radix sort
// of the ends' offsets from the lowest, eight bits a pass, as many passes
// as the highest offset has bytes (four for a heap of up to 4 GiB).
func sortSpans(spans []heldSpan) []heldSpan {
	if len(spans) < 2 {
		return spans
	}
	lo, hi := spans[0].end, spans[0].end
	for _, s := range spans {
		lo, hi = min(lo, s.end), max(hi, s.end)
	}
	other := make([]heldSpan, len(spans))
	for shift := uint(0); shift < 64 && (hi-lo)>>shift > 0; shift += 8 {
		var count [257]int
		for _, s := range spans {
			count[((s.end-lo)>>shift)&0xff+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, s := range spans {
			d := ((s.end - lo) >> shift) & 0xff
			other[count[d]] = s
			count[d]++
		}
		spans, other = other, spans
	}
	return spans
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

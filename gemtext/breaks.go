package gemtext

import (
	"bytes"
	"unicode/utf8"

	"capsule/gemtext/softbreak"
)

// lineBreak marks a soft or hard line break at byte offset pos of an
// inliner's buffer.
type lineBreak struct {
	pos  int
	hard bool
}

// lines returns the text written so far as lines: soft breaks joined, hard
// breaks kept. The lines are valid until the inliner is used again.
func (in *inliner) lines() [][]byte {
	return in.resolve(in.buf, in.breaks, 0)
}

// appendJoined appends the text written so far to dst as one line: the
// lines, joined by a space.
func (in *inliner) appendJoined(dst []byte) []byte {
	return appendJoined(dst, in.lines())
}

// appendLabel appends the text written since buf offset start and break
// index nb to dst as one line.
func (in *inliner) appendLabel(dst []byte, start, nb int) []byte {
	return appendJoined(dst, in.resolve(in.buf[start:], in.breaks[nb:], start))
}

// appendJoined appends lines to dst as one line, joined as a soft break
// joins them: by a space, or by none between Japanese characters (a <br>
// in a table's cell, "対応。<br>誤字修正", is no gap in the sentence).
func appendJoined(dst []byte, lines [][]byte) []byte {
	start := len(dst)
	for i, l := range lines {
		if i > 0 && len(l) > 0 && len(dst) > start {
			r1, _ := utf8.DecodeLastRune(dst)
			r2, _ := utf8.DecodeRune(l)
			if softbreak.Space(r1, r2) {
				dst = append(dst, ' ')
			}
		}
		dst = append(dst, l...)
	}
	return dst
}

// resolve splits buf at its breaks (offsets less base) into lines. At a
// soft break the spaces on both sides are dropped and the two sides joined
// by one space, or by none between Japanese characters (package
// softbreak). Leading and
// trailing empty lines are dropped. The lines are slices of buf or of the
// inliner's line buffer.
func (in *inliner) resolve(buf []byte, breaks []lineBreak, base int) [][]byte {
	ls := in.ls[:0]
	if len(breaks) == 0 {
		// The common case, a paragraph of one line: no copy.
		if s := bytes.Trim(buf, " "); len(s) > 0 {
			ls = append(ls, s)
		}
		in.ls = ls
		return ls
	}
	start := 0
	seg := func(i int) []byte { // the text after break i-1
		end := len(buf)
		if i < len(breaks) {
			end = min(max(breaks[i].pos-base, start), len(buf))
		}
		s := buf[start:end]
		start = end
		return s
	}
	// The lines are built one after another in lb; the current one
	// starts at cur, and ends holds where the finished ones end.
	lb, ends, cur := in.lineBuf[:0], in.ends[:0], 0
	lb = append(lb, trimSpaceLeft(seg(0))...)
	for i, b := range breaks {
		next := trimSpaceLeft(seg(i + 1))
		lb = lb[:cur+len(trimSpaceRight(lb[cur:]))]
		if b.hard {
			ends = append(ends, len(lb))
			cur = len(lb)
			lb = append(lb, next...)
			continue
		}
		if len(lb) > cur && len(next) > 0 {
			// Only the current line: an invalid byte at its start must
			// not be decoded with the end of the line before.
			r1, _ := utf8.DecodeLastRune(lb[cur:])
			r2, _ := utf8.DecodeRune(next)
			if softbreak.Space(r1, r2) {
				lb = append(lb, ' ')
			}
		}
		lb = append(lb, next...)
	}
	lb = lb[:cur+len(trimSpaceRight(lb[cur:]))]
	ends = append(ends, len(lb))
	from := 0
	for _, e := range ends {
		ls = append(ls, lb[from:e])
		from = e
	}
	in.lineBuf, in.ends, in.ls = lb, ends, ls
	for len(ls) > 0 && len(ls[0]) == 0 {
		ls = ls[1:]
	}
	for len(ls) > 0 && len(ls[len(ls)-1]) == 0 {
		ls = ls[:len(ls)-1]
	}
	return ls
}

func trimSpaceLeft(b []byte) []byte  { return bytes.TrimLeft(b, " ") }
func trimSpaceRight(b []byte) []byte { return bytes.TrimRight(b, " ") }

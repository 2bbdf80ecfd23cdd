package search

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// LineBreak joins the prose lines an excerpt shows. Each line of a
// gemtext body is a block of its own (a paragraph, a heading, a list
// item): joined by a space, a heading read as the start of the sentence
// after it ("…いいか・・・。 合気道も頑張っています 4月から…"). A
// slash between spaces reads as a break in Japanese and in English, and
// is no character a sentence runs on with.
const LineBreak = " / "

// excerpt is the original text around the match at fold[at:end]: the match
// and up to excerptRunes characters on each side, from the same prose line
// and the ones around it (never a link line), lines joined by LineBreak,
// "…" where the text goes on. A line break counts as one character of the
// excerptRunes, so an excerpt is at most 2×excerptRunes characters of
// prose and breaks, each break shown in len(LineBreak) bytes, besides the
// match.
func (d *doc) excerpt(at, end int) string {
	li := sort.Search(len(d.lines), func(i int) bool { return int(d.lines[i].fold) > at }) - 1
	o0, o1 := d.orig(li, at, false), d.orig(li, end, true)
	fromLine, from, cutBefore := d.back(li, o0, excerptRunes)
	toLine, to, cutAfter := d.forward(li, o1, excerptRunes)
	return d.cut(fromLine, from, toLine, to, cutBefore, cutAfter)
}

// opening is the excerpt of a post found by its title: the beginning of its
// prose.
func (d *doc) opening() string {
	if len(d.lines) == 0 {
		return ""
	}
	toLine, to, cut := d.forward(0, int(d.lines[0].orig), 2*excerptRunes)
	return d.cut(0, int(d.lines[0].orig), toLine, to, false, cut)
}

// orig maps offset f of the folded text, in line li, to the body: the start
// of what folded to f's character, or for an end offset, the end.
func (d *doc) orig(li, f int, end bool) int {
	ln := d.lines[li]
	// The last region that starts before f (or at f, for a start).
	k := sort.Search(len(d.regions), func(k int) bool {
		if end {
			return int(d.regions[k].fold0) >= f
		}
		return int(d.regions[k].fold0) > f
	}) - 1
	if k < 0 || d.regions[k].fold0 < ln.fold {
		return int(ln.orig) + f - int(ln.fold)
	}
	rg := d.regions[k]
	switch {
	case f >= int(rg.fold1):
		return int(rg.orig1) + f - int(rg.fold1)
	case end:
		return int(rg.orig1)
	}
	return int(rg.orig0)
}

// lineEnd is where prose line li ends in the body: at the latest where
// the next begins. (A body read back with its index is checked against
// the index's lengths, not its bytes (fits): one whose line break is not
// where the index says must not give a line that ends after the next
// begins, which back and cut would walk backwards.)
func (d *doc) lineEnd(li int) int {
	start, limit := int(d.lines[li].orig), len(d.body)
	if li+1 < len(d.lines) {
		limit = min(limit, int(d.lines[li+1].orig))
	}
	end := bytes.IndexByte(d.body[start:limit], '\n')
	if end < 0 {
		end = limit - start
	}
	return start + len(trimRightSpace(d.body[start:start+end]))
}

// back goes n characters of prose back from offset o of line li, into
// earlier lines too (the space that joins two lines counts as one), and
// says where that is and whether there is more prose before.
func (d *doc) back(li, o, n int) (line, at int, more bool) {
	for {
		start := int(d.lines[li].orig)
		for ; n > 0 && o > start; n-- {
			_, size := utf8.DecodeLastRune(d.body[start:o])
			o -= size
		}
		switch {
		case o > start:
			return li, o, true
		case li == 0:
			return li, o, false
		case n <= 1:
			return li, o, true
		}
		n--
		li--
		o = d.lineEnd(li)
	}
}

// forward is back going forward.
func (d *doc) forward(li, o, n int) (line, at int, more bool) {
	for {
		end := d.lineEnd(li)
		for ; n > 0 && o < end; n-- {
			_, size := utf8.DecodeRune(d.body[o:end])
			o += size
		}
		switch {
		case o < end:
			return li, o, true
		case li == len(d.lines)-1:
			return li, o, false
		case n <= 1:
			return li, o, true
		}
		n--
		li++
		o = int(d.lines[li].orig)
	}
}

// cut returns the prose of the body from offset from of line fromLine to
// offset to of line toLine, lines joined by LineBreak, made safe to show:
// no control characters or invalid UTF-8, runs of white space squeezed
// to one space; "…" before and after if asked.
func (d *doc) cut(fromLine, from, toLine, to int, before, after bool) string {
	buf := make([]byte, 0, 2*len("…")+max(0, to-from)+len(LineBreak)*(toLine-fromLine))
	if before {
		buf = append(buf, "…"...)
	}
	space := false // a space is due before the next character
	brk := false   // a line break is: LineBreak, not a space
	// sep writes the space or break due before a character, unless it
	// would open the excerpt.
	sep := func() {
		if (space || brk) && len(buf) > 0 && !(before && len(buf) == len("…")) {
			if brk {
				buf = append(buf, LineBreak...)
			} else {
				buf = append(buf, ' ')
			}
		}
		space, brk = false, false
	}
	for li := fromLine; li <= toLine; li++ {
		s, e := int(d.lines[li].orig), d.lineEnd(li)
		if li == fromLine {
			s = from
		}
		if li == toLine {
			e = to
		}
		if li > fromLine {
			brk = true
		}
		for i := s; i < e; {
			c := d.body[i]
			if c < utf8.RuneSelf {
				i++
				if c <= ' ' || c == 0x7f {
					space = true
					continue
				}
				sep()
				buf = append(buf, c)
				continue
			}
			r, size := utf8.DecodeRune(d.body[i:e])
			if r < 0xa0 { // C1 control
				i += size
				space = true
				continue
			}
			sep()
			if r == utf8.RuneError && size == 1 {
				buf = append(buf, "\uFFFD"...)
			} else {
				buf = append(buf, d.body[i:i+size]...)
			}
			i += size
		}
	}
	if after {
		buf = append(buf, "…"...)
	}
	return string(buf)
}

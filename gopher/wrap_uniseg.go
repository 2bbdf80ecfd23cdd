package gopher

import (
	"strings"

	"github.com/rivo/uniseg"
)

// slow lays out a paragraph that has characters outside runeTable. The
// break opportunities come from uniseg.FirstLineSegmentInString, those
// inside a grapheme cluster (a space followed by a combining mark) left
// out. The clusters come from uniseg near the characters outside the table,
// and from the table elsewhere: two characters of the table are always two
// clusters, and a cluster boundary is a fresh start for uniseg.
func (l *liner) slow(glue []int) {
	s := l.s
	table := uniseg.EastAsianAmbiguousWidth == 1
	sup := suppressor{glue: glue, spans: l.spans}
	var (
		w        int  // width of s[:off]
		segW     int  // width at the start of the segment
		text     = -1 // start of its first cluster that is not a space
		textW0   int  // width there
		textEnd  = -1 // end of its last cluster neither space nor break
		textW    int  // width there
		gstate   = -1 // uniseg's grapheme state, -1 for a fresh start
		lstate   = -1 // uniseg's line-breaking state
		lineEnd  int  // end of the line segment that uniseg gave last
		lineRest = s  // what follows it
		must     bool // whether a mandatory break ends it
	)
	for off := 0; off < len(s); {
		// The grapheme cluster s[off:end], cw cells wide.
		end, cw := 0, 0
		if table {
			end, cw = tableCluster(s, off)
		}
		if end > 0 {
			gstate = -1
		} else {
			var c string
			c, _, cw, gstate = uniseg.FirstGraphemeClusterInString(s[off:], gstate)
			end = off + len(c)
		}
		for lineEnd < end {
			var seg string
			seg, lineRest, must, lstate = uniseg.FirstLineSegmentInString(lineRest, lstate)
			lineEnd += len(seg)
		}
		c := s[off:end]
		space, drop := c == " ", isBreakCluster(c)
		if drop {
			cw, l.drops = 0, true
		}
		if !space {
			if text < 0 {
				text, textW0 = off, w
			}
			if !drop {
				textEnd, textW = end, w+cw
			}
		}
		w += cw
		start := off
		off = end
		switch {
		case end == len(s): // the end of the text, a mandatory break for UAX #14 (LB3), is none for us
		case lineEnd != end:
			continue
		case !must && sup.suppressedAfter(start, end):
			continue
		}
		sg := segment{spaces: w - segW, must: must && end < len(s)}
		if text >= 0 && textEnd > text {
			sg = segment{start: text, end: textEnd, w: textW - textW0, lead: textW0 - segW, spaces: w - textW, must: sg.must}
		}
		l.place(sg)
		segW, text, textEnd = w, -1, -1
	}
	if !l.empty() {
		l.flush()
	}
}

// tableCluster returns the end and width of the grapheme cluster at s[off]
// when it is a character of runeTable followed by another one or by the
// end of s; else end is 0.
func tableCluster(s string, off int) (end, w int) {
	info, n := infoAt(s, off)
	if info == 0 {
		return 0, 0
	}
	if next := off + n; next < len(s) {
		if ni, _ := infoAt(s, next); ni == 0 {
			return 0, 0
		}
	}
	return off + n, int(info >> infoWidthShift)
}

// isBreakCluster reports whether the cluster c is a mandatory line break
// (UAX #14 classes BK, CR, LF, NL).
func isBreakCluster(c string) bool {
	switch c {
	case "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029":
		return true
	}
	return false
}

// dropBreaks removes the mandatory-break characters from s, each of which
// is a grapheme cluster of its own (or CR LF), and keeps every other byte,
// invalid UTF-8 included.
func dropBreaks(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n' || c == '\r' || c == '\v' || c == '\f':
		case strings.HasPrefix(s[i:], "\u0085"):
			i++
		case strings.HasPrefix(s[i:], "\u2028") || strings.HasPrefix(s[i:], "\u2029"):
			i += 2
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// atom is one grapheme cluster of a segment that has to be split by force.
type atom struct {
	s     string
	off   int  // byte offset in the paragraph
	w     int  // display cells
	space bool // U+0020
	drop  bool // a mandatory-break character, not shown
	url   int  // 1 + index of the URL span holding the atom, 0 when none
}

// clusterAtoms returns the grapheme clusters of s[start:end], which starts
// and ends at cluster boundaries, with their offsets in s and their URLs.
func clusterAtoms(s string, start, end int, spans [][2]int) []atom {
	var atoms []atom
	state := -1
	k := 0
	for off := start; off < end; {
		c, _, w, st := uniseg.FirstGraphemeClusterInString(s[off:end], state)
		state = st
		a := atom{s: c, off: off, w: w, space: c == " "}
		for k < len(spans) && spans[k][1] <= off {
			k++
		}
		if k < len(spans) && spans[k][0] <= off {
			a.url = k + 1
		}
		if isBreakCluster(c) {
			a.drop, a.w = true, 0
		}
		atoms = append(atoms, a)
		off += len(c)
	}
	return atoms
}

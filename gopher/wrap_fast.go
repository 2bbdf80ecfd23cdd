package gopher

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// fast lays out the paragraph when every character of it is in runeTable:
// each is then a grapheme cluster of known width and class, and lbTable
// gives the break opportunities, with no call to uniseg. It returns false,
// having laid out part of the paragraph or nothing, when a character is not
// in the table (or when uniseg's ambiguous width is not the 1 the table
// assumes).
func (l *liner) fast(glue []int) bool {
	if uniseg.EastAsianAmbiguousWidth != 1 {
		return false
	}
	s := l.s
	var (
		st       = stOther
		w        int // width of s[:i]
		segStart int // start of the current segment
		segW     int // width of s[:segStart]
		textEnd  int // end of the last character that is not a space
		textW    int // width of s[:textEnd]
		// While text runs on, the current line is kept here rather than
		// in l: its end and the width of s up to there, and the width of
		// s at which the line is full, -1 when it is empty or closed.
		// (The spaces between two pieces of text on a line are those
		// of s, so that a segment fits if textW <= limit.)
		lend, lendW int
		limit       = -1
	)
	sup := suppressor{glue: glue, spans: l.spans}
	sup.next(1)
	for i := 0; i < len(s); {
		if st == stID {
			// A run of ideographs and kana, most of Japanese text: after
			// an ID character a line may break before the next one, so
			// each is a segment of its own, two cells wide, and while
			// the segment before it fits on the line the step below
			// comes down to these few lines. The run stops at anything
			// else, where glue or a URL may take a break away (sup.at),
			// and where a line is full: the step below places it.
			for i+2 < len(s) && i < sup.at && textEnd > segStart && textW <= limit {
				c := s[i]
				if c < 0xe1 || c > 0xec || s[i+1]&0xc0 != 0x80 || s[i+2]&0xc0 != 0x80 {
					break
				}
				p := runePages[c<<4|(s[i+1]&0x3f)>>2]
				if p == nil || p[(s[i+1]&0x03)<<6|s[i+2]&0x3f] != wideID {
					break
				}
				lend, lendW = textEnd, textW
				segStart, segW = i, w
				textEnd, textW = i+3, w+2
				w += 2
				i += 3
			}
			if i >= len(s) {
				break
			}
		}
		var info runeInfo
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			info = runePages[0][c]
		} else if c >= 0xe1 && c <= 0xec && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			// Three bytes, U+1000..U+CFFF (no overlong forms, no
			// surrogates): kana and ideographs, decoded here rather
			// than by utf8.DecodeRuneInString.
			size = 3
			if p := runePages[c<<4|(s[i+1]&0x3f)>>2]; p != nil {
				info = p[(s[i+1]&0x03)<<6|s[i+2]&0x3f]
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			info = infoOf(r)
		}
		if info == 0 {
			return false
		}
		class := lbClass(info & 0x1f)
		step := lbTable[st][class]
		if step&lbDigit != 0 && i+size < len(s) && '0' <= s[i+size] && s[i+size] <= '9' {
			step = lbStep(stNU)
		}
		st = lbState(step & lbStateMask)
		if step&lbBreak != 0 && i > 0 && (i < sup.at || !sup.suppressed(i)) {
			// The segment s[segStart:i] ends here.
			if textEnd > segStart && textW <= limit {
				// What place does with a segment that fits on a line
				// with text, inlined: it is most of them.
				lend, lendW = textEnd, textW
			} else {
				l.sync(lend, lendW, limit, segW)
				l.place(l.fastSegment(segStart, segW, textEnd, textW, w))
				lend, lendW, limit = l.limit(w)
			}
			segStart, segW = i, w
		}
		cw := int(info >> infoWidthShift)
		if class != lbSP {
			textEnd, textW = i+size, w+cw
		}
		w += cw
		i += size
	}
	l.sync(lend, lendW, limit, segW)
	l.place(l.fastSegment(segStart, segW, textEnd, textW, w))
	if !l.empty() {
		l.flush()
	}
	return true
}

// wideID is the runeInfo of an ideograph or a kana that may start and end
// a line: class ID, two cells.
const wideID = runeInfo(lbID) | 2<<infoWidthShift

// fastSegment makes the segment that starts at byte start, where the width
// so far is startW, for the fast path: its last character that is not a
// space ends at textEnd, where the width is textW, and w is the width at
// its end. Spaces are one byte and one cell each.
func (l *liner) fastSegment(start, startW, textEnd, textW, w int) segment {
	if textEnd <= start {
		return segment{spaces: w - startW}
	}
	text := start
	for l.s[text] == ' ' {
		text++
	}
	lead := text - start
	return segment{start: text, end: textEnd, w: textW - startW - lead, lead: lead, spaces: w - textW}
}

// sync puts the line that fast kept in lend, lendW and limit back in l,
// the next segment starting where the width of s is segW.
func (l *liner) sync(lend, lendW, limit, segW int) {
	if limit < 0 {
		return // l has not been left behind
	}
	l.end = lend
	l.w = lendW - (limit - l.width)
	l.pending = segW - lendW
}

// limit returns what fast keeps of the current line (see fast) when the
// width of s up to the last segment is w.
func (l *liner) limit(w int) (lend, lendW, limit int) {
	if l.empty() || l.closed {
		return 0, 0, -1
	}
	lendW = w - l.pending
	return l.end, lendW, lendW - l.w + l.width
}

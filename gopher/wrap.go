package gopher

import (
	"slices"
	"strings"
)

// Wrap breaks s (one paragraph, no newlines) into lines at most width display
// cells wide.
//
// Widths follow UAX #11 as implemented by github.com/rivo/uniseg: East Asian
// Wide and Fullwidth characters take 2 cells, emoji presentation sequences 2,
// and East Asian Ambiguous characters (○, ※, →, ①, Greek, Cyrillic…) 1 cell,
// which is uniseg's default (uniseg.EastAsianAmbiguousWidth; Wrap never
// changes that package variable).
//
// Lines are broken only where UAX #14 allows (uniseg's LineCanBreak). That
// gives Japanese line-breaking rules (kinsoku) for free: closing brackets and
// punctuation (、。」）』】，．), ・：；！？, iteration marks (々ゝゞ), 〜, …,
// the prolonged sound mark ー and small kana (uniseg resolves class CJ to NS,
// the "strict" rule) never start a line; opening brackets (「（『【〈《〔［)
// never end one; quotation marks “” keep to their neighbours on both sides.
//
// On top of UAX #14:
//   - no break inside a URL (http://, https://, gemini://, gopher://, the
//     scheme matched case-insensitively) up to the first space, control or
//     East Asian wide character; a URL longer than width keeps a line to
//     itself, whole (split, it could be neither followed nor copied), with
//     the closing punctuation after it (below), even after spaces, up to
//     maxHang clusters; what follows it starts a new line;
//   - a segment between two break opportunities that is wider than width is
//     split by grapheme cluster, never inside one (emoji ZWJ sequences, flags,
//     combining marks stay whole), and not before a character no line starts
//     with (、。」）！ and the others above) unless the cluster before it is
//     alone on its line: that one moves down with it. The only lines wider
//     than width are then those of such URLs, and a line holding a single
//     grapheme cluster wider than width (a wide character at width 1, or
//     U+2E3B THREE-EM DASH, 4 cells, below width 4);
//   - spaces (U+0020; TAB counts as one) at a break are dropped: no line
//     starts or ends with a space, and leading or trailing spaces of s vanish.
//     Other spaces, such as the ideographic space U+3000, are text;
//   - mandatory breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) are honoured,
//     the break characters themselves dropped, so that stray newlines never
//     reach a line; two in a row give an empty line.
//
// A width below 1 counts as 1. Wrap returns nil for a paragraph with nothing
// but spaces.
func Wrap(s string, width int) []string {
	return wrap(s, width, nil)
}

// wrap is Wrap with extra places where no line may start: a break
// opportunity right before any byte offset in glue is suppressed (RenderPost
// uses it to keep a reference marker such as "[1]" on the line of the word
// it belongs to).
//
// Text made only of characters in runeTable (Japanese, ASCII, Latin-1…) is
// cut with a table-driven copy of uniseg's line-breaking rules; anything
// else goes through uniseg. Both give the same segments, which the liner
// lays out.
func wrap(s string, width int, glue []int) []string {
	lines, _ := appendWrap(nil, s, width, glue)
	return lines
}

// appendWrap appends the lines of wrap(s, width, glue) to dst. It also
// reports whether every character of s is in runeTable, in which case the
// lines are valid UTF-8 without controls, TABs or line separators.
func appendWrap(dst []string, s string, width int, glue []int) (lines []string, known bool) {
	if width < 1 {
		width = 1
	}
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", " ")
	}
	if !slices.IsSorted(glue) {
		glue = slices.Sorted(slices.Values(glue))
	}
	spans := urlSpans(s)
	l := liner{s: s, spans: spans, width: width, start: -1, lines: dst}
	if l.fast(glue) {
		return l.lines, true
	}
	// Start again, dropping what the fast path may have appended.
	l = liner{s: s, spans: spans, width: width, start: -1, lines: dst}
	l.slow(glue)
	return l.lines, false
}

// segment is the text between two break opportunities, without the spaces
// at its ends.
type segment struct {
	start, end int  // the text is s[start:end]; start == end when there is none
	w          int  // display width of the text
	lead       int  // width of the spaces before the text
	spaces     int  // width of the spaces after it
	must       bool // a mandatory break follows
}

// liner lays out the segments of a paragraph in lines. A line is a
// substring of the paragraph, so that it costs no copy: the spaces owed
// between two pieces of text are always the spaces found there. (Only
// mandatory-break characters, which uniseg sometimes leaves inside a
// segment, have to be cut out of it.)
type liner struct {
	s       string   // the paragraph
	spans   [][2]int // its URLs (urlSpans)
	width   int
	lines   []string
	start   int  // the current line is s[start:end]; start < 0 when it is empty
	end     int  // end of the current line
	w       int  // width of the current line
	pending int  // width of the spaces owed before the next text
	closed  bool // nothing more goes on the current line
	drops   bool // the paragraph has mandatory-break characters
}

// empty reports whether the current line holds no text yet.
func (l *liner) empty() bool { return l.start < 0 }

// add appends s[start:end], w cells wide, to the current line, after the
// pending spaces unless the line is empty.
func (l *liner) add(start, end, w int) {
	if l.empty() {
		l.start = start
	} else {
		l.w += l.pending
	}
	l.pending = 0
	l.end = end
	l.w += w
}

// fits reports whether w more cells fit on the current line.
func (l *liner) fits(w int) bool {
	if l.closed {
		return false
	}
	if l.empty() {
		return w <= l.width
	}
	return l.w+l.pending+w <= l.width
}

// flush ends the current line.
func (l *liner) flush() {
	line := ""
	if !l.empty() {
		line = l.s[l.start:l.end]
		if l.drops {
			// uniseg sees no break after "\n" before "-1" (its LB25
			// lookahead wins over LB5): the "\n" is inside the line.
			line = dropBreaks(line)
		}
		line = strings.TrimRight(line, " ")
	}
	l.lines = append(l.lines, line)
	l.start, l.end, l.w, l.pending = -1, 0, 0, 0
	l.closed = false
}

// place fills lines greedily: a segment goes on the current line if it
// fits, else on a new one, split by force if it is wider than a line.
func (l *liner) place(sg segment) {
	if !l.empty() {
		l.pending += sg.lead
	}
	switch {
	case sg.start == sg.end:
	case l.fits(sg.w):
		l.add(sg.start, sg.end, sg.w)
	default:
		if !l.empty() {
			l.flush()
		}
		if sg.w <= l.width {
			l.add(sg.start, sg.end, sg.w)
		} else {
			l.force(sg)
		}
	}
	if l.empty() {
		l.pending = 0
	} else {
		l.pending += sg.spaces
	}
	if sg.must {
		l.flush()
	}
}

// force places a segment wider than the line grapheme cluster by grapheme
// cluster. A URL moves as one piece: one longer than the line keeps a
// line to itself, wider than the line (split, it could be neither
// followed nor copied), with the closing punctuation that follows it
// ("。", "）"), which no line starts with; what comes next starts a new
// line. Where a split would start a line with such punctuation, the
// cluster before it moves down with it (a word as wide as the line,
// then "。"), unless it is alone on its line or is such punctuation too.
func (l *liner) force(sg segment) {
	as := clusterAtoms(l.s, sg.start, sg.end, l.spans)
	urlEnd := -1 // index after the URL wider than the line just placed
	hung := 0    // clusters hung after it
	// The line as it was before its last cluster, and that cluster's
	// index: where a split moves it down from.
	lastAt, beforeEnd, beforeW := -1, 0, 0
	for i := 0; i < len(as); {
		if i == urlEnd && !l.empty() {
			// Closing punctuation after it, maybe after spaces (UAX #14
			// breaks before it after spaces neither), hangs on its line.
			k := i
			for k < len(as) && as[k].space {
				k++
			}
			if k < len(as) && noLineStart(as[k].s) && hung < maxHang {
				urlEnd = k
			} else {
				l.flush()
			}
		}
		if as[i].space {
			// A space inside the segment (UAX #14 keeps "a /b" together)
			// is owed like the spaces between segments.
			if !l.empty() {
				l.pending += as[i].w
			}
			i++
			continue
		}
		j := i + 1
		w := as[i].w
		if u := as[i].url; u != 0 && (i == 0 || as[i-1].url != u) {
			k, uw := i, 0
			for k < len(as) && as[k].url == u {
				uw += as[k].w
				k++
			}
			j, w = k, uw
			if uw > l.width {
				if !l.empty() {
					l.flush()
				}
				urlEnd, hung = k, 0
			}
		}
		hangs := i == urlEnd && !l.empty() // closing punctuation after a URL wider than the line
		if !l.empty() && !l.fits(w) && !hangs {
			if noLineStart(as[i].s) && lastAt >= 0 && !noLineStart(as[lastAt].s) {
				// Split before the cluster before, not before this one.
				l.end, l.w = beforeEnd, beforeW
				l.flush()
				i, lastAt = lastAt, -1
				continue
			}
			l.flush()
		}
		if as[i].drop && l.empty() {
			// Nothing to show: the line stays empty.
			i = j
			continue
		}
		if l.empty() {
			lastAt = -1 // the first cluster of a line never moves down
		} else {
			lastAt, beforeEnd, beforeW = i, l.end, l.w
		}
		if hangs {
			urlEnd = j
			hung++
		}
		l.add(as[i].off, as[j-1].off+len(as[j-1].s), w)
		i = j
	}
	l.closed = urlEnd == len(as)
}

// maxHang is how many clusters of closing punctuation a URL wider than the
// line keeps on its line ("。」）" in prose; a run of them is cut there,
// so that no line grows without bound).
const maxHang = 4

// noLineStart reports whether no line may start with cluster c: closing
// punctuation and brackets, and the other characters of UAX #14's classes
// CL, CP, EX, IS and NS (、。」）！？・ー and small kana) among those runeTable
// knows.
func noLineStart(c string) bool {
	if c == "" {
		return false
	}
	info, _ := infoAt(c, 0)
	switch lbClass(info & (1<<infoWidthShift - 1)) {
	case lbCL, lbCP, lbEX, lbIS, lbNS:
		return info != 0
	}
	return false
}

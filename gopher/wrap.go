package gopher

import (
	"slices"
	"strings"

	"github.com/rivo/uniseg"
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
//     East Asian wide character, as long as the URL fits in width; a longer
//     URL is split by grapheme cluster on lines of its own (it starts a new
//     line, and what follows it too);
//   - a segment between two break opportunities that is wider than width is
//     split by grapheme cluster, never inside one (emoji ZWJ sequences, flags,
//     combining marks stay whole). The only line wider than width is then a
//     line holding a single grapheme cluster wider than width (a wide
//     character at width 1, or U+2E3B THREE-EM DASH, 4 cells, below width 4);
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

// Break kinds after an atom.
const (
	brNone = iota
	brCan
	brMust
)

// atom is one grapheme cluster of the paragraph being wrapped.
type atom struct {
	s     string
	off   int  // byte offset in the paragraph
	w     int  // display cells
	brk   int  // brNone, brCan or brMust: the break opportunity after the atom
	space bool // U+0020
	drop  bool // a mandatory-break character, not shown
	url   int  // 1 + index of the URL span holding the atom, 0 when none
}

// wrap is Wrap with extra places where no line may start: a break
// opportunity right before any byte offset in glue is suppressed (RenderPost
// uses it to keep a reference marker such as "[1]" on the line of the word
// it belongs to).
func wrap(s string, width int, glue []int) []string {
	if width < 1 {
		width = 1
	}
	s = strings.ReplaceAll(s, "\t", " ")
	atoms := splitAtoms(s)
	if len(atoms) == 0 {
		return nil
	}
	markURLs(s, atoms)
	glue = slices.Clone(glue)
	slices.Sort(glue)
	i := 1
	for _, g := range glue {
		for i < len(atoms) && atoms[i].off < g {
			i++
		}
		if i < len(atoms) && atoms[i].off == g && atoms[i-1].brk == brCan {
			atoms[i-1].brk = brNone
		}
	}
	return layout(atoms, width)
}

// splitAtoms cuts s into grapheme clusters with their widths and the UAX #14
// break opportunity after each.
func splitAtoms(s string) []atom {
	var atoms []atom
	state := -1
	off := 0
	for s != "" {
		var c string
		var b int
		c, s, b, state = uniseg.StepString(s, state)
		a := atom{s: c, off: off, w: b >> uniseg.ShiftWidth}
		switch b & uniseg.MaskLine {
		case uniseg.LineMustBreak:
			a.brk = brMust
		case uniseg.LineCanBreak:
			a.brk = brCan
		}
		a.space = c == " "
		a.drop = isBreakCluster(c)
		if a.drop {
			a.w = 0
		}
		atoms = append(atoms, a)
		off += len(c)
	}
	// The end of the text is a mandatory break for UAX #14 (LB3); it is
	// no line break for us.
	if len(atoms) > 0 {
		atoms[len(atoms)-1].brk = brCan
	}
	return atoms
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

// segment is a run of atoms between two break opportunities.
type segment struct {
	atoms  []atom // without the leading and trailing spaces
	w      int    // display width of atoms
	lead   int    // width of the leading spaces
	spaces int    // width of the trailing spaces
	must   bool   // a mandatory break follows
}

// segments groups atoms into segments, moving leading and trailing spaces
// and break characters out of the text.
func segments(atoms []atom) []segment {
	var segs []segment
	start := 0
	for i, a := range atoms {
		if a.brk == brNone && i < len(atoms)-1 {
			continue
		}
		run := atoms[start : i+1]
		start = i + 1
		var sg segment
		end := len(run)
		for end > 0 && (run[end-1].space || run[end-1].drop) {
			if run[end-1].space {
				sg.spaces += run[end-1].w
			}
			end--
		}
		begin := 0
		for begin < end && run[begin].space {
			sg.lead += run[begin].w
			begin++
		}
		sg.atoms = run[begin:end]
		for _, x := range sg.atoms {
			sg.w += x.w
		}
		sg.must = a.brk == brMust
		segs = append(segs, sg)
	}
	return segs
}

// liner accumulates the lines of a paragraph.
type liner struct {
	lines   []string
	b       strings.Builder
	w       int // width of the text in b
	pending int // width of the spaces owed before the next text
	width   int
	closed  bool // nothing more goes on the current line
}

// add appends atoms to the current line, with the pending spaces first
// unless the line is empty.
func (l *liner) add(as []atom) {
	if !l.empty() {
		l.b.WriteString(strings.Repeat(" ", l.pending))
		l.w += l.pending
	}
	l.pending = 0
	for _, a := range as {
		if a.drop {
			continue
		}
		l.b.WriteString(a.s)
		l.w += a.w
	}
}

// empty reports whether the current line holds no text yet.
func (l *liner) empty() bool { return l.b.Len() == 0 }

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
	l.lines = append(l.lines, strings.TrimRight(l.b.String(), " "))
	l.b.Reset()
	l.w = 0
	l.pending = 0
	l.closed = false
}

// layout fills lines greedily with segments.
func layout(atoms []atom, width int) []string {
	l := &liner{width: width}
	for _, sg := range segments(atoms) {
		if !l.empty() {
			l.pending += sg.lead
		}
		switch {
		case len(sg.atoms) == 0:
		case l.fits(sg.w):
			l.add(sg.atoms)
		default:
			if !l.empty() {
				l.flush()
			}
			if sg.w <= width {
				l.add(sg.atoms)
			} else {
				l.force(sg.atoms)
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
	if !l.empty() {
		l.flush()
	}
	return l.lines
}

// force places a segment wider than the line grapheme cluster by grapheme
// cluster. A URL that fits in the width moves as one piece; a longer one is
// split and keeps its lines to itself: what follows it starts a new line.
func (l *liner) force(as []atom) {
	splitEnd := -1 // index after the URL being split
	for i := 0; i < len(as); {
		if i == splitEnd && !l.empty() {
			l.flush()
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
			if uw <= l.width {
				j, w = k, uw
			} else {
				if !l.empty() {
					l.flush()
				}
				splitEnd = k
			}
		}
		if !l.empty() && !l.fits(w) {
			l.flush()
		}
		l.add(as[i:j])
		i = j
	}
	l.closed = splitEnd == len(as)
}

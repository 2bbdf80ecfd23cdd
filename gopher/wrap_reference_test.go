package gopher

// This file keeps the wrapping code as it was before it was rewritten for
// speed (StepString per grapheme cluster, one atom struct each), renamed
// reference…. It is slow but simple; the tests in wrap_equiv_test.go check
// that Wrap, splitClusters and cleanLine give exactly what it gives.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Break kinds after a referenceAtom.
const (
	refBrNone = iota
	refBrCan
	refBrMust
)

// referenceAtom is one grapheme cluster of the paragraph being wrapped.
type referenceAtom struct {
	s     string
	off   int  // byte offset in the paragraph
	w     int  // display cells
	brk   int  // refBrNone, refBrCan or refBrMust: the break opportunity after the referenceAtom
	space bool // U+0020
	drop  bool // a mandatory-break character, not shown
	url   int  // 1 + index of the URL span holding the referenceAtom, 0 when none
}

// referenceWrap is Wrap with extra places where no line may start: a break
// opportunity right before any byte offset in glue is suppressed (RenderPost
// uses it to keep a reference marker such as "[1]" on the line of the word
// it belongs to).
func referenceWrap(s string, width int, glue []int) []string {
	if width < 1 {
		width = 1
	}
	s = strings.ReplaceAll(s, "\t", " ")
	atoms := referenceSplitAtoms(s)
	if len(atoms) == 0 {
		return nil
	}
	referenceMarkURLs(s, atoms)
	glue = slices.Clone(glue)
	slices.Sort(glue)
	i := 1
	for _, g := range glue {
		for i < len(atoms) && atoms[i].off < g {
			i++
		}
		if i < len(atoms) && atoms[i].off == g && atoms[i-1].brk == refBrCan {
			atoms[i-1].brk = refBrNone
		}
	}
	return referenceLayout(atoms, width)
}

// referenceSplitAtoms cuts s into grapheme clusters with their widths and the UAX #14
// break opportunity after each.
func referenceSplitAtoms(s string) []referenceAtom {
	var atoms []referenceAtom
	state := -1
	off := 0
	for s != "" {
		var c string
		var b int
		c, s, b, state = uniseg.StepString(s, state)
		a := referenceAtom{s: c, off: off, w: b >> uniseg.ShiftWidth}
		switch b & uniseg.MaskLine {
		case uniseg.LineMustBreak:
			a.brk = refBrMust
		case uniseg.LineCanBreak:
			a.brk = refBrCan
		}
		a.space = c == " "
		a.drop = referenceIsBreakCluster(c)
		if a.drop {
			a.w = 0
		}
		atoms = append(atoms, a)
		off += len(c)
	}
	// The end of the text is a mandatory break for UAX #14 (LB3); it is
	// no line break for us.
	if len(atoms) > 0 {
		atoms[len(atoms)-1].brk = refBrCan
	}
	return atoms
}

// referenceIsBreakCluster reports whether the cluster c is a mandatory line break
// (UAX #14 classes BK, CR, LF, NL).
func referenceIsBreakCluster(c string) bool {
	switch c {
	case "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029":
		return true
	}
	return false
}

// referenceSegment is a run of atoms between two break opportunities.
type referenceSegment struct {
	atoms  []referenceAtom // without the leading and trailing spaces
	w      int             // display width of atoms
	lead   int             // width of the leading spaces
	spaces int             // width of the trailing spaces
	must   bool            // a mandatory break follows
}

// referenceSegments groups atoms into referenceSegments, moving leading and trailing spaces
// and break characters out of the text.
func referenceSegments(atoms []referenceAtom) []referenceSegment {
	var segs []referenceSegment
	start := 0
	for i, a := range atoms {
		if a.brk == refBrNone && i < len(atoms)-1 {
			continue
		}
		run := atoms[start : i+1]
		start = i + 1
		var sg referenceSegment
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
		sg.must = a.brk == refBrMust
		segs = append(segs, sg)
	}
	return segs
}

// referenceLiner accumulates the lines of a paragraph.
type referenceLiner struct {
	lines   []string
	b       strings.Builder
	w       int // width of the text in b
	pending int // width of the spaces owed before the next text
	width   int
	closed  bool // nothing more goes on the current line
}

// add appends atoms to the current line, with the pending spaces first
// unless the line is empty.
func (l *referenceLiner) add(as []referenceAtom) {
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
func (l *referenceLiner) empty() bool { return l.b.Len() == 0 }

// fits reports whether w more cells fit on the current line.
func (l *referenceLiner) fits(w int) bool {
	if l.closed {
		return false
	}
	if l.empty() {
		return w <= l.width
	}
	return l.w+l.pending+w <= l.width
}

// flush ends the current line.
func (l *referenceLiner) flush() {
	l.lines = append(l.lines, strings.TrimRight(l.b.String(), " "))
	l.b.Reset()
	l.w = 0
	l.pending = 0
	l.closed = false
}

// referenceLayout fills lines greedily with referenceSegments.
func referenceLayout(atoms []referenceAtom, width int) []string {
	l := &referenceLiner{width: width}
	for _, sg := range referenceSegments(atoms) {
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

// force places a referenceSegment wider than the line grapheme cluster by
// grapheme cluster, on a line empty when it starts. A URL moves as one
// piece: one longer than the line keeps a line to itself, with the
// closing punctuation after it (noLineStart); what follows starts a new
// line. Where a split would start a line with closing punctuation, the
// cluster before it moves down with it, unless it is alone on its line
// or is closing punctuation too.
func (l *referenceLiner) force(as []referenceAtom) {
	urlEnd := -1 // index after the URL wider than the line just placed
	hung := 0
	from := 0  // the first atom of the current line
	last := -1 // the group added last to the current line, when not its first
	for i := 0; i < len(as); {
		if i == urlEnd && !l.empty() {
			k := i
			for k < len(as) && as[k].space {
				k++
			}
			if k < len(as) && noLineStart(as[k].s) && hung < maxHang {
				urlEnd = k
			} else {
				l.flush()
				from, last = i, -1
			}
		}
		if as[i].space {
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
				from, last, urlEnd, hung = i, -1, k, 0
			}
		}
		hangs := i == urlEnd && !l.empty()
		if !l.empty() && !l.fits(w) && !hangs {
			if noLineStart(as[i].s) && last >= 0 && !noLineStart(as[last].s) {
				// The line again, without its last group, which moves
				// down with this one.
				l.b.Reset()
				l.w, l.pending = 0, 0
				for _, a := range as[from:last] {
					if a.space {
						if !l.empty() {
							l.pending += a.w
						}
						continue
					}
					l.add([]referenceAtom{a})
				}
				l.flush()
				from, i, last = last, last, -1
				continue
			}
			l.flush()
			from, last = i, -1
		}
		if l.empty() {
			from, last = i, -1
		} else {
			last = i
		}
		if hangs {
			urlEnd = j
			hung++
		}
		l.add(as[i:j])
		i = j
	}
	l.closed = urlEnd == len(as)
}

// referenceURLSchemes are the URL starts that Wrap keeps whole.
var referenceURLSchemes = []string{"https://", "http://", "gemini://", "gopher://"}

// referenceURLSpans returns the byte ranges of the URLs in s. A URL starts with one of
// referenceURLSchemes (ASCII case ignored) and runs up to the first space, control,
// zero-width space or East Asian wide character, so that a URL followed by
// Japanese text ("https://example.com/を見て") ends where the text starts.
func referenceURLSpans(s string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(s); i++ {
		n := referenceSchemeAt(s[i:])
		if n == 0 {
			continue
		}
		end := i + n
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if referenceURLStop(r) {
				break
			}
			end += size
		}
		spans = append(spans, [2]int{i, end})
		i = end - 1
	}
	return spans
}

// referenceSchemeAt returns the length of the URL scheme that s starts with, 0 if none.
func referenceSchemeAt(s string) int {
	for _, sc := range referenceURLSchemes {
		if len(s) >= len(sc) && referenceEqualFoldASCII(s[:len(sc)], sc) {
			return len(sc)
		}
	}
	return 0
}

// referenceEqualFoldASCII compares s with the lower-case ASCII string lower, ignoring
// ASCII case.
func referenceEqualFoldASCII(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// referenceURLStop reports whether r ends a URL.
func referenceURLStop(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' ||
		uniseg.StringWidth(string(r)) >= 2
}

// referenceMarkURLs tags the atoms inside URLs and removes the break opportunities
// between them.
func referenceMarkURLs(s string, atoms []referenceAtom) {
	spans := referenceURLSpans(s)
	i := 0
	for k, sp := range spans {
		for i < len(atoms) && atoms[i].off < sp[0] {
			i++
		}
		for i < len(atoms) && atoms[i].off < sp[1] {
			atoms[i].url = k + 1
			if i+1 < len(atoms) && atoms[i+1].off < sp[1] && atoms[i].brk == refBrCan {
				atoms[i].brk = refBrNone
			}
			i++
		}
	}
}

// referenceExpandTabs turns tabs into spaces up to the next multiple of tabStop
// display cells.
func referenceExpandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var sb strings.Builder
	col := 0
	for _, part := range strings.SplitAfter(s, "\t") {
		text, tab := strings.CutSuffix(part, "\t")
		sb.WriteString(text)
		col += uniseg.StringWidth(text)
		if tab {
			n := tabStop - col%tabStop
			sb.WriteString(strings.Repeat(" ", n))
			col += n
		}
	}
	return sb.String()
}

// referenceCleanLine makes one output line safe for a gopher text file: valid UTF-8,
// no TAB (expanded), no control or line separator characters (which would
// end the line early, or reach the terminal), no trailing spaces, and never
// a lone "." (the RFC 1436 end-of-text line), which becomes "..", the RFC's
// own escape.
func referenceCleanLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = referenceExpandTabs(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, " ")
	if s == "." {
		s = ".."
	}
	return s
}

// splitAtoms and segments are the reference code under the names that
// TestWrapKinsoku uses to measure the pieces between break opportunities.
func splitAtoms(s string) []referenceAtom { return referenceSplitAtoms(s) }

func segments(atoms []referenceAtom) []referenceSegment { return referenceSegments(atoms) }

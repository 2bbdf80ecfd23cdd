package gemtext

// Blocks do not return their lines: they emit them one at a time through
// a stack of frames, one for each container they sit in (a quote, a list
// item, a footnote, a run of blocks to be separated by blank lines). Each
// frame adds its prefix, turns or drops the line as its container would,
// and passes it on to its parent frame; the last one writes it to the
// output (writeLine). Nothing is built per block but the line itself, and
// the output is assembled once, in one buffer.

// lineKind says how a line may be placed and whether it needs escaping.
type lineKind uint8

const (
	// kindText is running text; written at the start of a line it is
	// escaped if it would read as gemtext syntax.
	kindText lineKind = iota
	// kindMark carries its own, intended prefix (a heading, link, list or
	// quote marker, an indent, "[1]"): written as is.
	kindMark
	// kindPre belongs to a preformatted block, toggles included. It is
	// never prefixed by a container: gemtext toggles must start a line.
	kindPre
	// kindBlank separates blocks.
	kindBlank
)

type frameKind uint8

const (
	// frameJoin separates the blocks written through it by a blank line.
	frameJoin frameKind = iota
	// frameQuote is a blockquote: "> " before each line, ">" for a blank.
	frameQuote
	// frameMarker is a list item or footnote: its marker ("* ", "2. ",
	// "[1] ") before its first line, an indent as wide before the others.
	frameMarker
)

// frame is one container a line goes through on its way out. (The flags
// come first: packed, a frame takes 48 bytes rather than 56, and lines
// pass through frames all the time.)
type frame struct {
	kind frameKind
	sep  bool // frameJoin: a blank line is due before the next line
	// frameMarker
	marked bool // the marker has been written
	flat   bool // an item past maxDepth (see overParent)

	parent int // index of the frame lines go on to; -1: the output
	// frameJoin
	n int // lines passed on so far
	// frameMarker
	mark    int // offset of the marker in renderer.marks
	markLen int // and its length
	hang    int // the indent of lines after the first: markLen, less if flat
}

// prefix is what a frame puts before a line; the prefixes of a line are
// collected innermost first and written in reverse.
type prefix struct {
	kind prefixKind
	off  int // prefixMarker: offset in renderer.marks
	n    int // prefixMarker, prefixIndent: length
}

type prefixKind uint8

// quotePrefix starts every line of a quote.
const quotePrefix = "> "

const (
	prefixQuote      prefixKind = iota // "> "
	prefixQuoteBlank                   // ">", a blank line in a quote
	prefixMarker                       // a list or footnote marker
	prefixIndent                       // spaces under a marker
)

// push adds a frame and returns its index.
func (r *renderer) push(f frame) int {
	r.frames = append(r.frames, f)
	return len(r.frames) - 1
}

// pushMarker adds a marker frame whose marker is what was appended to
// r.marks since offset off.
func (r *renderer) pushMarker(parent, off int) int {
	n := len(r.marks) - off
	return r.push(frame{kind: frameMarker, parent: parent, mark: off, markLen: n, hang: n})
}

// pop removes frame f and every frame above it, and their markers.
func (r *renderer) pop(f int) {
	if r.frames[f].kind == frameMarker {
		r.marks = r.marks[:r.frames[f].mark]
	}
	r.frames = r.frames[:f]
}

// next starts a new block in join frame f: a blank line is due before its
// first line if the frame has passed lines before.
func (r *renderer) next(f int) {
	r.frames[f].sep = r.frames[f].n > 0
}

// emit sends a line with content through the frames from f outwards.
func (r *renderer) emit(f int, kind lineKind, content []byte) {
	r.pass(f, kind, len(content) == 0, content, len(r.prefixes))
}

// mark writes the marker of marker frame f on a line of its own, unless it
// has been written: for an item or note that starts with a nested list or
// a preformatted block, or has no text at all.
func (r *renderer) mark(f int) {
	fr := &r.frames[f]
	if fr.marked {
		return
	}
	fr.marked = true
	base := len(r.prefixes)
	r.prefixes = append(r.prefixes, prefix{kind: prefixMarker, off: fr.mark, n: fr.markLen})
	r.pass(fr.parent, kindMark, false, nil, base)
}

// pass sends a line through the frames from f outwards and writes it.
// empty says whether the line is empty so far, prefixes included; the
// line's prefixes are r.prefixes[base:], which pass leaves as it found
// them. A frame may write a line of its own first (a blank line between
// blocks, a marker): pass is then called again, from its parent, with the
// prefixes collected so far kept below the new line's.
func (r *renderer) pass(f int, kind lineKind, empty bool, content []byte, base int) {
	for ; f >= 0; f = r.frames[f].parent {
		fr := &r.frames[f]
		switch fr.kind {
		case frameJoin:
			if fr.sep {
				fr.sep = false
				r.pass(fr.parent, kindBlank, true, nil, len(r.prefixes))
			}
			fr.n++
		case frameQuote:
			switch kind {
			case kindPre:
			case kindBlank:
				r.prefixes = append(r.prefixes, prefix{kind: prefixQuoteBlank})
				kind, empty = kindMark, false
			default:
				r.prefixes = append(r.prefixes, prefix{kind: prefixQuote})
				kind, empty = kindMark, false
			}
		case frameMarker:
			switch {
			case kind == kindPre:
				r.mark(f)
			case kind == kindBlank || empty:
				// Items and notes are compact: no blank lines.
				r.prefixes = r.prefixes[:base]
				return
			case !fr.marked:
				fr.marked = true
				r.prefixes = append(r.prefixes, prefix{kind: prefixMarker, off: fr.mark, n: fr.markLen})
				kind = kindMark
			case fr.hang > 0:
				r.prefixes = append(r.prefixes, prefix{kind: prefixIndent, n: fr.hang})
				kind = kindMark
			}
		}
	}
	r.writeLine(kind, r.prefixes[base:], content)
	r.prefixes = r.prefixes[:base]
}

// writeLine appends a line to the output: its prefixes (outermost last in
// ps) and content, trailing spaces trimmed, escaped if it is running text
// that would read as gemtext syntax, ended by "\n". An empty line (but in
// a preformatted block) is not written: it only asks for a blank line
// before the next line written, so that blank lines are never doubled and
// never lead or end the output.
func (r *renderer) writeLine(kind lineKind, ps []prefix, content []byte) {
	undo := len(r.out)
	if r.pendingBlank {
		r.out = append(r.out, '\n')
	}
	start := len(r.out)
	for i := len(ps) - 1; i >= 0; i-- {
		switch p := ps[i]; p.kind {
		case prefixQuote:
			r.out = append(r.out, quotePrefix...)
		case prefixQuoteBlank:
			r.out = append(r.out, '>')
		case prefixMarker:
			r.out = append(r.out, r.marks[p.off:p.off+p.n]...)
		case prefixIndent:
			r.out = appendSpaces(r.out, p.n)
		}
	}
	r.out = append(r.out, content...)
	end := len(r.out)
	for end > start && (r.out[end-1] == ' ' || r.out[end-1] == '\t') {
		end--
	}
	if end == start && kind != kindPre {
		r.out = r.out[:undo]
		r.pendingBlank = r.started
		return
	}
	r.out = r.out[:end]
	if kind == kindText && needsEscape(r.out[start:]) {
		r.out = append(r.out, textEscape...)
		copy(r.out[start+len(textEscape):], r.out[start:end])
		copy(r.out[start:], textEscape)
	}
	r.out = append(r.out, '\n')
	r.pendingBlank = false
	r.started = true
}

// appendSpaces appends n spaces to b.
func appendSpaces(b []byte, n int) []byte {
	const spaces = "                                "
	for n > len(spaces) {
		b = append(b, spaces...)
		n -= len(spaces)
	}
	return append(b, spaces[:n]...)
}

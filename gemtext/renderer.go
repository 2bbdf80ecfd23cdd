package gemtext

import (
	"strings"
	"sync"
)

// renderer holds the state of one Render call and the buffers it writes
// through, which are kept for the next call (see newRenderer).
type renderer struct {
	src  []byte
	opts Options
	out  []byte // the output, written line by line

	// frames are the containers the current block is in, innermost last;
	// prefixes and marks hold what they put before a line (see pass).
	frames   []frame
	prefixes []prefix
	marks    []byte

	// started is set once a line is written, pendingBlank when a blank
	// line is due before the next one (see writeLine).
	started, pendingBlank bool
	// level is how many quotes and list items the current block is in,
	// up to maxDepth.
	level int
	// lastRule is set when the last top-level block written was a
	// thematic break, which then also serves as the notes separator.
	lastRule bool

	inliner inliner         // see newInliner
	links   linkSet         // the links of the current top-level block
	dec     []byte          // see decode
	dests   strings.Builder // see destString
	scratch []byte          // the line being built, for blocks that build one

	// Tables: cells, where rows start in cells and end in scratch, the
	// cells' text and the columns' widths.
	cells    []cell
	rows     []int
	rowEnds  []int
	cellText []byte
	widths   []int
}

// renderers keeps renderers, with their buffers, between Render calls:
// a capsule renders its posts one after another, and the buffers one post
// needed mostly fit the next.
var renderers = sync.Pool{New: func() any { return new(renderer) }}

// maxKept is the largest output buffer kept for reuse, so that one huge
// document does not pin its memory for good.
const maxKept = 1 << 20

// newRenderer returns a renderer, reset, to render a tree parsed from src.
func newRenderer(src []byte, opts Options) *renderer {
	r := renderers.Get().(*renderer)
	r.src, r.opts = src, opts
	if cap(r.out) < len(src) {
		// Gemtext is about as long as its Markdown; one allocation
		// mostly does.
		r.out = make([]byte, 0, len(src)+len(src)/8)
	}
	r.out = r.out[:0]
	r.frames, r.prefixes, r.marks = r.frames[:0], r.prefixes[:0], r.marks[:0]
	r.started, r.pendingBlank, r.lastRule = false, false, false
	r.level = 0
	r.links.reset()
	r.dests.Reset()
	r.inliner.src, r.inliner.r = src, r
	return r
}

// release returns r to the pool, unless its buffers grew too large to keep.
// The caller must be done with the output.
func (r *renderer) release() {
	if cap(r.out) > maxKept || cap(r.scratch) > maxKept || cap(r.inliner.buf) > maxKept {
		return
	}
	r.src, r.opts = nil, Options{}
	r.inliner.src, r.inliner.r = nil, nil
	renderers.Put(r)
}

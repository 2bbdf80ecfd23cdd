package gemtext

import "github.com/yuin/goldmark/ast"

// A post is written by someone the capsule trusts to write, not to be
// careful: a few kilobytes of Markdown must not render as megabytes, or
// take seconds. The renderer keeps its output within
//
//	len(output) ≤ OutputFactor×len(source) + OutputSlack
//
// for every document parsed from source (with an Options.Link that adds at
// most 32 bytes to a destination, as rewriting a post's path does). Everything Render writes is either copied from the source (text,
// URLs; percent-encoding and U+FFFD at most triple a byte) or added per
// line, and what bounds the latter is below: how deep containers prefix
// their lines and how much a table may pad its cells. TestOutputBound and
// FuzzRender check the bound.

const (
	// OutputFactor is K in the bound above. The costliest input is a
	// line of two bytes (a hard break "\" that continues a paragraph
	// lazily, or an empty list item "- " nested past maxDepth), which
	// writes a line with a full prefix, at most maxIndent bytes: some
	// 12.5 bytes out for each byte in. The rest (a flattened item's
	// marker, wider than maxIndent allows, is paid for by the same
	// marker in the Markdown) stays below that.
	OutputFactor = 16
	// OutputSlack is C in the bound above: the notes separator and what
	// a document of a few bytes may add (a link line, an escape).
	OutputSlack = 256
)

const (
	// maxDepth is how many quotes and list levels nest. Deeper ones are
	// flattened: a quote inside the eighth level adds no "> ", a list
	// shows its items as siblings of the eighth level's. Without it, every
	// level of "> > > …" or "- - - …" adds two bytes to each line below
	// it: 20,000 levels of "- " (40 KB) made 400 MB. Eight levels is more
	// than a reader can follow, and more than posts use.
	maxDepth = 8
	// maxIndent caps the prefix of a line (quote markers, list markers
	// and the indents under them), in bytes, which are at least cells
	// (a nested item's glyph is three bytes, one cell). A list marker may
	// be eleven bytes wide ("123456789. "), so eight levels alone could
	// still put close to a hundred bytes before every line; a container
	// that would make the prefix wider than maxIndent is flattened like
	// one past maxDepth. Eight levels of "> " take 16; a nested list's
	// marker replaces its parent's ("* ▪▪▪▪▪▪ " at the eighth level, 21).
	maxIndent = 24

	// maxTableWidth is the widest, in display cells, that a table is
	// drawn as an aligned preformatted block. Preformatted lines are not
	// wrapped: a wider table scrolls sideways on two 80-column screens
	// and is read as records better (see tableRecords).
	maxTableWidth = 160
	// tableGrowth bounds the padding of an aligned table: it is drawn
	// only if its block is at most tableGrowth times as long as the
	// table's Markdown. Every row is padded to the widest: a header of a
	// thousand columns over a thousand rows of "a" (10 KB) made 4 MB.
	// Real tables, whose Markdown is itself mostly aligned, come out
	// about as long as they go in.
	tableGrowth = 8
)

// prefixWidth returns the width of the prefix that the frames from f
// outwards put before a line: "> " for a quote, the marker (or its width
// in spaces) for a list item or note.
func (r *renderer) prefixWidth(f int) int {
	w := 0
	for ; f >= 0; f = r.frames[f].parent {
		switch fr := &r.frames[f]; fr.kind {
		case frameQuote:
			w += len(quotePrefix)
		case frameMarker:
			w += fr.markLen
		}
	}
	return w
}

// nests reports whether a container whose prefix is w bytes wide is drawn
// nested inside frame f; if not, it is flattened (see maxDepth).
func (r *renderer) nests(f, w int) bool {
	return r.level < maxDepth && r.prefixWidth(f)+w <= maxIndent
}

// flatten renders the blocks of a container past maxDepth through f, as
// if they were f's own: no frame is pushed, so that neither the prefix
// nor the chain of frames a line goes through grows with the nesting.
func (r *renderer) flatten(n ast.Node, f int) {
	join := r.frames[f].kind == frameJoin
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if join {
			r.next(f)
		}
		r.block(c, f, false)
	}
}

// overParent returns the frame that the item of a list flattened inside
// frame f goes through: f, or, if f is itself a flattened item, the frame
// it goes through (after writing its marker, if no line has). Flattened
// items are thus siblings, however deep their Markdown nests them. They
// have no indent under their marker: only the marker, paid for by the
// marker in the Markdown, makes a line's prefix wider than maxIndent.
// (A nested list's items go through the frame its parent item goes
// through, not through the item: their marker shows their depth.)
func (r *renderer) overParent(f int) int {
	for r.frames[f].kind == frameMarker && r.frames[f].flat {
		r.mark(f)
		f = r.frames[f].parent
	}
	return f
}

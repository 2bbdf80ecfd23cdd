package gopher

// A post is written by someone the capsule trusts to write, not to be
// careful: a few kilobytes of Markdown must not render as megabytes, or
// take seconds. RenderPost keeps its text within
//
//	len(text) ≤ OutputFactor×n + OutputSlack
//
// where n is the length of the source plus that of the header's fields,
// for any Width, and a TextOptions.Link that adds at most 32 bytes to a
// destination. Text is copied from the source (tabs expanded
// in code, percent-encoding in references at most triple a byte); what
// bounds the rest is below: how deep containers prefix their lines, how
// much a table may pad its cells, how long a rule is, how narrow the text.
// TestOutputBound and FuzzRenderPost check the bound.

const (
	// OutputFactor is K in the bound above. The costliest inputs are a
	// line of two bytes (a hard break "\" that continues a paragraph
	// lazily, or an empty list item "- " nested past maxDepth), which
	// writes a line with a full prefix, at most maxIndent cells, and its
	// CRLF; "a\n***\n", which draws a rule of maxRule cells; and a table
	// row continued lazily inside a full prefix, whose every line is also
	// set off by the 4-space indent of preformatted text: some 15.5 bytes
	// out for each byte in. The rest (a flattened item's marker, wider
	// than maxIndent allows, is paid for by the same marker in the
	// Markdown) stays below that. 20 leaves room above the worst found.
	OutputFactor = 20
	// OutputSlack is C in the bound above: the "Tags: " of the header and
	// what a document of a few bytes may add.
	OutputSlack = 256
)

const (
	// maxDepth is how many quotes, list items and notes nest. Deeper
	// ones are flattened: a quote adds no "> ", a list item is drawn at
	// the text column of the eighth level. Without it, every level of
	// "> > > …" adds two bytes to each line below it, and each level
	// copied the lines below: 3000 lines of growing ">" nesting took 7 s.
	// Eight levels is more than a reader can follow, and more than posts
	// use.
	maxDepth = 8
	// maxIndent caps the prefix of a line (quote markers, list markers
	// and hanging indents), in cells. A list marker may be eleven cells
	// wide ("123456789. "), so eight levels alone could still put close
	// to a hundred cells before every line; a container that would make
	// the prefix wider than maxIndent is flattened like one past
	// maxDepth. Eight levels of "> " or "* " take 16.
	maxIndent = 24

	// minWidth is the narrowest text: a Width below it counts as
	// minWidth, and a container (list item, quote) wraps its text to no
	// less, however deep it is nested; past that, lines outgrow the width
	// rather than shrink to a character or two. Each line costs a CRLF
	// and its prefix, whatever text it holds.
	minWidth = 10

	// maxRule caps the length of a thematic break, whatever the width
	// asked: three bytes of Markdown draw it. (A run of breaks draws one.)
	maxRule = DefaultTextWidth

	// maxTableWidth is the widest, in display cells, that a table is
	// drawn aligned. Table lines are not wrapped: a wider table scrolls
	// sideways on two 80-column screens and is read as records better
	// (see appendRecords).
	maxTableWidth = 160
	// tableGrowth bounds the padding of an aligned table: it is drawn
	// only if its lines are at most tableGrowth times as long as the
	// table's Markdown. Every row is padded to the widest: a header of a
	// thousand columns over a thousand rows of "a" (10 KB) made 4 MB.
	// Real tables, whose Markdown is itself mostly aligned, come out
	// about as long as they go in.
	tableGrowth = 8
)

// nests reports whether a container whose prefix is w cells wide is drawn
// nested inside the current one; if not, it is flattened (see maxDepth).
func (r *renderer) nests(w int) bool {
	return r.level < maxDepth && r.indent+w <= maxIndent
}

// enter notes that a container with a prefix w cells wide is entered;
// leave, that it is left.
func (r *renderer) enter(w int) { r.level, r.indent = r.level+1, r.indent+w }
func (r *renderer) leave(w int) { r.level, r.indent = r.level-1, r.indent-w }

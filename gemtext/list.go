package gemtext

import (
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Nested list items are gemtext list lines too, "* " and then a glyph
// that says how deep they are: most clients draw every "* " line with
// the same bullet and no indent, and leading spaces mean nothing to them
// (some justify an indented text line as a paragraph), so the nesting must
// show in the text itself. The glyphs follow the bullets a browser draws,
// disc (the client's own), circle, square, and are narrow in every font:
// U+25E6 WHITE BULLET and U+25AA BLACK SMALL SQUARE are of neutral East
// Asian width, where "•", "–", "—", "○" and "■" are ambiguous, drawn two
// cells wide by Japanese fonts and terminals.
const (
	// level2Glyph marks an unordered item at the second level.
	level2Glyph = "◦"
	// deepGlyph marks an item at the third level and deeper, once for
	// each level past the second: "▪", "▪▪", …
	deepGlyph = "▪"
)

// appendMarker appends the marker of an item at list depth depth (0 for an
// outermost list): "* " for an unordered item and "1. " (the number and
// delimiter) for an ordered one at depth 0; deeper, "* ◦ " and "* 1. " at
// depth 1, "* ▪ " and "* ▪ 1. " at depth 2, a square more for each level
// after that. An ordered item at depth 1 needs no glyph: its number sets it
// apart from the outermost items, which have either no "* " or no number.
func appendMarker(b []byte, depth int, ordered bool, num int, delim byte) []byte {
	if depth > 0 {
		b = append(b, "* "...)
		switch {
		case depth > 1:
			for range depth - 1 {
				b = append(b, deepGlyph...)
			}
			b = append(b, ' ')
		case !ordered:
			b = append(b, level2Glyph+" "...)
		}
	} else if !ordered {
		b = append(b, "* "...)
	}
	if ordered {
		b = strconv.AppendInt(b, int64(num), 10)
		b = append(b, delim, ' ')
	}
	return b
}

// list renders a list at nesting depth depth (0 for an outermost list)
// through frame f. Depth 0 items are gemtext list lines "* item", or
// "1. item" plain text for an ordered list (numbers from the list's start);
// deeper items are gemtext list lines with a glyph for their depth (see
// appendMarker), "* ◦ item", "* 1. item", "* ▪ item". Lists are compact: no
// blank lines inside; an item's further lines are indented under its text.
//
// An item that would nest deeper than maxDepth, or put its marker past
// maxIndent, is flattened: it is drawn with the marker of the item it is
// in, as its sibling (see overParent), and its own lists and quotes are
// flattened in turn. Since a nested item is not indented, its marker
// alone is its prefix; a flattened one's is no wider than its sibling's.
func (r *renderer) list(n *ast.List, f int, depth int) {
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		off := len(r.marks)
		d := depth
		r.marks = appendMarker(r.marks, d, n.IsOrdered(), num, n.Marker)
		nest := r.nests(f, len(r.marks)-off)
		parent := f
		if !nest {
			parent = r.overParent(f)
			if d > 0 {
				d--
				r.marks = appendMarker(r.marks[:off], d, n.IsOrdered(), num, n.Marker)
			}
		}
		if n.IsOrdered() {
			num++
		}
		m := r.pushMarker(parent, off)
		if !nest {
			// Lines after the first are not indented: the marker
			// alone, paid for by the marker in the Markdown, makes a
			// line's prefix wider than maxIndent.
			r.frames[m].flat, r.frames[m].hang = true, 0
		} else {
			// Indent by cells, not bytes: the glyphs are one cell wide.
			r.frames[m].hang = utf8.RuneCount(r.marks[off:])
		}
		if nest {
			r.level++
		}
		r.item(item, m, d)
		if nest {
			r.level--
		}
		r.pop(m)
	}
}

// item renders a list item drawn at depth depth through its marker frame
// m: the first line of its first block on the marker line, further lines
// indented under the text, nested lists one level deeper (or beside it, if
// they are flattened), preformatted blocks as they are. An item that
// starts with a nested list or code has its marker on a line of its own.
func (r *renderer) item(li ast.Node, m int, depth int) {
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			// A nested list brings its own marker: it bypasses the
			// item's frame.
			r.mark(m)
			r.list(l, r.frames[m].parent, depth+1)
			continue
		}
		r.block(c, m, false)
	}
	r.mark(m)
}

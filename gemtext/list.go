package gemtext

import (
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// list renders a list at nesting depth depth (0 for an outermost list)
// through frame f. Depth 0 items are gemtext list lines "* item", or
// "1. item" plain text for an ordered list (numbers from the list's start);
// deeper items are plain text indented two spaces a level, "  - item" or
// "  1. item". Lists are compact: no blank lines inside.
func (r *renderer) list(n *ast.List, f int, depth int) {
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		off := len(r.marks)
		r.marks = appendSpaces(r.marks, 2*depth)
		switch {
		case n.IsOrdered():
			r.marks = strconv.AppendInt(r.marks, int64(num), 10)
			r.marks = utf8.AppendRune(r.marks, rune(n.Marker))
			r.marks = append(r.marks, ' ')
			num++
		case depth > 0:
			r.marks = append(r.marks, "- "...)
		default:
			r.marks = append(r.marks, "* "...)
		}
		m := r.pushMarker(f, off)
		r.item(item, m, depth)
		r.pop(m)
	}
}

// item renders a list item through its marker frame m: the first line of
// its first block on the marker line, further lines indented under the
// text, nested lists one level deeper, preformatted blocks as they are. An
// item that starts with a nested list or code has its marker on a line of
// its own.
func (r *renderer) item(li ast.Node, m int, depth int) {
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			// A nested list brings its own indent: it bypasses the
			// item's frame.
			r.mark(m)
			r.list(l, r.frames[m].parent, depth+1)
			continue
		}
		r.block(c, m, false)
	}
	r.mark(m)
}

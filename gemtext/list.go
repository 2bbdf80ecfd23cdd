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
//
// An item that would nest deeper than maxDepth, or indent its text past
// maxIndent, is flattened: it is drawn at the deepest indent allowed, as a
// sibling of the item it is in (see overParent), and its own lists and
// quotes are flattened in turn.
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
		nest := r.nests(f, len(r.marks)-off)
		parent, lead := f, 2*depth
		if !nest {
			parent = r.overParent(f)
			// Keep as much of the indent as fits in maxIndent.
			bullet := len(r.marks) - off - lead
			if room := max(maxIndent-r.prefixWidth(parent)-bullet, 0) / 2; room < depth {
				r.marks = append(r.marks[:off+2*room], r.marks[off+lead:]...)
				lead = 2 * room
			}
		}
		m := r.pushMarker(parent, off)
		if !nest {
			// Lines after the first go under the indent before the
			// marker, not under the text: only the marker, paid for by
			// the marker in the Markdown, makes a line's prefix wider
			// than maxIndent.
			r.frames[m].flat, r.frames[m].hang = true, lead
		}
		if nest {
			r.level++
		}
		r.item(item, m, depth, nest)
		if nest {
			r.level--
		}
		r.pop(m)
	}
}

// item renders a list item through its marker frame m: the first line of
// its first block on the marker line, further lines indented under the
// text, nested lists one level deeper, preformatted blocks as they are. An
// item that starts with a nested list or code has its marker on a line of
// its own. nest is false for a flattened item, whose lists stay at its
// depth.
func (r *renderer) item(li ast.Node, m int, depth int, nest bool) {
	next := depth + 1
	if !nest || r.level >= maxDepth {
		next = depth
	}
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			// A nested list brings its own indent: it bypasses the
			// item's frame.
			r.mark(m)
			r.list(l, r.frames[m].parent, next)
			continue
		}
		r.block(c, m, false)
	}
	r.mark(m)
}

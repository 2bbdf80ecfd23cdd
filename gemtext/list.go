package gemtext

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// list returns the lines of a list at nesting depth depth (0 for an
// outermost list). Depth 0 items are gemtext list lines "* item", or
// "1. item" plain text for an ordered list (numbers from the list's start);
// deeper items are plain text indented two spaces a level, "  - item" or
// "  1. item". Lists are compact: no blank lines inside.
func (r *renderer) list(n *ast.List, links *linkSet, depth int) []line {
	indent := strings.Repeat("  ", depth)
	num := n.Start
	var out []line
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "* "
		if depth > 0 {
			marker = "- "
		}
		if n.IsOrdered() {
			marker = strconv.Itoa(num) + string(n.Marker) + " "
			num++
		}
		out = append(out, r.item(item, links, depth, indent+marker, indent+strings.Repeat(" ", len(marker)))...)
	}
	return out
}

// item returns the lines of a list item: the first line of its first block
// on the marker line, further lines indented under the text, nested lists
// one level deeper, preformatted blocks as they are. An item that starts
// with a nested list or code has its marker on a line of its own.
func (r *renderer) item(li ast.Node, links *linkSet, depth int, first, cont string) []line {
	var out []line
	marked := false
	mark := func() {
		if !marked {
			out = append(out, markLine(first))
			marked = true
		}
	}
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			mark()
			out = append(out, r.list(l, links, depth+1)...)
			continue
		}
		for _, l := range r.block(c, links, false) {
			switch {
			case l.kind == kindBlank || l.s == "" && l.kind != kindPre:
			case l.kind == kindPre:
				mark()
				out = append(out, l)
			case !marked:
				out = append(out, markLine(first+l.s))
				marked = true
			default:
				out = append(out, markLine(cont+l.s))
			}
		}
	}
	mark()
	return out
}

package gemtext

import (
	"strings"

	"github.com/rivo/uniseg"
	east "github.com/yuin/goldmark/extension/ast"
)

// table returns a GFM table as a preformatted block with alt text "table":
// cells separated by " | ", columns padded to the same display width (East
// Asian wide characters take two cells), left, right or centred as the
// table says (left by default), and a row of "-" joined by "-+-" under the
// header. Links in cells go to links.
func (r *renderer) table(t *east.Table, links *linkSet) []line {
	var rows [][]cell
	header := -1
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() == east.KindTableHeader {
			header = len(rows)
		}
		var cells []cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			in := r.newInliner(links)
			in.children(c)
			s := strings.Join(in.lines(), " ")
			cells = append(cells, cell{s, uniseg.StringWidth(s)})
		}
		rows = append(rows, cells)
	}
	ncol := 0
	for _, cells := range rows {
		ncol = max(ncol, len(cells))
	}
	if ncol == 0 {
		return nil
	}
	widths := make([]int, ncol)
	for i := range widths {
		widths[i] = 1
	}
	for _, cells := range rows {
		for i, c := range cells {
			widths[i] = max(widths[i], c.width)
		}
	}
	body := make([]string, 0, len(rows)+1)
	for ri, cells := range rows {
		parts := make([]string, ncol)
		for i := range parts {
			var c cell
			if i < len(cells) {
				c = cells[i]
			}
			parts[i] = pad(c, widths[i], alignment(t, i))
		}
		body = append(body, strings.Join(parts, " | "))
		if ri == header {
			for i, w := range widths {
				parts[i] = strings.Repeat("-", w)
			}
			body = append(body, strings.Join(parts, "-+-"))
		}
	}
	// A row starting with ``` would end the block: shift the whole
	// table right by one, keeping it aligned.
	shift := ""
	for _, s := range body {
		if escapePre(s) != s {
			shift = " "
		}
	}
	out := make([]line, 0, len(body)+2)
	out = append(out, preLine("```table"))
	for _, s := range body {
		out = append(out, preLine(shift+s))
	}
	return append(out, preLine("```"))
}

func alignment(t *east.Table, col int) east.Alignment {
	if col < len(t.Alignments) {
		return t.Alignments[col]
	}
	return east.AlignNone
}

// cell is the text of a table cell and its display width.
type cell struct {
	s     string
	width int
}

// pad pads c with spaces to width display cells, aligned as a says.
func pad(c cell, width int, a east.Alignment) string {
	s := c.s
	gap := width - c.width
	if gap <= 0 {
		return s
	}
	switch a {
	case east.AlignRight:
		return strings.Repeat(" ", gap) + s
	case east.AlignCenter:
		left := gap / 2
		return strings.Repeat(" ", left) + s + strings.Repeat(" ", gap-left)
	}
	return s + strings.Repeat(" ", gap)
}

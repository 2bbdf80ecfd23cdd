package gopher

import (
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
)

// table renders a GFM table, not wrapped: cells separated by " | ", columns
// padded to their display width and aligned as the delimiter row says
// (left unless ":-:" or "-:"), a rule of "-" joined by "-+-" under the
// header row.
func (r *renderer) table(n *east.Table) []string {
	var rows [][]string
	header := 0
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			var parts []string
			for _, p := range r.inlineParas(c) {
				parts = append(parts, p.s)
			}
			cells = append(cells, strings.TrimSpace(strings.Join(parts, " ")))
		}
		rows = append(rows, cells)
		if _, ok := row.(*east.TableHeader); ok {
			header = len(rows)
		}
	}
	var widths []int
	for _, cells := range rows {
		for j, c := range cells {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], textWidth(c))
		}
	}
	if len(widths) == 0 {
		return nil
	}
	var lines []string
	for i, cells := range rows {
		out := make([]string, len(widths))
		for j, w := range widths {
			var c string
			if j < len(cells) {
				c = cells[j]
			}
			align := east.AlignNone
			if j < len(n.Alignments) {
				align = n.Alignments[j]
			}
			out[j] = padCell(c, w, align)
		}
		lines = append(lines, r.check(strings.Join(out, " | ")))
		if i+1 == header {
			rule := make([]string, len(widths))
			for j, w := range widths {
				rule[j] = strings.Repeat("-", w)
			}
			lines = append(lines, strings.Join(rule, "-+-"))
		}
	}
	return lines
}

// padCell fills s with spaces to w display cells, aligned as align says.
func padCell(s string, w int, align east.Alignment) string {
	gap := max(w-textWidth(s), 0)
	switch align {
	case east.AlignRight:
		return strings.Repeat(" ", gap) + s
	case east.AlignCenter:
		return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
	}
	return s + strings.Repeat(" ", gap)
}

package gopher

import (
	"bytes"
	"capsule/gemtext/softbreak"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// appendTable appends a GFM table, not wrapped and set off like code by
// preIndent (its rule would otherwise read as the underline of a heading):
// cells separated by " | ", columns padded to their display width and
// aligned as the delimiter row says (left unless ":-:" or "-:"), a rule of
// "-" joined by "-+-" under the header row. A table too wide for that, or
// padded out of proportion to its Markdown, is written as records (see
// appendRecords).
func (r *renderer) appendTable(dst []string, n *east.Table, width int) []string {
	var rows [][]string
	header := 0
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		// goldmark fills short rows up with empty cells: a thousand
		// columns over a row of "a" are a thousand cells. Empty cells
		// are kept only before a cell with content; a row's missing
		// cells are empty.
		empty := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if c.FirstChild() == nil {
				empty++
				continue
			}
			cell := strings.TrimSpace(joinParas(r.inlineParas(c)))
			if cell == "" {
				empty++
				continue
			}
			for ; empty > 0; empty-- {
				cells = append(cells, "")
			}
			cells = append(cells, cell)
		}
		rows = append(rows, cells)
		if _, ok := row.(*east.TableHeader); ok {
			header = len(rows)
		}
	}
	widths := make([]int, len(n.Alignments))
	for _, cells := range rows {
		for j, c := range cells {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], textWidth(c))
		}
	}
	if len(widths) == 0 {
		return dst
	}
	if !r.alignedFits(n, rows, widths) {
		return r.appendRecords(dst, n, rows, header, width)
	}
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
		dst = append(dst, r.check(preIndent+strings.Join(out, " | ")))
		if i+1 == header {
			rule := make([]string, len(widths))
			for j, w := range widths {
				rule[j] = strings.Repeat("-", w)
			}
			dst = append(dst, preIndent+strings.Join(rule, "-+-"))
		}
	}
	return dst
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

// alignedFits reports whether a table of rows, its columns widths wide,
// may be drawn aligned: at most maxTableWidth cells wide, preIndent
// included, and its lines, prefixes included, at most tableGrowth times as
// long as its Markdown.
func (r *renderer) alignedFits(t *east.Table, rows [][]string, widths []int) bool {
	w := len(preIndent) + 3*(len(widths)-1)
	for _, cw := range widths {
		if w += cw; w > maxTableWidth {
			return false
		}
	}
	// Each line is w cells, plus the bytes by which its text is longer
	// than wide, its prefix and CRLF; one more line for the rule.
	size := (len(rows) + 1) * (r.indent + w + 2)
	for _, cells := range rows {
		for _, c := range cells {
			size += len(c) - textWidth(c)
		}
	}
	return size <= tableGrowth*r.tableSource(t, rows)
}

// tableSource returns the length of the Markdown t was parsed from: from
// its header row to the end of its last row.
func (r *renderer) tableSource(t ast.Node, rows [][]string) int {
	if first, last := t.FirstChild(), t.LastChild(); first != nil {
		start, end := first.Pos(), last.Pos()
		if 0 <= start && start <= end && end <= len(r.src) {
			if i := bytes.IndexByte(r.src[end:], '\n'); i >= 0 {
				return end + i + 1 - start
			}
			return len(r.src) - start
		}
	}
	// A tree built without positions: its cells' text, and a separator
	// each, are in its Markdown at least.
	n := 0
	for _, cells := range rows {
		for _, c := range cells {
			n += len(c) + 1
		}
	}
	return n
}

// appendRecords appends a table as records: each body row a run of
// wrapped lines, "header: value" (just the value under an empty header)
// for each non-empty cell, a blank line between rows. Should the headers,
// repeated on every row, make that longer than tableGrowth times the
// table's Markdown, each row is instead one line of its cells joined by
// " | ", the header row first, not wrapped and so after preIndent.
func (r *renderer) appendRecords(dst []string, t *east.Table, rows [][]string, header, width int) []string {
	base := len(dst)
	budget := tableGrowth * r.tableSource(t, rows)
	var labels []string
	if header > 0 {
		labels = rows[header-1]
	}
	size, records := 0, 0
	for i, cells := range rows {
		if i+1 == header {
			continue
		}
		if len(dst) > base {
			dst = append(dst, "")
		}
		start := len(dst)
		for j, c := range cells {
			if c == "" {
				continue
			}
			if j < len(labels) && labels[j] != "" {
				c = labels[j] + ": " + c
			}
			dst = r.appendWrap(dst, c, width, nil)
		}
		if len(dst) == start {
			dst = dst[:start-min(start-base, 1)]
			continue
		}
		records++
		for _, l := range dst[start-min(start-base, 1):] {
			size += r.indent + len(l) + 2
		}
		if size > budget {
			break
		}
	}
	if records > 0 && size <= budget {
		return dst
	}
	dst = dst[:base]
	for _, cells := range rows {
		if len(cells) > 0 {
			dst = append(dst, r.check(preIndent+strings.Join(cells, " | ")))
		}
	}
	return dst
}

// joinParas is paras (a cell's lines, hard breaks between them) as one
// line, joined as a soft break joins: by a space, or by none between
// Japanese characters (a <br> in a cell, "対応。<br>誤字修正", is no gap
// in the sentence), as gemtext joins them.
func joinParas(paras []para) string {
	var b strings.Builder
	for _, p := range paras {
		s := strings.TrimSpace(p.s)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			r1, _ := utf8.DecodeLastRuneInString(b.String())
			r2, _ := utf8.DecodeRuneInString(s)
			if softbreak.Space(r1, r2) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

package gemtext

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// A table's cells are padded to its widest row and column: the aligned
// block costs rows × width, whatever the Markdown held. These are the
// other ways a table is drawn when that would be too wide or too long.

// alignedFits reports whether the cells collected in r (see table) may be
// drawn as an aligned block: at most maxTableWidth cells wide, and at most
// tableGrowth times as long as the table's Markdown.
func (r *renderer) alignedFits(t *east.Table, header int) bool {
	w := 3 * (len(r.widths) - 1)
	for _, cw := range r.widths {
		if w += cw; w > maxTableWidth {
			return false
		}
	}
	// Each line is w cells, plus the bytes by which its text is longer
	// than wide, a space should the table shift, and a newline.
	size := len(tableOpen) + len(fence) + 2
	if header >= 0 {
		size += w + 2
	}
	size += (len(r.rows) - 1) * (w + 2)
	for _, c := range r.cells {
		size += c.text.end - c.text.start - c.width
	}
	return size <= tableGrowth*r.tableSource(t)
}

// tableSource returns the length of the Markdown t was parsed from: from
// its header row to the end of its last row.
func (r *renderer) tableSource(t ast.Node) int {
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
	for _, c := range r.cells {
		n += c.text.end - c.text.start + 1
	}
	return n
}

// tableRecords writes the table collected in r through frame f as
// records: each body row a run of text lines, one per non-empty cell,
// "header: value" (just the value under an empty header), a blank line
// between rows. Should the headers, repeated on every row, make that
// longer than tableGrowth times the table's Markdown, each row is instead
// one line of its cells joined by " | ", the header row first.
func (r *renderer) tableRecords(t *east.Table, f, header int) {
	cells, rows, text := r.cells, r.rows, r.cellText
	value := func(c cell) []byte { return text[c.text.start:c.text.end] }
	var labels []cell
	if header >= 0 {
		labels = cells[rows[header]:rows[header+1]]
	}
	label := func(j int) []byte {
		if j < len(labels) {
			return value(labels[j])
		}
		return nil
	}

	// What the records would take, each line with its prefix and an
	// escape at most.
	budget := tableGrowth * r.tableSource(t)
	perLine := r.prefixWidth(f) + len(textEscape) + 1
	size, records := 0, 0
	for i := 0; i+1 < len(rows) && size <= budget; i++ {
		if i == header {
			continue
		}
		records++
		size += perLine
		for j, c := range cells[rows[i]:rows[i+1]] {
			if c.text.end > c.text.start {
				size += perLine + len(label(j)) + 2 + c.text.end - c.text.start
			}
		}
	}

	if records > 0 && size <= budget {
		g := r.push(frame{kind: frameJoin, parent: f})
		for i := 0; i+1 < len(rows); i++ {
			if i == header {
				continue
			}
			r.next(g)
			for j, c := range cells[rows[i]:rows[i+1]] {
				if c.text.end == c.text.start {
					continue
				}
				b := r.scratch[:0]
				if l := label(j); len(l) > 0 {
					b = append(append(b, l...), ": "...)
				}
				b = append(b, value(c)...)
				r.scratch = b
				r.emit(g, kindText, b)
			}
		}
		r.pop(g)
		return
	}

	for i := 0; i+1 < len(rows); i++ {
		row := cells[rows[i]:rows[i+1]]
		// Rows are filled up with empty cells: those are left out.
		for len(row) > 0 && row[len(row)-1].text.end == row[len(row)-1].text.start {
			row = row[:len(row)-1]
		}
		if len(row) == 0 {
			continue
		}
		b := r.scratch[:0]
		for j, c := range row {
			if j > 0 {
				b = append(b, " | "...)
			}
			b = append(b, value(c)...)
		}
		r.scratch = b
		r.emit(f, kindText, b)
	}
}

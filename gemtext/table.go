package gemtext

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
	east "github.com/yuin/goldmark/extension/ast"
)

// cell is a table cell: its text in renderer.cellText and its display
// width.
type cell struct {
	text  span
	width int
}

// table renders a GFM table as a preformatted block with alt text "table":
// cells separated by " | ", columns padded to the same display width (East
// Asian wide characters take two cells), left, right or centred as the
// table says (left by default), and a row of "-" joined by "-+-" under the
// header. Links in cells go to r.links. A table too wide for that, or
// padded out of proportion to its Markdown (see alignedFits), is written
// as records instead (see tableRecords).
func (r *renderer) table(t *east.Table, f int) {
	// The cells, row after row; rows holds where each row starts.
	cells, rows, text := r.cells[:0], r.rows[:0], r.cellText[:0]
	header := -1
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() == east.KindTableHeader {
			header = len(rows)
		}
		rows = append(rows, len(cells))
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
			for ; empty > 0; empty-- {
				cells = append(cells, cell{span{len(text), len(text)}, 0})
			}
			in := r.newInliner()
			in.children(c)
			start := len(text)
			text = in.appendJoined(text)
			cells = append(cells, cell{span{start, len(text)}, displayWidth(text[start:])})
		}
	}
	rows = append(rows, len(cells))
	r.cells, r.rows, r.cellText = cells, rows, text
	ncol := len(t.Alignments)
	for i := 0; i+1 < len(rows); i++ {
		ncol = max(ncol, rows[i+1]-rows[i])
	}
	if ncol == 0 {
		return
	}
	widths := r.widths[:0]
	for range ncol {
		widths = append(widths, 1)
	}
	for i := 0; i+1 < len(rows); i++ {
		for j, c := range cells[rows[i]:rows[i+1]] {
			widths[j] = max(widths[j], c.width)
		}
	}
	r.widths = widths
	if !r.alignedFits(t, header) {
		r.tableRecords(t, f, header)
		return
	}

	// The rows are built in r.scratch, each after a space, which is
	// kept if a row starts with ``` and would end the block: the whole
	// table then shifts right by one, keeping it aligned.
	b, ends := r.scratch[:0], r.rowEnds[:0]
	shift := false
	for i := 0; i+1 < len(rows); i++ {
		row := cells[rows[i]:rows[i+1]]
		start := len(b)
		b = append(b, ' ')
		for j, w := range widths {
			if j > 0 {
				b = append(b, " | "...)
			}
			var c cell
			if j < len(row) {
				c = row[j]
			}
			b = pad(b, text[c.text.start:c.text.end], w-c.width, alignment(t, j))
		}
		shift = shift || isFence(b[start+1:])
		ends = append(ends, len(b))
		if i == header {
			b = append(b, ' ')
			for j, w := range widths {
				if j > 0 {
					b = append(b, "-+-"...)
				}
				for range w {
					b = append(b, '-')
				}
			}
			ends = append(ends, len(b))
		}
	}
	r.scratch, r.rowEnds = b, ends
	r.emit(f, kindPre, tableOpen)
	start := 0
	for _, end := range ends {
		if shift {
			r.emit(f, kindPre, b[start:end])
		} else {
			r.emit(f, kindPre, b[start+1:end])
		}
		start = end
	}
	r.emit(f, kindPre, fence)
}

var tableOpen = []byte("```table")

func alignment(t *east.Table, col int) east.Alignment {
	if col < len(t.Alignments) {
		return t.Alignments[col]
	}
	return east.AlignNone
}

// pad appends s to b, with gap spaces to the left, the right or both, as a
// says.
func pad(b, s []byte, gap int, a east.Alignment) []byte {
	if gap <= 0 {
		return append(b, s...)
	}
	switch a {
	case east.AlignRight:
		return append(appendSpaces(b, gap), s...)
	case east.AlignCenter:
		left := gap / 2
		return appendSpaces(append(appendSpaces(b, left), s...), gap-left)
	}
	return appendSpaces(append(b, s...), gap)
}

// displayWidth returns the width of s in a monospace font, as
// uniseg.StringWidth does, which costs more than the rest of a table. Text
// of printable ASCII and common wide characters (kana, kanji, CJK
// punctuation, fullwidth forms) is counted without it: each of those
// characters is a grapheme cluster of its own, one or two cells wide
// (TestDisplayWidth checks every one against uniseg).
func displayWidth(s []byte) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if !isSimpleWide(r) {
			return graphemeWidth(s)
		}
		w += 2
		i += n
	}
	return w
}

// graphemeWidth is uniseg.StringWidth for bytes.
func graphemeWidth(s []byte) int {
	w, state := 0, -1
	for len(s) > 0 {
		var cw int
		_, s, cw, state = uniseg.FirstGraphemeCluster(s, state)
		w += cw
	}
	return w
}

// isSimpleWide reports whether r is one of the wide characters
// displayWidth counts itself. Combining marks (U+302A-302F, U+3099-309A)
// and emoji (U+3030, U+303D) are left out: uniseg counts them otherwise.
func isSimpleWide(r rune) bool {
	switch {
	case r < 0x3000:
		return false
	case r <= 0x3029, // CJK punctuation: 、。「」etc.
		r >= 0x3041 && r <= 0x3096, // hiragana
		r >= 0x30A0 && r <= 0x30FF, // katakana
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0xFF01 && r <= 0xFF60: // fullwidth forms
		return true
	}
	return false
}

package content

import (
	"bytes"
	"fmt"
)

// Tables, bounded before goldmark parses them. goldmark pads every row of
// a GFM table to the header's width: a header of 1,000 columns over 5,000
// rows of one cell (16 KB of Markdown) made it allocate five million
// cells, 884 MB, before a renderer could look at them. And its table
// transformer compares every pipe escaped inside code ("`a \| b`") with
// every other: 12,500 rows of two took seconds.
//
// checkTables finds a post's tables in one pass, as goldmark will see
// them, and refuses a post whose tables would cost too much, at the table
// that goes over, in the author's words. Real tables never come near the
// bounds, so nothing is clipped: a table is whole or the post is refused.
// The parser itself keeps the same bounds (capsule's table guard), for
// tables the scan cannot see: inside HTML blocks, or in the lazy
// continuation of a list.
const (
	// MaxTableCells bounds the cells of a post's tables, in all: each
	// table counts its header columns times its rows and header, padding
	// included. A post may have MaxTableCells, or as many cells as it has
	// bytes when that is more: a table typed out in full never needs more
	// than a byte a cell, and goldmark spends some 180 bytes on each.
	// 100,000 cells is a table of 20 columns and 5,000 rows; a blog's
	// tables have tens to hundreds.
	MaxTableCells = 100_000
	// MaxTableEscapes bounds the pipes escaped inside code in a post's
	// tables ("`a \| b`"): goldmark's work grows with the square of their
	// number. A table of shell commands has a few dozen.
	MaxTableEscapes = 1000
	// maxTablePrefixes is how many container markers ("> ", "- ", "1. ")
	// before a table's header the scan looks through; deeper ones are
	// text to goldmark too (see capsule's nesting guard).
	maxTablePrefixes = 32
)

// TableCellBudget is how many cells the tables of a post of size bytes
// may have (see MaxTableCells).
func TableCellBudget(size int) int { return max(MaxTableCells, size) }

// checkTables scans body, which starts on line first of file, and returns
// the problem with its tables, if any.
func checkTables(file string, body []byte, first int) *FileError {
	if bytes.IndexByte(body, '|') < 0 {
		// Without a pipe no bound can be passed, and the line by line
		// scan (a good part of loading a post) is spared: every
		// delimiter row is one column ("---", ":-:"), so that each table
		// counts a cell per line of its own, header and rows, never
		// more cells than the body has lines, which is fewer than its
		// budget (at least a cell per byte); and no pipe is escaped.
		return nil
	}
	t := tableScan{budget: TableCellBudget(len(body))}
	t.scan(body)
	if t.errLine == 0 {
		return nil
	}
	return &FileError{File: file, Line: first + t.errLine - 1, Msg: t.errMsg}
}

// tableScan is one pass over Markdown, counting its tables' cells.
type tableScan struct {
	budget         int
	cells, escapes int
	errLine        int // 1-based line of the body, when errMsg is set
	errMsg         string
	tables         []tableShape // when not nil, every table is noted (tests)
	// mismatched is set when a delimiter row followed a header of more
	// cells: goldmark then makes no table of the rest of the paragraph,
	// while the scan, not knowing where the paragraph ends, looks on.
	mismatched      bool
	fence           byte // '`' or '~' while in fenced code, else 0
	fenceLen        int
	fenceQuotes     int // quote markers before the fence
	prev            []byte
	prevLine        int
	prevHeaderCells [maxTablePrefixes + 1]int
	prevHeaders     int  // how many of prevHeaderCells are set
	prevPending     bool // prev's cells are still to count (hasHeader)
	offs            [maxTablePrefixes + 1]int
}

// tableShape is a table found: its header's line (in the body), columns
// and rows below the header.
type tableShape struct{ Line, Cols, Rows int }

func (t *tableScan) scan(body []byte) {
	line := 0
	for off := 0; off < len(body) && t.errLine == 0; {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += off
		}
		l := body[off:end]
		line++
		next := end + 1
		if t.inFence(l) {
			t.prevHeaders, t.prevPending = 0, false
			off = next
			continue
		}
		// The delimiter row is read with its line break, as goldmark
		// reads it: "--" then a line break is a row of one column.
		cols := t.delimiter(body[off:min(next, len(body))])
		if cols > 0 && t.hasHeader() && !t.headerMatches(cols) {
			t.mismatched = true
		}
		if cols > 0 && t.hasHeader() && t.headerMatches(cols) {
			// A table: its header is the line before, its rows the lines
			// after, up to one that ends the paragraph.
			rows := 0
			escapes := TableEscapes(t.prev) + TableEscapes(l)
			for next < len(body) {
				e := bytes.IndexByte(body[next:], '\n')
				if e < 0 {
					e = len(body)
				} else {
					e += next
				}
				if endsTable(body[next:e]) {
					break
				}
				escapes += TableEscapes(body[next:e])
				rows++
				next = e + 1
			}
			t.table(t.prevLine, cols, rows, escapes)
			line += rows
			t.prevHeaders, t.prevPending = 0, false
			off = next
			continue
		}
		t.header(l, line)
		off = next
	}
}

// table counts a table found, failing at the one that passes a bound.
func (t *tableScan) table(line, cols, rows, escapes int) {
	if t.tables != nil {
		t.tables = append(t.tables, tableShape{line, cols, rows})
	}
	cells := cols * (rows + 1)
	t.cells += cells
	t.escapes += escapes
	switch {
	case t.errLine != 0:
	case cells > t.budget:
		t.errLine, t.errMsg = line, fmt.Sprintf("table of %s columns × %s rows is %s cells, over the %s a post may have (or one per byte of a longer post): split it, or serve the data as a file",
			thousands(cols), thousands(rows+1), thousands(cells), thousands(t.budget))
	case t.cells > t.budget:
		t.errLine, t.errMsg = line, fmt.Sprintf("the tables up to this one have %s cells in all, over the %s a post may have (or one per byte of a longer post): split the post, or serve the data as a file",
			thousands(t.cells), thousands(t.budget))
	case t.escapes > MaxTableEscapes:
		t.errLine, t.errMsg = line, fmt.Sprintf(`the tables up to this one escape %s pipes inside code (\|), over the %s a post may have: the Markdown reader compares each with every other`,
			thousands(t.escapes), thousands(MaxTableEscapes))
	}
}

// header notes l as the line a delimiter row may follow; its cell count
// after each way of reading its container markers is counted if one does
// (hasHeader).
func (t *tableScan) header(l []byte, line int) {
	t.prev, t.prevLine, t.prevHeaders, t.prevPending = l, line, 0, !isBlankLine(l)
}

// hasHeader reports whether the line before may be a table's header,
// counting its cells now: only a delimiter row needs them, and most
// lines are followed by none.
func (t *tableScan) hasHeader() bool {
	if t.prevPending {
		t.prevPending = false
		for _, o := range containerPrefixes(t.prev, &t.offs) {
			t.prevHeaderCells[t.prevHeaders] = RowCells(t.prev[o:])
			t.prevHeaders++
		}
	}
	return t.prevHeaders > 0
}

// headerMatches is whether the line before makes a table's header for a
// delimiter row of cols columns: goldmark pads a header of fewer cells,
// as it pads the rows.
func (t *tableScan) headerMatches(cols int) bool {
	for _, c := range t.prevHeaderCells[:t.prevHeaders] {
		if c <= cols {
			return true
		}
	}
	return false
}

// delimiter returns the columns of l as a delimiter row ("|---|:-:|"),
// after any of its container markers, or 0.
func (t *tableScan) delimiter(l []byte) int {
	for _, o := range containerPrefixes(l, &t.offs) {
		if cols := TableColumns(l[o:]); cols > 0 {
			return cols
		}
	}
	return 0
}

// inFence follows fenced code ("```" or "~~~" lines, maybe after quote
// or list markers) and reports whether l is part of one: its tables are
// not tables.
func (t *tableScan) inFence(l []byte) bool {
	quotes, rest := quotePrefix(l)
	if t.fence != 0 {
		if quotes < t.fenceQuotes {
			t.fence = 0 // the quote holding the fence has ended
		} else {
			if c, n := fenceRun(rest); c == t.fence && n >= t.fenceLen && isBlankLine(rest[indentOf(rest)+n:]) {
				t.fence = 0
			}
			return true
		}
	}
	for _, o := range containerPrefixes(l, &t.offs) {
		if c, n := fenceOpens(l[o:]); n > 0 {
			t.fence, t.fenceLen, t.fenceQuotes = c, n, quotes
			return true
		}
	}
	return false
}

// fenceOpens returns the character and length of the fence l opens, or
// 0, 0: three or more "`" or "~" after at most three spaces, and no "`"
// after a fence of "`" (its info string may hold none).
func fenceOpens(l []byte) (byte, int) {
	c, n := fenceRun(l)
	if n < 3 || (c == '`' && bytes.IndexByte(l[indentOf(l)+n:], '`') >= 0) {
		return 0, 0
	}
	return c, n
}

// fenceRun returns the character and length of the run of "`" or "~"
// that l starts with after at most three spaces.
func fenceRun(l []byte) (byte, int) {
	i := indentOf(l)
	if i > 3 || i >= len(l) || (l[i] != '`' && l[i] != '~') {
		return 0, 0
	}
	n := 0
	for i+n < len(l) && l[i+n] == l[i] {
		n++
	}
	return l[i], n
}

// quotePrefix counts the quote markers l starts with and returns what
// follows them.
func quotePrefix(l []byte) (int, []byte) {
	n := 0
	for {
		i := indentOf(l)
		if i > 3 || i >= len(l) || l[i] != '>' {
			return n, l
		}
		l = l[i+1:]
		n++
	}
}

// containerPrefixes returns the offsets in l after each container marker
// it starts with ("> ", "- ", "1. ", "[^note]: "), 0 first: where a
// paragraph's line may begin, read inside those containers or not. They
// are written in buf.
func containerPrefixes(l []byte, buf *[maxTablePrefixes + 1]int) []int {
	offs := buf[:1]
	offs[0] = 0
	for i := 0; len(offs) <= maxTablePrefixes; {
		i += indentOf(l[i:])
		n := markerLen(l[i:])
		if n == 0 {
			break
		}
		i += n
		offs = append(offs, i)
	}
	return offs
}

// markerLen is the length of the container marker l starts with, with
// the space after it: "> " (the space optional), "- ", "* ", "+ ", "1. ",
// "1) ", "[^note]: "; 0 if none.
func markerLen(l []byte) int {
	if len(l) == 0 {
		return 0
	}
	spaced := func(n int) int {
		if n == len(l) {
			return n
		}
		if l[n] == ' ' || l[n] == '\t' {
			return n + 1
		}
		return 0
	}
	switch c := l[0]; {
	case c == '>':
		if len(l) > 1 && (l[1] == ' ' || l[1] == '\t') {
			return 2
		}
		return 1
	case c == '-' || c == '*' || c == '+':
		return spaced(1)
	case c >= '0' && c <= '9':
		n := 0
		for n < len(l) && n < 10 && l[n] >= '0' && l[n] <= '9' {
			n++
		}
		if n < 10 && n < len(l) && (l[n] == '.' || l[n] == ')') {
			return spaced(n + 1)
		}
	case c == '[' && len(l) > 1 && l[1] == '^':
		if e := bytes.Index(l, []byte("]:")); e > 2 && bytes.IndexByte(l[:e], ']') < 0 {
			return spaced(e + 2)
		}
	}
	return 0
}

func indentOf(l []byte) int {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i
}

// isBlankLine is goldmark's util.IsBlank.
func isBlankLine(l []byte) bool {
	for _, c := range l {
		if !isMarkdownSpace(c) {
			return false
		}
	}
	return true
}

// isMarkdownSpace is goldmark's util.IsSpace.
func isMarkdownSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// endsTable reports whether l certainly ends the paragraph a table's rows
// continue: a blank line, one of quote markers only, or, at most three
// spaces in, a fence, a heading or a thematic break. Other lines are
// counted as rows: a line goldmark does not take for one only makes the
// count larger.
func endsTable(l []byte) bool {
	if _, rest := quotePrefix(l); isBlankLine(rest) {
		return true
	}
	i := indentOf(l)
	if i > 3 || i >= len(l) {
		return false
	}
	if _, n := fenceOpens(l); n > 0 {
		return true
	}
	switch l[i] {
	case '#':
		n := 0
		for i+n < len(l) && l[i+n] == '#' {
			n++
		}
		return n <= 6 && (i+n == len(l) || l[i+n] == ' ' || l[i+n] == '\t')
	case '*', '_', '-':
		n := 0
		for _, c := range l[i:] {
			switch {
			case c == l[i]:
				n++
			case c != ' ' && c != '\t':
				return false
			}
		}
		return n >= 3
	}
	return false
}

// TableEscapes counts the pipes escaped inside code in a table's line:
// "\|" after a backtick, as goldmark's table parser notes them (or more).
func TableEscapes(l []byte) int {
	tick := bytes.IndexByte(l, '`')
	if tick < 0 {
		return 0
	}
	return bytes.Count(l[tick:], []byte(`\|`))
}

// RowCells counts the cells of a table's header row l as goldmark's table
// parser splits it: by the pipes not preceded by a backslash, a pipe
// opening or closing the row not starting a cell.
func RowCells(l []byte) int {
	l = bytes.TrimFunc(l, func(r rune) bool { return r < 0x80 && isMarkdownSpace(byte(r)) })
	pos, limit := 0, len(l)
	if limit > 0 && l[0] == '|' {
		pos++
	}
	if limit > 0 && l[limit-1] == '|' {
		limit--
	}
	cells := 0
	for pos < limit {
		// A cell runs to the next pipe not escaped, or to the end.
		end := pos
		for end < limit && (l[end] != '|' || (end > 0 && l[end-1] == '\\')) {
			end++
		}
		cells++
		pos = end + 1
	}
	return cells
}

// TableColumns returns the columns of l, a line with its line break, as
// goldmark reads a table's delimiter row ("| --- | :-: |"), or 0 when l
// is not one.
func TableColumns(l []byte) int {
	allDashes := true
	for _, c := range l {
		if c != '-' {
			allDashes = false
		}
		if !isMarkdownSpace(c) && c != '-' && c != '|' && c != ':' {
			return 0
		}
	}
	if allDashes {
		return 0
	}
	cols := 0
	parts := bytes.Count(l, []byte("|")) + 1
	for i, rest := 0, l; i < parts; i++ {
		col := rest
		if p := bytes.IndexByte(rest, '|'); p >= 0 {
			col, rest = rest[:p], rest[p+1:]
		}
		if (i == 0 || i == parts-1) && isBlankLine(col) {
			continue // the pipes opening and closing the row
		}
		if !isDelimiterColumn(col) {
			return 0
		}
		cols++
	}
	return cols
}

// isDelimiterColumn is whether c is "---", ":--", "--:" or ":-:" between
// spaces, as goldmark's patterns want.
func isDelimiterColumn(c []byte) bool {
	c = bytes.TrimFunc(c, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' })
	c = bytes.TrimPrefix(c, []byte(":"))
	c = bytes.TrimSuffix(c, []byte(":"))
	if len(c) == 0 {
		return false
	}
	for _, b := range c {
		if b != '-' {
			return false
		}
	}
	return true
}

// thousands writes n with commas: 5,001,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

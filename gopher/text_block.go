package gopher

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Blocks append their lines to one slice that the whole body shares; a
// container prefixes the lines its blocks appended in place. Nothing is
// copied per level but by the (at most maxDepth) containers that prefix
// the lines: a block list returned by each level and joined by its parent
// copied every line once per level above it.

// inner returns the width left inside a container whose prefix takes used
// cells.
func (r *renderer) inner(width, used int) int {
	return max(width-used, min(r.width, minWidth))
}

// appendBlocks appends the lines of the block children of n, separated by
// blank lines unless tight. A run of thematic breaks draws one rule.
func (r *renderer) appendBlocks(dst []string, n ast.Node, width int, tight bool) []string {
	base := len(dst)
	lastRule := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_, rule := c.(*ast.ThematicBreak)
		if rule && lastRule {
			continue
		}
		sep := !tight && len(dst) > base
		if sep {
			dst = append(dst, "")
		}
		start := len(dst)
		dst = trimBlankFrom(r.appendBlock(dst, c, width), start)
		switch {
		case len(dst) > start:
			lastRule = rule
		case sep:
			dst = dst[:start-1]
		}
	}
	return dst
}

// trimBlankFrom drops the blank lines at either end of dst[start:].
func trimBlankFrom(dst []string, start int) []string {
	end := len(dst)
	for end > start && isBlankLine(dst[end-1]) {
		end--
	}
	i := start
	for i < end && isBlankLine(dst[i]) {
		i++
	}
	if i > start {
		copy(dst[start:], dst[i:end])
		end -= i - start
	}
	return dst[:end]
}

// rule is the longest thematic break.
var rule = strings.Repeat("-", maxRule)

// appendBlock appends the lines of one block node.
func (r *renderer) appendBlock(dst []string, n ast.Node, width int) []string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return r.appendParas(dst, r.inlineParas(n), width)
	case *ast.Heading:
		return r.appendHeading(dst, n, width)
	case *ast.ThematicBreak:
		return append(dst, rule[:min(width, maxRule)])
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return r.appendCode(dst, n)
	case *ast.Blockquote:
		return r.appendQuote(dst, n, width)
	case *ast.List:
		return r.appendList(dst, n, width)
	case *ast.HTMLBlock, *east.FootnoteList:
		return dst
	case *east.Table:
		return r.appendTable(dst, n, width)
	}
	if n.Type() == ast.TypeInline {
		return dst
	}
	if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
		return r.appendParas(dst, r.inlineParas(n), width)
	}
	return r.appendBlocks(dst, n, width, false)
}

// appendParas wraps each para to width; an empty para is an empty line.
func (r *renderer) appendParas(dst []string, ps []para, width int) []string {
	for _, p := range ps {
		n := len(dst)
		if dst = r.appendWrap(dst, p.s, width, p.glue); len(dst) == n {
			dst = append(dst, "")
		}
	}
	return dst
}

// appendWrap is appendWrap, keeping track of lines that cleanLine has to
// mend.
func (r *renderer) appendWrap(dst []string, s string, width int, glue []int) []string {
	lines, known := appendWrap(dst, s, width, glue)
	if !known {
		for _, l := range lines[len(dst):] {
			r.check(l)
		}
	}
	return lines
}

// appendHeading appends a heading and its underline.
func (r *renderer) appendHeading(dst []string, n *ast.Heading, width int) []string {
	start := len(dst)
	dst = r.appendParas(dst, r.inlineParas(n), width)
	w := 0
	for _, l := range dst[start:] {
		w = max(w, textWidth(l))
	}
	if w == 0 {
		return dst[:start]
	}
	rule := "-"
	if n.Level <= 2 {
		rule = "="
	}
	return append(dst, strings.Repeat(rule, min(w, width)))
}

// preIndent sets off what is not wrapped, code blocks and aligned tables,
// from the prose around it: every line of it is indented by four spaces,
// the way plain text (e-mail, RFCs, Markdown itself) shows code. A line
// that would read as a heading or a list item in prose ("# 見出し", "- a")
// does not, indented; every reader shows it, Lynx, sacc and other
// terminal clients included, and it costs no line above or below that
// could be taken for a thematic break or a heading's underline. Copied,
// the code keeps its own indentation under the four spaces, which an
// editor removes in one step. The indent keeps the output bound: a table
// row continued lazily, "a" and a newline, writes at most maxIndent cells
// of prefix, preIndent, "a" and CRLF, 31 bytes for 2 (OutputFactor is 20);
// a code line inside a container carries that container's markers in its
// Markdown.
const preIndent = "    "

// appendCode appends a code block as it is, tabs expanded (to stops
// counted from the code's own first column), each line after preIndent.
// A blank line stays empty.
func (r *renderer) appendCode(dst []string, n ast.Node) []string {
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		l := expandTabs(strings.TrimRight(string(seg.Value(r.src)), "\r\n"))
		if strings.TrimRight(l, " ") == "" {
			dst = append(dst, "")
			continue
		}
		dst = append(dst, r.check(preIndent+l))
	}
	return dst
}

// appendQuote appends a blockquote, "> " before every line, or, nested too
// deep, its blocks as they are.
func (r *renderer) appendQuote(dst []string, n ast.Node, width int) []string {
	const prefix = "> "
	if !r.nests(len(prefix)) {
		return r.appendBlocks(dst, n, width, false)
	}
	start := len(dst)
	r.enter(len(prefix))
	dst = r.appendBlocks(dst, n, r.inner(width, len(prefix)), false)
	r.leave(len(prefix))
	prefixLines(dst[start:], prefix, prefix)
	return dst
}

// prefixLines puts first before the first line and rest before the others; a
// blank line gets the prefix without its trailing spaces. It changes lines
// in place and returns it.
func prefixLines(lines []string, first, rest string) []string {
	prefix := func(i int) string {
		p := rest
		if i == 0 {
			p = first
		}
		if lines[i] == "" {
			p = strings.TrimRight(p, " ")
		}
		return p
	}
	// One string holds all the lines, rather than one string each.
	var sb strings.Builder
	n := 0
	for i, l := range lines {
		n += len(prefix(i)) + len(l)
	}
	sb.Grow(n)
	for i, l := range lines {
		sb.WriteString(prefix(i))
		sb.WriteString(l)
	}
	all := sb.String()
	for i, l := range lines {
		n := len(prefix(i)) + len(l)
		lines[i], all = all[:n], all[n:]
	}
	return lines
}

// appendList appends a list; items are separated by blank lines unless
// the list is tight.
func (r *renderer) appendList(dst []string, n *ast.List, width int) []string {
	ordered := n.IsOrdered()
	digits := len(strconv.Itoa(n.Start + max(n.ChildCount()-1, 0)))
	base := len(dst)
	i := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		marker := "* "
		if ordered {
			num := strconv.Itoa(n.Start + i)
			marker = spaces(max(digits-len(num), 0)) + num + ". "
		}
		i++
		if !n.IsTight && len(dst) > base {
			dst = append(dst, "")
		}
		dst = r.appendItem(dst, c, marker, width, n.IsTight)
	}
	return dst
}

// spaces returns n spaces, without allocating when n is small.
func spaces(n int) string {
	const s = "                                                                "
	if n <= len(s) {
		return s[:n]
	}
	return strings.Repeat(" ", n)
}

// appendItem appends a container (list item, footnote) after marker, its
// other lines indented to the text column.
func (r *renderer) appendItem(dst []string, n ast.Node, marker string, width int, tight bool) []string {
	mw := textWidth(marker)
	if !r.nests(mw) {
		return r.appendFlatItem(dst, n, marker, width, tight)
	}
	start := len(dst)
	r.enter(mw)
	dst = r.appendBlocks(dst, n, r.inner(width, mw), tight)
	r.leave(mw)
	if len(dst) == start {
		dst = append(dst, "")
	}
	prefixLines(dst[start:], marker, spaces(mw))
	return dst
}

// appendFlatItem appends an item nested too deep: its own blocks after
// marker, and its lists and quotes, flattened in turn, all at the item's
// own column. An item that starts with a list or quote has its marker on a
// line of its own. There is no hanging indent: only the marker, paid for
// by the marker in the Markdown, makes a line wider than maxIndent.
func (r *renderer) appendFlatItem(dst []string, n ast.Node, marker string, width int, tight bool) []string {
	mw := textWidth(marker)
	const indent = ""
	base := len(dst)
	own := -1 // the start of the own blocks not yet indented, if any
	marked := false
	flush := func() {
		if own < 0 {
			return
		}
		if marked {
			prefixLines(dst[own:], indent, indent)
		} else {
			prefixLines(dst[own:], marker, indent)
			marked = true
		}
		own = -1
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		mark := len(dst)
		if !tight && len(dst) > base {
			dst = append(dst, "")
		}
		start := len(dst)
		switch c.(type) {
		case *ast.List, *ast.Blockquote:
			flush()
			if !marked {
				dst = append(dst, strings.TrimRight(marker, " "))
				marked = true
			}
			from := len(dst)
			dst = trimBlankFrom(r.appendBlock(dst, c, width), from)
		default:
			if own < 0 {
				own = start
			}
			dst = trimBlankFrom(r.appendBlock(dst, c, r.inner(width, mw)), start)
			if len(dst) == start && own == start {
				own = -1
			}
		}
		if len(dst) == start {
			dst = dst[:mark] // nothing but the separator
		}
	}
	flush()
	if !marked {
		dst = append(dst, strings.TrimRight(marker, " "))
	}
	return dst
}

// footnotes returns the notes of the document, in the order of their
// numbers (goldmark's, those of the references in the text).
func footnotes(doc ast.Node) []*east.Footnote {
	var notes []*east.Footnote
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		list, ok := c.(*east.FootnoteList)
		if !ok {
			continue
		}
		for f := list.FirstChild(); f != nil; f = f.NextSibling() {
			if fn, ok := f.(*east.Footnote); ok && fn.Index > 0 {
				notes = append(notes, fn)
			}
		}
	}
	return notes
}

// endsWithRule reports whether the last line of lines that is not blank
// is a thematic break's.
func endsWithRule(lines []string) bool {
	lines = trimBlank(lines)
	return len(lines) > 0 && strings.Trim(lines[len(lines)-1], "-") == "" && len(lines[len(lines)-1]) >= 3
}

// appendFootnotes appends notes, "[n] text". When a note has more than one
// block, blank lines separate the notes so that the blocks of one note are
// not taken for another.
func (r *renderer) appendFootnotes(dst []string, notes []*east.Footnote) []string {
	loose := false
	for _, fn := range notes {
		loose = loose || fn.ChildCount() > 1
	}
	base := len(dst)
	for _, fn := range notes {
		if loose && len(dst) > base {
			dst = append(dst, "")
		}
		dst = r.appendItem(dst, fn, "["+strconv.Itoa(fn.Index)+"] ", r.width, false)
	}
	return dst
}

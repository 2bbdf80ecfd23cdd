package gopher

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// minWidth is the narrowest a container (list item, quote) wraps its text
// to, however deep it is nested: past that, lines outgrow the width rather
// than shrink to a character or two.
const minWidth = 10

// maxRule caps the length of a thematic break, whatever the width asked.
const maxRule = 1024

// inner returns the width left inside a container whose prefix takes used
// cells.
func (r *renderer) inner(width, used int) int {
	return max(width-used, min(r.width, minWidth))
}

// blocks renders the block children of n, separated by blank lines unless
// tight.
func (r *renderer) blocks(n ast.Node, width int, tight bool) []string {
	var buf [8][]string
	parts := buf[:0]
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if b := trimBlank(r.block(c, width)); len(b) > 0 {
			parts = append(parts, b)
		}
	}
	return joinParts(parts, !tight)
}

// joinParts joins the non-empty parts, with a blank line between two if
// blank, copying them once (or not at all when there is one part).
func joinParts(parts [][]string, blank bool) []string {
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	lines := make([]string, 0, n)
	for i, p := range parts {
		if i > 0 && blank {
			lines = append(lines, "")
		}
		lines = append(lines, p...)
	}
	return lines
}

// block renders one block node.
func (r *renderer) block(n ast.Node, width int) []string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return r.wrapParas(r.inlineParas(n), width)
	case *ast.Heading:
		return r.heading(n, width)
	case *ast.ThematicBreak:
		return []string{strings.Repeat("-", min(width, maxRule))}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return r.code(n)
	case *ast.Blockquote:
		return prefixLines(r.blocks(n, r.inner(width, 2), false), "> ", "> ")
	case *ast.List:
		return r.list(n, width)
	case *ast.HTMLBlock, *east.FootnoteList:
		return nil
	case *east.Table:
		return r.table(n)
	}
	if n.Type() == ast.TypeInline {
		return nil
	}
	if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
		return r.wrapParas(r.inlineParas(n), width)
	}
	return r.blocks(n, width, false)
}

// wrapParas wraps each para to width; an empty para is an empty line.
func (r *renderer) wrapParas(ps []para, width int) []string {
	// Room for the lines: most often too much (a character takes 2 or 3
	// bytes of Japanese for 2 cells), never many times too much.
	n := 0
	for _, p := range ps {
		n += len(p.s)/max(width, 1) + 1
	}
	lines := make([]string, 0, n)
	for _, p := range ps {
		n := len(lines)
		if lines = r.appendWrap(lines, p.s, width, p.glue); len(lines) == n {
			lines = append(lines, "")
		}
	}
	return lines
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

// heading renders a heading and its underline.
func (r *renderer) heading(n *ast.Heading, width int) []string {
	lines := r.wrapParas(r.inlineParas(n), width)
	w := 0
	for _, l := range lines {
		w = max(w, textWidth(l))
	}
	if w == 0 {
		return nil
	}
	rule := "-"
	if n.Level <= 2 {
		rule = "="
	}
	return append(lines, strings.Repeat(rule, min(w, width)))
}

// code renders a code block as it is, tabs expanded.
func (r *renderer) code(n ast.Node) []string {
	var lines []string
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		l := strings.TrimRight(string(seg.Value(r.src)), "\r\n")
		lines = append(lines, r.check(expandTabs(l)))
	}
	return lines
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

// list renders a list; items are separated by blank lines unless the list
// is tight.
func (r *renderer) list(n *ast.List, width int) []string {
	ordered := n.IsOrdered()
	count := n.ChildCount()
	digits := len(strconv.Itoa(n.Start + max(count-1, 0)))
	parts := make([][]string, 0, count)
	i := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		marker := "* "
		if ordered {
			num := strconv.Itoa(n.Start + i)
			marker = spaces(max(digits-len(num), 0)) + num + ". "
		}
		i++
		parts = append(parts, r.item(c, marker, width, n.IsTight))
	}
	return joinParts(parts, !n.IsTight)
}

// spaces returns n spaces, without allocating when n is small.
func spaces(n int) string {
	const s = "                                                                "
	if n <= len(s) {
		return s[:n]
	}
	return strings.Repeat(" ", n)
}

// item renders a container (list item, footnote) after marker, its other
// lines indented to the text column.
func (r *renderer) item(n ast.Node, marker string, width int, tight bool) []string {
	mw := textWidth(marker)
	body := r.blocks(n, r.inner(width, mw), tight)
	if len(body) == 0 {
		body = []string{""}
	}
	return prefixLines(body, marker, spaces(mw))
}

// footnotes renders the notes of the document, in the order of their
// numbers. When a note has more than one block, blank lines separate the
// notes so that the blocks of one note are not taken for another.
func (r *renderer) footnotes(doc ast.Node) []string {
	var notes []*east.Footnote
	loose := false
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		list, ok := c.(*east.FootnoteList)
		if !ok {
			continue
		}
		for f := list.FirstChild(); f != nil; f = f.NextSibling() {
			if fn, ok := f.(*east.Footnote); ok && fn.Index > 0 {
				notes = append(notes, fn)
				loose = loose || fn.ChildCount() > 1
			}
		}
	}
	var lines []string
	for _, fn := range notes {
		if loose && len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, r.item(fn, "[^"+strconv.Itoa(fn.Index)+"] ", r.width, false)...)
	}
	return lines
}

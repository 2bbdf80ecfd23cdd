package gopher

import (
	"strconv"
	"strings"

	"github.com/rivo/uniseg"
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
	var lines []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b := trimBlank(r.block(c, width))
		if len(b) == 0 {
			continue
		}
		if len(lines) > 0 && !tight {
			lines = append(lines, "")
		}
		lines = append(lines, b...)
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
	var lines []string
	for _, p := range ps {
		w := wrap(p.s, width, p.glue)
		if len(w) == 0 {
			w = []string{""}
		}
		lines = append(lines, w...)
	}
	return lines
}

// heading renders a heading and its underline.
func (r *renderer) heading(n *ast.Heading, width int) []string {
	lines := r.wrapParas(r.inlineParas(n), width)
	w := 0
	for _, l := range lines {
		w = max(w, uniseg.StringWidth(l))
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
		lines = append(lines, expandTabs(l))
	}
	return lines
}

// prefixLines puts first before the first line and rest before the others; a
// blank line gets the prefix without its trailing spaces.
func prefixLines(lines []string, first, rest string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" {
			p = strings.TrimRight(p, " ")
		}
		out[i] = p + l
	}
	return out
}

// list renders a list; items are separated by blank lines unless the list
// is tight.
func (r *renderer) list(n *ast.List, width int) []string {
	ordered := n.IsOrdered()
	count := n.ChildCount()
	digits := len(strconv.Itoa(n.Start + max(count-1, 0)))
	var lines []string
	i := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		marker := "* "
		if ordered {
			num := strconv.Itoa(n.Start + i)
			marker = strings.Repeat(" ", max(digits-len(num), 0)) + num + ". "
		}
		i++
		item := r.item(c, marker, width, n.IsTight)
		if len(lines) > 0 && !n.IsTight {
			lines = append(lines, "")
		}
		lines = append(lines, item...)
	}
	return lines
}

// item renders a container (list item, footnote) after marker, its other
// lines indented to the text column.
func (r *renderer) item(n ast.Node, marker string, width int, tight bool) []string {
	mw := uniseg.StringWidth(marker)
	body := r.blocks(n, r.inner(width, mw), tight)
	if len(body) == 0 {
		body = []string{""}
	}
	return prefixLines(body, marker, strings.Repeat(" ", mw))
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

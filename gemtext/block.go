package gemtext

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// ruleLine is a thematic break, and the separator before the notes.
var ruleLine = []byte("~~~")

// block renders block n through frame f; its links go to r.links. top is
// set for a direct child of the document, where gemtext syntax is
// available: inside a list, quote or note a heading is plain text and a
// paragraph of links keeps its text.
func (r *renderer) block(n ast.Node, f int, top bool) {
	switch n := n.(type) {
	case *ast.Paragraph:
		r.paragraph(n, f, top)
	case *ast.TextBlock:
		r.paragraph(n, f, false)
	case *ast.Heading:
		r.heading(n, f, top)
	case *ast.ThematicBreak:
		r.emit(f, kindMark, ruleLine)
	case *ast.FencedCodeBlock:
		var info []byte
		if n.Info != nil {
			info = n.Info.Segment.Value(r.src)
		}
		r.code(n, f, info)
	case *ast.CodeBlock:
		r.code(n, f, nil)
	case *ast.Blockquote:
		if !r.nests(f, len(quotePrefix)) {
			r.flatten(n, f)
			break
		}
		r.level++
		q := r.push(frame{kind: frameQuote, parent: f})
		r.blocks(n, q)
		r.pop(q)
		r.level--
	case *ast.List:
		r.list(n, f, 0)
	case *ast.HTMLBlock:
		// Raw HTML never leaks.
	case *east.Table:
		r.table(n, f)
	case *east.FootnoteList:
		// Only meaningful at the end of the document.
	default:
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			r.paragraph(n, f, false)
		} else {
			r.blocks(n, f)
		}
	}
}

// blocks renders n's child blocks, a blank line between them.
func (r *renderer) blocks(n ast.Node, f int) {
	j := r.push(frame{kind: frameJoin, parent: f})
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.next(j)
		r.block(c, j, false)
	}
	r.pop(j)
}

// paragraph renders a block of inline content. At the top level, a
// paragraph of nothing but links and images gives no text: its link lines
// say it all.
func (r *renderer) paragraph(n ast.Node, f int, top bool) {
	in := r.newInliner()
	in.children(n)
	if top && in.linked > 0 && !in.plain {
		return
	}
	for _, l := range in.lines() {
		r.emit(f, kindText, l)
	}
}

// heading renders a heading line, h4 to h6 clamped to ###, or, below the
// top level, the heading's text.
func (r *renderer) heading(n *ast.Heading, f int, top bool) {
	in := r.newInliner()
	in.children(n)
	level := 0
	if top {
		level = min(max(n.Level, 1), 3)
		r.scratch = append(append(r.scratch[:0], "###"[:level]...), ' ')
	} else {
		r.scratch = r.scratch[:0]
	}
	start := len(r.scratch)
	r.scratch = in.appendJoined(r.scratch)
	if len(r.scratch) == start {
		return // an empty heading is dropped
	}
	if !top {
		r.emit(f, kindText, r.scratch)
		return
	}
	r.emit(f, kindMark, r.scratch)
}

// code renders a preformatted block with info, cleaned, as alt text.
// Content lines are kept as they are, except for control characters (see
// appendPreClean) and that a line starting with ``` gets a leading space
// so that it does not end the block.
func (r *renderer) code(n ast.Node, f int, info []byte) {
	r.scratch = append(r.scratch[:0], "```"...)
	if info != nil {
		r.scratch = appendClean(r.scratch, r.decode(info))
		// TrimSpace, as alt text; the copy may overlap, which append allows.
		r.scratch = append(r.scratch[:3], bytes.TrimSpace(r.scratch[3:])...)
	}
	r.emit(f, kindPre, r.scratch)
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		v := seg.Value(r.src)
		v = bytes.TrimSuffix(v, newline)
		for {
			l, rest, more := bytes.Cut(v, newline)
			r.preLine(f, l)
			if !more {
				break
			}
			v = rest
		}
	}
	r.emit(f, kindPre, fence)
}

var (
	newline = []byte("\n")
	fence   = []byte("```")
)

// preLine emits l, a line of a code block, with its controls made
// harmless (see appendPreClean) and a leading space if it starts with ```.
func (r *renderer) preLine(f int, l []byte) {
	if !needsPreClean(l) && !isFence(l) {
		r.emit(f, kindPre, l)
		return
	}
	// The line is built after a space, which is kept only if needed.
	b := appendPreClean(append(r.scratch[:0], ' '), l)
	r.scratch = b
	if isFence(b[1:]) {
		r.emit(f, kindPre, b)
	} else {
		r.emit(f, kindPre, b[1:])
	}
}

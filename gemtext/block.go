package gemtext

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// block returns the lines of block n; its links go to links. top is set for
// a direct child of the document, where gemtext syntax is available: inside
// a list, quote or note a heading is plain text and a paragraph of links
// keeps its text.
func (r *renderer) block(n ast.Node, links *linkSet, top bool) []line {
	switch n := n.(type) {
	case *ast.Paragraph:
		return r.paragraph(n, links, top)
	case *ast.TextBlock:
		return r.paragraph(n, links, false)
	case *ast.Heading:
		return r.heading(n, links, top)
	case *ast.ThematicBreak:
		return []line{markLine("~~~")}
	case *ast.FencedCodeBlock:
		info := ""
		if n.Info != nil {
			info = strings.TrimSpace(clean(decode(n.Info.Segment.Value(r.src))))
		}
		return r.code(n, info)
	case *ast.CodeBlock:
		return r.code(n, "")
	case *ast.Blockquote:
		return r.quote(n, links)
	case *ast.List:
		return r.list(n, links, 0)
	case *ast.HTMLBlock:
		return nil // raw HTML never leaks
	case *east.Table:
		return r.table(n, links)
	case *east.FootnoteList:
		return nil // only meaningful at the end of the document
	}
	if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
		return r.paragraph(n, links, false)
	}
	return r.blocks(n, links)
}

// blocks returns the lines of n's child blocks, a blank line between them.
func (r *renderer) blocks(n ast.Node, links *linkSet) []line {
	var out []line
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = joinBlocks(out, r.block(c, links, false), &blank)
	}
	return out
}

// paragraph returns the lines of a block of inline content. At the top
// level, a paragraph of nothing but links and images gives no text: its
// link lines say it all.
func (r *renderer) paragraph(n ast.Node, links *linkSet, top bool) []line {
	in := r.newInliner(links)
	in.children(n)
	if top && in.linked > 0 && !in.plain {
		return nil
	}
	ls := in.lines()
	out := make([]line, len(ls))
	for i, s := range ls {
		out[i] = textLine(s)
	}
	return out
}

// heading returns a heading line, h4 to h6 clamped to ###, or, below the
// top level, the heading's text.
func (r *renderer) heading(n *ast.Heading, links *linkSet, top bool) []line {
	in := r.newInliner(links)
	in.children(n)
	s := strings.Join(in.lines(), " ")
	if s == "" {
		return nil
	}
	if !top {
		return []line{textLine(s)}
	}
	level := min(max(n.Level, 1), 3)
	return []line{markLine(strings.Repeat("#", level) + " " + s)}
}

// code returns a preformatted block with info as alt text. Content lines
// are kept as they are, except that one starting with ``` gets a leading
// space so that it does not end the block.
func (r *renderer) code(n ast.Node, info string) []line {
	segs := n.Lines()
	out := make([]line, 0, segs.Len()+2)
	out = append(out, preLine("```"+info))
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		v := string(seg.Value(r.src))
		v = strings.TrimSuffix(v, "\n")
		v = strings.ReplaceAll(v, "\r", "")
		v = strings.ReplaceAll(v, "\x00", "\uFFFD")
		for _, s := range strings.Split(v, "\n") {
			out = append(out, preLine(escapePre(s)))
		}
	}
	return append(out, preLine("```"))
}

// quote returns a blockquote: every line "> ", a ">" line between its
// blocks. A quote inside it is marked "> > ". Preformatted blocks cannot be
// quoted in gemtext: they interrupt the quote and stay preformatted.
func (r *renderer) quote(n *ast.Blockquote, links *linkSet) []line {
	inner := r.blocks(n, links)
	out := make([]line, 0, len(inner))
	for _, l := range inner {
		switch l.kind {
		case kindBlank:
			out = append(out, markLine(">"))
		case kindPre:
			out = append(out, l)
		default:
			out = append(out, markLine("> "+l.s))
		}
	}
	return out
}

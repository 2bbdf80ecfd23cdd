package markup

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A Document is a post's Markdown, parsed, with what was lowered.
type Document struct {
	// Root is the parsed post, lowered: only Markdown nodes.
	Root ast.Node
	// Source is what the nodes' segments point into: the post's own text
	// first, then the Markdown written by lowering. Render with it.
	Source []byte

	parser  parser.Parser
	own     int      // the length of the post's own text in Source
	origins []origin // where each written piece stands in the post's own text, in Source order
	labels  Labels
	// markdownDepth is how many MarkdownTag elements the HTML being
	// lowered is in (see maxMarkdownDepth).
	markdownDepth int
}

// An origin says that Source from start on was written for the post's
// text at offset.
type origin struct{ start, offset int }

// Offset is o, an offset in Source, as an offset in the post's own text:
// a node lowered from an HTML block has the block's offset, so that a
// warning about it names the line the author wrote.
func (d *Document) Offset(o int) int {
	if o < d.own {
		return o
	}
	i := sort.Search(len(d.origins), func(i int) bool { return d.origins[i].start > o })
	if i == 0 {
		return d.own
	}
	return d.origins[i-1].offset
}

// writeText appends s to Source for the post's text at offset and returns
// its segment, for a node that holds text (ast.Text, a code block's line).
func (d *Document) writeText(s string, offset int) text.Segment {
	d.origins = append(d.origins, origin{start: len(d.Source), offset: offset})
	start := len(d.Source)
	d.Source = append(d.Source, s...)
	return text.NewSegment(start, len(d.Source))
}

// writeMarkdown parses md, Markdown written for the post's text at offset,
// as a document of its own, and returns its blocks, detached, to take the
// place of a node. Their segments point into Source.
//
// md is parsed on its own, so that nothing unclosed in it (a fence, a
// list) reaches the post's blocks after it: it is written after a blank
// line, and the parser starts at that line.
func (d *Document) writeMarkdown(md string, offset int) []ast.Node {
	if len(d.Source) > 0 && d.Source[len(d.Source)-1] != '\n' {
		d.Source = append(d.Source, '\n')
	}
	blank := len(d.Source)
	d.origins = append(d.origins, origin{start: blank, offset: offset})
	d.Source = append(d.Source, '\n')
	d.Source = append(d.Source, md...)
	d.Source = append(d.Source, '\n')
	r := text.NewReader(d.Source)
	// Start on the blank line, then step onto md: AdvanceLine sets the
	// reader's line head, which tab widths are measured from.
	r.SetPosition(0, text.NewSegment(blank, blank+1))
	r.AdvanceLine()
	root := d.parser.Parse(r)
	var blocks []ast.Node
	for c := root.FirstChild(); c != nil; {
		next := c.NextSibling()
		root.RemoveChild(root, c)
		blocks = append(blocks, c)
		c = next
	}
	return blocks
}

// replace puts blocks where n is, n removed.
func replace(n ast.Node, blocks []ast.Node) {
	parent := n.Parent()
	for _, b := range blocks {
		parent.InsertBefore(parent, n, b)
	}
	parent.RemoveChild(parent, n)
}

// longestRun is the length of the longest run of c in s: a fence or a
// code span's backticks must be longer than any run inside.
func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

package capsule

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TestLinkRefGuardAsGoldmark checks that the guard, which does not hand
// goldmark's link reference transformer a paragraph that does not start
// with "[", leaves the same tree as the transformer alone, on random
// paragraphs of definitions, labels, spaces, tabs and text.
func TestLinkRefGuardAsGoldmark(t *testing.T) {
	guarded := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefGuard{parser.LinkReferenceParagraphTransformer}, 100)))
	plain := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(parser.LinkReferenceParagraphTransformer, 100)))
	pieces := []string{"a", " ", "  ", "   ", "    ", "\t", "\n", "[x]: /u", "[x]: /u \"t\"", "[y]:\n/v", "[x]", "[x][]", "[]", "[", "]", ":",
		"漢字", "> ", "* ", "\x00", "\\[", "[x]: <>", "\n\n", "*[x]: /u*", "=\n", "---\n"}
	rng := rand.New(rand.NewSource(2))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(10) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		src := []byte(b.String())
		if got, want := treeOf(guarded, src), treeOf(plain, src); got != want {
			t.Fatalf("%q:\n got %s\nwant %s", src, got, want)
		}
	}
}

// treeOf is the tree p makes of src, written out: kinds, lines, texts.
func treeOf(p parser.Parser, src []byte) string {
	var b strings.Builder
	ast.Walk(p.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			b.WriteString(")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "(%s", n.Kind())
		if n.Type() == ast.TypeBlock {
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				fmt.Fprintf(&b, " %d-%d+%d", seg.Start, seg.Stop, seg.Padding)
			}
		}
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %q", n.Segment.Value(src))
		case *ast.Link:
			fmt.Fprintf(&b, " %q %q", n.Destination, n.Title)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

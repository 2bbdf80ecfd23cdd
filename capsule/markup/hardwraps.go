package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HardWraps makes every line break inside a paragraph a hard one, as the
// site's generator is told to: Hugo's markup.goldmark.renderer.hardWraps,
// kramdown's hard_wrap in Jekyll. Authors who write one line per line of
// their text (a poem, a Japanese diary) see their lines kept, where a soft
// break would join them. A heading stays one line (a setext heading may
// be written on two): gemtext's and Gopher's headings are lines. (A code
// span's line break is no break to goldmark but a character of the span,
// drawn as a space.)
type HardWraps struct{}

func (HardWraps) Extend(m goldmark.Markdown) {
	// After every other transformer: textMerger joins text nodes only
	// across soft breaks' absence, and math and emoji split them.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(hardWrapper{}, 20000)))
}

type hardWrapper struct{}

func (hardWrapper) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if n.SoftLineBreak() {
				n.SetSoftLineBreak(false)
				n.SetHardLineBreak(true)
			}
		}
		return ast.WalkContinue, nil
	})
}

package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NewStrikethroughParser is goldmark's strikethrough parser for "~~"
// alone: a single "~" is text. goldmark (from 1.7) strikes "~text~" too,
// and in Japanese a "~" is a range: "所要時間は1~2時間、費用は3~4万円" lost
// "~2時間、費用は3~" to a strike, whose marks the renderers drop, and read
// "12時間". Hugo before 0.128 and Jekyll's kramdown strike "~~" only.
func NewStrikethroughParser() parser.InlineParser {
	return doubleTilde{extension.NewStrikethroughParser()}
}

// Strikethrough is extension.Strikethrough with NewStrikethroughParser.
var Strikethrough goldmark.Extender = strikethrough{}

type strikethrough struct{}

func (strikethrough) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(NewStrikethroughParser(), 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500)))
}

type doubleTilde struct{ parser.InlineParser }

func (d doubleTilde) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 2 || line[1] != '~' || len(line) > 2 && line[2] == '~' {
		return nil // one "~" (or three): text; goldmark's takes no run of three either
	}
	return d.InlineParser.Parse(parent, block, pc)
}

// CloseBlock is the parser's, if it has one.
func (d doubleTilde) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if c, ok := d.InlineParser.(parser.CloseBlocker); ok {
		c.CloseBlock(parent, block, pc)
	}
}

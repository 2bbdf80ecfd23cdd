package markup

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NewKramdownEmphasisParser is goldmark's emphasis parser with kramdown's
// reading of "*" beside Japanese: kramdown opens emphasis where a space
// does not follow the marks and closes it where a space does not precede
// them, while CommonMark's flanking rules refuse "**「重要」**です" (the
// closing marks follow punctuation and precede a letter), and Jekyll
// posts in Japanese showed their asterisks (11 of realcoding2003's). Only
// marks beside an East Asian wide character take kramdown's rule; "_",
// and "*" among Latin text, keep CommonMark's. Hugo's goldmark reads
// CommonMark's rule alone: this is for kramdown sites (Markup.Kramdown).
func NewKramdownEmphasisParser() parser.InlineParser { return kramdownEmphasis{} }

type kramdownEmphasis struct{}

// emphasisProcessor is goldmark's emphasis delimiter processor, which
// it does not export.
type emphasisProcessor struct{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }
func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}
func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

func (kramdownEmphasis) Trigger() []byte { return []byte{'*', '_'} }

func (kramdownEmphasis) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := parser.ScanDelimiter(line, before, 1, emphasisProcessor{})
	if node == nil {
		return nil
	}
	if node.Char == '*' && (!node.CanOpen || !node.CanClose) {
		after := '\n'
		if node.OriginalLength < len(line) {
			after, _ = utf8.DecodeRune(line[node.OriginalLength:])
		}
		if util.IsEastAsianWideRune(before) || util.IsEastAsianWideRune(after) {
			node.CanOpen = node.CanOpen || !unicode.IsSpace(after)
			node.CanClose = node.CanClose || !unicode.IsSpace(before)
		}
	}
	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}

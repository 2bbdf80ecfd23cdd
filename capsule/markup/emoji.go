package markup

import (
	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Emoji is the goldmark extension that reads GitHub's emoji codes
// (":tada:"), as Hugo's enableEmoji and Jekyll's jemoji do, with
// yuin/goldmark-emoji's parser. Lowering makes each one the text of its
// emoji (🎉); a code with no Unicode emoji (":octocat:") stays as typed.
// Codes in code spans and code blocks are not read: they are code.
type Emoji struct{}

// Extend adds the emoji parser to m.
func (Emoji) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(emoji.NewParser(), 999)))
}

func emojiNode(n ast.Node) bool { return n.Kind() == emojiast.KindEmoji }

// lowerEmoji replaces n, an emoji, with its text.
func (d *Document) lowerEmoji(n *emojiast.Emoji) {
	s := ":" + string(n.ShortName) + ":"
	if n.Value != nil && n.Value.IsUnicode() {
		s = string(n.Value.Unicode)
	}
	offset := 0
	if n.Parent() != nil && n.PreviousSibling() != nil {
		if t, ok := n.PreviousSibling().(*ast.Text); ok {
			offset = t.Segment.Stop
		}
	}
	replace(n, []ast.Node{ast.NewTextSegment(d.writeText(s, d.Offset(offset)))})
}

package markup

import (
	"strings"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
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

// textMerger joins the ast.Text nodes that the emoji and math parsers
// split: goldmark ends a text node wherever an inline parser was tried and
// found nothing, and these are tried at every ":", "$" and "\". Without
// this, the text "訳注：http://example.com/" would be two nodes,
// "訳注：http" and "://example.com/", and the bare URL in it no longer one
// (gemtext links bare URLs in running text). Nodes split at other
// characters (by the link parser at "]") stay as goldmark leaves them.
// Linear: each node is looked at once.
type textMerger struct{}

func (textMerger) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		for {
			next, ok := t.NextSibling().(*ast.Text)
			if !ok || t.SoftLineBreak() || t.HardLineBreak() || t.IsRaw() != next.IsRaw() ||
				t.Segment.Stop != next.Segment.Start || t.Segment.Padding != 0 || next.Segment.Padding != 0 ||
				next.Segment.IsEmpty() || !strings.ContainsRune(":$\\", rune(src[next.Segment.Start])) {
				break
			}
			t.Segment = t.Segment.WithStop(next.Segment.Stop)
			t.SetSoftLineBreak(next.SoftLineBreak())
			t.SetHardLineBreak(next.HardLineBreak())
			t.Parent().RemoveChild(t.Parent(), next)
		}
		return ast.WalkContinue, nil
	})
}

package markup

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Warn is told of something of a post that lowering could not draw:
// offset is in the post's own text, kind is a few words always the same
// for the same sort ("script dropped"), msg says what and why.
type Warn func(offset int, kind string, msg func() string)

// Parse parses body, a post's Markdown, with p, and lowers the result.
// warn may be nil.
func Parse(p parser.Parser, body []byte, warn Warn) *Document {
	if warn == nil {
		warn = func(int, string, func() string) {}
	}
	// body[:len:len]: the first write copies, so body's array, which
	// the post shares with later builds, is never written to.
	d := &Document{Source: body[:len(body):len(body)], parser: p, own: len(body)}
	d.Root = p.Parse(text.NewReader(body))
	d.lower(warn)
	return d
}

// lower replaces every node the renderers do not draw. The nodes to lower
// are found first and replaced after, since a walk must not see the tree
// change under it.
func (d *Document) lower(warn Warn) {
	var todo []ast.Node
	ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && lowered(n) {
			todo = append(todo, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range todo {
		d.lowerNode(n, warn)
	}
}

// lowered reports whether n is a node lowering replaces.
func lowered(n ast.Node) bool {
	switch {
	case mathNode(n) || emojiNode(n):
		return true
	}
	return false
}

// lowerNode replaces n with the Markdown it stands for.
func (d *Document) lowerNode(n ast.Node, warn Warn) {
	switch {
	case mathNode(n) || emojiNode(n):
		d.lowerMath(n)
	}
}

package gemtext

import (
	"fmt"
	"io"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Options adjusts rendering.
type Options struct {
	// Link rewrites a link or image destination before it is written out,
	// e.g. a link to another post becomes that post's Gemini path.
	// nil keeps destinations as written.
	Link func(dest string) string
}

// Render writes doc, parsed from source, to w as gemtext.
//
// doc is normally the *ast.Document goldmark's parser returns; any other
// node is rendered as the only block of a document. Render reads the tree
// and never changes it, so the same tree can be rendered again, as gemtext
// or otherwise. The output is written with a single Write, none for a
// document without content. Render returns the error of that Write, or an
// error if the tree cannot be rendered from source (a tree parsed from
// other bytes, say); it does not panic.
func Render(w io.Writer, source []byte, doc ast.Node, opts Options) error {
	out, err := render(source, doc, opts)
	if err != nil {
		return err
	}
	if len(out) == 0 {
		return nil
	}
	_, err = w.Write(out)
	return err
}

// render returns doc as gemtext. A panic (a tree that does not match
// source, a bug) is returned as an error rather than taking the caller down.
func render(source []byte, doc ast.Node, opts Options) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("gemtext: cannot render document: %v", v)
		}
	}()
	if doc == nil {
		return nil, nil
	}
	r := &renderer{src: source, opts: opts}
	r.document(doc)
	return assemble(r.out, len(source)), nil
}

// renderer holds the state of one Render call.
type renderer struct {
	src  []byte
	opts Options
	out  []line
	// lastRule is set when the last top-level block written was a
	// thematic break, which then also serves as the notes separator.
	lastRule bool
	inliner  inliner // see newInliner
}

// document renders the blocks of doc, one after another, a blank line
// between them, each followed by its link lines.
func (r *renderer) document(doc ast.Node) {
	if doc.Kind() != ast.KindDocument {
		r.topBlock(doc)
		return
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		r.topBlock(c)
	}
}

func (r *renderer) topBlock(n ast.Node) {
	if fl, ok := n.(*east.FootnoteList); ok {
		r.footnotes(fl)
		return
	}
	links := &linkSet{}
	lines := r.block(n, links, true)
	lines = append(lines, links.lines()...)
	if len(lines) == 0 {
		return
	}
	r.out = joinBlocks(r.out, lines, &blank)
	r.lastRule = n.Kind() == ast.KindThematicBreak
}

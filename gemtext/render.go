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
	//
	// Link returns "" (or only spaces) for a link the reader is not to be
	// offered, such as a javascript: URL: it gets no "=>" line, and its
	// label, or an image's alt text, stays in the text as if it were no
	// link at all.
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
	r := newRenderer(source, opts)
	defer r.release()
	out, err := r.render(doc)
	if err != nil || len(out) == 0 {
		return err
	}
	_, err = w.Write(out)
	return err
}

// render returns doc as gemtext, in r's buffer. A panic (a tree that does
// not match source, a bug) is returned as an error rather than taking the
// caller down.
func (r *renderer) render(doc ast.Node) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("gemtext: cannot render document: %v", v)
		}
	}()
	if doc == nil {
		return nil, nil
	}
	r.document(doc)
	r.out = sanitizeOutput(r.out)
	return r.out, nil
}

// document renders the blocks of doc, one after another, a blank line
// between them, each followed by its link lines.
func (r *renderer) document(doc ast.Node) {
	r.frames = append(r.frames[:0], frame{kind: frameJoin, parent: -1})
	if doc.Kind() != ast.KindDocument {
		r.topBlock(doc)
		return
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		r.topBlock(c)
	}
}

// topBlock renders a block of the document and its link lines.
func (r *renderer) topBlock(n ast.Node) {
	if fl, ok := n.(*east.FootnoteList); ok {
		r.footnotes(fl)
		return
	}
	r.links.reset()
	r.next(0)
	before := r.frames[0].n
	r.block(n, 0, true)
	r.linkLines(0)
	if r.frames[0].n > before {
		r.lastRule = n.Kind() == ast.KindThematicBreak
	}
}

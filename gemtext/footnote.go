package gemtext

import (
	"strconv"

	east "github.com/yuin/goldmark/extension/ast"
)

// footnotes writes the notes section that ends the document: a "~~~"
// separator (unless the document already ended with a thematic break), a
// blank line, then each note as "[1] text", further lines of a note
// indented under its text, and after all notes the link lines of the links
// in them.
func (r *renderer) footnotes(fl *east.FootnoteList) {
	if fl.FirstChild() == nil {
		return // every note has a line at least: no notes, no section
	}
	r.links.reset()
	if !r.lastRule {
		r.next(0)
		r.emit(0, kindMark, ruleLine)
	}
	r.next(0)
	i := 0
	for c := fl.FirstChild(); c != nil; c = c.NextSibling() {
		i++
		num := i
		if fn, ok := c.(*east.Footnote); ok && fn.Index > 0 {
			num = fn.Index
		}
		off := len(r.marks)
		r.marks = append(strconv.AppendInt(append(r.marks, '['), int64(num), 10), "] "...)
		m := r.pushMarker(0, off)
		r.level++
		for b := c.FirstChild(); b != nil; b = b.NextSibling() {
			r.block(b, m, false)
		}
		r.level--
		r.mark(m)
		r.pop(m)
	}
	r.linkLines(0)
	r.lastRule = false
}

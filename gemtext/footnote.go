package gemtext

import (
	"strconv"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
)

// footnotes writes the notes section that ends the document: a "~~~"
// separator (unless the document already ended with a thematic break), a
// blank line, then each note as "[1] text", further lines of a note
// indented under its text, and after all notes the link lines of the links
// in them.
func (r *renderer) footnotes(fl *east.FootnoteList) {
	links := &linkSet{}
	var out []line
	i := 0
	for c := fl.FirstChild(); c != nil; c = c.NextSibling() {
		i++
		num := i
		if fn, ok := c.(*east.Footnote); ok && fn.Index > 0 {
			num = fn.Index
		}
		tag := "[" + strconv.Itoa(num) + "] "
		cont := strings.Repeat(" ", len(tag))
		first := true
		for b := c.FirstChild(); b != nil; b = b.NextSibling() {
			for _, l := range r.block(b, links, false) {
				switch {
				case l.kind == kindBlank:
				case l.kind == kindPre:
					if first {
						out = append(out, markLine(tag))
						first = false
					}
					out = append(out, l)
				case l.s == "":
				case first:
					out = append(out, markLine(tag+l.s))
					first = false
				default:
					out = append(out, markLine(cont+l.s))
				}
			}
		}
		if first {
			out = append(out, markLine(tag))
		}
	}
	if len(out) == 0 {
		return
	}
	if !r.lastRule {
		r.out = joinBlocks(r.out, []line{markLine("~~~")}, &blank)
	}
	r.out = joinBlocks(r.out, append(out, links.lines()...), &blank)
	r.lastRule = false
}

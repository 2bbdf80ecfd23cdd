package gopher

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"capsule/gemtext/softbreak"
)

// para is one line of inline text before wrapping (hard breaks separate
// paras), with the byte offsets before which no line may start.
type para struct {
	s    string
	glue []int
}

// inline flattens inline nodes into paras.
type inline struct {
	r     *renderer
	plain bool // label text only: no reference markers, nothing numbered
	paras []para
	b     *strings.Builder // the text; paras are substrings of it
	start int              // where the current para starts in b
	glue  []int
	last  rune // last text rune written, markers not counted; 0 after a hard break
	sp    bool // b ends with a space
	soft  bool // a soft line break waits for the next text
}

// inlineParas renders the inline children of n.
func (r *renderer) inlineParas(n ast.Node) []para {
	// All paras are written into one builder, which saves growing a new
	// one for each. The strings already taken from it stay as they are
	// when it grows.
	if r.text == nil {
		r.text = &strings.Builder{}
		r.text.Grow(len(r.src))
	}
	in := &inline{r: r, b: r.text, start: r.text.Len(), paras: r.paras[:0]}
	in.walk(n)
	ps := in.done()
	r.paras = in.paras[:0] // for the next call: the caller is done with ps by then
	return ps
}

// plainText renders the inline children of n as one line of text without
// reference markers, for link labels and image descriptions.
func (r *renderer) plainText(n ast.Node) string {
	in := &inline{r: r, plain: true, b: &strings.Builder{}}
	in.walk(n)
	var parts []string
	for _, p := range in.done() {
		parts = append(parts, p.s)
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// done ends the text and returns its paras without empty ones at either end.
func (in *inline) done() []para {
	in.push()
	ps := in.paras
	for len(ps) > 0 && isSpace(ps[0].s) {
		ps = ps[1:]
	}
	for len(ps) > 0 && isSpace(ps[len(ps)-1].s) {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// isSpace reports whether strings.TrimSpace(s) is empty, mostly looking at
// one byte only.
func isSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// resolveSoft turns a waiting soft line break into a space or nothing, now
// that the next text starts with first.
func (in *inline) resolveSoft(first rune) {
	if !in.soft {
		return
	}
	in.soft = false
	if in.b.Len() == in.start || in.sp || first == ' ' {
		return
	}
	if !softbreak.Space(in.last, first) {
		return
	}
	in.b.WriteByte(' ')
	in.sp = true
}

// write appends s; text tells whether s is text (as opposed to a marker).
func (in *inline) write(s string, text bool) {
	if s == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	in.resolveSoft(first)
	in.b.WriteString(s)
	in.sp = s[len(s)-1] == ' '
	if text {
		in.last, _ = utf8.DecodeLastRuneInString(s)
	}
}

// source appends document text as the source has it, with backslash
// escapes and character references to resolve unless raw. Most text needs
// none of what text does to it, and goes in without a copy.
func (in *inline) source(b []byte, raw bool) {
	if len(b) == 0 || !isPlainText(b, raw) || (in.sp && b[0] == ' ') {
		if raw {
			in.text(string(b))
		} else {
			in.text(unescape(b))
		}
		return
	}
	first, _ := utf8.DecodeRune(b)
	in.resolveSoft(first)
	in.b.Write(b)
	in.sp = b[len(b)-1] == ' '
	in.last, _ = utf8.DecodeLastRune(b)
}

// text appends document text: line breaks and tabs become spaces, runs of
// spaces collapse into one.
func (in *inline) text(s string) {
	s = lineSpace(s)
	if !strings.Contains(s, "  ") && !(in.sp && strings.HasPrefix(s, " ")) {
		in.write(s, true)
		return
	}
	var sb strings.Builder
	prev := in.sp
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && prev {
			continue
		}
		prev = s[i] == ' '
		sb.WriteByte(s[i])
	}
	in.write(sb.String(), true)
}

// maxGluedCode is the longest code span, in bytes, whose words are not
// broken: a longer one may need its breaks to fit the line.
const maxGluedCode = 48

// glueCode keeps the words of the short code span written from begin on
// whole: a line breaks at its spaces only, not after a "\" or "/" as
// in running text, so that "\(x^2\)" (inline math, see package markup)
// or "a/b" stays as written.
func (in *inline) glueCode(begin int) {
	s := in.b.String()[begin:]
	if len(s) > maxGluedCode {
		return
	}
	for i := 1; i < len(s); i++ {
		if s[i-1] != ' ' && s[i] != ' ' && utf8.RuneStart(s[i]) && begin+i > in.start {
			in.glue = append(in.glue, begin+i-in.start)
		}
	}
}

// marker appends a reference marker, kept on the line of what precedes it.
func (in *inline) marker(s string) {
	if in.plain || s == "" {
		return
	}
	in.resolveSoft(rune(s[0]))
	if in.b.Len() > in.start && !in.sp {
		in.glue = append(in.glue, in.b.Len()-in.start)
	}
	in.write(s, false)
}

// hardBreak ends the current para; in a label it is a space.
func (in *inline) hardBreak() {
	if in.plain {
		in.soft = false
		in.text(" ")
		return
	}
	in.push()
}

// push ends the current para.
func (in *inline) push() {
	in.paras = append(in.paras, para{s: in.b.String()[in.start:], glue: in.glue})
	in.start = in.b.Len()
	in.glue = nil
	in.last, in.sp, in.soft = 0, false, false
}

// walk renders the children of n.
func (in *inline) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c)
	}
}

// brTag matches a raw HTML line break.
var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// node renders one inline node.
func (in *inline) node(n ast.Node) {
	src := in.r.src
	switch n := n.(type) {
	case *ast.Text:
		in.source(n.Segment.Value(src), n.IsRaw())
		switch {
		case n.HardLineBreak():
			in.hardBreak()
		case n.SoftLineBreak():
			in.soft = true
		}
	case *ast.String:
		in.source(n.Value, n.IsRaw() || n.IsCode())
	case *ast.CodeSpan:
		begin := in.b.Len()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				in.write(lineSpace(string(t.Segment.Value(src))), true)
			}
		}
		in.glueCode(begin)
	case *ast.Link:
		in.walk(n)
		in.link(unescape(n.Destination), in.r.plainText(n))
	case *ast.Image:
		if alt := in.r.plainText(n); alt != "" {
			in.text("[" + in.r.imageLabel + ": " + alt + "]")
			in.link(unescape(n.Destination), alt)
		} else {
			in.text("[" + in.r.imageLabel + "]")
			in.link(unescape(n.Destination), in.r.imageLabel)
		}
	case *ast.AutoLink:
		label := lineSpace(string(n.Label(src)))
		url := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		in.text(label)
		in.link(url, label)
	case *ast.RawHTML:
		var raw []byte
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			raw = append(raw, seg.Value(src)...)
		}
		if brTag.Match(raw) {
			in.hardBreak()
		}
	case *east.FootnoteLink:
		in.marker("[" + strconv.Itoa(n.Index) + "]")
	case *east.FootnoteBacklink:
	case *east.TaskCheckBox:
		if n.IsChecked {
			in.text("[x] ")
		} else {
			in.text("[ ] ")
		}
	default:
		in.walk(n)
	}
}

// link numbers the destination dest of a link labelled label and marks the
// text with its number, unless the label already shows the URL.
func (in *inline) link(dest, label string) {
	if in.plain {
		return
	}
	num, url := in.r.reference(dest, label)
	if num == 0 || label == url {
		return
	}
	in.marker("[" + strconv.Itoa(num) + "]")
}

package markup

import (
	"strings"

	"golang.org/x/net/html"
)

// maxHTMLDepth is how deep the elements of one piece of HTML nest in the
// tree lowering builds. A start tag deeper is read as no tag: its text
// goes to the element it is in. Posts nest HTML a few levels; the bound
// keeps every step of building the tree (closing an element searches the
// open ones) at most maxHTMLDepth long, so that <div>×100000 costs what
// its bytes cost.
const maxHTMLDepth = 64

// An hnode is an element or a piece of text of an HTML block or tag.
type hnode struct {
	tag   string // lower case; "" for text, "#root" for the root
	raw   string // text: as written (entities not decoded)
	text  string // text: decoded
	attrs []html.Attribute
	kids  []*hnode
}

func (n *hnode) attr(key string) string {
	for _, a := range n.attrs {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// voidTags never hold anything: they are never open.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// closesP are the elements whose start tag closes an open <p>, as HTML
// has it.
var closesP = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "main": true, "menu": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "summary": true, "table": true, "ul": true,
}

// parseHTML reads src, a piece of HTML, into a tree under a root with no
// tag, with golang.org/x/net/html's tokenizer (entities, attributes,
// comments, raw text of <script> and <style> as HTML reads them) and a
// tree builder of its own that keeps HTML's implied end tags that posts
// rely on (<p>, <li>, <td>, <tr>, <dt>, <dd>) and is bounded by
// maxHTMLDepth. deep is whether some start tag was too deep.
func parseHTML(src []byte) (root *hnode, deep bool) {
	root = &hnode{tag: "#root"}
	stack := []*hnode{root}
	z := html.NewTokenizerFragment(strings.NewReader(string(src)), "div")
	top := func() *hnode { return stack[len(stack)-1] }
	// closeTo pops up to and including the innermost open name, if it
	// is open at all before an element of stop.
	closeTo := func(name string, stop ...string) {
		for i := len(stack) - 1; i > 0; i-- {
			t := stack[i].tag
			if t == name {
				stack = stack[:i]
				return
			}
			for _, s := range stop {
				if t == s {
					return
				}
			}
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return root, deep
		case html.TextToken:
			raw := string(z.Raw())
			t := top()
			t.kids = append(t.kids, &hnode{raw: raw, text: html.UnescapeString(raw)})
		case html.StartTagToken, html.SelfClosingTagToken:
			n := readTag(z)
			switch {
			case closesP[n.tag]:
				closeTo("p", "table", "td", "th", "button")
			}
			switch n.tag {
			case "li":
				closeTo("li", "ul", "ol")
			case "dt", "dd":
				closeTo("dt", "dl")
				closeTo("dd", "dl")
			case "tr":
				closeTo("td", "table")
				closeTo("th", "table")
				closeTo("tr", "table")
			case "td", "th":
				closeTo("td", "tr", "table")
				closeTo("th", "tr", "table")
			}
			t := top()
			if len(stack) > maxHTMLDepth {
				deep = true
				continue
			}
			t.kids = append(t.kids, n)
			if tt == html.StartTagToken && !voidTags[n.tag] {
				stack = append(stack, n)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "br" { // </br> is read as <br>, as HTML does
				t := top()
				t.kids = append(t.kids, &hnode{tag: "br"})
				continue
			}
			closeTo(string(name))
		}
		// Comments and doctypes are dropped.
	}
}

// textOf is the decoded text of n, its elements' tags dropped, <br> a
// line break, and nothing of what is never shown (scripts, styles).
func textOf(n *hnode) string {
	var b strings.Builder
	var walk func(n *hnode)
	walk = func(n *hnode) {
		switch {
		case n.tag == "":
			b.WriteString(n.text)
		case n.tag == "br":
			b.WriteByte('\n')
		case hiddenTags[n.tag]:
		default:
			for _, k := range n.kids {
				walk(k)
			}
		}
	}
	walk(n)
	return b.String()
}

// hiddenTags hold nothing a reader is shown.
var hiddenTags = map[string]bool{
	"script": true, "style": true, "template": true, "head": true, "title": true,
	"meta": true, "link": true, "base": true, "noscript": true,
}

package markup

import (
	"bytes"
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

// MarkdownTag is the element a template's Markdown is put in when it is
// output inside HTML (Jekyll's {{ notice | markdownify }} in a <div>, see
// content's liquidvars.go): Jekyll renders that Markdown to HTML before
// kramdown reads the block, so its lists are lists and its code spans code
// there, where the text of an HTML element is never read as Markdown's
// blocks (nor its "<div>" in a code span as code). Lowering reads the
// element's text as the Markdown it is (parseHTML); outside an HTML block
// its tags are inline tags the renderers drop, and the text between them
// Markdown, as it is anyway.
const MarkdownTag = "capsule-markdown"

// maxMarkdownDepth bounds how deep MarkdownTag elements are read as
// Markdown inside one another (their Markdown's HTML is lowered in turn,
// and each level tokenizes what it holds once more): deeper ones are read
// as HTML, their text as the text it is. A template puts in one level.
const maxMarkdownDepth = 4

// An hnode is an element or a piece of text of an HTML block or tag.
type hnode struct {
	tag   string // lower case; "" for text, "#root" for the root
	raw   string // text: as written (entities not decoded)
	text  string // text: decoded
	attrs []html.Attribute
	kids  []*hnode
	// markdown: an element of MarkdownTag, whose text (md, as written
	// between its tags) is Markdown.
	markdown bool
	md       string
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
//
// With markdown, an element of MarkdownTag is read to its end tag as
// elementEnd finds it (a tag of its name in a code span of its text not
// counted), or to the end of src, and its text kept as written (hnode.md),
// not read as HTML; hasMarkdown says whether there was one. Cost: still
// one tokenizer over src, and one pass more to mask the code spans' tags
// (with a copy of src) when it names MarkdownTag.
func parseHTML(src []byte, markdown bool) (root *hnode, deep, hasMarkdown bool) {
	root = &hnode{tag: "#root"}
	stack := []*hnode{root}
	tokens := src
	if markdown && bytes.Contains(src, []byte(MarkdownTag)) {
		// A tag of MarkdownTag in a code span of its text nests nothing
		// (as elementEnd counts them).
		tokens = maskCodeTags(src, MarkdownTag)
	}
	z := html.NewTokenizerFragment(bytes.NewReader(tokens), "div")
	at := 0 // the offset in src of what z reads next
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
		start := at
		at += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return root, deep, hasMarkdown
		case html.TextToken:
			raw := string(src[start:at]) // as written, where tokens masks a tag
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
			if markdown && tt == html.StartTagToken && n.tag == MarkdownTag {
				// Its text, to its end tag, is Markdown: the tokens to
				// there are skipped, and z reads on after it.
				n.markdown, hasMarkdown = true, true
				from, depth := at, 1
				for depth > 0 {
					tt, tagStart := z.Next(), at
					at += len(z.Raw())
					switch tt {
					case html.ErrorToken:
						n.md = string(src[from:])
						return root, deep, hasMarkdown
					case html.StartTagToken, html.EndTagToken:
						if name, _ := z.TagName(); string(name) != MarkdownTag {
							continue
						}
						if tt == html.StartTagToken {
							depth++
						} else if depth--; depth == 0 {
							n.md = string(src[from:tagStart])
						}
					}
				}
				continue
			}
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

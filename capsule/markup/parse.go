package markup

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Warn is told of something of a post that lowering could not draw:
// offset is in the post's own text, kind is a few words always the same
// for the same sort ("script dropped"), msg says what and why.
type Warn func(offset int, kind string, msg func() string)

// Options are what lowering is told besides the post.
type Options struct {
	// Warn is told what could not be drawn; nil tells no one.
	Warn Warn
	// Labels are the words written for embeds, in the post's language.
	Labels Labels
	// HTML says that the post's text is no Markdown but HTML throughout
	// (a page a template language wrote, content.Post.NoMarkdown): it is
	// lowered as one HTML block all of whose text is inside an element,
	// as KramdownHTML's, so that no line of it is read as a Markdown
	// block (an indented line as code, "# x" as a heading).
	HTML bool
	// Lead is Markdown drawn before the post's text, as if written at its
	// start (a hero image of its front matter): its nodes are the
	// document's first, and a warning about them names the body's first
	// line.
	Lead string
}

// literalAttr marks the HTML block that is a whole page's text
// (Options.HTML): all of it inside an element, as a kramdownAttr block,
// and its text no Markdown.
var literalAttr = []byte("capsule-literal")

// Parse parses body, a post's Markdown, with p, and lowers the result.
func Parse(p parser.Parser, body []byte, opts Options) *Document {
	warn := opts.Warn
	if warn == nil {
		warn = func(int, string, func() string) {}
	}
	// body[:len:len]: the first write copies, so body's array, which
	// the post shares with later builds, is never written to.
	d := &Document{Source: body[:len(body):len(body)], parser: p, own: len(body), labels: opts.Labels}
	ctx := parser.NewContext()
	ctx.Set(labelsKey, &d.labels) // the alerts' titles (Alerts)
	if opts.HTML {
		d.Root = ast.NewDocument()
		if len(bytes.TrimSpace(body)) > 0 {
			b := ast.NewHTMLBlock(ast.HTMLBlockType7)
			b.Lines().Append(text.NewSegment(0, len(body)))
			b.SetAttribute(literalAttr, true)
			d.Root.AppendChild(d.Root, b)
		}
	} else {
		d.Root = p.Parse(text.NewReader(body), parser.WithContext(ctx))
	}
	if opts.Lead != "" {
		first := d.Root.FirstChild()
		for _, b := range d.writeMarkdown(opts.Lead, 0) {
			if first == nil {
				d.Root.AppendChild(d.Root, b)
			} else {
				d.Root.InsertBefore(d.Root, first, b)
			}
		}
	}
	if opts.HTML || mayLower(d.Source) {
		d.lower(warn)
	}
	if t, ok := ctx.Get(themeTextKey).(ThemeText); ok && mayThemeText(d.Source) {
		d.themeText(t, warn) // after lowering: the theme rewrites the page's HTML
	}
	return d
}

// mayLower reports whether src, a document's Markdown (its lead
// included), may have a node that lower replaces: every one of them is
// read from a byte that starts it, "<" (HTML), "$" or a backslash
// (math), or ":" then a letter, digit, "_", "-" or "+" (an emoji code, as
// goldmark-emoji reads one). Most posts have none, and are not walked.
// (One IndexByte a byte: bytes.IndexAny reads a byte at a time.)
func mayLower(src []byte) bool {
	if bytes.IndexByte(src, '<') >= 0 || bytes.IndexByte(src, '$') >= 0 || bytes.IndexByte(src, '\\') >= 0 {
		return true
	}
	for i := bytes.IndexByte(src, ':'); i >= 0 && i+1 < len(src); {
		if c := src[i+1]; util.IsAlphaNumeric(c) || c == '_' || c == '-' || c == '+' {
			return true
		}
		j := bytes.IndexByte(src[i+1:], ':')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// lower replaces every node the renderers do not draw. The nodes to lower
// are found first and replaced after, since a walk must not see the tree
// change under it.
func (d *Document) lower(warn Warn) { d.lowerIn([]ast.Node{d.Root}, warn) }

// lowerIn is lower for the nodes under roots (and roots themselves).
func (d *Document) lowerIn(roots []ast.Node, warn Warn) {
	var todo []ast.Node
	for _, root := range roots {
		ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && d.lowered(n) {
				todo = append(todo, n)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
	// The inline tags are read by one tokenizer: one for each would
	// allocate its 4 KB buffer for every tag.
	var raws [][]byte
	for _, n := range todo {
		if r, ok := n.(*ast.RawHTML); ok {
			raws = append(raws, d.raw(r))
		}
	}
	tags := parseTags(raws)
	html := false
	for _, n := range todo {
		if r, ok := n.(*ast.RawHTML); ok {
			d.lowerRawHTML(r, tags[0], warn)
			tags = tags[1:]
			html = true
			continue
		}
		_, block := n.(*ast.HTMLBlock)
		html = html || block
		d.lowerNode(n, warn)
	}
	if html {
		// The Markdown HTML was lowered to has math and emoji of its
		// own (a <p> of "\(x\)", which KaTeX draws on the web site):
		// lowered in turn, in one more walk, for HTML is no longer in it.
		todo = todo[:0]
		for _, root := range roots {
			ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				switch n.(type) {
				case *ast.HTMLBlock, *ast.RawHTML:
					return ast.WalkContinue, nil
				}
				if entering && d.lowered(n) {
					todo = append(todo, n)
					return ast.WalkSkipChildren, nil
				}
				return ast.WalkContinue, nil
			})
		}
		for _, n := range todo {
			d.lowerNode(n, warn)
		}
	}
}

// lowered reports whether n is a node lowering replaces: an HTML block,
// an inline <img> or <a href> tag (and the others of inlineLowered), math
// or an emoji code.
func (d *Document) lowered(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.HTMLBlock:
		return true
	case *ast.RawHTML:
		raw := d.raw(n)
		for _, t := range inlineLowered {
			if isTag(raw, t) {
				return true
			}
		}
	}
	return mathNode(n) || emojiNode(n)
}

// inlineLowered are the inline tags that are lowered: an image, a link,
// an embed (its link), a drawing without text (a warning). Other tags are
// left to the renderers, which drop them and keep the text between them.
var inlineLowered = []string{"img", "a", "iframe", "video", "audio", "source", "embed", "object",
	"svg", "canvas", "math", "input", "select", "button"}

// lowerNode replaces n with the Markdown it stands for.
func (d *Document) lowerNode(n ast.Node, warn Warn) {
	switch n := n.(type) {
	case *ast.HTMLBlock:
		d.lowerHTMLBlock(n, warn)
	default:
		if mathNode(n) || emojiNode(n) {
			d.lowerMath(n)
		}
	}
}

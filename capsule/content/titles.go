package content

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"capsule/capsule/markup"
)

// Titles of posts that have none. Jekyll titles a post without a title
// from its file name's slug ("codeblocks-ahoy" is "Codeblocks Ahoy");
// Hugo themes show the file name. A title written empty is an untitled
// note, which lists show by its first words.

// titleizeSlug is slug as Jekyll titles it: words split at "-" and "_",
// each with its first letter in upper case.
func titleizeSlug(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// noteTitleRunes is how many characters of an untitled note's text its
// title shows: a line of a list, not the note.
const noteTitleRunes = 40

// untitledNote is the title of a note written with an empty title: its
// summary's, or else its text's, first noteTitleRunes characters, on one
// line, with "…" when cut; "" when it has no text either.
func untitledNote(summary string, body []byte) string {
	text := summary
	if text == "" {
		for _, line := range bytes.Split(body, []byte("\n")) {
			if t := strings.Trim(string(line), " \t#>*-+`=|"); t != "" && !strings.HasPrefix(t, "<") && !strings.HasPrefix(t, "{{") && !strings.HasPrefix(t, "{%") {
				text = t
				break
			}
		}
	}
	text = oneLine(text)
	if utf8.RuneCountInString(text) <= noteTitleRunes {
		return text
	}
	cut := 0
	for i := range noteTitleRunes {
		_, n := utf8.DecodeRuneInString(text[cut:])
		cut += n
		_ = i
	}
	return strings.TrimSpace(text[:cut]) + "…"
}

// Titles are plain text. Themes show a title as Markdown made plain (Hugo's
// `.Title | markdownify | plainify`, minimal-mistakes' `page.title |
// markdownify | strip_html`), so "Title *with* **Markdown**" reads "Title
// with Markdown" and "Special&nbsp;---&nbsp;Characters" reads "Special
// — Characters" with no-break spaces (U+00A0, as the entity says). The
// title is made plain once, where it is read, so that every page, menu,
// feed and search result shows the same text.
//
// Only inline Markdown counts: a title is one line of text, and "1. Intro"
// or "# 1" stays as written rather than becoming a list or a heading.

// titleParser parses a title's inline Markdown: one paragraph, no blocks.
var titleParser = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(markup.NewStrikethroughParser(), 500))...),
)

// typographerParser is titleParser with the typography Hugo's goldmark and
// Jekyll's kramdown apply in markdownify: --- is an em dash, -- an en
// dash, ... an ellipsis, straight quotes curly.
var typographerParser = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(markup.NewStrikethroughParser(), 500),
		util.Prioritized(extension.NewTypographerParser(
			extension.WithTypographicSubstitutions(typography)), 9999))...),
)

// typography is what the typographer writes: characters, not the HTML
// entities of goldmark's defaults.
var typography = extension.TypographicSubstitutions{
	extension.LeftSingleQuote:  []byte("‘"),
	extension.RightSingleQuote: []byte("’"),
	extension.LeftDoubleQuote:  []byte("“"),
	extension.RightDoubleQuote: []byte("”"),
	extension.EnDash:           []byte("–"),
	extension.EmDash:           []byte("—"),
	extension.Ellipsis:         []byte("…"),
	extension.LeftAngleQuote:   []byte("«"),
	extension.RightAngleQuote:  []byte("»"),
	extension.Apostrophe:       []byte("’"),
}

// plainTitle is title (already on one line) as plain text: Markdown's
// markers dropped, links' labels kept, entities and backslash escapes
// resolved, HTML's tags dropped (see titleMarkup); with typography when
// typographer is set (titles of Hugo and Jekyll sites, whose themes apply
// it).
func plainTitle(title string, typographer bool) string {
	// Fast path: most titles have nothing to resolve.
	marks := "\\&*_`[<~"
	if typographer {
		marks += "'\"-."
	}
	if !strings.ContainsAny(title, marks) {
		return title
	}
	text, _ := plainMarkdown(title, typographer, false)
	return text
}

// plainMarkdown is s's inline Markdown as plain text, as plainTitle makes
// it, and, when withLinks, the links in it ([label, destination] pairs,
// destinations as written).
func plainMarkdown(s string, typographer, withLinks bool) (string, [][2]string) {
	p := titleParser
	if typographer {
		p = typographerParser
	}
	var links [][2]string
	src := []byte(s)
	doc := p.Parse(text.NewReader(src))
	tags := titleMarkup(doc, src)
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(decodeText(n.Segment.Value(src)))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(n.Label(src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if !tags[n] {
				b.Write(rawText(n, src))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if withLinks {
				label, _ := plainMarkdown(string(n.Text(src)), false, false)
				links = append(links, [2]string{label, string(n.Destination)})
			}
		}
		return ast.WalkContinue, nil
	})
	return oneLine(b.String()), links
}

// decodeText resolves backslash escapes and character references in s,
// as CommonMark reads text.
func decodeText(s []byte) []byte {
	if !bytes.ContainsAny(s, "\\&") {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			out = append(out, s[i+1])
			i++
			continue
		}
		if c == '&' {
			if end := bytes.IndexByte(s[i:min(len(s), i+40)], ';'); end > 0 {
				ref := s[i : i+end+1]
				if r := util.ResolveEntityNames(util.ResolveNumericReferences(ref)); !bytes.Equal(r, ref) {
					out = append(out, r...)
					i += end
					continue
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// A title's text in angle brackets is markup only when it reads as HTML's
// tags: "参照時の<insufficient privilege>について", "Option<T>", "Hello
// <your-name>", "iPhone の <IFRAME> 内" or "<span> vs <div>" are the
// author's words, which Hugo's plain .Title and Zola's page.title show
// (escaped), and which CommonMark, reading them as raw HTML, would drop
// from the title without a word. "<em>x</em>", "<br>" or "<span
// class=…>…</span>" are markup, as a theme's markdownify reads them, and
// are dropped; so are comments and declarations ("<!-- … -->").

// titleMarkup is which of doc's raw HTML pieces are markup: a comment, a
// processing instruction, a declaration or a CDATA section; <br> or <wbr>;
// another void element's tag with attributes or written self-closing
// ("<img src=…>", not "<img>"); a start tag of an element of HTML
// followed in the title by its end tag, and that end tag. Any other piece
// is words. The cost is one walk of the title and a stack per name.
func titleMarkup(doc ast.Node, src []byte) map[*ast.RawHTML]bool {
	var tags map[*ast.RawHTML]bool
	var open map[string][]*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		r, ok := n.(*ast.RawHTML)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if tags == nil {
			tags, open = map[*ast.RawHTML]bool{}, map[string][]*ast.RawHTML{}
		}
		name, end, attrs := tagName(rawText(r, src))
		switch {
		case name == "":
			tags[r] = true // <!-- … -->, <!DOCTYPE …>, <?…?>, <![CDATA[…]]>
		case !htmlElements[name]:
		case name == "br" || name == "wbr":
			tags[r] = true
		case voidElements[name]:
			tags[r] = attrs
		case end:
			if o := open[name]; len(o) > 0 {
				tags[o[len(o)-1]], tags[r] = true, true
				open[name] = o[:len(o)-1]
			}
		case attrs && strings.HasSuffix(strings.TrimSpace(string(rawText(r, src))), "/>"):
			tags[r] = true // <span/>
		default:
			open[name] = append(open[name], r)
		}
		return ast.WalkSkipChildren, nil
	})
	return tags
}

// rawText is the text of n, an inline piece of raw HTML, as written.
func rawText(n *ast.RawHTML, src []byte) []byte {
	var raw []byte
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(src)...)
	}
	return raw
}

// tagName is the name of the tag raw (a piece of raw HTML as CommonMark
// reads one) in lower case, as HTML reads names, whether it is an end
// tag, and whether anything follows the name ("<img src=…>", "<br/>");
// name is "" for a comment, a processing instruction, a declaration or
// a CDATA section.
func tagName(raw []byte) (name string, end, attrs bool) {
	s := strings.TrimPrefix(string(raw), "<")
	if strings.HasPrefix(s, "!") || strings.HasPrefix(s, "?") {
		return "", false, false
	}
	if rest, ok := strings.CutPrefix(s, "/"); ok {
		s, end = rest, true
	}
	n := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-')
	})
	if n < 0 {
		n = len(s)
	}
	rest := strings.TrimSpace(strings.TrimSuffix(s[n:], ">"))
	return strings.ToLower(s[:n]), end, rest != ""
}

// htmlElements are the elements of HTML (the living standard's, and the
// obsolete ones posts still write, such as <center>, <font> and <tt>),
// with <svg> and <math>, which HTML holds. A custom element's name
// ("<your-name>") is not among them: in a title it is words.
var htmlElements = map[string]bool{}

// voidElements are the elements of HTML that have no end tag.
var voidElements = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`a abbr address area article aside audio b base bdi bdo
		blockquote body br button canvas caption cite code col colgroup data datalist dd del
		details dfn dialog div dl dt em embed fieldset figcaption figure footer form
		h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend
		li link main map mark menu meta meter nav noscript object ol optgroup option output
		p param picture pre progress q rp rt ruby s samp script search section select slot
		small source span strong style sub summary sup table tbody td template textarea
		tfoot th thead time title tr track u ul var video wbr
		acronym applet basefont bgsound big blink center dir font frame frameset image
		isindex keygen listing marquee menuitem nobr noembed noframes plaintext rb rtc
		spacer strike tt xmp svg math`) {
		htmlElements[name] = true
	}
	for _, name := range strings.Fields(`area base basefont bgsound br col embed frame hr
		image img input isindex keygen link meta param source spacer track wbr`) {
		voidElements[name] = true
	}
}

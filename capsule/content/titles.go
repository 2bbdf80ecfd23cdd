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
// resolved, raw HTML tags dropped; with typography when typographer is
// set (titles of Hugo and Jekyll sites, whose themes apply it).
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

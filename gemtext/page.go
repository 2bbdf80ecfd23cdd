package gemtext

import (
	"bytes"
	"strings"
)

// Page builds a gemtext document line by line: index pages, post headers.
// Every text argument goes through Sanitize, so that no control character
// reaches the reader and a line break cannot split a line; text lines are
// escaped so that they stay text. The zero value is an empty page.
type Page struct {
	b bytes.Buffer
}

// Heading adds a heading of level 1 to 3 (deeper levels are clamped).
func (p *Page) Heading(level int, text string) {
	level = min(max(level, 1), 3)
	p.line(strings.TrimRight(strings.Repeat("#", level)+" "+oneLine(text), " "))
}

// Text adds a line of text.
func (p *Page) Text(text string) { p.line(EscapeText(oneLine(text))) }

// Quote adds a quote line.
func (p *Page) Quote(text string) { p.line("> " + oneLine(text)) }

// Link adds a link line. Characters a URL may not hold (spaces, controls,
// non-ASCII) are percent-encoded, so that the URL cannot run into the label.
func (p *Page) Link(url, label string) {
	line := "=> " + escapeURL(url)
	if label = oneLine(label); label != "" {
		line += " " + label
	}
	p.line(line)
}

// Preformatted adds text as a preformatted block with alt text alt, its
// lines as they are but sanitized; a line that starts with "```", which
// would end the block, gets a space before it.
func (p *Page) Preformatted(alt, text string) {
	p.line("```" + oneLine(alt))
	for _, l := range strings.Split(strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), "\n") {
		l = strings.TrimRight(Sanitize(l), " ")
		if strings.HasPrefix(l, "```") {
			l = " " + l
		}
		p.line(l)
	}
	p.line("```")
}

// Blank adds an empty line.
func (p *Page) Blank() { p.b.WriteByte('\n') }

// Gemtext adds gemtext rendered elsewhere (by Render), as it is.
func (p *Page) Gemtext(gmi []byte) { p.b.Write(gmi) }

// Grow makes room for n more bytes, so that a long page is not copied as
// it grows.
func (p *Page) Grow(n int) { p.b.Grow(n) }

// Bytes returns the page.
func (p *Page) Bytes() []byte { return p.b.Bytes() }

func (p *Page) line(s string) {
	p.b.WriteString(s)
	p.b.WriteByte('\n')
}

// oneLine returns s sanitized (line breaks and TABs become spaces) and
// trimmed.
func oneLine(s string) string {
	return strings.TrimSpace(Sanitize(s))
}

package gopher

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// DefaultTextWidth is the line width of a post's text, in display cells, when
// TextOptions.Width is 0.
const DefaultTextWidth = 70

// Header is what a post's text file shows above the body.
type Header struct {
	Title string
	Date  string // already formatted, YYYY-MM-DD
	Tags  []string
}

// Link is a link found in a post, numbered in order of first appearance.
type Link struct {
	Label string
	URL   string // after TextOptions.Link rewriting
	// Num is the link's number in the text's references, "[Num] URL":
	// its place among the links after the text's footnotes.
	Num int
}

// maxLabel is the longest a label of TextOptions may be, in bytes: an
// image of six bytes of Markdown ("![](x)") shows its label, and the output
// bound (OutputFactor) must hold whatever the labels.
const maxLabel = 24

// label is a TextOptions label made safe and short, or def when empty.
func label(s, def string) string {
	s = strings.TrimSpace(lineSpace(Sanitize(s)))
	for len(s) > maxLabel {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	if s == "" {
		return def
	}
	return s
}

// TextOptions adjusts text rendering.
type TextOptions struct {
	// Width is the line width in display cells: 0 (or less) means
	// DefaultTextWidth, and less than 10 means 10.
	Width int
	// Link rewrites a link or image destination, e.g. a link to another
	// post becomes its gopher URL. nil keeps destinations as written.
	//
	// Link returns "" for a link the reader is not to be offered, such as
	// a javascript: URL: it gets no reference number, no "[n] URL" line
	// and no place in the links RenderPost returns (of which capsule
	// builds a menu), and its label, or an image's "[image: alt]", stays
	// in the text as if it were no link at all.
	Link func(dest string) string
	// TagsLabel and ImageLabel are the words the text adds, in the post's
	// language: "Tags" (the header's "Tags: a, b") and "image" (an
	// image shows as "[image: alt]", or "[image]" without alt text).
	// Empty means English.
	TagsLabel, ImageLabel string
	// Tail, when set, is given the links the text refers to and returns
	// bytes to end the text with (e.g. a pointer to the post's menu): they
	// are written into the text's one allocation, so that the caller need
	// not copy it to append them. They are not sanitized.
	Tail func(links []Link) string
	// Buf, when set, is where the text is written (from its start, grown
	// as needed): a caller that copies each text elsewhere (capsule packs
	// them into arenas) renders post after post into one buffer instead
	// of allocating a text for each. The text RenderPost returns is then
	// Buf's bytes, valid until Buf is used again.
	Buf []byte
}

// RenderPost renders a post as a gopher text file (item type 0): header, blank line,
// body, and numbered references. Lines end in CRLF. It returns the links in
// reference order too (a menu of them is built elsewhere).
//
// doc is the goldmark AST of source (GFM and Footnote extensions); it is
// only read. A Width below 1 means DefaultTextWidth, one below 10 means
// 10. The rendering:
//   - header: the title (wrapped), the date, "Tags: a, b" (each line left
//     out when empty), then a blank line;
//   - paragraphs wrapped with Wrap. A soft line break between two East
//     Asian wide characters vanishes (goldmark's util.IsEastAsianWideRune,
//     plus the UAX #11 Fullwidth forms such as ！ and （, as in gemtext),
//     across emphasis and link boundaries too; any other soft break is a
//     space. Hard breaks and <br> start a new line; other raw HTML is
//     dropped (capsule/markup has lowered a post's HTML into Markdown
//     nodes before: what is left is tags without meaning here); emphasis,
//     strikethrough and code span markers are dropped; a code span of at
//     most 48 bytes breaks at its spaces only, never inside a word ("a/b",
//     inline math "\(x^2\)");
//   - headings underlined with "=" (h1, h2) or "-" (h3-h6) as wide as the
//     heading (at most the width);
//   - a link shows as "label[n]" and an image as "[image: alt][n]", n being
//     the number of its URL in the references. A link whose label is its
//     URL (an autolink such as <https://example.com> or a bare URL) shows
//     just the URL, which is readable as it is: it gets no marker, but is
//     numbered and listed in the references like every other link. A
//     marker never starts a line: it stays with the word before it;
//   - lists "* " and "1. " (numbers kept, right-aligned), wrapped with a
//     hanging indent; a nested list starts at the text column of its item
//     (2 cells in for "* "); blockquotes "> " on every line, nested "> > ";
//   - quotes, lists and notes nest eight levels deep, and no deeper than
//     puts 24 cells of markers and indents before a line. Deeper ones are
//     flattened: a quote adds no "> ", a list item is drawn at the text
//     column of the item it is in, its own lists and quotes beside it;
//   - code blocks and tables are not wrapped; tabs in code go to 4-cell tab
//     stops; table columns are aligned by display width, " | " between
//     them and a "-" rule under the header row. A table wider than 160
//     cells, or whose padding would make its lines more than eight times
//     as long as its Markdown, is written as records instead: for each
//     row a wrapped line "header: value" per non-empty cell, a blank line
//     between rows; should the repeated headers make even that too long,
//     each row is one line of its cells joined by " | ", not wrapped;
//   - a thematic break is a line of "-" across the width, at most 70
//     cells; a run of them draws one;
//   - footnote references show as "[n]", n as goldmark numbers the notes
//     (as gemtext shows them); the notes follow the body after a rule (unless
//     the body ends with one), "[n] text" with a hanging indent (links in
//     them are numbered after those of the body);
//   - the references come last, one per distinct URL: "[n] URL", numbered
//     after the notes (a text with two notes has references [3], [4]…), so
//     that a number in the text names one note or one URL. A URL
//     longer than the line after "[n] " goes unbroken on the line after
//     "[n]", wider than the width if it must be: split, it could be
//     neither followed nor copied.
//
// A link's URL is its destination with backslash escapes and character
// references resolved, passed through opts.Link, then with spaces and
// control characters percent-encoded; a link whose URL ends up empty (as
// when opts.Link refuses it) is shown without a marker and not listed.
// Link.Label is the link's text (an image's alt text or "image"), or the
// URL when the text is empty.
//
// The text is at most OutputFactor times as long as source and the
// header's fields together, plus OutputSlack bytes, however the Markdown
// is written (see bounds.go).
//
// In the whole file tabs become spaces, control characters (C0, DEL, C1)
// are dropped, invalid UTF-8 becomes U+FFFD (as Sanitize has it), trailing
// spaces are trimmed, and a line that is a lone "." is written ".." as
// RFC 1436 escapes it (the file has no terminating "." line). The text
// ends with one CRLF and no blank line; it is empty when there is nothing
// to show.
func RenderPost(h Header, source []byte, doc ast.Node, opts TextOptions) (text []byte, links []Link) {
	width := opts.Width
	if width <= 0 {
		width = DefaultTextWidth
	}
	width = max(width, minWidth)
	r := &renderer{src: source, width: width, rewrite: opts.Link, index: map[string]int{},
		tagsLabel: label(opts.TagsLabel, "Tags"), imageLabel: label(opts.ImageLabel, "image")}
	lines := r.header(h)
	if doc != nil {
		notes := footnotes(doc)
		r.noteBase = len(notes)
		// The body goes on in lines, after a blank line under the header,
		// as appendSection would have it, rather than made apart and
		// copied there.
		head := len(lines)
		if head > 0 {
			lines = append(lines, "")
		}
		from := len(lines)
		lines = trimBlankFrom(r.appendBlocks(lines, doc, width, false), from)
		body := lines[from:]
		if len(body) == 0 {
			lines = lines[:head]
		}
		if len(notes) > 0 && !endsWithRule(body) {
			// The notes are set apart from the body as gemtext's are.
			lines = appendSection(lines, []string{rule[:min(width, maxRule)]})
		}
		lines = appendSection(lines, r.appendFootnotes(nil, notes))
	}
	lines = appendSection(lines, r.references())
	size := 0
	for i, l := range lines {
		if r.dirty {
			l = cleanLine(l)
		} else {
			l = finishLine(l)
		}
		lines[i] = l
		size += len(l) + 2
	}
	var tail string
	if opts.Tail != nil {
		tail = opts.Tail(r.links)
	}
	if cap(opts.Buf) >= size+len(tail) {
		text = opts.Buf[:0]
	} else {
		text = make([]byte, 0, size+len(tail))
	}
	for _, l := range trimBlank(lines) {
		text = append(text, l...)
		text = append(text, "\r\n"...)
	}
	return append(text, tail...), r.links
}

// renderer holds the state of one RenderPost call.
type renderer struct {
	src     []byte
	width   int
	rewrite func(string) string
	links   []Link
	index   map[string]int // URL → 1-based reference number
	// noteBase is how many footnotes the text has: notes are [1]…[noteBase],
	// as gemtext numbers them, and the references follow from noteBase+1,
	// so that a "[n]" in the text names one thing at the end.
	noteBase int
	// tagsLabel and imageLabel are TextOptions' labels, at most
	// maxLabel bytes each, so that the output bound holds.
	tagsLabel, imageLabel string
	text                  *strings.Builder // the text of the paras (inlineParas)
	dirty                 bool             // some line needs more of cleanLine than finishLine
	paras                 []para           // room for inlineParas's result, reused
	// level and indent are how many containers the current block is in
	// and how many cells their prefixes take (see nests).
	level, indent int
}

// check notes whether line needs cleanLine's mending beyond finishLine,
// and returns it.
func (r *renderer) check(line string) string {
	if !r.dirty && !isSafeLine(line) {
		r.dirty = true
	}
	return line
}

// trimBlank drops the lines at either end that would be blank in the
// file.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && isBlankLine(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && isBlankLine(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// appendSection appends a block's lines after a blank line, without blank
// lines at the block's ends.
func appendSection(lines, block []string) []string {
	block = trimBlank(block)
	if len(block) == 0 {
		return lines
	}
	if len(lines) > 0 {
		lines = append(lines, "")
	}
	return append(lines, block...)
}

// header renders the post header.
func (r *renderer) header(h Header) []string {
	var lines []string
	lines = r.appendWrap(lines, lineSpace(h.Title), r.width, nil)
	if d := strings.TrimSpace(lineSpace(h.Date)); d != "" {
		lines = append(lines, r.check(d))
	}
	var tags []string
	for _, t := range h.Tags {
		if t = strings.TrimSpace(lineSpace(t)); t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) > 0 {
		lines = r.appendWrap(lines, r.tagsLabel+": "+strings.Join(tags, ", "), r.width, nil)
	}
	return lines
}

// reference returns the number of the link to dest (rewritten and cleaned)
// and its URL, adding it to the references on first sight. An empty URL
// gets number 0 and no reference.
func (r *renderer) reference(dest, label string) (int, string) {
	url := dest
	if r.rewrite != nil {
		url = r.rewrite(url)
	}
	url = cleanURL(url)
	if url == "" {
		return 0, url
	}
	if n, ok := r.index[url]; ok {
		return n, url
	}
	if label == "" {
		label = url
	}
	r.links = append(r.links, Link{Label: label, URL: url, Num: r.noteBase + len(r.links) + 1})
	r.index[url] = r.noteBase + len(r.links)
	return r.noteBase + len(r.links), url
}

// references renders the numbered list of URLs.
func (r *renderer) references() []string {
	var lines []string
	for i, l := range r.links {
		marker := "[" + strconv.Itoa(r.noteBase+i+1) + "]"
		indent := len(marker) + 1
		uw := textWidth(l.URL)
		if indent+uw <= r.width {
			lines = append(lines, marker+" "+l.URL)
		} else {
			// On a line of its own, whole, wider than the line if it
			// must be: a URL split over lines can be neither followed
			// nor copied.
			lines = append(lines, marker, l.URL)
		}
	}
	return lines
}

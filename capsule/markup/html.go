package markup

import (
	"github.com/yuin/goldmark/util"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Labels are the words lowering adds to a link line of an embed, in the
// post's language ("Video", "動画"): "Video: title". Empty means English.
type Labels struct {
	Video, Audio, Embed string
	// The titles of the alerts that give none (see Alerts).
	Note, Tip, Important, Warning, Caution string
	// Lang is the post's language tag, for the words of a theme that
	// draws alerts (Alerts.Theme); Own, that the operator gave capsule
	// words for them, which then title the alerts instead.
	Lang string
	Own  bool
}

// maxLabel is the longest a label of Labels may be, in bytes, so that the
// Markdown written for an embed stays within htmlOutputFactor.
const maxLabel = 24

func (l Labels) or(s, def string) string {
	s = strings.Join(strings.Fields(s), " ")
	for len(s) > maxLabel {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	if s == "" {
		return def
	}
	return s
}

// htmlOutputFactor bounds the Markdown written for a piece of HTML: at
// most htmlOutputFactor bytes for each of its bytes, plus htmlOutputSlack.
// A conversion that would write more (lists nested eight deep around
// lines of one letter, each line indented) stops, and the piece's text,
// its tags dropped, is written instead, with a warning. The renderers'
// OutputFactor bounds then hold for the post's Source, of which the
// written Markdown is a part.
const (
	htmlOutputFactor = 4
	htmlOutputSlack  = 256
)

// maxContainers is how deep HTML lists and quotes are written nested;
// deeper ones are written at that depth, as the renderers draw eight.
const maxContainers = 8

// A converter writes the Markdown an HTML tree stands for.
type converter struct {
	out    strings.Builder // the blocks written
	para   strings.Builder // the paragraph being written
	labels Labels
	warn   func(kind string, msg func() string)
	budget *int // bytes the conversion may still write, shared with subconverters
	depth  int  // lists and quotes this one is in
	inline int  // > 0 inside a link label, a table cell, a heading: no blocks
	inLink int
	inCell int
	bullet int // lists written, to alternate markers so that two lists stay two
	// literal: the HTML is a page's whole text, no Markdown
	// (Options.HTML): its text is text, no character of it read as
	// Markdown's (emphasis, a link, a code span).
	literal bool
}

func (c *converter) over() bool { return *c.budget < 0 }

func (c *converter) spend(n int) bool {
	*c.budget -= n
	return *c.budget >= 0
}

func (c *converter) sub() *converter {
	return &converter{labels: c.labels, warn: c.warn, budget: c.budget, depth: c.depth + 1, literal: c.literal}
}

// htmlToMarkdown is the Markdown for root, the tree of a piece of HTML of
// size bytes. inside says that all of it is inside an element (a block
// kramdown reads, see KramdownHTML): text between its elements is then
// HTML text too, not Markdown. literal says that it is a page's whole
// text, with no Markdown in it (converter.literal).
func htmlToMarkdown(root *hnode, size int, inside, literal bool, labels Labels, warn func(kind string, msg func() string)) string {
	budget := htmlOutputFactor*size + htmlOutputSlack
	c := &converter{labels: labels, warn: warn, budget: &budget, literal: literal}
	c.children(root, !inside)
	md := c.finish()
	if c.over() {
		warn("HTML too costly to convert", func() string {
			return "an HTML block of " + strconv.Itoa(size) + " bytes would be written as more than " +
				strconv.Itoa(htmlOutputFactor) + " times its size of Markdown: its text is shown, its tags dropped"
		})
		return plainParagraphs(textOf(root))
	}
	return md
}

// plainParagraphs is text as one Markdown paragraph that reads as text,
// its lines joined by spaces: a fallback, it is cheap to parse and draw
// (one line, not one node a line).
func plainParagraphs(text string) string {
	var b strings.Builder
	for l := range strings.SplitSeq(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(escapeText(l))
		}
	}
	return b.String()
}

// finish ends the paragraph and returns what was written.
func (c *converter) finish() string {
	c.flush()
	return c.out.String()
}

// flush ends the paragraph being written.
func (c *converter) flush() {
	p := c.para.String()
	c.para.Reset()
	p = strings.TrimRight(p, " \t\n\\")
	if strings.TrimSpace(p) == "" {
		return
	}
	c.block(p)
}

// block writes a block of Markdown, a blank line after it.
func (c *converter) block(md string) {
	if c.spend(len(md) + 2) {
		c.out.WriteString(md)
		c.out.WriteString("\n\n")
	}
}

// write adds s, Markdown, to the paragraph.
func (c *converter) write(s string) {
	if c.spend(len(s)) {
		c.para.WriteString(s)
	}
}

func (c *converter) atLineStart() bool {
	n := c.para.Len()
	return n == 0 || c.para.String()[n-1] == '\n'
}

// text adds a text of the HTML, raw as written. Text in an element is read
// as Markdown inline (emphasis, links, code spans, entities), never as
// blocks: a line's indent is dropped and what would start a block at a
// line's start is escaped. Text outside every element (the lines after
// the HTML, written without a blank line between) is Markdown as written.
func (c *converter) text(n *hnode, verbatim bool) {
	s := n.raw
	if verbatim && c.inline == 0 {
		c.write(s)
		return
	}
	if c.inline > 0 {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	if c.literal {
		// Its characters as they are, entities decoded, Markdown's
		// escaped; a line's indent dropped.
		s = html.UnescapeString(s)
	}
	var b strings.Builder
	start := c.atLineStart()
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			// One line end, never a blank line: text in an element
			// starts no paragraph (a <br> before it has ended the line).
			if !start {
				b.WriteByte('\n')
			}
			start = true
		}
		if start {
			line = strings.TrimLeft(line, " \t")
			if line == "" {
				continue
			}
			if (c.inCell == 0 || line[0] != '|') && !c.literal { // a cell's "|" is escaped below
				line = escapeLineStart(line)
			}
			start = false
		}
		if c.literal {
			b.WriteString(escapeLine(line))
			continue
		}
		handle := false // in an @handle, whose "_" is a name's (a tweet's @_precure_), no emphasis
		for j := 0; j < len(line); j++ {
			ch := line[j]
			handle = ch == '@' || handle && (ch == '_' || util.IsAlphaNumeric(ch))
			switch {
			case c.inLink > 0 && (ch == '[' || ch == ']'), c.inCell > 0 && ch == '|', handle && ch == '_':
				b.WriteByte('\\')
			}
			b.WriteByte(ch)
		}
	}
	c.write(b.String())
}

// escapeLineStart escapes what at the start of line would start a block,
// and nothing else: "**bold**" and "`code`" starting a line stay what
// they are.
func escapeLineStart(line string) string {
	switch ch := line[0]; ch {
	case '#', '>', '|', '<':
		return `\` + line
	case '+', '-', '*', '=', '_':
		// A list item's marker, a thematic break, a setext underline.
		if len(line) == 1 || line[1] == ' ' || line[1] == '\t' || strings.Trim(line, string(ch)+" \t") == "" {
			return `\` + line
		}
	case '~', '`':
		// A fence.
		if strings.HasPrefix(line, strings.Repeat(string(ch), 3)) {
			return `\` + line
		}
	case '[':
		if i := strings.Index(line, "]:"); i > 0 && !strings.Contains(line[:i], "]") {
			return `\` + line
		}
	}
	i := 0
	for i < len(line) && i < 10 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') {
		return line[:i] + `\` + line[i:]
	}
	return line
}

// escapeText escapes text, decoded, so that Markdown reads it as it is:
// a backslash before every ASCII punctuation character, line breaks as
// spaces.
func escapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\n' || ch == '\r' || ch == '\t':
			b.WriteByte(' ')
			continue
		case ch < 0x80 && isPunct(ch):
			b.WriteByte('\\')
		}
		b.WriteByte(ch)
	}
	return b.String()
}

// escapeLine is one line of text as Markdown reads it as it is: a
// backslash before every ASCII punctuation character but brackets and
// parentheses, tabs as spaces. A bracket is a character reference
// ("\\[" would open math, as "\\(" would); a parenthesis, no bracket
// before it, is text.
func escapeLine(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\t' || ch == '\r':
			b.WriteByte(' ')
			continue
		case ch == '[':
			b.WriteString("&#91;")
			continue
		case ch == ']':
			b.WriteString("&#93;")
			continue
		case ch == '(' || ch == ')':
		case ch < 0x80 && isPunct(ch):
			b.WriteByte('\\')
		}
		b.WriteByte(ch)
	}
	return b.String()
}

func isPunct(ch byte) bool {
	return ch >= '!' && ch <= '/' || ch >= ':' && ch <= '@' || ch >= '[' && ch <= '`' || ch >= '{' && ch <= '~'
}

// webURL is an address of HTML as the web reads it: a scheme-relative
// one ("//host/path") is https, as the page it was written for was; read
// from a capsule it would lead to a gemini:// or gopher:// host.
func webURL(u string) string {
	if strings.HasPrefix(u, "//") {
		return "https:" + u
	}
	return u
}

// dest is a URL, decoded, as a Markdown link destination.
func dest(u string) string {
	u = webURL(u)
	var b strings.Builder
	b.WriteByte('<')
	for i := 0; i < len(u); i++ {
		switch ch := u[i]; ch {
		case '\n', '\r':
		case '<', '>', '\\', '&':
			b.WriteByte('\\')
			b.WriteByte(ch)
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte('>')
	return b.String()
}

// children converts n's children; top is whether n is the tree's root.
func (c *converter) children(n *hnode, top bool) {
	for _, k := range n.kids {
		if c.over() {
			return
		}
		if k.tag == "" {
			c.text(k, top)
		} else {
			c.element(k)
		}
	}
}

// blockTags are the elements that are blocks of their own; the others
// are inline, their text part of the paragraph they are in.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "center": true, "dd": true,
	"details": true, "dialog": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "footer": true, "form": true, "header": true,
	"hgroup": true, "main": true, "nav": true, "p": true, "section": true, "summary": true,
	"body": true, "html": true, "caption": true, "legend": true, "tbody": true, "thead": true,
	"tfoot": true, "tr": true, "td": true, "th": true, "li": true,
}

// gistScript is the script that embeds a gist: its user and id (or its
// id alone).
var gistScript = regexp.MustCompile(`^(?:https?:)?//gist\.github\.com/((?:[A-Za-z0-9-]+/)?[0-9A-Fa-f]+)\.js(?:\?.*)?$`)

// shapeTags draw something that has no text: dropped with a warning when
// they hold no text either.
var shapeTags = map[string]bool{
	"svg": true, "canvas": true, "math": true, "input": true, "select": true,
	"button": true, "map": true, "area": true, "progress": true, "meter": true,
}

func (c *converter) element(n *hnode) {
	switch t := n.tag; {
	case t == "script" && gistScript.MatchString(n.attr("src")):
		// A gist's embed (older Hugo and Jekyll posts' way): a link to
		// the gist, as the gist shortcodes give.
		m := gistScript.FindStringSubmatch(n.attr("src"))
		if c.inline == 0 {
			c.flush()
		}
		c.write("[Gist: " + escapeText(m[1]) + "](https://gist.github.com/" + m[1] + ")")
		if c.inline == 0 {
			c.flush()
		}
	case t == "script":
		c.warn("HTML script dropped", func() string {
			return "a <script> is not run: what it would show is not shown"
		})
	case hiddenTags[t] || t == "wbr" || t == "col" || t == "colgroup" || t == "track" || t == "param":
		// Nothing shown: styles, metadata.
	case t == "br":
		if c.inline > 0 {
			c.write(" ")
		} else if c.para.Len() > 0 {
			c.write("\\\n")
		}
	case t == "img":
		c.image(n, "")
	case t == "a" && n.attr("href") != "":
		c.link(n)
	case t == "code" || t == "kbd" || t == "samp" || t == "tt":
		c.codeSpan(textOf(n))
	case t == "iframe" || t == "video" || t == "audio" || t == "embed" || t == "object" || t == "source":
		c.media(n)
	case shapeTags[t] && strings.TrimSpace(textOf(n)) == "":
		c.warn("HTML element dropped", func() string {
			return "<" + t + "> has no text: it is not shown"
		})
	case c.inline > 0:
		// A link label or a cell is one line: blocks in it are words.
		if blockTags[t] || closesP[t] {
			c.write(" ")
		}
		c.children(n, false)
		if blockTags[t] || closesP[t] {
			c.write(" ")
		}
	case t == "hr":
		c.flush()
		c.block("***")
	case len(t) == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6':
		c.flush()
		c.inline++
		c.children(n, false)
		c.inline--
		h := strings.TrimSpace(c.para.String())
		c.para.Reset()
		if h != "" {
			c.block(strings.Repeat("#", int(t[1]-'0')) + " " + h)
		}
	case t == "pre" || t == "xmp" || t == "plaintext" || t == "listing":
		c.flush()
		c.pre(n)
	case t == "ul" || t == "ol" || t == "menu" || t == "dir":
		c.flush()
		c.list(n, t == "ol")
	case t == "blockquote":
		c.flush()
		c.quote(n)
	case t == "table":
		c.flush()
		c.table(n)
	case t == "figure":
		c.flush()
		c.figure(n)
	case n.markdown:
		// Markdown a template put in the HTML (MarkdownTag): its
		// blocks as written, or its words in a line.
		if c.inline > 0 {
			c.text(&hnode{raw: n.md}, false)
			break
		}
		c.flush()
		if md := strings.Trim(n.md, "\n"); strings.TrimSpace(md) != "" {
			c.block(md)
		}
	case blockTags[t]:
		c.flush()
		c.children(n, false)
		c.flush()
	default:
		// Inline elements (<span>, <strong>, <em>, <sup>, unknown ones)
		// keep their text; the renderers draw no emphasis.
		c.children(n, false)
	}
}

// image writes an <img> as a Markdown image; alt, when not empty, is its
// text instead of the alt attribute.
func (c *converter) image(n *hnode, alt string) {
	src := n.attr("src")
	if src == "" {
		src = n.attr("data-src")
	}
	if alt == "" {
		alt = n.attr("alt")
	}
	if src == "" {
		if strings.TrimSpace(alt) != "" {
			c.write(escapeText(alt))
			return
		}
		c.warn("HTML image without source dropped", func() string {
			return "an <img> has neither src nor alt text: it is not shown"
		})
		return
	}
	c.write("![" + escapeText(alt) + "](" + dest(src) + ")")
}

// link writes <a href> as a Markdown link around what it holds.
func (c *converter) link(n *hnode) {
	c.write("[")
	c.inline++
	c.inLink++
	c.children(n, false)
	c.inLink--
	c.inline--
	c.write("](" + dest(n.attr("href")) + ")")
}

// codeSpan writes text, decoded, as a code span.
func (c *converter) codeSpan(text string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	fence := strings.Repeat("`", longestRun(text, '`')+1)
	if text[0] == '`' || text[len(text)-1] == '`' {
		text = " " + text + " "
	}
	if c.inCell > 0 {
		text = strings.ReplaceAll(text, "|", `\|`)
	}
	c.write(fence + text + fence)
}

// pre writes a <pre> as a fenced code block, its text decoded, its tags
// (<code>, <strong> in it) dropped; <pre><code class="language-go"> gives
// the info string.
func (c *converter) pre(n *hnode) {
	text := strings.TrimPrefix(textOf(n), "\n")
	text = strings.TrimRight(text, " \t\n")
	if text == "" {
		return
	}
	info := ""
	for _, k := range n.kids {
		if k.tag == "code" {
			for _, cl := range strings.Fields(k.attr("class")) {
				if l, ok := strings.CutPrefix(cl, "language-"); ok && !strings.ContainsAny(l, "`~") {
					info = l
				}
			}
		}
	}
	fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
	c.block(fence + info + "\n" + text + "\n" + fence)
}

// mediaLink is the source of an embed (<iframe>, <video>, <audio>,
// <embed>, <object>, <source>) and the label of its link: "Video: title",
// the title its title attribute, or the host of its absolute address
// ("Embedded page: www.youtube.com"), or its address.
func (l Labels) mediaLink(n *hnode) (label, src string) {
	src = n.attr("src")
	if src == "" {
		src = n.attr("data")
	}
	for _, k := range n.kids {
		if src == "" && k.tag == "source" {
			src = k.attr("src")
		}
	}
	switch n.tag {
	case "video":
		label = l.or(l.Video, "Video")
	case "audio":
		label = l.or(l.Audio, "Audio")
	case "source":
		label = l.or(l.Video, "Video")
		if strings.HasPrefix(n.attr("type"), "audio/") {
			label = l.or(l.Audio, "Audio")
		}
	default:
		label = l.or(l.Embed, "Embedded page")
	}
	title := strings.Join(strings.Fields(n.attr("title")), " ")
	if title == "" {
		title = src
		// An absolute address is shown by its host: an embed's address
		// is long and says little more.
		if u, err := url.Parse(src); err == nil && u.Host != "" && (u.Path != "" || u.RawQuery != "") {
			title = u.Host
		}
	}
	return label + ": " + title, src
}

// media writes an embed as a link to what it plays or shows.
func (c *converter) media(n *hnode) {
	label, src := c.labels.mediaLink(n)
	if src == "" {
		c.warn("HTML embed without source dropped", func() string {
			return "a <" + n.tag + "> names nothing to play or show: it is not shown"
		})
	} else {
		if c.inline == 0 {
			c.flush()
		}
		c.write("[" + escapeText(label) + "](" + dest(src) + ")")
		if c.inline == 0 {
			c.flush()
		}
	}
	if n.tag == "video" || n.tag == "audio" || n.tag == "object" {
		// What they hold besides their sources is text for browsers that
		// do not play them: shown, as it is text.
		for _, k := range n.kids {
			if k.tag != "source" {
				if k.tag == "" {
					c.text(k, false)
				} else {
					c.element(k)
				}
			}
		}
	}
}

// figure writes the images of a <figure> and its caption: as the image's
// text when the figure has one image without alt text and the caption is
// text without links, as a paragraph after the images otherwise.
func (c *converter) figure(n *hnode) {
	var caption *hnode
	var imgs []*hnode
	var find func(n *hnode)
	find = func(n *hnode) {
		for _, k := range n.kids {
			switch k.tag {
			case "figcaption":
				if caption == nil {
					caption = k
				}
				continue
			case "img":
				imgs = append(imgs, k)
			}
			find(k)
		}
	}
	find(n)
	alt := ""
	if caption != nil && len(imgs) == 1 && imgs[0].attr("alt") == "" && !holds(caption, "a") {
		alt = strings.Join(strings.Fields(textOf(caption)), " ")
	}
	for _, k := range n.kids {
		switch {
		case k == caption:
		case k.tag == "":
			c.text(k, false)
		case k.tag == "img" && alt != "":
			c.image(k, alt)
		case alt != "" && holds(k, "img"):
			// The image is deeper (in a link): the caption goes on it.
			imgs[0].attrs = append(imgs[0].attrs, htmlAttr("alt", alt))
			c.element(k)
		default:
			c.element(k)
		}
	}
	c.flush()
	if caption != nil && alt == "" {
		c.children(caption, false)
		c.flush()
	}
}

// holds reports whether n has an element tag in it.
func holds(n *hnode, tag string) bool {
	for _, k := range n.kids {
		if k.tag == tag || holds(k, tag) {
			return true
		}
	}
	return false
}

// list writes a <ul> or <ol> as a Markdown list.
func (c *converter) list(n *hnode, ordered bool) {
	if c.depth >= maxContainers {
		for _, k := range n.kids {
			if k.tag == "" {
				c.text(k, false)
			} else {
				c.element(k)
			}
		}
		c.flush()
		return
	}
	num := 1
	if s, err := strconv.Atoi(n.attr("start")); err == nil && s >= 0 && s < 1e8 {
		num = s
	}
	c.bullet++
	bullet := "-"
	if c.bullet%2 == 0 {
		bullet = "*"
	}
	delim := "."
	if c.bullet%2 == 0 {
		delim = ")"
	}
	var b strings.Builder
	var loose *converter // text between items
	item := func(md string) {
		marker := bullet + " "
		if ordered {
			marker = strconv.Itoa(num) + delim + " "
			num++
		}
		indent := strings.Repeat(" ", len(marker))
		md = strings.TrimRight(md, "\n")
		lines := tighten(strings.Split(md, "\n"))
		if !c.spend(len(marker) * len(lines)) {
			return
		}
		b.WriteString(marker)
		for i, l := range lines {
			if i > 0 {
				b.WriteByte('\n')
				if l != "" {
					b.WriteString(indent)
				}
			}
			b.WriteString(l)
		}
		b.WriteByte('\n')
	}
	for _, k := range n.kids {
		if c.over() {
			return
		}
		if k.tag == "li" {
			if loose != nil {
				if md := loose.finish(); md != "" {
					item(md)
				}
				loose = nil
			}
			s := c.sub()
			s.children(k, false)
			if md := s.finish(); strings.TrimSpace(md) != "" {
				item(md) // (an empty one, a template's loop dropped, no bullet alone)
			}
			continue
		}
		if loose == nil {
			loose = c.sub()
		}
		if k.tag == "" {
			loose.text(k, false)
		} else {
			loose.element(k)
		}
	}
	if loose != nil {
		if md := loose.finish(); md != "" {
			item(md)
		}
	}
	if b.Len() > 0 {
		c.block(strings.TrimRight(b.String(), "\n"))
	}
}

// quote writes a <blockquote> as a Markdown quote.
func (c *converter) quote(n *hnode) {
	if c.depth >= maxContainers {
		c.children(n, false)
		c.flush()
		return
	}
	s := c.sub()
	s.children(n, false)
	md := strings.TrimRight(s.finish(), "\n")
	if md == "" {
		return
	}
	lines := strings.Split(md, "\n")
	if !c.spend(2 * len(lines)) {
		return
	}
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	c.block(strings.Join(lines, "\n"))
}

func htmlAttr(k, v string) html.Attribute { return html.Attribute{Key: k, Val: v} }

// table writes a <table> as a GFM table, its first row the header, each
// cell one line, "|" escaped; its <caption> a paragraph before it. A table
// whose rows are so uneven that padding them would write more empty cells
// than it has cells is written a paragraph a row, its cells joined by
// " | ".
func (c *converter) table(n *hnode) {
	var rows [][]string
	cells := 0
	var walk func(n *hnode)
	var foot []*hnode // a <tfoot>, drawn after the body wherever it is written, as browsers draw it
	walk = func(n *hnode) {
		for _, k := range n.kids {
			switch k.tag {
			case "caption":
				c.children(k, false)
				c.flush()
			case "tfoot":
				foot = append(foot, k)
			case "thead", "tbody":
				walk(k)
			case "tr":
				var row []string
				for _, cell := range k.kids {
					if cell.tag != "td" && cell.tag != "th" {
						continue
					}
					s := c.sub()
					s.inline++
					s.inCell++
					s.children(cell, false)
					row = append(row, strings.Join(strings.Fields(s.para.String()), " "))
				}
				cells += len(row)
				rows = append(rows, row)
			}
		}
	}
	walk(n)
	for _, f := range foot {
		walk(f)
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 || c.over() {
		return
	}
	if len(rows)*cols > 2*cells+8 {
		for _, r := range rows {
			c.write(strings.Join(r, " | "))
			c.flush()
		}
		return
	}
	var b strings.Builder
	line := func(r []string) {
		b.WriteString("|")
		for i := range cols {
			b.WriteString(" ")
			if i < len(r) {
				b.WriteString(r[i])
			}
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	line(rows[0])
	b.WriteString("|")
	for range cols {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows[1:] {
		line(r)
	}
	c.spend(len(rows) * cols * 3)
	c.block(strings.TrimRight(b.String(), "\n"))
}

// tighten drops the blank line between an item's text and a list in it
// that may follow the text without one, so that the list is drawn tight,
// as HTML shows <li>text<ul>…</ul></li>.
func tighten(lines []string) []string {
	out := lines[:0:0]
	for i, l := range lines {
		if l == "" && i > 0 && lines[i-1] != "" && i+1 < len(lines) {
			next := lines[i+1]
			if strings.HasPrefix(next, "- ") || strings.HasPrefix(next, "* ") ||
				strings.HasPrefix(next, "1. ") || strings.HasPrefix(next, "1) ") {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

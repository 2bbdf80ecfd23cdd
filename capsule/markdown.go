package capsule

import (
	"cmp"
	"fmt"
	"path"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/markup"
	"capsule/capsule/messages"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown is the one Markdown dialect capsule reads: CommonMark with
// GitHub's extensions (tables, strikethrough, autolinks, task lists) and
// footnotes, with two bounds goldmark does not keep by itself:
//
//   - Lists, quotes and footnotes nest at most maxNesting deep. goldmark's
//     time grows with the square of the nesting: 60,000 "- " on one line
//     (120 KB) took 16 s, a 1 MiB post of them would take minutes, on a
//     core a reload waits for. Deeper markers are read as text; the
//     renderers draw no more than eight levels anyway.
//   - A paragraph is read for link reference definitions ("[a]: https://…")
//     only if at most maxLinkRefLines of its lines may start one: goldmark
//     removes each definition found by copying the lines after it, and
//     1 MiB of "[a]: b" lines took it 38 s. A reference list has tens.
//   - A paragraph of L lines reads at most maxLabelWork/L link labels
//     ("[…]", "![…]", "[^…]"): goldmark reads each label by walking the
//     paragraph's lines from its last, and 40,000 lines of "[a]" took a
//     second (a 1 MiB paragraph of them, over ten). The labels past that
//     are text. A paragraph of 100 lines may hold 40,000 labels.
//   - A post's tables have at most content.TableCellBudget cells and
//     content.MaxTableEscapes pipes escaped in code (see content's
//     checkTables, which refuses such a post when it is loaded). A table
//     over them that the load's scan could not see (inside an HTML block,
//     say) is left as the paragraph of text it is written as.
//   - Raw HTML is lowered into Markdown (package markup) within markup's
//     own bounds: elements nest 64 deep in its tree, and the Markdown
//     written for an HTML block is at most 4 times its size plus 256
//     bytes (see markup's doc); postgen.HTMLBombs are its costliest posts.
//   - Math (markup.Math) searches for each kind of closing delimiter at
//     most once over each byte, however many are left open, and an inline
//     formula is at most markup.MaxInlineMath bytes; lowered, a post of
//     nothing but "$$a$$" lines, the costliest, allocates some 430 bytes
//     a byte (TestMathPostsWithinMemoryBound).
//
// With these, and the bounds of content (front matter, tables) and of the
// renderers (gemtext.OutputFactor, gopher.OutputFactor), loading, parsing
// and rendering one post allocates at most PostAllocFactor bytes for each
// of its bytes, plus PostAllocSlack for the pages of a build whatever its
// posts. TestPostsWithinMemoryBound holds every bomb of postgen to it.
func newMarkdown() goldmark.Markdown { return newDialect(content.Markup{}) }

// newDialect is newDialectOf for a post of a Markdown file.
func newDialect(mk content.Markup) goldmark.Markdown { return newDialectOf(mk, false) }

// newDialectOf is newMarkdown with what mk turns on: "$…$" math, emoji
// codes (see package markup's Math and Emoji). "$$…$$", "\[…\]" and
// "\(…\)" math is always read. htmlFile: the posts are HTML files
// (Jekyll's _posts/*.html), which kramdown never reads, so that a block
// element's tag inside their text stays a tag.
func newDialectOf(mk content.Markup, htmlFile bool) goldmark.Markdown {
	inlines := parser.DefaultInlineParsers()
	for i, in := range inlines {
		switch in.Priority {
		case 200: // the link parser
			inlines[i].Value = labelGuard{InlineParser: in.Value.(parser.InlineParser)}
		case 400: // the raw HTML parser
			if mk.Kramdown && !htmlFile {
				inlines[i].Value = markup.NewKramdownSpanHTMLParser(in.Value.(parser.InlineParser))
			}
		case 500: // the emphasis parser
			if mk.Kramdown {
				inlines[i].Value = markup.NewKramdownEmphasisParser()
			}
		}
	}
	blocks := parser.DefaultBlockParsers()
	for i, b := range blocks {
		switch b.Priority {
		case 300, 800: // the list and blockquote parsers
			blocks[i].Value = nestGuard{b.Value.(parser.BlockParser)}
		}
	}
	p := parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefGuard{parser.LinkReferenceParagraphTransformer}, 100)),
	)
	exts := []goldmark.Extender{extension.Linkify, markup.Strikethrough, extension.TaskList,
		guardedTables{}, guardedFootnotes{}, markup.Math{Dollar: mk.Dollar, DollarEscaped: mk.DollarEscaped,
			BlockEscaped: mk.DisplayEscaped}}
	if mk.Emoji {
		exts = append(exts, markup.Emoji{})
	}
	if mk.Kramdown {
		exts = append(exts, markup.KramdownHTML{}, markup.KramdownTables{})
	}
	if mk.HardWraps {
		exts = append(exts, markup.HardWraps{})
	}
	if mk.Alerts {
		exts = append(exts, markup.Alerts{Theme: mk.AlertTheme})
	}
	if mk.ThemeIcons || mk.ThemeEscapes {
		exts = append(exts, markup.ThemeText{Icons: mk.ThemeIcons, Escapes: mk.ThemeEscapes})
	}
	return goldmark.New(goldmark.WithParser(p), goldmark.WithExtensions(exts...))
}

// dialects are the Markdown dialects of a site's posts: the site's, the
// site's with "$…$" math for the posts that turn it on, and a kramdown
// site's for its posts written in HTML (see newDialectOf).
type dialects struct{ site, dollar, html goldmark.Markdown }

func newDialects(mk content.Markup) *dialects {
	d := &dialects{site: newDialect(mk)}
	d.dollar, d.html = d.site, d.site
	if mk.Kramdown {
		d.html = newDialectOf(mk, true)
	}
	if !mk.Dollar {
		withDollar := mk
		withDollar.Dollar, withDollar.DollarEscaped = true, true
		d.dollar = newDialect(withDollar)
	}
	return d
}

// of is the dialect p is written in.
func (d *dialects) of(p *content.Post) goldmark.Markdown {
	if p.Math {
		return d.dollar
	}
	if ext := strings.ToLower(path.Ext(p.File)); ext == ".html" || ext == ".htm" {
		return d.html
	}
	return d.site
}

// parsePost is the one parse of p's text, lowered (see package markup):
// what lowering cannot draw is warned of in warns, when warns is not nil;
// embeds are labelled in the site's language, by its messages, and
// alerts in its theme's words for it (markup.Labels.Lang) unless the
// operator gave other words for them.
func parsePost(md goldmark.Markdown, p *content.Post, warns *content.Warnings, site *Site) *markup.Document {
	msg, builtin := site.Messages, messages.For(site.Lang)
	own := msg.AlertNote != builtin.AlertNote || msg.AlertTip != builtin.AlertTip || msg.AlertImportant != builtin.AlertImportant ||
		msg.AlertWarning != builtin.AlertWarning || msg.AlertCaution != builtin.AlertCaution
	var warn markup.Warn
	if warns != nil {
		warn = func(offset int, kind string, msg func() string) {
			warns.Add(kind, p.File, func() int { return p.Line(offset) }, msg)
		}
	}
	doc := markup.Parse(md.Parser(), p.Body, markup.Options{Warn: warn,
		Labels: markup.Labels{Video: msg.VideoLabel, Audio: msg.AudioLabel, Embed: msg.EmbedLabel, Note: msg.AlertNote,
			Tip: msg.AlertTip, Important: msg.AlertImportant, Warning: msg.AlertWarning, Caution: msg.AlertCaution,
			Lang: site.Lang, Own: own},
		Lead: heroMarkdown(p.Hero, p.Title), HTML: p.NoMarkdown})
	dropTitleHeading(doc, p.Title, p.Hero.URL != "")
	return doc
}

// dropTitleHeading takes out of doc a first heading that is the post's
// title again ("# About" under a title About: eleventy-base-blog's
// pages, whose layouts print no title), which its page heads already: its
// hero image (hero) comes before it.
func dropTitleHeading(doc *markup.Document, title string, hero bool) {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return
	}
	n := doc.Root.FirstChild()
	if hero && n != nil {
		n = n.NextSibling()
	}
	if h, ok := n.(*ast.Heading); ok {
		var text strings.Builder
		for c := h.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				return // emphasis, a link: more than the title
			}
			text.Write(t.Segment.Value(doc.Source))
		}
		if h.Level == 1 && strings.Join(strings.Fields(text.String()), " ") == title {
			doc.Root.RemoveChild(doc.Root, h)
		}
	}
}

// heroMarkdown is the Markdown of a post's hero image, "![alt](<url>)",
// drawn as the first thing of its page as an image written there is,
// described by the post's title when it has no alt (a link line with no
// words said nothing of it); "" when it has none.
func heroMarkdown(h content.Hero, title string) string {
	if h.URL == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("![")
	for _, r := range cmp.Or(h.Alt, title) {
		if r < 0x80 && strings.ContainsRune("\\!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteString("](<")
	for _, r := range h.URL {
		switch r {
		case '<', '>', '\\', '\n', '\r':
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(">)")
	return b.String()
}

// The memory a post may cost: PostAllocFactor bytes allocated for each
// byte of the post, loaded, parsed and rendered on both protocols, plus
// PostAllocSlack. Allocated, not held: it bounds the peak, which is lower
// (capsuled -check on 1 MiB of "*a", the costliest found for its peak,
// peaks at about 400 MB). The costliest posts found allocate some 490
// bytes a byte: lines of hard breaks ("a\\"), then "[a](b)", "~~a~~"
// (goldmark's nodes, then gopher's wrapping of a line with nowhere to
// break) and "*a"; goccy/go-yaml allocates some 410 a byte of front matter
// nested eight deep on every line. The sample blog allocates 60.
const (
	PostAllocFactor = 640
	PostAllocSlack  = 4 << 20
)

// maxNesting is how deep lists, quotes and footnotes nest. Posts nest
// three or four levels; eight are drawn.
const maxNesting = 32

// nestGuard is a block parser that opens nothing maxNesting containers
// deep: the line is then read by the parsers after it, as text.
type nestGuard struct{ parser.BlockParser }

func (g nestGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if nesting(parent) >= maxNesting {
		return nil, parser.NoChildren
	}
	return g.BlockParser.Open(parent, reader, pc)
}

// nesting counts the containers n is in, n included.
func nesting(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindListItem, ast.KindBlockquote, east.KindFootnote:
			d++
		}
	}
	return d
}

// maxLinkRefLines is how many lines of a paragraph may start with "[" for
// it to be read for link reference definitions.
const maxLinkRefLines = 1000

// linkRefGuard passes a paragraph to goldmark's link reference
// transformer only if few of its lines may start a definition; otherwise
// the paragraph stays text.
type linkRefGuard struct{ parser.ParagraphTransformer }

func (g linkRefGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	n := 0
	opens := false // the paragraph's first byte that is not a space is "["
	seen := false  // that byte was found
	for i := range lines.Len() {
		seg := lines.At(i)
		l := util.TrimLeftSpace(src[seg.Start:seg.Stop]) // a segment's padding is spaces
		if !seen && len(l) > 0 {
			seen, opens = true, l[0] == '['
		}
		if len(l) > 0 && l[0] == '[' {
			if n++; n > maxLinkRefLines {
				return
			}
		}
	}
	if !opens && lines.Len() > 0 {
		// goldmark's transformer reads a definition only where the
		// paragraph starts, after its spaces, with "[": it would find
		// none here, and leave the paragraph as it is (after a block
		// reader made for it, most paragraphs).
		return
	}
	g.ParagraphTransformer.Transform(node, reader, pc)
}

// maxLabelWork bounds, for each block, its link labels times its lines.
const maxLabelWork = 4 << 20

// labelGuard is an inline parser of link labels that reads no more of
// them in a block than maxLabelWork allows (see newMarkdown): goldmark's
// link parser ("[…]", "![…]"), or its footnote parser ("[^…]", notes).
type labelGuard struct {
	parser.InlineParser
	notes bool
}

// opens is whether line starts a label the parser guarded reads.
func (g labelGuard) opens(line []byte) bool {
	if len(line) > 1 && line[0] == '!' {
		line = line[1:]
	}
	if len(line) == 0 || line[0] != '[' {
		return false
	}
	return !g.notes || (len(line) > 1 && line[1] == '^')
}

var labelSpentKey = parser.NewContextKey()

// labelSpent is the labels a block has opened, and the block.
type labelSpent struct {
	block  ast.Node
	labels int
}

func (g labelGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if line, _ := block.PeekLine(); g.opens(line) {
		b := parent
		for b.Type() != ast.TypeBlock && b.Parent() != nil {
			b = b.Parent()
		}
		spent, _ := pc.Get(labelSpentKey).(*labelSpent)
		if spent == nil {
			spent = &labelSpent{}
			pc.Set(labelSpentKey, spent)
		}
		if spent.block != b {
			spent.block, spent.labels = b, 0
		}
		spent.labels++
		if spent.labels*max(b.Lines().Len(), 1) > maxLabelWork {
			return nil // the "[" is text
		}
	}
	return g.InlineParser.Parse(parent, block, pc)
}

// CloseBlock passes on the end of a block to the parser guarded, which
// drops the labels left open.
func (g labelGuard) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if c, ok := g.InlineParser.(parser.CloseBlocker); ok {
		c.CloseBlock(parent, block, pc)
	}
}

// guardedFootnotes is extension.Footnote with its block parser guarded.
type guardedFootnotes struct{}

func (guardedFootnotes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(nestGuard{extension.NewFootnoteBlockParser()}, 999)),
		parser.WithInlineParsers(util.Prioritized(labelGuard{InlineParser: extension.NewFootnoteParser(), notes: true}, 101)),
		parser.WithASTTransformers(util.Prioritized(extension.NewFootnoteASTTransformer(), 999)),
	)
}

// guardedTables is extension.Table with its paragraph transformer
// guarded (see tableGuard).
type guardedTables struct{}

func (guardedTables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(tableGuard{extension.NewTableParagraphTransformer()}, 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
}

// tableGuard makes a table of a paragraph only while the document's tables
// stay within their bounds: it finds the table goldmark's transformer
// would make, as that one does, and counts its cells (header columns
// times rows, padding included) and escaped pipes before they exist.
type tableGuard struct{ parser.ParagraphTransformer }

var tableSpentKey = parser.NewContextKey()

// tableSpent is what a document's tables have cost so far.
type tableSpent struct{ cells, escapes int }

func (g tableGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		cols := content.TableColumns(delim.Value(src))
		if cols == 0 {
			continue
		}
		header := lines.At(i - 1)
		if content.RowCells(header.Value(src)) > cols {
			break // goldmark makes no table of this paragraph
		}
		spent, _ := pc.Get(tableSpentKey).(*tableSpent)
		if spent == nil {
			spent = &tableSpent{}
			pc.Set(tableSpentKey, spent)
		}
		cells := cols * (lines.Len() - i) // the header and the rows below the delimiter
		escapes := 0
		for j := i - 1; j < lines.Len(); j++ {
			if j != i {
				seg := lines.At(j)
				escapes += content.TableEscapes(seg.Value(src))
			}
		}
		if spent.cells+cells > content.TableCellBudget(len(src)) || spent.escapes+escapes > content.MaxTableEscapes {
			return // left a paragraph
		}
		spent.cells += cells
		spent.escapes += escapes
		break
	}
	g.ParagraphTransformer.Transform(node, reader, pc)
}

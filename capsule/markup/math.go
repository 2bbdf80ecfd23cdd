package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Math is the goldmark extension that reads TeX math as the pages of
// MathJax and KaTeX sites write it, so that no Markdown rule (escapes,
// emphasis, line breaks) touches a formula:
//
//   - display math, a block: lines from one starting with "$$" to one
//     ending with "$$" (one line "$$ x $$" too), the same with "\[" and
//     "\]", and with "\\[" and "\\]" (how a Markdown page without a math
//     extension gives MathJax its "\[");
//   - inline math: "\(…\)", "\\(…\\)", "$$…$$" in a line, and "$…$" when
//     Dollar is set, with Pandoc's rule that keeps amounts out: the
//     opening "$" has no space after it, the closing one no space before
//     it and no digit after it, and none is between them but "\$" ("$5
//     and $10" is text).
//
// A display block starts only where a line ending with its closing
// delimiter follows in the text, so that a stray "$$" does not take the
// rest of the post; inline math closes within its paragraph and within
// MaxInlineMath bytes, or is text.
//
// Both become nodes of this package (MathBlock, MathInline), which
// lowering turns into Markdown the renderers draw: a display formula a
// fenced code block with info string "math", its lines as written; an
// inline formula a code span holding it with its delimiters, "\(x^2\)",
// "$x$" ("\\(" written "\(", as MathJax reads it).
//
// Cost: every byte of a post is scanned for delimiters at most once per
// delimiter kind beyond the parse itself (see closerMemo), however many
// delimiters are left open.
type Math struct {
	// Dollar turns on "$…$" inline math.
	Dollar bool
	// DollarEscaped says that the site's Markdown reads "$…$" before its
	// math script does, as Hugo without its passthrough extension and
	// Jekyll's kramdown do: its backslash escapes are resolved, so that
	// "$\\{0, 1\\}$" shows "$\{0, 1\}$", as the site's readers see it.
	// The same holds of "\\(…\\)" and "\\[…\\]" always: their
	// doubled backslash is written for the Markdown that reads them.
	DollarEscaped bool
	// BlockEscaped says the same of "$$…$$" blocks: Hugo's Markdown
	// without "$$" among its passthrough extension's block delimiters
	// reads them as paragraphs, its backslash escapes resolved
	// ("D\_{KL}" is "D_{KL}" to MathJax); kramdown's math blocks, and
	// capsule's own, are as written.
	BlockEscaped bool
}

// MaxInlineMath is the longest inline formula, delimiters aside, in bytes
// of the post: a closing delimiter farther than this from its opening one
// leaves the opening one text.
const MaxInlineMath = 4096

// Extend adds the math parsers to m.
func (e Math) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// Before the paragraph (1000) and the other blocks that "\" or
		// "$" cannot start; after the fenced code block (700), so
		// nothing in a fence is math.
		parser.WithBlockParsers(util.Prioritized(mathBlockParser{dollarEscaped: e.BlockEscaped}, 750)),
		// Before the code span (100)? No: a code span opened first wins,
		// as inline parsers only see where they are triggered.
		parser.WithInlineParsers(util.Prioritized(mathInlineParser{dollar: e.Dollar, escaped: e.DollarEscaped}, 150)),
		// Last: the text the math and emoji parsers split, joined (see
		// textMerger).
		parser.WithASTTransformers(util.Prioritized(textMerger{}, 10000)),
	)
}

// KindMathBlock is the kind of MathBlock.
var KindMathBlock = ast.NewNodeKind("MathBlock")

// A MathBlock is display math: its Lines are the formula's, delimiters
// left out.
type MathBlock struct {
	ast.BaseBlock
	closer  string // the delimiter that ends it
	done    bool   // closed on its first line
	offset  int    // where the formula starts in the source
	escaped bool   // written "\\[…\\]", or "$$" where Math.BlockEscaped: Markdown's backslash escapes are resolved in it
}

func (n *MathBlock) Kind() ast.NodeKind { return KindMathBlock }
func (n *MathBlock) IsRaw() bool        { return true }
func (n *MathBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

// KindMathInline is the kind of MathInline.
var KindMathInline = ast.NewNodeKind("MathInline")

// A MathInline is inline math: Open and Close are its delimiters as they
// are to be shown, Segments the formula's pieces, one a line.
type MathInline struct {
	ast.BaseInline
	Open, Close string
	Segments    []text.Segment
	escaped     bool // Markdown's backslash escapes are resolved in it
}

func (n *MathInline) Kind() ast.NodeKind { return KindMathInline }
func (n *MathInline) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Open": n.Open}, nil)
}

// blockDelims are the display delimiters, longest opener first.
var blockDelims = []struct{ open, close string }{
	{`$$`, `$$`},
	{`\\[`, `\\]`},
	{`\[`, `\]`},
}

var (
	blockMemoKey  = parser.NewContextKey()
	inlineMemoKey = parser.NewContextKey()
)

// A closerMemo remembers, for one kind of closing delimiter, the last
// search: from offset from on, the first closer is at at (-1: none up to
// the end of what was searched). Openers are met in increasing offsets,
// so a search starting at or after from and not after at has its answer
// without scanning: every byte is scanned once for each kind.
type closerMemo struct {
	scope ast.Node // the block searched (nil: the whole text)
	from  int
	at    int
}

func (m *closerMemo) known(scope ast.Node, start int) (int, bool) {
	if m.from < 0 || m.scope != scope || start < m.from || m.at >= 0 && start > m.at {
		return 0, false
	}
	return m.at, true
}

func memos(pc parser.Context, key parser.ContextKey) *[4]closerMemo {
	m, _ := pc.Get(key).(*[4]closerMemo)
	if m == nil {
		m = &[4]closerMemo{}
		for i := range m {
			m[i].from = -1 // nothing searched yet
		}
		pc.Set(key, m)
	}
	return m
}

type mathBlockParser struct{ dollarEscaped bool }

func (mathBlockParser) Trigger() []byte { return []byte{'$', '\\'} }

func (p mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	rest := line[pos:]
	for k, d := range blockDelims {
		if !bytes.HasPrefix(rest, []byte(d.open)) {
			continue
		}
		body := rest[len(d.open):]
		start := seg.Start - seg.Padding + pos + len(d.open) // body's offset in the source
		trimmed := util.TrimRightSpace(body)
		if i := bytes.Index(body, []byte(d.close)); i >= 0 {
			// One line, "$$ x $$", if the closer ends it; "$$x$$ and
			// more" is a paragraph holding inline math.
			if !util.IsBlank(body[i+len(d.close):]) {
				return nil, parser.NoChildren
			}
			n := &MathBlock{closer: d.close, done: true, offset: start, escaped: d.open == `\\[` || d.open == "$$" && p.dollarEscaped}
			if !util.IsBlank(body[:i]) {
				n.Lines().Append(text.NewSegment(start, start+i))
			}
			reader.AdvanceToEOL()
			return n, parser.NoChildren
		}
		if !closerLineFollows(pc, k, d.close, reader.Source(), seg.Stop) {
			return nil, parser.NoChildren
		}
		n := &MathBlock{closer: d.close, offset: start, escaped: d.open == `\\[` || d.open == "$$" && p.dollarEscaped}
		if !util.IsBlank(body) {
			// "$$ \begin{x}": its spaces are the delimiter's, not
			// the formula's indent.
			lead := len(trimmed) - len(util.TrimLeftSpace(trimmed))
			n.Lines().Append(text.NewSegment(start+lead, start+len(trimmed)))
		}
		reader.AdvanceToEOL()
		return n, parser.NoChildren
	}
	return nil, parser.NoChildren
}

// closerLineFollows is whether a line ending with closer (spaces aside)
// starts at or after from in src. The answer is remembered (closerMemo):
// each byte of src is looked at once per delimiter kind in a parse.
func closerLineFollows(pc parser.Context, kind int, closer string, src []byte, from int) bool {
	m := &memos(pc, blockMemoKey)[kind]
	if at, ok := m.known(nil, from); ok {
		return at >= 0
	}
	at := -1
	for i := from; i < len(src); {
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += i
		}
		if bytes.HasSuffix(util.TrimRightSpace(src[i:end]), []byte(closer)) {
			at = i
			break
		}
		i = end + 1
	}
	*m = closerMemo{from: from, at: at}
	return at >= 0
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MathBlock)
	if n.done {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if line == nil {
		return parser.Close
	}
	start := seg.Start - seg.Padding
	trimmed := util.TrimRightSpace(line)
	if bytes.HasSuffix(trimmed, []byte(n.closer)) {
		if body := trimmed[:len(trimmed)-len(n.closer)]; !util.IsBlank(body) {
			n.Lines().Append(text.NewSegment(max(start, seg.Start), start+len(body)))
		}
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(text.NewSegment(max(start, seg.Start), start+len(trimmed)))
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(ast.Node, text.Reader, parser.Context) {}
func (mathBlockParser) CanInterruptParagraph() bool                 { return true }
func (mathBlockParser) CanAcceptIndentedLine() bool                 { return false }

// inlineDelims are the inline delimiters: open as written, close as
// written, and as they are shown. "$" must stay last (see dollar).
var inlineDelims = []struct{ open, close, show, showClose string }{
	{`\\(`, `\\)`, `\(`, `\)`},
	{`\(`, `\)`, `\(`, `\)`},
	{`$$`, `$$`, `$$`, `$$`},
	{`$`, `$`, `$`, `$`},
}

type mathInlineParser struct{ dollar, escaped bool }

func (mathInlineParser) Trigger() []byte { return []byte{'$', '\\'} }

func (p mathInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	kind := -1
	for k, d := range inlineDelims {
		if bytes.HasPrefix(line, []byte(d.open)) {
			kind = k
			break
		}
	}
	if kind < 0 {
		return nil
	}
	d := inlineDelims[kind]
	if d.open == "$" {
		// Pandoc's rule: "$" then no space.
		if !p.dollar || len(line) < 2 || util.IsSpace(line[1]) {
			return nil
		}
	}
	scope := parent
	for scope.Type() != ast.TypeBlock && scope.Parent() != nil {
		scope = scope.Parent()
	}
	savedLine, savedPos := block.Position()
	block.Advance(len(d.open))
	_, first := block.Position()
	m := &memos(pc, inlineMemoKey)[kind]
	at, ok := m.known(scope, first.Start)
	if !ok {
		at = findCloser(block, d.close, first.Start)
		*m = closerMemo{scope: scope, from: first.Start, at: at}
		block.SetPosition(savedLine, first)
	}
	if at >= 0 && d.open == "$" && !dollarCloses(block.Source(), at) {
		at = -1 // "$5 and $10": the next "$" is no closer, and "$" is never inside
	}
	if at < 0 || at-first.Start > MaxInlineMath {
		block.SetPosition(savedLine, savedPos)
		return nil
	}
	n := &MathInline{Open: d.show, Close: d.showClose, escaped: d.open == `\\(` || d.open == "$" && p.escaped}
	for {
		l, seg := block.PeekLine()
		if l == nil { // cannot be: the closer is in the block
			block.SetPosition(savedLine, savedPos)
			return nil
		}
		if at < seg.Stop {
			if at > seg.Start {
				n.Segments = append(n.Segments, text.NewSegment(seg.Start, at))
			}
			block.Advance(at - seg.Start + len(d.close))
			break
		}
		n.Segments = append(n.Segments, seg.TrimRightSpace(block.Source()))
		block.AdvanceLine()
	}
	if blankSegments(n.Segments, block.Source()) {
		block.SetPosition(savedLine, savedPos)
		return nil
	}
	return n
}

func blankSegments(segs []text.Segment, src []byte) bool {
	for _, s := range segs {
		if !util.IsBlank(s.Value(src)) {
			return false
		}
	}
	return true
}

// dollarCloses is whether the "$" at o closes math, by Pandoc's rule: no
// space before it, no digit after it.
func dollarCloses(src []byte, o int) bool {
	return o > 0 && !util.IsSpace(src[o-1]) && (o+1 >= len(src) || src[o+1] < '0' || src[o+1] > '9')
}

// findCloser is the offset of the first closing delimiter close from the
// reader's position on in its block, or -1; it moves the reader.
func findCloser(block text.Reader, close string, from int) int {
	src := block.Source()
	for {
		line, seg := block.PeekLine()
		if line == nil {
			return -1
		}
		base := seg.Start - seg.Padding
		for i := max(0, from-base); i+len(close) <= len(line); i++ {
			if !bytes.HasPrefix(line[i:], []byte(close)) {
				continue
			}
			// "\$" is a dollar sign in TeX, not a closer.
			if o := base + i; close != "$" || o == 0 || src[o-1] != '\\' {
				return o
			}
		}
		block.AdvanceLine()
	}
}

// mathNode reports whether n is math lowering replaces.
func mathNode(n ast.Node) bool {
	k := n.Kind()
	return k == KindMathBlock || k == KindMathInline
}

// lowerMath replaces n, a math node, with Markdown the renderers draw.
func (d *Document) lowerMath(n ast.Node) {
	switch n := n.(type) {
	case *emojiast.Emoji:
		d.lowerEmoji(n)
	case *MathBlock:
		lines := n.Lines()
		var b strings.Builder
		formula := make([]string, 0, lines.Len())
		indent := -1
		for i := range lines.Len() {
			s := lines.At(i)
			l := strings.TrimRight(string(s.Value(d.Source)), " \t\r\n")
			if n.escaped {
				l = unescape(l)
			}
			formula = append(formula, l)
			if strings.TrimSpace(l) != "" {
				w := len(l) - len(strings.TrimLeft(l, " \t"))
				if indent < 0 || w < indent {
					indent = w
				}
			}
		}
		// Blank lines around the formula are dropped, the lines' common
		// indent too.
		for len(formula) > 0 && strings.TrimSpace(formula[0]) == "" {
			formula = formula[1:]
		}
		for len(formula) > 0 && strings.TrimSpace(formula[len(formula)-1]) == "" {
			formula = formula[:len(formula)-1]
		}
		fence := 3
		for i, l := range formula {
			if len(l) >= indent && indent > 0 {
				formula[i] = l[indent:]
			}
			fence = max(fence, longestRun(l, '`')+1)
		}
		f := strings.Repeat("`", fence)
		b.WriteString(f)
		b.WriteString("math\n")
		for _, l := range formula {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		b.WriteString(f)
		if len(formula) == 0 {
			replace(n, nil) // "$$ $$": nothing to show
			return
		}
		replace(n, d.writeMarkdown(b.String(), d.Offset(n.offset)))
	case *MathInline:
		var b strings.Builder
		b.WriteString(n.Open)
		for i, s := range n.Segments {
			v := string(s.Value(d.Source))
			if i > 0 {
				v = strings.TrimLeft(v, " \t")
				if !strings.HasSuffix(b.String(), " ") {
					b.WriteByte(' ')
				}
			}
			b.WriteString(strings.TrimRight(v, "\r\n"))
		}
		if n.escaped {
			inner := b.String()[len(n.Open):]
			b.Reset()
			b.WriteString(n.Open)
			b.WriteString(unescape(inner))
		}
		b.WriteString(n.Close)
		offset := 0
		if len(n.Segments) > 0 {
			offset = n.Segments[0].Start
		}
		code := ast.NewCodeSpan()
		code.AppendChild(code, ast.NewRawTextSegment(d.writeText(b.String(), d.Offset(offset))))
		replace(n, []ast.Node{code})
	}
}

// unescape resolves CommonMark's backslash escapes in s: a backslash
// before ASCII punctuation stands for that character.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

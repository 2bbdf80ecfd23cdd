package content

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// MDX in an Astro site that builds it (@astrojs/mdx, or Starlight, which
// brings it): Markdown with ES module lines, JSX components and {…}
// expressions, which capsule runs none of. An .mdx entry is read as its
// Markdown, as mdxBody leaves it:
//
//   - an import or export statement, at a line's start (no indent,
//     after a blank line or at the start), followed by a space, running
//     to the next blank line as MDX reads it, is left out (its lines
//     kept blank, for the lines of warnings);
//   - a component (a capitalised tag, <Aside>, <Foo.Bar>, or a fragment
//     <>) keeps what it holds; of its attributes, literal strings only,
//     a link's (href, url, link) becomes a link (its text what the tag
//     holds on its line, else the address), a title's (title, summary,
//     label, heading, caption) a bold line, an image's (src, with alt)
//     an image; the rest of it is left out, the components named in one
//     warning per post;
//   - an expression {…} outside code is left out, with a warning, but a
//     comment {/* … */}, left out quietly, and a string literal {"…"},
//     which is its text;
//   - fenced and inline code, and lowercase HTML tags (which capsule
//     lowers as it does all HTML), are left as they are;
//   - indentation is no code: MDX reads no indented code blocks, and
//     a heading, a list, a paragraph indented four columns or more (as
//     Markdown inside an indented component's tags is) is one; such a
//     line is moved left to its list item's column (see mdxIndents).
//
// A tag or an expression written over several lines is read as if on
// one (<Image\n  src={pic}\n  alt="…"\n/>, <Callout type="warn"\n
// title="x">text</Callout>): its text or stand-in where its "<" is, the
// text after its end run on after it, its line breaks left out (their
// file's lines kept in Post.Lines, for the lines of warnings).
//
// Bounds: a tag or an expression is read for at most mdxMaxSpan bytes,
// a tag over at most mdxMaxTagLines line breaks (past them, it is left
// as text); components are nested at most
// mdxMaxDepth deep (deeper ones are dropped, their text kept); the
// warning names at most mdxMaxNames components; after mdxMaxUnended
// tags or expressions with no end, each a scan of up to mdxMaxSpan
// bytes, the rest of the body's "<" and "{" are text, unscanned (a
// megabyte of "{" is not a megabyte of scans).
const (
	mdxMaxSpan     = 4096
	mdxMaxTagLines = 32
	mdxMaxDepth    = 64
	mdxMaxNames    = 8
	mdxMaxUnended  = 64
)

var (
	// mdxESM is the start of an ES module statement, as MDX reads one.
	mdxESM = regexp.MustCompile(`^(?:import|export)[ \t]`)
	// mdxBlockStart is a line that starts a block of its own: a list's
	// item, a heading, a quote, a fence, a table's row, a tag.
	mdxBlockStart = regexp.MustCompile(`^[ \t]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|#|>|` + "```" + `|~~~|\||<)`)
	// mdxThematicBreak is a thematic break's line, its indent trimmed.
	mdxThematicBreak = regexp.MustCompile(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	// mdxATXHeading is a heading's line, "## Title", its indent trimmed.
	mdxATXHeading = regexp.MustCompile(`^#{1,6}(?:[ \t]|$)`)
	// mdxTagName is a tag's name.
	mdxTagName = regexp.MustCompile(`^[A-Za-z_$][\w$.:-]*`)
	// astroMDXIntegration is the MDX integration in a site's
	// package.json or configuration, or Starlight, which brings it.
	astroMDXIntegration = regexp.MustCompile(`["']@astrojs/(?:mdx|starlight)["']`)
)

// astroReadsMDX reports whether the Astro site at dir builds .mdx
// entries: its configuration cfg or its package.json names
// @astrojs/mdx (or Starlight). Without it Astro builds none of them.
func astroReadsMDX(dir string, cfg []byte) bool {
	if astroMDXIntegration.Match(cfg) {
		return true
	}
	b, err := readSmall(filepath.Join(dir, "package.json"))
	return err == nil && astroMDXIntegration.Match(b)
}

// mdxNotes is what mdxBody left out of a body.
type mdxNotes struct {
	names     []string       // the components, in order of first use
	count     map[string]int // how many times each
	compLine  int            // the line of the first
	exprs     int            // expressions dropped
	exprLine  int            // the line of the first
	firstExpr string
	unended   int // tags and expressions found with no end
	// lines are where the body's lines and its file's part (Post.Lines):
	// after each tag or expression written over several lines, whose
	// line breaks are left out (collapse); counted, the bytes of the
	// output whose lines are counted in outLines.
	lines             []LineSync
	counted, outLines int
}

// collapse notes that a tag or an expression over n line breaks was
// just written to out as one line (on the one line its text or its
// stand-in takes, as written on one line: its breaks, written, were
// blank lines, which cut a paragraph, a list's item, a title's line
// break in two), the text after it from the file's line next on.
func (n *mdxNotes) collapse(out *bytes.Buffer, breaks, next int) {
	if breaks == 0 {
		return
	}
	b := out.Bytes()
	n.outLines += bytes.Count(b[n.counted:], []byte("\n"))
	n.counted = len(b)
	s := LineSync{Out: n.outLines + 1, Src: next}
	if k := len(n.lines) - 1; k >= 0 && n.lines[k].Out == s.Out {
		n.lines[k] = s // two on one line: the last says
		return
	}
	n.lines = append(n.lines, s)
}

// mdxFrame is a component open in mdxBody: its name and what its closing
// tag is replaced with.
type mdxFrame struct {
	name, close string
}

// mdxBody reads an MDX body (see above) as Markdown; line is the body's
// first line in its file, for the notes. The lines keep their numbers.
func mdxBody(body []byte, line int) ([]byte, mdxNotes) {
	var notes mdxNotes
	lines := bytes.SplitAfter(body, []byte("\n"))
	code := make([]bool, len(lines))  // fenced code, left as it is
	opens := make([]bool, len(lines)) // the fences' first lines
	var fenceCh byte
	fenceN := 0
	esm, prevBlank := false, true
	for i, l := range lines {
		text := bytes.TrimRight(l, "\r\n")
		blank := len(bytes.TrimSpace(text)) == 0
		switch {
		case fenceCh != 0:
			code[i] = true
			if scClosesFence(text, fenceCh, fenceN) {
				fenceCh = 0
			}
		case esm && !blank:
			lines[i] = l[len(text):]
		case prevBlank && mdxESM.Match(text):
			esm = true
			lines[i] = l[len(text):]
		default:
			esm = false
			if ch, k := scFenceOpen(bytes.TrimLeft(text, " \t>")); k > 0 {
				fenceCh, fenceN, code[i], opens[i] = ch, k, true, true
			}
		}
		if blank {
			esm = false
		}
		prevBlank = blank
	}
	var out bytes.Buffer
	out.Grow(len(body))
	var stack []mdxFrame
	// The output's lines are not the input's one for one (a tag over
	// several lines is written on one): what code and opens say of each
	// is marked as it is written, for mdxIndents.
	outCode, outOpens := make([]bool, 0, len(lines)), make([]bool, 0, len(lines))
	for i := 0; i < len(lines); {
		if code[i] {
			out.Write(lines[i])
			outCode, outOpens = append(outCode, true), append(outOpens, opens[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && !code[j] {
			j++
		}
		seg := bytes.Join(lines[i:j], nil)
		at := out.Len()
		mdxText(&out, seg, line+i, &stack, &notes)
		for range lineCount(out.Bytes()[at:]) {
			outCode, outOpens = append(outCode, false), append(outOpens, false)
		}
		i = j
	}
	return mdxIndents(out.Bytes(), outCode, outOpens), notes
}

// lineCount is how many lines bytes.SplitAfter finds in b at "\n": its
// line breaks, and one more for text after the last.
func lineCount(b []byte) int {
	n := bytes.Count(b, []byte("\n"))
	if len(b) > 0 && b[len(b)-1] != '\n' {
		n++
	}
	return n
}

// mdxIndents moves left, in body (its lines one for one those code and
// opens mark), the lines CommonMark would read as indented code and MDX
// reads as what they start, a heading, a list's item, a paragraph: MDX
// has no indented code blocks, and a block may start indented as far as
// it likes. A line outside fenced code that is four columns or more to
// the right of the list item it is in (or of the margin) is moved to
// that column; so is a fence's first line, its code lines moved left as
// far (the same lines, as MDX strips up to the fence's indent from
// each); a list item's marker followed by five spaces or more (its text
// indented code in CommonMark) keeps one. Lines less indented are left
// as they are, which CommonMark and MDX read alike. Quotes' insides are
// not looked at.
//
// The items are known by their markers (scListItem): a line less
// indented than an item's text closes it, as it does in both readings,
// but a line that continues a paragraph (one that starts no block that
// would end it, mdxInterrupts), which is left where it is and closes
// nothing, however indented: homimemo's item whose lines run on at the
// margin, then a nested list four columns in. Blank lines are left as
// they are.
//
// Bounds: one pass over body; the items open are at most a line's
// indentation deep (each one's text to the right of the one before); a
// line moved keeps what fits of its old whitespace and pads it with
// fewer than four spaces (a tab it splits), at most three bytes more than
// it had, on a line that has a tab and a character besides.
func mdxIndents(body []byte, code, opens []bool) []byte {
	type item struct{ col, to int } // an item's text's column, before and after
	var items []item
	var out []byte // nil while no line moved
	shift := 0     // how far the fenced code's lines move left
	para := false  // the line before is a paragraph's (or an HTML block's)
	for i, pos := 0, 0; pos < len(body); i++ {
		end := len(body)
		if j := bytes.IndexByte(body[pos:], '\n'); j >= 0 {
			end = pos + j + 1
		}
		l, start := body[pos:end], pos
		pos = end
		ws, cols := mdxIndent(l, 0)
		text := bytes.TrimRight(l[ws:], "\r\n")
		at, gap := cols, 0 // its new indent; for an item, its marker's new gap (0: as it is)
		switch {
		case len(bytes.TrimSpace(text)) == 0 || i >= len(code):
			para = false
		case code[i] && !opens[i]:
			at, para = max(0, cols-shift), false
		case para && !opens[i] && !mdxInterrupts(text):
			// A paragraph's next line, however indented, in both
			// readings; the items it is in stay open.
		default:
			for len(items) > 0 && cols < items[len(items)-1].col {
				items = items[:len(items)-1]
			}
			base, to := 0, 0
			if len(items) > 0 {
				base, to = items[len(items)-1].col, items[len(items)-1].to
			}
			if cols-base >= 4 {
				at = to
			} else {
				at = to + cols - base
			}
			if opens[i] {
				shift = cols - at
			}
			para = !opens[i] && !mdxATXHeading.Match(text) && !mdxThematicBreak.Match(text)
			if n := mdxItemMarker(text); n > 0 {
				sp, spCols := mdxIndent(text[n:], cols+n)
				w := spCols - cols - n // the columns between marker and text
				if w >= 5 || sp == len(text[n:]) {
					w, gap = 1, sp // "-      code", "-": its text one column on
				}
				items = append(items, item{col: cols + n + w, to: at + n + w})
				para = para && sp < len(text[n:])
			}
		}
		if at == cols && gap == 0 {
			if out != nil {
				out = append(out, l...)
			}
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(body)+len(body)/2)
			out = append(out, body[:start]...)
		}
		out = mdxReindent(out, l[:ws], at)
		if gap > 0 {
			n := mdxItemMarker(text)
			out = append(out, text[:n]...)
			if gap < len(text[n:]) {
				out = append(out, ' ')
			}
			out = append(out, l[ws+n+gap:]...)
		} else {
			out = append(out, l[ws:]...)
		}
	}
	if out == nil {
		return body
	}
	return out
}

// mdxIndent is the whitespace l starts with, in bytes and in columns
// (a tab to the next multiple of four), from column col.
func mdxIndent(l []byte, col int) (n, cols int) {
	for ; n < len(l); n++ {
		switch l[n] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return n, col
		}
	}
	return n, col
}

// mdxReindent appends to out an indent of at columns: as much of ws, a
// line's whitespace, as fits in them, then spaces.
func mdxReindent(out, ws []byte, at int) []byte {
	k, col := 0, 0
	for k < len(ws) {
		_, c := mdxIndent(ws[k:k+1], col)
		if c > at {
			break
		}
		k, col = k+1, c
	}
	out = append(out, ws[:k]...)
	for ; col < at; col++ {
		out = append(out, ' ')
	}
	return out
}

// mdxInterrupts reports whether text, a line's without its indent,
// starts a block that ends a paragraph before it, as MDX reads it at
// any indent: a heading, a quote, a fence, a thematic break, a list's
// item that is not empty (an ordered one's numbered 1).
func mdxInterrupts(text []byte) bool {
	if n := mdxItemMarker(text); n > 0 {
		_, rest := scIndent(text[n:])
		return len(bytes.TrimSpace(rest)) > 0 && (n == 1 || bytes.HasPrefix(text, []byte("1")) && n == 2)
	}
	if ch, _ := scFenceOpen(text); ch != 0 {
		return true
	}
	return text[0] == '>' || mdxATXHeading.Match(text) || mdxThematicBreak.Match(text)
}

// mdxItemMarker is the length of the list item's marker text starts with
// ("-", "1."), 0 when it starts none (a thematic break "- - -" neither).
func mdxItemMarker(text []byte) int {
	if !scListItem(text) || mdxThematicBreak.Match(text) {
		return 0
	}
	n := 0
	for n < len(text) && text[n] >= '0' && text[n] <= '9' {
		n++
	}
	return n + 1
}

// mdxText writes the text seg (no fenced code in it; its first line
// line) to out, its components and expressions read (see mdxBody).
func mdxText(out *bytes.Buffer, seg []byte, line int, stack *[]mdxFrame, notes *mdxNotes) {
	lineAt := func(p int) int { return line + bytes.Count(seg[:p], []byte("\n")) }
	for i := 0; i < len(seg); {
		c := seg[i]
		switch {
		case c == '\\' && i+1 < len(seg) && seg[i+1] != '\n':
			out.Write(seg[i : i+2])
			i += 2
		case c == '`':
			n := 0
			for i+n < len(seg) && seg[i+n] == '`' {
				n++
			}
			end := mdxCodeSpanEnd(seg, i+n, n)
			if end < 0 {
				out.Write(seg[i : i+n])
				i += n
				continue
			}
			out.Write(seg[i:end])
			i = end
		case c == '<' && i+1 < len(seg) && (isUpper(seg[i+1]) || seg[i+1] == '>' || seg[i+1] == '/' && i+2 < len(seg) && (isUpper(seg[i+2]) || seg[i+2] == '>')):
			end, ok := mdxTag(out, seg, i, stack, notes, lineAt)
			if !ok {
				out.WriteByte(c)
				i++
				continue
			}
			i = end
		case c == '<' && i+1 < len(seg) && isLower(seg[i+1]):
			// An HTML tag: as it is, its attributes' braces too.
			end := -1
			if notes.unended < mdxMaxUnended {
				end = mdxTagEnd(seg, i+1)
			}
			if end < 0 {
				notes.unended++
				out.WriteByte(c)
				i++
				continue
			}
			out.Write(seg[i:end])
			i = end
		case c == '{':
			end := -1
			if notes.unended < mdxMaxUnended {
				end = jsBlockEnd(seg[:min(len(seg), i+mdxMaxSpan)], i)
			}
			if end < 0 {
				notes.unended++
				out.WriteByte(c) // no end: text, as it reads
				i++
				continue
			}
			end++ // past its "}"
			expr := bytes.TrimSpace(seg[i+1 : end-1])
			switch {
			case mdxComment(expr):
			case mdxString(expr) != "":
				out.WriteString(mdxString(expr))
			default:
				if notes.exprs++; notes.exprs == 1 {
					notes.exprLine, notes.firstExpr = lineAt(i), clip(string(seg[i:end]))
				}
			}
			notes.collapse(out, bytes.Count(seg[i:end], []byte("\n")), lineAt(end)+1)
			i = end
		default:
			out.WriteByte(c)
			i++
		}
	}
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// mdxCodeSpanEnd is the end of the code span whose opening run of n
// backticks ends at from, in seg: just past its closing run; -1 when
// there is none before a blank line.
func mdxCodeSpanEnd(seg []byte, from, n int) int {
	for i := from; i < len(seg); {
		switch {
		case seg[i] == '`':
			k := 0
			for i+k < len(seg) && seg[i+k] == '`' {
				k++
			}
			if k == n {
				return i + k
			}
			i += k
		case seg[i] == '\n' && bytes.HasPrefix(bytes.TrimLeft(seg[i+1:], " \t"), []byte("\n")):
			return -1
		default:
			i++
		}
	}
	return -1
}

// mdxTagEnd is the end of the tag whose name starts at from in seg
// (just past its ">"), its attributes' strings and braces skipped; -1
// when it has none within mdxMaxSpan bytes and mdxMaxTagLines line
// breaks (its "<" is then text).
func mdxTagEnd(seg []byte, from int) int {
	limit := min(len(seg), from+mdxMaxSpan)
	if k := mdxNthBreak(seg[from:limit], mdxMaxTagLines+1); k >= 0 {
		limit = from + k
	}
	for i := from; i < limit; i++ {
		switch seg[i] {
		case '"', '\'':
			j := bytes.IndexByte(seg[i+1:limit], seg[i])
			if j < 0 {
				return -1
			}
			i += j + 1
		case '{':
			j := jsBlockEnd(seg[:limit], i)
			if j < 0 {
				return -1
			}
			i = j
		case '<':
			return -1
		case '>':
			return i + 1
		}
	}
	return -1
}

// mdxNthBreak is the index in b of its nth line break, -1 when it has
// fewer.
func mdxNthBreak(b []byte, n int) int {
	at := 0
	for ; n > 0; n-- {
		k := bytes.IndexByte(b[at:], '\n')
		if k < 0 {
			return -1
		}
		at += k + 1
	}
	return at - 1
}

// mdxAttrPattern is an attribute of a component's tag: its name and a
// literal string's value.
var mdxAttrPattern = regexp.MustCompile(`(?:^|\s)([A-Za-z_][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// mdxTag reads the component's tag at seg[at] ("<Name …>", "</Name>",
// "<Name … />", a fragment's "<>"), writing what stands for it to out;
// end is just past it, ok false when it is no tag.
func mdxTag(out *bytes.Buffer, seg []byte, at int, stack *[]mdxFrame, notes *mdxNotes, lineAt func(int) int) (end int, ok bool) {
	closing := seg[at+1] == '/'
	from := at + 1
	if closing {
		from++
	}
	if notes.unended >= mdxMaxUnended {
		return 0, false
	}
	end = mdxTagEnd(seg, from)
	if end < 0 {
		notes.unended++
		return 0, false
	}
	name := string(mdxTagName.Find(seg[from:end]))
	if name == "" && seg[from] != '>' {
		return 0, false
	}
	inner := seg[from+len(name) : end-1]
	selfClosing := bytes.HasSuffix(bytes.TrimSpace(inner), []byte("/"))
	// Written on one line, as on one line it reads (mdxNotes.collapse).
	keepLines := func() {
		notes.collapse(out, bytes.Count(seg[at:end], []byte("\n")), lineAt(end)+1)
	}
	if closing {
		s := *stack
		for k := len(s) - 1; k >= 0; k-- {
			if s[k].name == name {
				out.WriteString(s[k].close)
				*stack = s[:k]
				break
			}
		}
		keepLines()
		return end, true
	}
	if name != "" {
		if notes.count == nil {
			notes.count = make(map[string]int)
		}
		if notes.count[name]++; notes.count[name] == 1 {
			notes.names = append(notes.names, name)
			if len(notes.names) == 1 {
				notes.compLine = lineAt(at)
			}
		}
	}
	attrs := make(map[string]string)
	// Expressions' values are left out before the literals are read: a
	// string in one is none of the tag's.
	plain := mdxBlankExprs(inner)
	for _, m := range mdxAttrPattern.FindAllSubmatch(plain, -1) {
		k := strings.ToLower(string(m[1]))
		if _, seen := attrs[k]; !seen {
			attrs[k] = strings.TrimSpace(string(m[2]) + string(m[3]))
		}
	}
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := attrs[k]; v != "" {
				return v
			}
		}
		return ""
	}
	link, title := first("href", "url", "link"), first("title", "summary", "label", "heading", "caption")
	if !mdxAddress(link) {
		link = "" // "#", javascript:…: nowhere a reader goes
	}
	var open, close string
	if title != "" {
		open = "**" + scLabel(title) + "**"
		// On a line of its own, what follows on the next line is run
		// on after a break, not into it.
		// (Not before a block, a list's item: the break would be text.)
		rest, after, more := bytes.Cut(seg[end:], []byte("\n"))
		next, _, _ := bytes.Cut(after, []byte("\n"))
		if !selfClosing && len(bytes.TrimSpace(rest)) == 0 && more && len(bytes.TrimSpace(next)) > 0 && !mdxBlockStart.Match(next) {
			open += "\\"
		}
	}
	switch {
	case link != "" && !selfClosing && mdxClosesOnLine(seg[end:], name):
		open += "["
		close = "](" + mdxDest(link) + ")"
	case link != "":
		if open != "" {
			open += " "
		}
		open += "<" + strings.ReplaceAll(link, ">", "%3E") + ">"
	case attrs["src"] != "":
		open += "![" + scLabel(attrs["alt"]) + "](" + mdxDest(attrs["src"]) + ")"
	}
	out.WriteString(open)
	if !selfClosing && len(*stack) < mdxMaxDepth {
		*stack = append(*stack, mdxFrame{name: name, close: close})
	}
	keepLines()
	return end, true
}

// mdxClosesOnLine reports whether the component name's closing tag is on
// the rest of the line rest starts.
func mdxClosesOnLine(rest []byte, name string) bool {
	l, _, _ := bytes.Cut(rest, []byte("\n"))
	return bytes.Contains(l, []byte("</"+name+">"))
}

// mdxAddress reports whether s is an address a link leads to: one with
// a scheme (not javascript:), or a path.
func mdxAddress(s string) bool {
	switch {
	case strings.HasPrefix(strings.ToLower(s), "javascript:"):
		return false
	case hasURLScheme(s), strings.HasPrefix(s, "/"), strings.HasPrefix(s, "./"), strings.HasPrefix(s, "../"):
		return true
	}
	return false
}

// mdxDest is an address as a Markdown link's destination.
func mdxDest(s string) string {
	if strings.ContainsAny(s, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(s) + ">"
	}
	return s
}

// mdxBlankExprs is a tag's inside with its attributes' expressions
// blanked.
func mdxBlankExprs(inner []byte) []byte {
	if !bytes.Contains(inner, []byte("{")) {
		return inner
	}
	b := append([]byte(nil), inner...)
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"', '\'':
			if j := bytes.IndexByte(b[i+1:], b[i]); j >= 0 {
				i += j + 1
			}
		case '{':
			j := jsBlockEnd(b, i)
			if j < 0 {
				return b
			}
			for k := i; k <= j; k++ {
				b[k] = ' '
			}
			i = j
		}
	}
	return b
}

// mdxComment reports whether an expression's text is comments alone.
func mdxComment(expr []byte) bool {
	for len(expr) > 0 {
		switch {
		case bytes.HasPrefix(expr, []byte("/*")):
			j := bytes.Index(expr[2:], []byte("*/"))
			if j < 0 {
				return false
			}
			expr = bytes.TrimSpace(expr[j+4:])
		case bytes.HasPrefix(expr, []byte("//")):
			_, rest, _ := bytes.Cut(expr, []byte("\n"))
			expr = bytes.TrimSpace(rest)
		default:
			return false
		}
	}
	return true
}

// mdxString is the text of an expression that is one string literal
// ("…", '…', or `…` with nothing put in); "" for any other.
func mdxString(expr []byte) string {
	if len(expr) < 2 {
		return ""
	}
	q := expr[0]
	if q != '"' && q != '\'' && q != '`' || expr[len(expr)-1] != q {
		return ""
	}
	s := string(expr[1 : len(expr)-1])
	if q == '`' && strings.Contains(s, "${") {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		} else if s[i] == q {
			return "" // not one literal: "a" + "b"
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mdxWarnings are the warnings of what mdxBody left out of file's body.
func mdxWarnings(file string, n mdxNotes) []*FileError {
	var warns []*FileError
	if len(n.names) > 0 {
		var names []string
		for i, name := range n.names {
			if i == mdxMaxNames {
				names = append(names, fmt.Sprintf("and %d more", len(n.names)-i))
				break
			}
			names = append(names, fmt.Sprintf("<%s> ×%d", name, n.count[name]))
		}
		warns = append(warns, &FileError{File: file, Line: n.compLine, Kind: "MDX component not rendered",
			Msg: "MDX components, which capsule does not run, shown as the text they hold (and their literal links, titles and images): " + strings.Join(names, ", ")})
	}
	if n.exprs > 0 {
		warns = append(warns, &FileError{File: file, Line: n.exprLine, Kind: "MDX expression dropped",
			Msg: fmt.Sprintf("%d MDX expression(s) left out, which capsule does not run, as %s (a string literal {\"…\"} is kept as its text)", n.exprs, n.firstExpr)})
	}
	return warns
}

// isMDX reports whether ex's site builds MDX and name is an MDX file.
func (e *excluder) isMDX(name string) bool {
	return e != nil && e.mdx && hasExt(name, ".mdx")
}

package content

// Hugo shortcodes and Jekyll Liquid in a post's Markdown body.
//
// A blog brought over from Hugo or Jekyll has {{< shortcodes >}} and
// {% liquid %} in its posts. They are template code: a reader of the capsule
// must never see them. ExpandShortcodes rewrites them into plain Markdown
// before goldmark parses the body (once, as for any other post): the known
// ones become what they mean (an image, a link, a fenced code block), the
// others are dropped with a warning naming their line.
//
// Shortcodes and Liquid inside code (fenced and indented code blocks, code
// spans) stay as written, except for the two escapes whose only purpose is
// to show template text literally: Hugo's {{</* name */>}} is written as
// {{< name >}}, and Jekyll's {% raw %} and {% endraw %} markers are removed.
//
// Line structure is kept: every construct is replaced by as many lines as it
// spanned (a multi-line tag by its expansion followed by the newlines it
// held, a dropped {% comment %} block or inline shortcode by empty lines), so
// that the lines goldmark and later checks see are the file's lines. The
// exceptions: a highlight block whose opening or closing tag shares its line
// with other text, or whose opening tag spans several lines (the fenced code
// block needs lines of its own); a Jekyll include put in (includes.go),
// which adds the lines of its file; and Liquid's whitespace control ("{%-",
// "-}}": trimmed), which joins lines, as Jekyll's Liquid does. Where they
// make the lines part, the post's line map (Post.Lines, made by sync and
// syncFlat) tells the file's line of each line of the Markdown, for the
// warnings of later checks (Post.Line): an include's text, its tag's. The
// warnings ExpandShortcodes itself returns always carry the file's line.
//
// Work is linear in the size of the body: closing delimiters are found with
// forward-only searches, pairs are matched through an index built in one
// pass, nothing recurses but quotes in quotes (maxQuoteDepth) and includes
// in includes (maxIncludeDepth), and a tag is at most maxShortcodeTag bytes
// long. The output is at most 4×len(body)+64 bytes plus what ref returns
// beyond the length of the targets it is given, plus what the site's
// variables and includes add (varRoom: half the body and 4 KiB, four times
// over at most for the includes' own expansion).

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// ShortcodeWarning is a shortcode or Liquid tag that could not be expanded
// faithfully and was dropped or kept as text. Line is the file's line.
type ShortcodeWarning struct {
	Line int
	Msg  string
	Kind string // its FileError.Kind: "unknown shortcode", "Liquid tag dropped"…
	More int    // its FileError.More: on "and N more like it", N
}

const (
	// maxShortcodeTag bounds the length of one tag, from {{< or {% to its
	// closing delimiter; a longer one is not a tag and stays as text.
	maxShortcodeTag = 4096
)

// ExpandShortcodes rewrites the Hugo shortcodes and Jekyll Liquid of a post's
// Markdown body into Markdown. line is the file line body starts on. ref
// resolves the target of a Hugo ref or relref, or of a Jekyll link or
// post_url (a path or name as the author wrote it: "about.md",
// "2010-07-21-name", "_posts/2016-07-26-name.md") to the link destination to
// write, inserted as is; it reports false for an unknown target, which is
// then written as the author wrote it, with a warning.
func ExpandShortcodes(body []byte, line int, ref func(target string) (string, bool)) (out []byte, warns []ShortcodeWarning) {
	out, warns, _ = expandShortcodes(body, line, ref, nil, true, nil, nil, "", nil, nil, nil)
	return out, warns
}

// expandShortcodes is ExpandShortcodes; without liquid, "{{ … }}" and
// "{% … %}" are text, as they are to Hugo (only its shortcodes, "{{<" and
// "{{%", are template code there: a Go post's "{{ 1, 2, 3 }}" is prose).
//
// title, when not nil, gives the title of the post a ref target names
// ("" when unknown): a ref written bare in the text, not as a link's
// destination, becomes a link labelled with it.
//
// vars are the site's variables a Liquid output may name (site.repository:
// siteConfig.vars).
//
// inc, when not nil, is the Jekyll site's includes, whose files an
// include puts in (includes.go); postDir, the post's folder in the site
// (slash-separated, "." for its top, "" when not in it), where an
// include_relative's are.
//
// lines map out's lines to the file's where they part (Post.Lines): nil
// when every line of out is the file's line of the same number.
//
// site and page, when site is not nil, are the Jekyll site's documents
// and the post, which its conditions ask of (liquidif.go).
func expandShortcodes(body []byte, line int, ref func(target string) (string, bool), title func(target string) string, liquid bool, vars map[string]string, inc *includeFiles, postDir string, asset func(name string) bool, site *liquidSite, page *Post) (out []byte, warns []ShortcodeWarning, lines []LineSync) {
	if ref == nil {
		ref = func(string) (string, bool) { return "", false }
	}
	e := newScExpander(body, line, ref, title, vars, !liquid, 0)
	e.inc, e.incCount, e.postDir, e.track = inc, new(int), postDir, true
	e.asset, e.site, e.page = asset, site, page
	if !bytes.Contains(body, []byte("{{")) && !bytes.Contains(body, []byte("{%")) {
		return append(e.out, body...), nil, nil
	}
	e.run()
	for _, w := range e.warns.List() {
		warns = append(warns, ShortcodeWarning{Line: w.Line, Msg: w.Msg, Kind: w.Kind, More: w.More})
	}
	return e.out, warns, e.syncs
}

// newScExpander returns an expander of in, which starts on the file's line
// line0, at depth quotes in quotes (see sub); the arguments are
// expandShortcodes'.
func newScExpander(in []byte, line0 int, ref func(string) (string, bool), title func(string) string, vars map[string]string, noLiquid bool, depth int) *scExpander {
	return &scExpander{
		in:        in,
		out:       make([]byte, 0, len(in)+len(in)/8+16),
		ref:       ref,
		title:     title,
		vars:      vars,
		varRoom:   len(in)/2 + 4096,
		line0:     line0,
		noLiquid:  noLiquid,
		prevBlank: true,
		fGT:       scFinder{pat: []byte(">}}")},
		fPC:       scFinder{pat: []byte("%}}")},
		fCGT:      scFinder{pat: []byte("*/>}}")},
		fCPC:      scFinder{pat: []byte("*/%}}")},
		fLiq:      scFinder{pat: []byte("%}")},
		fOut:      scFinder{pat: []byte("}}")},
		closers:   scIndexClosers(in),
		cursor:    map[string]int{},
		depth:     depth,
		locals:    &liquidLocals{},
	}
}

// run expands e.in into e.out, line by line.
func (e *scExpander) run() {
	for p := 0; p < len(e.in); {
		if e.track {
			e.sync(p)
		}
		p = e.lineStart(p)
	}
	if e.raw {
		e.warnLine(e.rawLine, "Liquid kept as text", "%s", "{% raw %} without {% endraw %}: the rest of the post is kept as written")
	}
}

// maxQuoteDepth bounds the quotes in quotes expanded as quotes (a
// {% blockquote %} in a {% note %}…): each level expands its text once
// more, so that the work is at most this many times the post's size. A
// deeper one keeps its text, its tags dropped with a warning.
const maxQuoteDepth = 4

// sub expands in[a:b], the text of a block tag, as a post of its own
// whose warnings are e's, and returns it.
func (e *scExpander) sub(a, b int) []byte {
	in := e.in[a:b]
	s := newScExpander(in, e.lineAt(a), e.ref, e.title, e.vars, e.noLiquid, e.depth+1)
	s.inc, s.incDepth, s.incCount, s.atLine, s.params, s.postDir = e.inc, e.incDepth, e.incCount, e.atLine, e.params, e.postDir
	s.locals = e.locals
	s.site, s.page, s.ifRoom, s.ifDepth, s.loops, s.turns = e.site, e.page, e.ifRoom, e.ifDepth, e.loops, e.turns
	s.warns, e.warns = e.warns, Warnings{} // its warnings are e's, bounded with them
	s.run()
	e.warns = s.warns
	return s.out
}

// scFinder finds the next occurrence of pat at or after a position, for
// positions that never decrease: each byte is searched at most once.
type scFinder struct {
	pat   []byte
	state int // 0 not searched, 1 found at at, 2 none at or after from
	at    int
	from  int
}

func (f *scFinder) next(in []byte, p int) int {
	switch f.state {
	case 1:
		if f.at >= p {
			return f.at
		}
	case 2:
		if p >= f.from {
			return -1
		}
	}
	if p > len(in) {
		return -1
	}
	i := bytes.Index(in[p:], f.pat)
	if i < 0 {
		f.state, f.from = 2, p
		return -1
	}
	f.state, f.at = 1, p+i
	return f.at
}

// scSpan is the place of a closing tag in the body.
type scSpan struct{ start, end int }

// scIndexClosers finds, in one pass, every Hugo closing tag ({{< /name >}},
// keyed "<name") and every Liquid endraw, endhighlight and endcomment tag
// (keyed "%endraw"...), in order.
func scIndexClosers(in []byte) map[string][]scSpan {
	m := map[string][]scSpan{}
	for i := 0; i < len(in); {
		j := bytes.Index(in[i:], []byte("{"))
		if j < 0 {
			break
		}
		j += i
		i = j + 1
		if j+2 >= len(in) {
			break
		}
		switch {
		case in[j+1] == '{' && (in[j+2] == '<' || in[j+2] == '%'):
			d := in[j+2]
			k := scSkipSpace(in, j+3)
			if k >= len(in) || in[k] != '/' {
				continue
			}
			k = scSkipSpace(in, k+1)
			s := k
			for k < len(in) && k-s < 256 && scNameChar(in[k]) {
				k++
			}
			name := in[s:k]
			k = scSkipSpace(in, k)
			if d == '<' {
				d = '>'
			}
			if len(name) > 0 && k+2 < len(in) && in[k] == d && in[k+1] == '}' && in[k+2] == '}' {
				m["<"+string(name)] = append(m["<"+string(name)], scSpan{j, k + 3})
				i = k + 3
			}
		case in[j+1] == '%':
			k := j + 2
			if k < len(in) && in[k] == '-' {
				k++
			}
			k = scSkipSpace(in, k)
			s := k
			for k < len(in) && k-s < 16 && in[k] >= 'a' && in[k] <= 'z' {
				k++
			}
			word := string(in[s:k])
			if scBlockTags[word] && (k >= len(in) || !scNameChar(in[k])) {
				// An opening tag of a block whose end pairs with it, as
				// Liquid and Nunjucks pair them: the latest one open
				// (pairs, keyed by its start).
				m["("+word] = append(m["("+word], scSpan{j, j})
				i = k
				continue
			}
			if !scBlockEnds[word] {
				continue
			}
			if k < len(in) && in[k] != '%' && in[k] != '-' {
				// Liquid ends a block at its end tag's name and ignores
				// what follows it ({% endhighlight bash %}, which real
				// posts write): the markup up to "%}" on the line,
				// within 256 bytes, is skipped.
				if e := bytes.Index(in[k:min(len(in), k+256)], []byte("%}")); e > 0 && !bytes.ContainsAny(in[k:k+e], "\n{") {
					k += e
					if in[k-1] == '-' {
						k--
					}
				}
			}
			k = scSkipSpace(in, k)
			if k < len(in) && in[k] == '-' {
				k++
			}
			if k+1 < len(in) && in[k] == '%' && in[k+1] == '}' {
				m["%"+word] = append(m["%"+word], scSpan{j, k + 2})
				if open := m["("+word[3:]]; len(open) > 0 {
					m[")"+strconv.Itoa(open[len(open)-1].start)] = []scSpan{{j, k + 2}}
					m["("+word[3:]] = open[:len(open)-1]
				}
				i = k + 2
			}
		}
	}
	return m
}

// scBlockTags are the Liquid blocks whose end scIndexClosers pairs with
// their start ("(name" while open, then ")start" the end of the one at
// start): those that nest (a note in a note), read by pairedCloser.
var scBlockTags = map[string]bool{"codeblock": true, "code": true, "blockquote": true, "pullquote": true, "note": true, "centerquote": true, "cq": true,
	"math": true, "katex": true, "mathjax": true}

// pairedCloser is the end of the block whose opening tag starts at p and
// ends at end, as scIndexClosers paired them. A closer inside the
// opening tag ("{% math {% endmath %}", which scIndexClosers pairs and
// the tag reads as one, to its first "%}") is none.
func (e *scExpander) pairedCloser(p, end int) (scSpan, bool) {
	s := e.closers[")"+strconv.Itoa(p)]
	if len(s) == 0 || s[0].start < end {
		return scSpan{}, false
	}
	return s[0], true
}

// scBlockEnds are the Liquid end tags scIndexClosers indexes: those of
// Jekyll's blocks capsule reads, and of Hexo's (and Octopress')
// code blocks and quotes, and NexT's notes.
var scBlockEnds = map[string]bool{
	"endraw": true, "endhighlight": true, "endcomment": true, "endcapture": true,
	"endcodeblock": true, "endcode": true, "endblockquote": true, "endpullquote": true,
	"endnote": true, "endcenterquote": true, "endcq": true,
	"endmath": true, "endkatex": true, "endmathjax": true,
}

type scExpander struct {
	in    []byte
	out   []byte
	ref   func(string) (string, bool)
	title func(string) string // see expandShortcodes; may be nil
	vars  map[string]string   // see expandShortcodes; may be nil
	// asset says whether a name is a file of the post's Hexo asset
	// folder (its path in the folder); nil for any other post.
	asset func(string) bool
	// varRoom is what the site's variables, and the Jekyll includes put
	// in (includes.go), may still add to the post: half its size (and
	// 4 KiB), so that a post of nothing but
	// {{site.x}} keeps within the bound a byte every post keeps
	// (TestSiteVariablesWithinMemoryBound).
	varRoom int
	warns   Warnings // bounded per kind

	line0        int
	lnPos, lnNum int // newlines before lnPos, for lineAt

	fGT, fPC, fCGT, fCPC, fLiq, fOut scFinder
	noLiquid                         bool // Liquid's {% %} and {{ }} are text (a Hugo site's)
	closers                          map[string][]scSpan
	cursor                           map[string]int

	raw     bool // inside {% raw %}
	rawLine int
	depth   int // quotes this text is in (sub)

	// litFrom is where the text after the last Liquid tag or output
	// starts in out: what a "{%-" may trim (trimmed); dropLines, that
	// the tag being expanded is trimmed and keeps none of its lines.
	litFrom   int
	dropLines bool

	// The lines of out and of the file where they part (LineSync), for
	// the post's own text (track; not an include's or a quote's): syncs
	// as sync and includes note them; oPos and oNum, the newlines of
	// out[:oPos], counted once.
	track      bool
	syncs      []LineSync
	oPos, oNum int

	// Includes (includes.go): the site's, nil when there are none to
	// read; the includes this text is in; the includes put in the post
	// so far, shared with the expanders of its includes; and, for the
	// text of an include, the post's line of its tag, where every
	// warning about it is told.
	inc      *includeFiles
	incDepth int
	incCount *int
	atLine   int
	// params are the parameters of the include this text is the file
	// of, which its {{ include.x }} outputs show; nil outside includes.
	// postDir is the post's folder, where include_relative's files are
	// (an include's include_relative too, as Jekyll's: the page's).
	params  map[string]liquidValue
	postDir string
	// locals are the Liquid variables the post's captures and assigns
	// bind (liquidvars.go), shared with its includes and block texts.
	locals *liquidLocals
	// What a Jekyll post's conditions are told from (liquidif.go): the
	// site's documents and the post, nil for none; the room left to
	// read ahead for their branches, shared with the branches kept;
	// the conditions this text is a branch of; and, from the block just
	// expanded, whether its end tag trims what follows it (1 no, 2
	// yes; 0 for any other tag: its own tag's hyphen says).
	site       *liquidSite
	page       *Post
	ifRoom     *int
	ifDepth    int
	blockRight uint8
	// loops are the loops ({% for %}, {% tablerow %}) this text is in,
	// which capsule does not run: their bodies' conditions are not told.
	loops int
	// turns are the turns of the loops capsule runs (liquidfor.go) this
	// text is the body of, the innermost last.
	turns []lqTurn

	// Block state of the Markdown, line by line.
	fenceCh   byte // of the open fenced code block, 0 when none
	fenceN    int
	prevBlank bool
	prevCode  bool // the previous line was indented code
	inList    bool

	// Backtick runs of the line being scanned, for code spans.
	runs    []scRun
	runCur  int
	runsEnd int
}

type scRun struct{ at, n, next int }

func (e *scExpander) lineAt(p int) int {
	if p >= e.lnPos {
		e.lnNum += bytes.Count(e.in[e.lnPos:p], []byte("\n"))
	} else {
		e.lnNum -= bytes.Count(e.in[p:e.lnPos], []byte("\n"))
	}
	e.lnPos = p
	return e.line0 + e.lnNum
}

func (e *scExpander) warnLine(line int, kind, format string, args ...any) {
	e.warns.Add(kind, "", func() int { return line }, func() string { return fmt.Sprintf(format, args...) })
}

// warn warns at offset p of the body; the line is found only for a
// warning reported.
func (e *scExpander) warn(p int, kind, format string, args ...any) {
	if e.atLine > 0 {
		e.warnLine(e.atLine, kind, format, args...)
		return
	}
	e.warns.Add(kind, "", func() int { return e.lineAt(p) }, func() string { return fmt.Sprintf(format, args...) })
}

// newlines writes as many newlines as in[a:b] holds, to keep the lines of a
// replaced construct.
func (e *scExpander) newlines(a, b int) {
	if e.dropLines {
		return // a trimmed tag's (trimmed)
	}
	for n := bytes.Count(e.in[a:b], []byte("\n")); n > 0; n-- {
		e.out = append(e.out, '\n')
	}
}

// closer is the first closing tag keyed key that starts at or after from.
// from never decreases for one key.
func (e *scExpander) closer(key string, from int) (scSpan, bool) {
	s := e.closers[key]
	i := e.cursor[key]
	for i < len(s) && s[i].start < from {
		i++
	}
	e.cursor[key] = i
	if i < len(s) {
		return s[i], true
	}
	return scSpan{}, false
}

// lineStart handles the line starting at p and returns where the next line
// starts.
func (e *scExpander) lineStart(p int) int {
	in := e.in
	end := len(in)
	if i := bytes.IndexByte(in[p:], '\n'); i >= 0 {
		end = p + i
	}
	ln := in[p:end]
	if e.fenceCh != 0 {
		if scClosesFence(ln, e.fenceCh, e.fenceN) {
			e.fenceCh = 0
		}
		return e.codeLine(p, end)
	}
	ind, rest := scIndent(ln)
	if len(bytes.TrimSpace(rest)) == 0 {
		e.prevBlank, e.prevCode = true, false
		e.out = append(e.out, ln...)
		if end < len(in) {
			e.out = append(e.out, '\n')
			return end + 1
		}
		return end
	}
	if ind >= 4 && !e.inList && (e.prevBlank || e.prevCode) && (e.noLiquid || rest[0] != '<') {
		// (On a Liquid site, an indented line of HTML is Liquid's as
		// any other: kramdown reads it inside the HTML block left open
		// above it (jekyllrb-ja's <a href="{{ … | relative_url }}">),
		// and Jekyll runs Liquid over code too.)
		e.prevBlank, e.prevCode = false, true
		return e.codeLine(p, end)
	}
	e.prevCode = false
	if ind <= 3 || e.inList {
		if ch, n := scFenceOpen(rest); n > 0 {
			e.fenceCh, e.fenceN, e.prevBlank = ch, n, false
			return e.codeLine(p, end)
		}
	}
	if ind <= 3 && scListItem(rest) {
		e.inList = true
	} else if ind == 0 && e.prevBlank {
		e.inList = false
	}
	e.prevBlank = false
	return e.inline(p)
}

func (e *scExpander) codeLine(p, end int) int {
	if at := e.copyLit(p, end, true); at > end {
		return at // a comment written whole, to its end on a later line
	}
	if end < len(e.in) {
		e.out = append(e.out, '\n')
		return end + 1
	}
	return end
}

// scIndent is the indentation of a line in columns (a tab to the next
// multiple of 4) and the line after it.
func scIndent(ln []byte) (int, []byte) {
	col := 0
	for i, c := range ln {
		switch c {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, ln[i:]
		}
	}
	return col, nil
}

func scFenceOpen(rest []byte) (byte, int) {
	if len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
		return 0, 0
	}
	ch := rest[0]
	n := 0
	for n < len(rest) && rest[n] == ch {
		n++
	}
	if n < 3 || (ch == '`' && bytes.IndexByte(rest[n:], '`') >= 0) {
		return 0, 0
	}
	return ch, n
}

func scClosesFence(ln []byte, ch byte, n int) bool {
	_, rest := scIndent(ln)
	k := 0
	for k < len(rest) && rest[k] == ch {
		k++
	}
	return k >= n && len(bytes.TrimSpace(rest[k:])) == 0
}

func scListItem(rest []byte) bool {
	if len(rest) == 0 {
		return false
	}
	after := func(i int) bool { return i == len(rest) || rest[i] == ' ' || rest[i] == '\t' }
	switch rest[0] {
	case '-', '*', '+':
		return after(1)
	}
	i := 0
	for i < len(rest) && i < 9 && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	return i > 0 && i < len(rest) && (rest[i] == '.' || rest[i] == ')') && after(i+1)
}

// inline expands the text of a line from p, and of the lines a tag started
// on it spans, up to and including the newline that ends it.
func (e *scExpander) inline(p int) int {
	in := e.in
	for p < len(in) {
		c := in[p]
		switch {
		case c == '\n':
			e.out = append(e.out, '\n')
			return p + 1
		case e.raw:
			if c == '{' && p+1 < len(in) && in[p+1] == '%' {
				if t, ok := e.liquidTag(p); ok && t.name == "endraw" {
					e.raw = false
					e.newlines(p, t.end)
					p = t.end
					continue
				}
			}
		case c == '`':
			p = e.codeSpan(p)
			continue
		case c == '{' && p+1 < len(in):
			if q, ok := e.brace(p); ok {
				p = q
				continue
			}
		}
		e.out = append(e.out, c)
		p++
	}
	return p
}

// codeSpan copies the backtick run at p, and the code span it opens if it is
// closed on the same line.
func (e *scExpander) codeSpan(p int) int {
	in := e.in
	if p >= e.runsEnd {
		end := len(in)
		if i := bytes.IndexByte(in[p:], '\n'); i >= 0 {
			end = p + i
		}
		e.runs, e.runCur, e.runsEnd = e.runs[:0], 0, end
		for i := p; i < end; {
			if in[i] != '`' {
				i++
				continue
			}
			j := i
			for j < end && in[j] == '`' {
				j++
			}
			e.runs = append(e.runs, scRun{at: i, n: j - i, next: -1})
			i = j
		}
		last := map[int]int{}
		for i := len(e.runs) - 1; i >= 0; i-- {
			if j, ok := last[e.runs[i].n]; ok {
				e.runs[i].next = j
			}
			last[e.runs[i].n] = i
		}
	}
	for e.runCur < len(e.runs) && e.runs[e.runCur].at < p {
		e.runCur++
	}
	if e.runCur >= len(e.runs) || e.runs[e.runCur].at != p {
		e.out = append(e.out, '`')
		return p + 1
	}
	r := e.runs[e.runCur]
	e.out = append(e.out, in[p:p+r.n]...)
	if r.next < 0 {
		e.runCur++
		return p + r.n
	}
	c := e.runs[r.next]
	e.copyLit(p+r.n, c.at, true)
	e.out = append(e.out, in[c.at:c.at+c.n]...)
	e.runCur = r.next + 1
	return c.at + c.n
}

// copyLit copies in[a:b], which is code, undoing only the escapes: a Hugo
// comment {{</* x */>}} is written {{< x >}}, {% raw %} and {% endraw %} are
// removed. stateful: raw and endraw switch raw mode, in which only endraw is
// looked for. It returns where it stopped: b, or the end of a comment that
// goes on past b, written whole.
func (e *scExpander) copyLit(a, b int, stateful bool) (at int) {
	in := e.in
	for i := a; i < b; {
		c := in[i]
		if c == '{' && i+1 < b {
			if stateful && e.raw {
				if in[i+1] == '%' {
					if t, ok := e.liquidTag(i); ok && t.end <= b && t.name == "endraw" {
						e.raw = false
						e.newlines(i, t.end)
						i = t.end
						continue
					}
				}
				e.out = append(e.out, c)
				i++
				continue
			}
			if i+4 < b && in[i+1] == '{' && (in[i+2] == '<' || in[i+2] == '%') && in[i+3] == '/' && in[i+4] == '*' {
				if q, ok := e.hugoComment(i); ok && q <= b {
					i = q
					continue
				} else if ok {
					// Its end on a later line of the code (hugo-book's
					// {{</* katex display=true >}} … {{< /katex */>}}):
					// written whole; the caller reads on from its end,
					// not from the next line (written twice, it was).
					return q
				}
			}
			if !e.noLiquid && in[i+1] == '{' {
				// A Liquid output in code: Jekyll runs Liquid before
				// Markdown, so it is Liquid's there too. A string's,
				// {{ "{% raw " }}%} (the idiom for showing a tag;
				// saasan's post on it), is its text; any other is
				// copied whole, a {% inside its string not read as a
				// tag (it was: {{ " was left, and the raw tag it read
				// hid the rest of the line). Its end is looked for by
				// fOut, as for the output of the text: once per
				// post, not once per {{.
				if c := e.fOut.next(in, i+2); c >= 0 && c+2 <= b && c-i <= maxShortcodeTag {
					if lit, ok := liquidString(in[i+2 : c]); ok {
						e.out = append(e.out, lit...)
						for n := bytes.Count(in[i:c+2], []byte("\n")) - bytes.Count(lit, []byte("\n")); n > 0; n-- {
							e.out = append(e.out, '\n') // the lines of the rest, as newlines keeps them
						}
					} else {
						e.out = append(e.out, in[i:c+2]...)
					}
					i = c + 2
					continue
				}
			}
			if in[i+1] == '%' {
				if t, ok := e.liquidTag(i); ok && t.end <= b && (t.name == "raw" || t.name == "endraw") {
					if stateful && t.name == "raw" {
						e.raw, e.rawLine = true, e.lineAt(i)
					}
					e.newlines(i, t.end)
					i = t.end
					continue
				}
			}
		}
		e.out = append(e.out, c)
		i++
	}
	return b
}

// liquidString is the text of the Liquid output expression s (between
// {{ and }}) when it is a quoted string alone, without filters.
func liquidString(s []byte) ([]byte, bool) {
	s = bytes.TrimSuffix(bytes.TrimPrefix(s, []byte("-")), []byte("-"))
	s = bytes.TrimSpace(s)
	if len(s) < 2 || s[0] != '"' && s[0] != '\'' || s[len(s)-1] != s[0] || bytes.IndexByte(s[1:len(s)-1], s[0]) >= 0 {
		return nil, false
	}
	return s[1 : len(s)-1], true
}

// hugoComment writes the Hugo comment {{</* x */>}} at p as {{< x >}} and
// returns where it ends.
func (e *scExpander) hugoComment(p int) (int, bool) {
	in := e.in
	d := in[p+2]
	f := &e.fCGT
	if d == '%' {
		f = &e.fCPC
	}
	c := f.next(in, p+5)
	if c < 0 || c-p > maxShortcodeTag {
		return 0, false
	}
	e.out = append(e.out, '{', '{', d)
	e.out = append(e.out, in[p+5:c]...)
	if d == '<' {
		d = '>'
	}
	e.out = append(e.out, d, '}', '}')
	return c + 5, true
}

// brace expands the shortcode or Liquid starting at p, if there is one.
func (e *scExpander) brace(p int) (int, bool) {
	in := e.in
	switch {
	case in[p+1] == '{' && p+2 < len(in) && (in[p+2] == '<' || in[p+2] == '%'):
		if p+4 < len(in) && in[p+3] == '/' && in[p+4] == '*' {
			if q, ok := e.hugoComment(p); ok {
				return q, true
			}
		}
		return e.hugo(p)
	case e.noLiquid:
	case in[p+1] == '%':
		return e.trimmed(p, e.liquid)
	case in[p+1] == '{':
		return e.trimmed(p, e.output)
	}
	return 0, false
}

// trimmed expands the Liquid tag or output at p with expand, and trims
// the whitespace its hyphens ask for, as Liquid does before Jekyll's
// Markdown is read: "{%-" and "{{-" take the whitespace, newlines too,
// off the end of the text before the tag (the text since the last tag,
// not what a tag gave), "-%}" and "-}}" off the start of the text after
// it. Paragraphs so joined are one paragraph, as in Jekyll's page. A
// trimmed tag keeps none of its own lines (the post's lines are mapped
// by sync and syncFlat into Post.Lines, not kept).
func (e *scExpander) trimmed(p int, expand func(int) (int, bool)) (int, bool) {
	in := e.in
	left := p+2 < len(in) && in[p+2] == '-'
	right := false
	if c := e.closeOf(p); c >= 3 && in[c-3] == '-' {
		right = true
	}
	mark, keep := len(e.out), e.dropLines
	e.dropLines = left || right
	q, ok := expand(p)
	e.dropLines = keep
	if !ok {
		return q, ok
	}
	if e.blockRight != 0 {
		// A condition's block: its end tag's hyphen (liquidif.go).
		right, e.blockRight = e.blockRight == 2, 0
	}
	if left {
		from := min(e.litFrom, mark)
		end := mark
		for end > from && liquidSpace(e.out[end-1]) {
			end--
		}
		if end < mark {
			e.unsync(end)
			e.out = append(e.out[:end], e.out[mark:]...)
		}
	}
	if right {
		for q < len(in) && liquidSpace(in[q]) {
			q++
		}
	}
	e.litFrom = len(e.out)
	return q, true
}

// outLine is the line of out that its end is on, counted from 0.
func (e *scExpander) outLine() int {
	e.oNum += bytes.Count(e.out[e.oPos:], []byte("\n"))
	e.oPos = len(e.out)
	return e.oNum
}

// sync notes, at p, the start of a line of the file, where out's lines
// and the file's part (a construct made more or fewer lines than it
// had): from out's line there, the file's is p's.
func (e *scExpander) sync(p int) {
	out, src := e.outLine(), e.lineAt(p)
	want := e.line0 + out
	if n := len(e.syncs); n > 0 {
		s := e.syncs[n-1]
		if s.Out == out {
			return // out's line started on an earlier line of the file (joined)
		}
		if want = s.Src + out - s.Out; s.Flat {
			want = s.Src
		}
	}
	if want != src && len(e.syncs) < maxLineSyncs {
		e.syncs = append(e.syncs, LineSync{Out: out, Src: src})
	}
}

// maxLineSyncs bounds a post's line map (Post.Lines), which a post of
// trimmed tags on every other line could make a third of its size: past
// it, the lines told after are off by what the rest shifts them, as
// before there was a map.
const maxLineSyncs = 4096

// syncFlat notes that out's line at its end, and those the text of the
// include whose tag is on the file's line src puts after it, are of
// src.
func (e *scExpander) syncFlat(src int) {
	out := e.outLine()
	if n := len(e.syncs); n > 0 && e.syncs[n-1].Out == out {
		e.syncs = e.syncs[:n-1]
	}
	if len(e.syncs) < maxLineSyncs {
		e.syncs = append(e.syncs, LineSync{Out: out, Src: src, Flat: true})
	}
}

// unsync forgets what out[end:] held before it is trimmed (trimmed): its
// newlines counted, its lines' syncs; the lines after it are synced
// again as they come.
func (e *scExpander) unsync(end int) {
	if e.oPos > end {
		e.oNum -= bytes.Count(e.out[end:e.oPos], []byte("\n"))
	} else {
		e.oNum += bytes.Count(e.out[e.oPos:end], []byte("\n"))
	}
	e.oPos = end
	for n := len(e.syncs); n > 0 && e.syncs[n-1].Out > e.oNum; n-- {
		e.syncs = e.syncs[:n-1]
	}
}

// closeOf is the end of the Liquid tag or output starting at p (after
// its "%}" or "}}"), or -1 when it has none within maxShortcodeTag.
func (e *scExpander) closeOf(p int) int {
	f := &e.fLiq
	if e.in[p+1] == '{' {
		f = &e.fOut
	}
	c := f.next(e.in, p+2)
	if c < 0 || c-p > maxShortcodeTag {
		return -1
	}
	return c + 2
}

// liquidSpace is whitespace as Liquid trims it (Ruby's strip).
func liquidSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// scTag is a parsed Hugo shortcode.
type scTag struct {
	start, end int
	name       string
	closing    bool
	self       bool
	pos        []string
	named      map[string]string
}

func (t *scTag) arg(key string, i int) string {
	if v, ok := t.named[key]; ok {
		return v
	}
	if i >= 0 && i < len(t.pos) {
		return t.pos[i]
	}
	return ""
}

func (e *scExpander) hugo(p int) (int, bool) {
	in := e.in
	f := &e.fGT
	if in[p+2] == '%' {
		f = &e.fPC
	}
	c := f.next(in, p+3)
	if c < 0 || c-p > maxShortcodeTag {
		closing := ">}}"
		if in[p+2] == '%' {
			closing = "%}}"
		}
		e.warn(p, "shortcode kept as text", "%s without its closing %s: kept as text", in[p:p+3], closing)
		return 0, false
	}
	t, ok := scParseHugo(in[p+3 : c])
	if !ok {
		e.warn(p, "shortcode kept as text", "%s not followed by a shortcode name: kept as text", in[p:p+3])
		return 0, false
	}
	t.start, t.end = p, c+3
	return e.shortcode(&t), true
}

func scNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c == '/' || c >= 0x80
}

func scSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func scSkipSpace(in []byte, i int) int {
	for i < len(in) && scSpace(in[i]) {
		i++
	}
	return i
}

// scParseHugo parses what is between {{< and >}}. Once a name is found the
// tag is taken, whatever its arguments: a malformed argument never makes the
// tag text again.
func scParseHugo(s []byte) (scTag, bool) {
	var t scTag
	s = bytes.TrimSpace(s)
	if len(s) > 0 && s[len(s)-1] == '/' {
		t.self = true
		s = bytes.TrimSpace(s[:len(s)-1])
	}
	if len(s) > 0 && s[0] == '/' {
		t.closing = true
		s = bytes.TrimSpace(s[1:])
	}
	i := 0
	for i < len(s) && scNameChar(s[i]) {
		i++
	}
	if i == 0 {
		return t, false
	}
	t.name = string(s[:i])
	for i < len(s) {
		i = scSkipSpace(s, i)
		if i >= len(s) {
			break
		}
		var tok string
		var quoted bool
		tok, i, quoted = scToken(s, i)
		if !quoted && i < len(s) && s[i] == '=' {
			var v string
			v, i, _ = scToken(s, i+1)
			if t.named == nil {
				t.named = map[string]string{}
			}
			t.named[tok] = v
			continue
		}
		t.pos = append(t.pos, tok)
	}
	return t, true
}

// scToken reads a "quoted" (with \ escapes), `raw` or bare argument.
func scToken(s []byte, i int) (string, int, bool) {
	if i >= len(s) {
		return "", i, false
	}
	switch s[i] {
	case '"':
		var b strings.Builder
		i++
		for i < len(s) && s[i] != '"' {
			if s[i] == '\\' && i+1 < len(s) {
				i++
			}
			b.WriteByte(s[i])
			i++
		}
		return b.String(), i + 1, true
	case '`':
		j := i + 1
		for j < len(s) && s[j] != '`' {
			j++
		}
		return string(s[i+1 : j]), j + 1, true
	}
	j := i
	for j < len(s) && !scSpace(s[j]) && s[j] != '=' {
		j++
	}
	if j == i { // a lone '=': skip it
		j++
	}
	return string(s[i:j]), j, false
}

func scShort(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

// shortcode writes the expansion of t and returns where the input goes on.
func (e *scExpander) shortcode(t *scTag) int {
	if t.closing {
		e.newlines(t.start, t.end)
		return t.end
	}
	name := t.name
	switch {
	case strings.HasSuffix(name, ".inline"):
		if !t.self {
			if s, ok := e.closer("<"+name, t.end); ok && !bytes.Contains(e.in[t.end:s.start], []byte("{{")) {
				// A template with no action (PaperMod's math.inline of
				// HTML and TeX) is its text, as Hugo writes it.
				e.newlines(t.start, t.end)
				e.out = append(e.out, e.in[t.end:s.start]...)
				e.newlines(s.start, s.end)
				return s.end
			}
		}
		e.warn(t.start, "shortcode dropped", "inline shortcode %q is a template written in the post, which capsule does not run: dropped", scShort(name))
		if !t.self {
			if s, ok := e.closer("<"+name, t.end); ok {
				e.newlines(t.start, s.end)
				return s.end
			}
		}
	case name == "highlight":
		if t.self {
			break
		}
		s, ok := e.closer("<highlight", t.end)
		if !ok {
			e.warn(t.start, "shortcode kept as text", "highlight shortcode without {{< /highlight >}}: what follows is kept as text")
			break
		}
		e.fence(t.arg("lang", 0), t.end, s.start, s.end)
		return s.end
	case diagramShortcodes[name] != "":
		// A diagram's or a formula's source, kept verbatim as a fenced
		// block in its language: Mermaid, Chart.js, TeX (Congo's,
		// Blowfish's, Beautiful Hugo's, hugo-book's shortcodes).
		if !t.self {
			if s, ok := e.closer("<"+name, t.end); ok {
				if inner := e.in[t.end:s.start]; (name == "katex" || name == "math") && !bytes.ContainsAny(inner, "\n|") && t.arg("display", -1) != "true" {
					// A formula within its line (hugo-book's, in a table
					// cell): inline math, as the theme draws it, not a
					// block that would cut the line (and the table).
					e.out = append(append(append(e.out, `\(`...), bytes.TrimSpace(inner)...), `\)`...)
					return s.end
				}
				e.fence(diagramShortcodes[name], t.end, s.start, s.end)
				return s.end
			}
		}
		if name == "katex" || name == "math" {
			break // alone, it turns the page's KaTeX on (Congo, Blowfish): nothing to show
		}
		e.warn(t.start, "shortcode kept as text", "%s shortcode without {{< /%s >}}: what follows is kept as text", name, name)
	case name == "script" && !t.self:
		// LoveIt's, DoIt's and FixIt's: JavaScript the page runs, never
		// text, dropped as a <script> is.
		if s, ok := e.closer("<script", t.end); ok {
			e.warn(t.start, "script dropped", "script shortcode: a script is not run: dropped")
			e.newlines(t.start, s.end)
			return s.end
		}
		e.warn(t.start, "shortcode kept as text", "script shortcode without {{< /script >}}: what follows is kept as text")
	case name == "fixit-encryptor" && !t.self:
		// FixIt's: the text between is shown only to a reader who
		// types its password, which no Gemini or Gopher reader can
		// give: dropped, never shown to all. Unclosed, Hugo stops the
		// build; here all that follows is dropped, as it may be what
		// the author meant to lock.
		end := len(e.in)
		if s, ok := e.closer("<fixit-encryptor", t.end); ok {
			end = s.end
		}
		e.warn(t.start, "locked text dropped", "fixit-encryptor shortcode: the theme shows its text only to a reader who types its password, which capsule cannot ask for: dropped")
		e.newlines(t.start, end)
		return end
	case (name == "details" || name == "admonition") && !t.self:
		// Hugo's details (built in since 0.140, summary="…"; Beautiful
		// Hugo's takes it first): its summary a paragraph, then its
		// content, which follows as written, as <details> is drawn.
		// LoveIt's admonition so too: its title (second, or title=…),
		// else its kind (first, or type=…; a note by default), is the
		// box's heading.
		summary := strings.Join(strings.Fields(t.arg("summary", 0)), " ")
		if name == "admonition" {
			kind := cmp.Or(strings.Join(strings.Fields(t.arg("type", 0)), " "), "note")
			if kind[0] >= 'a' && kind[0] <= 'z' {
				kind = string(kind[0]-'a'+'A') + kind[1:]
			}
			summary = cmp.Or(strings.Join(strings.Fields(t.arg("title", 1)), " "), kind)
		}
		if summary != "" {
			if !e.outAtLineStart() {
				e.out = append(e.out, '\n')
			}
			e.out = append(e.out, '\n')
			e.out = append(e.out, summary...)
			e.out = append(e.out, '\n', '\n')
		}
	case name == "param":
		// The page's title or description, else a value of the site's
		// [params], a table's by its dotted name (docs.min_hugo_version),
		// as Hugo looks a param up (LoveIt's, FixIt's docs); others are
		// not known here.
		key := strings.ToLower(strings.TrimSpace(t.arg("name", 0)))
		v, ok := e.vars["page."+key]
		if !ok {
			v, ok = e.vars["params."+key]
		}
		if ok && len(v) <= e.varRoom {
			e.out = append(e.out, v...)
			e.varRoom -= len(v)
			break
		}
		e.warn(t.start, "shortcode dropped", "param shortcode %q: only the page's title and description and the site's [params] strings are available, dropped", scShort(t.arg("name", 0)))
	default:
		repl, known, kind, msg := e.known(t)
		if msg != "" {
			e.warn(t.start, kind, "%s", msg)
		}
		if known {
			e.out = append(e.out, repl...)
			break
		}
		_, paired := e.closer("<"+name, t.end)
		if url := linkParam(t); url != "" && (t.self || !paired) && !e.inDestination() {
			// A theme's link with no inner text (mosuke5's {{<
			// external_link url="…" title="…" >}}, 63 of them): a link
			// to its url, its title the text, rather than a gap in
			// the sentence.
			label := cmp.Or(scWords(t, cmp.Or(t.arg("title", -1), t.arg("text", -1), t.arg("label", -1), t.arg("name", -1))), url)
			e.out = append(e.out, "["+scLabel(label)+"]("+scDest(url)+")"...)
			e.warn(t.start, "unknown shortcode", "unknown shortcode %q written as a link to its url", scShort(name))
			break
		}
		if words := scWords(t, ""); words != "" && (t.self || !paired) && !e.inDestination() {
			// A theme's card of a thing named in words (eichisanden's
			// {{% amazon itemId="…" title="…" author="…"
			// publisher="…" imageUrl="…" %}}, 16 in 9 posts; a
			// bookmark card's title, author, publisher, caption): its
			// words, one line, a link to its src when that is a page's
			// address, not an image's. Its ids, sizes, switches and
			// image files are the theme's, not the reader's, and stay
			// out. Bounded by the tag (maxShortcodeTag).
			if src := imageParam(t); src != "" && !imageExt(src) {
				e.out = append(e.out, "["+scLabel(words)+"]("+scDest(src)+")"...)
				e.warn(t.start, "unknown shortcode", "unknown shortcode %q written as a link to its src", scShort(name))
				break
			}
			if imageParam(t) == "" {
				e.out = append(e.out, scText(words)...)
				e.warn(t.start, "unknown shortcode", "unknown shortcode %q dropped (its title and other words are kept as text)", scShort(name))
				break
			}
		}
		if src := imageParam(t); src != "" && (t.self || !paired) && !e.inDestination() {
			// A theme's image (zzo's {{< img src="…" title="…" >}},
			// 17 in one post): an image of its src, described by its
			// alt, title or caption, rather than nothing.
			alt := cmp.Or(t.arg("alt", -1), t.arg("title", -1), t.arg("caption", -1))
			e.out = append(e.out, "!["+scLabel(alt)+"]("+scDest(src)+")"...)
			e.warn(t.start, "unknown shortcode", "unknown shortcode %q written as an image of its src", scShort(name))
			break
		}
		kept := "any text up to its closing tag is kept"
		if e.pairedWords(t, paired) {
			kept = "its title and other words are kept as text, before the text up to its closing tag"
		}
		if s, ok := e.closer("<"+name, t.end); ok && e.in[t.start+2] == '<' {
			if html, ok := indentedHTML(e.in[t.end:s.start]); ok {
				// Hugo hands a {{< >}} shortcode's inner text to its
				// template as it is, not as Markdown: HTML indented
				// there (md-irohas' gallery of <img> lines) is the
				// theme's HTML, not code. Kept, its indent taken off.
				e.warn(t.start, "unknown shortcode", "unknown shortcode %q dropped (%s)", scShort(name), strings.Replace(kept, "any text up to its closing tag", "its HTML inside", 1))
				e.newlines(t.start, t.end)
				e.out = append(e.out, html...)
				e.newlines(s.start, s.end)
				return s.end
			}
		}
		e.warn(t.start, "unknown shortcode", "unknown shortcode %q dropped (%s)", scShort(name), kept)
	}
	e.newlines(t.start, t.end)
	return t.end
}

// pairedWords writes the words of t, an unknown shortcode with a closing
// tag (paired), before its inner text, as the unpaired one's are written
// (scWords: "title — author, publisher"): a theme's card, quote, notice
// or tab with inner text shows its title, author or caption, as
// {{< blockquote author="Raymond Chen" link="…" >}}…{{< /blockquote >}}
// does. A link to its address (url, href, link; a src that is no image
// file), as the unpaired one's. Only for a tag that starts its line, a
// block of its own: one within a sentence is a theme's inline mark whose
// title is a hover (a tooltip's, an abbreviation's), kept out as before.
// The lines are kept: the words take the tag's line, and, when the next
// line is more of a paragraph, end in a hard line break, so that the
// inner text does not run on in their line; when the inner text follows
// the tag on its line, a colon parts them. It reports whether it wrote
// anything. Bounded by the tag (maxShortcodeTag) and a line's look-ahead.
func (e *scExpander) pairedWords(t *scTag, paired bool) bool {
	if t.self || !paired || !e.outAtLineStart() || e.inDestination() {
		return false
	}
	words := scWords(t, "")
	if words == "" {
		words = scPositionalTitle(t)
	}
	if words == "" {
		return false
	}
	text := scText(words)
	dest := linkParam(t)
	if src := imageParam(t); dest == "" && src != "" && !imageExt(src) {
		dest = src
	}
	if dest != "" {
		text = "[" + scLabel(words) + "](" + scDest(dest) + ")"
	}
	rest := e.in[t.end:]
	line, _, more := bytes.Cut(rest, []byte("\n"))
	switch {
	case len(bytes.TrimSpace(line)) > 0:
		// {{< card title="…" >}}inner{{< /card >}} on one line.
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte("{{")) {
			text += " "
		} else {
			text += ": "
		}
	case more && bytes.IndexByte(e.in[t.start:t.end], '\n') < 0 && runsOn(rest[len(line)+1:]):
		text += "\\"
	}
	e.out = append(e.out, text...)
	return true
}

// scPositionalTitle is the one positional argument of t, an unknown
// shortcode with a closing tag and no named ones, when it reads as a
// reader's words rather than a kind or an icon's name: words with a
// space, or in letters other than ASCII's. k-kaz-git's {{% memo 注意 %}}
// (memo.html shows {{.Get 0}} as the box's title, 6 in 3 posts) shows
// its title; {{< alert "fire" >}}, {{< notice warning >}} name the
// theme's icon or kind and show no such word. "" otherwise. Bounded by
// the tag (maxShortcodeTag).
func scPositionalTitle(t *scTag) string {
	if len(t.pos) != 1 || len(t.named) != 0 {
		return ""
	}
	v := strings.Join(strings.Fields(t.pos[0]), " ")
	if !scIsWords(v) || strings.ContainsAny(v, "{};=<>") {
		// Code, not words: LoveIt's {{< style "img { height: 1.25rem; }" >}}.
		return ""
	}
	if !strings.Contains(v, " ") && strings.IndexFunc(v, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) < 0 {
		return ""
	}
	return v
}

// runsOn reports whether the line at the start of b, were it after a line
// of a paragraph, would go on with that paragraph: it has text, and
// starts no list, heading, quote, code, table, HTML or shortcode (which
// would end the paragraph, or leave the line empty). Looks at the line's
// first bytes only.
func runsOn(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	if len(line)-len(bytes.TrimLeft(line, " ")) > 3 || bytes.HasPrefix(line, []byte("\t")) {
		return false // indented: code, or an indented block's text
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 || strings.IndexByte("#>`~<|{=", line[0]) >= 0 {
		return false
	}
	if len(line) > 1 && strings.IndexByte("-+*", line[0]) >= 0 && line[1] == ' ' {
		return false // a list item
	}
	n := 0
	for n < len(line) && n < 10 && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	return n == 0 || n == len(line) || line[n] != '.' && line[n] != ')'
}

// indentedHTML is inner, a shortcode's inner text, without the indent of
// its lines, when that indent would make it code (four spaces, or a tab,
// on every line with text) and it starts with an HTML tag; ok is false
// otherwise, and for inner text that holds template code.
func indentedHTML(inner []byte) (out []byte, ok bool) {
	if bytes.Contains(inner, []byte("{{")) || bytes.Contains(inner, []byte("{%")) {
		return nil, false
	}
	lines := bytes.SplitAfter(inner, []byte("\n"))
	indent, first := -1, true
	for _, l := range lines {
		text := bytes.TrimLeft(l, " \t")
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		if first && text[0] != '<' {
			return nil, false
		}
		first = false
		if n := len(l) - len(text); indent < 0 || n < indent {
			indent = n
		}
	}
	if indent < 1 || indent < 4 && !bytes.Contains(inner, []byte("\n\t")) {
		return nil, false
	}
	out = make([]byte, 0, len(inner))
	for _, l := range lines {
		k := 0
		for k < indent && k < len(l) && (l[k] == ' ' || l[k] == '\t') {
			k++
		}
		out = append(out, l[k:]...)
	}
	return out, true
}

// linkParam is the address an unknown shortcode names by a link's
// parameter (url, href or link), else by its first positional argument
// when that is a web address, as a theme's link card takes one ({{<
// blogcard "https://…" >}}; eichisanden/blog's {{% ogp "https://…" %}},
// 12 of them, a card Hugo draws from the page it fetches); "" for none
// or one with spaces.
func linkParam(t *scTag) string {
	url := strings.TrimSpace(cmp.Or(t.arg("url", -1), t.arg("href", -1), t.arg("link", -1)))
	if url == "" && len(t.pos) > 0 {
		if first := strings.TrimSpace(t.pos[0]); webAddress(first) {
			url = first
		}
	}
	if url == "" || strings.ContainsAny(url, " \t\r\n") {
		return ""
	}
	return url
}

// scWordKeys are the parameters of a theme's shortcode that hold words
// for the reader, in the order a card shows them: its thing's title (or
// the text a Zola-like aside holds), who made it, what it is. Themes'
// book and bookmark cards take title, author, publisher, description,
// caption; quotes take author. Not name or label: an icon's
// name="table" is the theme's.
var scWordKeys = []string{"title", "text", "quote", "body", "author", "publisher", "caption", "description"}

// scWords is the words of an unknown shortcode's parameters (scWordKeys)
// as one line, "title — author, publisher", head first when given;
// values that are no words (numbers, true and false, addresses, image
// files) are left out; "" for none.
func scWords(t *scTag, head string) string {
	var words []string
	add := func(v string) {
		v = strings.Join(strings.Fields(v), " ")
		if !scIsWords(v) || slices.Contains(words, v) {
			return
		}
		words = append(words, v)
	}
	if head = strings.Join(strings.Fields(head), " "); head != "" {
		// The label a link already had, word or not.
		words = append(words, head)
	}
	for _, k := range scWordKeys {
		if v, ok := t.named[k]; ok {
			add(v)
		}
	}
	if len(words) == 0 {
		return ""
	}
	if len(words) == 1 {
		return words[0]
	}
	return words[0] + " — " + strings.Join(words[1:], ", ")
}

// scIsWords reports whether a parameter's value reads as words: it has a
// letter, and it is no switch, address, path or image file.
func scIsWords(v string) bool {
	switch strings.ToLower(v) {
	case "", "true", "false", "yes", "no", "on", "off", "null", "none":
		return false
	}
	if webAddress(v) || strings.Contains(v, "://") || strings.Contains(v, "{{") || imageExt(v) && !strings.Contains(v, " ") {
		return false
	}
	if !strings.Contains(v, " ") && (strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./")) {
		return false
	}
	return strings.IndexFunc(v, unicode.IsLetter) >= 0
}

// scText is s written as Markdown text that shows as it is: the
// characters Markdown gives a meaning escaped, and those that would
// start a list, a heading or a quote at the line's start.
func scText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte("\\`*_[]<>#!|~&$", c) >= 0 || i == 0 && strings.IndexByte("+-=:", c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	out := b.String()
	// "1. " or "1) " at the start would be a numbered list.
	if n := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); n > 0 && n < len(out) && (out[n] == '.' || out[n] == ')') {
		out = out[:n] + "\\" + out[n:]
	}
	return out
}

// webAddress reports whether s is an http or https address with a host.
func webAddress(s string) bool {
	for _, scheme := range []string{"https://", "http://"} {
		if len(s) > len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			return true
		}
	}
	return false
}

// imageParam is the image an unknown shortcode names by its src
// parameter, "" for none or one with spaces.
func imageParam(t *scTag) string {
	src := strings.TrimSpace(t.arg("src", -1))
	if src == "" || strings.ContainsAny(src, " \t\r\n") {
		return ""
	}
	return src
}

// diagramShortcodes are the shortcodes of themes that hold a diagram's or
// a formula's source, and the language of the fenced block each becomes.
var diagramShortcodes = map[string]string{"mermaid": "mermaid", "chart": "chart", "katex": "math", "math": "math", "echarts": "json"}

// known expands the shortcodes that stand for an image or a link. msg is a
// warning, of kind, when a known one cannot be expanded.
func (e *scExpander) known(t *scTag) (repl string, known bool, kind, msg string) {
	name := t.name
	switch name {
	case "figure":
		src := t.arg("src", -1)
		if src == "" {
			return "", true, "shortcode dropped", "figure shortcode without src: dropped"
		}
		return figure(src, t.arg("title", -1), t.arg("caption", -1), t.arg("attr", -1), t.arg("attrlink", -1), t.arg("alt", -1)), true, "", ""
	case "ref", "relref":
		written := t.arg("path", 0)
		target := written
		if lang := strings.TrimSpace(t.arg("lang", -1)); lang != "" {
			target = refInLanguage(target, lang)
		}
		dest, ok := e.resolve(target)
		if !ok {
			return written, true, kindUnknownTarget, fmt.Sprintf("%s shortcode: unknown target %q, written as is", name, scShort(written))
		}
		if e.inDestination() {
			return dest, true, "", ""
		}
		// Written bare in the text, where Hugo prints the address: a
		// link, labelled with the post's title, as a reader follows it.
		label := ""
		if e.title != nil {
			path, _, _ := strings.Cut(target, "#")
			label = e.title(path)
		}
		if label == "" {
			label = dest
		}
		return "[" + scLabel(label) + "](" + scDest(dest) + ")", true, "", ""
	case "youtube", "vimeo", "instagram", "vimeo_simple", "instagram_simple":
		// (The _simple ones are Hugo's built-in privacy variants.)
		name = strings.TrimSuffix(name, "_simple")
		id := t.arg("id", 0)
		if name == "youtube" {
			// Hugo embeds /embed/<id>: options written after the id
			// ("x6hbicxEFbg?rel=0") are the embed's, not the video's.
			id, _, _ = strings.Cut(id, "?")
		}
		if !scID(id) {
			return "", true, "shortcode dropped", fmt.Sprintf("%s shortcode without a valid id: dropped", name)
		}
		switch name {
		case "youtube":
			return "[YouTube: " + id + "](https://www.youtube.com/watch?v=" + id + ")", true, "", ""
		case "vimeo":
			return "[Vimeo: " + id + "](https://vimeo.com/" + id + ")", true, "", ""
		}
		return "[Instagram: " + id + "](https://www.instagram.com/p/" + id + "/)", true, "", ""
	case "tweet", "x", "twitter", "twitter_simple", "x_simple", "tweet_simple":
		name = strings.TrimSuffix(name, "_simple")
		user, id := t.arg("user", 0), t.arg("id", 1)
		if len(t.pos) == 1 && t.named == nil { // the old {{< tweet ID >}}
			user, id = "", t.pos[0]
		}
		if !scID(id) || user != "" && !scID(user) {
			return "", true, "shortcode dropped", fmt.Sprintf("%s shortcode without a valid user and id: dropped", name)
		}
		if user == "" {
			return "[X: " + id + "](https://x.com/i/status/" + id + ")", true, "", ""
		}
		return "[X: @" + user + "](https://x.com/" + user + "/status/" + id + ")", true, "", ""
	case "gist":
		user, id := t.arg("user", 0), t.arg("id", 1)
		if !scID(user) || !scID(id) {
			return "", true, "shortcode dropped", "gist shortcode without a valid user and id: dropped"
		}
		return "[Gist: " + user + "/" + id + "](https://gist.github.com/" + user + "/" + id + ")", true, "", ""
	}
	return "", false, "", ""
}

// inDestination reports whether what is written next is a link's
// destination: after "](" or "](<" of an inline link, after "[label]:" of
// a reference definition, or in an HTML attribute (href="…").
func (e *scExpander) inDestination() bool {
	line := e.out[bytes.LastIndexByte(e.out, '\n')+1:]
	before := bytes.TrimRight(line, " \t")
	if n := len(before); n > 0 {
		switch before[n-1] {
		case '(', '<', '"', '\'', '=':
			return true
		}
	}
	trimmed := bytes.TrimSpace(line)
	return len(trimmed) > 3 && trimmed[0] == '[' && bytes.HasSuffix(trimmed, []byte("]:"))
}

// figure is the Markdown of Hugo's figure shortcode: an image labelled
// with what the web page shows under it, as plain text: its title, then
// its caption and attribution ("Sunset: Photo by Jr Korpa"), or, without
// a caption, its alt text ("Sunset: a red sky over the sea"; the alt text
// alone without a title). The caption's Markdown links, and attrlink,
// follow the image as links of their own, on its line, so that they are
// link lines on Gemini.
func figure(src, title, caption, attr, attrlink, alt string) string {
	var shown []string
	var links [][2]string
	if caption == "" {
		caption = alt // what describes the image when nothing else does
	}
	for _, s := range []string{title, caption, attr} {
		text, ls := plainMarkdown(s, false, true)
		if text != "" {
			shown = append(shown, text)
		}
		links = append(links, ls...)
	}
	label := strings.Join(shown, ": ")
	if attrlink != "" {
		a, _ := plainMarkdown(attr, false, false)
		if a == "" {
			a = attrlink
		}
		links = append(links, [2]string{a, attrlink})
	}
	md := "![" + scLabel(label) + "](" + scDest(src) + ")"
	for _, l := range links {
		md += " [" + scLabel(l[0]) + "](" + scDest(l[1]) + ")"
	}
	return md
}

// refInLanguage is target asking for the page in language lang, as
// Hugo's ref and relref take lang="…": "?lang=…" before its #fragment,
// which the ref function reads (expandTemplates) and a path never has.
func refInLanguage(target, lang string) string {
	path, frag, hasFrag := strings.Cut(target, "#")
	path += "?lang=" + url.QueryEscape(lang)
	if hasFrag {
		path += "#" + frag
	}
	return path
}

// resolve is the destination of a ref target, with its #fragment kept; when
// ref does not know it, the target as written and false.
func (e *scExpander) resolve(target string) (string, bool) {
	path, frag, hasFrag := strings.Cut(target, "#")
	if path == "" && hasFrag {
		return "#" + frag, true
	}
	dest, ok := e.ref(path)
	if !ok {
		return target, false
	}
	if hasFrag {
		dest += "#" + frag
	}
	return dest, true
}

func scID(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// scLabel makes s safe as the text of a link or image: one line, brackets
// and backslashes escaped.
func scLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case '\\', '[', ']':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}

// scDest makes s safe as a link destination: in <…> when it holds spaces or
// parentheses, with < > and line breaks percent-encoded.
func scDest(s string) string {
	if !strings.ContainsAny(s, " \t\r\n()<>") {
		return s
	}
	r := strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "%0A", "\r", "%0D")
	return "<" + r.Replace(s) + ">"
}

// fence writes in[a:b], the content of a highlight block whose closing tag
// ends at closeEnd, as a fenced code block in language lang.
func (e *scExpander) fence(lang string, a, b, closeEnd int) {
	in := e.in
	i := a
	for i < b && (in[i] == ' ' || in[i] == '\t') {
		i++
	}
	if i == b || in[i] == '\n' {
		a = i
	}
	// The fence: longer than any backtick run that starts a content line.
	n, atStart := 3, true
	for j := a; j < b; j++ {
		switch c := in[j]; {
		case c == '\n':
			atStart = true
		case c == '`' && atStart:
			k := j
			for k < b && in[k] == '`' {
				k++
			}
			n = max(n, k-j+1)
			j, atStart = k-1, false
		case c != ' ' && c != '\t':
			atStart = false
		}
	}
	f := strings.Repeat("`", n)
	if !e.outAtLineStart() {
		e.out = append(e.out, '\n')
	}
	e.out = append(e.out, f...)
	e.out = append(e.out, scLang(lang)...)
	if a == b || in[a] != '\n' {
		e.out = append(e.out, '\n')
	}
	e.copyLit(a, b, false)
	if !e.outAtLineStart() {
		e.out = append(e.out, '\n')
	}
	e.out = append(e.out, f...)
	for j := closeEnd; j < len(in) && in[j] != '\n'; j++ {
		if in[j] != ' ' && in[j] != '\t' && in[j] != '\r' {
			e.out = append(e.out, '\n')
			break
		}
	}
}

func (e *scExpander) outAtLineStart() bool {
	i := len(e.out) - 1
	for i >= 0 && (e.out[i] == ' ' || e.out[i] == '\t') {
		i--
	}
	return i < 0 || e.out[i] == '\n'
}

// scLang keeps the characters of a language name an info string can hold.
func scLang(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && i < 64; i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_+#.-", c) >= 0 {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// scLiquid is a parsed Liquid tag {% name args %}.
type scLiquid struct {
	end  int
	name string
	args string
}

func (e *scExpander) liquidTag(p int) (scLiquid, bool) {
	in := e.in
	c := e.fLiq.next(in, p+2)
	if c < 0 || c-p > maxShortcodeTag {
		return scLiquid{}, false
	}
	s := in[p+2 : c]
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if len(s) > 0 && s[len(s)-1] == '-' {
		s = s[:len(s)-1]
	}
	s = bytes.TrimSpace(s)
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
		i++
	}
	return scLiquid{end: c + 2, name: string(s[:i]), args: string(bytes.TrimSpace(s[i:]))}, true
}

func (e *scExpander) liquid(p int) (int, bool) {
	t, ok := e.liquidTag(p)
	if !ok {
		e.warn(p, "Liquid kept as text", "{%% without its closing %%}: kept as text")
		return 0, false
	}
	if t.name == "for" && e.site != nil {
		// A loop over the site's documents (liquidfor.go): its body
		// for each; else read as before.
		if q, ok := e.forLoop(p, t); ok {
			return q, true
		}
	}
	switch name := t.name; {
	case name == "raw":
		e.raw, e.rawLine = true, e.lineAt(p)
	case name == "highlight":
		lang, _, _ := strings.Cut(t.args, " ")
		s, ok := e.closer("%endhighlight", t.end)
		if !ok {
			e.warn(p, "Liquid kept as text", "{%% highlight %%} without {%% endhighlight %%}: what follows is kept as text")
			break
		}
		e.fence(lang, t.end, s.start, s.end)
		return s.end, true
	case name == "comment":
		if s, ok := e.closer("%endcomment", t.end); ok {
			e.newlines(p, s.end)
			return s.end, true
		}
		e.warn(p, "Liquid kept as text", "{%% comment %%} without {%% endcomment %%}: only the tag is dropped")
	case name == "capture":
		if q, ok := e.capture(p, t); ok {
			return q, true
		}
		e.warn(p, "Liquid tag dropped", "Liquid tag {%% capture %%} dropped")
	case name == "assign":
		e.assign(p, t)
	case (name == "if" || name == "unless" || name == "case") && e.site != nil:
		// A Jekyll site's condition (liquidif.go): the branch it takes,
		// when capsule can tell; else every branch, as another block.
		if q, ok := e.conditional(p, t); ok {
			return q, true
		}
	case name == "link" && hexoLink(t.args) >= 0:
		// Hexo's (and Octopress') {% link text url [external] [title] %}:
		// a link; Jekyll's names one file alone.
		args := liquidArgs(t.args)
		i := hexoLink(t.args)
		e.out = append(e.out, "["+scLabel(cmp.Or(strings.Join(args[:i], " "), args[i]))+"]("+scDest(args[i])+")"...)
	case name == "link" || name == "post_url":
		target, _, _ := strings.Cut(t.args, " ")
		target = strings.Trim(target, `"'`)
		dest, ok := e.resolve(target)
		if !ok {
			e.warn(p, kindUnknownTarget, "{%% %s %%}: unknown target %q, written as is", name, scShort(dest))
		}
		e.out = append(e.out, dest...)
	case name == "asset_img" || name == "asset_link" || name == "asset_path" || name == "post_link" || name == "post_path":
		// Hexo's tag plugins: {% asset_img cat.png "A cat" %}, an image
		// of its post's asset folder (a relative link, looked for there:
		// Content.HexoAssetFolder); {% asset_link %} a link to a file of
		// it, {% asset_path %} its address; {% post_link hello %} a link
		// to another post, by its name, {% post_path %} its address.
		args := liquidArgs(t.args)
		if len(args) == 0 || args[0] == "" {
			e.warn(p, "Liquid tag dropped", "{%% %s %%} without a file or post: dropped", name)
			break
		}
		if n := len(args); name == "post_link" && n >= 3 && (args[n-1] == "true" || args[n-1] == "false") {
			args = args[:n-1] // {% post_link slug title false %}: whether the title is escaped
		}
		target, label := args[0], strings.Join(args[1:], " ")
		if name == "post_link" && label == "" && e.title != nil {
			// Hexo labels a bare {% post_link hello %} with the post's
			// title.
			label = e.title(target)
		}
		if name == "post_link" || name == "post_path" {
			dest, ok := e.resolve(target)
			if !ok {
				// (A Jekyll site's plugin of the same name, linking a post
				// of another language: as any tag capsule cannot follow.)
				e.warn(p, "Liquid tag dropped", "Liquid tag {%% %s %%} dropped: no post %q", name, scShort(target))
				break
			}
			if name == "post_path" || e.inDestination() {
				if strings.HasSuffix(dest, ".md") {
					// Its address, without the file's extension: a link
					// to the post, and the folder of its assets, as
					// "{% post_path hello %}/cat.png" writes it.
					dest = strings.TrimSuffix(dest, ".md")
				}
				e.out = append(e.out, dest...)
			} else {
				e.out = append(e.out, "["+scLabel(cmp.Or(label, target))+"]("+dest+")"...)
			}
			break
		}
		switch {
		case name == "asset_path" || e.inDestination():
			e.out = append(e.out, scDest(target)...)
		case name == "asset_img":
			// What follows the file is its width and height, then its
			// title and alt, as {% img %} reads them: the numbers are no
			// label ({% asset_img cat.png 640 480 "A cat" %}).
			_, label = hexoImg(append([]string{"/"}, args[1:]...))
			if e.asset != nil && !e.asset(target) {
				// Hexo's asset_img takes the first of its arguments
				// that names a file of the folder ({% asset_img
				// 网站截图 screenshot.png %}: the words before it are
				// the image's classes, what follows it its size,
				// title and alt, as {% img %} reads them).
				for i, a := range args[1:] {
					if e.asset(a) {
						target = a
						_, label = hexoImg(append([]string{"/"}, args[i+2:]...))
						break
					}
				}
			}
			e.out = append(e.out, "!["+scLabel(label)+"]("+scDest(target)+")"...)
		default:
			e.out = append(e.out, "["+scLabel(cmp.Or(label, target))+"]("+scDest(target)+")"...)
		}
	case name == "codeblock" || name == "code":
		// Hexo's (and Octopress') {% codeblock [title] [lang:sh] [url
		// [link text]] %}…{% endcodeblock %} ({% code %} the same): a
		// code block, its title a line before it, its link after it.
		s, ok := e.pairedCloser(p, t.end)
		if !ok {
			e.warn(p, "Liquid kept as text", "{%% %s %%} without {%% end%s %%}: what follows is kept as text", name, name)
			break
		}
		lang, caption, link, label := hexoCodeArgs(liquidArgs(t.args))
		if caption != "" {
			if !e.outAtLineStart() {
				e.out = append(e.out, '\n')
			}
			e.out = append(e.out, scLabel(caption)+"\n"...)
		}
		e.fence(lang, t.end, s.start, s.end)
		if link != "" {
			if !e.outAtLineStart() {
				e.out = append(e.out, '\n')
			}
			e.out = append(e.out, "\n["+scLabel(cmp.Or(label, link))+"]("+scDest(link)+")\n"...)
		}
		return s.end, true
	case name == "math" || name == "katex" || name == "mathjax":
		// Hexo's math plugins: hexo-static-math's {% math %}…{% endmath %},
		// hexo-math's {% katex %}…{% endkatex %} and {% mathjax %}…
		// {% endmathjax %}. TeX, which they hand to KaTeX or MathJax
		// as written: never read as Markdown (its \\ and _ kept). On
		// lines of its own, or with displayMode, display math (a
		// preformatted block, alt math, as $$ blocks are); within a
		// line, inline math \(…\).
		s, ok := e.pairedCloser(p, t.end)
		if !ok {
			e.warn(p, "Liquid kept as text", "{%% %s %%} without {%% end%s %%}: what follows is kept as text", name, name)
			break
		}
		tex := e.in[t.end:s.start]
		if e.outAtLineStart() && (bytes.ContainsRune(tex, '\n') || strings.Contains(strings.ReplaceAll(t.args, " ", ""), `displayMode":true`)) {
			e.fence("math", t.end, s.start, s.end)
		} else {
			e.out = append(e.out, `\(`+strings.Join(strings.Fields(string(tex)), " ")+`\)`...)
		}
		return s.end, true
	case name == "blockquote" || name == "pullquote" || name == "note" || name == "centerquote" || name == "cq":
		// Hexo's (and Octopress') {% blockquote [author[, source]]
		// [link] [link title] %}…{% endblockquote %}, {% pullquote %},
		// and NexT's {% note [class] [summary] %}, {% centerquote %}:
		// their text a quote, the blockquote's author and source (its
		// link) its last line, the note's summary its first.
		s, ok := e.pairedCloser(p, t.end)
		if !ok || e.depth >= maxQuoteDepth {
			e.warn(p, "Liquid tag dropped", "Liquid tag {%% %s %%} dropped", scShort(name))
			break
		}
		var first, last string
		switch name {
		case "blockquote":
			last = hexoCite(t.args)
		case "note":
			first = hexoNoteSummary(liquidArgs(t.args))
		}
		e.quote(first, e.sub(t.end, s.start), last, s.end)
		return s.end, true
	case name == "img":
		// Hexo's (and Octopress') {% img [class] /path/cat.png [width
		// [height]] [title [alt]] %}: the image.
		src, alt := hexoImg(liquidArgs(t.args))
		if src == "" {
			e.warn(p, "Liquid tag dropped", "{%% img %%} without an image's address (/… or https://…): dropped")
			break
		}
		if e.inDestination() {
			e.out = append(e.out, scDest(src)...)
			break
		}
		e.out = append(e.out, "!["+scLabel(alt)+"]("+scDest(src)+")"...)
	case name == "iframe" || name == "jsfiddle" || name == "video" || name == "exturl" || name == "url_for" || name == "full_url_for" || name == "button" || name == "btn":
		// Embeds and links of Hexo's tag plugins ({% iframe url %},
		// {% jsfiddle id %}, {% url_for text path %}, {% full_url_for
		// text path %}) and of NexT's ({% video url %}, {% exturl text
		// url %}, {% button url, text %}): a link.
		label, dest := hexoEmbed(name, t.args)
		if dest == "" {
			e.warn(p, "Liquid tag dropped", "{%% %s %%} without an address: dropped", name)
			break
		}
		if e.inDestination() {
			e.out = append(e.out, scDest(dest)...)
			break
		}
		e.out = append(e.out, "["+scLabel(label)+"]("+scDest(dest)+")"...)
	case name == "label":
		// NexT's {% label [class]@text %}: its text.
		_, text, ok := strings.Cut(t.args, "@")
		if !ok {
			text = t.args
		}
		e.out = append(e.out, strings.TrimSpace(text)...)
	case name == "include_code":
		// Hexo's {% include_code [title] [lang:sh] path %}: a file of
		// its code folder (code_dir), which is served; a link to it.
		args := liquidArgs(t.args)
		var words []string
		for _, a := range args {
			if k, _, ok := strings.Cut(a, ":"); !ok || k != "lang" && k != "from" && k != "to" {
				words = append(words, a)
			}
		}
		if len(words) == 0 {
			e.warn(p, "Liquid tag dropped", "{%% include_code %%} without a file: dropped")
			break
		}
		file := words[len(words)-1]
		dir := cmp.Or(strings.Trim(e.vars["config.code_dir"], "/"), "downloads/code")
		label := cmp.Or(strings.Join(words[:len(words)-1], " "), path.Base(file))
		e.out = append(e.out, "["+scLabel(label)+"]("+scDest("/"+dir+"/"+strings.TrimPrefix(file, "/"))+")"...)
	case name == "gist":
		// jekyll-gist's {% gist user/id [file] %} (or id alone): a link
		// to the gist, as Hugo's gist shortcode gives.
		target, _, _ := strings.Cut(strings.TrimSpace(t.args), " ")
		target = strings.Trim(target, `"'`)
		user, id, hasUser := strings.Cut(target, "/")
		if !hasUser {
			user, id = "", target
		}
		if !scID(id) || hasUser && !scID(user) {
			e.warn(p, "Liquid tag dropped", "{%% gist %%} without a valid id: dropped")
			break
		}
		e.out = append(e.out, "[Gist: "+target+"](https://gist.github.com/"+target+")"...)
	case name == "youtube" || name == "vimeo" || name == "tweet" || name == "twitter":
		// The plugins' embeds (jekyll-youtube's {% youtube ID %},
		// jekyll-twitter-plugin's {% twitter URL %}, {% tweet URL %}):
		// a link to the video or the post, as Hugo's shortcodes give.
		args, nunjucks := shortcodeArgs(t.args)
		arg, kind := "", ""
		if len(args) > 0 {
			arg = args[0]
		}
		if len(args) > 1 {
			kind = args[1]
		}
		if name == "youtube" && kind == "playlist" && scID(arg) {
			// Hexo's {% youtube id playlist %}.
			e.out = append(e.out, "[YouTube: "+arg+"](https://www.youtube.com/playlist?list="+arg+")"...)
			break
		}
		if u, err := url.Parse(arg); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			label := map[string]string{"youtube": "YouTube", "vimeo": "Vimeo", "tweet": "X", "twitter": "X"}[name]
			e.out = append(e.out, "["+label+": "+scLabel(u.Host+u.Path)+"]("+scDest(arg)+")"...)
			break
		}
		if repl, _, _, msg := e.known(&scTag{name: name, pos: []string{arg}}); msg == "" && repl != "" {
			if label := strings.TrimSpace(kind); nunjucks && label != "" && (name == "youtube" || name == "vimeo") {
				// An Eleventy shortcode's title after the id ({%
				// youtube "id", "Title" %}): the link's text.
				repl = strings.Replace(repl, ": "+arg+"]", ": "+scLabel(oneLine(label))+"]", 1)
			}
			e.out = append(e.out, repl...)
			break
		}
		e.warn(p, "Liquid tag dropped", "{%% %s %%} without a valid id or address: dropped", name)
	case name == "include" || name == "include_relative":
		target, params := strings.TrimSpace(t.args), ""
		if i := strings.IndexAny(target, " \t\r\n"); i >= 0 {
			target, params = target[:i], target[i+1:]
		}
		why := ""
		if e.inc != nil {
			var put bool
			if put, why = e.include(p, name, target, params); put {
				break
			}
		}
		// An include handed a link or an image as a string (ryoi432's
		// {% include audio.html url='/assets/….mp3' %}, 12 in one post)
		// is a link to it or an image of it, as Hugo's unknown
		// shortcodes are, rather than nothing.
		it := &scTag{name: target, named: liquidParams(params)}
		if _, vars, ok := includeParams(params); ok {
			for k, name := range vars {
				if lv, ok := e.local(name); ok {
					it.named[k] = lv.text // a variable the post bound (liquidvars.go)
				}
			}
		}
		if src := imageParam(it); src != "" && !imageExt(src) && it.named["url"] == "" {
			// Not an image's (flash.html's src="/misc/swf/….swf"):
			// a link to it.
			it.named["url"] = src
		}
		if url := linkParam(it); url != "" && !e.inDestination() {
			label := cmp.Or(it.arg("title", -1), it.arg("text", -1), it.arg("label", -1), it.arg("name", -1), it.arg("alt", -1), url)
			e.out = append(e.out, "["+scLabel(label)+"]("+scDest(url)+")"...)
			e.warn(p, "Liquid include written as a link", "{%% %s %s %%} written as a link to its url: includes are not available", name, scShort(target))
			break
		}
		if src := imageParam(it); src != "" && !e.inDestination() {
			alt := cmp.Or(it.arg("alt", -1), it.arg("title", -1), it.arg("caption", -1))
			e.out = append(e.out, "!["+scLabel(alt)+"]("+scDest(src)+")"...)
			e.warn(p, "Liquid include written as an image", "{%% %s %s %%} written as an image of its src: includes are not available", name, scShort(target))
			break
		}
		if text := includeText(it); text != "" && !e.inDestination() {
			// An include handed its text (toshimaru's {% include
			// info.html title="追記" text="…" %}, a box around it;
			// 9 in 8 posts): that text, the author's words, rather
			// than nothing.
			if e.outAtLineStart() {
				text = strings.ReplaceAll(text, "\x00", "\n\n")
			} else {
				text = strings.ReplaceAll(text, "\x00", " ")
			}
			e.out = append(e.out, text...)
			e.warn(p, "Liquid include written as its text", "{%% %s %s %%} written as the text it is given: includes are not available", name, scShort(target))
			break
		}
		if e.inc != nil && why == "" {
			why = "includes with parameters are not run"
			dir := includesDir
			if name == "include_relative" {
				dir = e.postDir
			}
			if f := e.inc.file(dir, target); f.problem != "" {
				why = f.problem
			}
		}
		if why == "" {
			why = "includes are not available"
		}
		e.warn(p, "Liquid tag dropped", "{%% %s %s %%} dropped: %s", name, scShort(target), why)
	case strings.HasPrefix(name, "end") || name == "else" || name == "elsif" || name == "when":
		// The end of a block whose start was warned about.
		if (name == "endfor" || name == "endtablerow") && e.loops > 0 {
			e.loops--
		}
	default:
		if name == "for" || name == "tablerow" {
			e.loops++ // its body is read once, its conditions not told (liquidif.go)
		}
		e.warn(p, "Liquid tag dropped", "Liquid tag {%% %s %%} dropped", scShort(name))
	}
	e.newlines(p, t.end)
	return t.end, true
}

// includeTextParams are the parameters in which an include is handed the
// text it shows, a heading first.
var includeTextParams = []string{"title", "heading", "header", "text", "content", "body", "message", "note", "description"}

// includeText is the text an include is handed by includeTextParams, the
// non-empty values in that order, separated by NUL (for the caller to
// make paragraphs or spaces of); "" for none.
func includeText(t *scTag) string {
	var parts []string
	for _, k := range includeTextParams {
		if v := strings.TrimSpace(strings.ReplaceAll(t.named[k], "\x00", "")); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "\x00")
}

// imageExt reports whether a path names an image by its extension.
func imageExt(p string) bool {
	p, _, _ = strings.Cut(p, "?")
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp":
		return true
	}
	return false
}

// liquidParam is one parameter of an include given as a string:
// key="value" or key='value' (a variable's value is unknown here).
var liquidParam = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// liquidParams are the string parameters of an include's tag, after its
// file's name.
func liquidParams(s string) map[string]string {
	m := map[string]string{}
	for _, g := range liquidParam.FindAllStringSubmatch(s, 32) {
		m[g[1]] = g[2] + g[3]
	}
	return m
}

// liquidArg is one argument of a tag: a word, or a quoted string.
var liquidArg = regexp.MustCompile(`"([^"]*)"|'([^']*)'|(\S+)`)

// shortcodeArgs are the arguments of a tag after its name, their quotes
// taken off, written as Liquid writes them (space apart: {% youtube id
// %}) or as Nunjucks does (comma apart: Eleventy's {% youtube "id",
// "Title" %}); nunjucks says a comma parted them. At most 32, as
// liquidArgs.
func shortcodeArgs(s string) (out []string, nunjucks bool) {
	for len(out) < 32 {
		s = strings.TrimLeft(s, " \t\r\n")
		if rest, comma := strings.CutPrefix(s, ","); comma {
			s, nunjucks = rest, true
			continue
		}
		if s == "" {
			break
		}
		var a string
		if q := s[0]; q == '"' || q == '\'' {
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				end = len(s) - 1 // unclosed: the rest
			}
			a, s = s[1:1+end], s[min(len(s), end+2):]
		} else {
			end := strings.IndexAny(s, " \t\r\n,")
			if end < 0 {
				end = len(s)
			}
			a, s = s[:end], s[end:]
		}
		out = append(out, a)
	}
	return out, nunjucks
}

// liquidArgs are the arguments of a tag after its name (Hexo's
// {% asset_img "a cat.png" "A cat" %}), their quotes taken off; at most
// 32.
func liquidArgs(s string) []string {
	var out []string
	for _, g := range liquidArg.FindAllStringSubmatch(s, 32) {
		out = append(out, g[1]+g[2]+g[3])
	}
	return out
}

// liquidLiteral is the value of the Liquid literal s: a quoted string,
// an integer, true, false, nil or null (Liquid 4's Expression.parse);
// ok is false for anything else (a variable, blank and empty, a float).
func liquidLiteral(s string) (liquidValue, bool) {
	switch {
	case len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] && !strings.ContainsRune(s[1:len(s)-1], rune(s[0])):
		return liquidValue{text: s[1 : len(s)-1]}, true
	case s == "false":
		return liquidValue{text: s, isFalse: true}, true
	case s == "true":
		return liquidValue{text: s}, true
	case s == "nil" || s == "null":
		return liquidValue{}, true
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil && s[0] != '+' {
		return liquidValue{text: strconv.FormatInt(i, 10)}, true // Liquid's -?\d+, to_i
	}
	return liquidValue{}, false
}

// output expands the Liquid output tag {{ … }} at p.
func (e *scExpander) output(p int) (int, bool) {
	in := e.in
	c := e.fOut.next(in, p+2)
	if c < 0 || c-p > maxShortcodeTag {
		e.warn(p, "Liquid kept as text", "{{ without its closing }}: kept as text")
		return 0, false
	}
	s := in[p+2 : c]
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if len(s) > 0 && s[len(s)-1] == '-' {
		s = s[:len(s)-1]
	}
	expr := strings.TrimSpace(string(s))
	parts := strings.Split(expr, "|")
	head := strings.TrimSpace(parts[0])
	plain := true
	for _, f := range parts[1:] {
		// Jekyll's relative_url and absolute_url, Eleventy's url: the
		// path on the site, as a capsule serves it.
		if f := strings.TrimSpace(f); f != "relative_url" && f != "absolute_url" && f != "url" {
			plain = false
		}
	}
	if e.turnOutput(p, expr, head, parts[1:]) {
		// A loop's item's value, or forloop's (liquidfor.go).
		e.newlines(p, c+2)
		return c + 2, true
	}
	if lv, ok := e.local(head); ok {
		// A variable the post's capture or assign bound
		// (liquidvars.go), its filters applied.
		e.localOutput(p, expr, lv)
		e.newlines(p, c+2)
		return c + 2, true
	}
	v, isVar := e.vars[strings.TrimPrefix(head, "site.")]
	if key, ok := strings.CutPrefix(head, "include."); ok && e.params != nil {
		// An include's parameter (includes.go), its filters applied
		// (includeUses checked they are plain).
		lv := e.params[key]
		plain = true
		for _, f := range parts[1:] {
			var ok bool
			if lv, ok = includeFilter(lv, f); !ok {
				plain = false
			}
		}
		v = lv.text
		if plain {
			v = e.markdownBlock(expr, v)
		}
		switch {
		case !plain:
			e.warn(p, "Liquid output dropped", "Liquid output {{ %s }} dropped", scShort(expr))
		case len(v) > e.varRoom:
			e.warn(p, "Liquid output dropped", "Liquid output {{ %s }} dropped: includes and the site's variables already add half the post's size to it", scShort(expr))
		default:
			e.out = append(e.out, v...)
			e.varRoom -= len(v)
		}
		e.newlines(p, c+2)
		return c + 2, true
	}
	if lv, ok := liquidLiteral(head); ok && !plain {
		// A literal's filters ({{ false | default: "x" }}), when all
		// are ones includeFilter applies.
		for _, f := range parts[1:] {
			if lv, ok = includeFilter(lv, f); !ok {
				break
			}
		}
		if ok && len(lv.text) <= e.varRoom {
			e.out = append(e.out, lv.text...)
			e.varRoom -= len(lv.text)
			e.newlines(p, c+2)
			return c + 2, true
		}
	}
	switch {
	case plain && (head == "site.baseurl" || head == "site.url"):
	case plain && strings.HasPrefix(head, "site.") && isVar && len(v) <= e.varRoom:
		// {{ site.repository }}: _config.yml's string, within the room
		// the post's variables have (varRoom).
		e.out = append(e.out, v...)
		e.varRoom -= len(v)
	case plain && strings.HasPrefix(head, "site.") && isVar:
		e.warn(p, "Liquid output dropped", "Liquid output {{ %s }} dropped: the site's variables already add half the post's size to it", scShort(expr))
	case plain && len(head) >= 2 && (head[0] == '"' || head[0] == '\'') && head[len(head)-1] == head[0]:
		e.out = append(e.out, head[1:len(head)-1]...)
	default:
		e.warn(p, "Liquid output dropped", "Liquid output {{ %s }} dropped", scShort(expr))
	}
	e.newlines(p, c+2)
	return c + 2, true
}

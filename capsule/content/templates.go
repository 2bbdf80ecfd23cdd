package content

import (
	"bytes"
	"maps"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// markdownLink is an inline link or image, "[label](dest)" or
// "![alt](dest)", whose label is its text.
var markdownLink = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

// expandTemplates replaces the Hugo shortcodes and Jekyll Liquid tags of
// every post (ExpandShortcodes), so that no template syntax reaches a
// reader. A reference to another post (Hugo's ref and relref, Jekyll's
// post_url and link) is found by its path (Index.Find) and becomes a
// link to that post's file from the top of the posts folder,
// "/posts/beta/index.md", which the site's link rewriting turns into the
// post's address on each protocol, or into no link (with a warning) when
// the post is not published. It returns the warnings, with their files
// and lines.
//
// Without liquid (a Hugo site), Liquid's syntax is text.
//
// The markup dropped before (dropMarkup) is what prev, the last load's
// cache, dropped of the same body, if it did; next keeps it for the next.
//
// inc, when not nil, is a Jekyll site's _includes (includes.go);
// collectionsDir its collections_dir, from which its refs name the
// collections' documents.
//
// site, for a Jekyll site, is what its posts' conditions ask of it
// (liquidif.go); nil for any other.
func expandTemplates(posts []*Post, liquid bool, vars map[string]string, blockAttributes bool, prev, next *loadCache, inc *includeFiles, assetOf func(*Post) func(string) bool, collectionsDir string, site *liquidSite) []*FileError {
	var ix *Index               // made for the first ref: most folders have none
	var terms map[string]string // the posts' tags by TermKey, made for the first ref to a tag's page
	term := func(target string) (label string, ok bool) {
		path, _, _ := strings.Cut(target, "#")
		_, t, ok := TermLink("/" + strings.TrimPrefix(path, "/"))
		if !ok {
			return "", false
		}
		if t == "" {
			return "", true // the list of tags
		}
		if terms == nil {
			terms = map[string]string{}
			for _, p := range posts {
				for _, tag := range p.Tags {
					if k := TermKey(tag); terms[k] == "" {
						terms[k] = tag
					}
				}
			}
		}
		tag, ok := terms[TermKey(t)]
		return "#" + tag, ok
	}
	refFrom := func(from *Post) func(string) (string, bool) {
		return func(target string) (string, bool) {
			if ix == nil {
				ix = NewIndex(posts)
			}
			target = strings.TrimSpace(target)
			p, ambiguous := ix.Find(from, target)
			if p == nil && len(ambiguous) == 0 && collectionsDir != "" && target != "" && !strings.HasPrefix(target, "/") {
				// Jekyll's link and post_url name a collection's
				// document from collections_dir (its relative_path:
				// _notes/a.md, _posts/2024-01-02-hello.md, and
				// post_url's 2024-01-02-hello in _posts).
				in := path.Join("/", collectionsDir, target)
				if !strings.HasPrefix(target, "_") {
					in = path.Join("/", collectionsDir, "_posts", target)
				}
				p, ambiguous = ix.Find(from, in)
			}
			p = ix.InLanguageOf(p, from, target)
			switch {
			case len(ambiguous) > 0:
				return target, true // as written: the link check says it is ambiguous
			case p == nil:
				// A tag's page (Hugo's /tags/hugo): as written, a
				// link the site's link rewriting leads to the
				// capsule's page of that tag.
				if _, ok := term(target); ok {
					return "/" + strings.TrimPrefix(target, "/"), true
				}
				// The home page, or a section's list ("posts",
				// "/posts/_index.md"), which Hugo's ref finds: its
				// address on the site, which the link rewriting leads
				// to the capsule's home or archive.
				if dest, ok := listPage(target, posts); ok {
					return dest, true
				}
				return "", false
			}
			return (&url.URL{Path: "/" + p.Path()}).EscapedPath(), true
		}
	}
	titleFrom := func(from *Post) func(string) string {
		return func(target string) string {
			if ix == nil {
				ix = NewIndex(posts)
			}
			target = strings.TrimSpace(target)
			if p, _ := ix.Find(from, target); p != nil {
				return ix.InLanguageOf(p, from, target).Title
			}
			label, _ := term(target)
			return label
		}
	}
	var warns []*FileError
	for _, p := range posts {
		if p.plain {
			continue // most posts: nothing to do
		}
		p.Body = prev.dropped(next, p.Body, liquid, blockAttributes)
		if p.noTemplates {
			// Its {{ }} and {% %} are its text, as its generator
			// leaves them.
			if p.BodyHash != 0 {
				p.BodyHash = hashBody(p.Body)
			}
			continue
		}
		var asset func(string) bool
		if assetOf != nil {
			asset = assetOf(p)
		}
		expandPost(p, refFrom(p), titleFrom(p), liquid, vars, inc, asset, site, &warns)
	}
	return warns
}

// dropMarkup drops from body what a reader does not read and the
// generator's Markdown leaves out of the page: Hugo's block attributes
// (with blockAttributes), kramdown's attribute lists and headings'
// attributes, and kramdown's abbreviations (with liquid, a Jekyll site).
// It depends on body alone, which it does not change: a reload takes
// the last load's result for a body unchanged (loadCache.dropped).
func dropMarkup(body []byte, liquid, blockAttributes bool) []byte {
	if blockAttributes && hasBlockAttributes(body) {
		body = dropBlockAttributes(body)
	}
	if liquid && bytes.Contains(body, []byte("{:")) {
		body = kramdownTOC(body)
	}
	if bytes.Contains(body, []byte("{:")) || bytes.Contains(body, []byte("{#")) || bytes.Contains(body, []byte("{.")) || bytes.Contains(body, []byte("){")) {
		body = dropAttributeLists(body)
	}
	if liquid && hasAbbreviations(body) {
		body = dropAbbreviations(body)
	}
	return body
}

// expandPost expands p's templates, resolving refs with ref, once its
// markup is dropped (dropMarkup). p's BodyHash becomes the hash of the
// Markdown expanded: what it renders to depends on where its refs lead,
// which other posts decide, and a reload compares posts by that hash
// (see capsule's renderCache).
func expandPost(p *Post, ref func(string) (string, bool), title func(string) string, liquid bool, vars map[string]string, inc *includeFiles, asset func(string) bool, site *liquidSite, warns *[]*FileError) {
	if p.BodyHash != 0 {
		defer func() { p.BodyHash = hashBody(p.Body) }()
	}
	if !bytes.Contains(p.Body, []byte("{{")) && !bytes.Contains(p.Body, []byte("{%")) {
		return // most posts: nothing to do
	}
	if !liquid {
		// Hugo's param shortcode: the page's own, then the site's.
		vars = maps.Clone(vars)
		if vars == nil {
			vars = make(map[string]string, 2)
		}
		vars["page.title"], vars["page.description"] = p.Title, p.Summary
	}
	postDir := ""
	if inc != nil {
		postDir = inc.postDir(p.File)
	}
	orig := p.Body
	body, ws, lines := expandShortcodes(p.Body, p.BodyLine, ref, title, liquid, vars, inc, postDir, asset, site, p)
	p.Body, p.Lines = body, lines
	// (Its templates alone: a home page made of Liquid. A home text
	// of nothing but Liquid, such as a loop listing the posts
	// (liquidfor.go), stays blank: capsule's home lists them.)
	p.Blank = blankBody(body) || p.Home && blankBody(liquidMarks.ReplaceAll(orig, nil))
	if strings.Contains(p.Summary, "{{") || strings.Contains(p.Summary, "{%") {
		// A summary cut at <!--more--> from the Markdown as written:
		// expanded too, and kept as text (a figure's caption, not its
		// Markdown).
		s, _, _ := expandShortcodes([]byte(p.Summary), p.BodyLine, ref, title, liquid, vars, nil, "", asset, site, p)
		p.Summary = strings.Join(strings.Fields(markdownLink.ReplaceAllString(string(s), "$1")), " ")
	}
	for _, w := range ws {
		*warns = append(*warns, &FileError{File: p.File, Line: w.Line, Msg: w.Msg, Kind: w.Kind, More: w.More})
	}
}

// hasTemplates reports whether body may hold what expandTemplates
// expands: Hugo shortcodes, Liquid tags, kramdown attribute lists or a
// heading's attributes.
func hasTemplates(body []byte) bool {
	return hasMarks(body, "{%:#.")
}

// hasAttributeLists is hasTemplates for a post whose templates are its
// text (Post.noTemplates): only its attribute lists are dropped.
func hasAttributeLists(body []byte) bool {
	return hasMarks(body, ":#.")
}

// hasMarks reports whether body holds "{" followed by one of marks, or
// "){".
func hasMarks(body []byte, marks string) bool {
	// One pass from brace to brace (every post is asked, at every cold
	// start): "{{", "{%", "{:", "{#", "{." or "){".
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '{')
		if j < 0 {
			return false
		}
		j += i
		if j+1 < len(body) && strings.IndexByte(marks, body[j+1]) >= 0 || j > 0 && body[j-1] == ')' {
			return true
		}
		i = j + 1
	}
}

// attributeList is a kramdown attribute list, "{: .class #id key=value}",
// at the end of a line or alone on one: Jekyll's styling, nothing a reader
// reads.
var attributeList = regexp.MustCompile(`[ \t]*\{:[^{}\n]*\}[ \t]*$`)

// headingAttributes are the attributes at the end of an ATX heading,
// "## Local URLs {#local-urls}", "# Title {.class}": the header ID of
// kramdown and of Hugo's goldmark (parser.attribute.title, on by
// default); both drop them from the heading's text.
var headingAttributes = regexp.MustCompile(`^ {0,3}#{1,6}[ \t].*?([ \t]+\{[#.][^{}\n]*\}[ \t]*)$`)

// nomarkdownMarker is the start or the end of kramdown's nomarkdown
// extension, "{::nomarkdown}" and "{:/nomarkdown}" or "{:/}".
var nomarkdownMarker = regexp.MustCompile(`\{::nomarkdown[^{}\n]*\}|\{:/(?:nomarkdown)?\}`)

// dropAttributeLists removes kramdown attribute lists, and the attributes
// of ATX headings, outside fenced code, keeping every line (so that line
// numbers stay right).
func dropAttributeLists(body []byte) []byte {
	lines := bytes.SplitAfter(body, []byte("\n"))
	var fence lineFence
	comment := false // in a kramdown comment
	lastEnd := -2    // the last line holding a comment's end, once a start is seen; -1 for none
	for i, line := range lines {
		if comment || fence == "" && bytes.Contains(line, kramdownCommentStart) {
			if lastEnd == -2 {
				lastEnd = -1
				for j := len(lines) - 1; j > i; j-- {
					if at, _ := kramdownCommentEnd(lines[j]); at >= 0 {
						lastEnd = j
						break
					}
				}
			}
			lines[i], comment = dropKramdownComment(line, comment, lastEnd > i)
			line = lines[i]
		}
		if fence.code(line) {
			continue
		}
		end := bytes.TrimRight(line, "\n")
		if bytes.Contains(end, []byte("{::nomarkdown")) {
			// kramdown's raw output within a line (DrMaemi's table
			// cells): its markers go, its HTML is the page's.
			kept := nomarkdownMarker.ReplaceAll(end, nil)
			lines[i] = append(kept, line[len(end):]...)
			end = kept
		}
		if m := headingAttributes.FindSubmatchIndex(end); m != nil {
			lines[i] = append(end[:m[2]:m[2]], line[len(end):]...)
			end = lines[i][:m[2]]
		}
		if loc := attributeList.FindIndex(end); loc != nil {
			lines[i] = append(end[:loc[0]:loc[0]], line[len(end):]...)
			end = lines[i][:loc[0]]
		}
		if bytes.Contains(end, []byte("){")) || bytes.Contains(end, []byte("]{:")) || bytes.Contains(end, []byte("`{")) {
			lines[i] = append(dropSpanAttributeLists(end), lines[i][len(end):]...)
		}
	}
	return bytes.Join(lines, nil)
}

// kramdown's comment, "{::comment}" to "{:/comment}" (or "{:/}"), on one
// line or over several: its text "does not show in the output" (kramdown's
// syntax), and is often what an author keeps from readers.
var (
	kramdownCommentStart = []byte("{::comment}")
	kramdownCommentEnds  = [][]byte{[]byte("{:/comment}"), []byte("{:/}")}
)

// dropKramdownComment blanks what line holds of kramdown comments, in
// one already (in) or opened on it, and says whether one is still open
// at its end. A comment never closed, on its line or in a line after
// (endsAfter: one of them holds an end), is not one, as kramdown then
// reads its tag as text: it is left, and its tag dropped as an attribute
// list. (Whether a line after holds an end is found once per post, by
// the caller: asked at each start, a post of starts alone took the
// square of its lines.)
func dropKramdownComment(line []byte, in, endsAfter bool) ([]byte, bool) {
	end := bytes.TrimRight(line, "\n")
	var out []byte
	for {
		if !in {
			at := bytes.Index(end, kramdownCommentStart)
			if at < 0 || !endsAfter && !kramdownCommentCloses(end[at:]) {
				out = append(out, end...)
				break
			}
			out = append(out, end[:at]...)
			end, in = end[at+len(kramdownCommentStart):], true
		}
		at, n := kramdownCommentEnd(end)
		if at < 0 {
			break // the comment goes on past this line
		}
		end, in = end[at+n:], false
	}
	if len(bytes.TrimSpace(out)) == 0 {
		out = out[:0]
	}
	return append(out, line[len(bytes.TrimRight(line, "\n")):]...), in
}

// kramdownCommentEnd is where the first end of a comment in b is, and
// its length; -1 for none.
func kramdownCommentEnd(b []byte) (int, int) {
	first, n := -1, 0
	for _, e := range kramdownCommentEnds {
		if at := bytes.Index(b, e); at >= 0 && (first < 0 || at < first) {
			first, n = at, len(e)
		}
	}
	return first, n
}

// kramdownCommentCloses reports whether the comment opened at the start
// of b ends on its line.
func kramdownCommentCloses(b []byte) bool {
	at, _ := kramdownCommentEnd(b[len(kramdownCommentStart):])
	return at >= 0
}

// spanAttributeList is a kramdown attribute list right after a link, an
// image or a code span, in the middle of a line: "![a](a.png){:
// .align-left} text", "`_config.yml`{: .filepath}"; or markdown-it-attrs'
// (Eleventy's) and Pandoc's, without the colon: "[ADFC](…){lang=de
// hreflang=de}", "[a](b){.button}".
var spanAttributeList = regexp.MustCompile("[)\\]`]\\{(?::|[.#][\\w-]|[A-Za-z][\\w-]*=)[^{}\\n]*\\}")

// dropSpanAttributeLists removes the attribute lists written right after
// a link or image in line, except inside code spans (an odd number of
// backticks before it: "`[a](b){: .btn}`" shows the syntax).
func dropSpanAttributeLists(line []byte) []byte {
	var out []byte
	last := 0
	for _, loc := range spanAttributeList.FindAllIndex(line, -1) {
		if bytes.Count(line[:loc[0]+1], []byte("`"))%2 == 1 ||
			line[loc[0]] == ')' && !bytes.Contains(line[last:loc[0]], []byte("](")) {
			continue // in code, or not after a link: "f(x){:y}" is prose
		}
		out = append(out, line[last:loc[0]+1]...) // keep the ) or ]
		last = loc[1]
	}
	return append(out, line[last:]...)
}

// listPage is the web address of the page target names when it is the
// home page ("/") or a section's list ("posts", "/posts/", "posts/_index.md"
// for a folder that holds posts): Hugo's ref finds those pages.
func listPage(target string, posts []*Post) (string, bool) {
	t, _, _ := strings.Cut(strings.TrimSpace(target), "#")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "_index.md"), "/")
	t = strings.TrimPrefix(t, "/")
	if t == "" {
		return "/", true
	}
	if strings.Contains(t, "/") || strings.Contains(t, ".") {
		return "", false
	}
	for _, p := range posts {
		if first, _, _ := strings.Cut(p.Dir, "/"); first == t {
			return "/" + t + "/", true
		}
	}
	return "", false
}

// abbreviationLine is a kramdown abbreviation's definition, "*[HTML]:
// HyperText Markup Language": kramdown gives the word its title on the
// page and shows no definition.
var abbreviationLine = regexp.MustCompile(`(?m)^ {0,3}\*\[[^\]\n]+\]:[^\n]*$`)

// hasAbbreviations reports whether body may define kramdown
// abbreviations.
func hasAbbreviations(body []byte) bool {
	return bytes.Contains(body, []byte("*[")) && abbreviationLine.Match(body)
}

// dropAbbreviations empties the lines of body that define kramdown
// abbreviations (see dropLinesOutsideFences).
func dropAbbreviations(body []byte) []byte { return dropLinesOutsideFences(body, abbreviationLine) }

// dropLinesOutsideFences empties the lines of body that line matches,
// outside fenced code, keeping every line (so that line numbers stay
// right).
func dropLinesOutsideFences(body []byte, line *regexp.Regexp) []byte {
	lines := bytes.SplitAfter(body, []byte("\n"))
	var fenceCh byte
	fenceN := 0
	for i, l := range lines {
		text := bytes.TrimRight(l, "\r\n")
		switch {
		case fenceCh != 0:
			if scClosesFence(text, fenceCh, fenceN) {
				fenceCh = 0
			}
		case line.Match(text):
			lines[i] = l[len(text):]
		default:
			if ch, n := scFenceOpen(bytes.TrimLeft(text, " ")); n > 0 {
				fenceCh, fenceN = ch, n
			}
		}
	}
	return bytes.Join(lines, nil)
}

// blockAttributeLine is a line of Hugo's block attributes, "{.note}",
// "{ .warn }", "{#list-id class=x}": with markup.goldmark.parser.attribute
// .block, the attributes of the block above it, nothing a reader reads.
var blockAttributeLine = regexp.MustCompile(`(?m)^ {0,3}\{[ \t]*(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+))(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+)))*[ \t]*\}[ \t]*$`)

// hasBlockAttributes reports whether body may hold a line of block
// attributes.
func hasBlockAttributes(body []byte) bool {
	return bytes.Contains(body, []byte("{")) && blockAttributeLine.Match(body)
}

// dropBlockAttributes empties body's lines of block attributes (see
// dropLinesOutsideFences).
func dropBlockAttributes(body []byte) []byte { return dropLinesOutsideFences(body, blockAttributeLine) }

// lineFence follows fenced code line by line as kramdown's passes over a
// post's lines read it (templates.go's cleanup, kramdowntoc.go): a line
// starting with ``` or ~~~, after spaces, opens a block, the next starting
// with the same three characters closes it. "" outside a block.
type lineFence string

// code reports whether line is a fence or inside fenced code, and moves
// f past it.
func (f *lineFence) code(line []byte) bool {
	trimmed := strings.TrimSpace(string(line))
	switch {
	case *f == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
		*f = lineFence(trimmed[:3])
		return true
	case *f != "":
		if strings.HasPrefix(trimmed, string(*f)) {
			*f = ""
		}
		return true
	}
	return false
}

// liquidMarks are Liquid's tags and outputs, for a home text's
// blankness without them (expandPost).
var liquidMarks = regexp.MustCompile(`(?s)\{%.*?%\}|\{\{.*?\}\}`)

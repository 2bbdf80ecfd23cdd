package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Directives of remark-directive, which Astro's and Docusaurus' blogs
// write for asides (Starlight's ":::tip[Custom title]", Docusaurus'
// ":::note Title", fuwari's and cactus'), and leaf directives
// ("::github{repo="saicaca/fuwari"}"): to CommonMark they are text, run
// together with the lines they hold. A container becomes its title (or
// its kind, "Note") as a paragraph of its own, then what it holds; its
// closing line nothing; a GitHub card a link to the repository; any other
// leaf directive is left out, counted in one warning. Fenced code is left
// as it is.
var (
	directiveOpen  = regexp.MustCompile(`^ {0,3}:{3,}[ \t]*([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:\{[^}\n]*\})?[ \t]*([^\n]*?)[ \t]*$`)
	directiveClose = regexp.MustCompile(`^ {0,3}:{3,}[ \t]*$`)
	directiveLeaf  = regexp.MustCompile(`^ {0,3}::([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:\{([^}\n]*)\})?[ \t]*$`)
	directiveRepo  = regexp.MustCompile(`repo\s*=\s*"([\w.-]+/[\w.-]+)"`)
)

// directiveBody rewrites the directives of body (see above); dropped is
// the line (from line, the body's first) of the first leaf directive left
// out, 0 for none, and n how many were.
func directiveBody(body []byte, line int) (out []byte, dropped, n int) {
	if !bytes.Contains(body, []byte("::")) {
		return body, 0, 0
	}
	lines := bytes.SplitAfter(body, []byte("\n"))
	var fenceCh byte
	fenceN := 0
	for i, l := range lines {
		text := bytes.TrimRight(l, "\r\n")
		if fenceCh != 0 {
			if scClosesFence(text, fenceCh, fenceN) {
				fenceCh = 0
			}
			continue
		}
		if ch, k := scFenceOpen(bytes.TrimLeft(text, " ")); k > 0 {
			fenceCh, fenceN = ch, k
			continue
		}
		if !bytes.HasPrefix(bytes.TrimLeft(text, " "), []byte("::")) {
			continue
		}
		end := l[len(text):]
		switch {
		case directiveClose.Match(text):
			lines[i] = append([]byte{}, end...)
		case directiveOpen.Match(text):
			g := directiveOpen.FindSubmatch(text)
			title := strings.TrimSpace(string(g[2]))
			if title == "" {
				title = strings.TrimSpace(string(g[3]))
			}
			if title == "" {
				kind := []rune(string(g[1]))
				kind[0] = unicode.ToUpper(kind[0])
				title = string(kind)
			}
			// On its own line, the lines keeping their numbers (for
			// warnings): a hard break after it when text follows, which
			// would otherwise run on from it.
			brk := ""
			if i+1 < len(lines) && len(bytes.TrimSpace(lines[i+1])) > 0 && !directiveClose.Match(bytes.TrimRight(lines[i+1], "\r\n")) {
				brk = "\\"
			}
			lines[i] = []byte("**" + scLabel(title) + "**" + brk + string(end))
		case directiveLeaf.Match(text):
			g := directiveLeaf.FindSubmatch(text)
			if repo := directiveRepo.FindSubmatch(g[3]); string(g[1]) == "github" && repo != nil {
				lines[i] = []byte(fmt.Sprintf("[%s](https://github.com/%s)%s", repo[1], repo[1], end))
				continue
			}
			if n++; dropped == 0 {
				dropped = line + i
			}
			lines[i] = append([]byte{}, end...)
		}
	}
	return bytes.Join(lines, nil), dropped, n
}

// directivePages rewrites the directives of posts (see directiveBody),
// with one warning for the leaf directives left out.
func directivePages(posts []*Post) []*FileError {
	var w Warnings
	for _, p := range posts {
		body, line, n := directiveBody(p.Body, p.BodyLine)
		if !bytes.Equal(body, p.Body) {
			p.Body = body
			p.plain = false // not the file's text any more (see zolaPages)
		}
		if n > 0 {
			w.Add("directive dropped", p.File, func() int { return line }, func() string {
				return fmt.Sprintf("%d leaf directive(s) (::name{…}) left out: only ::github{repo=\"…\"} is known", n)
			})
		}
	}
	return w.List()
}

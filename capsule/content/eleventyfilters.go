package content

import (
	"path"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// An Eleventy site's own filters of text, read when they are one plain
// transformation of the text they are given, so that a permalink
// written with them ("/blogs/{{ page.fileSlug | blogPage }}/",
// mamezou-tech-site's) is filled in as Eleventy fills it. capsule runs
// none of the site's code: a filter is read only when its function,
// written inline in the configuration or as the one export of a local
// module (require("./11ty/blog-page.cjs")), is of this form and nothing
// else:
//
//	(s) => { if (/^\d{4}_.*$/.test(s)) { return s.substring(5); } return s; }
//
// its one parameter s; an optional if of a regular expression's test of
// s, whose branch returns; a return of s through at most
// maxTextFilterOps of .substring(a[, b]), .slice(a[, b]) (integer
// literals), .toLowerCase(), and .replace(/re/, "text") of a regular
// expression without flags and a text with no "$". An arrow function's
// body may be that return's value alone. The regular expressions are
// read only in the part of JavaScript's syntax that Go's means the same
// in (jsRegexpToGo); the text is filtered only when it is of Unicode's
// first plane, as JavaScript counts its characters.

// eleventyTextFilter is such a filter: when If (a Go regular
// expression) matches the text, Then is applied to it, else Ops.
type eleventyTextFilter struct {
	If   string   `json:"i,omitempty"`
	Then []textOp `json:"t,omitempty"`
	Ops  []textOp `json:"o,omitempty"`
}

// textOp is one method: K is "substring", "slice", "lower" or "replace"
// (the first match of Re, a Go regular expression, replaced by To).
type textOp struct {
	K    string `json:"k"`
	A    int    `json:"a,omitempty"`
	B    int    `json:"b,omitempty"`
	HasB bool   `json:"h,omitempty"`
	Re   string `json:"r,omitempty"`
	To   string `json:"to,omitempty"`
}

// Bounds of a filter's reading: the methods of one return, the length
// of one regular expression's source, the bytes of function read.
//
// maxFilterProgram bounds what one regular expression costs to match: the
// instructions of its compiled program (Go's matching takes at most that
// many steps a byte of text). A filter's test or replacement is a few
// dozen (^\d{4}_.*$ is 11); 24 alternatives of \w{1,999}, within the
// 256 bytes of source, were 47,957, over 60 s to check 5,000 posts.
const (
	maxTextFilterOps = 8
	maxFilterRegexp  = 256
	maxFilterSource  = 4096
	maxFilterProgram = 512
)

var (
	jsQuantifier = regexp.MustCompile(`^\{\d{1,3}(,\d{0,3})?\}$`)
	// jsRequired is a name given a local module, at a line's start:
	// const blogPage = require("./11ty/blog-page.cjs"), import blogPage
	// from "./11ty/blog-page.js".
	jsRequired   = regexp.MustCompile(`(?m)^\s*(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*["'](\.{1,2}/[^"'\n]+)["']\s*\)|import\s+([A-Za-z_$][\w$]*)\s+from\s+["'](\.{1,2}/[^"'\n]+)["'])`)
	jsNameArg    = regexp.MustCompile(`^([A-Za-z_$][\w$]*)\s*\)`)
	jsFuncHead   = regexp.MustCompile(`^(?:async\s+)?function\s*[\w$]*\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{`)
	jsArrowHead  = regexp.MustCompile(`^(?:async\s+)?(?:\(\s*([A-Za-z_$][\w$]*)\s*\)|([A-Za-z_$][\w$]*))\s*=>\s*`)
	jsRegexpLit  = regexp.MustCompile(`^/((?:[^/\\\n\[]|\\[^\n]|\[(?:[^\]\\\n]|\\[^\n])*\])+)/([a-z]*)`)
	jsIfTest     = regexp.MustCompile(`^if\s*\(\s*`)
	jsTestCall   = regexp.MustCompile(`^\.test\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\)\s*`)
	jsReturn     = regexp.MustCompile(`^return\s+`)
	jsIdentStart = regexp.MustCompile(`^[A-Za-z_$][\w$]*`)
	jsCutMethod  = regexp.MustCompile(`^\.\s*(substring|slice)\(\s*(-?\d{1,4})\s*(?:,\s*(-?\d{1,4})\s*)?\)`)
	jsLowerCall  = regexp.MustCompile(`^\.\s*toLowerCase\(\s*\)`)
	jsReplaceRe  = regexp.MustCompile(`^\.\s*replace\(\s*`)
	jsReplaceTo  = regexp.MustCompile(`^\s*,\s*(?:"([^"\\\n$]*)"|'([^'\\\n$]*)')\s*\)`)
	jsRequire    = regexp.MustCompile(`^require\(\s*["'](\.{1,2}/[^"'\n]+)["']\s*\)`)
	jsModuleHead = regexp.MustCompile(`^(?:["']use strict["'];?\s*)?(?:module\.exports\s*=|export\s+default)\s*`)
)

// readTextFilter reads the filter whose definition starts at src (what
// follows addFilter("name",) in the configuration cfg, at cfgDir of the
// site's root dir (with slashes, "." for the root): ok is false unless
// it is of the form above.
func readTextFilter(dir, cfgDir string, cfg, src []byte) (*eleventyTextFilter, bool) {
	s := string(src[:min(len(src), maxFilterSource)])
	s = strings.TrimLeft(s, " \t\r\n")
	if m := jsRequire.FindStringSubmatch(s); m != nil {
		return readFilterModule(dir, cfgDir, m[1])
	}
	if m := jsNameArg.FindStringSubmatch(s); m != nil {
		// A name the configuration gives a local module, once.
		spec := ""
		for _, r := range jsRequired.FindAllSubmatch(cfg, -1) {
			if string(r[1])+string(r[3]) == m[1] {
				if spec != "" {
					return nil, false
				}
				spec = string(r[2]) + string(r[4])
			}
		}
		if spec == "" {
			return nil, false
		}
		return readFilterModule(dir, cfgDir, spec)
	}
	f, rest, ok := parseTextFilter(s)
	if !ok || !strings.HasPrefix(strings.TrimLeft(rest, " \t\r\n"), ")") {
		return nil, false
	}
	return f, true
}

// readFilterModule reads the local module at spec (relative to cfgDir)
// whose one export is the filter: nothing before it, nothing after it.
func readFilterModule(dir, cfgDir, spec string) (*eleventyTextFilter, bool) {
	rel := path.Join(cfgDir, spec)
	if strings.HasPrefix(rel, "../") || rel == ".." || path.IsAbs(rel) {
		return nil, false // outside the site
	}
	var b []byte
	for _, ext := range []string{"", ".js", ".cjs", ".mjs"} {
		var err error
		if b, err = readSmall(filepath.Join(dir, filepath.FromSlash(rel+ext))); err == nil {
			break
		}
	}
	if b == nil || len(b) > maxFilterSource {
		return nil, false
	}
	s := strings.TrimSpace(withoutLineComments(string(b)))
	m := jsModuleHead.FindString(s)
	if m == "" {
		return nil, false
	}
	f, rest, ok := parseTextFilter(s[len(m):])
	if rest = strings.TrimSpace(rest); !ok || rest != "" && rest != ";" {
		return nil, false
	}
	return f, true
}

// parseTextFilter reads a function of the form above at the start of s;
// rest is what follows it.
func parseTextFilter(s string) (f *eleventyTextFilter, rest string, ok bool) {
	skip := func() { s = strings.TrimLeft(s, " \t\r\n") }
	eat := func(re *regexp.Regexp) []string {
		skip()
		m := re.FindStringSubmatch(s)
		if m != nil {
			s = s[len(m[0]):]
		}
		return m
	}
	lit := func(t string) bool {
		skip()
		if strings.HasPrefix(s, t) {
			s = s[len(t):]
			return true
		}
		return false
	}
	param, block := "", false
	if m := eat(jsFuncHead); m != nil {
		param, block = m[1], true
	} else if m := eat(jsArrowHead); m != nil {
		param = m[1] + m[2]
		block = lit("{")
	} else {
		return nil, s, false
	}
	// value reads the parameter through its methods.
	value := func() ([]textOp, bool) {
		skip()
		if jsIdentStart.FindString(s) != param {
			return nil, false
		}
		s = s[len(param):]
		var ops []textOp
		for {
			skip()
			if m := jsCutMethod.FindStringSubmatch(s); m != nil {
				op := textOp{K: m[1]}
				op.A, _ = strconv.Atoi(m[2])
				if m[3] != "" {
					op.B, _ = strconv.Atoi(m[3])
					op.HasB = true
				}
				ops = append(ops, op)
				s = s[len(m[0]):]
			} else if m := jsLowerCall.FindString(s); m != "" {
				ops = append(ops, textOp{K: "lower"})
				s = s[len(m):]
			} else if m := jsReplaceRe.FindString(s); m != "" {
				s = s[len(m):]
				re := jsRegexpLit.FindStringSubmatch(s)
				if re == nil || re[2] != "" {
					return nil, false // a flag: g's empty matches are JavaScript's own
				}
				goRe, ok := jsRegexpToGo(re[1])
				if !ok {
					return nil, false
				}
				s = s[len(re[0]):]
				to := jsReplaceTo.FindStringSubmatch(s)
				if to == nil {
					return nil, false
				}
				s = s[len(to[0]):]
				ops = append(ops, textOp{K: "replace", Re: goRe, To: to[1] + to[2]})
			} else {
				return ops, true
			}
			if len(ops) > maxTextFilterOps {
				return nil, false
			}
		}
	}
	f = &eleventyTextFilter{}
	if !block {
		ops, ok := value()
		if !ok {
			return nil, s, false
		}
		f.Ops = ops
		return f, s, true
	}
	if eat(jsIfTest) != nil {
		re := jsRegexpLit.FindStringSubmatch(s)
		if re == nil || re[2] != "" {
			return nil, s, false
		}
		goRe, ok := jsRegexpToGo(re[1])
		if !ok {
			return nil, s, false
		}
		s = s[len(re[0]):]
		if m := eat(jsTestCall); m == nil || m[1] != param {
			return nil, s, false
		}
		braced := lit("{")
		if eat(jsReturn) == nil {
			return nil, s, false
		}
		if f.Then, ok = value(); !ok {
			return nil, s, false
		}
		lit(";")
		if braced && !lit("}") {
			return nil, s, false
		}
		f.If = goRe
	}
	if eat(jsReturn) == nil {
		return nil, s, false
	}
	if f.Ops, ok = value(); !ok {
		return nil, s, false
	}
	lit(";")
	if !lit("}") {
		return nil, s, false
	}
	return f, s, true
}

// jsRegexpToGo is the Go regular expression that matches what the
// JavaScript one of source src (no flags) matches in text of the first
// plane: ok is false for anything outside the part read (letters,
// digits and other plain characters, ^ and $, ., \d, \w, escaped
// punctuation, classes of those, groups, alternatives, quantifiers),
// where the two differ or capsule would have to think harder (\s,
// \b, back references, lookaround, named groups, Unicode escapes).
func jsRegexpToGo(src string) (string, bool) {
	if len(src) > maxFilterRegexp {
		return "", false
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\':
			if i+1 >= len(src) {
				return "", false
			}
			i++
			e := src[i]
			switch {
			case e == 'd' || e == 'w' || e == 'D' || e == 'W':
				b.WriteByte('\\')
				b.WriteByte(e) // ASCII in both
			case strings.IndexByte(`/.-_^$*+?()[]{}|\`, e) >= 0:
				b.WriteByte('\\') // Go's escape of any punctuation
				b.WriteByte(e)
			default:
				return "", false
			}
		case inClass:
			if c == ']' {
				inClass = false
			} else if c == '[' {
				return "", false // Go reads [:alpha:] there
			}
			b.WriteByte(c)
		case c == '[':
			inClass = true
			b.WriteByte(c)
			if i+1 < len(src) && src[i+1] == ']' {
				return "", false // JavaScript's empty class
			}
		case c == '.':
			// JavaScript's . matches no line terminator.
			b.WriteString(`[^\n\r\x{2028}\x{2029}]`)
		case c == '(':
			if strings.HasPrefix(src[i:], "(?:") {
				b.WriteString("(?:")
				i += 2
			} else if i+1 < len(src) && src[i+1] == '?' {
				return "", false // lookaround, a named group
			} else {
				b.WriteByte(c)
			}
		case c == '{':
			// A quantifier {n}, {n,}, {n,m}, as both read it; a
			// literal "{" JavaScript allows, Go does not.
			j := strings.IndexByte(src[i:], '}')
			if j < 0 || !jsQuantifier.MatchString(src[i:i+j+1]) {
				return "", false
			}
			b.WriteString(src[i : i+j+1])
			i += j
		case c < 0x20 || c == 0x7f:
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	if inClass {
		return "", false
	}
	if _, err := regexp.Compile(b.String()); err != nil {
		return "", false
	}
	// The bound on matching it: its program at most maxFilterProgram
	// instructions, each text then matched in steps of at most that
	// many a byte.
	if re, err := syntax.Parse(b.String(), syntax.Perl); err != nil {
		return "", false
	} else if prog, err := syntax.Compile(re.Simplify()); err != nil || len(prog.Inst) > maxFilterProgram {
		return "", false
	}
	return b.String(), true
}

// apply is what the filter returns for s; ok is false when capsule cannot
// say it exactly (text beyond the first plane, which JavaScript counts
// in halves).
func (f *eleventyTextFilter) apply(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	for _, r := range s {
		if r > 0xFFFF {
			return "", false
		}
	}
	ops := f.Ops
	if f.If != "" {
		re, err := filterRegexp(f.If)
		if err != nil {
			return "", false
		}
		if re.MatchString(s) {
			ops = f.Then
		}
	}
	for _, op := range ops {
		runes := []rune(s) // of the first plane: JavaScript's characters
		n := len(runes)
		switch op.K {
		case "substring", "slice":
			a, b := op.A, n
			if op.HasB {
				b = op.B
			}
			if op.K == "slice" {
				if a < 0 {
					a += n
				}
				if b < 0 {
					b += n
				}
			}
			a, b = max(0, min(a, n)), max(0, min(b, n))
			if op.K == "substring" && a > b {
				a, b = b, a
			}
			if b < a {
				b = a
			}
			s = string(runes[a:b])
		case "lower":
			// JavaScript's toLowerCase is Unicode's full mapping; Go's
			// is the simple one: they agree but for a few letters.
			if strings.ContainsAny(s, "İΣ") {
				return "", false // its special casings
			}
			s = strings.ToLower(s)
		case "replace":
			re, err := filterRegexp(op.Re)
			if err != nil {
				return "", false
			}
			if loc := re.FindStringIndex(s); loc != nil {
				s = s[:loc[0]] + op.To + s[loc[1]:]
			}
		default:
			return "", false
		}
	}
	return s, true
}

// filterRegexps are the filters' regular expressions compiled, by their
// source: a filter travels with each post (eleventyPost, as JSON), and
// apply runs once a permalink it is in, so a site's few would otherwise
// be compiled again for every post. At most maxFilterRegexps are kept
// (a site's filters have a few each, of at most maxTextFilterOps + 1);
// past it, one is compiled where it is used.
var filterRegexps struct {
	sync.Mutex
	m map[string]*regexp.Regexp
}

const maxFilterRegexps = 256

// filterRegexp is the compiled regular expression of source src, as
// filterRegexps keeps it.
func filterRegexp(src string) (*regexp.Regexp, error) {
	filterRegexps.Lock()
	defer filterRegexps.Unlock()
	if re, ok := filterRegexps.m[src]; ok {
		return re, nil
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	if filterRegexps.m == nil {
		filterRegexps.m = make(map[string]*regexp.Regexp)
	}
	if len(filterRegexps.m) < maxFilterRegexps {
		filterRegexps.m[src] = re
	}
	return re, nil
}

package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// frontMatterDelim opens and closes the TOML front matter, on lines of their own.
const frontMatterDelim = "+++"

// Bounds of the front matter of a post or of the site file. They are
// checked by one cheap pass over the text (scanFront) before the text is
// handed to the TOML decoder, whose cost grows faster than the text: a key
// a.a.a… 10,000 levels deep, 20 KB of text, made it allocate 3.8 GB.
const (
	// MaxFrontMatterSize is the largest front matter, in bytes. Real front
	// matter (a title, a date, a few tags, a summary) is under 2 KiB; 64 KiB
	// leaves room for a summary of several thousand Japanese characters
	// and bounds what the decoder is handed.
	MaxFrontMatterSize = 64 << 10
	// MaxFrontMatterKeys is the most keys one front matter may have,
	// counting every assignment (key = …, also inside { }) and every
	// [table] header. Hugo-style front matter with params and menus has
	// a few dozen; every unknown key is a warning logged at each reload,
	// so 1,000 also bounds the log a careless file can cause.
	MaxFrontMatterKeys = 1000
	// MaxFrontMatterDepth is the deepest nesting: each part of a dotted
	// key or [table.header], each array [ ] and each inline table { }
	// counts one level. Real front matter nests two or three levels
	// ([params.author], [[menu.main]]); the decoder's memory grows with
	// the square of the depth, which 16 keeps negligible.
	MaxFrontMatterDepth = 16
)

// NormalizeSource drops a UTF-8 byte-order mark and turns CRLF line ends into
// LF, so that editors on any system produce the same post.
func NormalizeSource(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// splitFrontMatter splits a normalized post into its front matter (without
// the delimiters) and its Markdown body. bodyLine is the 1-based line of the
// file on which the body starts. On failure it returns the line to blame.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, err *FileError) {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != frontMatterDelim {
		return nil, nil, 0, (&FileError{Line: 1, Msg: missingFrontMatter(first)}).say(wordsNoFrontMatter)
	}
	return splitDelimited(src, frontMatterDelim)
}

// missingFrontMatter says what a file whose first line opens no front
// matter lacks, in the syntax the file was trying: a first line starting
// "---" or reading as a YAML key ("title: Hello") was meant as YAML, and
// being told to start with "+++" would mislead its author.
func missingFrontMatter(first []byte) string {
	if bytes.HasPrefix(first, []byte(yamlDelim)) || yamlKeyLine.Match(first) {
		return `missing front matter: the file must start with a "---" line, then the YAML front matter, then a "---" line`
	}
	return `missing front matter: the file must start with a "+++" line (TOML) or a "---" line (YAML)`
}

// yamlKeyLine is a line reading as a YAML key: a name, ":" and a space
// or the end of the line.
var yamlKeyLine = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:(\s|$)`)

// frontLimits are the bounds decodeFront enforces; tests raise them.
type frontLimits struct{ size, keys, depth int }

var defaultFrontLimits = frontLimits{MaxFrontMatterSize, MaxFrontMatterKeys, MaxFrontMatterDepth}

// frontStart is the file line of the first line of front matter: line 1
// is the opening "+++".
const frontStart = 2

// decodeFront checks front against lim, then decodes it. lines maps every
// key of front to its file line (see KeyLines). On failure it returns one
// error, at the line to blame: after a syntax error the decoder cannot
// tell what follows. The types of the values are the caller's to check
// (see frontReader), so that every wrong one is reported, at its line and
// in the author's words. start is the file line of front's first line.
func decodeFront(front []byte, start int, lim frontLimits) (m map[string]any, lines map[string]int, ferr *FileError) {
	if len(front) > lim.size {
		return nil, nil, &FileError{Line: start + bytes.Count(front[:lim.size], []byte("\n")),
			Msg: fmt.Sprintf("front matter is %d bytes, over the %d-byte limit: move long text into the post itself", len(front), lim.size)}
	}
	s := scanFront(front, lim.keys, lim.depth)
	if s.errMsg != "" {
		return nil, nil, &FileError{Line: start + s.errLine - 1, Msg: "front matter: " + s.errMsg}
	}
	if simple, ok := decodeSimpleTOML(front); ok {
		m = simple
	} else if _, err := toml.Decode(string(front), &m); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			fileLine := func(n int) int { return start + n - 1 }
			line, msg, w := tomlProblem(front, s.lines, perr.Position.Line, perr.Message, fileLine)
			if w.Key == "" {
				w = words(wordsFrontMatter, "detail", msg)
			}
			return nil, nil, &FileError{Line: fileLine(line), Msg: "front matter: " + msg, Words: w}
		}
		return nil, nil, (&FileError{Line: 1, Msg: "front matter: " + DecodeMessage(err)}).say(wordsFrontMatter, "detail", DecodeMessage(err))
	}
	for k, l := range s.lines {
		s.lines[k] = start + l - 1
	}
	return m, s.lines, nil
}

// keyFileLine is the file line of key in lines (from decodeFront), or of
// the nearest enclosing table that has one, or line 1 (the "+++").
func keyFileLine(lines map[string]int, key ...string) int {
	for n := len(key); n > 0; n-- {
		if l, ok := lines[strings.Join(key[:n], ".")]; ok {
			return l
		}
	}
	return 1
}

// KeyLine returns the 1-based line of front on which key is assigned
// ("key =" or "\"key\" =" at the start of a line, in any table), or 0.
// BurntSushi/toml reports positions for syntax errors only, so semantic
// errors (a bad date, an unknown key) find their line this way. It reads
// front once per call and allocates nothing; to look up many keys, use
// KeyLines, which reads front once for all of them.
func KeyLine(front []byte, key string) int {
	for line, rest := 1, front; ; line++ {
		l, next, more := bytes.Cut(rest, []byte("\n"))
		if assigns(l, key) {
			return line
		}
		if !more {
			return 0
		}
		rest = next
	}
}

// assigns reports whether line starts with key =, the key maybe quoted.
func assigns(line []byte, key string) bool {
	line = bytes.TrimLeft(line, " \t")
	line, _ = bytes.CutPrefix(line, []byte(`"`))
	line, ok := bytes.CutPrefix(line, []byte(key))
	if !ok {
		return false
	}
	line, _ = bytes.CutPrefix(line, []byte(`"`))
	line = bytes.TrimLeft(line, " \t")
	return len(line) > 0 && line[0] == '='
}

// KeyLines reads TOML once and returns the 1-based line on which each key
// first appears: "title" for title = …, "params" and "params.author" for
// a [params] header followed by author = …, "a", "a.b" and "a.b.c" for
// a.b.c = …, "x.y" for x = { y = … }. The parts of a key are joined by
// "." without quotes, as strings.Join(toml.Key, ".") gives them. Keys
// nested deeper than MaxFrontMatterDepth, and those after the first
// MaxFrontMatterKeys, are not listed. The pass is linear in the size of
// front; text it cannot follow is skipped to the end of its line.
func KeyLines(front []byte) map[string]int {
	return scanFront(front, MaxFrontMatterKeys, MaxFrontMatterDepth).lines
}

// frontScanner is one pass over TOML front matter: it counts keys and
// nesting and notes the line of every key. It follows TOML's syntax
// (strings of the four kinds, comments, arrays and inline tables over
// several lines) only as far as needed for that, and is more lenient than
// TOML: judging the syntax is the decoder's job.
type frontScanner struct {
	src             []byte
	pos             int
	line            int // 1-based line of src[pos]
	maxKeys, maxDep int
	keys            int
	lines           map[string]int
	errLine         int
	errMsg          string
	lost            int // statements it could not follow, skipped
}

// scanFront reads front once. When a bound is passed, errMsg says which
// and errLine where, and the scan stops there.
func scanFront(front []byte, maxKeys, maxDepth int) *frontScanner {
	s := &frontScanner{src: front, line: 1, maxKeys: maxKeys, maxDep: maxDepth, lines: make(map[string]int)}
	var table []string
	for s.pos < len(s.src) && s.errMsg == "" {
		s.skipSpace()
		if s.pos >= len(s.src) {
			break
		}
		switch s.src[s.pos] {
		case '\n':
			s.next()
			continue
		case '#':
			s.skipComment()
			continue
		case '[':
			s.pos++
			double := s.eat('[')
			path, _, ok := s.key(nil, 0)
			s.skipSpace()
			if !ok || !s.eat(']') || (double && !s.eat(']')) {
				s.skipLine()
				continue
			}
			if !s.count() {
				break
			}
			s.record(path)
			table = path
		default:
			if !s.keyval(table, len(table)) {
				s.skipLine()
				continue
			}
		}
		s.skipSpace()
		if s.pos < len(s.src) && s.src[s.pos] == '#' {
			s.skipComment()
		}
		if s.pos < len(s.src) && s.src[s.pos] != '\n' {
			s.skipLine()
		}
	}
	return s
}

func (s *frontScanner) fail(format string, args ...any) {
	if s.errMsg == "" {
		s.errLine, s.errMsg = s.line, fmt.Sprintf(format, args...)
	}
}

// next moves past one byte, counting lines.
func (s *frontScanner) next() {
	if s.src[s.pos] == '\n' {
		s.line++
	}
	s.pos++
}

func (s *frontScanner) eat(c byte) bool {
	if s.pos < len(s.src) && s.src[s.pos] == c {
		s.next()
		return true
	}
	return false
}

func (s *frontScanner) skipSpace() {
	for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t' || s.crlf()) {
		s.pos++
	}
}

// crlf reports whether the scanner is at the CR of a CRLF, which TOML takes
// for a line end: NormalizeSource leaves one after a lone CR ("\r\r\n").
func (s *frontScanner) crlf() bool {
	return s.src[s.pos] == '\r' && s.pos+1 < len(s.src) && s.src[s.pos+1] == '\n'
}

// skipComment and skipLine stop at the end of the line, before the "\n".
func (s *frontScanner) skipComment() { s.skipRest() }

func (s *frontScanner) skipLine() {
	s.lost++
	s.skipRest()
}

func (s *frontScanner) skipRest() {
	if i := bytes.IndexByte(s.src[s.pos:], '\n'); i >= 0 {
		s.pos += i
	} else {
		s.pos = len(s.src)
	}
}

// skipBlank skips spaces, line ends and comments, as arrays allow.
func (s *frontScanner) skipBlank() {
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case ' ', '\t', '\n':
			s.next()
		case '#':
			s.skipComment()
		case '\r':
			if !s.crlf() {
				return
			}
			s.next()
		default:
			return
		}
	}
}

// count counts one key, failing past the bound.
func (s *frontScanner) count() bool {
	if s.keys++; s.keys > s.maxKeys {
		s.fail("more than %d keys", s.maxKeys)
		return false
	}
	return true
}

// record notes the current line for path and each of its prefixes that
// has none yet.
func (s *frontScanner) record(path []string) {
	var b strings.Builder
	for i, part := range path {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
		if _, seen := s.lines[b.String()]; !seen {
			s.lines[b.String()] = s.line
		}
	}
}

// keyval reads key = value, the key under prefix at depth.
func (s *frontScanner) keyval(prefix []string, depth int) bool {
	path, depth, ok := s.key(prefix, depth)
	if !ok {
		return false
	}
	s.skipSpace()
	if !s.eat('=') || !s.count() {
		return false
	}
	s.record(path)
	s.skipSpace()
	return s.value(path, depth)
}

// key reads a dotted key and returns it after prefix, with its depth.
func (s *frontScanner) key(prefix []string, depth int) ([]string, int, bool) {
	path := prefix[:len(prefix):len(prefix)]
	for {
		s.skipSpace()
		part, ok := s.simpleKey()
		if !ok {
			return nil, 0, false
		}
		if depth++; depth > s.maxDep {
			s.fail("nested deeper than %d levels (parts of a dotted key, tables, arrays)", s.maxDep)
			return nil, 0, false
		}
		path = append(path, part)
		s.skipSpace()
		if !s.eat('.') {
			return path, depth, true
		}
	}
}

// simpleKey reads a bare, "basic" or 'literal' key on one line.
func (s *frontScanner) simpleKey() (string, bool) {
	if s.pos >= len(s.src) {
		return "", false
	}
	start := s.pos
	switch q := s.src[s.pos]; q {
	case '"', '\'':
		s.pos++
		for s.pos < len(s.src) && s.src[s.pos] != q && s.src[s.pos] != '\n' {
			if q == '"' && s.src[s.pos] == '\\' && s.pos+1 < len(s.src) && s.src[s.pos+1] != '\n' {
				s.pos++
			}
			s.pos++
		}
		if !s.eat(q) {
			return "", false
		}
		raw := string(s.src[start:s.pos])
		if q == '"' {
			if k, err := strconv.Unquote(raw); err == nil {
				return k, true
			}
		}
		return raw[1 : len(raw)-1], true
	}
	for s.pos < len(s.src) && !endsBareKey[s.src[s.pos]] {
		s.pos++
	}
	return string(s.src[start:s.pos]), s.pos > start
}

// endsBareKey and endsScalar are the bytes that end a bare key and a
// value that is not a string, an array or an inline table.
var endsBareKey, endsScalar = byteSet(" \t\r\n=.[]{}#,\"'"), byteSet("\n,]}#")

func byteSet(s string) (set [256]bool) {
	for i := range len(s) {
		set[s[i]] = true
	}
	return set
}

// value reads one value of key path, itself at depth.
func (s *frontScanner) value(path []string, depth int) bool {
	if s.pos >= len(s.src) {
		return false
	}
	switch c := s.src[s.pos]; c {
	case '"', '\'':
		return s.str(c)
	case '[', '{':
		// An array is one more level; an inline table is not, its keys are.
		if c == '[' {
			if depth++; depth > s.maxDep {
				s.fail("nested deeper than %d levels (parts of a dotted key, tables, arrays)", s.maxDep)
				return false
			}
		}
		s.pos++
		for first := true; ; first = false {
			s.skipBlank()
			if s.eat(']') || s.eat('}') {
				return true
			}
			if !first && !s.eat(',') {
				return false
			}
			s.skipBlank()
			if s.eat(']') || s.eat('}') { // a trailing comma
				return true
			}
			var ok bool
			if c == '[' {
				ok = s.value(path, depth)
			} else {
				ok = s.keyval(path, depth)
			}
			if !ok {
				return false
			}
		}
	}
	// A number, a boolean, a date (which may hold a space): up to the end
	// of the value.
	start := s.pos
	for s.pos < len(s.src) && !endsScalar[s.src[s.pos]] {
		s.pos++
	}
	return s.pos > start
}

// str reads a string quoted by q: "basic", 'literal', or either tripled
// over several lines.
func (s *frontScanner) str(q byte) bool {
	triple := bytes.HasPrefix(s.src[s.pos:], []byte{q, q, q})
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\n' && !triple:
			return false
		case c == '\\' && q == '"':
			s.next()
			if s.pos < len(s.src) {
				s.next()
			}
			continue
		case c == q && !triple:
			s.pos++
			return true
		case c == q && bytes.HasPrefix(s.src[s.pos:], []byte{q, q, q}):
			s.pos += 3
			// """a"""" is a"; the spec allows two quotes before the
			// closing three, the decoder takes more, and no value may
			// follow a string on its line: take them all.
			for s.pos < len(s.src) && s.src[s.pos] == q {
				s.pos++
			}
			return true
		}
		s.next()
	}
	return false
}

// DecodeMessage shortens BurntSushi/toml's type errors.
func DecodeMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "toml: ")
}

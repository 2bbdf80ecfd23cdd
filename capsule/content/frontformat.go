package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	// goccy/go-yaml rather than go.yaml.in/yaml/v3: on the same broken
	// front matter it names the line (and column) where the problem is,
	// where yaml/v3 is often a line off or points at the end of the text.
	// An unclosed list, `tags: [a, b` on line 3 then `x: 1`, is
	// "[4:1] ',' or ']' must be specified" from goccy (the line where the
	// ']' was due) and "line 2: did not find expected ',' or ']'" from v3;
	// an unclosed `title: "…` on line 1 is "[1:8] could not find end
	// character of double-quoted text" from goccy and "line 3: found
	// unexpected end of stream" from v3. Its AST also gives every key's
	// token with its line, which the messages about values need.
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// frontFormat is the syntax of a file's front matter.
type frontFormat int

const (
	formatTOML frontFormat = iota // between "+++" lines (capsule's, Hugo's)
	formatYAML                    // between "---" lines (Jekyll's, Hugo's)
	formatJSON                    // one object { … } opening the file (Hugo's)
)

// yamlDelim opens and closes YAML front matter.
const yamlDelim = "---"

// splitFront splits a normalized file into its front matter and its body,
// telling the syntax by the first line: "+++" is TOML, "---" YAML, and a
// line starting with "{" JSON, whose front matter is the object itself.
// start is the file line of the first line of front.
func splitFront(src []byte) (front, body []byte, bodyLine, start int, format frontFormat, ferr *FileError) {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	first = bytes.TrimRight(first, " \t")
	switch {
	case string(first) == "---json":
		// Eleventy's: JSON between "---json" and "---" lines.
		front, body, bodyLine, ferr = splitDelimited(src, yamlDelim)
		return front, body, bodyLine, frontStart, formatJSON, ferr
	case string(first) == "---js" || string(first) == "---javascript":
		// Eleventy's JavaScript, never run: what it names literally
		// (jsFrontJSON).
		front, body, bodyLine, ferr = splitDelimited(src, yamlDelim)
		return jsFrontJSON(front), body, bodyLine, 1, formatJSON, ferr
	case string(first) == yamlDelim:
		front, body, bodyLine, ferr = splitDelimited(src, yamlDelim)
		return front, body, bodyLine, frontStart, formatYAML, ferr
	case bytes.HasPrefix(first, []byte("{")):
		front, body, bodyLine, ferr = splitJSON(src)
		return front, body, bodyLine, 1, formatJSON, ferr
	case runOn(first, yamlDelim):
		front, body, bodyLine, ferr = splitRunOn(src, yamlDelim)
		return front, body, bodyLine, 1, formatYAML, ferr
	case runOn(first, frontMatterDelim):
		front, body, bodyLine, ferr = splitRunOn(src, frontMatterDelim)
		return front, body, bodyLine, 1, formatTOML, ferr
	}
	front, body, bodyLine, ferr = splitFrontMatter(src)
	return front, body, bodyLine, frontStart, formatTOML, ferr
}

// splitHexoBare splits a file of a Hexo site whose front matter has no
// opening line, as Hexo's reader (hexo-front-matter) takes it, and as
// Hexo 2's scaffolds wrote every post: "title: Hello\ndate: 2014-06-14\n
// ---\ntext". Hexo takes what comes before the first line of three or
// more "-" or ";" as front matter: YAML before a "-" line, JSON's members
// (an object without its braces: `"title": "Hello",`) before a ";" line.
// ok is false unless the first line opens one (a YAML key, "title:
// Hello", or a JSON member, `"title": …`) and such a line comes within
// MaxFrontMatterSize bytes, the bound on front matter (beyond it, the
// file is all text, as before). Whether the lines read as YAML or JSON is
// the caller's to find (parsePostKeys). JSON's front is its object, the
// braces put around it, as Hexo parses it, on its first and last lines
// (the lines' numbers are the file's).
func splitHexoBare(src []byte) (front, body []byte, bodyLine int, format frontFormat, ok bool) {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	yamlFirst := yamlKeyLine.Match(first)
	jsonFirst := bytes.HasPrefix(bytes.TrimLeft(first, " \t"), []byte(`"`))
	if !yamlFirst && !jsonFirst {
		return nil, nil, 0, 0, false
	}
	line := 1
	for off := 0; off < len(src) && off <= MaxFrontMatterSize; line++ {
		l, next := lineFrom(src, off)
		switch {
		case hexoDelimLine(l, '-'):
			if !yamlFirst {
				return nil, nil, 0, 0, false // no YAML key first: Hexo's YAML reads no keys
			}
			return src[:off], src[next:], line + 1, formatYAML, true
		case hexoDelimLine(l, ';'):
			if !jsonFirst {
				return nil, nil, 0, 0, false // no member first: not JSON, Hexo's file is all text
			}
			return hexoJSONObject(src[:off]), src[next:], line + 1, formatJSON, true
		}
		off = next
	}
	return nil, nil, 0, 0, false
}

// lineFrom returns the line of src that starts at off, without its end
// and its trailing spaces and tabs, and where the next line starts.
func lineFrom(src []byte, off int) (line []byte, next int) {
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		return bytes.TrimRight(src[off:], " \t"), len(src)
	}
	return bytes.TrimRight(src[off:off+end], " \t"), off + end + 1
}

// hexoDelimLine says whether l, a line without its end, is three or more
// of c and nothing else: the line that ends Hexo's front matter ("---",
// or ";;;" after JSON).
func hexoDelimLine(l []byte, c byte) bool {
	return len(l) >= 3 && len(bytes.Trim(l, string(c))) == 0
}

// hexoJSONObject is JSON front matter as Hexo writes it, members without
// their braces, made the object Hexo parses ("{" + members + "}"), on
// the same lines.
func hexoJSONObject(members []byte) []byte {
	obj := make([]byte, 0, len(members)+2)
	obj = append(obj, '{')
	obj = append(obj, bytes.TrimRight(members, "\n")...)
	return append(obj, '}')
}

// splitHexoJSON splits a file of a Hexo site that opens with a line of
// three or more ";" (";;;"): JSON front matter, its members without their
// braces, up to a line of the same ";", then the text, as Hexo's reader
// takes it. ok is false when no such line closes it within
// MaxFrontMatterSize bytes (Hexo reads the file as all text).
func splitHexoJSON(src []byte) (front, body []byte, bodyLine int, ok bool) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	delim := bytes.TrimRight(first, " \t")
	if !found || !hexoDelimLine(delim, ';') {
		return nil, nil, 0, false
	}
	line := 2
	for off := 0; off < len(rest) && off <= MaxFrontMatterSize; line++ {
		l, next := lineFrom(rest, off)
		if bytes.Equal(l, delim) {
			return hexoJSONObject(rest[:off]), rest[next:], line + 1, true
		}
		off = next
	}
	return nil, nil, 0, false
}

// splitDelimited is splitFrontMatter for any delimiter line.
func splitDelimited(src []byte, delim string) (front, body []byte, bodyLine int, err *FileError) {
	_, rest, _ := bytes.Cut(src, []byte("\n"))
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(rest)
		}
		if string(bytes.TrimRight(rest[off:end], " \t")) == delim {
			return rest[:off], rest[min(next, len(rest)):], line + 1, nil
		}
		off = next
		line++
	}
	return nil, nil, 0, (&FileError{Line: 1, Msg: fmt.Sprintf("front matter is not closed: no %q line after this one", delim)}).say(wordsNotClosed, "delim", strconv.Quote(delim))
}

// runOn is whether first, a file's first line, is delim run straight
// into the first key ("---title: Hello"). Hugo's reader takes the three
// delimiter characters and whatever follows them as front matter, so it
// reads such files (some blog tools write them so); a space or a fourth
// "-" or "+" after the delimiter is not taken for this.
func runOn(first []byte, delim string) bool {
	return len(first) > len(delim) && bytes.HasPrefix(first, []byte(delim)) &&
		!strings.ContainsRune(" \t-+", rune(first[len(delim)]))
}

// splitRunOn is splitDelimited for a first line that runOn: the front
// matter starts on line 1, after the delimiter.
func splitRunOn(src []byte, delim string) (front, body []byte, bodyLine int, err *FileError) {
	front, body, bodyLine, err = splitDelimited(src, delim)
	if err != nil {
		return nil, nil, 0, err
	}
	// front is a slice of src that starts on line 2: widen it back to
	// just after the opening delimiter.
	firstLen := bytes.IndexByte(src, '\n') + 1
	return src[len(delim) : firstLen+len(front)], body, bodyLine, nil
}

// splitJSON takes the JSON object that opens src as front matter; the
// body starts on the line after the one the object ends on.
func splitJSON(src []byte) (front, body []byte, bodyLine int, ferr *FileError) {
	dec := json.NewDecoder(bytes.NewReader(src))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, nil, 0, jsonError(src, err, 1)
	}
	end := int(dec.InputOffset())
	front = src[:end]
	rest := src[end:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		if strings.TrimSpace(string(rest[:i])) != "" {
			return nil, nil, 0, &FileError{Line: 1 + bytes.Count(front, []byte("\n")), Msg: "front matter: text after the closing } of the JSON front matter, on its line"}
		}
		rest = rest[i+1:]
	} else {
		rest = nil
	}
	return front, rest, 2 + bytes.Count(front, []byte("\n")), nil
}

// jsonTooDeep returns the offset of the first "[" or "{" of src, outside
// strings, nested deeper than maxDepth, or -1. It reads src once and
// allocates nothing; what is not JSON is the decoder's to report.
func jsonTooDeep(src []byte, maxDepth int) int {
	depth, inString := 0, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inString && c == '\\':
			i++ // the escaped character cannot end the string
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			if depth++; depth > maxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return -1
}

// jsonError places an encoding/json error on its file line.
func jsonError(src []byte, err error, start int) *FileError {
	var serr *json.SyntaxError
	switch {
	case errors.As(err, &serr):
		off := min(int(serr.Offset), len(src))
		return &FileError{Line: start + bytes.Count(src[:off], []byte("\n")), Msg: "front matter: " + serr.Error()}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &FileError{Line: 1, Msg: "front matter is not closed: the JSON object that opens the file has no closing }"}
	}
	return &FileError{Line: start, Msg: "front matter: " + err.Error()}
}

// decodeFrontAs is decodeFront for every syntax. start is the file line
// of front's first line. repeated are warnings of keys YAML front matter
// sets twice (decodeYAML).
func decodeFrontAs(format frontFormat, front []byte, start int, lim frontLimits) (m map[string]any, lines map[string]int, repeated []*FileError, ferr *FileError) {
	if format == formatTOML {
		m, lines, ferr = decodeFront(front, start, lim)
		return m, lines, nil, ferr
	}
	if len(front) > lim.size {
		return nil, nil, nil, &FileError{Line: start + bytes.Count(front[:lim.size], []byte("\n")),
			Msg: fmt.Sprintf("front matter is %d bytes, over the %d-byte limit: move long text into the post itself", len(front), lim.size)}
	}
	if format == formatJSON {
		m, lines, ferr = decodeJSON(front, start, lim)
		return m, lines, nil, ferr
	}
	return decodeYAML(front, start, lim)
}

// decodeYAML parses YAML front matter into its AST, checks the bounds on
// it (keys, depth; no anchors or aliases, whose expansion a few bytes can
// make huge), notes every key's line, then decodes it. The nesting is
// bounded before the parser runs (scanYAML), its cost growing with the
// square of the depth. A key set twice in one mapping takes its last
// value, as Jekyll (Ruby's YAML) and Hugo take it, with a warning in
// repeated (the YAML library refuses it by default).
func decodeYAML(front []byte, start int, lim frontLimits) (map[string]any, map[string]int, []*FileError, *FileError) {
	if line, msg := scanYAML(front, lim.depth); msg != "" {
		return nil, nil, nil, &FileError{Line: start + line - 1, Msg: msg}
	}
	f, err := parser.ParseBytes(nullEmptyItems(front), 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return nil, nil, nil, yamlError(err, front, start)
	}
	m := make(map[string]any)
	lines := make(map[string]int)
	var body ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if body != nil {
				return nil, nil, nil, &FileError{Line: start + d.Body.GetToken().Position.Line - 1, Msg: "front matter: more than one YAML document"}
			}
			body = d.Body
		}
	}
	if body == nil {
		return m, lines, nil, nil
	}
	w := yamlWalker{lines: lines, start: start, lim: lim}
	if _, ok := body.(*ast.MappingNode); !ok {
		if _, ok := body.(*ast.MappingValueNode); !ok {
			return nil, nil, nil, &FileError{Line: start + tokenLine(body) - 1, Msg: "front matter: YAML front matter must be keys with values (key: value)"}
		}
	}
	if ferr := w.walk(body, nil, 0, false); ferr != nil {
		return nil, nil, nil, ferr
	}
	if err := yaml.NodeToValue(body, &m, yaml.AllowDuplicateMapKey()); err != nil {
		return nil, nil, nil, yamlError(err, front, start)
	}
	return m, lines, w.repeated, nil
}

// nullEmptyItems writes "~" (null) in each empty item of a block
// sequence ("-" alone on its line) that the next line does not continue
// (it is no more indented). goccy/go-yaml (v1.19.2) reads such an item,
// written at its key's indentation, as holding the keys after it:
// "series:\n-\ndraft: true" put draft under series, and the draft was
// published; aiandrox/blog's posts write "tags:\n- " so. null is what
// YAML means by the empty item. Lines of block scalars (| and >) are
// text, left as they are; the lines keep their numbers.
func nullEmptyItems(front []byte) []byte {
	if !hasEmptyItem(front) {
		return front // nearly all front matter: one look at each "-"
	}
	lines := bytes.SplitAfter(front, []byte("\n"))
	indentOf := func(l []byte) (int, []byte) {
		t := bytes.TrimRight(l, "\r\n")
		trimmed := bytes.TrimLeft(t, " ")
		return len(t) - len(trimmed), trimmed
	}
	changed := false
	block := -1 // in a block scalar: the lines indented more than this are its text
	for i, l := range lines {
		indent, trimmed := indentOf(l)
		if block >= 0 {
			if len(bytes.TrimSpace(trimmed)) == 0 || indent > block {
				continue
			}
			block = -1
		}
		if yamlBlockScalar.Match(trimmed) {
			block = indent
			continue
		}
		if !yamlEmptyItem.Match(trimmed) {
			continue
		}
		next := -1 // the next line's indentation that holds anything
		for _, n := range lines[i+1:] {
			if in, t := indentOf(n); len(bytes.TrimSpace(t)) > 0 && t[0] != '#' {
				next = in
				break
			}
		}
		if next > indent {
			continue // the item goes on below: "-\n  key: value"
		}
		rest := trimmed[1:]
		lines[i] = slices.Concat(l[:indent], []byte("- ~"), rest, l[len(bytes.TrimRight(l, "\r\n")):])
		changed = true
	}
	if !changed {
		return front
	}
	return bytes.Join(lines, nil)
}

// hasEmptyItem reports whether front may hold an empty item: a "-" with
// only spaces or tabs between it and the line's end or a comment.
func hasEmptyItem(front []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(front[i:], '-')
		if j < 0 {
			return false
		}
		i += j + 1
		k := i
		for k < len(front) && (front[k] == ' ' || front[k] == '\t') {
			k++
		}
		if k == len(front) || front[k] == '\n' || front[k] == '\r' || front[k] == '#' && k > i {
			return true
		}
	}
}

// yamlEmptyItem is a block sequence's item with nothing in it ("-", maybe
// with spaces, or spaces and a comment, after: "-#" is a scalar); yamlBlockScalar a line whose value is
// a block scalar ("key: |", "- >-").
var (
	yamlEmptyItem   = regexp.MustCompile(`^-(?:[ \t]*|[ \t]+#.*)$`)
	yamlBlockScalar = regexp.MustCompile(`(?:^|:[ \t]+|^-[ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?$`)
)

// isYAMLScalar reports whether n is a single value: no mapping, no
// list, no alias.
func isYAMLScalar(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.StringNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode, *ast.LiteralNode, *ast.InfinityNode, *ast.NanNode:
		return true
	case *ast.TagNode:
		return isYAMLScalar(n.Value)
	}
	return false
}

func tokenLine(n ast.Node) int {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 1
}

// yamlError places a goccy/go-yaml error on its file line, in the
// author's words where yamlProblem knows the mistake (front is the front
// matter, for the line's key), without the source excerpt the library
// adds.
func yamlError(err error, front []byte, start int) *FileError {
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		line := 1
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line
		}
		text := ""
		if lines := bytes.Split(front, []byte("\n")); line >= 1 && line <= len(lines) {
			text = string(lines[line-1])
		}
		msg, w := yamlProblem(yerr.GetMessage(), text)
		if w.Key == "" {
			w = words(wordsFrontMatter, "detail", msg)
		}
		return &FileError{Line: start + line - 1, Msg: "front matter: " + msg, Words: w}
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return (&FileError{Line: start, Msg: "front matter: " + msg}).say(wordsFrontMatter, "detail", msg)
}

type yamlWalker struct {
	scalarAnchors map[string]bool // the anchors of scalars, which aliases may name
	lines         map[string]int
	start         int
	lim           frontLimits
	keys          int
	// repeated warns of each key a mapping sets again.
	repeated []*FileError
}

// yamlKey is a mapping key's text.
func yamlKey(k ast.MapKeyNode) string {
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	return k.GetToken().Value
}

func (w *yamlWalker) fail(n ast.Node, format string, args ...any) *FileError {
	return &FileError{Line: w.start + tokenLine(n) - 1, Msg: "front matter: " + fmt.Sprintf(format, args...)}
}

// walk notes the lines of n's keys under path; again is set inside a key
// set again, whose value is the one read: its keys' lines are its own.
func (w *yamlWalker) walk(n ast.Node, path []string, depth int, again bool) *FileError {
	if depth > w.lim.depth {
		return w.fail(n, "nested deeper than %d levels", w.lim.depth)
	}
	switch n := n.(type) {
	case nil:
		return nil
	case *ast.AnchorNode:
		// An anchor of a scalar, and its aliases, stand for that one
		// value (TeXt's titles: {en: &EN About, en-GB: *EN}): none
		// can make the front matter grow. One of a mapping or a list
		// could, each alias a copy: refused, as its merge key.
		if !isYAMLScalar(n.Value) {
			return w.fail(n, "YAML anchors of mappings and lists (&name, *name, <<) are not supported: write the value out")
		}
		if w.scalarAnchors == nil {
			w.scalarAnchors = make(map[string]bool)
		}
		w.scalarAnchors[n.Name.String()] = true
		return w.walk(n.Value, path, depth, again)
	case *ast.AliasNode:
		if !w.scalarAnchors[n.Value.String()] {
			return w.fail(n, "YAML aliases of mappings and lists (&name, *name, <<) are not supported: write the value out")
		}
	case *ast.MergeKeyNode:
		return w.fail(n, "YAML merge keys (<<) are not supported: write the values out")
	case *ast.TagNode:
		return w.walk(n.Value, path, depth, again)
	case *ast.MappingNode:
		seen := make(map[string]int, len(n.Values))
		for _, v := range n.Values {
			key, line := yamlKey(v.Key), w.start+tokenLine(v.Key)-1
			first, repeated := seen[key]
			if repeated && len(w.repeated) < MaxWarningsPerKind {
				w.repeated = append(w.repeated, &FileError{Line: line, Kind: kindRepeatedKey,
					Msg: fmt.Sprintf("front matter: %q is set again (first on line %d): its last value is taken, as Hugo and Jekyll take it", clip(strings.Join(append(path[:len(path):len(path)], key), ".")), first)})
			}
			if !repeated {
				seen[key] = line
			}
			if ferr := w.walk(v, path, depth, again || repeated); ferr != nil {
				return ferr
			}
		}
	case *ast.MappingValueNode:
		if w.keys++; w.keys > w.lim.keys {
			return w.fail(n.Key, "more than %d keys", w.lim.keys)
		}
		key := yamlKey(n.Key)
		p := append(path[:len(path):len(path)], key)
		name := strings.Join(p, ".")
		if _, seen := w.lines[name]; !seen || again {
			w.lines[name] = w.start + tokenLine(n.Key) - 1
		}
		return w.walk(n.Value, p, depth+1, again)
	case *ast.SequenceNode:
		for _, v := range n.Values {
			if ferr := w.walk(v, path, depth+1, again); ferr != nil {
				return ferr
			}
		}
	}
	return nil
}

// decodeJSON decodes JSON front matter, noting the line of every key of
// its objects (as for TOML, "a.b" for b inside a). Its nesting is bounded
// before it is decoded (jsonTooDeep): encoding/json allows 10,000 levels,
// and 54 KB of them made 4 MB of maps before the bound below refused
// them.
func decodeJSON(front []byte, start int, lim frontLimits) (map[string]any, map[string]int, *FileError) {
	if off := jsonTooDeep(front, lim.depth); off >= 0 {
		return nil, nil, &FileError{Line: start + bytes.Count(front[:off], []byte("\n")), Msg: fmt.Sprintf("front matter: nested deeper than %d levels", lim.depth)}
	}
	var m map[string]any
	if err := json.Unmarshal(front, &m); err != nil {
		return nil, nil, jsonError(front, err, start)
	}
	lines := make(map[string]int)
	dec := json.NewDecoder(bytes.NewReader(front))
	// The stack of open containers: a key name for an object, "" for an
	// array; expectKey says the next string of an object is a key.
	type level struct {
		object    bool
		expectKey bool
		key       string
	}
	var stack []level
	keys := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		off := int(dec.InputOffset())
		line := start + bytes.Count(front[:min(off, len(front))], []byte("\n"))
		top := len(stack) - 1
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if len(stack) >= lim.depth {
					return nil, nil, &FileError{Line: line, Msg: fmt.Sprintf("front matter: nested deeper than %d levels", lim.depth)}
				}
				stack = append(stack, level{object: d == '{', expectKey: d == '{'})
			default:
				stack = stack[:top]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].expectKey = true
				}
			}
			continue
		}
		if top >= 0 && stack[top].object {
			if stack[top].expectKey {
				if keys++; keys > lim.keys {
					return nil, nil, &FileError{Line: line, Msg: fmt.Sprintf("front matter: more than %d keys", lim.keys)}
				}
				stack[top].key, _ = tok.(string)
				stack[top].expectKey = false
				var parts []string
				for _, l := range stack {
					if l.object {
						parts = append(parts, l.key)
					}
				}
				if name := strings.Join(parts, "."); lines[name] == 0 {
					lines[name] = line
				}
				continue
			}
			stack[top].expectKey = true
		}
	}
	return m, lines, nil
}

package content

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// frontReader reads the values of decoded front matter. A value of the
// wrong type is a problem at its key's line, said in the author's words
// with an example ("draft must be true or false, e.g. draft = true"), and
// reading goes on, so that every problem of a file is reported at once.
type frontReader struct {
	file  string
	m     map[string]any
	lines map[string]int // file lines, from decodeFront
	errs  []*FileError
	bad   map[string]bool // keys whose value had the wrong type
	// format is the front matter's, whose syntax the examples take
	// (eg).
	format frontFormat
}

func newFrontReader(file string, m map[string]any, lines map[string]int, format frontFormat) *frontReader {
	return &frontReader{file: file, m: m, lines: lines, bad: make(map[string]bool), format: format}
}

// eg is example, a "key = value" line as TOML writes it, in the syntax
// of the front matter read: the author copies it into the file the
// message names.
func (r *frontReader) eg(example string) string { return inSyntax(r.format, example) }

// inSyntax is example, a "key = value" line as TOML writes it ("[build]
// render = …" a key of a table), as the front matter format names writes
// it: "key: value" in YAML, "key": value in JSON.
func inSyntax(format frontFormat, example string) string {
	key, value, ok := strings.Cut(example, " = ")
	if !ok || format == formatTOML {
		return example
	}
	table := ""
	if t, k, ok := strings.Cut(key, "] "); ok && strings.HasPrefix(t, "[") {
		table, key = t[1:], k
	}
	if format == formatYAML {
		if table != "" {
			return table + ": {" + key + ": " + value + "}"
		}
		return key + ": " + value
	}
	if !json.Valid([]byte(value)) {
		value = strconv.Quote(value) // a date, in JSON a string
	}
	s := strconv.Quote(key) + ": " + value
	if table != "" {
		s = strconv.Quote(table) + ": {" + s + "}"
	}
	return s
}

// line is the file line of key, or 1 (the "+++") when it has none.
func (r *frontReader) line(key string) int { return keyFileLine(r.lines, key) }

func (r *frontReader) fail(line int, format string, args ...any) {
	r.errs = append(r.errs, &FileError{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// mustBe notes that key's value is not what, showing example.
func (r *frontReader) mustBe(key, what, example string) {
	r.bad[key] = true
	r.fail(r.line(key), "%s must be %s, e.g. %s", key, what, r.eg(example))
}

// str is the string at key: "" when key is missing or not a string.
func (r *frontReader) str(key, example string) string {
	v, ok := r.m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.mustBe(key, "a string", example)
	}
	return s
}

// boolean is the boolean at key: false when key is missing or not true or
// false. A string "true" is not taken for one: TOML's true is unquoted,
// and the message shows it.
func (r *frontReader) boolean(key, example string) bool {
	v, ok := r.m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		r.mustBe(key, "true or false", example)
		r.errs[len(r.errs)-1].say(wordsTrueOrFalse, "key", key, "example", r.eg(example))
	}
	return b
}

// date is the date at key, read by parseDate, and whether there is one.
func (r *frontReader) date(key, example string, loc *time.Location) (time.Time, bool) {
	v, ok := r.m[key]
	if !ok {
		return time.Time{}, false
	}
	switch v.(type) {
	case time.Time, string:
	default:
		r.mustBe(key, "a date", example)
		return time.Time{}, false
	}
	d, err := parseDate(v, loc)
	if err != nil {
		r.bad[key] = true
		prefix := "front matter: "
		if key != "date" {
			prefix += key + ": "
		}
		r.fail(r.line(key), "%s%v", prefix, err)
		if s, ok := v.(string); ok {
			r.errs[len(r.errs)-1].say(wordsNotADate, "key", key, "value", clip(s))
		}
		return time.Time{}, false
	}
	return d, true
}

// updateDate is the date at key, a key that dates an update alone
// (updated, lastmod), and whether there is one. Its value decides no
// publishing: one that is no date is a warning, and the post keeps its
// date as its last update, rather than being left out (t-toyo's blog wrote
// "lastmod: :git" in every post, which Hugo builds); Hugo's placeholders
// (":git", ":fileModTime", ":default", written where its [frontmatter]
// configuration takes them) are no date, without a word.
func (r *frontReader) updateDate(key string, loc *time.Location) (time.Time, bool, *FileError) {
	v, ok := r.m[key]
	if !ok {
		return time.Time{}, false, nil
	}
	if s, isStr := v.(string); isStr && strings.HasPrefix(strings.TrimSpace(s), ":") {
		return time.Time{}, false, nil
	}
	d, err := parseDate(v, loc)
	if err != nil {
		return time.Time{}, false, &FileError{File: r.file, Line: r.line(key), Kind: "update date ignored",
			Msg: fmt.Sprintf("front matter: %s: %v; ignored (the post's date stands for its last update)", key, err)}
	}
	return d, true, nil
}

// unknownKey is a key of front matter no one reads.
type unknownKey struct {
	name    string
	line    int
	closest string // the known key it likely misspells, if any
}

// unknown is every key of r.m that is not in known, in the order of its
// line, each with the closest known key.
func (r *frontReader) unknown(known []string) []unknownKey {
	var out []unknownKey
	for k := range r.m {
		if !slices.Contains(known, k) {
			out = append(out, unknownKey{name: k, line: r.line(k), closest: Closest(k, known)})
		}
	}
	slices.SortFunc(out, func(a, b unknownKey) int {
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.name, b.name))
	})
	return out
}

// misspelt is the message for a key that likely misspells a known one.
func misspelt(u unknownKey) string {
	return fmt.Sprintf("unknown key %s: did you mean %s?", KeyName(u.name), u.closest)
}

// withholdingKeys are the keys whose value may keep a post back from
// readers: a misspelling of one is an error, not a warning.
var withholdingKeys = map[string]bool{"draft": true, "published": true, "publishDate": true,
	"expiryDate": true, "build": true, "_build": true, "headless": true}

// isEmptyValue reports whether key's value v is empty as archetypes
// leave values: YAML's "key:" and JSON's null, and an empty string for a
// date. An empty title is kept: it is an untitled note.
func isEmptyValue(key string, v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == "" && key != "title"
	}
	return false
}

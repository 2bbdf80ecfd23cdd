package content

import (
	"bytes"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// decodeSimpleTOML decodes front matter made only of blank lines and lines
// "key = value", the key bare, the value a basic string without escapes,
// a one-line array of such strings, true, false or a local date
// (2006-01-02): most posts' front matter. It makes what toml.Decode makes
// of it (TestSimpleTOMLAsDecoded), without the reflection and the lexer
// that were most of a post's load. ok is false for anything else (another
// kind of value or key, a comment, a table, a key twice, a CR), which is
// left to toml.Decode, errors included.
func decodeSimpleTOML(front []byte) (m map[string]any, ok bool) {
	if !utf8.Valid(front) {
		return nil, false
	}
	for len(front) > 0 {
		var line []byte
		if i := bytes.IndexByte(front, '\n'); i >= 0 {
			line, front = front[:i], front[i+1:]
		} else {
			line, front = front, nil
		}
		line = trimTOMLSpace(line)
		if len(line) == 0 {
			continue
		}
		k := 0
		for k < len(line) && isBareKeyByte(line[k]) {
			k++
		}
		key := string(line[:k])
		rest := trimTOMLSpace(line[k:])
		if k == 0 || len(rest) == 0 || rest[0] != '=' {
			return nil, false
		}
		v, ok := simpleTOMLValue(trimTOMLSpace(rest[1:]))
		if !ok {
			return nil, false
		}
		if m == nil {
			m = make(map[string]any)
		}
		if _, dup := m[key]; dup {
			return nil, false
		}
		m[key] = v
	}
	return m, m != nil
}

// simpleTOMLValue is the value v holds whole, if of a kind
// decodeSimpleTOML takes.
func simpleTOMLValue(v []byte) (any, bool) {
	switch {
	case len(v) == 0:
		return nil, false
	case v[0] == '"':
		s, rest, ok := simpleTOMLString(v)
		return s, ok && len(rest) == 0
	case v[0] == '[':
		arr := make([]any, 0, 2)
		v = trimTOMLSpace(v[1:])
		for len(v) > 0 && v[0] != ']' {
			s, rest, ok := simpleTOMLString(v)
			if !ok {
				return nil, false
			}
			arr = append(arr, s)
			v = trimTOMLSpace(rest)
			if len(v) > 0 && v[0] == ',' {
				v = trimTOMLSpace(v[1:])
			} else if len(v) == 0 || v[0] != ']' {
				return nil, false
			}
		}
		if len(arr) == 0 || len(v) != 1 { // the "]" last
			return nil, false
		}
		return arr, true
	case string(v) == "true":
		return true, true
	case string(v) == "false":
		return false, true
	case len(v) == len("2006-01-02") && v[4] == '-' && v[7] == '-' && allDigits(v[:4]) && allDigits(v[5:7]) && allDigits(v[8:]):
		t, err := time.ParseInLocation("2006-01-02", string(v), tomlLocalDate())
		return t, err == nil
	}
	return nil, false
}

// simpleTOMLString reads the basic string v starts with: no escapes, no
// control characters but TAB. rest is what follows its closing quote.
func simpleTOMLString(v []byte) (s string, rest []byte, ok bool) {
	if len(v) == 0 || v[0] != '"' {
		return "", nil, false
	}
	for i := 1; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"':
			return string(v[1:i]), v[i+1:], true
		case c == '\\' || c == 0x7f || c < ' ' && c != '\t':
			return "", nil, false
		}
	}
	return "", nil, false
}

// tomlLocalDate is the location toml.Decode gives a local date, which the
// dates decodeSimpleTOML makes must have too: the package keeps it to
// itself, so it is taken from a date it decodes.
var tomlLocalDate = sync.OnceValue(func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2006-01-02", &m); err == nil {
		if t, ok := m["d"].(time.Time); ok {
			return t.Location()
		}
	}
	panic("toml: a local date did not decode to a time")
})

// trimTOMLSpace trims the spaces and TABs around b.
func trimTOMLSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

func isBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

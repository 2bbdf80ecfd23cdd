package content

import (
	"strings"
	"testing"
)

// A broken TOML front matter is said in the author's words, at the line
// to fix, not in the parser's ("expected '.' or '=', but got ':'
// instead"; "Key 'date' has already been defined."): the mistakes a new
// user made trying the README (YAML between "+++" lines, a list left
// open, a key set twice) and the others the parser reports most. Lines
// are the file's: "+++" is line 1.
func TestTOMLProblemsInTheAuthorsWords(t *testing.T) {
	for _, c := range []struct {
		front string
		line  int
		msg   string // a part of the message
	}{
		{"title: \"x\"\n", 2, `"title: …" is YAML (key: value), but "+++" opens TOML front matter: write title = "…", or open and close the front matter with "---" lines for YAML`},
		{"title = \"x\"\ntags = [\"a\", \"b\"\nlang = \"ja\"\n", 3, "the list ([…]) opened on this line is not closed: end it with ]"},
		{"title = \"x\"\ntags = [\"a\" \"b\"]\n", 3, "needs commas between its items"},
		{"title = \"x\"\ndate = 2020-01-01\ndate = 2020-01-02\n", 4, "date is set a second time (first on line 3): TOML takes a key once; remove one"},
		{"title = \"x\"\n[params]\nx = 1\n[params]\ny = 2\n", 5, "[params] is written a second time (first on line 3): put its keys under one [params]"},
		{"title = \"x\"\n[params]\nx = 1\nx = 2\n", 5, "params.x is set a second time (first on line 4)"},
		{"title = \"x\n", 2, `a string opened with " is not closed on its line`},
		{"title = x\n", 2, `the value "x" is not TOML: write text in quotes`},
		{"title = \"x\" y\n", 2, "something follows the value on this line"},
		{"[params\ntitle = \"x\"\n", 3, "a table name opened with [ is not closed on its line"},
		{"title = 'x'\ndate = 2020-13-01\n", 3, `"2020-13-01" is not a date: write 2017-05-03`},
		{"title = \"x\"\n= 3\n", 3, `a line starts with "=": write the key's name before it`},
		{"title = \"a \\q\"\n", 2, `\q in a "…" string is not an escape TOML knows: write \\q, or quote the text with '…'`},
	} {
		_, _, ferr := decodeFront([]byte(c.front), defaultFrontLimits)
		if ferr == nil || ferr.Line != c.line || !strings.Contains(ferr.Msg, c.msg) || strings.Contains(ferr.Msg, "expected") {
			t.Errorf("%q: %v; want line %d saying %q", c.front, ferr, c.line, c.msg)
		}
	}
}

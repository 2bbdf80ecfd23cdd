package content

import (
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
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
		// (A key of the same name at the top is another key.)
		{"x = 0\n[params]\nx = 1\nx = 2\n", 5, "params.x is set a second time (first on line 4)"},
		// A list closed further down lacks a comma, and a [ in a string
		// opens no list.
		{"title = \"x\"\ntags = [\n  \"a\"\n  \"b\"\n]\n", 5, "needs commas between its items"},
		{"title = \"a [draft\"\ntags = [\"a\" \"b\"]\n", 3, "needs commas between its items"},
		{"title = \"x\n", 2, `a string opened with " is not closed on its line`},
		{"title = x\n", 2, `the value "x" is not TOML: write text in quotes`},
		{"title = \"x\" y\n", 2, "something follows the value on this line"},
		{"[params\ntitle = \"x\"\n", 3, "a table name opened with [ is not closed on its line"},
		{"title = 'x'\ndate = 2020-13-01\n", 3, `"2020-13-01" is not a date: write 2017-05-03`},
		{"title = \"x\"\n= 3\n", 3, `a line starts with "=": write the key's name before it`},
		{"title = \"a \\q\"\n", 2, `\q in a "…" string is not an escape TOML knows: write \\q, or quote the text with '…'`},
		{"title = \"C:\\\nnext = 1\n", 2, `a \ ends the line in a "…" string: write \\, or quote the text with '…'`},
	} {
		_, _, ferr := decodeFront([]byte(c.front), frontStart, defaultFrontLimits)
		if ferr == nil || ferr.Line != c.line || !strings.Contains(ferr.Msg, c.msg) || strings.Contains(ferr.Msg, "expected") {
			t.Errorf("%q: %v; want line %d saying %q", c.front, ferr, c.line, c.msg)
		}
	}
}

// A Zola page may start with blank lines before its "+++": the lines a
// TOML problem names, its own and the first key's, are the file's.
func TestTOMLProblemLinesAfterBlankLines(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml":               "base_url = \"https://example.org\"\ntitle = \"t\"\n",
		"content/_index.md":         "+++\nsort_by = \"date\"\n+++\n",
		"content/2021-01-01-dup.md": "\n\n+++\ntitle = \"dup\"\ndate = 2021-01-01\ndate = 2021-01-02\n+++\nText.\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 || c.Problems[0].Line != 6 || !strings.Contains(c.Problems[0].Msg, "(first on line 5)") {
		t.Errorf("problems %v: want line 6, naming line 5", c.Problems)
	}
}

// FuzzTOMLProblems checks that whatever front matter an author writes,
// its problem is said without a panic, at a line of the front matter.
func FuzzTOMLProblems(f *testing.F) {
	for _, seed := range []string{
		"title: \"x\"\n", "tags = [\"a\", \"b\"\nlang = \"ja\"\n", "x = 0\n[params]\nx = 1\nx = 2\n",
		"title = \"a [draft\"\ntags = [\"a\" \"b\"]\n", "[params\n", "title = \"a \\q\"\n", "= 3\n",
		"a = [\n[\n'\"[\n", "[[a]]\n[a]\n", "a.b = 1\na.b = 2\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, front string) {
		_, _, ferr := decodeFront([]byte(front), frontStart, defaultFrontLimits)
		if ferr == nil {
			return
		}
		if last := frontStart + strings.Count(front, "\n"); ferr.Line < 1 || ferr.Line > last {
			t.Fatalf("%q: line %d, outside 1–%d: %s", front, ferr.Line, last, ferr.Msg)
		}
	})
}

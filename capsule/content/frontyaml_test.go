package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// lexerEvents are the tokens of goccy's lexer that yamlScan notes, and
// whether the lexer failed.
func lexerEvents(src string) ([]yamlEvent, token.Tokens, bool) {
	tokens := lexer.Tokenize(src)
	if tokens.InvalidToken() != nil {
		return nil, tokens, false
	}
	kinds := map[token.Type]byte{
		token.SequenceStartType: '[', token.SequenceEndType: ']', token.MappingStartType: '{', token.MappingEndType: '}',
		token.SequenceEntryType: '-', token.MappingKeyType: '?', token.MappingValueType: ':', token.MergeKeyType: '<',
		token.DocumentHeaderType: 'D',
	}
	var events []yamlEvent
	for _, tk := range tokens {
		if k, ok := kinds[tk.Type]; ok {
			events = append(events, yamlEvent{Kind: k, Line: tk.Position.Line, Col: tk.Position.Column})
		}
	}
	return events, tokens, true
}

// astDepth is the most containers around a node of n, keys included.
func astDepth(n ast.Node, d int) int {
	deepest := d
	walk := func(c ast.Node, dd int) {
		if c != nil {
			deepest = max(deepest, astDepth(c, dd))
		}
	}
	switch n := n.(type) {
	case *ast.MappingNode:
		for _, v := range n.Values {
			walk(v, d)
		}
	case *ast.MappingValueNode:
		walk(n.Key, d+1)
		walk(n.Value, d+1)
	case *ast.SequenceNode:
		for _, v := range n.Values {
			walk(v, d+1)
		}
	case *ast.TagNode:
		walk(n.Value, d)
	case *ast.AnchorNode:
		walk(n.Value, d)
	case *ast.MappingKeyNode:
		walk(n.Value, d)
	}
	return deepest
}

func scanEvents(src string) *yamlScan {
	s := newYAMLScan([]byte(src), 62)
	s.events = []yamlEvent{}
	s.run()
	return s
}

func dumpEvents(ev []yamlEvent) string {
	var b strings.Builder
	for _, e := range ev {
		fmt.Fprintf(&b, "%c%d:%d ", e.Kind, e.Line, e.Col)
	}
	return b.String()
}

// checkYAMLScan holds the scan of src to goccy's lexer and parser.
func checkYAMLScan(t *testing.T, src string) {
	t.Helper()
	want, tokens, ok := lexerEvents(src)
	s := scanEvents(src)
	if !ok || s.errMsg != "" {
		return
	}
	got := s.events
	if dumpEvents(got) != dumpEvents(want) {
		t.Fatalf("%q:\n scan  %s\n lexer %s", src, dumpEvents(got), dumpEvents(want))
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		return
	}
	deepest := 0
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			deepest = max(deepest, astDepth(d.Body, 0))
		}
	}
	// The scan may count one level less than the parser: a flow
	// collection used as a key ("[a]: b") counts from the ":" on.
	if deepest > s.deepest+1 {
		t.Fatalf("%q: the scan counts %d levels, the parser nests %d", src, s.deepest, deepest)
	}
	// It may count one more (an empty innermost [] or {}); with tags and
	// anchors, more: it takes the next collection for their node, which
	// the parser does not always. After a second "---" the parser may
	// leave the rest out (front matter is one document).
	if s.deepest > deepest+1 && !strings.ContainsAny(src, "!&") && !strings.Contains(dumpEvents(want), "D") {
		t.Fatalf("%q: the scan counts %d levels, the parser only nests %d", src, s.deepest, deepest)
	}
}

func TestYAMLScanSeeds(t *testing.T) {
	for _, src := range yamlSeeds {
		t.Run("", func(t *testing.T) { checkYAMLScan(t, src) })
	}
}

var yamlSeeds = []string{
	"title: x\ndate: 2017-05-03\ntags: [a, b]\n",
	"k: [- - - a]", "k: [- a, - b]", "k: {a: - b}", "- - - a", "[a]: b", "? [a]\n: b",
	"k:\n- a\nb: 1", "k: [{a: - - - b}]", "k: !!seq [[a]]",
	"title: 'it''s [x'\ntags: [\"a\\\"[\", b]\n",
	"a: |\n  [[[\n  more\nb: [c]\n",
	"a: >-\n  x\n\nb: 1\n",
	"a: |\n\nb: [[[c]]]\n",
	"a: |2\n    x\n  y\nb: [1]\n",
	"k: a\n  - 'x\nb: [[[\n",
	"k: a # [[[\nb: c#[\n",
	"k: \"a\\tb\"[x]\n",
	"k: \"a\tb\"'[[['\n",
	"&a k: *a\n<<: *a\n",
	"%YAML 1.2\n---\nk: [v]\n",
	"- a: b\n  c: [d]\n- e\n",
	"k:\n  - a:\n      b: {c: [1, 2]}\n",
	"\"q\": [1]\n'r': {a: 1}\n",
	"k: !tag [a]\nl: !t,x [b]\n",
	"k: [a: b, c]\n",
	"a:\n  b:\n    c: 1\n[x]\n",
	"k: \"\\x41[\"\nl: \"\\u0041\"\n",
	"k: 'a\n  b'\nl: [1]\n",
	"k: a\n\n  b\nl: [1]\n",
	"k: |+\n\nl: [1]\n",
	"--- a\n--- [b]\n",
	"... \nk: v\n",
}

// FuzzYAMLScan holds the scan to goccy's lexer (the same tokens the
// parser nests by, wherever the lexer takes the text without error) and
// parser (the same depth, within a level), and to a pass linear in the
// text.
func FuzzYAMLScan(f *testing.F) {
	for _, s := range yamlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4000 {
			return
		}
		s := newYAMLScan([]byte(src), MaxFrontMatterDepth)
		s.run()
		if limit := (8 + 2*maxYAMLQuotedTabs) * (len(src) + 1); s.work > limit {
			t.Fatalf("%q: the scan looked at %d bytes, over %d", src, s.work, limit)
		}
		checkYAMLScan(t, src)
	})
}

// A key YAML front matter sets twice takes its last value, as Jekyll
// (Ruby's YAML) and Hugo (0.111, checked with hugo list all) take it, with
// a warning at the second, saying where the first is. A real Jekyll post
// (stared/jekyll-blog-pre-2022) repeats layout and date: capsule refused
// it ("mapping key "layout" already defined at [1:1]") and left it out.
func TestRepeatedYAMLKeyTakesTheLast(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml": "title: t\n",
		"_posts/2017-09-30-dup.markdown": "---\nlayout: post\ntitle: \"First\"\ndate: '2017-09-30 09:42 +0100'\n" +
			"layout: \"post\"\ntitle: Second\ndate: \"2017-10-01 08:00 +0100\"\nparams:\n  a: 1\n  a: 2\ndraft: true\ndraft: false\n---\n\nText.\n",
		// The value read is the last one, and it is blamed at its line.
		"_posts/2017-09-29-bad.markdown": "---\ntitle: Bad\ndate: 2017-09-29\ndate: nonsense\n---\n\nText.\n",
		// A key under a key set again is blamed where the value read is;
		// a third time names the first.
		"_posts/2017-09-28-nested.markdown": "---\ntitle: Nested\ndate: 2017-09-28\nbuild:\n  list: never\nbuild:\n  list: nevr\n---\n\nText.\n",
		"_posts/2017-09-27-thrice.markdown": "---\ntitle: One\ntitle: Two\ntitle: Three\ndate: 2017-09-27\n---\n\nText.\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 2 {
		t.Fatalf("posts %v, problems %v", c.Posts, c.Problems)
	}
	p := c.Posts[0]
	if p.Title == "Three" {
		p = c.Posts[1]
	}
	if p.Title != "Second" || p.Draft || p.Date.UTC().Format("2006-01-02 15:04") != "2017-10-01 07:00" {
		t.Errorf("title %q, draft %v, date %v: want the last values", p.Title, p.Draft, p.Date)
	}
	lineOf := map[string]int{}
	for _, e := range c.Problems {
		lineOf[e.File[strings.LastIndexByte(e.File, '/')+1:]] = e.Line
	}
	if len(c.Problems) != 2 || lineOf["2017-09-29-bad.markdown"] != 4 || lineOf["2017-09-28-nested.markdown"] != 7 {
		t.Errorf("problems %v, want the bad post's last date, at line 4, and the nested one's last build.list, at line 7", c.Problems)
	}
	var thrice []string
	for _, w := range c.Warnings {
		if w.Kind == kindRepeatedKey && strings.HasSuffix(w.File, "thrice.markdown") {
			thrice = append(thrice, fmt.Sprintf("%d: %s", w.Line, w.Msg))
		}
	}
	if len(thrice) != 2 || !strings.Contains(thrice[1], "4: ") || !strings.Contains(thrice[1], "(first on line 2)") {
		t.Errorf("a key set three times: %q", thrice)
	}
	var got []string
	for _, w := range c.Warnings {
		if w.Kind == kindRepeatedKey && strings.HasSuffix(w.File, "dup.markdown") {
			got = append(got, fmt.Sprintf("%d: %s", w.Line, w.Msg))
		}
	}
	want := []string{
		`5: front matter: "layout" is set again (first on line 2): its last value is taken, as Hugo and Jekyll take it`,
		`6: front matter: "title" is set again (first on line 3): its last value is taken, as Hugo and Jekyll take it`,
		`7: front matter: "date" is set again (first on line 4): its last value is taken, as Hugo and Jekyll take it`,
		`10: front matter: "params.a" is set again (first on line 9): its last value is taken, as Hugo and Jekyll take it`,
		`12: front matter: "draft" is set again (first on line 11): its last value is taken, as Hugo and Jekyll take it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An empty list item is null, whatever follows it, and never takes the
// keys after it (goccy/go-yaml nested them in it when the item sat at its
// key's indentation); a block scalar's "-" lines are its text, and every
// key keeps its line.
func TestEmptyListItems(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"tags:\n-\ndraft: true\n", `map[draft:true tags:[<nil>]]`},
		{"tags:\n- \nseries:\n-\ntitle: x\n", `map[series:[<nil>] tags:[<nil>] title:x]`},
		{"tags:\n- # none yet\n- b\nx: 1\n", `map[tags:[<nil> b] x:1]`},
		{"tags:\n  -\ndraft: true\n", `map[draft:true tags:[<nil>]]`},
		{"items:\n-\n  name: a\n", `map[items:[map[name:a]]]`},
		{"text: |\n  -\n  b\nx: 1\n", "map[text:-\nb\n x:1]"},
		{"list:\n- >-\n  -\n  z\n-\ny: 2\n", "map[list:[- z <nil>] y:2]"},
	} {
		m, lines, _, ferr := decodeYAML([]byte(c.in), 2, defaultFrontLimits)
		if ferr != nil {
			t.Errorf("%q: %v", c.in, ferr)
			continue
		}
		if got := fmt.Sprint(m); got != c.want {
			t.Errorf("%q: %s, want %s", c.in, got, c.want)
		}
		last := strings.Count(strings.TrimSuffix(c.in, "\n"), "\n")
		for k, line := range lines {
			name := k[strings.LastIndexByte(k, '.')+1:] // items.name
			if !strings.HasPrefix(strings.TrimLeft(strings.Split(c.in, "\n")[line-2], " "), name+":") {
				t.Errorf("%q: key %s at line %d (of %d)", c.in, k, line, last+2)
			}
		}
	}
}

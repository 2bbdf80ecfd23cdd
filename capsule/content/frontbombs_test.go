package content

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
	"capsule/capsule/postgen"
)

// TestYAMLBombsRefusedBeforeParsing loads the YAML bombs of the issue:
// each is refused at its line, in the author's words, having cost what
// reading the file costs. Before the scan, "k: " and 60,000 "[" took
// goccy/go-yaml 25 s and 5.5 GB; 60,000 "<" or 30,000 tabs in a quoted
// string took 1 to 2 s.
func TestYAMLBombsRefusedBeforeParsing(t *testing.T) {
	want := map[string]string{
		"yaml flow":     "a.md:4: front matter: nested deeper than 16 levels",
		"yaml mappings": "a.md:4: front matter: nested deeper than 16 levels",
		"yaml closed":   "a.md:4: front matter: nested deeper than 16 levels",
		"yaml entries":  "a.md:5: front matter: nested deeper than 16 levels",
		"yaml empty":    "a.md:21: front matter: nested deeper than 16 levels",
		"yaml tags":     "a.md:21: front matter: nested deeper than 16 levels",
		"yaml mixed":    "a.md:4: front matter: nested deeper than 16 levels",
		"yaml angles":   `a.md:4: front matter: 60,000 "<" in a row, more than the 1,000 the YAML reader takes`,
		"yaml tabs":     "a.md:4: front matter: more than 100 tabs on one line of a double-quoted string",
	}
	for name, bomb := range postgen.PostBombs() {
		if !strings.HasPrefix(name, "yaml") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			src := bomb(postgen.PostBombSize[name])
			dir := testfs.Write(t, map[string]string{"a.md": string(src)})
			var got []string
			n := allocated(func() { got = loadErrorsIn(t, dir) })
			if len(got) != 1 || !strings.HasPrefix(got[0], want[name]) {
				t.Errorf("errors %q, want %q…", got, want[name])
			}
			if limit := uint64(8*len(src) + 256<<10); n > limit {
				t.Errorf("loading %d bytes allocated %d, over %d", len(src), n, limit)
			}
			t.Logf("%d bytes: %d allocated", len(src), n)
		})
	}
}

// TestYAMLScanAcceptsRealFrontMatter is front matter as Hugo and Jekyll
// sites write it: none is refused by the scan, and its depth is the
// parser's.
func TestYAMLScanAcceptsRealFrontMatter(t *testing.T) {
	for i, front := range []string{
		"title: \"Hello [draft]\"\ndate: 2017-05-03T10:00:00+09:00\ntags: [日記, WiMAX]\ncategories:\n  - life\n  - \"[misc]\"\n",
		"title: 'It''s {not} a map'\ndescription: >-\n  A summary over\n  two lines with [brackets] and {braces\n\nsummary: |\n  [[[[[[[[[[[[[[[[[[[[\n  text\ndraft: false\n",
		"params:\n  author:\n    name: A # [comment\n    links: [{url: \"https://x\", title: '#1'}]\nmenu:\n  main:\n    - name: Home\n      weight: 1\n",
		"layout: post\ntitle:  Jekyll's post: a colon\nredirect_from:\n- /old/\n- /older/\nexcerpt_separator: <!--more-->\n",
		"cover:\n  image: \"a.png\"\n  alt: \"[x\"\n  relative: true\nresources:\n- src: \"*.jpg\"\n  params: {credits: \"[me]\"}\n",
		"title: a\t# tab before a comment\nlist: [a, [b, [c, [d]]]]\nmap: {a: {b: {c: {d: 1}}}}\n",
	} {
		if line, msg := scanYAML([]byte(front), MaxFrontMatterDepth); msg != "" {
			t.Errorf("front matter %d refused at line %d: %s", i, line, msg)
		}
		checkYAMLScan(t, front)
	}
}

// TestYAMLDepthLimitExact: 16 levels are read, 17 are not, whether the
// scan or the walker says so.
func TestYAMLDepthLimitExact(t *testing.T) {
	for name, deep := range map[string]func(n int) string{
		"flow":    func(n int) string { return "k: " + strings.Repeat("[", n-1) + "1" + strings.Repeat("]", n-1) },
		"entries": func(n int) string { return "k:\n" + strings.Repeat("- ", n-1) + "a" },
		"keys": func(n int) string {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat("  ", i), i)
			}
			return b.String()
		},
	} {
		for _, n := range []int{MaxFrontMatterDepth, MaxFrontMatterDepth + 1, MaxFrontMatterDepth + 2, 100} {
			src := "---\ntitle: x\ndate: 2017-05-03\n" + deep(n) + "\n---\nbody\n"
			_, errs, _ := parsePost("a.md", []byte(src), "a", time.UTC, "en", defaultFrontLimits)
			refused := len(errs) == 1 && strings.Contains(errs[0].Msg, "nested deeper than 16 levels")
			if refused != (n > MaxFrontMatterDepth) {
				t.Errorf("%s, %d levels: errors %v", name, n, errs)
			}
		}
	}
}

// loadErrorsIn is loadErrors for a folder already written.
func loadErrorsIn(t *testing.T, dir string) []string {
	t.Helper()
	_, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err == nil {
		return nil
	}
	var got []string
	for _, line := range strings.Split(err.Error(), "\n") {
		got = append(got, strings.TrimPrefix(line, dir+"/"))
	}
	return got
}

func TestYAMLScanAllocatesNothing(t *testing.T) {
	front := []byte(strings.Repeat("title: \"x [y]\"\ntags: [a, 'b', {c: d}]\nsummary: |\n  text\n# comment\n", 100))
	if n := testing.AllocsPerRun(10, func() { scanYAML(front, MaxFrontMatterDepth) }); n != 0 {
		t.Errorf("scanYAML allocates %v times a call", n)
	}
}

// TestTableBombsRefusedBeforeParsing loads the table bombs of the issue:
// each is refused at the table's line, having cost what reading the file
// costs. Before, the wide table (16 KB) made goldmark allocate 884 MB, and
// the escaped pipes took it seconds.
func TestTableBombsRefusedBeforeParsing(t *testing.T) {
	want := map[string]string{
		"wide table":    "a.md:5: table of 1,000 columns × 5,001 rows is 5,001,000 cells, over the 100,000 a post may have",
		"escaped pipes": `a.md:5: the tables up to this one escape 25,000 pipes inside code (\|), over the 1,000 a post may have`,
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			src := postgen.PostBombs()[name](postgen.PostBombSize[name])
			dir := testfs.Write(t, map[string]string{"a.md": string(src)})
			var got []string
			n := allocated(func() { got = loadErrorsIn(t, dir) })
			if len(got) != 1 || !strings.HasPrefix(got[0], w) {
				t.Errorf("errors %q, want %q…", got, w)
			}
			if limit := uint64(8*len(src) + 256<<10); n > limit {
				t.Errorf("loading %d bytes allocated %d, over %d", len(src), n, limit)
			}
		})
	}
}

// TestTablesWithinBounds: real tables, drafts' and pages' too, load; the
// bound counts every table of a post; a table in fenced code is not one.
func TestTablesWithinBounds(t *testing.T) {
	row := "| 2017-05-03 | WiMAX | 日記 | ok |\n"
	table := "| date | what | tag | state |\n|---|:-:|---|--:|\n" + strings.Repeat(row, 20)
	big := "| a | b |\n|---|---|\n" + strings.Repeat("| 1 | 2 |\n", MaxTableCells/2) // 100,002 cells, one per 4 bytes
	files := map[string]string{
		"real.md":   goodPost + table + "\n" + table,
		"fenced.md": goodPost + "```\n" + wideTable(1000, 200) + "```\n",
		"draft.md":  "+++\ntitle = \"d\"\ndate = 2017-05-03\ndraft = true\n+++\n" + wideTable(1000, 200),
		"page.md":   "+++\ntitle = \"p\"\npage = true\n+++\n> " + wideTable(500, 300), // rows lazily in the quote
		"many.md":   goodPost + strings.Repeat(wideTable(100, 100)+"\n", 11),
		"big.md":    goodPost + big,
		"quoted.md": goodPost + "- item\n\n  " + strings.ReplaceAll(wideTable(400, 300), "\n", "\n  "),
	}
	got := loadErrors(t, files, LoadOptions{Settle: -1})
	want := []string{
		"draft.md:6: table of 1,000 columns × 201 rows is 201,000 cells",
		"many.md:934: the tables up to this one have 101,000 cells in all", // the tenth table
		"page.md:5: table of 500 columns × 301 rows",
		"quoted.md:9: table of 400 columns × 301 rows",
	}
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

func wideTable(cols, rows int) string {
	return strings.Repeat("| h ", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + strings.Repeat("a\n", rows)
}

// FuzzJSONDepth holds jsonTooDeep to encoding/json: on valid JSON it
// finds nesting past a depth exactly when the decoder's tokens do.
func FuzzJSONDepth(f *testing.F) {
	for _, s := range []string{`{"a": [1, {"b": "x]"}]}`, `{"k": "\"[[[\\\"", "l": [[[]]]}`, `[{"a":{}}, [], "{"]`, `{"t": "é\u005b"}`} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, src string, depth int) {
		depth = 1 + (depth&0xff)%20
		if !json.Valid([]byte(src)) {
			jsonTooDeep([]byte(src), depth) // must not panic
			return
		}
		dec := json.NewDecoder(strings.NewReader(src))
		deepest, d := 0, 0
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch tok {
			case json.Delim('['), json.Delim('{'):
				d++
				deepest = max(deepest, d)
			case json.Delim(']'), json.Delim('}'):
				d--
			}
		}
		if got := jsonTooDeep([]byte(src), depth) >= 0; got != (deepest > depth) {
			t.Fatalf("%q, depth %d: jsonTooDeep says %v, the decoder nests %d", src, depth, got, deepest)
		}
	})
}

package content

import (
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A broken YAML front matter is said in the author's words, at the line
// to fix, not in the library's ("mapping value is not allowed in this
// context", "non-map value is specified"): the mistakes authors make most
// (a colon in a title, a quote or a list left open, a tab, a value
// starting with @ or %). Lines are the file's: "---" is line 1.
func TestYAMLProblemsInTheAuthorsWords(t *testing.T) {
	for _, c := range []struct {
		front   string
		line    int
		msg     string // a part of the message
		library string // what the library says, which the message must not
		words   string // the Words' key, for an upload's answer
	}{
		{"title: \"閉じない\ndate: 2026-11-22\n", 2, `a string opened with " is not closed on its line: end it with "`, "could not find end character", wordsUnclosedString},
		{"title: '閉じない\ndate: 2026-11-22\n", 2, `a string opened with ' is not closed`, "could not find end character", wordsUnclosedString},
		{"title: 京都: 旅\n", 2, `a value holds ": ", or a line is indented where it should not be: put such a value in quotes (title: "京都: 旅")`, "mapping value", wordsYAMLColon},
		{"title: t\n  date: 2026-11-22\n", 2, "a line is indented where it should not be", "mapping value", wordsYAMLColon},
		{"title: t\ntags: [a, b\ndate: 2026-11-22\n", 4, "a list ([…]) is not closed: separate its items with commas and end it with ], e.g. tags: [a, b]", "must be specified", wordsUnclosedList},
		{"title: t\n\tdate: 2026-11-22\n", 3, "a tab where YAML takes spaces only", "cannot start any token", wordsYAMLTab},
		{"title: @home\n", 2, `a value cannot start with @ in YAML: put it in quotes (title: "@home")`, "reserved character", wordsYAMLQuote},
		{"author: `me`\n", 2, "a value cannot start with ` in YAML: put it in quotes (author: \"`me`\")", "reserved character", wordsYAMLQuote},
		{"title: %d days\n", 2, `a value cannot start with % in YAML`, "directive", wordsYAMLQuote},
		{"title: [日記] 今日のこと\n", 2, `text follows a value that ended (a [list], a {mapping} or a quoted string), or a line is indented out of line: put the whole value in quotes (title: "[日記] 今日のこと")`, "not allowed in this context", wordsYAMLQuote},
		{"title: 'It's fine'\n", 2, `text follows the closing quote of a value`, "pre-defined", wordsYAMLQuote},
		{"title: {{ .Title }}\n", 2, `a value starting with { is a YAML mapping: put text that starts with { in quotes (title: "{{ .Title }}")`, "flow map", wordsYAMLQuote},
		{"title: t\n- x\n", 3, `this line is neither "key: value" nor part of the value above`, "non-map", wordsFrontMatter},
		{"title: t\ntags: - a\n", 3, `a list item ("- …") goes on a line of its own, under its key: write tags: [a, b]`, "block sequence", wordsFrontMatter},
		{"title: \"a\\qb\"\n", 2, `\q in a "…" string is not an escape YAML knows`, "unknown escape", wordsFrontMatter},
	} {
		_, _, _, ferr := decodeFrontAs(formatYAML, []byte(c.front), frontStart, defaultFrontLimits)
		if ferr == nil || ferr.Line != c.line || !strings.Contains(ferr.Msg, c.msg) || strings.Contains(ferr.Msg, c.library) || ferr.Words.Key != c.words {
			t.Errorf("%q: %v (words %q); want line %d saying %q, words %q", c.front, ferr, ferr.Words.Key, c.line, c.msg, c.words)
		}
	}
}

// A message's example is written in the syntax of the front matter it is
// about, which the author copies it into: "draft: true" in YAML, as
// Jekyll's, Hexo's and most Hugo posts are, not TOML's "draft = true".
func TestExamplesInTheFrontMattersSyntax(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
		not  string
	}{
		{"---\ntitle: t\ndate: 2026-11-22\ndraft: maybe\ntags: 日記, 旅\n---\nText.\n", []string{"draft must be true or false, e.g. draft: true", `e.g. tags: ["日記", "WiMAX"]`}, " = "},
		{"+++\ntitle = \"t\"\ndate = 2026-11-22\ndraft = \"maybe\"\ntags = \"日記, 旅\"\n+++\nText.\n", []string{"e.g. draft = true", `e.g. tags = ["日記", "WiMAX"]`}, "draft: true"},
		{"{\n\"title\": \"t\",\n\"date\": \"2026-11-22\",\n\"draft\": \"maybe\",\n\"build\": {\"render\": \"x\"}\n}\nText.\n", []string{`e.g. "draft": true`, `e.g. "render": "never"`}, " = "},
		{"---\ntitle: t\ndate: 2026-11-22\nbuild:\n  render: x\n  publishResources: 1\n---\nText.\n", []string{`e.g. render: "never"`, "e.g. publishResources: false"}, " = "},
		{"---\ntitle: t\ndate: 2026-11-22\naliases: [1]\n---\nText.\n", []string{`e.g. aliases: ["/2017/05/03/hello/"]`}, " = "},
	} {
		_, errs, _ := parsePost("a.md", []byte(c.src), "a", time.UTC, "", defaultFrontLimits)
		var all []string
		for _, e := range errs {
			all = append(all, e.Msg)
		}
		got := strings.Join(all, "\n")
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q: problems\n%s\nwant one saying %q", c.src, got, w)
			}
		}
		if strings.Contains(got, c.not) {
			t.Errorf("%q: problems\n%s\nwant none with %q", c.src, got, c.not)
		}
	}
	// An upload's answer shows the same example, in the site's language.
	_, errs, _ := parsePost("a.md", []byte("---\ntitle: t\ndate: 2026-11-22\ndraft: maybe\n---\n"), "a", time.UTC, "", defaultFrontLimits)
	if len(errs) != 1 || errs[0].Words.Args[3] != "draft: true" {
		t.Errorf("problems %v: want the words' example draft: true", errs)
	}
	// Capsule's own posts without a title or a date are told how to
	// give them one, in the syntax they use.
	_, _, warns, _ := parsePostKeys("a.md", []byte("---\ntags: [a]\n---\nText.\n"), "a", time.UTC, "", defaultFrontLimits, postDefaults{own: true})
	var ws []string
	for _, w := range warns {
		ws = append(ws, w.Msg)
	}
	if got := strings.Join(ws, "\n"); !strings.Contains(got, `give it one (title: "Hello again")`) || !strings.Contains(got, "(e.g. date: 2017-05-03)") {
		t.Errorf("warnings\n%s\nwant title: and date: examples", got)
	}
}

// The warning of two posts of one slug says how to choose in words that
// fit either front matter, not TOML's slug = "…" to a YAML post.
func TestDuplicateSlugAdviceFitsEitherFrontMatter(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: t\n",
		"_posts/2020-01-01-hello.md": "---\ntitle: A\n---\nA.\n",
		"_posts/2020-01-02-hello.md": "---\ntitle: B\n---\nB.\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	saw := false
	for _, w := range c.Warnings {
		if w.Kind == "duplicate slug" {
			saw = true
			if strings.Contains(w.Msg, "slug = ") || !strings.Contains(w.Msg, "give it a slug of its own in its front matter") {
				t.Errorf("warning %q", w.Msg)
			}
		}
	}
	if !saw {
		t.Errorf("no duplicate slug warning: %v", c.Warnings)
	}
}

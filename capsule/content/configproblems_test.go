package content

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// A generator's configuration that does not parse is a problem at its
// line, in the author's words, and nothing loads: Hugo, Jekyll, Hexo and
// Zola build nothing from such a site, and read without it capsule would
// serve what it excludes and lose the site's title, language and
// addresses. (It was read as if absent: a Japanese site lost lang=ja, and
// _config.yml was warned of as "a configuration beside _config.yml".)
func TestBrokenConfigurationIsAProblem(t *testing.T) {
	post := "---\ntitle: a\ndate: 2020-01-01\n---\nx\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		file  string
		line  int
		msg   string
	}{
		{"Hugo TOML", map[string]string{"hugo.toml": "title = \"x\nlanguageCode = \"ja\"\n", "content/posts/a.md": post},
			"hugo.toml", 1, `configuration: a string opened with " is not closed on its line`},
		{"Hugo YAML in TOML", map[string]string{"hugo.toml": "baseURL = \"https://example.org/\"\ntitle: x\n", "content/posts/a.md": post},
			"hugo.toml", 2, `configuration: "title: …" is YAML (key: value), but the file is TOML: write title = "…"`},
		{"Hugo's config/_default", map[string]string{"config/_default/hugo.toml": "title = \"x\"\n", "config/_default/params.yaml": "author: x\nmainSections: [posts\n", "content/posts/a.md": post},
			"config/_default/params.yaml", 2, "configuration: a list ([…]) is not closed"},
		{"Hugo JSON", map[string]string{"hugo.json": "{\n\"title\": \"x\",\n}\n", "content/posts/a.md": post},
			"hugo.json", 3, "configuration: invalid character '}'"},
		{"Jekyll", map[string]string{"_config.yml": "title: 旅: 記録\nlang: ja\n", "_posts/2020-01-01-a.md": post},
			"_config.yml", 1, `configuration: a value holds ": ", or a line is indented where it should not be: put such a value in quotes (title: "旅: 記録")`},
		{"Hexo", map[string]string{"package.json": `{"dependencies": {"hexo": "^7.0.0"}}`, "_config.yml": "title: x\n\tlanguage: ja\n", "source/_posts/a.md": post},
			"_config.yml", 2, "configuration: a tab where YAML takes spaces only"},
		{"Zola", map[string]string{"zola.toml": "base_url = \"https://example.org\"\ntitle = 'x\n", "content/a.md": "+++\ntitle = \"a\"\ndate = 2020-01-01\n+++\nx\n"},
			"zola.toml", 2, "configuration: "},
	} {
		dir := testfs.Write(t, c.files)
		_, err := Load(dir, LoadOptions{Settle: -1})
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("%s: %v, want one problem", c.name, err)
			continue
		}
		e := list[0]
		if e.File != filepath.Join(dir, c.file) || e.Line != c.line || !strings.HasPrefix(e.Msg, c.msg) ||
			strings.Contains(e.Msg, "mapping value") || strings.Contains(e.Msg, "expected") || strings.Contains(e.Msg, "front matter") {
			t.Errorf("%s: %v; want %s:%d: %s…", c.name, e, c.file, c.line, c.msg)
		}
	}
}

// Ruby's YAML takes a key set twice in _config.yml at its last value, and
// Jekyll builds: so does capsule, which the strict reading refused (and
// then read the site without its configuration). An empty _config.yml is
// the one Jekyll reads, and a _config.yaml beside it is not.
func TestJekyllConfigurationAsJekyllReadsIt(t *testing.T) {
	post := "---\ntitle: a\n---\nx\n"
	dir := testfs.Write(t, map[string]string{"_config.yml": "title: first\nlang: ja\ntitle: 旅の記録\n", "_posts/2020-01-01-a.md": post})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if c.Meta.Title != "旅の記録" || c.Meta.Lang != "ja" {
		t.Errorf("title %q, lang %q: want 旅の記録, ja", c.Meta.Title, c.Meta.Lang)
	}
	dir = testfs.Write(t, map[string]string{"_config.yml": "", "_config.yaml": "title: not read\n", "_posts/2020-01-01-a.md": post})
	if c, err = Load(dir, LoadOptions{Settle: -1}); err != nil {
		t.Fatal(err)
	}
	if c.Meta.Title == "not read" {
		t.Error("_config.yaml was read beside an empty _config.yml")
	}
	var saw bool
	for _, w := range c.Warnings {
		if strings.HasSuffix(w.File, "_config.yml") {
			t.Errorf("the configuration read is warned of: %v", w)
		}
		saw = saw || strings.HasSuffix(w.File, "_config.yaml") && strings.Contains(w.Msg, "beside _config.yml")
	}
	if !saw {
		t.Errorf("no warning of _config.yaml beside _config.yml: %v", c.Warnings)
	}
}

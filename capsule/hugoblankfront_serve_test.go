package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Hugo reads front matter after blank lines at the top of a file (its
// lexer skips spaces and line ends before "+++", "---" or "{"), and
// eichisanden/blog has such a post. It is a post with its title and
// date, listed, not an undated page showing its front matter as text.
func TestHugoFrontMatterAfterBlankLines(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\nlanguageCode = \"ja\"\n",
			"content/post/docker-volume.md": "\n+++\ndate = \"2019-06-30T19:00:00+09:00\"\n" +
				"title = \"ファイルをホストにマウントする\"\ntags = [\"Docker\"]\n+++\n\n### はじめに\n\n本文です。\n",
			"content/post/yaml.md":  "\n\n---\ntitle: YAMLの記事\ndate: 2019-07-01\n---\n\nYAMLの本文。\n",
			"content/post/other.md": "+++\ntitle = \"別の記事\"\ndate = 2019-05-01\n+++\n\n本文。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/docker-volume.gmi")
	for _, want := range []string{"# ファイルをホストにマウントする\n", "2019-06-30", "### はじめに\n\n本文です。"} {
		if !strings.Contains(page, want) {
			t.Errorf("the post lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "+++") || strings.Contains(page, "title =") {
		t.Errorf("the post shows its front matter as text:\n%s", page)
	}
	_, _, yaml := servetest.GeminiGet(t, d, "/posts/yaml.gmi")
	if !strings.Contains(yaml, "# YAMLの記事\n") || strings.Contains(yaml, "title:") {
		t.Errorf("the YAML post after two blank lines is not read as Hugo reads it:\n%s", yaml)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	for _, want := range []string{"ファイルをホストにマウントする", "YAMLの記事", "別の記事"} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page does not list %q:\n%s", want, home)
		}
	}
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// kramdown replaces a list of one item marked {:toc} by the list of the
// post's headings (toshimaru's "- toc\n{:toc}" under "## 目次", 4
// posts). capsule showed the item, "* toc", and no headings. Now it is
// the headings' list, without those kramdown leaves out ({:.no_toc}) and
// without the lines of code that look like headings.
func TestKramdownTOCListsHeadings(t *testing.T) {
	post := "---\ntitle: TOC\n---\n\n## 目次\n\n- toc\n{:toc}\n\n## Fat Rails Stage\n\n本文。\n\n" +
		"### 1 Table Multiple Models {#multi}\n\n### 1. `config.yml`の設定\n\n### 「それRailsでできるよ」[^1] and [more](https://example.com/)\n\n[^1]: ノート\n\n```sh\n# a comment, not a heading\n```\n\n## Hidden\n{:.no_toc}\n\n終わり。\n"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":              "title: t\nlang: ja\n",
			"_posts/2020-06-01-toc.md": post,
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/toc.gmi")
	if !strings.Contains(page, "## 目次\n\n* 目次\n* Fat Rails Stage\n* 1 Table Multiple Models\n* 1. config.ymlの設定\n* 「それRailsでできるよ」 and more\n\n## Fat Rails Stage") {
		t.Errorf("no list of the headings under 目次:\n%s", page)
	}
	if !strings.Contains(page, "### 「それRailsでできるよ」[1] and more") {
		t.Errorf("the heading's footnote is not [1] (the list's entry took a number?):\n%s", page)
	}
	for _, bad := range []string{"* toc", "* Hidden", "* a comment"} {
		if strings.Contains(page, bad) {
			t.Errorf("%q in the page:\n%s", bad, page)
		}
	}
}

package capsule_test

import (
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A title's words in angle brackets that are no tag of HTML's are the
// author's words, as Hugo's plain .Title shows them (zatoima's post
// "pg_stat_statements参照時の<insufficient privilege>について"): the post's
// heading, the home page's line, the Gopher menu and the Atom feed's
// title (escaped as XML escapes text) keep them, in Hugo, Jekyll and Zola
// sites alike. A real inline element, <em>…</em>, is still markup.
// (They were read as raw HTML and dropped without a word.)
func TestTitleWordsInAngleBrackets(t *testing.T) {
	const (
		written = "<insufficient privilege>と<T>と<your-name> <em>強調</em>"
		want    = "<insufficient privilege>と<T>と<your-name> 強調"
	)
	front := "---\ntitle: \"" + written + "\"\ndate: 2020-01-01\n---\n\n本文。\n"
	for name, files := range map[string]map[string]string{
		"hugo": {
			"config.toml":       "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\nlanguageCode = \"ja\"\n",
			"content/post/a.md": front,
		},
		"jekyll": {
			"_config.yml":            "title: Blog\nlang: ja\n",
			"_posts/2020-01-01-a.md": front,
		},
		"zola": {
			"config.toml":            "base_url = \"https://example.org/\"\ntitle = \"Blog\"\ndefault_language = \"ja\"\n",
			"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/a.md":      "+++\ntitle = \"" + written + "\"\ndate = 2020-01-01\n+++\n\n本文。\n",
		},
	} {
		d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
		_, _, home := servetest.GeminiGet(t, d, "/")
		line := regexp.MustCompile(`(?m)^=> (\S+) 2020-01-01 (.*)$`).FindStringSubmatch(home)
		if line == nil {
			t.Errorf("%s: the home page lists no post:\n%s", name, home)
			continue
		}
		if line[2] != want {
			t.Errorf("%s: the home page does not list %q:\n%s", name, want, home)
		}
		if _, _, post := servetest.GeminiGet(t, d, line[1]); !strings.HasPrefix(post, "# "+want+"\n") {
			t.Errorf("%s: the post's heading is not %q:\n%s", name, want, post)
		}
		root := servetest.GopherGet(t, d, "\r\n")
		item := regexp.MustCompile(`(?m)^[01]2020-01-01 ` + regexp.QuoteMeta(want) + "\t([^\t]+)\t").FindStringSubmatch(root)
		if item == nil {
			t.Errorf("%s: the Gopher menu does not list %q:\n%s", name, want, root)
		} else if text := servetest.GopherGet(t, d, item[1]+"\r\n"); !strings.Contains(text, want) {
			t.Errorf("%s: the post's Gopher menu lacks its title %q:\n%s", name, want, text)
		}
		_, _, feed := servetest.GeminiGet(t, d, "/atom.xml")
		var f struct {
			Entries []struct {
				Title string `xml:"title"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(feed), &f); err != nil || len(f.Entries) != 1 || f.Entries[0].Title != want {
			t.Errorf("%s: the feed's entry is not titled %q (%v):\n%s", name, want, err, feed)
		}
		if strings.Contains(feed, "<insufficient") || !strings.Contains(feed, "&lt;insufficient privilege&gt;") {
			t.Errorf("%s: the feed does not escape the title's brackets:\n%s", name, feed)
		}
	}
}

package capsule_test

import (
	"encoding/xml"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A generator's site names its author (Hugo's params.author, its
// [params.author] name, Jekyll's and Hexo's author), and themes and
// jekyll-feed write it as the feeds' author. capsule's Atom feed named
// the site's title instead ("Tech Blog", not 0shim4, found by a new
// user's trial).
func TestFeedAuthorFromTheGeneratorsSite(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"hugo params.author", map[string]string{
			"hugo.toml":            "title = \"Tech Blog\"\n[params]\nauthor = \"0shim4\"\n",
			"content/posts/one.md": "---\ntitle: One\ndate: 2020-01-02\n---\nOne.\n",
		}, "0shim4"},
		{"hugo params.author table", map[string]string{
			"hugo.toml":            "title = \"Tech Blog\"\n[params.author]\nname = \"山田 花子\"\nemail = \"h@example.org\"\n",
			"content/posts/one.md": "---\ntitle: One\ndate: 2020-01-02\n---\nOne.\n",
		}, "山田 花子"},
		{"jekyll author map", map[string]string{
			"_config.yml":              "title: Notes\nauthor:\n  name: Taro\n  email: t@example.org\n",
			"_posts/2020-01-02-one.md": "---\ntitle: One\n---\nOne.\n",
		}, "Taro"},
		{"hexo author", map[string]string{
			"_config.yml":          "title: 日記\nauthor: はなこ\n",
			"package.json":         `{"dependencies": {"hexo": "^7.0.0"}}`,
			"source/_posts/one.md": "---\ntitle: One\ndate: 2020-01-02\n---\nOne.\n",
		}, "はなこ"},
		{"a list of authors: none of them the site's", map[string]string{
			"hugo.toml":            "title = \"Tech Blog\"\n[params]\nauthor = [\"a\", \"b\"]\n",
			"content/posts/one.md": "---\ntitle: One\ndate: 2020-01-02\n---\nOne.\n",
		}, "Tech Blog"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := serveDir(t, testfs.Write(t, c.files))
			status, meta, body := servetest.GeminiGet(t, d, "/atom.xml")
			var feed struct {
				Author struct {
					Name string `xml:"name"`
				} `xml:"author"`
			}
			if err := xml.Unmarshal([]byte(body), &feed); status != 20 || err != nil {
				t.Fatalf("/atom.xml: %d %s, %v", status, meta, err)
			}
			if feed.Author.Name != c.want {
				t.Errorf("the feed's author is %q, want %q", feed.Author.Name, c.want)
			}
		})
	}
}

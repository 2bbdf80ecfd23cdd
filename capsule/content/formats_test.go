package content

import (
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Hugo reads .md, .markdown and .mdown as Markdown, and an .html file
// with front matter as a page of HTML: hnakamur's 30 .markdown posts were
// left out without a word, and a .mdown or .html file was served as it
// is, front matter and drafts included. An .html file without front
// matter is a file, as Hugo copies it.
func TestHugoContentFormats(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml":                 "title = \"t\"\n",
		"content/post/lxd.markdown":   "---\ntitle: LXD\ndate: 2014-12-01\n---\nLXD を試した。\n",
		"content/post/c.mdown":        "---\ntitle: C\ndate: 2015-04-24\n---\nC.\n",
		"content/post/draft2.mdown":   "---\ntitle: 下書き\ndate: 2015-04-26\ndraft: true\n---\nまだ。\n",
		"content/post/h.html":         "+++\ntitle = \"html post\"\ndate = \"2015-04-25T00:08:30+09:00\"\n+++\n<p>HTML の本文。</p>\n",
		"content/post/demo/index.md":  "---\ntitle: Demo\ndate: 2015-04-27\n---\nSee [the demo](demo.html).\n",
		"content/post/demo/demo.html": "<!doctype html><p>A demo page.</p>\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var posts, drafts, files []string
	for _, p := range c.Posts {
		posts = append(posts, p.Title)
	}
	for _, p := range c.Drafts {
		drafts = append(drafts, p.Title)
	}
	for _, f := range c.Files {
		files = append(files, f.Path)
	}
	slices.Sort(posts)
	if want := []string{"C", "Demo", "LXD", "html post"}; !slices.Equal(posts, want) {
		t.Errorf("posts %q, want %q", posts, want)
	}
	if !slices.Equal(drafts, []string{"下書き"}) {
		t.Errorf("drafts %q", drafts)
	}
	if !slices.Equal(files, []string{"post/demo/demo.html"}) {
		t.Errorf("files %q, want the demo page alone", files)
	}
	for _, p := range c.Posts {
		if p.Title == "html post" && !strings.Contains(string(p.Body), "<p>HTML の本文。</p>") {
			t.Errorf("the HTML post's body %q", p.Body)
		}
	}
}

// Jekyll reads every file of _posts named as a post, whatever its format:
// an .html post is served (its HTML read as HTML in Markdown is), and one
// in a format capsule cannot read (.textile, a site's own .htn) is named
// in a warning: nitoyon's 565 Hatena-era posts were left out without a
// word.
func TestJekyllPostFormats(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                  "title: t\n",
		"_posts/2010-01-01-hatena.htn": "---\ntitle: はてな\n---\n*[Windows] 見出し\n",
		"_posts/2010-01-02-wp.html":    "---\ntitle: WordPress\n---\n<p>本文の段落です。</p>\n",
		"_posts/2010-01-03-tx.textile": "---\ntitle: Textile\n---\nh2. Heading\n",
		"_posts/2010-01-04-md.mkd":     "---\ntitle: Markdown\n---\nbody\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var posts []string
	for _, p := range c.Posts {
		posts = append(posts, p.Title)
	}
	slices.Sort(posts)
	if want := []string{"Markdown", "WordPress"}; !slices.Equal(posts, want) {
		t.Errorf("posts %q, want %q", posts, want)
	}
	var warned []string
	for _, w := range c.Warnings {
		if strings.Contains(w.Msg, "not loaded") {
			warned = append(warned, w.Error())
		}
	}
	if len(warned) != 2 || !strings.Contains(strings.Join(warned, "\n"), ".htn") || !strings.Contains(strings.Join(warned, "\n"), ".textile") {
		t.Errorf("warnings %q, want one for the .htn and one for the .textile post", warned)
	}
}

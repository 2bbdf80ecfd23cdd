package content

import (
	"path/filepath"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A reload after Forget, of files unchanged since (old enough to be
// taken from the previous load, their bytes forgotten): a Jekyll page and
// a home page's text are still loaded, as from nothing.
func TestReloadAfterForgetKeepsPagesAndHome(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: x\n",
		"_posts/2014-03-03-hello.md": "---\ntitle: Hello\n---\nbody\n",
		"about.md":                   "---\ntitle: About\n---\nabout text\n",
		"index.md":                   "---\nlayout: home\n---\nWelcome home.\n",
	})
	old := time.Now().Add(-time.Hour)
	testfs.Age(dir, old)
	first, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := slugsOf(first.Pages) + "|" + slugsOf(first.Unlisted) + "|" + slugsOf(first.Posts)
	first.Forget()
	next, err := Load(dir, LoadOptions{Settle: -1, Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(next.Pages) + "|" + slugsOf(next.Unlisted) + "|" + slugsOf(next.Posts); got != want {
		t.Errorf("after Forget, a reload loads %q, want %q", got, want)
	}
}

// The same for a site file with the home page's text besides the site's
// title and language: capsule's own folder's, and a Hugo content
// folder's _index.md, whose title and language a reload lost (a site
// titled "" in English; found by TestIncrementalBuildIsAFullBuild once
// its site file had a text).
func TestReloadAfterForgetKeepsSiteFile(t *testing.T) {
	site := "+++\ntitle = \"The site\"\nlang = \"ja\"\n+++\nWelcome home.\n"
	for _, tc := range []struct {
		name, posts string
		files       map[string]string
	}{
		{"capsule's own", "", map[string]string{SiteFile: site, "hello.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n"}},
		{"hugo", "content", map[string]string{"hugo.toml": "title = 'x'\n", "content/" + SiteFile: site,
			"content/posts/hello/index.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testfs.Write(t, tc.files)
			testfs.Age(dir, time.Now().Add(-time.Hour))
			dir = filepath.Join(dir, tc.posts)
			first, err := Load(dir, LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			first.Forget()
			for _, p := range first.Unlisted {
				first.ForgetPost(p) // as a build forgets each post it renders: the home page's text too
			}
			next, err := Load(dir, LoadOptions{Settle: -1, Previous: first})
			if err != nil {
				t.Fatal(err)
			}
			if next.Meta != first.Meta || slugsOf(next.Unlisted) != slugsOf(first.Unlisted) {
				t.Errorf("after Forget, a reload has %+v and unlisted %q; want %+v and %q", next.Meta, slugsOf(next.Unlisted), first.Meta, slugsOf(first.Unlisted))
			}
		})
	}
}

// ReadBody reads back what Load made a post's body of, however it cut it
// from the file: a Hugo content file without front matter, or with a
// blank line before it (then all Markdown, as Hugo publishes it), and a
// Zola page with blank lines before its front matter (skipped, as Zola
// does). It read them back as front matter and body, and failed: such a
// post could not be rendered again once forgotten (a new Gopher width,
// a neighbour's new title).
func TestReadBodyAsLoadCutIt(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		post  string
	}{
		{"hugo, no front matter", map[string]string{"hugo.toml": "title = 'x'\n", "content/posts/bare.md": "# 見出し\n\n本文。\n"}, "content/posts/bare.md"},
		{"hugo, a blank line first", map[string]string{"hugo.toml": "title = 'x'\n", "content/posts/blank.md": "\n---\ntitle: \"macvlan\"\ndate: 2020-05-04T19:17:36Z\n---\n本文。\n"}, "content/posts/blank.md"},
		{"zola, blank lines first", map[string]string{"config.toml": "base_url = \"https://example.com\"\n", "content/blog/p.md": "\n\n+++\ntitle = \"p\"\ndate = 2020-05-04\n+++\n本文。\n"}, "content/blog/p.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testfs.Write(t, tc.files)
			testfs.Age(dir, time.Now().Add(-time.Hour))
			c, err := Load(dir+"/content", LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			var p *Post
			for _, q := range append(c.Posts, c.Pages...) {
				if q.File == dir+"/"+tc.post {
					p = q
				}
			}
			if p == nil {
				t.Fatalf("%s not loaded: %v, %v", tc.post, c.Problems, c.Warnings)
			}
			body := string(p.Body)
			c.Forget()
			if p.Body != nil {
				t.Fatal("Forget kept the body")
			}
			if err := ReadBody(p); err != nil {
				t.Fatalf("ReadBody: %v", err)
			}
			if string(p.Body) != body {
				t.Fatalf("ReadBody read %q, Load made %q", p.Body, body)
			}
		})
	}
}

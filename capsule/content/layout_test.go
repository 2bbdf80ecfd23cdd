package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

func slugsOf(ps []*Post) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Slug)
	}
	return strings.Join(s, ",")
}

func pathsOf(fs []File) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Path)
	}
	return strings.Join(s, ",")
}

func bySlug(ps []*Post, slug string) *Post {
	for _, p := range ps {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

func TestHugoContentFolder(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_index.md":             "+++\ntitle = \"Site\"\n+++\n",
		"about.md":              "+++\ntitle = \"About\"\n+++\nme\n",
		"posts/_index.md":       "---\ntitle: Posts\n---\n",
		"posts/first.md":        "---\ntitle: First\ndate: 2020-05-07\n---\nbody\n",
		"posts/draft.md":        "---\ntitle: Draft\ndate: 2021-01-01\ndraft: true\n---\n",
		"posts/hello/index.md":  "+++\ntitle = \"Hello\"\ndate = 2020-06-01\n+++\n![](cover.jpg)\n",
		"posts/hello/cover.jpg": "JPEG",
		"posts/hello/notes.md":  "a resource of the bundle",
		"blog/tech/deep.md":     "{\"title\": \"Deep\", \"date\": \"2021-01-02\"}\n",
		"images/logo.png":       "PNG",
		".git/config":           "hidden",
		"_drafts/ignored.md":    "not a post",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	// Hugo's themes list the main section's pages as posts: the section
	// with the most pages, posts. Another section's are pages.
	if got := slugsOf(c.Posts); got != "hello,first" {
		t.Errorf("posts %s", got)
	}
	if got := slugsOf(c.Pages); got != "about,deep" {
		t.Errorf("pages %s", got)
	}
	if !strings.HasPrefix(c.Layout, "a Hugo site (posts/_index.md, no Hugo configuration found): posts from section posts") {
		t.Errorf("layout %q", c.Layout)
	}
	if got := pathsOf(c.Files); got != "images/logo.png,posts/hello/cover.jpg" {
		t.Errorf("files %s", got)
	}
	if strings.Contains(pathsOf(c.Files), ".md") {
		t.Errorf("Markdown served as a file: %s", pathsOf(c.Files))
	}
	if c.Meta.Title != "Site" {
		t.Errorf("site title %q", c.Meta.Title)
	}
	for slug, want := range map[string]string{"deep": "blog/tech", "hello": "posts/hello", "first": "posts"} {
		if p := bySlug(slices.Concat(c.Posts, c.Pages), slug); p == nil || p.Dir != want {
			t.Errorf("%s: Dir %+v, want %q", slug, p, want)
		}
	}
	if about := bySlug(c.Pages, "about"); about == nil || about.Dir != "" || !about.Page {
		t.Errorf("about: %+v", about)
	}
	if p := bySlug(c.Posts, "hello"); !p.Date.Equal(time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("hello dated %v", p.Date)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings %v", c.Warnings)
	}
}

// Capsule's own layout: dated posts at the top; Markdown in subfolders is
// neither a post nor served (it may be a draft); an undated post at the
// top is a page.
func TestFlatLayoutKeepsSubfolderMarkdownAsFiles(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost, "notes/readme.md": "+++\ntitle = \"n\"\ndate = 2018-01-01\n+++\n"})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if slugsOf(c.Posts) != "a" || pathsOf(c.Files) != "" {
		t.Errorf("posts %s, files %s", slugsOf(c.Posts), pathsOf(c.Files))
	}
	os.WriteFile(filepath.Join(dir, "undated.md"), []byte("+++\ntitle = \"u\"\n+++\n"), 0o644)
	if c, err := Load(dir, LoadOptions{Settle: -1}); err != nil || slugsOf(c.Pages) != "undated" {
		t.Errorf("undated post at the top of a flat folder: %v", err)
	}
}

func TestJekyllSiteFolder(t *testing.T) {
	loc := time.FixedZone("JST", 9*3600)
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                        "title: x\n",
		"_posts/2014-3-3-Hello-World.md":     "---\nlayout: post\ntitle: Hello\n---\nbody\n",
		"_posts/2017-03-23-welcome.markdown": "---\ntitle: Welcome\ndate: 2017-03-23 14:41:53 +0100\n---\n",
		"_posts/2019/2019-01-02-nested.md":   "---\ntitle: Nested\n---\n",
		"_posts/notes.md":                    "---\ntitle: Misnamed\n---\n",
		"_drafts/secret.md":                  "---\ntitle: Secret\n---\n",
		"_layouts/post.html":                 "{{ content }}",
		"_includes/head.html":                "<head>",
		"_sass/main.scss":                    "a{}",
		"_data/nav.yml":                      "- x",
		"_site/index.html":                   "built",
		"_collection/x.md":                   "---\ntitle: c\n---\n",
		"Gemfile":                            "gem 'jekyll'",
		"Gemfile.lock":                       "lock",
		"vendor/bundle/x.rb":                 "ruby",
		"node_modules/x/index.js":            "js",
		"index.md":                           "---\nlayout: home\n---\n",
		"index.html":                         "---\nlayout: home\n---\n",
		"README.md":                          "# readme\n",
		"404.md":                             "---\ntitle: Not found\n---\n",
		"CHANGELOG.md":                       "# changes, no front matter\n",
		"about.md":                           "---\nlayout: page\ntitle: About\npermalink: /about/\n---\n",
		"assets/img/logo.png":                "PNG",
		"images/a.jpg":                       "JPEG",
		"favicon.ico":                        "ICO",
	})
	c, err := Load(dir, LoadOptions{Location: loc, Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(c.Posts); got != "nested,welcome,Hello-World" {
		t.Errorf("posts %s", got)
	}
	if got := slugsOf(c.Pages); got != "about" {
		t.Errorf("pages %s", got)
	}
	if got := pathsOf(c.Files); got != "assets/img/logo.png,favicon.ico,images/a.jpg" {
		t.Errorf("files %s", got)
	}
	hello := bySlug(c.Posts, "Hello-World")
	if !hello.HasDate || !hello.Date.Equal(time.Date(2014, 3, 3, 0, 0, 0, 0, loc)) || hello.Dir != "_posts" {
		t.Errorf("Hello-World: %v %v %q", hello.HasDate, hello.Date, hello.Dir)
	}
	welcome := bySlug(c.Posts, "welcome")
	if !welcome.Date.Equal(time.Date(2017, 3, 23, 13, 41, 53, 0, time.UTC)) {
		t.Errorf("welcome dated %v: front matter wins over the file name", welcome.Date)
	}
	if p := bySlug(c.Posts, "nested"); p.Dir != "_posts/2019" || !p.Date.Equal(time.Date(2019, 1, 2, 0, 0, 0, 0, loc)) {
		t.Errorf("nested: %q %v", p.Dir, p.Date)
	}
	if len(c.Warnings) != 1 || !strings.HasSuffix(c.Warnings[0].File, "notes.md") {
		t.Errorf("warnings %v, want one for _posts/notes.md", c.Warnings)
	}
}

func TestJekyllDrafts(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":             "title: x\n",
		"_drafts/secret.md":       "---\ntitle: Secret\n---\n",
		"_drafts/2020-1-1-old.md": "---\ntitle: Old\n---\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Empty() || len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Msg, "(2 drafts)") {
		t.Errorf("posts %s, warnings %v", slugsOf(c.Posts), c.Warnings)
	}
	var ps []*mdFile
	ps, _, _ = findJekyll(dir, dir, nil, nil, new(loadRecords), DefaultMaxPostSize, time.UTC, siteConfig{})
	for _, m := range ps {
		m.src.read()
	}
	results, _ := parsePosts(ps, time.UTC, "en", nil, nil, false)
	for _, r := range results {
		if r.post == nil || !r.post.Draft || r.post.HasDate {
			t.Errorf("draft %+v %v", r.post, r.errs)
		}
	}
	if slugsOf([]*Post{results[0].post, results[1].post}) != "old,secret" {
		t.Errorf("draft slugs")
	}
}

func TestEmptyFolderHints(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.toml":             "baseURL = 'x'",
		"content/posts/a.md":    "---\ntitle: A\ndate: 2020-01-01\n---\n",
		"archetypes/default.md": "+++\ndate = '{{ .Date }}'\n+++\n",
		"themes/t/README.md":    "theme",
	})
	// A Hugo site's root: its content folder is loaded (never its
	// configuration, archetypes or public/ folder).
	if c, err := Load(root, LoadOptions{Settle: -1}); err != nil || slugsOf(c.Posts) != "a" || pathsOf(c.Files) != "" ||
		!strings.HasPrefix(c.Layout, "a Hugo site (Hugo's hugo.toml)") {
		t.Errorf("Hugo site root: %v, %+v", err, c)
	}
	other := testfs.Write(t, map[string]string{"_articles/a.md": "---\ntitle: A\n---\n"})
	c, err := Load(other, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Msg, "_articles/ holds Markdown files") {
		t.Errorf("unknown layout: %v", c.Warnings)
	}
}

// A folder with no configuration whose Markdown is in folders of years
// (arika0093's articles: 2023/…, 2025/…, and an about/index.md) has its
// posts in every year, not in the largest year alone, which left the
// others' posts pages.
func TestFoldersOfYearsAreAllPosts(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"2025/a/one.md":   "---\ntitle: One\ndate: 2025-01-01\n---\nx\n",
		"2025/b/two.md":   "---\ntitle: Two\ndate: 2025-02-01\n---\nx\n",
		"2026/c/three.md": "---\ntitle: Three\ndate: 2026-01-01\n---\nx\n",
		"about/index.md":  "---\ntitle: About\n---\nMe.\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(c.Posts); got != "three,two,one" {
		t.Errorf("posts %s, want three, two and one", got)
	}
	if !strings.Contains(c.Layout, "posts from the folders of years 2025, 2026") {
		t.Errorf("layout %q", c.Layout)
	}
}

// So is a Hugo site's whose largest section is a year, with no
// mainSections (aokiplayer's content/2018/ … content/2026/): the newest
// year's articles were pages, out of the feed, the archive and the tags.
// A site whose largest section is no year keeps Hugo's rule.
func TestHugoYearSectionsAreAllPosts(t *testing.T) {
	files := map[string]string{
		"hugo.toml":         "title = \"t\"\n",
		"content/2019/a.md": "---\ntitle: A\ndate: 2019-05-01\n---\nx\n",
		"content/2019/b.md": "---\ntitle: B\ndate: 2019-05-02\n---\nx\n",
		"content/2024/c.md": "---\ntitle: C\ndate: 2024-06-01\ntags: [swift]\n---\nx\n",
		"content/about.md":  "---\ntitle: About\n---\nMe.\n",
	}
	c, err := Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(c.Posts); got != "c,b,a" {
		t.Errorf("posts %s, want c, b and a", got)
	}
	files["content/posts/d.md"] = "---\ntitle: D\ndate: 2024-01-01\n---\nx\n"
	files["content/posts/e.md"] = "---\ntitle: E\ndate: 2024-01-02\n---\nx\n"
	files["content/posts/f.md"] = "---\ntitle: F\ndate: 2024-01-03\n---\nx\n"
	c, err = Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(c.Posts); got != "f,e,d" {
		t.Errorf("with a larger posts section, posts %s, want f, e and d (Hugo's main section)", got)
	}
}

package content

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A Hugo site as `hugo new site` and its themes lay it out: the
// configuration beside content/ says it is Hugo's, whichever of the
// content folder or the site's root is given. The main sections' pages
// are the posts (about.md, dated by Hugo's default archetype, is a page,
// not the only post), other sections' pages are pages, and the static
// folder is served at the top.
func TestHugoSiteByItsConfiguration(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.toml":                  "baseURL = 'https://example.org/'\ntitle = 'Blog'\ntimeZone = 'Asia/Tokyo'\n[params]\nmainSections = ['post']\n",
		"content/about.md":           "---\ntitle: About\ndate: 2024-01-01T10:00:00+09:00\n---\nme\n",
		"content/post/first.md":      "---\ntitle: First\ndate: 2024-01-02 00:30:00\n---\n![](/images/cat.png)\n",
		"content/post/second.md":     "---\ntitle: Second\ndate: 2024-01-03\n---\nbody\n",
		"content/docs/a.md":          "---\ntitle: Doc A\ndate: 2024-01-04\n---\nbody\n",
		"content/docs/b.md":          "---\ntitle: Doc B\n---\nbody\n",
		"content/docs/c.md":          "---\ntitle: Doc C\n---\nbody\n",
		"static/images/cat.png":      "PNG",
		"static/favicon.ico":         "ICO",
		"themes/t/exampleSite/x.md":  "---\ntitle: theme's\n---\n",
		"archetypes/default.md":      "---\ndate: '{{ .Date }}'\n---\n",
		"config/production/extra.md": "not content",
	})
	for _, dir := range []string{root, filepath.Join(root, "content")} {
		c, err := Load(dir, LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		if got := slugsOf(c.Posts); got != "second,first" {
			t.Errorf("%s: posts %s, want the post section's", dir, got)
		}
		if got := slugsOf(c.Pages); got != "a,about,b,c" {
			t.Errorf("%s: pages %s", dir, got)
		}
		if got := pathsOf(c.Files); got != "favicon.ico,images/cat.png" {
			t.Errorf("%s: files %s, want the static folder's", dir, got)
		}
		if c.Meta.Title != "Blog" || !strings.HasPrefix(c.Layout, "a Hugo site (Hugo's hugo.toml): posts from mainSections post") {
			t.Errorf("%s: title %q, layout %q", dir, c.Meta.Title, c.Layout)
		}
		// A date with no zone is in the site's timeZone.
		if p := bySlug(c.Posts, "first"); p == nil || !p.Date.Equal(time.Date(2024, 1, 1, 15, 30, 0, 0, time.UTC)) {
			t.Errorf("%s: first dated %v, want 00:30 in Tokyo", dir, p)
		}
		for _, w := range c.Warnings {
			if !strings.Contains(w.Msg, "no date") {
				t.Errorf("%s: warning %v", dir, w)
			}
		}
	}
	// Without mainSections, the section with the most pages.
	c, err := Load(root, LoadOptions{Settle: -1, Layout: LayoutHugo})
	if err != nil || !strings.Contains(c.Layout, "mainSections post") {
		t.Fatalf("%v %q", err, c.Layout)
	}
}

// config/_default/ holds a Hugo site's configuration too; params in a
// file of their own.
func TestHugoConfigDefaultFolder(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"config/_default/hugo.toml":   "title = 'Split'\n",
		"config/_default/params.yaml": "mainSections: [blog]\ndescription: split config\n",
		"content/blog/a.md":           "---\ntitle: A\ndate: 2024-01-02\n---\n",
		"content/notes/b.md":          "---\ntitle: B\ndate: 2024-01-02\n---\n",
		"content/notes/c.md":          "---\ntitle: C\ndate: 2024-01-03\n---\n",
	})
	c, err := Load(filepath.Join(root, "content"), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if slugsOf(c.Posts) != "a" || slugsOf(c.Pages) != "b,c" || c.Meta.Title != "Split" || c.Meta.Description != "split config" {
		t.Errorf("posts %s, pages %s, meta %+v, layout %q", slugsOf(c.Posts), slugsOf(c.Pages), c.Meta, c.Layout)
	}
}

// A Jekyll site's pages beyond the top: its collections, the folders its
// include names (minimal-mistakes' _pages), Markdown in its other
// folders; and its exclude list and time zone are honoured.
func TestJekyllPagesAndConfig(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: J\ntimezone: Asia/Tokyo\ninclude: [_pages]\nexclude: [notes/]\ncollections:\n  recipes:\n    output: true\n",
		"_posts/2014-09-02-hello.md": "---\ntitle: Hello\ndate: 2014-09-02 00:30:00\n---\n",
		"_pages/about.md":            "---\ntitle: About\npermalink: /about/\n---\nme\n",
		"_recipes/curry.md":          "---\ntitle: Curry\n---\nspicy\n",
		"_layouts/post.html":         "{{ content }}",
		"docs/install/index.md":      "---\ntitle: Install\n---\nsteps\n",
		"docs/README.md":             "no front matter: copied as is by Jekyll",
		"notes/secret.md":            "---\ntitle: Excluded\n---\n",
		"_unlisted/private.md":       "---\ntitle: Not a collection\n---\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(c.Pages); got != "about,curry,install" {
		t.Errorf("pages %s", got)
	}
	if p := bySlug(c.Posts, "hello"); p == nil || !p.Date.Equal(time.Date(2014, 9, 1, 15, 30, 0, 0, time.UTC)) {
		t.Errorf("hello: %+v", p)
	}
	if about := bySlug(c.Pages, "about"); about == nil || !slices.Contains(about.Aliases, "/about/") {
		t.Errorf("about: %+v", about)
	}
}

// Liquid's "{{ … }}" and "{% … %}" are text to Hugo: a Go post's prose
// keeps them (capsule dropped them, with a warning). Hugo's shortcodes
// are still template code.
func TestHugoKeepsLiquidAsText(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":             "title = 'H'\n",
		"content/posts/go.md":   "---\ntitle: Go\ndate: 2020-01-01\n---\nA slice {{ 1, 2, 3 }} and {% raw %} stay.\n\n{{< figure src=\"a.png\" caption=\"図\" >}}\n",
		"content/posts/more.md": "---\ntitle: More\ndate: 2020-01-02\n---\ntext\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	p := bySlug(c.Posts, "go")
	if p == nil || !strings.Contains(string(p.Body), "A slice {{ 1, 2, 3 }} and {% raw %} stay.") || strings.Contains(string(p.Body), "{{<") {
		t.Errorf("body %q", p.Body)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings %v", c.Warnings)
	}
}

// Hugo merges the root configuration file with config/_default/, the
// folder's files winning for a key set in both (hugo config says so);
// Blowfish's layout names each language in a file of its own,
// languages.<code>.toml, read as [languages.<code>].
func TestHugoConfigRootAndFolderMerged(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.yaml":                            "title: Root\ndefaultContentLanguage: en\nparams:\n  description: from the root\n  mainSections: [notes]\n",
		"config/_default/hugo.toml":            "title = 'Folder'\n",
		"config/_default/params.toml":          "mainSections = ['blog']\n",
		"config/_default/languages.en.toml":    "weight = 1\nlanguageName = 'English'\n",
		"config/_default/languages.pt-BR.toml": "weight = 2\nlanguageName = 'Português'\ntitle = 'Pasta'\n",
		"content/blog/a/index.md":              "---\ntitle: A\ndate: 2024-01-02\n---\n",
		"content/blog/a/index.pt-br.md":        "---\ntitle: A pt\ndate: 2024-01-02\n---\n",
		"content/notes/b.md":                   "---\ntitle: B\ndate: 2024-01-02\n---\n",
	})
	c, err := Load(root, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for _, l := range c.Languages {
		langs = append(langs, l.Code+" "+l.Name+" "+l.Title+" "+l.Dir)
	}
	if got := strings.Join(langs, ", "); got != "en English  , pt-br Português Pasta /pt-br" {
		t.Errorf("languages %q", got)
	}
	if c.Meta.Title != "Folder" || c.Meta.Description != "from the root" {
		t.Errorf("meta %+v: want the folder's title and the root's description", c.Meta)
	}
	var posts []string
	for _, p := range c.Posts {
		posts = append(posts, p.Slug+":"+p.Lang)
	}
	if got := strings.Join(posts, ","); got != "a:en,a:pt-br" || slugsOf(c.Pages) != "b" {
		t.Errorf("posts %s, pages %s (mainSections is the folder's: blog)", got, slugsOf(c.Pages))
	}
}

// Without a root file too: config/_default/languages.<code>.toml each a
// language.
func TestHugoLanguageFilesInConfigFolder(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"config/_default/hugo.toml":         "title = 'T'\ndefaultContentLanguage = 'ja'\n",
		"config/_default/languages.ja.toml": "weight = 1\n",
		"config/_default/languages.en.toml": "weight = 2\n[params]\ndescription = 'in English'\n",
		"config/_default/menus.en.toml":     "[[main]]\nname = 'Posts'\n",
		"content/posts/a.md":                "---\ntitle: A\ndate: 2024-01-02\n---\n",
		"content/posts/a.en.md":             "---\ntitle: A\ndate: 2024-01-02\n---\n",
	})
	c, err := Load(root, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Languages) != 2 || c.Languages[0].Code != "ja" || c.Languages[1].Code != "en" || c.Languages[1].Dir != "/en" || c.Languages[1].Description != "in English" || len(c.Posts) != 2 {
		t.Errorf("languages %+v, %d posts", c.Languages, len(c.Posts))
	}
}

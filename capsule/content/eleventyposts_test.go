package content

import (
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// An Eleventy site that keeps its posts in Jekyll's _posts folder
// (zachleat.com: eleventy.config.js, no _config.yml) is an Eleventy
// site: Eleventy builds an "_" folder as any other, leaving out only its
// _includes, _data and layouts folders and what its ignore files list.
// It was read as Jekyll: Jekyll's addresses, its template data files
// (_posts/*.json) warned about as posts, and Eleventy's date: Last
// Modified a problem. Its posts are where its folder's permalink
// function writes them (/web/${ page.fileSlug }/), an index.md in a
// dated folder dated and named by it, as Eleventy's date and fileSlug
// take it.
func TestEleventyPostsInUnderscoreFolder(t *testing.T) {
	files := map[string]string{
		"eleventy.config.js":                "export default function (eleventyConfig) {}\n",
		".gitignore":                        "_scratch/\nnode_modules\n",
		"_posts/_posts.11tydata.js":         "export default {\n\tlayout: \"post.liquid\",\n\tpermalink: function({page}) {\n\t\treturn `/web/${ page.fileSlug }/`\n\t},\n};\n",
		"_posts/2020-01-01-hello.md":        "---\ntitle: Hello\n---\nHello.\n",
		"_posts/2020-01-01-hello.json":      `{"metadata": {"x": 1}}`,
		"_posts/2021-01-30-folder/index.md": "---\ntitle: Folder\n---\nIn a folder.\n",
		"_posts/2022-02-02-own.md":          "---\ntitle: Own\npermalink: /web/own/2022/\n---\nOwn.\n",
		"_includes/note.md":                 "---\ntitle: Include\n---\nA partial.\n",
		"_data/site.json":                   `{"title": "Zed"}`,
		"_scratch/draft.md":                 "---\ntitle: Scratch\n---\nIgnored by .gitignore.\n",
		"_notes/notes.md":                   "---\ntitle: Notes\n---\nBuilt by Eleventy.\n",
		"speaking.md":                       "---\ntitle: Speaking\ndate: Last Modified\n---\nAsk.\n",
	}
	site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(site.Layout, "an Eleventy site") {
		t.Errorf("layout %q, want an Eleventy site", site.Layout)
	}
	posts := make(map[string]string)
	for _, p := range site.Posts {
		posts[p.Title] = p.Date.Format("2006-01-02") + " " + strings.Join(slices.Concat(p.Aliases, p.Addresses), " ")
	}
	want := map[string]string{
		"Hello":  "2020-01-01 /web/hello/",
		"Folder": "2021-01-30 /web/folder/",
		"Own":    "2022-02-02 /web/own/2022/",
	}
	if len(posts) != len(want) {
		t.Errorf("posts %q, want %q", posts, want)
	}
	for title, w := range want {
		if posts[title] != w {
			t.Errorf("%s: %q, want %q", title, posts[title], w)
		}
	}
	var pages []string
	for _, p := range site.Pages {
		pages = append(pages, p.Title)
	}
	slices.Sort(pages)
	if w := []string{"Notes", "Speaking"}; !slices.Equal(pages, w) {
		t.Errorf("pages %q, want %q (_includes and the .gitignore's _scratch are not built)", pages, w)
	}
	for _, w := range site.Warnings {
		if strings.Contains(w.File, ".json") || strings.Contains(w.File, ".11tydata") {
			t.Errorf("warning about a data file: %v", w)
		}
	}
}

// What Jekyll sites get is unchanged: a _posts folder with _config.yml
// is Jekyll's even beside an Eleventy configuration, and _posts alone,
// with no Eleventy or Astro configuration, is Jekyll's.
func TestUnderscorePostsStillJekyll(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"_config.yml beside eleventy.config.js": {
			"_config.yml":                "title: J\n",
			"eleventy.config.js":         "export default function () {}\n",
			"_posts/2020-01-01-hello.md": "---\ntitle: Hello\n---\nHello.\n",
		},
		"_posts alone": {
			"_posts/2020-01-01-hello.md": "---\ntitle: Hello\n---\nHello.\n",
		},
	} {
		t.Run(name, func(t *testing.T) {
			site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(site.Layout, "a Jekyll site") {
				t.Errorf("layout %q, want a Jekyll site", site.Layout)
			}
			if len(site.Posts) != 1 || !slices.Contains(site.Posts[0].Addresses, "/2020/01/01/hello.html") {
				t.Errorf("posts %v, want Hello at Jekyll's /2020/01/01/hello.html", site.Posts)
			}
		})
	}
}

// .gitignore is no list of what Eleventy ignores when its configuration
// says setUseGitIgnore(false) (zachleat.com's).
func TestEleventyNoGitIgnore(t *testing.T) {
	site, err := loadStrict(testfs.Write(t, map[string]string{
		".eleventy.js":    "module.exports = function (eleventyConfig) {\n\televentyConfig.setUseGitIgnore(false);\n};\n",
		".gitignore":      "posts/kept.md\n",
		"posts/kept.md":   jsPost("Kept", "2024-01-01", ""),
		"posts/also.md":   jsPost("Also", "2024-01-02", ""),
		".eleventyignore": "posts/gone.md\n",
		"posts/gone.md":   jsPost("Gone", "2024-01-03", ""),
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, p := range site.Posts {
		titles = append(titles, p.Title)
	}
	slices.Sort(titles)
	if w := []string{"Also", "Kept"}; !slices.Equal(titles, w) {
		t.Errorf("posts %q, want %q", titles, w)
	}
}

// A folder's JavaScript data's permalink is read when it is a literal, or
// a function of the page returning one template literal of its fileSlug
// or filePathStem; anything computed otherwise is not capsule's to guess.
// Eleventy takes a date off both, and off an index.md's folder's name.
func TestEleventyJSDataPermalink(t *testing.T) {
	for src, want := range map[string]string{
		"export default {\n\tpermalink: function({page}) {\n\t\treturn `/web/${ page.fileSlug }/`\n\t},\n};": "/web/{{ page.fileSlug }}/",
		"module.exports = {\n  permalink: (data) => `${data.page.filePathStem}/`,\n};":                       "{{ page.filePathStem }}/",
		"module.exports = {\n  permalink(data) { return `/n/${data.page.fileSlug}/`; },\n};":                 "/n/{{ page.fileSlug }}/",
		"module.exports = {\n  permalink: \"/notes/{{ page.fileSlug }}/\",\n};":                              "/notes/{{ page.fileSlug }}/",
		"module.exports = {\n  permalink: ({page}) => `/${page.date.getFullYear()}/${page.fileSlug}/`,\n};":  "",
		"module.exports = {\n  permalink: (data) => data.draft ? false : `/${data.page.fileSlug}/`,\n};":     "",
		"module.exports = { eleventyComputed: { title: (d) => d.x } };":                                      "",
	} {
		if got := jsDataPermalink([]byte(src)); got != want {
			t.Errorf("%s\n: %q, want %q", src, got, want)
		}
	}
	for rel, want := range map[string]string{
		"_posts/2020-01-01-hello.md":      "/web/hello/ /_posts/hello/",
		"_posts/2021-01-30-fold/index.md": "/web/fold/ /_posts/2021-01-30-fold/index/",
		"notes/plain.md":                  "/web/plain/ /notes/plain/",
	} {
		got := expandEleventyPermalink("/web/{{ page.fileSlug }}/", rel, nil, pageDate{}) + " " + expandEleventyPermalink("{{ page.filePathStem }}/", rel, nil, pageDate{})
		if got != want {
			t.Errorf("%s: %q, want %q", rel, got, want)
		}
	}
}

// An Eleventy site whose .gitignore leaves out its posts (jin-11ty-
// template's "posts/*", then "!posts/", a line Eleventy does not read)
// has nothing Eleventy builds, and nothing is served: the warning says
// which line leaves the posts out, rather than only that there is
// nothing; node_modules' Markdown, which a line leaves out too, is not
// named for it.
func TestEleventyIgnoredPostsNamed(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		".eleventy.js":                "export default function (c) {}\n",
		".gitignore":                  "_site\nnode_modules\nposts/*\n!posts/\n",
		"node_modules/x/CHANGELOG.md": "# Changes\n",
		"posts/en/0001.md":            "---\ntitle: simple example\ntags: example\n---\n\nthis is a simple example.\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, w := range c.Warnings {
		b.WriteString(w.Error() + "\n")
	}
	if got := b.String(); !strings.Contains(got, "no posts and no pages") || !strings.Contains(got, `the line "posts/*" of .gitignore leaves out its Markdown (posts/en)`) {
		t.Errorf("the warning does not name the .gitignore's line:\n%s", got)
	}
}

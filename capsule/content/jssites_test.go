package content

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// jsPost is a post of an Eleventy or Astro fixture.
// servedFiles loads the site of files and returns the paths of the files
// it serves beside its posts, sorted.
func servedFiles(t *testing.T, files map[string]string) []string {
	t.Helper()
	site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range site.Files {
		paths = append(paths, f.Path)
	}
	slices.Sort(paths)
	return paths
}

func jsPost(title, date, extra string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\n" + extra + "---\nText.\n"
}

// An Eleventy site with a folder per language at the top of its input
// folder (en/blog, ja/blog): its sections are the folders within, and its
// default language, none being named, is the one of the most posts; the
// start's line says where its posts are.
func TestEleventyLanguageFolders(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		def   string
	}{
		{"English has most", map[string]string{
			"content/en/blog/a.md": jsPost("A", "2024-01-01", ""),
			"content/en/blog/b.md": jsPost("B", "2024-01-02", ""),
			"content/ja/blog/a.md": jsPost("エー", "2024-01-01", ""),
		}, "en"},
		{"Japanese has most", map[string]string{
			"content/en/blog/a.md": jsPost("A", "2024-01-01", ""),
			"content/ja/blog/a.md": jsPost("エー", "2024-01-01", ""),
			"content/ja/blog/b.md": jsPost("ビー", "2024-01-02", ""),
		}, "ja"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.files["eleventy.config.js"] = `export default function (c) { return { dir: { input: "content" } }; }`
			dir := testfs.Write(t, c.files)
			site, err := loadStrict(dir, LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, l := range site.Languages {
				codes = append(codes, l.Code)
			}
			if len(codes) != 2 || codes[0] != c.def || site.Meta.Lang != c.def {
				t.Errorf("languages %q, site's %q: want %s first and the site's", codes, site.Meta.Lang, c.def)
			}
			if len(site.Posts) != 3 || len(site.Pages) != 0 {
				t.Errorf("%d posts, %d pages: want the 3 posts of blog, whatever their language (%s)", len(site.Posts), len(site.Pages), site.Layout)
			}
			// The start's line names the folders that are there (it said
			// "content/blog").
			if want := "posts from content/{en,ja}/blog,"; !strings.Contains(site.Layout, want) {
				t.Errorf("layout %q, want it to say %q", site.Layout, want)
			}
			for _, p := range site.Posts {
				if want := map[bool]string{true: "", false: "/" + p.langCode}[p.langCode == c.def]; p.LangDir != want || p.Slug != "a" && p.Slug != "b" {
					t.Errorf("%s: slug %q in %q, want in %q", p.File, p.Slug, p.LangDir, want)
				}
				if p.Slug == "a" && !slices.ContainsFunc(p.Translations, func(tr Translation) bool { return tr.Slug == "a" }) {
					t.Errorf("%s: no translation linked", p.File)
				}
			}
		})
	}
}

// An Eleventy page that is a template (a permalink to fill in, or
// pagination over data) is no page: left out with one warning for all,
// never a problem, as Eleventy builds it.
func TestEleventyTemplatePages(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"eleventy.config.js":   `export default function (c) { return { dir: { input: "content" } }; }`,
		"content/tag.md":       "---\nlayout: tag\npermalink: \"tags/{{ tag|slugify }}/index.html\"\n---\nPosts tagged {{ tag }}.\n",
		"content/tags.md":      "---\ntitle: Tags\npagination:\n  data: collections\n  size: 1\n---\nAll of them.\n",
		"content/about.md":     "---\ntitle: About\npermalink: /about/\n---\nMe.\n",
		"content/blog/post.md": jsPost("Post", "2024-01-01", ""),
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Pages) != 1 || site.Pages[0].Title != "About" || len(site.Posts) != 1 {
		t.Errorf("pages %v, %d posts: want About alone and the post", site.Pages, len(site.Posts))
	}
	var kinds []string
	for _, w := range site.Warnings {
		kinds = append(kinds, w.Kind)
	}
	if n := len(slices.DeleteFunc(slices.Clone(kinds), func(k string) bool { return k != "template page" })); n != 2 {
		t.Errorf("%d template page warnings, want 2: %v", n, site.Warnings)
	}
}

// Eleventy's passthrough copies given by a name, as mvsde's configuration
// does (const list = { public: "/" }; addPassthroughCopy(list)), are
// followed to the literal: their files are served.
func TestEleventyPassthroughByName(t *testing.T) {
	paths := servedFiles(t, map[string]string{
		"eleventy.config.js": "const passthroughCopyList = {\n\tpublic: \"/\",\n};\nlet assets = [\"assets\", \"./static/*.png\"];\n" +
			"export default function (c) {\n\tc.addPassthroughCopy(passthroughCopyList);\n\tc.addPassthroughCopy(assets);\n\treturn { dir: { input: \"content\" } };\n}\n",
		"public/files/talk.pdf":  "PDF",
		"public/favicon.svg":     "<svg/>",
		"assets/logo.png":        "PNG",
		"content/blog/post.md":   jsPost("Post", "2024-01-01", ""),
		"content/blog/blog.yaml": "layout: post\n",
	})
	if want := []string{"assets/logo.png", "favicon.svg", "files/talk.pdf"}; !slices.Equal(paths, want) {
		t.Errorf("files %q, want %q", paths, want)
	}
}

// An Eleventy or Astro site is titled where its starters keep the title:
// Eleventy's global data (dir.data of the configuration, relative to the
// input folder), Astro's src/consts.ts, else the host of Astro's site;
// the site file comes first.
func TestJSSiteTitle(t *testing.T) {
	eleventy := `export default function (c) { return { dir: { input: "content", data: "../_data" } }; }`
	post := map[string]string{"content/blog/post.md": jsPost("Post", "2024-01-01", "")}
	astroPost := map[string]string{"src/content/blog/post.md": jsPost("Post", "2024-01-01", "")}
	for _, c := range []struct {
		name                       string
		files, more                map[string]string
		wantTitle, wantDescription string
	}{
		{"Eleventy metadata.js", post, map[string]string{"eleventy.config.js": eleventy,
			"_data/metadata.js": "export default {\n\ttitle: \"Base Blog\",\n\tdescription: \"I write.\",\n\tauthor: {\n\t\ttitle: \"Not this\",\n\t},\n};\n"},
			"Base Blog", "I write."},
		{"Eleventy site.yaml in _data of the input", post, map[string]string{"eleventy.config.js": `export default { dir: { input: "content" } };`,
			"content/_data/site.yaml": "title: YAML Blog\n"}, "YAML Blog", ""},
		{"Eleventy: the site file first", post, map[string]string{"eleventy.config.js": eleventy,
			"_data/metadata.json": `{"title": "Data", "description": "From data."}`, "content/_index.md": "---\ntitle: Mine\n---\n"},
			"Mine", "From data."},
		{"Eleventy site.json of the Hylia starter: name", post, map[string]string{"eleventy.config.js": `export default { dir: { input: "content" } };`,
			"content/_data/site.json": `{"name": "INITTO", "shortDesc": "Dev notes", "authorName": "team"}`}, "INITTO", "Dev notes"},
		// dollplayer2501's: a <br /> its template prints as HTML, and its
		// language (as the site's lang).
		{"Eleventy site.json with HTML and a language", post, map[string]string{"eleventy.config.js": `export default { dir: { input: "content" } };`,
			"content/_data/site.json": `{"title": "unlimited", "description": "電算職<br />どうでもよき事", "language": "ja"}`}, "unlimited", "電算職どうでもよき事"},
		{"Astro consts.ts", astroPost, map[string]string{"astro.config.mjs": `export default defineConfig({ site: "https://blog.example.org" });`,
			"src/consts.ts": "export const SITE_TITLE = 'Astro Blog';\nexport const SITE_DESCRIPTION = \"Welcome to my website!\";\n"},
			"Astro Blog", "Welcome to my website!"},
		{"Astro consts.ts's SITE object", astroPost, map[string]string{"astro.config.mjs": `export default defineConfig({ site: "https://astro-micro.vercel.app" });`,
			"src/consts.ts": "export const SITE: Site = {\n  TITLE: \"Astro Micro\",\n  DESCRIPTION: \"Light.\",\n};\nexport const HOME: Metadata = {\n  TITLE: \"Home\",\n};\n"}, "Astro Micro", "Light."},
		// astro-nano's: the site's NAME, not the home page's TITLE,
		// whose DESCRIPTION is the site's.
		{"Astro consts.ts's SITE NAME", astroPost, map[string]string{"astro.config.mjs": `export default defineConfig({ site: "https://astro-nano-demo.vercel.app" });`,
			"src/consts.ts": "export const SITE: Site = {\n  NAME: \"Astro Nano\",\n  NUM_POSTS_ON_HOMEPAGE: 3,\n};\nexport const HOME: Metadata = {\n  TITLE: \"Home\",\n  DESCRIPTION: \"Minimal.\",\n};\n"}, "Astro Nano", "Minimal."},
		{"Astro config.ts of fuwari", astroPost, map[string]string{"astro.config.mjs": `export default defineConfig({ site: "https://fuwari.vercel.app/" });`,
			"src/config.ts": "export const siteConfig: SiteConfig = {\n\ttitle: \"Fuwari\",\n\tsubtitle: \"Demo Site\",\n\tlang: \"en\",\n};\n"}, "Fuwari", ""},
		{"Astro site", astroPost, map[string]string{"astro.config.mjs": `export default defineConfig({ site: 'https://tzz.dev' });`}, "tzz.dev", ""},
		{"Astro example.com", astroPost, map[string]string{"astro.config.mjs": `export default defineConfig({ site: "https://example.com" });`}, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := maps.Clone(c.files)
			maps.Copy(files, c.more)
			site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			if site.Meta.Title != c.wantTitle || site.Meta.Description != c.wantDescription {
				t.Errorf("title %q, description %q; want %q, %q", site.Meta.Title, site.Meta.Description, c.wantTitle, c.wantDescription)
			}
			if wantLang := map[bool]string{true: "ja", false: "en"}[strings.Contains(c.name, "language")]; site.Meta.Lang != wantLang {
				t.Errorf("lang %q, want %q", site.Meta.Lang, wantLang)
			}
		})
	}
}

// The web host's files in a static folder (Netlify's and Cloudflare's
// _redirects and _headers) are not served: they are the host's.
func TestHostConfigFilesNotServed(t *testing.T) {
	paths := servedFiles(t, map[string]string{
		"astro.config.mjs":         `export default defineConfig({});`,
		"public/_redirects":        "/ /zh-tw/ 301\n",
		"public/_headers":          "/*\n  X-Frame-Options: DENY\n",
		"public/img/a.png":         "PNG",
		"src/content/blog/post.md": jsPost("Post", "2024-01-01", ""),
	})
	if !slices.Equal(paths, []string{"img/a.png"}) {
		t.Errorf("files %q, want img/a.png alone", paths)
	}
}

// Eleventy's date: Last Modified (and Created, and their git forms) is
// the file's modification time: a post, not an undated page.
func TestEleventyFileDates(t *testing.T) {
	files := map[string]string{
		"eleventy.config.js":    `export default function (c) { return { dir: { input: "content" } }; }`,
		"content/blog/dated.md": jsPost("Dated", "2020-01-01", ""),
	}
	for i, d := range []string{"Last Modified", "git Last Modified", "Created", "git Created"} {
		files[fmt.Sprintf("content/blog/p%d.md", i)] = jsPost(d, d, "")
	}
	dir := testfs.Write(t, files)
	mtime := time.Date(2023, 6, 7, 8, 9, 10, 0, time.UTC)
	for i := range 4 {
		if err := os.Chtimes(filepath.Join(dir, "content", "blog", fmt.Sprintf("p%d.md", i)), mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 5 || len(site.Pages) != 0 {
		t.Fatalf("%d posts, %d pages: want 5 posts (warnings %v)", len(site.Posts), len(site.Pages), site.Warnings)
	}
	for _, p := range site.Posts {
		if p.Title != "Dated" && !p.Date.Equal(mtime) {
			t.Errorf("%s: dated %v, want its file's %v", p.Title, p.Date, mtime)
		}
	}
}

// An Astro site whose collections' glob loaders keep the posts outside
// src/content (base: "./src/data/blog") has them read from there.
func TestAstroGlobLoaderBase(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"astro.config.mjs":        `export default defineConfig({});`,
		"src/content.config.ts":   "import { glob } from 'astro/loaders';\nconst blog = defineCollection({\n\tloader: glob({ pattern: \"**/*.md\", base: \"./src/data/blog\" }),\n\tschema: z.object({ title: z.string() }),\n});\n",
		"src/data/blog/first.md":  jsPost("First", "2024-01-01", ""),
		"src/data/blog/second.md": jsPost("Second", "2024-01-02", ""),
		"src/pages/index.astro":   "---\n---\n<h1>Home</h1>\n",
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 2 {
		t.Errorf("%d posts, want 2 (%s)", len(site.Posts), site.Layout)
	}
	// A folder per language under the base: their posts are posts, not
	// pages (they were, and a future one was served), and an MDX post
	// is not served as its source, with a warning.
	dir = testfs.Write(t, map[string]string{
		"astro.config.mjs":          `export default defineConfig({ i18n: { defaultLocale: "en", locales: ["en", "ja"] } });`,
		"src/content.config.ts":     "import { glob } from 'astro/loaders';\nconst blog = defineCollection({\n\tloader: glob({ pattern: \"**/*.{md,mdx}\", base: \"./src/data/blog\" }),\n});\n",
		"src/data/blog/en/hello.md": jsPost("Hello", "2024-01-01", ""),
		"src/data/blog/en/later.md": jsPost("Later", "2031-01-01", ""),
		"src/data/blog/ja/hello.md": jsPost("こんにちは", "2024-01-01", ""),
		"src/data/blog/en/comp.mdx": "---\ntitle: Comp\npubDate: 2024-01-03\n---\nimport Foo from '../Foo.astro';\n\n<Foo />\n",
	})
	site, err = loadStrict(dir, LoadOptions{Settle: -1, Now: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 2 || len(site.Pages) != 0 || len(site.Scheduled) != 1 || len(site.Files) != 0 {
		t.Errorf("%d posts, %d pages, %d scheduled, files %v: want 2, 0, 1 and none (%s)", len(site.Posts), len(site.Pages), len(site.Scheduled), site.Files, site.Layout)
	}
	if !slices.ContainsFunc(site.Warnings, func(w *FileError) bool { return w.Kind == "MDX not read" }) {
		t.Errorf("no warning of the MDX post: %v", site.Warnings)
	}
}

// Eleventy runs its Markdown through a template language (Liquid by
// default): a variable from its data, which capsule does not read, is
// dropped with a warning rather than shown as "{{ author.fullName }}";
// its home page's index.md is the home page's text.
func TestEleventyTemplateVariables(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"eleventy.config.js":   `export default function (c) { return { dir: { input: "content" } }; }`,
		"content/index.md":     "---\nlayout: home.njk\ntitle: Hello there\n---\nMy name is {{ author.fullName }}.\n",
		"content/blog/post.md": jsPost("Post", "2020-01-01", ""),
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var home *Post
	for _, p := range site.Unlisted {
		if p.Home {
			home = p
		}
	}
	if home == nil || string(home.Body) != "My name is .\n" {
		t.Fatalf("home text: %+v", home)
	}
	if len(site.Pages) != 0 {
		t.Errorf("index.md is a page too: %d pages", len(site.Pages))
	}
	warned := false
	for _, w := range site.Warnings {
		warned = warned || w.Line == 5 && filepath.Base(w.File) == "index.md"
	}
	if !warned {
		t.Errorf("no warning for the variable at index.md:5: %v", site.Warnings)
	}
}

// What Eleventy reads but never writes out is not served: its global
// data (_data/secrets.json was), includes and layouts folders, by their
// configured names, and what its ignore files list, the project's from
// the project's folder (an input of src: src/posts/x.md), the input
// folder's from that one. A post with permalink: false is written
// nowhere: left out, with a warning, not a problem. A string of tags is
// split at its commas, as Eleventy splits it (it was refused). Nor are
// the sources of its stylesheets (src/scss/_config.scss, served from
// dev-protocol/initto) or templates of its other languages.
func TestEleventyUnwrittenNotServed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"eleventy.config.js":        `export default function (c) { return { dir: { input: "src", data: "_globals", layouts: "_layouts" } }; }`,
		".eleventyignore":           "src/posts/ignored.md\nREADME.md\n",
		"src/.eleventyignore":       "posts/also-ignored.md\n",
		"src/_globals/secrets.json": `{"token": "abc"}`,
		"src/_includes/base.html":   "<html>{{ content }}</html>",
		"src/_includes/note.txt":    "partial",
		"src/_layouts/post.md":      "layout text",
		"src/images/a.png":          "PNG",
		"src/scss/_config.scss":     "$brand: #333;",
		"src/css/site.sass":         "body\n  margin: 0",
		"src/_partials/card.hbs":    "<div>{{title}}</div>",
		"src/about.pug":             "p about",
		"src/posts/kept.md":         "---\ntitle: Kept\ndate: 2024-01-01\ntags: \"another tag, second\"\n---\nkept\n",
		"src/posts/ignored.md":      jsPost("Ignored", "2024-01-02", ""),
		"src/posts/also-ignored.md": jsPost("Also", "2024-01-03", ""),
		"src/posts/nooutput.md":     "---\ntitle: Data\ndate: 2024-01-04\npermalink: false\n---\ndata\n",
		// A folder's data says it (dollplayer2501's sections.json), its
		// subfolders too; a page's own permalink wins.
		"src/sections/sections.json":   `{"permalink": false}`,
		"src/sections/part_01.md":      "---\ntitle: Part one\n---\nIncluded elsewhere.\n",
		"src/sections/deep/part_02.md": "---\ntitle: Part two\n---\nIncluded elsewhere.\n",
		"src/notes/notes.11tydata.js":  "module.exports = { permalink: false };\n",
		"src/notes/note.md":            "---\ntitle: Note\n---\nA note.\n",
		"src/sections/own.md":          "---\ntitle: Own\npermalink: /own/\n---\nMine.\n",
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var titles, files []string
	for _, p := range slices.Concat(site.Posts, site.Pages) {
		titles = append(titles, p.Title)
	}
	for _, f := range site.Files {
		files = append(files, f.Path)
	}
	slices.Sort(titles)
	if strings.Join(titles, ",") != "Kept,Own" || strings.Join(files, ",") != "images/a.png" {
		t.Errorf("served %q and files %q, want Kept, Own and images/a.png", titles, files)
	}
	if len(site.Posts) == 1 && strings.Join(site.Posts[0].Tags, "|") != "another tag|second" {
		t.Errorf("tags %q", site.Posts[0].Tags)
	}
	found := false
	for _, w := range site.Warnings {
		found = found || w.Kind == "no page written" && strings.HasSuffix(w.File, "nooutput.md")
	}
	if !found {
		t.Errorf("no warning for permalink: false: %v", site.Warnings)
	}
}

// An Eleventy page named as its folder is written at the folder's
// address, as an index.md there is: blog/fourthpost/fourthpost.md at
// /blog/fourthpost/ (its old address led nowhere,
// /blog/fourthpost/fourthpost/).
func TestEleventyFolderNamedPage(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"eleventy.config.js":                    `export default function (c) { return { dir: { input: "content" } }; }`,
		"content/blog/fourthpost/fourthpost.md": jsPost("Fourth", "2024-01-04", ""),
		"content/blog/fifth/other.md":           jsPost("Other", "2024-01-05", ""),
		"content/blog/first.md":                 jsPost("First", "2024-01-01", ""),
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range site.Posts {
		got[p.Title] = strings.Join(p.Addresses, " ")
	}
	want := map[string]string{"Fourth": "/blog/fourthpost/", "Other": "/blog/fifth/other/", "First": "/blog/first/"}
	if !maps.Equal(got, want) {
		t.Errorf("addresses %v, want %v", got, want)
	}
}

// Every collection of an Astro site is posts: its dated entries posts,
// its undated ones pages, quietly. Found on a real Astro blog
// (keisuke-yamauch1/astro-blog): its largest collection (diary) alone was
// posts, as Hugo's mainSections would have it, and the 18 dated articles
// of blog and emonicle were undated pages, out of the feed, with no tags.
func TestAstroCollectionsArePosts(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"astro.config.mjs":                "export default defineConfig({ site: 'https://example.org' });",
		"src/content/diary/2024-01-01.md": "---\ntitle: 日記一\npubDate: 2024-01-01\n---\n本文。\n",
		"src/content/diary/2024-01-02.md": "---\ntitle: 日記二\npubDate: 2024-01-02\n---\n本文。\n",
		"src/content/diary/2024-01-03.md": "---\ntitle: 日記三\npubDate: 2024-01-03\n---\n本文。\n",
		"src/content/blog/first.md":       "---\ntitle: 記事\npubDate: 2024-02-01\ntags: [astro]\n---\n本文。\n",
		"src/content/authors/me.md":       "---\ntitle: 私\n---\n自己紹介。\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var posts, pages []string
	for _, p := range c.Posts {
		posts = append(posts, p.Title)
	}
	for _, p := range c.Pages {
		pages = append(pages, p.Title)
	}
	slices.Sort(posts)
	if !slices.Equal(posts, []string{"日記一", "日記三", "日記二", "記事"}) || !slices.Equal(pages, []string{"私"}) {
		t.Errorf("posts %q, pages %q", posts, pages)
	}
	for _, w := range c.Warnings {
		if w.Kind == "no date" {
			t.Errorf("warning: %v", w)
		}
	}
	if want := "posts from the dated entries of its collections"; !strings.Contains(c.Layout, want) {
		t.Errorf("layout %q, want it to say %q", c.Layout, want)
	}
}

// An Astro (or Eleventy) entry named for its language (kenfdev-blog's
// posts/alpha/index.ja.md and index.en.md) is its folder's page in that
// language, as a language folder would make it: slug alpha, not
// index.ja (whose collisions were warned one by one), each language a
// capsule, the two linked as translations.
func TestJSLanguageNamedEntries(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"astro.config.mjs":                     "export default {}\n",
		"src/content/posts/alpha/index.ja.md":  "---\ntitle: アルファ\ndate: 2026-01-02\n---\n本文。\n",
		"src/content/posts/alpha/index.en.md":  "---\ntitle: Alpha\ndate: 2026-01-02\n---\nBody.\n",
		"src/content/posts/beta/index.ja.md":   "---\ntitle: ベータ\ndate: 2026-01-03\n---\n本文。\n",
		"src/content/posts/gamma/gamma.ja.md":  "---\ntitle: ガンマ\ndate: 2026-01-04\n---\n本文。\n",
		"src/content/posts/v1.2/notes.v1.2.md": "---\ntitle: Notes\ndate: 2026-01-05\n---\nText.\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range c.Posts {
		got[p.Title] = p.LangDir + "/" + p.Slug + " " + p.Lang
		if p.Title == "アルファ" && (len(p.Translations) != 1 || p.Translations[0].Lang != "en") {
			t.Errorf("アルファ's translations: %+v", p.Translations)
		}
	}
	// Notes, in no language, is in the site's (en), the default one.
	want := map[string]string{"アルファ": "/ja/alpha ja", "Alpha": "/alpha en", "ベータ": "/ja/beta ja", "ガンマ": "/ja/gamma ja", "Notes": "/notes.v1.2 en"}
	if !maps.Equal(got, want) {
		t.Errorf("posts %v, want %v", got, want)
	}
	for _, w := range c.Warnings {
		if w.Kind == "duplicate slug" {
			t.Errorf("warning: %v", w)
		}
	}
}

// An Eleventy site whose package.json names its configuration, input and
// output on eleventy's command line (dollplayer2501's `eleventy
// --config=Eleventy.js --output=docs`, ginpei's `--input=books/`) is read
// as Eleventy reads it: the configuration named, the input folder, and
// neither the committed build nor the data folder served.
func TestEleventyCommandLine(t *testing.T) {
	for name, c := range map[string]struct {
		files     map[string]string
		posts     string // the folder of the posts, relative to the site
		wantTitle string
	}{
		"config and output": {map[string]string{
			"package.json":          `{"scripts": {"start": "eleventy --serve", "build": "eleventy --config=Eleventy.js --output=docs"}, "dependencies": {"@11ty/eleventy": "^0.12.1"}}`,
			"Eleventy.js":           `module.exports = function (c) { return { dir: { input: "src", output: "_site" } }; };`,
			"src/_data/site.json":   `{"name": "My Site", "GoogleAnalytics4": "G-XXXX"}`,
			"src/posts/post.md":     jsPost("Post", "2024-01-01", ""),
			"src/posts/photo.png":   "PNG",
			"docs/index.html":       "<html>built</html>",
			"docs/posts/index.html": "<html>built</html>",
		}, "src", "My Site"},
		"input and output apart": {map[string]string{
			"package.json":          `{"scripts": {"build": "npx @11ty/eleventy --input books/ --output ./public"}}`,
			"books/_data/site.json": `{"title": "Books"}`,
			"books/en/post.md":      jsPost("Post", "2024-01-01", ""),
			"books/en/photo.png":    "PNG",
			"public/index.html":     "<html>built</html>",
		}, "books", "Books"},
	} {
		site, err := loadStrict(testfs.Write(t, c.files), LoadOptions{Settle: -1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var files []string
		for _, f := range site.Files {
			files = append(files, f.Path)
		}
		if len(site.Posts) != 1 || !slices.Equal(files, []string{path.Dir(strings.TrimPrefix(site.Posts[0].Path(), "/")) + "/photo.png"}) {
			t.Errorf("%s: %d posts, files %q; want the post and its photo alone", name, len(site.Posts), files)
		}
		if site.Meta.Title != c.wantTitle {
			t.Errorf("%s: title %q, want %q", name, site.Meta.Title, c.wantTitle)
		}
	}
}

// An Astro site whose collection is all MDX (kosaku-hayashi's) has its
// posts' folder in src/content still: each entry is named in a warning,
// not left behind src/pages, whose absence was a problem.
func TestAstroCollectionOfMDXNamed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"astro.config.mjs":            "export default {}\n",
		"src/content/blog/hello.mdx":  "---\ntitle: Hello\n---\nimport X from './x';\n\n<X/>\n",
		"src/content/blog/second.mdx": "---\ntitle: Second\n---\nText.\n",
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, w := range site.Warnings {
		if strings.HasSuffix(w.File, ".mdx") && strings.Contains(w.Msg, "MDX") {
			named++
		}
	}
	if named != 2 {
		t.Errorf("%d MDX entries named, want 2: %v", named, site.Warnings)
	}
}

// markdown-it's breaks set in an Eleventy configuration (dollplayer2501's
// setLibrary("md", markdownIt({ breaks: true }))) keeps each line a line,
// as Hugo's hardWraps and kramdown's hard_wrap do.
func TestEleventyMarkdownItBreaks(t *testing.T) {
	for cfg, want := range map[string]bool{
		`module.exports = function (c) { c.setLibrary("md", markdownIt({ html: true, breaks: true, linkify: true })); };`: true,
		`module.exports = function (c) { c.setLibrary("md", markdownIt({ html: true })); };`:                              false,
	} {
		site, err := loadStrict(testfs.Write(t, map[string]string{"eleventy.config.js": cfg, "posts/a.md": jsPost("A", "2021-06-07", "")}), LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		if site.Markup.HardWraps != want {
			t.Errorf("%s: hard wraps %v, want %v", cfg, site.Markup.HardWraps, want)
		}
	}
}

// Notes and data beside an Eleventy site's or an Astro collection's
// entries (notes/todo.txt, data.json), which neither generator writes to
// its site, are not served; its images are, and so are the files of a
// passthrough copy, whatever they are.
func TestJSSiteNotesNotServed(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"eleventy": {
			"eleventy.config.js": `export default function (c) { c.addPassthroughCopy("files"); }`,
			"posts/a.md":         jsPost("A", "2024-01-01", ""),
			"notes/todo.txt":     "buy milk",
			"notes/data.json":    `{"key": "secret"}`,
			"img/a.png":          "PNG",
			"files/readme.txt":   "a passthrough copy",
		},
		"astro": {
			"astro.config.mjs":               "export default {}\n",
			"src/content/blog/a.md":          jsPost("A", "2024-01-01", ""),
			"src/content/blog/pub/notes.txt": "scratch",
			"src/content/blog/pub/a.png":     "PNG",
			"public/files/readme.txt":        "published",
		},
	} {
		site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var paths []string
		for _, f := range site.Files {
			paths = append(paths, f.Path)
		}
		slices.Sort(paths)
		want := map[string][]string{"eleventy": {"files/readme.txt", "img/a.png"}, "astro": {"blog/pub/a.png", "files/readme.txt"}}[name]
		if !slices.Equal(paths, want) {
			t.Errorf("%s: files %q, want %q", name, paths, want)
		}
	}
}

// Pages Eleventy writes nowhere (permalink: false in their folder's
// data) are no folder's entries when the posts' folder is chosen:
// eleventy-excellent's 22 docs outnumbered its 14 posts, which were
// then undated pages, and the blog had none.
func TestEleventyUnwrittenFolderIsNoPostsFolder(t *testing.T) {
	files := map[string]string{
		"eleventy.config.js": `export default { dir: { input: "src" } };`,
		"src/posts/a.md":     jsPost("A", "2024-01-01", ""),
		"src/posts/b.md":     jsPost("B", "2024-01-02", ""),
		"src/docs/docs.json": `{"permalink": false}`,
		"src/docs/one.md":    "---\ntitle: One\n---\nx\n",
		"src/docs/two.md":    "---\ntitle: Two\n---\nx\n",
		"src/docs/three.md":  "---\ntitle: Three\n---\nx\n",
	}
	site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 2 || !strings.Contains(site.Layout, "posts from src/posts") {
		t.Errorf("%d posts, layout %q; want A and B, from src/posts", len(site.Posts), site.Layout)
	}
}

// A language written as its name, as a theme shows it ("String as you
// like": astro-theme-pure's language: '中文', 'English'), is that
// language; one that is neither a tag nor a known name is ignored with a
// warning, the post kept (language: '中文' left it out; 'English' was
// sent as lang=English).
func TestLanguageWrittenAsItsName(t *testing.T) {
	site, err := loadStrict(testfs.Write(t, map[string]string{
		"astro.config.mjs":      "export default {}\n",
		"src/content/blog/a.md": "---\ntitle: A\npubDate: 2024-01-01\nlanguage: 'English'\n---\nx\n",
		"src/content/blog/b.md": "---\ntitle: B\npubDate: 2024-01-02\nlanguage: '中文'\n---\nx\n",
		"src/content/blog/c.md": "---\ntitle: C\npubDate: 2024-01-03\nlanguage: 'Klingon'\n---\nx\n",
		"src/content/blog/d.md": "---\ntitle: D\npubDate: 2024-01-04\nlang: ja\n---\nx\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]string{}
	for _, p := range slices.Concat(site.Posts, site.Pages) {
		langs[p.Title] = p.Lang
	}
	want := map[string]string{"A": "en", "B": "zh", "C": "en", "D": "ja"}
	if !maps.Equal(langs, want) {
		t.Errorf("languages %v, want %v", langs, want)
	}
	warned := 0
	for _, w := range site.Warnings {
		if w.Kind == "language ignored" {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("warnings %v, want Klingon's alone", site.Warnings)
	}
}

// An Astro site whose configuration uses remark-math (fuwari's) reads
// "$…$" as math, as written: the site's Markdown says so.
func TestAstroRemarkMath(t *testing.T) {
	for cfg, want := range map[string]Markup{
		"import remarkMath from \"remark-math\";\nexport default defineConfig({ markdown: { remarkPlugins: [remarkMath] } });\n": {Dollar: true},
		"export default defineConfig({});\n": {},
	} {
		site, err := loadStrict(testfs.Write(t, map[string]string{"astro.config.mjs": cfg, "src/content/blog/a.md": jsPost("A", "2024-01-01", "")}), LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		if site.Markup != want {
			t.Errorf("%q: markup %+v, want %+v", cfg, site.Markup, want)
		}
	}
}

// An Astro collection named tags (cactus' content/tags/test.md, the web
// tag page's description) is no entry: not served, said in one warning;
// the capsule's tag page lists the tag's posts.
func TestAstroTagsCollectionNotServed(t *testing.T) {
	site, err := loadStrict(testfs.Write(t, map[string]string{
		"astro.config.mjs":         "export default {}\n",
		"src/content/post/a.md":    "---\ntitle: A\npubDate: 2024-01-01\ntags: [test]\n---\nx\n",
		"src/content/tags/test.md": "---\ntitle: Test Tag\ndescription: About the test tag.\n---\nMore.\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var served []string
	for _, p := range slices.Concat(site.Posts, site.Pages, site.Unlisted) {
		served = append(served, p.Title)
	}
	if !slices.Equal(served, []string{"A"}) {
		t.Errorf("served %q, want A alone", served)
	}
	if len(site.Warnings) != 1 || site.Warnings[0].Kind != "tag description not served" {
		t.Errorf("warnings %v", site.Warnings)
	}
}

// A folder's computed permalink that is false for drafts alone
// (eleventy-high-performance-blog: showDraft(data) ? data.permalink :
// false) writes its other posts: the "permalink : false" of the ternary
// was read as the folder's permalink: false, and every post was left out.
func TestEleventyComputedPermalinkTernary(t *testing.T) {
	files := map[string]string{
		".eleventy.js": "module.exports = function () {};\n",
		"posts/posts.11tydata.js": "module.exports = () => ({\n  eleventyComputed: {\n" +
			"    permalink: (data) => (showDraft(data) ? data.permalink : false),\n    draft: (data) => data.isDraft ? true : false,\n  },\n});\n",
		"posts/a.md": jsPost("A", "2024-01-01", ""),
		"posts/b.md": jsPost("B", "2024-01-02", ""),
	}
	site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 2 {
		t.Errorf("%d posts, want A and B; warnings %v", len(site.Posts), site.Warnings)
	}
}

// An Eleventy site of many folders (initto: a folder of images per post)
// was refused whole: the data files capsule keeps out, three patterns a
// folder, counted against the cap on the operator's own exclude list.
func TestEleventyManyFolders(t *testing.T) {
	files := map[string]string{
		".eleventy.js":   "module.exports = function () { return { dir: { input: \"src\" } }; };\n",
		"src/posts/a.md": jsPost("A", "2024-01-01", ""),
	}
	for i := range MaxExcludePatterns {
		files[fmt.Sprintf("src/images/p%d/a.png", i)] = "png"
	}
	site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 1 {
		t.Errorf("%d posts, want A", len(site.Posts))
	}
}

// A permalink in an Eleventy folder's data (initto's posts/posts.json:
// "/{{ locale }}/{{ page.fileSlug }}/index.html", locale from ja/ja.json)
// is each post's address on the web site, as Eleventy writes it: links to
// it were dead, and an address Eleventy never wrote was claimed. A post's
// own permalink wins; one capsule cannot expand is ignored.
func TestEleventyFolderDataPermalink(t *testing.T) {
	files := map[string]string{
		".eleventy.js":                   "module.exports = function () { return { dir: { input: \"src\" } }; };\n",
		"src/ja/ja.json":                 `{"locale": "ja"}`,
		"src/ja/posts/posts.json":        `{"permalink": "/{{ locale }}/{{ page.fileSlug }}/index.html"}`,
		"src/ja/posts/one.md":            "---\ntitle: One\ndate: 2021-01-01\n---\n[two](/ja/two/)\n",
		"src/ja/posts/2021-01-02-two.md": jsPost("Two", "2021-01-02", ""),
		"src/ja/posts/three.md":          "---\ntitle: Three\ndate: 2021-01-03\npermalink: /mine/\n---\nx\n",
		"src/ja/posts/with space.md":     jsPost("Spaced", "2021-01-05", ""),
		"src/en/posts/posts.json":        `{"permalink": "/{{ lang | upcase }}/{{ page.fileSlug }}/"}`,
		"src/en/posts/four.md":           jsPost("Four", "2021-01-04", ""),
	}
	site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"One": "/ja/one/", "Two": "/ja/two/", "Three": "/mine/", "Spaced": "/ja/with%20space/"}
	if len(site.Posts) != 5 {
		t.Errorf("%d posts, want 5", len(site.Posts))
	}
	for _, p := range site.Posts {
		all := slices.Concat(p.Aliases, p.Addresses)
		if w, ok := want[p.Title]; ok && !slices.Equal(all, []string{w}) {
			t.Errorf("%s: addresses %q, want %s alone", p.Title, all, w)
		}
		if p.Title == "Four" && slices.ContainsFunc(all, func(a string) bool { return strings.Contains(a, "{") }) {
			t.Errorf("Four: addresses %q", all)
		}
	}
}

// A passthrough copy of a folder inside the input folder is written
// without the input folder in its path, as Eleventy writes it (initto's
// src/js at /js/, which was served at /src/js/ alone, and src/images
// twice).
func TestEleventyPassthroughInsideTheInput(t *testing.T) {
	paths := servedFiles(t, map[string]string{
		".eleventy.js":       "module.exports = function (config) {\n  config.addPassthroughCopy('src/js');\n  config.addPassthroughCopy('src/images');\n  return { dir: { input: 'src' } };\n};\n",
		"src/js/main.js":     "x",
		"src/images/a.png":   "PNG",
		"src/posts/hello.md": jsPost("Hello", "2024-01-01", ""),
	})
	if want := []string{"images/a.png", "js/main.js"}; !slices.Equal(paths, want) {
		t.Errorf("files %q, want %q", paths, want)
	}
}

// An Astro site's Markdown pages in src/pages, beside the content
// collections that are read, are pages at the addresses Astro's routing
// gives them (AstroWind's privacy and terms pages), a file named with
// "_" none; an MDX page is named in a warning, as in a collection. With
// no collections, src/pages is what is read, each page once.
func TestAstroPagesBesideCollectionsRead(t *testing.T) {
	files := map[string]string{
		"astro.config.mjs":         `export default defineConfig({ site: "https://example.org" });`,
		"src/content/blog/post.md": jsPost("Post", "2024-01-01", ""),
		"src/pages/privacy.md":     "---\ntitle: Privacy\n---\nx\n",
		"src/pages/legal/terms.md": "---\ntitle: Terms\ndate: 2024-02-02\n---\nx\n",
		"src/pages/_hidden.md":     "---\ntitle: Hidden\n---\nx\n",
		"src/pages/slides.mdx":     "---\ntitle: Slides\n---\nx\n",
		"src/pages/index.astro":    "---\n---\n<h1>hi</h1>\n",
	}
	c, err := Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, p := range c.Pages {
		got[p.Title] = p.Addresses
	}
	if len(got) != 2 || !slices.Equal(got["Privacy"], []string{"/privacy/"}) || !slices.Equal(got["Terms"], []string{"/legal/terms/"}) {
		t.Errorf("pages %v, want Privacy at /privacy/ and Terms at /legal/terms/ (posts %d)", got, len(c.Posts))
	}
	if len(c.Posts) != 1 {
		t.Errorf("%d posts, want the collection's one", len(c.Posts))
	}
	mdx := 0
	for _, w := range c.Warnings {
		if w.Kind == "MDX not read" && strings.HasSuffix(w.File, "slides.mdx") {
			mdx++
		}
	}
	if mdx != 1 {
		t.Errorf("the MDX page named %d times: %v", mdx, c.Warnings)
	}
	delete(files, "src/content/blog/post.md")
	files["src/pages/posts/post.md"] = jsPost("Post", "2024-01-01", "")
	c, err = Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Pages) + len(c.Posts); n != 3 {
		t.Errorf("src/pages read as the content folder: %d posts and pages, want 3", n)
	}
}

// AstroPaper (v5) names its collection's folder by a constant of its
// content configuration: export const BLOG_PATH = "src/data/blog", then
// base: `./${BLOG_PATH}`. Its posts are read from there (no post of such
// a blog was served: the folder read was src/pages).
func TestAstroGlobLoaderBaseConstant(t *testing.T) {
	for _, base := range []string{"`./${BLOG_PATH}`", "`${ BLOG_PATH }`", "BLOG_PATH"} {
		dir := testfs.Write(t, map[string]string{
			"astro.config.ts":         `export default defineConfig({});`,
			"src/content.config.ts":   "import { glob } from \"astro/loaders\";\n\nexport const BLOG_PATH = \"src/data/blog\";\n\nconst blog = defineCollection({\n  loader: glob({ pattern: \"**/[^_]*.md\", base: " + base + " }),\n  schema: ({ image }) => z.object({ title: z.string() }),\n});\n",
			"src/data/blog/first.md":  "---\ntitle: First\npubDatetime: 2024-01-01T10:00:00Z\ndescription: one\n---\nText.\n",
			"src/data/blog/second.md": "---\ntitle: Second\npubDatetime: 2024-01-02T10:00:00Z\ndescription: two\n---\nText.\n",
			"src/pages/about.md":      "---\nlayout: ../layouts/AboutLayout.astro\ntitle: About\n---\nAbout me.\n",
			"src/pages/index.astro":   "---\n---\n<h1>Home</h1>\n",
		})
		site, err := loadStrict(dir, LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		if len(site.Posts) != 2 {
			t.Errorf("base: %s: %d posts, want 2 (%s)", base, len(site.Posts), site.Layout)
		}
	}
	// A template literal naming what the file does not give is no folder.
	dir := testfs.Write(t, map[string]string{
		"astro.config.ts":        `export default defineConfig({});`,
		"src/content.config.ts":  "const blog = defineCollection({ loader: glob({ pattern: \"**/*.md\", base: `./${process.env.BLOG}` }) });\n",
		"src/data/blog/first.md": jsPost("First", "2024-01-01", ""),
		"src/pages/index.md":     "---\ntitle: Home\n---\nHi.\n",
	})
	if _, err := loadStrict(dir, LoadOptions{Settle: -1}); err != nil {
		t.Fatal(err)
	}
}

// An Astro site that says its language nowhere else writes it in its
// layouts' <html lang="…"> (machu/diary, a Japanese diary of 1,507 posts,
// was served as English, with English labels): when every layout that
// writes one as a literal writes the same, it is the site's.
func TestAstroLayoutLanguage(t *testing.T) {
	post := "---\ntitle: 日記\npubDate: 2024-01-01\n---\n本文\n"
	for _, tc := range []struct {
		name    string
		layouts map[string]string
		want    string
	}{
		{"one layout", map[string]string{"src/layouts/Base.astro": "---\n---\n<!doctype html>\n<html lang=\"ja\">\n<slot />\n</html>\n"}, "ja"},
		{"two that agree", map[string]string{"src/layouts/A.astro": "<html lang=\"ja-JP\" class=\"x\">", "src/layouts/B.astro": "<html class=\"y\" lang='ja-jp'>"}, "ja-jp"},
		{"two that differ", map[string]string{"src/layouts/A.astro": "<html lang=\"ja\">", "src/layouts/B.astro": "<html lang=\"en\">"}, "en"},
		{"computed", map[string]string{"src/layouts/A.astro": "<html lang={lang}>"}, "en"},
		{"i18n said otherwise", map[string]string{"src/layouts/A.astro": "<html lang=\"ja\">", "src/consts.ts": "export const defaultLocale = \"fr\"\n"}, "fr"},
		// Astro has no fixed layouts folder: homimemo keeps its in
		// src/layout/, abta its in src/components/, and pages may
		// write their own <html>.
		{"src/layout", map[string]string{"src/layout/baseLayout.astro": "---\n---\n<html lang=\"ja\">\n<slot />\n</html>\n", "src/components/Card.astro": "<div>card</div>"}, "ja"},
		{"a component and a page that agree", map[string]string{"src/components/PageLayout.astro": "<html lang=\"ja\">", "src/pages/tags/index.astro": "<html lang=\"ja\">"}, "ja"},
		{"a page that differs", map[string]string{"src/layouts/A.astro": "<html lang=\"ja\">", "src/pages/en/index.astro": "<html lang=\"en-US\">"}, "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"astro.config.mjs": "export default {}\n", "src/content/blog/a.md": post}
			for k, v := range tc.layouts {
				files[k] = v
			}
			c, err := Load(testfs.Write(t, files), LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			if c.Meta.Lang != tc.want {
				t.Errorf("site language %q, want %q", c.Meta.Lang, tc.want)
			}
		})
	}
}

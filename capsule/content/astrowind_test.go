package content

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// AstroWind's posts are served at the permalink its src/config.yaml
// patterns (apps.blog.post.permalink), filled by the theme's code from
// the entry's id, category and publishDate, under site.base: a fork with
// '/blog/%slug%' or '/%year%/%month%/%slug%' was redirected from
// /<id>/ only, an address its site never had. A post whose slug limax
// would change, or a pattern of a variable capsule does not fill, gets
// no address, said in a warning.
func TestAstroWindPermalink(t *testing.T) {
	site := func(permalink, base string) map[string]string {
		return map[string]string{
			"astro.config.ts":                      "import astrowind from './vendor/integration';\nexport default defineConfig({ integrations: [astrowind({ config: './src/config.yaml' })] });\n",
			"src/config.yaml":                      "site:\n  name: Wind\n  base: '" + base + "'\n  trailingSlash: false\n\napps:\n  blog:\n    isEnabled: true\n    post:\n      isEnabled: true\n" + permalink + "    list:\n      pathname: 'articles'\n",
			"tsconfig.json":                        "{\"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"~/*\": [\"src/*\"]}}}\n",
			"src/content/config.ts":                "const postCollection = defineCollection({\n  loader: glob({ pattern: ['*.md', '*.mdx'], base: 'src/data/post' }),\n});\nexport const collections = {\n  post: postCollection,\n};\n",
			"src/utils/blog.ts":                    "import { getCollection, render } from 'astro:content';\nconst load = async function () {\n  const posts = await getCollection('post');\n  return posts;\n};\nexport const getStaticPathsBlogPost = async () => (await fetchPosts()).flatMap((post) => ({ params: { blog: post.permalink }, props: { post } }));\n",
			"src/pages/[...blog]/index.astro":      "---\nimport Layout from '~/layouts/PageLayout.astro';\nimport { getCanonical, getPermalink } from '~/utils/permalinks';\nimport { getStaticPathsBlogPost, blogPostRobots } from '~/utils/blog';\nexport const prerender = true;\nexport const getStaticPaths = (async () => {\n  return await getStaticPathsBlogPost();\n}) satisfies GetStaticPaths;\nconst { post } = Astro.props;\n---\n<SinglePost post={post} />\n",
			"src/pages/[...blog]/[...page].astro":  "---\nimport { getStaticPathsBlogList } from '~/utils/blog';\nexport const getStaticPaths = (async ({ paginate }) => await getStaticPathsBlogList({ paginate }));\n---\n",
			"src/data/post/get-started_astro-2.md": "---\npublishDate: 2023-08-12T00:00:00Z\ntitle: Get started\ncategory: Tutorials\n---\nText.\n",
			"src/data/post/late-night.md":          "---\npublishDate: 2024-01-01T02:30:00+09:00\ntitle: Late night\ncategory: Web Development\n---\nText.\n",
			"src/data/post/夏の日記.md":                "---\npublishDate: 2024-07-01\ntitle: 夏の日記\ncategory: 日記\n---\n本文。\n",
		}
	}
	for _, c := range []struct {
		name   string
		files  map[string]string
		want   map[string][]string // by the post's file under src/data/post
		warned []string            // the posts warned of, by file
	}{
		{"the theme's /%slug%", site("      permalink: '/%slug%'\n", "/"), map[string][]string{
			"get-started_astro-2.md": {"/get-started_astro-2/"},
			"late-night.md":          {"/late-night/"},
			"夏の日記.md":                {"/%E5%A4%8F%E3%81%AE%E6%97%A5%E8%A8%98/"},
		}, []string{"夏の日記.md"}},
		{"dates, a category, under a base", site("      permalink: '/%category%/%year%/%month%/%day%/%hour%/%slug%'\n", "/wind/"), map[string][]string{
			"get-started_astro-2.md": {"/wind/tutorials/2023/08/12/00/get-started_astro-2/"},
			"late-night.md":          {"/wind/web-development/2023/12/31/17/late-night/"},
			"夏の日記.md":                {"/%E5%A4%8F%E3%81%AE%E6%97%A5%E8%A8%98/"},
		}, []string{"夏の日記.md"}},
		{"the default permalink", site("", "/"), map[string][]string{
			"get-started_astro-2.md": {"/blog/get-started_astro-2/"},
			"late-night.md":          {"/blog/late-night/"},
			"夏の日記.md":                {"/%E5%A4%8F%E3%81%AE%E6%97%A5%E8%A8%98/"},
		}, []string{"夏の日記.md"}},
		{"an empty permalink: the list's pathname", site("      permalink: ''\n", "/"), map[string][]string{
			"get-started_astro-2.md": {"/articles/get-started_astro-2/"},
			"late-night.md":          {"/articles/late-night/"},
			"夏の日記.md":                {"/%E5%A4%8F%E3%81%AE%E6%97%A5%E8%A8%98/"},
		}, []string{"夏の日記.md"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Write(t, c.files)
			s, err := loadStrict(dir, LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Posts) != len(c.want) {
				t.Fatalf("%d posts, want %d (%s)", len(s.Posts), len(c.want), s.Layout)
			}
			for _, p := range s.Posts {
				rel := filepath.Base(p.File)
				if want := c.want[rel]; !slices.Equal(p.Addresses, want) {
					t.Errorf("%s: addresses %q, want %q", rel, p.Addresses, want)
				}
			}
			var warned []string
			for _, w := range s.Warnings {
				if w.Kind == "AstroWind address unknown" {
					warned = append(warned, filepath.Base(w.File))
				}
			}
			if !slices.Equal(warned, c.warned) {
				t.Errorf("posts warned of: %q, want %q", warned, c.warned)
			}
		})
	}
	t.Run("a variable not filled: the route is not followed, said", func(t *testing.T) {
		dir := testfs.Write(t, site("      permalink: '/%id%'\n", "/"))
		s, err := loadStrict(dir, LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		said := false
		for _, w := range s.Warnings {
			said = said || w.Kind == "Astro route not followed" && strings.Contains(w.Msg, "%id%")
		}
		if !said {
			t.Errorf("no warning that %%id%% is not filled: %v", s.Warnings)
		}
	})
}

// An AstroWind site is in the language of its src/config.yaml's
// i18n.language, which its layouts write in <html lang={…}>: a Japanese
// fork (maru0122/astrowind, 9 posts) was served as English, with
// English labels.
func TestAstroWindLanguage(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"astro.config.ts":             "export default defineConfig({ integrations: [astrowind({ config: './src/config.yaml' })] });\n",
		"src/config.yaml":             "site:\n  name: 風\ni18n:\n  language: ja\n  textDirection: ltr\napps:\n  blog:\n    isEnabled: true\n",
		"src/layouts/Layout.astro":    "---\nimport { I18N } from 'astrowind:config';\nconst { language, textDirection } = I18N;\n---\n<html lang={language} dir={textDirection}></html>\n",
		"src/content.config.ts":       "const postCollection = defineCollection({ loader: glob({ pattern: ['*.md'], base: 'src/data/post' }) });\nexport const collections = { post: postCollection };\n",
		"src/data/post/first-post.md": "---\npublishDate: 2023-08-12\ntitle: 最初\n---\n本文。\n",
	})
	s, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if s.Meta.Lang != "ja" {
		t.Errorf("site language %q, want ja", s.Meta.Lang)
	}
}

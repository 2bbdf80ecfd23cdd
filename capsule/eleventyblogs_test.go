package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Eleventy site that says its language only in its layout's <html
// lang="ja">, and its name as siteName in _data/site.json, as
// mamezou-tech-site does: it is a Japanese site, served with lang=ja and
// Japanese labels, under its own name. A layout that computes its
// language says none, and the site stays English.
func TestEleventyLayoutLanguageAndSiteName(t *testing.T) {
	site := func(layout string) map[string]string {
		return map[string]string{
			"eleventy.config.cjs":          "module.exports = function (c) {\n  return { dir: { input: 'src', output: 'public' } };\n};\n",
			"src/_data/site.json":          `{"siteName": "豆のサイト", "siteDescription": "開発のノウハウ", "authorName": "mame"}`,
			"src/_includes/base.njk":       layout,
			"src/_includes/partials/x.njk": "<nav>{{ title }}</nav>\n",
			"src/posts/blogs/first.md":     "---\ntitle: 最初の記事\ndate: 2023-10-08\n---\n\n本文です。\n",
		}
	}
	for _, c := range []struct {
		name, layout, lang, tags string
	}{
		{"literal", "<!DOCTYPE html>\n<html lang=\"ja\">\n<body>{{ content | safe }}</body>\n</html>\n", "ja", "タグ"},
		{"region", "<html class=\"x\" lang='ja-JP'>\n", "ja", "タグ"},
		{"computed", "<html lang=\"{{ metadata.language }}\">\n", "en", "Tags"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, site(c.layout)) })
			status, meta, home := servetest.GeminiGet(t, d, "/")
			if status != 20 || !strings.HasSuffix(meta, "lang="+c.lang) {
				t.Errorf("home answers %d %q, want lang=%s", status, meta, c.lang)
			}
			if !strings.HasPrefix(home, "# 豆のサイト\n") || !strings.Contains(home, "開発のノウハウ") {
				t.Errorf("home is not titled with the site's siteName and siteDescription:\n%s", home)
			}
			if !strings.Contains(home, "=> /tags/ "+c.tags+"\n") {
				t.Errorf("home's tags link is not %q:\n%s", c.tags, home)
			}
		})
	}
}

// Eleventy writes a page without a permalink at its path as it is:
// masha-in-oz's src/ru/posts/2025/07/01/Water-fun.md at
// /ru/posts/2025/07/01/Water-fun/, its case kept, a space kept (encoded),
// a dated name's date kept. Those web addresses lead to the posts; the
// lowered ones, which Eleventy never wrote, do not.
func TestEleventyDefaultAddressAsWritten(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			".eleventy.js":                       "module.exports = function (c) {\n  return { dir: { input: \"src\", output: \"_site\" } };\n};\n",
			"src/posts/2025/07/01/Water-fun.md":  "---\ntitle: Water fun\ndate: 2025-07-01\n---\n\nSwimming.\n",
			"src/posts/First Trip.md":            "---\ntitle: First trip\ndate: 2025-06-06\n---\n\nWalking.\n",
			"src/posts/2025-05-05-dated-name.md": "---\ntitle: Dated\n---\n\nDated by its name.\n",
		})
	})
	for address, title := range map[string]string{
		"/posts/2025/07/01/Water-fun/":  "Water fun",
		"/posts/First%20Trip/":          "First trip",
		"/posts/2025-05-05-dated-name/": "Dated",
	} {
		status, meta, _ := servetest.GeminiGet(t, d, address)
		if status != 31 {
			t.Errorf("%s answers %d %s, want a redirect to %q", address, status, meta, title)
			continue
		}
		if s, _, page := servetest.GeminiGetURL(t, d, meta); s != 20 || !strings.HasPrefix(page, "# "+title+"\n") {
			t.Errorf("%s leads to %s: %d\n%s", address, meta, s, page)
		}
	}
	for _, address := range []string{"/posts/2025/07/01/water-fun/", "/posts/first-trip/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, address); status == 31 {
			t.Errorf("%s, never written by Eleventy, leads to %s", address, meta)
		}
	}
}

// A post whose permalink Eleventy computes with the site's own code, as
// mamezou-tech-site's are ("/blogs/{{ page.date | date: '%Y/%m/%d' }}/{{
// page.fileSlug | blogPage }}/" in its folder's data, or "{{
// publishedPath }}" of its own front matter), is served at capsule's
// address: the one of its own data was left out as a template, and
// the folder's gave the post the address of its path, where Eleventy
// writes nothing. A page made from other data (tags/{{ tag }}/) is still
// no page.
func TestEleventyComputedPermalinkServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"eleventy.config.cjs":                  "module.exports = function (c) {\n  return { dir: { input: 'src', output: 'public' } };\n};\n",
			"src/posts/blogs/2022/2022.json":       `{"tags": ["2022"], "permalink": "/blogs/{{ page.date | date: '%Y/%m/%d' }}/{{ page.fileSlug | blogPage }}/"}`,
			"src/posts/blogs/2022/0516_jamovi.md":  "---\ntitle: Jamovi\ndate: 2022-05-16\n---\n\nStatistics.\n",
			"src/posts/blogs/2022/0810_netlify.md": "---\ntitle: Netlify\npublishedPath: netlify-identity\ndate: 2022-08-10\npermalink: \"/blogs/{{ page.date | date: '%Y/%m/%d' }}/{{ publishedPath }}/\"\n---\n\nIdentity.\n",
			"src/tag.md":                           "---\npermalink: \"tags/{{ tag | slugify }}/\"\n---\n\nPosts tagged {{ tag }}.\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	for _, post := range []string{"0516_jamovi", "0810_netlify"} {
		if !strings.Contains(home, "=> /posts/"+post+".gmi ") {
			t.Errorf("home lists no %s:\n%s", post, home)
		}
		if status, _, _ := servetest.GeminiGet(t, d, "/posts/"+post+".gmi"); status != 20 {
			t.Errorf("/posts/%s.gmi answers %d", post, status)
		}
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/posts/blogs/2022/0516_jamovi/"); status == 31 {
		t.Errorf("the path's address, where Eleventy writes nothing, leads to %s", meta)
	}
	if strings.Contains(home, "Posts tagged") || strings.Contains(home, "=> /tag.gmi") {
		t.Errorf("a tag page template is served:\n%s", home)
	}
}

// A folder's permalink that slugs the post's own title, as
// eleventy-excellent's posts.json ("/blog/{{ title | slugify }}/") and
// css-irl's pages.json ("{{ pageTitle | slug }}/index.html") give it, is
// filled in as Eleventy's filters make it: those web addresses lead to
// the posts. A title in other letters than ASCII, which slugify spells
// by its own tables, gives no address, rather than a wrong one.
func TestEleventySlugPermalinks(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			".eleventy.js":          "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
			"src/posts/posts.json":  `{"tags": "posts", "permalink": "/blog/{{ title | slugify }}/index.html"}`,
			"src/posts/v-2.md":      "---\ntitle: 'Eleventy Excellent 2.0'\ndate: 2023-01-02\n---\n\nVersion two.\n",
			"src/posts/what.md":     "---\ntitle: \"What's Tailwind & CSS doing here?\"\ndate: 2023-01-03\n---\n\nStyles.\n",
			"src/posts/kaisetsu.md": "---\ntitle: 日本語の題\ndate: 2023-01-04\n---\n\n本文。\n",
			"src/pages/pages.json":  `{"permalink": "{{ pageTitle | slug }}/index.html"}`,
			"src/pages/guest.md":    "---\npageTitle: 'Guest posts'\n---\n\nWrite for us.\n",
			"src/pages/question.md": "---\npageTitle: 'FAQs?'\n---\n\nAsked.\n",
		})
	})
	for address, text := range map[string]string{
		"/blog/eleventy-excellent-2-0/":            "Version two.",
		"/blog/whats-tailwind-and-css-doing-here/": "Styles.",
		"/guest-posts/":                            "Write for us.",
	} {
		status, meta, _ := servetest.GeminiGet(t, d, address)
		if status != 31 {
			t.Errorf("%s answers %d %s, want a redirect to the page of %q", address, status, meta, text)
			continue
		}
		if s, _, page := servetest.GeminiGetURL(t, d, meta); s != 20 || !strings.Contains(page, text) {
			t.Errorf("%s leads to %s: %d\n%s", address, meta, s, page)
		}
	}
	for _, address := range []string{"/posts/v-2/", "/pages/guest/", "/posts/kaisetsu/", "/pages/question/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, address); status == 31 {
			t.Errorf("%s, where Eleventy writes nothing, leads to %s", address, meta)
		}
	}
	if status, _, page := servetest.GeminiGet(t, d, "/posts/kaisetsu.gmi"); status != 20 || !strings.Contains(page, "本文。") {
		t.Errorf("the post of a Japanese title answers %d:\n%s", status, page)
	}
}

// Eleventy's shortcodes are Nunjucks', their arguments comma apart:
// masha-in-oz's {% youtube "0Y_2tKtZayI", "Большой корабль" %} was
// dropped as having no valid id (12 videos in 10 posts). The video is a
// link, its title the link's text; the Liquid form is unchanged.
func TestEleventyNunjucksShortcodeArguments(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			".eleventy.js":       "module.exports = function (c) {\n  c.addShortcode(\"youtube\", (id, title = \"\") => `<iframe src=\"https://www.youtube.com/embed/${id}\" title=\"${title}\"></iframe>`);\n  return { markdownTemplateEngine: \"njk\", dir: { input: \"src\" } };\n};\n",
			"src/posts/water.md": "---\ntitle: Water\ndate: 2025-07-01\n---\n\nA ship.\n\n{% youtube \"0Y_2tKtZayI\", \"Большой корабль\" %}\n\n{% youtube \"OVP1vUrxMPA\",\"Small ship\" %}\n\n{% youtube s53l4wwokGo %}\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/water.gmi")
	for _, want := range []string{
		"=> https://www.youtube.com/watch?v=0Y_2tKtZayI YouTube: Большой корабль\n",
		"=> https://www.youtube.com/watch?v=OVP1vUrxMPA YouTube: Small ship\n",
		"=> https://www.youtube.com/watch?v=s53l4wwokGo YouTube: s53l4wwokGo\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in:\n%s", want, page)
		}
	}
}

// A post's permalink may come from its layout's front matter, below its
// folder's data in Eleventy's data cascade: thepugautomatic's
// _includes/layouts/post.njk says "/{{ page.date | slugDate }}/{{
// page.fileSlug }}/index.html", slugDate formatting the date in UTC with
// luxon's toFormat("y/MM"). Those web addresses lead to the posts (its
// 345 posts had made-up ones, 89 of its links were dead). A filter whose
// code capsule cannot follow leaves the address unknown, not guessed.
// A .markdown file, of no format of its templateFormats, is no page.
func TestEleventyLayoutPermalink(t *testing.T) {
	const good = "  eleventyConfig.addFilter(\"slugDate\", dateObj => {\n    return DateTime.fromJSDate(dateObj, { zone: \"utc\" }).\n      toFormat(\"y/MM\");\n  });\n"
	site := func(filter string) map[string]string {
		return map[string]string{
			".eleventy.js": "const { DateTime } = require(\"luxon\");\nmodule.exports = function(eleventyConfig) {\n  eleventyConfig.addLayoutAlias(\"default\", \"layouts/base.njk\");\n" + filter +
				"  return { dir: { input: \"src/site\" }, templateFormats: [\"njk\", \"md\"], markdownTemplateEngine: \"njk\" };\n};\n",
			"src/site/_includes/layouts/base.njk":              "<html>{{ content | safe }}</html>\n",
			"src/site/_includes/layouts/post.njk":              "---\nlayout: default\npermalink: \"/{{ page.date | slugDate }}/{{ page.fileSlug }}/index.html\"\ntags: posts\n---\n<h1>{{ title }}</h1>\n",
			"src/site/posts/posts.11tydata.json":               `{"layout": "layouts/post.njk"}`,
			"src/site/posts/2006-07-16-batch-open-urls.md":     "---\ntitle: Batch open URLs\n---\n\nOpen them all.\n",
			"src/site/posts/late-in-may.md":                    "---\ntitle: Late in May\ndate: 2020-05-31T22:00:00-05:00\n---\n\nJune in UTC.\n",
			"src/site/posts/2007-11-24.md-with-title.markdown": "---\ntitle: Not built\n---\n\nEleventy skips me.\n",
		}
	}
	t.Run("known", func(t *testing.T) {
		d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, site(good)) })
		for address, text := range map[string]string{
			"/2006/07/batch-open-urls/": "Open them all.",
			"/2020/06/late-in-may/":     "June in UTC.",
		} {
			status, meta, _ := servetest.GeminiGet(t, d, address)
			if status != 31 {
				t.Errorf("%s answers %d %s, want a redirect to the post of %q", address, status, meta, text)
				continue
			}
			if s, _, page := servetest.GeminiGetURL(t, d, meta); s != 20 || !strings.Contains(page, text) {
				t.Errorf("%s leads to %s: %d\n%s", address, meta, s, page)
			}
		}
		for _, address := range []string{"/posts/2006-07-16-batch-open-urls/", "/2020/05/late-in-may/"} {
			if status, meta, _ := servetest.GeminiGet(t, d, address); status == 31 {
				t.Errorf("%s, where Eleventy writes nothing, leads to %s", address, meta)
			}
		}
		_, _, home := servetest.GeminiGet(t, d, "/")
		if strings.Contains(home, "Not built") {
			t.Errorf("a .markdown file, which Eleventy does not build, is served:\n%s", home)
		}
	})
	t.Run("unknown", func(t *testing.T) {
		// Formatted in the building machine's zone: not known.
		local := strings.Replace(good, `, { zone: "utc" }`, "", 1)
		d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, site(local)) })
		if status, meta, _ := servetest.GeminiGet(t, d, "/2006/07/batch-open-urls/"); status == 31 {
			t.Errorf("an address computed in an unknown zone leads to %s", meta)
		}
		if status, _, page := servetest.GeminiGet(t, d, "/posts/batch-open-urls.gmi"); status != 20 || !strings.Contains(page, "Open them all.") {
			t.Errorf("the post is not served at capsule's address: %d\n%s", status, page)
		}
	})
}

// Liquid's own date filter formats page.date in the zone of the machine
// that builds the site: a site built by Netlify (netlify.toml), whose
// machines run in UTC, has its "/blogs/{{ page.date | date: '%Y/%m/%d'
// }}/{{ publishedPath }}/" filled in, as mamezou-tech-site's; in the TZ
// set there, when it sets one; one that says nothing of its build does
// not. So does Nunjucks' page.date.getFullYear().
func TestEleventyDateFilterPermalink(t *testing.T) {
	site := func(netlify string) map[string]string {
		files := map[string]string{
			"eleventy.config.cjs":               "module.exports = function (c) {\n  return { dir: { input: 'src', output: 'public' } };\n};\n",
			"src/posts/blogs/2022/0810_cms.md":  "---\ntitle: CMS\npublishedPath: netlify-cms\ndate: 2022-08-10\npermalink: \"/blogs/{{ page.date | date: '%Y/%m/%d' }}/{{ publishedPath }}/\"\n---\n\nIdentity.\n",
			"src/posts/blogs/2022/0811_year.md": "---\ntitle: Year\ndate: 2023-01-01\ntemplateEngineOverride: njk\npermalink: \"/y/{{ page.date.getFullYear() }}/{{ page.fileSlug }}/\"\n---\n\nA year.\n",
		}
		if netlify != "" {
			files["netlify.toml"] = netlify
		}
		return files
	}
	const utcCMS, utcYear = "/blogs/2022/08/10/netlify-cms/", "/y/2023/0811_year/"
	const laCMS, laYear = "/blogs/2022/08/09/netlify-cms/", "/y/2022/0811_year/"
	for _, c := range []struct {
		name, netlify string
		at, notAt     []string
	}{
		{"netlify", "[build]\n  publish = \"public\"\n", []string{utcCMS, utcYear}, []string{laCMS, laYear}},
		{"no build", "", nil, []string{utcCMS, utcYear, laCMS, laYear}},
		{"zone", "[build.environment]\n  TZ = \"America/Los_Angeles\"\n", []string{laCMS, laYear}, []string{utcCMS, utcYear}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, site(c.netlify)) })
			for _, address := range c.at {
				status, meta, _ := servetest.GeminiGet(t, d, address)
				if status != 31 {
					t.Errorf("%s answers %d %s, want a redirect to its post", address, status, meta)
					continue
				}
				if s, _, page := servetest.GeminiGetURL(t, d, meta); s != 20 || !strings.Contains(page, "# ") {
					t.Errorf("%s leads to %s: %d\n%s", address, meta, s, page)
				}
			}
			for _, address := range c.notAt {
				if status, meta, _ := servetest.GeminiGet(t, d, address); status == 31 {
					t.Errorf("%s, where Eleventy writes nothing, leads to %s", address, meta)
				}
			}
		})
	}
}

// A template whose permalink names a feed or other file than a page
// (LJWatson/tink's rss.html at /feed.xml) is no page: capsule makes its
// own feeds.
func TestEleventyFeedTemplateNotPage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"eleventy.config.js":        "module.exports = function (c) {\n  return { dir: { input: 'src' }, htmlTemplateEngine: 'njk' };\n};\n",
			"src/posts/2020-01-01-a.md": "---\ntitle: A post\n---\n\nText.\n",
			"src/rss.html":              "---\nsummary: 'A feed of the latest posts.'\npermalink: '/feed.xml'\n---\n<?xml version=\"1.0\"?>\n<feed><title>Feed of A</title></feed>\n",
			"src/about.html":            "---\ntitle: About me\npermalink: '/about/'\n---\n<p>Me.</p>\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	if strings.Contains(home, "rss") || strings.Contains(home, "feed.xml") || strings.Contains(home, "latest posts") {
		t.Errorf("the feed template is served as a page:\n%s", home)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/rss.gmi"); status == 20 {
		t.Errorf("/rss.gmi is served")
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/about/"); status != 31 {
		t.Errorf("/about/ answers %d %s: a page's permalink is still its address", status, meta)
	}
}

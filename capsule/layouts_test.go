package capsule_test

import (
	"log"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
)

// The sites authors bring, as their generators lay them out (the
// fixtures are minimal reproductions of what 11 real blogs hold): every
// post and page is served on both protocols, with the generator's
// meaning, and -check passes.
func TestGeneratorsFoldersServed(t *testing.T) {
	for _, c := range []struct {
		name, dir, layout string
		posts, pages      map[string]string // title → a sentence of its text, on both protocols
		notPosts          []string          // titles that must not be dated posts
		absent            []string          // texts that must be nowhere
		files             []string          // paths served on both protocols
		notFiles          []string          // paths not served (nor redirected) on Gemini
		redirects         map[string]string // generator addresses → the capsule's page (31)
		// heroes are front matter's hero images: a post's Gemini page,
		// Gopher text and title → a line of its Gemini page before its
		// text, and what its Gopher text shows of the image.
		heroes map[[3]string][2]string
	}{
		{
			name: "Hugo", dir: "testdata/hugo-site", layout: "a Hugo site (Hugo's config/_default/hugo.toml): posts from mainSections posts",
			posts: map[string]string{
				"最初の記事": "一つ目の記事です。", // date 2022-03-06 00:00:00+0000, an empty description
				"二つ目":   "二つ目の本文です。", // date 2016-4-25 0:7
				"バンドル":  "バンドルの本文。",  // a page bundle, 2014-09-02 12:00:00 -0700
			},
			pages: map[string]string{
				"About":     "Hugo の既定のアーキタイプ", // dated, but not in a main section
				"メモの first": "同じファイル名のメモです。",   // another section, a file name the posts have too
				"Links":     "リンク集のページ",        // an undated page bundle
			},
			notPosts: []string{"About", "Links"},
			absent:   []string{"layout: \"search\""},
			files:    []string{"/images/cat.png", "/posts/bundle/cover.png"},
			// A theme's layout pages: capsule's own pages stand for them.
			redirects: map[string]string{"/archives/": "/archive.gmi", "/search/": "/search", "/posts/first/": "/posts/first.gmi"},
		},
		{
			name: "Jekyll", dir: "testdata/jekyll-site", layout: "a Jekyll site (Jekyll's _posts)",
			posts: map[string]string{
				"Codeblocks Ahoy": "タイトルのない投稿。", // no title: its slug's words
				"タイトルが空のメモです。続きもあります。": "タイトルが空のメモです。", // title ''
				"一つ目の index":      "同じ名前の投稿その一。",
				"二つ目の index":      "同じ名前の投稿その二。",
				"No Front Matter": "前付けのない投稿です。",
				"中文标题":            "中文的正文。",
			},
			pages:  map[string]string{"About": "私について。", "カレー": "辛い。"},
			absent: []string{"まだ秘密。", "rubygems", "出力しないコレクションの文。"}, // a draft, the Gemfile, a collection without output: true
			files:  []string{"/assets/logo.png"},
		},
		{
			name: "Eleventy", dir: "testdata/eleventy-site", layout: "an Eleventy site (Eleventy's eleventy.config.js): posts from content/blog",
			posts: map[string]string{
				"ファイル名の日付": "日付はファイル名から。",         // its date from its file's name
				"JS の記事":   "JavaScript の前付けの本文。", // ---js: literal title and date read
				"JSON の記事": "JSON の前付けの本文。",
				"中文标题":     "中文的正文。",
			},
			pages:    map[string]string{"About": "私について。"},
			notPosts: []string{"About"},
			absent:   []string{"まだ秘密。", "ビルド済みの出力。", "Content not found", "@11ty/eleventy"}, // a draft by its directory data, _site, 404.md, package.json
			files:    []string{"/img/cat.png", "/assets/logo.png"},
			heroes: map[[3]string][2]string{ // image: {src, alt}
				{"/posts/中文文章.gmi", "/posts/中文文章.txt", "中文标题"}: {"=> /assets/logo.png 标志 [logo]", "[image: 标志 [logo]][1]\n\n中文的正文。"},
			},
		},
		{
			name: "Astro", dir: "testdata/astro-site", layout: "an Astro site (Astro's astro.config.mjs): posts from src/content/blog",
			posts: map[string]string{
				"Astro の最初": "Astro の本文です。", // pubDate
				"中文标题":      "中文的正文。",       // published, updatedDate
			},
			pages:    map[string]string{"トピック": "トピックの説明。"},
			notPosts: []string{"トピック"},
			absent:   []string{"下書きの本文。", "Astro のページ", "collections"},
			files:    []string{"/hero.png", "/images/a.png"},
			heroes: map[[3]string][2]string{
				{"/posts/first-post.gmi", "/posts/first-post.txt", "Astro の最初"}: {"=> /hero.png Astro の最初", "[image: Astro の最初][1]\n\nAstro の本文です。"}, // no alt: the post's title describes it
			},
		},
		{
			// A _config.yml at the top, as Jekyll's: read as Jekyll, no
			// post was served (none is named YYYY-MM-DD-title.md), and
			// package.json, themes/ and node_modules/ were.
			name: "Hexo", dir: "testdata/hexo-site", layout: "a Hexo site (Hexo's _config.yml and package.json (hexo)): posts from source/_posts",
			posts: map[string]string{
				"はじめての投稿":   "最初の投稿の続きです。",     // after <!-- more -->
				"年のフォルダの投稿": "フォルダの中の投稿の本文。",   // source/_posts/2019/02/
				"画像のある投稿":   "資産フォルダのある投稿の本文。", // its post asset folder beside it
			},
			pages:    map[string]string{"このブログについて": "ブログについてのページです。"},
			notPosts: []string{"このブログについて"},
			// A draft, source/_data, the scaffolds, the theme, the
			// modules, the build, the 404 page.
			absent: []string{"まだ秘密の下書き。", "秘密のデータ", "{{ title }}", "テーマ", "ノードモジュール", "ビルド済みの出力。", "ページが見つかりません。", `"hexo"`},
			files:  []string{"/images/logo.png"},
			notFiles: []string{"/package.json", "/_config.yml", "/scaffolds/post.md", "/themes/landscape/_config.yml", "/node_modules/hexo/package.json",
				"/_data/secret.yml", "/source/_data/secret.yml", "/public/index.html"},
			// Hexo's addresses: permalink :year/:month/:day/:title/ in
			// its timezone (08:00 in Tokyo is the day before in UTC),
			// :title the path in _posts; a page's index.html.
			redirects: map[string]string{"/2024/03/01/hello-world/": "/posts/hello-world.gmi", "/2019/02/21/2019/02/nested/": "/posts/nested.gmi",
				"/2024/01/01/asset-post/": "/posts/asset-post.gmi", "/about/index.html": "/about.gmi"},
		},
		{
			name: "Zola", dir: "testdata/zola-site", layout: "a Zola site (Zola's config.toml): posts from the dated pages of sections sorting by date (blog)",
			posts: map[string]string{
				"最初の投稿":         "最初の投稿の本文です。",     // taxonomies, extra, weight; shortcodes
				"空行で始まる投稿":      "空行で始まるファイルの本文。",  // blank lines before its "+++"
				"名前から日付":        "ファイル名から日付をとる投稿。", // dated by its file name
				"Blog overview": "ブログの概要の投稿です。",    // the same file name as a page of docs
				"バンドル":          "バンドルの本文。",        // a page bundle dated by its folder's name
			},
			pages: map[string]string{
				"About":         "このサイトについてのページです。", // the top: a section sorting by weight
				"Docs overview": "ドキュメントの概要のページ。",
			},
			notPosts: []string{"About", "Docs overview"},
			// Zola's template code and links: rewritten, never shown.
			absent:    []string{"@/", "{{", "{%", "}}", "%}", "sort_by", "mystery"},
			files:     []string{"/img/cat.png", "/blog/2023-05-01_bundle/cover.png"},
			redirects: map[string]string{"/blog/first/": "/posts/first.gmi", "/blog/from-name/": "/posts/from-name.gmi", "/documentation/overview/": "/overview.gmi"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			var logged servetest.LogBuffer
			d := servetest.Start(t, func(cfg *config.Config) {
				cfg.Posts = c.dir
				cfg.Log = log.New(&logged, "", 0)
			})
			if !strings.Contains(logged.String(), c.layout) {
				t.Errorf("the log does not say %q:\n%s", c.layout, logged.String())
			}
			if p := d.Store().Problems; len(p) > 0 {
				t.Errorf("problems: %v", p)
			}
			cfg := servetest.Config(t)
			cfg.Posts = c.dir
			if _, err := daemon.Check(cfg); err != nil {
				t.Errorf("-check: %v", err)
			}
			pages := servetest.Crawl(t, d, 200)
			_, _, home := servetest.GeminiGet(t, d, "/")
			root := servetest.GopherGet(t, d, "\r\n")
			for title, text := range c.posts {
				if !strings.Contains(home, title) || !strings.Contains(root, title) {
					t.Errorf("post %q is not on the home page and the root menu", title)
				}
				if !servedOnBoth(pages, text) {
					t.Errorf("post %q: %q is not served on both protocols", title, text)
				}
			}
			for title, text := range c.pages {
				if !strings.Contains(home, title) {
					t.Errorf("page %q is not on the home page", title)
				}
				if !servedOnBoth(pages, text) {
					t.Errorf("page %q: %q is not served on both protocols", title, text)
				}
			}
			_, _, archive := servetest.GeminiGet(t, d, "/archive.gmi")
			for _, title := range c.notPosts {
				if strings.Contains(archive, title) {
					t.Errorf("%q is listed as a dated post:\n%s", title, archive)
				}
			}
			for addr, page := range pages {
				for _, text := range c.absent {
					if strings.Contains(page, text) {
						t.Errorf("%s serves %q", addr, text)
					}
				}
			}
			for old, to := range c.redirects {
				status, meta, _ := servetest.GeminiGet(t, d, old)
				if status != 31 || !strings.HasSuffix(meta, to) {
					t.Errorf("gemini %s: %d %s, want 31 to %s", old, status, meta, to)
				}
				if menu := servetest.GopherGet(t, d, old+"\r\n"); strings.HasPrefix(menu, "3") || menu == "" {
					t.Errorf("gopher %s: %q", old, menu)
				}
			}
			for at, want := range c.heroes {
				_, _, gem := servetest.GeminiGet(t, d, at[0])
				if !strings.Contains(gem, "\n"+want[0]+"\n") {
					t.Errorf("gemini %s has no line %q:\n%s", at[0], want[0], gem)
				} else if i := strings.Index(gem, want[0]); strings.Contains(gem[:i], c.posts[at[2]]) {
					t.Errorf("gemini %s: %q is not before the post's text:\n%s", at[0], want[0], gem)
				}
				txt := strings.ReplaceAll(servetest.GopherGet(t, d, at[1]+"\r\n"), "\r\n", "\n")
				if !strings.Contains(txt, want[1]) {
					t.Errorf("gopher %s has no %q:\n%s", at[1], want[1], txt)
				}
				// The post's menu has the image as an item of type I.
				img := strings.Fields(want[0])[1]
				menu := servetest.GopherGet(t, d, strings.TrimSuffix(at[1], ".txt")+"/\r\n")
				if !strings.Contains(menu, "\t"+img+"\t") || !strings.Contains("\n"+menu, "\nI") {
					t.Errorf("gopher menu of %s has no image item %s:\n%s", at[1], img, menu)
				}
			}
			for _, f := range c.notFiles {
				if status, meta, _ := servetest.GeminiGet(t, d, f); status != 51 {
					t.Errorf("gemini %s: %d %s, want 51", f, status, meta)
				}
			}
			for _, f := range c.files {
				if status, _, _ := servetest.GeminiGet(t, d, f); status != 20 {
					t.Errorf("gemini %s: %d", f, status)
				}
				if body := servetest.GopherGet(t, d, f+"\r\n"); body != "PNG" {
					t.Errorf("gopher %s: %q", f, body)
				}
			}
		})
	}
}

// servedOnBoth reports whether text is on a page of each protocol of a
// crawl.
func servedOnBoth(pages map[string]string, text string) bool {
	var gem, goph bool
	for addr, page := range pages {
		if strings.Contains(page, text) {
			gem = gem || strings.HasPrefix(addr, "gemini:")
			goph = goph || strings.HasPrefix(addr, "gopher:")
		}
	}
	return gem && goph
}

// A Hexo post's asset folder (source/_posts/asset-post/ beside
// asset-post.md, post_asset_folder: true) is published at the post's
// address: its text links the images by their names, in Markdown or
// with Hexo's {% asset_img %}; {% post_link %} links another post. Each
// link leads to the file or the post.
func TestHexoPostAssets(t *testing.T) {
	d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = "testdata/hexo-site" })
	_, _, page := servetest.GeminiGet(t, d, "/posts/asset-post.gmi")
	target := func(label string) string {
		for _, l := range strings.Split(page, "\n") {
			if f := strings.Fields(l); len(f) >= 3 && f[0] == "=>" && strings.Contains(l, label) {
				return f[1]
			}
		}
		t.Fatalf("no link %q on the post's page:\n%s", label, page)
		return ""
	}
	// ("{% post_path asset-post %}/cat.png": the post's address is the
	// folder of its assets.)
	for _, label := range []string{"資産フォルダの猫", "名前だけの猫", "パスの猫"} {
		at := target(label)
		if status, _, body := servetest.GeminiGet(t, d, at); status != 20 || body != "PNG" {
			t.Errorf("%s: %s: %d %q, want the image", label, at, status, body)
		}
	}
	for _, label := range []string{"hello-world", "パスで前の投稿"} { // post_link, post_path
		if _, _, body := servetest.GeminiGet(t, d, target(label)); !strings.Contains(body, "最初の投稿の要約です。") {
			t.Errorf("%s does not lead to the post hello-world:\n%s", label, body)
		}
	}
	if strings.Contains(page, "{%") {
		t.Errorf("a tag plugin is left in the text:\n%s", page)
	}
}

package capsule_test

import (
	"crypto/sha1"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
)

// hexoSite writes a Hexo site of files (path → text) in a new folder: a
// package.json that depends on hexo, and config as its _config.yml.
func hexoSite(t *testing.T, config string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["_config.yml"] = config
	files["package.json"] = `{"name": "hexo-site", "dependencies": {"hexo": "^7.0.0"}}`
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// serveDir serves dir on loopback (Gemini and Gopher).
func serveDir(t *testing.T, dir string) *daemon.Daemon {
	t.Helper()
	return servetest.Start(t, func(cfg *config.Config) { cfg.Posts = dir })
}

// Hexo reads front matter without its opening "---" (Hexo 2's
// scaffolds wrote every post so, and hexojs/site's 248 pages of 2018
// are): the lines before the first "---" line are its keys. capsule
// read such a file as text alone: the post lost its title and date (its
// name and the file's time instead), and its keys were a heading of its
// text. Its file name is read by new_post_name, as Hexo reads it: the
// date of 2014-06-14-release.md is the post's when its front matter has
// none, and "release" its :title.
func TestHexoFrontMatterWithoutOpeningLine(t *testing.T) {
	dir := hexoSite(t, "title: 古いブログ\nlanguage: ja\ntimezone: Asia/Tokyo\nurl: https://example.jp\npermalink: news/:year/:month/:day/:title/\nnew_post_name: :year-:month-:day-:title.md\n",
		map[string]string{
			"scaffolds/post.md":                   "title: {{ title }}\ndate: {{ date }}\ntags:\n---\n",
			"source/_posts/2014-06-14-release.md": "title: 二・七版の公開\ntags: [リリース]\n---\nハッシュの新機能を紹介します。\n",
			"source/_posts/dated.md":              "title: 日付のある記事\ndate: 2015-03-05 10:00:00\n---\n日付は前付けから。\n",
			// Lines before a "---" that are no YAML: text, with a warning.
			"source/_posts/2016-01-02-prose.md": "Note: this line has a colon\nand goes on\n\n---\n\n区切りの後の段落。\n",
			"source/about/index.md":             "title: このサイトについて\n---\n自己紹介の文です。\n",
		})
	d := serveDir(t, dir)
	for _, c := range []struct{ path, title, date, text string }{
		{"/posts/release.gmi", "# 二・七版の公開", "2014-06-14", "ハッシュの新機能を紹介します。"},
		{"/posts/dated.gmi", "# 日付のある記事", "2015-03-05", "日付は前付けから。"},
		{"/posts/prose.gmi", "", "2016-01-02", "Note: this line has a colon"},
		{"/about.gmi", "# このサイトについて", "", "自己紹介の文です。"},
	} {
		status, _, page := servetest.GeminiGet(t, d, c.path)
		if status != 20 {
			t.Errorf("%s: %d, want 20", c.path, status)
			continue
		}
		if !strings.HasPrefix(page, c.title) || !strings.Contains(page, c.date) || !strings.Contains(page, c.text) {
			t.Errorf("%s: want its title %q, date %q and text %q:\n%s", c.path, c.title, c.date, c.text, page)
		}
		if c.path != "/posts/prose.gmi" && (strings.Contains(page, "title:") || strings.Contains(page, "date:")) {
			t.Errorf("%s: its front matter is in its text:\n%s", c.path, page)
		}
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/prose.gmi"); !strings.Contains(page, "区切りの後の段落。") || !strings.Contains(page, "and goes on") {
		t.Errorf("a text whose lines before --- are no YAML lost some of it:\n%s", page)
	}
	if menu := servetest.GopherGet(t, d, "/tags/リリース\r\n"); !strings.Contains(menu, "二・七版の公開") {
		t.Errorf("Gopher: the tag of the front matter without its opening line lists no post:\n%s", menu)
	}
	// Hexo's addresses, from the name's :title and date.
	for from, to := range map[string]string{
		"/news/2014/06/14/release/": "/posts/release.gmi",
		"/news/2015/03/05/dated/":   "/posts/dated.gmi",
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, from); status != 31 || !strings.HasSuffix(meta, to) {
			t.Errorf("%s: %d %s, want a redirect to %s", from, status, meta, to)
		}
	}
	warned := false
	for _, w := range d.Store().Warnings {
		if w.Kind == "Hexo front matter not read" && strings.HasSuffix(w.File, "2016-01-02-prose.md") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning that prose.md's lines before --- are not front matter: %v", d.Store().Warnings)
	}
}

// A Jekyll post without front matter is text alone, its "key: value"
// first line too: Hexo's reading is Hexo's alone.
func TestJekyllTextWithoutFrontMatterStaysText(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"_config.yml":              "title: Jekyll\n",
		"_posts/2020-01-02-hi.md":  "Note: a first line\n\n---\n\n後の段落。\n",
		"_posts/2020-01-03-two.md": "---\ntitle: Two\n---\n二つ目。\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := serveDir(t, dir)
	if _, _, page := servetest.GeminiGet(t, d, "/posts/hi.gmi"); !strings.Contains(page, "Note: a first line") || !strings.Contains(page, "後の段落。") {
		t.Errorf("the Jekyll post's text is not all there:\n%s", page)
	}
}

// Hexo's tag plugins (Octopress' first) and NexT's are given their
// nearest form: before, the tags were dropped with a warning and only
// their text kept, so that a code block's lines were Markdown ("# not a
// heading" a heading), a quote's author and link, an image, an iframe's
// and a link tag's address, an included file and a label's text were
// lost.
func TestHexoTagPlugins(t *testing.T) {
	dir := hexoSite(t, "title: タグのブログ\nlanguage: ja\n", map[string]string{
		"source/images/cat.png":          "PNG",
		"source/downloads/code/hello.sh": "echo hello\n",
		"source/_posts/other.md":         "---\ntitle: 別の記事\ndate: 2020-01-01\n---\n本文。\n",
		"source/_posts/tags.md": `---
title: タグの記事
date: 2020-02-02
---
{% codeblock 挨拶の例 lang:sh %}
echo hi
# not a heading
{% endcodeblock %}

{% blockquote 森鴎外, 舞姫 %}
石炭をば早や積み果てつ。
{% endblockquote %}
続く段落。

{% blockquote @hexojs https://example.com/status/1 %}
新しい版が出ました。
{% endblockquote %}

{% note info %}
ノートの中身。{% label primary@重要な語 %}
{% endnote %}

{% img left /images/cat.png 200 200 '"猫の題" "猫の写真"' %}

{% iframe https://example.com/frame 400 300 %}

{% link Hexoの公式 https://hexo.io/ true %}

{% include_code 挨拶のスクリプト lang:sh hello.sh %}
`,
	})
	d := serveDir(t, dir)
	_, _, page := servetest.GeminiGet(t, d, "/posts/tags.gmi")
	lines := strings.Split(page, "\n")
	has := func(what string, ok func(string) bool) {
		t.Helper()
		for _, l := range lines {
			if ok(l) {
				return
			}
		}
		t.Errorf("no %s on the page:\n%s", what, page)
	}
	// The code block: its lines preformatted, its title before it.
	in, code := false, false
	for _, l := range lines {
		if strings.HasPrefix(l, "```") {
			in = !in
		}
		if in && l == "# not a heading" {
			code = true
		}
	}
	if !code {
		t.Errorf("the codeblock's lines are not preformatted:\n%s", page)
	}
	has("code block title", func(l string) bool { return l == "挨拶の例" })
	has("quote", func(l string) bool {
		return strings.HasPrefix(l, "> ") && strings.Contains(l, "石炭をば早や積み果てつ。")
	})
	has("quote's author and source", func(l string) bool {
		return strings.HasPrefix(l, "> ") && strings.Contains(l, "森鴎外") && strings.Contains(l, "舞姫")
	})
	has("paragraph after the quote", func(l string) bool { return l == "続く段落。" })
	has("quote's link", func(l string) bool { return strings.HasPrefix(l, "=> https://example.com/status/1") })
	has("note as a quote", func(l string) bool { return strings.HasPrefix(l, "> ") && strings.Contains(l, "ノートの中身。") })
	has("label's text", func(l string) bool { return strings.Contains(l, "重要な語") })
	has("image", func(l string) bool {
		return strings.HasPrefix(l, "=> /images/cat.png ") && strings.Contains(l, "猫の写真")
	})
	has("iframe's link", func(l string) bool { return strings.HasPrefix(l, "=> https://example.com/frame") })
	has("link tag's link", func(l string) bool {
		return strings.HasPrefix(l, "=> https://hexo.io/ ") && strings.Contains(l, "Hexoの公式")
	})
	has("included file's link", func(l string) bool {
		return strings.HasPrefix(l, "=> /downloads/code/hello.sh ") && strings.Contains(l, "挨拶のスクリプト")
	})
	if strings.Contains(page, "{%") {
		t.Errorf("a tag is left in the text:\n%s", page)
	}
	for _, w := range d.Store().Warnings {
		if strings.HasSuffix(w.File, "tags.md") {
			t.Errorf("warning: %v", w)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/tags.txt\r\n"); !strings.Contains(text, "石炭をば早や積み果てつ。") || !strings.Contains(text, "https://hexo.io/") {
		t.Errorf("Gopher: the quote or the link is missing:\n%s", text)
	}
}

// Hexo's permalink may name any key of the front matter: hexo-abbrlink's
// :abbrlink (posts/:abbrlink/, common in Chinese and Japanese blogs),
// :id; and :hash (the SHA-1 of the post's name and date's seconds) and
// :category (its categories, one in the other). Before, none of these
// was followed: no old address led to its post, and each post warned
// `"" is a pattern`. A post without the key its site's permalink names
// says so.
func TestHexoPermalinkKeys(t *testing.T) {
	hash := func(title string, date time.Time) string {
		return fmt.Sprintf("%x", sha1.Sum([]byte(title+strconv.FormatInt(date.Unix(), 10))))[:12]
	}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		permalink string
		posts     map[string]string // file in _posts → front matter
		want      map[string]string // old address → capsule's
		missing   string            // the file warned about, if any
	}{
		{"posts/:abbrlink/", map[string]string{
			"hello.md":   "title: こんにちは\nabbrlink: 3a1f9c2e\ndate: 2021-04-03 09:38:02",
			"numeric.md": "title: 数字\nabbrlink: 60572\ndate: 2021-12-29 23:26:04",
			"new.md":     "title: 新しい記事\ndate: 2022-01-01",
		}, map[string]string{"/posts/3a1f9c2e/": "/posts/hello.gmi", "/posts/60572/": "/posts/numeric.gmi"}, "new.md"},
		{"archives/:id.html", map[string]string{"hello.md": "title: ID\nid: 42\ndate: 2020-01-01"},
			map[string]string{"/archives/42.html": "/posts/hello.gmi"}, ""},
		{":category/:title/", map[string]string{"hello.md": "title: 分類\ncategories: [Web Dev, Go]\ndate: 2020-01-01"},
			map[string]string{"/Web-Dev/Go/hello/": "/posts/hello.gmi"}, ""},
		{"p/:hash/", map[string]string{"hello.md": "title: ハッシュ\ndate: 2020-01-02 03:04:05"},
			map[string]string{"/p/" + hash("hello", time.Date(2020, 1, 2, 3, 4, 5, 0, tokyo)) + "/": "/posts/hello.gmi"}, ""},
	} {
		files := map[string]string{}
		for name, front := range c.posts {
			files["source/_posts/"+name] = "---\n" + front + "\n---\n本文。\n"
		}
		dir := hexoSite(t, "title: 短いリンク\nlanguage: ja\ntimezone: Asia/Tokyo\npermalink: "+c.permalink+"\n", files)
		d := serveDir(t, dir)
		for from, to := range c.want {
			if status, meta, _ := servetest.GeminiGet(t, d, from); status != 31 || !strings.HasSuffix(meta, to) {
				t.Errorf("%s: %s: %d %s, want a redirect to %s", c.permalink, from, status, meta, to)
			}
		}
		warned := ""
		for _, w := range d.Store().Warnings {
			switch {
			case w.Kind == "Hexo address unknown":
				warned = filepath.Base(w.File)
			case strings.Contains(w.Msg, "abbrlink") || strings.Contains(w.Msg, "pattern"):
				t.Errorf("%s: %v", c.permalink, w)
			}
		}
		if warned != c.missing {
			t.Errorf("%s: the post warned of as without its address is %q, want %q", c.permalink, warned, c.missing)
		}
	}
}

// Hexo publishes a post's asset folder (source/_posts/hello/ beside
// hello.md) at the post's address: cat.png at /blog/2020/07/23/hello/
// cat.png, which the web and other posts link ({% img %} without the
// root, which Hexo adds). capsule served the file at /_posts/hello/
// cat.png alone: that address was 51, and the links to it dead.
func TestHexoAssetWebAddresses(t *testing.T) {
	dir := hexoSite(t, "title: 資産\nlanguage: ja\ntimezone: Asia/Tokyo\nroot: /blog/\npermalink: :year/:month/:day/:title/\npost_asset_folder: true\n", map[string]string{
		"source/_posts/hello.md":             "---\ntitle: 猫の記事\ndate: 2020-07-23 10:00:00\n---\n{% asset_img cat.png 猫 %}\n",
		"source/_posts/hello/cat.png":        "PNG",
		"source/_posts/hello/img/nested.png": "NESTED",
		"source/_posts/other.md":             "---\ntitle: 別の記事\ndate: 2020-08-01\n---\n{% img /2020/07/23/hello/cat.png 前の記事の猫 %}\n\n![入れ子の絵](/blog/2020/07/23/hello/img/nested.png)\n",
	})
	d := serveDir(t, dir)
	for web, file := range map[string]string{
		"/blog/2020/07/23/hello/cat.png":        "/_posts/hello/cat.png",
		"/blog/2020/07/23/hello/img/nested.png": "/_posts/hello/img/nested.png",
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, web); status != 31 || !strings.HasSuffix(meta, file) {
			t.Errorf("Gemini %s: %d %s, want a redirect to %s", web, status, meta, file)
		}
		_, _, want := servetest.GeminiGet(t, d, file)
		if got := servetest.GopherGet(t, d, web+"\r\n"); got != want || want == "" {
			t.Errorf("Gopher %s: %q, want the file %q", web, got, want)
		}
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/other.gmi")
	for _, want := range []string{"=> /_posts/hello/cat.png 前の記事の猫", "=> /_posts/hello/img/nested.png 入れ子の絵"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q on the page linking the asset by its web address:\n%s", want, page)
		}
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("dead link: %v", w)
		}
	}
}

// A bare {% post_link hello %} is labelled, as Hexo labels it, with the
// post's title (it was its file's name), and the last argument of
// {% post_link hello title false %}, whether Hexo escapes the title, is
// not part of the label.
func TestHexoPostLinkLabel(t *testing.T) {
	dir := hexoSite(t, "title: リンク\nlanguage: ja\n", map[string]string{
		"source/_posts/2019/hello.md": "---\ntitle: 最初の記事の題\ndate: 2019-01-01\n---\n本文。\n",
		"source/_posts/links.md":      "---\ntitle: リンクの記事\ndate: 2020-01-01\n---\n前は {% post_link 2019/hello %} です。\n\nまた {% post_link 2019/hello \"別の言い方\" false %} です。\n",
	})
	d := serveDir(t, dir)
	_, _, page := servetest.GeminiGet(t, d, "/posts/links.gmi")
	for _, want := range []string{"=> /posts/hello.gmi 最初の記事の題\n", "=> /posts/hello.gmi 別の言い方\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q on the page:\n%s", want, page)
		}
	}
}

// Hexo's multilingual posts, as its docs set them: new_post_name
// :lang/:title.md puts a post in _posts/en/hello.md, whose :lang is en
// (the name's, over the front matter's) and :title hello; permalink
// :lang/:title/ is then /en/hello/, permalink_defaults' lang the
// others'. capsule took :title for en/hello and every post's :lang for
// the default: both posts claimed /ja/hello/ (en's lost it, with a
// warning) and /en/hello/ was 51. The front matter's lang stays the
// post's language when the permalink names :lang.
func TestHexoLanguageFromPostName(t *testing.T) {
	dir := hexoSite(t, "title: 多言語\nlanguage: [ja, en]\nnew_post_name: :lang/:title.md\npermalink: :lang/:title/\npermalink_defaults:\n  lang: ja\n", map[string]string{
		"source/_posts/en/hello.md": "---\ntitle: Hello\ndate: 2020-01-01\n---\nEnglish text.\n",
		"source/_posts/ja/hello.md": "---\ntitle: こんにちは\ndate: 2020-01-01\n---\n日本語の本文。\n",
		"source/_posts/plain.md":    "---\ntitle: Bonjour\nlang: fr\ndate: 2020-01-02\n---\nTexte.\n",
	})
	d := serveDir(t, dir)
	for from, text := range map[string]string{"/en/hello/": "English text.", "/ja/hello/": "日本語の本文。", "/fr/plain/": "Texte."} {
		status, meta, _ := servetest.GeminiGet(t, d, from)
		if status != 31 {
			t.Errorf("%s: %d %s, want a redirect", from, status, meta)
			continue
		}
		u, _ := url.Parse(meta)
		if _, _, page := servetest.GeminiGet(t, d, u.Path); !strings.Contains(page, text) {
			t.Errorf("%s leads to %s, not the post %q:\n%s", from, meta, text, page)
		}
	}
	_, mime, _ := servetest.GeminiGet(t, d, "/posts/plain.gmi")
	if !strings.Contains(mime, "lang=fr") {
		t.Errorf("the front matter's lang: fr is not the post's language: %s", mime)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "not served there") {
			t.Errorf("%v", w)
		}
	}
}

// Hexo reads JSON front matter ended by a ";;;" line (hexo-front-matter:
// its members without their braces, JSON.parse("{" + … + "}")), with or
// without an opening ";;;" line. capsule read such a file as text: the
// post lost its title, date and tags (its name and the file's time
// instead), its JSON a paragraph of its text. Members that are no JSON
// leave the file all text, as Hexo reads it, with a warning.
func TestHexoJSONFrontMatter(t *testing.T) {
	dir := hexoSite(t, "title: JSONのブログ\nlanguage: ja\ntimezone: Asia/Tokyo\npermalink: :year/:month/:day/:title/\n",
		map[string]string{
			"source/_posts/opened.md": ";;;\n\"title\": \"開いた記事\",\n\"date\": \"2013/7/13 20:46:25\",\n\"tags\": [\"設定\", \"JSON\"]\n;;;\n開き行のある本文。\n",
			"source/_posts/bare.md":   "\"title\": \"開き行のない記事\",\n\"date\": \"2014-02-03 08:00:00\"\n;;;\n開き行のない本文。\n",
			"source/_posts/broken.md": "\"title\": \"壊れた記事\"\n\"date\": \"2015-01-01\"\n;;;\n壊れた本文。\n",
			"source/about/index.md":   ";;;\n\"title\": \"このサイト\"\n;;;\nページの本文。\n",
		})
	d := serveDir(t, dir)
	for _, c := range []struct{ path, title, date, text string }{
		{"/posts/opened.gmi", "# 開いた記事", "2013-07-13", "開き行のある本文。"},
		{"/posts/bare.gmi", "# 開き行のない記事", "2014-02-03", "開き行のない本文。"},
		{"/about.gmi", "# このサイト", "", "ページの本文。"},
	} {
		status, _, page := servetest.GeminiGet(t, d, c.path)
		if status != 20 {
			t.Errorf("%s: %d, want 20", c.path, status)
			continue
		}
		if !strings.HasPrefix(page, c.title) || !strings.Contains(page, c.date) || !strings.Contains(page, c.text) {
			t.Errorf("%s: want its title %q, date %q and text %q:\n%s", c.path, c.title, c.date, c.text, page)
		}
		if strings.Contains(page, `"title"`) || strings.Contains(page, ";;;") {
			t.Errorf("%s: its front matter is in its text:\n%s", c.path, page)
		}
	}
	if menu := servetest.GopherGet(t, d, "/tags/設定\r\n"); !strings.Contains(menu, "開いた記事") {
		t.Errorf("Gopher: the JSON front matter's tag lists no post:\n%s", menu)
	}
	// Its address on the web, from its date: Hexo's.
	if status, meta, _ := servetest.GeminiGet(t, d, "/2013/07/13/opened/"); status != 31 || !strings.HasSuffix(meta, "/posts/opened.gmi") {
		t.Errorf("/2013/07/13/opened/: %d %s, want a redirect to the post", status, meta)
	}
	// No JSON (a comma missing): all text, nothing lost, and said.
	if _, _, page := servetest.GeminiGet(t, d, "/posts/broken.gmi"); !strings.Contains(page, "壊れた記事") || !strings.Contains(page, "壊れた本文。") {
		t.Errorf("a file whose JSON does not read lost some of its text:\n%s", page)
	}
	warned := false
	for _, w := range d.Store().Warnings {
		if w.Kind == "Hexo front matter not read" && strings.HasSuffix(w.File, "broken.md") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning that broken.md's JSON is not read: %v", d.Store().Warnings)
	}
}

// Hexo copies the files skip_render names as they are, never rendering
// them (micromatch against the path in source/: "*.md" is a file at the
// top, "static/**" all of static/): a README.md for the repository, a
// folder of HTML or Markdown made elsewhere. capsule made each a page
// (the README a page of the site, an HTML page's front matter read), and
// served none at the address Hexo publishes it at. A Markdown file
// skip_render does not name (notes/keep.md: "*.md" is the top's alone)
// stays a page.
func TestHexoSkipRender(t *testing.T) {
	dir := hexoSite(t, "title: Skip\nskip_render:\n  - \"*.md\"\n  - static/**\n  - \"{demo,extra}/*.html\"\n",
		map[string]string{
			"source/_posts/hello.md":       "---\ntitle: Hello\ndate: 2020-01-02\n---\nPost text.\n",
			"source/README.md":             "# The repository\n\nBuilt with Hexo.\n",
			"source/static/guide/index.md": "---\ntitle: Guide\n---\nA guide made elsewhere.\n",
			"source/demo/page.html":        "---\ntitle: Demo\n---\n<p>A demo page.</p>\n",
			"source/extra/other.html":      "---\ntitle: Other\n---\n<p>Another.</p>\n",
			"source/notes/keep.md":         "---\ntitle: Kept page\n---\nStill a page.\n",
		})
	d := serveDir(t, dir)
	for p, text := range map[string]string{
		"/README.md":             "# The repository\n\nBuilt with Hexo.\n",
		"/static/guide/index.md": "---\ntitle: Guide\n---\nA guide made elsewhere.\n",
		"/demo/page.html":        "---\ntitle: Demo\n---\n<p>A demo page.</p>\n",
		"/extra/other.html":      "---\ntitle: Other\n---\n<p>Another.</p>\n",
	} {
		if status, _, body := servetest.GeminiGet(t, d, p); status != 20 || body != text {
			t.Errorf("Gemini %s: %d %q, want the file as it is, %q", p, status, body, text)
		}
		if body := servetest.GopherGet(t, d, p+"\r\n"); body != text {
			t.Errorf("Gopher %s: %q, want the file as it is", p, body)
		}
	}
	for _, p := range []string{"/README.gmi", "/guide.gmi", "/page.gmi", "/other.gmi", "/static/guide/index.html"} {
		if status, _, _ := servetest.GeminiGet(t, d, p); status == 20 {
			t.Errorf("%s: served as a page", p)
		}
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	for _, title := range []string{"README", "The repository", "Guide", "Demo", "Other"} {
		if strings.Contains(home, title) {
			t.Errorf("the home page lists %q, a file Hexo copies as it is:\n%s", title, home)
		}
	}
	if status, _, page := servetest.GeminiGet(t, d, "/keep.gmi"); status != 20 || !strings.Contains(page, "Still a page.") {
		t.Errorf("/keep.gmi: %d, want the page skip_render does not name:\n%s", status, page)
	}
}

// A draft's asset folder (source/_drafts/plan/ beside plan.md) is
// published with its post alone, as Hexo publishes it (no render_drafts:
// true, no draft's assets): capsule served its files to everyone at
// /_drafts/plan/…, the draft kept to its author.
func TestHexoDraftAssetsNotPublished(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{
			"source/_posts/hello.md":         "---\ntitle: Hello\ndate: 2020-01-02\n---\nPost.\n",
			"source/_posts/hello/sun.png":    "PNG sun",
			"source/_drafts/plan.md":         "---\ntitle: Plan\n---\n![](plan/secret.png)\n",
			"source/_drafts/plan/secret.png": "PNG secret",
		}
	}
	d := serveDir(t, hexoSite(t, "title: Drafts\npost_asset_folder: true\n", files()))
	if status, _, _ := servetest.GeminiGet(t, d, "/_drafts/plan/secret.png"); status == 20 {
		t.Errorf("Gemini: a draft's asset is served to anyone")
	}
	if body := servetest.GopherGet(t, d, "/_drafts/plan/secret.png\r\n"); strings.Contains(body, "PNG secret") {
		t.Errorf("Gopher: a draft's asset is served to anyone")
	}
	if status, _, body := servetest.GeminiGet(t, d, "/_posts/hello/sun.png"); status != 20 || body != "PNG sun" {
		t.Errorf("a post's asset: %d %q, want it served", status, body)
	}
	// render_drafts: true publishes the drafts, and their assets.
	d = serveDir(t, hexoSite(t, "title: Drafts\npost_asset_folder: true\nrender_drafts: true\n", files()))
	if status, _, body := servetest.GeminiGet(t, d, "/_drafts/plan/secret.png"); status != 20 || body != "PNG secret" {
		t.Errorf("render_drafts: true: the draft's asset: %d %q, want it served", status, body)
	}
}

// Hexo makes the addresses of categories and tags of the names
// category_map and tag_map give them (lib/models/category.ts, tag.ts):
// with "前端: frontend", a post of 前端 under ":category/:title.html" is
// at /frontend/hello.html, the category's page at /categories/frontend/.
// capsule made :category of the category's own name (/前端/hello.html,
// an address the site never had), and a link to /categories/frontend/
// or /tags/design/ led to no tag.
func TestHexoCategoryAndTagMaps(t *testing.T) {
	dir := hexoSite(t, "title: 地図\nlanguage: zh-CN\npermalink: :category/:title.html\ncategory_map:\n  前端: frontend\n  Web 开发: webdev\ntag_map:\n  设计: design\n",
		map[string]string{
			"source/_posts/hello.md": "---\ntitle: 你好\ndate: 2020-01-02\ncategories: [前端]\ntags: [设计]\n---\n正文。\n",
			"source/_posts/deep.md":  "---\ntitle: 深\ndate: 2020-01-03\ncategories: [前端, Web 开发]\n---\n二级。\n",
			"source/_posts/plain.md": "---\ntitle: 其他\ndate: 2020-01-04\ncategories: [其他]\n---\n未映射。\n",
			"source/_posts/links.md": "---\ntitle: 链接\ndate: 2020-01-05\n---\n[分类](/categories/frontend/) 和 [标签](/tags/design/)。\n",
		})
	d := serveDir(t, dir)
	for from, to := range map[string]string{
		"/frontend/hello.html":       "/posts/hello.gmi",
		"/frontend/webdev/deep.html": "/posts/deep.gmi",
		"/其他/plain.html":             "/posts/plain.gmi",
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, from); status != 31 || !strings.HasSuffix(meta, to) {
			t.Errorf("Gemini %s: %d %s, want a redirect to %s", from, status, meta, to)
		}
		if body := servetest.GopherGet(t, d, from+"\r\n"); !strings.Contains(body, "。") {
			t.Errorf("Gopher %s: %q, want the post's text", from, body)
		}
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/前端/hello.html"); status == 31 {
		t.Errorf("/前端/hello.html: still an address of the post, which Hexo never gave it")
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/links.gmi")
	for _, want := range []string{"=> /tags/" + url.PathEscape("前端") + ".gmi", "=> /tags/" + url.PathEscape("设计") + ".gmi"} {
		if !strings.Contains(page, want) {
			t.Errorf("the links to Hexo's pages of a category and a tag by their mapped slugs: no %q:\n%s", want, page)
		}
	}
}

// A Hexo site has a page for each tag (tag_dir/<slug>/) and category
// (category_dir/<parent>/<slug>/), with later pages
// (<pagination_dir>/2/), and its theme an index of them: readers and
// other sites keep those addresses. They lead to capsule's page of the
// tag (its tags hold the categories too), the indexes to its list of
// tags: a redirect on Gemini, the tag's menu on Gopher. capsule answered
// them 51 (a post's link to /tags/<slug>/ led to the tag; a request for
// it did not), and did not know tag_dir and category_dir at all.
func TestHexoTermPages(t *testing.T) {
	t.Run("default folders", func(t *testing.T) {
		dir := hexoSite(t, "title: Terms\nper_page: 1\ncategory_map:\n  Frontend: fe\n",
			map[string]string{
				"source/_posts/one.md":       "---\ntitle: One\ndate: 2020-01-02\ntags: [Hello World, Go]\ncategories: [Web, Frontend]\n---\nOne.\n",
				"source/_posts/two.md":       "---\ntitle: Two\ndate: 2020-01-03\ntags: [Go]\ncategories: [Web]\n---\nTwo.\n",
				"source/categories/index.md": "---\ntitle: Categories\ntype: categories\n---\n",
			})
		d := serveDir(t, dir)
		checkTermAddresses(t, d, map[string]string{
			"/tags/Hello-World/":      "Hello World",
			"/tags/Go/":               "Go",
			"/tags/Go":                "Go",
			"/tags/Go/index.html":     "Go",
			"/tags/Go/page/2/":        "Go",
			"/categories/Web/":        "Web",
			"/categories/Web/page/2/": "Web",
			"/categories/Web/fe/":     "Frontend",
			"/categories/":            "",
			"/categories":             "",
		})
		// Pages Hexo makes none of (one post in Frontend, one page each).
		for _, p := range []string{"/categories/Web/fe/page/2/", "/tags/Go/page/3/", "/categories/fe/", "/tags/Web/"} {
			if status, meta, _ := servetest.GeminiGet(t, d, p); status != 51 {
				t.Errorf("Gemini %s: %d %s, an address the site never had", p, status, meta)
			}
		}
		if status, _, _ := servetest.GeminiGet(t, d, "/categories.gmi"); status == 20 {
			t.Errorf("/categories.gmi: the theme's page of the categories is served as a page, with no text")
		}
	})
	t.Run("tag_dir and category_dir", func(t *testing.T) {
		dir := hexoSite(t, "title: Dirs\nurl: https://example.org/blog\nroot: /blog/\ntag_dir: labels\ncategory_dir: topics/all\npagination_dir: p\ntag_generator:\n  per_page: 1\n",
			map[string]string{
				"source/_posts/one.md":              "---\ntitle: One\ndate: 2020-01-02\ntags: [Go, design]\ncategories: Notes\n---\nOne: [go](/blog/labels/Go/), [notes](https://example.org/blog/topics/all/Notes/) and [none](/blog/labels/rust/).\n",
				"source/_posts/two.md":              "---\ntitle: Two\ndate: 2020-01-03\ntags: [Go]\n---\nTwo.\n",
				"source/labels/design/index.md":     "---\ntitle: Design\n---\nThe author's own page at the address of the tag's.\n",
				"source/_posts/three.md":            "---\ntitle: Three\ndate: 2020-01-04\n---\n[list](/blog/labels/)\n",
				"source/topics/all/Notes/other.txt": "a file",
			})
		d := serveDir(t, dir)
		checkTermAddresses(t, d, map[string]string{
			"/blog/labels/Go/":            "Go",
			"/blog/labels/Go/p/2/":        "Go",
			"/blog/topics/all/Notes/":     "Notes",
			"/blog/topics/all/Notes":      "Notes",
			"/blog/labels/":               "",
			"/blog/topics/all/":           "",
			"/blog/topics/all/index.html": "",
		})
		for _, p := range []string{"/tags/Go/", "/blog/tags/Go/", "/categories/Notes/", "/blog/labels/Go/page/2/"} {
			if status, meta, _ := servetest.GeminiGet(t, d, p); status != 51 {
				t.Errorf("Gemini %s: %d %s, an address the site never had", p, status, meta)
			}
		}
		// The author's page keeps its address: the tag's is claimed last.
		if status, meta, _ := servetest.GeminiGet(t, d, "/blog/labels/design/"); status != 31 || strings.Contains(meta, "/tags/") {
			t.Errorf("/blog/labels/design/: %d %s, want the author's page there", status, meta)
		}
		_, _, one := servetest.GeminiGet(t, d, "/posts/one.gmi")
		for _, want := range []string{"=> /tags/Go.gmi go", "=> /tags/Notes.gmi notes"} {
			if !strings.Contains(one, want) {
				t.Errorf("a link to a page of tag_dir or category_dir: no %q:\n%s", want, one)
			}
		}
		_, _, three := servetest.GeminiGet(t, d, "/posts/three.gmi")
		if !strings.Contains(three, "=> /tags/ list") {
			t.Errorf("a link to tag_dir's index: not capsule's tags:\n%s", three)
		}
		var dead []string
		for _, w := range d.Store().Warnings {
			if strings.Contains(w.Error(), "/labels/") || strings.Contains(w.Error(), "/topics/") {
				dead = append(dead, w.Error())
			}
		}
		if len(dead) != 1 || !strings.Contains(dead[0], "tag no post has: /blog/labels/rust/") {
			t.Errorf("warnings: %q, want the link to /blog/labels/rust/ alone told dead", dead)
		}
	})
}

// checkTermAddresses checks that each address of want leads to the
// capsule's page of its tag ("" its list of tags): a redirect on Gemini,
// the tag's menu on Gopher.
func checkTermAddresses(t *testing.T, d *daemon.Daemon, want map[string]string) {
	t.Helper()
	for p, tag := range want {
		page, sel, item := "/tags/", "/tags/", "\t/tags/Go\t" // the list of tags lists Go
		if tag != "" {
			page, sel, item = "/tags/"+url.PathEscape(tag)+".gmi", "/tags/"+url.PathEscape(tag), "\t/posts/" // a tag's, its posts
		}
		esc := (&url.URL{Path: p}).EscapedPath()
		if status, meta, _ := servetest.GeminiGet(t, d, esc); status != 31 || !strings.HasSuffix(meta, page) {
			t.Errorf("Gemini %s: %d %s, want a redirect to %s", p, status, meta, page)
		}
		if got, menu := servetest.GopherGet(t, d, p+"\r\n"), servetest.GopherGet(t, d, sel+"\r\n"); got != menu || !strings.Contains(menu, item) {
			t.Errorf("Gopher %s: %q, want the menu of %s:\n%s", p, got, sel, menu)
		}
	}
}

// filename_case: 1 lower-cases the slugs of Hexo's categories and tags
// (:category, /tags/<slug>/). _config.yml's numbers are read as
// uint64: capsule took none of them, and a post of "Web Dev" under
// ":category/:title/" was answered at /Web-Dev/hello/, an address the
// site never had, not at /web-dev/hello/.
func TestHexoFilenameCase(t *testing.T) {
	dir := hexoSite(t, "title: Case\npermalink: :category/:title/\nfilename_case: 1\n",
		map[string]string{
			"source/_posts/hello.md": "---\ntitle: Hello\ndate: 2020-01-02\ncategories: [Web Dev]\n---\nLower case.\n",
		})
	d := serveDir(t, dir)
	if status, meta, _ := servetest.GeminiGet(t, d, "/web-dev/hello/"); status != 31 || !strings.HasSuffix(meta, "/posts/hello.gmi") {
		t.Errorf("Gemini /web-dev/hello/: %d %s, want a redirect to the post", status, meta)
	}
	if body := servetest.GopherGet(t, d, "/web-dev/hello/\r\n"); !strings.Contains(body, "Lower case.") {
		t.Errorf("Gopher /web-dev/hello/: %q, want the post's text", body)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/Web-Dev/hello/"); status == 31 {
		t.Errorf("/Web-Dev/hello/: an address of the post, which Hexo never gave it")
	}
}

// Hexo's :category of a post with no category is default_category as
// written, not slugized (filter/post_permalink.ts), where a category's
// is its slug: "未分类 Notes" makes /未分类 Notes/hello/. capsule made
// it /未分类-Notes/hello/.
func TestHexoDefaultCategoryAsWritten(t *testing.T) {
	dir := hexoSite(t, "title: Default\npermalink: :category/:title/\ndefault_category: 未分类 Notes\n",
		map[string]string{
			"source/_posts/hello.md": "---\ntitle: Hello\ndate: 2020-01-02\n---\nNo category.\n",
		})
	d := serveDir(t, dir)
	at := (&url.URL{Path: "/未分类 Notes/hello/"}).EscapedPath()
	if status, meta, _ := servetest.GeminiGet(t, d, at); status != 31 || !strings.HasSuffix(meta, "/posts/hello.gmi") {
		t.Errorf("Gemini %s: %d %s, want a redirect to the post", at, status, meta)
	}
	if body := servetest.GopherGet(t, d, "/未分类 Notes/hello/\r\n"); !strings.Contains(body, "No category.") {
		t.Errorf("Gopher /未分类 Notes/hello/: %q, want the post's text", body)
	}
	if status, _, _ := servetest.GeminiGet(t, d, (&url.URL{Path: "/未分类-Notes/hello/"}).EscapedPath()); status == 31 {
		t.Errorf("/未分类-Notes/hello/: an address of the post, which Hexo never gave it")
	}
}

// A negated skip_render pattern matches, as micromatch matches it among
// the others, every file its pattern does not: "!{**/*.md,keep/*}" has
// Hexo copy every file as it is but Markdown and keep/'s (an HTML file
// with front matter too), and render those. Negated, "!static/keep.md"
// beside "static/**" matches every post: Hexo renders none and
// publishes none (a post it matches is not copied either), and copies
// the pages' Markdown as it is. capsule left negated patterns out.
func TestHexoSkipRenderNegated(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{
			"source/_posts/hello.md":    "---\ntitle: Hello\ndate: 2020-01-02\n---\nPost text.\n",
			"source/about/index.md":     "---\ntitle: About\n---\nAbout text.\n",
			"source/demo/page.html":     "---\ntitle: Demo\n---\n<p>A demo page.</p>\n",
			"source/keep/rendered.html": "---\ntitle: Rendered\n---\n<p>Rendered page.</p>\n",
		}
	}
	t.Run("all but Markdown", func(t *testing.T) {
		d := serveDir(t, hexoSite(t, "title: Skip\nskip_render: \"!{**/*.md,keep/*}\"\n", files()))
		for p, want := range map[string]string{"/posts/hello.gmi": "Post text.", "/about.gmi": "About text.", "/rendered.gmi": "Rendered page."} {
			if status, _, body := servetest.GeminiGet(t, d, p); status != 20 || !strings.Contains(body, want) {
				t.Errorf("Gemini %s: %d, want the page:\n%s", p, status, body)
			}
		}
		want := files()["source/demo/page.html"]
		if status, _, body := servetest.GeminiGet(t, d, "/demo/page.html"); status != 20 || body != want {
			t.Errorf("Gemini /demo/page.html: %d %q, want the file as it is", status, body)
		}
		if body := servetest.GopherGet(t, d, "/demo/page.html\r\n"); body != want {
			t.Errorf("Gopher /demo/page.html: %q, want the file as it is", body)
		}
		if status, _, _ := servetest.GeminiGet(t, d, "/page.gmi"); status == 20 {
			t.Errorf("/page.gmi: a page of an HTML file Hexo copies as it is")
		}
	})
	t.Run("every post", func(t *testing.T) {
		d := serveDir(t, hexoSite(t, "title: Skip\nskip_render:\n  - static/**\n  - \"!static/keep.md\"\n", files()))
		for _, p := range []string{"/posts/hello.gmi", "/_posts/hello.md", "/2020/01/02/hello/", "/about.gmi"} {
			if status, _, _ := servetest.GeminiGet(t, d, p); status != 51 {
				t.Errorf("Gemini %s: %d, want 51: Hexo publishes no post and renders no page", p, status)
			}
		}
		want := files()["source/about/index.md"]
		if status, _, body := servetest.GeminiGet(t, d, "/about/index.md"); status != 20 || body != want {
			t.Errorf("Gemini /about/index.md: %d %q, want the file as it is", status, body)
		}
		if body := servetest.GopherGet(t, d, "/about/index.md\r\n"); body != want {
			t.Errorf("Gopher /about/index.md: %q, want the file as it is", body)
		}
		told := false
		for _, w := range d.Store().Warnings {
			told = told || strings.Contains(w.Error(), "hello.md") && strings.Contains(w.Error(), "skip_render")
		}
		if !told {
			t.Errorf("the post left out is not told of: %v", d.Store().Warnings)
		}
	})
}

// Hexo reads a post's categories as paths (lib/models/post.ts
// setCategories): a list of lists is several paths, its documented way
// to file a post in two places ([[Diary, Life], [Work]]: Life in Diary,
// and Work), a name alone among them a path of one; one string is one
// category, and one tag ("Web Design", "A, B"). capsule refused the
// list of lists (the post was not served at all), split a string at
// its spaces and refused one with a comma (not served either). The
// post's :category is its last path's (Hexo's last made of its
// categories, the last path's when no post made it before).
func TestHexoCategoryPaths(t *testing.T) {
	dir := hexoSite(t, "title: Paths\npermalink: :category/:title/\n",
		map[string]string{
			"source/_posts/nested.md": "---\ntitle: Nested\ndate: 2020-01-02\ncategories: [[Diary, Life], [Work]]\n---\nTwo paths.\n",
			"source/_posts/block.md":  "---\ntitle: Block\ndate: 2020-01-03\ncategories:\n  - [Notes, Go]\n  - Misc\n---\nA block list.\n",
			"source/_posts/string.md": "---\ntitle: String\ndate: 2020-01-04\ncategories: Web Design\ntags: Hello World\n---\nOne category.\n",
			"source/_posts/comma.md":  "---\ntitle: Comma\ndate: 2020-01-05\ncategories: \"Tips, Tricks\"\n---\nOne with a comma.\n",
			"source/_posts/odd.md":    "---\ntitle: Odd\ndate: 2020-01-06\ncategories:\n  - [Odd, {a: b}]\n---\nA mapping.\n",
		})
	d := serveDir(t, dir)
	for name, text := range map[string]string{"nested": "Two paths.", "block": "A block list.", "string": "One category.", "comma": "One with a comma.", "odd": "A mapping."} {
		if status, meta, body := servetest.GeminiGet(t, d, "/posts/"+name+".gmi"); status != 20 || !strings.Contains(body, text) {
			t.Errorf("Gemini /posts/%s.gmi: %d %s, want the post, which Hexo builds:\n%s", name, status, meta, body)
		}
	}
	checkTermAddresses(t, d, map[string]string{
		"/categories/Diary/":       "Diary",
		"/categories/Diary/Life/":  "Life",
		"/categories/Work/":        "Work",
		"/categories/Notes/Go/":    "Go",
		"/categories/Misc/":        "Misc",
		"/categories/Web-Design/":  "Web Design",
		"/tags/Hello-World/":       "Hello World",
		"/categories/Tips-Tricks/": "Tips, Tricks",
		"/categories/Odd/":         "Odd",
	})
	// Addresses Hexo never made: a path read as one, a string split.
	for _, p := range []string{"/categories/Diary/Life/Work/", "/categories/Work/Diary/", "/categories/Notes/Go/Misc/", "/categories/Web/", "/tags/Hello/", "/categories/Tips/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 51 {
			t.Errorf("Gemini %s: %d %s, an address the site never had", p, status, meta)
		}
	}
	for at, post := range map[string]string{"/Work/nested/": "nested", "/Misc/block/": "block", "/Web-Design/string/": "string", "/Tips-Tricks/comma/": "comma"} {
		if status, meta, _ := servetest.GeminiGet(t, d, at); status != 31 || !strings.HasSuffix(meta, "/posts/"+post+".gmi") {
			t.Errorf("Gemini %s: %d %s, want a redirect to the post (its :category)", at, status, meta)
		}
	}
	if tags := servetest.GopherGet(t, d, "/tags/\r\n"); strings.Contains(tags, "\t/tags/Web\t") || strings.Contains(tags, "\t/tags/Hello\t") {
		t.Errorf("a string of Hexo's categories or tags split at its spaces:\n%s", tags)
	}
	var told bool
	for _, w := range d.Store().Warnings {
		told = told || strings.Contains(w.Error(), "odd.md") && strings.Contains(w.Error(), "mapping")
	}
	if !told {
		t.Errorf("no warning of the mapping left out of odd.md's categories: %q", d.Store().Warnings)
	}
}

// Hexo publishes a file of source/_posts (or _drafts) only as an asset of
// the post whose folder holds it, with post_asset_folder: true, and when
// it publishes the post (processor/post.ts: a file there that is no post
// is a post's asset or nothing, and shouldSkipAsset leaves out an
// unpublished post's); the asset processor leaves out every path
// starting with "_". capsule served every such file at /_posts/…: an
// image beside the posts, a README.txt, the folder of a post that
// skip_render leaves out, and the folder of a post of published: false,
// the post kept to its author and its files given to anyone.
func TestHexoPostsFolderFiles(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{
			"source/_posts/hello.md":        "---\ntitle: Hello\ndate: 2020-01-02\n---\nPost.\n",
			"source/_posts/hello/cat.png":   "PNG cat",
			"source/_posts/stray.png":       "PNG stray",
			"source/_posts/README.txt":      "notes",
			"source/_posts/2020/old.jpg":    "JPG old",
			"source/_posts/skipped.md":      "---\ntitle: Skipped\ndate: 2020-01-03\n---\nSkipped.\n",
			"source/_posts/skipped/dog.png": "PNG dog",
			"source/_posts/hidden.md":       "---\ntitle: Hidden\ndate: 2020-01-04\npublished: false\n---\nHidden.\n",
			"source/_posts/hidden/plan.png": "PNG plan",
		}
	}
	notServed := func(t *testing.T, d *daemon.Daemon, paths ...string) {
		t.Helper()
		for _, p := range paths {
			if status, _, _ := servetest.GeminiGet(t, d, p); status == 20 || status == 31 {
				t.Errorf("Gemini %s: %d, a file Hexo does not publish", p, status)
			}
			if body := servetest.GopherGet(t, d, p+"\r\n"); strings.Contains(body, "PNG") || strings.Contains(body, "JPG") || body == "notes" {
				t.Errorf("Gopher %s: %q, a file Hexo does not publish", p, body)
			}
		}
	}
	t.Run("post_asset_folder", func(t *testing.T) {
		d := serveDir(t, hexoSite(t, "title: Files\npost_asset_folder: true\nskip_render: _posts/skipped.md\n", files()))
		for _, p := range []string{"/_posts/hello/cat.png", "/2020/01/02/hello/cat.png"} {
			if body := servetest.GopherGet(t, d, p+"\r\n"); body != "PNG cat" {
				t.Errorf("Gopher %s: %q, want the post's asset", p, body)
			}
		}
		notServed(t, d, "/_posts/stray.png", "/_posts/README.txt", "/_posts/2020/old.jpg", "/_posts/skipped/dog.png",
			"/2020/01/03/skipped/dog.png", "/_posts/hidden/plan.png", "/2020/01/04/hidden/plan.png")
		told := false
		for _, w := range d.Store().Warnings {
			told = told || strings.Contains(w.Error(), "stray.png") && strings.Contains(w.Error(), "not served")
		}
		if !told {
			t.Errorf("the files left out are not told of: %v", d.Store().Warnings)
		}
	})
	t.Run("without post_asset_folder", func(t *testing.T) {
		d := serveDir(t, hexoSite(t, "title: Files\n", files()))
		notServed(t, d, "/_posts/hello/cat.png", "/2020/01/02/hello/cat.png", "/_posts/stray.png", "/_posts/README.txt")
	})
}

// hexo-front-matter makes each tab that starts a line of YAML front
// matter two spaces before reading it (escapeYAML), so Hexo reads a list
// indented with a tab, which YAML itself refuses: capsule refused the
// post (a real blog lost two so, "categories:" then "\t- 前端").
func TestHexoFrontMatterTabIndent(t *testing.T) {
	d := serveDir(t, hexoSite(t, "title: Indents\n", map[string]string{
		"source/_posts/tabs.md": "---\ntitle: Tabbed post\ndate: 2020-07-10 16:15:07\ncategories:\n\t- 前端\ntags:\n\t- vant\n  - wml\n---\nIndented with tabs.\n",
	}))
	if status, meta, body := servetest.GeminiGet(t, d, "/posts/tabs.gmi"); status != 20 || !strings.Contains(body, "Indented with tabs.") {
		t.Errorf("Gemini /posts/tabs.gmi: %d %s, want the post Hexo builds:\n%s", status, meta, body)
	}
	for _, tag := range []string{"前端", "vant", "wml"} {
		if body := servetest.GopherGet(t, d, "/tags/"+tag+"\r\n"); !strings.Contains(body, "Tabbed post") {
			t.Errorf("Gopher /tags/%s: want the post in its tag:\n%s", tag, body)
		}
	}
}

// Hexo publishes a post's asset at the post's address without its
// ".html" (models/post_asset.ts: post.path.replace(/\.html?$/, "")):
// under ":year/:title.html", hello's cat.png is at /2020/hello/cat.png.
// capsule answered /2020/hello.html/cat.png, an address the site never
// had, and not the one it had.
func TestHexoAssetAddressOfHTMLPermalink(t *testing.T) {
	d := serveDir(t, hexoSite(t, "title: Assets\npermalink: :year/:title.html\npost_asset_folder: true\n", map[string]string{
		"source/_posts/hello.md":      "---\ntitle: Hello\ndate: 2020-01-02\n---\n![A cat](cat.png)\n",
		"source/_posts/hello/cat.png": "PNG cat",
	}))
	if status, meta, _ := servetest.GeminiGet(t, d, "/2020/hello/cat.png"); status != 31 || !strings.HasSuffix(meta, "/_posts/hello/cat.png") {
		t.Errorf("Gemini /2020/hello/cat.png: %d %s, want a redirect to the file", status, meta)
	}
	if body := servetest.GopherGet(t, d, "/2020/hello/cat.png\r\n"); body != "PNG cat" {
		t.Errorf("Gopher /2020/hello/cat.png: %q, want the file", body)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/2020/hello.html/cat.png"); status != 51 {
		t.Errorf("Gemini /2020/hello.html/cat.png: %d, an address Hexo never made", status)
	}
}

// Hexo dates a draft without a date by its file, as a post
// (processor/post.ts reads _drafts as _posts): with render_drafts: true
// it is a post at its permalink. capsule made it a page, at
// /_drafts/plan.html, out of the list of posts.
func TestHexoRenderedDraftDatedByFile(t *testing.T) {
	dir := hexoSite(t, "title: Drafts\nrender_drafts: true\n", map[string]string{
		"source/_drafts/plan.md": "---\ntitle: The plan\n---\nA draft.\n",
	})
	when := time.Date(2021, 3, 4, 12, 0, 0, 0, time.Local)
	if err := os.Chtimes(filepath.Join(dir, "source", "_drafts", "plan.md"), when, when); err != nil {
		t.Fatal(err)
	}
	d := serveDir(t, dir)
	if status, meta, body := servetest.GeminiGet(t, d, "/posts/plan.gmi"); status != 20 || !strings.Contains(body, "A draft.") {
		t.Errorf("Gemini /posts/plan.gmi: %d %s, want the post:\n%s", status, meta, body)
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/2021/03/04/plan/"); status != 31 || !strings.HasSuffix(meta, "/posts/plan.gmi") {
		t.Errorf("Gemini /2021/03/04/plan/: %d %s, want a redirect to the post (its permalink)", status, meta)
	}
	if archive := servetest.GopherGet(t, d, "/archive\r\n"); !strings.Contains(archive, "The plan") {
		t.Errorf("Gopher /archive: the draft Hexo publishes as a post is not listed:\n%s", archive)
	}
}

// hexo-generator-tag's enable_index_page makes tag_dir's own page, the
// index of the tags, whatever the posts' tags: with tag_dir: labels,
// /labels/ (and /labels/index.html) leads to the capsule's list of tags,
// which is still at its own /tags/. capsule answered it only when a
// post had a tag (then as a theme's index): 51 here.
func TestHexoTagIndexPage(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{"source/_posts/hello.md": "---\ntitle: Hello\ndate: 2020-01-02\n---\nNo tags.\n"}
	}
	d := serveDir(t, hexoSite(t, "title: Index\ntag_dir: labels\ntag_generator:\n  enable_index_page: true\n", files()))
	want := servetest.GopherGet(t, d, "/tags/\r\n")
	for _, p := range []string{"/labels/", "/labels/index.html"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 31 || !strings.HasSuffix(meta, "/tags/") {
			t.Errorf("Gemini %s: %d %s, want a redirect to the list of tags", p, status, meta)
		}
		if got := servetest.GopherGet(t, d, p+"\r\n"); got != want {
			t.Errorf("Gopher %s: %q, want the list of tags %q", p, got, want)
		}
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/tags/"); status != 20 {
		t.Errorf("Gemini /tags/: %d, want the capsule's list of tags at its own address", status)
	}
	d = serveDir(t, hexoSite(t, "title: Index\ntag_dir: labels\n", files()))
	if status, _, _ := servetest.GeminiGet(t, d, "/labels/"); status != 51 {
		t.Errorf("Gemini /labels/ without enable_index_page: %d, a page Hexo does not make", status)
	}
}

// hexo-generator-archive, in every Hexo site's package.json, makes
// archive_dir's list of the posts (/archives/), each year's
// (/archives/2020/) and month's (/archives/2020/01/), days' with
// archive_generator.daily, and their later pages (/archives/page/2/) as
// per_page makes them. capsule answered none (51), and a post's link to
// one was a dead link: each now leads to the capsule's archive.
func TestHexoArchivePages(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{
			"source/_posts/hello.md": "---\ntitle: Hello\ndate: 2020-01-02\n---\nSee [the year](/archives/2020/).\n",
			"source/_posts/later.md": "---\ntitle: Later\ndate: 2021-07-08\n---\nLater.\n",
		}
	}
	d := serveDir(t, hexoSite(t, "title: Archives\nper_page: 1\n", files()))
	want := servetest.GopherGet(t, d, "/archive\r\n")
	for _, p := range []string{"/archives/", "/archives/index.html", "/archives/page/2/", "/archives/2020/", "/archives/2020/01/", "/archives/2021/07/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 31 || !strings.HasSuffix(meta, "/archive.gmi") {
			t.Errorf("Gemini %s: %d %s, want a redirect to the archive", p, status, meta)
		}
		if got := servetest.GopherGet(t, d, p+"\r\n"); got != want || !strings.Contains(want, "Hello") {
			t.Errorf("Gopher %s: %q, want the archive %q", p, got, want)
		}
	}
	// Pages Hexo does not make: a third page, a month with no post, a
	// day (daily is off).
	for _, p := range []string{"/archives/page/3/", "/archives/2020/02/", "/archives/2020/01/02/"} {
		if status, _, _ := servetest.GeminiGet(t, d, p); status != 51 {
			t.Errorf("Gemini %s: %d, a page Hexo does not make", p, status)
		}
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/hello.gmi"); !strings.Contains(page, "=> /archive.gmi the year") {
		t.Errorf("the link to /archives/2020/ does not lead to the archive:\n%s", page)
	}
	d = serveDir(t, hexoSite(t, "title: Archives\narchive_generator:\n  enabled: false\n", files()))
	if status, _, _ := servetest.GeminiGet(t, d, "/archives/"); status != 51 {
		t.Errorf("Gemini /archives/ with the archive generator off: %d, want 51", status)
	}
}

// A Hexo post's archive day is its address's: the date as written
// (HexoArchivePages' comment says why, and what Hexo does). A date
// without an offset is read in the site's timezone; one with an offset
// keeps it. Both dates here are another day in UTC.
func TestHexoArchiveDayIsTheAddresssDay(t *testing.T) {
	d := serveDir(t, hexoSite(t, "title: Days\ntimezone: Asia/Tokyo\npermalink: :year/:month/:day/:title/\narchive_generator:\n  daily: true\n", map[string]string{
		"source/_posts/tokyo.md": "---\ntitle: Tokyo\ndate: 2020-01-01 05:00:00\n---\nEarly.\n",
		"source/_posts/east.md":  "---\ntitle: East\ndate: 2020-12-31T23:30:00-05:00\n---\nLate.\n",
	}))
	for _, p := range []string{"/2020/01/01/tokyo/", "/2020/12/31/east/"} {
		if status, _, body := servetest.GeminiGet(t, d, p); status != 20 && status != 31 {
			t.Errorf("Gemini %s: %d %q, want the post", p, status, body)
		}
	}
	for _, p := range []string{"/archives/2020/01/01/", "/archives/2020/12/31/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 31 || !strings.HasSuffix(meta, "/archive.gmi") {
			t.Errorf("Gemini %s: %d %s, want a redirect to the archive", p, status, meta)
		}
	}
	for _, p := range []string{"/archives/2019/", "/archives/2021/", "/archives/2019/12/31/", "/archives/2021/01/01/"} {
		if status, _, _ := servetest.GeminiGet(t, d, p); status != 51 {
			t.Errorf("Gemini %s: %d, a day no post's address has", p, status)
		}
	}
}

// Hexo's {% asset_img %} takes the first of its arguments that names a
// file of the post's asset folder: {% asset_img 网站截图 screenshot.png %}
// (the word before it a class of the image) shows screenshot.png, with
// no dead link. capsule took the first argument for the file: a link to
// "网站截图", warned of as dead, and the image was lost. What follows
// the file is its size, then its title, as {% img %} reads them (the
// file first too: {% asset_img shot2.png 320 240 "小さい" %} is labelled
// 小さい, not "320 240 小さい"); a tag none of whose arguments names a
// file still warns.
func TestHexoAssetImgFileNotFirst(t *testing.T) {
	dir := hexoSite(t, "title: 资产\nlanguage: zh-CN\npost_asset_folder: true\n", map[string]string{
		"source/_posts/site.md":             "---\ntitle: 网站推荐\ndate: 2024-06-26\n---\n{% asset_img 网站截图 screenshot.png %}\n\n{% asset_img big shot2.png 640 480 标题 %}\n\n{% asset_img shot2.png 320 240 \"小さい\" %}\n\n{% asset_img 没有这个 %}\n",
		"source/_posts/site/screenshot.png": "PNG",
		"source/_posts/site/shot2.png":      "PNG2",
		"source/_posts/site/sub/網站截圖.png":   "NESTED",
	})
	d := serveDir(t, dir)
	_, _, page := servetest.GeminiGet(t, d, "/posts/site.gmi")
	for _, want := range []string{"=> /_posts/site/screenshot.png\n", "=> /_posts/site/shot2.png 标题\n", "=> /_posts/site/shot2.png 小さい\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q on the page:\n%s", want, page)
		}
	}
	menu := servetest.GopherGet(t, d, "/posts/site\r\n")
	if !strings.Contains(menu, "/_posts/site/screenshot.png\t") {
		t.Errorf("no link to screenshot.png in the Gopher menu:\n%s", menu)
	}
	var dead []string
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			dead = append(dead, w.Msg)
		}
	}
	if len(dead) != 1 || !strings.Contains(dead[0], "没有这个") {
		t.Errorf("dead links %q, want the one to 没有这个 alone", dead)
	}
}

// Hexo's PostAsset slugs are the files' paths in the asset folder, its
// subfolders' too (scanAssetDir lists it with hexo-fs' listDir, which
// walks them): {% asset_img wide sub/dir/pic.png 640 Wide %} is the
// nested picture, the word before it a class, what follows its size
// and title. capsule looked only at the folder's own files: it took
// "wide" for the file, a dead link, and lost the picture.
func TestHexoAssetImgNestedPath(t *testing.T) {
	dir := hexoSite(t, "title: Assets\npost_asset_folder: true\n", map[string]string{
		"source/_posts/hello.md":              "---\ntitle: Hello\ndate: 2020-01-02\n---\n{% asset_img wide sub/dir/pic.png 640 Wide one %}\n\n{% asset_img sub/dir/pic.png \"Plain\" %}\n",
		"source/_posts/hello/sub/dir/pic.png": "PNG nested",
	})
	d := serveDir(t, dir)
	_, _, page := servetest.GeminiGet(t, d, "/posts/hello.gmi")
	for _, want := range []string{"=> /_posts/hello/sub/dir/pic.png Wide one\n", "=> /_posts/hello/sub/dir/pic.png Plain\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q on the page:\n%s", want, page)
		}
	}
	if status, _, body := servetest.GeminiGet(t, d, "/_posts/hello/sub/dir/pic.png"); status != 20 || body != "PNG nested" {
		t.Errorf("the nested picture: %d %q", status, body)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("warning: %v", w)
		}
	}
}

// A Hexo post whose title is Japanese has a percent-encoded permalink
// (Hexo's HTML links /2020/04/07/%E7%8C%AB…/), and its asset folder's
// files are published under it, at /2020/04/07/猫と犬/cat.png once a
// browser decodes it. capsule joined the encoded permalink with the
// file's name and keyed that, still encoded, as an address: a reader
// asking for the image by its address, encoded as a client sends it or
// as UTF-8 on Gopher, got "not found", and so did a post's link written
// with that address (hoyoyo543's CQRSとマテリアライズドビュー/cqrs-img.png).
func TestHexoAssetAddressOfJapaneseTitle(t *testing.T) {
	d := serveDir(t, hexoSite(t, "title: 資産\nlanguage: ja\npermalink: :year/:month/:day/:title/\npost_asset_folder: true\n", map[string]string{
		"source/_posts/猫と犬.md":      "---\ntitle: 猫と犬\ndate: 2020-04-07 10:00:00\n---\n![猫](cat.png)\n",
		"source/_posts/猫と犬/cat.png": "PNG cat",
		"source/_posts/another.md":  "---\ntitle: 別の記事\ndate: 2020-05-01\n---\n![前の猫](/2020/04/07/" + url.PathEscape("猫と犬") + "/cat.png)\n\n![同じ猫](/2020/04/07/猫と犬/cat.png)\n",
	}))
	web := "/2020/04/07/猫と犬/cat.png"
	encoded := "/2020/04/07/" + url.PathEscape("猫と犬") + "/cat.png"
	file := "/_posts/" + url.PathEscape("猫と犬") + "/cat.png"
	if status, meta, _ := servetest.GeminiGet(t, d, encoded); status != 31 || !strings.HasSuffix(meta, file) {
		t.Errorf("Gemini %s: %d %s, want a redirect to %s", encoded, status, meta, file)
	}
	if got := servetest.GopherGet(t, d, web+"\r\n"); got != "PNG cat" {
		t.Errorf("Gopher %s: %q, want the file", web, got)
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/another.gmi")
	for _, want := range []string{"=> " + file + " 前の猫", "=> " + file + " 同じ猫"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q on the page linking the asset by its web address:\n%s", want, page)
		}
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("dead link: %v", w)
		}
	}
}

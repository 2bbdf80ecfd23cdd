package capsule_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An include without parameters (toshimaru's {% include digitalocean.html
// %}, a paragraph and a linked image closing three posts) was dropped,
// "includes are not available"; Jekyll puts the file's text in the post,
// its Liquid run, before the Markdown is read. It is put in now: its
// Markdown and its HTML read as the post's, a {{ site.x }} in it, an
// include in it.
func TestStaticIncludePutIn(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: t\nlang: ja\nsponsor: さくらのクラウド\n",
			"_includes/digitalocean.html": "---\n\nこの記事を気に入っていただけたなら下記のリファラルリンクよりご登録ください\n\n" +
				"[![digitalocean](/images/digitalocean.png)](https://m.do.co/c/abc)\n{: .center}\n\n*[DO]: DigitalOcean\n",
			"_includes/boxes/sponsor.html": "<div class=\"sponsor\">\n<p>提供：{{ site.sponsor }}</p>\n{% include boxes/thanks.md %}\n</div>\n",
			"_includes/boxes/thanks.md":    "<p>お読みいただきありがとうございます</p>\n",
			"_posts/2016-04-05-terraform.md": "---\ntitle: Terraform\n---\n\n本文です。\n\n" +
				"{% include digitalocean.html %}\n\n{% include boxes/sponsor.html %}\n\n最後の段落。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/terraform.gmi")
	for _, want := range []string{"本文です。", "この記事を気に入っていただけたなら下記のリファラルリンクよりご登録ください\n",
		"=> https://m.do.co/c/abc digitalocean\n", "=> /images/digitalocean.png digitalocean\n",
		"提供：さくらのクラウド", "お読みいただきありがとうございます", "最後の段落。"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page:\n%s", want, page)
		}
	}
	if strings.Contains(page, "{%") || strings.Contains(page, "{{") || strings.Contains(page, "{:") || strings.Contains(page, "*[DO]") || strings.Contains(page, "<p>") {
		t.Errorf("template or HTML syntax in the page:\n%s", page)
	}
	if text := servetest.GopherGet(t, d, "/posts/terraform.txt\r\n"); !strings.Contains(text, "リファラルリンク") || !strings.Contains(text, "提供：さくらのクラウド") {
		t.Errorf("the gopher text lost the includes' text:\n%s", text)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Error(), "include") {
			t.Errorf("a warning about an include put in: %v", w)
		}
	}
}

// Includes that show a reader nothing (an ad's <ins> and <script> behind
// {% if %}, Jekyll Bootstrap's JB/setup of captures and assigns) are left
// out with a warning of their own kind, counted as one line in the logs;
// one whose text depends on Liquid logic is left out with a warning
// saying so; the parameter-taking ones are as before.
func TestStaticIncludeLayoutLeftOut(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: t\n",
			"_includes/adsense.html": "{% if site.adsense.enabled %}\n<!-- 記事内広告 -->\n<div class=\"ad\">\n" +
				"  <ins class=\"adsbygoogle\" data-ad-client=\"{{ site.adsense.client }}\"></ins>\n" +
				"  <script>(adsbygoogle = window.adsbygoogle || []).push({});</script>\n</div>\n{% endif %}\n",
			"_includes/JB/setup": "{% capture jbcache %}\n  <!-- set variables -->\n  {% if site.x %}{% assign BASE = site.x %}" +
				"{% else %}{% capture ASSET %}{{ BASE }}/assets{% endcapture %}{% endif %}\n{% endcapture %}{% assign jbcache = nil %}",
			"_includes/promo.html":   "{% if page.promo %}\n<p>Buy the book</p>\n{% endif %}\n",
			"_includes/analytics.js": "<script async src=\"https://example.com/a.js\"></script>\n",
			"_posts/2020-01-01-a.md": "---\ntitle: A\n---\n{% include JB/setup %}\n\nText of a.\n\n{% include adsense.html %}\n\n{% include promo.html %}\n",
			"_posts/2020-01-02-b.md": "---\ntitle: B\n---\n{% include JB/setup %}\n\nText of b.\n\n{% include adsense.html %}\n{% include analytics.js %}\n",
		})
	})
	for _, p := range []string{"/posts/a.gmi", "/posts/b.gmi"} {
		_, _, page := servetest.GeminiGet(t, d, p)
		if !strings.Contains(page, "Text of") {
			t.Errorf("%s lost its text:\n%s", p, page)
		}
		for _, none := range []string{"adsbygoogle", "example.com", "Buy the book", "assets", "{%", "{{"} {
			if strings.Contains(page, none) {
				t.Errorf("%s shows %q:\n%s", p, none, page)
			}
		}
	}
	var nothing, logic, script int
	for _, w := range d.Store().Warnings {
		switch {
		case w.Kind == "Liquid include shows nothing":
			nothing++
		case w.Kind == "Liquid include not run" && strings.Contains(w.Error(), "promo.html") && strings.Contains(w.Error(), "{% if %}"):
			logic++
		case strings.Contains(w.Error(), "script"):
			script++
		}
	}
	if nothing != 5 || logic != 1 || script != 0 {
		t.Errorf("%d warnings of includes showing nothing (want 5), %d of logic (want 1), %d of scripts (want 0): %v", nothing, logic, script, d.Store().Warnings)
	}
}

// An include's file is read only inside the site: a name with "..", or
// a file that is a symbolic link leading out of the site, is not read,
// and nothing of what it holds is served.
func TestStaticIncludeStaysInSite(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.html"), []byte("TOP-SECRET-TEXT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: t\n",
		"_drafts/unpublished.md": "---\ntitle: U\n---\nDRAFT-TEXT\n",
		"_posts/2020-01-01-a.md": "---\ntitle: A\n---\nText.\n\n{% include ../_drafts/unpublished.md %}\n\n" +
			"{% include secret.html %}\n\n{% include linked/secret.html %}\n",
	})
	if err := os.MkdirAll(filepath.Join(dir, "_includes"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.html"), filepath.Join(dir, "_includes", "secret.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "_includes", "linked")); err != nil {
		t.Fatal(err)
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	if strings.Contains(page, "TOP-SECRET") || strings.Contains(page, "DRAFT-TEXT") || !strings.Contains(page, "Text.") {
		t.Errorf("the page:\n%s", page)
	}
	var named, outsideN int
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Error(), "not one Jekyll takes") {
			named++
		}
		if strings.Contains(w.Error(), "leads outside the site") {
			outsideN++
		}
	}
	if named != 1 || outsideN != 2 {
		t.Errorf("%d warnings of a name refused (want 1), %d of a file outside (want 2): %v", named, outsideN, d.Store().Warnings)
	}
}

// The bounds: an include that includes itself stops at the depth bound,
// a post of many includes at the count bound, and includes adding more
// than half the post's size (and 4 KiB) at the room bound; each warned
// of, the post served.
func TestStaticIncludeBounds(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":            "title: t\n",
			"_includes/loop.html":    "loop-text\n{% include loop.html %}\n",
			"_includes/word.html":    "wq1\n",
			"_includes/big.html":     strings.Repeat("big text ", 1000) + "\n",
			"_posts/2020-01-01-a.md": "---\ntitle: A\n---\nStart.\n\n{% include loop.html %}\n",
			"_posts/2020-01-02-b.md": "---\ntitle: B\n---\nStart.\n\n" + strings.Repeat("{% include word.html %}\n", 100),
			"_posts/2020-01-03-c.md": "---\ntitle: C\n---\nStart.\n\n{% include big.html %}\n",
		})
	})
	_, _, a := servetest.GeminiGet(t, d, "/posts/a.gmi")
	if n := strings.Count(a, "loop-text"); n != 4 {
		t.Errorf("loop-text %d times, want 4 (maxIncludeDepth):\n%s", n, a)
	}
	_, _, b := servetest.GeminiGet(t, d, "/posts/b.gmi")
	if n := strings.Count(b, "wq1"); n != 64 {
		t.Errorf("%d includes put in, want 64 (maxIncludesPerPost):\n%s", n, b)
	}
	_, _, c := servetest.GeminiGet(t, d, "/posts/c.gmi")
	if !strings.Contains(c, "Start.") || strings.Contains(c, "big text") {
		t.Errorf("the big include was put in, or the post lost its text:\n%s", c)
	}
	var depth, count, room int
	for _, w := range d.Store().Warnings {
		switch {
		case strings.Contains(w.Error(), "nest more than 4 deep"):
			depth++
		case w.Kind == "Liquid include over its bound" && strings.HasSuffix(w.File, "-b.md"):
			count += max(w.More, 1) // 20 told, then "and 16 more like it"
		case strings.Contains(w.Error(), "half the post's size"):
			room++
		}
	}
	if depth != 1 || count != 36 || room != 1 {
		t.Errorf("warnings: depth %d (want 1), count %d (want 36), room %d (want 1): %v", depth, count, room, d.Store().Warnings)
	}
}

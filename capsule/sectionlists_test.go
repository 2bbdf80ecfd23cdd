package capsule_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Hugo site publishes the list of each section's pages at the
// section's address: readers and posts link them (noborus.github.io's
// home links /trdsql/ and /ov/, 46 links warned dead and answered 51).
// The posts' section's list (/blog/) leads to the archive, a section
// of pages' (/docs/, whose _index.md has no text) to the home, which
// lists its pages: on Gemini a redirect, on Gopher that menu; a post's
// link to either is offered and not warned dead.
func TestHugoSectionListsLead(t *testing.T) {
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":               "baseURL = \"https://blog.example/\"\ntitle = \"Site\"\n",
			"content/blog/a.md":       "---\ntitle: A\ndate: 2024-01-01\n---\nSee [the docs](/docs/) and [the blog](/blog/).\n",
			"content/blog/b.md":       "---\ntitle: B\ndate: 2024-01-02\n---\nb\n",
			"content/docs/_index.md":  "---\ntitle: Docs\n---\n",
			"content/docs/install.md": "---\ntitle: Install\n---\nInstall it.\n",
		})
	})
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	for _, c := range []struct{ path, target, gopherSel string }{
		{"/blog/", "/archive.gmi", "/archive"},
		{"/docs/", "/", "/"},
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, c.path); status != 31 || meta != base+c.target {
			t.Errorf("gemini %s answers %d %q, want 31 to %s", c.path, status, meta, c.target)
		}
		menu := servetest.GopherGet(t, d, c.path+"\r\n")
		if want := servetest.GopherGet(t, d, c.gopherSel+"\r\n"); menu != want || strings.HasPrefix(menu, "3") {
			t.Errorf("gopher %s:\n%s\nwant the menu of %s:\n%s", c.path, menu, c.gopherSel, want)
		}
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "Install") {
		t.Errorf("the home does not list the section's page:\n%s", home)
	}
	_, _, post := servetest.GeminiGet(t, d, "/posts/a.gmi")
	for _, want := range []string{"=> / the docs", "=> /archive.gmi the blog"} {
		if !strings.Contains(post, want) {
			t.Errorf("the post has no line %q:\n%s", want, post)
		}
	}
	if w := fmt.Sprint(d.Store().Warnings); strings.Contains(w, "does not exist") {
		t.Errorf("warned: %s", w)
	}
}

// A Hugo section of pages whose _index.md has text is a page, as Hugo
// renders the section's address: its text, then a link to each of its
// published pages in Hugo's order (weight, then newest first), in its
// language (noborus.github.io's ov/_index.ja.md and _index.en.md: their
// text was warned "not served", and /ov/ answered 51). Its address
// leads to it; its cascade still reaches its pages; the posts' section's
// text is still warned of, its address the archive's.
func TestHugoSectionWithPagesIsAPage(t *testing.T) {
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = testfs.Write(t, map[string]string{
			"hugo.toml": "baseURL = \"https://blog.example/\"\ndefaultContentLanguage = \"ja\"\n[params]\nmainSections = [\"blog\"]\n" +
				"[languages.ja]\nweight = 1\ntitle = \"サイト\"\n[languages.en]\nweight = 2\ntitle = \"Site\"\n",
			"content/blog/_index.ja.md": "---\ntitle: ブログ\n---\nブログの紹介。\n",
			"content/blog/a.ja.md":      "---\ntitle: 投稿\ndate: 2024-01-01\n---\n[説明書](/ov/)\n",
			"content/ov/_index.ja.md": "---\ntitle: ov\ncascade:\n  - _target:\n      path: /ov/old/**\n    draft: true\n---\n" +
				"# ページャー\n\n機能豊富なページャー。\n",
			"content/ov/_index.en.md":       "---\ntitle: ov\n---\nA feature-rich pager.\n",
			"content/ov/late.ja.md":         "---\ntitle: 最後\ndate: 2024-05-01\n---\n重みなし。\n",
			"content/ov/second.ja.md":       "---\ntitle: 二番目\nweight: 2\ndate: 2024-03-01\n---\n二。\n",
			"content/ov/first.ja.md":        "---\ntitle: 一番目\nweight: 1\ndate: 2023-01-01\n---\n一。\n",
			"content/ov/bundle/index.ja.md": "---\ntitle: 束\nweight: 3\n---\n束。\n",
			"content/ov/old/gone.ja.md":     "---\ntitle: 古い\nweight: 1\n---\n古い。\n",
			"content/ov/first.en.md":        "---\ntitle: First\nweight: 1\n---\nOne.\n",
		})
	})
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	status, _, page := servetest.GeminiGet(t, d, "/ov.gmi")
	want := "機能豊富なページャー。\n\n=> /first.gmi 2023-01-01 一番目\n=> /second.gmi 2024-03-01 二番目\n=> /bundle.gmi 束\n=> /late.gmi 2024-05-01 最後\n"
	if status != 20 || !strings.Contains(page, want) || strings.Contains(page, "古い") || strings.Contains(page, "First") {
		t.Errorf("/ov.gmi answers %d:\n%s\nwant the text, then:\n%s", status, page, want)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/en/ov.gmi"); !strings.Contains(page, "A feature-rich pager.\n\n=> /en/first.gmi First\n") {
		t.Errorf("/en/ov.gmi:\n%s", page)
	}
	for path, target := range map[string]string{"/ov/": "/ov.gmi", "/en/ov/": "/en/ov.gmi", "/blog/": "/archive.gmi"} {
		if status, meta, _ := servetest.GeminiGet(t, d, path); status != 31 || meta != base+target {
			t.Errorf("gemini %s answers %d %q, want 31 to %s", path, status, meta, target)
		}
	}
	if txt := servetest.GopherGet(t, d, "/ov.txt\r\n"); !strings.Contains(txt, "機能豊富なページャー。") || !strings.Contains(txt, "一番目") {
		t.Errorf("gopher /ov.txt:\n%s", txt)
	}
	if _, _, post := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(post, "=> /ov.gmi 説明書") {
		t.Errorf("the post's link to /ov/:\n%s", post)
	}
	w := fmt.Sprint(d.Store().Warnings)
	if strings.Contains(w, "ov/_index") || strings.Contains(w, "does not exist") || !strings.Contains(w, "blog/_index.ja.md:1: a section's own text") {
		t.Errorf("warnings: %s", w)
	}
}

// A page bundle at the top of the content folder is a post in no
// section, not a section: Zola's rust-blog has 400, each at its own path
// (/2020/04/17/Rust-survey-2019/), and no list at /rust-survey-2019/,
// which stays not found.
func TestTopBundleIsNoSection(t *testing.T) {
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = testfs.Write(t, map[string]string{
			"config.toml":                       "base_url = \"https://blog.example\"\ntitle = \"Blog\"\n",
			"content/_index.md":                 "+++\nsort_by = \"date\"\n+++\n",
			"content/Rust-survey-2019/index.md": "+++\ntitle = \"Survey\"\ndate = 2020-04-17\npath = \"2020/04/17/Rust-survey-2019\"\n+++\nResults.\n",
			"content/other.md":                  "+++\ntitle = \"Other\"\ndate = 2020-05-01\n+++\n[survey](/Rust-survey-2019/)\n",
		})
	})
	for _, p := range []string{"/Rust-survey-2019/", "/rust-survey-2019/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 51 {
			t.Errorf("gemini %s answers %d %q, want 51", p, status, meta)
		}
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/2020/04/17/Rust-survey-2019/"); status != 31 {
		t.Errorf("the post's own path answers %d", status)
	}
}

// A Hugo page of another section whose front matter's type is one of
// mainSections is a post, as Hugo's themes list site.RegularPages whose
// Type is in mainSections (joj0hq's PaperMod site: posts/*.md of type
// "post", mainSections ["post"], had no post at all); one of another
// type stays a page.
func TestHugoTypeOfMainSectionIsAPost(t *testing.T) {
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = testfs.Write(t, map[string]string{
			"hugo.yaml":               "baseURL: https://blog.example/\ntitle: ブログ\nlanguageCode: ja\nmainSections: [\"post\"]\n",
			"content/posts/a.md":      "---\ntitle: 入社しました\ndate: 2023-06-19\ntype: \"post\"\n---\n入社の話。\n",
			"content/posts/b.md":      "---\ntitle: 技術の話\ndate: 2023-07-01\ntype: \"tech\"\n---\n技術。\n",
			"content/posts/_index.md": "---\ntitle: ブログ\n---\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "=> /posts/a.gmi 2023-06-19 入社しました\n") || strings.Contains(home, "/posts/b.gmi") {
		t.Errorf("home page lists the type \"post\" page alone as a post:\n%s", home)
	}
	if status, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); status != 20 || !strings.Contains(page, "入社の話。") {
		t.Errorf("/posts/a.gmi answers %d:\n%s", status, page)
	}
	if status, _, page := servetest.GeminiGet(t, d, "/b.gmi"); status != 20 || !strings.Contains(page, "技術。") {
		t.Errorf("the page of type \"tech\" at /b.gmi answers %d:\n%s", status, page)
	}
	if root := servetest.GopherGet(t, d, "\r\n"); !strings.Contains(root, "2023-06-19 入社しました\t/posts/a/\t") {
		t.Errorf("gopher root menu lists no post a:\n%s", root)
	}
}

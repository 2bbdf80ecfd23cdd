package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Links and refs between page bundles reach the post they name, by its
// path: every bundle's file is index.md, and none may stand for another.
// A link or ref to a draft bundle, or a name two posts share, is a
// warning naming file and line, and no link (its text stays).
func TestLinksBetweenBundlesByPath(t *testing.T) {
	author := servetest.Identity(t, "author")
	d := authorOnly(t, author, map[string]string{
		"posts/alpha/index.md": "+++\ntitle = \"Alpha\"\ndate = 2020-01-03\n+++\n" +
			"[ref]({{< ref \"beta\" >}})\n\n" + // line 5
			"[relref]({{< relref \"../beta/index.md\" >}})\n\n" +
			"[relative](../beta/index.md)\n\n" +
			"[top](/posts/beta/)\n\n" +
			"[folder](../beta/)\n\n" +
			"[draft ref]({{< ref \"gamma\" >}})\n\n" + // line 15
			"[draft link](../gamma/index.md)\n", // line 17
		"posts/beta/index.md":  "+++\ntitle = \"Beta\"\ndate = 2020-01-02\n+++\n[back](../alpha/index.md)\n",
		"posts/gamma/index.md": "+++\ntitle = \"Gamma draft\"\ndate = 2020-01-04\ndraft = true\n+++\n[alpha]({{< ref \"alpha\" >}})\n",
		"posts/delta/index.md": "+++\ntitle = \"Delta\"\ndate = 2020-01-01\n+++\nthe oldest bundle\n",
		"posts/intro.md":       "+++\ntitle = \"Intro\"\ndate = 2019-12-31\n+++\n[b](beta/index.md) [d](delta) [z](zeta.md)\n",
		"posts/zeta.md":        "+++\ntitle = \"Zeta one\"\ndate = 2019-01-01\n+++\n",
		"notes/zeta.md":        "+++\ntitle = \"Zeta two\"\ndate = 2019-01-02\nslug = \"zeta-two\"\n+++\n",
		"about.md":             "+++\ntitle = \"About\"\n+++\n[z](zeta.md) [a](posts/alpha/index.md)\n",
	})
	_, _, alpha := servetest.GeminiGet(t, d, "/posts/alpha.gmi")
	for _, label := range []string{"ref", "relref", "relative", "top", "folder"} {
		if !strings.Contains(alpha, "=> /posts/beta.gmi "+label+"\n") {
			t.Errorf("alpha's %q link does not lead to beta:\n%s", label, alpha)
		}
	}
	if strings.Contains(alpha, "gamma") || strings.Contains(alpha, "delta") || strings.Contains(alpha, "=> /posts/alpha.gmi") ||
		!strings.Contains(alpha, "draft ref") || !strings.Contains(alpha, "draft link") {
		t.Errorf("alpha's page links the draft, the wrong bundle or itself, or lost a link's text:\n%s", alpha)
	}
	text := servetest.GopherGet(t, d, "/posts/alpha.txt\r\n")
	if !strings.Contains(text, "[1] gopher://localhost:") || !strings.Contains(text, "/0/posts/beta.txt") || strings.Count(text, "[1]") != 6 ||
		strings.Contains(text, "[2]") || strings.Contains(text, "gamma") || strings.Contains(text, "delta") {
		t.Errorf("alpha's gopher text:\n%s", text)
	}
	if _, _, beta := servetest.GeminiGet(t, d, "/posts/beta.gmi"); !strings.Contains(beta, "=> /posts/alpha.gmi back") {
		t.Errorf("beta's link back:\n%s", beta)
	}
	_, _, intro := servetest.GeminiGet(t, d, "/posts/intro.gmi")
	if !strings.Contains(intro, "=> /posts/beta.gmi b\n") || !strings.Contains(intro, "=> /posts/delta.gmi d\n") || !strings.Contains(intro, "=> /posts/zeta.gmi z\n") {
		t.Errorf("intro's links (beta/index.md, delta, zeta.md beside it):\n%s", intro)
	}
	_, _, about := servetest.GeminiGet(t, d, "/about.gmi")
	if strings.Contains(about, "zeta") || !strings.Contains(about, "=> /posts/alpha.gmi a\n") {
		t.Errorf("about's links (zeta.md: two posts have the name):\n%s", about)
	}
	// The author's view of the draft links what it refers to.
	if _, gamma := servetest.GeminiAs(t, d, "/drafts/gamma.gmi", &author); !strings.Contains(gamma, "=> /posts/alpha.gmi alpha") {
		t.Errorf("the draft's page:\n%s", gamma)
	}
	var all []string
	for _, w := range d.Store().Warnings {
		all = append(all, w.Error())
	}
	warnings := strings.Join(all, "\n")
	for _, want := range []string{
		"posts/alpha/index.md:15: link to a draft (posts/gamma/index.md): not offered (its text is kept): /posts/gamma/index.md",
		"posts/alpha/index.md:17: link to a draft (posts/gamma/index.md): not offered (its text is kept): ../gamma/index.md",
		"about.md:4: link to a post whose name notes/zeta.md and posts/zeta.md share: not offered (its text is kept); write its path: zeta.md",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings:\n%s\nwant %q", warnings, want)
		}
	}
	if len(all) != 3 {
		t.Errorf("%d warnings, want 3:\n%s", len(all), warnings)
	}
}

// In a Hugo site whose language has its own content folder (contentDir
// = "content/ja": aiandrox/blog), a ref's path is from that folder, as
// Hugo looks it up: each form reaches the post it names. One whose path
// names no post leads to no post, with a warning: it led to the post of the
// same file name elsewhere, the very post it was written in (2021/05/15.md
// linked to itself for 2022/11/15.md). So is a file's path from there.
func TestRefsFromALanguagesContentFolder(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml": "title = \"t\"\ndefaultContentLanguage = \"ja\"\n[languages.ja]\ncontentDir = \"content/ja\"\nweight = 1\n" +
				"[languages.en]\ncontentDir = \"content/en\"\nweight = 2\n",
			"content/ja/posts/tech/2022/11/15.md":     "---\ntitle: \"B\"\ndate: 2022-11-15\n---\n\n## part\n\ntext\n\n[the data](/posts/tech/2022/11/data.json)\n",
			"content/ja/posts/tech/2022/11/data.json": "{}",
			"content/ja/posts/tech/2021/05/15.md": "---\ntitle: \"A\"\ndate: 2021-05-15\nslug: a\n---\n\n" +
				"[no extension]({{< ref \"posts/tech/2022/11/15\" >}})\n\n" +
				"[extension]({{< ref \"posts/tech/2022/11/15.md\" >}})\n\n" +
				"[fragment]({{< ref \"posts/tech/2022/11/15.md#part\" >}})\n\n" +
				"[from the top]({{< ref \"/posts/tech/2022/11/15.md\" >}})\n\n" +
				"[nowhere]({{< ref \"posts/tech/2099/15.md\" >}})\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	for _, label := range []string{"no extension", "extension", "fragment", "from the top"} {
		if !strings.Contains(page, "/posts/15.gmi "+label) {
			t.Errorf("%q does not lead to B (/posts/15.gmi):\n%s", label, page)
		}
	}
	// A file linked from the top of the language's content folder, as
	// Hugo writes it (mosuke5's /entry/2017/test.json), is the file.
	if _, _, b := servetest.GeminiGet(t, d, "/posts/15.gmi"); !strings.Contains(b, "=> /ja/posts/tech/2022/11/data.json the data") {
		t.Errorf("B's link to its data file:\n%s", b)
	}
	if strings.Contains(page, ".gmi nowhere\n") {
		t.Errorf("a ref to no post leads to a post:\n%s", page)
	}
	var all []string
	for _, w := range d.Store().Warnings {
		all = append(all, w.Error())
	}
	if !strings.Contains(strings.Join(all, "\n"), "2021/05/15.md:15: link to a post that does not exist: posts/tech/2099/15.md") {
		t.Errorf("no warning for the ref to no post:\n%s", strings.Join(all, "\n"))
	}
}

// A relative link from a post that is no bundle is read from the post's
// address on the web site, a folder, as a browser reads it there
// (noborus's ../format.png from blog/11_summary.md, at /blog/summary/):
// it leads to the file beside the post, without a warning.
func TestRelativeFileLinkFromThePostsWebAddress(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":               "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
			"content/blog/_index.md":  "---\ntitle: Blog\n---\n",
			"content/blog/format.png": "PNG",
			"content/blog/summary.md": "---\ntitle: Summary\ndate: 2019-12-11\n---\n![format](../format.png)\n",
			"content/blog/other.md":   "---\ntitle: Other\ndate: 2019-12-12\n---\nOther.\n",
		})
	})
	if _, _, page := servetest.GeminiGet(t, d, "/posts/summary.gmi"); !strings.Contains(page, "=> /blog/format.png format\n") {
		t.Errorf("the post's page:\n%s", page)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/blog/format.png"); status != 20 {
		t.Errorf("/blog/format.png: %d", status)
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}

// A ref from a page bundle to a sibling bundle, written from the
// section ("beta/index.md" in blog/alpha/index.md), is found as Hugo
// finds it (linkup's 12 such refs were dead links).
func TestRefFromABundleToItsSibling(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":                   "title = \"t\"\n",
			"content/blog/alpha/index.md": "---\ntitle: Alpha\ndate: 2021-01-01\n---\nSee {{< ref \"beta/index.md\" >}} and [beta]({{< relref \"beta\" >}}).\n",
			"content/blog/beta/index.md":  "---\ntitle: Beta\ndate: 2021-01-02\n---\nB.\n",
		})
	})
	if _, _, page := servetest.GeminiGet(t, d, "/posts/alpha.gmi"); !strings.Contains(page, "=> /posts/beta.gmi Beta\n") {
		t.Errorf("the page:\n%s", page)
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}

// A relative link in a translation leads to the translation of the page
// it names, as a browser reads it from the translation's address
// (codemonger's ../0009-…/ in index.ja.md, at /ja/blog/0010-…/): it led
// Japanese readers to the English post. A link naming a file by its
// language (../b/index.ja.md from the English page) keeps to that file.
func TestRelativeLinkInATranslation(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":                  "title = \"t\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
			"content/blog/a/index.md":    "---\ntitle: A\ndate: 2021-01-01\n---\nSee [B](../b/) or [ビー](../b/index.ja.md).\n",
			"content/blog/a/index.ja.md": "---\ntitle: エー\ndate: 2021-01-01\n---\n[ビー](../b/)を見て。\n",
			"content/blog/b/index.md":    "---\ntitle: B\ndate: 2021-01-02\n---\nB.\n",
			"content/blog/b/index.ja.md": "---\ntitle: ビー\ndate: 2021-01-02\n---\nビー。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/ja/posts/a.gmi")
	if !strings.Contains(page, "=> /ja/posts/b.gmi ビー\n") {
		t.Errorf("the Japanese page:\n%s", page)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "=> /posts/b.gmi B\n") || !strings.Contains(page, "=> /ja/posts/b.gmi ビー\n") {
		t.Errorf("the English page:\n%s", page)
	}
}

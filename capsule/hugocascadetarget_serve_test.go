package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
)

// A Hugo cascade reaches only the pages its _target's lang names, and
// only those of its own file's language (each language is a site of its
// own to Hugo 0.111): the configuration's [[cascade]] with _target.lang
// "ja" makes drafts of the Japanese posts alone, and notes/_index.ja.md's
// cascade draft: true makes a draft of the Japanese notes section alone,
// overruling notes/n.ja.md's draft: false. hugo 0.111 builds this site
// with /posts/a/ and /notes/n/ and neither Japanese page (hugo list
// drafts: content/posts/a.ja.md and content/notes/_index.ja.md). capsule
// read neither lang nor the file's language, and kept all four back.
func TestHugoCascadeTargetLang(t *testing.T) {
	author := servetest.Identity(t, "author")
	post := func(title, extra string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-02\n" + extra + "---\nwords of " + title + "\n"
	}
	d := authorOnly(t, author, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\ndefaultContentLanguage = \"en\"\n" +
			"[params]\nmainSections = [\"posts\", \"notes\"]\n" +
			"[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\ntitle = \"ブログ\"\n" +
			"[[cascade]]\ndraft = true\n[cascade._target]\nlang = \"ja\"\npath = \"/posts/**\"\n",
		"content/posts/a.md":         post("PostEn", ""),
		"content/posts/a.ja.md":      post("PostJa", ""),
		"content/notes/_index.ja.md": "---\ntitle: ノート\ncascade:\n  draft: true\n---\n",
		"content/notes/n.md":         post("NoteEn", ""),
		"content/notes/n.ja.md":      post("NoteJa", "draft: false\n"),
	})
	for _, addr := range []string{"/posts/a.gmi", "/posts/n.gmi"} {
		if h, page := servetest.GeminiAs(t, d, addr, nil); !strings.HasPrefix(h, "20 ") || !strings.Contains(page, "words of ") {
			t.Errorf("%s: %q, want the English page\n%s", addr, h, clipText(page))
		}
	}
	pages := servetest.Crawl(t, d, 200)
	for _, title := range []string{"PostEn", "NoteEn"} {
		found := false
		for _, page := range pages {
			found = found || strings.Contains(page, "words of "+title)
		}
		if !found {
			t.Errorf("no page served has %s's words", title)
		}
	}
	for addr, page := range pages {
		for _, title := range []string{"PostJa", "NoteJa"} {
			if strings.Contains(page, title) {
				t.Errorf("%s offers the draft %s:\n%s", addr, title, clipText(page))
			}
		}
	}
	_, drafts := servetest.GeminiAs(t, d, "/drafts/", &author)
	for _, title := range []string{"PostJa", "NoteJa"} {
		if !strings.Contains(drafts, title) {
			t.Errorf("the drafts do not list %s:\n%s", title, drafts)
		}
	}
	for _, title := range []string{"PostEn", "NoteEn"} {
		if strings.Contains(drafts, title) {
			t.Errorf("the drafts list %s, which is published:\n%s", title, drafts)
		}
	}
}

// A cascade whose _target is for another environment than production
// hands nothing down: capsule serves what hugo builds, not hugo server's
// development preview. The configuration's draft for "development" and
// dev/_index.md's for "{development,staging}" keep nothing back; a glob
// matched in any case, as Hugo matches it ("PROD*" in prod/_index.md),
// does. hugo 0.111 builds /posts/one/ and /dev/devone/ of this site,
// and lists content/prod/prodone.md among the drafts. capsule read no
// environment and kept all three back.
func TestHugoCascadeTargetEnvironment(t *testing.T) {
	author := servetest.Identity(t, "author")
	post := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-02\n---\nwords of " + title + "\n"
	}
	d := authorOnly(t, author, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n[params]\nmainSections = [\"posts\", \"dev\", \"prod\"]\n" +
			"[[cascade]]\ndraft = true\n[cascade._target]\nenvironment = \"development\"\n",
		"content/posts/one.md":    post("PostOne"),
		"content/dev/_index.md":   "---\ntitle: Dev\ncascade:\n- _target:\n    environment: '{development,staging}'\n  draft: true\n---\n",
		"content/dev/devone.md":   post("DevOne"),
		"content/prod/_index.md":  "---\ntitle: Prod\ncascade:\n- _target:\n    environment: 'PROD*'\n  draft: true\n---\n",
		"content/prod/prodone.md": post("ProdOne"),
	})
	for _, name := range []string{"one", "devone"} {
		if h, page := servetest.GeminiAs(t, d, "/posts/"+name+".gmi", nil); !strings.HasPrefix(h, "20 ") || !strings.Contains(page, "words of ") {
			t.Errorf("/posts/%s.gmi: %q, want its page\n%s", name, h, clipText(page))
		}
		if g := servetest.GopherGet(t, d, "/posts/"+name+".txt\r\n"); !strings.Contains(g, "words of ") {
			t.Errorf("gopher /posts/%s.txt: %q", name, clipText(g))
		}
	}
	wantNowhere(t, d, "/posts/prodone.gmi", &author)
	if h, page := servetest.GeminiAs(t, d, "/drafts/prodone.gmi", &author); !strings.HasPrefix(h, "20 ") || !strings.Contains(page, "words of ProdOne") {
		t.Errorf("the author's /drafts/prodone.gmi: %q\n%s", h, clipText(page))
	}
	_, drafts := servetest.GeminiAs(t, d, "/drafts/", &author)
	if strings.Contains(drafts, "PostOne") || strings.Contains(drafts, "DevOne") {
		t.Errorf("the drafts list a published post:\n%s", drafts)
	}
}

// A language's own cascade in the configuration ([languages.en.cascade])
// is that language's instead of the top one's, as Hugo 0.111 reads a
// language's settings over the top ones: the top [cascade] draft = true
// keeps the Japanese post back and not the English one, which the
// English table tags. hugo 0.111 builds /posts/a/ tagged "cascaded" and
// /tags/cascaded/, and lists content/posts/a.ja.md among the drafts.
// capsule read no language's cascade and kept both back.
func TestHugoLanguageCascade(t *testing.T) {
	author := servetest.Identity(t, "author")
	post := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-02\n---\nwords of " + title + "\n"
	}
	d := authorOnly(t, author, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\ndefaultContentLanguage = \"en\"\n" +
			"[params]\nmainSections = [\"posts\"]\n" +
			"[languages.en]\nweight = 1\n[languages.en.cascade]\ntags = [\"cascaded\"]\n[languages.ja]\nweight = 2\n" +
			"[cascade]\ndraft = true\n",
		"content/posts/a.md":    post("PostEn"),
		"content/posts/a.ja.md": post("PostJa"),
	})
	if h, page := servetest.GeminiAs(t, d, "/posts/a.gmi", nil); !strings.HasPrefix(h, "20 ") || !strings.Contains(page, "words of PostEn") {
		t.Errorf("/posts/a.gmi: %q, want the English post\n%s", h, clipText(page))
	}
	if h, page := servetest.GeminiAs(t, d, "/tags/cascaded.gmi", nil); !strings.HasPrefix(h, "20 ") || !strings.Contains(page, "PostEn") {
		t.Errorf("/tags/cascaded.gmi: %q, want the English post's tag\n%s", h, clipText(page))
	}
	for addr, page := range servetest.Crawl(t, d, 100) {
		if strings.Contains(page, "PostJa") {
			t.Errorf("%s offers the draft:\n%s", addr, clipText(page))
		}
	}
	if _, drafts := servetest.GeminiAs(t, d, "/drafts/", &author); !strings.Contains(drafts, "PostJa") || strings.Contains(drafts, "PostEn") {
		t.Errorf("the drafts, want PostJa alone:\n%s", drafts)
	}
}

// The author reads why a page whose front matter says draft: false is
// a draft all the same (its Hugo section is one) on its page among the
// drafts, in the site's language: in Japanese on a Japanese site, in
// English on an English one, naming the section. A draft that says
// nothing of its draft there has the usual byline.
func TestDraftOverruledByline(t *testing.T) {
	author := servetest.Identity(t, "author")
	for _, c := range []struct {
		code string
		msg  messages.Messages
	}{{"ja", messages.Japanese}, {"en", messages.English}} {
		d := authorOnly(t, author, map[string]string{
			"hugo.toml":                   "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\nlanguageCode = \"" + c.code + "\"\n[params]\nmainSections = [\"posts\"]\n",
			"content/posts/kept.md":       "---\ntitle: Kept\ndate: 2024-01-02\n---\nKept.\n",
			"content/posts/old/_index.md": "---\ntitle: Old\ndraft: true\n---\n",
			"content/posts/old/said.md":   "---\ntitle: Said\ndate: 2024-01-02\ndraft: false\n---\nSaid.\n",
			"content/posts/old/silent.md": "---\ntitle: Silent\ndate: 2024-01-02\n---\nSilent.\n",
		})
		overruled := messages.Format(c.msg.DraftSectionMark, "section", "posts/old/")
		if _, page := servetest.GeminiAs(t, d, "/drafts/said.gmi", &author); !strings.Contains(page, overruled) {
			t.Errorf("%s: the draft whose draft: false is overruled does not say %q:\n%s", c.code, overruled, page)
		}
		if _, page := servetest.GeminiAs(t, d, "/drafts/silent.gmi", &author); strings.Contains(page, overruled) || !strings.Contains(page, c.msg.DraftMark) {
			t.Errorf("%s: the silent draft's byline, want %q:\n%s", c.code, c.msg.DraftMark, page)
		}
	}
}

// A language's home page hands its cascade down to that language's
// pages, and the site file (the default language's home) to the
// default language's alone: hugo 0.111 tags posts/a.md "enhome" and
// posts/a.ja.md "jahome", and writes no /ja/tags/enhome/. capsule read
// no _index.ja.md's cascade and handed _index.md's to every language.
func TestHugoLanguageHomeCascade(t *testing.T) {
	post := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-02\n---\nwords of " + title + "\n"
	}
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = testfs.Write(t, map[string]string{
			"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\ndefaultContentLanguage = \"en\"\n" +
				"[params]\nmainSections = [\"posts\"]\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
			"content/_index.md":     "---\ntitle: Home\ncascade:\n  tags: [enhome]\n---\n",
			"content/_index.ja.md":  "---\ntitle: ホーム\ncascade:\n  tags: [jahome]\n---\n",
			"content/posts/a.md":    post("PostEn"),
			"content/posts/a.ja.md": post("PostJa"),
		})
	})
	for addr, want := range map[string]string{"/tags/enhome.gmi": "PostEn", "/ja/tags/jahome.gmi": "PostJa"} {
		if st, _, page := servetest.GeminiGet(t, d, addr); st != 20 || !strings.Contains(page, want) {
			t.Errorf("%s: %d, want %s listed\n%s", addr, st, want, clipText(page))
		}
	}
	for _, addr := range []string{"/ja/tags/enhome.gmi", "/tags/jahome.gmi"} {
		if st, _, _ := servetest.GeminiGet(t, d, addr); st != 51 {
			t.Errorf("%s: %d, want 51: no post of its language has the tag", addr, st)
		}
	}
}

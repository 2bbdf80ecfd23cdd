package capsule_test

import (
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
	"capsule/capsule/tlscert"
)

// A draft is read by its author alone: 60 without a certificate, 61 with
// another, the page with the author's; and no anonymous reader finds a
// trace of it on either protocol.
func TestDraftsForTheAuthorOnly(t *testing.T) {
	author, stranger := servetest.Identity(t, "author"), servetest.Identity(t, "stranger")
	d := servetest.Start(t, func(c *config.Config) {
		c.AuthorCertificates = []string{strings.ToLower(strings.ReplaceAll(tlscert.Fingerprint(&author), ":", ""))}
		c.Posts = testfs.Write(t, map[string]string{
			"_index.md": "+++\ntitle = \"ブログ\"\nlang = \"ja\"\n+++\n",
			"a.md":      "+++\ntitle = \"公開の記事\"\ndate = 2020-01-01\ntags = [\"日記\"]\n+++\n公開です。\n",
			"secret.md": "+++\ntitle = \"秘密の下書きタイトル\"\ndate = 2020-02-02\ntags = [\"日記\"]\ndraft = true\n+++\n誰にも見せない本文。\n",
		})
	})
	ja := messages.Japanese
	for _, path := range []string{"/drafts/secret.gmi", "/drafts/"} {
		if h, _ := servetest.GeminiAs(t, d, path, nil); h != "60 "+ja.AuthorCertificate {
			t.Errorf("%s without a certificate: %q", path, h)
		}
		if h, _ := servetest.GeminiAs(t, d, path, &stranger); h != "61 "+ja.NotAuthor {
			t.Errorf("%s with another certificate: %q", path, h)
		}
	}
	h, body := servetest.GeminiAs(t, d, "/drafts/secret.gmi", &author)
	if !strings.HasPrefix(h, "20 ") || !strings.Contains(body, "誰にも見せない本文。") || !strings.Contains(body, ja.DraftMark) {
		t.Errorf("the author's draft: %q\n%s", h, body)
	}
	if h, body := servetest.GeminiAs(t, d, "/drafts/", &author); !strings.HasPrefix(h, "20 ") || !strings.Contains(body, "=> /drafts/secret.gmi ") {
		t.Errorf("the author's drafts index: %q\n%s", h, body)
	}
	// The folder asked for without its slash, as an author types it.
	if h, _ := servetest.GeminiAs(t, d, "/drafts", &author); h != "31 gemini://localhost:"+strconv.Itoa(servetest.Port(d.GeminiAddr()))+"/drafts/" {
		t.Errorf("/drafts for the author: %q", h)
	}
	if h, _ := servetest.GeminiAs(t, d, "/drafts", nil); !strings.HasPrefix(h, "60 ") {
		t.Errorf("/drafts without a certificate: %q", h)
	}
	// Encoded, the path is refused rather than served to anyone.
	if h, _ := servetest.GeminiAs(t, d, "/%64rafts/secret.gmi", &author); !strings.HasPrefix(h, "60 ") {
		t.Errorf("encoded drafts path: %q", h)
	}
	for addr, page := range servetest.Crawl(t, d, 100) {
		if strings.Contains(page, "秘密の下書き") || strings.Contains(page, "誰にも見せない") || strings.Contains(page, "/drafts/") {
			t.Errorf("%s shows the draft:\n%s", addr, page)
		}
	}
	for _, q := range []string{"%E7%A7%98%E5%AF%86", "%E8%AA%B0%E3%81%AB%E3%82%82"} {
		if _, _, page := servetest.GeminiGet(t, d, "/search?"+q); strings.Contains(page, "secret") {
			t.Errorf("search finds the draft: %s", page)
		}
	}
	if _, _, feed := servetest.GeminiGet(t, d, "/atom.xml"); strings.Contains(feed, "秘密") {
		t.Error("the Atom feed shows the draft")
	}
}

// A scheduled post reads as one at /drafts/, with the minute it publishes
// in the blog's zone, not as a draft.
func TestScheduledPostMarkedWithItsTime(t *testing.T) {
	author := servetest.Identity(t, "author")
	d := servetest.Start(t, func(c *config.Config) {
		c.AuthorCertificates = []string{tlscert.Fingerprint(&author)}
		c.Timezone = "Asia/Tokyo"
		c.Posts = testfs.Write(t, map[string]string{
			"_index.md": "+++\ntitle = \"ブログ\"\nlang = \"ja\"\n+++\n",
			"a.md":      "+++\ntitle = \"公開の記事\"\ndate = 2020-01-01\n+++\n公開です。\n",
			"later.md":  "+++\ntitle = \"明日の記事\"\ndate = 2999-12-06T09:30:00+09:00\n+++\nまだです。\n",
		})
	})
	h, body := servetest.GeminiAs(t, d, "/drafts/later.gmi", &author)
	if want := "予約投稿 · 2999-12-06 09:30 JST 公開"; !strings.HasPrefix(h, "20 ") || !strings.Contains(body, want) || strings.Contains(body, messages.Japanese.DraftMark) {
		t.Errorf("the scheduled post: %q, want %q\n%s", h, want, body)
	}
	// The index too (the readers' and authors' trial: listed as a
	// draft is, only its page told it was scheduled).
	if _, index := servetest.GeminiAs(t, d, "/drafts/", &author); !strings.Contains(index, "=> /drafts/later.gmi 2999-12-06 明日の記事 (予約投稿 · 2999-12-06 09:30 JST 公開)\n") {
		t.Errorf("the drafts' index:\n%s", index)
	}
}

// With no zone set for the blog (none in capsule's configuration, none
// in the generator's), a scheduled post's minute is the one its author
// wrote, in the offset written (a new user's trial read "2027-01-01 00:00
// UTC" for a post dated 09:00+09:00); with the generator's zone, in it.
func TestScheduledPostTimeAsWrittenWithNoZone(t *testing.T) {
	author := servetest.Identity(t, "author")
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no zone, +09:00 written", map[string]string{
			"_index.md": "+++\ntitle = \"ブログ\"\nlang = \"ja\"\n+++\n",
			"a.md":      "+++\ntitle = \"公開の記事\"\ndate = 2020-01-01\n+++\n公開です。\n",
			"later.md":  "---\ntitle: 来年の記事\ndate: 2999-01-01T09:00:00+09:00\n---\nまだです。\n",
		}, "予約投稿 · 2999-01-01 09:00 +09:00 公開"},
		{"no zone, -05:30 written", map[string]string{
			"_index.md": "+++\ntitle = \"ブログ\"\nlang = \"ja\"\n+++\n",
			"a.md":      "+++\ntitle = \"公開の記事\"\ndate = 2020-01-01\n+++\n公開です。\n",
			"later.md":  "+++\ntitle = \"来年の記事\"\ndate = 2999-01-01T09:00:00-05:30\n+++\nまだです。\n",
		}, "予約投稿 · 2999-01-01 09:00 -05:30 公開"},
		{"no zone, none written", map[string]string{
			"_index.md": "+++\ntitle = \"ブログ\"\nlang = \"ja\"\n+++\n",
			"a.md":      "+++\ntitle = \"公開の記事\"\ndate = 2020-01-01\n+++\n公開です。\n",
			"later.md":  "+++\ntitle = \"来年の記事\"\ndate = 2999-01-01T09:00:00\n+++\nまだです。\n",
		}, "予約投稿 · 2999-01-01 09:00 UTC 公開"},
		{"Hugo's timeZone", map[string]string{
			"hugo.toml":              "baseURL = \"https://example.org/\"\nlanguageCode = \"ja\"\ntimeZone = \"Asia/Tokyo\"\n",
			"content/posts/a.md":     "+++\ntitle = \"公開の記事\"\ndate = 2020-01-01\n+++\n公開です。\n",
			"content/posts/later.md": "+++\ntitle = \"来年の記事\"\ndate = 2999-01-01T00:00:00Z\n+++\nまだです。\n",
		}, "予約投稿 · 2999-01-01 09:00 JST 公開"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := servetest.Start(t, func(c *config.Config) {
				c.AuthorCertificates = []string{tlscert.Fingerprint(&author)}
				c.Posts = testfs.Write(t, tc.files)
			})
			h, index := servetest.GeminiAs(t, d, "/drafts/", &author)
			if !strings.HasPrefix(h, "20 ") || !strings.Contains(index, "来年の記事 ("+tc.want+")\n") {
				t.Errorf("the drafts' index: %q, want %q\n%s", h, tc.want, index)
			}
		})
	}
}

// A draft whose front matter holds an empty list item before "draft:"
// ("series:\n-\ndraft: true", as aiandrox/blog's posts write "tags:\n- ")
// is a draft: the YAML library read the keys after the empty item as
// the item's, and the draft was published.
func TestDraftAfterAnEmptyListItemIsADraft(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":               "title = \"t\"\n",
			"content/posts/secret.md": "---\ntitle: Secret\ndate: 2018-11-15\nseries:\n-\ndraft: true\n---\nSecret text.\n",
			"content/posts/tagged.md": "---\ntitle: Tagged\ndate: 2018-11-16\ntags:\n- \nseries:\n-\n---\nText.\n",
		})
	})
	if got := servedAnywhere(t, d, "/posts/secret.gmi"); got != "" {
		t.Errorf("the draft is served: %s", got)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "Secret") || !strings.Contains(home, "Tagged") {
		t.Errorf("the home page lists the draft, or not the tagged post:\n%s", home)
	}
}

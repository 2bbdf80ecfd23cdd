package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/search"

	"git.sr.ht/~adnano/go-gemini"
)

// Search looks at what a reader reads: never at link URLs or gemtext
// syntax; it folds width and case; a query over the limit gets a clear
// refusal on both protocols.
func TestSearchReadsWhatReadersRead(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"a.md": "+++\ntitle = \"道場の写真\"\ndate = 2020-01-01\ntags = [\"稽古\"]\n+++\n" +
				"今日はOpenStackとラズパイの話。\n\n![写真](images/dojo.jpg)\n\n[リンク](https://example.org/gmi/tags/)\n",
			"images/dojo.jpg": "jpeg",
		})
	})
	found := func(query string) bool {
		t.Helper()
		_, _, page := servetest.GeminiGet(t, d, "/search?"+url.QueryEscape(query))
		return strings.Contains(page, "=> /posts/a.gmi")
	}
	for _, q := range []string{"gmi", "/tags/", "DOJO", "example.org", "=>", "https"} {
		if found(q) {
			t.Errorf("search %q matched link or page syntax", q)
		}
	}
	for _, q := range []string{"道場", "ＯｐｅｎＳｔａｃｋ", "ｏｐｅｎｓｔａｃｋ", "OPENSTACK", "ﾗｽﾞﾊﾟｲ"} {
		if !found(q) {
			t.Errorf("search %q did not find the post", q)
		}
	}
	_, _, page := servetest.GeminiGet(t, d, "/search?"+url.QueryEscape("ｏｐｅｎｓｔａｃｋ"))
	if !strings.Contains(page, "OpenStack") {
		t.Errorf("excerpt does not show the match as written: %q", page)
	}

	long := strings.Repeat("の", search.MaxQueryRunes+1)
	status, meta, _ := servetest.GeminiGet(t, d, "/search?"+url.QueryEscape(long))
	if status != gemini.StatusBadRequest || !strings.Contains(meta, "too long") {
		t.Errorf("query of %d characters: %d %q", search.MaxQueryRunes+1, status, meta)
	}
	if menu := servetest.GopherGet(t, d, "/search\t"+long+"\r\n"); !strings.HasPrefix(menu, "3") || !strings.Contains(menu, "too long") {
		t.Errorf("Gopher query too long: %q", menu)
	}
}

// A query's bidirectional overrides, embeddings and isolates are not
// shown back: a link to a search with U+202E in it would otherwise make
// the results' heading and summary read as its sender chose. The search
// still finds what the query's words do.
func TestSearchEchoWithoutBidiControls(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"a.md": "+++\ntitle = \"道場\"\ndate = 2020-01-01\n+++\n稽古の話。\n",
		})
	})
	for _, q := range []string{"\u202e稽古", "稽\u2067古\u2069", "\u202a稽古\u202c"} {
		_, _, page := servetest.GeminiGet(t, d, "/search?"+url.PathEscape(q))
		if strings.ContainsFunc(page, func(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }) {
			t.Errorf("Gemini search %+q: its page shows a bidi control:\n%s", q, page)
		}
		if !strings.Contains(page, "稽古") || !strings.Contains(page, "=> /posts/a.gmi") {
			t.Errorf("Gemini search %+q: the query or the post is not on its page:\n%s", q, page)
		}
		menu := servetest.GopherGet(t, d, "/search\t"+q+"\r\n")
		if strings.ContainsFunc(menu, func(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }) {
			t.Errorf("Gopher search %+q: its menu shows a bidi control:\n%s", q, menu)
		}
		if !strings.Contains(menu, "稽古") || !strings.Contains(menu, "道場") {
			t.Errorf("Gopher search %+q: the query or the post is not in its menu:\n%s", q, menu)
		}
	}
}

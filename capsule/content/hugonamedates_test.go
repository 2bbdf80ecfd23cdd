package content

import (
	"path/filepath"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// hugoNamedPages are pages of a Hugo site whose [frontmatter] dates them
// by their files' names (TestHugoDatesFromFileNames).
var hugoNamedPages = map[string]string{
	"content/posts/2012-09-26-hatena-intern.md": "---\ntitle: Hatena intern\n---\nText.\n",
	"content/posts/2014-09-07-internship.md":    "---\ntitle: Dated twice\ndate: 2020-05-05\n---\nText.\n",
	"content/posts/2015-01-01-other.md":         "---\ntitle: Own slug\nslug: mine\n---\nText.\n",
	"content/posts/2013-01-02-bund/index.md":    "---\ntitle: Bundle\n---\nText.\n",
	"content/posts/2016-06-06.md":               "---\ntitle: Only a date\n---\nText.\n",
	"content/posts/2015-05-05-later.md":         "---\ntitle: Later\ndate: 2031-01-01\n---\nText.\n",
	"content/posts/2029-01-01-namefuture.md":    "---\ntitle: Name future\ndate: 2019-01-01\n---\nText.\n",
	"content/posts/plain.md":                    "---\ntitle: No date\n---\nText.\n",
	"content/posts/2014-13-40-bad.md":           "---\ntitle: No such day\n---\nText.\n",
	"content/posts/2012-09-28-es.md":            "---\ntitle: Empty slug\nslug: \"\"\n---\nText.\n",
}

// Hugo's [frontmatter] date = [":filename", …] dates a page by its file's
// name (a bundle's folder's) and slugs it by the rest of the name, as
// Hugo 0.111 lists these pages (hugo list all, hugo list future, in
// 2026): the name's date first wins over the front matter's, which is
// then the page's publishDate (2015-05-05-later waits for 2031); after
// :default, the front matter's date wins where there is one, and then
// the name gives no slug either. Before, every such page was an undated
// page, and links to /posts/hatena-intern/ led nowhere.
func TestHugoDatesFromFileNames(t *testing.T) {
	type want struct {
		date, addr string
		state      postState
	}
	for _, tt := range []struct {
		handlers string
		want     map[string]want
	}{
		{`[":filename", ":default"]`, map[string]want{
			"2012-09-26-hatena-intern.md": {"2012-09-26", "/posts/hatena-intern/", postPublished},
			"2014-09-07-internship.md":    {"2014-09-07", "/posts/internship/", postPublished},
			"2015-01-01-other.md":         {"2015-01-01", "/posts/mine/", postPublished},
			"2013-01-02-bund/index.md":    {"2013-01-02", "/posts/bund/", postPublished},
			"2016-06-06.md":               {"2016-06-06", "/posts/2016-06-06/", postPublished},
			"2015-05-05-later.md":         {"2015-05-05", "/posts/later/", postScheduled},
			"2029-01-01-namefuture.md":    {"2029-01-01", "/posts/namefuture/", postPublished},
			"plain.md":                    {"", "/posts/plain/", postPublished},
			"2014-13-40-bad.md":           {"", "/posts/2014-13-40-bad/", postPublished},
			"2012-09-28-es.md":            {"2012-09-28", "/posts/2012-09-28-es/", postPublished}, // slug: "" written: the name stays
		}},
		{`[":default", ":filename"]`, map[string]want{
			"2012-09-26-hatena-intern.md": {"2012-09-26", "/posts/hatena-intern/", postPublished},
			"2014-09-07-internship.md":    {"2020-05-05", "/posts/2014-09-07-internship/", postPublished},
			"2015-01-01-other.md":         {"2015-01-01", "/posts/mine/", postPublished},
			"2013-01-02-bund/index.md":    {"2013-01-02", "/posts/bund/", postPublished},
			"2015-05-05-later.md":         {"2031-01-01", "/posts/2015-05-05-later/", postScheduled},
			"2029-01-01-namefuture.md":    {"2019-01-01", "/posts/2029-01-01-namefuture/", postPublished},
		}},
		{`":filename"`, map[string]want{ // one handler, written as a string
			"2012-09-26-hatena-intern.md": {"2012-09-26", "/posts/hatena-intern/", postPublished},
		}},
		{`[":fileModTime", ":filename"]`, map[string]want{ // never reached: named and dated as ever
			"2012-09-26-hatena-intern.md": {"", "/posts/2012-09-26-hatena-intern/", postPublished},
		}},
		{`["date", ":fileModTime"]`, map[string]want{ // no :filename: named and dated as ever
			"2012-09-26-hatena-intern.md": {"", "/posts/2012-09-26-hatena-intern/", postPublished},
			"2014-09-07-internship.md":    {"2020-05-05", "/posts/2014-09-07-internship/", postPublished},
		}},
	} {
		files := map[string]string{"hugo.toml": "baseURL = \"https://x.org/\"\n[frontmatter]\ndate = " + tt.handlers + "\n"}
		for k, v := range hugoNamedPages {
			files[k] = v
		}
		root := testfs.Write(t, files)
		c, err := Load(root, LoadOptions{Settle: -1, Now: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		got := make(map[string]*Post)
		for _, list := range [][]*Post{c.Posts, c.Pages, c.Scheduled} {
			for _, p := range list {
				rel, _ := filepath.Rel(filepath.Join(root, "content", "posts"), p.File)
				got[filepath.ToSlash(rel)] = p
			}
		}
		for file, w := range tt.want {
			p := got[file]
			if p == nil {
				t.Errorf("%s: %s not loaded", tt.handlers, file)
				continue
			}
			date := ""
			if p.HasDate {
				date = p.Date.Format("2006-01-02")
			}
			addr := ""
			if len(p.Addresses) > 0 {
				addr = p.Addresses[0]
			}
			if date != w.date || addr != w.addr || c.stateOf(p) != w.state {
				t.Errorf("%s: %s: dated %q at %q, state %v; want %q at %q, state %v", tt.handlers, file, date, addr, c.stateOf(p), w.date, w.addr, w.state)
			}
			if w.date != "" && p.Page {
				t.Errorf("%s: %s: a page, not a post", tt.handlers, file)
			}
			// What waits says when it publishes, not its name's date.
			if w.state == postScheduled && p.PublishTime().Format("2006-01-02") != "2031-01-01" {
				t.Errorf("%s: %s: publishes at %v, want 2031-01-01", tt.handlers, file, p.PublishTime())
			}
		}
	}
}

package capsule

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/content"
)

// A post's hiddenFromHomePage or hiddenFromFeed set or taken away (its
// line in the lists and its feed entry unchanged) gives, on a reload
// and on a restart from the build cache, the home page and the feeds a
// build from nothing makes. (A reload kept the home page as it was:
// it is made again only when its posts' lines change.)
func TestHiddenKeysChangedRebuildHomeAndFeeds(t *testing.T) {
	folder := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		file := filepath.Join(folder, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	post := func(keys string) string {
		return "---\ntitle: Hidden\ndate: 2024-01-02\ntags: [kyoto]\n" + keys + "---\nmatcha\n"
	}
	write("hugo.toml", "title = \"t\"\n")
	write("content/posts/shown.md", "---\ntitle: Shown\ndate: 2024-01-01\ntags: [kyoto]\n---\nmatcha\n")
	write("content/posts/hidden.md", post(""))
	load := func() *content.Content {
		t.Helper()
		c, err := content.Load(folder, content.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	build := func(c *content.Content, prev *Store) *Store {
		t.Helper()
		st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	c := load()
	prev := build(c, nil)
	for _, keys := range []string{"hiddenFromHomePage: true\n", "", "hiddenFromFeed: true\n", "hiddenFromHomePage: true\nhiddenFromFeed: true\n", ""} {
		cache := filepath.Join(t.TempDir(), "site.cache")
		if _, err := prev.WriteCache(cache, folder, c); err != nil {
			t.Fatal(err)
		}
		write("content/posts/hidden.md", post(keys))
		c = load()
		want := build(c, nil)
		home := string(want.gemini["/"].Bytes())
		if strings.Contains(home, "Hidden") == strings.Contains(keys, "HomePage") {
			t.Fatalf("%q: the home page from nothing:\n%s", keys, home)
		}
		if diff := storeDiff(want, build(c, prev)); diff != "" {
			t.Errorf("reload to %q: %s", keys, diff)
		}
		restarted, _, err := ReadCache(cache, cacheTestSite(c), c, folder)
		if err == nil {
			if diff := storeDiff(want, build(c, restarted)); diff != "" {
				t.Errorf("restart to %q: %s", keys, diff)
			}
		}
		prev = build(c, prev)
	}
}

// A Hexo site's hexo-hide-posts allowlist changed to give a hidden post
// to the home (index) or the feed (atom) or take it away, and the hidden
// post's title changed, give on a reload and on a restart from the build
// cache the home page and the feeds a build from nothing makes.
func TestHexoHideAllowlistChangedRebuildHomeAndFeeds(t *testing.T) {
	folder := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		file := filepath.Join(folder, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("package.json", `{"dependencies": {"hexo": "^7.0.0", "hexo-hide-posts": "^0.4.3", "hexo-generator-feed": "^3.0.0"}}`)
	write("source/_posts/shown.md", "---\ntitle: Shown\ndate: 2024-01-01\ntags: [kyoto]\n---\nmatcha\n")
	load := func() *content.Content {
		t.Helper()
		c, err := content.Load(folder, content.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	build := func(c *content.Content, prev *Store) *Store {
		t.Helper()
		st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	step := func(allow, title string) {
		write("_config.yml", "title: t\nhide_posts:\n  allowlist_generators: ["+allow+"]\n")
		write("source/_posts/hidden.md", "---\ntitle: "+title+"\ndate: 2024-01-02\ntags: [kyoto]\nhidden: true\n---\nmatcha\n")
	}
	step("", "Hidden")
	c := load()
	prev := build(c, nil)
	for _, s := range []struct{ allow, title string }{
		{"index", "Hidden"}, {"index, atom, tag", "Hidden"}, {"index, atom, tag", "Hidden again"}, {"atom, tag", "Hidden again"}, {"", "Hidden again"}, {"index", "Hidden"},
	} {
		cache := filepath.Join(t.TempDir(), "site.cache")
		if _, err := prev.WriteCache(cache, folder, c); err != nil {
			t.Fatal(err)
		}
		step(s.allow, s.title)
		c = load()
		want := build(c, nil)
		home, feed := string(want.gemini["/"].Bytes()), string(want.gemini["/atom.xml"].Bytes())
		if strings.Contains(home, s.title) != strings.Contains(s.allow, "index") || strings.Contains(feed, s.title) != strings.Contains(s.allow, "atom") {
			t.Fatalf("%q: from nothing, home:\n%s\nfeed:\n%s", s.allow, home, feed)
		}
		if diff := storeDiff(want, build(c, prev)); diff != "" {
			t.Errorf("reload to %q %q: %s", s.allow, s.title, diff)
		}
		restarted, _, err := ReadCache(cache, cacheTestSite(c), c, folder)
		if err == nil {
			if diff := storeDiff(want, build(c, restarted)); diff != "" {
				t.Errorf("restart to %q %q: %s", s.allow, s.title, diff)
			}
		}
		prev = build(c, prev)
	}
}

package capsule

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/content"
	"capsule/capsule/internal/testfs"
)

// A jekyll-polyglot language's lists hold the posts copied from other
// languages (listCopies), rendered by their own language's blog: an
// edit of such a post (its title, its text) makes the other language's
// home, tags and feeds, and the pages of the posts beside it there, again
// on a reload and on a restart from the build cache, as a build from
// nothing makes them, with the feed's text and without, and each post's
// feed entry is held once; the language's search finds the post as
// edited.
func TestPolyglotCopiedPostEditRebuildsLists(t *testing.T) {
	for _, text := range []bool{true, false} {
		folder := testfs.Write(t, map[string]string{
			"_config.yml":                   "title: Notes\nlanguages: [\"en\", \"ja\"]\ndefault_lang: \"en\"\npermalink: /posts/:title/\nplugins:\n  - jekyll-polyglot\n",
			"_posts/2020-01-01-hello.md":    "---\ntitle: Hello\ntags: [go]\n---\nHello.\n",
			"_posts/ja/2020-01-01-hello.md": "---\ntitle: こんにちは\nlang: ja\ntags: [日本語]\n---\nこんにちは。\n",
			"_posts/2020-01-02-only-en.md":  "---\ntitle: Only in English\ntags: [rust, go]\n---\nEnglish.\n",
			"_posts/2020-01-03-only-ja.md":  "---\ntitle: 日本語だけ\nlang: ja\ntags: [ja-only]\n---\n日本語。\n",
		})
		site := func(c *content.Content) *Site { s := cacheTestSite(c); s.FeedContent = text; return s }
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
			st, err := Build(context.Background(), site(c), c, BuildOptions{Previous: prev})
			if err != nil {
				t.Fatal(err)
			}
			if h := referenceHeld(st); st.Held != h {
				t.Errorf("the Store holds %d bytes, counted one by one %d", st.Held, h)
			}
			return st
		}
		before := load()
		old := build(before, nil)
		cache := filepath.Join(t.TempDir(), "site.cache")
		if _, err := old.WriteCache(cache, folder, before); err != nil {
			t.Fatal(err)
		}
		for _, edit := range []string{"---\ntitle: Only in English, edited\ntags: [rust, go]\n---\nEnglish.\n", "---\ntitle: Only in English, edited\ntags: [rust, go]\n---\nEnglish, edited.\n"} {
			if err := os.WriteFile(filepath.Join(folder, "_posts/2020-01-02-only-en.md"), []byte(edit), 0o644); err != nil {
				t.Fatal(err)
			}
			after := load()
			want := build(after, nil)
			for _, addr := range []string{"/ja/", "/ja/tags/rust.gmi", "/ja/atom.xml", "/ja/posts/hello.gmi"} {
				if !strings.Contains(string(want.gemini[addr].Bytes()), "Only in English, edited") {
					t.Fatalf("text %v: %s lacks the new title:\n%s", text, addr, want.gemini[addr].Bytes())
				}
			}
			got := build(after, old)
			if diff := storeDiff(want, got); diff != "" {
				t.Errorf("text %v: the reload differs from a build from nothing: %s", text, diff)
			}
			prev, _, err := ReadCache(cache, site(after), after, folder)
			if err != nil {
				t.Fatal(err)
			}
			restarted := build(after, prev)
			if diff := storeDiff(want, restarted); diff != "" {
				t.Errorf("text %v: the restart differs from a build from nothing: %s", text, diff)
			}
			for name, st := range map[string]*Store{"build": want, "reload": got, "restart": restarted} {
				res := New(st).Gemini([]byte("gemini://localhost/ja/search?edited"))
				if body := string(res.Bytes()); !strings.Contains(body, "=> /posts/only-en.gmi 2020-01-02 Only in English, edited\n") {
					t.Errorf("text %v: %s: /ja/search?edited:\n%s", text, name, body)
				}
			}
			if _, err := got.WriteCache(cache, folder, after); err != nil {
				t.Fatal(err)
			}
			old = got
		}
	}
}

// A post's neighbour may be a post of another language now (a copy a
// jekyll-polyglot language lists among its own): when the Japanese
// version of a post goes, the English one, copied into Japanese, takes
// its place beside the Japanese post after it, with the same slug, title
// and date. The page of the post after it then links the English post;
// a reload and a restart from the build cache render it again, as a
// build from nothing does (the neighbour's language folder is part of
// what a render depends on, neighbour.dir).
func TestPolyglotNeighbourOfAnotherLanguage(t *testing.T) {
	folder := testfs.Write(t, map[string]string{
		"_config.yml":                   "title: Notes\nlanguages: [\"en\", \"ja\"]\ndefault_lang: \"en\"\npermalink: /posts/:title/\nplugins:\n  - jekyll-polyglot\n",
		"_posts/2020-01-01-hello.md":    "---\ntitle: Hello\n---\nHello.\n",
		"_posts/ja/2020-01-01-hello.md": "---\ntitle: Hello\nlang: ja\n---\nこんにちは。\n",
		"_posts/ja/2020-01-02-later.md": "---\ntitle: 後で\nlang: ja\n---\n後で。\n",
	})
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
	before := load()
	old := build(before, nil)
	if page := string(old.gemini["/ja/posts/later.gmi"].Bytes()); !strings.Contains(page, "=> /ja/posts/hello.gmi ← 2020-01-01 Hello\n") {
		t.Fatalf("/ja/posts/later.gmi does not link the Japanese Hello:\n%s", page)
	}
	cache := filepath.Join(t.TempDir(), "site.cache")
	if _, err := old.WriteCache(cache, folder, before); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(folder, "_posts/ja/2020-01-01-hello.md")); err != nil {
		t.Fatal(err)
	}
	after := load()
	want := build(after, nil)
	if page := string(want.gemini["/ja/posts/later.gmi"].Bytes()); !strings.Contains(page, "=> /posts/hello.gmi ← 2020-01-01 Hello\n") {
		t.Fatalf("/ja/posts/later.gmi does not link the English Hello:\n%s", page)
	}
	if diff := storeDiff(want, build(after, old)); diff != "" {
		t.Errorf("the reload differs from a build from nothing: %s", diff)
	}
	prev, _, err := ReadCache(cache, cacheTestSite(after), after, folder)
	if err != nil {
		t.Fatal(err)
	}
	if diff := storeDiff(want, build(after, prev)); diff != "" {
		t.Errorf("the restart differs from a build from nothing: %s", diff)
	}
}

package content

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A reload that finds the posts made of what they were made of takes the
// last load's posts whole (poststage.go), and is still what a load from
// nothing gives; any change to what posts are made of — a post, the site
// file, the generator's configuration, the load's options, the time
// passing a post's date — makes them anew. The files beside the posts
// are looked at anew either way.
func TestReloadTakesTheLastLoadsPosts(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"ja\"\n" +
			"[languages.ja]\nweight = 1\n[languages.en]\nweight = 2\n",
		"content/_index.md":              "---\ntitle: 題\n---\n",
		"content/posts/hello.md":         "---\ntitle: こんにちは\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文\n",
		"content/posts/hello.en.md":      "---\ntitle: Hello\ndate: 2024-01-01\ntranslationKey: hello\n---\nbody\n",
		"content/posts/later.md":         "---\ntitle: 後で\ndate: 2024-06-01\n---\n予定\n",
		"content/posts/draft.md":         "---\ntitle: 下書き\ndraft: true\n---\nまだ\n",
		"content/posts/odd.md":           "---\ntitle: 変\ndate: 2024-02-01\ncolour: red\n---\n未知のキー\n",
		"content/posts/broken.md":        "---\ntitle: [壊れ\n---\n",
		"content/posts/bundle/index.md":  "---\ntitle: 束\ndate: 2024-03-01\n---\n![](a.png)\n",
		"content/posts/bundle/a.png":     "PNG",
		"content/posts/secret/index.md":  "---\ntitle: 秘密\ndate: 2024-01-05\ndraft: true\n---\n![](s.png)\n",
		"content/posts/secret/s.png":     "PNG",
		"content/about.md":               "---\ntitle: について\n---\nページ\n",
		"content/posts/same-slug.md":     "---\ntitle: A\ndate: 2024-04-01\nslug: dup\n---\na\n",
		"content/posts/same-slug-too.md": "---\ntitle: B\ndate: 2024-04-02\nslug: dup\n---\nb\n",
	})
	clock := time.Now().Add(-time.Hour)
	testfs.Age(dir, clock)
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(time.Second) // each change at another time, long enough ago to be taken
		os.Chtimes(p, clock, clock)
	}
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	opts := LoadOptions{Settle: -1, Now: now}
	load := func(o LoadOptions) *Content {
		t.Helper()
		c, err := Load(dir, o)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	last := load(opts)
	if len(last.Problems) == 0 || len(last.Warnings) == 0 || len(last.Scheduled) != 1 || len(last.Drafts) != 2 || len(last.Languages) != 2 || len(last.Files) == 0 {
		t.Fatalf("the folder is not what the test needs: problems %v, warnings %v, %d scheduled, %d drafts, %d languages, %d files",
			last.Problems, last.Warnings, len(last.Scheduled), len(last.Drafts), len(last.Languages), len(last.Files))
	}
	translated := false
	for _, p := range last.Posts {
		translated = translated || len(p.Translations) > 0
	}
	if !translated {
		t.Fatalf("no post has a translation: the test needs one")
	}
	last.Forget() // as the daemon does after each build
	edited := 0   // posts whose text alone the next reload finds edited
	reload := func(what string, o LoadOptions, wantTaken bool) {
		t.Helper()
		o.Previous = last
		got := load(o)
		o.Previous = nil
		fresh := load(o)
		if !Same(fresh, got) {
			t.Fatalf("%s: the reload differs from a load from nothing", what)
		}
		for _, l := range [][2][]*Post{{fresh.Posts, got.Posts}, {fresh.Drafts, got.Drafts}, {fresh.Scheduled, got.Scheduled}, {fresh.Pages, got.Pages}} {
			for i := range l[0] {
				if a, b := fresh.Unpublished(l[0][i]), got.Unpublished(l[1][i]); a != b {
					t.Fatalf("%s: %s is %q, from nothing %q", what, l[1][i].File, b, a)
				}
			}
		}
		// Taken, the posts are the last load's, but those whose text
		// was edited; made anew, none is.
		shared := 0
		for _, p := range got.Posts {
			if slices.Contains(last.Posts, p) {
				shared++
			}
		}
		if taken := shared > 0; taken != wantTaken {
			t.Fatalf("%s: took the last load's posts: %v, want %v", what, taken, wantTaken)
		}
		if wantTaken && shared != len(got.Posts)-edited {
			t.Fatalf("%s: %d of %d posts taken from the last load, want all but %d", what, shared, len(got.Posts), edited)
		}
		edited = 0
		got.Forget()
		last = got
	}
	reload("nothing changed", opts, true)
	reload("nothing changed again, from a load that took its posts", opts, true)
	later := opts
	later.Now = now.Add(time.Hour)
	reload("an hour later", later, true)
	earlier := opts
	earlier.Now = now.Add(-time.Hour)
	reload("earlier than the loads before (a clock set back)", earlier, false)
	past := opts
	past.Now = time.Date(2024, 6, 2, 0, 0, 0, 0, time.UTC)
	reload("past the scheduled post's date", past, false)
	reload("and nothing since", past, true)
	write("content/posts/bundle/b.png", "PNG too")
	reload("a file beside the posts added", past, true)
	write("content/posts/hello.md", "---\ntitle: こんにちは\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文\n\n追記。\n")
	edited = 1
	reload("a post's text", past, true)
	write("content/posts/secret/index.md", "---\ntitle: 秘密\ndate: 2024-01-05\ndraft: true\n---\n![](s.png)\n\nまだ秘密。\n")
	reload("a draft's text, its bundle's file still the draft's", past, true)
	write("content/posts/hello.md", "---\ntitle: こんにちは\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文\n\n追記。{{< ref \"odd.md\" >}}\n")
	reload("a post's text, a template added", past, false)
	write("content/posts/hello.md", "---\ntitle: こんにちは\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文\n\n追記を直した。{{< ref \"odd.md\" >}}\n")
	reload("a post's text with a template in it", past, false)
	write("content/about.md", "---\ntitle: についての話\n---\nページ\n")
	reload("a page's title, its text the same", past, false)
	write("content/posts/hello.md", "---\ntitle: こんにちは!\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文\n")
	reload("a post's title, the template before it gone", past, false)
	write("content/posts/hello.md", "---\ntitle: こんにちは!!\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文\n")
	edited = 1
	reload("a post's title, no post with a template", past, true)
	write("content/posts/hello.md", "---\ntitle: こんにちは。\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文を直した\n")
	edited = 1
	reload("a post's title and text", past, true)
	write("content/posts/odd.md", "---\ntitle: 変\ndate: 2024-02-01\ncolour: red\n---\n未知のキー {{< ref \"hello.md\" >}}\n")
	reload("a reference to a post, bare (labelled with its title), added to another", past, false)
	write("content/posts/hello.md", "---\ntitle: こんにちは?\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文を直した\n")
	reload("a post's title, another post showing it", past, false)
	write("content/posts/odd.md", "---\ntitle: 変\ndate: 2024-02-01\ncolour: red\n---\n未知のキー\n")
	reload("the reference gone", past, false)
	write("content/posts/new.md", "---\ntitle: 新\ndate: 2024-05-20\n---\n新しい\n")
	reload("a new post", past, false)
	os.Remove(filepath.Join(dir, "content/posts/new.md"))
	reload("a post removed", past, false)
	write("content/_index.md", "---\ntitle: 新しい題\n---\n")
	reload("the site file", past, false)
	write("hugo.toml", "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"ja\"\n"+
		"[permalinks]\nposts = \"/:year/:slug/\"\n[languages.ja]\nweight = 1\n[languages.en]\nweight = 2\n")
	reload("the generator's configuration", past, false)
	write("content/posts/hello.md", "---\ntitle: やあ\ndate: 2024-01-01\ntags: [日記]\ntranslationKey: hello\n---\n本文を直した\n")
	reload("a post's title, its address made of it (Hugo's :slug)", past, false)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	zoned := past
	zoned.Location = tokyo
	reload("another zone", zoned, false)
	reload("nothing changed at the end", zoned, true)
}

// reloadedAndFresh loads files, changes them as change says (aged, to be
// taken from the last load where they did not change) and loads again,
// from the first load (Forget since, as the daemon leaves it) and from
// nothing.
func reloadedAndFresh(t *testing.T, files, change map[string]string) (reloaded, fresh *Content) {
	t.Helper()
	dir := testfs.Write(t, files)
	old := time.Now().Add(-time.Hour)
	testfs.Age(dir, old)
	opts := LoadOptions{Settle: -1, Now: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	prev, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	prev.Forget()
	for name, text := range change {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old.Add(time.Minute), old.Add(time.Minute))
	}
	o := opts
	o.Previous = prev
	if reloaded, err = Load(dir, o); err != nil {
		t.Fatal(err)
	}
	if fresh, err = Load(dir, opts); err != nil {
		t.Fatal(err)
	}
	return reloaded, fresh
}

// A Zola page's text is rewritten after it is decoded (its @/ links made
// the site's addresses): an edit of its text is not taken with the last
// load's posts, whose rewriting it would miss. (A reviewer's find.)
func TestReloadOfAZolaPagesText(t *testing.T) {
	got, fresh := reloadedAndFresh(t, map[string]string{
		"config.toml":            "base_url = \"https://z.example\"\ntitle = \"Z\"\n",
		"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
		"content/blog/a.md":      "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n[the blog](@/blog/_index.md)\n",
	}, map[string]string{"content/blog/a.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n[the blog](@/blog/_index.md) edited\n"})
	if !Same(fresh, got) {
		t.Errorf("reloaded %q, from nothing %q", got.Posts[0].Body, fresh.Posts[0].Body)
	}
}

// A section's _index.md appearing moves the addresses of its posts
// (Hugo's :sections), though no post changed: a reload does not take the
// last load's posts then. (A reviewer's find.)
func TestReloadAfterASectionIndexAppears(t *testing.T) {
	got, fresh := reloadedAndFresh(t, map[string]string{
		"hugo.toml":                   "baseURL = \"https://example.org/\"\n[permalinks]\nposts = \"/:sections/:slug/\"\n",
		"content/posts/tech/hello.md": "---\ntitle: Hello\ndate: 2024-01-02\n---\nhello\n",
	}, map[string]string{"content/posts/tech/_index.md": "---\ntitle: Tech\n---\n"})
	if !Same(fresh, got) {
		t.Errorf("reloaded %v, from nothing %v", got.Posts[0].Addresses, fresh.Posts[0].Addresses)
	}
}

// A Jekyll site's pages in folders, and its home page's text, are asked
// of their bytes at every load (front matter or not; text or not). Taken
// from the last load with their bytes forgotten (Content.Forget), they
// were read again, and a page read again was a changed file: no reload
// took the posts whole, and one that changed nothing made every post
// again (tech.nitoyon.com: 12 ms of a 115 ms start). What the last load
// found of those bytes is kept with the file's record. The first bytes
// of HTML files and of posts in formats capsule does not read (a .htn)
// are looked at again only if the file changed.
func TestReloadTakesAJekyllSitesPagesUnread(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                  "title: 題\ntimezone: Asia/Tokyo\n",
		"index.md":                     "---\nlayout: home\n---\nようこそ\n",
		"_posts/2024-01-01-a.md":       "---\ntitle: A\n---\n本文\n",
		"_posts/2024-01-02-b.htn":      "---\ntitle: B\n---\n*はてな記法\n",
		"about/index.md":               "---\ntitle: について\n---\nページ\n",
		"docs/README.md":               "# 前付けのない Markdown は Jekyll がそのまま写すファイル\n",
		"javascript/app/index_en.md":   "---\ntitle: App\nlang: en\n---\nan app\n",
		"javascript/app/index.md":      "---\ntitle: アプリ\nlang: ja\n---\nアプリ\n",
		"javascript/app/old-page.html": "<p>no front matter</p>\n",
	})
	testfs.Age(dir, time.Now().Add(-time.Hour))
	opts := LoadOptions{Settle: -1}
	last, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(last.Pages) < 3 {
		t.Fatalf("the folder is not what the test needs: pages %d, warnings %v", len(last.Pages), last.Warnings)
	}
	htn := filepath.Join(dir, "_posts/2024-01-02-b.htn")
	sniffed := last.cache.top.fronts[htn]
	if !sniffed.front {
		t.Fatalf("the .htn post was not looked at: %+v", sniffed)
	}
	for i := range 2 {
		last.Forget()
		o := opts
		o.Previous = last
		got, err := Load(dir, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, list := range [][2][]*Post{{last.Posts, got.Posts}, {last.Pages, got.Pages}} {
			for j, p := range list[1] {
				if list[0][j] != p {
					t.Fatalf("reload %d, nothing changed: %s made anew, not taken from the last load", i+1, p.File)
				}
			}
		}
		if again := got.cache.top.fronts[htn]; again != sniffed {
			t.Errorf("reload %d: the unchanged .htn post was looked at again (%v, first %v)", i+1, again.at, sniffed.at)
		}
		last = got
	}
	// Changed, it is looked at again: without front matter, Jekyll
	// copies it, and no warning names it.
	os.WriteFile(htn, []byte("*はてな記法だけ\n"), 0o644)
	testfs.Age(htn, time.Now().Add(-time.Minute))
	o := opts
	o.Previous = last
	got, err := Load(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if s := got.cache.top.fronts[htn]; s.front || s == sniffed {
		t.Errorf("the .htn post, changed, was not looked at again: %+v", s)
	}
}

// A reload that makes the posts again (a post with templates edited)
// takes the markup the last load dropped of each unchanged post's text
// (kramdown's attribute lists, headings' ids) instead of running the
// regular expressions over it again; an edited post's is dropped anew.
// Either way the posts are what a load from nothing makes.
func TestReloadTakesTheMarkupDroppedOfUnchangedPosts(t *testing.T) {
	post := func(title, text string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-01\n---\n" + text
	}
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: 題\n",
		"_posts/2024-01-01-a.md": post("A", "## 見出し {#midashi}\n\n本文\n{: .note}\n\n{% include x.html %}\n"),
		"_posts/2024-01-02-b.md": post("B", "段落\n{: .warn}\n\n{{ site.title }}\n"),
		"_posts/2024-01-03-c.md": post("C", "ただの本文\n"),
	})
	testfs.Age(dir, time.Now().Add(-time.Hour))
	load := func(prev *Content) *Content { return reloadOf(t, dir, prev) }
	last := load(nil)
	if len(last.cache.drops) != 2 {
		t.Fatalf("the first load dropped the markup of %d posts, want the 2 with templates", len(last.cache.drops))
	}
	memoOf := func(c *Content, name string) *dropMemo {
		for _, m := range c.cache.drops {
			if bytes.Contains(m.body, []byte(map[string]string{"a": "見出し", "b": "段落"}[name])) {
				return m
			}
		}
		return nil
	}
	a, b := memoOf(last, "a"), memoOf(last, "b")
	if a == nil || b == nil || bytes.Contains(a.out, []byte("{#midashi}")) || bytes.Contains(b.out, []byte("{: .warn}")) {
		t.Fatalf("the markup was not dropped: %+v %+v", a, b)
	}
	last.Forget()
	p := filepath.Join(dir, "_posts/2024-01-02-b.md")
	os.WriteFile(p, []byte(post("B", "段落を直した\n{: .warn}\n\n{{ site.title }}\n")), 0o644)
	testfs.Age(p, time.Now().Add(-time.Minute))
	got := load(last)
	if !Same(load(nil), got) {
		t.Fatal("the reload differs from a load from nothing")
	}
	if memoOf(got, "a") != a {
		t.Error("the unchanged post's markup was dropped again, not taken from the last load")
	}
	if nb := memoOf(got, "b"); nb == nil || nb == b || !bytes.Contains(nb.body, []byte("直した")) {
		t.Errorf("the edited post's markup was not dropped anew: %+v", nb)
	}
	if len(got.cache.drops) != 2 {
		t.Errorf("the reload keeps %d drops, want its own 2", len(got.cache.drops))
	}
}

// A reload that makes a Zola site's posts again (a page edited) takes the
// last load's rewriting of each unchanged page (its shortcodes and @/
// links, zolaPages) when the sections are the same, and rewrites anew a
// page edited, and every page when a section changed. Either way the
// pages are what a load from nothing makes.
func TestReloadTakesTheZolaRewritingOfUnchangedPages(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml":            "base_url = \"https://z.example\"\ntitle = \"Z\"\n",
		"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
		"content/blog/a.md":      "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n[the blog](@/blog/_index.md)\n\n{{ youtube(id=\"abc\") }}\n",
		"content/blog/b.md":      "+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\nfn main() { println!(\"{}\", 1) }\n",
		"content/blog/c.md":      "+++\ntitle = \"C\"\ndate = 2024-01-03\n+++\n{{ unknown_shortcode(x=1) }}\n",
	})
	testfs.Age(dir, time.Now().Add(-time.Hour))
	load := func(prev *Content) *Content { return reloadOf(t, dir, prev) }
	edit := func(name, text string) {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		testfs.Age(p, time.Now().Add(-time.Minute))
	}
	file := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	last := load(nil)
	a, b := last.cache.zolaBodies[file("content/blog/a.md")], last.cache.zolaBodies[file("content/blog/b.md")]
	if a == nil || b == nil || a.out == nil || b.out != nil {
		t.Fatalf("the first load's rewritings: a %+v, b %+v (want a rewritten, b kept as written)", a, b)
	}
	last.Forget()
	edit("content/blog/c.md", "+++\ntitle = \"C\"\ndate = 2024-01-03\n+++\n{{ unknown_shortcode(x=2) }}\n")
	got := load(last)
	if !Same(load(nil), got) {
		t.Fatal("the reload differs from a load from nothing")
	}
	if got.cache.zolaBodies[file("content/blog/a.md")] != a {
		t.Error("an unchanged page was rewritten again, not taken from the last load")
	}
	// (b, which rewriting left as written, is a plain page: its text
	// forgotten, a reload does not look at it.)
	if gb := got.cache.zolaBodies[file("content/blog/b.md")]; gb != nil && gb != b {
		t.Error("an unchanged page left as written was rewritten again")
	}
	if c := got.cache.zolaBodies[file("content/blog/c.md")]; c == nil || c == last.cache.zolaBodies[file("content/blog/c.md")] {
		t.Error("the edited page was not rewritten anew")
	}
	// A reload that changes nothing takes the posts whole, and keeps the
	// rewritings for the next, which an edit makes make the posts again.
	got.Forget()
	same := load(got)
	same.Forget()
	edit("content/blog/c.md", "+++\ntitle = \"C\"\ndate = 2024-01-03\n+++\n{{ unknown_shortcode(x=3) }}\n")
	got = load(same)
	if got.cache.zolaBodies[file("content/blog/a.md")] != a {
		t.Error("after a reload that changed nothing, an unchanged page was rewritten again")
	}
	// A section changed: every page rewritten anew (a link to a
	// section leads elsewhere).
	got.Forget()
	edit("content/blog/_index.md", "+++\nsort_by = \"date\"\ntransparent = true\n+++\n")
	again := load(got)
	if !Same(load(nil), again) {
		t.Fatal("after a section's change, the reload differs from a load from nothing")
	}
	if again.cache.zolaBodies[file("content/blog/a.md")] == a {
		t.Error("after a section's change, a page's rewriting was taken from the last load")
	}
}

// reloadOf loads dir, settled at once, after prev (nil: from nothing).
func reloadOf(t *testing.T, dir string, prev *Content) *Content {
	t.Helper()
	c, err := Load(dir, LoadOptions{Settle: -1, Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

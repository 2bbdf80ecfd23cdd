package daemon_test

import (
	"context"
	"log"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
)

// A restart of an unchanged blog takes every post from the build cache
// the last start wrote, renders none, and serves the same bytes on both
// protocols. A cache damaged meanwhile is ignored with one line in the
// log, and the start renders everything.
func TestRestartWithCache(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.Posts = servetest.CopyPosts(t)
	// Written an hour ago, as posts are: the first start saves them in
	// the cache (a post written within content.RacyWindow of its reading
	// is read again by the next start).
	posts, _ := filepath.Glob(filepath.Join(cfg.Posts, "*.md"))
	for _, p := range posts {
		hourAgo := time.Now().Add(-time.Hour)
		os.Chtimes(p, hourAgo, hourAgo)
	}
	start := func(cfg config.Config) (*daemon.Daemon, *servetest.LogBuffer, map[string]string) {
		t.Helper()
		var logged servetest.LogBuffer
		cfg.Log = log.New(&logged, "", 0)
		d, err := daemon.Start(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		pages := servetest.Crawl(t, d, 500)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := d.Shutdown(ctx); err != nil { // waits for the cache's write
			t.Fatal(err)
		}
		return d, &logged, pages
	}
	first, logged, want := start(cfg)
	cache := filepath.Join(cfg.Certs, "cache", "localhost.cache")
	if !strings.Contains(logged.String(), "holding ") || !strings.Contains(logged.String(), "; build cache "+cache+": none yet") {
		t.Errorf("first start's log:\n%s", logged)
	}
	fi, err := os.Stat(cache)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("cache file after the first start: %v %v", fi, err)
	}
	// Same ports: the ports are in the responses, and the site's settings.
	cfg.GeminiAddr, cfg.GopherAddr = first.GeminiAddr().String(), first.GopherAddr().String()

	second, logged, got := start(cfg)
	if st := second.Store(); st.Rendered != 0 || st.Taken() == 0 {
		t.Errorf("restart rendered %d, took %d from the cache", st.Rendered, st.Taken())
	}
	// Nothing changed: the file is the one the first start wrote, not
	// written again (the restart serves from it, mapped).
	if again, err := os.Stat(cache); err != nil || !os.SameFile(fi, again) || !again.ModTime().Equal(fi.ModTime()) {
		t.Errorf("a restart that rendered nothing wrote the cache file again (%v)", err)
	}
	if !strings.Contains(logged.String(), ": "+itoa(second.Store().Taken())+" taken, 0 rendered") {
		t.Errorf("restart's log:\n%s", logged)
	}
	if len(want) < 20 || !maps.Equal(want, got) {
		t.Errorf("restart with the cache serves other pages (%d, %d)", len(want), len(got))
	}
	// A post's file touched, its bytes the same: the next restart reads
	// it (its stat is not the one saved), renders nothing, and writes the
	// file again, with the new stat saved.
	touched := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(posts[0], touched, touched); err != nil {
		t.Fatal(err)
	}
	if d, _, _ := start(cfg); d.Store().Rendered != 0 {
		t.Errorf("a touched post: %d rendered", d.Store().Rendered)
	}
	if again, err := os.Stat(cache); err != nil || os.SameFile(fi, again) {
		t.Errorf("a restart that read a touched post did not write the cache again (%v)", err)
	}

	// Damaged beside it and renamed over it: the file the last start
	// read is mapped by this process (buildcache's mapped.go), and a
	// mapped file is never rewritten in place.
	b, _ := os.ReadFile(cache)
	b[len(b)/2] ^= 0x55
	os.WriteFile(cache+".damaged", b, 0o600)
	os.Rename(cache+".damaged", cache)
	third, logged, got := start(cfg)
	if st := third.Store(); st.Rendered == 0 || st.Taken() != 0 {
		t.Errorf("a damaged cache: rendered %d, took %d", st.Rendered, st.Taken())
	}
	if n := strings.Count(logged.String(), "build cache "+cache+" ignored (corrupt or truncated): rendering every post"); n != 1 {
		t.Errorf("a damaged cache is said %d times:\n%s", n, logged)
	}
	if !maps.Equal(want, got) {
		t.Errorf("with a damaged cache, other pages")
	}

	cfg.Cache = config.CacheOff
	os.Remove(cache)
	_, logged, _ = start(cfg)
	if _, err := os.Stat(cache); err == nil || !strings.Contains(logged.String(), "; no build cache") {
		t.Errorf("-cache=false wrote a cache, or said:\n%s", logged)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// After the write that follows a start, a site's cache is written once a
// pause (cacheWritePause), the last Store of it, not once a reload: an
// author's saves do not each rewrite the whole file. A stop writes what
// is waiting at once, so that the next start renders nothing.
func TestCacheWrittenOncePerPause(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.Posts = servetest.CopyPosts(t)
	var logged servetest.LogBuffer
	cfg.Log = log.New(&logged, "", 0)
	d, err := daemon.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(cfg.Certs, "cache", "localhost.cache")
	var first os.FileInfo
	for deadline := time.Now().Add(10 * time.Second); first == nil && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		first, _ = os.Stat(cache)
	}
	if first == nil {
		t.Fatal("no cache written after the start")
	}
	time.Sleep(50 * time.Millisecond) // past the file system's time granularity
	posts, _ := filepath.Glob(filepath.Join(cfg.Posts, "*.md"))
	for i := range 3 {
		b, _ := os.ReadFile(posts[1])
		os.WriteFile(posts[1], append(b, []byte("\n\nEdit "+itoa(i)+".\n")...), 0o644)
		if err := d.Reload(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
		if d.Store().Rendered == 0 {
			t.Fatalf("reload %d rendered nothing", i)
		}
	}
	if now, _ := os.Stat(cache); !now.ModTime().Equal(first.ModTime()) || now.Size() != first.Size() {
		t.Errorf("the cache was written again within the pause: %v → %v", first.ModTime(), now.ModTime())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := d.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.Stat(cache); now.ModTime().Equal(first.ModTime()) {
		t.Errorf("the stop did not write the last reload's Store")
	}
	cfg.GeminiAddr, cfg.GopherAddr = d.GeminiAddr().String(), d.GopherAddr().String()
	again, err := daemon.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Shutdown(context.Background())
	if st := again.Store(); st.Rendered != 0 {
		t.Errorf("the start after the stop rendered %d posts", st.Rendered)
	}
}

// A reload after a new site title or description renders no post, yet
// the build cache is for the old settings: the cache is written again,
// and a restart takes every post from it. (The write was skipped for a
// Store with nothing rendered, and the restart rendered everything;
// with a new description, which changes no post's page, after this
// round's retitling too.)
func TestNewTitleIsWrittenToTheCache(t *testing.T) {
	for _, c := range []struct{ name, from, to, shown string }{
		{"title", `title = "`, `title = "新 `, "新 "},
		{"description", `description = "`, `description = "新しい説明。`, "新しい説明。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := servetest.Config(t)
			cfg.Posts = servetest.CopyPosts(t)
			d, err := daemon.Start(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			site := filepath.Join(cfg.Posts, "_index.md")
			b, err := os.ReadFile(site)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), c.from) {
				t.Fatalf("the sample site file has no %s", c.name)
			}
			os.WriteFile(site, []byte(strings.Replace(string(b), c.from, c.to, 1)), 0o644)
			if err := d.Reload(context.Background(), d.Config()); err != nil {
				t.Fatal(err)
			}
			if st := d.Store(); st.Rendered > st.Drafts+len(st.Scheduled) {
				t.Fatalf("a new %s rendered %d posts", c.name, st.Rendered)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := d.Shutdown(ctx); err != nil { // waits for the cache's write
				t.Fatal(err)
			}
			cfg.GeminiAddr, cfg.GopherAddr = d.GeminiAddr().String(), d.GopherAddr().String()
			again := servetest.Start(t, func(c *config.Config) { *c = cfg })
			if st := again.Store(); st.Rendered != 0 || st.Taken() == 0 {
				t.Errorf("a restart after a new %s rendered %d, took %d from the cache", c.name, st.Rendered, st.Taken())
			}
			if _, _, home := servetest.GeminiGet(t, again, "/"); !strings.Contains(home, c.shown) {
				t.Errorf("the restart does not serve the new %s:\n%s", c.name, home)
			}
		})
	}
}

// A post broken while capsuled ran keeps its last good version across a
// restart, as across a reload: the build cache holds it, with its file's
// stamp of then. Fixed, the post is served as written and the cache
// forgets the old version; without a cache, a start leaves the broken
// post out (the operators' trial: a typo saved months ago became an
// outage at the next reboot).
func TestBrokenPostKeepsItsLastGoodVersionAcrossARestart(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.Posts = servetest.CopyPosts(t)
	hourAgo := time.Now().Add(-time.Hour)
	posts, _ := filepath.Glob(filepath.Join(cfg.Posts, "*.md"))
	for _, p := range posts {
		os.Chtimes(p, hourAgo, hourAgo)
	}
	post := filepath.Join(cfg.Posts, "2017-05-03-hello-again.md")
	good, _ := os.ReadFile(post)
	var logged servetest.LogBuffer
	cfg.Log = log.New(&logged, "", 0)
	start := func() *daemon.Daemon {
		t.Helper()
		d, err := daemon.Start(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		cfg.GeminiAddr, cfg.GopherAddr = d.GeminiAddr().String(), d.GopherAddr().String()
		return d
	}
	stop := func(d *daemon.Daemon) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := d.Shutdown(ctx); err != nil { // waits for the cache's write
			t.Fatal(err)
		}
	}
	page := func(d *daemon.Daemon) string {
		t.Helper()
		_, _, body := servetest.GeminiGet(t, d, "/posts/2017-05-03-hello-again.gmi")
		return body
	}
	d := start()
	want := page(d)
	if !strings.Contains(want, "やあ") {
		t.Fatalf("the post before: %.80q", want)
	}
	// The site file broken too: its title and language are kept.
	site := filepath.Join(cfg.Posts, "_index.md")
	goodSite, _ := os.ReadFile(site)
	os.WriteFile(site, []byte(strings.Replace(string(goodSite), "lang = \"ja\"", "lang = \"ja", 1)), 0o644)
	broken := strings.Replace(string(good), "title = \"", "title = \"閉じていない", 1)
	broken = strings.Replace(broken, "\"\n", "\n", 1) // the title's string left open
	if err := os.WriteFile(post, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	d.Reload(context.Background(), d.Config())
	if got := page(d); got != want {
		t.Fatalf("the reload does not keep the last good version: %.80q", got)
	}
	time.Sleep(2100 * time.Millisecond) // past content.RacyWindow: the next reload takes the posts whole
	d.Reload(context.Background(), d.Config())
	if st := d.Store(); !st.Kept {
		t.Log("the reload with nothing changed was not taken whole")
	}
	stop(d)

	d = start()
	if got := page(d); got != want {
		t.Errorf("after a restart, the broken post: %.80q", got)
	}
	if st := d.Store(); len(st.Problems) != 2 || !strings.HasSuffix(st.Problems[0].Msg, "(its previous version is still served)") || !strings.HasSuffix(st.Problems[1].Msg, "(its previous version is still served)") {
		t.Errorf("problems after the restart: %v", st.Problems)
	}
	if _, meta, home := servetest.GeminiGet(t, d, "/"); meta != "text/gemini; charset=utf-8; lang=ja" || !strings.HasPrefix(home, "# _・)Keep Smiling") {
		t.Errorf("after a restart, the broken site file left the home page %q %.40q", meta, home)
	}
	// Reloads after such a start keep it too: with nothing changed, and
	// with another post edited.
	d.Reload(context.Background(), d.Config())
	other := filepath.Join(cfg.Posts, "2017-05-05-aching-wrist.md")
	b, _ := os.ReadFile(other)
	os.WriteFile(other, []byte(strings.Replace(string(b), "+++\n\n", "+++\n\n追記。\n\n", 1)), 0o644)
	d.Reload(context.Background(), d.Config())
	if got := page(d); got != want {
		t.Errorf("after reloads that followed the restart, the broken post: %.80q", got)
	}
	if st := d.Store(); len(st.Problems) != 2 {
		t.Errorf("problems after the reloads: %v", st.Problems)
	}
	stop(d)
	// Again: the cache the restart wrote keeps it too.
	d = start()
	if got := page(d); got != want {
		t.Errorf("after a second restart, the broken post: %.80q", got)
	}
	stop(d)

	// With the site's settings changed, the cache's renders are not
	// used, and the last good version cannot be rendered (its Markdown
	// is not in its file any more): the post is left out, named for
	// what is wrong with it, and for nothing else.
	retitled := cfg
	retitled.Title = "新しい題"
	d3, err := daemon.Start(context.Background(), retitled)
	if err != nil {
		t.Fatal(err)
	}
	if status, _, _ := servetest.GeminiGet(t, d3, "/posts/2017-05-03-hello-again.gmi"); status != 51 {
		t.Errorf("with other settings, the broken post answers %d", status)
	}
	for _, p := range d3.Store().Problems {
		if strings.HasSuffix(p.Msg, "(its previous version is still served)") && strings.HasSuffix(p.File, "hello-again.md") || strings.Contains(p.Msg, "changed while") {
			t.Errorf("with other settings, a problem says %q", p.Msg)
		}
	}
	stop(d3)

	// Without the cache, a start has no last good version to serve.
	noCache := cfg
	noCache.Cache = "false"
	d2, err := daemon.Start(context.Background(), noCache)
	if err != nil {
		t.Fatal(err)
	}
	if status, _, _ := servetest.GeminiGet(t, d2, "/posts/2017-05-03-hello-again.gmi"); status != 51 {
		t.Errorf("without a cache, the broken post answers %d", status)
	}
	stop(d2)

	// Fixed: served as written, and no old version is kept any more.
	os.WriteFile(site, goodSite, 0o644)
	fixed := strings.Replace(string(good), "やあ", "やあ、直しました", 1)
	os.WriteFile(post, []byte(fixed), 0o644)
	os.Chtimes(post, hourAgo, hourAgo) // not racy: the start saves it
	d = start()
	if got := page(d); !strings.Contains(got, "直しました") {
		t.Errorf("the fixed post: %.80q", got)
	}
	stop(d)
	os.WriteFile(post, []byte(broken), 0o644)
	d = start()
	if got := page(d); !strings.Contains(got, "直しました") {
		t.Errorf("broken again after its fix was served: %.80q", got)
	}
	stop(d)
}

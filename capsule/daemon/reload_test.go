package daemon_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"

	"git.sr.ht/~adnano/go-gemini"
)

const newPost = "+++\ntitle = \"_・)新しい記事\"\ndate = 2018-01-01\n+++\n\n新しい本文です。\n"

func TestReloadPicksUpNewPost(t *testing.T) {
	dir := servetest.CopyPosts(t)
	cfg := servetest.Config(t)
	cfg.Posts = dir
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })

	if status, _, _ := servetest.GeminiGet(t, d, "/posts/2018-01-01-new.gmi"); status != gemini.StatusNotFound {
		t.Fatalf("new post served before it exists: %d", status)
	}
	if err := os.WriteFile(filepath.Join(dir, "2018-01-01-new.md"), []byte(newPost), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if _, _, body := servetest.GeminiGet(t, d, "/posts/2018-01-01-new.gmi"); !strings.Contains(body, "新しい本文です。") {
		t.Errorf("after reload: %q", body)
	}
	if text := servetest.GopherGet(t, d, "/posts/2018-01-01-new.txt\r\n"); !strings.Contains(text, "新しい本文です。") {
		t.Errorf("gopher after reload: %q", text)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "=> /posts/2018-01-01-new.gmi 2018-01-01 \u200b_・)新しい記事\n") {
		t.Errorf("home after reload lacks the new post:\n%s", home)
	}
}

// A broken post saved before a reload is left out, named, and the rest
// reloads; a post that was served and is now broken keeps its last good
// version until it is fixed. (A broken post once refused the whole
// reload, and at start the whole blog.)
func TestBrokenPostOnReload(t *testing.T) {
	dir := servetest.CopyPosts(t)
	cfg := servetest.Config(t)
	cfg.Posts = dir
	var logged servetest.LogBuffer
	cfg.Log = log.New(&logged, "", 0)
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	_, _, wrist := servetest.GeminiGet(t, d, "/posts/2017-05-05-aching-wrist.gmi")

	broken := "+++\ntitle = \"壊れた\"\ndate = \"いつか\"\n+++\n"
	os.WriteFile(filepath.Join(dir, "2018-01-01-broken.md"), []byte(broken), 0o644)
	os.WriteFile(filepath.Join(dir, "2018-01-02-new.md"), []byte(newPost), 0o644)
	wristFile := filepath.Join(dir, "2017-05-05-aching-wrist.md")
	os.WriteFile(wristFile, []byte("+++\ntitle = \"手首\"\ndate = \"昨日\"\n+++\n書き直し中\n"), 0o644)
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatalf("reload: %v", err)
	}
	problems := d.Store().Problems.Error()
	for _, want := range []string{
		filepath.Join(dir, "2018-01-01-broken.md") + `:3: front matter: date "いつか" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00`,
		wristFile + `:3: front matter: date "昨日" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00 (its previous version is still served)`,
	} {
		if !strings.Contains(problems, want) || !strings.Contains(logged.String(), want) {
			t.Errorf("problems and log do not say %q:\n%s", want, problems)
		}
	}
	if !strings.Contains(logged.String(), ", 2 problems, holding") {
		t.Errorf("the reload line does not count the problems:\n%s", logged.String())
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "新しい記事") || strings.Contains(home, "壊れた") {
		t.Errorf("home after the reload: the new post should be there, the broken one not:\n%s", home)
	}
	if _, _, after := servetest.GeminiGet(t, d, "/posts/2017-05-05-aching-wrist.gmi"); after != wrist {
		t.Errorf("the post broken by an edit is not its last good version:\n%s", after)
	}
	// Fixed, the post is served as it is now.
	os.WriteFile(wristFile, []byte("+++\ntitle = \"手首\"\ndate = 2017-05-05\n+++\n書き直しました\n"), 0o644)
	os.Remove(filepath.Join(dir, "2018-01-01-broken.md"))
	if err := d.Reload(context.Background(), cfg); err != nil || len(d.Store().Problems) != 0 {
		t.Fatalf("reload after the fixes: %v, problems %v", err, d.Store().Problems)
	}
	if _, _, after := servetest.GeminiGet(t, d, "/posts/2017-05-05-aching-wrist.gmi"); !strings.Contains(after, "書き直しました") {
		t.Errorf("the fixed post:\n%s", after)
	}
}

// load runs clients against both protocols until stop is closed, counting
// complete answers and failures. Each request must get the whole page.
type load struct {
	ok, failed atomic.Int64
	firstErr   atomic.Value
}

func (l *load) fail(err error) {
	l.failed.Add(1)
	l.firstErr.CompareAndSwap(nil, err)
}

func runLoad(t *testing.T, d *daemon.Daemon, clients int, stop <-chan struct{}) *load {
	t.Helper()
	_, _, wantGemini := servetest.GeminiGet(t, d, "/")
	wantGopher := servetest.GopherGet(t, d, "\r\n")
	l := new(load)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				var err error
				if (i+n)%2 == 0 {
					err = fetchGemini(d, wantGemini)
				} else {
					err = fetchGopher(d, wantGopher)
				}
				if err != nil {
					l.fail(err)
				} else {
					l.ok.Add(1)
				}
			}
		}()
	}
	t.Cleanup(wg.Wait)
	return l
}

func fetchGemini(d *daemon.Daemon, want string) error {
	client := &gemini.Client{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var dialer net.Dialer
		return dialer.DialContext(ctx, network, d.GeminiAddr().String())
	}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	resp, err := client.Get(ctx, "gemini://localhost:"+strings.Split(d.GeminiAddr().String(), ":")[1]+"/")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.Status != gemini.StatusSuccess || string(body) != want {
		return errors.New("gemini: wrong answer " + resp.Meta)
	}
	return nil
}

func fetchGopher(d *daemon.Daemon, want string) error {
	got, err := rawGopher(d)
	if err == nil && got != want {
		err = errors.New("gopher: wrong answer")
	}
	return err
}

func TestReloadsUnderLoadLoseNothing(t *testing.T) {
	cfg := servetest.Config(t)
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	stop := make(chan struct{})
	l := runLoad(t, d, 8, stop)
	for range 5 {
		time.Sleep(50 * time.Millisecond)
		if err := d.Reload(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(50 * time.Millisecond)
	close(stop)
	if l.failed.Load() > 0 || l.ok.Load() == 0 {
		t.Errorf("across 5 reloads: %d answers, %d failures (first: %v)", l.ok.Load(), l.failed.Load(), l.firstErr.Load())
	}
	t.Logf("across 5 reloads: %d answers, %d failures", l.ok.Load(), l.failed.Load())
}

// TestGracefulStopUnderLoad stops the daemon while clients keep sending
// requests: every connection the daemon accepted is answered in full. A
// connection the daemon never accepted is refused or reset before any byte
// of an answer; it never gets half an answer.
func TestGracefulStopUnderLoad(t *testing.T) {
	cfg := servetest.Config(t)
	d, err := daemon.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, _, wantGemini := servetest.GeminiGet(t, d, "/")
	wantGopher := servetest.GopherGet(t, d, "\r\n")

	var complete, refused, partial atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				var got, want string
				var err error
				if (i+n)%2 == 0 {
					got, err = rawGemini(d)
					want = "20 text/gemini; charset=utf-8; lang=ja\r\n" + wantGemini
				} else {
					got, err = rawGopher(d)
					want = wantGopher
				}
				switch {
				case got == want:
					complete.Add(1)
				case got == "" && err != nil:
					refused.Add(1)
				default:
					partial.Add(1)
					t.Errorf("half an answer (%d of %d bytes): %v", len(got), len(want), err)
				}
			}
		}()
	}
	time.Sleep(200 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	if err := d.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	cancel()
	time.Sleep(50 * time.Millisecond)
	close(stop)
	wg.Wait()
	t.Logf("%d complete answers, %d refused after the stop, %d partial", complete.Load(), refused.Load(), partial.Load())
	if complete.Load() == 0 || refused.Load() == 0 {
		t.Errorf("the load did not straddle the stop: %d complete, %d refused", complete.Load(), refused.Load())
	}
}

// rawGemini fetches the home page over TLS and returns the raw response.
func rawGemini(d *daemon.Daemon) (string, error) {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	c, err := tlsDial(dialer, d.GeminiAddr().String())
	if err != nil {
		return "", err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, "gemini://localhost:"+strings.Split(d.GeminiAddr().String(), ":")[1]+"/\r\n"); err != nil {
		return "", err
	}
	b, err := io.ReadAll(c)
	return string(b), err
}

func rawGopher(d *daemon.Daemon) (string, error) {
	c, err := net.DialTimeout("tcp", d.GopherAddr().String(), 5*time.Second)
	if err != nil {
		return "", err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, "\r\n"); err != nil {
		return "", err
	}
	b, err := io.ReadAll(c)
	return string(b), err
}

// A reload of the running daemon after posts were edited, added and
// removed serves, over both protocols, what a daemon started afresh on
// the same folder serves, and renders only what changed.
func TestReloadServesWhatAFreshStartServes(t *testing.T) {
	dir := servetest.CopyPosts(t)
	fixedPorts := func(cfg *config.Config) {
		cfg.Posts = dir
		cfg.GeminiPort, cfg.GopherPort = 1965, 70 // the same links from both daemons
	}
	d := servetest.Start(t, fixedPorts)
	before := d.Store().Posts
	edit := func(name, old, new string) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(string(b), old) {
			t.Fatalf("%s: %v, or no %q in it", name, err, old)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("2017-05-05-aching-wrist.md", "+++\n\n", "+++\n\n追記：手首はよくなりました。\n\n")
	if err := os.WriteFile(filepath.Join(dir, "2018-01-01-new.md"), []byte("+++\ntitle = \"新しい記事\"\ndate = 2020-01-01\ntags = [\"日記\"]\n+++\n本文\n"+"\n[前の記事](2017-05-05-aching-wrist.md)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "2014-05-05-wisdom-tooth.md")); err != nil {
		t.Fatal(err)
	}
	cfg := d.Config()
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	st := d.Store()
	if st.Posts != before || st.Rendered >= st.Posts {
		t.Errorf("reload: %d posts (want %d), %d rendered anew: want fewer than all", st.Posts, before, st.Rendered)
	}
	fresh := servetest.Start(t, fixedPorts)
	got, want := servetest.Crawl(t, d, 500), servetest.Crawl(t, fresh, 500)
	if len(want) < 30 {
		t.Fatalf("crawled %d pages: too few to compare", len(want))
	}
	for page, body := range want {
		if got[page] != body {
			t.Errorf("%s after the reload:\n%s\nstarted afresh:\n%s", page, got[page], body)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d pages after the reload, %d started afresh", len(got), len(want))
	}
}

// With a zone other than UTC, every reload rendered every post whose date
// names no zone (the README's own date = 2017-05-03): each reload loads
// its configuration's zone anew, and a date in it was taken for a change.
func TestReloadInAZoneRendersNothingUnchanged(t *testing.T) {
	dir, certs := servetest.CopyPosts(t), t.TempDir()
	zoned := func() config.Config { // as a reload reads it: anew
		cfg := servetest.Config(t)
		cfg.Posts, cfg.Certs, cfg.Timezone = dir, certs, "Asia/Tokyo"
		return cfg
	}
	d := servetest.Start(t, func(c *config.Config) { *c = zoned() })
	for range 2 {
		if err := d.Reload(context.Background(), zoned()); err != nil {
			t.Fatal(err)
		}
		if n := d.Store().Rendered; n != 0 {
			t.Errorf("a reload of an unchanged folder in Asia/Tokyo rendered %d posts anew", n)
		}
	}
}

// Two sites in a zone other than UTC: an edit in one renders its one post
// anew and nothing of the other.
func TestEditInOneSiteRendersNothingOfTheOther(t *testing.T) {
	main, other, certs := servetest.CopyPosts(t), servetest.CopyPosts(t), t.TempDir()
	cfgNow := func() config.Config { // as a reload reads it: anew
		cfg := servetest.Config(t)
		cfg.Posts, cfg.Certs, cfg.Timezone = main, certs, "Asia/Tokyo"
		cfg.Sites = []config.SiteConfig{{Hostname: "en.localhost", Posts: other, GopherAddr: "127.0.0.1:0"}}
		return cfg
	}
	d := servetest.Start(t, func(c *config.Config) { *c = cfgNow() })
	post := filepath.Join(main, "2017-05-03-hello-again.md")
	b, err := os.ReadFile(post)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(post, append(b, "\n追記。\n"...), 0o644)
	if err := d.Reload(context.Background(), cfgNow()); err != nil {
		t.Fatal(err)
	}
	if n := d.SiteStore(0).Rendered; n != 1 {
		t.Errorf("the edited site rendered %d posts anew, want 1", n)
	}
	if n := d.SiteStore(1).Rendered; n != 0 {
		t.Errorf("the other site rendered %d posts anew, want 0", n)
	}
}

// A new Gopher width changes every post's Gopher text and nothing else:
// the reload renders only the texts (rewrap.go), says so, and serves,
// over both protocols, what a daemon started afresh at that width serves.
func TestNewWidthServesWhatAFreshStartServes(t *testing.T) {
	dir := servetest.CopyPosts(t)
	var logged servetest.LogBuffer
	options := func(cfg *config.Config) {
		cfg.Posts = dir
		cfg.GeminiPort, cfg.GopherPort = 1965, 70 // the same links from both daemons
		cfg.Log = log.New(&logged, "", 0)
	}
	d := servetest.Start(t, options)
	before := servetest.Crawl(t, d, 500)
	cfg := d.Config()
	cfg.GopherWidth = 50
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	st := d.Store()
	if st.Rendered > st.Drafts+len(st.Scheduled) || st.Rewrapped < st.Posts {
		t.Errorf("a new width: %d rendered anew (want no more than the %d drafts), %d rewrapped (want the %d posts and more)", st.Rendered, st.Drafts+len(st.Scheduled), st.Rewrapped, st.Posts)
	}
	if want := fmt.Sprintf(" (%d Gopher texts rewrapped), holding ", st.Rewrapped); !strings.Contains(logged.String(), want) {
		t.Errorf("the reload's log line does not say %q: %s", want, tail(logged.String(), 1))
	}
	fresh := servetest.Start(t, func(c *config.Config) {
		options(c)
		c.GopherWidth = 50
	})
	got, want := servetest.Crawl(t, d, 500), servetest.Crawl(t, fresh, 500)
	if n := countPrefix(want, "gopher:/posts/"); n < 5 {
		t.Fatalf("crawled %d posts' gopher texts and menus: too few to compare", n)
	}
	texts := 0
	for page, body := range want {
		if got[page] != body {
			t.Errorf("%s after the reload:\n%s\nstarted afresh:\n%s", page, got[page], body)
		}
		if strings.HasPrefix(page, "gopher:/posts/") && before[page] != body {
			texts++
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d pages after the reload, %d started afresh", len(got), len(want))
	}
	if texts == 0 {
		t.Error("no Gopher text changed with the width: the test proves nothing")
	}
}

// A new site title changes every page, and no post's body: the reload
// renders no post, serves each post's page as the bytes the previous
// Store holds up to its tail and a new tail (two writes), and serves,
// over both protocols, what a daemon started afresh serves. The two
// pieces written are counted as the whole answer, not a cut one.
func TestNewTitleServesWhatAFreshStartServes(t *testing.T) {
	dir := servetest.CopyPosts(t)
	options := func(cfg *config.Config) {
		cfg.Posts = dir
		cfg.GeminiPort, cfg.GopherPort = 1965, 70 // the same links from both daemons
		cfg.MetricsAddr = "127.0.0.1:0"
	}
	d := servetest.Start(t, options)
	site := filepath.Join(dir, "_index.md")
	b, err := os.ReadFile(site)
	if err != nil || !strings.Contains(string(b), `title = "_・)Keep Smiling"`) {
		t.Fatalf("%s: %v, or not the title expected", site, err)
	}
	if err := os.WriteFile(site, []byte(strings.Replace(string(b), `title = "_・)Keep Smiling"`, `title = "_・)Keep Walking"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Reload(context.Background(), d.Config()); err != nil {
		t.Fatal(err)
	}
	if st := d.Store(); st.Rendered > st.Drafts+len(st.Scheduled) {
		t.Errorf("a new title: %d posts, pages and drafts rendered anew, want no more than the %d drafts", st.Rendered, st.Drafts+len(st.Scheduled))
	}
	fresh := servetest.Start(t, options)
	got, want := servetest.Crawl(t, d, 500), servetest.Crawl(t, fresh, 500)
	if n := countPrefix(want, "gemini:/posts/"); n < 5 {
		t.Fatalf("crawled %d posts' pages: too few to compare", n)
	}
	if !strings.Contains(got["gemini:/posts/2017-05-05-aching-wrist.gmi"], "=> / _・)Keep Walking\n") {
		t.Errorf("a post's page after the reload does not lead home by the new title:\n%s", got["gemini:/posts/2017-05-05-aching-wrist.gmi"])
	}
	for page, body := range want {
		if got[page] != body {
			t.Errorf("%s after the reload:\n%s\nstarted afresh:\n%s", page, got[page], body)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d pages after the reload, %d started afresh", len(got), len(want))
	}
	m := scrape(t, d)
	if cut, _ := sample(m, "capsule_requests_total", "protocol", "gemini", "status", "cut"); cut > 0 {
		ok, _ := sample(m, "capsule_requests_total", "protocol", "gemini", "status", "20")
		t.Errorf("%v Gemini answers written whole counted as cut (%v as 20)", cut, ok)
	}
}

// countPrefix counts the keys of m that begin with prefix.
func countPrefix(m map[string]string, prefix string) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			n++
		}
	}
	return n
}

// A stop whose time runs out with an answer still being written says so
// in an operator's words, with how many were cut (the operators' trial
// read "shutdown: context deadline exceeded"), and is still the
// context's error underneath.
func TestStopCutShortSaysHowMany(t *testing.T) {
	posts := servetest.CopyPosts(t)
	if err := os.WriteFile(filepath.Join(posts, "big.txt"), bytes.Repeat([]byte("x"), 8<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := servetest.Config(t)
	cfg.Posts = posts
	d, err := daemon.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", d.GopherAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "/big.txt\r\n")
	// Its answer fills the socket's buffers and waits: this reader
	// reads a little, then nothing.
	c.Read(make([]byte, 1024))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err = d.Shutdown(ctx)
	if err == nil || err.Error() != "1 connection still open when the time to stop was up: closed, its answer cut short" || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown: %v", err)
	}
}

// A site's configuration broken before a reload (a colon in a Jekyll
// title) fails the reload, named at its line in the author's words, and
// the old site keeps serving: read without its configuration the site
// would lose its title and language, and serve what it excludes.
func TestBrokenConfigurationOnReload(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: 旅の記録\nlang: ja\nexclude: [notes]\n",
		"_posts/2020-01-01-a.md": "---\ntitle: 京都\n---\n京都へ行った。\n",
		"notes/secret.md":        "---\ntitle: 秘密\n---\n秘密のメモ\n",
	})
	cfg := servetest.Config(t)
	cfg.Posts = dir
	var logged servetest.LogBuffer
	cfg.Log = log.New(&logged, "", 0)
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "# 旅の記録") || strings.Contains(home, "秘密") {
		t.Fatalf("home before:\n%s", home)
	}
	os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("title: 旅: 記録\nlang: ja\nexclude: [notes]\n"), 0o644)
	err := d.Reload(context.Background(), cfg)
	want := filepath.Join(dir, "_config.yml") + `:1: configuration: a value holds ": "`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("reload: %v, want a problem saying %q", err, want)
	}
	if _, _, now := servetest.GeminiGet(t, d, "/"); now != home {
		t.Errorf("home after the failed reload:\n%s", now)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/notes/secret.gmi"); status != gemini.StatusNotFound {
		t.Errorf("an excluded page answered %d", status)
	}
}

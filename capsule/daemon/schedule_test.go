package daemon_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A post dated centuries ahead (past what a time.Duration holds) made the
// publication timer overflow and fire at once, forever: a reload loop of
// a core and ~100 KB/s of log. It waits now; nothing is rebuilt.
func TestFarFutureDateRebuildsNothing(t *testing.T) {
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.Log = log.New(&logged, "", 0)
		c.Posts = testfs.Write(t, map[string]string{
			"a.md":   "+++\ntitle = \"公開済み\"\ndate = 2020-01-01\n+++\n本文\n",
			"far.md": "+++\ntitle = \"遠い未来\"\ndate = 9999-12-31\n+++\n本文\n",
		})
	})
	if n := len(d.Store().Scheduled); n != 1 {
		t.Fatalf("%d scheduled posts, want far.md", n)
	}
	time.Sleep(3 * time.Second)
	if n := strings.Count(logged.String(), "reloaded"); n > 0 {
		t.Errorf("%d reloads in 3 s for a post dated 9999-12-31; want none:\n%s", n, tail(logged.String(), 5))
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "遠い未来") {
		t.Error("the post dated 9999-12-31 is on the home page")
	}
}

// A publication that fails (the certificate gone meanwhile) was retried
// every ~50 ms, forever. It backs off now, 1 s doubling, and the next
// reload after the fix publishes the post.
func TestFailedPublicationBacksOff(t *testing.T) {
	var logged servetest.LogBuffer
	at := time.Now().Add(1500 * time.Millisecond).UTC().Truncate(time.Second).Add(time.Second)
	dir := testfs.Write(t, map[string]string{
		"a.md":     "+++\ntitle = \"公開済み\"\ndate = 2020-01-01\n+++\n本文\n",
		"later.md": "+++\ntitle = \"予約した記事\"\ndate = " + at.Format(time.RFC3339) + "\n+++\n予約の本文\n",
	})
	d := servetest.Start(t, func(c *config.Config) {
		c.Log = log.New(&logged, "", 0)
		c.Posts = dir
	})
	// What makes a rebuild fail now: the certificate's files gone (a
	// broken post is only left out).
	certs := d.Config().Certs
	moved := certs + ".moved"
	if err := os.Rename(certs, moved); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(at.Add(4 * time.Second)))
	// At the date, then 1 s and 2 s later: three tries in four seconds.
	tries := strings.Count(logged.String(), "publishing a scheduled post:")
	if tries < 1 || tries > 3 {
		t.Errorf("%d tries to publish in the 4 s after the date; want 1 to 3:\n%s", tries, tail(logged.String(), 5))
	}
	if !strings.Contains(logged.String(), "trying again in 1s") || !strings.Contains(logged.String(), "localhost.crt is missing") {
		t.Errorf("the failure does not say why and when it tries again:\n%s", tail(logged.String(), 5))
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "予約した記事") {
		t.Fatal("published although the rebuild failed")
	}
	os.Rename(moved, certs)
	if err := d.Reload(context.Background(), d.Config()); err != nil {
		t.Fatal(err)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "予約した記事") {
		t.Error("the reload after the fix did not publish the post")
	}
	if n := len(d.Store().Scheduled); n != 0 {
		t.Errorf("%d posts still scheduled", n)
	}
}

// tail is the last n lines of a log.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// An author who saves a post dated ahead sees it nowhere, and a reload's
// line counted only the posts published ("reloaded: 10 posts"): the log
// says it is scheduled, and when, as -check does, once; and again only
// when its date moves.
func TestReloadSaysWhatIsScheduled(t *testing.T) {
	d, cfg, logged := startLoggedWithOne(t, "公開済み")
	at := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Second)
	later := filepath.Join(cfg.Posts, "later.md")
	write := func(at time.Time) {
		t.Helper()
		if err := os.WriteFile(later, []byte("+++\ntitle = \"予約した記事\"\ndate = "+at.Format(time.RFC3339)+"\n+++\n予約の本文\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		// Older than the loader's wait for a file still being written.
		old := time.Now().Add(-time.Minute)
		os.Chtimes(later, old, old)
	}
	write(at)
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	line := "scheduled: " + at.Format(time.RFC3339) + " 予約した記事 (" + later + ")\n"
	if n := strings.Count(logged.String(), line); n != 1 {
		t.Fatalf("the reload's log says %d times %q:\n%s", n, line, logged.String())
	}
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(logged.String(), line); n != 1 {
		t.Errorf("a reload that changed nothing repeats %q (%d times)", line, n)
	}
	moved := at.Add(24 * time.Hour)
	write(moved)
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if line := "scheduled: " + moved.Format(time.RFC3339) + " 予約した記事 (" + later + ")\n"; !strings.Contains(logged.String(), line) {
		t.Errorf("its date moved, and the log does not say so (%q):\n%s", line, logged.String())
	}
}

// A blog of one post: "built 1 post", "reloaded: 1 post", not "1 posts".
func TestLogCountsOnePost(t *testing.T) {
	d, cfg, logged := startLoggedWithOne(t, "ひとつめ")
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"built 1 post in ", "reloaded: 1 post in "} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("log has no %q:\n%s", want, logged.String())
		}
	}
}

// A post's file name is the author's (or a git pull's) and may hold any
// byte but "/": a newline in it, logged as it is, forged a line of the
// log (a post "scheduled" that is not), and an escape sequence reached the
// terminal. The scheduled line writes the name as warnings do
// (content.Printable).
func TestScheduledLineCannotForgeALogLine(t *testing.T) {
	d, cfg, logged := startLoggedWithOne(t, "公開済み")
	name := filepath.Join(cfg.Posts, "x)\npublished: forged (y\x1b[2J.md")
	at := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Second)
	if err := os.WriteFile(name, []byte("+++\ntitle = \"予約\"\ndate = "+at.Format(time.RFC3339)+"\n+++\n本文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Minute)
	os.Chtimes(name, old, old)
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	out := logged.String()
	if !strings.Contains(out, "scheduled: "+at.Format(time.RFC3339)+" 予約 (") {
		t.Fatalf("the post is not said to be scheduled:\n%s", out)
	}
	if strings.Contains(out, "\npublished: forged") || strings.Contains(out, "\x1b") {
		t.Errorf("the file's name forged a log line or wrote an escape sequence:\n%q", out)
	}
}

// Posts published at once (their time came while the daemon was
// stopped, or a month written ahead, all dated the same minute) are
// named 20 a reload, then counted: one line each was as many lines as
// posts.
func TestPublishedLinesBounded(t *testing.T) {
	var logged servetest.LogBuffer
	at := time.Now().Add(1500 * time.Millisecond).UTC().Truncate(time.Second).Add(time.Second)
	files := map[string]string{"a.md": "+++\ntitle = \"公開済み\"\ndate = 2020-01-01\n+++\n本文\n"}
	for i := range 25 {
		files[fmt.Sprintf("later%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"予約%d\"\ndate = %s\n+++\n本文\n", i, at.Format(time.RFC3339))
	}
	d := servetest.Start(t, func(c *config.Config) {
		c.Log = log.New(&logged, "", 0)
		c.Posts = testfs.Write(t, files)
	})
	deadline := time.Now().Add(10 * time.Second)
	for len(d.Store().Scheduled) > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := len(d.Store().Scheduled); n > 0 {
		t.Fatalf("%d posts still scheduled after their time", n)
	}
	out := logged.String()
	if n := strings.Count(out, "\npublished: 予約"); n != 20 || !strings.Contains(out, "\npublished: and 5 more\n") {
		t.Errorf("%d posts named as published, want 20 and a count of 5 more:\n%s", n, tail(out, 25))
	}
}

// startLoggedWithOne starts a daemon on a folder of one published post,
// titled title, logging to the buffer it returns with its configuration.
func startLoggedWithOne(t *testing.T, title string) (*daemon.Daemon, config.Config, *servetest.LogBuffer) {
	logged := new(servetest.LogBuffer)
	cfg := servetest.Config(t)
	cfg.Log = log.New(logged, "", 0)
	cfg.Posts = testfs.Write(t, map[string]string{
		"a.md": "+++\ntitle = \"" + title + "\"\ndate = 2020-01-01\n+++\n本文\n",
	})
	return servetest.Start(t, func(c *config.Config) { *c = cfg }), cfg, logged
}

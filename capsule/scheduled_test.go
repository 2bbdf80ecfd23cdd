package capsule_test

import (
	"log"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A post dated in the future appears by itself at its time, on both
// protocols at once, with no reload asked for; until then it is nowhere.
func TestScheduledPostAppearsOnTime(t *testing.T) {
	at := time.Now().Add(2 * time.Second).UTC().Truncate(time.Second).Add(time.Second)
	var logged servetest.LogBuffer
	posts := testfs.Write(t, map[string]string{
		"a.md":     "+++\ntitle = \"公開済み\"\ndate = 2020-01-01\n+++\n本文\n",
		"later.md": "+++\ntitle = \"予約した記事\"\ndate = " + at.Format(time.RFC3339) + "\n+++\n予約の本文\n",
	})
	d := servetest.Start(t, func(c *config.Config) {
		c.Log = log.New(&logged, "", 0)
		c.Posts = posts
	})
	if st := d.Capsule().Store(); len(st.Scheduled) != 1 || !st.Scheduled[0].At.Equal(at) {
		t.Fatalf("scheduled %v; want later.md at %v", st.Scheduled, at)
	}
	for addr, page := range servetest.Crawl(t, d, 50) {
		if strings.Contains(page, "予約した記事") {
			t.Fatalf("%s shows the post before its time", addr)
		}
	}
	for time.Now().Before(at.Add(5 * time.Second)) {
		_, _, home := servetest.GeminiGet(t, d, "/")
		if strings.Contains(home, "予約した記事") {
			if time.Now().Before(at) {
				t.Fatal("the post appeared before its time")
			}
			if root := servetest.GopherGet(t, d, "\r\n"); !strings.Contains(root, "予約した記事") {
				t.Error("on Gemini but not on Gopher")
			}
			// The log says which post was published, not only a count.
			if !strings.Contains(logged.String(), "published: 予約した記事 ("+filepath.Join(posts, "later.md")+")\n") {
				t.Errorf("the log does not name the post published:\n%s", logged.String())
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Error("the scheduled post did not appear within 5 s of its time")
}

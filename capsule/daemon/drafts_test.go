package daemon_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// 1,000 drafts made a reload of an unchanged folder take 127-190 ms
// instead of 1-2, rendering every draft again while the log said "0
// rendered anew". Drafts are taken from the previous Store now.
func TestUnchangedDraftsNotRenderedAgain(t *testing.T) {
	files := map[string]string{"a.md": "+++\ntitle = \"公開\"\ndate = 2020-01-01\n+++\n本文\n"}
	for i := range 1000 {
		files[fmt.Sprintf("d%04d.md", i)] = fmt.Sprintf("+++\ntitle = \"下書き%d\"\ndate = 2020-01-01\ndraft = true\n+++\n下書きの本文。[公開](a.md)\n", i)
	}
	files["later.md"] = "+++\ntitle = \"予約\"\ndate = 2999-01-01\n+++\n本文\n"
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, files)
		c.Log = log.New(&logged, "", 0)
	})
	if st := d.Store(); st.Rendered != 1002 {
		t.Errorf("start rendered %d; want 1,002: the post, the drafts and the scheduled post", st.Rendered)
	}
	if err := d.Reload(context.Background(), d.Config()); err != nil {
		t.Fatal(err)
	}
	if st := d.Store(); st.Rendered != 0 {
		t.Errorf("a reload of an unchanged folder rendered %d", st.Rendered)
	}
	if !strings.Contains(logged.String(), ", 0 rendered anew") {
		t.Errorf("log: %s", tail(logged.String(), 2))
	}
}

// Drafts or scheduled posts with no author certificate set can be read by
// no one: the start log and -check say so, and what to set. Before, every
// certificate got 61, the author's too, and nothing said why.
func TestDraftsWithNoAuthorAreSaidToBeUnreadable(t *testing.T) {
	post := "+++\ntitle = \"公開\"\ndate = 2020-01-01\n+++\n本文\n"
	for _, tc := range []struct {
		name    string
		files   map[string]string
		authors []string
		want    bool
	}{
		{"a draft, no author", map[string]string{"a.md": post, "d.md": "+++\ntitle = \"下書き\"\ndate = 2020-01-01\ndraft = true\n+++\n下書き\n"}, nil, true},
		{"a scheduled post, no author", map[string]string{"a.md": post, "later.md": "+++\ntitle = \"予約\"\ndate = 2999-01-01\n+++\n本文\n"}, nil, true},
		{"a draft and an author", map[string]string{"a.md": post, "d.md": "+++\ntitle = \"下書き\"\ndate = 2020-01-01\ndraft = true\n+++\n下書き\n"}, []string{strings.Repeat("AB", 32)}, false},
		{"no draft, no author", map[string]string{"a.md": post}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logged servetest.LogBuffer
			d := servetest.Start(t, func(c *config.Config) {
				c.Posts = testfs.Write(t, tc.files)
				c.Log = log.New(&logged, "", 0)
				c.AuthorCertificates = tc.authors
			})
			if got := strings.Contains(logged.String(), "drafts: "+daemon.NoAuthorNote); got != tc.want {
				t.Errorf("the start log says no one can read the drafts: %v, want %v\n%s", got, tc.want, logged.String())
			}
			sum, err := daemon.Check(d.Config())
			if err != nil {
				t.Fatal(err)
			}
			if sum.NoAuthor != tc.want {
				t.Errorf("-check's summary: NoAuthor %v, want %v", sum.NoAuthor, tc.want)
			}
		})
	}
}

package daemon_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"testing"

	"capsule/capsule/config"
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

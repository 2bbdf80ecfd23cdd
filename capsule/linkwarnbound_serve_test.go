package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A warning about a link shows the link, but not the whole of it: a
// data: link holds a whole file (fjordllc/Lokka-inc has a PNG of 600 KB
// in base64 as a link reference), and -check's report and the log had it
// on one line. Each warning stays short, names the link's start, and the
// post is served with its text.
func TestLinkWarningsShowABoundedLink(t *testing.T) {
	image := "data:image/png;base64," + strings.Repeat("iVBORw0KGgo", 20000)
	far := "/files/" + strings.Repeat("深い/", 2000) + "a.png"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"2017-08-21-renewal.md": "+++\ntitle = \"リニューアル\"\ndate = 2017-08-21\n+++\n\n![古いサイト][1]\n\n[遠いファイル](" + far + ")\n\n本文です。\n\n[1]: " + image + "\n",
		})
	})
	if p := d.Store().Problems; len(p) > 0 {
		t.Fatalf("problems: %v", p)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/2017-08-21-renewal.gmi"); !strings.Contains(page, "本文です。") {
		t.Errorf("the post: %q", page)
	}
	kinds := map[string]bool{}
	for _, w := range d.Store().Warnings {
		msg := w.Error()
		if len(msg) > 400 {
			t.Errorf("a warning of %d bytes: %.200s…", len(msg), msg)
		}
		kinds[w.Kind] = true
		switch w.Kind {
		case "unsafe link":
			if !strings.Contains(msg, "data:image/png;base64,iVBORw0KGgo") || !strings.HasSuffix(msg, "…") {
				t.Errorf("the data: link's warning does not show its start, cut: %.300s", msg)
			}
		case "dead file link":
			if !strings.Contains(msg, "/files/深い/深い/") || !strings.HasSuffix(msg, "…") {
				t.Errorf("the dead link's warning does not show its start, cut: %.300s", msg)
			}
		}
	}
	if !kinds["unsafe link"] || !kinds["dead file link"] {
		t.Errorf("warnings of kinds %v, want an unsafe link and a dead file link", kinds)
	}
}

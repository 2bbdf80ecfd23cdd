package capsule_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Every warning a build makes has a kind, so that logs and -check count
// it with its like instead of listing it alone: here a folder with as
// many sorts of warnings as can be made, from the loader, the shortcodes,
// the links and the files.
func TestEveryWarningHasAKind(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_index.md": "+++\ntitle = \"ブログ\"\ncolour = \"red\"\ndescritpion = \"x\"\n+++\n",
		"a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\nfoo = 1\ndescritpion = \"x\"\naliases = [\"/:year/:slug/\"]\n+++\n" +
			"[dead](b.png) [gone](/posts/nowhere.gmi) [js](javascript:alert(1))\n\n" +
			"{{< nosuch >}} {{< param x >}} {{< figure >}} {{< ref nowhere >}} {{< broken\n\n" +
			"{% include x.html %} {% if y %} {{ page.z }} {% post_url nowhere %}\n",
		"undated.md":      "+++\ntitle = \"日付なし\"\n+++\n本文\n",
		"server.key":      "not a key, but named like one\n",
		"drafts/note.txt": "a file where the drafts are served\n",
	})
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "outside.txt")); err != nil {
		t.Fatal(err)
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	var kinds []string
	for _, w := range d.Store().Warnings {
		if w.Kind == "" {
			t.Errorf("no kind: %v", w)
		}
		if !slices.Contains(kinds, w.Kind) {
			kinds = append(kinds, w.Kind)
		}
	}
	for _, want := range []string{"unknown key", "misspelt key", "address pattern ignored", "dead file link", "dead post link",
		"unsafe link", "unknown shortcode", "shortcode dropped", "shortcode kept as text", "Liquid tag dropped",
		"Liquid output dropped", "unknown link target", "no date", "secret not served", "file under the drafts' address",
		"symbolic link not followed"} {
		if !slices.Contains(kinds, want) {
			t.Errorf("no warning of kind %q; kinds: %q\n%v", want, kinds, d.Store().Warnings)
		}
	}
}

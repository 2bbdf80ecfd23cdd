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

// Posts of nothing but math or emoji codes, written the costliest ways
// (every formula lowered into nodes and text of its own, delimiters left
// open), allocate within PostAllocFactor bytes a byte as every post does:
// the site turns "$…$" and emoji on (Jekyll's jemoji; math: true).
func TestMathPostsWithinMemoryBound(t *testing.T) {
	const front = "---\ntitle: x\nmath: true\n---\n"
	for name, line := range map[string]string{
		"inline math": "\\(a\\)", "escaped inline math": "\\\\(a\\\\)", "dollar math": "$a$ ", "display math": "$$a$$\n",
		"display blocks": "$$\na\n$$\n", "bracket blocks": "\\[\na\n\\]\n", "open dollars": "$$a\n", "open parens": "\\(a ",
		"emoji": ":a: :tada:", "emoji codes": ":tada:", "amounts": "$5 ",
	} {
		t.Run(name, func(t *testing.T) {
			src := front + strings.Repeat(line, (256<<10)/len(line))
			dir := testfs.Write(t, map[string]string{
				"_config.yml":            "title: x\nplugins: [jemoji]\n",
				"_posts/2017-05-03-a.md": src,
			})
			var err error
			n := allocatedBy(func() { err = loadAndBuild(dir) })
			if limit := uint64(PostAllocFactor*len(src) + PostAllocSlack); n > limit && !raceEnabled {
				t.Errorf("%d bytes allocated %d (%d a byte), over %d (err %v)", len(src), n, n/uint64(len(src)), limit, err)
			}
			if err != nil && !strings.HasPrefix(err.Error(), filepath.Join(dir, "_posts")) {
				t.Errorf("error %q", err)
			}
			t.Logf("%s: %d bytes: %d allocated, %d a byte; refused %v", name, len(src), n, n/uint64(len(src)), err != nil)
		})
	}
}

// A site that turns emoji on in its configuration, its posts unchanged,
// renders them anew: a reload gives what a build from nothing gives.
func TestMarkupChangeRendersAnew(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: x\n",
		"_posts/2017-05-03-a.md": "---\ntitle: a\n---\nDone :tada:\n",
	})
	opts := content.LoadOptions{Settle: -1}
	site := func(c *content.Content) *Site {
		return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	}
	c1, err := content.Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	st1, err := Build(context.Background(), site(c1), c1, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("title: x\nplugins: [jemoji]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Previous = c1
	c2, err := content.Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	st2, err := Build(context.Background(), site(c2), c2, BuildOptions{Previous: st1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		st   *Store
		want string
	}{{st1, "Done :tada:"}, {st2, "Done 🎉"}} {
		r, ok := c.st.Gemini(postGeminiPath(c2.Posts[0]))
		if !ok || !strings.Contains(string(r.Body), c.want) {
			t.Errorf("want %q in the post, got %v %q", c.want, ok, r)
		}
	}
}

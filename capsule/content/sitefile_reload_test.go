package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A site file broken on a reload keeps its last good settings and home
// page text, as a broken post keeps its last good version, until it is
// fixed: its title, language and text fell back to the defaults, every
// page of a Japanese blog made again in English for a typo. A load from
// nothing has nothing to keep: the defaults, and the problem.
func TestBrokenSiteFileKeepsItsLastSettings(t *testing.T) {
	good := "+++\ntitle = \"日々の記録\"\nlang = \"ja\"\ndescription = \"稽古の日記\"\n+++\nようこそ。\n"
	for _, tc := range []struct {
		name, posts string
		files       map[string]string
	}{
		{"capsule's own", "", map[string]string{SiteFile: good, "hello.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n"}},
		{"hugo", "content", map[string]string{"hugo.toml": "title = 'x'\n", "content/" + SiteFile: good,
			"content/posts/hello/index.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n"}},
	} {
		for _, broken := range []struct{ what, text string }{
			{"front matter", "+++\ntitle = = \"壊れた\"\n+++\n新しい文。\n"},
			{"too big", "+++\ntitle = \"大きい\"\n+++\n" + strings.Repeat("長い文。", 200) + "\n"},
		} {
			t.Run(tc.name+"/"+broken.what, func(t *testing.T) {
				root := testfs.Write(t, tc.files)
				testfs.Age(root, time.Now().Add(-time.Hour))
				dir := filepath.Join(root, tc.posts)
				site := filepath.Join(dir, SiteFile)
				opts := LoadOptions{Settle: -1, MaxPostSize: 1000}
				write := func(text string) {
					t.Helper()
					if err := os.WriteFile(site, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
					old := time.Now().Add(-time.Hour)
					os.Chtimes(site, old, old)
				}
				load := func(prev *Content) *Content {
					t.Helper()
					o := opts
					o.Previous = prev
					c, err := Load(dir, o)
					if err != nil {
						t.Fatal(err)
					}
					c.Forget()
					for _, p := range c.Unlisted {
						c.ForgetPost(p) // as a build forgets each post it renders
					}
					return c
				}
				siteProblem := func(c *Content) *FileError {
					for _, e := range c.Problems {
						if e.File == site {
							return e
						}
					}
					return nil
				}
				first := load(nil)
				if first.Meta.Title != "日々の記録" || first.Meta.Lang != "ja" || len(first.Unlisted) != 1 {
					t.Fatalf("the good site file loads as %+v, %d home texts", first.Meta, len(first.Unlisted))
				}
				write(broken.text)
				next := load(first)
				if next.Meta != first.Meta {
					t.Errorf("a reload with the site file broken has %+v, not the last good %+v", next.Meta, first.Meta)
				}
				if len(next.Unlisted) != 1 || next.Unlisted[0] != first.Unlisted[0] {
					t.Errorf("a reload with the site file broken has home texts %q, not the last good one", slugsOf(next.Unlisted))
				}
				if e := siteProblem(next); e == nil || !strings.HasSuffix(e.Msg, StillServedNote) {
					t.Errorf("the broken site file's problem is %v: want it said, its previous version still served", e)
				}
				if n := len(next.Problems); n != 1 {
					t.Errorf("%d problems, want the site file's alone: %v", n, next.Problems)
				}
				again := load(next) // nothing changed since: still the last good settings
				if again.Meta != first.Meta || len(again.Unlisted) != 1 || siteProblem(again) == nil {
					t.Errorf("a second reload, still broken, has %+v, %d home texts, problem %v", again.Meta, len(again.Unlisted), siteProblem(again))
				}
				fresh := load(nil)
				if fresh.Meta.Title == first.Meta.Title || len(fresh.Unlisted) != 0 {
					t.Errorf("a load from nothing kept settings it never read: %+v", fresh.Meta)
				}
				if e := siteProblem(fresh); e == nil || strings.HasSuffix(e.Msg, StillServedNote) {
					t.Errorf("a load from nothing says %v of the broken site file", e)
				}
				write("+++\ntitle = \"直した\"\nlang = \"ja\"\n+++\n")
				fixed := load(again)
				if fixed.Meta.Title != "直した" || len(fixed.Unlisted) != 0 || siteProblem(fixed) != nil {
					t.Errorf("once fixed: %+v, %d home texts, problem %v", fixed.Meta, len(fixed.Unlisted), siteProblem(fixed))
				}
			})
		}
	}
}

package capsule

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"capsule/capsule/content"
)

// TestFeedMadeAgainByTheRun: a feed of hundreds of entries is its runs,
// and a reload makes again only the runs whose entries changed: after one
// post's title is edited, every run of the site's feed and of its tag's
// feed but the one holding that post is the very array the replaced feed
// served; after a new post at the top, every run but the first (and,
// with the feed's text, the run after the entries with their text). Every
// feed is the bytes a build from nothing makes, in both protocols'
// Stores (storeDiff), whole and with the feed's text on.
func TestFeedMadeAgainByTheRun(t *testing.T) {
	for _, withText := range []bool{false, true} {
		t.Run(fmt.Sprintf("text=%v", withText), func(t *testing.T) {
			dir := t.TempDir()
			write := settledWriter(t, dir)
			post := func(i int, title string) {
				write(fmt.Sprintf("p%03d.md", i), fmt.Sprintf("+++\ntitle = %q\ndate = 2024-01-01T00:%02d:%02d+09:00\ntags = [\"t\"]\n+++\n本文 %d です。\n", title, i/60, i%60, i))
			}
			write(content.SiteFile, "+++\ntitle = \"題\"\n+++\n")
			const n = 6 * feedRunPosts
			for i := range n {
				post(i, fmt.Sprintf("記事 %d", i))
			}
			site := func(c *content.Content) *Site {
				return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70, FeedContent: withText}
			}
			r := &reloads{t: t, dir: dir, site: site}
			build := func() *Store {
				t.Helper()
				st := r.next()
				if diff := storeDiff(r.fromNothing(), st); diff != "" {
					t.Fatalf("a reload differs from a build from nothing: %s", diff)
				}
				return st
			}
			// made counts the runs of the feed at path in st that are not
			// arrays of old's feed at path: made again.
			made := func(st, old *Store, path string) (made, runs int) {
				t.Helper()
				was := map[*byte]bool{}
				for _, p := range old.gemini[path].Tail {
					was[unsafe.SliceData(p)] = true
				}
				tail := st.gemini[path].Tail
				for _, p := range tail[:len(tail)-1] { // the last is the feed's end
					if !was[unsafe.SliceData(p)] {
						made++
					}
				}
				return made, len(tail) - 1
			}
			st0 := build()
			for _, path := range []string{atomPath, "/tags/t.xml"} {
				if _, runs := made(st0, st0, path); runs < 3 {
					t.Fatalf("%s: %d runs for %d entries", path, runs, n)
				}
			}
			// An old post's title, past the entries with their text.
			post(100, "新しい題")
			st1 := build()
			for _, path := range []string{atomPath, "/tags/t.xml"} {
				if m, runs := made(st1, st0, path); m != 1 {
					t.Errorf("%s: an entry's title edited, %d of %d runs made again, want 1", path, m, runs)
				}
			}
			// A new post, the newest: the first run; with the feed's
			// text, the entries with their text and the run after them,
			// which begins with the entry that is no longer one of them.
			post(n, "新しい記事")
			st2 := build()
			want := 1
			if withText {
				want = 2
			}
			for _, path := range []string{atomPath, "/tags/t.xml"} {
				if m, runs := made(st2, st1, path); m != want {
					t.Errorf("%s: a new post at the top, %d of %d runs made again, want %d", path, m, runs, want)
				}
			}
			// And nothing.
			st3 := build()
			for _, path := range []string{atomPath, "/tags/t.xml"} {
				if st3.gemini[path] != st2.gemini[path] {
					t.Errorf("%s: made again with nothing changed", path)
				}
			}
			if err := os.Remove(filepath.Join(dir, "p000.md")); err != nil {
				t.Fatal(err)
			}
			build() // the oldest post gone: compared with a build from nothing
		})
	}
}

// TestFeedRunsBounded: however the posts' files hash, no run holds more
// than feedRunMax entries, and the runs cover every post once, in order.
func TestFeedRunsBounded(t *testing.T) {
	posts := make([]*content.Post, 3*feedRunMax+7)
	for i := range posts {
		posts[i] = &content.Post{File: fmt.Sprintf("p%d.md", i)}
	}
	for _, fe := range []feedParts{{}, {text: true}} {
		for _, name := range []string{"hashed", "never ends"} {
			if name == "never ends" {
				for _, p := range posts {
					for p.File += "x"; endsFeedRun(p.File); p.File += "x" {
					}
				}
			}
			next, runs := 0, 0
			for next < len(posts) {
				end := feedRunEnd(posts, next, fe)
				if end <= next || end-next > feedRunMax {
					t.Fatalf("%s, %+v: a run of %d to %d", name, fe, next, end)
				}
				if fe.text && next == 0 && end != feedFullPosts {
					t.Errorf("%s: the entries with their text end at %d, want %d", name, end, feedFullPosts)
				}
				next, runs = end, runs+1
			}
			if name == "never ends" && runs < len(posts)/feedRunMax {
				t.Errorf("%d runs of %d posts", runs, len(posts))
			}
		}
	}
}

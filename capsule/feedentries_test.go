package capsule

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// TestFeedEntriesHeldByTheFeed: each post's feed entry, which every
// build's feeds are made of, is held as the bytes of the Store's own feed
// that say it (not a copy of them, and not the bytes of a feed no longer
// served), after a build from nothing and after a reload that edited one
// post, which makes the feed anew, and one that edited only a post's
// text, which keeps it. With the feed's text on, the newest posts'
// entries (which the feed holds with their text) keep copies of their
// own, and the rest are still the feed's.
func TestFeedEntriesHeldByTheFeed(t *testing.T) {
	for _, withText := range []bool{false, true} {
		t.Run(fmt.Sprintf("text=%v", withText), func(t *testing.T) {
			dir := t.TempDir()
			write := settledWriter(t, dir)
			post := func(i int, title, text string) {
				write(fmt.Sprintf("p%02d.md", i), fmt.Sprintf("+++\ntitle = %q\ndate = 2024-01-%02d\ntags = [\"t\"]\n+++\n%s\n", title, i+1, text))
			}
			write(content.SiteFile, "+++\ntitle = \"題\"\n+++\n")
			const n = feedFullPosts + 5
			for i := range n {
				post(i, fmt.Sprintf("記事 %d", i), fmt.Sprintf("本文 %d です。", i))
			}
			r := &reloads{t: t, dir: dir, site: func(c *content.Content) *Site {
				return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70, FeedContent: withText}
			}}
			build := r.next
			check := func(st, prev *Store, n int, when string) {
				t.Helper()
				feed := st.gemini[atomPath]
				own := 0
				if len(st.atoms) != n {
					t.Fatalf("%s: %d feed entries held for %d posts", when, len(st.atoms), n)
				}
				for file, a := range st.atoms {
					if prev != nil && prev.gemini[atomPath] != st.gemini[atomPath] && partOfResponse(a, prev.gemini[atomPath]) && !partOfResponse(a, feed) {
						t.Errorf("%s: %s: its feed entry is held in the feed of the Store replaced", when, file)
					}
					if partOfResponse(a, feed) {
						continue
					}
					own++
					if !withText {
						t.Errorf("%s: %s: its feed entry is not the feed's bytes", when, file)
					}
				}
				if withText && own != feedFullPosts {
					t.Errorf("%s: %d feed entries of their own, want the %d the feed holds with their text", when, own, feedFullPosts)
				}
				for _, r := range st.renders {
					if r.atom != nil {
						t.Errorf("%s: the record of %s holds a feed entry of its own", when, r.post.File)
					}
				}
			}
			st := build()
			check(st, nil, n, "start")
			// The oldest post's title: its entry and the feed change.
			post(0, "新しい題", "本文 0 です。")
			st1 := build()
			if st1.gemini[atomPath] == st.gemini[atomPath] {
				t.Fatal("a title changed, and the feed was kept")
			}
			check(st1, st, n, "after a title's edit")
			// The oldest post's text past its summary: without the feed's
			// text, its entry is the same, and the feed is kept.
			post(0, "新しい題", "本文 0 です。\n\n追記。")
			st2 := build()
			if !withText && st2.gemini[atomPath] != st1.gemini[atomPath] {
				t.Fatal("only a text changed, and the feed without text was made anew")
			}
			check(st2, st1, n, "after a text's edit")
			// The newest post gone: the one after the newest that the
			// feed holds with their text is now one of them.
			if err := os.Remove(filepath.Join(dir, fmt.Sprintf("p%02d.md", n-1))); err != nil {
				t.Fatal(err)
			}
			check(build(), st2, n-1, "after the newest post's removal")
		})
	}
}

// partOfResponse reports whether b is a part of one of r's pieces.
func partOfResponse(b []byte, r *gemini.Response) bool {
	for _, p := range append([][]byte{r.Raw}, r.Tail...) {
		if partOf(b, p) {
			return true
		}
	}
	return false
}

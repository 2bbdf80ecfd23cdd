package capsule_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"

	"git.sr.ht/~adnano/go-gemini"
	"github.com/mmcdole/gofeed"
)

// Every tag has its own Atom feed, linked from its page, with exactly that
// tag's posts.
func TestTagFeeds(t *testing.T) {
	d := servetest.Start(t, nil)
	for tag, want := range tagCounts(readSamplePosts(t)) {
		_, _, page := servetest.GeminiGet(t, d, "/tags/"+url.PathEscape(tag)+".gmi")
		link := "/tags/" + url.PathEscape(tag) + ".xml"
		if !strings.Contains(page, "\n=> "+link+" ") {
			t.Errorf("tag page %s does not link %s:\n%s", tag, link, page)
		}
		status, meta, body := servetest.GeminiGet(t, d, link)
		if status != gemini.StatusSuccess || meta != "application/atom+xml" {
			t.Fatalf("%s: %d %q", link, status, meta)
		}
		feed, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatalf("gofeed cannot parse %s: %v", link, err)
		}
		var got, wantTitles []string
		for _, it := range feed.Items {
			got = append(got, it.Title)
			if !slices.Contains(it.Categories, tag) {
				t.Errorf("%s: entry %q lacks the tag", link, it.Title)
			}
		}
		for _, p := range want {
			wantTitles = append(wantTitles, p.title)
		}
		if !slices.Equal(got, wantTitles) || !strings.HasSuffix(feed.Title, "#"+tag) {
			t.Errorf("%s %q: entries %q, want %q", link, feed.Title, got, wantTitles)
		}
	}
}

// With feed content on, entries carry the post's text whole, readable by a
// feed parser; without it, summaries only.
func TestFeedContent(t *testing.T) {
	posts := readSamplePosts(t)
	for _, full := range []bool{false, true} {
		d := servetest.Start(t, func(c *config.Config) { c.FeedContent = full })
		_, _, body := servetest.GeminiGet(t, d, "/atom.xml")
		feed, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatal(err)
		}
		for i, it := range feed.Items {
			p := posts[i]
			switch {
			case !full && it.Content != "":
				t.Errorf("entry %d has content with the option off", i)
			case full && it.Content == "":
				t.Errorf("entry %d has no content with the option on", i)
			case full:
				for _, want := range p.texts {
					if !strings.Contains(squeeze(it.Content), squeeze(want)) {
						t.Errorf("entry %d content lacks %q", i, want)
					}
				}
			}
		}
	}
}

package capsule

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/messages"
)

// TestListPagesWrittenOnce: a page that lists thousands of posts (the
// home page, the archive, a tag's page, on each protocol) is made in the
// array it is served from: making one allocates little more than the
// page's own bytes, where growing it line by line and copying it into its
// response allocated three to four times them. Each is also exactly the
// page made the plain way (a copy of its lines and headings). (Not under
// the race detector, whose build copies a buffer bytes.Buffer grows.)
func TestListPagesWrittenOnce(t *testing.T) {
	site := &Site{SiteMeta: content.SiteMeta{Title: "題", Description: "説明", Lang: "ja"}, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	site.Messages = messages.For(site.Lang)
	const n = 3000
	posts := make([]*content.Post, n)
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range posts {
		posts[i] = &content.Post{File: fmt.Sprintf("p%04d.md", i), Slug: fmt.Sprintf("p%04d", i), Title: fmt.Sprintf("記事 %d の題", i),
			Date: day.AddDate(0, 0, -i), Tags: []string{"t"}}
	}
	b := newBlog(site, posts, nil, nil)
	for _, p := range posts {
		b.parts[p] = &renderedEntry{lines: b.listLines(p)}
	}
	pages := []struct {
		name  string
		make  func() []byte
		lines func() [][]byte // the posts' lines, in the runs the page lists them
	}{
		{"home", func() []byte { return b.homeGemtext().Bytes() }, func() [][]byte { return [][]byte{b.allLines(b.posts, false)} }},
		{"archive", func() []byte { return b.archiveGemtext().Bytes() }, func() [][]byte { return b.yearLines(false) }},
		{"tag page", func() []byte { return b.tagGemtext(b.tags[0]).Bytes() }, func() [][]byte { return [][]byte{b.allLines(b.tags[0].Posts, false)} }},
		{"root menu", b.rootMenu, func() [][]byte { return [][]byte{b.allLines(b.posts, true)} }},
		{"archive menu", b.archiveMenu, func() [][]byte { return b.yearLines(true) }},
		{"tag menu", func() []byte { return b.tagMenu(b.tags[0]) }, func() [][]byte { return [][]byte{b.allLines(b.tags[0].Posts, true)} }},
	}
	for _, pg := range pages {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		page := pg.make()
		runtime.ReadMemStats(&after)
		allocated := after.TotalAlloc - before.TotalAlloc
		size := 0
		for _, lines := range pg.lines() {
			if !bytes.Contains(page, lines) {
				t.Fatalf("%s: %d bytes, without its %d bytes of posts' lines in one run", pg.name, len(page), len(lines))
			}
			size += len(lines)
		}
		if size < 100<<10 {
			t.Fatalf("%s: %d bytes of lines", pg.name, size)
		}
		if ratio := float64(allocated) / float64(len(page)); ratio > 1.15 && !raceEnabled {
			t.Errorf("%s: %d bytes allocated to make %d (%.2f times)", pg.name, allocated, len(page), ratio)
		}
	}
}

// allLines are posts' lines in lists, joined.
func (b *blog) allLines(posts []*content.Post, onGopher bool) []byte {
	var out []byte
	for _, p := range posts {
		if l := b.part(p).lines; onGopher {
			out = append(out, l.gopher...)
		} else {
			out = append(out, l.gemini...)
		}
	}
	return out
}

// yearLines are the lines of each year's posts, joined.
func (b *blog) yearLines(onGopher bool) [][]byte {
	var out [][]byte
	for _, y := range b.years {
		out = append(out, b.allLines(y.Posts, onGopher))
	}
	return out
}

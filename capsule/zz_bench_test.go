package capsule

import (
	"bytes"
	"io"
	"testing"

	"capsule/gemtext"
	"capsule/gopher"

	"github.com/yuin/goldmark/text"
)

func BenchmarkZZParts(b *testing.B) {
	src := []byte(generatePost(7, 16<<10))
	md := newMarkdown()
	_, body, _, _ := splitFrontMatter(src)
	doc := md.Parser().Parse(text.NewReader(body))
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			md.Parser().Parse(text.NewReader(body))
		}
	})
	b.Run("html", func(b *testing.B) {
		for b.Loop() {
			md.Renderer().Render(io.Discard, body, doc)
		}
	})
	b.Run("gemtext", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			gemtext.Render(&buf, body, doc, gemtext.Options{})
		}
	})
	b.Run("gopher", func(b *testing.B) {
		for b.Loop() {
			gopher.RenderPost(gopher.Header{Title: "t", Date: "2020-01-01"}, body, doc, gopher.TextOptions{})
		}
	})
	var buf bytes.Buffer
	gemtext.Render(&buf, body, doc, gemtext.Options{})
	p := &Post{Title: "t"}
	b.Run("searchtext", func(b *testing.B) {
		for b.Loop() {
			searchText(p, buf.Bytes())
		}
	})
	st := searchText(p, buf.Bytes())
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			newSearchIndex([]string{st})
		}
	})
}

package gopher

import (
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// BenchmarkRenderPost renders a 16.7 KB Japanese post from an AST parsed
// once, so that only RenderPost is measured.
func BenchmarkRenderPost(b *testing.B) {
	src, err := os.ReadFile("testdata/bench/post.md")
	if err != nil {
		b.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	doc := md.Parser().Parse(text.NewReader(src))
	h := Header{Title: "ベンチマーク用の記事", Date: "2014-04-20", Tags: []string{"日本語", "bench"}}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		RenderPost(h, src, doc, TextOptions{Link: testLink})
	}
}

// BenchmarkWrap wraps a paragraph of Japanese, which takes the table-driven
// path, and the same with emoji, which takes the uniseg path.
func BenchmarkWrap(b *testing.B) {
	ja := strings.Repeat("「お待たせしました」と彼女は言った。（本当は十分も遅れていた）WiMAXの電波は、地下鉄でも入る。", 4)
	for _, bm := range []struct{ name, s string }{{"table", ja}, {"uniseg", ja + "👨‍👩‍👧 e\u0301"}} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bm.s)))
			for b.Loop() {
				Wrap(bm.s, 40)
			}
		})
	}
}

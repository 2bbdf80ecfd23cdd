package gemtext

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// benchMarkdown returns about 16 KB of Japanese blog Markdown: headings,
// paragraphs with soft breaks, emphasis, links, bare URLs, lists, a table,
// code, a quote and footnotes.
func benchMarkdown() []byte {
	var b strings.Builder
	b.WriteString("# 技術日記：小さなサーバーを書く\n\n")
	for i := 1; b.Len() < 16*1024; i++ {
		fmt.Fprintf(&b, "## 第%d章 Gemini と Gopher\n\n", i)
		fmt.Fprintf(&b, "今日は**小さな**サーバーを書いた。Go の標準ライブラリだけで\n"+
			"かなりのことができる。[仕様書](gemini://geminiprotocol.net/docs/)を\n"+
			"読みながら、`crypto/tls` で *TLS* を扱う[^n%d]。詳しくはhttps://example.com/posts/%d/を参照。\n\n", i, i)
		fmt.Fprintf(&b, "前回の記事は[こちら](2017-05-%02d-hello.md)、\n"+
			"~~古い~~新しい版は <https://example.org/archive/%d> にある。\n\n", i%28+1, i)
		b.WriteString("- 日本語の項目は\n  改行をまたいでも一行になる\n- [リンク](https://example.jp/)も\n  集める\n" +
			"  - 入れ子の項目\n  - もう一つ\n- [x] 終わった作業\n\n")
		b.WriteString("1. 証明書を作る\n2. 設定を書く\n3. 起動する\n\n")
		b.WriteString("| 名前 | 値段 | 備考 |\n|------|:----:|-----:|\n" +
			"| りんご | 100円 | 赤い |\n| Banana | 5 | 黄色 |\n| みかん（温州） | 80 | [産地](https://example.jp/mikan) |\n\n")
		b.WriteString("```go\nfunc main() {\n\tfmt.Println(\"こんにちは\")\n}\n```\n\n")
		b.WriteString("> 引用の中の\n> 日本語も一行になる。\n>\n> 二つ目の段落。\n\n")
		fmt.Fprintf(&b, "[^n%d]: 注の本文。[参考](https://example.net/ref/%d)\n\n", i, i)
	}
	return []byte(b.String())
}

// BenchmarkRender renders the same pre-parsed Japanese document as gemtext
// and, for comparison, with goldmark's own HTML renderer; the ratio of the
// two ns/op figures is the cost of gemtext against HTML.
func BenchmarkRender(b *testing.B) {
	src := benchMarkdown()
	md := newMarkdown()
	doc := parse(md, src)
	b.Run("gemtext", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if err := Render(io.Discard, src, doc, Options{Link: testLink}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("html", func(b *testing.B) {
		// goldmark's table renderer appends a style attribute to every
		// cell on each call; clear them so each run does the same work.
		var cells []ast.Node
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == east.KindTableCell {
				cells = append(cells, n)
			}
			return ast.WalkContinue, nil
		})
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			for _, c := range cells {
				c.RemoveAttributes()
			}
			if err := md.Renderer().Render(io.Discard, src, doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package gemtext

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// mdGen generates random Markdown documents for TestEquivalence: every
// construct Render handles, mixed and nested, with the awkward cases
// (Japanese soft breaks, URLs glued to Japanese text, lines that need
// escaping, control characters, invalid UTF-8) common enough to matter.
type mdGen struct {
	r *rand.Rand
	b strings.Builder
	// notes counts the footnote labels referenced so far, so that most
	// references have a definition.
	notes int
}

func newMDGen(seed uint64) *mdGen {
	return &mdGen{r: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))}
}

func (g *mdGen) pick(s ...string) string { return s[g.r.IntN(len(s))] }
func (g *mdGen) chance(p float64) bool   { return g.r.Float64() < p }

// document returns a document of n top-level blocks.
func (g *mdGen) document(n int) string {
	g.b.Reset()
	g.notes = 0
	for i := 0; i < n; i++ {
		g.block(0)
		g.b.WriteString(g.pick("\n", "\n", "\n", "", "\r\n"))
	}
	if g.chance(0.7) {
		g.b.WriteString(g.pick("[ref]: https://example.com/ref\n", "[ref]: ref.md \"t\"\n", "[ref]: <>\n"))
	}
	// Definitions for the notes referenced, and sometimes one extra.
	for i := 1; i <= g.notes+g.r.IntN(2); i++ {
		if g.chance(0.85) {
			fmt.Fprintf(&g.b, "[^n%d]: %s\n", i, g.inline(1+g.r.IntN(4)))
			if g.chance(0.3) {
				fmt.Fprintf(&g.b, "\n    %s\n", g.inline(2))
			}
			if g.chance(0.15) {
				g.b.WriteString("\n    ```\n    code in note\n    ```\n")
			}
			g.b.WriteString("\n")
		}
	}
	return g.b.String()
}

// block writes one block at nesting depth depth.
func (g *mdGen) block(depth int) {
	k := g.r.IntN(16)
	if depth > 2 && k >= 10 {
		k = 0 // keep nesting bounded
	}
	switch k {
	case 0, 1, 2, 3:
		g.paragraph()
	case 4:
		fmt.Fprintf(&g.b, "%s %s%s\n", strings.Repeat("#", 1+g.r.IntN(7)), g.inline(1+g.r.IntN(3)),
			g.pick("", "", " ##", " #"))
	case 5:
		g.b.WriteString(g.pick("---\n", "***\n", "___\n", "- - -\n"))
	case 6:
		g.code("")
	case 7:
		g.b.WriteString(g.pick("<div>\n<p>html</p>\n</div>\n", "<!-- comment -->\n", "<script>x</script>\n",
			"<table><tr><td>a</td></tr></table>\n"))
	case 8:
		g.table()
	case 9:
		g.b.WriteString(g.pick("    indented code\n    line two\n", "\tcode with tab\n", "    ```\n    fence in code\n"))
	case 10, 11:
		g.list(depth, "")
	case 12, 13:
		g.quote(depth)
	case 14:
		// A heading-like or link-like line that needs escaping.
		g.b.WriteString(g.pick("\\# not heading\n", "\\=> not link\n", "\\* not item\n", "\\> not quote\n",
			"\\```x\n", "=\\> x\n", "&#35; h\n", "&gt; q\n", "#hashtag\n"))
	default:
		g.paragraph()
		g.b.WriteString(g.pick("===\n", "---\n", ""))
	}
}

// paragraph writes a paragraph of a few lines joined by soft or hard
// breaks.
func (g *mdGen) paragraph() {
	lines := 1 + g.r.IntN(4)
	for i := 0; i < lines; i++ {
		g.b.WriteString(g.inline(1 + g.r.IntN(5)))
		if i < lines-1 {
			g.b.WriteString(g.pick("\n", "\n", "\n", "  \n", "\\\n", "<br>\n", "\r\n", " \n"))
		}
	}
	g.b.WriteString("\n")
}

// code writes a fenced code block, each line prefixed with indent.
func (g *mdGen) code(indent string) {
	fence := g.pick("```", "```", "~~~", "````")
	fmt.Fprintf(&g.b, "%s%s%s\n", indent, fence, g.pick("", "go", " 日本語 ", "a&amp;b", "x\\_y", "python {.x}"))
	for i := g.r.IntN(5); i > 0; i-- {
		fmt.Fprintf(&g.b, "%s%s\n", indent, g.pick("func main() {", "\tfmt.Println(\"こんにちは\")", "}", "",
			"```inner", "  ```", "trailing   ", "a\x00b", "cr\r", "  indented", "=> not a link", "# not a heading"))
	}
	if g.chance(0.9) {
		fmt.Fprintf(&g.b, "%s%s\n", indent, fence)
	}
}

// list writes a list, items possibly holding nested blocks.
func (g *mdGen) list(depth int, indent string) {
	ordered := g.chance(0.4)
	start := g.pick("1", "1", "3", "0", "10", "999")
	delim := g.pick(".", ")")
	bullet := g.pick("-", "*", "+")
	n := 1 + g.r.IntN(4)
	for i := 0; i < n; i++ {
		marker := bullet + " "
		if ordered {
			marker = start + delim + " "
			if i > 0 {
				marker = fmt.Sprint(i+1) + delim + " "
			}
		}
		cont := indent + strings.Repeat(" ", len(marker))
		g.b.WriteString(indent + marker)
		switch g.r.IntN(10) {
		case 0:
			g.b.WriteString(g.pick("[ ] ", "[x] ", "[X] "))
			g.b.WriteString(g.inline(2) + "\n")
		case 1:
			g.b.WriteString("```\n" + cont + "code\n" + cont + "```\n")
		case 2:
			g.b.WriteString("# " + g.inline(1) + "\n")
		case 3:
			g.b.WriteString("> " + g.inline(2) + "\n")
		case 4:
			g.b.WriteString("\n") // empty item
			continue
		default:
			g.b.WriteString(g.inline(1+g.r.IntN(3)) + "\n")
			if g.chance(0.4) {
				g.b.WriteString(cont + g.inline(2) + "\n") // lazy soft break
			}
		}
		if g.chance(0.3) && depth < 3 {
			if g.chance(0.5) {
				g.b.WriteString("\n")
			}
			g.list(depth+1, cont)
		}
		if g.chance(0.2) {
			g.b.WriteString("\n" + cont + g.inline(2) + "\n")
		}
		if g.chance(0.1) {
			g.b.WriteString("\n")
			g.code(cont)
		}
		if g.chance(0.2) {
			g.b.WriteString("\n") // loose list
		}
	}
}

// quote writes a blockquote of a few blocks, possibly nested.
func (g *mdGen) quote(depth int) {
	prefix := g.pick("> ", ">", "> > ")
	var inner mdGen
	inner.r = g.r
	inner.notes = g.notes
	n := 1 + g.r.IntN(3)
	for i := 0; i < n; i++ {
		inner.block(depth + 1)
		if i < n-1 {
			inner.b.WriteString("\n")
		}
	}
	g.notes = inner.notes
	for _, l := range strings.Split(strings.TrimSuffix(inner.b.String(), "\n"), "\n") {
		if l == "" && g.chance(0.5) {
			g.b.WriteString(">\n")
			continue
		}
		g.b.WriteString(prefix + l + "\n")
	}
}

// table writes a GFM table, rows sometimes short or long.
func (g *mdGen) table() {
	cols := 1 + g.r.IntN(4)
	row := func(cells int, f func() string) {
		g.b.WriteString("|")
		for i := 0; i < cells; i++ {
			g.b.WriteString(" " + f() + " |")
		}
		g.b.WriteString("\n")
	}
	row(cols, func() string { return g.cell() })
	row(cols, func() string { return g.pick("---", ":---", "---:", ":---:", "-") })
	for i := g.r.IntN(5); i > 0; i-- {
		row(max(1, cols+g.r.IntN(3)-1), func() string { return g.cell() })
	}
}

func (g *mdGen) cell() string {
	switch g.r.IntN(8) {
	case 0:
		return ""
	case 1:
		return g.pick("```", "```x", "`a\\|b`", "a \\| b")
	}
	return strings.ReplaceAll(g.inline(1+g.r.IntN(2)), "|", "\\|")
}

// inline returns n inline pieces, separated by a space or nothing.
func (g *mdGen) inline(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(g.pick(" ", " ", "", "、", "  "))
		}
		b.WriteString(g.piece())
	}
	return b.String()
}

// piece returns one inline construct.
func (g *mdGen) piece() string {
	switch g.r.IntN(30) {
	case 0, 1, 2, 3, 4:
		return g.pick("今日は小さなサーバーを書いた。", "日本語の文章", "かなりのことができる", "（注）", "！？", "。",
			"Go の標準ライブラリ", "漢字とかな", "ｶﾀｶﾅ", "한국어", "全角　空白")
	case 5, 6, 7:
		return g.pick("hello world", "a", "The quick brown fox", "x,", "end.", "mixed日本語text", "123")
	case 8:
		return "[" + g.pick("リンク", "link", "", "a b", "日本\n語", "![img](i.png)", "`code`", "**強調**") + "](" +
			g.pick("https://example.com/", "post.md", "../2017-05-01-hello.md", "", "<a b>", "x&amp;y", `x\_y`,
				"gemini://g.example/a", "/abs/日本.png", "https://example.com/ \"title\"", "#frag", "mailto:a@b.c",
				"https://example.com/a_(b)") + ")"
	case 9:
		return "![" + g.pick("alt", "", "代替", "a *b*") + "](" + g.pick("i.png", "https://example.com/i.png", "") + ")"
	case 10:
		return "<" + g.pick("https://example.org/archive/1", "me@example.com", "mailto:me@example.com",
			"gemini://g.example/", "https://a.example/x y") + ">"
	case 11:
		return g.pick("詳しくは", "see ", "（", "x", "見て(", "") + g.pick("https://example.com/posts/1/",
			"http://a.example", "gemini://g.example/p?q=1", "gopher://example.org/1/", "ftp://f.example/x.txt",
			"https://example.com/x.", "https://example.com/a_(b))", "https://0.https://0.a", "abc://x.y/", "https://a.b/&amp;x;",
			"https://example.com/p&q;", "www.example.com", "https://", "HTTPS://EXAMPLE.COM/") + g.pick("を参照。", "", " ", "）", ".", ",", "!")
	case 12:
		d := g.pick("*", "_", "**", "__", "~~", "~")
		return d + g.inline(1) + d
	case 13:
		return "`" + g.pick("code", "a  b", "`", "x\ny", "日本語", " ", "https://example.com/") + "`"
	case 14:
		return g.pick("<span>", "</span>", "<!-- c -->", "<br>", "<br/>", "<BR />", "<bra>", "<a href=\"x\">", "</a>",
			"<br class=x>", "<?php ?>", "<![CDATA[x]]>",
			"<br\n/>", "<span\nclass=x>")
	case 15:
		return g.pick("&amp;", "&lt;", "&#12354;", "&#x3042;", "&#0;", "&#10;", "&#13;", "&nbsp;", "&copy;",
			"&bogus;", "&#xFFFFFF;", "&#99999999;", "&", "&#xabcd;", "&#XFF;", "&#x;")
	case 16:
		return g.pick(`\*`, `\\`, `\[`, `\#`, `\a`, `\`, `\<`)
	case 17:
		return g.pick("\x00", "\x1b", "\x7f", "\t", "\xff", "\xe3\x81", "\u200b", "\u3000", "\u0085", "\u00a0")
	case 18:
		g.notes++
		return fmt.Sprintf("[^n%d]", g.r.IntN(g.notes)+1)
	case 19:
		return g.pick("[ref]", "[ref][]", "[text][ref]", "[undefined]")
	case 20:
		return g.pick("=> x", "# y", "* z", "> q", "```w", "=>", "#")
	case 21:
		return g.pick("[a](x) [b](x)", "[a](u)[b](v)", "[日本](u)\nです", "[a<br>b](u)", "[a  \nb](u)",
			"[x\\\ny](u) z", "[<br>a<br>](u)", "[![i<br>j](v)](u)", "[https://x.y/ &amp; z](u)", "[a\x00b](u)")
	case 22:
		// Many links in one block, some repeated.
		var b strings.Builder
		for i := 12 + g.r.IntN(12); i > 0; i-- {
			fmt.Fprintf(&b, "[l%d](https://example.com/%d) ", i, g.r.IntN(20))
		}
		return b.String()
	case 23:
		return "見て" + g.pick("https://e.com/x;", "https://e.com/(a)b)", "https://e.com/a;b&c;", "https://e.com/a&b1;",
			"https://e.com/x?!.,:*_~", "https://e.com/((a))", "https://e.com:8080/x", "https://e.com:x", "https://a.b.c.d/",
			"https://e.com/\\x", "https://e.com/a<b", "https://x/", "https://"+strings.Repeat("a", 300)+".com/")
	}
	return g.pick("text", "テキスト", "more text here", "ですます", "Gemini と Gopher")
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A theme's card names its thing in words (eichisanden/blog's {{% amazon
// itemId=… title=… author=… publisher=… imageUrl=… %}}, 16 in 9 posts):
// Hugo's page shows the title, author and publisher. Capsule cannot draw
// the card, but keeps its words as one line of text, a link when the card
// has an address; the ids, switches and image files stay out.
func TestUnknownShortcodeKeepsItsWords(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\nlanguageCode = \"ja\"\n",
			"content/post/books.md": "+++\ntitle = \"読書\"\ndate = 2020-01-01\n+++\n\n" +
				"良かった本:\n\n{{% amazon\n  itemId=\"4873118484\"\n  title=\"マネジメントの本\"\n  author=\"Camille Fournier\"\n" +
				"  publisher=\"オライリージャパン\"\n  imageUrl=\"https://images.example.com/I/51sEua.jpg\"\n%}}\n\n" +
				"栞: {{< bookmark url=\"https://example.com/article\" title=\"記事\" author=\"山田\" width=\"320\" >}}\n\n" +
				"{{< book title=\"*Go* [1] & <b>\" cover=\"/img/go.png\" asin=\"B01N\" >}}\n\n" +
				"表 {{< icon name=\"tablecell\" >}} を選ぶ。{{< children description=\"true\" depth=\"2\" >}}\n\n以上。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/books.gmi")
	for _, want := range []string{
		"マネジメントの本 — Camille Fournier, オライリージャパン",
		"=> https://example.com/article 記事 — 山田",
		"*Go* [1] & <b>",
		"良かった本:", "以上。",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	for _, not := range []string{"4873118484", "51sEua", "320", "B01N", "go.png", "tablecell", "true"} {
		if strings.Contains(page, not) {
			t.Errorf("the page shows %q, a parameter that is not the reader's words:\n%s", not, page)
		}
	}
	text := servetest.GopherGet(t, d, "/posts/books.txt\r\n")
	for _, want := range []string{"マネジメントの本 — Camille Fournier, オライリージャパン", "記事 — 山田", "*Go* [1] & <b>"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Gopher text lacks %q:\n%s", want, text)
		}
	}
}

// A theme's shortcode with inner text shows its words too: a quote's
// author, a card's or a notice's title ({{< blockquote author="Raymond
// Chen" link="…" >}}…{{< /blockquote >}} in real posts; relearn's {{%
// notice style="note" title="Note" %}}). Capsule keeps them, as it keeps
// an unpaired one's, on a line before the inner text, which is kept as
// it was; one within a sentence (a tooltip's hover title) is not.
func TestPairedShortcodeKeepsItsWords(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n",
			"content/post/quotes.md": "+++\ntitle = \"Quotes\"\ndate = 2020-01-01\n+++\n\n" +
				"{{< blockquote author=\"Raymond Chen\" link=\"https://example.com/old-new\" >}}\nOf course, the attacker controls the file.\n{{< /blockquote >}}\n\n" +
				"{{% notice style=\"note\" title=\"Mind the gap\" %}}\n- first item\n{{% /notice %}}\n\n" +
				"{{< card title=\"Product Design\" author=\"Ann\" publisher=\"Acme\" >}}We design widgets.{{< /card >}}\n\n" +
				"A {{< tooltip title=\"hover text\" >}}term{{< /tooltip >}} in a sentence.\n\n" +
				"{{< card title=\"Second card\" >}}\nIts text, [a link](https://example.com/broken-link-target\n{{< /card >}}\n\n[gone](gone.pdf)\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/quotes.gmi")
	for _, want := range []string{
		"=> https://example.com/old-new Raymond Chen\n",
		"Of course, the attacker controls the file.",
		"Mind the gap\n",
		"* first item",
		"Product Design — Ann, Acme: We design widgets.",
		"A term in a sentence.",
		"Second card\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	for _, not := range []string{"hover text", "note", "\\", "Second card Its"} {
		if strings.Contains(page, not) {
			t.Errorf("the page shows %q:\n%s", not, page)
		}
	}
	// The lines stay the file's: a warning names the line it is on.
	dead := false
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "gone.pdf") {
			dead = true
			if w.Line != 22 {
				t.Errorf("the warning on line 22 names line %d: %s", w.Line, w)
			}
		}
	}
	if !dead {
		t.Errorf("no warning for the link to gone.pdf")
	}
	text := servetest.GopherGet(t, d, "/posts/quotes.txt\r\n")
	for _, want := range []string{"Raymond Chen", "Mind the gap", "Product Design — Ann, Acme: We design widgets."} {
		if !strings.Contains(text, want) {
			t.Errorf("the Gopher text lacks %q:\n%s", want, text)
		}
	}
}

// A paired shortcode's one positional argument in a reader's words is its
// title (k-kaz-git/blog's memo.html shows {{.Get 0}} above its inner
// text: {{% memo 注意 %}}, 6 in 3 posts), kept on a line before the inner
// text; a kind's or an icon's name ({{< notice warning >}}, {{< alert
// "fire" >}}), or code (LoveIt's {{< style "img { height: 1.25rem; }"
// >}}), shows no such word and stays out.
func TestPairedShortcodePositionalTitle(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\nlanguageCode = \"ja\"\n",
			"content/post/memo.md": "+++\ntitle = \"メモ\"\ndate = 2020-01-01\n+++\n\n" +
				"{{% memo 注意 %}}\nテーマでのお話。\n{{% /memo %}}\n\n" +
				"{{% memo \"To do\" %}}\nFix it.\n{{% /memo %}}\n\n" +
				"{{< notice warning >}}\n警告の本文。\n{{< /notice >}}\n\n" +
				"{{< alert \"fire\" >}}\n火の本文。\n{{< /alert >}}\n\n" +
				"{{< style \"p { margin: 0 auto; }\" >}}\n様式の本文。\n{{< /style >}}\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/memo.gmi")
	text := servetest.GopherGet(t, d, "/posts/memo.txt\r\n")
	for _, want := range []string{"注意\nテーマでのお話。", "To do\nFix it.", "警告の本文。", "火の本文。", "様式の本文。"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
		if !strings.Contains(text, strings.ReplaceAll(want, "\n", "\r\n")) {
			t.Errorf("the Gopher text lacks %q:\n%s", want, text)
		}
	}
	for _, not := range []string{"warning", "fire", "margin"} {
		if strings.Contains(page, not) || strings.Contains(text, not) {
			t.Errorf("%q, a kind's or an icon's name, is shown:\n%s\n%s", not, page, text)
		}
	}
}

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

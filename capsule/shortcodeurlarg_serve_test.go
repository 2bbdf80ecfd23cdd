package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A theme's link card takes the page it shows as its first argument
// (eichisanden/blog's {{% ogp "https://…" %}}, a blogcard's {{<
// blogcard "https://…" >}}); Hugo's page shows a card linking there. On
// Gemini and Gopher it is a link to that address, not a gap; an
// argument that is no web address is not made a link.
func TestUnknownShortcodeWithAnAddressFirstIsALink(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\nlanguageCode = \"ja\"\n",
			"content/post/meetup.md": "+++\ntitle = \"勉強会\"\ndate = 2019-04-24\n+++\n\n" +
				"イベントページ:\n\n{{% ogp \"https://gitlab-jp.connpass.com/event/126533/\" %}}\n\n" +
				"参考:\n\n{{< blogcard \"https://example.com/a?b=1\" >}}\n\n" +
				"名前だけ: {{< card \"hello\" >}} ここまで。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/meetup.gmi")
	for _, want := range []string{
		"=> https://gitlab-jp.connpass.com/event/126533/",
		"=> https://example.com/a?b=1",
		"名前だけ:", "ここまで。",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "hello") {
		t.Errorf("an argument that is no address became text or a link:\n%s", page)
	}
	text := servetest.GopherGet(t, d, "/posts/meetup.txt\r\n")
	if !strings.Contains(text, "https://gitlab-jp.connpass.com/event/126533/") {
		t.Errorf("the Gopher text lacks the card's address:\n%s", text)
	}
}

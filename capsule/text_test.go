package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
)

// What real posts contain reads right on both protocols (issue 23).
const textHugo = "testdata/text-hugo/content"

// A title is plain text wherever it shows, as themes show it through
// markdownify: the post's heading on both protocols, the home page, the
// archive, tag pages, gopher menus, the Atom feed, neighbours' links.
func TestTitlesArePlainText(t *testing.T) {
	d := startSite(t, textHugo)
	const plain = "Title with Markdown, Special\u00a0—\u00a0Characters & code"
	pages := servetest.Crawl(t, d, 200)
	_, _, atom := servetest.GeminiGet(t, d, "/atom.xml")
	pages["gemini:/atom.xml"] = atom
	shown := 0
	for addr, page := range pages {
		for _, raw := range []string{"*with*", "**Markdown**", "&nbsp;", "Special\u00a0---", "Special ---", "`code`", "&amp;amp;", "\\*"} {
			if strings.Contains(page, raw) {
				t.Errorf("%s shows %q of the title:\n%s", addr, raw, page)
			}
		}
		if strings.Contains(page, plain) || strings.Contains(page, strings.ReplaceAll(plain, "&", "&amp;")) {
			shown++
		}
	}
	for _, where := range []string{"gemini:/", "gemini:/archive.gmi", "gemini:/tags/markup.gmi", "gemini:/posts/markup-title.gmi",
		"gemini:/posts/neighbour.gmi", "gemini:/atom.xml", "gopher:/", "gopher:/posts/markup-title.txt", "gopher:/tags/markup"} {
		page, ok := pages[where]
		if !ok {
			t.Errorf("%s not crawled", where)
			continue
		}
		if !strings.Contains(page, plain) && !strings.Contains(page, strings.ReplaceAll(plain, "&", "&amp;")) {
			t.Errorf("%s does not show the plain title %q:\n%s", where, plain, page)
		}
	}
	if shown < 9 {
		t.Errorf("the plain title is on %d pages", shown)
	}
}

// A footnote reads "[1]" on both protocols; on Gopher the references are
// numbered after the notes, in the text and in the post's menu alike.
func TestFootnotesReadTheSameOnBoth(t *testing.T) {
	d := startSite(t, textHugo)
	_, _, gem := servetest.GeminiGet(t, d, "/posts/footnotes.gmi")
	for _, want := range []string{"A claim[1] with a link.", "[1] Its source, the paper.", "=> https://example.com/paper the paper"} {
		if !strings.Contains(gem, want) {
			t.Errorf("gemini lacks %q:\n%s", want, gem)
		}
	}
	txt := servetest.GopherGet(t, d, "/posts/footnotes.txt\r\n")
	for _, want := range []string{"A claim[1] with a link[2].", "\r\n[1] Its source, the paper[3].", "\r\n[2] https://example.com/page\r\n[3] https://example.com/paper"} {
		if !strings.Contains(txt, want) {
			t.Errorf("gopher text lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "[^") {
		t.Errorf("gopher text shows [^:\n%s", txt)
	}
	menu := servetest.GopherGet(t, d, "/posts/footnotes/\r\n")
	for _, want := range []string{"h[2] a link\tURL:https://example.com/page", "h[3] the paper\tURL:https://example.com/paper"} {
		if !strings.Contains(menu, want) {
			t.Errorf("gopher menu lacks %q:\n%s", want, menu)
		}
	}
}

// The fixture is what real posts contain, nothing amiss: -check finds no
// warning in it (an e-mail address is no missing file).
func TestTextFixtureHasNoWarnings(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.Posts = textHugo
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Warnings) > 0 {
		t.Errorf("warnings: %v", content.ErrorList(sum.Warnings).Error())
	}
}

// An e-mail address, bare (linkified), in <…> or as a mailto: link, is a
// mailto: link line on Gemini and an h item with URL:mailto: on Gopher.
func TestEmailAddressesAreMailtoLinks(t *testing.T) {
	d := startSite(t, textHugo)
	_, _, gem := servetest.GeminiGet(t, d, "/posts/contact.gmi")
	menu := servetest.GopherGet(t, d, "/posts/contact/\r\n")
	for _, addr := range []string{"contact@example.com", "me@example.org", "editor@example.net"} {
		if !strings.Contains(gem, "=> mailto:"+addr+" ") {
			t.Errorf("gemini lacks a mailto: link to %s:\n%s", addr, gem)
		}
		if !strings.Contains(menu, "\tURL:mailto:"+addr+"\t") || !strings.Contains(menu, "\r\nh[") {
			t.Errorf("gopher menu lacks a mailto: item for %s:\n%s", addr, menu)
		}
	}
}

// A ref written bare in the text, not as a link's destination, is a link
// to the post labelled with its title, on both protocols.
func TestBareRelrefIsALink(t *testing.T) {
	d := startSite(t, textHugo)
	_, _, gem := servetest.GeminiGet(t, d, "/posts/neighbour.gmi")
	for _, want := range []string{"Its bundle is The bundle, named bare.", "=> /posts/bundle.gmi The bundle"} {
		if !strings.Contains(gem, want) {
			t.Errorf("gemini lacks %q:\n%s", want, gem)
		}
	}
	txt := servetest.GopherGet(t, d, "/posts/neighbour.txt\r\n")
	if !strings.Contains(txt, "Its bundle is The bundle[") || strings.Contains(txt, "index.md") {
		t.Errorf("gopher text:\n%s", txt)
	}
}

// A figure's caption is text, its Markdown link a link of its own; a
// figure with a title and alt text keeps both.
func TestFigureCaptions(t *testing.T) {
	d := startSite(t, textHugo)
	_, _, gem := servetest.GeminiGet(t, d, "/posts/figure.gmi")
	for _, want := range []string{"=> /photo.jpg Photo by Jr Korpa\n=> https://unsplash.com/@jrkorpa Jr Korpa\n", "=> /photo.jpg Sunset: a red sky\n"} {
		if !strings.Contains(gem, want) {
			t.Errorf("gemini lacks %q:\n%s", want, gem)
		}
	}
	txt := servetest.GopherGet(t, d, "/posts/figure.txt\r\n")
	for _, want := range []string{"[image: Photo by Jr Korpa][1] Jr Korpa[2]", "[image: Sunset: a red sky][1]"} {
		if !strings.Contains(txt, want) {
			t.Errorf("gopher text lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(gem+txt, "](") {
		t.Errorf("Markdown shows:\n%s\n%s", gem, txt)
	}
}

package content

import (
	"capsule/capsule/internal/testfs"
	"strings"
	"testing"
	"time"
)

// Titles are shown as themes show them, Markdown made plain: the same
// text on every page, menu and feed.
func TestPlainTitle(t *testing.T) {
	for _, c := range []struct {
		in          string
		typographer bool
		want        string
	}{
		{"Plain title", true, "Plain title"},
		{"Title *with* **Markdown**", false, "Title with Markdown"},
		{"Markup: Title *with* **Markdown**", true, "Markup: Title with Markdown"},
		{"Special&nbsp;---&nbsp;Characters", true, "Special\u00a0—\u00a0Characters"},
		{"Special&nbsp;---&nbsp;Characters", false, "Special\u00a0---\u00a0Characters"},
		{"Tom &amp; &quot;Jerry&quot;", false, `Tom & "Jerry"`},
		{"Tom &amp; Jerry -- ok...", true, "Tom & Jerry – ok…"},
		{`It's "quoted"`, true, "It’s “quoted”"},
		{"Installing `python 2.7.x` on Centos", true, "Installing python 2.7.x on Centos"},
		{"See [label](http://x.org) now", false, "See label now"},
		{`Esc \*not\* em`, false, "Esc *not* em"},
		{"~~old~~ new", false, "old new"},
		{"<em>raw</em> html", false, "raw html"},
		// Angle brackets around words that are no tag of HTML's are
		// the author's words; tags of HTML's elements are markup.
		{"参照時の<insufficient privilege>について", true, "参照時の<insufficient privilege>について"},
		{"Option<T> and Hello <your-name>", false, "Option<T> and Hello <your-name>"},
		{"iPhone では <IFRAME> 内", false, "iPhone では <IFRAME> 内"},
		{"<span> vs <div>", false, "<span> vs <div>"},
		{"The <img> tag", false, "The <img> tag"},
		{"</T> closes", false, "</T> closes"},
		{"a<br>b <wbr>c", false, "ab c"},
		{`<span class="x">in</span> <EM>em</EM>`, false, "in em"},
		{`<img src="a.png">pic <b>b</b>`, false, "pic b"},
		{"<!-- note -->kept", false, "kept"},
		{"1. Intro", false, "1. Intro"},
		{"# not a heading", false, "# not a heading"},
		{"[Go] Scan into type *time.Time fails", true, "[Go] Scan into type *time.Time fails"},
		{"snake_case_name", false, "snake_case_name"},
		{"_・)やあ", false, "_・)やあ"},
		{"`a &amp; \\*` code", false, "a &amp; \\* code"},
		{"&#12354; &bogus;", false, "あ &bogus;"},
	} {
		if got := plainTitle(c.in, c.typographer); got != c.want {
			t.Errorf("plainTitle(%q, %v) = %q, want %q", c.in, c.typographer, got, c.want)
		}
	}
}

// A post of capsule's own folder without a title is served, titled from
// its file name as Jekyll titles one, with a warning: the README asks for
// a title. (It was served without a word.) Jekyll's posts are titled so
// without one.
func TestUntitledPostInOwnFolderWarns(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"2026-11-30-notitle.md": "+++\ndate = 2026-11-30\n+++\nタイトルなし。\n",
		"2026-11-29-empty.md":   "+++\ntitle = \"\"\ndate = 2026-11-29\n+++\n空の題。\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1, Now: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(c.Posts) != 2 {
		t.Fatalf("%v, %d posts", err, len(c.Posts))
	}
	var said []string
	for _, w := range c.Warnings {
		if w.Kind == "no title" {
			said = append(said, w.Error())
		}
	}
	if len(said) != 1 || !strings.Contains(said[0], "2026-11-30-notitle.md:1: no title: titled \"Notitle\" from its file name") {
		t.Errorf("warnings %q", said)
	}
	jekyll := testfs.Write(t, map[string]string{
		"_config.yml":              "title: J\n",
		"_posts/2020-01-01-hey.md": "---\ndate: 2020-01-01\n---\ntext\n",
	})
	c, err = loadStrict(jekyll, LoadOptions{Settle: -1})
	if err != nil || len(c.Posts) != 1 || c.Posts[0].Title != "Hey" {
		t.Fatalf("jekyll: %v %v", err, c.Posts)
	}
	for _, w := range c.Warnings {
		if w.Kind == "no title" {
			t.Errorf("jekyll: %v", w)
		}
	}
}

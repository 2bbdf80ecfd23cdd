package content

import "testing"

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

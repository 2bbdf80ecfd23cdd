package markup

import (
	"bytes"
	"strings"
	"testing"

	"capsule/gemtext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// A raw <a> whose text is its own web address with an entity in it (a
// WordPress-era post): the text is the address as a browser shows it,
// and the only link is the <a>'s; linkify's link inside it was a second
// link, to an address with "&amp;" in it.
func TestRawLinkWhoseTextIsItsAddress(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.Linkify))
	d := Parse(md.Parser(), []byte(`一行目 <a href="http://example.com/a.py?x=1&amp;hl=en">http://example.com/a.py?x=1&amp;hl=en</a>`+"\n"), Options{})
	var out bytes.Buffer
	if err := gemtext.Render(&out, d.Source, d.Root, gemtext.Options{}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if strings.Contains(got, "&amp;") || strings.Count(got, "=> ") != 1 || !strings.Contains(got, "一行目 http://example.com/a.py?x=1&hl=en\n") {
		t.Errorf("got %q: want the address as text, decoded, and one link to it", got)
	}
}

// An @handle in HTML text keeps its underscores: a tweet's embed
// (<blockquote class="twitter-tweet">… (@_precure_)) showed @precure, the
// underscores read as emphasis.
func TestHandleInHTMLKeepsUnderscores(t *testing.T) {
	md := goldmark.New()
	d := Parse(md.Parser(), []byte("<blockquote class=\"twitter-tweet\"><p>駄目よ。</p>&mdash; あ (@_precure_) and @a_b_</blockquote>\n"), Options{})
	var out bytes.Buffer
	if err := gemtext.Render(&out, d.Source, d.Root, gemtext.Options{}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "(@_precure_) and @a_b_") {
		t.Errorf("got %q", got)
	}
}

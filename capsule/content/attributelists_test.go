package content

import (
	"strings"
	"testing"
)

// kramdown's attribute lists style what Jekyll renders and never show:
// alone on a line, at a line's end, or right after a link or an image;
// so do markdown-it-attrs' after a link, an image or a code span.
func TestDropAttributeLists(t *testing.T) {
	for in, want := range map[string]string{
		"![a](a.png)\n{: .align-left}\n":                             "![a](a.png)\n\n",
		"Text.\n{:.notice}\n":                                        "Text.\n\n",
		"## Head {: #id}\n":                                          "## Head\n",
		"{::options parse_block_html=\"true\" /}\nText\n":            "\nText\n",
		"![a](a.png){: .align-left} The rest of this paragraph.\n":   "![a](a.png) The rest of this paragraph.\n",
		"[Go](#link){: .btn .btn--primary} and [Stop](#x){: .btn}\n": "[Go](#link) and [Stop](#x)\n",
		"Update `_config.yml`{: .filepath } and `a`{:.x}.\n":         "Update `_config.yml` and `a`.\n",
		"Write `[a](b){: .btn}` to make a button.\n":                 "Write `[a](b){: .btn}` to make a button.\n",
		"```\n![a](a.png){: .align-left} x\n{: .note}\n```\n":        "```\n![a](a.png){: .align-left} x\n{: .note}\n```\n",
		"A set {:a, b} stays, as does f(x){:y}.\n":                   "A set {:a, b} stays, as does f(x){:y}.\n",
		"## Local URLs in project sites {#local-urls}\nText\n":       "## Local URLs in project sites\nText\n",
		"# Title {.big #top}\n":                                      "# Title\n",
		"#hashtag {#x}\n":                                            "#hashtag {#x}\n",
		"Text {#x} and {.y}\n":                                       "Text {#x} and {.y}\n",
		"```\n## In code {#x}\n```\n":                                "```\n## In code {#x}\n```\n",
		// markdown-it-attrs' (Eleventy's) and Pandoc's, without a colon.
		"Member of [ADFC](https://adfc.de/){lang=de hreflang=de} and more.\n": "Member of [ADFC](https://adfc.de/) and more.\n",
		"[Go](/go/){.button} `x`{.y}\n":                                       "[Go](/go/) `x`\n",
		"Prose f(x){y} and f(x){.z} stay.\n":                                  "Prose f(x){y} and f(x){.z} stay.\n",
		"Code `[a](b){lang=de}` stays.\n":                                     "Code `[a](b){lang=de}` stays.\n",
		// kramdown's comments never show, however many lines they take;
		// one never closed is text.
		"Visible.\n\n{::comment}\nTODO: name ACME Corp\n{:/comment}\n\nMore.\n": "Visible.\n\n\n\n\n\nMore.\n",
		"Say {::comment}not this{:/comment}this{::comment}x{:/} and this.\n":    "Say this and this.\n",
		"{::comment}\n```\nsecret\n```\n{:/}\nAfter.\n":                         "\n\n\n\n\nAfter.\n",
		"A {::comment} never closed.\n":                                         "A {::comment} never closed.\n",
		"```\n{::comment}\n```\n{:/comment}\n":                                  "```\n{::comment}\n```\n\n",
	} {
		if got := string(dropAttributeLists([]byte(in))); got != want {
			t.Errorf("dropAttributeLists(%q) = %q, want %q", in, got, want)
		}
	}
}

// hasTemplates finds what each of its patterns names, wherever it is,
// and nothing in text without them.
func TestHasTemplates(t *testing.T) {
	for in, want := range map[string]bool{
		"": false, "{": false, "plain {text} here": false, "a{b": false, "}{": false,
		"{{< x >}}": true, "{% raw %}": true, "x\n{: .c}": true, "## H {#id}": true, "{.big}": true,
		"[a](b){lang=de}": true, "end {{": true, "{%": true, "{:": true, "f(x) {y}": false,
	} {
		if got := hasTemplates([]byte(in)); got != want {
			t.Errorf("hasTemplates(%q) = %v, want %v", in, got, want)
		}
	}
}

// A post of kramdown comments that never close, one a line, costs a pass
// over its lines, not a look at every line after each (the square of
// 2^18 lines: over ten minutes, the test's timeout, where a pass takes a
// fraction of a second); so do Zola calls that never close (a join and
// a match of 16 lines at each took 13 s for 2^16).
func TestKramdownCommentsAndZolaCallsLinear(t *testing.T) {
	const n = 1 << 18
	body := []byte(strings.Repeat("{::comment}\n", n))
	if got := dropAttributeLists(body); len(got) > len(body) {
		t.Errorf("%d bytes out of %d", len(got), len(body))
	}
	calls := []byte(strings.Repeat("{{ image(src=\"a.png\",\n", n))
	if got, _, _ := zolaBody(calls, 1, nil); len(got) > len(calls) {
		t.Errorf("%d bytes out of %d", len(got), len(calls))
	}
}

package markup

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// wordPost is a post of Markdown and raw HTML as blogs write it, its
// visible words numbered "w1", "w2"…, words no reader is meant to see
// (comments, scripts, styles) "hidden".
type wordPost struct {
	rnd *rand.Rand
	n   int
}

func (p *wordPost) w() string { p.n++; return fmt.Sprintf("w%d", p.n) }

// fragment is one piece of HTML or Markdown; depth bounds its wrappers.
func (p *wordPost) fragment(depth int) string {
	w := p.w
	pieces := []func() string{
		func() string { return w() + " " + w() + " *" + w() + "* [" + w() + "](https://example.com/)" },
		func() string { return "<p>" + w() + " <b>" + w() + "</b> &amp; " + w() + "</p>" },
		func() string { return "<p>" + w() + "\n**" + w() + "** " + w() },
		func() string { return "<p>" + w() + "</p>\n**" + w() + "** " + w() },
		func() string {
			return "<figure>\n<img src=\"/a" + w() + ".jpg\">\n<figcaption>" + w() + " " + w() + "</figcaption>\n</figure>"
		},
		func() string {
			return "<figure><a href=\"/b.jpg\"><img src=\"/a.jpg\" alt=\"" + w() + "\"></a><figcaption>" + w() +
				" <a href=\"/c\">" + w() + "</a></figcaption></figure>"
		},
		func() string { return "<img src=\"/x" + w() + ".png\" alt=\"" + w() + " " + w() + "\">" },
		func() string {
			return w() + " <img src=\"/i" + w() + ".png\" alt=\"" + w() + "\"> <a href=\"/y\">" + w() + "</a> " + w()
		},
		func() string { return "<iframe src=\"https://v.example/e\" title=\"" + w() + "\"></iframe>" },
		func() string { return "<details><summary>" + w() + "</summary>\n" + w() + "\n</details>" },
		func() string {
			return "<table><tr><th>" + w() + "</th><th>" + w() + "</th></tr><tr><td>" + w() + "</td><td>" + w() + "|" + w() + "</td></tr></table>"
		},
		func() string { return "<ul><li>" + w() + "</li><li>" + w() + "<ol><li>" + w() + "</li></ol></li></ul>" },
		func() string { return "<pre><code>" + w() + " &lt;" + w() + "&gt;\n" + w() + "</code></pre>" },
		func() string { return "<h3>" + w() + " " + w() + "</h3>" },
		func() string { return "<center>" + w() + "</center>" },
		func() string { return "<p>" + w() + "<br>" + w() + "<br/>" + w() + "</p>" },
		func() string { return "<script>var hidden = 1;</script>" },
		func() string { return "<style>.hidden { color: red }</style>" },
		func() string { return "<!-- hidden -->" },
		func() string { return "- " + w() + "\n- " + w() },
		func() string { return "<p>1. " + w() + "\n# " + w() + "\n- " + w() + "</p>" },
	}
	s := pieces[p.rnd.IntN(len(pieces))]()
	if depth > 0 && p.rnd.IntN(3) == 0 {
		switch p.rnd.IntN(4) {
		case 0:
			s = "<div class=\"x\">\n" + p.fragment(depth-1) + "\n" + s + "\n</div>"
		case 1:
			s = "<blockquote>" + s + "</blockquote>"
		case 2:
			s = "<ul><li>" + s + "</li></ul>"
		case 3:
			s = "<section><div>" + s + "</div></section>"
		}
	}
	return s
}

var wordPattern = regexp.MustCompile(`\bw[0-9]+\b`)

// No word of a post's text disappears from either rendering: the HTML is
// converted, not dropped; what is dropped (scripts, styles, comments)
// holds no word a reader was meant to see.
func TestNoWordLost(t *testing.T) {
	for seed := range uint64(300) {
		p := &wordPost{rnd: rand.New(rand.NewPCG(seed, 1))}
		var b strings.Builder
		for range 1 + p.rnd.IntN(8) {
			b.WriteString(p.fragment(2))
			if p.rnd.IntN(4) == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		src := b.String()
		gmi, txt, warns := render(t, []byte(src), Labels{})
		for _, word := range wordPattern.FindAllString(src, -1) {
			re := regexp.MustCompile(`\b` + word + `\b`)
			for _, out := range []struct{ name, text string }{{"gemtext", gmi}, {"gopher", txt}} {
				if !re.MatchString(out.text) {
					t.Errorf("seed %d: %s lost %s (warnings %q):\n%s\n---\n%s", seed, out.name, word, warns, src, out.text)
				}
			}
		}
		if strings.Contains(gmi+txt, "hidden") {
			t.Errorf("seed %d: something hidden shown", seed)
		}
		if strings.Contains(gmi+txt, "<") && !strings.Contains(src, "&lt;") {
			t.Errorf("seed %d: markup leaks:\n%s\n---\n%s\n---\n%s", seed, src, gmi, txt)
		}
	}
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A post with math, served on loopback: the formulas reach Gemini and
// Gopher readers as written, display math in a block with alt text
// "math", inline math with its delimiters, no escape or emphasis read in
// them; "$…$" is math in the post whose front matter says math: true.
func TestMathServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"math.md": "+++\ntitle = \"数式\"\ndate = 2020-01-01\nmath = true\n+++\n" +
				"二次方程式の解は\\(x_1 * x_2 = c\\)を満たす。単価は$a_i$で、$5 and $10 は金額。\n\n" +
				"$$\n\\begin{aligned}\n  x &= \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a} \\\\\n  y_1 &= *z*\n\\end{aligned}\n$$\n",
		})
	})
	formula := "\\begin{aligned}\n  x &= \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a} \\\\\n  y_1 &= *z*\n\\end{aligned}\n"
	_, _, page := servetest.GeminiGet(t, d, "/posts/math.gmi")
	if want := "二次方程式の解は\\(x_1 * x_2 = c\\)を満たす。単価は$a_i$で、$5 and $10 は金額。\n\n```math\n" + formula + "```\n"; !strings.Contains(page, want) {
		t.Errorf("gemtext lacks\n%s\nin\n%s", want, page)
	}
	text := strings.ReplaceAll(servetest.GopherGet(t, d, "/posts/math.txt\r\n"), "\r\n", "\n")
	indented := "    " + strings.ReplaceAll(strings.TrimSuffix(formula, "\n"), "\n", "\n    ") + "\n"
	for _, want := range []string{"\\(x_1 * x_2 = c\\)", "$a_i$", "$5 and $10", indented} {
		if !strings.Contains(text, want) {
			t.Errorf("gopher text lacks\n%s\nin\n%s", want, text)
		}
	}
}

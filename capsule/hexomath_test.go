package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Hexo's math tags ({% math %}, hexo-math's {% katex %} and
// {% mathjax %}) hold TeX, which the plugin hands to KaTeX as written: a
// block on lines of its own is display math (a preformatted block, alt
// math), one within a line inline math; their \\ and _ are never read as
// Markdown. (suyu0925/hexo-blog's why-relu.md: the tag was dropped and
// its array read as Markdown, \\ made \.)
func TestHexoMathTags(t *testing.T) {
	d := startSite(t, testfs.Write(t, map[string]string{
		"package.json": `{"dependencies": {"hexo": "^7.0.0"}}`,
		"_config.yml":  "title: t\nlanguage: zh-CN\n",
		"source/_posts/relu.md": "---\ntitle: ReLU\ndate: 2020-01-01\n---\n函数：\n\n{% math %}\nReLU(x)=\\left\\{\n    x, & x > 0\\\\\n    0, & x_1 \\leq 0\n\\right.\n{% endmath %}\n\n" +
			"行内 {% katex %}c = \\pm\\sqrt{a_1^2 + b_2^2}{% endkatex %} 公式。\n\n{% mathjax '{\"displayMode\": true}' %}E = mc^2{% endmathjax %}\n",
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/relu.gmi")
	for _, want := range []string{
		"```math\nReLU(x)=\\left\\{\n    x, & x > 0\\\\\n    0, & x_1 \\leq 0\n\\right.\n```\n",
		"行内 \\(c = \\pm\\sqrt{a_1^2 + b_2^2}\\) 公式。",
		"```math\nE = mc^2\n```\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "{%") {
		t.Errorf("a tag is left:\n%s", page)
	}
	if text := servetest.GopherGet(t, d, "/posts/relu.txt\r\n"); !strings.Contains(text, "    0, & x_1 \\leq 0\r\n") {
		t.Errorf("the gopher text lacks the formula as written:\n%s", text)
	}
}

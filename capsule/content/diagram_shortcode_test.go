package content

import (
	"strings"
	"testing"
)

// A diagram shortcode becomes a fenced block in its language, its source
// verbatim; KaTeX's switch alone shows nothing.
func TestDiagramShortcodes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"{{< mermaid >}}\ngraph TD;\n  A-->B;\n{{< /mermaid >}}\n", "```mermaid\ngraph TD;\n  A-->B;\n```\n"},
		{"{{<mermaid align=\"center\">}}\nsequenceDiagram\n  a->>b: *hi*\n{{</mermaid>}}\n", "```mermaid\nsequenceDiagram\n  a->>b: *hi*\n```\n"},
		{"{{< chart >}}\ntype: 'bar',\n{{< /chart >}}\n", "```chart\ntype: 'bar',\n```\n"},
		// LoveIt's, DoIt's and FixIt's chart data (it was a paragraph of
		// JSON).
		{"{{< echarts >}}\n{\n  \"xAxis\": {\"type\": \"category\"}\n}\n{{< /echarts >}}\n", "```json\n{\n  \"xAxis\": {\"type\": \"category\"}\n}\n```\n"},
		{"{{< katex >}}\nText \\(x\\).\n", "\nText \\(x\\).\n"},
		{"{{< katex display=true >}}\nf(x) = \\int_{-\\infty}^\\infty\n{{< /katex >}}\n", "```math\nf(x) = \\int_{-\\infty}^\\infty\n```\n"},
	} {
		out, warns := ExpandShortcodes([]byte(c.in), 1, nil)
		if string(out) != c.want {
			t.Errorf("%q\ngave %q\nwant %q", c.in, out, c.want)
		}
		if len(warns) != 0 {
			t.Errorf("%q: warnings %v", c.in, warns)
		}
	}
}

// The script shortcode of LoveIt's family holds JavaScript the page runs:
// dropped, as a <script> is, with a warning (it was a paragraph of code).
// An admonition's title, the box's heading, is a paragraph before its
// text; one with none is titled by its kind.
func TestThemeScriptAndAdmonition(t *testing.T) {
	for _, c := range []struct{ in, want, warn string }{
		{"前\n{{< script >}}\nconsole.log('Just DoIt!');\n{{< /script >}}\n後", "前\n\n\n\n後", "script"},
		{"{{< admonition tip \"Remember *this*\" >}}\nA **tip** banner\n{{< /admonition >}}", "\nRemember *this*\n\n\nA **tip** banner\n", ""},
		{"{{< admonition type=warning >}}\nCareful.\n{{< /admonition >}}", "\nWarning\n\n\nCareful.\n", ""},
	} {
		out, warns := ExpandShortcodes([]byte(c.in), 1, nil)
		if string(out) != c.want {
			t.Errorf("%q\ngave %q\nwant %q", c.in, out, c.want)
		}
		if c.warn == "" && len(warns) != 0 || c.warn != "" && (len(warns) != 1 || !strings.Contains(warns[0].Msg, c.warn)) {
			t.Errorf("%q: warnings %v", c.in, warns)
		}
	}
}

package content

import "testing"

// A diagram shortcode becomes a fenced block in its language, its source
// verbatim; KaTeX's switch alone shows nothing.
func TestDiagramShortcodes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"{{< mermaid >}}\ngraph TD;\n  A-->B;\n{{< /mermaid >}}\n", "```mermaid\ngraph TD;\n  A-->B;\n```\n"},
		{"{{<mermaid align=\"center\">}}\nsequenceDiagram\n  a->>b: *hi*\n{{</mermaid>}}\n", "```mermaid\nsequenceDiagram\n  a->>b: *hi*\n```\n"},
		{"{{< chart >}}\ntype: 'bar',\n{{< /chart >}}\n", "```chart\ntype: 'bar',\n```\n"},
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

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Liquid's default filter gives its argument for nil, false and what
// is empty (Liquid 4.0.4's StandardFilters#default, which Jekyll's
// "liquid ~> 4.0" runs: !input || input.empty?), its input otherwise:
// an include handed label=false shows the default, one handed the
// string "false", 0 or true shows that. A filter before it turns false
// into its text ("FALSE"), which it keeps.
func TestLiquidDefaultOfFalse(t *testing.T) {
	site := map[string]string{
		"_config.yml":          "title: Defaults\n",
		"_includes/label.html": "Label: {{ include.label | default: \"Note\" }}.\n",
		"_includes/upper.html": "Upper: {{ include.label | upcase | default: \"Note\" }}.\n",
		"_includes/after.html": "After: {{ include.label | default: \"note\" | upcase }}.\n",
	}
	cases := []struct{ tag, want string }{
		{`{% include label.html label=false %}`, "Label: Note."},
		{`{% include label.html label=nil %}`, "Label: Note."},
		{`{% include label.html label="" %}`, "Label: Note."},
		{`{% include label.html %}`, "Label: Note."},
		{`{% include label.html label="false" %}`, "Label: false."},
		{`{% include label.html label=0 %}`, "Label: 0."},
		{`{% include label.html label=true %}`, "Label: true."},
		{`{% include label.html label="Tip" %}`, "Label: Tip."},
		{`{% include upper.html label=false %}`, "Upper: FALSE."},
		{`{% include after.html label=false %}`, "After: NOTE."},
	}
	var body strings.Builder
	for _, c := range cases {
		body.WriteString(c.tag + "\n\n")
	}
	site["_posts/2020-01-02-defaults.md"] = "---\ntitle: Defaults\n---\n\n" + body.String()
	d := serveDir(t, testfs.Write(t, site))
	_, _, page := servetest.GeminiGet(t, d, "/posts/defaults.gmi")
	lines := strings.Split(page, "\n")
	var got []string
	for _, l := range lines {
		if strings.HasPrefix(l, "Label:") || strings.HasPrefix(l, "Upper:") || strings.HasPrefix(l, "After:") {
			got = append(got, l)
		}
	}
	if len(got) != len(cases) {
		t.Fatalf("%d include lines, want %d:\n%s", len(got), len(cases), page)
	}
	for i, c := range cases {
		if got[i] != c.want {
			t.Errorf("%s: %q, want %q", c.tag, got[i], c.want)
		}
	}
}

// A literal's default in a post's own text, as Jekyll builds it:
// {{ false | default: "x" }} is x; so are nil's and "'s; a string,
// true and 0 are kept.
func TestLiquidDefaultOfLiteral(t *testing.T) {
	cases := []struct{ out, want string }{
		{`{{ false | default: "x" }}`, "x"},
		{`{{ nil | default: "x" }}`, "x"},
		{`{{ "" | default: 'x' }}`, "x"},
		{`{{ "false" | default: "x" }}`, "false"},
		{`{{ true | default: "x" }}`, "true"},
		{`{{ 0 | default: "x" }}`, "0"},
		{`{{ false | upcase | default: "x" }}`, "FALSE"},
	}
	var body strings.Builder
	for i, c := range cases {
		body.WriteString("Case " + string(rune('A'+i)) + ": " + c.out + ".\n\n")
	}
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":                   "title: Literals\n",
		"_posts/2020-01-02-literals.md": "---\ntitle: Literals\n---\n\n" + body.String(),
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/literals.gmi")
	for i, c := range cases {
		if want := "Case " + string(rune('A'+i)) + ": " + c.want + ".\n"; !strings.Contains(page, want) {
			t.Errorf("%s: no %q in the page:\n%s", c.out, want, page)
		}
	}
}

package content

import (
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Asides written as directives (Starlight's :::tip[Custom title],
// Docusaurus' :::note Title, fuwari's and cactus' posts) are their title
// or kind, then their text, not run together with their markers; a
// GitHub card is a link to the repository; another leaf directive is
// left out, counted in a warning at its line; a fence keeps them as
// written; the lines keep their numbers.
func TestDirectives(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{":::note\nText.\n:::\n", "**Note**\\\nText.\n\n"},
		{":::tip[Custom title]\nA tip.\n:::\n", "**Custom title**\\\nA tip.\n\n"},
		{":::caution Watch out\n\nText.\n:::\n", "**Watch out**\n\nText.\n\n"},
		{"::github{repo=\"saicaca/fuwari\"}\n", "[saicaca/fuwari](https://github.com/saicaca/fuwari)\n"},
		{"a\n::youtube{#x}\nb\n", "a\n\nb\n"},
		{"```\n:::note\n```\n", "```\n:::note\n```\n"},
		{"a :: b\n", "a :: b\n"},
	} {
		got, _, _ := directiveBody([]byte(c.in), 1)
		if string(got) != c.want {
			t.Errorf("directiveBody(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.Count(string(got), "\n") != strings.Count(c.in, "\n") {
			t.Errorf("directiveBody(%q) moved the lines", c.in)
		}
	}
	c, err := loadStrict(testfs.Write(t, map[string]string{
		"astro.config.mjs":          "export default {}\n",
		"src/content/blog/aside.md": "---\ntitle: Aside\npubDate: 2024-01-02\n---\n\n:::note\nText.\n:::\n\n::youtube{#x}\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if body := string(c.Posts[0].Body); !strings.Contains(body, "**Note**\\\nText.") {
		t.Errorf("body %q", body)
	}
	if len(c.Warnings) != 1 || c.Warnings[0].Line != 10 || c.Warnings[0].Kind != "directive dropped" {
		t.Errorf("warnings %v, want the leaf directive's at line 10", c.Warnings)
	}
}

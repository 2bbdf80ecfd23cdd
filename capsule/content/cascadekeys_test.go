package content

import (
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A key a section's cascade hands down that capsule does not read is
// warned of once, at its line in the section's _index.md, not at line 1
// of every page it reaches, which does not hold it. Found on a real Hugo
// blog (nzwsch/v5.seiichiyonezawa.com): posts/_index.ja.md's cascade
// {showDate, showAuthor…} was blamed on posts/automate-migration.ja.md:1.
// A misspelling of a key that may keep a post back (draf) still leaves
// the pages it reaches out, as their own would.
func TestUnknownCascadeKeysWarnedAtTheSection(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                 "baseURL = \"https://x.org/\"\n",
		"content/posts/_index.md":   "---\ntitle: Blog\ncascade:\n  proficiencyLevel: 3\n  tags: [\"日記\"]\n  descripton: x\n---\n",
		"content/posts/hello.md":    "---\ntitle: Hello\ndate: 2021-01-09\n---\nText.\n",
		"content/posts/again.md":    "---\ntitle: Again\ndate: 2021-01-10\n---\nText.\n",
		"content/notes/_index.md":   "---\ncascade:\n  draf: true\n---\n",
		"content/notes/withheld.md": "---\ntitle: Withheld\ndate: 2021-01-11\n---\nText.\n",
		// TOML's [[cascade]], an array of tables, hands down too (it
		// decodes as []map[string]any, which was passed over).
		"content/more/_index.md": "+++\n[[cascade]]\ntags = [\"cascaded\"]\nbarBaz = 1\n+++\n",
		"content/more/page.md":   "+++\ntitle = \"More\"\n+++\nText.\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range c.Warnings {
		if w.Kind == kindUnknownKey || w.Kind == kindMisspelt {
			got = append(got, strings.TrimPrefix(w.Error(), dir+"/"))
		}
	}
	want := []string{
		`content/more/_index.md:4: unknown front matter key "barBaz" in a cascade ignored`,
		`content/notes/_index.md:3: unknown key draf: did you mean draft? (in a cascade, for the pages it reaches)`,
		`content/posts/_index.md:4: unknown front matter key "proficiencyLevel" in a cascade ignored`,
		`content/posts/_index.md:6: unknown key descripton: did you mean description? (in a cascade, for the pages it reaches)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Posts) != 2 || c.Posts[0].Tags[0] != "日記" {
		t.Errorf("posts %v", c.Posts)
	}
	if len(c.Pages) != 1 || !slices.Equal(c.Pages[0].Tags, []string{"cascaded"}) {
		t.Errorf("pages %v: want More, tagged by [[cascade]]", c.Pages)
	}
	if len(c.Problems) != 1 || !strings.HasSuffix(c.Problems[0].File, "withheld.md") || !strings.Contains(c.Problems[0].Msg, "left out") {
		t.Errorf("problems %v: want withheld.md left out", c.Problems)
	}
}

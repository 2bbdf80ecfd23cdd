package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll page's {% if %}…{% else %}…{% endif %} shows the branch its
// condition takes, as Jekyll's page does, when capsule can tell the
// condition (hananiahhsu's blog: "No posts yet." under a list of posts
// it has). What each branch shows here is what jekyll build (4.3.1)
// made of the same site; a condition capsule cannot tell (site.data)
// keeps both branches, as before.
func TestLiquidConditionsTakeOneBranch(t *testing.T) {
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":               "title: Conditions\nempty_str: \"\"\nflag: \"x\"\ncollections:\n  notes:\n    output: true\n",
		"_posts/2020-01-02-a.md":    "---\ntitle: A post about AI\ncategories: [ai]\n---\nText of the AI post.\n",
		"_notes/n1.md":              "---\ntitle: A note\ncategories: [ml]\n---\nA note.\n",
		"ja/_posts/2020-02-02-j.md": "---\ntitle: 日記\n---\n本文。\n",
		"lists.md": "---\ntitle: Lists\n---\n\n" +
			"{% assign items = site.posts | where_exp: \"p\", \"p.categories contains 'ai'\" | sort: \"date\" | reverse %}\n" +
			"{% if items.size > 0 %}\nThere are posts about AI.\n{% else %}\nNo posts about AI yet.\n{% endif %}\n\n" +
			"{% assign ml = site.posts | where: \"categories\", \"ml\" %}\n" +
			"{% if ml.size > 0 %}There are posts about ML.{% else %}No posts about ML yet.{% endif %}\n\n" +
			"{% assign ja = site.posts | where_exp: \"p\", \"p.categories contains 'ja'\" %}\n" +
			"{% unless ja == empty %}Some posts are in Japanese.{% endunless %}\n\n" +
			"{% if site.notes.size == 1 and site.posts.size > 1 %}One note, several posts.{% elsif site.notes.size == 1 %}One note, one post.{% else %}Other counts.{% endif %}\n\n" +
			"{% if site.empty_str %}An empty string is true.{% else %}An empty string is false.{% endif %}\n\n" +
			"{% if false and true or true %}Read left to right.{% else %}Read right to left.{% endif %}\n\n" +
			"{% case site.flag %}{% when \"y\" %}Flag y.{% when \"x\", \"z\" %}Flag x or z.{% else %}Another flag.{% endcase %}\n\n" +
			"{% assign n = 5 %}{% assign none = nil %}\n" +
			"{% if n > 3 and none == nil %}Five is more than three.{% endif %}\n" +
			"{% if page.title contains \"List\" %}The title says List.{% endif %}\n" +
			"{% if site.empty_str == blank %}Blank equals an empty string.{% else %}Blank matches nothing.{% endif %}\n\n" +
			"{% if site.data.menu %}Kept when unknown (then).{% else %}Kept when unknown (else).{% endif %}\n",
	}))
	shown := []string{"There are posts about AI.", "No posts about ML yet.", "Some posts are in Japanese.", "One note, several posts.",
		"An empty string is true.", "Read right to left.", "Flag x or z.", "Five is more than three.", "The title says List.", "Blank matches nothing.",
		"Kept when unknown (then).", "Kept when unknown (else)."}
	hidden := []string{"No posts about AI yet.", "There are posts about ML.", "One note, one post.", "Other counts.", "An empty string is false.",
		"Read left to right.", "Flag y.", "Another flag.", "Blank equals an empty string."}
	_, _, gem := servetest.GeminiGet(t, d, "/lists.gmi")
	gopher := servetest.GopherGet(t, d, "/lists.txt\r\n")
	for name, page := range map[string]string{"gemini": gem, "gopher": gopher} {
		flat := strings.Join(strings.Fields(page), " ")
		for _, s := range shown {
			if !strings.Contains(flat, s) {
				t.Errorf("%s: %q, which Jekyll shows, is missing:\n%s", name, s, page)
			}
		}
		for _, s := range hidden {
			if strings.Contains(flat, s) {
				t.Errorf("%s: %q is shown, a branch Jekyll does not take:\n%s", name, s, page)
			}
		}
	}
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll page's {% for %} loop over the site's posts (a category's, a
// tag's, a collection's, a list an assign made of them) shows its body
// once for each, with the item's title, address and date, as Jekyll's
// page does. What each loop shows here, in this order, is what jekyll
// build (4.3.1) made of the same site; before capsule ran loops, each
// body was shown once with its values dropped ("* —").
func TestLiquidForLoopsListPosts(t *testing.T) {
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":                   "title: Loops\ntimezone: UTC\ncollections:\n  notes:\n    output: true\n",
		"_posts/2020-01-02-first.md":    "---\ntitle: First post\ncategories: [ai]\ntags: [go]\n---\nOne.\n",
		"_posts/2020-03-04-second.md":   "---\ntitle: Second post\ncategories: [ml]\n---\nTwo.\n",
		"_posts/2020-03-04-b-same.md":   "---\ntitle: Same day B\n---\nB.\n",
		"_posts/2021-05-06-third.md":    "---\ntitle: Third post\ncategories: [ai]\ntags: [go, web]\n---\nThree.\n",
		"ja/_posts/2020-02-02-nikki.md": "---\ntitle: 日記\n---\n本文。\n",
		"_notes/z.md":                   "---\ntitle: Note Z\n---\nz\n",
		"_notes/a.md":                   "---\ntitle: Note A\n---\na\n",
		"list.md": "---\ntitle: List\n---\n\nAll:\n{% for post in site.posts %}\n" +
			"- {{ forloop.index }}/{{ forloop.length }} [{{ post.title }}]({{ post.url | relative_url }}) {{ post.date | date: \"%Y-%m-%d\" }}{% if forloop.first %} (newest){% endif %}{% if forloop.last %} (oldest){% endif %}\n" +
			"{% endfor %}\n\nAI:\n{% for post in site.categories.ai %}\n- {{ post.title }} {{ post.date | date: \"%-d %b %Y\" }}\n{% endfor %}\n\n" +
			"Tag go:\n{% for post in site.tags.go limit:1 %}\n- {{ post.title }} {{ post.date | date_to_string }}\n{% endfor %}\n\n" +
			"Offset reversed:\n{% for post in site.posts reversed offset:1 limit:2 %}\n- {{ post.title }}\n{% endfor %}\n\n" +
			"Notes:\n{% for n in site.notes %}\n- {{ n.title }}\n{% endfor %}\n\n" +
			"Sorted:\n{% assign items = site.posts | where_exp: \"p\", \"p.categories contains 'ai'\" | sort: \"date\" | reverse %}\n" +
			"{% for post in items %}\n- {{ post.title }} {% if post.title contains \"Third\" %}is third{% else %}is not third{% endif %}\n{% endfor %}\n\n" +
			"Empty:\n{% for post in site.categories.none %}\n- {{ post.title }}\n{% else %}\n- nothing here\n{% endfor %}\n",
	}))
	// Jekyll's page, item by item, in its order.
	want := []string{"All:",
		"1/5 Third post", "2021-05-06 (newest)", "2/5 Second post", "2020-03-04", "3/5 Same day B", "2020-03-04", "4/5 日記", "2020-02-02", "5/5 First post", "2020-01-02 (oldest)",
		"AI:", "Third post 6 May 2021", "First post 2 Jan 2020",
		"Tag go:", "Third post 06 May 2021",
		"Offset reversed:", "Same day B", "Second post",
		"Notes:", "Note A", "Note Z",
		"Sorted:", "Third post is third", "First post is not third",
		"Empty:", "nothing here"}
	_, _, gem := servetest.GeminiGet(t, d, "/list.gmi")
	gopher := servetest.GopherGet(t, d, "/list.txt\r\n")
	for name, page := range map[string]string{"gemini": gem, "gopher": gopher} {
		flat := strings.Join(strings.Fields(page), " ")
		at := 0
		for _, s := range want {
			i := strings.Index(flat[at:], s)
			if i < 0 {
				t.Errorf("%s: %q, which Jekyll shows there, is missing after %q:\n%s", name, s, flat[max(0, at-40):at], page)
				continue
			}
			at += i + len(s)
		}
		for _, s := range []string{"Tag go: * Third post 06 May 2021 * First", "Note Z * Note A", "is not third * Third"} {
			if strings.Contains(flat, s) {
				t.Errorf("%s: %q, which Jekyll does not show:\n%s", name, s, page)
			}
		}
	}
	// The links lead to the posts' pages on each protocol.
	if !strings.Contains(gem, "=> /posts/third.gmi") || !strings.Contains(gopher, "/0/posts/first.txt") {
		t.Errorf("the loop's links do not lead to the posts:\n%s\n%s", gem, gopher)
	}
}

package content

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// A loop over many posts adds to the post no more than its other
// Liquid expansions may (varRoom: half its size and 4 KiB), and says
// how many of its items it shows.
func TestLiquidForLoopBound(t *testing.T) {
	posts := make([]*Post, 5000)
	for i := range posts {
		posts[i] = &Post{Title: fmt.Sprintf("Post %d", i), Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), HasDate: true, File: fmt.Sprintf("_posts/%d.md", i)}
	}
	site := &liquidSite{docs: map[string][]*Post{"posts": posts}}
	body := "{% for post in site.posts %}\n- " + strings.Repeat("{{ post.title }} ", 20) + "\n{% endfor %}\n"
	out, warns, _ := expandShortcodes([]byte(body), 1, nil, nil, true, nil, nil, "", nil, site, &Post{Title: "T"})
	if room := len(body)/2 + 4096; len(out) > room+len(body) {
		t.Errorf("the loop added %d bytes to a post of %d, more than its room of %d", len(out), len(body), room)
	}
	if !strings.Contains(string(out), "Post 0 Post 0") {
		t.Errorf("the first items are not shown: %.200q", out)
	}
	if len(warns) != 1 || warns[0].Kind != "Liquid loop cut short" || !strings.Contains(warns[0].Msg, "of its 5000 items shown") {
		t.Errorf("warnings: %+v", warns)
	}
}

// A loop over a list capsule does not know (paginator.posts) is read as
// before: its body once, its outputs dropped, with warnings.
func TestLiquidForLoopUnknownList(t *testing.T) {
	site := &liquidSite{docs: map[string][]*Post{"posts": {{Title: "A", HasDate: true}}}}
	body := "{% for post in paginator.posts %}\n- {{ post.title }}\n{% endfor %}\n"
	out, warns, _ := expandShortcodes([]byte(body), 1, nil, nil, true, nil, nil, "", nil, site, &Post{Title: "T"})
	if strings.Count(string(out), "- ") != 1 || strings.Contains(string(out), "A") || len(warns) == 0 {
		t.Errorf("%q %+v", out, warns)
	}
}

// strftime's directives, as Ruby's Time#strftime writes them.
func TestStrftime(t *testing.T) {
	tm := time.Date(2021, 5, 6, 14, 3, 9, 0, time.UTC)
	for f, want := range map[string]string{"%Y-%m-%d": "2021-05-06", "%-d %b %Y": "6 May 2021", "%e %B %y": " 6 May 21", "%I:%M %p %A %j %%": "02:03 PM Thursday 126 %"} {
		if got, ok := strftime(tm, f); !ok || got != want {
			t.Errorf("%s: %q, want %q", f, got, want)
		}
	}
	if _, ok := strftime(tm, "%Q"); ok {
		t.Error("an unknown directive is applied")
	}
}

// Loops nested in loops spend the post's one room: each turn at any
// depth costs at least a byte, and what the loops inside a turn spent
// is its loop's too. Before, a turn's inner loops ran on the whole room
// again and a loop of nothing cost nothing: four empty loops over 40
// posts, nested, took a second, six a minute, seven more than half an
// hour.
func TestLiquidForNestedLoopsBounded(t *testing.T) {
	posts := make([]*Post, 40)
	for i := range posts {
		posts[i] = &Post{Title: fmt.Sprintf("P%d", i), Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), HasDate: true, File: fmt.Sprintf("_posts/%d.md", i)}
	}
	site := &liquidSite{docs: map[string][]*Post{"posts": posts}}
	body := ""
	for _, v := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		body = "{% for " + v + " in site.posts %}" + body + "{% endfor %}"
	}
	start := time.Now()
	out, warns, _ := expandShortcodes([]byte(body), 1, nil, nil, true, nil, nil, "", nil, site, &Post{Title: "T"})
	hangGuard(t, start, "seven empty loops over 40 posts, nested")
	if room := len(body)/2 + 4096; len(out) > room+len(body) {
		t.Errorf("the loops added %d bytes to a post of %d, more than its room of %d", len(out), len(body), room)
	}
	if len(warns) == 0 || warns[0].Kind != "Liquid loop cut short" {
		t.Errorf("warnings: %+v", warns)
	}
}

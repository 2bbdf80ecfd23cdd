package content

import (
	"strings"
	"testing"
	"time"
)

// expandWithSite expands body as a Jekyll post's, with a site of n posts.
func expandWithSite(body string, posts int) (string, []ShortcodeWarning) {
	site := &liquidSite{docs: map[string][]*Post{"posts": make([]*Post, posts)}}
	out, warns, _ := expandShortcodes([]byte(body), 1, nil, nil, true, nil, nil, "", nil, site, &Post{Title: "T"})
	return string(out), warns
}

// A condition capsule cannot tell keeps both branches, with one warning
// of its kind that names what it could not tell; the lines stay the
// file's.
func TestLiquidConditionUndecidedKeepsBoth(t *testing.T) {
	out, warns := expandWithSite("a\n{% if site.data.x %}\nthen\n{% else %}\nelse\n{% endif %}\nb\n", 1)
	if !strings.Contains(out, "then") || !strings.Contains(out, "else") {
		t.Errorf("a branch is lost:\n%s", out)
	}
	if strings.Count(out, "\n") != 7 {
		t.Errorf("lines changed: %q", out)
	}
	if len(warns) != 1 || warns[0].Kind != "Liquid condition not decided" || !strings.Contains(warns[0].Msg, "site.data.x") || warns[0].Line != 2 {
		t.Errorf("warnings: %+v", warns)
	}
	out, warns = expandWithSite("a\n{% if site.posts.size > 0 %}\nthen\n{% else %}\nelse\n{% endif %}\nb\n", 1)
	if !strings.Contains(out, "then") || strings.Contains(out, "else") || strings.Count(out, "\n") != 7 || len(warns) != 0 {
		t.Errorf("decided: %q %+v", out, warns)
	}
}

// Conditions decided inside decided branches go maxLiquidIfDepth deep;
// deeper, every branch is kept, with a warning.
func TestLiquidConditionDepthBound(t *testing.T) {
	n := maxLiquidIfDepth + 4
	body := strings.Repeat("{% if true %}", n) + "core{% else %}lost" + strings.Repeat("{% endif %}", n)
	out, warns := expandWithSite(body, 0)
	if !strings.Contains(out, "core") || !strings.Contains(out, "lost") {
		t.Errorf("beyond the depth, both branches are kept: %q", out)
	}
	if len(warns) == 0 || !strings.Contains(warns[0].Msg, "nest deeper") {
		t.Errorf("warnings: %+v", warns)
	}
	body = strings.Repeat("{% if true %}", maxLiquidIfDepth) + "core{% else %}lost" + strings.Repeat("{% endif %}", maxLiquidIfDepth)
	if out, warns := expandWithSite(body, 0); out != "core" || len(warns) != 0 {
		t.Errorf("within the depth: %q %+v", out, warns)
	}
}

// Blocks without their end (each read ahead to the end of the post,
// past every tag after it) are each kept as before, the warnings
// grouped, and the post expands at all (hangGuard: not a measure of
// speed; TestLiquidConditionReadAheadRoom is the bound's test).
func TestLiquidConditionReadAheadBound(t *testing.T) {
	const reps = 8000
	body := strings.Repeat("{% if true %} x\n"+strings.Repeat("{% if b %}{% endif %}", 60)+"\n", reps)
	start := time.Now()
	out, warns := expandWithSite(body, 0)
	hangGuard(t, start, "expanding 8,000 blocks without their end")
	if strings.Count(out, "x") != reps {
		t.Errorf("text lost")
	}
	n := 0
	for _, w := range warns {
		if w.Kind == "Liquid condition not decided" {
			n += max(w.More, 1) // "and N more like it" counts N
		}
	}
	if n != reps*61 || len(warns) > MaxWarningsPerKind+1 {
		t.Errorf("%d warnings told in %d", n, len(warns))
	}
}

// A condition in a capture's text is decided as the post's are: the
// captured text is the branch taken.
func TestLiquidConditionInCapture(t *testing.T) {
	out, warns := expandWithSite("{% capture c %}{% if site.posts.size == 2 %}two{% else %}other{% endif %}{% endcapture %}[{{ c }}]", 2)
	if out != "[two]" || len(warns) != 0 {
		t.Errorf("%q %+v", out, warns)
	}
}

// A loop's body is read once, as written: a condition in it is not
// told, even of page, which a loop's variable may name (kdmsnr's
// {% for page in site.pages %}{% if page.dir contains … %}).
func TestLiquidConditionInLoopNotTold(t *testing.T) {
	out, warns := expandWithSite("{% for page in site.pages %}{% if page.title == \"T\" %}a{% else %}b{% endif %}{% endfor %}{% if page.title == \"T\" %}c{% else %}d{% endif %}", 1)
	if out != "abc" {
		t.Errorf("%q", out)
	}
	if len(warns) < 2 || !strings.Contains(warns[len(warns)-1].Msg, "inside a {% for %} loop") {
		t.Errorf("%+v", warns)
	}
}

// What the conditions of one post read ahead to find their branches is
// at most liquidIfRoom of its size, counted across the branches kept
// and expanded again: ten conditions nested, each ending at the post's
// end, would each read the whole post (ten times its size); the first
// ones decided use up the room, and the deeper ones keep both branches,
// saying why.
func TestLiquidConditionReadAheadRoom(t *testing.T) {
	filler := strings.Repeat("本文の行。{% comment %}x{% endcomment %}\n", 4000) // about 160 KB
	body := strings.Repeat("{% if true %}", 10) + filler + strings.Repeat("{% else %}LOST{% endif %}", 10)
	out, warns := expandWithSite(body, 0)
	if !strings.Contains(out, "LOST") {
		t.Errorf("every condition was decided: they read ahead ten times the post, past liquidIfRoom (%d bytes for %d)", liquidIfRoom(len(body)), len(body))
	}
	told := false
	for _, w := range warns {
		told = told || strings.Contains(w.Msg, "read more than their bound ahead")
	}
	if !told {
		t.Errorf("no warning says the bound was reached: %+v", warns)
	}
	// Within the room, the same nesting is decided.
	out, warns = expandWithSite(strings.Repeat("{% if true %}", 3)+filler+strings.Repeat("{% else %}LOST{% endif %}", 3), 0)
	if strings.Contains(out, "LOST") || len(warns) != 0 {
		t.Errorf("three conditions, within the room, not decided: %d warnings %+v", len(warns), warns)
	}
}

// A {% when %} whose value capsule does not know may match: the case
// keeps every branch, with the warning, rather than take its else.
func TestLiquidCaseWhenUnknownNotTold(t *testing.T) {
	out, warns := expandWithSite(`{% assign x = "a" %}{% case x %}{% when site.data.foo %}WHEN{% else %}ELSE{% endcase %}`, 1)
	if !strings.Contains(out, "WHEN") || !strings.Contains(out, "ELSE") || len(warns) == 0 || warns[0].Kind != "Liquid condition not decided" {
		t.Errorf("%q %+v", out, warns)
	}
	if out, warns := expandWithSite(`{% assign x = "a" %}{% case x %}{% when "b" %}B{% when "a" %}A{% else %}E{% endcase %}`, 1); out != "A" || len(warns) != 0 {
		t.Errorf("known values: %q %+v", out, warns)
	}
}

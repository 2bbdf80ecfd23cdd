package content

import (
	"slices"
	"strings"
	"testing"
)

// A brace of a Hexo pattern expands as micromatch expands it, the last
// brace's alternatives turning fastest; a brace within a brace, or with
// no comma, stays as written with all that follows it.
func TestExpandBracesOrder(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    []string
	}{
		{"{a,b}/{c,d}.md", []string{"a/c.md", "a/d.md", "b/c.md", "b/d.md"}},
		{"x/{a,b}/{c}/{d,e}", []string{"x/a/{c}/{d,e}", "x/b/{c}/{d,e}"}},
		{"{a,{b,c}}", []string{"{a,{b,c}}"}},
		{"plain/*.md", []string{"plain/*.md"}},
		{"{a,b", []string{"{a,b"}},
	} {
		if got := expandBraces(c.pattern, 100); !slices.Equal(got, c.want) {
			t.Errorf("expandBraces(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
	if got := expandBraces("{a,b}{c,d}{e,f}", 3); !slices.Equal(got, []string{"ace", "acf", "ade"}) {
		t.Errorf("expandBraces to 3 = %q", got)
	}
}

// A pattern of many braces ("{a,b}" 300 times over, 2^300 patterns) is
// expanded to the bound by making each of the bound's patterns once: the
// allocations are counted, a few per pattern made. (Expanding each
// brace's rest first made 1,024 patterns at every one of the 300
// braces, over 300,000 strings; with 20,000 braces in a site's
// _config.yml a check ran for minutes.)
func TestExpandBracesBounded(t *testing.T) {
	pattern := strings.Repeat("{a,b}", 300)
	const limit = 1024
	var got []string
	allocs := testing.AllocsPerRun(1, func() { got = expandBraces(pattern, limit) })
	if len(got) != limit {
		t.Fatalf("%d patterns, want the bound, %d", len(got), limit)
	}
	if got[0] != strings.Repeat("a", 300) || got[1] != strings.Repeat("a", 299)+"b" {
		t.Errorf("first patterns %q, %q", got[0][290:], got[1][290:])
	}
	if allocs > 4*limit {
		t.Errorf("%v allocations for %d patterns: the expansion is not bounded by the patterns it gives", allocs, limit)
	}
}

package capsule_test

import (
	"fmt"
	"log"
	"regexp"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A 1 MB post of dead links logged 140,000 warnings at every start and
// reload. Each kind of warning of a post is bounded now: its first
// content.MaxWarningsPerKind, then one line counting the rest.
func TestLinkWarningsBoundedPerKind(t *testing.T) {
	const links = 4_000 // 140,000 in the attack: the same bound, cheaper under -race
	// Each link a paragraph of its own: goldmark reads a bounded number
	// of links in one paragraph (see newMarkdown).
	body := strings.Repeat("[a](b)\n\n", links/2) + strings.Repeat("[a](/posts/nowhere.gmi)\n\n", links/2)
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.MaxPostSize = 4 << 20
		c.PostBudget = time.Minute // -race is slow; the budget is not what this tests
		c.Log = log.New(&logged, "", 0)
		c.Posts = testfs.Write(t, map[string]string{
			"dead.md": "+++\ntitle = \"リンクだらけ\"\ndate = 2020-01-01\n+++\n" + body,
		})
	})
	warns := d.Store().Warnings
	if want := 2 * (content.MaxWarningsPerKind + 1); len(warns) != want {
		t.Fatalf("%d warnings, want %d (two kinds, each bounded and counted)", len(warns), want)
	}
	list := fmt.Sprint(warns)
	for _, want := range []string{
		"dead.md:5: link to a file that does not exist: b",
		"dead.md:43: and 1,980 more like it",
		"link to a post that does not exist: /posts/nowhere.gmi",
		"and 1,980 more like it",
	} {
		if !strings.Contains(list, want) {
			t.Errorf("the warnings do not say %q:\n%s", want, list[:min(len(list), 3000)])
		}
	}
	// The log has one line per kind, counting what the bound left out.
	if n := strings.Count(logged.String(), "warning: "); n != 2 {
		t.Errorf("%d warning lines logged, want 2 (one per kind):\n%s", n, logged.String())
	}
	for _, want := range []string{
		"dead.md:5: link to a file that does not exist: b\n",
		"warning: 2,000 × dead post link, first ",
		"dead.md:4005: link to a post that does not exist: /posts/nowhere.gmi\n",
		"\n4,000 warnings in the 2 lines above, one line per kind (capsuled -check -v lists every warning)\n",
	} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("the log does not say %q:\n%s", want, logged.String())
		}
	}
	if !regexp.MustCompile(`(?m)^warning: 2,000 × dead file link, first \S*dead\.md:5: `).MatchString(logged.String()) {
		t.Errorf("no line for the dead file links:\n%s", logged.String())
	}
}

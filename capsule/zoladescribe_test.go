package capsule_test

import (
	"fmt"
	"log"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// The line that says what a Zola site was taken for names the sections
// whose dated pages are posts, but not all of them when there are many:
// ousttrue.github.io keeps its posts in a section a day
// (posts/2013/05/14/), and the line, written at every start and reload
// and by -check, named 90 of them in 2 KB; a site of ten years of days
// would write hundreds of KB. The first ones are named, then how many
// more.
func TestZolaSectionsNamedBounded(t *testing.T) {
	files := map[string]string{"config.toml": "base_url = \"https://example.org\"\ntitle = \"日誌\"\ndefault_language = \"ja\"\n"}
	for day := 1; day <= 300; day++ {
		dir := fmt.Sprintf("content/posts/2013/%02d/%02d", (day-1)/28+1, (day-1)%28+1)
		files[dir+"/_index.md"] = "+++\nsort_by = \"date\"\n+++\n"
		files[dir+"/note.md"] = fmt.Sprintf("+++\ntitle = \"%d日目\"\ndate = 2013-%02d-%02d\n+++\n\n本文%d。\n", day, (day-1)/28+1, (day-1)%28+1, day)
	}
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, files)
		c.Log = log.New(&logged, "", 0)
	})
	if p := d.Store().Problems; len(p) > 0 {
		t.Fatalf("problems: %v", p)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "300日目") || !strings.Contains(home, "1日目") {
		t.Errorf("the home page does not list the posts:\n%.600s", home)
	}
	line := ""
	for _, l := range strings.Split(logged.String(), "\n") {
		if strings.Contains(l, "a Zola site") {
			line = l
		}
	}
	if line == "" {
		t.Fatalf("no line says what the folder was taken for:\n%.2000s", logged.String())
	}
	if len(line) > 1000 || !strings.Contains(line, "posts/2013/01/01") || !strings.Contains(line, "more") {
		t.Errorf("the line names %d bytes of sections, want the first ones and how many more: %.1200s", len(line), line)
	}
}

package capsule

import (
	"context"
	"strings"
	"testing"

	"capsule/capsule/content"
	"capsule/capsule/messages"
	"capsule/gopher"
)

// In a multilingual site, an address not served under a language's folder
// is answered in that language, on both protocols, with the way to that
// language's home; elsewhere in the root's. (Every not-found was the
// root's.) Answering costs no allocation.
func TestNotFoundSpeaksTheFoldersLanguage(t *testing.T) {
	c, err := content.Load("testdata/hugo-multilingual/content", content.LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	site := &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	st, err := Build(context.Background(), site, c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cp := New(st)
	for path, want := range map[string]string{
		"/en/nothing": messages.English.NotFound, "/en/posts/nothing.gmi": messages.English.NotFound,
		"/nothing": messages.Japanese.NotFound, "/english": messages.Japanese.NotFound, "/e": messages.Japanese.NotFound,
	} {
		line := []byte("gemini://localhost" + path)
		if r := cp.Gemini(line); r.Status != 51 || r.Meta != want {
			t.Errorf("gemini %s: %d %q, want 51 %q", path, r.Status, r.Meta, want)
		}
		if n := testing.AllocsPerRun(20, func() { cp.Gemini(line) }); n != 0 {
			t.Errorf("gemini %s: %v allocations", path, n)
		}
	}
	for sel, want := range map[string]string{"/en/nothing": messages.English.NotFound, "en/nothing": messages.English.NotFound, "/nothing": messages.Japanese.NotFound, "nothing": messages.Japanese.NotFound} {
		r := &gopher.Request{Selector: sel}
		menu, what := cp.Gopher(r)
		if what != "notfound" || !strings.HasPrefix(string(menu), "3"+want+"\t") {
			t.Errorf("gopher %q: %s %q", sel, what, menu)
		}
		if want == messages.English.NotFound && !strings.Contains(string(menu), "\t/en/\t") {
			t.Errorf("gopher %q: no way to the English home:\n%s", sel, menu)
		}
		if n := testing.AllocsPerRun(20, func() { cp.Gopher(r) }); n != 0 {
			t.Errorf("gopher %q: %v allocations", sel, n)
		}
	}
}

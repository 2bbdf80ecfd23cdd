package capsule_test

import (
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/messages"
)

// Hugo's publishing keys, in TOML, YAML and JSON, as Hugo reads them: a
// past expiryDate unpublishes (its author still sees it, marked expired),
// build render never leaves no page, list never (and local) keeps the
// page off every list, publishResources false serves none of a bundle's
// files, headless makes a bundle with neither page nor files. Nothing of
// them is on the home page, the tags, the archive, the feeds, the search
// or the root menu.
func TestHugoPublishingKeys(t *testing.T) {
	author, stranger := servetest.Identity(t, "author"), servetest.Identity(t, "stranger")
	d := authorOnly(t, author, map[string]string{
		"posts/shown.md":  "+++\ntitle = \"Shown post\"\ndate = 2020-01-01\ntags = [\"t\"]\n+++\nshown\n",
		"posts/gone.md":   "+++\ntitle = \"Gone post\"\ndate = 2020-01-02\nexpiryDate = 2021-01-01\ntags = [\"t\"]\n+++\ngone words\n",
		"posts/gone2.md":  "---\ntitle: Gone too\ndate: 2020-01-03\nexpirydate: 2021-01-01T00:00:00Z\n---\ngone words\n",
		"posts/never.md":  "{\"title\": \"Never rendered\", \"date\": \"2020-01-04\", \"build\": {\"render\": \"never\"}, \"tags\": [\"t\"]}\nnever words\n",
		"posts/legacy.md": "---\ntitle: Legacy render false\ndate: 2020-01-05\n_build:\n  render: false\n---\nnever words\n",
		"posts/quiet.md":  "---\ntitle: Quiet post\ndate: 2020-01-06\ntags: [t, quiet]\nbuild:\n  list: never\n---\nquiet words [shown](shown.md)\n",
		"posts/local.md":  "+++\ntitle = \"Local post\"\ndate = 2020-01-07\n[build]\nlist = \"local\"\n+++\nquiet words\n",
		"posts/nores/index.md": "{\"title\": \"No resources\", \"date\": \"2020-01-08\",\n \"build\": {\"publishResources\": false}}\n" +
			"![kept](kept.png)\n",
		"posts/nores/kept.png":     "KEPT-PNG",
		"posts/headless/index.md":  "---\ntitle: Headless bundle\ndate: 2020-01-09\nheadless: true\n---\nnever words\n",
		"posts/headless/share.png": "SHARED-PNG",
		"posts/linker.md":          "+++\ntitle = \"Linker\"\ndate = 2020-01-10\n+++\n[g](gone.md) [n](never.md) [h](headless/index.md) [q](quiet.md)\n",
	})
	st := d.Store()
	if st.Posts != 3 { // shown, nores, linker
		t.Errorf("%d posts listed, want 3", st.Posts)
	}
	for _, path := range []string{"/posts/gone.gmi", "/posts/gone2.gmi", "/posts/never.gmi", "/posts/legacy.gmi",
		"/posts/headless.gmi", "/posts/nores/kept.png", "/posts/headless/share.png"} {
		wantNowhere(t, d, path, &author, &stranger)
	}
	for _, path := range []string{"/posts/quiet.gmi", "/posts/local.gmi", "/posts/nores.gmi", "/posts/shown.gmi"} {
		if h, _ := servetest.GeminiAs(t, d, path, nil); !strings.HasPrefix(h, "20 ") {
			t.Errorf("%s: %q, want its page", path, h)
		}
		if g := servetest.GopherGet(t, d, strings.TrimSuffix(path, ".gmi")+".txt\r\n"); strings.HasPrefix(g, "3") {
			t.Errorf("gopher %s: %q", path, clipText(g))
		}
	}
	// The unlisted post's page shows its tags without linking tag pages
	// that do not list it, and its links work.
	if _, _, page := servetest.GeminiGet(t, d, "/posts/quiet.gmi"); strings.Contains(page, "=> /tags/") || !strings.Contains(page, "t, quiet") ||
		!strings.Contains(page, "=> /posts/shown.gmi shown") {
		t.Errorf("the unlisted post's page:\n%s", page)
	}
	for addr, page := range servetest.Crawl(t, d, 200) {
		for _, title := range []string{"Gone", "Never rendered", "Legacy", "Quiet post", "Local post", "Headless"} {
			if strings.Contains(page, title) && !strings.HasPrefix(addr, "gemini:/posts/quiet") && !strings.HasPrefix(addr, "gemini:/posts/local") &&
				!strings.HasPrefix(addr, "gopher:/posts/quiet") && !strings.HasPrefix(addr, "gopher:/posts/local") {
				t.Errorf("%s lists %q:\n%s", addr, title, page)
			}
		}
	}
	for _, path := range []string{"/atom.xml", "/tags/t.xml", "/search?words"} {
		if _, _, page := servetest.GeminiGet(t, d, path); strings.Contains(page, "Gone") || strings.Contains(page, "Never") ||
			strings.Contains(page, "Quiet") || strings.Contains(page, "Local") || strings.Contains(page, "Headless") {
			t.Errorf("%s lists what it should not:\n%s", path, page)
		}
	}
	if status, _, tq := servetest.GeminiGet(t, d, "/tags/quiet.gmi"); status != 51 {
		t.Errorf("a tag only an unlisted post has: %d\n%s", status, tq)
	}
	// The author sees the expired posts, marked so.
	if _, page := servetest.GeminiAs(t, d, "/drafts/gone.gmi", &author); !strings.Contains(page, messages.English.ExpiredMark) {
		t.Errorf("the expired post among the drafts:\n%s", page)
	}
	// Links to what is not published are no links, and warnings.
	_, _, linker := servetest.GeminiGet(t, d, "/posts/linker.gmi")
	if strings.Contains(linker, "=> /posts/gone") || strings.Contains(linker, "=> /posts/never") || strings.Contains(linker, "headless") ||
		!strings.Contains(linker, "=> /posts/quiet.gmi q") {
		t.Errorf("the linking post:\n%s", linker)
	}
	var all []string
	for _, w := range st.Warnings {
		all = append(all, w.Error())
	}
	for _, want := range []string{"linker.md:5: link to expired on 2021-01-01 00:00 UTC (posts/gone.md)",
		"linker.md:5: link to a post without a page (build render: never, or headless) (posts/never.md)",
		"linker.md:5: link to a post without a page (build render: never, or headless) (posts/headless/index.md)"} {
		if !strings.Contains(strings.Join(all, "\n"), want) {
			t.Errorf("warnings:\n%s\nwant %q", strings.Join(all, "\n"), want)
		}
	}
}

// An expiryDate still to come is the Store's next change, and the daemon
// unpublishes the post by itself at that time.
func TestExpiryTakesEffectAtItsTime(t *testing.T) {
	at := time.Now().Add(2 * time.Second).UTC().Truncate(time.Second).Add(time.Second)
	later := at.Add(time.Hour)
	d := authorOnly(t, servetest.Identity(t, "author"), map[string]string{
		"posts/a.md":     "+++\ntitle = \"Stays\"\ndate = 2020-01-01\n+++\n",
		"posts/brief.md": "---\ntitle: Brief post\ndate: 2020-01-02\nexpiryDate: " + at.Format(time.RFC3339) + "\n---\n",
		"posts/later.md": "{\"title\": \"Later\", \"date\": \"" + later.Format(time.RFC3339) + "\"}\n",
	})
	if got := d.Store().NextChange(); !got.Equal(at) {
		t.Fatalf("NextChange %v, want the expiry %v (before the scheduled post, %v)", got, at, later)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "Brief post") {
		t.Fatalf("before its expiry the post is not on the home page:\n%s", home)
	}
	for time.Now().Before(at.Add(5 * time.Second)) {
		_, _, home := servetest.GeminiGet(t, d, "/")
		if strings.Contains(home, "Brief post") {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		if time.Now().Before(at) {
			t.Fatal("gone before its time")
		}
		if h, _ := servetest.GeminiAs(t, d, "/posts/brief.gmi", nil); !strings.HasPrefix(h, "51 ") {
			t.Errorf("its page after its expiry: %q", h)
		}
		if root := servetest.GopherGet(t, d, "\r\n"); strings.Contains(root, "Brief post") {
			t.Error("still in the Gopher root menu")
		}
		if got := d.Store().NextChange(); !got.Equal(later) {
			t.Errorf("NextChange after the expiry %v, want %v", got, later)
		}
		return
	}
	t.Error("the post was still there 5 s after its expiry")
}

package content

import (
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A reload after Forget, of files unchanged since (old enough to be
// taken from the previous load, their bytes forgotten): a Jekyll page and
// a home page's text are still loaded, as from nothing.
func TestReloadAfterForgetKeepsPagesAndHome(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: x\n",
		"_posts/2014-03-03-hello.md": "---\ntitle: Hello\n---\nbody\n",
		"about.md":                   "---\ntitle: About\n---\nabout text\n",
		"index.md":                   "---\nlayout: home\n---\nWelcome home.\n",
	})
	old := time.Now().Add(-time.Hour)
	testfs.Age(dir, old)
	first, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := slugsOf(first.Pages) + "|" + slugsOf(first.Unlisted) + "|" + slugsOf(first.Posts)
	first.Forget()
	next, err := Load(dir, LoadOptions{Settle: -1, Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(next.Pages) + "|" + slugsOf(next.Unlisted) + "|" + slugsOf(next.Posts); got != want {
		t.Errorf("after Forget, a reload loads %q, want %q", got, want)
	}
}

// The same for capsule's own folder, whose site file has the home page's
// text besides the site's title.
func TestReloadAfterForgetKeepsSiteFile(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		SiteFile:   "+++\ntitle = \"The site\"\n+++\nWelcome home.\n",
		"hello.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n",
	})
	old := time.Now().Add(-time.Hour)
	testfs.Age(dir, old)
	first, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	first.Forget()
	next, err := Load(dir, LoadOptions{Settle: -1, Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if next.Meta.Title != "The site" || slugsOf(next.Unlisted) != slugsOf(first.Unlisted) {
		t.Errorf("after Forget, a reload has title %q and unlisted %q; want %q and %q", next.Meta.Title, slugsOf(next.Unlisted), "The site", slugsOf(first.Unlisted))
	}
}

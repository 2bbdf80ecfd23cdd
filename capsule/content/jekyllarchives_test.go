package content

import "testing"

// jekyll-archives slugs a term's name with Jekyll's Utils.slugify in its
// slug_mode; the names and modes are those the modes tell apart. Each
// want is what Jekyll 4.3's slugify gives (checked with
// Jekyll::Utils.slugify), "" where it leaves nothing: such a term's page
// is at no address of its own.
func TestArchiveSlug(t *testing.T) {
	for _, c := range []struct{ name, mode, want string }{
		{"Go Lang/C#", "raw", "go-lang/c#"},
		{"Café Crème", "ascii", "caf-cr-me"},
		{"Café Crème", "latin", "cafe-creme"},
		{"日本語", "latin", ""},
		{"Go言語", "latin", "go"},
		{"Go Lang", "none", "go lang"},
		{"C++ & Go", "pretty", "c++-&-go"},
		{".NET", "default", "net"},
		{"日本語 メモ", "default", "日本語-メモ"},
	} {
		if got, ok := archiveSlug(c.name, c.mode); !ok || got != c.want {
			t.Errorf("%q in %s: %q %v, want %q", c.name, c.mode, got, ok, c.want)
		}
	}
	// What Jekyll's URL makes of a permalink: "/" first, runs of "/" one.
	if got := archiveAddress("tags//:name/", "go", "tag"); got != "/tags/go/" {
		t.Errorf("tags//:name/: %q", got)
	}
}

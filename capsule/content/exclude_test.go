package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// Patterns match as .gitignore's do.
func TestExcludePatterns(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		path    string
		dir     bool
		want    bool
	}{
		{"*.psd", "a.psd", false, true},
		{"*.psd", "images/deep/a.psd", false, true},
		{"*.psd", "images/a.png", false, false},
		{"*.psd", "a.PSD", false, false}, // case counts, as in git on Linux
		{"drafts-old/**", "drafts-old/x.md", false, true},
		{"drafts-old/**", "drafts-old/a/b/c.png", false, true},
		{"drafts-old/**", "posts/drafts-old/x.md", false, false}, // anchored: a "/" inside
		{"/notes.txt", "notes.txt", false, true},
		{"/notes.txt", "a/notes.txt", false, false},
		{"tmp/", "tmp", true, true},
		{"tmp/", "a/tmp", true, true},
		{"tmp/", "tmp", false, false}, // folders only
		{"posts/*/raw", "posts/b/raw", true, true},
		{"posts/*/raw", "posts/b/c/raw", true, false},
		{"**/raw", "raw", true, true},
		{"**/raw", "x/y/raw", true, true},
		{"a/**/b", "a/b", false, true},
		{"a/**/b", "a/x/y/b", false, true},
		{"a/**/b", "a/x/y/c", false, false},
		{"img?.png", "img1.png", false, true},
		{"img[0-9].png", "imgx.png", false, false},
	} {
		pats, err := readPatterns([]string{tt.pattern}, 1)
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		if got := pats[0].matches(strings.Split(tt.path, "/"), tt.dir); got != tt.want {
			t.Errorf("%q matches %q (folder %v): %v, want %v", tt.pattern, tt.path, tt.dir, got, tt.want)
		}
	}
	for _, bad := range []string{"", "!keep.psd", "a//b", "../up", "[unclosed"} {
		if err := CheckExclude([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if err := CheckExclude(make([]string, MaxExcludePatterns+1)); err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("%d patterns: %v", MaxExcludePatterns+1, err)
	}
}

// A "**" never backtracks: many of them against a deep path cost a pass
// each, not a search.
func TestExcludeManyStars(t *testing.T) {
	pats, err := readPatterns([]string{strings.Repeat("**/", 40) + "z"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	deep := strings.Split(strings.Repeat("a/", 60)+"y", "/")
	allocs := testing.AllocsPerRun(10, func() { pats[0].matches(deep, false) })
	if pats[0].matches(deep, false) || allocs > 1 {
		t.Errorf("matched, or %v allocations", allocs)
	}
}

// PEM blocks of private keys are found anywhere in a file, and nothing
// else is taken for one.
func TestPrivateKeyBlock(t *testing.T) {
	for in, want := range map[string]string{
		"-----BEGIN EC PRIVATE KEY-----\nMHc…":                        "EC PRIVATE KEY",
		"notes\n\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl…":         "OPENSSH PRIVATE KEY",
		"-----BEGIN CERTIFICATE-----\n…\n-----BEGIN PRIVATE KEY-----": "PRIVATE KEY",
		"-----BEGIN PGP PRIVATE KEY BLOCK-----":                       "PGP PRIVATE KEY BLOCK",
		"-----BEGIN CERTIFICATE-----\nMIIB…":                          "",
		"-----BEGIN PGP PUBLIC KEY BLOCK-----":                        "",
		"-----BEGIN \nPRIVATE KEY-----":                               "",
		"-----BEGIN " + strings.Repeat("X", 100) + "PRIVATE KEY-----": "",
		"": "",
	} {
		if got := privateKeyBlock([]byte(in)); got != want {
			t.Errorf("privateKeyBlock(%.40q) = %q, want %q", in, got, want)
		}
	}
}

// The files beside the posts are looked through for private keys once
// for the bytes they hold: a reload that takes a file from the load
// before takes the answer with it, and still withholds a key.
func TestPrivateKeyLookedForOnce(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hello.md":      "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n",
		"images/a.png":  "PNG",
		"notes/key.txt": "-----BEGIN OPENSSH PRIVATE KEY-----\nxxx\n-----END OPENSSH PRIVATE KEY-----\n",
	})
	old := time.Now().Add(-time.Hour)
	testfs.Age(dir, old)
	scans := 0
	defer func(f func([]byte) string) { keyScan = f }(keyScan)
	keyScan = func(b []byte) string { scans++; return privateKeyBlock(b) }
	load := func(prev *Content) *Content {
		t.Helper()
		c, err := Load(dir, LoadOptions{Settle: -1, Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		withheld := len(c.Files) == 1 && c.Files[0].Path == "images/a.png"
		warned := slices.ContainsFunc(c.Warnings, func(w *FileError) bool { return w.Kind == kindSecret && strings.HasSuffix(w.File, "key.txt") })
		if !withheld || !warned {
			t.Fatalf("files %v, warnings %v: the key is not withheld with a warning", c.Files, c.Warnings)
		}
		c.Forget()
		return c
	}
	c := load(nil)
	if scans != 2 {
		t.Fatalf("the first load looked through %d files, want 2", scans)
	}
	scans = 0
	c = load(c)
	if scans != 0 {
		t.Errorf("a reload with nothing changed looked through %d files again", scans)
	}
	os.WriteFile(filepath.Join(dir, "images/a.png"), []byte("PNG 2"), 0o644)
	os.Chtimes(filepath.Join(dir, "images/a.png"), old.Add(time.Second), old.Add(time.Second))
	load(c)
	if scans != 1 {
		t.Errorf("a reload after one file changed looked through %d files, want 1", scans)
	}
}

// Hugo's ignoreFiles (regular expressions matched against each file's
// absolute path) keep out of the site what Hugo does not build: a file of
// notes for coding agents among the posts (md-irohas'), drafts by name,
// a file beside the posts; a pattern that does not compile is a problem
// naming the configuration, as Hugo's build fails on it.
func TestHugoIgnoreFiles(t *testing.T) {
	files := map[string]string{
		"hugo.toml":                  "title = \"t\"\nignoreFiles = ['(^|/)AGENTS\\.md$', '\\.draft\\.md$', 'private/']\n",
		"content/posts/hello.md":     "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n",
		"content/posts/AGENTS.md":    "# Instructions for agents\n",
		"content/posts/wip.draft.md": "---\ntitle: WIP\ndate: 2024-01-02\n---\nNot yet.\n",
		"content/posts/photo.jpg":    "jpeg",
		"content/private/notes.txt":  "secret",
	}
	c, err := Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var posts, served []string
	for _, p := range slices.Concat(c.Posts, c.Pages, c.Unlisted, c.Drafts) {
		posts = append(posts, p.Title)
	}
	for _, f := range c.Files {
		served = append(served, f.Path)
	}
	if !slices.Equal(posts, []string{"Hello"}) || !slices.Equal(served, []string{"posts/photo.jpg"}) {
		t.Errorf("posts %q, files %q; want Hello and posts/photo.jpg alone", posts, served)
	}
	files["hugo.toml"] = "title = \"t\"\nignoreFiles = ['(unclosed']\n"
	_, err = Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err == nil || !strings.Contains(err.Error(), `hugo.toml: ignoreFiles: "(unclosed" is not a regular expression`) {
		t.Errorf("error %v, want one naming hugo.toml's pattern", err)
	}
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A language is shown by its name in itself: yunseo-kim.github.io, a
// jekyll-polyglot site in twelve languages, had its Swahili and Amharic
// versions shown as "sw" and "am" (and a Hugo site's Catalan as "ca"),
// while the names are no more languages' folders than before: a sw/
// folder of a site that configures no languages stays a folder.
func TestLanguageNamesInThemselves(t *testing.T) {
	post := func(title, text string) string { return "---\ntitle: " + title + "\n---\n" + text + "\n" }
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":                   "title: Notes\nlanguages: [\"en\", \"sw\", \"am\", \"ca\"]\ndefault_lang: \"en\"\nlang_from_path: true\npermalink: /posts/:title/\nplugins:\n  - jekyll-polyglot\n",
		"_posts/en/2024-01-01-hello.md": post("Hello", "Hello."),
		"_posts/sw/2024-01-01-hello.md": post("Habari", "Habari."),
		"_posts/am/2024-01-01-hello.md": post("ሰላም", "ሰላም።"),
		"_posts/ca/2024-01-01-hello.md": post("Hola", "Hola."),
	}))
	_, _, en := servetest.GeminiGet(t, d, "/posts/hello.gmi")
	for _, want := range []string{"/sw/posts/hello.gmi Kiswahili\n", "/am/posts/hello.gmi አማርኛ\n", "/ca/posts/hello.gmi Català\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("/posts/hello.gmi lacks %q:\n%s", want, en)
		}
	}
	_, _, sw := servetest.GeminiGet(t, d, "/sw/posts/hello.gmi")
	if !strings.Contains(sw, "/posts/hello.gmi English\n") || !strings.Contains(sw, "Habari.") {
		t.Errorf("/sw/posts/hello.gmi:\n%s", sw)
	}

	// A folder named as a language that is no language's folder: a site
	// of its own, whose sw/ holds a page.
	d = serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":                "title: One language\n",
		"_posts/2024-01-01-hello.md": post("Hello", "Hello."),
		"sw/index.md":                "---\ntitle: Software\npermalink: /sw/\n---\nMy software.\n",
	}))
	if status, meta, _ := servetest.GeminiGet(t, d, "/sw/"); status != 31 || strings.HasSuffix(meta, "/sw/") {
		t.Errorf("/sw/: %d %q, want a redirect to the page Software", status, meta)
	}
}

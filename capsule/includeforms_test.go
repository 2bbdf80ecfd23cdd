package capsule_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Liquid's whitespace control: "{%-" and "{{-" take the whitespace
// before the tag off (newlines too), "-%}" and "-}}" the whitespace after
// it, before Jekyll reads the Markdown; paragraphs so joined are one in
// Jekyll's page (Jekyll 4.3.1 builds this post as "<p>First
// paragraph.Shared <strong>text</strong>.\nSecond paragraph.</p>" and
// "<p>Inline [x] and a yz.Last.</p>"). capsule kept the whitespace: four
// paragraphs where Jekyll has two.
func TestLiquidWhitespaceControl(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":         "title: t\n",
			"_includes/shared.md": "Shared **text**.\n",
			"_posts/2020-01-01-trim.md": "---\ntitle: Trim\n---\nFirst paragraph.\n\n{%- include shared.md -%}\n\nSecond paragraph.\n\n" +
				"Inline [{{- \"x\" -}}] and a {{ \"y\" -}}\n   z.\n\n{%- comment -%} c {%- endcomment -%}\n\nLast.\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/trim.gmi")
	// A paragraph's newline is a space in gemtext.
	for _, want := range []string{"\nFirst paragraph.Shared text. Second paragraph.\n", "\nInline [x] and a yz.Last.\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page:\n%s", want, page)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/trim.txt\r\n"); !strings.Contains(text, "First paragraph.Shared text.") || !strings.Contains(text, "yz.Last.") {
		t.Errorf("the gopher text:\n%s", text)
	}
}

// An include handed parameters: Jekyll's page shows the file's text with
// each {{ include.x }} the tag's string (Jekyll 4.3.1 builds this post
// with "<b>Note:</b> Back up <strong>first</strong>.", the figure's
// img src="/img/cat.png" alt="A cat" and caption "The <em>cat</em>
// sleeps.", "Tip: it’s “quoted” (see nothing) <em>5</em>"). capsule
// put in only files without parameters; the others were their
// parameters' text or link, or dropped. A parameter given as a
// variable, or read by Liquid logic, is still not run, warned of; and
// what the parameters add keeps within the room the site's variables
// and includes share (half the post and 4 KiB).
func TestIncludeParametersFilled(t *testing.T) {
	long := strings.Repeat("p", 1000)
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: t\n",
			"_includes/note.html": "<div markdown=\"span\" class=\"alert alert-info\" role=\"alert\"><i class=\"fa fa-info-circle\"></i> " +
				"<b>Note:</b> {{include.content}}</div>\n",
			"_includes/image.html": "<figure>\n<img src=\"{{ include.file | relative_url }}\" alt=\"{{ include.alt }}\">\n" +
				"<figcaption>{{ include.caption | markdownify }}</figcaption>\n</figure>\n",
			"_includes/tip.md":    "Tip: {{ include.text | strip }} (see {{ include.missing | default: \"nothing\" }}) *{{ include.n }}*\n",
			"_includes/cond.html": "{% if include.x %}X: {{ include.x }}{% endif %}\n",
			"_includes/many.html": strings.Repeat("{{ include.v }}\n", 20),
			"_posts/2020-01-02-params.md": "---\ntitle: Params\n---\nStart.\n\n{% include note.html content=\"Back up **first**.\" %}\n\n" +
				"{% include image.html file=\"/img/cat.png\" alt=\"A cat\" caption=\"The _cat_ sleeps.\" %}\n\n" +
				"{% include tip.md text='  it\\'s \"quoted\"  ' n=5 %}\n\n{% include tip.md text=page.title %}\n\n" +
				"{% include cond.html x=\"conditional\" %}\n\nEnd.\n",
			"_posts/2020-01-03-many.md": "---\ntitle: Many\n---\nStart.\n\n{% include many.html v=\"" + long + "\" %}\n\nEnd.\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/params.gmi")
	for _, want := range []string{"\nNote: Back up first.\n", "=> /img/cat.png A cat\n", "\nThe cat sleeps.\n",
		"\nTip: it's \"quoted\" (see nothing) 5\n", "\nEnd.\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page:\n%s", want, page)
		}
	}
	for _, none := range []string{"{{", "{%", "include", "conditional", "Tip: Params", "Tip:  ("} {
		if strings.Contains(page, none) {
			t.Errorf("%q in the page:\n%s", none, page)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/params.txt\r\n"); !strings.Contains(text, "Note: Back up first.") || !strings.Contains(text, "The cat sleeps.") {
		t.Errorf("the gopher text:\n%s", text)
	}
	_, _, many := servetest.GeminiGet(t, d, "/posts/many.gmi")
	if n := strings.Count(many, long); n < 1 || n > 5 || !strings.Contains(many, "End.") {
		t.Errorf("the parameter shown %d times (the room: 1 to 5):\n%.300s", n, many)
	}
	var variable, logic, room int
	for _, w := range d.Store().Warnings {
		switch {
		case strings.Contains(w.Error(), "{% include tip.md %}") && strings.Contains(w.Error(), "text is a variable"):
			variable++
		case strings.Contains(w.Error(), "{% include cond.html %}") && strings.Contains(w.Error(), "not run"):
			logic++
		case strings.HasSuffix(w.File, "-many.md") && strings.Contains(w.Error(), "half the post's size"):
			room += max(w.More, 1)
		case strings.Contains(w.Error(), "include"):
			t.Errorf("a warning: %v", w)
		}
	}
	if variable != 1 || logic != 1 || room < 15 {
		t.Errorf("warnings: variable %d (want 1), logic %d (want 1), room %d (want 15 or more): %v", variable, logic, room, d.Store().Warnings)
	}
}

// Liquid's escape_once escapes what is not escaped yet: a parameter
// written with its entities ("Tom &amp; Jerry") shows as its text does
// in Jekyll's page, "Tom & Jerry", as one written without them. capsule
// escaped it again, and the page read "Tom &amp; Jerry".
func TestIncludeParameterEscapedOnce(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":         "title: t\n",
			"_includes/cast.html": "<p>Cast: {{ include.who | escape_once }}</p>\n",
			"_posts/2020-01-02-cast.md": "---\ntitle: Cast\n---\n{% include cast.html who=\"Tom &amp; Jerry &#38; <Spike>\" %}\n\n" +
				"{% include cast.html who=\"Tom & Jerry & <Spike>\" %}\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/cast.gmi")
	if n := strings.Count(page, "\nCast: Tom & Jerry & <Spike>\n"); n != 2 {
		t.Errorf("%d of the 2 casts shown as their text:\n%s", n, page)
	}
}

// {% include_relative file %}: a file of the post's own folder, as
// Jekyll reads it (Jekyll 4.3.1 builds "Relative text with t." and
// "Guide intro." in these pages); it was dropped, "includes are not
// available". A name with "..", a file leading outside the site, and a
// key are not read, warned of, nothing of them served.
func TestIncludeRelative(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("TOP-SECRET-TEXT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := testfs.Write(t, map[string]string{
		"_config.yml":             "title: t\n",
		"_posts/snippets/part.md": "Relative text with {{ site.title }}.\n",
		"_posts/snippets/key.pem": "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",
		"_drafts/unpublished.md":  "---\ntitle: U\n---\nDRAFT-TEXT\n",
		"docs/guide.md":           "---\ntitle: Guide\n---\nStart.\n\n{% include_relative parts/intro.md %}\n",
		"docs/parts/intro.md":     "Guide intro.\n",
		"_posts/2020-01-03-rel.md": "---\ntitle: Rel\n---\nStart.\n\n{% include_relative snippets/part.md %}\n\n" +
			"{% include_relative ../_drafts/unpublished.md %}\n\n{% include_relative out.md %}\n\n" +
			"{% include_relative snippets/key.pem %}\n\nEnd.\n",
	})
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "_posts", "out.md")); err != nil {
		t.Fatal(err)
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	_, _, page := servetest.GeminiGet(t, d, "/posts/rel.gmi")
	if !strings.Contains(page, "\nRelative text with t.\n") || !strings.Contains(page, "\nEnd.\n") {
		t.Errorf("the post:\n%s", page)
	}
	for _, none := range []string{"TOP-SECRET", "DRAFT-TEXT", "PRIVATE", "MIIB", "{%"} {
		if strings.Contains(page, none) {
			t.Errorf("%q in the post:\n%s", none, page)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/rel.txt\r\n"); !strings.Contains(text, "Relative text with t.") {
		t.Errorf("the gopher text:\n%s", text)
	}
	_, _, guide := servetest.GeminiGet(t, d, "/guide.gmi")
	if !strings.Contains(guide, "\nGuide intro.\n") {
		t.Errorf("the page:\n%s", guide)
	}
	var named, out, key int
	for _, w := range d.Store().Warnings {
		switch {
		case strings.Contains(w.Error(), "not one Jekyll takes"):
			named++
		case strings.Contains(w.Error(), "leads outside the site"):
			out++
		case strings.Contains(w.Error(), "key.pem") && strings.Contains(w.Error(), "never served"):
			key++
		}
	}
	if named != 1 || out != 1 || key != 1 {
		t.Errorf("warnings: name %d (want 1), outside %d (want 1), key %d (want 1): %v", named, out, key, d.Store().Warnings)
	}
}

// The warnings about a post's text after an include, or after Liquid's
// trimmed whitespace, name the post's own lines: an include's text is
// more lines than its tag, and a trimmed tag joins lines, which shifted
// every line told after them (the include's five lines told the link on
// line 8 as line 12). A warning about the include's own text names its
// tag's line.
func TestIncludeWarningLines(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":        "title: t\n",
			"_includes/three.md": "One.\n\nSee [inside](/missing-inside.png).\n\nFive.\n",
			"_posts/2020-01-01-lines.md": "---\ntitle: Lines\n---\nStart.\n\n" + // lines 1-5
				"{% include three.md %}\n\n" + // 6-7
				"[after](/missing-after.png)\n\n" + // 8-9
				"Joined {{- \"\" -}}\ntext.\n\n" + // 10-12
				"[later](/missing-later.png)\n", // 13
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/lines.gmi")
	if !strings.Contains(page, "Joinedtext.") || !strings.Contains(page, "Five.") {
		t.Fatalf("the page:\n%s", page)
	}
	want := map[string]int{"/missing-inside.png": 6, "/missing-after.png": 8, "/missing-later.png": 13}
	for _, w := range d.Store().Warnings {
		for target, line := range want {
			if strings.Contains(w.Error(), target) {
				if w.Line != line {
					t.Errorf("%s told on line %d, want %d: %v", target, w.Line, line, w)
				}
				delete(want, target)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("no warnings of %v: %v", want, d.Store().Warnings)
	}
}

package content

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

func TestControlCharactersReplaced(t *testing.T) {
	// ESC, BEL, BS, DEL, CSI (U+009B), NUL: TOML writes them as escapes.
	const controls = `\u001b[31m\u0007\u0008\u007f\u009b2J\u0000`
	dir := testfs.Write(t, map[string]string{
		"a.md": "+++\ntitle = \"a" + controls + "b\"\ndate = 2017-05-03\n" +
			"tags = [\"t" + controls + "\", \" line\\nbreak\\ttab \"]\nsummary = \"s" + controls + "\\r\\nu\"\n+++\n",
		"_index.md": "+++\ntitle = \"T" + controls + "\"\ndescription = \"D\\u0085E\"\nauthor = \"A\\u001b\"\nfavicon = \"\\u0007🌸\"\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	p := c.Posts[0]
	const r = "\uFFFD"
	if want := "a" + r + "[31m" + strings.Repeat(r, 4) + "2J" + r + "b"; p.Title != want {
		t.Errorf("title %q, want %q", p.Title, want)
	}
	if want := "t" + r + "[31m" + strings.Repeat(r, 4) + "2J" + r; len(p.Tags) != 2 || p.Tags[0] != want || p.Tags[1] != "line break tab" {
		t.Errorf("tags %q", p.Tags)
	}
	if p.Summary != "s"+r+"[31m"+strings.Repeat(r, 4)+"2J"+r+"  u" {
		t.Errorf("summary %q", p.Summary)
	}
	if m := c.Meta; m.Title != "T"+r+"[31m"+strings.Repeat(r, 4)+"2J"+r || m.Description != "D E" || m.Author != "A"+r || m.Favicon != r+"🌸" {
		t.Errorf("site %+v", m)
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain タイトル":               "plain タイトル",
		"\x1b[2J\x07\x08\x7f\x00":  "\uFFFD[2J\uFFFD\uFFFD\uFFFD\uFFFD",
		"a\u009bb\u0080c\u009fd":   "a\uFFFDb\uFFFDc\uFFFDd",
		"bad \xff\xfe utf-8":       "bad \uFFFD\uFFFD utf-8",
		" a\r\nb\tc\vd\fe\u2028f ": "a  b c d e f",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// A tag of control characters only is no tag: left out with a warning,
// the post kept with its other tags, "a/b" among them (a tag is text). An
// empty one, as archetypes leave them (tags = [""]), is absent.
func TestTagOfControlsOnlyIsLeftOut(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md": "+++\ntitle = \"x\"\ndate = 2017-05-03\ntags = [\"ok\", \"\", \" \\t \", \"\\u001b\\u0007\", \"a/b\"]\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 1 || !slices.Equal(c.Posts[0].Tags, []string{"ok", "a/b"}) {
		t.Fatalf("posts %v", c.Posts)
	}
	want := `a.md:4: front matter: tag "\x1b\a" is empty once its control characters are taken out: left out`
	if len(c.Warnings) != 1 || c.Warnings[0].Error() != filepath.Join(dir, want) {
		t.Errorf("warnings %v, want one: %s", c.Warnings, want)
	}
}

func TestLangIsALanguageTag(t *testing.T) {
	got := loadErrors(t, map[string]string{
		"a.md":      "+++\ntitle = \"x\"\ndate = 2017-05-03\nlang = \"ja\\r\\n20 text/html\"\n+++\n",
		"b.md":      "+++\ntitle = \"x\"\ndate = 2017-05-03\nlang = \"zh-Hant-TW\"\n+++\n",
		"_index.md": "+++\ntitle = \"x\"\n\nlang = \"ja;charset=latin1\"\n+++\n",
	}, LoadOptions{Settle: -1})
	want := []string{
		`_index.md:4: front matter: lang "ja;charset=latin1" is not a language tag`,
	}
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
	// A post's is ignored with a warning, the post in the site's
	// language: nothing of it reaches a header.
	c, _ := Load(testfs.Write(t, map[string]string{
		"_index.md": "+++\ntitle = \"x\"\nlang = \"ja\"\n+++\n",
		"a.md":      "+++\ntitle = \"x\"\ndate = 2017-05-03\nlang = \"ja\\r\\n20 text/html\"\n+++\n",
	}), LoadOptions{Settle: -1})
	if len(c.Posts) != 1 || c.Posts[0].Lang != "ja" || len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Msg, "is neither a language tag") {
		t.Errorf("posts %v, warnings %v", c.Posts, c.Warnings)
	}
}

func TestFileErrorEscapesControls(t *testing.T) {
	e := &FileError{File: "posts/x\n\x1b[31mfake.md", Line: 3, Msg: "bad \u009b\xff"}
	if got, want := e.Error(), `posts/x\x0a\x1b[31mfake.md:3: bad \u009b\xff`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := (&FileError{File: "日記.md", Msg: "ok"}).Error(); got != "日記.md: ok" {
		t.Errorf("clean name changed: %s", got)
	}
}

func TestYearOneDateIsADate(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"old.md":  "+++\ntitle = \"x\"\ndate = 0001-01-01\n+++\n",
		"str.md":  "+++\ntitle = \"y\"\ndate = \"0001-01-01\"\n+++\n",
		"page.md": "+++\ntitle = \"p\"\npage = true\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Posts {
		if !p.HasDate || p.Date.Format(time.DateOnly) != "0001-01-01" || !p.Updated.Equal(p.Date) {
			t.Errorf("%s: date %v (HasDate %v)", p.Slug, p.Date, p.HasDate)
		}
	}
	if len(c.Posts) != 2 || len(c.Pages) != 1 || c.Pages[0].HasDate {
		t.Errorf("posts %v, pages %v: want 2 posts and a page without a date", c.Posts, c.Pages)
	}
}

func TestEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	c, err := loadStrict(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Empty() || len(c.Warnings) != 1 || c.Warnings[0].File != dir || !strings.HasPrefix(c.Warnings[0].Msg, "no posts and no pages") {
		t.Errorf("empty folder: Empty() = %v, warnings %v", c.Empty(), c.Warnings)
	}
	dir = testfs.Write(t, map[string]string{"d.md": "+++\ntitle = \"x\"\ndate = 2017-05-03\ndraft = true\n+++\n", "notes.txt": "x"})
	c, err = loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Empty() || len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Msg, "(1 draft)") {
		t.Errorf("drafts only: Empty() = %v, warnings %v", c.Empty(), c.Warnings)
	}
	dir = testfs.Write(t, map[string]string{"a.md": goodPost})
	if c, err := loadStrict(dir, LoadOptions{Settle: -1}); err != nil || c.Empty() || len(c.Warnings) != 0 {
		t.Errorf("one post: Empty() = %v, warnings %v, error %v", c.Empty(), c.Warnings, err)
	}
	if _, err := loadStrict(dir+"/missing", LoadOptions{}); err == nil || err.Error() != dir+"/missing: the posts folder does not exist" {
		t.Errorf("missing folder: %v", err)
	}
}

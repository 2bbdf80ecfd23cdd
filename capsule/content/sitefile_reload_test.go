package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A site file broken on a reload keeps its last good settings and home
// page text, as a broken post keeps its last good version, until it is
// fixed: its title, language and text fell back to the defaults, every
// page of a Japanese blog made again in English for a typo. A load from
// nothing has nothing to keep: the defaults, and the problem.
func TestBrokenSiteFileKeepsItsLastSettings(t *testing.T) {
	good := "+++\ntitle = \"日々の記録\"\nlang = \"ja\"\ndescription = \"稽古の日記\"\n+++\nようこそ。\n"
	for _, tc := range []struct {
		name, posts string
		files       map[string]string
	}{
		{"capsule's own", "", map[string]string{SiteFile: good, "hello.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n"}},
		{"hugo", "content", map[string]string{"hugo.toml": "title = 'x'\n", "content/" + SiteFile: good,
			"content/posts/hello/index.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n"}},
	} {
		for _, broken := range []struct{ what, text string }{
			{"front matter", "+++\ntitle = = \"壊れた\"\n+++\n新しい文。\n"},
			{"too big", "+++\ntitle = \"大きい\"\n+++\n" + strings.Repeat("長い文。", 200) + "\n"},
		} {
			t.Run(tc.name+"/"+broken.what, func(t *testing.T) {
				root := testfs.Write(t, tc.files)
				testfs.Age(root, time.Now().Add(-time.Hour))
				dir := filepath.Join(root, tc.posts)
				site := filepath.Join(dir, SiteFile)
				opts := LoadOptions{Settle: -1, MaxPostSize: 1000}
				load := func(prev *Content) *Content {
					t.Helper()
					o := opts
					o.Previous = prev
					c, err := Load(dir, o)
					if err != nil {
						t.Fatal(err)
					}
					c.Forget()
					for _, p := range c.Unlisted {
						c.ForgetPost(p) // as a build forgets each post it renders
					}
					return c
				}
				siteProblem := func(c *Content) *FileError {
					for _, e := range c.Problems {
						if e.File == site {
							return e
						}
					}
					return nil
				}
				first := load(nil)
				if first.Meta.Title != "日々の記録" || first.Meta.Lang != "ja" || len(first.Unlisted) != 1 {
					t.Fatalf("the good site file loads as %+v, %d home texts", first.Meta, len(first.Unlisted))
				}
				writeHourOld(t, site, broken.text)
				next := load(first)
				if next.Meta != first.Meta {
					t.Errorf("a reload with the site file broken has %+v, not the last good %+v", next.Meta, first.Meta)
				}
				if len(next.Unlisted) != 1 || next.Unlisted[0] != first.Unlisted[0] {
					t.Errorf("a reload with the site file broken has home texts %q, not the last good one", slugsOf(next.Unlisted))
				}
				if e := siteProblem(next); e == nil || !strings.HasSuffix(e.Msg, StillServedNote) {
					t.Errorf("the broken site file's problem is %v: want it said, its previous version still served", e)
				}
				if n := len(next.Problems); n != 1 {
					t.Errorf("%d problems, want the site file's alone: %v", n, next.Problems)
				}
				again := load(next) // nothing changed since: still the last good settings
				if again.Meta != first.Meta || len(again.Unlisted) != 1 || siteProblem(again) == nil {
					t.Errorf("a second reload, still broken, has %+v, %d home texts, problem %v", again.Meta, len(again.Unlisted), siteProblem(again))
				}
				fresh := load(nil)
				if fresh.Meta.Title == first.Meta.Title || len(fresh.Unlisted) != 0 {
					t.Errorf("a load from nothing kept settings it never read: %+v", fresh.Meta)
				}
				if e := siteProblem(fresh); e == nil || strings.HasSuffix(e.Msg, StillServedNote) {
					t.Errorf("a load from nothing says %v of the broken site file", e)
				}
				writeHourOld(t, site, "+++\ntitle = \"直した\"\nlang = \"ja\"\n+++\n")
				fixed := load(again)
				if fixed.Meta.Title != "直した" || len(fixed.Unlisted) != 0 || siteProblem(fixed) != nil {
					t.Errorf("once fixed: %+v, %d home texts, problem %v", fixed.Meta, len(fixed.Unlisted), siteProblem(fixed))
				}
			})
		}
	}
}

// The site file's last good version is all of it: a breakage the posts'
// decoding does not see (a key of the site's alone, author = 5) keeps
// the last good home page text, not the broken file's; a fix that edits
// only the text afterwards is the file as it reads, as a load from
// nothing makes it; the cascade the file hands down stays; and a
// language it does not set is the options', as they are now.
func TestBrokenSiteFileKeepsAllOfItsLastVersion(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.toml":                    "title = 'x'\n",
		"content/" + SiteFile:          "+++\ntitle = \"日々\"\n[cascade]\ntags = [\"日記\"]\n+++\nようこそ。\n",
		"content/posts/hello/index.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n",
	})
	testfs.Age(root, time.Now().Add(-time.Hour))
	dir := filepath.Join(root, "content")
	site := filepath.Join(dir, SiteFile)
	load := func(prev *Content, lang string) *Content {
		t.Helper()
		c, err := Load(dir, LoadOptions{Settle: -1, Previous: prev, Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	homeText := func(c *Content) string {
		for _, p := range c.Unlisted {
			if p.Home {
				return string(p.Body)
			}
		}
		return ""
	}
	tags := func(c *Content) string {
		if len(c.Posts) != 1 {
			t.Fatalf("%d posts", len(c.Posts))
		}
		return strings.Join(c.Posts[0].Tags, ",")
	}
	first := load(nil, "ja")
	if first.Meta.Lang != "ja" || tags(first) != "日記" || !strings.Contains(homeText(first), "ようこそ") {
		t.Fatalf("the good site file loads as %+v, tags %q, home %q", first.Meta, tags(first), homeText(first))
	}

	// A key of the site's alone broken (the posts' decoding of the file
	// does not see it), and the text edited with it.
	writeHourOld(t, site, "+++\ntitle = \"日々\"\nauthor = 5\n[cascade]\ntags = [\"日記\"]\n+++\n新しい文。\n")
	broken := load(first, "ja")
	if got := homeText(broken); !strings.Contains(got, "ようこそ") || broken.Meta.Title != "日々" {
		t.Errorf("with author = 5 and the text edited, the home page text is %q (title %q), not the last good one", got, broken.Meta.Title)
	}
	// Broken so again, with an alias; then fixed by editing the text
	// alone: what a load from nothing makes of it.
	writeHourOld(t, site, "+++\ntitle = \"日々\"\naliases = [\"/old-home\"]\nauthor = 5\n[cascade]\ntags = [\"日記\"]\n+++\nようこそ。\n")
	broken = load(broken, "ja")
	writeHourOld(t, site, "+++\ntitle = \"日々\"\naliases = [\"/old-home\"]\n[cascade]\ntags = [\"日記\"]\n+++\n直した。\n")
	fixed, fresh := load(broken, "ja"), load(nil, "ja")
	if !Same(fixed, fresh) {
		t.Errorf("once fixed, the reload differs from a load from nothing: home %q aliases %v; fresh %q %v",
			homeText(fixed), fixed.Unlisted[0].Aliases, homeText(fresh), fresh.Unlisted[0].Aliases)
	}
	// A syntax error: the cascade is not read, the last good one stays.
	writeHourOld(t, site, "+++\ntitle = = \"日々\"\n[cascade]\ntags = [\"雑記\"]\n+++\n新しい文。\n")
	broken = load(fixed, "ja")
	if tags(broken) != "日記" || !strings.Contains(homeText(broken), "直した") {
		t.Errorf("with the site file's syntax broken, tags %q and home %q: want the last good cascade and text", tags(broken), homeText(broken))
	}
	// A language the file does not set is the options', as they are now.
	broken = load(broken, "fr")
	if broken.Meta.Title != "日々" || broken.Meta.Lang != "fr" {
		t.Errorf("kept settings %+v: want the last good title, and the language of the options now (the file sets none)", broken.Meta)
	}
}

// A breakage the posts' decoding of the site file does not see (a key of
// the site's alone: author = 5) keeps the last good home page text, not
// the broken file's with its text edited; and a fix that then edits the
// text alone is the file as it reads, as a load from nothing makes it.
func TestSiteFileBrokenForTheSiteAlone(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		SiteFile:   "+++\ntitle = \"日々\"\nlang = \"ja\"\nlayout = \"home\"\n+++\nようこそ。\n",
		"hello.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n",
	})
	testfs.Age(dir, time.Now().Add(-time.Hour))
	site := filepath.Join(dir, SiteFile)
	home := func(c *Content) *Post {
		for _, p := range c.Unlisted {
			if p.Home {
				return p
			}
		}
		t.Fatal("no home page text")
		return nil
	}
	first := loadAfter(t, dir, nil)
	writeHourOld(t, site, "+++\ntitle = \"日々\"\nlang = \"ja\"\nauthor = 5\n+++\n新しい文。\n")
	broken := loadAfter(t, dir, first)
	if got := string(home(broken).Body); got != "ようこそ。\n" {
		t.Errorf("with author = 5 and the text edited, the home page text is %q, not the last good one", got)
	}
	writeHourOld(t, site, "+++\ntitle = \"日々\"\nlang = \"ja\"\naliases = [\"/old-home\"]\nauthor = 5\n+++\nようこそ。\n")
	broken = loadAfter(t, dir, broken)
	writeHourOld(t, site, "+++\ntitle = \"日々\"\nlang = \"ja\"\naliases = [\"/old-home\"]\nlayout = \"home\"\n+++\n直した。\n")
	fixed, fresh := loadAfter(t, dir, broken), loadAfter(t, dir, nil)
	if !Same(fixed, fresh) {
		t.Errorf("fixed by its text alone, the reload differs from a load from nothing: home %q aliases %v; fresh %q %v",
			home(fixed).Body, home(fixed).Aliases, home(fresh).Body, home(fresh).Aliases)
	}
}

// writeHourOld writes text to path, dated an hour back: older than
// RacyWindow, as an author's file is by the next reload.
func writeHourOld(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
}

// A language's own site file (_index.<code>.md) broken on a reload keeps
// its last good title, description and home page text, as the site
// file does.
func TestBrokenLanguageSiteFileKeepsItsLastSettings(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.toml":                 "title = \"ブログ\"\ndefaultContentLanguage = \"ja\"\n[languages.ja]\nweight = 1\n[languages.en]\ntitle = \"Blog\"\nweight = 2\n",
		"content/_index.en.md":      "---\ntitle: English notes\ndescription: Notes in English\n---\n\nWelcome to the English side.\n",
		"content/posts/hello.md":    "+++\ntitle = \"こんにちは\"\ndate = 2020-01-01\n+++\n本文。\n",
		"content/posts/hello.en.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n",
	})
	testfs.Age(root, time.Now().Add(-time.Hour))
	dir := filepath.Join(root, "content")
	site := filepath.Join(dir, "_index.en.md")
	english := func(c *Content) (title, desc, home string) {
		for _, l := range c.Languages {
			if l.Code == "en" {
				title, desc = l.Title, l.Description
			}
		}
		for _, p := range c.Unlisted {
			if p.Home && p.File == site {
				home = string(p.Body)
			}
		}
		return title, desc, home
	}
	first := loadAfter(t, dir, nil)
	title, desc, home := english(first)
	if title != "English notes" || desc != "Notes in English" || !strings.Contains(home, "Welcome") {
		t.Fatalf("the good file loads as %q, %q, home %q", title, desc, home)
	}
	writeHourOld(t, site, "---\ntitle: [English notes\n---\n\nA new welcome.\n")
	next := loadAfter(t, dir, first)
	if t2, d2, h2 := english(next); t2 != title || d2 != desc || h2 != home {
		t.Errorf("a reload with the file broken has %q, %q, home %q: want the last good ones", t2, d2, h2)
	}
	var problems []string
	for _, e := range next.Problems {
		if e.File == site {
			problems = append(problems, e.Msg)
		}
	}
	if len(problems) != 1 || !strings.HasSuffix(problems[0], StillServedNote) {
		t.Errorf("the broken file's problems are %q: want one, saying its previous version is still served", problems)
	}
	again := loadAfter(t, dir, next)
	if t2, d2, h2 := english(again); t2 != title || d2 != desc || h2 != home {
		t.Errorf("a second reload, still broken, has %q, %q, home %q", t2, d2, h2)
	}
	if t2, d2, h2 := english(loadAfter(t, dir, nil)); t2 == title || d2 == desc || h2 != "" {
		t.Errorf("a load from nothing kept what it never read: %q, %q, home %q", t2, d2, h2)
	}
	writeHourOld(t, site, "---\ntitle: Fixed\n---\n")
	if t2, _, h2 := english(loadAfter(t, dir, again)); t2 != "Fixed" || h2 != "" {
		t.Errorf("once fixed: %q, home %q", t2, h2)
	}
}

// loadAfter loads dir from prev (nil for a load from nothing), without
// waiting for files to settle.
func loadAfter(t *testing.T, dir string, prev *Content) *Content {
	t.Helper()
	c, err := Load(dir, LoadOptions{Settle: -1, Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

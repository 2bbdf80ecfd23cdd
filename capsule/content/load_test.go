package content

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

const goodPost = "+++\ntitle = \"_・)やあ\"\ndate = 2017-05-03\n+++\n\n本文です。\n"

// What Hugo and Jekyll accept loads, with their meaning: a post without a
// title takes its slug's words (Jekyll), one titled "" is a note shown by
// its first words, one without a date is a page, empty values are absent,
// and a misspelt key warns, unless it could publish what its author kept
// back.
func TestLenientFrontMatter(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"codeblocks-ahoy.md": "---\nlayout: post\ndate: 2016-05-19\n---\nbody\n",
		"note.md":            "---\ntitle: ''\ndate: 2016-05-20\n---\n今日は雨でした。傘を持って出かけたのに、駅に着くころには晴れていました。明日は晴れるでしょうか。\n",
		"links.md":           "---\ntitle: Links\n---\n- [a](https://example.org)\n",
		"empty.md":           "---\ntitle: Empty values\ndate: 2016-05-21\ndescription:\ntags:\nsummary: ''\n---\nbody\n",
		"typo.md":            "---\ntitle: Typo\ndate: 2016-05-22\ndescritpion: a summary\n---\nbody\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, p := range c.Posts {
		titles[p.Slug] = p.Title
	}
	for _, p := range c.Pages {
		titles["page "+p.Slug] = p.Title
	}
	for slug, want := range map[string]string{
		"codeblocks-ahoy": "Codeblocks Ahoy",
		"note":            "今日は雨でした。傘を持って出かけたのに、駅に着くころには晴れていました。明日は晴…",
		"page links":      "Links",
		"empty":           "Empty values",
		"typo":            "Typo",
	} {
		if titles[slug] != want {
			t.Errorf("%s: title %q, want %q (all: %q)", slug, titles[slug], want, titles)
		}
	}
	var warns []string
	for _, w := range c.Warnings {
		warns = append(warns, strings.TrimPrefix(w.Error(), dir+string(filepath.Separator)))
	}
	for _, want := range []string{
		"links.md:1: no date: served as a page; give it a date (e.g. date: 2017-05-03) to make it a post",
		"typo.md:4: unknown key descritpion: did you mean description?",
	} {
		if !slices.Contains(warns, want) {
			t.Errorf("no warning %q in %q", want, warns)
		}
	}
}

func TestLoadBrokenPosts(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each a "file:line: message" prefix, file relative to the folder
	}{
		{
			name:  "bad TOML",
			files: map[string]string{"a.md": "+++\ntitle = \"x\"\ndate = 2017-05-03\ntags = [\"a\",\n+++\nbody\n"},
			want:  []string{"a.md:4: front matter:"}, // the line where the array opens
		},
		{
			name:  "unterminated string",
			files: map[string]string{"a.md": "+++\ndate = 2017-05-03\ntitle = \"x\n+++\n"},
			want:  []string{"a.md:3: front matter:"},
		},
		{
			name:  "bad date string",
			files: map[string]string{"a.md": "+++\ntitle = \"x\"\n\ndate = \"yesterday\"\n+++\n"},
			want:  []string{`a.md:4: front matter: date "yesterday" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00`},
		},
		{
			name:  "date of wrong type",
			files: map[string]string{"a.md": "+++\ntitle = \"x\"\ndate = 20170503\n+++\n"},
			want:  []string{"a.md:3: date must be a date, e.g. date = 2017-05-03"},
		},
		{
			name:  "no front matter",
			files: map[string]string{"a.md": "# title\n\nbody\n"},
			want:  []string{"a.md:1: missing front matter"},
		},
		{
			name:  "front matter not closed",
			files: map[string]string{"a.md": "+++\ntitle = \"x\"\ndate = 2017-05-03\n\nbody\n"},
			want:  []string{"a.md:1: front matter is not closed"},
		},
		{
			name: "every broken post reported",
			files: map[string]string{
				"a.md":    "+++\ntitle = \"x\"\ndate = \"yesterday\"\n+++\n",
				"b.md":    "+++\ndate = 2017-05-03\ndraf = true\n+++\n",
				"c.md":    "no front matter\n",
				"good.md": goodPost,
			},
			want: []string{`a.md:3: front matter: date "yesterday" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00`, "b.md:3: unknown key draf: did you mean draft? (the post is left out", "c.md:1: missing front matter"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Write(t, tt.files)
			c, err := loadStrict(dir, LoadOptions{Settle: -1}) // just written: do not wait for it to settle
			if err == nil {
				t.Fatalf("Load succeeded with %d posts; want errors %q", len(c.Posts), tt.want)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T (%v), want an ErrorList", err, err)
			}
			if len(list) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(tt.want), err)
			}
			for i, e := range list {
				want := filepath.Join(dir, tt.want[i])
				if !strings.HasPrefix(e.Error(), want) {
					t.Errorf("error %d:\n got %s\nwant %s…", i, e, want)
				}
			}
		})
	}
}

// Two posts with one slug are two posts, as they are to Hugo and Jekyll:
// the oldest keeps it, the other is served after its date (or its
// folders), with a warning naming both files. Jekyll's index.md posts of
// several dates, the same name in two sections: none is refused.
func TestDuplicateSlugsBothServed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"2017-05-03-hello.md": goodPost,
		"other.md":            "+++\ntitle = \"y\"\ndate = 2017-05-04\nslug = \"2017-05-03-hello\"\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil || slugsOf(c.Posts) != "2017-05-04-2017-05-03-hello,2017-05-03-hello" {
		t.Fatalf("%v, posts %s", err, slugsOf(c.Posts))
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Error(), "other.md:1: slug \"2017-05-03-hello\" is also "+filepath.Join(dir, "2017-05-03-hello.md")+"'s: served as \"2017-05-04-2017-05-03-hello\"") {
		t.Errorf("warnings %v", c.Warnings)
	}
	jekyll := testfs.Write(t, map[string]string{
		"_config.yml":                "title: J\n",
		"_posts/2011-06-08-index.md": "---\ntitle: A\n---\n",
		"_posts/2013-05-24-index.md": "---\ntitle: B\n---\n",
		"_posts/2013-05-24-Index.md": "---\ntitle: C\n---\n",
	})
	c, err = loadStrict(jekyll, LoadOptions{Settle: -1})
	if err != nil || slugsOf(c.Posts) != "2013-05-24-index,Index,index" {
		t.Errorf("%v, posts %s", err, slugsOf(c.Posts))
	}
	// A draft never moves a published post: it yields the slug, whatever
	// its date (it took it, and the oldest post moved to
	// /posts/_posts-index).
	drafted := testfs.Write(t, map[string]string{
		"_config.yml":                 "title: J\n",
		"_posts/2024-01-01-index.md":  "---\ntitle: A\n---\n",
		"_posts/2024-02-01-index.md":  "---\ntitle: B\n---\n",
		"_drafts/2023-04-01-index.md": "---\ntitle: D\n---\n",
	})
	c, err = loadStrict(drafted, LoadOptions{Settle: -1})
	if err != nil || slugsOf(c.Posts) != "2024-02-01-index,index" || slugsOf(c.Drafts) != "_drafts-index" {
		t.Errorf("%v, posts %s, drafts %s", err, slugsOf(c.Posts), slugsOf(c.Drafts))
	}
	for _, w := range c.Warnings {
		if strings.Contains(w.File, "_posts") && strings.Contains(w.Msg, "_drafts") {
			t.Errorf("a published post yields to a draft: %v", w)
		}
	}
	hugo := testfs.Write(t, map[string]string{
		"hugo.toml":             "title = 'H'\n[params]\nmainSections = ['en', 'fr']\n",
		"content/en/contact.md": "---\ntitle: Contact\ndate: 2020-01-01\n---\n",
		"content/fr/contact.md": "---\ntitle: Contact\ndate: 2020-01-01\n---\n",
	})
	c, err = loadStrict(hugo, LoadOptions{Settle: -1})
	if err != nil || slugsOf(c.Posts) != "contact,fr-contact" {
		t.Errorf("%v, posts %s", err, slugsOf(c.Posts))
	}
}

func TestLoadFrontMatter(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	dir := testfs.Write(t, map[string]string{
		// CRLF and a byte-order mark, as Windows editors write them.
		"bare-date.md": "\ufeff+++\r\ntitle = \"_・)やあ\"\r\ndate = 2017-05-03\r\ntags = [\"日記\", \"WiMAX\"]\r\n+++\r\n\r\n本文\r\n",
		"string.md":    "+++\ntitle = \"s\"\ndate = \"2015-12-09\"\nlang = \"en\"\nslug = \"custom\"\n+++\n",
		"datetime.md":  "+++\ntitle = \"d\"\ndate = 2014-05-10T08:30:00Z\n+++\n",
		"local-dt.md":  "+++\ntitle = \"l\"\ndate = 2014-05-05T21:00:00\nsummary = \"要約\"\n+++\n",
		"draft.md":     "+++\ntitle = \"draft\"\ndate = 2020-01-01\ndraft = true\n+++\n",
		"unknown.md":   "+++\ntitle = \"u\"\ndate = 2010-01-01\n\nplace = \"me\"\n+++\n",
		"notes.txt":    "not a post",
		"_index.md":    "+++\ntitle = \"Site\"\ndescription = \"説明\"\nlang = \"ja\"\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Location: tokyo})
	if err != nil {
		t.Fatal(err)
	}
	if c.Meta != (SiteMeta{Title: "Site", Description: "説明", Lang: "ja"}) {
		t.Errorf("site meta = %+v", c.Meta)
	}
	got := map[string]*Post{}
	var order []string
	for _, p := range c.Posts {
		got[p.Slug] = p
		order = append(order, p.Slug)
	}
	wantOrder := "custom,datetime,local-dt,unknown" // newest first; the draft left out
	if strings.Join(order[1:], ",") != wantOrder || order[0] != "bare-date" {
		t.Errorf("order = %v, want bare-date,%s", order, wantOrder)
	}
	bare := got["bare-date"]
	if want := time.Date(2017, 5, 3, 0, 0, 0, 0, tokyo); !bare.Date.Equal(want) || bare.Date.Location() != tokyo {
		t.Errorf("bare date = %v, want %v", bare.Date, want)
	}
	if bare.Title != "_・)やあ" || strings.Join(bare.Tags, "|") != "日記|WiMAX" || bare.Lang != "ja" {
		t.Errorf("bare-date post = %+v", bare)
	}
	if string(bare.Body) != "\n本文\n" || bare.BodyLine != 6 {
		t.Errorf("body %q from line %d, want %q from line 6", bare.Body, bare.BodyLine, "\n本文\n")
	}
	if s := got["custom"]; s == nil || s.Lang != "en" || !s.Date.Equal(time.Date(2015, 12, 9, 0, 0, 0, 0, tokyo)) {
		t.Errorf("string-dated post = %+v", s)
	}
	if d := got["datetime"]; !d.Date.Equal(time.Date(2014, 5, 10, 8, 30, 0, 0, time.UTC)) {
		t.Errorf("datetime = %v", d.Date)
	}
	if l := got["local-dt"]; !l.Date.Equal(time.Date(2014, 5, 5, 21, 0, 0, 0, tokyo)) || l.Summary != "要約" {
		t.Errorf("local datetime post = %v %q", l.Date, l.Summary)
	}
	if len(c.Warnings) != 1 || !strings.HasSuffix(c.Warnings[0].File, "unknown.md") || c.Warnings[0].Line != 5 {
		t.Errorf("warnings = %v, want one for unknown.md:5", c.Warnings)
	}
}

func TestLoadDefaultZoneIsUTC(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost})
	c, err := loadStrict(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := c.Posts[0].Date; d.Location() != time.UTC || d.Format(time.RFC3339) != "2017-05-03T00:00:00Z" {
		t.Errorf("date = %v in %v, want midnight UTC", d, d.Location())
	}
}

// A file without front matter is told how to give it a date in the
// syntax its generator's files take: YAML in a Hugo or Eleventy site
// (hugo new site's archetype, and most Hugo blogs, write it), not the
// TOML of capsule's own folder, whose example the author would copy
// between "---" lines.
func TestNoDateExampleWithoutFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		file  string
		eg    string
	}{
		{"hugo", map[string]string{"hugo.toml": "baseURL = \"https://example.org/\"\n", "content/posts/x.md": "Some text.\n"}, "content/posts/x.md", "date: 2017-05-03"},
		{"eleventy", map[string]string{"eleventy.config.js": "export default function (c) {}\n", "posts/x.md": "Some text.\n"}, "posts/x.md", "date: 2017-05-03"},
		{"capsule's own, with front matter", map[string]string{"x.md": "+++\ntitle = \"x\"\n+++\nSome text.\n"}, "x.md", "date = 2017-05-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testfs.Write(t, tc.files)
			c, err := Load(dir, LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			want := filepath.Join(dir, filepath.FromSlash(tc.file)) + ":1: no date: served as a page; give it a date (e.g. " + tc.eg + ") to make it a post"
			var got []string
			for _, w := range c.Warnings {
				got = append(got, w.Error())
			}
			if !slices.Contains(got, want) {
				t.Errorf("no warning %q in %q", want, got)
			}
		})
	}
}

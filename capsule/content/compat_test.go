package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

func mustParse(t *testing.T, src string, loc *time.Location) *Post {
	t.Helper()
	p, errs, _ := parsePost("a.md", NormalizeSource([]byte(src)), "a", loc, "ja", defaultFrontLimits)
	if len(errs) > 0 {
		t.Fatalf("%q: %v", src, ErrorList(errs))
	}
	return p
}

func TestDateForms(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	for _, tc := range []struct {
		front string // YAML value of date
		want  time.Time
	}{
		{"2017-05-03", time.Date(2017, 5, 3, 0, 0, 0, 0, tokyo)},
		{"2017-03-23T14:41:53+01:00", time.Date(2017, 3, 23, 13, 41, 53, 0, time.UTC)},
		{"2017-03-23T14:41:53Z", time.Date(2017, 3, 23, 14, 41, 53, 0, time.UTC)},
		{"2017-03-23 14:41:53 +0100", time.Date(2017, 3, 23, 13, 41, 53, 0, time.UTC)},
		{"2016-07-07 22:31 +0800", time.Date(2016, 7, 7, 14, 31, 0, 0, time.UTC)},
		{"2020-05-06 08:00:00", time.Date(2020, 5, 6, 8, 0, 0, 0, tokyo)},
		{"2020-05-06T08:00:00", time.Date(2020, 5, 6, 8, 0, 0, 0, tokyo)},
		{`"2017-05-03"`, time.Date(2017, 5, 3, 0, 0, 0, 0, tokyo)},
	} {
		for name, src := range map[string]string{
			"yaml": "---\ntitle: t\ndate: " + tc.front + "\n---\n",
			"json": "{\"title\": \"t\", \"date\": \"" + strings.Trim(tc.front, `"`) + "\"}\n",
		} {
			p := mustParse(t, src, tokyo)
			if !p.Date.Equal(tc.want) {
				t.Errorf("%s %s: date %v, want %v", name, tc.front, p.Date, tc.want)
			}
		}
	}
	// TOML native dates and datetimes, and the same strings.
	for src, want := range map[string]time.Time{
		"date = 2017-05-03":                           time.Date(2017, 5, 3, 0, 0, 0, 0, tokyo),
		"date = 2017-05-03T10:00:00":                  time.Date(2017, 5, 3, 10, 0, 0, 0, tokyo),
		"date = 2017-05-03T10:00:00+01:00":            time.Date(2017, 5, 3, 9, 0, 0, 0, time.UTC),
		`date = "2017-03-23 14:41:53 +0100"`:          time.Date(2017, 3, 23, 13, 41, 53, 0, time.UTC),
		`date = "2020-05-06 08:00:00"`:                time.Date(2020, 5, 6, 8, 0, 0, 0, tokyo),
		"date = 2000-01-01\npublishDate = 2017-05-03": time.Date(2017, 5, 3, 0, 0, 0, 0, tokyo),
	} {
		p := mustParse(t, "+++\ntitle = \"t\"\n"+src+"\n+++\n", tokyo)
		if !p.Date.Equal(want) {
			t.Errorf("toml %s: date %v, want %v", src, p.Date, want)
		}
	}
	p := mustParse(t, "---\ntitle: t\ndate: 2017-05-03\nlastmod: 2018-01-02\n---\n", time.UTC)
	if !p.Updated.Equal(time.Date(2018, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("lastmod: updated %v", p.Updated)
	}
}

func TestSamePostEverySyntax(t *testing.T) {
	toml := `+++
title = "_・)やあ"
date = 2017-05-03T10:00:00+09:00
tags = ["日記", "WiMAX"]
categories = ["日記", "旅"]
summary = "要約"
lang = "ja"
slug = "hello"
aliases = ["blog/old.html", "/2017/05/03/hello/"]
+++
本文
`
	yaml := `---
title: _・)やあ
date: 2017-05-03T10:00:00+09:00
tags: [日記, WiMAX]
categories: 日記 旅
description: 要約
language: ja
slug: hello
redirect_from:
  - /2017/05/03/hello/
permalink: /blog/old.html
layout: post
comments: true
---
本文
`
	json := `{
  "title": "_・)やあ",
  "date": "2017-05-03T10:00:00+09:00",
  "tags": ["日記", "WiMAX"],
  "categories": ["日記", "旅"],
  "summary": "要約",
  "lang": "ja",
  "slug": "hello",
  "aliases": ["/2017/05/03/hello/"],
  "url": "/blog/old.html",
  "params": {"toc": true}
}
本文
`
	var posts []*Post
	for _, src := range []string{toml, yaml, json} {
		p := mustParse(t, src, time.UTC)
		p.File, p.BodyLine, p.bodyAt, p.rel = "", 0, 0, "" // where the file is, and its text: not the syntax
		p.own, p.ownKey, p.ownLine = "", "", 0             // which key of each syntax held an alias
		p.hugoAliases = nil
		p.Layout, p.Brief = "", "" // the YAML's layout: post, a template its one line of text is under
		p.Date = p.Date.UTC()
		p.Updated = p.Updated.UTC()
		posts = append(posts, p)
	}
	want := &Post{Slug: "hello", Title: "_・)やあ", Date: time.Date(2017, 5, 3, 1, 0, 0, 0, time.UTC), HasDate: true,
		Updated: time.Date(2017, 5, 3, 1, 0, 0, 0, time.UTC), Tags: []string{"日記", "WiMAX", "旅"}, Summary: "要約", Lang: "ja",
		Aliases: []string{"/blog/old.html", "/2017/05/03/hello/"}, Body: []byte("本文\n"), fmSlug: "hello", categories: []string{"日記", "旅"}, keyTags: 2}
	for i, p := range posts {
		if !reflect.DeepEqual(p, want) {
			t.Errorf("syntax %d:\n got %+v\nwant %+v", i, p, want)
		}
	}
}

func TestPublishedFalseIsDraft(t *testing.T) {
	if p := mustParse(t, "---\ntitle: t\ndate: 2017-05-03\npublished: false\n---\n", time.UTC); !p.Draft {
		t.Error("published: false is not a draft")
	}
	if p := mustParse(t, "---\ntitle: t\ndate: 2017-05-03\npublished: true\ndraft: false\n---\n", time.UTC); p.Draft {
		t.Error("published: true is a draft")
	}
	if p := mustParse(t, "{\"title\": \"t\", \"date\": \"2017-05-03\", \"draft\": true}\n", time.UTC); !p.Draft {
		t.Error("JSON draft: true is not a draft")
	}
}

func TestMoreSummary(t *testing.T) {
	p := mustParse(t, "---\ntitle: t\ndate: 2017-05-03\n---\n最初の段落。\n続き。\n\n<!--more-->\n\n残り。\n", time.UTC)
	if p.Summary != "最初の段落。 続き。" {
		t.Errorf("summary %q", p.Summary)
	}
	p = mustParse(t, "---\ntitle: t\ndate: 2017-05-03\nexcerpt: 抜粋\n---\n前<!-- more -->後\n", time.UTC)
	if p.Summary != "抜粋" {
		t.Errorf("summary %q, want the excerpt key's", p.Summary)
	}
}

func TestAliasesNormalised(t *testing.T) {
	p := mustParse(t, "---\ntitle: t\ndate: 2017-05-03\naliases: old/one\nredirect_from: [\"/old/one\", \"https://example.com/blog/two.html\"]\n---\n", time.UTC)
	if want := []string{"/old/one", "/blog/two.html"}; !reflect.DeepEqual(p.Aliases, want) {
		t.Errorf("aliases %q, want %q", p.Aliases, want)
	}
}

func TestYAMLErrorLines(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: t\ndate: 2017-05-03\ntags: [a, b\nx: 1\n---\n": "a.md:5: front matter:",
		"---\ntitle: \"t\ndate: 2017-05-03\n---\n":                  "a.md:2: front matter:",
		"---\ntitle: t\ndate: 2017-05-03\ndraft: maybe\n---\n":      "a.md:4: draft must be true or false",
		"---\ntitle: t\ndate: yesterday\n---\n":                     `a.md:3: front matter: date "yesterday" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00`,
		"---\ntitle: t\ndate: 2017-05-03\nx: &a [1]\ny: *a\n---\n":  "a.md:4: front matter: YAML anchors",
		"{\n\"title\": \"t\",\n\"date\": 2017\n}\n":                 "a.md:3: date must be a date",
		"{\n\"title\": \"t\",\n\"date\" \"2017-05-03\"\n}\n":        "a.md:3: front matter: invalid character",
		"---\ntitle: t\ndate: 2017-05-03\n":                         `a.md:1: front matter is not closed: no "---" line`,
	} {
		_, errs, _ := parsePost("a.md", []byte(src), "a", time.UTC, "ja", defaultFrontLimits)
		if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), want) {
			t.Errorf("%q: errors %v, want %q…", src, ErrorList(errs), want)
		}
	}
}

func TestUnknownKeyOncePerSite(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c"} {
		files[n+".md"] = "---\ntitle: " + n + "\ndate: 2017-05-03\nlayout: post\nshowToc: true\nfoo_bar: 1\n---\n"
	}
	dir := testfs.Write(t, files)
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 1 || !strings.HasSuffix(c.Warnings[0].File, "a.md") || c.Warnings[0].Line != 6 ||
		c.Warnings[0].Msg != `unknown front matter key "foo_bar" ignored (in 3 files)` {
		t.Errorf("warnings %v", c.Warnings)
	}
}

// TestRunOnFrontMatter: Hugo takes what follows the opening "---" or
// "+++" on its line as the first line of front matter, and some blog
// tools write "---title: Hello".
func TestRunOnFrontMatter(t *testing.T) {
	for _, src := range []string{
		"---title: Hello\ndate: 2025-05-20\ntags: [a]\n---\nbody\n",
		"+++title = \"Hello\"\ndate = 2025-05-20\ntags = [\"a\"]\n+++\nbody\n",
	} {
		p := mustParse(t, src, time.UTC)
		if p.Title != "Hello" || !p.HasDate || !reflect.DeepEqual(p.Tags, []string{"a"}) || string(p.Body) != "body\n" || p.BodyLine != 5 {
			t.Errorf("%q: title %q, date %v, tags %q, body %q at line %d", src, p.Title, p.Date, p.Tags, p.Body, p.BodyLine)
		}
	}
	// Its lines are the file's: an error on line 1 is reported there.
	_, errs, _ := parsePost("a.md", []byte("---title: [a\ndate: 2025-05-20\n---\n"), "a", time.UTC, "en", defaultFrontLimits)
	if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), "a.md:") || strings.HasPrefix(errs[0].Error(), "a.md:1: missing") {
		t.Errorf("errors %v", ErrorList(errs))
	}
}

// TestMissingFrontMatterNamesItsSyntax: a file that tried YAML is not
// told to start with "+++".
func TestMissingFrontMatterNamesItsSyntax(t *testing.T) {
	for src, want := range map[string]string{
		"--- title: Hello\ndate: 2025-05-20\n---\n": `a.md:1: missing front matter: the file must start with a "---" line, then the YAML`,
		"title: Hello\ndate: 2025-05-20\n---\n":     `a.md:1: missing front matter: the file must start with a "---" line, then the YAML`,
		"# Hello\n":                                 `a.md:1: missing front matter: the file must start with a "+++" line (TOML) or a "---" line (YAML)`,
	} {
		_, errs, _ := parsePost("a.md", []byte(src), "a", time.UTC, "en", defaultFrontLimits)
		if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), want) {
			t.Errorf("%q: errors %v, want %q…", src, ErrorList(errs), want)
		}
	}
}

// LoveIt's, DoIt's and FixIt's front matter keys, as their content
// documentation lists them, are the theme's: no unknown-key warning. A
// key one letter from one capsule reads is still caught. (Found on
// Lruihao's FixIt blog, hugo-fixit's docs, ZhaoqiangCn's LoveIt blog and
// DoIt's exampleSite: 14 unknown-key warnings.)
func TestHugoThemeKeysQuiet(t *testing.T) {
	keys := []string{"lightgallery", "twemoji", "collections", "message", "ruby", "fraction", "fontawesome",
		"license", "library", "seo", "code", "mapbox", "reward", "featuredImagePreview", "authorLink",
		"linkToMarkdown", "linkToSource", "linkToEdit", "linkToReport", "rssFullText", "pageStyle", "page_style",
		"capitalize_titles", "summary_plainify", "end_flag", "endFlag", "instantPage", "collectionList",
		"collection_navigation", "expirationReminder", "heading", "repost", "titleIcon", "cardIcon",
		"shortTitle", "postSummary", "hiddenAdapters", "series_weight", "seriesNavigation", "sponsor",
		"hiddenFromRelated", "hidden_from_feed", "disableHLJS", "hideSummary", "searchHidden",
		"ShowRssButtonInSectionTermList", "UseHugoToc", "editPost", "ShowCodeCopyButtons", "disableAnchoredHeadings", "placeholder"}
	src := "---\ntitle: T\ndate: 2024-01-01\n"
	for _, k := range keys {
		src += k + ": x\n"
		if c := Closest(k, postKeys); c != "" {
			t.Errorf("theme key %s is a near miss of %s: it would hide a misspelling", k, c)
		}
	}
	p, errs, warns, unknown := parsePostKeys("a.md", []byte(src+"---\nbody\n"), "a", time.UTC, "en", defaultFrontLimits, postDefaults{hugo: true})
	if p == nil || len(errs) > 0 || len(warns) > 0 || len(unknown) > 0 {
		t.Errorf("errors %v, warnings %v, unknown %v", ErrorList(errs), ErrorList(warns), unknown)
	}
	for _, miss := range []string{"titel", "draf", "latmod", "tgas"} {
		_, errs, warns, _ := parsePostKeys("a.md", []byte("---\ntitle: T\ndate: 2024-01-01\n"+miss+": x\n---\nbody\n"), "a", time.UTC, "en", defaultFrontLimits, postDefaults{hugo: true})
		if all := append(errs, warns...); len(all) == 0 || !strings.Contains(all[0].Msg, "did you mean") {
			t.Errorf("%s: errors %v, warnings %v, want a misspelling", miss, ErrorList(errs), ErrorList(warns))
		}
	}
}

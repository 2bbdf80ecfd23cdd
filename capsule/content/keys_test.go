package content

import (
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

func TestClosest(t *testing.T) {
	known := []string{"title", "date", "updated", "tags", "summary", "slug", "lang", "draft", "page"}
	for key, want := range map[string]string{
		"titel": "title", "Title": "title", "TITLE": "title", "tilte": "title", "titl": "title",
		"draf": "draft", "drafts": "draft", "Draft": "draft", "tag": "tags", "Tags": "tags",
		"dat": "date", "data": "date", "summery": "summary", "update": "updated", "lnag": "lang",
		// Keys of other blog engines are not taken for known ones.
		"math": "", "type": "", "weight": "", "image": "", "author": "", "categories": "",
		"layout": "", "toc": "", "url": "", "k1": "", "": "", "タイトル": "",
		strings.Repeat("t", 100): "",
	} {
		if got := Closest(key, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", key, got, want)
		}
	}
	config := []string{"post_budget", "read_timeout", "max_conns_per_client", "gopher.width"}
	for key, want := range map[string]string{
		"post-budget": "post_budget", "postBudget": "post_budget", "read_timeuot": "read_timeout",
		"maxConnsPerClient": "max_conns_per_client", "gopher-width": "gopher.width", "budget": "",
	} {
		if got := Closest(key, config); got != want {
			t.Errorf("Closest(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestKeyName(t *testing.T) {
	for want, parts := range map[string][]string{
		"title":                {"title"},
		"gopher.width":         {"gopher", "width"},
		`"a b".c`:              {"a b", "c"},
		`"\x1b[2J"`:            {"\x1b[2J"},
		`"タイトル"`:               {"タイトル"},
		`gemini."listen.addr"`: {"gemini", "listen.addr"},
	} {
		if got := KeyName(parts...); got != want {
			t.Errorf("KeyName(%q) = %s, want %s", parts, got, want)
		}
	}
}

// A misspelt key warns, naming the key meant, at its line: Hugo and
// Jekyll ignore it, and so would the post's required value. A misspelt
// key that could keep the post back (draf = true) is an error: the post
// is left out until it is fixed.
func TestMisspeltKeys(t *testing.T) {
	files := map[string]string{
		"a.md":      "+++\ntitel = \"x\"\ndate = 2017-05-03\n+++\n",
		"b.md":      "+++\ntitle = \"x\"\ndate = 2017-05-03\ndraf = true\nTags = [\"a\"]\nmath = true\n+++\n",
		"c.md":      "+++\ntitle = \"x\"\ndat = 2017-05-03\n+++\n",
		"_index.md": "+++\ntitle = \"t\"\ndescripton = \"d\"\ncolour = \"red\"\n+++\n",
	}
	if got, want := loadErrors(t, files, LoadOptions{Settle: -1}), []string{
		`b.md:4: unknown key draf: did you mean draft? (the post is left out until it is fixed: it may be meant to stay unpublished)`,
	}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	dir := testfs.Write(t, files)
	c, _ := Load(dir, LoadOptions{Settle: -1})
	var warns []string
	for _, w := range c.Warnings {
		warns = append(warns, strings.TrimPrefix(w.Error(), dir+string(filepath.Separator)))
	}
	for _, want := range []string{
		`_index.md:3: unknown key descripton: did you mean description?`,
		`_index.md:4: unknown key "colour" ignored (the site's keys: title, description, lang, author, favicon)`,
		`a.md:2: unknown key titel: did you mean title?`,
		`c.md:3: unknown key dat: did you mean date?`,
	} {
		if !slices.Contains(warns, want) {
			t.Errorf("no warning %q in:\n%s", want, strings.Join(warns, "\n"))
		}
	}
	if len(c.Posts) != 1 || len(c.Pages) != 1 {
		t.Errorf("%d posts and %d pages; want a.md a post (titled from its slug), c.md a page (undated), b.md left out", len(c.Posts), len(c.Pages))
	}
}

// Every value of the wrong type is reported, each at its key's line (the
// "+++" is line 1), in the author's words, with an example.
func TestTypeErrorsAtTheirLines(t *testing.T) {
	post := "+++\ntitle = [\"a\"]\ndate = 12\ndraft = \"no\"\npage = 1\nsummary = 3\n" +
		"updated = true\nslug = 5\nlang = false\ntags = [[1], 2]\n+++\nbody\n"
	got := loadErrors(t, map[string]string{
		"a.md": post,
		// A byte-order mark and CRLF do not move the lines.
		"b.md":      "\ufeff+++\r\ntitle = \"x\"\r\n\r\ndate = 2017-05-03\r\ndraft = \"no\"\r\n+++\r\n",
		"c.md":      "+++\ntitle = \"x\"\ndate = 2017-05-03\ntags = \"日記, WiMAX\"\n+++\n",
		"d.md":      "+++\ntitle = \"x\"\ndate = 2017-05-03\ntags = { a = 1 }\n+++\n",
		"e.md":      "+++\ntitle = \"x\"\ndate = \"yesterday\"\ntitel = \"y\"\nupdated = 2017-05-03T09:00:00\n[page]\nx = 1\n+++\n",
		"_index.md": "+++\ntitle = 1\nlang = 2\nfavicon = [\"😊\"]\n+++\n",
	}, LoadOptions{Settle: -1})
	want := []string{
		`_index.md:2: title must be a string, e.g. title = "_・)Keep Smiling"`,
		`_index.md:3: lang must be a string, e.g. lang = "ja"`,
		`_index.md:4: favicon must be a string, e.g. favicon = "😊"`,
		`a.md:2: title must be a string, e.g. title = "Hello again"`,
		`a.md:3: date must be a date, e.g. date = 2017-05-03`,
		`a.md:4: draft must be true or false, e.g. draft = true`,
		`a.md:5: page must be true or false, e.g. page = true`,
		`a.md:6: summary must be a string, e.g. summary = "One line on what the post says"`,
		`a.md:8: slug must be a string, e.g. slug = "hello-again"`,
		`a.md:9: lang must be a string, e.g. lang = "ja"`,
		`a.md:10: tags must be a list of strings, e.g. tags = ["日記", "WiMAX"]`,
		`b.md:5: draft must be true or false, e.g. draft = true`,
		`c.md:4: tags "日記, WiMAX" is one string with commas: write a list, e.g. tags = ["日記", "WiMAX"] (a string is split at spaces)`,
		`d.md:4: tags must be a list of strings, e.g. tags = ["日記", "WiMAX"]`,
		`e.md:3: front matter: date "yesterday" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00`,
		`e.md:6: page must be true or false, e.g. page = true`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A string of tags is split at spaces, as Jekyll does.
func TestTagsAsAString(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md": "+++\ntitle = \"a\"\ndate = 2017-05-03\ntags = \"日記\"\n+++\n",
		"b.md": "+++\ntitle = \"b\"\ndate = 2017-05-04\ntags = \"日記 WiMAX\"\n+++\n",
		"c.md": "+++\ntitle = \"c\"\ndate = 2017-05-05\ntags = \" 日記\u3000WiMAX  Go \"\n+++\n",
		"d.md": "+++\ntitle = \"d\"\ndate = 2017-05-06\ntags = \"\"\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "日記", "b": "日記|WiMAX", "c": "日記|WiMAX|Go", "d": ""}
	for _, p := range c.Posts {
		if got := strings.Join(p.Tags, "|"); got != want[p.Slug] {
			t.Errorf("%s: tags %q, want %q", p.Slug, got, want[p.Slug])
		}
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
}

// A list of tags with an item left empty ("- " alone: aiandrox/blog's
// themes-guide posts, which Hugo publishes) has no tag there; a number is
// its text, as Hugo reads it. The posts were left out.
func TestTagsEmptyItemsAndNumbers(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md": "---\ntitle: a\ndate: 2018-11-15\ntags:\n- \n---\nText.\n",
		"b.md": "---\ntitle: b\ndate: 2018-11-16\ntags: [2019, go, \"\", null, true]\n---\nText.\n",
		"c.md": "+++\ntitle = \"c\"\ndate = 2018-11-17\ntags = [2020, \"日記\"]\n+++\nText.\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "", "b": "2019|go|true", "c": "2020|日記"}
	for _, p := range c.Posts {
		if got := strings.Join(p.Tags, "|"); got != want[p.Slug] {
			t.Errorf("%s: tags %q, want %q", p.Slug, got, want[p.Slug])
		}
	}
	if len(c.Posts) != 3 {
		t.Errorf("%d posts served, want 3", len(c.Posts))
	}
}

// Hugo's own example _index.md loads: the keys a section page holds
// (aliases, menu, cascade…) are nothing to the site and pass quietly.
func TestHugoSiteFileKeys(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_index.md": "---\ntitle: \"ブログ\"\naliases: [\"/home/\"]\nmenu: main\ncascade:\n  banner: x\ndate: 2020-01-01\n---\n",
		"a.md":      "+++\ntitle = \"x\"\ndate = 2017-05-03\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil || c.Meta.Title != "ブログ" {
		t.Errorf("load: %v, title %q", err, c.Meta.Title)
	}
}

// Character references in tags are decoded, as in titles and text.
func TestTagsEntitiesDecoded(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md": "---\ntitle: a\ndate: 2017-05-03\ntags: [\"R&amp;D\", \"&#x65E5;記\", \"a&nbsp;b\"]\n---\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Posts[0].Tags, "|"); got != "R&D|日記|a\u00a0b" {
		t.Errorf("tags %q", got)
	}
}

// A Hugo site's declared taxonomies are its front matter keys: known,
// though capsule serves only tags and categories. Another key still warns.
func TestHugoTaxonomyKeysKnown(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.toml":          "[taxonomies]\ntopic = \"topics\"\ntag = \"tags\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\ntopics: [go]\nserie: x\n---\n",
		"content/posts/b.md": "---\ntitle: B\ndate: 2024-01-02\nTopics: [go]\n---\n",
	})
	c, err := Load(root, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	w := ErrorList(c.Warnings).Error()
	if strings.Contains(w, "topics") || strings.Contains(w, "Topics") || !strings.Contains(w, `unknown front matter key "serie" ignored`) {
		t.Errorf("warnings: %s", w)
	}
}

// Each language's taxonomies count too, and a tag's or a category's key
// is read as tags (PaperMod's example site gives its French pages FRtags
// and FRcategories): they were warned of as misspelt, and the pages had
// no tags.
func TestHugoLanguageTaxonomiesAreTags(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.yaml": "defaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n    taxonomies:\n      tag: tags\n" +
			"  fr:\n    weight: 2\n    taxonomies:\n      category: FRcategories\n      tag: FRtags\n      series: FRseries\n",
		"content/posts/a.md":    "---\ntitle: A\ndate: 2024-01-01\ntags: [go]\n---\n",
		"content/posts/a.fr.md": "---\ntitle: A\ndate: 2024-01-01\nFRtags: [aller, venir]\nFRcategories: [code]\nFRseries: [x]\n---\n",
	})
	c, err := Load(root, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if w := ErrorList(c.Warnings).Error(); strings.Contains(strings.ToLower(w), "frtags") || strings.Contains(strings.ToLower(w), "frseries") {
		t.Errorf("warnings: %s", w)
	}
	tags := map[string]string{}
	for _, p := range c.Posts {
		tags[p.Lang] = strings.Join(slices.Sorted(slices.Values(p.Tags)), ",")
	}
	if tags["en"] != "go" || tags["fr"] != "aller,code,venir" {
		t.Errorf("tags %v", tags)
	}
}

// The front matter keys of Blowfish, a common Hugo theme, are the theme's
// (layout, decoration): accepted without a warning, as other themes'
// are. A real blog on it (danicat/danicat.dev) gave 20 lines of "unknown
// key" for them; the site's own keys (proficiencyLevel) are still said.
func TestBlowfishKeysQuiet(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.toml": "baseURL = \"https://x.org/\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\nshowDate: true\nshowAuthor: false\nheroStyle: big\n" +
			"showSummary: true\nseries_order: 2\nfeatureimage: a.png\nexternalUrl: \"\"\nsharingLinks: [x]\n" +
			"showTableOfContents: true\nshowHeadingAnchors: false\nlayoutBackgroundHeaderSpace: false\nproficiencyLevel: 3\n---\n",
	})
	c, err := Load(root, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range c.Warnings {
		got = append(got, w.Msg)
	}
	if len(got) != 1 || !strings.Contains(got[0], `"proficiencyLevel"`) {
		t.Errorf("warnings: %q; want proficiencyLevel's alone", got)
	}
}

// A key that is a word of its own, a letter or two from a key that keeps
// a post back (publisher: a zzo theme's publications), is not taken for
// its misspelling: the post is published, without a word (Hugo builds
// it). Jekyll's singular tag key names tags as its category key names
// categories, one term each, not split at spaces (Jekyll's
// pluralized_array_from_hash).
func TestWordsNearWithholdingKeysAndJekyllTag(t *testing.T) {
	files := map[string]string{
		"_config.yml":                "title: t\n",
		"_posts/2020-01-01-book.md":  "---\ntitle: Book\npublisher: \"Example Press\"\npublishers: [\"A\", \"B\"]\n---\nA book.\n",
		"_posts/2020-01-02-news.md":  "---\ntitle: News\ntag: [news, web]\n---\nNews.\n",
		"_posts/2020-01-03-other.md": "---\ntitle: Other\ntag: open source\ncategory: lab work\n---\nOther.\n",
	}
	c, err := Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) > 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
	tags := map[string][]string{}
	for _, p := range c.Posts {
		tags[p.Title] = p.Tags
	}
	want := map[string][]string{"Book": nil, "News": {"news", "web"}, "Other": {"open source", "lab work"}}
	if !reflect.DeepEqual(tags, want) {
		t.Errorf("tags %q, want %q", tags, want)
	}
}

// A site file whose first line is a setting (its front matter's
// delimiters left out) is still a problem that says so; one of text alone
// is the home page's text (TestHomePageTextWithoutFrontMatter).
func TestSiteFileOfSettingsWithoutDelimiters(t *testing.T) {
	for _, site := range []string{"title = \"Notes\"\ndescription = \"d\"\n", "title: Notes\n"} {
		files := map[string]string{"_index.md": site, "a.md": "+++\ntitle = \"a\"\ndate = 2017-05-03\n+++\nx\n"}
		if got := loadErrors(t, files, LoadOptions{Settle: -1}); len(got) != 1 || !strings.HasPrefix(got[0], "_index.md:1: missing front matter") {
			t.Errorf("%q: errors %q, want the site file's missing front matter", site, got)
		}
	}
}

// A date that dates an update alone (updated, lastmod) decides no
// publishing: one that is no date warns and is ignored, the post
// published (t-toyo's "lastmod: :git" in every post left the blog empty,
// which Hugo builds); Hugo's placeholders are no date, without a word.
func TestUpdateDatesThatAreNoDates(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"hugo.toml":          "title = \"t\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2020-11-19\nlastmod: :git\n---\nx\n",
		"content/posts/b.md": "---\ntitle: B\ndate: 2020-11-20\nlastmod: :fileModTime\n---\nx\n",
		"content/posts/c.md": "---\ntitle: C\ndate: 2020-11-21\nupdated: true\n---\nx\n",
		"content/posts/d.md": "---\ntitle: D\ndate: 2020-11-22\nlastmod: someday\n---\nx\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 4 {
		t.Errorf("%d posts, want 4", len(c.Posts))
	}
	for _, p := range c.Posts {
		if !p.Updated.Equal(p.Date) {
			t.Errorf("%s: updated %v, want its date", p.Title, p.Updated)
		}
	}
	var warned []string
	for _, w := range c.Warnings {
		warned = append(warned, filepath.Base(w.File)+":"+strconv.Itoa(w.Line))
	}
	if strings.Join(warned, " ") != "c.md:4 d.md:4" {
		t.Errorf("warnings %v, want c.md's and d.md's", c.Warnings)
	}
}

// A YAML anchor of a single value and its aliases are that value (TeXt's
// titles: {en: &EN About, en-GB: *EN}, its about page was left out);
// anchors of mappings and lists, whose aliases are copies that can make
// front matter grow without bound (a billion laughs), and merge keys are
// still refused, naming the line.
func TestYAMLAnchorsOfValues(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"_config.yml": "title: t\n",
		"about.md":    "---\nlayout: article\ntitle: &T About\ntitles:\n  en      : &EN About\n  en-GB   : *EN\ndescription: *T\n---\nAbout this site.\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Pages) != 1 || c.Pages[0].Title != "About" || c.Pages[0].Summary != "About" {
		t.Errorf("pages %v", c.Pages)
	}
	for name, front := range map[string]string{
		"laughs": "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n",
		"map":    "base: &base {draft: true}\nother: *base\n",
		"merge":  "base: &base {draft: true}\nother:\n  <<: *base\n",
	} {
		errs := loadErrors(t, map[string]string{"a.md": "---\ntitle: x\n" + front + "---\nx\n"}, LoadOptions{Settle: -1})
		if len(errs) != 1 || !strings.Contains(errs[0], "not supported") {
			t.Errorf("%s: errors %q, want the anchor refused", name, errs)
		}
	}
}

// Chirpy's keys are theme keys, accepted without a word: a post's pin:
// true (pinned on the theme's home page) and a tab's icon and order
// (_tabs/about.md), which warned as unknown keys on every Chirpy blog
// (heaths2.github.io: 5 warnings, none of them the author's mistake).
func TestChirpyKeysKnown(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: G\ntheme: jekyll-theme-chirpy\ncollections:\n  tabs:\n    output: true\n    permalink: /:title/\n",
		"_posts/2024-12-29-hello.md": "---\ntitle: Hello\npin: true\n---\n본문\n",
		"_tabs/about.md":             "---\nicon: fas fa-info-circle\norder: 4\n---\n소개\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 1 || len(c.Pages) != 1 {
		t.Fatalf("%d posts and %d pages, want 1 and 1", len(c.Posts), len(c.Pages))
	}
	for _, w := range c.Warnings {
		if w.Kind == kindUnknownKey || w.Kind == kindMisspelt {
			t.Errorf("warning: %v", w)
		}
	}
}

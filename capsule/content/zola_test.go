package content

import (
	"capsule/capsule/internal/testfs"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestZolaBody(t *testing.T) {
	sections := map[string]zolaSection{
		"":     {baseURL: "https://example.org"},
		"docs": {redirectTo: "docs/intro"},
	}
	for _, c := range []struct{ in, want string }{
		{`[a](@/blog/first.md#x)`, `[a](/blog/first.md#x)`},
		{`[a](@/docs/_index.md)`, `[a](/docs/intro/)`},
		{`[a](@/blog/_index.md)`, `[a](https://example.org/blog/)`},
		{"{% mermaid() %}\ngraph TD;\n    A-->B;\n{% end %}\n", "{{< mermaid >}}\ngraph TD;\n    A-->B;\n{{< /mermaid >}}\n"}, // a fenced block once expanded, as Hugo's
		{"{% note() %}\n{% mermaid() %}\nx\n{% end %}\nkept\n{% end %}\n", "\n{{< mermaid >}}\nx\n{{< /mermaid >}}\nkept\n\n"},
		{`[a](@/projects/_index.ca.md)`, `[a](https://example.org/ca/projects/)`}, // tabi's: another language's section
		{"[ref]: @/blog/first.md", "[ref]: /blog/first.md"},
		{`{{ youtube(id="abc", autoplay=true) }}`, `{{< youtube id="abc" >}}`},
		{`{{ gist(url="https://gist.github.com/u/123", file="a.go") }}`, `{{< gist "u" "123" "a.go" >}}`},
		{`{{ figure(src="/a.png", caption="A cat") }}`, `{{< figure src="/a.png" caption="A cat" >}}`},
		{`a {{ unknown(x=1) }} b`, `a  b`},
		{"{% note(kind=\"info\") %}\nkept\n{% end %}", "\nkept\n"},
		{`see {{/* youtube(id="x") */}}`, `see {{ youtube(id="x") }}`},
		{"`{{ youtube(id=\"x\") }}` and {{ youtube(id=\"y\") }} and ``@/a.md``", "`{{ youtube(id=\"x\") }}` and {{< youtube id=\"y\" >}} and ``@/a.md``"},
		{"```\n{{ youtube(id=\"x\") }} @/a.md\n```", "```\n{{ youtube(id=\"x\") }} @/a.md\n```"},
		// A call's arguments over several lines, as Zola's grammar allows
		// (shimopino's screenshots): one call, its lines kept blank.
		{"a\n{{ image(src=\"two.png\",\n         alt=\"multi-line\") }}\nb\n", "a\n{{< figure src=\"two.png\" alt=\"multi-line\" >}}\n\nb\n"},
		{"- item\n\n  {{ image(src=\"four.png\",\n           alt=\"in a list\") }}\n", "- item\n\n  {{< figure src=\"four.png\" alt=\"in a list\" >}}\n\n"},
		{"{% note(kind=\"info\",\n  title=\"T\") %}\nkept\n{% end %}", "\n\nkept\n"},
		{"{{ image(src=\"x.png\",\n\nnever closed", "{{ image(src=\"x.png\",\n\nnever closed"},
		// "@/" in a shortcode's path is the content folder's (normful's
		// about page), as in a link.
		{`{{ image(path="@/blog/a/cat.jpg", alt="cat") }}`, `{{< figure src="/blog/a/cat.jpg" alt="cat" >}}`},
		{`{{ figure(src="@/about/me.jpg", caption="me") }}`, `{{< figure src="/about/me.jpg" caption="me" >}}`},
		// tabi's: a fence with an info string inside a longer one is
		// code (what follows was shown as written); backticks in a call
		// that is its line's whole; an unknown one's text argument kept.
		{"````\n```\n```rust\n```\n````\n{{ youtube(id=\"y\") }}", "````\n```\n```rust\n```\n````\n{{< youtube id=\"y\" >}}"},
		{"{{ aside(text=\"set `x = true` in config\") }}\n", "set `x = true` in config\n"},
		// tabi's images (welpo/osc.garden: 54 in its English pages
		// alone, none shown): an unknown shortcode with a src is an
		// image of it, as Hugo's are; of two sources, the light
		// theme's or the default one.
		{`{{ full_width_image(src="https://cdn.example.org/modes.png", alt="tabi light and dark mode") }}`, `<img src="https://cdn.example.org/modes.png" alt="tabi light and dark mode">`},
		{`{{ dual_theme_image(light_src="img/light.png", dark_src="img/dark.png", alt="Screenshot of kawari") }}`, `<img src="img/light.png" alt="Screenshot of kawari">`},
		{`{{ image_toggler(default_src="a.webp", toggled_src="b.webp", default_alt="Before", toggled_alt="After") }}`, `<img src="a.webp" alt="Before">`},
		{`{{ dimmable_image(src="@/blog/a/chart.png", alt="a <b> & more", caption="Figure 1") }}`, `<figure><img src="/blog/a/chart.png" alt="a &lt;b&gt; &amp; more"><figcaption>Figure 1</figcaption></figure>`},
		{`{{ invertible_image(src="a b.png") }}`, ``}, // no image of a src with spaces: dropped
	} {
		got, _, _ := zolaBody([]byte(c.in), 1, sections)
		if string(got) != c.want {
			t.Errorf("zolaBody(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	_, dropped, images := zolaBody([]byte("x\n{{ a() }}\n{% b() %}y{% end %}\n{{ c(src=\"c.png\") }}"), 5, sections)
	if dropped["a"] != 6 || dropped["b"] != 7 || len(dropped) != 2 {
		t.Errorf("dropped = %v, want a at 6, b at 7", dropped)
	}
	if images["c"] != 8 || len(images) != 1 {
		t.Errorf("images = %v, want c at 8", images)
	}
}

func TestZolaLoad(t *testing.T) {
	c, err := Load(filepath.Join("..", "testdata", "zola-site"), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if c.Meta.Title != "Zola の庭" || c.Meta.Lang != "ja" || c.BaseURL() != "https://zola.example.org" {
		t.Errorf("meta %+v, base %q", c.Meta, c.BaseURL())
	}
	bySlug := map[string]*Post{}
	for _, p := range append(c.Posts, c.Pages...) {
		if p.Lang == "ja" {
			bySlug[p.Slug] = p
		}
	}
	first := bySlug["first"]
	if first == nil || strings.Join(first.Tags, ",") != "zola,日記,blog" {
		t.Fatalf("first: %+v", first)
	}
	if body := string(first.Body); !strings.Contains(body, "](/docs/overview.md#start)") || strings.Contains(body, "{{") || !strings.Contains(body, "引用の中の文です。") {
		t.Errorf("first's body:\n%s", body)
	}
	if p := bySlug["from-name"]; p == nil || p.Date.Format("2006-01-02") != "2023-02-03" {
		t.Errorf("from-name: %+v", p)
	}
	if p := bySlug["bundle"]; p == nil || p.Date.Format("2006-01-02") != "2023-05-01" || p.Page {
		t.Errorf("bundle: %+v", p)
	}
	if p := bySlug["blank-start"]; p == nil || p.BodyLine != 10 { // two blank lines, seven of front matter
		t.Errorf("blank-start: %+v", p)
	}
	for _, w := range c.Warnings {
		switch w.Kind {
		case kindUnknownKey, "duplicate slug":
			t.Errorf("warning: %v", w)
		}
	}
	// Translations (first.fr.md, the bundle's index.fr.md, about.fr.md)
	// are French pages of their own, at Zola's addresses.
	if len(c.Languages) != 2 || c.Languages[0].Code != "ja" || c.Languages[1].Dir != "/fr" || c.Languages[1].Title != "Le jardin Zola" {
		t.Errorf("languages: %+v", c.Languages)
	}
	fr := map[string]string{}
	for _, p := range slices.Concat(c.Posts, c.Pages) {
		if p.Lang == "fr" {
			fr[p.Slug] = strings.Join(p.Addresses, " ")
			if p.LangDir != "/fr" || len(p.Translations) != 1 || p.Translations[0].Lang != "ja" {
				t.Errorf("%s: dir %q, translations %+v", p.File, p.LangDir, p.Translations)
			}
		}
	}
	if want := map[string]string{"first": "/fr/blog/first/", "bundle": "/fr/blog/bundle/", "about": "/fr/about/"}; !maps.Equal(fr, want) {
		t.Errorf("French pages: %v, want %v", fr, want)
	}
	if len(c.Posts) != 7 || len(c.Pages) != 3 {
		t.Errorf("%d posts, %d pages", len(c.Posts), len(c.Pages))
	}
}

// A Zola site whose title is in its default language's table
// ([languages.en] beside default_language = "en": normful/blog) has that
// title and description; the top level's win when set.
func TestZolaDefaultLanguageTitle(t *testing.T) {
	for conf, want := range map[string]string{
		"default_language = \"en\"\n[languages.en]\ntitle = \"Norman's Blog\"\ndescription = \"Notes.\"\n[languages.ja]\ntitle = \"ノーマン\"\n": "Norman's Blog|Notes.",
		"title = \"Top\"\ndefault_language = \"en\"\n[languages.en]\ntitle = \"Norman's Blog\"\n":                                            "Top|",
	} {
		dir := testfs.Write(t, map[string]string{
			"config.toml":              "base_url = \"https://example.org\"\n" + conf,
			"content/blog/_index.md":   "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/hello.md":    "+++\ntitle = \"Hello\"\ndate = 2023-01-01\n+++\nHi.\n",
			"content/blog/hello.ja.md": "+++\ntitle = \"こんにちは\"\ndate = 2023-01-01\n+++\nやあ。\n",
		})
		c, err := Load(dir, LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Meta.Title + "|" + c.Meta.Description; got != want {
			t.Errorf("%s: title|description %q, want %q", conf, got, want)
		}
	}
}

// A section's own text, which Zola and Hugo show above its list, is named
// in a warning rather than lost in silence (zola-stevemyers' about/ was);
// the top's is the home page's, and a section that redirects has none.
// (A Zola section with text is a page, unless Zola renders it not,
// render = false: TestZolaSectionPage; so is a Hugo section of pages,
// and the posts' section's text is the one not served.)
func TestSectionTextWarned(t *testing.T) {
	want := map[string]string{"zola": "content/about/_index.md", "hugo": "content/posts/_index.md"}
	for name, files := range map[string]map[string]string{
		"zola": {
			"config.toml":             "base_url = \"https://z.example\"\ntitle = \"Z\"\n",
			"content/_index.md":       "+++\nsort_by = \"date\"\n+++\nHome text.\n",
			"content/about/_index.md": "+++\ntitle = \"About\"\nrender = false\n+++\nBuilder of software.\n",
			"content/about/me.md":     "+++\ntitle = \"Me\"\n+++\nMe.\n",
			"content/blog/_index.md":  "+++\nsort_by = \"date\"\n+++\n",
			"content/gone/_index.md":  "+++\nredirect_to = \"blog\"\n+++\nOld text.\n",
			"content/blog/a.md":       "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\na\n",
		},
		"hugo": {
			"hugo.toml":               "title = 'H'\n",
			"content/_index.md":       "---\ntitle: Home\n---\nHome text.\n",
			"content/about/_index.md": "---\ntitle: About\n---\nBuilder of software.\n",
			"content/posts/_index.md": "---\ntitle: Posts\n---\nWhat I write.\n",
			"content/posts/a.md":      "---\ntitle: A\ndate: 2024-01-01\n---\na\n",
		},
	} {
		dir := testfs.Write(t, files)
		c, err := loadStrict(dir, LoadOptions{Settle: -1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var named []string
		for _, w := range c.Warnings {
			if w.Kind == "section text not served" {
				named = append(named, filepath.ToSlash(w.File[len(dir)+1:]))
			}
		}
		if strings.Join(named, ",") != want[name] {
			t.Errorf("%s: warned of %q, want %s alone", name, named, want[name])
		}
	}
}

// A Zola page whose @/ links Load rewrote keeps its text through Forget:
// the file's text, which ReadBody would give back, is not what it
// renders. (A reviewer's find: a page rendered again after Forget showed
// its links as written.)
func TestZolaLinksKeptAfterForget(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml":            "base_url = \"https://z.example\"\ntitle = \"Z\"\n",
		"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
		"content/blog/a.md":      "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n[the blog](@/blog/_index.md)\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	c.Forget()
	p := c.Posts[0]
	if err := ReadBody(p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(p.Body), "https://z.example/blog/") {
		t.Errorf("after Forget, the page's text is %q", p.Body)
	}
}

// Zola makes a page's slug with [slugify] paths, "on" unless set: its
// name's (or front matter's slug) ASCII letters lower-cased, each run of
// anything else but digits one "-" (Zola's slugify_paths and the slug
// crate it calls; its own tests: "tes t" is tes-t on, "tes t" safe and
// off, "dot. " dot, dot, "dot. "). A real blog (yukimemi/zola-blog) named
// its posts 2013-05-27-first_tinkerer.md and "2014-06-29-All You Need Is
// Peco.md": capsule served them at /first_tinkerer/ and
// /All-You-Need-Is-Peco/, and a post's link to /all-you-need-is-peco/
// led nowhere.
func TestZolaSlugs(t *testing.T) {
	for _, c := range []struct{ in, on, safe string }{
		{"input", "input", "input"},
		{"test ", "test", "test"},
		{"tes t", "tes-t", "tes t"},
		{"dot. ", "dot", "dot"},
		{"All You Need Is Peco", "all-you-need-is-peco", "All You Need Is Peco"},
		{"Use minpac.vim", "use-minpac-vim", "Use minpac.vim"},
		{"first_tinkerer", "first-tinkerer", "first_tinkerer"},
		{"--a<b>:c\"d/e\\f|g?h*i--", "a-b-c-d-e-f-g-h-i", "--abcdefghi--"},
		{"Zola の庭・日記", "zola-の庭-日記", "Zola の庭・日記"},
	} {
		if got := zolaSlug(c.in, "on"); got != c.on {
			t.Errorf("on: %q is %q, want %q", c.in, got, c.on)
		}
		if got := zolaSlug(c.in, "safe"); got != c.safe {
			t.Errorf("safe: %q is %q, want %q", c.in, got, c.safe)
		}
		if got := zolaSlug(c.in, "off"); got != c.in {
			t.Errorf("off: %q is %q", c.in, got)
		}
	}
	files := map[string]string{
		"config.toml":       "base_url = \"https://example.org\"\ntitle = \"t\"\n",
		"content/_index.md": "+++\nsort_by = \"date\"\n+++\n",
		"content/2014-06-29-All You Need Is Peco.md": "+++\ntitle = \"Peco\"\n+++\nText.\n",
		"content/2017-09-17-Use minpac.vim.md":       "+++\ntitle = \"minpac\"\n+++\n[この記事](/all-you-need-is-peco/)\n",
		"content/2013-05-27-first_tinkerer.md":       "+++\ntitle = \"First\"\nslug = \"My First_Post\"\n+++\nText.\n",
		"content/2015-01-01-Bundle Name/index.md":    "+++\ntitle = \"Bundle\"\n+++\nText.\n",
		"content/2016-01-01-!!!.md":                  "+++\ntitle = \"Bangs\"\n+++\nText.\n",
	}
	for paths, want := range map[string][]string{
		"":     {"/all-you-need-is-peco/", "/use-minpac-vim/", "/my-first-post/", "/bundle-name/"},
		"on":   {"/all-you-need-is-peco/", "/use-minpac-vim/", "/my-first-post/", "/bundle-name/"},
		"safe": {"/All%20You%20Need%20Is%20Peco/", "/Use%20minpac.vim/", "/My%20First_Post/", "/Bundle%20Name/"},
	} {
		fs := maps.Clone(files)
		if paths != "" {
			fs["config.toml"] += "[slugify]\npaths = \"" + paths + "\"\n"
		}
		c, err := Load(testfs.Write(t, fs), LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range c.Posts {
			got = append(got, p.Addresses...)
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("paths %q: no post at %s: %v", paths, w, got)
			}
		}
		// A name with no letter or digit: capsule names it, and says so
		// naming it.
		said := false
		for _, w := range c.Warnings {
			said = said || strings.Contains(w.Msg, `"!!!" has no letter or digit`)
		}
		if paths != "safe" && !said {
			t.Errorf("paths %q: no warning names !!!: %v", paths, c.Warnings)
		}
		if paths != "safe" {
			for _, w := range c.Warnings {
				if strings.Contains(w.Msg, "all-you-need-is-peco") {
					t.Errorf("paths %q: %v", paths, w)
				}
			}
		}
	}
}

// A Zola section whose _index.md has text is a page, as Zola renders it
// at the section's address with that text (donkomura's serene About page,
// about/_index.md, was not served): its title and text, at the address
// capsule gives pages, its Zola address (its folder's path, as written)
// and its aliases redirecting, a translation (_index.fr.md) linked to it.
// A section with pages is one too, its text followed by their list
// (welpo/osc.garden's notes/_index.md; TestZolaSectionLists); one that
// redirects, is not rendered or has no text is no page.
func TestZolaSectionPage(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml":                           "base_url = \"https://z.example\"\ntitle = \"Z\"\ndefault_language = \"en\"\n[languages.fr]\ntitle = \"Zf\"\n",
		"content/blog/_index.md":                "+++\nsort_by = \"date\"\n+++\n",
		"content/blog/a.md":                     "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\na\n",
		"content/about/_index.md":               "+++\ntitle = \"About me\"\ntemplate = \"prose.html\"\naliases = [\"/me/\"]\n[extra]\nx = 1\n+++\nBuilder of software.\n",
		"content/about/_index.fr.md":            "+++\ntitle = \"À propos\"\n+++\nBâtisseur.\n",
		"content/about/photo.png":               "png",
		"content/2024-01-01-Old News/_index.md": "+++\ntitle = \"News\"\n+++\nNothing new.\n",
		"content/notes/_index.md":               "+++\ntitle = \"Notes\"\nsort_by = \"date\"\n+++\nMostly notes.\n",
		"content/notes/n.md":                    "+++\ntitle = \"N\"\ndate = 2024-02-01\n+++\nn\n",
		"content/gone/_index.md":                "+++\nredirect_to = \"blog\"\n+++\nOld text.\n",
		"content/hidden/_index.md":              "+++\nrender = false\n+++\nHidden.\n",
		"content/empty/_index.md":               "+++\ntitle = \"Empty\"\n+++\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.Pages {
		text, _, _ := strings.Cut(string(p.Body), "\n") // (its list after it: TestZolaSectionLists)
		got = append(got, fmt.Sprintf("%s %s %q %s %q", p.Lang, p.Slug, p.Title, strings.Join(p.Addresses, ","), text))
		if p.Slug == "about" && p.Lang == "en" && (len(p.Translations) != 1 || p.Translations[0].Dir != "/fr") {
			t.Errorf("about: translations %v", p.Translations)
		}
	}
	want := []string{
		`en 2024-01-01-old-news "News" /2024-01-01-Old%20News/ "Nothing new."`,
		`en about "About me" /about/ "Builder of software."`,
		`en notes "Notes" /notes/ "Mostly notes."`,
		`fr about "À propos" /fr/about/ "Bâtisseur."`,
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range c.Pages {
		if p.Slug == "about" && p.Lang == "en" && !slices.Contains(p.Aliases, "/me/") {
			t.Errorf("about: aliases %v", p.Aliases)
		}
	}
	var warned []string
	for _, w := range c.Warnings {
		warned = append(warned, w.Kind+": "+filepath.ToSlash(strings.TrimPrefix(w.File, dir)))
	}
	// (render = false: its text is served nowhere, warned of as before.)
	slices.Sort(warned)
	if !slices.Equal(warned, []string{"section text not served: /content/hidden/_index.md"}) {
		t.Errorf("warnings:\n%s", strings.Join(warned, "\n"))
	}
}

// A Zola section's page lists its pages after its text in its sort_by
// order (title: by title, whatever the case), and at most MaxSectionList
// of them, saying so: a section of thousands of pages is no page of
// megabytes.
func TestZolaSectionLists(t *testing.T) {
	files := map[string]string{
		"config.toml":             "base_url = \"https://z.example\"\n",
		"content/fruit/_index.md": "+++\nsort_by = \"title\"\n+++\nFruit.\n",
		"content/fruit/a.md":      "+++\ntitle = \"banana\"\n+++\na\n",
		"content/fruit/b.md":      "+++\ntitle = \"Apple\"\n+++\nb\n",
		"content/fruit/c.md":      "+++\ntitle = \"Cherry\"\ndate = 2020-01-01\n+++\nc\n",
		"content/many/_index.md":  "+++\nsort_by = \"date\"\n+++\nMany.\n",
		"content/many/undated.md": "+++\ntitle = \"Undated\"\n+++\nu\n",
	}
	for i := range MaxSectionList + 1 {
		files[fmt.Sprintf("content/many/p%04d.md", i)] = fmt.Sprintf("+++\ntitle = \"P%d\"\ndate = 2000-01-01T00:%02d:%02dZ\n+++\np\n", i, i/60, i%60)
	}
	dir := testfs.Write(t, files)
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for _, p := range c.Pages {
		bodies[p.Slug] = string(p.Body)
	}
	fruit := bodies["fruit"]
	apple, banana, cherry := strings.Index(fruit, "Apple"), strings.Index(fruit, "banana"), strings.Index(fruit, "Cherry")
	if !strings.HasPrefix(fruit, "Fruit.\n") || apple < 0 || !(apple < banana && banana < cherry) {
		t.Errorf("fruit: not Apple, banana, Cherry after its text:\n%s", fruit)
	}
	many := bodies["many"]
	if n := strings.Count(many, "](<"); n != MaxSectionList {
		t.Errorf("many: %d links, want %d", n, MaxSectionList)
	}
	// The newest first: the oldest, p0000, is the one left out; the
	// undated one is in no list of a section sorting by date, as in Zola.
	if !strings.Contains(many, fmt.Sprintf("/many/p%04d.md>", MaxSectionList)) || strings.Contains(many, "/many/p0000.md>") || strings.Contains(many, "Undated") {
		t.Errorf("many: not the newest %d", MaxSectionList)
	}
	var cut []string
	for _, w := range c.Warnings {
		if w.Kind == kindSectionListCut {
			cut = append(cut, filepath.ToSlash(strings.TrimPrefix(w.File, dir)))
		}
	}
	if !slices.Equal(cut, []string{"/content/many/_index.md"}) {
		t.Errorf("warnings of lists cut: %v", cut)
	}
}

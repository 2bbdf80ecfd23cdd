package capsule_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"

	"git.sr.ht/~adnano/go-gemini"
)

// A Zola section with text of its own and pages below it (tabi's
// notes/_index.md) is a page, as Zola renders it at the section's
// address: its text, then a link to each of its published pages, in its
// sort_by order (update_date: the newest update first, undated pages
// left out as Zola leaves them), a transparent subsection's pages with
// its own, each language its own list. Its Zola address /notes/ leads to
// it. No draft and no post scheduled for later is listed; the section's
// text is no longer warned of as not served.
func TestZolaSectionWithPagesIsAPage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":                   "base_url = \"https://example.org\"\ntitle = \"Z\"\ndefault_language = \"en\"\n[languages.fr]\ntitle = \"Zf\"\n",
			"content/blog/_index.md":        "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/b.md":             "+++\ntitle = \"Blog post\"\ndate = 2024-05-01\n+++\nb\n",
			"content/notes/_index.md":       "+++\ntitle = \"Notes\"\nsort_by = \"update_date\"\n+++\nMostly notes for my future self.\n",
			"content/notes/_index.fr.md":    "+++\ntitle = \"Notes fr\"\nsort_by = \"update_date\"\n+++\nSurtout des notes.\n",
			"content/notes/old.md":          "+++\ntitle = \"Old but updated\"\ndate = 2020-01-01\nupdated = 2024-09-01\n+++\no\n",
			"content/notes/old.fr.md":       "+++\ntitle = \"Vieux\"\ndate = 2020-01-01\n+++\no\n",
			"content/notes/mid.md":          "+++\ntitle = \"Why [and] #1 & 2.5\"\ndate = 2024-03-01\n+++\nm\n",
			"content/notes/bundle/index.md": "+++\ntitle = \"Bundle\"\ndate = 2024-02-01\n+++\nb\n",
			"content/notes/sub/_index.md":   "+++\ntransparent = true\n+++\n",
			"content/notes/sub/deep.md":     "+++\ntitle = \"Deep\"\ndate = 2023-01-01\n+++\nd\n",
			"content/notes/draft.md":        "+++\ntitle = \"Secret draft\"\ndate = 2024-04-01\ndraft = true\n+++\ns\n",
			"content/notes/later.md":        "+++\ntitle = \"Not yet\"\ndate = 2999-01-01\n+++\nl\n",
		})
	})
	status, meta, page := servetest.GeminiGet(t, d, "/notes.gmi")
	if status != gemini.StatusSuccess {
		t.Fatalf("/notes.gmi: %d %s", status, meta)
	}
	want := "Mostly notes for my future self.\n\n" +
		"=> /posts/old.gmi 2024-09-01 Old but updated\n" +
		"=> /posts/mid.gmi 2024-03-01 Why [and] #1 & 2.5\n" +
		"=> /posts/bundle.gmi 2024-02-01 Bundle\n" +
		"=> /posts/deep.gmi 2023-01-01 Deep\n"
	if !strings.Contains(page, want) {
		t.Errorf("/notes.gmi lacks\n%s\nin\n%s", want, page)
	}
	for _, never := range []string{"Secret", "Not yet", "Vieux", "Blog post"} {
		if strings.Contains(page, never) {
			t.Errorf("/notes.gmi lists %q:\n%s", never, page)
		}
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/notes/"); status != gemini.StatusPermanentRedirect || !strings.HasSuffix(meta, "/notes.gmi") {
		t.Errorf("/notes/: %d %s", status, meta)
	}
	_, _, fr := servetest.GeminiGet(t, d, "/fr/notes.gmi")
	if want := "Surtout des notes.\n\n=> /fr/posts/old.gmi 2020-01-01 Vieux\n"; !strings.Contains(fr, want) || strings.Contains(fr, "Old but") {
		t.Errorf("/fr/notes.gmi: want\n%s\nin\n%s", want, fr)
	}
	txt := servetest.GopherGet(t, d, "/notes.txt\r\n")
	at := -1
	for _, title := range []string{"Mostly notes", "Old but updated", "Why [and] #1 & 2.5", "Bundle", "Deep", "/0/posts/old.txt", "/0/posts/deep.txt"} {
		i := strings.Index(txt, title)
		if i <= at {
			t.Errorf("gopher /notes.txt: %q missing or out of order:\n%s", title, txt)
		}
		at = i
	}
	if strings.Contains(txt, "Secret") || strings.Contains(txt, "Not yet") {
		t.Errorf("gopher /notes.txt lists a draft or a scheduled post:\n%s", txt)
	}
	for _, w := range d.Store().Warnings {
		if w.Kind == "section text not served" {
			t.Errorf("warning: %v", w)
		}
	}
}

// A Zola page at an accented file name (càrrega.md) is at an ASCII
// address on the Zola site ([slugify] paths = "on": Latin letters lose
// their diacritics, as a tag's address does): that address leads to the
// capsule's page, which keeps its own, on both protocols, in each
// language, a bundle's too, and a link written as it leads there. Other
// scripts are not folded (が is no か, nor ga).
func TestZolaAccentedPageAddress(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":                  "base_url = \"https://example.org\"\ndefault_language = \"en\"\n[languages.ca]\n",
			"content/blog/_index.md":       "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/càrrega.md":      "+++\ntitle = \"Càrrega\"\ndate = 2024-03-01\n+++\nLoad.\n",
			"content/blog/càrrega.ca.md":   "+++\ntitle = \"Càrrega ca\"\ndate = 2024-03-01\n+++\nCàrrega.\n",
			"content/blog/Straße/index.md": "+++\ntitle = \"Street\"\ndate = 2024-03-02\n+++\nS.\n",
			"content/blog/が.md":            "+++\ntitle = \"Ga\"\ndate = 2024-03-03\n+++\n[load](/blog/carrega/)\n",
		})
	})
	for from, to := range map[string]string{
		"/blog/carrega/":    "/posts/c%C3%A0rrega.gmi",
		"/ca/blog/carrega/": "/ca/posts/c%C3%A0rrega.gmi",
		"/blog/strasse/":    "/posts/stra%C3%9Fe.gmi",
		"/blog/càrrega/":    "/posts/c%C3%A0rrega.gmi", // as before
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, from); status != gemini.StatusPermanentRedirect || !strings.HasSuffix(meta, to) {
			t.Errorf("%s: %d %s, want a redirect to %s", from, status, meta, to)
		}
	}
	for _, gone := range []string{"/blog/ka/", "/blog/ga/", "/blog/か/"} {
		if status, _, _ := servetest.GeminiGet(t, d, gone); status != gemini.StatusNotFound {
			t.Errorf("%s: %d, want 51", gone, status)
		}
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/%E3%81%8C.gmi"); !strings.Contains(page, "=> /posts/c%C3%A0rrega.gmi load\n") {
		t.Errorf("the link to /blog/carrega/ does not lead to the page:\n%s", page)
	}
	if txt := servetest.GopherGet(t, d, "/blog/carrega/\r\n"); !strings.Contains(txt, "Load.") {
		t.Errorf("gopher /blog/carrega/:\n%s", txt)
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}

// A section's text that ends inside a code block or an HTML comment never
// closed still has its list after it: Zola's template writes the list
// outside the text. Appended inside, the links were code, or nothing.
func TestZolaSectionListAfterAnOpenBlock(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":             "base_url = \"https://example.org\"\ntitle = \"Z\"\n",
			"content/code/_index.md":  "+++\ntitle = \"Code\"\n+++\nSee:\n\n~~~~ sh\nls\n~~~\n",
			"content/code/a.md":       "+++\ntitle = \"Alpha\"\ndate = 2024-01-01\n+++\na\n",
			"content/notes/_index.md": "+++\ntitle = \"Notes\"\n+++\nIntro.\n\n<!-- todo: more\n",
			"content/notes/b.md":      "+++\ntitle = \"Beta\"\ndate = 2024-01-02\n+++\nb\n",
		})
	})
	for page, want := range map[string]string{"/code.gmi": "=> /a.gmi 2024-01-01 Alpha\n", "/notes.gmi": "=> /b.gmi 2024-01-02 Beta\n"} {
		status, meta, body := servetest.GeminiGet(t, d, page)
		if status != gemini.StatusSuccess || !strings.Contains(body, want) {
			t.Errorf("%s: %d %s, want the link line %q in\n%s", page, status, meta, want, body)
		}
	}
	if _, _, body := servetest.GeminiGet(t, d, "/code.gmi"); !strings.Contains(body, "```") || !strings.Contains(body, "ls\n~~~\n") {
		t.Errorf("/code.gmi: its code block, the short fence inside it, not kept:\n%s", body)
	}
}

// A Zola section's page lists its pages in Zola's order for its sort_by
// (sorting.rs): weight, lightest first, a weight of 0 too, ties by
// address, the pages without a weight left out (Zola's ignored_pages:
// tabi's and codemonger's projects sort so); title, in natural lexical
// order (case and accents aside, "Part 9" before "Part 10"), untitled
// pages left out; slug, naturally, by the page's slug.
func TestZolaSectionSortedAsZola(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":                      "base_url = \"https://example.org\"\ntitle = \"Z\"\n",
			"content/projects/_index.md":       "+++\ntitle = \"Projects\"\nsort_by = \"weight\"\n+++\nWhat I made.\n",
			"content/projects/heavy.md":        "+++\ntitle = \"Heavy\"\nweight = 20\n+++\nh\n",
			"content/projects/zeta.md":         "+++\ntitle = \"Zeta\"\nweight = 10\ndate = 2024-01-01\n+++\nz\n",
			"content/projects/alpha.md":        "+++\ntitle = \"Alpha\"\nweight = 10\ndate = 2020-01-01\n+++\na\n",
			"content/projects/nought/index.md": "+++\ntitle = \"Nought\"\nweight = 0\n+++\nn\n",
			"content/projects/loose.md":        "+++\ntitle = \"Loose\"\ndate = 2025-01-01\n+++\nl\n",
			"content/parts/_index.md":          "+++\ntitle = \"Parts\"\nsort_by = \"title\"\n+++\nIn parts.\n",
			"content/parts/a.md":               "+++\ntitle = \"Part 10\"\n+++\na\n",
			"content/parts/b.md":               "+++\ntitle = \"Part 9\"\n+++\nb\n",
			"content/parts/c.md":               "+++\ntitle = \"étude\"\n+++\nc\n",
			"content/parts/d.md":               "+++\ntitle = \"Fugue\"\n+++\nd\n",
			"content/parts/e.md":               "+++\ntitle = \"Dance\"\n+++\ne\n",
			"content/parts/untitled.md":        "+++\n+++\nNo title.\n",
			"content/steps/_index.md":          "+++\ntitle = \"Steps\"\nsort_by = \"slug\"\n+++\nStep by step.\n",
			"content/steps/s10.md":             "+++\ntitle = \"Ten\"\n+++\nt\n",
			"content/steps/s2.md":              "+++\ntitle = \"Two\"\n+++\nt\n",
			"content/steps/S1.md":              "+++\ntitle = \"One\"\n+++\no\n",
		})
	})
	for page, want := range map[string]string{
		"/projects.gmi": "What I made.\n\n=> /nought.gmi Nought\n=> /alpha.gmi 2020-01-01 Alpha\n=> /zeta.gmi 2024-01-01 Zeta\n=> /heavy.gmi Heavy\n\n",
		"/parts.gmi":    "In parts.\n\n=> /e.gmi Dance\n=> /c.gmi étude\n=> /d.gmi Fugue\n=> /b.gmi Part 9\n=> /a.gmi Part 10\n\n",
		"/steps.gmi":    "Step by step.\n\n=> /s1.gmi One\n=> /s2.gmi Two\n=> /s10.gmi Ten\n\n",
	} {
		status, meta, body := servetest.GeminiGet(t, d, page)
		if status != gemini.StatusSuccess || !strings.Contains(body, want) {
			t.Errorf("%s answers %d %s:\n%s\nwant:\n%s", page, status, meta, body, want)
		}
	}
	if _, _, body := servetest.GeminiGet(t, d, "/projects.gmi"); strings.Contains(body, "Loose") {
		t.Errorf("/projects.gmi lists a page without a weight:\n%s", body)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/loose.gmi"); status != gemini.StatusSuccess {
		t.Errorf("/loose.gmi, the page without a weight, answers %d: it is served all the same", status)
	}
}

// A Zola section's page lists its subsections after its pages, as Zola's
// section.subsections offers them to its template: the sections right
// below it in its language, by weight, each by its title; one that is a
// page links that page, another its address, which leads where the
// capsule lists its pages (here the home, for pages); one not rendered
// or redirecting is not listed. The address of a nested section without
// a page of its own (/docs/intro/) leads there too, on both protocols.
func TestZolaSectionListsSubsections(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":                     "base_url = \"https://example.org\"\ntitle = \"Z\"\ndefault_language = \"en\"\n[languages.fr]\ntitle = \"Zf\"\n",
			"content/docs/_index.md":          "+++\ntitle = \"Docs\"\nsort_by = \"weight\"\n+++\nAll the docs.\n",
			"content/docs/_index.fr.md":       "+++\ntitle = \"Docs fr\"\n+++\nToute la doc.\n",
			"content/docs/start.md":           "+++\ntitle = \"Start\"\nweight = 1\n+++\nStart here.\n",
			"content/docs/intro/_index.md":    "+++\ntitle = \"Introduction\"\nweight = 2\n+++\n",
			"content/docs/intro/_index.fr.md": "+++\ntitle = \"Présentation\"\nweight = 2\n+++\n",
			"content/docs/intro/first.md":     "+++\ntitle = \"First steps\"\n+++\nf\n",
			"content/docs/api/_index.md":      "+++\ntitle = \"API\"\nweight = 1\n+++\nThe API, in full.\n",
			"content/docs/api/calls.md":       "+++\ntitle = \"Calls\"\n+++\nc\n",
			"content/docs/hidden/_index.md":   "+++\ntitle = \"Hidden\"\nrender = false\n+++\n",
			"content/docs/moved/_index.md":    "+++\ntitle = \"Moved\"\nredirect_to = \"docs\"\n+++\n",
		})
	})
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	_, _, page := servetest.GeminiGet(t, d, "/docs.gmi")
	if want := "All the docs.\n\n=> /start.gmi Start\n\n=> /api.gmi API\n=> / Introduction\n\n"; !strings.Contains(page, want) || strings.Contains(page, "Hidden") || strings.Contains(page, "Moved") {
		t.Errorf("/docs.gmi:\n%s\nwant:\n%s", page, want)
	}
	_, _, fr := servetest.GeminiGet(t, d, "/fr/docs.gmi")
	if want := "Toute la doc.\n\n=> /fr/ Présentation\n\n"; !strings.Contains(fr, want) || strings.Contains(fr, "API") {
		t.Errorf("/fr/docs.gmi:\n%s\nwant:\n%s", fr, want)
	}
	for addr, target := range map[string]string{"/docs/intro/": "/", "/fr/docs/intro/": "/fr/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, addr); status != gemini.StatusPermanentRedirect || meta != base+target {
			t.Errorf("gemini %s answers %d %q, want 31 to %s", addr, status, meta, target)
		}
	}
	if menu, home := servetest.GopherGet(t, d, "/docs/intro/\r\n"), servetest.GopherGet(t, d, "/\r\n"); menu != home {
		t.Errorf("gopher /docs/intro/:\n%s\nwant the home's menu:\n%s", menu, home)
	}
	if txt := servetest.GopherGet(t, d, "/docs.txt\r\n"); !strings.Contains(txt, "API") || !strings.Contains(txt, "Introduction") {
		t.Errorf("gopher /docs.txt:\n%s", txt)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("warning: %v", w)
		}
	}
}

// Zola splits a section's list into pages of paginate_by (/blog/page/2/,
// its paginate_path; /page/2/ for the root; page/1/ a redirect to the
// list): those addresses lead where the list's own address does, on both
// protocols (the archive for posts; the section's page; the home), as
// many as Zola makes (the root lists only the pages at the top, and
// makes its page 1 when it lists none), and a link to one leads there
// too.
func TestZolaPaginatedListsLead(t *testing.T) {
	files := map[string]string{
		"config.toml":                  "base_url = \"https://example.org\"\ntitle = \"Z\"\ndefault_language = \"en\"\n[languages.fr]\ntitle = \"Zf\"\n",
		"content/_index.md":            "+++\npaginate_by = 2\nsort_by = \"date\"\n+++\n",
		"content/blog/_index.md":       "+++\nsort_by = \"date\"\npaginate_by = 2\n+++\n",
		"content/blog/_index.fr.md":    "+++\nsort_by = \"date\"\npaginate_by = 2\n+++\n",
		"content/blog/fr.fr.md":        "+++\ntitle = \"Fr\"\ndate = 2024-01-01\n+++\nf\n",
		"content/notes/_index.md":      "+++\ntitle = \"Notes\"\nsort_by = \"date\"\npaginate_by = 1\npaginate_path = \"p\"\n+++\nMy notes.\n",
		"content/notes/n1.md":          "+++\ntitle = \"N1\"\ndate = 2024-01-01\n+++\nn\n",
		"content/notes/n2.md":          "+++\ntitle = \"N2\"\ndate = 2024-01-02\n+++\nn\n",
		"content/blog/posts/_index.md": "+++\ntransparent = true\nsort_by = \"date\"\npaginate_by = 3\n+++\n",
		"content/blog/posts/deep.md":   "+++\ntitle = \"Deep\"\ndate = 2023-01-01\n+++\nSee [page 2](/blog/page/2/) and [the French one](https://example.org/fr/blog/page/1/).\n",
	}
	for i := range 5 {
		files[fmt.Sprintf("content/blog/p%d.md", i)] = fmt.Sprintf("+++\ntitle = \"P%d\"\ndate = 2024-02-0%d\n+++\np\n", i, i+1)
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	// blog: 6 posts (its 5, the transparent posts/'s 1) in pages of 2.
	for addr, target := range map[string]string{
		"/blog/page/1/": "/archive.gmi", "/blog/page/3/": "/archive.gmi",
		"/blog/posts/": "/archive.gmi", "/blog/posts/page/1/": "/archive.gmi",
		"/fr/blog/page/1/": "/fr/archive.gmi",
		"/notes/p/1/":      "/notes.gmi", "/notes/p/2/": "/notes.gmi",
		"/page/1/": "/",
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, addr); status != gemini.StatusPermanentRedirect || meta != base+target {
			t.Errorf("gemini %s answers %d %q, want 31 to %s", addr, status, meta, target)
		}
	}
	for _, addr := range []string{"/blog/page/4/", "/blog/posts/page/2/", "/fr/blog/page/2/", "/notes/p/3/", "/notes/page/1/", "/page/2/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, addr); status != gemini.StatusNotFound {
			t.Errorf("gemini %s answers %d %q, want 51: Zola makes no such page", addr, status, meta)
		}
	}
	if menu, archive := servetest.GopherGet(t, d, "/blog/page/2/\r\n"), servetest.GopherGet(t, d, "/archive\r\n"); menu != archive {
		t.Errorf("gopher /blog/page/2/:\n%s\nwant the archive's menu:\n%s", menu, archive)
	}
	_, _, post := servetest.GeminiGet(t, d, "/posts/deep.gmi")
	for _, want := range []string{"=> /archive.gmi page 2", "=> /fr/archive.gmi the French one"} {
		if !strings.Contains(post, want) {
			t.Errorf("the post has no line %q:\n%s", want, post)
		}
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("warning: %v", w)
		}
	}
}

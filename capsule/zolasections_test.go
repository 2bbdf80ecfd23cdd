package capsule_test

import (
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

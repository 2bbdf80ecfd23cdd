package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Astro post's images in src/ (Astro processes and publishes them),
// given by a path relative to the post or through tsconfig.json's
// alias ("@/*": ["src/*"]), are served at their path in the project,
// /src/assets/…, on both protocols, and the post links them there
// (machu/diary: 502 such images were dead links). Nothing else of src/
// is: not an image no post links, not a file a draft alone links, not
// a linked file that is not an image.
func TestAstroImagesInSrc(t *testing.T) {
	png := "\x89PNG\r\n\x1a\nimage"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"astro.config.mjs":              "export default {}\n",
			"tsconfig.json":                 "{\n  // aliases\n  \"compilerOptions\": {\"baseUrl\": \".\", /* here */ \"paths\": {\"@/*\": [\"src/*\"],},},\n}\n",
			"src/assets/rel.png":            png,
			"src/assets/flickr/alias.jpg":   png,
			"src/assets/unlinked.png":       png,
			"src/assets/draft.png":          png,
			"src/config.ts":                 "export const key = 1\n",
			"public/logo.png":               png,
			"src/content/posts/2014/one.md": "---\ntitle: One\ndate: 2014-05-02\n---\nrelative:\n\n![rel](../../../assets/rel.png)\n\nalias:\n\n![ReadyNAS](@/assets/flickr/alias.jpg \"t\")\n\ncode: ![c](@/config.ts)\n",
			"src/content/posts/2014/two.md": "---\ntitle: Two\ndate: 2014-05-03\ndraft: true\n---\n![d](@/assets/draft.png)\n",
		})
	})
	for _, p := range []string{"/src/assets/rel.png", "/src/assets/flickr/alias.jpg", "/logo.png"} {
		if st, _, body := servetest.GeminiGet(t, d, p); st != gemini.StatusSuccess || body != png {
			t.Errorf("gemini %s: %d, not the image", p, st)
		}
		if got := servetest.GopherGet(t, d, p+"\r\n"); got != png {
			t.Errorf("gopher %s: not the image: %q", p, got)
		}
	}
	for _, p := range []string{"/src/assets/unlinked.png", "/src/assets/draft.png", "/src/config.ts", "/assets/rel.png"} {
		if st, _, _ := servetest.GeminiGet(t, d, p); st == gemini.StatusSuccess {
			t.Errorf("gemini %s is served", p)
		}
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/one.gmi")
	for _, want := range []string{"=> /src/assets/rel.png rel", "=> /src/assets/flickr/alias.jpg ReadyNAS"} {
		if !strings.Contains(page, want) {
			t.Errorf("gemtext lacks %q:\n%s", want, page)
		}
	}
	menu := servetest.GopherGet(t, d, "/posts/one\r\n")
	for _, want := range []string{"\t/src/assets/rel.png\t", "\t/src/assets/flickr/alias.jpg\t"} {
		if !strings.Contains(menu, want) {
			t.Errorf("gopher menu lacks %q:\n%s", want, menu)
		}
	}
}

// Astro collects a post's reference-style images as it does inline ones
// (![alt][label] with [label]: ../../assets/a.png, ![label][], ![label]):
// each is published, and served here at /src/…, the post linking it
// there. An HTML <img src="…"> of a file of src/ is not: Astro publishes
// nothing for it, and its link is said dead.
func TestAstroReferenceImagesInSrc(t *testing.T) {
	png := "\x89PNG\r\n\x1a\nimage"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"astro.config.mjs":            "export default {}\n",
			"tsconfig.json":               "{\"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"@/*\": [\"src/*\"]}}}\n",
			"src/assets/full.png":         png,
			"src/assets/collapsed.jpg":    png,
			"src/assets/shortcut.webp":    png,
			"src/assets/html.png":         png,
			"src/assets/unused.png":       png,
			"src/content/posts/2014/a.md": "---\ntitle: A\ndate: 2014-05-02\n---\nfull: ![The desk][Desk  Photo]\n\ncollapsed: ![pic][]\n\nshortcut: ![Shot]\n\n<img src=\"../../../assets/html.png\" alt=\"html\">\n\n[desk photo]: ../../../assets/full.png \"t\"\n[PIC]: <@/assets/collapsed.jpg>\n  [shot]:\n    @/assets/shortcut.webp\n[unused]: ../../../assets/unused.png\n[desk photo]: ../../../assets/unused.png\n",
		})
	})
	for _, p := range []string{"/src/assets/full.png", "/src/assets/collapsed.jpg", "/src/assets/shortcut.webp"} {
		if st, _, body := servetest.GeminiGet(t, d, p); st != gemini.StatusSuccess || body != png {
			t.Errorf("gemini %s: %d, not the image", p, st)
		}
		if got := servetest.GopherGet(t, d, p+"\r\n"); got != png {
			t.Errorf("gopher %s: not the image: %q", p, got)
		}
	}
	for _, p := range []string{"/src/assets/html.png", "/src/assets/unused.png"} {
		if st, _, _ := servetest.GeminiGet(t, d, p); st == gemini.StatusSuccess {
			t.Errorf("gemini %s is served", p)
		}
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	for _, want := range []string{"=> /src/assets/full.png The desk", "=> /src/assets/collapsed.jpg pic", "=> /src/assets/shortcut.webp Shot"} {
		if !strings.Contains(page, want) {
			t.Errorf("gemtext lacks %q:\n%s", want, page)
		}
	}
}

// A post's front matter image in src/ (AstroWind's image:
// ~/assets/images/x.jpg through tsconfig.json's "~/*": ["src/*"], the
// blog starter's heroImage: ../../assets/hero.png) is published by
// Astro as the text's images are, through the same aliases: it is
// served at /src/…, and the page's first image links it there
// (maru0122/astrowind: its 9 posts' images were dead links). A draft's
// is not served to all.
func TestAstroFrontMatterImagesInSrc(t *testing.T) {
	png := "\x89PNG\r\n\x1a\nimage"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"astro.config.ts":                  "export default defineConfig({});\n",
			"tsconfig.json":                    "{\"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"~/*\": [\"src/*\"]}}}\n",
			"src/content.config.ts":            "const post = defineCollection({ loader: glob({ pattern: '*.md', base: 'src/data/post' }) });\nexport const collections = { post };\n",
			"src/assets/images/blog/wind.png":  png,
			"src/assets/hero.jpg":              png,
			"src/assets/images/blog/draft.png": png,
			"src/data/post/wind.md":            "---\ntitle: 風\npublishDate: 2026-06-11\nimage: \"~/assets/images/blog/wind.png\"\n---\n本文。\n",
			"src/data/post/hero.md":            "---\ntitle: Hero\npublishDate: 2026-06-12\nheroImage: ../../assets/hero.jpg\n---\ntext\n",
			"src/data/post/draft.md":           "---\ntitle: Draft\npublishDate: 2026-06-13\ndraft: true\nimage: ~/assets/images/blog/draft.png\n---\ntext\n",
		})
	})
	for _, p := range []string{"/src/assets/images/blog/wind.png", "/src/assets/hero.jpg"} {
		if st, _, body := servetest.GeminiGet(t, d, p); st != gemini.StatusSuccess || body != png {
			t.Errorf("gemini %s: %d, not the image", p, st)
		}
		if got := servetest.GopherGet(t, d, p+"\r\n"); got != png {
			t.Errorf("gopher %s: not the image: %q", p, got)
		}
	}
	if st, _, _ := servetest.GeminiGet(t, d, "/src/assets/images/blog/draft.png"); st == gemini.StatusSuccess {
		t.Errorf("a draft's image is served to all")
	}
	for _, c := range []struct{ page, want string }{
		{"/posts/wind.gmi", "=> /src/assets/images/blog/wind.png 風"},
		{"/posts/hero.gmi", "=> /src/assets/hero.jpg Hero"},
	} {
		if _, _, page := servetest.GeminiGet(t, d, c.page); !strings.Contains(page, c.want) {
			t.Errorf("%s lacks %q:\n%s", c.page, c.want, page)
		}
	}
}

package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Astro blog's Markdown pages in src/pages, beside the collection its
// posts are in, are pages Astro builds where their path puts them
// (chronicle's src/pages/about.md at /about/): each is served as a page,
// its web address redirecting there on Gemini and serving it on Gopher;
// a file or folder named with "_", which Astro builds nothing of, is not
// served. build: { format: 'file' } and the configuration's base move
// the addresses as Astro does.
func TestAstroMarkdownPagesServed(t *testing.T) {
	files := func(config string) map[string]string {
		return map[string]string{
			"astro.config.mjs":            config,
			"src/content/blog/hello.md":   "---\ntitle: はじめまして\ndate: 2025-01-02\n---\n最初の記事。\n",
			"src/pages/index.astro":       "---\n---\n<h1>home</h1>\n",
			"src/pages/about.md":          "---\nlayout: ../layouts/AboutLayout.astro\ntitle: About\n---\nこのブログについて。\n",
			"src/pages/docs/index.md":     "---\ntitle: Docs\n---\n文書の目次。\n",
			"src/pages/_draft.md":         "---\ntitle: Draft\n---\n下書きの本文。\n",
			"src/pages/_partials/note.md": "---\ntitle: Note\n---\n部品の本文。\n",
		}
	}
	for _, c := range []struct {
		name, config string
		addrs        map[string]string // web address → the page's text
		none         []string
	}{
		{"directory", "export default defineConfig({ site: 'https://example.org' });\n",
			map[string]string{"/about/": "このブログについて。", "/docs/": "文書の目次。"},
			[]string{"/_draft/", "/_partials/note/"}},
		{"file format, base", "export default defineConfig({\n  base: '/blog',\n  build: { format: 'file' },\n});\n",
			map[string]string{"/blog/about.html": "このブログについて。", "/blog/docs.html": "文書の目次。"},
			[]string{"/blog/_draft.html"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, files(c.config)) })
			for addr, text := range c.addrs {
				st, meta, _ := servetest.GeminiGet(t, d, addr)
				if st != gemini.StatusRedirect && st != gemini.StatusPermanentRedirect {
					t.Errorf("%s: status %d %q, want a redirect to the page", addr, st, meta)
					continue
				}
				u, err := url.Parse(meta)
				if err != nil {
					t.Fatal(err)
				}
				if st, _, body := servetest.GeminiGet(t, d, u.Path); st != gemini.StatusSuccess || !strings.Contains(body, text) {
					t.Errorf("%s leads to %s: %d\n%s", addr, meta, st, body)
				}
				if g := servetest.GopherGet(t, d, addr+"\r\n"); !strings.Contains(g, text) && !strings.Contains(gopherTextItems(t, d, g), text) {
					t.Errorf("gopher %s does not serve the page, nor a menu leading to it:\n%s", addr, g)
				}
			}
			for _, addr := range c.none {
				if got := servedAnywhere(t, d, addr); got != "" {
					t.Errorf("%s, which Astro builds nothing of, answered: %s", addr, got)
				}
			}
			crawl := servetest.Crawl(t, d, 200)
			for page, body := range crawl {
				if strings.Contains(body, "下書きの本文。") || strings.Contains(body, "部品の本文。") {
					t.Errorf("%s serves a file named with _:\n%s", page, body)
				}
			}
		})
	}
}

// gopherTextItems fetches the text items (type 0) of the Gopher menu
// menu, and returns their texts one after the other.
func gopherTextItems(t *testing.T, d *daemon.Daemon, menu string) string {
	t.Helper()
	var out strings.Builder
	for _, line := range strings.Split(menu, "\r\n") {
		if fields := strings.Split(line, "\t"); strings.HasPrefix(line, "0") && len(fields) >= 2 {
			out.WriteString(servetest.GopherGet(t, d, fields[1]+"\r\n"))
		}
	}
	return out.String()
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
)

// Hexo lists a post's asset folder (processor/post.ts, scanAssetDir)
// and leaves out what isExcludedFile says of each file's path in the
// folder ("cat.psd", "raw/cat.psd"): exclude's patterns, matched there,
// and a name ending with "%" or "~". So "*.psd" leaves out the folder's
// own cat.psd but not raw/cat.psd, "**/*.psd" both, and a pattern of
// the source folder's paths ("_posts/**") none. capsule published them
// all at the post's address.
func TestHexoExcludeInAssetFolder(t *testing.T) {
	files := map[string]string{
		"source/_posts/hello.md":           "---\ntitle: Hello\ndate: 2020-01-02\n---\nPost.\n",
		"source/_posts/hello/cat.png":      "PNG cat",
		"source/_posts/hello/cat.psd":      "PSD cat",
		"source/_posts/hello/raw/dog.psd":  "PSD dog",
		"source/_posts/hello/notes.txt~":   "backup",
		"source/_posts/hello/draft.txt":    "TXT draft",
		"source/_posts/hello/raw/plan.txt": "TXT plan",
	}
	for _, c := range []struct {
		name, exclude     string
		served, notServed []string
	}{
		{"top of the folder", "exclude:\n  - '*.psd'\n  - draft.txt\n",
			[]string{"cat.png", "raw/dog.psd", "raw/plan.txt"}, []string{"cat.psd", "draft.txt", "notes.txt~"}},
		{"any depth", "exclude: ['**/*.psd', 'raw/**']\n",
			[]string{"cat.png", "draft.txt"}, []string{"cat.psd", "raw/dog.psd", "raw/plan.txt", "notes.txt~"}},
		{"the source folder's paths", "exclude: ['_posts/**/*.psd', '_posts/hello/draft.txt']\n",
			[]string{"cat.png", "cat.psd", "raw/dog.psd", "draft.txt"}, []string{"notes.txt~"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := map[string]string{}
			for k, v := range files {
				fs[k] = v
			}
			d := serveDir(t, hexoSite(t, "title: Assets\npost_asset_folder: true\n"+c.exclude, fs))
			for _, f := range c.served {
				for _, p := range []string{"/_posts/hello/" + f, "/2020/01/02/hello/" + f} {
					if body := servetest.GopherGet(t, d, p+"\r\n"); body != files["source/_posts/hello/"+f] {
						t.Errorf("Gopher %s: %q, want the asset Hexo publishes", p, body)
					}
				}
			}
			for _, f := range c.notServed {
				for _, p := range []string{"/_posts/hello/" + f, "/2020/01/02/hello/" + f} {
					if status, _, _ := servetest.GeminiGet(t, d, p); status == 20 || status == 31 {
						t.Errorf("Gemini %s: %d, a file Hexo leaves out of the asset folder", p, status)
					}
					if body := servetest.GopherGet(t, d, p+"\r\n"); body == files["source/_posts/hello/"+f] {
						t.Errorf("Gopher %s: the file Hexo leaves out of the asset folder", p)
					}
				}
			}
			for _, w := range d.Store().Warnings {
				if strings.Contains(w.Error(), "hello/") {
					t.Errorf("warned of: %v", w)
				}
			}
		})
	}
}

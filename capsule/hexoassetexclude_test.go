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

// Hexo's include takes back a file of a post's asset folder whose path
// there has a name starting with "_": scanAssetDir lists the folder
// (hexo-fs' listDir, which leaves out names starting with "." alone)
// and keeps what isExcludedFile allows of each path in it, include
// matched against "_keep.txt" or "sub/_deep.png". Markdown stays out
// (Hexo would render it as an asset page, capsule is no renderer of
// those) and is no post; a name starting with "." stays out whatever
// include says; so does a draft's folder's. capsule left every one of
// them out.
func TestHexoIncludeInAssetFolder(t *testing.T) {
	files := map[string]string{
		"source/_posts/hello.md":            "---\ntitle: Hello\ndate: 2020-01-02\n---\nPost.\n",
		"source/_posts/hello/_keep.txt":     "kept",
		"source/_posts/hello/_other.txt":    "other",
		"source/_posts/hello/sub/_deep.png": "PNG deep",
		"source/_posts/hello/_notes.md":     "---\ntitle: Notes\ndate: 2020-01-03\n---\nNot a post.\n",
		"source/_posts/hello/.hidden.txt":   "dot",
		"source/_drafts/plan.md":            "---\ntitle: Plan\n---\nDraft.\n",
		"source/_drafts/plan/_keep.txt":     "draft kept",
	}
	include := "include:\n  - _keep.txt\n  - sub/_deep.png\n  - _notes.md\n  - .hidden.txt\n"
	d := serveDir(t, hexoSite(t, "title: Assets\npost_asset_folder: true\n"+include, files))
	for _, f := range []string{"_keep.txt", "sub/_deep.png"} {
		for _, p := range []string{"/_posts/hello/" + f, "/2020/01/02/hello/" + f} {
			if body := servetest.GopherGet(t, d, p+"\r\n"); body != files["source/_posts/hello/"+f] {
				t.Errorf("Gopher %s: %q, want the asset include takes back", p, body)
			}
		}
	}
	for _, p := range []string{"/_posts/hello/_other.txt", "/_posts/hello/_notes.md", "/_posts/hello/.hidden.txt", "/_drafts/plan/_keep.txt", "/posts/_notes.gmi"} {
		if status, _, _ := servetest.GeminiGet(t, d, p); status == 20 || status == 31 {
			t.Errorf("Gemini %s: %d, a file Hexo leaves out", p, status)
		}
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "Notes") {
		t.Errorf("the asset folder's Markdown is a post:\n%s", home)
	}
	// Without include, none.
	d = serveDir(t, hexoSite(t, "title: Assets\npost_asset_folder: true\n", files))
	if status, _, _ := servetest.GeminiGet(t, d, "/_posts/hello/_keep.txt"); status == 20 {
		t.Errorf("without include, _keep.txt is served")
	}
}

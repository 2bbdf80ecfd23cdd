package content

import (
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Hugo's module.mounts may give the content folder to each language
// (noborus.github.io: content as ja, content as en), and Hugo then
// publishes a file whose name says no language in both; capsule reads
// the folder once, such a file in the default language only (its
// addresses in the other leading to it): a warning says so rather than
// leave the other language's lists short in silence (its /ja/ lists 1
// post where Hugo's lists 88).
func TestHugoLangMountsWarned(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.yaml": "baseURL: https://example.org/\ndefaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  ja:\n    weight: 2\n" +
			"module:\n  mounts:\n    - source: content\n      target: content\n      lang: ja\n    - source: content\n      target: content\n      lang: en\n",
		"content/blog/plain.md":   "---\ntitle: plain\ndate: 2020-01-01\n---\nplain\n",
		"content/blog/both.ja.md": "---\ntitle: both ja\ndate: 2020-01-01\n---\nja\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := mountWarnings(c, (*FileError).Error)
	if len(got) != 1 || !strings.Contains(got[0], "config.yaml: module.mounts mounts content as ja, content as en:") {
		t.Errorf("warnings %q, want one naming both mounts", got)
	}
}

// A folder mounted under content for another language (huanlin.github.io's
// content/en/docs at content/docs as zh, filling Chinese's missing pages
// with English ones) is not followed: the warning names it and the
// folders read, each language's own (content/en, content/zh), which are.
func TestHugoFillInMountsWarned(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n" +
			"[[module.mounts]]\nsource = \"content/en\"\ntarget = \"content\"\n" +
			"[[module.mounts]]\nsource = \"content/zh\"\ntarget = \"content\"\nlang = \"zh\"\n" +
			"[[module.mounts]]\nsource = \"content/en/docs\"\ntarget = \"content/docs\"\nlang = \"zh\"\n",
		"content/en/docs/intro.md": "---\ntitle: intro\ndate: 2020-01-01\n---\nintro\n",
		"content/zh/docs/only.md":  "---\ntitle: only zh\ndate: 2020-01-01\n---\nzh\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := mountWarnings(c, (*FileError).Error)
	if len(got) != 1 || !strings.Contains(got[0], "hugo.toml: module.mounts mounts content/en/docs at content/docs as zh, which capsule does not follow") ||
		!strings.Contains(got[0], "(content/en, content/zh)") {
		t.Errorf("warnings %q, want one naming the mount under content and the folders read", got)
	}
	langs := map[string]string{}
	for _, p := range c.Posts {
		langs[p.Title] = p.Lang
	}
	if langs["intro"] != "en" || langs["only zh"] != "zh" {
		t.Errorf("languages %v, want intro en and only zh zh", langs)
	}
}

// module.mounts is read up to maxMounts entries; a warning counts those
// past it, and a mount filtered by excludeFiles is not followed: the
// content folder is read as without mounts, which a warning says.
func TestHugoMountsBounded(t *testing.T) {
	var mounts strings.Builder
	for range maxMounts + 2 {
		mounts.WriteString("[[module.mounts]]\nsource = \"layouts\"\ntarget = \"layouts\"\n")
	}
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":              "baseURL = \"https://example.org/\"\n[[module.mounts]]\nsource = \"posts\"\ntarget = \"content\"\nexcludeFiles = \"drafts/*\"\n" + mounts.String(),
		"content/posts/hello.md": "---\ntitle: hello\ndate: 2020-01-01\n---\nhello\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := mountWarnings(c, func(w *FileError) string { return w.Msg })
	if len(got) != 2 || !strings.Contains(got[0], "mounts posts, which capsule does not follow") || !strings.Contains(got[0], "the content folder (content) as if there were no mounts") ||
		!strings.Contains(got[1], "3 more entries than the 100") {
		t.Errorf("warnings %q, want one for the filtered mount, one for the 3 entries past the bound", got)
	}
}

// A site of one language whose content is mounted from another folder
// (source blog, target content): that folder is its content, as Hugo
// reads it, and content, not mounted, is not read.
func TestHugoContentMountOneLanguage(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":              "baseURL = \"https://example.org/\"\n[[module.mounts]]\nsource = \"blog\"\ntarget = \"content\"\n",
		"blog/posts/hello.md":    "---\ntitle: mounted\ndate: 2020-01-01\n---\nhello\n",
		"content/posts/other.md": "---\ntitle: unmounted\ndate: 2020-01-01\n---\nother\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, p := range c.Posts {
		titles = append(titles, p.Title)
	}
	if len(titles) != 1 || titles[0] != "mounted" {
		t.Errorf("posts %q, want the mounted folder's alone", titles)
	}
}

// mountWarnings are c's warnings of mounts not followed, each as text
// says.
func mountWarnings(c *Content, text func(*FileError) string) []string {
	var got []string
	for _, w := range c.Warnings {
		if w.Kind == "content mount not followed" {
			got = append(got, text(w))
		}
	}
	return got
}

package content

import (
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Hugo's module.mounts may give the content folder to each language
// (noborus.github.io: content as ja, content as en), and Hugo then
// publishes a file whose name says no language in both; capsule reads
// the folder once, such a file in the default language only: a warning
// says so rather than lose the other language's pages in silence (its
// /ja/ had 1 post where Hugo's had 88).
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
	var got []string
	for _, w := range c.Warnings {
		if w.Kind == "content mount not followed" {
			got = append(got, w.Error())
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "config.yaml: module.mounts mounts content as ja, content as en:") {
		t.Errorf("warnings %q, want one naming both mounts", got)
	}
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Jekyll's {% link %} and {% post_url %} name a collection's document
// by its path in collections_dir (Document#relative_path: _notes/a.md
// for collections/_notes/a.md), as Jekyll 4.3 builds them; capsule
// looked them up from the top of the site, found nothing, and wrote the
// path as it was, a dead link with an "unknown target" warning
// (fumokmm's site: its home page's six links to its sections, one in a
// Ruby article).
func TestJekyllLinkInCollectionsDir(t *testing.T) {
	d := startSite(t, testfs.Write(t, map[string]string{
		"_config.yml":                            "title: メモ\nlang: ja\ncollections_dir: collections\ncollections:\n  notes:\n    output: true\n",
		"collections/_notes/a.md":                "---\ntitle: ノートA\n---\nエーです。\n",
		"collections/_posts/2024-01-02-hello.md": "---\ntitle: こんにちは\n---\n[ノート]({% link _notes/a.md %})を見て。\n",
		"index.md": "---\ntitle: ホーム\n---\n- [ノート]({% link _notes/a.md %})\n- [投稿]({% link _posts/2024-01-02-hello.md %})\n" +
			"- [同じ投稿]({% post_url 2024-01-02-hello %})\n",
	}))
	_, _, home := servetest.GeminiGet(t, d, "/")
	_, _, post := servetest.GeminiGet(t, d, "/posts/hello.gmi")
	for page, wants := range map[string][]string{home: {"ノート\n", "/posts/hello.gmi 投稿\n"}, post: {"ノート\n"}} {
		for _, want := range wants {
			if !strings.Contains(page, want) || strings.Contains(page, "_notes/a.md") || strings.Contains(page, "_posts/") {
				t.Errorf("no %q, or a path left as written:\n%s", want, page)
			}
		}
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "unknown target") || strings.Contains(w.Msg, "does not exist") {
			t.Errorf("warning: %v", w)
		}
	}
}

package capsule

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/internal/testfs"
)

// BenchmarkReloadUnchanged is a reload of a folder in which nothing
// changed (load and build, each from the previous one): 100 posts, then
// 1,000 drafts beside them, then 1,000 more posts instead. Drafts are
// taken from the previous Store as posts are, so 1,000 drafts cost what
// 1,000 posts cost: looking at their files (walking the folder, a stat
// each), no rendering.
//
//	go test -run '^$' -bench ReloadUnchanged ./capsule
func BenchmarkReloadUnchanged(b *testing.B) {
	for _, n := range []struct{ posts, drafts int }{{100, 0}, {100, 1000}, {1100, 0}} {
		posts, drafts := n.posts, n.drafts
		b.Run(fmt.Sprintf("posts=%d/drafts=%d", posts, drafts), func(b *testing.B) {
			files := map[string]string{}
			for i := range posts {
				files[fmt.Sprintf("p%04d.md", i)] = fmt.Sprintf("+++\ntitle = \"記事%d\"\ndate = 2020-01-01\n+++\n本文。\n", i)
			}
			for i := range drafts {
				files[fmt.Sprintf("d%04d.md", i)] = fmt.Sprintf("+++\ntitle = \"下書き%d\"\ndate = 2020-01-01\ndraft = true\n+++\n下書きの本文。[記事](p0001.md)\n", i)
			}
			dir := testfs.Write(b, files)
			// Files written more than content.RacyWindow ago, as a
			// folder's are between two edits: a reload trusts them.
			old := time.Now().Add(-time.Hour)
			for name := range files {
				if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
					b.Fatal(err)
				}
			}
			site := func(c *content.Content) *Site { return &Site{SiteMeta: c.Meta, Hostname: "localhost"} }
			c, err := content.Load(dir, content.LoadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			st, err := Build(context.Background(), site(c), c, BuildOptions{})
			if err != nil {
				b.Fatal(err)
			}
			c.Forget()
			b.ResetTimer()
			for b.Loop() {
				next, err := content.Load(dir, content.LoadOptions{Previous: c})
				if err != nil {
					b.Fatal(err)
				}
				if st, err = Build(context.Background(), site(next), next, BuildOptions{Previous: st}); err != nil {
					b.Fatal(err)
				}
				if st.Rendered != 0 {
					b.Fatalf("%d rendered anew", st.Rendered)
				}
				next.Forget()
				c = next
			}
		})
	}
}

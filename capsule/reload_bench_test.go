package capsule

import (
	"context"
	"testing"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/postgen"
)

// BenchmarkNoChangeReload is a reload of 2,000 generated posts with
// nothing changed: Load from the previous Content, Build from the
// previous Store, as the daemon does; nothing is rendered. What is left is
// the work proportional to the posts: walking the folder, the lists, the
// link lookups. go test -run '^$' -bench NoChangeReload -benchtime 20x ./capsule
func BenchmarkNoChangeReload(b *testing.B) {
	dir := b.TempDir()
	sentences, err := postgen.Sentences("../posts")
	if err != nil {
		b.Fatal(err)
	}
	if err := postgen.Write(dir, 2000, 4096, sentences); err != nil {
		b.Fatal(err)
	}
	time.Sleep(2100 * time.Millisecond) // past content.RacyWindow
	opts := content.LoadOptions{Settle: -1}
	c, err := content.Load(dir, opts)
	if err != nil {
		b.Fatal(err)
	}
	site := &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	st, err := Build(context.Background(), site, c, BuildOptions{})
	if err != nil {
		b.Fatal(err)
	}
	c.Forget()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		o := opts
		o.Previous = c
		c2, err := content.Load(dir, o)
		if err != nil {
			b.Fatal(err)
		}
		s := &Site{SiteMeta: c2.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
		st2, err := Build(context.Background(), s, c2, BuildOptions{Previous: st, PreviousContent: c})
		if err != nil {
			b.Fatal(err)
		}
		if st2.Rendered != 0 {
			b.Fatalf("%d rendered", st2.Rendered)
		}
		c2.Forget()
		c, st = c2, st2
	}
}

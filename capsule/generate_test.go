package capsule

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// sampleSentences are the sample blog's sentences, the material generated
// posts are made of, so that they read (and cost) like real Japanese posts.
var sampleSentences = sync.OnceValue(func() []string {
	files, _ := filepath.Glob(filepath.Join(samplePosts, "20*.md"))
	var out []string
	sentenceEnd := regexp.MustCompile(`[。！？]`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		body := string(src[strings.LastIndex(string(src), "+++\n")+4:])
		for _, line := range strings.Split(body, "\n") {
			line = strings.TrimSpace(strings.TrimLeft(line, "#-* "))
			for _, s := range sentenceEnd.Split(line, -1) {
				if s = strings.TrimSpace(s); len(s) > 6 {
					out = append(out, s+"。")
				}
			}
		}
	}
	return out
})

// generatePost returns post number i of a generated blog: about size bytes
// of Japanese Markdown with headings, paragraphs broken across lines, a
// list, links and emphasis, and its front matter.
func generatePost(i, size int) string {
	rng := rand.New(rand.NewPCG(uint64(i), 42))
	sentences := sampleSentences()
	pick := func() string { return sentences[rng.IntN(len(sentences))] }
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"_・)生成された記事 %d\"\ndate = %s\ntags = [\"生成\", \"タグ%d\"]\n+++\n\n",
		i, dateOf(i), i%50)
	for section := 1; b.Len() < size; section++ {
		fmt.Fprintf(&b, "## 見出し%d\n\n", section)
		for range 3 {
			// A paragraph of a few sentences, broken across source lines
			// as authors write them.
			for j := range 3 + rng.IntN(3) {
				if j > 0 {
					b.WriteByte('\n')
				}
				s := pick()
				switch rng.IntN(10) {
				case 0:
					s = "**" + s + "**"
				case 1:
					s = "[" + strings.TrimSuffix(s, "。") + "](https://example.com/" + fmt.Sprint(rng.IntN(1000)) + ")。"
				}
				b.WriteString(s)
			}
			b.WriteString("\n\n")
		}
		for range 3 {
			b.WriteString("- " + pick() + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// dateOf spreads generated posts over the days since 2000, one a day.
func dateOf(i int) string {
	return fmt.Sprintf("%04d-%02d-%02d", 2000+i/336, 1+i/28%12, 1+i%28)
}

// writeGeneratedPosts writes n generated posts of about size bytes to dir.
func writeGeneratedPosts(tb testing.TB, dir string, n, size int) {
	tb.Helper()
	if err := os.WriteFile(filepath.Join(dir, SiteFile), []byte("+++\ntitle = \"生成\"\nlang = \"ja\"\n+++\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	forEach(n, func(i int) {
		name := filepath.Join(dir, fmt.Sprintf("%s-post-%05d.md", dateOf(i), i))
		if err := os.WriteFile(name, []byte(generatePost(i, size)), 0o644); err != nil {
			panic(err)
		}
	})
}

func TestGeneratedPostsBuild(t *testing.T) {
	dir := t.TempDir()
	writeGeneratedPosts(t, dir, 20, 16<<10)
	c, err := Load(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 20 || len(c.Posts[0].Body) < 16<<10 || len(c.Posts[0].Body) > 20<<10 {
		t.Fatalf("%d posts of %d bytes", len(c.Posts), len(c.Posts[0].Body))
	}
	if _, err := Build(&Site{SiteMeta: c.Meta, Hostname: "localhost"}, c); err != nil {
		t.Fatal(err)
	}
}

// Package postgen generates blog posts for benchmarks and tests: Japanese Markdown
// made of the sentences of real posts, so that generated posts read, parse
// and render like real ones, in any number and size; and the hostile
// Markdown of the renderers' output-bound tests (Bombs).
package postgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Sentences returns the sentences of the Markdown posts in dir (front
// matter and markup taken off), the material of generated posts.
func Sentences(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	var out []string
	sentenceEnd := regexp.MustCompile(`[。！？]`)
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "_") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		body := string(src)
		if i := strings.LastIndex(body, "+++\n"); i >= 0 {
			body = body[i+4:]
		}
		for _, line := range strings.Split(body, "\n") {
			line = strings.TrimSpace(strings.TrimLeft(line, "#-* "))
			for _, s := range sentenceEnd.Split(line, -1) {
				if s = strings.TrimSpace(s); len(s) > 6 {
					out = append(out, s+"。")
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no sentences in %s", dir)
	}
	return out, nil
}

// Post returns post number i: about size bytes of Markdown with front
// matter, headings, paragraphs broken across lines as authors write them,
// links, emphasis and lists. The same i gives the same post.
func Post(i, size int, sentences []string) string {
	rng := rand.New(rand.NewPCG(uint64(i), 42))
	pick := func() string { return sentences[rng.IntN(len(sentences))] }
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"_・)生成された記事 %d\"\ndate = %s\ntags = [\"生成\", \"タグ%d\"]\n+++\n\n",
		i, Date(i), i%50)
	for section := 1; b.Len() < size; section++ {
		fmt.Fprintf(&b, "## 見出し%d\n\n", section)
		for range 3 {
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

// Date spreads generated posts over 336 days a year from 2000 to 2025,
// several a day past the 8,736th: all in the past, so that a generated
// blog of any size is published, not scheduled.
func Date(i int) string {
	d := i % (26 * 336)
	return fmt.Sprintf("%04d-%02d-%02d", 2000+d/336, 1+d/28%12, 1+d%28)
}

// Write writes n generated posts of about size bytes, and a site file, to
// dir.
func Write(dir string, n, size int, sentences []string) error {
	if err := os.WriteFile(filepath.Join(dir, "_index.md"), []byte("+++\ntitle = \"生成\"\nlang = \"ja\"\n+++\n"), 0o644); err != nil {
		return err
	}
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("%s-post-%05d.md", Date(i), i))
		if err := os.WriteFile(name, []byte(Post(i, size, sentences)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

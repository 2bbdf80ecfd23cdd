package capsule

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"capsule/capsule/content"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

var imgExt = regexp.MustCompile(`(?i)\.(jpe?g|png|gif|webp|svg|avif|bmp)(\?[^ ]*)?$`)

// TestHTMLCorpus measures, on the posts folders in $CORPUS_DIRS (space
// separated; skipped without), the HTML of the posts (HTML blocks, <img,
// <figure, <iframe/<video/<audio in HTML) against what is served: link
// lines to images and all link lines in the posts' gemtext, image marks
// ("[image", "[画像") in their gopher text. CORPUS_SIZES=1 prints each
// post's gemtext size too. Run with -v; see issue 23's report.
func TestHTMLCorpus(t *testing.T) {
	dirs := strings.Fields(os.Getenv("CORPUS_DIRS"))
	if len(dirs) == 0 {
		t.Skip("no CORPUS_DIRS")
	}
	md := newMarkdown()
	var tot [9]int
	for _, dir := range dirs {
		c, err := content.Load(dir, content.LoadOptions{Settle: -1})
		if err != nil {
			t.Logf("%s: %v", dir, err)
			continue
		}
		st, err := Build(context.Background(), &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}, c, BuildOptions{})
		if err != nil && st == nil {
			t.Logf("%s: build %v", dir, err)
			continue
		}
		var n [9]int // html blocks, <img in HTML, <figure, embeds, gemini image lines, gemini link lines, gopher image marks, empty posts, posts
		for _, p := range append(append([]*content.Post{}, c.Posts...), c.Pages...) {
			n[8]++
			root := md.Parser().Parse(text.NewReader(p.Body))
			ast.Walk(root, func(x ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				var raw []byte
				switch x := x.(type) {
				case *ast.HTMLBlock:
					n[0]++
					for i := range x.Lines().Len() {
						s := x.Lines().At(i)
						raw = append(raw, s.Value(p.Body)...)
					}
				case *ast.RawHTML:
					for i := range x.Segments.Len() {
						s := x.Segments.At(i)
						raw = append(raw, s.Value(p.Body)...)
					}
				}
				l := bytes.ToLower(raw)
				n[1] += bytes.Count(l, []byte("<img"))
				n[2] += bytes.Count(l, []byte("<figure"))
				n[3] += bytes.Count(l, []byte("<iframe")) + bytes.Count(l, []byte("<video")) + bytes.Count(l, []byte("<audio"))
				return ast.WalkContinue, nil
			})
			if r := st.gemini[postGeminiPath(p)]; r != nil {
				lines := strings.Split(string(r.Body), "\n")
				body := 0
				for _, l := range lines {
					if u, ok := strings.CutPrefix(l, "=> "); ok {
						n[5]++
						u, _, _ = strings.Cut(u, " ")
						if imgExt.MatchString(u) {
							n[4]++
						}
					}
					body += len(l)
				}
				if len(bytes.TrimSpace(p.Body)) > 0 && !strings.Contains(string(r.Body), "\n\n") {
					n[7]++
				}
			}
			if r := st.gemini[postGeminiPath(p)]; r != nil && os.Getenv("CORPUS_SIZES") != "" {
				fmt.Printf("SIZE %s %d\n", p.File, len(r.Body))
			}
			if g := st.gopher[postGopherSelector(p)]; g != nil {
				n[6] += bytes.Count(g, []byte("[image")) + bytes.Count(g, []byte("[画像"))
			}
		}
		fmt.Printf("%-45s posts %4d htmlblocks %4d html<img %4d <figure %3d embeds %3d | gmi image lines %4d link lines %5d | gopher image marks %4d\n",
			strings.TrimPrefix(dir, "/work/corpus/"), n[8], n[0], n[1], n[2], n[3], n[4], n[5], n[6])
		for i := range n {
			tot[i] += n[i]
		}
	}
	fmt.Printf("%-45s posts %4d htmlblocks %4d html<img %4d <figure %3d embeds %3d | gmi image lines %4d link lines %5d | gopher image marks %4d\n",
		"TOTAL", tot[8], tot[0], tot[1], tot[2], tot[3], tot[4], tot[5], tot[6])
}

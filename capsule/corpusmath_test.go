package capsule_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
)

var emojiCode = regexp.MustCompile(`:[a-z0-9_+-]+:`)

// TestCorpusMathFigures serves every Hugo and Jekyll blog of the corpus
// folder CAPSULE_CORPUS (skipped when unset) on loopback, crawls it on
// both protocols and prints, per site, the math, Mermaid and chart blocks
// of its Gemini pages, their text lines still holding "$$" or "\(", and
// the emoji codes left. CAPSULE_CORPUS_SITES limits it to the sites it
// names; CAPSULE_CORPUS_LINES prints those lines; CAPSULE_CORPUS_DUMP
// writes every page fetched under that folder, to compare two versions:
//
//	CAPSULE_CORPUS=/work/corpus go test ./capsule -run TestCorpusMathFigures -v -timeout 30m
func TestCorpusMathFigures(t *testing.T) {
	corpus := os.Getenv("CAPSULE_CORPUS")
	if corpus == "" {
		t.Skip("CAPSULE_CORPUS not set")
	}
	sites, _ := filepath.Glob(filepath.Join(corpus, "*"))
	for _, s := range sites {
		name := filepath.Base(s)
		posts := s
		if strings.HasPrefix(name, "hugo-") {
			posts = filepath.Join(s, "content")
		} else if !strings.HasPrefix(name, "jekyll-") {
			continue
		}
		if z := os.Getenv("CAPSULE_CORPUS_SITES"); z != "" && !slices.Contains(strings.Fields(z), name) {
			continue
		}
		if _, err := os.Stat(posts); err != nil {
			continue
		}
		d := servetest.Start(t, func(c *config.Config) { c.Posts = posts })
		pages := servetest.Crawl(t, d, 20000)
		var keys []string
		for k := range pages {
			if strings.HasPrefix(k, "gemini:") && strings.HasSuffix(k, ".gmi") {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var math, mermaid, chart, dollar, paren, emoji, mathPosts int
		if dump := os.Getenv("CAPSULE_CORPUS_DUMP"); dump != "" {
			for k, body := range pages {
				f := filepath.Join(dump, name, strings.NewReplacer("/", "_", ":", "_").Replace(k))
				if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, k := range keys {
			pre := false
			had := false
			for _, l := range strings.Split(pages[k], "\n") {
				if strings.HasPrefix(l, "```") {
					if !pre {
						switch strings.TrimPrefix(l, "```") {
						case "math":
							math++
							had = true
						case "mermaid":
							mermaid++
						case "chart":
							chart++
						}
					}
					pre = !pre
					continue
				}
				if pre {
					continue
				}
				if strings.Contains(l, "$$") {
					dollar++
					if os.Getenv("CAPSULE_CORPUS_LINES") != "" {
						fmt.Printf("  $$ %s: %.160s\n", k, l)
					}
				}
				if os.Getenv("CAPSULE_CORPUS_LINES") != "" && (emojiCode.MatchString(l) || strings.Contains(l, `\(`)) {
					fmt.Printf("  :: %s: %.160s\n", k, l)
				}
				if strings.Contains(l, `\(`) {
					paren++
					had = true
				}
				emoji += len(emojiCode.FindAllString(l, -1))
			}
			if had {
				mathPosts++
			}
		}
		fmt.Printf("%-32s pages=%4d mathblocks=%3d mermaid=%2d chart=%2d textlines$$=%3d textlines\\(=%3d pagesWithMath=%2d emojicodes=%3d\n",
			name, len(keys), math, mermaid, chart, dollar, paren, mathPosts, emoji)
	}
}

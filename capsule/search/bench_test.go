package search

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"capsule/capsule/internal/work"
	"capsule/capsule/postgen"
)

// benchDocs are 20,000 generated posts of 16 KiB as the capsule gives them
// to the index: title and gemtext body. Generated once for all benchmarks
// (it takes seconds).
var benchDocs = sync.OnceValue(func() []Doc {
	const n, size = 20000, 16 << 10
	sentences, err := postgen.Sentences("../../posts")
	if err != nil {
		panic(err)
	}
	docs := make([]Doc, n)
	work.ForEach(n, func(i int) {
		docs[i] = Doc{Title: fmt.Sprintf("_・)生成された記事 %d", i), Body: gemtextBody(postgen.Post(i, size, sentences))}
	})
	return docs
})

// benchIndex is the index of benchDocs.
var benchIndex = sync.OnceValue(func() *Index { return New(benchDocs()) })

var mdLink = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)

// gemtextBody is what the gemtext renderer makes of a generated post, near
// enough for the index: paragraphs on one line, their links after them as
// link lines, "* " list items, headings.
func gemtextBody(md string) []byte {
	if _, rest, ok := strings.Cut(md[3:], "+++\n"); ok {
		md = rest
	}
	var b bytes.Buffer
	for _, block := range strings.Split(md, "\n\n") {
		block = strings.TrimSpace(strings.ReplaceAll(block, "**", ""))
		if block == "" {
			continue
		}
		var links []string
		text := mdLink.ReplaceAllStringFunc(block, func(l string) string {
			m := mdLink.FindStringSubmatch(l)
			links = append(links, "=> "+m[2]+" "+m[1])
			return m[1]
		})
		switch {
		case strings.HasPrefix(text, "#"):
			b.WriteString(text + "\n")
		case strings.HasPrefix(text, "- "):
			b.WriteString(strings.ReplaceAll("* "+text[2:], "\n- ", "\n* ") + "\n")
		default:
			b.WriteString(strings.ReplaceAll(text, "\n", "") + "\n")
		}
		for _, l := range links {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// BenchmarkSearchIndexBuild is the cost the index adds to startup, for 1,000
// posts.
func BenchmarkSearchIndexBuild(b *testing.B) {
	docs := benchDocs()[:1000]
	for b.Loop() {
		New(docs)
	}
}

// BenchmarkSearch20k is the cost of ordinary queries over 20,000 posts.
func BenchmarkSearch20k(b *testing.B) {
	idx := benchIndex()
	for _, q := range []string{
		"合気道",       // in some posts
		"OpenStack", // Latin, case-folded
		"です",        // in nearly every post: stops at the result limit
		"存在しない言葉",   // in none
	} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				idx.Search(q)
			}
		})
	}
}

// capitals are the accented Latin, Greek and Cyrillic capital letters:
// each folds to a character absent from (nearly) every post, which used to
// cost a full case-folding of every candidate.
func capitals() []string {
	var out []string
	for _, rg := range [][2]rune{{0xc0, 0xde}, {0x386, 0x3ab}, {0x400, 0x42f}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if unicode.IsUpper(r) {
				out = append(out, string(r))
			}
		}
	}
	return out
}

// BenchmarkSearchHostile runs, in one run, an ASCII query (the baseline)
// and the queries that used to take the CPU, and reports each as a ratio to
// the baseline (…/ascii): the slowest capital letter, "Æ", the longest
// allowed run of "の", a run of "の" over the limit (refused), a phrase in no
// post, and a phrase in no post made only of characters and bigrams that
// are in every post ("adversary": the filters let through 1 post in 100,
// which are read). A query's cost is its median over the iterations, so
// that the other processes of a shared machine weigh less.
func BenchmarkSearchHostile(b *testing.B) {
	idx := benchIndex()
	probes := map[string][]string{
		"ascii":     {"openstack"},
		"capital":   capitals(),
		"Æ":         {"Æ"},
		"の×64":      {strings.Repeat("の", MaxQueryRunes)},
		"の×338":     {strings.Repeat("の", 338)},
		"absent":    {"存在しない言葉"},
		"adversary": {"ますますますますます"},
	}
	times := make(map[string][]time.Duration)
	for b.Loop() {
		for _, qs := range probes {
			for _, q := range qs {
				start := time.Now()
				idx.Search(q)
				times[q] = append(times[q], time.Since(start))
			}
		}
	}
	median := func(q string) time.Duration {
		ts := slices.Clone(times[q])
		slices.Sort(ts)
		return ts[len(ts)/2]
	}
	worst := func(qs []string) (string, time.Duration) {
		var wq string
		var wt time.Duration
		for _, q := range qs {
			if t := median(q); t > wt {
				wq, wt = q, t
			}
		}
		return wq, wt
	}
	ascii := median("openstack")
	b.ReportMetric(float64(ascii), "ascii-ns/query")
	b.Logf("ascii: %v a query", ascii)
	for _, name := range []string{"capital", "Æ", "の×64", "の×338", "absent", "adversary"} {
		q, t := worst(probes[name])
		b.ReportMetric(float64(t)/float64(ascii), name+"/ascii")
		if name == "capital" {
			b.Logf("slowest capital: %s (U+%04X), %v a query", q, []rune(q)[0], t)
		} else {
			b.Logf("%s: %v a query", name, t)
		}
	}
}

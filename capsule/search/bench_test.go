package search

import (
	"capsule/capsule/internal/work"
	"capsule/capsule/postgen"
	"strings"
	"sync"
	"testing"
)

// benchIndex is the search index of 10,000 generated posts of 16 KB, built
// once for all search benchmarks (it takes seconds).
var benchIndex = sync.OnceValues(func() (*Index, [][]byte) {
	const n, size = 10000, 16 << 10
	texts := make([][]byte, n)
	sentences, err := postgen.Sentences("../../posts")
	if err != nil {
		panic(err)
	}
	work.ForEach(n, func(i int) { texts[i] = []byte(postgen.Post(i, size, sentences)) })
	return New(texts), texts
})

var benchQueries = []string{
	"合気道",       // in some posts
	"OpenStack", // Latin, case-folded
	"です",        // in nearly every post: stops at the result limit
	"存在しない言葉",   // in none
}

// BenchmarkSearch10k compares the index with scanning every post's folded
// text for the same results (in order, up to the same limit, with the same
// excerpts): the baseline a capsule without an index would pay.
func BenchmarkSearch10k(b *testing.B) {
	idx, _ := benchIndex()
	for _, q := range benchQueries {
		b.Run("index/"+q, func(b *testing.B) {
			for b.Loop() {
				idx.Search(q)
			}
		})
		b.Run("scan/"+q, func(b *testing.B) {
			m := newMatcher(strings.ToLower(q))
			for b.Loop() {
				var hits []Hit
				for i := range idx.docs {
					if text, at := m.index(idx.docs[i].text); at >= 0 {
						if len(hits) == MaxResults {
							break
						}
						hits = append(hits, Hit{Doc: i, Excerpt: excerpt(text, at, len(m.q))})
					}
				}
			}
		})
	}
}

// BenchmarkSearchIndexBuild is the cost the index adds to startup.
func BenchmarkSearchIndexBuild(b *testing.B) {
	_, texts := benchIndex()
	texts = texts[:1000]
	for b.Loop() {
		New(texts)
	}
}

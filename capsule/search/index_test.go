package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSearchMatchesBruteForce checks the index against plain substring
// search, over texts from a small alphabet so that many candidates share a
// query's grams without containing it.
func TestSearchMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("あいうアイウ日本語abAB ")
	randText := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	texts := make([]string, 40)
	for i := range texts {
		texts[i] = randText(5 + rng.IntN(60))
	}
	idx := New(byteTexts(texts))
	for range 2000 {
		query := randText(1 + rng.IntN(4))
		var want []int
		for i, text := range texts {
			if strings.TrimSpace(query) != "" && strings.Contains(strings.ToLower(text), strings.ToLower(strings.TrimSpace(query))) {
				want = append(want, i)
			}
		}
		hits, more := idx.Search(query)
		var got []int
		for _, h := range hits {
			got = append(got, h.Doc)
		}
		if more {
			t.Fatalf("query %q: more than %d results from %d texts", query, MaxResults, len(texts))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("query %q: got %v, want %v", query, got, want)
		}
	}
}

func TestSearchExcerpt(t *testing.T) {
	long := strings.Repeat("前置き。", 20) + "養神館合気道光龍館に入会し" + strings.Repeat("後の文。", 20)
	idx := New(byteTexts([]string{"Title\n" + long, "OpenStackを支える\nLinux技術", "İstanbul OPENSTACK"}))
	hits, _ := idx.Search("合気道")
	if len(hits) != 1 || hits[0].Doc != 0 {
		t.Fatalf("hits = %+v", hits)
	}
	ex := hits[0].Excerpt
	if !strings.Contains(ex, "養神館合気道光龍館") || !strings.HasPrefix(ex, "…") || !strings.HasSuffix(ex, "…") {
		t.Errorf("excerpt %q", ex)
	}
	if n := len([]rune(ex)); n > 2*excerptRunes+len([]rune("合気道"))+2 {
		t.Errorf("excerpt is %d runes long", n)
	}

	hits, _ = idx.Search("  openstack ")
	if len(hits) != 2 || hits[0].Excerpt != "OpenStackを支える Linux技術" {
		t.Errorf("case-insensitive search: %+v", hits)
	}
	// "İ" lower-cases to a longer sequence: the excerpt comes from the
	// folded text then, and still shows the match.
	if !strings.Contains(strings.ToLower(hits[1].Excerpt), "openstack") {
		t.Errorf("excerpt %q lacks the match", hits[1].Excerpt)
	}
	if hits, _ := idx.Search("   "); hits != nil {
		t.Errorf("blank query found %v", hits)
	}
}

func TestSearchLimit(t *testing.T) {
	texts := make([]string, MaxResults+10)
	for i := range texts {
		texts[i] = "共通の言葉"
	}
	hits, more := New(byteTexts(texts)).Search("言葉")
	if len(hits) != MaxResults || !more || hits[0].Doc != 0 {
		t.Errorf("%d hits, more=%v", len(hits), more)
	}
}

func byteTexts(texts []string) [][]byte {
	out := make([][]byte, len(texts))
	for i, t := range texts {
		out[i] = []byte(t)
	}
	return out
}

func TestSearchIgnoresMarkupAndCase(t *testing.T) {
	page := "# Ｔitle ΑΒΓ\n\n2020-01-01 · tag\n=> /tags/tag.gmi #tag\n\n## 見出し\n\n本文にOpenStackがある。\n=> https://example.com/x リンク先\n"
	idx := New(byteTexts([]string{page}))
	for _, q := range []string{"openstack", "OPENSTACK", "見出し", "αβγ", "リンク先"} {
		if hits, _ := idx.Search(q); len(hits) != 1 {
			t.Errorf("%q not found", q)
		}
	}
	hits, _ := idx.Search("見出し")
	if ex := hits[0].Excerpt; strings.Contains(ex, "##") || strings.Contains(ex, "=>") || strings.Contains(ex, "https://") {
		t.Errorf("excerpt shows markup: %q", ex)
	}
}

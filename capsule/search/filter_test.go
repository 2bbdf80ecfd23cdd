package search

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFilterSizedForItsBigrams checks the Bloom filters' design on real
// prose, Japanese (the sample blog) and English (this repository's
// README): a bigram a post lacks, of two characters it has (what the
// per-block filters let through), passes its filter about one time in
// fifty, and the filter spends about filterBitsPerBigram bits on each
// of the post's distinct bigrams, neither more nor fewer.
func TestFilterSizedForItsBigrams(t *testing.T) {
	posts, _ := filepath.Glob("../../posts/*.md")
	readme, err := os.ReadFile("../../README.md")
	if err != nil || len(posts) == 0 {
		t.Fatal("no sample posts or README", err)
	}
	var japanese []string
	for _, p := range posts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		japanese = append(japanese, string(b))
	}
	// The README in pieces of some 16 KB, a post each.
	var english []string
	for s := string(readme); len(s) > 0; {
		n := min(len(s), 16<<10)
		english = append(english, s[:n])
		s = s[n:]
	}
	for _, lang := range []struct {
		name  string
		texts []string
	}{{"Japanese", japanese}, {"English", english}} {
		rng := rand.New(rand.NewPCG(1, 2))
		tried, passed, bits, distinct := 0, 0, 0, 0
		for _, text := range lang.texts {
			var b builder
			d, _ := b.build(Doc{Title: "t", Body: []byte(text)}, 7)
			// The doc's characters and bigrams, from its folded lines.
			has := map[uint64]bool{}
			var chars []rune
			seen := map[rune]bool{}
			for _, line := range strings.Split(Fold("t")+"\n"+Fold(text), "\n") {
				rs := []rune(line)
				for i, r := range rs {
					if !seen[r] {
						seen[r] = true
						chars = append(chars, r)
					}
					if i > 0 {
						has[bigram(rs[i-1], r)] = true
					}
				}
			}
			bits += 64 * len(d.filter)
			distinct += len(has)
			for range 20000 {
				g := bigram(chars[rng.IntN(len(chars))], chars[rng.IntN(len(chars))])
				if has[g] {
					continue
				}
				tried++
				if d.mayContain([]uint64{g}) {
					passed++
				}
			}
		}
		rate, perBigram := float64(passed)/float64(tried), float64(bits)/float64(distinct)
		t.Logf("%s: %d absent bigrams tried, %.2f%% let through; %.1f bits per distinct bigram", lang.name, tried, 100*rate, perBigram)
		if rate > 0.03 {
			t.Errorf("%s: the filters let through %.2f%% of absent bigrams, want about 2%%", lang.name, 100*rate)
		}
		if perBigram < filterBitsPerBigram*0.8 || perBigram > filterBitsPerBigram*1.25 {
			t.Errorf("%s: %.1f bits of filter per distinct bigram, want about %d", lang.name, perBigram, filterBitsPerBigram)
		}
	}
}

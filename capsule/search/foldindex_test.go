package search

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestFoldIndexIsFoldThenIndex checks that the builder, which indexes most
// lines as it decodes them (foldIndex), keeps what it kept when it folded
// every line (appendFoldKind) and indexed the folding: the same doc, the
// same keys, on random lines of every kind of rune folding meets.
func TestFoldIndexIsFoldThenIndex(t *testing.T) {
	pieces := []string{"a", "B", "xyz", " ", "  ", "\\t", "漢字", "かな", "カナ", "。", "、", "「", "ー", "ｱ", "ﾞ", "ｶﾞ",
		"Ａ", "ｂ", "\u3000", "é", "e\u0301", "\u0301", "É", "ß", "ﬁ", "Σ", "👍", "\U00020000", "\u200b", "\xff", "\xe3\x81",
		"\x01", "\u0085", "①", "㍿", "aaaa", "ああああ", "----", "\u30fc\u30fc\u30fc", "\ufeff", "ｗ", "\u212b", "\ud55c"}
	prefixes := []string{"", "", "", "# ", "* ", "> ", "=> ", "```", "\u200b"}
	rng := rand.New(rand.NewSource(7))
	var ref, got builder
	for range 3000 {
		var body strings.Builder
		for range rng.Intn(8) {
			body.WriteString(prefixes[rng.Intn(len(prefixes))])
			for range rng.Intn(12) {
				body.WriteString(pieces[rng.Intn(len(pieces))])
			}
			body.WriteString("\n")
		}
		d := Doc{Title: pieces[rng.Intn(len(pieces))], Body: []byte(body.String())}
		wantDoc, wantKeys := ref.buildFoldingEveryLine(d, 42)
		gotDoc, gotKeys := got.build(d, 42)
		if !reflect.DeepEqual(gotDoc, wantDoc) || !slices.Equal(gotKeys, wantKeys) {
			t.Fatalf("%q:\n got %+v %v\nwant %+v %v", d.Body, gotDoc, gotKeys, wantDoc, wantKeys)
		}
	}
}

// buildFoldingEveryLine is build as it was before foldIndex: every line
// folded into scratch space (appendFold), then indexed.
func (b *builder) buildFoldingEveryLine(d Doc, seed uint64) (doc, []uint32) {
	return b.buildFolding(d, seed, func(b *builder, dst, src []byte, base int) ([]byte, uint32) {
		line := appendFold(dst, src, base, &b.regions)
		b.index(line)
		return line, 0
	})
}

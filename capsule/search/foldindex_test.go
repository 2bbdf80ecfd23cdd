package search

import (
	"bytes"
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
// folded into scratch space, then indexed.
func (b *builder) buildFoldingEveryLine(d Doc, seed uint64) (doc, []uint32) {
	b.lines, b.regions, b.keys, b.spans = b.lines[:0], b.regions[:0], b.keys[:0], b.spans[:0]
	body := d.Body
	b.proseSpans(body)
	title := appendFold(nil, []byte(d.Title), 0, nil)
	out := doc{name: d.Title, body: body, title: string(title), seed: seed}
	b.seed, b.grams = seed, b.grams[:0]
	clear(b.count[:])
	b.index(title)
	var kept []byte
	b.kept = b.kept[:0]
	at := 0
	for i, sp := range b.spans {
		if i > 0 {
			at++
		}
		b.lines = append(b.lines, mark{fold: uint32(at), orig: uint32(sp[0])})
		r0 := len(b.regions)
		line := appendFold(b.scratch[:0], body[sp[0]:sp[1]], sp[0], &b.regions)
		b.scratch = line
		for k := r0; k < len(b.regions); k++ {
			b.regions[k].fold0 += uint32(at)
			b.regions[k].fold1 += uint32(at)
		}
		b.index(line)
		if src := body[sp[0]:sp[1]]; bytes.Equal(line, src) {
			b.kept = append(b.kept, sameLine)
		} else if plain(line, src) {
			b.kept = append(b.kept, plainLine)
		} else {
			b.kept = append(b.kept, uint32(len(kept)))
			kept = append(kept, line...)
		}
		at += len(line)
	}
	return out, b.finish(&out, at, kept)
}

package search

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The index keeps folded only the lines whose folding is more than ASCII
// case; find folds the rest as it reads them. Wherever a query is looked
// for, and however much of the post a query may read, find must answer
// what looking in the whole folding of the post's prose (line by line, as
// appendFold gives it) answers.
func TestFindReadsTheFolding(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"OpenStack", "ラズパイ", "ﾗｽﾞﾊﾟｲ", "ＯｐｅｎＳｔａｃｋ", "（テスト）", "合気道", "Ω", "ǅ", "e\u0301", "\t", " ",
		"=> gemini://example.org/ リンク", "# 見出し", "* 項目", "> 引用", "```", "\x7f", "\xff", "！？", "ｶ\uFF9E"}
	var scratch []byte
	for round := range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			for range rng.IntN(6) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			b.WriteByte('\n')
		}
		idx := New([]Doc{{Title: "t", Body: []byte(b.String())}})
		d := &idx.docs[0]
		var want []byte
		for li := range d.lines {
			if li > 0 {
				want = append(want, '\n')
			}
			want = appendFold(want, d.body[d.lines[li].orig:d.lineEnd(li)], 0, nil)
		}
		if int(d.size) != len(want) {
			t.Fatalf("round %d: size %d, want %d", round, d.size, len(want))
		}
		// Queries: pieces of the folding, and of its lines, that a
		// reader could type.
		for range 10 {
			if len(want) == 0 {
				break
			}
			i := rng.IntN(len(want))
			j := min(len(want), i+1+rng.IntN(12))
			text := strings.ToValidUTF8(strings.TrimSpace(string(want[i:j])), "")
			text, _, _ = strings.Cut(text, "\n")
			q, err := prepare(text)
			if err != nil || q == nil {
				continue
			}
			for _, limit := range []int{len(want), len(want) / 2, rng.IntN(len(want) + 1)} {
				if got, ref := d.find(q, limit, &scratch), index(want[:limit], q.text, q.pivot); got != ref {
					t.Fatalf("round %d, body %q, query %q, limit %d: find %d, the folding says %d", round, b.String(), text, limit, got, ref)
				}
			}
		}
	}
}

// Matches in kept lines and in rebuilt ones, after lines whose folding
// changed their length, are shown as written.
func TestExcerptsAcrossKeptLines(t *testing.T) {
	body := "ＡＢＣの話（全角）\nHello World, plain.\n（テスト）です。ﾃｽﾄも。\nLast Line\n"
	idx := New([]Doc{{Title: "t", Body: []byte(body)}})
	if d := &idx.docs[0]; len(d.fold) == 0 || len(d.fold) >= int(d.size) {
		t.Fatalf("kept %d of %d bytes: want some lines kept, not all", len(d.fold), d.size)
	}
	for q, want := range map[string]string{
		"abcの話":     "ＡＢＣの話",
		"world":     "Hello World",
		"(テスト)です":   "（テスト）です",
		"テストも":      "ﾃｽﾄも",
		"last line": "Last Line",
	} {
		hits, _ := idx.Search(q)
		if len(hits) != 1 || !strings.Contains(hits[0].Excerpt, want) {
			t.Errorf("%q: %+v, want an excerpt with %q", q, hits, want)
		}
	}
}

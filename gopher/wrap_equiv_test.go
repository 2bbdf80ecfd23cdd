package gopher

import (
	"flag"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// The tests in this file check that the fast wrapping code gives exactly
// what the reference code (wrap_reference_test.go) gives.

// equivPieces are the building blocks of random paragraphs, by kind.
var equivPieces = map[string][]string{
	// Characters in the rune table (wrap_class.go): the table-driven path.
	"japanese": {
		"あ", "い", "う", "か", "漢", "字", "日本語", "ア", "カタカナ", "ー", "っ", "ゃ", "ッ", "ャ", "ぁ", "ゎ", "ヵ", "々", "ゝ", "ヽ",
		"、", "。", "「", "」", "（", "）", "『", "』", "【", "】", "〈", "〉", "《", "》", "〔", "〕", "［", "］", "｛", "｝",
		"！", "？", "：", "；", "・", "…", "‥", "〜", "　", "，", "．", "＄", "％", "１２", "ＡＢ", "｢", "｣", "ｱ", "ｰ", "ｯ",
		"※", "“", "”", "‘", "’", "〝", "〟", "゠", "〃", "〆", "〇", "〒", "〿", "한국어", "가", "豈", "㐀", "䷀",
	},
	"latin": {
		"a", "b", "Z", "word", "supercalifragilistic", "0", "1", "42", "3.14", "1,000", "$5", "10%", "-1", "(1)", "1/2",
		"12:30", "-", "--", "/", ".", ",", ":", ";", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "'", "|", "\\", "+",
		"#", "&", "*", "<", ">", "=", "@", "^", "_", "`", "~", "%", "$", "é", "ü", "×", "÷", "«", "»", "¿", "¡", "°",
		"±", "´", "£", "¥", "¢", "§", "‐", "–", "—", "„", "‚", "‰", "′", "†", "‹", "›", "e.g.", "U.S.A.", "can't",
	},
	"space": {" ", " ", " ", "  ", "   ", "\t"},
	"url": {
		"https://example.com/", "gemini://example.org/a/b", "http://x.y/very/long/path/name/that/goes/on",
		"HTTPS://EXAMPLE.COM/A", "gopher://e/1/phlog", "https://a.example/x?q=1&r=2#frag", "(https://b/)",
		"see:https://c/d", "https://ex.com/を見て", "https://e.x/" + strings.Repeat("abc/", 25), "http://",
		"https://ex.com/path）。", "https://ex.com/a-1", "hTtP://Mixed.Case/",
	},
	// Characters outside the rune table: the uniseg path.
	"other": {
		"👍", "👍🏽", "👨‍👩‍👧", "🇯🇵", "🇺", "❤️", "☺︎", "#️⃣", "©", "®", "e\u0301", "\u0301", " \u0301", "か\u3099",
		"ᄀ", "ᅡ", "ᆨ", "\u200b", "\u2060", "\u200d", "\ufeff", "\u00a0", "\u00ad", "\u202f", "⸻", "⸺",
		"ภาษาไทย", "\u0600a", "क्षि", "שלום", "ש-ב", "○", "①", "→", "Α", "Ж", "ﾞ", "〰", "〽", "𠀋", "\U0001F600x",
	},
	"control": {"\n", "\r\n", "\r", "\v", "\f", "\u0085", "\u2028", "\u2029", "\x1b", "\x00", "\xff", "\xe3\x81"},
}

// equivMixes are the kinds a random paragraph draws from.
var equivMixes = [][]string{
	{"japanese"},
	{"japanese", "space"},
	{"latin", "space"},
	{"japanese", "latin", "space"},
	{"japanese", "latin", "space", "url"},
	{"japanese", "latin", "space", "url", "other"},
	{"japanese", "latin", "space", "url", "other", "control"},
	{"latin", "other", "space"},
	{"url", "space", "japanese"},
}

// equivParagraph builds a random paragraph and a random glue list for it.
func equivParagraph(rng *rand.Rand) (string, []int) {
	mix := equivMixes[rng.Intn(len(equivMixes))]
	var sb strings.Builder
	n := rng.Intn(80)
	if rng.Intn(10) == 0 {
		n = rng.Intn(400)
	}
	for range n {
		kind := equivPieces[mix[rng.Intn(len(mix))]]
		sb.WriteString(kind[rng.Intn(len(kind))])
	}
	s := sb.String()
	var glue []int
	for range rng.Intn(4) {
		glue = append(glue, rng.Intn(len(s)+2)-1)
	}
	return s, glue
}

// equivWidth picks a width, mostly small, up to 80; now and then 0 or below.
func equivWidth(rng *rand.Rand) int {
	switch rng.Intn(10) {
	case 0:
		return rng.Intn(3) - 2
	case 1, 2, 3:
		return 1 + rng.Intn(80)
	}
	return 1 + rng.Intn(20)
}

func checkWrapEquiv(t *testing.T, s string, width int, glue []int) {
	t.Helper()
	want := referenceWrap(s, width, slices.Clone(glue))
	got := wrap(s, width, glue)
	if !slices.Equal(got, want) || (got == nil) != (want == nil) {
		t.Fatalf("wrap(%q, %d, %v):\n got %q\nwant %q", s, width, glue, got, want)
	}
}

// equivCases is how many random paragraphs TestWrapMatchesReferenceRandom
// wraps; go test -args -equiv.cases=1000000 for a longer run.
var equivCases = flag.Int("equiv.cases", 30000, "random paragraphs for TestWrapMatchesReferenceRandom")

func TestWrapMatchesReferenceRandom(t *testing.T) {
	n := *equivCases
	if testing.Short() {
		n /= 10
	}
	rng := rand.New(rand.NewSource(2))
	for range n {
		s, glue := equivParagraph(rng)
		checkWrapEquiv(t, s, equivWidth(rng), glue)
	}
}

// TestWrapMatchesReferenceTable wraps random strings of characters drawn
// from the whole rune table, so that every class meets every other.
func TestWrapMatchesReferenceTable(t *testing.T) {
	var runes []rune
	for _, e := range runeTable {
		runes = append(runes, e.lo, e.hi, e.lo+(e.hi-e.lo)/2)
	}
	n := 50000
	if testing.Short() {
		n = 5000
	}
	rng := rand.New(rand.NewSource(3))
	for range n {
		var sb strings.Builder
		for range rng.Intn(60) {
			if rng.Intn(4) == 0 {
				sb.WriteByte(" 0-(/$%"[rng.Intn(7)])
				continue
			}
			sb.WriteRune(runes[rng.Intn(len(runes))])
		}
		checkWrapEquiv(t, sb.String(), equivWidth(rng), nil)
	}
}

func TestWrapMatchesReferencePost(t *testing.T) {
	src, err := os.ReadFile("testdata/bench/post.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for _, width := range []int{1, 2, 3, 5, 8, 13, 20, 35, 40, 69, 70, 80, 200} {
		for _, l := range lines {
			checkWrapEquiv(t, l, width, nil)
		}
	}
	// And whole paragraphs, newlines included.
	for _, p := range strings.Split(string(src), "\n\n") {
		checkWrapEquiv(t, p, 70, nil)
		checkWrapEquiv(t, strings.ReplaceAll(p, "\n", ""), 40, nil)
	}
}

func TestCleanLineMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	extra := []string{".", " ", "\t", "  ", "\x7f", "\u0080", "\u009f", "\u00a0", "\u2027", "\u202a"}
	for i := range 50000 {
		s, _ := equivParagraph(rng)
		for range rng.Intn(3) {
			s += extra[rng.Intn(len(extra))]
		}
		if i%50 == 0 {
			s = extra[rng.Intn(len(extra))]
		}
		if got, want := cleanLine(s), referenceCleanLine(s); got != want {
			t.Fatalf("cleanLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestWrapAmbiguousWide wraps with East Asian Ambiguous characters two
// cells wide, which runeTable does not assume: everything goes through
// uniseg then.
func TestWrapAmbiguousWide(t *testing.T) {
	defer func(w int) { uniseg.EastAsianAmbiguousWidth = w }(uniseg.EastAsianAmbiguousWidth)
	uniseg.EastAsianAmbiguousWidth = 2
	rng := rand.New(rand.NewSource(11))
	for range 3000 {
		s, glue := equivParagraph(rng)
		checkWrapEquiv(t, s, equivWidth(rng), glue)
		if got, want := textWidth(s), uniseg.StringWidth(s); got != want {
			t.Fatalf("textWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzWrapMatchesReference holds the fast wrapping code (the table-driven
// path, its loop for Japanese runs included) to the reference, for any
// text, width and glue: go test -run '^$' -fuzz FuzzWrapMatchesReference ./gopher
func FuzzWrapMatchesReference(f *testing.F) {
	f.Add("吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。", 10, 7, 0)
	f.Add("日本語の文章[1]と https://example.com/を見て、漢字かな交じり文", 14, 18, 3)
	f.Add("「お待たせしました」と彼女は言った。（本当は十分も遅れていた）", 9, 0, 1)
	f.Fuzz(func(t *testing.T, s string, width, glueAt, glueStep int) {
		width %= 100
		var glue []int
		if glueStep > 0 && len(s) > 0 {
			for at := glueAt % (len(s) + 1); at >= 0 && at <= len(s) && len(glue) < 8; at += glueStep%16 + 1 {
				glue = append(glue, at)
			}
		}
		checkWrapEquiv(t, s, width, glue)
	})
}

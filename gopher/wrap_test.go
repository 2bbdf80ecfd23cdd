package gopher

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// readSections parses a golden file: a free comment, then sections each
// opened by a line "-- name --". Section text keeps its lines as they are,
// without the final newline.
func readSections(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	name := ""
	var body []string
	flush := func() {
		if name != "" {
			sections[name] = strings.Join(body, "\n")
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) > 6 {
			flush()
			name, body = line[3:len(line)-3], nil
			continue
		}
		body = append(body, line)
	}
	flush()
	return sections
}

func TestWrapGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/wrap/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden files in testdata/wrap")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s := readSections(t, f)
			width, err := strconv.Atoi(strings.TrimSpace(s["width"]))
			if err != nil {
				t.Fatalf("width: %v", err)
			}
			want := strings.Split(s["want"], "\n")
			got := Wrap(s["input"], width)
			if !slices.Equal(got, want) {
				t.Errorf("Wrap(%q, %d):\ngot:\n%s\nwant:\n%s", s["input"], width,
					strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestWrapSmall(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"", 10, nil},
		{"   ", 10, nil},
		{"abc", 0, []string{"a", "b", "c"}},
		{"abc", -5, []string{"a", "b", "c"}},
		{"a\tb", 10, []string{"a b"}},
		{"one\ntwo", 10, []string{"one", "two"}},
		{"one\r\n\r\ntwo", 10, []string{"one", "", "two"}},
		{"a\u2028b", 10, []string{"a", "b"}},
		{"日本語", 2, []string{"日", "本", "語"}},
		{"日本語", 1, []string{"日", "本", "語"}},
		{"HTTPS://EXAMPLE.COM/A", 25, []string{"HTTPS://EXAMPLE.COM/A"}},
		{"x gopher://example.org/1/phlog y", 28, []string{"x", "gopher://example.org/1/phlog", "y"}},
		// Without the URL rule UAX #14 would break after a "/".
		{"ab gemini://example.org/x/y", 24, []string{"ab", "gemini://example.org/x/y"}},
		{"ab example.org/xx/yy", 14, []string{"ab", "example.org/", "xx/yy"}},
	}
	for _, tt := range tests {
		if got := Wrap(tt.s, tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

func TestWrapGlue(t *testing.T) {
	// Without glue the reference marker could start a line.
	s := "リンク[1]の後"
	if got, want := Wrap(s, 6), []string{"リンク", "[1]の", "後"}; !slices.Equal(got, want) {
		t.Errorf("Wrap(%q, 6) = %q, want %q", s, got, want)
	}
	if got, want := wrap(s, 6, []int{len("リンク")}), []string{"リン", "ク[1]", "の後"}; !slices.Equal(got, want) {
		t.Errorf("wrap with glue = %q, want %q", got, want)
	}
}

// kinsoku samples: Japanese paragraphs rich in brackets and punctuation.
var kinsokuSamples = []string{
	"吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。",
	"「お待たせしました」と彼女は言った。（本当は十分も遅れていた）『ごめんね』とも言わず、【速報】の見出しを眺めている…",
	"ちょっと待って！　そっちじゃない？　え、ほんとうに？　キャッチャーのジャッキー・チェーン、プレーヤー。",
	"WiMAXの電波は、地下鉄（東京メトロ）でも入る。「本当に？」と聞かれたので、『試してみて』と答えた。",
	"第１章：はじまり。第２章；おわり．次に，《注意》と〈警告〉を読むこと。",
	"人々は「まぁ〜」と言った。いすゞの車に乗り、ぃぅぇぉの練習。彼は“こんにちは”と言い、〔補足〕［注］｛括弧｝を付けた。",
}

// noStart and noEnd are what UAX #14, as uniseg implements it, keeps from
// starting or ending a line.
var (
	noStart = []string{"、", "。", "，", "．", "・", "：", "；", "？", "！", "）", "」", "』", "】", "〉", "》",
		"ー", "ゃ", "ゅ", "ょ", "っ", "ッ", "ャ", "…", "々", "〜", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "ゝ", "ゞ", "ヽ", "ヾ",
		"”", "〕", "］", "｝"}
	noEnd = []string{"「", "（", "『", "【", "〈", "《", "“", "〔", "［", "｛"}
)

func TestWrapKinsoku(t *testing.T) {
	for _, s := range kinsokuSamples {
		// From the width of the widest piece between two break
		// opportunities on, nothing is split by force: UAX #14 alone
		// decides where lines end.
		widest := 0
		for _, sg := range segments(splitAtoms(s)) {
			widest = max(widest, sg.w)
		}
		if widest > 12 {
			t.Errorf("%q: a piece of %d cells", s, widest)
		}
		for width := widest; width <= 40; width++ {
			for _, line := range Wrap(s, width) {
				for _, p := range noStart {
					if strings.HasPrefix(line, p) {
						t.Errorf("width %d: line %q starts with %q", width, line, p)
					}
				}
				for _, p := range noEnd {
					if strings.HasSuffix(line, p) {
						t.Errorf("width %d: line %q ends with %q", width, line, p)
					}
				}
				if w := uniseg.StringWidth(line); w > width {
					t.Errorf("width %d: line %q is %d cells", width, line, w)
				}
			}
		}
	}
}

// unbreakable reports whether line is an unbreakable token: exactly one
// grapheme cluster. It is the only kind of line Wrap may make wider than the
// width.
func unbreakable(line string) bool {
	return uniseg.GraphemeClusterCount(line) == 1 || urlLine(line)
}

// urlLine reports whether line is a URL, with the closing punctuation
// that followed it (maybe after spaces): a URL wider than the line is
// kept whole on a line of its own.
func urlLine(line string) bool {
	spans := urlSpans(line)
	if len(spans) == 0 || spans[0][0] != 0 {
		return false
	}
	rest := line[spans[0][1]:]
	for rest != "" {
		c, r, _, _ := uniseg.FirstGraphemeClusterInString(rest, -1)
		if !noLineStart(c) && c != " " {
			return false
		}
		rest = r
	}
	return true
}

func TestUnbreakable(t *testing.T) {
	for _, s := range []string{"日", "👨‍👩‍👧‍👦", "🇯🇵", "e\u0301", "⸻"} {
		if !unbreakable(s) {
			t.Errorf("unbreakable(%q) = false", s)
		}
		if w := uniseg.StringWidth(s); w > 1 {
			if got := Wrap(s, 1); !slices.Equal(got, []string{s}) {
				t.Errorf("Wrap(%q, 1) = %q", s, got)
			}
		}
	}
	for _, s := range []string{"日本", "ab", "👍👍"} {
		if unbreakable(s) {
			t.Errorf("unbreakable(%q) = true", s)
		}
	}
	// U+2E3B THREE-EM DASH is one cluster of 4 cells: the one case where a
	// line outgrows a width of 2 or 3.
	if got := Wrap("a⸻b", 3); !slices.Equal(got, []string{"a", "⸻", "b"}) {
		t.Errorf("Wrap(a⸻b, 3) = %q", got)
	}
}

// randomParagraph builds a paragraph from Japanese, Latin, emoji, space and
// URL pieces.
func randomParagraph(rng *rand.Rand) string {
	pieces := []string{
		"あ", "い", "う", "漢", "字", "ー", "っ", "ゃ", "、", "。", "「", "」", "（", "）", "『", "』", "！", "　",
		"a", "b", "Z", "1", "-", "/", ".", ",", "(", ")", "\"", "'",
		" ", " ", " ", " ",
		"👍", "👍🏽", "👨‍👩‍👧", "🇯🇵", "e\u0301", "○", "①", "⸻", "\u00a0",
		"https://example.com/", "gemini://example.org/a/b", "http://x.y/very/long/path/name/that/goes/on",
		"supercalifragilistic", "word",
	}
	var sb strings.Builder
	n := rng.Intn(60)
	for range n {
		sb.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return sb.String()
}

func TestWrapProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := range 5000 {
		s := randomParagraph(rng)
		width := 1 + rng.Intn(30)
		lines := Wrap(s, width)
		noSpace := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		if got, want := noSpace(strings.Join(lines, "")), noSpace(s); got != want {
			t.Fatalf("#%d Wrap(%q, %d) = %q: text changed:\n got %q\nwant %q", i, s, width, lines, got, want)
		}
		for _, l := range lines {
			if l == "" || strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
				t.Fatalf("#%d Wrap(%q, %d): bad line %q", i, s, width, l)
			}
			if uniseg.StringWidth(l) > width && !unbreakable(l) {
				t.Fatalf("#%d Wrap(%q, %d): line %q is %d cells", i, s, width, l, uniseg.StringWidth(l))
			}
		}
		// A URL is never broken; no line starts with closing
		// punctuation but after a line whose last cluster is alone on it
		// or is closing punctuation too.
		brk := map[int]int{} // the break after the atom ending at each offset
		for _, a := range splitAtoms(s) {
			brk[a.off+len(a.s)] = a.brk
		}
		at := 0 // where the line is in s
		for k, l := range lines {
			next := at + strings.Index(s[at:], l)
			c, _, _, _ := uniseg.FirstGraphemeClusterInString(l, -1)
			// A split by force: no break opportunity between the line
			// before and this one (spaces dropped between them).
			split := k > 0
			for o := at; o <= next && split; o++ {
				split = brk[o] == refBrNone
			}
			// (Unless the line before is one cluster, or one URL, which
			// cannot be split, or ends with such punctuation too.)
			if split && noLineStart(c) {
				prev := lines[k-1]
				oneURL := len(urlSpans(prev)) == 1 && urlSpans(prev)[0] == [2]int{0, len(prev)}
				if uniseg.GraphemeClusterCount(prev) > 1 && !oneURL && !endsNoStart(prev) {
					t.Fatalf("#%d Wrap(%q, %d) = %q: line %q starts with %q", i, s, width, lines, l, c)
				}
			}
			at = next + len(l)
		}
		for _, sp := range urlSpans(s) {
			u := s[sp[0]:sp[1]]
			found := false
			for _, l := range lines {
				if strings.Contains(l, u) {
					found = true
				}
			}
			if !found {
				t.Fatalf("#%d Wrap(%q, %d) = %q: URL %q broken", i, s, width, lines, u)
			}
		}
	}
}

// endsNoStart reports whether line's last cluster is one no line starts
// with.
func endsNoStart(line string) bool {
	last := ""
	for rest := line; rest != ""; {
		c, r, _, _ := uniseg.FirstGraphemeClusterInString(rest, -1)
		last, rest = c, r
	}
	return noLineStart(last)
}

func TestURLSpans(t *testing.T) {
	s := "見て https://a.example/x。（http://b/）と gemini://c/d\u3000gopher://e/1"
	var got []string
	for _, sp := range urlSpans(s) {
		got = append(got, s[sp[0]:sp[1]])
	}
	want := []string{"https://a.example/x", "http://b/", "gemini://c/d", "gopher://e/1"}
	if !slices.Equal(got, want) {
		t.Errorf("urlSpans = %q, want %q", got, want)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("吾輩は猫である。名前はまだ無い。", 10)
	f.Add("see https://example.com/a/very/long/path for details", 12)
	f.Add("家族👨‍👩‍👧‍👦と旗🇯🇵 cafe\u0301\r\n\tx", 3)
	dropped := strings.NewReplacer("\t", "", " ", "", "\n", "", "\r", "", "\v", "", "\f", "", "\u0085", "", "\u2028", "", "\u2029", "")
	f.Fuzz(func(t *testing.T, s string, width int) {
		width %= 100
		lines := Wrap(s, width)
		// Drop from each line before joining: joined first, the stray
		// bytes of invalid UTF-8 at two line ends could fuse into a
		// character the replacer drops.
		var joined strings.Builder
		for _, l := range lines {
			joined.WriteString(dropped.Replace(l))
		}
		if got, want := joined.String(), dropped.Replace(s); got != want {
			t.Fatalf("Wrap(%q, %d) = %q: text changed", s, width, lines)
		}
		for _, l := range lines {
			// A space that a combining mark or ZWJ extends is a
			// cluster of its own, text rather than a space.
			first, _, _, _ := uniseg.FirstGraphemeClusterInString(l, -1)
			if first == " " || strings.HasSuffix(l, " ") || strings.ContainsAny(l, "\t\n\r") {
				t.Fatalf("Wrap(%q, %d): bad line %q", s, width, l)
			}
			if uniseg.StringWidth(l) > max(width, 1) && !unbreakable(l) {
				t.Fatalf("Wrap(%q, %d): line %q is %d cells", s, width, l, uniseg.StringWidth(l))
			}
		}
	})
}

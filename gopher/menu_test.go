package gopher

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	gogopher "git.mills.io/prologic/go-gopher"
)

func TestMenu(t *testing.T) {
	m := NewMenu("example.org", 70)
	m.Info("Title\twith TAB")
	m.Info("")
	m.Item(TypeText, "2017-05-03 _・)やあ\r\n", "/posts/a.txt")
	m.Remote(TypeMenu, "elsewhere", "/", "other.example", 7070)
	m.Error("Not found")
	want := "iTitle with TAB\t\texample.org\t70\r\n" +
		"i\t\texample.org\t70\r\n" +
		"02017-05-03 _・)やあ\t/posts/a.txt\texample.org\t70\r\n" +
		"1elsewhere\t/\tother.example\t7070\r\n" +
		"3Not found\t\texample.org\t70\r\n" +
		"iNot found\t\texample.org\t70\r\n" +
		".\r\n"
	if got := string(m.Bytes()); got != want {
		t.Errorf("menu:\n%q\nwant\n%q", got, want)
	}
	// go-gopher's own parser reads every line back.
	for _, line := range strings.Split(strings.TrimSuffix(want, ".\r\n"), "\r\n") {
		if line == "" {
			continue
		}
		if _, err := gogopher.ParseItem(line); err != nil {
			t.Errorf("ParseItem(%q): %v", line, err)
		}
	}
}

func TestMenuCutsLongDisplayStrings(t *testing.T) {
	m := NewMenu("h", 1)
	title := strings.Repeat("日本語", 30) // 180 cells
	m.Item(TypeText, title, "/x")
	display := strings.SplitN(string(m.Bytes()[1:]), "\t", 2)[0]
	if w := cells(display); w > MaxDisplayWidth || !strings.HasSuffix(display, "…") {
		t.Errorf("display %q is %d cells, want ≤ %d ending in …", display, w, MaxDisplayWidth)
	}
	if !strings.HasPrefix(title, strings.TrimSuffix(display, "…")) {
		t.Errorf("display %q is not a prefix of the title", display)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven char", 10, "eleven ch…"}, // 9 cells + 1 for …
		{"日本語のタイトル", 8, "日本語…"},           // 3×2 cells + 1 for …; a fourth would not fit
		{"日本語のタイトル", 9, "日本語の…"},          // 8 + 1
		{"a b         c", 5, "a b…"},      // spaces before the cut are dropped
		{"👨‍👩‍👧 family", 4, "👨‍👩‍👧…"},     // a ZWJ sequence is one cluster
	}
	for _, tt := range tests {
		if got := Truncate(tt.in, tt.width); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// cells counts display cells the simple way: wide CJK as two.
func cells(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2e80 && r <= 0x9fff || r >= 0xff00 && r <= 0xff60 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// TestTruncateAsClusters checks Truncate's one pass over characters of
// the table against the general way (truncateClusters), on random
// strings of table characters and of what joins or follows them in a
// cluster (marks, variation selectors, keycaps, joiners, flags).
func TestTruncateAsClusters(t *testing.T) {
	parts := []string{"a", " ", "  ", "W", "#", "漢", "字", "か", "。", "ー", "ｱ", "Ａ", "é", "e\u0301", "\u0301", "…", "‐",
		"\u200b", "\u200d", "\ufe0e", "\ufe0f", "\u20e3", "☺", "👍", "🇯🇵", "\x80", "\t"}
	rng := rand.New(rand.NewSource(1))
	for range 200000 {
		var sb strings.Builder
		for range rng.Intn(60) {
			sb.WriteString(parts[rng.Intn(len(parts))])
		}
		s, w := sb.String(), rng.Intn(70)
		if got, want := Truncate(s, w), truncateClusters(s, w); got != want {
			t.Fatalf("Truncate(%q, %d) = %q, want %q", s, w, got, want)
		}
	}
}

// TestMenuDone: Done is Bytes, in the menu's own array when the menu was
// grown to its size, and a copy with no room to spare when it was not.
func TestMenuDone(t *testing.T) {
	fill := func(m *Menu) {
		for i := range 100 {
			m.Item(TypeText, fmt.Sprintf("記事 %d", i), fmt.Sprintf("/posts/%d.txt", i))
		}
	}
	plain := NewMenu("localhost", 70)
	fill(plain)
	want := plain.Bytes()
	grown := NewMenu("localhost", 70)
	grown.Grow(len(want))
	fill(grown)
	small := NewMenu("localhost", 70)
	small.Grow(len(want) * 4)
	fill(small)
	for name, m := range map[string]*Menu{"grown to its size": grown, "grown to four times": small} {
		before := m.buf.Bytes()
		got := m.Done()
		if !bytes.Equal(got, want) || cap(got) != len(got) {
			t.Fatalf("%s: %q (room %d), want %q", name, got, cap(got), want)
		}
		if inPlace := &got[0] == &before[0]; inPlace != (name == "grown to its size") {
			t.Errorf("%s: in the menu's own array: %v", name, inPlace)
		}
	}
}

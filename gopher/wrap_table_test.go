package gopher

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// The tests in this file check runeTable and lbTable against uniseg, whose
// rules they copy.

// classReps has one character of each class of runeTable.
var classReps = [lbClasses]rune{
	lbSP: ' ', lbAL: 'a', lbNU: '1', lbID: 'あ', lbCL: '、', lbCP: ')', lbOP: '(', lbOPW: '「',
	lbQU: '"', lbNS: '々', lbEX: '!', lbIS: ',', lbSY: '/', lbHY: '-', lbBA: '|', lbPR: '$',
	lbPO: '%', lbIN: '…', lbB2: '—', lbBB: '´',
}

// uniBreaks returns, for each character of s after the first, whether
// uniseg allows a line break before it.
func uniBreaks(s string) []bool {
	var brk []bool
	state := -1
	for rest := s; rest != ""; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		for range utf8.RuneCountInString(seg) - 1 {
			brk = append(brk, false)
		}
		if rest != "" {
			brk = append(brk, true)
		}
	}
	return brk
}

// tableBreaks is uniBreaks as lbTable sees it; every character of s must
// be in runeTable.
func tableBreaks(t *testing.T, s string) []bool {
	var brk []bool
	st := stOther
	for i, r := range s {
		info := infoOf(r)
		if info == 0 {
			t.Fatalf("%q: %U not in runeTable", s, r)
		}
		step := lbTable[st][lbClass(info&0x1f)]
		if next := i + utf8.RuneLen(r); step&lbDigit != 0 && next < len(s) && '0' <= s[next] && s[next] <= '9' {
			step = lbStep(stNU)
		}
		st = lbState(step & lbStateMask)
		if i > 0 {
			brk = append(brk, step&lbBreak != 0)
		}
	}
	return brk
}

func equalBreaks(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLineBreakMachine compares lbTable with uniseg on every string of up
// to four classes, and on long random strings of table characters.
func TestLineBreakMachine(t *testing.T) {
	var check func(prefix []rune)
	check = func(prefix []rune) {
		if len(prefix) > 0 {
			s := string(prefix)
			if got, want := tableBreaks(t, s), uniBreaks(s); !equalBreaks(got, want) {
				t.Fatalf("%q: breaks %v, uniseg %v", s, got, want)
			}
		}
		if len(prefix) == 4 {
			return
		}
		for _, r := range classReps {
			check(append(prefix, r))
		}
	}
	check(nil)

	var runes []rune
	for _, e := range runeTable {
		runes = append(runes, e.lo, e.hi)
	}
	rng := rand.New(rand.NewSource(6))
	for range 20000 {
		var sb strings.Builder
		for range 2 + rng.Intn(30) {
			if rng.Intn(3) == 0 {
				sb.WriteRune(classReps[rng.Intn(len(classReps))])
			} else {
				sb.WriteRune(runes[rng.Intn(len(runes))])
			}
		}
		s := sb.String()
		if got, want := tableBreaks(t, s), uniBreaks(s); !equalBreaks(got, want) {
			t.Fatalf("%q: breaks %v, uniseg %v", s, got, want)
		}
	}
}

// lbSignature describes how uniseg breaks lines around r next to each
// character of classReps, directly, across spaces, and before a digit (the
// one lookahead of lbTable). Only characters of runeTable matter: the table
// is used for text made of nothing else.
func lbSignature(r rune) string {
	var sb strings.Builder
	c := string(r)
	for _, p := range classReps {
		q := string(p)
		for _, s := range []string{q + c, c + q, q + " " + c, c + " " + q, q + "  " + c, q + c + "1", c + q + "1"} {
			for _, b := range uniBreaks(s) {
				sb.WriteByte("01"[btoi(b)])
			}
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestRuneTable checks every character of runeTable: its width, that it is
// a grapheme cluster of its own next to any other character of the table,
// and that uniseg breaks lines around it as around the representative of
// its class. With -short, only every 61st character of the large ranges
// has its line breaks checked.
func TestRuneTable(t *testing.T) {
	sigs := map[lbClass]string{}
	for c, r := range classReps {
		sigs[lbClass(c)] = lbSignature(r)
	}
	// The probes tell apart any two classes that lbTable treats apart
	// (it treats BA and IN alike).
	column := func(c lbClass) string {
		var sb strings.Builder
		for st := range lbStates {
			sb.WriteByte(byte(lbTable[st][c]))
		}
		return sb.String()
	}
	for c, sig := range sigs {
		for c2, sig2 := range sigs {
			if (sig == sig2) != (column(c) == column(c2)) {
				t.Errorf("classes %d and %d: same signature %v, same column %v", c, c2, sig == sig2, column(c) == column(c2))
			}
		}
	}
	// Neighbours for the cluster check: one of each grapheme cluster
	// property that runeTable holds (Any, LV, LVT).
	neighbours := []string{"a", "あ", "가", "각"}
	prev := rune(-1)
	for _, e := range runeTable {
		if e.lo <= prev || e.hi < e.lo {
			t.Fatalf("runeTable not sorted at %U", e.lo)
		}
		prev = e.hi
		for r := e.lo; r <= e.hi; r++ {
			c := string(r)
			if w := uniseg.StringWidth(c); w != int(e.width) {
				t.Fatalf("%U: width %d, uniseg %d", r, e.width, w)
			}
			if got := infoOf(r); got != runeInfo(e.class)|runeInfo(e.width)<<infoWidthShift {
				t.Fatalf("%U: infoOf %#x", r, got)
			}
			for _, n := range neighbours {
				if uniseg.GraphemeClusterCount(c+n) != 2 || uniseg.GraphemeClusterCount(n+c) != 2 {
					t.Fatalf("%U joins %q in a grapheme cluster", r, n)
				}
			}
			// Not a regional indicator, L, V or T jamo, nor emoji.
			if uniseg.GraphemeClusterCount(c+c) != 2 || uniseg.GraphemeClusterCount(c+"\u200d"+c) != 2 {
				t.Fatalf("%U joins itself in a grapheme cluster", r)
			}
			if !testing.Short() || e.hi-e.lo < 256 || (r-e.lo)%61 == 0 || r == e.hi {
				if lbSignature(r) != sigs[e.class] {
					t.Fatalf("%U breaks lines unlike %q (class %d)", r, classReps[e.class], e.class)
				}
			}
		}
	}
	// And nothing outside the table is taken for in it.
	for r := rune(0); r < 0x10000; r++ {
		if infoOf(r) == 0 {
			continue
		}
		found := false
		for _, e := range runeTable {
			found = found || (e.lo <= r && r <= e.hi)
		}
		if !found {
			t.Fatalf("%U has a runeInfo but is not in runeTable", r)
		}
	}
}

// TestTextWidth checks textWidth against uniseg.StringWidth.
func TestTextWidth(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for range 20000 {
		s, _ := equivParagraph(rng)
		if got, want := textWidth(s), uniseg.StringWidth(s); got != want {
			t.Fatalf("textWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

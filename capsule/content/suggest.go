package content

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Closest returns the name in known that key most likely misspells, or ""
// when none is close. A name is close when it is key but for the case of
// letters and the characters '_', '-' and '.' (Title, post-budget for
// post_budget, gopher-width for gopher.width), or within a small edit
// distance counting a swap of two neighbours as one edit (titel for
// title): 1 for names of up to 4 characters, 2 for longer ones, so that
// the many keys other blog engines use (math, type, weight) are not taken
// for a short known one. Ties go to the first in known.
func Closest(key string, known []string) string {
	if len(key) > maxSuggestLen {
		return ""
	}
	var buf [maxSuggestLen]rune
	loose := appendLoose(buf[:0], key)
	var kbuf [maxSuggestLen]rune
	for _, k := range known {
		if len(k) <= maxSuggestLen && slices.Equal(appendLoose(kbuf[:0], k), loose) {
			return k
		}
	}
	lower := buf[:0]
	for _, r := range key {
		lower = append(lower, unicode.ToLower(r))
	}
	best, bestDist := "", 3
	for _, k := range known {
		if len(k) > maxSuggestLen {
			continue
		}
		limit := 2
		if utf8.RuneCountInString(k) <= 4 {
			limit = 1
		}
		limit = min(limit, bestDist-1)
		kr := kbuf[:0]
		for _, r := range k {
			kr = append(kr, r)
		}
		if d := editDistance(lower, kr, limit); d <= limit {
			best, bestDist = k, d
		}
	}
	return best
}

// maxSuggestLen is the longest key, in bytes, Closest looks at: keys are
// short, and this keeps its work on the stack.
const maxSuggestLen = 64

// appendLoose appends key in lower case without '_', '-' and '.'.
func appendLoose(dst []rune, key string) []rune {
	for _, r := range key {
		switch r {
		case '_', '-', '.':
			continue
		}
		dst = append(dst, unicode.ToLower(r))
	}
	return dst
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), or
// limit+1 once it is sure to exceed limit. Both are at most maxSuggestLen
// long.
func editDistance(a, b []rune, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	// Three rows of the table: two back, one back and this one.
	var rows [3][maxSuggestLen + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// A swap reaches back two rows: give up only when both are over.
		if min(rowMin, prevMin) > limit {
			return limit + 1
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// KeyName writes a key, dotted when it has several parts, as TOML would:
// a part that is not a bare key (letters, digits, '_' and '-') is quoted.
func KeyName(parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('.')
		}
		if isBareKey(p) {
			b.WriteString(p)
		} else {
			b.WriteString(strconv.Quote(clip(p)))
		}
	}
	return b.String()
}

func isBareKey(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

package search

import (
	"bytes"
	"unicode/utf8"
)

// pivot chooses the byte of folded query q that index looks for first: the
// one likeliest to be rare in Japanese text. Lead bytes of kana and kanji
// and the middle bytes of kana are in every other character; the last byte
// of a kanji, spread over 64 values, or an ASCII letter are far rarer.
func pivot(q []byte) int {
	best, bestScore := 0, -1
	for i := 0; i < len(q); {
		_, size := utf8.DecodeRune(q[i:])
		last := i + size - 1
		score := 1 // the last byte of another character
		switch c := q[i]; {
		case c == ' ':
			score = 0
		case c < utf8.RuneSelf:
			score = 2
		case c >= 0xe4 && c <= 0xe9 && size == 3:
			score = 3 // a kanji
		}
		if score >= bestScore {
			best, bestScore = last, score
		}
		i += size
	}
	return best
}

// index is bytes.Index(text, q), faster on Japanese text: it looks for the
// pivot byte q[p] with bytes.IndexByte, which skips most of the text, then
// compares the query around it. If the pivot turns out to be frequent, it
// leaves the rest of the text to bytes.Index, so that it is never much
// slower than that.
func index(text, q []byte, p int) int {
	c := q[p]
	fails := 0
	for i := p; i < len(text); {
		j := bytes.IndexByte(text[i:], c)
		if j < 0 {
			return -1
		}
		i += j
		start := i - p
		if start+len(q) > len(text) {
			return -1
		}
		if bytes.Equal(text[start:start+len(q)], q) {
			return start
		}
		i++
		if fails++; fails > 8+i>>6 {
			// More than a candidate every 64 bytes: bytes.Index does
			// better.
			if k := bytes.Index(text[start+1:], q); k >= 0 {
				return start + 1 + k
			}
			return -1
		}
	}
	return -1
}

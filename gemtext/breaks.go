package gemtext

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// lineBreak marks a soft or hard line break at byte offset pos of an
// inliner's buffer.
type lineBreak struct {
	pos  int
	hard bool
}

// lines returns the text written so far as lines: soft breaks joined, hard
// breaks kept.
func (in *inliner) lines() []string {
	return in.resolve(in.buf, in.breaks, 0)
}

// label returns the text written since buf offset start and break index
// nb as one line.
func (in *inliner) label(start, nb int) string {
	ls := in.resolve(in.buf[start:], in.breaks[nb:], start)
	switch len(ls) {
	case 0:
		return ""
	case 1:
		return ls[0]
	}
	return strings.Join(ls, " ")
}

// resolve splits buf at its breaks (offsets less base) into lines. At a
// soft break the spaces on both sides are dropped and the two sides joined
// by one space, or by none when both runes are East Asian wide. Leading and
// trailing empty lines are dropped.
func (in *inliner) resolve(buf []byte, breaks []lineBreak, base int) []string {
	if len(breaks) == 0 {
		s := bytes.Trim(buf, " ")
		if len(s) == 0 {
			return nil
		}
		return []string{string(s)}
	}
	var lines []string
	start := 0
	seg := func(i int) []byte { // the text after break i-1
		end := len(buf)
		if i < len(breaks) {
			end = min(max(breaks[i].pos-base, start), len(buf))
		}
		s := buf[start:end]
		start = end
		return s
	}
	cur := append(in.cur[:0], trimSpaceLeft(seg(0))...)
	defer func() { in.cur = cur[:0] }()
	for i, b := range breaks {
		next := trimSpaceLeft(seg(i + 1))
		cur = trimSpaceRight(cur)
		if b.hard {
			lines = append(lines, string(cur))
			cur = append(cur[:0], next...)
			continue
		}
		if len(cur) > 0 && len(next) > 0 {
			r1, _ := utf8.DecodeLastRune(cur)
			r2, _ := utf8.DecodeRune(next)
			if spaceAtBreak(r1, r2) {
				cur = append(cur, ' ')
			}
		}
		cur = append(cur, next...)
	}
	lines = append(lines, string(trimSpaceRight(cur)))
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// spaceAtBreak reports whether a soft line break between runes a and b
// becomes a space: not when both are East Asian wide (Japanese has no
// spaces between words), nor next to a zero width space.
func spaceAtBreak(a, b rune) bool {
	if a == '\u200B' || b == '\u200B' {
		return false
	}
	return !(isWide(a) && isWide(b))
}

// isWide reports whether r is East Asian wide in the sense of goldmark's
// util.IsEastAsianWideRune (kana, Han, Hangul, CJK punctuation), extended
// to the fullwidth forms （）！？：，．etc., which are as common in Japanese
// text as 、and 。.
func isWide(r rune) bool {
	return util.IsEastAsianWideRune(r) ||
		r >= 0xFF01 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6
}

func trimSpaceLeft(b []byte) []byte  { return bytes.TrimLeft(b, " ") }
func trimSpaceRight(b []byte) []byte { return bytes.TrimRight(b, " ") }

package gopher

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark/util"
)

// tabStop is the distance between tab stops when tabs become spaces.
const tabStop = 4

// unescape resolves backslash escapes and entity or numeric character
// references in Markdown text, as goldmark's HTML writer does; NUL becomes
// U+FFFD.
func unescape(b []byte) string {
	if !strings.ContainsAny(string(b), "\\&\x00") {
		return string(b)
	}
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			i++
			sb.WriteByte(b[i])
		case c == '&':
			s, n := charRef(b[i:])
			if n == 0 {
				sb.WriteByte(c)
				continue
			}
			sb.WriteString(s)
			i += n - 1
		case c == 0:
			sb.WriteRune(utf8.RuneError)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// charRef decodes the character reference b starts with ("&amp;", "&#38;",
// "&#x26;") and returns its text and length, or n == 0 if there is none.
func charRef(b []byte) (s string, n int) {
	end := 1
	for end < len(b) && end < 40 && b[end] != ';' {
		end++
	}
	if end >= len(b) || b[end] != ';' || end < 2 {
		return "", 0
	}
	name := string(b[1:end])
	if name[0] == '#' {
		base, digits := 10, name[1:]
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			base, digits = 16, digits[1:]
		}
		if digits == "" || len(digits) > 7 || (base == 16 && len(digits) > 6) {
			return "", 0
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(v))), end + 1
	}
	for _, c := range []byte(name) {
		if !util.IsAlphaNumeric(c) {
			return "", 0
		}
	}
	e, ok := util.LookUpHTML5EntityByName(name)
	if !ok {
		return "", 0
	}
	return string(e.Characters), end + 1
}

// lineSpace maps the characters that would break or disturb a line (TAB,
// newlines, other line and paragraph separators) to a space.
func lineSpace(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', '\u0085', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
}

// expandTabs turns tabs into spaces up to the next multiple of tabStop
// display cells.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var sb strings.Builder
	col := 0
	for _, part := range strings.SplitAfter(s, "\t") {
		text, tab := strings.CutSuffix(part, "\t")
		sb.WriteString(text)
		col += uniseg.StringWidth(text)
		if tab {
			n := tabStop - col%tabStop
			sb.WriteString(strings.Repeat(" ", n))
			col += n
		}
	}
	return sb.String()
}

// cleanLine makes one output line safe for a gopher text file: valid UTF-8,
// no TAB (expanded), no control or line separator characters (which would
// end the line early, or reach the terminal), no trailing spaces, and never
// a lone "." (the RFC 1436 end-of-text line), which becomes "..", the RFC's
// own escape.
func cleanLine(s string) string {
	if isCleanLine(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = expandTabs(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, " ")
	if s == "." {
		s = ".."
	}
	return s
}

// cleanURL percent-encodes the bytes that cannot stand in a URL printed on
// a line: spaces, controls and invalid UTF-8. Other non-ASCII text stays
// readable.
func cleanURL(u string) string {
	if isPrintableASCII(u) {
		return u
	}
	u = strings.ToValidUTF8(u, "\uFFFD")
	var sb strings.Builder
	for _, r := range u {
		if r == ' ' || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			var buf [utf8.UTFMax]byte
			for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
				sb.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			}
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

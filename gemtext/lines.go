package gemtext

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// lineKind says how a line may be placed and whether it needs escaping.
type lineKind uint8

const (
	// kindText is running text; written at the start of a line it is
	// escaped if it would read as gemtext syntax.
	kindText lineKind = iota
	// kindMark carries its own, intended prefix (a heading, link, list or
	// quote marker, an indent, "[1]"): written as is.
	kindMark
	// kindPre belongs to a preformatted block, toggles included. It is
	// never prefixed by a container: gemtext toggles must start a line.
	kindPre
	// kindBlank separates blocks.
	kindBlank
)

// line is one output line before assembly.
type line struct {
	kind lineKind
	s    string
}

func textLine(s string) line { return line{kind: kindText, s: s} }
func markLine(s string) line { return line{kind: kindMark, s: s} }
func preLine(s string) line  { return line{kind: kindPre, s: s} }

var blank = line{kind: kindBlank}

// joinBlocks concatenates the lines of several blocks with sep between
// blocks that have lines.
func joinBlocks(dst []line, block []line, sep *line) []line {
	if len(block) == 0 {
		return dst
	}
	if len(dst) > 0 && sep != nil {
		dst = append(dst, *sep)
	}
	return append(dst, block...)
}

// assemble writes lines as gemtext: text lines escaped, trailing spaces
// trimmed, runs of blank lines outside preformatted blocks collapsed and
// leading and trailing blank lines dropped, every line ended by "\n", the
// whole valid UTF-8. size is a guess of the output's length.
func assemble(lines []line, size int) []byte {
	b := make([]byte, 0, size)
	pendingBlank := false
	started := false
	for _, l := range lines {
		s := strings.TrimRight(l.s, " \t")
		switch l.kind {
		case kindBlank:
			s = ""
		case kindText:
			if s != "" {
				s = EscapeText(s)
			}
		}
		if s == "" && l.kind != kindPre {
			pendingBlank = started
			continue
		}
		if pendingBlank {
			b = append(b, '\n')
			pendingBlank = false
		}
		b = append(b, s...)
		b = append(b, '\n')
		started = true
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return b
}

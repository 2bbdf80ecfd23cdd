package gemtext

import "strings"

// textEscape is put in front of a text line that would otherwise be read as
// gemtext syntax. U+200B ZERO WIDTH SPACE is invisible in every client, does
// not shift the text, and makes the line a plain text line.
const textEscape = "\u200B"

// EscapeText returns s, a line of running text written at the start of a
// gemtext line (a title, a description), escaped if it would otherwise be taken as a link (=>),
// heading (#), list item ("* "), quote (>) or preformatting toggle (```).
func EscapeText(s string) string {
	if needsEscape(s) {
		return textEscape + s
	}
	return s
}

func needsEscape(s string) bool {
	return strings.HasPrefix(s, "=>") ||
		strings.HasPrefix(s, "#") ||
		strings.HasPrefix(s, "* ") ||
		strings.HasPrefix(s, ">") ||
		strings.HasPrefix(s, "```")
}

// escapePre returns s, a line inside a preformatted block, with a leading
// space added if it starts with ``` and so would end the block early.
func escapePre(s string) string {
	if strings.HasPrefix(s, "```") {
		return " " + s
	}
	return s
}

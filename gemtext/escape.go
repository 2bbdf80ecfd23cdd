package gemtext

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

// needsEscape reports whether line s starts with gemtext syntax. It takes
// bytes too, so that the renderer checks its output in place.
func needsEscape[T string | []byte](s T) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case '#', '>':
		return true
	case '=':
		return len(s) >= 2 && s[1] == '>'
	case '*':
		return len(s) >= 2 && s[1] == ' '
	case '`':
		return len(s) >= 3 && s[1] == '`' && s[2] == '`'
	}
	return false
}

// isFence reports whether s, a line inside a preformatted block, starts
// with ``` and so would end the block early: such a line is written with a
// leading space.
func isFence(s []byte) bool {
	return len(s) >= 3 && s[0] == '`' && s[1] == '`' && s[2] == '`'
}

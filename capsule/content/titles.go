package content

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Titles of posts that have none. Jekyll titles a post without a title
// from its file name's slug ("codeblocks-ahoy" is "Codeblocks Ahoy");
// Hugo themes show the file name. A title written empty is an untitled
// note, which lists show by its first words.

// titleizeSlug is slug as Jekyll titles it: words split at "-" and "_",
// each with its first letter in upper case.
func titleizeSlug(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// noteTitleRunes is how many characters of an untitled note's text its
// title shows: a line of a list, not the note.
const noteTitleRunes = 40

// untitledNote is the title of a note written with an empty title: its
// summary's, or else its text's, first noteTitleRunes characters, on one
// line, with "…" when cut; "" when it has no text either.
func untitledNote(summary string, body []byte) string {
	text := summary
	if text == "" {
		for _, line := range bytes.Split(body, []byte("\n")) {
			if t := strings.Trim(string(line), " \t#>*-+`=|"); t != "" && !strings.HasPrefix(t, "<") && !strings.HasPrefix(t, "{{") && !strings.HasPrefix(t, "{%") {
				text = t
				break
			}
		}
	}
	text = oneLine(text)
	if utf8.RuneCountInString(text) <= noteTitleRunes {
		return text
	}
	cut := 0
	for i := range noteTitleRunes {
		_, n := utf8.DecodeRuneInString(text[cut:])
		cut += n
		_ = i
	}
	return strings.TrimSpace(text[:cut]) + "…"
}

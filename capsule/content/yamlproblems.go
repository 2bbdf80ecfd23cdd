package content

import (
	"fmt"
	"strings"
)

// The YAML library's messages name the grammar's parts ("mapping value is
// not allowed in this context", "non-map value is specified", "'@' is a
// reserved character"): true, and of no help to an author who put a colon
// in a title or a tab before a key. yamlProblem says the mistakes authors
// make most in their words, with an example in YAML; any other message is
// kept as the library wrote it.

// yamlProblem is what to say of the library's message msg about line
// (the text of the front matter's line it names, "" when none), and its
// Words (the site's language, for an upload's answer).
func yamlProblem(msg, line string) (string, Words) {
	// The example quotes the line's own value where the line is "key:
	// value" (title: "京都: 旅"), else a made-up one.
	// oneLine: the line is the author's bytes, which need not be UTF-8,
	// and the message goes to a log line and to an upload's answer (a
	// Gemini header, UTF-8).
	key, value, _ := strings.Cut(oneLine(line), ":")
	value = strings.TrimSpace(value)
	if key == "" || strings.ContainsAny(key, " \t\"'[{-") {
		key, value = "title", ""
	}
	key = clip(key)
	// quoted is the example: the line's value, when it is the one the
	// mistake is about (fits) and can go between quotes as it is, else
	// made.
	quoted := func(made string, fits bool) string {
		v := value
		if v == "" || !fits || strings.ContainsAny(v, `"\`) || v != clip(v) {
			v = made
		}
		return key + `: "` + v + `"`
	}
	switch {
	case strings.HasPrefix(msg, "could not find end character of double-quoted text"):
		return `a string opened with " is not closed on its line: end it with "`, words(wordsUnclosedString)
	case strings.HasPrefix(msg, "could not find end character of single-quoted text"):
		return `a string opened with ' is not closed: end it with ' (a ' inside it is written '')`, words(wordsUnclosedString)
	case strings.HasPrefix(msg, "',' or ']' must be specified"),
		strings.HasPrefix(msg, "sequence end token ']' not found"):
		return "a list ([…]) is not closed: separate its items with commas and end it with ], e.g. tags: [a, b]", words(wordsUnclosedList, "example", "tags: [a, b]")
	case strings.HasPrefix(msg, "mapping value is not allowed in this context"):
		return fmt.Sprintf(`a value holds ": ", or a line is indented where it should not be: put such a value in quotes (%s), and start each key at the start of its line`, quoted("a: b", strings.Contains(value, ": "))), words(wordsYAMLColon)
	case msg == "value is not allowed in this context. map key-value is pre-defined":
		return fmt.Sprintf(`text follows the closing quote of a value: put the whole value in quotes, in "…" if it holds a ' (%s: "It's here"), in '…' if it holds a " (a ' inside '…' is written '')`, key), words(wordsYAMLQuote, "example", key+`: "It's here"`)
	case msg == "value is not allowed in this context":
		eg := quoted("[diary] today", true)
		return fmt.Sprintf(`text follows a value that ended (a [list], a {mapping} or a quoted string), or a line is indented out of line: put the whole value in quotes (%s), and line up the items of a list`, eg), words(wordsYAMLQuote, "example", eg)
	case strings.HasPrefix(msg, "could not find flow map content"),
		strings.HasPrefix(msg, "could not find flow mapping end token"),
		strings.HasPrefix(msg, "',' or '}' must be specified"):
		eg := quoted("{…}", true)
		return fmt.Sprintf(`a value starting with { is a YAML mapping: put text that starts with { in quotes (%s)`, eg), words(wordsYAMLQuote, "example", eg)
	case strings.HasSuffix(msg, "is a reserved character") && len(msg) > 3 && msg[0] == '\'':
		c, _, _ := strings.Cut(msg[1:], "'")
		c = clip(oneLine(c))
		eg := quoted(c+"…", true)
		return fmt.Sprintf(`a value cannot start with %s in YAML: put it in quotes (%s)`, c, eg), words(wordsYAMLQuote, "example", eg)
	case msg == "unexpected directive value. document not started":
		eg := quoted("%…", true)
		return fmt.Sprintf(`a value cannot start with %% in YAML: put it in quotes (%s)`, eg), words(wordsYAMLQuote, "example", eg)
	case strings.HasPrefix(msg, `found character '\x09' that cannot start any token`),
		strings.HasPrefix(msg, "found character '\t' that cannot start any token"):
		return "a tab where YAML takes spaces only: indent with spaces", words(wordsYAMLTab)
	case msg == "non-map value is specified":
		return `this line is neither "key: value" nor part of the value above: indent a value of several lines under its key, or write "key: " before it`, Words{}
	case msg == "block sequence entries are not allowed in this context":
		return fmt.Sprintf(`a list item ("- …") goes on a line of its own, under its key: write %s: [a, b], or "- a" on the lines after "%s:"`, key, key), Words{}
	case strings.HasPrefix(msg, "found unknown escape character "):
		c := clip(oneLine(strings.Trim(strings.TrimPrefix(msg, "found unknown escape character "), "'")))
		return fmt.Sprintf(`\%s in a "…" string is not an escape YAML knows: write \\%s, or quote the text with '…', which keeps backslashes as they are`, c, c), Words{}
	}
	return parserText(msg), Words{}
}

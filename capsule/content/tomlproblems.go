package content

import (
	"fmt"
	"regexp"
	"strings"
)

// The TOML parser's messages say what it expected of the next character
// ("expected '.' or '=', but got ':' instead"): true, and of no help to
// an author who wrote YAML between "+++" lines or left a list open
// three lines up. tomlProblem says the common mistakes in the author's
// words, at the line to fix; any other message is kept, as a sentence.

// tomlProblem is the problem the parser's message msg at line (1-based,
// in front) stands for: the line to blame (in front) and what to say.
// keyLines are the lines of front that first name each key and table
// (scanFront's, in front); fileLine turns a line of front into the
// file's, for the message.
func tomlProblem(front []byte, keyLines map[string]int, line int, msg string, fileLine func(int) int) (int, string, Words) {
	lines := strings.Split(string(front), "\n")
	at := func(n int) string {
		if n < 1 || n > len(lines) {
			return ""
		}
		return oneLine(lines[n-1]) // quoted in the problem: its bytes need not be UTF-8
	}
	switch {
	case strings.HasPrefix(msg, "expected '.' or '=', but got ':'") && yamlKeyLine.MatchString(at(line)):
		key, _, _ := strings.Cut(at(line), ":")
		return line, fmt.Sprintf(`"%s: …" is YAML (key: value), but "+++" opens TOML front matter: write %s = "…", or open and close the front matter with "---" lines for YAML`, clip(key), clip(key)), words(wordsYAMLInTOML, "key", clip(key))
	case tomlRedefined.MatchString(msg):
		name := tomlRedefined.FindStringSubmatch(msg)[1]
		first := keyLines[name]
		switch {
		case strings.HasPrefix(at(line), "[") && first > 0 && first < line:
			return line, fmt.Sprintf("[%s] is written a second time (first on line %d): put its keys under one [%s]", name, fileLine(first), name), Words{}
		case first > 0 && first < line:
			return line, fmt.Sprintf("%s is set a second time (first on line %d): TOML takes a key once; remove one", name, fileLine(first)), Words{}
		}
		return line, fmt.Sprintf("%s is set a second time: TOML takes a key once; remove one", name), Words{}
	case strings.HasPrefix(msg, "expected a comma (',') or array terminator (']')"):
		// Blame the line the list opens on, if it is an earlier one and
		// no later line closes it.
		depth := 0 // brackets open, from the line going up
		for n := line; n >= 1 && n >= line-maxListLines; n-- {
			l := outsideStrings(at(n))
			if n < line {
				depth += strings.Count(l, "[") - strings.Count(l, "]")
			}
			if depth > 0 {
				for k := line; k <= len(lines) && k <= line+maxListLines; k++ {
					if depth -= strings.Count(outsideStrings(at(k)), "]"); depth <= 0 {
						break // closed further down: a comma is what it lacks
					}
				}
				if depth > 0 {
					return n, "the list ([…]) opened on this line is not closed: end it with ] (its items separated by commas)", words(wordsUnclosedList, "example", `tags = ["a", "b"]`)
				}
				break
			}
		}
		return line, "a list ([…]) needs commas between its items and a ] at its end: tags = [\"a\", \"b\"]", words(wordsUnclosedList, "example", `tags = ["a", "b"]`)
	case msg == "strings cannot contain newlines":
		return line, `a string opened with " is not closed on its line: end it with " (text of several lines goes between """ and """)`, words(wordsUnclosedString)
	case strings.HasPrefix(msg, "expected value but found "):
		v := quotedText(strings.TrimSuffix(strings.TrimPrefix(msg, "expected value but found "), " instead"))
		return line, fmt.Sprintf("the value %s is not TOML: write text in quotes (title = \"…\"), a date as 2017-05-03, true or false, a number, or a list [\"a\", \"b\"]", v), words(wordsNotTOMLValue, "value", strings.Trim(v, `"'`))
	case strings.HasPrefix(msg, "expected a top-level item to end with a newline, comment, or EOF"):
		return line, "something follows the value on this line: write one key = value a line, text in quotes (title = \"…\")", Words{}
	case strings.HasPrefix(msg, "expected '.' or ']' to end table name"):
		return line, "a table name opened with [ is not closed on its line: write [params]", Words{}
	case strings.HasPrefix(msg, "invalid datetime: "):
		v := quotedText(strings.TrimPrefix(msg, "invalid datetime: "))
		key, _, _ := strings.Cut(at(line), "=")
		return line, fmt.Sprintf("%s is not a date: write 2017-05-03, 2017-05-03T09:30:00 or 2017-05-03T09:30:00+09:00", v),
			words(wordsNotADate, "key", clip(strings.TrimSpace(key)), "value", strings.Trim(v, `"'`))
	case strings.HasPrefix(msg, "invalid UTF-8"):
		return line, parserText(strings.TrimSuffix(msg, ".")), words(wordsNotUTF8)
	case strings.HasPrefix(msg, "unexpected '=': key name appears blank"):
		return line, "a line starts with \"=\": write the key's name before it (title = \"…\")", Words{}
	case strings.HasPrefix(msg, "invalid escape in string "):
		v := strings.Trim(strings.TrimPrefix(msg, "invalid escape in string "), "'")
		if v == "\\\n" {
			if line > 1 && strings.HasSuffix(at(line-1), `\`) {
				line-- // the parser is on the next line by then
			}
			return line, `a \ ends the line in a "…" string: write \\, or quote the text with '…', which keeps backslashes as they are (text of several lines goes between """ and """)`, Words{}
		}
		v = quotedText(v)
		return line, fmt.Sprintf(`%s in a "…" string is not an escape TOML knows: write \%s, or quote the text with '…', which keeps backslashes as they are`, v, v), Words{}
	}
	return line, parserText(strings.TrimSuffix(msg, ".")), Words{}
}

// words is the Words of key with args (see FileError.say).
func words(key string, args ...string) Words {
	var w Words
	w.Key = key
	copy(w.Args[:], args)
	return w
}

// maxListLines is how far up tomlProblem looks for the line an unclosed
// list opens on.
const maxListLines = 50

// tomlRedefined is the parser's message for a key or table set twice.
var tomlRedefined = regexp.MustCompile(`^Key '([^']*)' has already been defined\.?$`)

// outsideStrings is line without what is between quotes ("…", '…'): the
// brackets a title holds are no list's.
func outsideStrings(line string) string {
	var b strings.Builder
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == '\\' && quote == '"':
			i++ // an escape: what follows is text
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return b.String() // a comment
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// FileError is a problem with one input file, at one line. It is used for
// errors that stop a build and for warnings that do not.
type FileError struct {
	File string // path of the file, as found under the posts folder
	Line int    // 1-based; 0 when the problem concerns the whole file
	Msg  string
	// Kind says in a few words what sort of warning this is ("dead file
	// link", "no date"), always the same words for the same sort: logs
	// and capsuled -check count warnings by kind, one line each (see
	// GroupWarnings). Errors have none: each is listed on its own.
	Kind string
	// More is, on the line that counts the warnings of a kind one file
	// has past MaxWarningsPerKind ("and 139,980 more like it"), how many
	// it counts; 0 on any other.
	More int
	// Words says the problem in the site's language, for the problems
	// an author sending a post from a phone meets most; zero for the
	// others. Msg stays what the log says.
	Words Words
	// list is, on the warning that leaves out an Eleventy template of a
	// list (eleventyListTemplate), the list it makes: see ListTemplate.
	// Such a file is no post and never saved in a build cache.
	list *ListTemplate
	// tags is, on the warning that leaves out an Eleventy template of
	// tag pages, the template: see TagTemplate. Never saved either.
	tags *TagTemplate
}

// Words is a problem as a message of capsule/messages says it: Key is
// the message's name (its TOML key, "problem_not_a_date"), Args the
// values of its placeholders, name and value in turn. An upload refused
// for the problem is answered in these words, in the site's language
// (the Titan answer of a Japanese site is Japanese through and through);
// the log keeps Msg, in English. Only the common problems have Words: a
// date that is none, front matter that does not parse (an unclosed
// string or list, YAML between "+++" lines, a value TOML does not read,
// text that is not UTF-8), front matter missing or not closed, a value
// that must be true or false (draft).
type Words struct {
	Key  string
	Args [4]string
}

// WordKeys are the messages Words name: each is in every table
// (capsule/messages), which a test holds.
var WordKeys = []string{
	wordsNotADate, wordsTrueOrFalse, wordsUnclosedString, wordsUnclosedList, wordsYAMLColon, wordsYAMLTab, wordsYAMLQuote,
	wordsYAMLInTOML, wordsNotTOMLValue, wordsNotClosed, wordsNoFrontMatter, wordsNotUTF8, wordsFrontMatter,
}

const (
	wordsNotADate       = "problem_not_a_date"      // {key} {value}
	wordsTrueOrFalse    = "problem_true_or_false"   // {key} {example}
	wordsUnclosedString = "problem_unclosed_string" //
	wordsUnclosedList   = "problem_unclosed_list"   // {example}
	wordsYAMLColon      = "problem_yaml_colon"      //
	wordsYAMLTab        = "problem_yaml_tab"        //
	wordsYAMLQuote      = "problem_yaml_quote"      // {example}
	wordsYAMLInTOML     = "problem_yaml_in_toml"    // {key}
	wordsNotTOMLValue   = "problem_not_toml_value"  // {value}
	wordsNotClosed      = "problem_not_closed"      // {delim}
	wordsNoFrontMatter  = "problem_no_front_matter" //
	wordsNotUTF8        = "problem_not_utf8"        //
	wordsFrontMatter    = "problem_front_matter"    // {detail}
)

// say gives e the words of key, with args (name, value, …; at most two
// pairs), and returns it.
func (e *FileError) say(key string, args ...string) *FileError {
	e.Words = words(key, args...)
	return e
}

// Error is "file:line: message", or "file: message" for a whole file. A
// control character or a byte that is not UTF-8 in the file name or the
// message is written as an escape (\x1b, \u009b), so that a hostile file
// name cannot forge or hide lines of the log it ends up in.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", printable(e.File), e.Line, printable(e.Msg))
	}
	return fmt.Sprintf("%s: %s", printable(e.File), printable(e.Msg))
}

// ErrorList is every problem found in one pass, so that an author can fix
// them all at once. It is sorted by file and line.
type ErrorList []*FileError

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// SortFileErrors orders problems by file, then line.
func SortFileErrors(l []*FileError) {
	slices.SortStableFunc(l, func(a, b *FileError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
}

// Printable is s as Error writes a file name or a message: safe to put
// in a log line (see printable).
func Printable(s string) string { return printable(s) }

// printable is s with every C0 or C1 control character, DEL and byte that
// is not UTF-8 written as a Go escape; s itself when it has none.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// isControl reports whether r is a C0 control (U+0000–U+001F), DEL
// (U+007F) or a C1 control (U+0080–U+009F).
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// maxParserText bounds, in characters, a parser's message that a problem
// keeps as the parser wrote it (one capsule has no words of its own
// for): the YAML and TOML parsers quote the author's text in some, which
// may be a line of any length.
const maxParserText = 200

// parserText is a parser's message made fit for a problem: on one line,
// in UTF-8 (oneLine) and within maxParserText characters. A problem
// goes to the log, to -check's output and to an upload's answer, a
// Gemini header.
func parserText(msg string) string { return clipTo(oneLine(msg), maxParserText) }

// quotedText is the author's text that a problem quotes, taken from a
// parser's message: on one line, in UTF-8 and clipped (clip).
func quotedText(s string) string { return clip(oneLine(s)) }

package content

import (
	"bytes"
	"regexp"
)

// frontMatterDelim opens and closes the TOML front matter, on lines of their own.
const frontMatterDelim = "+++"

// NormalizeSource drops a UTF-8 byte-order mark and turns CRLF line ends into
// LF, so that editors on any system produce the same post.
func NormalizeSource(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// splitFrontMatter splits a normalized post into its front matter (without
// the delimiters) and its Markdown body. bodyLine is the 1-based line of the
// file on which the body starts. On failure it returns the line to blame.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, err *FileError) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != frontMatterDelim {
		return nil, nil, 0, &FileError{Line: 1, Msg: `missing front matter: the file must start with a "+++" line`}
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(rest)
		}
		if string(bytes.TrimRight(rest[off:end], " \t")) == frontMatterDelim {
			return rest[:off], rest[min(next, len(rest)):], line + 1, nil
		}
		off = next
		line++
	}
	return nil, nil, 0, &FileError{Line: 1, Msg: `front matter is not closed: no "+++" line after this one`}
}

// KeyLine returns the 1-based line of front on which key is assigned, or 0.
// BurntSushi/toml reports positions for syntax errors only, so semantic
// errors (a bad date, an unknown key) find their line this way.
func KeyLine(front []byte, key string) int {
	re := regexp.MustCompile(`(?m)^[ \t]*"?` + regexp.QuoteMeta(key) + `"?[ \t]*=`)
	loc := re.FindIndex(front)
	if loc == nil {
		return 0
	}
	return 1 + bytes.Count(front[:loc[0]], []byte("\n"))
}

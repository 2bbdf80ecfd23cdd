package content

import (
	"bytes"
	"regexp"
	"strings"
)

// kramdown's table of contents: a list of one item, its attribute list
// {:toc} on the next line ("* TOC\n{:toc}", "- toc\n{:toc}"), is replaced
// by a list of the post's headings (kramdown's syntax: the item's text is
// not shown). capsule showed the item ("* toc"; toshimaru's 4 posts,
// hydejack's starter kit's "this unordered seed list will be replaced
// by toc"). Here it is a list of the headings' text, flat (gemtext's
// lists are), without those marked {:.no_toc}, as kramdown leaves them
// out; the lines after it move down by the headings' count less one.

// tocMark is the attribute list that makes the list before it a table of
// contents, alone on its line.
var tocMark = regexp.MustCompile(`^[ \t]*\{:[ \t]*toc[ \t]*\}[ \t]*$`)

// tocItem is a list item alone on its line: its marker.
var tocItem = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S`)

// atxHeading is an ATX heading: its text, closing #s and attributes
// ({#id}, {: .class}) not taken off yet.
var atxHeading = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$`)

// noTOC is an attribute list holding the class no_toc.
var noTOC = regexp.MustCompile(`\{:?[^{}\n]*\.no_toc\b[^{}\n]*\}`)

// headingTrail is what ends an ATX heading's text and is not text: its
// closing #s and its attribute list.
var headingTrail = regexp.MustCompile(`(?:[ \t]+#+)?(?:[ \t]*\{[:#.][^{}\n]*\})?[ \t]*$`)

// footnoteMark is a footnote's reference, "[^1]".
var footnoteMark = regexp.MustCompile(`\[\^[^\]\n]*\]`)

// leadingMarker is what would make an entry's text start a block of its
// own: a list's marker, a quote's, a heading's; its last byte is the one
// escaped.
var leadingMarker = regexp.MustCompile(`^(?:\d{1,9}[.)]|[-+*>#])`)

// kramdownTOC replaces the list of one item marked {:toc} in body by the
// list of body's ATX headings (outside fenced code). Cost: one pass over
// body's lines, and one more when it has a table of contents.
func kramdownTOC(body []byte) []byte {
	if !bytes.Contains(body, []byte("toc")) {
		return body
	}
	lines := bytes.SplitAfter(body, []byte("\n"))
	var headings []string
	marks := []int{} // the lines of the items to replace
	var fence lineFence
	for i, line := range lines {
		if fence.code(line) {
			continue
		}
		end := bytes.TrimRight(line, "\r\n")
		if tocMark.Match(end) && i > 0 && tocItem.Match(lines[i-1]) && (i < 2 || len(bytes.TrimSpace(lines[i-2])) == 0 || !tocItem.Match(lines[i-2])) {
			marks = append(marks, i)
			continue
		}
		m := atxHeading.FindSubmatch(end)
		if m == nil || len(m[1]) == 0 {
			continue
		}
		if noTOC.Match(end) || i+1 < len(lines) && noTOC.Match(bytes.TrimSpace(lines[i+1])) && bytes.HasPrefix(bytes.TrimSpace(lines[i+1]), []byte("{:")) {
			continue
		}
		text := headingTrail.ReplaceAllString(string(m[1]), "")
		// Without its footnotes' marks and its links (their text
		// kept), as kramdown's entries are: a mark there was one more
		// reference, which renumbered the notes.
		text = markdownLink.ReplaceAllString(footnoteMark.ReplaceAllString(text, ""), "$1")
		if text = strings.TrimSpace(text); text != "" {
			headings = append(headings, text)
		}
	}
	if len(marks) == 0 {
		return body
	}
	var toc []byte
	for _, h := range headings {
		toc = append(toc, "* "...)
		if m := leadingMarker.FindStringIndex(h); m != nil {
			// "### 1. `config.yml`の設定" (toshimaru's): text, not a
			// list inside the entry, which left it empty.
			h = h[:m[1]-1] + "\\" + h[m[1]-1:]
		}
		toc = append(toc, h...)
		toc = append(toc, '\n')
	}
	for _, i := range marks {
		lines[i-1] = toc // (none: the item goes, as kramdown's list of no headings is empty)
		lines[i] = []byte("\n")
	}
	return bytes.Join(lines, nil)
}

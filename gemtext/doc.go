// Package gemtext renders a Markdown document, already parsed by goldmark, as gemtext (text/gemini).
//
// Render walks the goldmark tree (CommonMark plus the GFM and Footnote
// extensions) and never changes it. Its output has "\n" after every line,
// the last included, a blank line between blocks, no trailing spaces, never
// two blank lines in a row outside preformatted blocks, and is valid UTF-8
// without CR. A document without content renders as nothing.
//
// # Blocks
//
//   - Headings h1 to h3 become "#" to "###"; h4 to h6 are clamped to "###".
//     Empty headings are dropped.
//   - A paragraph becomes one line; a hard break (two trailing spaces, a
//     backslash, an inline <br>) starts a new line.
//   - Code blocks, fenced or indented, become preformatted blocks with the
//     info string as alt text. Content is kept as is (blank lines and TABs
//     too), except that a line starting with ``` gets a leading space so
//     that it does not end the block, trailing spaces are trimmed, and
//     control characters are dropped (NUL becomes U+FFFD).
//   - An unordered list becomes "* item" lines; an ordered list "1. item"
//     plain text lines, numbered from the list's start, with its delimiter
//     ("." or ")"). Nested items are gemtext list lines too, their depth
//     shown in the text, since clients indent no "* " line and ignore or
//     justify leading spaces: "* ◦ item" at the second level, "* ▪ item"
//     at the third, a square more for each level deeper; a nested ordered
//     item keeps its number, "* 1. item", "* ▪ 1. item". The glyphs are
//     of neutral East Asian width, one cell in Japanese fonts too (see
//     appendMarker). Further paragraphs of an item are indented under its
//     text. Lists have no blank lines.
//   - Task list items keep the ASCII boxes "[ ]" and "[x]", which read the
//     same in every font and terminal (☐ and ☑ are of ambiguous width).
//   - A blockquote prefixes each line with "> " and puts a ">" line between
//     its blocks. Gemtext quotes have one level, so a nested quote shows its
//     depth in the text, e-mail style: "> > inner". A code block or table
//     inside a quote cannot be quoted: it interrupts the quote.
//   - Quotes and lists nest eight levels deep, and no deeper than puts 24
//     bytes of markers and indent before a line. Deeper ones are flattened:
//     a quote adds no "> ", a list item is drawn with the marker of the
//     item it is in, as its sibling.
//   - A GFM table becomes a preformatted block with alt text "table": cells
//     joined by " | ", columns padded to equal display width (East Asian
//     wide characters count two cells, by github.com/rivo/uniseg), aligned
//     left, right or centre as the table says (left by default), and a row
//     of "-" joined by "-+-" under the header. Should a row start with ```,
//     the whole table is shifted one space right.
//   - A table wider than 160 cells, or whose padding would make the block
//     more than eight times as long as its Markdown, is written as records
//     instead: for each row, a text line "header: value" per non-empty
//     cell, a blank line between rows. Should the repeated headers make
//     even that too long, each row is one line, its cells joined by " | ".
//   - A thematic break becomes the line "~~~".
//   - Raw HTML is lowered before rendering: capsule/markup converts HTML
//     blocks and inline <img>, <a href> and embeds into the Markdown nodes
//     they stand for (paragraphs, images, links, lists, tables…), so a
//     post's figures and HTML paragraphs reach Render as Markdown. Render
//     itself still drops any HTML it is given: HTML blocks whole, inline
//     tags and comments without a trace (the text between inline tags
//     stays, and a dropped tag leaves no double space); <br>, <br/>,
//     <br /> become a line break.
//   - Inside lists, quotes and notes, headings are plain text.
//
// # Inline content
//
// Emphasis, strong emphasis, strikethrough and code spans lose their
// markers and keep their text; code span content is taken literally.
// Backslash escapes and entity references are resolved.
//
// Soft line breaks join the lines of a paragraph, list item or heading
// into one line: with no space when the characters on both sides are East
// Asian wide (goldmark's util.IsEastAsianWideRune, plus the fullwidth forms
// such as （）！？, which are as common in Japanese as 、and 。), with one
// space otherwise. The characters are found across inline boundaries:
// "**強調**\nの後" gives "強調の後", "[リンク](u)\nです" gives "リンクです".
// Spaces at a break are never doubled.
//
// # Links
//
// A link, autolink or image keeps its label (an image its alt text) in the
// text. Right after the block (after the whole list, quote, table or notes
// section) comes one link line per URL, in order of first appearance,
// without a blank line between: "=> url label", or "=> url" when the label
// is empty or the URL itself. At the top level, a paragraph of nothing but
// links and images becomes just its link lines.
//
// Every destination goes through Options.Link, then every byte a URI may
// not contain (spaces, controls, non-ASCII, "<>\^`{|}) is percent-encoded,
// so a link line's URL never has a space. Relative links stay relative. A
// link whose destination is empty, before or after Options.Link (which
// returns "" to refuse a link), keeps its label as text and gets no link
// line.
//
// goldmark's linkify only sees URLs at a line start or after a space.
// Render also links bare http, https, ftp, gemini and gopher URLs anywhere
// in running text, such as a URL right after Japanese text
// ("詳しくはhttps://example.com/"), with the same pattern and trailing
// punctuation rules.
//
// # Footnotes
//
// A footnote reference becomes "[n]", n as goldmark numbers the notes. The
// notes end the document, after a "~~~" separator (unless the body already
// ends with a thematic break) and a blank line: one note a line, "[1] note
// text", further lines of a note indented under its text. No heading is
// needed, so the section reads the same in Japanese and English posts. The
// links in the notes come as link lines after the last note.
//
// # Control characters
//
// No control character reaches the reader. Text follows Sanitize: TAB, CR
// and LF become spaces, NUL becomes U+FFFD, other C0 controls, DEL and C1
// controls (U+0080 to U+009F: CSI is as good as ESC [) are dropped, and
// invalid UTF-8 becomes U+FFFD. Code blocks keep their TABs (see above).
//
// # Size
//
// The output is at most OutputFactor times as long as the Markdown, plus
// OutputSlack bytes, however the Markdown is written: nesting and tables
// are bounded as described above.
//
// # Escaping
//
// A line of running text that would be read as gemtext syntax (it starts
// with "=>", "#", "* ", ">" or "```") is prefixed with U+200B ZERO WIDTH
// SPACE: invisible, it shifts nothing, and the line stays text. Lines in
// lists, quotes and notes need no escape: their prefix protects them.
package gemtext

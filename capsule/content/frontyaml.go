package content

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// YAML front matter is read once by yamlScan before goccy/go-yaml sees it.
// goccy's parser costs the square of the nesting: "k: " and 60,000 "["
// (60 KB) took 25 s and 5.5 GB, and 30,000 saved into a watched folder
// took the daemon from 17 MB to 1.42 GB. decodeYAML's walker bounds the
// depth, but only once the parser is done; the scan refuses what is too
// deep before, in one pass that allocates nothing.
//
// To count what the parser will nest, the scan follows goccy's lexer
// (github.com/goccy/go-yaml/scanner) character by character: a "[" opens
// a sequence exactly when the lexer takes it for one, and not inside a
// quoted string, a comment, a block scalar (| or >), a tag or a plain
// scalar already begun, with the lexer's own rules where they depart from
// YAML's (a tab inside a double-quoted string makes it skip a character
// after the closing quote; an empty block scalar leaves its buffer
// looking full). A scan that took a quote for an opening one where the
// lexer does not would miss every "[" up to the next quote, so the two
// must agree: FuzzYAMLScan holds the scan's tokens to the lexer's.
//
// Two more of the lexer's costs grow with the square of the text, and
// are bounded here too: a run of "<" (each one is checked for a merge key
// "<<" by counting the whole run) and tabs in a double-quoted string
// (each makes the lexer read the rest of its line).
const (
	// yamlDepthSlack is how many levels deeper than the front matter
	// limit the scan lets through. It counts the containers open, one
	// more than decodeYAML's walker for an empty innermost [] or {}; the
	// walker then applies the limit exactly, on a parse of bounded cost.
	yamlDepthSlack = 1
	// maxYAMLAngleRun is the longest run of "<" outside strings and
	// comments: the lexer counts the rest of the run at each of them, a
	// run of 64,000 took 1.9 s. Nobody writes more than a few.
	maxYAMLAngleRun = 1000
	// maxYAMLQuotedTabs is the most tab characters on one line of a
	// double-quoted string: the lexer reads the rest of the line at each,
	// 32,000 took 1.3 s. "\t" writes a tab at no cost.
	maxYAMLQuotedTabs = 100
)

// yamlIndent is goccy's IndentState: how the first character of a line
// stands to the column of the last key or "-".
type yamlIndent int

const (
	yamlEqual yamlIndent = iota
	yamlUp
	yamlDown
	yamlKeep
)

// yamlToken is the kind of the last token the lexer made, as far as its
// later decisions depend on it.
type yamlToken int

const (
	yamlOther    yamlToken = iota
	yamlMapValue           // ":" of a mapping
	yamlQuoted             // 'single' or "double" quoted scalar
	yamlString             // the content of a block scalar
	yamlMerge              // a merge key "<<"
)

// yamlEvent is a token of the lexer that the parser nests by: '[', ']',
// '{', '}', '-' (a sequence entry), '?' (a mapping key), ':' (a mapping
// value, Key the column of its key or 0), '<' (a merge key "<<") and 'D'
// (a document start "---"). Line and Col are the lexer's (its column
// drifts from the file's in places).
type yamlEvent struct {
	Kind           byte
	Line, Col, Key int
}

// yamlProp is what waits for its node.
type yamlProp int

const (
	propNone  yamlProp = iota
	propTag            // a tag or an anchor
	propEntry          // a sequence entry "-"
)

// yamlBlock is an open block collection: the column of its "-" entries or
// of its keys.
type yamlBlock struct {
	col int
	seq bool
}

// yamlScan is one pass over YAML front matter; see above.
type yamlScan struct {
	src []byte
	i   int // offset of the rune being read (the lexer's ctx.idx)

	// The lexer's state, under its names (see goccy's scanner.Scanner).
	line, column             int
	first                    bool // isFirstCharAtLine
	indentNum, lastDelim     int
	indent                   yamlIndent
	anchor, alias, directive bool
	flowSeq, flowMap         int  // startedFlowSequenceNum, startedFlowMapNum (the lexer's, which may go below 0)
	bufLen, bufNS            int  // len(ctx.buf) and ctx.notSpaceCharPos, in runes
	bufSpace                 bool // ctx.buf ends with a space
	obufSpace                bool // ctx.obuf ends with a space or tab
	saved                    bool // savedPos is set
	savedCol                 int
	last                     yamlToken
	lastCol                  int
	multi                    bool // a block scalar is being read (ctx.mstate != nil)
	mTrim, mKeep             bool // the header's chomping: "-" (or a raw folded scalar), "+"
	mFirst                   int  // firstLineIndentColumn
	mOther                   bool // the block scalar's buffer holds more than spaces and line breaks
	mShape                   byte // what it holds when it holds only those: see blankAdd

	// The nesting the parser will reach.
	blocks  [64]yamlBlock
	nb      int
	flows   [64]struct{ base, mapping int }
	nf      int
	max     int // the most containers the parser may nest
	deepest int // the most containers open so far
	// prop follows a tag, an anchor or a "-" whose node has not come
	// yet: the parser takes the next node for it, a collection even on a
	// later line at a column that would otherwise close it ("- !t\n- a"
	// nests, and so does "-\nk: v"). propScalar says a scalar came since,
	// which may be the key of a mapping that is the node.
	prop       yamlProp
	propScalar bool

	angleEnd int // end of the run of "<" being read
	tabLine  int // offset of the line end, and tabs counted on it
	tabs     int

	errAt  int // offset to blame, when errMsg is set
	errMsg string
	events []yamlEvent // when not nil, every event is noted (tests)
	work   int         // bytes looked at, counted over: FuzzYAMLScan holds it linear
}

// scanYAML reads front, refusing nesting deeper than maxDepth (plus
// yamlDepthSlack) and the lexer's quadratic cases. On failure errLine is
// the line of front to blame (1-based) and msg says why.
func scanYAML(front []byte, maxDepth int) (errLine int, msg string) {
	s := newYAMLScan(front, maxDepth)
	s.run()
	if s.errMsg == "" {
		return 0, ""
	}
	return 1 + bytes.Count(front[:s.errAt], []byte("\n")), s.errMsg
}

func newYAMLScan(front []byte, maxDepth int) *yamlScan {
	return &yamlScan{src: front, line: 1, column: 1, first: true, max: min(maxDepth+yamlDepthSlack, 63), tabLine: -1}
}

func (s *yamlScan) fail(format string, args ...any) {
	if s.errMsg == "" {
		s.errAt, s.errMsg = min(s.i, len(s.src)), fmt.Sprintf(format, args...)
	}
}

// at returns the rune at offset i and its size; 0, 0 past the end.
func (s *yamlScan) at(i int) (rune, int) {
	s.work++
	if i >= len(s.src) {
		return 0, 0
	}
	if c := s.src[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(s.src[i:])
}

// next is the rune after the current one (the lexer's nextChar), 0 at the
// end.
func (s *yamlScan) next() rune {
	_, n := s.at(s.i)
	c, _ := s.at(s.i + n)
	return c
}

// advance moves past n runes, the column with them (progressColumn).
func (s *yamlScan) advance(n int) {
	for ; n > 0 && s.i < len(s.src); n-- {
		_, size := s.at(s.i)
		s.i += size
		s.column++
	}
}

// skip moves past n runes, the column not (progress, progressOnly).
func (s *yamlScan) skip(n int) {
	col := s.column
	s.advance(n)
	s.column = col
}

// newLine moves past a line break (progressLine).
func (s *yamlScan) newLine() {
	s.skip(1)
	s.column = 1
	s.line++
	s.indentNum = 0
	s.first = true
	s.anchor, s.alias, s.directive = false, false, false
}

func isYAMLBreak(c rune) bool { return c == '\n' || c == '\r' }

// repeat counts the runes equal to c from offset i on (repeatNum).
func (s *yamlScan) repeat(c byte) int {
	n := 0
	for j := s.i; j < len(s.src) && s.src[j] == c; j++ {
		n++
	}
	s.work += n
	return n
}

func (s *yamlScan) flowMode() bool { return s.flowSeq > 0 || s.flowMap > 0 }

// hasBuf is ctx.existsBuffer: a plain scalar has begun. In a block scalar
// it says whether its content, trimmed as the header asks, is not empty.
func (s *yamlScan) hasBuf() bool {
	if s.multi {
		return !s.blockScalarEmpty()
	}
	return s.bufNS > 0
}

// addBuf and addOrigin are ctx.addBuf and ctx.addOriginBuf.
func (s *yamlScan) addBuf(c rune) {
	if s.bufLen == 0 && (c == ' ' || c == '\t') {
		return
	}
	s.bufLen++
	s.bufSpace = c == ' '
	if c != ' ' && c != '\t' {
		s.bufNS = s.bufLen
	}
}

func (s *yamlScan) addOrigin(c rune) { s.obufSpace = c == ' ' || c == '\t' }

// reset is ctx.resetBuffer.
func (s *yamlScan) reset() {
	s.bufLen, s.bufNS, s.obufSpace, s.bufSpace = 0, 0, false, false
	s.mOther, s.mShape = false, blankNone
}

// clear is ctx.clear: the buffer reset, any block scalar done.
func (s *yamlScan) clear() {
	s.reset()
	s.multi = false
}

// token notes a token made by the lexer.
func (s *yamlScan) token(kind yamlToken, col int) { s.last, s.lastCol = kind, col }

// flush is addBufferedTokenIfExists: the plain scalar (or block scalar)
// read so far becomes a token. It returns the token's column, and false
// when there was none.
func (s *yamlScan) flush() (int, bool) {
	col := s.column - s.bufLen
	if s.saved {
		col, s.saved = s.savedCol, false
	}
	if s.multi {
		if s.blockScalarEmpty() {
			s.bufLen, s.bufSpace = 0, false // the lexer forgets the runes, not where the last was
			return 0, false
		}
		s.reset()
		s.token(yamlString, 2) // its column is never 1 when the lexer carries on
		return col, true
	}
	if s.bufNS == 0 {
		s.bufLen, s.bufSpace = 0, false
		return 0, false
	}
	if s.anchor {
		s.prop, s.propScalar = propTag, false // the anchor's name: its node is still to come
	} else {
		s.scalar()
	}
	s.reset()
	s.token(yamlOther, col)
	return col, true
}

// scalar notes a scalar made: the node a tag, an anchor or a "-" waited
// for, or the key of the mapping that is.
func (s *yamlScan) scalar() {
	if s.propScalar {
		s.prop = propNone
	}
	s.propScalar = s.prop != propNone
}

// Shapes of a block scalar's buffer holding only spaces and line breaks,
// as far as the trimming of bufferedSrc tells them apart.
const (
	blankNone    byte = iota // nothing
	blankBreak               // "\n"
	blankBreaks              // "\n\n…"
	blankSpaces              // " …"
	blankSpacesB             // " …\n…"
	blankBreakS              // "\n" then " …"
	blankBreakSB             // "\n", " …", then "\n…"
	blankOther               // any other mix
)

// blankAdd follows the shape when c (' ' or '\n') is added.
func blankAdd(shape byte, c rune) byte {
	br := c != ' '
	switch shape {
	case blankNone:
		if br {
			return blankBreak
		}
		return blankSpaces
	case blankBreak:
		if br {
			return blankBreaks
		}
		return blankBreakS
	case blankBreaks, blankSpacesB, blankBreakSB:
		if br {
			return shape
		}
	case blankSpaces:
		if br {
			return blankSpacesB
		}
		return blankSpaces
	case blankBreakS:
		if br {
			return blankBreakSB
		}
		return blankBreakS
	}
	return blankOther
}

// mAdd notes a rune added to a block scalar's buffer: addBuf when
// spaces, addBufWithTab when tabs may count.
func (s *yamlScan) mAdd(c rune, withTab bool) {
	space := c == ' ' || (c == '\t' && !withTab)
	if s.bufLen == 0 && (space || (c == '\t' && !withTab)) {
		return
	}
	s.bufLen++
	if space {
		return
	}
	s.bufNS = s.bufLen
	if c == '\n' && !s.mOther {
		s.mShape = blankAdd(s.mShape, c)
	} else {
		s.mOther = true
	}
}

// blockScalarEmpty is whether the lexer's bufferedSrc is empty for the
// block scalar read: its content, trimmed as the header's chomping
// indicator says.
func (s *yamlScan) blockScalarEmpty() bool {
	switch {
	case s.bufNS == 0:
		return !s.mKeep
	case s.mOther, s.mKeep:
		return false
	case s.mTrim:
		return s.mShape != blankOther
	}
	return s.mShape == blankBreak || s.mShape == blankBreaks
}

// event notes a token the parser nests by, and counts the nesting.
func (s *yamlScan) event(kind byte, col, key int) {
	if s.events != nil {
		s.events = append(s.events, yamlEvent{Kind: kind, Line: s.line, Col: col, Key: key})
	}
	base := 0
	if s.nf > 0 {
		base = s.flows[s.nf-1].base
	}
	prop, scalar := s.prop, s.propScalar
	s.prop, s.propScalar = propNone, false
	switch kind {
	case 'D':
		s.nb, s.nf = 0, 0
	case '[', '{':
		if !s.deeper() {
			return
		}
		m := 0
		if kind == '{' {
			m = 1
		}
		s.flows[s.nf].base, s.flows[s.nf].mapping = s.nb, m
		s.nf++
		s.deepest = max(s.deepest, s.nb+s.nf)
	case ']', '}':
		if s.nf > 0 {
			s.nf--
			s.nb = s.flows[s.nf].base
		}
	case '-':
		s.enter(base, col, true, prop == propTag && !scalar)
		s.prop = propEntry
	case ':', '?', '<':
		if s.nf > 0 && s.flows[s.nf-1].mapping == 1 {
			return // a key of a { } mapping: no level of its own
		}
		nested := prop != propNone && !scalar
		if kind == ':' {
			nested = prop != propNone
			if key == 0 {
				key = col
			}
		} else {
			key = col
		}
		s.enter(base, key, false, nested)
	}
}

// deeper checks that one more level may open.
func (s *yamlScan) deeper() bool {
	if s.nb+s.nf+1 > s.max {
		s.fail("front matter: nested deeper than %d levels", s.max-yamlDepthSlack)
		return false
	}
	return true
}

// enter notes a "-" (seq) or a key at col: it closes the collections
// indented deeper, continues one at col, or opens one. A collection that
// is the node of a tag or an anchor (nested) opens inside the one before.
func (s *yamlScan) enter(base, col int, seq, nested bool) {
	for !nested && s.nb > base && s.blocks[s.nb-1].col > col {
		s.nb--
	}
	// A key at the column of a sequence ends it: the sequence was a value
	// of the mapping at that column ("tags:\n- a\ntitle: x").
	for !nested && !seq && s.nb > base && s.blocks[s.nb-1].col == col && s.blocks[s.nb-1].seq {
		s.nb--
	}
	if !nested && s.nb > base && s.blocks[s.nb-1].col == col && s.blocks[s.nb-1].seq == seq {
		return
	}
	if !s.deeper() {
		return
	}
	s.blocks[s.nb] = yamlBlock{col: col, seq: seq}
	s.nb++
	s.deepest = max(s.deepest, s.nb+s.nf)
}

// run is the lexer's scan loop.
func (s *yamlScan) run() {
	for s.i < len(s.src) && s.errMsg == "" {
		c, _ := s.at(s.i)
		s.updateIndent(c)
		if s.indent == yamlDown {
			s.flush()
		}
		if s.multi {
			if s.indent == yamlDown {
				if s.last != yamlString {
					s.token(yamlString, 2)
				}
				s.multi = false
			} else {
				s.blockScalar(c)
				continue
			}
		}
		if s.special(c) {
			continue
		}
		s.addBuf(c)
		s.addOrigin(c)
		s.advance(1)
	}
	if s.errMsg == "" {
		s.flush()
	}
}

// updateIndent is the lexer's: at the first rune of a line that is not a
// space, a tab or a line break, it compares the column with the last
// key's or "-"'s.
func (s *yamlScan) updateIndent(c rune) {
	switch {
	case s.first && isYAMLBreak(c):
		return
	case s.first && c == ' ':
		s.indentNum++
		return
	case s.first && c == '\t':
		return
	case !s.first:
		s.indent = yamlKeep
		return
	}
	if s.lastDelim != 0 {
		if s.lastDelim < s.column {
			s.indent = yamlUp
		} else {
			s.indent = yamlDown
		}
	}
	s.first = false
}

// special handles c when it is not plain text, and reports whether it
// did; the cases of the lexer's scan loop, in its order.
func (s *yamlScan) special(c rune) bool {
	switch c {
	case '{':
		if s.hasBuf() && !s.flowMode() {
			return false
		}
		s.flush()
		s.event('{', s.column, 0)
		s.flowMap++
		s.token(yamlOther, s.column)
		s.advance(1)
		s.clear()
		return true
	case '}':
		if s.flowMap <= 0 {
			return false
		}
		s.flush()
		s.event('}', s.column, 0)
		s.flowMap--
		s.token(yamlOther, s.column)
		s.advance(1)
		s.clear()
		return true
	case '.':
		if s.indentNum != 0 || s.column != 1 || s.repeat('.') != 3 {
			return false
		}
		s.flush()
		s.token(yamlOther, s.column)
		s.advance(3)
		s.clear()
		return true
	case '<':
		return s.mergeKey()
	case '-':
		return s.dash()
	case '[':
		if s.hasBuf() && !s.flowMode() {
			return false
		}
		s.flush()
		s.event('[', s.column, 0)
		s.flowSeq++
		s.token(yamlOther, s.column)
		s.advance(1)
		s.clear()
		return true
	case ']':
		if s.hasBuf() && s.flowSeq <= 0 {
			return false
		}
		s.flush()
		s.event(']', s.column, 0)
		s.flowSeq--
		s.token(yamlOther, s.column)
		s.advance(1)
		s.clear()
		return true
	case ',':
		if !s.flowMode() {
			return false
		}
		s.flush()
		s.token(yamlOther, s.column)
		s.advance(1)
		s.clear()
		return true
	case ':':
		return s.mapValue()
	case '|', '>':
		if s.hasBuf() {
			return false
		}
		s.blockScalarHeader()
		return true
	case '!':
		if s.hasBuf() || s.directive {
			return false
		}
		s.tag()
		return true
	case '%':
		if s.hasBuf() || s.indentNum != 0 {
			return false
		}
		s.flush()
		s.token(yamlOther, s.column)
		s.advance(1)
		s.clear()
		s.directive = true
		return true
	case '?':
		if s.hasBuf() {
			return false
		}
		if n := s.next(); n != ' ' && n != '\t' {
			return false
		}
		s.event('?', s.column, 0)
		s.lastDelim = s.column
		s.token(yamlOther, s.column)
		s.advance(1)
		s.clear()
		return true
	case '&', '*':
		if s.hasBuf() {
			return false
		}
		s.flush()
		s.token(yamlOther, s.column)
		s.advance(1)
		if c == '&' {
			s.anchor = true
		} else {
			s.alias = true
		}
		s.clear()
		return true
	case '#':
		return s.comment()
	case '\'', '"':
		if s.hasBuf() {
			return false
		}
		col := s.column
		if c == '\'' {
			s.singleQuoted()
		} else {
			s.doubleQuoted()
		}
		s.token(yamlQuoted, col)
		s.scalar()
		s.clear()
		return true
	case '\r', '\n':
		s.lineBreak(c)
		return true
	case ' ':
		return s.whiteSpace()
	case '\t':
		if (s.hasBuf() && s.lastDelim == 0) || s.lastDelim < s.column {
			s.indentNum++
			s.addOrigin(c)
			s.skip(1)
			return true
		}
	}
	return false
}

// mergeKey is scanMergeKey: "<<" then spaces and a ":" before a space.
func (s *yamlScan) mergeKey() bool {
	if s.i >= s.angleEnd {
		s.angleEnd = s.i + s.repeat('<')
		if s.angleEnd-s.i > maxYAMLAngleRun {
			s.fail("front matter: %s \"<\" in a row, more than the %s the YAML reader takes: it slows down with the square of the run", thousands(s.angleEnd-s.i), thousands(maxYAMLAngleRun))
			return true
		}
	}
	if s.angleEnd-s.i != 2 {
		return false
	}
	merge := false
	for j := s.i + 2; j < len(s.src); j++ {
		s.work++
		c := s.src[j]
		if c == ' ' {
			continue
		}
		if c != ':' {
			break
		}
		if j+1 < len(s.src) && (s.src[j+1] == ' ' || isYAMLBreak(rune(s.src[j+1]))) {
			merge = true
			break
		}
	}
	if !merge {
		return false
	}
	s.event('<', s.column, 0)
	s.lastDelim = s.column
	s.token(yamlMerge, s.column)
	s.advance(2)
	s.clear()
	return true
}

// dash is the lexer's three readings of "-": a document start "---", a
// "-" continuing a plain scalar on a deeper line (which the lexer then
// reads as a block scalar), or a sequence entry.
func (s *yamlScan) dash() bool {
	if s.indentNum == 0 && s.column == 1 && s.repeat('-') == 3 {
		if c, _ := s.at(s.i + 3); s.i+3 >= len(s.src) || c == ' ' || c == '\t' || isYAMLBreak(c) {
			s.flush()
			s.event('D', s.column, 0)
			s.token(yamlOther, s.column)
			s.advance(3)
			s.clear()
			s.lastDelim, s.indentNum = 0, 0
			return true
		}
	}
	if s.hasBuf() && s.indent == yamlUp {
		// setRawFolded: the buffer so far and the rest, up to a line
		// indented no deeper than the key, are one scalar.
		s.multi, s.mTrim, s.mKeep = true, true, false
		s.mFirst = s.column
		s.mOther = true
		s.bufLen++
		s.bufNS, s.bufSpace = s.bufLen, false
		s.addOrigin('-')
		s.advance(1)
		return true
	}
	if s.hasBuf() {
		return false
	}
	if n := s.next(); n != 0 && n != ' ' && n != '\t' && !isYAMLBreak(n) {
		return false
	}
	s.flush()
	s.event('-', s.column, 0)
	s.lastDelim = s.column
	s.token(yamlOther, s.column)
	s.advance(1)
	s.clear()
	return true
}

// mapValue is scanMapDelim.
func (s *yamlScan) mapValue() bool {
	n := s.next()
	_, size := s.at(s.i)
	atEnd := s.i+size >= len(s.src)
	switch {
	case s.directive || s.anchor || s.alias:
		return false
	case s.flowMap <= 0 && n != ' ' && n != '\t' && !isYAMLBreak(n) && !atEnd:
		return false
	case s.flowMap > 0 && n == '/':
		return false
	case s.flowMap > 0 && s.last == yamlMapValue:
		return false
	}
	key := 0
	if col, ok := s.flush(); ok {
		key = col
		s.lastDelim = col
	} else if s.last == yamlQuoted {
		key = s.lastCol
		s.lastDelim = s.lastCol
	} else if s.last == yamlMerge {
		key = s.lastCol // the lexer's lastDelim is already there
	}
	s.event(':', s.column, key)
	s.token(yamlMapValue, s.column)
	s.advance(1)
	s.clear()
	return true
}

// whiteSpace is scanWhiteSpace.
func (s *yamlScan) whiteSpace() bool {
	switch {
	case !s.anchor && !s.directive && !s.alias && !s.first:
		return false
	case s.first:
		s.addOrigin(' ')
		s.advance(1)
	case s.directive:
		s.flush()
		s.addOrigin(' ')
		s.advance(1)
	default:
		// After an anchor's or alias's name: the name is a token, and
		// the space is read again.
		s.flush()
		s.anchor, s.alias = false, false
	}
	return true
}

// lineBreak is scanNewLine.
func (s *yamlScan) lineBreak(c rune) {
	if s.bufLen > 0 && !s.saved {
		s.saved, s.savedCol = true, s.column-s.bufNS
	}
	if s.obufSpace {
		s.obufSpace = false
		s.bufLen, s.bufSpace = s.bufNS, false
	}
	if c == '\r' && s.next() == '\n' {
		s.skip(1)
	}
	_, size := s.at(s.i)
	if s.i+size >= len(s.src) || s.anchor || s.alias || s.directive {
		s.flush()
	}
	if s.bufNS > 0 && s.first {
		// A blank line inside a plain scalar: its last space becomes a
		// line break, or one is added (where the last rune that is not a
		// space stays).
		if !s.bufSpace || s.bufLen == 0 {
			s.bufLen++
		}
		s.bufSpace = false
	} else {
		s.addBuf(' ')
	}
	s.addOrigin('\n')
	s.newLine()
}

// comment is scanComment: a "#" after a space, or where no scalar has
// begun, comments out the rest of the line.
func (s *yamlScan) comment() bool {
	if s.hasBuf() {
		if s.i > 0 {
			if p := s.src[s.i-1]; p != ' ' && p != '\t' && !isYAMLBreak(rune(p)) {
				return false
			}
		}
	}
	s.flush()
	s.skip(1)
	end := bytes.IndexAny(s.src[s.i:], "\r\n")
	if end < 0 {
		end = len(s.src) - s.i
	}
	s.work += end
	s.advance(utf8.RuneCount(s.src[s.i : s.i+end]))
	s.newLine()
	s.token(yamlOther, 0)
	s.clear()
	return true
}

// tag is scanTag: "!" and what follows up to a space, a line break or (in
// a flow collection) a comma is a tag; its "[" and "{" are not syntax.
func (s *yamlScan) tag() {
	s.skip(1)
	for j := 0; ; j++ {
		c, _ := s.at(s.i)
		switch {
		case s.i >= len(s.src):
			s.clear()
			return
		case c == ' ':
			s.advance(1)
			s.token(yamlOther, 0)
			s.prop, s.propScalar = propTag, false
			s.clear()
			return
		case c == ',' && s.flowMode(), isYAMLBreak(c):
			s.token(yamlOther, 0)
			s.prop, s.propScalar = propTag, false
			s.clear()
			return
		case c == '{' || c == '}':
			// The lexer fails here; nothing is parsed.
			s.i = len(s.src)
			return
		}
		s.advance(1)
	}
}

// singleQuoted reads a 'single-quoted' scalar, ” standing for a quote.
func (s *yamlScan) singleQuoted() {
	s.advance(1)
	for s.i < len(s.src) {
		c, _ := s.at(s.i)
		switch {
		case isYAMLBreak(c):
			s.newLine()
			continue
		case c == '\'':
			if n, _ := s.at(s.i + 1); n == '\'' {
				s.advance(2)
				continue
			}
			s.advance(1)
			return
		}
		s.advance(1)
	}
}

// doubleQuoted reads a "double-quoted" scalar, with the lexer's escapes:
// each takes as many runes as the lexer takes, valid or not.
func (s *yamlScan) doubleQuoted() {
	s.advance(1)
	lineStart := false // isFirstLineChar
	ahead := 0         // runes the lexer has moved past beyond the one it reads
	for s.i < len(s.src) {
		c, _ := s.at(s.i)
		switch {
		case isYAMLBreak(c):
			lineStart = true
			s.newLine()
			continue
		case lineStart && (c == ' ' || c == '\t'):
		case c == '\\':
			ok, broke := s.escape()
			if !ok {
				return
			}
			lineStart = broke
			continue
		case c == '\t':
			blanks, n := s.quotedTab()
			if s.errMsg != "" {
				return
			}
			if blanks {
				s.advance(1 + n) // the lexer moves past the blanks to the line end
				continue
			}
			if next, _ := s.at(s.i + 1); next != '"' {
				// The lexer moves one rune too far here, and resumes
				// that much later after the closing quote.
				ahead++
				s.column++
			}
		case c == '"':
			s.advance(1)
			s.skipRaw(ahead)
			return
		default:
			lineStart = false
		}
		s.advance(1)
	}
}

// escape reads a backslash and what the lexer takes with it. ok is false
// where the lexer fails (nothing is parsed then); broke says the escape
// was of a line break.
func (s *yamlScan) escape() (ok, broke bool) {
	n, _ := s.at(s.i + 1)
	left := s.runesLeft(12) // the lexer compares idx+k with the size
	switch {
	case left <= 1:
		s.advance(1)
		return true, false
	case n == 'x':
		if left <= 3 {
			s.advance(2)
		} else {
			s.advance(4)
		}
		return true, false
	case n == 'u':
		if left <= 5 {
			return s.stop(), false
		}
		code := s.hexRunes(s.runeOffset(2), 4)
		if code >= 0xD800 && code <= 0xDBFF {
			if left <= 11 {
				return s.stop(), false
			}
			b1, _ := s.at(s.runeOffset(6))
			b2, _ := s.at(s.runeOffset(7))
			if b1 != '\\' || b2 != 'u' {
				return s.stop(), false
			}
			if low := s.hexRunes(s.runeOffset(8), 4); low < 0xDC00 || low > 0xDFFF {
				return s.stop(), false
			}
			s.advance(12)
			return true, false
		}
		s.advance(6)
		return true, false
	case n == 'U':
		if left <= 9 {
			return s.stop(), false
		}
		s.advance(10)
		return true, false
	case n == '\n':
		s.advance(1)
		s.newLine()
		return true, true
	case n == '\r':
		// The lexer takes the backslash for the line's end, then moves
		// past the CR (and an LF after it) on the new line.
		s.newLine()
		k := 1
		if c, _ := s.at(s.i + 1); c == '\n' {
			k = 2
		}
		s.advance(k)
		return true, true
	}
	switch n {
	case '0', 'a', 'b', 't', 'n', 'v', 'f', 'r', 'e', ' ', '"', '/', '\\', 'N', '_', 'L', 'P', '\t':
		s.advance(2)
		return true, false
	}
	return s.stop(), false
}

// stop ends the scan where the lexer fails: it makes an invalid token,
// and the parser refuses the whole text.
func (s *yamlScan) stop() bool {
	s.i = len(s.src)
	return false
}

// runesLeft counts the runes from s.i on, up to atMost.
func (s *yamlScan) runesLeft(atMost int) int {
	n := 0
	for j := s.i; j < len(s.src) && n < atMost; n++ {
		_, size := s.at(j)
		j += size
	}
	return n
}

// runeOffset is the offset of the k-th rune from s.i.
func (s *yamlScan) runeOffset(k int) int {
	j := s.i
	for ; k > 0 && j < len(s.src); k-- {
		_, n := s.at(j)
		j += n
	}
	return j
}

// hexRunes is the lexer's hexRunesToInt of the n runes at offset j: it
// takes any rune for a digit, as the lexer does.
func (s *yamlScan) hexRunes(j, n int) int {
	sum := 0
	for k := range n {
		c, size := s.at(j)
		j += size
		var d int
		switch {
		case c >= 'A' && c <= 'F':
			d = int(c) - 'A' + 10
		case c >= 'a' && c <= 'f':
			d = int(c) - 'a' + 10
		default:
			d = int(c) - '0'
		}
		sum += d << (uint(n-k-1) * 4)
	}
	return sum
}

// quotedTab is the lexer's reading of a tab inside a double-quoted
// scalar, not at a line's start: it reads the rest of the line, and when
// only spaces and tabs follow it moves past them (blanks, and n of them).
// The scan counts such tabs against maxYAMLQuotedTabs.
func (s *yamlScan) quotedTab() (blanks bool, n int) {
	rest := s.src[s.i+1:]
	end := bytes.IndexAny(rest, "\r\n")
	if end < 0 {
		end = len(rest)
	}
	s.work += 2 * end
	if lineEnd := s.i + 1 + end; lineEnd != s.tabLine {
		s.tabLine, s.tabs = lineEnd, 0
	}
	if s.tabs++; s.tabs > maxYAMLQuotedTabs {
		s.fail("front matter: more than %d tabs on one line of a double-quoted string, which the YAML reader reads again at each: write them as \\t", maxYAMLQuotedTabs)
		return false, 0
	}
	if len(bytes.Trim(rest[:end], " \t")) > 0 {
		return false, 0
	}
	if end == len(rest) {
		// No line end: the lexer's count runs to the end of the text,
		// blanks or not.
		return true, utf8.RuneCount(rest)
	}
	return true, end
}

// skipRaw moves past n runes without reading them, as the lexer does
// after a tab made it count one twice; it only counts the lines.
func (s *yamlScan) skipRaw(n int) {
	for ; n > 0 && s.i < len(s.src); n-- {
		_, size := s.at(s.i)
		s.i += size
	}
}

// blockScalarHeader is scanMultiLineHeader: "|" or ">", then the
// indentation and chomping indicators and maybe a comment, to the end of
// the line; the lines after, up to one indented no deeper than the key,
// are text.
func (s *yamlScan) blockScalarHeader() {
	col := s.column
	s.skip(1)
	end := bytes.IndexAny(s.src[s.i:], "\r\n")
	if end < 0 {
		end = len(s.src) - s.i
	}
	s.work += 2 * end
	opt := bytes.TrimRight(s.src[s.i:s.i+end], " ")
	if h := bytes.IndexByte(opt, '#'); h > 0 {
		opt = opt[:h]
	}
	opt = bytes.TrimRight(opt, " \t")
	indent, ok := blockIndicator(opt)
	if !ok {
		s.stop() // the lexer fails on the header
		return
	}
	if col == 1 {
		s.lastDelim = 1
	}
	s.multi = true
	s.mTrim = bytes.HasPrefix(opt, []byte("-")) || bytes.HasSuffix(opt, []byte("-"))
	s.mKeep = bytes.HasPrefix(opt, []byte("+")) || bytes.HasSuffix(opt, []byte("+"))
	s.mFirst = 0
	if indent > 0 {
		s.mFirst = s.lastDelim + indent
	}
	s.token(yamlOther, col)
	s.indent = yamlKeep
	s.bufLen, s.bufNS, s.obufSpace, s.mOther, s.mShape = 0, 0, false, false, blankNone
	s.advance(utf8.RuneCount(s.src[s.i : s.i+end]))
	if s.i < len(s.src) {
		s.newLine()
		if c, _ := s.at(s.i - 1); c == '\r' && s.i < len(s.src) && s.src[s.i] == '\n' {
			// CRLF: the lexer moved past both as the header's end.
			s.i++
		}
	} else {
		s.line++
	}
}

// blockIndicator reads the indicators of a block scalar's header the way
// the lexer does: the indentation (0 when none) and whether the lexer
// takes the header.
func blockIndicator(opt []byte) (int, bool) {
	if len(opt) == 0 {
		return 0, true
	}
	o := bytes.TrimPrefix(opt, []byte("-"))
	o = bytes.TrimPrefix(o, []byte("+"))
	o = bytes.TrimSuffix(o, []byte("-"))
	o = bytes.TrimSuffix(o, []byte("+"))
	if len(o) == 0 {
		return 0, true
	}
	n, err := strconv.ParseInt(string(o), 10, 64)
	if string(o) == "0" || err != nil || n > 9 {
		return 0, false
	}
	return int(max(n, 0)), true
}

// blockScalar is scanMultiLine: one rune of a block scalar's text.
func (s *yamlScan) blockScalar(c rune) {
	s.addOrigin(c)
	if c == '\r' && s.next() == '\n' {
		s.skip(1)
		c = '\n'
	} else if c == '\r' {
		c = '\n'
	}
	_, size := s.at(s.i)
	switch {
	case s.i+size >= len(s.src):
		// The last rune: the scalar ends with the text.
		s.clear()
		s.token(yamlString, 2)
		s.advance(1)
	case isYAMLBreak(c):
		s.mAdd('\n', false)
		s.newLine()
		if rest := s.src[s.i:]; len(rest) >= 3 {
			m := rest[:min(4, len(rest))]
			m = bytes.TrimRight(m, " \t\r\n")
			if len(rest) == 3 {
				m = rest
			}
			if string(m) == "---" || string(m) == "..." {
				s.clear()
				s.token(yamlString, 2)
			}
		}
	case s.first && c == ' ':
		if s.mFirst != 0 && s.column >= s.mFirst {
			s.bufLen++
			s.bufNS = s.bufLen
			if !s.mOther {
				s.mShape = blankAdd(s.mShape, ' ')
			}
		}
		s.advance(1)
	case s.first && c == '\t' && s.indentColumn():
		s.stop() // the lexer fails: a tab where the indentation is
	case c == '\t' && !s.indentColumn():
		s.mAdd(c, true)
		s.advance(1)
	default:
		if s.mFirst == 0 {
			s.mFirst = s.column
		}
		if s.mFirst-1 > 0 {
			s.lastDelim = s.mFirst - 1
		}
		s.mAdd(c, true)
		s.advance(1)
	}
}

// indentColumn is MultiLineState.isIndentColumn.
func (s *yamlScan) indentColumn() bool {
	if s.mFirst == 0 {
		return s.column == 1
	}
	return s.mFirst > s.column
}

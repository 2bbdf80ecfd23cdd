// Package search finds posts by substring, in Japanese as in English, at a
// cost bounded whatever the query.
package search

import (
	"bytes"
	"capsule/capsule/internal/work"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Index finds posts by substring, the way Japanese needs: there are
// no word boundaries to index. Each post carries a small Bloom filter of the
// one- and two-character sequences (unigrams and bigrams) of its folded
// (lower-cased) text. A query checks its grams against each post's filter,
// which rules out almost every post that cannot match in a few memory
// reads; a case-insensitive substring search over the post decides for the
// rest.
//
// The text searched is the post's Gemini page as the Store holds it (title,
// tags and body, up to the links to other posts), so the index adds only
// the filters to memory. Filters are built on all cores and only read
// afterwards.
type Index struct {
	docs []searchDoc
}

// searchDoc is one post's searchable text and filter.
type searchDoc struct {
	text   []byte   // gemtext, shared with the Store
	filter []uint64 // Bloom filter of grams, one hash function
	shift  uint8    // a gram's bit is its hash >> shift
}

// A post's filter has a bit per two bytes of its text, rounded up to a power
// of two: two to three bits per Japanese character, which leaves most bits
// clear since a post repeats its grams, so that a gram absent from the post
// is rejected about four times in five, a query of three characters or more
// nineteen times in twenty.

// MaxResults bounds a result page, and the work a query can cause.
const MaxResults = 50

// lower is unicode.ToLower without its table search for the runes that
// have no case: most of a Japanese text.
func lower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0x3000 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7a3, r >= 0xff41 && r <= 0xffef:
		// CJK symbols, kana, ideographs, Hangul, fullwidth lower case and
		// halfwidth forms: no case.
		return r
	}
	return unicode.ToLower(r)
}

// Gram hashes: unigrams and bigrams never share a key.
func unigram(r rune) uint64   { return mix(uint64(r)) }
func bigram(a, b rune) uint64 { return mix(uint64(a)<<21 | uint64(b) | 1<<63) }
func mix(k uint64) uint64     { return k * 0x9E3779B97F4A7C15 }

// New indexes texts; document i is texts[i]. The texts are kept,
// not copied.
func New(texts [][]byte) *Index {
	idx := &Index{docs: make([]searchDoc, len(texts))}
	work.ForEach(len(texts), func(i int) {
		text := texts[i]
		nbits := max(64, 1<<bits.Len(uint(len(text)/2)))
		d := searchDoc{text: text, filter: make([]uint64, nbits/64), shift: uint8(64 - bits.TrailingZeros(uint(nbits)))}
		// This loop is most of the index's build time: runes are folded
		// as they come, three-byte CJK ones without decoding.
		prev := rune(-1)
		for j := 0; j < len(text); {
			r, size := rune(text[j]), 1
			switch c := text[j]; {
			case c < utf8.RuneSelf:
				r = lower(r)
			case c >= 0xe3 && c <= 0xe9 && j+2 < len(text):
				r, size = rune(c&0x0f)<<12|rune(text[j+1]&0x3f)<<6|rune(text[j+2]&0x3f), 3
			default:
				r, size = utf8.DecodeRune(text[j:])
				r = lower(r)
			}
			j += size
			h := unigram(r) >> d.shift
			d.filter[h/64] |= 1 << (h % 64)
			if prev >= 0 {
				h = bigram(prev, r) >> d.shift
				d.filter[h/64] |= 1 << (h % 64)
			}
			prev = r
		}
		idx.docs[i] = d
	})
	return idx
}

// mayContain reports whether every gram may be in d: false means surely not.
func (d *searchDoc) mayContain(hashes []uint64) bool {
	for _, h := range hashes {
		bit := h >> d.shift
		if d.filter[bit/64]&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}

// Hit is one post that matched, with where.
type Hit struct {
	Doc     int    // index into the texts given to New
	Excerpt string // text around the first match
}

// Search returns the documents containing query (case-insensitively,
// surrounding spaces ignored), in document order, at most MaxResults
// of them, and whether there were more.
func (idx *Index) Search(query string) (hits []Hit, more bool) {
	var q strings.Builder
	for _, r := range strings.TrimSpace(query) {
		q.WriteRune(lower(r))
	}
	m := newMatcher(q.String())
	if m.q == "" {
		return nil, false
	}
	for i := range idx.docs {
		doc := &idx.docs[i]
		if !doc.mayContain(m.hashes) {
			continue
		}
		text, at := m.index(doc.text)
		if at < 0 {
			continue
		}
		if len(hits) == MaxResults {
			return hits, true
		}
		hits = append(hits, Hit{Doc: i, Excerpt: excerpt(text, at, len(m.q))})
	}
	return hits, false
}

// matcher finds a folded query in text, ignoring case.
type matcher struct {
	q      string   // folded
	hashes []uint64 // its grams for the filters
	// asciiCase: every rune of q that has case is ASCII, so ASCII
	// case-folding of the text finds it; otherwise the text is folded whole
	// for the search (rare: Greek, Cyrillic, accented Latin queries).
	asciiCase bool
	cased     bool // q has a letter with an upper case
}

func newMatcher(q string) *matcher {
	m := &matcher{q: q, asciiCase: true}
	prev := rune(-1)
	n := 0
	for _, r := range q {
		n++
		if unicode.ToUpper(r) != r || unicode.ToTitle(r) != r {
			m.cased = true
			if r >= utf8.RuneSelf {
				m.asciiCase = false
			}
		}
		if prev >= 0 {
			m.hashes = append(m.hashes, bigram(prev, r))
		}
		prev = r
	}
	if n == 1 {
		// A one-character query has only its unigram.
		m.hashes = append(m.hashes, unigram(prev))
	}
	return m
}

// index returns where q first appears in text, and the text that offset is
// in (text itself, or its folded copy).
func (m *matcher) index(text []byte) ([]byte, int) {
	switch {
	case !m.cased:
		return text, bytes.Index(text, []byte(m.q))
	case m.asciiCase:
		return text, indexASCIIFold(text, m.q)
	}
	folded := bytes.Map(lower, text)
	return folded, bytes.Index(folded, []byte(m.q))
}

// indexASCIIFold is bytes.Index with ASCII letters of text compared without
// case; q is lower case.
func indexASCIIFold(text []byte, q string) int {
	if len(q) == 0 {
		return 0
	}
	first := q[0]
	for i := 0; i+len(q) <= len(text); i++ {
		// Skip ahead to the next byte that can start a match.
		if c := text[i]; c != first && c|0x20 != first {
			j := bytes.IndexByte(text[i:len(text)-len(q)+1], first)
			if 'a' <= first && first <= 'z' {
				if k := bytes.IndexByte(text[i:len(text)-len(q)+1], first-0x20); k >= 0 && (j < 0 || k < j) {
					j = k
				}
			}
			if j < 0 {
				return -1
			}
			i += j
		}
		if equalASCIIFold(text[i:i+len(q)], q) {
			return i
		}
	}
	return -1
}

func equalASCIIFold(s []byte, q string) bool {
	for i := range len(q) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != q[i] {
			return false
		}
	}
	return true
}

// excerptRunes is how much context an excerpt shows on each side of a match.
const excerptRunes = 30

// excerpt is the text around a match at byte offset at, of n bytes, with
// gemtext's line markup taken off.
func excerpt(src []byte, at, n int) string {
	start, end := at, at+n
	for i := 0; i < excerptRunes && start > 0; i++ {
		_, size := utf8.DecodeLastRune(src[:start])
		start -= size
	}
	for i := 0; i < excerptRunes && end < len(src); i++ {
		_, size := utf8.DecodeRune(src[end:])
		end += size
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	for i, line := range strings.Split(string(src[start:end]), "\n") {
		if i > 0 || start == 0 || src[start-1] == '\n' {
			line = stripMarkup(line)
		}
		if line = strings.TrimSpace(line); line != "" {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "…") {
				b.WriteByte(' ')
			}
			b.WriteString(line)
		}
	}
	if end < len(src) {
		b.WriteString("…")
	}
	return b.String()
}

// stripMarkup takes the gemtext line markup off a line: link lines keep
// their label, headings, list items and quotes their text.
func stripMarkup(line string) string {
	if rest, ok := strings.CutPrefix(line, "=>"); ok {
		rest = strings.TrimLeft(rest, " \t")
		if i := strings.IndexAny(rest, " \t"); i >= 0 {
			return rest[i+1:]
		}
		return ""
	}
	if strings.HasPrefix(line, "```") {
		return ""
	}
	return strings.TrimLeft(line, "#>* \u200b")
}

package capsule

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchIndex finds posts by substring, the way Japanese needs: there are
// no word boundaries to index. Each post carries a small Bloom filter of the
// one- and two-character sequences (unigrams and bigrams) of its folded
// text. A query checks its grams against each post's filter, which rules
// out almost every post that cannot match in a few memory reads; a
// substring search over the post's text decides for the rest. Filters are
// built on all cores, independently per post, and only read afterwards.
type searchIndex struct {
	docs []searchDoc
}

// searchDoc is one post's searchable text and filter.
type searchDoc struct {
	text   string // title and body as plain text, for excerpts
	folded string // text lower-cased rune by rune, for matching
	// sameOffsets is true when folding kept every rune's byte length, so
	// that a match in folded is at the same offset in text.
	sameOffsets bool
	filter      []uint64 // Bloom filter of grams, one hash function
	shift       uint8    // a gram's bit is its hash >> shift
}

// A post's filter has a bit per two bytes of its text, rounded up to a power
// of two: two to three bits per Japanese character, which leaves most bits
// clear since a post repeats its grams, so that a gram absent from the post
// is rejected about four times in five, a query of three characters or more
// nineteen times in twenty.

// maxSearchResults bounds a result page, and the work a query can cause.
const maxSearchResults = 50

// fold lower-cases s rune by rune, so that Latin matches regardless of case
// and Japanese is unchanged. It returns s itself when nothing changes.
func fold(s string) (folded string, sameOffsets bool) {
	i := caselessPrefix(s)
	if i == len(s) {
		return s, true
	}
	same := true
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	for i < len(s) {
		if n := caselessPrefix(s[i:]); n > 0 {
			b = append(b, s[i:i+n]...)
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		l := lower(r)
		if utf8.RuneLen(l) != size {
			same = false
		}
		b = utf8.AppendRune(b, l)
		i += size
	}
	return string(b), same
}

// caselessPrefix is the length of the longest prefix of s that folding
// leaves as it is. Three-byte sequences led by E3 to E9 (U+3000 to U+9FFF:
// CJK punctuation, kana, ideographs) are skipped without decoding: they are
// most of a Japanese text.
func caselessPrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				return i
			}
			i++
		case c >= 0xe3 && c <= 0xe9 && i+2 < len(s):
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if lower(r) != r || r == utf8.RuneError && size == 1 {
				return i
			}
			i += size
		}
	}
	return i
}

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

// grams calls f with the hash of every unigram and bigram of s.
func grams(s string, f func(uint64)) {
	prev := rune(-1)
	for _, r := range s {
		f(unigram(r))
		if prev >= 0 {
			f(bigram(prev, r))
		}
		prev = r
	}
}

// newSearchIndex indexes texts; document i is texts[i].
func newSearchIndex(texts []string) *searchIndex {
	idx := &searchIndex{docs: make([]searchDoc, len(texts))}
	forEach(len(texts), func(i int) {
		text := texts[i]
		folded, same := fold(text)
		if folded == text {
			folded = text // share the memory
		}
		nbits := max(64, 1<<bits.Len(uint(len(folded)/2)))
		d := searchDoc{text: text, folded: folded, sameOffsets: same,
			filter: make([]uint64, nbits/64), shift: uint8(64 - bits.TrailingZeros(uint(nbits)))}
		// grams, inlined: this loop is most of the index's build time.
		prev := rune(-1)
		for _, r := range folded {
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

// searchHit is one post that matched, with where.
type searchHit struct {
	Doc     int    // index into the texts given to newSearchIndex
	Excerpt string // text around the first match
}

// search returns the documents containing query (case-insensitively,
// surrounding spaces ignored), in document order, at most maxSearchResults
// of them, and whether there were more.
func (idx *searchIndex) search(query string) (hits []searchHit, more bool) {
	q, _ := fold(strings.TrimSpace(query))
	if q == "" {
		return nil, false
	}
	// The bigrams say more than the unigrams; a one-character query has
	// only its unigram.
	var hashes []uint64
	if utf8.RuneCountInString(q) == 1 {
		grams(q, func(h uint64) { hashes = append(hashes, h) })
	} else {
		prev := rune(-1)
		for _, r := range q {
			if prev >= 0 {
				hashes = append(hashes, bigram(prev, r))
			}
			prev = r
		}
	}
	for i := range idx.docs {
		doc := &idx.docs[i]
		if !doc.mayContain(hashes) {
			continue
		}
		at := strings.Index(doc.folded, q)
		if at < 0 {
			continue
		}
		if len(hits) == maxSearchResults {
			return hits, true
		}
		hits = append(hits, searchHit{Doc: i, Excerpt: doc.excerpt(at, len(q))})
	}
	return hits, false
}

// excerptRunes is how much context an excerpt shows on each side of a match.
const excerptRunes = 30

// excerpt is the text around a match at byte offset at, of n bytes, in folded.
func (d *searchDoc) excerpt(at, n int) string {
	src := d.text
	if !d.sameOffsets {
		src = d.folded
	}
	start, end := at, at+n
	for i := 0; i < excerptRunes && start > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(src[:start])
		start -= size
	}
	for i := 0; i < excerptRunes && end < len(src); i++ {
		_, size := utf8.DecodeRuneInString(src[end:])
		end += size
	}
	s := strings.Join(strings.Fields(src[start:end]), " ")
	if start > 0 {
		s = "…" + s
	}
	if end < len(src) {
		s += "…"
	}
	return s
}

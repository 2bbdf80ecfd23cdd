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

// filterBitsPerRune sizes a post's filter: about two bits per character
// leaves most bits clear (a post repeats its grams), so that a gram absent
// from the post is rejected about four times in five, a bigram query of
// three characters or more nineteen times in twenty.
const filterBitsPerRune = 2

// maxSearchResults bounds a result page, and the work a query can cause.
const maxSearchResults = 50

// fold lower-cases s rune by rune, so that Latin matches regardless of case
// and Japanese is unchanged.
func fold(s string) (folded string, sameOffsets bool) {
	same := true
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != utf8.RuneLen(r) {
			same = false
		}
		b.WriteRune(l)
	}
	return b.String(), same
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
		nbits := max(64, 1<<bits.Len(uint(filterBitsPerRune*utf8.RuneCountInString(folded))))
		d := searchDoc{text: text, folded: folded, sameOffsets: same,
			filter: make([]uint64, nbits/64), shift: uint8(64 - bits.TrailingZeros(uint(nbits)))}
		grams(folded, func(h uint64) {
			bit := h >> d.shift
			d.filter[bit/64] |= 1 << (bit % 64)
		})
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

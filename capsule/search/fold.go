package search

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s as search compares it: Unicode NFKC, then case folding,
// then NFKC again, so that full-width Latin letters and digits match ASCII
// ones, half-width katakana match katakana and letters match whatever their
// case. Default-ignorable characters (zero-width spaces and joiners, soft
// hyphens, variation selectors) are dropped; control characters and
// invalid UTF-8 become spaces. Hiragana and katakana stay distinct.
//
// The index folds every post once, when it is built, and a query once per
// search.
func Fold(s string) string {
	return string(appendFold(nil, []byte(s), 0, nil))
}

// caseFold is stateless: shared by all goroutines.
var caseFold = cases.Fold()

// region is where folding changed the length of the text: src[orig0:orig1]
// became fold[fold0:fold1]. Outside regions, folded text and source are
// byte for byte the same length, so that an offset in one gives the offset
// in the other.
type region struct {
	fold0, fold1 uint32
	orig0, orig1 uint32
}

// asciiFold folds ASCII bytes: lower case, control characters to spaces.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c < ' ' || c == 0x7f:
			t[c] = ' '
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

// fastRunes is the set of runes of the Basic Multilingual Plane that fold
// to themselves whatever surrounds them: NFKC leaves them alone and never
// combines them with a rune before them, and they have no other case. Most
// of a Japanese text is made of them (kana, kanji, 、。「」), so folding is
// mostly a copy. Computed on first use, in a few milliseconds.
var fastRunes = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	var buf [utf8.UTFMax]byte
	for r := rune(utf8.RuneSelf); r < 1<<16; r++ {
		if 0xd800 <= r && r <= 0xdfff || unicode.IsControl(r) || ignorable(r) {
			continue
		}
		s := buf[:utf8.EncodeRune(buf[:], r)]
		if !norm.NFKC.Properties(s).BoundaryBefore() || !norm.NFKC.IsNormal(s) {
			continue
		}
		if unicode.SimpleFold(r) != r && string(caseFold.Bytes(s)) != string(s) {
			continue
		}
		set[r/64] |= 1 << (r % 64)
	}
	return &set
})

// fastWide is fastRunes beyond the Basic Multilingual Plane: emoji and
// symbols, and the CJK ideograph extensions (not the compatibility
// ideographs at U+2F800, which NFKC replaces).
func fastWide(r rune) bool {
	return 0x1f300 <= r && r <= 0x1faff || 0x20000 <= r && r <= 0x2ebef || 0x30000 <= r && r <= 0x323af
}

// ignorable reports whether folding drops r: the default-ignorable code
// points a reader cannot see, which would otherwise keep a query from
// matching text that has them.
func ignorable(r rune) bool {
	switch {
	case r == 0xad, r == 0x34f, r == 0x61c, r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0, r == 0xfeff:
		return true
	case 0x17b4 <= r && r <= 0x17b5, 0x180b <= r && r <= 0x180f, 0x200b <= r && r <= 0x200f,
		0x202a <= r && r <= 0x202e, 0x2060 <= r && r <= 0x206f, 0xfe00 <= r && r <= 0xfe0f,
		0x1bca0 <= r && r <= 0x1bca3, 0x1d173 <= r && r <= 0x1d17a, 0xe0000 <= r && r <= 0xe0fff:
		return true
	}
	return false
}

// appendFold appends the folding of src to dst. src starts at offset base
// of the original text; when regions is not nil, every place where folding
// changed the length is appended to it, with offsets into dst and into the
// original text (adjacent regions merged).
//
// Runes in fastRunes and ASCII are copied (ASCII lower-cased); a run of
// other runes, together with the fast rune before it if the first of them
// may combine with that one, is a segment folded as a whole by
// norm and cases. A fast rune starts a new segment because it combines
// with nothing before it. Invalid UTF-8 bytes become spaces, one for one.
func appendFold(dst, src []byte, base int, regions *[]region) []byte {
	dst, _ = appendFoldKind(dst, src, base, regions)
	return dst
}

// appendFoldKind is appendFold, telling too what the folding is when it
// knows without comparing: sameLine when it is src as it is, plainLine
// when it is src with its ASCII folded (see plain), and 0 when some run of
// src was not fast, invalid or folded by norm and cases (the folding may
// still be one of the others). The index builder compared every line's
// folding with its source to know it; most lines are made of fast runes
// only.
func appendFoldKind(dst, src []byte, base int, regions *[]region) ([]byte, uint32) {
	fast := fastRunes()
	slow := -1     // start of the pending segment of other runes
	copied := true // every rune so far was fast, copied as it is or lowered
	lowered := false
	for i := 0; i < len(src); {
		// The span of fast runes from i, copied at once.
		j := i
		fix := false // some ASCII byte to fold
		for j < len(src) {
			// Kana and kanji (U+3000 to U+9FFF), most of a Japanese text,
			// in a tight loop: decoded inline, and only kana and
			// punctuation looked up (U+4000 to U+9FFF are all fast).
			for j+2 < len(src) {
				c, c1, c2 := src[j], src[j+1], src[j+2]
				if c < 0xe3 || c > 0xe9 || (c1&0xc0^0x80)|(c2&0xc0^0x80) != 0 {
					break
				}
				if r := 0x3000 | rune(c1&0x3f)<<6 | rune(c2&0x3f); c == 0xe3 && fast[r/64]&(1<<(r%64)) == 0 {
					break
				}
				j += 3
			}
			if j == len(src) {
				break
			}
			if c := src[j]; c < utf8.RuneSelf {
				fix = fix || asciiFold[c] != c
				j++
			} else if c >= 0xe0 && c < 0xf0 && j+2 < len(src) && src[j+1]&0xc0 == 0x80 && src[j+2]&0xc0 == 0x80 {
				// Three bytes, as most of a Japanese text: decoded inline,
				// and not even looked up for U+4000 to U+9FFF, kanji, all
				// fast.
				if c < 0xe4 || c > 0xe9 {
					r := rune(c&0x0f)<<12 | rune(src[j+1]&0x3f)<<6 | rune(src[j+2]&0x3f)
					if r < 0x800 || fast[r/64]&(1<<(r%64)) == 0 { // overlong, surrogate or not fast
						break
					}
				}
				j += 3
			} else if r, size := utf8.DecodeRune(src[j:]); size > 1 && (r < 1<<16 && fast[r/64]&(1<<(r%64)) != 0 || fastWide(r)) {
				j += size
			} else {
				break
			}
		}
		if j > i {
			if slow >= 0 {
				dst = foldSegment(dst, src, slow, i, base, regions)
				slow = -1
			}
			start := len(dst)
			dst = append(dst, src[i:j]...)
			if fix {
				lowered = true
				for k, c := range dst[start:] {
					if c < utf8.RuneSelf {
						dst[start+k] = asciiFold[c]
					}
				}
			}
			i = j
			if i == len(src) {
				break
			}
		}
		copied = false
		_, size := utf8.DecodeRune(src[i:])
		if size == 1 {
			// Invalid UTF-8 (surrogates and overlong forms too): a space,
			// one for one.
			if slow >= 0 {
				dst = foldSegment(dst, src, slow, i, base, regions)
				slow = -1
			}
			dst = append(dst, ' ')
			i++
			continue
		}
		if slow < 0 {
			slow = i
			if i > 0 && !norm.NFKC.Properties(src[i:]).BoundaryBefore() {
				// r combines with the fast rune before it: take that one
				// back into the segment. Fast runes keep their length,
				// so it is the last bytes of dst.
				_, n := utf8.DecodeLastRune(src[:i])
				slow -= n
				dst = dst[:len(dst)-n]
			}
		}
		i += size
	}
	if slow >= 0 {
		dst = foldSegment(dst, src, slow, len(src), base, regions)
	}
	switch {
	case !copied:
		return dst, 0
	case lowered:
		return dst, plainLine
	}
	return dst, sameLine
}

// foldSegment appends the folding of src[from:to], a segment of runes that
// are not fast, and notes it as a region.
func foldSegment(dst, src []byte, from, to, base int, regions *[]region) []byte {
	start := len(dst)
	seg := src[from:to]
	if r, n := utf8.DecodeRune(seg); n == len(seg) && (0xff01 <= r && r <= 0xff5e || r == 0x3000) {
		// Full-width ASCII and the ideographic space, frequent in Japanese
		// text: what NFKC gives, without its tables.
		c := byte(' ')
		if r != 0x3000 {
			c = asciiFold[r-0xff01+'!']
		}
		dst = append(dst, c)
	} else {
		folded := caseFold.Bytes(norm.NFKC.Bytes(seg))
		mark := len(dst)
		dst = norm.NFKC.Append(dst, folded...)
		// Drop what a reader cannot see, make controls spaces.
		out := dst[:mark]
		for j := mark; j < len(dst); {
			r, n := utf8.DecodeRune(dst[j:])
			switch {
			case n == 1 && r == utf8.RuneError:
				out = append(out, ' ')
			case ignorable(r):
			case unicode.IsControl(r):
				out = append(out, ' ')
			default:
				out = append(out, dst[j:j+n]...)
			}
			j += n
		}
		dst = out
	}
	if regions != nil {
		rg := region{fold0: uint32(start), fold1: uint32(len(dst)), orig0: uint32(base + from), orig1: uint32(base + to)}
		if k := len(*regions) - 1; k >= 0 && (*regions)[k].fold1 == rg.fold0 && (*regions)[k].orig1 == rg.orig0 {
			(*regions)[k].fold1, (*regions)[k].orig1 = rg.fold1, rg.orig1
		} else {
			*regions = append(*regions, rg)
		}
	}
	return dst
}

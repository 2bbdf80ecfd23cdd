package content

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A slug is a post's name in its addresses: /posts/<slug>.gmi on Gemini,
// /posts/<slug>.txt and /posts/<slug>/ on Gopher. It comes from the
// file's name (a page bundle's folder, a Jekyll post's name after its
// date) or from the front matter's slug, made fit for an address by
// MakeSlug, as Hugo's urlize makes a page's path: spaces become "-", and
// letters of every script are kept, so that a post named in Chinese or
// Japanese has its own words as its address (percent-encoded as UTF-8 in
// links: /posts/%E4%B8%AD%E6%96%87.gmi).

// MakeSlug is name as a slug:
//
//   - letters, digits and combining marks of any script are kept, in
//     Unicode's composed form (NFC: a name written on macOS, decomposed,
//     is the same slug as the one typed elsewhere), and so are ".", "-",
//     "_" and "~", the other characters a URL carries as they are;
//   - anything else (spaces, "/", "%", "?", "#", parentheses and other
//     punctuation, symbols, emoji, control and invisible characters, bytes
//     that are not UTF-8) becomes "-", one for a run, none beside a "-" the
//     name has, none at either end; dots at the start are dropped, so that
//     no slug is "." or "..";
//   - case is kept: a name that was a slug before stays the address it was,
//     and Jekyll keeps it too (Hugo lowers it: its old addresses are
//     redirects);
//   - a slug over MaxSlugBytes once percent-encoded is cut and ends with
//     "-" and 8 hex digits of a hash of name, which keeps it apart from
//     others cut alike;
//   - a name with nothing left ("🎉", "！！") is "post-" and those 8 hex
//     digits: stable as long as the name stays.
//
// A name that was already a slug (ASCII letters, digits, ".", "-", "_")
// is its own slug, and MakeSlug(MakeSlug(s)) is MakeSlug(s).
func MakeSlug(name string) string {
	s, _ := makeSlug(name)
	return s
}

// slugChange says what makeSlug had to do beyond replacing characters.
type slugChange byte

const (
	slugMapped   slugChange = iota // the name's characters, some replaced
	slugCut                        // over MaxSlugBytes encoded: cut, hash appended
	slugFallback                   // nothing left: post-<hash>
)

func makeSlug(name string) (string, slugChange) {
	if plainSlug(name) {
		return name, slugMapped
	}
	// Bytes that are not UTF-8 become U+FFFD, replaced below like other
	// symbols; then the composed form, so that what follows sees whole
	// characters.
	name = norm.NFC.String(strings.ToValidUTF8(name, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(name))
	// A "-" owed for characters replaced is written before the next
	// character kept: never at either end, never beside another "-".
	pending := false
	last := rune(0)
	for _, r := range name {
		if !slugRune(r) || b.Len() == 0 && r == '.' {
			pending = true
			continue
		}
		if pending && b.Len() > 0 && r != '-' && last != '-' {
			b.WriteByte('-')
		}
		pending = false
		b.WriteRune(r)
		last = r
	}
	s := b.String()
	switch {
	case s == "":
		return "post-" + nameHash(name), slugFallback
	case EncodedSlugBytes(s) > MaxSlugBytes:
		suffix := "-" + nameHash(name)
		n, i := 0, 0
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			c := encodedRuneBytes(r, w)
			if n+c+len(suffix) > MaxSlugBytes {
				break
			}
			n += c
			i += w
		}
		return strings.TrimRight(s[:i], "-") + suffix, slugCut
	}
	return s, slugMapped
}

// plainSlug reports whether name is a slug as capsule always took them:
// an ASCII letter or digit, then ASCII letters, digits, ".", "-" and "_",
// within MaxSlugBytes. Most names are; they need no other look.
func plainSlug(name string) bool {
	if name == "" || len(name) > MaxSlugBytes || !isASCIIAlnum(name[0]) {
		return false
	}
	for i := 1; i < len(name); i++ {
		if c := name[i]; !isASCIIAlnum(c) && c != '.' && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// slugRune reports whether r may stand in a slug as it is.
func slugRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return isASCIIAlnum(byte(r)) || r == '.' || r == '-' || r == '_' || r == '~'
	case r == utf8.RuneError:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// EncodedSlugBytes is how many bytes slug takes in a URL or a Gopher
// selector, percent-encoded: an ASCII character one, every byte of
// another three.
func EncodedSlugBytes(slug string) int {
	n := 0
	for i := 0; i < len(slug); i++ {
		if slug[i] < utf8.RuneSelf {
			n++
		} else {
			n += 3
		}
	}
	return n
}

func encodedRuneBytes(r rune, width int) int {
	if r < utf8.RuneSelf {
		return 1
	}
	return 3 * width
}

// nameHash is 8 hex digits that stand for name (FNV-1a, the same on every
// machine and every run).
func nameHash(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%08x", h.Sum32())
}

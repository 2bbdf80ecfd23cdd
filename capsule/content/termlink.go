package content

import (
	"net/url"
	"strings"
	"unicode"
)

// TermLink reads p, a path from the top of a site ("/tags/go-lang/"), as
// a link to a page its generator makes for the posts' tags or categories:
// Hugo's and Zola's /tags/<term>/ and /categories/<term>/, under a
// language's folder in a multilingual site (/ja/tags/<term>/), and the
// list of every term, /tags/. Capsule's tags hold the categories too, so
// both lead to its tag pages. dir is the language's folder ("/ja", or
// "" at the top), term the term as the address writes it, decoded
// ("" for the list); ok is false for any other path.
func TermLink(p string) (dir, term string, ok bool) {
	p = strings.TrimSuffix(p, "/")
	if strings.HasSuffix(p, "/index.html") {
		p = strings.TrimSuffix(p, "/index.html")
	}
	seg := strings.Split(strings.TrimPrefix(p, "/"), "/")
	if !strings.HasPrefix(p, "/") || len(seg) > 3 {
		return "", "", false
	}
	if len(seg) == 3 || len(seg) == 2 && !isTaxonomy(seg[0]) {
		// A language's folder first: a language code, never a
		// taxonomy's name.
		if !isLangSegment(seg[0]) {
			return "", "", false
		}
		dir, seg = "/"+seg[0], seg[1:]
	}
	if !isTaxonomy(seg[0]) {
		return "", "", false
	}
	if len(seg) == 2 {
		t, err := url.PathUnescape(seg[1])
		if err != nil || t == "" {
			return "", "", false
		}
		term = t
	}
	return dir, term, true
}

// isTaxonomy reports whether s is the folder of a taxonomy capsule's tags
// stand for.
func isTaxonomy(s string) bool { return s == "tags" || s == "categories" }

// isLangSegment reports whether s reads as a language's folder: a
// language code of two or three letters, and a region or script after a
// hyphen or underscore ("ja", "pt-br", "zh-Hans"), never a word such as
// "posts".
func isLangSegment(s string) bool {
	code, rest, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	return len(code) >= 2 && len(code) <= 3 && isLetters(code) && len(rest) <= 8 && isLetters(strings.ReplaceAll(rest, "-", ""))
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// TermKey is the form in which a tag and the term of a TermLink are
// compared: as Hugo makes a term's address of it (lower case, spaces as
// hyphens, punctuation other than ".-_+#~" left out), and with
// underscores as hyphens, so that "Go Lang" is found by /tags/go-lang/
// and by /tags/Go%20Lang/, and "C++!" by /tags/c++/. (Zola spells
// other scripts in Latin letters, "日記" as ri-ji: those are not found.)
func TermKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r) || r == '_':
			return '-'
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune(".-+#~", r):
			return unicode.ToLower(r)
		}
		return -1
	}, strings.TrimSpace(s))
}

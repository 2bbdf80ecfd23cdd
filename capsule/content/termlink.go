package content

import (
	"html"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	if !strings.HasPrefix(p, "/") {
		return "", "", false
	}
	seg := strings.Split(p[1:], "/")
	if !isTaxonomy(seg[0]) {
		// A language's folder first: a language code, never a
		// taxonomy's name.
		if len(seg) < 2 || !isLangSegment(seg[0]) || !isTaxonomy(seg[1]) {
			return "", "", false
		}
		dir, seg = "/"+seg[0], seg[1:]
	}
	// The rest is the term: Hugo keeps a term's "/" in its address
	// ("CI/CD" at /tags/ci/cd/), each part escaped on its own.
	parts := seg[1:]
	if n := len(parts); n >= 2 && parts[n-2] == "page" && isDigits(parts[n-1]) {
		// A page of its list, Hugo's /tags/go/page/2/; of the list of
		// the terms, /tags/page/2/ (where a term written "page/2"
		// would be too: Hugo writes the list's page there).
		parts = parts[:n-2]
	}
	for i, part := range parts {
		t, err := url.PathUnescape(part)
		if err != nil || t == "" {
			return "", "", false
		}
		parts[i] = t
	}
	return dir, strings.Join(parts, "/"), true
}

// isDigits reports whether s is ASCII digits, one or more.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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
// hyphens, punctuation other than ".-_+#~/@" left out), and with
// underscores as hyphens, so that "Go Lang" is found by /tags/go-lang/
// and by /tags/Go%20Lang/, "C++!" by /tags/c++/ and "CI/CD" by
// /tags/ci/cd/. (Zola spells
// other scripts in Latin letters, "日記" as ri-ji: those are not found.)
func TermKey(s string) string { return urlize(s, '-') }

// HugoTermPath is s as Hugo's urlize spells a term in its address: as
// TermKey, but with its underscores kept ("My_Cat" at
// /categories/my_cat/, "Go_Lang Two" at /tags/go_lang-two/: Hugo 0.111).
func HugoTermPath(s string) string { return urlize(s, '_') }

// urlize is s lower-cased, its spaces hyphens, its underscores under,
// and punctuation other than ".-_+#~/@" left out.
func urlize(s string, under rune) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return '-'
		case r == '_':
			return under
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune(".-+#~/@", r):
			return unicode.ToLower(r)
		}
		return -1
	}, strings.TrimSpace(s))
}

// ZolaTermKey is s as Zola's [slugify] taxonomies = "on" (its default)
// makes a term's address, as far as capsule can spell it: the slug
// crate's, which writes every character in ASCII (deunicode), lower-cases
// it, and makes each run of anything but ASCII letters and digits one
// "-", none at either end. "les 8 idees estadístiques més importants" is
// at /tags/les-8-idees-estadistiques-mes-importants/, "revisió d'article"
// at /tags/revisio-d-article/. Latin letters lose their diacritics (é e,
// ß ss, æ ae, ø o, ł l: deunicode's spelling); letters of other scripts,
// which deunicode spells from a table capsule lacks ("日記" ri-ji, "が"
// ga), are kept as they are, lower-cased, so a link written with Zola's
// spelling of them is still not found.
func ZolaTermKey(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	dash := false
	ascii := false // the last written was ASCII: a combining mark after it is a diacritic
	put := func(r rune) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
		ascii = r < utf8.RuneSelf
	}
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			put(r)
		case 'A' <= r && r <= 'Z':
			put(r + 'a' - 'A')
		case r < utf8.RuneSelf:
			dash = true
		case unicode.Is(unicode.Mn, r):
			if !ascii && b.Len() > 0 {
				put(r) // another script's mark, kept with its letter
			}
		case unicode.Is(unicode.Latin, r):
			if a := latinASCII(r); a != "" {
				for _, c := range a {
					put(c)
				}
			} else {
				put(unicode.ToLower(r))
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			put(unicode.ToLower(r))
		default:
			dash = true // punctuation, symbols, spaces: deunicode's are ASCII punctuation
		}
	}
	return b.String()
}

// latinSpelt are the Latin letters deunicode spells in ASCII that have no
// decomposition to one.
var latinSpelt = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ŋ': "ng", 'Ŋ': "ng", 'ĸ': "q",
}

// latinASCII is r, a Latin letter beyond ASCII, in lower-case ASCII
// letters and digits as deunicode spells it: its compatibility
// decomposition without the marks (é e, ﬁ fi, Ａ a), else latinSpelt's;
// "" when capsule does not know it.
func latinASCII(r rune) string {
	if s, ok := latinSpelt[r]; ok {
		return s
	}
	var b strings.Builder
	for _, c := range norm.NFKD.String(string(r)) {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b.WriteRune(c)
		case 'A' <= c && c <= 'Z':
			b.WriteRune(c + 'a' - 'A')
		case c < utf8.RuneSelf || !unicode.Is(unicode.Mn, c):
			return "" // a decomposition into more than a letter and its marks
		}
	}
	return b.String()
}

// TaxonomyTerms are the terms of posts in a Hugo or Zola site's tags and
// categories taxonomies, each as key spells it in an address (TermKey,
// ZolaTermKey): tags those of their tags keys (tags, tag), categories
// those of the others (categories, category, a language's own).
func TaxonomyTerms(posts []*Post, key func(string) string) (tags, categories map[string]bool) {
	tags, categories = make(map[string]bool), make(map[string]bool)
	for _, p := range posts {
		for _, t := range p.Tags[:min(p.keyTags, len(p.Tags))] {
			tags[key(t)] = true
		}
		for _, t := range p.categories {
			categories[key(oneLine(html.UnescapeString(t)))] = true
		}
	}
	return tags, categories
}

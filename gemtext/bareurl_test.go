package gemtext

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestMatchBareURL holds the hand-written bare URL matcher to the regexp it
// replaced (refBareURL, below), on strings made of the bytes
// that matter to it, and on hosts around its 256-byte limit.
func TestMatchBareURL(t *testing.T) {
	inputs := []string{"", "http", "http://", "http://a.b", "https://a.b:", "https://a.b:1x", "gemini://x.y/z?a#b",
		"gopher://1.2.3.4/", "ftp://a..b", "HTTP://a.b", "httpx://a.b", "https://a.B", "https://.a", "https://a.",
		"https://a.b/日本", "https://a.b/\xff", "https://a.b.c:80/p(q)", "https://-.z"}
	for _, n := range []int{254, 255, 256, 257, 300} {
		for _, tail := range []string{".com/", "a.com", ".c", ""} {
			inputs = append(inputs, "https://"+strings.Repeat("a", n)+tail,
				"https://"+strings.Repeat("a.", n/2)+tail)
		}
	}
	const alphabet = "htpsfgemiorTHS:/.a-z0_#?=@%+~!$&'();,\"<>\\^{}[]`| *\xe3\x81\x82"
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		b.WriteString([]string{"http://", "https://", "gemini://", "gopher://", "ftp://", "", "x"}[rnd.IntN(7)])
		for n := rnd.IntN(24); n > 0; n-- {
			b.WriteByte(alphabet[rnd.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		want := -1
		if m := refBareURL.FindStringIndex(in); m != nil {
			want = m[1]
		}
		if got := matchBareURL([]byte(in)); got != want {
			t.Errorf("matchBareURL(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestNextBareURL checks that the URLs nextBareURL finds, one after
// another, are those the old findBareURLs found.
func TestNextBareURL(t *testing.T) {
	pieces := []string{"https://a.example/", "http://b.example/x.", "gemini://c.example", "見て", "xhttps://d.e",
		"(", ")", "://", "https://0.https://0.a", "&amp;", ";", " ", "ftp://f.g/h_", "gopher://h.i:70/1"}
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for n := rnd.IntN(8); n > 0; n-- {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		s := []byte(b.String())
		var got [][2]int
		last := 0
		for from := 0; ; {
			start, end, next := nextBareURL(s, from, last)
			if start < 0 {
				break
			}
			got = append(got, [2]int{start, end})
			last, from = end, next
		}
		if want := refFindBareURLs(s); !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", s, got, want)
		}
	}
}

// The bare-URL finder as it was, with goldmark's linkify pattern, for
// TestNextBareURL to compare with.
var refBareURL = regexp.MustCompile(`^(?:https?|ftp|gemini|gopher)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`)

// findBareURLs returns the [start, end) offsets of the URLs in s. A URL
// must not follow an ASCII letter or digit (so "xhttp://" is not one), and
// trailing punctuation is left out the way goldmark's linkify does.
func refFindBareURLs(s []byte) [][2]int {
	var out [][2]int
	last := 0
	for from := 0; ; {
		i := bytes.Index(s[from:], []byte("://"))
		if i < 0 {
			return out
		}
		i += from

		start := i
		for start > 0 && refIsAlpha(s[start-1]) {
			start--
		}
		from = i + 3
		if start == i || start < last || start > 0 && refIsAlnum(s[start-1]) {
			continue
		}
		m := refBareURL.FindIndex(s[start:])
		if m == nil {
			continue
		}
		end := start + refTrimURLEnd(s[start:start+m[1]])
		out = append(out, [2]int{start, end})
		last = end
		from = max(from, end)
	}
}

func refIsAlpha(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func refIsAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// trimURLEnd returns the length of u without the trailing punctuation that
// more likely ends the sentence than the URL (goldmark's linkify rules).
func refTrimURLEnd(u []byte) int {
	opening := bytes.Count(u, []byte("("))
	closing := bytes.Count(u, []byte(")"))
	i := len(u)
	for i > 1 {
		switch u[i-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			i--
		case ')':
			if closing <= opening {
				return i
			}
			closing--
			i--
		case ';':
			j := i - 2
			for j > 0 && refIsAlnum(u[j]) {
				j--
			}
			if j == i-2 || u[j] != '&' {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return i
}

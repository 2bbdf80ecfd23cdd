package capsule

import (
	"math/rand/v2"
	"net/url"
	"testing"
)

// TestHasSchemeAsURLParse checks that hasScheme, which spares parsing
// links to the web, says what url.Parse would: a link it tells apart
// would have had a scheme (or failed to parse), and one it lets through
// has none.
func TestHasSchemeAsURLParse(t *testing.T) {
	cases := []string{"https://example.com/a", "gemini://x", "mailto:a@b", "a+b-c.d:x", ":x", "", "a", "/posts/a:b",
		"./a:b", "1a:b", "+a:b", "a_b:c", "日本:x", "a/b:c", "a?b:c", "a#b:c", "A:", "x:", "hello.md", "../x.md#a:b", "//host/x", "%41:b"}
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "aZ09+-.:/?#%_ é"
	for range 20000 {
		b := make([]byte, rng.IntN(8))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		u, err := url.Parse(s)
		parsed := err != nil || u.Scheme != ""
		if hasScheme(s) && !parsed {
			t.Errorf("hasScheme(%q) = true, but url.Parse finds no scheme", s)
		}
		if !hasScheme(s) && err == nil && u.Scheme != "" {
			t.Errorf("hasScheme(%q) = false, but url.Parse finds scheme %q", s, u.Scheme)
		}
	}
}

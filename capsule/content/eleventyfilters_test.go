package content

import (
	"strings"
	"testing"
)

// The site's text filters: each read one gives what JavaScript gives
// for the texts below (worked out by JavaScript's rules: substring
// swaps its ends, slice counts a negative from the end, "." matches no
// "\r", an escaped "-" in a class is no range); any other form is not
// read, and a text beyond the first plane is not filtered.
func TestEleventyTextFilters(t *testing.T) {
	type want struct{ in, out string }
	for src, cases := range map[string][]want{
		"(s) => s.substring(5)":              {{"0516_jamovi", "jamovi"}, {"abc", ""}},
		"s => s.substring(4, 1)":             {{"abcdef", "bcd"}},
		"(s) => s.slice(-3)":                 {{"abcdef", "def"}},
		"(s) => s.slice(1, -1)":              {{"abcdef", "bcde"}},
		"(s) => s.toLowerCase()":             {{"Kafka-UI", "kafka-ui"}},
		"(s) => s.replace(/^\\d{4}_/, '')":   {{"0516_jamovi", "jamovi"}, {"x0516_a", "x0516_a"}},
		"(s) => s.replace(/[a\\-z]/, \"_\")": {{"bx-za", "bx_za"}},
		"function (s) { if (/^a.c$/.test(s)) { return s.substring(1); } return s; }":                               {{"abc", "bc"}, {"a\rc", "a\rc"}, {"aßc", "ßc"}},
		"async function f(x) {\n  if (/^(?:ab|cd)+$/.test(x)) return x.slice(0, 2).toLowerCase();\n  return x;\n}": {{"abcd", "ab"}, {"abce", "abce"}},
	} {
		f, rest, ok := parseTextFilter(src)
		if !ok || rest != "" {
			t.Errorf("%q not read (rest %q)", src, rest)
			continue
		}
		for _, c := range cases {
			if got, ok := f.apply(c.in); !ok || got != c.out {
				t.Errorf("%q of %q: %q %v, want %q", src, c.in, got, ok, c.out)
			}
		}
		if _, ok := f.apply("a😀b"); ok {
			t.Errorf("%q filters text beyond the first plane", src)
		}
	}
	for _, src := range []string{
		"(s) => s.replace(/a/g, '')",          // g's empty matches are JavaScript's own
		"(s) => s.replace(/\\s/, '')",         // \s differs
		"(s) => s.replace(/a(?=b)/, '')",      // lookahead
		"(s) => s.replace(/a/, '$&')",         // a replacement pattern
		"(s) => t.substring(1)",               // another name
		"(s, n) => s.substring(n)",            // two parameters
		"(s) => { console.log(s); return s }", // anything else
		"(s) => slugify(s)",
		"(s) => { if (/a/.test(s)) { return s.slice(1); } }",
	} {
		if f, rest, ok := parseTextFilter(src); ok && rest == "" {
			t.Errorf("%q read: %+v", src, f)
		}
	}
}

// A filter's regular expressions are compiled once, not once a post:
// applying one of a test and a replacement costs a few allocations, not
// the hundreds of compiling them.
func TestEleventyTextFilterCompilesOnce(t *testing.T) {
	f, rest, ok := parseTextFilter(`(s) => { if (/^\d{4}_.*$/.test(s)) { return s.replace(/^(\d+)_/, "y-"); } return s; })`)
	if !ok || rest != ")" {
		t.Fatalf("not read: %v, rest %q", ok, rest)
	}
	if got, ok := f.apply("2024_hello"); !ok || got != "y-hello" {
		t.Fatalf("apply: %q %v", got, ok)
	}
	if n := testing.AllocsPerRun(100, func() { f.apply("2024_hello") }); n > 20 {
		t.Errorf("apply allocates %v times a call, want at most 20", n)
	}
}

// A filter's regular expression is read only when its program is within
// maxFilterProgram instructions, the steps a byte of text matching it
// takes: 24 alternatives of \w{1,999}, within the 256 bytes of source,
// compile to some 48,000, and a check of 5,000 posts matching them ran
// past a minute. A regular expression of a real filter's size is read.
func TestEleventyFilterRegexpBounded(t *testing.T) {
	alts := strings.Repeat(`\w{1,999}|`, 23) + `\w{1,999}`
	for src, want := range map[string]bool{
		"(s) => s.replace(/^(" + alts + ")$/, '')":                                     false,
		"function (s) { if (/^(" + alts + ")$/.test(s)) return s.slice(5); return s }": false,
		"(s) => s.replace(/^\\w{1,40}_/, '')":                                          true,
	} {
		if len(src) > 400 {
			t.Fatalf("the source is not within maxFilterRegexp: %d", len(src))
		}
		if _, rest, ok := parseTextFilter(src); (ok && rest == "") != want {
			t.Errorf("%.60q… read: %v, want %v", src, ok && rest == "", want)
		}
	}
}

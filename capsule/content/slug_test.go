package content

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// File names real blogs have, and the slugs they give: letters of every
// script kept, spaces and punctuation one "-", case kept.
func TestMakeSlug(t *testing.T) {
	for name, want := range map[string]string{
		"2017-05-03-hello-again": "2017-05-03-hello-again", // a slug already: as it was
		"Hello_World.v2":         "Hello_World.v2",
		"a--b":                   "a--b",
		"Markdown Syntax":        "Markdown-Syntax", // Hugo's page bundle post/Markdown Syntax/index.md
		"中文标题":                   "中文标题",
		"Github仓库搭建个人免费图床":       "Github仓库搭建个人免费图床",
		"业务需求：游戏状态字段统一的golang代码组织实践": "业务需求-游戏状态字段统一的golang代码组织实践", // a full-width colon
		"SSL(TLS)":                         "SSL-TLS",
		"2022-07-07 15:04:04.782474.ja-jp": "2022-07-07-15-04-04.782474.ja-jp",
		"やあ、世界。":                           "やあ-世界",
		"a - b":                            "a-b",
		"  spaced  out  ":                  "spaced-out",
		"Ünïcödé Ελληνικά 한국어 русский": "Ünïcödé-Ελληνικά-한국어-русский",
		"~user":                          "~user",
		"../etc/passwd":                  "etc-passwd",
		".hidden":                        "hidden",
		"a/b\\c":                         "a-b-c",
		"100%":                           "100",
		"a%2Fb":                          "a-2Fb",
		"q?x#y&z=1":                      "q-x-y-z-1",
		"tab\there\nline\r":              "tab-here-line",
		"bad\xff\xfeutf8":                "bad-utf8",
		"\u202eevil\u202c":               "evil",       // a bidi override
		"zero\u200bwidth\ufeff":          "zero-width", // invisible characters
		"\u30d5\u3099\u30ed\u30af\u3099": "ブログ",        // decomposed, as macOS names files
		"cafe\u0301":                     "café",
		"x\u0000y\u0085z\u2028w":         "x-y-z-w",
		"①②":                             "①②",
		"🎉 party 🎉":                      "party",
		"C++ & C#":                       "C-C",
		"it's \"quoted\" <b>":            "it-s-quoted-b",
	} {
		got := MakeSlug(name)
		if got != want {
			t.Errorf("MakeSlug(%q) = %q, want %q", name, got, want)
		}
		if again := MakeSlug(got); again != got {
			t.Errorf("MakeSlug(%q) = %q, not itself", got, again)
		}
	}
}

// A name with nothing to keep gets a stable slug of its own.
func TestMakeSlugFallback(t *testing.T) {
	fallback := regexp.MustCompile(`^post-[0-9a-f]{8}$`)
	seen := map[string]string{}
	for _, name := range []string{"🎉", "🎉🎉", "！！", ".", "..", "...", "", "   ", "/", "%%%", "\x00"} {
		got := MakeSlug(name)
		if !fallback.MatchString(got) {
			t.Errorf("MakeSlug(%q) = %q, want post-<8 hex digits>", name, got)
		}
		if again := MakeSlug(name); again != got {
			t.Errorf("MakeSlug(%q) = %q, then %q", name, got, again)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("%q and %q both give %q", name, other, got)
		}
		seen[got] = name
	}
}

// A slug over the limit once percent-encoded is cut within it, at a
// character, and two names cut alike stay apart.
func TestMakeSlugCut(t *testing.T) {
	a := strings.Repeat("日本語", 30) // 270 bytes, 810 encoded
	b := a + "の続き"
	sa, sb := MakeSlug(a), MakeSlug(b)
	if sa == sb {
		t.Errorf("%q and %q give one slug %q", a, b, sa)
	}
	for _, s := range []string{sa, sb} {
		if n := EncodedSlugBytes(s); n > MaxSlugBytes || n < MaxSlugBytes-10 {
			t.Errorf("%q: %d bytes encoded, want at most %d and near it", s, n, MaxSlugBytes)
		}
		if !utf8.ValidString(s) || !strings.HasPrefix(s, "日本語日本語") || MakeSlug(s) != s {
			t.Errorf("cut slug %q", s)
		}
	}
	if n := len(url.PathEscape(sa)); n != EncodedSlugBytes(sa) {
		t.Errorf("EncodedSlugBytes(%q) = %d, PathEscape gives %d", sa, EncodedSlugBytes(sa), n)
	}
}

// Whatever the name, its slug works as one segment of an address: no "/",
// nothing that needs encoding but letters outside ASCII, not a dot
// segment, within the limit, and its own slug.
func FuzzMakeSlug(f *testing.F) {
	for _, seed := range []string{"Markdown Syntax", "中文标题", "SSL(TLS)", "..", "a/../b", "\xff", "🎉", strings.Repeat("長", 100)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := MakeSlug(name)
		switch {
		case s == "", s[0] == '.', !utf8.ValidString(s):
			t.Fatalf("MakeSlug(%q) = %q", name, s)
		case EncodedSlugBytes(s) > MaxSlugBytes:
			t.Fatalf("MakeSlug(%q) = %q: %d bytes encoded", name, s, EncodedSlugBytes(s))
		case MakeSlug(s) != s:
			t.Fatalf("MakeSlug(%q) = %q, then %q", name, s, MakeSlug(s))
		case len(url.PathEscape(s)) != EncodedSlugBytes(s):
			t.Fatalf("MakeSlug(%q) = %q, escaped %q", name, s, url.PathEscape(s))
		}
		for _, r := range s {
			if !(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || strings.ContainsRune(".-_~", r)) {
				t.Fatalf("MakeSlug(%q) = %q holds %U", name, s, r)
			}
		}
	})
}

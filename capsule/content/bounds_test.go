package content

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"capsule/capsule/internal/testfs"

	"github.com/BurntSushi/toml"
)

// allocated is how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// loadErrors loads files and returns the errors, which must be an
// ErrorList; names in them are relative to the folder.
func loadErrors(t *testing.T, files map[string]string, opts LoadOptions) []string {
	t.Helper()
	dir := testfs.Write(t, files)
	_, err := loadStrict(dir, opts)
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error is %T (%v), want an ErrorList", err, err)
	}
	var got []string
	for _, e := range list {
		got = append(got, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	return got
}

func TestPostSizeCap(t *testing.T) {
	big := goodPost + strings.Repeat("本文。", DefaultMaxPostSize/9+1)
	got := loadErrors(t, map[string]string{"a.md": big}, LoadOptions{})
	want := fmt.Sprintf("a.md: %d bytes, over the 1048576-byte limit for one post", len(big))
	if len(got) != 1 || got[0] != want {
		t.Errorf("errors %q, want %q", got, want)
	}
	got = loadErrors(t, map[string]string{"a.md": goodPost, "b.md": goodPost + strings.Repeat("x", 1000),
		"_index.md": "+++\ntitle = \"t\"\n+++\n" + strings.Repeat("x", 1000)}, LoadOptions{MaxPostSize: 1000})
	want = fmt.Sprintf("_index.md: %d bytes, over the 1000-byte limit for the site file", len("+++\ntitle = \"t\"\n+++\n")+1000)
	want2 := fmt.Sprintf("b.md: %d bytes, over the 1000-byte limit for one post", len(goodPost)+1000)
	if len(got) != 2 || got[0] != want || got[1] != want2 {
		t.Errorf("errors %q, want %q and %q", got, want, want2)
	}
}

func TestFrontMatterSizeCap(t *testing.T) {
	long := "+++\ntitle = \"x\"\ndate = 2017-05-03\n" + strings.Repeat("# "+strings.Repeat(".", 61)+"\n", 1100) + "+++\n"
	got := loadErrors(t, map[string]string{"a.md": long}, LoadOptions{})
	// 64 KiB is reached on the 1024th comment line, line 4+1023.
	if len(got) != 1 || !strings.HasPrefix(got[0], "a.md:1027: front matter is 70430 bytes, over the 65536-byte limit") {
		t.Errorf("errors %q", got)
	}
}

// deepFrontMatter is front matter nesting n levels on line 4.
var deepFrontMatter = map[string]func(n int) string{
	"dotted key":     func(n int) string { return strings.Repeat("a.", n-1) + "a = 1" },
	"table header":   func(n int) string { return "[" + strings.Repeat("a.", n-1) + "a]" },
	"nested arrays":  func(n int) string { return "a = " + strings.Repeat("[", n) + strings.Repeat("]", n) },
	"inline tables":  func(n int) string { return "a = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) },
	"quoted dotted":  func(n int) string { return strings.Repeat(`"a".`, n-1) + `"a" = 1` },
	"array of table": func(n int) string { return "[[" + strings.Repeat("a.", n-1) + "a]]" },
}

func TestDeepFrontMatterIsAnErrorInBoundedMemory(t *testing.T) {
	for name, deep := range deepFrontMatter {
		t.Run(name, func(t *testing.T) {
			src := "+++\ntitle = \"x\"\ndate = 2017-05-03\n" + deep(10000) + "\n+++\n"
			var got []string
			n := allocated(func() { got = loadErrors(t, map[string]string{"a.md": src}, LoadOptions{Settle: -1}) })
			if len(got) != 1 || !strings.HasPrefix(got[0], "a.md:4: front matter: nested deeper than 16 levels") {
				t.Errorf("errors %q", got)
			}
			// Before the bound, a dotted key 10,000 deep (20 KB) made the
			// decoder allocate 3.8 GB.
			if n > 2<<20 {
				t.Errorf("Load allocated %d bytes", n)
			}
			t.Logf("10,000 levels: %d bytes allocated", n)
		})
	}
	// Up to 16 levels are fine.
	for name, deep := range deepFrontMatter {
		src := "+++\ntitle = \"x\"\ndate = 2017-05-03\n" + deep(MaxFrontMatterDepth-1) + "\n+++\n"
		if _, err := loadStrict(testfs.Write(t, map[string]string{"a.md": src}), LoadOptions{Settle: -1}); err != nil {
			t.Errorf("%s %d deep: %v", name, MaxFrontMatterDepth-1, err)
		}
	}
}

// manyKeys is front matter with n unknown keys, key i on line 4+i.
func manyKeys(n int) string {
	var b strings.Builder
	b.WriteString("+++\ntitle = \"x\"\ndate = 2017-05-03\n")
	for i := range n {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	b.WriteString("+++\nbody\n")
	return b.String()
}

func TestTooManyKeys(t *testing.T) {
	got := loadErrors(t, map[string]string{"a.md": manyKeys(5000)}, LoadOptions{Settle: -1})
	// title and date are keys 1 and 2: k998, on line 1002, is key 1001.
	if len(got) != 1 || got[0] != "a.md:1002: front matter: more than 1000 keys" {
		t.Errorf("errors %q", got)
	}
}

func TestManyUnknownKeysWarnedInOnePass(t *testing.T) {
	const n = 20000
	src := []byte(manyKeys(n))
	lim := frontLimits{size: 1 << 20, keys: 1 << 20, depth: MaxFrontMatterDepth}
	var (
		p           *Post
		errs, warns []*FileError
	)
	bytes := allocated(func() { p, errs, warns = parsePost("a.md", src, "a", time.UTC, "en", lim) })
	if p == nil || len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(warns) != n {
		t.Fatalf("%d warnings, want %d", len(warns), n)
	}
	for i, w := range warns {
		if want := fmt.Sprintf("a.md:%d: unknown front matter key \"k%d\" ignored", 4+i, i); w.Error() != want {
			t.Fatalf("warning %d: %s, want %s", i, w, want)
		}
	}
	// Before, each warning compiled a regular expression and searched the
	// front matter again: 10,000 keys took 25 s and 40 MB, 20,000 about
	// 100 s and 80 MB. One pass takes a fraction of that memory.
	if bytes > 40<<20 {
		t.Errorf("parsing allocated %d bytes", bytes)
	}
	t.Logf("%d unknown keys: %d bytes allocated", n, bytes)
}

func TestKeyLines(t *testing.T) {
	front := []byte(`title = "x" # a comment
"quoted key" = 1
a.b . "c.d" = [
  1, # a comment with key = 1
  [2, 3],
  { in = "x", deep.er = 2 },
]
text = """
not = a key
[nor] a table"""
lit = '''
x = 1'''
date = 1979-05-27 07:32:00Z
inline = { x = 1, y = { z = 2 } }
[table]
key = 'v'
[[arr.of]]
key = "\"" # quote
[ spaced . 'name' ]
last = true
`)
	want := map[string]int{
		"title": 1, "quoted key": 2, "a": 3, "a.b": 3, "a.b.c.d": 3, "a.b.c.d.in": 6, "a.b.c.d.deep": 6, "a.b.c.d.deep.er": 6,
		"text": 8, "lit": 11, "date": 13, "inline": 14, "inline.x": 14, "inline.y": 14, "inline.y.z": 14,
		"table": 15, "table.key": 16, "arr": 17, "arr.of": 17, "arr.of.key": 18, "spaced": 19, "spaced.name": 19, "spaced.name.last": 20,
	}
	got := KeyLines(front)
	for k, l := range want {
		if got[k] != l {
			t.Errorf("line of %q = %d, want %d", k, got[k], l)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected key %q on line %d", k, got[k])
		}
	}
	if l := KeyLine(front, "quoted key"); l != 2 {
		t.Errorf("KeyLine(quoted key) = %d, want 2", l)
	}
	if l := KeyLine(front, "key"); l != 16 {
		t.Errorf("KeyLine(key) = %d, want 16 (the first, in any table)", l)
	}
	if l := KeyLine(front, "missing"); l != 0 {
		t.Errorf("KeyLine(missing) = %d, want 0", l)
	}
}

func TestKeyLineAllocatesNothing(t *testing.T) {
	front := []byte(manyKeys(1000))
	if n := testing.AllocsPerRun(10, func() { KeyLine(front, "k999") }); n != 0 {
		t.Errorf("KeyLine allocates %v times a call", n)
	}
}

// A slug too long for an address is cut (with a hash of the whole, which
// keeps two cut alike apart) and the post published; a tag too long for
// one, or one too many, is left out, and the post published with the
// others. Each says so, once.
func TestSlugAndTagLengths(t *testing.T) {
	long := strings.Repeat("s", 2000)
	tag := strings.Repeat("タ", 5000)
	files := map[string]string{
		"a.md":                           "+++\ntitle = \"x\"\ndate = 2017-05-03\nslug = \"" + long + "\"\n+++\n",
		"b.md":                           "+++\ntitle = \"x\"\ndate = 2017-05-03\n\ntags = [\"ok\", \"" + tag + "\", \"" + tag + "x\"]\n+++\n",
		"c.md":                           "+++\ntitle = \"x\"\ndate = 2017-05-03\ntags = [" + strings.Repeat(`"t", `, 51) + manyTags(51) + "]\n+++\n",
		strings.Repeat("f", 201) + ".md": goodPost,
		strings.Repeat("f", 202) + ".md": goodPost,
		"ok.md":                          "+++\ntitle = \"x\"\ndate = 2017-05-03\nslug = \"" + long[:MaxSlugBytes] + "\"\ntags = [\"" + tag[:MaxTagBytes/3*3] + "\"]\n+++\n",
	}
	dir := testfs.Write(t, files)
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var warns []string
	for _, w := range c.Warnings {
		warns = append(warns, strings.TrimPrefix(w.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		`a.md:4: its slug "ssssssssssssssssssssssssssssssssssssssss…" is over the 200 bytes an address may give it once percent-encoded: its address is cut to "` + long[:191] + `-`,
		`b.md:5: front matter: tag "タタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタタ…" is 15000 bytes long, over the 80 bytes of a tag's address (26 Japanese characters): left out`,
		`c.md:4: front matter: more than 50 tags and categories: "t49" and those after it left out`,
		strings.Repeat("f", 201) + `.md:1: its file's name "ffffffffffffffffffffffffffffffffffffffff…" is over the 200 bytes`,
		strings.Repeat("f", 202) + `.md:1: its file's name "ffffffffffffffffffffffffffffffffffffffff…" is over the 200 bytes`,
	}
	if len(warns) != len(want) {
		t.Fatalf("warnings:\n%s\nwant %d", strings.Join(warns, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(warns[i], want[i]) {
			t.Errorf("warning %d:\n got %s\nwant %s…", i, warns[i], want[i])
		}
	}
	slugs := map[string]string{}
	for _, p := range c.Posts {
		slugs[p.File[strings.LastIndex(p.File, "/")+1:]] = p.Slug
		if n := EncodedSlugBytes(p.Slug); n > MaxSlugBytes {
			t.Errorf("%s: slug of %d bytes", p.File, n)
		}
		switch p.File[strings.LastIndex(p.File, "/")+1:] {
		case "b.md":
			if !slices.Equal(p.Tags, []string{"ok"}) {
				t.Errorf("b.md tags %q", p.Tags)
			}
		case "c.md":
			if len(p.Tags) != MaxTags || p.Tags[0] != "t" || p.Tags[MaxTags-1] != "t48" {
				t.Errorf("c.md: %d tags, %q … %q", len(p.Tags), p.Tags[0], p.Tags[len(p.Tags)-1])
			}
		}
	}
	if len(c.Posts) != len(files) {
		t.Errorf("%d posts of %d", len(c.Posts), len(files))
	}
	if a, b := slugs[strings.Repeat("f", 201)+".md"], slugs[strings.Repeat("f", 202)+".md"]; a == b || len(a) != MaxSlugBytes {
		t.Errorf("cut slugs %q and %q: want two of %d bytes", a, b, MaxSlugBytes)
	}
	if slugs["ok.md"] != long[:MaxSlugBytes] {
		t.Errorf("a slug of %d bytes changed: %q", MaxSlugBytes, slugs["ok.md"])
	}
}

// manyTags is n tags t0, t1… as a TOML list's items.
func manyTags(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `"t%d", `, i)
	}
	return b.String()
}

// FuzzScanFront checks that the scanner follows all that TOML accepts:
// it never skips a line of valid TOML, and finds a line for every key.
func FuzzScanFront(f *testing.F) {
	for _, seed := range []string{
		"title = \"x\"\ndate = 2017-05-03\ntags = [\"a\", 'b']\n",
		"a.b . \"c.d\" = [\n 1, # c\n [2, 3],\n { in = \"x\", deep.er = 2 },\n]\n",
		"t = \"\"\"\nx = 1\n\"\"\"\"\nl = '''\n[y]'''\n[[a.b]]\nk = 1979-05-27 07:32:00Z\n",
		"'lit'.\"q\\\"\" = { x = [ { y = 1 } ] }\n[ s . 'n' ] # c\nz = -inf\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			// TOML is UTF-8; the decoder takes "\xff\xfe" for a UTF-16
			// byte order mark, which cannot open front matter (a "+++"
			// line comes first).
			return
		}
		src = string(NormalizeSource([]byte(src))) // as the loader hands it over: LF line ends
		var v any
		md, err := toml.Decode(src, &v)
		s := scanFront([]byte(src), 1<<20, 1<<10)
		if err != nil {
			return
		}
		if s.lost > 0 || s.errMsg != "" {
			t.Fatalf("scanner lost track of valid TOML (%d lines, error %q):\n%s", s.lost, s.errMsg, src)
		}
		for _, k := range md.Keys() {
			if _, ok := s.lines[strings.Join(k, ".")]; !ok {
				t.Fatalf("no line for key %q in:\n%s", strings.Join(k, "."), src)
			}
		}
	})
}

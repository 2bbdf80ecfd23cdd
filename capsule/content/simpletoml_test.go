package content

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestSimpleTOMLAsDecoded checks that what decodeSimpleTOML takes it
// decodes as toml.Decode does, on random front matter made of what it
// takes and of what it must leave to toml.Decode.
func TestSimpleTOMLAsDecoded(t *testing.T) {
	keys := []string{"title", "date", "tags", "draft", "a-b_1", "1", "true", "Title", "日本", "a.b", "\"q\"", ""}
	strs := []string{"", "x", "生成された記事", "a b", "\t", "'", "#", "=", "[", "]", ",", "\\", "\\n", "\"", "\x01", "\x7f", "\u0085",
		"\xff", "\r", "${x}", " "}
	values := []func(*rand.Rand, func() string) string{
		func(r *rand.Rand, s func() string) string { return `"` + s() + `"` },
		func(r *rand.Rand, s func() string) string {
			var b strings.Builder
			b.WriteString("[")
			for i := range r.Intn(4) {
				if i > 0 {
					b.WriteString([]string{",", ", ", " , ", ",\t"}[r.Intn(4)])
				}
				b.WriteString(`"` + s() + `"`)
			}
			b.WriteString([]string{"]", ",]", " ]", ", ]"}[r.Intn(4)])
			return b.String()
		},
		func(r *rand.Rand, s func() string) string {
			return []string{"true", "false", "True", "1", "1.5", "-3"}[r.Intn(6)]
		},
		func(r *rand.Rand, s func() string) string {
			return []string{"2000-01-01", "2024-02-29", "2023-02-29", "2000-13-01", "2000-1-01", "2000-01-01T10:00:00Z",
				"2000-01-01 10:00:00", "2000-01-01T10:00:00+09:00", "0000-01-01", "9999-12-31"}[r.Intn(10)]
		},
		func(r *rand.Rand, s func() string) string { return `'` + s() + `'` },
		func(r *rand.Rand, s func() string) string { return `"""` + s() + `"""` },
		func(r *rand.Rand, s func() string) string { return `"` + s() + `" # c` },
		func(r *rand.Rand, s func() string) string { return `{ a = "` + s() + `" }` },
	}
	rng := rand.New(rand.NewSource(5))
	str := func() string {
		var b strings.Builder
		for range rng.Intn(3) {
			b.WriteString(strs[rng.Intn(len(strs))])
		}
		return b.String()
	}
	taken := 0
	for range 200000 {
		var b strings.Builder
		for range rng.Intn(6) {
			switch rng.Intn(12) {
			case 0:
				b.WriteString("\n")
				continue
			case 1:
				b.WriteString("[params]\n")
				continue
			case 2:
				b.WriteString("# comment\n")
				continue
			}
			b.WriteString([]string{"", " ", "\t"}[rng.Intn(3)])
			b.WriteString(keys[rng.Intn(len(keys))])
			b.WriteString([]string{" = ", "=", " =\t", " "}[rng.Intn(4)])
			if rng.Intn(4) == 0 {
				b.WriteString(values[rng.Intn(len(values))](rng, str))
			} else {
				b.WriteString(values[rng.Intn(4)](rng, str))
			}
			b.WriteString([]string{"\n", " \n", "\r\n", ""}[rng.Intn(4)])
		}
		front := b.String()
		got, ok := decodeSimpleTOML([]byte(front))
		if !ok {
			continue
		}
		taken++
		var want map[string]any
		if _, err := toml.Decode(front, &want); err != nil {
			t.Fatalf("%q: taken, but toml.Decode fails: %v", front, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %#v\nwant %#v", front, got, want)
		}
	}
	if taken < 3000 {
		t.Fatalf("only %d of the random front matters taken", taken)
	}
}

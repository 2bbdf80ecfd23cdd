package messages

import (
	"strings"
	"testing"
)

// formatReplacer is Format as it was: a strings.Replacer of the pairs.
func formatReplacer(msg string, pairs ...string) string {
	if !strings.Contains(msg, "{") {
		return msg
	}
	old := make([]string, 0, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		old = append(old, "{"+pairs[i]+"}", pairs[i+1])
	}
	return strings.NewReplacer(old...).Replace(msg)
}

func FuzzFormatIsReplacer(f *testing.F) {
	f.Add("Read {title} on {site}", "title", "A {site} b", "site", "S")
	f.Add("{{title}}{", "title", "", "tit", "x")
	f.Add("{}{a}", "", "E", "a", "{a}")
	f.Fuzz(func(t *testing.T, msg, k1, v1, k2, v2 string) {
		if got, want := Format(msg, k1, v1, k2, v2), formatReplacer(msg, k1, v1, k2, v2); got != want {
			t.Fatalf("Format(%q, %q, %q, %q, %q) = %q, want %q", msg, k1, v1, k2, v2, got, want)
		}
		if got, want := Format(msg, k1, v1), formatReplacer(msg, k1, v1); got != want {
			t.Fatalf("Format(%q, %q, %q) = %q, want %q", msg, k1, v1, got, want)
		}
	})
}

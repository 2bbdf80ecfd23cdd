package gemtext

import (
	"strings"
	"testing"
)

// refuse is an Options.Link that refuses the schemes capsule refuses.
func refuse(dest string) string {
	for _, scheme := range []string{"javascript:", "data:", "vbscript:", "file:"} {
		if strings.HasPrefix(strings.ToLower(dest), scheme) {
			return ""
		}
	}
	return dest
}

// TestRefusedLinks checks that a link Options.Link returns "" for is not
// offered, while its label stays in the text.
func TestRefusedLinks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"link", "see [this](javascript:alert(1)) now", "see this now\n"},
		{"image", "a ![cat](data:image/png;base64,AAAA) b", "a cat b\n"},
		{"autolink", "<file:///etc/passwd>", "file:///etc/passwd\n"},
		{"links only", "[x](vbscript:x) ![y](data:y)", "x y\n"},
		{"kept beside refused", "[a](javascript:a) [b](https://b.example/)", "a b\n=> https://b.example/ b\n"},
		{"links only, one kept", "[a](javascript:a) ![b](b.png)", "a b\n=> b.png b\n"},
		{"in a list", "- [a](JavaScript:a)\n- [b](https://b.example/)", "* a\n* b\n=> https://b.example/ b\n"},
		{"in a table", "| [a](data:a) |\n|---|\n| ![b](file:b) |", "```table\na\n-\nb\n```\n"},
		{"in a note", "x[^1]\n\n[^1]: [n](javascript:n)", "x[1]\n\n~~~\n\n[1] n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderString(t, tt.in, Options{Link: refuse})
			if got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

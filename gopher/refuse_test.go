package gopher

import (
	"slices"
	"strings"
	"testing"
)

// refuse is a TextOptions.Link that refuses the schemes capsule refuses.
func refuse(dest string) string {
	for _, scheme := range []string{"javascript:", "data:", "vbscript:", "file:"} {
		if strings.HasPrefix(strings.ToLower(dest), scheme) {
			return ""
		}
	}
	return dest
}

// TestRefusedLinks checks that a link TextOptions.Link returns "" for is
// not offered, no reference and no Link, while its label stays in the
// text.
func TestRefusedLinks(t *testing.T) {
	tests := []struct {
		name, in, want string
		links          []Link
	}{
		{"link", "see [this](javascript:alert(1)) now", "see this now", nil},
		{"image", "a ![cat](data:image/png;base64,AAAA) b", "a [image: cat] b", nil},
		{"image without alt", "a ![](file:///x.png) b", "a [image] b", nil},
		{"autolink", "<file:///etc/passwd>", "file:///etc/passwd", nil},
		{"kept beside refused", "[a](javascript:a) [b](https://b.example/)", "a b[1]\r\n\r\n[1] https://b.example/",
			[]Link{{"b", "https://b.example/", 1}}},
		{"numbers skip refused", "[a](https://a.example/) [x](VBScript:x) ![c](c.png)",
			"a[1] x [image: c][2]\r\n\r\n[1] https://a.example/\r\n[2] c.png",
			[]Link{{"a", "https://a.example/", 1}, {"c", "c.png", 2}}},
		{"in a table", "| [a](data:a) |\n|---|\n| b |", "    a\r\n    -\r\n    b", nil},
		{"in a note", "x[^1]\n\n[^1]: [n](javascript:n)", "x[1]\r\n\r\n" + strings.Repeat("-", 70) + "\r\n\r\n[1] n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, links := renderMD(tt.in, TextOptions{Link: refuse})
			if want := tt.want + "\r\n"; out != want {
				t.Errorf("RenderPost(%q)\n got %q\nwant %q", tt.in, out, want)
			}
			if !slices.Equal(links, tt.links) {
				t.Errorf("links = %v, want %v", links, tt.links)
			}
		})
	}
}

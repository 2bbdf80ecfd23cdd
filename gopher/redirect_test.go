package gopher

import (
	"strings"
	"testing"
)

func TestRedirectTarget(t *testing.T) {
	tests := []struct {
		selector, target string
		ok               bool
	}{
		{"URL:https://example.org/", "https://example.org/", true},
		{"/URL:gemini://example.org/", "gemini://example.org/", true},
		{"URL:", "", true},
		{"/posts/URL:x", "", false},
		{"url:https://x", "", false},
	}
	for _, tt := range tests {
		if got, ok := RedirectTarget(tt.selector); got != tt.target || ok != tt.ok {
			t.Errorf("RedirectTarget(%q) = %q, %v", tt.selector, got, ok)
		}
	}
}

func TestRedirectPage(t *testing.T) {
	page := string(RedirectPage("https://example.org/?a=1&b=<2>", RedirectWords{}))
	if !strings.Contains(page, `content="0; url=https://example.org/?a=1&amp;b=&lt;2&gt;"`) ||
		!strings.Contains(page, `<a href="https://example.org/?a=1&amp;b=&lt;2&gt;">`) {
		t.Errorf("page does not redirect with the URL escaped:\n%s", page)
	}

	for _, target := range []string{
		`https://x/"><script>alert(1)</script>`,
		`http://x/' onload='alert(1)`,
	} {
		page := string(RedirectPage(target, RedirectWords{}))
		if strings.Contains(page, target) || strings.Contains(page, "<script>") || strings.Contains(page, "' onload") {
			t.Errorf("%q leaks into the page unescaped:\n%s", target, page)
		}
	}

	for _, target := range []string{"javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "", "no scheme", "https://x/\r\nSet-Cookie: a"} {
		page := string(RedirectPage(target, RedirectWords{}))
		if strings.Contains(page, "refresh") || strings.Contains(page, "href") {
			t.Errorf("%q is redirected to:\n%s", target, page)
		}
		if strings.Contains(page, "<b>") {
			t.Errorf("%q is not escaped:\n%s", target, page)
		}
	}
	if !strings.Contains(string(RedirectPage("MAILTO:a@example.org", RedirectWords{})), "refresh") {
		t.Error("scheme matching is case-sensitive")
	}
}

package gopher

import "testing"

func TestParseURL(t *testing.T) {
	tests := []struct {
		in   string
		want Target
		ok   bool
	}{
		{"gopher://example.org", Target{TypeMenu, "", "example.org", 70}, true},
		{"gopher://example.org/", Target{TypeMenu, "", "example.org", 70}, true},
		{"gopher://example.org:7070/0/posts/a.txt", Target{TypeText, "/posts/a.txt", "example.org", 7070}, true},
		{"gopher://[::1]:70/1/tags/", Target{TypeMenu, "/tags/", "::1", 70}, true},
		{"gopher://h/1/tags/%E6%97%A5%E8%A8%98", Target{TypeMenu, "/tags/日記", "h", 70}, true},
		{"gopher://h/7/search", Target{TypeSearch, "/search", "h", 70}, true},
		{"GOPHER://h/0x", Target{TypeText, "x", "h", 70}, true},
		{"gopher://h/0a%09b", Target{}, false}, // a TAB would split the menu line
		{"gopher://h:0/", Target{}, false},
		{"gopher://h:99999/", Target{}, false},
		{"gopher:///0x", Target{}, false},
		{"https://example.org/", Target{}, false},
		{"/posts/a.txt", Target{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseURL(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseURL(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestURLRoundTrip(t *testing.T) {
	for _, selector := range []string{"/", "/posts/a.txt", "/tags/日記", "/a b", "/100%"} {
		u := URL("example.org", 7070, TypeMenu, selector)
		got, ok := ParseURL(u)
		if want := (Target{TypeMenu, selector, "example.org", 7070}); !ok || got != want {
			t.Errorf("URL(%q) = %s parses as %+v, %v", selector, u, got, ok)
		}
	}
	if got := URL("example.org", 70, TypeText, "/posts/a.txt"); got != "gopher://example.org:70/0/posts/a.txt" {
		t.Errorf("URL = %s", got)
	}
}

func TestMenuLink(t *testing.T) {
	m := NewMenu("here", 70)
	m.Link("[1] post", "gopher://here:70/0/posts/a.txt")
	m.Link("[2] web", "https://example.org/a?b=c")
	m.Link("[3] capsule", "gemini://example.org/")
	m.Link("[4] image", "images/a.jpg")
	// To this server, the selector stays percent-encoded (it decodes
	// them; Lynx garbles UTF-8); to another, decoded.
	m.Link("[5] 日本", "gopher://here:70/0/posts/%E6%97%A5%E6%9C%AC.txt")
	m.Link("[6] there", "gopher://there:70/0/%E6%97%A5")
	m.Link("[7] tag", "gopher://here:70/1/tags/CI%2FCD")
	want := "0[1] post\t/posts/a.txt\there\t70\r\n" +
		"h[2] web\tURL:https://example.org/a?b=c\there\t70\r\n" +
		"h[3] capsule\tURL:gemini://example.org/\there\t70\r\n" +
		"i[4] image: images/a.jpg\t\there\t70\r\n" +
		"0[5] 日本\t/posts/%E6%97%A5%E6%9C%AC.txt\there\t70\r\n" +
		"0[6] there\t/日\tthere\t70\r\n" +
		"1[7] tag\t/tags/CI%2FCD\there\t70\r\n" +
		".\r\n"
	if got := string(m.Bytes()); got != want {
		t.Errorf("menu:\n%q\nwant\n%q", got, want)
	}
}

package daemon_test

import (
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
)

// A site whose host name is internationalized is written in its ASCII
// form (the configuration refuses the other, saying which it is), and
// clients send that form; but a request may name the host as an IRI
// does, in Unicode, and it names the same site: Gemini's servers are to
// take both. Case and a final dot do not matter in either form; another
// name, in either form, is still 53.
func TestGeminiInternationalizedHost(t *testing.T) {
	en := englishPosts(t)
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Sites = []config.SiteConfig{{Hostname: "xn--wgv71a.example", Posts: en, GopherAddr: "127.0.0.1:0"}}
	})
	port := strconv.Itoa(d.Store().Site.GeminiPort)
	tests := []struct {
		host, want string
	}{
		{"xn--wgv71a.example", "20 text/gemini; charset=utf-8; lang=en\r\n# Field Notes"},
		{"XN--WGV71A.EXAMPLE", "20 text/gemini; charset=utf-8; lang=en\r\n# Field Notes"},
		{"日本.example", "20 text/gemini; charset=utf-8; lang=en\r\n# Field Notes"},
		{"日本.EXAMPLE.", "20 text/gemini; charset=utf-8; lang=en\r\n# Field Notes"},
		{"localhost", "20 text/gemini; charset=utf-8; lang=ja\r\n# _・)Keep Smiling"},
		{"中国.example", "53 "},
		{"xn--fiqs8s.example", "53 "},
	}
	for _, tt := range tests {
		page, _ := servetest.GeminiSNI(t, d, "xn--wgv71a.example", "gemini://"+tt.host+":"+port+"/")
		if !strings.HasPrefix(page, tt.want) {
			t.Errorf("gemini://%s/: %.80q, want %q…", tt.host, page, tt.want)
		}
	}
	// The main site alone takes the Unicode form of its own name too.
	ja := servetest.Start(t, func(cfg *config.Config) { cfg.Hostname = "xn--wgv71a.example" })
	addr := ja.GeminiAddr().String()
	jaPort := strconv.Itoa(servetest.Port(ja.GeminiAddr()))
	for host, want := range map[string]string{"日本.example": "20", "xn--wgv71a.example": "20", "中国.example": "53"} {
		if header, _ := geminiRaw(t, addr, "gemini://"+host+":"+jaPort+"/\r\n"); !strings.HasPrefix(header, want+" ") {
			t.Errorf("one site: gemini://%s/: %q, want %s", host, header, want)
		}
	}
}

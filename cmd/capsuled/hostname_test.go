package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A host name that cannot be one is a problem -check finds, as the start
// would: an internationalized name (a certificate cannot carry it: the
// start stopped on x509's own words while -check said ok), a name with a
// port or a scheme written into it, or with a space or TAB (every reader
// answered 53, every Gopher menu line split). Each says what to write
// instead; names as DNS carries them, and addresses, stay fine.
func TestCheckHostname(t *testing.T) {
	bad := []struct {
		hostname string
		says     []string
	}{
		{"日本.example", []string{"ASCII form", "xn--wgv71a.example"}},
		{"bücher.example", []string{"ASCII form", "xn--bcher-kva.example"}},
		{"example.org:1965", []string{"port", "example.org", "-gemini-port 1965"}},
		{"gemini://example.org/", []string{"URL", "example.org"}},
		{"[::1]", []string{"brackets", "::1"}},
		{"example.org ", []string{"not a host name", `' '`}},
		{"exam\tple.org", []string{"not a host name", `'\t'`}},
		{"*.example.org", []string{"not a host name", `'*'`}},
		{"example..org", []string{"empty part"}},
		// A colon with no port after it is no port to move to
		// gemini.port ("-gemini-port " and nothing): a stray character.
		{"example.org:", []string{"not a host name", `':'`}},
	}
	for _, tt := range bad {
		out, errOut, code := run(t, "-check", "-posts", samplePosts, "-certs", t.TempDir(), "-hostname", tt.hostname)
		if code != 1 || !strings.Contains(errOut, "hostname "+strconv.Quote(tt.hostname)) {
			t.Errorf("-hostname %q: exit %d, want 1 naming it\nstdout: %s\nstderr: %s", tt.hostname, code, out, errOut)
			continue
		}
		for _, s := range tt.says {
			if !strings.Contains(errOut, s) {
				t.Errorf("-hostname %q: the problem does not say %q:\n%s", tt.hostname, s, errOut)
			}
		}
	}
	for _, good := range []string{"localhost", "example.org", "EXAMPLE.org.", "xn--wgv71a.example", "my_host.lan", "127.0.0.1", "::1", strings.Repeat("a", 64) + ".lan"} {
		if out, errOut, code := run(t, "-check", "-posts", samplePosts, "-certs", t.TempDir(), "-hostname", good); code != 0 {
			t.Errorf("-hostname %q: exit %d, want 0\nstdout: %s\nstderr: %s", good, code, out, errOut)
		}
	}

	// In the configuration file, the problem names its line; a [[site]]'s
	// names the site.
	dir := t.TempDir()
	file := filepath.Join(dir, "capsule.toml")
	os.WriteFile(file, []byte("title = \"x\"\nhostname = \"日本.example\"\n"), 0o644)
	if _, errOut, code := run(t, "-check", "-posts", samplePosts, "-certs", t.TempDir(), "-config", file); code != 1 ||
		!strings.Contains(errOut, file+":2: hostname") || !strings.Contains(errOut, "xn--wgv71a.example") {
		t.Errorf("the file's hostname: exit %d\n%s", code, errOut)
	}
	en := filepath.Join(dir, "en")
	os.Mkdir(en, 0o755)
	os.WriteFile(file, []byte("[[site]]\nhostname = \"en.example.org:1965\"\nposts = \""+en+"\"\ngopher_listen = \"127.0.0.1:0\"\n"), 0o644)
	if _, errOut, code := run(t, "-check", "-posts", samplePosts, "-certs", t.TempDir(), "-config", file); code != 1 ||
		!strings.Contains(errOut, "site 1 (en.example.org:1965): hostname") || !strings.Contains(errOut, "port") {
		t.Errorf("a site's hostname: exit %d\n%s", code, errOut)
	}
}

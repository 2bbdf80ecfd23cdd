package main

import (
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An operator's two sites in one file: -check checks both, and at a
// reload a broken post in the second keeps that site as it was while the
// main site reloads, and the log says which.
func TestSitesCheckAndReload(t *testing.T) {
	ja, en, certs := copyPosts(t), t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(en, "_index.md"), []byte("+++\ntitle = \"Field Notes\"\nlang = \"en\"\n+++\n"), 0o644)
	os.WriteFile(filepath.Join(en, "2020-01-01-first.md"), []byte("+++\ntitle = \"First light\"\ndate = 2020-01-01\n+++\nHello.\n"), 0o644)
	conf := filepath.Join(t.TempDir(), "capsule.toml")
	os.WriteFile(conf, []byte(`posts = "`+ja+`"
[gemini]
listen = "127.0.0.1:0"
certs = "`+certs+`"
[gopher]
listen = "127.0.0.1:0"
[log]
access = false

[[site]]
hostname = "en.localhost"
posts = "`+en+`"
gopher_listen = "127.0.0.1:0"
`), 0o644)

	out, errOut, code := run(t, "-config", conf, "-check")
	want := regexp.MustCompile(`(?m)^checked site en\.localhost, posts in \S+: 1 post, 0 pages, 0 tags, 0 files, 0 redirects
checked certificates folder \S+: the first start creates \S+/en\.localhost/en\.localhost\.crt there for en\.localhost$`)
	if code != 0 || !want.MatchString(out) {
		t.Errorf("-check: exit %d\n%s%s", code, out, errOut)
	}

	cmd := exec.Command(capsuled, "-config", conf)
	d := startCapsuled(t, cmd)
	d.waitFor(t, "gemini: serving gemini://en.localhost:")
	d.waitFor(t, "gopher: serving gopher://en.localhost:")
	d.waitFor(t, "watch: reloading when anything in "+en+" changes")

	broken := filepath.Join(en, "2020-02-01-broken.md")
	os.WriteFile(broken, []byte("+++\ntitle = \"Broken\"\ndate = \"someday\"\n+++\n"), 0o644)
	d.waitFor(t, broken+":3: ")
	if line := d.waitFor(t, "reloaded en.localhost: "); !strings.Contains(line, ", 1 problem, holding") {
		t.Errorf("the reload says %q", line)
	}
	if !strings.Contains(geminiGet(t, d.gemini, "/"), "Keep Smiling") {
		t.Error("the main site is not served after the other's reload")
	}
	// What fails a site's reload (its certificate gone, say) is named
	// with the site, and leaves it as it was.
	os.Remove(filepath.Join(certs, "en.localhost", "en.localhost.crt"))
	os.WriteFile(broken, []byte("+++\ntitle = \"Fixed\"\ndate = 2020-02-01\n+++\n"), 0o644)
	if line := d.waitFor(t, "reload failed"); line != "capsuled: reload failed for en.localhost: still serving their previous posts; the other sites reloaded" {
		t.Errorf("the failure says %q", line)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}

// Under systemd's socket activation a [[site]]'s Gopher socket comes from
// systemd too, named gopher-<hostname>.
func TestSystemdSocketActivateSites(t *testing.T) {
	activate := needTool(t, "systemd-socket-activate")
	var ports []string
	for range 3 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ports = append(ports, l.Addr().String())
		l.Close()
	}
	en := t.TempDir()
	os.WriteFile(filepath.Join(en, "_index.md"), []byte("+++\ntitle = \"Field Notes\"\nlang = \"en\"\n+++\n"), 0o644)
	os.WriteFile(filepath.Join(en, "2020-01-01-first.md"), []byte("+++\ntitle = \"First light\"\ndate = 2020-01-01\n+++\nHello.\n"), 0o644)
	conf := filepath.Join(t.TempDir(), "capsule.toml")
	sample, _ := filepath.Abs(samplePosts) // a file's relative paths are from its folder
	os.WriteFile(conf, []byte("posts = \""+sample+"\"\n[log]\naccess = false\n[[site]]\nhostname = \"en.localhost\"\nposts = \""+en+"\"\ngopher_listen = \"127.0.0.1:2\"\n"), 0o644)
	cmd := exec.Command(activate, "-l", ports[0], "-l", ports[1], "-l", ports[2], "--fdname=gemini:gopher:gopher-en.localhost",
		capsuled, "-config", conf, "-certs", t.TempDir(), "-gemini", "127.0.0.1:1", "-gopher", "127.0.0.1:1", "-watch=false")
	var stderr syncLog
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	var menu string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && menu == ""; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", ports[2]); err == nil {
			c.SetDeadline(time.Now().Add(5 * time.Second))
			io.WriteString(c, "\r\n")
			b, _ := io.ReadAll(c)
			c.Close()
			menu = string(b)
		}
	}
	if !strings.Contains(menu, "Field Notes") || !strings.Contains(menu, "\ten.localhost\t"+strings.Split(ports[2], ":")[1]+"\r\n") {
		t.Errorf("the English site's gopher menu through systemd-socket-activate:\n%s\ncapsuled said:\n%s", menu, stderr.String())
	}
}

package main

import (
	"crypto/tls"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/tlscert"
)

// titanPut uploads body to path over Titan as author, on the loopback
// address addr, and returns the answer's header line.
func titanPut(t *testing.T, addr string, author tls.Certificate, path string, body []byte) string {
	t.Helper()
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr,
		&tls.Config{InsecureSkipVerify: true, ServerName: "localhost", Certificates: []tls.Certificate{author}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	_, port, _ := net.SplitHostPort(addr)
	line := "titan://localhost:" + port + path + ";mime=text/markdown;size=" + strconv.Itoa(len(body)) + ";token=x\r\n"
	if _, err := c.Write(append([]byte(line), body...)); err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(c)
	header, _, _ := strings.Cut(string(b), "\r\n")
	return header
}

// quietFor fails when capsuled says s within d: what must not happen.
func (p *capsuledProcess) quietFor(t *testing.T, d time.Duration, s, why string) {
	t.Helper()
	timeout := time.After(d)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				t.Fatalf("capsuled exited")
			}
			if strings.Contains(line, s) {
				t.Errorf("%s: %s", why, line)
			}
		case <-timeout:
			return
		}
	}
}

// An upload writes into the folder the watcher watches. The upload
// reloads and answers; the watcher, seeing that same write (and, for a
// refused upload, the old version put back), must not reload a second
// time for nothing. An author's own edit right after an upload still
// reloads. (The log showed "watch: …md changed: reloading" and
// "reloaded: … 0 rendered anew" after every upload.)
func TestWatchLeavesUploadsToTheirOwnReload(t *testing.T) {
	dir := copyPosts(t)
	certs := t.TempDir()
	author, err := tlscert.Create(t.TempDir(), "author")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(capsuled, "-posts", dir, "-certs", certs,
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-access-log=false",
		"-titan", "-author-certificate", tlscert.Fingerprint(&author))
	cmd.Env = append(os.Environ(), "STATE_DIRECTORY=")
	d := startCapsuled(t, cmd)
	d.waitFor(t, "watch: reloading when anything in "+dir)
	// Long enough for the watcher's burst to end and its reload to log.
	const settle = 2 * time.Second

	post := filepath.Join(dir, "2017-05-05-aching-wrist.md")
	orig, _ := os.ReadFile(post)
	edited := strings.Replace(string(orig), "+++\n\n", "+++\n\nTitan から追記。\n\n", 1)
	if got := titanPut(t, d.gemini, author, "/posts/2017-05-05-aching-wrist.md", []byte(edited)); !strings.HasPrefix(got, "31 ") {
		t.Fatalf("an edit: %s", got)
	}
	d.waitFor(t, "titan: upload of ")
	d.quietFor(t, settle, "watch: ", "an upload, already loaded, was reloaded again")

	// Refused: written, loaded, put back, loaded again; nothing more.
	broken := strings.Replace(edited, "date = ", "date = \"2017-05-35\"\nold = ", 1)
	if got := titanPut(t, d.gemini, author, "/posts/2017-05-05-aching-wrist.md", []byte(broken)); !strings.HasPrefix(got, "59 ") {
		t.Fatalf("a broken edit: %s", got)
	}
	d.waitFor(t, "titan: upload of ")
	d.quietFor(t, settle, "watch: ", "a refused upload, its old version put back, was reloaded again")
	if b, _ := os.ReadFile(post); string(b) != edited {
		t.Fatalf("the refused upload did not leave the previous version:\n%s", b)
	}

	// A new post, then its deletion.
	const fresh = "+++\ntitle = \"新しい記事\"\ndate = 2026-12-05\n+++\n電話から。\n"
	got := titanPut(t, d.gemini, author, "/posts/denwa.md", []byte(fresh))
	if !strings.HasPrefix(got, "31 ") {
		t.Fatalf("a new post: %s", got)
	}
	d.waitFor(t, "titan: upload of ")
	d.quietFor(t, settle, "watch: ", "a new post, already loaded, was reloaded again")
	page := got[strings.Index(got, "/posts/"):]
	if got := titanPut(t, d.gemini, author, strings.TrimSuffix(page, ".gmi")+".md", nil); !strings.HasPrefix(got, "20 ") {
		t.Fatalf("a deletion: %s", got)
	}
	d.waitFor(t, "titan: deletion of ")
	d.quietFor(t, settle, "watch: ", "a deletion, already loaded, was reloaded again")

	// The author's own save right after an upload of the same file is
	// seen, reloaded and served.
	if got := titanPut(t, d.gemini, author, "/posts/2017-05-05-aching-wrist.md", orig); !strings.HasPrefix(got, "31 ") {
		t.Fatalf("an edit back: %s", got)
	}
	saveByRename(t, post, strings.Replace(string(orig), "+++\n\n", "+++\n\n手で追記。\n\n", 1))
	d.waitFor(t, "watch: "+post+" changed: reloading")
	d.waitFor(t, "reloaded: 7 posts")
	if got := geminiGet(t, d.gemini, "/posts/2017-05-05-aching-wrist.gmi"); !strings.Contains(got, "手で追記") {
		t.Errorf("the author's edit after an upload is not served:\n%s", got)
	}

	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}

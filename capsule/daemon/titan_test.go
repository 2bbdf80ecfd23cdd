package daemon_test

import (
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
	"capsule/capsule/tlscert"
)

// titanSite starts a daemon that takes uploads to posts from author's
// certificate, with its history in a folder of the test's, and returns
// it, the author's identity and the history folder.
func titanSite(t *testing.T, posts string, options func(*config.Config)) (*daemon.Daemon, tls.Certificate, string) {
	t.Helper()
	author := servetest.Identity(t, "author")
	hist := t.TempDir()
	t.Setenv("STATE_DIRECTORY", hist)
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = posts
		c.Titan = true
		c.AuthorCertificates = []string{tlscert.Fingerprint(&author)}
		if options != nil {
			options(c)
		}
	})
	return d, author, filepath.Join(hist, "history", "localhost")
}

// titanURL is the Titan URL of path on d, with its parameters.
func titanURL(d *daemon.Daemon, path string, size int) string {
	return fmt.Sprintf("titan://localhost:%d%s;mime=text/plain;size=%d;token=secret", servetest.Port(d.GeminiAddr()), path, size)
}

// titanSend uploads body to path as a client of our own: TLS with cert
// (none when nil), the request line and the body in one write, as
// Lagrange sends them; it returns the response's header line.
func titanSend(t *testing.T, d *daemon.Daemon, path string, body []byte, cert *tls.Certificate) string {
	t.Helper()
	return titanRaw(t, d, titanURL(d, path, len(body)), body, cert)
}

func titanRaw(t *testing.T, d *daemon.Daemon, line string, body []byte, cert *tls.Certificate) string {
	t.Helper()
	c := servetest.DialGemini(t, d, cert)
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := c.Write(append([]byte(line+"\r\n"), body...)); err != nil {
		t.Fatalf("titan %s: %v", line, err)
	}
	b, _ := io.ReadAll(c)
	header, _, _ := strings.Cut(string(b), "\r\n")
	return header
}

// geminiURL is the gemini:// URL of path on d, as a 31 names it.
func geminiURL(d *daemon.Daemon, path string) string {
	return "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr())) + path
}

func historyOf(t *testing.T, dir, rel string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
	var out []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel), e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e.Name()[strings.LastIndexByte(e.Name(), '.')+1:]+":"+string(b))
	}
	return out
}

const titanPost = "+++\ntitle = \"Titan から\"\ndate = 2026-12-05\n+++\nLagrange から書いた記事です。\n"

// An author writes a new post, reads its source, edits it, adds an
// image beside it and deletes the image: each answered 31 to what is
// served, and served on both protocols right after the answer.
func TestTitanWriteEditFileDelete(t *testing.T) {
	posts := servetest.CopyPosts(t)
	var logged servetest.LogBuffer
	d, author, hist := titanSite(t, posts, func(c *config.Config) { c.Log = log.New(&logged, "capsuled: ", 0) })

	if got, want := titanSend(t, d, "/posts/from-titan.md", []byte(titanPost), &author), "31 "+geminiURL(d, "/posts/from-titan.gmi"); got != want {
		t.Fatalf("new post: %q, want %q", got, want)
	}
	file := filepath.Join(posts, "from-titan.md")
	if b, err := os.ReadFile(file); err != nil || string(b) != titanPost {
		t.Fatalf("new post on disk: %q, %v", b, err)
	}
	// The log line the README shows.
	if line := fmt.Sprintf("capsuled: titan: upload of \"from-titan.md\" (%s bytes) by certificate %s: 31 %s\n", content.Thousands(len(titanPost)), tlscert.Fingerprint(&author), geminiURL(d, "/posts/from-titan.gmi")); !strings.Contains(logged.String(), line) {
		t.Errorf("log has no %q:\n%s", line, logged.String())
	}
	if _, _, body := servetest.GeminiGet(t, d, "/posts/from-titan.gmi"); !strings.Contains(body, "Lagrange から書いた記事です。") {
		t.Errorf("new post's Gemini page: %s", body)
	}
	if got := servetest.GopherGet(t, d, "/posts/from-titan.txt\r\n"); !strings.Contains(got, "Lagrange から書いた記事です。") {
		t.Errorf("new post's gopher text: %s", got)
	}

	// The source, for its author only, listed in the drafts' index.
	header, body := servetest.GeminiAs(t, d, "/drafts/source/posts/from-titan.md", &author)
	if header != "20 text/markdown; charset=utf-8" || body != titanPost {
		t.Errorf("source: %q %q", header, body)
	}
	if _, index := servetest.GeminiAs(t, d, "/drafts/", &author); !strings.Contains(index, "=> /drafts/source/posts/from-titan.md posts/from-titan.md · Titan から") {
		t.Errorf("drafts' index lists no source:\n%s", index)
	}
	if header, _ := servetest.GeminiAs(t, d, "/drafts/source/posts/from-titan.md", nil); !strings.HasPrefix(header, "60 ") {
		t.Errorf("source without a certificate: %q", header)
	}

	// Edited where its source is read, as Lagrange's "Edit Page with
	// Titan" sends it.
	edited := strings.Replace(titanPost, "記事です。", "記事です。誤字を直しました。", 1)
	if got := titanSend(t, d, "/drafts/source/posts/from-titan.md", []byte(edited), &author); got != "31 "+geminiURL(d, "/posts/from-titan.gmi") {
		t.Fatalf("edit: %q", got)
	}
	if _, _, body := servetest.GeminiGet(t, d, "/posts/from-titan.gmi"); !strings.Contains(body, "誤字を直しました。") {
		t.Errorf("edited page: %s", body)
	}
	if got := historyOf(t, hist, "from-titan.md"); len(got) != 1 || got[0] != "replaced:"+titanPost {
		t.Errorf("history after the edit: %q", got)
	}

	// A file beside the posts, then its deletion.
	png := []byte("\x89PNG\r\n\x1a\nnot really")
	if got := titanSend(t, d, "/titan.png", png, &author); got != "31 "+geminiURL(d, "/titan.png") {
		t.Fatalf("image: %q", got)
	}
	if _, meta, body := servetest.GeminiGet(t, d, "/titan.png"); meta != "image/png" || body != string(png) {
		t.Errorf("image served as %q: %q", meta, body)
	}
	if got := servetest.GopherGet(t, d, "/titan.png\r\n"); got != string(png) {
		t.Errorf("image on gopher: %q", got)
	}
	if got := titanSend(t, d, "/titan.png", nil, &author); got != "20 text/gemini; charset=utf-8; lang=ja" {
		t.Fatalf("deletion: %q", got)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/titan.png"); status != 51 {
		t.Errorf("deleted image: %d", status)
	}
	if _, err := os.Stat(filepath.Join(posts, "titan.png")); !os.IsNotExist(err) {
		t.Errorf("deleted image still on disk: %v", err)
	}
	if got := historyOf(t, hist, "titan.png"); len(got) != 1 || got[0] != "deleted:"+string(png) {
		t.Errorf("history of the deleted image: %q", got)
	}
}

// A Hugo folder's new post is a page bundle beside the newest, and an
// image goes into a post's bundle.
func TestTitanHugoBundle(t *testing.T) {
	posts := testfs.Write(t, map[string]string{
		"hugo.toml":                  "title = \"B\"\n",
		"content/posts/old/index.md": "+++\ntitle = \"Old\"\ndate = 2020-01-01\n+++\nText.\n",
	})
	d, author, _ := titanSite(t, filepath.Join(posts), nil)
	if got := titanSend(t, d, "/posts/fresh.md", []byte("+++\ntitle = \"Fresh\"\ndate = 2026-12-01\n+++\nNew.\n"), &author); !strings.HasPrefix(got, "31 ") {
		t.Fatalf("new post: %q", got)
	}
	if _, err := os.Stat(filepath.Join(posts, "content/posts/fresh/index.md")); err != nil {
		t.Errorf("new post not a bundle beside the newest: %v", err)
	}
	got := titanSend(t, d, "/posts/fresh/cover.jpg", []byte("jpeg"), &author)
	if !strings.HasPrefix(got, "31 ") {
		t.Fatalf("bundle image: %q", got)
	}
	if _, _, body := servetest.GeminiGetURL(t, d, strings.TrimPrefix(got, "31 ")); body != "jpeg" {
		t.Errorf("bundle image served: %q", body)
	}
}

// readCountingListener counts the bytes the server reads from its
// connections.
type readCountingListener struct {
	net.Listener
	read atomic.Int64
}

func (l *readCountingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &readCountingConn{Conn: c, l: l}, nil
}

type readCountingConn struct {
	net.Conn
	l *readCountingListener
}

func (c *readCountingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.l.read.Add(int64(n))
	return n, err
}

// A stranger is answered before a byte of the body is read: without a
// certificate 60, with another's 61, over the cap 59, on a site that
// takes no uploads 53; the server reads the handshake and the request
// line's record, not the 4 MiB behind them, and nothing is written.
func TestTitanRefusedBeforeTheBody(t *testing.T) {
	posts := servetest.CopyPosts(t)
	before := snapshot(t, posts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	counting := &readCountingListener{Listener: ln}
	d, author, _ := titanSite(t, posts, func(c *config.Config) {
		c.GeminiListener = counting
		c.MaxPostSize = 1 << 20
	})
	stranger := servetest.Identity(t, "stranger")
	body := make([]byte, 4<<20)
	for _, tc := range []struct {
		name, path string
		cert       *tls.Certificate
		want       string
	}{
		{"no certificate", "/posts/x.md", nil, "60 "},
		{"another certificate", "/posts/x.md", &stranger, "61 "},
		{"over the cap", "/posts/x.md", &author, "59 "},
		{"dot file", "/.env.png", &author, "59 "},
	} {
		counting.read.Store(0)
		c := servetest.DialGemini(t, d, tc.cert)
		handshake := counting.read.Load()
		c.SetDeadline(time.Now().Add(10 * time.Second))
		// The body is sent as a client would, while the answer is read.
		go func() { c.Write(append([]byte(titanURL(d, tc.path, len(body))+"\r\n"), body...)) }()
		b, _ := io.ReadAll(c)
		c.Close()
		if !strings.HasPrefix(string(b), tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, b, tc.want)
		}
		// One TLS record holds 16 KiB: the line's, and the kernel's
		// read may take a little more with it; never the body.
		if read := counting.read.Load() - handshake; read > 64<<10 {
			t.Errorf("%s: the server read %d bytes after the handshake", tc.name, read)
		}
	}
	sameFolder(t, posts, before)
}

// snapshot is every file under dir, by path, with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		}
		return nil
	})
	return out
}

// sameFolder fails the test when dir is not as before: a file written,
// changed or removed.
func sameFolder(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	now := snapshot(t, dir)
	for p, b := range now {
		if old, ok := before[p]; !ok || old != b {
			t.Errorf("%s written", p)
		}
	}
	for p := range before {
		if _, ok := now[p]; !ok {
			t.Errorf("%s removed", p)
		}
	}
}

// A post that does not load is not taken: 59 with the loader's words
// (file and line), the old version still served and back on disk, the
// refused one in history.
func TestTitanBrokenPostRestored(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, hist := titanSite(t, posts, nil)
	file := filepath.Join(posts, "2017-05-03-hello-again.md")
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/2017-05-03-hello-again.gmi")
	broken := "+++\ntitle = \"壊れた\"\ndate = 2017-13-45\n+++\n本文\n"
	got := titanSend(t, d, "/posts/2017-05-03-hello-again.md", []byte(broken), &author)
	// The file named as in the posts folder (the server's paths are not
	// the client's business), the loader's "still served" said once, in
	// the site's words.
	if !strings.HasPrefix(got, "59 2017-05-03-hello-again.md は取り込めませんでした。前の版のままです: 2017-05-03-hello-again.md:3: ") ||
		strings.Contains(got, posts) || strings.Contains(got, "still served") {
		t.Errorf("answer: %q", got)
	}
	if b, _ := os.ReadFile(file); string(b) != string(before) {
		t.Errorf("not restored on disk: %q", b)
	}
	if _, _, now := servetest.GeminiGet(t, d, "/posts/2017-05-03-hello-again.gmi"); now != page {
		t.Errorf("the page changed:\n%s", now)
	}
	h := historyOf(t, hist, "2017-05-03-hello-again.md")
	// (The version it replaced for a moment is on disk again, not in
	// history: a refused upload pushes no real version out.)
	if len(h) != 1 || h[0] != "refused:"+broken {
		t.Errorf("history: %q", h)
	}
	// A new post that does not load leaves no file behind.
	if got := titanSend(t, d, "/posts/broken-new.md", []byte(broken), &author); !strings.HasPrefix(got, "59 broken-new.md は取り込めませんでした: broken-new.md:3: ") {
		t.Errorf("new broken post: %q", got)
	}
	// A post's page named instead of its source: the answer says which.
	if got := titanSend(t, d, "/posts/2017-05-03-hello-again.gmi", []byte(broken), &author); !strings.HasPrefix(got, "59 ") || !strings.HasSuffix(got, " → /posts/2017-05-03-hello-again.md") {
		t.Errorf("a page's address: %q", got)
	}
	if _, err := os.Stat(filepath.Join(posts, "broken-new.md")); !os.IsNotExist(err) {
		t.Errorf("new broken post left on disk: %v", err)
	}
}

// A body shorter than declared, or one that stalls, is bounded by the
// read timeout, and nothing is written.
func TestTitanShortAndSlowBody(t *testing.T) {
	posts := servetest.CopyPosts(t)
	before := snapshot(t, posts)
	d, author, _ := titanSite(t, posts, func(c *config.Config) { c.ReadTimeout = 500 * time.Millisecond })
	// Short: the client says 1,000 bytes, sends 10 and closes its side.
	c := servetest.DialGemini(t, d, &author)
	c.SetDeadline(time.Now().Add(10 * time.Second))
	c.Write([]byte(titanURL(d, "/posts/short.md", 1000) + "\r\n" + "0123456789"))
	c.CloseWrite()
	b, _ := io.ReadAll(c)
	c.Close()
	if !strings.HasPrefix(string(b), "59 ") {
		t.Errorf("short body: %q", b)
	}
	// Slow: 10 bytes of 1,000, then nothing; answered at the deadline.
	c = servetest.DialGemini(t, d, &author)
	c.SetDeadline(time.Now().Add(10 * time.Second))
	start := time.Now()
	c.Write([]byte(titanURL(d, "/posts/slow.md", 1000) + "\r\n" + "0123456789"))
	b, _ = io.ReadAll(c)
	c.Close()
	if !strings.HasPrefix(string(b), "59 ") || time.Since(start) > 5*time.Second {
		t.Errorf("slow body: %q after %v", b, time.Since(start))
	}
	sameFolder(t, posts, before)
}

// Paths that are no post's source and no file beside a post are refused
// before the body is read: above the root, dot files, the certificates
// folder, folders of no post, a symbolic link to a folder.
func TestTitanPathsRefused(t *testing.T) {
	posts := servetest.CopyPosts(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "victim.png"), []byte("theirs"), 0o644)
	if err := os.Symlink(outside, filepath.Join(posts, "linked")); err != nil {
		t.Fatal(err)
	}
	certs := filepath.Join(posts, "certs") // the operator's mistake: certificates inside the posts
	d, author, _ := titanSite(t, posts, func(c *config.Config) { c.Certs = certs })
	before := snapshot(t, posts)
	for _, p := range []string{
		"/../outside.md", "/posts/../../x.png", "/.git/config.png", "/posts/.hidden.md",
		"/certs/localhost.png", "/linked/victim.png", "/nofolder/x.png", "/x.exe-unknown-type",
		"/posts/a/b.md", "/drafts/source/posts/nosuch.md", "/posts/%2e%2e/x.md",
	} {
		got := titanSend(t, d, p, []byte("x"), &author)
		if !strings.HasPrefix(got, "59 ") {
			t.Errorf("%s: %q", p, got)
		}
	}
	sameFolder(t, posts, before)
	if b, _ := os.ReadFile(filepath.Join(outside, "victim.png")); string(b) != "theirs" {
		t.Errorf("outside file written: %q", b)
	}
}

// Two uploads of one file at once are both answered; the last rename
// wins and the other version is in history: no text lost.
func TestTitanConcurrentUploads(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, hist := titanSite(t, posts, nil)
	versions := []string{
		"+++\ntitle = \"一\"\ndate = 2026-12-05\n+++\n一つ目。\n",
		"+++\ntitle = \"二\"\ndate = 2026-12-05\n+++\n二つ目。\n",
	}
	titanSend(t, d, "/posts/both.md", []byte("+++\ntitle = \"零\"\ndate = 2026-12-05\n+++\n最初。\n"), &author)
	var wg sync.WaitGroup
	answers := make([]string, 2)
	for i, v := range versions {
		wg.Go(func() { answers[i] = titanSend(t, d, "/posts/both.md", []byte(v), &author) })
	}
	wg.Wait()
	for i, a := range answers {
		if !strings.HasPrefix(a, "31 ") {
			t.Errorf("upload %d: %q", i, a)
		}
	}
	onDisk, _ := os.ReadFile(filepath.Join(posts, "both.md"))
	kept := strings.Join(historyOf(t, hist, "both.md"), "\n") + string(onDisk)
	for _, v := range versions {
		if !strings.Contains(kept, v) {
			t.Errorf("version lost: %q", v)
		}
	}
	if _, _, body := servetest.GeminiGet(t, d, "/posts/both.gmi"); !strings.Contains(body, strings.SplitN(string(onDisk), "\n", 5)[4]) {
		t.Errorf("served is not what is on disk:\n%s\n%s", body, onDisk)
	}
}

// History keeps the last N versions of a file.
func TestTitanHistoryKeepsN(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, hist := titanSite(t, posts, func(c *config.Config) { c.TitanHistory = 3 })
	for i := range 6 {
		body := fmt.Sprintf("+++\ntitle = \"版\"\ndate = 2026-12-05\n+++\n第%d版\n", i)
		if got := titanSend(t, d, "/posts/versions.md", []byte(body), &author); !strings.HasPrefix(got, "31 ") {
			t.Fatalf("upload %d: %q", i, got)
		}
	}
	h := historyOf(t, hist, "versions.md")
	if len(h) != 3 || !strings.Contains(h[0], "第2版") || !strings.Contains(h[2], "第4版") {
		t.Errorf("history: %q", h)
	}
}

// A site that takes no uploads answers 53 without reading the body, and
// an upload's token is never logged.
func TestTitanOffAndTokenNotLogged(t *testing.T) {
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = servetest.CopyPosts(t)
		c.AccessLog = true
		c.Log = log.New(&logged, "", 0)
	})
	author := servetest.Identity(t, "author")
	if got := titanSend(t, d, "/posts/x.md", []byte("x"), &author); got != "53 このサイトはアップロード(Titan)を受け付けていません" {
		t.Errorf("titan off: %q", got)
	}
	// The access log is written out every second.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logged.String(), "titan://") && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if strings.Contains(logged.String(), "secret") || !strings.Contains(logged.String(), ";token=…") {
		t.Errorf("access log:\n%s", logged.String())
	}
}

// A draft's and a scheduled post's answers lead to their pages under
// /drafts/, which only the author reads.
func TestTitanDraftAnswersItsDraftPage(t *testing.T) {
	d, author, _ := titanSite(t, servetest.CopyPosts(t), nil)
	for slug, front := range map[string]string{
		"a-draft":   "draft = true\ndate = 2026-12-01",
		"scheduled": "date = 2999-01-01",
	} {
		body := "+++\ntitle = \"未公開\"\n" + front + "\n+++\nまだ秘密。\n"
		if got, want := titanSend(t, d, "/posts/"+slug+".md", []byte(body), &author), "31 "+geminiURL(d, "/drafts/"+slug+".gmi"); got != want {
			t.Errorf("%s: %q, want %q", slug, got, want)
		}
		if status, _, _ := servetest.GeminiGet(t, d, "/posts/"+slug+".gmi"); status != 51 {
			t.Errorf("%s is public: %d", slug, status)
		}
		if _, page := servetest.GeminiAs(t, d, "/drafts/"+slug+".gmi", &author); !strings.Contains(page, "まだ秘密。") {
			t.Errorf("%s's draft page: %s", slug, page)
		}
	}
}

// An upload costs a client what a search does: with a burst of 10, two
// uploads pass and the third waits (44), a stranger's too; a stranger's
// deletion is refused like any upload, and nothing is removed.
func TestTitanRateAndStrangersDeletion(t *testing.T) {
	posts := servetest.CopyPosts(t)
	before := snapshot(t, posts)
	d, author, _ := titanSite(t, posts, func(c *config.Config) { c.RateLimit, c.RateBurst = 0.01, 10 })
	if got := titanSend(t, d, "/posts/2017-05-03-hello-again.md", nil, nil); !strings.HasPrefix(got, "60 ") {
		t.Errorf("a stranger's deletion: %q", got)
	}
	if got := titanSend(t, d, "/posts/2017-05-03-hello-again.md", nil, &author); !strings.HasPrefix(got, "20 ") {
		t.Errorf("the author's deletion: %q", got)
	}
	if got := titanSend(t, d, "/posts/2017-05-03-hello-again.md", nil, &author); !strings.HasPrefix(got, "44 ") {
		t.Errorf("third upload within the burst: %q", got)
	}
	delete(before, filepath.Join(posts, "2017-05-03-hello-again.md"))
	sameFolder(t, posts, before)
}

// A [[site]] takes uploads on its own (titan = true in its table) while
// the main site does not; each upload goes to its own site's folder.
func TestTitanOneSiteOfTwo(t *testing.T) {
	author := servetest.Identity(t, "author")
	main, other := servetest.CopyPosts(t), servetest.CopyPosts(t)
	t.Setenv("STATE_DIRECTORY", t.TempDir())
	on := true
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = main
		c.AuthorCertificates = []string{tlscert.Fingerprint(&author)}
		c.Sites = []config.SiteConfig{{Hostname: "en.localhost", Posts: other, GopherAddr: "127.0.0.1:0", Titan: &on}}
	})
	port := servetest.Port(d.GeminiAddr())
	line := fmt.Sprintf("titan://en.localhost:%d/posts/second-site.md;size=%d", port, len(titanPost))
	if got, want := titanRaw(t, d, line, []byte(titanPost), &author), fmt.Sprintf("31 gemini://en.localhost:%d/posts/second-site.gmi", port); got != want {
		t.Errorf("the other site: %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(other, "second-site.md")); err != nil {
		t.Error(err)
	}
	if got := titanSend(t, d, "/posts/second-site.md", []byte(titanPost), &author); !strings.HasPrefix(got, "53 ") {
		t.Errorf("the main site, which takes none: %q", got)
	}
	if _, err := os.Stat(filepath.Join(main, "second-site.md")); err == nil {
		t.Error("written to the main site")
	}
}

// A stranger's Titan lines, malformed or not, get the protocol's error
// statuses on a site that takes uploads, and nothing is written.
func TestTitanRequestRules(t *testing.T) {
	posts := servetest.CopyPosts(t)
	before := snapshot(t, posts)
	d, _, _ := titanSite(t, posts, nil)
	port := strconv.Itoa(servetest.Port(d.GeminiAddr()))
	base := "titan://localhost:" + port
	for _, tc := range []struct{ line, status string }{
		{base + "/posts/x.md", "59"},
		{base + "/posts/x.md;mime=text/plain", "59"},
		{base + "/posts/x.md;size=-1", "59"},
		{base + "/posts/x.md;size=1;size=2", "59"},
		{base + "/posts/x.md;size=" + strings.Repeat("9", 30), "59"},
		{base + "/../../etc/passwd;size=1", "59"},
		{"titan://user@localhost:" + port + "/x.md;size=1", "59"},
		{base + "/x.md#frag;size=1", "59"},
		{base + "/" + strings.Repeat("a", 1100) + ";size=1", "59"},
		{"titan://example.org:" + port + "/x.md;size=1", "53"},
		{"titan://localhost:1/x.md;size=1", "53"},
		{base + "/posts/x.md;size=1", "60"},
		{base + "/posts/2017-05-03-hello-again.md;size=0", "60"},
		{"TITAN://LOCALHOST:" + port + "/posts/x.md;size=1", "60"},
	} {
		got := titanRaw(t, d, tc.line, []byte("x"), nil)
		if status, meta, _ := strings.Cut(got, " "); status != tc.status || meta == "" {
			t.Errorf("%.80q: %q, want %s", tc.line, got, tc.status)
		}
	}
	sameFolder(t, posts, before)
}

// A deletion says what was deleted and shows the text, so that an author
// who sent nothing by mistake (Lagrange's "Upload with Titan" on a
// source opens an empty editor) can send it back; it is in history too.
func TestTitanDeletionShowsTheText(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, hist := titanSite(t, posts, nil)
	text := "+++\ntitle = \"消す\"\ndate = 2026-12-01\n+++\n本文。\n\n```\ncode\n```\n"
	titanSend(t, d, "/posts/to-delete.md", []byte(text), &author)
	c := servetest.DialGemini(t, d, &author)
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	c.Write([]byte(titanURL(d, "/drafts/source/posts/to-delete.md", 0) + "\r\n"))
	b, _ := io.ReadAll(c)
	want := "20 text/gemini; charset=utf-8; lang=ja\r\n# 削除しました: to-delete.md\n\n"
	if !strings.HasPrefix(string(b), want) || !strings.Contains(string(b), "```to-delete.md\n+++\ntitle = \"消す\"\n") || !strings.Contains(string(b), "\n ```\ncode\n ```\n```\n") {
		t.Errorf("answer:\n%s", b)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/posts/to-delete.gmi"); status != 51 {
		t.Errorf("deleted post still served: %d", status)
	}
	if h := historyOf(t, hist, "to-delete.md"); len(h) != 1 || h[0] != "deleted:"+text {
		t.Errorf("history: %q", h)
	}
	// Sent back to the same address (what Lagrange proposes on the
	// answer), it is served again, from a file of the same name.
	if got := titanSend(t, d, "/drafts/source/posts/to-delete.md", []byte(text), &author); got != "31 "+geminiURL(d, "/posts/to-delete.gmi") {
		t.Errorf("sent back: %q", got)
	}
	if b, _ := os.ReadFile(filepath.Join(posts, "to-delete.md")); string(b) != text {
		t.Errorf("sent back to disk: %q", b)
	}
}

// 31 only to a page that shows what was sent: a file at an address
// capsule answers itself (its feed, its robots.txt), which the folder's
// file does not displace, and a post with no text named as a theme's
// layout page (search.md), which has no page, are not taken: 59, and
// nothing is left on disk.
func TestTitanAnsweredOnlyWithWhatIsServed(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, _ := titanSite(t, posts, nil)
	for _, tc := range []struct{ path, file, body string }{
		{"/atom.xml", "atom.xml", "<feed/>"},
		{"/robots.txt", "robots.txt", "User-agent: *\nDisallow: /\n"},
		{"/posts/search.md", "search.md", "+++\ntitle = \"検索\"\ndate = 2026-12-01\n+++\n"},
	} {
		got := titanSend(t, d, tc.path, []byte(tc.body), &author)
		if !strings.HasPrefix(got, "59 ") {
			t.Errorf("%s: %q, though what it sent is not served there", tc.path, got)
		}
		if _, err := os.Stat(filepath.Join(posts, tc.file)); !os.IsNotExist(err) {
			t.Errorf("%s left on disk: %v", tc.file, err)
		}
	}
}

// A file beside the posts that the site does not serve (another tool's
// key, an excluded file) is neither deleted nor replaced by an upload,
// whatever its extension's media type: 59, and it stays as it was.
func TestTitanNeverTouchesFilesNotServed(t *testing.T) {
	posts := servetest.CopyPosts(t)
	key := "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n"
	os.WriteFile(filepath.Join(posts, "backup.key"), []byte(key), 0o600)
	os.WriteFile(filepath.Join(posts, "notes.txt"), []byte("not for readers"), 0o644)
	d, author, _ := titanSite(t, posts, func(c *config.Config) { c.Exclude = []string{"notes.txt"} })
	before := snapshot(t, posts)
	for _, tc := range []struct{ path, body string }{
		{"/backup.key", ""},
		{"/backup.key", "replaced"},
		{"/notes.txt", ""},
		{"/notes.txt", "replaced"},
	} {
		if got := titanSend(t, d, tc.path, []byte(tc.body), &author); !strings.HasPrefix(got, "59 ") {
			t.Errorf("%s (%d bytes): %q", tc.path, len(tc.body), got)
		}
	}
	sameFolder(t, posts, before)
}

// Two uploads of one new post at once are both taken, as two of an
// existing one are: the second is not refused as "no post's source" for
// finding on disk the file the first has written but not yet loaded.
func TestTitanConcurrentNewPosts(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, hist := titanSite(t, posts, nil)
	for k := range 6 {
		path := fmt.Sprintf("/posts/together-%d.md", k)
		var wg sync.WaitGroup
		answers := make([]string, 2)
		for i := range 2 {
			body := fmt.Sprintf("+++\ntitle = \"%d\"\ndate = 2026-12-05\n+++\n版 %d\n", i, i)
			wg.Go(func() { answers[i] = titanSend(t, d, path, []byte(body), &author) })
		}
		wg.Wait()
		for i, a := range answers {
			if !strings.HasPrefix(a, "31 ") {
				t.Errorf("%s, upload %d: %q", path, i, a)
			}
		}
		onDisk, _ := os.ReadFile(filepath.Join(posts, filepath.Base(path)))
		kept := strings.Join(historyOf(t, hist, filepath.Base(path)), "\n") + string(onDisk)
		for i := range 2 {
			if !strings.Contains(kept, fmt.Sprintf("版 %d", i)) {
				t.Errorf("%s: version %d neither on disk nor in history", path, i)
			}
		}
	}
}

// An upload written as the daemon stops, which is never loaded, is not
// left for the next start to find (a post that does not load, with no
// previous version to serve): 40, the file as it was, what was sent in
// history.
func TestTitanStopBetweenWriteAndReload(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, hist := titanSite(t, posts, nil)
	file := filepath.Join(posts, "2017-05-03-hello-again.md")
	before, _ := os.ReadFile(file)
	daemon.StopAfterUploadWritten(t, d)
	broken := "+++\ntitle = \"壊れた\"\ndate = 2017-13-45\n+++\n本文\n"
	if got := titanSend(t, d, "/posts/2017-05-03-hello-again.md", []byte(broken), &author); !strings.HasPrefix(got, "40 ") {
		t.Errorf("answer: %q", got)
	}
	if b, _ := os.ReadFile(file); string(b) != string(before) {
		t.Errorf("left on disk for the next start: %q", b)
	}
	if h := strings.Join(historyOf(t, hist, "2017-05-03-hello-again.md"), "\n"); !strings.Contains(h, broken) {
		t.Errorf("what was sent is not in history: %q", h)
	}
}

// A start whose posts folder uploads cannot write says so, as
// contrib/README.md shows (under systemd, the unit's read-only posts).
func TestTitanUnwritableFolderSaid(t *testing.T) {
	daemon.FailPostsWritable(t, syscall.EROFS)
	var logged servetest.LogBuffer
	_, _, _ = titanSite(t, servetest.CopyPosts(t), func(c *config.Config) { c.Log = log.New(&logged, "capsuled: ", 0) })
	if !strings.Contains(logged.String(), "capsuled: titan: cannot write in ") || !strings.Contains(logged.String(), "(read-only file system): uploads answer 40") {
		t.Errorf("log:\n%s", logged.String())
	}
}

// A path's %0A, %0D, %00 and ESC, decoded, write no line of their own in
// the log: a stranger cannot forge an author's upload record, nor bury
// the answer (a report from the operators' trial). The answer's header
// is one line, too.
func TestTitanLogLineNotForged(t *testing.T) {
	var logged servetest.LogBuffer
	d, author, _ := titanSite(t, servetest.CopyPosts(t), func(c *config.Config) { c.Log = log.New(&logged, "", 0) })
	forged := "/x%0Acapsuled:%20titan:%20upload%20of%20about.md%20(1%20bytes)%20by%20certificate%20AB:%2031%20gemini://localhost/about.gmi%0D%1B[31m%00.md"
	sent := 0
	for _, cert := range []*tls.Certificate{nil, &author} {
		got := titanSend(t, d, forged, []byte("x"), cert)
		sent++
		if strings.ContainsAny(got, "\r\n\x00\x1b") || !strings.HasPrefix(got, "6") && !strings.HasPrefix(got, "59 ") {
			t.Errorf("answer %q", got)
		}
	}
	lines := strings.Split(strings.TrimSuffix(logged.String(), "\n"), "\n")
	titan := 0
	for _, l := range lines {
		if strings.Contains(l, "titan: upload of") {
			titan++
			if !strings.HasPrefix(l, `titan: upload of "/x\ncapsuled: titan: upload of about.md`) || !strings.Contains(l, `\r\x1b[31m\x00.md" (1 bytes) by `) {
				t.Errorf("titan line %q", l)
			}
		}
		if strings.ContainsAny(l, "\r\x00\x1b") {
			t.Errorf("control character in the log: %q", l)
		}
	}
	if titan != sent {
		t.Errorf("%d titan lines for %d uploads:\n%s", titan, sent, logged.String())
	}
}

// A multilingual site's new post in a language other than the default
// one is named by its address in that language (/en/posts/<slug>.md, as
// its page is /en/posts/<slug>.gmi, or the same under /drafts/source/,
// as the drafts' index lists that language's sources) and is laid out
// as that language's newest post is: <slug>.en.md beside hello.en.md.
// A deletion's answer says to upload the text again "to the same
// address": for such a post, that address must take it back.
func TestTitanNewPostInAnotherLanguage(t *testing.T) {
	posts := testfs.Write(t, map[string]string{
		"hugo.toml":                 "defaultContentLanguage = \"ja\"\n[languages.ja]\nweight = 1\n[languages.en]\nweight = 2\n",
		"content/posts/hello.md":    "+++\ntitle = \"やあ\"\ndate = 2020-01-01\n+++\nこんにちは。\n",
		"content/posts/hello.en.md": "+++\ntitle = \"Hi\"\ndate = 2020-01-01\n+++\nHello.\n",
	})
	d, author, _ := titanSite(t, posts, nil)
	post := "+++\ntitle = \"From my phone\"\ndate = 2020-02-01\n+++\nPosted from my phone.\n"
	for _, c := range []struct{ addr, slug string }{
		{"/en/posts/phone.md", "phone"},
		{"/drafts/source/en/posts/phone2.md", "phone2"},
	} {
		want := "31 " + geminiURL(d, "/en/posts/"+c.slug+".gmi")
		if got := titanSend(t, d, c.addr, []byte(post), &author); got != want {
			t.Fatalf("new English post at %s: %q, want %q", c.addr, got, want)
		}
		if b, err := os.ReadFile(filepath.Join(posts, "content/posts", c.slug+".en.md")); err != nil || string(b) != post {
			t.Fatalf("new English post on disk: %q, %v", b, err)
		}
		if _, meta, body := servetest.GeminiGet(t, d, "/en/posts/"+c.slug+".gmi"); !strings.Contains(meta, "lang=en") || !strings.Contains(body, "Posted from my phone.") {
			t.Errorf("new English post's page: %s %s", meta, body)
		}
	}
	// Deleted, then sent again to the same address: back.
	if got := titanSend(t, d, "/drafts/source/en/posts/phone.md", nil, &author); !strings.HasPrefix(got, "20 ") {
		t.Fatalf("deletion: %q", got)
	}
	if got, want := titanSend(t, d, "/drafts/source/en/posts/phone.md", []byte(post), &author), "31 "+geminiURL(d, "/en/posts/phone.gmi"); got != want {
		t.Fatalf("sent again after its deletion: %q, want %q", got, want)
	}
	// The default language's addresses are as they were, and a folder
	// that is no language's is still no post's.
	if got := titanSend(t, d, "/posts/phone.md", []byte("+++\ntitle = \"電話\"\ndate = 2020-02-01\n+++\nスマホから。\n"), &author); got != "31 "+geminiURL(d, "/posts/phone.gmi") {
		t.Fatalf("new Japanese post: %q", got)
	}
	if _, err := os.Stat(filepath.Join(posts, "content/posts/phone.md")); err != nil {
		t.Errorf("new Japanese post on disk: %v", err)
	}
	if got := titanSend(t, d, "/fr/posts/phone.md", []byte(post), &author); !strings.HasPrefix(got, "59 ") {
		t.Errorf("a language the site has not: %q", got)
	}
}

// A site whose languages have content folders of their own: a new post
// goes into its language's folder, whichever language's post is the
// newest of the site.
func TestTitanNewPostInALanguageFolder(t *testing.T) {
	posts := testfs.Write(t, map[string]string{
		"hugo.toml":                 "defaultContentLanguage = \"ja\"\n[languages.ja]\nweight = 1\ncontentDir = \"content/ja\"\n[languages.en]\nweight = 2\ncontentDir = \"content/en\"\n",
		"content/ja/posts/hello.md": "+++\ntitle = \"やあ\"\ndate = 2020-01-01\n+++\nこんにちは。\n",
		"content/en/posts/hello.md": "+++\ntitle = \"Hi\"\ndate = 2020-01-02\n+++\nHello.\n",
	})
	d, author, _ := titanSite(t, posts, nil)
	for _, c := range []struct{ addr, page, file, body string }{
		{"/posts/denwa.md", "/posts/denwa.gmi", "content/ja/posts/denwa.md", "+++\ntitle = \"電話\"\ndate = 2020-02-01\n+++\nスマホから。\n"},
		{"/en/posts/phone.md", "/en/posts/phone.gmi", "content/en/posts/phone.md", "+++\ntitle = \"Phone\"\ndate = 2020-02-01\n+++\nFrom my phone.\n"},
	} {
		if got, want := titanSend(t, d, c.addr, []byte(c.body), &author), "31 "+geminiURL(d, c.page); got != want {
			t.Errorf("new post at %s: %q, want %q", c.addr, got, want)
		}
		if b, err := os.ReadFile(filepath.Join(posts, c.file)); err != nil || string(b) != c.body {
			t.Errorf("new post at %s not in %s: %q, %v", c.addr, c.file, b, err)
		}
	}
}

// An upload refused for a problem an author on a phone meets most is
// answered in the site's language through and through: a Japanese site
// says the problem in Japanese, after the file and line, and not in the
// loader's English, which the log keeps. A problem without Japanese
// words keeps its English detail inside a Japanese sentence. (The
// trial in Lagrange showed "…は取り込めませんでした。前の版のままです:
// front matter: "2017-05-35" is not a date: write 2017-05-03, …".)
func TestTitanProblemsInTheSitesLanguage(t *testing.T) {
	posts := servetest.CopyPosts(t)
	var logged servetest.LogBuffer
	d, author, _ := titanSite(t, posts, func(c *config.Config) { c.Log = log.New(&logged, "capsuled: ", 0) })
	ja := messages.Japanese
	const rel = "2017-05-05-aching-wrist.md"
	for _, tt := range []struct {
		name, text string
		line       int
		want       string // the problem, in the Japanese table's words
	}{
		{"TOML date", "+++\ntitle = \"x\"\ndate = 2017-05-35\n+++\n本文\n", 3,
			messages.Format(ja.ProblemNotADate, "key", "date", "value", "2017-05-35")},
		{"quoted TOML date", "+++\ntitle = \"x\"\ndate = \"2017-05-35\"\n+++\n本文\n", 3,
			messages.Format(ja.ProblemNotADate, "key", "date", "value", "2017-05-35")},
		{"YAML date", "---\ntitle: x\ndate: 2017-13-03\n---\n本文\n", 3,
			messages.Format(ja.ProblemNotADate, "key", "date", "value", "2017-13-03")},
		{"lastmod", "+++\ntitle = \"x\"\ndate = 2017-05-05\npublishDate = \"あした\"\n+++\n本文\n", 4,
			messages.Format(ja.ProblemNotADate, "key", "publishDate", "value", "あした")},
		{"draft", "+++\ntitle = \"x\"\ndate = 2017-05-05\ndraft = \"はい\"\n+++\n本文\n", 4,
			messages.Format(ja.ProblemTrueOrFalse, "key", "draft", "example", "draft = true")},
		{"TOML string", "+++\ntitle = \"x\ndate = 2017-05-05\n+++\n本文\n", 2, ja.ProblemUnclosedString},
		{"YAML string", "---\ntitle: \"x\ndate: 2017-05-05\n---\n本文\n", 2, ja.ProblemUnclosedString},
		{"TOML list", "+++\ntitle = \"x\"\ndate = 2017-05-05\ntags = [\"a\", \"b\"\n+++\n本文\n", 4,
			messages.Format(ja.ProblemUnclosedList, "example", `tags = ["a", "b"]`)},
		{"YAML list", "---\ntitle: x\ndate: 2017-05-05\ntags: [a, b\n---\n本文\n", 4,
			messages.Format(ja.ProblemUnclosedList, "example", "tags: [a, b]")},
		{"YAML colon", "---\ntitle: 題: 副題\ndate: 2017-05-05\n---\n本文\n", 2, ja.ProblemYAMLColon},
		{"YAML draft", "---\ntitle: x\ndate: 2017-05-05\ndraft: はい\n---\n本文\n", 4,
			messages.Format(ja.ProblemTrueOrFalse, "key", "draft", "example", "draft: true")},
		{"YAML tab", "---\ntitle: x\n\tdate: 2017-05-05\n---\n本文\n", 3, ja.ProblemYAMLTab},
		{"YAML value to quote", "---\ntitle: [日記] 手首\ndate: 2017-05-05\n---\n本文\n", 2,
			messages.Format(ja.ProblemYAMLQuote, "example", `title: "[日記] 手首"`)},
		{"YAML @", "---\ntitle: @手首\ndate: 2017-05-05\n---\n本文\n", 2,
			messages.Format(ja.ProblemYAMLQuote, "example", `title: "@手首"`)},
		{"YAML in TOML", "+++\ntitle: \"x\"\ndate = 2017-05-05\n+++\n本文\n", 2,
			messages.Format(ja.ProblemYAMLInTOML, "key", "title")},
		{"unquoted TOML", "+++\ntitle = 手首\ndate = 2017-05-05\n+++\n本文\n", 2,
			messages.Format(ja.ProblemNotTOMLValue, "value", "手首")},
		{"not closed", "+++\ntitle = \"x\"\ndate = 2017-05-05\n本文\n", 1,
			messages.Format(ja.ProblemNotClosed, "delim", `"+++"`)},
		{"no front matter", "手首が痛い\n\n本文\n", 1, ja.ProblemNoFrontMatter},
		{"not UTF-8", "+++\ntitle = \"x\xff\xfe\"\ndate = 2017-05-05\n+++\n本文\n", 2, ja.ProblemNotUTF8},
	} {
		got := titanSend(t, d, "/posts/"+rel, []byte(tt.text), &author)
		problem := fmt.Sprintf("%s:%d: %s", rel, tt.line, tt.want)
		if want := "59 " + messages.Format(ja.UploadRefused, "file", rel, "problem", problem); got != want {
			t.Errorf("%s: got  %q\nwant %q", tt.name, got, want)
		}
	}
	// Any other refusal of the TOML reader: its words, in a Japanese
	// sentence.
	got := titanSend(t, d, "/posts/"+rel, []byte("+++\ntitle = \"x\"\ndate = 2017-05-05\ntitle = \"y\"\n+++\n本文\n"), &author)
	if prefix := "59 " + messages.Format(ja.UploadRefused, "file", rel, "problem", rel+":4: "+strings.Split(ja.ProblemFrontMatter, "{")[0]); !strings.HasPrefix(got, prefix) || !strings.Contains(got, "title") {
		t.Errorf("another TOML problem: %q, want it after %q", got, prefix)
	}
	// The log keeps the loader's English, for the operator.
	if !strings.Contains(logged.String(), rel+":3: front matter: \"2017-05-35\" is not a date") {
		t.Errorf("the log lost the loader's words:\n%s", logged.String())
	}
}

// On an English site, the same problems are said by the English table:
// an operator's [messages] reword them as any other message.
func TestTitanProblemsInEnglish(t *testing.T) {
	posts := servetest.CopyPosts(t)
	d, author, _ := titanSite(t, posts, func(c *config.Config) {
		c.Lang = "en"
		c.Messages = map[string]string{"problem_true_or_false": "{key}: true or false, please ({example})"}
	})
	const rel = "2017-05-05-aching-wrist.md"
	got := titanSend(t, d, "/posts/"+rel, []byte("+++\ntitle = \"x\"\ndate = 2017-05-35\n+++\nText\n"), &author)
	problem := rel + ":3: " + messages.Format(messages.English.ProblemNotADate, "key", "date", "value", "2017-05-35")
	if want := "59 " + messages.Format(messages.English.UploadRefused, "file", rel, "problem", problem); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got = titanSend(t, d, "/posts/"+rel, []byte("+++\ntitle = \"x\"\ndate = 2017-05-05\ndraft = \"yes\"\n+++\nText\n"), &author)
	if want := rel + ":4: draft: true or false, please (draft = true)"; !strings.HasSuffix(got, want) {
		t.Errorf("overridden: %q, want it to end %q", got, want)
	}
}

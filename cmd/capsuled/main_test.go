package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"capsule/capsule"
	"capsule/capsule/agent"
	"capsule/capsule/logstamp"
	"capsule/capsule/postgen"
	"capsule/capsule/tlscert"
)

// capsuled is the binary under test, built once by TestMain.
var capsuled string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "capsuled-test")
	if err != nil {
		panic(err)
	}
	capsuled = filepath.Join(dir, "capsuled")
	if out, err := exec.Command("go", "build", "-o", capsuled, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building capsuled: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const samplePosts = "../../posts"

// copyPosts copies the sample posts into a folder the test may change.
func copyPosts(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(samplePosts, "*.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(capsuled, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), stamp.ReplaceAllString(e.String(), ""), code
}

// stamp is the time at the head of a log line of a running capsuled
// (TestLogLinesCarryTheirTime): tests compare what follows it.
var stamp = regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z `)

func TestCheck(t *testing.T) {
	out, errOut, code := run(t, "-check", "-posts", samplePosts)
	if code != 0 || !regexp.MustCompile(`(?m)^checked posts in ../../posts: 7 posts, 1 page, \d+ tags, \d+ files, \d+ redirects\n(.*\n){5}ok: no problems, 0 warnings, built in `).MatchString(out) {
		t.Errorf("-check on the sample: exit %d\n%s%s", code, out, errOut)
	}

	dir := copyPosts(t)
	os.WriteFile(filepath.Join(dir, "2018-01-01-bad.md"), []byte("+++\ntitle = \"x\"\ndate = \"いつか\"\n+++\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "2018-01-02-bad.md"), []byte("+++\ndate = 2018-01-02\ndraft = \"no\"\n+++\n"), 0o644)
	out, errOut, code = run(t, "-check", "-posts", dir)
	if code != 1 || out != "" ||
		!strings.Contains(errOut, filepath.Join(dir, "2018-01-01-bad.md")+":3: ") ||
		!strings.Contains(errOut, filepath.Join(dir, "2018-01-02-bad.md")+":3: ") ||
		!strings.Contains(errOut, "capsuled: 2 problems in "+dir+"\n") {
		t.Errorf("-check on broken posts: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

func TestVersionAndUsage(t *testing.T) {
	if out, _, code := run(t, "-version"); code != 0 || !strings.HasPrefix(out, "capsuled "+capsule.Version+", ") {
		t.Errorf("-version: exit %d, %q", code, out)
	}
	if _, errOut, code := run(t, "-no-such-flag"); code != 2 || !strings.Contains(errOut, "no-such-flag") {
		t.Errorf("unknown flag: exit %d, %q", code, errOut)
	}
	_, errOut, code := run(t, "-h")
	if code != 0 || !strings.Contains(errOut, "-gopher-width") {
		t.Errorf("-h: exit %d, %q", code, errOut)
	}
	// The usage before the flags: its commands are capsuled's own flags,
	// its signals the ones capsuled handles, its documents are there.
	head, _, _ := strings.Cut(errOut, "\nFlags:\n")
	for _, want := range []string{"SIGHUP", "SIGTERM", "-check", "README.md", "contrib/README.md"} {
		if !strings.Contains(head, want) {
			t.Errorf("-h's usage does not mention %s:\n%s", want, head)
		}
	}
	for _, m := range regexp.MustCompile(`(?m)^  capsuled (.*?)  `).FindAllStringSubmatch(head, -1) {
		for _, f := range strings.Fields(m[1]) {
			if strings.HasPrefix(f, "-") && !strings.Contains(errOut, "\n  "+strings.SplitN(f, "=", 2)[0]+" ") && !strings.Contains(errOut, "\n  "+strings.SplitN(f, "=", 2)[0]+"\n") {
				t.Errorf("-h shows %s, which is not a flag", f)
			}
		}
	}
	for _, doc := range []string{"../../README.md", "../../contrib/README.md"} {
		if _, err := os.Stat(doc); err != nil {
			t.Error(err)
		}
	}
}

// -version names the commit the binary was built from, so that an operator
// upgrading replicas one at a time can tell which runs what.
func TestVersionNamesCommit(t *testing.T) {
	// Built by go build in a git clone (this machine's GOFLAGS may say -buildvcs=false: the flag says otherwise).
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("no git clone here:", err)
	}
	bin := filepath.Join(t.TempDir(), "capsuled")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -buildvcs=true: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "-version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "commit unknown") && os.Getenv("CI") == "" {
		t.Skipf("go recorded no commit (a git worktree, whose .git is a file, is not read): %s", out)
	}
	want := regexp.MustCompile(`^capsuled ` + regexp.QuoteMeta(capsule.Version) + `, commit ` + string(head[:12]) +
		` of \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ( \(with uncommitted changes\))?, go1\.\S+\n$`)
	if !want.Match(out) {
		t.Errorf("-version: %q, want %s", out, want)
	}
}

func TestConfigFileAndFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "capsule.toml")
	os.WriteFile(path, []byte("hostname = \"file.example\"\n[gopher]\nwidth = 60\nport = 70\n"), 0o644)

	cfg, opts, err := loadConfig([]string{"-config", path, "-hostname", "flag.example", "-check"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Hostname != "flag.example" || cfg.GopherWidth != 60 || cfg.GopherPort != 70 || !opts.check {
		t.Errorf("flags over file: %+v %+v", cfg, opts)
	}
	// The order of flags does not matter: flags win.
	cfg, _, _ = loadConfig([]string{"-hostname", "flag.example", "-config", path})
	if cfg.Hostname != "flag.example" {
		t.Errorf("hostname %q", cfg.Hostname)
	}

	os.WriteFile(path, []byte("hostname = \"a\"\nhostnme = \"b\"\n"), 0o644)
	_, errOut, code := run(t, "-config", path, "-check")
	if code != 1 || !strings.Contains(errOut, path+":2: unknown key hostnme: did you mean hostname?") {
		t.Errorf("unknown key: exit %d, %q", code, errOut)
	}
}

// capsuledProcess is capsuled running in the background, its standard error
// collected line by line.
type capsuledProcess struct {
	cmd    *exec.Cmd
	lines  chan string
	gemini string // host:port
	gopher string
}

var listenLine = regexp.MustCompile(`^capsuled: (gemini|gopher): serving \S+ on (\S+)`)

func startCapsuled(t *testing.T, cmd *exec.Cmd) *capsuledProcess {
	t.Helper()
	d := &capsuledProcess{cmd: cmd, lines: make(chan string, 1000)}
	d.start(t)
	for d.gemini == "" || d.gopher == "" {
		line := d.waitFor(t, "capsuled: ")
		if m := listenLine.FindStringSubmatch(line); m != nil {
			if m[1] == "gemini" {
				d.gemini = m[2]
			} else {
				d.gopher = m[2]
			}
		}
	}
	return d
}

// start starts the process and collects its standard error lines; it is
// killed when the test ends.
func (d *capsuledProcess) start(t *testing.T) {
	t.Helper()
	stderr, err := d.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		d.cmd.Process.Kill()
		d.cmd.Wait()
	})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			d.lines <- stamp.ReplaceAllString(sc.Text(), "")
		}
		close(d.lines)
	}()
}

// waitFor returns the next line of standard error that contains s.
func (d *capsuledProcess) waitFor(t *testing.T, s string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line, ok := <-d.lines:
			if !ok {
				t.Fatalf("capsuled exited before saying %q", s)
			}
			if strings.Contains(line, s) {
				return line
			}
		case <-timeout:
			t.Fatalf("capsuled did not say %q", s)
		}
	}
}

func gopherGet(t *testing.T, addr, selector string) string {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, selector+"\r\n")
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func geminiGet(t *testing.T, addr, path string) string {
	t.Helper()
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr,
		&tls.Config{InsecureSkipVerify: true, ServerName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	_, port, _ := net.SplitHostPort(addr)
	io.WriteString(c, "gemini://localhost:"+port+path+"\r\n")
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSignals(t *testing.T) {
	dir := copyPosts(t)
	cmd := exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(),
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-log-ips")
	d := startCapsuled(t, cmd)

	// A broken post: the reload names the file and line and leaves the
	// post out; the other posts stay served.
	before := gopherGet(t, d.gopher, "")
	os.WriteFile(filepath.Join(dir, "2018-01-01-bad.md"), []byte("+++\ntitle = \"x\"\ndate = \"いつか\"\n+++\n"), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	d.waitFor(t, filepath.Join(dir, "2018-01-01-bad.md")+":3: ")
	d.waitFor(t, "reloaded: 7 posts")
	if gopherGet(t, d.gopher, "") != before {
		t.Error("a post left out changed the root menu")
	}

	// Fixed: the reload picks the new post up.
	os.WriteFile(filepath.Join(dir, "2018-01-01-bad.md"), []byte("+++\ntitle = \"直った\"\ndate = 2018-01-01\n+++\n本文\n"), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	d.waitFor(t, "reloaded: 8 posts")
	if !strings.Contains(gopherGet(t, d.gopher, ""), "12018-01-01 直った\t/posts/2018-01-01-bad/\t") {
		t.Error("reload did not pick up the new post")
	}
	if !strings.HasPrefix(geminiGet(t, d.gemini, "/posts/2018-01-01-bad.gmi"), "20 ") {
		t.Error("new post not served over Gemini")
	}

	// The access log names the client and escapes control characters.
	gopherGet(t, d.gopher, "/\x1b[31mred")
	line := d.waitFor(t, "access gopher 127.0.0.1 ")
	for !strings.Contains(line, "red") {
		line = d.waitFor(t, "access gopher 127.0.0.1 ")
	}
	if !strings.Contains(line, `"/\x1b[31mred" notfound`) {
		t.Errorf("access log line %q", line)
	}

	// A request answered before the stop is logged before it (the
	// access log is written a second at a time).
	gopherGet(t, d.gopher, "/before-the-stop")
	cmd.Process.Signal(syscall.SIGTERM)
	for seen := false; !seen; {
		select {
		case line, ok := <-d.lines:
			if !ok {
				t.Fatal("capsuled exited before logging the request or its stop")
			}
			if strings.Contains(line, "terminated: stopping") {
				t.Error("the access line of a request answered before the stop came after \"terminated: stopping\"")
				d.waitFor(t, "before-the-stop")
				seen = true
			}
			seen = seen || strings.Contains(line, "before-the-stop")
		case <-time.After(10 * time.Second):
			t.Fatal("capsuled did not log the request before its stop")
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}

// TestSocketActivation hands capsuled two listening sockets the way systemd
// does (LISTEN_FDS, LISTEN_FDNAMES, LISTEN_PID) and checks that it serves
// them and binds nothing itself, and that it tells systemd when it is ready,
// reloading and stopping.
func TestSocketActivation(t *testing.T) {
	gem, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	goph, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gemFile, _ := gem.(*net.TCPListener).File()
	gophFile, _ := goph.(*net.TCPListener).File()
	gem.Close()
	goph.Close()

	notifyPath := filepath.Join(t.TempDir(), "notify")
	notifySock, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: notifyPath, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer notifySock.Close()
	notes := make(chan string, 10)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := notifySock.Read(buf)
			if err != nil {
				return
			}
			notes <- string(buf[:n])
		}
	}()

	// LISTEN_PID must be the pid of capsuled itself: sh sets it and execs.
	cmd := exec.Command("sh", "-c", `LISTEN_PID=$$ exec "$0" "$@"`, capsuled,
		"-posts", samplePosts, "-certs", t.TempDir(), "-gemini", "127.0.0.1:1", "-gopher", "127.0.0.1:1")
	cmd.ExtraFiles = []*os.File{gemFile, gophFile}
	cmd.Env = append(os.Environ(), "LISTEN_FDS=2", "LISTEN_FDNAMES=gemini:gopher", "NOTIFY_SOCKET="+notifyPath)
	d := startCapsuled(t, cmd)
	gemFile.Close()
	gophFile.Close()

	if d.gemini != gem.Addr().String() || d.gopher != goph.Addr().String() {
		t.Errorf("serving on %s and %s, want the sockets handed over, %s and %s", d.gemini, d.gopher, gem.Addr(), goph.Addr())
	}
	if !strings.Contains(gopherGet(t, d.gopher, ""), "_・)Keep Smiling") {
		t.Error("gopher over the handed socket")
	}
	if !strings.HasPrefix(geminiGet(t, d.gemini, "/"), "20 text/gemini") {
		t.Error("gemini over the handed socket")
	}
	expectNote := func(prefix string) {
		t.Helper()
		select {
		case n := <-notes:
			if !strings.HasPrefix(n, prefix) {
				t.Errorf("notification %q, want %s", n, prefix)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no %s notification", prefix)
		}
	}
	expectNote("READY=1")
	cmd.Process.Signal(syscall.SIGHUP)
	expectNote("RELOADING=1\nMONOTONIC_USEC=")
	expectNote("READY=1")
	cmd.Process.Signal(syscall.SIGTERM)
	expectNote("STOPPING=1")
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit: %v", err)
	}
}

// TestSystemdSocketActivate runs capsuled under systemd's own
// systemd-socket-activate, as the unit files would, capsule-agent.socket
// too.
func TestSystemdSocketActivate(t *testing.T) {
	activate := needTool(t, "systemd-socket-activate")
	ports := make([]string, 3)
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ports[i] = l.Addr().String()
		l.Close()
	}
	cmd := exec.Command(activate, "-l", ports[0], "-l", ports[1], "-l", ports[2], "--fdname=gemini:gopher:agent",
		capsuled, "-posts", samplePosts, "-certs", t.TempDir(), "-gemini", "127.0.0.1:1", "-gopher", "127.0.0.1:1")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	// systemd-socket-activate starts capsuled on the first connection.
	deadline := time.Now().Add(10 * time.Second)
	var menu string
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", ports[1]); err == nil {
			c.SetDeadline(time.Now().Add(5 * time.Second))
			io.WriteString(c, "\r\n")
			b, _ := io.ReadAll(c)
			c.Close()
			if menu = string(b); menu != "" {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(menu, "_・)Keep Smiling") || !strings.Contains(menu, "\tlocalhost\t"+strings.Split(ports[1], ":")[1]+"\r\n") {
		t.Errorf("gopher menu through systemd-socket-activate:\n%s", menu)
	}
	if !strings.HasPrefix(geminiGet(t, ports[0], "/"), "20 text/gemini") {
		t.Error("gemini through systemd-socket-activate")
	}
	// The agent answers on systemd's socket, with no -proxy-agent.
	c, err := net.DialTimeout("tcp", ports[2], 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(5 * time.Second))
	answer, _ := io.ReadAll(c)
	c.Close()
	if string(answer) != agent.Serving {
		t.Errorf("agent through systemd-socket-activate: %q, want %q", answer, agent.Serving)
	}
}

// TestSystemdUnitSecurity holds contrib/capsule.service to an exposure of
// at most 1.0 by systemd's own measure.
func TestSystemdUnitSecurity(t *testing.T) {
	analyze := needTool(t, "systemd-analyze")
	out, err := exec.Command(analyze, "security", "--offline=true", "../../contrib/capsule.service").CombinedOutput()
	if err != nil {
		t.Fatalf("systemd-analyze: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Overall exposure level for capsule.service: (\d+\.\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no exposure level in:\n%s", out)
	}
	level, _ := strconv.ParseFloat(string(m[1]), 64)
	t.Logf("exposure level %.1f", level)
	if level > 1.0 {
		t.Errorf("exposure level %.1f, want at most 1.0:\n%s", level, out)
	}
}

// needTool finds an external program. CI installs them all (.ci/run), so
// there a missing one fails the test; elsewhere the test is skipped, saying
// what to install.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := name + " is not installed (apt-get install systemd): this test runs it"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// exitsWithin waits for the process to end and returns its exit status,
// or fails the test if it is still running after limit.
func (d *capsuledProcess) exitsWithin(t *testing.T, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- d.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(limit):
		t.Fatalf("still running %v after the stop signal", limit)
		return -1
	}
}

// A stop signal is never lost behind reloads: HUP, HUP, TERM in quick
// succession on a blog large enough that each reload takes a while used to
// leave capsuled serving (the TERM fell out of a one-slot channel while
// the second HUP waited in it).
func TestStopNotLostBehindReloads(t *testing.T) {
	dir := t.TempDir()
	sentences, err := postgen.Sentences(samplePosts)
	if err != nil {
		t.Fatal(err)
	}
	if err := postgen.Write(dir, 1500, 16<<10, sentences); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(),
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-access-log=false")
	d := startCapsuled(t, cmd)
	cmd.Process.Signal(syscall.SIGHUP)
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGHUP)
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	d.waitFor(t, "terminated: stopping")
	if code := d.exitsWithin(t, 8*time.Second); code != 0 {
		t.Errorf("exit status %d after SIGTERM", code)
	}
}

// slowPost is Markdown that keeps goldmark busy for seconds (unmatched
// emphasis delimiters cost it quadratic time), which no build can
// interrupt.
var slowPost = "+++\ntitle = \"遅い\"\ndate = 2020-01-01\n+++\n" + strings.Repeat("*a_ ", 40000) + "\n"

// A stop wins over a build that cannot be interrupted: during the first
// build, a second TERM ends the process at once; during a reload, the
// first TERM stops serving without waiting for the reload.
func TestStopWinsOverSlowBuild(t *testing.T) {
	t.Run("start", func(t *testing.T) {
		dir := copyPosts(t)
		os.WriteFile(filepath.Join(dir, "2020-01-01-slow.md"), []byte(slowPost), 0o644)
		cmd := exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(), "-post-budget", "100ms",
			"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0")
		d := &capsuledProcess{cmd: cmd, lines: make(chan string, 1000)}
		d.start(t)
		d.waitFor(t, "still rendering "+filepath.Join(dir, "2020-01-01-slow.md"))
		cmd.Process.Signal(syscall.SIGTERM)
		d.waitFor(t, "terminated: stopping before serving")
		cmd.Process.Signal(syscall.SIGTERM)
		d.waitFor(t, "terminated again: exiting at once")
		if code := d.exitsWithin(t, 2*time.Second); code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
	})
	t.Run("reload", func(t *testing.T) {
		dir := copyPosts(t)
		cmd := exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(), "-post-budget", "100ms",
			"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0")
		d := startCapsuled(t, cmd)
		os.WriteFile(filepath.Join(dir, "2020-01-01-slow.md"), []byte(slowPost), 0o644)
		cmd.Process.Signal(syscall.SIGHUP)
		d.waitFor(t, "still rendering ")
		cmd.Process.Signal(syscall.SIGTERM)
		d.waitFor(t, "terminated: stopping")
		if code := d.exitsWithin(t, 2*time.Second); code != 0 {
			t.Errorf("exit status %d after SIGTERM", code)
		}
	})
}

// A SIGHUP with the certificates folder deleted keeps the certificate
// readers pinned: the reload fails and says so, nothing is created.
func TestReloadAfterCertificatesDeleted(t *testing.T) {
	certs := filepath.Join(t.TempDir(), "certs")
	// No build cache: by default it is written into the certificates
	// folder after the start, at any time after the serving lines, and
	// the folder deleted under that write was not empty.
	cmd := exec.Command(capsuled, "-posts", copyPosts(t), "-certs", certs, "-cache=false",
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0")
	d := startCapsuled(t, cmd)
	before := servedCertificate(t, d.gemini)
	if err := os.RemoveAll(certs); err != nil {
		t.Fatal(err)
	}
	cmd.Process.Signal(syscall.SIGHUP)
	d.waitFor(t, "is missing; still serving SHA-256")
	d.waitFor(t, "reload failed")
	if after := servedCertificate(t, d.gemini); !bytes.Equal(after, before) {
		t.Error("the certificate served changed")
	}
	if _, err := os.Stat(certs); err == nil {
		t.Error("the reload created the certificates folder")
	}
}

// servedCertificate is the certificate a Gemini client is shown.
func servedCertificate(t *testing.T, addr string) []byte {
	t.Helper()
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr,
		&tls.Config{InsecureSkipVerify: true, ServerName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.ConnectionState().PeerCertificates[0].Raw
}

// ownFolder is what -check and the log say of a folder of capsule's own.
const ownFolder = "capsule's own folder (no Hugo or Jekyll configuration found): dated posts at the top, undated ones as pages"

// Any problem found, in the configuration file, the flags' values or the
// posts, exits 1, with -check or without; only a command line capsuled
// cannot read exits 2.
func TestExitStatuses(t *testing.T) {
	posts := copyPosts(t)
	badPosts := copyPosts(t)
	os.WriteFile(filepath.Join(badPosts, "2018-01-01-bad.md"), []byte("+++\ntitle = \"x\"\ndate = 2018-01-01\ndraft = \"no\"\n+++\n"), 0o644)
	badConfig := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(badConfig, []byte("hostname = \"localhost\"\n[gopher]\nwidth = \"70\"\n[gemeni]\nlisten = \":1965\"\n"), 0o644)
	certs := t.TempDir()
	local := []string{"-certs", certs, "-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0"}
	// A [[site]] whose folder is missing was blamed on the main site's.
	missing := filepath.Join(t.TempDir(), "missing")
	siteConfig := filepath.Join(t.TempDir(), "sites.toml")
	os.WriteFile(siteConfig, []byte("[[site]]\nhostname = \"en.localhost\"\nposts = \""+missing+"\"\ngopher_listen = \"127.0.0.1:0\"\n"), 0o644)

	tests := []struct {
		name string
		args []string
		code int
		want []string // lines of standard error, in order
	}{
		{"config file, -check", []string{"-check", "-posts", posts, "-config", badConfig}, 1, []string{
			badConfig + `:3: gopher.width must be a whole number, e.g. width = 70`,
			badConfig + `:4: unknown section [gemeni]: did you mean [gemini]?`,
			"capsuled: 2 problems in " + badConfig + "; the posts were not checked",
		}},
		{"config file, start", []string{"-posts", posts, "-config", badConfig}, 1, []string{
			badConfig + `:3: gopher.width must be a whole number, e.g. width = 70`,
			badConfig + `:4: unknown section [gemeni]: did you mean [gemini]?`,
			"capsuled: 2 problems in " + badConfig + "; nothing served",
		}},
		{"post, -check", []string{"-check", "-posts", badPosts}, 1, []string{
			"capsuled: " + badPosts + ": " + ownFolder,
			filepath.Join(badPosts, "2018-01-01-bad.md") + `:4: draft must be true or false, e.g. draft = true`,
			"capsuled: 1 problem in " + badPosts,
		}},
		{"a site's folder, -check", []string{"-check", "-posts", posts, "-config", siteConfig}, 1, []string{
			missing + ": the posts folder does not exist",
			"capsuled: 1 problem in " + missing + ", site en.localhost",
		}},
		{"both sites, -check", []string{"-check", "-posts", badPosts, "-config", siteConfig}, 1, []string{
			filepath.Join(badPosts, "2018-01-01-bad.md") + `:4: draft must be true or false, e.g. draft = true`,
			missing + ": the posts folder does not exist",
			"capsuled: 1 problem in " + badPosts + " and 1 problem in " + missing + ", site en.localhost",
		}},
		{"a site's folder, start", []string{"-posts", badPosts, "-config", siteConfig}, 1, []string{
			"capsuled: " + badPosts + ": " + ownFolder,
			missing + ": the posts folder does not exist",
			"capsuled: 1 problem in " + missing + ", site en.localhost; nothing served",
		}},
		{"flag value, -check", []string{"-check", "-posts", posts, "-gopher-width", "5", "-timezone", "Mars/Olympus"}, 1, []string{
			`capsuled: timezone "Mars/Olympus": unknown time zone Mars/Olympus`,
			"capsuled: gopher width 5 is not between 20 and 1000 cells",
			"capsuled: 2 problems in the flags",
		}},
		{"flag value, start", []string{"-posts", posts, "-gopher-width", "5"}, 1, []string{
			"capsuled: gopher width 5 is not between 20 and 1000 cells",
			"capsuled: 1 problem in the flags; nothing served",
		}},
		{"unknown flag", []string{"-check", "-no-such-flag"}, 2, []string{
			"capsuled: flag provided but not defined: -no-such-flag (capsuled -h lists the flags)",
		}},
		{"stray argument", []string{"-check", "posts"}, 2, []string{
			`capsuled: unexpected argument "posts" (capsuled -h lists the flags)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, append(tt.args, local...)...)
			if code != tt.code || out != "" || errOut != strings.Join(tt.want, "\n")+"\n" {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr:\n%s\nwant:\n%s", code, tt.code, out, errOut, strings.Join(tt.want, "\n"))
			}
		})
	}
}

// -check tells every problem at once: a certificate that stops a start
// does not hide a broken post (it did: the certificate's problem was all
// -check said).
func TestCheckTellsPostsBesideACertificate(t *testing.T) {
	badPosts := copyPosts(t)
	os.WriteFile(filepath.Join(badPosts, "2018-01-01-bad.md"), []byte("+++\ntitle = \"x\"\ndate = 2018-01-01\ndraft = \"no\"\n+++\n"), 0o644)
	certs := t.TempDir()
	if _, err := tlscert.Create(certs, "localhost"); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "-check", "-posts", badPosts, "-certs", certs, "-hostname", "other.example", "-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != 1 || out != "" || len(lines) != 3 ||
		lines[0] != filepath.Join(badPosts, "2018-01-01-bad.md")+`:4: draft must be true or false, e.g. draft = true` ||
		!strings.HasPrefix(lines[1], "capsuled: certificate: ") ||
		lines[2] != "capsuled: 1 problem in "+badPosts+" and 1 other problem" {
		t.Errorf("exit %d\nstdout: %s\nstderr:\n%s", code, out, errOut)
	}
}

// -check says what it checked: the posts folder, the certificate and the
// configuration file.
func TestCheckSaysWhatItChecked(t *testing.T) {
	certs := filepath.Join(t.TempDir(), "certs")
	config := filepath.Join(t.TempDir(), "capsule.toml")
	os.WriteFile(config, []byte("hostname = \"localhost\"\n[gemini]\ncerts = \""+certs+"\"\n"), 0o644)

	out, errOut, code := run(t, "-check", "-posts", samplePosts, "-config", config)
	want := regexp.MustCompile(`^checked posts in ../../posts: 7 posts, 1 page, \d+ tags, \d+ files, \d+ redirects
checked certificates folder ` + regexp.QuoteMeta(certs) + `: the first start creates ` + regexp.QuoteMeta(filepath.Join(certs, "localhost.crt")) + ` there for localhost
checked build cache ` + regexp.QuoteMeta(filepath.Join(certs, "cache", "localhost.cache")) + `: none yet \(a start writes it\)
checked uploads \(Titan\) to localhost: off
checked listen addresses: gemini :1965( \([^)]*\))?, gopher :7070( \([^)]*\))?
checked configuration file ` + regexp.QuoteMeta(config) + `
ok: no problems, 1 warning, built in \S+, \d+ KiB of responses to hold
$`)
	// A configuration file that leaves the name localhost, listening where
	// others reach it, is warned of, at the file's line, and counted.
	warning := "warning: " + config + ":1: hostname is localhost, but capsuled listens on :1965, open to other machines: their readers would follow every link to their own machine; set hostname (or -hostname) to the name readers use\n"
	if code != 0 || !want.MatchString(out) || errOut != "capsuled: ../../posts: "+ownFolder+"\n"+warning {
		t.Errorf("first start: exit %d\nstdout:\n%s\nstderr: %s", code, out, errOut)
	}

	cert, err := tlscert.Create(certs, "localhost")
	if err != nil {
		t.Fatal(err)
	}
	out, _, code = run(t, "-check", "-posts", samplePosts, "-certs", certs)
	want = regexp.MustCompile(`(?m)^checked posts in ../../posts: 7 posts, 1 page, \d+ tags, \d+ files, \d+ redirects
checked certificate ` + regexp.QuoteMeta(filepath.Join(certs, "localhost.crt")+" (SHA-256 "+tlscert.Fingerprint(&cert)+")") + `
checked build cache ` + regexp.QuoteMeta(filepath.Join(certs, "cache", "localhost.cache")) + `: none yet \(a start writes it\)
checked uploads \(Titan\) to localhost: off
checked listen addresses: .*
checked configuration: flags and defaults \(no -config file\)
ok: no problems`)
	if code != 0 || !want.MatchString(out) {
		t.Errorf("with a certificate: exit %d\nstdout:\n%s", code, out)
	}
	// Uploads on: for whom, and where their history goes.
	fp := tlscert.Fingerprint(&cert)
	out, _, code = run(t, "-check", "-posts", samplePosts, "-certs", certs, "-titan", "-author-certificate", fp, "-titan-history", "4")
	if line := "checked uploads (Titan) to localhost: on, from certificates " + fp + "; 4 versions of each file kept in " + filepath.Join(certs, "history", "localhost") + "\n"; code != 0 || !strings.Contains(out, line) {
		t.Errorf("-titan: exit %d\nstdout:\n%swant %s", code, out, line)
	}
	// On without an author: nobody could upload.
	if _, errOut, code := run(t, "-check", "-posts", samplePosts, "-certs", certs, "-titan"); code != 1 || !strings.Contains(errOut, "titan is on but no author certificate is given") {
		t.Errorf("-titan without authors: exit %d\n%s", code, errOut)
	}
}

// A running capsuled's log lines start with their time, unless journald
// reads them (JOURNAL_STREAM set), which stamps lines itself; -check's
// report is not a log and has none.
func TestLogLinesCarryTheirTime(t *testing.T) {
	for _, journal := range []bool{false, true} {
		cmd := exec.Command(capsuled, "-posts", samplePosts, "-certs", t.TempDir(), "-watch=false",
			"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0")
		cmd.Env = append(os.Environ(), "JOURNAL_STREAM=")
		if journal {
			cmd.Env = append(cmd.Env, "JOURNAL_STREAM=8:1234")
		}
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		before := time.Now().UTC().Truncate(time.Millisecond)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stderr).ReadString('\n')
		cmd.Process.Kill()
		cmd.Wait()
		if err != nil {
			t.Fatal(err)
		}
		head, rest, _ := strings.Cut(line, " ")
		at, err := time.Parse(logstamp.Layout, head)
		switch {
		case journal && err == nil:
			t.Errorf("with JOURNAL_STREAM: a time in %q", line)
		case journal && !strings.HasPrefix(line, "capsuled: "):
			t.Errorf("with JOURNAL_STREAM: %q", line)
		case !journal && err != nil:
			t.Errorf("no time at the head of %q: %v", line, err)
		case !journal && (at.Before(before.Add(-time.Second)) || at.After(time.Now().Add(time.Second)) || !strings.HasPrefix(rest, "capsuled: ")):
			t.Errorf("%q: time %v, started at %v", line, at, before)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^    \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z capsuled: gopher: serving `).Match(readme) {
		t.Error("the README shows no stamped log line")
	}
	check := exec.Command(capsuled, "-check", "-posts", samplePosts, "-certs", t.TempDir())
	check.Env = append(os.Environ(), "JOURNAL_STREAM=")
	if out, _ := check.CombinedOutput(); stamp.Match(out) || !strings.HasPrefix(string(out), "capsuled: ") {
		t.Errorf("-check's report has times:\n%s", out)
	}
}

// A configuration file broken while capsuled runs: the reload names the
// file's line and says that the previous configuration and posts serve on,
// and is counted as a failed reload (the operators' trial found the alert
// contrib/README.md proposes blind to it).
func TestReloadWithBrokenConfiguration(t *testing.T) {
	conf := filepath.Join(t.TempDir(), "capsule.toml")
	posts, _ := filepath.Abs(copyPosts(t))
	os.WriteFile(conf, []byte("posts = \""+posts+"\"\n"), 0o644)
	cmd := exec.Command(capsuled, "-config", conf, "-certs", t.TempDir(), "-watch=false",
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-metrics", "127.0.0.1:0")
	d := startCapsuled(t, cmd)
	metricsAt := strings.TrimPrefix(d.waitFor(t, "capsuled: metrics: serving "), "capsuled: metrics: serving ")
	os.WriteFile(conf, []byte("posts = \""+posts+"\"\n[gopher]\nwidht = 60\n"), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	if line := d.waitFor(t, conf+":3:"); !strings.Contains(line, "widht") {
		t.Errorf("the problem: %q", line)
	}
	if line := d.waitFor(t, "reload failed"); line != "capsuled: reload failed: the configuration has problems; still serving the previous configuration and posts" {
		t.Errorf("the failure: %q", line)
	}
	if !strings.HasPrefix(geminiGet(t, d.gemini, "/"), "20 ") {
		t.Error("not serving after the failed reload")
	}
	resp, err := http.Get(metricsAt)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	m, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(m), "capsule_reloads_total{result=\"failed\"} 1\n") {
		t.Errorf("the failed reload not counted:\n%s", m)
	}
}

// TestSystemdUnitsVerify has systemd check every unit of contrib/ as it
// would load them: the service (run against this build of capsuled, since
// systemd checks that the program is there) and its four sockets.
func TestSystemdUnitsVerify(t *testing.T) {
	analyze := needTool(t, "systemd-analyze")
	dir := t.TempDir()
	units := []string{"capsule.service", "capsule-gemini.socket", "capsule-gopher.socket", "capsule-agent.socket", "capsule-metrics.socket"}
	for _, u := range units {
		b, err := os.ReadFile(filepath.Join("../../contrib", u))
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.ReplaceAll(b, []byte("/usr/local/bin/capsuled"), []byte(capsuled))
		os.WriteFile(filepath.Join(dir, u), b, 0o644)
	}
	cmd := exec.Command(analyze, append([]string{"verify", "--man=no"}, units...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// TestUnitWithoutSockets makes the copy of the service that
// contrib/README.md describes for running without socket activation (its
// network lines taken from the README) and has systemd check it: no
// dependency on the sockets is left, and capsuled listens itself.
func TestUnitWithoutSockets(t *testing.T) {
	analyze := needTool(t, "systemd-analyze")
	readme, err := os.ReadFile("../../contrib/README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "replace the sandbox's network lines with\n\n")
	block, _, _ = strings.Cut(block, "\n\n")
	if !ok || !strings.Contains(block, "AmbientCapabilities=CAP_NET_BIND_SERVICE") {
		t.Fatalf("contrib/README.md: no network lines found: %q", block)
	}
	network := map[string]string{}
	for _, l := range strings.Split(block, "\n") {
		k, v, _ := strings.Cut(strings.TrimSpace(l), "=")
		network[k] = v
	}
	unit, err := os.ReadFile("../../contrib/capsule.service")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(unit), "\n") {
		k, _, _ := strings.Cut(l, "=")
		switch {
		case (k == "Requires" || k == "After" || k == "Sockets") && strings.Contains(l, ".socket"):
			if k == "After" {
				out = append(out, "After=network-online.target", "Wants=network-online.target")
			}
			continue
		case k == "ExecStart":
			l = strings.Replace(l, "/usr/local/bin/capsuled", capsuled+" -gemini :1965 -gopher :70", 1)
		case network[k] != "" || k == "IPAddressDeny":
			l = k + "=" + network[k]
			delete(network, k)
		}
		out = append(out, l)
	}
	if len(network) > 0 {
		t.Errorf("README's lines not in the unit: %v", network)
	}
	copied := strings.Join(out, "\n")
	for _, l := range out {
		if !strings.HasPrefix(l, "#") && strings.Contains(l, ".socket") {
			t.Errorf("the copy still names the sockets: %s", l)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "capsule.service"), []byte(copied), 0o644)
	cmd := exec.Command(analyze, "verify", "--man=no", "capsule.service")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(b)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, b)
	}
}

// -check says whether the next start can use the build cache: the one a
// start wrote, it can; one damaged since, it cannot, and -check says
// why, as the start would.
func TestCheckTellsWhetherTheCacheIsUsable(t *testing.T) {
	dir, certs := copyPosts(t), t.TempDir()
	free := func() string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		return ln.Addr().String()
	}
	// Fixed ports: the cache is for the ports the pages link to.
	args := []string{"-posts", dir, "-certs", certs, "-gemini", free(), "-gopher", free()}
	cmd := exec.Command(capsuled, args...)
	d := startCapsuled(t, cmd)
	cmd.Process.Signal(syscall.SIGTERM)
	d.waitFor(t, "terminated: stopping")
	cmd.Wait()
	cache := filepath.Join(certs, "cache", "localhost.cache")

	out, _, code := run(t, append([]string{"-check"}, args...)...)
	usable := regexp.MustCompile(`(?m)^checked build cache ` + regexp.QuoteMeta(cache) + `: \d+ KiB, beside \d+ KiB of responses$`)
	if code != 0 || !usable.MatchString(out) {
		t.Errorf("-check after a start: exit %d\n%s", code, out)
	}

	b, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	os.WriteFile(cache+".damaged", b, 0o600)
	os.Rename(cache+".damaged", cache)
	out, _, code = run(t, append([]string{"-check"}, args...)...)
	damaged := "checked build cache " + cache + ": " + capsule.FormatBytes(int64(len(b))) + ", not usable (corrupt or truncated): the next start renders every post and writes it again\n"
	if code != 0 || !strings.Contains(out, damaged) {
		t.Errorf("-check of a damaged cache: exit %d\n%s\nwant the line %q", code, out, damaged)
	}
	// Emptied: not usable, as a start says (corrupt), not "none yet".
	os.WriteFile(cache, nil, 0o600)
	out, _, code = run(t, append([]string{"-check"}, args...)...)
	damaged = "checked build cache " + cache + ": " + capsule.FormatBytes(0) + ", not usable (corrupt or truncated): the next start renders every post and writes it again\n"
	if code != 0 || !strings.Contains(out, damaged) {
		t.Errorf("-check of an empty cache file: exit %d\n%s\nwant the line %q", code, out, damaged)
	}
}

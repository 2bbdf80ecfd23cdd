package main

import (
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Under systemd the metrics' socket is handed over too, named metrics
// (contrib/capsule-metrics.socket): capsuled serves the metrics there
// without a [metrics] key, and counts the requests it answers.
func TestSocketActivationMetrics(t *testing.T) {
	var files []*os.File
	var addrs []string
	for range 3 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		f, _ := l.(*net.TCPListener).File()
		addrs = append(addrs, l.Addr().String())
		files = append(files, f)
		l.Close()
	}
	cmd := exec.Command("sh", "-c", `LISTEN_PID=$$ exec "$0" "$@"`, capsuled,
		"-posts", samplePosts, "-certs", t.TempDir(), "-gemini", "127.0.0.1:1", "-gopher", "127.0.0.1:1")
	cmd.ExtraFiles = files
	cmd.Env = append(os.Environ(), "LISTEN_FDS=3", "LISTEN_FDNAMES=gemini:gopher:metrics")
	d := startCapsuled(t, cmd)
	for _, f := range files {
		f.Close()
	}
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	d.waitFor(t, "metrics: serving http://"+addrs[2]+"/metrics")

	if !strings.Contains(gopherGet(t, d.gopher, ""), "_・)Keep Smiling") {
		t.Fatal("gopher over the handed socket")
	}
	want := `capsule_requests_total{protocol="gopher",status="ok"} 1`
	var text string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get("http://" + addrs[2] + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if text = string(b); strings.Contains(text, want+"\n") {
			return
		}
	}
	t.Errorf("no %s in the metrics:\n%s", want, text)
}

package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/tlscert"
)

// haproxyCLI sends one command to HAProxy's stats socket and returns the
// answer.
func haproxyCLI(t *testing.T, socket, command string) string {
	t.Helper()
	c, err := net.DialTimeout("unix", socket, 5*time.Second)
	if err != nil {
		t.Fatalf("haproxy's stats socket: %v", err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, command+"\n")
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("haproxy %q: %v", command, err)
	}
	return string(b)
}

// serverState is a server's line of HAProxy's "show servers state".
type serverState struct {
	op, admin, weight, initial int
}

func (s serverState) String() string {
	return fmt.Sprintf("operational state %d, admin state %#x, weight %d of %d", s.op, s.admin, s.weight, s.initial)
}

// stateOf asks HAProxy the state of server in backend.
func stateOf(t *testing.T, socket, backend, server string) serverState {
	t.Helper()
	out := haproxyCLI(t, socket, "show servers state "+backend)
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		// be_id be_name srv_id srv_name srv_addr srv_op_state
		// srv_admin_state srv_uweight srv_iweight …
		f := strings.Fields(sc.Text())
		if len(f) < 9 || strings.HasPrefix(f[0], "#") || f[1] != backend || f[3] != server {
			continue
		}
		var s serverState
		for i, p := range []*int{&s.op, &s.admin, &s.weight, &s.initial} {
			*p, _ = strconv.Atoi(f[5+i])
		}
		return s
	}
	t.Fatalf("no server %s/%s in:\n%s", backend, server, out)
	return serverState{}
}

// waitState waits until ok says yes of server a's state in both backends.
func waitState(t *testing.T, socket, what string, limit time.Duration, ok func(serverState) bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		gem, goph := stateOf(t, socket, "capsule_gemini", "a"), stateOf(t, socket, "capsule_gopher", "a")
		if ok(gem) && ok(goph) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("replica a is not %s after %v: gemini %v; gopher %v", what, limit, gem, goph)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

const (
	srvRunning = 2    // srv_op_state SRV_ST_RUNNING
	admMaint   = 0x01 // srv_admin_state SRV_ADMF_FMAINT: forced into maintenance
	admDrain   = 0x08 // SRV_ADMF_FDRAIN: forced to drain (an agent's "drain" sets it)
)

// An operator takes replica a out by hand on HAProxy's stats socket
// (contrib/haproxy.cfg has one): its agent must not undo it. Several
// agent intervals later it is still in maintenance and gets no reader;
// put back ready, it takes readers again. Stopped (seen down) and started
// again, it comes back to its full weight by itself.
func TestHAProxyAgentKeepsMaintenance(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("haproxy is not installed: .ci/run installs it")
		}
		t.Skip("haproxy is not installed (apt-get install haproxy)")
	}
	const agentInter = 500 * time.Millisecond // contrib/haproxy.cfg's agent-inter
	ports := freePorts(t, 8)
	front := [2]int{ports[0], ports[1]}
	posts, certs := copyPosts(t), t.TempDir()
	if _, err := tlscert.Create(certs, "localhost"); err != nil {
		t.Fatal(err)
	}
	a := &replica{name: "a", gemini: ports[2], gopher: ports[3], agt: ports[4], certs: certs, posts: posts, front: front, log: &syncLog{}}
	b := &replica{name: "b", gemini: ports[5], gopher: ports[6], agt: ports[7], certs: certs, posts: posts, front: front, log: &syncLog{}}
	a.start(t)
	b.start(t)
	config := haproxyConfig(t, front, a, b)
	if b, _ := os.ReadFile(config); !strings.Contains(string(b), "stats socket "+adminSocket(config)+" ") {
		t.Fatal("contrib/haproxy.cfg has no stats socket")
	}
	hp := exec.Command(haproxy, "-db", "-f", config)
	hpLog := &syncLog{}
	hp.Stdout, hp.Stderr = hpLog, hpLog
	if err := hp.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hp.Process.Kill(); hp.Wait() })
	socket := adminSocket(config)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(socket); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("haproxy made no stats socket:\n%s", hpLog)
		}
	}
	serving := func(s serverState) bool {
		return s.op == srvRunning && s.admin == 0 && s.weight == s.initial && s.weight > 0
	}
	waitState(t, socket, "up", 20*time.Second, serving)

	geminiFront := "127.0.0.1:" + strconv.Itoa(front[0])
	gopherFront := "127.0.0.1:" + strconv.Itoa(front[1])
	geminiReq := fmt.Sprintf("gemini://localhost:%d/posts/2017-05-03-hello-again.gmi\r\n", front[0])
	gopherReq := "/posts/2017-05-03-hello-again.txt\r\n"
	// reaches makes requests from src on both protocols until r has
	// logged one of each, or limit passes, and reports whether it did.
	reaches := func(r *replica, src string, limit time.Duration) bool {
		for deadline := time.Now().Add(limit); time.Now().Before(deadline); {
			fetchFrom(src, geminiFront, true, geminiReq)
			fetchFrom(src, gopherFront, false, gopherReq)
			log := r.log.String()
			if strings.Contains(log, "access gemini "+src+" ") && strings.Contains(log, "access gopher "+src+" ") {
				return true
			}
			time.Sleep(20 * time.Millisecond)
		}
		return false
	}

	// Maintenance by hand.
	for _, be := range []string{"capsule_gemini", "capsule_gopher"} {
		if out := haproxyCLI(t, socket, "set server "+be+"/a state maint"); strings.TrimSpace(out) != "" {
			t.Fatalf("set server %s/a state maint: %q", be, out)
		}
	}
	time.Sleep(6 * agentInter)
	for _, be := range []string{"capsule_gemini", "capsule_gopher"} {
		if s := stateOf(t, socket, be, "a"); s.admin&admMaint == 0 {
			t.Errorf("%s/a set to maintenance by hand, %v later: %v; the agent undid the operator's maintenance", be, 6*agentInter, s)
		} else {
			t.Logf("%s/a set to maintenance by hand, %v later: %v", be, 6*agentInter, s)
		}
	}
	if reaches(a, "127.0.0.5", 2*time.Second) {
		t.Error("a reader reached replica a in maintenance")
	}
	// Back by hand: readers reach it again.
	for _, be := range []string{"capsule_gemini", "capsule_gopher"} {
		haproxyCLI(t, socket, "set server "+be+"/a state ready")
	}
	waitState(t, socket, "serving again after state ready", 5*time.Second, serving)
	if !reaches(a, "127.0.0.6", 5*time.Second) {
		t.Errorf("replica a, ready again, gets no reader:\n%s", a.log)
	}

	// Stopped: weight 0 while it drains, not an administrative state that
	// would outlive it; started again: full weight, by itself.
	a.cmd.Process.Signal(syscall.SIGTERM)
	waitState(t, socket, "drained by its agent (weight 0)", 3*time.Second, func(s serverState) bool { return s.weight == 0 })
	for _, be := range []string{"capsule_gemini", "capsule_gopher"} {
		if s := stateOf(t, socket, be, "a"); s.admin != 0 {
			t.Errorf("%s/a stopping: %v; the agent set an administrative state", be, s)
		}
	}
	if err := a.cmd.Wait(); err != nil {
		t.Errorf("replica a after SIGTERM: %v", err)
	}
	// Down long enough for HAProxy's health checks to see it (fall 2,
	// inter 1s): its weight is still the agent's last word, 0.
	waitState(t, socket, "seen down", 5*time.Second, func(s serverState) bool { return s.op == 0 && s.weight == 0 })
	a.log = &syncLog{}
	a.start(t)
	start := time.Now()
	waitState(t, socket, "back to its full weight after a restart", 10*time.Second, serving)
	t.Logf("replica a restarted: up at full weight again in %v", time.Since(start).Round(time.Millisecond))
	if !reaches(a, "127.0.0.7", 5*time.Second) {
		t.Errorf("replica a, started again, gets no reader:\n%s", a.log)
	}
}

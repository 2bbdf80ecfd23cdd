// Package systemd speaks to systemd: readiness and reload notifications
// (sd_notify) and the listeners of socket activation (sd_listen_fds).
package systemd

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// listenFDsStart is the first file descriptor systemd passes (SD_LISTEN_FDS_START).
const listenFDsStart = 3

// Listeners returns the sockets systemd passed by socket activation,
// by their FileDescriptorName= ("gemini", "gopher"). It returns nil when the
// process was not socket-activated. The environment variables are unset, so
// that child processes do not take the sockets for theirs.
func Listeners() (map[string]net.Listener, error) {
	defer os.Unsetenv("LISTEN_PID")
	defer os.Unsetenv("LISTEN_FDS")
	defer os.Unsetenv("LISTEN_FDNAMES")
	pid, err := strconv.Atoi(os.Getenv("LISTEN_PID"))
	if err != nil || pid != os.Getpid() {
		return nil, nil
	}
	n, err := strconv.Atoi(os.Getenv("LISTEN_FDS"))
	if err != nil || n <= 0 {
		return nil, fmt.Errorf("socket activation: LISTEN_FDS=%q", os.Getenv("LISTEN_FDS"))
	}
	names := strings.Split(os.Getenv("LISTEN_FDNAMES"), ":")
	if len(names) != n {
		return nil, fmt.Errorf("socket activation: %d sockets but LISTEN_FDNAMES=%q: name them with FileDescriptorName=gemini and =gopher", n, os.Getenv("LISTEN_FDNAMES"))
	}
	out := make(map[string]net.Listener, n)
	for i, name := range names {
		fd := listenFDsStart + i
		syscall.CloseOnExec(fd)
		f := os.NewFile(uintptr(fd), name)
		l, err := net.FileListener(f)
		f.Close() // FileListener holds its own copy
		if err != nil {
			return nil, fmt.Errorf("socket activation: %s (fd %d): %w", name, fd, err)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("socket activation: two sockets named %q", name)
		}
		out[name] = l
	}
	return out, nil
}

// Notify sends a state change to systemd (sd_notify: "READY=1",
// "RELOADING=1", "STOPPING=1", "STATUS=…"). Without $NOTIFY_SOCKET (not run
// by systemd, or not Type=notify) it does nothing.
func Notify(state string) error {
	addr := os.Getenv("NOTIFY_SOCKET")
	if addr == "" {
		return nil
	}
	if addr[0] != '/' && addr[0] != '@' {
		return errors.New("notify: NOTIFY_SOCKET is not a unix socket path")
	}
	if addr[0] == '@' {
		addr = "\x00" + addr[1:] // abstract namespace
	}
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: addr, Net: "unixgram"})
	if err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	defer conn.Close()
	_, err = conn.Write([]byte(state))
	return err
}

package guard

import (
	"syscall"
	"testing"
)

func TestRaiseFileLimit(t *testing.T) {
	limit, err := RaiseFileLimit()
	if err != nil {
		t.Fatal(err)
	}
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil {
		t.Fatal(err)
	}
	if limit != r.Cur || r.Cur+1 < r.Max {
		t.Errorf("RaiseFileLimit = %d; soft limit %d, hard %d", limit, r.Cur, r.Max)
	}
}

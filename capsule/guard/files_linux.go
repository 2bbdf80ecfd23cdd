//go:build linux

package guard

import "syscall"

// RaiseFileLimit raises the soft limit on open files (RLIMIT_NOFILE) to
// the hard limit, and returns the limit in force, to check the caps
// against (FileLimitWarning). Go's runtime already raises it to one below
// the hard limit when it starts (and sets it back for the processes it
// starts), so this raises it only when that did not happen. A limit that
// cannot be raised (a seccomp filter denying setrlimit, as capsule.service
// has) is returned as it is: there, LimitNOFILE= sets it.
func RaiseFileLimit() (uint64, error) {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil {
		return 0, err
	}
	if r.Cur < r.Max-1 {
		raised := syscall.Rlimit{Cur: r.Max, Max: r.Max}
		if syscall.Setrlimit(syscall.RLIMIT_NOFILE, &raised) == nil {
			r = raised
		}
	}
	return r.Cur, nil
}

//go:build linux

package content

import "golang.org/x/sys/unix"

// sysFstatat is fstatat's system call here.
const sysFstatat = unix.SYS_FSTATAT

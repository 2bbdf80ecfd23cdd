//go:build linux

package content

import (
	"os"

	"golang.org/x/sys/unix"
)

// listingTrusted reports whether the open folder f is on a file system
// whose folders' modification and change times move whenever an entry is
// added, removed or renamed, stamped by this machine's clock: the local
// ones (ext2, ext3 and ext4, XFS, Btrfs, F2FS, tmpfs). A network file
// system caches a folder's times, a FUSE one may make them up, and
// another machine's clock may run ahead of this one's: on those a
// reload reads the folder every time (readDirRaw).
var listingTrusted = func(f *os.File) bool {
	rc, err := f.SyscallConn()
	if err != nil {
		return false
	}
	var st unix.Statfs_t
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = unix.Fstatfs(int(fd), &st) }); err != nil || serr != nil {
		return false
	}
	switch uint32(st.Type) {
	case unix.EXT4_SUPER_MAGIC, unix.XFS_SUPER_MAGIC, unix.BTRFS_SUPER_MAGIC, unix.F2FS_SUPER_MAGIC, unix.TMPFS_MAGIC:
		return true
	}
	return false
}

package content

import (
	"syscall"

	"capsule/capsule/internal/work"

	"golang.org/x/sys/unix"
)

// Looking at 10,000 posts on every reload. A reload compares every
// post's stat with the one its last read left (reuse.go): that is the
// one thing a reload must do for every file, so it is done in the
// fewest steps the kernel offers. A stat by full path walks every
// folder of the path again; one relative to the posts folder, open
// once (fstatat), looks up one name, in a third of the time. Its answer
// is kept as a stamp, in place, not as an fs.FileInfo allocated for
// every file.

// folderFD is a folder of posts, open for fstatat; noFolder when it could
// not be opened (each file is then looked at by its path, as
// inspectSource does), or byPath for files named by their whole path.
type folderFD int

const (
	noFolder folderFD = -1
	byPath   folderFD = unix.AT_FDCWD
)

// openFolder opens dir for looking at its files by name.
func openFolder(dir string) folderFD {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return noFolder
	}
	return folderFD(fd)
}

func (d folderFD) close() {
	if d >= 0 {
		unix.Close(int(d))
	}
}

// inspect is inspectSource for the file name of the folder d (by its
// whole path, for byPath), at path:
// one fstatat, which for a regular file is all there is to see. Anything
// else (a symbolic link, a folder, a file gone, a failed stat) is
// inspected again by its path, as inspectPost words it.
//
// The source is made in src, one of a slice made for the whole folder:
// 10,000 sources in one allocation rather than one each, on every reload.
func (d folderFD) inspect(src *source, name, path, root string, limit int64) inspection {
	switch d {
	case noFolder:
		return inspectSource(path, root, limit)
	case byPath:
		name = path
	}
	var st unix.Stat_t
	if err := fstatat(int(d), name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return inspectSource(path, root, limit)
	}
	*src = source{path: path, limit: limit, what: "one post", inspected: true}
	src.seen = fileStamp{dev: uint64(st.Dev), ino: uint64(st.Ino), mode: uint32(st.Mode), size: int64(st.Size),
		mtime: timespecOf(st.Mtim), ctime: timespecOf(st.Ctim)}
	return inspection{src: src}
}

// timespecOf is t as syscall's Timespec, which stampOf keeps (the two
// packages' fields are not of one type on every system).
func timespecOf(t unix.Timespec) syscall.Timespec {
	return syscall.NsecToTimespec(unix.TimespecToNsec(t))
}

// fileAt is a post file found in a folder below the posts folder: its
// path, its name, and its folder's path.
type fileAt struct {
	path, name, folder string
}

// inspectAll looks at files on every core, each relative to its folder,
// open once for all its files (inspect), or by its whole path when it
// is its folder's only one (a page bundle's index.md) rather than
// opening the folder for it. Their sources are made in srcs, one each.
func inspectAll(files []fileAt, srcs []source, root string, limit int64) []inspection {
	folders := make(map[string]folderFD)
	for _, f := range files {
		switch fd, seen := folders[f.folder]; {
		case !seen:
			folders[f.folder] = byPath
		case fd == byPath: // its second file
			folders[f.folder] = openFolder(f.folder) // noFolder if it cannot be: its files looked at by path
		}
	}
	out := make([]inspection, len(files))
	work.ForEach(len(files), func(i int) {
		f := files[i]
		out[i] = folders[f.folder].inspect(&srcs[i], f.name, f.path, root, limit)
	})
	for _, fd := range folders {
		fd.close()
	}
	return out
}

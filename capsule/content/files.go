package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is a file beside the posts (an image, an attachment), served as it
// is on both protocols.
type File struct {
	Path string // relative to the posts folder, with slashes: images/aikido.jpg
	Data []byte
}

// Default size caps of files beside the posts: they live in memory.
const (
	DefaultMaxFileSize   = 16 << 20
	DefaultMaxFilesTotal = 256 << 20
)

// loadFiles reads every file under dir that is not a post, a page or the
// site file: hidden files and folders (a name starting with ".") are left
// out, and so is a symbolic link that leads outside dir (with a warning). A
// file over maxSize, or one that brings the total over maxTotal, is an
// error naming it.
func loadFiles(dir string, maxSize, maxTotal int64) (files []File, warns, errs []*FileError) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, []*FileError{{File: dir, Msg: err.Error()}}
	}
	root, _ = filepath.Abs(root)
	var total int64
	walkErr := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &FileError{File: p, Msg: err.Error()})
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		name := d.Name()
		switch {
		case rel == ".":
			return nil
		case strings.HasPrefix(name, "."):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case !strings.Contains(rel, string(filepath.Separator)) &&
			(strings.EqualFold(filepath.Ext(name), ".md") || strings.HasPrefix(name, "_")):
			return nil // a post, a page or the site file
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(p)
			if err == nil {
				target, _ = filepath.Abs(target)
			}
			if err != nil || !strings.HasPrefix(target, root+string(filepath.Separator)) {
				warns = append(warns, &FileError{File: p, Msg: "symbolic link leads outside the posts folder: not served"})
				return nil
			}
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &FileError{File: p, Msg: err.Error()})
			return nil
		}
		if !info.Mode().IsRegular() {
			warns = append(warns, &FileError{File: p, Msg: "not a regular file: not served"})
			return nil
		}
		if info.Size() > maxSize {
			errs = append(errs, &FileError{File: p, Msg: fmt.Sprintf("%d bytes, over the %d-byte limit for one file (max_file_size)", info.Size(), maxSize)})
			return nil
		}
		if total += info.Size(); total > maxTotal {
			errs = append(errs, &FileError{File: p, Msg: fmt.Sprintf("brings the files beside the posts to %d bytes, over the %d-byte limit (max_files_total)", total, maxTotal)})
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, &FileError{File: p, Msg: err.Error()})
			return nil
		}
		files = append(files, File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &FileError{File: dir, Msg: walkErr.Error()})
	}
	return files, warns, errs
}

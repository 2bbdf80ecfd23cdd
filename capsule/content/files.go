package content

import (
	"fmt"
	"io/fs"
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

// besideFile is a file beside the posts, found but not yet read.
type besideFile struct {
	rel string // File.Path
	src *source
}

// besideWhat is what a file beside the posts is, for a source's
// messages; it also tells the file's record from a post's (ForgetPost).
const besideWhat = "one file (max_file_size)"

// editorLeftover reports whether name is an editor's backup or autosave
// file ("index.md~", Emacs' "#index.md#"): an unfinished or old text,
// which Hugo and Jekyll both leave out of the sites they build (names
// starting with "#" or ending in "~"), as capsule leaves out dot files.
func editorLeftover(name string) bool {
	return strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}

// findFiles lists every file under dir that is not a post, a page or the
// site file: hidden files and folders (a name starting with ".") are left
// out, and so is a symbolic link that leads outside root, dir's real path,
// or nowhere (a loop, a link to nothing), with a warning saying which, and anything but a regular file (with a warning: a
// named pipe or a device could block or never end). A file over maxSize,
// or one that brings the total over maxTotal, is an error naming it, and
// is not read. What ex leaves out is not looked at; a secret
// (secretFileProblem, a link to one of ex's secrets) is left out with a
// warning. A file that state (given its path relative to dir, with
// slashes) says is withheld is listed in withheld, neither counted nor
// read; so is a symbolic link whose target is less published than the
// link (a link beside the posts to a draft's file).
//
// total counts the bytes of the files found, across calls: the files
// beside the posts and Hugo's static files share maxTotal.
func findFiles(dir, root string, l layout, ex *excluder, top *topDir, state func(rel string) fileState, maxSize, maxTotal int64, total *int64) (found []besideFile, withheld []string, warns, errs []*FileError) {
	if ex != nil && ex.allFiles != "" {
		return nil, nil, nil, nil // newExcluder said so
	}
	// Markdown is never served as it is but from a static folder (skipFile):
	// the posts at the top are not even looked at.
	// (And but for a site whose generator copies some as they are,
	// Hexo's skip_render: excluder.copied.)
	walkErr := walkTop(dir, top, l == layoutStatic || ex != nil && len(ex.copied) > 0, func(p, rel string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &FileError{File: p, Msg: readProblem(err, false)})
			return nil
		}
		name := d.Name()
		switch {
		case rel == ".":
			return nil
		case strings.HasPrefix(name, ".") && !ex.reincluded(rel, d.IsDir()), editorLeftover(name):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case !d.IsDir() && ex.includedMarkdown(rel):
			if st := state(filepath.ToSlash(rel)); st == filePublic || st == fileDraft {
				warns = append(warns, &FileError{File: p, Line: 1, Kind: "Hexo asset Markdown not served",
					Msg: "include takes this Markdown into its post's asset folder, where Hexo renders it to a bare HTML file (" +
						strings.TrimSuffix(name, filepath.Ext(name)) + ".html, no theme): capsule serves no page of a post's file; not served"})
			}
			return nil
		case ex.skip(rel, d.IsDir()), l.skipFile(top, p, rel, d) && (d.IsDir() || !ex.copiedAsIs(rel) && !(ex.reincluded(rel, false) && !isMarkdown(name))), !d.IsDir() && ex.templatePage(name):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // a post, a page, the site file, or a Jekyll site's own
		case d.IsDir():
			return nil
		case ex.copiedAsIs(rel) && ex.hexoUnpublished(rel):
			warns = append(warns, &FileError{File: p, Line: 1, Kind: "post skip_render matches",
				Msg: "skip_render matches this post: Hexo neither renders nor publishes it; not served"})
			return nil
		}
		own := state(filepath.ToSlash(rel))
		if own == fileLeftOut {
			return nil
		}
		if own == fileUnbuilt {
			sec, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
			warns = append(warns, &FileError{File: p, Line: 1, Kind: "Hexo file not published",
				Msg: "Hexo publishes no file of " + sec + " but a post's and its asset folder's (" + sec + "/hello/ beside " + sec + "/hello.md, with post_asset_folder: true): not served"})
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, why := resolveLink(root, p)
			if why != "" {
				warns = append(warns, &FileError{File: p, Msg: why + ": not served", Kind: kindLinkNotFollowed})
				return nil
			}
			if what := ex.secretTarget(target); what != "" {
				warns = append(warns, &FileError{File: p, Msg: "symbolic link to " + what + ": never served", Kind: kindSecret})
				return nil
			}
			if st := state(filepath.ToSlash(target[len(root)+1:])); st > own {
				own = fileWithheld // a way around the target's post: closed
			}
		}
		if why := secretFileProblem(name); why != "" {
			warns = append(warns, &FileError{File: p, Msg: why, Kind: kindSecret})
			return nil
		}
		if own == fileWithheld {
			withheld = append(withheld, filepath.ToSlash(rel))
			return nil
		}
		if l != layoutStatic && ex.isMDX(name) {
			return nil // an entry (mdx.go)
		}
		if l != layoutStatic && hasExt(name, ".mdx") {
			// Markdown with components (Astro's, Docusaurus'): its
			// imports and JSX are code, not the reader's. (A static
			// folder's is copied as it is.)
			warns = append(warns, &FileError{File: p, Line: 1, Kind: "MDX not read",
				Msg: "MDX (Markdown with components) is not read: not served; as .md, without its imports and components, it would be"})
			return nil
		}
		_, info, ferr := inspect(p)
		if ferr != nil {
			errs = append(errs, ferr)
			return nil
		}
		if !info.Mode().IsRegular() {
			warns = append(warns, notRegularFile(p))
			return nil
		}
		if info.Size() > maxSize {
			errs = append(errs, overFileSize(p, info.Size(), maxSize))
			return nil
		}
		if *total += info.Size(); *total > maxTotal {
			errs = append(errs, &FileError{File: p, Msg: fmt.Sprintf("brings the files beside the posts to %d bytes, over the %d-byte limit "+totalCapKey, *total, maxTotal)})
			return nil
		}
		src := &source{path: p, limit: maxSize, what: besideWhat}
		src.seen, src.inspected = stampOf(info) // what a reload compares (reuse): not looked at twice
		found = append(found, besideFile{rel: filepath.ToSlash(rel), src: src})
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &FileError{File: dir, Msg: readProblem(walkErr, false)})
	}
	return found, withheld, warns, errs
}

// notRegularFile is the warning of a file beside the posts that is no
// regular file (a pipe, a device): never opened.
func notRegularFile(p string) *FileError {
	return &FileError{File: p, Msg: "not a regular file: not served", Kind: "not a regular file"}
}

// overFileSize is the problem of a file beside the posts of size bytes,
// over max, the cap on one file.
func overFileSize(p string, size, max int64) *FileError {
	return &FileError{File: p, Msg: fmt.Sprintf("%d bytes, over the %d-byte limit for one file (max_file_size)", size, max)}
}

// totalCapKey ends the problem of a file over max_files_total.
const totalCapKey = "(max_files_total)"

// boundTotalCap keeps, of the problems of files over max_files_total,
// the first, and counts the others in one problem of dir, with the
// total of all the files beside the posts: a folder of thousands of
// images over the cap was thousands of lines, one per file after it.
func boundTotalCap(errs []*FileError, dir string, maxTotal, total int64) []*FileError {
	out, more := errs[:0:0], 0
	seen := false
	for _, e := range errs {
		if !strings.HasSuffix(e.Msg, totalCapKey) {
			out = append(out, e)
		} else if !seen {
			out, seen = append(out, e), true
		} else {
			more++
		}
	}
	if more > 0 {
		out = append(out, &FileError{File: dir, Msg: fmt.Sprintf("and %s more files beside the posts over the %d-byte limit "+totalCapKey+": %d bytes in all; raise the limit, or leave them out with exclude", thousands(more), maxTotal, total)})
	}
	return out
}

// filesRead is the files found, once read; their total is checked again,
// in case they grew while being read. A file holding a private key is
// left out, with a warning, and so is one holding a credential (see
// secretBytes).
func filesRead(found []besideFile, maxTotal int64) (files []File, warns, errs []*FileError) {
	var total int64
	for _, f := range found {
		if f.src.err != nil {
			continue // reported with the other read errors
		}
		if total += int64(len(f.src.data)); total > maxTotal {
			errs = append(errs, &FileError{File: f.src.path, Msg: fmt.Sprintf("brings the files beside the posts to %d bytes, over the %d-byte limit (max_files_total)", total, maxTotal)})
			continue
		}
		if why := f.src.secretBytes(); why != "" {
			warns = append(warns, &FileError{File: f.src.path, Msg: why, Kind: kindSecret})
			continue
		}
		files = append(files, File{Path: f.rel, Data: f.src.data})
	}
	return files, warns, errs
}

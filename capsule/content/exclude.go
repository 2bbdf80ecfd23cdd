package content

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// What is never content. A posts folder may hold what must never reach a
// reader: the capsule's own certificates and keys (capsuled -posts .
// -certs ./certs), another tool's secrets, an operator's scratch files.
// Load leaves out, as neither posts nor files:
//
//   - names starting with "." (.git, .env, editors' swap files);
//   - every path of LoadOptions.Secrets inside the posts folder: the
//     certificates folder and the certificate and key files of every site,
//     with a warning each, at every load, naming it;
//   - what LoadOptions.Exclude's patterns match, quietly: the operator
//     chose it.
//
// And a file beside the posts is a secret, never served, with a warning
// naming it and why, when (isSecretFile, privateKeyBlock):
//
//   - its extension is one of secretExtensions, the containers of keys and
//     certificates (.key, .pem, .crt, .p12…), in any case: a certificate
//     is public, but the same extensions hold keys, and a blog has no
//     reason to serve either;
//   - or its bytes hold, anywhere, a PEM block whose type says PRIVATE
//     KEY ("-----BEGIN EC PRIVATE KEY-----", "OPENSSH PRIVATE KEY",
//     "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"), whatever the
//     file is called. A PGP public key or a certificate named .txt or
//     .asc is served: it is meant to be published.
//
// Markdown files are not searched for keys: they are never served as
// they are, and a post that shows a key is the author's to write.

// Secret is a path that holds a site's secrets and is never served,
// wherever it lies.
type Secret struct {
	Path string // a folder or a file, as configured
	What string // what it is, for messages: "the certificates folder (gemini.certs)"
}

// MaxExcludePatterns bounds LoadOptions.Exclude: every path of the posts
// folder is matched against every pattern at every load. A .gitignore of
// a large project has a few dozen lines.
const MaxExcludePatterns = 256

// maxSiteExcludes bounds the patterns a site's generator adds of its own
// (Jekyll's exclude, .eleventyignore, the build and templates capsule
// keeps out of an Eleventy or Astro site), counted apart from
// LoadOptions.Exclude: a site's list is not the operator's to shorten,
// and above this the site is refused, since leaving a pattern out could
// serve what its generator keeps out. At most maxSiteExcludes +
// MaxExcludePatterns patterns are matched against each path of a load.
const maxSiteExcludes = 1024

// secretExtensions are the extensions of files that hold keys or
// certificates: PEM and DER files, PKCS #12 and #8, PKCS #7 bundles,
// Java keystores, PuTTY keys, certificate requests.
var secretExtensions = []string{".key", ".pem", ".crt", ".cer", ".csr", ".der", ".p12", ".pfx",
	".p7b", ".p7c", ".p8", ".pk8", ".jks", ".keystore", ".ppk"}

// excluder tells what Load leaves out of a posts folder.
type excluder struct {
	// mdx is set for an Astro site that builds MDX (astroReadsMDX):
	// its .mdx files are Markdown entries (mdx.go).
	mdx      bool
	patterns []excludePattern
	// secrets are the paths of LoadOptions.Secrets inside the posts
	// folder, relative to it with slashes, and what each is.
	secrets map[string]string
	// allFiles, when set, is what the posts folder itself is: a secret
	// folder, none of whose files is served.
	allFiles string
	root     string // the posts folder's real path
	// ignore are Hugo's ignoreFiles, matched as Hugo matches them:
	// against the absolute path of each file and folder (absDir
	// joined with its path in the posts folder, with slashes).
	ignore []*regexp.Regexp
	absDir string
	// copied are the files its generator copies as they are, never
	// rendering them (Hexo's skip_render): a Markdown or HTML file they
	// match is neither post nor page but a file, served as it is.
	copied []copiedPattern
	// postFolders are the folders (of the posts folder) whose files
	// copied is not the copy of: Hexo's _posts and _drafts, where a
	// post skip_render matches is neither rendered nor published, and
	// only a post's asset folder is copied (hexoUnpublished).
	postFolders []string
	// hexo are a Hexo site's rules of what its source folder publishes
	// (hexoinclude.go); nil for another site.
	hexo *hexoRules
	// templates: an Eleventy site's, whose pages of its other template
	// languages (.njk, .liquid, .ejs…: eleventyTemplate) are pages,
	// never files served as they are.
	templates bool
}

// templatePage reports whether the file name is a page of one of an
// Eleventy site's other template languages (excluder.templates).
func (e *excluder) templatePage(name string) bool {
	return e != nil && e.templates && eleventyTemplate(name)
}

// copiedPattern is one of excluder.copied: a file is matched when one of
// pats is (a pattern's braces expanded), or, negated ("!static/**"),
// when none is.
type copiedPattern struct {
	pats    []excludePattern
	negated bool
}

// excludePattern is one of LoadOptions.Exclude, read.
type excludePattern struct {
	segs    []string // path.Match patterns of path parts; "**" is any number of parts
	dirOnly bool     // written with a trailing "/": folders only
	// noDot: a part starting with "." is matched only by a part of the
	// pattern starting with "." too, never by "**", "*" or "?" (as
	// micromatch matches by default: Hexo's lists).
	noDot bool
}

// CheckExclude checks patterns as LoadOptions.Exclude takes them,
// .gitignore's way: "*.psd" is a name at any depth; a pattern with a "/"
// before its end ("drafts-old/**", "/notes.txt") is a path from the top
// of the posts folder; a trailing "/" matches folders only; "**" is any
// number of folders; "*", "?" and "[a-z]" match within a name. A folder
// matched leaves out all it holds. Negation ("!keep.psd") is refused: a
// list of what to leave out cannot take back what it left out.
//
// Its error reads after "exclude ": "has pattern …".
func CheckExclude(patterns []string) error {
	_, err := readPatterns(patterns, MaxExcludePatterns)
	return err
}

// readPatterns reads patterns, refusing more than limit of them.
func readPatterns(patterns []string, limit int) ([]excludePattern, error) {
	if len(patterns) > limit {
		return nil, fmt.Errorf("has %d patterns, over the limit of %d", len(patterns), limit)
	}
	var out []excludePattern
	for _, raw := range patterns {
		p := strings.TrimSpace(raw)
		var ep excludePattern
		switch {
		case p == "":
			return nil, errors.New(`has an empty pattern: write a name ("*.psd") or a path ("drafts-old/**")`)
		case strings.HasPrefix(p, "!"):
			return nil, fmt.Errorf("has pattern %q: negation (!) is not supported: list only what to leave out", clip(raw))
		}
		if strings.HasSuffix(p, "/") {
			p, ep.dirOnly = strings.TrimRight(p, "/"), true
		}
		if strings.Contains(p, "/") {
			ep.segs = strings.Split(strings.TrimPrefix(p, "/"), "/")
		} else {
			ep.segs = []string{"**", p} // a name, at any depth
		}
		for _, s := range ep.segs {
			if s == "" || s == "." || s == ".." {
				return nil, fmt.Errorf("has pattern %q, with an empty, . or .. part", clip(raw))
			}
			if _, err := path.Match(s, ""); err != nil {
				return nil, fmt.Errorf("has pattern %q, where %q is not a pattern (unclosed [ or a \\ at the end)", clip(raw), s)
			}
		}
		out = append(out, ep)
	}
	return out, nil
}

// matches reports whether p matches the path parts name.
func (p excludePattern) matches(name []string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	at := make([]bool, len(name)+1)
	at[0] = true
	for _, seg := range p.segs {
		p.step(at, name, seg)
	}
	return at[len(name)]
}

// step advances at, where at[j] says whether the pattern's parts so far
// match name[:j], past its next part seg: one pass, so that "**" never
// backtracks.
func (p excludePattern) step(at []bool, name []string, seg string) {
	if seg == "**" {
		for j := 1; j <= len(name); j++ {
			at[j] = at[j] || at[j-1] && !p.hidden(name[j-1], seg)
		}
		return
	}
	for j := len(name); j >= 1; j-- {
		ok, _ := path.Match(seg, name[j-1])
		at[j] = at[j-1] && ok && !p.hidden(name[j-1], seg)
	}
	at[0] = false
}

// matchesBelow reports whether p could match a path below the folder of
// path parts name: whether a first part of p matches name whole.
func (p excludePattern) matchesBelow(name []string) bool {
	at := make([]bool, len(name)+1)
	at[0] = true
	for _, seg := range p.segs {
		if at[len(name)] {
			return true
		}
		p.step(at, name, seg)
	}
	return at[len(name)]
}

// hidden reports whether the part of a path part is kept from the
// pattern's part seg by noDot.
func (p excludePattern) hidden(part, seg string) bool {
	return p.noDot && strings.HasPrefix(part, ".") && !strings.HasPrefix(seg, ".")
}

// newExcluder reads the operator's patterns and the site's own (its
// generator's: see maxSiteExcludes) and finds which secrets lie in the
// posts folder dir (whose real path is root), with a warning for each.
func newExcluder(dir, root string, secrets []Secret, patterns, site []string) (*excluder, []*FileError, error) {
	pats, err := readPatterns(patterns, MaxExcludePatterns)
	if err != nil {
		return nil, nil, errors.New("exclude " + err.Error())
	}
	sitePats, err := readPatterns(site, maxSiteExcludes)
	if err != nil {
		return nil, nil, errors.New("the site's configuration's exclude list " + err.Error())
	}
	pats = append(pats, sitePats...)
	e := &excluder{patterns: pats, secrets: make(map[string]string), root: root}
	var warns []*FileError
	for _, s := range secrets {
		if s.Path == "" {
			continue
		}
		real := realPath(s.Path)
		switch {
		case real == root:
			e.allFiles = s.What
			warns = append(warns, &FileError{File: dir, Msg: "the posts folder is " + s.What + ": none of its files is served (only its posts are); give the posts a folder of their own", Kind: kindSecret})
		case strings.HasPrefix(real, root+string(filepath.Separator)):
			rel := filepath.ToSlash(real[len(root)+1:])
			if _, seen := e.secrets[rel]; seen {
				continue
			}
			e.secrets[rel] = s.What
			warns = append(warns, &FileError{File: filepath.Join(dir, filepath.FromSlash(rel)), Msg: s.What + " is inside the posts folder: never served; move it out", Kind: kindSecret})
		}
	}
	return e, warns, nil
}

// ignoreFiles adds to e Hugo's ignoreFiles, regular expressions (Go's, as
// Hugo's), for the posts folder dir: what they match is neither post nor
// file, as Hugo builds neither. One that does not compile is an error, as
// Hugo's build fails on it: left out, what it was written to keep back
// would be served.
func (e *excluder) ignoreFiles(dir string, patterns []string) error {
	if len(patterns) == 0 {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	e.absDir = filepath.ToSlash(abs)
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("ignoreFiles: %q is not a regular expression: %v", p, err)
		}
		e.ignore = append(e.ignore, re)
	}
	return nil
}

// realPath is p made absolute with its symbolic links resolved, as far as
// it exists: a certificates folder not yet made is compared by the path
// it will have.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// skip reports whether the file or folder at rel (relative to the posts
// folder, with the system's separators) is left out, neither post nor
// file: a secret or a path the operator excluded. A nil excluder leaves
// nothing out.
func (e *excluder) skip(rel string, isDir bool) bool {
	if e == nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if _, secret := e.secrets[rel]; secret {
		return true
	}
	if len(e.ignore) > 0 {
		abs := e.absDir + "/" + rel
		for _, re := range e.ignore {
			if re.MatchString(abs) {
				return true
			}
		}
	}
	parts := strings.Split(rel, "/")
	if e.hexo != nil && e.hexo.skip(parts, isDir) {
		return true
	}
	for _, p := range e.patterns {
		if p.matches(parts, isDir) {
			return true
		}
	}
	return false
}

// copiedAsIs reports whether the file at rel (relative to the posts
// folder, with the system's separators) is one the generator copies as
// it is (excluder.copied): never a post or a page, whatever its
// extension. A nil excluder copies nothing so.
func (e *excluder) copiedAsIs(rel string) bool {
	if e == nil || len(e.copied) == 0 {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for _, c := range e.copied {
		if slices.ContainsFunc(c.pats, func(p excludePattern) bool { return p.matches(parts, false) }) != c.negated {
			return true
		}
	}
	return false
}

// hexoUnpublished reports whether the file at rel (relative to the
// posts folder, with the system's separators), which copiedAsIs copies,
// is a Markdown file of Hexo's _posts or _drafts outside a post's asset
// folder: a post skip_render matches, which Hexo neither renders nor
// copies (processor/post.ts: an unrendered file there is a post's asset
// or nothing). Its asset folder is one beside a post of its name
// (_posts/hello/ beside _posts/hello.md).
func (e *excluder) hexoUnpublished(rel string) bool {
	rel = filepath.ToSlash(rel)
	first, _, _ := strings.Cut(rel, "/")
	if e == nil || !slices.Contains(e.postFolders, first) || !isMarkdown(rel) {
		return false
	}
	for d := path.Dir(rel); d != first && d != "."; d = path.Dir(d) {
		for _, ext := range markdownExts {
			if exists(filepath.Join(e.root, filepath.FromSlash(d+ext))) {
				return false
			}
		}
	}
	return true
}

// secretTarget says what a symbolic link's target (an absolute real path
// inside the posts folder) is when it is one of the secrets, or "".
func (e *excluder) secretTarget(target string) string {
	if e == nil || !strings.HasPrefix(target, e.root+string(filepath.Separator)) {
		return ""
	}
	rel := filepath.ToSlash(target[len(e.root)+1:])
	for r := rel; r != "." && r != "/"; r = path.Dir(r) {
		if what, ok := e.secrets[r]; ok {
			return what
		}
	}
	return ""
}

// scriptExtensions are the extensions of server-side scripts: a web
// server runs them and never sends their text, which may hold a
// database's password (a WordPress blog's wp-config.php). Code a static
// site offers as text (.py, .sh, .rb) is served, as on the web.
var scriptExtensions = []string{".php", ".php3", ".php4", ".php5", ".php7", ".php8", ".phtml", ".phar",
	".cgi", ".fcgi", ".pl", ".asp", ".aspx", ".ashx", ".asmx", ".jsp", ".jspx", ".cfm"}

// databaseExtensions are the extensions of databases and their dumps
// (an old blog's SQL export, with its users' password hashes).
var databaseExtensions = []string{".sql", ".sqlite", ".sqlite3", ".db", ".mdb", ".dump"}

// backupExtensions are the extensions of backup copies, whose original
// (wp-config.php.bak) may be one of the above.
var backupExtensions = []string{".bak", ".backup", ".orig", ".swp"}

// passwordStoreExtensions are the extensions of password managers'
// files (KeePass, Password Safe, macOS keychains): encrypted, but one
// served can be attacked offline, forever.
var passwordStoreExtensions = []string{".kdbx", ".kdb", ".psafe3", ".keychain", ".keychain-db", ".opvault", ".agilekeychain"}

// passwordFileNames are names of files of passwords or their hashes,
// with no telling extension (Apache's htpasswd, kept without its dot).
var passwordFileNames = []string{"htpasswd", "passwd", "shadow", "credentials", "netrc", "_netrc", "pgpass"}

// secretFileProblem says why a file beside the posts, by its name, is a
// secret (see secretExtensions, scriptExtensions, databaseExtensions,
// backupExtensions), or is "".
func secretFileProblem(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case slices.Contains(secretExtensions, ext):
		return "a certificate or key file (" + ext + "): never served; keep keys and certificates out of the posts folder"
	case slices.Contains(scriptExtensions, ext):
		return "a server-side script (" + ext + "): never served (a web server runs it and never sends its text, which may hold a password)"
	case slices.Contains(databaseExtensions, ext):
		return "a database or its dump (" + ext + "): never served"
	case slices.Contains(backupExtensions, ext) || strings.HasSuffix(name, "~"):
		return "a backup (" + cmp.Or(ext, "~") + "): never served"
	case slices.Contains(passwordStoreExtensions, ext):
		return "a password manager's file (" + ext + "): never served"
	case slices.Contains(passwordFileNames, strings.ToLower(filepath.Base(name))):
		return "a file of passwords or their hashes (" + filepath.Base(name) + "): never served"
	}
	return ""
}

// maxPEMLabel bounds the type of a PEM block privateKeyBlock reads after
// "-----BEGIN ": the longest real one, "ENCRYPTED PRIVATE KEY" or "PGP
// PRIVATE KEY BLOCK", is under 30 bytes.
const maxPEMLabel = 64

// secretBytes is why s's bytes make it a secret, never served, or ""
// (privateKeyBlock, credentialKey), looked for once for the bytes a file
// holds: a source taken from the previous load takes the answer with the
// bytes (a file's whole bytes looked through at every reload were a
// quarter of a reload with nothing changed, on a blog of 110 posts and
// 264 images).
func (s *source) secretBytes() string {
	if !s.keyScanned {
		if s.reused && s.from != nil && s.from.keyScanned {
			s.key = s.from.key
		} else if kind := keyScan(s.data); kind != "" {
			s.key = fmt.Sprintf("holds a private key (a PEM block %q): never served; keep keys out of the posts folder", kind)
		} else if key := credentialKey(s.path, s.data); key != "" {
			s.key = fmt.Sprintf("a configuration file that seems to hold a credential (%s is given a value): never served; keep credentials out of the posts folder", key)
		} else if kind := keyIn(gunzipped(s.path, s.data)); kind != "" {
			s.key = fmt.Sprintf("a gzip file holding a private key (a PEM block %q): never served; keep keys out of the posts folder", kind)
		}
		s.keyScanned = true
	}
	return s.key
}

// keyScan is keyIn; tests count its calls.
var keyScan = keyIn

// keyIn is privateKeyBlock of data, or "PRIVATE KEY, in UTF-16" when
// data holds a PEM key saved in UTF-16.
func keyIn(data []byte) string {
	if kind := privateKeyBlock(data); kind != "" {
		return kind
	}
	for _, k := range privateKeyUTF16 {
		if bytes.Contains(data, k) {
			return "PRIVATE KEY, in UTF-16"
		}
	}
	return ""
}

// privateKeyBlock returns the type of the first PEM block in data whose
// type holds "PRIVATE KEY", or "". It reads data once.
func privateKeyBlock(data []byte) string {
	begin := []byte("-----BEGIN ")
	for rest := data; ; {
		i := bytes.Index(rest, begin)
		if i < 0 {
			return ""
		}
		rest = rest[i+len(begin):]
		label := rest[:min(len(rest), maxPEMLabel+5)]
		if end := bytes.Index(label, []byte("-----")); end >= 0 {
			if l := label[:end]; bytes.Contains(l, []byte("PRIVATE KEY")) && bytes.IndexByte(l, '\n') < 0 {
				return string(l)
			}
		}
	}
}

// privateKeyUTF16 is "PRIVATE KEY-----" in UTF-16, little- and
// big-endian: a PEM key saved by a Windows editor as "Unicode" is a key
// still, which privateKeyBlock's UTF-8 search does not see.
var privateKeyUTF16 = [2][]byte{utf16Bytes("PRIVATE KEY-----", false), utf16Bytes("PRIVATE KEY-----", true)}

func utf16Bytes(s string, bigEndian bool) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := range len(s) {
		if bigEndian {
			b = append(b, 0, s[i])
		} else {
			b = append(b, s[i], 0)
		}
	}
	return b
}

// maxGunzipped bounds what gunzipped decompresses of one file: a key
// file is a few KiB, and a gzip bomb (a few KiB that decompress to
// GiB) must cost no more than this.
const maxGunzipped = 1 << 20

// gunzipped is the start of a .gz file's contents, at most maxGunzipped
// bytes, for keyScan: key.pem.gz is a key still. nil for any other file,
// or one that is not gzip. Other archives (.zip, .tar) are not opened.
func gunzipped(path string, data []byte) []byte {
	if !hasExt(path, ".gz") && !hasExt(path, ".tgz") {
		return nil
	}
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(r, maxGunzipped))
	return out
}

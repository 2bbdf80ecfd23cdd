package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// astroSrc says where an Astro site's Markdown images inside its src/
// folder are: Astro processes and publishes an image a post gives by a
// path relative to the post (../../assets/a.png) or through an import
// alias of the project's tsconfig.json (compilerOptions.paths, "@/*":
// ["src/*"]: @/assets/a.png), in its text or as its front matter's
// image (Post.Hero). Such a file is served at its path in the
// project, /src/assets/a.png: no file of public/ (served at the top)
// nor beside the posts (src/content/...) has it. Only the files
// published posts link are served, never the rest of src/ (code,
// configuration).
type astroSrc struct {
	content string       // the posts folder from the project's root, with slashes: src/content
	aliases []astroAlias // tsconfig.json's, longest prefix first
}

// same reports whether a and b read links alike.
func (a *astroSrc) same(b *astroSrc) bool {
	return a == b || a != nil && b != nil && a.content == b.content && slices.Equal(a.aliases, b.aliases)
}

// astroAlias is one of tsconfig.json's paths: "@/*": ["src/*"] is
// prefix "@/", target "src".
type astroAlias struct {
	prefix, target string
	// exact: the alias is of one module ("@utils": ["src/utils"]),
	// prefix the whole of what it imports.
	exact bool
}

// of is what spec imports through the alias (a path from the project's
// root), ok false when it is not the alias's.
func (al astroAlias) of(spec string) (string, bool) {
	if al.exact {
		return al.target, spec == al.prefix
	}
	rest, ok := strings.CutPrefix(spec, al.prefix)
	if !ok {
		return "", false
	}
	return path.Join(al.target, rest), true
}

// astroImageExts are the image formats Astro's image service processes.
var astroImageExts = []string{".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif", ".tif", ".tiff"}

// file is the path in the project (src/assets/a.png) of the image dest
// (a link's path, without query or fragment) given in a post of folder
// dir (relative to the posts folder), when it is inside src/ and outside
// the posts folder; "" otherwise.
func (a *astroSrc) file(dir, dest string) string {
	if a == nil || dest == "" || strings.HasPrefix(dest, "/") || hasURLScheme(dest) {
		return ""
	}
	var p string
	for _, al := range a.aliases {
		if t, ok := al.of(dest); ok {
			p = t
			break
		}
	}
	if p == "" {
		p = path.Join(a.content, dir, dest)
	}
	if !strings.HasPrefix(p, "src/") || strings.HasPrefix(p, a.content+"/") {
		return ""
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." || strings.HasPrefix(part, ".") || editorLeftover(part) {
			return ""
		}
	}
	return p
}

// AstroSrcFile is the path at which an Astro site serves the image a
// post in folder dir (Post.Dir) links as dest (a path, unescaped) from
// its src/ folder (astroSrc), "" when it links none.
func (c *Content) AstroSrcFile(dir, dest string) string {
	if c == nil || c.astroSrc == nil || !slices.Contains(astroImageExts, strings.ToLower(path.Ext(dest))) {
		return ""
	}
	return c.astroSrc.file(dir, dest)
}

// hasURLScheme reports whether s starts with a URL scheme (https:).
func hasURLScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		ch := s[j]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || j > 0 && (ch >= '0' && ch <= '9' || ch == '+' || ch == '-' || ch == '.')) {
			return false
		}
	}
	return true
}

// newAstroSrc is an Astro site's astroSrc, its aliases read from its
// tsconfig.json (at most maxConfigSize bytes; comments and trailing
// commas allowed, as TypeScript takes them).
func newAstroSrc(root, content string) *astroSrc {
	rel, err := filepath.Rel(root, content)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return nil
	}
	return &astroSrc{content: filepath.ToSlash(rel), aliases: astroAliases(root)}
}

// astroAliases are the import aliases of the tsconfig.json of the
// project at root that lead inside its src/, longest prefix first (the
// file read up to maxConfigSize bytes; comments and trailing commas
// allowed, as TypeScript takes them).
func astroAliases(root string) []astroAlias {
	b, err := readSmall(filepath.Join(root, "tsconfig.json"))
	if err != nil {
		return nil
	}
	var cfg struct {
		CompilerOptions struct {
			BaseURL string              `json:"baseUrl"`
			Paths   map[string][]string `json:"paths"`
		} `json:"compilerOptions"`
	}
	if json.Unmarshal(jsonc(b), &cfg) != nil {
		return nil
	}
	var aliases []astroAlias
	base := path.Clean(strings.ReplaceAll(cfg.CompilerOptions.BaseURL, `\`, "/"))
	for pat, targets := range cfg.CompilerOptions.Paths {
		prefix, ok := strings.CutSuffix(pat, "*")
		if len(targets) == 0 || prefix == "" || strings.Contains(prefix, "*") {
			continue
		}
		t, tok := strings.CutSuffix(targets[0], "*")
		if ok != tok || strings.Contains(t, "*") {
			continue
		}
		target := path.Join(base, t)
		if target != "src" && !strings.HasPrefix(target, "src/") {
			continue // outside src/: not served
		}
		aliases = append(aliases, astroAlias{prefix: prefix, target: target, exact: !ok})
	}
	slices.SortFunc(aliases, func(x, y astroAlias) int {
		if d := len(y.prefix) - len(x.prefix); d != 0 {
			return d
		}
		return strings.Compare(x.prefix, y.prefix)
	})
	return aliases
}

// jsonc is b, JSON with comments (// and /* */) and trailing commas, as
// JSON: comments and those commas become spaces.
func jsonc(b []byte) []byte {
	out := bytes.Clone(b)
	inString := false
	for i := 0; i < len(out); i++ {
		ch := out[i]
		switch {
		case inString:
			if ch == '\\' {
				i++
			} else if ch == '"' {
				inString = false
			}
		case ch == '"':
			inString = true
		case ch == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case ch == '/' && i+1 < len(out) && out[i+1] == '*':
			j := bytes.Index(out[i+2:], []byte("*/"))
			end := len(out)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			for k := i; k < end; k++ {
				if out[k] != '\n' {
					out[k] = ' '
				}
			}
			i = end - 1
		case ch == ',':
			j := i + 1
			for j < len(out) && (out[j] == ' ' || out[j] == '\t' || out[j] == '\n' || out[j] == '\r') {
				j++
			}
			if j < len(out) && (out[j] == '}' || out[j] == ']') {
				out[i] = ' '
			}
		}
	}
	return out
}

// markdownImage finds a Markdown image's destination: ![alt](dest "title").
var markdownImage = regexp.MustCompile(`!\[(?:[^\]\\\n]|\\.)*\]\(\s*(?:<([^>\n]+)>|([^\s)]+))`)

// referenceImage finds a reference-style Markdown image: ![alt][label]
// (group 2 its label), ![label][] or ![label] (group 1); one followed
// by "(" is an inline image, which markdownImage reads.
var referenceImage = regexp.MustCompile(`!\[((?:[^\]\\\n]|\\.)*)\](?:\[((?:[^\]\\\n]|\\.)*)\])?`)

// linkDefinition finds a link reference definition, [label]: dest
// "title", at a line's start (up to three spaces in): its label, its
// destination (<…> or a run of non-spaces).
var linkDefinition = regexp.MustCompile(`(?m)^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*\n?[ \t]*(?:<([^>\n]+)>|(\S+))`)

// referenceLabel is a label as Markdown matches it: case and runs of
// spaces aside.
func referenceLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// image is the path in the project of the image in src/ that a post of
// folder dir gives as dest, a link's destination as written (its query
// and fragment dropped, %-escapes read, as the link check reads it); ""
// when it gives none.
func (a *astroSrc) image(dir, dest string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	if !slices.Contains(astroImageExts, strings.ToLower(path.Ext(dest))) {
		return ""
	}
	return a.file(dir, dest)
}

// srcImages are the paths in the project of the images in src/ that
// body, a post's Markdown in folder dir, gives, as Astro collects them
// (remark-collect-images): inline ![alt](dest) and reference-style
// ![alt][label] images with a definition ([label]: ../../assets/a.png).
// A scan of its text: an image written in a code block counts too. An
// HTML <img src="…"> is not one: Astro publishes no file of src/ for it
// (its link stays dead on the web site, and is said dead here).
func (a *astroSrc) srcImages(dir string, body []byte) []string {
	if a == nil || !bytes.Contains(body, []byte("![")) {
		return nil
	}
	var out []string
	add := func(dest string) {
		if p := a.image(dir, dest); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, m := range markdownImage.FindAllSubmatch(body, -1) {
		dest := string(m[1])
		if dest == "" {
			dest = string(m[2])
		}
		add(dest)
	}
	if !bytes.Contains(body, []byte("]:")) {
		return out
	}
	// The labels images use, then the definitions of those: the first
	// of a label is its, as Markdown takes it. Both are as many as the
	// text's bytes allow, the post's own cap (max_post_size).
	used := make(map[string]bool)
	for _, m := range referenceImage.FindAllSubmatchIndex(body, -1) {
		if m[4] < 0 && m[1] < len(body) && body[m[1]] == '(' {
			continue // an inline image
		}
		label := ""
		if m[4] >= 0 {
			label = string(body[m[4]:m[5]])
		}
		if label == "" {
			label = string(body[m[2]:m[3]]) // ![label][] and ![label]
		}
		if l := referenceLabel(label); l != "" {
			used[l] = true
		}
	}
	if len(used) == 0 {
		return out
	}
	defined := make(map[string]bool)
	for _, m := range linkDefinition.FindAllSubmatch(body, -1) {
		l := referenceLabel(string(m[1]))
		if !used[l] || defined[l] {
			continue
		}
		defined[l] = true
		dest := string(m[2])
		if dest == "" {
			dest = string(m[3])
		}
		add(dest)
	}
	return out
}

// astroSrcFiles are the files of src/ that the posts link (srcImages),
// but those at a path in taken: public, when a post served to all links
// it, else draft (its author's, at /drafts/), when a draft, scheduled or
// expired post does. Each is looked at as a file beside the posts is:
// never a symbolic link, a hidden file, a secret or what exclude
// matches, within the caps on one file and on all (total); one over a
// cap is named in a warning, never a problem that stops a start.
func (c *Content) astroSrcFiles(f folder, opts LoadOptions, maxFile, maxTotal int64, total *int64, taken map[string]bool) (public, draft []besideFile, warns []*FileError) {
	a := c.astroSrc
	if a == nil {
		return
	}
	state := map[string]fileState{}
	var order []string
	var prev *loadCache
	if opts.Previous != nil && a.same(opts.Previous.astroSrc) {
		prev = opts.Previous.cache
	}
	note := func(list []*Post, st fileState) {
		for _, p := range list {
			imgs := c.cache.srcImagesOf(prev, a, p)
			// The front matter's image (AstroWind's image:
			// ~/assets/images/x.jpg, the image() schema's heroImage:
			// ../../assets/x.png), which Astro resolves as the text's
			// images, through the same aliases, and publishes: the
			// page's first image (Post.Hero).
			if h := a.image(p.Dir, p.Hero.URL); h != "" && !slices.Contains(imgs, h) {
				imgs = append(slices.Clip(imgs), h)
			}
			for _, img := range imgs {
				old, seen := state[img]
				if !seen {
					order = append(order, img)
				}
				if !seen || st < old {
					state[img] = st
				}
			}
		}
	}
	for _, l := range [][]*Post{c.Posts, c.Pages, c.Unlisted} {
		note(l, filePublic)
	}
	for _, l := range [][]*Post{c.Drafts, c.Scheduled, c.Expired} {
		note(l, fileDraft)
	}
	if len(order) == 0 {
		return
	}
	slices.Sort(order)
	srcDir := filepath.Join(f.root, "src")
	root := realPath(srcDir)
	ex, _, err := newExcluder(srcDir, root, opts.Secrets, opts.Exclude, nil)
	if err != nil {
		return
	}
	over, overBytes, overFirst := 0, int64(0), ""
	defer func() {
		if over > 0 {
			warns = append(warns, &FileError{File: overFirst, Kind: "images over max_files_total", Msg: fmt.Sprintf(
				"%s in src/ that posts link (%d bytes) not served: they would bring the files beside the posts over the %d-byte limit (max_files_total); raise it to serve them",
				count(over, "image"), overBytes, maxTotal)})
		}
	}()
	for _, rel := range order {
		if taken[rel] {
			continue
		}
		inSrc := strings.TrimPrefix(rel, "src/")
		p := filepath.Join(srcDir, filepath.FromSlash(inSrc))
		info, err := os.Lstat(p)
		if err != nil {
			continue // the link check says it is dead
		}
		skipped := false
		for r := inSrc; r != "." && !skipped; r = path.Dir(r) {
			skipped = ex.skip(r, r != inSrc)
		}
		switch {
		case skipped:
			continue
		case info.Mode()&os.ModeSymlink != 0, realPath(p) != filepath.Join(root, filepath.FromSlash(inSrc)):
			warns = append(warns, &FileError{File: p, Msg: "symbolic link in src/ that a post links: not served", Kind: kindLinkNotFollowed})
			continue
		case !info.Mode().IsRegular():
			warns = append(warns, notRegularFile(p))
			continue
		}
		if what := ex.secretTarget(filepath.Join(root, filepath.FromSlash(inSrc))); what != "" {
			warns = append(warns, &FileError{File: p, Msg: what + ": never served", Kind: kindSecret})
			continue
		}
		if why := secretFileProblem(info.Name()); why != "" {
			warns = append(warns, &FileError{File: p, Msg: why, Kind: kindSecret})
			continue
		}
		if info.Size() > maxFile {
			// A warning, not the problem it is beside the posts: before
			// such images were served, their blog started with these
			// links dead, and one photo over the cap must not stop it
			// now (as for the total, below).
			w := overFileSize(p, info.Size(), maxFile)
			w.Msg, w.Kind = "an image a post links: "+w.Msg+": not served", "image over max_file_size"
			warns = append(warns, w)
			continue
		}
		if *total+info.Size() > maxTotal {
			// Not served, and named in one warning: before they were
			// served, such a blog started with these links dead; their
			// bytes over the cap must not stop its start now (a
			// Japanese diary's 366 MB of photos, over the 256 MiB).
			over, overBytes = over+1, overBytes+info.Size()
			if overFirst == "" {
				overFirst = p
			}
			continue
		}
		*total += info.Size()
		src := &source{path: p, limit: maxFile, what: besideWhat}
		src.seen, src.inspected = stampOf(info)
		b := besideFile{rel: rel, src: src}
		if state[rel] == filePublic {
			public = append(public, b)
		} else {
			draft = append(draft, b)
		}
	}
	return
}

// srcImagesMemo is the images in src/ a post links (astroSrc.srcImages),
// with the hash of the text and the folder they were found in.
type srcImagesMemo struct {
	hash uint64
	dir  string
	imgs []string
}

// srcImagesOf is a.srcImages(p.Dir, p's text): prev's for p's file when
// its text and folder are the same (prev is nil when the site reads its
// links otherwise: another tsconfig.json), else read now, p's text read
// again from its file if the load forgot it. c keeps it for the next
// load: a reload read every post's file to look for images again (1,507
// on machu/diary).
func (c *loadCache) srcImagesOf(prev *loadCache, a *astroSrc, p *Post) []string {
	if prev != nil && p.BodyHash != 0 {
		if m, ok := prev.srcImages[p.File]; ok && m.hash == p.BodyHash && m.dir == p.Dir {
			c.keepSrcImages(p.File, m)
			return m.imgs
		}
	}
	body := p.Body
	if body == nil && p.BodyHash != 0 {
		if ReadBody(p) == nil {
			body, p.Body = p.Body, nil
		}
	}
	m := srcImagesMemo{hash: p.BodyHash, dir: p.Dir, imgs: a.srcImages(p.Dir, body)}
	if p.BodyHash != 0 {
		c.keepSrcImages(p.File, m)
	}
	return m.imgs
}

func (c *loadCache) keepSrcImages(file string, m srcImagesMemo) {
	if c == nil {
		return
	}
	if c.srcImages == nil {
		c.srcImages = make(map[string]srcImagesMemo)
	}
	c.srcImages[file] = m
}

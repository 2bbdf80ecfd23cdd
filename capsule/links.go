package capsule

import (
	"capsule/capsule/content"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// postLinks finds which link destinations name another post, a page or a
// file beside the posts. Authors write links to posts as they see the
// files (`2017-05-03-hello-again.md`) or as the capsule shows them
// (`/posts/hello-again`, `/posts/hello-again.gmi`), and links to files by
// their path in the posts folder (`images/aikido.jpg`).
type postLinks struct {
	byFile map[string]*content.Post // file base name → post
	bySlug map[string]*content.Post
	files  map[string]bool // paths of the files beside the posts
}

func newPostLinks(posts []*content.Post, files []content.File) *postLinks {
	l := &postLinks{byFile: make(map[string]*content.Post), bySlug: make(map[string]*content.Post), files: make(map[string]bool)}
	for _, p := range posts {
		l.byFile[path.Base(strings.ReplaceAll(p.File, "\\", "/"))] = p
		l.bySlug[p.Slug] = p
	}
	for _, f := range files {
		l.files[f.Path] = true
	}
	return l
}

// resolveFile reports whether dest is a relative reference and, if it names
// a file beside the posts, which (its path in the posts folder). A relative
// path is looked for beside the post first (dir: a Hugo page bundle's
// images, "cover.jpg"), then from the top of the posts folder
// ("images/aikido.jpg", as capsule's own posts write it).
func (l *postLinks) resolveFile(dest, dir string) (file string, relative bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return "", false
	}
	if dir != "" && !strings.HasPrefix(u.Path, "/") {
		if p := strings.TrimPrefix(path.Clean("/"+dir+"/"+u.Path), "/"); l.files[p] {
			return p, true
		}
	}
	p := strings.TrimPrefix(path.Clean("/"+u.Path), "/")
	if l.files[p] {
		return p, true
	}
	return "", true
}

// resolve reports whether dest is meant as a link to a post and, if so,
// which post (nil when it does not exist). Destinations with a scheme or a
// host are never post links.
func (l *postLinks) resolve(dest string) (p *content.Post, isPostLink bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return nil, false
	}
	clean := path.Clean(u.Path)
	base := path.Base(clean)
	switch {
	case strings.HasSuffix(strings.ToLower(base), ".md"):
		if p := l.byFile[base]; p != nil {
			return p, true
		}
		return l.bySlug[strings.TrimSuffix(base, path.Ext(base))], true
	case strings.HasPrefix(clean, "/posts/"):
		slug := strings.TrimPrefix(clean, "/posts/")
		for _, ext := range []string{".gmi", ".txt"} {
			slug = strings.TrimSuffix(slug, ext)
		}
		return l.bySlug[slug], true
	}
	return nil, false
}

// unsafeSchemes are link schemes a reader's client may act on by itself:
// scripts (javascript:, vbscript:), inline documents that can carry
// scripts (data:), and files on the reader's own machine (file:). A Gopher
// "URL:" item or a Gemini link to one would hand it to a browser.
var unsafeSchemes = []string{"javascript", "vbscript", "data", "file"}

// unsafeLink reports whether dest uses one of unsafeSchemes. Browsers drop
// whitespace and control characters inside a scheme ("java\tscript:"), so
// this looks at the scheme without them, in any case.
func unsafeLink(dest string) bool {
	scheme := linkScheme(dest)
	for _, s := range unsafeSchemes {
		if strings.EqualFold(scheme, s) {
			return true
		}
	}
	return false
}

// linkScheme is the scheme of dest, with the bytes a browser would drop
// from it left out; empty for a relative reference.
func linkScheme(dest string) string {
	var b strings.Builder
	for i := 0; i < len(dest) && b.Len() < 16; i++ {
		switch c := dest[i]; {
		case c <= ' ' || c == 0x7f:
			continue
		case c == ':':
			return b.String()
		case 'a' <= c|0x20 && c|0x20 <= 'z', b.Len() > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
			b.WriteByte(c)
		default:
			return ""
		}
	}
	return ""
}

// rewriter returns a link rewriter for a renderer of post from: links to existing posts
// and pages become target(post), links to files fileTarget(path), unsafe
// links "" (the renderer keeps their text and offers no link); everything
// else is kept.
func (l *postLinks) rewriter(from *content.Post, target func(*content.Post) string, fileTarget func(string) string) func(string) string {
	return func(dest string) string {
		if unsafeLink(dest) {
			return "" // not offered; check warns
		}
		if strings.HasPrefix(dest, "#") {
			return "" // a place on the same web page: nothing to follow here
		}
		if p, ok := l.resolve(dest); ok && p != nil {
			return target(p)
		}
		if f, _ := l.resolveFile(dest, from.Dir); f != "" {
			return fileTarget(f)
		}
		return dest
	}
}

// check warns, with file and line, about every link in p (parsed as doc)
// that names a post that does not exist (or is a draft). seen is told of
// every destination looked at.
func (l *postLinks) check(p *content.Post, doc ast.Node, seen func(dest string)) []*content.FileError {
	var warns content.Warnings // bounded per kind: a post may hold 140,000 dead links
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch n := n.(type) {
		case *ast.Link:
			dest = string(n.Destination)
		case *ast.Image:
			dest = string(n.Destination)
		case *ast.AutoLink:
			dest = string(n.URL(p.Body))
		default:
			return ast.WalkContinue, nil
		}
		seen(dest)
		line := func() int { return p.Line(blockOffset(n)) }
		if unsafeLink(dest) {
			warns.Add("unsafe link", p.File, line, func() string {
				return "link not offered to readers (a " + linkScheme(dest) + ": link runs in or reads from the reader's machine; its text is kept): " + dest
			})
			return ast.WalkContinue, nil
		}
		if target, ok := l.resolve(dest); ok && target == nil {
			warns.Add("dead post link", p.File, line, func() string { return "link to a post that does not exist: " + dest })
		} else if !ok {
			if f, relative := l.resolveFile(dest, p.Dir); relative && f == "" {
				warns.Add("dead file link", p.File, line, func() string { return "link to a file that does not exist: " + dest })
			}
		}
		return ast.WalkContinue, nil
	})
	return warns.List()
}

// blockOffset is the offset in the source of the block that holds n: inline
// nodes carry no position of their own.
func blockOffset(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

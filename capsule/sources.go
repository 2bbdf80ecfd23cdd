package capsule

import (
	"bytes"
	"crypto/x509"
	"slices"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/gemtext"
)

// A post's source is its Markdown file, which its author edits from a
// Gemini client when the site takes uploads (Site.Titan): read at
// /drafts/source/<address>, uploaded over Titan to the same address or
// to <address> alone, where <address> is the post's page's with ".md"
// for ".gmi" (/posts/hello.md, /en/posts/hello.md, /about.md). The
// Store only knows which file each address is; reading and writing the
// files is the daemon's.
const sourcesPath = draftsPath + "source"

// sourceAddress is the address of p's source, without sourcesPath.
func sourceAddress(p *content.Post) string { return postDir(p) + p.Slug + ".md" }

// source is a post's source as the Store knows it.
type source struct {
	file  string // the post's File
	page  string // its Gemini page: its own, or its draft page for its author
	title string
	draft bool // among the drafts (draft, scheduled, expired)
}

// sourcesOf are the sources of every post with a page, by address; a
// post's source that another's already has (two languages' posts of one
// slug in one folder cannot; a page and a post can) is left out.
func sourcesOf(c *content.Content) map[string]source {
	out := map[string]source{}
	add := func(posts []*content.Post, draft bool) {
		for _, p := range posts {
			a := sourceAddress(p)
			if _, ok := out[a]; ok {
				continue
			}
			page := postGeminiPath(p)
			if draft {
				page = draftGeminiPath(p)
			}
			out[a] = source{file: p.File, page: page, title: p.Title, draft: draft}
		}
	}
	add(c.Posts, false)
	add(c.Pages, false)
	add(c.Unlisted, false)
	add(c.Drafts, true)
	add(c.Scheduled, true)
	add(c.Expired, true)
	return out
}

// SourceFile is the file of the post whose source address is addr
// (/posts/hello.md, or the same under /drafts/source), when the site
// takes uploads and has that post.
func (s *Store) SourceFile(addr string) (file string, ok bool) {
	src, ok := s.sources[strings.TrimPrefix(addr, sourcesPath)]
	return src.file, ok
}

// MayBeSource reports whether a Gemini request line may ask for a
// source, cheaply, over-approximating as MayNeedCertificate does: one
// asked for in an encoded form gets the drafts' 51.
func MayBeSource(line []byte) bool { return bytes.Contains(line, []byte(sourcesPath)) }

// IsSourcePath reports whether a Gemini path is a source's address
// under /drafts/source/.
func IsSourcePath(path string) bool { return strings.HasPrefix(path, sourcesPath+"/") }

// PageOf is the Gemini path of the page of the post in file, when s has
// it and serves it: its own, or its draft page. (A post can be loaded
// and have no page: a theme's layout stub with no text.)
func (s *Store) PageOf(file string) (string, bool) {
	for _, src := range s.sources {
		if src.file != file {
			continue
		}
		if s.gemini[src.page] == nil && s.drafts[src.page] == nil {
			return "", false
		}
		return src.page, true
	}
	return "", false
}

// FileAddress is the Gemini path at which s serves the file rel of the
// posts folder (slash-separated) with data as its body: /rel to all, or
// /drafts/rel to the authors when it is a draft's. A page or a file of
// capsule's own at that address (/atom.xml, /robots.txt), which a file
// of the folder does not displace, is not the file.
func (s *Store) FileAddress(rel string, data []byte) (string, bool) {
	for _, addr := range []string{"/" + rel, draftFilePath(rel)} {
		r := s.gemini[addr]
		if addr != "/"+rel {
			r = s.drafts[addr]
		}
		if r != nil && r.Status == gemini.StatusSuccess && r.BodyIs(data) {
			return addr, true
		}
	}
	return "", false
}

// RefuseAuthor is what refuses a client showing cert (nil: none) what is
// for the site's authors only, the drafts' answers: 60 without a
// certificate, 61 with one that is not an author's; nil for an author.
func (s *Store) RefuseAuthor(cert *x509.Certificate) *gemini.Response {
	switch {
	case cert == nil:
		return s.draftsCertRequired
	case !s.Site.isAuthor(cert):
		return s.draftsNotAuthorized
	}
	return nil
}

// RefuseHost is the 53 that refuses a request for host and port when s
// does not serve them; nil when it does.
func (s *Store) RefuseHost(host string, port int) *gemini.Response {
	if s.Site.ServesGemini(host, port) {
		return nil
	}
	return s.geminiWrongHost
}

// NotFound is the 51 of every address s does not serve.
func (s *Store) NotFound() *gemini.Response { return s.geminiNotFound }

// sourcesIndex adds the sources to the drafts' index page: drafts first,
// then the posts and pages by address.
func sourcesIndex(pg *gemtext.Page, heading string, sources map[string]source) {
	addrs := make([]string, 0, len(sources))
	for a := range sources {
		addrs = append(addrs, a)
	}
	slices.SortFunc(addrs, func(a, b string) int {
		if da, db := sources[a].draft, sources[b].draft; da != db {
			if da {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	pg.Blank()
	pg.Heading(2, heading)
	pg.Blank()
	for _, a := range addrs {
		pg.Link(sourcesPath+fileLink(a[1:]), a[1:]+" · "+sources[a].title)
	}
}

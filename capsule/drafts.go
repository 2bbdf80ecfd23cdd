package capsule

import (
	"bytes"
	"crypto/x509"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/tlscert"
	"capsule/gemtext"

	"github.com/yuin/goldmark"
)

// Drafts are for their author only: Gemini pages under draftsPath, served
// to a client that shows one of the site's authors' certificates
// (Site.Authors), and nowhere else: not on the home page, tags, archive,
// feeds or search, never on Gopher. The certificate is only compared by
// its fingerprint, never trusted for anything else.
const (
	draftsDir  = "/drafts"
	draftsPath = draftsDir + "/"
)

func draftGeminiPath(p *content.Post) string { return draftsPath + p.Slug + ".gmi" }
func draftGeminiLink(p *content.Post) string { return draftsPath + escapeSlug(p.Slug) + ".gmi" }

// A file of a draft's page bundle (posts/secret/cover.png) is its
// author's too, at /drafts/posts/secret/cover.png, until the post is
// published; then it is at /posts/secret/cover.png, for all, from the
// same build. A bundle's file always lies in a folder, and a slug holds
// no "/": a file's path under draftsPath is never a draft's page.
func draftFilePath(file string) string { return draftsPath + file }

// draftFileLink is the link to a draft's file, percent-encoded as
// fileLink is.
func draftFileLink(file string) string { return fileLink(draftFilePath(file)[1:]) }

// NormalizeFingerprint is a certificate fingerprint as Site.Authors holds
// it: upper-case hex pairs joined by colons, whether written so, in lower
// case or without colons.
func NormalizeFingerprint(s string) string {
	hex := strings.ToUpper(strings.NewReplacer(":", "", " ", "").Replace(strings.TrimSpace(s)))
	var b strings.Builder
	for i := 0; i+1 < len(hex); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(hex[i : i+2])
	}
	return b.String()
}

// isAuthor reports whether cert is one of the site's authors'.
func (s *Site) isAuthor(cert *x509.Certificate) bool {
	if cert == nil {
		return false
	}
	fp := tlscert.FingerprintDER(cert.Raw)
	for _, a := range s.Authors {
		if NormalizeFingerprint(a) == fp {
			return true
		}
	}
	return false
}

// renderDraft renders a draft's page, its links rewritten by link (as in
// a post, except that links to drafts and their files lead to them under
// draftsPath) and traced in trace; mark is its byline's mark (a draft, an
// expired post). Nothing published links to a draft.
func (b *blog) renderDraft(p *content.Post, mark string, md goldmark.Markdown, link func(string) string, trace *linkTrace) renderedEntry {
	doc := parsePost(md, p, nil, b.site)
	var body bytes.Buffer
	if err := gemtext.Render(&body, doc.Source, doc.Root, gemtext.Options{Link: trace.wrap(link)}); err != nil {
		return renderedEntry{err: err}
	}
	msg := b.site.Messages
	var pg gemtext.Page
	pg.Heading(1, p.Title)
	pg.Blank()
	byline := mark
	if s := postByline(p); s != "" {
		byline += " · " + s
	}
	pg.Text(byline)
	pg.Blank()
	pg.Gemtext(body.Bytes())
	pg.Blank()
	pg.Link(draftsPath, msg.Drafts)
	pg.Link("/", b.site.Title)
	// A draft is never retitled (a new title renders the drafts anew):
	// its page has no tail of its own.
	page := geminiPage(p.Lang, pg.Bytes())
	return renderedEntry{gmi: page, tailAt: len(page.Raw)}
}

// draftPages are the drafts' pages, rendered (those that failed left
// out: the build fails), and their index, by path under draftsPath; the
// index lists sources too, when the site takes uploads. The index tells
// a scheduled or expired post by its mark (when it publishes), as its
// page's byline does: listed as the drafts are, it looked like one.
func (b *blog) draftPages(drafts []*content.Post, rendered []renderedEntry, sources map[string]source, mark func(*content.Post) string) map[string]*gemini.Response {
	out := make(map[string]*gemini.Response, len(drafts)+1)
	msg := b.site.Messages
	var index gemtext.Page
	index.Heading(1, msg.Drafts+": "+b.site.Title)
	index.Blank()
	for i, p := range drafts {
		if rendered[i].err != nil {
			continue
		}
		out[draftGeminiPath(p)] = rendered[i].gmi
		label := strings.TrimSpace(postDate(p) + " " + p.Title)
		if m := mark(p); m != "" {
			label += " (" + m + ")"
		}
		index.Link(draftGeminiLink(p), label)
	}
	if len(drafts) == 0 {
		index.Text(msg.NoDrafts)
	}
	if b.site.Titan {
		sourcesIndex(&index, msg.Sources, sources)
	}
	index.Blank()
	index.Link("/", b.site.Title)
	out[draftsPath] = geminiPage(b.site.Lang, index.Bytes())
	return out
}

// geminiDraft answers a request under draftsPath: 60 without a client
// certificate, 61 with one that is not an author's, the draft otherwise.
func (st *Store) geminiDraft(path string, cert *x509.Certificate) *gemini.Response {
	if refused := st.RefuseAuthor(cert); refused != nil {
		return refused
	}
	if resp, ok := st.drafts[path]; ok {
		return resp
	}
	if path == draftsDir {
		return st.draftsRedirect
	}
	return st.geminiNotFound
}

// isDraftPath reports whether path is under draftsPath (or is it without
// its slash). It takes the serving path's bytes as they are: converting
// them to a string would allocate per request.
func isDraftPath[T string | []byte](path T) bool {
	return len(path) >= len(draftsDir) && string(path[:len(draftsDir)]) == draftsDir &&
		(len(path) == len(draftsDir) || path[len(draftsDir)] == '/')
}

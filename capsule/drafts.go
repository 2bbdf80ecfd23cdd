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
	"github.com/yuin/goldmark/text"
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

// buildDrafts renders the drafts' pages and their index. Links in a draft
// resolve as in a post, except that links to drafts and their files lead
// to them under draftsPath; nothing published links to a draft. mark is
// a draft's byline mark: expired posts are told from drafts.
func (b *blog) buildDrafts(drafts []*content.Post, mark func(*content.Post) string, md goldmark.Markdown, links *postLinks) (map[string]*gemini.Response, []*content.FileError) {
	out := make(map[string]*gemini.Response, len(drafts)+1)
	var errs []*content.FileError
	msg := b.site.Messages
	var index gemtext.Page
	index.Heading(1, msg.Drafts+": "+b.site.Title)
	index.Blank()
	for _, p := range drafts {
		doc := md.Parser().Parse(text.NewReader(p.Body))
		var body bytes.Buffer
		if err := gemtext.Render(&body, p.Body, doc, gemtext.Options{Link: links.rewriter(p, postGeminiPath, fileLink, true)}); err != nil {
			errs = append(errs, &content.FileError{File: p.File, Msg: err.Error()})
			continue
		}
		var pg gemtext.Page
		pg.Heading(1, p.Title)
		pg.Blank()
		byline := mark(p)
		if s := postByline(p); s != "" {
			byline += " · " + s
		}
		pg.Text(byline)
		pg.Blank()
		pg.Gemtext(body.Bytes())
		pg.Blank()
		pg.Link(draftsPath, msg.Drafts)
		pg.Link("/", b.site.Title)
		out[draftGeminiPath(p)] = geminiPage(p.Lang, pg.Bytes())
		index.Link(draftGeminiPath(p), strings.TrimSpace(postDate(p)+" "+p.Title))
	}
	if len(drafts) == 0 {
		index.Text(msg.NoDrafts)
	}
	index.Blank()
	index.Link("/", b.site.Title)
	out[draftsPath] = geminiPage(b.site.Lang, index.Bytes())
	return out, errs
}

// geminiDraft answers a request under draftsPath: 60 without a client
// certificate, 61 with one that is not an author's, the draft otherwise.
func (st *Store) geminiDraft(path string, cert *x509.Certificate) *gemini.Response {
	switch {
	case cert == nil:
		return st.draftsCertRequired
	case !st.Site.isAuthor(cert):
		return st.draftsNotAuthorized
	}
	if resp, ok := st.drafts[path]; ok {
		return resp
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

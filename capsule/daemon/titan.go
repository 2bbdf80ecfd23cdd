package daemon

import (
	"cmp"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/guard"
	"capsule/capsule/messages"
	"capsule/capsule/tlscert"
	"capsule/capsule/upload"
	"capsule/gemtext"
)

// Uploads from a Gemini client, over Titan (gemini.UploadHandler): an
// author of a site that takes them ([authors] titan) sends a post's
// Markdown, or a file beside a post, and is answered once the new
// version is loaded and served: 31 to its page, or 59 with what is wrong
// and the old version kept.
//
// What a stranger can make the daemon do is bounded before a byte of
// the body is read: the request line is checked, the client's rate must
// allow one (an upload costs guard.SearchCost requests), the site must
// take uploads, the client's certificate must be an author's (60,
// 61), the path must be a post's source or a file beside a post, and
// the declared size must be under its cap (-max-post-size for Markdown,
// -max-file-size for other files). Only then is the body read, at most
// that size, within the read timeout plus the time for its size at
// -min-write-rate. Writing and loading it holds the daemon's reload lock:
// one upload, or reload, at a time.

// handleTitan answers a Titan request line and reads its body, when it
// is an author's upload to take.
func (d *Daemon) handleTitan(c *tls.Conn, line []byte, body *gemini.Body) *gemini.Response {
	req, refused := gemini.ParseTitan(line)
	if refused != nil {
		return refused
	}
	s := d.siteNamed(req.Host)
	cfg, loaded := s.state()
	st := s.capsule.Store()
	msg := st.Messages()
	// Every Titan line costs an upload's share of the rate, refused or
	// not: a stranger's are not free where a page is not.
	if ok, wait := d.limiter.Load().AllowN(c.RemoteAddr(), time.Now(), guard.SearchCost); !ok {
		return gemini.NewResponse(gemini.StatusSlowDown, strconv.Itoa(guard.RetrySeconds(wait)), nil)
	}
	if refused := st.RefuseHost(req.Host, req.Port); refused != nil {
		return refused
	}
	if !cfg.Titan {
		return gemini.NewResponse(gemini.StatusProxyRequestRefused, msg.UploadsOff, nil)
	}
	// From here on each answer is logged: who tried to write what.
	up := &titanUpload{d: d, s: s, named: req.Path, size: req.Size}
	var cert *x509.Certificate
	if certs := c.ConnectionState().PeerCertificates; len(certs) > 0 {
		cert = certs[0]
		up.fingerprint = tlscert.FingerprintDER(cert.Raw)
	}
	if refused := st.RefuseAuthor(cert); refused != nil {
		return up.answer(refused)
	}
	var why string
	// Named while no upload of the site is between its write and its
	// reload: a new post's file another upload has just written is that
	// post's source, not a file of no post's.
	d.reloading.Lock()
	cfg, loaded = s.state()
	st = s.capsule.Store()
	up.rel, up.served, up.post, why = uploadTarget(cfg, loaded, st, req.Path, req.Size == 0)
	d.reloading.Unlock()
	if why != "" {
		return up.answer(gemini.NewResponse(gemini.StatusBadRequest, why, nil))
	}
	limit := cfg.MaxFileSize
	if up.post {
		limit = cfg.MaxPostSize
	}
	if req.Size > limit {
		return up.answer(gemini.NewResponse(gemini.StatusBadRequest, messages.Format(msg.UploadTooLarge, "max", content.Thousands(int(limit))), nil))
	}
	data := make([]byte, req.Size)
	c.SetReadDeadline(time.Now().Add(cfg.ReadTimeout + gemini.TransferTime(int(req.Size), cmp.Or(cfg.MinWriteRate, gemini.DefaultMinWriteRate))))
	if _, err := io.ReadFull(body, data); err != nil {
		return up.answer(gemini.NewResponse(gemini.StatusBadRequest, msg.UploadCut, nil))
	}
	c.SetReadDeadline(time.Time{})
	return up.answer(up.apply(data))
}

// titanUpload is one upload being taken.
type titanUpload struct {
	d           *Daemon
	s           *servedSite
	fingerprint string
	named       string // the path the request named
	rel         string // the file, in the posts folder, slash-separated
	post        bool   // a post's Markdown, not a file beside one
	served      string // a file's address, without its "/": where it is to be served
	size        int64
}

// answer logs the upload's outcome and returns resp.
func (u *titanUpload) answer(resp *gemini.Response) *gemini.Response {
	what := "upload"
	if u.size == 0 {
		what = "deletion"
	}
	who := "no certificate"
	if u.fingerprint != "" {
		who = "certificate " + u.fingerprint
	}
	target := u.rel // the file, once the path named one
	if target == "" {
		target = u.named
	}
	// The path is a stranger's, decoded: quoted and bounded as the
	// access log's target is, so that no %0A in it can write a line of
	// its own (a forged upload by an author) or bury the answer.
	quoted, left := appendQuoted(nil, []byte(target), maxLoggedTarget)
	if left > 0 {
		quoted = strconv.AppendInt(append(quoted, '+'), int64(left), 10)
	}
	u.d.log.Printf("titan: %s of %s (%s bytes) by %s: %d %s", what, quoted, content.Thousands(int(u.size)), who, resp.Status, resp.Meta)
	return resp
}

// apply writes data (removes the file when it is empty), reloads the
// site, and answers: 31 to what is now served (a page saying what was
// deleted, for a deletion), or, when the new version does not load or
// would not be served, 59 after putting the old one back. The whole of
// it holds the daemon's reload lock, so that no other reload (SIGHUP,
// the watcher) loads the new version before it is checked, or the old
// one before it is back.
func (u *titanUpload) apply(data []byte) *gemini.Response {
	s, d := u.s, u.d
	d.reloading.Lock()
	defer d.reloading.Unlock()
	cfg := s.cfg // written only under d.reloading
	msg := s.capsule.Store().Messages()
	folder := &upload.Folder{Root: cfg.Posts, Forbidden: forbidden(cfg), History: history(cfg)}
	var change *upload.Change
	var err error
	if len(data) == 0 {
		change, err = folder.Remove(u.rel)
	} else {
		change, err = folder.Write(u.rel, data)
	}
	if errors.Is(err, upload.ErrRefused) {
		return gemini.NewResponse(gemini.StatusBadRequest, messages.Format(msg.UploadPath, "path", u.named), nil)
	}
	if err != nil {
		d.log.Printf("titan: %s: %v", u.rel, err)
		return gemini.NewResponse(gemini.StatusTemporaryFailure, msg.UploadFailed, nil)
	}
	file := filepath.Join(cfg.Posts, filepath.FromSlash(u.rel))
	// Written, about to be loaded: the watcher need not reload for it.
	d.recordOwn(s, cfg.Posts, change.Paths())
	uploadWritten()
	err = d.reloadLocked(s)
	if errors.Is(err, errStopped) {
		// Never loaded: a post that does not load would be what the
		// next start finds, with no previous version to serve. What was
		// there goes back; what was sent is kept in history.
		u.undo(folder, change, data)
		return gemini.NewResponse(gemini.StatusTemporaryFailure, msg.UploadStopping, nil)
	}
	st := s.capsule.Store()
	problem := ""
	switch {
	case err != nil:
		problem = oneLine(err.Error())
	case len(data) == 0:
		return deletedPage(st, u.rel, change.Before)
	default:
		problem = problemOf(st, cfg.Posts, file)
	}
	if problem == "" {
		target, ok := "", false
		if u.post {
			target, ok = st.PageOf(file)
		} else {
			target, ok = st.FileAddress(u.served, data)
		}
		if ok {
			return gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiURL(target), nil)
		}
	}
	// Not taken: the old version back, the refused one in history.
	if u.undo(folder, change, data) {
		d.recordOwn(s, cfg.Posts, change.Paths())
		if err := d.reloadLocked(s); err != nil && !errors.Is(err, errStopped) {
			d.log.Printf("titan: %s: reloading the previous version: %v", u.rel, err)
		}
	} else {
		// Not what the site loaded: the watcher's reload says so.
		d.forgetOwn(cfg.Posts, change.Paths())
	}
	switch {
	case problem == "":
		return gemini.NewResponse(gemini.StatusBadRequest, messages.Format(msg.UploadNotServed, "file", u.rel), nil)
	case !change.Existed:
		return gemini.NewResponse(gemini.StatusBadRequest, clip(messages.Format(msg.UploadRefusedNew, "file", u.rel, "problem", problem)), nil)
	}
	return gemini.NewResponse(gemini.StatusBadRequest, clip(messages.Format(msg.UploadRefused, "file", u.rel, "problem", problem)), nil)
}

// deletedPage answers a deletion: what was deleted, and its text when it
// was a post's (kept in history too), so that an author who sent nothing
// by mistake sees it and can send it back.
func deletedPage(st *capsule.Store, rel string, before []byte) *gemini.Response {
	msg := st.Messages()
	var pg gemtext.Page
	pg.Heading(1, messages.Format(msg.Deleted, "file", rel))
	pg.Blank()
	if isMarkdown(rel) && utf8.Valid(before) {
		pg.Text(msg.DeletedText)
		pg.Blank()
		pg.Preformatted(rel, string(before))
		pg.Blank()
	}
	pg.Link("/drafts/", msg.Drafts)
	return gemini.NewResponse(gemini.StatusSuccess, "text/gemini; charset=utf-8; lang="+st.Site.Lang, pg.Bytes())
}

// undo keeps data, an upload not taken, in history and puts back what
// change replaced; it reports whether it could.
func (u *titanUpload) undo(folder *upload.Folder, change *upload.Change, data []byte) bool {
	if len(data) > 0 { // a deletion sent no text
		if _, err := folder.History.Save(u.rel, upload.Refused, data); err != nil {
			u.d.log.Printf("titan: %s: %v", u.rel, err)
		}
	}
	if err := folder.Undo(change); err != nil {
		u.d.log.Printf("titan: %s: putting the previous version back: %v", u.rel, err)
		return false
	}
	return true
}

// postsWritable says why a posts folder cannot take uploads
// (upload.Writable; tests make it fail, as root writes anywhere).
var postsWritable = upload.Writable

// uploadWritten is called between an upload's write and its reload
// (tests stop the daemon there).
var uploadWritten = func() {}

// reloadLocked reloads s after an upload, as a SIGHUP would reload it
// alone; the caller holds d.reloading.
func (d *Daemon) reloadLocked(s *servedSite) error {
	restore := paceReload()
	kept, err := d.reloadSite(d.stopping, s, s.cfg)
	restore()
	d.committing.Lock()
	defer d.committing.Unlock()
	if d.stopped || d.stopping.Err() != nil {
		return errStopped
	}
	d.schedulePublish()
	d.release.soon(kept)
	return err
}

// uploadTarget is the file an upload to the Gemini path p names, relative
// to s's posts folder, and whether it is a post's Markdown; or why it
// names none (in the site's words). A post is named by its source's
// address (/posts/hello.md, or the same under /drafts/source/); a new
// one by /posts/<slug>.md, laid out as the folder's newest post is. A
// file is named by its address (/posts/hello/cover.jpg, or
// /drafts/posts/hello/cover.jpg while its post is a draft), in the
// folder of a post, with a media type the site serves.
func uploadTarget(cfg config.Config, loaded *content.Content, st *capsule.Store, p string, deleting bool) (rel, served string, post bool, why string) {
	msg := st.Messages()
	notOne := messages.Format(msg.UploadPath, "path", p)
	if page, ok := strings.CutSuffix(p, ".gmi"); ok {
		// A post's page, as Lagrange's "Upload with Titan" on it
		// proposes: its source is the address to write to.
		if _, ok := st.SourceFile(page + ".md"); ok {
			notOne += " → " + page + ".md"
		}
	}
	addr := strings.TrimPrefix(p, "/drafts/source")
	if capsule.IsSourcePath(p) || isMarkdown(p) {
		if file, ok := st.SourceFile(addr); ok {
			r, ok := inFolder(cfg.Posts, file)
			if !ok {
				return "", "", true, notOne
			}
			return r, "", true, ""
		}
		page, langDir := languageOf(loaded, strings.TrimSuffix(addr, path.Ext(addr)))
		slug, ok := strings.CutPrefix(page, "/posts/")
		if deleting || !ok || slug == "" || content.MakeSlug(slug) != slug || strings.Contains(slug, "/") || path.Ext(addr) != ".md" {
			return "", "", true, notOne
		}
		newest := newestPost(cfg, loaded, langDir)
		if langDir != "" && newest == "" {
			// No post in that language yet to show how its files lie.
			return "", "", true, notOne
		}
		rel = upload.NewPostPath(newest, slug, time.Now().In(cmp.Or(loaded.Location, time.UTC)), isJekyll(cfg, loaded))
		if langDir != "" {
			rel = withLanguageSuffix(rel, newest, langDir)
		}
		if upload.CheckPath(rel) != nil {
			return "", "", true, notOne
		}
		if exists(filepath.Join(cfg.Posts, filepath.FromSlash(rel))) {
			// A file there that is no post's source (left out for a
			// problem, excluded): not overwritten from afar.
			return "", "", true, notOne
		}
		return rel, "", true, ""
	}
	addrRel := strings.TrimPrefix(strings.TrimPrefix(p, "/drafts"), "/")
	dir, ok := postFolder(loaded, cfg.Posts, path.Dir(addrRel))
	if !ok || upload.CheckPath(addrRel) != nil || mime.TypeByExtension(path.Ext(addrRel)) == "" {
		return "", "", false, notOne
	}
	rel = path.Join(dir, path.Base(addrRel))
	// A file already there is replaced or deleted only when it is the
	// one the site serves at that address: never a key, a configuration,
	// an excluded file, one a page of capsule's own hides.
	info, err := os.Lstat(filepath.Join(cfg.Posts, filepath.FromSlash(rel)))
	switch {
	case err != nil && deleting:
		return "", "", false, notOne
	case err == nil:
		if !info.Mode().IsRegular() || info.Size() > cfg.MaxFileSize {
			return "", "", false, notOne
		}
		b, err := os.ReadFile(filepath.Join(cfg.Posts, filepath.FromSlash(rel)))
		if _, served := st.FileAddress(addrRel, b); err != nil || !served {
			return "", "", false, notOne
		}
	}
	return rel, addrRel, false, ""
}

func isMarkdown(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

// postFolder is the folder on disk, relative to root with slashes, of
// the post whose folder is dir in its addresses (slash-separated, "."
// for the top): a bundle's, or a post file's; ok is false when dir is no
// post's. (A Hugo site's posts are under content/, served without it.)
func postFolder(c *content.Content, root, dir string) (string, bool) {
	if dir == "." {
		dir = ""
	}
	for _, list := range [][]*content.Post{c.Posts, c.Pages, c.Unlisted, c.Drafts, c.Scheduled, c.Expired} {
		for _, p := range list {
			if p.Dir != dir {
				continue
			}
			return inFolder(root, filepath.Dir(p.File))
		}
	}
	return "", false
}

// newestPost is the file of the newest post (or draft) loaded whose
// language is served under langDir ("" for the site's own, "/en" for
// another of a multilingual site), relative to cfg's posts folder with
// slashes; "" when there is none. (A new post in the default language
// of a site whose languages have folders of their own, content/ja and
// content/en, goes beside that language's newest, not into content/en.)
func newestPost(cfg config.Config, loaded *content.Content, langDir string) string {
	for _, list := range [][]*content.Post{loaded.Posts, loaded.Drafts} {
		for _, p := range list {
			if len(loaded.Languages) > 0 && p.LangDir != langDir {
				continue
			}
			if r, ok := inFolder(cfg.Posts, p.File); ok {
				return r
			}
			break
		}
	}
	if langDir == "" && len(loaded.Languages) > 0 {
		// No post in the default language yet: the newest of any.
		return newestPost(cfg, &content.Content{Posts: loaded.Posts, Drafts: loaded.Drafts}, "")
	}
	return ""
}

// languageOf splits a page's address (/en/posts/hello) of a multilingual
// site into the address within its language (/posts/hello) and the
// folder its language is served under (/en); the address as it is and
// "" when it is in no language's folder.
func languageOf(loaded *content.Content, page string) (rest, langDir string) {
	for _, l := range loaded.Languages {
		if r, ok := strings.CutPrefix(page, l.Dir); ok && l.Dir != "" && strings.HasPrefix(r, "/") {
			return r, l.Dir
		}
	}
	return page, ""
}

// withLanguageSuffix is rel, a new post's file laid out as newest is,
// with the language code newest's name ends in (hello.en.md, a bundle's
// index.en.md), when it ends in that of langDir: a Hugo site tells a
// translation by its name. A language whose posts lie in a folder of
// their own (content/en/) has none to add.
func withLanguageSuffix(rel, newest, langDir string) string {
	stem := strings.TrimSuffix(path.Base(newest), path.Ext(newest))
	code := path.Ext(stem)
	if code == "" || !strings.EqualFold(code[1:], strings.TrimPrefix(langDir, "/")) {
		return rel
	}
	dir, base := path.Split(rel)
	ext := path.Ext(base)
	return dir + strings.TrimSuffix(base, ext) + code + ext
}

// inFolder is p relative to the folder root, with slashes; ok is false
// when p is not in it.
func inFolder(root, p string) (rel string, ok bool) {
	r, err := filepath.Rel(root, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// isJekyll reports whether cfg's posts folder is a Jekyll site's.
func isJekyll(cfg config.Config, loaded *content.Content) bool {
	return strings.Contains(loaded.Layout, "Jekyll") || exists(filepath.Join(cfg.Posts, "_posts"))
}

// problemOf is the problem st has with file, on one line, named by its
// path in the posts folder (root); "" for none. The common problems are
// said in the site's language (content.Words), the others in the
// loader's English. The loader's note that
// the previous version is still served is left to the answer, which says
// it in the site's words.
func problemOf(st *capsule.Store, root, file string) string {
	msg := st.Messages()
	var out []string
	for _, p := range st.Problems {
		if filepath.Clean(p.File) != filepath.Clean(file) {
			continue
		}
		e := *p
		if r, ok := inFolder(root, e.File); ok {
			e.File = r
		}
		e.Msg = strings.TrimSuffix(e.Msg, content.StillServedNote)
		if said, ok := inWords(msg, e.Words); ok {
			e.Msg = said // the author's language; the log has the English
		}
		out = append(out, oneLine(e.Error()))
	}
	return strings.Join(out, "; ")
}

// inWords is a problem's Words in the messages of a site; ok is false
// for a problem that has none, said in the loader's English.
func inWords(msg messages.Messages, w content.Words) (string, bool) {
	if w.Key == "" {
		return "", false
	}
	text, ok := msg.Get(w.Key)
	if !ok || text == "" {
		return "", false
	}
	var pairs []string
	for i := 0; i+1 < len(w.Args); i += 2 {
		if w.Args[i] != "" {
			pairs = append(pairs, w.Args[i], w.Args[i+1])
		}
	}
	return messages.Format(text, pairs...), true
}

// oneLine is s with its line breaks made spaces: a Gemini meta is one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\t", " ")), " ")
}

// clip cuts a meta to the 1,024 bytes Gemini allows, at a character.
func clip(s string) string {
	const max = 1024
	if len(s) <= max {
		return s
	}
	s = s[:max-len("…")]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}

// forbidden are the paths no upload writes: every secret of the
// configuration.
func forbidden(cfg config.Config) []string {
	var out []string
	for _, s := range cfg.LoadOptions().Secrets {
		out = append(out, s.Path)
	}
	return out
}

// history is where a site's uploads keep the versions they replace.
func history(cfg config.Config) *upload.History {
	return &upload.History{Dir: filepath.Join(cfg.HistoryDir(), cfg.Hostname), Keep: cfg.TitanHistory}
}

// TitanStatus says, for -check and the start's log, whether a site takes
// uploads and from whom: "off", or "on, from certificates …; 10 versions
// of each file kept in …" (the fingerprints as the upload lines write
// them).
func TitanStatus(cfg config.Config) string {
	if !cfg.Titan {
		return "off"
	}
	fps := make([]string, len(cfg.AuthorCertificates))
	for i, f := range cfg.AuthorCertificates {
		fps[i] = capsule.NormalizeFingerprint(f)
	}
	return fmt.Sprintf("on, from certificates %s; %d versions of each file kept in %s",
		strings.Join(fps, ", "), cfg.TitanHistory, history(cfg).Dir)
}

// geminiSource answers a request for a post's source (under
// /drafts/source/) from its author: the Markdown file as it is on disk,
// read now (the Store holds no Markdown), at most -max-post-size bytes.
// It returns nil for any other request.
func (d *Daemon) geminiSource(line []byte, cert *x509.Certificate) *gemini.Response {
	if !capsule.MayBeSource(line) {
		return nil // a draft: not parsed twice
	}
	r, refused := gemini.ParseRequest(line)
	if refused != nil || !capsule.IsSourcePath(r.Path) {
		return nil
	}
	s := d.siteNamed(r.Host)
	cfg, _ := s.state()
	st := s.capsule.Store()
	msg := st.Messages()
	if refused := st.RefuseHost(r.Host, r.Port); refused != nil {
		return refused
	}
	if refused := st.RefuseAuthor(cert); refused != nil {
		return refused
	}
	file, ok := st.SourceFile(r.Path)
	if !ok {
		return st.NotFound()
	}
	f, err := os.Open(file)
	if err != nil {
		return st.NotFound()
	}
	defer f.Close()
	// Never a cut copy: edited and sent back, it would lose the rest.
	data, err := io.ReadAll(io.LimitReader(f, cfg.MaxPostSize+1))
	if err != nil || int64(len(data)) > cfg.MaxPostSize {
		return gemini.NewResponse(gemini.StatusTemporaryFailure, messages.Format(msg.UploadTooLarge, "max", content.Thousands(int(cfg.MaxPostSize))), nil)
	}
	return gemini.NewResponse(gemini.StatusSuccess, "text/markdown; charset=utf-8", data)
}

// redactToken is a Titan request line with the value of every token
// parameter hidden, for the access log. Parameters are found in the
// line's own bytes, ASCII case folded: lower-casing the whole line could
// change its length (İ) and move the cut off the token.
func redactToken(line []byte) []byte {
	const key = ";token="
	out := make([]byte, 0, len(line))
	for i := 0; i < len(line); {
		if len(line)-i < len(key) || !strings.EqualFold(string(line[i:i+len(key)]), key) {
			out = append(out, line[i])
			i++
			continue
		}
		out = append(append(out, line[i:i+len(key)]...), "…"...)
		for i += len(key); i < len(line) && line[i] != ';'; i++ {
		}
	}
	return out
}

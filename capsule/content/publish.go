package content

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Hugo's publishing keys, read as Hugo reads them:
//
//   - expiryDate (expirydate, unpublishdate): once past, the post is
//     unpublished: on no page, list or feed; its author still finds it,
//     marked expired, at /drafts/ (Content.Expired). One still to come is
//     a time at which the content changes by itself (Content.NextChange).
//   - build (or _build, its older name) is a table of three keys. render:
//     "always" (true), or "never" (false) and "link": no page of its own
//     and in no list (Hugo's "link" keeps a URL for templates, which
//     capsule has none of; a listed post without a page would be a dead
//     link). list: "always" (true), or "never" (false) and "local": its own
//     page, but on no list of posts: not the home page, tags, archive,
//     feeds, search or the neighbours' links (Hugo's "local" keeps it in
//     its section's own lists; capsule's lists are all the site's).
//     publishResources: false serves none of its page bundle's files.
//   - headless = true: a bundle with neither page nor listing, whose files
//     are not served either (Hugo's headless bundle: content for other
//     pages' templates).
//
// Posts without a page are Content.NoPage: links to them are warnings,
// and no link. Search leaves out unlisted posts as every list does: a
// result page is a list of posts, and an author who keeps a post off the
// lists means it to be reached by its address only.

// buildOptions are a post's build options, from build or _build.
type buildOptions struct {
	noPage      bool // render never, false or link
	unlisted    bool // list never, false or local
	noResources bool // publishResources false
}

// buildKeys are the keys of build, in Hugo's spelling.
var buildKeys = []string{"list", "render", "publishResources"}

// build reads the build table (or _build; build wins when both are
// there). A value Hugo would not take is a problem at its line: a
// misspelt "nevr" must not publish what the author meant to hide.
func (r *frontReader) build() buildOptions {
	var o buildOptions
	key := "build"
	v, ok := r.m[key]
	if !ok {
		key = "_build"
		if v, ok = r.m[key]; !ok {
			return o
		}
	}
	t, ok := v.(map[string]any)
	if !ok {
		r.mustBe(key, "a table of list, render and publishResources", `[build] render = "never"`)
		return o
	}
	for k, v := range t {
		name := k
		for _, bk := range buildKeys {
			if strings.EqualFold(k, bk) { // Hugo's keys are not case-sensitive
				name = bk
			}
		}
		line := keyFileLine(r.lines, key, k)
		switch name {
		case "render":
			switch v {
			case "always", true:
			case "never", "link", false:
				o.noPage = true
			default:
				r.fail(line, `front matter: %s.render must be "always", "never" or "link" (or true or false), e.g. %s`, key, r.eg(`render = "never"`))
			}
		case "list":
			switch v {
			case "always", true:
			case "never", "local", false:
				o.unlisted = true
			default:
				r.fail(line, `front matter: %s.list must be "always", "never" or "local" (or true or false), e.g. %s`, key, r.eg(`list = "never"`))
			}
		case "publishResources":
			b, isBool := v.(bool)
			if !isBool {
				r.fail(line, "front matter: %s.publishResources must be true or false, e.g. %s", key, r.eg("publishResources = false"))
			}
			o.noResources = isBool && !b
		default:
			r.fail(line, "front matter: unknown key %s.%s (%s has %s)", key, clip(k), key, strings.Join(buildKeys, ", "))
		}
	}
	return o
}

// fileState is what becomes of a file beside the posts.
type fileState int

const (
	filePublic   fileState = iota // served to all: Content.Files
	fileDraft                     // its post's author's, at /drafts/: Content.DraftFiles
	fileWithheld                  // served to no one: Content.Withheld
	// fileUnbuilt is a file its generator publishes nowhere (a Hexo
	// site's file of _posts in no post's asset folder): not served,
	// not read, warned of (findFiles).
	fileUnbuilt
	// fileLeftOut is a file the site's own rules leave out (a Hexo
	// post's asset that exclude matches): not served, not read, not
	// warned of, as any file the site excludes.
	fileLeftOut
)

// owners are the page bundles of a Hugo folder, by folder: every file in
// a bundle's folder, at any depth, is the bundle's post's, published
// exactly when it is. A bundle's subfolders are its own (Hugo takes an
// index.md below a bundle for one of its resources), so the outermost
// bundle owns a file. A section's _index.md owns nothing: capsule makes
// no section pages, and publishes a section's posts whatever its
// _index.md says, so the files beside it are public.
type owners map[string]*Post // nil: a bundle whose index.md was not loaded

// owner returns the bundle folder that holds the file at rel (with
// slashes) and its post, or "" when no bundle does.
func (o owners) owner(rel string) (string, *Post) {
	if len(o) == 0 {
		return "", nil
	}
	for i := 0; i < len(rel); i++ {
		if rel[i] != '/' {
			continue
		}
		if p, ok := o[rel[:i]]; ok {
			return rel[:i], p
		}
	}
	return "", nil
}

// state is what becomes of the file at rel, and why, for a message.
func (o owners) state(rel string, c *Content) (fileState, *Post) {
	dir, p := o.owner(rel)
	switch {
	case dir == "":
		return filePublic, nil
	case p == nil, p.noResources:
		return fileWithheld, p
	}
	st, known := c.state[p]
	switch {
	case !known:
		// A post in no list (left out after its bundle was found, as a
		// post whose table is over the limits is): its files are no
		// one's to serve.
		return fileWithheld, p
	case st == postDraft, st == postScheduled, st == postExpired:
		return fileDraft, p
	}
	return filePublic, p
}

// postState is where a post is served.
type postState int

const (
	postPublished postState = iota // Posts or Pages
	postUnlisted
	postNoPage
	postDraft
	postScheduled
	postExpired
)

// classify puts each post in the list its state says, as of now.
func (c *Content) classify(p *Post, now time.Time) {
	if c.state == nil {
		c.state = make(map[*Post]postState)
	}
	s := postPublished
	switch {
	case p.Draft:
		s = postDraft
		c.Drafts = append(c.Drafts, p)
	case !p.Expires.IsZero() && !p.Expires.After(now):
		s = postExpired
		c.Expired = append(c.Expired, p)
	case (!p.Page || p.HasDate && c.datedPagesWait) && p.PublishTime().After(now):
		s = postScheduled
		c.Scheduled = append(c.Scheduled, p)
	case p.noPage:
		s = postNoPage
		c.NoPage = append(c.NoPage, p)
	case p.Unlisted:
		s = postUnlisted
		c.Unlisted = append(c.Unlisted, p)
	case p.Page:
		c.Pages = append(c.Pages, p)
	default:
		c.Posts = append(c.Posts, p)
	}
	c.state[p] = s
	for _, at := range []time.Time{p.PublishTime(), p.Expires} {
		if s != postDraft && s != postExpired && at.After(now) && (c.NextChange.IsZero() || at.Before(c.NextChange)) {
			c.NextChange = at
		}
	}
}

func (c *Content) stateOf(p *Post) postState { return c.state[p] }

// Unpublished says why p, a post of c, is not published, in words for a
// message ("a draft", "scheduled for 2030-01-01 09:00 UTC"), or is ""
// when it is published (a post, a page, or unlisted).
func (c *Content) Unpublished(p *Post) string {
	switch c.state[p] {
	case postDraft:
		if p.locked {
			return "a post locked by a password"
		}
		return "a draft"
	case postScheduled:
		return "scheduled for " + p.PublishTime().Format("2006-01-02 15:04 MST")
	case postExpired:
		return "expired on " + p.Expires.Format("2006-01-02 15:04 MST")
	case postNoPage:
		return "a post without a page (build render: never, or headless)"
	}
	return ""
}

// DraftView reports whether p is shown to its author at /drafts/: a
// draft, a scheduled or an expired post.
func (c *Content) DraftView(p *Post) bool {
	switch c.state[p] {
	case postDraft, postScheduled, postExpired:
		return true
	}
	return false
}

// Path is the post's file relative to the posts folder, with slashes:
// "posts/hello/index.md", "about.md".
func (p *Post) Path() string {
	if p.rel == "" {
		return path.Join(p.Dir, path.Base(strings.ReplaceAll(p.File, "\\", "/")))
	}
	return p.rel
}

// isBundle reports whether p is a page bundle's index.md.
func (p *Post) isBundle() bool {
	return p.Dir != "" && strings.EqualFold(path.Base(strings.ReplaceAll(p.File, "\\", "/")), "index.md")
}

// isBundleText reports whether p's file is its bundle's text in any of
// the site's languages: index.md, or its translation index.ja.md (Hugo's
// and Zola's translation by file name, p's language named in it).
func (p *Post) isBundleText() bool {
	if p.isBundle() {
		return true
	}
	return p.Dir != "" && p.langCode != "" && strings.EqualFold(path.Base(strings.ReplaceAll(p.File, "\\", "/")), "index."+p.langCode+".md")
}

// futureWarning says, when the site's configuration has its generator
// publish posts dated in the future (Hugo's buildFuture, Jekyll's
// future) and scheduled of them are dated so, that capsule holds them
// until their time all the same: a post dated ahead is a scheduled one
// to capsule, whose author reads it at /drafts/, and a setting often
// left on from previewing must not publish what is planned for later.
// Said, so that no post is held in silence; nil otherwise.
func (f folder) futureWarning(scheduled int) *FileError {
	if f.config.futureKey == "" || scheduled == 0 {
		return nil
	}
	return &FileError{File: filepath.Join(f.root, f.config.file), Kind: "future posts held",
		Msg: fmt.Sprintf("%s, but capsule publishes nothing before its date: %s dated in the future waiting at /drafts/ (scheduled)",
			f.config.futureKey, count(scheduled, "post"))}
}

package content

import (
	"capsule/capsule/internal/work"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// SiteFile is the file in the posts folder that holds the site's own front
// matter (title, description, lang), after Hugo's convention. It is not a post.
const SiteFile = "_index.md"

// Content is a loaded posts folder.
type Content struct {
	Meta     SiteMeta
	Posts    []*Post      // newest first; drafts left out
	Pages    []*Post      // standalone pages, by slug; drafts left out
	Files    []File       // files beside the posts, by path
	Warnings []*FileError // problems that do not stop the build
}

// SiteMeta is the site's description as the posts folder gives it.
type SiteMeta struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Lang        string `toml:"lang"`
	Author      string `toml:"author"`  // the feed's author; the title if empty
	Favicon     string `toml:"favicon"` // an emoji, served as /favicon.txt
}

// LoadOptions says how to read a posts folder.
type LoadOptions struct {
	// Location is the zone of dates written without one. nil means UTC.
	Location *time.Location
	// Lang is the language of posts that do not set one, unless the site
	// file sets it. Empty means "en".
	Lang string
	// MaxFileSize and MaxFilesTotal cap the files beside the posts, in
	// bytes; 0 means the defaults.
	MaxFileSize, MaxFilesTotal int64
}

// Load reads every Markdown file in dir and decodes its front matter. It
// reports every problem of every file together, as an ErrorList, and loads
// nothing when there is one. The Markdown itself is parsed by Build, once
// per post, right before it is rendered: a parsed post (an AST) is many
// times the size of its text, so no more of them are alive at once than
// there are cores.
func Load(dir string, opts LoadOptions) (*Content, error) {
	loc := cmp.Or(opts.Location, time.UTC)
	c := &Content{Meta: SiteMeta{Lang: cmp.Or(opts.Lang, "en")}}
	var errs ErrorList

	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading posts: %w", err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == SiteFile:
			errs = append(errs, loadSiteMeta(filepath.Join(dir, name), &c.Meta)...)
		case e.IsDir(), strings.HasPrefix(name, "."), strings.HasPrefix(name, "_"),
			!strings.EqualFold(filepath.Ext(name), ".md"):
			continue
		default:
			files = append(files, name)
		}
	}

	results := parseFiles(dir, files, loc, c.Meta.Lang)
	bySlug := make(map[string]*Post)
	for _, r := range results {
		errs = append(errs, r.errs...)
		c.Warnings = append(c.Warnings, r.warns...)
		p := r.post
		if p == nil {
			continue
		}
		if prev, dup := bySlug[p.Slug]; dup {
			errs = append(errs, &FileError{File: p.File, Line: 1,
				Msg: fmt.Sprintf("duplicate slug %q: %s has it too", p.Slug, prev.File)})
			continue
		}
		bySlug[p.Slug] = p
		switch {
		case p.Draft:
		case p.Page:
			c.Pages = append(c.Pages, p)
		default:
			c.Posts = append(c.Posts, p)
		}
	}
	beside, warns, ferrs := loadFiles(dir, cmp.Or(opts.MaxFileSize, DefaultMaxFileSize), cmp.Or(opts.MaxFilesTotal, DefaultMaxFilesTotal))
	c.Files = beside
	c.Warnings = append(c.Warnings, warns...)
	errs = append(errs, ferrs...)
	if len(errs) > 0 {
		SortFileErrors(errs)
		return nil, errs
	}
	SortFileErrors(c.Warnings)
	slices.SortFunc(c.Pages, func(a, b *Post) int { return cmp.Compare(a.Slug, b.Slug) })
	// Newest first; the slug breaks ties so that the order is stable.
	slices.SortFunc(c.Posts, func(a, b *Post) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Slug, b.Slug))
	})
	return c, nil
}

type parseResult struct {
	post        *Post
	errs, warns []*FileError
}

// parseFiles reads files and decodes their front matter on every core.
// Results keep the order of files, so that messages and duplicate detection
// do not depend on timing.
func parseFiles(dir string, files []string, loc *time.Location, lang string) []parseResult {
	results := make([]parseResult, len(files))
	work.ForEach(len(files), func(i int) {
		results[i] = parseFile(dir, files[i], loc, lang)
	})
	return results
}

func parseFile(dir, name string, loc *time.Location, lang string) parseResult {
	path := filepath.Join(dir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		return parseResult{errs: []*FileError{{File: path, Msg: err.Error()}}}
	}
	slug := strings.TrimSuffix(name, filepath.Ext(name))
	p, errs, warns := parsePost(path, NormalizeSource(src), slug, loc, lang)
	return parseResult{post: p, errs: errs, warns: warns}
}

// loadSiteMeta reads the site file's front matter into meta.
func loadSiteMeta(path string, meta *SiteMeta) []*FileError {
	src, err := os.ReadFile(path)
	if err != nil {
		return []*FileError{{File: path, Msg: err.Error()}}
	}
	front, _, _, ferr := splitFrontMatter(NormalizeSource(src))
	if ferr != nil {
		ferr.File = path
		return []*FileError{ferr}
	}
	md, err := toml.Decode(string(front), meta)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return []*FileError{{File: path, Line: 1 + perr.Position.Line, Msg: perr.Message}}
		}
		return []*FileError{{File: path, Line: 1, Msg: DecodeMessage(err)}}
	}
	meta.Title, meta.Description, meta.Author, meta.Favicon = oneLine(meta.Title), oneLine(meta.Description), oneLine(meta.Author), oneLine(meta.Favicon)
	var errs []*FileError
	for _, key := range md.Undecoded() {
		errs = append(errs, &FileError{File: path, Line: lineOr(front, key[0], 2),
			Msg: fmt.Sprintf("unknown key %q (allowed: title, description, lang, author, favicon)", key.String())})
	}
	return errs
}

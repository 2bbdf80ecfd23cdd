package content

import (
	"fmt"
	"path/filepath"
	"unicode/utf8"
)

// Bounds on the texts a site's configuration gives (its title, its
// description, its author; each language's title and description), in
// bytes. Every page names the site's title (its heading, its menu, its
// link home), and every feed its description and author, so that such a
// text is repeated as many times as there are pages or tags: a title of
// 200 KB in a Hugo site's configuration made 1,000 posts take 199 MiB of
// responses. A real title is a few dozen characters, a description a
// sentence or two; past the bound, a text is cut at a character's end,
// "…" after it, and a warning says so.
// The operator's own (-title, -description, a [[site]]'s) are held to
// the same bounds (config.Config.Warnings says so, the daemon cuts them).
const (
	MaxSiteTitle       = 512
	MaxSiteDescription = 4096
)

// kindSiteTextCut groups the warnings of texts cut to their bounds.
const kindSiteTextCut = "site text cut"

// clipSiteTexts cuts c's site's and languages' titles, descriptions and
// author to their bounds, and warns of each cut, naming file, where the
// site's configuration was read (the posts folder when it is none).
func (c *Content) clipSiteTexts(file string) {
	clipOne := func(s *string, what string, max int) {
		if len(*s) <= max {
			return
		}
		was := len(*s)
		*s = CutText(*s, max)
		c.Warnings = append(c.Warnings, &FileError{File: file, Kind: kindSiteTextCut,
			Msg: fmt.Sprintf("%s is %d bytes: cut to %d (every page or feed repeats it)", what, was, max)})
	}
	clipOne(&c.Meta.Title, "the site's title", MaxSiteTitle)
	clipOne(&c.Meta.Description, "the site's description", MaxSiteDescription)
	clipOne(&c.Meta.Author, "the site's author", MaxSiteTitle)
	for i := range c.Languages {
		l := &c.Languages[i]
		clipOne(&l.Title, "the title of language "+l.Code, MaxSiteTitle)
		clipOne(&l.Description, "the description of language "+l.Code, MaxSiteDescription)
	}
}

// CutText is s cut to at most max bytes, "…" included, at the end of a
// character; s itself when it is no longer.
func CutText(s string, max int) string {
	if len(s) <= max {
		return s
	}
	const ellipsis = "…"
	i := max - len(ellipsis)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + ellipsis
}

// siteFile is the file a site's configuration was read from, in f's
// folder, or the folder itself when there is none.
func (f folder) siteFile(dir string) string {
	if f.config.file == "" {
		return dir
	}
	return filepath.Join(f.root, f.config.file)
}

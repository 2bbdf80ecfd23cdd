package content

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"capsule/capsule/internal/work"
)

// SiteFile is the file in the posts folder that holds the site's own front
// matter (title, description, lang), after Hugo's convention. It is not a post.
const SiteFile = "_index.md"

// Content is a loaded posts folder.
type Content struct {
	Meta SiteMeta
	// Location is the zone dates written without one were read in: the
	// operator's, else the blog's generator's; nil when neither sets one
	// (they were read in UTC, and a date written with its offset is best
	// shown in it).
	Location *time.Location
	Posts    []*Post // newest first; drafts left out
	Pages    []*Post // standalone pages, by slug; drafts left out
	Drafts   []*Post // drafts, by slug: for the author's eyes only
	// Scheduled are posts dated after LoadOptions.Now, soonest first:
	// for the author's eyes until their time comes.
	Scheduled []*Post
	// Expired are posts whose expiryDate has passed, by slug: for the
	// author's eyes, marked expired (see publish.go).
	Expired []*Post
	// Unlisted are posts and pages with a page of their own but in no
	// list (build list: never), by slug.
	Unlisted []*Post
	// NoPage are posts with no page at all (build render: never,
	// headless), by slug: known to links, which they make warnings.
	NoPage []*Post
	// NextChange is the soonest time after LoadOptions.Now at which what
	// is published changes by itself (a scheduled post's date, an
	// expiryDate); zero when none is to come.
	NextChange time.Time
	// Files are the files beside the posts served to all, by path: those
	// of no page bundle, and those of published posts' bundles.
	Files []File
	// DraftFiles are the files of the page bundles of drafts, scheduled
	// and expired posts, by path: their author's, at /drafts/<path>,
	// until the post is published (see owners).
	DraftFiles []File
	// Withheld are the paths of files served to no one: the bundle files
	// of a post that publishes none (publishResources = false, headless).
	Withheld []string
	// Layout says what the folder was taken for, and why: "a Hugo site
	// (hugo.toml in ~/blog): posts from section posts".
	Layout string
	// Markup is what the site's Markdown reads beyond CommonMark and GFM,
	// as its generator's configuration says.
	Markup Markup
	// Languages are a multilingual site's languages, by weight: each
	// post's Lang is one of theirs. None for a site of one language.
	Languages []Language
	Warnings  []*FileError // what was noticed: nothing is left out for it
	// Problems are what kept a post, a page or a file out, each naming
	// its file and line, in the author's words: the rest loads. On a
	// reload (LoadOptions.Previous), a post that cannot be loaded keeps
	// its last good version, and its problem says so.
	Problems ErrorList

	now time.Time // LoadOptions.Now: what is scheduled or expired
	// site is the last good reading of the site file, nil for none: what
	// a reload that finds it broken keeps.
	site *siteSettings
	// langSites are the last good readings of the languages' own site
	// files (_index.<code>.md), kept as site is.
	langSites []*siteSettings
	// datedPagesWait: a page dated in the future waits with the
	// scheduled posts, as Hugo and Eleventy hold it; Jekyll publishes
	// its pages whatever their date.
	datedPagesWait bool
	state          map[*Post]postState // which list each post is in
	cache          *loadCache          // for the next Load's LoadOptions.Previous
	keptFromCache  int                 // last good versions taken from LoadOptions.Saved (KeepsLastGood)

	baseURL   string    // see BaseURL
	astroSrc  *astroSrc // an Astro site's images in src/ (astrosrc.go); nil in others
	zolaTerms bool      // see ZolaTerms
	polyglot  bool      // a jekyll-polyglot site in several languages: see LocalizesLink
	// bareHTML is a Jekyll site's: see BareHTML.
	bareHTML bool
	hexo     bool // a Hexo site's: see HexoAssetFolder
	// sectionLists: see SectionLists.
	sectionLists bool
	zolaLists    []ZolaList // see ZolaLists
	// listTemplates: see ListTemplates.
	listTemplates []ListTemplate
	// tagTemplates: see TagTemplates.
	tagTemplates []TagTemplate
	// defaultLangHome: see DefaultLanguageHome.
	defaultLangHome    string
	hugoPager          Pager             // see HugoPager
	hugoSections       []string          // see HugoSections
	hugoSectionLayouts map[string]string // see HugoSectionLayout
	hugoTermLists      []string          // see HugoTermLists
	hugoTaxonomies     string            // see HugoTaxonomy
	termPagers         map[string]Pager  // a Zola site's: see TermPager
	// hugoUgly and hugoUglySections are a Hugo site's uglyURLs: see
	// HugoUglyList.
	hugoUgly         bool
	hugoUglySections map[string]bool
	// hexoAssets are the web addresses of a Hexo site's posts' asset
	// files, without their leading "/", to the files (HexoAssetFile),
	// hexoRoot its root ("/blog").
	hexoAssets map[string]string
	hexoRoot   string
	// hexoCategoryMap, hexoTagMap and hexoFilenameCase are a Hexo
	// site's category_map, tag_map and filename_case (HexoTermSlugs).
	hexoCategoryMap, hexoTagMap map[string]string
	hexoFilenameCase            int
	// hexoTerms is where its pages of tags and categories are
	// (HexoTermPages).
	hexoTerms hexoTermDirs
	// jekyllArchives is a Jekyll site's jekyll-archives settings
	// (JekyllArchivePages), nil when the plugin makes no page of terms.
	jekyllArchives *jekyllArchives
	// jekyllPaginate is its jekyll-paginate settings (JekyllPaginators).
	jekyllPaginate jekyllPaginate
	// templatesV2 are its templates of HTML of jekyll-paginate-v2's
	// lists of posts in pages (JekyllPaginators): files, not served.
	templatesV2 []paginationV2
}

// Empty reports whether c has neither a post nor a page to serve (listed
// or not): the folder is empty, holds drafts only, or is not the one
// meant. Load then also adds a warning saying so.
func (c *Content) Empty() bool {
	return len(c.Posts) == 0 && len(c.Pages) == 0 && len(c.Unlisted) == 0
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
	// NamedAt is the configuration file's line that names the posts
	// folder, if one does: a folder missing is a problem of that line.
	NamedAt struct {
		File string
		Line int
	}
	// Location is the zone of dates written without one. nil means the
	// zone of the generator's configuration (Hugo's timeZone, Jekyll's
	// timezone), else UTC.
	Location *time.Location
	// Layout is LayoutHugo, LayoutJekyll or LayoutFlat to say what the
	// folder is; "" lets its configuration tell (see findFolder).
	Layout string
	// Lang is the language of posts that do not set one, unless the site
	// file sets it. Empty means "en".
	Lang string
	// MaxFileSize and MaxFilesTotal cap the files beside the posts, in
	// bytes; 0 means the defaults.
	MaxFileSize, MaxFilesTotal int64
	// MaxPostSize caps one post and the site file, in bytes; 0 means
	// DefaultMaxPostSize.
	MaxPostSize int64
	// Settle is how long a file must have been left alone to be taken as
	// completely written (see SettleTime); 0 means SettleTime. Negative
	// turns the waiting and rereading off.
	Settle time.Duration
	// Now is the time that tells published posts from scheduled ones;
	// zero means the time Load runs.
	Now time.Time
	// Secrets are paths never served, wherever they lie: the certificates
	// folder and the certificate and key files of every site. One inside
	// the posts folder is left out, neither post nor file, with a warning
	// at every load (see excluder).
	Secrets []Secret
	// Exclude are .gitignore-style patterns of paths of the posts folder
	// that are neither posts nor files (see CheckExclude).
	Exclude []string
	// Previous, when set, is the last Content loaded from the same folder:
	// files unchanged since are taken from it rather than read and
	// decoded again (see RacyWindow).
	Previous *Content
	// Saved, when set and Previous is not, is what an earlier process's
	// Load left in a build cache: files unchanged since are taken from it
	// as from Previous (see Saved).
	Saved *Saved
	// Scratch, when set, is memory Load makes its records of every file
	// in, kept for the next Load given it (see Scratch).
	Scratch *Scratch
}

// Load reads every Markdown file in dir and decodes its front matter. It
// reports every problem of every file together, as an ErrorList, and loads
// nothing when there is one. The Markdown itself is parsed by Build, once
// per post, right before it is rendered: a parsed post (an AST) is many
// times the size of its text, so no more of them are alive at once than
// there are cores.
//
// Load never blocks on a file and never reads more than a cap: a post must
// be a regular file (a named pipe, a device, a socket or a folder named
// x.md is an error, and is not opened) of at most MaxPostSize bytes, its
// front matter within MaxFrontMatterSize, MaxFrontMatterKeys and
// MaxFrontMatterDepth, its tables within MaxTableCells and
// MaxTableEscapes (checkTables, for posts, pages, drafts and scheduled
// posts alike). A post that is a symbolic link leading outside dir
// is passed over with a warning. Files being written while Load reads
// them are waited for and read again (see SettleTime), so that a post is
// never loaded half-written.
//
// A folder with no post and no page loads, with a warning; Content.Empty
// says so to callers.
func Load(dir string, opts LoadOptions) (*Content, error) {
	// "~/blog/", as a shell's completion writes it, is ~/blog: compared
	// with the site's root as found (findHugo's dir == root), the slash
	// took a Hugo site's root for its content folder, its archetypes
	// for posts.
	dir = filepath.Clean(dir)
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	loc := cmp.Or(opts.Location, time.UTC)
	maxPost := cmp.Or(opts.MaxPostSize, DefaultMaxPostSize)
	c := &Content{Meta: SiteMeta{Lang: cmp.Or(opts.Lang, "en")}, now: now}
	var prev *loadCache
	if opts.Previous != nil {
		prev = opts.Previous.cache
	} else if opts.Saved != nil {
		prev = opts.Saved.cache
	}
	c.cache = newLoadCache(prev)

	top := new(topDir) // the folder, read once for all that looks at it
	if prev != nil && prev.top != nil {
		top.prev, top.prevSubs, top.prevFronts = prev.top, prev.top.subs, prev.top.fronts
	}
	defer func() { top.prevSubs, top.prevFronts = nil, nil }() // not to be kept alive by this load
	c.cache.top = top
	f := findFolder(dir, opts.Layout, top)
	if len(f.config.problems) > 0 {
		return nil, ErrorList(f.config.problems)
	}
	dir = f.content
	root, ferr := postsRoot(dir)
	if ferr != nil {
		if opts.NamedAt.File != "" && ferr.Msg == missingFolder {
			// Named in a configuration file: the problem is that line's.
			ferr = &FileError{File: opts.NamedAt.File, Line: opts.NamedAt.Line,
				Msg: "posts: " + dir + ": " + missingFolder + " (a relative path is from the configuration file's folder)"}
		}
		return nil, ErrorList{ferr}
	}
	c.Location = opts.Location
	if opts.Location == nil && f.config.timezone != "" {
		if zone, err := time.LoadLocation(f.config.timezone); err == nil {
			loc, c.Location = zone, zone
		}
	}
	ex, exWarns, err := newExcluder(dir, root, opts.Secrets, opts.Exclude, f.excludes())
	if err == nil {
		ex.mdx = f.astroMDX
	}
	if err == nil && f.layout == layoutHugo {
		if err = ex.ignoreFiles(dir, f.config.ignoreFiles); err != nil {
			return nil, ErrorList{{File: filepath.Join(f.root, f.config.file), Msg: err.Error()}}
		}
	}
	if err != nil {
		return nil, ErrorList{{File: dir, Msg: err.Error()}}
	}
	ex.copied = f.copiedAsIs()
	ex.hexo = f.hexoRules(dir)
	ex.templates = f.gen == genEleventy
	if len(ex.copied) > 0 {
		ex.postFolders = []string{hexoPosts, hexoDrafts}
	}
	c.Warnings = append(c.Warnings, exWarns...)
	entries, err := top.read(dir)
	top.prev = nil // read, or another folder's: not to be kept alive by this load
	if err != nil {
		return nil, ErrorList{{File: dir, Msg: "cannot read the posts folder: " + readProblem(err, false)}}
	}
	var errs ErrorList
	var site *source
	l := f.layout
	// The records of every file are the last Load's, when it was given
	// the same Scratch, sized once for the folder, not grown entry by
	// entry: no load keeps them (keep makes its own, source.kept).
	recs := opts.Scratch.take()
	defer opts.Scratch.put(recs)
	names, at := recs.listing(len(entries)) // at: each name's index in entries
	for i, e := range entries {
		name := e.Name()
		switch {
		case ex.skip(name, e.IsDir()):
			continue
		case name == SiteFile:
		case (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) && !ex.reincluded(name, e.IsDir()), ex.copiedAsIs(name):
			continue
		case l == layoutJekyll:
			if redirectHTMLCandidate(e) && !strings.EqualFold(name, "index.html") && !strings.EqualFold(name, "404.html") {
				break // read in case it is a redirect page (redirectHTML)
			}
			if !isMarkdown(name) || slices.Contains(jekyllNotPages, strings.ToLower(name)) && !isHomeIndex(name) {
				continue
			}
		case !isMarkdown(name) && !ex.isMDX(name) && !(l == layoutHugo && htmlContent(top, filepath.Join(dir, name), name)) && !ex.templatePage(name):
			continue
		}
		names, at = append(names, name), append(at, i)
	}
	// Each file looked at (a stat: what a reload compares) on every core,
	// relative to the folder (statat.go), then taken in the folder's
	// order.
	inspected := recs.inspections(len(names))
	srcs := recs.sources(len(names))
	paths := top.paths(dir, entries)
	fd := openFolder(dir)
	work.ForEach(len(names), func(i int) {
		inspected[i] = fd.inspect(&srcs[i], names[i], paths[at[i]], root, maxPost)
	})
	fd.close()
	posts, atTop := recs.mdFiles(len(names)) // atTop: the mdFiles of posts, in one allocation
	for i, name := range names {
		src := inspected[i].take((*[]*FileError)(&errs), &c.Warnings)
		if src == nil {
			continue
		}
		if name == SiteFile {
			src.what = "the site file"
			site = src
			continue
		}
		atTop = append(atTop, mdFile{src: src, slug: strings.TrimSuffix(name, filepath.Ext(name))}) // within its capacity: m stays where it is
		m := &atTop[len(atTop)-1]
		if isHomeIndex(name) && (l == layoutJekyll || f.gen == genEleventy) {
			// Jekyll's and Eleventy's home page: its text, if it has any
			// (most are a layout's front matter alone), is the home
			// page's, as a site file's is.
			posts = append(posts, homeFile(src, ""))
			continue
		}
		if f.gen == genEleventy && strings.EqualFold(strings.TrimSuffix(name, filepath.Ext(name)), "index") && hasExt(name, eleventyTextTemplates...) {
			// Eleventy's home page in Nunjucks or Liquid: the same, its
			// text read as its language's (Post.NoMarkdown), a list of
			// the site's posts no text of its own (eleventyListTemplate).
			h := homeFile(src, "")
			h.def.eleventy = f.eleventy.postOf(src.path, f.eleventyDirData(""))
			posts = append(posts, h)
			continue
		}
		switch l {
		case layoutJekyll:
			m.def.page, m.jpage = true, true
			m.jredirect = !isMarkdown(name)
		case layoutHugo:
			m.def.page = true // a page of no section: Hugo's themes list none as posts
			m.def.bare = true
			f.jsDefaults(m, loc) // an Eleventy or Astro page's, as the sections' are
		}
		posts = append(posts, m)
	}
	var zolaHome *source
	if f.zola {
		// Zola's content/_index.md is the root section's: the site's
		// settings are in config.toml, its sort_by is read with the
		// other sections' (zolaArrange); its text is the home page's,
		// as Zola's index template shows it, and so are its title and
		// aliases.
		zolaHome, site = site, nil
	}
	// The Markdown of subfolders: Jekyll's posts, drafts, collections and
	// pages, or the posts and pages of sections (Hugo's, and capsule's own
	// folder's).
	var sections []string
	var nested []*mdFile
	var zolaSecs map[string]zolaSection
	var zolaFiles map[string]zolaSectionFile // each section file's, by its path
	var sectionPages map[string]bool         // the files of sections that are pages (sectionTextPages)
	var hugoSections map[string]bool         // a Hugo site's folders with an _index.md, when a section is a page
	switch l {
	case layoutJekyll:
		found, warns, ferrs := findJekyll(dir, root, ex, top, recs, maxPost, loc, f.config)
		for _, m := range found {
			// The configuration's defaults, handed down where the
			// front matter says nothing (a folder's published: false).
			docDir, kind := f.config.jekyllDoc(m.def.dir)
			m.def.cascade = f.config.jekyllDefaultValues(path.Join(docDir, filepath.Base(m.src.path)), kind)
		}
		posts = append(posts, found...)
		c.Warnings = append(c.Warnings, warns...)
		c.Warnings = append(c.Warnings, jekyllOtherConfigs(dir, f.config.file)...)
		errs = append(errs, ferrs...)
	case layoutFlat:
		// Capsule's own folder: posts and pages at the top. Markdown in
		// subfolders may be kept back on purpose (notes, drafts): not
		// served, and counted in a warning rather than lost in silence.
		if n, first := countNestedMarkdown(dir, ex, top); n > 0 {
			what := "Markdown in a subfolder of capsule's own folder"
			if n > 1 {
				what = fmt.Sprintf("Markdown in a subfolder of capsule's own folder, as in %d more files,", n-1)
			}
			c.Warnings = append(c.Warnings, &FileError{File: first, Msg: what + " is not served: move posts to the top, or give layout = \"hugo\" if this is a Hugo content folder", Kind: "Markdown not served"})
		}
	default:
		// Hugo publishes folders named with "_" (content/blog/_misc/),
		// as Eleventy and Hexo do: read so in a site whose Hugo
		// configuration was found, not in a folder only taken for a
		// Hugo one (a theme's repository: its layouts/_partials), nor
		// in Zola's, Astro's or capsule's own.
		underscored := f.gen == genEleventy || f.gen == genHexo || l == layoutHugo && f.gen == "" && !f.zola && f.config.file != ""
		nested, sections = findNested(dir, root, ex, top, recs, maxPost, f.gen != "", underscored, f.langSuffix)
		if f.zola {
			// A section with text is a page, as Zola renders it
			// (about/_index.md), with the list of its pages: not a
			// section whose text is not served.
			pages, made := sectionTextPages(dir, root, sections, maxPost)
			nested, sectionPages = append(nested, pages...), made
		}
		main := f.mainSections(nested)
		if l == layoutHugo && f.gen == "" && !f.zola {
			c.hugoSections, c.hugoSectionLayouts = hugoSectionDirs(dir, sections, maxPost)
			c.hugoTermLists, c.hugoTaxonomies = f.config.hugoTermLists, f.config.taxonomies
			// A section of pages with text is a page too, as Hugo
			// renders it, with the list of its pages; the posts'
			// sections' lists are the archive (their text is not
			// served).
			pages, made := sectionTextPages(dir, root, f.pageSectionFiles(dir, sections, main), maxPost)
			nested, sectionPages = append(nested, pages...), made
			if len(pages) > 0 {
				hugoSections = make(map[string]bool, len(sections))
				for _, file := range sections {
					hugoSections[relDir(dir, file)] = true
				}
			}
		}
		if l == layoutHugo && len(main) == 0 {
			// No sections: the posts are at the top, as in capsule's own.
			for _, m := range posts {
				m.def.page = false
			}
		}
		var termEntries []string         // an Astro collection of tags' descriptions
		var unrouted map[string][]string // an Astro collection no page takes, by folder
		for _, m := range nested {
			if name, folder := f.astroUnroutedOf(m.src.path); name != "" && m.ferr == nil {
				if unrouted == nil {
					unrouted = make(map[string][]string)
				}
				unrouted[folder] = append(unrouted[folder], m.src.path)
				continue
			}
			switch {
			case m.ferr != nil:
				errs = append(errs, m.ferr)
				continue
			case m.warn != nil:
				c.Warnings = append(c.Warnings, m.warn)
				continue
			case f.gen == genAstro && slices.Contains(main, f.sectionOf(m)) && isTaxonomy(f.sectionOf(m)):
				// cactus' content/tags/test.md: the web site's tag
				// page's description, no entry; the capsule's tag page
				// lists the tag's posts.
				termEntries = append(termEntries, m.src.path)
				continue
			}
			f.jsDefaults(m, loc)
			if sec := f.sectionOf(m); l == layoutHugo && !slices.Contains(main, sec) && !(len(main) == 0 && sec == "") {
				// (With no sections the posts are at the top: of each
				// language's folder too, en/hello.md as hello.md.)
				m.def.page = true // another section's: a page, as Hugo's themes show it
				if f.gen == "" && !f.zola {
					// unless its front matter's type is of main: Hugo's
					// themes list site.RegularPages whose Type is in
					// mainSections (PaperMod, Stack, Blowfish, Congo),
					// and a page's type is its section's only when it
					// sets none (joj0hq's posts/*.md, type "post",
					// mainSections ["post"]: no post at all).
					m.def.mainTypes = strings.Join(main, ",")
				}
			}
			posts = append(posts, m)
		}
		c.Warnings = append(c.Warnings, astroUnroutedWarnings(unrouted, f.astroUnrouted)...)
		main = slices.DeleteFunc(main, func(sec string) bool {
			_, gone := unrouted[path.Join(filepath.ToSlash(f.config.contentDir), sec)]
			return gone
		})
		if len(termEntries) > 0 {
			c.Warnings = append(c.Warnings, &FileError{File: termEntries[0], Kind: "tag description not served",
				Msg: fmt.Sprintf("%s: a collection describing tags, for the web site's tag pages: not served (the capsule's tag pages list each tag's posts)", count(len(termEntries), "file"))})
			main = slices.DeleteFunc(main, isTaxonomy)
		}
		if f.zola {
			main, zolaSecs, zolaFiles = f.zolaArrange(posts, sections, loc)
			c.Layout = f.zolaDescribe(main, zolaSecs)
		} else {
			c.Layout = f.describe(f.inLanguageFolders(main, nested))
		}
	}
	if f.gen == genAstro {
		// Its Markdown pages in src/pages, beside the collections read
		// (astropages.go).
		pages, warns, ferrs := f.astroPageFiles(&opts, maxPost, loc)
		posts = append(posts, pages...)
		c.Warnings, errs = append(c.Warnings, warns...), append(errs, ferrs...)
	}
	if c.Layout == "" {
		c.Layout = f.describe(nil)
	}

	all := make([]*source, 0, len(posts)+1)
	if site != nil {
		all = append(all, site)
	}
	if zolaHome != nil {
		all = append(all, zolaHome)
	}
	for _, m := range posts {
		all = append(all, m.src)
	}
	var order []*source
	if prev != nil {
		order = prev.order
	}
	readAll(all, prev, order)
	for _, m := range posts {
		// What is asked of a home page's and a Jekyll page's bytes below
		// (text, front matter) needs them: taken from the previous load
		// after Content.Forget, they are read again, unless that load
		// asked already (source.shape). Read again, a Jekyll page was
		// a changed file: no reload could take the posts whole
		// (reusePosts), and one that changed nothing took 12 ms of
		// tech.nitoyon.com's 115.
		if (m.def.home || m.jpage) && m.src.reused && m.src.data == nil && !m.src.shaped {
			m.src.read()
		}
	}
	if site != nil && site.reused && site.data == nil {
		// A site file with a text is the home page's post too, whose
		// Markdown Content.Forget drops: the site's title and language
		// are read from it below.
		site.read()
	}
	c.Warnings = append(c.Warnings, settle(all, cmp.Or(opts.Settle, SettleTime))...)
	// A home page's index.md without text is a theme's layout alone.
	posts = slices.DeleteFunc(posts, func(m *mdFile) bool {
		if !m.def.home || m.src.err != nil {
			return false
		}
		_, text := m.src.shape()
		return !text
	})
	for _, m := range posts {
		switch {
		case !m.def.jsSite || m.src.err != nil:
		case m.src.info != nil:
			m.def.modTime = m.src.info.ModTime() // Eleventy's date: Last Modified
		default:
			m.def.modTime = m.src.modTime() // as when it was read, by a previous load
		}
	}
	if f.gen == genHexo {
		f.hexoFileDates(posts)
	}
	// A Jekyll page without front matter is a file Jekyll copies as it
	// is (a README, a CHANGELOG): not a page, and not served either;
	// with jekyll-optional-front-matter among the plugins, a page
	// (hydejack's licenses/*.md), but for the files it leaves alone.
	redirects := make(map[string]bool) // the .html redirect pages', by path: not templates
	posts = slices.DeleteFunc(posts, func(m *mdFile) bool {
		if m.jredirect {
			if m.src.err != nil || !m.src.redirectPage() {
				return true // a file, served or warned of as the others beside the posts
			}
			redirects[filepath.ToSlash(relPath(dir, m.src.path))] = true
			return false
		}
		if !m.jpage || m.src.err != nil {
			return false
		}
		if front, _ := m.src.shape(); front {
			return false
		}
		if f.config.optionalFrontMatter && !optionalFrontMatterSkips(m.src.path) {
			m.def.bare = true
			return false
		}
		return true
	})
	for _, m := range posts {
		if m.src.err != nil {
			errs = append(errs, m.src.err)
		}
	}
	// Hugo's and Jekyll's themes show titles through markdownify, with
	// its typography (see plainTitle).
	for _, m := range posts {
		m.def.typographer = l == layoutHugo || l == layoutJekyll
		m.def.hugo, m.def.jekyll = l == layoutHugo && f.gen == "" && !f.zola, l == layoutJekyll
		if m.def.hugo {
			m.def.hugoHidden = f.config.hugoHidden
		}
		m.def.own = l == layoutFlat && f.gen == ""
		m.def.taxonomies, m.def.tagKeys = f.config.taxonomies, f.config.tagKeys
	}
	// The site file's settings, or its last good ones (readSiteFile).
	var siteErrs, siteWarns []*FileError
	var siteLang, siteHome bool
	var siteKept *siteSettings
	if site != nil {
		siteErrs, siteWarns, siteLang, siteHome, siteKept = c.readSiteFile(site, opts.Previous, opts.Saved, opts.Lang)
	}
	// The site file's cascade reaches every page, a section's its own.
	if l != layoutHugo {
		sections = nil
	}
	if site != nil {
		sections = append([]string{site.path}, sections...)
	}
	// What sections' cascades hand down, as Hugo does; a section that
	// is a page has its text served.
	// A Hugo site's cascades reach the pages of their file's language
	// (hugoPageLang); another site has one.
	hugoSite := l == layoutHugo && f.gen == "" && !f.zola
	pageLang := func(string) string { return "" }
	if hugoSite {
		pageLang = f.hugoPageLang
	}
	cascades, ownDrafts, sectionWarns := readSections(dir, sections, sectionPages, maxPost, f.langRel, pageLang, f.config.taxonomies)
	c.Warnings = append(c.Warnings, sectionWarns...)
	if site != nil {
		switch root := relDir(dir, site.path); {
		case siteKept != nil && siteKept.cascade != nil:
			cascades[root] = siteKept.cascade
		case siteKept != nil:
			delete(cascades, root)
		case c.site != nil:
			c.site.cascade = cascades[root]
		}
	}
	if hugoSite && len(f.config.languages) >= 2 {
		// The other languages' home pages hand down to their pages, as
		// the site file does to the default language's.
		// (A language's content folder's _index.md in the posts
		// folder is one of sections, read already.)
		homes := slices.DeleteFunc(f.langHomes(dir), func(p string) bool { return slices.Contains(sections, p) })
		more, _, warns := readSections(dir, homes, nil, maxPost, f.langRel, pageLang, f.config.taxonomies)
		c.Warnings = append(c.Warnings, warns...)
		for rel, tables := range more {
			cascades[rel] = append(cascades[rel], tables...)
		}
	}
	if hugoSite {
		// The configuration's cascade ([cascade], [[cascade]]) reaches
		// every page and section, as the site file's does, which wins;
		// a language with one of its own ([languages.ja.cascade]) has
		// that instead, as Hugo 0.111 reads it.
		if tables := f.config.hugoCascades(); len(tables) > 0 {
			cascades[""] = append(tables, cascades[""]...)
		}
	}
	if len(cascades) > 0 {
		for _, m := range posts {
			rel := filepath.ToSlash(relPath(dir, m.src.path))
			m.def.cascade = cascadeOf(cascades, m.def.dir, path.Join(f.langRel(m.def.dir), path.Base(rel)), pageLang(rel))
		}
	}
	// A draft section's pages are drafts, whatever they say, and its
	// list is not answered (hugoDraftDirs): a folder's, when its section
	// is a draft in each of its languages.
	if hugoSite {
		if drafts := hugoDraftDirs(sections, dir, cascades, ownDrafts, f.langRel, f.hugoFolderLangs); drafts != nil {
			for _, m := range posts {
				m.def.sectionDraft = underDraft(drafts, pageLang(filepath.ToSlash(relPath(dir, m.src.path))), m.def.dir)
			}
			allDraft := func(rel string) bool {
				for _, lang := range f.hugoFolderLangs(rel) {
					if underDraft(drafts, lang, rel) == "" {
						return false
					}
				}
				return true
			}
			c.hugoSections = slices.DeleteFunc(c.hugoSections, allDraft)
			for rel := range c.hugoSectionLayouts {
				if allDraft(rel) {
					delete(c.hugoSectionLayouts, rel)
				}
			}
		}
	}
	errs, c.Warnings = append(errs, siteErrs...), append(c.Warnings, siteWarns...)
	if siteHome {
		m := homeFile(site, "")
		m.lastGood = siteKept != nil // its problem is the site file's, said above
		posts = append(posts, m)
	}
	if zolaHome != nil {
		if zolaHome.reused && zolaHome.data == nil {
			zolaHome.read() // forgotten by Content.Forget
		}
		if zolaHome.err == nil && (hasText(zolaHome.data) || startsFront(zolaHome.data)) {
			posts = append(posts, homeFile(zolaHome, ""))
		}
	}
	// What the site file does not say, the generator's configuration may.
	f.config.applyMeta(&c.Meta, opts.Lang == "" && !siteLang)
	c.baseURL = f.config.baseURL
	if f.gen == genAstro {
		c.astroSrc = newAstroSrc(f.root, f.content)
		c.Warnings = append(c.Warnings, f.astroRouteWarns...)
	}
	c.hexo = f.gen == genHexo
	c.jekyllArchives = f.config.archives
	c.jekyllPaginate = f.config.paginate
	c.zolaTerms = f.zola && f.config.zolaTaxonomies != "safe" && f.config.zolaTaxonomies != "off"
	if f.zola {
		c.termPagers = f.config.termPagers
	}
	c.polyglot = l == layoutJekyll && f.gen == "" && f.config.polyglot && len(f.config.jekyllLangs) >= 2
	c.bareHTML = l == layoutJekyll && f.gen == ""
	if l == layoutHugo && f.gen == "" && !f.zola {
		c.Warnings = append(c.Warnings, f.config.mountsWarnings(f.root)...)
		c.Warnings = append(c.Warnings, f.config.languageHostWarnings(f.root)...)
	}
	c.sectionLists = l == layoutHugo && f.gen == ""
	if c.sectionLists && !f.zola {
		c.defaultLangHome = f.config.defaultLangHome
		c.hugoPager = f.config.pager
		c.hugoUgly, c.hugoUglySections = f.config.urls.ugly, f.config.urls.uglySections
	}
	c.Markup = f.config.markup
	if c.Languages = slices.Clone(f.config.languages); len(c.Languages) > 0 {
		if f.zola {
			posts = append(posts, f.zolaLanguageHomes(c.Languages, maxPost, (*[]*FileError)(&errs), &c.Warnings)...)
		} else { // Zola's _index.md is a section's, with no say on the site
			langErrs, langWarns, homes, good := f.languageMeta(c.Languages, maxPost, opts.Previous.lastLangSite)
			c.langSites = good
			errs, c.Warnings = append(errs, langErrs...), append(c.Warnings, langWarns...)
			posts = append(posts, homes...)
		}
		for _, m := range posts {
			m.slug = f.langSlug(m)
		}
	} else if f.gen != "" {
		// An Eleventy or Astro file named for its language
		// (alpha/index.ja.md, hello.en.md): its slug is its name's,
		// its language the one folderLanguages gives it.
		for _, m := range posts {
			m.slug = f.langSlug(m)
		}
	}
	for _, m := range posts {
		f.config.dateFromName(m, loc)
	}
	// Before the posts take the site's title (a home page's own), and
	// again at the end for what the posts gave (a Zola root section's
	// title, the languages of folders).
	c.clipSiteTexts(f.siteFile(dir))
	// The posts made of their decodings: those the last load made, if
	// they are made of the same (poststage.go).
	key := postsKey{withheld: withheldBundles(nested, l), folder: f, meta: c.Meta, languages: slices.Clone(c.Languages),
		siteLang: siteLang, lang: opts.Lang, location: loc.String(), zola: zolaSecs, zolaFiles: zolaFiles}
	c.datedPagesWait = l != layoutJekyll
	warnsFrom := len(c.Warnings)
	bundles, stageErrs, reused := c.reusePosts(prev, &key, posts, loc, now)
	if !reused {
		bundles, stageErrs = c.makePosts(&postsInputs{posts: posts, prev: prev, f: f, loc: loc, now: now, opts: &opts,
			siteLang: siteLang, zola: zolaSecs, zolaFiles: zolaFiles, hugoSections: hugoSections, key: key, warnsFrom: warnsFrom})
	}
	errs = append(errs, stageErrs...)
	c.cache.keep(all)

	// The files beside the posts, once it is known whose they are: the
	// files of a bundle that publishes none are not even read.
	maxFile, maxTotal := cmp.Or(opts.MaxFileSize, DefaultMaxFileSize), cmp.Or(opts.MaxFilesTotal, DefaultMaxFilesTotal)
	var total int64
	stateOf := func(rel string) fileState {
		if f.hexoUnbuilt(rel, bundles) {
			return fileUnbuilt
		}
		if ex.hexo.assetExcluded(rel, bundles) {
			return fileLeftOut
		}
		st, _ := bundles.state(rel, c)
		if st == filePublic && f.hexoDraftFile(rel) {
			st = fileDraft
		}
		return st
	}
	found, withheld, warns, ferrs := findFiles(dir, root, l, ex, top, stateOf, maxFile, maxTotal, &total)
	c.Withheld = withheld
	c.Warnings = append(c.Warnings, warns...)
	// Hugo's static folders: served at the top, as Hugo copies them; a
	// file beside the posts at the same path wins, as in Hugo's output.
	statics, warns, sferrs := f.staticFiles(opts, maxFile, maxTotal, &total, found)
	found = append(found, statics...)
	c.Warnings = append(c.Warnings, warns...)
	// An Astro site's images in src/ that its posts link (astrosrc.go).
	taken := make(map[string]bool, len(found))
	for _, b := range found {
		taken[b.rel] = true
	}
	srcPublic, srcDraft, warns := c.astroSrcFiles(f, opts, maxFile, maxTotal, &total, taken)
	srcDrafts := make(map[string]bool, len(srcDraft))
	for _, b := range srcDraft {
		srcDrafts[b.rel] = true
	}
	found = append(append(found, srcPublic...), srcDraft...)
	c.Warnings = append(c.Warnings, warns...)
	errs = append(errs, boundTotalCap(append(ferrs, sferrs...), dir, maxTotal, total)...)
	files := make([]*source, len(found))
	for i, f := range found {
		files[i] = f.src
	}
	readAll(files, prev, nil)
	c.Warnings = append(c.Warnings, settle(files, cmp.Or(opts.Settle, SettleTime))...)
	for _, s := range files {
		if s.err != nil {
			errs = append(errs, s.err)
		}
	}
	read, keyWarns, ferrs2 := filesRead(found, cmp.Or(opts.MaxFilesTotal, DefaultMaxFilesTotal))
	c.cache.keep(files) // with what filesRead found in them (source.privateKey)
	c.cache.done()
	c.Warnings = append(c.Warnings, keyWarns...)
	errs = append(errs, ferrs2...)
	for _, f := range read {
		if redirects[f.Path] {
			continue // a redirect page, a page of the posts'
		}
		if l == layoutJekyll && jekyllTemplate(f.Data) {
			if c.jekyllPaginate.v2.enabled && hasExt(f.Path, ".html", ".htm") && bytes.Contains(f.Data, []byte("pagination")) {
				if t := htmlTemplateV2(f.Data, f.Path); t.enabled {
					c.templatesV2 = append(c.templatesV2, t)
				}
			}
			// Jekyll runs it through Liquid (feed.xml, sitemap.xml, a
			// page in HTML): what it builds cannot be made here, and the
			// template is not the reader's.
			c.Warnings = append(c.Warnings, &FileError{File: filepath.Join(dir, filepath.FromSlash(f.Path)), Line: 1, Kind: kindJekyllTemplate,
				Msg: "a file with front matter, which Jekyll builds with its templates: not served (capsule cannot run them)"})
			continue
		}
		if stateOf(f.Path) == fileDraft || srcDrafts[f.Path] {
			c.DraftFiles = append(c.DraftFiles, f)
		} else {
			c.Files = append(c.Files, f)
		}
	}
	if c.hexo {
		c.hexoRoot = f.config.hexoRoot
		c.hexoCategoryMap, c.hexoTagMap, c.hexoFilenameCase = f.config.hexoCategoryMap, f.config.hexoTagMap, f.config.hexoFilenameCase
		c.hexoAssets = c.hexoAssetAddresses()
		c.hexoTerms = f.config.hexoTerms
	}
	SortFileErrors(errs)
	c.Problems = errs
	if c.Empty() {
		msg := "no posts and no pages to serve: only the home page will be there"
		var waiting []string
		if len(c.Drafts) > 0 {
			waiting = append(waiting, count(len(c.Drafts), "draft"))
		}
		if len(c.Scheduled) > 0 {
			waiting = append(waiting, count(len(c.Scheduled), "scheduled post"))
		}
		if len(waiting) > 0 {
			msg = "no posts and no pages to serve yet (" + strings.Join(waiting, ", ") + "): only the home page will be there until one is published"
		}
		hint := emptyHint(dir, l)
		if hint == "" && f.gen == genEleventy {
			hint = f.eleventyIgnoredHint()
		}
		if strings.HasPrefix(hint, "did you mean content?") {
			// A Hugo site's root given for its content folder: serving it
			// would serve its configuration and nothing a reader wants.
			return nil, ErrorList{{File: dir, Msg: "this is a Hugo site's folder, not its posts: " + hint}}
		}
		if hint != "" {
			msg += "; " + hint
		}
		c.Warnings = append(c.Warnings, &FileError{File: dir, Msg: msg, Kind: "nothing to serve"})
	}
	c.clipSiteTexts(f.siteFile(dir))
	for _, w := range c.Warnings {
		if w.tags != nil {
			c.tagTemplates = append(c.tagTemplates, *w.tags)
		}
	}
	if len(c.tagTemplates) > 0 {
		slices.SortFunc(c.tagTemplates, func(a, b TagTemplate) int { return strings.Compare(a.File, b.File) })
		c.Warnings = append(c.Warnings, eleventyTagWarnings(c.tagTemplates, c.Posts)...)
	}
	SortFileErrors(c.Warnings)
	for _, w := range c.Warnings {
		if w.list != nil {
			t := *w.list
			t.Dir = "" // the input folder's, from the site's top
			if folder, ok := strings.CutSuffix(filepath.ToSlash(w.File), "/"+t.Input); ok && f.root != "" {
				if rel, err := filepath.Rel(f.root, filepath.FromSlash(folder)); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
					t.Dir = filepath.ToSlash(rel)
				}
			}
			c.listTemplates = append(c.listTemplates, t)
		}
	}
	if !reused {
		c.sortLists()
		c.cache.posts.keepLists(c) // sorted: a reload that takes them need not sort them again
	}
	return c, nil
}

// postsInputs is what Load has made by the time it makes its posts of
// their decodings (makePosts).
type postsInputs struct {
	posts     []*mdFile
	prev      *loadCache
	f         folder
	loc       *time.Location
	now       time.Time
	opts      *LoadOptions
	siteLang  bool
	zola      map[string]zolaSection
	zolaFiles map[string]zolaSectionFile
	// hugoSections are a Hugo site's folders with a section's _index.md
	// (_index.ja.md), when one is a page: where its list stops.
	hugoSections map[string]bool
	key          postsKey // all but the decodings, which makePosts adds
	warnsFrom    int      // c.Warnings before makePosts
}

// makePosts makes c's posts of their decodings (decoding those the last
// load did not): each given its addresses, languages, translations and a
// unique slug, its templates expanded, put in its list by the time. It
// returns the page bundles' posts and the problems found, and keeps
// what it made for the next load (keepPosts).
func (c *Content) makePosts(in *postsInputs) (bundles owners, errs []*FileError) {
	posts, f, l, loc, now, opts := in.posts, in.f, in.f.layout, in.loc, in.now, in.opts
	siteLang, zolaSecs, key := in.siteLang, in.zola, in.key
	// A start from a build cache takes a broken post's last good
	// decoding from it; a reload, the post it served (lastGood below).
	results, entries := parsePosts(posts, loc, c.Meta.Lang, in.prev, c.cache, opts.Previous == nil && opts.Saved != nil)
	indexes := &sectionIndexes{f: f}
	var loaded []*Post
	bundles = make(owners)
	var assetDirs map[*Post]string // a Hexo post's asset folder, on disk
	// The last good versions, by file: looked up only for a post that
	// cannot be loaded now.
	lastGood := sync.OnceValue(opts.Previous.byFile)
	kept := make(map[*Post]bool) // of lastGood: an earlier load's, as it was made
	for i, r := range results {
		p := r.post
		if p != nil {
			if w := f.address(p, indexes.has); w != nil {
				r.warns = append(r.warns, w)
			}
		}
		switch {
		case posts[i].lastGood:
			// The home page text of a site file broken on a reload.
			p, r.errs, r.warns = lastGood()[posts[i].src.path], nil, nil
		case r.kept:
			// Its last good version, taken by a start (parsePosts).
			c.keptFromCache++
		case len(r.errs) > 0:
			// A post that cannot be loaded is left out, named; on a
			// reload it keeps its last good version until it is fixed.
			p = lastGood()[posts[i].src.path]
			if p != nil {
				r.errs = stillServed(r.errs)
			}
		}
		errs = append(errs, r.errs...)
		c.Warnings = append(c.Warnings, r.warns...)
		if m := posts[i]; f.gen == genHexo && hexoSection(m.def.dir) != "" {
			if dir := f.hexoAssetDir(m); dir != "" {
				bundles[dir] = p // nil when it failed, as a bundle's
				if p != nil {
					if assetDirs == nil {
						assetDirs = make(map[*Post]string)
					}
					assetDirs[p] = strings.TrimSuffix(m.src.path, filepath.Ext(m.src.path))
				}
			}
		} else if l == layoutHugo && m.nested && strings.EqualFold(filepath.Base(m.src.path), "index.md") {
			bundles[m.def.dir] = p // nil when it failed: its files are withheld
		}
		if p == nil {
			continue
		}
		if posts[i].lastGood || len(r.errs) > 0 && !r.kept {
			kept[p] = true
		}
		loaded = append(loaded, p)
	}
	f.setLanguages(loaded)
	f.mountedAddresses(loaded, indexes.has, kept)
	for _, p := range loaded {
		if f.zola && p.Home && p.Title != "" && c.Meta.Title == "" && p.Dir == "" {
			// A Zola site whose config.toml has no title: its root
			// section's names it.
			c.Meta.Title = p.Title
		}
		if p.Home && p.Title == "" {
			// A home page's text without a title of its own: its
			// site's (or language's) title heads its page.
			p.Title = c.Meta.Title
			if i := slices.IndexFunc(c.Languages, func(l Language) bool { return l.Code == p.langCode }); i >= 0 && c.Languages[i].Title != "" {
				p.Title = c.Languages[i].Title
			}
		}
	}
	if l == layoutHugo {
		dropTakenOlder(loaded)
	}
	if l == layoutJekyll || f.gen != "" {
		chosen := opts.Lang != "" || siteLang
		if langs := f.folderLanguages(loaded, c.Meta.Lang, chosen); len(langs) > 0 {
			c.Languages = langs
			was := c.Meta.Lang
			if f.gen != "" || f.jekyllHomeDefault(chosen) != "" {
				// The default language, served at the root, is the
				// site's: Astro's defaultLocale, or its posts' own;
				// a Jekyll site's home page's.
				c.Meta.Lang = langs[0].Tag
			}
			f.config.languageTexts(&c.Meta, langs, was)
			languageHomes(loaded, langs, c.Meta.Title)
		}
	}
	if f.gen != "" {
		c.Warnings = append(c.Warnings, directivePages(loaded)...)
	}
	if f.zola {
		c.Warnings = append(c.Warnings, zolaPages(loaded, zolaSecs, in.prev, c.cache)...)
		// The same file name in two sections is two addresses on the
		// Zola site, both served (Post.Addresses): no warning.
		uniqueSlugs(loaded)
	} else if f.gen == genEleventy {
		// Eleventy writes each page at an address of its own (its path,
		// 2026-02-27-briefing.md at /posts/2026-02-27-briefing/, or its
		// permalink: it stops on two pages written at one), whatever
		// their fileSlug: the slug capsule gives the post it shares one
		// with is capsule's own, no mistake of the site's, and both are
		// served at their addresses. No warning.
		uniqueSlugs(loaded)
	} else {
		c.Warnings = append(c.Warnings, uniqueSlugs(loaded)...)
	}
	if l == layoutHugo && f.gen == "" || f.zola {
		unifyTerms(loaded)
	}
	c.state = make(map[*Post]postState, len(loaded))
	for _, p := range loaded {
		c.classify(p, now)
	}
	c.linkTranslations(c.Languages, c.Posts, c.Pages, c.Unlisted)
	if c.polyglot && len(c.Languages) > 0 {
		if w := polyglotFallbacks(c.Languages, c.Posts, c.Pages, c.Unlisted); w != nil {
			c.Warnings = append(c.Warnings, w)
		}
	}
	if w := f.futureWarning(len(c.Scheduled)); w != nil {
		c.Warnings = append(c.Warnings, w)
	}
	if l == layoutFlat && f.gen == "" {
		c.Warnings = append(c.Warnings, languageNames(loaded)...)
	}
	if opts.Lang == "" && !siteLang && f.config.lang == "" && len(c.Languages) == 0 {
		if w := f.japaneseUnsaid(c.Meta.Lang, c.Posts); w != nil {
			c.Warnings = append(c.Warnings, w)
		}
	}
	for _, dir := range key.withheld {
		// A bundle whose index.md was passed over (a link leading
		// outside): its files are not published either.
		bundles[dir] = nil
	}
	c.Warnings = append(c.Warnings, unknownKeyWarnings(results)...)
	var inc *includeFiles // a Jekyll site's _includes, read as its posts ask
	var site *liquidSite  // and its documents, as its conditions ask
	if l == layoutJekyll && f.gen == "" {
		inc = newIncludeFiles(f.root)
		site = f.config.liquidSite(c)
	}
	var assetOf func(*Post) func(string) bool // {% asset_img %}'s files (hexoAssetNames)
	if len(assetDirs) > 0 {
		assetOf = func(p *Post) func(string) bool {
			dir, ok := assetDirs[p]
			if !ok {
				return nil
			}
			var names map[string]bool // read once, at the first tag's question
			return func(name string) bool {
				if names == nil {
					names = hexoAssetNames(dir)
				}
				return names[name]
			}
		}
	}
	c.Warnings = append(c.Warnings, expandTemplates(loaded, l != layoutHugo || f.gen != "", f.config.vars, f.config.blockAttributes, in.prev, c.cache, inc, assetOf, f.config.collectionsDir, site)...)
	// A home page whose text was its templates alone (a Jekyll index.md
	// of Liquid loops) has none: no home text, linked from no menu.
	c.Unlisted = slices.DeleteFunc(c.Unlisted, func(p *Post) bool { return p.Home && p.Blank })
	tooBig := make(map[string]*Post)
	for _, p := range loaded {
		if !p.plain { // plain posts were checked as they were decoded
			if ferr := checkTables(p.File, p.Body, p.BodyLine); ferr != nil {
				ferr.Line = p.fileLine(ferr.Line - p.BodyLine)
				if old := lastGood()[p.File]; old != nil {
					tooBig[p.File] = old
					ferr = stillServed([]*FileError{ferr})[0]
				} else {
					tooBig[p.File] = nil
				}
				errs = append(errs, ferr)
			}
		}
	}
	if len(tooBig) > 0 {
		c.replace(tooBig)
		for dir, p := range bundles {
			if p == nil {
				continue
			}
			if r, ok := tooBig[p.File]; ok {
				bundles[dir] = r // its last good version's files, or none
			}
		}
	}
	// Once every post is in its list: a section's page lists the
	// published ones.
	if f.zola {
		c.Warnings = append(c.Warnings, f.zolaSectionLists(c, loaded, kept, zolaSecs, in.zolaFiles)...)
	} else if in.hugoSections != nil {
		c.Warnings = append(c.Warnings, f.hugoSectionLists(c, loaded, kept, in.hugoSections)...)
	}
	key.indexes, key.includes = indexes, inc
	for i, m := range posts {
		if m.lastGood || results[i].kept {
			// Its decoding is not what the post served was made of: no
			// later load may take the posts made here as made of the
			// same (reusePosts).
			entries[i] = nil
		}
	}
	c.keepPosts(key, entries, posts, in.warnsFrom, errs, bundles)
	return bundles, errs
}

// sortLists puts each list of c in its order: posts newest first, the
// scheduled soonest first, the others by slug; the slug breaks ties, so
// that the order is stable.
func (c *Content) sortLists() {
	bySlugOrder := func(a, b *Post) int { return cmp.Compare(a.Slug, b.Slug) }
	for _, l := range [][]*Post{c.Pages, c.Drafts, c.Expired, c.Unlisted, c.NoPage} {
		slices.SortFunc(l, bySlugOrder)
	}
	slices.SortFunc(c.Scheduled, func(a, b *Post) int {
		return cmp.Or(a.PublishTime().Compare(b.PublishTime()), cmp.Compare(a.Slug, b.Slug))
	})
	slices.SortFunc(c.Posts, func(a, b *Post) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Slug, b.Slug))
	})
}

// Instead is c with the post of each file of instead left out (nil) or
// replaced by the version given (a last good one, Store.lastGood), in the
// list its state puts it in as of the load. c is not changed.
func (c *Content) Instead(instead map[string]*Post) *Content {
	out := *c
	out.replace(instead)
	out.sortLists()
	return &out
}

// replace puts c's posts in their lists anew, with the post of each file
// of instead left out (nil) or replaced by the version given.
func (c *Content) replace(instead map[string]*Post) {
	all := slices.Concat(c.Posts, c.Pages, c.Drafts, c.Scheduled, c.Expired, c.Unlisted, c.NoPage)
	c.Posts, c.Pages, c.Drafts, c.Scheduled, c.Expired, c.Unlisted, c.NoPage = nil, nil, nil, nil, nil, nil, nil
	c.state, c.NextChange = nil, time.Time{}
	for _, p := range all {
		if _, listed := instead[p.File]; !listed {
			c.classify(p, c.now)
		}
	}
	for _, p := range instead {
		if p != nil {
			c.classify(p, c.now)
		}
	}
}

// startsFront reports whether src starts with front matter (after a
// byte order mark): a line "---" or "+++", one run on into its first key
// (runOn), or "{".
func startsFront(src []byte) bool {
	first, _, _ := strings.Cut(string(NormalizeSource(src[:min(len(src), 64)])), "\n")
	first = strings.TrimRight(first, " \t")
	return first == "---" || first == "+++" || strings.HasPrefix(first, "{") ||
		runOn([]byte(first), yamlDelim) || runOn([]byte(first), frontMatterDelim)
}

// jekyllTemplate reports whether Jekyll processes a file beside the posts
// rather than copies it: it starts with a line of three dashes, as YAML
// front matter does (its first bytes, as Jekyll reads them: after a byte
// order mark the file is copied).
func jekyllTemplate(data []byte) bool {
	rest, ok := bytes.CutPrefix(data, []byte("---"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " \t")
	return bytes.HasPrefix(rest, []byte("\n")) || bytes.HasPrefix(rest, []byte("\r\n"))
}

// kindJekyllTemplate groups the warnings of Jekyll's templates beside the
// posts.
const kindJekyllTemplate = "Jekyll template not served"

const missingFolder = "the posts folder does not exist"

// postsRoot checks that dir is a folder and returns its real path, which
// symbolic links must stay inside.
func postsRoot(dir string) (string, *FileError) {
	info, err := os.Stat(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return "", &FileError{File: dir, Msg: missingFolder}
		}
		return "", &FileError{File: dir, Msg: "cannot read the posts folder: " + readProblem(err, false)}
	}
	if !info.IsDir() {
		return "", &FileError{File: dir, Msg: "is not a folder: the posts folder must be one"}
	}
	root, err := filepath.EvalSymlinks(dir)
	if err == nil {
		root, err = filepath.Abs(root)
	}
	if err != nil {
		return "", &FileError{File: dir, Msg: "cannot read the posts folder: " + readProblem(err, false)}
	}
	return root, nil
}

type parseResult struct {
	post        *Post
	errs, warns []*FileError
	unknown     []unknownKey
	// kept is set when post is the file's last good version, taken by a
	// start (parsePosts), and errs are what is wrong with the file now.
	kept bool
}

// parsePosts decodes the front matter of the posts read, on every core,
// or takes it from prev when a post's bytes are the ones decoded then.
// Results keep the order of posts, so that messages and duplicate
// detection do not depend on timing. When next is set, it is given every
// post's decoding for the next load, which entries also are, in the order
// of posts (nil for a post not read).
//
// A post whose file has problems keeps its last good decoding in next,
// when prev had one (lastGoodOf); with fallback set (a start from a
// build cache, which has no posts to keep but its decodings), its result
// is that decoding, kept, its problems said to leave it served.
func parsePosts(posts []*mdFile, loc *time.Location, lang string, prev, next *loadCache, fallback bool) (results []parseResult, entries []*parsedEntry) {
	results = make([]parseResult, len(posts))
	taken := make([]*parsedEntry, len(posts)) // from prev: its entry, unchanged, is next's
	work.ForEach(len(posts), func(i int) {
		m := posts[i]
		if m.src.err != nil {
			return // reported with the other read errors
		}
		if r, e := prev.parsedPost(m, loc, lang); e != nil {
			results[i], taken[i] = r, e
			return
		}
		results[i] = decodeMarkdownFile(m, loc, lang)
	})
	for i, m := range posts {
		if m.src.err != nil || len(results[i].errs) == 0 {
			continue
		}
		good := prev.lastGoodOf(m.src.path)
		if good == nil {
			continue
		}
		if next != nil {
			if next.lastGood == nil {
				next.lastGood = make(map[string]*lastGoodEntry)
			}
			next.lastGood[m.src.path] = good
		}
		if fallback && takeableEntry(good.entry, m, loc, lang) != nil {
			p := *good.entry.result.post // Load changes its posts: a copy
			results[i].post, results[i].errs, results[i].kept = &p, stillServed(results[i].errs), true
		}
	}
	if next != nil {
		if next.parsed == nil {
			next.parsed = make(map[string]*parsedEntry, len(posts))
		}
		for i, m := range posts {
			if m.src.err != nil {
				continue
			}
			if taken[i] == nil {
				taken[i] = newParsedEntry(m, loc, lang, results[i])
			}
			// Taken from prev, the decoding as it was, which nothing
			// changes: no copy of it again.
			next.parsed[m.src.path] = taken[i]
		}
		entries = taken
	}
	return results, entries
}

// decodeMarkdownFile decodes the front matter of m's post, read.
func decodeMarkdownFile(m *mdFile, loc *time.Location, lang string) parseResult {
	if m.src.reused && m.src.data == nil {
		// Unchanged, but its Markdown was forgotten (Content.Forget)
		// and its front matter must be read anew (another time zone).
		if m.src.read(); m.src.err != nil {
			return parseResult{errs: []*FileError{m.src.err}}
		}
	}
	p, errs, warns, unknown := parsePostKeys(m.src.path, NormalizeSource(m.src.data), m.slug, loc, lang, defaultFrontLimits, m.def)
	if p != nil && hasExt(p.File, ".mdx") {
		// Read only in a site that builds MDX (excluder.isMDX): its
		// Markdown, without its code. Not the file's text any more,
		// so never plain (ReadBody could not give it back).
		var notes mdxNotes
		p.Body, notes = mdxBody(p.Body, p.BodyLine)
		p.Lines = notes.lines
		warns = append(warns, mdxWarnings(p.File, notes)...)
	}
	if p != nil {
		p.plain = !(!p.noTemplates && hasTemplates(p.Body) || p.noTemplates && hasAttributeLists(p.Body)) && !(m.def.jekyll && hasAbbreviations(p.Body)) && !(m.def.hugo && hasBlockAttributes(p.Body)) && !hasExt(p.File, ".mdx")
		p.BodyHash = hashBody(p.Body)
		p.limit = m.src.limit
		if p.plain { // others are checked once their templates are expanded
			if ferr := checkTables(p.File, p.Body, p.BodyLine); ferr != nil {
				errs = append(errs, ferr)
			}
		}
	}
	return parseResult{post: p, errs: errs, warns: warns, unknown: unknown}
}

// newParsedEntry is r, m's decoding, as a load keeps it for the next:
// with a copy of its post as decoded (Load goes on to change its posts).
func newParsedEntry(m *mdFile, loc *time.Location, lang string, r parseResult) *parsedEntry {
	if r.post != nil {
		p := *r.post
		r.post = &p
	}
	return &parsedEntry{path: m.src.path, slug: m.slug, def: m.def, loc: loc, lang: lang, result: r}
}

// readAll reads srcs on every core, taking from prev those unchanged;
// order is prev's records in the order srcs are likely to be in (see
// loadCache.order), or nil.
func readAll(srcs []*source, prev *loadCache, order []*source) {
	work.ForEach(len(srcs), func(i int) {
		var at *source
		if i < len(order) {
			at = order[i]
		}
		if !srcs[i].reuse(prev, at) {
			srcs[i].read()
		}
	})
}

// siteKeys are the keys of the site file.
var siteKeys = []string{"title", "description", "lang", "author", "favicon"}

// parseSiteMeta decodes the site file's front matter into meta. Every key
// of it is known: an unknown one is an error.
func parseSiteMeta(path string, src []byte, meta *SiteMeta) (errs, warns []*FileError, setsLang bool) {
	front, _, _, start, format, ferr := splitFront(src)
	if ferr != nil && textAlone(src) {
		// Text alone, as Hugo builds a home page's _index.md: no
		// settings, and the text is the home page's.
		return nil, nil, false
	}
	if ferr != nil {
		ferr.File = path
		return []*FileError{ferr}, nil, false
	}
	m, lines, repeated, ferr := decodeFrontAs(format, front, start, defaultFrontLimits)
	if ferr != nil {
		ferr.File = path
		return []*FileError{ferr}, nil, false
	}
	for _, w := range repeated {
		w.File = path
	}
	warns = repeated
	r := newFrontReader(path, m, lines, format)
	warn := func(line int, kind, format string, args ...any) {
		warns = append(warns, &FileError{File: path, Line: line, Msg: fmt.Sprintf(format, args...), Kind: kind})
	}
	for _, u := range r.unknown(siteKeys) {
		if themeKeys[strings.ToLower(u.name)] || slices.Contains(postKeys, u.name) {
			// Hugo's _index.md is a section page too: its theme keys and
			// post keys (aliases, date, cascade…) are nothing to the site.
			continue
		}
		if u.closest != "" {
			warn(u.line, kindMisspelt, "%s", misspelt(u))
			continue
		}
		warn(u.line, kindUnknownKey, "unknown key %q ignored (the site's keys: %s)", clip(u.name), strings.Join(siteKeys, ", "))
	}
	title := r.str("title", `title = "_・)Keep Smiling"`)
	description := r.str("description", `description = "Notes on everyday life"`)
	author := r.str("author", `author = "Your Name"`)
	favicon := r.str("favicon", `favicon = "😊"`)
	if _, ok := m["lang"]; ok {
		setsLang = true
		lang := r.str("lang", `lang = "ja"`)
		if !r.bad["lang"] && !langPattern.MatchString(lang) {
			r.fail(r.line("lang"), "%s", langMessage(lang))
		}
		meta.Lang = lang
	}
	meta.Title, meta.Description, meta.Author, meta.Favicon = oneLine(title), oneLine(description), oneLine(author), oneLine(favicon)
	return r.errs, warns, setsLang
}

// unknownKeyWarnings is one warning per unknown key name across all posts
// (a blog brought from another tool may have the same key in hundreds of
// files: one line of log says it all), at the first file and line that
// has it, saying how many files have it.
func unknownKeyWarnings(results []parseResult) []*FileError {
	type seen struct {
		first *FileError
		files int
	}
	byName := make(map[string]*seen)
	var order []string
	for _, r := range results {
		for _, u := range r.unknown {
			s := byName[u.name]
			if s == nil {
				file := ""
				if r.post != nil {
					file = r.post.File
				}
				s = &seen{first: &FileError{File: file, Line: u.line, Kind: kindUnknownKey}}
				byName[u.name] = s
				order = append(order, u.name)
			}
			s.files++
		}
	}
	var out []*FileError
	for _, name := range order {
		s := byName[name]
		if s.first.File == "" {
			continue // the post failed: its errors say enough
		}
		s.first.Msg = fmt.Sprintf("unknown front matter key %q ignored", clip(name))
		if s.files > 1 {
			s.first.Msg += fmt.Sprintf(" (in %d files)", s.files)
		}
		out = append(out, s.first)
	}
	return out
}

// siteSettings is what a site file said when it last read without a
// problem.
type siteSettings struct {
	path     string
	meta     SiteMeta // as it set them, before the generator's configuration
	setsLang bool
	home     bool           // it holds a home page text
	cascade  []cascadeTable // what it hands down to every page (readSections)
}

// readSiteFile reads the site file's settings into c.Meta, and records
// them in c.site. On a reload that finds it broken (a problem reading or
// decoding it), the site keeps its last good settings, cascade and home
// page text until it is fixed, as a post keeps its last good version
// (makePosts): the defaults instead (another title, English for a
// Japanese blog, no cascade) would change every page, for a typo. It
// returns the problems and warnings, whether the file sets the language
// and whether it has a home page text, and the last good reading it kept
// (nil when the file reads well, or there is none to keep).
//
// A start from a build cache (saved, with no prev) keeps the settings
// the cache saved, when it saved them (Content.savedSite).
func (c *Content) readSiteFile(site *source, prev *Content, saved *Saved, lang string) (errs, warns []*FileError, setsLang, home bool, kept *siteSettings) {
	if site.err != nil {
		errs = []*FileError{site.err}
	} else {
		errs, warns, setsLang = parseSiteMeta(site.path, NormalizeSource(site.data), &c.Meta)
	}
	if len(errs) == 0 {
		home = hasText(site.data)
		c.site = &siteSettings{path: site.path, meta: c.Meta, setsLang: setsLang, home: home}
		return errs, warns, setsLang, home, nil
	}
	kept = prev.lastSite(site.path)
	if prev == nil && saved != nil && saved.site != nil && saved.site.path == site.path {
		kept = saved.site
	}
	if kept == nil {
		return errs, warns, setsLang, false, nil
	}
	c.site, c.Meta = kept, kept.meta
	if !kept.setsLang {
		c.Meta.Lang = cmp.Or(lang, "en")
	}
	return stillServed(errs), warns, kept.setsLang, kept.home, kept
}

// lastSite is c's last good reading of the site file at path, nil if it
// has none (or c is nil).
func (c *Content) lastSite(path string) *siteSettings {
	if c == nil || c.site == nil || c.site.path != path {
		return nil
	}
	return c.site
}

// lastLangSite is c's last good reading of a language's site file at
// path, nil if it has none (or c is nil).
func (c *Content) lastLangSite(path string) *siteSettings {
	if c == nil {
		return nil
	}
	for _, s := range c.langSites {
		if s.path == path {
			return s
		}
	}
	return nil
}

// homeFile is the text of a home page's file (the site file, or a
// language's _index.<code>.md), which Hugo's themes show above the list
// of posts: a page that no list shows (its own address is /index.gmi),
// drawn on its language's home page.
func homeFile(src *source, dir string) *mdFile {
	return &mdFile{src: src, slug: "index", def: postDefaults{dir: dir, page: true, undatedPage: true, bare: true, home: true}}
}

// isHomeIndex reports whether a file at the top of a Jekyll or Eleventy
// site is its home page's.
func isHomeIndex(name string) bool {
	return strings.EqualFold(name, "index.md") || strings.EqualFold(name, "index.markdown")
}

// hasText reports whether a file's Markdown after its front matter (if it
// has one) has any text.
func hasText(src []byte) bool {
	_, body, _, _, _, ferr := splitFront(NormalizeSource(src))
	if ferr != nil && textAlone(src) {
		body, ferr = src, nil // no front matter: all text
	}
	return ferr == nil && len(bytes.TrimSpace(body)) > 0
}

// textAlone reports whether a site file is text without front matter:
// it opens none, and its first line is no setting either ("title:
// Notes", "title = \"Notes\"": front matter whose delimiters were left
// out, a problem that says so).
func textAlone(src []byte) bool {
	first, _, _ := bytes.Cut(NormalizeSource(src[:min(len(src), 256)]), []byte("\n"))
	return !startsFront(src) && !yamlKeyLine.Match(first) && !tomlKeyLine.Match(first)
}

// tomlKeyLine is a line reading as a TOML key: a name, then "=".
var tomlKeyLine = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*\s*=`)

// optionalFrontMatterSkips reports whether jekyll-optional-front-matter
// leaves the file at path as it is: a README, a license, a code of
// conduct and the like.
func optionalFrontMatterSkips(path string) bool {
	stem := strings.ToUpper(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	return slices.Contains([]string{"README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE"}, stem)
}

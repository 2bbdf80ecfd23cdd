package content

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"maps"
	"math"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Post is one blog post: its front matter and its Markdown, parsed once.
type Post struct {
	File    string    // path of the source file, for messages
	Slug    string    // from the file name unless front matter sets it, made an address by MakeSlug
	Title   string    // required
	Date    time.Time // required; midnight in the site's zone for a bare date
	HasDate bool      // whether front matter gave a date: 0001-01-01 is a date, and is Date's zero value
	Updated time.Time // when last changed; Date unless front matter sets it
	Tags    []string
	Summary string
	Lang    string // the site's language unless front matter sets it
	// LangDir is where the post's language is served in a multilingual
	// site ("/fr": its addresses are /fr/posts/…); "" at the root.
	LangDir string
	// Translations are the post's versions in the site's other
	// languages, in their order (see languages.go).
	Translations []Translation
	Draft        bool
	// DraftSection is the folder of the draft Hugo section ("posts/old/")
	// that makes the post a draft though its front matter says draft:
	// false, which its byline among the drafts tells its author; "" for
	// none.
	DraftSection string
	// Aliases are the post's old URL paths ("/2017/05/03/hello/",
	// "/blog/old-name.html"), each starting with "/", from the front
	// matter keys url, permalink, aliases and redirect_from of Hugo and
	// Jekyll: capsule answers them with a redirect to the post.
	Aliases []string
	// Addresses are the post's addresses on its generator's web site, as
	// Hugo or Jekyll computes them from the site's configuration (Hugo's
	// "/posts/hello/" and [permalinks], Jekyll's permalink setting:
	// "/2014/09/02/hello.html"), each starting with "/", percent-encoded
	// as on the web; none in capsule's own folder. capsule answers them
	// as it answers Aliases, and links written as them lead to the post.
	Addresses []string
	// Page is a standalone page (front matter page = true): no date
	// needed, not in the post list, feeds, tags, archive or search.
	Page bool
	// Expires is when the post stops being published (Hugo's expiryDate);
	// zero when it does not.
	Expires time.Time
	// Unlisted is a post (or page) with a page of its own that no list
	// shows (Hugo's build list: never or local; see publish.go).
	Unlisted bool
	// Home is the text of a home page (its _index.md's): unlisted, and
	// drawn on its language's home page.
	Home bool
	// Dir is the folder of the post's file relative to the posts folder,
	// with slashes: "" at the top, "posts" for posts/hello.md,
	// "posts/hello" for the page bundle posts/hello/index.md. Relative
	// links in the post (![](cover.jpg)) resolve against it.
	Dir string
	// Blank is a post with no text after its front matter, only spaces
	// and line breaks, or HTML a reader never sees (scripts, styles,
	// comments; see blankBody): a theme's layout stub, such as Hugo's
	// search.md.
	Blank bool
	// Layout is the template its front matter names (layout, else
	// Hugo's type), lower case, when its text is at most a short line
	// (Brief): what a theme's layout page says, as ShintaroOba/techlog's
	// archive/_index.md does with type: "archive" and "archive page"
	// (see capsule's stubs.go). "" otherwise, and for a longer name
	// (maxLayoutName bytes).
	Layout string
	// Brief is that line, "" when there is none (Blank).
	Brief string
	// Term is the term whose posts a theme's page of one term lists
	// (minimal-mistakes' layout: category or tag, with taxonomy:
	// investment), "" for any other page; at most maxLayoutName bytes.
	Term string
	// Math is set when the front matter turns a math renderer on for the
	// post (math, katex, mathjax: true): "$…$" is then math in it (see
	// Markup.Dollar).
	Math bool
	// Hero is the image the front matter heads the post with (Astro's
	// heroImage, Eleventy's image or cover): drawn before its text, as an
	// image written there would be. Its URL is "" when there is none.
	Hero Hero
	// NotHome is a post Hugo's theme leaves off its home page's list
	// (LoveIt's, DoIt's, FixIt's and even's hiddenFromHomePage: true,
	// FixIt 1.0's hidden_from_home_page): kept in the archive, the tags
	// and the feed, as those themes keep it. NotSearch is one it leaves
	// out of its search index (hiddenFromSearch, hidden_from_search;
	// PaperMod's searchHidden).
	// NotFeed is one FixIt leaves out of its feeds (hiddenFromFeed,
	// hidden_from_feed): out of capsule's Atom feeds, the site's and its
	// tags', and on every list. Each is also the site's default when
	// its configuration sets one (postDefaults.hugoHidden), which a
	// post's own false overrides.
	NotHome, NotSearch, NotFeed bool
	// AlsoIn are the lists an unlisted post is in all the same: those
	// hexo-hide-posts' allowlist gives a hidden Hexo post to (see
	// hexoHide); none for every other post.
	AlsoIn Lists
	// RedirectTo is where a Jekyll page or post whose front matter has
	// jekyll-redirect-from's redirect_to sends its readers: a path of
	// the site or a URL, as written (the first of a list). Jekyll
	// writes a redirect at its addresses, not its text: capsule does
	// the same (capsule's redirectpages.go), and lists it nowhere. ""
	// for any other post.
	RedirectTo string

	Body     []byte // the Markdown after the front matter; nil after Content.Forget
	BodyLine int    // line of File on which Body starts
	// Lines maps Body's lines to File's where its templates made them
	// differ (an include's text, Liquid's trimmed whitespace, a code
	// block's fences): see Line. Nil when they do not (most posts).
	Lines []LineSync
	// bodyAt is where Body begins in its file's bytes as NormalizeSource
	// gives them, where Load cut it (after the front matter; at the top
	// of a file without any; after Zola's blank lines): where ReadBody
	// reads it back.
	bodyAt int
	// BodyHash identifies Body's bytes, so that a reload can tell an
	// unchanged body without holding it; 0 when Load did not set it.
	BodyHash uint64
	// bodySum is the SHA-256 of Body, for a post an earlier process
	// decoded (Saved): known without its bytes. Nil for others.
	bodySum *[32]byte

	// plain is set when Body has no template syntax or attribute list to
	// expand: found once, when the post is decoded.
	plain bool
	// NoMarkdown is a post whose text is no Markdown but what a template
	// language writes, HTML (an Eleventy page in Nunjucks or Liquid, or
	// one whose templateEngineOverride names no md): its text is read
	// as HTML throughout, as an HTML block's is, text between its
	// elements too, no line of it a Markdown block.
	NoMarkdown bool
	// noTemplates is a post whose text no template language runs over
	// (an Eleventy post's, markdownTemplateEngine: false): its Liquid is
	// text, expanded by no expandTemplates.
	noTemplates bool
	limit       int64 // the most bytes its file may have: what ReadBody reads
	// noPage and noResources are Hugo's build options and headless: no
	// page, and no file of its page bundle served (see publish.go).
	noPage, noResources bool
	rel                 string // Path, made once
	// What the generators' addresses are made of (see addresses.go):
	// the front matter's slug as written, its url or permalink (the
	// post's own address, or a Jekyll pattern) with its key and line, and
	// Jekyll's categories (category and categories, apart from tags).
	fmSlug      string
	own, ownKey string
	ownLine     int
	// hugoAliases are those of Aliases from the aliases key, each true
	// when written relative: Hugo's, placed by folder.address.
	hugoAliases map[string]bool
	hugoOlder   []string // of Addresses, where Hugo before 0.155 put them
	// categories are the front matter's categories, in order. A Hexo
	// post's are its paths of categories, each name in the one before
	// it, with an empty name between two paths ([[Diary, Life], [Work]]
	// is Diary, Life, "", Work: hexoFrontTerms).
	categories []string
	// keyTags is how many of Tags, the first ones, the tags and tag
	// keys gave (categories follow): a Hexo site's page of a tag is
	// under its tag_dir, of a category under its category_dir.
	keyTags int
	// langCode and translationKey are the post's language in a
	// multilingual site and what its translations share.
	langCode, translationKey string
	// langRoot is the folder of the posts folder that is the post's
	// language's content folder (Hugo's contentDir: "ja" of
	// content/ja), "" for none: the root its refs' paths are from.
	langRoot         string
	fmTranslationKey string // the front matter's translationKey (or ref), as written
	// publishes is when the post is published, if not at Date: the
	// front matter's date, where the file's name gives Date (see
	// postDefaults.nameFirst). Zero otherwise.
	publishes time.Time
	// untitled is a post whose front matter gives no title: Hugo's
	// :title and :slug are empty for it.
	untitled bool
	// hidden is a Jekyll post whose front matter (or defaults) says
	// hidden, which jekyll-paginate's pages leave out (JekyllPaginators).
	hidden bool
	// kana is a post whose text, in its first bytes, has kana (hasKana):
	// a Japanese post though its title be English or kanji alone, for
	// the site's language warning (japaneseUnsaid), which a reload, having
	// forgotten most texts, must say as a start does.
	kana bool
	// locked is a post its theme shows only to a reader who types its
	// password (passwordKey): a draft for capsule, said so (Unpublished).
	locked bool
	// pagination is a Jekyll page's jekyll-paginate-v2 settings, when it
	// is the template of a list of posts in pages (JekyllPaginators).
	pagination paginationV2
	// weight is the front matter's weight, 0 when it gives none (or one
	// that is no number): what orders a Hugo section's list of its pages
	// first (sortHugoSection).
	weight int
	// weighted is a front matter that gives a weight, 0 too: a Zola
	// section sorted by weight lists only such pages (sortSection).
	weighted bool
	// addressVals are the values of the front matter keys a Hexo site's
	// permalink names (abbrlink), or an Astro collection's generateId
	// reads (astroids.go), each key then its value.
	addressVals []string
}

// themeFlag reports whether a Hugo theme (LoveIt, DoIt, FixIt) hides
// the page of front matter m, whose keys names (lower case; Hugo's keys
// are not case-sensitive) say so, at the top or in its params table, as
// those themes read .Params: by default (the site's configuration sets
// it: byDefault), unless one is the boolean false, as their where
// "Params.hiddenfromhomepage" false keeps only those; else only when one
// is the boolean true, which their where "!=" true compares with.
func themeFlag(m map[string]any, byDefault bool, names ...string) bool {
	want := !byDefault
	for _, t := range []map[string]any{m, mapOf(m, "params")} {
		for k, v := range t {
			if v == want && slices.Contains(names, strings.ToLower(k)) {
				return want
			}
		}
	}
	return byDefault
}

// mapOf is the table under key (any case) of m, nil for none.
func mapOf(m map[string]any, key string) map[string]any {
	for k, v := range m {
		if t, ok := v.(map[string]any); ok && strings.EqualFold(k, key) {
			return t
		}
	}
	return nil
}

// maxLayoutName bounds the template name Post.Layout holds, and
// maxBrief the line Post.Brief does: a word or two ("記事履歴"), what a
// theme's layout page says beside its template.
const (
	maxLayoutName = 32
	maxBrief      = 80
)

// layoutPage is the template the front matter m names (layout, else
// type), lower case, and the text body says, when that is at most one
// line of maxBrief bytes: a theme's layout page's ("" and "" when
// there is none, or the text is longer).
func layoutPage(m map[string]any, body []byte) (layout, brief string) {
	layout = strings.ToLower(strings.TrimSpace(cmp.Or(str(m["layout"]), str(m["type"]))))
	text := bytes.TrimSpace(body)
	if layout == "" || len(layout) > maxLayoutName || len(text) > maxBrief || bytes.ContainsAny(text, "\n\r") {
		return "", ""
	}
	return layout, string(text)
}

// typeOfMain reports whether the front matter m's type is one of main
// (a Hugo site's mainSections, comma apart): Hugo's themes take the
// posts of the home page, the archive and the feed from
// site.RegularPages whose Type is in mainSections, and a page's Type is
// its front matter's type before its section's. Hugo writes a type in
// lower case.
func typeOfMain(m map[string]any, main string) bool {
	t := strings.ToLower(strings.TrimSpace(str(m["type"])))
	if t == "" || main == "" {
		return false
	}
	for s := range strings.SplitSeq(main, ",") {
		if strings.ToLower(s) == t {
			return true
		}
	}
	return false
}

// PublishTime is when p is published: its date, unless its front matter
// says otherwise (publishes).
func (p *Post) PublishTime() time.Time {
	if !p.publishes.IsZero() {
		return p.publishes
	}
	return p.Date
}

// quietKey reports whether name, a key of a post's front matter that
// capsule does not read, is one it leaves to the site's theme without a
// warning: a theme's, one of Zola's page keys in a Zola site, or one of
// the site's taxonomies (each between commas, lower case).
func quietKey(name string, zola bool, taxonomies string) bool {
	return themeKeys[strings.ToLower(name)] || zola && slices.Contains(zolaPageKeys, name) ||
		strings.Contains(taxonomies, ","+strings.ToLower(name)+",")
}

// postKeys are the keys of a post's front matter that capsule reads, in
// every syntax: its own, and Hugo's and Jekyll's for the same things.
// Near misses of these are errors (see parsePost).
var postKeys = []string{"title", "date", "publishDate", "updated", "lastmod", "tags", "tag", "categories",
	"category", "summary", "description", "excerpt", "slug", "url", "permalink", "aliases", "redirect_from",
	"lang", "language", "draft", "published", "page", "expiryDate", "build", "_build", "headless"}

// LangRoot is the folder of the posts folder that is p's language's
// content folder (Hugo's contentDir: "ja" of content/ja), "" for none:
// where the paths of its links from the top start, as Hugo reads them.
func (p *Post) LangRoot() string { return p.langRoot }

// postKeyFold is each of postKeys by its lower case: a Hugo site's
// front matter may write them in any case (Title, Tags, Draft).
var postKeyFold = func() map[string]string {
	m := make(map[string]string, len(postKeys))
	for _, k := range postKeys {
		m[strings.ToLower(k)] = k
	}
	return m
}()

// translationKeys are the keys that name what a post's translations
// share, first the one that wins (lower case). lng_pair is the MrGreen
// Jekyll theme's, page_id jekyll-polyglot's (its versions of a page with
// permalinks of their own: /a-really-long-korean/permalink/).
var translationKeys = []string{"translationkey", "lang_ref", "lang-ref", "ref", "lng_pair", "page_id"}

// keyVariants are other spellings Hugo and Jekyll accept for keys of
// postKeys (Hugo's keys are not case-sensitive; Jekyll's plugins add
// their own), mapped to the key they stand for.
var keyVariants = map[string]string{
	"publishdate": "publishDate", "PublishDate": "publishDate", "pubdate": "publishDate",
	"lastMod": "lastmod", "Lastmod": "lastmod", "modified": "lastmod", "last_modified_at": "lastmod",
	"expirydate": "expiryDate", "ExpiryDate": "expiryDate", "unpublishdate": "expiryDate", "unpublishDate": "expiryDate",
	"Build": "build", "Headless": "headless",
	// Astro's themes' (and Eleventy's) names.
	"pubDate": "publishDate", "pubDatetime": "publishDate", "updatedDate": "lastmod", "modDatetime": "lastmod",
	"updatedDatetime": "lastmod",
}

// Examples of the keys of a post, for messages.
const (
	titleExample = `title = "Hello again"`
	tagsExample  = `tags = ["日記", "WiMAX"]`
)

// Bounds of names that end up in URLs and selectors. A Gemini request
// is at most 1024 bytes, and RFC 1436 keeps a Gopher selector within 255.
const (
	// MaxSlugBytes is the longest slug, in bytes once percent-encoded
	// (EncodedSlugBytes): 200 ASCII characters or 66 Chinese or Japanese
	// ones. "/posts/" + slug + ".txt" stays within Gopher's 255 bytes,
	// and gemini://<a 253-byte host name>:port/posts/<slug>.gmi within
	// 1024. MakeSlug cuts a longer one.
	MaxSlugBytes = 200
	// MaxTagBytes is the longest tag, in bytes of UTF-8: 80 bytes is 80
	// ASCII letters or 26 Japanese characters. URLs percent-encode a tag,
	// each byte becoming three: "/tags/" + 240 bytes stays within a
	// Gopher selector's 255, and a tag's feed URL within Gemini's 1024
	// even with the longest host name.
	MaxTagBytes = 80
	// MaxTags is the most tags one post may have. Real posts carry a
	// handful; each new tag is two more pages and a feed to build, so a
	// careless list of thousands would swell the capsule.
	MaxTags = 50
)

// kindDraftOverruled is the warning of a page whose draft: false a draft
// section overrules.
const kindDraftOverruled = "draft: false overruled by a draft section"

// langPattern is what lang may be: a language tag (ja, en-US, zh-Hant-TW).
// It is written into the header of Gemini responses, so nothing else may
// pass.
var langPattern = regexp.MustCompile(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)

// langTag is s as a language tag, "_" read as "-" (Hugo's languageCode
// = "zh_CN", a locale's way of writing zh-CN, which Hugo passes on to
// its themes' <html lang>): "zh-CN"; "" when it is none (langPattern).
func langTag(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if !langPattern.MatchString(s) {
		return ""
	}
	return s
}

// languageCode is s as a language tag: s itself when it is one (a
// language of two or three letters, then subtags: "ja", "en-US",
// "zh-Hant"), the tag of a language's name ("English", "日本語",
// "中文", as themes that show it write it), else "".
func languageCode(s string) string {
	s = strings.TrimSpace(s)
	if tag := langTag(s); tag != "" {
		if primary, _, _ := strings.Cut(tag, "-"); len(primary) >= 2 && len(primary) <= 3 {
			return tag
		}
	}
	for _, code := range languageNameCodes {
		if strings.EqualFold(s, languageAutonyms[code]) {
			return code // the shortest code of a name two share: pt of Português
		}
	}
	return languageInEnglish[strings.ToLower(s)]
}

// languageNameCodes are the codes of languageAutonyms, sorted: a name two
// codes share is the first's.
var languageNameCodes = slices.Sorted(maps.Keys(languageAutonyms))

// languageInEnglish are the tags of common languages by their English
// names, lower case.
var languageInEnglish = map[string]string{
	"english": "en", "japanese": "ja", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
	"portuguese": "pt", "chinese": "zh", "korean": "ko", "russian": "ru", "persian": "fa", "arabic": "ar", "dutch": "nl",
}

func langMessage(lang string) string {
	return fmt.Sprintf(`front matter: lang %q is not a language tag such as "ja" or "en-US"`, clip(lang))
}

// Line returns the line of p's file that holds byte offset off of Body:
// for the text an include put in, the line of its tag.
func (p *Post) Line(off int) int {
	off = min(max(off, 0), len(p.Body))
	return p.fileLine(bytes.Count(p.Body[:off], []byte("\n")))
}

// LineSync is where Body's lines and File's part: from Body's line Out
// (counted from 0), File's line is Src, and on the lines after, Src and
// one more a line, or Src on each when Flat (an include's text). (An
// exported field of Post's: the render cache's digest of a post holds
// it, so that no warning is kept with lines of another map.)
type LineSync struct {
	Out, Src int
	Flat     bool
}

// fileLine is the line of p's file of Body's line n (counted from 0).
func (p *Post) fileLine(n int) int {
	i, _ := slices.BinarySearchFunc(p.Lines, n+1, func(s LineSync, n int) int { return cmp.Compare(s.Out, n) })
	if i == 0 {
		return p.BodyLine + n
	}
	s := p.Lines[i-1]
	if s.Flat {
		return s.Src
	}
	return s.Src + n - s.Out
}

// parsePost decodes one normalized post file. slug is the default slug (the
// file name without ".md"). It returns every problem it finds, and warnings
// for what it ignores.
//
// An unknown key is a warning, but one that likely misspells a known key
// (titel, draf, Tags) is an error: its value would be lost without a word,
// and a lost draft = true publishes a draft.
func parsePost(file string, src []byte, slug string, loc *time.Location, lang string, lim frontLimits) (*Post, []*FileError, []*FileError) {
	p, errs, warns, unknown := parsePostKeys(file, src, slug, loc, lang, lim, postDefaults{})
	for _, u := range unknown {
		warns = append(warns, &FileError{File: file, Line: u.line,
			Msg: fmt.Sprintf("unknown front matter key %q ignored", clip(u.name)), Kind: kindUnknownKey})
	}
	SortFileErrors(warns)
	return p, errs, warns
}

// parsePostKeys is parsePost, but returns the unknown keys (neither read,
// nor near misses of read keys, nor themes' keys) instead of warning about
// them, so that Load can warn once per key name for the whole site.
func parsePostKeys(file string, src []byte, slug string, loc *time.Location, lang string, lim frontLimits, def postDefaults) (*Post, []*FileError, []*FileError, []unknownKey) {
	var warns []*FileError
	whole := len(src) // the body is what ends src: it begins at whole-len(body) (Post.bodyAt)
	blank := 0
	if def.zola || def.hugo {
		// Zola and Hugo read front matter after blank lines (Hugo's
		// lexer skips spaces and line ends before its "+++", "---" or
		// "{"); Jekyll's must open the file.
		src, blank = trimBlankStart(src)
	}
	var front, body []byte
	var bodyLine, start int
	var format frontFormat
	var ferr *FileError
	opens := startsFront(src)
	if len(src) > 0 && src[0] == '{' && !def.braceJSON() {
		// Text that opens with a Liquid tag or output ("{% if … %}",
		// "{{ title }}"), which is no front matter to these generators:
		// read as a file without any.
		front, body, bodyLine, ferr = splitFrontMatter(src)
		start, format, opens = frontStart, formatTOML, false
	} else {
		front, body, bodyLine, start, format, ferr = splitFront(src)
	}
	bodyLine, start = bodyLine+blank, start+blank
	noFront := false // the file has no front matter: its examples are in def.usualFormat
	hexoBare := ""   // the line that ends Hexo's front matter read here: "---", ";;;"
	if ferr != nil && def.hexo && !opens {
		// Hexo's JSON front matter between ";;;" lines (splitHexoJSON),
		// and its front matter without an opening line (splitHexoBare).
		if f, b, l, ok := splitHexoJSON(src); ok {
			front, body, bodyLine, start, format, ferr, hexoBare = f, b, l, 2, formatJSON, nil, ";;;"
		} else if f, b, l, form, ok := splitHexoBare(src); ok {
			front, body, bodyLine, start, format, ferr, hexoBare = f, b, l, 1, form, nil, "---"
			if form == formatJSON {
				hexoBare = ";;;"
			}
		}
	}
	if ferr != nil && def.bare && !opens {
		// Hugo publishes a content file without front matter, Jekyll a
		// post: it is all Markdown, titled from its name.
		front, body, bodyLine, start, format, ferr = nil, src, 1+blank, 1+blank, formatTOML, nil
		noFront = true
	}
	if ferr != nil {
		ferr.File, ferr.Line = file, ferr.Line+blank
		return nil, []*FileError{ferr}, nil, nil
	}
	if isJSFront(src) {
		warns = append(warns, &FileError{File: file, Line: 1, Kind: "JavaScript front matter",
			Msg: "JavaScript front matter (---js) is not run: only its literal title, date, draft, description, permalink, slug and lang are read"})
	}
	if def.hexo && format == formatYAML {
		front = hexoTabsIndent(front)
	}
	m, lines, repeated, ferr := decodeFrontAs(format, front, start, lim)
	if ferr != nil && hexoBare != "" {
		// Lines before a "---" that are no YAML after all, or before a
		// ";;;" that are no JSON: the file is all text, as Hexo takes a
		// file whose front matter reads as no keys, and the author is
		// told why.
		msg := "the lines before the first \"---\" line read as front matter in Hexo, but " + strings.TrimPrefix(ferr.Msg, "front matter: ") + ": the whole file is the post's text (start it with a \"---\" line to make them front matter)"
		if hexoBare == ";;;" {
			msg = "the lines before the \";;;\" line are Hexo's JSON front matter, but " + strings.TrimPrefix(ferr.Msg, "front matter: ") + ": the whole file is the post's text, as Hexo reads it"
		}
		warns = append(warns, &FileError{File: file, Line: ferr.Line, Kind: "Hexo front matter not read", Msg: msg})
		front, body, bodyLine, start, format = nil, src, 1+blank, 1+blank, formatTOML
		noFront = true
		m, lines, repeated, ferr = decodeFrontAs(format, front, start, lim)
	}
	if ferr != nil {
		ferr.File = file
		return nil, []*FileError{ferr}, nil, nil
	}
	for _, w := range repeated {
		w.File = file
		warns = append(warns, w)
	}
	if def.zola {
		zolaFront(m, lines)
	}
	handed := handDown(m, lines, def.cascade)
	_, slugWritten := m["slug"] // even empty (slug: ""), which Hugo's :filename then leaves as it is
	for k, v := range m {
		// Empty values, as archetypes leave them ("description:", "tags:",
		// date = ""), are absent, as they are to Hugo and Jekyll.
		if isEmptyValue(k, v) {
			delete(m, k)
			continue
		}
		canon, ok := keyVariants[k]
		if !ok && def.hugo {
			canon, ok = postKeyFold[strings.ToLower(k)]
			ok = ok && canon != k
		}
		if ok {
			if _, dup := m[canon]; !dup {
				m[canon] = v
				lines[canon] = lines[k]
			}
			delete(m, k)
		}
	}
	for _, key := range []string{"tag", "category"} {
		if s, ok := m[key].(string); ok {
			// Jekyll's singular keys name one term, not split at
			// spaces as its plural ones are.
			m[key] = []any{s}
		}
	}
	if def.hugo {
		for _, key := range []string{"tags", "categories", "category"} {
			if s, ok := m[key].(string); ok {
				// Hugo's term is the string whole: "Ruby on Rails" is one
				// tag, "Windows, 情報" too (Jekyll splits at spaces).
				m[key] = []any{s}
			}
		}
		for _, key := range []string{"title", "slug", "description", "summary", "tags", "categories", "category"} {
			// Hugo reads these as text whatever YAML or TOML made of
			// them (its cast.ToString): "slug: 6550187" names
			// /posts/6550187/, "title: 2024" is titled 2024, a term
			// "categories: 7" is the term 7 (Lruihao's blog, whose
			// numbered slug stopped the whole site loading).
			if s, ok := hugoScalarText(m[key]); ok {
				if key == "tags" || key == "categories" || key == "category" {
					m[key] = []any{s}
				} else {
					m[key] = s
				}
			}
		}
	}
	if def.jsSite {
		if lang := eleventyOtherTemplates[strings.ToLower(filepath.Ext(file))]; lang != "" && def.eleventy != "" {
			// Eleventy 2 renders it with its language (Eleventy 3
			// with a plugin); capsule runs none of them, and what the
			// page shows is that language's output.
			return nil, nil, append(warns, &FileError{File: file, Line: 1, Kind: "template language not run",
				Msg: "a page written in " + lang + ", a template language capsule does not run (it reads Markdown, HTML, Nunjucks and Liquid): not served"}), nil
		}
		if def.eleventy != "" {
			// A page of each tag (eleventytags.go): capsule's own tag
			// pages answer its addresses.
			if t, why := eleventyTagTemplate(file, def, m, lines, src); t != nil {
				return nil, nil, append(warns, &FileError{File: file, Line: t.Line, Kind: "tag pages template",
					Msg:  fmt.Sprintf("a template of a page per tag (its pagination of the collections): capsule's page of each tag answers at the address its permalink gives it (%q); its own text is not served", clip(t.Permalink)),
					tags: t}), nil
			} else if why != "" {
				return nil, nil, append(warns, &FileError{File: file, Line: max(lines["pagination"], 1), Kind: "template page",
					Msg: "a template of a page per tag (its pagination of the collections), but " + why + ": not served; each tag's page is capsule's own, at capsule's address alone"}), nil
			}
		}
		if w := jsTemplatePage(file, m, lines); w != nil {
			return nil, nil, append(warns, w), nil
		}
		if s, _ := m["permalink"].(string); s == "/" || strings.EqualFold(s, "/index.html") {
			// Written at the site's top (dollplayer2501's
			// contents/index.md): the home page, whose text it is.
			def.home, def.undatedPage, def.page = true, true, true
		}
		ep := eleventyPostData(def.eleventy)
		if ep.NotBuilt != "" {
			return nil, nil, append(warns, &FileError{File: file, Line: 1, Kind: "not built by Eleventy",
				Msg: ep.NotBuilt + ": Eleventy builds no page of it; not served"}), nil
		}
		line := max(lines["permalink"], 1)
		layoutFile := "" // the layout whose permalink is the post's
		_, own := m["permalink"]
		switch name, _ := m["layout"].(string); {
		case own:
		case def.dirPermalink != "":
			m["permalink"], line = def.dirPermalink, 0 // the post's address, as if its own
		case ep.Layouts[cmp.Or(name, ep.DirLayout)] != eleventyLayout{}:
			// Its layout's front matter, below its folders' data in
			// Eleventy's data cascade.
			l := ep.Layouts[cmp.Or(name, ep.DirLayout)]
			if l.NoPage {
				return nil, nil, append(warns, &FileError{File: file, Line: 1, Kind: "no page written",
					Msg: "permalink: false in its layout's front matter (" + l.File + "): its generator writes no page of it; not served"}), nil
			}
			if l.Permalink != "" {
				m["permalink"], line, layoutFile = l.Permalink, 0, l.File
			}
			def.draft = def.draft || l.Draft
		}
		if s, _ := m["permalink"].(string); strings.Contains(s, "{{") {
			// An address computed from the page's own data
			// (jsTemplatePage let its own through): filled in, or
			// unknown.
			if e, has := ep.override(m); has {
				ep.Engine = ep.overrideEngine(e)
			}
			pd := pageDate{ep: ep}
			pd.t, pd.ok = eleventyPageDate(m, def)
			var w *FileError
			if m["permalink"], w = eleventyOwnPermalink(file, strings.TrimPrefix(def.dir+"/"+baseName(file), "/"), line, s, m, pd, layoutFile); w != nil {
				warns = append(warns, w)
			}
		}
		if s, _ := m["permalink"].(string); eleventyNotPage(s) != "" {
			// A feed, data, a manifest: what its permalink names is
			// no page, and capsule makes its own feeds.
			return nil, nil, append(warns, &FileError{File: file, Line: max(line, 1), Kind: "not a page",
				Msg: fmt.Sprintf("its permalink %q makes a file of its own (%s), no page: capsule makes its own feeds; not served", clip(s), eleventyNotPage(s))}), nil
		}
		if v, _ := m["permalinkBypassOutputDir"].(bool); v {
			// Written where its permalink says from the project's
			// folder, not into the site Eleventy builds (a template
			// its tools read: mamezou-tech-site's social/template.html).
			return nil, nil, append(warns, &FileError{File: file, Line: max(lines["permalinkBypassOutputDir"], 1), Kind: "no page written",
				Msg: "permalinkBypassOutputDir: true: its generator writes it out of the site it builds; not served"}), nil
		}
		if _, own := m["permalink"]; def.dirNoPage != "" && !own {
			return nil, nil, append(warns, &FileError{File: file, Line: 1, Kind: "no page written",
				Msg: "permalink: false in its folder's data (" + def.dirNoPage + "): its generator writes no page of it (data for other pages); not served"}), nil
		}
		if s, ok := m["tags"].(string); ok {
			// Eleventy splits a string of tags at its commas, not at
			// its spaces as Jekyll does: "another tag" is one tag.
			var list []any
			for _, t := range strings.Split(s, ",") {
				if t = strings.TrimSpace(t); t != "" {
					list = append(list, t)
				}
			}
			m["tags"] = list
		}
		if s, ok := m["date"].(string); ok && eleventyFileDates[strings.ToLower(strings.TrimSpace(s))] && !def.modTime.IsZero() {
			m["date"] = def.modTime.In(loc)
		}
	}
	var addressVals []string
	if def.addressKeys != "" {
		addressVals = hexoFrontValues(m, def.addressKeys)
	}
	var hexoCats []string
	hexoBad := ""
	if def.hexo {
		hexoCats, hexoBad = hexoFrontTerms(m)
	}
	if noFront {
		// The examples of a file without front matter are in the
		// syntax its generator's files usually take (a Jekyll post's
		// "---\ndate: 2017-05-03\n---"), the one the author adds.
		format = def.usualFormat()
	}
	r := newFrontReader(file, m, lines, format)
	fail := r.fail
	line := r.line
	if hexoBad != "" {
		warns = append(warns, &FileError{File: file, Line: line(hexoBad), Kind: "tag left out",
			Msg: fmt.Sprintf("front matter: %s holds a mapping, which names no tag or category (Hexo shows it as [object Object]): left out", hexoBad)})
	}
	var unknown []unknownKey
	// jekyll-paginate-v2's block that capsule reads (JekyllPaginators) is
	// not ignored; one with a filter is.
	v2 := def.jekyll && readPaginationV2(m["pagination"]).enabled && !readPaginationV2(m["pagination"]).odd
	for _, u := range r.unknown(postKeys) {
		if def.home {
			break // the site file's keys: parseSiteMeta told of those it does not know
		}
		if handed[u.name] && !withholdingKeys[u.closest] || quietKey(u.name, def.zola, def.taxonomies) || def.jekyll && u.name == "redirect_to" || def.hexoHide != "" && u.name == def.hexoHide.key() || v2 && u.name == "pagination" ||
			def.hugoHidden.has(paperModHome) && strings.EqualFold(u.name, "hiddeninhomelist") {
			// A section's cascade's are told of at the section
			// (readSections); but one that may be meant to keep the
			// post back leaves it out, as its own would.
			continue
		}
		if u.closest != "" {
			// A misspelt key warns, as Hugo and Jekyll ignore it; one
			// that would keep the post back (draf = true) is an error,
			// since ignoring it would publish what the author did not.
			if withholdingKeys[u.closest] {
				fail(u.line, "%s", misspelt(u)+" (the post is left out until it is fixed: it may be meant to stay unpublished)")
			} else {
				warns = append(warns, &FileError{File: file, Line: u.line, Msg: misspelt(u), Kind: kindMisspelt})
			}
			continue
		}
		unknown = append(unknown, u)
	}
	if v, ok := m["page"]; ok && !def.own && !def.home {
		if _, isBool := v.(bool); !isBool {
			// page = true is capsule's own key, which no generator
			// has: in a generator's site a page: that is not true or
			// false is its theme's (.Params.page; page: 01 numbers a
			// series' chapters), and the generator publishes the file
			// as any other. Ignored, as an unknown key is.
			unknown = append(unknown, unknownKey{name: "page", line: line("page")})
			delete(m, "page")
		}
	}

	p := &Post{File: file, Slug: slug, Dir: def.dir, Lang: lang, Body: body, BodyLine: bodyLine, bodyAt: whole - len(body), Blank: blankBody(body), kana: hasKana(body)}
	if def.eleventy != "" {
		// An Eleventy post whose text no template language
		// preprocesses (markdownTemplateEngine: false, an override of
		// md or html alone): its {{ }} and {% %} are its text.
		ep := eleventyPostData(def.eleventy)
		p.noTemplates = ep.bodyEngine(ep.override(m)) == "html"
		p.NoMarkdown = ep.noMarkdown(file, m)
		if at, what := eleventyListTemplate(body); p.NoMarkdown && at >= 0 {
			return nil, nil, append(warns, &FileError{File: file, Line: bodyLine + bytes.Count(body[:at], []byte("\n")), Kind: "template page",
				Msg:  "a template: its text is made from the site's data (" + what + "), which capsule does not read (it makes its own lists); not served",
				list: eleventyListAt(file, def, m, body, src[:len(src)-len(body)])}), nil
		}
	}
	p.rel = p.Path()
	p.addressVals = addressVals
	if def.jekyll {
		to, why := redirectTo(m["redirect_to"])
		if why != "" {
			// Jekyll replaces the page with a redirect (its text too)
			// or stops its build: no page to serve in its place.
			return nil, nil, append(warns, &FileError{File: file, Line: max(lines["redirect_to"], 1), Kind: "redirect not read",
				Msg: "redirect_to cannot be a redirect: " + why + "; the page is not served"}), nil
		}
		p.RedirectTo = to
		if m["pagination"] != nil {
			p.pagination = templateV2(m, path.Join(def.dir, filepath.Base(file)))
		}
	}
	p.Title = plainTitle(oneLine(r.str("title", titleExample)), def.typographer)
	for _, k := range []string{"summary", "description", "excerpt"} {
		if _, ok := m[k]; ok {
			p.Summary = oneLine(r.str(k, k+` = "One line on what the post says"`))
			break
		}
	}
	if p.Summary == "" {
		p.Summary = moreSummary(body)
	}
	if p.Title == "" {
		p.untitled = true
		// Jekyll titles a post without a title from its file name; a
		// title written empty ('') is an untitled note, shown by its
		// first words.
		if _, written := m["title"]; written && !r.bad["title"] {
			p.Title = untitledNote(p.Summary, body)
		}
		if p.Title == "" && !def.home { // a home page's text is titled by its site
			name := slug
			if parts := jekyllPostName.FindStringSubmatch(slug); parts != nil {
				name = parts[4] // 2026-11-30-hello is "Hello", as Jekyll titles its posts
			}
			p.Title = titleizeSlug(name)
			if _, written := m["title"]; !written && def.own {
				// Jekyll's way, and Hugo's themes show a name; in
				// capsule's own folder a title is asked for.
				warns = append(warns, &FileError{File: file, Line: 1, Kind: "no title",
					Msg: fmt.Sprintf("no title: titled %q from its file name; give it one (%s)", p.Title, r.eg(titleExample))})
			}
		}
	}
	p.Draft = r.boolean("draft", "draft = true") || def.draft || def.sectionDraft != ""
	if v, says := m["draft"]; def.sectionDraft != "" && says && !handed["draft"] && v == false {
		// Hugo 0.111 writes no page below a draft section, whatever
		// the page says: the author who wrote draft: false meant it
		// published, and is told why it is not.
		section, words := draftCauseWords(def.sectionDraft)
		p.DraftSection = section
		warns = append(warns, &FileError{File: file, Line: max(line("draft"), 1), Kind: kindDraftOverruled,
			Msg: "draft: false is overruled by " + words + ": Hugo publishes no page below a draft section, so this page is not served (its author reads it at /drafts/); to publish it, publish the section or move the page out of it"})
	}
	if key := passwordKey(m); key != "" && !def.home {
		// FixIt (and Hexo's NexT and hexo-blog-encrypt) show such a
		// page's text only to a reader who types its password, which
		// no Gemini or Gopher reader can: unpublished, as a draft is
		// (its author reads it at /drafts/, links to it are not
		// offered), rather than shown to all.
		p.Draft, p.locked = true, true
		warns = append(warns, &FileError{File: file, Line: max(line(key), 1), Kind: "locked post not served",
			Msg: key + ": the theme shows this post's text only to a reader who types its password, which capsule cannot ask for: not served (its author reads it at /drafts/)"})
	}
	p.Page = r.boolean("page", "page = true") || def.page && !typeOfMain(m, def.mainTypes)
	if v, ok := m["hidden"]; ok && def.jekyll {
		p.hidden = v != nil && v != false // Ruby's truth, as jekyll-paginate reads it
	}
	if def.hugo {
		p.NotHome = themeFlag(m, def.hugoHidden.has(hideHome), "hiddenfromhomepage", "hidden_from_home_page")
		p.NotHome = p.NotHome || def.hugoHidden.has(paperModHome) && paperModHidden(m)
		p.NotSearch = themeFlag(m, def.hugoHidden.has(hideSearch), "hiddenfromsearch", "hidden_from_search", "searchhidden")
		p.NotFeed = themeFlag(m, def.hugoHidden.has(hideFeed), "hiddenfromfeed", "hidden_from_feed")
	}
	if def.jsSite {
		p.Body, p.Page = jsFrontValues(m, p.Body, p.Page)
		p.Hero = jsHero(m)
	}
	p.Math = frontMath(m)
	p.Layout, p.Brief = layoutPage(m, body)
	if t := strings.TrimSpace(str(m["taxonomy"])); (p.Layout == "category" || p.Layout == "tag") && len(t) <= maxLayoutName {
		p.Term = t
	}
	// Jekyll's published: false is a draft; Hugo's published is a date,
	// its publishDate.
	if v, ok := m["published"]; ok {
		b, isBool := v.(bool)
		if def.jekyll && !isBool {
			// Jekyll leaves out only what says false, which its YAML
			// (1.1) also reads in no and off; anything else ("yes", an
			// author's slip) is published, not a date.
			s, _ := v.(string)
			b, isBool = !slices.Contains([]string{"no", "off", "false"}, strings.ToLower(strings.TrimSpace(s))), true
		}
		if isBool {
			p.Draft = p.Draft || !b
		} else if _, has := m["publishDate"]; !has {
			m["publishDate"], lines["publishDate"] = v, lines["published"]
		}
	}
	dateKey := "date"
	if _, ok := m["publishDate"]; ok {
		dateKey = "publishDate"
	}
	_, hasDate := m[dateKey]
	if url, _ := m["url"].(string); def.zolaPathDate && !def.hasDate && url != "" && !r.bad["page"] {
		// A page of a Zola section sorted by permalink whose path starts
		// with a date: a post of that date, unless its front matter
		// gives one. One without stays a page, as the section's others.
		if d, ok := zolaPathDate(url, loc); ok {
			def.date, def.hasDate, p.Page = d, true, r.boolean("page", "page = true")
		}
	}
	nameSlug := ""   // the slug a dated name gives, when its date is taken
	undated := false // served as a page for want of a date: warned of below
	switch {
	case def.hasDate && def.nameFirst:
		// Hugo's :filename first: the name dates the page, the front
		// matter's date (its publishDate) says when it is published.
		p.Date, p.HasDate, nameSlug = def.date, true, def.nameSlug
		if hasDate {
			if at, ok := r.date(dateKey, "date = 2017-05-03", loc); ok && !at.Equal(def.date) {
				p.publishes = at
			}
		}
	case hasDate:
		p.Date, p.HasDate = r.date(dateKey, "date = 2017-05-03", loc)
		if def.jekyll {
			// Jekyll takes every date to the build's zone (the site's
			// timezone, else the machine's, UTC on GitHub Pages): its
			// day, as its date shows and its address is made, is the
			// day there ("00:17 +0900" is the day before in UTC).
			p.Date = p.Date.In(loc)
		}
	case def.hasDate:
		p.Date, p.HasDate, nameSlug = def.date, true, def.nameSlug
	case def.draft:
		// A Jekyll draft needs no date: HasDate stays false.
	case def.undatedPage && !p.Page && !r.bad["page"]:
		p.Page = true
	case !p.Page && !r.bad["page"] && !r.bad[dateKey]:
		// Undated, Hugo lists a page at 0001-01-01 and themes show it
		// as a page: so does capsule, saying how to make it a post.
		p.Page, undated = true, true
	}
	if dateKey != "date" {
		r.date("date", "date = 2017-05-03", loc) // still reported when wrong
	}
	p.Expires, _ = r.date("expiryDate", "expiryDate = 2030-01-01", loc)
	build := r.build()
	p.Unlisted, p.noPage, p.noResources = build.unlisted, build.noPage, build.noResources
	if def.home {
		p.Home, p.Unlisted = true, true
	}
	if def.hexoHide != "" && hexoTruthy(m[def.hexoHide.key()]) {
		// hexo-hide-posts: a page of its own, in no list (see
		// hexoHide).
		p.Unlisted = true
		if !p.Page { // Hexo's lists are of posts: a page is in none
			var missed []string
			p.AlsoIn, missed = def.hexoHide.in()
			if len(missed) > 0 {
				warns = append(warns, &FileError{File: file, Line: r.line(def.hexoHide.key()), Kind: "hidden post not listed",
					Msg: fmt.Sprintf("%s: hexo-hide-posts lets %s list this hidden post, capsule does not: it is %s", def.hexoHide.key(), strings.Join(missed, ", "), p.AlsoIn.said())})
			}
		}
	}
	if r.boolean("headless", "headless = true") {
		p.noPage, p.noResources = true, true
	}
	if undated && !p.noPage {
		// Said once it is known to have a page (a headless bundle,
		// a page Hugo does not render, has none).
		warns = append(warns, &FileError{File: file, Line: 1, Msg: "no date: served as a page; give it a date (e.g. " + r.eg("date = 2017-05-03") + ") to make it a post", Kind: "no date"})
	}
	p.Updated = p.Date
	for _, k := range []string{"updated", "lastmod"} {
		d, ok, w := r.updateDate(k, loc)
		if w != nil {
			warns = append(warns, w)
		}
		if ok {
			p.Updated = d
			break
		}
	}
	p.weighted = true
	switch w := m["weight"].(type) { // a theme's key Hugo orders pages by: no warning for another value
	case int64:
		p.weight = int(max(min(w, math.MaxInt32), math.MinInt32))
	case int:
		p.weight = max(min(w, math.MaxInt32), math.MinInt32)
	case uint64:
		p.weight = int(min(w, math.MaxInt32))
	case float64:
		p.weight = int(max(min(w, math.MaxInt32), math.MinInt32))
	default:
		p.weighted = false
	}
	fmSlug := r.str("slug", `slug = "hello-again"`)
	if def.zola {
		nameSlug = def.nameSlug // Zola's slug of its name, dated or not
		if fmSlug != "" {
			fmSlug = zolaSlug(fmSlug, def.zolaPaths) // Zola slugifies a front matter's slug as it does a name
		}
	}
	slugLine, slugFrom := 1, "its file's name"
	if fmSlug != "" {
		p.Slug, slugLine, slugFrom = fmSlug, line("slug"), "its slug"
		p.fmSlug = fmSlug
	} else if nameSlug != "" && !slugWritten {
		// Hugo's :filename: what follows the date is the page's slug,
		// as if its front matter set it (its addresses are named by it).
		p.Slug, p.fmSlug = nameSlug, nameSlug
	}
	if !r.bad["slug"] {
		var how slugChange
		name := p.Slug
		switch p.Slug, how = makeSlug(name); how {
		case slugCut:
			warns = append(warns, &FileError{File: file, Line: slugLine, Msg: fmt.Sprintf(
				"%s %q is over the %d bytes an address may give it once percent-encoded: its address is cut to %q; set a shorter slug = \"…\" to choose it",
				slugFrom, clip(name), MaxSlugBytes, p.Slug), Kind: "address cut"})
		case slugFallback:
			warns = append(warns, &FileError{File: file, Line: slugLine, Msg: fmt.Sprintf(
				"%s %q has no letter or digit for an address: its address is named %q; set slug = \"…\" to choose it",
				slugFrom, clip(name), p.Slug), Kind: "address named by a hash"})
		}
	}
	for _, k := range []string{"lang", "language"} {
		if _, ok := m[k]; !ok {
			continue
		}
		if fmLang := r.str(k, k+` = "ja"`); fmLang != "" {
			if p.Lang = languageCode(fmLang); p.Lang == "" {
				// A label for readers ("String as you like":
				// astro-theme-pure's language: '中文'): the post is
				// in the site's language, said once.
				p.Lang = lang
				warns = append(warns, &FileError{File: file, Line: line(k), Kind: "language ignored",
					Msg: fmt.Sprintf(`front matter: %s %q is neither a language tag such as "ja" or "en-US" nor a language's name: ignored, the post is in the site's language`, k, clip(fmLang))})
			}
		}
		break
	}
	// What translations of each other share beyond their path, in a
	// multilingual site: Hugo's translationKey, or the ref that Jekyll's
	// multilingual recipes give (lang_ref with some plugins).
	keyRank := len(translationKeys)
	for k, v := range m {
		i := slices.Index(translationKeys, strings.ToLower(k))
		if s, ok := v.(string); ok && i >= 0 && i < keyRank && strings.TrimSpace(s) != "" {
			p.fmTranslationKey, keyRank = strings.TrimSpace(s), i
		}
	}
	p.Aliases, p.hugoAliases, warns = r.aliases(warns)
	for _, k := range []string{"url", "permalink"} {
		if own, ok := m[k].(string); ok && strings.TrimSpace(own) != "" {
			p.own, p.ownKey, p.ownLine = strings.TrimSpace(own), k, line(k)
			break
		}
	}
	// Categories join the tags: a small blog's readers browse one index,
	// and a Jekyll or Hugo blog often put in categories what another
	// would tag, so two indexes would split the same posts.
	//
	// A tag is text: "CI/CD" is one tag, its address percent-encodes the
	// "/". One that cannot be a tag (nothing once its control characters
	// are out, too long for an address, one too many) is left out with a
	// warning, and the post is published with the others.
	seen := make(map[string]bool)
	warned := make(map[string]bool) // one warning of each kind a post: a list may be long
	tagWarn := func(kind, key, format string, args ...any) {
		if !warned[kind] {
			warned[kind] = true
			warns = append(warns, &FileError{File: file, Line: line(key), Msg: "front matter: " + fmt.Sprintf(format, args...), Kind: kind})
		}
	}
	keys := []string{"tags", "tag", "categories", "category"}
	if def.tagKeys != "" {
		// A language's taxonomies (tag = "FRtags"), in front matter
		// written in any case, after the usual keys.
		var more []string
		for k := range m {
			if strings.Contains(def.tagKeys, ","+strings.ToLower(k)+",") {
				more = append(more, k)
			}
		}
		slices.Sort(more)
		keys = append(keys, more...)
	}
	for _, key := range keys {
		if key == "categories" {
			p.keyTags = len(p.Tags)
		}
		tags := r.tags(key)
		if key != "tags" && key != "tag" {
			p.categories = append(p.categories, tags...) // for Jekyll's addresses
		}
		for _, t := range tags {
			// Character references are decoded, as in titles: a tag
			// written "R&amp;D" (as WordPress exports write them) is R&D.
			tag := oneLine(html.UnescapeString(t))
			switch {
			case tag == "":
				// tags = [""], as archetypes leave it: an empty value,
				// absent as Hugo and Jekyll take it.
			case strings.Trim(tag, " \uFFFD") == "":
				tagWarn("empty tag", key, "tag %q is empty once its control characters are taken out: left out", clip(t))
			case len(tag) > MaxTagBytes:
				tagWarn("tag too long", key, "tag %q is %d bytes long, over the %d bytes of a tag's address (%d Japanese characters): left out", clip(t), len(tag), MaxTagBytes, MaxTagBytes/3)
			case seen[tag]:
			case len(p.Tags) == MaxTags:
				tagWarn("too many tags", key, "more than %d tags and categories: %q and those after it left out", MaxTags, clip(tag))
			default:
				seen[tag] = true
				p.Tags = append(p.Tags, tag)
			}
		}
	}
	if def.hexo {
		p.categories = hexoCats // its paths, as Hexo reads them (hexoFrontTerms)
	}
	if len(r.errs) > 0 {
		return nil, r.errs, warns, unknown
	}
	return p, nil, warns, unknown
}

// Hero is an image heading a post: its address as the front matter
// writes it (a path of the site, or relative to the post), and its
// alternative text.
type Hero struct{ URL, Alt string }

// postDefaults is what the place of a post's file says about it, for
// what its front matter leaves out.
type postDefaults struct {
	dir         string    // Post.Dir
	date        time.Time // from a Jekyll post's file name, when hasDate
	hasDate     bool
	draft       bool   // in Jekyll's _drafts: a draft, no date needed
	page        bool   // a Jekyll page: a page whatever its front matter
	undatedPage bool   // a Hugo page: a page when front matter has no date
	bare        bool   // no front matter is fine: a Hugo content file, a Jekyll post
	hexo        bool   // a Hexo site's: front matter may come without its opening "---" (splitHexoBare)
	addressKeys string // the front matter keys its address is made of, each between commas: a Hexo permalink's (hexoPermalinkKeys), an Astro collection's generateId's (astroids.go)
	hexoHide    hexoHide
	// hugoHidden is a Hugo site's theme's defaults of NotHome,
	// NotSearch and NotFeed (readHugoHidden).
	hugoHidden hugoHidden
	cascade    string // what its sections' cascades hand down, as JSON (cascadeOf)
	// sectionDraft: a Hugo page in a draft section, or below one
	// (hugoDraftDirs), is a draft, whatever its front matter says;
	// what makes the section one (draftCause); "" for none.
	sectionDraft string
	typographer  bool   // a Hugo or Jekyll site's: its title gets their markdownify's typography
	jsSite       bool   // an Eleventy or Astro site's: its hero image linked, jsFrontValues
	dirNoPage    string // an Eleventy folder data file that says permalink: false, "" for none
	// dirPermalink is the address an Eleventy folder data file's
	// permalink gives the file, when the front matter gives none.
	dirPermalink string
	// eleventy is what an Eleventy post's site says of its permalink
	// (eleventyPost, as JSON): its layouts', the date filters, and
	// whether Eleventy builds it.
	eleventy string
	// hugo is a Hugo site's page: its front matter's keys are read in
	// any case (Title, Draft), as Hugo reads them, and a string of tags
	// is one tag. jekyll is a Jekyll site's: its published is Jekyll's.
	hugo, jekyll bool
	// modTime is an Eleventy or Astro file's modification time: the
	// date its date: Last Modified (or Created) stands for.
	modTime time.Time
	zola    bool // a Zola site's page (zola.go)
	// mainTypes are a Hugo site's mainSections, comma apart, given to a
	// page of another section: it is a post when its front matter's
	// type is one of them (typeOfMain), as Hugo's themes list posts.
	mainTypes string
	// zolaPathDate: a page of a Zola section sorted by permalink, a post
	// dated by its path when it has no date of its own (zolaPathDate).
	zolaPathDate bool
	zolaPaths    string // and its [slugify] paths: how its slug is made (zolaSlug)
	home         bool   // a home page's text: the site file's keys are its own, said by Load already
	taxonomies   string // the Hugo site's taxonomy keys, each between commas (siteConfig.taxonomies)
	tagKeys      string // those read as tags (siteConfig.tagKeys)
	own          bool   // in capsule's own folder, no generator's
	// nameFirst is set when date is from the file's name and wins over
	// the front matter's date, which then says only when the post is
	// published (Hugo's [frontmatter] date = [":filename", …]);
	// nameSlug is the slug the name gave, which Hugo (dateFromName) and
	// Zola (zolaArrange) take as the front matter's.
	nameFirst bool
	nameSlug  string
}

// braceJSON reports whether a file opening with "{" has JSON front matter,
// the object itself: Hugo's syntax, which capsule's own folder reads too.
// Jekyll, Hexo, Eleventy, Astro and Zola take front matter between
// delimiter lines only ("---", "+++"; Hexo's ";;;"): to them a post
// opening with "{% if … %}" or "{{ title }}" is text (Liquid, Nunjucks),
// which was refused as broken JSON and left out.
func (d postDefaults) braceJSON() bool { return !(d.jekyll || d.hexo || d.jsSite || d.zola) }

// usualFormat is the front matter syntax a file of the site usually
// takes, in which the examples for a file without any are written: YAML
// for Jekyll, Hexo, Eleventy and Astro, whose only syntax it is
// (Eleventy's JSON and JavaScript aside), and for Hugo, whose
// archetype "hugo new site" writes in YAML (0.111) and whose real blogs
// mostly write it (86 of 102 Hugo sites seen); TOML for capsule's own
// folder and Zola's.
func (d postDefaults) usualFormat() frontFormat {
	if d.jekyll || d.hexo || d.jsSite || d.hugo {
		return formatYAML
	}
	return formatTOML
}

// tags reads tags: a list of strings, or one string of tags separated by
// spaces, as Jekyll writes them (tags = "日記 WiMAX"; a Japanese full-width
// space separates too). A string with a comma is an error, not a tag
// "日記,": the author meant a list.
func (r *frontReader) tags(key string) []string {
	v, ok := r.m[key]
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case string:
		if strings.Contains(v, ",") || strings.Contains(v, "、") {
			r.bad[key] = true
			r.fail(r.line(key), "%s %q is one string with commas: write a list, e.g. %s (a string is split at spaces)", key, clip(v), r.eg(tagsExample))
			return nil
		}
		return strings.Fields(v)
	case []any:
		// An item left empty ("- " alone, null) is no tag, and a number
		// or a truth value is its text (tags: [2019]), as Hugo reads them
		// (a post with "tags:\n- " was left out; Hugo publishes it).
		tags := make([]string, 0, len(v))
		for _, t := range v {
			switch t := t.(type) {
			case string:
				if strings.TrimSpace(t) != "" {
					tags = append(tags, t)
				}
			case nil:
			case int, int64, uint64, float64, bool:
				tags = append(tags, fmt.Sprint(t))
			default:
				r.mustBe(key, "a list of strings", tagsExample)
				return nil
			}
		}
		return tags
	}
	r.mustBe(key, "a list of strings", tagsExample)
	return nil
}

// clip shortens s for a message: a 5,000-character tag is named by its
// first 40 characters.
func clip(s string) string { return clipTo(s, 40) }

// clipTo shortens s to its first n characters and "…", when it is
// longer.
func clipTo(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i] + "…"
}

// oneLine makes front matter text safe for one line of any output: titles
// and tags end up in headings, menu fields, link lines and log lines. Line
// breaks, TAB and the other separators (U+0085, U+2028, U+2029) become
// spaces; every other C0 control (U+0000–U+001F), DEL, C1 control
// (U+0080–U+009F) and byte that is not UTF-8 becomes U+FFFD, which shows
// that something was there; spaces at either end are trimmed.
func oneLine(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '\t', r == '\n', r == '\v', r == '\f', r == '\r', r == 0x85, r == 0x2028, r == 0x2029:
			return ' '
		case isControl(r):
			return utf8.RuneError
		}
		return r
	}, s))
}

// redirectTo is the target of jekyll-redirect-from's redirect_to, v:
// a string, or the first of a list that is not null (the plugin's
// Redirectable#redirect_to takes a list's compact.first), trimmed; ""
// for none (no value, null, a list of nulls; front matter's empty values
// are gone before). why, when not "", says why a value that is there
// cannot be a redirect: no string (a map, a number, a date: the plugin
// matches it against https?:// and Jekyll's build stops on one), or a
// control character (a line break in a YAML block, a tab), which no
// address or URL has and no Gemini or Gopher line can carry.
func redirectTo(v any) (to, why string) {
	if list, ok := v.([]any); ok {
		i := slices.IndexFunc(list, func(x any) bool { return x != nil })
		if i < 0 {
			return "", ""
		}
		v = list[i]
	}
	if v == nil {
		return "", ""
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Sprintf("its value is %s, not an address", valueKind(v))
	}
	s = strings.TrimSpace(s)
	if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }) {
		return "", fmt.Sprintf("%q has a control character (a line break, a tab), which no address has", clip(s))
	}
	return s, ""
}

// hugoScalarText is a number or a truth value of front matter as text, as
// Hugo's cast.ToString writes it (6550187, 1.5, true), and whether v is
// one.
func hugoScalarText(v any) (string, bool) {
	switch v := v.(type) {
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// passwordKey is the key of front matter m that locks a post behind a
// password, in any case ("password", as FixIt's templates read
// .Params.password, and Hexo's NexT and hexo-blog-encrypt theirs), when
// it holds one: what a template takes for true (text, a number not 0,
// true); "" when none does.
func passwordKey(m map[string]any) string {
	for k, v := range m {
		if !strings.EqualFold(k, "password") {
			continue
		}
		switch v := v.(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				return k
			}
		case bool:
			if v {
				return k
			}
		case int, int64, uint64, float64:
			if s, _ := hugoScalarText(v); s != "0" {
				return k
			}
		}
	}
	return ""
}

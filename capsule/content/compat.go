package content

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// themeKeys are keys Hugo, Jekyll and their themes put in front matter for
// layout and decoration, which capsule has no use for: accepted without a
// word, so that a blog brought as it is loads quietly. Lower case: Hugo's
// keys are not case-sensitive. Among them are words a key that keeps a
// post back is a letter or two from (publisher, built), which would
// otherwise be taken for its misspelling and leave the post out (a
// zzo theme's publications have a publisher). Chirpy pins a post with
// pin: true, and orders its _tabs/ with icon and order; minimal-mistakes'
// page of one category or tag names it in taxonomy (Post.Term).
// LoveIt's, DoIt's and FixIt's front matter keys are those their
// content documentation lists (FixIt 1.0's in snake case, the earlier
// ones' in camel case), less table, which is two letters from title and
// no blog brought here writes. PaperMod's are those of its page
// variables and of the post template its documentation gives, which
// blogs copy whole (disableHLJS, hideSummary, searchHidden, UseHugoToc,
// editPost…), and its search page's placeholder; its hiddenInHomeList is
// not among them: capsule reads it on a PaperMod site (paperModHidden),
// and elsewhere says it is ignored.
var themeKeys = func() map[string]bool {
	m := make(map[string]bool)
	for _, k := range strings.Fields(`
		layout author authors header comments comment share toc math mathjax katex mermaid
		weight type images image featured_image featuredimage feature featured thumbnail banner
		keywords series menu showtoc tocopen cover params outputs resources sitemap markup
		iscjklanguage linktitle cascade translationkey ref lang_ref lang-ref lng_pair
		hidemeta disableshare showreadingtime showwordcount showbreadcrumbs showpostnavlinks
		subtitle excerpt_separator render_with_liquid sidebar classes author_profile read_time
		related hidden nav canonicalurl canonical_url robotsnoindex audio videos archives
		pinned sticky hero image_alt og_image twitter fediverse pagination_next pagination_prev
		disqus_identifier disqus share_img tags_weight gallery mathjax3 highlight
		showdate showdateonlyinarticle showdateupdated showauthor showauthorsbadges showhero herostyle
		showdraftlabel showedit editurl editappendpath seriesopened series_order showpagination
		invertpagination showtableofcontents showtaxonomies showauthorbottom showsummary
		sharinglinks showviews showlikes showcomments showrelatedcontent externalurl featureimage
		featureimagecaption layoutbackgroundblur layoutbackgroundheaderspace showheadinganchors
		showzenmode xml publisher publishers republished built titles pager
		pin icon order taxonomy password
		hiddenfromhomepage hidden_from_home_page hiddenfromsearch hidden_from_search
		hiddenfromfeed hidden_from_feed hiddenfromrss hiddenfromrelated hidden_from_related
		twemoji lightgallery ruby fraction fontawesome license library seo code mapbox reward
		capitalize_titles capitalizetitles summary_plainify summaryplainify author_avatar
		authoravatar authorlink page_style pagestyle auto_bookmark autobookmark show_lastmod
		showlastmod word_count wordcount reading_time readingtime end_flag endflag
		instant_page instantpage collection_list collectionlist collection_navigation
		collectionnavigation source_url sourceurl featured_image_preview featuredimagepreview
		expiration_reminder expirationreminder heading linktomarkdown linktosource linktoedit
		linktoreport linktovscode rssfulltext repost collections message titleicon cardicon
		shorttitle postsummary hiddenadapters series_weight seriesnavigation sponsor
		disablehljs hidesummary searchhidden showrssbuttoninsectiontermlist usehugotoc
		editpost showcodecopybuttons disableanchoredheadings placeholder
		`) {
		m[k] = true
	}
	return m
}()

// morePattern is the divider between a post's summary and the rest, as
// Hugo writes it (Jekyll themes too), spaces and case aside.
var morePattern = regexp.MustCompile(`(?i)<!--\s*more\s*-->`)

// moreSummary is the text before the <!--more--> divider of body, on one
// line, or "" when body has none.
func moreSummary(body []byte) string {
	loc := morePattern.FindIndex(body)
	if loc == nil {
		return ""
	}
	return strings.Join(strings.Fields(oneLine(string(body[:loc[0]]))), " ")
}

// MaxAliasBytes is the longest old URL path of a post: it is served as a
// Gopher selector, which RFC 1436 keeps within 255 bytes.
const MaxAliasBytes = 255

// aliasKeys are the keys holding a post's old URL paths, as a string or a
// list of strings; url and permalink, the post's own old address, first.
var aliasKeys = []string{"url", "permalink", "aliases", "redirect_from"}

// aliases reads the post's old URL paths from aliasKeys, normalised to
// start with "/" (a full URL gives its path), without duplicates. A path
// with a placeholder (Jekyll's "/:categories/:title/") cannot be
// answered and is left out with a warning.
//
// hugo maps those of the aliases key to whether they were written
// relative (no leading "/"): Hugo places them from the page's address
// and its language (see folder.placeHugoAliases).
func (r *frontReader) aliases(warns []*FileError) (out []string, hugo map[string]bool, _ []*FileError) {
	seen := make(map[string]bool)
	for _, key := range aliasKeys {
		v, ok := r.m[key]
		if !ok {
			continue
		}
		var list []string
		switch v := v.(type) {
		case string:
			list = []string{v}
		case []any:
			for _, a := range v {
				s, ok := a.(string)
				if !ok {
					r.mustBe(key, "a list of paths", key+` = ["/2017/05/03/hello/"]`)
					list = nil
					break
				}
				list = append(list, s)
			}
		default:
			r.mustBe(key, "a path", key+` = "/2017/05/03/hello/"`)
		}
		for _, a := range list {
			p, err := normaliseAlias(a)
			switch {
			case err != "":
				// Only an old address is lost, not the post: Hugo
				// publishes a page whose url has a space (zatoima's
				// url: hugo-about-executable-not-found in Hugo) at
				// that address, escaped.
				warns = append(warns, &FileError{File: r.file, Line: r.line(key),
					Msg: fmt.Sprintf("front matter: %s %q %s: that old address is not answered; the post is served", key, clip(a), err), Kind: kindAliasIgnored})
			case p == "":
			case strings.Contains(p, "/:") && (key == "url" || key == "permalink"):
				// The post's own address as a pattern: Jekyll's permalink
				// "/:categories/:title/", expanded with the generator's
				// addresses (see Post.Addresses), or ignored there.
			case strings.Contains(p, "/:"):
				warns = append(warns, patternIgnored(r.file, r.line(key), key, p))
			case !seen[p]:
				seen[p] = true
				out = append(out, p)
				if key == "aliases" {
					if hugo == nil {
						hugo = make(map[string]bool)
					}
					a = strings.TrimSpace(a)
					hugo[p] = !strings.HasPrefix(a, "/") && !strings.Contains(a, "://")
				}
			}
		}
	}
	return out, hugo, warns
}

// patternIgnored warns that an old address is a pattern capsule cannot
// expand.
func patternIgnored(file string, line int, key, pattern string) *FileError {
	return &FileError{File: file, Line: line, Msg: fmt.Sprintf("%s %q is a pattern, not a path: ignored", key, clip(pattern)), Kind: kindPatternIgnored}
}

// kindPatternIgnored is the kind of the warnings of patternIgnored.
const kindPatternIgnored = "address pattern ignored"

// kindAliasIgnored is the kind of the warnings about an old address that
// cannot be answered (normaliseAlias).
const kindAliasIgnored = "old address ignored"

// normaliseAlias makes a a path starting with "/", or says what is wrong.
func normaliseAlias(a string) (string, string) {
	a = strings.TrimSpace(a)
	if a == "" {
		return "", ""
	}
	if strings.Contains(a, "://") {
		u, err := url.Parse(a)
		if err != nil || u.Host == "" {
			return "", "is not a path or a URL"
		}
		a = u.EscapedPath()
		if a == "" {
			a = "/"
		}
	}
	// A space is kept: Hugo writes a url with one (zatoima's url:
	// hugo-about-executable-not-found in Hugo) to a folder of that name,
	// which the web asks for as %20, and so capsule answers it. A tab
	// cannot be in a Gopher selector; a control character in no address.
	for _, c := range a {
		if c == '\t' || isControl(c) || c == 0x2028 || c == 0x2029 || c == '\uFFFD' {
			return "", "has a tab or a control character"
		}
	}
	if !strings.HasPrefix(a, "/") {
		a = "/" + a
	}
	if len(a) > MaxAliasBytes {
		return "", fmt.Sprintf("is %d bytes long, over the %d-byte limit", len(a), MaxAliasBytes)
	}
	return a, ""
}

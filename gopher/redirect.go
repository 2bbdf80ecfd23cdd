package gopher

import (
	"cmp"
	"html"
	"net/url"
	"strings"
)

// RedirectSchemes are the URL schemes a "URL:" selector may redirect to.
// Others (javascript:, data:, file:) could turn the page into an attack on
// the reader's browser, so they are refused.
var RedirectSchemes = map[string]bool{
	"http": true, "https": true, "gemini": true, "gopher": true, "mailto": true,
}

// RedirectTarget returns the URL of a "URL:" selector (with or without a
// leading "/"), and false for any other selector.
func RedirectTarget(selector string) (string, bool) {
	selector = strings.TrimPrefix(selector, "/")
	if !strings.HasPrefix(selector, "URL:") {
		return "", false
	}
	return selector[len("URL:"):], true
}

// RedirectWords are the words of a redirect page, in the site's language.
// The zero value is English.
type RedirectWords struct {
	Lang         string // the page's lang attribute: a BCP 47 tag ("ja")
	Leaves       string // before the link: "This link leaves Gopherspace:"
	Refused      string // before a target not redirected to
	Title        string // the page's title: "Redirect"
	RefusedTitle string // the title of the page of a target not redirected to
}

// RedirectPage is the small HTML page that answers a "URL:" selector, as
// gopher clients without a web browser of their own expect: a meta refresh
// to target and a link to it, in w's words. Every character of target and
// of w that means something in HTML is escaped. A target whose scheme is
// not in RedirectSchemes, or that is not a URL at all, gets a page saying
// so and no redirect.
func RedirectPage(target string, w RedirectWords) []byte {
	lang := ""
	if w.Lang != "" {
		lang = " lang=\"" + html.EscapeString(w.Lang) + "\""
	}
	u, err := url.Parse(target)
	if err != nil || !RedirectSchemes[strings.ToLower(u.Scheme)] || strings.ContainsAny(target, "\x00\t\r\n") {
		refused := cmp.Or(w.Refused, "This server redirects only to http, https, gemini, gopher and mailto URLs, not to:")
		title := cmp.Or(w.RefusedTitle, "Not redirected")
		return []byte("<!DOCTYPE html>\n<html" + lang + "><head><meta charset=\"utf-8\"><title>" + html.EscapeString(title) + "</title></head>\n" +
			"<body><p>" + html.EscapeString(refused) + "</p>\n" +
			"<pre>" + html.EscapeString(target) + "</pre></body></html>\n")
	}
	esc := html.EscapeString(target)
	leaves := cmp.Or(w.Leaves, "This link leaves Gopherspace:")
	title := cmp.Or(w.Title, "Redirect")
	return []byte("<!DOCTYPE html>\n<html" + lang + "><head><meta charset=\"utf-8\">\n" +
		"<meta http-equiv=\"refresh\" content=\"0; url=" + esc + "\">\n" +
		"<title>" + html.EscapeString(title) + "</title></head>\n" +
		"<body><p>" + html.EscapeString(leaves) + " <a href=\"" + esc + "\">" + esc + "</a></p></body></html>\n")
}

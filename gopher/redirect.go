package gopher

import (
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

// RedirectPage is the small HTML page that answers a "URL:" selector, as
// gopher clients without a web browser of their own expect: a meta refresh
// to target and a link to it. Every character of target that means
// something in HTML is escaped. A target whose scheme is not in
// RedirectSchemes, or that is not a URL at all, gets a page saying so and
// no redirect.
func RedirectPage(target string) []byte {
	u, err := url.Parse(target)
	if err != nil || !RedirectSchemes[strings.ToLower(u.Scheme)] || strings.ContainsAny(target, "\x00\t\r\n") {
		return []byte("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not redirected</title></head>\n" +
			"<body><p>This server redirects only to http, https, gemini, gopher and mailto URLs, not to:</p>\n" +
			"<pre>" + html.EscapeString(target) + "</pre></body></html>\n")
	}
	esc := html.EscapeString(target)
	return []byte("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n" +
		"<meta http-equiv=\"refresh\" content=\"0; url=" + esc + "\">\n" +
		"<title>Redirect</title></head>\n" +
		"<body><p>This link leaves Gopherspace: <a href=\"" + esc + "\">" + esc + "</a></p></body></html>\n")
}

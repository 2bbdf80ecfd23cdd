package servetest

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/daemon"
)

// Crawl fetches every page a reader can reach from the home page on both
// protocols: Gemini link lines to this capsule and Gopher menu items of
// type 0 and 1 on it, at most limit of each. It returns the bodies by
// address ("gemini:/path", "gopher:selector").
func Crawl(t testing.TB, d *daemon.Daemon, limit int) map[string]string {
	t.Helper()
	pages := make(map[string]string)
	queue := []string{"/"}
	for len(queue) > 0 && len(pages) < limit {
		path := queue[0]
		queue = queue[1:]
		key := "gemini:" + path
		if _, seen := pages[key]; seen {
			continue
		}
		// Asked by the port the site names in its links (its
		// configuration's, behind a forwarded port), not the one it
		// listens on: else every answer is a 53.
		status, meta, body := GeminiGetURL(t, d, "gemini://localhost:"+strconv.Itoa(d.Store().Site.GeminiPort)+path)
		pages[key] = meta + "\n" + body
		if status != 20 || !strings.HasPrefix(meta, "text/gemini") {
			continue
		}
		for _, line := range strings.Split(body, "\n") {
			rest, ok := strings.CutPrefix(line, "=>")
			if !ok {
				continue
			}
			target, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
			u, err := url.Parse(target)
			if err != nil || u.Scheme != "" || !strings.HasPrefix(u.Path, "/") || u.Path == "/search" {
				continue
			}
			queue = append(queue, u.EscapedPath())
		}
	}
	gopherQueue := []string{""}
	seen := map[string]bool{}
	for len(gopherQueue) > 0 && len(seen) < limit {
		sel := gopherQueue[0]
		gopherQueue = gopherQueue[1:]
		if seen[sel] {
			continue
		}
		seen[sel] = true
		body := GopherGet(t, d, sel+"\r\n")
		pages["gopher:"+sel] = body
		if sel != "" && !strings.HasSuffix(sel, "/") && !strings.HasPrefix(sel, "/tags/") && sel != "/archive" {
			continue // not a menu
		}
		for _, line := range strings.Split(body, "\r\n") {
			fields := strings.Split(line, "\t")
			if len(fields) < 4 || line == "" || (line[0] != '0' && line[0] != '1') || fields[2] != "localhost" {
				continue
			}
			gopherQueue = append(gopherQueue, fields[1])
		}
	}
	return pages
}

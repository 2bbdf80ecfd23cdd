package daemon

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
)

// What -check and -routes print: the report of a check that found no
// problem, and the lists of addresses.

// Report is what -check prints when it finds no problem in the site cfg
// describes (configFile is the -config file, "" without one): what it
// checked, one line each, then "ok".
func (sum *Summary) Report(cfg config.Config, configFile string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "checked posts in %s: %s, %s, %s, %s, %s%s\n", FolderName(cfg.Posts),
		count(sum.Posts, "post"), count(sum.Pages, "page"), count(sum.Tags, "tag"), count(sum.Files, "file"), count(sum.Redirects, "redirect"), unpublished(sum))
	for _, l := range sum.Languages {
		fmt.Fprintf(&b, "checked language %s at %s: %s, %s, %s\n", l.Lang, l.Home, count(l.Posts, "post"), count(l.Pages, "page"), count(l.Tags, "tag"))
	}
	for _, p := range sum.Scheduled {
		fmt.Fprintf(&b, "scheduled: %s %s (%s)\n", p.At.Format(time.RFC3339), content.Printable(p.Title), content.Printable(p.File))
	}
	if sum.NoAuthor {
		fmt.Fprintf(&b, "drafts: %s\n", NoAuthorNote)
	}
	for _, s := range sum.Sites {
		fmt.Fprintf(&b, "checked site %s, posts in %s: %s, %s, %s, %s, %s%s\n", s.Hostname, FolderName(s.Folder),
			count(s.Posts, "post"), count(s.Pages, "page"), count(s.Tags, "tag"), count(s.Files, "file"), count(s.Redirects, "redirect"), unpublished(s))
		for _, p := range s.Scheduled {
			fmt.Fprintf(&b, "scheduled: %s %s (%s)\n", p.At.Format(time.RFC3339), content.Printable(p.Title), content.Printable(p.File))
		}
		if s.NoAuthor {
			fmt.Fprintf(&b, "drafts of %s: %s\n", s.Hostname, NoAuthorNote)
		}
		if s.Fingerprint != "" {
			fmt.Fprintf(&b, "checked certificate %s (SHA-256 %s)\n", s.Certificate, s.Fingerprint)
		} else {
			fmt.Fprintf(&b, "checked certificates folder %s: the first start creates %s there for %s\n", FolderName(filepath.Dir(s.Certificate)), s.Certificate, s.Hostname)
		}
	}
	if sum.Fingerprint != "" {
		fmt.Fprintf(&b, "checked certificate %s (SHA-256 %s)\n", sum.Certificate, sum.Fingerprint)
	} else {
		fmt.Fprintf(&b, "checked certificates folder %s: the first start creates %s there for %s\n", FolderName(cfg.Certs), sum.Certificate, cfg.Hostname)
	}
	for _, s := range append([]*Summary{sum}, sum.Sites...) {
		switch {
		case s.Cache == "":
			fmt.Fprintf(&b, "checked build cache: off (-cache=false)\n")
		case s.CacheErr != nil: // an empty file too: a start says it is corrupt
			fmt.Fprintf(&b, "checked build cache %s: %s, not usable (%v): the next start renders every post and writes it again\n", s.Cache, capsule.FormatBytes(s.CacheSize), s.CacheErr)
		case s.CacheSize == 0:
			fmt.Fprintf(&b, "checked build cache %s: none yet (a start writes it)\n", s.Cache)
		default:
			fmt.Fprintf(&b, "checked build cache %s: %s, beside %s of responses\n", s.Cache, capsule.FormatBytes(s.CacheSize), capsule.FormatBytes(s.Held))
		}
	}
	for _, s := range append([]*Summary{sum}, sum.Sites...) {
		fmt.Fprintf(&b, "checked uploads (Titan) to %s: %s\n", s.Hostname, s.Titan)
	}
	var listens []string
	for _, l := range sum.Listens {
		s := l.What + " " + l.Addr
		if l.Note != "" {
			s += " (" + l.Note + ")"
		}
		listens = append(listens, s)
	}
	if len(listens) > 0 {
		fmt.Fprintf(&b, "checked listen addresses: %s\n", strings.Join(listens, ", "))
	}
	if configFile != "" {
		fmt.Fprintf(&b, "checked configuration file %s\n", configFile)
	} else {
		fmt.Fprintf(&b, "checked configuration: flags and defaults (no -config file)\n")
	}
	// The configuration's warnings (printed before) count with the posts'.
	warnings := content.CountWarnings(sum.Warnings) + len(cfg.Warnings())
	fmt.Fprintf(&b, "ok: no problems, %s, built in %v, %s of responses to hold\n", count(warnings, "warning"), sum.BuildTime.Round(time.Millisecond), capsule.FormatBytes(sum.Held))
	return b.String()
}

// unpublished counts a site's drafts and scheduled posts for -check's
// line, when it has any: ", 2 drafts, 1 scheduled" (the scheduled are
// listed after it, soonest first).
func unpublished(s *Summary) string {
	out := ""
	if s.Drafts > 0 {
		out += ", " + count(s.Drafts, "draft")
	}
	if len(s.Scheduled) > 0 {
		out += fmt.Sprintf(", %d scheduled", len(s.Scheduled))
	}
	return out
}

// WriteRoutes writes every address each site answers to w, one a line
// (host names the main site when its Summary has no Hostname):
//
//	localhost gemini 20 /posts/hello.gmi
//	localhost gemini 31 /2014/09/02/hello.html → gemini://localhost/posts/hello.gmi
//	localhost gopher - /posts/hello.txt
func (sum *Summary) WriteRoutes(w io.Writer, host string) {
	for _, s := range append([]*Summary{sum}, sum.Sites...) {
		name := cmp.Or(s.Hostname, host)
		for _, r := range s.Routes {
			status := "-"
			if r.Status != 0 {
				status = strconv.Itoa(r.Status)
			}
			line := name + " " + r.Protocol + " " + status + " " + routeAddress(r.Address)
			if r.Target != "" {
				if r.Status/10 == 3 {
					line += " → " + content.Printable(r.Target)
				} else {
					line += " (" + r.Target + ")"
				}
			}
			fmt.Fprintln(w, line)
		}
	}
}

// routeAddress is an address as -routes lists it: printable, a space (of
// any kind) percent-encoded as links encode it, and so a literal "%" as
// %25, which both servers read back: a line splits on spaces into its
// fields, and each address asks for what it names.
func routeAddress(addr string) string {
	var b strings.Builder
	for _, r := range content.Printable(addr) {
		switch {
		case r == '%':
			b.WriteString("%25")
		case unicode.IsSpace(r):
			var buf [utf8.UTFMax]byte
			for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteOldAddresses writes to w every old address of a post that -check
// found, site by site, one a line: "redirect: /2014/09/02/hello.html →
// /posts/hello.gmi (posts/hello.md)".
func (sum *Summary) WriteOldAddresses(w io.Writer) {
	list := func(site string, rs []capsule.Redirect) {
		for _, r := range rs {
			fmt.Fprintf(w, "redirect%s: %s → %s (%s)\n", site, content.Printable(r.From), content.Printable(r.To), content.Printable(r.File))
		}
	}
	list("", sum.OldAddresses)
	for _, s := range sum.Sites {
		list(", site "+s.Hostname, s.OldAddresses)
	}
}

// FolderName is dir as the operator would type it, as capsuled's reports
// name a folder: "./posts" for "posts".
func FolderName(dir string) string {
	clean := filepath.Clean(dir)
	if filepath.IsAbs(clean) || clean == "." || clean == ".." || strings.HasPrefix(clean, "."+string(filepath.Separator)) || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return clean
	}
	return "." + string(filepath.Separator) + clean
}

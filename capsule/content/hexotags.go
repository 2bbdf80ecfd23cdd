package content

import (
	"cmp"
	"net/url"
	"regexp"
	"strings"
)

// Hexo's tag plugins (most of them Octopress' first, which Jekyll sites
// use too, with the same words) and the NexT theme's, in their nearest
// Markdown: a quote, a code block, an image, a link. Their arguments
// are split as Hexo splits them (liquidArgs: words, or quoted strings).

// hexoURL reports whether s is an address Hexo's link and img tags take
// for one: a scheme and "//" (https://…), mailto:, or www.….
func hexoURL(s string) bool {
	if strings.HasPrefix(s, "www.") || strings.HasPrefix(s, "mailto:") {
		return true
	}
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || scheme == "" || len(scheme) > 10 || rest == "" {
		return false
	}
	for i := 0; i < len(scheme); i++ {
		c := scheme[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return true
}

// hexoLink is the index of the address among the arguments of
// {% link text url [external] [title] %} (Hexo's, Octopress'), or -1
// when they are not those of one: Jekyll's {% link %} names one file,
// its only argument.
func hexoLink(args string) int {
	a := liquidArgs(args)
	if len(a) < 2 {
		return -1
	}
	for i, s := range a {
		if hexoURL(s) || i > 0 && strings.HasPrefix(s, "/") {
			return i
		}
	}
	return -1
}

// hexoCodeOptions are the options of Hexo's codeblock tag, written
// name:value; lang:sh names its language. Another word with a colon
// (https://…) is its caption's.
var hexoCodeOptions = map[string]bool{"lang": true, "line_number": true, "line_threshold": true, "first_line": true, "wrap": true, "mark": true, "highlight": true, "language_attr": true}

var (
	hexoCaptionURLTitle = regexp.MustCompile(`^(\S.*?)\s+(https?://\S+)\s+(.+)$`)
	hexoCaptionURL      = regexp.MustCompile(`^(\S.*?)\s+(https?://\S+)$`)
)

// hexoCodeArgs reads the arguments of {% codeblock [title] [lang:sh]
// [url [link text]] %}: its language, its caption, and the link the
// caption gives with its text.
func hexoCodeArgs(args []string) (lang, caption, link, label string) {
	var rest []string
	for _, a := range args {
		if k, v, ok := strings.Cut(a, ":"); ok && hexoCodeOptions[k] {
			if k == "lang" {
				lang = v
			}
			continue
		}
		rest = append(rest, a)
	}
	s := strings.Join(rest, " ")
	if m := hexoCaptionURLTitle.FindStringSubmatch(s); m != nil {
		return lang, m[1], m[2], m[3]
	}
	if m := hexoCaptionURL.FindStringSubmatch(s); m != nil {
		return lang, m[1], m[2], ""
	}
	return lang, s, "", ""
}

// hexoCite is the last line of {% blockquote [author[, source]] [link]
// [link title] %}'s quote: "— author, [title](link)", as Hexo's footer
// has them; "" when it names none.
func hexoCite(args string) string {
	s := strings.Join(liquidArgs(args), " ")
	author, link, title := s, "", ""
	if m := hexoCaptionURLTitle.FindStringSubmatch(s); m != nil {
		author, link, title = m[1], m[2], m[3]
	} else if m := hexoCaptionURL.FindStringSubmatch(s); m != nil {
		author, link = m[1], m[2]
	}
	if author == "" {
		return ""
	}
	out := "— " + scLabel(author)
	if link != "" {
		short := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(link[strings.Index(link, "://")+3:], "index.html"), "index.htm"), "/")
		out += ", [" + scLabel(cmp.Or(title, short)) + "](" + scDest(link) + ")"
	}
	return out
}

// hexoNoteClasses are the words NexT's {% note %} takes for its look
// (at most two, first); the words after them are its summary.
var hexoNoteClasses = map[string]bool{"default": true, "primary": true, "info": true, "success": true, "warning": true, "danger": true, "no-icon": true}

// hexoNoteSummary is the summary of NexT's {% note [class] [no-icon]
// [summary] %}, the first line of its quote; "" for none.
func hexoNoteSummary(args []string) string {
	for i := 0; i < 2 && len(args) > 0 && hexoNoteClasses[args[0]]; i++ {
		args = args[1:]
	}
	return scLabel(strings.Join(args, " "))
}

// hexoImg reads {% img [class …] /path/cat.png [width [height]] [title
// [alt]] %}: its image's address (the first argument that is one: an
// address, a path from the top, or a file an image's extension names)
// and the text that stands for it (its alt, else its title).
func hexoImg(args []string) (src, alt string) {
	for len(args) > 0 && src == "" {
		a := args[0]
		args = args[1:]
		if hexoURL(a) || strings.HasPrefix(a, "/") || imageExt(a) {
			src = a
		}
	}
	for n := 0; n < 2 && len(args) > 0 && args[0] != "" && strings.Trim(args[0], "0123456789") == ""; n++ {
		args = args[1:] // its width, its height
	}
	rest := strings.Join(args, " ")
	if !strings.ContainsAny(rest, `"'`) {
		return src, strings.TrimSpace(rest)
	}
	// '"title text" "alt text"': Hexo's title, then alt, each quoted.
	var parts []string
	for _, p := range strings.FieldsFunc(rest, func(r rune) bool { return r == '"' || r == '\'' }) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	switch len(parts) {
	case 0:
		return src, ""
	case 1:
		return src, parts[0]
	}
	return src, parts[1]
}

// hexoEmbed is the link that stands for an embed or a link tag of Hexo
// ({% iframe url %}, {% jsfiddle id %}, {% url_for text path %},
// {% full_url_for text path %}) or NexT ({% video url %}, {% exturl
// text url %}, {% button url, text %}): its text and its address (""
// when the tag gives none).
func hexoEmbed(name, args string) (label, dest string) {
	a := liquidArgs(args)
	if len(a) == 0 {
		return "", ""
	}
	host := func(s string) string {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			return u.Host + u.Path
		}
		return s
	}
	switch name {
	case "iframe", "video":
		if !hexoURL(a[0]) && !strings.HasPrefix(a[0], "/") {
			return "", ""
		}
		return host(a[0]), a[0]
	case "jsfiddle":
		if hexoURL(a[0]) {
			return "JSFiddle: " + host(a[0]), a[0]
		}
		if id := strings.Trim(a[0], "/"); id != "" && scID(strings.ReplaceAll(id, "/", "-")) {
			return "JSFiddle: " + id, "https://jsfiddle.net/" + id + "/"
		}
		return "", ""
	case "url_for", "full_url_for":
		if len(a) < 2 {
			return a[0], a[0]
		}
		return a[0], a[1]
	case "exturl":
		for i, s := range a {
			if hexoURL(s) {
				return cmp.Or(strings.Join(a[:i], " "), host(s)), s
			}
		}
		return "", ""
	case "button", "btn":
		parts := strings.Split(args, ",")
		dest = strings.Trim(strings.TrimSpace(parts[0]), `"'`)
		if len(parts) > 1 {
			label = strings.Trim(strings.TrimSpace(parts[1]), `"'`)
		}
		if dest == "" || strings.ContainsAny(dest, " \t") {
			return "", ""
		}
		return cmp.Or(label, host(dest)), dest
	}
	return "", ""
}

// quote writes a block's text as a quote: first (a summary) its first
// line, last (a cite) its last, each line of text "> …". closeEnd is
// where the block's closing tag ends: text after it on its line starts a
// paragraph of its own.
func (e *scExpander) quote(first string, text []byte, last string, closeEnd int) {
	if !e.outAtLineStart() {
		e.out = append(e.out, '\n')
	}
	body := strings.Trim(string(text), "\n")
	if strings.TrimSpace(body) == "" {
		body = ""
	}
	var lines []string
	if first != "" {
		lines = append(lines, first)
		if body != "" {
			lines = append(lines, "")
		}
	}
	if body != "" {
		lines = append(lines, strings.Split(body, "\n")...)
	}
	if last != "" {
		lines = append(lines, "", last)
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			e.out = append(e.out, ">\n"...)
			continue
		}
		e.out = append(e.out, "> "...)
		e.out = append(e.out, l...)
		e.out = append(e.out, '\n')
	}
	for j := closeEnd; j < len(e.in) && e.in[j] != '\n'; j++ {
		if e.in[j] != ' ' && e.in[j] != '\t' && e.in[j] != '\r' {
			e.out = append(e.out, '\n')
			break
		}
	}
}

package content

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
)

// markdownLink is an inline link or image, "[label](dest)" or
// "![alt](dest)", whose label is its text.
var markdownLink = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

// expandTemplates replaces the Hugo shortcodes and Jekyll Liquid tags of
// every post and page (ExpandShortcodes), so that no template syntax
// reaches a reader. A reference to another post (Hugo's ref and relref,
// Jekyll's post_url and link) becomes a link to its file, "name.md", which
// the site's link rewriting turns into the post's address on each
// protocol. It returns the warnings, with their files and lines.
func expandTemplates(bySlug map[string]*Post) []*FileError {
	byName := make(map[string]*Post, 2*len(bySlug))
	for _, p := range bySlug {
		base := filepath.Base(p.File)
		byName[base] = p
		byName[strings.TrimSuffix(base, filepath.Ext(base))] = p
		// Hugo page bundles: "posts/hello/index.md" is known as "hello".
		if strings.TrimSuffix(base, filepath.Ext(base)) == "index" {
			byName[filepath.Base(filepath.Dir(p.File))] = p
		}
	}
	ref := func(target string) (string, bool) {
		name := filepath.Base(strings.TrimSuffix(strings.TrimSpace(target), "/"))
		p, ok := byName[name]
		if !ok {
			p, ok = byName[strings.TrimSuffix(name, filepath.Ext(name))]
		}
		if !ok {
			return "", false
		}
		return filepath.Base(p.File), true
	}
	var warns []*FileError
	for _, p := range bySlug {
		if p.plain {
			continue // most posts: nothing to do
		}
		if bytes.Contains(p.Body, []byte("{:")) {
			p.Body = dropAttributeLists(p.Body)
		}
		if !bytes.Contains(p.Body, []byte("{{")) && !bytes.Contains(p.Body, []byte("{%")) {
			continue // most posts: nothing to do
		}
		body, ws := ExpandShortcodes(p.Body, p.BodyLine, ref)
		p.Body = body
		if strings.Contains(p.Summary, "{{") || strings.Contains(p.Summary, "{%") {
			// A summary cut at <!--more--> from the Markdown as written:
			// expanded too, and kept as text (a figure's caption, not its
			// Markdown).
			s, _ := ExpandShortcodes([]byte(p.Summary), p.BodyLine, ref)
			p.Summary = strings.Join(strings.Fields(markdownLink.ReplaceAllString(string(s), "$1")), " ")
		}
		for _, w := range ws {
			warns = append(warns, &FileError{File: p.File, Line: w.Line, Msg: w.Msg})
		}
	}
	return warns
}

// hasTemplates reports whether body may hold what expandTemplates
// expands: Hugo shortcodes, Liquid tags or kramdown attribute lists.
func hasTemplates(body []byte) bool {
	return bytes.Contains(body, []byte("{{")) || bytes.Contains(body, []byte("{%")) || bytes.Contains(body, []byte("{:"))
}

// attributeList is a kramdown attribute list, "{: .class #id key=value}",
// at the end of a line or alone on one: Jekyll's styling, nothing a reader
// reads.
var attributeList = regexp.MustCompile(`[ \t]*\{:[^{}\n]*\}[ \t]*$`)

// dropAttributeLists removes kramdown attribute lists outside fenced code,
// keeping every line (so that line numbers stay right).
func dropAttributeLists(body []byte) []byte {
	lines := bytes.SplitAfter(body, []byte("\n"))
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimSpace(string(line))
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
			continue
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		end := bytes.TrimRight(line, "\n")
		if loc := attributeList.FindIndex(end); loc != nil {
			lines[i] = append(end[:loc[0]:loc[0]], line[len(end):]...)
		}
	}
	return bytes.Join(lines, nil)
}

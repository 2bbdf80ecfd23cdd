package content

import (
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The themes a Hugo site uses, found as Hugo finds them (the themes
// folder, _vendor/, a git submodule's URL when the folder is empty), and
// the version go.mod requires of one: what the readings of a theme's
// Markdown (hugoAlertHook, hugoThemeText) start from.

// A hugoTheme is a theme a Hugo site uses, as Hugo finds it.
type hugoTheme struct {
	// dir is its folder when it is on disk (it has layouts/): what it
	// does is read from its own files there, whatever the folder's name.
	dir string
	// name, when it is not on disk, is what it is: lower case, the last
	// part of the URL of the git submodule its folder is (.gitmodules:
	// a clone without its submodules has the folder empty), else of its
	// module path or theme name.
	name string
	// path is the theme name or module path the configuration gives
	// (go.mod's version of it is its version).
	path string
}

// hugoThemes are the themes a Hugo site at root (configuration m) names
// by theme or module.imports, at most maxConfigFiles of each: on disk in
// _vendor/ (a module path) or the themes folder (themesDir, themes/
// unless set), else named.
func hugoThemes(root string, m map[string]any) []hugoTheme {
	var names []string
	if s := str(m["theme"]); s != "" {
		names = append(names, s)
	}
	names = append(names, strs(m["theme"])...)
	imports, _ := section(m, "module")["imports"].([]any)
	if len(imports) > maxConfigFiles {
		imports = imports[:maxConfigFiles]
	}
	for _, im := range imports {
		if t, ok := im.(map[string]any); ok && str(t["path"]) != "" {
			names = append(names, str(t["path"]))
		}
	}
	if t, ok := section(m, "module")["imports"].([]map[string]any); ok {
		for _, im := range t[:min(len(t), maxConfigFiles)] {
			names = append(names, str(im["path"]))
		}
	}
	themesDir := filepath.Join(root, "themes")
	if d := str(m["themesdir"]); d != "" && !filepath.IsAbs(d) {
		themesDir = filepath.Join(root, filepath.FromSlash(d))
	}
	var submodules map[string]string
	var themes []hugoTheme
	for _, name := range names {
		name = strings.TrimRight(name, "/")
		t := hugoTheme{name: strings.ToLower(path.Base(name)), path: name}
		if name == "" || strings.Contains(name, "..") {
			themes = append(themes, t)
			continue
		}
		folder := filepath.Join(themesDir, filepath.FromSlash(name))
		dirs := []string{folder}
		if strings.Contains(name, "/") {
			dirs = []string{filepath.Join(root, "_vendor", filepath.FromSlash(name)), folder}
		}
		for _, dir := range dirs {
			if isDir(filepath.Join(dir, "layouts")) {
				t.dir = dir
				break
			}
		}
		if t.dir == "" {
			if submodules == nil {
				submodules = gitSubmodules(root)
			}
			if rel, err := filepath.Rel(root, folder); err == nil {
				if url := submodules[filepath.ToSlash(rel)]; url != "" {
					t.name = strings.ToLower(strings.TrimSuffix(path.Base(strings.TrimRight(url, "/")), ".git"))
				}
			}
		}
		themes = append(themes, t)
	}
	return themes
}

// gitSubmodules are the submodules .gitmodules at root names, their
// URLs by their paths (slash-separated, from root).
func gitSubmodules(root string) map[string]string {
	data, _ := readSmall(filepath.Join(root, ".gitmodules"))
	out := make(map[string]string)
	var p, u string
	flush := func() {
		if p != "" && u != "" {
			out[path.Clean(p)] = u
		}
		p, u = "", ""
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			flush()
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		switch v = strings.Trim(strings.TrimSpace(v), `"`); strings.ToLower(strings.TrimSpace(k)) {
		case "path":
			p = v
		case "url":
			u = v
		}
	}
	flush()
	return out
}

// moduleVersions returns what go.mod at root requires of a module path
// ("" when it names none), go.mod read at the first call, if any.
func moduleVersions(root string) func(module string) string {
	var gomod []byte
	read := false
	return func(module string) string {
		if !read {
			gomod, _ = readSmall(filepath.Join(root, "go.mod"))
			read = true
		}
		return requiredVersion(gomod, module)
	}
}

// requiredVersion is the version go.mod requires of module path, "" when
// it names none.
func requiredVersion(gomod []byte, module string) string {
	for line := range strings.SplitSeq(string(gomod), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && strings.EqualFold(f[0], module) {
			return f[1]
		}
	}
	return ""
}

// semverLess reports whether version a ("v0.3.12", "v1.0.0-alpha…")
// comes before b, by their numbers.
func semverLess(a, b string) bool {
	num := func(v string) [3]int {
		var n [3]int
		v, _, _ = strings.Cut(strings.TrimPrefix(v, "v"), "-")
		for i, p := range strings.SplitN(v, ".", 3) {
			n[i], _ = strconv.Atoi(p)
		}
		return n
	}
	x, y := num(a), num(b)
	return slices.Compare(x[:], y[:]) < 0
}

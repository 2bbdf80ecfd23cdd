package content

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// An Astro collection that no page of src/pages takes entries of is
// data the site's components read (homimemo's affiliates, boxes of
// affiliate links shown inside its articles), no page of its own: Astro
// publishes none of its entries at an address, and capsule serves none,
// with one warning per collection. A collection is taken by a page when
// a file of src/pages (any, a route or not, .astro, .md, .mdx, .ts or
// .js) names it in getCollection("…"), getEntry("…") or getEntries("…"),
// or a function it imports by name from a local module (a relative path
// or one of tsconfig.json's aliases, inside src/) does: that function's
// body, or the whole module when the function is not found plainly or
// its body calls no getCollection (it may call one of the module's
// others), or when the module is imported whole (import * as m, import
// m). Components (.astro, .svelte…) imported are not followed: they
// show entries inside a page, not pages of them.
//
// Nothing is left out, the scan giving up, when the site may make pages
// otherwise: a getCollection of a name not written as a literal, an
// Astro.glob or import.meta.glob in src/pages or what it imports, an
// integration that injects routes (Starlight, injectRoute), no
// collection taken at all (the routes are elsewhere), more than
// astroMaxRouteFiles files in src/pages, astroMaxUnroutedModules
// modules or astroMaxUnroutedLookups functions looked into. A collection whose folder is the content folder
// itself (all its posts) is never left out.

// astroMaxUnroutedModules bounds the local modules read for the scan
// (each at most readSmall's megabyte).
const astroMaxUnroutedModules = 64

// astroMaxUnroutedLookups bounds the functions looked for in them (two
// scans of the module each).
const astroMaxUnroutedLookups = 256

var (
	// astroEntryCall is a getEntry or getEntries call of a literal
	// collection name.
	astroEntryCall = regexp.MustCompile(`\bgetEntr(?:y|ies)\s*\(\s*["'` + "`" + `]([^"'` + "`" + `\n$]+)["'` + "`" + `]`)
	// astroContentImport is an import of a file of src/content/<name>/
	// (an entry's Markdown, rendered by the page that imports it): name.
	astroContentImport = regexp.MustCompile(`\bfrom\s*["'][^"'\n]*\bcontent/([^/"'\n]+)/[^"'\n]*["']`)
	// astroGlobCall is a page's reading of files other than through a
	// collection.
	astroGlobCall = regexp.MustCompile(`\bAstro\.glob\s*\(|\bimport\.meta\.glob(?:Eager)?\s*\(`)
	// astroWholeImport is a module imported whole: import * as m from
	// "…", import m from "…".
	astroWholeImport = regexp.MustCompile(`\bimport\s+(?:\*\s*as\s+[A-Za-z_$][\w$]*|[A-Za-z_$][\w$]*)\s+from\s*["']([^"'\n]+)["']`)
	// astroInjects is an integration that adds routes of its own.
	astroInjects = regexp.MustCompile(`@astrojs/starlight|\binjectRoute\b`)
	// astroComponentExt are the extensions of components, not followed.
	astroComponentExt = []string{".astro", ".svelte", ".vue", ".jsx", ".tsx", ".md", ".mdx", ".css", ".scss", ".json", ".svg", ".png", ".jpg", ".webp"}
)

// astroUnrouted is, by folder (from the site's root dir, with slashes),
// the names of the collections (folders, astroCollectionFolders) inside
// the content folder content (relative to dir) that no page takes (see
// above); nil when the scan gives up or all are taken.
func astroUnrouted(dir, content string, cfg []byte, folders map[string]string) map[string]string {
	content = path.Clean(filepath.ToSlash(content))
	if len(folders) < 2 || astroInjects.Match(cfg) {
		return nil
	}
	if b, err := readSmall(filepath.Join(dir, "package.json")); err == nil && astroInjects.Match(b) {
		return nil
	}
	pages := filepath.Join(dir, "src", "pages")
	var aliases []astroAlias
	aliasesRead := false
	taken := make(map[string]bool)
	modules := make(map[string][]byte) // read, by path
	wholeRead := make(map[string]bool)
	giveUp := false
	// names adds the collections src names; false when one is not a
	// literal, or files are read otherwise.
	names := func(src []byte) bool {
		if astroGlobCall.Match(src) {
			return false
		}
		for _, m := range astroCollCall.FindAllSubmatch(src, -1) {
			if m[1] == nil {
				return false
			}
			taken[string(m[1])] = true
		}
		for _, m := range astroEntryCall.FindAllSubmatch(src, -1) {
			taken[string(m[1])] = true
		}
		for _, m := range astroContentImport.FindAllSubmatch(src, -1) {
			// An entry imported whole (import { Content } from
			// "../content/notes/a.md"): shown on that page.
			taken[string(m[1])] = true
		}
		return true
	}
	// module reads the local module an import in file names by spec
	// (its path, its text): nil when it is none, or not read.
	module := func(file, spec string) (string, []byte) {
		if hasExt(spec, astroComponentExt...) {
			return "", nil
		}
		if !aliasesRead {
			aliases, aliasesRead = astroAliases(dir), true
		}
		target, ok := astroModulePath(dir, file, spec, aliases)
		if !ok {
			return "", nil
		}
		for _, ext := range []string{"", ".ts", ".js", ".mjs", ".mts", "/index.ts", "/index.js"} {
			p := filepath.Join(dir, filepath.FromSlash(target+ext))
			if b, ok := modules[p]; ok {
				return p, b
			}
			if b, err := readSmall(p); err == nil {
				if len(modules) >= astroMaxUnroutedModules {
					giveUp = true
					return "", nil
				}
				modules[p] = b
				return p, b
			}
		}
		return "", nil
	}
	whole := func(file, spec string) {
		if p, b := module(file, spec); b != nil && !wholeRead[p] {
			wholeRead[p] = true
			if !names(b) {
				giveUp = true
			}
		}
	}
	read, looked := 0, 0
	filepath.WalkDir(pages, func(p string, d fs.DirEntry, err error) error {
		if err != nil || giveUp {
			return filepath.SkipAll
		}
		if d.IsDir() || !hasExt(d.Name(), ".astro", ".md", ".mdx", ".ts", ".js", ".mjs", ".mts", ".jsx", ".tsx") {
			return nil
		}
		if read++; read > astroMaxRouteFiles {
			giveUp = true
			return filepath.SkipAll
		}
		src, err := readSmall(p)
		if err != nil || !names(src) {
			giveUp = true
			return filepath.SkipAll
		}
		for _, m := range astroImportNames.FindAllSubmatch(src, astroMaxImports) {
			spec := string(m[2])
			_, b := module(p, spec)
			if b == nil {
				continue
			}
			for _, n := range strings.Split(string(m[1]), ",") {
				n = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(n), "type "))
				n, _, _ = strings.Cut(n, " ")
				if n == "" {
					continue
				}
				if looked++; looked > astroMaxUnroutedLookups {
					giveUp = true
					break
				}
				_, body, ok := jsExportedFunction(b, n)
				if !ok || !astroAnyColl.Match(body) && callsLocal(b, body) {
					whole(p, spec)
					break
				}
				if !names(body) {
					giveUp = true
				}
			}
		}
		for _, m := range astroWholeImport.FindAllSubmatch(src, astroMaxImports) {
			whole(p, string(m[1]))
		}
		return nil
	})
	if giveUp || len(taken) == 0 {
		return nil
	}
	var out map[string]string
	for name, folder := range folders {
		if taken[name] || folder == content || !strings.HasPrefix(folder, content+"/") && content != "." {
			continue
		}
		if out == nil {
			out = make(map[string]string)
		}
		out[folder] = name
	}
	return out
}

// astroAutoCollections is folders (astroCollectionFolders: the
// collections the content configuration defines) with the folders of
// src/content it defines none of, each a collection of its own name:
// Astro makes one of each such folder (auto-generated, deprecated since
// Astro 3, still built), which a page takes by getCollection("its
// name") as any other, and which no page taking leaves unpublished
// (Tetsu-is' src/content/private beside its blog). A folder that holds,
// or is inside, a defined collection's folder is not one (a collection
// globbed from src/content itself holds them all). folders itself when
// it is nil (no collections read: the scan stays off) or none is added.
func astroAutoCollections(dir string, folders map[string]string) map[string]string {
	if folders == nil {
		return nil
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "src", "content"))
	var out map[string]string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") {
			continue
		}
		folder := "src/content/" + name
		_, defined := folders[name]
		for _, f := range folders {
			// "." is the site's root, holding every folder.
			if f == folder || strings.HasPrefix(f, folder+"/") || strings.HasPrefix(folder, f+"/") || f == "." {
				defined = true
			}
		}
		if defined {
			continue
		}
		if out == nil {
			out = maps.Clone(folders)
		}
		out[name] = folder
	}
	if out == nil {
		return folders
	}
	return out
}

// astroCalled is a function's call, not a method's: its name.
var astroCalled = regexp.MustCompile(`(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*\(`)

// callsLocal reports whether body (a function's, of module src) calls a
// function src declares, which may take a collection for it: at most
// astroMaxImports names are looked for.
func callsLocal(src, body []byte) bool {
	seen := make(map[string]bool)
	var names []string
	for _, m := range astroCalled.FindAllSubmatch(body, -1) {
		name := string(m[1])
		switch name {
		case "if", "for", "while", "switch", "return", "function", "catch", "await", "typeof", "new":
			continue
		}
		if !seen[name] {
			seen[name] = true
			names = append(names, regexp.QuoteMeta(name))
		}
		if len(names) > astroMaxImports {
			return true
		}
	}
	if len(names) == 0 {
		return false
	}
	alt := "(?:" + strings.Join(names, "|") + ")"
	return regexp.MustCompile(`\bfunction\s*\*?\s*` + alt + `\b|\b(?:const|let|var)\s+` + alt + `\s*(?::[^=]{0,200})?=`).Match(src)
}

// astroUnroutedOf is the collection of the unrouted ones (f.astroUnrouted)
// that file (a path) is in, and its folder; "" when none.
func (f folder) astroUnroutedOf(file string) (name, folder string) {
	if len(f.astroUnrouted) == 0 {
		return "", ""
	}
	rel := filepath.ToSlash(relPath(f.root, file))
	for folder, name := range f.astroUnrouted {
		if strings.HasPrefix(rel, folder+"/") {
			return name, folder
		}
	}
	return "", ""
}

// astroUnroutedWarnings are the warnings of the entries left out, by
// folder: one per collection, in the folders' order.
func astroUnroutedWarnings(left map[string][]string, names map[string]string) []*FileError {
	var folders []string
	for folder := range left {
		folders = append(folders, folder)
	}
	slices.Sort(folders)
	var warns []*FileError
	for _, folder := range folders {
		files := left[folder]
		warns = append(warns, &FileError{File: files[0], Kind: "Astro collection not published",
			Msg: fmt.Sprintf("%s of the collection %q (%s), which no page of src/pages takes entries of (no getCollection(%q) there, nor in what it imports): the web site publishes no page of them; not served", count(len(files), "file"), names[folder], folder, names[folder])})
	}
	return warns
}

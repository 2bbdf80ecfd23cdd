package capsule

import (
	"path"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// serveFolderIndexes answers a folder beside the posts that holds an
// index.html (Jekyll's apps/index.html, served at /apps/index.html) at
// the folder's own address too, /apps/, as every web server and
// generator does: a redirect to the file on Gemini, the file on Gopher.
// Last, after old addresses: a page, a file or an old address that has
// the folder's address keeps it.
func (st *Store) serveFolderIndexes(files []content.File) {
	for _, f := range files {
		dir := path.Dir(f.Path)
		if dir == "." || !isFolderIndex(path.Base(f.Path)) {
			continue
		}
		file, folder := "/"+f.Path, "/"+dir+"/"
		if _, served := st.gemini[file]; !served {
			continue // its path is a page's
		}
		if _, taken := st.gemini[folder]; !taken {
			st.gemini[folder] = gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiURL(file), nil)
		}
		if _, taken := st.gopher[folder]; !taken {
			st.gopher[folder] = st.gopher[file]
		}
	}
}

// isFolderIndex reports whether a file's name is what a web server
// answers its folder's address with.
func isFolderIndex(name string) bool {
	return strings.EqualFold(name, "index.html") || strings.EqualFold(name, "index.htm")
}

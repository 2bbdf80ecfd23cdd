package capsule

import (
	"mime"
	"path"
	"strings"

	"capsule/gopher"
)

// fileMediaType is the MIME type of a file, by its extension.
func fileMediaType(p string) string {
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// fileItemType is the gopher item type of a file: GIF, other images, text,
// HTML, or binary.
func fileItemType(p string) gopher.ItemType {
	t := fileMediaType(p)
	switch {
	case t == "image/gif":
		return gopher.TypeGIF
	case strings.HasPrefix(t, "image/"):
		return gopher.TypeImage
	case strings.HasPrefix(t, "text/html"):
		return gopher.TypeHTML
	case strings.HasPrefix(t, "text/"):
		return gopher.TypeText
	}
	return gopher.TypeBinary
}

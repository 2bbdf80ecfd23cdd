package content

import (
	"strings"
	"testing"
)

// The generateId shapes read (astroids.go), each as the configuration
// writes it, and what each makes the id of an entry with and without the
// key; the others, and one over astroMaxGenerateID bytes, are not read.
func TestReadAstroGenID(t *testing.T) {
	const with, without = "FM", "dir/Post.Name.mdx"
	for _, c := range []struct {
		src               string
		ok                bool
		key               string
		idWith, idWithout string // "" for unknown
	}{
		{"({ data }) => data.id,\n", true, "id", "FM", ""},
		{"({ data }) => String(data.id) })", true, "id", "FM", ""},
		{"({ data }) => data.slug as string\n}", true, "slug", "FM", ""},
		{"({ data }) => {\n  // its id\n  const valid = articleSchema.parse(data);\n  return valid.id;\n},", true, "id", "FM", ""},
		{"({ entry, data }) => data.slug ?? entry.replace(/\\.mdx?$/, ''),", true, "slug", "FM", "dir/Post.Name"},
		{"({ entry, data }) => String(data.slug || entry.replace(/\\.MDX$/i, \"\")) }", true, "slug", "FM", "dir/Post.Name"},
		{"({ entry, data }) => data.slug ?? entry.replace(/\\.md$/, ''),", true, "slug", "FM", "dir/Post.Name.mdx"}, // no match: the path as it is
		{"({ entry, data }) =>\n  typeof data.slug === 'string' ? data.slug : entry.replace(/\\.(md|mdx)$/, ''),", true, "slug", "FM", "dir/Post.Name"},
		{"({ entry, data }) => {\n  if (typeof data.slug === \"string\") return data.slug;\n  return entry.replace(/\\.(md|mdx|mdoc)$/, \"\");\n},", true, "slug", "FM", "dir/Post.Name"},
		{"({ entry, data }) => data.slug ?? slugify(entry),", true, "slug", "FM", ""},
		{"({ entry, data }) => data.slug ?? entry.replace(/\\./g, ''),", true, "slug", "FM", "dir/PostNamemdx"},
		{"({ data }) => `${data.locale}/${data.slug}`,", false, "", "", ""},
		{"({ entry }) => path.basename(entry, path.extname(entry)),", false, "", "", ""},
		{"({ data }) => { const v = schema.parse(data); return w.id; },", false, "", "", ""},
		{"({ entry, data }) => typeof data.slug === 'string' ? data.name : entry,", false, "", "", ""},
		{"(e) => e.data.id,", false, "", "", ""},
		{"noteId,", false, "", "", ""},
		{"({ data }) => data.id" + strings.Repeat(" ", astroMaxGenerateID) + ",", false, "", "", ""},
	} {
		g, ok := readAstroGenID([]byte(c.src))
		if ok != c.ok || g.key != c.key {
			t.Errorf("%q: read %v, key %q; want %v, %q", c.src, ok, g.key, c.ok, c.key)
			continue
		}
		if !ok {
			continue
		}
		if id, known := g.id(without, []string{g.key, with}); !known || id != c.idWith {
			t.Errorf("%q: the id of an entry with %s is %q (%v), want %q", c.src, g.key, id, known, c.idWith)
		}
		if id, known := g.id(without, []string{"other", "x"}); known != (c.idWithout != "") || id != c.idWithout {
			t.Errorf("%q: the id of an entry without %s is %q (%v), want %q", c.src, g.key, id, known, c.idWithout)
		}
	}
}

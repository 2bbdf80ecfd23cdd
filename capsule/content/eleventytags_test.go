package content

import "testing"

// A template of tag pages is read from YAML front matter and from
// JavaScript front matter's computed permalink, and each tag's address
// is spelt as Eleventy's filters spell it, or is unknown: a tag its
// filter names, slugify of other letters than ASCII's, a character
// Nunjucks would escape, a path that is no folder of its own.
func TestEleventyTagTemplateAddresses(t *testing.T) {
	yaml := func(permalink string) map[string]any {
		return map[string]any{"permalink": permalink, "pagination": map[string]any{
			"data": "collections", "size": 1, "alias": "tag", "filter": []any{"all", "posts"}}}
	}
	js := []byte("---js\nconst pagination = {\n  data: \"collections\",\n  size: 1,\n  alias: \"tag\",\n  filter: [\"all\", 'posts'],\n};\nconst eleventyComputed = {\n  permalink: function(data) {\n    // one a tag\n    return `/t/${this.slug(data.tag)}/`;\n  }\n};\n---\n")
	for _, c := range []struct {
		m     map[string]any
		src   []byte
		tag   string
		want  string
		known bool
	}{
		{yaml("/tags/{{ tag | slugify }}/"), nil, "Go Lang & C", "/tags/go-lang-and-c/", true},
		{yaml("/tags/{{ tag | slugify | url }}/index.html"), nil, "Rust", "/tags/rust/", true},
		{yaml("/ja/tags/{{ tag }}/"), nil, "日記 帳", "/ja/tags/日記 帳/", true},
		{yaml("/tags/{{ tag | slugify }}/"), nil, "日記", "", false},
		{yaml("/tags/{{ tag }}/"), nil, "a&b", "", false},
		{yaml("/tags/{{ tag }}/"), nil, "..", "", false},
		{yaml("/tags/{{ tag }}/"), nil, "posts", "", false},
		{yaml("/tags/{{ tag | upcase }}/"), nil, "go", "", false},
		{map[string]any{}, js, "Go Lang", "/t/go-lang/", true},
		{map[string]any{}, js, "posts", "", false},
	} {
		src := c.src
		if src == nil {
			src = []byte("---\n---\n")
		}
		tt, why := eleventyTagTemplate("tags.njk", postDefaults{eleventy: "{}"}, c.m, nil, src)
		if tt == nil {
			t.Errorf("%v: no template of tag pages read (%s)", c.m, why)
			continue
		}
		if got, ok := tt.Address(c.tag); got != c.want || ok != c.known {
			t.Errorf("%q through %q: %q %v, want %q %v", c.tag, tt.Permalink, got, ok, c.want, c.known)
		}
	}
	// Not one tag a page, or a permalink of other data: no template of
	// tag pages, said why; other data than the collections: none, and
	// nothing said (another template's).
	for _, m := range []map[string]any{
		{"permalink": "/tags/{{ tag }}/", "pagination": map[string]any{"data": "collections", "size": 2, "alias": "tag"}},
		{"permalink": "/tags/{{ other }}/", "pagination": map[string]any{"data": "collections", "size": 1, "alias": "tag"}},
	} {
		if tt, why := eleventyTagTemplate("tags.njk", postDefaults{}, m, nil, []byte("---\n---\n")); tt != nil || why == "" {
			t.Errorf("%v: read as %v (%q)", m, tt, why)
		}
	}
	if tt, why := eleventyTagTemplate("list.njk", postDefaults{}, map[string]any{"permalink": "/p/{{ p }}/", "pagination": map[string]any{"data": "collections.tagList", "size": 1, "alias": "p"}}, nil, []byte("---\n---\n")); tt != nil || why != "" {
		t.Errorf("collections.tagList: read as %v (%q)", tt, why)
	}
}

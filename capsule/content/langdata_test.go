package content

import (
	"maps"
	"testing"
)

// An object of texts by language in JavaScript data is read with its
// texts whole (a comma, an escaped quote in them); one with another key
// or value is none.
func TestJSLangObject(t *testing.T) {
	for src, want := range map[string]map[string]string{
		"module.exports = {\n  title: { en: \"Beans, peas\", 'ja': '豆\\'s', \"pt-BR\": \"Fei\\\"jão\", },\n};\n": {"en": "Beans, peas", "ja": "豆's", "pt-br": "Fei\"jão"},
		"export default {\n  title: {\n    en: 'A \"quoted\" one', // English\n    ja: \"日本\"\n  }\n}\n":         {"en": `A "quoted" one`, "ja": "日本"},
		"module.exports = { title: { default: \"Site\", template: \"%s\" } };\n":                                 nil,
		"module.exports = { title: { en: siteName, ja: \"日本\" } };\n":                                            nil,
		"module.exports = { title: \"One\" };\n":                                                                 nil,
	} {
		if got := jsLangObject([]byte(src), "title"); !maps.Equal(got, want) {
			t.Errorf("%q: %q, want %q", src, got, want)
		}
	}
}

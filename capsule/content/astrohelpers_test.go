package content

import (
	"strings"
	"testing"
)

// A helper's body is found past a return type with braces in it, and
// past strings and comments with braces; a second export of the name, or
// none, is no helper.
func TestJSExportedFunction(t *testing.T) {
	for src, want := range map[string]string{
		"export const paths = async (): Promise<\n  Array<{ params: { slug: string } }>\n> => {\n  const s = \"}\"; // }\n  return 1;\n};\n": "\n  const s = \"}\"; // }\n  return 1;\n",
		"export async function paths(collection: CollectionKey) {\n  /* { */ return `{`;\n}\n":                                               "\n  /* { */ return `{`;\n",
		"export function paths() { return 1 }\nexport function paths() { return 2 }\n":                                                       "",
		"function paths() { return 1 }\n": "",
		// A function expression's body is its own, not the next arrow
		// function's; an arrow function whose body is an expression has
		// none to read (not the next function's).
		"export const paths = function (c) { return getCollection(c) }\nexport const other = () => { return 2 }\n": " return getCollection(c) ",
		"export const paths = (c) => getCollection(c);\nexport function other() { return getCollection(\"x\") }\n": "",
	} {
		_, body, ok := jsExportedFunction([]byte(src), "paths")
		if ok != (want != "") || string(body) != want {
			t.Errorf("%q: %q %v, want %q", src, body, ok, want)
		}
	}
	if _, _, ok := jsExportedFunction([]byte("export function paths() {\n"+strings.Repeat("x", astroMaxHelper)+"\n}\n"), "paths"); ok {
		t.Errorf("a body over astroMaxHelper bytes is read")
	}
}

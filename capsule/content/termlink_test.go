package content

import "testing"

// ZolaTermKey spells a term as Zola's slug crate does, for Latin letters
// (the cases of its own documentation and Zola's tests among them), and
// keeps other scripts' letters, which deunicode spells from a table
// capsule does not have.
func TestZolaTermKey(t *testing.T) {
	for in, want := range map[string]string{
		"les 8 idees estadístiques més importants": "les-8-idees-estadistiques-mes-importants",
		"revisió d'article":                        "revisio-d-article",
		"revisió d’article":                        "revisio-d-article",
		"My Test String!!!1!1":                     "my-test-string-1-1",
		"  --test_-_cool":                          "test-cool",
		"Æúű--cool?":                               "aeuu-cool",
		"You & Me":                                 "you-me",
		"héhé":                                     "hehe",
		"he\u0301he\u0301":                         "hehe", // decomposed, as macOS writes it
		"test (hey)":                               "test-hey",
		"Straße Øl Łódź":                           "strasse-ol-lodz",
		"C++":                                      "c",
		"ＡＢＣ":                                      "abc",
		"が":                                        "が",
		"か\u3099":                                  "が", // decomposed kana: composed, never folded
		"日本 の Café":                                "日本-の-cafe",
		"Ελληνικά":                                 "ελληνικά",
	} {
		if got := ZolaTermKey(in); got != want {
			t.Errorf("ZolaTermKey(%q) = %q, want %q", in, got, want)
		}
	}
}

package capsule_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
	"capsule/gopher"
)

// The interface speaks the site's language on both protocols: Japanese
// for ja, Chinese for zh (simplified characters for zh, zh-CN, zh-Hans,
// traditional ones for zh-TW, zh-Hant-HK), Korean for ko, Spanish for es
// in any region, English for en and any language without a table.
func TestInterfaceLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want messages.Messages
	}{{"ja", messages.Japanese}, {"ja-JP", messages.Japanese}, {"en", messages.English}, {"fr", messages.English},
		{"zh", messages.SimplifiedChinese}, {"zh-CN", messages.SimplifiedChinese}, {"zh-Hans", messages.SimplifiedChinese},
		{"zh-TW", messages.TraditionalChinese}, {"zh-Hant-HK", messages.TraditionalChinese},
		{"ko", messages.Korean}, {"ko-KR", messages.Korean}, {"es", messages.Spanish}, {"es-ES", messages.Spanish},
		{"es-MX", messages.Spanish}, {"es-419", messages.Spanish}, {"eo", messages.English}} {
		d := servetest.Start(t, func(c *config.Config) {
			c.Posts = testfs.Write(t, map[string]string{
				"_index.md": "+++\ntitle = \"Site\"\nlang = \"" + tt.lang + "\"\n+++\n",
				"a.md":      "+++\ntitle = \"A\"\ndate = 2020-01-01\ntags = [\"t\"]\n+++\ntext\n",
			})
		})
		m := tt.want
		_, _, home := servetest.GeminiGet(t, d, "/")
		for _, line := range []string{"=> /tags/ " + m.Tags, "=> /archive.gmi " + m.Archive, "=> /search " + m.Search, "=> /atom.xml " + m.AtomFeed, "## " + m.Posts} {
			if !strings.Contains(home, "\n"+line+"\n") {
				t.Errorf("%s: home lacks %q:\n%s", tt.lang, line, home)
			}
		}
		if _, meta, _ := servetest.GeminiGet(t, d, "/search"); meta != m.SearchPrompt {
			t.Errorf("%s: search prompt %q", tt.lang, meta)
		}
		if _, meta, _ := servetest.GeminiGet(t, d, "/nowhere"); meta != m.NotFound {
			t.Errorf("%s: not found %q", tt.lang, meta)
		}
		root := servetest.GopherGet(t, d, "\r\n")
		for _, item := range []string{"1" + m.Tags + "\t", "1" + m.Archive + "\t", "7" + m.Search + "\t", "i" + m.LynxHint + "\t"} {
			if !strings.Contains(root, "\r\n"+item) {
				t.Errorf("%s: gopher root lacks %q:\n%s", tt.lang, item, root)
			}
		}
		menu := servetest.GopherGet(t, d, "/posts/a/\r\n")
		for _, item := range []string{"0" + messages.Format(m.Read, "title", "A") + "\t", "1" + messages.Format(m.Home, "site", "Site") + "\t"} {
			if !strings.Contains(menu, "\r\n"+item) {
				t.Errorf("%s: post menu lacks %q:\n%s", tt.lang, item, menu)
			}
		}
		if text := servetest.GopherGet(t, d, "/posts/a.txt\r\n"); !strings.Contains(text, "\r\n"+m.TagsLabel+": t\r\n") {
			t.Errorf("%s: gopher text header: %q", tt.lang, text)
		}
		if nf := servetest.GopherGet(t, d, "/nowhere\r\n"); !strings.HasPrefix(nf, "3"+m.NotFound+"\t") {
			t.Errorf("%s: gopher not found %q", tt.lang, nf)
		}
	}
}

// The built-in tables are complete: no message left empty, every
// placeholder of the English one in each other and none that it lacks,
// every message a loader's problem is said by (content.Words) in them,
// no message of the Japanese, Chinese and Korean tables left in English
// (each holds a letter of its script: kana or kanji, hanzi, hangul), and
// none of the Spanish table the English one but words the two languages
// share (Audio, Video).
func TestMessageTablesComplete(t *testing.T) {
	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	ownScript := map[string]*unicode.RangeTable{"Japanese": unicode.Han, "Simplified Chinese": unicode.Han, "Traditional Chinese": unicode.Han, "Korean": unicode.Hangul}
	sameInSpanish := map[string]bool{"audio_label": true, "video_label": true}
	for _, key := range messages.Keys() {
		ev, _ := messages.English.Get(key)
		for _, l := range messages.Builtin {
			v, _ := l.Messages.Get(key)
			if v == "" {
				t.Errorf("message %s is empty in the %s table", key, l.Name)
			}
			for _, ph := range append(placeholder.FindAllString(ev, -1), placeholder.FindAllString(v, -1)...) {
				if strings.Contains(ev, ph) != strings.Contains(v, ph) {
					t.Errorf("message %s: %s in the English or the %s table only", key, ph, l.Name)
				}
			}
			if l.Name == "Spanish" && v == ev && !sameInSpanish[key] {
				t.Errorf("message %s of the Spanish table is the English one: %q", key, v)
			}
			script := ownScript[l.Name]
			if script == nil {
				continue
			}
			if l.Name == "Japanese" && strings.ContainsFunc(v, func(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Katakana) }) {
				continue
			}
			if v == ev || !strings.ContainsFunc(v, func(r rune) bool { return unicode.Is(script, r) }) {
				t.Errorf("message %s of the %s table is not in its language: %q", key, l.Name, v)
			}
		}
	}
	for _, key := range content.WordKeys {
		if _, ok := messages.English.Get(key); !ok {
			t.Errorf("a problem's words %s are in no table", key)
		}
	}
	if _, err := messages.English.Override(map[string]string{"tagz": "x"}); err == nil {
		t.Error("an unknown message name was accepted")
	}
	if m, err := messages.English.Override(map[string]string{"tags": "Labels"}); err != nil || m.Tags != "Labels" {
		t.Errorf("override: %v %q", err, m.Tags)
	}
}

// An operator replaces any message from the configuration file; an unknown
// name is a problem at its line.
func TestMessagesOverridden(t *testing.T) {
	file := filepath.Join(t.TempDir(), "capsule.toml")
	os.WriteFile(file, []byte("[messages]\ntags = \"ラベル\"\nnot_found = \"ありません\"\n"), 0o644)
	cfg := config.NewConfig()
	if err := config.ReadConfigFile(file, &cfg); err != nil {
		t.Fatal(err)
	}
	d := servetest.Start(t, func(c *config.Config) { c.Messages = cfg.Messages })
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "\n=> /tags/ ラベル\n") {
		t.Errorf("home: %q", home)
	}
	if nf := servetest.GopherGet(t, d, "/nowhere\r\n"); !strings.HasPrefix(nf, "3ありません\t") {
		t.Errorf("gopher: %q", nf)
	}
	os.WriteFile(file, []byte("[messages]\n\ntagz = \"x\"\n"), 0o644)
	if err := config.ReadConfigFile(file, &cfg); err == nil || !strings.Contains(err.Error(), ":3: unknown message tagz: did you mean tags?") {
		t.Errorf("unknown message: %v", err)
	}
}

// The words capsule adds to a Gopher menu fit a menu's line in every
// table, as the English and Japanese ones do: a menu item's display
// string is cut past gopher.MaxDisplayWidth cells, and Lynx's hint on the
// root menu, an info line, would wrap. Placeholders are measured empty
// (the site's name or a post's title fills them, cut as they come).
func TestMenuWordsFitMenus(t *testing.T) {
	for _, l := range messages.Builtin {
		for _, key := range []string{"tags", "archive", "search", "search_prompt", "home", "read", "tag_feed", "lynx_hint",
			"not_found", "slow_down", "tags_heading", "archive_heading", "no_tags", "posts", "drafts", "search_again"} {
			v, _ := l.Messages.Get(key)
			v = messages.Format(v, "site", "", "title", "")
			if gopher.Truncate(v, gopher.MaxDisplayWidth) != v {
				t.Errorf("%s %s is wider than a menu line (%d cells): %s", l.Name, key, gopher.MaxDisplayWidth, v)
			}
		}
	}
}

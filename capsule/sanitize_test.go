package capsule_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// controls are the characters a terminal client acts on: escape sequences
// that move the cursor or retitle the window, bells, backspaces, the C1
// control sequence introducer.
const controls = "\x1b[2J\x1b]0;pwned\x07\b\x7f\u009b\x00"

// unsafeText reports the first character a reader's client could act on:
// C0 controls other than TAB, CR and LF, DEL, C1 controls, or invalid
// UTF-8.
func unsafeText(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "invalid UTF-8", true
	}
	for _, r := range s {
		if r < ' ' && r != '\t' && r != '\r' && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return strings.ToValidUTF8(string(r), "?"), true
		}
	}
	return "", false
}

// Control characters in posts, front matter and queries never reach a
// reader, on either protocol.
func TestControlCharactersNeverReachReaders(t *testing.T) {
	title := strings.ReplaceAll("タイトル"+controls, "\x00", "") // TOML strings cannot hold NUL
	tomlEscaped := strings.NewReplacer("\x1b", `\u001b`, "\x07", `\u0007`, "\b", `\b`, "\x7f", `\u007f`, "\u009b", `\u009b`).Replace(title)
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_index.md": "+++\ntitle = \"サイト" + tomlEscaped + "\"\ndescription = \"説明" + tomlEscaped + "\"\n+++\n",
			"a.md": "+++\ntitle = \"" + tomlEscaped + "\"\ndate = 2020-01-01\ntags = [\"タグ" + tomlEscaped + "\"]\nsummary = \"要約" + tomlEscaped + "\"\n+++\n" +
				"本文" + controls + "です。\n\n- 項目" + controls + "\n\n```\nコード" + controls + "\n```\n\n| 表" + controls + " | b |\n|---|---|\n| c | d |\n\n[リンク" + controls + "](https://example.org/)\n",
		})
	})
	pages := servetest.Crawl(t, d, 100)
	if len(pages) < 8 {
		t.Fatalf("crawled only %d pages", len(pages))
	}
	for addr, body := range pages {
		if c, bad := unsafeText(body); bad {
			t.Errorf("%s carries %q: %q", addr, c, body)
		}
	}
	for _, query := range []string{"%1B%5B2J%1B]0;pwned%07", "%ff%fe", "%C2%9B31m", "%00"} {
		_, meta, body := servetest.GeminiGet(t, d, "/search?"+query)
		if c, bad := unsafeText(meta + body); bad {
			t.Errorf("Gemini search %s reflects %q: %q %q", query, c, meta, body)
		}
	}
	for _, query := range []string{"\x1b[2J\x1b]0;pwned\x07", "\xff\xfe", "\u009b31m"} {
		body := servetest.GopherGet(t, d, "/search\t"+query+"\r\n")
		if c, bad := unsafeText(body); bad {
			t.Errorf("Gopher search %q reflects %q: %q", query, c, body)
		}
	}
}

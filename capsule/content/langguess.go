package content

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// japaneseUnsaid warns when a site that says no language (so English,
// its interface too) is written in Japanese: most of its posts have kana
// in their title or their summary (not their Markdown: a reload has
// forgotten most of it, and must say what a start says). Jekyll's and
// Hugo's themes default to English as well, so capsule keeps it, and
// says where to set the language (Japanese blogs often leave it unset:
// melborne's 451 posts were served lang=en, with English labels). nil
// when the site is not Japanese, or says its language.
func (f folder) japaneseUnsaid(lang string, posts []*Post) *FileError {
	if LangBase(lang) != "en" || len(posts) < 3 {
		return nil
	}
	japanese := 0
	for _, p := range posts {
		if hasKana(p.Title) || hasKana(p.Summary) {
			japanese++
		}
	}
	if 2*japanese <= len(posts) {
		return nil
	}
	file, how := f.content, "lang = \"ja\" in the posts folder's _index.md"
	yaml := strings.HasSuffix(f.config.file, ".yml") || strings.HasSuffix(f.config.file, ".yaml")
	switch {
	case f.config.file == "" || f.gen != "": // capsule's own, Eleventy's, Astro's
	case f.zola:
		file, how = filepath.Join(f.root, f.config.file), "default_language = \"ja\" in it"
	case f.layout == layoutJekyll:
		file, how = filepath.Join(f.root, f.config.file), "lang: ja in it"
	case yaml:
		file, how = filepath.Join(f.root, f.config.file), "languageCode: ja in it"
	default:
		file, how = filepath.Join(f.root, f.config.file), "languageCode = \"ja\" in it"
	}
	return &FileError{File: file, Kind: "site language",
		Msg: fmt.Sprintf("%d of %d posts are in Japanese, but the site says no language, so it is served as English (lang=en, English labels): set %s, or -lang ja", japanese, len(posts), how)}
}

// hasKana reports whether s holds hiragana or katakana, which only
// Japanese is written in (kanji alone may be Chinese).
func hasKana(s string) bool {
	for i := 0; i < len(s) && i < 4096; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x3041 && r <= 0x30ff && r != 0x30fb { // not the middle dot, a mark of many scripts' typography
			return true
		}
		i += size
	}
	return false
}

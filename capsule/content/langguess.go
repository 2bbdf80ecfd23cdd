package content

import (
	"fmt"
	"path/filepath"
	"strings"
)

// japaneseUnsaid warns when a site that says no language (so English,
// its interface too) is written in Japanese: most of its posts have kana
// in their title, their summary or the first kanaLook bytes of their
// text (Post.kana, noted as each is read: a reload has forgotten most
// texts, and must say what a start says; ousttrue's Zola blog titles its
// Japanese posts in English and kanji). Jekyll's and
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
		if p.kana || hasKana(p.Title) || hasKana(p.Summary) {
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

// kanaLook is how much of a post's text is looked at for kana (Post.kana):
// a Japanese text has some in its first lines.
const kanaLook = 4096

// hasKana reports whether the first kanaLook bytes of s hold hiragana or
// katakana, which only Japanese is written in (kanji alone may be
// Chinese). Kana are U+3041..U+30FF, three bytes from 0xE3 0x81..0x83 in
// UTF-8, which no other character's bytes contain: the bytes are looked
// at, none decoded, nothing copied.
func hasKana[T string | []byte](s T) bool {
	n := min(len(s), kanaLook)
	for i := 0; i+2 < n; i++ {
		if s[i] == 0xe3 && s[i+1] >= 0x81 && s[i+1] <= 0x83 {
			r := 0x3000 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
			if r >= 0x3041 && r <= 0x30ff && r != 0x30fb { // not the middle dot, a mark of many scripts' typography
				return true
			}
		}
	}
	return false
}

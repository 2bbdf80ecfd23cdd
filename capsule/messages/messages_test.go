package messages

import (
	"maps"
	"reflect"
	"strings"
	"testing"
)

func TestChangedIsWhatOverrideChanged(t *testing.T) {
	over := map[string]string{"tags": "Étiquettes", "not_found": "Rien"}
	m, err := English.Override(over)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Changed(English); !maps.Equal(got, over) {
		t.Errorf("Changed = %v, want %v", got, over)
	}
	if got := Japanese.Changed(Japanese); len(got) != 0 {
		t.Errorf("Changed of the same table = %v", got)
	}
}

// An address or a file name put into a message ends where the message
// says it does: a space, or the message's end, comes after it. Glued to
// it, as "{path}(記事の原稿は…" was, the next character reads as part of
// the path (the readers' and authors' trial, in Lagrange).
func TestAddressesStandApartInMessages(t *testing.T) {
	for _, l := range Builtin {
		name, v := l.Name, reflect.ValueOf(l.Messages)
		for i := range v.NumField() {
			text := v.Field(i).String()
			for _, ph := range []string{"{path}", "{file}", "{url}"} {
				for rest := text; ; {
					at := strings.Index(rest, ph)
					if at < 0 {
						break
					}
					rest = rest[at+len(ph):]
					if rest != "" && rest[0] != ' ' {
						t.Errorf("%s %s: %s is followed by %q: %s", name, v.Type().Field(i).Name, ph, []rune(rest)[0], text)
					}
				}
			}
		}
	}
}

// A Chinese site's tag chooses the characters its interface is written
// in as the language tag says them: the script subtag (Hans, Hant)
// first, else the region (TW, HK and MO write traditional characters,
// CN, SG and the rest simplified ones), in any case, with "_" as Hexo
// and minimal-mistakes sites write it ("zh_TW").
func TestForChinese(t *testing.T) {
	for tag, want := range map[string]Messages{
		"zh": SimplifiedChinese, "zh-CN": SimplifiedChinese, "zh-cn": SimplifiedChinese, "zh_CN": SimplifiedChinese,
		"zh-SG": SimplifiedChinese, "zh-MY": SimplifiedChinese, "zh-Hans": SimplifiedChinese, "zh-hans-cn": SimplifiedChinese,
		"zh-Hans-HK": SimplifiedChinese, "ZH": SimplifiedChinese,
		"zh-TW": TraditionalChinese, "zh-tw": TraditionalChinese, "zh_TW": TraditionalChinese, "zh-HK": TraditionalChinese,
		"zh-MO": TraditionalChinese, "zh-Hant": TraditionalChinese, "zh-Hant-TW": TraditionalChinese, "zh-hant-cn": TraditionalChinese,
		"ja": Japanese, "ja-JP": Japanese, "en": English, "": English, "zha": English, "tw": English, "-zh": English,
	} {
		if For(tag) != want {
			t.Errorf("For(%q) = the table whose tags are %q, want %q", tag, For(tag).Tags, want.Tags)
		}
	}
}

// The two Chinese tables keep to their characters: none of the
// simplified forms below in the traditional table, none of their
// traditional forms in the simplified one (a word copied from the one
// into the other, as 链接 for 連結, reads as a mistake to its readers).
// The pairs are the characters whose forms differ among the words the
// tables use, and their neighbours.
func TestChineseTablesKeepToTheirScript(t *testing.T) {
	pairs := []string{
		"标標", "签籤", "归歸", "档檔", "订訂", "阅閱", "读讀", "页頁", "链鏈", "连連", "请請", "见見", "这這",
		"单單", "户戶", "开開", "显顯", "关關", "结結", "没沒", "过過", "长長", "词詞", "个個", "编編", "码碼",
		"误誤", "务務", "证證", "书書", "发發", "时時", "属屬", "辑輯", "删刪", "历歷", "记記", "录錄", "复復",
		"传傳", "断斷", "写寫", "内內", "败敗", "动動", "试試", "号號", "项項", "缩縮", "进進", "来來", "两兩",
		"为為", "无無", "离離", "转轉", "图圖", "视視", "频頻", "备備", "该該", "还還", "带帶", "将將", "处處",
		"数數", "择擇", "设設", "类類", "网網", "执執", "钟鐘", "则則", "满滿", "从從", "于於", "后後", "们們",
		"经經", "问問", "题題", "间間", "统統", "区區", "预預", "览覽", "导導", "闭閉", "语語", "实實", "变變",
	}
	for _, pair := range pairs {
		r := []rune(pair)
		simplified, traditional := string(r[0]), string(r[1])
		for _, key := range Keys() {
			sc, _ := SimplifiedChinese.Get(key)
			tc, _ := TraditionalChinese.Get(key)
			if strings.Contains(tc, simplified) {
				t.Errorf("traditional %s has the simplified %s (%s): %s", key, simplified, traditional, tc)
			}
			if strings.Contains(sc, traditional) {
				t.Errorf("simplified %s has the traditional %s (%s): %s", key, traditional, simplified, sc)
			}
		}
	}
}

// Chinese languages with codes of their own get the characters their
// readers expect: Cantonese (yue, zh-yue, yue-HK) and Literary Chinese
// (lzh) are written in traditional characters unless the tag says Hans
// (yue-Hans, Cantonese as Guangdong writes it); Mandarin (cmn, zh-cmn)
// is read as zh is: simplified unless the script (cmn-Hant) or else the
// region (cmn-TW) says traditional. All of them got English.
func TestForChineseLanguages(t *testing.T) {
	for tag, want := range map[string]Messages{
		"yue": TraditionalChinese, "yue-HK": TraditionalChinese, "yue_Hant_HK": TraditionalChinese, "zh-yue": TraditionalChinese,
		"yue-Hans": SimplifiedChinese, "yue-Hans-CN": SimplifiedChinese,
		"lzh": TraditionalChinese, "zh-lzh": TraditionalChinese, "lzh-Hans": SimplifiedChinese,
		"cmn": SimplifiedChinese, "cmn-Hans": SimplifiedChinese, "cmn-CN": SimplifiedChinese, "zh-cmn-Hans": SimplifiedChinese,
		"cmn-Hant": TraditionalChinese, "cmn-Hant-TW": TraditionalChinese, "zh-cmn-Hant": TraditionalChinese, "cmn-TW": TraditionalChinese,
		"zh-Hant-HK": TraditionalChinese, "zh_CN": SimplifiedChinese, "yuehans": English, "lz": English,
	} {
		if For(tag) != want {
			t.Errorf("For(%q) = the table whose tags are %q, want %q", tag, For(tag).Tags, want.Tags)
		}
	}
}

// A Korean or Spanish site's tag chooses its table in any region and
// case, with "_" as Jekyll's locales write it (ko_KR, es_ES); a language
// whose code only starts alike (kok, Konkani; est, Estonian) or one with
// no table stays English.
func TestForKoreanAndSpanish(t *testing.T) {
	for tag, want := range map[string]Messages{
		"ko": Korean, "ko-KR": Korean, "ko_KR": Korean, "KO-kr": Korean, "ko-KP": Korean, "ko-Kore-KR": Korean,
		"es": Spanish, "es-ES": Spanish, "es_ES": Spanish, "es-MX": Spanish, "es-419": Spanish, "es-AR": Spanish,
		"es-CO": Spanish, "ES-us": Spanish, " es ": Spanish,
		"kok": English, "kor": English, "est": English, "eo": English, "eu": English, "pt-BR": English, "-ko": English, "-es": English,
	} {
		if For(tag) != want {
			t.Errorf("For(%q) = the table whose tags are %q, want %q", tag, For(tag).Tags, want.Tags)
		}
	}
}

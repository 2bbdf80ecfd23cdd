package gopher

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// lbClass is a UAX #14 line-breaking class, as uniseg resolves it (AI to
// AL, CJ to NS), for the characters of runeTable. OP is split by East Asian
// width because uniseg's LB30 treats the narrow ones apart.
type lbClass uint8

// The classes of runeTable; lbClasses counts them.
const (
	lbSP lbClass = iota
	lbAL
	lbNU
	lbID
	lbCL
	lbCP
	lbOP  // narrow: ( [ {
	lbOPW // East Asian Wide, Fullwidth or Halfwidth: 「（｢
	lbQU
	lbNS
	lbEX
	lbIS
	lbSY
	lbHY
	lbBA
	lbPR
	lbPO
	lbIN
	lbB2
	lbBB
	lbClasses
)

// runeTable lists the characters that Wrap handles without uniseg, with
// their class and display width as uniseg v0.4.7 (Unicode 15.0) has them:
// printable ASCII, Latin-1, common punctuation, kana, CJK symbols and
// ideographs, Hangul syllables and the fullwidth forms. Each is a grapheme
// cluster on its own whatever its neighbours, and its width does not depend
// on them; what it leaves out (combining marks, joiners, emoji, controls,
// unassigned code points, classes such as GL or SA) goes through uniseg.
// The widths of East Asian Ambiguous characters are uniseg's default 1:
// with another uniseg.EastAsianAmbiguousWidth, the table is left aside.
// TestRuneTable checks every entry against uniseg.
var runeTable = []struct {
	lo, hi rune
	class  lbClass
	width  uint8
}{
	{0x0020, 0x0020, lbSP, 1},  // space
	{0x0021, 0x0021, lbEX, 1},  // !
	{0x0022, 0x0022, lbQU, 1},  // "
	{0x0023, 0x0023, lbAL, 1},  // #
	{0x0024, 0x0024, lbPR, 1},  // $
	{0x0025, 0x0025, lbPO, 1},  // %
	{0x0026, 0x0026, lbAL, 1},  // &
	{0x0027, 0x0027, lbQU, 1},  // '
	{0x0028, 0x0028, lbOP, 1},  // (
	{0x0029, 0x0029, lbCP, 1},  // )
	{0x002A, 0x002A, lbAL, 1},  // *
	{0x002B, 0x002B, lbPR, 1},  // +
	{0x002C, 0x002C, lbIS, 1},  // ,
	{0x002D, 0x002D, lbHY, 1},  // -
	{0x002E, 0x002E, lbIS, 1},  // .
	{0x002F, 0x002F, lbSY, 1},  // /
	{0x0030, 0x0039, lbNU, 1},  // 0..9
	{0x003A, 0x003B, lbIS, 1},  // :..;
	{0x003C, 0x003E, lbAL, 1},  // <..>
	{0x003F, 0x003F, lbEX, 1},  // ?
	{0x0040, 0x005A, lbAL, 1},  // @..Z
	{0x005B, 0x005B, lbOP, 1},  // [
	{0x005C, 0x005C, lbPR, 1},  // \
	{0x005D, 0x005D, lbCP, 1},  // ]
	{0x005E, 0x007A, lbAL, 1},  // ^..z
	{0x007B, 0x007B, lbOP, 1},  // {
	{0x007C, 0x007C, lbBA, 1},  // |
	{0x007D, 0x007D, lbCL, 1},  // }
	{0x007E, 0x007E, lbAL, 1},  // ~
	{0x00A1, 0x00A1, lbOP, 1},  // ¡
	{0x00A2, 0x00A2, lbPO, 1},  // ¢
	{0x00A3, 0x00A5, lbPR, 1},  // £..¥
	{0x00A6, 0x00A8, lbAL, 1},  // ¦..¨
	{0x00AA, 0x00AA, lbAL, 1},  // ª
	{0x00AB, 0x00AB, lbQU, 1},  // «
	{0x00AC, 0x00AC, lbAL, 1},  // ¬
	{0x00AF, 0x00AF, lbAL, 1},  // ¯
	{0x00B0, 0x00B0, lbPO, 1},  // °
	{0x00B1, 0x00B1, lbPR, 1},  // ±
	{0x00B2, 0x00B3, lbAL, 1},  // ²..³
	{0x00B4, 0x00B4, lbBB, 1},  // ´
	{0x00B5, 0x00BA, lbAL, 1},  // µ..º
	{0x00BB, 0x00BB, lbQU, 1},  // »
	{0x00BC, 0x00BE, lbAL, 1},  // ¼..¾
	{0x00BF, 0x00BF, lbOP, 1},  // ¿
	{0x00C0, 0x00FF, lbAL, 1},  // À..ÿ
	{0x2010, 0x2010, lbBA, 1},  // ‐
	{0x2012, 0x2013, lbBA, 1},  // ‒..–
	{0x2014, 0x2014, lbB2, 1},  // —
	{0x2015, 0x2017, lbAL, 1},  // ―..‗
	{0x2018, 0x2019, lbQU, 1},  // ‘..’
	{0x201A, 0x201A, lbOP, 1},  // ‚
	{0x201B, 0x201D, lbQU, 1},  // ‛..”
	{0x201E, 0x201E, lbOP, 1},  // „
	{0x201F, 0x201F, lbQU, 1},  // ‟
	{0x2020, 0x2023, lbAL, 1},  // †..‣
	{0x2024, 0x2026, lbIN, 1},  // ․..…
	{0x2027, 0x2027, lbBA, 1},  // ‧
	{0x2030, 0x2037, lbPO, 1},  // ‰..‷
	{0x2038, 0x2038, lbAL, 1},  // ‸
	{0x2039, 0x203A, lbQU, 1},  // ‹..›
	{0x203B, 0x203B, lbAL, 1},  // ※
	{0x3000, 0x3000, lbBA, 2},  // ideographic space
	{0x3001, 0x3002, lbCL, 2},  // 、..。
	{0x3003, 0x3004, lbID, 2},  // 〃..〄
	{0x3005, 0x3005, lbNS, 2},  // 々
	{0x3006, 0x3007, lbID, 2},  // 〆..〇
	{0x3008, 0x3008, lbOPW, 2}, // 〈
	{0x3009, 0x3009, lbCL, 2},  // 〉
	{0x300A, 0x300A, lbOPW, 2}, // 《
	{0x300B, 0x300B, lbCL, 2},  // 》
	{0x300C, 0x300C, lbOPW, 2}, // 「
	{0x300D, 0x300D, lbCL, 2},  // 」
	{0x300E, 0x300E, lbOPW, 2}, // 『
	{0x300F, 0x300F, lbCL, 2},  // 』
	{0x3010, 0x3010, lbOPW, 2}, // 【
	{0x3011, 0x3011, lbCL, 2},  // 】
	{0x3012, 0x3013, lbID, 2},  // 〒..〓
	{0x3014, 0x3014, lbOPW, 2}, // 〔
	{0x3015, 0x3015, lbCL, 2},  // 〕
	{0x3016, 0x3016, lbOPW, 2}, // 〖
	{0x3017, 0x3017, lbCL, 2},  // 〗
	{0x3018, 0x3018, lbOPW, 2}, // 〘
	{0x3019, 0x3019, lbCL, 2},  // 〙
	{0x301A, 0x301A, lbOPW, 2}, // 〚
	{0x301B, 0x301B, lbCL, 2},  // 〛
	{0x301C, 0x301C, lbNS, 2},  // 〜
	{0x301D, 0x301D, lbOPW, 2}, // 〝
	{0x301E, 0x301F, lbCL, 2},  // 〞..〟
	{0x3020, 0x3029, lbID, 2},  // 〠..〩
	{0x3031, 0x3034, lbID, 2},  // 〱..〴
	{0x3036, 0x303A, lbID, 2},  // 〶..〺
	{0x303B, 0x303C, lbNS, 2},  // 〻..〼
	{0x303E, 0x303E, lbID, 2},  // 〾
	{0x303F, 0x303F, lbID, 1},  // 〿
	{0x3041, 0x3041, lbNS, 2},  // ぁ
	{0x3042, 0x3042, lbID, 2},  // あ
	{0x3043, 0x3043, lbNS, 2},  // ぃ
	{0x3044, 0x3044, lbID, 2},  // い
	{0x3045, 0x3045, lbNS, 2},  // ぅ
	{0x3046, 0x3046, lbID, 2},  // う
	{0x3047, 0x3047, lbNS, 2},  // ぇ
	{0x3048, 0x3048, lbID, 2},  // え
	{0x3049, 0x3049, lbNS, 2},  // ぉ
	{0x304A, 0x3062, lbID, 2},  // お..ぢ
	{0x3063, 0x3063, lbNS, 2},  // っ
	{0x3064, 0x3082, lbID, 2},  // つ..も
	{0x3083, 0x3083, lbNS, 2},  // ゃ
	{0x3084, 0x3084, lbID, 2},  // や
	{0x3085, 0x3085, lbNS, 2},  // ゅ
	{0x3086, 0x3086, lbID, 2},  // ゆ
	{0x3087, 0x3087, lbNS, 2},  // ょ
	{0x3088, 0x308D, lbID, 2},  // よ..ろ
	{0x308E, 0x308E, lbNS, 2},  // ゎ
	{0x308F, 0x3094, lbID, 2},  // わ..ゔ
	{0x3095, 0x3096, lbNS, 2},  // ゕ..ゖ
	{0x309B, 0x309E, lbNS, 2},  // ゛..ゞ
	{0x309F, 0x309F, lbID, 2},  // ゟ
	{0x30A0, 0x30A1, lbNS, 2},  // ゠..ァ
	{0x30A2, 0x30A2, lbID, 2},  // ア
	{0x30A3, 0x30A3, lbNS, 2},  // ィ
	{0x30A4, 0x30A4, lbID, 2},  // イ
	{0x30A5, 0x30A5, lbNS, 2},  // ゥ
	{0x30A6, 0x30A6, lbID, 2},  // ウ
	{0x30A7, 0x30A7, lbNS, 2},  // ェ
	{0x30A8, 0x30A8, lbID, 2},  // エ
	{0x30A9, 0x30A9, lbNS, 2},  // ォ
	{0x30AA, 0x30C2, lbID, 2},  // オ..ヂ
	{0x30C3, 0x30C3, lbNS, 2},  // ッ
	{0x30C4, 0x30E2, lbID, 2},  // ツ..モ
	{0x30E3, 0x30E3, lbNS, 2},  // ャ
	{0x30E4, 0x30E4, lbID, 2},  // ヤ
	{0x30E5, 0x30E5, lbNS, 2},  // ュ
	{0x30E6, 0x30E6, lbID, 2},  // ユ
	{0x30E7, 0x30E7, lbNS, 2},  // ョ
	{0x30E8, 0x30ED, lbID, 2},  // ヨ..ロ
	{0x30EE, 0x30EE, lbNS, 2},  // ヮ
	{0x30EF, 0x30F4, lbID, 2},  // ワ..ヴ
	{0x30F5, 0x30F6, lbNS, 2},  // ヵ..ヶ
	{0x30F7, 0x30FA, lbID, 2},  // ヷ..ヺ
	{0x30FB, 0x30FE, lbNS, 2},  // ・..ヾ
	{0x30FF, 0x30FF, lbID, 2},  // ヿ
	{0x3400, 0x4DBF, lbID, 2},  // 㐀..䶿
	{0x4DC0, 0x4DFF, lbAL, 1},  // ䷀..䷿
	{0x4E00, 0x9FFF, lbID, 2},  // 一..鿿
	{0xAC00, 0xD7A3, lbID, 2},  // 가..힣
	{0xF900, 0xFA6D, lbID, 2},  // 豈..舘
	{0xFA70, 0xFAD9, lbID, 2},  // 並..龎
	{0xFF01, 0xFF01, lbEX, 2},  // ！
	{0xFF02, 0xFF03, lbID, 2},  // ＂..＃
	{0xFF04, 0xFF04, lbPR, 2},  // ＄
	{0xFF05, 0xFF05, lbPO, 2},  // ％
	{0xFF06, 0xFF07, lbID, 2},  // ＆..＇
	{0xFF08, 0xFF08, lbOPW, 2}, // （
	{0xFF09, 0xFF09, lbCL, 2},  // ）
	{0xFF0A, 0xFF0B, lbID, 2},  // ＊..＋
	{0xFF0C, 0xFF0C, lbCL, 2},  // ，
	{0xFF0D, 0xFF0D, lbID, 2},  // －
	{0xFF0E, 0xFF0E, lbCL, 2},  // ．
	{0xFF0F, 0xFF19, lbID, 2},  // ／..９
	{0xFF1A, 0xFF1B, lbNS, 2},  // ：..；
	{0xFF1C, 0xFF1E, lbID, 2},  // ＜..＞
	{0xFF1F, 0xFF1F, lbEX, 2},  // ？
	{0xFF20, 0xFF3A, lbID, 2},  // ＠..Ｚ
	{0xFF3B, 0xFF3B, lbOPW, 2}, // ［
	{0xFF3C, 0xFF3C, lbID, 2},  // ＼
	{0xFF3D, 0xFF3D, lbCL, 2},  // ］
	{0xFF3E, 0xFF5A, lbID, 2},  // ＾..ｚ
	{0xFF5B, 0xFF5B, lbOPW, 2}, // ｛
	{0xFF5C, 0xFF5C, lbID, 2},  // ｜
	{0xFF5D, 0xFF5D, lbCL, 2},  // ｝
	{0xFF5E, 0xFF5E, lbID, 2},  // ～
	{0xFF5F, 0xFF5F, lbOPW, 2}, // ｟
	{0xFF60, 0xFF60, lbCL, 2},  // ｠
	{0xFF61, 0xFF61, lbCL, 1},  // ｡
	{0xFF62, 0xFF62, lbOPW, 1}, // ｢
	{0xFF63, 0xFF64, lbCL, 1},  // ｣..､
	{0xFF65, 0xFF65, lbNS, 1},  // ･
	{0xFF66, 0xFF66, lbID, 1},  // ｦ
	{0xFF67, 0xFF70, lbNS, 1},  // ｧ..ｰ
	{0xFF71, 0xFF9D, lbID, 1},  // ｱ..ﾝ
	{0xFFA0, 0xFFBE, lbID, 1},  // ﾠ..ﾾ
	{0xFFC2, 0xFFC7, lbID, 1},  // ￂ..ￇ
	{0xFFCA, 0xFFCF, lbID, 1},  // ￊ..ￏ
	{0xFFD2, 0xFFD7, lbID, 1},  // ￒ..ￗ
	{0xFFDA, 0xFFDC, lbID, 1},  // ￚ..ￜ
	{0xFFE0, 0xFFE0, lbPO, 2},  // ￠
	{0xFFE1, 0xFFE1, lbPR, 2},  // ￡
	{0xFFE2, 0xFFE4, lbID, 2},  // ￢..￤
	{0xFFE5, 0xFFE6, lbPR, 2},  // ￥..￦
	{0xFFE8, 0xFFEE, lbAL, 1},  // ￨..￮
}

// runeInfo packs a character's class (low 5 bits) and width (the bits
// above); 0 means the character is not in runeTable.
type runeInfo uint8

const infoWidthShift = 5

// runePages maps the BMP, 256 code points a page, to the runeInfo of each
// character; a nil page has none. Pages with the same content are shared,
// so the 20000-odd ideographs take one page.
var runePages = buildRunePages()

func buildRunePages() [256]*[256]runeInfo {
	var dense [256][256]runeInfo
	for _, e := range runeTable {
		for r := e.lo; r <= e.hi; r++ {
			dense[r>>8][r&0xff] = runeInfo(e.class) | runeInfo(e.width)<<infoWidthShift
		}
	}
	var pages [256]*[256]runeInfo
	shared := map[[256]runeInfo]*[256]runeInfo{}
	for i, p := range dense {
		if p == ([256]runeInfo{}) {
			continue
		}
		if shared[p] == nil {
			cp := p
			shared[p] = &cp
		}
		pages[i] = shared[p]
	}
	return pages
}

// infoOf returns the runeInfo of r, 0 when r is not in runeTable.
func infoOf(r rune) runeInfo {
	if r >= 0x10000 {
		return 0
	}
	if p := runePages[r>>8]; p != nil {
		return p[r&0xff]
	}
	return 0
}

// infoAt returns the runeInfo of the character at s[i] and its length.
func infoAt(s string, i int) (runeInfo, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return runePages[0][c], 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return infoOf(r), n
}

// textWidth is uniseg.StringWidth(s), added up from runeTable when every
// character of s is in it.
func textWidth(s string) int {
	if uniseg.EastAsianAmbiguousWidth != 1 {
		return uniseg.StringWidth(s)
	}
	w := 0
	for i := 0; i < len(s); {
		info, n := infoAt(s, i)
		if info == 0 {
			return uniseg.StringWidth(s)
		}
		w += int(info >> infoWidthShift)
		i += n
	}
	return w
}

package search

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

func bodies(texts ...string) []Doc {
	docs := make([]Doc, len(texts))
	for i, t := range texts {
		docs[i] = Doc{Body: []byte(t)}
	}
	return docs
}

func found(idx *Index, q string) []int {
	hits, _ := idx.Search(q)
	var docs []int
	for _, h := range hits {
		docs = append(docs, h.Doc)
	}
	return docs
}

// TestSearchMatchesBruteForce checks the index against folding every text
// and searching it, over texts from a small alphabet of characters that fold
// (width, case, combining marks), so that many candidates share a query's
// characters and bigrams without containing it.
func TestSearchMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("あいアイ日本abAB ａＢｶﾞ\u3099か\u00e9e\u0301İ")
	randText := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	texts := make([]string, 150) // more than two blocks
	for i := range texts {
		texts[i] = randText(5 + rng.IntN(60))
	}
	idx := New(bodies(texts...))
	folded := make([]string, len(texts))
	for i, text := range texts {
		folded[i] = Fold(text)
	}
	for range 2000 {
		query := randText(1 + rng.IntN(4))
		q := strings.TrimSpace(Fold(query))
		var want []int
		for i, text := range folded {
			if q != "" && strings.Contains(text, q) && len(want) < MaxResults {
				want = append(want, i)
			}
		}
		hits, _ := idx.Search(query)
		var got []int
		for _, h := range hits {
			got = append(got, h.Doc)
			// The excerpt is the original text, and holds the match.
			if ex := strings.ReplaceAll(Fold(h.Excerpt), " ", ""); !strings.Contains(ex, strings.ReplaceAll(q, " ", "")) {
				t.Fatalf("query %q: excerpt %q of %q lacks the match", query, h.Excerpt, texts[h.Doc])
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("query %q: got %v, want %v", query, got, want)
		}
	}
}

func TestSearchExcerpt(t *testing.T) {
	long := strings.Repeat("前置き。", 20) + "養神館合気道光龍館に入会し" + strings.Repeat("後の文。", 20)
	idx := New(bodies("## Title\n"+long, "OpenStackを支える\n=> https://example.com/openstack 資料\nLinux技術", "İstanbul OPENSTACK"))
	hits, _ := idx.Search("合気道")
	if len(hits) != 1 || hits[0].Doc != 0 {
		t.Fatalf("hits = %+v", hits)
	}
	ex := hits[0].Excerpt
	if !strings.Contains(ex, "養神館合気道光龍館") || !strings.HasPrefix(ex, "…") || !strings.HasSuffix(ex, "…") {
		t.Errorf("excerpt %q", ex)
	}
	if n := len([]rune(ex)); n > 2*excerptRunes+len([]rune("合気道"))+2 {
		t.Errorf("excerpt is %d runes long", n)
	}

	hits, _ = idx.Search("  openstack ")
	if len(hits) != 2 || hits[0].Excerpt != "OpenStackを支える"+LineBreak+"Linux技術" {
		t.Errorf("case-insensitive search: %+v", hits)
	}
	// "İ" folds to two characters: the excerpt still is the original text.
	if len(hits) == 2 && hits[1].Excerpt != "İstanbul OPENSTACK" {
		t.Errorf("excerpt %q", hits[1].Excerpt)
	}
	for _, q := range []string{"", "   ", "\u3000", "\u200b"} {
		if hits, more := idx.Search(q); hits != nil || more {
			t.Errorf("blank query %q found %v", q, hits)
		}
	}
}

func TestSearchLimit(t *testing.T) {
	texts := make([]string, MaxResults+10)
	for i := range texts {
		texts[i] = "共通の言葉"
	}
	hits, more := New(bodies(texts...)).Search("言葉")
	if len(hits) != MaxResults || !more || hits[0].Doc != 0 {
		t.Errorf("%d hits, more=%v", len(hits), more)
	}
}

// A post as the capsule passes it: the gemtext body only (no title, byline
// or tag lines), with every kind of line.
const post = "本文にOpenStackがある。画像は下に。\n" +
	"=> https://example.com/openstack/index.gmi OpenStack入門\n" +
	"=> images/dojo.jpg 道場の写真\n" +
	"=> /tags/tech.gmi #tech\n" +
	"\n" +
	"## 見出しの言葉\n" +
	"* 項目その一\n" +
	"> 引用された文\n" +
	"\u200b=> 矢印で始まる文\n" +
	"```shellscript\n" +
	"echo こんにちは\n" +
	"=> not a link in a block\n" +
	"```\n" +
	"最後の段落。\n"

func TestSearchReadsOnlyProse(t *testing.T) {
	idx := New([]Doc{{Title: "合気道の稽古", Body: []byte(post)}, {Title: "他", Body: []byte("関係のない記事。")}})
	for _, q := range []string{"gmi", ".gmi", "/tags/", "tags", "tech", "#tech", "dojo", "DOJO", "images", "jpg", "https", "example.com", "道場", "写真", "入門", "shellscript", "```", "##", "* 項目", "> 引用", "\u200b"} {
		if hits, _ := idx.Search(q); len(hits) != 0 {
			t.Errorf("%q found in markup or links: %+v", q, hits)
		}
	}
	for _, q := range []string{"openstack", "見出しの言葉", "項目その一", "引用された文", "=> 矢印", "echo こんにちは", "=> not a link", "最後の段落", "合気道", "稽古"} {
		hits, _ := idx.Search(q)
		if len(hits) != 1 || hits[0].Doc != 0 {
			t.Errorf("%q: %+v", q, hits)
			continue
		}
		ex := hits[0].Excerpt
		for _, bad := range []string{"https://", ".gmi", "dojo.jpg", "/tags/", "##", "* ", "> 引用", "```", "\u200b"} {
			if strings.Contains(ex, bad) {
				t.Errorf("%q: excerpt %q shows %q", q, ex, bad)
			}
		}
		if !strings.Contains(Fold(ex), Fold(q)) && q != "合気道" && q != "稽古" {
			t.Errorf("%q: excerpt %q lacks the match", q, ex)
		}
	}
	if hits, _ := New(bodies("本文\n=> https://example.com/ リンク\n")).Search("=>"); len(hits) != 0 {
		t.Errorf("=> found in a link line: %+v", hits)
	}
	// Found by its title only: the excerpt is the opening of the post.
	hits, _ := idx.Search("合気道")
	if len(hits) == 1 && !strings.HasPrefix(hits[0].Excerpt, "本文にOpenStackがある。") {
		t.Errorf("title match: excerpt %q", hits[0].Excerpt)
	}
	if got := found(idx, "記事"); !slices.Equal(got, []int{1}) {
		t.Errorf("記事: %v", got)
	}
}

func TestSearchFoldsWidthAndCase(t *testing.T) {
	idx := New(bodies(
		"OpenStackを支えるLinux技術",
		"ＯｐｅｎＳｔａｃｋ入門、全角で",
		"ラズパイでテレビ録画",
		"ｶﾀｶﾅの半角",
		"ΑΒΓ ΔΕΖ Straße Æsir",
		"ひらがなのらずぱい",
		"１２３４５ＡＢＣ",
		"soft\u00adhyphen",
	))
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"openstack", []int{0, 1}},
		{"OPENSTACK", []int{0, 1}},
		{"ＯｐｅｎＳｔａｃｋ", []int{0, 1}},
		{"ｏｐｅｎｓｔａｃｋ", []int{0, 1}},
		{"ﾗｽﾞﾊﾟｲ", []int{2}},
		{"ラズパイ", []int{2}}, // not the hiragana らずぱい of post 5
		{"らずぱい", []int{5}},
		{"カタカナ", []int{3}},
		{"ｶﾀｶﾅ", []int{3}},
		{"αβγ", []int{4}},
		{"δεζ", []int{4}},
		{"STRASSE", []int{4}},
		{"æsir", []int{4}},
		{"Æ", []int{4}},
		{"12345abc", []int{6}},
		{"softhyphen", []int{7}},
		{"soft\u200bhyphen", []int{7}},
	} {
		if got := found(idx, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%q found %v, want %v", c.q, got, c.want)
		}
	}
	// Excerpts are the original text.
	for _, q := range []string{"openstack", "ＯｐｅｎＳｔａｃｋ"} {
		hits, _ := idx.Search(q)
		if len(hits) != 2 || !strings.Contains(hits[0].Excerpt, "OpenStack") || !strings.Contains(hits[1].Excerpt, "ＯｐｅｎＳｔａｃｋ") {
			t.Errorf("%q: excerpts %+v", q, hits)
		}
	}
	if hits, _ := idx.Search("ﾗｽﾞﾊﾟｲ"); len(hits) != 1 || !strings.Contains(hits[0].Excerpt, "ラズパイ") {
		t.Errorf("ﾗｽﾞﾊﾟｲ: %+v", hits)
	}
	if hits, _ := idx.Search("stack入門"); len(hits) != 1 || !strings.Contains(hits[0].Excerpt, "ＯｐｅｎＳｔａｃｋ入門") {
		t.Errorf("stack入門: %+v", hits)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"ＯｐｅｎＳｔａｃｋ": "openstack",
		"ﾗｽﾞﾊﾟｲ":    "ラズパイ",
		"か\u3099":   "が",
		"e\u0301":   "é",
		"Straße":    "strasse",
		"ΣΊΣΥΦΟΣ":   "σίσυφοσ",
		"①㍻":        "1平成",
		"a\x00b\tc": "a b c",
		"\xffa":     " a",
		"a\u200bb":  "ab",
		"　全角空白":     " 全角空白",
		"らずぱい":      "らずぱい",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQueryLength(t *testing.T) {
	idx := New(bodies(strings.Repeat("の", 400)))
	longest := strings.Repeat("の", MaxQueryRunes)
	if err := CheckQuery(longest); err != nil {
		t.Errorf("CheckQuery(%d × の) = %v", MaxQueryRunes, err)
	}
	if err := CheckQuery("  " + longest + "\u3000 "); err != nil {
		t.Errorf("surrounding spaces counted: %v", err)
	}
	if hits, _ := idx.Search(longest); len(hits) != 1 {
		t.Errorf("the longest query found %v", hits)
	}
	for _, q := range []string{strings.Repeat("の", MaxQueryRunes+1), strings.Repeat("の", 338), strings.Repeat("x", 5000), strings.Repeat("ﷺ", 10)} {
		if err := CheckQuery(q); !errors.Is(err, ErrQueryTooLong) {
			t.Errorf("CheckQuery(%d runes) = %v", len([]rune(q)), err)
		}
		if hits, more := idx.Search(q); hits != nil || more {
			t.Errorf("a query too long found %v", hits)
		}
	}
}

func TestHostileQueries(t *testing.T) {
	idx := New(bodies("制御\x1b[31m文字\x00と\x7f壊れた\xff\xfeバイト\r\nの行", "普通の文\r\n", "\xe3\x81"))
	for _, q := range []string{"\xff", "\xe3\x81", "\x00", "a\x00b", "\x1b[31m", "\r\n", "\n", "%", "%00", "\u202e", "制御", "文字", "壊れた", "バイト", "の", "\u0301", "\x00の\x00", "\ufffd"} {
		hits, _ := idx.Search(q)
		for _, h := range hits {
			for _, r := range h.Excerpt {
				if unicode.IsControl(r) {
					t.Errorf("%q: excerpt %q has a control character", q, h.Excerpt)
				}
			}
			if !strings.Contains(h.Excerpt, clean(q)) {
				t.Errorf("%q: excerpt %q", q, h.Excerpt)
			}
		}
		_ = CheckQuery(q)
	}
	if got := found(idx, "の"); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("の: %v", got)
	}
}

func TestSearchBudget(t *testing.T) {
	texts := make([]string, 200)
	for i := range texts {
		texts[i] = strings.Repeat("ああいい", 100)
	}
	texts[150] += "あい言葉"
	idx := New(bodies(texts...))
	if hits, more := idx.Search("あい言葉"); len(hits) != 1 || more {
		t.Errorf("with the whole budget: %v, more=%v", hits, more)
	}
	// The filters pass every post for "あいあい", in none; a budget of
	// 50 posts stops the search.
	idx.budget = 50 * int(idx.docs[0].size)
	if hits, more := idx.Search("あいあい"); len(hits) != 0 || !more {
		t.Errorf("out of budget: %v, more=%v", hits, more)
	}
	if hits, more := idx.Search("いいああ"); len(hits) != MaxResults || !more {
		t.Errorf("within budget: %d hits, more=%v", len(hits), more)
	}
}

func TestIndexKeepsBody(t *testing.T) {
	body := []byte("共有される本文")
	idx := New([]Doc{{Body: body}})
	if &idx.docs[0].body[0] != &body[0] {
		t.Error("the index copied the body")
	}
}

// TestIndexMatchesBytesIndex checks the pivot search, including its fall
// back to bytes.Index when the pivot is frequent.
func TestIndexMatchesBytesIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "b", " ", "の", "ま", "す", "日", "本", "é"}
	randText := func(n int) []byte {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return []byte(b.String())
	}
	for range 20000 {
		text, q := randText(rng.IntN(300)), randText(1+rng.IntN(5))
		if rng.IntN(3) == 0 && len(text) > 0 {
			// A query that is there.
			i := rng.IntN(len(text))
			q = []byte(strings.ToValidUTF8(string(text[i:min(len(text), i+1+rng.IntN(12))]), ""))
			if len(q) == 0 {
				continue
			}
		}
		if got, want := index(text, q, pivot(q)), bytes.Index(text, q); got != want {
			t.Fatalf("index(%q, %q) = %d, want %d", text, q, got, want)
		}
	}
}

// SearchRange finds only the docs of its range, across blocks of 64, and
// its hits are indexes into all the docs.
func TestSearchRange(t *testing.T) {
	var texts []string
	for i := range 200 {
		if i%3 == 0 {
			texts = append(texts, "a pear "+strconv.Itoa(i))
		} else {
			texts = append(texts, "an apple "+strconv.Itoa(i))
		}
	}
	idx := New(bodies(texts...))
	for _, r := range [][2]int{{0, 200}, {60, 140}, {63, 65}, {64, 128}, {199, 200}, {5, 5}, {150, 400}} {
		hits, _ := idx.SearchRange("pear", r[0], r[1])
		var want []int
		for i := r[0]; i < min(r[1], 200); i++ {
			if i%3 == 0 && len(want) < MaxResults {
				want = append(want, i)
			}
		}
		var got []int
		for _, h := range hits {
			got = append(got, h.Doc)
		}
		if !slices.Equal(got, want) {
			t.Errorf("range %v: found %v, want %v", r, got, want)
		}
	}
}

// SearchDocs finds only the docs its order names, in that order, across
// blocks of 64 (a block named twice is looked at once), skips indexes out
// of range, and its hits are places in the order; its excerpts are those
// SearchRange cuts; it stops at MaxResults, saying there may be more.
func TestSearchDocs(t *testing.T) {
	var texts []string
	for i := range 200 {
		if i%3 == 0 {
			texts = append(texts, "a pear "+strconv.Itoa(i))
		} else {
			texts = append(texts, "an apple "+strconv.Itoa(i))
		}
	}
	idx := New(bodies(texts...))
	excerpt := make(map[int]string)
	for i := 0; i < 200; i += 3 {
		one, _ := idx.SearchRange("pear", i, i+1)
		excerpt[i] = one[0].Excerpt
	}
	for _, order := range [][]int{{150, 3, 64, 65, 66, 0}, {199, 198, 197, -1, 500, 6}, {1, 2, 4}, nil} {
		hits, more := idx.SearchDocs("pear", order)
		var want []int
		for at, i := range order {
			if i >= 0 && i < 200 && i%3 == 0 {
				want = append(want, at)
			}
		}
		var got []int
		for _, h := range hits {
			got = append(got, h.Doc)
			if h.Excerpt != excerpt[order[h.Doc]] {
				t.Errorf("order %v: doc %d's excerpt %q, SearchRange's %q", order, order[h.Doc], h.Excerpt, excerpt[order[h.Doc]])
			}
		}
		if !slices.Equal(got, want) || more {
			t.Errorf("order %v: found %v (more %v), want %v", order, got, more, want)
		}
	}
	var many []int
	for i := 199; i >= 0; i-- {
		many = append(many, i)
	}
	hits, more := idx.SearchDocs("pear", many)
	if len(hits) != MaxResults || !more || many[hits[0].Doc] != 198 || many[hits[MaxResults-1].Doc] != 198-3*(MaxResults-1) {
		t.Errorf("newest first: %d hits (more %v), first %d, last %d", len(hits), more, many[hits[0].Doc], many[hits[len(hits)-1].Doc])
	}
	if hits, _ := idx.SearchDocs("plum", many); len(hits) != 0 {
		t.Errorf("plum: %v", hits)
	}
}

// Each line of a gemtext body is a block: an excerpt that spans lines
// shows where one ends, so that a heading does not read as the start of
// the paragraph after it, in Japanese or English. (The trial's
// "…いいか・・・。 合気道も頑張っています 4月から…", the heading
// 「合気道も頑張っています」 run into the text around it.) The excerpt stays
// bounded however many lines it spans.
func TestExcerptShowsLineBreaks(t *testing.T) {
	const (
		before  = "楽しそうにいっつもベイシュートしているのでいいか・・・。"
		heading = "合気道も頑張っています"
		after   = "4月からお世話になっている道場です。"
	)
	idx := New(bodies(
		before+"\n\n## "+heading+"\n\n"+after+"\n",
		"The dojo is small.\n## Practice\nEvery Saturday.\n",
		strings.Repeat("字\n", 500)+"目印\n"+strings.Repeat("字\n", 500),
	))
	hits, _ := idx.Search("頑張って")
	if want := "いいか・・・。" + LineBreak + heading + LineBreak + after; len(hits) != 1 || !strings.Contains(hits[0].Excerpt, want) {
		t.Errorf("Japanese: %+v, want an excerpt with %q", hits, want)
	}
	hits, _ = idx.Search("practice")
	if want := "The dojo is small." + LineBreak + "Practice" + LineBreak + "Every Saturday."; len(hits) != 1 || hits[0].Excerpt != want {
		t.Errorf("English: %+v, want %q", hits, want)
	}
	// A line of one character each: every break counts against the
	// context on its side.
	hits, _ = idx.Search("目印")
	if len(hits) != 1 {
		t.Fatalf("目印: %+v", hits)
	}
	ex := hits[0].Excerpt
	if n, most := len([]rune(ex)), 2*excerptRunes*len([]rune(LineBreak))+len([]rune("目印"))+2; n > most || !strings.Contains(ex, "字"+LineBreak+"目印"+LineBreak+"字") {
		t.Errorf("excerpt of %d runes (at most %d): %q", n, most, ex)
	}
}

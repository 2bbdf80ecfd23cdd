package gemtext

import "testing"

func TestPage(t *testing.T) {
	var p Page
	p.Heading(1, "_・)Keep\nSmiling")
	p.Blank()
	p.Text("# not a heading")
	p.Text("普通の文")
	p.Quote("…抜粋…")
	p.Link("/tags/日記 x.gmi", "日記 (3)")
	p.Link("/", "")
	p.Heading(5, "deep")
	p.Gemtext([]byte("```\ncode\n```\n"))
	want := "# _・)Keep Smiling\n" +
		"\n" +
		"\u200b# not a heading\n" +
		"普通の文\n" +
		"> …抜粋…\n" +
		"=> /tags/%E6%97%A5%E8%A8%98%20x.gmi 日記 (3)\n" +
		"=> /\n" +
		"### deep\n" +
		"```\ncode\n```\n"
	if got := string(p.Bytes()); got != want {
		t.Errorf("page:\n%q\nwant\n%q", got, want)
	}
}

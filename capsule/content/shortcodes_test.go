package content

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// scRef resolves the targets the tests use.
func scRef(target string) (string, bool) {
	dest, ok := map[string]string{
		"about.md":                  "/about/",
		"posts/旅行.md":               "/posts/旅行/",
		"2010-07-21-name":           "/2010/07/21/name/",
		"_posts/2016-07-26-name.md": "/2016/07/26/name/",
	}[target]
	return dest, ok
}

type scCase struct {
	name  string
	in    string
	want  string
	warns []string // "line:substring of the message"
}

func runShortcodeCases(t *testing.T, cases []scCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, warns := ExpandShortcodes([]byte(c.in), 10, scRef)
			if string(out) != c.want {
				t.Errorf("output\n%q\nwant\n%q", out, c.want)
			}
			var got []string
			for _, w := range warns {
				got = append(got, fmt.Sprintf("%d:%s", w.Line, w.Msg))
			}
			if len(got) != len(c.warns) {
				t.Fatalf("warnings %q, want %q", got, c.warns)
			}
			for i, w := range c.warns {
				line, sub, _ := strings.Cut(w, ":")
				if !strings.HasPrefix(got[i], line+":") || !strings.Contains(got[i], sub) {
					t.Errorf("warning %q, want %q", got[i], w)
				}
			}
		})
	}
}

func TestShortcodeHugo(t *testing.T) {
	runShortcodeCases(t, []scCase{
		{"figure caption", "前の文。\n{{< figure src=\"/img/富士山.jpg\" alt=\"山\" caption=\"富士山の朝\" >}}\n後の文。\n",
			"前の文。\n![富士山の朝](/img/富士山.jpg)\n後の文。\n", nil},
		{"figure alt", "{{< figure src=\"/a.png\" alt=\"猫 [写真]\" />}}", "![猫 \\[写真\\]](/a.png)", nil},
		{"figure title and spaces", "{{< figure src=\"/my pic (1).png\" title=\"題\" >}}", "![題](</my pic (1).png>)", nil},
		{"figure percent", "{{% figure src=\"/a.png\" caption=\"説明\" %}}", "![説明](/a.png)", nil},
		{"figure multiline", "図:\n{{< figure\n  src=\"/a.png\"\n  caption=\"夕焼け\" >}}\n以上。",
			"図:\n![夕焼け](/a.png)\n\n\n以上。", nil},
		{"figure caption with a link", "{{< figure src=\"/a.jpg\" caption=\"Photo by [Jr Korpa](https://unsplash.com/@korpa)\" >}}",
			"![Photo by Jr Korpa](/a.jpg) [Jr Korpa](https://unsplash.com/@korpa)", nil},
		{"figure title and alt", "{{< figure src=\"/a.jpg\" title=\"Sunset\" alt=\"a red sky\" >}}", "![Sunset: a red sky](/a.jpg)", nil},
		{"figure title, caption and attribution", "{{< figure src=\"/a.jpg\" title=\"Sunset\" caption=\"*Over* the sea\" alt=\"sky\" attr=\"Jr Korpa\" attrlink=\"https://k.example/\" >}}",
			"![Sunset: Over the sea: Jr Korpa](/a.jpg) [Jr Korpa](https://k.example/)", nil},
		{"figure no src", "あ{{< figure caption=\"x\" >}}い", "あい", []string{"10:figure shortcode without src"}},
		// A theme's link shortcode with no inner text (mosuke5's): a link,
		// not a gap in the sentence; one with inner text keeps that.
		{"unknown link shortcode", "こちらは {{< external_link url=\"https://example.org/x\" title=\"公式ドキュメント\" >}} を確認",
			"こちらは [公式ドキュメント](https://example.org/x) を確認", []string{"10:unknown shortcode \"external_link\" written as a link to its url"}},
		{"unknown link shortcode, no title", "{{< ext href=\"/posts/a/\" />}}", "[/posts/a/](/posts/a/)", []string{"10:written as a link"}},
		{"unknown link shortcode with text", "{{< btn url=\"/a\" >}}押す{{< /btn >}}", "押す", []string{"10:unknown shortcode \"btn\" dropped"}},
		{"details, summary first", "Example:\n\n{{< details \"Click to *expand*\" >}}\nHidden **text**.\n{{< /details >}}\n",
			"Example:\n\n\nClick to *expand*\n\n\nHidden **text**.\n\n", nil},
		{"details, summary named", "{{< details summary=\"See the\n  details\" open=true >}}\nBody\n{{< /details >}}",
			"\nSee the details\n\n\n\nBody\n", nil},
		{"details without summary", "{{< details >}}\nBody\n{{< /details >}}", "\nBody\n", nil},
		{"ref", "[概要]({{< ref \"about.md\" >}})を見て。", "[概要](/about/)を見て。", nil},
		{"relref named", "[旅]({{< relref path=\"posts/旅行.md\" >}})", "[旅](/posts/旅行/)", nil},
		{"ref anchor", "[x]({{< ref \"about.md#連絡\" >}}) [y]({{< ref \"#上\" >}})", "[x](/about/#連絡) [y](#上)", nil},
		{"ref bare", "見て {{< relref \"posts/旅行.md\" >}} を", "見て [/posts/旅行/](/posts/旅行/) を", nil},
		{"ref in a reference definition", "[旅]: {{< relref \"posts/旅行.md\" >}}", "[旅]: /posts/旅行/", nil},
		{"ref in HTML", "<a href=\"{{< relref \"posts/旅行.md\" >}}\">旅</a>", "<a href=\"/posts/旅行/\">旅</a>", nil},
		{"ref unknown", "一行目\n[x]({{< ref \"なし.md\" >}})", "一行目\n[x](なし.md)", []string{"11:unknown target"}},
		{"highlight", "コード:\n\n{{< highlight go \"linenos=table\" >}}\nfmt.Println(\"こんにちは\")\n{{< /highlight >}}\n\n終わり。",
			"コード:\n\n```go\nfmt.Println(\"こんにちは\")\n```\n\n終わり。", nil},
		{"highlight keeps shortcodes", "{{< highlight html >}}\n<p>{{< ref \"about.md\" >}}</p>\n{{< /highlight >}}",
			"```html\n<p>{{< ref \"about.md\" >}}</p>\n```", nil},
		{"highlight backticks", "{{< highlight md >}}\n```\nx\n```\n{{< /highlight >}}", "````md\n```\nx\n```\n````", nil},
		{"highlight inline layout", "見て{{< highlight sh >}}ls{{< /highlight >}}ね", "見て\n```sh\nls\n```\nね", nil},
		{"highlight unclosed", "{{< highlight go >}}\nx := 1", "\nx := 1", []string{"10:without {{< /highlight >}}"}},
		{"youtube", "動画：{{< youtube w7Ft2ymGmfc >}}です", "動画：[YouTube: w7Ft2ymGmfc](https://www.youtube.com/watch?v=w7Ft2ymGmfc)です", nil},
		{"youtube id", "{{< youtube id=\"w7Ft2ymGmfc\" autoplay=\"true\" >}}", "[YouTube: w7Ft2ymGmfc](https://www.youtube.com/watch?v=w7Ft2ymGmfc)", nil},
		{"youtube bad id", "{{< youtube \"a)b\" >}}", "", []string{"10:youtube shortcode without a valid id"}},
		// Hugo embeds /embed/<id>: an id with the embed's options after
		// it plays there (a real blog, shoya140/v4.shoya.io, wrote six).
		{"youtube id with options", "{{< youtube \"x6hbicxEFbg?rel=0&modestbranding=1\" >}}", "[YouTube: x6hbicxEFbg](https://www.youtube.com/watch?v=x6hbicxEFbg)", nil},
		{"youtube bad id with options", "{{< youtube \"a)b?rel=0\" >}}", "", []string{"10:youtube shortcode without a valid id"}},
		{"vimeo", "{{< vimeo 146022717 >}}", "[Vimeo: 146022717](https://vimeo.com/146022717)", nil},
		{"tweet", "{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}",
			"[X: @SanDiegoZoo](https://x.com/SanDiegoZoo/status/1453110110599868418)", nil},
		{"x", "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}",
			"[X: @SanDiegoZoo](https://x.com/SanDiegoZoo/status/1453110110599868418)", nil},
		{"tweet old", "{{< tweet 877500564405444608 >}}", "[X: 877500564405444608](https://x.com/i/status/877500564405444608)", nil},
		// Hugo's built-in privacy variants (hugo-coder's rich content).
		{"vimeo_simple", "{{< vimeo_simple 48912912 >}}", "[Vimeo: 48912912](https://vimeo.com/48912912)", nil},
		{"twitter_simple", "{{< twitter_simple user=\"DesignReviewed\" id=\"1085870671291310081\" >}}", "[X: @DesignReviewed](https://x.com/DesignReviewed/status/1085870671291310081)", nil},
		{"gist", "{{< gist spf13 7896402 >}}", "[Gist: spf13/7896402](https://gist.github.com/spf13/7896402)", nil},
		{"instagram", "{{< instagram BWNjjyYFxVx hidecaption >}}", "[Instagram: BWNjjyYFxVx](https://www.instagram.com/p/BWNjjyYFxVx/)", nil},
		{"param", "題名：{{< param \"title\" >}}。", "題名：。", []string{"10:param shortcode \"title\""}},
		{"unknown paired", "前\n{{% notice info %}}\n注意してください。\n{{% /notice %}}\n後",
			"前\n\n注意してください。\n\n後", []string{"11:unknown shortcode \"notice\""}},
		{"unknown self-closing", "あ{{< gallery dir=\"/x\" />}}い", "あい", []string{"10:unknown shortcode \"gallery\""}},
		// zzo's img: an image of its src, described as it can be.
		// Hugo hands a {{< >}} shortcode's inner text to the theme as it
		// is: indented HTML there is no code block (md-irohas' gallery).
		{"unknown with indented HTML", "写真：\n\n{{< gallery >}}\n    <img src=\"a.jpg\" />\n    <img src=\"b.jpg\" />\n{{< /gallery >}}\n後",
			"写真：\n\n\n<img src=\"a.jpg\" />\n<img src=\"b.jpg\" />\n\n後", []string{"12:unknown shortcode \"gallery\" dropped (its HTML inside is kept)"}},
		{"unknown with indented text", "{{< note >}}\n    code, not HTML\n{{< /note >}}", "\n    code, not HTML\n", []string{"10:unknown shortcode \"note\" dropped (any text"}},
		{"unknown with indented HTML, percent", "{{% gallery %}}\n    <img src=\"a.jpg\" />\n{{% /gallery %}}", "\n    <img src=\"a.jpg\" />\n", []string{"10:unknown shortcode \"gallery\" dropped (any text"}},
		{"unknown with src", "{{< img src=\"/images/a.png\" title=\"図1\" >}}", "![図1](/images/a.png)", []string{"10:unknown shortcode \"img\" written as an image"}},
		{"unknown with src, no words", "{{<img src=\"b.png\">}}", "![](b.png)", []string{"10:unknown shortcode \"img\""}},
		{"inline", "前\n{{< time.inline >}}\n{{ now }}\n{{< /time.inline >}}\n後",
			"前\n\n\n\n後", []string{"11:inline shortcode \"time.inline\""}},
		{"inline reuse", "{{< time.inline />}}", "", []string{"10:inline shortcode"}},
		// PaperMod's math.inline: a template of no action is its text
		// (it was dropped).
		{"inline text", "前\n{{< math.inline >}}\n<p>\nInline math: \\(x\\)\n</p>\n{{</ math.inline >}}\n後",
			"前\n\n<p>\nInline math: \\(x\\)\n</p>\n\n後", nil},
		// hugo-book's: an escaped shortcode over several lines of code,
		// once (it was written twice).
		// A formula within its line (hugo-book's, in a table cell) is
		// inline math, not a block that would cut the table.
		{"katex in a line", "| a | {{< katex >}}\\pi(x){{< /katex >}} |", "| a | \\(\\pi(x)\\) |", nil},
		{"comment over lines in code", "```tpl\n{{</* katex display=true >}}\nf(x)\n{{< /katex */>}}\n```\n後", "```tpl\n{{< katex display=true >}}\nf(x)\n{{< /katex >}}\n```\n後", nil},
		{"comment", "書き方：{{</* figure src=\"a.png\" */>}} と {{%/* x */%}}", "書き方：{{< figure src=\"a.png\" >}} と {{% x %}}", nil},
		{"unterminated", "これは {{< 壊れた", "これは {{< 壊れた", []string{"10:without its closing >}}"}},
		{"not a name", "{{< >}}", "{{< >}}", []string{"10:not followed by a shortcode name"}},
	})
}

func TestLiquidJekyll(t *testing.T) {
	runShortcodeCases(t, []scCase{
		{"highlight", "例：\n\n{% highlight ruby linenos %}\nputs \"こんにちは\"\n{% endhighlight %}\n",
			"例：\n\n```ruby\nputs \"こんにちは\"\n```\n", nil},
		{"highlight trim", "{%- highlight js -%}\nx{{ y }}\n{%- endhighlight -%}", "```js\nx{{ y }}\n```", nil},
		// Liquid ignores what follows an end tag's name (a real blog's
		// 38 code blocks).
		// An indented line of HTML is Liquid's (kramdown reads it in the
		// HTML block left open above it: jekyllrb-ja's); indented code
		// that is not HTML stays as written.
		{"indented HTML", "<div>\n\ntext\n\n    <a href=\"{{ '/x.html' | relative_url }}\">one</a>\n</div>", "<div>\n\ntext\n\n    <a href=\"/x.html\">one</a>\n</div>", nil},
		{"indented code", "x\n\n    {{ a }}\n", "x\n\n    {{ a }}\n", nil},
		{"endhighlight with markup", "{% highlight bash %}\nnpm i\nbrew doctor\n{% endhighlight bash %}\n後", "```bash\nnpm i\nbrew doctor\n```\n後", nil},
		{"endhighlight with markup trim", "{% highlight bash %}\nls\n{% endhighlight bash -%}", "```bash\nls\n```", nil},
		{"endcomment with markup", "前{% comment %}秘密{% endcomment x %}後", "前後", nil},
		{"endraw with markup", "{% raw %}{{ a }}{% endraw x %}後", "{{ a }}後", nil},
		{"raw", "テンプレート：{% raw %}{{ page.title }} と {% if x %}{% endraw %}でした",
			"テンプレート：{{ page.title }} と {% if x %}でした", nil},
		{"raw multiline", "{% raw %}\n{{ a }}\n{% endraw %}\n{{ b }}", "\n{{ a }}\n\n", []string{"13:Liquid output {{ b }}"}},
		{"raw unclosed", "一\n{% raw %}{{ a }}", "一\n{{ a }}", []string{"11:{% raw %} without {% endraw %}"}},
		{"link", "[記事]({% link _posts/2016-07-26-name.md %})", "[記事](/2016/07/26/name/)", nil},
		{"post_url", "[前回]({% post_url 2010-07-21-name %})の続き", "[前回](/2010/07/21/name/)の続き", nil},
		{"post_url unknown", "\n\n[x]({% post_url 2099-01-01-nothing %})", "\n\n[x](2099-01-01-nothing)", []string{"12:unknown target"}},
		{"include", "前\n{% include toc.html %}\n後", "前\n\n後", []string{"11:{% include toc.html %} dropped"}},
		// An include handed a link or an image as a string (ryoi432/ccs:
		// 12 audio clips of one post, each {% include audio.html url=… %}):
		// a link to it, an image of it, as Hugo's unknown shortcodes are.
		{"include with a url", "曲です。\n{% include audio.html url='/assets/posts/2017/12/11/00_song.mp3' %}\n後",
			"曲です。\n[/assets/posts/2017/12/11/00_song.mp3](/assets/posts/2017/12/11/00_song.mp3)\n後", []string{"11:{% include audio.html %} written as a link to its url"}},
		{"include with a src", `{% include image.html src="/img/a.png" alt="写真" width=300 %}`,
			"![写真](/img/a.png)", []string{"10:{% include image.html %} written as an image of its src"}},
		{"include with a src not an image", `{% include flash.html src="/misc/swf/FireCube.swf" width="400" %}`,
			"[/misc/swf/FireCube.swf](/misc/swf/FireCube.swf)", []string{"10:{% include flash.html %} written as a link to its url"}},
		{"include with a variable", "{% include image.html src=page.image %}", "", []string{"10:{% include image.html %} dropped"}},
		{"other tags", "{% if site.x %}\nはい\n{% else %}\nいいえ\n{% endif %}", "\nはい\n\nいいえ\n", []string{"10:Liquid tag {% if %} dropped"}},
		{"comment", "前\n{% comment %}\n下書き\n{% endcomment %}\n後", "前\n\n\n\n後", nil},
		{"baseurl", "![猫]({{ site.baseurl }}/images/a.png) [x]({{site.url}}{{ site.baseurl }}/b)", "![猫](/images/a.png) [x](/b)", nil},
		{"relative_url", "![a]({{ '/img/a.png' | relative_url }})", "![a](/img/a.png)", nil},
		// The plugins' embeds, links as Hugo's shortcodes give (nitoyon's
		// videos and tweets were dropped).
		{"youtube", "見て。\n\n{% youtube XxtSXfv9ma8 %}", "見て。\n\n[YouTube: XxtSXfv9ma8](https://www.youtube.com/watch?v=XxtSXfv9ma8)", nil},
		{"tweet", "{% tweet https://twitter.com/nitoyon/status/1 %}", "[X: twitter.com/nitoyon/status/1](https://twitter.com/nitoyon/status/1)", nil},
		{"youtube bad", "{% youtube <x> %}", "", []string{"10:{% youtube %} without"}},
		// Eleventy's url filter (eleventy-high-performance-blog's links
		// to its posts were dropped).
		{"url", "<a href=\"{{ '/posts/firstpost/' | url }}\">First</a> [x]({{ \"/b/\" | url }})", "<a href=\"/posts/firstpost/\">First</a> [x](/b/)", nil},
		{"output", "こんにちは、{{ page.author | upcase }}さん", "こんにちは、さん", []string{"10:Liquid output {{ page.author | upcase }}"}},
		{"multiline output", "a {{ page.x\n}} b\nc {{ y }}", "a \n b\nc ", []string{"10:page.x", "12:{{ y }}"}},
	})
}

func TestShortcodeCodeUntouched(t *testing.T) {
	runShortcodeCases(t, []scCase{
		{"fenced", "前\n```go\n{{< figure src=\"a\" >}} {% include x %} {{ y }}\n```\n後{{ z }}",
			"前\n```go\n{{< figure src=\"a\" >}} {% include x %} {{ y }}\n```\n後", []string{"14:{{ z }}"}},
		{"tilde fence", "~~~~\n{{ a }}\n~~~\n{{ b }}\n~~~~\n", "~~~~\n{{ a }}\n~~~\n{{ b }}\n~~~~\n", nil},
		{"unclosed fence", "```\n{{ a }}", "```\n{{ a }}", nil},
		{"indented", "段落\n\n    {{< youtube abc >}}\n    {% if %}\n\n本文 {{< youtube abc >}}",
			"段落\n\n    {{< youtube abc >}}\n    {% if %}\n\n本文 [YouTube: abc](https://www.youtube.com/watch?v=abc)", nil},
		{"indented continuation is not code", "段落\n    {{ x }}", "段落\n    ", []string{"11:{{ x }}"}},
		{"list", "- 項目\n\n    {{< vimeo 1 >}}\n\n    ```\n    {{< vimeo 1 >}}\n    ```\n",
			"- 項目\n\n    [Vimeo: 1](https://vimeo.com/1)\n\n    ```\n    {{< vimeo 1 >}}\n    ```\n", nil},
		{"after list", "- a\n\n本文\n\n    {{ x }}", "- a\n\n本文\n\n    {{ x }}", nil},
		{"code span", "使い方：`{{< ref \"about.md\" >}}` と ``{% if %}` ``、{{ z }}",
			"使い方：`{{< ref \"about.md\" >}}` と ``{% if %}` ``、", []string{"10:{{ z }}"}},
		{"unclosed backticks", "`{{ a }} ``b``", "` ``b``", []string{"10:{{ a }}"}},
		{"code span escapes", "`{{</* x */>}}` `{% raw %}{{ a }}{% endraw %}`", "`{{< x >}}` `{{ a }}`", nil},
		{"fence escapes", "```\n{% raw %}\n{{ a }}\n{% endraw %}\n{{</* b */>}}\n```", "```\n\n{{ a }}\n\n{{< b >}}\n```", nil},
		{"raw around fence", "{% raw %}\n```\n{{ a }}\n```\n{% endraw %}\n{{ site.url }}", "\n```\n{{ a }}\n```\n\n", nil},
	})
}

func TestShortcodeWarningLines(t *testing.T) {
	in := "一行目\n{{< notice >}}\n三行目 {{ a }}\n```\n{{ b }}\n```\n{% include x.html %} {{< figure\nsrc=\"a.png\" >}} {{< gallery >}}\n九行目 {% if x %}\n"
	out, warns := ExpandShortcodes([]byte(in), 5, scRef)
	want := []ShortcodeWarning{
		{6, `unknown shortcode "notice" dropped (any text up to its closing tag is kept)`, "unknown shortcode", 0},
		{7, "Liquid output {{ a }} dropped", "Liquid output dropped", 0},
		{11, "{% include x.html %} dropped: includes are not available", "Liquid tag dropped", 0},
		{12, `unknown shortcode "gallery" dropped (any text up to its closing tag is kept)`, "unknown shortcode", 0},
		{13, "Liquid tag {% if %} dropped", "Liquid tag dropped", 0},
	}
	if fmt.Sprint(warns) != fmt.Sprint(want) {
		t.Errorf("warnings\n%v\nwant\n%v", warns, want)
	}
	if bytes.Count(out, []byte("\n")) != bytes.Count([]byte(in), []byte("\n")) {
		t.Errorf("output has %d lines, input %d:\n%s", bytes.Count(out, []byte("\n")), bytes.Count([]byte(in), []byte("\n")), out)
	}
}

func TestShortcodeNone(t *testing.T) {
	in := "# 見出し\n\n普通の文章。{ と } と % は そのまま。\n"
	out, warns := ExpandShortcodes([]byte(in), 1, nil)
	if string(out) != in || warns != nil {
		t.Errorf("got %q %v", out, warns)
	}
}

// TestShortcodeLinear feeds hostile bodies whose naive handling is
// quadratic: unclosed openers, unclosed inline shortcodes of distinct
// names, unclosed backtick runs of distinct lengths.
func TestShortcodeLinear(t *testing.T) {
	const n = 1 << 18
	var inl strings.Builder
	for i := 0; inl.Len() < n; i++ {
		fmt.Fprintf(&inl, "{{< n%d.inline >}}", i)
	}
	var ticks strings.Builder
	for i := 1; ticks.Len() < n; i++ {
		ticks.WriteString(strings.Repeat("`", i%700+1))
		ticks.WriteString("x")
	}
	for name, in := range map[string]string{
		"braces":      strings.Repeat("{", n),
		"hugo":        strings.Repeat("{{< a \"", n/7),
		"hugo closed": strings.Repeat("{{< a \"", n/7) + ">}}",
		"liquid":      strings.Repeat("{% ", n/3),
		"output":      strings.Repeat("{{ x", n/4) + "}}",
		"comments":    strings.Repeat("{{</* ", n/6),
		"highlight":   strings.Repeat("{{< highlight >}}{% highlight %}{% raw %}", n/40),
		"inline":      inl.String(),
		"ticks":       ticks.String(),
		"lines":       strings.Repeat("    {{ x }}\n\n- {{<a>}}\n", n/24),
	} {
		out, _ := ExpandShortcodes([]byte(in), 1, scRef)
		if len(out) > 4*len(in)+64 {
			t.Errorf("%s: %d bytes out of %d", name, len(out), len(in))
		}
	}
}

func FuzzShortcodeExpand(f *testing.F) {
	for _, s := range []string{
		"{{< figure src=\"/a.png\" caption=\"猫\" >}}",
		"{{< highlight go >}}\n```\n{{< /highlight >}}",
		"{% highlight x %}{% endhighlight %}{% raw %}{{ a }}{% endraw %}",
		"{{< youtube a >}}{{<x a b>}}{{<x a>}}{{<gist a b>}}{{<instagram a>}}{{<vimeo a>}}",
		"`{{ a }}` ```\n{{</* b */>}}\n```\n    {% c %}",
		"{{< ref \"about.md\" >}}{% post_url q %}{% link about.md %}",
		"{{< a.inline >}}{{ x }}{{< /a.inline >}}{% comment %}{% endcomment %}",
		"{{ 'x' | relative_url }}{{ site.baseurl }}",
	} {
		f.Add([]byte(s))
	}
	ref := func(t string) (string, bool) { return "/p/" + t, len(t)%2 == 0 }
	f.Fuzz(func(t *testing.T, in []byte) {
		out, warns := ExpandShortcodes(in, 3, ref)
		if len(out) > 4*len(in)+64 {
			t.Fatalf("%d bytes out of %d: %q", len(out), len(in), out)
		}
		lines := 3 + bytes.Count(in, []byte("\n"))
		for _, w := range warns {
			if w.Line < 3 || w.Line > lines {
				t.Fatalf("warning line %d outside 3..%d: %v", w.Line, lines, w)
			}
		}
	})
}

// A Liquid output of a string of _config.yml ({{ site.repository }}:
// jekyllrb-ja's 2,575 links to issues) is that string, as Jekyll writes
// it; an unknown variable, or one too long to be an address or a name,
// is dropped with a warning, as before.
func TestLiquidSiteVariables(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"_config.yml": "title: t\nrepository: https://github.com/jekyll/jekyll\nlong: \"" + strings.Repeat("a", 200) + "\"\nnested:\n  x: y\n",
		"_posts/2020-06-24-history.md": "---\ntitle: History\n---\n- Fix grammar ([#8265]({{ site.repository }}/issues/8265))\n" +
			"- {{ site.nothing }} {{ site.long }} {{ site.nested }}\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if body := string(c.Posts[0].Body); !strings.Contains(body, "[#8265](https://github.com/jekyll/jekyll/issues/8265)") || strings.Contains(body, "{{") {
		t.Errorf("body:\n%s", body)
	}
	dropped := 0
	for _, w := range c.Warnings {
		if w.Kind == "Liquid output dropped" {
			dropped++
		}
	}
	if dropped != 3 {
		t.Errorf("warnings %v; want the three dropped", c.Warnings)
	}
}

// Hugo's param shortcode gives the page's title and description, else a
// string of the site's [params], as Hugo looks it up (LoveIt's posts);
// another is dropped with a warning, as before.
func TestHugoParamShortcode(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"hugo.toml":          "title = \"H\"\n[params]\nAuthor = \"Site Author\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2023-01-01\ndescription: Page description.\n---\n{{< param description >}} / {{< param \"author\" >}} / {{< param \"title\" >}} / {{< param nothing >}}\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if body := string(c.Posts[0].Body); !strings.Contains(body, "Page description. / Site Author / A / \n") {
		t.Errorf("body %q", body)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Msg, `param shortcode "nothing"`) {
		t.Errorf("warnings %v", c.Warnings)
	}
}

// kramdown's abbreviation definitions ("*[HTML]: HyperText Markup
// Language", hydejack's posts) are shown by kramdown as nothing: so here,
// on a Jekyll site, a code block's aside; on a Hugo site they are text,
// as Hugo shows them.
func TestKramdownAbbreviationsDropped(t *testing.T) {
	post := "Like HTML.\n\n*[HTML]: HyperText Markup Language\n\n```\n*[CSS]: kept in code\n```\n"
	c, err := Load(testfs.Write(t, map[string]string{"_config.yml": "title: t\n", "_posts/2012-02-07-abbr.md": "---\ntitle: Abbr\n---\n" + post}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if body := string(c.Posts[0].Body); body != "Like HTML.\n\n\n\n```\n*[CSS]: kept in code\n```\n" {
		t.Errorf("Jekyll body %q", body)
	}
	c, err = Load(testfs.Write(t, map[string]string{"hugo.toml": "title = 't'\n", "content/posts/abbr.md": "---\ntitle: Abbr\ndate: 2012-02-07\n---\n" + post}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if body := string(c.Posts[0].Body); body != post {
		t.Errorf("Hugo body %q", body)
	}
}

// With Hugo's block attributes on (markup.goldmark.parser.attribute.block,
// peperon4141's), a line of them under a block is its attributes, not
// text; off, as by default, it is text, as Hugo shows it; in code, code.
func TestHugoBlockAttributes(t *testing.T) {
	post := "---\ntitle: A\ndate: 2024-01-02\n---\nA warning.\n{ .warn }\n\n- item\n{#list-id}\n\n```\n{.kept}\n```\n"
	for config, want := range map[string]string{
		"title = 't'\n[markup.goldmark.parser.attribute]\nblock = true\n": "A warning.\n\n\n- item\n\n\n```\n{.kept}\n```\n",
		"title = 't'\n": "A warning.\n{ .warn }\n\n- item\n{#list-id}\n\n```\n{.kept}\n```\n",
	} {
		c, err := Load(testfs.Write(t, map[string]string{"hugo.toml": config, "content/posts/a.md": post}), LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		if body := string(c.Posts[0].Body); body != want {
			t.Errorf("%q: body %q, want %q", config, body, want)
		}
	}
}

// kramdown's nomarkdown within a line (DrMaemi's table cells) leaves
// its HTML and none of its markers.
func TestKramdownInlineNomarkdown(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"_config.yml":            "title: t\n",
		"_posts/2022-03-15-q.md": "---\ntitle: Q\n---\nInline: {::nomarkdown}<b>bold</b>{:/} end.\n\na | b\n--- | ---\nx | {::nomarkdown}<i>y</i>{:/nomarkdown}\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if body := string(c.Posts[0].Body); body != "Inline: <b>bold</b> end.\n\na | b\n--- | ---\nx | <i>y</i>\n" {
		t.Errorf("body %q", body)
	}
}

// Quotes in quotes (Hexo's {% blockquote %}, NexT's {% note %}) are
// quotes down to maxQuoteDepth; a deeper one keeps its text, its tags
// dropped with a warning, so that the work stays within maxQuoteDepth
// times the post's size.
func TestNestedQuoteTagsBounded(t *testing.T) {
	const n = 3 * maxQuoteDepth
	body := strings.Repeat("{% note %}\n", n) + "芯の文。\n" + strings.Repeat("{% endnote %}\n", n)
	out, warns := ExpandShortcodes([]byte(body), 1, nil)
	if !strings.Contains(string(out), "芯の文。") {
		t.Fatalf("the innermost text is lost:\n%s", out)
	}
	if want := strings.Repeat("> ", maxQuoteDepth) + "芯の文。"; !strings.Contains(string(out), want) {
		t.Errorf("want %d levels of quote (%q):\n%s", maxQuoteDepth, want, out)
	}
	dropped := 0
	for _, w := range warns {
		if w.Kind == "Liquid tag dropped" {
			dropped += 1 + w.More
		}
	}
	if dropped != n-maxQuoteDepth {
		t.Errorf("%d tags dropped, want %d: %v", dropped, n-maxQuoteDepth, warns)
	}
}

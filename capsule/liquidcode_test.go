package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll post showing a Liquid tag writes it as the output of a
// string, {{ "{% raw " }}%}, in a code span or a highlight block
// (saasan/githubPages' post on escaping Liquid). Jekyll runs Liquid
// first: the code shows {% raw %}. capsule read the {% inside the string
// as a raw tag: the line lost its text up to the next {% endraw, and
// kept a stray {{ ".
func TestLiquidStringOutputInCode(t *testing.T) {
	post := "---\ntitle: Escape\n---\n\n" +
		"```{{ \"{% raw \" }}%}``` と ```{{ \"{% endraw \" }}%}``` で囲むと出力されます。\n\n" +
		"{% highlight html %}\n{{ \"{% raw \" }}%}{% raw %}\n<ul>{{ post.title }}</ul>{% endraw %}\n{{ \"{% endraw \" }}%}\n{% endhighlight %}\n\n" +
		"`{{ page.title | upcase }}` のまま。\n"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                 "title: t\n",
			"_posts/2015-12-15-escape.md": post,
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/escape.gmi")
	for _, want := range []string{
		"{% raw %} と {% endraw %} で囲むと出力されます。",
		"{% raw %}\n<ul>{{ post.title }}</ul>\n{% endraw %}\n```",
		"{{ page.title | upcase }} のまま。",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page:\n%s", want, page)
		}
	}
	if strings.Contains(page, "{{ \"") {
		t.Errorf("a string's output left half-read:\n%s", page)
	}
}

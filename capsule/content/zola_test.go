package content

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestZolaBody(t *testing.T) {
	sections := map[string]zolaSection{
		"":     {baseURL: "https://example.org"},
		"docs": {redirectTo: "docs/intro"},
	}
	for _, c := range []struct{ in, want string }{
		{`[a](@/blog/first.md#x)`, `[a](/blog/first.md#x)`},
		{`[a](@/docs/_index.md)`, `[a](/docs/intro/)`},
		{`[a](@/blog/_index.md)`, `[a](https://example.org/blog/)`},
		{"[ref]: @/blog/first.md", "[ref]: /blog/first.md"},
		{`{{ youtube(id="abc", autoplay=true) }}`, `{{< youtube id="abc" >}}`},
		{`{{ gist(url="https://gist.github.com/u/123", file="a.go") }}`, `{{< gist "u" "123" "a.go" >}}`},
		{`{{ figure(src="/a.png", caption="A cat") }}`, `{{< figure src="/a.png" caption="A cat" >}}`},
		{`a {{ unknown(x=1) }} b`, `a  b`},
		{"{% note(kind=\"info\") %}\nkept\n{% end %}", "\nkept\n"},
		{`see {{/* youtube(id="x") */}}`, `see {{ youtube(id="x") }}`},
		{"`{{ youtube(id=\"x\") }}` and {{ youtube(id=\"y\") }} and ``@/a.md``", "`{{ youtube(id=\"x\") }}` and {{< youtube id=\"y\" >}} and ``@/a.md``"},
		{"```\n{{ youtube(id=\"x\") }} @/a.md\n```", "```\n{{ youtube(id=\"x\") }} @/a.md\n```"},
	} {
		got, _ := zolaBody([]byte(c.in), 1, sections)
		if string(got) != c.want {
			t.Errorf("zolaBody(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	_, dropped := zolaBody([]byte("x\n{{ a() }}\n{% b() %}y{% end %}"), 5, sections)
	if dropped["a"] != 6 || dropped["b"] != 7 {
		t.Errorf("dropped = %v, want a at 6, b at 7", dropped)
	}
}

func TestZolaLoad(t *testing.T) {
	c, err := Load(filepath.Join("..", "testdata", "zola-site"), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if c.Meta.Title != "Zola の庭" || c.Meta.Lang != "ja" || c.BaseURL() != "https://zola.example.org" {
		t.Errorf("meta %+v, base %q", c.Meta, c.BaseURL())
	}
	bySlug := map[string]*Post{}
	for _, p := range append(c.Posts, c.Pages...) {
		bySlug[p.Slug] = p
	}
	first := bySlug["first"]
	if first == nil || strings.Join(first.Tags, ",") != "zola,日記,blog" {
		t.Fatalf("first: %+v", first)
	}
	if body := string(first.Body); !strings.Contains(body, "](/docs/overview.md#start)") || strings.Contains(body, "{{") || !strings.Contains(body, "引用の中の文です。") {
		t.Errorf("first's body:\n%s", body)
	}
	if p := bySlug["from-name"]; p == nil || p.Date.Format("2006-01-02") != "2023-02-03" {
		t.Errorf("from-name: %+v", p)
	}
	if p := bySlug["bundle"]; p == nil || p.Date.Format("2006-01-02") != "2023-05-01" || p.Page {
		t.Errorf("bundle: %+v", p)
	}
	if p := bySlug["blank-start"]; p == nil || p.BodyLine != 10 { // two blank lines, seven of front matter
		t.Errorf("blank-start: %+v", p)
	}
	translations := 0
	for _, w := range c.Warnings {
		switch w.Kind {
		case kindUnknownKey, "duplicate slug":
			t.Errorf("warning: %v", w)
		case "translation not served":
			translations++
		}
	}
	if translations != 1 {
		t.Errorf("%d warnings of translations left out, want 1", translations)
	}
	if len(c.Posts) != 5 || len(c.Pages) != 2 {
		t.Errorf("%d posts, %d pages", len(c.Posts), len(c.Pages))
	}
}

package content

import (
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Jekyll's collections_dir moves _posts, _drafts and the collections into
// one folder (jekyll-TeXt-theme's docs site): capsule read none of its
// collections, gave the posts the folder as a category, and served the
// posts of a _posts folder outside it, which Jekyll does not read.
func TestJekyllCollectionsDir(t *testing.T) {
	for _, cd := range []string{"my", "_my"} {
		t.Run(cd, func(t *testing.T) {
			c, err := Load(testfs.Write(t, map[string]string{
				"_config.yml": "title: t\ncollections_dir: " + cd + "\ncollections:\n  recipes:\n    output: true\n" +
					"defaults:\n  - scope: {path: \"" + cd + "/_posts/private\"}\n    values: {published: false}\n",
				cd + "/_posts/2024-01-02-hello.md":          "---\ntitle: Hello\n---\nx\n",
				cd + "/_posts/private/2024-01-04-secret.md": "---\ntitle: Secret\n---\nx\n",
				cd + "/_drafts/later.md":                    "---\ntitle: Later\n---\nx\n",
				cd + "/_recipes/cake.md":                    "---\ntitle: Cake\n---\nx\n",
				"_recipes/pie.md":                           "---\ntitle: Pie\n---\nx\n",
				"other/_posts/2024-01-03-stray.md":          "---\ntitle: Stray\n---\nx\n",
				"_posts/2024-01-05-old.md":                  "---\ntitle: Old\n---\nx\n",
				"about.md":                                  "---\ntitle: About\n---\nx\n",
			}), LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			titles := func(ps []*Post) (out []string) {
				for _, p := range ps {
					out = append(out, p.Title)
				}
				slices.Sort(out)
				return out
			}
			if got := titles(c.Posts); !slices.Equal(got, []string{"Hello"}) {
				t.Errorf("posts %q, want Hello alone (Stray and Old are outside collections_dir)", got)
			}
			if got := titles(c.Pages); !slices.Equal(got, []string{"About", "Cake"}) {
				t.Errorf("pages %q, want About and Cake (Pie is outside collections_dir)", got)
			}
			if got := titles(c.Drafts); !slices.Equal(got, []string{"Later", "Secret"}) {
				t.Errorf("unpublished %q, want Later and Secret", got)
			}
			for _, p := range slices.Concat(c.Posts, c.Pages) {
				want := map[string]string{"Hello": "/2024/01/02/hello.html", "Cake": "/recipes/cake.html"}[p.Title]
				if want != "" && !slices.Contains(p.Addresses, want) {
					t.Errorf("%s's addresses %q, want %s among them", p.Title, p.Addresses, want)
				}
			}
			warned := false
			for _, w := range c.Warnings {
				if strings.Contains(w.Error(), "collections_dir") && strings.Contains(w.Error(), "_posts") {
					warned = true
				}
			}
			if !warned {
				t.Errorf("no warning names the _posts outside collections_dir: %v", c.Warnings)
			}
		})
	}
}

// A second configuration (nitoyon's _config.ja.yml, merged by jekyll
// build --config _config.yml,_config.ja.yml) is named in a warning: its
// settings are not applied, and the author should know why.
func TestJekyllOtherConfigurationNamed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: t\n",
		"_config.ja.yml":         "baseurl: /ja\n",
		"_posts/2024-01-02-a.md": "---\ntitle: A\n---\nx\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 1 || !strings.HasSuffix(c.Warnings[0].File, "_config.ja.yml") || !strings.Contains(c.Warnings[0].Msg, "not read") {
		t.Errorf("warnings %v", c.Warnings)
	}
}

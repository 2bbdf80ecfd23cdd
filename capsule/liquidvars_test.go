package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// geminiLinks are the link lines of a gemtext page: target and label.
func geminiLinks(page string) [][2]string {
	var out [][2]string
	for _, l := range strings.Split(page, "\n") {
		if rest, ok := strings.CutPrefix(l, "=> "); ok {
			target, label, _ := strings.Cut(rest, " ")
			out = append(out, [2]string{target, strings.TrimSpace(label)})
		}
	}
	return out
}

// A Jekyll link captured, made into the folder's address by an assign
// (fumokmm's home page: {% capture link_to_it %}{% link … %}{%
// endcapture %}, {% assign link_to_it = link_to_it | remove: 'index'
// %}, then [IT]({{ link_to_it }})), is a link to that page where it is
// output; the capture shows nothing where it is written.
func TestLiquidCapturedLink(t *testing.T) {
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":    "title: Notes\n",
		"about/index.md": "---\ntitle: About these notes\n---\n\nWho writes them.\n",
		"_posts/2020-01-02-home.md": "---\ntitle: Home\n---\n\nOther pages:\n" +
			"{% capture link_to_about %}{% link about/index.md %}{% endcapture %}\n" +
			"{% assign link_to_about = link_to_about | remove: 'index' %}\n\n" +
			"- [The about page]({{ link_to_about }})\n",
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/home.gmi")
	if strings.Contains(page, "about/index") {
		t.Errorf("the captured link is shown where it is captured:\n%s", page)
	}
	var target string
	for _, l := range geminiLinks(page) {
		if l[1] == "The about page" {
			target = l[0]
		}
	}
	if target == "" {
		t.Fatalf("no link labelled \"The about page\":\n%s", page)
	}
	if _, _, about := servetest.GeminiGet(t, d, target); !strings.Contains(about, "Who writes them.") {
		t.Errorf("the link leads to %s, which is not the about page:\n%s", target, about)
	}
}

// minimal-mistakes' figure: an image's Markdown captured, then output
// (markdownify, its <p> removed) inside a <figure>, after other text:
// the image is where the figure is, once.
func TestLiquidCapturedFigure(t *testing.T) {
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":    "title: Figures\n",
		"images/cat.png": "\x89PNG\r\n\x1a\n",
		"_posts/2020-01-02-figure.md": "---\ntitle: Figure\n---\n\n" +
			"{% capture fig_img %}\n![A sleeping cat]({{ \"/images/cat.png\" | absolute_url }})\n{% endcapture %}\n\n" +
			"Text between the capture and the figure.\n\n" +
			"<figure>\n  {{ fig_img | markdownify | remove: \"<p>\" | remove: \"</p>\" }}\n  <figcaption>Fig. 1, the cat</figcaption>\n</figure>\n",
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/figure.gmi")
	between := strings.Index(page, "Text between the capture and the figure.")
	caption := strings.Index(page, "Fig. 1, the cat")
	if between < 0 || caption < 0 {
		t.Fatalf("the post's text or the figure's caption is missing:\n%s", page)
	}
	n, at := 0, -1
	for _, l := range strings.Split(page, "\n") {
		if strings.HasPrefix(l, "=> ") && strings.Contains(l, "/images/cat.png") && strings.Contains(l, "A sleeping cat") {
			n++
			at = strings.Index(page, l)
		}
	}
	if n != 1 || at < between {
		t.Errorf("the image is linked %d times, want once after the text before the figure (at %d, text at %d):\n%s", n, at, between, page)
	}
}

// An assign of a literal, through filters, is output where {{ name }}
// is and handed to an include as image=name is; an assign capsule
// cannot evaluate unbinds the name: its output is dropped, not the
// value it had before.
func TestLiquidAssign(t *testing.T) {
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":         "title: Assigns\n",
		"_includes/note.html": "Note: {{ include.text }}.\n",
		"_posts/2020-01-02-assign.md": "---\ntitle: Assign\n---\n\n" +
			"{% assign greeting = 'hello from an assign' | upcase %}\n" +
			"Say: {{ greeting }}.\n\n" +
			"{% include note.html text=greeting %}\n\n" +
			"{% capture later %}first value{% endcapture %}\n" +
			"{% assign later = site.posts | sort: 'date' %}\n" +
			"Later: {{ later }}.\n",
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/assign.gmi")
	for _, want := range []string{"Say: HELLO FROM AN ASSIGN.", "Note: HELLO FROM AN ASSIGN.", "Later: ."} {
		if !strings.Contains(page, want+"\n") {
			t.Errorf("no line %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "first value") {
		t.Errorf("a value unbound by an assign capsule cannot evaluate is shown:\n%s", page)
	}
}

// What outputs of a capture add to a post is bounded by the room its
// variables have (half its size and 4 KiB: scExpander.varRoom): a
// capture of 2,000 bytes output 60 times is shown as often as fits.
func TestLiquidCaptureWithinBound(t *testing.T) {
	captured := strings.Repeat("word ", 400)
	body := "{% capture big %}" + captured + "{% endcapture %}\n\n" + strings.Repeat("{{ big }}\n\n", 60)
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":                "title: Bounds\n",
		"_posts/2020-01-02-bound.md": "---\ntitle: Bound\n---\n\n" + body,
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/bound.gmi")
	shown := strings.Count(page, "word")
	room := len(body)/2 + 4096
	if shown == 0 || shown*len("word ") > room+len(captured) {
		t.Errorf("the captured words are shown %d times, want 1 to %d", shown, (room+len(captured))/len("word "))
	}
}

package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
)

// Hugo 0.111 writes no page below a section that is a draft: its
// _index.md says draft: true (Lruihao's posts/_ads/, of leaf bundles),
// or a cascade that reaches the section hands draft down (its own
// cascade, which reaches itself; a table whose _target is kind: section;
// one whose _target.path takes in the section's folder), or it is below
// such a section (posts/g/h/i/ under the draft posts/g/h/); and so are
// the pages the site configuration's [[cascade]] makes drafts (its
// _target.path /posts/cfg/**). Not even a
// page whose own front matter says draft: false is written. capsule
// keeps those pages as drafts: its author reads them at /drafts/,
// readers get 51 (Gemini) or an error (Gopher), their Hugo addresses
// lead nowhere, and no list, feed, search nor link offers them. A page
// a cascade's _target does not reach (tgt/t1.md, next to tgt/x/), or
// beside a draft section (g/g1.md), is served.
func TestHugoDraftSections(t *testing.T) {
	author, stranger := servetest.Identity(t, "author"), servetest.Identity(t, "stranger")
	post := func(title, extra string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-02\n" + extra + "---\nwords of " + title + "\n"
	}
	d := authorOnly(t, author, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n[params]\nmainSections = [\"posts\"]\n" +
			"[[cascade]]\ndraft = true\n[cascade._target]\npath = \"/posts/cfg/**\"\n",
		"content/posts/cfg/cfgone.md":       post("CfgOne", ""),
		"content/posts/kept.md":             post("Kept", "") + "[a](/posts/_ads/adone/) [c](/posts/cas/casone/) [k](/posts/ks/ksone/) [x](/posts/tgt/x/xone/) [d](/posts/g/h/i/deepone/) [t](/posts/tgt/tone/)\n",
		"content/posts/_ads/_index.md":      "---\ntitle: Ads\ndraft: true\ncascade:\n  params:\n    reward: false\n---\n",
		"content/posts/_ads/adone/index.md": post("AdOne", ""),
		"content/posts/_ads/adtwo.md":       post("AdTwo", "draft: false\n"),
		"content/posts/cas/_index.md":       "+++\ntitle = \"Cas\"\n[cascade]\ndraft = true\n+++\n",
		"content/posts/cas/casone.md":       post("CasOne", "draft: false\n"),
		"content/posts/ks/_index.md":        "---\ntitle: Ks\ncascade:\n- _target:\n    kind: section\n  draft: true\n---\n",
		"content/posts/ks/ksone.md":         post("KsOne", ""),
		"content/posts/tgt/_index.md":       "---\ntitle: Tgt\ncascade:\n- _target:\n    path: /posts/tgt/x/**\n  draft: true\n---\n",
		"content/posts/tgt/tone.md":         post("TOne", ""),
		"content/posts/tgt/x/_index.md":     "---\ntitle: X\n---\n",
		"content/posts/tgt/x/xone.md":       post("XOne", "draft: false\n"),
		"content/posts/g/_index.md":         "---\ntitle: G\n---\n",
		"content/posts/g/gone.md":           post("GOne", ""),
		"content/posts/g/h/_index.md":       "---\ntitle: H\ndraft: true\n---\n",
		"content/posts/g/h/i/deepone.md":    post("DeepOne", ""),
	})
	for _, name := range []string{"kept", "tone", "gone"} {
		if h, _ := servetest.GeminiAs(t, d, "/posts/"+name+".gmi", nil); !strings.HasPrefix(h, "20 ") {
			t.Errorf("/posts/%s.gmi: %q, want its page", name, h)
		}
	}
	drafts := map[string]string{"adone": "AdOne", "adtwo": "AdTwo", "casone": "CasOne", "ksone": "KsOne", "xone": "XOne", "deepone": "DeepOne", "cfgone": "CfgOne"}
	for name, title := range drafts {
		wantNowhere(t, d, "/posts/"+name+".gmi", &author, &stranger)
		if g := servetest.GopherGet(t, d, "/posts/"+name+".txt\r\n"); !strings.HasPrefix(g, "3") {
			t.Errorf("gopher /posts/%s.txt: %q", name, clipText(g))
		}
		if h, page := servetest.GeminiAs(t, d, "/drafts/"+name+".gmi", &author); !strings.HasPrefix(h, "20 ") || !strings.Contains(page, "words of "+title) {
			t.Errorf("the author's /drafts/%s.gmi: %q\n%s", name, h, clipText(page))
		}
		if h, _ := servetest.GeminiAs(t, d, "/drafts/"+name+".gmi", &stranger); !strings.HasPrefix(h, "61 ") {
			t.Errorf("/drafts/%s.gmi for a stranger: %q", name, h)
		}
	}
	for _, addr := range []string{"/posts/_ads/adone/", "/posts/_ads/adtwo/", "/posts/cas/casone/", "/posts/ks/ksone/", "/posts/tgt/x/xone/", "/posts/g/h/i/deepone/", "/posts/cfg/cfgone/", "/posts/_ads/", "/posts/cas/", "/posts/tgt/x/"} {
		wantNowhere(t, d, addr)
	}
	for addr, page := range servetest.Crawl(t, d, 300) {
		for _, title := range drafts {
			if strings.Contains(page, title) || strings.Contains(page, "words of "+title) {
				t.Errorf("%s offers %q:\n%s", addr, title, page)
			}
		}
	}
	for _, addr := range []string{"/atom.xml", "/search?words", "/archive.gmi"} {
		_, _, page := servetest.GeminiGet(t, d, addr)
		for _, title := range drafts {
			if strings.Contains(page, title) {
				t.Errorf("%s offers %q:\n%s", addr, title, page)
			}
		}
		if addr != "/atom.xml" && !strings.Contains(page, "TOne") {
			t.Errorf("%s does not offer TOne, which is published:\n%s", addr, page)
		}
	}
	_, _, kept := servetest.GeminiGet(t, d, "/posts/kept.gmi")
	if !strings.Contains(kept, "=> /posts/tone.gmi t\n") {
		t.Errorf("the published post does not link TOne:\n%s", kept)
	}
	for _, line := range strings.Split(kept, "\n") {
		for name := range drafts {
			if strings.HasPrefix(line, "=>") && strings.Contains(line, name) {
				t.Errorf("the published post links %s: %q", name, line)
			}
		}
	}
}

// A cascade table whose _target is kind: page is for the pages below the
// section, not for the section itself: Hugo 0.111 writes the list of
// notes/, with its text, and not notes/n1.md, which the table makes a
// draft. capsule, which serves a section's _index.md with text as a page,
// kept it back as a draft too.
func TestHugoCascadeForPagesLeavesTheSection(t *testing.T) {
	author := servetest.Identity(t, "author")
	d := authorOnly(t, author, map[string]string{
		"hugo.toml":               "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n[params]\nmainSections = [\"posts\"]\n",
		"content/posts/p1.md":     "---\ntitle: P1\ndate: 2024-01-02\n---\nP1.\n",
		"content/notes/_index.md": "---\ntitle: Notes\ncascade:\n- _target:\n    kind: page\n  draft: true\n---\nThe notes' own text.\n",
		"content/notes/n1.md":     "---\ntitle: NoteOne\n---\nwords of NoteOne\n",
	})
	if _, page := servetest.GeminiAs(t, d, "/drafts/n1.gmi", &author); !strings.Contains(page, "words of NoteOne") {
		t.Errorf("the page the cascade makes a draft is not among the drafts:\n%s", page)
	}
	found := false
	for addr, page := range servetest.Crawl(t, d, 100) {
		if strings.Contains(page, "NoteOne") {
			t.Errorf("%s offers the draft:\n%s", addr, page)
		}
		found = found || strings.HasPrefix(addr, "gemini:") && strings.Contains(page, "The notes' own text.")
	}
	if !found {
		t.Error("no page has the notes' text")
	}
	if _, page := servetest.GeminiAs(t, d, "/drafts/", &author); strings.Contains(page, "Notes") {
		t.Errorf("the section is among the drafts:\n%s", page)
	}
	if g := servetest.GopherGet(t, d, "/notes.txt\r\n"); !strings.Contains(g, "The notes' own text.") {
		t.Errorf("gopher /notes.txt: %q", clipText(g))
	}
}

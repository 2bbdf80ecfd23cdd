package capsule_test

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"capsule/capsule/internal/servetest"

	"git.sr.ht/~adnano/go-gemini"
	"github.com/mmcdole/gofeed"
)

// lagrangeEntry is the pattern Lagrange's subscription parser applies to
// gemfeed lines.
var lagrangeEntry = regexp.MustCompile(`^=>\s*(\S+)\s+(\d{4}-[01]\d-[0-3]\d)([^0-9].*)`)

// feedEntries returns the links of page that Lagrange takes as feed entries.
func feedEntries(page string) [][]string {
	var out [][]string
	for _, line := range strings.Split(page, "\n") {
		if m := lagrangeEntry.FindStringSubmatch(line); m != nil {
			out = append(out, m[1:])
		}
	}
	return out
}

// lagrangeTitle is what Lagrange's feed view shows of an entry's title:
// it trims leading spaces, ASCII punctuation but "([{< and en and em
// dashes (Lagrange 1.17); a zero width space is not shown.
func lagrangeTitle(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '–' || r == '—' ||
			r < 0x80 && (unicode.IsPunct(r) || unicode.IsSymbol(r)) && !strings.ContainsRune(`"([{<`, r)
	})
	return strings.ReplaceAll(s, "\u200b", "")
}

// The guard matters: six of the seven sample titles start with "_".
func TestLagrangeWouldCutTitles(t *testing.T) {
	cut := 0
	for _, p := range readSamplePosts(t) {
		if lagrangeTitle(p.title) != p.title {
			cut++
		}
	}
	if cut != 6 {
		t.Errorf("Lagrange cuts %d sample titles, want 6", cut)
	}
}

func TestHomeIsAGemfeed(t *testing.T) {
	d := servetest.Start(t, nil)
	posts := readSamplePosts(t)
	_, _, home := servetest.GeminiGet(t, d, "/")
	if first := strings.SplitN(home, "\n", 2)[0]; first != "# _・)Keep Smiling" {
		t.Errorf("first line %q is not the feed title", first)
	}
	entries := feedEntries(home)
	if len(entries) != len(posts) {
		t.Fatalf("Lagrange would see %d entries, want %d:\n%s", len(entries), len(posts), home)
	}
	for i, p := range posts {
		// What Lagrange's feed view shows: the title after its trimming.
		if e := entries[i]; e[0] != "/posts/"+p.slug+".gmi" || e[1] != p.date || lagrangeTitle(e[2]) != p.title {
			t.Errorf("entry %d = %q, want %s %s %s", i, e, p.slug, p.date, p.title)
		}
	}
	for _, nav := range []string{"=> /tags/ ", "=> /archive.gmi ", "=> /search ", "=> /atom.xml "} {
		if !strings.Contains(home, "\n"+nav) {
			t.Errorf("home has no %q line", nav)
		}
	}
}

func TestAtomFeed(t *testing.T) {
	d := servetest.Start(t, nil)
	posts := readSamplePosts(t)
	status, meta, body := servetest.GeminiGet(t, d, "/atom.xml")
	if status != gemini.StatusSuccess || meta != "application/atom+xml" {
		t.Fatalf("atom: %d %q", status, meta)
	}
	feed, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("gofeed cannot parse the feed: %v\n%s", err, body)
	}
	if feed.FeedType != "atom" || feed.Title != "_・)Keep Smiling" || !strings.HasPrefix(feed.Description, "モソモソと") {
		t.Errorf("feed %s %q %q", feed.FeedType, feed.Title, feed.Description)
	}
	if len(feed.Items) != len(posts) {
		t.Fatalf("%d entries, want %d", len(feed.Items), len(posts))
	}
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	for i, p := range posts {
		it := feed.Items[i]
		wantURL := base + "/posts/" + p.slug + ".gmi"
		date, _ := time.Parse("2006-01-02", p.date)
		if it.Title != p.title || it.GUID != wantURL || it.Link != wantURL || it.PublishedParsed == nil || !it.PublishedParsed.Equal(date) {
			t.Errorf("entry %d: %q %q %q %v; want %q %q", i, it.Title, it.GUID, it.Link, it.PublishedParsed, p.title, wantURL)
		}
		if !slices.Equal(it.Categories, p.tags) {
			t.Errorf("entry %d categories %q, want %q", i, it.Categories, p.tags)
		}
		if it.Description == "" || !strings.Contains(p.markdown, it.Description) {
			t.Errorf("entry %d summary %q is not the first paragraph", i, it.Description)
		}
	}
	if feed.UpdatedParsed == nil || feed.UpdatedParsed.Format("2006-01-02") != posts[0].date {
		t.Errorf("feed updated %v, want the newest post's date %s", feed.UpdatedParsed, posts[0].date)
	}
}

// tagCounts counts the sample posts' tags from their front matter.
func tagCounts(posts []samplePost) map[string][]samplePost {
	tags := map[string][]samplePost{}
	for _, p := range posts {
		for _, tag := range p.tags {
			tags[tag] = append(tags[tag], p)
		}
	}
	return tags
}

func TestTags(t *testing.T) {
	d := servetest.Start(t, nil)
	posts := readSamplePosts(t)
	want := tagCounts(posts)
	if len(want["合気道"]) != 2 {
		t.Fatalf("the sample posts should tag 合気道 twice, got %d", len(want["合気道"]))
	}

	_, _, index := servetest.GeminiGet(t, d, "/tags/")
	seen := 0
	for _, line := range strings.Split(index, "\n") {
		path, label, ok := strings.Cut(strings.TrimPrefix(line, "=> "), " ")
		if !strings.HasPrefix(line, "=> /tags/") || !ok {
			continue
		}
		seen++
		decoded, err := url.PathUnescape(path)
		if err != nil || path == decoded && strings.ContainsAny(decoded, " 日合") {
			t.Errorf("tag link %q is not percent-encoded", path)
		}
		tag := strings.TrimSuffix(strings.TrimPrefix(decoded, "/tags/"), ".gmi")
		if wantLabel := tag + " (" + strconv.Itoa(len(want[tag])) + ")"; label != wantLabel {
			t.Errorf("tags index says %q, want %q", label, wantLabel)
		}
		// The link as a client sends it: percent-encoded.
		status, _, page := servetest.GeminiGet(t, d, path)
		if status != gemini.StatusSuccess {
			t.Errorf("%s: status %d", path, status)
			continue
		}
		entries := feedEntries(page)
		if len(entries) != len(want[tag]) {
			t.Errorf("%s lists %d posts, want %d", tag, len(entries), len(want[tag]))
			continue
		}
		for i, p := range want[tag] {
			if entries[i][0] != "/posts/"+p.slug+".gmi" {
				t.Errorf("%s entry %d = %s, want %s", tag, i, entries[i][0], p.slug)
			}
		}

		// Gopher: the same tag as a menu, posts date first.
		menu := checkMenu(t, "tag "+tag, servetest.GopherGet(t, d, "/tags/"+tag+"\r\n"))
		var items []string
		for _, l := range menu {
			if l[0] == '1' && strings.Contains(l, "\t/posts/") {
				items = append(items, l)
			}
		}
		if len(items) != len(want[tag]) {
			t.Errorf("gopher tag %s lists %d posts, want %d", tag, len(items), len(want[tag]))
		}
		for i := range min(len(items), len(want[tag])) {
			p := want[tag][i]
			if !strings.HasPrefix(items[i], "1"+p.date+" "+p.title+"\t/posts/"+p.slug+"/\t") {
				t.Errorf("gopher tag %s item %d = %q", tag, i, items[i])
			}
		}
	}
	if seen != len(want) {
		t.Errorf("tags index lists %d tags, want %d:\n%s", seen, len(want), index)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/tags/no-such-tag.gmi"); status != gemini.StatusNotFound {
		t.Errorf("unknown tag: status %d", status)
	}
}

func TestArchiveAndNeighbours(t *testing.T) {
	d := servetest.Start(t, nil)
	posts := readSamplePosts(t)

	_, _, archive := servetest.GeminiGet(t, d, "/archive.gmi")
	year := ""
	n := 0
	for _, line := range strings.Split(archive, "\n") {
		if strings.HasPrefix(line, "## ") {
			year = line[3:]
		}
		if m := lagrangeEntry.FindStringSubmatch(line); m != nil {
			p := posts[n]
			if m[1] != "/posts/"+p.slug+".gmi" || p.date[:4] != year {
				t.Errorf("archive line %q under %s, want %s under %s", line, year, p.slug, p.date[:4])
			}
			n++
		}
	}
	if n != len(posts) {
		t.Errorf("archive lists %d posts, want %d", n, len(posts))
	}
	gopherArchive := servetest.GopherGet(t, d, "/archive\r\n")
	checkMenu(t, "archive", gopherArchive)
	for _, p := range posts {
		if !strings.Contains(gopherArchive, "\r\n1"+p.date+" "+p.title+"\t/posts/"+p.slug+"/\t") {
			t.Errorf("gopher archive lacks %s", p.slug)
		}
	}

	for i, p := range posts {
		_, _, page := servetest.GeminiGet(t, d, "/posts/"+p.slug+".gmi")
		if i+1 < len(posts) && !strings.Contains(page, "\n=> /posts/"+posts[i+1].slug+".gmi ← ") {
			t.Errorf("%s does not link the older post %s", p.slug, posts[i+1].slug)
		}
		if i > 0 && !strings.Contains(page, "\n=> /posts/"+posts[i-1].slug+".gmi → ") {
			t.Errorf("%s does not link the newer post %s", p.slug, posts[i-1].slug)
		}
		for _, tag := range p.tags {
			if !strings.Contains(page, "\n=> /tags/"+url.PathEscape(tag)+".gmi #"+tag+"\n") {
				t.Errorf("%s does not link its tag %s", p.slug, tag)
			}
		}
	}
}

// postsContaining finds, in the sample Markdown, the posts whose title or
// body has s,
// ignoring case: what search must answer.
func postsContaining(posts []samplePost, s string) []string {
	var slugs []string
	for _, p := range posts {
		text := p.title + "\n" + strings.Join(p.texts, "\n")
		if strings.Contains(strings.ToLower(text), strings.ToLower(s)) {
			slugs = append(slugs, p.slug)
		}
	}
	return slugs
}

func TestSearch(t *testing.T) {
	d := servetest.Start(t, nil)
	posts := readSamplePosts(t)

	if status, meta, _ := servetest.GeminiGet(t, d, "/search"); status != gemini.StatusInput || meta == "" {
		t.Errorf("/search without a query: %d %q, want 10 with a prompt", status, meta)
	}
	for _, query := range []string{"合気道", "OpenStack", "openstack", "RASPBERRY PI", "白帯", "どこにもない言葉"} {
		want := postsContaining(posts, query)
		if query == "合気道" && len(want) != 2 {
			t.Fatalf("the sample has %d posts on 合気道, want 2", len(want))
		}
		status, _, page := servetest.GeminiGet(t, d, "/search?"+url.PathEscape(query))
		if status != gemini.StatusSuccess {
			t.Errorf("search %q: status %d", query, status)
			continue
		}
		var got []string
		for _, e := range feedEntries(page) {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(e[0], "/posts/"), ".gmi"))
		}
		if !slices.Equal(got, want) {
			t.Errorf("gemini search %q found %q, want %q", query, got, want)
		}
		if len(want) > 0 && !strings.Contains(strings.ToLower(page), "\n> ") {
			t.Errorf("gemini search %q shows no excerpt:\n%s", query, page)
		}

		menu := servetest.GopherGet(t, d, "/search\t"+query+"\r\n")
		got = nil
		for _, line := range checkMenu(t, "search "+query, menu) {
			if sel := strings.Split(line, "\t")[1]; line[0] == '1' && strings.HasPrefix(sel, "/posts/") {
				got = append(got, strings.TrimSuffix(strings.TrimPrefix(sel, "/posts/"), "/"))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("gopher search %q found %q, want %q", query, got, want)
		}
	}
	if !strings.Contains(servetest.GopherGet(t, d, "\r\n"), "\r\n7検索\t/search\t") {
		t.Error("root menu has no type 7 search item")
	}
}

func TestRobotsTxt(t *testing.T) {
	d := servetest.Start(t, nil)
	status, meta, body := servetest.GeminiGet(t, d, "/robots.txt")
	if status != gemini.StatusSuccess || !strings.HasPrefix(meta, "text/plain") {
		t.Fatalf("robots.txt: %d %q", status, meta)
	}
	if !strings.Contains(body, "User-agent: *\n") || !strings.Contains(body, "Disallow: /search\n") {
		t.Errorf("robots.txt does not keep crawlers out of search:\n%s", body)
	}
}

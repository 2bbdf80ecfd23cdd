package capsule_test

import (
	"context"
	"encoding/csv"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// The generators' own addresses of real blogs answer on the capsule: for
// each site of the corpus of real Hugo and Jekyll blogs (CAPSULE_CORPUS,
// e.g. /work/corpus: each site's .truth/ holds what Hugo or Jekyll itself
// published, and where), every published page's address asked of the
// Store answers 20 or 31 to a page of the capsule, and Gopher answers it
// too, with and without its trailing slash. The corpus is not part
// of the repository, so this only runs where it is; it logs the share of
// addresses answered per site, and fails below each site's floor.
func TestGeneratorAddressesOfRealBlogs(t *testing.T) {
	corpus := os.Getenv("CAPSULE_CORPUS")
	if corpus == "" {
		t.Skip("CAPSULE_CORPUS (a folder of real blogs with their generators' ground truth) not set")
	}
	now := time.Date(2026, 12, 5, 23, 59, 59, 0, time.UTC) // the corpus's day for publication
	for _, s := range []struct {
		site, posts, base string // base: the base path of the blog's web address, which Hugo puts before every page
		truth             []string
		floor             float64 // the least share of addresses that must answer
	}{
		{"hugo-basic-example", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-papermod", "content", "/hugo-PaperMod", []string{"hugo-list-all.csv"}, 1},
		{"hugo-ja-budougumi0617", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-stack", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-zh-rento666", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-ananke", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-new", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-beautifulhugo", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-coder", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-congo", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-ja-mitsuyoshi", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-mainroad", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"hugo-zh-lucienven", "content", "", []string{"hugo-list-all.csv"}, 1},
		{"jekyll-minima", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
		{"jekyll-zh-huxpro", "", "", []string{"jekyll-posts.csv"}, 1},
		{"jekyll-lextm-chirpy", "", "", []string{"jekyll-posts.csv"}, 1},
		{"jekyll-chirpy-demo", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
		{"jekyll-beautiful-jekyll", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
		{"jekyll-now-takeaction", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
		{"jekyll-new", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
		{"jekyll-ja-kdmsnr", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
		{"jekyll-minimal-mistakes-docs", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
		{"jekyll-mm-ahmedzbyr", "", "", []string{"jekyll-posts.csv", "jekyll-pages.csv"}, 1},
	} {
		t.Run(s.site, func(t *testing.T) {
			dir := filepath.Join(corpus, s.site)
			if _, err := os.Stat(dir); err != nil {
				t.Skip(err)
			}
			c, err := content.Load(filepath.Join(dir, s.posts), content.LoadOptions{Settle: -1, Now: now, Exclude: []string{"/.truth"}})
			if err != nil {
				t.Fatal(err)
			}
			st, err := capsule.Build(context.Background(), &capsule.Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}, c, capsule.BuildOptions{})
			if err != nil {
				t.Fatal(err)
			}
			// Pages capsule does not serve (a problem left them out, or
			// it does not load them: a translation in a page bundle) have
			// no address there: counted apart.
			served := make(map[string]bool)
			for _, p := range slices.Concat(c.Posts, c.Pages, c.Unlisted) {
				if rel, err := filepath.Rel(filepath.Join(dir, s.posts), p.File); err == nil {
					served[filepath.ToSlash(rel)] = true
				}
			}
			for _, e := range st.Problems {
				if rel, err := filepath.Rel(filepath.Join(dir, s.posts), e.File); err == nil {
					delete(served, filepath.ToSlash(rel))
				}
			}
			total, answered, notServed := 0, 0, 0
			var missed []string
			for _, name := range s.truth {
				for _, page := range truthAddresses(t, filepath.Join(dir, ".truth", name), s.base, now) {
					if !served[page.file] {
						notServed++
						continue
					}
					total++
					// The address as listed answers on both protocols; its
					// other form (the trailing slash taken off or put on) too,
					// unless capsule answers it already with a page of its own
					// (a tag's Gopher menu at /tags/markup for /tags/markup/):
					// then that page does.
					r, found := st.Gemini(page.addr)
					_, gopher := st.Gopher(page.addr)
					ok := found && (r.Status == gemini.StatusSuccess || r.Status == gemini.StatusPermanentRedirect) && gopher
					other := strings.TrimSuffix(page.addr, "/")
					if other == page.addr && !strings.Contains(path.Base(other), ".") {
						other += "/"
					}
					// Capsule's searches, the site's and each language's,
					// which the Store does not hold.
					searches := []string{"/search"}
					for _, l := range st.Languages {
						searches = append(searches, l.Home+"search")
					}
					if !slices.Contains(searches, other) {
						_, onGemini := st.Gemini(other)
						_, onGopher := st.Gopher(other)
						ok = ok && (onGemini || onGopher)
					}
					if ok {
						answered++
					} else if len(missed) < 10 {
						missed = append(missed, page.addr)
					}
				}
			}
			share := float64(answered) / float64(max(total, 1))
			t.Logf("%s: %d of %d generator addresses of the pages served answer (%.0f%%); %d pages not served", s.site, answered, total, 100*share, notServed)
			if len(missed) > 0 {
				t.Logf("%s: missed, first: %q", s.site, missed)
			}
			if share < s.floor {
				t.Errorf("%s: %.0f%% answer, below %.0f%%", s.site, 100*share, 100*s.floor)
			}
		})
	}
}

// truthPage is a page a generator published: its address, decoded as
// Gemini requests arrive, and its file in the site.
type truthPage struct{ addr, file string }

// truthAddresses are the Markdown pages a generator's listing (Hugo's
// hugo list all, Jekyll's posts or pages) says it publishes as of now,
// their addresses with base taken off.
func truthAddresses(t *testing.T, file, base string, now time.Time) []truthPage {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", file, err)
	}
	col := make(map[string]int)
	for i, name := range rows[0] {
		col[name] = i
	}
	var out []truthPage
	for _, row := range rows[1:] {
		var link, path string
		switch {
		case col["permalink"] > 0: // Hugo
			if row[col["draft"]] == "true" || hugoTime(row[col["publishDate"]]).After(now) ||
				!hugoTime(row[col["expiryDate"]]).IsZero() && hugoTime(row[col["expiryDate"]]).Before(now) {
				continue
			}
			link, path = row[col["permalink"]], strings.TrimPrefix(row[col["path"]], "content/")
		default: // Jekyll
			if k, ok := col["kind"]; ok && row[k] != "page" && !strings.HasPrefix(row[k], "collection ") {
				continue
			}
			link, path = row[col["url"]], row[col["path"]]
		}
		if !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".markdown") || strings.HasPrefix(path, "index.") || strings.HasPrefix(path, "_index.") || strings.HasPrefix(path, "404.") {
			continue // the home page, the web's "not found" page, and pages capsule does not load (HTML, feeds)
		}
		u, err := url.Parse(link)
		if err != nil {
			t.Errorf("%s: %q: %v", file, link, err)
			continue
		}
		p := strings.TrimPrefix(u.Path, base)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		out = append(out, truthPage{addr: p, file: path})
	}
	return out
}

func hugoTime(s string) time.Time {
	d, _ := time.Parse(time.RFC3339, s)
	if d.Year() <= 1 {
		return time.Time{}
	}
	return d
}

package capsule

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"capsule/gemtext"
	"capsule/gopher"

	"git.sr.ht/~adnano/go-gemini"
)

// dateLayout is how dates appear everywhere: in gemfeed lines, phlog menus
// and post headers.
const dateLayout = "2006-01-02"

// Build renders every post of c and every index page into a new Store.
// Posts are rendered on all cores; the Store is complete before it is
// returned and is never modified afterwards.
func Build(site *Site, c *Content) (*Store, error) {
	start := time.Now()
	if site.GopherWidth <= 0 {
		site.GopherWidth = 70
	}
	st := &Store{
		Site:   *site,
		gemini: make(map[string]*GeminiResponse, len(c.Posts)+8),
		gopher: make(map[string][]byte, len(c.Posts)+8),
		Posts:  len(c.Posts),
	}
	st.Warnings = append(st.Warnings, c.Warnings...)

	links := newPostLinks(c.Posts)
	geminiLink := links.rewriter(func(p *Post) string { return postGeminiPath(p) })
	gopherLink := links.rewriter(func(p *Post) string { return site.GopherURL(gopher.TypeText, postGopherSelector(p)) })

	type rendered struct {
		gmi, txt, menu []byte
		err            error
		warns          []*FileError
	}
	out := make([]rendered, len(c.Posts))
	forEach(len(c.Posts), func(i int) {
		p := c.Posts[i]
		gmi, err := postGemtext(site, p, geminiLink)
		txt, menu := postGopher(site, p, gopherLink)
		out[i] = rendered{gmi: gmi, txt: txt, menu: menu, err: err, warns: links.check(p)}
	})
	var errs ErrorList
	for i, p := range c.Posts {
		if out[i].err != nil {
			errs = append(errs, &FileError{File: p.File, Msg: out[i].err.Error()})
			continue
		}
		st.gemini[postGeminiPath(p)] = geminiPage(p.Lang, out[i].gmi)
		st.gopher[postGopherSelector(p)] = out[i].txt
		// The post's menu answers with and without its trailing slash.
		st.gopher[postMenuSelector(p)] = out[i].menu
		st.gopher[strings.TrimSuffix(postMenuSelector(p), "/")] = out[i].menu
		st.Warnings = append(st.Warnings, out[i].warns...)
	}
	if len(errs) > 0 {
		return nil, errs
	}

	st.gemini["/"] = geminiPage(site.Lang, homeGemtext(site, c.Posts))
	root := rootMenu(site, c.Posts)
	st.gopher["/"] = root
	st.gopherPlusRoot = gopher.PlusRootResponse(site.Title, site.Hostname, site.GopherPort, len(root))
	st.gopher["/caps.txt"] = gopher.Caps{Software: "capsule", Version: Version, Description: site.Title}.Bytes()
	nf := gopher.NewMenu(site.Hostname, site.GopherPort)
	nf.Error("Not found")
	nf.Item(gopher.TypeMenu, "Home: "+site.Title, "/")
	st.gopherNotFound = nf.Bytes()

	sortFileErrors(st.Warnings)
	st.BuildTime = time.Since(start)
	return st, nil
}

// postGeminiPath, postGopherSelector and postMenuSelector are where a post
// lives.
func postGeminiPath(p *Post) string     { return "/posts/" + p.Slug + ".gmi" }
func postGopherSelector(p *Post) string { return "/posts/" + p.Slug + ".txt" }
func postMenuSelector(p *Post) string   { return "/posts/" + p.Slug + "/" }

// postGopher renders a post's gopher text and its menu: the text item and
// every link of the post as an item, so that readers of clients that cannot
// follow URLs in text (Lynx among them) can follow them. The text points at
// the menu when there are links to follow.
func postGopher(site *Site, p *Post, link func(string) string) (text, menu []byte) {
	text, links := gopher.RenderPost(gopher.Header{Title: p.Title, Date: p.Date.Format(dateLayout), Tags: p.Tags},
		p.Body, p.Doc, gopher.TextOptions{Width: site.GopherWidth, Link: link})
	if len(links) > 0 {
		text = append(text, "\r\nThese links as a gopher menu:\r\n"+site.GopherURL(gopher.TypeMenu, postMenuSelector(p))+"\r\n"...)
	}

	m := gopher.NewMenu(site.Hostname, site.GopherPort)
	m.Info(p.Title)
	m.Info(postByline(p))
	m.Info("")
	m.Item(gopher.TypeText, "Read: "+p.Title, postGopherSelector(p))
	if len(links) > 0 {
		m.Info("")
		m.Info("Links in this post:")
		for i, l := range links {
			m.Link(fmt.Sprintf("[%d] %s", i+1, l.Label), l.URL)
		}
	}
	m.Info("")
	m.Item(gopher.TypeMenu, "Home: "+site.Title, "/")
	return text, m.Bytes()
}

// postByline is the date and tags of a post, as its pages show them.
func postByline(p *Post) string {
	s := p.Date.Format(dateLayout)
	if len(p.Tags) > 0 {
		s += " · " + strings.Join(p.Tags, ", ")
	}
	return s
}

// geminiPage wraps a gemtext body in a success response in lang.
func geminiPage(lang string, body []byte) *GeminiResponse {
	meta := "text/gemini; charset=utf-8"
	if lang != "" {
		meta += "; lang=" + lang
	}
	return &GeminiResponse{Status: gemini.StatusSuccess, Meta: meta, Body: body}
}

// postGemtext is a post's page: title, date and tags, the body, a way home.
func postGemtext(site *Site, p *Post, link func(string) string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", p.Title, gemtext.EscapeText(postByline(p)))
	if err := gemtext.Render(&b, p.Body, p.Doc, gemtext.Options{Link: link}); err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, "\n=> / %s\n", site.Title)
	return b.Bytes(), nil
}

// homeGemtext is the home page. Its form is a gemfeed: the first heading is
// the feed title and each post is "=> path YYYY-MM-DD title", which
// Lagrange's subscription parser reads.
func homeGemtext(site *Site, posts []*Post) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", site.Title)
	if site.Description != "" {
		b.WriteString(gemtext.EscapeText(site.Description) + "\n\n")
	}
	for _, p := range posts {
		fmt.Fprintf(&b, "=> %s %s %s\n", postGeminiPath(p), p.Date.Format(dateLayout), p.Title)
	}
	return b.Bytes()
}

// rootMenu is the gopher home: the site's description and its posts, date first.
func rootMenu(site *Site, posts []*Post) []byte {
	m := gopher.NewMenu(site.Hostname, site.GopherPort)
	m.Info(site.Title)
	m.Info("")
	if site.Description != "" {
		m.Info(site.Description)
		m.Info("")
	}
	// Lynx reads gopher menus as Latin-1 unless told otherwise.
	m.Info("Lynx: run lynx -assume_charset=utf-8 to read this capsule in UTF-8.")
	m.Info("")
	for _, p := range posts {
		m.Item(gopher.TypeText, p.Date.Format(dateLayout)+" "+p.Title, postGopherSelector(p))
	}
	return m.Bytes()
}

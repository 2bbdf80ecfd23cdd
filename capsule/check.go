package capsule

import (
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/tlscert"
	"net"
	"strconv"
	"time"
)

// Summary is what a build found: for -check and for logs.
type Summary struct {
	Posts     int
	Tags      int
	Warnings  []*content.FileError
	BuildTime time.Duration // loading and building
}

// Check loads and builds everything cfg names, as Start would, without
// binding or serving anything. Problems in posts come back as an ErrorList.
func Check(cfg config.Config) (*Summary, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	start := time.Now()
	loaded, err := content.Load(cfg.Posts, cfg.LoadOptions())
	if err != nil {
		return nil, err
	}
	if cfg.CertFile != "" {
		if _, err := tlscert.Load(cfg.CertFile, cfg.KeyFile); err != nil {
			return nil, err
		}
	}
	site := siteFor(cfg, loaded.Meta, addrPort(cfg.GeminiAddr), addrPort(cfg.GopherAddr))
	st, err := Build(site, loaded)
	if err != nil {
		return nil, err
	}
	return &Summary{Posts: st.Posts, Tags: st.Tags, Warnings: st.Warnings, BuildTime: time.Since(start)}, nil
}

// addrPort is the port of a listen address, 0 if it has none.
func addrPort(addr string) int {
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(p)
	return n
}

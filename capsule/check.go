package capsule

import (
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/tlscert"
	"context"
	"errors"
	"fmt"
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
	if err := checkCertificate(cfg); err != nil {
		return nil, err
	}
	site := siteFor(cfg, loaded.Meta, addrPort(cfg.GeminiAddr), addrPort(cfg.GopherAddr))
	st, err := Build(context.Background(), site, loaded, BuildOptions{PostBudget: cfg.PostBudget})
	if err != nil {
		return nil, err
	}
	return &Summary{Posts: st.Posts, Tags: st.Tags, Warnings: st.Warnings, BuildTime: time.Since(start)}, nil
}

// checkCertificate says whether Start would have a certificate: the
// operator's files load, or the generated one does, or this is a first
// start and one can be created in the certificates folder.
func checkCertificate(cfg config.Config) error {
	if cfg.CertFile != "" {
		_, err := tlscert.Load(cfg.CertFile, cfg.KeyFile)
		return err
	}
	_, err := tlscert.LoadGenerated(cfg.Certs, cfg.Hostname)
	if errors.Is(err, tlscert.ErrMissing) {
		return mayCreateCertificate(cfg)
	}
	if err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	return nil
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

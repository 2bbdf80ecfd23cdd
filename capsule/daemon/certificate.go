package daemon

import (
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"log"

	"capsule/capsule/config"
	"capsule/capsule/tlscert"
)

// startCertificate is the Gemini certificate at start: the operator's
// files, or the generated certificate for the hostname. A certificate is
// generated only on a first start, when the certificates folder has never
// held one (tlscert.FirstStart): readers pin the certificate they first
// see, and a new one, made because a file went missing, would break every
// pin without a word.
func startCertificate(cfg config.Config, logger *log.Logger) (*tls.Certificate, error) {
	if cfg.CertFile != "" {
		cert, err := tlscert.Load(cfg.CertFile, cfg.KeyFile)
		return &cert, err
	}
	cert, err := tlscert.LoadGenerated(cfg.Certs, cfg.Hostname)
	if err == nil {
		return &cert, nil
	}
	if !errors.Is(err, tlscert.ErrMissing) {
		return nil, fmt.Errorf("certificate: %w", err)
	}
	if err := mayCreateCertificate(cfg); err != nil {
		return nil, err
	}
	cert, err = tlscert.Create(cfg.Certs, cfg.Hostname)
	if err != nil {
		return nil, fmt.Errorf("certificate: %w", err)
	}
	certFile, _ := tlscert.Paths(cfg.Certs, cfg.Hostname)
	logger.Printf("first start: created certificate %s for %s (SHA-256 %s). BACK UP %s NOW: readers pin this certificate, and capsuled never creates one again in a folder that held one",
		certFile, cfg.Hostname, tlscert.Fingerprint(&cert), cfg.Certs)
	return &cert, nil
}

// mayCreateCertificate says why a certificate may not be created for cfg,
// or nil when it may (a first start in a folder that can be written).
func mayCreateCertificate(cfg config.Config) error {
	first, err := tlscert.FirstStart(cfg.Certs)
	if err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	if !first {
		certFile, keyFile := tlscert.Paths(cfg.Certs, cfg.Hostname)
		return fmt.Errorf("certificate: %s holds certificates, but not %s and %s: restore them from your backup (readers have pinned them). "+
			"If %s is a new host name, point -certs (gemini.certs) at a new folder and a certificate will be created there",
			cfg.Certs, certFile, keyFile, cfg.Hostname)
	}
	if err := tlscert.CheckWritable(cfg.Certs); err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	return nil
}

// reloadCertificate is the certificate after a reload. The operator's
// files are read again (an ACME renewal takes a reload). A generated
// certificate is never created or replaced by a reload: its files must
// still hold the certificate being served, for the same hostname; anything
// else is an error, and the current certificate keeps serving.
func reloadCertificate(cfg, old config.Config, current *tls.Certificate) (*tls.Certificate, error) {
	if cfg.CertFile != "" {
		cert, err := tlscert.Load(cfg.CertFile, cfg.KeyFile)
		return &cert, err
	}
	if old.CertFile == "" && cfg.Hostname != old.Hostname {
		return nil, fmt.Errorf("certificate: the host name changed from %s to %s: restart capsuled to serve it with its own certificate", old.Hostname, cfg.Hostname)
	}
	cert, err := tlscert.LoadGenerated(cfg.Certs, cfg.Hostname)
	certFile, _ := tlscert.Paths(cfg.Certs, cfg.Hostname)
	switch {
	case errors.Is(err, tlscert.ErrMissing):
		return nil, fmt.Errorf("certificate: %s is missing; still serving SHA-256 %s. Restore it and its key from your backup: a reload never creates a certificate, and a new one would break every reader's pin",
			certFile, tlscert.Fingerprint(current))
	case err != nil:
		return nil, fmt.Errorf("certificate: %w", err)
	case old.CertFile == "" && !bytes.Equal(cert.Certificate[0], current.Certificate[0]):
		return nil, fmt.Errorf("certificate: %s is not the certificate being served (SHA-256 %s): a reload never replaces a generated certificate; restart capsuled to serve the new one",
			certFile, tlscert.Fingerprint(current))
	}
	return &cert, nil
}

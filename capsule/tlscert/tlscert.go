// Package tlscert loads the Gemini server's TLS certificate, or creates one
// the first time, and names it by its fingerprint. A certificate readers
// have pinned (TOFU) is never replaced.
package tlscert

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"git.sr.ht/~adnano/go-gemini/certificate"
)

// certValidity is how long a generated certificate is valid. Gemini clients
// pin certificates on first use (TOFU), so a certificate that expires breaks
// every reader's pin: make it outlive the server.
const certValidity = 100 * 365 * 24 * time.Hour

// Paths returns where the generated certificate and key for hostname live
// in dir.
func Paths(dir, hostname string) (certFile, keyFile string) {
	return filepath.Join(dir, hostname+".crt"), filepath.Join(dir, hostname+".key")
}

// LoadOrCreate loads the certificate for hostname from dir. When
// neither file exists it creates a self-signed ECDSA P-256 certificate, writes
// both files and reports created. It never replaces an existing file: a half
// pair or an unreadable file is an error for the operator to resolve, since a
// new key would break every client's pin.
func LoadOrCreate(dir, hostname string) (cert tls.Certificate, created bool, err error) {
	if hostname == "" || strings.ContainsAny(hostname, `/\`) || strings.HasPrefix(hostname, ".") {
		return tls.Certificate{}, false, fmt.Errorf("hostname %q cannot name a certificate file", hostname)
	}
	certFile, keyFile := Paths(dir, hostname)
	_, certErr := os.Stat(certFile)
	_, keyErr := os.Stat(keyFile)
	switch {
	case certErr == nil && keyErr == nil:
		cert, err := Load(certFile, keyFile)
		return cert, false, err
	case !errors.Is(certErr, fs.ErrNotExist):
		if certErr == nil {
			return tls.Certificate{}, false, fmt.Errorf("%s exists but %s does not: restore the key from a backup (a new one would break every reader's TOFU pin), or remove both to start over", certFile, keyFile)
		}
		return tls.Certificate{}, false, certErr
	case !errors.Is(keyErr, fs.ErrNotExist):
		if keyErr == nil {
			return tls.Certificate{}, false, fmt.Errorf("%s exists but %s does not: restore the certificate from a backup, or remove both to start over", keyFile, certFile)
		}
		return tls.Certificate{}, false, keyErr
	}

	opts := certificate.CreateOptions{Subject: pkix.Name{CommonName: hostname}, Duration: certValidity}
	if ip := net.ParseIP(hostname); ip != nil {
		opts.IPAddresses = []net.IP{ip}
	} else {
		opts.DNSNames = []string{hostname}
	}
	cert, err = certificate.Create(opts) // ECDSA P-256 unless Ed25519 is asked for
	if err != nil {
		return tls.Certificate{}, false, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return tls.Certificate{}, false, err
	}
	key, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		return tls.Certificate{}, false, err
	}
	if err := writeNew(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: key}), 0o600); err != nil {
		return tls.Certificate{}, false, err
	}
	if err := writeNew(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Leaf.Raw}), 0o644); err != nil {
		os.Remove(keyFile) // the key alone is of no use; let the next start retry
		return tls.Certificate{}, false, err
	}
	return cert, true, nil
}

// writeNew writes a file that must not exist yet.
func writeNew(name string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
}

// Load loads a PEM certificate (chain) and key, such as an
// operator's ACME certificate.
func Load(certFile, keyFile string) (tls.Certificate, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("loading certificate %s with key %s: %w", certFile, keyFile, err)
	}
	return cert, nil
}

// Fingerprint is the SHA-256 digest of the certificate, as hex pairs joined
// by colons: what `openssl x509 -noout -fingerprint -sha256` prints and what
// TOFU clients show.
func Fingerprint(cert *tls.Certificate) string {
	if len(cert.Certificate) == 0 {
		return ""
	}
	sum := sha256.Sum256(cert.Certificate[0])
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

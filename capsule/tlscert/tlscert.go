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
	"syscall"
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

// ErrMissing is a certificate that is not there to load.
var ErrMissing = errors.New("no certificate")

// LoadGenerated loads the generated certificate for hostname from dir.
// When neither file exists the error wraps ErrMissing; a half pair or an
// unreadable file is an error for the operator to resolve, since a new key
// would break every client's pin.
func LoadGenerated(dir, hostname string) (tls.Certificate, error) {
	if err := checkHostname(hostname); err != nil {
		return tls.Certificate{}, err
	}
	certFile, keyFile := Paths(dir, hostname)
	_, certErr := os.Stat(certFile)
	_, keyErr := os.Stat(keyFile)
	switch {
	case certErr == nil && keyErr == nil:
		return Load(certFile, keyFile)
	case errors.Is(certErr, syscall.ENOTDIR) && errors.Is(keyErr, syscall.ENOTDIR):
		// Something in the folder's path is a file: nothing is there.
		return tls.Certificate{}, fmt.Errorf("%s: %w", certFile, ErrMissing)
	case !errors.Is(certErr, fs.ErrNotExist):
		if certErr == nil {
			return tls.Certificate{}, fmt.Errorf("%s exists but %s does not: restore the key from a backup (a new one would break every reader's TOFU pin), or remove both to start over", certFile, keyFile)
		}
		return tls.Certificate{}, certErr
	case !errors.Is(keyErr, fs.ErrNotExist):
		if keyErr == nil {
			return tls.Certificate{}, fmt.Errorf("%s exists but %s does not: restore the certificate from a backup, or remove both to start over", keyFile, certFile)
		}
		return tls.Certificate{}, keyErr
	}
	return tls.Certificate{}, fmt.Errorf("%s: %w", certFile, ErrMissing)
}

func checkHostname(hostname string) error {
	if hostname == "" || strings.ContainsAny(hostname, `/\`) || strings.HasPrefix(hostname, ".") {
		return fmt.Errorf("hostname %q cannot name a certificate file", hostname)
	}
	return nil
}

// FirstStart reports whether dir has never held a certificate: it is
// missing, or holds no .crt and no .key file (a README is fine). That is
// the only time a certificate may be created on its own: a folder that
// held certificates and lost this one was emptied by mistake, or the
// hostname changed, and either way a new key must be the operator's
// decision, not the daemon's.
func FirstStart(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext == ".crt" || ext == ".key" {
			return false, nil
		}
	}
	return true, nil
}

// CheckWritable reports whether a certificate could be written into dir:
// dir is a writable folder, or can be created.
func CheckWritable(dir string) error {
	target := dir
	for {
		info, err := os.Stat(target)
		if err == nil {
			if !info.IsDir() {
				return fmt.Errorf("certificates folder %s: %s is not a folder", dir, target)
			}
			if err := syscall.Access(target, 2 /* W_OK */); err != nil {
				return fmt.Errorf("certificates folder %s: %s is not writable by this user", dir, target)
			}
			return nil
		}
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return fmt.Errorf("certificates folder %s: %v", dir, err)
		}
		parent := filepath.Dir(target)
		if parent == target {
			return fmt.Errorf("certificates folder %s cannot be created", dir)
		}
		target = parent
	}
}

// Create creates a self-signed ECDSA P-256 certificate for hostname, valid
// for a century, and writes it and its key into dir (created if need be).
// It never replaces a file: either one existing already is an error.
func Create(dir, hostname string) (tls.Certificate, error) {
	if err := checkHostname(hostname); err != nil {
		return tls.Certificate{}, err
	}
	certFile, keyFile := Paths(dir, hostname)
	opts := certificate.CreateOptions{Subject: pkix.Name{CommonName: hostname}, Duration: certValidity}
	if ip := net.ParseIP(hostname); ip != nil {
		opts.IPAddresses = []net.IP{ip}
	} else {
		opts.DNSNames = []string{hostname}
	}
	cert, err := certificate.Create(opts) // ECDSA P-256 unless Ed25519 is asked for
	if err != nil {
		return tls.Certificate{}, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return tls.Certificate{}, err
	}
	key, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	if err := writeNew(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: key}), 0o600); err != nil {
		return tls.Certificate{}, err
	}
	if err := writeNew(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Leaf.Raw}), 0o644); err != nil {
		os.Remove(keyFile) // the key alone is of no use; let the next start retry
		return tls.Certificate{}, err
	}
	return cert, nil
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
	// Each is looked at before it is read: reading a named pipe would
	// wait for a writer, and the start or reload with it.
	for _, name := range []string{certFile, keyFile} {
		if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
			return tls.Certificate{}, fmt.Errorf("loading certificate %s with key %s: %s is not a regular file", certFile, keyFile, name)
		}
	}
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
	return FingerprintDER(cert.Certificate[0])
}

// FingerprintDER is Fingerprint of a DER-encoded certificate.
func FingerprintDER(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

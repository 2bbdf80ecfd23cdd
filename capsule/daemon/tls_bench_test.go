package daemon_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"testing"
	"time"
)

// selfSigned makes a certificate with the given key, as capsule's
// generated ones are made.
func selfSigned(b *testing.B, key any, pub any) tls.Certificate {
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		DNSNames: []string{"localhost"}, NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, pub, key)
	if err != nil {
		b.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// BenchmarkTLSHandshake measures a full TLS 1.3 handshake, client and
// server in one process over an in-memory pipe, for the certificate types a
// Gemini server could use and with and without the hybrid post-quantum key
// exchange that Go offers by default. It is what chose capsule's defaults:
// ECDSA P-256 certificates (cheaper than RSA, supported by every client,
// unlike Ed25519) and the post-quantum exchange kept on.
func BenchmarkTLSHandshake(b *testing.B) {
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	edPub, edKey, _ := ed25519.GenerateKey(rand.Reader)
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	certs := []struct {
		name string
		cert tls.Certificate
	}{
		{"ecdsa-p256", selfSigned(b, ec, &ec.PublicKey)},
		{"ed25519", selfSigned(b, edKey, edPub)},
		{"rsa-2048", selfSigned(b, rsaKey, &rsaKey.PublicKey)},
	}
	for _, c := range certs {
		for _, kex := range []struct {
			name   string
			curves []tls.CurveID
		}{{"post-quantum", nil}, {"x25519", []tls.CurveID{tls.X25519, tls.CurveP256}}} {
			b.Run(c.name+"/"+kex.name, func(b *testing.B) {
				server := &tls.Config{Certificates: []tls.Certificate{c.cert}, MinVersion: tls.VersionTLS12, CurvePreferences: kex.curves}
				client := &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"}
				for b.Loop() {
					cc, sc := net.Pipe()
					done := make(chan error, 1)
					go func() { done <- tls.Server(sc, server).Handshake() }()
					if err := tls.Client(cc, client).Handshake(); err != nil {
						b.Fatal(err)
					}
					if err := <-done; err != nil {
						b.Fatal(err)
					}
					cc.Close()
					sc.Close()
				}
			})
		}
	}
}

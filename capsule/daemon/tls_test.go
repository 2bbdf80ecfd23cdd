package daemon_test

import (
	"crypto/tls"
	"net"
)

// tlsDial connects as a Gemini client does: any certificate (trust on first
// use is the client's business), SNI for localhost.
func tlsDial(dialer *net.Dialer, addr string) (*tls.Conn, error) {
	return tls.DialWithDialer(dialer, "tcp", addr, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost", MinVersion: tls.VersionTLS12})
}

// tlsClient starts a Gemini client's TLS on an open connection.
func tlsClient(c net.Conn) *tls.Conn {
	return tls.Client(c, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost", MinVersion: tls.VersionTLS12})
}

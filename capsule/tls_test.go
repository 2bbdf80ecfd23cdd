package capsule

import (
	"crypto/tls"
	"net"
)

// tlsDial connects as a Gemini client does: any certificate (trust on first
// use is the client's business), SNI for localhost.
func tlsDial(dialer *net.Dialer, addr string) (*tls.Conn, error) {
	return tls.DialWithDialer(dialer, "tcp", addr, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost", MinVersion: tls.VersionTLS12})
}

package main

import (
	"bufio"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"time"
)

// The floor: servers that do the least a Gemini or Gopher server must do,
// read one request line and write a fixed response, so that capsule's
// figures can be read as ratios against it, measured in the same run. The
// Gemini floor uses the same certificate and TLS settings as capsuled.

func runFloor(args []string) {
	fs := flag.NewFlagSet("floor", flag.ExitOnError)
	certFile := fs.String("cert", "", "certificate (capsuled's)")
	keyFile := fs.String("key", "", "its key")
	geminiFile := fs.String("gemini-response", "", "file holding the Gemini response to send")
	gopherFile := fs.String("gopher-response", "", "file holding the Gopher response to send")
	pq := fs.Bool("post-quantum", true, "offer the hybrid post-quantum key exchange, as capsuled's default")
	fs.Parse(args)

	cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		log.Fatal(err)
	}
	gemResp, err := os.ReadFile(*geminiFile)
	if err != nil {
		log.Fatal(err)
	}
	gophResp, err := os.ReadFile(*gopherFile)
	if err != nil {
		log.Fatal(err)
	}
	gem, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	goph, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	conf := &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}, ClientAuth: tls.RequestClientCert}
	if !*pq {
		conf.CurvePreferences = classicCurves
	}
	go serveFloor(gem, func(c net.Conn) net.Conn { return tls.Server(c, conf) }, gemResp)
	go serveFloor(goph, func(c net.Conn) net.Conn { return c }, gophResp)
	fmt.Printf("floor gemini %s gopher %s\n", gem.Addr(), goph.Addr())
	select {} // until killed
}

func serveFloor(l net.Listener, wrap func(net.Conn) net.Conn, resp []byte) {
	for {
		c, err := l.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(10 * time.Second))
			conn := wrap(c)
			defer conn.Close()
			if _, err := bufio.NewReaderSize(io.LimitReader(conn, 1026), 1026).ReadSlice('\n'); err != nil {
				return
			}
			conn.Write(resp)
		}()
	}
}

// Command capsuled serves a folder of Markdown posts over Gemini and Gopher.
//
// It reads the posts once, renders every response into memory, and serves
// them until SIGINT or SIGTERM. See README.md for the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"capsule/capsule"
)

// shutdownTimeout bounds how long requests in flight may take to finish
// after a stop signal.
const shutdownTimeout = 10 * time.Second

func main() {
	var cfg capsule.Config
	flag.StringVar(&cfg.Posts, "posts", "./posts", "folder of Markdown `posts`")
	flag.StringVar(&cfg.Certs, "certs", "./certs", "folder for generated TLS certificates")
	flag.StringVar(&cfg.Hostname, "hostname", "localhost", "host `name` readers use; names the certificate")
	flag.StringVar(&cfg.GeminiAddr, "gemini", ":1965", "Gemini listen `address`")
	flag.StringVar(&cfg.GopherAddr, "gopher", ":7070", "Gopher listen `address`")
	flag.IntVar(&cfg.GopherPort, "gopher-port", 0, "`port` written into gopher menus (default the listen port)")
	flag.IntVar(&cfg.GopherWidth, "gopher-width", 70, "width of gopher text in display `cells` (CJK characters take two)")
	flag.StringVar(&cfg.CertFile, "cert", "", "PEM certificate `file` to use instead of a generated one (with -key)")
	flag.StringVar(&cfg.KeyFile, "key", "", "PEM private key `file` for -cert")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "capsuled: unexpected argument %q\n", flag.Arg(0))
		flag.Usage()
		os.Exit(2)
	}
	logger := log.New(os.Stderr, "capsuled: ", 0)
	cfg.Log = logger

	d, err := capsule.Start(cfg)
	if err != nil {
		var list capsule.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				fmt.Fprintln(os.Stderr, e)
			}
			plural := "s"
			if len(list) == 1 {
				plural = ""
			}
			logger.Fatalf("%d problem%s in %s; nothing served", len(list), plural, cfg.Posts)
		}
		logger.Fatal(err)
	}

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	exitCode := 0
	select {
	case s := <-sig:
		logger.Printf("%v: stopping", s)
	case err := <-d.Err():
		logger.Printf("%v: stopping", err)
		exitCode = 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	err = d.Shutdown(ctx)
	cancel()
	if err != nil {
		logger.Printf("shutdown: %v", err)
	}
	os.Exit(exitCode)
}

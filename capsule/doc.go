// Package capsule builds a blog into an immutable store of pre-rendered
// Gemini and Gopher responses, and runs the daemon that serves it.
//
// The data flows one way. Package content reads the posts folder: each
// post's front matter and its Markdown. Build parses each post once with
// goldmark, renders the AST to gemtext (package gemtext) and to gopher text
// and menus (package gopher), and puts each complete response into a Store.
// A Capsule holds the current Store behind an atomic pointer and answers
// requests with a map lookup; a reload builds a new Store beside the old
// one and swaps the pointer.
//
// Daemon wires a Capsule to the servers: package gemini (the Gemini
// protocol and its TLS server loop), package gopher (the Gopher server),
// each behind package guard (connection caps, rate limits, PROXY
// protocol). Package config holds the configuration, tlscert the
// certificate, systemd the service manager's protocols and search the
// index behind search pages.
package capsule

// Package capsule builds a blog into an immutable store of pre-rendered
// Gemini and Gopher responses, and serves it.
//
// The data flows one way. Load reads the posts folder once: each post's TOML
// front matter is decoded and its Markdown parsed once with goldmark. Build
// renders every AST to gemtext (package gemtext) and to gopher text and menus
// (package gopher) and puts each complete response into a Store. A Capsule
// holds the current Store behind an atomic pointer and answers requests with
// a map lookup and a write; a reload builds a new Store beside the old one and
// swaps the pointer. Daemon wires a Capsule to the Gemini and Gopher servers.
package capsule

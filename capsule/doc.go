// Package capsule builds a blog into an immutable store of pre-rendered
// Gemini and Gopher responses, and answers requests from it.
//
// The data flows one way. Package content reads the posts folder: each
// post's front matter and its Markdown. Build parses each post once with
// goldmark, renders the AST to gemtext (package gemtext) and to gopher text
// and menus (package gopher), and puts each complete response into a Store.
// A Capsule holds the current Store behind an atomic pointer and answers
// requests with a map lookup; a reload builds a new Store beside the old
// one and swaps the pointer.
//
// This package is the site alone: it reads no configuration, listens on
// nothing and keeps no time. Package daemon runs it: configuration,
// listeners, certificates, reloads, scheduled publication and logs.
package capsule

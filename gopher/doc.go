// Package gopher renders posts as Gopher text, builds Gopher menus and serves
// Gopher (RFC 1436) requests.
//
// Rendering is pure: a goldmark AST goes in, CRLF text comes out (see
// RenderPost and Wrap). Menus (Menu) use go-gopher's item model and encoding
// but sanitize every field, so that a title with a TAB cannot break a line;
// display strings lose control characters too (Sanitize). Output is bounded
// by input: RenderPost never writes more than OutputFactor times the post
// plus OutputSlack bytes, whatever the nesting or the tables (bounds.go).
// The Server is capsule's own accept loop rather than go-gopher's: it sets
// read and write deadlines, limits the request line, recovers from a panicking
// handler, and keeps accepting after temporary errors.
package gopher

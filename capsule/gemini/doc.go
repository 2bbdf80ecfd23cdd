// Package gemini is capsule's side of the Gemini protocol: reading and
// checking request lines, pre-rendered responses, and a server loop over
// crypto/tls that answers one request per connection.
//
// It knows nothing of sites or posts. A request is parsed into its host,
// port, path and query; which host is served, and what, is the caller's
// business (a Handler). Status codes are go-gemini's.
package gemini

// Package guard keeps one client from taking a server from the others: caps
// on open connections (in all and per client), per-client request rates,
// and the PROXY protocol that tells a client's address behind a load
// balancer. It serves both protocols and knows neither.
package guard

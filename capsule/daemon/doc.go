// Package daemon is the running capsule: it loads each site's posts,
// builds its Store (package capsule), and serves the Stores over Gemini
// (package gemini, one TLS listener for every site, the certificate chosen
// by SNI) and Gopher (package gopher, a listener per site), each behind
// package guard (connection caps, rate limits, the PROXY protocol).
//
// It owns what happens over time: reloads (SIGHUP or the watcher, a site
// at a time, the old Store serving until the new one is whole), the
// certificates at run time (created once, never replaced by a reload),
// scheduled posts published at their date, the access log, memory
// returned after reloads, HAProxy's agent, and Check, which builds
// everything a start would without serving it. Package config holds the
// configuration it is given.
package daemon

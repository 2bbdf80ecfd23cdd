// Package content reads a posts folder: each post's front matter and
// Markdown, standalone pages, the site file and the files beside the posts.
// Every problem is reported with its file and line, all of them at once.
// It renders nothing: the site package builds pages from what it loads.
package content

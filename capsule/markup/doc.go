// Package markup reads a post's Markdown once and lowers what real posts
// hold beyond Markdown — raw HTML, math, diagrams — into the Markdown
// nodes the renderers draw (package gemtext and package gopher draw
// CommonMark, GFM and footnotes, nothing else).
//
// Lowering writes Markdown: what an HTML block or a formula means is
// written as Markdown text after the post's own text in the Document's
// Source, parsed there by the same parser, and its nodes take the place of
// the node they stand for. Every renderer, the link check, the search
// index and the summaries then see plain Markdown nodes, and a link in an
// HTML figure is a link like any other.
//
// Nothing is lowered in silence: what cannot be drawn (a script, an
// element with no text and nothing to link) is told to the caller's Warn,
// one call per thing, with its offset in the post's own text.
package markup

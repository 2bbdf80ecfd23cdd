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
//
// # Raw HTML
//
// An HTML block (as goldmark finds it, by CommonMark's rules: it ends at
// a blank line) is read with golang.org/x/net/html's tokenizer, which
// decodes entities and attributes and reads <script> and <style> as HTML
// does, into a tree of its elements (see parseHTML: HTML's implied end
// tags of <p>, <li>, <td>, <tr>, <dt>, <dd> are kept), then written as
// Markdown:
//
//   - <p>, <div>, <center>, <section> and the other block elements are
//     paragraphs; <br> a line break; <h1>–<h6> headings; <ul>, <ol>,
//     <li> lists; <blockquote> a quote; <pre> a fenced code block (the
//     language of <code class="language-go"> its info string); <code>,
//     <kbd> code spans; <hr> a thematic break; <details> its <summary>
//     as a paragraph, then its content.
//   - <img src alt> is an image (data-src when src is empty); one without
//     src shows its alt text, one without either is warned of.
//   - <figure>: its images, then its <figcaption> as a paragraph; when
//     the figure has one image without alt text and the caption holds no
//     link, the caption is the image's text instead ("=> src caption").
//   - <a href> is a link around what it holds (an image too).
//   - <iframe>, <video>, <audio>, <embed>, <object>, <source> are a link
//     to what they show or play, labelled in the site's language
//     (Options.Labels): "Video: title", the title attribute, else the
//     host of an absolute address, else the address. What a <video> or
//     <audio> holds besides its sources (text for browsers that do not
//     play it) stays.
//   - <table> is a GFM table (its first row the header, "|" escaped in
//     cells, its <caption> a paragraph before it), drawn as the renderers
//     draw every table; one whose rows are so uneven that padding them
//     would write more empty cells than cells is a paragraph a row.
//   - <script> is dropped with a warning; <style>, <head>, <title>,
//     <meta>, <noscript> and comments are dropped: no reader is meant to
//     see them. <svg>, <canvas>, <math>, <input>, <select>, <button>
//     without text are dropped with a warning.
//   - Any other element (<span>, <strong>, <sup>, unknown ones) keeps its
//     text; the renderers draw no emphasis anyway.
//
// Text inside an element is read as Markdown inline: emphasis, links,
// code spans and entities work in it, as the WordPress-era posts that
// open a <p> and write Markdown in it expect, but its lines never start
// blocks (indents are dropped, a leading "#", "-", "1." is escaped): the
// blocks are the HTML's. The real posts' HTML text is prose with entities
// (&amp;, &lt;) and now and then **bold** or a [link](u) written into a
// <p>; read this way both show as meant. Text outside every element — the
// lines after "</p>" that CommonMark's HTML block swallows when no blank
// line follows the HTML — is Markdown as written, blocks included, as if
// the blank line were there.
//
// A Jekyll site's HTML is read as kramdown reads it (KramdownHTML): a
// block whose first element is still open at the blank line runs on to
// that element's end tag, blank and indented lines included, and all of
// it is text inside an element; CommonMark would end it at the blank line
// and show the indented lines after it as code.
//
// Inline raw HTML in a paragraph: <img> becomes an image, <a href> a link
// holding the nodes up to its </a> (or the next <a>, or the paragraph's
// end, as HTML closes it), an embed a link as above, <svg> and the like a
// warning; <br> and every other tag are left to the renderers, which
// draw <br> as a line break and drop the rest, keeping the text between.
//
// # Bounds
//
// Elements nest at most maxHTMLDepth (64) deep in the tree (deeper start
// tags are read as no tag, with a warning), so building it costs a few
// steps a tag; lists and quotes are written at most maxContainers (8)
// deep. The Markdown written for an HTML block is at most
// htmlOutputFactor (4) times its size plus htmlOutputSlack bytes: a
// conversion that would write more stops, and the block's text, tags
// dropped, is written instead, with a warning. Inline tags are read by
// one tokenizer for the whole post (parseTags). postgen.HTMLBombs holds
// the costliest inputs found to capsule's PostAllocFactor.
package markup

package capsule

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"capsule/capsule/content"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/postgen"
)

// hostileLines are the Markdown that costs goldmark and the renderers the
// most for its size, each repeated into a post.
var hostileLines = map[string]string{
	"emphasis": "*a", "strike": "~~a~~", "hard breaks": "a\\\n", "lines": "a\n", "items": "- a\n",
	"ordered items": "1. a\n", "tasks": "- [ ] a\n", "nested items": "- - - - - - - - a\n", "quotes": "> a\n",
	"quoted items": "> 1. - > a\n", "lazy quotes": "> a\nb\n", "headings": "# a\n", "rules": "***\n",
	"fences": "```\n", "code spans": "`a", "links": "[a](b)", "images": "![a](b)", "labels": "[a]\n",
	"references": "[a]: b\n", "notes": "[^a]", "note definitions": "[^a]: b\n", "html": "<b>", "autolinks": "www.a.b ",
	"entities": "&amp;", "escapes": "\\*", "one word": "a", "angles": "<", "tabs": "\ta\n", "cells": "|||\n",
	"japanese": "日本語の文章。",
}

// allocatedBy is how many bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// loadAndBuild loads dir and builds it, as a start does.
func loadAndBuild(dir string) error {
	c, err := content.Load(dir, content.LoadOptions{Settle: -1})
	if err != nil {
		return err
	}
	_, err = Build(context.Background(), &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}, c, BuildOptions{})
	return err
}

// TestPostsWithinMemoryBound loads and builds each bomb of the hostile
// input issues, and posts of the costliest Markdown: none allocates more
// than PostAllocFactor bytes a byte (plus PostAllocSlack). Before the
// bounds, 16 KB of table made 909 MiB, 60 KB of YAML 5.5 GB, and 40 KB of
// nested list 670 bytes a byte.
func TestPostsWithinMemoryBound(t *testing.T) {
	const front = "+++\ntitle = \"x\"\ndate = 2017-05-03\n+++\n"
	posts := make(map[string][]byte)
	for name, bomb := range postgen.Bombs() {
		src, _ := bomb(postgen.BombSize[name])
		posts["bomb "+name] = []byte(front + string(src[:min(len(src), content.DefaultMaxPostSize-len(front))]))
	}
	for name, bomb := range postgen.PostBombs() {
		posts["bomb "+name] = bomb(postgen.PostBombSize[name])
	}
	for name, bomb := range postgen.HTMLBombs() {
		posts["bomb "+name] = bomb(postgen.HTMLBombSize)
	}
	for name, line := range hostileLines {
		posts[name] = []byte(front + strings.Repeat(line, (256<<10)/len(line)))
	}
	for name, src := range posts {
		t.Run(name, func(t *testing.T) {
			dir := testfs.Write(t, map[string]string{"a.md": string(src)})
			var err error
			n := allocatedBy(func() { err = loadAndBuild(dir) })
			if limit := uint64(PostAllocFactor*len(src) + PostAllocSlack); n > limit && !raceEnabled {
				t.Errorf("%d bytes allocated %d (%d a byte), over %d (err %v)", len(src), n, n/uint64(len(src)), limit, err)
			}
			if err != nil && !strings.HasPrefix(err.Error(), filepath.Join(dir, "a.md")+":") {
				t.Errorf("error %q names no line of the post", err)
			}
			t.Logf("%s: %d bytes: %d allocated, %d a byte; refused %v", name, len(src), n, n/uint64(len(src)), err != nil)
		})
	}
}

// TestRealPostsAllocation logs what the sample blog costs a byte, the
// figure the bound is compared with.
func TestRealPostsAllocation(t *testing.T) {
	size := 0
	entries, err := os.ReadDir("../posts")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && !e.IsDir() {
			size += int(info.Size())
		}
	}
	var lerr error
	n := allocatedBy(func() { lerr = loadAndBuild("../posts") })
	if lerr != nil {
		t.Fatal(lerr)
	}
	if n > uint64(PostAllocFactor*size+PostAllocSlack) && !raceEnabled {
		t.Errorf("the sample posts, %d bytes, allocated %d", size, n)
	}
	t.Logf("%d bytes of posts: %d allocated, %d a byte", size, n, n/uint64(size))
}

// A post that is nothing but Liquid outputs of the site's longest
// variable ({{site.x}}, content's maxSiteVar bytes each) stays within
// the bound a byte every post keeps.
func TestSiteVariablesWithinMemoryBound(t *testing.T) {
	post := "---\ntitle: x\n---\n" + strings.Repeat("{{site.x}}", (256<<10)/10)
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: t\nx: \"" + strings.Repeat("a", 128) + "\"\n",
		"_posts/2020-01-01-a.md": post,
	})
	var err error
	n := allocatedBy(func() { err = loadAndBuild(dir) })
	if limit := uint64(PostAllocFactor*len(post) + PostAllocSlack); n > limit && !raceEnabled {
		t.Errorf("%d bytes allocated %d (%d a byte), over %d (err %v)", len(post), n, n/uint64(len(post)), limit, err)
	}
	t.Logf("%d bytes: %d allocated, %d a byte", len(post), n, n/uint64(len(post)))
}

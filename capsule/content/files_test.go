package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

func TestSymlinksOutsideArePassedOver(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "outside.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(dir, "inside.txt"), []byte("inside"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(goodPost), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "escape.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink("inside.txt", filepath.Join(dir, "alias.txt"))
	os.Symlink("/", filepath.Join(dir, "root"))
	c, err := loadStrict(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var served []string
	for _, f := range c.Files {
		served = append(served, f.Path)
	}
	if strings.Join(served, ",") != "alias.txt,inside.txt" {
		t.Errorf("files served: %v, want alias.txt and inside.txt only", served)
	}
	var warned []string
	for _, w := range c.Warnings {
		warned = append(warned, filepath.Base(w.File))
	}
	if !strings.Contains(strings.Join(warned, ","), "escape.txt") || !strings.Contains(strings.Join(warned, ","), "root") {
		t.Errorf("warnings %v, want escape.txt and root", c.Warnings)
	}
}

func TestFileSizeCaps(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost, "small.bin": strings.Repeat("x", 100), "big.bin": strings.Repeat("x", 2000)})
	_, err := loadStrict(dir, LoadOptions{MaxFileSize: 1000})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || !strings.HasPrefix(list[0].Error(), filepath.Join(dir, "big.bin")+": 2000 bytes, over the 1000-byte limit") {
		t.Errorf("one file over the cap: %v", err)
	}
	_, err = loadStrict(dir, LoadOptions{MaxFilesTotal: 2050})
	if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Error(), "over the 2050-byte limit (max_files_total)") {
		t.Errorf("files over the total cap: %v", err)
	}
	if _, err := loadStrict(dir, LoadOptions{}); err != nil {
		t.Errorf("under the default caps: %v", err)
	}
}

// A Jekyll site's files that start with front matter are templates
// Jekyll builds (feed.xml, a page in HTML): not served, each named in a
// warning of one kind. Other files, and such a file in another kind of
// folder, are served as they are. (The feed's template, Liquid and all,
// was served as /feed.xml.)
func TestJekyllTemplatesNotServed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: J\n",
		"_posts/2020-01-01-a.md": "---\ntitle: A\n---\ntext\n",
		"feed.xml":               "---\nlayout: null\n---\n<?xml version=\"1.0\"?><title>{{ site.title | xml_escape }}</title>\n",
		"css/main.scss":          "---\r\n---\r\n@import \"base\";\n",
		"css/bom.css":            "\ufeff---\nnot: read\n---\n",
		"about.html":             "--- \ntitle: About\n---\n<p>{{ page.title }}</p>\n",
		"images/notes.txt":       "---- not front matter\n",
		"images/dashes.txt":      "---not front matter either\n",
		"materials/slides.pdf":   "%PDF-1.4\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var served []string
	for _, f := range c.Files {
		served = append(served, f.Path)
	}
	slices.Sort(served)
	if got := strings.Join(served, ","); got != "css/bom.css,images/dashes.txt,images/notes.txt,materials/slides.pdf" {
		t.Errorf("served %s", got)
	}
	var named []string
	for _, w := range c.Warnings {
		if w.Kind == kindJekyllTemplate {
			named = append(named, filepath.Base(w.File))
		}
	}
	slices.Sort(named)
	if got := strings.Join(named, ","); got != "about.html,feed.xml,main.scss" {
		t.Errorf("warned of %s", got)
	}
	flat := testfs.Write(t, map[string]string{
		"2020-01-01-a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\ntext\n",
		"feed.xml":        "---\nlayout: null\n---\n",
	})
	if c, err := loadStrict(flat, LoadOptions{Settle: -1}); err != nil || len(c.Files) != 1 {
		t.Errorf("capsule's own folder: %v, files %v", err, c.Files)
	}
}

// Files over max_files_total are one problem for the first and one
// counting the others, whatever their number (a site's generated images,
// 367 MB of them, were a line each).
func TestFileTotalCapBounded(t *testing.T) {
	files := map[string]string{"a.md": goodPost}
	for i := range 30 {
		files[fmt.Sprintf("img/%02d.bin", i)] = strings.Repeat("x", 100)
	}
	dir := testfs.Write(t, files)
	_, err := loadStrict(dir, LoadOptions{MaxFilesTotal: 1050})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 ||
		!strings.Contains(list.Error(), "10.bin: brings the files beside the posts to 1100 bytes, over the 1050-byte limit (max_files_total)") ||
		!strings.Contains(list.Error(), "and 19 more files beside the posts over the 1050-byte limit (max_files_total): 3000 bytes in all") {
		t.Errorf("files over the total cap: %d problems, want 2: %v", len(list), err)
	}
}

package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"

	"capsule/capsule/internal/testfs"
)

// An Astro site's images in src/ that would bring the files beside the
// posts over max_files_total are not served, and named in one warning
// with their count and bytes; one over max_file_size is named in its own: before they were served at all, such a
// blog (machu/diary: 366 MB of photos) started with these links dead,
// and it must still start. A reload finds each unchanged post's images
// as the last load did, without reading its file again.
func TestAstroSrcImagesOverTheCapAndOnReload(t *testing.T) {
	img := strings.Repeat("x", 600)
	files := map[string]string{
		"astro.config.mjs": "export default {}\n",
		"tsconfig.json":    "{\"compilerOptions\": {\"paths\": {\"@/*\": [\"src/*\"]}}}\n",
	}
	for i := range 5 {
		name := string(rune('a' + i))
		files["src/assets/"+name+".png"] = img
		files["src/content/posts/"+name+".md"] = "---\ntitle: " + name + "\ndate: 2014-05-0" + string(rune('1'+i)) + "\n---\n![" + name + "](@/assets/" + name + ".png)\n"
	}
	// And one photo over the cap on one file.
	files["src/assets/big.png"] = strings.Repeat("x", 5000)
	files["src/content/posts/big.md"] = "---\ntitle: big\ndate: 2014-04-01\n---\n![big](@/assets/big.png)\n"
	dir := testfs.Write(t, files)
	testfs.Age(dir, time.Now().Add(-time.Hour))
	opts := LoadOptions{Settle: -1, MaxFilesTotal: 2000, MaxFileSize: 4096}
	c, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) > 0 {
		t.Fatalf("images over the cap are problems: %v", c.Problems)
	}
	served := 0
	for _, f := range c.Files {
		if strings.HasPrefix(f.Path, "src/assets/") {
			served++
		}
	}
	var warned, big []*FileError
	for _, w := range c.Warnings {
		switch w.Kind {
		case "images over max_files_total":
			warned = append(warned, w)
		case "image over max_file_size":
			big = append(big, w)
		}
	}
	if len(big) != 1 || !strings.HasSuffix(big[0].File, "big.png") {
		t.Errorf("the image over max_file_size: warnings %v, want one naming big.png", big)
	}
	if served != 3 || len(warned) != 1 || !strings.Contains(warned[0].Msg, "2 images in src/ that posts link (1200 bytes) not served") {
		t.Fatalf("%d images served, warnings %v; want 3 served and 2 named in one warning", served, warned)
	}

	// A reload: the posts' texts were forgotten; each one's images are
	// the last load's, not found again in its file.
	c.Forget()
	post := filepath.Join(dir, "src/content/posts/a.md")
	first := c.cache.srcImages[post]
	opts.Previous = c
	got, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	again := got.cache.srcImages[post]
	if len(first.imgs) != 1 || len(again.imgs) != 1 || unsafe.SliceData(again.imgs) != unsafe.SliceData(first.imgs) {
		t.Errorf("a.md's images on the reload: %v, first %v (want the same, taken)", again.imgs, first.imgs)
	}
	// Edited, its images are found again.
	os.WriteFile(post, []byte("---\ntitle: a\ndate: 2014-05-01\n---\n![a](@/assets/a.png) ![b](@/assets/b.png)\n"), 0o644)
	testfs.Age(post, time.Now().Add(-time.Minute))
	got.Forget()
	opts.Previous = got
	edited, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if imgs := edited.cache.srcImages[post].imgs; len(imgs) != 2 {
		t.Errorf("the edited post's images: %v, want a.png and b.png", imgs)
	}
}

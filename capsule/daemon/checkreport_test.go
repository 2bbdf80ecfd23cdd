package daemon

import "testing"

func TestFolderName(t *testing.T) {
	for dir, want := range map[string]string{
		"posts": "./posts", "posts/": "./posts", "./posts": "./posts", "../posts": "../posts",
		"/srv/posts": "/srv/posts", ".": ".", "..": "..", "a/../b": "./b", ".hidden": "./.hidden",
	} {
		if got := FolderName(dir); got != want {
			t.Errorf("FolderName(%q) = %q, want %q", dir, got, want)
		}
	}
}

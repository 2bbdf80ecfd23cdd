package capsule_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/tlscert"
)

// aPost is a published post, for folders that need one.
const aPost = "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\nhello\n"

// mustCertificate makes a certificate and key for host in dir, as a
// first start does.
func mustCertificate(t *testing.T, dir, host string) {
	t.Helper()
	if _, err := tlscert.Create(dir, host); err != nil {
		t.Fatal(err)
	}
}

// servedAnywhere fetches path on both protocols of the main site and
// reports what either answered, or "" when both said not found.
func servedAnywhere(t *testing.T, d *daemon.Daemon, path string) string {
	t.Helper()
	if h, body := servetest.GeminiAs(t, d, path, nil); !strings.HasPrefix(h, "51 ") {
		return "gemini " + h + " " + clipText(body)
	}
	if g := servetest.GopherGet(t, d, path+"\r\n"); !strings.HasPrefix(g, "3") {
		return "gopher " + clipText(g)
	}
	return ""
}

func clipText(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// wantWarning checks that one of warns is on file and says msg.
func wantWarning(t *testing.T, warns []*content.FileError, file, msg string) {
	t.Helper()
	for _, w := range warns {
		if w.File == file && strings.Contains(w.Msg, msg) {
			return
		}
	}
	t.Errorf("no warning on %s saying %q; warnings:\n%v", file, msg, warns)
}

// capsuled -posts . -certs ./certs: the certificates folder inside the
// posts folder, an operator's certificate and key in it under names that
// say nothing, keys by their extension and by their content. None is
// served on either protocol, and -check (capsule.Check) warns about each,
// naming it; the files beside them still are.
func TestKeysInThePostsFolderAreNeverServed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md":             aPost,
		"images/photo.png": "PNG",
		"notes/server.key": "not even PEM: the name is enough",
		"notes/backup.P12": "PKCS12",
	})
	certs := filepath.Join(dir, "certs")
	mustCertificate(t, certs, "localhost")
	// An operator's certificate (ACME's) inside the posts folder, under
	// names no rule on names would catch.
	mustCertificate(t, filepath.Join(dir, "tls"), "example")
	os.Rename(filepath.Join(dir, "tls", "example.crt"), filepath.Join(dir, "tls", "fullchain"))
	os.Rename(filepath.Join(dir, "tls", "example.key"), filepath.Join(dir, "tls", "privkey"))
	// A private key pasted into a text file, after other text.
	key, err := os.ReadFile(filepath.Join(certs, "localhost.key"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "notes", "todo.txt"), append([]byte("remember to renew\n\n"), key...), 0o644)
	options := func(c *config.Config) {
		c.Posts, c.Certs = dir, certs
		c.CertFile, c.KeyFile = filepath.Join(dir, "tls", "fullchain"), filepath.Join(dir, "tls", "privkey")
	}
	d := servetest.Start(t, options)
	for _, path := range []string{"/certs/localhost.key", "/certs/localhost.crt", "/tls/fullchain", "/tls/privkey",
		"/notes/server.key", "/notes/backup.P12", "/notes/todo.txt"} {
		if got := servedAnywhere(t, d, path); got != "" {
			t.Errorf("%s is served: %s", path, got)
		}
	}
	if h, body := servetest.GeminiAs(t, d, "/images/photo.png", nil); h != "20 image/png" || body != "PNG" {
		t.Errorf("a photo beside the posts: %q %q", h, body)
	}

	cfg := servetest.Config(t)
	options(&cfg)
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatal(err)
	}
	wantWarning(t, sum.Warnings, certs, "the certificates folder (gemini.certs, -certs) is inside the posts folder: never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "tls", "fullchain"), "the certificate file (gemini.cert, -cert) is inside the posts folder: never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "tls", "privkey"), "the key file (gemini.key, -key) is inside the posts folder: never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "notes", "server.key"), "a certificate or key file (.key): never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "notes", "backup.P12"), "a certificate or key file (.p12): never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "notes", "todo.txt"), `holds a private key (a PEM block "PRIVATE KEY"): never served`)
	if sum.Files != 1 {
		t.Errorf("-check counts %d files, want 1 (the photo)", sum.Files)
	}
}

// A [[site]] whose posts folder is the certificates folder serves none of
// its files: neither the main site's key nor its own, on either protocol.
func TestSiteWhosePostsAreTheCertificatesFolder(t *testing.T) {
	certs := t.TempDir()
	mustCertificate(t, certs, "localhost")
	mustCertificate(t, filepath.Join(certs, "b.localhost"), "b.localhost")
	os.WriteFile(filepath.Join(certs, "hello.md"), []byte(aPost), 0o644)
	os.WriteFile(filepath.Join(certs, "notes.txt"), []byte("a note"), 0o644)
	options := func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{"a.md": aPost})
		c.Certs = certs
		c.Sites = []config.SiteConfig{{Hostname: "b.localhost", Posts: certs, GopherAddr: "127.0.0.1:0"}}
	}
	d := servetest.Start(t, options)
	bGopher := d.GopherAddrOf("b.localhost").String()
	for _, path := range []string{"/localhost.key", "/localhost.crt", "/b.localhost/b.localhost.key", "/notes.txt"} {
		if got, _ := servetest.GeminiSNI(t, d, "b.localhost", "gemini://b.localhost:"+strconv.Itoa(servetest.Port(d.GeminiAddr()))+path); !strings.HasPrefix(got, "51 ") {
			t.Errorf("site b, gemini %s: %q", path, clipText(got))
		}
		if got := servetest.GopherGetAt(t, bGopher, path+"\r\n"); !strings.HasPrefix(got, "3") {
			t.Errorf("site b, gopher %s: %q", path, clipText(got))
		}
	}
	if got := servetest.GopherGetAt(t, bGopher, "/posts/hello.txt\r\n"); !strings.Contains(got, "hello") {
		t.Errorf("site b's post: %q", got)
	}
	cfg := servetest.Config(t)
	options(&cfg)
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatal(err)
	}
	wantWarning(t, sum.Warnings, certs, "the posts folder is the certificates folder (gemini.certs, -certs): none of its files is served")
}

// Patterns of exclude leave paths out, neither posts nor files, on every
// site; the rest is served.
func TestExcludedPathsAreNeitherPostsNorFiles(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"posts/a.md":                aPost,
		"posts/old.md":              "+++\ntitle = \"Old\"\ndate = 2019-01-01\n+++\nold\n",
		"drafts-old/x.md":           "+++\ntitle = \"Old draft\"\ndate = 2018-01-01\n+++\n",
		"drafts-old/pic.png":        "PNG",
		"images/cover.psd":          "PSD",
		"images/deep/layers.PSD":    "PSD",
		"images/cover.png":          "PNG",
		"tmp/cache.bin":             "BIN",
		"images/tmp":                "a file named tmp, not a folder",
		"posts/bundle/index.md":     "+++\ntitle = \"Bundle\"\ndate = 2021-01-01\n+++\n",
		"posts/bundle/scratch.psd":  "PSD",
		"posts/bundle/cover.png":    "PNG",
		"posts/bundle/raw/img.tiff": "TIFF",
	})
	options := func(c *config.Config) {
		c.Posts = dir
		c.Exclude = []string{"drafts-old/**", "*.psd", "tmp/", "/posts/old.md", "posts/*/raw"}
	}
	d := servetest.Start(t, options)
	for _, path := range []string{"/drafts-old/pic.png", "/images/cover.psd", "/tmp/cache.bin",
		"/posts/old.gmi", "/posts/x.gmi", "/posts/bundle/scratch.psd", "/posts/bundle/raw/img.tiff"} {
		if got := servedAnywhere(t, d, path); got != "" {
			t.Errorf("%s is served: %s", path, got)
		}
	}
	// "tmp/" is folders only; patterns match case as .gitignore does on
	// Linux.
	for _, path := range []string{"/images/cover.png", "/images/tmp", "/posts/bundle/cover.png", "/images/deep/layers.PSD", "/posts/a.gmi", "/posts/bundle.gmi"} {
		if h, _ := servetest.GeminiAs(t, d, path, nil); !strings.HasPrefix(h, "20 ") {
			t.Errorf("%s: %q, want it served", path, h)
		}
	}
	cfg := servetest.Config(t)
	options(&cfg)
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Posts != 2 || len(sum.Warnings) != 0 {
		t.Errorf("-check: %d posts (want 2), warnings %v (want none: the operator chose)", sum.Posts, sum.Warnings)
	}
	// A pattern that cannot be read is the configuration's problem.
	cfg.Exclude = []string{"!keep.psd"}
	if _, err := daemon.Check(cfg); err == nil || !strings.Contains(err.Error(), "negation (!) is not supported") {
		t.Errorf("a negated pattern: %v", err)
	}
}

// An editor's backup and autosave files beside a post (ikeda46's page
// bundle held "#index.md#") hold an unfinished or old text: Hugo and
// Jekyll leave names starting with "#" or ending in "~" out of their
// sites, and capsule serves them on neither protocol; the bundle's own
// files still are.
func TestEditorBackupFilesAreNotServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":                      "title = \"t\"\n",
			"content/posts/trip/index.md":    "---\ntitle: Trip\ndate: 2024-01-01\n---\nDone.\n",
			"content/posts/trip/photo.png":   "PNG",
			"content/posts/trip/index.md~":   "---\ntitle: Trip\n---\nOld draft with the address.\n",
			"content/posts/trip/#index.md#":  "Unfinished text.\n",
			"content/posts/trip/notes.txt~":  "private notes\n",
			"content/posts/#autosave#/x.png": "PNG",
		})
	})
	for _, path := range []string{"/posts/trip/index.md~", "/posts/trip/%23index.md%23", "/posts/trip/notes.txt~", "/posts/%23autosave%23/x.png"} {
		if got := servedAnywhere(t, d, path); got != "" {
			t.Errorf("%s is served: %s", path, got)
		}
	}
	if got := servedAnywhere(t, d, "/posts/trip/photo.png"); got == "" {
		t.Errorf("the bundle's photo is not served")
	}
}

// Server-side scripts and databases beside the posts (a WordPress blog
// moved to Jekyll: wp-config.php with the database's password, CGI
// scripts, a SQL dump) are never served: a web server runs a script and
// never sends its text. Code a static site offers as text (a .py, a .sh)
// still is, as on the web.
func TestServerScriptsAndDatabasesAreNeverServed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":            "title: t\n",
		"_posts/2010-01-01-a.md": "---\ntitle: A\n---\nx\n",
		"wp-config.php":          "<?php define('DB_PASSWORD', 'hunter2');",
		"index.PHP5":             "<?php",
		"entry.cgi":              "#!/usr/bin/ruby",
		"cgi-bin/mail.pl":        "#!/usr/bin/perl",
		"old/dump.sql":           "INSERT INTO wp_users",
		"old/blog.sqlite3":       "SQLite format 3",
		"old/wp-config.php.bak":  "<?php define('DB_PASSWORD', 'hunter2');",
		"downloads/example.py":   "print('hi')",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	for _, path := range []string{"/wp-config.php", "/index.PHP5", "/entry.cgi", "/cgi-bin/mail.pl", "/old/dump.sql", "/old/blog.sqlite3", "/old/wp-config.php.bak"} {
		if got := servedAnywhere(t, d, path); got != "" {
			t.Errorf("%s is served: %s", path, got)
		}
	}
	if h, body := servetest.GeminiAs(t, d, "/downloads/example.py", nil); !strings.HasPrefix(h, "20 ") || body != "print('hi')" {
		t.Errorf("a script offered as text: %q %q", h, body)
	}
	cfg := servetest.Config(t)
	cfg.Posts = dir
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatal(err)
	}
	wantWarning(t, sum.Warnings, filepath.Join(dir, "wp-config.php"), "a server-side script (.php): never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "old", "dump.sql"), "a database or its dump (.sql): never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "old", "wp-config.php.bak"), "a backup (.bak): never served")
}

// What the operators' trial found served beside the posts: a flat
// folder's config.toml with a password, an AWS credentials file, a
// KeePass database, a PEM key saved in UTF-16. None is served, each a
// warning; a configuration without a credential, one that takes its
// password from the environment, and a post that shows a password line
// are served.
func TestCredentialsAndPasswordStoresAreNeverServed(t *testing.T) {
	utf16Key := []byte{0xff, 0xfe}
	for _, c := range "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n" {
		utf16Key = append(utf16Key, byte(c), 0)
	}
	var gz, gzText bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n"))
	zw.Close()
	zw = gzip.NewWriter(&gzText)
	zw.Write([]byte("notes, no key\n"))
	zw.Close()
	dir := testfs.Write(t, map[string]string{
		"keys/key.txt.gz":       gz.String(),
		"downloads/notes.gz":    gzText.String(),
		"2010-01-01-a.md":       "+++\ntitle = \"A\"\ndate = 2010-01-01\n+++\n```toml\npassword = \"hunter2\"\n```\n",
		"config.toml":           "[mail]\nuser = \"me\"\npassword = \"hunter2\"\n",
		"aws/credentials":       "[default]\naws_access_key_id = AKIA...\naws_secret_access_key = abc/def\n",
		"vault.kdbx":            "\x03\xd9\xa2\x9a",
		"keys/utf16key.txt":     string(utf16Key),
		"site/app.json":         "{\n  \"name\": \"x\",\n  \"apiKey\": \"AIzaSy...\"\n}\n",
		"site/public.toml":      "title = \"t\"\npassword_file = \"/run/secret\"\n",
		"site/from-env.yaml":    "smtp:\n  password: ${SMTP_PASSWORD}\n",
		"notes/htpasswd":        "me:$apr1$abc$def\n",
		"downloads/example.txt": "password = hunter2 is a bad password\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	for _, path := range []string{"/config.toml", "/aws/credentials", "/vault.kdbx", "/keys/utf16key.txt", "/site/app.json", "/notes/htpasswd", "/keys/key.txt.gz"} {
		if got := servedAnywhere(t, d, path); got != "" {
			t.Errorf("%s is served: %s", path, got)
		}
	}
	for _, path := range []string{"/site/public.toml", "/site/from-env.yaml", "/downloads/example.txt", "/downloads/notes.gz"} {
		if h, _ := servetest.GeminiAs(t, d, path, nil); !strings.HasPrefix(h, "20 ") {
			t.Errorf("%s: %q", path, h)
		}
	}
	if h, body := servetest.GeminiAs(t, d, "/posts/2010-01-01-a.gmi", nil); !strings.Contains(body, "password = \"hunter2\"") {
		t.Errorf("the post's example: %s\n%s", h, body)
	}
	cfg := servetest.Config(t)
	cfg.Posts = dir
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatal(err)
	}
	wantWarning(t, sum.Warnings, filepath.Join(dir, "config.toml"), "a configuration file that seems to hold a credential (password is given a value): never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "aws", "credentials"), "a file of passwords or their hashes (credentials): never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "site", "app.json"), "seems to hold a credential (apiKey is given a value)")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "vault.kdbx"), "a password manager's file (.kdbx): never served")
	wantWarning(t, sum.Warnings, filepath.Join(dir, "keys", "utf16key.txt"), `holds a private key (a PEM block "PRIVATE KEY, in UTF-16")`)
	wantWarning(t, sum.Warnings, filepath.Join(dir, "keys", "key.txt.gz"), `a gzip file holding a private key (a PEM block "RSA PRIVATE KEY")`)
}

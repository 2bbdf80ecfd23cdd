package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"capsule/capsule/content"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "capsule.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadConfigFile(t *testing.T) {
	path := writeConfig(t, `
title = "題"
description = "説明"
hostname = "example.org"
lang = "ja"
timezone = "Asia/Tokyo"
posts = "/srv/posts"
read_timeout = "5s"
write_timeout = "1m"

[gemini]
listen = "[::]:1965"
certs = "/var/lib/capsule"
cert = "/etc/cert.pem"
key = "/etc/key.pem"

[gopher]
listen = ":70"
port = 70
width = 72

[log]
access = false
ips = true
`)
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil {
		t.Fatal(err)
	}
	want := NewConfig()
	want.Title, want.Description, want.Hostname, want.Lang, want.Timezone, want.Posts = "題", "説明", "example.org", "ja", "Asia/Tokyo", "/srv/posts"
	want.ReadTimeout, want.WriteTimeout = 5*time.Second, time.Minute
	want.GeminiAddr, want.Certs, want.CertFile, want.KeyFile = "[::]:1965", "/var/lib/capsule", "/etc/cert.pem", "/etc/key.pem"
	want.GopherAddr, want.GopherPort, want.GopherWidth = ":70", 70, 72
	want.AccessLog, want.LogIPs = false, true
	want.origins = cfg.origins // where the values came from: see TestProblemsNameTheFilesLine
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config\n%+v\nwant\n%+v", cfg, want)
	}
}

func TestReadConfigFileKeepsWhatItDoesNotName(t *testing.T) {
	cfg := NewConfig()
	cfg.Hostname = "from-flag-default"
	if err := ReadConfigFile(writeConfig(t, "[gopher]\nwidth = 60\n"), &cfg); err != nil {
		t.Fatal(err)
	}
	want := NewConfig()
	want.Hostname, want.GopherWidth = "from-flag-default", 60
	want.origins = cfg.origins
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config\n%+v\nwant\n%+v", cfg, want)
	}
}

func TestReadConfigFileErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "line: message" prefixes
	}{
		{"unknown keys", "hostname = \"a\"\ncolour = \"blue\"\n\n[gopher]\nwidht = 60\n", []string{`2: unknown key "colour"`, `5: unknown key gopher.widht: did you mean width?`}},
		{"unknown section", "title = \"t\"\n[web]\nlisten = \":80\"\n", []string{`2: unknown section [web]`}},
		{"wrong type", "hostname = \"a\"\n[gopher]\nport = \"seventy\"\n", []string{"3: gopher.port must be a whole number, e.g. port = 70"}},
		{"syntax", "hostname = \"a\"\ntitle = \n", []string{"2: "}},
		{"bad duration", "read_timeout = \"soon\"\n", []string{"1: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.text)
			cfg := NewConfig()
			err := ReadConfigFile(path, &cfg)
			var list content.ErrorList
			if !errors.As(err, &list) || len(list) != len(tt.want) {
				t.Fatalf("error %v, want %d errors", err, len(tt.want))
			}
			for i, e := range list {
				if want := path + ":" + tt.want[i]; !strings.HasPrefix(e.Error(), want) {
					t.Errorf("error %d = %s, want %s…", i, e, want)
				}
			}
			if !reflect.DeepEqual(cfg, NewConfig()) {
				t.Error("a broken file changed the configuration")
			}
		})
	}
}

func TestConfigCheck(t *testing.T) {
	for name, change := range map[string]func(*Config){
		"timezone":     func(c *Config) { c.Timezone = "Mars/Olympus" },
		"cert alone":   func(c *Config) { c.CertFile = "x.pem" },
		"narrow":       func(c *Config) { c.GopherWidth = 5 },
		"port":         func(c *Config) { c.GopherPort = 70000 },
		"no timeout":   func(c *Config) { c.ReadTimeout = 0 },
		"no host name": func(c *Config) { c.Hostname = "" },
	} {
		cfg := NewConfig()
		change(&cfg)
		if err := cfg.Check(); err == nil {
			t.Errorf("%s: Check accepted %+v", name, cfg)
		}
	}
	// No zone by default: the blog's configuration's, else UTC (content.Load).
	cfg := NewConfig()
	if err := cfg.Check(); err != nil || cfg.Location != nil {
		t.Errorf("defaults: %v, zone %v", err, cfg.Location)
	}
	cfg.Timezone = "Asia/Tokyo"
	if err := cfg.Check(); err != nil || cfg.Location.String() != "Asia/Tokyo" {
		t.Errorf("Asia/Tokyo: %v, zone %v", err, cfg.Location)
	}
}

// The example configuration stays valid: every key it shows is one capsule
// reads.
func TestExampleConfig(t *testing.T) {
	cfg := NewConfig()
	if err := ReadConfigFile("../../contrib/capsule.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Hostname != "example.org" || cfg.GopherPort != 70 || cfg.Timezone != "" {
		t.Errorf("example config read as %+v", cfg)
	}
	cfg.Log = nil
	if err := cfg.Check(); err != nil {
		t.Error(err)
	}
}

// Paths in a configuration file are from its folder, not from the folder
// capsuled runs in (/ under systemd).
func TestPathsFromTheFilesFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "capsule.toml")
	os.WriteFile(path, []byte("posts = \"myblog/content\"\n[gemini]\ncerts = \"certs\"\ncert = \"/etc/abs.pem\"\nkey = \"../k.pem\"\n"+
		"[[site]]\nhostname = \"en.example\"\nposts = \"en\"\ngopher_listen = \":71\"\n"), 0o644)
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Posts != filepath.Join(dir, "myblog/content") || cfg.Certs != filepath.Join(dir, "certs") ||
		cfg.CertFile != "/etc/abs.pem" || cfg.KeyFile != filepath.Join(filepath.Dir(dir), "k.pem") ||
		cfg.Sites[0].Posts != filepath.Join(dir, "en") {
		t.Errorf("posts %s, certs %s, cert %s, key %s, site posts %s", cfg.Posts, cfg.Certs, cfg.CertFile, cfg.KeyFile, cfg.Sites[0].Posts)
	}
}

// A problem found when the configuration is checked names the file's line
// of the value, unless a flag set it; so does a posts folder the file
// names that does not exist.
func TestProblemsNameTheFilesLine(t *testing.T) {
	path := writeConfig(t, "title = \"x\"\nposts = \"nowhere\"\n[gemini]\ncert = \"/etc/c.pem\"\n")
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), path+":4: a certificate file and a key file go together") {
		t.Errorf("Check: %v", err)
	}
	_, err := content.Load(cfg.Posts, cfg.LoadOptions())
	if want := path + ":2: posts: " + filepath.Join(filepath.Dir(path), "nowhere") + ": the posts folder does not exist"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load: %v\nwant %s…", err, want)
	}
	cfg.CertFile, cfg.Posts = "/etc/flag.pem", filepath.Join(t.TempDir(), "flag") // as flags would
	if err := cfg.Check(); err == nil || strings.Contains(err.Error(), path) {
		t.Errorf("a flag's value blamed on the file: %v", err)
	}
	if _, err := content.Load(cfg.Posts, cfg.LoadOptions()); err == nil || strings.Contains(err.Error(), path) {
		t.Errorf("a flag's folder blamed on the file: %v", err)
	}
}

// The example configuration shows every key capsule reads, each in its
// table, set or commented out (the README calls it "a commented example
// with every key"), and every key of [[site]].
func TestExampleConfigShowsEveryKey(t *testing.T) {
	b, err := os.ReadFile("../../contrib/capsule.toml")
	if err != nil {
		t.Fatal(err)
	}
	// Each line's key, with the table it is in: "files.max_size".
	shown := map[string]bool{}
	table := ""
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "#"))
		switch {
		case strings.HasPrefix(line, "[[") && strings.HasSuffix(line, "]]"):
			table = strings.Trim(line, "[]")
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			table = strings.Trim(line, "[]")
		default:
			key, _, ok := strings.Cut(line, " =")
			if !ok || strings.ContainsAny(key, " \"") {
				continue
			}
			if table != "" {
				key = table + "." + key
			}
			shown[key] = true
		}
	}
	for _, k := range fileKeys {
		if !shown[k.name] && !strings.HasPrefix(k.name, "messages.") {
			t.Errorf("contrib/capsule.toml does not show %s", k.name)
		}
	}
	for _, k := range siteKeys {
		if !shown["site."+k] {
			t.Errorf("contrib/capsule.toml does not show [[site]]'s %s", k)
		}
	}
}

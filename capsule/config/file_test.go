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

// readProblems reads text as a configuration file and returns its
// problems as "line: message".
func readProblems(t *testing.T, text string) []string {
	t.Helper()
	path := writeConfig(t, text)
	cfg := NewConfig()
	err := ReadConfigFile(path, &cfg)
	var list content.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T), want an ErrorList", err, err)
	}
	if !reflect.DeepEqual(cfg, NewConfig()) {
		t.Error("a broken file changed the configuration")
	}
	var got []string
	for _, e := range list {
		got = append(got, strings.TrimPrefix(e.Error(), path+":"))
	}
	return got
}

func checkProblems(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every problem of the file is reported at once, each at its key's line: a
// value of the wrong type no longer hides the others.
func TestConfigFileProblemsTogether(t *testing.T) {
	got := readProblems(t, `hostname = "example.org"
timezone = "Mars/Olympus"
read_timeout = 10
write_timeout = "soon"
post-budget = "5s"

[gemeni]
listen = ":1965"

[gemini]
proxy_protocol = "yes"
hostname = "example.net"

[gopher]
width = "seventy"
port = 70000
widht = 72

[limits]
rate = "fast"
burst = -1
max_conns = 1.5

[proxy]
trusted = "127.0.0.1"

[log]
access = 1
`)
	checkProblems(t, got, []string{
		`2: timezone "Mars/Olympus" is not a time zone, e.g. timezone = "Asia/Tokyo"`,
		`3: read_timeout must be a duration in quotes ("30s", "1m30s"), e.g. read_timeout = "10s"`,
		`4: write_timeout "soon" is not a duration, e.g. write_timeout = "30s" (units: ms, s, m, h)`,
		`5: unknown key post-budget: did you mean post_budget?`,
		`7: unknown section [gemeni]: did you mean [gemini]?`,
		`11: gemini.proxy_protocol must be true or false, e.g. proxy_protocol = true`,
		`12: unknown key gemini.hostname: hostname belongs before the first [section] (a key after [gemini] is in it)`,
		`15: gopher.width must be a whole number, e.g. width = 70`,
		`16: gopher.port 70000 is not a port (1 to 65535, or 0 for the listen port), e.g. port = 70`,
		`17: unknown key gopher.widht: did you mean width?`,
		`20: limits.rate must be a number, e.g. rate = 10`,
		`21: limits.burst must not be negative (0 turns it off), e.g. burst = 20`,
		`22: limits.max_conns must be a whole number, e.g. max_conns = 1024`,
		`25: proxy.trusted must be a list of strings, e.g. trusted = ["127.0.0.1", "10.0.0.0/8"]`,
		`28: log.access must be true or false, e.g. access = true`,
	})
}

func TestConfigFileUnknownKeys(t *testing.T) {
	got := readProblems(t, `Hostname = "a"
gopher-width = 60
listen = ":70"
colour = "blue"
[limit]
rate = 1
[gopher]
port_number = 70
colour = "red"
[[log]]
access = true
`)
	checkProblems(t, got, []string{
		`1: unknown key Hostname: did you mean hostname?`,
		`2: unknown key gopher-width: did you mean width in [gopher]?`,
		`3: unknown key listen: listen belongs in [gemini], [gopher] or [metrics]`,
		`4: unknown key "colour" (keys before the first [section]: title, description, lang, hostname, timezone, posts, favicon, post_budget, exclude, watch, layout, cache, memory_limit, read_timeout, write_timeout)`,
		`5: unknown section [limit]: did you mean [limits]?`,
		`8: unknown key "gopher.port_number" (keys of [gopher]: listen, port, width, proxy_protocol)`,
		`9: unknown key "gopher.colour" (keys of [gopher]: listen, port, width, proxy_protocol)`,
		`10: log is a section: write [log] on a line of its own, then its keys`,
	})
}

func TestConfigFileMissing(t *testing.T) {
	cfg := NewConfig()
	err := ReadConfigFile("/no/such/capsule.toml", &cfg)
	var list content.ErrorList
	if !errors.As(err, &list) || err.Error() != "/no/such/capsule.toml: cannot read the configuration file: no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
}

// Every key of the file is in fileKeys once, and goes to a field of the
// kind it says.
func TestFileKeys(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range fileKeys {
		if seen[k.name] {
			t.Errorf("%s twice", k.name)
		}
		seen[k.name] = true
		var cfg Config
		switch k.field(&cfg).(type) {
		case *string:
			if k.kind != kindString {
				t.Errorf("%s: a string field of kind %s", k.name, k.kind)
			}
		case *int, *int64:
			if k.kind != kindWhole && k.kind != kindBytes {
				t.Errorf("%s: a whole number field of kind %s", k.name, k.kind)
			}
		case *float64:
			if k.kind != kindNumber {
				t.Errorf("%s: a number field of kind %s", k.name, k.kind)
			}
		case *bool:
			if k.kind != kindBool {
				t.Errorf("%s: a bool field of kind %s", k.name, k.kind)
			}
		case *time.Duration:
			if k.kind != kindDuration {
				t.Errorf("%s: a duration field of kind %s", k.name, k.kind)
			}
		case *[]string:
			if k.kind != kindStrings {
				t.Errorf("%s: a list field of kind %s", k.name, k.kind)
			}
		default:
			t.Errorf("%s: a field of type %T", k.name, k.field(&cfg))
		}
	}
}

func TestMemoryLimit(t *testing.T) {
	for in, want := range map[string]int64{"768MiB": 768 << 20, "1GiB": 1 << 30, "1000": 1000, "512 MiB": 512 << 20} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "1GB", "-1MiB", "lots", "99999999999TiB"} {
		if _, err := ParseBytes(in); err == nil {
			t.Errorf("ParseBytes(%q): no error", in)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "c.toml")
	os.WriteFile(path, []byte("memory_limit = \"400MiB\"\n"), 0o644)
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil || cfg.MemoryLimit != 400<<20 {
		t.Errorf("memory_limit = \"400MiB\": %d, %v", cfg.MemoryLimit, err)
	}
	os.WriteFile(path, []byte("memory_limit = \"400MB\"\n"), 0o644)
	if err := ReadConfigFile(path, &cfg); err == nil || !strings.Contains(err.Error(), `1: memory_limit "400MB" is not a size`) {
		t.Errorf("memory_limit = \"400MB\": %v", err)
	}
}

// [[site]] tables: several sites in one file, each checked.
func TestSiteTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(path, []byte(`hostname = "example.org"
posts = "/srv/ja"

[[site]]
hostname = "en.example.org"
posts = "/srv/en"
lang = "en"
gopher_listen = ":7071"
gopher_port = 71

[[site]]
hostname = "projects.example.org"
posts = "/srv/projects"
gopher_listen = ":7072"
`), 0o644)
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sites) != 2 || cfg.Sites[0].Hostname != "en.example.org" || cfg.Sites[0].GopherPort != 71 || cfg.Sites[1].GopherAddr != ":7072" {
		t.Fatalf("sites %+v", cfg.Sites)
	}
	all := cfg.SiteConfigs()
	if len(all) != 3 || all[1].Posts != "/srv/en" || all[1].Lang != "en" || all[1].Title != "" || all[0].Posts != "/srv/ja" ||
		all[2].Certs != filepath.Join(cfg.Certs, "projects.example.org") {
		t.Errorf("site configurations %+v", all)
	}

	os.WriteFile(path, []byte("[[site]]\nhostname = \"en.example.org\"\nposts = \"/srv/en\"\ngopher-listen = \":7071\"\n"), 0o644)
	err := ReadConfigFile(path, &cfg)
	if err == nil || !strings.Contains(err.Error(), `4: site 1: unknown key "gopher-listen": did you mean gopher_listen?`) {
		t.Errorf("a misspelt key of [[site]]: %v", err)
	}
	cfg = NewConfig()
	cfg.Sites = []SiteConfig{{Hostname: "en.example.org", Posts: "/srv/en"}}
	if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), "gopher_listen are required") {
		t.Errorf("a site without its gopher address: %v", err)
	}
}

// exclude is a top-level list of patterns, and a [[site]]'s adds to it;
// every site's load is told every site's secrets, whichever folder they
// lie in.
func TestExcludeAndSecrets(t *testing.T) {
	path := writeConfig(t, `exclude = ["*.psd", "drafts-old/**"]
[gemini]
certs = "/srv/certs"
cert = "/etc/a.crt"
key = "/etc/a.key"
[[site]]
hostname = "b.example"
posts = "/srv/b"
gopher_listen = ":7071"
key = "/srv/b/tls/b.key"
cert = "/srv/b/tls/b.crt"
exclude = ["tmp/"]
`)
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil {
		t.Fatal(err)
	}
	sites := cfg.SiteConfigs()
	if got := strings.Join(sites[0].Exclude, " "); got != "*.psd drafts-old/**" {
		t.Errorf("main site's exclude %q", got)
	}
	if got := strings.Join(sites[1].Exclude, " "); got != "*.psd drafts-old/** tmp/" {
		t.Errorf("site b's exclude %q", got)
	}
	for i, sc := range append(sites, cfg) {
		var paths []string
		for _, s := range sc.LoadOptions().Secrets {
			if s.Path != "" {
				paths = append(paths, s.Path)
			}
		}
		if got := strings.Join(paths, " "); got != "/srv/certs /srv/certs/cache /srv/certs/history "+path+" /etc/a.crt /etc/a.key /srv/certs/b.example /srv/b/tls/b.crt /srv/b/tls/b.key" {
			t.Errorf("config %d: secrets %s", i, got)
		}
	}
	checkProblems(t, readProblems(t, "exclude = [\"!x\"]\n[[site]]\nhostname = \"b\"\nposts = \"/b\"\ngopher_listen = \":1\"\nexclude = [\"a//b\"]\n"), []string{
		`1: exclude has pattern "!x": negation (!) is not supported: list only what to leave out, e.g. exclude = ["drafts-old/**", "*.psd"]`,
		`2: site 1: exclude has pattern "a//b", with an empty, . or .. part`,
	})
}

// [authors] titan and history, and a [[site]]'s own titan.
func TestTitanKeys(t *testing.T) {
	path := writeConfig(t, `[authors]
certificates = ["`+strings.Repeat("AB", 32)+`"]
titan = true
history = 3
[[site]]
hostname = "b.example"
posts = "/srv/b"
gopher_listen = ":7071"
titan = false
[[site]]
hostname = "c.example"
posts = "/srv/c"
gopher_listen = ":7072"
`)
	cfg := NewConfig()
	if err := ReadConfigFile(path, &cfg); err != nil {
		t.Fatal(err)
	}
	sites := cfg.SiteConfigs()
	if !sites[0].Titan || sites[1].Titan || !sites[2].Titan || cfg.TitanHistory != 3 {
		t.Errorf("titan: main %v, b %v, c %v; history %d", sites[0].Titan, sites[1].Titan, sites[2].Titan, cfg.TitanHistory)
	}
	got := readProblems(t, "[authors]\nhistory = 0\n[[site]]\nhostname = \"b\"\nposts = \"/b\"\ngopher_listen = \":1\"\ntitan = \"yes\"\n")
	if len(got) != 2 || !strings.Contains(got[0], "history") || !strings.Contains(got[1], "titan must be true or false") {
		t.Errorf("problems: %q", got)
	}
}

// A file TOML cannot read is said in the operator's words, at its line,
// not in the parser's ("strings cannot contain newlines", "expected '.'
// or '=', but got ':' instead"), as a post's front matter is.
func TestConfigFileSyntaxInWords(t *testing.T) {
	for src, want := range map[string]string{
		"posts = \"blog\n": `1: a string opened with " is not closed on its line: end it with "`,
		"posts: blog\n":    `1: "posts: …" is YAML (key: value), but the file is TOML: write posts = "…"`,
		"posts = \"blog\"\ntags = [\"a\" \"b\"]\n": `2: a list ([…]) needs commas between its items`,
	} {
		got := readProblems(t, src)
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%q: problems %q, want one starting %q", src, got, want)
		}
	}
}

package content

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
)

// Credentials in configuration files. A file beside the posts that is a
// configuration (configExtensions) and sets a credential (a key of
// credentialWords given a value) is a secret, never served: a site's
// config.toml with its mail password, a staticman.yml's secret. What is
// looked for is a line of key = value, key: value or "key": value, the
// key's last word one of credentialWords in any case (password,
// db_password, aws_secret_access_key, "apiKey"), the value, its comment
// set aside, neither empty nor a reference to the environment
// (${SMTP_PASSWORD}, env(...)), which holds no secret. A post that shows
// such a line is the author's to write: Markdown is not looked through,
// nor other files (.txt, a Rakefile), whose lines are prose or code.
// (An AWS credentials file has no extension: its name is a secret's,
// passwordFileNames.)

// configExtensions are those of configuration files.
var configExtensions = []string{".toml", ".yaml", ".yml", ".ini", ".conf", ".cfg", ".cnf",
	".properties", ".json", ".env", ".config", ".rc"}

// credentialWords are the words a credential's key ends in, lower case,
// without "_" or "-".
var credentialWords = []string{"password", "passwd", "passphrase", "secret", "secretkey",
	"secretaccesskey", "apikey", "accesstoken", "authtoken", "privatekey", "clientsecret",
	"token"}

// credentialKey returns the key of the first credential a configuration
// file at path sets in data, or "". It reads data once, a line at a time.
func credentialKey(path string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(path))
	if !slices.Contains(configExtensions, ext) {
		return ""
	}
	if ext == ".json" {
		return jsonCredential(data)
	}
	for rest := data; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if key := credentialLine(line); key != "" {
			return key
		}
	}
	return ""
}

// credentialLine returns the key line sets to a credential, or "".
func credentialLine(line []byte) string {
	line = bytes.TrimSpace(line)
	sep := bytes.IndexAny(line, "=:")
	if sep <= 0 || line[0] == '#' || line[0] == ';' {
		return ""
	}
	key := bytes.TrimSpace(line[:sep])
	key = bytes.TrimPrefix(bytes.TrimPrefix(key, []byte("export ")), []byte("set "))
	key = bytes.Trim(key, `"'`)
	if len(key) == 0 || len(key) > 64 || bytes.ContainsAny(key, " \t") {
		return ""
	}
	if !credentialWord(key) {
		return ""
	}
	if value := settingValue(line[sep+1:]); len(value) == 0 || placeholder(value) {
		return ""
	}
	return string(key)
}

// placeholder reports whether a credential's value, not empty, holds no
// secret: a switch, a reference to the environment or a template, or a
// table or list whose lines come next.
func placeholder(value []byte) bool {
	switch string(value) {
	case "null", "~", "false", "true":
		return true
	}
	return value[0] == '$' || value[0] == '{' || value[0] == '[' || bytes.HasPrefix(value, []byte("env("))
}

// credentialWord reports whether key's last word, "_" and "-" and case
// set aside, is one of credentialWords: db_password and apiKey are,
// password_file and tokens are not.
func credentialWord(key []byte) bool {
	var folded [64]byte
	n := 0
	for _, c := range key {
		switch {
		case c == '_' || c == '-':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		folded[n] = c
		n++
	}
	for _, w := range credentialWords {
		if bytes.HasSuffix(folded[:n], []byte(w)) {
			return true
		}
	}
	return false
}

// settingValue is the value a configuration line gives after its "=" or
// ":": a quoted string's text, else what comes before a comment (" #",
// " ;") or a trailing comma, spaces trimmed.
func settingValue(v []byte) []byte {
	v = bytes.TrimSpace(v)
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		if end := bytes.IndexByte(v[1:], v[0]); end >= 0 {
			return v[1 : 1+end]
		}
		return v[1:]
	}
	for _, comment := range []string{" #", "\t#", " ;", "\t;"} {
		if i := bytes.Index(v, []byte(comment)); i >= 0 {
			v = v[:i]
		}
	}
	return bytes.TrimSpace(bytes.TrimRight(v, ", "))
}

// jsonCredential is credentialKey of a JSON file, whose members may all
// be on one line ({"user":"me","password":"hunter2"}): every quoted key
// followed by a colon is looked at, with the value after it, up to its
// closing quote, or its comma or brace.
func jsonCredential(data []byte) string {
	for rest := data; ; {
		open := bytes.IndexByte(rest, '"')
		if open < 0 {
			return ""
		}
		end := bytes.IndexByte(rest[open+1:], '"')
		if end < 0 {
			return ""
		}
		key := rest[open+1 : open+1+end]
		rest = rest[open+1+end+1:]
		after := bytes.TrimLeft(rest, " \t\r\n")
		if len(after) == 0 || after[0] != ':' || len(key) == 0 || len(key) > 64 || !credentialWord(key) {
			continue
		}
		value := bytes.TrimLeft(after[1:], " \t\r\n")
		if len(value) > 0 && value[0] != '"' {
			if i := bytes.IndexAny(value, ",}]\n"); i >= 0 {
				value = value[:i]
			}
		}
		if v := settingValue(value); len(v) > 0 && !placeholder(v) {
			return string(key)
		}
	}
}

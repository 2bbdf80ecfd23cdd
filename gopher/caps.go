package gopher

import (
	"strings"
)

// Caps describes a server in caps.txt, the file gopher clients read to learn
// how a server lays out its selectors (after Gophernicus and the
// Bucktooth caps.txt description).
type Caps struct {
	Software    string // ServerSoftware
	Version     string // ServerSoftwareVersion
	Description string // ServerDescription
	Admin       string // ServerAdmin, may be empty
}

// Bytes renders caps.txt: "CAPS" first, then CapsVersion first among the
// keys, as clients that read it expect. PathDelimeter keeps the
// specification's spelling. Values are cut to one line.
func (c Caps) Bytes() []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\r\n") }
	kv := func(key, value string) {
		if value = strings.TrimSpace(sanitizeField(value)); value != "" {
			line(key + "=" + value)
		}
	}
	line("CAPS")
	line("")
	line("CapsVersion=1")
	line("ExpireCapsAfter=3600")
	line("")
	line("PathDelimeter=/")
	line("PathIdentity=.")
	line("PathParent=..")
	line("PathParentDouble=FALSE")
	line("PathEscapeCharacter=\\")
	line("PathKeepPreDelimeter=FALSE")
	line("")
	kv("ServerSoftware", c.Software)
	kv("ServerSoftwareVersion", c.Version)
	kv("ServerDescription", c.Description)
	kv("ServerAdmin", c.Admin)
	line("ServerDefaultEncoding=UTF-8")
	return []byte(b.String())
}

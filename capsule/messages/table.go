package messages

import (
	"reflect"
	"strings"
)

// Table is every message as a Markdown table, one row a key: its name,
// the English and the Japanese text, and what it is for. The README shows
// it (a test holds the two equal), so that an operator overriding one in
// [messages] finds its name and its texts without reading the code.
func Table() string {
	var b strings.Builder
	b.WriteString("| key | English | Japanese | where |\n| --- | --- | --- | --- |\n")
	t := reflect.TypeFor[Messages]()
	en, ja := reflect.ValueOf(English), reflect.ValueOf(Japanese)
	for i := range t.NumField() {
		f := t.Field(i)
		b.WriteString("| `" + f.Tag.Get("toml") + "` | " + cell(en.Field(i).String()) + " | " + cell(ja.Field(i).String()) + " | " + cell(f.Tag.Get("doc")) + " |\n")
	}
	return b.String()
}

// cell is s as a table cell: its pipes escaped, empty shown as "(none)".
func cell(s string) string {
	if s == "" {
		return "(none)"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}

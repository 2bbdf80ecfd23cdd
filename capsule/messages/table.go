package messages

import (
	"reflect"
	"strings"
)

// Table is every message as a Markdown table, one row a key: its name,
// its text in each built-in table (Builtin), and what it is for. The
// README shows it (a test holds the two equal), so that an operator
// overriding one in [messages] finds its name and its texts without
// reading the code.
func Table() string {
	var b strings.Builder
	b.WriteString("| key |")
	for _, l := range Builtin {
		b.WriteString(" " + l.Name + " |")
	}
	b.WriteString(" where |\n|" + strings.Repeat(" --- |", len(Builtin)+2) + "\n")
	t := reflect.TypeFor[Messages]()
	for i := range t.NumField() {
		f := t.Field(i)
		b.WriteString("| `" + f.Tag.Get("toml") + "` |")
		for _, l := range Builtin {
			b.WriteString(" " + cell(reflect.ValueOf(l.Messages).Field(i).String()) + " |")
		}
		b.WriteString(" " + cell(f.Tag.Get("doc")) + " |\n")
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

package messages

import (
	"maps"
	"reflect"
	"strings"
	"testing"
)

func TestChangedIsWhatOverrideChanged(t *testing.T) {
	over := map[string]string{"tags": "Étiquettes", "not_found": "Rien"}
	m, err := English.Override(over)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Changed(English); !maps.Equal(got, over) {
		t.Errorf("Changed = %v, want %v", got, over)
	}
	if got := Japanese.Changed(Japanese); len(got) != 0 {
		t.Errorf("Changed of the same table = %v", got)
	}
}

// An address or a file name put into a message ends where the message
// says it does: a space, or the message's end, comes after it. Glued to
// it, as "{path}(記事の原稿は…" was, the next character reads as part of
// the path (the readers' and authors' trial, in Lagrange).
func TestAddressesStandApartInMessages(t *testing.T) {
	for name, table := range map[string]Messages{"English": English, "Japanese": Japanese} {
		v := reflect.ValueOf(table)
		for i := range v.NumField() {
			text := v.Field(i).String()
			for _, ph := range []string{"{path}", "{file}", "{url}"} {
				for rest := text; ; {
					at := strings.Index(rest, ph)
					if at < 0 {
						break
					}
					rest = rest[at+len(ph):]
					if rest != "" && rest[0] != ' ' {
						t.Errorf("%s %s: %s is followed by %q: %s", name, v.Type().Field(i).Name, ph, []rune(rest)[0], text)
					}
				}
			}
		}
	}
}

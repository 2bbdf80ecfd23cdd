package messages

import (
	"maps"
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

package messages

import (
	"os"
	"strings"
	"testing"
)

// The README's table of messages is Table: every key, both languages'
// texts, as the code has them. When this fails, paste what it prints.
func TestReadmeTableOfMessages(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "\n"+Table()+"\n") {
		t.Errorf("the README's table of messages is not the code's; it should read:\n\n%s", Table())
	}
}

package capsule

import (
	"bytes"
	"encoding/xml"
	"math/rand"
	"strings"
	"testing"
)

// TestAtomEntryXML compares the entries written by hand (appendXML) with
// encoding/xml's, on random entries whose strings hold what XML escapes
// or cannot hold.
func TestAtomEntryXML(t *testing.T) {
	pieces := []string{"a", "Z", " ", "<", ">", "&", `"`, "'", "\t", "\n", "\r", "\x00", "\x01", "\x1f", "\x7f", "\u0085",
		"é", "漢字", "\ufffd", "\xff", "\xed\xa0\x80", "\xc0\xaf", "\ufffe", "\uffff", "\U0001f600", "\U0010ffff", "\ue000", "\ud7ff",
		"&amp;", "]]>", "https://example.com/a?b=c&d=e"}
	rng := rand.New(rand.NewSource(3))
	str := func() string {
		var sb strings.Builder
		for range rng.Intn(6) {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return sb.String()
	}
	for range 20000 {
		e := atomEntry{Lang: str(), ID: str(), Title: str(), Updated: str(), Published: str(), Summary: atomText{Type: str(), Text: str()}}
		for range rng.Intn(3) {
			e.Links = append(e.Links, atomLink{Href: str(), Rel: str(), Type: str()})
		}
		for range rng.Intn(4) {
			e.Categories = append(e.Categories, atomCategory{Term: str()})
		}
		if rng.Intn(2) == 0 {
			e.Content = &atomText{Type: str(), Text: str()}
		}
		var want bytes.Buffer
		enc := xml.NewEncoder(&want)
		enc.Indent("  ", "  ")
		if err := enc.EncodeElement(e, xml.StartElement{Name: xml.Name{Local: "entry"}}); err != nil {
			t.Fatal(err)
		}
		if got := e.appendXML(nil); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%+v:\n got %q\nwant %q", e, got, want.Bytes())
		}
	}
}

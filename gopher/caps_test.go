package gopher

import (
	"strings"
	"testing"
)

func TestCaps(t *testing.T) {
	caps := string(Caps{Software: "capsule", Version: "1.2", Description: "_・)Keep\tSmiling"}.Bytes())
	lines := strings.Split(strings.TrimSuffix(caps, "\r\n"), "\r\n")
	if lines[0] != "CAPS" {
		t.Fatalf("first line %q, want CAPS", lines[0])
	}
	var keys []string
	values := map[string]string{}
	for _, line := range lines[1:] {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Errorf("line %q is not key=value", line)
		}
		keys = append(keys, k)
		values[k] = v
	}
	if keys[0] != "CapsVersion" || values["CapsVersion"] != "1" {
		t.Errorf("first key %q=%q, want CapsVersion=1", keys[0], values[keys[0]])
	}
	for k, want := range map[string]string{
		"PathDelimeter":         "/",
		"ServerSoftware":        "capsule",
		"ServerSoftwareVersion": "1.2",
		"ServerDescription":     "_・)Keep Smiling",
		"ServerDefaultEncoding": "UTF-8",
	} {
		if values[k] != want {
			t.Errorf("%s=%q, want %q", k, values[k], want)
		}
	}
	if _, ok := values["ServerAdmin"]; ok {
		t.Error("empty ServerAdmin written")
	}
	if strings.Contains(caps, "\n") && strings.Count(caps, "\n") != strings.Count(caps, "\r\n") {
		t.Error("bare LF in caps.txt")
	}
}

func TestPlusRootResponse(t *testing.T) {
	got := string(PlusRootResponse("Site\tname", "example.org", 70, 2000))
	want := "+-1\r\n+INFO: 1Site name\t\texample.org\t70\r\n+VIEWS:\r\n application/gopher+-menu: <2k>\r\n.\r\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := string(PlusRootResponse("S", "h", 1, 512)); !strings.Contains(got, "<512b>") {
		t.Errorf("small menu size: %q", got)
	}
}

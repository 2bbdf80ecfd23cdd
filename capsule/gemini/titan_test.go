package gemini

import "testing"

func TestParseTitan(t *testing.T) {
	r, refused := ParseTitan([]byte("TITAN://LocalHost.:1965/drafts/source/posts/%E6%97%A5.md;mime=text/plain;size=12;token=a%20b"))
	if refused != nil {
		t.Fatal(refused.Meta)
	}
	if r.Host != "localhost" || r.Port != 1965 || r.Path != "/drafts/source/posts/日.md" || r.Mime != "text/plain" || r.Size != 12 || r.Token != "a b" {
		t.Errorf("%+v", r)
	}
	if r, _ := ParseTitan([]byte("titan://h/a.png;size=0")); r.Mime != "text/gemini" || r.Size != 0 {
		t.Errorf("defaults: %+v", r)
	}
	for _, line := range []string{
		"titan://h/a.md", "titan://h/a.md;mime=text/plain", "titan://h/a.md;size=-1", "titan://h/a.md;size=1e3",
		"titan://h/a.md;size=99999999999999", "titan://h/a.md;\u212Aize=1", "titan://h/a.md;size=1;size=2", "titan://h;x/a.md;size=1",
		"titan://h/../a.md;size=1", "titan://u@h/a.md;size=1", "gemini://h/a.md;size=1", "titan://h/a.md;size=1;token=%zz",
	} {
		if _, refused := ParseTitan([]byte(line)); refused == nil {
			t.Errorf("%s taken", line)
		}
	}
}

func FuzzParseTitan(f *testing.F) {
	f.Add([]byte("titan://h/a.md;mime=text/plain;size=12;token=x"))
	f.Add([]byte("titan://h:1965/;size=0"))
	f.Fuzz(func(t *testing.T, line []byte) {
		r, refused := ParseTitan(line)
		if refused == nil && (r.Size < 0 || r.Size > MaxTitanSize || len(r.Path) == 0 || r.Path[0] != '/') {
			t.Errorf("%q taken as %+v", line, r)
		}
	})
}

package content

import (
	"bytes"
	"testing"
	"time"
	"unicode/utf8"
)

// maxProblemBytes bounds what one problem of one post says: a message
// quotes at most a few clipped values (clip: 40 characters) and a
// link's first 100, so that a post of any size, broken in any way,
// makes log lines of a reader's length, not of its own.
const maxProblemBytes = 1 << 10

// FuzzParsePost holds the reading of one post's file, whatever its
// bytes, to what an author and an operator are promised: no panic; a
// post or a problem; each problem at a line of the file (0: the whole
// file), in valid UTF-8, on one line, within maxProblemBytes.
func FuzzParsePost(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: 京都: 旅\ndate: 2024-05-01\ntags: [a, b\n---\n\n本文。\n",
		"---\ntitle: \"unclosed\ndate: 2024-05-01\n---\nText.\n",
		"---\n\ttitle: tab\n---\nText.\n",
		"---\ntitle: @home\n---\n",
		"+++\ntitle = \"x\"\ndate = 2024-05-01\ntags = [\"a\", 'b'\n+++\nText.\n",
		"{\n\"title\": \"json\", \"date\": \"2024-05-01\",\n}\n\nText.\n",
		"title: hexo bare\ndate: 2024-05-01 10:00:00\n---\nText.\n",
		";;;\n\"title\": \"hexo json\"\n;;;\nText.\n",
		"---\ntitle: a\ntitle: b\nslug: 6550187\ndraft: yes\npassword: x\n---\n",
		"---\n- a\n- b\n---\n",
		"---\nk: &a [*a]\n---\n",
		"---\ntitle: 'It''s'\nlang: ja-JP\nexpiryDate: 2000-01-01\npublishDate: 9999-01-01\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 8<<10 {
			return
		}
		src = NormalizeSource(src) // as the loader hands a file over
		lines := bytes.Count(src, []byte("\n")) + 1
		p, errs, warns := parsePost("a.md", src, "a", time.UTC, "ja", defaultFrontLimits)
		if p == nil && len(errs) == 0 {
			t.Fatalf("no post and no problem for %q", src)
		}
		for _, list := range [][]*FileError{errs, warns} {
			for _, e := range list {
				switch {
				case e.Line < 0 || e.Line > lines:
					t.Fatalf("problem at line %d of a file of %d lines: %q\nfile: %q", e.Line, lines, e.Msg, src)
				case len(e.Msg) > maxProblemBytes:
					t.Fatalf("problem of %d bytes: %.200q…\nfile: %q", len(e.Msg), e.Msg, src)
				case !utf8.ValidString(e.Msg):
					t.Fatalf("problem not UTF-8: %q\nfile: %q", e.Msg, src)
				case bytes.ContainsAny([]byte(e.Msg), "\n\r"):
					t.Fatalf("problem of several lines: %q\nfile: %q", e.Msg, src)
				}
			}
		}
	})
}

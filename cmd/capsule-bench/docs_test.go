package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every capsule-bench flag the README and contrib/ show is one of its
// command's: in a code span or a code block's line with "capsule-bench"
// and the command (`capsule-bench reload -n 3000 -full=false`), or a
// flag alone right after the word capsule-bench (capsule-bench
// `-resume`: the serving benchmark's). The flags are read from the built
// program's own usage (-h), as a reader would find them.
func TestDocumentedBenchFlagsExist(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "capsule-bench")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	usage := map[string]string{} // by command, "" the serving one
	flagsOf := func(cmd string) string {
		if u, ok := usage[cmd]; ok {
			return u
		}
		args := []string{"-h"}
		if cmd != "" {
			args = []string{cmd, "-h"}
		}
		out, _ := exec.Command(bin, args...).CombinedOutput() // -h exits 2
		usage[cmd] = string(out)
		return usage[cmd]
	}
	commands := []string{"floor", "startup", "startup-child", "reload", "reload-child", "haproxy"}
	docs, _ := filepath.Glob("../../contrib/*.md")
	checked := 0
	for _, doc := range append([]string{"../../README.md"}, docs...) {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		// Code blocks (the documents indent them) are code line by line;
		// the prose's code is in spans.
		var text strings.Builder
		var codes, befores []string
		for _, line := range strings.SplitAfter(string(b), "\n") {
			if strings.HasPrefix(line, "    ") {
				codes, befores = append(codes, line), append(befores, "")
			} else {
				text.WriteString(line)
			}
		}
		prose := text.String()
		for _, c := range codeSpans(prose) {
			codes, befores = append(codes, prose[c[0]:c[1]]), append(befores, prose[:c[2]])
		}
		for i, code := range codes {
			var words []string
			if _, rest, ok := strings.Cut(code, "capsule-bench"); ok {
				words = strings.Fields(rest)
			} else if strings.HasPrefix(code, "-") && strings.HasSuffix(befores[i], "capsule-bench ") {
				words = strings.Fields(code)
			} else {
				continue
			}
			cmd := ""
			if len(words) > 0 && slices.Contains(commands, words[0]) {
				cmd, words = words[0], words[1:]
			}
			for _, w := range words {
				if !strings.HasPrefix(w, "-") {
					continue
				}
				name, _, _ := strings.Cut(strings.TrimLeft(w, "-"), "=")
				checked++
				if !strings.Contains(flagsOf(cmd), "\n  -"+name+" ") && !strings.Contains(flagsOf(cmd), "\n  -"+name+"\n") {
					t.Errorf("%s shows `%s`: capsule-bench %s has no flag -%s", filepath.Base(doc), code, cmd, name)
				}
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d flags found in the docs: the test reads them wrong", checked)
	}
}

// codeSpans are the code spans of Markdown prose, each as the start and
// end of its code and the start of its opening backquotes: a run of
// backquotes opens one, closed by the next run of as many (so that
// ```` ```mermaid ```` is one span).
func codeSpans(text string) [][3]int {
	var out [][3]int
	run := func(i int) int { // backquotes from i
		n := 0
		for i+n < len(text) && text[i+n] == '`' {
			n++
		}
		return n
	}
	for i := 0; i < len(text); {
		n := run(i)
		if n == 0 {
			i++
			continue
		}
		j := i + n
		for j < len(text) {
			if m := run(j); m == n {
				break
			} else if m > 0 {
				j += m
				continue
			}
			j++
		}
		if j >= len(text) {
			i += n // unclosed: backquotes, not a span
			continue
		}
		out = append(out, [3]int{i + n, j, i})
		i = j + n
	}
	return out
}

package shell

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzBuild checks that Build never panics, that every use is a command or
// a file, and that what it reports points into the script.
func FuzzBuild(f *testing.F) {
	for _, seed := range []string{
		"rm -f \"a b\" $x *.log\n",
		"f() { curl -s \"$1\" > out; }\nf x\n",
		"a | b && c || d; (e); { f; } 2>&1 >/dev/null <in >>app <>rw &>all >&log\n",
		"sudo -u root timeout 5 nice -n 2 rm x; xargs -0 -I{} sh -c 'rm {}'\n",
		"find . -name '*.log' -exec rm {} \\; -exec wc -l {} +\n",
		"sh -c 'curl x | tar xf -; eval \"$y\"'; eval 'a; b' c; bash -lc \"$z\"\n",
		"cat <<EOF\n$(date)\nEOF\necho $(( $(id -u) + 1 )) `pwd` <(ls) ${a:-$(b)}\n",
		"if a; then b; elif c; then d; else e; fi; for i in $(j); do k; done; case $x in y) z;; esac\n",
		"time -p make; coproc cat; [[ -n $(whoami) ]]; let x=$(y); declare z=$(w)\n",
		"$'\\x41\\u00e9\\c?' $\"t\" ~/x {a,b} a=~/b\n",
		"echo " + strings.Repeat("$(echo ", 120) + strings.Repeat(")", 120),
		strings.Repeat("eval ", 12) + "rm x",
		"env -S 'rm -f' x; watch ls; flock l -c ls; su -c ls root; script -c ls\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Build("fuzz.sh", src)
		if err != nil {
			if p != nil {
				t.Fatalf("a plan and an error: %v", err)
			}
			return
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		check := func(what string, line, col int) {
			if line < 1 || line > lines || col < 1 {
				t.Fatalf("%s at %d:%d, outside the script's %d lines", what, line, col, lines)
			}
		}
		for _, u := range p.Uses {
			if !strings.HasPrefix(u.Tool, "sh.") && u.Tool != "shell.Open" {
				t.Fatalf("use of %q", u.Tool)
			}
			if u.Kind != "call" || u.Args == nil {
				t.Fatalf("use %+v", u)
			}
			check("use "+u.Tool, u.Pos.Line, u.Pos.Col)
		}
		for _, f := range p.Findings {
			check("finding "+f.Rule, f.Pos.Line, f.Pos.Col)
		}
		if _, err := json.Marshal(p); err != nil {
			t.Fatal(err)
		}
	})
}

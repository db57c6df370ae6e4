package shell

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/plan"
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		uses     []string
		findings []string
	}{
		// Simple commands.
		{"command", "rm -f x\n", []string{`1:1 sh.rm "-f" "x"`}, nil},
		{"path is base name", "/usr/bin/rm x", []string{`1:1 sh.rm "x"`}, nil},
		{"quotes and escapes", `rm "a b" 'c d' e\ f "g\"h\q" $'i\tj' "k"'l'`,
			[]string{`1:1 sh.rm "a b" "c d" "e f" "g\"h\\q" "i\tj" "kl"`}, nil},
		{"expansions are unknown", `rm $x "$y" *.log ~/z {a,b} $(pwd) a[1]`,
			[]string{`1:1 sh.rm ?$x ?"$y" ?*.log ?~/z ?{a,b} ?$(pwd) ?a[1]`}, nil},
		{"braces alone are literal", `rm {} a,b`, []string{`1:1 sh.rm "{}" "a,b"`}, nil},
		{"position of the name", "x=1\n  FOO=1 BAR=2 rm x", []string{`2:15 sh.rm "x"`}, nil},
		{"assignments only", "x=1 y=$(date)", []string{`1:9 sh.date`}, nil},
		{"pure builtins", "echo hi; printf x; test -f x; [ -f x ]; read y; export A=1; local b; set -e; : ; true",
			nil, nil},
		{"pure by path is a command", "/bin/echo hi", []string{`1:1 sh.echo "hi"`}, nil},
		{"builtins with effects", "cd /tmp; trap 'x' EXIT; kill 1; wait",
			[]string{`1:1 sh.cd "/tmp"`, `1:10 sh.trap "x" "EXIT"`, `1:25 sh.kill "1"`, `1:33 sh.wait`}, nil},
		{"escaped name", `\rm x`, []string{`1:1 sh.rm "x"`}, nil},
		{"quoted name", `"rm" x`, []string{`1:1 sh.rm "x"`}, nil},

		// Dynamic command names.
		{"dynamic name", `$cmd x`, nil, []string{"1:1 dynamic-command"}},
		{"substituted name", `$(echo rm) x`, nil, []string{"1:1 dynamic-command"}},
		{"globbed name", `/bin/r? x`, nil, []string{"1:1 dynamic-command"}},

		// Functions.
		{"function call", "f() { rm \"$1\"; }\nf x",
			[]string{`1:7 sh.rm [function] ?"$1"`}, nil},
		{"function keyword", "function g { curl x; }\ng",
			[]string{`1:14 sh.curl [function] "x"`}, nil},
		{"call before the definition runs a command", "f x\nf() { :; }",
			[]string{`1:1 sh.f "x"`}, nil},
		{"call in a body may follow", "a() { b; }\nb() { ls; }\na",
			[]string{`2:7 sh.ls [function]`}, nil},
		{"function by path is a command", "ls() { :; }\n/bin/ls",
			[]string{`2:1 sh.ls`}, nil},

		// Nested commands.
		{"substitutions", "echo $(date) `id` <(cat a) >(tee b)",
			[]string{`1:8 sh.date`, `1:15 sh.id`, `1:21 sh.cat "a"`, `1:30 sh.tee "b"`}, []string{"1:19 unsupported", "1:28 unsupported"}},
		{"lists and pipes", "a | b && c || d; (e); { f; }",
			[]string{`1:1 sh.a`, `1:5 sh.b`, `1:10 sh.c`, `1:15 sh.d`, `1:19 sh.e`, `1:25 sh.f`}, nil},
		{"compound commands",
			"if a; then b; elif c; then d; else e; fi\nwhile f; do g; done\nuntil h; do :; done\nfor i in $(j); do k; done\nfor ((n=$(l); n<3; n++)); do :; done\ncase $(m) in x) o;; esac",
			[]string{`1:4 sh.a`, `1:12 sh.b`, `1:20 sh.c`, `1:28 sh.d`, `1:36 sh.e`,
				`2:7 sh.f`, `2:13 sh.g`, `3:7 sh.h`, `4:12 sh.j`, `4:19 sh.k`, `5:11 sh.l`, `6:8 sh.m`, `6:17 sh.o`}, nil},
		{"arithmetic and tests", "echo $(( $(a) + 1 )); (( x = $(b) )); let y=$(c); [[ -n $(d) && $(e) ]]; declare z=$(f)",
			[]string{`1:12 sh.a`, `1:32 sh.b`, `1:47 sh.c`, `1:59 sh.d`, `1:67 sh.e`, `1:86 sh.f`}, nil},
		{"parameter expansions", `echo ${a:-$(b)} ${c/$(d)/x} "${e[$(f)]}"`,
			[]string{`1:13 sh.b`, `1:23 sh.d`, `1:36 sh.f`}, nil},
		{"here-document", "cat <<EOF\n$(date)\nEOF\ncat <<'Q'\n$(id)\nQ",
			[]string{`1:1 sh.cat`, `2:3 sh.date`, `4:1 sh.cat`}, nil},
		{"time keyword", "time -p make", []string{`1:1 sh.time "-p"`, `1:9 sh.make`}, nil},
		{"posix fallback", "[[ x", []string{`1:1 sh.[[ "x"`}, nil},

		// Redirections.
		{"redirections", "a <r >w >|c &>all >>ap &>>aa <>rw >&f",
			[]string{`1:1 sh.a`, `1:3 shell.Open "r" "read"`, `1:6 shell.Open "w" "write"`,
				`1:9 shell.Open "c" "write"`, `1:13 shell.Open "all" "write"`, `1:19 shell.Open "ap" "append"`,
				`1:24 shell.Open "aa" "append"`, `1:30 shell.Open "rw" "readwrite"`, `1:35 shell.Open "f" "write"`}, nil},
		{"not redirections", "a 2>&1 >&2 3>&- <&3 >/dev/null <<<word <<E\nE",
			[]string{`1:1 sh.a`}, nil},
		{"dynamic redirection", `a >"$f" 2>$(g)`,
			[]string{`1:1 sh.a`, `1:3 shell.Open ?"$f" "write"`, `1:9 shell.Open ?$(g) "write"`, `1:13 sh.g`}, nil},
		{"redirection of a block", "{ a; } >out; x=1 >f",
			[]string{`1:3 sh.a`, `1:8 shell.Open "out" "write"`, `1:18 shell.Open "f" "write"`}, nil},

		// Wrappers.
		{"sudo", "sudo -u bob rm x",
			[]string{`1:1 sh.rm [wrapped] "x"`, `1:1 sh.sudo "-u" "bob" "rm" "x"`}, nil},
		{"nested wrappers", "sudo timeout 5 nice -n 2 rm x",
			[]string{`1:1 sh.nice [wrapped] "-n" "2" "rm" "x"`, `1:1 sh.rm [wrapped] "x"`,
				`1:1 sh.sudo "timeout" "5" "nice" "-n" "2" "rm" "x"`, `1:1 sh.timeout [wrapped] "5" "nice" "-n" "2" "rm" "x"`}, nil},
		{"pure inner command", "env A=1 echo hi", []string{`1:1 sh.env "A=1" "echo" "hi"`}, nil},
		{"find", `find . -exec rm {} \;`,
			[]string{`1:1 sh.find "." "-exec" "rm" "{}" ";"`, `1:1 sh.rm [wrapped] "{}"`}, nil},
		{"sh -c", "x=1; bash -lc 'curl x | tar xf -'",
			[]string{`1:6 sh.bash "-lc" "curl x | tar xf -"`, `1:6 sh.curl [wrapped] "x"`, `1:6 sh.tar [wrapped] "xf" "-"`}, nil},
		{"sh -c does not see functions", "f() { :; }; sh -c 'f'",
			[]string{`1:13 sh.f [wrapped]`, `1:13 sh.sh "-c" "f"`}, nil},
		{"eval sees functions", "f() { :; }; eval 'f; g'",
			[]string{`1:13 sh.eval "f; g"`, `1:13 sh.g [wrapped]`}, nil},
		{"eval joins its words", "eval rm x",
			[]string{`1:1 sh.eval "rm" "x"`, `1:1 sh.rm [wrapped] "x"`}, nil},
		{"dynamic eval", `eval "$x"`, []string{`1:1 sh.eval ?"$x"`}, nil},
		{"dynamic sh -c", `sh -c "$x"`, []string{`1:1 sh.sh "-c" ?"$x"`}, []string{"1:1 hidden-command"}},
		{"dynamic wrapper argument", `sudo rm "$f"`, []string{`1:1 sh.sudo "rm" ?"$f"`}, []string{"1:1 hidden-command"}},
		{"unknown wrapper", "source ./lib.sh; . x; sh script.sh",
			[]string{`1:1 sh.source "./lib.sh"`, `1:18 sh.. "x"`, `1:23 sh.sh "script.sh"`},
			[]string{"1:18 hidden-command", "1:23 hidden-command"}}, // source: checked as it runs, like eval
		{"input in a script", "xargs -I{} sh -c 'echo {}'",
			[]string{`1:1 sh.sh [wrapped] "-c" "echo {}"`, `1:1 sh.xargs "-I{}" "sh" "-c" "echo {}"`},
			[]string{"1:1 hidden-command"}},
		{"inner syntax error", "sh -c 'if then'", []string{`1:1 sh.sh "-c" "if then"`}, []string{"1:1 syntax"}},
		{"inner findings", `sh -c '$x'`, []string{`1:1 sh.sh "-c" "$x"`}, []string{"1:1 dynamic-command"}},
		{"inner redirection", `sh -c 'a > f'`,
			[]string{`1:1 sh.a [wrapped]`, `1:1 sh.sh "-c" "a > f"`, `1:1 shell.Open [wrapped] "f" "write"`}, nil},
		{"wrapper in a function", `f() { sudo rm x; }`,
			[]string{`1:7 sh.rm [wrapped] "x"`, `1:7 sh.sudo [function] "rm" "x"`}, nil},
		{"command -v", "command -v git", []string{`1:1 sh.command "-v" "git"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Build("t.sh", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var uses, findings []string
			for _, u := range p.Uses {
				uses = append(uses, fmtUse(u))
			}
			for _, f := range p.Findings {
				findings = append(findings, fmtFinding(f))
			}
			if !slices.Equal(uses, tt.uses) {
				t.Errorf("uses:\n%s\nwant:\n%s", strings.Join(uses, "\n"), strings.Join(tt.uses, "\n"))
			}
			if !slices.Equal(findings, tt.findings) {
				t.Errorf("findings: %q, want %q", findings, tt.findings)
			}
		})
	}
}

func TestBuildPlan(t *testing.T) {
	src := []byte("rm -f \"$x\"\n")
	p, err := Build("a.sh", src)
	if err != nil {
		t.Fatal(err)
	}
	want := plan.ToolUse{Tool: "sh.rm", Kind: "call", Pos: plan.Pos{Line: 1, Col: 1}, Args: []plan.Arg{
		{Name: "argv[0]", Known: true, Value: "-f", Expr: "-f"},
		{Name: "argv[1]", Expr: `"$x"`},
	}}
	switch {
	case p.File != "a.sh" || p.Language != "sh" || string(p.Source) != string(src):
		t.Errorf("file %q, language %q, source %q", p.File, p.Language, p.Source)
	case p.Imports == nil || p.Findings == nil || len(p.Imports) != 0 || len(p.Findings) != 0:
		t.Errorf("imports %#v, findings %#v: want empty lists", p.Imports, p.Findings)
	case len(p.Uses) != 1 || !useEqual(p.Uses[0], want):
		t.Errorf("uses %#v, want %#v", p.Uses, want)
	}

	p, err = Build("a.sh", []byte("sudo rm 'a b'\n: >out"))
	if err != nil {
		t.Fatal(err)
	}
	wantInner := plan.ToolUse{Tool: "sh.rm", Kind: "call", Context: "wrapped", Pos: plan.Pos{Line: 1, Col: 1},
		Args: []plan.Arg{{Name: "argv[0]", Known: true, Value: "a b", Expr: "'a b'"}}}
	wantOpen := plan.ToolUse{Tool: "shell.Open", Kind: "call", Pos: plan.Pos{Line: 2, Col: 3}, Args: []plan.Arg{
		{Name: "path", Known: true, Value: "out", Expr: "out"},
		{Name: "mode", Known: true, Value: "write", Expr: ">"},
	}}
	if len(p.Uses) != 3 || !useEqual(p.Uses[0], wantInner) || !useEqual(p.Uses[2], wantOpen) {
		t.Errorf("uses %#v", p.Uses)
	}
}

func useEqual(a, b plan.ToolUse) bool {
	return a.Tool == b.Tool && a.Kind == b.Kind && a.Context == b.Context && a.Pos == b.Pos && reflect.DeepEqual(a.Args, b.Args)
}

func TestBuildFindingText(t *testing.T) {
	p, err := Build("t.sh", []byte("$c\nsudo \"$x\"\nfor i in $(seq 3); do :; done"))
	if err != nil {
		t.Fatal(err)
	}
	want := []plan.Finding{
		{Pos: plan.Pos{Line: 1, Col: 1}, Rule: "dynamic-command",
			Message: "the command name $c is only known at run time",
			Hint:    "write the command name literally; a policy can only allow commands it can see"},
		{Pos: plan.Pos{Line: 2, Col: 1}, Rule: "hidden-command",
			Message: "what sudo runs is only known at run time",
			Hint:    "run the commands directly; airlock checks each command a script runs, but cannot see what sudo runs when it is only known at run time"},
	}
	if !slices.Equal(p.Findings, want) {
		t.Errorf("findings:\n%#v\nwant:\n%#v", p.Findings, want)
	}
}

func TestBuildErrors(t *testing.T) {
	_, err := Build("big.sh", make([]byte, plan.MaxSource+1))
	if err == nil || err.Error() != "big.sh: script is 65537 bytes, over the limit of 65536" {
		t.Errorf("too large: %v", err)
	}
	_, err = Build("bad.sh", []byte("echo ok\nif then fi\n"))
	var se *plan.SyntaxError
	if !errors.As(err, &se) || err.Error() != "bad.sh:2:1: `if` must be followed by a statement list" {
		t.Errorf("syntax: %v", err)
	}
	// Columns past the parser's limit are still right.
	_, err = Build("long.sh", []byte(strings.Repeat(" ", 20000)+"("))
	if err == nil || !strings.HasPrefix(err.Error(), "long.sh:1:20001: ") {
		t.Errorf("long line: %v", err)
	}
}

func TestBuildTooComplex(t *testing.T) {
	for name, src := range map[string]string{
		"substitutions": "echo " + strings.Repeat("$(echo ", 200) + strings.Repeat(")", 200),
		"subshells":     strings.Repeat("(", 200) + "a" + strings.Repeat(")", 200),
		"arithmetic":    "echo $((" + strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200) + "))",
		"tests":         "[[ " + strings.Repeat("( ", 200) + "a" + strings.Repeat(" )", 200) + " ]]",
		"parameters":    "echo " + strings.Repeat("${a:-", 200) + strings.Repeat("}", 200),
		"wrappers":      strings.Repeat("nohup ", 20) + "rm x",
		"scripts":       strings.Repeat("eval ", 20) + "rm x",
	} {
		t.Run(name, func(t *testing.T) {
			p, err := Build("t.sh", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Findings) != 1 || p.Findings[0].Rule != "too-complex" {
				t.Errorf("findings %v", p.Findings)
			}
		})
	}
	// Long chains are not nesting.
	for name, src := range map[string]string{
		"and":   strings.Repeat("a && ", 5000) + "a",
		"pipe":  strings.Repeat("a | ", 5000) + "a",
		"sum":   "echo $((" + strings.Repeat("1+", 5000) + "1))",
		"elif":  "if a; then :; " + strings.Repeat("elif a; then :; ", 2000) + "fi",
		"tests": "[[ " + strings.Repeat("a && ", 5000) + "a ]]",
	} {
		t.Run(name, func(t *testing.T) {
			p, err := Build("t.sh", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Findings) != 0 {
				t.Errorf("findings %v", p.Findings)
			}
		})
	}
}

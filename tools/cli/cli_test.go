package cli

import (
	"context"
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/tools/provider"
)

// need skips the test unless every program is installed.
func need(t *testing.T, programs ...string) {
	t.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s is not installed", p)
		}
	}
}

// parse decodes a providers.cli section written in YAML, as a policy holds it.
func parse(t *testing.T, src string) map[string]any {
	t.Helper()
	var cfg map[string]any
	if err := yaml.Unmarshal([]byte(src), &cfg); err != nil {
		t.Fatalf("bad test YAML: %v", err)
	}
	return cfg
}

func newProvider(t *testing.T, src, baseDir string) *Provider {
	t.Helper()
	p, err := New(parse(t, src), baseDir)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

// call prepares and calls fn with JSON arguments, one per parameter.
func call(p *Provider, fn string, args ...string) (any, error) {
	return callCtx(context.Background(), p, fn, args...)
}

func callCtx(ctx context.Context, p *Provider, fn string, args ...string) (any, error) {
	raw := make([]json.RawMessage, len(args))
	for i, a := range args {
		raw[i] = json.RawMessage(a)
	}
	canon, err := p.Prepare(fn, raw)
	if err != nil {
		return nil, err
	}
	return unwrap(p.Call(ctx, fn, canon))
}

// gitRepo makes a repository with three commits under a new directory and
// returns the directory.
func gitRepo(t *testing.T) string {
	t.Helper()
	need(t, "git")
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com",
			"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	write("a.txt", "a\n")
	git("add", ".")
	git("commit", "-q", "-m", "add a")
	write("b.txt", "b\n")
	git("add", ".")
	git("commit", "-q", "-m", "add b")
	write("a.txt", "a2\n")
	git("add", ".")
	git("commit", "-q", "-m", "change a")
	return dir
}

const gitTools = `
GitLog:
  doc: Commits of the repository, newest first, one line each.
  command: [git, log, "--format=%s", "-n{count}", --, "{paths...}"]
  params:
    - {name: count, type: int, doc: how many commits}
    - {name: paths, type: "[]string", doc: paths inside the repository}
  output: lines
  dir: repo
  env: {GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: /dev/null}
GitShow:
  command: [git, show, "--no-patch", "--format=%s", "{rev}"]
  params: [{name: rev}]
  dir: repo
GitHead:
  command: [git, log, "-1", "--format={{\"subject\": \"%s\"}"]
  output: json
  dir: repo
`

func TestGit(t *testing.T) {
	repo := gitRepo(t)
	p := newProvider(t, strings.ReplaceAll(gitTools, "dir: repo", "dir: \""+filepath.Base(repo)+"\""), filepath.Dir(repo))

	tests := []struct {
		fn   string
		args []string
		want any
	}{
		{"GitLog", []string{`10`, `[]`}, []string{"change a", "add b", "add a"}},
		{"GitLog", []string{`2`, `null`}, []string{"change a", "add b"}},
		{"GitLog", []string{`10`, `["a.txt"]`}, []string{"change a", "add a"}},
		{"GitLog", []string{`10`, `["b.txt", "a.txt"]`}, []string{"change a", "add b", "add a"}},
		{"GitLog", []string{`10`, `["no-such-file"]`}, []string{}},
		{"GitLog", []string{`10`, `["-x"]`}, []string{}}, // after "--": a path, not an option
		{"GitShow", []string{`"HEAD~1"`}, "add b\n"},
		{"GitHead", nil, map[string]any{"subject": "change a"}},
	}
	for _, tt := range tests {
		got, err := call(p, tt.fn, tt.args...)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s(%s) = %#v, %v; want %#v", tt.fn, strings.Join(tt.args, ", "), got, err, tt.want)
		}
	}

	argv, err := p.Argv("GitLog", map[string]any{"count": int64(5), "paths": []any{"a b", "-c"}})
	if want := []string{"git", "log", "--format=%s", "-n5", "--", "a b", "-c"}; err != nil || !reflect.DeepEqual(argv, want) {
		t.Errorf("Argv = %q, %v; want %q", argv, err, want)
	}

	_, err = call(p, "GitShow", `"no-such-rev"`)
	if err == nil || !strings.HasPrefix(err.Error(), "exit status 128: ") || !strings.Contains(err.Error(), "no-such-rev") {
		t.Errorf("GitShow(no-such-rev) error = %v; want exit status 128 with git's message", err)
	}
	_, err = call(p, "GitShow", `"--output=/tmp/x"`)
	if err == nil || !strings.Contains(err.Error(), `argument rev: "--output=/tmp/x" would start a command-line argument with "-", which git would read as an option`) {
		t.Errorf("GitShow(--output=...) error = %v; want option refused", err)
	}
}

const jqTools = `
Query:
  doc: |
    Applies a jq filter to a JSON document.

    The filter is jq's language.
  command: [jq, -c, "{filter}"]
  params:
    - {name: filter, doc: the jq filter}
    - {name: input, doc: the JSON document}
  stdin: "{input}"
  output: json
Build:
  command: [jq, -n, -c, --arg, s, "{s}", --argjson, n, "{n}", --argjson, x, "{x}", --argjson, b, "{b}", "{{s: $s, n: $n, x: $x, b: $b}"]
  params:
    - {name: s}
    - {name: n, type: int}
    - {name: x, type: float}
    - {name: b, type: bool}
  output: json
Keys:
  command: [jq, -r, "keys[]"]
  params: [{name: input}]
  stdin: "{input}"
  output: lines
Raw:
  command: [jq, -j, "{filter}"]
  params: [{name: filter}, {name: input}]
  stdin: "{input}"
`

func TestJQ(t *testing.T) {
	need(t, "jq")
	p := newProvider(t, jqTools, t.TempDir())
	tests := []struct {
		fn   string
		args []string
		want any
	}{
		{"Query", []string{`".items | length"`, `"{\"items\": [1, 2, 3]}"`}, json.Number("3")},
		{"Query", []string{`".a"`, `"{\"a\": {\"b\": [true, null, \"x\"]}}"`}, map[string]any{"b": []any{true, nil, "x"}}},
		{"Build", []string{`"hi there"`, `7`, `1.5`, `true`}, map[string]any{
			"s": "hi there", "n": json.Number("7"), "x": json.Number("1.5"), "b": true}},
		{"Keys", []string{`"{\"b\": 1, \"a\": 2}"`}, []string{"a", "b"}},
		{"Keys", []string{`"{}"`}, []string{}},
		{"Raw", []string{`"\"caf\\u00e9 \""`, `"null"`}, "café "},
	}
	for _, tt := range tests {
		got, err := call(p, tt.fn, tt.args...)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s(%s) = %#v, %v; want %#v", tt.fn, strings.Join(tt.args, ", "), got, err, tt.want)
		}
	}

	// -7 would be a whole element: refused, though jq's --argjson takes
	// it, since a value cannot tell an option from an operand.
	_, err := call(p, "Build", `"s"`, `-7`, `1.5`, `true`)
	if err == nil || !strings.HasPrefix(err.Error(), `argument n: "-7" would start a command-line argument with "-", which jq would read as an option`) {
		t.Errorf("Build(n: -7) error = %v; want refused", err)
	}

	_, err = call(p, "Query", `"."`, `"{not json"`)
	if err == nil || !strings.HasPrefix(err.Error(), "exit status ") || !strings.Contains(err.Error(), "parse error") {
		t.Errorf("Query(bad input) error = %v; want jq's exit status and message", err)
	}
	_, err = call(p, "Query", `".[]"`, `"[1, 2]"`)
	if err == nil || err.Error() != `output is not valid JSON (more than one JSON value): "1\n2\n"` {
		t.Errorf("Query(two values) error = %v", err)
	}
}

const shTools = `
Echo:
  command: [sh, -c, "printf '%s|' \"$@\"", sh, "x{a}", "{a}{b}", "{items...}"]
  params:
    - {name: a}
    - {name: b}
    - {name: items, type: "[]string"}
Count:
  command: [sh, -c, "printf '%s|' \"$@\"", sh, "-n{n}", "x{n}", "{x}"]
  params: [{name: n, type: int}, {name: x, type: float}]
Fail:
  command: [sh, -c, "echo partial; echo \"$1\" >&2; exit 3", sh, "{msg}"]
  params: [{name: msg}]
Env:
  command: [env]
  env: {FOO: "pre-${AIRLOCK_CLI_TEST_VAR}-post", HOME: /nowhere}
  output: lines
Unset:
  command: [env]
  env: {TOKEN: "${AIRLOCK_CLI_TEST_UNSET}"}
Sleep:
  command: [sleep, "{secs}"]
  params: [{name: secs, type: int}]
  timeout: 300ms
Group:
  command: [sh, -c, "sleep 60 & echo $! > \"$1\"; wait", sh, "{pidfile}"]
  params: [{name: pidfile}]
  timeout: 300ms
Flood:
  command: ["yes", "{word}"]
  params: [{name: word}]
  max_output: 64KiB
Bytes:
  command: [printf, "a\\377b"]
Bad:
  command: [printf, "not json"]
  output: json
Empty:
  command: ["true"]
  output: json
Missing:
  command: [airlock-no-such-program]
Where:
  command: [pwd]
  dir: sub
NoDir:
  command: [pwd]
  dir: no-such-dir
`

func shProvider(t *testing.T) (*Provider, string) {
	t.Helper()
	need(t, "sh")
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	return newProvider(t, shTools, dir), dir
}

func TestArguments(t *testing.T) {
	p, _ := shProvider(t)
	ok := []struct {
		fn   string
		args []string
		want string
	}{
		{"Echo", []string{`"a"`, `"b c"`, `["d", "", "e f"]`}, "xa|ab c|d||e f|"},
		{"Echo", []string{`"a"`, `""`, `null`}, "xa|a|"},
		{"Echo", []string{`""`, `""`, `[]`}, "x||"},
		{"Echo", []string{`"a"`, `"-b"`, `[]`}, "xa|a-b|"}, // -b is not at the start
		{"Echo", []string{`"ü\n"`, `"\t"`, `["*", "$HOME", ";rm"]`}, "xü\n|ü\n\t|*|$HOME|;rm|"},
		{"Count", []string{`-1`, `0.25`}, "-n-1|x-1|0.25|"}, // the "-" of -n-1 is the policy's
		{"Count", []string{`12`, `1e3`}, "-n12|x12|1000|"},
		{"Count", []string{`0`, `1e21`}, "-n0|x0|1000000000000000000000|"},
	}
	for _, tt := range ok {
		got, err := call(p, tt.fn, tt.args...)
		if err != nil || got != tt.want {
			t.Errorf("%s(%s) = %q, %v; want %q", tt.fn, strings.Join(tt.args, ", "), got, err, tt.want)
		}
	}

	bad := []struct {
		fn   string
		args []string
		err  string
	}{
		{"Echo", []string{`"a"`}, "Echo takes 3 argument(s) (a, b, items), got 1"},
		{"Echo", []string{`"-rf"`, `""`, `[]`}, `argument a: "-rf" would start a command-line argument with "-", which sh would read as an option; ` +
			`options cannot be passed through arguments (for a file name, write ./-rf; only values after "--" in the policy's command may start with "-")`},
		{"Echo", []string{`""`, `"-rf"`, `[]`}, `argument b: "-rf" would start a command-line argument with "-"`},
		{"Echo", []string{`"a"`, `"b"`, `["ok", "-rf"]`}, `argument items[1]: "-rf" would start a command-line argument with "-"`},
		{"Echo", []string{`"a"`, `"b"`, `["-"]`}, `argument items[0]: "-" would start`},
		{"Echo", []string{`"a\u0000"`, `"b"`, `[]`}, "argument a contains a NUL byte, which a command-line argument cannot hold"},
		{"Echo", []string{`"a"`, `"b"`, `["\u0000"]`}, "argument items[0] contains a NUL byte"},
		{"Echo", []string{`1`, `"b"`, `[]`}, "argument a: want a string, got the number 1"},
		{"Echo", []string{`null`, `"b"`, `[]`}, "argument a: want a string, got null"},
		{"Echo", []string{`"a"`, `"b"`, `"c"`}, "argument items: want a []string, got a string"},
		{"Echo", []string{`"a"`, `"b"`, `[1]`}, "argument items: want a []string, but element 0 is the number 1"},
		{"Echo", []string{`"a"`, `"b"`, `[] []`}, "argument items: want a []string, got more than one value"},
		{"Echo", []string{`"a"`, `"b"`, `[`}, "argument items: want a []string: unexpected EOF"},
		{"Count", []string{`1.5`, `1`}, "argument n: want an int, got the number 1.5"},
		{"Count", []string{`"1"`, `1`}, "argument n: want an int, got a string"},
		{"Count", []string{`true`, `1`}, "argument n: want an int, got a bool"},
		{"Count", []string{`1`, `"1.5"`}, "argument x: want a float64, got a string"},
		{"Count", []string{`1`, `-1`}, `argument x: "-1" would start a command-line argument with "-"`},
		{"Nope", nil, "cli has no function Nope"},
	}
	for _, tt := range bad {
		_, err := call(p, tt.fn, tt.args...)
		if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
			t.Errorf("%s(%s) error = %v; want %q", tt.fn, strings.Join(tt.args, ", "), err, tt.err)
		}
	}

	// Call checks its arguments again: they may not come from Prepare.
	for _, args := range []map[string]any{
		{"a": "a", "b": "b"},
		{"a": "a", "b": 1, "items": []any{}},
		{"a": "-a", "b": "b", "items": []string{}},
	} {
		if got, err := unwrap(p.Call(context.Background(), "Echo", args)); err == nil {
			t.Errorf("Call(Echo, %v) = %v; want an error", args, got)
		}
	}
	if _, err := p.Call(context.Background(), "Nope", nil); err == nil {
		t.Error("Call(Nope) succeeded")
	}
	if _, ok := p.Params("Nope"); ok {
		t.Error("Params(Nope) reports a function")
	}
	if got, ok := p.Params("Count"); !ok || !reflect.DeepEqual(got, []string{"n", "x"}) {
		t.Errorf("Params(Count) = %v, %v", got, ok)
	}
}

func TestRun(t *testing.T) {
	p, dir := shProvider(t)
	t.Setenv("AIRLOCK_CLI_TEST_VAR", "v")
	t.Setenv("AIRLOCK_CLI_TEST_OTHER", "leak")

	env, err := call(p, "Env")
	want := []string{"FOO=pre-v-post", "HOME=/nowhere", "PATH=" + os.Getenv("PATH")}
	if got, _ := env.([]string); err != nil || !reflect.DeepEqual(sorted(got), want) {
		t.Errorf("Env() = %q, %v; want exactly %q", env, err, want)
	}
	_, err = call(p, "Unset")
	if err == nil || err.Error() != "providers.cli.Unset.env.TOKEN: environment variable AIRLOCK_CLI_TEST_UNSET is not set where airlock runs" {
		t.Errorf("Unset() error = %v", err)
	}

	_, err = call(p, "Fail", `"it broke"`)
	if err == nil || err.Error() != "exit status 3: it broke" {
		t.Errorf("Fail() error = %v; want %q", err, "exit status 3: it broke")
	}
	long := strings.Repeat("x", 10000) + "END"
	_, err = call(p, "Fail", `"`+long+`"`)
	if err == nil || len(err.Error()) > 4200 || !strings.HasSuffix(err.Error(), "xxEND") {
		t.Errorf("Fail(long) error has %d bytes; want the 4 KiB tail of stderr", len(err.Error()))
	}

	got, err := call(p, "Bytes")
	if err != nil || got != "a\uFFFDb" {
		t.Errorf("Bytes() = %q, %v; want invalid UTF-8 replaced", got, err)
	}
	_, err = call(p, "Bad")
	if err == nil || err.Error() != `output is not valid JSON (invalid character 'o' in literal null (expecting 'u')): "not json"` {
		t.Errorf("Bad() error = %v", err)
	}
	_, err = call(p, "Empty")
	if err == nil || err.Error() != "output is empty, not JSON" {
		t.Errorf("Empty() error = %v", err)
	}
	_, err = call(p, "Missing")
	if err == nil || !strings.HasPrefix(err.Error(), "program airlock-no-such-program is not installed: not found in PATH (") {
		t.Errorf("Missing() error = %v", err)
	}
	got, err = call(p, "Where")
	if err != nil || got != filepath.Join(dir, "sub")+"\n" {
		t.Errorf("Where() = %q, %v; want the dir setting", got, err)
	}
	_, err = call(p, "NoDir")
	if err == nil || err.Error() != "working directory "+filepath.Join(dir, "no-such-dir")+" does not exist (providers.cli.NoDir.dir)" {
		t.Errorf("NoDir() error = %v", err)
	}
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

func TestStop(t *testing.T) {
	p, dir := shProvider(t)
	need(t, "sleep", "yes")

	start := time.Now()
	_, err := call(p, "Sleep", `60`)
	if err == nil || err.Error() != "no result within the timeout of 300ms; the command was stopped" {
		t.Errorf("Sleep(60) error = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Sleep(60) returned after %s; want soon after the 300ms timeout", d)
	}
	if _, err := call(p, "Sleep", `0`); err != nil {
		t.Errorf("Sleep(0): %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start = time.Now()
	_, err = callCtx(ctx, p, "Sleep", `60`)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep(60) after cancel error = %v; want context.Canceled", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Sleep(60) returned %s after cancel", d)
	}

	start = time.Now()
	_, err = call(p, "Flood", `"y"`)
	if err == nil || err.Error() != "output exceeds max_output (64 KiB); the command was stopped" {
		t.Errorf("Flood() error = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Flood() returned after %s", d)
	}

	// The whole process group dies, not only the command.
	pidfile := filepath.Join(dir, "pid")
	start = time.Now()
	_, err = call(p, "Group", strings.ReplaceAll(`"`+pidfile+`"`, `\`, `\\`))
	if err == nil || !strings.HasPrefix(err.Error(), "no result within the timeout") {
		t.Errorf("Group() error = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Group() returned after %s", d)
	}
	checkGone(t, pidfile)
}

func TestSource(t *testing.T) {
	p := newProvider(t, gitTools+strings.TrimPrefix(jqTools, "\n"), ".")
	pkg := p.Package()
	if pkg.Path != "airlock/cli" || pkg.Name != "cli" {
		t.Errorf("Package() = %s %s", pkg.Path, pkg.Name)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "cli.go", pkg.Source, parser.ParseComments)
	if err != nil {
		t.Fatalf("source does not parse: %v\n%s", err, pkg.Source)
	}
	if f.Name.Name != "cli" || !strings.Contains(f.Doc.Text(), "outside the sandbox") {
		t.Errorf("package doc = %q", f.Doc.Text())
	}
	funcs, err := decl.Parse(pkg.Source)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"func Build(s string, n int, x float64, b bool) (any, error)",
		"func GitHead() (any, error)",
		"func GitLog(count int, paths []string) ([]string, error)",
		"func GitShow(rev string) (string, error)",
		"func Keys(input string) ([]string, error)",
		"func Query(filter string, input string) (any, error)",
		"func Raw(filter string, input string) (string, error)",
	}
	var got []string
	for _, fn := range funcs {
		got = append(got, fn.Signature)
		params, _ := p.Params(fn.Name)
		if !reflect.DeepEqual(params, fn.Params) && len(params)+len(fn.Params) > 0 {
			t.Errorf("Params(%s) = %v; declaration has %v", fn.Name, params, fn.Params)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("signatures =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantDoc := `Commits of the repository, newest first, one line each.

Runs: git log --format=%s -n{count} -- {paths...}

  - count: how many commits
  - paths: paths inside the repository

It returns the lines of the command's standard output.`
	if funcs[2].Doc != wantDoc {
		t.Errorf("GitLog doc =\n%s\nwant\n%s", funcs[2].Doc, wantDoc)
	}
	if doc := funcs[5].Doc; !strings.HasPrefix(doc, "Applies a jq filter to a JSON document.\n\nThe filter is jq's language.\n\nRuns: jq -c {filter}\nwith {input} as standard input.") {
		t.Errorf("Query doc =\n%s", doc)
	}

	empty, err := New(nil, ".")
	if err != nil {
		t.Fatal(err)
	}
	if funcs, err := decl.Parse(empty.Package().Source); err != nil || len(funcs) != 0 {
		t.Errorf("empty package: %v, %v", funcs, err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		src, err string
	}{
		{`gitLog: {command: [git]}`, "providers.cli.gitLog: the tool's name must be an exported Go identifier such as GitLog"},
		{`Git-Log: {command: [git]}`, "providers.cli.Git-Log: the tool's name must be an exported Go identifier such as GitLog"},
		{`Git: [git]`, "providers.cli.Git: want a mapping of settings, got [git]"},
		{`Git: {command: [git], args: [x]}`, `providers.cli.Git: unknown key "args" (known: command, dir, doc, env, max_output, output, params, stdin, timeout)`},
		{`Git: {doc: x}`, "providers.cli.Git.command: want a list such as [git, log, \"-n{count}\"], the program first"},
		{`Git: {command: []}`, "providers.cli.Git.command: want a list such as"},
		{`Git: {command: git log}`, "providers.cli.Git.command: want a list of strings, got git log"},
		{`Git: {command: [git, 1]}`, "providers.cli.Git.command[1]: want a string, got 1 (quote it)"},
		{`Git: {command: [""]}`, "providers.cli.Git.command[0]: the program must be a literal name such as git, without placeholders"},
		{`Git: {command: ["{p}"], params: [{name: p}]}`, "providers.cli.Git.command[0]: the program must be a literal name"},
		{`Git: {command: ["git{p}"], params: [{name: p}]}`, "providers.cli.Git.command[0]: the program must be a literal name"},
		{`Git: {command: [git, "{p"], params: [{name: p}]}`, `providers.cli.Git.command[1]: unclosed { in "{p"; write {{ for a literal brace`},
		{`Git: {command: [git, "{a b}"]}`, `providers.cli.Git.command[1]: {a b} in "{a b}" is not a placeholder such as {name} or {name...}; write {{ for a literal brace`},
		{`Git: {command: [git, "{}"]}`, `providers.cli.Git.command[1]: {} in "{}" is not a placeholder`},
		{`Git: {command: [git, "{x}"], params: [{name: p}]}`, "providers.cli.Git.command[1]: {x} names no param (params: p)"},
		{`Git: {command: [git, "{x}"]}`, "providers.cli.Git.command[1]: {x} names no param (params: none)"},
		{`Git: {command: [git, "{p...}"], params: [{name: p}]}`, "providers.cli.Git.command[1]: {p...} spreads a list, but p is a string; write {p}"},
		{`Git: {command: [git, "-x{p...}"], params: [{name: p, type: "[]string"}]}`, "providers.cli.Git.command[1]: {p...} must be the whole element, with no text around it"},
		{`Git: {command: [git, "{p}"], params: [{name: p, type: "[]string"}]}`, "providers.cli.Git.command[1]: p is a []string; spread it as a whole element {p...}"},
		{`Git: {command: [git, "a\0b"]}`, "providers.cli.Git.command[1]: contains a NUL byte"},
		{`Git: {command: [git], params: [{name: p}]}`, "providers.cli.Git.params[0]: p is used neither in command nor in stdin"},
		{`Git: {command: [git], params: {p: string}}`, "providers.cli.Git.params: want a list such as [{name: count, type: int, doc: how many}], got"},
		{`Git: {command: [git], params: [p]}`, "providers.cli.Git.params[0]: want a mapping such as {name: count, type: int, doc: how many}, got p"},
		{`Git: {command: [git], params: [{name: p, kind: int}]}`, `providers.cli.Git.params[0]: unknown key "kind" (known: doc, name, type)`},
		{`Git: {command: [git], params: [{type: int}]}`, "providers.cli.Git.params[0].name: missing; give the param a name such as count"},
		{`Git: {command: [git], params: [{name: 1}]}`, "providers.cli.Git.params[0].name: want a non-empty string, got 1"},
		{`Git: {command: [git], params: [{name: a-b}]}`, `providers.cli.Git.params[0].name: "a-b" is not a Go identifier such as count or paths`},
		{`Git: {command: [git], params: [{name: func}]}`, `providers.cli.Git.params[0].name: "func" is not a Go identifier`},
		{`Git: {command: [git], params: [{name: _}]}`, `providers.cli.Git.params[0].name: "_" is not a Go identifier`},
		{`Git: {command: [git], params: [{name: err}]}`, `providers.cli.Git.params[0].name: "err" is reserved in Go declarations; choose another name`},
		{`Git: {command: [git], params: [{name: string}]}`, `providers.cli.Git.params[0].name: "string" is reserved`},
		{`Git: {command: [git, "{p}"], params: [{name: p}, {name: p}]}`, `providers.cli.Git.params[1].name: "p" is declared twice`},
		{`Git: {command: [git, "{p}"], params: [{name: p, type: int64}]}`, `providers.cli.Git.params[0].type: want string, int, float, bool or []string, got "int64"`},
		{`Git: {command: [git, "{p}"], params: [{name: p, doc: [x]}]}`, "providers.cli.Git.params[0].doc: want a non-empty string, got [x]"},
		{`Git: {command: [git], stdin: "{p}"}`, "providers.cli.Git.stdin: {p} names no param (params: none)"},
		{`Git: {command: [git], stdin: "x{p}", params: [{name: p}]}`, `providers.cli.Git.stdin: want a single placeholder such as {input} naming a string param, got "x{p}"`},
		{`Git: {command: [git], stdin: "{p...}", params: [{name: p, type: "[]string"}]}`, `providers.cli.Git.stdin: want a single placeholder`},
		{`Git: {command: [git], stdin: "{p", params: [{name: p}]}`, `providers.cli.Git.stdin: unclosed { in "{p"`},
		{`Git: {command: [git], stdin: "{p}", params: [{name: p, type: int}]}`, "providers.cli.Git.stdin: p is a int; stdin takes a string param"},
		{`Git: {command: [git], output: yaml}`, `providers.cli.Git.output: want text, lines or json, got "yaml"`},
		{`Git: {command: [git], dir: 1}`, "providers.cli.Git.dir: want a non-empty string, got 1"},
		{`Git: {command: [git], doc: ""}`, "providers.cli.Git.doc: want a non-empty string, got "},
		{`Git: {command: [git], timeout: soon}`, "providers.cli.Git.timeout: want a duration such as 10s, got soon"},
		{`Git: {command: [git], timeout: -1s}`, "providers.cli.Git.timeout: want a duration such as 10s, got -1s"},
		{`Git: {command: [git], max_output: lots}`, "providers.cli.Git.max_output: want a size such as 64MiB, got lots"},
		{`Git: {command: [git], env: [A]}`, "providers.cli.Git.env: want a mapping of names to strings, got [A]"},
		{`Git: {command: [git], env: {A: 1}}`, "providers.cli.Git.env: want a mapping of names to strings"},
		{`Git: {command: [git], env: {"A=B": x}}`, `providers.cli.Git.env: "A=B" is not a variable name`},
		{`Git: {command: [git], env: {A: "a\0"}}`, "providers.cli.Git.env.A: contains a NUL byte"},
	}
	for _, tt := range tests {
		_, err := New(parse(t, tt.src), ".")
		if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
			t.Errorf("New(%s) error = %v\nwant %s", tt.src, err, tt.err)
		}
	}

	// Every setting at once, and the escapes, are accepted.
	_, err := New(parse(t, `
All:
  doc: Everything.
  command: [prog, "{{literal}", "}", "a{{b}c", "{s}", --, "{l...}"]
  params: [{name: s, type: string, doc: a string}, {name: l, type: "[]string"}, {name: i, type: int}, {name: f, type: float}, {name: b, type: bool}, {name: in}]
  stdin: "{in}"
  output: text
  dir: /tmp
  env: {A: "${B}"}
  timeout: 1m
  max_output: 1000
`), ".")
	if err == nil || err.Error() != "providers.cli.All.params[2]: i is used neither in command nor in stdin" {
		t.Errorf("New(All) error = %v", err)
	}
	p, err := New(parse(t, `
All:
  doc: Everything.
  command: [prog, "{{literal}", "}", "a{{b}c{i}{f}{b}", "{s}", --, "{l...}"]
  params: [{name: s, type: string, doc: a string}, {name: l, type: "[]string"}, {name: i, type: int}, {name: f, type: float}, {name: b, type: bool}, {name: in}]
  stdin: "{in}"
  output: text
  dir: /tmp
  env: {A: "${B}"}
  timeout: 1m
  max_output: 1000
`), ".")
	if err != nil {
		t.Fatal(err)
	}
	argv, err := p.Argv("All", map[string]any{"s": "S", "l": []any{"-x"}, "i": int64(-1), "f": 0.5, "b": true, "in": "-"})
	if want := []string{"prog", "{literal}", "}", "a{b}c-10.5true", "S", "--", "-x"}; err != nil || !reflect.DeepEqual(argv, want) {
		t.Errorf("Argv(All) = %q, %v; want %q", argv, err, want)
	}
}

// unwrap is what the program gets from a call: the value of a
// provider.Direct result.
func unwrap(v any, err error) (any, error) {
	v, _, _ = provider.Unwrap(v)
	return v, err
}

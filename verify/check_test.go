package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/plan"
)

// checkPolicy grants file and HTTP tools with rules of each kind.
const checkPolicy = `name: test
imports: [fmt, strings, encoding/json]
tools:
  fs.ReadCSV:
    allow: 'under(args.path, "data") and ext(args.path) == ".csv"'
    reason: only .csv files under data/
  fs.ReadFile:
    allow: 'under(args["pa" + "th"], "data")'
  fs.Glob: {}
  http.Get:
    allow: 'host(args.url) == "api.example.com"'
  http.Post:
    allow: 'args.contentType == "application/json"'
program:
  - deny: 'uses("fs.ReadCSV") and uses("http.Post")'
    reason: rows must not leave through HTTP
`

func known(name string, v any) plan.Arg {
	expr := strconv.Quote(fmtValue(v))
	if _, ok := v.(string); !ok {
		expr = fmtValue(v)
	}
	return plan.Arg{Name: name, Known: true, Value: v, Expr: expr}
}

func fmtValue(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return s
}

func unknown(name, expr string) plan.Arg {
	return plan.Arg{Name: name, Expr: expr}
}

func call(tool string, line int, args ...plan.Arg) plan.ToolUse {
	return plan.ToolUse{Tool: tool, Kind: "call", Pos: plan.Pos{Line: line, Col: 9}, Args: args}
}

func value(tool string, line int) plan.ToolUse {
	return plan.ToolUse{Tool: tool, Kind: "value", Pos: plan.Pos{Line: line, Col: 7}}
}

func TestJudge(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	tests := []struct {
		name     string
		use      plan.ToolUse
		decision string
		reason   string
	}{
		{"rule holds", call("fs.ReadCSV", 1, known("path", "data/sales.csv")), Allowed, "rule holds"},
		{"rule fails, with the policy's reason", call("fs.ReadCSV", 1, known("path", "secret/keys.csv")), Denied, "only .csv files under data/"},
		{"no string-prefix match", call("fs.ReadCSV", 1, known("path", "data2/x.csv")), Denied, "only .csv files under data/"},
		{"path traversal", call("fs.ReadCSV", 1, known("path", "data/../secret.csv")), Denied, "only .csv files under data/"},
		{"argument known at run time", call("fs.ReadCSV", 1, unknown("path", "name")), Deferred, "argument path is only known at run time"},
		{"rule without reason", call("http.Get", 1, known("url", "https://evil.example/")), Denied, `denied by rule host(args.url) == "api.example.com"`},
		{"URL with a user part", call("http.Get", 1, known("url", "https://api.example.com@evil.example/")), Denied, `denied by rule host(args.url) == "api.example.com"`},
		{"host is case-insensitive", call("http.Get", 1, known("url", "https://API.example.com./v1")), Allowed, "rule holds"},
		{"only the arguments the rule reads matter", call("http.Post", 1, unknown("url", "u"), known("contentType", "application/json"), unknown("body", "b")), Allowed, "rule holds"},
		{"read argument unknown", call("http.Post", 1, known("url", "https://x/"), unknown("contentType", "ct"), known("body", "{}")), Deferred, "argument contentType is only known at run time"},
		{"computed key needs every argument", call("fs.ReadFile", 1, unknown("path", "p")), Deferred, "argument path is only known at run time"},
		{"computed key, all known", call("fs.ReadFile", 1, known("path", "data/a.txt")), Allowed, "rule holds"},
		{"no rule", call("fs.Glob", 1, unknown("pattern", "p")), Allowed, "granted for any arguments"},
		{"tool not granted", call("fs.ReadDir", 1, known("path", "data")), Denied, "fs.ReadDir is not granted by policy test"},
		{"value use", value("fs.Glob", 1), Deferred, "used as a value: its arguments are checked when it is called"},
		{"value use of a tool not granted", value("fs.ReadDir", 1), Denied, "fs.ReadDir is not granted by policy test"},
		{"rule fails to evaluate", call("fs.ReadCSV", 1, known("path", int64(3))), Denied, "rule failed: under: path is int64, not a string"},
		{"missing argument", call("fs.ReadCSV", 1), Deferred, "argument path is only known at run time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pol.judge(tt.use, nil)
			if got.Decision != tt.decision || got.Reason != tt.reason {
				t.Errorf("judge = %s (%s), want %s (%s)", got.Decision, got.Reason, tt.decision, tt.reason)
			}
		})
	}
}

// TestJudgeCanonical: with a canonicaliser, rules judge the values the
// provider will use, and arguments it refuses deny the use before run time.
func TestJudgeCanonical(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	canon := func(tool string, args []plan.Arg) (map[string]any, error) {
		p := args[0].Value.(string)
		if strings.HasPrefix(p, "/") {
			return nil, errors.New("absolute paths are not allowed")
		}
		return map[string]any{"path": strings.ToLower(p)}, nil
	}
	for _, tt := range []struct {
		use              plan.ToolUse
		decision, reason string
	}{
		{call("fs.ReadCSV", 1, known("path", "DATA/Sales.CSV")), Allowed, "rule holds"},
		{call("fs.ReadCSV", 1, known("path", "/etc/passwd")), Denied, "argument refused: absolute paths are not allowed"},
		{call("fs.Glob", 1, known("pattern", "/etc/*")), Denied, "argument refused: absolute paths are not allowed"},
		{call("fs.ReadCSV", 1, unknown("path", "p")), Deferred, "argument path is only known at run time"},
	} {
		if got := pol.judge(tt.use, canon); got.Decision != tt.decision || got.Reason != tt.reason {
			t.Errorf("%v: %s (%s), want %s (%s)", tt.use.Args, got.Decision, got.Reason, tt.decision, tt.reason)
		}
	}
}

func TestJudgeConstantRules(t *testing.T) {
	pol := mustLoad(t, "tools:\n  fs.Glob: {allow: false, reason: globbing is off}\n  fs.ReadDir: {allow: 'tool == \"fs.ReadDir\"'}\n")
	for _, tt := range []struct {
		use      plan.ToolUse
		decision string
	}{
		{value("fs.Glob", 1), Denied},
		{call("fs.Glob", 1, known("pattern", "*")), Denied},
		{value("fs.ReadDir", 1), Deferred},
		{call("fs.ReadDir", 1, unknown("path", "p")), Allowed},
	} {
		if got := pol.judge(tt.use, nil); got.Decision != tt.decision {
			t.Errorf("%s %s: %s (%s), want %s", tt.use.Tool, tt.use.Kind, got.Decision, got.Reason, tt.decision)
		}
	}
}

// hostilePlan imports what it must not, uses tools in every way and trips
// the program rule.
func hostilePlan() *plan.Plan {
	return &plan.Plan{
		File:     "prog.go",
		Language: "go",
		Source:   []byte("package main\n"),
		Imports: []plan.Import{
			{Path: "fmt", Pos: plan.Pos{Line: 3, Col: 2}},
			{Path: "os/exec", Pos: plan.Pos{Line: 4, Col: 2}},
			{Path: "crypto/md5", Pos: plan.Pos{Line: 5, Col: 2}},
			{Path: "airlock/fs", Tool: true, Pos: plan.Pos{Line: 6, Col: 2}},
			{Path: "airlock/sql", Pos: plan.Pos{Line: 7, Col: 2}},
		},
		Uses: []plan.ToolUse{
			call("fs.ReadCSV", 10, known("path", "data/sales.csv")),
			call("fs.ReadCSV", 11, unknown("path", "name")),
			call("fs.ReadCSV", 12, known("path", "secret.csv")),
			call("fs.ReadDir", 13, known("path", "data")),
			call("http.Post", 14, known("url", "https://api.example.com/"), known("contentType", "application/json"), unknown("body", "string(rows)")),
		},
		Findings: []plan.Finding{{Pos: plan.Pos{Line: 1, Col: 1}, Rule: "cgo", Message: "cgo is not supported", Hint: "write the program in pure Go"}},
	}
}

func TestCheck(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	v := Check(hostilePlan(), pol, CheckOptions{})
	if v.Approved() {
		t.Fatal("hostile plan approved")
	}
	var out bytes.Buffer
	if err := WriteText(&out, []FileResult{{File: "prog.go", Verdict: v}}); err != nil {
		t.Fatal(err)
	}
	want := `prog.go:1:1: cgo is not supported
	hint: write the program in pure Go
prog.go:4:2: import "os/exec" is not allowed: the sandbox does not provide it
	hint: allowed imports: airlock, airlock/fs, airlock/http, airlock/table, encoding/json, fmt, strings
prog.go:5:2: import "crypto/md5" is not allowed by policy test
	hint: allowed imports: airlock, airlock/fs, airlock/http, airlock/table, encoding/json, fmt, strings
prog.go:7:2: import "airlock/sql" is not allowed: no such tool package
	hint: granted tools: fs.Glob, fs.ReadCSV, fs.ReadFile, http.Get, http.Post
prog.go:11:9: note: fs.ReadCSV(name) is checked when the program runs: argument path is only known at run time
prog.go:12:9: fs.ReadCSV("secret.csv") denied: only .csv files under data/
	hint: fs.ReadCSV is allowed when under(args.path, "data") and ext(args.path) == ".csv"
prog.go:13:9: fs.ReadDir("data") denied: fs.ReadDir is not granted by policy test
	hint: granted tools: fs.Glob, fs.ReadCSV, fs.ReadFile, http.Get, http.Post
prog.go:14:9: program denied: rows must not leave through HTTP
	hint: the policy denies programs where uses("fs.ReadCSV") and uses("http.Post")
`
	if out.String() != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", out.String(), want)
	}
	if got := len(v.Uses); got != 5 {
		t.Errorf("%d use verdicts, want 5", got)
	}
}

func TestCheckStrict(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	p := &plan.Plan{
		File:    "prog.go",
		Imports: []plan.Import{{Path: "airlock/fs", Tool: true, Pos: plan.Pos{Line: 3, Col: 2}}},
		Uses: []plan.ToolUse{
			call("fs.ReadCSV", 10, known("path", "data/sales.csv")),
			call("fs.ReadCSV", 11, unknown("path", "name")),
		},
	}
	if v := Check(p, pol, CheckOptions{}); !v.Approved() || len(v.Violations) != 0 {
		t.Errorf("not strict: approved %v, violations %v; want approved with a deferred use", v.Approved(), v.Violations)
	}
	v := Check(p, pol, CheckOptions{Strict: true})
	if v.Approved() {
		t.Fatal("strict: approved a deferred use")
	}
	want := []Violation{{
		Pos:     plan.Pos{Line: 11, Col: 9},
		Rule:    RuleDeferred,
		Message: "fs.ReadCSV(name) cannot be checked before the program runs: argument path is only known at run time",
		Hint:    "pass constant arguments so the policy can check them before the program runs",
	}}
	if len(v.Violations) != 1 || v.Violations[0] != want[0] {
		t.Errorf("violations %+v\nwant %+v", v.Violations, want)
	}
}

func TestCheckApproves(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	p := &plan.Plan{
		File:    "prog.go",
		Source:  []byte("package main\n"),
		Imports: []plan.Import{{Path: "fmt"}, {Path: "airlock"}, {Path: "airlock/http", Tool: true}},
		Uses:    []plan.ToolUse{call("http.Post", 10, known("url", "https://x/"), known("contentType", "application/json"), known("body", "{}"))},
	}
	v := Check(p, pol, CheckOptions{Strict: true})
	if !v.Approved() {
		t.Fatalf("not approved: %+v", v.Violations)
	}
	if v.Uses[0].Decision != Allowed {
		t.Errorf("decision %s", v.Uses[0].Decision)
	}
	src := v.Source()
	src[0] = 'X'
	if !bytes.Equal(v.Source(), []byte("package main\n")) {
		t.Error("Source returned the verdict's own bytes")
	}
}

func TestProgramRules(t *testing.T) {
	pol := mustLoad(t, `imports: [fmt]
tools: {fs.ReadCSV: {}, fs.Glob: {}, http.Get: {}, http.Post: {}}
program:
  - deny: 'uses_any("fs") and uses_any("http.P*")'
    reason: no file data out
  - deny: 'imports("encoding/base64") and uses("http.Get")'
  - deny: 'len(tools) > 3'
    reason: too many kinds of tool call
`)
	tests := []struct {
		name    string
		imports []string
		uses    []plan.ToolUse
		want    string
	}{
		{"nothing", nil, nil, ""},
		{"files only", nil, []plan.ToolUse{call("fs.ReadCSV", 5), call("fs.Glob", 6)}, ""},
		{"files then post", nil, []plan.ToolUse{call("fs.Glob", 5), call("http.Post", 9), call("fs.ReadCSV", 7)},
			"9:9 program denied: no file data out"},
		{"value use counts", nil, []plan.ToolUse{value("http.Post", 4), call("fs.Glob", 6)},
			"6:9 program denied: no file data out"},
		{"import and tool", []string{"encoding/base64"}, []plan.ToolUse{call("http.Get", 8)},
			`8:9 program denied by rule imports("encoding/base64") and uses("http.Get")`},
		{"import alone", []string{"encoding/base64"}, nil, ""},
		{"tools variable", nil, []plan.ToolUse{call("fs.ReadCSV", 5), call("fs.Glob", 6), call("http.Get", 7), call("http.Post", 8)},
			"8:9 program denied: no file data out; 1:1 program denied: too many kinds of tool call"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &plan.Plan{File: "p.go", Uses: tt.uses}
			for _, path := range tt.imports {
				p.Imports = append(p.Imports, plan.Import{Path: path})
			}
			var got []string
			for _, v := range pol.checkProgram(p) {
				got = append(got, strconv.Itoa(v.Pos.Line)+":"+strconv.Itoa(v.Pos.Col)+" "+v.Message)
			}
			if s := strings.Join(got, "; "); s != tt.want {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
}

func TestVerdictCannotBeForged(t *testing.T) {
	var zero Verdict
	if zero.Approved() {
		t.Error("zero Verdict approved")
	}
	var nilVerdict *Verdict
	if nilVerdict.Approved() {
		t.Error("nil Verdict approved")
	}
	if v := Check(&plan.Plan{File: "p.go"}, nil, CheckOptions{}); v.Approved() {
		t.Error("approved without a policy")
	}
	if v := Check(nil, Default(), CheckOptions{}); v.Approved() {
		t.Error("approved without a plan")
	}
}

func TestVerdictJSON(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	p := &plan.Plan{File: "prog.go", Uses: []plan.ToolUse{call("fs.ReadCSV", 2, unknown("path", "name"))}}
	b, err := json.Marshal(Check(p, pol, CheckOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"file":"prog.go","policy":"test","approved":true,"tool_uses":[{"tool":"fs.ReadCSV","kind":"call","pos":{"line":2,"col":9},"args":[{"name":"path","known":false,"expr":"name"}],"decision":"deferred","rule":"under(args.path, \"data\") and ext(args.path) == \".csv\"","reason":"argument path is only known at run time"}],"violations":[]}`
	if string(b) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", b, want)
	}
}

func TestToolSigs(t *testing.T) {
	sigs, err := ToolSigs(plan.ToolPackage{Path: "airlock/http", Name: "http", Source: `package http

// Get fetches a URL.
func Get(url string) (string, error)

// Post sends a body.
func Post(url, contentType string, body string) (string, error)

func helper(x int) int
`})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(sigs)
	want := `[{"name":"http.Get","params":["url"]},{"name":"http.Post","params":["url","contentType","body"]}]`
	if string(got) != want {
		t.Errorf("ToolSigs = %s, want %s", got, want)
	}
	if _, err := ToolSigs(plan.ToolPackage{Path: "airlock/x", Name: "x", Source: "package x\nfunc F(string) error\n"}); err == nil || err.Error() != "tool package airlock/x: F: parameters must be named: a policy's rules read arguments by name" {
		t.Errorf("unnamed parameter: err = %v", err)
	}
}

// TestRuleArgs checks which arguments a rule is found to read: a rule is
// deferred only when one of those is unknown.
func TestRuleArgs(t *testing.T) {
	tests := []struct {
		rule    string
		args    string
		dynamic bool
	}{
		{`host(args.url) == "x"`, "url", false},
		{`args["url"] != "" and args.url != "x"`, "url", false},
		{`args?.contentType != ""`, "contentType", false},
		{`tool == "http.Post"`, "", false},
		{`args.url != "" and args.body != ""`, "body,url", false},
		{`args[tool] != nil`, "", true},
		{`len(args) > 0`, "", true},
		{`args.url != "" and len(args) > 0`, "url", true},
		{`$env.args.url != ""`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			pol := mustLoad(t, "tools:\n  http.Post: {allow: '"+strings.ReplaceAll(tt.rule, "'", "''")+"'}\n")
			r := pol.tools["http.Post"].rule
			if got := strings.Join(r.args, ","); got != tt.args || r.dynamic != tt.dynamic {
				t.Errorf("args %q dynamic %v, want %q %v", got, r.dynamic, tt.args, tt.dynamic)
			}
		})
	}
}

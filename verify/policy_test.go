package verify

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// knownTools are the tools available to the policies under test, as the
// tool registry declares them.
var knownTools = []ToolSig{
	{Name: "fs.ReadFile", Params: []string{"path"}},
	{Name: "fs.ReadDir", Params: []string{"path"}},
	{Name: "fs.Glob", Params: []string{"pattern"}},
	{Name: "fs.ReadCSV", Params: []string{"path"}},
	{Name: "fs.ReadCSVRows", Params: []string{"path"}},
	{Name: "http.Get", Params: []string{"url"}},
	{Name: "http.Post", Params: []string{"url", "contentType", "body"}},
}

func mustLoad(t testing.TB, src string) *Policy {
	t.Helper()
	p, err := Load("p.yaml", []byte(src), knownTools)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "unknown top-level key",
			src:  "name: x\ntoolz: {}\n",
			want: `p.yaml:2:1: unknown key "toolz"
 | toolz: {}
 | ^
hint: did you mean tools? valid keys: name, description, imports, tools, program, labels, flows, providers, limits`,
		},
		{
			name: "unknown key in a tool",
			src:  "tools:\n  fs.ReadCSV:\n    allow: 'true'\n    reasn: x\n",
			want: `p.yaml:4:5: unknown key "reasn" in tools.fs.ReadCSV
 |     reasn: x
 | ....^
hint: did you mean reason? valid keys: allow, reason`,
		},
		{
			name: "unknown key in limits and program",
			src:  "limits: {time: 1s}\nprogram:\n  - deny: 'false'\n    why: x\n",
			want: `p.yaml:1:10: unknown key "time" in limits
 | limits: {time: 1s}
 | .........^
hint: valid keys: timeout, cpu, memory, tool_calls, output_tokens, output_bytes, output_overflow, result_bytes
p.yaml:4:5: unknown key "why" in program rule
 |     why: x
 | ....^
hint: valid keys: deny, reason`,
		},
		{
			name: "unknown tool",
			src:  "tools:\n  fs.ReadCVS: {}\n  shell.Run: {}\n",
			want: `p.yaml:2:3: unknown tool "fs.ReadCVS"
 |   fs.ReadCVS: {}
 | ..^
hint: did you mean fs.ReadCSV?
p.yaml:3:3: unknown tool "shell.Run"
 |   shell.Run: {}
 | ..^
hint: known: fs.Glob, fs.ReadCSV, fs.ReadCSVRows, fs.ReadDir, fs.ReadFile, http.Get, http.Post`,
		},
		{
			name: "imports outside the sandbox, a tool package and a duplicate",
			src:  "imports: [fmt, os/exec, net/smtp, airlock/fs, fmt, strigs]\n",
			want: `p.yaml:1:16: package "os/exec" is not available in the sandbox
 | imports: [fmt, os/exec, net/smtp, airlock/fs, fmt, strigs]
 | ...............^
hint: allowed imports: bufio, bytes, cmp, compress/bzip2, compress/flate, compress/gzip, compress/lzw, compress/zlib, container/heap, container/list, container/ring, context and 59 more
p.yaml:1:25: package "net/smtp" is not available in the sandbox
 | imports: [fmt, os/exec, net/smtp, airlock/fs, fmt, strigs]
 | ........................^
hint: allowed imports: bufio, bytes, cmp, compress/bzip2, compress/flate, compress/gzip, compress/lzw, compress/zlib, container/heap, container/list, container/ring, context and 59 more
p.yaml:1:35: tool package airlock/fs is allowed by granting its tools, not by imports
 | imports: [fmt, os/exec, net/smtp, airlock/fs, fmt, strigs]
 | ..................................^
hint: list the tools the program may call under tools:, e.g. fs.ReadFile: {}
p.yaml:1:47: "fmt" is listed twice
 | imports: [fmt, os/exec, net/smtp, airlock/fs, fmt, strigs]
 | ..............................................^
p.yaml:1:52: package "strigs" is not available in the sandbox
 | imports: [fmt, os/exec, net/smtp, airlock/fs, fmt, strigs]
 | ...................................................^
hint: use strings instead`,
		},
		{
			name: "unknown parameter, single-quoted",
			src:  "tools:\n  fs.ReadCSV:\n    allow: 'under(args.pth, \"data\")'\n",
			want: `p.yaml:3:24: unknown field pth
 | under(args.pth, "data")
 | ...........^
hint: did you mean args.path? fs.ReadCSV takes path`,
		},
		{
			name: "unknown parameter after escapes, double-quoted",
			src:  "tools:\n  http.Post:\n    allow: \"args.contentType == \\\"a/b\\\" and args.bdy != \\\"\\\"\"\n",
			want: `p.yaml:3:50: unknown field bdy
 | args.contentType == "a/b" and args.bdy != ""
 | ...................................^
hint: did you mean args.body? http.Post takes url, contentType, body`,
		},
		{
			name: "doubled quote before the mistake, single-quoted",
			src:  "tools:\n  fs.ReadCSV:\n    allow: 'args.path != ''x'' and nope'\n",
			want: `p.yaml:3:36: unknown name nope
 | args.path != 'x' and nope
 | .....................^
hint: a tool rule can use args, tool, the helpers host, port, scheme, path_of, under, ext, base, clean and expr's builtins`,
		},
		{
			name: "literal block",
			src:  "tools:\n  fs.ReadCSV:\n    allow: |\n      under(args.path, \"data\")\n        and ext(args.path) == \".csv\" and nope\n",
			want: `p.yaml:5:42: unknown name nope
 |   and ext(args.path) == ".csv" and nope
 | ...................................^
hint: a tool rule can use args, tool, the helpers host, port, scheme, path_of, under, ext, base, clean and expr's builtins`,
		},
		{
			name: "folded block",
			src:  "tools:\n  fs.ReadCSV:\n    allow: >-\n      under(args.path, \"data\")\n      and nope\n",
			want: `p.yaml:5:11: unknown name nope
 | under(args.path, "data") and nope
 | .............................^
hint: a tool rule can use args, tool, the helpers host, port, scheme, path_of, under, ext, base, clean and expr's builtins`,
		},
		{
			name: "plain scalar over two lines, with non-ASCII text",
			src:  "tools:\n  fs.ReadCSV:\n    allow: args.path != \"données\"\n      and nope\n",
			want: `p.yaml:4:11: unknown name nope
 | args.path != "données" and nope
 | ...........................^
hint: a tool rule can use args, tool, the helpers host, port, scheme, path_of, under, ext, base, clean and expr's builtins`,
		},
		{
			name: "syntax error",
			src:  "tools:\n  fs.ReadCSV: {allow: 'under(args.path, \"data\"'}\n",
			want: `p.yaml:2:46: unexpected token EOF
 | under(args.path, "data"
 | ......................^`,
		},
		{
			name: "result is not a bool",
			src:  "tools:\n  fs.ReadCSV: {allow: 'base(args.path)'}\n",
			want: `p.yaml:2:24: expected bool, but got string
 | base(args.path)
 | ^`,
		},
		{
			name: "helper called with the wrong type",
			src:  "tools:\n  fs.ReadCSV: {allow: 'under(args.path, 1)'}\n",
			want: `p.yaml:2:41: cannot use int as argument (type string) to call under 
 | under(args.path, 1)
 | .................^`,
		},
		{
			name: "program helper in a tool rule",
			src:  "tools:\n  http.Post: {allow: 'not uses(\"fs.ReadCSV\")'}\n",
			want: `p.yaml:2:27: uses() is only available in program rules
 | not uses("fs.ReadCSV")
 | ....^
hint: put rules about the whole program under program: with deny:`,
		},
		{
			name: "program rules naming unknown tools",
			src:  "program:\n  - deny: 'uses(\"http.Put\")'\n  - deny: 'uses_any(\"sql\")'\n  - deny: 'uses_any(\"fs.[\")'\n  - deny: 'uses(\"a\", \"b\")'\n",
			want: `p.yaml:2:17: unknown tool "http.Put"
 | uses("http.Put")
 | .....^
hint: known: fs.Glob, fs.ReadCSV, fs.ReadCSVRows, fs.ReadDir, fs.ReadFile, http.Get, http.Post
p.yaml:3:21: pattern "sql" matches no known tool
 | uses_any("sql")
 | .........^
hint: known tools: fs.Glob, fs.ReadCSV, fs.ReadCSVRows, fs.ReadDir, fs.ReadFile, http.Get, http.Post
p.yaml:4:21: bad pattern "fs.[": syntax error in pattern
 | uses_any("fs.[")
 | .........^
hint: write a glob such as "http.*" or a provider name such as "http"
p.yaml:5:12: uses takes one argument, got 2
 | uses("a", "b")
 | ^`,
		},
		{
			name: "program rule without deny, and an empty one",
			src:  "program:\n  - reason: x\n  -\n",
			want: `p.yaml:2:5: program rule has no deny
 |   - reason: x
 | ....^
hint: write deny: followed by an expression that is true when the program must not run
p.yaml:3:3: empty program rule
 |   -
 | ..^
hint: write - deny: 'uses("fs.ReadFile") and uses("http.Post")'`,
		},
		{
			name: "empty rule",
			src:  "tools:\n  fs.ReadCSV: {allow: ''}\n",
			want: `p.yaml:2:23: empty rule
 |   fs.ReadCSV: {allow: ''}
 | ......................^
hint: write an expression, e.g. under(args.path, "data")`,
		},
		{
			name: "rule that is not a string",
			src:  "tools:\n  fs.ReadCSV: {allow: [a]}\n",
			want: `p.yaml:2:23: allow must be an expression, not a list
 |   fs.ReadCSV: {allow: [a]}
 | ......................^
hint: quote the expression: allow: 'under(args.path, "data")'`,
		},
		{
			name: "limits",
			src: "limits:\n  timeout: 10\n  cpu: 0s\n  memory: 1.5MiB\n  output_bytes: 256mb\n" +
				"  result_bytes: 0B\n  tool_calls: -1\n  output_tokens: many\n",
			want: `p.yaml:2:12: timeout must be a duration, not a number
 |   timeout: 10
 | ...........^
hint: write a number and a unit, e.g. 10s, 1m30s or 500ms
p.yaml:3:8: cpu: duration must be positive
 |   cpu: 0s
 | .......^
p.yaml:4:11: memory: invalid size "1.5MiB": want an integer and a unit, e.g. 256MiB, 1MB, 64KiB or 512B
 |   memory: 1.5MiB
 | ..........^
p.yaml:5:17: output_bytes: invalid size "256mb": want an integer and a unit, e.g. 256MiB, 1MB, 64KiB or 512B
 |   output_bytes: 256mb
 | ................^
p.yaml:7:15: tool_calls must be between 0 and 2147483647
 |   tool_calls: -1
 | ..............^
p.yaml:8:18: output_tokens must be a whole number, not a string
 |   output_tokens: many
 | .................^`,
		},
		{
			name: "summary budget out of range",
			src:  "limits: {output_tokens: 5000000}\n",
			want: `p.yaml:1:25: output_tokens must be between 300 and 1000000
 | limits: {output_tokens: 5000000}
 | ........................^`,
		},
		{
			name: "memory of zero",
			src:  "limits: {memory: 0B}\n",
			want: `p.yaml:1:18: memory must be at least 1B
 | limits: {memory: 0B}
 | .................^`,
		},
		{
			name: "unknown provider and YAML features that are refused",
			src:  "providers:\n  fss: {}\n  fs: {roots: &r {data: x}}\n  http: !!map {}\n",
			want: `p.yaml:2:3: unknown provider "fss"
 |   fss: {}
 | ..^
hint: did you mean fs?
p.yaml:3:15: an anchor (&) is not supported in a policy
 |   fs: {roots: &r {data: x}}
 | ..............^
p.yaml:4:9: a tag (!) is not supported in a policy
 |   http: !!map {}
 | ........^`,
		},
		{
			name: "wrong shapes",
			src:  "name: [x]\nimports: fmt\ntools: [fs.ReadCSV]\nprogram: {deny: x}\n",
			want: `p.yaml:1:7: name must be a string, not a list
 | name: [x]
 | ......^
p.yaml:2:10: imports must be a list, not a string
 | imports: fmt
 | .........^
p.yaml:3:8: tools must be a mapping, not a list
 | tools: [fs.ReadCSV]
 | .......^
p.yaml:4:10: program must be a list, not a mapping
 | program: {deny: x}
 | .........^`,
		},
		{
			name: "bad name",
			src:  "name: my policy\n",
			want: `p.yaml:1:7: name "my policy" must be 1 to 64 letters, digits, '-', '_' or '.'
 | name: my policy
 | ......^`,
		},
		{
			name: "not a mapping",
			src:  "- fmt\n",
			want: `p.yaml:1:1: a policy is a mapping of keys such as name, imports and tools, not a list
 | - fmt
 | ^`,
		},
		{
			name: "two documents",
			src:  "name: a\n---\nname: b\n",
			want: `p.yaml:3:1: a policy file holds one YAML document
 | name: b
 | ^`,
		},
		{
			name: "empty",
			src:  "# nothing here\n",
			want: `p.yaml: policy is empty
hint: start with name:, imports: and tools:`,
		},
		{
			name: "YAML syntax error",
			src:  "name: x\ntools:\n  fs.ReadCSV: {allow: 'true'\n",
			want: `p.yaml:3:15: could not find flow mapping end token '}'
 |   fs.ReadCSV: {allow: 'true'
 | ..............^`,
		},
		{
			name: "duplicate key",
			src:  "tools:\n  fs.Glob: {}\n  fs.Glob: {}\n",
			want: `p.yaml:3:3: mapping key "fs.Glob" already defined at [2:3]
 |   fs.Glob: {}
 | ..^`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Load("p.yaml", []byte(tt.src), knownTools)
			if err == nil {
				t.Fatalf("Load succeeded, want error:\n%s", tt.want)
			}
			if p != nil {
				t.Errorf("Load returned a policy with an error")
			}
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("error is %T, want *Error", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestLoadNestingBombs refuses YAML nested deeper than a policy needs
// before the parser sees it (the parser's memory grows with nesting), and
// does not count brackets in strings and comments.
func TestLoadNestingBombs(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"flow", "name: p\nlabels: " + strings.Repeat("[", 40000) + strings.Repeat("]", 40000) + "\n",
			"p.yaml:2:73: the policy nests more than 64 levels deep"},
		{"compact sequences", "labels:\n" + strings.Repeat("- ", 70) + "x\n",
			"p.yaml:2:129: the policy nests more than 64 levels deep"},
		{"indentation", "labels:\n" + strings.Repeat(" ", 300) + "x: 1\n",
			"p.yaml:2:257: the policy nests more than 64 levels deep"},
		{"brackets in strings and comments", "name: p # [[[[\ndescription: '" + strings.Repeat("[", 100) + "'\nlimits: {output_tokens: 5000000}\n",
			"p.yaml:3:25: output_tokens must be between 300 and 1000000"},
	} {
		_, err := Load("p.yaml", []byte(c.src), nil)
		if err == nil || !strings.HasPrefix(err.Error(), c.want+"\n") {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
	}
}

func TestLoadTooLarge(t *testing.T) {
	src := "description: " + strings.Repeat("x", MaxPolicySize) + "\n"
	_, err := Load("big.yaml", []byte(src), knownTools)
	if err == nil || err.Error() != "big.yaml: policy is larger than 1MiB" {
		t.Fatalf("err = %v", err)
	}
}

func TestLoad(t *testing.T) {
	src := `description: |
  reads sales data
imports: [fmt, strings, slices]
tools:
  fs.ReadCSV:
    allow: 'under(args.path, "data")'
    reason: only data/
  fs.Glob:
  http.Get: {}
program:
  - deny: 'uses("fs.ReadCSV") and uses("http.Get")'
    reason: no exfiltration
providers:
  fs: {roots: {data: ../sheets}, depth: 3, ratio: 0.5, follow: false, none: ~, list: [a, 1]}
limits: {timeout: 1m30s, memory: 64MiB, output_bytes: 1MB, tool_calls: 0}
`
	dir := t.TempDir()
	file := filepath.Join(dir, "sales-reader.yaml")
	p, err := Load(file, []byte(src), knownTools)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "sales-reader" {
		t.Errorf("Name = %q, want the file's base name", p.Name)
	}
	if p.Description != "reads sales data\n" {
		t.Errorf("Description = %q", p.Description)
	}
	if p.Dir != dir {
		t.Errorf("Dir = %q, want %q", p.Dir, dir)
	}
	if got, want := p.Imports(), []string{"fmt", "slices", "strings"}; !slices.Equal(got, want) {
		t.Errorf("Imports() = %q, want %q", got, want)
	}
	if got, want := p.Tools(), []string{"fs.Glob", "fs.ReadCSV", "http.Get"}; !slices.Equal(got, want) {
		t.Errorf("Tools() = %q, want %q", got, want)
	}
	if allow, reason, ok := p.ToolRule("fs.ReadCSV"); !ok || allow != `under(args.path, "data")` || reason != "only data/" {
		t.Errorf("ToolRule(fs.ReadCSV) = %q, %q, %v", allow, reason, ok)
	}
	if allow, _, ok := p.ToolRule("fs.Glob"); !ok || allow != "" {
		t.Errorf("ToolRule(fs.Glob) = %q, %v; want granted without a rule", allow, ok)
	}
	if _, _, ok := p.ToolRule("http.Post"); ok {
		t.Errorf("ToolRule(http.Post) granted, want not")
	}
	if got := p.ProgramRules(); len(got) != 1 || got[0].Reason != "no exfiltration" {
		t.Errorf("ProgramRules() = %+v", got)
	}
	fs, ok := p.Providers["fs"].(map[string]any)
	if !ok {
		t.Fatalf("Providers[fs] = %#v", p.Providers["fs"])
	}
	want := map[string]any{
		"roots": map[string]any{"data": "../sheets"}, "depth": uint64(3), "ratio": 0.5,
		"follow": false, "none": nil, "list": []any{"a", uint64(1)},
	}
	for k, v := range want {
		if got := fs[k]; !equalValues(got, v) {
			t.Errorf("Providers[fs][%s] = %#v (%T), want %#v (%T)", k, got, got, v, v)
		}
	}
	lim := DefaultLimits()
	lim.Timeout = 90 * time.Second
	lim.Memory = 64 << 20
	lim.OutputBytes = 1000 * 1000
	lim.ToolCalls = 0
	if p.Limits != lim {
		t.Errorf("Limits = %+v, want %+v", p.Limits, lim)
	}
	for path, want := range map[string]bool{
		"fmt": true, "airlock": true, "airlock/fs": true, "airlock/http": true,
		"strconv": false, "airlock/sql": false, "os": false, "os/exec": false,
	} {
		if got := p.AllowsImport(path); got != want {
			t.Errorf("AllowsImport(%q) = %v, want %v", path, got, want)
		}
	}
}

// equalValues compares the plain values of provider configuration.
func equalValues(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k := range a {
			if !equalValues(a[k], b[k]) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		return ok && slices.EqualFunc(a, b, equalValues)
	}
	return a == b
}

func TestDefault(t *testing.T) {
	p := Default()
	if p.Name != "default" {
		t.Errorf("Name = %q", p.Name)
	}
	if len(p.Tools()) != 0 {
		t.Errorf("default policy grants tools: %v", p.Tools())
	}
	want := []string{
		"bufio", "bytes", "cmp", "container/heap", "container/list", "container/ring", "context",
		"crypto/sha256", "encoding/base64", "encoding/csv", "encoding/hex", "encoding/json", "errors",
		"fmt", "hash/crc32", "hash/fnv", "html", "io", "maps", "math", "math/big", "math/bits",
		"net/url", "path", "regexp", "slices", "sort", "strconv", "strings", "sync", "sync/atomic",
		"text/tabwriter", "time", "unicode", "unicode/utf16", "unicode/utf8",
	}
	if got := p.Imports(); !slices.Equal(got, want) {
		t.Errorf("Imports() = %q\nwant %q", got, want)
	}
	if p.Limits != DefaultLimits() {
		t.Errorf("Limits = %+v, want the defaults %+v", p.Limits, DefaultLimits())
	}
	if p.AllowsImport("airlock/fs") {
		t.Error("default policy allows airlock/fs")
	}
	if Default() == p {
		t.Error("Default returns a shared policy; callers may adjust its limits")
	}
}

// TestShippedPolicies loads every policy in policies/.
func TestShippedPolicies(t *testing.T) {
	if _, ok := os.LookupEnv("AIRLOCK_MCP_SERVERS"); !ok {
		// support.yaml finds its MCP server there; loading checks only
		// that the variable is set.
		t.Setenv("AIRLOCK_MCP_SERVERS", t.TempDir())
	}
	files, err := filepath.Glob("../policies/*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("shipped policies: %v, %v", files, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			known := slices.Clone(knownTools)
			for _, fn := range []string{"Query", "QueryRows", "Exec"} {
				known = append(known, ToolSig{Name: "sql." + fn, Params: []string{"query", "args", "statement", "tables", "read_only"}})
			}
			known = append(known, ToolSig{Name: "sql.Tables"},
				ToolSig{Name: "shell.Run", Params: []string{"script", "commands"}},
				ToolSig{Name: "shell.Open", Params: []string{"path", "mode"}},
				ToolSig{Name: "sh." + Wildcard, Params: []string{"argv"}})
			p, err := LoadWith(file, src, func(providers map[string]any) ([]ToolSig, error) {
				mcp, _ := providers["mcp"].(map[string]any)
				for server := range mcp {
					known = append(known, ToolSig{Name: server + "." + Wildcard, Provider: "mcp"})
				}
				return known, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.TrimSuffix(filepath.Base(file), ".yaml"); p.Name != want {
				t.Errorf("name %q, want %q (the file name)", p.Name, want)
			}
			if p.Description == "" {
				t.Error("no description")
			}
		})
	}
}

// TestReadmeListsSandboxPackages keeps the format documentation in step
// with what the sandbox provides.
func TestReadmeListsSandboxPackages(t *testing.T) {
	readme, err := os.ReadFile("../policies/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range SandboxPackages() {
		if !strings.Contains(string(readme), "`"+pkg+"`") {
			t.Errorf("policies/README.md does not list sandbox package %s", pkg)
		}
	}
	for _, key := range slices.Concat(topKeys, toolKeys, programKeys, limitKeys) {
		if !strings.Contains(string(readme), "`"+key+"`") {
			t.Errorf("policies/README.md does not document key %s", key)
		}
	}
}

func TestSizesAndDurations(t *testing.T) {
	sizes := []struct {
		in   string
		want int64
		err  bool
	}{
		{"256MiB", 256 << 20, false},
		{"1MB", 1000000, false},
		{"64KiB", 64 << 10, false},
		{"64kB", 64000, false},
		{"64KB", 64000, false},
		{"512B", 512, false},
		{"0B", 0, false},
		{"2GiB", 2 << 30, false},
		{"1TB", 1e12, false},
		{"256", 0, true},
		{"256mb", 0, true},
		{"256 MiB", 0, true},
		{"1.5MiB", 0, true},
		{"-1MiB", 0, true},
		{"MiB", 0, true},
		{"99999999999TiB", 0, true},
		{"", 0, true},
	}
	for _, tt := range sizes {
		got, err := ParseSize(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	for _, n := range []int64{256 << 20, 1 << 10, 1000, 0, 3 << 40} {
		back, err := ParseSize(FormatSize(n))
		if err != nil || back != n {
			t.Errorf("ParseSize(FormatSize(%d) = %q) = %d, %v", n, FormatSize(n), back, err)
		}
	}
	durations := []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"10s", 10 * time.Second, false},
		{"1m30s", 90 * time.Second, false},
		{"500ms", 500 * time.Millisecond, false},
		{"10", 0, true},
		{"0s", 0, true},
		{"-1s", 0, true},
		{"ten seconds", 0, true},
	}
	for _, tt := range durations {
		got, err := ParseDuration(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestUnsetVariables: a ${VAR} or $VAR the policy's providers expand and
// the environment lacks is a load error naming file, line, column, the
// setting and the variable, wherever such settings are; set, it loads.
func TestUnsetVariables(t *testing.T) {
	const src = `name: env
providers:
  http:
    headers: {X-Team: "${AIRLOCK_T_TEAM}"}
    host_headers:
      api.example.com: {Authorization: "Bearer ${AIRLOCK_T_TOKEN}"}
  sql:
    driver: postgres
    dsn: "postgres://app:${AIRLOCK_T_PASSWORD}@db/app"
  shell:
    dir: .
    env: {LANG: C.UTF-8, HOME: "$AIRLOCK_T_HOME"}
  cli:
    Gh:
      command: [gh, version]
      env: {GH_TOKEN: "${AIRLOCK_T_GH}"}
  mcp:
    files:
      command: ${AIRLOCK_T_DIR}/bin/server
      args: [--root, "${AIRLOCK_T_ROOT}"]
      env: {KEY: "${AIRLOCK_T_KEY}"}
    remote:
      url: https://mcp.example.com/mcp
      headers: {Authorization: "Bearer ${AIRLOCK_T_REMOTE}"}
`
	want := map[string]string{
		"AIRLOCK_T_TEAM":     "env.yaml:4 providers.http.headers.X-Team",
		"AIRLOCK_T_TOKEN":    "env.yaml:6 providers.http.host_headers.api.example.com.Authorization",
		"AIRLOCK_T_PASSWORD": "env.yaml:9 providers.sql.dsn",
		"AIRLOCK_T_HOME":     "env.yaml:12 providers.shell.env.HOME",
		"AIRLOCK_T_GH":       "env.yaml:16 providers.cli.Gh.env.GH_TOKEN",
		"AIRLOCK_T_DIR":      "env.yaml:19 providers.mcp.files.command",
		"AIRLOCK_T_ROOT":     "env.yaml:20 providers.mcp.files.args[1]",
		"AIRLOCK_T_KEY":      "env.yaml:21 providers.mcp.files.env.KEY",
		"AIRLOCK_T_REMOTE":   "env.yaml:24 providers.mcp.remote.headers.Authorization",
	}
	_, err := LoadWith("env.yaml", []byte(src), nil)
	if err == nil {
		t.Fatal("a policy with unset variables loaded")
	}
	for name, where := range want {
		at, setting, _ := strings.Cut(where, " ")
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(at) + `:\d+: ` + regexp.QuoteMeta(setting) + `: environment variable ` + name + ` is not set$`)
		if !re.MatchString(err.Error()) {
			t.Errorf("no error %q for %s in:\n%v", where, name, err)
		}
	}
	for name := range want {
		t.Setenv(name, "x")
	}
	if _, err := LoadWith("env.yaml", []byte(src), nil); err != nil && strings.Contains(err.Error(), "environment variable") {
		t.Fatalf("with every variable set: %v", err)
	}
}

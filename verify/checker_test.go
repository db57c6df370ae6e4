package verify

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/airlockhq/airlock/plan"
)

func TestCheckerToolRules(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	tests := []struct {
		tool string
		args map[string]any
		want Decision
	}{
		{"fs.ReadCSV", map[string]any{"path": "data/sales.csv"}, Decision{
			Allowed: true, Rule: `under(args.path, "data") and ext(args.path) == ".csv"`}},
		{"fs.ReadCSV", map[string]any{"path": "data/../etc/passwd.csv"}, Decision{
			Rule: `under(args.path, "data") and ext(args.path) == ".csv"`, Reason: "only .csv files under data/"}},
		{"fs.ReadCSV", map[string]any{}, Decision{
			Rule: `under(args.path, "data") and ext(args.path) == ".csv"`, Reason: "rule failed: under: path is nil, not a string"}},
		{"fs.ReadCSV", map[string]any{"path": 7.0}, Decision{
			Rule: `under(args.path, "data") and ext(args.path) == ".csv"`, Reason: "rule failed: under: path is float64, not a string"}},
		{"fs.ReadCSV", nil, Decision{
			Rule: `under(args.path, "data") and ext(args.path) == ".csv"`, Reason: "rule failed: under: path is nil, not a string"}},
		{"fs.Glob", map[string]any{"pattern": "../*"}, Decision{Allowed: true}},
		{"fs.ReadDir", map[string]any{"path": "data"}, Decision{Reason: "fs.ReadDir is not granted by policy test"}},
		{"nosuch.Tool", nil, Decision{Reason: "nosuch.Tool is not granted by policy test"}},
		{"http.Get", map[string]any{"url": "https://api.example.com/v1"}, Decision{Allowed: true, Rule: `host(args.url) == "api.example.com"`}},
		{"http.Get", map[string]any{"url": "https://api.example.com\\@evil.example/"}, Decision{
			Rule: `host(args.url) == "api.example.com"`, Reason: `denied by rule host(args.url) == "api.example.com"`}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.tool, tt.args), func(t *testing.T) {
			if got := pol.NewChecker().Check(tt.tool, tt.args); got != tt.want {
				t.Errorf("Check = %+v\nwant    %+v", got, tt.want)
			}
		})
	}
}

func TestCheckerProgramRules(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	csv := map[string]any{"path": "data/sales.csv"}
	post := map[string]any{"url": "https://api.example.com/", "contentType": "application/json", "body": "{}"}
	blocked := Decision{Rule: `uses("fs.ReadCSV") and uses("http.Post")`, Reason: "program denied: rows must not leave through HTTP"}

	t.Run("read then post", func(t *testing.T) {
		c := pol.NewChecker()
		if d := c.Check("fs.ReadCSV", csv); !d.Allowed {
			t.Fatalf("first read: %+v", d)
		}
		if d := c.Check("fs.ReadCSV", csv); !d.Allowed {
			t.Fatalf("second read: %+v", d)
		}
		if d := c.Check("http.Post", post); d != blocked {
			t.Fatalf("post after read: %+v, want %+v", d, blocked)
		}
		// The refused post did not happen, so reading is still fine.
		if d := c.Check("fs.ReadCSV", csv); !d.Allowed {
			t.Fatalf("read after refused post: %+v", d)
		}
	})
	t.Run("post then read", func(t *testing.T) {
		c := pol.NewChecker()
		if d := c.Check("http.Post", post); !d.Allowed {
			t.Fatalf("post: %+v", d)
		}
		if d := c.Check("fs.ReadCSV", csv); d != blocked {
			t.Fatalf("read after post: %+v, want %+v", d, blocked)
		}
	})
	t.Run("a denied read does not count", func(t *testing.T) {
		c := pol.NewChecker()
		if d := c.Check("fs.ReadCSV", map[string]any{"path": "secret.csv"}); d.Allowed {
			t.Fatalf("read outside data: %+v", d)
		}
		if d := c.Check("http.Post", post); !d.Allowed {
			t.Fatalf("post after a refused read: %+v", d)
		}
	})
	t.Run("checkers do not share state", func(t *testing.T) {
		a, b := pol.NewChecker(), pol.NewChecker()
		a.Check("fs.ReadCSV", csv)
		if d := b.Check("http.Post", post); !d.Allowed {
			t.Fatalf("post on a fresh checker: %+v", d)
		}
	})
}

func TestCheckerImports(t *testing.T) {
	pol := mustLoad(t, "tools: {http.Get: {}}\nprogram:\n  - deny: 'imports(\"encoding/base64\") and uses(\"http.Get\")'\n")
	p := &plan.Plan{File: "p.go", Imports: []plan.Import{{Path: "encoding/base64"}}}
	v := Check(p, pol, CheckOptions{})
	if d := v.NewChecker().Check("http.Get", map[string]any{"url": "https://x/"}); d.Allowed {
		t.Errorf("verdict checker allowed a GET from a program importing encoding/base64")
	}
	if d := pol.NewChecker().Check("http.Get", map[string]any{"url": "https://x/"}); !d.Allowed {
		t.Errorf("policy checker (no imports known) denied: %+v", d)
	}
}

// TestCheckerConcurrent races first calls of two tools that a program rule
// forbids together: exactly one may win.
func TestCheckerConcurrent(t *testing.T) {
	pol := mustLoad(t, checkPolicy)
	csv := map[string]any{"path": "data/sales.csv"}
	post := map[string]any{"url": "https://api.example.com/", "contentType": "application/json", "body": "{}"}
	for range 200 {
		c := pol.NewChecker()
		var wg sync.WaitGroup
		var readOK, postOK bool
		wg.Go(func() { readOK = c.Check("fs.ReadCSV", csv).Allowed })
		wg.Go(func() { postOK = c.Check("http.Post", post).Allowed })
		wg.Wait()
		if readOK == postOK {
			t.Fatalf("read allowed %v, post allowed %v: want exactly one", readOK, postOK)
		}
	}
	c := pol.NewChecker()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				if d := c.Check("fs.ReadCSV", csv); !d.Allowed {
					t.Errorf("concurrent read: %+v", d)
					return
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkCheckerCheck(b *testing.B) {
	pol := mustLoad(b, checkPolicy)
	benches := []struct {
		name string
		tool string
		args map[string]any
	}{
		{"no-rule", "fs.Glob", map[string]any{"pattern": "data/*.csv"}},
		{"under", "fs.ReadCSV", map[string]any{"path": "data/2024/sales.csv"}},
		{"host", "http.Get", map[string]any{"url": "https://api.example.com/v1/items?page=2"}},
		{"denied", "fs.ReadCSV", map[string]any{"path": "secret/keys.csv"}},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) {
			c := pol.NewChecker()
			c.Check(bb.tool, bb.args)
			b.ReportAllocs()
			for b.Loop() {
				c.Check(bb.tool, bb.args)
			}
		})
	}
	b.Run("under-parallel", func(b *testing.B) {
		c := pol.NewChecker()
		args := map[string]any{"path": "data/2024/sales.csv"}
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				c.Check("fs.ReadCSV", args)
			}
		})
	})
}

// TestShippedPolicyRules runs calls through the shipped example policies:
// each grants what its comments say, and no more.
func TestShippedPolicyRules(t *testing.T) {
	tests := []struct {
		policy string
		calls  []string // allowed calls made before, as "tool arg=value ..."
		tool   string
		args   map[string]any
		want   Decision
	}{
		{"spreadsheet", nil, "fs.ReadCSV", map[string]any{"path": "data/sales.csv"}, Decision{
			Allowed: true, Rule: `under(args.path, "data") and ext(args.path) == ".csv"`}},
		{"spreadsheet", nil, "fs.ReadCSV", map[string]any{"path": "data/../secrets.csv"}, Decision{
			Rule: `under(args.path, "data") and ext(args.path) == ".csv"`, Reason: "only .csv files under data/ are readable"}},
		{"spreadsheet", nil, "fs.ReadFile", map[string]any{"path": "data2/notes.txt"}, Decision{
			Rule: `under(args.path, "data")`, Reason: "only files under data/ are readable"}},
		{"spreadsheet", nil, "fs.Glob", map[string]any{"pattern": "data/*.csv"}, Decision{
			Allowed: true, Rule: `under(args.pattern, "data")`}},
		{"spreadsheet", nil, "fs.Glob", map[string]any{"pattern": "*"}, Decision{
			Rule: `under(args.pattern, "data")`, Reason: "only files under data/ can be listed"}},
		{"spreadsheet", nil, "http.Get", map[string]any{"url": "https://example.com/"}, Decision{
			Reason: "http.Get is not granted by policy spreadsheet"}},
		{"research", nil, "http.Get", map[string]any{"url": "https://api.github.com/repos/golang/go"}, Decision{
			Allowed: true, Rule: `scheme(args.url) == "https" and host(args.url) in ["api.github.com", "api.crossref.org", "export.arxiv.org", "en.wikipedia.org"]`}},
		{"research", nil, "http.Get", map[string]any{"url": "http://api.github.com/"}, Decision{
			Rule:   `scheme(args.url) == "https" and host(args.url) in ["api.github.com", "api.crossref.org", "export.arxiv.org", "en.wikipedia.org"]`,
			Reason: "GET is limited to https on api.github.com, api.crossref.org, export.arxiv.org and en.wikipedia.org"}},
		{"research", nil, "http.Post", map[string]any{"url": "https://api.crossref.org/works", "contentType": "application/json", "body": "{}"}, Decision{
			Allowed: true, Rule: `scheme(args.url) == "https" and host(args.url) == "api.crossref.org" and args.contentType == "application/json"`}},
		{"research", []string{"fs.ReadFile path=docs/notes.md"}, "http.Post", map[string]any{"url": "https://api.crossref.org/works", "contentType": "application/json", "body": "{}"}, Decision{
			Rule: `uses_any("fs") and uses("http.Post")`, Reason: "program denied: data read from local files must not leave through http.Post"}},
	}
	for _, tt := range tests {
		t.Run(tt.policy+" "+tt.tool+fmt.Sprint(tt.args), func(t *testing.T) {
			pol, err := LoadFile("../policies/"+tt.policy+".yaml", knownTools)
			if err != nil {
				t.Fatal(err)
			}
			c := pol.NewChecker()
			for _, before := range tt.calls {
				fields := strings.Fields(before)
				args := map[string]any{}
				for _, kv := range fields[1:] {
					k, v, _ := strings.Cut(kv, "=")
					args[k] = v
				}
				if d := c.Check(fields[0], args); !d.Allowed {
					t.Fatalf("earlier call %s denied: %+v", before, d)
				}
			}
			if got := c.Check(tt.tool, tt.args); got != tt.want {
				t.Errorf("Check = %+v\nwant    %+v", got, tt.want)
			}
		})
	}
}

// TestFailingProgramRule: a program rule that fails while it is evaluated
// denies, before and during the run.
func TestFailingProgramRule(t *testing.T) {
	pol := mustLoad(t, "tools: {fs.Glob: {}}\nprogram:\n  - deny: 'uses_any(lower(\"FS.[\"))'\n")
	v := Check(&plan.Plan{File: "p.go", Uses: []plan.ToolUse{call("fs.Glob", 3, known("pattern", "*"))}}, pol, CheckOptions{})
	want := `program rule failed: uses_any: bad pattern "fs.[": syntax error in pattern`
	if v.Approved() || len(v.Violations) != 1 || v.Violations[0].Message != want {
		t.Errorf("violations %+v, want one: %s", v.Violations, want)
	}
	d := pol.NewChecker().Check("fs.Glob", map[string]any{"pattern": "*"})
	if d.Allowed || d.Reason != want {
		t.Errorf("Check = %+v, want denied: %s", d, want)
	}
}

// TestRuleCostBounded refuses, when the policy loads, the rule constructs
// whose cost could grow without bound from small arguments, and caps at
// run time the string a rule's replace builds. The controls: the same
// rules' bounded forms load and judge.
func TestRuleCostBounded(t *testing.T) {
	for _, c := range []struct{ rule, want string }{
		{`replace(repeat("x", 400000), "x", repeat("y", 400000)) != ""`, "repeat() is not allowed in a rule"},
		{`reduce(["a"], #acc + #acc, args.path) != ""`, "reduce() is not allowed in a rule"},
		{`len(map(1..100000000, #)) > 0`, "a range (..) is not allowed in a rule"},
		{`let x = args.path + args.path; x != ""`, "let is not allowed in a rule"},
	} {
		_, err := Load("p.yaml", []byte("tools:\n  fs.ReadFile:\n    allow: '"+c.rule+"'\n"), knownTools)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("rule %s: %v, want %q", c.rule, err, c.want)
		}
	}
	pol := mustLoad(t, "tools:\n  fs.ReadFile:\n    allow: 'replace(args.path, \"\", \"0123456789\") != \"\" and args.path + \"x\" != \"\"'\n")
	if d := pol.NewChecker().Check("fs.ReadFile", map[string]any{"path": "data/a.txt"}); !d.Allowed {
		t.Errorf("a small replace: %+v", d)
	}
	d := pol.NewChecker().Check("fs.ReadFile", map[string]any{"path": strings.Repeat("p", 200_000)})
	if d.Allowed || !strings.Contains(d.Reason, "replace: the result would be 2200010 bytes, over a rule's limit of 1048576") {
		t.Errorf("a replace past the cap: %+v", d)
	}
}

// TestFlags reads options as a command does, whatever their spelling.
func TestFlags(t *testing.T) {
	for _, c := range []struct {
		argv []any
		want string
	}{
		{[]any{"-nf", "prog.jq"}, "[-n -f]"},
		{[]any{"--from-file=prog.jq", "-r", ".x"}, "[--from-file -r]"},
		{[]any{"-L.", "-n"}, "[-L -. -n]"},
		{[]any{"-r", "--", "-f"}, "[-r]"},
		{[]any{"-", ".x", "file"}, "[]"},
		{nil, "[]"},
	} {
		got, err := flags(c.argv)
		if err != nil || fmt.Sprint(got) != c.want {
			t.Errorf("flags(%q) = %v, %v; want %s", c.argv, got, err, c.want)
		}
	}
	if _, err := flags([]any{7.0}); err == nil {
		t.Error("flags of a number: no error")
	}
}

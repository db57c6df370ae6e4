package verify

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/airlockhq/airlock/plan"
)

// FuzzLoad holds the policy loader to its contract on any input: it never
// panics, and it returns either a policy or an *Error listing at least one
// problem, never both and never neither. A policy it does return can judge
// a plan and a call without panicking.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("../policies/*.yaml")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, src := range []string{
		checkPolicy,
		"tools:\n  fs.ReadCSV:\n    allow: |\n      under(args.path, \"data\")\n        and nope\n",
		"tools:\n  http.Post: {allow: \"args.contentType == \\\"a\\\" and args[tool] != 1\"}\n",
		"program:\n  - deny: 'uses_any(\"fs.*\") and imports(\"os\") or len(tools) > 2'\n",
		"providers: {fs: {roots: {data: [1, 2.5, true, ~, {a: b}]}}}\nlimits: {memory: 1KiB}\n",
		"a: &x [*x]\n",
		"- [\n",
		"",
	} {
		f.Add([]byte(src))
	}
	use := plan.ToolUse{Tool: "fs.ReadCSV", Kind: "call", Args: []plan.Arg{{Name: "path", Known: true, Value: "data/a.csv"}}}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Load("fuzz.yaml", src, knownTools)
		if (p == nil) == (err == nil) {
			t.Fatalf("Load returned policy %v and error %v", p != nil, err)
		}
		if err != nil {
			var perr *Error
			if !errors.As(err, &perr) || len(perr.Problems) == 0 || err.Error() == "" {
				t.Fatalf("error %T %q is not an *Error with problems", err, err)
			}
			return
		}
		Check(&plan.Plan{File: "p.go", Uses: []plan.ToolUse{use}, Imports: []plan.Import{{Path: "fmt"}}}, p, CheckOptions{})
		c := p.NewChecker()
		c.Check("fs.ReadCSV", map[string]any{"path": "data/a.csv"})
		c.Check("http.Post", map[string]any{"url": "https://x/", "contentType": "a", "body": "b"})
	})
}

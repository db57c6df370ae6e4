package airlock_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/airlockhq/airlock"
)

// TestKnownArguments measures the share of tool uses whose arguments are
// all known before the program runs (a value, or a set of values), on the
// shipped examples, the benchmark programs and 30 agent-style programs in
// testdata/known; -v prints the table. The agent-style programs stay at
// 80% or more: the rest pass data (a file to write, a body to post) or
// paths that come from other tools, which no analysis knows before the run.
func TestKnownArguments(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	shop, _ := filepath.Abs(filepath.Join("testdata", "shop.db"))
	policy := "name: known\nproviders:\n  fs:\n    roots: {data: data}\n  sql:\n    database: " + shop +
		"\n  shell:\n    dir: data\n  http: {}\n"
	eng, err := airlock.LoadPolicy("known.yaml", []byte(policy), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	sets := []struct {
		name  string
		glob  string
		least float64
	}{
		{"shipped examples", "testdata/examples/*.go", 0},
		{"benchmark programs", "bench/economy/testdata/*/*.go", 0},
		{"honest programs of the precision set", "testdata/precision/*.go", 0},
		{"agent-style programs (testdata/known)", "testdata/known/*.go", 0.80},
	}
	for _, set := range sets {
		files, _ := filepath.Glob(set.glob)
		uses, known, planned := 0, 0, 0
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := eng.Plan(filepath.Base(f), src)
			if err != nil {
				continue // a program of a tool this policy does not configure (an MCP server)
			}
			planned++
			b, _ := json.Marshal(p.Uses)
			type arg struct {
				Known  bool  `json:"known"`
				Values []any `json:"values"`
			}
			var list []struct {
				Kind  string `json:"kind"`
				Args  []arg  `json:"args"`
				Calls []struct {
					Args []arg `json:"args"`
				} `json:"calls"`
			}
			json.Unmarshal(b, &list)
			for _, u := range list {
				uses++
				args := u.Args
				for _, c := range u.Calls { // a tool held in a variable, by its calls
					args = append(args, c.Args...)
				}
				all := u.Kind == "call" || len(u.Calls) > 0
				for _, a := range args {
					all = all && (a.Known || len(a.Values) > 0)
				}
				if all {
					known++
				}
			}
		}
		share := float64(known) / float64(max(uses, 1))
		t.Logf("%-40s %3d programs %4d tool uses %4d known %5.1f%%", set.name, planned, uses, known, 100*share)
		if share < set.least {
			t.Errorf("%s: %.1f%% of tool uses have known arguments, want at least %.0f%%", set.name, 100*share, 100*set.least)
		}
	}
}

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
// testdata/known; -v prints the table. A second share leaves out the
// payload a call carries (a file's content to write, a body to post),
// counting the uses whose arguments naming what the call reaches (paths,
// URLs, queries, scripts) are all known. The agent-style programs stay at
// 80% and 90% or more: the rest pass data, or paths that come from other
// tools, which no analysis knows before the run.
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
		name         string
		glob         string
		least, reach float64
	}{
		{"shipped examples", "testdata/examples/*.go", 0, 0},
		{"benchmark programs", "bench/economy/testdata/*/*.go", 0, 0},
		{"honest programs of the precision set", "testdata/precision/*.go", 0, 0},
		{"agent-style programs (testdata/known)", "testdata/known/*.go", 0.80, 0.90},
	}
	t.Logf("%-40s %12s %9s %15s %15s", "set", "programs", "tool uses", "all args known", "payload aside")
	var totalUses, totalKnown, totalReached int
	defer func() {
		t.Logf("%-40s %12s %9d %4d = %5.1f%% %4d = %5.1f%%", "all four sets", "", totalUses, totalKnown,
			100*float64(totalKnown)/float64(max(totalUses, 1)), totalReached, 100*float64(totalReached)/float64(max(totalUses, 1)))
	}()
	for _, set := range sets {
		files, _ := filepath.Glob(set.glob)
		uses, known, reached, planned := 0, 0, 0, 0
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
				Name   string `json:"name"`
				Known  bool   `json:"known"`
				Values []any  `json:"values"`
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
				reach := all
				for _, a := range args {
					k := a.Known || len(a.Values) > 0
					all = all && k
					reach = reach && (k || a.Name == "content" || a.Name == "body")
				}
				if all {
					known++
				}
				if reach {
					reached++
				}
			}
		}
		totalUses, totalKnown, totalReached = totalUses+uses, totalKnown+known, totalReached+reached
		share := float64(known) / float64(max(uses, 1))
		rshare := float64(reached) / float64(max(uses, 1))
		t.Logf("%-40s %12d %9d %4d = %5.1f%% %4d = %5.1f%%", set.name, planned, uses, known, 100*share, reached, 100*rshare)
		if share < set.least {
			t.Errorf("%s: %.1f%% of tool uses have known arguments, want at least %.0f%%", set.name, 100*share, 100*set.least)
		}
		if rshare < set.reach {
			t.Errorf("%s: %.1f%% of tool uses have known arguments besides their payload, want at least %.0f%%", set.name, 100*rshare, 100*set.reach)
		}
	}
}

package airlock_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/fixtures"
	"github.com/airlockhq/airlock/tools"
)

// TestConcurrentRuns runs programs of every provider kind at once through
// one engine: Go programs calling fs, sql, shell.Run, http, a command
// tool, the workspace and an MCP server, and shell scripts. Each run must
// give what it gives alone: its own output, and a summary that counts only
// its own calls. Run with -race
// (CI does), the parent's and the children's memory accesses are checked
// too: the children are this test binary, built with the detector.
func TestConcurrentRuns(t *testing.T) {
	shop, err := filepath.Abs(filepath.Join("testdata", "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	if raceBuild {
		t.Log("race build: the scripts run shell builtins only, as a cgo build's command helpers cannot apply Landlock under the race detector")
	}
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, r.URL.Path) }))
	defer web.Close()
	servers := fixtures.MCPServers(t)
	if servers == "" {
		t.Log("no MCP servers from the npm registry: the MCP runs are left out")
	}
	path, jobs, err := fixtures.Concurrent(t.TempDir(), shop, servers, web.URL, 32, raceBuild)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := airlock.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	opts := airlock.RunOptions{Options: exec.Options{Self: self}}
	// Each run has a workspace of its own, as each MCP session does.
	ctxs := make([]context.Context, len(jobs))
	for i := range jobs {
		ws, err := tools.OpenWorkspace(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		ctxs[i] = tools.WithWorkspace(context.Background(), ws)
	}
	// Alone first: what each run gives.
	alone := make([]*exec.Summary, len(jobs))
	for i, j := range jobs {
		alone[i] = eng.Run(ctxs[i], j.Name, []byte(j.Src), opts)
		if alone[i].Status != exec.StatusOK {
			t.Fatalf("run %d (%s) alone: %s", i, j.Name, alone[i].Encode(4000))
		}
	}
	// Then all at once.
	together := make([]*exec.Summary, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { together[i] = eng.Run(ctxs[i], j.Name, []byte(j.Src), opts) })
	}
	wg.Wait()
	for i, j := range jobs {
		a, b := alone[i], together[i]
		if b.Status != exec.StatusOK || b.Output != a.Output {
			t.Errorf("run %d (%s) together: status %s, output %q, error %+v; alone: %q", i, j.Name, b.Status, b.Output, b.Error, a.Output)
		}
		if b.Stats.ToolCalls != a.Stats.ToolCalls || len(b.Calls) != len(a.Calls) {
			t.Errorf("run %d (%s) together counted %d calls %v; alone %d %v", i, j.Name, b.Stats.ToolCalls, b.Calls, a.Stats.ToolCalls, a.Calls)
			continue
		}
		for tool, c := range a.Calls {
			if d := b.Calls[tool]; d == nil || d.Count != c.Count || d.BytesOut != c.BytesOut {
				t.Errorf("run %d (%s) together: %s %+v; alone %+v", i, j.Name, tool, d, c)
			}
		}
	}
}

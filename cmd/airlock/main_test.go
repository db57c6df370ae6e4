package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/fixtures"
)

var update = flag.Bool("u", false, "rewrite the scripts' golden files with the actual output")

func TestMain(m *testing.M) {
	// The sandboxed child is this test binary re-executed.
	airlock.Child()
	testscript.Main(m, map[string]func(){
		"airlock": func() {
			os.Exit(execute(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScript runs the CLI scripts in testdata/script. $REPO is the
// repository root, for the shipped policies and examples.
func TestScript(t *testing.T) {
	if fixtures.MCPServers(t) == "" {
		t.Log("no MCP servers from the npm registry: the scripts marked [mcp] and [inspector] are skipped; install them as .ci/run does and set AIRLOCK_MCP_SERVERS to that folder")
	}
	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..")
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			env.Setenv("AIRLOCK_MCP_SERVERS", fixtures.MCPServers(t))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "mcp":
				return fixtures.MCPServers(t) != "", nil
			case "inspector":
				dir := fixtures.MCPServers(t)
				_, err := os.Stat(filepath.Join(dir, "node_modules", ".bin", "mcp-inspector"))
				if err != nil && os.Getenv("CI") != "" {
					t.Fatalf("the MCP Inspector is not installed under %s; .ci/run installs it", dir)
				}
				return dir != "" && err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status": cmdStatus,
		},
	})
}

// cmdStatus runs a command and checks its exact exit code:
//
//	status 2 airlock verify bad.go
//
// Its stdout and stderr are then checked like those of exec.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

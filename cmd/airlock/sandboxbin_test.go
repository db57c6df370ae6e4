package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestSandboxBinary builds airlock and airlock-sandbox as a release does,
// into a folder only its owner can enter, and runs the shipped example:
// the children run airlock-sandbox. A sandbox binary from another build, or
// one the sandbox's user cannot execute, is left alone, and the runs go on
// from airlock's own binary.
func TestSandboxBinary(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the sandbox binary is found through /proc")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binaries with")
	}
	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..")
	dir := t.TempDir() // mode 0700: the child's user cannot reach it by path
	build := func(stamp, pkg, out string) {
		t.Helper()
		cmd := exec.Command(goTool, "build", "-ldflags", "-X github.com/airlockhq/airlock.version="+stamp, "-o", out, pkg)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	bin, sandbox := filepath.Join(dir, "airlock"), filepath.Join(dir, "airlock-sandbox")
	build("v0.0.0-test.1", "./cmd/airlock", bin)
	build("v0.0.0-test.1", "./cmd/airlock-sandbox", sandbox)

	doctor := func() (child, why string) {
		t.Helper()
		out, err := exec.Command(bin, "doctor", "--format", "json").Output()
		if err != nil {
			t.Fatalf("doctor: %v", err)
		}
		var r struct {
			Child string `json:"child"`
			Why   string `json:"child_not_sandbox_binary"`
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		return r.Child, r.Why
	}
	example := func() {
		t.Helper()
		// A Go program, and a script whose commands start confined from
		// airlock's binary.
		for _, args := range [][]string{
			{"run", "--policy", "policies/spreadsheet.yaml", "testdata/examples/active_accounts.go"},
			{"run", "--policy", "policies/triage.yaml", "testdata/examples/open_tickets.sh"},
		} {
			cmd := exec.Command(bin, args...)
			cmd.Dir = repo
			out, err := cmd.Output()
			if err != nil || !strings.Contains(string(out), `"status":"ok"`) {
				t.Fatalf("airlock %s: %v\n%s", strings.Join(args, " "), err, out)
			}
		}
	}

	if child, why := doctor(); child != sandbox || why != "" {
		t.Fatalf("children run from %s (%s), want %s", child, why, sandbox)
	}
	example()

	// One the sandbox's user could not execute is left alone.
	if err := os.Chmod(sandbox, 0o700); err != nil {
		t.Fatal(err)
	}
	if child, why := doctor(); child == sandbox || !strings.Contains(why, "0755") {
		t.Fatalf("a sandbox binary of mode 0700: children run from %s (%q)", child, why)
	}
	example()
	os.Chmod(sandbox, 0o755)

	build("v0.0.0-test.2", "./cmd/airlock-sandbox", sandbox)
	child, why := doctor()
	if child == sandbox || !strings.Contains(why, "-ldflags") {
		t.Fatalf("a sandbox binary of another build: children run from %s (%q)", child, why)
	}
	example()
}

// Package airlock is the library behind the airlock command: it plans,
// verifies and runs agent-written Go programs and shell scripts under a
// tool-allowlist policy, in a sandboxed child process, and gives a compact
// JSON summary for the model.
//
// An Engine holds one policy and the tools it configures. It is loaded
// once and is safe for concurrent use: what belongs to one run (its
// limits, trace, workspace, the scripts it starts) travels with that
// run's call, never on the engine.
//
//	func main() {
//		airlock.Child() // first: the sandboxed child is this binary, re-executed
//		eng, err := airlock.Load("policy.yaml")
//		...
//		defer eng.Close()
//		s := eng.Run(ctx, "agent.go", src, airlock.RunOptions{})
//		os.Stdout.Write(s.Encode(2000))
//	}
//
// The command-line tool, its MCP server and the tests all go through an
// Engine.
package airlock

import (
	"os"

	"github.com/airlockhq/airlock/exec"
)

// Child turns the process into airlock's sandboxed child when it was
// started as one, and otherwise returns at once. airlock runs each program
// in a child that re-executes the running binary (os.Executable), so a
// program embedding airlock calls Child first in its main, before flags
// are parsed or anything else starts; a test binary calls it first in
// TestMain. When the process is a child, Child never returns.
func Child() {
	if len(os.Args) > 1 && os.Args[1] == exec.ChildArg {
		exec.ChildMain()
	}
}

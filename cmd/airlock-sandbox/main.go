// Command airlock-sandbox is the sandboxed child airlock starts for each
// program: the interpreter, the standard library it offers and the
// sandbox's own layers, without the tools, the planner's policy engine or
// the MCP server. Installed next to airlock from the same build, it starts
// in less time and memory than airlock itself, which otherwise re-executes
// its own binary as the child. It is not meant to be run by hand.
package main

import (
	"fmt"
	"os"

	"github.com/airlockhq/airlock/exec/child"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == child.Arg {
		child.Main()
	}
	fmt.Fprintln(os.Stderr, "airlock-sandbox is the child airlock starts for each program; run airlock instead")
	os.Exit(2)
}

// Package early starts the sandboxed child of `airlock run` from a package
// initialiser, so that the child's start, its confinement and its
// interpreter overlap the rest of airlock's initialisation and the program's
// planning and verification. A cold run otherwise waits for the two one
// after the other.
//
// Its initialiser runs as soon as the packages it imports have theirs:
// before most of airlock's. It reads the command line only; the run takes
// the child (exec.Prestart) once it has read the policy, which sets the
// child's real limits, and the command discards it if nothing took it.
package early

import (
	"os"
	"strings"

	"github.com/airlockhq/airlock/exec/launch"
	"github.com/airlockhq/airlock/exec/sandbox"
)

// provisional are the limits the child starts under before the policy is
// read: the built-in policy's memory limit, and the open files and threads
// of every child that interprets a Go program.
var provisional = sandbox.Limits{Memory: 256 << 20, OpenFiles: 64, Threads: 64}

func init() {
	if Wanted(os.Args[1:]) {
		launch.Early(provisional)
	}
}

// Wanted reports whether the command line args (without the program name)
// runs one Go program in a child the run would take: `airlock run` without
// --memory, of a file not named as a shell script, and not asking for help.
func Wanted(args []string) bool {
	if len(args) < 2 || args[0] != "run" {
		return false
	}
	for _, a := range args[1:] {
		switch {
		case a == "--":
			return !strings.HasSuffix(args[len(args)-1], ".sh")
		case a == "--memory" || strings.HasPrefix(a, "--memory="), a == "-h" || a == "--help":
			return false
		}
	}
	return !strings.HasSuffix(args[len(args)-1], ".sh")
}

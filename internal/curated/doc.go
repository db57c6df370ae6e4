// Package curated holds hand-written subsets of standard packages for
// sandboxed programs: what a program may do with os, log, flag,
// path/filepath and io/ioutil without files, processes, the environment or
// the network. Each table is in the format of yaegi extract, so the planner
// type-checks programs against exactly these symbols and the child offers
// exactly these.
//
// A few functions end the program or write to its standard error. They
// reach the child's streams through Hooks, which the child sets before the
// program runs; the defaults write to the process's own streams, which is
// what the planner and tests need.
package curated

import (
	"io"
	"os"
	"reflect"
)

// Symbols maps "importpath/name" to the exported symbols of that package.
var Symbols = map[string]map[string]reflect.Value{}

// Hooks connect the curated packages to the run. Stderr is the program's
// standard error (in the sandbox, its output stream); Exit ends the
// program with a status, reporting it first.
var Hooks = struct {
	Stderr io.Writer
	Exit   func(code int)
}{
	Stderr: os.Stderr,
	Exit:   os.Exit,
}

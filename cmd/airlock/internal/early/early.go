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
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/airlockhq/airlock/exec/launch"
	"github.com/airlockhq/airlock/exec/sandbox"
)

// provisional are the limits the child starts under before the policy is
// read: the built-in policy's memory limit, and the open files and threads
// of every child that interprets a Go program.
var provisional = sandbox.Limits{Memory: 256 << 20, OpenFiles: 64, Threads: 64}

// signals end airlock; until the command handles them (HandOver), one of
// them discards the early child first.
var signals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

var handover struct {
	sync.Mutex
	done bool
	c    chan os.Signal // the signals until HandOver
}

func init() {
	if Wanted(os.Args[1:]) {
		start()
	}
}

// start starts the child, first making sure that airlock does not end
// without discarding it.
func start() {
	// A signal before the command handles them would end airlock with
	// the child's cgroup left behind, so one discards the child first,
	// once it has started. A reader of airlock's output that has gone
	// would too (SIGPIPE), so a write to it fails instead, and the command
	// ends in order.
	handover.Lock()
	defer handover.Unlock()
	// Not signal.Ignore: an ignored signal stays ignored in the children
	// airlock starts, and in every command a script runs.
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	go func() {
		for range pipe {
		}
	}()
	c := make(chan os.Signal, len(signals))
	for _, s := range signals {
		if !signal.Ignored(s) { // under nohup, SIGHUP stays ignored
			signal.Notify(c, s)
		}
	}
	handover.c = c
	go func() {
		for s := range c {
			handover.Lock()
			if handover.done {
				// A signal that came before HandOver goes to the
				// command's own handler.
				syscall.Kill(os.Getpid(), s.(syscall.Signal))
				handover.Unlock()
				continue
			}
			// The lock stays held: the command starts nothing more
			// while airlock ends by the signal.
			launch.DiscardEarly()
			signal.Reset(s)
			syscall.Kill(os.Getpid(), s.(syscall.Signal))
			time.Sleep(time.Second)
			os.Exit(128 + int(s.(syscall.Signal)))
		}
	}()
	launch.Early(provisional)
}

// HandOver tells the package that the command now handles the signals that
// end it, and discards the early child itself before it exits.
func HandOver() {
	handover.Lock()
	defer handover.Unlock()
	handover.done = true
	if handover.c != nil {
		signal.Stop(handover.c)
	}
}

// Wanted reports whether the command line args (without the program name)
// runs one program in a child the run would take: `airlock run` without
// --memory, of a file not named as a shell script, and not asking for help.
// A program read from standard input, or a file named otherwise, may turn
// out to be a script; the command then discards the child at once.
func Wanted(args []string) bool {
	if len(args) < 2 || args[0] != "run" {
		return false
	}
	for _, a := range args[1:] {
		if a == "--" {
			break
		}
		switch {
		case a == "--memory" || len(a) > 9 && a[:9] == "--memory=", a == "-h" || a == "--help":
			return false
		}
	}
	switch filepath.Ext(args[len(args)-1]) {
	case ".sh", ".bash":
		return false
	}
	return true
}

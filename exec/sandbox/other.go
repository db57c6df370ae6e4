//go:build !linux

package sandbox

import (
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
)

// notLinux is why every layer but the environment is missing here.
var notLinux = "not Linux (" + runtime.GOOS + ")"

// cgroup is never created outside Linux.
type cgroup struct{}

// Prepare sets up cmd, not yet started, to run as a sandboxed child and
// returns the Guard that watches over it. Outside Linux it only empties the
// environment; every other layer is reported missing.
func Prepare(cmd *exec.Cmd, lim Limits) (*Guard, error) {
	cmd.Env = []string{}
	return &Guard{cmd: cmd, limits: lim, layers: missingLayers()}, nil
}

func (g *Guard) started(pid int) error { return nil }

func (cg *cgroup) resize(old, limit int64) error { return nil }

func (g *Guard) migrates() bool { return false }

func (g *Guard) startFailed() bool { return false }

func (g *Guard) kill() bool {
	if g.cmd.Process == nil {
		return false
	}
	return g.cmd.Process.Kill() == nil
}

func (g *Guard) finish(bool) Usage {
	var u Usage
	if s := g.cmd.ProcessState; s != nil {
		u.CPU = s.UserTime() + s.SystemTime()
	}
	return u
}

// Enter confines the calling process, the child, and reports every layer.
// Outside Linux it empties the environment and sets the Go runtime's soft
// memory and thread limits; every other layer is reported missing.
func Enter(lim Limits, memoryByCgroup bool) ([]Layer, error) {
	os.Clearenv()
	if lim.Memory > 0 {
		debug.SetMemoryLimit(lim.Memory - lim.Memory/8)
	}
	if lim.Threads > 0 {
		debug.SetMaxThreads(lim.Threads)
	}
	return missingLayers(), nil
}

// Doctor reports which layers this machine supports and why one is missing.
func Doctor() []Layer {
	return missingLayers()
}

func missingLayers() []Layer {
	return []Layer{
		{Name: Namespaces, Detail: notLinux},
		{Name: Landlock, Detail: notLinux},
		{Name: Seccomp, Detail: notLinux},
		{Name: Rlimits, Detail: notLinux},
		{Name: Memory, Detail: notLinux},
		{Name: Env, Active: true, Detail: "empty"},
	}
}

// LimitExec does nothing where Landlock is not available.
func LimitExec(files []string) error { return nil }

// RemoveStaleCgroups does nothing outside Linux.
func RemoveStaleCgroups() {}

// StartNote is empty: there are no cgroups outside Linux.
func StartNote() string { return "" }

func (g *Guard) remove() {}

package sandbox

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Layer names, in the order every report lists them.
const (
	Namespaces = "namespaces" // user, pid, net, ipc, uts and mount namespaces
	Landlock   = "landlock"   // no filesystem or TCP/UDP access
	Seccomp    = "seccomp"    // system-call filter
	Rlimits    = "rlimits"    // open files, file size, core dumps, CPU time
	Memory     = "memory"     // "cgroup v1", "cgroup v2" or "rlimit-as"
	Env        = "env"        // empty environment
)

// Memory layer details: how the memory limit is enforced.
const (
	MemoryCgroupV1 = "cgroup v1"
	MemoryCgroupV2 = "cgroup v2"
	MemoryRlimitAS = "rlimit-as"
)

// Limits caps the child's resources. A zero Memory, CPU, OpenFiles or Threads
// leaves that resource unlimited.
type Limits struct {
	// Memory caps the child's memory in bytes, swap included.
	Memory int64 `json:"memory"`
	// CPU caps the child's CPU time. The kernel counts whole seconds, so it
	// is rounded up; exceeding it kills the child with SIGKILL.
	CPU time.Duration `json:"cpu"`
	// OpenFiles caps the child's file descriptors (RLIMIT_NOFILE).
	OpenFiles int `json:"open_files"`
	// FileSize caps how large the child may grow a file (RLIMIT_FSIZE). Zero
	// forbids writing files at all; a negative value leaves it unlimited.
	FileSize int64 `json:"file_size"`
	// Threads caps the Go runtime's OS threads (debug.SetMaxThreads);
	// exceeding it crashes the child.
	Threads int `json:"threads"`

	// Exec lets the child start programs, as a shell running commands
	// does: execve and new processes are allowed, signals reach the
	// child's own pid namespace, and instead of no file access at all
	// Landlock grants read and execute under ExecDirs (the system's
	// programs and libraries), read under ReadDirs and read and write
	// under WriteDirs; nothing is executable outside ExecDirs. Everything
	// the child starts inherits every layer.
	Exec      bool     `json:"exec,omitempty"`
	ExecDirs  []string `json:"exec_dirs,omitempty"`
	ReadDirs  []string `json:"read_dirs,omitempty"`
	WriteDirs []string `json:"write_dirs,omitempty"`
	// Owner, when set and the parent is root, is the user and group the
	// child acts as outside its user namespace instead of 65534: the owner
	// of the files a shell works on, so that it reaches them without any
	// capability. Landlock still fences what it may touch.
	Owner *Owner `json:"owner,omitempty"`
	// Processes caps the processes of the child's user (RLIMIT_NPROC);
	// with Exec it stops a fork bomb.
	Processes int `json:"processes,omitempty"`
}

// Owner is a user and group id outside the child's user namespace.
type Owner struct {
	UID int `json:"uid"`
	GID int `json:"gid"`
}

// Layer is one isolation layer and whether it is in force.
type Layer struct {
	Name   string `json:"name"`
	Active bool   `json:"active"`
	// Detail says how the layer is enforced, or why it is missing.
	Detail string `json:"detail,omitempty"`
}

// Missing returns "name: detail" for every layer that is not active, so a
// strict caller can refuse to run and say why.
func Missing(layers []Layer) []string {
	var out []string
	for _, l := range layers {
		if !l.Active {
			out = append(out, l.Name+": "+l.Detail)
		}
	}
	return out
}

// Usage is what a finished child consumed.
type Usage struct {
	// CPU is user plus system time.
	CPU time.Duration `json:"cpu"`
	// PeakMemory is the cgroup's peak usage, or the peak resident set size
	// when no cgroup was used, in bytes.
	PeakMemory int64 `json:"peak_memory"`
	// MemoryLimitHit is set when the cgroup's OOM killer ended the child,
	// or, without a cgroup, the parent's watch of its resident memory.
	// When RLIMIT_AS stops an allocation first, the Go runtime dies with
	// a fatal error instead; check its standard error with
	// [RuntimeOutOfMemory].
	MemoryLimitHit bool `json:"memory_limit_hit"`
	// CPULimitHit is set when the child was killed at its CPU-time limit.
	// Use it rather than comparing CPU with the limit: the kernel counts
	// CPU time for the limit more coarsely than CPU reports it.
	CPULimitHit bool `json:"cpu_limit_hit"`
	// Killed is set when Kill ended a child that was still running.
	Killed bool `json:"killed"`
}

// RuntimeOutOfMemory reports whether a child's standard error ends with the
// Go runtime's fatal out-of-memory error, which is how a child dies when
// RLIMIT_AS rather than a cgroup enforces its memory limit. The child writes
// its own standard error, so use this only to classify a crash, never to
// grant anything.
func RuntimeOutOfMemory(stderr string) bool {
	for _, sign := range []string{
		"fatal error: out of memory",
		"fatal error: runtime: out of memory",
		"runtime: out of memory: cannot allocate",
		"fatal error: runtime: cannot allocate memory",
	} {
		if strings.Contains(stderr, sign) {
			return true
		}
	}
	return false
}

// Guard is the parent's handle on one sandboxed child. It is made by
// [Prepare] before the command starts.
type Guard struct {
	cmd    *exec.Cmd
	limits Limits
	layers []Layer
	cgroup *cgroup // nil when no cgroup limits the child's memory
	// cgroupDir, when set, is the cgroup's directory, which the kernel
	// starts the child in.
	cgroupDir *os.File
	killed    atomic.Bool

	// Without a cgroup, a watcher in this process enforces the memory
	// limit (watchMemory); memLimit is the limit it enforces.
	memLimit    atomic.Int64
	overMemory  atomic.Bool   // the watcher killed the child
	unwatch     chan struct{} // closed to stop the watcher; nil: none
	watched     chan struct{} // closed once the watcher has returned
	unwatchOnce sync.Once
}

// Layers reports every layer as the parent sees it before the start: the
// namespaces, memory limit and environment it set up itself, and what this
// machine lets the child apply when it calls [Enter].
func (g *Guard) Layers() []Layer {
	return append([]Layer(nil), g.layers...)
}

// MemoryByCgroup reports whether a cgroup enforces the memory limit. Pass it
// to the child, which then leaves RLIMIT_AS alone.
func (g *Guard) MemoryByCgroup() bool {
	return g.cgroup != nil
}

// Started moves the just-started child, whose pid is given, into its memory
// cgroup. The child must not run anything untrusted before this: it may
// confine itself and make its interpreter meanwhile, but it blocks reading
// its program from standard input until the parent writes it, after
// Started. What it allocates before the move is charged to this process's
// cgroup (cgroup v1 moves no charges). When Started fails the caller should
// Kill the child.
func (g *Guard) Started(pid int) error {
	return g.started(pid)
}

// Migrates reports whether Started moves the child into its cgroup, which
// takes time: on cgroup v1 the kernel first waits for an RCU grace period
// (5-20 ms on a quiet machine). The caller may then send the child work
// that runs nothing untrusted (its setup) before Started returns.
func (g *Guard) Migrates() bool {
	return g.migrates()
}

// SetLimits changes the limits of a started child that has not yet been
// sent anything to run: its cgroup's memory limit, and the limits its end is
// judged by. It fails when lim needs another sandbox than Prepare set up (a
// memory limit where there was none or the other way round, another owner,
// commands allowed or not), changing nothing, or when the cgroup refuses the
// limit, which may leave it half changed: discard the child then.
func (g *Guard) SetLimits(lim Limits) error {
	old := g.limits
	if (lim.Memory > 0) != (old.Memory > 0) || !sameOwner(lim.Owner, old.Owner) || lim.Exec != old.Exec {
		return errors.New("the sandbox was set up for other limits")
	}
	if g.cgroup != nil && lim.Memory != old.Memory {
		if err := g.cgroup.resize(old.Memory, lim.Memory); err != nil {
			return err
		}
	}
	g.limits = lim
	g.memLimit.Store(lim.Memory)
	return nil
}

func sameOwner(a, b *Owner) bool {
	return a == b || a != nil && b != nil && *a == *b
}

// StartFailed reports, after cmd.Start failed, whether starting again with
// a new command and Guard may succeed: the failed start had the kernel
// place the child in its cgroup, which some kernels and seccomp profiles
// refuse; later Guards move the child in after the start instead. Call
// Finish on this Guard either way.
func (g *Guard) StartFailed() bool {
	return g.startFailed()
}

// Kill ends the child with SIGKILL: its process group and everything in its
// cgroup. It is safe to call at any time, from any goroutine, more than once,
// and after Wait.
func (g *Guard) Kill() {
	if g.kill() {
		g.killed.Store(true)
	}
}

// Finish reports what the child used and removes its cgroup. Call it once,
// after Wait, or after a failed Start to release the cgroup.
func (g *Guard) Finish() Usage {
	return g.usage(true)
}

// Usage is Finish without removing the cgroup, so that the caller can hand
// the usage on first; it must call Remove afterwards.
func (g *Guard) Usage() Usage {
	return g.usage(false)
}

// Remove removes the child's cgroup after Usage.
func (g *Guard) Remove() {
	g.remove()
}

func (g *Guard) usage(remove bool) Usage {
	u := g.finish(remove)
	u.Killed = g.killed.Load()
	if u.Killed {
		u.CPULimitHit = false
	}
	return u
}

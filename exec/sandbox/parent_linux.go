package sandbox

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	ll "github.com/landlock-lsm/go-landlock/landlock/syscall"
	"golang.org/x/sys/unix"
)

// nobody is the unprivileged id the child runs as, inside its user
// namespace and, when the parent is root, outside it too.
const nobody = 65534

// namespaceFlags are the namespaces the child gets.
const namespaceFlags = syscall.CLONE_NEWUSER | syscall.CLONE_NEWPID | syscall.CLONE_NEWNET |
	syscall.CLONE_NEWIPC | syscall.CLONE_NEWUTS | syscall.CLONE_NEWNS

// Prepare sets up cmd, not yet started, to run as a sandboxed child and
// returns the Guard that watches over it.
//
// It empties the environment, puts the child in its own process group, asks
// for SIGKILL when the parent dies, and starts it in new user, pid, network,
// ipc, uts and mount namespaces as uid and gid 65534 (as the parent's own
// uid when the parent is not root). With a memory limit it creates a memory
// cgroup, which [Guard.Started] moves the child into, or leaves the limit to
// the child's RLIMIT_AS; without one the memory layer is reported missing.
//
// The child changes uid before exec, so it must be able to reach its binary:
// when cmd.Path is the running executable, Prepare replaces it with
// /proc/self/exe, which needs no access to the directories above it.
//
// The kernel sends the parent-death signal when the thread that started the
// child exits, so start it from a goroutine that is not locked to a thread
// it will end.
func Prepare(cmd *exec.Cmd, lim Limits) (*Guard, error) {
	g := &Guard{cmd: cmd, limits: lim}
	g.memLimit.Store(lim.Memory)
	cmd.Env = []string{}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	attr := cmd.SysProcAttr
	attr.Setpgid, attr.Pgid = true, 0
	attr.Pdeathsig = syscall.SIGKILL

	ns, userns := namespaceLayer()
	if userns {
		attr.Cloneflags |= namespaceFlags
		if !pidNamespaceWorks() {
			attr.Cloneflags &^= syscall.CLONE_NEWPID
		}
		outsideUID, outsideGID := nobody, nobody
		switch {
		case os.Geteuid() != 0:
			outsideUID, outsideGID = os.Geteuid(), os.Getegid()
		case lim.Owner != nil:
			outsideUID, outsideGID = lim.Owner.UID, lim.Owner.GID
		}
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: nobody, HostID: outsideUID, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: nobody, HostID: outsideGID, Size: 1}}
		// Only root may write a gid map that allows setgroups; the child
		// then drops the parent's supplementary groups.
		attr.GidMappingsEnableSetgroups = os.Geteuid() == 0
		attr.Credential = &syscall.Credential{Uid: nobody, Gid: nobody, NoSetGroups: os.Geteuid() != 0}
		if isSelf(cmd.Path) {
			cmd.Path = "/proc/self/exe"
		}
	}

	mem := Layer{Name: Memory, Detail: "no memory limit set"}
	if lim.Memory > 0 {
		cg, err := newCgroup(lim.Memory)
		if err != nil {
			mem = Layer{Name: Memory, Active: true, Detail: MemoryRlimitAS + " (no cgroup: " + err.Error() + ")"}
		} else {
			g.cgroup = cg
			mem = Layer{Name: Memory, Active: true, Detail: cgroupDetail(cg.version)}
			g.intoCgroup(attr)
		}
	}
	g.layers = []Layer{
		ns,
		landlockLayer(),
		seccompLayer(),
		rlimitsLayer(),
		mem,
		{Name: Env, Active: true, Detail: "empty"},
	}
	return g, nil
}

// isSelf reports whether path is the running executable.
func isSelf(path string) bool {
	if path == "/proc/self/exe" {
		return false
	}
	a, err := os.Stat(path)
	if err != nil {
		return false
	}
	b, err := os.Stat("/proc/self/exe")
	return err == nil && os.SameFile(a, b)
}

// pidNamespaceWorks reports whether the child can have its own pid
// namespace and still apply Landlock (see cgoBuild).
func pidNamespaceWorks() bool {
	abi, err := ll.LandlockGetABIVersion()
	return !cgoBuild || err != nil || abi < 1 || abi >= 8
}

// namespaceLayer reports whether the child gets all its namespaces, and
// whether it can get a user namespace at all.
func namespaceLayer() (l Layer, userns bool) {
	const what = "user, pid, net, ipc, uts, mount"
	if n, ok := readSysctl("user/max_user_namespaces"); ok && n == 0 {
		return Layer{Name: Namespaces, Detail: "user namespaces are disabled (user.max_user_namespaces = 0)"}, false
	}
	detail := what + "; uid 65534 outside"
	if os.Geteuid() != 0 {
		if n, ok := readSysctl("kernel/unprivileged_userns_clone"); ok && n == 0 {
			return Layer{Name: Namespaces, Detail: "not root and unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0)"}, false
		}
		if n, ok := readSysctl("kernel/apparmor_restrict_unprivileged_userns"); ok && n == 1 {
			return Layer{Name: Namespaces, Detail: "not root and AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)"}, false
		}
		detail = fmt.Sprintf("%s; not root, so uid %d outside", what, os.Geteuid())
	}
	if !pidNamespaceWorks() {
		return Layer{Name: Namespaces, Detail: "no pid namespace: the binary is built with cgo, and Landlock before ABI 8 " +
			"then cannot reach every thread inside one; build with CGO_ENABLED=0"}, true
	}
	return Layer{Name: Namespaces, Active: true, Detail: detail}, true
}

func readSysctl(name string) (int, bool) {
	b, err := os.ReadFile("/proc/sys/" + name)
	if err != nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	return n, err == nil
}

// cloneIntoCgroup is cleared once a start into a cgroup fails: the kernel
// (before 5.7) or a seccomp profile around airlock refuses clone3, and the
// parent moves each child into its cgroup after the start instead.
var cloneIntoCgroup atomic.Bool

func init() { cloneIntoCgroup.Store(true) }

// intoCgroup has the kernel start the child inside its cgroup (cgroup v2,
// CLONE_INTO_CGROUP): it is never outside it, and the parent does not wait
// for the migration of a running process, which takes milliseconds.
func (g *Guard) intoCgroup(attr *syscall.SysProcAttr) {
	if g.cgroup.version != 2 || !cloneIntoCgroup.Load() {
		return
	}
	dir, err := os.Open(g.cgroup.dir)
	if err != nil {
		return
	}
	g.cgroupDir = dir
	attr.UseCgroupFD, attr.CgroupFD = true, int(dir.Fd())
}

func (g *Guard) startFailed() bool {
	if g.cgroupDir == nil {
		return false
	}
	cloneIntoCgroup.Store(false)
	return true
}

func (g *Guard) migrates() bool {
	return g.cgroup != nil && g.cgroupDir == nil
}

func (g *Guard) started(pid int) error {
	if g.cgroup == nil {
		if g.limits.Memory > 0 {
			g.watchMemory(pid)
		}
		return nil
	}
	if g.cgroupDir != nil {
		g.cgroupDir.Close()
		g.cgroupDir = nil
		return nil // started inside it
	}
	if err := g.cgroup.add(pid); err != nil {
		return fmt.Errorf("moving the child into its memory cgroup: %w", err)
	}
	return nil
}

// kill reports whether the child was still running.
func (g *Guard) kill() bool {
	alive := false
	if p := g.cmd.Process; p != nil && running(p.Pid) {
		// Signal goes through a pidfd: it cannot hit a recycled pid.
		if err := p.Signal(syscall.SIGKILL); err == nil {
			alive = true
			// The leader is not yet reaped, so its group id is not reused.
			syscall.Kill(-p.Pid, syscall.SIGKILL)
		}
	}
	if g.cgroup != nil {
		g.cgroup.kill()
	}
	return alive
}

// running reports whether the child pid has neither exited nor been
// waited for, without reaping it.
func running(pid int) bool {
	var info unix.Siginfo
	err := unix.Waitid(unix.P_PID, pid, &info, unix.WEXITED|unix.WNOHANG|unix.WNOWAIT, nil)
	return err == nil && info.Signo == 0
}

func (g *Guard) finish(remove bool) Usage {
	g.stopWatching()
	var u Usage
	state := g.cmd.ProcessState
	var killedBySignal bool
	if state != nil {
		u.CPU = state.UserTime() + state.SystemTime()
		if ru, ok := state.SysUsage().(*syscall.Rusage); ok {
			u.PeakMemory = int64(ru.Maxrss) << 10
		}
		if ws, ok := state.Sys().(syscall.WaitStatus); ok {
			killedBySignal = ws.Signaled() && ws.Signal() == syscall.SIGKILL
		}
	}
	if g.cgroupDir != nil {
		g.cgroupDir.Close()
		g.cgroupDir = nil
	}
	u.MemoryLimitHit = g.overMemory.Load()
	if g.cgroup != nil {
		g.cgroup.kill()
		s := g.cgroup.stats()
		u.PeakMemory = max(u.PeakMemory, s.peak)
		u.MemoryLimitHit = s.oomKill || (killedBySignal && s.atLimit && !g.killed.Load())
		if remove {
			g.cgroup.remove()
		}
	}
	// The kernel checks RLIMIT_CPU against tick-sampled time, which on a
	// virtual machine can run well ahead of the precise time rusage
	// reports (0.72s at a 1s limit here). So a SIGKILL that neither Kill
	// nor the OOM killer explains, past half the limit, is the limit.
	if lim := time.Duration(cpuLimitSeconds(g.limits.CPU)) * time.Second; lim > 0 && killedBySignal && !u.MemoryLimitHit {
		u.CPULimitHit = u.CPU >= lim/2
	}
	return u
}

func (g *Guard) remove() {
	if g.cgroup != nil {
		g.cgroup.remove()
	}
}
